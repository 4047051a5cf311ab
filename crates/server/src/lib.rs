//! Put It Right's server: the JSON API under `/api/v1` and the built app.
//!
//! [`app`] builds the whole router from an [`AppState`], so tests drive it with
//! `tower::ServiceExt::oneshot` on a real SQLite file, no socket needed.

pub mod account_security;
pub mod accounts;
pub mod admin;
pub mod auth;
pub mod authorisations;
pub mod cases;
pub mod clock;
pub mod config;
pub mod db;
pub mod demo;
pub mod error;
pub mod extract;
pub mod figures;
pub mod files;
pub mod headers;
pub mod idempotency;
pub mod ids;
pub mod letters;
pub mod links;
pub mod metrics;
pub mod notify;
pub mod openapi;
pub mod outbox;
pub mod page;
pub mod password;
pub mod preferences;
pub mod reports;
pub mod request_id;
pub mod retention;
pub mod routes;
pub mod rules;
pub mod secrets;
pub mod seed_bench;
pub mod serve;
pub mod smtp;
pub mod startup;
pub mod state;
pub mod verification;
pub mod web;

pub use state::AppState;

use axum::Router;

/// The largest request body the API accepts, on the routes that take files:
/// up to five 5 MB attachments, base64-encoded in JSON, with room for the
/// rest of the form.
pub const BODY_LIMIT: usize = 36 * 1024 * 1024;

/// The largest body of every other route: the longest form (a response's
/// 20,000 characters of reasons, four bytes each at most) with room to spare.
/// A bigger body is refused with 413 before more of it is read.
pub const FORM_BODY_LIMIT: usize = 256 * 1024;

/// The body limit for a route that takes files ([`BODY_LIMIT`]).
pub fn with_files() -> axum::extract::DefaultBodyLimit {
    axum::extract::DefaultBodyLimit::max(BODY_LIMIT)
}

/// The whole service: the API, then the app for every other path.
pub fn app(state: AppState) -> Router {
    // JSON is compressed when the browser asks (the active policy: 10 KB
    // plain, 2 KB brotli), but never for a request another site started: a
    // compressed answer's size could otherwise tell an eavesdropper something
    // about personal data beside text the other site chose (BREACH).
    let api = routes::api_router(&state)
        .route_layer(axum::middleware::from_fn_with_state(
            state.metrics.clone(),
            metrics::record,
        ))
        .with_state(state.clone())
        .layer(tower_http::compression::CompressionLayer::new())
        .layer(axum::middleware::from_fn(
            headers::no_compression_across_sites,
        ));
    let router = Router::new()
        .nest("/api/v1", api)
        .fallback_service(web::app_service(&state.config.dist_dir))
        .layer(error::catch_panics())
        .layer(axum::middleware::from_fn(headers::security_headers));
    // Served over HTTPS: browsers are told to use nothing else for a year.
    let router = if state.config.secure_cookies {
        router.layer(tower_http::set_header::SetResponseHeaderLayer::overriding(
            axum::http::header::STRICT_TRANSPORT_SECURITY,
            axum::http::HeaderValue::from_static(headers::HSTS),
        ))
    } else {
        router
    };
    let timeout = std::time::Duration::from_secs(state.config.request_timeout);
    router
        // Forms are small; the routes that take files raise it ([`with_files`]).
        .layer(axum::extract::DefaultBodyLimit::max(FORM_BODY_LIMIT))
        .layer(tower_http::limit::RequestBodyLimitLayer::new(BODY_LIMIT))
        .layer(tower_http::timeout::TimeoutLayer::with_status_code(
            axum::http::StatusCode::REQUEST_TIMEOUT,
            timeout,
        ))
        .layer(axum::middleware::from_fn(error::uniform_errors))
        .layer(tower_http::trace::TraceLayer::new_for_http())
        // Outermost: everything below, the trace included, logs in its span.
        .layer(axum::middleware::from_fn(request_id::tag_and_log))
}
