//! One error type for the whole API, with one JSON shape:
//! `{"errors":[{"field": "details", "message": "Enter what happened"}]}`.
//!
//! Internal errors keep their cause (a typed error and its sources) and are
//! answered with a generic 500: nothing about the database or the code
//! reaches the client. The cause rides on the response to
//! [`crate::request_id::tag_and_log`], which logs it once, with the request's id.

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Serialize;

pub use domain::validation::FieldError;

/// Everything a handler can fail with.
#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    /// 400: the request could not be read (bad JSON, missing or wrong header).
    #[error("bad request")]
    BadRequest(Vec<FieldError>),
    /// 401: nobody is signed in.
    #[error("sign in required")]
    Unauthorized,
    /// 403: signed in, but this role may not do this.
    #[error("forbidden")]
    Forbidden,
    /// 404: not there, or not yours (the two are never told apart).
    #[error("not found")]
    NotFound,
    /// 405: the path exists, but not with this method.
    #[error("method not allowed")]
    MethodNotAllowed,
    /// 409: the state does not allow this (for example a second withdrawal).
    #[error("conflict")]
    Conflict(Vec<FieldError>),
    /// 413: the body is too large.
    #[error("payload too large")]
    PayloadTooLarge,
    /// 408: the request took too long to arrive or to answer.
    #[error("request timeout")]
    RequestTimeout,
    /// 415: state-changing requests must be JSON.
    #[error("unsupported media type")]
    UnsupportedMediaType,
    /// 422: the input was read but is not valid; messages keyed by field.
    #[error("unprocessable")]
    Unprocessable(Vec<FieldError>),
    /// 429: too many attempts; try again after this many seconds.
    #[error("too many requests")]
    TooManyRequests { retry_after: u64 },
    /// 429 with its own words: an account reached a limit on what it may
    /// send (a day's invitations, say); try again after this many seconds.
    #[error("limit reached")]
    Limit {
        retry_after: u64,
        message: &'static str,
    },
    /// 503: the server is at capacity (password hashing); try again after
    /// this many seconds.
    #[error("busy")]
    Busy { retry_after: u64 },
    /// 500: logged, never shown.
    #[error("internal error: {0}")]
    Internal(#[source] Cause),
}

/// What went wrong inside, kept with its chain of sources.
pub type Cause = Box<dyn std::error::Error + Send + Sync>;

/// The cause of a 500, handed from the response to the logging middleware.
#[derive(Clone)]
pub struct InternalCause(pub std::sync::Arc<dyn std::error::Error + Send + Sync>);

impl InternalCause {
    /// The error and each of its sources, joined: "a: b: c".
    pub fn chain(&self) -> String {
        let mut text = self.0.to_string();
        let mut source = self.0.source();
        while let Some(error) = source {
            text.push_str(": ");
            text.push_str(&error.to_string());
            source = error.source();
        }
        text
    }
}

impl ApiError {
    /// A 422 for one field.
    pub fn field(field: &str, message: impl Into<String>) -> Self {
        ApiError::Unprocessable(vec![FieldError::new(field, message)])
    }

    /// A 409 with a reason a resident can read.
    pub fn conflict(field: &str, message: impl Into<String>) -> Self {
        ApiError::Conflict(vec![FieldError::new(field, message)])
    }

    /// A 500 that keeps `error` (an error, or a sentence) as its cause.
    pub fn internal(error: impl Into<Cause>) -> Self {
        ApiError::Internal(error.into())
    }

    pub fn status(&self) -> StatusCode {
        match self {
            ApiError::BadRequest(_) => StatusCode::BAD_REQUEST,
            ApiError::Unauthorized => StatusCode::UNAUTHORIZED,
            ApiError::Forbidden => StatusCode::FORBIDDEN,
            ApiError::NotFound => StatusCode::NOT_FOUND,
            ApiError::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
            ApiError::Conflict(_) => StatusCode::CONFLICT,
            ApiError::PayloadTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            ApiError::RequestTimeout => StatusCode::REQUEST_TIMEOUT,
            ApiError::UnsupportedMediaType => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            ApiError::Unprocessable(_) => StatusCode::UNPROCESSABLE_ENTITY,
            ApiError::TooManyRequests { .. } | ApiError::Limit { .. } => {
                StatusCode::TOO_MANY_REQUESTS
            }
            ApiError::Busy { .. } => StatusCode::SERVICE_UNAVAILABLE,
            ApiError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn errors(&self) -> Vec<FieldError> {
        let general = |message: &str| vec![FieldError::new("", message)];
        match self {
            ApiError::BadRequest(e) | ApiError::Conflict(e) | ApiError::Unprocessable(e) => {
                e.clone()
            }
            ApiError::Unauthorized => general("Sign in to continue"),
            ApiError::Forbidden => general("You do not have permission to do that"),
            ApiError::NotFound => general("Page not found"),
            ApiError::MethodNotAllowed => {
                general("This address does not take that kind of request")
            }
            ApiError::PayloadTooLarge => general("The request is too large"),
            ApiError::RequestTimeout => general("The request took too long. Try again"),
            ApiError::UnsupportedMediaType => general("Send the request as JSON"),
            ApiError::TooManyRequests { .. } => {
                general("Too many attempts. Wait a few minutes, then try again")
            }
            ApiError::Limit { message, .. } => {
                vec![FieldError::new("", *message).with_code("limit_reached")]
            }
            ApiError::Busy { .. } => general("The service is busy. Wait a moment, then try again"),
            ApiError::Internal(_) => {
                general("Sorry, there is a problem with the service. Try again later")
            }
        }
    }
}

/// The body of every error response.
#[derive(Debug, Serialize, serde::Deserialize, schemars::JsonSchema)]
pub struct ErrorBody {
    pub errors: Vec<FieldError>,
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let status = self.status();
        let mut response = (
            status,
            Json(ErrorBody {
                errors: self.errors(),
            }),
        )
            .into_response();
        if let ApiError::Internal(cause) = self {
            let cause: std::sync::Arc<dyn std::error::Error + Send + Sync> = cause.into();
            response.extensions_mut().insert(InternalCause(cause));
            return response;
        }
        if let ApiError::TooManyRequests { retry_after }
        | ApiError::Limit { retry_after, .. }
        | ApiError::Busy { retry_after } = self
        {
            if let Ok(value) = HeaderValue::from_str(&retry_after.to_string()) {
                response.headers_mut().insert(header::RETRY_AFTER, value);
            }
        }
        response
    }
}

/// Gives the answers that layers below the handlers write themselves (a
/// 413 from the body limit, a 408 from the timeout) the API's one error
/// shape, so a client reads every error the same way.
pub async fn uniform_errors(
    request: axum::extract::Request,
    next: axum::middleware::Next,
) -> Response {
    let response = next.run(request).await;
    let is_json = response
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(b"application/json"));
    match response.status() {
        StatusCode::PAYLOAD_TOO_LARGE if !is_json => ApiError::PayloadTooLarge.into_response(),
        StatusCode::REQUEST_TIMEOUT if !is_json => ApiError::RequestTimeout.into_response(),
        _ => response,
    }
}

/// Answers a handler that panicked as any other internal error (a logged
/// 500 with the usual JSON), instead of dropping the connection: one bad
/// case must not break the page for everyone who lists it.
pub fn catch_panics(
) -> tower_http::catch_panic::CatchPanicLayer<fn(Box<dyn std::any::Any + Send>) -> Response> {
    fn answer(panic: Box<dyn std::any::Any + Send>) -> Response {
        let detail = panic
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "a handler panicked".to_owned());
        ApiError::internal(format!("panic: {detail}")).into_response()
    }
    tower_http::catch_panic::CatchPanicLayer::custom(answer as fn(_) -> _)
}

impl From<sqlx::Error> for ApiError {
    fn from(error: sqlx::Error) -> Self {
        ApiError::Internal(Box::new(error))
    }
}

impl From<Vec<FieldError>> for ApiError {
    fn from(errors: Vec<FieldError>) -> Self {
        ApiError::Unprocessable(errors)
    }
}

pub type ApiResult<T> = Result<T, ApiError>;
