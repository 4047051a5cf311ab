//! The questions of "Raise a complaint" and the order they come in.

use serde::{Deserialize, Serialize};

use crate::i18n::t;

/// The questions of "Raise a complaint", one per page, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Step {
    About,
    WhatHappened,
    /// Only when screening has something to say.
    Screening,
    Started,
    PutRight,
    Contact,
    Attachments,
    Check,
}

/// The questions in the order a resident answers them (screening comes in
/// between when it has something to say).
pub const QUESTIONS: [Step; 6] = [
    Step::About,
    Step::WhatHappened,
    Step::Started,
    Step::PutRight,
    Step::Contact,
    Step::Attachments,
];

impl Step {
    /// Where the page is.
    pub fn path(self) -> &'static str {
        match self {
            Step::About => "/complaints/new",
            Step::WhatHappened => "/complaints/new/what-happened",
            Step::Screening => "/complaints/new/before-you-go-on",
            Step::Started => "/complaints/new/when-it-started",
            Step::PutRight => "/complaints/new/put-it-right",
            Step::Contact => "/complaints/new/contact",
            Step::Attachments => "/complaints/new/files",
            Step::Check => "/complaints/new/check",
        }
    }

    /// The page's question, which is its `<h1>` and title, in the reader's language.
    pub fn title(self) -> &'static str {
        match self {
            Step::About => t("What is your complaint about?"),
            Step::WhatHappened => t("What happened?"),
            Step::Screening => t("Before you go on"),
            Step::Started => t("When did the problem start?"),
            Step::PutRight => t("What would put things right?"),
            Step::Contact => t("How would you like us to contact you about this complaint?"),
            Step::Attachments => t("Add photos or documents (optional)"),
            Step::Check => t("Check your answers before sending your complaint"),
        }
    }

    /// The page an API field's error belongs on.
    pub fn for_field(field: &str) -> Option<Step> {
        Some(match field {
            "category" => Step::About,
            "details" => Step::WhatHappened,
            "screening" | "insist" | "time_limit_reason" => Step::Screening,
            "started_on" => Step::Started,
            "desired_outcome" => Step::PutRight,
            "contact_channel" | "contact_phone" => Step::Contact,
            "attachments" => Step::Attachments,
            _ => return None,
        })
    }

    /// The API fields asked on this page.
    pub fn fields(self) -> &'static [&'static str] {
        match self {
            Step::About => &["category"],
            Step::WhatHappened => &["details"],
            Step::Screening => &[
                "screening",
                "insist",
                "time_limit_reason",
                "time_limit_other",
            ],
            Step::Started => &["started_on"],
            Step::PutRight => &["desired_outcome"],
            Step::Contact => &["contact_channel", "contact_phone"],
            Step::Attachments => &["attachments"],
            Step::Check => &[""],
        }
    }
}
