//! The SQL of the retention job: one statement per kind of record.

use chrono::{DateTime, Utc};
use sqlx::AnyConnection;

use crate::clock::timestamp;

/// Cases that ended (closed or withdrawn) with nothing recorded since `before`.
#[tracing::instrument(skip_all)]
pub async fn ended_cases_before(
    conn: &mut AnyConnection,
    before: DateTime<Utc>,
) -> Result<Vec<i64>, sqlx::Error> {
    crate::db::query_scalar(
        "SELECT c.id FROM cases c WHERE c.status IN ('closed', 'withdrawn') \
         AND (SELECT MAX(e.at) FROM case_events e WHERE e.case_id = c.id) < ? \
         ORDER BY c.id LIMIT 500",
    )
    .bind(timestamp(before))
    .fetch_all(conn)
    .await
}

/// Deletes a case and everything recorded about it: its events, files, rule
/// runs (by cascade) and its messages.
#[tracing::instrument(skip_all)]
pub async fn delete_case(conn: &mut AnyConnection, case_id: i64) -> Result<(), sqlx::Error> {
    crate::db::query("DELETE FROM outbox WHERE case_id = ?")
        .bind(case_id)
        .execute(&mut *conn)
        .await?;
    crate::db::query("DELETE FROM cases WHERE id = ?")
        .bind(case_id)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Sent messages that belong to no case (links, notices about accounts and
/// authorisations), sent before `before`.
#[tracing::instrument(skip_all)]
pub async fn delete_sent_account_messages(
    conn: &mut AnyConnection,
    before: DateTime<Utc>,
) -> Result<u64, sqlx::Error> {
    let done = crate::db::query(
        "DELETE FROM outbox WHERE case_id IS NULL AND sent_at IS NOT NULL AND sent_at < ?",
    )
    .bind(timestamp(before))
    .execute(conn)
    .await?;
    Ok(done.rows_affected())
}

/// Links to prove an address that expired before `before`.
#[tracing::instrument(skip_all)]
pub async fn delete_old_verification_links(
    conn: &mut AnyConnection,
    before: DateTime<Utc>,
) -> Result<u64, sqlx::Error> {
    let done = crate::db::query("DELETE FROM email_verifications WHERE expires_at < ?")
        .bind(timestamp(before))
        .execute(conn)
        .await?;
    Ok(done.rows_affected())
}

/// Addresses an account signed in from, last seen before `before`.
#[tracing::instrument(skip_all)]
pub async fn delete_old_known_addresses(
    conn: &mut AnyConnection,
    before: DateTime<Utc>,
) -> Result<u64, sqlx::Error> {
    let done = crate::db::query("DELETE FROM sign_in_known WHERE last_at < ?")
        .bind(timestamp(before))
        .execute(conn)
        .await?;
    Ok(done.rows_affected())
}

/// Links to reset a password that expired before `before`.
#[tracing::instrument(skip_all)]
pub async fn delete_old_reset_links(
    conn: &mut AnyConnection,
    before: DateTime<Utc>,
) -> Result<u64, sqlx::Error> {
    let done = crate::db::query("DELETE FROM password_resets WHERE expires_at < ?")
        .bind(timestamp(before))
        .execute(conn)
        .await?;
    Ok(done.rows_affected())
}
