//! Sessions: random tokens in a cookie, stored by their SHA-256, with an idle
//! and an absolute expiry checked against the server's clock on every request.

use axum::http::{header, HeaderMap, HeaderValue};
use base64::Engine;
use chrono::{DateTime, Duration, Utc};
use sha2::{Digest, Sha256};
use sqlx::AnyConnection;

pub mod device;
mod store;

use super::{CurrentUser, Role};
use crate::clock::parse_timestamp;
use crate::config::Config;
use crate::error::ApiError;
use crate::AppState;
pub use device::Device;

/// A session not used for this long is over.
pub const IDLE_TIMEOUT: Duration = Duration::minutes(30);
/// A session is over this long after sign-in, however active.
pub const ABSOLUTE_TIMEOUT: Duration = Duration::hours(12);
/// `last_seen_at` is written at most this often, to spare writes.
pub const TOUCH_INTERVAL: Duration = Duration::minutes(1);

pub const COOKIE: &str = "pir_session";
/// The name behind HTTPS: the `__Host-` prefix makes browsers insist on Secure,
/// Path=/ and no Domain, so a sibling subdomain cannot plant or read it.
pub const SECURE_COOKIE: &str = "__Host-pir_session";

pub fn cookie_name(config: &Config) -> &'static str {
    if config.secure_cookies {
        SECURE_COOKIE
    } else {
        COOKIE
    }
}

/// 32 random bytes, base64url without padding (43 characters).
pub fn new_token() -> String {
    let mut bytes = [0u8; 32];
    argon2::password_hash::rand_core::RngCore::fill_bytes(
        &mut argon2::password_hash::rand_core::OsRng,
        &mut bytes,
    );
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

/// What `sessions.token_hash` holds: the SHA-256 of the token, in hex.
pub fn token_hash(token: &str) -> String {
    Sha256::digest(token.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The `Set-Cookie` value that starts a session.
pub fn set_cookie(config: &Config, token: &str) -> HeaderValue {
    let secure = if config.secure_cookies {
        "; Secure"
    } else {
        ""
    };
    let value = format!(
        "{}={token}; HttpOnly; SameSite=Lax; Path=/{secure}",
        cookie_name(config)
    );
    HeaderValue::from_str(&value).expect("a base64url token is a valid header value")
}

/// The `Set-Cookie` value that makes the browser forget the session.
pub fn clear_cookie(config: &Config) -> HeaderValue {
    let secure = if config.secure_cookies {
        "; Secure"
    } else {
        ""
    };
    let value = format!(
        "{}=; HttpOnly; SameSite=Lax; Path=/; Max-Age=0{secure}",
        cookie_name(config)
    );
    HeaderValue::from_str(&value).expect("ASCII")
}

/// The session token the request carries, if any (and if it looks like one).
pub fn token_from_headers(headers: &HeaderMap, config: &Config) -> Option<String> {
    cookie_token(headers, cookie_name(config))
}

/// The value of the cookie `name` the request carries, if it looks like a
/// token: 43 characters of base64url, as [`new_token`] makes.
pub fn cookie_token(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(key, _)| *key == name)
        .map(|(_, token)| token.trim().to_owned())
        .filter(|token| {
            token.len() == 43
                && token
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        })
}

pub use store::{end_all_but, end_by_public_id, revoke};

/// Starts a session for `user_id` and returns its token (to be sent once, in
/// the cookie).
pub async fn start(
    conn: &mut AnyConnection,
    user_id: i64,
    now: DateTime<Utc>,
) -> Result<String, sqlx::Error> {
    start_on_device(conn, user_id, now, &Device::default()).await
}

/// [`start`], noting the kind of device it started on, for the account's
/// list of where it is signed in.
pub async fn start_on_device(
    conn: &mut AnyConnection,
    user_id: i64,
    now: DateTime<Utc>,
    device: &Device,
) -> Result<String, sqlx::Error> {
    let token = new_token();
    store::insert(conn, &token_hash(&token), user_id, now, device).await?;
    // Sessions past their absolute expiry are of no use to anyone: tidy them.
    store::delete_started_before(conn, now - ABSOLUTE_TIMEOUT - Duration::days(1)).await?;
    Ok(token)
}

/// Whether a session that started at `created_at` and was last used at
/// `last_seen` is still good at `now`.
pub fn is_live(created_at: DateTime<Utc>, last_seen: DateTime<Utc>, now: DateTime<Utc>) -> bool {
    now - last_seen < IDLE_TIMEOUT && now - created_at < ABSOLUTE_TIMEOUT
}

/// The account behind a token, when its session is live; touches the session
/// (sliding the idle expiry) at most once a minute.
pub async fn authenticate(state: &AppState, token: &str) -> Result<Option<CurrentUser>, ApiError> {
    let hash = token_hash(token);
    let row = store::live_row(&state.db, &hash).await?;
    let Some(row) = row else {
        return Ok(None);
    };
    let now = state.clock.now();
    let (Some(created_at), Some(last_seen)) = (
        parse_timestamp(&row.created_at),
        parse_timestamp(&row.last_seen_at),
    ) else {
        return Err(ApiError::internal("a session's timestamps cannot be read"));
    };
    if !is_live(created_at, last_seen, now) {
        return Ok(None);
    }
    if now - last_seen >= TOUCH_INTERVAL {
        let touched = store::touch(&state.db, &hash, now).await;
        if let Err(error) = touched {
            // The session is good; only its sliding expiry did not move.
            tracing::warn!(%error, "could not record a session's use");
        }
    }
    let role = Role::parse(&row.role)
        .ok_or_else(|| ApiError::internal(format!("unknown role {:?}", row.role)))?;
    Ok(Some(CurrentUser {
        id: row.user_id,
        public_id: row.public_id,
        name: row.name,
        email: row.email,
        role,
        email_verified: row.email_verified,
        complaints_team: row.complaints_team,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    #[test]
    fn a_session_idle_for_thirty_minutes_is_over() {
        let start = at("2026-03-02T09:00:00Z");
        assert!(is_live(start, start, start + Duration::minutes(29)));
        assert!(!is_live(start, start, start + Duration::minutes(30)));
    }

    #[test]
    fn a_session_twelve_hours_old_is_over_however_active() {
        let start = at("2026-03-02T09:00:00Z");
        let now = start + Duration::hours(12);
        assert!(!is_live(start, now - Duration::minutes(1), now));
    }

    #[test]
    fn tokens_are_new_each_time_and_stored_only_as_a_hash() {
        let (a, b) = (new_token(), new_token());
        assert_ne!(a, b);
        assert_eq!(a.len(), 43);
        assert_eq!(token_hash(&a).len(), 64);
        assert_ne!(token_hash(&a), a);
    }

    #[test]
    fn the_token_is_read_from_among_other_cookies() {
        let config = Config::for_tests("sqlite::memory:".into());
        let token = new_token();
        let mut headers = HeaderMap::new();
        headers.insert(
            header::COOKIE,
            HeaderValue::from_str(&format!("theme=dark; pir_session={token}; x=1")).unwrap(),
        );
        assert_eq!(token_from_headers(&headers, &config), Some(token));
        headers.insert(
            header::COOKIE,
            HeaderValue::from_static("pir_session=nonsense"),
        );
        assert_eq!(token_from_headers(&headers, &config), None);
    }
}
