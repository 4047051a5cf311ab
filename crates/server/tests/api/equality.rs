//! Equality monitoring (issue 18, item 5): Pioneer §11, "All feedback
//! received will be monitored in terms of gender, age, ethnicity, disability
//! or other protected characteristic (where known). This will help us
//! consider any gaps in the way complaints are dealt with and identify any
//! potential direct or indirect discrimination." The questions are the
//! resident's alone to answer, optional, and never shown with the case: only
//! the figures count them.

use axum::http::StatusCode;
use serde_json::{json, Value};

use crate::authorisations::{invitation, invite_and_accept};
use crate::helpers::{errors, TestApp, PASSWORD};
use crate::support::{app_with_policy, complaint, id, raise, responded, staff_does};

fn answers() -> Value {
    json!({
        "gender": "in_another_way",
        "age": "75_or_over",
        "ethnicity": "black",
        "disability": "yes"
    })
}

#[tokio::test]
async fn a_pioneer_resident_answers_the_optional_questions_and_nobody_else_can_read_them() {
    let app = app_with_policy("pioneer-2020").await;
    let riya = app.register_resident("Riya Resident").await;
    let staff = app.create_staff("Sam Caseworker").await;
    let admin = app.create_admin("Ada Admin").await;
    let case = id(&raise(&riya, complaint()).await);
    let path = format!("/api/v1/cases/{case}/equality");

    let (_, _, detail) = riya.get(&format!("/api/v1/cases/{case}")).await;
    assert_eq!(detail["equality_answered"], false, "offered, not answered");
    let (status, _, asked) = riya.get(&path).await;
    assert_eq!(status, StatusCode::OK, "{asked}");
    assert!(asked["policy_says"]
        .as_str()
        .unwrap()
        .starts_with("All feedback received will be monitored"));
    assert_eq!(asked["answers"], Value::Null);

    let (status, _, saved) = riya.put_json(&path, answers()).await;
    assert_eq!(status, StatusCode::OK, "{saved}");
    assert_eq!(saved["answers"], answers());
    // Sent again, the same answers are stored once.
    let (status, _, _) = riya.put_json(&path, answers()).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(app.count("SELECT COUNT(*) FROM equality_answers").await, 1);
    let (_, _, read) = riya.get(&path).await;
    assert_eq!(read["answers"], answers());
    let (_, _, detail) = riya.get(&format!("/api/v1/cases/{case}")).await;
    assert_eq!(detail["equality_answered"], true);

    // Caseworkers, managers, an advocate with the resident's authority and
    // another resident: the 404 of a case that does not exist, and the case
    // itself says nothing of the answers.
    let advocate = app.register_advocate("Alex Advocate").await;
    invite_and_accept(&riya, &advocate, invitation(&advocate, &["view_cases"])).await;
    let someone = app.register_resident("Sid Someone").await;
    for reader in [&staff, &admin, &advocate, &someone] {
        let (status, _, body) = reader.get(&path).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{}: {body}", reader.email);
        let (status, _, body) = reader.put_json(&path, json!({ "gender": "man" })).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{}: {body}", reader.email);
    }
    for reader in [&staff, &admin, &advocate] {
        let (status, _, body) = reader.get(&format!("/api/v1/cases/{case}")).await;
        assert_eq!(status, StatusCode::OK, "{body}");
        assert!(body.get("equality_answered").is_none(), "{body}");
        let text = body.to_string();
        assert!(
            !text.contains("in_another_way") && !text.contains("75_or_over"),
            "{text}"
        );
    }
    staff_does(&staff, &case, json!({ "type": "acknowledged" })).await;
    let (_, _, queue) = staff.get("/api/v1/staff/cases").await;
    assert!(!queue.to_string().contains("in_another_way"));

    // An answer that is not one of the question's is refused by field, and
    // nothing changes; answering nothing takes the answers away.
    let (status, _, body) = riya.put_json(&path, json!({ "gender": "robot" })).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert!(
        errors(&body)
            .iter()
            .any(|(field, _)| field.contains("gender")),
        "{body}"
    );
    assert_eq!(riya.get(&path).await.2["answers"], answers());
    let (status, _, cleared) = riya.put_json(&path, json!({})).await;
    assert_eq!(status, StatusCode::OK, "{cleared}");
    assert_eq!(cleared["answers"], Value::Null);
    assert_eq!(app.count("SELECT COUNT(*) FROM equality_answers").await, 0);
}

#[tokio::test]
async fn a_policy_that_does_not_monitor_does_not_ask() {
    let app = TestApp::spawn().await; // the Code's own preset
    let riya = app.register_resident("Riya Resident").await;
    let case = id(&raise(&riya, complaint()).await);
    let (status, _, body) = riya.get(&format!("/api/v1/cases/{case}/equality")).await;
    assert_eq!(status, StatusCode::NOT_FOUND, "{body}");
    let (status, _, body) = riya
        .put_json(&format!("/api/v1/cases/{case}/equality"), answers())
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND, "{body}");
    let (_, _, detail) = riya.get(&format!("/api/v1/cases/{case}")).await;
    assert!(detail.get("equality_answered").is_none(), "{detail}");
}

/// The figures count the answers for the cases received in the period, with
/// how many of those complaints were upheld, so the landlord can "consider
/// any gaps in the way complaints are dealt with".
#[tokio::test]
async fn the_figures_count_cases_and_upheld_complaints_by_answer() {
    let app = app_with_policy("pioneer-2020").await;
    let staff = app.create_staff("Sam Caseworker").await;
    let admin = app.create_admin("Ada Admin").await;
    let mut cases = Vec::new();
    for (name, gender) in [
        ("Ann", Some("woman")),
        ("Bea", Some("woman")),
        ("Cal", None),
    ] {
        let resident = app.register_resident(name).await;
        let case = id(&raise(&resident, complaint()).await);
        if let Some(gender) = gender {
            let (status, _, _) = resident
                .put_json(
                    &format!("/api/v1/cases/{case}/equality"),
                    json!({ "gender": gender, "disability": "no" }),
                )
                .await;
            assert_eq!(status, StatusCode::OK);
        }
        cases.push(case);
    }
    staff_does(&staff, &cases[0], json!({ "type": "acknowledged" })).await;
    staff_does(&staff, &cases[0], responded("upheld")).await;

    let today = app.now().date_naive();
    let (status, _, f) = admin
        .get(&format!("/api/v1/staff/figures?period={today}..{today}"))
        .await;
    assert_eq!(status, StatusCode::OK, "{f}");
    let row = |characteristic: &str, value: Value| -> (u64, u64, u64) {
        let row = f["equality"]
            .as_array()
            .expect("Pioneer monitors")
            .iter()
            .find(|r| r["characteristic"] == characteristic && r["value"] == value)
            .unwrap_or_else(|| panic!("no {characteristic} {value} in {f}"));
        let n = |k: &str| row[k].as_u64().unwrap();
        (n("cases"), n("complaints"), n("upheld"))
    };
    assert_eq!(row("gender", json!("woman")), (2, 2, 1));
    assert_eq!(
        row("gender", json!("man")),
        (0, 0, 0),
        "every answer is listed"
    );
    assert_eq!(row("gender", Value::Null), (1, 1, 0), "not answered");
    assert_eq!(row("disability", json!("no")), (2, 2, 1));
    assert_eq!(row("age", Value::Null), (3, 3, 1), "nobody gave an age");
    let (status, _, csv) = admin
        .get(&format!(
            "/api/v1/staff/figures/csv?period={today}..{today}&table=equality"
        ))
        .await;
    assert_eq!(status, StatusCode::OK, "{csv}");
    let csv = csv.as_str().expect("text");
    assert!(
        csv.starts_with("characteristic,answer,cases,complaints,upheld\r\n"),
        "{csv}"
    );
    assert!(csv.contains("\r\ngender,woman,2,2,1\r\n"), "{csv}");
    assert!(csv.contains("\r\ngender,,1,1,0\r\n"), "{csv}");

    let code = TestApp::spawn().await;
    let admin = code.create_admin("Ada Admin").await;
    let (_, _, f) = admin.get("/api/v1/staff/figures?period=fy2025").await;
    assert!(
        f.get("equality").is_none(),
        "the Code's preset does not monitor: {f}"
    );
}

/// The answers are the resident's: deleting their account takes them away,
/// while the case stays the landlord's record.
#[tokio::test]
async fn deleting_the_account_takes_the_answers_away() {
    let app = app_with_policy("pioneer-2020").await;
    let riya = app.register_resident("Riya Resident").await;
    let case = id(&raise(&riya, complaint()).await);
    riya.put_json(&format!("/api/v1/cases/{case}/equality"), answers())
        .await;
    assert_eq!(app.count("SELECT COUNT(*) FROM equality_answers").await, 1);
    let (status, _, body) = riya
        .post_json("/api/v1/account/deletion", json!({ "password": PASSWORD }))
        .await;
    assert!(status.is_success(), "{body}");
    assert_eq!(app.count("SELECT COUNT(*) FROM equality_answers").await, 0);
    assert_eq!(app.count("SELECT COUNT(*) FROM cases").await, 1);
}
