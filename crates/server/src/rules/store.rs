//! The SQL of the policy's clock.

use chrono::{DateTime, NaiveDate, Utc};
use sqlx::AnyConnection;

use crate::clock::timestamp;

/// The cases a "no contact after the response" rule may close: answered,
/// under one of these policies. Oldest first.
#[tracing::instrument(skip_all)]
pub async fn answered_cases(
    conn: &mut AnyConnection,
    policy_ids: &[String],
) -> Result<Vec<String>, sqlx::Error> {
    if policy_ids.is_empty() {
        return Ok(Vec::new());
    }
    let marks = vec!["?"; policy_ids.len()].join(", ");
    let sql = format!(
        "SELECT public_id FROM cases WHERE status = 'responded' AND policy_id IN ({marks}) \
         ORDER BY id"
    );
    let mut query = crate::db::query_scalar(&sql);
    for id in policy_ids {
        query = query.bind(id);
    }
    query.fetch_all(conn).await
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
