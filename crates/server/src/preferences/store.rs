//! The `preferences` table: one JSON document per account.

use chrono::{DateTime, Utc};
use sqlx::AnyConnection;

use crate::clock::timestamp;

/// The stored document, if the account ever saved one.
#[tracing::instrument(skip_all, fields(user_id))]
pub async fn document(
    conn: &mut AnyConnection,
    user_id: i64,
) -> Result<Option<String>, sqlx::Error> {
    crate::db::query_scalar("SELECT document FROM preferences WHERE user_id = ?")
        .bind(user_id)
        .fetch_optional(conn)
        .await
}

/// Writes the account's document, replacing any earlier one.
#[tracing::instrument(skip_all, fields(user_id))]
pub async fn save(
    conn: &mut AnyConnection,
    user_id: i64,
    document: &str,
    at: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    crate::db::query(
        "INSERT INTO preferences (user_id, document, updated_at) VALUES (?, ?, ?) \
         ON CONFLICT (user_id) DO UPDATE SET document = excluded.document, \
         updated_at = excluded.updated_at",
    )
    .bind(user_id)
    .bind(document)
    .bind(timestamp(at))
    .execute(conn)
    .await
    .map(|_| ())
}
