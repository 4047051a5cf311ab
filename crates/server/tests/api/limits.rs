//! What one client can make the server hold: a body bigger than its route
//! takes, headers that never finish, a body trickled a byte at a time. Each
//! is cut off, and answered (where there is a request to answer) in the
//! API's one error shape.

use std::time::{Duration, Instant};

use axum::http::StatusCode;
use serde_json::json;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

use crate::helpers::TestApp;

/// The app on a real socket, with these timeouts; returns its address.
async fn listening(app: &TestApp, header_timeout: Duration) -> std::net::SocketAddr {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    let router = server::app(app.state.clone());
    tokio::spawn(server::serve::serve(
        listener,
        router,
        header_timeout,
        std::future::pending(),
    ));
    address
}

/// Reads until the server closes the connection (or `limit` passes).
async fn read_until_closed(stream: &mut TcpStream, limit: Duration) -> (String, Duration) {
    let started = Instant::now();
    let mut answer = Vec::new();
    let mut buffer = [0u8; 4096];
    loop {
        match tokio::time::timeout(limit, stream.read(&mut buffer)).await {
            Ok(Ok(0)) | Ok(Err(_)) => break,
            Ok(Ok(n)) => answer.extend_from_slice(&buffer[..n]),
            Err(_) => panic!("still open after {limit:?}"),
        }
    }
    (
        String::from_utf8_lossy(&answer).into_owned(),
        started.elapsed(),
    )
}

#[tokio::test]
async fn a_form_bigger_than_its_route_takes_is_refused_with_413_before_it_is_read() {
    let app = TestApp::spawn().await;
    let resident = app.register_resident("Rhiannon Price").await;
    // 1 MB of screening text: the route takes a form, not files.
    let (status, _, body) = resident
        .post_json(
            "/api/v1/cases/screening",
            json!({ "kind": "complaint", "details": "a".repeat(1024 * 1024) }),
        )
        .await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE, "{body}");
    assert_eq!(body["errors"][0]["message"], "The request is too large");
}

#[tokio::test]
async fn the_routes_that_take_files_still_take_a_large_photo() {
    let app = TestApp::spawn().await;
    let resident = app.register_resident("Rhiannon Price").await;
    let photo = {
        let mut bytes = vec![0xFF, 0xD8, 0xFF, 0xE0];
        bytes.resize(3 * 1024 * 1024, 0x20);
        bytes
    };
    let body = crate::support::with(
        crate::support::complaint(),
        json!({ "attachments": [crate::support::attachment("damp.jpg", "image/jpeg", &photo)] }),
    );
    let (status, _, answer) = crate::support::post_case(&resident, body).await;
    assert_eq!(status, StatusCode::CREATED, "{answer}");
}

#[tokio::test]
async fn headers_that_never_finish_are_cut_off() {
    let app = TestApp::spawn().await;
    let address = listening(&app, Duration::from_millis(500)).await;
    let mut stream = TcpStream::connect(address).await.unwrap();
    stream
        .write_all(b"GET /api/v1/health HTTP/1.1\r\nHost: localhost\r\nX-Slow: ")
        .await
        .unwrap();
    let (_, took) = read_until_closed(&mut stream, Duration::from_secs(5)).await;
    assert!(took < Duration::from_secs(3), "closed after {took:?}");
}

#[tokio::test]
async fn an_idle_kept_alive_connection_is_closed() {
    let app = TestApp::spawn().await;
    let address = listening(&app, Duration::from_millis(500)).await;
    let mut stream = TcpStream::connect(address).await.unwrap();
    stream
        .write_all(b"GET /api/v1/health HTTP/1.1\r\nHost: localhost\r\n\r\n")
        .await
        .unwrap();
    let (answer, took) = read_until_closed(&mut stream, Duration::from_secs(5)).await;
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    assert!(took < Duration::from_secs(3), "closed after {took:?}");
}

#[tokio::test]
async fn a_trickled_body_is_answered_408_in_the_usual_shape() {
    let app = TestApp::spawn_with(|c| c.request_timeout = 1).await;
    let address = listening(&app, Duration::from_secs(10)).await;
    let mut stream = TcpStream::connect(address).await.unwrap();
    stream
        .write_all(
            b"POST /api/v1/session HTTP/1.1\r\nHost: localhost\r\n\
              Content-Type: application/json\r\nContent-Length: 200\r\n\r\n{",
        )
        .await
        .unwrap();
    let trickle = async {
        for _ in 0..40 {
            tokio::time::sleep(Duration::from_millis(100)).await;
            if stream.write_all(b" ").await.is_err() {
                break;
            }
        }
    };
    let started = Instant::now();
    trickle.await;
    let mut answer = vec![0u8; 4096];
    let n = tokio::time::timeout(Duration::from_secs(5), stream.read(&mut answer))
        .await
        .expect("an answer")
        .unwrap_or(0);
    let answer = String::from_utf8_lossy(&answer[..n]);
    assert!(answer.starts_with("HTTP/1.1 408"), "{answer}");
    assert!(answer.contains("application/json"), "{answer}");
    assert!(answer.contains("The request took too long"), "{answer}");
    assert!(started.elapsed() < Duration::from_secs(6));
}

#[tokio::test]
async fn an_account_sends_only_its_daily_quota_of_files_and_loses_nothing_else() {
    // 8 KiB a day, for the test: the default is 50 MiB.
    let app = TestApp::spawn_with(|c| c.file_quota_kib_per_day = 8).await;
    let resident = app.register_resident("Rhiannon Price").await;
    let photo = |kib: usize| {
        let mut bytes = vec![0xFF, 0xD8, 0xFF, 0xE0];
        bytes.resize(kib * 1024, 0x20);
        crate::support::attachment("damp.jpg", "image/jpeg", &bytes)
    };
    let with_files = |files: Vec<serde_json::Value>| {
        crate::support::with(crate::support::complaint(), json!({ "attachments": files }))
    };
    let (status, _, answer) =
        crate::support::post_case(&resident, with_files(vec![photo(3), photo(3)])).await;
    assert_eq!(status, StatusCode::CREATED, "{answer}");
    let (status, _, answer) =
        crate::support::post_case(&resident, with_files(vec![photo(3)])).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{answer}");
    assert_eq!(
        crate::helpers::errors(&answer),
        [(
            "attachments".to_owned(),
            "You have sent as many files as you can in one day. Send this without them, or try again tomorrow".to_owned()
        )]
    );
    assert_eq!(
        app.count("SELECT COUNT(*) FROM cases").await,
        1,
        "nothing half-made"
    );
    // Without the files it goes; another account has its own quota; and a day later, files go again.
    let (status, _, _) = crate::support::post_case(&resident, with_files(vec![])).await;
    assert_eq!(status, StatusCode::CREATED);
    let other = app.register_resident("Owen Other").await;
    let (status, _, _) = crate::support::post_case(&other, with_files(vec![photo(3)])).await;
    assert_eq!(status, StatusCode::CREATED);
    app.advance(chrono::Duration::hours(24));
    let resident = app.sign_in(&resident.email, &resident.password).await;
    let (status, _, answer) =
        crate::support::post_case(&resident, with_files(vec![photo(3)])).await;
    assert_eq!(status, StatusCode::CREATED, "{answer}");
}
