//! A compliment or a comment being written.

use domain::api::cases::{messages, NewCase, DETAILS_MAX_CHARS};
use domain::case::CaseKind;
use domain::validation::{FieldError, Problems};
use serde::{Deserialize, Serialize};

use super::*;

/// A compliment or comment being written.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct FeedbackDraft {
    /// "compliment" or "comment".
    pub kind: String,
    pub message: String,
    pub idempotency_key: Option<String>,
}

impl FeedbackDraft {
    pub fn new(idempotency_key: String) -> Self {
        Self {
            idempotency_key: Some(idempotency_key),
            ..Self::default()
        }
    }

    pub fn kind(&self) -> Option<CaseKind> {
        match self.kind.as_str() {
            "compliment" => Some(CaseKind::Compliment),
            "comment" => Some(CaseKind::Comment),
            _ => None,
        }
    }

    /// The request to send, or the problems with the answers (the server's
    /// checks for a compliment or comment, which need no policy).
    pub fn new_case(&self) -> Result<NewCase, Vec<FieldError>> {
        let mut problems = Problems::new();
        if self.kind().is_none() {
            problems.add("kind", FEEDBACK_KIND_MISSING);
        }
        let message = self.message.trim();
        if message.is_empty() {
            problems.add("details", messages::FEEDBACK_MISSING);
        } else if message.chars().count() > DETAILS_MAX_CHARS {
            problems.add("details", messages::DETAILS_TOO_LONG);
        }
        problems.into_result()?;
        Ok(NewCase {
            kind: self.kind().unwrap_or(CaseKind::Comment),
            category: None,
            details: message.to_owned(),
            started_on: None,
            desired_outcome: None,
            contact_channel: None,
            contact_phone: None,
            attachments: Vec::new(),
            insist: false,
            time_limit_reason: None,
            on_behalf_of: None,
            in_confidence: false,
        })
    }
}
