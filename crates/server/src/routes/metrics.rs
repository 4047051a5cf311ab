//! The metrics listener (`--metrics-address`): `/metrics` in Prometheus'
//! text format ([`crate::metrics`]) and `/ready`, 200 while the database
//! answers, for a load balancer's readiness check. Never on the portal's
//! public port.

use std::sync::Arc;

use axum::extract::State;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use sqlx::AnyPool;

use crate::metrics::Metrics;

/// What the metrics listener needs.
#[derive(Clone)]
pub struct Listener {
    pub db: AnyPool,
    pub metrics: Arc<Metrics>,
}

/// The metrics listener's routes: `/metrics` and `/ready`.
pub fn router(listener: Listener) -> Router {
    Router::new()
        .route("/metrics", get(scrape))
        .route("/ready", get(ready))
        .with_state(listener)
}

async fn scrape(State(listener): State<Listener>) -> Response {
    match crate::outbox::depth(&listener.db).await {
        Ok(depth) => (
            [(
                header::CONTENT_TYPE,
                "text/plain; version=0.0.4; charset=utf-8",
            )],
            listener.metrics.render(depth),
        )
            .into_response(),
        Err(error) => {
            tracing::warn!(%error, "metrics could not read the database");
            StatusCode::SERVICE_UNAVAILABLE.into_response()
        }
    }
}

async fn ready(State(listener): State<Listener>) -> StatusCode {
    match crate::metrics::ping(&listener.db).await {
        Ok(()) => StatusCode::OK,
        Err(error) => {
            tracing::warn!(%error, "not ready: the database does not answer");
            StatusCode::SERVICE_UNAVAILABLE
        }
    }
}
