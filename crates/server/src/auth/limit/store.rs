//! The sign-in throttle's SQL: `sign_in_throttle` (failures per key) and
//! `sign_in_known` (the addresses an account signed in from).

use chrono::{DateTime, Utc};
use sqlx::AnyConnection;

use crate::clock::timestamp;

/// Whether the account signed in from this address after `since`.
pub(super) async fn is_known(
    conn: &mut AnyConnection,
    account: &str,
    address: &str,
    since: DateTime<Utc>,
) -> Result<bool, sqlx::Error> {
    Ok(crate::db::query_scalar::<i64>(
        "SELECT 1 FROM sign_in_known WHERE account = ? AND address = ? AND last_at > ?",
    )
    .bind(account)
    .bind(address)
    .bind(timestamp(since))
    .fetch_optional(conn)
    .await?
    .is_some())
}

/// A key's failures, and when its next attempt may come and its last came.
pub(super) async fn row(
    conn: &mut AnyConnection,
    key: &str,
) -> Result<Option<(i64, String, String)>, sqlx::Error> {
    crate::db::query_as("SELECT failures, next_at, last_at FROM sign_in_throttle WHERE key = ?")
        .bind(key)
        .fetch_optional(conn)
        .await
}

/// Records a key's failures, its next allowed attempt and its last one.
pub(super) async fn put(
    conn: &mut AnyConnection,
    key: &str,
    failures: i64,
    next_at: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    crate::db::query(
        "INSERT INTO sign_in_throttle (key, failures, next_at, last_at) VALUES (?, ?, ?, ?) \
         ON CONFLICT (key) DO UPDATE SET failures = excluded.failures, \
         next_at = excluded.next_at, last_at = excluded.last_at",
    )
    .bind(key)
    .bind(failures)
    .bind(timestamp(next_at))
    .bind(timestamp(now))
    .execute(conn)
    .await?;
    Ok(())
}

/// Sets a key's failures and next allowed attempt, keeping its last one.
pub(super) async fn set_failures(
    conn: &mut AnyConnection,
    key: &str,
    failures: i64,
    next_at: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    crate::db::query("UPDATE sign_in_throttle SET failures = ?, next_at = ? WHERE key = ?")
        .bind(failures)
        .bind(timestamp(next_at))
        .bind(key)
        .execute(conn)
        .await?;
    Ok(())
}

/// Forgets a key's failures.
pub(super) async fn clear(conn: &mut AnyConnection, key: &str) -> Result<(), sqlx::Error> {
    crate::db::query("DELETE FROM sign_in_throttle WHERE key = ?")
        .bind(key)
        .execute(conn)
        .await?;
    Ok(())
}

/// Forgets failures last seen before `failures_before`, and known addresses
/// last used before `known_before`.
pub(super) async fn forget(
    conn: &mut AnyConnection,
    failures_before: DateTime<Utc>,
    known_before: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    crate::db::query("DELETE FROM sign_in_throttle WHERE last_at < ?")
        .bind(timestamp(failures_before))
        .execute(&mut *conn)
        .await?;
    crate::db::query("DELETE FROM sign_in_known WHERE last_at < ?")
        .bind(timestamp(known_before))
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// The account signed in from this address at `now`.
pub(super) async fn remember_known(
    conn: &mut AnyConnection,
    account: &str,
    address: &str,
    now: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    crate::db::query(
        "INSERT INTO sign_in_known (account, address, last_at) VALUES (?, ?, ?) \
         ON CONFLICT (account, address) DO UPDATE SET last_at = excluded.last_at",
    )
    .bind(account)
    .bind(address)
    .bind(timestamp(now))
    .execute(conn)
    .await?;
    Ok(())
}
