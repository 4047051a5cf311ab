//! Issue 13: what a hostile outsider can and cannot do to the service.

use axum::http::{header, StatusCode};

use crate::helpers::{errors, TestApp};

/// Runs these sign-ins at once, each from a client of its own, and answers
/// their `(status, headers, body)` in order.
async fn sign_in_at_once(
    app: &TestApp,
    attempts: Vec<(String, String)>,
) -> Vec<crate::helpers::Answer> {
    let tasks: Vec<_> = attempts
        .into_iter()
        .map(|(email, password)| {
            let client = app.client();
            tokio::spawn(async move { client.sign_in(&email, &password).await })
        })
        .collect();
    let mut answers = Vec::new();
    for task in tasks {
        answers.push(task.await.expect("the sign-in ran"));
    }
    answers
}

// --- finding 1: memory exhaustion through password hashing ---------------------

#[tokio::test]
async fn sign_ins_beyond_the_hashing_queue_are_told_to_come_back_later() {
    let app = TestApp::spawn_with(|c| {
        c.hashing_permits = Some(1);
        c.hashing_queue = 1;
    })
    .await;
    let attempts = (0..30)
        .map(|n| {
            (
                format!("nobody{n}@example.com"),
                "a wrong password".to_owned(),
            )
        })
        .collect();
    let answers = sign_in_at_once(&app, attempts).await;
    let busy: Vec<_> = answers
        .iter()
        .filter(|(status, _, _)| *status == StatusCode::SERVICE_UNAVAILABLE)
        .collect();
    assert!(!busy.is_empty(), "no sign-in was refused for capacity");
    for (_, headers, body) in &busy {
        let retry_after: u64 = headers[header::RETRY_AFTER]
            .to_str()
            .unwrap()
            .parse()
            .unwrap();
        assert!(retry_after >= 1);
        assert_eq!(errors(body)[0].0, "");
        assert!(!errors(body)[0].1.is_empty());
    }
    // The rest were checked, one or two at a time: a wrong password each.
    let checked = answers
        .iter()
        .filter(|(status, _, _)| *status == StatusCode::UNAUTHORIZED)
        .count();
    assert!(checked >= 2, "{checked} checked");
    assert_eq!(checked + busy.len(), 30);
    // Once the rush is over, signing in works again.
    let owner = app.register_resident("Ada Lovelace").await;
    let (status, _, body) = app.client().sign_in(&owner.email, &owner.password).await;
    assert_eq!(status, StatusCode::OK, "{body}");
}

// --- findings 3 and 4: throttling instead of lockout, counted before checking ---

fn statuses(answers: &[crate::helpers::Answer], status: StatusCode) -> usize {
    answers.iter().filter(|(s, _, _)| *s == status).count()
}

#[tokio::test]
async fn forty_guesses_sent_at_once_from_one_address_are_mostly_refused_unchecked() {
    let app = TestApp::spawn().await;
    let owner = app.register_resident("Ada Lovelace").await;
    let attacker = app.client();
    let tasks: Vec<_> = (0..40)
        .map(|n| {
            let attacker = attacker.clone();
            let email = owner.email.clone();
            tokio::spawn(async move { attacker.sign_in(&email, &format!("guess {n}")).await })
        })
        .collect();
    let mut answers = Vec::new();
    for task in tasks {
        answers.push(task.await.unwrap());
    }
    let checked = statuses(&answers, StatusCode::UNAUTHORIZED);
    let refused = statuses(&answers, StatusCode::TOO_MANY_REQUESTS);
    assert!(checked <= 3, "{checked} guesses were checked");
    assert_eq!(checked + refused, 40);
    for (status, headers, _) in &answers {
        if *status == StatusCode::TOO_MANY_REQUESTS {
            assert!(headers.contains_key(header::RETRY_AFTER));
        }
    }
}

#[tokio::test]
async fn forty_guesses_sent_at_once_from_forty_addresses_are_mostly_refused_unchecked() {
    let app = TestApp::spawn().await;
    let owner = app.register_resident("Ada Lovelace").await;
    let attempts = (0..40)
        .map(|n| (owner.email.clone(), format!("guess {n}")))
        .collect();
    let answers = sign_in_at_once(&app, attempts).await;
    let checked = statuses(&answers, StatusCode::UNAUTHORIZED);
    assert!(checked <= 3, "{checked} guesses were checked");
    assert_eq!(
        checked + statuses(&answers, StatusCode::TOO_MANY_REQUESTS),
        40
    );
}

#[tokio::test]
async fn after_an_attack_the_owner_elsewhere_gets_in_after_a_short_wait() {
    let app = TestApp::spawn().await;
    let owner = app.register_resident("Ada Lovelace").await;
    let attacker = app.client();
    // A long attack, with the attacker waiting out each delay so that every
    // guess it can make is checked.
    for n in 0..30 {
        let (status, headers, _) = attacker.sign_in(&owner.email, &format!("guess {n}")).await;
        if status == StatusCode::TOO_MANY_REQUESTS {
            let wait: i64 = headers[header::RETRY_AFTER]
                .to_str()
                .unwrap()
                .parse()
                .unwrap();
            app.advance(chrono::Duration::seconds(wait));
        } else {
            assert_eq!(status, StatusCode::UNAUTHORIZED);
        }
    }
    // The owner, on another address, waits at most half a minute: no lockout.
    let phone = app.client();
    let (status, headers, _) = phone.sign_in(&owner.email, &owner.password).await;
    if status == StatusCode::TOO_MANY_REQUESTS {
        let wait: i64 = headers[header::RETRY_AFTER]
            .to_str()
            .unwrap()
            .parse()
            .unwrap();
        assert!(wait <= 30, "the owner was asked to wait {wait} s");
        app.advance(chrono::Duration::seconds(wait));
        let (status, _, body) = phone.sign_in(&owner.email, &owner.password).await;
        assert_eq!(status, StatusCode::OK, "{body}");
    } else {
        assert_eq!(status, StatusCode::OK);
    }
    // Staff and admins alike: never locked out for good.
    let admin = app.create_admin("Alex Admin").await;
    for n in 0..20 {
        attacker.sign_in(&admin.email, &format!("guess {n}")).await;
        app.advance(chrono::Duration::seconds(31));
    }
    app.advance(chrono::Duration::seconds(31));
    // (202: the password is accepted, and the admin's second factor is next.)
    assert_eq!(
        app.client().sign_in(&admin.email, &admin.password).await.0,
        StatusCode::ACCEPTED
    );
}

#[tokio::test]
async fn an_address_the_owner_signed_in_from_is_not_held_back_by_an_attack_elsewhere() {
    let app = TestApp::spawn().await;
    let owner = app.register_resident("Ada Lovelace").await;
    let laptop = app.client();
    assert_eq!(
        laptop.sign_in(&owner.email, &owner.password).await.0,
        StatusCode::OK
    );
    let attacker = app.client();
    let mut checked = 0;
    while checked < 6 {
        let (status, headers, _) = attacker.sign_in(&owner.email, "a guess").await;
        if status == StatusCode::TOO_MANY_REQUESTS {
            let wait: i64 = headers[header::RETRY_AFTER]
                .to_str()
                .unwrap()
                .parse()
                .unwrap();
            app.advance(chrono::Duration::seconds(wait));
        } else {
            checked += 1;
        }
    }
    // The account's delay (8 s after six failures) is running for everyone else...
    assert_eq!(
        app.client().sign_in(&owner.email, &owner.password).await.0,
        StatusCode::TOO_MANY_REQUESTS
    );
    // ...but not for the owner's own laptop.
    assert_eq!(
        laptop.sign_in(&owner.email, &owner.password).await.0,
        StatusCode::OK
    );
}

#[tokio::test]
async fn a_made_up_forwarded_address_is_ignored_unless_a_proxy_header_is_configured() {
    let app = TestApp::spawn().await;
    let attacker = app.client();
    let mut answers = Vec::new();
    for n in 0..12 {
        let spoofed = attacker.with_header("x-forwarded-for", &format!("203.0.113.{n}"));
        answers.push(
            spoofed
                .sign_in(&format!("guess{n}@example.com"), "password1")
                .await,
        );
    }
    // All twelve came from one socket address: its own limit applies.
    assert_eq!(statuses(&answers, StatusCode::UNAUTHORIZED), 10);
    assert_eq!(statuses(&answers, StatusCode::TOO_MANY_REQUESTS), 2);

    // Behind a proxy that sets the header, each client is its own address.
    let app =
        TestApp::spawn_with(|c| c.trusted_proxy_header = Some("X-Forwarded-For".into())).await;
    let proxy = app.client();
    let mut answers = Vec::new();
    for n in 0..12 {
        let client = proxy.with_header("x-forwarded-for", &format!("10.0.0.1, 203.0.113.{n}"));
        answers.push(
            client
                .sign_in(&format!("guess{n}@example.com"), "password1")
                .await,
        );
    }
    assert_eq!(statuses(&answers, StatusCode::UNAUTHORIZED), 12);
}

// --- finding 12: no personal data in the log -------------------------------------

/// Everything logged while the guard lives (on this thread, which in a
/// `#[tokio::test]` is every task's), as text.
#[derive(Clone, Default)]
pub(crate) struct Captured(std::sync::Arc<std::sync::Mutex<Vec<u8>>>);

impl std::io::Write for Captured {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(bytes);
        Ok(bytes.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl Captured {
    pub(crate) fn start(&self) -> tracing::subscriber::DefaultGuard {
        crate::helpers::Unheard::install();
        let writer = self.clone();
        let subscriber = tracing_subscriber::fmt()
            .with_max_level(tracing::Level::DEBUG)
            .with_ansi(false)
            .with_writer(move || writer.clone())
            .finish();
        tracing::subscriber::set_default(subscriber)
    }

    pub(crate) fn text(&self) -> String {
        String::from_utf8_lossy(&self.0.lock().unwrap()).into_owned()
    }
}

/// A relay that refuses every recipient, quoting the address back, as real
/// relays do.
async fn refusing_relay() -> String {
    use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap().to_string();
    tokio::spawn(async move {
        while let Ok((stream, _)) = listener.accept().await {
            tokio::spawn(async move {
                let (read, mut write) = stream.into_split();
                let mut read = BufReader::new(read);
                write.write_all(b"220 test relay\r\n").await.unwrap();
                loop {
                    let mut line = String::new();
                    if read.read_line(&mut line).await.unwrap_or(0) == 0 {
                        break;
                    }
                    let reply = if let Some(to) = line.strip_prefix("RCPT TO:") {
                        format!("550 5.1.1 {}: Recipient address rejected\r\n", to.trim())
                    } else {
                        "250 ok\r\n".to_owned()
                    };
                    if write.write_all(reply.as_bytes()).await.is_err() {
                        break;
                    }
                }
            });
        }
    });
    address
}

#[tokio::test]
async fn messages_to_a_named_resident_leave_no_name_or_address_in_the_log() {
    use crate::authorisations::{invitation, invite_and_accept};
    use crate::support::{complaint, with};
    use serde_json::json;

    let log = Captured::default();
    let _guard = log.start();
    for relay in [None, Some(refusing_relay().await)] {
        let app = TestApp::spawn_with(|c| c.smtp_relay = relay.clone()).await;
        let resident = app.register_resident("Zenobia Quillfeather").await;
        let advocate = app.register_advocate("Octavius Brambleworth").await;
        let scope = ["view_cases", "raise_complaints"];
        let auth = invite_and_accept(&resident, &advocate, invitation(&advocate, &scope)).await;
        let keyed = advocate.with_header("idempotency-key", "log-1");
        let (status, _, body) = keyed
            .post_json(
                "/api/v1/cases",
                with(complaint(), json!({ "on_behalf_of": auth })),
            )
            .await;
        assert_eq!(status, StatusCode::CREATED, "{body}");
        let subjects: Vec<String> = server::db::query_scalar("SELECT subject FROM outbox")
            .fetch_all(&app.state.db)
            .await
            .unwrap();
        assert!(
            subjects.iter().any(|s| s.contains("Octavius Brambleworth")),
            "{subjects:?}"
        );
        assert!(server::outbox::deliver_pending(&app.state).await.unwrap() > 0);
        let text = log.text();
        let said = if relay.is_some() {
            "message not sent; tried again later"
        } else {
            "message waits for staff"
        };
        assert!(text.contains(said), "{text}");
        for secret in [
            "Zenobia",
            "Quillfeather",
            "Octavius",
            "Brambleworth",
            resident.email.as_str(),
            advocate.email.as_str(),
        ] {
            assert!(!text.contains(secret), "{secret} is in the log:\n{text}");
        }
    }
}

// --- finding 8: hidden characters, line ends, and the mail they could forge ------

#[tokio::test]
async fn a_name_with_a_control_or_direction_character_is_refused_on_its_field() {
    let app = TestApp::spawn().await;
    for name in [
        "Ada\u{0}Lovelace",
        "Ada\r\nBcc: victim@example.com",
        "Ada\rLovelace",
        "\u{202E}ecalevoL adA",
        "Ada\u{2066}Lovelace",
    ] {
        let (status, _, body) = app
            .client()
            .post_json(
                "/api/v1/accounts",
                serde_json::json!({
                    "name": name, "email": app.unique_email("ada"),
                    "password": crate::helpers::PASSWORD, "role": "resident"
                }),
            )
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{name:?}: {body}");
        assert_eq!(
            errors(&body),
            [(
                "name".to_owned(),
                domain::validation::text::SINGLE_LINE_HIDDEN.to_owned()
            )]
        );
    }
    assert_eq!(app.count("SELECT COUNT(*) FROM users").await, 0);
}

#[tokio::test]
async fn every_single_line_field_refuses_hidden_characters_and_multi_line_ones_keep_only_lf() {
    use crate::support::{complaint, id, raise, staff_action, with};
    use serde_json::json;
    let app = TestApp::spawn().await;
    let resident = app.register_resident("Ada Lovelace").await;
    let staff = app.create_staff("Sam Caseworker").await;

    // Phone number in the preferences.
    let (status, _, body) = resident
        .put_json(
            "/api/v1/preferences",
            json!({ "contact_channel": "phone", "phone": "07700 900\n123" }),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert_eq!(errors(&body)[0].0, "phone");

    // A representative's name and relation on a panel request, a
    // caseworker's name on a staff action: refused on their own fields.
    let case = id(&raise(&resident, complaint()).await);
    let (status, _, body) = resident
        .post_json(
            &format!("/api/v1/cases/{case}/panel"),
            json!({ "representative": { "name": "Bob\u{202E}", "relation": "friend\r" } }),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    let fields: Vec<String> = errors(&body).into_iter().map(|(f, _)| f).collect();
    assert_eq!(fields, ["representative.name", "representative.relation"]);
    let (status, _, body) = staff_action(
        &staff,
        &case,
        json!({ "type": "assigned", "caseworker": "Sam\u{0}" }),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert_eq!(errors(&body)[0].0, "event.caseworker");

    // A multi-line body keeps its lines, with CRLF and bare CR made LF.
    let detail = raise(
        &resident,
        with(
            complaint(),
            json!({ "details": "Line one\r\nLine two\rLine three\n.\r\nMAIL FROM:<x@evil.example>" }),
        ),
    )
    .await;
    assert_eq!(
        detail["details"],
        "Line one\nLine two\nLine three\n.\nMAIL FROM:<x@evil.example>"
    );
    // But not hidden direction controls.
    let (status, _, body) = resident
        .with_header("idempotency-key", "bidi")
        .post_json(
            "/api/v1/cases",
            with(
                complaint(),
                json!({ "details": "Pay \u{202E}0001£ please" }),
            ),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert_eq!(errors(&body)[0].0, "details");
}

// --- finding 9: HSTS, and no plain-HTTP deployment off loopback -----------------

#[tokio::test]
async fn over_https_browsers_are_told_to_use_https_only() {
    let app = TestApp::spawn_with(|c| c.secure_cookies = true).await;
    for path in ["/api/v1/health", "/"] {
        let (_, headers, _) = app.client().get(path).await;
        assert_eq!(
            headers[header::STRICT_TRANSPORT_SECURITY],
            "max-age=31536000; includeSubDomains",
            "{path}"
        );
    }
    // Without HTTPS (local development) the header would be wrong: none is sent.
    let app = TestApp::spawn().await;
    let (_, headers, _) = app.client().get("/api/v1/health").await;
    assert!(!headers.contains_key(header::STRICT_TRANSPORT_SECURITY));
}

// --- finding 14: demo switches and passwords on the command line -----------------

#[tokio::test]
async fn user_add_refuses_a_password_given_on_the_command_line() {
    use server::config::UserCommand;
    let app = TestApp::spawn().await;
    let command = UserCommand::Add {
        role: "admin".into(),
        email: "root@example.com".into(),
        name: "Root".into(),
        complaints_team: true,
        password_on_command_line: Some(crate::helpers::PASSWORD.into()),
        password: None,
    };
    let message = server::admin::run(&app.state, command).await.unwrap_err();
    assert!(message.contains("--password is refused"), "{message}");
    assert_eq!(app.count("SELECT COUNT(*) FROM users").await, 0);
}

#[test]
fn the_server_refuses_to_start_with_the_demo_on_a_public_address() {
    let dir = tempfile::tempdir().unwrap();
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_server"))
        .args([
            "--host",
            "0.0.0.0",
            "--port",
            "0",
            "--database-url",
            &format!("sqlite://{}/demo.sqlite", dir.path().display()),
            "--dist-dir",
            "does-not-exist",
            "--secure-cookies",
            "--demo",
        ])
        .output()
        .expect("the server runs");
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("--demo-deployment"), "{stderr}");
}

// --- finding 15: smaller ones ------------------------------------------------------

#[tokio::test]
async fn a_start_date_in_the_year_0_is_refused_with_a_clear_message() {
    use crate::support::{complaint, with};
    let app = TestApp::spawn().await;
    let resident = app.register_resident("Ada Lovelace").await;
    let (status, _, body) = resident
        .with_header("idempotency-key", "year-0")
        .post_json(
            "/api/v1/cases",
            with(
                complaint(),
                serde_json::json!({ "started_on": "0000-01-01" }),
            ),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert_eq!(
        errors(&body),
        [(
            "started_on".to_owned(),
            "The date the problem started must be after 1 January 1900".to_owned()
        )]
    );
}

#[tokio::test]
async fn preferences_sent_as_a_list_are_refused_and_nothing_is_reset() {
    use serde_json::json;
    let app = TestApp::spawn().await;
    let resident = app.register_resident("Ada Lovelace").await;
    let (status, _, _) = resident
        .put_json(
            "/api/v1/preferences",
            json!({ "high_contrast": true, "contact_channel": "phone", "phone": "07700 900123" }),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    for body in [json!([]), json!(null), json!("x")] {
        let (status, _, answer) = resident.put_json("/api/v1/preferences", body).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{answer}");
        assert_eq!(errors(&answer)[0].0, "");
    }
    let (_, _, kept) = resident.get("/api/v1/preferences").await;
    assert_eq!(kept["high_contrast"], true);
    assert_eq!(kept["phone"], "07700 900123");
}

#[tokio::test]
async fn an_unknown_authorisation_status_is_a_documented_field_error() {
    let app = TestApp::spawn().await;
    let resident = app.register_resident("Ada Lovelace").await;
    let (status, _, body) = resident.get("/api/v1/authorisations?status=bad").await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(errors(&body)[0].0, "status");
    let document = server::openapi::document();
    let operation = &document["paths"]["/authorisations"]["get"];
    assert!(operation["responses"]["422"].is_object(), "{operation}");
    let status_parameter = operation["parameters"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == "status")
        .unwrap();
    assert_eq!(
        status_parameter["schema"]["enum"],
        serde_json::json!(["pending", "active", "expired", "revoked", "rejected"])
    );
}

/// A 500 answers the usual words and nothing of its cause; the log holds the
/// cause once, with the id the answer gives, so a reported id finds it.
#[tokio::test]
async fn an_internal_error_is_logged_once_with_its_request_id_and_never_shown() {
    let log = Captured::default();
    let _guard = log.start();
    let app = TestApp::spawn().await;
    let resident = app.register_resident("Rhiannon").await;
    // A table gone from under the service: a database error inside.
    server::db::query("DROP TABLE preferences")
        .execute(&app.state.db)
        .await
        .unwrap();
    let (status, headers, body) = resident.get("/api/v1/preferences").await;
    assert_eq!(status, StatusCode::INTERNAL_SERVER_ERROR);
    let id = headers
        .get(server::request_id::HEADER)
        .expect("the answer names its request")
        .to_str()
        .unwrap()
        .to_owned();
    assert_eq!(id.len(), 16, "{id}");
    assert_eq!(
        body,
        serde_json::json!({ "errors": [{ "field": "", "message": "Sorry, there is a problem with the service. Try again later" }] })
    );
    let text = log.text();
    let logged: Vec<&str> = text
        .lines()
        .filter(|line| line.contains("internal error"))
        .collect();
    assert_eq!(logged.len(), 1, "{text}");
    assert!(logged[0].contains(&format!("request_id={id}")), "{text}");
    // SQLite's words, or PostgreSQL's.
    assert!(
        logged[0].contains("no such table: preferences")
            || logged[0].contains(r#"relation "preferences" does not exist"#),
        "{text}"
    );
}

// --- the owner is not held out by a sustained attack: device cookies --------

#[tokio::test]
async fn during_an_attack_the_owner_gets_in_at_once_from_a_browser_they_used_before() {
    let app = TestApp::spawn().await;
    let owner = app.register_resident("Ada Lovelace").await;
    let laptop = app.client();
    assert_eq!(
        laptop.sign_in(&owner.email, &owner.password).await.0,
        StatusCode::OK
    );
    let phone = app.client();
    assert_eq!(
        phone.sign_in(&owner.email, &owner.password).await.0,
        StatusCode::OK
    );
    let laptop_cookie = laptop.cookie("pir_device").expect("a device cookie");
    let phone_cookie = phone.cookie("pir_device").expect("a device cookie");
    // The same browser, somewhere new (a new address the account never used).
    let elsewhere = |cookie: &str| {
        app.client()
            .with_header("cookie", &format!("pir_device={cookie}"))
    };

    let other = app.register_resident("Grace Hopper").await;
    let theirs = app.client();
    theirs.sign_in(&other.email, &other.password).await;
    let their_cookie = theirs.cookie("pir_device").unwrap();

    // An attacker from many addresses keeps the account's delay running (the
    // clock runs on from the tests' start: what follows takes well under the
    // delay's 30 s).
    for n in 0..12 {
        app.client()
            .sign_in(&owner.email, &format!("guess {n}"))
            .await;
    }
    let (status, _, _) = app.client().sign_in(&owner.email, &owner.password).await;
    assert_eq!(
        status,
        StatusCode::TOO_MANY_REQUESTS,
        "without a device cookie the owner waits"
    );
    // A made-up cookie, or one made for another account, counts for nothing.
    for cookie in [their_cookie.as_str(), "AAAAAAAAAAAAAAAAAAAAAA.forged"] {
        let (status, _, _) = elsewhere(cookie)
            .sign_in(&owner.email, &owner.password)
            .await;
        assert_eq!(status, StatusCode::TOO_MANY_REQUESTS, "{cookie}");
    }

    let (status, _, body) = elsewhere(&laptop_cookie)
        .sign_in(&owner.email, &owner.password)
        .await;
    assert_eq!(status, StatusCode::OK, "with it, at once: {body}");

    // Wrong passwords with a device cookie (a stolen laptop) hold back only
    // that cookie: the phone still gets in.
    let mut held_back = false;
    for n in 0..8 {
        let (status, _, _) = elsewhere(&laptop_cookie)
            .sign_in(&owner.email, &format!("thief {n}"))
            .await;
        held_back |= status == StatusCode::TOO_MANY_REQUESTS;
    }
    assert!(held_back, "a cookie that keeps guessing is slowed down");
    let (status, _, _) = elsewhere(&laptop_cookie)
        .sign_in(&owner.email, &owner.password)
        .await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
    let (status, _, body) = elsewhere(&phone_cookie)
        .sign_in(&owner.email, &owner.password)
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
}

#[tokio::test]
async fn during_an_attack_the_owner_on_a_new_browser_gets_in_at_once_after_a_reset_from_the_emailed_link(
) {
    let app = TestApp::spawn().await;
    let owner = app.register_resident("Ada Lovelace").await;
    attack(&app, &owner.email, 0).await;
    // A browser the owner never used, at an address the account never used.
    let new_browser = app.client();
    let (status, _, _) = new_browser.sign_in(&owner.email, &owner.password).await;
    assert_eq!(
        status,
        StatusCode::TOO_MANY_REQUESTS,
        "it waits, as anyone would"
    );

    let (status, _, body) = new_browser
        .post_json(
            "/api/v1/accounts/password-reset-link",
            serde_json::json!({ "email": owner.email }),
        )
        .await;
    assert_eq!(status, StatusCode::ACCEPTED, "{body}");
    let token = crate::account_security::reset_token(&app, &owner.email).await;
    const NEW_PASSWORD: &str = "a brand new passphrase for Ada";
    let (status, _, body) = new_browser
        .post_json(
            "/api/v1/accounts/password-reset",
            serde_json::json!({ "token": token, "password": NEW_PASSWORD }),
        )
        .await;
    assert_eq!(status, StatusCode::NO_CONTENT, "{body}");

    // The attack goes on, and the browser that proved the address gets in.
    attack(&app, &owner.email, 100).await;
    let (status, _, body) = new_browser.sign_in(&owner.email, NEW_PASSWORD).await;
    assert_eq!(status, StatusCode::OK, "at once: {body}");
    // Only that browser: another one still waits out the attack.
    let (status, _, _) = app.client().sign_in(&owner.email, NEW_PASSWORD).await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
}

/// Twelve wrong passwords for `email`, each from a new address.
async fn attack(app: &TestApp, email: &str, from: u32) {
    for n in from..from + 12 {
        app.client().sign_in(email, &format!("guess {n}")).await;
    }
}
