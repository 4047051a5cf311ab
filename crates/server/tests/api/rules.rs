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
    assert_eq!(
        detail["view"]["rules"],
        json!([
            { "rule": "window_closed", "on": "2026-03-17" },
            { "rule": "no_contact_close", "on": "2026-03-17" }
        ])
    );

    // Two working days before the last day to appeal (Monday 16 March):
    // a reminder, once.
    let messages_before = outbox(&app, &case).await.len();
    app.set_now(instant("2026-03-12T09:00:00Z"));
    let acted = server::rules::run_due(&app.state).await.unwrap();
    assert_eq!(acted.len(), 1, "{acted:?}");
    assert_eq!(acted[0].key, "window_reminder:stage_1_window");
    let messages = outbox(&app, &case).await;
    assert_eq!(messages.len(), messages_before + 1);
    assert!(
        messages
            .last()
            .unwrap()
            .1
            .contains("until Monday 16 March 2026"),
        "{:?}",
        messages.last()
    );

    // The last day to appeal: still open, nothing more.
    app.set_now(instant("2026-03-16T17:00:00Z"));
    assert!(server::rules::run_due(&app.state).await.unwrap().is_empty());
    let resident = crate::support::signed_in_again(&app, &resident).await;
    let (_, _, detail) = resident.get(&format!("/api/v1/cases/{case}")).await;
    assert_eq!(detail["view"]["status"], "responded");

    // The 11th working day: the window's closing said on the case, then
    // closed by the system, and the resident told once.
    app.set_now(instant("2026-03-17T09:00:00Z"));
    let acted = server::rules::run_due(&app.state).await.unwrap();
    let keys: Vec<&str> = acted.iter().map(|a| a.key.as_str()).collect();
    assert_eq!(
        keys,
        ["window_closed:stage_1_window", "no_contact_after_response"]
    );
    assert!(acted.iter().all(|a| a.case == case));
    let resident = crate::support::signed_in_again(&app, &resident).await;
    let (status, _, detail) = resident.get(&format!("/api/v1/cases/{case}")).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(detail["view"]["status"], "closed");
    assert_eq!(
        detail["view"]["next_step"],
        json!({ "kind": "closed", "on": "2026-03-17", "why": "no_contact" })
    );
    let timeline = detail["timeline"].as_array().unwrap();
    let window = &timeline[timeline.len() - 2];
    assert_eq!(
        window["event"],
        json!({ "type": "window_closed", "window": "stage_1_window", "last_day": "2026-03-16" })
    );
    assert_eq!(window["actor"]["kind"], "system");
    assert_eq!(window["rule"]["rule"], "window_closed");
    let last = timeline.last().unwrap();
    assert_eq!(last["actor"]["kind"], "system", "{last}");
    assert_eq!(last["rule"]["rule"], "no_contact_close");
    assert!(
        last["rule"]["policy_says"]
            .as_str()
            .unwrap()
            .contains("within 10 working days of a Stage 1 response sent to them (§10.1c)"),
        "the policy's sentence behind the rule: {last}"
    );
    let messages = outbox(&app, &case).await;
    assert_eq!(
        messages.len(),
        messages_before + 2,
        "the reminder, then one message about the closure"
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
    assert_eq!(outbox(&app, &case).await.len(), messages_before + 2);
}

#[tokio::test]
async fn after_downtime_the_rule_catches_up_and_says_it_acted_late() {
    let app = app_with_policy("pivotal-2021").await;
    let (_, case) = answered_pivotal_complaint(&app).await;
    app.set_now(instant("2026-04-01T09:00:00Z"));
    let acted = server::rules::run_due(&app.state).await.unwrap();
    // The reminder is past its day and not sent; the window and the closure catch up.
    let keys: Vec<&str> = acted.iter().map(|a| a.key.as_str()).collect();
    assert_eq!(
        keys,
        ["window_closed:stage_1_window", "no_contact_after_response"]
    );
    let closed = &acted[1];
    assert_eq!(closed.case, case);
    assert_eq!(closed.due_on.to_string(), "2026-03-17");
    assert_eq!(closed.acted_on.to_string(), "2026-04-01");
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
    let acted = server::rules::run_due(&app.state).await.unwrap();
    let keys: Vec<&str> = acted.iter().map(|a| a.key.as_str()).collect();
    assert_eq!(
        keys,
        ["window_closed:stage_1_window"],
        "the window, not the complaint, closes"
    );
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
    assert_eq!(
        acted,
        2 * cases.len(),
        "each case's window and closure done by exactly one server"
    );
    for case in &cases {
        assert_eq!(closed_events(&app, case).await, 1, "{case}");
    }
    let messages = app
        .count("SELECT COUNT(*) FROM outbox WHERE body LIKE '%we have not heard from you%'")
        .await;
    assert_eq!(messages, cases.len() as i64, "one message per case");
}

#[tokio::test]
async fn a_resident_who_said_they_are_satisfied_is_not_reminded() {
    let app = app_with_policy("pivotal-2021").await;
    let (resident, case) = answered_pivotal_complaint(&app).await;
    let (status, _, body) = resident_action(
        &resident,
        &case,
        "satisfaction",
        json!({ "satisfied": true }),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let messages_before = outbox(&app, &case).await.len();
    app.set_now(instant("2026-03-12T09:00:00Z"));
    assert!(server::rules::run_due(&app.state).await.unwrap().is_empty());
    assert_eq!(outbox(&app, &case).await.len(), messages_before);
    // The window still closes, and is said to have closed, once.
    app.set_now(instant("2026-03-17T09:00:00Z"));
    let acted = server::rules::run_due(&app.state).await.unwrap();
    let keys: Vec<&str> = acted.iter().map(|a| a.key.as_str()).collect();
    assert_eq!(keys, ["window_closed:stage_1_window"]);
    assert!(server::rules::run_due(&app.state).await.unwrap().is_empty());
}

/// Messages written to an address, subject first.
async fn written_to(app: &TestApp, email: &str) -> Vec<(String, String)> {
    server::db::query_as("SELECT subject, body FROM outbox WHERE recipient = ? ORDER BY id")
        .bind(email)
        .fetch_all(&app.state.db)
        .await
        .expect("the outbox")
}

async fn account_id(staff: &crate::helpers::TestClient, name: &str) -> String {
    let (_, _, list) = staff.get("/api/v1/staff/caseworkers").await;
    list.as_array()
        .unwrap()
        .iter()
        .find(|c| c["name"] == name)
        .and_then(|c| c["id"].as_str())
        .unwrap()
        .to_owned()
}

#[tokio::test]
async fn the_caseworker_is_reminded_before_a_date_and_the_team_alerted_after() {
    // Under the Code, received on Monday 2 March 2026: acknowledge by
    // Monday 9 March.
    let app = TestApp::spawn().await;
    let resident = app.register_resident("Rhiannon Price").await;
    let sam = app.create_staff("Sam Caseworker").await;
    let manager = app.create_admin("Mo Manager").await;
    let case = id(&raise(&resident, complaint()).await);
    let sam_id = account_id(&sam, "Sam Caseworker").await;
    staff_does(
        &sam,
        &case,
        json!({ "type": "assigned", "caseworker_id": sam_id }),
    )
    .await;

    // Two working days before: Thursday 5 March, to Sam only.
    app.set_now(instant("2026-03-05T09:00:00Z"));
    let acted = server::rules::run_due(&app.state).await.unwrap();
    let keys: Vec<&str> = acted.iter().map(|a| a.key.as_str()).collect();
    assert_eq!(keys, ["due_soon:stage_1_acknowledge"]);
    let to_sam = written_to(&app, &sam.email).await;
    assert_eq!(to_sam.len(), 1, "{to_sam:?}");
    assert!(
        to_sam[0].0.contains("is due by Monday 9 March 2026"),
        "{to_sam:?}"
    );
    assert!(written_to(&app, &manager.email).await.is_empty());
    let flags = |list: serde_json::Value| {
        let row = list
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["id"] == case.as_str())
            .cloned()
            .unwrap();
        (row["due_soon"].clone(), row["overdue"].clone())
    };
    let sam = crate::support::signed_in_again(&app, &sam).await;
    let (_, _, list) = sam.get("/api/v1/staff/cases").await;
    assert_eq!(
        flags(list),
        (json!(true), json!(false)),
        "due soon in the queue"
    );

    // The first working day after: Tuesday 10 March, to Sam and the manager.
    app.set_now(instant("2026-03-10T09:00:00Z"));
    let acted = server::rules::run_due(&app.state).await.unwrap();
    let keys: Vec<&str> = acted.iter().map(|a| a.key.as_str()).collect();
    assert_eq!(keys, ["overdue:stage_1_acknowledge"]);
    let to_sam = written_to(&app, &sam.email).await;
    assert_eq!(to_sam.len(), 2);
    assert!(to_sam[1].0.starts_with("Overdue:"), "{to_sam:?}");
    let to_manager = written_to(&app, &manager.email).await;
    assert_eq!(to_manager.len(), 1);
    assert_eq!(to_manager[0], to_sam[1]);
    let sam = crate::support::signed_in_again(&app, &sam).await;
    let (_, _, list) = sam.get("/api/v1/staff/cases").await;
    assert_eq!(
        flags(list),
        (json!(false), json!(true)),
        "overdue in the queue"
    );
    // Nothing about the resident leaves in a staff message.
    assert!(!to_sam
        .iter()
        .any(|(s, b)| s.contains("Rhiannon") || b.contains("Rhiannon")));

    // Again: nothing more.
    assert!(server::rules::run_due(&app.state).await.unwrap().is_empty());
    assert_eq!(written_to(&app, &sam.email).await.len(), 2);
}

#[tokio::test]
async fn a_caseworker_assigned_late_gets_the_reminder_still_due() {
    let app = TestApp::spawn().await;
    let resident = app.register_resident("Rhiannon Price").await;
    let sam = app.create_staff("Sam Caseworker").await;
    let case = id(&raise(&resident, complaint()).await);
    app.set_now(instant("2026-03-05T09:00:00Z"));
    // Nobody to remind yet.
    assert!(server::rules::run_due(&app.state).await.unwrap().is_empty());
    let sam = crate::support::signed_in_again(&app, &sam).await;
    let sam_id = account_id(&sam, "Sam Caseworker").await;
    staff_does(
        &sam,
        &case,
        json!({ "type": "assigned", "caseworker_id": sam_id }),
    )
    .await;
    let acted = server::rules::run_due(&app.state).await.unwrap();
    assert_eq!(acted.len(), 1, "{acted:?}");
    assert_eq!(written_to(&app, &sam.email).await.len(), 1);
}

/// Two real server processes (the `server` binary) started on one database
/// on the day a Pivotal complaint falls due: each runs the rules as it
/// starts, and the case is closed once, with one message.
#[tokio::test]
async fn two_server_processes_on_one_database_act_once() {
    use crate::durability::{free_port, http, server};
    use std::time::{Duration, Instant};

    let app = app_with_policy("pivotal-2021").await;
    let (_, case) = answered_pivotal_complaint(&app).await;
    let database = app.state.config.database_url.clone();
    let key_file = app.state.config.secrets_key_file.clone();
    let start = |port: u16| {
        server(&key_file)
            .args(["--port", &port.to_string(), "--database-url", &database])
            .args(["--dist-dir", "does-not-exist", "--policy", "pivotal-2021"])
            .args(["--now", "2026-03-17T09:00:00Z"])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("the server starts")
    };
    let ports = [free_port(), free_port()];
    let mut servers = [start(ports[0]), start(ports[1])];
    let deadline = Instant::now() + Duration::from_secs(60);
    let closures = "SELECT COUNT(*) FROM outbox WHERE body LIKE '%we have not heard from you%'";
    loop {
        let up = ports
            .iter()
            .all(|p| http(*p, "GET", "/api/v1/health", &[], None).is_ok_and(|a| a.status == 200));
        if up && closed_events(&app, &case).await >= 1 {
            break;
        }
        assert!(Instant::now() < deadline, "the rules did not run");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    // Both have run their first round by now (it runs as they start); give
    // the slower one time to finish it.
    tokio::time::sleep(Duration::from_secs(2)).await;
    for server in &mut servers {
        server.kill().unwrap();
        server.wait().unwrap();
    }
    assert_eq!(closed_events(&app, &case).await, 1, "one closure");
    let windows = app
        .count(&format!(
            "SELECT COUNT(*) FROM case_events e JOIN cases c ON c.id = e.case_id \
             WHERE c.public_id = '{case}' AND e.record LIKE '%\"type\":\"window_closed\"%'"
        ))
        .await;
    assert_eq!(windows, 1, "one window closing");
    assert_eq!(app.count(closures).await, 1, "one message");
}

#[tokio::test]
async fn under_pioneer_the_survey_goes_to_a_resident_silent_for_ten_working_days_after_the_outcome_once(
) {
    // Pioneer §7: "If there has been no response from the customer to the
    // complaint outcome within 10 working days, then a satisfaction survey
    // will be attempted by the Customer 1st team."
    let app = app_with_policy("pioneer-2020").await;
    let resident = app.register_resident("Rhiannon Price").await;
    let staff = app.create_staff("Sam Caseworker").await;
    let case = id(&raise(&resident, complaint()).await);
    staff_does(&staff, &case, json!({ "type": "acknowledged" })).await;
    staff_does(&staff, &case, responded("not_upheld")).await;
    let before = outbox(&app, &case).await.len();

    // Answered Monday 2 March 2026: the tenth working day after is Monday 16 March.
    app.set_now(instant("2026-03-16T17:00:00Z"));
    let acted = server::rules::run_due(&app.state).await.unwrap();
    assert!(
        !acted
            .iter()
            .any(|a| a.key.starts_with("survey_after_outcome")),
        "{acted:?}"
    );
    app.set_now(instant("2026-03-17T09:00:00Z"));
    let acted = server::rules::run_due(&app.state).await.unwrap();
    assert!(
        acted
            .iter()
            .any(|a| a.key.starts_with("survey_after_outcome")),
        "{acted:?}"
    );
    let messages = outbox(&app, &case).await;
    let surveys: Vec<_> = messages[before..]
        .iter()
        .filter(|(subject, _)| subject.ends_with("are you happy with how we dealt with it?"))
        .collect();
    assert_eq!(surveys.len(), 1, "{messages:?}");
    assert!(
        surveys[0].1.contains("on Monday 2 March 2026"),
        "{}",
        surveys[0].1
    );
    assert!(
        surveys[0].1.contains("Tell us if you are satisfied"),
        "{}",
        surveys[0].1
    );

    // Once: running again, or the next day, sends nothing more.
    app.set_now(instant("2026-03-18T09:00:00Z"));
    server::rules::run_due(&app.state).await.unwrap();
    let again = outbox(&app, &case).await;
    assert_eq!(
        again
            .iter()
            .filter(|(subject, _)| subject.ends_with("are you happy with how we dealt with it?"))
            .count(),
        1
    );
}

#[tokio::test]
async fn under_pioneer_a_resident_who_replied_to_the_outcome_gets_no_survey() {
    let app = app_with_policy("pioneer-2020").await;
    let resident = app.register_resident("Rhiannon Price").await;
    let staff = app.create_staff("Sam Caseworker").await;
    let case = id(&raise(&resident, complaint()).await);
    staff_does(&staff, &case, json!({ "type": "acknowledged" })).await;
    staff_does(&staff, &case, responded("not_upheld")).await;
    let (status, _, body) = resident_action(
        &resident,
        &case,
        "satisfaction",
        json!({ "satisfied": true }),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    app.set_now(instant("2026-03-20T09:00:00Z"));
    let acted = server::rules::run_due(&app.state).await.unwrap();
    assert!(
        !acted
            .iter()
            .any(|a| a.key.starts_with("survey_after_outcome")),
        "{acted:?}"
    );
}
