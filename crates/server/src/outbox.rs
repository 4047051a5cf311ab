//! Messages to residents: written to the `outbox` table in the same transaction
//! as the change they tell of, then delivered by a sender, or shown to staff.
//!
//! No delivery service (email, SMS, post) is configured yet, so the sender
//! logs each new message once and leaves it undelivered (`sent_at` NULL, with
//! the reason in `last_error`): staff see it in `GET /api/v1/outbox` and can
//! send it by hand. Nothing is marked sent that was not.

use std::time::Duration;

pub mod store;

use chrono::{DateTime, Utc};
use domain::api::account::{ContactChannel, LetterFormat, OutboxMessage};
use domain::api::cases::{CaseMessage, Delivery};
use serde::Deserialize;
use sqlx::AnyConnection;

use crate::AppState;
use store::NewMessage;

/// The kinds of message an unproved address may be sent (`outbox.purpose`),
/// and whose links staff do not see. `verification::PURPOSE` and
/// `account_security::RESET_PURPOSE` name the same values (a test holds them
/// together) until those modules read them from here.
pub mod purpose {
    pub const VERIFICATION: &str = "verification";
    pub const PASSWORD_RESET: &str = "password_reset";
}

/// How often the sender looks for new messages.
pub const SEND_INTERVAL: Duration = Duration::from_secs(5);

/// What `last_error` says while there is no way to deliver.
pub const NOT_DELIVERED: &str = "Not sent: no email, text message or post service is configured";

/// Queues a message for an account, by the channel its preferences choose
/// (email unless set otherwise). Call it with the transaction that makes the
/// change the message tells of (`&mut *tx`), so both happen or neither.
///
/// Fails with `RowNotFound` when there is no such account.
pub async fn enqueue(
    conn: &mut AnyConnection,
    at: DateTime<Utc>,
    user_id: i64,
    case_id: Option<i64>,
    subject: &str,
    body: &str,
) -> Result<(), sqlx::Error> {
    let (email, name, document) = store::account_contact(conn, user_id).await?;
    let mut preferences = document
        .map(|d| crate::preferences::parse(&d, user_id))
        .unwrap_or_default();
    // The channel chosen for the case comes first: a resident who asked to
    // be texted about this complaint is texted about it.
    if let Some(case_id) = case_id {
        let details = store::case_details(conn, case_id).await?;
        let chosen = details
            .and_then(|d| serde_json::from_str::<CaseContact>(&d).ok())
            .and_then(|d| d.contact_channel.map(|c| (c, d.contact_phone)));
        if let Some((channel, phone)) = chosen {
            preferences.contact_channel = channel;
            if phone.is_some() {
                preferences.phone = phone;
            }
        }
    }
    let (channel, recipient) = match (preferences.contact_channel, preferences.phone) {
        (channel @ (ContactChannel::Phone | ContactChannel::TextMessage), Some(phone)) => {
            (channel, phone)
        }
        (ContactChannel::Letter, _) => {
            let recipient = match preferences.letter_format {
                LetterFormat::Standard => name,
                LetterFormat::AnotherLanguage => format!(
                    "{name} (letter in {})",
                    preferences
                        .letter_language
                        .as_deref()
                        .unwrap_or("another language")
                ),
                format => format!("{name} ({})", format.label()),
            };
            (ContactChannel::Letter, recipient)
        }
        _ => (ContactChannel::Email, email),
    };
    store::insert(
        conn,
        &NewMessage {
            user_id: Some(user_id),
            case_id,
            channel: channel.as_str(),
            recipient: &recipient,
            subject,
            body,
            at,
            purpose: None,
        },
    )
    .await
}

/// The two fields of a case's stored details (`cases::StoredDetails`) that
/// choose how the resident is told about it.
#[derive(Deserialize)]
struct CaseContact {
    #[serde(default)]
    contact_channel: Option<ContactChannel>,
    #[serde(default)]
    contact_phone: Option<String>,
}

/// Queues a message for someone with no account (a resident an advocate
/// acts for): by email, or a letter to `recipient`'s address.
pub async fn enqueue_without_account(
    conn: &mut AnyConnection,
    at: DateTime<Utc>,
    case_id: Option<i64>,
    channel: ContactChannel,
    recipient: &str,
    subject: &str,
    body: &str,
) -> Result<(), sqlx::Error> {
    store::insert(
        conn,
        &NewMessage {
            user_id: None,
            case_id,
            channel: channel.as_str(),
            recipient,
            subject,
            body,
            at,
            purpose: None,
        },
    )
    .await
}

/// Queues an email to an account at this address, whatever its
/// preferences say (a link to prove the address goes to that address).
/// `purpose` marks the one kind an unproved address may be sent.
pub async fn enqueue_email(
    conn: &mut AnyConnection,
    at: DateTime<Utc>,
    user_id: i64,
    email: &str,
    subject: &str,
    body: &str,
    purpose: Option<&str>,
) -> Result<(), sqlx::Error> {
    store::insert(
        conn,
        &NewMessage {
            user_id: Some(user_id),
            case_id: None,
            channel: ContactChannel::Email.as_str(),
            recipient: email,
            subject,
            body,
            at,
            purpose,
        },
    )
    .await
}

/// Starts the sender: every few seconds it takes the messages not yet seen.
pub fn spawn_sender(state: AppState) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let mut interval = tokio::time::interval(SEND_INTERVAL);
        interval.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            interval.tick().await;
            if let Err(error) = deliver_pending(&state).await {
                tracing::warn!(%error, "the outbox sender could not read the outbox");
            }
        }
    })
}

/// How long a sender holds the messages it claimed: longer than sending 100
/// of them can take (each SMTP conversation times out after 15 seconds),
/// short enough that a process that died does not hold them long.
pub const CLAIM_LEASE: chrono::Duration = chrono::Duration::minutes(30);

/// How many times an email is tried before it is left for staff.
pub const MAX_ATTEMPTS: i64 = 5;

/// One round of the sender. Email goes to the SMTP relay when one is
/// configured, and is retried up to [`MAX_ATTEMPTS`] times; anything else (and
/// email with no relay) is logged once and left unsent for staff to see.
/// Returns how many messages it took.
pub async fn deliver_pending(state: &AppState) -> Result<usize, sqlx::Error> {
    let relay = state.config.smtp_relay.clone();
    // Email to an address not yet proved waits, unless it is the link
    // that proves it, or a link to reset the password (which proves it
    // too) (issue 13): it goes once the address is proved.
    let max_attempts = if relay.is_some() { MAX_ATTEMPTS } else { 0 };
    // Leases are in real time, not the clock tests and `--now` move: they
    // are about processes, not cases.
    let now = Utc::now();
    // Unguessable and unique, like every public id: one round's claim.
    let claim = crate::ids::new_public_id();
    let pending =
        store::claim_pending(&state.db, max_attempts, &claim, now, now + CLAIM_LEASE).await?;
    for (id, channel, recipient, subject, body, _) in &pending {
        let outcome = match (&relay, channel.as_str()) {
            (Some(relay), "email") => {
                let email = crate::smtp::Email {
                    from: &state.config.mail_from,
                    to: recipient,
                    subject,
                    body,
                };
                let date = state.clock.now().to_rfc2822();
                crate::smtp::send(relay, &email, &date).await
            }
            _ => Err(crate::smtp::SendError {
                detail: NOT_DELIVERED.to_owned(),
                summary: NOT_DELIVERED.to_owned(),
            }),
        };
        match outcome {
            Ok(()) => {
                tracing::info!(id, %channel, "message sent");
                store::mark_sent(&state.db, *id, state.clock.now()).await?;
            }
            Err(error) => {
                // Ids and the channel only: the recipient, the subject (which
                // can hold names) and the body are personal data, and so may
                // be the relay's answer (it often quotes the address).
                tracing::info!(id, %channel, reason = %error.summary, "message not sent; staff can see it in the outbox");
                store::mark_not_sent(&state.db, *id, &error.detail).await?;
            }
        }
    }
    Ok(pending.len())
}

/// How many messages are still to be sent, and how many the sender gave up
/// on (for the metrics).
pub async fn depth(db: &sqlx::AnyPool) -> Result<(i64, i64), sqlx::Error> {
    store::depth(db, MAX_ATTEMPTS).await
}

/// The messages about one case, oldest first, with whether each reached the
/// resident: for the staff's view of the case.
pub async fn case_messages(
    conn: &mut AnyConnection,
    case_id: i64,
    email_relay: bool,
) -> Result<Vec<CaseMessage>, sqlx::Error> {
    let rows = store::for_case(conn, case_id).await?;
    let parse = |s: &str| {
        DateTime::parse_from_rfc3339(s)
            .ok()
            .map(|d| d.with_timezone(&Utc))
    };
    Ok(rows
        .into_iter()
        .map(
            |(channel, recipient, subject, body, created_at, sent_at, attempts)| {
                let channel = ContactChannel::parse(&channel).unwrap_or(ContactChannel::Email);
                let delivery = match (&sent_at, attempts) {
                    (Some(_), _) => Delivery::Sent,
                    (None, 0) => Delivery::Queued,
                    (None, n)
                        if channel == ContactChannel::Email && email_relay && n < MAX_ATTEMPTS =>
                    {
                        Delivery::Retrying
                    }
                    (None, _) => Delivery::StaffToSend,
                };
                CaseMessage {
                    channel,
                    recipient,
                    subject,
                    body,
                    created_at: parse(&created_at).unwrap_or_default(),
                    sent_at: sent_at.as_deref().and_then(parse),
                    delivery,
                }
            },
        )
        .collect())
}

/// What staff read of a message: a link that proves an address, or resets
/// a password, is the owner's alone (whoever opens it proves the address or
/// takes the account), so staff see that one was sent, not the link.
fn shown_to_staff(body: String, purpose: Option<&str>) -> String {
    let hidden = match purpose {
        Some(purpose::VERIFICATION) => "[the link to confirm the address, shown only to its owner]",
        Some(purpose::PASSWORD_RESET) => {
            "[the link to reset the password, shown only to its owner]"
        }
        _ => return body,
    };
    body.split('\n')
        .map(|line| {
            if line.contains("/verify-email#") || line.contains("/reset-password#") {
                hidden
            } else {
                line
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Staff and admins: a page of the messages, newest first (see
/// [`crate::page`]), with the links only their owners may see hidden; and
/// the cursor of the next page when there is one.
#[tracing::instrument(skip_all)]
pub async fn latest(
    conn: &mut AnyConnection,
    viewer: store::Reader,
    page: &crate::page::Page,
) -> Result<(Vec<OutboxMessage>, Option<String>), crate::error::ApiError> {
    let after = match page.after_keys(2)? {
        None => None,
        Some([created_at, id]) => Some((
            created_at.as_str(),
            id.parse::<i64>().map_err(|_| {
                crate::error::ApiError::BadRequest(vec![crate::error::FieldError::new(
                    "after",
                    crate::page::CURSOR_NOT_VALID,
                )])
            })?,
        )),
        Some(_) => None,
    };
    let rows = store::latest(conn, viewer, after, page.fetch()).await?;
    let (rows, next) = page.cut(rows, |r| vec![r.created_at.clone(), r.id.to_string()]);
    let messages = rows
        .into_iter()
        .map(|r| OutboxMessage {
            id: r.id,
            user_id: r.user_public_id,
            case_id: r.case_public_id,
            channel: r.channel,
            recipient: r.recipient,
            subject: r.subject,
            body: shown_to_staff(r.body, r.purpose.as_deref()),
            created_at: r.created_at,
            sent_at: r.sent_at,
            attempts: r.attempts,
            last_error: r.last_error,
        })
        .collect();
    Ok((messages, next))
}

/// Every message to an address, newest first, as it was written (links
/// included): the end-to-end tests' mailbox, behind `--allow-clock-changes`.
pub async fn written_to(
    conn: &mut AnyConnection,
    recipient: &str,
) -> Result<Vec<(String, String)>, sqlx::Error> {
    store::written_to(conn, recipient).await
}
