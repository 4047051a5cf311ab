//! Retried writes: an `Idempotency-Key` header names one attempt at a write, so
//! sending it again (a lost answer, a double click) gives the first answer
//! instead of a second case.
//!
//! The key is kept per account (another account's key of the same name is
//! another key) with a hash of the request, the answer's status and the id of
//! what it made or acted on (a case, an authorisation), in the same
//! transaction as the write itself: either both are stored or neither. A
//! replay is read afresh through the caller's access as it is now (see
//! `routes::cases::replay_case`), so an advocate whose authorisation was
//! revoked gets 404, not a copy of the case. Keys expire after [`KEY_LIFETIME`].

use axum::http::{HeaderMap, StatusCode};
use chrono::{DateTime, Duration, Utc};
use serde::Serialize;
use sha2::{Digest, Sha256};
use sqlx::AnyConnection;

use crate::error::{ApiError, FieldError};

pub mod store;

/// How long a key is remembered: after that, the same key is a new request.
pub const KEY_LIFETIME: Duration = Duration::hours(24);

pub const HEADER: &str = "idempotency-key";

/// The longest key we keep (a UUID is 36).
pub const KEY_MAX_CHARS: usize = 255;

pub const KEY_MISSING: &str = "Send an Idempotency-Key header with this request";
pub const KEY_INVALID: &str = "The Idempotency-Key header must be 1 to 255 visible characters";
pub const KEY_REUSED: &str = "This request was already sent with different details";

/// The key of this request: 400 when it is missing or unusable.
pub fn required_key(headers: &HeaderMap) -> Result<String, ApiError> {
    let bad = |message: &str| ApiError::BadRequest(vec![FieldError::new("", message)]);
    let value = headers.get(HEADER).ok_or_else(|| bad(KEY_MISSING))?;
    let key = value.to_str().map_err(|_| bad(KEY_INVALID))?.trim();
    if key.is_empty() || key.chars().count() > KEY_MAX_CHARS {
        return Err(bad(KEY_INVALID));
    }
    Ok(key.to_owned())
}

/// The SHA-256 (hex) of the request as parsed, so that the same JSON sent with
/// its keys in another order or other spacing is the same request.
pub fn request_hash<T: Serialize>(request: &T) -> Result<String, ApiError> {
    let json = serde_json::to_vec(request).map_err(ApiError::internal)?;
    Ok(Sha256::digest(&json)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect())
}

/// A write that may be sent again: its key, and the hash of what it asks.
pub struct Retry {
    pub key: String,
    pub hash: String,
}

impl Retry {
    /// For a write that must carry a key (raising a case): 400 without one.
    pub fn required<T: Serialize>(headers: &HeaderMap, request: &T) -> Result<Retry, ApiError> {
        Ok(Retry {
            key: required_key(headers)?,
            hash: request_hash(request)?,
        })
    }

    /// For a write where the key is optional (a case action): `None` without
    /// an `Idempotency-Key` header, 400 when the header is unusable. `request`
    /// should say where it was sent as well as what it asks.
    pub fn optional<T: Serialize>(
        headers: &HeaderMap,
        request: &T,
    ) -> Result<Option<Retry>, ApiError> {
        if headers.get(HEADER).is_none() {
            return Ok(None);
        }
        Ok(Some(Retry {
            key: required_key(headers)?,
            hash: request_hash(request)?,
        }))
    }
}

impl Retry {
    /// What this key was used for, when this request was sent before with it
    /// by this account in the last 24 hours (422 when the key was used for
    /// another request). The caller answers by reading that resource afresh,
    /// through the caller's access as it is now. Call it inside the write's
    /// transaction.
    pub async fn replayed(
        &self,
        conn: &mut AnyConnection,
        user_id: i64,
        now: DateTime<Utc>,
    ) -> Result<Option<Replay>, ApiError> {
        lookup(conn, user_id, &self.key, &self.hash, now).await
    }

    /// Keeps the key with what it made or acted on, in the write's transaction.
    pub async fn keep(
        &self,
        conn: &mut AnyConnection,
        user_id: i64,
        status: StatusCode,
        resource_id: &str,
        at: DateTime<Utc>,
    ) -> Result<(), ApiError> {
        store(
            conn,
            user_id,
            &self.key,
            &self.hash,
            status,
            resource_id,
            at,
        )
        .await
    }
}

/// What a key was used for, when it is used again with the same request.
pub struct Replay {
    pub status: StatusCode,
    /// The id on the wire of the case or authorisation.
    pub resource_id: String,
}

/// Looks the key up: `Ok(Some(_))` to answer as before, `Ok(None)` for a new
/// (or expired) key, 422 when the key was used for a different request.
pub async fn lookup(
    conn: &mut AnyConnection,
    user_id: i64,
    key: &str,
    hash: &str,
    now: DateTime<Utc>,
) -> Result<Option<Replay>, ApiError> {
    let row = store::find(conn, user_id, key, now - KEY_LIFETIME).await?;
    let Some((stored_hash, status, resource_id)) = row else {
        return Ok(None);
    };
    if stored_hash != hash {
        return Err(ApiError::field("", KEY_REUSED));
    }
    let status = u16::try_from(status)
        .ok()
        .and_then(|s| StatusCode::from_u16(s).ok())
        .ok_or_else(|| ApiError::internal("stored idempotent status is not a status"))?;
    Ok(Some(Replay {
        status,
        resource_id,
    }))
}

/// Keeps the key (replacing an expired one of the same name), and forgets
/// every key older than [`KEY_LIFETIME`]. Call it inside the write's transaction.
pub async fn store(
    conn: &mut AnyConnection,
    user_id: i64,
    key: &str,
    hash: &str,
    status: StatusCode,
    resource_id: &str,
    at: DateTime<Utc>,
) -> Result<(), ApiError> {
    store::forget_before(conn, at - KEY_LIFETIME).await?;
    store::keep(
        conn,
        &store::Kept {
            user_id,
            key,
            hash,
            status: status.as_u16(),
            resource_id,
            at,
        },
    )
    .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    #[test]
    fn a_missing_or_blank_key_is_a_bad_request() {
        let mut headers = HeaderMap::new();
        assert!(matches!(
            required_key(&headers),
            Err(ApiError::BadRequest(_))
        ));
        headers.insert(HEADER, HeaderValue::from_static("  "));
        assert!(matches!(
            required_key(&headers),
            Err(ApiError::BadRequest(_))
        ));
        headers.insert(HEADER, HeaderValue::from_static(" k-1 "));
        assert_eq!(required_key(&headers).unwrap(), "k-1");
    }

    #[test]
    fn the_same_request_hashes_the_same() {
        let a = request_hash(&serde_json::json!({"a": 1, "b": 2})).unwrap();
        let b = request_hash(&serde_json::json!({"b": 2, "a": 1})).unwrap();
        let c = request_hash(&serde_json::json!({"a": 2, "b": 2})).unwrap();
        assert_eq!(a, b);
        assert_ne!(a, c);
    }
}
