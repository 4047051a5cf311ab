//! Cases on the wire: raising one, reading one, and the actions on it.
//!
//! The validation messages are the words a resident reads in the app's error
//! summary; the server answers with the same ones.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::api::account::{ContactChannel, Preferences};
use crate::case::{
    Actor, Attendance, CaseKind, CaseView, Event, NextStep, Representative, StageRef, Status,
    Window,
};
use crate::policy::{HazardFlag, HazardScreen, Policy, ScreeningResult};
use crate::validation::{FieldError, Problems};

/// Longest free text a resident may send in one field.
pub const DETAILS_MAX_CHARS: usize = 5000;
/// Largest attachment, in bytes (before base64).
pub const ATTACHMENT_MAX_BYTES: usize = 5 * 1024 * 1024;
/// Most attachments on one submission.
pub const ATTACHMENTS_MAX: usize = 5;
/// The attachment types accepted, checked by content as well as by name.
pub const ATTACHMENT_TYPES: [&str; 3] = ["image/jpeg", "image/png", "application/pdf"];

/// The words of every case error, written once.
pub mod messages {
    pub const KIND_MISSING: &str =
        "Select if you want to make a complaint, give a compliment or leave a comment";
    pub const CATEGORY_MISSING: &str = "Select what your complaint is about";
    pub const DETAILS_MISSING: &str = "Enter what happened";
    pub const FEEDBACK_MISSING: &str = "Enter your message";
    pub const DETAILS_TOO_LONG: &str = "Describe what happened in 5000 characters or fewer";
    pub const OUTCOME_MISSING: &str = "Enter what you would like us to do to put things right";
    pub const OUTCOME_TOO_LONG: &str =
        "What would put things right must be 5000 characters or fewer";
    pub const STARTED_MISSING: &str = "Enter the date the problem started";
    pub const STARTED_IN_FUTURE: &str = "The date the problem started must be today or in the past";
    pub const STARTED_TOO_EARLY: &str = "The date the problem started must be after 1 January 1900";
    pub const PHONE_MISSING: &str = "Enter a telephone number we can call or text you on";
    pub const TOO_MANY_FILES: &str = "Attach up to 5 files";
    pub const FILE_TYPE: &str = "The selected file must be a JPG, PNG or PDF";
    pub const FILE_TOO_BIG: &str = "The selected file must be smaller than 5MB";
    pub const FILE_EMPTY: &str = "The selected file is empty";
    pub const FILES_OVER_DAILY_QUOTA: &str =
        "You have sent as many files as you can in one day. Send this without them, or try again tomorrow";
    pub const SCREENING_NOT_CONFIRMED: &str =
        "Read what we said about your complaint, then choose if you still want to make a complaint";
    pub const SCREENING_REFUSED: &str =
        "This cannot be handled as a complaint. Read what to do instead";
    pub const INFORMATION_MISSING: &str = "Enter the information you want to add";
    pub const DEFINITION_QUERY_MISSING: &str = "Enter what we have got wrong";
    pub const WITHDRAW_NOT_CONFIRMED: &str = "Select yes if you want to withdraw your complaint";
    pub const SATISFIED_MISSING: &str = "Select if you are satisfied with our response";
    pub const REPRESENTATIVE_NAME_MISSING: &str =
        "Enter the name of the person who will represent you";
    pub const REPRESENTATIVE_RELATION_MISSING: &str = "Select who will represent you";
    pub const ON_BEHALF_MISSING: &str = "Select who you are making this complaint for";
}

/// A file sent with a complaint or with more information, base64 in JSON (the
/// API takes only JSON, so every write is checked for its origin the same way).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct NewAttachment {
    pub filename: String,
    /// What the browser says it is; the server checks the content too.
    pub content_type: String,
    /// The file, base64 (standard alphabet, padded).
    pub data_base64: String,
}

/// `POST /api/v1/cases` (with an `Idempotency-Key` header).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct NewCase {
    pub kind: CaseKind,
    /// A category id of the policy (complaints only).
    #[serde(default)]
    pub category: Option<String>,
    /// What happened (a complaint), or the compliment or comment itself.
    pub details: String,
    /// When the problem started (complaints).
    #[serde(default)]
    pub started_on: Option<NaiveDate>,
    /// What would put things right (complaints).
    #[serde(default)]
    pub desired_outcome: Option<String>,
    /// How the resident wants to hear back about this case.
    #[serde(default)]
    pub contact_channel: Option<ContactChannel>,
    /// A telephone number, when the channel is phone or text message.
    #[serde(default)]
    pub contact_phone: Option<String>,
    #[serde(default)]
    pub attachments: Vec<NewAttachment>,
    /// The resident has read the screening and still wants a complaint.
    #[serde(default)]
    pub insist: bool,
    /// Why the time limit should not apply (one of the policy's exceptions, or words).
    #[serde(default)]
    pub time_limit_reason: Option<String>,
    /// For an advocate: the authorisation (public id) they file under.
    #[serde(default)]
    pub on_behalf_of: Option<String>,
    /// The resident asks that only the complaints team knows who raised it
    /// (issue 16, item 7): other staff see the case without their identity.
    #[serde(default)]
    pub in_confidence: bool,
}

/// The earliest date a problem can have started: anything before is a typing
/// slip (0000-01-01, 1026 for 2026), and would make nonsense of time limits.
pub const EARLIEST_START: NaiveDate = match NaiveDate::from_ymd_opt(1900, 1, 1) {
    Some(date) => date,
    None => panic!("1 January 1900 is a date"),
};

impl NewCase {
    /// Checks what can be checked without the database, against the policy.
    pub fn validate(&self, policy: &Policy, today: NaiveDate) -> Result<(), Vec<FieldError>> {
        let mut problems = Problems::new();
        let details = self.details.trim();
        let is_complaint = self.kind == CaseKind::Complaint;
        if details.is_empty() {
            let message = if is_complaint {
                messages::DETAILS_MISSING
            } else {
                messages::FEEDBACK_MISSING
            };
            problems.add("details", message);
        } else if details.chars().count() > DETAILS_MAX_CHARS {
            problems.add("details", messages::DETAILS_TOO_LONG);
        }
        if is_complaint {
            let category = self.category.as_deref().unwrap_or("").trim();
            let known =
                policy.categories.is_empty() || policy.categories.iter().any(|c| c.id == category);
            if category.is_empty() || !known {
                problems.add("category", messages::CATEGORY_MISSING);
            }
            match self.started_on {
                None => problems.add("started_on", messages::STARTED_MISSING),
                Some(date) if date > today => {
                    problems.add("started_on", messages::STARTED_IN_FUTURE)
                }
                Some(date) if date < EARLIEST_START => {
                    problems.add("started_on", messages::STARTED_TOO_EARLY)
                }
                Some(_) => {}
            }
            let outcome = self.desired_outcome.as_deref().unwrap_or("").trim();
            if outcome.is_empty() {
                problems.add("desired_outcome", messages::OUTCOME_MISSING);
            } else if outcome.chars().count() > DETAILS_MAX_CHARS {
                problems.add("desired_outcome", messages::OUTCOME_TOO_LONG);
            }
        }
        if let Some(channel) = self.contact_channel {
            if channel.needs_phone()
                && self
                    .contact_phone
                    .as_deref()
                    .is_none_or(|p| !crate::api::account::is_phone_number(p))
            {
                problems.add("contact_phone", messages::PHONE_MISSING);
            }
        }
        check_attachments(&self.attachments, &mut problems);
        problems.into_result()
    }
}

/// Checks the number, declared type and encoded size of attachments. The server
/// also checks each file's content (its magic bytes) after decoding.
pub fn check_attachments(attachments: &[NewAttachment], problems: &mut Problems) {
    if attachments.len() > ATTACHMENTS_MAX {
        problems.add("attachments", messages::TOO_MANY_FILES);
        return;
    }
    for attachment in attachments {
        if !ATTACHMENT_TYPES.contains(&attachment.content_type.as_str()) {
            problems.add("attachments", messages::FILE_TYPE);
        } else if attachment.data_base64.is_empty() {
            problems.add("attachments", messages::FILE_EMPTY);
        } else if attachment.data_base64.len() / 4 * 3 > ATTACHMENT_MAX_BYTES + 2 {
            problems.add("attachments", messages::FILE_TOO_BIG);
        }
    }
}

/// What a file's first bytes say it is: JPEG, PNG or PDF, or nothing we take.
pub fn sniff_content_type(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some("image/jpeg")
    } else if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some("image/png")
    } else if bytes.starts_with(b"%PDF-") {
        Some("application/pdf")
    } else {
        None
    }
}

/// `POST /api/v1/cases/screening`: what the policy says before a complaint is sent.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ScreeningRequest {
    pub details: String,
    #[serde(default)]
    pub started_on: Option<NaiveDate>,
    #[serde(default)]
    pub category: Option<String>,
}

/// The answer to a screening request.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
pub struct ScreeningAnswer {
    pub results: Vec<ScreeningResult>,
    /// A possible hazard in the description (Awaab's Law): the resident is
    /// told what to do now before any other question.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hazard: Option<HazardScreen>,
}

/// Who raised a case for the resident, when it was not the resident.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
pub struct FiledBy {
    pub name: String,
    /// "advocate", "staff", or the advocate's relationship to the resident.
    pub relationship: String,
    pub authorisation_id: Option<String>,
}

/// A stored attachment, without its content.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
pub struct AttachmentInfo {
    pub id: String,
    pub filename: String,
    pub content_type: String,
    pub size: u64,
    pub uploaded_at: DateTime<Utc>,
}

/// One line of a case's timeline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
pub struct TimelineEntry {
    pub at: DateTime<Utc>,
    /// The day it counts from.
    pub on: NaiveDate,
    pub actor: Actor,
    pub event: Event,
    /// For what the policy's clock did: the rule, and the policy's words for it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rule: Option<crate::case::RuleNote>,
}

/// A case in a list: the resident's cases, an advocate's, or the staff queue.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
pub struct CaseSummary {
    pub id: String,
    pub reference: String,
    pub kind: CaseKind,
    pub category: Option<String>,
    /// The category's label in the policy ("Repairs").
    pub category_label: Option<String>,
    pub status: Status,
    pub stage: Option<StageRef>,
    pub next_due: Option<NaiveDate>,
    pub overdue: bool,
    /// Not overdue, but `next_due` is within the working days before it that
    /// the caseworker is reminded (the server's setting, 2 unless changed).
    #[serde(default)]
    pub due_soon: bool,
    /// The next step the resident may take, with its last day.
    pub open_window: Option<Window>,
    /// What to expect next, or how the case ended.
    #[serde(default)]
    pub next_step: Option<NextStep>,
    /// Empty when `identity_withheld`.
    pub resident_name: String,
    /// The resident asked that only the complaints team knows who raised it.
    #[serde(default)]
    pub confidential: bool,
    /// The case is confidential and the signed-in account is staff outside
    /// the complaints team: the resident's name is not sent.
    #[serde(default)]
    pub identity_withheld: bool,
    pub created_at: DateTime<Utc>,
    /// The caseworker's name, when one is assigned.
    #[serde(default)]
    pub caseworker: Option<String>,
    /// How many promised actions are not done by their date (issue 16,
    /// item 4): the staff queue shows them.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub actions_overdue: u16,
    /// The resident said the complaint definition is not right, and the
    /// stage is not answered yet (Code 5.6): the queue flags it.
    #[serde(default)]
    pub definition_queried: bool,
    /// Staff only: how many messages about the case wait for staff to send
    /// by hand (a call, a letter, a format a person makes, or what no service
    /// could send; issue 17, items 3 and 4).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub messages_to_send: u16,
    /// Staff only: the description suggested a hazard when the complaint
    /// was raised (Awaab's Law); the queue flags it.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub hazard: bool,
    /// For a resident: a petition they signed besides its spokesperson
    /// (Plus Dane §20), which they follow and do not act on.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub you_signed: bool,
}

fn is_zero(n: &u16) -> bool {
    *n == 0
}

/// `GET /api/v1/cases/{id}`: everything about one case.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
pub struct CaseDetail {
    pub id: String,
    pub reference: String,
    pub kind: CaseKind,
    pub category: Option<String>,
    pub category_label: Option<String>,
    pub details: String,
    pub started_on: Option<NaiveDate>,
    pub desired_outcome: Option<String>,
    /// How the resident asked to hear about this case: it comes before the
    /// account's own choice, for every message about the case.
    pub contact_channel: Option<ContactChannel>,
    /// The number to call or text about this case, when the channel needs
    /// one. Shown to the resident, staff, and an advocate who may see the
    /// resident's communication needs.
    #[serde(default)]
    pub contact_phone: Option<String>,
    /// Empty when `identity_withheld`.
    pub resident_name: String,
    /// The resident asked that only the complaints team knows who raised it
    /// (issue 16, item 7).
    #[serde(default)]
    pub confidential: bool,
    /// The case is confidential and the signed-in account is staff outside
    /// the complaints team (and did not take the complaint themselves): the
    /// resident's name, telephone number, needs, messages and contact
    /// details are not sent, nor the names of whoever acted for them.
    #[serde(default)]
    pub identity_withheld: bool,
    pub filed_by: Option<FiledBy>,
    pub policy_id: String,
    pub landlord: String,
    pub created_at: DateTime<Utc>,
    /// Status, stage, due dates with how they were counted, windows, actions.
    pub view: CaseView,
    pub timeline: Vec<TimelineEntry>,
    pub attachments: Vec<AttachmentInfo>,
    /// What the screening said when the complaint was raised.
    pub screening: Vec<ScreeningResult>,
    /// The resident's accessibility and communication needs: for staff, and for
    /// an advocate whose authorisation includes them. `None` otherwise.
    pub resident_preferences: Option<Preferences>,
    /// What only staff see. `None` for anyone else.
    #[serde(default)]
    pub staff: Option<StaffCaseView>,
    /// For staff: a possible hazard the complaint describes, with Awaab's
    /// Law's due dates for investigating and making safe, separate from the
    /// complaint's. `None` for anyone else, or when none was found.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hazard: Option<HazardFlag>,
    /// For the resident, under a policy that monitors equality (Pioneer
    /// §11): whether they have answered its optional questions about this
    /// case (`GET /cases/{id}/equality`). `None` for anyone else, who is
    /// never told the answers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub equality_answered: Option<bool>,
    /// When the case is a petition (Plus Dane §20): how many people made it,
    /// and whether the signed-in account is one who signed it besides the
    /// spokesperson, and so follows it without acting on it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub petition: Option<crate::petition::PetitionFacts>,
}

/// What staff see of a case and nobody else does.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
pub struct StaffCaseView {
    /// How it reached the landlord, when staff raised it.
    #[serde(default)]
    pub received_by: Option<crate::api::staff_cases::ReceivedBy>,
    /// For someone without an account whose complaint staff raised: who
    /// they are and how they want to hear from us.
    #[serde(default)]
    pub contact: Option<crate::api::staff_cases::NoAccountContact>,
    /// The assigned caseworker's account (public id), when there is one.
    pub caseworker_id: Option<String>,
    /// The accounts (public ids) that dealt with an earlier stage: none of
    /// them may take the current one (Code 6.13).
    pub earlier_stage_handlers: Vec<String>,
    /// How far the response date may be extended now (`None`: it cannot be).
    #[serde(default)]
    pub extension: Option<crate::case::ExtensionAllowance>,
}

/// A member of staff who can be assigned a case, `GET /api/v1/staff/caseworkers`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
pub struct Caseworker {
    /// The account's public id: `caseworker_id` when assigning.
    pub id: String,
    pub name: String,
}

/// Whether a message about a case has reached the resident.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Delivery {
    /// Delivered by the service for its channel.
    Sent,
    /// Not tried yet.
    Queued,
    /// It waits for staff (see `needs_staff`): they send it by hand (call,
    /// text or post it) and say so, or have it tried again.
    StaffToSend,
    /// The service refused it or could not be reached; it is tried again.
    Retrying,
}

/// Why a message waits for staff (issue 17, items 3 and 4).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum NeedsStaff {
    /// No delivery service is configured for its channel.
    NoService,
    /// A telephone call: staff make it.
    Call,
    /// A letter: staff print and post it.
    Post,
    /// A letter to someone whose postal address the portal does not hold
    /// (or not one a delivery service can post to): staff find it, then
    /// print and post the letter.
    NoAddress,
    /// A format a person makes (Braille, audio, easy read, another language).
    Format,
    /// The delivery service refused it, or it failed every try: see
    /// `last_error` for what the service said.
    Failed,
}

/// How a message went.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum SentVia {
    /// The SMTP relay took the email.
    Smtp,
    /// GOV.UK Notify took it.
    Notify,
    /// A member of staff sent it by hand (called, texted, posted) and said so.
    Staff,
}

/// What happened to a message, oldest first: its history on the case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum MessageEventKind {
    /// A try failed; it is tried again later.
    Failed,
    /// It was left for staff (see `NeedsStaff`).
    GaveUp,
    /// A delivery service took it.
    Sent,
    /// A member of staff sent it by hand.
    SentByHand,
    /// A member of staff had it tried again.
    QueuedAgain,
    /// The delivery service says it arrived (`detail`: its status).
    Delivered,
    /// The delivery service took it but could not deliver it: it waits for
    /// staff again (`detail`: what the service said).
    NotDelivered,
}

/// One thing that happened to a message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
pub struct MessageEvent {
    pub at: DateTime<Utc>,
    pub kind: MessageEventKind,
    /// What the delivery service said, or why it waits for staff.
    #[serde(default)]
    pub detail: Option<String>,
    /// The member of staff, for what staff did.
    #[serde(default)]
    pub by: Option<String>,
}

/// A message about a case, as staff see it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
pub struct CaseMessage {
    /// Its id in the outbox, for `POST /outbox/{id}/sent-by-hand` and `/retry`.
    #[serde(default)]
    pub id: i64,
    pub channel: ContactChannel,
    /// The email address, telephone number, or name for a letter.
    pub recipient: String,
    pub subject: String,
    pub body: String,
    pub created_at: DateTime<Utc>,
    pub sent_at: Option<DateTime<Utc>>,
    pub delivery: Delivery,
    /// Why it waits for staff, when it does.
    #[serde(default)]
    pub needs_staff: Option<NeedsStaff>,
    /// How it went, once sent.
    #[serde(default)]
    pub sent_by: Option<SentVia>,
    /// What happened to it, oldest first.
    #[serde(default)]
    pub history: Vec<MessageEvent>,
}

/// `POST /api/v1/cases/{id}/information`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct NewInformation {
    pub text: String,
    #[serde(default)]
    pub attachments: Vec<NewAttachment>,
}

impl NewInformation {
    pub fn validate(&self) -> Result<(), Vec<FieldError>> {
        let mut problems = Problems::new();
        let text = self.text.trim();
        if text.is_empty() && self.attachments.is_empty() {
            problems.add("text", messages::INFORMATION_MISSING);
        } else if text.chars().count() > DETAILS_MAX_CHARS {
            problems.add("text", messages::DETAILS_TOO_LONG);
        }
        check_attachments(&self.attachments, &mut problems);
        problems.into_result()
    }
}

/// `POST /api/v1/cases/{id}/definition-query`: what the complaint
/// definition got wrong (Code 5.6).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct DefinitionQueryRequest {
    pub text: String,
}

impl DefinitionQueryRequest {
    pub fn validate(&self) -> Result<(), Vec<FieldError>> {
        let mut problems = Problems::new();
        let text = self.text.trim();
        if text.is_empty() {
            problems.add("text", messages::DEFINITION_QUERY_MISSING);
        } else if text.chars().count() > DETAILS_MAX_CHARS {
            problems.add("text", messages::DETAILS_TOO_LONG);
        }
        problems.into_result()
    }
}

/// `POST /api/v1/cases/{id}/escalation`: the reason is never required.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct EscalationRequest {
    #[serde(default)]
    pub reason: Option<String>,
}

/// `POST /api/v1/cases/{id}/panel`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PanelRequest {
    pub attendance: Attendance,
    #[serde(default)]
    pub representative: Option<Representative>,
}

/// `POST /api/v1/cases/{id}/withdrawal`: `confirm` must be true.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct WithdrawalRequest {
    pub confirm: bool,
    #[serde(default)]
    pub reason: Option<String>,
}

/// `POST /api/v1/cases/{id}/satisfaction`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct SatisfactionRequest {
    pub satisfied: bool,
    #[serde(default)]
    pub comment: Option<String>,
}

/// `POST /api/v1/cases/{id}/staff-actions`: one staff event, in the event's own
/// JSON shape (`{"type": "acknowledged"}`, `{"type": "extended", …}`), with the
/// day it happened when that was not today.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct StaffActionRequest {
    pub event: Event,
    #[serde(default)]
    pub on: Option<NaiveDate>,
}

impl StaffActionRequest {
    /// Events staff may record. Those a resident makes (information, a
    /// review or a panel asked for, a withdrawal, whether they are satisfied)
    /// staff also record when the resident made them by phone, letter or in
    /// person, dated (`on`) the day they reached us, so a window is checked
    /// against that day (issue 16, item 1). Receiving a case has its own
    /// endpoint, and the policy's clock alone closes a window.
    pub fn is_staff_event(&self) -> bool {
        !matches!(
            self.event,
            Event::Received { .. } | Event::WindowClosed { .. }
        )
    }
}

/// `POST /api/v1/cases/{id}/staff-actions/preview`: what the resident would
/// be told if the action were saved now. Nothing is recorded or sent. The
/// subject and body are the message itself, written by the server, as the
/// resident will receive it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
pub struct MessagePreview {
    /// `None`: this action sends the resident no message (it shows on the case).
    pub message: Option<PreviewedMessage>,
}

/// A message as the resident would receive it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
pub struct PreviewedMessage {
    pub subject: String,
    pub body: String,
}

/// Filters of the staff queue, `GET /api/v1/staff/cases`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
pub struct QueueFilter {
    pub stage: Option<u8>,
    pub status: Option<Status>,
    pub overdue: Option<bool>,
    /// `mine`, `none` (not assigned), or a caseworker's account id.
    pub caseworker: Option<String>,
    /// `true`: only complaints whose description suggested a hazard (Awaab's
    /// Law), so that they can be dealt with first; `false`: none of them.
    pub hazard: Option<bool>,
}

/// Whose cases the queue shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CaseworkerFilter {
    /// The signed-in caseworker's.
    Mine,
    /// Cases nobody is assigned.
    Nobody,
    /// This account's (public id).
    Account(String),
}

impl QueueFilter {
    /// The caseworker filter, read from its wire value.
    pub fn caseworker_filter(&self) -> Option<CaseworkerFilter> {
        match self.caseworker.as_deref().map(str::trim)? {
            "" => None,
            "mine" => Some(CaseworkerFilter::Mine),
            "none" => Some(CaseworkerFilter::Nobody),
            account => Some(CaseworkerFilter::Account(account.to_owned())),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn policy() -> Policy {
        Policy::preset("code-2024").expect("the default preset")
    }

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, 18).unwrap()
    }

    fn complaint() -> NewCase {
        NewCase {
            kind: CaseKind::Complaint,
            category: policy().categories.first().map(|c| c.id.clone()),
            details: "The repair to my window was not done".into(),
            started_on: NaiveDate::from_ymd_opt(2026, 11, 2),
            desired_outcome: Some("Fix the window".into()),
            contact_channel: None,
            contact_phone: None,
            attachments: vec![],
            insist: false,
            time_limit_reason: None,
            on_behalf_of: None,
            in_confidence: false,
        }
    }

    fn fields(errors: Vec<FieldError>) -> Vec<String> {
        errors.into_iter().map(|e| e.field).collect()
    }

    #[test]
    fn a_complete_complaint_is_valid() {
        assert_eq!(complaint().validate(&policy(), today()), Ok(()));
    }

    #[test]
    fn an_empty_complaint_names_every_missing_answer() {
        let empty = NewCase {
            category: None,
            details: "  ".into(),
            started_on: None,
            desired_outcome: None,
            ..complaint()
        };
        assert_eq!(
            fields(empty.validate(&policy(), today()).unwrap_err()),
            ["details", "category", "started_on", "desired_outcome"]
        );
    }

    #[test]
    fn a_compliment_needs_only_its_message() {
        let compliment = NewCase {
            kind: CaseKind::Compliment,
            category: None,
            started_on: None,
            desired_outcome: None,
            ..complaint()
        };
        assert_eq!(compliment.validate(&policy(), today()), Ok(()));
        let empty = NewCase {
            details: String::new(),
            ..compliment
        };
        let errors = empty.validate(&policy(), today()).unwrap_err();
        assert_eq!(errors[0].message, messages::FEEDBACK_MISSING);
    }

    #[test]
    fn a_start_date_before_1900_is_refused() {
        for (y, m, d) in [(0, 1, 1), (1026, 3, 2), (1899, 12, 31)] {
            let early = NewCase {
                started_on: NaiveDate::from_ymd_opt(y, m, d),
                ..complaint()
            };
            let errors = early.validate(&policy(), today()).unwrap_err();
            assert_eq!(errors[0].field, "started_on");
            assert_eq!(errors[0].message, messages::STARTED_TOO_EARLY);
        }
        let old = NewCase {
            started_on: NaiveDate::from_ymd_opt(1900, 1, 1),
            ..complaint()
        };
        assert!(old.validate(&policy(), today()).is_ok());
    }

    #[test]
    fn a_start_date_in_the_future_is_refused() {
        let future = NewCase {
            started_on: NaiveDate::from_ymd_opt(2026, 12, 19),
            ..complaint()
        };
        let errors = future.validate(&policy(), today()).unwrap_err();
        assert_eq!(errors[0].message, messages::STARTED_IN_FUTURE);
    }

    #[test]
    fn an_unknown_category_is_refused() {
        let odd = NewCase {
            category: Some("not-a-category".into()),
            ..complaint()
        };
        assert_eq!(
            fields(odd.validate(&policy(), today()).unwrap_err()),
            ["category"]
        );
    }

    #[test]
    fn a_phone_channel_needs_a_number() {
        let phone = NewCase {
            contact_channel: Some(ContactChannel::Phone),
            ..complaint()
        };
        assert_eq!(
            fields(phone.validate(&policy(), today()).unwrap_err()),
            ["contact_phone"]
        );
    }

    #[test]
    fn an_attachment_of_another_type_is_refused() {
        let exe = NewCase {
            attachments: vec![NewAttachment {
                filename: "a.exe".into(),
                content_type: "application/x-msdownload".into(),
                data_base64: "TVo=".into(),
            }],
            ..complaint()
        };
        let errors = exe.validate(&policy(), today()).unwrap_err();
        assert_eq!(errors[0].message, messages::FILE_TYPE);
    }

    #[test]
    fn file_content_is_recognised_by_its_first_bytes() {
        assert_eq!(sniff_content_type(b"%PDF-1.7\n"), Some("application/pdf"));
        assert_eq!(
            sniff_content_type(b"\x89PNG\r\n\x1a\n...."),
            Some("image/png")
        );
        assert_eq!(
            sniff_content_type(&[0xFF, 0xD8, 0xFF, 0xE0]),
            Some("image/jpeg")
        );
        assert_eq!(sniff_content_type(b"MZ\x90\x00"), None);
    }

    #[test]
    fn staff_record_what_a_resident_asked_for_but_not_a_case_arriving_or_a_window_closing() {
        let withdraw = StaffActionRequest {
            event: Event::Withdrawn { reason: None },
            on: None,
        };
        assert!(withdraw.is_staff_event(), "a withdrawal by letter");
        for event in [
            Event::Received {
                kind: crate::case::CaseKind::Complaint,
                received_on: chrono::NaiveDate::from_ymd_opt(2026, 3, 2).unwrap(),
                awaiting_decision: Vec::new(),
                through_councillor_or_mp: false,
            },
            Event::WindowClosed {
                window: crate::case::DueKey::NextStageWindow { stage: 1 },
                last_day: chrono::NaiveDate::from_ymd_opt(2026, 3, 16).unwrap(),
            },
        ] {
            let request = StaffActionRequest { event, on: None };
            assert!(!request.is_staff_event(), "{request:?}");
        }
        let ack = StaffActionRequest {
            event: Event::acknowledged(),
            on: None,
        };
        assert!(ack.is_staff_event());
        let survey = StaffActionRequest {
            event: Event::SatisfactionRecorded {
                satisfied: false,
                comment: None,
            },
            on: None,
        };
        assert!(
            survey.is_staff_event(),
            "staff record what a resident said in a survey"
        );
    }
}
