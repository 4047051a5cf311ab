//! The landlord's side (staff and admins; 403 for anyone else):
//!
//! - `GET /staff/cases?stage=1&status=under_investigation&overdue=true`: the
//!   queue, the soonest due first, cases with nothing due last.
//! - `POST /cases/{id}/staff-actions`: one landlord event (acknowledge, assign,
//!   extend, ask for information, respond, refuse escalation, panel date and
//!   outcome, close, referral to the Ombudsman, reopen), by who and when.

use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State};
use axum::http::HeaderMap;
use axum::response::Response;
use domain::api::cases::{QueueFilter, StaffActionRequest};
use domain::endpoints::staff::{ListQueue, RecordStaffAction};

use crate::auth::CurrentUser;
use crate::cases::{self, store};
use crate::error::{ApiError, ApiResult, FieldError};
use crate::extract::Json;
use crate::idempotency::Retry;
use crate::routes::cases::{record_action, Action, Side};
use crate::routes::Routes;
use crate::AppState;

/// Shown when a staff action is dated after today.
pub const ON_IN_FUTURE: &str = "The date it happened must be today or in the past";
/// Shown when a resident's own event is sent as a staff action.
pub const NOT_A_STAFF_ACTION: &str = "This is something the resident does, not a staff action";

pub fn router() -> Routes {
    Routes::new()
        .add(ListQueue, list_queue)
        .add(RecordStaffAction, record_staff_action)
}

#[tracing::instrument(skip_all, fields(user_id = user.id))]
async fn list_queue(
    State(state): State<AppState>,
    user: CurrentUser,
    filter: Result<Query<QueueFilter>, QueryRejection>,
    page: Result<Query<crate::page::PageQuery>, QueryRejection>,
) -> ApiResult<Response> {
    user.require_staff()?;
    let Query(filter) = filter.map_err(|e| {
        ApiError::BadRequest(vec![FieldError::new(
            "",
            format!("The filter is not valid: {}", e.body_text()),
        )])
    })?;
    let page = page.map_err(crate::routes::cases::bad_query)?.0.check()?;
    let after = cases::due_after(&page)?;
    let status = filter.status.map(cases::status_name);
    let mut conn = state.db.acquire().await?;
    let rows = store::list_queue(
        &mut conn,
        filter.stage,
        status.as_deref(),
        filter.overdue,
        state.clock.today(),
        after.as_ref(),
        page.fetch(),
    )
    .await?;
    let (rows, next) = page.cut(rows, cases::due_keys);
    let summaries = cases::summaries(&state, &mut conn, &rows).await?;
    // The next page keeps the filters.
    let mut address = format!("/api/v1/staff/cases?limit={}", page.limit);
    if let Some(stage) = filter.stage {
        address.push_str(&format!("&stage={stage}"));
    }
    if let Some(status) = &status {
        address.push_str(&format!("&status={status}"));
    }
    if let Some(overdue) = filter.overdue {
        address.push_str(&format!("&overdue={overdue}"));
    }
    Ok(crate::page::answer(summaries, next, &address))
}

#[tracing::instrument(skip_all, fields(user_id = user.id))]
async fn record_staff_action(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
    headers: HeaderMap,
    Json(request): Json<StaffActionRequest>,
) -> ApiResult<Response> {
    user.require_staff()?;
    let today = state.clock.today();
    let retry = Retry::optional(&headers, &(&id, "staff-actions", &request))?;
    record_action(&state, &user, &id, Side::Landlord, retry, || {
        if !request.is_staff_event() {
            return Err(ApiError::field("event", NOT_A_STAFF_ACTION));
        }
        if request.on.is_some_and(|on| on > today) {
            return Err(ApiError::field("on", ON_IN_FUTURE));
        }
        Ok(Action {
            event: request.event,
            on: request.on,
            files: Vec::new(),
        })
    })
    .await
}
