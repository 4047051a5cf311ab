//! The outbox hands email to an SMTP relay when one is configured: a real
//! SMTP conversation with a small relay on loopback run by the test.

use std::sync::{Arc, Mutex};

use serde_json::Value;
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpListener;

use crate::helpers::TestApp;

/// A relay that accepts every message and keeps what it was sent.
async fn relay() -> (String, Arc<Mutex<Vec<String>>>) {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap().to_string();
    let received = Arc::new(Mutex::new(Vec::new()));
    let store = received.clone();
    tokio::spawn(async move {
        while let Ok((stream, _)) = listener.accept().await {
            let store = store.clone();
            tokio::spawn(async move {
                let (read, mut write) = stream.into_split();
                let mut read = BufReader::new(read);
                write.write_all(b"220 test relay\r\n").await.unwrap();
                let mut transcript = String::new();
                let mut in_data = false;
                loop {
                    let mut line = String::new();
                    if read.read_line(&mut line).await.unwrap_or(0) == 0 {
                        break;
                    }
                    transcript.push_str(&line);
                    if in_data {
                        if line == ".\r\n" {
                            in_data = false;
                            write.write_all(b"250 queued\r\n").await.unwrap();
                        }
                        continue;
                    }
                    let reply: &[u8] = match line.get(..4).unwrap_or("") {
                        "EHLO" => b"250-test relay\r\n250 8BITMIME\r\n",
                        "DATA" => {
                            in_data = true;
                            b"354 go ahead\r\n"
                        }
                        "QUIT" => {
                            store.lock().unwrap().push(transcript.clone());
                            let _ = write.write_all(b"221 bye\r\n").await;
                            break;
                        }
                        _ => b"250 ok\r\n",
                    };
                    write.write_all(reply).await.unwrap();
                }
            });
        }
    });
    (address, received)
}

async fn outbox(app: &TestApp) -> Vec<Value> {
    let staff = app.create_staff("Olu Outbox").await;
    let (_, _, messages) = staff.get("/api/v1/outbox").await;
    messages.as_array().unwrap().clone()
}

#[tokio::test]
async fn a_welcome_email_goes_through_the_relay_and_is_marked_sent() {
    let (address, received) = relay().await;
    let app = TestApp::spawn_with(|c| {
        c.smtp_relay = Some(address.clone());
        c.mail_from = "complaints@landlord.example".into();
    })
    .await;
    let resident = app.register_resident("Maya Mail").await;
    let sent = server::outbox::deliver_pending(&app.state).await.unwrap();
    assert_eq!(sent, 1);
    // The relay records the transcript once the client says QUIT.
    for _ in 0..50 {
        if !received.lock().unwrap().is_empty() {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    let transcripts = received.lock().unwrap().clone();
    assert_eq!(transcripts.len(), 1);
    let transcript = &transcripts[0];
    assert!(
        transcript.contains("MAIL FROM:<complaints@landlord.example>"),
        "{transcript}"
    );
    assert!(
        transcript.contains(&format!("RCPT TO:<{}>", resident.email)),
        "{transcript}"
    );
    assert!(transcript.contains("Subject: "), "{transcript}");
    let messages = outbox(&app).await;
    let welcome = messages
        .iter()
        .find(|m| m["recipient"] == resident.email.as_str())
        .unwrap();
    assert!(welcome["sent_at"].is_string(), "{welcome}");
    assert_eq!(welcome["last_error"], Value::Null);
}

#[tokio::test]
async fn when_the_relay_cannot_be_reached_the_email_stays_unsent_with_the_reason_and_is_retried_later(
) {
    let closed = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let address = closed.local_addr().unwrap().to_string();
    drop(closed);
    let app = TestApp::spawn_with(|c| c.smtp_relay = Some(address.clone())).await;
    let resident = app.register_resident("Nia Nodelivery").await;
    server::outbox::deliver_pending(&app.state).await.unwrap();
    let again = server::outbox::deliver_pending(&app.state).await.unwrap();
    assert_eq!(again, 0, "not tried again before its wait is over");
    server::db::query("UPDATE outbox SET next_attempt_at = '2000-01-01T00:00:00Z' WHERE next_attempt_at IS NOT NULL")
        .execute(&app.state.db)
        .await
        .unwrap();
    let again = server::outbox::deliver_pending(&app.state).await.unwrap();
    assert_eq!(
        again, 1,
        "an email that failed is tried again once its wait is over"
    );
    let messages = outbox(&app).await;
    let welcome = messages
        .iter()
        .find(|m| m["recipient"] == resident.email.as_str())
        .unwrap();
    assert_eq!(welcome["sent_at"], Value::Null);
    assert_eq!(welcome["delivery"], "retrying");
    assert_eq!(welcome["attempts"], 2);
    assert!(welcome["last_error"]
        .as_str()
        .unwrap()
        .contains("cannot reach the mail relay"));
}

#[tokio::test]
async fn without_a_relay_messages_are_left_for_staff_and_tried_once() {
    let app = TestApp::spawn().await;
    app.register_resident("Una Unsent").await;
    assert_eq!(
        server::outbox::deliver_pending(&app.state).await.unwrap(),
        1
    );
    assert_eq!(
        server::outbox::deliver_pending(&app.state).await.unwrap(),
        0
    );
    let messages = outbox(&app).await;
    assert!(messages.iter().all(|m| m["sent_at"].is_null()));
}

#[tokio::test]
async fn two_processes_sending_from_one_database_send_each_message_once() {
    let (address, received) = relay().await;
    let app = TestApp::spawn_with(|c| c.smtp_relay = Some(address.clone())).await;
    for n in 0..12 {
        app.register_resident(&format!("Resident Number {n}")).await;
    }
    let unsent: i64 = server::db::query_scalar("SELECT COUNT(*) FROM outbox WHERE sent_at IS NULL")
        .fetch_one(&app.state.db)
        .await
        .unwrap();
    assert!(unsent >= 12, "{unsent}");
    // A second server process: its own state and connections, the same database.
    let mut config = server::config::Config::for_tests(app.state.config.database_url.clone());
    config.secrets_key_file = app.state.config.secrets_key_file.clone();
    config.smtp_relay = Some(address);
    let other = server::startup::build_state(config)
        .await
        .expect("a second process starts");

    let (first, second) = tokio::join!(
        server::outbox::deliver_pending(&app.state),
        server::outbox::deliver_pending(&other)
    );
    assert_eq!(
        first.unwrap() + second.unwrap(),
        unsent as usize,
        "between them they took each message once"
    );
    // The relay keeps a message once the conversation ends, which may be a
    // moment after the sender has moved on.
    for _ in 0..50 {
        if received.lock().unwrap().len() >= unsent as usize {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    let received = received.lock().unwrap().clone();
    assert_eq!(
        received.len(),
        unsent as usize,
        "one email each, none twice"
    );
    let mut recipients: Vec<&str> = received
        .iter()
        .filter_map(|t| t.lines().find(|l| l.starts_with("RCPT TO:")))
        .collect();
    recipients.sort();
    recipients.dedup();
    assert_eq!(recipients.len(), unsent as usize, "{recipients:?}");
    let left: i64 = server::db::query_scalar("SELECT COUNT(*) FROM outbox WHERE sent_at IS NULL")
        .fetch_one(&app.state.db)
        .await
        .unwrap();
    assert_eq!(left, 0);
}

#[tokio::test]
async fn a_message_claimed_by_a_process_that_died_is_sent_once_the_claim_lapses() {
    let (address, received) = relay().await;
    let app = TestApp::spawn_with(|c| c.smtp_relay = Some(address.clone())).await;
    app.register_resident("Dora Departed").await;
    let claim_until = |until: chrono::DateTime<chrono::Utc>| {
        server::db::query("UPDATE outbox SET claim = 'a process that died', claimed_until = ?")
            .bind(server::clock::timestamp(until))
    };
    // Claimed by another process, which then died: nobody else sends it yet.
    claim_until(chrono::Utc::now() + chrono::Duration::minutes(20))
        .execute(&app.state.db)
        .await
        .unwrap();
    assert_eq!(
        server::outbox::deliver_pending(&app.state).await.unwrap(),
        0
    );
    assert!(received.lock().unwrap().is_empty());
    // Its lease runs out (in real time, whatever the test clock says).
    claim_until(chrono::Utc::now() - chrono::Duration::seconds(1))
        .execute(&app.state.db)
        .await
        .unwrap();
    assert_eq!(
        server::outbox::deliver_pending(&app.state).await.unwrap(),
        1
    );
    for _ in 0..50 {
        if !received.lock().unwrap().is_empty() {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert_eq!(received.lock().unwrap().len(), 1);
    assert_eq!(
        server::outbox::deliver_pending(&app.state).await.unwrap(),
        0
    );
}
