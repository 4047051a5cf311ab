//! Two server processes on one database (an SQLite file, or PostgreSQL with
//! `PORTAL_TEST_DATABASE`), as behind a load balancer: whichever one a
//! request reaches, it sees the same record, and what must happen once
//! happens once (issue 15). The real server binary, over real HTTP.

use std::process::Child;

use serde_json::{json, Value};

use crate::durability::{cookie, free_port, http, server, start, Answer};
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

fn post(port: u16, path: &str, headers: &[(&str, &str)], body: &Value) -> Answer {
    http(port, "POST", path, headers, Some(body)).expect("the server answers")
}

fn get(port: u16, path: &str, session: &str) -> Answer {
    http(port, "GET", path, &[("Cookie", session)], None).expect("the server answers")
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
    let both = Both {
        ports,
        children: ports
            .iter()
            .map(|port| start(&database, &key_file, *port))
            .collect(),
    };
    let [a, b] = both.ports;

    // Signed in on one, the session works on the other.
    let sign_in = json!({ "email": "tam@example.com", "password": "correct horse battery" });
    let signed_in = post(a, "/api/v1/session", &[], &sign_in);
    assert_eq!(signed_in.status, 200, "{}", signed_in.body);
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
