//! Serves the Trunk-built app: files from `dist/`, pre-compressed when the
//! browser accepts brotli or gzip, and `index.html` for every client route.
//!
//! Trunk puts a content hash in the name of every file it builds (or of the
//! folder of split chunks), so those never change under their name: the
//! browser keeps them for a year without asking again. `index.html`, which
//! names them, and the unhashed `public/` files (the catalogues) are checked
//! on every visit.

use std::path::Path;

use axum::extract::Request;
use axum::http::{header, HeaderValue};
use axum::middleware::Next;
use axum::response::Response;
use sha2::{Digest, Sha256};
use tower::ServiceBuilder;
use tower_http::services::{ServeDir, ServeFile};
use tower_http::set_header::SetResponseHeaderLayer;

/// The service for every path outside the API.
pub fn app_service(dist: &Path) -> axum::routing::MethodRouter {
    let index = ServeFile::new(dist.join("index.html"))
        .precompressed_br()
        .precompressed_gzip();
    let files = ServeDir::new(dist)
        .precompressed_br()
        .precompressed_gzip()
        .fallback(index);
    let service = ServiceBuilder::new()
        .layer(SetResponseHeaderLayer::if_not_present(
            header::CACHE_CONTROL,
            HeaderValue::from_static("no-cache"),
        ))
        .service(files);
    axum::routing::get_service(service).layer(axum::middleware::from_fn(cache_hashed_files))
}

/// `Cache-Control` for a file Trunk named by its content: kept for a year and
/// never revalidated.
pub const IMMUTABLE: &str = "public, max-age=31536000, immutable";

/// Marks a hashed file immutable. A path that only looks hashed but names no
/// file gets `index.html` (a client route), which must stay revalidated, so
/// only a found file that is not HTML is marked.
async fn cache_hashed_files(request: Request, next: Next) -> Response {
    let hashed = is_hashed(request.uri().path());
    let mut response = next.run(request).await;
    let html = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .is_some_and(|value| value.starts_with("text/html"));
    if hashed && response.status().is_success() && !html {
        response
            .headers_mut()
            .insert(header::CACHE_CONTROL, HeaderValue::from_static(IMMUTABLE));
    }
    response
}

/// Whether a path names a file by its content: one of its segments carries
/// Trunk's `-` and sixteen hex digits (`main-aa5ceb153c27eca1.css`,
/// `put-it-right-5f7e61cc00ba23e7-split/chunk_10.wasm`).
fn is_hashed(path: &str) -> bool {
    path.split('/').any(|segment| {
        segment.split(['-', '_', '.']).any(|part| {
            part.len() == 16
                && part
                    .bytes()
                    .all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase())
        })
    })
}

/// SHA-256 hashes (base64) of the inline scripts in the built `index.html`, for
/// the Content-Security-Policy.
pub fn inline_script_hashes(dist: &Path) -> Vec<String> {
    use base64::Engine;
    let Ok(html) = std::fs::read_to_string(dist.join("index.html")) else {
        return Vec::new();
    };
    inline_scripts(&html)
        .map(|body| base64::engine::general_purpose::STANDARD.encode(Sha256::digest(body)))
        .collect()
}

fn inline_scripts(html: &str) -> impl Iterator<Item = &str> {
    html.split("<script").skip(1).filter_map(|rest| {
        let (attributes, rest) = rest.split_once('>')?;
        if attributes.contains("src=") {
            return None;
        }
        rest.split_once("</script>").map(|(body, _)| body)
    })
}

#[cfg(test)]
mod tests {
    use super::{inline_scripts, is_hashed};

    #[test]
    fn files_named_by_their_content_are_told_apart_from_the_rest() {
        assert!(is_hashed("/main-aa5ceb153c27eca1.css"));
        assert!(is_hashed("/put-it-right-5f7e61cc00ba23e7_bg.wasm"));
        assert!(is_hashed(
            "/put-it-right-5f7e61cc00ba23e7-split/chunk_10.wasm"
        ));
        assert!(!is_hashed("/"));
        assert!(!is_hashed("/index.html"));
        assert!(!is_hashed("/public/locales/cy.json"));
        assert!(!is_hashed("/cases/CMP-2026-00042"));
        assert!(!is_hashed("/public/favicon.svg"));
    }

    #[test]
    fn inline_scripts_are_found_and_external_ones_are_not() {
        let html = r#"<script src="/a.js"></script><script type="module">import x;</script>"#;
        assert_eq!(inline_scripts(html).collect::<Vec<_>>(), vec!["import x;"]);
    }
}
