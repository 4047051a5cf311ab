//! The second step of a staff or admin sign-in (see [`crate::auth::second_factor`]).
//! Each needs the pending sign-in's cookie, which the password step sets and
//! which is sent only to these paths; without a live one they answer 401.
//!
//! - `GET /api/v1/session/second-factor`: what comes next.
//! - `POST /api/v1/session/second-factor`: a code from the app, or a recovery
//!   code; right, and the session starts.
//! - `POST /api/v1/session/second-factor/setup`: the key to add to an app
//!   (until it is confirmed).
//! - `POST /api/v1/session/second-factor/setup/confirmation`: a code from the
//!   app confirms the key; the recovery codes are given, once, and the
//!   session starts.
//! - `GET /api/v1/account/recovery-codes` (staff and admins, signed in): how
//!   many recovery codes are left. `POST`, with the password: new ones in
//!   place of the old.

use axum::extract::State;
use axum::http::{header, HeaderMap};
use axum::response::{IntoResponse, Response};
use domain::api::second_factor::{
    NewRecoveryCodes, RecoveryCodes, RecoveryCodesLeft, SecondFactorCode, SecondFactorConfirmed,
    SecondFactorNeeded, SecondFactorSetup,
};
use domain::endpoints::second_factor::{
    ConfirmSecondFactor, CreateSessionSecondFactor, GetRecoveryCodesLeft, GetSecondFactorStep,
    MakeNewRecoveryCodes, SetUpSecondFactor,
};

use crate::auth::second_factor::{self, Passed, Purpose};
use crate::auth::{session, ClientAddress, CurrentUser};
use crate::error::{ApiError, ApiResult};
use crate::extract::Json;
use crate::routes::Routes;
use crate::AppState;

pub fn router() -> Routes {
    Routes::new()
        .add(GetSecondFactorStep, get_next_step)
        .add(CreateSessionSecondFactor, post_code)
        .add(SetUpSecondFactor, post_setup)
        .add(ConfirmSecondFactor, post_confirmation)
        .add(GetRecoveryCodesLeft, get_codes_left)
        .add(MakeNewRecoveryCodes, post_new_codes)
}

async fn get_codes_left(
    State(state): State<AppState>,
    user: CurrentUser,
) -> ApiResult<Json<RecoveryCodesLeft>> {
    Ok(Json(
        crate::account_security::recovery_codes::codes_left(&state, &user).await?,
    ))
}

async fn post_new_codes(
    State(state): State<AppState>,
    ClientAddress(address): ClientAddress,
    user: CurrentUser,
    Json(request): Json<NewRecoveryCodes>,
) -> ApiResult<Json<RecoveryCodes>> {
    Ok(Json(
        crate::account_security::recovery_codes::make_new(&state, &user, request, address).await?,
    ))
}

fn pending(state: &AppState, headers: &HeaderMap) -> ApiResult<String> {
    second_factor::token_from_headers(headers, &state.config).ok_or(ApiError::Unauthorized)
}

async fn get_next_step(
    State(state): State<AppState>,
    headers: HeaderMap,
) -> ApiResult<Json<SecondFactorNeeded>> {
    let token = pending(&state, &headers)?;
    Ok(Json(second_factor::next_step(&state, &token).await?))
}

async fn post_setup(
    State(state): State<AppState>,
    headers: HeaderMap,
) -> ApiResult<Json<SecondFactorSetup>> {
    let token = pending(&state, &headers)?;
    Ok(Json(second_factor::key_to_set_up(&state, &token).await?))
}

async fn post_code(
    State(state): State<AppState>,
    headers: HeaderMap,
    Json(request): Json<SecondFactorCode>,
) -> ApiResult<Response> {
    let passed = passed(&state, &headers, request, Purpose::SignIn).await?;
    Ok(with_cookies(&state, &passed, Json(passed.session.clone())))
}

async fn post_confirmation(
    State(state): State<AppState>,
    headers: HeaderMap,
    Json(request): Json<SecondFactorCode>,
) -> ApiResult<Response> {
    let mut passed = passed(&state, &headers, request, Purpose::ConfirmSetUp).await?;
    let body = SecondFactorConfirmed {
        recovery_codes: passed.recovery_codes.take().unwrap_or_default(),
        session: passed.session.clone(),
    };
    Ok(with_cookies(&state, &passed, Json(body)))
}

async fn passed(
    state: &AppState,
    headers: &HeaderMap,
    request: SecondFactorCode,
    purpose: Purpose,
) -> ApiResult<Passed> {
    let token = pending(state, headers)?;
    let old = session::token_from_headers(headers, &state.config);
    second_factor::check(state, &token, old.as_deref(), request, purpose).await
}

/// The answer with the session's cookie set and the pending one cleared.
fn with_cookies(state: &AppState, passed: &Passed, body: impl IntoResponse) -> Response {
    let mut response = body.into_response();
    let cookies = response.headers_mut();
    cookies.append(
        header::SET_COOKIE,
        session::set_cookie(&state.config, &passed.token),
    );
    cookies.append(
        header::SET_COOKIE,
        second_factor::clear_cookie(&state.config),
    );
    response
}
