//! Prometheus metrics and the readiness check, on a listener of their own
//! (issue 15, operations): counted by route pattern, never by case.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use axum::body::Body;
use axum::http::{Request, StatusCode};
use http_body_util::BodyExt;
use tower::ServiceExt;

use crate::durability::{free_port, http};
use crate::helpers::{fresh_database, key_file_if_needed, TestApp};
use crate::support::{complaint, raise};

async fn scrape(app: &TestApp, path: &str) -> (StatusCode, String) {
    let router = server::routes::metrics::router(server::routes::metrics::Listener {
        db: app.state.db.clone(),
        metrics: app.state.metrics.clone(),
    });
    let answer = router
        .oneshot(Request::get(path).body(Body::empty()).unwrap())
        .await
        .unwrap();
    let status = answer.status();
    let body = answer.into_body().collect().await.unwrap().to_bytes();
    (status, String::from_utf8(body.to_vec()).unwrap())
}

#[tokio::test]
async fn requests_are_counted_and_timed_by_route_pattern_and_the_outbox_depth_is_read() {
    let app = TestApp::spawn().await;
    let resident = app.register_resident("Mia Metrics").await;
    let case = raise(&resident, complaint()).await;
    let id = case["id"].as_str().unwrap();
    for _ in 0..2 {
        let (status, _, _) = resident.get(&format!("/api/v1/cases/{id}")).await;
        assert_eq!(status, StatusCode::OK);
    }
    let (status, _, _) = resident.get("/api/v1/cases/no-such-case").await;
    assert_eq!(status, StatusCode::NOT_FOUND);

    let (status, text) = scrape(&app, "/metrics").await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        text.contains(
            r#"portal_http_requests_total{method="GET",route="/api/v1/cases/{id}",status="2xx"} 2"#
        ),
        "{text}"
    );
    assert!(
        text.contains(
            r#"portal_http_requests_total{method="GET",route="/api/v1/cases/{id}",status="4xx"} 1"#
        ),
        "{text}"
    );
    assert!(
        text.contains(
            r#"portal_http_request_duration_seconds_count{method="GET",route="/api/v1/cases/{id}",status="2xx"} 2"#
        ),
        "{text}"
    );
    assert!(!text.contains(id), "no case is named in a label");
    let unsent: i64 = server::db::query_scalar("SELECT COUNT(*) FROM outbox WHERE sent_at IS NULL")
        .fetch_one(&app.state.db)
        .await
        .unwrap();
    assert!(unsent > 0);
    assert!(
        text.contains(&format!("portal_outbox_unsent {unsent}\n")),
        "{text}"
    );
    assert!(text.contains("portal_rules_lag_seconds -1\n"), "{text}");

    let (status, _) = scrape(&app, "/ready").await;
    assert_eq!(status, StatusCode::OK);
}

#[test]
fn the_server_serves_metrics_on_their_own_port_and_logs_json_lines() {
    let dir = tempfile::tempdir().unwrap();
    let database = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap()
        .block_on(fresh_database(dir.path(), "metrics.sqlite"));
    let key_file = key_file_if_needed(dir.path(), &database);
    let (port, metrics_port) = (free_port(), free_port());
    let mut command = Command::new(env!("CARGO_BIN_EXE_server"));
    if let Some(key_file) = &key_file {
        command.env("PORTAL_SECRETS_KEY_FILE", key_file);
    }
    let mut child = command
        .args(["--port", &port.to_string(), "--database-url", &database])
        .args(["--dist-dir", "does-not-exist"])
        .env(
            "PORTAL_METRICS_ADDRESS",
            format!("127.0.0.1:{metrics_port}"),
        )
        .env("PORTAL_LOG_FORMAT", "json")
        .env_remove("RUST_LOG")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("the server starts");
    let deadline = Instant::now() + Duration::from_secs(30);
    while !http(port, "GET", "/api/v1/health", &[], None).is_ok_and(|a| a.status == 200) {
        assert!(Instant::now() < deadline, "the server did not answer");
        std::thread::sleep(Duration::from_millis(100));
    }
    let ready = http(metrics_port, "GET", "/ready", &[], None).unwrap();
    let metrics = http(metrics_port, "GET", "/metrics", &[], None).unwrap();
    // Not on the portal's own port.
    let public = http(port, "GET", "/metrics", &[], None).unwrap();
    let _ = child.kill();
    let _ = child.wait();
    assert_eq!(ready.status, 200);
    assert_eq!(metrics.status, 200);
    assert!(
        metrics
            .headers
            .to_lowercase()
            .contains("content-type: text/plain; version=0.0.4"),
        "{}",
        metrics.headers
    );
    assert_ne!(public.status, 200);

    let lines: Vec<String> = BufReader::new(child.stdout.take().unwrap())
        .lines()
        .map_while(Result::ok)
        .collect();
    assert!(!lines.is_empty());
    for line in &lines {
        let entry: serde_json::Value = serde_json::from_str(line)
            .unwrap_or_else(|e| panic!("a log line that is not JSON ({e}): {line}"));
        assert!(
            entry["level"].is_string() && entry["timestamp"].is_string(),
            "{line}"
        );
    }
    assert!(
        lines
            .iter()
            .any(|l| l.contains("metrics on http://127.0.0.1")),
        "{lines:?}"
    );
}
