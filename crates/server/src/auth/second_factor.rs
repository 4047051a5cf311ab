//! Two-factor sign-in for staff and admins (issue 13, finding 11).
//!
//! A staff or admin account's right password does not start a session: it
//! starts a *pending sign-in* ([`pending_response`]), a random token in its own
//! HttpOnly cookie, scoped to `/api/v1/session/second-factor`, that lasts
//! [`PENDING_FOR`] and opens only the second-factor endpoints
//! (`routes::second_factor`). Every other endpoint reads only the session
//! cookie, so to them the person is not signed in (401).
//!
//! The second factor is a time-based one-time password (TOTP, RFC 6238:
//! HMAC-SHA1, 6 digits, 30-second steps; [`totp`]) from an authenticator app,
//! or one of ten single-use recovery codes made at set-up. A code is accepted
//! for the step before, the step of, or the step after the real time (clocks
//! drift), and only for a step later than the last one accepted (a code cannot
//! be used twice). Wrong codes are throttled per account like wrong passwords
//! ([`store::attempt`]): a few are free, then each waits twice as long as the
//! last, up to [`MAX_DELAY`]: never a lock-out, since the owner can always try
//! again after at most that long (and an admin can reset the app:
//! `server user reset-second-factor`).
//!
//! Secrets (20 random bytes) are stored sealed under the deployment's
//! secrets key ([`crate::secrets`]) and shown only until set-up is
//! confirmed; recovery codes only as their SHA-256.

pub mod store;
pub mod totp;

use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, Duration, Utc};
use domain::api::account::Session;
use domain::api::second_factor::{
    normalise_recovery_code, staff_messages, CodeKind, SecondFactorCode, SecondFactorNeeded,
    SecondFactorSetup, SecondFactorStep, CODE_MAX_CHARS, RECOVERY_CODES,
};

use super::{session, CurrentUser, Role};
use crate::config::Config;
use crate::error::{ApiError, ApiResult};
use crate::extract::Json;
use crate::AppState;

/// How long the password step's pending sign-in lasts.
pub const PENDING_FOR: Duration = Duration::minutes(5);
/// Wrong codes on one account before further attempts are spaced out.
pub const FREE_FAILURES: i64 = 5;
/// The longest anyone waits between codes, however many were wrong.
pub const MAX_DELAY: Duration = Duration::minutes(15);

pub const COOKIE: &str = "pir_second_factor";
/// Behind HTTPS. Not `__Host-`, which requires `Path=/`: this cookie is sent
/// only to the second-factor endpoints.
pub const SECURE_COOKIE: &str = "__Secure-pir_second_factor";
/// The only path the pending sign-in's cookie is sent to (and below).
pub const COOKIE_PATH: &str = "/api/v1/session/second-factor";

pub fn cookie_name(config: &Config) -> &'static str {
    if config.secure_cookies {
        SECURE_COOKIE
    } else {
        COOKIE
    }
}

/// The `Set-Cookie` value of a pending sign-in.
pub fn set_cookie(config: &Config, token: &str) -> HeaderValue {
    cookie(config, token, PENDING_FOR.num_seconds())
}

/// The `Set-Cookie` value that makes the browser forget it.
pub fn clear_cookie(config: &Config) -> HeaderValue {
    cookie(config, "", 0)
}

fn cookie(config: &Config, token: &str, max_age: i64) -> HeaderValue {
    let secure = if config.secure_cookies {
        "; Secure"
    } else {
        ""
    };
    let value = format!(
        "{}={token}; HttpOnly; SameSite=Strict; Path={COOKIE_PATH}; Max-Age={max_age}{secure}",
        cookie_name(config)
    );
    HeaderValue::from_str(&value).expect("a base64url token is a valid header value")
}

/// The pending sign-in's token the request carries, if any (and if it looks
/// like one).
pub fn token_from_headers(headers: &HeaderMap, config: &Config) -> Option<String> {
    session::cookie_token(headers, cookie_name(config))
}

/// Whether this account signs in with a second factor: staff and admins.
pub fn required_for(user: &CurrentUser) -> bool {
    user.is_staff()
}

/// After a staff or admin account's right password: ends the session the
/// request came with (if any), starts a pending sign-in and answers `202`
/// with what comes next.
pub async fn pending_response(
    state: &AppState,
    headers: &HeaderMap,
    user: &CurrentUser,
) -> ApiResult<Response> {
    let now = state.clock.now();
    let mut tx = crate::db::begin_write(&state.db).await?;
    let old = session::token_from_headers(headers, &state.config);
    if let Some(old) = &old {
        session::revoke(&mut tx, old, now).await?;
    }
    let token = store::start_pending(&mut tx, user.id, now).await?;
    let next = if store::is_set_up(&mut tx, user.id).await? {
        SecondFactorStep::SecondFactor
    } else {
        SecondFactorStep::SetUpSecondFactor
    };
    tx.commit().await?;
    let mut response = (StatusCode::ACCEPTED, Json(SecondFactorNeeded { next })).into_response();
    let cookies = response.headers_mut();
    cookies.append(header::SET_COOKIE, set_cookie(&state.config, &token));
    if old.is_some() {
        cookies.append(header::SET_COOKIE, session::clear_cookie(&state.config));
    }
    Ok(response)
}

/// What a code is sent for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    /// To finish signing in (an app code or a recovery code).
    SignIn,
    /// To confirm the key being set up (an app code only); recovery codes
    /// are made.
    ConfirmSetUp,
}

/// A second step passed: the session that started (its token for the
/// cookie), and after set-up the recovery codes, shown this once.
pub struct Passed {
    pub token: String,
    pub session: Session,
    pub recovery_codes: Option<Vec<String>>,
}

/// Checks a code for the pending sign-in `pending` and, when it is right,
/// starts the session (ending `old_session`, if the request had one).
///
/// Everything happens in one write transaction, so codes sent at once are
/// checked one after another: the throttle and the used step hold however
/// many arrive together.
///
/// Answers 401 when the pending sign-in is missing, used or expired; 429
/// while a delay earned by wrong codes runs; 422 on the `code` field for a
/// code that is malformed (not counted) or wrong (counted); 409 when the
/// account is not in the state the purpose needs.
pub async fn check(
    state: &AppState,
    pending: &str,
    old_session: Option<&str>,
    request: SecondFactorCode,
    purpose: Purpose,
) -> ApiResult<Passed> {
    // The policy clock (`--now`, `PUT /test/clock`) times the pending sign-in,
    // the session and the throttle, like every other expiry in the portal.
    let now = state.clock.now();
    // The code itself is checked against the REAL time: the person's
    // authenticator app knows nothing of the portal's clock, which demos and
    // tests move to any day they like; codes for a moved clock would never match.
    let real_step = totp::step_at(Utc::now());
    if request.code.chars().count() > CODE_MAX_CHARS {
        let message = match request.kind {
            CodeKind::Authenticator => staff_messages::CODE_FORMAT,
            CodeKind::RecoveryCode => staff_messages::RECOVERY_CODE_WRONG,
        };
        return Err(ApiError::field("code", message));
    }
    let mut tx = crate::db::begin_write(&state.db).await?;
    let Some(user_id) = store::pending_user(&mut tx, pending, now).await? else {
        return Err(ApiError::Unauthorized);
    };
    if let Some(wait) = store::throttle_wait(&mut tx, user_id, now).await? {
        let seconds = (wait.num_milliseconds() + 999) / 1000;
        return Err(ApiError::TooManyRequests {
            retry_after: seconds.max(1) as u64,
        });
    }
    let factor = store::factor(&mut tx, &state.secrets, user_id).await?;
    let factor = match (purpose, factor) {
        (Purpose::SignIn, Some(factor)) if factor.confirmed => factor,
        (Purpose::SignIn, _) => return Err(ApiError::conflict("code", staff_messages::NOT_SET_UP)),
        (Purpose::ConfirmSetUp, Some(factor)) if !factor.confirmed => factor,
        (Purpose::ConfirmSetUp, Some(_)) => {
            return Err(ApiError::conflict("code", staff_messages::ALREADY_SET_UP))
        }
        (Purpose::ConfirmSetUp, None) => {
            return Err(ApiError::conflict("code", staff_messages::NOT_SET_UP))
        }
    };
    let right = match request.kind {
        CodeKind::Authenticator => {
            let code = domain::api::second_factor::parse_code(&request.code)
                .map_err(|message| ApiError::field("code", message))?;
            match totp::accepted_step(&factor.secret, &code, real_step, factor.last_step) {
                Some(step) => {
                    store::accept_step(&mut tx, user_id, step, now).await?;
                    true
                }
                None => false,
            }
        }
        CodeKind::RecoveryCode if purpose == Purpose::ConfirmSetUp => {
            return Err(ApiError::field("code", staff_messages::SET_UP_WITH_APP));
        }
        CodeKind::RecoveryCode => {
            if normalise_recovery_code(&request.code).is_empty() {
                return Err(ApiError::field(
                    "code",
                    staff_messages::RECOVERY_CODE_MISSING,
                ));
            }
            let hash = totp::recovery_code_hash(&request.code);
            let used = store::use_recovery_code(&mut tx, user_id, &hash, now).await?;
            if used {
                tell_of_recovery_code(&mut tx, &state.public_url(), user_id, now).await?;
            }
            used
        }
    };
    if !right {
        let failures = store::throttle_failed(&mut tx, user_id, now).await?;
        tx.commit().await?;
        if failures >= 10 && failures % 10 == 0 && (failures / 10).count_ones() == 1 {
            tracing::warn!(
                user_id,
                failures,
                "repeated wrong second-factor codes: attempts are being slowed down"
            );
        }
        let message = match request.kind {
            CodeKind::Authenticator => staff_messages::CODE_WRONG,
            CodeKind::RecoveryCode => staff_messages::RECOVERY_CODE_WRONG,
        };
        return Err(ApiError::field("code", message));
    }
    store::throttle_clear(&mut tx, user_id).await?;
    let recovery_codes = if purpose == Purpose::ConfirmSetUp {
        let codes: Vec<String> = (0..RECOVERY_CODES)
            .map(|_| totp::new_recovery_code())
            .collect();
        let hashes: Vec<String> = codes.iter().map(|c| totp::recovery_code_hash(c)).collect();
        store::replace_recovery_codes(&mut tx, user_id, &hashes).await?;
        Some(codes)
    } else {
        None
    };
    store::finish_pending(&mut tx, pending, now).await?;
    if let Some(old) = old_session {
        session::revoke(&mut tx, old, now).await?;
    }
    let token = session::start(&mut tx, user_id, now).await?;
    let user = store::user(&mut tx, user_id).await?;
    let preferences = crate::preferences::load(&mut tx, user_id).await?;
    tx.commit().await?;
    Ok(Passed {
        token,
        session: Session {
            user: user.to_wire(),
            preferences,
        },
        recovery_codes,
    })
}

/// The outbox's `purpose` for the notice that a recovery code was used.
pub const RECOVERY_CODE_USED_PURPOSE: &str = "recovery_code_used";
pub const RECOVERY_CODE_USED_SUBJECT: &str = "A recovery code was used to sign in";

fn recovery_code_used_body(name: &str, at: DateTime<Utc>, left: i64, public_url: &str) -> String {
    let when = at.format("%-d %B %Y at %H:%M UTC");
    let left = match left {
        0 => "You have no recovery codes left: make new ones from \"Your account\" as soon as \
              you can."
            .to_owned(),
        1 => "You have 1 recovery code left.".to_owned(),
        n => format!("You have {n} recovery codes left."),
    };
    format!(
        "Dear {name},\n\nA recovery code was used to sign in to your Put It Right account on \
         {when}. {left}\n\nIf this was not you, someone knows your password and has one of \
         your recovery codes. Change your password now at {}/account/password (every other \
         device is signed out), and ask an administrator to reset your two-factor sign-in, \
         which ends every session and makes your recovery codes stop working.",
        public_url.trim_end_matches('/')
    )
}

/// Tells the account's address that one of its recovery codes was used, and
/// how many are left: someone who has the password and a stolen code must
/// not sign in unseen.
async fn tell_of_recovery_code(
    conn: &mut sqlx::AnyConnection,
    public_url: &str,
    user_id: i64,
    now: DateTime<Utc>,
) -> Result<(), ApiError> {
    let left = store::recovery_codes_left(conn, user_id).await?;
    let user = store::user(conn, user_id).await?;
    crate::outbox::enqueue_email(
        conn,
        now,
        user_id,
        &user.email,
        RECOVERY_CODE_USED_SUBJECT,
        &recovery_code_used_body(&user.name, now, left, public_url),
        Some(RECOVERY_CODE_USED_PURPOSE),
    )
    .await?;
    tracing::info!(user_id, left, "recovery code used to sign in");
    Ok(())
}

/// The key to set up for a pending sign-in (the same one until it is
/// confirmed): 401 without a live pending sign-in, 409 once the account's
/// app is set up.
pub async fn key_to_set_up(state: &AppState, pending: &str) -> ApiResult<SecondFactorSetup> {
    let now = state.clock.now();
    let mut tx = crate::db::begin_write(&state.db).await?;
    let Some(user_id) = store::pending_user(&mut tx, pending, now).await? else {
        return Err(ApiError::Unauthorized);
    };
    let Some(secret) = store::key_to_set_up(&mut tx, &state.secrets, user_id, now).await? else {
        return Err(ApiError::conflict("", staff_messages::ALREADY_SET_UP));
    };
    let user = store::user(&mut tx, user_id).await?;
    tx.commit().await?;
    let uri = totp::uri(&secret, &user.email);
    let qr_code = totp::qr_code_data_url(&uri)
        .ok_or_else(|| ApiError::internal("a key's URI does not fit a QR code"))?;
    Ok(SecondFactorSetup {
        secret: totp::base32_encode(&secret),
        uri,
        qr_code,
    })
}

/// What the pending sign-in needs next: 401 without a live one.
pub async fn next_step(state: &AppState, pending: &str) -> ApiResult<SecondFactorNeeded> {
    let mut conn = state.db.acquire().await?;
    let Some(user_id) = store::pending_user(&mut conn, pending, state.clock.now()).await? else {
        return Err(ApiError::Unauthorized);
    };
    let next = if store::is_set_up(&mut conn, user_id).await? {
        SecondFactorStep::SecondFactor
    } else {
        SecondFactorStep::SetUpSecondFactor
    };
    Ok(SecondFactorNeeded { next })
}

/// `server user reset-second-factor <email>`: a sentence for the operator.
pub async fn reset(state: &AppState, email: &str) -> Result<String, String> {
    let email = email.trim().to_lowercase();
    let mut tx = crate::db::begin_write(&state.db)
        .await
        .map_err(|e| e.to_string())?;
    let found = store::id_and_role_by_email(&mut tx, &email)
        .await
        .map_err(|e| e.to_string())?;
    let Some((user_id, role)) = found else {
        return Err(format!("no account has the email address {email}"));
    };
    let had = store::reset(&mut tx, user_id, state.clock.now())
        .await
        .map_err(|e| e.to_string())?;
    tx.commit().await.map_err(|e| e.to_string())?;
    let needs = Role::parse(&role).is_some_and(Role::is_staff);
    Ok(match (had, needs) {
        (_, true) => format!(
            "Reset the second factor of <{email}>: its sessions are signed out, its recovery \
             codes no longer work, and its next sign-in sets up an authenticator app again"
        ),
        (true, false) => format!("Removed the second factor of <{email}>"),
        (false, false) => format!("<{email}> has no second factor (only staff and admins do)"),
    })
}
