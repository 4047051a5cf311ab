//! The SQL of the account's own security: passwords, the list of sessions,
//! and what deleting an account erases.

use chrono::{DateTime, Utc};
use sqlx::AnyConnection;

use crate::auth::session::{ABSOLUTE_TIMEOUT, IDLE_TIMEOUT};
use crate::clock::timestamp;

/// An account as a reset link needs it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Holder {
    pub id: i64,
    pub name: String,
    pub email: String,
}

/// The account that uses this address, unless it was deleted.
pub async fn holder_of(
    conn: &mut AnyConnection,
    email: &str,
) -> Result<Option<Holder>, sqlx::Error> {
    crate::db::query_as("SELECT id, name, email FROM users WHERE email = ? AND deleted_at IS NULL")
        .bind(email)
        .fetch_optional(conn)
        .await
}

pub async fn holder(conn: &mut AnyConnection, user_id: i64) -> Result<Holder, sqlx::Error> {
    crate::db::query_as("SELECT id, name, email FROM users WHERE id = ?")
        .bind(user_id)
        .fetch_one(conn)
        .await
}

pub async fn set_password_hash(
    conn: &mut AnyConnection,
    user_id: i64,
    hash: &str,
) -> Result<(), sqlx::Error> {
    crate::db::query("UPDATE users SET password_hash = ? WHERE id = ?")
        .bind(hash)
        .bind(user_id)
        .execute(conn)
        .await?;
    Ok(())
}

/// A session as the list shows it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct SessionRow {
    pub public_id: String,
    pub created_at: String,
    pub last_seen_at: String,
    pub browser: Option<String>,
    pub os: Option<String>,
    #[sqlx(try_from = "crate::db::Flag")]
    pub current: bool,
}

/// Where a page of sessions starts: the sort keys of the last one shown
/// (whether it was this device's, when it was last used, its public id).
#[derive(Debug, Clone)]
pub struct SessionsAfter {
    pub current: bool,
    pub last_seen_at: String,
    pub public_id: String,
}

/// The account's sessions still going at `now`: the one with
/// `current_hash` first, then the most recently used, `fetch` of them after
/// `after`.
pub async fn live_sessions(
    conn: &mut AnyConnection,
    user_id: i64,
    current_hash: Option<&str>,
    now: DateTime<Utc>,
    after: Option<&SessionsAfter>,
    fetch: i64,
) -> Result<Vec<SessionRow>, sqlx::Error> {
    let mut sql = String::from(
        "SELECT * FROM (SELECT public_id, created_at, last_seen_at, browser, os, \
         CASE WHEN token_hash = ? THEN 1 ELSE 0 END AS current FROM sessions \
         WHERE user_id = ? AND revoked_at IS NULL AND public_id IS NOT NULL \
         AND last_seen_at > ? AND created_at > ?) AS s",
    );
    if after.is_some() {
        sql.push_str(
            " WHERE current < ? OR (current = ? AND (last_seen_at < ? \
             OR (last_seen_at = ? AND public_id < ?)))",
        );
    }
    sql.push_str(" ORDER BY current DESC, last_seen_at DESC, public_id DESC LIMIT ?");
    let mut query = crate::db::query_as(&sql)
        .bind(current_hash)
        .bind(user_id)
        .bind(timestamp(now - IDLE_TIMEOUT))
        .bind(timestamp(now - ABSOLUTE_TIMEOUT));
    if let Some(after) = after {
        query = query
            .bind(i64::from(after.current))
            .bind(i64::from(after.current))
            .bind(&after.last_seen_at)
            .bind(&after.last_seen_at)
            .bind(&after.public_id);
    }
    query.bind(fetch).fetch_all(conn).await
}

/// Erases what identifies or reaches the person behind an account, and
/// everything that lets anyone sign in to it, keeping the row (and its
/// public id) that the landlord's case records refer to.
pub async fn erase_account(
    conn: &mut AnyConnection,
    user_id: i64,
    email: &str,
    now: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    crate::db::query(
        "UPDATE users SET email = 'deleted-' || public_id || '@account-deleted.invalid', \
         name = ?, password_hash = ?, email_verified_at = NULL, deleted_at = ? WHERE id = ?",
    )
    .bind(super::DELETED_NAME)
    .bind(crate::password::NO_PASSWORD)
    .bind(timestamp(now))
    .bind(user_id)
    .execute(&mut *conn)
    .await?;
    for table in [
        "sessions",
        "preferences",
        "postal_addresses",
        // The resident's equality monitoring answers are theirs, not the
        // case's record (Pioneer §11).
        "equality_answers",
        "email_verifications",
        "password_resets",
        "idempotency_keys",
    ] {
        crate::db::query(&format!("DELETE FROM {table} WHERE user_id = ?"))
            .bind(user_id)
            .execute(&mut *conn)
            .await?;
    }
    // Messages about the account (links, notices) go; those about a case
    // are the case's record and stay with it.
    crate::db::query("DELETE FROM outbox WHERE user_id = ? AND case_id IS NULL")
        .bind(user_id)
        .execute(&mut *conn)
        .await?;
    let key = format!("email:{}", email.trim().to_lowercase());
    crate::db::query("DELETE FROM sign_in_throttle WHERE key = ?")
        .bind(&key)
        .execute(&mut *conn)
        .await?;
    crate::db::query("DELETE FROM sign_in_known WHERE account = ?")
        .bind(&key)
        .execute(&mut *conn)
        .await?;
    Ok(())
}
