//! The retention job lets go of what is past its period, and of nothing
//! else: an ended case six years on, with everything recorded about it; sent
//! messages about accounts after 90 days; expired links after 7 days.

use chrono::{DateTime, Utc};
use serde_json::json;

use crate::helpers::TestApp;
use crate::support::{complaint, id, raise, staff_does};

fn instant(s: &str) -> DateTime<Utc> {
    s.parse().expect("a valid instant")
}

async fn count(app: &TestApp, table: &str) -> i64 {
    app.count(&format!("SELECT COUNT(*) FROM {table}")).await
}

#[tokio::test]
async fn an_ended_case_is_kept_six_years_and_then_deleted_with_everything_about_it() {
    let app = TestApp::spawn().await;
    let resident = app.register_resident("Rhiannon Price").await;
    let staff = app.create_staff("Sam Caseworker").await;
    let ended = id(&raise(&resident, complaint()).await);
    staff_does(
        &staff,
        &ended,
        json!({ "type": "closed", "why": "resolved" }),
    )
    .await;
    let open = id(&raise(&resident, complaint()).await);
    let case_messages = app
        .count("SELECT COUNT(*) FROM outbox WHERE case_id IS NOT NULL")
        .await;
    assert!(case_messages >= 2);

    // Five years on: all kept.
    app.set_now(instant("2031-03-02T09:00:00Z"));
    let removed = server::retention::run(&app.state).await.unwrap();
    assert_eq!(removed.cases, 0);
    assert_eq!(count(&app, "cases").await, 2);

    // Six years and a day after it ended: the ended case goes, the open one stays.
    app.set_now(instant("2032-03-03T09:00:00Z"));
    let removed = server::retention::run(&app.state).await.unwrap();
    assert_eq!(removed.cases, 1);
    let left: Vec<String> = server::db::query_scalar("SELECT public_id FROM cases")
        .fetch_all(&app.state.db)
        .await
        .unwrap();
    assert_eq!(left, vec![open]);
    assert_eq!(
        app.count(&format!(
            "SELECT COUNT(*) FROM case_events e JOIN cases c ON c.id = e.case_id WHERE c.public_id = '{ended}'"
        ))
        .await,
        0
    );
    let orphans = app
        .count("SELECT COUNT(*) FROM case_events WHERE case_id NOT IN (SELECT id FROM cases)")
        .await
        + app
            .count("SELECT COUNT(*) FROM outbox WHERE case_id IS NOT NULL AND case_id NOT IN (SELECT id FROM cases)")
            .await;
    assert_eq!(orphans, 0, "nothing about the deleted case is left");
}

#[tokio::test]
async fn sent_account_messages_go_after_90_days_and_unsent_ones_stay() {
    let app = TestApp::spawn().await;
    app.register_resident("Rhiannon Price").await;
    app.register_unconfirmed("resident", "Unsent Person").await;
    server::db::query("UPDATE outbox SET sent_at = created_at WHERE recipient LIKE 'rhiannon%'")
        .execute(&app.state.db)
        .await
        .unwrap();
    let before = count(&app, "outbox").await;
    app.set_now(instant("2026-05-20T09:00:00Z"));
    let removed = server::retention::run(&app.state).await.unwrap();
    assert_eq!(removed.account_messages, 0, "79 days on");
    // Both links expired more than 7 days ago: gone.
    assert_eq!(removed.links, 2);
    assert_eq!(count(&app, "email_verifications").await, 0);
    app.set_now(instant("2026-06-01T09:00:00Z"));
    let removed = server::retention::run(&app.state).await.unwrap();
    assert_eq!(removed.account_messages, 1);
    assert_eq!(count(&app, "outbox").await, before - 1);
}
