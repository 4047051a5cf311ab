//! Every request gets an id: answered in the `X-Request-Id` header, carried
//! by the span everything logged while serving it sits in, and logged with
//! the cause of a 500 (see [`crate::error::InternalCause`]). Someone who
//! reports a problem can quote the id; the log says what went wrong.

use axum::extract::Request;
use axum::http::HeaderValue;
use axum::middleware::Next;
use axum::response::Response;
use tracing::Instrument;

use crate::error::InternalCause;

/// The answer's header that carries the id.
pub const HEADER: &str = "x-request-id";

/// A request's id, also in the request's extensions for handlers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequestId(pub String);

/// 8 random bytes in hex: ours, never the client's (a client's own header
/// could put anything in the log).
pub fn new_id() -> String {
    let mut bytes = [0u8; 8];
    argon2::password_hash::rand_core::RngCore::fill_bytes(
        &mut argon2::password_hash::rand_core::OsRng,
        &mut bytes,
    );
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Tags the request, serves it inside its span, logs the cause of a 500
/// once, and answers with the id.
pub async fn tag_and_log(mut request: Request, next: Next) -> Response {
    let id = new_id();
    request.extensions_mut().insert(RequestId(id.clone()));
    let span = tracing::info_span!("request", request_id = %id);
    let mut response = next.run(request).instrument(span.clone()).await;
    if let Some(cause) = response.extensions_mut().remove::<InternalCause>() {
        let _in_request = span.enter();
        tracing::error!(request_id = %id, cause = %cause.chain(), "internal error");
    }
    if let Ok(value) = HeaderValue::from_str(&id) {
        response.headers_mut().insert(HEADER, value);
    }
    response
}
