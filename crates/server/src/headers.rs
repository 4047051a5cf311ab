//! Security headers on every response, and the cross-site request check.

use std::sync::OnceLock;

use axum::extract::Request;
use axum::http::{header, HeaderMap, HeaderValue, Method};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::error::ApiError;

static CSP: OnceLock<HeaderValue> = OnceLock::new();

/// Strict-Transport-Security, sent when the portal is served over HTTPS
/// (`--secure-cookies`): a year, subdomains included.
pub const HSTS: &str = "max-age=31536000; includeSubDomains";

/// The Content-Security-Policy, allowing the app's own inline loader scripts
/// by their hashes (Trunk writes one into `index.html`).
fn policy(hashes: &[String]) -> HeaderValue {
    let scripts: String = hashes.iter().map(|h| format!(" 'sha256-{h}'")).collect();
    let policy = format!(
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'{scripts}; \
         style-src 'self'; img-src 'self' data: blob:; font-src 'self'; \
         connect-src 'self'; object-src 'none'; base-uri 'none'; \
         form-action 'self'; frame-ancestors 'none'"
    );
    HeaderValue::from_str(&policy).expect("the policy is ASCII")
}

/// Sets the policy once, at start-up, with the built app's inline script hashes.
pub fn set_inline_script_hashes(hashes: &[String]) {
    let _ = CSP.set(policy(hashes));
}

/// The policy in force: the one set at start-up, or one allowing no inline script.
fn csp() -> &'static HeaderValue {
    CSP.get_or_init(|| policy(&[]))
}

/// Adds the security headers; API answers (personal data) are never cached.
pub async fn security_headers(request: Request, next: Next) -> Response {
    let is_api = request.uri().path().starts_with("/api/");
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_SECURITY_POLICY, csp().clone());
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    headers.insert(
        "cross-origin-opener-policy",
        HeaderValue::from_static("same-origin"),
    );
    headers.insert(
        "permissions-policy",
        HeaderValue::from_static("camera=(self), geolocation=(), microphone=()"),
    );
    if is_api {
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    response
}

/// Drops `Accept-Encoding` from a request that another site started (its
/// `Sec-Fetch-Site` is `cross-site` or `same-site`), so its answer goes
/// uncompressed and its size gives nothing away.
pub async fn no_compression_across_sites(mut request: Request, next: Next) -> Response {
    let from_elsewhere = request
        .headers()
        .get("sec-fetch-site")
        .is_some_and(|site| site == "cross-site" || site == "same-site");
    if from_elsewhere {
        request.headers_mut().remove(header::ACCEPT_ENCODING);
    }
    next.run(request).await
}

/// Refuses state-changing requests that come from another site: the browser's
/// `Sec-Fetch-Site` must say same-origin (or none, for a typed URL or a non-browser
/// client), and an `Origin`, when sent, must be this server's own, by its
/// scheme too: served over HTTPS (`--secure-cookies`), an `http://` page
/// on the same host is another origin.
pub async fn same_origin_writes(
    axum::extract::State(state): axum::extract::State<crate::AppState>,
    request: Request,
    next: Next,
) -> Response {
    let https = state.config.secure_cookies;
    if is_write(request.method())
        && !(same_origin(request.headers()) && scheme_fits(request.headers(), https))
    {
        return ApiError::Forbidden.into_response();
    }
    next.run(request).await
}

fn is_write(method: &Method) -> bool {
    !matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS)
}

fn same_origin(headers: &HeaderMap) -> bool {
    if let Some(site) = headers.get("sec-fetch-site") {
        if !matches!(site.as_bytes(), b"same-origin" | b"none") {
            return false;
        }
    }
    match (headers.get(header::ORIGIN), headers.get(header::HOST)) {
        (None, _) => true,
        (Some(origin), Some(host)) => {
            let origin = origin.to_str().unwrap_or("");
            let host = host.to_str().unwrap_or("");
            origin
                .split_once("://")
                .is_some_and(|(_, authority)| authority == host)
        }
        (Some(_), None) => false,
    }
}

/// An `Origin`'s scheme is this server's: `https` when it is served over
/// HTTPS, `http` or `https` otherwise (a server on loopback in development).
fn scheme_fits(headers: &HeaderMap, https: bool) -> bool {
    match headers.get(header::ORIGIN).and_then(|o| o.to_str().ok()) {
        None => true,
        Some(origin) => match origin.split_once("://") {
            Some(("https", _)) => true,
            Some(("http", _)) => !https,
            _ => false,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn over_https_an_http_origin_on_the_same_host_is_another_site() {
        let from =
            |origin: &'static str| headers(&[("origin", origin), ("host", "portal.example")]);
        assert!(scheme_fits(&from("https://portal.example"), true));
        assert!(!scheme_fits(&from("http://portal.example"), true));
        assert!(scheme_fits(&from("http://portal.example"), false));
        assert!(!scheme_fits(&from("ftp://portal.example"), false));
        assert!(scheme_fits(&headers(&[]), true));
    }

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (k, v) in pairs {
            map.insert(*k, HeaderValue::from_static(v));
        }
        map
    }

    #[test]
    fn a_same_origin_write_is_allowed() {
        assert!(same_origin(&headers(&[
            ("sec-fetch-site", "same-origin"),
            ("origin", "http://127.0.0.1:8080"),
            ("host", "127.0.0.1:8080"),
        ])));
    }

    #[test]
    fn a_cross_site_write_is_refused() {
        assert!(!same_origin(&headers(&[("sec-fetch-site", "cross-site")])));
        assert!(!same_origin(&headers(&[
            ("origin", "https://evil.example"),
            ("host", "127.0.0.1:8080"),
        ])));
    }

    #[test]
    fn the_policy_allows_inline_scripts_only_by_hash() {
        let with_hash = policy(&["abc=".to_owned()]);
        let text = with_hash.to_str().unwrap();
        assert!(text.contains("script-src 'self' 'wasm-unsafe-eval' 'sha256-abc='"));
        assert!(!text.contains("unsafe-inline"));
        assert!(csp().to_str().unwrap().contains("frame-ancestors 'none'"));
    }

    #[test]
    fn a_client_that_sends_no_browser_headers_is_allowed() {
        assert!(same_origin(&headers(&[("host", "127.0.0.1:8080")])));
    }
}
