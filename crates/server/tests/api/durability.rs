//! A case the API has answered 2xx for survives the process being killed the
//! next instant: the real server binary, a real database (an SQLite file, or
//! PostgreSQL with `PORTAL_TEST_DATABASE`), SIGKILL, restart.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{json, Value};

use crate::helpers::{fresh_database, key_file_if_needed};
use crate::support::complaint;

pub(crate) struct Answer {
    pub status: u16,
    pub headers: String,
    pub body: Value,
}

/// One HTTP/1.1 request over a plain socket (no client library needed).
pub(crate) fn http(
    port: u16,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: Option<&Value>,
) -> std::io::Result<Answer> {
    let mut stream = TcpStream::connect(("127.0.0.1", port))?;
    stream.set_read_timeout(Some(Duration::from_secs(10)))?;
    let body = body.map(Value::to_string).unwrap_or_default();
    let mut request =
        format!("{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n");
    for (name, value) in headers {
        request.push_str(&format!("{name}: {value}\r\n"));
    }
    if !body.is_empty() {
        request.push_str(&format!(
            "Content-Type: application/json\r\nContent-Length: {}\r\n",
            body.len()
        ));
    }
    request.push_str("\r\n");
    request.push_str(&body);
    stream.write_all(request.as_bytes())?;
    let mut raw = String::new();
    stream.read_to_string(&mut raw)?;
    let (head, rest) = raw.split_once("\r\n\r\n").unwrap_or((&raw, ""));
    let status = head
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    // Bodies come back chunked or whole; the JSON is the part between braces.
    let json = rest.find(['{', '[']).map(|start| {
        let end = rest.rfind(['}', ']']).map_or(rest.len(), |e| e + 1);
        &rest[start..end]
    });
    let body = json
        .and_then(|j| serde_json::from_str(j).ok())
        .unwrap_or(Value::Null);
    Ok(Answer {
        status,
        headers: head.to_owned(),
        body,
    })
}

pub(crate) fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// The server binary on `database`, with a secrets key file if the engine needs one.
pub(crate) fn server(key_file: &Option<std::path::PathBuf>) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_server"));
    if let Some(key_file) = key_file {
        command.env("PORTAL_SECRETS_KEY_FILE", key_file);
    }
    command
}

pub(crate) fn start(database: &str, key_file: &Option<std::path::PathBuf>, port: u16) -> Child {
    let child = server(key_file)
        .args([
            "--port",
            &port.to_string(),
            "--database-url",
            database,
            "--dist-dir",
            "does-not-exist",
        ])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("the server starts");
    let mut child = child;
    let deadline = Instant::now() + Duration::from_secs(30);
    while Instant::now() < deadline {
        if http(port, "GET", "/api/v1/health", &[], None).is_ok_and(|a| a.status == 200) {
            return child;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    let _ = child.kill();
    let _ = child.wait();
    panic!("the server did not answer on port {port}");
}

pub(crate) fn cookie(answer: &Answer) -> String {
    answer
        .headers
        .lines()
        .find_map(|line| {
            line.strip_prefix("set-cookie: ")
                .or_else(|| line.strip_prefix("Set-Cookie: "))
        })
        .and_then(|c| c.split(';').next())
        .expect("a session cookie")
        .to_owned()
}

#[test]
fn a_case_acknowledged_with_201_survives_the_server_being_killed_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let database = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap()
        .block_on(fresh_database(dir.path(), "durable.sqlite"));
    let key_file = key_file_if_needed(dir.path(), &database);
    let port = free_port();
    // An account whose address is proved, as `server user add` makes them.
    let added = server(&key_file)
        .args(["--database-url", &database, "--dist-dir", "does-not-exist"])
        .args([
            "user",
            "add",
            "--role",
            "resident",
            "--email",
            "dee@example.com",
        ])
        .args(["--name", "Dee Durable"])
        .env("PORTAL_PASSWORD", "correct horse battery")
        .output()
        .expect("server user add runs");
    assert!(added.status.success(), "{added:?}");
    let mut server = start(&database, &key_file, port);

    let sign_in = json!({ "email": "dee@example.com", "password": "correct horse battery" });
    let signed_in = http(port, "POST", "/api/v1/session", &[], Some(&sign_in)).unwrap();
    assert_eq!(signed_in.status, 200, "{}", signed_in.body);
    let session = cookie(&signed_in);
    let created = http(
        port,
        "POST",
        "/api/v1/cases",
        &[("Cookie", &session), ("Idempotency-Key", "durable-1")],
        Some(&complaint()),
    )
    .unwrap();
    assert_eq!(created.status, 201, "{}", created.body);
    let id = created.body["id"].as_str().unwrap().to_owned();
    let reference = created.body["reference"].as_str().unwrap().to_owned();

    server.kill().unwrap(); // SIGKILL: no shutdown, no flush
    server.wait().unwrap();

    let port = free_port();
    let mut server = start(&database, &key_file, port);
    let signed_in = http(
        port,
        "POST",
        "/api/v1/session",
        &[],
        Some(&json!({ "email": "dee@example.com", "password": "correct horse battery" })),
    )
    .unwrap();
    assert_eq!(signed_in.status, 200, "{}", signed_in.body);
    let read = http(
        port,
        "GET",
        &format!("/api/v1/cases/{id}"),
        &[("Cookie", &cookie(&signed_in))],
        None,
    )
    .unwrap();
    assert_eq!(read.status, 200, "{}", read.body);
    assert_eq!(read.body["reference"], reference.as_str());
    server.kill().unwrap();
    server.wait().unwrap();
}
