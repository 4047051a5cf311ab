//! The SQL of the policy's clock.

use chrono::{DateTime, NaiveDate, Utc};
use sqlx::AnyConnection;

use crate::clock::timestamp;

/// The complaints the rules may act on: not closed, withdrawn, declined or
/// with the Housing Ombudsman. Oldest first.
#[tracing::instrument(skip_all)]
pub async fn open_complaints(conn: &mut AnyConnection) -> Result<Vec<String>, sqlx::Error> {
    crate::db::query_scalar(
        "SELECT public_id FROM cases WHERE kind = 'complaint' \
         AND status NOT IN ('closed', 'withdrawn', 'not_taken_on', 'with_ombudsman') \
         ORDER BY id",
    )
    .fetch_all(conn)
    .await
}

/// Claims a rule's one action on a case for a trigger: `true` if this call
/// claimed it, `false` if it was claimed before (by this process or another).
#[tracing::instrument(skip_all)]
pub async fn claim(
    conn: &mut AnyConnection,
    case_id: i64,
    rule: &str,
    trigger_on: NaiveDate,
    due_on: NaiveDate,
    at: DateTime<Utc>,
) -> Result<bool, sqlx::Error> {
    let done = crate::db::query(
        "INSERT INTO rule_runs (case_id, rule, trigger_on, due_on, acted_at) \
         VALUES (?, ?, ?, ?, ?) ON CONFLICT (case_id, rule, trigger_on) DO NOTHING",
    )
    .bind(case_id)
    .bind(rule)
    .bind(trigger_on.to_string())
    .bind(due_on.to_string())
    .bind(timestamp(at))
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// How many times a rule has acted on a case (for tests and the record).
#[tracing::instrument(skip_all)]
pub async fn runs(conn: &mut AnyConnection, case_id: i64) -> Result<i64, sqlx::Error> {
    crate::db::query_scalar("SELECT COUNT(*) FROM rule_runs WHERE case_id = ?")
        .bind(case_id)
        .fetch_one(conn)
        .await
}

/// The admins: the team's managers, as the portal has no manager role.
#[tracing::instrument(skip_all)]
pub async fn admins(
    conn: &mut AnyConnection,
) -> Result<Vec<crate::cases::store::StaffContact>, sqlx::Error> {
    crate::db::query_as(
        "SELECT id, email FROM users WHERE role = 'admin' AND deleted_at IS NULL ORDER BY id",
    )
    .fetch_all(conn)
    .await
}

/// The triggers already claimed on a case: each rule's name and the day it
/// counts from.
#[tracing::instrument(skip_all)]
pub async fn claimed(
    conn: &mut AnyConnection,
    case_id: i64,
) -> Result<std::collections::HashSet<(String, NaiveDate)>, sqlx::Error> {
    let rows: Vec<(String, String)> =
        crate::db::query_as("SELECT rule, trigger_on FROM rule_runs WHERE case_id = ?")
            .bind(case_id)
            .fetch_all(conn)
            .await?;
    Ok(rows
        .into_iter()
        .filter_map(|(rule, on)| on.parse().ok().map(|on| (rule, on)))
        .collect())
}
