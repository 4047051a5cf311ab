//! Who handles a case (issue 16, item 5): assigning a caseworker's account,
//! the queue by caseworker, and stage 2 kept from whoever dealt with stage 1
//! (Code 6.13).

use axum::http::StatusCode;
use serde_json::{json, Value};

use crate::helpers::{errors, next_page, TestApp, TestClient};
use crate::support::{complaint, id, raise, resident_action, responded, staff_action, staff_does};

/// The account id of the caseworker with this name, from the list staff pick from.
async fn caseworker_id(staff: &TestClient, name: &str) -> String {
    let (status, _, list) = staff.get("/api/v1/staff/caseworkers").await;
    assert_eq!(status, StatusCode::OK, "{list}");
    list.as_array()
        .expect("a list")
        .iter()
        .find(|c| c["name"] == name)
        .and_then(|c| c["id"].as_str())
        .unwrap_or_else(|| panic!("{name} is not in {list}"))
        .to_owned()
}

fn assign(account: &str) -> Value {
    json!({ "type": "assigned", "caseworker_id": account })
}

fn references(list: &Value) -> Vec<String> {
    list.as_array()
        .expect("a list")
        .iter()
        .map(|c| c["id"].as_str().unwrap().to_owned())
        .collect()
}

async fn assigned_to(app: &TestApp, case: &str) -> Option<String> {
    server::db::query_scalar(
        "SELECT u.name FROM cases c LEFT JOIN users u ON u.id = c.assigned_to WHERE c.public_id = ?",
    )
    .bind(case)
    .fetch_one(&app.state.db)
    .await
    .expect("the case row")
}

#[tokio::test]
async fn only_staff_list_caseworkers_and_the_list_holds_staff_and_admins_only() {
    let app = TestApp::spawn().await;
    let riya = app.register_resident("Riya Resident").await;
    let advocate = app.register_advocate("Alex Advocate").await;
    let sam = app.create_staff("Sam Caseworker").await;
    app.create_admin("Avery Admin").await;
    for outsider in [&riya, &advocate] {
        let (status, _, _) = outsider.get("/api/v1/staff/caseworkers").await;
        assert_eq!(status, StatusCode::FORBIDDEN);
    }
    let (status, _, _) = app.client().get("/api/v1/staff/caseworkers").await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let (_, _, list) = sam.get("/api/v1/staff/caseworkers").await;
    let names: Vec<&str> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Avery Admin", "Sam Caseworker"], "by name");
    let (_, headers, first) = sam.get("/api/v1/staff/caseworkers?limit=1").await;
    assert_eq!(first.as_array().unwrap().len(), 1);
    let next = next_page(&headers).expect("a next page");
    let (_, _, second) = sam.get(&next).await;
    assert_eq!(second[0]["name"], "Sam Caseworker");
}

#[tokio::test]
async fn assigning_sets_the_caseworker_and_the_queue_filters_by_them() {
    let app = TestApp::spawn().await;
    let riya = app.register_resident("Riya Resident").await;
    let sam = app.create_staff("Sam Caseworker").await;
    let kim = app.create_staff("Kim Caseworker").await;
    let sams = id(&raise(&riya, complaint()).await);
    let kims = id(&raise(&riya, complaint()).await);
    let nobodys = id(&raise(&riya, complaint()).await);
    let sam_id = caseworker_id(&sam, "Sam Caseworker").await;
    let kim_id = caseworker_id(&sam, "Kim Caseworker").await;

    // The name recorded is the account's, whatever name is sent.
    let detail = staff_does(
        &sam,
        &sams,
        json!({ "type": "assigned", "caseworker_id": sam_id, "caseworker": "Somebody Else" }),
    )
    .await;
    assert_eq!(detail["view"]["caseworker"], "Sam Caseworker");
    assert_eq!(detail["staff"]["caseworker_id"], sam_id.as_str());
    staff_does(&sam, &kims, assign(&kim_id)).await;
    assert_eq!(
        assigned_to(&app, &sams).await.as_deref(),
        Some("Sam Caseworker")
    );
    assert_eq!(
        assigned_to(&app, &kims).await.as_deref(),
        Some("Kim Caseworker")
    );
    assert_eq!(assigned_to(&app, &nobodys).await, None);

    let (_, _, mine) = sam.get("/api/v1/staff/cases?caseworker=mine").await;
    assert_eq!(references(&mine), [sams.as_str()]);
    assert_eq!(mine[0]["caseworker"], "Sam Caseworker");
    let (_, _, kims_list) = kim.get("/api/v1/staff/cases?caseworker=mine").await;
    assert_eq!(references(&kims_list), [kims.as_str()]);
    let (_, _, by_id) = sam
        .get(&format!("/api/v1/staff/cases?caseworker={kim_id}"))
        .await;
    assert_eq!(references(&by_id), [kims.as_str()]);
    let (_, _, unassigned) = sam.get("/api/v1/staff/cases?caseworker=none").await;
    assert_eq!(references(&unassigned), [nobodys.as_str()]);
    assert_eq!(unassigned[0]["caseworker"], Value::Null);

    // The resident sees who is looking into it, never the account.
    let (_, _, seen) = riya.get(&format!("/api/v1/cases/{sams}")).await;
    assert_eq!(seen["view"]["caseworker"], "Sam Caseworker");
    assert_eq!(seen["staff"], Value::Null);
    let text = seen.to_string();
    assert!(!text.contains(&sam_id), "{text}");
}

#[tokio::test]
async fn an_assignment_must_name_a_staff_account() {
    let app = TestApp::spawn().await;
    let riya = app.register_resident("Riya Resident").await;
    let sam = app.create_staff("Sam Caseworker").await;
    let case = id(&raise(&riya, complaint()).await);
    let (status, _, body) = staff_action(
        &sam,
        &case,
        json!({ "type": "assigned", "caseworker": "Sam Caseworker" }),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert_eq!(
        errors(&body),
        [(
            "event.caseworker_id".to_owned(),
            "Select the caseworker".to_owned()
        )]
    );
    // A resident's account is not a caseworker.
    let (_, _, session) = riya.get("/api/v1/session").await;
    let riya_id = session["user"]["id"].as_str().expect("an id").to_owned();
    for account in [riya_id.as_str(), "not-an-account"] {
        let (status, _, body) = staff_action(&sam, &case, assign(account)).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
        assert_eq!(errors(&body)[0].1, "Select a caseworker from the list");
    }
    assert_eq!(assigned_to(&app, &case).await, None);
}

#[tokio::test]
async fn stage_two_cannot_go_to_whoever_dealt_with_stage_one() {
    let app = TestApp::spawn().await;
    let riya = app.register_resident("Riya Resident").await;
    let sam = app.create_staff("Sam Caseworker").await;
    let kim = app.create_staff("Kim Caseworker").await;
    let ola = app.create_staff("Ola Manager").await;
    let sam_id = caseworker_id(&sam, "Sam Caseworker").await;
    let kim_id = caseworker_id(&sam, "Kim Caseworker").await;
    let ola_id = caseworker_id(&sam, "Ola Manager").await;
    let case = id(&raise(&riya, complaint()).await);
    staff_does(&sam, &case, json!({ "type": "acknowledged" })).await;
    staff_does(&sam, &case, assign(&sam_id)).await;
    // Ola records the stage 1 response.
    staff_does(&ola, &case, responded("not_upheld")).await;
    let (status, _, _) =
        resident_action(&riya, &case, "escalation", json!({ "reason": null })).await;
    assert_eq!(status, StatusCode::OK);
    // Stage 2 waits for someone new: nobody is assigned.
    assert_eq!(assigned_to(&app, &case).await, None);
    let (_, _, unassigned) = kim.get("/api/v1/staff/cases?caseworker=none").await;
    assert_eq!(references(&unassigned), [case.as_str()]);

    for (account, name) in [(&sam_id, "Sam Caseworker"), (&ola_id, "Ola Manager")] {
        let (status, _, body) = staff_action(&kim, &case, assign(account)).await;
        assert_eq!(status, StatusCode::CONFLICT, "{body}");
        assert_eq!(body["errors"][0]["code"], "handled_earlier_stage");
        let message = body["errors"][0]["message"].as_str().unwrap();
        assert!(
            message.starts_with(&format!(
                "{name} dealt with this complaint at stage 1, so cannot consider it at stage 2"
            )),
            "{message}"
        );
        assert!(message.contains("6.13"), "{message}");
    }
    let (_, _, detail) = kim.get(&format!("/api/v1/cases/{case}")).await;
    let mut handlers: Vec<&str> = detail["staff"]["earlier_stage_handlers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h.as_str().unwrap())
        .collect();
    handlers.sort_unstable();
    let mut expected = [sam_id.as_str(), ola_id.as_str()];
    expected.sort_unstable();
    assert_eq!(handlers, expected);

    let detail = staff_does(&kim, &case, assign(&kim_id)).await;
    assert_eq!(detail["view"]["caseworker"], "Kim Caseworker");
    assert_eq!(
        assigned_to(&app, &case).await.as_deref(),
        Some("Kim Caseworker")
    );
}
