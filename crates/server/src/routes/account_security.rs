//! The account's own security ([`crate::account_security`]):
//!
//! - `PUT /api/v1/account/password`: change the password (the current one
//!   confirms); every other session ends.
//! - `POST /api/v1/accounts/password-reset-link`: send a link to reset a
//!   forgotten password (202 whether or not an account uses the address).
//! - `POST /api/v1/accounts/password-reset`: the link's token and a new password.
//! - `GET /api/v1/account/sessions`: where the account is signed in, a page
//!   at a time (`limit`, `after`, `Link`).
//!   `DELETE`: sign out of every other device.
//! - `DELETE /api/v1/account/sessions/{id}`: sign out of one device (404 for
//!   another account's session).
//! - `POST /api/v1/account/deletion`: delete the account (residents and
//!   advocates), and sign out.

use crate::ids::IdInPath;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use domain::api::account_security::{
    AccountDeletion, PasswordChange, PasswordReset, PasswordResetRequest,
};
use domain::endpoints::account_security::{
    ChangePassword, DeleteAccount, EndAccountSession, EndOtherSessions, ListAccountSessions,
    ResetPassword, SendPasswordResetLink,
};

use crate::account_security as security;
use crate::auth::{session, ClientAddress, CurrentUser};
use crate::error::ApiResult;
use crate::extract::Json;
use crate::page::PageQuery;
use crate::routes::Routes;
use crate::AppState;

pub fn router() -> Routes {
    Routes::new()
        .add(ChangePassword, change_password)
        .add(ListAccountSessions, list_sessions)
        .add(EndOtherSessions, end_other_sessions)
        .add(EndAccountSession, end_session)
        .add(DeleteAccount, delete_account)
        .add(SendPasswordResetLink, send_reset_link)
        .add(ResetPassword, reset_password)
}

/// 204, and the browser forgets the session.
fn signed_out(state: &AppState) -> Response {
    (
        StatusCode::NO_CONTENT,
        [(header::SET_COOKIE, session::clear_cookie(&state.config))],
    )
        .into_response()
}

async fn change_password(
    State(state): State<AppState>,
    ClientAddress(address): ClientAddress,
    headers: HeaderMap,
    user: CurrentUser,
    Json(change): Json<PasswordChange>,
) -> ApiResult<StatusCode> {
    let token = session::token_from_headers(&headers, &state.config);
    security::change_password(&state, &user, token.as_deref(), change, address).await?;
    Ok(StatusCode::NO_CONTENT)
}

async fn send_reset_link(
    State(state): State<AppState>,
    Json(request): Json<PasswordResetRequest>,
) -> ApiResult<StatusCode> {
    security::send_reset_link(&state, request).await?;
    Ok(StatusCode::ACCEPTED)
}

/// No sign-in needed: the link may be opened on another device. That
/// browser gets the account's device cookie, so its owner, held out by an
/// attack on a new browser at a new address, gets in at once after a reset.
async fn reset_password(
    State(state): State<AppState>,
    Json(reset): Json<PasswordReset>,
) -> ApiResult<Response> {
    let email = security::reset_password(&state, reset).await?;
    let device = crate::auth::device_cookie::issue(&state, &email);
    Ok((StatusCode::NO_CONTENT, [(header::SET_COOKIE, device)]).into_response())
}

/// A page of where the account is signed in ([`crate::page`]).
async fn list_sessions(
    State(state): State<AppState>,
    headers: HeaderMap,
    user: CurrentUser,
    page: Result<Query<PageQuery>, QueryRejection>,
) -> ApiResult<Response> {
    let page = page.map_err(super::cases::bad_query)?.0.check()?;
    let token = session::token_from_headers(&headers, &state.config);
    let (sessions, next) = security::list_sessions(&state, &user, token.as_deref(), &page).await?;
    Ok(crate::page::answer(
        sessions,
        next,
        &format!("/api/v1/account/sessions?limit={}", page.limit),
    ))
}

async fn end_other_sessions(
    State(state): State<AppState>,
    headers: HeaderMap,
    user: CurrentUser,
) -> ApiResult<StatusCode> {
    let token = session::token_from_headers(&headers, &state.config);
    security::end_other_sessions(&state, &user, token.as_deref()).await?;
    Ok(StatusCode::NO_CONTENT)
}

async fn end_session(
    State(state): State<AppState>,
    headers: HeaderMap,
    user: CurrentUser,
    IdInPath(id): IdInPath,
) -> ApiResult<Response> {
    let token = session::token_from_headers(&headers, &state.config);
    if security::end_session(&state, &user, token.as_deref(), &id).await? {
        Ok(signed_out(&state))
    } else {
        Ok(StatusCode::NO_CONTENT.into_response())
    }
}

async fn delete_account(
    State(state): State<AppState>,
    ClientAddress(address): ClientAddress,
    user: CurrentUser,
    Json(deletion): Json<AccountDeletion>,
) -> ApiResult<Response> {
    security::delete_account(&state, &user, deletion, address).await?;
    Ok(signed_out(&state))
}
