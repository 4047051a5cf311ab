//! `GET /api/v1/outbox`: staff and admins read the messages written, and
//! whether each was sent (see [`crate::outbox`]), a page at a time.

use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::response::Response;
use domain::endpoints::outbox::ListOutbox;

use crate::auth::CurrentUser;
use crate::error::ApiResult;
use crate::page::PageQuery;
use crate::routes::Routes;
use crate::AppState;

pub fn router() -> Routes {
    Routes::new().add(ListOutbox, list_outbox)
}

/// Who reads: messages about a confidential case are for the complaints
/// team and whoever took the complaint (see `cases::access::sees_identity`).
fn reader(user: &CurrentUser) -> crate::outbox::store::Reader {
    let viewer = crate::cases::access::viewer(user);
    crate::outbox::store::Reader {
        account: viewer.id,
        complaints_team: viewer.complaints_team,
    }
}

/// Staff and admins: a page of the messages, newest first (see [`crate::page`]).
#[tracing::instrument(skip_all, fields(user_id = user.id))]
async fn list_outbox(
    State(state): State<AppState>,
    user: CurrentUser,
    page: Result<Query<PageQuery>, QueryRejection>,
) -> ApiResult<Response> {
    user.require_staff()?;
    let page = page.map_err(crate::routes::cases::bad_query)?.0.check()?;
    let mut conn = state.db.acquire().await?;
    let (messages, next) = crate::outbox::latest(&mut conn, reader(&user), &page).await?;
    Ok(crate::page::answer(
        messages,
        next,
        &format!("/api/v1/outbox?limit={}", page.limit),
    ))
}
