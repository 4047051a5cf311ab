//! Raising a case is safe to retry: the `Idempotency-Key` header.

use axum::http::StatusCode;
use serde_json::json;

use crate::helpers::{errors, TestApp};
use crate::support::{complaint, id, outbox, with};

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
