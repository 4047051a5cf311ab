//! Staff and admins sign in with a second factor (issue 13, finding 11): the
//! password alone opens nothing but the second step; a code from an
//! authenticator app (each 30-second step once) or a recovery code (each
//! once) starts the session; wrong codes are throttled; residents are not
//! asked; an admin's reset makes the next sign-in set up an app again.

use axum::http::{header, StatusCode};
use chrono::{Duration, Utc};
use serde_json::{json, Value};
use server::auth::second_factor::totp;
use server::config::UserCommand;

use crate::helpers::{messages, TestApp, TestClient, PASSWORD};

const PENDING: &str = "pir_second_factor";
const SESSION: &str = "pir_session";

/// A staff account made with `server user add`, not yet signed in.
async fn new_staff(app: &TestApp) -> String {
    let email = app.unique_email("Sam Caseworker");
    app.run_user_add("staff", "Sam Caseworker", &email, PASSWORD)
        .await
        .expect("server user add");
    email
}

/// The password step on a new client: its answer.
async fn password_step(app: &TestApp, email: &str) -> (TestClient, StatusCode, Value) {
    let client = app.client();
    let (status, _, body) = client.sign_in(email, PASSWORD).await;
    (client, status, body)
}

/// Sets up an app through a pending sign-in; returns the key and the answer
/// to the confirmation (the recovery codes and the session).
async fn set_up(app: &TestApp, client: &TestClient, email: &str) -> (Vec<u8>, Value) {
    let (status, _, key) = client
        .post_json("/api/v1/session/second-factor/setup", json!({}))
        .await;
    assert_eq!(status, StatusCode::OK, "{key}");
    let secret = totp::base32_decode(key["secret"].as_str().unwrap()).unwrap();
    let code = app.authenticator_code(email).await;
    let (status, _, confirmed) = client
        .post_json(
            "/api/v1/session/second-factor/setup/confirmation",
            json!({ "code": code }),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{confirmed}");
    (secret, confirmed)
}

/// A staff account with an app set up (and that first session signed out).
async fn staff_set_up(app: &TestApp) -> (String, Vec<u8>, Vec<String>) {
    let email = new_staff(app).await;
    let (client, status, _) = password_step(app, &email).await;
    assert_eq!(status, StatusCode::ACCEPTED);
    let (secret, confirmed) = set_up(app, &client, &email).await;
    let codes = confirmed["recovery_codes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c.as_str().unwrap().to_owned())
        .collect();
    client.sign_out().await;
    (email, secret, codes)
}

/// Six digits that are no code of this key near now.
fn wrong_code(secret: &[u8]) -> String {
    let step = totp::step_at(Utc::now());
    let near: Vec<String> = (step - 2..=step + 2)
        .map(|s| totp::code(secret, s))
        .collect();
    (0..)
        .map(|n: u32| format!("{:06}", (n * 7919) % 1_000_000))
        .find(|c| !near.contains(c))
        .unwrap()
}

async fn send_code(client: &TestClient, code: &str, kind: &str) -> (StatusCode, Value) {
    let (status, _, body) = client
        .post_json(
            "/api/v1/session/second-factor",
            json!({ "code": code, "kind": kind }),
        )
        .await;
    (status, body)
}

#[tokio::test]
async fn a_staff_password_alone_opens_no_staff_page() {
    let app = TestApp::spawn().await;
    let email = new_staff(&app).await;
    let (client, status, body) = password_step(&app, &email).await;
    assert_eq!(status, StatusCode::ACCEPTED, "{body}");
    assert_eq!(body, json!({ "next": "set_up_second_factor" }));
    assert!(client.cookie(PENDING).is_some());
    assert!(client.cookie(SESSION).is_none(), "no session yet");
    for path in [
        "/api/v1/staff/cases",
        "/api/v1/session",
        "/api/v1/preferences",
        "/api/v1/cases",
    ] {
        let (status, _, body) = client.get(path).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED, "{path}: {body}");
    }
    // An admin too.
    let admin = app.unique_email("Avery Admin");
    app.run_user_add("admin", "Avery Admin", &admin, PASSWORD)
        .await
        .unwrap();
    let (client, status, _) = password_step(&app, &admin).await;
    assert_eq!(status, StatusCode::ACCEPTED);
    let (status, _, _) = client.get("/api/v1/staff/cases").await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn the_pending_sign_in_is_scoped_short_lived_and_opens_only_the_second_step() {
    let app = TestApp::spawn().await;
    let email = new_staff(&app).await;
    let (client, _, _) = password_step(&app, &email).await;
    let (status, headers, _) = client.sign_in(&email, PASSWORD).await;
    assert_eq!(status, StatusCode::ACCEPTED);
    let cookie = headers[header::SET_COOKIE].to_str().unwrap();
    assert!(cookie.starts_with("pir_second_factor="), "{cookie}");
    for attribute in [
        "HttpOnly",
        "SameSite=Strict",
        "Path=/api/v1/session/second-factor",
        "Max-Age=300",
    ] {
        assert!(cookie.contains(attribute), "{attribute} in {cookie}");
    }
    let (status, _, body) = client.get("/api/v1/session/second-factor").await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["next"], "set_up_second_factor");
    // Five minutes on, it has expired.
    app.advance(Duration::minutes(5));
    let (status, _, _) = client.get("/api/v1/session/second-factor").await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let (status, _, _) = client
        .post_json("/api/v1/session/second-factor/setup", json!({}))
        .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    // Nobody without one gets a key.
    let (status, _, _) = app
        .client()
        .post_json("/api/v1/session/second-factor/setup", json!({}))
        .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn setting_up_an_app_then_a_code_from_it_starts_the_session() {
    let app = TestApp::spawn().await;
    let email = new_staff(&app).await;
    let (client, _, _) = password_step(&app, &email).await;
    let (status, _, key) = client
        .post_json("/api/v1/session/second-factor/setup", json!({}))
        .await;
    assert_eq!(status, StatusCode::OK, "{key}");
    let secret = key["secret"].as_str().unwrap().to_owned();
    assert_eq!(totp::base32_decode(&secret).unwrap().len(), 20);
    let uri = key["uri"].as_str().unwrap();
    assert!(uri.starts_with("otpauth://totp/Put%20It%20Right:"), "{uri}");
    assert!(uri.contains(&format!("secret={secret}")), "{uri}");
    assert!(key["qr_code"]
        .as_str()
        .unwrap()
        .starts_with("data:image/svg+xml;base64,"));
    // Asked again before it is confirmed (a reload), the same key.
    let (_, _, again) = client
        .post_json("/api/v1/session/second-factor/setup", json!({}))
        .await;
    assert_eq!(again["secret"], secret.as_str());

    let key_bytes = totp::base32_decode(&secret).unwrap();
    let (status, _, body) = client
        .post_json(
            "/api/v1/session/second-factor/setup/confirmation",
            json!({ "code": wrong_code(&key_bytes) }),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert_eq!(body["errors"][0]["field"], "code");
    let (status, _, _) = client.get("/api/v1/staff/cases").await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);

    let code = app.authenticator_code(&email).await;
    let (status, _, confirmed) = client
        .post_json(
            "/api/v1/session/second-factor/setup/confirmation",
            json!({ "code": code }),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{confirmed}");
    let codes = confirmed["recovery_codes"].as_array().unwrap();
    assert_eq!(codes.len(), 10);
    assert_eq!(confirmed["session"]["user"]["email"], email.as_str());
    assert_eq!(confirmed["session"]["user"]["role"], "staff");
    assert!(client.cookie(SESSION).is_some());
    assert!(
        client.cookie(PENDING).is_none(),
        "the pending cookie is cleared"
    );
    let (status, _, _) = client.get("/api/v1/staff/cases").await;
    assert_eq!(status, StatusCode::OK);
    // Only hashes are kept.
    let stored = app
        .count(&format!(
            "SELECT COUNT(*) FROM recovery_codes WHERE code_hash = '{}'",
            codes[0].as_str().unwrap()
        ))
        .await;
    assert_eq!(stored, 0);

    // Next time: the code page, and the key is never given again.
    client.sign_out().await;
    let (client, status, body) = password_step(&app, &email).await;
    assert_eq!(status, StatusCode::ACCEPTED);
    assert_eq!(body["next"], "second_factor");
    let (status, _, body) = client
        .post_json("/api/v1/session/second-factor/setup", json!({}))
        .await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
    assert!(body.get("secret").is_none());
    let (status, body) = send_code(
        &client,
        &app.authenticator_code(&email).await,
        "authenticator",
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["user"]["role"], "staff");
    let (status, _, _) = client.get("/api/v1/staff/cases").await;
    assert_eq!(status, StatusCode::OK);
}

#[tokio::test]
async fn a_code_already_used_is_refused_and_so_is_the_pending_sign_in_it_finished() {
    let app = TestApp::spawn().await;
    let (email, secret, _) = staff_set_up(&app).await;
    // The set-up used one step; take a later one.
    let step = totp::step_at(Utc::now()) + 1;
    let code = totp::code(&secret, step);
    let (first, _, _) = password_step(&app, &email).await;
    let stolen = first.copy();
    let (status, body) = send_code(&first, &code, "authenticator").await;
    assert_eq!(status, StatusCode::OK, "{body}");
    // The same code again, on a new sign-in: refused.
    let (second, _, _) = password_step(&app, &email).await;
    let (status, body) = send_code(&second, &code, "authenticator").await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert_eq!(
        messages(&body),
        ["The code is not right. Enter the code your authenticator app shows now"]
    );
    let (status, _, _) = second.get("/api/v1/staff/cases").await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    // The finished pending sign-in's cookie opens nothing any more.
    let next = totp::code(&secret, step + 1);
    let (status, _) = send_code(&stolen, &next, "authenticator").await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn a_recovery_code_works_once_instead_of_a_code() {
    let app = TestApp::spawn().await;
    let (email, _, codes) = staff_set_up(&app).await;
    let (client, _, _) = password_step(&app, &email).await;
    // Typed in capitals with spaces: still the code.
    let typed = codes[3].to_uppercase().replace('-', " ");
    let (status, body) = send_code(&client, &typed, "recovery_code").await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let (status, _, _) = client.get("/api/v1/staff/cases").await;
    assert_eq!(status, StatusCode::OK);

    let (client, _, _) = password_step(&app, &email).await;
    let (status, body) = send_code(&client, &codes[3], "recovery_code").await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert_eq!(
        messages(&body),
        ["The recovery code is not right, or has already been used"]
    );
    let (status, _) = send_code(&client, &codes[4], "recovery_code").await;
    assert_eq!(status, StatusCode::OK);
}

#[tokio::test]
async fn wrong_codes_are_throttled_but_the_owner_gets_in_after_the_wait() {
    let app = TestApp::spawn().await;
    let (email, secret, _) = staff_set_up(&app).await;
    let (client, _, _) = password_step(&app, &email).await;
    let wrong = wrong_code(&secret);
    for n in 1..=5 {
        let (status, body) = send_code(&client, &wrong, "authenticator").await;
        assert_eq!(
            status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "attempt {n}: {body}"
        );
    }
    // The 5th earned a delay: the next is refused unchecked, even a right code.
    let right = app.authenticator_code(&email).await;
    let (status, headers, _) = client
        .post_json("/api/v1/session/second-factor", json!({ "code": right }))
        .await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
    let wait: i64 = headers[header::RETRY_AFTER]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=900).contains(&wait), "{wait}");
    // Recovery codes wait too.
    let (status, _) = send_code(&client, "aaaa-bbbb-cccc", "recovery_code").await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
    // Once the wait is over, the right code gets in.
    app.advance(Duration::seconds(wait));
    let (status, body) = send_code(&client, &right, "authenticator").await;
    assert_eq!(status, StatusCode::OK, "{body}");
}

#[tokio::test]
async fn a_guesser_waits_up_to_a_quarter_of_an_hour_and_is_never_locked_out() {
    let app = TestApp::spawn().await;
    let (email, secret, _) = staff_set_up(&app).await;
    let wrong = wrong_code(&secret);
    let mut longest = 0;
    for _ in 0..30 {
        let (client, status, _) = password_step(&app, &email).await;
        assert_eq!(status, StatusCode::ACCEPTED);
        let (status, headers, _) = client
            .post_json("/api/v1/session/second-factor", json!({ "code": wrong }))
            .await;
        if status == StatusCode::TOO_MANY_REQUESTS {
            let wait: i64 = headers[header::RETRY_AFTER]
                .to_str()
                .unwrap()
                .parse()
                .unwrap();
            longest = longest.max(wait);
            app.advance(Duration::seconds(wait));
        } else {
            assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        }
    }
    assert_eq!(longest, 900, "the delays reached their ceiling");
    app.advance(Duration::minutes(15));
    let owner = app.sign_in(&email, PASSWORD).await;
    let (status, _, _) = owner.get("/api/v1/staff/cases").await;
    assert_eq!(status, StatusCode::OK);
}

#[tokio::test]
async fn residents_and_advocates_sign_in_with_their_password_alone() {
    let app = TestApp::spawn().await;
    for role in ["resident", "advocate"] {
        let account = app.register(role, "Rosa Resident").await;
        account.sign_out().await;
        let (client, status, body) = password_step(&app, &account.email).await;
        assert_eq!(status, StatusCode::OK, "{role}: {body}");
        assert_eq!(body["user"]["role"], role);
        assert!(client.cookie(SESSION).is_some());
        assert!(client.cookie(PENDING).is_none());
        let (status, _, _) = client.get("/api/v1/session").await;
        assert_eq!(status, StatusCode::OK);
    }
}

#[tokio::test]
async fn an_admin_reset_signs_the_account_out_and_makes_it_set_up_again() {
    let app = TestApp::spawn().await;
    let (email, _, codes) = staff_set_up(&app).await;
    let signed_in = app.sign_in(&email, PASSWORD).await;
    let (status, _, _) = signed_in.get("/api/v1/staff/cases").await;
    assert_eq!(status, StatusCode::OK);

    server::admin::run(
        &app.state,
        UserCommand::ResetSecondFactor {
            email: email.to_uppercase(),
        },
    )
    .await
    .expect("the reset");

    let (status, _, _) = signed_in.get("/api/v1/staff/cases").await;
    assert_eq!(status, StatusCode::UNAUTHORIZED, "its sessions are over");
    let (client, status, body) = password_step(&app, &email).await;
    assert_eq!(status, StatusCode::ACCEPTED);
    assert_eq!(body["next"], "set_up_second_factor");
    let (status, _) = send_code(&client, &codes[0], "recovery_code").await;
    assert_eq!(
        status,
        StatusCode::CONFLICT,
        "the old recovery codes are gone"
    );
    let (new_secret, _) = set_up(&app, &client, &email).await;
    let (status, _, _) = client.get("/api/v1/staff/cases").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(new_secret.len(), 20);

    let unknown = server::admin::run(
        &app.state,
        UserCommand::ResetSecondFactor {
            email: "nobody@example.com".into(),
        },
    )
    .await;
    assert!(unknown.unwrap_err().contains("no account"));
}

#[tokio::test]
async fn the_demo_staff_sign_in_with_the_published_key() {
    let app = TestApp::spawn().await;
    server::demo::seed(&app.state)
        .await
        .expect("the demo seeds");
    let secret = totp::base32_decode(server::demo::TOTP_SECRET).unwrap();
    for email in ["caseworker@example.com", "admin@example.com"] {
        let client = app.client();
        let (status, _, body) = client.sign_in(email, server::demo::PASSWORD).await;
        assert_eq!(status, StatusCode::ACCEPTED, "{body}");
        assert_eq!(body["next"], "second_factor");
        let code = totp::code(&secret, totp::step_at(Utc::now()));
        let (status, body) = send_code(&client, &code, "authenticator").await;
        assert_eq!(status, StatusCode::OK, "{email}: {body}");
    }
}

/// The bodies of the messages with this subject queued for an address.
async fn bodies_to(app: &TestApp, email: &str, subject: &str) -> Vec<String> {
    server::db::query_scalar(
        "SELECT body FROM outbox WHERE recipient = ? AND subject = ? ORDER BY id",
    )
    .bind(email)
    .bind(subject)
    .fetch_all(&app.state.db)
    .await
    .unwrap()
}

#[tokio::test]
async fn the_owner_is_told_each_time_a_recovery_code_is_used_and_how_many_are_left() {
    let log = crate::security::Captured::default();
    let _guard = log.start();
    let app = TestApp::spawn().await;
    let (email, _, codes) = staff_set_up(&app).await;
    const SUBJECT: &str = "A recovery code was used to sign in";

    let (client, _, _) = password_step(&app, &email).await;
    let (status, _) = send_code(&client, "aaaa-bbbb-cccc", "recovery_code").await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        bodies_to(&app, &email, SUBJECT).await.is_empty(),
        "a wrong code signs nobody in: nothing to tell"
    );
    let (status, _) = send_code(&client, &codes[0], "recovery_code").await;
    assert_eq!(status, StatusCode::OK);
    let (client, _, _) = password_step(&app, &email).await;
    let (status, _) = send_code(&client, &codes[1], "recovery_code").await;
    assert_eq!(status, StatusCode::OK);

    let told = bodies_to(&app, &email, SUBJECT).await;
    assert_eq!(told.len(), 2, "{told:?}");
    assert!(
        told[0].contains("You have 9 recovery codes left."),
        "{}",
        told[0]
    );
    assert!(
        told[1].contains("You have 8 recovery codes left."),
        "{}",
        told[1]
    );
    assert!(told[0].contains("If this was not you"));
    assert!(told[0].contains("/account/password"));
    let logged = log.text();
    assert!(logged.contains("recovery code used"), "{logged}");
    assert!(!logged.contains(&email) && !logged.contains("Sam Caseworker"));
}

#[tokio::test]
async fn staff_see_how_many_recovery_codes_are_left_and_can_make_new_ones() {
    let app = TestApp::spawn().await;
    let (email, _, codes) = staff_set_up(&app).await;
    let (client, _, _) = password_step(&app, &email).await;
    let (status, _) = send_code(&client, &codes[0], "recovery_code").await;
    assert_eq!(status, StatusCode::OK);
    let (status, _, left) = client.get("/api/v1/account/recovery-codes").await;
    assert_eq!(status, StatusCode::OK, "{left}");
    assert_eq!(left["left"], 9);

    let (status, _, body) = client
        .post_json(
            "/api/v1/account/recovery-codes",
            json!({ "password": "not my password" }),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert_eq!(messages(&body), ["Your password is not right"]);
    let (status, _, body) = client
        .post_json(
            "/api/v1/account/recovery-codes",
            json!({ "password": PASSWORD }),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let new_codes: Vec<String> = body["recovery_codes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c.as_str().unwrap().to_owned())
        .collect();
    assert_eq!(new_codes.len(), 10);
    let (_, _, left) = client.get("/api/v1/account/recovery-codes").await;
    assert_eq!(left["left"], 10);

    let (other, _, _) = password_step(&app, &email).await;
    let (status, _) = send_code(&other, &codes[1], "recovery_code").await;
    assert_eq!(
        status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "the old codes no longer work"
    );
    let (status, _) = send_code(&other, &new_codes[1], "recovery_code").await;
    assert_eq!(status, StatusCode::OK);

    let resident = app.register_resident("Rita Resident").await;
    let (status, _, _) = resident.get("/api/v1/account/recovery-codes").await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _, _) = resident
        .post_json(
            "/api/v1/account/recovery-codes",
            json!({ "password": PASSWORD }),
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn the_owner_is_told_when_new_recovery_codes_are_made_and_what_to_do_if_it_was_not_them() {
    let app =
        TestApp::spawn_with(|c| c.public_url = Some("https://portal.example.org".into())).await;
    app.set_now("2026-03-02T14:05:00Z".parse().unwrap());
    let (email, _, codes) = staff_set_up(&app).await;
    const SUBJECT: &str = "New recovery codes were made for your account";
    let (client, _, _) = password_step(&app, &email).await;
    let (status, _) = send_code(&client, &codes[0], "recovery_code").await;
    assert_eq!(status, StatusCode::OK);

    let (status, _, _) = client
        .post_json(
            "/api/v1/account/recovery-codes",
            json!({ "password": "not my password" }),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        bodies_to(&app, &email, SUBJECT).await.is_empty(),
        "a wrong password makes no codes: nothing to tell"
    );
    let (status, _, body) = client
        .post_json(
            "/api/v1/account/recovery-codes",
            json!({ "password": PASSWORD }),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");

    let told = bodies_to(&app, &email, SUBJECT).await;
    assert_eq!(
        told,
        [
            "Dear Sam Caseworker,\n\nNew recovery codes were made for your Put It Right account \
             on 2 March 2026 at 14:05 UTC. The codes you had before no longer work.\n\nIf this \
             was not you, someone knows your password and is signed in as you. Change your \
             password now at https://portal.example.org/account/password (every other device \
             is signed out), and ask an administrator to reset your two-factor sign-in, which \
             ends every session and makes the new recovery codes stop working."
        ]
    );
    for code in body["recovery_codes"].as_array().unwrap() {
        let code = code.as_str().unwrap();
        assert!(!told[0].contains(code), "the codes are never emailed");
    }
}

/// The authenticator key as the database holds it.
async fn stored_key(app: &TestApp, email: &str) -> Vec<u8> {
    server::db::query_scalar(
        "SELECT f.secret FROM second_factors f JOIN users u ON u.id = f.user_id WHERE u.email = ?",
    )
    .bind(email)
    .fetch_one(&app.state.db)
    .await
    .unwrap()
}

#[tokio::test]
async fn authenticator_keys_are_encrypted_at_rest_and_older_plain_ones_are_encrypted_at_start_up() {
    let app = TestApp::spawn().await;
    let (email, secret, _) = staff_set_up(&app).await;
    let stored = stored_key(&app, &email).await;
    assert!(stored.starts_with(b"sealed1:"), "{stored:?}");
    assert!(
        !stored.windows(secret.len()).any(|w| w == secret.as_slice()),
        "a copy of the database does not hold the key"
    );
    let (client, _, _) = password_step(&app, &email).await;
    let code = app.authenticator_code(&email).await;
    let (status, body) = send_code(&client, &code, "authenticator").await;
    assert_eq!(status, StatusCode::OK, "{body}");

    // A key stored as it was before keys were encrypted…
    server::db::query("UPDATE second_factors SET secret = ?")
        .bind(&secret)
        .execute(&app.state.db)
        .await
        .unwrap();
    // …is encrypted when the server starts again.
    let again = server::startup::build_state((*app.state.config).clone())
        .await
        .expect("the server starts again");
    let stored = stored_key(&app, &email).await;
    assert!(stored.starts_with(b"sealed1:"));
    assert!(!stored.windows(secret.len()).any(|w| w == secret.as_slice()));
    drop(again);
    let (client, _, _) = password_step(&app, &email).await;
    let code = app.authenticator_code(&email).await;
    let (status, body) = send_code(&client, &code, "authenticator").await;
    assert_eq!(status, StatusCode::OK, "{body}");
}

#[tokio::test]
async fn a_server_given_another_secrets_key_refuses_to_start_and_says_why() {
    let app = TestApp::spawn().await;
    staff_set_up(&app).await;
    let dir = tempfile::tempdir().unwrap();
    let other = dir.path().join("other.key");
    std::fs::write(&other, format!("{}\n", "ab".repeat(32))).unwrap();
    let mut config = (*app.state.config).clone();
    config.secrets_key_file = Some(other.clone());
    let error = server::startup::build_state(config.clone())
        .await
        .err()
        .expect("refused")
        .to_string();
    assert!(
        error.contains("cannot be read with this secrets key"),
        "{error}"
    );

    std::fs::write(&other, "not a key").unwrap();
    let error = server::startup::build_state(config)
        .await
        .err()
        .expect("refused")
        .to_string();
    assert!(error.contains("32 random bytes"), "{error}");
}
