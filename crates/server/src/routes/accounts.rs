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
//! Staff and admin accounts are made only by `server user add`
//! ([`crate::accounts::create_account`]).

use axum::extract::State;
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use domain::api::account::{messages, Registration, Session, SignIn};
use domain::endpoints::accounts::{
    ConfirmEmail, CreateSession, DeleteSession, GetSession, RegisterAccount, SendVerificationLink,
};
use domain::validation::FieldError;

use crate::auth::{limit, session, ClientAddress, CurrentUser};
use crate::error::{ApiError, ApiResult, ErrorBody};
use crate::extract::Json;
use crate::password::verify_password;
use crate::routes::Routes;
use crate::AppState;

pub fn router() -> Routes {
    Routes::new()
        .add(RegisterAccount, register_account)
        .add(ConfirmEmail, confirm_email)
        .add(SendVerificationLink, send_verification_link)
        .add(GetSession, get_session)
        .add(CreateSession, create_session)
        .add(DeleteSession, delete_session)
}

/// 202 once the form is valid, the same whether or not the address has an
/// account: nobody is signed in until the link sent to it is opened.
#[tracing::instrument(skip_all)]
async fn register_account(
    State(state): State<AppState>,
    Json(registration): Json<Registration>,
) -> ApiResult<StatusCode> {
    let account = crate::accounts::validate_account(registration, false)?;
    crate::verification::register(&state, account).await?;
    Ok(StatusCode::ACCEPTED)
}

#[tracing::instrument(skip_all)]
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
    let found = crate::accounts::store::for_sign_in(&state.db, &email).await?;
    let stored_hash = found.as_ref().map(|row| row.password_hash.clone());
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
        Some(row) if verified && row.email_verified => row.user()?,
        found => {
            limit::log_if_sustained(found.map(|row| row.id), counts);
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
#[tracing::instrument(skip_all)]
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
    let preferences = crate::preferences::load(&mut conn, user.id).await?;
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

#[tracing::instrument(skip_all, fields(user_id = user.id))]
async fn get_session(State(state): State<AppState>, user: CurrentUser) -> ApiResult<Json<Session>> {
    let mut conn = state.db.acquire().await?;
    let preferences = crate::preferences::load(&mut conn, user.id).await?;
    Ok(Json(Session {
        user: user.to_wire(),
        preferences,
    }))
}

/// Signs out: the session is revoked on the server and the cookie cleared.
/// Answers 204 whether or not anyone was signed in.
#[tracing::instrument(skip_all)]
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
#[tracing::instrument(skip_all)]
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
#[tracing::instrument(skip_all, fields(user_id = user.id))]
async fn send_verification_link(
    State(state): State<AppState>,
    user: CurrentUser,
) -> ApiResult<StatusCode> {
    crate::verification::resend(&state, &user).await?;
    Ok(StatusCode::ACCEPTED)
}
