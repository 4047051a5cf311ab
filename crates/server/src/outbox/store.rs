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
    /// Why it goes straight to staff (a call, a letter, a format a person
    /// makes), if it does: its wire name (`NeedsStaff`).
    pub needs_staff: Option<&'a str>,
    /// A letter's format, its wire name (`LetterFormat`).
    pub letter_format: Option<&'a str>,
    /// A letter's address block, a line a line (the name first).
    pub address_block: Option<&'a str>,
}

#[tracing::instrument(skip_all, fields(user_id = message.user_id, case_id = message.case_id))]
pub async fn insert(conn: &mut AnyConnection, message: &NewMessage<'_>) -> Result<(), sqlx::Error> {
    let at = timestamp(message.at);
    let id: i64 = crate::db::query_scalar(
        "INSERT INTO outbox (user_id, case_id, channel, recipient, subject, body, created_at, \
         purpose, given_up_at, needs_staff, letter_format, address_block) \
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
    )
    .bind(message.user_id)
    .bind(message.case_id)
    .bind(message.channel)
    .bind(message.recipient)
    .bind(message.subject)
    .bind(message.body)
    .bind(&at)
    .bind(message.purpose)
    .bind(message.needs_staff.map(|_| at.clone()))
    .bind(message.needs_staff)
    .bind(message.letter_format)
    .bind(message.address_block)
    .fetch_one(&mut *conn)
    .await?;
    if message.needs_staff.is_some() {
        record(conn, id, message.at, "gave_up", None, None).await?;
    }
    Ok(())
}

/// Keeps one thing that happened to a message, for its history.
#[tracing::instrument(skip_all, fields(id))]
pub async fn record(
    conn: &mut AnyConnection,
    id: i64,
    at: DateTime<Utc>,
    kind: &str,
    detail: Option<&str>,
    by_user_id: Option<i64>,
) -> Result<(), sqlx::Error> {
    crate::db::query(
        "INSERT INTO outbox_events (outbox_id, at, kind, detail, by_user_id) VALUES (?, ?, ?, ?, ?)",
    )
    .bind(id)
    .bind(timestamp(at))
    .bind(kind)
    .bind(detail)
    .bind(by_user_id)
    .execute(conn)
    .await
    .map(|_| ())
}

/// id, channel, recipient, subject, body, attempts.
pub type PendingRow = (i64, String, String, String, String, i64);

/// Claims up to 100 messages for this sender until `until`, oldest first,
/// and answers them: those not sent, not waiting for staff, and due a try
/// (never tried, or their wait after a failure is over at `now`), that no
/// other sender holds a live claim on (issue 15: several processes on one
/// database send each message once). Email to an address not yet proved
/// waits, unless it is the link that proves it, or a link to reset the
/// password (which proves it too) (issue 13): it goes once the address is
/// proved.
#[tracing::instrument(skip_all)]
pub async fn claim_pending(
    db: &AnyPool,
    claim: &str,
    now: DateTime<Utc>,
    until: DateTime<Utc>,
) -> Result<Vec<PendingRow>, sqlx::Error> {
    let now = timestamp(now);
    // The lease is checked again outside the subquery: on PostgreSQL a row
    // another sender claimed meanwhile is read again after its claim
    // commits, and then no longer matches.
    crate::db::query(
        "UPDATE outbox SET claim = ?, claimed_until = ? \
         WHERE sent_at IS NULL AND (claimed_until IS NULL OR claimed_until < ?) AND id IN ( \
           SELECT o.id FROM outbox o LEFT JOIN users u ON u.id = o.user_id \
           WHERE o.sent_at IS NULL AND o.given_up_at IS NULL \
           AND (o.next_attempt_at IS NULL OR o.next_attempt_at <= ?) \
           AND (o.claimed_until IS NULL OR o.claimed_until < ?) \
           AND (o.channel <> 'email' OR o.user_id IS NULL \
                OR o.purpose IN ('verification', 'password_reset') \
                OR u.email_verified_at IS NOT NULL) \
           ORDER BY o.id LIMIT 100)",
    )
    .bind(claim)
    .bind(timestamp(until))
    .bind(&now)
    .bind(&now)
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

/// A delivery service took the message: how (`sent_by`), and its id for it.
#[tracing::instrument(skip_all, fields(id))]
pub async fn mark_sent(
    conn: &mut AnyConnection,
    id: i64,
    at: DateTime<Utc>,
    sent_by: &str,
    provider_id: Option<&str>,
) -> Result<(), sqlx::Error> {
    crate::db::query(
        "UPDATE outbox SET attempts = attempts + 1, sent_at = ?, sent_by = ?, provider_id = ?, \
         last_error = NULL, next_attempt_at = NULL, claim = NULL, claimed_until = NULL WHERE id = ?",
    )
    .bind(timestamp(at))
    .bind(sent_by)
    .bind(provider_id)
    .bind(id)
    .execute(&mut *conn)
    .await?;
    record(conn, id, at, "sent", Some(sent_by), None).await
}

/// Messages not yet sent or given up, after `after_id`, with when each was
/// made (`server seed-bench` marks them sent as the sender would have).
pub async fn unsent_after(
    conn: &mut AnyConnection,
    after_id: i64,
) -> Result<Vec<(i64, String)>, sqlx::Error> {
    crate::db::query_as(
        "SELECT id, created_at FROM outbox WHERE id > ? AND sent_at IS NULL \
         AND given_up_at IS NULL ORDER BY id",
    )
    .bind(after_id)
    .fetch_all(conn)
    .await
}

/// A try failed: tried again at `next_attempt_at` (real time).
#[tracing::instrument(skip_all, fields(id))]
pub async fn mark_failed(
    conn: &mut AnyConnection,
    id: i64,
    at: DateTime<Utc>,
    error: &str,
    next_attempt_at: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    crate::db::query(
        "UPDATE outbox SET attempts = attempts + 1, last_error = ?, next_attempt_at = ?, \
         claim = NULL, claimed_until = NULL WHERE id = ?",
    )
    .bind(error)
    .bind(timestamp(next_attempt_at))
    .bind(id)
    .execute(&mut *conn)
    .await?;
    record(conn, id, at, "failed", Some(error), None).await
}

/// Left for staff: why (`needs_staff`), and what the service said, if anything.
#[tracing::instrument(skip_all, fields(id))]
pub async fn give_up(
    conn: &mut AnyConnection,
    id: i64,
    at: DateTime<Utc>,
    needs_staff: &str,
    error: Option<&str>,
    tried: bool,
) -> Result<(), sqlx::Error> {
    crate::db::query(
        "UPDATE outbox SET attempts = attempts + ?, last_error = ?, given_up_at = ?, \
         needs_staff = ?, next_attempt_at = NULL, claim = NULL, claimed_until = NULL WHERE id = ?",
    )
    .bind(i64::from(tried))
    .bind(error)
    .bind(timestamp(at))
    .bind(needs_staff)
    .bind(id)
    .execute(&mut *conn)
    .await?;
    record(conn, id, at, "gave_up", error, None).await
}

/// A member of staff sent it by hand; `false` if it was sent already.
#[tracing::instrument(skip_all, fields(id))]
pub async fn mark_sent_by_hand(
    conn: &mut AnyConnection,
    id: i64,
    at: DateTime<Utc>,
    by_user_id: i64,
) -> Result<bool, sqlx::Error> {
    let done = crate::db::query(
        "UPDATE outbox SET sent_at = ?, sent_by = 'staff', next_attempt_at = NULL, claim = NULL, \
         claimed_until = NULL WHERE id = ? AND sent_at IS NULL",
    )
    .bind(timestamp(at))
    .bind(id)
    .execute(&mut *conn)
    .await?;
    if done.rows_affected() == 0 {
        return Ok(false);
    }
    record(conn, id, at, "sent_by_hand", None, Some(by_user_id)).await?;
    Ok(true)
}

/// Queues a message waiting for staff to be tried again from the start;
/// `false` if it was sent already.
#[tracing::instrument(skip_all, fields(id))]
pub async fn queue_again(
    conn: &mut AnyConnection,
    id: i64,
    at: DateTime<Utc>,
    by_user_id: i64,
) -> Result<bool, sqlx::Error> {
    let done = crate::db::query(
        "UPDATE outbox SET attempts = 0, last_error = NULL, given_up_at = NULL, needs_staff = NULL, \
         next_attempt_at = NULL, claim = NULL, claimed_until = NULL, provider_id = NULL, \
         delivery_status = NULL, delivery_checked_at = NULL WHERE id = ? AND sent_at IS NULL",
    )
    .bind(id)
    .execute(&mut *conn)
    .await?;
    if done.rows_affected() == 0 {
        return Ok(false);
    }
    record(conn, id, at, "queued_again", None, Some(by_user_id)).await?;
    Ok(true)
}

/// Up to 100 messages GOV.UK Notify took since `sent_since`, not known to
/// have arrived, neither sent nor asked about since `asked_before`: (id,
/// Notify's id).
#[tracing::instrument(skip_all)]
pub async fn to_check(
    conn: &mut AnyConnection,
    sent_since: DateTime<Utc>,
    asked_before: DateTime<Utc>,
) -> Result<Vec<(i64, String)>, sqlx::Error> {
    crate::db::query_as(
        "SELECT id, provider_id FROM outbox WHERE sent_by = 'notify' AND sent_at IS NOT NULL \
         AND provider_id IS NOT NULL AND sent_at >= ? \
         AND (delivery_status IS NULL OR delivery_status NOT IN (?, ?, ?)) \
         AND COALESCE(delivery_checked_at, sent_at) < ? ORDER BY id LIMIT 100",
    )
    .bind(timestamp(sent_since))
    .bind(crate::notify::ARRIVED[0])
    .bind(crate::notify::ARRIVED[1])
    .bind(crate::notify::ARRIVED[2])
    .bind(timestamp(asked_before))
    .fetch_all(conn)
    .await
}

/// What Notify said of a message still on its way, or that arrived (then
/// its history says so, once).
#[tracing::instrument(skip_all, fields(id))]
pub async fn set_delivery(
    conn: &mut AnyConnection,
    id: i64,
    at: DateTime<Utc>,
    status: &str,
    arrived: bool,
) -> Result<(), sqlx::Error> {
    let changed = crate::db::query(
        "UPDATE outbox SET delivery_status = ?, delivery_checked_at = ? \
         WHERE id = ? AND sent_at IS NOT NULL AND (delivery_status IS NULL OR delivery_status <> ?)",
    )
    .bind(status)
    .bind(timestamp(at))
    .bind(id)
    .bind(status)
    .execute(&mut *conn)
    .await?;
    if changed.rows_affected() == 0 {
        // Asked again with the same answer: only when it was asked changes.
        crate::db::query("UPDATE outbox SET delivery_checked_at = ? WHERE id = ?")
            .bind(timestamp(at))
            .bind(id)
            .execute(&mut *conn)
            .await?;
    } else if arrived {
        record(conn, id, at, "delivered", Some(status), None).await?;
    }
    Ok(())
}

/// Notify could not deliver a message it took: it is no longer sent, and
/// waits for staff with why (`false` if another process got there first).
#[tracing::instrument(skip_all, fields(id))]
pub async fn not_delivered(
    conn: &mut AnyConnection,
    id: i64,
    at: DateTime<Utc>,
    status: &str,
    detail: &str,
) -> Result<bool, sqlx::Error> {
    let changed = crate::db::query(
        "UPDATE outbox SET sent_at = NULL, sent_by = NULL, delivery_status = ?, \
         delivery_checked_at = ?, given_up_at = ?, needs_staff = 'failed', last_error = ? \
         WHERE id = ? AND sent_at IS NOT NULL",
    )
    .bind(status)
    .bind(timestamp(at))
    .bind(timestamp(at))
    .bind(detail)
    .bind(id)
    .execute(&mut *conn)
    .await?;
    if changed.rows_affected() == 0 {
        return Ok(false);
    }
    record(conn, id, at, "not_delivered", Some(detail), None).await?;
    Ok(true)
}

/// A message about a case, as the case page shows it.
#[derive(sqlx::FromRow)]
pub struct CaseMessageRow {
    pub id: i64,
    pub channel: String,
    pub recipient: String,
    pub subject: String,
    pub body: String,
    pub created_at: String,
    pub sent_at: Option<String>,
    pub attempts: i64,
    pub given_up_at: Option<String>,
    pub needs_staff: Option<String>,
    pub sent_by: Option<String>,
}

/// `fetch` messages about one case, oldest first, after the one made at
/// `after` (created_at, id) when given: a page (see [`crate::page`]).
#[tracing::instrument(skip_all, fields(case_id))]
pub async fn for_case(
    conn: &mut AnyConnection,
    case_id: i64,
    after: Option<(&str, i64)>,
    fetch: i64,
) -> Result<Vec<CaseMessageRow>, sqlx::Error> {
    let mut sql = "SELECT id, channel, recipient, subject, body, created_at, sent_at, attempts, \
         given_up_at, needs_staff, sent_by FROM outbox WHERE case_id = ?"
        .to_owned();
    if after.is_some() {
        sql.push_str(" AND (created_at > ? OR (created_at = ? AND id > ?))");
    }
    sql.push_str(" ORDER BY created_at, id LIMIT ?");
    let mut query = crate::db::query_as(&sql).bind(case_id);
    if let Some((created_at, id)) = after {
        query = query.bind(created_at).bind(created_at).bind(id);
    }
    query.bind(fetch).fetch_all(conn).await
}

/// outbox id, at, kind, detail, the staff member's name.
pub type EventRow = (i64, String, String, Option<String>, Option<String>);

/// What happened to these messages (a page of them), oldest first.
#[tracing::instrument(skip_all)]
pub async fn events_for(
    conn: &mut AnyConnection,
    ids: &[i64],
) -> Result<Vec<EventRow>, sqlx::Error> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let placeholders = vec!["?"; ids.len()].join(", ");
    let sql = format!(
        "SELECT e.outbox_id, e.at, e.kind, e.detail, u.name FROM outbox_events e \
         LEFT JOIN users u ON u.id = e.by_user_id \
         WHERE e.outbox_id IN ({placeholders}) ORDER BY e.at, e.id"
    );
    let mut query = crate::db::query_as(&sql);
    for id in ids {
        query = query.bind(*id);
    }
    query.fetch_all(conn).await
}

/// A message as staff list them.
#[derive(sqlx::FromRow)]
pub struct OutboxRow {
    pub id: i64,
    pub user_public_id: Option<String>,
    pub case_public_id: Option<String>,
    pub case_reference: Option<String>,
    pub channel: String,
    pub recipient: String,
    pub subject: String,
    pub body: String,
    pub created_at: String,
    pub sent_at: Option<String>,
    pub attempts: i64,
    pub last_error: Option<String>,
    pub purpose: Option<String>,
    pub given_up_at: Option<String>,
    pub needs_staff: Option<String>,
    pub sent_by: Option<String>,
    pub letter_format: Option<String>,
}

/// Who reads the messages: their account, and whether they may know who
/// raised a confidential case (the complaints team, or anyone not staff).
#[derive(Debug, Clone, Copy)]
pub struct Reader {
    pub account: i64,
    pub complaints_team: bool,
}

const SELECT_MESSAGE: &str = "SELECT o.id, u.public_id AS user_public_id, \
     c.public_id AS case_public_id, c.reference AS case_reference, o.channel, o.recipient, \
     o.subject, o.body, o.created_at, o.sent_at, o.attempts, o.last_error, o.purpose, \
     o.given_up_at, o.needs_staff, o.sent_by, o.letter_format \
     FROM outbox o LEFT JOIN users u ON u.id = o.user_id LEFT JOIN cases c ON c.id = o.case_id \
     WHERE (c.id IS NULL OR c.confidential = 0 OR ? = 1 OR c.filed_by_id = ?)";

/// Which messages a list shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Which {
    /// Every message, newest first.
    All,
    /// Those waiting for staff, oldest first.
    WaitingForStaff,
}

/// `fetch` messages after the one made at `after` (created_at, id) when
/// given: a page (see [`crate::page`]). Messages about a confidential case
/// name its resident: staff outside the complaints team do not see them
/// (issue 16, item 7).
#[tracing::instrument(skip_all)]
pub async fn latest(
    conn: &mut AnyConnection,
    viewer: Reader,
    which: Which,
    after: Option<(&str, i64)>,
    fetch: i64,
) -> Result<Vec<OutboxRow>, sqlx::Error> {
    let mut sql = SELECT_MESSAGE.to_owned();
    let (before, order) = match which {
        Which::All => ("<", "DESC"),
        Which::WaitingForStaff => {
            sql.push_str(" AND o.sent_at IS NULL AND o.given_up_at IS NOT NULL");
            (">", "ASC")
        }
    };
    if after.is_some() {
        sql.push_str(&format!(
            " AND (o.created_at {before} ? OR (o.created_at = ? AND o.id {before} ?))"
        ));
    }
    sql.push_str(&format!(
        " ORDER BY o.created_at {order}, o.id {order} LIMIT ?"
    ));
    let mut query = crate::db::query_as(&sql)
        .bind(i64::from(viewer.complaints_team))
        .bind(viewer.account);
    if let Some((created_at, id)) = after {
        query = query.bind(created_at).bind(created_at).bind(id);
    }
    query.bind(fetch).fetch_all(conn).await
}

/// One message, if `viewer` may see it.
#[tracing::instrument(skip_all, fields(id))]
pub async fn one(
    conn: &mut AnyConnection,
    viewer: Reader,
    id: i64,
) -> Result<Option<OutboxRow>, sqlx::Error> {
    crate::db::query_as(&format!("{SELECT_MESSAGE} AND o.id = ?"))
        .bind(i64::from(viewer.complaints_team))
        .bind(viewer.account)
        .bind(id)
        .fetch_optional(conn)
        .await
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

/// (case id, how many of its messages wait for staff) for those of `case_ids`
/// with any (at most a page of cases, so the list of placeholders is short).
#[tracing::instrument(skip_all)]
pub async fn waiting_by_case(
    conn: &mut AnyConnection,
    case_ids: &[i64],
) -> Result<Vec<(i64, i64)>, sqlx::Error> {
    let placeholders = vec!["?"; case_ids.len()].join(", ");
    let sql = format!(
        "SELECT case_id, COUNT(*) FROM outbox WHERE sent_at IS NULL AND given_up_at IS NOT NULL \
         AND case_id IN ({placeholders}) GROUP BY case_id"
    );
    let mut query = crate::db::query_as(&sql);
    for id in case_ids {
        query = query.bind(*id);
    }
    query.fetch_all(conn).await
}

/// Messages still to be sent by a service, and those waiting for staff.
pub async fn depth(db: &AnyPool) -> Result<(i64, i64), sqlx::Error> {
    crate::db::query_as(
        "SELECT COUNT(CASE WHEN given_up_at IS NULL THEN 1 END), \
         COUNT(CASE WHEN given_up_at IS NULL THEN NULL ELSE 1 END) \
         FROM outbox WHERE sent_at IS NULL",
    )
    .fetch_one(db)
    .await
}

/// What a letter's PDF is made of.
#[derive(sqlx::FromRow)]
pub struct LetterRow {
    pub user_id: Option<i64>,
    /// The account's name, for a letter to an account.
    pub name: Option<String>,
    pub recipient: String,
    pub subject: String,
    pub body: String,
    pub created_at: String,
    pub purpose: Option<String>,
    pub letter_format: Option<String>,
    pub address_block: Option<String>,
    pub case_reference: Option<String>,
}

/// A letter, for its PDF (the caller has checked who may see it, or is the
/// sender).
#[tracing::instrument(skip_all, fields(id))]
pub async fn letter(conn: &mut AnyConnection, id: i64) -> Result<Option<LetterRow>, sqlx::Error> {
    crate::db::query_as(
        "SELECT o.user_id, u.name, o.recipient, o.subject, o.body, o.created_at, o.purpose, \
         o.letter_format, o.address_block, c.reference AS case_reference \
         FROM outbox o LEFT JOIN users u ON u.id = o.user_id LEFT JOIN cases c ON c.id = o.case_id \
         WHERE o.id = ? AND o.channel = 'letter'",
    )
    .bind(id)
    .fetch_optional(conn)
    .await
}

/// Keeps the address block a letter is sent to.
#[tracing::instrument(skip_all, fields(id))]
pub async fn set_address_block(
    conn: &mut AnyConnection,
    id: i64,
    block: &str,
) -> Result<(), sqlx::Error> {
    crate::db::query("UPDATE outbox SET address_block = ? WHERE id = ? AND sent_at IS NULL")
        .bind(block)
        .bind(id)
        .execute(conn)
        .await
        .map(|_| ())
}
