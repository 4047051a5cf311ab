//! Messages reach residents by the channel they chose (issue 17, items 3
//! and 4): email and text messages through GOV.UK Notify (here a local
//! stand-in that checks what the real service checks: the signed token, the
//! template, every field), a try that fails made again after a longer wait
//! each time, and what no service can send (a call, a letter) or what every
//! try failed to send left for staff, who see it on their list, send it by
//! hand and say so, or have it tried again. The case shows what happened to
//! each message.

use axum::http::StatusCode;
use serde_json::{json, Value};
use stand_ins::notify::{NotifyStandIn, API_KEY, EMAIL_TEMPLATE, SMS_TEMPLATE};

use crate::helpers::{next_page, TestApp, TestClient};
use crate::support::{complaint, id, raise, with};

/// The portal sending through a Notify stand-in with both templates, and the
/// folder that holds its key file.
async fn with_notify() -> (TestApp, NotifyStandIn, tempfile::TempDir) {
    let notify = NotifyStandIn::default();
    let base_url = notify.start().await;
    let dir = tempfile::tempdir().unwrap();
    let key_file = dir.path().join("notify-key");
    std::fs::write(&key_file, format!("{API_KEY}\n")).unwrap();
    let app = TestApp::spawn_with(|c| {
        c.notify_api_key_file = Some(key_file);
        c.notify_base_url = base_url;
        c.notify_email_template = Some(EMAIL_TEMPLATE.into());
        c.notify_sms_template = Some(SMS_TEMPLATE.into());
    })
    .await;
    (app, notify, dir)
}

/// Riya, registered, and the email that proved her address sent (or left
/// for staff, where no service is configured).
async fn riya(app: &TestApp) -> TestClient {
    let riya = app.register_resident("Riya Resident").await;
    server::outbox::deliver_pending(&app.state).await.unwrap();
    riya
}

/// Riya raises a complaint to be answered by `channel` at 07700 900123.
async fn complaint_by(riya: &TestClient, channel: &str) -> String {
    let detail = raise(
        riya,
        with(
            complaint(),
            json!({ "contact_channel": channel, "contact_phone": "07700 900123" }),
        ),
    )
    .await;
    id(&detail)
}

/// The messages about a case, as staff read them beside the case.
async fn case_messages(staff: &TestClient, case: &str) -> Vec<Value> {
    let (status, _, messages) = staff.get(&format!("/api/v1/cases/{case}/messages")).await;
    assert_eq!(status, StatusCode::OK, "{messages}");
    messages.as_array().expect("a list").clone()
}

/// The kinds of what happened to a message, oldest first.
fn history(message: &Value) -> Vec<&str> {
    message["history"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["kind"].as_str().unwrap())
        .collect()
}

async fn waiting_for_staff(staff: &TestClient) -> Vec<Value> {
    let (status, _, list) = staff.get("/api/v1/outbox?waiting=staff").await;
    assert_eq!(status, StatusCode::OK, "{list}");
    list.as_array().unwrap().clone()
}

/// `client` asks for letters in `format` (`standard`, `large_print`,
/// `braille`…) in their settings.
async fn asks_for_letters(client: &TestClient, format: &str) {
    asks_for_letters_at(client, format, Value::Null).await;
}

/// The settings of someone who asks for letters in `format`.
fn letter_settings(format: &str) -> Value {
    json!({
        "text_size": "standard", "high_contrast": false, "reduced_motion": false,
        "readable_font": false, "language": "en", "letter_format": format,
        "letter_language": null, "contact_channel": "letter", "phone": null,
        "interpreter": false, "interpreter_language": null, "reasonable_adjustments": ""
    })
}

/// `client` gives `address` (or takes theirs away: null) for letters.
async fn gives_address(client: &TestClient, address: Value) -> (StatusCode, Value) {
    let (status, _, body) = client
        .put_json(
            "/api/v1/postal-address",
            json!({ "postal_address": address }),
        )
        .await;
    (status, body)
}

/// `client` asks for letters in `format` at `address` (or none: null).
async fn asks_for_letters_at(client: &TestClient, format: &str, address: Value) {
    let (status, _, body) = client
        .put_json("/api/v1/preferences", letter_settings(format))
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let (status, body) = gives_address(client, address).await;
    assert_eq!(status, StatusCode::OK, "{body}");
}

/// Riya's address as she types it in her settings.
fn riyas_address() -> Value {
    json!({
        "address_line_1": "2 High Street", "address_line_2": "Headingley",
        "town": "Leeds", "postcode": "ls6 3aa"
    })
}

/// The portal sending through a Notify stand-in that also posts letters.
async fn with_notify_letters() -> (TestApp, NotifyStandIn, tempfile::TempDir) {
    let notify = NotifyStandIn::default();
    let base_url = notify.start().await;
    let dir = tempfile::tempdir().unwrap();
    let key_file = dir.path().join("notify-key");
    std::fs::write(&key_file, format!("{API_KEY}\n")).unwrap();
    let app = TestApp::spawn_with(|c| {
        c.notify_api_key_file = Some(key_file);
        c.notify_base_url = base_url;
        c.notify_sms_template = Some(SMS_TEMPLATE.into());
        c.notify_letters = Some("second".into());
    })
    .await;
    (app, notify, dir)
}

/// The letters the Notify stand-in accepted: (reference, postage, PDF).
fn letters_received(notify: &NotifyStandIn) -> Vec<(String, String, Vec<u8>)> {
    use base64::Engine;
    notify
        .received()
        .into_iter()
        .filter(|r| r.kind == "letter")
        .map(|r| {
            let pdf = base64::engine::general_purpose::STANDARD
                .decode(r.request["content"].as_str().unwrap())
                .unwrap();
            (
                r.request["reference"].as_str().unwrap().to_owned(),
                r.request["postage"].as_str().unwrap().to_owned(),
                pdf,
            )
        })
        .collect()
}

/// The case as the staff queue lists it.
async fn queue_entry(staff: &TestClient, case: &str) -> Value {
    let (status, _, list) = staff.get("/api/v1/staff/cases").await;
    assert_eq!(status, StatusCode::OK, "{list}");
    list.as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == case)
        .unwrap_or_else(|| panic!("{case} is not in the queue"))
        .clone()
}

/// The message about `case` on the staff's list of messages waiting for them.
async fn waiting_for(staff: &TestClient, case: &str) -> Value {
    waiting_for_staff(staff)
        .await
        .into_iter()
        .find(|m| m["case_id"] == case)
        .unwrap_or_else(|| panic!("a message about {case} waits for staff"))
}

/// Makes every message's wait after a failure over, as if the time had passed.
async fn wait_is_over(app: &TestApp) {
    server::db::query("UPDATE outbox SET next_attempt_at = '2000-01-01T00:00:00Z' WHERE next_attempt_at IS NOT NULL")
        .execute(&app.state.db)
        .await
        .unwrap();
}

#[tokio::test]
async fn text_messages_and_email_go_through_notify_signed_and_filled_in_and_say_so_on_the_case() {
    let (app, notify, _dir) = with_notify().await;
    let staff = app.create_staff("Sam Staff").await;
    let riya = riya(&app).await;
    let case = complaint_by(&riya, "text_message").await;
    server::outbox::deliver_pending(&app.state).await.unwrap();

    let received = notify.received();
    // The resident's address was proved by an email through Notify, and the
    // complaint's receipt went by text message, as she asked.
    let email = received
        .iter()
        .find(|r| r.kind == "email")
        .expect("an email through Notify");
    assert_eq!(email.request["template_id"], EMAIL_TEMPLATE);
    assert!(email.request["email_address"]
        .as_str()
        .unwrap()
        .ends_with("@example.com"));
    assert!(!email.request["personalisation"]["subject"]
        .as_str()
        .unwrap()
        .is_empty());
    let text = received
        .iter()
        .find(|r| r.kind == "sms")
        .expect("a text message through Notify");
    assert_eq!(text.request["template_id"], SMS_TEMPLATE);
    assert_eq!(text.request["phone_number"], "07700 900123");
    let (_, _, detail) = staff.get(&format!("/api/v1/cases/{case}")).await;
    let reference = detail["reference"].as_str().unwrap();
    assert!(
        text.request["personalisation"]["body"]
            .as_str()
            .unwrap()
            .contains(reference),
        "{}",
        text.request
    );
    // Notify keeps the reference: no name, address or number in it.
    assert!(text.request["reference"]
        .as_str()
        .unwrap()
        .starts_with("outbox-"));

    let messages = case_messages(&staff, &case).await;
    let message = &messages[0];
    assert_eq!(message["delivery"], "sent", "{message}");
    // A text has no subject line: the subject, which names the case, comes
    // first in the message.
    assert_eq!(
        text.request["personalisation"]["body"],
        format!(
            "{}\n\n{}",
            message["subject"].as_str().unwrap(),
            message["body"].as_str().unwrap()
        )
    );
    assert_eq!(message["sent_by"], "notify");
    assert_eq!(message["needs_staff"], Value::Null);
    assert_eq!(history(message), ["sent"]);
    assert_eq!(server::outbox::depth(&app.state.db).await.unwrap(), (0, 0));
}

#[tokio::test]
async fn a_service_that_fails_is_tried_again_each_wait_longer_and_after_five_tries_staff_send_it() {
    let (app, notify, _dir) = with_notify().await;
    let staff = app.create_staff("Sam Staff").await;
    let riya = riya(&app).await;
    let case = complaint_by(&riya, "text_message").await;
    // The text message fails five times: busy (429) or broken (500), which
    // trying later can mend.
    notify.fail_next(2, 429);
    notify.fail_next(3, 500);
    let mut waits = Vec::new();
    for attempt in 1..=4 {
        let started = chrono::Utc::now();
        assert!(server::outbox::deliver_pending(&app.state).await.unwrap() >= 1);
        let message = &case_messages(&staff, &case).await[0];
        assert_eq!(message["delivery"], "retrying", "{message}");
        let next: String = server::db::query_scalar(
            "SELECT next_attempt_at FROM outbox WHERE channel = 'text_message' AND sent_at IS NULL",
        )
        .fetch_one(&app.state.db)
        .await
        .unwrap();
        let next = chrono::DateTime::parse_from_rfc3339(&next).unwrap();
        waits.push((next.with_timezone(&chrono::Utc) - started).num_seconds());
        // Not tried again before its time.
        assert_eq!(
            server::outbox::deliver_pending(&app.state).await.unwrap(),
            0,
            "try {attempt}"
        );
        wait_is_over(&app).await;
    }
    // 1, 4, 16 and 64 minutes.
    for (wait, minutes) in waits.iter().zip([1, 4, 16, 64]) {
        assert!(
            (minutes * 60 - 5..=minutes * 60 + 5).contains(wait),
            "{waits:?}"
        );
    }
    server::outbox::deliver_pending(&app.state).await.unwrap();
    let message = &case_messages(&staff, &case).await[0];
    assert_eq!(message["delivery"], "staff_to_send", "{message}");
    assert_eq!(message["needs_staff"], "failed");
    assert_eq!(
        history(message),
        ["failed", "failed", "failed", "failed", "gave_up"]
    );
    assert!(
        message["history"][4]["detail"]
            .as_str()
            .unwrap()
            .contains("500"),
        "{message}"
    );
    // Never again by itself; it is on the staff's list.
    wait_is_over(&app).await;
    assert_eq!(
        server::outbox::deliver_pending(&app.state).await.unwrap(),
        0
    );
    let waiting = waiting_for_staff(&staff).await;
    assert_eq!(waiting.len(), 1, "{waiting:?}");
    assert_eq!(waiting[0]["attempts"], 5);
    assert_eq!(waiting[0]["needs_staff"], "failed");
    assert_eq!(server::outbox::depth(&app.state.db).await.unwrap(), (0, 1));

    // Staff have it tried again once the service is back: it goes.
    let message_id = waiting[0]["id"].as_i64().unwrap();
    let (status, _, answer) = staff
        .post_json(&format!("/api/v1/outbox/{message_id}/retry"), json!({}))
        .await;
    assert_eq!(status, StatusCode::OK, "{answer}");
    assert_eq!(answer["delivery"], "queued");
    assert_eq!(
        server::outbox::deliver_pending(&app.state).await.unwrap(),
        1
    );
    let message = &case_messages(&staff, &case).await[0];
    assert_eq!(message["delivery"], "sent");
    assert_eq!(message["sent_by"], "notify");
    let kinds = history(message);
    assert_eq!(kinds[kinds.len() - 2..], ["queued_again", "sent"]);
    assert_eq!(message["history"][kinds.len() - 2]["by"], "Sam Staff");
    assert!(waiting_for_staff(&staff).await.is_empty());
}

/// The id Notify gave the text message about `case`'s receipt.
fn text_id(notify: &NotifyStandIn) -> String {
    notify
        .received()
        .into_iter()
        .find(|r| r.kind == "sms")
        .expect("a text message through Notify")
        .id
}

/// "Sent" means Notify took it; then Notify says what became of it. The
/// portal asks while it is on its way, no more than every few minutes, and
/// a message that arrived says so in its history.
#[tokio::test]
async fn notify_is_asked_what_became_of_a_message_until_it_says_it_arrived() {
    let (app, notify, _dir) = with_notify().await;
    let staff = app.create_staff("Sam Staff").await;
    let riya = riya(&app).await;
    let case = complaint_by(&riya, "text_message").await;
    server::outbox::deliver_pending(&app.state).await.unwrap();
    let asked = || server::outbox::check_deliveries(&app.state);

    // Just sent: too soon to ask.
    assert_eq!(asked().await.unwrap(), 0);
    app.advance(chrono::Duration::minutes(6));
    // The proving email and the text, both "sending".
    assert_eq!(asked().await.unwrap(), 2);
    assert_eq!(asked().await.unwrap(), 0, "asked again only after a wait");
    let message = &case_messages(&staff, &case).await[0];
    assert_eq!(message["delivery"], "sent");
    assert_eq!(history(message), ["sent"]);

    assert!(notify.set_status(&text_id(&notify), "delivered"));
    app.advance(chrono::Duration::minutes(6));
    assert_eq!(asked().await.unwrap(), 2);
    let message = &case_messages(&staff, &case).await[0];
    assert_eq!(message["delivery"], "sent");
    assert_eq!(history(message), ["sent", "delivered"]);
    // Arrived: never asked about again.
    app.advance(chrono::Duration::minutes(6));
    assert_eq!(
        asked().await.unwrap(),
        1,
        "only the email, still on its way"
    );
}

/// Notify took a text message but could not deliver it (the number does not
/// exist): it is no longer sent, and waits for staff with why, as a refused
/// one does; staff can have it tried again.
#[tokio::test]
async fn a_message_notify_could_not_deliver_waits_for_staff_again_with_why() {
    let (app, notify, _dir) = with_notify().await;
    let staff = app.create_staff("Sam Staff").await;
    let riya = riya(&app).await;
    let case = complaint_by(&riya, "text_message").await;
    server::outbox::deliver_pending(&app.state).await.unwrap();
    assert!(notify.set_status(&text_id(&notify), "permanent-failure"));
    app.advance(chrono::Duration::minutes(6));
    server::outbox::check_deliveries(&app.state).await.unwrap();

    let message = &case_messages(&staff, &case).await[0];
    assert_eq!(message["delivery"], "staff_to_send", "{message}");
    assert_eq!(message["needs_staff"], "failed");
    assert_eq!(message["sent_at"], Value::Null);
    assert_eq!(history(message), ["sent", "not_delivered"]);
    let why = message["history"][1]["detail"].as_str().unwrap();
    assert!(why.contains("permanent-failure"), "{why}");
    assert!(why.contains("does not exist"), "{why}");
    let waiting = waiting_for_staff(&staff).await;
    assert_eq!(waiting.len(), 1, "{waiting:?}");
    assert!(waiting[0]["last_error"]
        .as_str()
        .unwrap()
        .contains("could not deliver"));
    // A message waiting for staff is not asked about again: only the
    // email, still on its way, is.
    app.advance(chrono::Duration::minutes(6));
    assert_eq!(
        server::outbox::check_deliveries(&app.state).await.unwrap(),
        1
    );

    // Tried again, it is a new message to Notify, asked about afresh.
    let id = waiting[0]["id"].as_i64().unwrap();
    let (status, _, body) = staff
        .post_json(&format!("/api/v1/outbox/{id}/retry"), json!({}))
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    server::outbox::deliver_pending(&app.state).await.unwrap();
    let message = &case_messages(&staff, &case).await[0];
    assert_eq!(message["delivery"], "sent");
    assert_eq!(
        notify.received().iter().filter(|r| r.kind == "sms").count(),
        2
    );
}

#[tokio::test]
async fn a_message_the_service_refuses_waits_for_staff_at_once() {
    let (app, notify, _dir) = with_notify().await;
    let staff = app.create_staff("Sam Staff").await;
    let riya = riya(&app).await;
    let case = complaint_by(&riya, "text_message").await;
    // A 400 (a number Notify cannot send to, say) fails the same way every time.
    notify.fail_next(1, 400);
    server::outbox::deliver_pending(&app.state).await.unwrap();
    let message = &case_messages(&staff, &case).await[0];
    assert_eq!(message["delivery"], "staff_to_send", "{message}");
    assert_eq!(message["needs_staff"], "failed");
    assert_eq!(history(message), ["gave_up"]);
    let waiting = waiting_for_staff(&staff).await;
    assert_eq!(waiting.len(), 1);
    assert_eq!(waiting[0]["attempts"], 1);
    assert!(waiting[0]["last_error"].as_str().unwrap().contains("400"));
}

#[tokio::test]
async fn with_no_service_for_a_channel_the_message_waits_for_staff_and_says_why() {
    let app = TestApp::spawn().await;
    let staff = app.create_staff("Sam Staff").await;
    let riya = riya(&app).await;
    let case = complaint_by(&riya, "text_message").await;
    server::outbox::deliver_pending(&app.state).await.unwrap();
    let message = &case_messages(&staff, &case).await[0];
    assert_eq!(message["delivery"], "staff_to_send");
    assert_eq!(message["needs_staff"], "no_service");
    assert_eq!(message["sent_by"], Value::Null);
}

#[tokio::test]
async fn a_call_goes_to_staff_who_say_when_they_made_it_once() {
    let (app, notify, _dir) = with_notify().await;
    let staff = app.create_staff("Sam Staff").await;
    let riya = riya(&app).await;
    let case = complaint_by(&riya, "phone").await;
    // Straight to staff: no service makes a call.
    let message = &case_messages(&staff, &case).await[0];
    assert_eq!(message["delivery"], "staff_to_send", "{message}");
    assert_eq!(message["needs_staff"], "call");
    server::outbox::deliver_pending(&app.state).await.unwrap();
    assert!(notify.received().iter().all(|r| r.kind != "sms"));
    let waiting = waiting_for_staff(&staff).await;
    let call = waiting
        .iter()
        .find(|m| m["channel"] == "phone")
        .expect("the call is on the staff's list");
    assert_eq!(call["case_id"], case.as_str());
    assert!(call["case_reference"].as_str().unwrap().starts_with("CMP-"));

    // The queue says the case has a message to send by hand; the
    // resident's own list says nothing of it.
    assert_eq!(queue_entry(&staff, &case).await["messages_to_send"], 1);
    let (_, _, own) = riya.get("/api/v1/cases").await;
    let own = own
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == case.as_str())
        .unwrap()
        .clone();
    assert!(own.get("messages_to_send").is_none(), "{own}");

    let id = call["id"].as_i64().unwrap();
    let path = format!("/api/v1/outbox/{id}/sent-by-hand");
    let (status, _, answer) = staff.post_json(&path, json!({})).await;
    assert_eq!(status, StatusCode::OK, "{answer}");
    assert_eq!(answer["delivery"], "sent");
    assert_eq!(answer["sent_by"], "staff");
    let message = &case_messages(&staff, &case).await[0];
    assert_eq!(message["sent_by"], "staff");
    assert!(message["sent_at"].is_string());
    let last = message["history"]
        .as_array()
        .unwrap()
        .last()
        .unwrap()
        .clone();
    assert_eq!(last["kind"], "sent_by_hand");
    assert_eq!(last["by"], "Sam Staff");
    assert!(waiting_for_staff(&staff)
        .await
        .iter()
        .all(|m| m["id"] != id));
    assert!(queue_entry(&staff, &case)
        .await
        .get("messages_to_send")
        .is_none());

    // Said twice: the second says it was sent already, and changes nothing.
    let (status, _, answer) = staff.post_json(&path, json!({})).await;
    assert_eq!(status, StatusCode::CONFLICT, "{answer}");
    assert_eq!(answer["errors"][0]["field"], "id");
    let (status, _, _) = staff
        .post_json(&format!("/api/v1/outbox/{id}/retry"), json!({}))
        .await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert_eq!(
        history(&case_messages(&staff, &case).await[0])
            .iter()
            .filter(|k| **k == "sent_by_hand")
            .count(),
        1
    );
}

#[tokio::test]
async fn a_letter_goes_to_staff_to_post() {
    let app = TestApp::spawn().await;
    let staff = app.create_staff("Sam Staff").await;
    let riya = app.register_resident("Riya Resident").await;
    asks_for_letters(&riya, "braille").await;
    let case = id(&raise(&riya, complaint()).await);
    let message = &case_messages(&staff, &case).await[0];
    assert_eq!(message["channel"], "letter");
    assert_eq!(message["delivery"], "staff_to_send");
    // Braille is made by a person, not printed as it stands.
    assert_eq!(message["needs_staff"], "format");
    assert!(message["recipient"]
        .as_str()
        .unwrap()
        .contains("Riya Resident"));
}

#[tokio::test]
async fn staff_act_only_on_messages_they_may_see_and_only_staff_act() {
    let app = TestApp::spawn().await;
    let outsider = app.create_staff_outside_team("Robin Repairs").await;
    let team = app.create_staff("Sam Staff").await;
    let riya = app.register_resident("Riya Resident").await;
    let case = id(&raise(
        &riya,
        with(
            complaint(),
            json!({
                "in_confidence": true,
                "contact_channel": "phone",
                "contact_phone": "07700 900123",
            }),
        ),
    )
    .await);
    let waiting = waiting_for_staff(&team).await;
    let call = waiting
        .iter()
        .find(|m| m["case_id"] == case.as_str())
        .expect("the team sees it");
    let id = call["id"].as_i64().unwrap();
    // Outside the complaints team, a confidential case's messages name its
    // resident: they are not listed, and acting on one answers 404.
    assert!(waiting_for_staff(&outsider)
        .await
        .iter()
        .all(|m| m["id"] != id));
    for action in ["sent-by-hand", "retry"] {
        let (status, _, _) = outsider
            .post_json(&format!("/api/v1/outbox/{id}/{action}"), json!({}))
            .await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{action}");
        let (status, _, _) = riya
            .post_json(&format!("/api/v1/outbox/{id}/{action}"), json!({}))
            .await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{action}");
    }
    for missing in ["999999", "not-a-number"] {
        let (status, _, _) = team
            .post_json(&format!("/api/v1/outbox/{missing}/sent-by-hand"), json!({}))
            .await;
        assert_eq!(status, StatusCode::NOT_FOUND);
    }
    let (status, _, body) = team.get("/api/v1/outbox?waiting=everyone").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(body["errors"][0]["field"], "waiting");
    assert_eq!(
        history(&case_messages(&team, &case).await[0]),
        ["gave_up"],
        "nothing was done to it"
    );
}

#[tokio::test]
async fn the_waiting_list_comes_a_page_at_a_time_oldest_first() {
    let app = TestApp::spawn().await;
    let staff = app.create_staff("Sam Staff").await;
    let riya = app.register_resident("Riya Resident").await;
    let mut cases = Vec::new();
    for _ in 0..3 {
        cases.push(complaint_by(&riya, "phone").await);
        app.advance(chrono::Duration::minutes(1));
    }
    let (status, headers, first) = staff.get("/api/v1/outbox?waiting=staff&limit=2").await;
    assert_eq!(status, StatusCode::OK);
    let first = first.as_array().unwrap().clone();
    assert_eq!(first.len(), 2);
    assert_eq!(first[0]["case_id"], cases[0].as_str());
    assert_eq!(first[1]["case_id"], cases[1].as_str());
    let next = next_page(&headers).expect("a link to the next page");
    assert!(next.contains("waiting=staff"), "{next}");
    let (_, _, second) = staff.get(&next).await;
    let second = second.as_array().unwrap().clone();
    assert_eq!(second.len(), 1, "{second:?}");
    assert_eq!(second[0]["case_id"], cases[2].as_str());
}

#[tokio::test]
async fn a_case_messages_come_a_page_at_a_time_oldest_first() {
    let app = TestApp::spawn().await;
    let staff = app.create_staff("Sam Staff").await;
    let riya = riya(&app).await;
    let case = complaint_by(&riya, "phone").await;
    for event in [
        json!({ "type": "acknowledged" }),
        json!({ "type": "responded", "outcome": "upheld", "reasons": "We were slow." }),
    ] {
        app.advance(chrono::Duration::minutes(1));
        crate::support::staff_does(&staff, &case, event).await;
    }
    let (status, headers, first) = staff
        .get(&format!("/api/v1/cases/{case}/messages?limit=2"))
        .await;
    assert_eq!(status, StatusCode::OK, "{first}");
    let first = first.as_array().unwrap().clone();
    assert_eq!(first.len(), 2);
    let next = next_page(&headers).expect("a next page");
    let (_, _, second) = staff.get(&next).await;
    let second = second.as_array().unwrap().clone();
    assert!(!second.is_empty(), "{next}");
    let all: Vec<&Value> = first.iter().chain(second.iter()).collect();
    let times: Vec<&str> = all
        .iter()
        .map(|m| m["created_at"].as_str().unwrap())
        .collect();
    let mut sorted = times.clone();
    sorted.sort();
    assert_eq!(times, sorted, "oldest first");
    assert!(
        first[0]["subject"].as_str().unwrap().contains("received"),
        "{}",
        first[0]
    );
    let (status, _, _) = staff
        .get(&format!("/api/v1/cases/{case}/messages?after=rubbish"))
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    let (status, _, _) = staff.get("/api/v1/cases/no-such-case/messages").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

// --- letters as PDF (issue 17, item 3) -------------------------------------

/// The PDF's text, page by page, and every font size its pages set.
fn read_pdf(bytes: &[u8]) -> (String, Vec<f32>) {
    let document = lopdf::Document::load_mem(bytes).expect("a PDF a reader opens");
    let pages: Vec<u32> = document.get_pages().keys().copied().collect();
    let text = document.extract_text(&pages).expect("its text can be read");
    let mut sizes = Vec::new();
    for page in document.get_pages().values() {
        let content = lopdf::content::Content::decode(&document.get_page_content(*page)).unwrap();
        for operation in content.operations {
            if operation.operator == "Tf" {
                sizes.push(operation.operands[1].as_float().unwrap());
            }
        }
    }
    (text, sizes)
}

/// Riya, who asked for letters in `format`, raises a complaint; the letter
/// that tells her it was received, from the staff's list.
async fn letter_to_riya(app: &TestApp, staff: &TestClient, format: &str) -> (String, Value) {
    let riya = app.register_resident("Riya Resident").await;
    asks_for_letters(&riya, format).await;
    let case = id(&raise(&riya, complaint()).await);
    let letter = waiting_for_staff(staff)
        .await
        .into_iter()
        .find(|m| m["case_id"] == case.as_str() && m["channel"] == "letter")
        .expect("the letter waits for staff");
    (case, letter)
}

#[tokio::test]
async fn a_large_print_letter_is_a_pdf_whose_words_are_text_at_18_point() {
    let app = TestApp::spawn().await;
    let staff = app.create_staff("Sam Staff").await;
    let (_, letter) = letter_to_riya(&app, &staff, "large_print").await;
    let id = letter["id"].as_i64().unwrap();
    let (status, headers, pdf) = staff
        .get_bytes(&format!("/api/v1/outbox/{id}/letter"))
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(headers["content-type"], "application/pdf");
    let disposition = headers["content-disposition"].to_str().unwrap();
    let reference = letter["case_reference"].as_str().unwrap();
    assert!(
        disposition.contains(&format!("letter-{reference}-{id}.pdf")),
        "{disposition}"
    );
    let (text, sizes) = read_pdf(&pdf);
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    // The landlord, then the resident (her address is added by staff: the
    // portal holds none), the subject, and the message itself, as text.
    assert!(flat.contains("Housing Ombudsman Service"), "{flat}");
    assert!(flat.contains("Riya Resident"), "{flat}");
    assert!(
        !flat.contains("(large print)"),
        "the format is not part of the address: {flat}"
    );
    let subject = letter["subject"].as_str().unwrap();
    assert!(
        flat.contains(&subject.split_whitespace().collect::<Vec<_>>().join(" ")),
        "{flat}"
    );
    assert!(flat.contains(reference), "{flat}");
    assert!(!sizes.is_empty());
    // Every word is 16 pt or more, but the address in the envelope's window,
    // which is only as large as fits there (Notify prints it at 8 pt).
    let (pages, runs) = stand_ins::pdf::read(&pdf).unwrap();
    let mm = 72.0 / 25.4;
    let in_window = |r: &stand_ins::pdf::Run| {
        let from_top = (pages[0].1 - r.y) / mm;
        r.page == 1 && r.x / mm < 125.0 && (39.5..=66.3).contains(&from_top)
    };
    let letter_sizes: Vec<f32> = runs
        .iter()
        .filter(|r| !in_window(r))
        .map(|r| r.size)
        .collect();
    assert!(
        letter_sizes.iter().all(|s| *s >= 16.0),
        "large print is 16 pt or more: {letter_sizes:?}"
    );
    assert!(runs
        .iter()
        .any(|r| in_window(r) && r.text == "Riya Resident"));
}

#[tokio::test]
async fn a_standard_letter_to_someone_without_an_account_carries_their_address() {
    let app = TestApp::spawn().await;
    let staff = app.create_staff("Sam Staff").await;
    let (status, _, detail) = staff
        .with_header("idempotency-key", &crate::support::new_key())
        .post_json(
            "/api/v1/staff/cases",
            with(
                complaint(),
                json!({
                    "received_by": "letter",
                    "received_on": "2026-02-25",
                    "someone": {
                        "name": "Pat Nocount",
                        "resident_address": "1 High Street\nLeeds LS1 1AA",
                        "contact_channel": "letter"
                    }
                }),
            ),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{detail}");
    let case = id(&detail);
    // No service posts letters here: the sender leaves it for staff.
    server::outbox::deliver_pending(&app.state).await.unwrap();
    let letter = waiting_for(&staff, &case).await;
    assert_eq!(letter["needs_staff"], "post");
    let id = letter["id"].as_i64().unwrap();
    let (status, _, pdf) = staff
        .get_bytes(&format!("/api/v1/outbox/{id}/letter"))
        .await;
    assert_eq!(status, StatusCode::OK);
    let (text, sizes) = read_pdf(&pdf);
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    let name = lines
        .iter()
        .position(|l| *l == "Pat Nocount")
        .expect("the name on a line of its own");
    // Read from the address staff gave, the postcode on a line of its own
    // (as Notify wants it).
    assert_eq!(lines[name + 1], "1 High Street", "{lines:?}");
    assert_eq!(lines[name + 2], "Leeds", "{lines:?}");
    assert_eq!(lines[name + 3], "LS1 1AA", "{lines:?}");
    assert!(sizes.contains(&12.0), "{sizes:?}");
}

#[tokio::test]
async fn only_a_letter_has_a_pdf_and_only_staff_who_may_see_it_open_it() {
    let app = TestApp::spawn().await;
    let staff = app.create_staff("Sam Staff").await;
    let outsider = app.create_staff_outside_team("Robin Repairs").await;
    let (_, letter) = letter_to_riya(&app, &staff, "standard").await;
    let letter_id = letter["id"].as_i64().unwrap();
    let path = format!("/api/v1/outbox/{letter_id}/letter");
    assert_eq!(staff.get_bytes(&path).await.0, StatusCode::OK);
    // Not a letter: a call.
    let callum = app.register_resident("Callum Call").await;
    let call_case = complaint_by(&callum, "phone").await;
    let call = waiting_for(&staff, &call_case).await;
    let call_id = call["id"].as_i64().unwrap();
    assert_eq!(
        staff
            .get_bytes(&format!("/api/v1/outbox/{call_id}/letter"))
            .await
            .0,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        staff.get_bytes("/api/v1/outbox/999999/letter").await.0,
        StatusCode::NOT_FOUND
    );
    // A resident is not staff.
    assert_eq!(callum.get_bytes(&path).await.0, StatusCode::FORBIDDEN);
    // Outside the complaints team, a confidential case's letter is not there.
    let rosa = app.register_resident("Rosa Confidential").await;
    asks_for_letters(&rosa, "standard").await;
    let secret = id(&raise(&rosa, with(complaint(), json!({ "in_confidence": true }))).await);
    let secret_letter = waiting_for(&staff, &secret).await;
    let secret_id = secret_letter["id"].as_i64().unwrap();
    assert_eq!(
        outsider
            .get_bytes(&format!("/api/v1/outbox/{secret_id}/letter"))
            .await
            .0,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        staff
            .get_bytes(&format!("/api/v1/outbox/{secret_id}/letter"))
            .await
            .0,
        StatusCode::OK
    );
}

// --- letters through GOV.UK Notify, to the address held (issue 17, item 3) --

#[tokio::test]
async fn a_large_print_letter_goes_through_notify_as_a_precompiled_pdf_to_the_address_held() {
    let (app, notify, _dir) = with_notify_letters().await;
    let staff = app.create_staff("Sam Staff").await;
    let riya = riya(&app).await;
    asks_for_letters_at(&riya, "large_print", riyas_address()).await;
    let case = id(&raise(&riya, complaint()).await);
    server::outbox::deliver_pending(&app.state).await.unwrap();

    let letters = letters_received(&notify);
    assert_eq!(letters.len(), 1, "one letter");
    let (reference, postage, pdf) = &letters[0];
    // No personal data in the reference Notify keeps.
    assert!(reference.starts_with("outbox-"), "{reference}");
    assert_eq!(postage, "second");
    // The stand-in checked it as Notify does; its address window holds
    // her name and the address from her settings, the postcode last.
    assert_eq!(
        stand_ins::notify::check_letter(pdf).unwrap(),
        [
            "Riya Resident",
            "2 High Street",
            "Headingley",
            "Leeds",
            "LS6 3AA"
        ]
    );
    let (text, sizes) = read_pdf(pdf);
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(flat.contains("Housing Ombudsman Service"), "{flat}");
    assert!(sizes.iter().any(|s| *s >= 18.0), "large print: {sizes:?}");

    let message = case_messages(&staff, &case)
        .await
        .into_iter()
        .find(|m| m["channel"] == "letter")
        .expect("the letter");
    assert_eq!(message["delivery"], "sent");
    assert_eq!(message["sent_by"], "notify");
}

/// GOV.UK Notify prints no more than 10 pages: a longer letter (a long
/// response in large print) is not sent to be refused, it waits for staff
/// to print and post, with why; the stand-in refuses one as Notify does.
#[tokio::test]
async fn a_letter_longer_than_notify_prints_waits_for_staff_to_post() {
    let (app, notify, _dir) = with_notify_letters().await;
    let staff = app.create_staff("Sam Staff").await;
    let riya = riya(&app).await;
    asks_for_letters_at(&riya, "large_print", riyas_address()).await;
    let case = id(&raise(&riya, complaint()).await);
    server::outbox::deliver_pending(&app.state).await.unwrap();
    assert_eq!(letters_received(&notify).len(), 1, "the short receipt went");

    let paragraph = "We looked at every visit, every call and every letter about the repair, \
                     and at what our contractor recorded each time. "
        .repeat(12);
    let reasons = vec![paragraph; 12].join("\n\n");
    crate::support::staff_does(&staff, &case, json!({ "type": "acknowledged" })).await;
    crate::support::staff_does(
        &staff,
        &case,
        json!({ "type": "responded", "outcome": "upheld", "reasons": reasons }),
    )
    .await;
    server::outbox::deliver_pending(&app.state).await.unwrap();
    assert_eq!(
        letters_received(&notify).len(),
        2,
        "the acknowledgement went; the long response did not"
    );
    let waiting = waiting_for(&staff, &case).await;
    assert_eq!(waiting["channel"], "letter");
    assert_eq!(waiting["needs_staff"], "post", "{waiting}");
    let why = waiting["last_error"].as_str().unwrap_or_default();
    assert!(
        why.contains("GOV.UK Notify prints no more than 10"),
        "{waiting}"
    );

    // The PDF staff print is the long letter, and Notify would refuse it.
    let id = waiting["id"].as_i64().unwrap();
    let (status, _, pdf) = staff
        .get_bytes(&format!("/api/v1/outbox/{id}/letter"))
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        stand_ins::notify::check_letter(&pdf),
        Err("letter-too-long".to_owned())
    );
}

#[tokio::test]
async fn a_letter_with_no_address_held_waits_for_staff_and_goes_once_the_resident_gives_one() {
    let (app, notify, _dir) = with_notify_letters().await;
    let staff = app.create_staff("Sam Staff").await;
    let riya = riya(&app).await;
    asks_for_letters(&riya, "standard").await;
    let case = id(&raise(&riya, complaint()).await);
    server::outbox::deliver_pending(&app.state).await.unwrap();
    assert!(letters_received(&notify).is_empty());
    let letter = waiting_for(&staff, &case).await;
    assert_eq!(letter["channel"], "letter");
    assert_eq!(letter["needs_staff"], "no_address");

    // She gives her address; staff have the letter tried again.
    asks_for_letters_at(&riya, "standard", riyas_address()).await;
    let id = letter["id"].as_i64().unwrap();
    let (status, _, body) = staff
        .post_json(&format!("/api/v1/outbox/{id}/retry"), json!({}))
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    server::outbox::deliver_pending(&app.state).await.unwrap();
    let letters = letters_received(&notify);
    assert_eq!(letters.len(), 1);
    assert_eq!(
        stand_ins::notify::check_letter(&letters[0].2)
            .unwrap()
            .last()
            .unwrap(),
        "LS6 3AA"
    );
}

#[tokio::test]
async fn a_letter_to_someone_without_an_account_goes_through_notify_to_the_address_staff_gave() {
    let (app, notify, _dir) = with_notify_letters().await;
    let staff = app.create_staff("Sam Staff").await;
    let (status, _, detail) = staff
        .with_header("idempotency-key", &crate::support::new_key())
        .post_json(
            "/api/v1/staff/cases",
            with(
                complaint(),
                json!({
                    "received_by": "letter",
                    "received_on": "2026-02-25",
                    "someone": {
                        "name": "Pat Nocount",
                        "resident_address": "1 High Street\nLeeds LS1 1AA",
                        "contact_channel": "letter"
                    }
                }),
            ),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{detail}");
    server::outbox::deliver_pending(&app.state).await.unwrap();
    let letters = letters_received(&notify);
    assert_eq!(letters.len(), 1);
    assert_eq!(
        stand_ins::notify::check_letter(&letters[0].2).unwrap(),
        ["Pat Nocount", "1 High Street", "Leeds", "LS1 1AA"]
    );
}

#[tokio::test]
async fn a_postal_address_is_checked_kept_in_its_own_columns_and_given_back_tidied() {
    let app = TestApp::spawn().await;
    let riya = app.register_resident("Riya Resident").await;
    let (status, body) = gives_address(
        &riya,
        json!({ "address_line_1": "", "town": "Leeds", "postcode": "nowhere" }),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    let fields: Vec<&str> = body["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap())
        .collect();
    assert_eq!(
        fields,
        ["postal_address.address_line_1", "postal_address.postcode"],
        "{body}"
    );
    let long = json!({
        "address_line_1": "x".repeat(36), "town": "Leeds", "postcode": "LS1 1AA"
    });
    let (status, body) = gives_address(&riya, long).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert_eq!(
        body["errors"][0]["message"],
        "Address line 1 must be 35 characters or fewer"
    );

    asks_for_letters_at(&riya, "standard", riyas_address()).await;
    let (status, _, stored) = riya.get("/api/v1/postal-address").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        stored["postal_address"],
        json!({
            "address_line_1": "2 High Street", "address_line_2": "Headingley",
            "town": "Leeds", "postcode": "LS6 3AA"
        })
    );
    let (town, postcode): (String, String) =
        server::db::query_as("SELECT town, postcode FROM postal_addresses")
            .fetch_one(&app.state.db)
            .await
            .unwrap();
    assert_eq!((town.as_str(), postcode.as_str()), ("Leeds", "LS6 3AA"));
    // The preferences every page reads do not carry it.
    let (_, _, preferences) = riya.get("/api/v1/preferences").await;
    assert!(preferences.get("postal_address").is_none(), "{preferences}");
    let document: String = server::db::query_scalar("SELECT document FROM preferences")
        .fetch_one(&app.state.db)
        .await
        .unwrap();
    assert!(!document.contains("High Street"), "{document}");
    // Nobody else reads it.
    let (_, _, theirs) = app
        .register_resident("Sam Someone")
        .await
        .get("/api/v1/postal-address")
        .await;
    assert_eq!(theirs["postal_address"], Value::Null);

    // Taken away, it goes.
    let (status, _) = gives_address(&riya, Value::Null).await;
    assert_eq!(status, StatusCode::OK);
    let (_, _, stored) = riya.get("/api/v1/postal-address").await;
    assert_eq!(stored["postal_address"], Value::Null);
    assert_eq!(app.count("SELECT COUNT(*) FROM postal_addresses").await, 0);
}

#[tokio::test]
async fn a_resident_who_reads_welsh_is_offered_the_message_in_welsh_first() {
    let app = TestApp::spawn().await;
    let staff = app.create_staff("Sam Staff").await;
    let riya = app.register_resident("Riya Resident").await;
    let mut settings = letter_settings("standard");
    settings["language"] = json!("cy");
    let (status, _, body) = riya.put_json("/api/v1/preferences", settings).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let (status, body) = gives_address(&riya, riyas_address()).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let case = id(&raise(&riya, complaint()).await);
    let letter = case_messages(&staff, &case)
        .await
        .into_iter()
        .find(|m| m["channel"] == "letter")
        .expect("the letter");
    let body = letter["body"].as_str().unwrap();
    assert!(
        body.starts_with("Mae'r neges hon yn Saesneg. Os hoffech ei chael yn Gymraeg"),
        "{body}"
    );
    assert!(body.contains("We have received your complaint"), "{body}");
    // The letter prints it: Welsh here needs no letter its font lacks.
    server::outbox::deliver_pending(&app.state).await.unwrap();
    let id = letter["id"].as_i64().unwrap();
    let (status, _, pdf) = staff
        .get_bytes(&format!("/api/v1/outbox/{id}/letter"))
        .await;
    assert_eq!(status, StatusCode::OK);
    let (text, _) = read_pdf(&pdf);
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(flat.contains("cysylltwch â ni"), "{flat}");
}
