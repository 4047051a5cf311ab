//! The SQL of email verification.

use chrono::{DateTime, Utc};
use sqlx::AnyConnection;

use crate::clock::timestamp;

pub async fn mark_verified(
    conn: &mut AnyConnection,
    user_id: i64,
    now: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    crate::db::query(
        "UPDATE users SET email_verified_at = ? WHERE id = ? AND email_verified_at IS NULL",
    )
    .bind(timestamp(now))
    .bind(user_id)
    .execute(conn)
    .await?;
    Ok(())
}

/// Whether the account's email address has been proved.
pub async fn is_verified(conn: &mut AnyConnection, user_id: i64) -> Result<bool, sqlx::Error> {
    let at: Option<Option<String>> =
        crate::db::query_scalar("SELECT email_verified_at FROM users WHERE id = ?")
            .bind(user_id)
            .fetch_optional(conn)
            .await?;
    Ok(matches!(at, Some(Some(_))))
}

/// The account that uses `email`, if any: its id, name and whether the
/// address is proved.
pub async fn account_with_email(
    conn: &mut AnyConnection,
    email: &str,
) -> Result<Option<(i64, String, bool)>, sqlx::Error> {
    let row: Option<(i64, String, crate::db::Flag)> = crate::db::query_as(
        "SELECT id, name, email_verified_at IS NOT NULL FROM users WHERE email = ?",
    )
    .bind(email)
    .fetch_optional(conn)
    .await?;
    Ok(row.map(|(id, name, verified)| (id, name, verified.0)))
}

/// A new account whose address is not yet proved.
pub async fn insert_unproved_account(
    conn: &mut AnyConnection,
    public_id: &str,
    account: &domain::api::account::ValidRegistration,
    password_hash: &str,
    now: DateTime<Utc>,
) -> Result<i64, sqlx::Error> {
    crate::db::query_scalar(
        "INSERT INTO users (public_id, email, name, role, password_hash, created_at) \
         VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
    )
    .bind(public_id)
    .bind(&account.email)
    .bind(&account.name)
    .bind(account.role.as_str())
    .bind(password_hash)
    .bind(timestamp(now))
    .fetch_one(conn)
    .await
}

/// Someone registered again with an address nobody has proved: the password
/// they chose this time is the one the link will ask for.
pub async fn replace_unproved_password(
    conn: &mut AnyConnection,
    user_id: i64,
    password_hash: &str,
) -> Result<(), sqlx::Error> {
    crate::db::query(
        "UPDATE users SET password_hash = ? WHERE id = ? AND email_verified_at IS NULL",
    )
    .bind(password_hash)
    .bind(user_id)
    .execute(conn)
    .await?;
    Ok(())
}

/// Messages with this purpose queued for an account since `since`.
pub async fn messages_since(
    conn: &mut AnyConnection,
    user_id: i64,
    purpose: &str,
    since: DateTime<Utc>,
) -> Result<i64, sqlx::Error> {
    crate::db::query_scalar(
        "SELECT COUNT(*) FROM outbox WHERE user_id = ? AND purpose = ? AND created_at > ?",
    )
    .bind(user_id)
    .bind(purpose)
    .bind(timestamp(since))
    .fetch_one(conn)
    .await
}

/// The stored password hash of a live account (a link is used with the
/// account's password; changing a password checks the old one).
pub async fn password_hash(
    conn: &mut AnyConnection,
    user_id: i64,
) -> Result<Option<String>, sqlx::Error> {
    crate::db::query_scalar("SELECT password_hash FROM users WHERE id = ? AND deleted_at IS NULL")
        .bind(user_id)
        .fetch_optional(conn)
        .await
}
