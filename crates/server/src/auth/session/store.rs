//! The sessions' SQL (`sessions`).

use chrono::{DateTime, Utc};
use sqlx::{AnyConnection, AnyPool};

use super::{token_hash, Device};
use crate::clock::timestamp;

/// Stores a new session under its token's hash.
pub(super) async fn insert(
    conn: &mut AnyConnection,
    hash: &str,
    user_id: i64,
    now: DateTime<Utc>,
    device: &Device,
) -> Result<(), sqlx::Error> {
    let at = timestamp(now);
    crate::db::query(
        "INSERT INTO sessions (token_hash, public_id, user_id, created_at, last_seen_at, \
         browser, os) VALUES (?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(hash)
    .bind(crate::ids::new_public_id())
    .bind(user_id)
    .bind(&at)
    .bind(&at)
    .bind(device.browser)
    .bind(device.system)
    .execute(conn)
    .await?;
    Ok(())
}

/// Deletes the sessions that started before `before`.
pub(super) async fn delete_started_before(
    conn: &mut AnyConnection,
    before: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    crate::db::query("DELETE FROM sessions WHERE created_at < ?")
        .bind(timestamp(before))
        .execute(conn)
        .await?;
    Ok(())
}

/// Signs the session out, server side: the token is no use after this.
pub async fn revoke(
    conn: &mut AnyConnection,
    token: &str,
    now: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    crate::db::query(
        "UPDATE sessions SET revoked_at = ? WHERE token_hash = ? AND revoked_at IS NULL",
    )
    .bind(timestamp(now))
    .bind(token_hash(token))
    .execute(conn)
    .await?;
    Ok(())
}

/// Ends every session of the account but the one with this token (pass
/// `None` to end them all); returns how many ended.
pub async fn end_all_but(
    conn: &mut AnyConnection,
    user_id: i64,
    keep_token: Option<&str>,
    now: DateTime<Utc>,
) -> Result<u64, sqlx::Error> {
    let done = crate::db::query(
        "UPDATE sessions SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL \
         AND token_hash IS DISTINCT FROM ?",
    )
    .bind(timestamp(now))
    .bind(user_id)
    .bind(keep_token.map(token_hash))
    .execute(conn)
    .await?;
    Ok(done.rows_affected())
}

/// Ends the account's session with this public id; returns the hash of its
/// token, or `None` when the account has no such session still going.
pub async fn end_by_public_id(
    conn: &mut AnyConnection,
    user_id: i64,
    public_id: &str,
    now: DateTime<Utc>,
) -> Result<Option<String>, sqlx::Error> {
    crate::db::query_scalar(
        "UPDATE sessions SET revoked_at = ? WHERE public_id = ? AND user_id = ? \
         AND revoked_at IS NULL RETURNING token_hash",
    )
    .bind(timestamp(now))
    .bind(public_id)
    .bind(user_id)
    .fetch_optional(conn)
    .await
}

#[derive(sqlx::FromRow)]
pub(super) struct SessionRow {
    pub(super) created_at: String,
    pub(super) last_seen_at: String,
    pub(super) user_id: i64,
    pub(super) public_id: String,
    pub(super) name: String,
    pub(super) email: String,
    pub(super) role: String,
    #[sqlx(try_from = "crate::db::Flag")]
    pub(super) email_verified: bool,
    #[sqlx(try_from = "crate::db::Flag")]
    pub(super) complaints_team: bool,
}

/// The session with this token hash and its account, unless it was signed out.
pub(super) async fn live_row(db: &AnyPool, hash: &str) -> Result<Option<SessionRow>, sqlx::Error> {
    crate::db::query_as(
        "SELECT s.created_at, s.last_seen_at, u.id AS user_id, u.public_id, u.name, u.email, u.role, \
         u.email_verified_at IS NOT NULL AS email_verified, u.complaints_team \
         FROM sessions s JOIN users u ON u.id = s.user_id \
         WHERE s.token_hash = ? AND s.revoked_at IS NULL",
    )
    .bind(hash)
    .fetch_optional(db)
    .await
}

/// Slides the session's idle expiry: it was used at `now`.
pub(super) async fn touch(db: &AnyPool, hash: &str, now: DateTime<Utc>) -> Result<(), sqlx::Error> {
    crate::db::query(
        "UPDATE sessions SET last_seen_at = ? WHERE token_hash = ? AND revoked_at IS NULL",
    )
    .bind(timestamp(now))
    .bind(hash)
    .execute(db)
    .await?;
    Ok(())
}
