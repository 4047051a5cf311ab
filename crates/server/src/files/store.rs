//! The files kept in `attachments`, as the daily quota counts them.

use chrono::{DateTime, Utc};
use sqlx::SqliteConnection;

use crate::clock::timestamp;

/// Bytes of files an account sent since `since` (with cases, information or
/// signed forms): for the daily quota.
#[tracing::instrument(skip_all, fields(user_id))]
pub async fn bytes_sent_since(
    conn: &mut SqliteConnection,
    user_id: i64,
    since: DateTime<Utc>,
) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT COALESCE(SUM(size), 0) FROM attachments WHERE uploaded_by = ? AND created_at > ?",
    )
    .bind(user_id)
    .bind(timestamp(since))
    .fetch_one(conn)
    .await
}
