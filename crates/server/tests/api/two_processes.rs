//! Two server processes on one database (an SQLite file, or PostgreSQL with
//! `PORTAL_TEST_DATABASE`), as behind a load balancer: whichever one a
//! request reaches, it sees the same record, and what must happen once
//! happens once (issue 15). The real server binary, over real HTTP, started
//! with the reference deployment's own configuration (`deploy/portal.env`),
//! and sent the header its proxy sets.

use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{json, Value};

use crate::durability::{cookie, free_port, http, server, Answer};
use crate::helpers::{fresh_database, key_file_if_needed};
use crate::support::complaint;

struct Both {
    ports: [u16; 2],
    children: Vec<Child>,
}

impl Drop for Both {
    fn drop(&mut self) {
        for child in &mut self.children {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

/// What the deployment's proxy puts in front of every request (Caddyfile).
const FORWARDED: (&str, &str) = ("X-Forwarded-For", "203.0.113.7");

fn post(port: u16, path: &str, headers: &[(&str, &str)], body: &Value) -> Answer {
    let mut headers = headers.to_vec();
    headers.push(FORWARDED);
    http(port, "POST", path, &headers, Some(body)).expect("the server answers")
}

fn get(port: u16, path: &str, session: &str) -> Answer {
    http(port, "GET", path, &[("Cookie", session), FORWARDED], None).expect("the server answers")
}

/// `deploy/portal.env`: the settings every portal process of the reference
/// deployment shares.
fn deployment_settings() -> Vec<(String, String)> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../deploy/portal.env");
    std::fs::read_to_string(path)
        .expect("deploy/portal.env")
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .map(|line| {
            let (name, value) = line.split_once('=').expect("NAME=value");
            (name.to_owned(), value.to_owned())
        })
        .collect()
}

/// One portal process as the deployment runs it: its settings, with only
/// what names this machine changed.
fn start_as_deployed(
    database: &str,
    key_file: &Option<std::path::PathBuf>,
    port: u16,
    metrics_port: u16,
) -> Child {
    let mut command = Command::new(env!("CARGO_BIN_EXE_server"));
    for (name, value) in deployment_settings() {
        command.env(name, value);
    }
    command
        .env("HOST", "127.0.0.1")
        .env("PORT", port.to_string())
        .env("DATABASE_URL", database)
        .env("DIST_DIR", "does-not-exist")
        .env(
            "PORTAL_METRICS_ADDRESS",
            format!("127.0.0.1:{metrics_port}"),
        )
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    if let Some(key_file) = key_file {
        command.env("PORTAL_SECRETS_KEY_FILE", key_file);
    }
    let mut child = command.spawn().expect("the server starts");
    let deadline = Instant::now() + Duration::from_secs(30);
    while !http(port, "GET", "/api/v1/health", &[], None).is_ok_and(|a| a.status == 200) {
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("the server did not answer on port {port}");
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    child
}

#[test]
fn the_deployments_settings_are_ones_the_server_reads() {
    use clap::CommandFactory;
    let known: Vec<String> = server::config::Cli::command()
        .get_arguments()
        .filter_map(|argument| argument.get_env())
        .map(|name| name.to_string_lossy().into_owned())
        .collect();
    for (name, _) in deployment_settings() {
        assert!(known.contains(&name), "{name} is not a setting: {known:?}");
    }
}

#[test]
fn two_processes_on_one_database_keep_one_record() {
    let dir = tempfile::tempdir().unwrap();
    let database = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap()
        .block_on(fresh_database(dir.path(), "shared.sqlite"));
    let key_file = key_file_if_needed(dir.path(), &database);
    let added = server(&key_file)
        .args(["--database-url", &database, "--dist-dir", "does-not-exist"])
        .args([
            "user",
            "add",
            "--role",
            "resident",
            "--email",
            "tam@example.com",
        ])
        .args(["--name", "Tam Twoprocess"])
        .env("PORTAL_PASSWORD", "correct horse battery")
        .output()
        .expect("server user add runs");
    assert!(added.status.success(), "{added:?}");
    let ports = [free_port(), free_port()];
    let metrics_ports = [free_port(), free_port()];
    let both = Both {
        ports,
        children: ports
            .iter()
            .zip(metrics_ports)
            .map(|(port, metrics_port)| {
                start_as_deployed(&database, &key_file, *port, metrics_port)
            })
            .collect(),
    };
    let [a, b] = both.ports;
    // Each is ready for the proxy to send it requests.
    for port in metrics_ports {
        assert_eq!(http(port, "GET", "/ready", &[], None).unwrap().status, 200);
    }

    // Signed in on one, the session works on the other.
    let sign_in = json!({ "email": "tam@example.com", "password": "correct horse battery" });
    let signed_in = post(a, "/api/v1/session", &[], &sign_in);
    assert_eq!(signed_in.status, 200, "{}", signed_in.body);
    // As deployed (an https public address): a secure, host-only cookie.
    assert!(
        signed_in.headers.contains("__Host-") && signed_in.headers.contains("; Secure"),
        "{}",
        signed_in.headers
    );
    let session = cookie(&signed_in);
    let on_b = get(b, "/api/v1/session", &session);
    assert_eq!(on_b.status, 200, "{}", on_b.body);
    assert_eq!(on_b.body["user"]["email"], "tam@example.com");

    // The same request with the same key, sent to both at once: one case,
    // and both get its answer. Five times, so the two race in earnest.
    let mut references: Vec<String> = Vec::new();
    for attempt in 0..5 {
        let same_key = |port: u16| {
            let session = session.clone();
            std::thread::spawn(move || {
                let key = format!("both-at-once-{attempt}");
                post(
                    port,
                    "/api/v1/cases",
                    &[("Cookie", &session), ("Idempotency-Key", &key)],
                    &complaint(),
                )
            })
        };
        let (first, second) = (same_key(a), same_key(b));
        let answers = [first.join().unwrap(), second.join().unwrap()];
        for answer in &answers {
            assert_eq!(answer.status, 201, "{}", answer.body);
        }
        assert_eq!(answers[0].body["id"], answers[1].body["id"]);
        references.push(answers[0].body["reference"].as_str().unwrap().to_owned());
    }

    // Different requests to both at once: each its own case and reference.
    let creations: Vec<_> = (0..8)
        .map(|n| {
            let session = session.clone();
            let port = both.ports[n % 2];
            std::thread::spawn(move || {
                post(
                    port,
                    "/api/v1/cases",
                    &[
                        ("Cookie", &session),
                        ("Idempotency-Key", &format!("case-{n}")),
                    ],
                    &complaint(),
                )
            })
        })
        .collect();
    for handle in creations {
        let answer = handle.join().unwrap();
        assert_eq!(answer.status, 201, "{}", answer.body);
        references.push(answer.body["reference"].as_str().unwrap().to_owned());
    }
    references.sort();
    references.dedup();
    assert_eq!(references.len(), 13, "{references:?}");
    for port in both.ports {
        let list = get(port, "/api/v1/cases?limit=100", &session);
        assert_eq!(list.status, 200, "{}", list.body);
        assert_eq!(
            list.body.as_array().map(Vec::len),
            Some(13),
            "{}",
            list.body
        );
    }

    // Signing out on one ends the session on the other.
    let out = http(
        b,
        "DELETE",
        "/api/v1/session",
        &[("Cookie", &session)],
        None,
    )
    .unwrap();
    assert_eq!(out.status, 204, "{}", out.body);
    assert_eq!(get(a, "/api/v1/cases", &session).status, 401);
}
