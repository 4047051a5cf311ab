//! The complaint definition (Code 5.6): set out when a stage is
//! acknowledged, told to the resident, who can say it is not right; that
//! reaches the caseworker.

use axum::http::StatusCode;
use serde_json::{json, Value};

use crate::authorisations::{invitation, invite_and_accept, messages_to};
use crate::helpers::{fields, TestApp};
use crate::support::{complaint, id, outbox, raise, resident_action, responded, staff_does};

fn acknowledged_with_definition() -> Value {
    json!({
        "type": "acknowledged",
        "definition": {
            "about": "Nobody came to the repair appointment on Tuesday.",
            "outcome_sought": "An apology and a new appointment."
        }
    })
}

#[tokio::test]
async fn the_resident_reads_our_understanding_says_it_is_wrong_and_the_caseworker_sees_what_they_said(
) {
    let app = TestApp::spawn().await;
    let riya = app.register_resident("Riya Resident").await;
    let ben = app.register_resident("Ben Jones").await;
    let staff = app.create_staff("Sam Caseworker").await;
    let case = id(&raise(&riya, complaint()).await);

    staff_does(&staff, &case, acknowledged_with_definition()).await;
    let (_, _, session) = staff.get("/api/v1/session").await;
    let sam = session["user"]["id"].as_str().unwrap().to_owned();
    staff_does(
        &staff,
        &case,
        json!({ "type": "assigned", "caseworker_id": sam }),
    )
    .await;
    let (_, _, read) = riya.get(&format!("/api/v1/cases/{case}")).await;
    assert_eq!(
        read["view"]["definition"],
        json!({
            "stage": 1,
            "about": "Nobody came to the repair appointment on Tuesday.",
            "outcome_sought": "An apology and a new appointment.",
            "queried_on": null
        })
    );
    assert!(read["view"]["allowed_actions"]
        .as_array()
        .unwrap()
        .contains(&json!("query_definition")));
    let told = outbox(&app, &case).await;
    let acknowledgement = &told.last().expect("a message").1;
    for part in [
        "This is what we understand your complaint to be about:\nNobody came to the repair appointment on Tuesday.",
        "This is what we understand you want to happen:\nAn apology and a new appointment.",
        "If we have got this wrong, tell us",
    ] {
        assert!(acknowledgement.contains(part), "{part}: {acknowledgement}");
    }

    // Nothing to say is refused with the field named, and nothing is kept.
    let (status, _, body) =
        resident_action(&riya, &case, "definition-query", json!({ "text": "   " })).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(fields(&body), ["text"]);
    // Another resident is told there is no such case.
    let (status, _, _) = resident_action(
        &ben,
        &case,
        "definition-query",
        json!({ "text": "Not mine" }),
    )
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND);

    let (status, _, detail) = resident_action(
        &riya,
        &case,
        "definition-query",
        json!({ "text": "It was Wednesday, and I also want the missed day's pay back." }),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{detail}");
    assert_eq!(detail["view"]["definition"]["queried_on"], "2026-03-02");
    assert_eq!(outbox(&app, &case).await.len(), told.len() + 1);
    // The caseworker is told to look, without what was said in the email.
    let to_sam = messages_to(&app, &staff.email).await;
    assert_eq!(
        to_sam.last().map(String::as_str),
        Some(
            format!(
                "Complaint {}: the resident says we have not understood it",
                read["reference"].as_str().unwrap()
            )
            .as_str()
        ),
        "{to_sam:?}"
    );

    let (_, _, seen_by_staff) = staff.get(&format!("/api/v1/cases/{case}")).await;
    let last = seen_by_staff["timeline"]
        .as_array()
        .unwrap()
        .last()
        .cloned()
        .unwrap();
    assert_eq!(last["actor"]["kind"], "resident");
    assert_eq!(
        last["event"],
        json!({ "type": "definition_queried", "text": "It was Wednesday, and I also want the missed day's pay back." })
    );
    // The queue flags it until the stage is answered.
    let queried = |queue: &Value| {
        queue
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["id"] == case.as_str())
            .map(|c| c["definition_queried"].clone())
    };
    let (_, _, queue) = staff.get("/api/v1/staff/cases").await;
    assert_eq!(queried(&queue), Some(json!(true)), "{queue}");

    // After the response, this stage's definition is settled.
    staff_does(&staff, &case, responded("upheld")).await;
    let (_, _, queue) = staff.get("/api/v1/staff/cases").await;
    assert_eq!(queried(&queue), Some(json!(false)), "{queue}");
    let (status, _, body) =
        resident_action(&riya, &case, "definition-query", json!({ "text": "Again" })).await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
}

#[tokio::test]
async fn a_definition_missing_a_part_is_refused_and_an_advocate_needs_the_permission_to_add_information(
) {
    let app = TestApp::spawn().await;
    let riya = app.register_resident("Riya Resident").await;
    let staff = app.create_staff("Sam Caseworker").await;
    let case = id(&raise(&riya, complaint()).await);
    let (status, _, body) = crate::support::staff_action(
        &staff,
        &case,
        json!({ "type": "acknowledged", "definition": { "about": "The repair", "outcome_sought": "" } }),
    )
    .await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
    assert_eq!(body["errors"][0]["code"], "definition_incomplete", "{body}");
    staff_does(&staff, &case, acknowledged_with_definition()).await;

    let viewer = app.register_advocate("Vera Viewonly").await;
    invite_and_accept(&riya, &viewer, invitation(&viewer, &["view_cases"])).await;
    let helper = app.register_advocate("Hal Helper").await;
    invite_and_accept(
        &riya,
        &helper,
        invitation(&helper, &["view_cases", "raise_complaints"]),
    )
    .await;
    let (information, _, _) =
        resident_action(&viewer, &case, "information", json!({ "text": "More" })).await;
    let (query, _, _) = resident_action(
        &viewer,
        &case,
        "definition-query",
        json!({ "text": "Wrong day" }),
    )
    .await;
    assert_eq!(query, information, "the same as adding information");
    assert!(query.is_client_error());
    let (status, _, detail) = resident_action(
        &helper,
        &case,
        "definition-query",
        json!({ "text": "It was Wednesday." }),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{detail}");
    assert_eq!(
        detail["timeline"].as_array().unwrap().last().unwrap()["actor"]["kind"],
        "advocate"
    );
}
