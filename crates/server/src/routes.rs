//! The API, a router per resource, merged. Each module registers its handlers
//! by the endpoints declared in [`domain::endpoints`] ([`Routes::add`]), so a
//! path and its method are written once, where the app and the OpenAPI
//! document read them too.

pub mod account_security;
pub mod accounts;
pub mod authorisations;
pub mod calendar;
pub mod cases;
pub mod figures;
pub mod health;
pub mod metrics;
pub mod outbox;
pub mod policies;
pub mod preferences;
pub mod reports;
pub mod second_factor;
pub mod staff;
pub mod test_clock;

use axum::handler::Handler;
use axum::routing::{on, MethodFilter, MethodRouter};
use axum::Router;
use domain::endpoint::{Endpoint, Method};

use crate::error::ApiError;
use crate::AppState;

/// A router that knows which declared endpoints it routes.
#[derive(Default)]
pub struct Routes {
    router: Router<AppState>,
    registered: Vec<Registered>,
}

/// One endpoint routed: its method, path and operation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Registered {
    pub method: Method,
    pub path: &'static str,
    pub operation: &'static str,
}

impl Routes {
    pub fn new() -> Self {
        Self::default()
    }

    /// Routes the endpoint (its method and path) to `handler`:
    /// `.add(endpoints::cases::GetCase, get_case)`.
    pub fn add<E: Endpoint, H: Handler<T, AppState>, T: 'static>(
        self,
        endpoint: E,
        handler: H,
    ) -> Self {
        self.add_with(endpoint, handler, |route| route)
    }

    /// [`Routes::add`], with `wrap` around the handler (a layer, such as
    /// [`crate::with_files`]).
    pub fn add_with<E: Endpoint, H: Handler<T, AppState>, T: 'static>(
        mut self,
        _: E,
        handler: H,
        wrap: impl FnOnce(MethodRouter<AppState>) -> MethodRouter<AppState>,
    ) -> Self {
        let filter = match E::METHOD {
            Method::GET => MethodFilter::GET,
            Method::POST => MethodFilter::POST,
            Method::PUT => MethodFilter::PUT,
            Method::DELETE => MethodFilter::DELETE,
        };
        self.router = self.router.route(E::PATH, wrap(on(filter, handler)));
        self.registered.push(Registered {
            method: E::METHOD,
            path: E::PATH,
            operation: E::OPERATION,
        });
        self
    }

    pub fn merge(mut self, other: Routes) -> Self {
        self.router = self.router.merge(other.router);
        self.registered.extend(other.registered);
        self
    }

    /// What is routed, in the order it was added.
    pub fn registered(&self) -> &[Registered] {
        &self.registered
    }
}

/// Every endpoint, routed.
pub fn endpoints() -> Routes {
    Routes::new()
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
        .merge(figures::router())
        .merge(reports::router())
}

/// Everything under `/api/v1`. Unknown paths answer a JSON 404, never the app.
pub fn api_router(state: &AppState) -> Router<AppState> {
    endpoints()
        .router
        .fallback(|| async { ApiError::NotFound })
        .method_not_allowed_fallback(|| async { ApiError::MethodNotAllowed })
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            crate::headers::same_origin_writes,
        ))
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use domain::endpoint::Visitor;

    use super::*;

    struct Declared(Vec<Registered>);

    impl Visitor for Declared {
        fn visit<E: Endpoint>(&mut self) {
            self.0.push(Registered {
                method: E::METHOD,
                path: E::PATH,
                operation: E::OPERATION,
            });
        }
    }

    fn declared() -> Vec<Registered> {
        let mut declared = Declared(Vec::new());
        domain::endpoints::visit(&mut declared);
        declared.0
    }

    fn counts<K: Ord>(keys: impl Iterator<Item = K>) -> BTreeMap<K, usize> {
        let mut counts = BTreeMap::new();
        for key in keys {
            *counts.entry(key).or_insert(0) += 1;
        }
        counts
    }

    #[test]
    fn every_route_has_exactly_one_declaration_and_every_declaration_one_route() {
        let declared = declared();
        let routed = endpoints().registered().to_vec();
        assert!(declared.len() >= 48, "only {} declared", declared.len());
        let twice: Vec<_> = counts(declared.iter().map(|e| (e.method, e.path)))
            .into_iter()
            .filter(|(_, n)| *n > 1)
            .collect();
        assert!(twice.is_empty(), "declared more than once: {twice:?}");
        let same_id: Vec<_> = counts(declared.iter().map(|e| e.operation))
            .into_iter()
            .filter(|(_, n)| *n > 1)
            .collect();
        assert!(same_id.is_empty(), "operation ids used twice: {same_id:?}");
        let routed_twice: Vec<_> = counts(routed.iter())
            .into_iter()
            .filter(|(_, n)| *n > 1)
            .collect();
        assert!(routed_twice.is_empty(), "routed twice: {routed_twice:?}");
        let not_routed: Vec<_> = declared.iter().filter(|e| !routed.contains(e)).collect();
        assert!(
            not_routed.is_empty(),
            "declared, not routed: {not_routed:?}"
        );
        let not_declared: Vec<_> = routed.iter().filter(|e| !declared.contains(e)).collect();
        assert!(
            not_declared.is_empty(),
            "routed, not declared: {not_declared:?}"
        );
    }

    /// Every route goes through [`Routes::add`]: no path is written into a
    /// router anywhere else in the server. The one exception is the metrics
    /// listener ([`metrics`]): it is not the API (its own port, never on the
    /// internet, not in the OpenAPI document), so it has no declarations.
    #[test]
    fn no_route_is_added_but_by_its_declaration() {
        fn walk(dir: &std::path::Path, found: &mut Vec<String>) {
            for entry in std::fs::read_dir(dir).unwrap() {
                let path = entry.unwrap().path();
                if path.ends_with("routes/metrics.rs") {
                    continue;
                }
                if path.is_dir() {
                    walk(&path, found);
                } else if path.extension().is_some_and(|e| e == "rs") {
                    let source = std::fs::read_to_string(&path).unwrap();
                    for (n, line) in source.lines().enumerate() {
                        let code = line.trim_start();
                        if code.starts_with("//") {
                            continue;
                        }
                        // Written in two parts, so this test does not find itself.
                        let by_hand = [concat!(".route", "(\""), concat!(".route", "_service(")];
                        let nested =
                            code.contains(concat!(".nest", "(\"/")) && !path.ends_with("lib.rs");
                        if by_hand.iter().any(|p| code.contains(p)) || nested {
                            found.push(format!("{}:{}: {code}", path.display(), n + 1));
                        }
                    }
                }
            }
        }
        let mut found = Vec::new();
        walk(
            &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
            &mut found,
        );
        assert!(
            found.is_empty(),
            "routes not declared:\n{}",
            found.join("\n")
        );
    }
}
