//! Accounts and sessions:
//!
//! - `POST /api/v1/accounts`: a resident or an advocate registers: 202 and
//!   an email to the address, whether or not it already has an account
//!   (see [`crate::verification::register`]).
//! - `POST /api/v1/accounts/verification`: the link's token and the
//!   account's password prove the address and sign in.
//! - `POST /api/v1/accounts/verification-link`: a new link, for the signed-in account.
//! - `POST /api/v1/session`: sign in (staff and admins then give a second
//!   factor: [`crate::auth::second_factor`]). `GET`: who is signed in. `DELETE`: sign out.
//!
//! Staff and admin accounts are made only by `server user add` ([`create_account`]).

use axum::extract::State;
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use domain::api::account::{messages, Registration, Role, Session, SignIn, ValidRegistration};
use domain::validation::FieldError;

use crate::auth::password::{hash_password, is_common_password, verify_password};
use crate::auth::{limit, session, timestamp, ClientAddress, CurrentUser};
use crate::error::{ApiError, ApiResult, ErrorBody};
use crate::extract::Json;
use crate::AppState;

/// Also merges `GET /api/v1/outbox` (see [`crate::outbox`]).
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/accounts", post(register_account))
        .route("/accounts/verification", post(confirm_email))
        .route("/accounts/verification-link", post(send_verification_link))
        .route(
            "/session",
            get(get_session).post(create_session).delete(delete_session),
        )
        .merge(crate::outbox::router())
}

/// Checks a new account: the domain's checks, then whether the password is
/// too common. `any_role` lets `server user add` make staff and admins.
pub fn validate_account(
    account: Registration,
    any_role: bool,
) -> Result<ValidRegistration, Vec<FieldError>> {
    let role = account.role;
    let too_common = domain::api::account::check_password_length(&account.password).is_ok()
        && is_common_password(&account.password);
    let account = if any_role {
        Registration {
            role: Role::Resident,
            ..account
        }
    } else {
        account
    };
    let common = || FieldError::new("password", messages::PASSWORD_TOO_COMMON);
    match account.validate() {
        Ok(_) if too_common => Err(vec![common()]),
        Ok(valid) => Ok(ValidRegistration { role, ..valid }),
        Err(mut errors) => {
            if too_common {
                // In the order of the form: before the role, after the rest.
                let at = errors
                    .iter()
                    .position(|e| e.field == "role")
                    .unwrap_or(errors.len());
                errors.insert(at, common());
            }
            Err(errors)
        }
    }
}

/// Makes an account an admin vouches for (`server user add`, the demo), its
/// address counted as proved: hashes the password and refuses an email
/// already in use. People register through [`crate::verification::register`].
pub async fn create_account(
    state: &AppState,
    account: ValidRegistration,
) -> ApiResult<CurrentUser> {
    // Hashing takes a while: do it before taking the write lock.
    let password_hash = hash_password(&state.hashing, account.password).await?;
    let now = state.clock.now();
    let mut tx = crate::db::begin_write(&state.db).await?;
    let taken: Option<i64> = sqlx::query_scalar("SELECT id FROM users WHERE email = ?")
        .bind(&account.email)
        .fetch_optional(&mut *tx)
        .await?;
    if taken.is_some() {
        return Err(ApiError::field("email", messages::EMAIL_TAKEN));
    }
    let public_id = crate::auth::new_public_id();
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO users (public_id, email, name, role, password_hash, created_at, \
         email_verified_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
    )
    .bind(&public_id)
    .bind(&account.email)
    .bind(&account.name)
    .bind(account.role.as_str())
    .bind(password_hash)
    .bind(timestamp(now))
    .bind(timestamp(now))
    .fetch_one(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(CurrentUser {
        id,
        public_id,
        name: account.name,
        email: account.email,
        role: account.role,
        email_verified: true,
    })
}

/// 202 once the form is valid, the same whether or not the address has an
/// account: nobody is signed in until the link sent to it is opened.
async fn register_account(
    State(state): State<AppState>,
    Json(registration): Json<Registration>,
) -> ApiResult<StatusCode> {
    let account = validate_account(registration, false)?;
    crate::verification::register(&state, account).await?;
    Ok(StatusCode::ACCEPTED)
}

async fn create_session(
    State(state): State<AppState>,
    ClientAddress(address): ClientAddress,
    headers: HeaderMap,
    Json(sign_in): Json<SignIn>,
) -> ApiResult<Response> {
    // Counted before anything is hashed: attempts sent at once are serialised
    // here, and all but the allowed few get 429 without being checked.
    // A browser the owner signed in with before has its own budget.
    let device = crate::auth::device_cookie::valid_for(&headers, &state, &sign_in.email);
    let attempt = limit::Attempt::new(&sign_in.email, address).with_device(device);
    let counts = limit::reserve(&state.db, &attempt, state.clock.now()).await?;
    let email = sign_in.email.trim().to_lowercase();
    let found: Option<(i64, String, String, String, String, String, bool)> = sqlx::query_as(
        "SELECT id, public_id, name, email, role, password_hash, \
         email_verified_at IS NOT NULL FROM users WHERE email = ?",
    )
    .bind(&email)
    .fetch_optional(&state.db)
    .await?;
    let stored_hash = found.as_ref().map(|row| row.5.clone());
    // An unknown email is verified against a dummy hash: the same work, the
    // same time, the same answer as a wrong password.
    let verified = match verify_password(&state.hashing, sign_in.password, stored_hash).await {
        Ok(verified) => verified,
        Err(busy @ ApiError::Busy { .. }) => {
            limit::not_checked(&state.db, &attempt, counts, state.clock.now()).await?;
            return Err(busy);
        }
        Err(other) => return Err(other),
    };
    let user = match found {
        // An unproved address gets the answer a wrong password gets:
        // otherwise signing in would tell whether registering an address
        // made a new account (finding 10). The link proves it and signs in.
        Some((id, public_id, name, email, role, _, email_verified))
            if verified && email_verified =>
        {
            CurrentUser {
                id,
                public_id,
                name,
                email,
                email_verified,
                role: Role::parse(&role)
                    .ok_or_else(|| ApiError::internal(format!("unknown role {role:?}")))?,
            }
        }
        found => {
            limit::log_if_sustained(found.map(|row| row.0), counts);
            return Ok(sign_in_failed());
        }
    };
    limit::succeeded(&state.db, &attempt, state.clock.now()).await?;
    let mut response = if crate::auth::second_factor::required_for(&user) {
        // Staff and admins: a pending sign-in until their second factor.
        crate::auth::second_factor::pending_response(&state, &headers, &user).await?
    } else {
        signed_in(&state, &headers, &user).await?
    };
    response.headers_mut().append(
        header::SET_COOKIE,
        crate::auth::device_cookie::issue(&state, &user.email),
    );
    Ok(response)
}

/// 401 with the one message for a wrong email or password.
fn sign_in_failed() -> Response {
    let body = ErrorBody {
        errors: vec![FieldError::new("", messages::SIGN_IN_FAILED)],
    };
    (StatusCode::UNAUTHORIZED, axum::Json(body)).into_response()
}

/// Starts a new session (ending the one the request came with, if any, so a
/// session id is never reused across sign-ins) and answers with who is signed in.
async fn signed_in(
    state: &AppState,
    headers: &HeaderMap,
    user: &CurrentUser,
) -> ApiResult<Response> {
    let now = state.clock.now();
    let mut conn = state.db.acquire().await?;
    if let Some(old) = session::token_from_headers(headers, &state.config) {
        session::revoke(&mut conn, &old, now).await?;
    }
    let device = session::Device::from_headers(headers);
    let token = session::start_on_device(&mut conn, user.id, now, &device).await?;
    let preferences = crate::routes::preferences::load(&mut conn, user.id).await?;
    let body = Session {
        user: user.to_wire(),
        preferences,
    };
    Ok((
        [(
            header::SET_COOKIE,
            session::set_cookie(&state.config, &token),
        )],
        Json(body),
    )
        .into_response())
}

async fn get_session(State(state): State<AppState>, user: CurrentUser) -> ApiResult<Json<Session>> {
    let mut conn = state.db.acquire().await?;
    let preferences = crate::routes::preferences::load(&mut conn, user.id).await?;
    Ok(Json(Session {
        user: user.to_wire(),
        preferences,
    }))
}

/// Signs out: the session is revoked on the server and the cookie cleared.
/// Answers 204 whether or not anyone was signed in.
async fn delete_session(State(state): State<AppState>, headers: HeaderMap) -> ApiResult<Response> {
    if let Some(token) = session::token_from_headers(&headers, &state.config) {
        let mut conn = state.db.acquire().await?;
        session::revoke(&mut conn, &token, state.clock.now()).await?;
    }
    Ok((
        StatusCode::NO_CONTENT,
        [(header::SET_COOKIE, session::clear_cookie(&state.config))],
    )
        .into_response())
}

/// `POST /api/v1/accounts/verification`: no sign-in needed, as the link may
/// be opened on another device; the answer signs in, as sign-in's does.
async fn confirm_email(
    State(state): State<AppState>,
    ClientAddress(address): ClientAddress,
    headers: HeaderMap,
    Json(request): Json<domain::api::account::EmailConfirmation>,
) -> ApiResult<Response> {
    let user_id =
        crate::verification::confirm(&state, &request.token, request.password, address).await?;
    let user = {
        let mut conn = state.db.acquire().await?;
        crate::auth::second_factor::store::user(&mut conn, user_id).await?
    };
    signed_in(&state, &headers, &user).await
}

/// `POST /api/v1/accounts/verification-link`: 202, the link is on its way.
async fn send_verification_link(
    State(state): State<AppState>,
    user: CurrentUser,
) -> ApiResult<StatusCode> {
    crate::verification::resend(&state, &user).await?;
    Ok(StatusCode::ACCEPTED)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn registration(password: &str, role: Role) -> Registration {
        Registration {
            name: "Sam".into(),
            email: "sam@example.com".into(),
            password: password.into(),
            role,
        }
    }

    #[test]
    fn a_common_password_is_refused_in_the_order_of_the_form() {
        let errors = validate_account(registration("Password1", Role::Staff), false).unwrap_err();
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["password", "role"]);
        assert_eq!(errors[0].message, messages::PASSWORD_TOO_COMMON);
    }

    #[test]
    fn the_admin_command_may_make_staff() {
        let valid = validate_account(registration("purple tractor", Role::Staff), true).unwrap();
        assert_eq!(valid.role, Role::Staff);
        assert!(validate_account(registration("purple tractor", Role::Staff), false).is_err());
    }
}
