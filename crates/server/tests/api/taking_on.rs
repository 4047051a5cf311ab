//! Taking a complaint on, or not (issue 16, item 2; Code 2.3, 2.4): an
//! out-of-time complaint, or one screened as an exclusion and sent anyway,
//! waits for staff to decide.

use axum::http::StatusCode;
use serde_json::{json, Value};

use crate::helpers::TestApp;
use crate::support::{
    app_with_policy, complaint, id, outbox, queue_columns, raise, resident_action, responded,
    staff_action, staff_does, with,
};

/// A problem from 2024, sent anyway (the tests' clock is March 2026).
fn out_of_time() -> Value {
    with(
        complaint(),
        json!({ "started_on": "2024-06-01", "insist": true }),
    )
}

fn declined() -> Value {
    json!({ "type": "declined", "reasons": "The repair was in June 2024 and nothing stopped you telling us then." })
}

#[tokio::test]
async fn an_out_of_time_complaint_waits_and_the_resident_and_the_queue_see_it() {
    let app = TestApp::spawn().await;
    let riya = app.register_resident("Riya Resident").await;
    let staff = app.create_staff("Sam Caseworker").await;
    let detail = raise(&riya, out_of_time()).await;
    let case = id(&detail);
    assert_eq!(detail["view"]["status"], "awaiting_decision");
    assert_eq!(detail["view"]["next_step"]["kind"], "awaiting_decision");
    assert_eq!(
        detail["view"]["taking_on"]["grounds"],
        json!(["outside_time_limit"])
    );
    // The acknowledgement date still runs: 5 working days from Monday 2 March.
    assert_eq!(detail["view"]["next_due"], "2026-03-09");
    let told = outbox(&app, &case).await;
    assert!(
        told[0]
            .1
            .contains("We will decide whether we can take your complaint on"),
        "{}",
        told[0].1
    );
    let (_, _, waiting) = staff
        .get("/api/v1/staff/cases?status=awaiting_decision")
        .await;
    assert_eq!(waiting[0]["id"], case.as_str());
    // A complaint that was screened as nothing does not wait.
    let plain = raise(&riya, with(complaint(), json!({ "insist": true }))).await;
    assert_eq!(plain["view"]["status"], "awaiting_acknowledgement");

    // It can be acknowledged, but not answered, before the decision.
    staff_does(&staff, &case, json!({ "type": "acknowledged" })).await;
    let (status, _, body) = staff_action(&staff, &case, responded("upheld")).await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
    assert_eq!(body["errors"][0]["code"], "decision_pending");
}

#[tokio::test]
async fn a_decline_tells_the_resident_why_and_about_the_ombudsman() {
    let app = TestApp::spawn().await;
    let riya = app.register_resident("Riya Resident").await;
    let staff = app.create_staff("Sam Caseworker").await;
    let case = id(&raise(&riya, out_of_time()).await);
    let (status, _, body) = staff_action(
        &staff,
        &case,
        json!({ "type": "declined", "reasons": "  " }),
    )
    .await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
    assert_eq!(body["errors"][0]["code"], "reasons_missing");

    staff_does(&staff, &case, declined()).await;
    assert_eq!(queue_columns(&app, &case).await.1, "not_taken_on");
    let (_, _, seen) = riya.get(&format!("/api/v1/cases/{case}")).await;
    assert_eq!(seen["view"]["status"], "not_taken_on");
    assert_eq!(seen["view"]["next_step"]["kind"], "not_taken_on");
    assert_eq!(
        seen["view"]["next_step"]["reasons"],
        "The repair was in June 2024 and nothing stopped you telling us then."
    );
    assert_eq!(seen["view"]["ombudsman_by"], "2027-03-02");
    assert_eq!(seen["view"]["allowed_actions"], json!([]));
    let told = outbox(&app, &case).await;
    let (subject, body) = told.last().unwrap();
    assert!(subject.ends_with("we cannot take it on"), "{subject}");
    assert!(
        body.contains("nothing stopped you telling us then"),
        "{body}"
    );
    assert!(
        body.contains("You can ask the Housing Ombudsman to look at this decision"),
        "{body}"
    );
    assert!(body.contains("0300 111 3000"), "{body}");
    // Nothing more can be added to it.
    let (status, _, _) = resident_action(
        &riya,
        &case,
        "information",
        json!({ "text": "But I was ill" }),
    )
    .await;
    assert_eq!(status, StatusCode::CONFLICT);
}

#[tokio::test]
async fn with_discretion_staff_accept_for_a_reason_and_the_complaint_goes_on() {
    let app = TestApp::spawn().await;
    let riya = app.register_resident("Riya Resident").await;
    let staff = app.create_staff("Sam Caseworker").await;
    let case = id(&raise(&riya, out_of_time()).await);
    let detail = staff_does(
        &staff,
        &case,
        json!({ "type": "accepted", "reason": "The resident was in hospital for most of 2025." }),
    )
    .await;
    assert_eq!(detail["view"]["status"], "awaiting_acknowledgement");
    assert_eq!(
        detail["view"]["taking_on"]["decision"]["reasons"],
        "The resident was in hospital for most of 2025."
    );
    let told = outbox(&app, &case).await;
    assert!(told.last().unwrap().0.ends_with("we have taken it on"));
    staff_does(&staff, &case, json!({ "type": "acknowledged" })).await;
    staff_does(&staff, &case, responded("upheld")).await;
    // Decided once.
    let (status, _, body) = staff_action(&staff, &case, declined()).await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
}

#[tokio::test]
async fn without_discretion_only_the_policys_exceptions_take_it_on() {
    // Pivotal §6.1(a): six months, unless safeguarding or health and safety.
    let app = app_with_policy("pivotal-2021").await;
    let riya = app.register_resident("Riya Resident").await;
    let staff = app.create_staff("Sam Caseworker").await;
    let case = id(&raise(&riya, out_of_time()).await);
    let (status, _, body) = staff_action(
        &staff,
        &case,
        json!({ "type": "accepted", "reason": "It seems fair" }),
    )
    .await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
    assert_eq!(body["errors"][0]["code"], "no_discretion");
    let (status, _, body) = staff_action(
        &staff,
        &case,
        json!({ "type": "accepted", "reason": "It seems fair", "exception": "x".repeat(501) }),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    let detail = staff_does(
        &staff,
        &case,
        json!({ "type": "accepted", "reason": "Damp and mould are a hazard", "exception": "It is about health and safety" }),
    )
    .await;
    assert_eq!(
        detail["view"]["taking_on"]["decision"]["exception"],
        "It is about health and safety"
    );
}

#[tokio::test]
async fn only_staff_decide_and_an_outsider_gets_404() {
    let app = TestApp::spawn().await;
    let riya = app.register_resident("Riya Resident").await;
    let ben = app.register_resident("Ben Jones").await;
    let advocate = app.register_advocate("Alex Advocate").await;
    let case = id(&raise(&riya, out_of_time()).await);
    for event in [declined(), json!({ "type": "accepted", "reason": "Fine" })] {
        for client in [&riya, &advocate, &ben] {
            let (status, _, _) = staff_action(client, &case, event.clone()).await;
            assert_eq!(status, StatusCode::FORBIDDEN);
        }
    }
    let (status, _, _) = ben.get(&format!("/api/v1/cases/{case}")).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(queue_columns(&app, &case).await.1, "awaiting_decision");
}
