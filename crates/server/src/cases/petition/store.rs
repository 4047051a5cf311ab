//! The `case_signatories` table: everyone besides the spokesperson who
//! signed a petition's case (see [`crate::cases::petition`]).

use domain::petition::Signatory;
use sqlx::AnyConnection;

/// A signatory as stored, with their place in the petition.
#[derive(sqlx::FromRow, Debug)]
pub struct SignatoryRow {
    pub position: i64,
    pub name: String,
    pub email: String,
}

/// Records the people who signed the case, in order.
pub async fn insert(
    conn: &mut AnyConnection,
    case_id: i64,
    signatories: &[Signatory],
) -> Result<(), sqlx::Error> {
    for (position, signatory) in signatories.iter().enumerate() {
        crate::db::query(
            "INSERT INTO case_signatories (case_id, position, name, email) VALUES (?, ?, ?, ?)",
        )
        .bind(case_id)
        .bind(position as i64)
        .bind(signatory.name.as_str())
        .bind(signatory.email.as_str())
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

/// How many people besides the spokesperson signed the case.
pub async fn count(conn: &mut AnyConnection, case_id: i64) -> Result<i64, sqlx::Error> {
    let (n,): (i64,) =
        crate::db::query_as("SELECT COUNT(*) FROM case_signatories WHERE case_id = ?")
            .bind(case_id)
            .fetch_one(conn)
            .await?;
    Ok(n)
}

/// Whether the account, by its confirmed email address, signed the case.
pub async fn signed_by(
    conn: &mut AnyConnection,
    case_id: i64,
    user_id: i64,
) -> Result<bool, sqlx::Error> {
    let found: Option<(i64,)> = crate::db::query_as(
        "SELECT s.position FROM users u \
         JOIN case_signatories s ON s.email = lower(u.email) \
         WHERE u.id = ? AND u.email_verified_at IS NOT NULL AND s.case_id = ?",
    )
    .bind(user_id)
    .bind(case_id)
    .fetch_optional(conn)
    .await?;
    Ok(found.is_some())
}

/// The signatories after `after` (a position), in order: `fetch` of them.
pub async fn list(
    conn: &mut AnyConnection,
    case_id: i64,
    after: Option<i64>,
    fetch: i64,
) -> Result<Vec<SignatoryRow>, sqlx::Error> {
    crate::db::query_as(
        "SELECT position, name, email FROM case_signatories \
         WHERE case_id = ? AND position > ? ORDER BY position LIMIT ?",
    )
    .bind(case_id)
    .bind(after.unwrap_or(-1))
    .bind(fetch)
    .fetch_all(conn)
    .await
}

/// The resident account's email address, to keep the spokesperson off
/// their own petition's list.
pub async fn account_email(
    conn: &mut AnyConnection,
    user_id: i64,
) -> Result<Option<String>, sqlx::Error> {
    let row: Option<(String,)> = crate::db::query_as("SELECT email FROM users WHERE id = ?")
        .bind(user_id)
        .fetch_optional(conn)
        .await?;
    Ok(row.map(|(email,)| email))
}
