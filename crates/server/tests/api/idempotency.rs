//! Raising a case, and any action on one, is safe to retry: the
//! `Idempotency-Key` header (required to raise a case, optional for actions).

use axum::http::StatusCode;
use serde_json::json;

use crate::helpers::{errors, TestApp};
use crate::support::{complaint, id, outbox, raise, resident_action, responded, staff_does, with};

#[tokio::test]
async fn the_same_request_sent_twice_makes_one_case_and_gives_the_same_answer() {
    let app = TestApp::spawn().await;
    let riya = app.register_resident("Riya Resident").await;
    let keyed = riya.with_header("idempotency-key", "retry-1");
    let (first_status, _, first) = keyed.post_json("/api/v1/cases", complaint()).await;
    assert_eq!(first_status, StatusCode::CREATED, "{first}");
    app.advance(chrono::Duration::minutes(5));
    let (second_status, _, second) = keyed.post_json("/api/v1/cases", complaint()).await;
    assert_eq!(second_status, StatusCode::CREATED);
    assert_eq!(second, first);
    assert_eq!(app.count("SELECT COUNT(*) FROM cases").await, 1);
    assert_eq!(app.count("SELECT COUNT(*) FROM case_events").await, 1);
    assert_eq!(outbox(&app, &id(&first)).await.len(), 1);
}

#[tokio::test]
async fn the_same_key_with_different_details_is_refused() {
    let app = TestApp::spawn().await;
    let riya = app.register_resident("Riya Resident").await;
    let keyed = riya.with_header("idempotency-key", "retry-2");
    let (status, _, _) = keyed.post_json("/api/v1/cases", complaint()).await;
    assert_eq!(status, StatusCode::CREATED);
    let changed = with(
        complaint(),
        json!({ "details": "Something else entirely happened." }),
    );
    let (status, _, body) = keyed.post_json("/api/v1/cases", changed).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        errors(&body),
        [(
            "".into(),
            "This request was already sent with different details".into()
        )]
    );
    assert_eq!(app.count("SELECT COUNT(*) FROM cases").await, 1);
}

#[tokio::test]
async fn a_case_without_an_idempotency_key_is_a_bad_request() {
    let app = TestApp::spawn().await;
    let riya = app.register_resident("Riya Resident").await;
    let (status, _, body) = riya.post_json("/api/v1/cases", complaint()).await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
    assert_eq!(errors(&body)[0].0, "");
    assert_eq!(app.count("SELECT COUNT(*) FROM cases").await, 0);
}

#[tokio::test]
async fn a_refused_request_does_not_use_up_its_key() {
    let app = TestApp::spawn().await;
    let riya = app.register_resident("Riya Resident").await;
    let keyed = riya.with_header("idempotency-key", "retry-3");
    let (status, _, _) = keyed
        .post_json("/api/v1/cases", with(complaint(), json!({ "details": "" })))
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let (status, _, _) = keyed.post_json("/api/v1/cases", complaint()).await;
    assert_eq!(status, StatusCode::CREATED);
}

#[tokio::test]
async fn keys_belong_to_one_account() {
    let app = TestApp::spawn().await;
    let riya = app.register_resident("Riya Resident").await;
    let ben = app.register_resident("Ben Jones").await;
    let (_, _, first) = riya
        .with_header("idempotency-key", "same")
        .post_json("/api/v1/cases", complaint())
        .await;
    let (status, _, second) = ben
        .with_header("idempotency-key", "same")
        .post_json("/api/v1/cases", complaint())
        .await;
    assert_eq!(status, StatusCode::CREATED);
    assert_ne!(id(&first), id(&second));
    assert_eq!(second["resident_name"], "Ben Jones");
}

/// `POST /api/v1/cases/{case}/{action}` with this key.
async fn keyed_action(
    client: &crate::helpers::TestClient,
    key: &str,
    case: &str,
    action: &str,
    body: serde_json::Value,
) -> crate::helpers::Answer {
    client
        .with_header("idempotency-key", key)
        .post_json(&format!("/api/v1/cases/{case}/{action}"), body)
        .await
}

async fn events(app: &TestApp, case: &str) -> i64 {
    server::db::query_scalar(
        "SELECT COUNT(*) FROM case_events e JOIN cases c ON c.id = e.case_id WHERE c.public_id = ?",
    )
    .bind(case)
    .fetch_one(&app.state.db)
    .await
    .expect("the case's events")
}

#[tokio::test]
async fn information_sent_again_with_its_key_is_added_once() {
    let app = TestApp::spawn().await;
    let riya = app.register_resident("Riya Resident").await;
    let case = id(&raise(&riya, complaint()).await);
    let body = json!({ "text": "The leak is worse since Monday." });
    let (status, _, first) =
        keyed_action(&riya, "info-1", &case, "information", body.clone()).await;
    assert_eq!(status, StatusCode::OK, "{first}");
    app.advance(chrono::Duration::minutes(2));
    let (status, _, second) =
        keyed_action(&riya, "info-1", &case, "information", body.clone()).await;
    assert_eq!(status, StatusCode::OK, "{second}");
    assert_eq!(second, first);
    assert_eq!(events(&app, &case).await, 2);

    // Without a key every send is new, as before.
    resident_action(&riya, &case, "information", body.clone()).await;
    resident_action(&riya, &case, "information", body).await;
    assert_eq!(events(&app, &case).await, 4);
}

#[tokio::test]
async fn a_review_asked_for_again_with_its_key_gets_the_first_answer_not_a_refusal() {
    let app = TestApp::spawn().await;
    let riya = app.register_resident("Riya Resident").await;
    let staff = app.create_staff("Sam Caseworker").await;
    let case = id(&raise(&riya, complaint()).await);
    staff_does(&staff, &case, json!({ "type": "acknowledged" })).await;
    staff_does(&staff, &case, responded("not_upheld")).await;
    let (status, _, first) = keyed_action(&riya, "review-1", &case, "escalation", json!({})).await;
    assert_eq!(status, StatusCode::OK, "{first}");
    assert_eq!(first["view"]["status"], "escalation_requested");
    // The answer was lost, say, and the resident presses the button again.
    let (status, _, second) = keyed_action(&riya, "review-1", &case, "escalation", json!({})).await;
    assert_eq!(status, StatusCode::OK, "{second}");
    assert_eq!(second, first);
    // A new key is a new request, which the case's state now refuses.
    let (status, _, _) = keyed_action(&riya, "review-2", &case, "escalation", json!({})).await;
    assert_eq!(status, StatusCode::CONFLICT);
    let reviews = outbox(&app, &case)
        .await
        .into_iter()
        .filter(|(subject, _)| subject.ends_with("your request for a review"))
        .count();
    assert_eq!(reviews, 1);
}

#[tokio::test]
async fn an_action_key_used_for_something_else_is_refused() {
    let app = TestApp::spawn().await;
    let riya = app.register_resident("Riya Resident").await;
    let case = id(&raise(&riya, complaint()).await);
    let other = id(&raise(&riya, complaint()).await);
    let (status, _, _) =
        keyed_action(&riya, "k", &case, "information", json!({ "text": "One" })).await;
    assert_eq!(status, StatusCode::OK);
    for (on, body) in [
        (&case, json!({ "text": "Two" })),
        (&other, json!({ "text": "One" })),
    ] {
        let (status, _, answer) = keyed_action(&riya, "k", on, "information", body).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{answer}");
        assert_eq!(
            errors(&answer)[0].1,
            "This request was already sent with different details"
        );
    }
    assert_eq!(events(&app, &case).await, 2);
    assert_eq!(events(&app, &other).await, 1);
    let (status, _, _) =
        keyed_action(&riya, " ", &case, "information", json!({ "text": "Two" })).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn a_staff_action_sent_again_with_its_key_is_recorded_once() {
    let app = TestApp::spawn().await;
    let riya = app.register_resident("Riya Resident").await;
    let staff = app.create_staff("Sam Caseworker").await;
    let case = id(&raise(&riya, complaint()).await);
    let body = json!({ "event": { "type": "acknowledged" } });
    for _ in 0..2 {
        let (status, _, answer) =
            keyed_action(&staff, "ack-1", &case, "staff-actions", body.clone()).await;
        assert_eq!(status, StatusCode::OK, "{answer}");
        assert_eq!(answer["view"]["status"], "under_investigation");
    }
    assert_eq!(events(&app, &case).await, 2);
}

// --- issue 13, finding 5: a replay is read afresh, as the caller may see it now ---

#[tokio::test]
async fn a_revoked_advocate_replaying_their_key_gets_nothing_of_the_case() {
    use crate::authorisations::{invitation, invite_and_accept};
    let app = TestApp::spawn().await;
    let resident = app.register_resident("Ada Lovelace").await;
    let advocate = app.register_advocate("Ian Scope").await;
    let scope = ["view_cases", "raise_complaints", "see_adjustments"];
    let auth = invite_and_accept(&resident, &advocate, invitation(&advocate, &scope)).await;
    let request = with(complaint(), json!({ "on_behalf_of": auth }));
    let keyed = advocate.with_header("idempotency-key", "filed-for-ada");
    let (status, _, first) = keyed.post_json("/api/v1/cases", request.clone()).await;
    assert_eq!(status, StatusCode::CREATED, "{first}");
    resident
        .delete(&format!("/api/v1/authorisations/{auth}"))
        .await;

    let (status, _, replay) = keyed.post_json("/api/v1/cases", request).await;
    assert_eq!(status, StatusCode::NOT_FOUND, "{replay}");
    let text = replay.to_string();
    assert!(
        !text.contains("Ada Lovelace") && !text.contains(&id(&first)),
        "{text}"
    );
    assert_eq!(app.count("SELECT COUNT(*) FROM cases").await, 1);
}

#[tokio::test]
async fn a_replay_shows_the_case_as_it_is_now_not_a_stored_copy() {
    let app = TestApp::spawn().await;
    let riya = app.register_resident("Riya Resident").await;
    let staff = app.create_staff("Sam Caseworker").await;
    let keyed = riya.with_header("idempotency-key", "fresh-1");
    let (_, _, first) = keyed.post_json("/api/v1/cases", complaint()).await;
    staff_does(&staff, &id(&first), json!({ "type": "acknowledged" })).await;
    let (status, headers, replay) = keyed.post_json("/api/v1/cases", complaint()).await;
    assert_eq!(status, StatusCode::CREATED);
    assert_eq!(id(&replay), id(&first));
    assert_eq!(replay["view"]["status"], "under_investigation");
    assert_eq!(
        headers["location"].to_str().unwrap(),
        format!("/api/v1/cases/{}", id(&first))
    );
    // Only the case's id is kept with the key, never its contents.
    let kept: String = server::db::query_scalar("SELECT resource_id FROM idempotency_keys")
        .fetch_one(&app.state.db)
        .await
        .unwrap();
    assert_eq!(kept, id(&first));
}

#[tokio::test]
async fn a_key_is_forgotten_after_24_hours() {
    let app = TestApp::spawn().await;
    let riya = app.register_resident("Riya Resident").await;
    let (_, _, first) = riya
        .with_header("idempotency-key", "old-key")
        .post_json("/api/v1/cases", complaint())
        .await;
    app.advance(chrono::Duration::hours(23));
    // (Signed in again: a session ends after 30 idle minutes.)
    let riya = crate::support::signed_in_again(&app, &riya).await;
    let keyed = riya.with_header("idempotency-key", "old-key");
    let (_, _, again) = keyed.post_json("/api/v1/cases", complaint()).await;
    assert_eq!(id(&again), id(&first));
    app.advance(chrono::Duration::hours(2));
    let riya = crate::support::signed_in_again(&app, &riya).await;
    let keyed = riya.with_header("idempotency-key", "old-key");
    let (status, _, later) = keyed.post_json("/api/v1/cases", complaint()).await;
    assert_eq!(status, StatusCode::CREATED);
    assert_ne!(id(&later), id(&first));
    assert_eq!(app.count("SELECT COUNT(*) FROM cases").await, 2);
    assert_eq!(app.count("SELECT COUNT(*) FROM idempotency_keys").await, 1);
}
