//! The second factor's SQL: pending sign-ins, keys, recovery codes and the
//! throttle on wrong codes (rows of `sign_in_throttle` under
//! `second-factor:<user id>`, so they are tidied with the sign-in ones).

use chrono::{DateTime, Duration, Utc};
use sqlx::{AnyConnection, AnyPool};

use super::{FREE_FAILURES, MAX_DELAY, PENDING_FOR};
use crate::auth::{session, CurrentUser, Role};
use crate::clock::{parse_timestamp, timestamp};
use crate::error::ApiError;
use crate::secrets::SecretsKey;

/// Starts a pending sign-in for `user_id` and returns its token.
pub async fn start_pending(
    conn: &mut AnyConnection,
    user_id: i64,
    now: DateTime<Utc>,
) -> Result<String, sqlx::Error> {
    let token = session::new_token();
    crate::db::query(
        "INSERT INTO pending_sign_ins (token_hash, user_id, created_at, expires_at) \
         VALUES (?, ?, ?, ?)",
    )
    .bind(session::token_hash(&token))
    .bind(user_id)
    .bind(timestamp(now))
    .bind(timestamp(now + PENDING_FOR))
    .execute(&mut *conn)
    .await?;
    // Pending sign-ins a day past their expiry are of no use: tidy them.
    crate::db::query("DELETE FROM pending_sign_ins WHERE expires_at < ?")
        .bind(timestamp(now - Duration::days(1)))
        .execute(&mut *conn)
        .await?;
    Ok(token)
}

/// The account of a pending sign-in that is unused and unexpired at `now`.
/// (A clock set back before it started does not make it last longer.)
pub async fn pending_user(
    conn: &mut AnyConnection,
    token: &str,
    now: DateTime<Utc>,
) -> Result<Option<i64>, sqlx::Error> {
    let row: Option<(i64, String, String)> = crate::db::query_as(
        "SELECT user_id, created_at, expires_at FROM pending_sign_ins \
         WHERE token_hash = ? AND used_at IS NULL",
    )
    .bind(session::token_hash(token))
    .fetch_optional(&mut *conn)
    .await?;
    Ok(row.and_then(|(user_id, created_at, expires_at)| {
        let created = parse_timestamp(&created_at)?;
        let expires = parse_timestamp(&expires_at)?;
        (now < expires && now - created > -PENDING_FOR).then_some(user_id)
    }))
}

/// The pending sign-in has done its work: it cannot be used again.
pub async fn finish_pending(
    conn: &mut AnyConnection,
    token: &str,
    now: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    crate::db::query("UPDATE pending_sign_ins SET used_at = ? WHERE token_hash = ?")
        .bind(timestamp(now))
        .bind(session::token_hash(token))
        .execute(conn)
        .await?;
    Ok(())
}

/// An account's authenticator key.
#[derive(Debug, Clone)]
pub struct Factor {
    pub secret: Vec<u8>,
    pub confirmed: bool,
    pub last_step: Option<i64>,
}

pub async fn factor(
    conn: &mut AnyConnection,
    key: &SecretsKey,
    user_id: i64,
) -> Result<Option<Factor>, ApiError> {
    let row: Option<(Vec<u8>, crate::db::Flag, Option<i64>)> = crate::db::query_as(
        "SELECT secret, confirmed_at IS NOT NULL, last_step FROM second_factors WHERE user_id = ?",
    )
    .bind(user_id)
    .fetch_optional(conn)
    .await?;
    let Some((stored, confirmed, last_step)) = row else {
        return Ok(None);
    };
    let secret = key
        .open(&stored, &context(user_id))
        .map_err(|wrong| ApiError::internal(format!("account {user_id}: {wrong}")))?;
    Ok(Some(Factor {
        secret,
        confirmed: confirmed.0,
        last_step,
    }))
}

/// What a key is sealed with besides the secrets key: the account's id, so
/// a sealed key copied onto another account's row does not open.
fn context(user_id: i64) -> Vec<u8> {
    format!("second_factors.secret:{user_id}").into_bytes()
}

/// Whether the account has an authenticator app set up (and confirmed).
pub async fn is_set_up(conn: &mut AnyConnection, user_id: i64) -> Result<bool, sqlx::Error> {
    let confirmed: Option<crate::db::Flag> = crate::db::query_scalar(
        "SELECT confirmed_at IS NOT NULL FROM second_factors WHERE user_id = ?",
    )
    .bind(user_id)
    .fetch_optional(conn)
    .await?;
    Ok(confirmed == Some(crate::db::Flag(true)))
}

/// The key being set up: the one already made and not yet confirmed, else a
/// new one. `None` when the account's app is already set up.
pub async fn key_to_set_up(
    conn: &mut AnyConnection,
    key: &SecretsKey,
    user_id: i64,
    now: DateTime<Utc>,
) -> Result<Option<Vec<u8>>, ApiError> {
    match factor(&mut *conn, key, user_id).await? {
        Some(factor) if factor.confirmed => Ok(None),
        Some(factor) => Ok(Some(factor.secret)),
        None => {
            let secret = super::totp::new_secret();
            save_key(conn, key, user_id, &secret, now).await?;
            Ok(Some(secret))
        }
    }
}

/// Stores a key for the account, sealed ([`crate::secrets`]), replacing any
/// (confirmed or not).
pub async fn save_key(
    conn: &mut AnyConnection,
    key: &SecretsKey,
    user_id: i64,
    secret: &[u8],
    now: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    crate::db::query(
        "INSERT INTO second_factors (user_id, secret, created_at) VALUES (?, ?, ?) \
         ON CONFLICT (user_id) DO UPDATE SET secret = excluded.secret, \
         created_at = excluded.created_at, confirmed_at = NULL, last_step = NULL",
    )
    .bind(user_id)
    .bind(key.seal(secret, &context(user_id)))
    .bind(timestamp(now))
    .execute(conn)
    .await?;
    Ok(())
}

/// At start-up: seals every key stored before keys were sealed, and checks
/// that the sealed ones open with this secrets key (so a wrong key file is
/// found at once, not at a caseworker's next sign-in). Returns how many
/// were sealed now.
pub async fn seal_stored_keys(db: &AnyPool, key: &SecretsKey) -> Result<u64, String> {
    let mut tx = crate::db::begin_write(db)
        .await
        .map_err(|e| e.to_string())?;
    let rows: Vec<(i64, Vec<u8>)> =
        crate::db::query_as("SELECT user_id, secret FROM second_factors")
            .fetch_all(&mut *tx)
            .await
            .map_err(|e| e.to_string())?;
    let mut sealed = 0;
    for (user_id, stored) in rows {
        if crate::secrets::is_sealed(&stored) {
            key.open(&stored, &context(user_id))
                .map_err(|wrong| wrong.to_string())?;
            continue;
        }
        crate::db::query("UPDATE second_factors SET secret = ? WHERE user_id = ?")
            .bind(key.seal(&stored, &context(user_id)))
            .bind(user_id)
            .execute(&mut *tx)
            .await
            .map_err(|e| e.to_string())?;
        sealed += 1;
    }
    tx.commit().await.map_err(|e| e.to_string())?;
    Ok(sealed)
}

/// A code for `step` was accepted: no code for it (or an earlier step) will
/// be again; a key being set up is now set up.
pub async fn accept_step(
    conn: &mut AnyConnection,
    user_id: i64,
    step: i64,
    now: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    crate::db::query(
        "UPDATE second_factors SET last_step = ?, confirmed_at = COALESCE(confirmed_at, ?) \
         WHERE user_id = ?",
    )
    .bind(step)
    .bind(timestamp(now))
    .bind(user_id)
    .execute(conn)
    .await?;
    Ok(())
}

/// Replaces the account's recovery codes with these (their hashes).
pub async fn replace_recovery_codes(
    conn: &mut AnyConnection,
    user_id: i64,
    hashes: &[String],
) -> Result<(), sqlx::Error> {
    crate::db::query("DELETE FROM recovery_codes WHERE user_id = ?")
        .bind(user_id)
        .execute(&mut *conn)
        .await?;
    for hash in hashes {
        crate::db::query("INSERT INTO recovery_codes (user_id, code_hash) VALUES (?, ?)")
            .bind(user_id)
            .bind(hash)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

/// Uses up the recovery code with this hash, if the account has it unused.
pub async fn use_recovery_code(
    conn: &mut AnyConnection,
    user_id: i64,
    hash: &str,
    now: DateTime<Utc>,
) -> Result<bool, sqlx::Error> {
    let used = crate::db::query(
        "UPDATE recovery_codes SET used_at = ? \
         WHERE user_id = ? AND code_hash = ? AND used_at IS NULL",
    )
    .bind(timestamp(now))
    .bind(user_id)
    .bind(hash)
    .execute(conn)
    .await?;
    Ok(used.rows_affected() == 1)
}

/// How many of the account's recovery codes are still unused.
pub async fn recovery_codes_left(
    conn: &mut AnyConnection,
    user_id: i64,
) -> Result<i64, sqlx::Error> {
    crate::db::query_scalar(
        "SELECT COUNT(*) FROM recovery_codes WHERE user_id = ? AND used_at IS NULL",
    )
    .bind(user_id)
    .fetch_one(conn)
    .await
}

/// `server user reset-second-factor`: the key and the recovery codes are
/// gone, and so are the account's sessions and pending sign-ins; the next
/// sign-in sets up an app again. `false` when there was nothing to reset.
pub async fn reset(
    conn: &mut AnyConnection,
    user_id: i64,
    now: DateTime<Utc>,
) -> Result<bool, sqlx::Error> {
    let had = crate::db::query("DELETE FROM second_factors WHERE user_id = ?")
        .bind(user_id)
        .execute(&mut *conn)
        .await?
        .rows_affected()
        > 0;
    crate::db::query("DELETE FROM recovery_codes WHERE user_id = ?")
        .bind(user_id)
        .execute(&mut *conn)
        .await?;
    crate::db::query(
        "UPDATE pending_sign_ins SET used_at = ? WHERE user_id = ? AND used_at IS NULL",
    )
    .bind(timestamp(now))
    .bind(user_id)
    .execute(&mut *conn)
    .await?;
    crate::db::query("UPDATE sessions SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL")
        .bind(timestamp(now))
        .bind(user_id)
        .execute(&mut *conn)
        .await?;
    crate::db::query("DELETE FROM sign_in_throttle WHERE key = ?")
        .bind(throttle_key(user_id))
        .execute(&mut *conn)
        .await?;
    Ok(had)
}

/// The id and role of the account with this (lower-cased) address.
pub async fn id_and_role_by_email(
    conn: &mut AnyConnection,
    email: &str,
) -> Result<Option<(i64, String)>, sqlx::Error> {
    crate::db::query_as("SELECT id, role FROM users WHERE email = ?")
        .bind(email)
        .fetch_optional(conn)
        .await
}

/// The account, as the session will show it.
pub async fn user(conn: &mut AnyConnection, user_id: i64) -> Result<CurrentUser, ApiError> {
    let (id, public_id, name, email, role, email_verified, complaints_team): (
        i64,
        String,
        String,
        String,
        String,
        crate::db::Flag,
        crate::db::Flag,
    ) = crate::db::query_as(
        "SELECT id, public_id, name, email, role, email_verified_at IS NOT NULL, \
         complaints_team FROM users WHERE id = ?",
    )
    .bind(user_id)
    .fetch_one(conn)
    .await?;
    Ok(CurrentUser {
        id,
        public_id,
        name,
        email,
        email_verified: email_verified.0,
        complaints_team: complaints_team.0,
        role: Role::parse(&role)
            .ok_or_else(|| ApiError::internal(format!("unknown role {role:?}")))?,
    })
}

// --- the throttle on wrong codes -------------------------------------------

fn throttle_key(user_id: i64) -> String {
    format!("second-factor:{user_id}")
}

/// How long to wait after the `failures`-th wrong code: nothing for the first
/// `FREE_FAILURES - 1`, then 1 s, 2 s, 4 s … up to [`MAX_DELAY`].
pub fn delay(failures: i64) -> Duration {
    if failures < FREE_FAILURES {
        return Duration::zero();
    }
    let doublings = (failures - FREE_FAILURES).min(20) as u32;
    Duration::seconds(1i64 << doublings).min(MAX_DELAY)
}

/// The wait still to run before the account's next code is checked, if any.
pub async fn throttle_wait(
    conn: &mut AnyConnection,
    user_id: i64,
    now: DateTime<Utc>,
) -> Result<Option<Duration>, sqlx::Error> {
    let row: Option<(i64, String, String)> = crate::db::query_as(
        "SELECT failures, next_at, last_at FROM sign_in_throttle WHERE key = ?",
    )
    .bind(throttle_key(user_id))
    .fetch_optional(conn)
    .await?;
    let Some((failures, next_at, last_at)) = row else {
        return Ok(None);
    };
    let last = parse_timestamp(&last_at).unwrap_or(now);
    // As for passwords (`auth::limit`): failures from a clock since set back,
    // or a day old, are forgotten; no wait is longer than the failures earned.
    if now - last > crate::auth::limit::FORGET_AFTER || last - now > Duration::minutes(5) {
        return Ok(None);
    }
    let earned = delay(failures);
    let next = parse_timestamp(&next_at).unwrap_or(now);
    let wait = (next - now).min(earned);
    Ok((wait > Duration::zero()).then_some(wait))
}

/// Counts a wrong code; returns the account's count of them in a row.
pub async fn throttle_failed(
    conn: &mut AnyConnection,
    user_id: i64,
    now: DateTime<Utc>,
) -> Result<i64, sqlx::Error> {
    let key = throttle_key(user_id);
    let previous: Option<(i64, String)> =
        crate::db::query_as("SELECT failures, last_at FROM sign_in_throttle WHERE key = ?")
            .bind(&key)
            .fetch_optional(&mut *conn)
            .await?;
    let previous = previous
        .filter(|(_, last_at)| {
            parse_timestamp(last_at).is_some_and(|last| {
                now - last <= crate::auth::limit::FORGET_AFTER && last - now <= Duration::minutes(5)
            })
        })
        .map_or(0, |(failures, _)| failures);
    let failures = previous + 1;
    crate::db::query(
        "INSERT INTO sign_in_throttle (key, failures, next_at, last_at) VALUES (?, ?, ?, ?) \
         ON CONFLICT (key) DO UPDATE SET failures = excluded.failures, \
         next_at = excluded.next_at, last_at = excluded.last_at",
    )
    .bind(&key)
    .bind(failures)
    .bind(timestamp(now + delay(failures)))
    .bind(timestamp(now))
    .execute(conn)
    .await?;
    Ok(failures)
}

/// A right code: the count starts again.
pub async fn throttle_clear(conn: &mut AnyConnection, user_id: i64) -> Result<(), sqlx::Error> {
    crate::db::query("DELETE FROM sign_in_throttle WHERE key = ?")
        .bind(throttle_key(user_id))
        .execute(conn)
        .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrong_codes_wait_longer_each_time_up_to_a_ceiling() {
        let delays: Vec<i64> = (1..=16).map(|n| delay(n).num_seconds()).collect();
        assert_eq!(
            delays,
            [0, 0, 0, 0, 1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 900, 900]
        );
    }
}
