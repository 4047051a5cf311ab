//! An account's own security (issue 13, finding 11): changing the password,
//! resetting a forgotten one by email, seeing and ending sessions, and
//! deleting the account.

use axum::http::StatusCode;
use chrono::Duration;
use serde_json::{json, Value};

use crate::authorisations::{invitation, invite_and_accept, messages_to};
use crate::helpers::{errors, set_cookie, TestApp, TestClient, PASSWORD};
use crate::support::{complaint, id, raise};

const NEW_PASSWORD: &str = "purple tractor harbour";
const FIREFOX_ON_WINDOWS: &str =
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:125.0) Gecko/20100101 Firefox/125.0";

async fn still_signed_in(client: &TestClient) -> bool {
    let (status, _, body) = client.get("/api/v1/session").await;
    assert!(
        status == StatusCode::OK || status == StatusCode::UNAUTHORIZED,
        "{status}: {body}"
    );
    status == StatusCode::OK && body["user"].is_object()
}

async fn change_password(client: &TestClient, current: &str, new: &str) -> (StatusCode, Value) {
    let (status, _, body) = client
        .put_json(
            "/api/v1/account/password",
            json!({ "current_password": current, "new_password": new }),
        )
        .await;
    (status, body)
}

/// Subjects written to an address, newest first.
async fn subjects_to(app: &TestApp, email: &str) -> Vec<String> {
    let mut subjects = messages_to(app, email).await;
    subjects.reverse();
    subjects
}

#[tokio::test]
async fn changing_the_password_needs_the_current_one_and_ends_every_other_session() {
    let app = TestApp::spawn().await;
    let here = app.register_resident("Ada Lovelace").await;
    let elsewhere = app.sign_in(&here.email, PASSWORD).await;

    let (status, body) = change_password(&here, "not my password", NEW_PASSWORD).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert_eq!(
        errors(&body),
        [(
            "current_password".to_owned(),
            "Your current password is not right. Check it and enter it again".to_owned()
        )]
    );
    assert!(
        still_signed_in(&elsewhere).await,
        "a refused change ends nothing"
    );

    // The new password passes the checks of registration.
    let (status, body) = change_password(&here, PASSWORD, "Password1").await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert_eq!(
        errors(&body),
        [(
            "new_password".to_owned(),
            "Choose a password that is harder to guess".to_owned()
        )]
    );
    let (status, body) = change_password(&here, "", "short").await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert_eq!(
        errors(&body),
        [
            (
                "current_password".to_owned(),
                "Enter your current password".to_owned()
            ),
            (
                "new_password".to_owned(),
                "Password must be 8 characters or more".to_owned()
            ),
        ]
    );

    let (status, body) = change_password(&here, PASSWORD, NEW_PASSWORD).await;
    assert_eq!(status, StatusCode::NO_CONTENT, "{body}");
    assert!(still_signed_in(&here).await, "this device stays signed in");
    assert!(
        !still_signed_in(&elsewhere).await,
        "every other one is signed out"
    );
    assert_eq!(
        app.client().sign_in(&here.email, PASSWORD).await.0,
        StatusCode::UNAUTHORIZED
    );
    app.sign_in(&here.email, NEW_PASSWORD).await;
    assert_eq!(
        subjects_to(&app, &here.email)
            .await
            .first()
            .map(String::as_str),
        Some("Your password was changed")
    );
    // Signed out, nobody can change it.
    let (status, _) = change_password(&app.client(), NEW_PASSWORD, PASSWORD).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
}

/// The token of the latest reset link sent to `email`, and the whole message.
pub(crate) async fn reset_token(app: &TestApp, email: &str) -> String {
    let body: String = server::db::query_scalar(
        "SELECT body FROM outbox WHERE recipient = ? AND purpose = 'password_reset' \
         ORDER BY id DESC LIMIT 1",
    )
    .bind(email)
    .fetch_one(&app.state.db)
    .await
    .expect("a reset link was sent");
    let link = body
        .split_whitespace()
        .find(|word| word.contains("/reset-password#"))
        .expect("the message holds the link");
    link.rsplit('#').next().unwrap().to_owned()
}

async fn ask_for_reset(app: &TestApp, email: &str) -> (StatusCode, Value) {
    let (status, _, body) = app
        .client()
        .post_json(
            "/api/v1/accounts/password-reset-link",
            json!({ "email": email }),
        )
        .await;
    (status, body)
}

async fn reset(app: &TestApp, token: &str, password: &str) -> (StatusCode, Value) {
    let (status, _, body) = app
        .client()
        .post_json(
            "/api/v1/accounts/password-reset",
            json!({ "token": token, "password": password }),
        )
        .await;
    (status, body)
}

async fn resets_sent(app: &TestApp, email: &str) -> i64 {
    server::db::query_scalar(
        "SELECT COUNT(*) FROM outbox WHERE recipient = ? AND purpose = 'password_reset'",
    )
    .bind(email)
    .fetch_one(&app.state.db)
    .await
    .unwrap()
}

#[tokio::test]
async fn a_reset_link_works_once_ends_every_session_and_proves_the_address() {
    let app = TestApp::spawn().await;
    // Registered, but the address never proved.
    let signed_in = app.register("resident", "Grace Hopper").await;

    let known = ask_for_reset(&app, &signed_in.email).await;
    let unknown = ask_for_reset(&app, "nobody.here@example.com").await;
    assert_eq!(known.0, StatusCode::ACCEPTED);
    assert_eq!(
        known, unknown,
        "the same answer whether or not there is an account"
    );
    assert_eq!(resets_sent(&app, "nobody.here@example.com").await, 0);
    let token = reset_token(&app, &signed_in.email).await;
    assert!(
        !signed_in.email.is_empty() && token.len() >= 43,
        "a long random token"
    );
    // The link reaches the unproved address: it is what proves it.
    let stored: Vec<String> = server::db::query_scalar("SELECT token_hash FROM password_resets")
        .fetch_all(&app.state.db)
        .await
        .unwrap();
    assert_eq!(stored.len(), 1);
    assert_ne!(stored[0], token, "only the token's hash is stored");

    // Asking with no password tells whether the link works, without using it.
    let (status, body) = reset(&app, &token, "").await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert_eq!(
        errors(&body),
        [("password".to_owned(), "Enter a new password".to_owned())]
    );
    // A weak new password is refused without using the link up.
    let (status, body) = reset(&app, &token, "password1").await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert_eq!(errors(&body)[0].0, "password");

    let (status, body) = reset(&app, &token, NEW_PASSWORD).await;
    assert_eq!(status, StatusCode::NO_CONTENT, "{body}");
    assert!(!still_signed_in(&signed_in).await, "every session ended");
    assert_eq!(
        app.client().sign_in(&signed_in.email, PASSWORD).await.0,
        StatusCode::UNAUTHORIZED
    );
    let again = app.sign_in(&signed_in.email, NEW_PASSWORD).await;
    let (_, _, session) = again.get("/api/v1/session").await;
    assert_eq!(session["user"]["email_verified"], true, "{session}");
    assert_eq!(
        subjects_to(&app, &signed_in.email)
            .await
            .first()
            .map(String::as_str),
        Some("Your password was changed")
    );

    // Once only.
    let (status, body) = reset(&app, &token, "another good password").await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert_eq!(
        errors(&body),
        [(
            "token".to_owned(),
            "This link has expired or has already been used. Ask for a new one".to_owned()
        )]
    );
    app.sign_in(&signed_in.email, NEW_PASSWORD).await;

    // Staff reading the outbox see that a link was sent, never the link.
    let staff = app.create_staff("Sam Caseworker").await;
    let (status, _, outbox) = staff.get("/api/v1/outbox").await;
    assert_eq!(status, StatusCode::OK);
    assert!(outbox
        .to_string()
        .contains("[the link to reset the password"));
    assert!(!outbox.to_string().contains(&token));
}

#[tokio::test]
async fn a_reset_link_expires_after_an_hour() {
    let app = TestApp::spawn().await;
    let resident = app.register_resident("Mary Seacole").await;
    ask_for_reset(&app, &resident.email).await;
    let token = reset_token(&app, &resident.email).await;
    app.advance(Duration::minutes(61));
    let (status, body) = reset(&app, &token, NEW_PASSWORD).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert_eq!(errors(&body)[0].0, "token");
    let (status, _, _) = app.client().sign_in(&resident.email, PASSWORD).await;
    assert_eq!(status, StatusCode::OK, "the old password still works");
}

#[tokio::test]
async fn at_most_three_reset_links_an_hour_reach_an_address_and_the_answer_does_not_change() {
    let app = TestApp::spawn().await;
    let resident = app.register_resident("Florence Nightingale").await;
    for _ in 0..5 {
        let (status, body) = ask_for_reset(&app, &resident.email).await;
        assert_eq!(status, StatusCode::ACCEPTED, "{body}");
    }
    assert_eq!(resets_sent(&app, &resident.email).await, 3);
    app.advance(Duration::minutes(61));
    ask_for_reset(&app, &resident.email).await;
    assert_eq!(resets_sent(&app, &resident.email).await, 4);
    // A malformed address is a field error, as on any form.
    let (status, body) = ask_for_reset(&app, "not an address").await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert_eq!(errors(&body)[0].0, "email");
}

async fn sessions(client: &TestClient) -> Vec<Value> {
    let (status, _, body) = client.get("/api/v1/account/sessions").await;
    assert_eq!(status, StatusCode::OK, "{body}");
    body.as_array().expect("a list").clone()
}

#[tokio::test]
async fn the_sessions_list_shows_only_ones_own_and_signing_one_out_ends_it() {
    let app = TestApp::spawn().await;
    let registered = app.register_resident("Ada Lovelace").await;
    let laptop = app.client().with_header("user-agent", FIREFOX_ON_WINDOWS);
    let (status, _, _) = laptop.sign_in(&registered.email, PASSWORD).await;
    assert_eq!(status, StatusCode::OK);
    let phone = app.sign_in(&registered.email, PASSWORD).await;
    let other = app.register_resident("Grace Hopper").await;

    app.advance(Duration::minutes(5));
    let listed = sessions(&laptop).await;
    assert_eq!(listed.len(), 3, "{listed:?}");
    assert_eq!(listed[0]["current"], true, "this device first");
    assert_eq!(listed[0]["browser"], "Firefox");
    assert_eq!(listed[0]["system"], "Windows");
    assert!(listed[1..].iter().all(|s| s["current"] == false));
    assert!(listed[0]["started_at"].is_string() && listed[0]["last_used_at"].is_string());
    let cookie = laptop.cookie("pir_session").expect("a session cookie");
    for session in &listed {
        let shown = session.to_string();
        assert!(!shown.contains(&cookie), "the cookie is never on the wire");
    }
    let phone_id = sessions(&phone).await[0]["id"].as_str().unwrap().to_owned();
    assert!(listed.iter().any(|s| s["id"] == phone_id.as_str()));

    // Another account sees only its own, and cannot end anyone else's.
    let theirs = sessions(&other).await;
    assert_eq!(theirs.len(), 1);
    assert_ne!(theirs[0]["id"], phone_id.as_str());
    let (status, _, _) = other
        .delete(&format!("/api/v1/account/sessions/{phone_id}"))
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(still_signed_in(&phone).await);

    let (status, _, body) = laptop
        .delete(&format!("/api/v1/account/sessions/{phone_id}"))
        .await;
    assert_eq!(status, StatusCode::NO_CONTENT, "{body}");
    assert!(!still_signed_in(&phone).await, "that device is signed out");
    assert!(still_signed_in(&laptop).await);
    let (status, _, _) = laptop
        .delete(&format!("/api/v1/account/sessions/{phone_id}"))
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND, "already ended");
    assert_eq!(sessions(&laptop).await.len(), 2);

    // Every other device at once.
    let (status, _, _) = laptop.delete("/api/v1/account/sessions").await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    assert!(!still_signed_in(&registered).await);
    assert!(still_signed_in(&laptop).await);
    assert!(
        still_signed_in(&other).await,
        "other accounts are untouched"
    );
    let listed = sessions(&laptop).await;
    assert_eq!(listed.len(), 1);

    // This device, from the list: signed out, and the browser forgets it.
    let own = listed[0]["id"].as_str().unwrap().to_owned();
    let (status, headers, _) = laptop
        .delete(&format!("/api/v1/account/sessions/{own}"))
        .await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    assert!(set_cookie(&headers).contains("Max-Age=0"));
    assert!(!still_signed_in(&laptop).await);
    let (status, _, _) = laptop.get("/api/v1/account/sessions").await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn idle_and_ended_sessions_are_not_listed() {
    let app = TestApp::spawn().await;
    let here = app.register_resident("Ada Lovelace").await;
    let idle = app.sign_in(&here.email, PASSWORD).await;
    let signed_out = app.sign_in(&here.email, PASSWORD).await;
    signed_out.sign_out().await;
    app.advance(Duration::minutes(20));
    here.get("/api/v1/session").await;
    app.advance(Duration::minutes(15));
    let listed = sessions(&here).await;
    assert_eq!(listed.len(), 1, "{listed:?}");
    assert!(!still_signed_in(&idle).await);
}

async fn delete_account(client: &TestClient, password: &str) -> (StatusCode, Value) {
    let (status, _, body) = client
        .post_json("/api/v1/account/deletion", json!({ "password": password }))
        .await;
    (status, body)
}

#[tokio::test]
async fn deleting_a_resident_account_ends_sign_in_and_authorisations_and_keeps_the_cases() {
    let app = TestApp::spawn().await;
    let resident = app.register_resident("Rosa Parks").await;
    let elsewhere = app.sign_in(&resident.email, PASSWORD).await;
    let advocate = app.register_advocate("Adam Advocate").await;
    let staff = app.create_staff("Sam Caseworker").await;
    let case = id(&raise(&resident, complaint()).await);
    let authorisation =
        invite_and_accept(&resident, &advocate, invitation(&advocate, &["view_cases"])).await;
    assert_eq!(
        advocate.get(&format!("/api/v1/cases/{case}")).await.0,
        StatusCode::OK
    );

    // Staff and admin accounts are an admin's to remove.
    let (status, _) = delete_account(&staff, PASSWORD).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, body) = delete_account(&resident, "not my password").await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert_eq!(
        errors(&body),
        [(
            "password".to_owned(),
            "Your password is not right. Check it and enter it again".to_owned()
        )]
    );
    assert!(still_signed_in(&resident).await);

    let (status, headers, body) = resident
        .post_json("/api/v1/account/deletion", json!({ "password": PASSWORD }))
        .await;
    assert_eq!(status, StatusCode::NO_CONTENT, "{body}");
    assert!(set_cookie(&headers).contains("Max-Age=0"));
    assert!(!still_signed_in(&resident).await);
    assert!(!still_signed_in(&elsewhere).await, "every session ended");
    assert_eq!(
        app.client().sign_in(&resident.email, PASSWORD).await.0,
        StatusCode::UNAUTHORIZED
    );
    // No reset link can bring it back.
    ask_for_reset(&app, &resident.email).await;
    assert_eq!(resets_sent(&app, &resident.email).await, 0);

    // The authorisation ended, and the advocate was told.
    let (_, _, view) = advocate
        .get(&format!("/api/v1/authorisations/{authorisation}"))
        .await;
    assert_eq!(view["status"], "revoked", "{view}");
    assert_eq!(
        advocate.get(&format!("/api/v1/cases/{case}")).await.0,
        StatusCode::NOT_FOUND
    );
    assert!(subjects_to(&app, &advocate.email)
        .await
        .contains(&"You no longer act for a resident".to_owned()));

    // The landlord keeps the case (with its record of what was sent where),
    // but its account no longer leads to the person.
    let (status, _, detail) = staff.get(&format!("/api/v1/cases/{case}")).await;
    assert_eq!(status, StatusCode::OK, "{detail}");
    assert_eq!(detail["resident_name"], "Deleted account", "{detail}");
    let left: (String, String, String) =
        server::db::query_as("SELECT u.name, u.email, u.password_hash FROM cases c JOIN users u ON u.id = c.resident_id WHERE c.public_id = ?")
            .bind(&case)
            .fetch_one(&app.state.db)
            .await
            .unwrap();
    assert_eq!(left.0, "Deleted account");
    assert!(left.1.ends_with("@account-deleted.invalid"), "{}", left.1);
    assert!(!left.2.starts_with("$argon2"));
    assert_eq!(
        app.count("SELECT COUNT(*) FROM preferences p JOIN users u ON u.id = p.user_id WHERE u.deleted_at IS NOT NULL")
            .await,
        0
    );

    // The address is free for a new account.
    let (status, _, body) = app
        .client()
        .post_json(
            "/api/v1/accounts",
            json!({ "name": "Rosa Parks", "email": resident.email, "password": PASSWORD, "role": "resident" }),
        )
        .await;
    assert_eq!(status, StatusCode::ACCEPTED, "{body}");
    // A new account, waiting for its link: not the deleted one brought back.
    let fresh: i64 = server::db::query_scalar(
        "SELECT COUNT(*) FROM users WHERE email = ? AND deleted_at IS NULL \
         AND email_verified_at IS NULL",
    )
    .bind(&resident.email)
    .fetch_one(&app.state.db)
    .await
    .unwrap();
    assert_eq!(fresh, 1);
    app.confirm_email(&resident).await;
}

#[tokio::test]
async fn deleting_an_advocate_account_ends_its_authorisations_and_tells_the_residents() {
    let app = TestApp::spawn().await;
    let resident = app.register_resident("Rosa Parks").await;
    let advocate = app.register_advocate("Adam Advocate").await;
    let authorisation =
        invite_and_accept(&resident, &advocate, invitation(&advocate, &["view_cases"])).await;
    let (status, body) = delete_account(&advocate, PASSWORD).await;
    assert_eq!(status, StatusCode::NO_CONTENT, "{body}");
    let (_, _, view) = resident
        .get(&format!("/api/v1/authorisations/{authorisation}"))
        .await;
    assert_eq!(view["status"], "revoked", "{view}");
    assert!(subjects_to(&app, &resident.email)
        .await
        .contains(&"Your advocate no longer acts for you".to_owned()));
    assert!(!still_signed_in(&advocate).await);
}
