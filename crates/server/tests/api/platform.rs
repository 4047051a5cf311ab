//! The service as a whole: body limits, headers, the error shape, and the
//! public calendar and policy endpoints.

use axum::http::StatusCode;
use serde_json::json;

use crate::helpers::TestApp;
use crate::support::{attachment, complaint, post_case, with};

#[tokio::test]
async fn a_complaint_with_a_four_megabyte_photo_is_accepted() {
    let app = TestApp::spawn().await;
    let resident = app.register_resident("Pat Photo").await;
    let mut photo = b"\x89PNG\r\n\x1a\n".to_vec();
    photo.resize(4 * 1024 * 1024, 7);
    let body = with(
        complaint(),
        json!({ "attachments": [attachment("damp.png", "image/png", &photo)] }),
    );
    let (status, _, answer) = post_case(&resident, body).await;
    assert_eq!(status, StatusCode::CREATED, "{answer}");
    assert_eq!(answer["attachments"][0]["size"], json!(4 * 1024 * 1024));
}

#[tokio::test]
async fn a_body_over_the_limit_answers_413_in_the_error_shape() {
    let app = TestApp::spawn().await;
    let resident = app.register_resident("Olive Oversize").await;
    let huge = "A".repeat(server::BODY_LIMIT + 1);
    let (status, _, answer) =
        post_case(&resident, with(complaint(), json!({ "details": huge }))).await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(answer["errors"][0]["message"], "The request is too large");
}

#[tokio::test]
async fn every_api_answer_carries_the_security_headers_and_is_not_cached() {
    let app = TestApp::spawn().await;
    let (status, headers, _) = app.client().get("/api/v1/health").await;
    assert_eq!(status, StatusCode::OK);
    let csp = headers["content-security-policy"].to_str().unwrap();
    assert!(csp.contains("'wasm-unsafe-eval'") && csp.contains("frame-ancestors 'none'"));
    assert!(!csp.contains("'unsafe-inline'"));
    assert_eq!(headers["x-content-type-options"], "nosniff");
    assert_eq!(headers["referrer-policy"], "no-referrer");
    assert_eq!(headers["cache-control"], "no-store");
}

#[tokio::test]
async fn an_unknown_api_path_is_a_json_404_and_a_wrong_method_a_json_405() {
    let app = TestApp::spawn().await;
    let (status, _, body) = app.client().get("/api/v1/no-such-thing").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(body["errors"][0]["message"], "Page not found");
    let (status, _, body) = app.client().delete("/api/v1/health").await;
    assert_eq!(status, StatusCode::METHOD_NOT_ALLOWED);
    assert!(body["errors"].is_array());
}

#[tokio::test]
async fn health_reports_the_version_the_database_and_the_policy() {
    let app = TestApp::spawn().await;
    let (status, _, body) = app.client().get("/api/v1/health").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["status"], "ok");
    assert_eq!(body["database"], "ok");
    assert_eq!(body["policy_id"], "code-2024");
    assert_eq!(body["version"], env!("CARGO_PKG_VERSION"));
}

#[tokio::test]
async fn ten_working_days_after_18_december_2026_is_6_january_2027_skipping_christmas_and_new_year()
{
    let app = TestApp::spawn().await;
    let (status, _, body) = app
        .client()
        .get("/api/v1/calendar/working-days?from=2026-12-18&days=10")
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["from"], "2026-12-18");
    assert_eq!(body["days"], 10);
    assert_eq!(body["date"], "2027-01-06");
    let skipped: Vec<&str> = body["skipped"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["date"].as_str().unwrap())
        .collect();
    assert!(skipped.contains(&"2026-12-25") && skipped.contains(&"2026-12-28"));
    assert!(skipped.contains(&"2027-01-01"));
    assert!(body["explanation"]
        .as_str()
        .unwrap()
        .contains("25, 28 December"));
}

#[tokio::test]
async fn working_days_between_counts_the_days_strictly_after_the_first_date() {
    let app = TestApp::spawn().await;
    let (status, _, body) = app
        .client()
        .get("/api/v1/calendar/working-days-between?from=2026-12-18&to=2027-01-06")
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(
        body,
        json!({ "from": "2026-12-18", "to": "2027-01-06", "working_days": 10 })
    );
}

#[tokio::test]
async fn bank_holidays_for_2022_include_the_jubilee_and_the_state_funeral() {
    let app = TestApp::spawn().await;
    let (status, _, body) = app
        .client()
        .get("/api/v1/calendar/bank-holidays?year=2022")
        .await;
    assert_eq!(status, StatusCode::OK);
    let dates: Vec<&str> = body["holidays"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["date"].as_str().unwrap())
        .collect();
    for day in ["2022-06-02", "2022-06-03", "2022-09-19"] {
        assert!(dates.contains(&day), "{day} missing from {dates:?}");
    }
    assert!(
        !dates.contains(&"2022-05-30"),
        "the spring bank holiday moved to 2 June"
    );
}

#[tokio::test]
async fn bad_calendar_questions_get_field_keyed_422s_never_a_500() {
    let app = TestApp::spawn().await;
    let client = app.client();
    for (path, field) in [
        (
            "/api/v1/calendar/working-days?from=2026-02-30&days=3",
            "from",
        ),
        (
            "/api/v1/calendar/working-days?from=2026-02-03&days=-1",
            "days",
        ),
        (
            "/api/v1/calendar/working-days?from=2026-02-03&days=99999",
            "days",
        ),
        ("/api/v1/calendar/working-days?days=3", "from"),
        (
            "/api/v1/calendar/working-days?from=2100-12-31&days=10",
            "days",
        ),
        (
            "/api/v1/calendar/working-days-between?from=2026-01-01&to=nope",
            "to",
        ),
        ("/api/v1/calendar/bank-holidays?year=1969", "year"),
    ] {
        let (status, _, body) = client.get(path).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{path}: {body}");
        assert_eq!(body["errors"][0]["field"], field, "{path}: {body}");
    }
}

#[tokio::test]
async fn every_preset_is_listed_and_the_code_is_active_with_no_findings() {
    let app = TestApp::spawn().await;
    let client = app.client();
    let (_, _, list) = client.get("/api/v1/policies").await;
    let ids: Vec<&str> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["id"].as_str().unwrap())
        .collect();
    assert_eq!(
        ids,
        [
            "code-2024",
            "pioneer-2020",
            "policy-2022",
            "pivotal-2021",
            "plus-dane-2024",
            "torus"
        ]
    );
    assert_eq!(list[0]["active"], true);
    let (_, _, findings) = client.get("/api/v1/policies/code-2024/compliance").await;
    assert_eq!(findings, json!([]));
    let (_, _, pioneer) = client.get("/api/v1/policies/pioneer-2020/compliance").await;
    let sections: Vec<&str> = pioneer
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["section"].as_str().unwrap())
        .collect();
    assert!(
        sections.contains(&"5.3"),
        "a third stage is reported: {sections:?}"
    );
    let (status, _, _) = client.get("/api/v1/policies/no-such-policy").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn the_active_policy_shows_where_it_falls_back_to_the_code() {
    let app = TestApp::spawn_with(|c| c.policy = "torus".into()).await;
    let (status, _, body) = app.client().get("/api/v1/policies/active").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["policy"]["id"], "torus");
    assert!(!body["fallbacks"].as_array().unwrap().is_empty());
    assert!(body["effective"]["stages"][0]["acknowledge"].is_object());
}

#[tokio::test]
async fn a_malformed_policy_file_stops_start_up_naming_the_file_line_and_field() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("broken.toml");
    let source = domain::policy::Policy::preset_source("code-2024")
        .unwrap()
        .replace(
            "respond = { days = 10, from = \"acknowledgement\" }",
            "respond = { days = \"ten\", from = \"acknowledgement\" }",
        );
    std::fs::write(&path, source).unwrap();
    let error = server::startup::load_policies(path.to_str().unwrap())
        .unwrap_err()
        .to_string();
    assert!(error.contains("broken.toml"), "{error}");
    assert!(error.contains("line "), "{error}");
    assert!(error.contains("respond.days"), "{error}");
}

#[tokio::test]
async fn a_policy_file_that_is_not_a_preset_runs_as_the_active_policy() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("landlord.toml");
    let source = domain::policy::Policy::preset_source("pivotal-2021")
        .unwrap()
        .replace("id = \"pivotal-2021\"", "id = \"our-landlord\"");
    std::fs::write(&path, source).unwrap();
    let (active, all) = server::startup::load_policies(path.to_str().unwrap()).unwrap();
    assert_eq!(active.id, "our-landlord");
    assert!(all.iter().any(|p| p.id == "our-landlord"));
}

#[tokio::test]
async fn staff_record_a_residents_satisfaction_from_a_survey_after_the_response() {
    use crate::support::{complaint, id, raise, staff_action};
    let app = TestApp::spawn().await;
    let resident = app.register_resident("Sade Survey").await;
    let staff = app.create_staff("Cal Caller").await;
    let case = id(&raise(&resident, complaint()).await);
    let (status, _, _) = staff_action(&staff, &case, json!({ "type": "acknowledged" })).await;
    assert_eq!(status, StatusCode::OK);
    let (status, _, refused) = staff_action(
        &staff,
        &case,
        json!({ "type": "satisfaction_recorded", "satisfied": true }),
    )
    .await;
    assert_eq!(
        status,
        StatusCode::CONFLICT,
        "not before a response: {refused}"
    );
    staff_action(
        &staff,
        &case,
        json!({ "type": "responded", "outcome": "upheld", "reasons": "We were wrong." }),
    )
    .await;
    let (status, _, detail) = staff_action(
        &staff,
        &case,
        json!({ "type": "satisfaction_recorded", "satisfied": false, "comment": "Said so on the phone" }),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{detail}");
    let last = detail["timeline"]
        .as_array()
        .unwrap()
        .last()
        .unwrap()
        .clone();
    assert_eq!(last["event"]["type"], "satisfaction_recorded");
    assert_eq!(last["actor"]["kind"], "staff");
}

#[tokio::test]
async fn a_handler_that_panics_answers_500_in_the_error_shape_and_tells_nothing() {
    use axum::body::{to_bytes, Body};
    use axum::http::Request;
    use axum::routing::get;
    use tower::ServiceExt;

    let router = axum::Router::new()
        .route(
            "/boom",
            get(|| async {
                if true {
                    panic!("secret detail from the code");
                }
                "never"
            }),
        )
        .layer(server::error::catch_panics());
    let answer = router
        .oneshot(Request::get("/boom").body(Body::empty()).unwrap())
        .await
        .expect("the panic is answered, not dropped");
    assert_eq!(answer.status(), StatusCode::INTERNAL_SERVER_ERROR);
    let body = to_bytes(answer.into_body(), usize::MAX).await.unwrap();
    let body: serde_json::Value = serde_json::from_slice(&body).unwrap();
    assert_eq!(
        body,
        json!({ "errors": [{ "field": "", "message": "Sorry, there is a problem with the service. Try again later" }] })
    );
}

/// `GET path` with extra headers, answered with its raw body.
async fn raw_get(
    app: &TestApp,
    path: &str,
    headers: &[(&str, &str)],
) -> (StatusCode, axum::http::HeaderMap, Vec<u8>) {
    use http_body_util::BodyExt;
    use tower::ServiceExt;
    let mut request = axum::http::Request::builder()
        .uri(path)
        .header("host", "localhost");
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    let response = app
        .router
        .clone()
        .oneshot(request.body(axum::body::Body::empty()).unwrap())
        .await
        .unwrap();
    let (parts, body) = response.into_parts();
    let bytes = body.collect().await.unwrap().to_bytes().to_vec();
    (parts.status, parts.headers, bytes)
}

#[tokio::test]
async fn the_policy_comes_compressed_to_a_browser_that_asks_and_plain_to_another_site() {
    use std::io::Read;
    let app = TestApp::spawn().await;
    let (_, headers, plain) = raw_get(&app, "/api/v1/policies/active", &[]).await;
    assert!(headers.get("content-encoding").is_none());
    let policy: serde_json::Value = serde_json::from_slice(&plain).unwrap();

    let (status, headers, gzipped) = raw_get(
        &app,
        "/api/v1/policies/active",
        &[
            ("accept-encoding", "gzip"),
            ("sec-fetch-site", "same-origin"),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(headers["content-encoding"], "gzip");
    assert!(
        gzipped.len() * 3 < plain.len(),
        "{} of {}",
        gzipped.len(),
        plain.len()
    );
    let mut unzipped = Vec::new();
    flate2::read::GzDecoder::new(&gzipped[..])
        .read_to_end(&mut unzipped)
        .unwrap();
    assert_eq!(
        serde_json::from_slice::<serde_json::Value>(&unzipped).unwrap(),
        policy
    );

    let (_, headers, _) = raw_get(
        &app,
        "/api/v1/policies/active",
        &[("accept-encoding", "br")],
    )
    .await;
    assert_eq!(headers["content-encoding"], "br");

    // Started by another site: its size must not depend on what it holds.
    let (_, headers, body) = raw_get(
        &app,
        "/api/v1/policies/active",
        &[
            ("accept-encoding", "br, gzip"),
            ("sec-fetch-site", "cross-site"),
        ],
    )
    .await;
    assert!(headers.get("content-encoding").is_none());
    assert_eq!(body.len(), plain.len());
}

#[tokio::test]
async fn files_named_by_their_content_are_kept_a_year_and_the_page_is_checked_every_visit() {
    let dist = tempfile::tempdir().unwrap();
    let write = |name: &str, body: &str| {
        let path = dist.path().join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, body).unwrap();
    };
    write("index.html", "<!doctype html><title>Put It Right</title>");
    write("main-aa5ceb153c27eca1.css", "body{}");
    write("put-it-right-5f7e61cc00ba23e7-split/chunk_1.wasm", "\0asm");
    write("public/locales/cy.json", "{}");
    let folder = dist.path().to_path_buf();
    let app = TestApp::spawn_with(move |config| config.dist_dir = folder).await;
    let immutable = "public, max-age=31536000, immutable";
    for path in [
        "/main-aa5ceb153c27eca1.css",
        "/put-it-right-5f7e61cc00ba23e7-split/chunk_1.wasm",
    ] {
        let (status, headers, _) = raw_get(&app, path, &[]).await;
        assert_eq!(status, StatusCode::OK, "{path}");
        assert_eq!(headers["cache-control"], immutable, "{path}");
    }
    // The page that names them, a client route, a catalogue, and a stale
    // chunk name after a new release (the page, which must not be kept).
    for path in [
        "/",
        "/cases",
        "/public/locales/cy.json",
        "/main-0123456789abcdef.css",
    ] {
        let (status, headers, _) = raw_get(&app, path, &[]).await;
        assert_eq!(status, StatusCode::OK, "{path}");
        assert_eq!(headers["cache-control"], "no-cache", "{path}");
    }
}

// --- the database engine ------------------------------------------------------

/// The suite runs on the engine asked for: PostgreSQL when
/// `PORTAL_TEST_DATABASE` names a server, SQLite otherwise (so a run meant
/// for PostgreSQL cannot pass on SQLite unnoticed).
#[tokio::test]
async fn the_tests_run_on_the_engine_the_environment_names() {
    let app = TestApp::spawn().await;
    let expected = if crate::helpers::test_database_server().is_some() {
        server::db::Engine::Postgres
    } else {
        server::db::Engine::Sqlite
    };
    assert_eq!(server::db::engine(&app.state.db), expected);
    let mut conn = app.state.db.acquire().await.unwrap();
    assert_eq!(server::db::engine_of(&conn), expected);
    let two: i64 = server::db::query_scalar("SELECT ? + ?")
        .bind(1_i64)
        .bind(1_i64)
        .fetch_one(&mut *conn)
        .await
        .unwrap();
    assert_eq!(two, 2);
}

/// A write transaction (a read, then writes that depend on it) cannot be
/// overtaken: a second one waits until the first ends, on either engine.
#[tokio::test]
async fn write_transactions_take_turns() {
    let app = TestApp::spawn().await;
    let first = server::db::begin_write(&app.state.db).await.unwrap();
    let db = app.state.db.clone();
    let second = tokio::spawn(async move {
        let tx = server::db::begin_write(&db).await.unwrap();
        tx.commit().await.unwrap();
    });
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    assert!(
        !second.is_finished(),
        "a second write transaction began while the first was open"
    );
    first.commit().await.unwrap();
    tokio::time::timeout(std::time::Duration::from_secs(5), second)
        .await
        .expect("the second write transaction began once the first ended")
        .unwrap();
}
