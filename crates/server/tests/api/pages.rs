//! Every list comes a page at a time (issue 13, finding 6): `limit`,
//! `after`, and a `Link` to the next page.

use axum::http::StatusCode;
use serde_json::{json, Value};

use crate::helpers::{errors, next_page, TestApp, TestClient, PASSWORD};
use crate::support::{complaint, post_case, with};

/// Follows `Link: <…>; rel="next"` from `first` to the end: every page's
/// references, in order.
async fn all_pages(client: &TestClient, first: &str) -> Vec<Vec<String>> {
    let mut pages = Vec::new();
    let mut next = Some(first.to_owned());
    while let Some(address) = next.take() {
        let (status, headers, body) = client.get(&address).await;
        assert_eq!(status, StatusCode::OK, "{address}: {body}");
        pages.push(references(&body));
        next = next_page(&headers);
        assert!(pages.len() < 20, "the pages never end");
    }
    pages
}

fn references(body: &Value) -> Vec<String> {
    body.as_array()
        .unwrap()
        .iter()
        .map(|c| c["reference"].as_str().unwrap().to_owned())
        .collect()
}

async fn raise_many(resident: &TestClient, n: usize) -> Vec<String> {
    let mut made = Vec::new();
    for i in 0..n {
        let body = with(
            complaint(),
            json!({ "details": format!("Problem number {i}") }),
        );
        let (status, _, case) = post_case(resident, body).await;
        assert_eq!(status, StatusCode::CREATED, "{case}");
        made.push(case["reference"].as_str().unwrap().to_owned());
    }
    made
}

#[tokio::test]
async fn a_residents_cases_come_newest_first_a_page_at_a_time_each_once() {
    let app = TestApp::spawn().await;
    let resident = app.register_resident("Pat Pages").await;
    let made = raise_many(&resident, 5).await;
    let pages = all_pages(&resident, "/api/v1/cases?limit=2").await;
    assert_eq!(pages.iter().map(Vec::len).collect::<Vec<_>>(), [2, 2, 1]);
    let mut newest_first = made.clone();
    newest_first.reverse();
    assert_eq!(pages.concat(), newest_first);

    // A case raised between pages neither repeats nor pushes one off.
    let (_, headers, first) = resident.get("/api/v1/cases?limit=2").await;
    raise_many(&resident, 1).await;
    let next = next_page(&headers).expect("a next page");
    let (_, _, second) = resident.get(&next).await;
    assert_eq!(
        [references(&first), references(&second)].concat(),
        newest_first[..4]
    );
}

#[tokio::test]
async fn fifty_come_when_no_limit_is_given() {
    let app = TestApp::spawn().await;
    let resident = app.register_resident("Pat Pages").await;
    raise_many(&resident, 51).await;
    let (_, headers, body) = resident.get("/api/v1/cases").await;
    assert_eq!(body.as_array().unwrap().len(), 50);
    assert!(headers["link"]
        .to_str()
        .unwrap()
        .contains("limit=50&after="));
}

#[tokio::test]
async fn the_staff_queue_keeps_its_filters_from_page_to_page() {
    let app = TestApp::spawn().await;
    let resident = app.register_resident("Pat Pages").await;
    let staff = app.create_staff("Sam Caseworker").await;
    let made = raise_many(&resident, 5).await;
    // One acknowledged: the filter for new ones leaves it out on every page.
    let (_, _, cases) = resident.get("/api/v1/cases").await;
    let first_id = cases[4]["id"].as_str().unwrap().to_owned();
    crate::support::staff_does(&staff, &first_id, json!({ "type": "acknowledged" })).await;

    let pages = all_pages(&staff, "/api/v1/staff/cases?limit=2").await;
    assert_eq!(pages.concat().len(), 5);
    let pages = all_pages(
        &staff,
        "/api/v1/staff/cases?status=awaiting_acknowledgement&limit=2",
    )
    .await;
    let listed = pages.concat();
    assert_eq!(listed.len(), 4, "{listed:?}");
    assert!(!listed.contains(&made[0]));
    // Staff reading /cases get the same queue.
    assert_eq!(
        all_pages(&staff, "/api/v1/cases?limit=3")
            .await
            .concat()
            .len(),
        5
    );
}

#[tokio::test]
async fn a_limit_out_of_range_or_a_made_up_cursor_is_refused_on_its_parameter() {
    let app = TestApp::spawn().await;
    let resident = app.register_resident("Pat Pages").await;
    for (query, field) in [
        ("limit=0", "limit"),
        ("limit=101", "limit"),
        ("after=bm90IGEgY3Vyc29y", "after"),
        ("after=WyIxIl0", "after"),
    ] {
        let (status, _, body) = resident.get(&format!("/api/v1/cases?{query}")).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{query}: {body}");
        assert_eq!(errors(&body)[0].0, field, "{query}");
    }
}

/// Follows the `Link`s from `first` to the end: each page's items.
async fn all_pages_of(client: &TestClient, first: &str) -> Vec<Vec<Value>> {
    let mut pages = Vec::new();
    let mut next = Some(first.to_owned());
    while let Some(address) = next.take() {
        let (status, headers, body) = client.get(&address).await;
        assert_eq!(status, StatusCode::OK, "{address}: {body}");
        pages.push(body.as_array().unwrap().clone());
        next = next_page(&headers);
        assert!(pages.len() < 20, "the pages never end");
    }
    pages
}

#[tokio::test]
async fn where_one_is_signed_in_comes_a_page_at_a_time_this_device_first() {
    let app = TestApp::spawn().await;
    let here = app.register_resident("Sam Sessions").await;
    let email = here.email.clone();
    let mut newest_first = Vec::new();
    for _ in 0..4 {
        app.advance(chrono::Duration::minutes(1));
        let device = app.sign_in(&email, PASSWORD).await;
        // Asked at once, so its last use stays the minute it signed in.
        let (_, _, list) = device.get("/api/v1/account/sessions?limit=1").await;
        newest_first.insert(0, list[0]["id"].as_str().unwrap().to_owned());
    }

    let pages = all_pages_of(&here, "/api/v1/account/sessions?limit=2").await;
    assert_eq!(pages.iter().map(Vec::len).collect::<Vec<_>>(), [2, 2, 1]);
    let listed: Vec<&Value> = pages.iter().flatten().collect();
    assert_eq!(listed[0]["current"], true, "this device first");
    assert!(listed[1..].iter().all(|s| s["current"] == false));
    let others: Vec<&str> = listed[1..]
        .iter()
        .map(|s| s["id"].as_str().unwrap())
        .collect();
    assert_eq!(
        others, newest_first,
        "then the most recently used, each once"
    );

    let (status, headers, body) = here.get("/api/v1/account/sessions").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body.as_array().unwrap().len(), 5);
    assert!(
        headers.get("link").is_none(),
        "all of them on the first page"
    );
    let (status, _, body) = here.get("/api/v1/account/sessions?after=xyz").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(errors(&body)[0].0, "after");
}

/// Each item's `id`, page by page.
fn ids(pages: &[Vec<Value>]) -> Vec<Vec<String>> {
    pages
        .iter()
        .map(|page| {
            page.iter()
                .map(|item| item["id"].as_str().unwrap().to_owned())
                .collect()
        })
        .collect()
}

#[tokio::test]
async fn authorisations_come_a_page_at_a_time_to_residents_advocates_and_staff() {
    let app = TestApp::spawn().await;
    let resident = app.register_resident("Pat Pages").await;
    let advocate = app.register_advocate("Ada Advocate").await;
    let staff = app.create_staff("Sam Caseworker").await;

    let mut invited = Vec::new();
    for i in 0..3 {
        let body = json!({ "advocate_email": format!("adviser{i}@example.org"),
            "relationship": "relative", "scope": ["view_cases"] });
        invited.push(crate::authorisations::create(&resident, body).await);
    }
    let mut filed = Vec::new();
    for _ in 0..3 {
        let body = crate::authorisations::signed_form(&["raise_complaints", "view_cases"]);
        filed.push(crate::authorisations::create(&advocate, body).await);
    }
    let newest_first = |made: &[String]| made.iter().rev().cloned().collect::<Vec<_>>();

    let pages = ids(&all_pages_of(&resident, "/api/v1/authorisations?limit=2").await);
    assert_eq!(pages.iter().map(Vec::len).collect::<Vec<_>>(), [2, 1]);
    assert_eq!(pages.concat(), newest_first(&invited));

    let pages = ids(&all_pages_of(&advocate, "/api/v1/authorisations?limit=2").await);
    assert_eq!(pages.iter().map(Vec::len).collect::<Vec<_>>(), [2, 1]);
    assert_eq!(pages.concat(), newest_first(&filed));

    // The queue to verify: the signed forms only, oldest first.
    let pages = ids(&all_pages_of(&staff, "/api/v1/authorisations?limit=2").await);
    assert_eq!(pages.iter().map(Vec::len).collect::<Vec<_>>(), [2, 1]);
    assert_eq!(pages.concat(), filed);

    // One rejected leaves the queue, and its filter keeps to every page.
    let reason = json!({ "decision": "reject", "reason": "The signature is missing" });
    let (status, view) = crate::authorisations::decide(&staff, &filed[0], reason).await;
    assert_eq!(status, StatusCode::OK, "{view}");
    let pages = ids(&all_pages_of(&staff, "/api/v1/authorisations?limit=1").await);
    assert_eq!(pages.concat(), filed[1..]);
    let pages = ids(&all_pages_of(&staff, "/api/v1/authorisations?status=pending&limit=2").await);
    assert_eq!(
        pages.concat(),
        [newest_first(&filed)[..2].to_vec(), newest_first(&invited)].concat()
    );
    let pages = ids(&all_pages_of(&staff, "/api/v1/authorisations?status=rejected&limit=2").await);
    assert_eq!(pages.concat(), [filed[0].clone()]);

    let (status, _, body) = resident.get("/api/v1/authorisations?limit=101").await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
    assert_eq!(errors(&body)[0].0, "limit");
}

#[tokio::test]
async fn the_residents_an_advocate_acts_for_come_a_page_at_a_time() {
    let app = TestApp::spawn().await;
    let advocate = app.register_advocate("Ada Advocate").await;
    let mut filed = Vec::new();
    for _ in 0..3 {
        let body = crate::authorisations::signed_form(&["raise_complaints", "view_cases"]);
        filed.push(crate::authorisations::create(&advocate, body).await);
    }
    let pages = all_pages_of(&advocate, "/api/v1/advocate/residents?limit=2").await;
    assert_eq!(pages.iter().map(Vec::len).collect::<Vec<_>>(), [2, 1]);
    let listed: Vec<&str> = pages
        .iter()
        .flatten()
        .map(|r| r["authorisation"]["id"].as_str().unwrap())
        .collect();
    filed.reverse();
    assert_eq!(listed, filed, "newest first, each once");

    let (status, _, body) = advocate.get("/api/v1/advocate/residents?after=xyz").await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
    assert_eq!(errors(&body)[0].0, "after");
}

#[tokio::test]
async fn the_outbox_comes_newest_first_a_page_at_a_time_each_once() {
    let app = TestApp::spawn().await;
    let staff = app.create_staff("Sam Caseworker").await;
    let resident = app.register_resident("Pat Pages").await;
    raise_many(&resident, 3).await;
    let written = app.count("SELECT COUNT(*) FROM outbox").await;
    assert!(written >= 4, "{written}");

    let pages = all_pages_of(&staff, "/api/v1/outbox?limit=2").await;
    assert!(pages.iter().all(|p| p.len() <= 2), "{pages:?}");
    let listed: Vec<i64> = pages
        .iter()
        .flatten()
        .map(|m| m["id"].as_i64().unwrap())
        .collect();
    assert_eq!(listed.len() as i64, written, "each once");
    let mut newest_first = listed.clone();
    newest_first.sort_unstable_by(|a, b| b.cmp(a));
    assert_eq!(listed, newest_first);

    let (status, _, body) = staff.get("/api/v1/outbox?limit=0").await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
    assert_eq!(errors(&body)[0].0, "limit");
}
