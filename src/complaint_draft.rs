//! A complaint (or a compliment or comment) being written: what the resident
//! has answered so far, kept on the device as they type, which question comes
//! next, what "Check your answers" lists, and the request it becomes.
//!
//! Pure, so tested natively. The pages only bind fields to these values.

use chrono::NaiveDate;
use domain::api::account::ContactChannel;
use domain::api::cases::{
    check_attachments, messages, sniff_content_type, NewAttachment, NewCase, ScreeningRequest,
    ATTACHMENTS_MAX, ATTACHMENT_MAX_BYTES, ATTACHMENT_TYPES, DETAILS_MAX_CHARS,
};
use domain::case::CaseKind;
use domain::policy::{Policy, ScreeningResult};
use domain::validation::{FieldError, Problems};
use serde::{Deserialize, Serialize};

use crate::date_input::DateParts;
use crate::format;
use crate::i18n::{n_, t, tf};

/// The id of the screening result for a problem older than the time limit
/// (`domain::policy::screening::OUTSIDE_TIME_LIMIT`, not exported).
pub const OUTSIDE_TIME_LIMIT: &str = "outside_time_limit";
/// How the date question names its date in messages.
pub const STARTED_WHAT: &str = n_("the date the problem started");
/// Asked on the screening page when the resident has not chosen.
pub const TIME_LIMIT_REASON_MISSING: &str = n_("Select if one of these applies to you");
/// The "another reason" box on the screening page, left empty.
pub const TIME_LIMIT_OTHER_MISSING: &str = n_("Enter why you could not complain sooner");
/// The contact question, when nothing is chosen (the app pre-selects one).
pub const CHANNEL_MISSING: &str = n_("Select how you would like us to contact you");
/// The feedback form's first question.
pub const FEEDBACK_KIND_MISSING: &str =
    n_("Select if you want to give a compliment or leave a comment");

/// The value of the time-limit choice meaning "another reason".
pub const OTHER_REASON: &str = "other";
/// The value of the time-limit choice meaning "none of these".
pub const NO_REASON: &str = "none";

/// The device storage key of a person's complaint draft.
pub fn draft_key(user_id: &str) -> String {
    format!("complaint_draft.{user_id}")
}
/// The device storage key of the files chosen for a person's draft (kept
/// apart: they are large, and may not fit).
pub fn files_key(user_id: &str) -> String {
    format!("complaint_draft_files.{user_id}")
}
/// The device storage key of the last complaint sent, for its confirmation page.
pub fn sent_key(user_id: &str) -> String {
    format!("complaint_sent.{user_id}")
}
/// The device storage key of a person's compliment-or-comment draft.
pub fn feedback_key(user_id: &str) -> String {
    format!("feedback_draft.{user_id}")
}
/// The device storage key of the last compliment or comment sent.
pub fn feedback_sent_key(user_id: &str) -> String {
    format!("feedback_sent.{user_id}")
}

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

/// A file the resident chose, read and checked on the device.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DraftFile {
    pub filename: String,
    pub content_type: String,
    /// Bytes, before base64.
    pub size: u64,
    pub data_base64: String,
}

impl DraftFile {
    pub fn attachment(&self) -> NewAttachment {
        NewAttachment {
            filename: self.filename.clone(),
            content_type: self.content_type.clone(),
            data_base64: self.data_base64.clone(),
        }
    }
}

/// Everything answered so far. Files are kept apart (see [`files_key`]).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ComplaintDraft {
    /// A category id of the policy.
    pub category: String,
    pub details: String,
    pub started_on: DateParts,
    pub desired_outcome: String,
    pub contact_channel: Option<ContactChannel>,
    pub contact_phone: String,
    /// What screening said last, and for which answers.
    pub screening: Vec<ScreeningResult>,
    pub screened_for: Option<ScreeningRequest>,
    /// The page whose Continue asked for that screening.
    pub screened_after: Option<Step>,
    /// Screening results (by id) the resident read and chose to go on past.
    pub acknowledged: Vec<String>,
    /// The time-limit question: an exception's text, [`OTHER_REASON`] or [`NO_REASON`].
    pub time_limit_choice: String,
    /// The words for [`OTHER_REASON`].
    pub time_limit_other: String,
    /// Set once "Check your answers" is reached: Continue then goes back there.
    pub checking: bool,
    /// One key for this complaint from the start until the server confirms it,
    /// so that a retry can never make a second case.
    pub idempotency_key: Option<String>,
}

impl ComplaintDraft {
    /// A new, empty draft with its own idempotency key.
    pub fn new(idempotency_key: String) -> Self {
        Self {
            idempotency_key: Some(idempotency_key),
            ..Self::default()
        }
    }

    /// Whether the resident has answered anything yet.
    pub fn has_answers(&self) -> bool {
        !self.category.is_empty()
            || !self.details.trim().is_empty()
            || !self.started_on.is_empty()
            || !self.desired_outcome.trim().is_empty()
    }

    /// The date, when the boxes hold a valid one.
    pub fn started_on(&self, today: NaiveDate) -> Option<NaiveDate> {
        self.started_on.parse(STARTED_WHAT, today).ok()
    }

    /// What to ask the server to screen.
    pub fn screening_request(&self, today: NaiveDate) -> ScreeningRequest {
        ScreeningRequest {
            details: self.details.trim().to_owned(),
            started_on: self.started_on(today),
            category: Some(self.category.clone()).filter(|c| !c.is_empty()),
        }
    }

    /// Keeps what screening said after `step`'s Continue.
    pub fn screened(
        &mut self,
        request: ScreeningRequest,
        results: Vec<ScreeningResult>,
        step: Step,
    ) {
        self.screening = results;
        self.screened_for = Some(request);
        self.screened_after = Some(step);
    }

    /// Screening results the resident has not yet read and gone on past.
    pub fn pending_screening(&self) -> Vec<&ScreeningResult> {
        self.screening
            .iter()
            .filter(|r| !self.acknowledged.contains(&r.id))
            .collect()
    }

    /// A screening result that the policy does not let the resident go on past.
    pub fn refused(&self) -> Option<&ScreeningResult> {
        self.screening.iter().find(|r| !r.may_insist)
    }

    /// Whether screening has something to say about the time limit.
    pub fn outside_time_limit(&self) -> Option<&ScreeningResult> {
        self.screening.iter().find(|r| r.id == OUTSIDE_TIME_LIMIT)
    }

    /// The reason sent as `time_limit_reason`, from the screening page's answer.
    pub fn time_limit_reason(&self) -> Option<String> {
        self.outside_time_limit()?;
        match self.time_limit_choice.as_str() {
            "" | NO_REASON => None,
            OTHER_REASON => Some(self.time_limit_other.trim().to_owned()).filter(|s| !s.is_empty()),
            exception => Some(exception.to_owned()),
        }
    }

    /// Checks one page's answers, with the messages the server uses.
    pub fn validate_step(
        &self,
        step: Step,
        policy: &Policy,
        today: NaiveDate,
    ) -> Result<(), Vec<FieldError>> {
        let mut problems = Problems::new();
        match step {
            Step::About => {
                let known = policy.categories.is_empty()
                    || policy.categories.iter().any(|c| c.id == self.category);
                if self.category.is_empty() || !known {
                    problems.add("category", messages::CATEGORY_MISSING);
                }
            }
            Step::WhatHappened => {
                let details = self.details.trim();
                if details.is_empty() {
                    problems.add("details", messages::DETAILS_MISSING);
                } else if details.chars().count() > DETAILS_MAX_CHARS {
                    problems.add("details", messages::DETAILS_TOO_LONG);
                }
            }
            Step::Screening => {
                if let Some(refused) = self.refused() {
                    problems.add("screening", refused_message(refused));
                } else if self
                    .outside_time_limit()
                    .is_some_and(|r| !r.exceptions.is_empty())
                {
                    match self.time_limit_choice.as_str() {
                        "" => problems.add("time_limit_reason", TIME_LIMIT_REASON_MISSING),
                        OTHER_REASON if self.time_limit_other.trim().is_empty() => {
                            problems.add("time_limit_other", TIME_LIMIT_OTHER_MISSING)
                        }
                        _ => {}
                    }
                }
            }
            Step::Started => {
                problems.check("started_on", self.started_on.parse(t(STARTED_WHAT), today));
            }
            Step::PutRight => {
                let outcome = self.desired_outcome.trim();
                if outcome.is_empty() {
                    problems.add("desired_outcome", messages::OUTCOME_MISSING);
                } else if outcome.chars().count() > DETAILS_MAX_CHARS {
                    problems.add("desired_outcome", messages::OUTCOME_TOO_LONG);
                }
            }
            Step::Contact => match self.contact_channel {
                None => problems.add("contact_channel", CHANNEL_MISSING),
                Some(channel)
                    if channel.needs_phone()
                        && !domain::api::account::is_phone_number(self.contact_phone.trim()) =>
                {
                    problems.add("contact_phone", messages::PHONE_MISSING)
                }
                Some(_) => {}
            },
            Step::Attachments | Step::Check => {}
        }
        problems.into_result()
    }

    /// Whether a question has a valid answer (the optional ones always do).
    pub fn is_complete(&self, step: Step, policy: &Policy, today: NaiveDate) -> bool {
        self.validate_step(step, policy, today).is_ok()
    }

    /// The first question still to answer, if any.
    pub fn first_incomplete(&self, policy: &Policy, today: NaiveDate) -> Option<Step> {
        QUESTIONS
            .into_iter()
            .find(|s| !self.is_complete(*s, policy, today))
    }

    /// Where Continue on `from` goes: screening when it has something new to
    /// say, back to "Check your answers" once that has been reached, otherwise
    /// the next question.
    pub fn next_step(&self, from: Step, policy: &Policy, today: NaiveDate) -> Step {
        let screened_here = self.screened_after == Some(from);
        if from != Step::Screening
            && screened_here
            && (self.refused().is_some() || !self.pending_screening().is_empty())
        {
            return Step::Screening;
        }
        if self.checking {
            return self.first_incomplete(policy, today).unwrap_or(Step::Check);
        }
        let after = if from == Step::Screening {
            self.screened_after.unwrap_or(Step::WhatHappened)
        } else {
            from
        };
        let position = QUESTIONS.iter().position(|s| *s == after);
        position
            .and_then(|i| QUESTIONS.get(i + 1).copied())
            .unwrap_or(Step::Check)
    }

    /// Where the Back link goes from `step`.
    pub fn previous_step(&self, step: Step) -> Option<Step> {
        if self.checking && step != Step::Check {
            return Some(Step::Check);
        }
        match step {
            Step::About => None,
            Step::Screening => Some(self.screened_after.unwrap_or(Step::WhatHappened)),
            Step::Check => Some(Step::Attachments),
            other => {
                let i = QUESTIONS.iter().position(|s| *s == other)?;
                let previous = QUESTIONS[i - 1];
                Some(previous)
            }
        }
    }

    /// The resident read the screening and chose to go on.
    pub fn go_on_past_screening(&mut self) {
        for result in &self.screening {
            if !self.acknowledged.contains(&result.id) {
                self.acknowledged.push(result.id.clone());
            }
        }
    }

    /// The request to send, or every problem with the answers, each keyed by
    /// its API field (see [`Step::for_field`] for the page it belongs on).
    pub fn new_case(
        &self,
        files: &[DraftFile],
        policy: &Policy,
        today: NaiveDate,
    ) -> Result<NewCase, Vec<FieldError>> {
        let mut errors = Vec::new();
        for step in QUESTIONS {
            if let Err(found) = self.validate_step(step, policy, today) {
                errors.extend(found);
            }
        }
        if let Some(refused) = self.refused() {
            errors.push(FieldError::new("screening", refused_message(refused)));
        } else if !self.pending_screening().is_empty() {
            errors.push(FieldError::new(
                "screening",
                messages::SCREENING_NOT_CONFIRMED,
            ));
        }
        let case = NewCase {
            kind: CaseKind::Complaint,
            category: Some(self.category.clone()),
            details: self.details.trim().to_owned(),
            started_on: self.started_on(today),
            desired_outcome: Some(self.desired_outcome.trim().to_owned()),
            contact_channel: self.contact_channel,
            contact_phone: self
                .contact_channel
                .filter(|c| c.needs_phone())
                .map(|_| self.contact_phone.trim().to_owned()),
            attachments: files.iter().map(DraftFile::attachment).collect(),
            insist: !self.acknowledged.is_empty(),
            time_limit_reason: self.time_limit_reason(),
            on_behalf_of: None,
        };
        if errors.is_empty() {
            if let Err(found) = case.validate(policy, today) {
                errors.extend(found);
            }
        }
        if errors.is_empty() {
            Ok(case)
        } else {
            Err(errors)
        }
    }

    /// The rows of "Check your answers".
    pub fn check_rows(
        &self,
        files: &[DraftFile],
        policy: &Policy,
        today: NaiveDate,
    ) -> Vec<CheckRow> {
        let or_not_answered = |s: String| {
            if s.trim().is_empty() {
                t(NOT_ANSWERED).to_owned()
            } else {
                s
            }
        };
        let category = policy
            .categories
            .iter()
            .find(|c| c.id == self.category)
            .map(|c| c.label.clone())
            .unwrap_or_default();
        let mut rows = vec![
            CheckRow::new(
                t("What it is about"),
                or_not_answered(category),
                Step::About,
                t("what your complaint is about"),
            ),
            CheckRow::new(
                t("What happened"),
                or_not_answered(self.details.trim().to_owned()),
                Step::WhatHappened,
                t("what happened"),
            ),
        ];
        if self.time_limit_reason().is_some() || self.time_limit_choice == NO_REASON {
            let reason = self
                .time_limit_reason()
                .unwrap_or_else(|| t("None of these apply").to_owned());
            rows.push(CheckRow::new(
                t("Why you are complaining now"),
                reason,
                Step::Screening,
                t("why you are complaining now"),
            ));
        }
        let started = self.started_on(today).map(format::date).unwrap_or_default();
        rows.push(CheckRow::new(
            t("When it started"),
            or_not_answered(started),
            Step::Started,
            t("when the problem started"),
        ));
        rows.push(CheckRow::new(
            t("What would put it right"),
            or_not_answered(self.desired_outcome.trim().to_owned()),
            Step::PutRight,
            t("what would put things right"),
        ));
        let contact = match self.contact_channel {
            None => t(NOT_ANSWERED).to_owned(),
            Some(channel) if channel.needs_phone() => tf(
                "{channel} to {phone_number}",
                &[
                    ("channel", &channel_label(channel)),
                    ("phone_number", &self.contact_phone.trim()),
                ],
            ),
            Some(channel) => channel_label(channel).to_owned(),
        };
        rows.push(CheckRow::new(
            t("How to contact you"),
            contact,
            Step::Contact,
            t("how to contact you"),
        ));
        let names = if files.is_empty() {
            t("No files added").to_owned()
        } else {
            files
                .iter()
                .map(|f| f.filename.as_str())
                .collect::<Vec<_>>()
                .join("\n")
        };
        rows.push(CheckRow::new(
            t("Photos and documents"),
            names,
            Step::Attachments,
            t("photos and documents"),
        ));
        rows
    }
}

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
fn refused_message(refused: &ScreeningResult) -> String {
    format!("{} {}", t(messages::SCREENING_REFUSED), refused.title)
}

const NOT_ANSWERED: &str = n_("Not answered yet");

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
    fn new(key: &'static str, value: String, step: Step, change_hidden: &'static str) -> Self {
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

// ---------------------------------------------------------------------------
// Files

/// Checks a chosen file by what the browser says before reading it: its size
/// and, where the browser knows it, its type. The shared messages.
pub fn check_file_before_reading(declared_type: &str, size: u64) -> Result<(), &'static str> {
    if !declared_type.is_empty() && !ATTACHMENT_TYPES.contains(&declared_type) {
        return Err(messages::FILE_TYPE);
    }
    if size == 0 {
        return Err(messages::FILE_EMPTY);
    }
    if size > ATTACHMENT_MAX_BYTES as u64 {
        return Err(messages::FILE_TOO_BIG);
    }
    Ok(())
}

/// Whether `adding` more files still fit beside `existing` ones.
pub fn check_file_count(existing: usize, adding: usize) -> Result<(), &'static str> {
    if existing + adding > ATTACHMENTS_MAX {
        Err(messages::TOO_MANY_FILES)
    } else {
        Ok(())
    }
}

/// A file's content read: its type is what its first bytes say (as the
/// server checks), never only its name.
pub fn read_file(filename: &str, bytes: &[u8]) -> Result<DraftFile, &'static str> {
    if bytes.is_empty() {
        return Err(messages::FILE_EMPTY);
    }
    if bytes.len() > ATTACHMENT_MAX_BYTES {
        return Err(messages::FILE_TOO_BIG);
    }
    let content_type = sniff_content_type(bytes).ok_or(messages::FILE_TYPE)?;
    let file = DraftFile {
        filename: filename.to_owned(),
        content_type: content_type.to_owned(),
        size: bytes.len() as u64,
        data_base64: encode_base64(bytes),
    };
    let mut problems = Problems::new();
    check_attachments(&[file.attachment()], &mut problems);
    problems.into_result().map_err(|_| messages::FILE_TYPE)?;
    Ok(file)
}

/// "2.4 MB", "512 KB": a file's size as a resident reads it.
pub fn file_size(bytes: u64) -> String {
    if bytes >= 1024 * 1024 {
        let megabytes = format!("{:.1}", bytes as f64 / (1024.0 * 1024.0));
        tf("{size} MB", &[("size", &megabytes)])
    } else {
        tf("{size} KB", &[("size", &bytes.div_ceil(1024))])
    }
}

const BASE64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// Standard base64, padded (RFC 4648), as the API takes files.
pub fn encode_base64(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        out.push(BASE64[(n >> 18) as usize & 63] as char);
        out.push(BASE64[(n >> 12) as usize & 63] as char);
        out.push(if chunk.len() > 1 {
            BASE64[(n >> 6) as usize & 63] as char
        } else {
            '='
        });
        out.push(if chunk.len() > 2 {
            BASE64[n as usize & 63] as char
        } else {
            '='
        });
    }
    out
}

// ---------------------------------------------------------------------------
// Compliments and comments

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
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn policy() -> Policy {
        Policy::preset("code-2024")
            .expect("the default preset")
            .effective()
    }
    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, 18).unwrap()
    }
    fn parts(d: &str, m: &str, y: &str) -> DateParts {
        DateParts {
            day: d.into(),
            month: m.into(),
            year: y.into(),
        }
    }
    fn complete() -> ComplaintDraft {
        ComplaintDraft {
            category: "communication".into(),
            details: "Nobody answered my letters about the noise".into(),
            started_on: parts("2", "11", "2026"),
            desired_outcome: "An answer and an apology".into(),
            contact_channel: Some(ContactChannel::Email),
            ..ComplaintDraft::new("key-1".into())
        }
    }
    fn fields(errors: &[FieldError]) -> Vec<&str> {
        errors.iter().map(|e| e.field.as_str()).collect()
    }
    fn repair() -> ScreeningResult {
        policy()
            .screen("My boiler is broken", None, today())
            .remove(0)
    }

    #[test]
    fn a_draft_survives_a_round_trip_through_json() {
        let mut draft = complete();
        draft.screened(
            draft.screening_request(today()),
            vec![repair()],
            Step::WhatHappened,
        );
        let text = serde_json::to_string(&draft).unwrap();
        let back: ComplaintDraft = serde_json::from_str(&text).unwrap();
        assert_eq!(back, draft);
    }

    #[test]
    fn an_older_draft_with_missing_fields_still_reads() {
        let back: ComplaintDraft = serde_json::from_str(r#"{"details":"x"}"#).unwrap();
        assert_eq!(back.details, "x");
        assert_eq!(back.idempotency_key, None);
    }

    #[test]
    fn a_new_draft_carries_its_key_and_no_answers() {
        let draft = ComplaintDraft::new("k".into());
        assert_eq!(draft.idempotency_key.as_deref(), Some("k"));
        assert!(!draft.has_answers());
        assert!(complete().has_answers());
    }

    #[test]
    fn drafts_are_kept_per_person() {
        assert_eq!(draft_key("u1"), "complaint_draft.u1");
        assert_ne!(draft_key("u1"), draft_key("u2"));
        assert_ne!(files_key("u1"), draft_key("u1"));
    }

    #[test]
    fn each_empty_page_says_what_to_answer_with_the_shared_messages() {
        let empty = ComplaintDraft::new("k".into());
        let message = |step| {
            empty.validate_step(step, &policy(), today()).unwrap_err()[0]
                .message
                .clone()
        };
        assert_eq!(message(Step::About), messages::CATEGORY_MISSING);
        assert_eq!(message(Step::WhatHappened), messages::DETAILS_MISSING);
        assert_eq!(message(Step::Started), messages::STARTED_MISSING);
        assert_eq!(message(Step::PutRight), messages::OUTCOME_MISSING);
        assert_eq!(message(Step::Contact), CHANNEL_MISSING);
        assert!(empty
            .validate_step(Step::Attachments, &policy(), today())
            .is_ok());
    }

    #[test]
    fn a_start_date_in_the_future_is_refused_with_the_shared_message() {
        let draft = ComplaintDraft {
            started_on: parts("19", "12", "2026"),
            ..complete()
        };
        let errors = draft
            .validate_step(Step::Started, &policy(), today())
            .unwrap_err();
        assert_eq!(errors[0].message, messages::STARTED_IN_FUTURE);
        assert_eq!(errors[0].field, "started_on");
    }

    #[test]
    fn too_long_a_description_is_refused() {
        let draft = ComplaintDraft {
            details: "a".repeat(DETAILS_MAX_CHARS + 1),
            ..complete()
        };
        let errors = draft
            .validate_step(Step::WhatHappened, &policy(), today())
            .unwrap_err();
        assert_eq!(errors[0].message, messages::DETAILS_TOO_LONG);
    }

    #[test]
    fn phone_and_text_need_a_number() {
        let draft = ComplaintDraft {
            contact_channel: Some(ContactChannel::TextMessage),
            ..complete()
        };
        let errors = draft
            .validate_step(Step::Contact, &policy(), today())
            .unwrap_err();
        assert_eq!(fields(&errors), ["contact_phone"]);
        let with_number = ComplaintDraft {
            contact_phone: "07700 900123".into(),
            ..draft
        };
        assert!(with_number
            .validate_step(Step::Contact, &policy(), today())
            .is_ok());
    }

    #[test]
    fn the_questions_come_one_after_another() {
        let draft = complete();
        let next = |from| draft.next_step(from, &policy(), today());
        assert_eq!(next(Step::About), Step::WhatHappened);
        assert_eq!(next(Step::WhatHappened), Step::Started);
        assert_eq!(next(Step::Started), Step::PutRight);
        assert_eq!(next(Step::PutRight), Step::Contact);
        assert_eq!(next(Step::Contact), Step::Attachments);
        assert_eq!(next(Step::Attachments), Step::Check);
    }

    #[test]
    fn back_goes_to_the_previous_question() {
        let draft = complete();
        assert_eq!(draft.previous_step(Step::About), None);
        assert_eq!(draft.previous_step(Step::Started), Some(Step::WhatHappened));
        assert_eq!(draft.previous_step(Step::Check), Some(Step::Attachments));
        let checking = ComplaintDraft {
            checking: true,
            ..complete()
        };
        assert_eq!(checking.previous_step(Step::Started), Some(Step::Check));
    }

    #[test]
    fn a_repair_sounding_description_goes_to_screening_then_on() {
        let mut draft = ComplaintDraft {
            details: "My boiler is broken".into(),
            ..complete()
        };
        draft.screened(
            draft.screening_request(today()),
            vec![repair()],
            Step::WhatHappened,
        );
        assert_eq!(
            draft.next_step(Step::WhatHappened, &policy(), today()),
            Step::Screening
        );
        assert!(draft
            .validate_step(Step::Screening, &policy(), today())
            .is_ok());
        draft.go_on_past_screening();
        assert!(draft.pending_screening().is_empty());
        assert_eq!(
            draft.next_step(Step::WhatHappened, &policy(), today()),
            Step::Started
        );
        assert_eq!(
            draft.next_step(Step::Screening, &policy(), today()),
            Step::Started
        );
        let case = draft.new_case(&[], &policy(), today()).unwrap();
        assert!(case.insist);
    }

    #[test]
    fn screening_that_has_not_been_read_stops_the_send() {
        let mut draft = ComplaintDraft {
            details: "My boiler is broken".into(),
            ..complete()
        };
        draft.screened(
            draft.screening_request(today()),
            vec![repair()],
            Step::WhatHappened,
        );
        let errors = draft.new_case(&[], &policy(), today()).unwrap_err();
        assert_eq!(fields(&errors), ["screening"]);
        assert_eq!(errors[0].message, messages::SCREENING_NOT_CONFIRMED);
        assert_eq!(Step::for_field("screening"), Some(Step::Screening));
    }

    #[test]
    fn screening_headings_read_kindly() {
        assert_eq!(
            screening_heading(&repair()),
            "This sounds like a repair or a request for a service"
        );
        let old = policy().screen("noise", NaiveDate::from_ymd_opt(2025, 1, 1), today());
        assert_eq!(
            screening_heading(&old[0]),
            "The problem started more than 12 months ago"
        );
    }

    #[test]
    fn a_matter_the_policy_refuses_cannot_be_gone_on_past() {
        let court = policy().screen("It is already before the court", None, today());
        let mut draft = complete();
        draft.screened(draft.screening_request(today()), court, Step::WhatHappened);
        assert!(draft.refused().is_some());
        assert_eq!(
            draft.next_step(Step::WhatHappened, &policy(), today()),
            Step::Screening
        );
        assert!(draft
            .validate_step(Step::Screening, &policy(), today())
            .is_err());
        assert!(draft.new_case(&[], &policy(), today()).is_err());
    }

    #[test]
    fn an_old_problem_asks_which_exception_applies_and_sends_it() {
        let mut draft = ComplaintDraft {
            started_on: parts("1", "6", "2025"),
            ..complete()
        };
        let request = draft.screening_request(today());
        let results = policy().screen(&request.details, request.started_on, today());
        draft.screened(request, results, Step::Started);
        let limit = draft
            .outside_time_limit()
            .expect("outside the time limit")
            .clone();
        assert!(!limit.exceptions.is_empty());
        assert_eq!(
            draft.next_step(Step::Started, &policy(), today()),
            Step::Screening
        );
        let errors = draft
            .validate_step(Step::Screening, &policy(), today())
            .unwrap_err();
        assert_eq!(errors[0].message, TIME_LIMIT_REASON_MISSING);
        draft.time_limit_choice = OTHER_REASON.into();
        assert_eq!(
            draft
                .validate_step(Step::Screening, &policy(), today())
                .unwrap_err()[0]
                .field,
            "time_limit_other"
        );
        draft.time_limit_choice = limit.exceptions[0].clone();
        assert!(draft
            .validate_step(Step::Screening, &policy(), today())
            .is_ok());
        draft.go_on_past_screening();
        assert_eq!(
            draft.next_step(Step::Screening, &policy(), today()),
            Step::PutRight
        );
        let case = draft.new_case(&[], &policy(), today()).unwrap();
        assert_eq!(
            case.time_limit_reason.as_deref(),
            Some(limit.exceptions[0].as_str())
        );
        assert!(case.insist);
    }

    #[test]
    fn once_checking_continue_returns_to_check_your_answers() {
        let draft = ComplaintDraft {
            checking: true,
            ..complete()
        };
        assert_eq!(
            draft.next_step(Step::About, &policy(), today()),
            Step::Check
        );
        let missing = ComplaintDraft {
            desired_outcome: String::new(),
            ..draft
        };
        assert_eq!(
            missing.next_step(Step::About, &policy(), today()),
            Step::PutRight
        );
    }

    #[test]
    fn a_complete_draft_becomes_the_request() {
        let file = read_file("a.pdf", b"%PDF-1.7 hello").unwrap();
        let case = complete()
            .new_case(std::slice::from_ref(&file), &policy(), today())
            .unwrap();
        assert_eq!(case.kind, CaseKind::Complaint);
        assert_eq!(case.category.as_deref(), Some("communication"));
        assert_eq!(case.started_on, NaiveDate::from_ymd_opt(2026, 11, 2));
        assert_eq!(case.contact_phone, None);
        assert!(!case.insist);
        assert_eq!(case.attachments[0].content_type, "application/pdf");
        assert_eq!(case.validate(&policy(), today()), Ok(()));
    }

    #[test]
    fn an_incomplete_draft_names_each_page_to_fix() {
        let errors = ComplaintDraft::new("k".into())
            .new_case(&[], &policy(), today())
            .unwrap_err();
        let steps: Vec<_> = errors
            .iter()
            .filter_map(|e| Step::for_field(&e.field))
            .collect();
        assert_eq!(
            steps,
            [
                Step::About,
                Step::WhatHappened,
                Step::Started,
                Step::PutRight,
                Step::Contact
            ]
        );
    }

    #[test]
    fn server_errors_are_shown_on_their_own_page() {
        let errors = vec![
            FieldError::new("details", messages::DETAILS_MISSING),
            FieldError::new("contact_phone", messages::PHONE_MISSING),
        ];
        assert_eq!(
            fields(&errors_for(Step::WhatHappened, &errors)),
            ["details"]
        );
        assert_eq!(
            fields(&errors_for(Step::Contact, &errors)),
            ["contact_phone"]
        );
        assert!(errors_for(Step::About, &errors).is_empty());
    }

    #[test]
    fn check_your_answers_lists_each_answer_with_its_page() {
        let draft = ComplaintDraft {
            contact_channel: Some(ContactChannel::Phone),
            contact_phone: "07700 900123".into(),
            ..complete()
        };
        let rows = draft.check_rows(&[], &policy(), today());
        let keys: Vec<_> = rows.iter().map(|r| (r.key, r.step)).collect();
        assert_eq!(
            keys,
            [
                ("What it is about", Step::About),
                ("What happened", Step::WhatHappened),
                ("When it started", Step::Started),
                ("What would put it right", Step::PutRight),
                ("How to contact you", Step::Contact),
                ("Photos and documents", Step::Attachments),
            ]
        );
        assert_eq!(rows[0].value, "Communication");
        assert_eq!(rows[2].value, "2 November 2026");
        assert_eq!(rows[4].value, "Phone call to 07700 900123");
        assert_eq!(rows[5].value, "No files added");
    }

    #[test]
    fn channels_read_back_from_their_wire_values() {
        for channel in CHANNELS {
            assert_eq!(channel_from_str(channel.as_str()), Some(channel));
        }
        assert_eq!(channel_from_str("pigeon"), None);
    }

    #[test]
    fn base64_matches_the_rfc_examples() {
        let cases = [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ];
        for (plain, encoded) in cases {
            assert_eq!(encode_base64(plain.as_bytes()), encoded);
        }
        assert_eq!(encode_base64(&[0xFF, 0xD8, 0xFF, 0xE0]), "/9j/4A==");
    }

    #[test]
    fn files_are_checked_before_they_are_read() {
        assert_eq!(
            check_file_before_reading("image/heic", 10),
            Err(messages::FILE_TYPE)
        );
        assert_eq!(
            check_file_before_reading("image/jpeg", 0),
            Err(messages::FILE_EMPTY)
        );
        assert_eq!(
            check_file_before_reading("image/png", 6 * 1024 * 1024),
            Err(messages::FILE_TOO_BIG)
        );
        assert_eq!(check_file_before_reading("", 10), Ok(()));
        assert_eq!(
            check_file_before_reading("application/pdf", 5 * 1024 * 1024),
            Ok(())
        );
        assert_eq!(check_file_count(4, 1), Ok(()));
        assert_eq!(check_file_count(4, 2), Err(messages::TOO_MANY_FILES));
    }

    #[test]
    fn a_file_is_known_by_its_content_not_its_name() {
        assert_eq!(
            read_file("photo.jpg", b"MZ\x90\x00").unwrap_err(),
            messages::FILE_TYPE
        );
        let png = read_file("scan.pdf", b"\x89PNG\r\n\x1a\nrest").unwrap();
        assert_eq!(png.content_type, "image/png");
        assert_eq!(png.size, 12);
        assert_eq!(
            read_file("empty.pdf", b"").unwrap_err(),
            messages::FILE_EMPTY
        );
    }

    #[test]
    fn file_sizes_read_naturally() {
        assert_eq!(file_size(500), "1 KB");
        assert_eq!(file_size(2_500_000), "2.4 MB");
    }

    #[test]
    fn feedback_needs_a_kind_and_a_message() {
        let empty = FeedbackDraft::new("k".into());
        let errors = empty.new_case().unwrap_err();
        assert_eq!(fields(&errors), ["kind", "details"]);
        assert_eq!(errors[1].message, messages::FEEDBACK_MISSING);
        let compliment = FeedbackDraft {
            kind: "compliment".into(),
            message: " Thank you ".into(),
            ..empty
        };
        let case = compliment.new_case().unwrap();
        assert_eq!(case.kind, CaseKind::Compliment);
        assert_eq!(case.details, "Thank you");
        assert_eq!(case.validate(&policy(), today()), Ok(()));
    }
}
