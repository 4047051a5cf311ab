//! The SQL of the policy's clock.

use chrono::{DateTime, NaiveDate, Utc};
use sqlx::AnyConnection;

use crate::clock::timestamp;

/// The cases whose day for the rules has come (`case_summaries.rules_on`,
/// kept with each event and each rule's action), oldest first: the round
/// looks at these and no others.
#[tracing::instrument(skip_all)]
pub async fn cases_due(
    conn: &mut AnyConnection,
    today: NaiveDate,
) -> Result<Vec<String>, sqlx::Error> {
    crate::db::query_scalar(
        "SELECT c.public_id FROM case_summaries s JOIN cases c ON c.id = s.case_id \
         WHERE s.rules_on <= ? ORDER BY c.id",
    )
    .bind(today.to_string())
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
