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
    assert_eq!(
        app.client().sign_in(&admin.email, &admin.password).await.0,
        StatusCode::OK
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
