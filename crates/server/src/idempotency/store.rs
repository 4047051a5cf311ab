//! The `idempotency_keys` table.

use chrono::{DateTime, Utc};
use sqlx::AnyConnection;

use crate::clock::timestamp;

/// A key kept since `since`: (request hash, status, resource id).
#[tracing::instrument(skip_all, fields(user_id))]
pub async fn find(
    conn: &mut AnyConnection,
    user_id: i64,
    key: &str,
    since: DateTime<Utc>,
) -> Result<Option<(String, i64, String)>, sqlx::Error> {
    crate::db::query_as(
        "SELECT request_hash, status, resource_id FROM idempotency_keys \
         WHERE user_id = ? AND key = ? AND created_at > ?",
    )
    .bind(user_id)
    .bind(key)
    .bind(timestamp(since))
    .fetch_optional(conn)
    .await
}

/// Forgets every key made at or before `before`.
#[tracing::instrument(skip_all)]
pub async fn forget_before(
    conn: &mut AnyConnection,
    before: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    crate::db::query("DELETE FROM idempotency_keys WHERE created_at <= ?")
        .bind(timestamp(before))
        .execute(conn)
        .await
        .map(|_| ())
}

/// A key to keep, with what it answered.
pub struct Kept<'a> {
    pub user_id: i64,
    pub key: &'a str,
    pub hash: &'a str,
    pub status: u16,
    pub resource_id: &'a str,
    pub at: DateTime<Utc>,
}

/// Keeps a key, replacing an expired one of the same name.
#[tracing::instrument(skip_all, fields(user_id = kept.user_id))]
pub async fn keep(conn: &mut AnyConnection, kept: &Kept<'_>) -> Result<(), sqlx::Error> {
    crate::db::query(
        "INSERT INTO idempotency_keys (user_id, key, request_hash, status, resource_id, created_at) \
         VALUES (?, ?, ?, ?, ?, ?) \
         ON CONFLICT (user_id, key) DO UPDATE SET request_hash = excluded.request_hash, \
         status = excluded.status, resource_id = excluded.resource_id, created_at = excluded.created_at",
    )
    .bind(kept.user_id)
    .bind(kept.key)
    .bind(kept.hash)
    .bind(i64::from(kept.status))
    .bind(kept.resource_id)
    .bind(timestamp(kept.at))
    .execute(conn)
    .await
    .map(|_| ())
}
