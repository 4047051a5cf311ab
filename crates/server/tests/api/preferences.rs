//! Accessibility and communication preferences, and the messages they route.

use axum::http::StatusCode;
use serde_json::{json, Value};

use crate::helpers::{errors, fields, TestApp};

fn defaults() -> Value {
    json!({
        "text_size": "standard",
        "high_contrast": false,
        "reduced_motion": false,
        "readable_font": false,
        "language": "en",
        "letter_format": "standard",
        "letter_language": null,
        "contact_channel": "email",
        "phone": null,
        "interpreter": false,
        "interpreter_language": null,
        "reasonable_adjustments": ""
    })
}

fn chosen() -> Value {
    json!({
        "text_size": "largest",
        "high_contrast": true,
        "reduced_motion": true,
        "readable_font": true,
        "language": "PL",
        "letter_format": "another_language",
        "letter_language": " Polish ",
        "contact_channel": "text_message",
        "phone": "07700 900 982",
        "interpreter": true,
        "interpreter_language": "Polish",
        "reasonable_adjustments": "Please call after 10am; I work nights."
    })
}

#[tokio::test]
async fn preferences_are_the_defaults_until_they_are_set() {
    let app = TestApp::spawn().await;
    let resident = app.register_resident("Ada Lovelace").await;
    let (status, _, body) = resident.get("/api/v1/preferences").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body, defaults());
}

#[tokio::test]
async fn preferences_are_saved_tidied_and_shown_with_the_session() {
    let app = TestApp::spawn().await;
    let resident = app.register_resident("Ada Lovelace").await;
    let (status, _, saved) = resident.put_json("/api/v1/preferences", chosen()).await;
    assert_eq!(status, StatusCode::OK, "{saved}");
    assert_eq!(saved["language"], "pl");
    assert_eq!(saved["letter_language"], "Polish");

    let (_, _, read) = resident.get("/api/v1/preferences").await;
    assert_eq!(read, saved);
    let (_, _, session) = resident.get("/api/v1/session").await;
    assert_eq!(session["preferences"], saved);
    // And they follow the account to a new sign-in.
    let again = app.sign_in(&resident.email, &resident.password).await;
    assert_eq!(again.get("/api/v1/preferences").await.2, saved);
}

#[tokio::test]
async fn each_account_sees_only_its_own_preferences() {
    let app = TestApp::spawn().await;
    let ada = app.register_resident("Ada Lovelace").await;
    let ben = app.register_resident("Ben Jones").await;
    ada.put_json("/api/v1/preferences", chosen()).await;
    ben.put_json("/api/v1/preferences", json!({ "text_size": "large" }))
        .await;
    assert_eq!(
        ada.get("/api/v1/preferences").await.2["text_size"],
        "largest"
    );
    let (_, _, bens) = ben.get("/api/v1/preferences").await;
    assert_eq!(bens["text_size"], "large");
    assert_eq!(bens["high_contrast"], false);
}

#[tokio::test]
async fn a_field_left_out_takes_its_default() {
    let app = TestApp::spawn().await;
    let resident = app.register_resident("Ada Lovelace").await;
    resident.put_json("/api/v1/preferences", chosen()).await;
    let (status, _, body) = resident
        .put_json("/api/v1/preferences", json!({ "high_contrast": true }))
        .await;
    assert_eq!(status, StatusCode::OK);
    let mut expected = defaults();
    expected["high_contrast"] = json!(true);
    assert_eq!(body, expected);
}

#[tokio::test]
async fn choices_that_need_more_say_what_is_missing() {
    let app = TestApp::spawn().await;
    let resident = app.register_resident("Ada Lovelace").await;
    let (status, _, body) = resident
        .put_json(
            "/api/v1/preferences",
            json!({
                "language": "English please",
                "letter_format": "another_language",
                "contact_channel": "phone",
                "phone": "  ",
                "interpreter": true,
                "reasonable_adjustments": "x".repeat(2000)
            }),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        errors(&body),
        [
            (
                "language".into(),
                "Enter a language code, like en or pl".into()
            ),
            (
                "letter_language".into(),
                "Enter the language you want letters in".into()
            ),
            ("phone".into(), "Enter a telephone number".into()),
            (
                "interpreter_language".into(),
                "Enter the language you need an interpreter for".into()
            ),
        ]
    );
    // Nothing was saved.
    assert_eq!(resident.get("/api/v1/preferences").await.2, defaults());
}

#[tokio::test]
async fn adjustments_longer_than_2000_characters_are_refused_before_anything_else() {
    let app = TestApp::spawn().await;
    let resident = app.register_resident("Ada Lovelace").await;
    let (status, _, body) = resident
        .put_json(
            "/api/v1/preferences",
            json!({ "high_contrast": true, "reasonable_adjustments": "x".repeat(2001) }),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        errors(&body),
        [(
            "reasonable_adjustments".into(),
            "Reasonable adjustments must be 2000 characters or fewer".into()
        )]
    );
    assert_eq!(resident.get("/api/v1/preferences").await.2, defaults());
}

#[tokio::test]
async fn a_telephone_number_that_is_not_one_is_refused() {
    let app = TestApp::spawn().await;
    let resident = app.register_resident("Ada Lovelace").await;
    let (status, _, body) = resident
        .put_json(
            "/api/v1/preferences",
            json!({ "contact_channel": "text_message", "phone": "ring me" }),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(fields(&body), ["phone"]);
}

#[tokio::test]
async fn an_unknown_preference_or_choice_is_named() {
    let app = TestApp::spawn().await;
    let resident = app.register_resident("Ada Lovelace").await;
    let (status, _, body) = resident
        .put_json("/api/v1/preferences", json!({ "font_colour": "red" }))
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(fields(&body)[0].ends_with("font_colour"), "{body}");
    let (status, _, body) = resident
        .put_json("/api/v1/preferences", json!({ "text_size": "enormous" }))
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(fields(&body), ["text_size"]);
}

#[tokio::test]
async fn preferences_need_someone_signed_in() {
    let app = TestApp::spawn().await;
    let client = app.client();
    assert_eq!(
        client.get("/api/v1/preferences").await.0,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        client.put_json("/api/v1/preferences", defaults()).await.0,
        StatusCode::UNAUTHORIZED
    );
}

#[tokio::test]
async fn messages_go_by_the_channel_the_resident_chose() {
    let app = TestApp::spawn().await;
    let resident = app.register_resident("Ada Lovelace").await;
    resident.put_json("/api/v1/preferences", chosen()).await;
    let user_id: i64 = server::db::query_scalar("SELECT id FROM users WHERE email = ?")
        .bind(&resident.email)
        .fetch_one(&app.state.db)
        .await
        .unwrap();
    let mut tx = server::db::begin_write(&app.state.db).await.unwrap();
    server::outbox::enqueue(
        &mut tx,
        app.now(),
        user_id,
        None,
        "Your complaint",
        "We have it.",
    )
    .await
    .unwrap();
    tx.commit().await.unwrap();

    resident
        .put_json(
            "/api/v1/preferences",
            json!({ "contact_channel": "letter", "letter_format": "large_print" }),
        )
        .await;
    let mut conn = app.state.db.acquire().await.unwrap();
    server::outbox::enqueue(
        &mut conn,
        app.now(),
        user_id,
        None,
        "Your complaint",
        "Update.",
    )
    .await
    .unwrap();

    let staff = app.create_staff("Sam Caseworker").await;
    let (_, _, outbox) = staff.get("/api/v1/outbox").await;
    let routed: Vec<(&str, &str)> = outbox
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            (
                m["channel"].as_str().unwrap(),
                m["recipient"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        routed,
        [
            ("letter", "Ada Lovelace (large print)"),
            ("text_message", "07700 900 982"),
            ("email", resident.email.as_str()),
        ]
    );
}
