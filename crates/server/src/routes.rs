//! The API, a router per resource, merged.

pub mod account_security;
pub mod accounts;
pub mod authorisations;
pub mod calendar;
pub mod cases;
pub mod health;
pub mod outbox;
pub mod policies;
pub mod preferences;
pub mod second_factor;
pub mod staff;
pub mod test_clock;

use axum::Router;

use crate::error::ApiError;
use crate::AppState;

/// Everything under `/api/v1`. Unknown paths answer a JSON 404, never the app.
pub fn api_router(state: &AppState) -> Router<AppState> {
    Router::new()
        .merge(health::router())
        .merge(calendar::router())
        .merge(policies::router())
        .merge(test_clock::router())
        .merge(accounts::router())
        .merge(outbox::router())
        .merge(account_security::router())
        .merge(second_factor::router())
        .merge(preferences::router())
        .merge(authorisations::router())
        .merge(cases::router())
        .merge(staff::router())
        .merge(crate::openapi::router())
        .fallback(|| async { ApiError::NotFound })
        .method_not_allowed_fallback(|| async { ApiError::MethodNotAllowed })
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            crate::headers::same_origin_writes,
        ))
}
