//! `PUT /api/v1/test/clock`: moves the server's clock, so end-to-end tests can
//! open and close windows; `GET /api/v1/test/messages?to=…`: what the portal
//! wrote to an address (the tests' mailbox: the link that proves an address).
//! Only when the server was started with `--allow-clock-changes`; otherwise
//! the paths do not exist (404).

use axum::extract::State;
use domain::api::WrittenMessage;
use domain::endpoints::test::{ListMessagesTo, SetClock};
use serde::Deserialize;

use crate::error::{ApiError, ApiResult};
use crate::extract::Json;
use crate::routes::Routes;
use crate::AppState;

pub fn router() -> Routes {
    Routes::new()
        .add(SetClock, set_clock)
        .add(ListMessagesTo, messages_to)
}

use crate::clock::ClockSetting;

#[tracing::instrument(skip_all)]
async fn set_clock(
    State(state): State<AppState>,
    Json(setting): Json<ClockSetting>,
) -> ApiResult<Json<ClockSetting>> {
    if !state.config.allow_clock_changes {
        return Err(ApiError::NotFound);
    }
    state.clock.set(setting.now);
    tracing::warn!(now = %setting.now, "clock moved by a test");
    // What falls due on the new day happens at once, as it would by the
    // next round of the rules.
    crate::rules::run_due(&state).await?;
    Ok(Json(ClockSetting {
        now: state.clock.now(),
    }))
}

#[derive(Debug, Deserialize)]
struct MessagesQuery {
    to: String,
}

#[tracing::instrument(skip_all)]
async fn messages_to(
    State(state): State<AppState>,
    axum::extract::Query(query): axum::extract::Query<MessagesQuery>,
) -> ApiResult<Json<Vec<WrittenMessage>>> {
    if !state.config.allow_clock_changes {
        return Err(ApiError::NotFound);
    }
    let mut conn = state.db.acquire().await?;
    let messages = crate::outbox::written_to(&mut conn, &query.to).await?;
    Ok(Json(
        messages
            .into_iter()
            .map(|(subject, body)| WrittenMessage { subject, body })
            .collect(),
    ))
}
