//! `--demo`: accounts and a case in each stage, seeded once.

use std::collections::BTreeSet;

use axum::http::StatusCode;

use crate::helpers::TestApp;
use server::demo::{ACCOUNTS, PASSWORD};

#[tokio::test]
async fn the_demo_seeds_once_with_a_case_in_each_status() {
    let app = TestApp::spawn().await;
    server::demo::seed(&app.state)
        .await
        .expect("the demo seeds");
    let cases = app.count("SELECT COUNT(*) FROM cases").await;
    let events = app.count("SELECT COUNT(*) FROM case_events").await;
    assert_eq!(cases, 16);
    server::demo::seed(&app.state)
        .await
        .expect("the demo seeds again");
    assert_eq!(app.count("SELECT COUNT(*) FROM cases").await, cases);
    assert_eq!(app.count("SELECT COUNT(*) FROM case_events").await, events);
    assert_eq!(app.count("SELECT COUNT(*) FROM users").await, 5);

    // One case is confidential: Robin Repairs, outside the complaints team,
    // sees it without Riya's name; Sam, in the team, sees her name.
    let withheld = |list: &serde_json::Value| {
        list.as_array()
            .unwrap()
            .iter()
            .filter(|c| c["identity_withheld"] == true)
            .count()
    };
    let robin = app
        .sign_in(server::demo::OUTSIDE_TEAM_EMAIL, PASSWORD)
        .await;
    let (status, _, queue) = robin.get("/api/v1/staff/cases?limit=100").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(withheld(&queue), 1, "{queue}");
    let sam = app.sign_in("caseworker@example.com", PASSWORD).await;
    let (_, _, queue) = sam.get("/api/v1/staff/cases?limit=100").await;
    assert_eq!(withheld(&queue), 0, "{queue}");
    let confidential = queue
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["confidential"] == true)
        .count();
    assert_eq!(confidential, 1);

    let resident = app.sign_in("resident@example.com", PASSWORD).await;
    let (status, _, list) = resident.get("/api/v1/cases").await;
    assert_eq!(status, StatusCode::OK);
    let statuses: BTreeSet<String> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["status"].as_str().unwrap().to_owned())
        .collect();
    for expected in [
        "awaiting_acknowledgement",
        "under_investigation",
        "information_requested",
        "responded",
        "closed",
        "withdrawn",
        "acknowledged",
        "awaiting_decision",
        "not_taken_on",
    ] {
        assert!(statuses.contains(expected), "{expected} in {statuses:?}");
    }
    let summaries = list.as_array().unwrap();
    // Assigned by account: the queue's caseworker filter finds them.
    assert!(
        app.count("SELECT COUNT(*) FROM cases WHERE assigned_to IS NOT NULL")
            .await
            >= 3,
        "the demo's assigned cases"
    );
    assert!(
        summaries
            .iter()
            .any(|c| c["caseworker"] == "Sam Caseworker"),
        "a case with its caseworker"
    );
    assert!(
        summaries.iter().any(|c| c["overdue"] == true),
        "an overdue case"
    );
    assert!(
        summaries.iter().any(|c| c["stage"]["number"] == 2),
        "a case at stage 2"
    );
    assert!(summaries.iter().any(|c| c["kind"] == "compliment"));
    assert!(summaries.iter().any(|c| c["kind"] == "comment"));
    let extended = summaries
        .iter()
        .find(|c| c["reference"] == "CMP-2026-00003")
        .unwrap();
    let (_, _, detail) = resident
        .get(&format!(
            "/api/v1/cases/{}",
            extended["id"].as_str().unwrap()
        ))
        .await;
    assert!(
        detail["timeline"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["event"]["type"] == "extended"),
        "{detail}"
    );
}

#[tokio::test]
async fn every_demo_account_signs_in_with_the_demo_password() {
    let app = TestApp::spawn().await;
    server::demo::seed(&app.state)
        .await
        .expect("the demo seeds");
    for (role, _, email) in ACCOUNTS {
        let client = app.sign_in(email, PASSWORD).await;
        let (_, _, session) = client.get("/api/v1/session").await;
        assert_eq!(session["user"]["role"], role.as_str(), "{session}");
    }
}

#[tokio::test]
async fn the_demo_runs_under_every_preset_policy() {
    for policy in [
        "pioneer-2020",
        "policy-2022",
        "pivotal-2021",
        "plus-dane-2024",
        "torus",
    ] {
        let app = crate::support::app_with_policy(policy).await;
        server::demo::seed(&app.state)
            .await
            .unwrap_or_else(|e| panic!("{policy}: {e}"));
        // The complaints out of time are left out where a policy refuses them.
        let cases = app.count("SELECT COUNT(*) FROM cases").await;
        assert!((12..=16).contains(&cases), "{policy}: {cases}");
    }
}
