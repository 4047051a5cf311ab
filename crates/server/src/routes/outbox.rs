//! `GET /api/v1/outbox`: staff and admins read the messages written, and
//! whether each was sent (see [`crate::outbox`]).

use axum::extract::State;
use axum::routing::get;
use axum::Router;
use domain::api::account::OutboxMessage;

use crate::auth::CurrentUser;
use crate::error::ApiResult;
use crate::extract::Json;
use crate::AppState;

pub fn router() -> Router<AppState> {
    Router::new().route("/outbox", get(list_outbox))
}

/// Staff and admins: the latest 500 messages, newest first.
#[tracing::instrument(skip_all, fields(user_id = user.id))]
async fn list_outbox(
    State(state): State<AppState>,
    user: CurrentUser,
) -> ApiResult<Json<Vec<OutboxMessage>>> {
    user.require_staff()?;
    let mut conn = state.db.acquire().await?;
    Ok(Json(crate::outbox::latest(&mut conn).await?))
}
