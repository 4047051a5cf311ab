//! The policy's clock: under Pivotal a complaint closes itself on the 11th
//! working day after its stage 1 response when nothing has come from the
//! resident, once, whoever runs the rules and however often.

use axum::http::StatusCode;
use chrono::{DateTime, Utc};
use serde_json::json;

use crate::helpers::TestApp;
use crate::support::{
    app_with_policy, complaint, id, outbox, raise, resident_action, responded, staff_does,
};

fn instant(s: &str) -> DateTime<Utc> {
    s.parse().expect("a valid instant")
}

/// A Pivotal complaint answered on Monday 2 March 2026, the first day of the tests.
async fn answered_pivotal_complaint(app: &TestApp) -> (crate::helpers::TestClient, String) {
    let resident = app.register_resident("Rhiannon Price").await;
    let staff = app.create_staff("Sam Caseworker").await;
    let case = id(&raise(&resident, complaint()).await);
    staff_does(&staff, &case, json!({ "type": "acknowledged" })).await;
    staff_does(&staff, &case, responded("not_upheld")).await;
    (resident, case)
}

async fn closed_events(app: &TestApp, case: &str) -> i64 {
    app.count(&format!(
        "SELECT COUNT(*) FROM case_events e JOIN cases c ON c.id = e.case_id \
         WHERE c.public_id = '{case}' AND e.record LIKE '%\"type\":\"closed\"%'"
    ))
    .await
}

#[tokio::test]
async fn a_pivotal_complaint_closes_itself_the_day_after_its_appeal_window() {
    let app = app_with_policy("pivotal-2021").await;
    let (resident, case) = answered_pivotal_complaint(&app).await;

    let (_, _, detail) = resident.get(&format!("/api/v1/cases/{case}")).await;
    assert_eq!(
        detail["view"]["closes"],
        json!({ "kind": "no_contact_by", "on": "2026-03-17" }),
        "the resident is told the day it will close"
    );

    // The last day to appeal: still open.
    app.set_now(instant("2026-03-16T17:00:00Z"));
    assert!(server::rules::run_due(&app.state).await.unwrap().is_empty());
    let resident = crate::support::signed_in_again(&app, &resident).await;
    let (_, _, detail) = resident.get(&format!("/api/v1/cases/{case}")).await;
    assert_eq!(detail["view"]["status"], "responded");

    // The 11th working day: closed by the system, and the resident told.
    let messages_before = outbox(&app, &case).await.len();
    app.set_now(instant("2026-03-17T09:00:00Z"));
    let acted = server::rules::run_due(&app.state).await.unwrap();
    assert_eq!(acted.len(), 1);
    assert_eq!(acted[0].case, case);
    let resident = crate::support::signed_in_again(&app, &resident).await;
    let (status, _, detail) = resident.get(&format!("/api/v1/cases/{case}")).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(detail["view"]["status"], "closed");
    assert_eq!(
        detail["view"]["next_step"],
        json!({ "kind": "closed", "on": "2026-03-17", "why": "no_contact" })
    );
    let last = detail["timeline"]
        .as_array()
        .unwrap()
        .last()
        .unwrap()
        .clone();
    assert_eq!(last["actor"]["kind"], "system", "{last}");
    let messages = outbox(&app, &case).await;
    assert_eq!(
        messages.len(),
        messages_before + 1,
        "one message about the closure"
    );
    assert!(
        messages
            .last()
            .unwrap()
            .1
            .contains("we have not heard from you"),
        "{:?}",
        messages.last()
    );

    // Again, and again later: nothing more happens.
    assert!(server::rules::run_due(&app.state).await.unwrap().is_empty());
    app.set_now(instant("2026-04-20T09:00:00Z"));
    assert!(server::rules::run_due(&app.state).await.unwrap().is_empty());
    assert_eq!(closed_events(&app, &case).await, 1);
    assert_eq!(outbox(&app, &case).await.len(), messages_before + 1);
}

#[tokio::test]
async fn after_downtime_the_rule_catches_up_and_says_it_acted_late() {
    let app = app_with_policy("pivotal-2021").await;
    let (_, case) = answered_pivotal_complaint(&app).await;
    app.set_now(instant("2026-04-01T09:00:00Z"));
    let acted = server::rules::run_due(&app.state).await.unwrap();
    assert_eq!(acted.len(), 1);
    assert_eq!(acted[0].case, case);
    assert_eq!(acted[0].due_on.to_string(), "2026-03-17");
    assert_eq!(acted[0].acted_on.to_string(), "2026-04-01");
}

#[tokio::test]
async fn a_word_from_the_resident_after_the_response_keeps_the_complaint_open() {
    let app = app_with_policy("pivotal-2021").await;
    let (resident, case) = answered_pivotal_complaint(&app).await;
    let (status, _, body) = resident_action(
        &resident,
        &case,
        "information",
        json!({ "text": "The mould has come back in the bedroom." }),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    app.set_now(instant("2026-03-18T09:00:00Z"));
    assert!(server::rules::run_due(&app.state).await.unwrap().is_empty());
    let resident = crate::support::signed_in_again(&app, &resident).await;
    let (_, _, detail) = resident.get(&format!("/api/v1/cases/{case}")).await;
    assert_eq!(detail["view"]["status"], "responded");
    assert_eq!(detail["view"]["closes"], json!({ "kind": "by_landlord" }));
}

#[tokio::test]
async fn the_code_never_closes_a_complaint_by_itself() {
    let app = TestApp::spawn().await;
    let (_, case) = answered_pivotal_complaint(&app).await;
    app.set_now(instant("2027-03-17T09:00:00Z"));
    assert!(server::rules::run_due(&app.state).await.unwrap().is_empty());
    assert_eq!(closed_events(&app, &case).await, 0);
}

#[tokio::test]
async fn two_servers_on_one_database_close_the_case_once() {
    let app = app_with_policy("pivotal-2021").await;
    let mut cases = Vec::new();
    for _ in 0..5 {
        cases.push(answered_pivotal_complaint(&app).await.1);
    }
    // A second server: its own pool and clock on the same database file.
    let mut config = (*app.state.config).clone();
    config.now = Some(instant("2026-03-17T09:00:00Z"));
    let other = server::startup::build_state(config).await.unwrap();
    app.set_now(instant("2026-03-17T09:00:00Z"));

    let (one, two) = tokio::join!(
        server::rules::run_due(&app.state),
        server::rules::run_due(&other)
    );
    let acted = one.unwrap().len() + two.unwrap().len();
    assert_eq!(acted, cases.len(), "each case closed by exactly one server");
    for case in &cases {
        assert_eq!(closed_events(&app, case).await, 1, "{case}");
    }
    let messages = app
        .count("SELECT COUNT(*) FROM outbox WHERE body LIKE '%we have not heard from you%'")
        .await;
    assert_eq!(messages, cases.len() as i64, "one message per case");
}
