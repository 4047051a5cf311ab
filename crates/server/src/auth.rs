//! Who is signed in, and what they may do.
//!
//! # Using it in a handler
//!
//! ```ignore
//! use crate::auth::{CurrentUser, Role};
//!
//! async fn list_cases(State(state): State<AppState>, user: CurrentUser) -> ApiResult<…> {
//!     user.require_role(&[Role::Staff, Role::Admin])?; // 403 for anyone else
//!     // user.id is the database key, user.public_id the one to put on the wire
//! }
//! ```
//!
//! - [`CurrentUser`] answers 401 (`ApiError::Unauthorized`) when nobody is
//!   signed in, or when the session was signed out, has been idle for more than
//!   [`session::IDLE_TIMEOUT`] or is older than [`session::ABSOLUTE_TIMEOUT`].
//! - [`MaybeUser`] never refuses: `MaybeUser(None)` for nobody.
//! - The session is looked up once per request, however many extractors ask.
//! - Put `CurrentUser` before the body extractor (`Json<…>`), which must be last.
//!
//! Sessions are a random 32-byte token in an HttpOnly, SameSite=Lax cookie
//! (`pir_session`, or `__Host-pir_session` and Secure behind HTTPS); the
//! database keeps only its SHA-256. Writes are also refused from other sites by
//! `headers::same_origin_writes`.

pub mod device_cookie;
pub mod limit;
pub mod second_factor;
pub mod session;

use std::net::{IpAddr, SocketAddr};

use axum::extract::{ConnectInfo, FromRef, FromRequestParts};
use axum::http::request::Parts;

use crate::error::ApiError;
use crate::AppState;

pub use domain::api::account::Role;

/// The signed-in account. As an extractor it refuses with 401 when there is none.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CurrentUser {
    /// The database key (`users.id`): for queries, never for the wire.
    pub id: i64,
    /// The account's id on the wire (`users.public_id`).
    pub public_id: String,
    pub name: String,
    pub email: String,
    pub role: Role,
    /// Whether the account's email address has been proved.
    pub email_verified: bool,
    /// Staff or admin in the complaints team: they see who raised a
    /// confidential complaint (issue 16, item 7); other staff do not.
    pub complaints_team: bool,
}

impl CurrentUser {
    /// `Ok` when the account has one of these roles, else 403.
    pub fn require_role(&self, roles: &[Role]) -> Result<(), ApiError> {
        if roles.contains(&self.role) {
            Ok(())
        } else {
            Err(ApiError::Forbidden)
        }
    }

    /// `Ok` for staff (caseworkers) and admins, else 403.
    pub fn require_staff(&self) -> Result<(), ApiError> {
        self.require_role(&[Role::Staff, Role::Admin])
    }

    pub fn is_staff(&self) -> bool {
        self.role.is_staff()
    }

    /// The account as `GET /api/v1/session` shows it.
    pub fn to_wire(&self) -> domain::api::account::SessionUser {
        domain::api::account::SessionUser {
            id: self.public_id.clone(),
            name: self.name.clone(),
            email: self.email.clone(),
            role: self.role,
            email_verified: self.email_verified,
        }
    }
}

/// `Ok` when `user` has one of `roles`, else 403 (the free-function form of
/// [`CurrentUser::require_role`]).
pub fn require_role(user: &CurrentUser, roles: &[Role]) -> Result<(), ApiError> {
    user.require_role(roles)
}

/// The signed-in account, if any. Never refuses (except on a database error).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MaybeUser(pub Option<CurrentUser>);

/// The answer for this request, kept in its extensions so that the session is
/// looked up (and touched) once.
#[derive(Clone)]
struct Resolved(Option<CurrentUser>);

impl<S> FromRequestParts<S> for MaybeUser
where
    AppState: FromRef<S>,
    S: Send + Sync,
{
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        if let Some(Resolved(user)) = parts.extensions.get::<Resolved>() {
            return Ok(MaybeUser(user.clone()));
        }
        let state = AppState::from_ref(state);
        let user = match session::token_from_headers(&parts.headers, &state.config) {
            Some(token) => session::authenticate(&state, &token).await?,
            None => None,
        };
        parts.extensions.insert(Resolved(user.clone()));
        Ok(MaybeUser(user))
    }
}

impl<S> FromRequestParts<S> for CurrentUser
where
    AppState: FromRef<S>,
    S: Send + Sync,
{
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        MaybeUser::from_request_parts(parts, state)
            .await?
            .0
            .ok_or(ApiError::Unauthorized)
    }
}

/// The client's IP address: the socket's, or, when the server is configured
/// with a trusted proxy header (`--trusted-proxy-header X-Forwarded-For`),
/// the last address in that header, the one the proxy itself added. Without
/// that setting such headers are ignored: anyone can send them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClientAddress(pub Option<IpAddr>);

impl ClientAddress {
    /// The address of a request with these headers and this socket address.
    pub fn of(
        headers: &axum::http::HeaderMap,
        socket: Option<IpAddr>,
        trusted_header: Option<&str>,
    ) -> Self {
        let forwarded = trusted_header.and_then(|name| {
            // Several headers of that name count as one list, in order.
            headers
                .get_all(name)
                .iter()
                .filter_map(|value| value.to_str().ok())
                .flat_map(|value| value.split(','))
                .next_back()
                .and_then(|last| parse_forwarded_address(last.trim()))
        });
        ClientAddress(forwarded.or(socket))
    }
}

/// An address as proxies write it: `203.0.113.7`, `2001:db8::1`,
/// `[2001:db8::1]:443` or `203.0.113.7:443`.
fn parse_forwarded_address(text: &str) -> Option<IpAddr> {
    if let Ok(ip) = text.parse() {
        return Some(ip);
    }
    text.parse::<SocketAddr>().ok().map(|addr| addr.ip())
}

impl<S> FromRequestParts<S> for ClientAddress
where
    AppState: FromRef<S>,
    S: Send + Sync,
{
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let state = AppState::from_ref(state);
        let socket = parts
            .extensions
            .get::<ConnectInfo<SocketAddr>>()
            .map(|ConnectInfo(addr)| addr.ip());
        Ok(ClientAddress::of(
            &parts.headers,
            socket,
            state.config.trusted_proxy_header.as_deref(),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn user(role: Role) -> CurrentUser {
        CurrentUser {
            id: 1,
            public_id: "u1".into(),
            name: "Sam".into(),
            email: "sam@example.com".into(),
            role,
            email_verified: true,
            complaints_team: false,
        }
    }

    #[test]
    fn only_the_listed_roles_pass() {
        assert!(user(Role::Staff).require_staff().is_ok());
        assert!(user(Role::Admin).require_staff().is_ok());
        assert!(matches!(
            user(Role::Resident).require_staff(),
            Err(ApiError::Forbidden)
        ));
        assert!(require_role(&user(Role::Advocate), &[Role::Advocate]).is_ok());
    }

    #[test]
    fn a_forwarded_address_counts_only_from_the_configured_header_and_only_its_last_entry() {
        let mut headers = axum::http::HeaderMap::new();
        headers.insert("x-forwarded-for", "10.9.9.9, 203.0.113.7".parse().unwrap());
        let socket = Some(IpAddr::from([192, 0, 2, 1]));
        assert_eq!(ClientAddress::of(&headers, socket, None).0, socket);
        assert_eq!(
            ClientAddress::of(&headers, socket, Some("X-Forwarded-For")).0,
            Some(IpAddr::from([203, 0, 113, 7]))
        );
        headers.insert("x-real-ip", "[2001:db8::1]:443".parse().unwrap());
        assert_eq!(
            ClientAddress::of(&headers, socket, Some("x-real-ip")).0,
            Some("2001:db8::1".parse().unwrap())
        );
        headers.insert("x-real-ip", "not an address".parse().unwrap());
        assert_eq!(
            ClientAddress::of(&headers, socket, Some("x-real-ip")).0,
            socket
        );
    }

    #[test]
    fn timestamps_sort_as_text_in_time_order() {
        use crate::clock::{parse_timestamp, timestamp};
        let a = parse_timestamp("2026-03-02T09:00:00Z").unwrap();
        let b = a + chrono::Duration::microseconds(1);
        let c = a + chrono::Duration::hours(10);
        assert!(timestamp(a) < timestamp(b) && timestamp(b) < timestamp(c));
        assert_eq!(parse_timestamp(&timestamp(b)), Some(b));
    }
}
