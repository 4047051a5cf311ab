//! The `outbox` table: messages written, and what became of them.

use chrono::{DateTime, Utc};
use sqlx::{AnyConnection, AnyPool};

use crate::clock::timestamp;

/// An account's email address, name and stored preferences document.
/// Fails with `RowNotFound` when there is no such account.
#[tracing::instrument(skip_all, fields(user_id))]
pub async fn account_contact(
    conn: &mut AnyConnection,
    user_id: i64,
) -> Result<(String, String, Option<String>), sqlx::Error> {
    crate::db::query_as(
        "SELECT u.email, u.name, p.document FROM users u \
         LEFT JOIN preferences p ON p.user_id = u.id WHERE u.id = ?",
    )
    .bind(user_id)
    .fetch_one(conn)
    .await
}

/// A case's stored details (JSON), which may choose how its resident is told.
#[tracing::instrument(skip_all, fields(case_id))]
pub async fn case_details(
    conn: &mut AnyConnection,
    case_id: i64,
) -> Result<Option<String>, sqlx::Error> {
    crate::db::query_scalar("SELECT details FROM cases WHERE id = ?")
        .bind(case_id)
        .fetch_optional(conn)
        .await
}

/// A message to write.
pub struct NewMessage<'a> {
    pub user_id: Option<i64>,
    pub case_id: Option<i64>,
    pub channel: &'a str,
    pub recipient: &'a str,
    pub subject: &'a str,
    pub body: &'a str,
    pub at: DateTime<Utc>,
    /// The one kind an unproved address may be sent, if it is one.
    pub purpose: Option<&'a str>,
}

#[tracing::instrument(skip_all, fields(user_id = message.user_id, case_id = message.case_id))]
pub async fn insert(conn: &mut AnyConnection, message: &NewMessage<'_>) -> Result<(), sqlx::Error> {
    crate::db::query(
        "INSERT INTO outbox (user_id, case_id, channel, recipient, subject, body, created_at, \
         purpose) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(message.user_id)
    .bind(message.case_id)
    .bind(message.channel)
    .bind(message.recipient)
    .bind(message.subject)
    .bind(message.body)
    .bind(timestamp(message.at))
    .bind(message.purpose)
    .execute(conn)
    .await
    .map(|_| ())
}

/// id, channel, recipient, subject, body, attempts.
pub type PendingRow = (i64, String, String, String, String, i64);

/// Whether a message of the outbox (`row`, its alias with a dot, or "") is
/// still to be tried: never tried, or email tried fewer times than the most
/// attempts (one `?`); anything else is given up after one try. The one
/// place the senders and the metrics read it from.
fn still_to_try(row: &str) -> String {
    format!("({row}attempts = 0 OR ({row}channel = 'email' AND {row}attempts < ?))")
}

/// Claims up to 100 messages for this sender until `until`, oldest first,
/// and answers them: those never tried, and email tried fewer than
/// `max_attempts` times, that no other sender holds a live claim on (issue
/// 15: several processes on one database send each message once). Email to
/// an address not yet proved waits, unless it is the link that proves it, or
/// a link to reset the password (which proves it too) (issue 13): it goes
/// once the address is proved.
#[tracing::instrument(skip_all)]
pub async fn claim_pending(
    db: &AnyPool,
    max_attempts: i64,
    claim: &str,
    now: DateTime<Utc>,
    until: DateTime<Utc>,
) -> Result<Vec<PendingRow>, sqlx::Error> {
    let now = timestamp(now);
    // The lease is checked again outside the subquery: on PostgreSQL a row
    // another sender claimed meanwhile is read again after its claim
    // commits, and then no longer matches.
    let sql = format!(
        "UPDATE outbox SET claim = ?, claimed_until = ? \
         WHERE sent_at IS NULL AND (claimed_until IS NULL OR claimed_until < ?) AND id IN ( \
           SELECT o.id FROM outbox o LEFT JOIN users u ON u.id = o.user_id \
           WHERE o.sent_at IS NULL AND {} \
           AND (o.claimed_until IS NULL OR o.claimed_until < ?) \
           AND (o.channel <> 'email' OR o.user_id IS NULL \
                OR o.purpose IN ('verification', 'password_reset') \
                OR u.email_verified_at IS NOT NULL) \
           ORDER BY o.id LIMIT 100)",
        still_to_try("o.")
    );
    crate::db::query(&sql)
        .bind(claim)
        .bind(timestamp(until))
        .bind(&now)
        .bind(max_attempts)
        .bind(&now)
        .execute(db)
        .await?;
    crate::db::query_as(
        "SELECT id, channel, recipient, subject, body, attempts FROM outbox \
         WHERE claim = ? AND sent_at IS NULL ORDER BY id",
    )
    .bind(claim)
    .fetch_all(db)
    .await
}

#[tracing::instrument(skip_all, fields(id))]
pub async fn mark_sent(db: &AnyPool, id: i64, at: DateTime<Utc>) -> Result<(), sqlx::Error> {
    crate::db::query(
        "UPDATE outbox SET attempts = attempts + 1, sent_at = ?, last_error = NULL, \
         claim = NULL, claimed_until = NULL WHERE id = ?",
    )
    .bind(timestamp(at))
    .bind(id)
    .execute(db)
    .await
    .map(|_| ())
}

#[tracing::instrument(skip_all, fields(id))]
pub async fn mark_not_sent(db: &AnyPool, id: i64, error: &str) -> Result<(), sqlx::Error> {
    crate::db::query(
        "UPDATE outbox SET attempts = attempts + 1, last_error = ?, claim = NULL, \
         claimed_until = NULL WHERE id = ?",
    )
    .bind(error)
    .bind(id)
    .execute(db)
    .await
    .map(|_| ())
}

/// channel, recipient, subject, body, created_at, sent_at, attempts.
pub type MessageRow = (String, String, String, String, String, Option<String>, i64);

/// The first 200 messages about one case, oldest first.
#[tracing::instrument(skip_all, fields(case_id))]
pub async fn for_case(
    conn: &mut AnyConnection,
    case_id: i64,
) -> Result<Vec<MessageRow>, sqlx::Error> {
    crate::db::query_as(
        "SELECT channel, recipient, subject, body, created_at, sent_at, attempts FROM outbox \
         WHERE case_id = ? ORDER BY created_at, id LIMIT 200",
    )
    .bind(case_id)
    .fetch_all(conn)
    .await
}

/// A message as staff list them.
#[derive(sqlx::FromRow)]
pub struct OutboxRow {
    pub id: i64,
    pub user_public_id: Option<String>,
    pub case_public_id: Option<String>,
    pub channel: String,
    pub recipient: String,
    pub subject: String,
    pub body: String,
    pub created_at: String,
    pub sent_at: Option<String>,
    pub attempts: i64,
    pub last_error: Option<String>,
    pub purpose: Option<String>,
}

/// Who reads the messages: their account, and whether they may know who
/// raised a confidential case (the complaints team, or anyone not staff).
#[derive(Debug, Clone, Copy)]
pub struct Reader {
    pub account: i64,
    pub complaints_team: bool,
}

/// `fetch` messages, newest first, after the one made at `after`
/// (created_at, id) when given: a page (see [`crate::page`]).
#[tracing::instrument(skip_all)]
pub async fn latest(
    conn: &mut AnyConnection,
    viewer: Reader,
    after: Option<(&str, i64)>,
    fetch: i64,
) -> Result<Vec<OutboxRow>, sqlx::Error> {
    // Messages about a confidential case name its resident: staff outside
    // the complaints team do not see them (issue 16, item 7).
    let mut sql = String::from(
        "SELECT o.id, u.public_id AS user_public_id, c.public_id AS case_public_id, o.channel, \
         o.recipient, o.subject, o.body, o.created_at, o.sent_at, o.attempts, o.last_error, \
         o.purpose FROM outbox o LEFT JOIN users u ON u.id = o.user_id \
         LEFT JOIN cases c ON c.id = o.case_id \
         WHERE (c.id IS NULL OR c.confidential = 0 OR ? = 1 OR c.filed_by_id = ?)",
    );
    if after.is_some() {
        sql.push_str(" AND (o.created_at < ? OR (o.created_at = ? AND o.id < ?))");
    }
    sql.push_str(" ORDER BY o.created_at DESC, o.id DESC LIMIT ?");
    let mut query = crate::db::query_as(&sql)
        .bind(i64::from(viewer.complaints_team))
        .bind(viewer.account);
    if let Some((created_at, id)) = after {
        query = query.bind(created_at).bind(created_at).bind(id);
    }
    query.bind(fetch).fetch_all(conn).await
}

/// (subject, body) of the latest 50 messages to an address, newest first.
#[tracing::instrument(skip_all)]
pub async fn written_to(
    conn: &mut AnyConnection,
    recipient: &str,
) -> Result<Vec<(String, String)>, sqlx::Error> {
    crate::db::query_as(
        "SELECT subject, body FROM outbox WHERE recipient = ? ORDER BY id DESC LIMIT 50",
    )
    .bind(recipient)
    .fetch_all(conn)
    .await
}

/// Messages still to be tried, and those the sender gave up on (email tried
/// `max_attempts` times, or anything else tried once).
pub async fn depth(db: &AnyPool, max_attempts: i64) -> Result<(i64, i64), sqlx::Error> {
    let sql = format!(
        "SELECT COUNT(CASE WHEN {still} THEN 1 END), COUNT(CASE WHEN {still} THEN NULL ELSE 1 END) \
         FROM outbox WHERE sent_at IS NULL",
        still = still_to_try("")
    );
    crate::db::query_as(&sql)
        .bind(max_attempts)
        .bind(max_attempts)
        .fetch_one(db)
        .await
}
