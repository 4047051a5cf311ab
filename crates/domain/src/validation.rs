//! Validation messages, written once and shared by the server and the app.
//!
//! The API answers invalid input with field-keyed [`FieldError`]s; the app puts
//! them straight into a GOV.UK error summary, so the words here are the words a
//! resident reads: short, specific, and saying how to put it right.

use serde::{Deserialize, Serialize};

/// One problem with one field. `field` is the JSON key (dotted for nested keys),
/// or empty for a problem with the request as a whole.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
pub struct FieldError {
    pub field: String,
    pub message: String,
    /// For a case event the lifecycle refused (409): the refusal's stable
    /// snake_case code (`escalation_window_closed`), so an app can say why in
    /// its own words. Absent otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// For a refusal a resident can meet: why, as typed facts (the last day
    /// of a window that closed, the stage), for the app's own words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refusal: Option<crate::case::RefusalReason>,
}

impl FieldError {
    pub fn new(field: &str, message: impl Into<String>) -> Self {
        Self {
            field: field.to_owned(),
            message: message.into(),
            code: None,
            refusal: None,
        }
    }

    /// A lifecycle refusal as a request-wide error: its English message, its
    /// code, and its reason where it has one.
    pub fn refused(refusal: crate::case::Refusal) -> Self {
        Self {
            field: String::new(),
            message: refusal.message,
            code: Some(refusal.code),
            refusal: refusal.reason,
        }
    }

    /// The same error, with a refusal's code.
    pub fn with_code(self, code: &str) -> Self {
        Self {
            code: Some(code.to_owned()),
            ..self
        }
    }
}

/// Collects field errors, then turns into `Ok` only when there are none.
#[derive(Debug, Default)]
pub struct Problems(Vec<FieldError>);

impl Problems {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn add(&mut self, field: &str, message: impl Into<String>) {
        self.0.push(FieldError::new(field, message));
    }

    /// Keeps the value of a parse, recording its error against `field`.
    pub fn check<T>(&mut self, field: &str, parsed: Result<T, String>) -> Option<T> {
        match parsed {
            Ok(value) => Some(value),
            Err(message) => {
                self.add(field, message);
                None
            }
        }
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn into_result(self) -> Result<(), Vec<FieldError>> {
        if self.0.is_empty() {
            Ok(())
        } else {
            Err(self.0)
        }
    }
}
