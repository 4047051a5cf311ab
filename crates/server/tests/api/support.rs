//! Helpers for the case tests: a valid complaint, raising one, staff actions,
//! and reading the outbox and the queue's columns straight from the database.
#![allow(dead_code)] // each test module uses its own part

use std::sync::atomic::{AtomicU32, Ordering};

use axum::http::StatusCode;
use base64::Engine;
use serde_json::{json, Value};

use crate::helpers::{Answer, TestApp, TestClient};

/// Enough of a PDF for the content check.
pub const PDF: &[u8] = b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n";
/// Enough of a PNG for the content check.
pub const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
/// The start of a Windows program.
pub const EXE: &[u8] = b"MZ\x90\0\x03\0\0\0\x04\0\0\0";

pub fn base64(bytes: &[u8]) -> String {
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

pub fn attachment(filename: &str, content_type: &str, bytes: &[u8]) -> Value {
    json!({ "filename": filename, "content_type": content_type, "data_base64": base64(bytes) })
}

/// A complaint every preset accepts without screening.
pub fn complaint() -> Value {
    json!({
        "kind": "complaint",
        "category": "other",
        "details": "Nobody came to the appointment on Tuesday and nobody called to say why.",
        "started_on": "2026-02-20",
        "desired_outcome": "An apology and a new appointment",
    })
}

pub fn compliment() -> Value {
    json!({ "kind": "compliment", "details": "The caretaker was very kind to my father." })
}

/// `body` with these fields changed.
pub fn with(mut body: Value, changes: Value) -> Value {
    for (key, value) in changes.as_object().expect("an object") {
        body[key] = value.clone();
    }
    body
}

static KEYS: AtomicU32 = AtomicU32::new(1);

/// A key no other request has used.
pub fn new_key() -> String {
    format!("test-key-{}", KEYS.fetch_add(1, Ordering::Relaxed))
}

/// `POST /api/v1/cases` with a new idempotency key.
pub async fn post_case(client: &TestClient, body: Value) -> Answer {
    client
        .with_header("idempotency-key", &new_key())
        .post_json("/api/v1/cases", body)
        .await
}

/// Raises a case and returns its detail; panics unless 201.
pub async fn raise(client: &TestClient, body: Value) -> Value {
    let (status, _, detail) = post_case(client, body).await;
    assert_eq!(status, StatusCode::CREATED, "{detail}");
    detail
}

pub fn id(detail: &Value) -> String {
    detail["id"].as_str().expect("a case id").to_owned()
}

/// `POST /api/v1/cases/{id}/staff-actions` with this event (and day).
pub async fn staff_action(staff: &TestClient, case: &str, event: Value) -> Answer {
    staff
        .post_json(
            &format!("/api/v1/cases/{case}/staff-actions"),
            json!({ "event": event }),
        )
        .await
}

/// A staff action that must succeed; returns the case.
pub async fn staff_does(staff: &TestClient, case: &str, event: Value) -> Value {
    let (status, _, body) = staff_action(staff, case, event.clone()).await;
    assert_eq!(status, StatusCode::OK, "{event}: {body}");
    body
}

pub fn responded(outcome: &str) -> Value {
    json!({ "type": "responded", "outcome": outcome, "reasons": "We looked into it." })
}

/// A resident action (`information`, `escalation`, `panel`, `withdrawal`, `satisfaction`).
pub async fn resident_action(client: &TestClient, case: &str, action: &str, body: Value) -> Answer {
    client
        .post_json(&format!("/api/v1/cases/{case}/{action}"), body)
        .await
}

/// Outbox messages about a case: (subject, body), oldest first.
pub async fn outbox(app: &TestApp, case: &str) -> Vec<(String, String)> {
    server::db::query_as(
        "SELECT o.subject, o.body FROM outbox o JOIN cases c ON c.id = o.case_id \
         WHERE c.public_id = ? ORDER BY o.id",
    )
    .bind(case)
    .fetch_all(&app.state.db)
    .await
    .expect("the outbox")
}

/// The queue's columns of a case: (stage, status, next_due).
pub async fn queue_columns(app: &TestApp, case: &str) -> (Option<i64>, String, Option<String>) {
    server::db::query_as("SELECT stage, status, next_due FROM cases WHERE public_id = ?")
        .bind(case)
        .fetch_one(&app.state.db)
        .await
        .expect("the case row")
}

/// The app under another preset policy.
pub async fn app_with_policy(policy: &str) -> TestApp {
    let policy = policy.to_owned();
    TestApp::spawn_with(move |c| c.policy = policy).await
}

/// Riya raises a complaint and Sam, a caseworker, acknowledges it: the
/// resident, the caseworker and the case.
pub async fn acknowledged_complaint(app: &TestApp) -> (TestClient, TestClient, String) {
    let riya = app.register_resident("Riya Resident").await;
    let staff = app.create_staff("Sam Caseworker").await;
    let case = id(&raise(&riya, complaint()).await);
    staff_does(&staff, &case, json!({ "type": "acknowledged" })).await;
    (riya, staff, case)
}

/// The same account signed in again: after the clock moves on by more than a
/// session lasts, the old session is over.
pub async fn signed_in_again(app: &TestApp, client: &TestClient) -> TestClient {
    app.sign_in(&client.email, &client.password).await
}

/// Under Pivotal's policy, a complaint acknowledged and answered on Monday 2
/// March 2026, whose last day to ask for stage 2 is Monday 16 March (section
/// 9: "no later than 10 working days after" the response). Returns the app,
/// the resident, the caseworker and the case.
pub async fn answered_under_pivotal() -> (TestApp, TestClient, TestClient, String) {
    let app = app_with_policy("pivotal-2021").await;
    let riya = app.register_resident("Riya Resident").await;
    let staff = app.create_staff("Sam Caseworker").await;
    let case = id(&raise(&riya, complaint()).await);
    staff_does(&staff, &case, json!({ "type": "acknowledged" })).await;
    let answered = staff_does(&staff, &case, responded("not_upheld")).await;
    assert_eq!(answered["view"]["open_window"]["last_day"], "2026-03-16");
    (app, riya, staff, case)
}

/// A complaint under Pioneer's policy answered at both stages, whose resident
/// has just asked for the stage 3 panel (to attend). Returns the app, the
/// resident, the caseworker and the case.
pub async fn panel_requested_under_pioneer() -> (TestApp, TestClient, TestClient, String) {
    let app = app_with_policy("pioneer-2020").await;
    let riya = app.register_resident("Riya Resident").await;
    let staff = app.create_staff("Sam Caseworker").await;
    let case = answered_at_both_stages(&riya, &staff).await;
    let (status, _, body) =
        resident_action(&riya, &case, "panel", json!({ "attendance": "attend" })).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    (app, riya, staff, case)
}

/// A complaint `resident` raises, which `staff` acknowledge and answer (not
/// upheld) at stage 1 and, once the resident asks for a review, at stage 2.
pub async fn answered_at_both_stages(resident: &TestClient, staff: &TestClient) -> String {
    let case = id(&raise(resident, complaint()).await);
    staff_does(staff, &case, json!({ "type": "acknowledged" })).await;
    staff_does(staff, &case, responded("not_upheld")).await;
    resident_action(resident, &case, "escalation", json!({})).await;
    staff_does(staff, &case, json!({ "type": "acknowledged" })).await;
    staff_does(staff, &case, responded("not_upheld")).await;
    case
}
