//! Request extractors whose rejections use the API's one error shape.

use axum::extract::rejection::JsonRejection;
use axum::extract::{FromRequest, Request};
use serde::de::DeserializeOwned;

use crate::error::{ApiError, FieldError};

pub const NOT_AN_OBJECT: &str = "Send the details as a JSON object";

/// `axum::Json`, but bad JSON answers like every other API error: a syntax error
/// is a 400, a body of the wrong shape (a missing or unknown field, a wrong type)
/// a 422 naming the field, a missing JSON content type a 415.
///
/// Every text value is checked first, whatever the request
/// ([`domain::validation::text::clean_request`]): control characters and
/// text-direction overrides are refused with a 422 on their field, and line
/// ends in multi-line fields are normalised to `\n` before anything reads them.
#[derive(Debug, Clone, Copy, Default)]
pub struct Json<T>(pub T);

impl<T, S> FromRequest<S> for Json<T>
where
    T: DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        let mut value = match axum::Json::<serde_json::Value>::from_request(req, state).await {
            Ok(axum::Json(value)) => value,
            Err(rejection) => return Err(json_rejection(rejection)),
        };
        // Every request body of this API is an object: `[]` or `null` is not
        // read as "all defaults" (serde would take a list for a struct).
        if !value.is_object() {
            return Err(ApiError::Unprocessable(vec![FieldError::new(
                "",
                NOT_AN_OBJECT,
            )]));
        }
        let problems = domain::validation::text::clean_request(&mut value);
        if !problems.is_empty() {
            return Err(ApiError::Unprocessable(problems));
        }
        serde_path_to_error::deserialize(value)
            .map(Json)
            .map_err(|e| ApiError::Unprocessable(vec![data_error(&e.to_string())]))
    }
}

impl<T: serde::Serialize> axum::response::IntoResponse for Json<T> {
    fn into_response(self) -> axum::response::Response {
        axum::Json(self.0).into_response()
    }
}

fn json_rejection(rejection: JsonRejection) -> ApiError {
    match rejection {
        JsonRejection::MissingJsonContentType(_) => ApiError::UnsupportedMediaType,
        JsonRejection::JsonDataError(e) => {
            let detail = std::error::Error::source(&e)
                .map(ToString::to_string)
                .unwrap_or_else(|| e.body_text());
            ApiError::Unprocessable(vec![data_error(&detail)])
        }
        JsonRejection::JsonSyntaxError(_) => ApiError::BadRequest(vec![FieldError::new(
            "",
            "The request body is not valid JSON",
        )]),
        JsonRejection::BytesRejection(e) => {
            if e.status() == axum::http::StatusCode::PAYLOAD_TOO_LARGE {
                ApiError::PayloadTooLarge
            } else {
                ApiError::BadRequest(vec![FieldError::new(
                    "",
                    "The request body could not be read",
                )])
            }
        }
        other => ApiError::BadRequest(vec![FieldError::new("", other.body_text())]),
    }
}

/// Turns serde's message ("body.details: missing field `x` at line 1 column 2")
/// into a field-keyed error.
fn data_error(detail: &str) -> FieldError {
    let message = detail.split(" at line ").next().unwrap_or(detail);
    let (path, message) = match message.split_once(": ") {
        Some((path, rest)) if !path.contains(' ') => (path, rest),
        _ => ("", message),
    };
    let quoted = |prefix: &str| {
        message
            .strip_prefix(prefix)
            .and_then(|rest| rest.split('`').next())
            .map(str::to_owned)
    };
    // serde_path_to_error's path already ends with an unknown field's name.
    let join = |field: &str| {
        if path.is_empty() || path == "." {
            field.to_owned()
        } else if path == field || path.ends_with(&format!(".{field}")) {
            path.to_owned()
        } else {
            format!("{path}.{field}")
        }
    };
    if let Some(field) = quoted("missing field `") {
        FieldError::new(&join(&field), format!("Enter {}", field.replace('_', " ")))
    } else if let Some(field) = quoted("unknown field `") {
        FieldError::new(
            &join(&field),
            format!("`{field}` is not a field this request takes"),
        )
    } else {
        let field = if path == "." { "" } else { path };
        FieldError::new(field, format!("This value is not valid: {message}"))
    }
}

#[cfg(test)]
mod tests {
    use super::data_error;

    #[test]
    fn a_missing_field_is_named() {
        let e = data_error("missing field `details` at line 1 column 2");
        assert_eq!(e.field, "details");
        assert_eq!(e.message, "Enter details");
    }

    #[test]
    fn an_unknown_nested_field_is_named_with_its_path() {
        let e = data_error("contact.fax: unknown field `fax`, expected `email` at line 1 column 9");
        assert_eq!(e.field, "contact.fax");
        let e =
            data_error("is_admin: unknown field `is_admin`, expected `email` at line 1 column 9");
        assert_eq!(e.field, "is_admin");
    }

    #[test]
    fn a_wrong_type_keeps_its_path() {
        let e = data_error("days: invalid type: string \"x\", expected u32 at line 1 column 9");
        assert_eq!(e.field, "days");
        assert!(e.message.contains("invalid type"));
    }
}
