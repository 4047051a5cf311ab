//! The files kept in `attachments`, as the daily quota counts them.

use chrono::{DateTime, Utc};
use sqlx::AnyConnection;

use crate::clock::timestamp;

/// Bytes of files an account sent since `since` (with cases, information or
/// signed forms): for the daily quota.
#[tracing::instrument(skip_all, fields(user_id))]
pub async fn bytes_sent_since(
    conn: &mut AnyConnection,
    user_id: i64,
    since: DateTime<Utc>,
) -> Result<i64, sqlx::Error> {
    crate::db::query_scalar(
        "SELECT CAST(COALESCE(SUM(size), 0) AS BIGINT) FROM attachments WHERE uploaded_by = ? AND created_at > ?",
    )
    .bind(user_id)
    .bind(timestamp(since))
    .fetch_one(conn)
    .await
}
