//! Complaints from any channel (issue 16, item 1; Code 3.2): staff raise a
//! case for a resident found by search, or for someone without an account,
//! dated the day it was received.

use axum::http::StatusCode;
use serde_json::{json, Value};

use crate::helpers::{errors, TestApp, TestClient};
use crate::support::{complaint, id, new_key, outbox, raise, with};

/// Monday 2 March 2026 is the tests' first day; three working days before
/// is Wednesday 25 February.
const THREE_WORKING_DAYS_AGO: &str = "2026-02-25";

async fn raise_for(staff: &TestClient, body: Value) -> (StatusCode, Value) {
    let (status, _, body) = staff
        .with_header("idempotency-key", &new_key())
        .post_json("/api/v1/staff/cases", body)
        .await;
    (status, body)
}

fn by_phone_for_someone() -> Value {
    with(
        complaint(),
        json!({
            "received_by": "phone",
            "received_on": THREE_WORKING_DAYS_AGO,
            "started_on": "2026-02-20",
            "someone": {
                "name": "Pat Nocount",
                "email": "pat@example.com",
                "resident_address": "1 High Street\nLeeds LS1 1AA",
                "contact_channel": "email"
            }
        }),
    )
}

#[tokio::test]
async fn a_phone_complaint_for_someone_without_an_account_counts_from_the_day_received() {
    let app = TestApp::spawn().await;
    let staff = app.create_staff("Sam Caseworker").await;
    let (status, detail) = raise_for(&staff, by_phone_for_someone()).await;
    assert_eq!(status, StatusCode::CREATED, "{detail}");
    let case = id(&detail);
    assert_eq!(detail["resident_name"], "Pat Nocount");
    assert_eq!(detail["view"]["received_on"], THREE_WORKING_DAYS_AGO);
    // Acknowledge within 5 working days of Wednesday 25 February: Wednesday 4 March.
    assert_eq!(detail["view"]["next_due"], "2026-03-04");
    assert_eq!(detail["staff"]["received_by"], "phone");
    assert_eq!(detail["staff"]["contact"]["name"], "Pat Nocount");
    assert_eq!(detail["timeline"][0]["actor"]["kind"], "staff");
    // Told by email, through the outbox, at the address they gave.
    let told = outbox(&app, &case).await;
    assert_eq!(told.len(), 1);
    assert!(
        told[0].0.starts_with("We have received your complaint"),
        "{}",
        told[0].0
    );
    let recipient: String = server::db::query_scalar(
        "SELECT recipient FROM outbox o JOIN cases c ON c.id = o.case_id WHERE c.public_id = ?",
    )
    .bind(&case)
    .fetch_one(&app.state.db)
    .await
    .unwrap();
    assert_eq!(recipient, "pat@example.com");
    // The queue names them.
    let (_, _, queue) = staff.get("/api/v1/staff/cases").await;
    assert_eq!(queue[0]["resident_name"], "Pat Nocount");
}

#[tokio::test]
async fn the_received_date_is_never_later_than_today_and_the_channel_needs_its_detail() {
    let app = TestApp::spawn().await;
    let staff = app.create_staff("Sam Caseworker").await;
    let (status, body) = raise_for(
        &staff,
        with(
            by_phone_for_someone(),
            json!({ "received_on": "2026-03-03" }),
        ),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert_eq!(
        errors(&body),
        [(
            "received_on".to_owned(),
            "The date it was received must be today or in the past".to_owned()
        )]
    );
    let (status, body) = raise_for(
        &staff,
        with(
            by_phone_for_someone(),
            json!({ "someone": { "name": "Pat", "contact_channel": "letter" } }),
        ),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert_eq!(errors(&body)[0].0, "someone.resident_address");
    let (status, body) = raise_for(
        &staff,
        with(
            by_phone_for_someone(),
            json!({ "someone": { "name": "x".repeat(201), "email": "pat@example.com", "contact_channel": "email" } }),
        ),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert_eq!(app.count("SELECT COUNT(*) FROM cases").await, 0);
}

#[tokio::test]
async fn staff_find_a_resident_by_name_email_phone_or_reference_and_raise_it_for_them() {
    let app = TestApp::spawn().await;
    let riya = app.register_resident("Riya Resident").await;
    let (status, _, _) = riya
        .put_json(
            "/api/v1/preferences",
            json!({ "contact_channel": "phone", "phone": "07700 900123" }),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    app.register_resident("Ben Jones").await;
    let staff = app.create_staff("Sam Caseworker").await;
    let reference = raise(&riya, complaint()).await["reference"]
        .as_str()
        .unwrap()
        .to_owned();
    let (_, _, session) = riya.get("/api/v1/session").await;
    let riya_id = session["user"]["id"].as_str().unwrap().to_owned();
    let email = riya.email.clone();
    for q in [
        "riya",
        "RESIDENT",
        email.as_str(),
        "900123",
        reference.as_str(),
    ] {
        let (status, _, found) = staff
            .get(&format!("/api/v1/staff/residents?q={}", urlencode(q)))
            .await;
        assert_eq!(status, StatusCode::OK, "{q}: {found}");
        let ids: Vec<&str> = found
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["id"].as_str().unwrap())
            .collect();
        assert_eq!(ids, [riya_id.as_str()], "{q}");
    }
    let (status, _, body) = staff.get("/api/v1/staff/residents?q=r").await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");

    let (status, detail) = raise_for(
        &staff,
        with(
            complaint(),
            json!({ "received_by": "letter", "received_on": "2026-03-02", "resident_id": riya_id }),
        ),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{detail}");
    let case = id(&detail);
    // Their case: they see it, and are told through their own channel.
    let (status, _, seen) = riya.get(&format!("/api/v1/cases/{case}")).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(seen["staff"], Value::Null);
    let channel: String = server::db::query_scalar(
        "SELECT channel FROM outbox o JOIN cases c ON c.id = o.case_id WHERE c.public_id = ?",
    )
    .bind(&case)
    .fetch_one(&app.state.db)
    .await
    .unwrap();
    assert_eq!(channel, "phone");
    let (status, body) = raise_for(
        &staff,
        with(
            complaint(),
            json!({ "received_by": "letter", "received_on": "2026-03-02", "resident_id": "nobody" }),
        ),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert_eq!(errors(&body)[0].1, "Select a resident from the search");
}

#[tokio::test]
async fn screening_is_shown_to_staff_not_applied_as_a_refusal() {
    let app = TestApp::spawn().await;
    let staff = app.create_staff("Sam Caseworker").await;
    // Something before a court: a resident could not send it at all.
    let (status, detail) = raise_for(
        &staff,
        with(
            by_phone_for_someone(),
            json!({ "details": "My landlord took me to court over the arrears." }),
        ),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{detail}");
    assert_eq!(detail["screening"][0]["id"], "court_proceedings");
    // It waits for staff to decide whether to take it on.
    assert_eq!(detail["view"]["status"], "awaiting_decision");
}

#[tokio::test]
async fn only_staff_raise_cases_for_others_or_search_residents() {
    let app = TestApp::spawn().await;
    let riya = app.register_resident("Riya Resident").await;
    let advocate = app.register_advocate("Alex Advocate").await;
    for client in [&riya, &advocate] {
        let (status, _) = raise_for(client, by_phone_for_someone()).await;
        assert_eq!(status, StatusCode::FORBIDDEN);
        let (status, _, _) = client.get("/api/v1/staff/residents?q=riya").await;
        assert_eq!(status, StatusCode::FORBIDDEN);
    }
    let (status, _) = raise_for(&app.client(), by_phone_for_someone()).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert_eq!(app.count("SELECT COUNT(*) FROM cases").await, 0);
}

fn urlencode(value: &str) -> String {
    value
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// Plus Dane §17: "Correspondence received from local councillors and
/// Members of Parliament (MP) will be acknowledged and responded to within 10
/// working days of receipt." A complaint that came through a councillor owes
/// them a reply of its own: a date on the case and in the queue, a staff
/// action to record it, and nothing sent to the resident for it.
#[tokio::test]
async fn a_complaint_through_a_councillor_owes_them_a_reply_within_10_working_days_under_plus_dane()
{
    let app = crate::support::app_with_policy("plus-dane-2024").await;
    let staff = app.create_staff("Sam Caseworker").await;
    let mut body = by_phone_for_someone();
    body["received_by"] = json!("councillor_or_mp");
    let (status, detail) = raise_for(&staff, body).await;
    assert_eq!(status, StatusCode::CREATED, "{detail}");
    let case = id(&detail);
    let reply = |detail: &Value| {
        detail["view"]["due_dates"]
            .as_array()
            .unwrap()
            .iter()
            .find(|d| d["key"] == "councillor_or_mp_reply")
            .cloned()
    };
    let due = reply(&detail).expect("the councillor's reply date");
    // Ten working days from Wednesday 25 February 2026.
    assert_eq!(due["date"], "2026-03-11", "{due}");
    assert_eq!(due["kind"], "reply_to_councillor_or_mp");
    // Acknowledged, the next date is the councillor's reply, before the response.
    let acknowledged =
        crate::support::staff_does(&staff, &case, json!({ "type": "acknowledged" })).await;
    assert_eq!(acknowledged["view"]["next_due"], "2026-03-11");
    let (_, _, queue) = staff.get("/api/v1/staff/cases").await;
    assert_eq!(queue[0]["next_due"], "2026-03-11", "{queue}");
    assert!(acknowledged["view"]["staff_actions"]
        .as_array()
        .unwrap()
        .contains(&json!("record_reply_to_councillor_or_mp")));

    let sent_before = outbox(&app, &case).await.len();
    let replied = crate::support::staff_does(
        &staff,
        &case,
        json!({ "type": "replied_to_councillor_or_mp" }),
    )
    .await;
    let due = reply(&replied).expect("still listed");
    assert_eq!(due["met"], true, "{due}");
    assert_eq!(due["done_on"], "2026-03-02");
    // Then the stage 1 response: 10 working days after acknowledging.
    assert_eq!(replied["view"]["next_due"], "2026-03-16");
    assert_eq!(
        outbox(&app, &case).await.len(),
        sent_before,
        "the reply goes to the councillor, not to the resident"
    );
    let (status, _, body) = crate::support::staff_action(
        &staff,
        &case,
        json!({ "type": "replied_to_councillor_or_mp" }),
    )
    .await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert_eq!(body["errors"][0]["code"], "councillor_or_mp_answered");

    // A complaint made by phone owes no councillor anything.
    let (_, direct) = raise_for(&staff, by_phone_for_someone()).await;
    assert!(reply(&direct).is_none());
}
