//! Prometheus metrics, served on a listener of their own
//! (`--metrics-address`, [`crate::routes::metrics`]), never on the portal's
//! public port: request counts
//! and latency histograms by route (the route's pattern, never a case id),
//! the outbox's depth, and how long ago the policy's rules last ran (the
//! scheduler's lag), read when scraped.
//!
//! Nothing personal is in a label: the method, the route's pattern and the
//! status class only.

pub mod store;

use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::Arc;
use std::time::Instant;

use axum::extract::{MatchedPath, Request, State};
use axum::middleware::Next;
use axum::response::Response;
use prometheus_client::encoding::text::encode;
use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::histogram::{exponential_buckets, Histogram};
use prometheus_client::registry::Registry;

/// What one request is counted under.
#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct RouteLabels {
    pub method: String,
    /// The route's pattern, as `/api/v1/cases/{id}`.
    pub route: String,
    /// `2xx`, `4xx`, `5xx`…
    pub status: String,
}

type LatencyFamily = Family<RouteLabels, Histogram, fn() -> Histogram>;

/// The process's metrics. Counters live in memory: each process reports its
/// own, and Prometheus adds them up.
pub struct Metrics {
    registry: Registry,
    requests: Family<RouteLabels, Counter>,
    latency: LatencyFamily,
    outbox_unsent: Gauge,
    outbox_failed: Gauge,
    rules_lag: Gauge,
    case_replays: Counter,
    /// When the rules last finished a round (Unix seconds; 0: not yet).
    rules_ran_at: AtomicI64,
}

fn latency_histogram() -> Histogram {
    // 1 ms to about 16 s.
    Histogram::new(exponential_buckets(0.001, 2.0, 15))
}

impl Default for Metrics {
    fn default() -> Self {
        let mut registry = Registry::with_prefix("portal");
        let requests = Family::<RouteLabels, Counter>::default();
        registry.register(
            "http_requests",
            "API requests answered, by method, route pattern and status class",
            requests.clone(),
        );
        let latency: LatencyFamily = Family::new_with_constructor(latency_histogram);
        registry.register(
            "http_request_duration_seconds",
            "Time to answer API requests, by method, route pattern and status class",
            latency.clone(),
        );
        let outbox_unsent = Gauge::default();
        registry.register(
            "outbox_unsent",
            "Messages not yet sent that the sender will still try",
            outbox_unsent.clone(),
        );
        let outbox_failed = Gauge::default();
        registry.register(
            "outbox_failed",
            "Messages the sender has stopped trying, left for staff",
            outbox_failed.clone(),
        );
        let rules_lag = Gauge::default();
        registry.register(
            "rules_lag_seconds",
            "Seconds since the policy's rules last finished a round in this process (-1: not yet)",
            rules_lag.clone(),
        );
        let case_replays = Counter::default();
        registry.register(
            "case_replays",
            "Cases replayed from their events: a case page, an event recorded, or a list whose \
             stored summary is from another day",
            case_replays.clone(),
        );
        Self {
            registry,
            case_replays,
            requests,
            latency,
            outbox_unsent,
            outbox_failed,
            rules_lag,
            rules_ran_at: AtomicI64::new(0),
        }
    }
}

impl Metrics {
    /// The rules finished a round now.
    pub fn rules_ran(&self) {
        self.rules_ran_at
            .store(chrono::Utc::now().timestamp(), Ordering::Relaxed);
    }

    /// A case was replayed from its events.
    pub fn case_replayed(&self) {
        self.case_replays.inc();
    }

    /// How many cases this process has replayed from their events.
    pub fn case_replays(&self) -> u64 {
        self.case_replays.get()
    }

    /// The Prometheus text of every metric, with the outbox's depth as read
    /// now (messages still to send, and those given up on).
    pub fn render(&self, (unsent, failed): (i64, i64)) -> String {
        self.outbox_unsent.set(unsent);
        self.outbox_failed.set(failed);
        let ran = self.rules_ran_at.load(Ordering::Relaxed);
        self.rules_lag.set(if ran == 0 {
            -1
        } else {
            chrono::Utc::now().timestamp() - ran
        });
        let mut text = String::new();
        encode(&mut text, &self.registry).expect("writing to a String cannot fail");
        text
    }
}

/// Counts and times each API request under its route's pattern (a layer on
/// the API's routes: only matched routes have one).
pub async fn record(State(metrics): State<Arc<Metrics>>, request: Request, next: Next) -> Response {
    let started = Instant::now();
    let method = request.method().as_str().to_owned();
    let route = request
        .extensions()
        .get::<MatchedPath>()
        .map_or_else(|| "unmatched".to_owned(), |p| p.as_str().to_owned());
    let response = next.run(request).await;
    let labels = RouteLabels {
        method,
        route,
        status: format!("{}xx", response.status().as_u16() / 100),
    };
    metrics.requests.get_or_create(&labels).inc();
    metrics
        .latency
        .get_or_create(&labels)
        .observe(started.elapsed().as_secs_f64());
    response
}

/// Whether the database answers, for the readiness check.
pub async fn ping(db: &sqlx::AnyPool) -> Result<(), sqlx::Error> {
    store::ping(db).await
}
