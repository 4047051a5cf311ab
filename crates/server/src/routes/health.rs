//! `GET /api/v1/health`: is the service up, and does its database answer?

use axum::extract::State;
use axum::routing::get;
use axum::{Json, Router};
use domain::api::Health;

use crate::AppState;

pub fn router() -> Router<AppState> {
    Router::new().route("/health", get(get_health))
}

#[tracing::instrument(skip_all)]
async fn get_health(State(state): State<AppState>) -> (axum::http::StatusCode, Json<Health>) {
    let database_ok = crate::db::ping(&state.db).await.is_ok();
    let status = if database_ok {
        axum::http::StatusCode::OK
    } else {
        axum::http::StatusCode::SERVICE_UNAVAILABLE
    };
    let health = Health {
        status: if database_ok { "ok" } else { "unavailable" }.into(),
        version: env!("CARGO_PKG_VERSION").into(),
        database: if database_ok { "ok" } else { "unavailable" }.into(),
        policy_id: state.policy.id.clone(),
        landlord: state.policy.landlord.clone(),
        today: state.clock.today(),
    };
    (status, Json(health))
}
