//! The links' SQL: one table per purpose (`email_verifications`,
//! `password_resets`), the same columns in each.

use chrono::{DateTime, Utc};
use sqlx::AnyConnection;

use super::Purpose;
use crate::clock::timestamp;

fn table(purpose: Purpose) -> &'static str {
    match purpose {
        Purpose::ProveAddress => "email_verifications",
        Purpose::ResetPassword => "password_resets",
    }
}

/// The conditions of a link (the table aliased `l`) that still works at the
/// bound time: unused, unexpired, sent to the account's present address, of
/// an account not deleted.
const WORKS: &str = "l.used_at IS NULL AND l.expires_at > ? AND l.email = \
     (SELECT u.email FROM users u WHERE u.id = l.user_id AND u.deleted_at IS NULL)";

pub async fn insert(
    conn: &mut AnyConnection,
    purpose: Purpose,
    token_hash: &str,
    user_id: i64,
    email: &str,
    now: DateTime<Utc>,
    expires_at: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    crate::db::query(&format!(
        "INSERT INTO {} (token_hash, user_id, email, created_at, expires_at) \
         VALUES (?, ?, ?, ?, ?)",
        table(purpose)
    ))
    .bind(token_hash)
    .bind(user_id)
    .bind(email)
    .bind(timestamp(now))
    .bind(timestamp(expires_at))
    .execute(conn)
    .await?;
    Ok(())
}

/// Links of this purpose sent to an account since `since`.
pub async fn sent_since(
    conn: &mut AnyConnection,
    purpose: Purpose,
    user_id: i64,
    since: DateTime<Utc>,
) -> Result<i64, sqlx::Error> {
    crate::db::query_scalar(&format!(
        "SELECT COUNT(*) FROM {} WHERE user_id = ? AND created_at > ?",
        table(purpose)
    ))
    .bind(user_id)
    .bind(timestamp(since))
    .fetch_one(conn)
    .await
}

/// The account of a link that works at `now`, without using it.
pub async fn holder(
    conn: &mut AnyConnection,
    purpose: Purpose,
    token_hash: &str,
    now: DateTime<Utc>,
) -> Result<Option<i64>, sqlx::Error> {
    crate::db::query_scalar(&format!(
        "SELECT l.user_id FROM {} l WHERE l.token_hash = ? AND {WORKS}",
        table(purpose)
    ))
    .bind(token_hash)
    .bind(timestamp(now))
    .fetch_optional(conn)
    .await
}

/// Uses a link that works at `now`: its account.
pub async fn redeem(
    conn: &mut AnyConnection,
    purpose: Purpose,
    token_hash: &str,
    now: DateTime<Utc>,
) -> Result<Option<i64>, sqlx::Error> {
    crate::db::query_scalar(&format!(
        "UPDATE {} AS l SET used_at = ? WHERE l.token_hash = ? AND {WORKS} RETURNING user_id",
        table(purpose)
    ))
    .bind(timestamp(now))
    .bind(token_hash)
    .bind(timestamp(now))
    .fetch_optional(conn)
    .await
}

/// Every unused link of this purpose of the account stops working.
pub async fn spend_all(
    conn: &mut AnyConnection,
    purpose: Purpose,
    user_id: i64,
    now: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    crate::db::query(&format!(
        "UPDATE {} SET used_at = ? WHERE user_id = ? AND used_at IS NULL",
        table(purpose)
    ))
    .bind(timestamp(now))
    .bind(user_id)
    .execute(conn)
    .await?;
    Ok(())
}
