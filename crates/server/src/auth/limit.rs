//! Limits on failed sign-ins, per account and per client address, counted in
//! the database (`sign_in_failures`) so they hold across restarts and processes.
//!
//! While a key is over its limit every attempt is refused with 429, the right
//! password included, so guessing cannot go on at a slower pace.

use std::net::IpAddr;

use chrono::{DateTime, Duration, Utc};
use sqlx::SqlitePool;

use super::{parse_timestamp, timestamp};
use crate::error::ApiError;

/// Failures are counted over this window.
pub const WINDOW: Duration = Duration::minutes(15);
/// Failed sign-ins allowed per account (email address) in the window.
pub const PER_ACCOUNT: i64 = 5;
/// Failed sign-ins allowed per client address in the window.
pub const PER_ADDRESS: i64 = 20;

/// The keys one attempt counts under.
#[derive(Debug, Clone)]
pub struct Attempt {
    account: String,
    /// `None` when the address is not known: then only the account limit applies,
    /// so that all clients behind one unknown address cannot lock each other out.
    address: Option<String>,
}

impl Attempt {
    pub fn new(email: &str, address: Option<IpAddr>) -> Self {
        // Keys are bounded, whatever length of "email" is sent.
        let email: String = email.trim().to_lowercase().chars().take(320).collect();
        Self {
            account: format!("email:{email}"),
            address: address.map(|ip| format!("address:{ip}")),
        }
    }

    fn limits(&self) -> impl Iterator<Item = (&str, i64)> {
        std::iter::once((self.account.as_str(), PER_ACCOUNT))
            .chain(self.address.as_deref().map(|key| (key, PER_ADDRESS)))
    }
}

/// `Err(TooManyRequests)` with the seconds until one more attempt is allowed,
/// when the account or the address has used up its failures.
pub async fn check(db: &SqlitePool, attempt: &Attempt, now: DateTime<Utc>) -> Result<(), ApiError> {
    let mut wait = Duration::zero();
    for (key, limit) in attempt.limits() {
        // The newest `limit` failures in the window: when there are that many,
        // the oldest of them has to leave the window before another attempt.
        let recent: Vec<String> = sqlx::query_scalar(
            "SELECT at FROM sign_in_failures WHERE key = ? AND at > ? ORDER BY at DESC LIMIT ?",
        )
        .bind(key)
        .bind(timestamp(now - WINDOW))
        .bind(limit)
        .fetch_all(db)
        .await?;
        if recent.len() as i64 >= limit {
            let oldest = recent
                .last()
                .and_then(|at| parse_timestamp(at))
                .unwrap_or(now);
            wait = wait.max(oldest + WINDOW - now);
        }
    }
    if wait > Duration::zero() {
        // Rounded up: waiting the whole number of seconds is always enough.
        let seconds = (wait.num_milliseconds() + 999) / 1000;
        return Err(ApiError::TooManyRequests {
            retry_after: seconds.max(1) as u64,
        });
    }
    Ok(())
}

/// Counts a failed attempt, and forgets failures older than the window.
pub async fn record_failure(
    db: &SqlitePool,
    attempt: &Attempt,
    now: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    let mut tx = crate::db::begin_write(db).await?;
    for (key, _) in attempt.limits() {
        sqlx::query("INSERT INTO sign_in_failures (key, at) VALUES (?, ?)")
            .bind(key)
            .bind(timestamp(now))
            .execute(&mut *tx)
            .await?;
    }
    sqlx::query("DELETE FROM sign_in_failures WHERE at <= ?")
        .bind(timestamp(now - WINDOW))
        .execute(&mut *tx)
        .await?;
    tx.commit().await
}

/// After a successful sign-in the account's count starts again (the address's
/// does not: one right password does not excuse guessing at others).
pub async fn clear_account(db: &SqlitePool, attempt: &Attempt) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM sign_in_failures WHERE key = ?")
        .bind(&attempt.account)
        .execute(db)
        .await?;
    Ok(())
}
