//! Serves the Trunk-built app: files from `dist/`, pre-compressed when the
//! browser accepts brotli or gzip, and `index.html` for every client route.

use std::path::Path;

use axum::http::{header, HeaderValue};
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
    // Trunk puts a content hash in every asset's name but index.html's, so the
    // browser revalidates only the page.
    let service = ServiceBuilder::new()
        .layer(SetResponseHeaderLayer::if_not_present(
            header::CACHE_CONTROL,
            HeaderValue::from_static("no-cache"),
        ))
        .service(files);
    axum::routing::get_service(service)
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
    use super::inline_scripts;

    #[test]
    fn inline_scripts_are_found_and_external_ones_are_not() {
        let html = r#"<script src="/a.js"></script><script type="module">import x;</script>"#;
        assert_eq!(inline_scripts(html).collect::<Vec<_>>(), vec!["import x;"]);
    }
}
