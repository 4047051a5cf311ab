//! The SQL for the annual reports (`annual_reports`, migration 0036) and the
//! lessons their drafts are written from.

use sqlx::AnyConnection;

/// A report's row: the draft (JSON), its version, the day it was last
/// published and whether the draft changed after.
pub type ReportRow = (String, i64, Option<String>, i64);

/// The version a new report starts at.
pub const FIRST_VERSION: i64 = 1;

/// Makes the year's report; `false` when the year already has one.
#[tracing::instrument(skip_all)]
pub async fn insert(
    conn: &mut AnyConnection,
    year: i64,
    draft: &str,
    at: &str,
) -> Result<bool, sqlx::Error> {
    let done = crate::db::query(
        "INSERT INTO annual_reports (year, draft, version, updated_at) VALUES (?, ?, ?, ?) \
         ON CONFLICT (year) DO NOTHING",
    )
    .bind(year)
    .bind(draft)
    .bind(FIRST_VERSION)
    .bind(at)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

#[tracing::instrument(skip_all)]
pub async fn get(conn: &mut AnyConnection, year: i64) -> Result<Option<ReportRow>, sqlx::Error> {
    crate::db::query_as(
        "SELECT draft, version, published_on, changed_since_published FROM annual_reports \
         WHERE year = ?",
    )
    .bind(year)
    .fetch_optional(conn)
    .await
}

/// Replaces the draft when it is still at `version`; `false` otherwise.
#[tracing::instrument(skip_all)]
pub async fn save_draft(
    conn: &mut AnyConnection,
    year: i64,
    version: i64,
    draft: &str,
    at: &str,
) -> Result<bool, sqlx::Error> {
    let done = crate::db::query(
        "UPDATE annual_reports SET draft = ?, version = version + 1, updated_at = ?, \
         changed_since_published = CASE WHEN published IS NULL THEN 0 ELSE 1 END \
         WHERE year = ? AND version = ?",
    )
    .bind(draft)
    .bind(at)
    .bind(year)
    .bind(version)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Publishes `published` (JSON) when the draft is still at `version`;
/// `false` otherwise.
#[tracing::instrument(skip_all)]
pub async fn publish(
    conn: &mut AnyConnection,
    year: i64,
    version: i64,
    published: &str,
    on: &str,
) -> Result<bool, sqlx::Error> {
    let done = crate::db::query(
        "UPDATE annual_reports SET published = ?, published_on = ?, \
         changed_since_published = 0 WHERE year = ? AND version = ?",
    )
    .bind(published)
    .bind(on)
    .bind(year)
    .bind(version)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// The published report (JSON), when the year has one.
#[tracing::instrument(skip_all)]
pub async fn published(conn: &mut AnyConnection, year: i64) -> Result<Option<String>, sqlx::Error> {
    crate::db::query_scalar::<Option<String>>("SELECT published FROM annual_reports WHERE year = ?")
        .bind(year)
        .fetch_optional(conn)
        .await
        .map(Option::flatten)
}

/// The reports, the latest year first, before `before` (a page's cursor).
#[tracing::instrument(skip_all)]
pub async fn list(
    conn: &mut AnyConnection,
    before: Option<i64>,
    limit: i64,
) -> Result<Vec<(i64, Option<String>, i64)>, sqlx::Error> {
    crate::db::query_as(
        "SELECT year, published_on, changed_since_published FROM annual_reports \
         WHERE year < ? ORDER BY year DESC LIMIT ?",
    )
    .bind(before.unwrap_or(i64::MAX))
    .bind(limit)
    .fetch_all(conn)
    .await
}

/// The most lessons a draft is written from.
pub const LESSONS_READ: i64 = 500;

/// What the stage responses sent from `from` to `to` say was learnt, each
/// with a cause the response recorded (`None`: it recorded none; a lesson
/// comes once for each of its causes), oldest first.
#[tracing::instrument(skip_all)]
pub async fn lessons(
    conn: &mut AnyConnection,
    from: &str,
    to: &str,
) -> Result<Vec<(Option<String>, String)>, sqlx::Error> {
    crate::db::query_as(
        "SELECT c.cause, s.lessons FROM case_stage_facts s \
         JOIN case_facts f ON f.case_id = s.case_id \
         LEFT JOIN case_cause_facts c ON c.case_id = s.case_id AND c.stage = s.stage \
         WHERE f.counted = 1 AND s.lessons IS NOT NULL AND s.responded_on BETWEEN ? AND ? \
         ORDER BY s.responded_on, s.case_id, s.stage, c.cause LIMIT ?",
    )
    .bind(from)
    .bind(to)
    .bind(LESSONS_READ)
    .fetch_all(conn)
    .await
}
