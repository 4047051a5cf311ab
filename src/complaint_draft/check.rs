//! "Check your answers": its rows, and the screening page's words.

use domain::api::account::ContactChannel;
use domain::api::cases::messages;
use domain::policy::ScreeningResult;
use domain::validation::FieldError;

use crate::i18n::{n_, t, tf};

use super::*;

/// The screening page's heading for one result, kindly: "This sounds like a
/// repair or a request for a service", or the time limit's own words.
pub fn screening_heading(result: &ScreeningResult) -> String {
    if result.id == OUTSIDE_TIME_LIMIT {
        return result.title.clone();
    }
    let mut chars = result.title.chars();
    let lowered: String = match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    };
    tf(
        "This sounds like {policy_title}",
        &[("policy_title", &lowered)],
    )
}

/// Why the screening page cannot go on: the shared message, in the reader's
/// language, then the policy's own title for the matter (in its words).
pub(super) fn refused_message(refused: &ScreeningResult) -> String {
    format!("{} {}", t(messages::SCREENING_REFUSED), refused.title)
}

pub(super) const NOT_ANSWERED: &str = n_("Not answered yet");

/// One row of "Check your answers": the question, the answer, and the page
/// its Change link goes to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckRow {
    pub key: &'static str,
    pub value: String,
    pub step: Step,
    /// Read after "Change" by a screen reader: "Change what happened".
    pub change_hidden: &'static str,
}

impl CheckRow {
    pub(super) fn new(
        key: &'static str,
        value: String,
        step: Step,
        change_hidden: &'static str,
    ) -> Self {
        Self {
            key,
            value,
            step,
            change_hidden,
        }
    }
}

/// The words of a contact channel, as a radio label and in a summary, in the
/// reader's language.
pub fn channel_label(channel: ContactChannel) -> &'static str {
    match channel {
        ContactChannel::Email => t("Email"),
        ContactChannel::Phone => t("Phone call"),
        ContactChannel::Letter => t("Letter"),
        ContactChannel::TextMessage => t("Text message"),
    }
}

/// The channels in the order the contact question offers them (the two that
/// need a phone number last, next to the number's box).
pub const CHANNELS: [ContactChannel; 4] = [
    ContactChannel::Email,
    ContactChannel::Letter,
    ContactChannel::Phone,
    ContactChannel::TextMessage,
];

/// A channel from its wire value ("text_message").
pub fn channel_from_str(value: &str) -> Option<ContactChannel> {
    CHANNELS.into_iter().find(|c| c.as_str() == value)
}

/// Which server errors belong on `step`'s page.
pub fn errors_for(step: Step, errors: &[FieldError]) -> Vec<FieldError> {
    errors
        .iter()
        .filter(|e| step.fields().contains(&e.field.as_str()))
        .cloned()
        .collect()
}
