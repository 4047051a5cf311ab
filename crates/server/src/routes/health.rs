//! `GET /api/v1/health`: is the service up, and does its database answer?
//! `GET /api/v1/openapi.json`: the API's own description ([`crate::openapi`]).

use axum::extract::State;
use axum::Json;
use domain::api::Health;
use domain::endpoints::service::{GetHealth, GetOpenapi};

use crate::routes::Routes;
use crate::AppState;

pub fn router() -> Routes {
    Routes::new()
        .add(GetHealth, get_health)
        .add(GetOpenapi, get_openapi)
}

async fn get_openapi() -> crate::extract::Json<serde_json::Value> {
    crate::extract::Json(crate::openapi::document().clone())
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
