//! The SQL of email verification.

use chrono::{DateTime, Utc};
use sqlx::SqliteConnection;

use crate::auth::timestamp;

pub async fn insert(
    conn: &mut SqliteConnection,
    token_hash: &str,
    user_id: i64,
    email: &str,
    now: DateTime<Utc>,
    expires_at: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO email_verifications (token_hash, user_id, email, created_at, expires_at) \
         VALUES (?, ?, ?, ?, ?)",
    )
    .bind(token_hash)
    .bind(user_id)
    .bind(email)
    .bind(timestamp(now))
    .bind(timestamp(expires_at))
    .execute(conn)
    .await?;
    Ok(())
}

/// Links sent to an account since `since`.
pub async fn sent_since(
    conn: &mut SqliteConnection,
    user_id: i64,
    since: DateTime<Utc>,
) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT COUNT(*) FROM email_verifications WHERE user_id = ? AND created_at > ?",
    )
    .bind(user_id)
    .bind(timestamp(since))
    .fetch_one(conn)
    .await
}

/// Uses a link: the account it proves, if the link is unused, unexpired and
/// was sent to the account's present address. One statement, so a link
/// clicked twice at once proves once.
pub async fn use_link(
    conn: &mut SqliteConnection,
    token_hash: &str,
    now: DateTime<Utc>,
) -> Result<Option<i64>, sqlx::Error> {
    sqlx::query_scalar(
        "UPDATE email_verifications SET used_at = ? \
         WHERE token_hash = ? AND used_at IS NULL AND expires_at > ? \
         AND email = (SELECT u.email FROM users u WHERE u.id = email_verifications.user_id) \
         RETURNING user_id",
    )
    .bind(timestamp(now))
    .bind(token_hash)
    .bind(timestamp(now))
    .fetch_optional(conn)
    .await
}

pub async fn mark_verified(
    conn: &mut SqliteConnection,
    user_id: i64,
    now: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE users SET email_verified_at = ? WHERE id = ? AND email_verified_at IS NULL",
    )
    .bind(timestamp(now))
    .bind(user_id)
    .execute(conn)
    .await?;
    Ok(())
}

/// Whether the account's email address has been proved.
pub async fn is_verified(conn: &mut SqliteConnection, user_id: i64) -> Result<bool, sqlx::Error> {
    let at: Option<Option<String>> =
        sqlx::query_scalar("SELECT email_verified_at FROM users WHERE id = ?")
            .bind(user_id)
            .fetch_optional(conn)
            .await?;
    Ok(matches!(at, Some(Some(_))))
}

/// The account a link would prove, with its password hash, without using
/// the link: the same conditions as [`use_link`].
pub async fn link_holder(
    conn: &mut SqliteConnection,
    token_hash: &str,
    now: DateTime<Utc>,
) -> Result<Option<(i64, String)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT u.id, u.password_hash FROM email_verifications v JOIN users u ON u.id = v.user_id \
         WHERE v.token_hash = ? AND v.used_at IS NULL AND v.expires_at > ? AND v.email = u.email",
    )
    .bind(token_hash)
    .bind(timestamp(now))
    .fetch_optional(conn)
    .await
}

/// The account that uses `email`, if any: its id, name and whether the
/// address is proved.
pub async fn account_with_email(
    conn: &mut SqliteConnection,
    email: &str,
) -> Result<Option<(i64, String, bool)>, sqlx::Error> {
    sqlx::query_as("SELECT id, name, email_verified_at IS NOT NULL FROM users WHERE email = ?")
        .bind(email)
        .fetch_optional(conn)
        .await
}

/// A new account whose address is not yet proved.
pub async fn insert_unproved_account(
    conn: &mut SqliteConnection,
    public_id: &str,
    account: &domain::api::account::ValidRegistration,
    password_hash: &str,
    now: DateTime<Utc>,
) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
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
    conn: &mut SqliteConnection,
    user_id: i64,
    password_hash: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE users SET password_hash = ? WHERE id = ? AND email_verified_at IS NULL")
        .bind(password_hash)
        .bind(user_id)
        .execute(conn)
        .await?;
    Ok(())
}

/// Messages with this purpose queued for an account since `since`.
pub async fn messages_since(
    conn: &mut SqliteConnection,
    user_id: i64,
    purpose: &str,
    since: DateTime<Utc>,
) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT COUNT(*) FROM outbox WHERE user_id = ? AND purpose = ? AND created_at > ?",
    )
    .bind(user_id)
    .bind(purpose)
    .bind(timestamp(since))
    .fetch_one(conn)
    .await
}
