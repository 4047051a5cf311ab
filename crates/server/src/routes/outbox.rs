//! `GET /api/v1/outbox`: staff and admins read the messages written, and
//! whether each was sent (see [`crate::outbox`]), a page at a time: all of
//! them, or (`?waiting=staff`) those waiting for staff. `POST
//! /api/v1/outbox/{id}/sent-by-hand` and `/retry`: what staff do about one;
//! `GET /api/v1/outbox/{id}/letter`: a letter as a PDF to print and post.

use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::response::Response;
use domain::api::account::OutboxMessage;
use domain::endpoints::outbox::{GetLetter, ListOutbox, MarkMessageSentByHand, RetryMessage};

use crate::auth::CurrentUser;
use crate::error::{ApiError, ApiResult};
use crate::extract::Json;
use crate::ids::IdInPath;
use crate::outbox::store::{Reader, Which};
use crate::outbox::StaffDoes;
use crate::page::PageQuery;
use crate::routes::Routes;
use crate::AppState;

pub fn router() -> Routes {
    Routes::new()
        .add(ListOutbox, list_outbox)
        .add(MarkMessageSentByHand, sent_by_hand)
        .add(RetryMessage, retry)
        .add(GetLetter, letter)
}

/// Who reads: messages about a confidential case are for the complaints
/// team and whoever took the complaint (see `cases::access::sees_identity`).
fn reader(user: &CurrentUser) -> Reader {
    let viewer = crate::cases::access::viewer(user);
    Reader {
        account: viewer.id,
        complaints_team: viewer.complaints_team,
    }
}

/// Shown for a `waiting` other than `staff`.
pub const WAITING_UNKNOWN: &str = "Leave out waiting, or use waiting=staff";

#[derive(Debug, Default, serde::Deserialize)]
struct ListQuery {
    #[serde(default)]
    waiting: Option<String>,
}

/// Staff and admins: a page of the messages (see [`crate::page`]): all,
/// newest first, or those waiting for staff, oldest first.
#[tracing::instrument(skip_all, fields(user_id = user.id))]
async fn list_outbox(
    State(state): State<AppState>,
    user: CurrentUser,
    query: Result<Query<ListQuery>, QueryRejection>,
    page: Result<Query<PageQuery>, QueryRejection>,
) -> ApiResult<Response> {
    user.require_staff()?;
    let Query(query) = query.map_err(crate::routes::cases::bad_query)?;
    let which = match query.waiting.as_deref().map(str::trim) {
        None | Some("") => Which::All,
        Some("staff") => Which::WaitingForStaff,
        Some(_) => {
            return Err(ApiError::BadRequest(vec![crate::error::FieldError::new(
                "waiting",
                WAITING_UNKNOWN,
            )]))
        }
    };
    let page = page.map_err(crate::routes::cases::bad_query)?.0.check()?;
    let mut conn = state.db.acquire().await?;
    let (messages, next) = crate::outbox::latest(&mut conn, reader(&user), which, &page).await?;
    let waiting = if which == Which::WaitingForStaff {
        "&waiting=staff"
    } else {
        ""
    };
    Ok(crate::page::answer(
        messages,
        next,
        &format!("/api/v1/outbox?limit={}{waiting}", page.limit),
    ))
}

/// A message's id in the path: the outbox's row number, or 404.
fn message_id(id: &IdInPath) -> Result<i64, ApiError> {
    id.0.parse::<i64>().map_err(|_| ApiError::NotFound)
}

/// A member of staff sent the message by hand and says so.
async fn sent_by_hand(
    State(state): State<AppState>,
    user: CurrentUser,
    id: IdInPath,
) -> ApiResult<Json<OutboxMessage>> {
    staff_does(&state, &user, &id, StaffDoes::SentByHand).await
}

/// A member of staff has the message tried again by its service.
async fn retry(
    State(state): State<AppState>,
    user: CurrentUser,
    id: IdInPath,
) -> ApiResult<Json<OutboxMessage>> {
    staff_does(&state, &user, &id, StaffDoes::TryAgain).await
}

#[tracing::instrument(skip_all, fields(user_id = user.id))]
async fn staff_does(
    state: &AppState,
    user: &CurrentUser,
    id: &IdInPath,
    does: StaffDoes,
) -> ApiResult<Json<OutboxMessage>> {
    user.require_staff()?;
    let id = message_id(id)?;
    crate::outbox::staff_does(state, reader(user), id, does)
        .await
        .map(Json)
}

/// A letter as a PDF to print and post.
#[tracing::instrument(skip_all, fields(user_id = user.id))]
async fn letter(
    State(state): State<AppState>,
    user: CurrentUser,
    id: IdInPath,
) -> ApiResult<Response> {
    user.require_staff()?;
    let id = message_id(&id)?;
    let (name, pdf) = crate::outbox::letter(&state, reader(&user), id).await?;
    crate::files::download(&name, "application/pdf", pdf)
}
