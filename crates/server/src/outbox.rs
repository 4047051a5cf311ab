//! Messages to residents: written to the `outbox` table in the same transaction
//! as the change they tell of, then delivered by a sender, or left for staff.
//!
//! The outbox is a working queue (issue 17, item 4). Email goes through GOV.UK
//! Notify (with an email template) or the SMTP relay, text messages through
//! Notify, and letters in standard or large print through Notify as
//! precompiled PDF letters (with `--notify-letters`; item 3) when the
//! resident's postal address is held; a try that fails is made again after a
//! longer wait each time ([`retry_after`]), up to [`MAX_ATTEMPTS`]. A message
//! that no service can send (a call, a letter with no service or no postal
//! address, a format a person makes, a channel with no service configured)
//! or that a service refused or failed every time waits for staff (`given_up_at`, why in `needs_staff`): they see it on their list
//! of messages to send and on the case, send it by hand and say so, or have it
//! tried again. Everything that happens to a message is kept for its history.
//! Nothing is marked sent that was not.

use std::time::Duration;

pub mod languages;
pub mod store;

use chrono::{DateTime, Utc};
use domain::api::account::{ContactChannel, LetterFormat, OutboxMessage};
use domain::api::cases::{
    CaseMessage, Delivery, MessageEvent, MessageEventKind, NeedsStaff, SentVia,
};
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

/// How many times a service is tried before the message is left for staff.
pub const MAX_ATTEMPTS: i64 = 5;

/// The wait after the `failures`-th failed try: 1, 4, 16 and 64 minutes.
pub fn retry_after(failures: i64) -> chrono::Duration {
    let exponent = u32::try_from(failures.clamp(1, 5) - 1).unwrap_or(0);
    chrono::Duration::minutes(4_i64.pow(exponent))
}

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
    let address = crate::preferences::postal_address(conn, user_id).await?;
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
        (ContactChannel::Phone, Some(phone)) if preferences.interpreter => {
            let language = preferences
                .interpreter_language
                .as_deref()
                .unwrap_or("their language");
            (
                ContactChannel::Phone,
                format!("{phone} (with an interpreter: {language})"),
            )
        }
        (channel @ (ContactChannel::Phone | ContactChannel::TextMessage), Some(phone)) => {
            (channel, phone)
        }
        (ContactChannel::Letter, _) => {
            let recipient = match preferences.letter_format {
                LetterFormat::Standard => name.clone(),
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
    let letter_format = (channel == ContactChannel::Letter).then(|| {
        serde_json::to_value(preferences.letter_format)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default()
    });
    // A letter's address block: the name, then the address held.
    let address_block = (channel == ContactChannel::Letter).then(|| {
        let mut lines = vec![name.clone()];
        lines.extend(address.iter().flat_map(|a| a.lines()));
        lines
    });
    let needs_staff = match channel {
        ContactChannel::Letter => match preferences.letter_format {
            // Printed as it stands: by a service when the address is known
            // (the sender decides, by what is configured), else by staff.
            LetterFormat::Standard | LetterFormat::LargePrint => address_block
                .as_deref()
                .filter(|lines| postable(lines))
                .is_none()
                .then_some(NeedsStaff::NoAddress),
            _ => Some(NeedsStaff::Format),
        },
        _ => needs_staff(channel),
    };
    // In English, offering it in their language when they read another.
    let body = languages::for_reader(
        body,
        &preferences.language,
        channel == ContactChannel::Letter,
    );
    store::insert(
        conn,
        &NewMessage {
            user_id: Some(user_id),
            case_id,
            channel: channel.as_str(),
            recipient: &recipient,
            subject,
            body: &body,
            at,
            purpose: None,
            needs_staff: needs_staff.map(wire),
            letter_format: letter_format.as_deref(),
            address_block: address_block.map(|lines| lines.join("\n")).as_deref(),
        },
    )
    .await
}

/// Whether a message by `channel` goes straight to staff: a call is made
/// by a person. (A letter waits for the sender, which knows whether a
/// service posts letters, unless no address is held: see [`postable`].)
fn needs_staff(channel: ContactChannel) -> Option<NeedsStaff> {
    match channel {
        ContactChannel::Phone => Some(NeedsStaff::Call),
        ContactChannel::Letter | ContactChannel::Email | ContactChannel::TextMessage => None,
    }
}

/// Whether an address block (the name first) is one GOV.UK Notify can post
/// to: 3 to 7 lines (the name and at least two of address), the last a UK
/// postcode (Notify's rule for a precompiled letter's address).
pub fn postable(lines: &[String]) -> bool {
    (3..=crate::letters::ADDRESS_MAX_LINES).contains(&lines.len())
        && lines
            .last()
            .is_some_and(|l| domain::validation::postal::is_uk_postcode(l))
}

/// An address block from a name and an address typed as free text (staff
/// filing for someone without an account, an advocate naming a resident):
/// a line of the block for each line of the text, and a postcode written at
/// the end of the last line ("Leeds LS1 1AA") put on a line of its own, as
/// Notify wants it.
pub fn address_block(name: &str, address: Option<&str>) -> Vec<String> {
    let mut lines = vec![name.trim().to_owned()];
    lines.extend(
        address
            .unwrap_or_default()
            .lines()
            .map(|l| l.trim().trim_end_matches(',').trim().to_owned())
            .filter(|l| !l.is_empty()),
    );
    if let Some(last) = lines.last().cloned() {
        let words: Vec<&str> = last.split_whitespace().collect();
        let split = (words.len() > 2)
            .then(|| words[words.len() - 2..].join(" "))
            .filter(|tail| domain::validation::postal::is_uk_postcode(tail));
        if let (Some(postcode), false) = (split, lines.len() == 1) {
            let town = words[..words.len() - 2].join(" ");
            lines.pop();
            lines.push(town.trim_end_matches(',').to_owned());
            lines.push(domain::validation::postal::normalise_postcode(&postcode));
        }
    }
    lines
}

/// The wire (and column) name of a reason to wait for staff.
fn wire(reason: NeedsStaff) -> &'static str {
    match reason {
        NeedsStaff::NoService => "no_service",
        NeedsStaff::Call => "call",
        NeedsStaff::Post => "post",
        NeedsStaff::NoAddress => "no_address",
        NeedsStaff::Format => "format",
        NeedsStaff::Failed => "failed",
    }
}

fn parse_needs_staff(value: &str) -> Option<NeedsStaff> {
    serde_json::from_value(serde_json::Value::String(value.to_owned())).ok()
}

fn parse_sent_via(value: &str) -> Option<SentVia> {
    serde_json::from_value(serde_json::Value::String(value.to_owned())).ok()
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
/// acts for, or whose complaint staff raised): by email to `recipient`, or
/// a letter to `recipient` (their name and address, as staff read it) at
/// `address_block` (see [`address_block`]).
#[allow(clippy::too_many_arguments)]
pub async fn enqueue_without_account(
    conn: &mut AnyConnection,
    at: DateTime<Utc>,
    case_id: Option<i64>,
    channel: ContactChannel,
    recipient: &str,
    address_block: Option<&[String]>,
    subject: &str,
    body: &str,
) -> Result<(), sqlx::Error> {
    let letter = channel == ContactChannel::Letter;
    let needs_staff = if letter {
        (!address_block.is_some_and(postable)).then_some(NeedsStaff::NoAddress)
    } else {
        needs_staff(channel)
    };
    let block = address_block
        .filter(|_| letter)
        .map(|lines| lines.join("\n"));
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
            needs_staff: needs_staff.map(wire),
            letter_format: letter.then_some("standard"),
            address_block: block.as_deref(),
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
            needs_staff: None,
            letter_format: None,
            address_block: None,
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
            if let Err(error) = check_deliveries(&state).await {
                tracing::warn!(%error, "the outbox sender could not ask what was delivered");
            }
        }
    })
}

/// How long a sender holds the messages it claimed: longer than sending 100
/// of them can take (each SMTP conversation and Notify request times out
/// after 15 seconds), short enough that a process that died does not hold
/// them long.
pub const CLAIM_LEASE: chrono::Duration = chrono::Duration::minutes(30);

/// What became of one try.
enum Outcome {
    Sent(SentVia, Option<String>),
    TryAgain(String),
    Staff(NeedsStaff, Option<String>),
}

/// Sends one message by its channel's service, if one is configured.
async fn send_one(
    state: &AppState,
    channel: &str,
    recipient: &str,
    subject: &str,
    body: &str,
    id: i64,
) -> Outcome {
    // No personal data in the reference Notify keeps.
    let reference = format!("outbox-{id}");
    let notify = state.notify.as_deref();
    let from_notify = |result: Result<String, crate::notify::Failure>| match result {
        Ok(provider_id) => Outcome::Sent(SentVia::Notify, Some(provider_id)),
        Err(crate::notify::Failure::Retry(detail)) => Outcome::TryAgain(detail),
        Err(crate::notify::Failure::GiveUp(detail)) => {
            Outcome::Staff(NeedsStaff::Failed, Some(detail))
        }
    };
    match channel {
        "email" => match (notify.filter(|n| n.sends_email()), &state.config.smtp_relay) {
            (Some(notify), _) => {
                from_notify(notify.email(recipient, subject, body, &reference).await)
            }
            (None, Some(relay)) => {
                let email = crate::smtp::Email {
                    from: &state.config.mail_from,
                    to: recipient,
                    subject,
                    body,
                };
                let date = state.clock.now().to_rfc2822();
                match crate::smtp::send(relay, &email, &date).await {
                    Ok(()) => Outcome::Sent(SentVia::Smtp, None),
                    Err(error) => Outcome::TryAgain(error.detail),
                }
            }
            (None, None) => Outcome::Staff(NeedsStaff::NoService, None),
        },
        "text_message" => match notify.filter(|n| n.sends_text_messages()) {
            // A text message has no subject line: the subject (which names
            // the case by its reference) comes first in the message.
            Some(notify) => {
                let text = format!("{subject}\n\n{body}");
                from_notify(notify.text_message(recipient, &text, &reference).await)
            }
            None => Outcome::Staff(NeedsStaff::NoService, None),
        },
        "phone" => Outcome::Staff(NeedsStaff::Call, None),
        _ => match notify.filter(|n| n.sends_letters()) {
            Some(notify) => match send_letter(state, id).await {
                Ok(Ok(pdf)) => from_notify(notify.letter(&pdf, &reference).await),
                Ok(Err(outcome)) => outcome,
                Err(error) => {
                    tracing::warn!(id, %error, "the letter could not be read to send it");
                    Outcome::TryAgain("The letter could not be read to send it".into())
                }
            },
            None => Outcome::Staff(NeedsStaff::Post, None),
        },
    }
}

/// Shown to staff when a letter cannot go by post through a service.
pub const NO_ADDRESS: &str = "No postal address that GOV.UK Notify can post to is held \
     (it needs the name, at least two lines of address and a UK postcode on the last line). \
     Find the address, then print and post the letter, or try again once the resident has \
     added it in their settings.";

/// A letter's PDF to send through a service; or, when it has no address a
/// service can post to, what to do instead. A letter to an account that had
/// no address when it was written takes the one the account holds now (so
/// "try again" sends it once the resident has added it).
async fn send_letter(state: &AppState, id: i64) -> Result<Result<Vec<u8>, Outcome>, sqlx::Error> {
    let mut conn = state.db.acquire().await?;
    let Some(mut row) = store::letter(&mut conn, id).await? else {
        return Ok(Err(Outcome::Staff(NeedsStaff::NoAddress, None)));
    };
    let mut lines = block_lines(row.address_block.as_deref());
    if !postable(&lines) {
        if let Some(user_id) = row.user_id {
            if let Some(address) = crate::preferences::postal_address(&mut conn, user_id).await? {
                let name = lines
                    .first()
                    .cloned()
                    .or_else(|| row.name.clone())
                    .unwrap_or_default();
                lines = std::iter::once(name).chain(address.lines()).collect();
                store::set_address_block(&mut conn, id, &lines.join("\n")).await?;
                row.address_block = Some(lines.join("\n"));
            }
        }
    }
    if !postable(&lines) {
        return Ok(Err(Outcome::Staff(
            NeedsStaff::NoAddress,
            Some(NO_ADDRESS.to_owned()),
        )));
    }
    let (pdf, pages) = letter_pdf(state, &row);
    if pages > NOTIFY_LETTER_MAX_PAGES {
        return Ok(Err(Outcome::Staff(
            NeedsStaff::Post,
            Some(format!(
                "The letter is {pages} pages long, and GOV.UK Notify prints no more than \
                 {NOTIFY_LETTER_MAX_PAGES}: print and post it."
            )),
        )));
    }
    Ok(Ok(pdf))
}

/// The most pages GOV.UK Notify prints in one letter (its letter
/// specification; `LETTER_MAX_PAGE_COUNT` in notifications-utils).
pub const NOTIFY_LETTER_MAX_PAGES: usize = 10;

/// The lines of a stored address block.
fn block_lines(block: Option<&str>) -> Vec<String> {
    block
        .unwrap_or_default()
        .lines()
        .map(str::to_owned)
        .filter(|l| !l.trim().is_empty())
        .collect()
}

/// One round of the sender: each message due a try goes to its channel's
/// service; a failure is tried again later, up to [`MAX_ATTEMPTS`] times;
/// what no service can send, or a service refused, waits for staff.
/// Returns how many messages it took.
pub async fn deliver_pending(state: &AppState) -> Result<usize, sqlx::Error> {
    // Leases and waits are in real time, not the clock tests and `--now`
    // move: they are about processes and services, not cases.
    let now = Utc::now();
    // Unguessable and unique, like every public id: one round's claim.
    let claim = crate::ids::new_public_id();
    let pending = store::claim_pending(&state.db, &claim, now, now + CLAIM_LEASE).await?;
    for (id, channel, recipient, subject, body, attempts) in &pending {
        let outcome = send_one(state, channel, recipient, subject, body, *id).await;
        let at = state.clock.now();
        let mut conn = state.db.acquire().await?;
        match outcome {
            Outcome::Sent(via, provider_id) => {
                tracing::info!(id, %channel, "message sent");
                store::mark_sent(&mut conn, *id, at, sent_via(via), provider_id.as_deref()).await?;
            }
            // Ids and the channel only: the recipient, the subject (which can
            // hold names) and the body are personal data, and so may be the
            // service's answer (it often quotes the address).
            Outcome::TryAgain(detail) if attempts + 1 < MAX_ATTEMPTS => {
                tracing::info!(id, %channel, attempt = attempts + 1, "message not sent; tried again later");
                let next = Utc::now() + retry_after(attempts + 1);
                store::mark_failed(&mut conn, *id, at, &detail, next).await?;
            }
            Outcome::TryAgain(detail) => {
                tracing::warn!(id, %channel, "message not sent after every try; it waits for staff");
                store::give_up(
                    &mut conn,
                    *id,
                    at,
                    wire(NeedsStaff::Failed),
                    Some(&detail),
                    true,
                )
                .await?;
            }
            Outcome::Staff(reason, detail) => {
                tracing::info!(id, %channel, reason = wire(reason), "message waits for staff");
                let tried = reason == NeedsStaff::Failed;
                store::give_up(&mut conn, *id, at, wire(reason), detail.as_deref(), tried).await?;
            }
        }
    }
    Ok(pending.len())
}

/// How long GOV.UK Notify answers for a message: it keeps a message's
/// status for 7 days.
pub const DELIVERY_KNOWN_FOR: chrono::Duration = chrono::Duration::days(7);
/// How often a message on its way is asked about.
pub const DELIVERY_ASKED_EVERY: chrono::Duration = chrono::Duration::minutes(5);

/// Asks GOV.UK Notify what became of the messages it took and has not said
/// arrived (issue 17): one that arrived says so in its history; one it could
/// not deliver is no longer sent, and waits for staff with why, as one it
/// refused would. On the server's clock, like when messages are sent.
/// Answers how many were asked about.
pub async fn check_deliveries(state: &AppState) -> Result<usize, sqlx::Error> {
    let Some(notify) = &state.notify else {
        return Ok(0);
    };
    let now = state.clock.now();
    let mut conn = state.db.acquire().await?;
    let due = store::to_check(
        &mut conn,
        now - DELIVERY_KNOWN_FOR,
        now - DELIVERY_ASKED_EVERY,
    )
    .await?;
    drop(conn);
    for (id, provider_id) in &due {
        let status = match notify.status(provider_id).await {
            Ok(status) => status,
            Err(failure) => {
                // Asked again later; the message stays as it is.
                tracing::info!(id, detail = failure.detail(), "delivery status not known");
                continue;
            }
        };
        let at = state.clock.now();
        let mut conn = state.db.acquire().await?;
        match crate::notify::Delivered::from_status(&status) {
            crate::notify::Delivered::Yes => {
                store::set_delivery(&mut conn, *id, at, &status, true).await?;
            }
            crate::notify::Delivered::NotYet => {
                store::set_delivery(&mut conn, *id, at, &status, false).await?;
            }
            crate::notify::Delivered::No(why) => {
                let detail = format!("GOV.UK Notify could not deliver it ({status}): {why}");
                if store::not_delivered(&mut conn, *id, at, &status, &detail).await? {
                    tracing::warn!(id, %status, "message not delivered; it waits for staff");
                }
            }
        }
    }
    Ok(due.len())
}

fn sent_via(via: SentVia) -> &'static str {
    match via {
        SentVia::Smtp => "smtp",
        SentVia::Notify => "notify",
        SentVia::Staff => "staff",
    }
}

/// For each of these cases that has any, how many of its messages wait for
/// staff to send: (case row id, count).
pub async fn waiting_by_case(
    conn: &mut AnyConnection,
    case_ids: &[i64],
) -> Result<Vec<(i64, i64)>, sqlx::Error> {
    store::waiting_by_case(conn, case_ids).await
}

/// How many messages are still to be sent by a service, and how many wait
/// for staff (for the metrics).
pub async fn depth(db: &sqlx::AnyPool) -> Result<(i64, i64), sqlx::Error> {
    store::depth(db).await
}

fn parse_time(s: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(s)
        .ok()
        .map(|d| d.with_timezone(&Utc))
}

/// Where a message stands.
fn delivery(sent: bool, given_up: bool, attempts: i64) -> Delivery {
    match (sent, given_up, attempts) {
        (true, _, _) => Delivery::Sent,
        (false, true, _) => Delivery::StaffToSend,
        (false, false, 0) => Delivery::Queued,
        (false, false, _) => Delivery::Retrying,
    }
}

/// A page of the messages about one case (see [`crate::page`]), oldest
/// first, each with where it stands and what happened to it: for the staff's
/// view of the case; and the cursor of the next page when there is one.
pub async fn case_messages(
    conn: &mut AnyConnection,
    case_id: i64,
    page: &crate::page::Page,
) -> Result<(Vec<CaseMessage>, Option<String>), crate::error::ApiError> {
    let after = match page.after_keys(2)? {
        Some([created_at, id]) => Some((
            created_at.clone(),
            id.parse::<i64>().map_err(|_| {
                crate::error::ApiError::BadRequest(vec![crate::error::FieldError::new(
                    "after",
                    crate::page::CURSOR_NOT_VALID,
                )])
            })?,
        )),
        _ => None,
    };
    let rows = store::for_case(
        conn,
        case_id,
        after.as_ref().map(|(c, i)| (c.as_str(), *i)),
        page.fetch(),
    )
    .await?;
    let (rows, next) = page.cut(rows, |r| vec![r.created_at.clone(), r.id.to_string()]);
    let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
    let events = store::events_for(conn, &ids).await?;
    let messages = rows
        .into_iter()
        .map(|row| {
            let history = events
                .iter()
                .filter(|(outbox_id, ..)| *outbox_id == row.id)
                .filter_map(|(_, at, kind, detail, by)| {
                    let kind: MessageEventKind =
                        serde_json::from_value(serde_json::Value::String(kind.clone())).ok()?;
                    Some(MessageEvent {
                        at: parse_time(at)?,
                        kind,
                        // "sent" keeps the service's name: `sent_by` says it.
                        detail: detail.clone().filter(|_| kind != MessageEventKind::Sent),
                        by: by.clone(),
                    })
                })
                .collect();
            CaseMessage {
                id: row.id,
                channel: ContactChannel::parse(&row.channel).unwrap_or(ContactChannel::Email),
                delivery: delivery(
                    row.sent_at.is_some(),
                    row.given_up_at.is_some(),
                    row.attempts,
                ),
                needs_staff: row.needs_staff.as_deref().and_then(parse_needs_staff),
                sent_by: row.sent_by.as_deref().and_then(parse_sent_via),
                recipient: row.recipient,
                subject: row.subject,
                body: row.body,
                created_at: parse_time(&row.created_at).unwrap_or_default(),
                sent_at: row.sent_at.as_deref().and_then(parse_time),
                history,
            }
        })
        .collect();
    Ok((messages, next))
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
    which: store::Which,
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
    let rows = store::latest(conn, viewer, which, after, page.fetch()).await?;
    let (rows, next) = page.cut(rows, |r| vec![r.created_at.clone(), r.id.to_string()]);
    Ok((rows.into_iter().map(as_staff_read_it).collect(), next))
}

/// A message as staff read it.
fn as_staff_read_it(r: store::OutboxRow) -> OutboxMessage {
    OutboxMessage {
        id: r.id,
        user_id: r.user_public_id,
        case_id: r.case_public_id,
        case_reference: r.case_reference,
        delivery: delivery(r.sent_at.is_some(), r.given_up_at.is_some(), r.attempts),
        needs_staff: r.needs_staff.as_deref().and_then(parse_needs_staff),
        sent_by: r.sent_by.as_deref().and_then(parse_sent_via),
        channel: r.channel,
        recipient: r.recipient,
        subject: r.subject,
        body: shown_to_staff(r.body, r.purpose.as_deref()),
        created_at: r.created_at,
        sent_at: r.sent_at,
        attempts: r.attempts,
        last_error: r.last_error,
    }
}

/// What a member of staff does about a message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StaffDoes {
    /// They sent it by hand (called, texted, posted, emailed) and say so.
    SentByHand,
    /// Its service tries it again, from the start.
    TryAgain,
}

/// Shown when a message staff act on was sent already.
pub const ALREADY_SENT: &str = "This message has been sent already";

/// A member of staff acts on a message they may see: 404 for one they may
/// not (a confidential case's, outside the complaints team) or that does not
/// exist, 409 for one sent already. The message as it now stands.
pub async fn staff_does(
    state: &AppState,
    viewer: store::Reader,
    id: i64,
    does: StaffDoes,
) -> Result<OutboxMessage, crate::error::ApiError> {
    use crate::error::ApiError;
    let mut tx = crate::db::begin_write(&state.db).await?;
    store::one(&mut tx, viewer, id)
        .await?
        .ok_or(ApiError::NotFound)?;
    let at = state.clock.now();
    let done = match does {
        StaffDoes::SentByHand => store::mark_sent_by_hand(&mut tx, id, at, viewer.account).await?,
        StaffDoes::TryAgain => store::queue_again(&mut tx, id, at, viewer.account).await?,
    };
    if !done {
        return Err(ApiError::Conflict(vec![crate::error::FieldError::new(
            "id",
            ALREADY_SENT,
        )]));
    }
    let row = store::one(&mut tx, viewer, id)
        .await?
        .ok_or(ApiError::NotFound)?;
    tx.commit().await?;
    Ok(as_staff_read_it(row))
}

/// A letter as a PDF to print and post, in the format the resident asked
/// for (see [`crate::letters`]), and a name for its file: 404 for a message
/// `viewer` may not see, or one that is not a letter.
pub async fn letter(
    state: &AppState,
    viewer: store::Reader,
    id: i64,
) -> Result<(String, Vec<u8>), crate::error::ApiError> {
    use crate::error::ApiError;
    let mut conn = state.db.acquire().await?;
    let seen = store::one(&mut conn, viewer, id)
        .await?
        .ok_or(ApiError::NotFound)?;
    if seen.channel != ContactChannel::Letter.as_str() {
        return Err(ApiError::NotFound);
    }
    let row = store::letter(&mut conn, id)
        .await?
        .ok_or(ApiError::NotFound)?;
    let (pdf, _) = letter_pdf(state, &row);
    let name = match &row.case_reference {
        Some(reference) => format!("letter-{reference}-{id}.pdf"),
        None => format!("letter-{id}.pdf"),
    };
    Ok((name, pdf))
}

/// A letter's PDF: the landlord's details from the policy, the address
/// block the letter was written to (for a letter written before address
/// blocks were kept, the recipient's name alone: staff add the address),
/// the date it was written, its subject and message.
fn letter_pdf(state: &AppState, row: &store::LetterRow) -> (Vec<u8>, usize) {
    let format = row
        .letter_format
        .as_deref()
        .and_then(|f| {
            serde_json::from_value::<LetterFormat>(serde_json::Value::String(f.to_owned())).ok()
        })
        .unwrap_or(LetterFormat::Standard);
    let policy = state.policy.effective();
    let mut landlord_contact: Vec<String> = policy
        .contact
        .post
        .as_deref()
        .map(|post| {
            post.lines()
                .map(|l| l.trim().to_owned())
                .filter(|l| !l.is_empty())
                .collect()
        })
        .unwrap_or_default();
    if let Some(telephone) = &policy.contact.telephone {
        landlord_contact.push(format!("Telephone: {telephone}"));
    }
    if let Some(email) = &policy.contact.email {
        landlord_contact.push(format!("Email: {email}"));
    }
    let to = match block_lines(row.address_block.as_deref()) {
        lines if !lines.is_empty() => lines,
        _ => vec![row.name.clone().unwrap_or_else(|| row.recipient.clone())],
    };
    let created = parse_time(&row.created_at).unwrap_or_default();
    let body = shown_to_staff(row.body.clone(), row.purpose.as_deref());
    let letter = crate::letters::Letter {
        landlord: &policy.landlord,
        landlord_contact,
        to,
        date: domain::calendar::uk_date(created),
        subject: &row.subject,
        body: &body,
        large_print: format == LetterFormat::LargePrint,
    };
    letter.pdf_and_pages()
}

/// Every message to an address, newest first, as it was written (links
/// included): the end-to-end tests' mailbox, behind `--allow-clock-changes`.
pub async fn written_to(
    conn: &mut AnyConnection,
    recipient: &str,
) -> Result<Vec<(String, String)>, sqlx::Error> {
    store::written_to(conn, recipient).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_address_typed_as_text_becomes_a_block_notify_can_post_to() {
        let block = address_block(" Pat Nocount ", Some("1 High Street,\n\nLeeds ls1 1aa\n"));
        assert_eq!(block, ["Pat Nocount", "1 High Street", "Leeds", "LS1 1AA"]);
        assert!(postable(&block));
        let block = address_block("Pat Nocount", Some("1 High Street\nLeeds\nLS1 1AA"));
        assert_eq!(block, ["Pat Nocount", "1 High Street", "Leeds", "LS1 1AA"]);
        // No postcode, too few lines, too many: staff find the address.
        assert!(!postable(&address_block(
            "Pat",
            Some("1 High Street\nLeeds")
        )));
        assert!(!postable(&address_block("Pat", Some("LS1 1AA"))));
        assert!(!postable(&address_block("Pat", None)));
        let eight = "a\nb\nc\nd\ne\nf\nLS1 1AA";
        assert!(!postable(&address_block("Pat", Some(eight))));
    }
}
