//! The `users` table, as accounts are made and signed in to.

use chrono::{DateTime, Utc};
use domain::api::account::Role;
use sqlx::{AnyConnection, AnyPool};

use crate::auth::CurrentUser;
use crate::clock::timestamp;
use crate::error::ApiError;

/// The id of the account with this email address, if there is one.
#[tracing::instrument(skip_all)]
pub async fn id_by_email(
    conn: &mut AnyConnection,
    email: &str,
) -> Result<Option<i64>, sqlx::Error> {
    crate::db::query_scalar("SELECT id FROM users WHERE email = ?")
        .bind(email)
        .fetch_optional(conn)
        .await
}

/// The id of the advocate's account with this email address, if there is one.
#[tracing::instrument(skip_all)]
pub async fn advocate_by_email(
    conn: &mut AnyConnection,
    email: &str,
) -> Result<Option<i64>, sqlx::Error> {
    crate::db::query_scalar("SELECT id FROM users WHERE email = ? AND role = 'advocate'")
        .bind(email)
        .fetch_optional(conn)
        .await
}

/// What a new account an admin vouches for holds.
pub struct NewAccount<'a> {
    pub public_id: &'a str,
    pub email: &'a str,
    pub name: &'a str,
    pub role: Role,
    pub password_hash: &'a str,
    pub at: DateTime<Utc>,
    /// Staff or admin in the complaints team (see [`CurrentUser`]).
    pub complaints_team: bool,
}

/// Stores an account whose address counts as proved; returns its id.
#[tracing::instrument(skip_all)]
pub async fn insert_proved(
    conn: &mut AnyConnection,
    account: &NewAccount<'_>,
) -> Result<i64, sqlx::Error> {
    crate::db::query_scalar(
        "INSERT INTO users (public_id, email, name, role, password_hash, created_at, \
         email_verified_at, complaints_team) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
    )
    .bind(account.public_id)
    .bind(account.email)
    .bind(account.name)
    .bind(account.role.as_str())
    .bind(account.password_hash)
    .bind(timestamp(account.at))
    .bind(timestamp(account.at))
    .bind(i64::from(
        account.complaints_team && account.role.is_staff(),
    ))
    .fetch_one(conn)
    .await
}

/// Puts a staff or admin account in the complaints team, or takes it out;
/// `false` when there is no staff or admin account with this address.
#[tracing::instrument(skip_all)]
pub async fn set_complaints_team(
    conn: &mut AnyConnection,
    email: &str,
    member: bool,
) -> Result<bool, sqlx::Error> {
    let done = crate::db::query(
        "UPDATE users SET complaints_team = ? WHERE email = ? AND role IN ('staff', 'admin')",
    )
    .bind(i64::from(member))
    .bind(email)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// An account as signing in reads it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct SignInRow {
    pub id: i64,
    pub public_id: String,
    pub name: String,
    pub email: String,
    pub role: String,
    pub password_hash: String,
    #[sqlx(try_from = "crate::db::Flag")]
    pub email_verified: bool,
    #[sqlx(try_from = "crate::db::Flag")]
    pub complaints_team: bool,
}

impl SignInRow {
    /// The account as the rest of the API sees who is signed in.
    pub fn user(self) -> Result<CurrentUser, ApiError> {
        let role = Role::parse(&self.role)
            .ok_or_else(|| ApiError::internal(format!("unknown role {:?}", self.role)))?;
        Ok(CurrentUser {
            id: self.id,
            public_id: self.public_id,
            name: self.name,
            email: self.email,
            email_verified: self.email_verified,
            complaints_team: self.complaints_team,
            role,
        })
    }
}

/// The account with this (normalised) email address, for signing in.
#[tracing::instrument(skip_all)]
pub async fn for_sign_in(db: &AnyPool, email: &str) -> Result<Option<SignInRow>, sqlx::Error> {
    crate::db::query_as(
        "SELECT id, public_id, name, email, role, password_hash, \
         email_verified_at IS NOT NULL AS email_verified, complaints_team FROM users WHERE email = ?",
    )
    .bind(email)
    .fetch_optional(db)
    .await
}
