//! Device cookies (OWASP's defence against the lockout of an account's
//! owner during an attack): after a right password the browser is given a
//! long-lived cookie naming the account, signed with HMAC-SHA256 under a key
//! derived from the secrets key ([`crate::secrets`]). A sign-in that shows a
//! valid device cookie for the account it is for is throttled on that
//! device's own budget, not on the account's (which everyone guessing at the
//! account shares), so an attacker who keeps the account's delay running
//! cannot keep its owner out of a browser they have signed in with before.
//! Wrong passwords sent with a device cookie hold back only that cookie.
//!
//! The cookie holds a random nonce and the MAC of the account's address with
//! it: not the address itself, so a cookie tells nobody whose it is, and one
//! made for one account is worth nothing for another.

use axum::http::{HeaderMap, HeaderValue};
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use chrono::Duration;
use hmac::{Hmac, Mac};

use crate::config::Config;
use crate::AppState;

pub const COOKIE: &str = "pir_device";
/// Behind HTTPS (not `__Host-`, which needs `Path=/`).
pub const SECURE_COOKIE: &str = "__Secure-pir_device";
/// Sent only to sign-in (and its second step).
pub const PATH: &str = "/api/v1/session";
/// How long a browser keeps its device cookie.
pub const LIFETIME: Duration = Duration::days(365);

fn cookie_name(config: &Config) -> &'static str {
    if config.secure_cookies {
        SECURE_COOKIE
    } else {
        COOKIE
    }
}

/// The account as the throttle names it (see `limit::Attempt::new`).
fn account(email: &str) -> String {
    email.trim().to_lowercase().chars().take(320).collect()
}

fn mac(state: &AppState, email: &str, nonce: &str) -> String {
    let key = state.secrets.derive("device cookies");
    let mut mac = <Hmac<sha2::Sha256> as Mac>::new_from_slice(&key).expect("any key length");
    mac.update(account(email).as_bytes());
    mac.update(b"\n");
    mac.update(nonce.as_bytes());
    URL_SAFE_NO_PAD.encode(mac.finalize().into_bytes())
}

/// The `Set-Cookie` of a new device cookie for the account with `email`.
pub fn issue(state: &AppState, email: &str) -> HeaderValue {
    let mut bytes = [0u8; 16];
    argon2::password_hash::rand_core::RngCore::fill_bytes(
        &mut argon2::password_hash::rand_core::OsRng,
        &mut bytes,
    );
    let nonce = URL_SAFE_NO_PAD.encode(bytes);
    let value = format!("{nonce}.{}", mac(state, email, &nonce));
    let secure = if state.config.secure_cookies {
        "; Secure"
    } else {
        ""
    };
    let cookie = format!(
        "{}={value}; HttpOnly; SameSite=Strict; Path={PATH}; Max-Age={}{secure}",
        cookie_name(&state.config),
        LIFETIME.num_seconds()
    );
    HeaderValue::from_str(&cookie).expect("base64url is a valid header value")
}

/// The nonce of the request's device cookie, when it is a valid one for the
/// account with `email`.
pub fn valid_for(headers: &HeaderMap, state: &AppState, email: &str) -> Option<String> {
    let name = cookie_name(&state.config);
    headers
        .get_all(axum::http::header::COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .filter(|(key, _)| *key == name)
        .filter_map(|(_, value)| value.trim().split_once('.'))
        .find(|(nonce, given)| {
            nonce.len() == 22
                && given.len() == 43
                && constant_time_eq(given.as_bytes(), mac(state, email, nonce).as_bytes())
        })
        .map(|(nonce, _)| nonce.to_owned())
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}
