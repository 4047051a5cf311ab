//! The `equality_answers` table: a resident's optional answers about a case
//! of theirs, a row per case, kept apart from the case (see
//! [`crate::cases::equality`]). Nothing that shows a case reads it.

use chrono::{DateTime, Utc};
use sqlx::AnyConnection;

use crate::clock::timestamp;

/// The stored answers, as their stable values (see
/// [`domain::equality::Characteristic::values`]).
#[derive(sqlx::FromRow, Debug)]
pub struct AnswersRow {
    pub gender: Option<String>,
    pub age: Option<String>,
    pub ethnicity: Option<String>,
    pub disability: Option<String>,
}

/// The answers about a case, if its resident gave any.
pub async fn answers(
    conn: &mut AnyConnection,
    case_id: i64,
) -> Result<Option<AnswersRow>, sqlx::Error> {
    crate::db::query_as(
        "SELECT gender, age, ethnicity, disability FROM equality_answers WHERE case_id = ?",
    )
    .bind(case_id)
    .fetch_optional(conn)
    .await
}

/// Writes the answers about a case, replacing any before.
pub async fn save(
    conn: &mut AnyConnection,
    case_id: i64,
    user_id: i64,
    answers: &AnswersRow,
    at: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    crate::db::query(
        "INSERT INTO equality_answers \
         (case_id, user_id, gender, age, ethnicity, disability, answered_at) \
         VALUES (?, ?, ?, ?, ?, ?, ?) \
         ON CONFLICT (case_id) DO UPDATE SET user_id = excluded.user_id, \
         gender = excluded.gender, age = excluded.age, ethnicity = excluded.ethnicity, \
         disability = excluded.disability, answered_at = excluded.answered_at",
    )
    .bind(case_id)
    .bind(user_id)
    .bind(answers.gender.as_deref())
    .bind(answers.age.as_deref())
    .bind(answers.ethnicity.as_deref())
    .bind(answers.disability.as_deref())
    .bind(timestamp(at))
    .execute(conn)
    .await
    .map(|_| ())
}

/// Takes the answers about a case away.
pub async fn remove(conn: &mut AnyConnection, case_id: i64) -> Result<(), sqlx::Error> {
    crate::db::query("DELETE FROM equality_answers WHERE case_id = ?")
        .bind(case_id)
        .execute(conn)
        .await
        .map(|_| ())
}
