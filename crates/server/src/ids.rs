//! Public ids: what the wire shows of a case, an account, an authorisation or
//! a session instead of its row number. One function makes them all, so every
//! kind is as hard to guess and none says how many there are.

use axum::extract::{FromRequestParts, Path};
use axum::http::request::Parts;
use base64::Engine;

use crate::error::ApiError;

/// A public id as it arrives from outside, in a request's path: parsed at the
/// edge, so that what reaches a service is known to be the shape of an id.
/// Ids made by [`new_public_id`] are 22 base64url characters; sessions made
/// before it have 32 hex digits. Anything else (longer than 64 characters,
/// empty, or with any other character) cannot name anything, and answers the
/// same 404 as an id that names nothing, before any query runs.
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(transparent)]
pub struct PublicId(String);

impl PublicId {
    /// The longest id that is looked up.
    pub const MAX_LEN: usize = 64;

    pub fn parse(raw: &str) -> Option<Self> {
        let shaped = !raw.is_empty()
            && raw.len() <= Self::MAX_LEN
            && raw
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
        shaped.then(|| Self(raw.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Store functions take `&str`: a `&PublicId` is one.
impl std::ops::Deref for PublicId {
    type Target = str;

    fn deref(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for PublicId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// The one public id in a route's path (`/cases/{id}`), or 404.
#[derive(Debug, Clone)]
pub struct IdInPath(pub PublicId);

impl<S: Send + Sync> FromRequestParts<S> for IdInPath {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let Path(raw) = Path::<String>::from_request_parts(parts, state)
            .await
            .map_err(|_| ApiError::NotFound)?;
        PublicId::parse(&raw).map(Self).ok_or(ApiError::NotFound)
    }
}

/// Two public ids in a route's path (`/cases/{id}/attachments/{file}`), or 404.
#[derive(Debug, Clone)]
pub struct IdsInPath(pub PublicId, pub PublicId);

impl<S: Send + Sync> FromRequestParts<S> for IdsInPath {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let Path((first, second)) = Path::<(String, String)>::from_request_parts(parts, state)
            .await
            .map_err(|_| ApiError::NotFound)?;
        match (PublicId::parse(&first), PublicId::parse(&second)) {
            (Some(first), Some(second)) => Ok(Self(first, second)),
            _ => Err(ApiError::NotFound),
        }
    }
}

/// 16 random bytes from the operating system, base64url without padding (22
/// characters): an id that says nothing about how many there are, and that
/// nobody can guess from another.
pub fn new_public_id() -> String {
    let mut bytes = [0u8; 16];
    argon2::password_hash::rand_core::RngCore::fill_bytes(
        &mut argon2::password_hash::rand_core::OsRng,
        &mut bytes,
    );
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_id_made_here_and_an_older_session_id_parse_and_nothing_else_does() {
        let made = new_public_id();
        assert_eq!(PublicId::parse(&made).map(|id| id.to_string()), Some(made));
        assert!(PublicId::parse("0123456789abcdef0123456789abcdef").is_some());
        for bad in [
            "",
            "a b",
            "../etc",
            "id.pdf",
            "caf\u{e9}",
            "%00",
            &"a".repeat(65),
        ] {
            assert_eq!(PublicId::parse(bad), None, "{bad:?}");
        }
        assert!(PublicId::parse(&"a".repeat(64)).is_some());
    }

    #[test]
    fn an_id_is_22_url_safe_characters_and_no_two_are_the_same() {
        let ids: std::collections::HashSet<String> = (0..1000).map(|_| new_public_id()).collect();
        assert_eq!(ids.len(), 1000);
        for id in &ids {
            assert_eq!(id.len(), 22, "{id}");
            assert!(
                id.chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'),
                "{id}"
            );
        }
    }
}
