//! The life of a case: a complaint, a compliment or a comment.
//!
//! A case is stored as its events, in order. Its state is never stored: it is
//! derived by replaying the events through the landlord's [`Policy`]
//! ([`replay`]), and each new event is checked against that state before it is
//! accepted ([`apply`]). Events the policy or the state does not allow are
//! refused with a [`Refusal`] whose message a resident can read.
//!
//! What a resident sees (status, due dates, what they can still do) is a
//! [`CaseView`], derived from the state for a given day ([`view`]).
//!
//! Dates: each event happened on a day. That day is the record's `on` when
//! given (a letter that arrived yesterday, a phone call logged late), otherwise
//! the UK calendar day of its timestamp `at` ([`uk_date`]). A `received` event
//! carries its own `received_on`.

use std::fmt;

use chrono::{DateTime, Datelike, Duration, NaiveDate, TimeZone, Timelike, Utc, Weekday};
use serde::{Deserialize, Serialize};

use crate::calendar::{long_date, Calendar};
use crate::policy::{Policy, Stage};

mod closing;
mod view;

pub use closing::{closing, no_contact_close_on, Closing};
pub use view::{
    view, CaseView, ClosedWindow, DueDate, DueKind, LatestResponse, NextStep, ResidentAction,
    StaffAction, StageRef, Status, Window, OMBUDSMAN_MONTHS,
};

/// How a due date was counted, as data, so that an app can say it in its own
/// words in any language. Its `Display` is the English sentence
/// ([`DueDate::basis`]): "10 working days after we acknowledged your complaint".
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
pub struct Basis {
    /// The working days counted (for an extended date, before the extension).
    pub days: u32,
    /// What they were counted from.
    pub from: BasisFrom,
    /// For an extended date: the working days added, and the date before.
    #[serde(default)]
    pub extension: Option<BasisExtension>,
}

/// What a due date's working days were counted from. `stage` is the stage's
/// number: stage 1 is "your complaint", a later one "your request for stage N".
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum BasisFrom {
    /// "after we received your complaint".
    Received { stage: u8 },
    /// "after we acknowledged your complaint".
    Acknowledged { stage: u8 },
    /// Not acknowledged yet, so counted from the date it must be acknowledged
    /// by: "after the date we must acknowledge your complaint by (Tuesday 29
    /// December 2026); we have not acknowledged it yet".
    AcknowledgeDue { stage: u8, date: NaiveDate },
    /// Not acknowledged yet, and the policy sets no date to acknowledge it by:
    /// "after we received your complaint; we have not acknowledged it yet".
    ReceivedNotAcknowledged { stage: u8 },
    /// "after our stage 1 response".
    StageResponse { stage: u8 },
    /// "after you asked for a panel".
    PanelRequested,
    /// "after the panel met".
    PanelMet,
}

/// How much an extension added to a due date, and the date it replaced.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
pub struct BasisExtension {
    /// Working days added.
    pub days: u32,
    /// The date before the extension.
    pub original_date: NaiveDate,
}

impl Basis {
    pub fn new(days: u32, from: BasisFrom) -> Self {
        Self {
            days,
            from,
            extension: None,
        }
    }
}

impl fmt::Display for Basis {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let days = working_days(self.days);
        match &self.from {
            BasisFrom::Received { stage } => {
                write!(f, "{days} after we received {}", stage_noun(*stage))?
            }
            BasisFrom::Acknowledged { stage } => {
                write!(f, "{days} after we acknowledged {}", stage_noun(*stage))?
            }
            BasisFrom::AcknowledgeDue { stage, date } => write!(
                f,
                "{days} after the date we must acknowledge {} by ({}); we have not acknowledged it yet",
                stage_noun(*stage),
                long_date(*date)
            )?,
            BasisFrom::ReceivedNotAcknowledged { stage } => write!(
                f,
                "{days} after we received {}; we have not acknowledged it yet",
                stage_noun(*stage)
            )?,
            BasisFrom::StageResponse { stage } => {
                write!(f, "{days} after our stage {stage} response")?
            }
            BasisFrom::PanelRequested => write!(f, "{days} after you asked for a panel")?,
            BasisFrom::PanelMet => write!(f, "{days} after the panel met")?,
        }
        if let Some(ext) = &self.extension {
            write!(
                f,
                ", extended by {} from {}",
                working_days(ext.days),
                long_date(ext.original_date)
            )?;
        }
        Ok(())
    }
}

/// What kind of case this is.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum CaseKind {
    Complaint,
    Compliment,
    Comment,
}

impl CaseKind {
    fn noun(self) -> &'static str {
        match self {
            CaseKind::Complaint => "complaint",
            CaseKind::Compliment => "compliment",
            CaseKind::Comment => "comment",
        }
    }
}

/// Who did something.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ActorKind {
    /// The resident the case is about.
    Resident,
    /// Someone acting for the resident with their authority.
    Advocate,
    /// The landlord's staff.
    Staff,
    /// The portal itself (for example, an automatic closure).
    System,
}

/// Who did something, and their name where it is known.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
pub struct Actor {
    pub kind: ActorKind,
    #[serde(default)]
    pub name: Option<String>,
}

/// One stored event: when it was recorded, by whom, and what happened.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
pub struct EventRecord {
    /// When the event was recorded.
    pub at: DateTime<Utc>,
    pub actor: Actor,
    /// The day it happened, when that is not the UK day of `at`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub on: Option<NaiveDate>,
    pub event: Event,
}

impl EventRecord {
    /// The day the event happened: `received_on` for a `received` event, else
    /// `on`, else the UK calendar day of `at`.
    pub fn date(&self) -> NaiveDate {
        match &self.event {
            Event::Received { received_on, .. } => *received_on,
            _ => self.on.unwrap_or_else(|| uk_date(self.at)),
        }
    }
}

/// How a stage or a panel decided the complaint.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Upheld,
    PartlyUpheld,
    NotUpheld,
}

/// The kinds of remedy the Code names (Code 7).
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum RemedyKind {
    Apology,
    Action,
    ChangedDecision,
    AmendedRecord,
    Financial,
    ChangedPolicy,
}

/// One way the landlord puts things right.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
pub struct Remedy {
    pub kind: RemedyKind,
    pub description: String,
    /// For a financial remedy, the amount in pence.
    #[serde(default)]
    pub amount_pence: Option<u64>,
}

/// Something the landlord still has to do, and by when.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
pub struct OutstandingAction {
    pub description: String,
    pub due: NaiveDate,
}

/// How the resident takes part in a panel.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Attendance {
    Attend,
    WrittenSubmissions,
}

/// Someone who comes to the panel with the resident.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
pub struct Representative {
    pub name: String,
    /// Their relation to the resident, for example "friend" or "relative".
    pub relation: String,
}

/// Why a case was closed.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ClosedWhy {
    /// The complaint was resolved.
    Resolved,
    /// No contact from the resident within the policy's time after a response.
    NoContact,
    /// Every agreed action is done.
    ActionsDone,
    /// The resident withdrew it.
    Withdrawn,
    /// Another reason, in words.
    Other(String),
}

/// What happened.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Event {
    /// The case began: what kind it is and the day it reached the landlord.
    Received {
        kind: CaseKind,
        received_on: NaiveDate,
    },
    /// The landlord acknowledged the complaint (or the request for this stage).
    Acknowledged,
    /// A caseworker took the case.
    Assigned { caseworker: String },
    /// The response date of the current stage was moved.
    Extended {
        reason: String,
        new_date: NaiveDate,
        /// Whether the resident agreed to a date beyond the policy's limit.
        #[serde(default)]
        agreed_with_resident: bool,
    },
    /// The landlord asked the resident for something.
    InformationRequested { what: String },
    /// The resident (or someone for them) added information.
    InformationGiven { text: String },
    /// The landlord's response at the current stage.
    Responded {
        /// Required for a complaint; none for a compliment or a comment.
        #[serde(default)]
        outcome: Option<Outcome>,
        #[serde(default)]
        reasons: String,
        #[serde(default)]
        remedies: Vec<Remedy>,
        #[serde(default)]
        outstanding_actions: Vec<OutstandingAction>,
    },
    /// The resident asked for the next stage. Never ask why (Code 6.12): the
    /// reason is optional.
    EscalationRequested {
        #[serde(default)]
        reason: Option<String>,
    },
    /// The landlord refused to take the complaint to the next stage.
    EscalationRefused { reasons: String },
    /// The resident asked for the panel.
    PanelRequested {
        attendance: Attendance,
        #[serde(default)]
        representative: Option<Representative>,
    },
    /// The panel's hearing date. A date after "today" means the panel is scheduled.
    PanelHeld { date: NaiveDate },
    /// The panel's decision.
    PanelOutcome { outcome: Outcome, reasons: String },
    /// Whether the resident was satisfied.
    SatisfactionRecorded {
        satisfied: bool,
        #[serde(default)]
        comment: Option<String>,
    },
    /// The resident withdrew the complaint.
    Withdrawn {
        #[serde(default)]
        reason: Option<String>,
    },
    /// The case was closed.
    Closed { why: ClosedWhy },
    /// The complaint went to the Housing Ombudsman.
    ReferredToOmbudsman,
    /// A closed or withdrawn case was opened again.
    Reopened { reason: String },
}

/// Why an event was not accepted. `code` is stable snake_case for programs;
/// `message` is English for API clients and staff. A refusal a resident can
/// meet also carries its `reason` as typed facts, which the app words itself.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
pub struct Refusal {
    pub code: String,
    pub message: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<RefusalReason>,
}

impl Refusal {
    /// A refusal with a stable code and a plain-English message.
    pub fn new(code: &str, message: impl Into<String>) -> Self {
        Self {
            code: code.to_owned(),
            message: message.into(),
            reason: None,
        }
    }
}

/// Why a resident's (or their advocate's) action was refused, as facts:
/// the app says it in the resident's language, with these dates and stages.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum RefusalReason {
    /// The last day to ask for the next stage has passed.
    ReviewWindowClosed {
        last_day: NaiveDate,
    },
    /// A review can be asked for once the stage has been answered.
    ReviewBeforeResponse {
        stage: u8,
    },
    /// There is no later stage; `panel` when a panel can be asked for instead.
    LastStage {
        stage: u8,
        panel: bool,
    },
    /// The complaint is already with the panel.
    WithThePanel,
    /// The last day to ask for a panel has passed.
    PanelWindowClosed {
        last_day: NaiveDate,
    },
    /// A panel can be asked for once the last stage has been answered.
    PanelBeforeResponse {
        stage: u8,
    },
    PanelAlreadyRequested,
    PanelAfterOmbudsman,
    WrittenSubmissionsNotAllowed,
    LegalRepresentativeNotAllowed,
    /// Satisfaction is asked about a response, so it comes after one.
    SatisfactionBeforeResponse,
    /// Satisfaction with this response is already recorded: once per response.
    SatisfactionAlreadyRecorded,
    AlreadyWithdrawn,
    /// Withdrawn on this day: it would need to be reopened first.
    Withdrawn {
        on: NaiveDate,
    },
    /// Closed on this day: it would need to be reopened first.
    Closed {
        on: NaiveDate,
    },
}

impl RefusalReason {
    /// The stable code, as [`Refusal::code`].
    pub fn code(&self) -> &'static str {
        match self {
            RefusalReason::ReviewWindowClosed { .. } => "escalation_window_closed",
            RefusalReason::ReviewBeforeResponse { .. } => "not_responded",
            RefusalReason::LastStage { .. } => "last_stage",
            RefusalReason::WithThePanel => "panel_under_way",
            RefusalReason::PanelWindowClosed { .. } => "panel_window_closed",
            RefusalReason::PanelBeforeResponse { .. } => "panel_too_early",
            RefusalReason::PanelAlreadyRequested => "panel_already_requested",
            RefusalReason::PanelAfterOmbudsman => "panel_after_ombudsman",
            RefusalReason::WrittenSubmissionsNotAllowed => "written_submissions_not_allowed",
            RefusalReason::LegalRepresentativeNotAllowed => "legal_representative_not_allowed",
            RefusalReason::SatisfactionBeforeResponse => "not_responded",
            RefusalReason::SatisfactionAlreadyRecorded => "satisfaction_already_recorded",
            RefusalReason::AlreadyWithdrawn => "already_withdrawn",
            RefusalReason::Withdrawn { .. } => "withdrawn",
            RefusalReason::Closed { .. } => "closed",
        }
    }

    /// The server's English, for API clients and staff.
    pub fn message(&self) -> String {
        match self {
            RefusalReason::ReviewWindowClosed { last_day } => format!(
                "You can no longer ask for a review. The last day to ask was {}.",
                long_date(*last_day)
            ),
            RefusalReason::ReviewBeforeResponse { stage } => format!(
                "You can ask for a review once we have sent our stage {stage} response."
            ),
            RefusalReason::LastStage { stage, panel: true } => format!(
                "Stage {stage} is the last stage of our complaints process. You can ask for a panel to review it instead."
            ),
            RefusalReason::LastStage { stage, panel: false } => format!(
                "Stage {stage} is the last stage of our complaints process. If you are still unhappy, you can ask the Housing Ombudsman to look at your complaint."
            ),
            RefusalReason::WithThePanel => "The complaint is already with the panel.".to_owned(),
            RefusalReason::PanelWindowClosed { last_day } => format!(
                "You can no longer ask for a panel. The last day to ask was {}.",
                long_date(*last_day)
            ),
            RefusalReason::PanelBeforeResponse { stage } => format!(
                "You can ask for a panel once we have sent our stage {stage} response."
            ),
            RefusalReason::PanelAlreadyRequested => "You have already asked for a panel.".to_owned(),
            RefusalReason::PanelAfterOmbudsman => {
                "A panel cannot be held once the complaint has gone to the Housing Ombudsman.".to_owned()
            }
            RefusalReason::WrittenSubmissionsNotAllowed => {
                "This landlord's panel does not take written submissions: you would need to attend.".to_owned()
            }
            RefusalReason::LegalRepresentativeNotAllowed => {
                "A legal representative cannot come to the panel under this landlord's policy.".to_owned()
            }
            RefusalReason::SatisfactionBeforeResponse => {
                "Satisfaction can be recorded once we have responded to the complaint.".to_owned()
            }
            RefusalReason::SatisfactionAlreadyRecorded => {
                "You have already told us if you are satisfied with this response.".to_owned()
            }
            RefusalReason::AlreadyWithdrawn => "This complaint has already been withdrawn.".to_owned(),
            RefusalReason::Withdrawn { on } => format!(
                "This complaint was withdrawn on {}. It would need to be reopened first.",
                long_date(*on)
            ),
            RefusalReason::Closed { on } => format!(
                "This complaint was closed on {}. It would need to be reopened first.",
                long_date(*on)
            ),
        }
    }
}

impl From<RefusalReason> for Refusal {
    fn from(reason: RefusalReason) -> Self {
        Self {
            code: reason.code().to_owned(),
            message: reason.message(),
            reason: Some(reason),
        }
    }
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Refusal {}

/// An extension of a stage's response date.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
pub struct ExtensionGranted {
    /// The day the extension was made.
    pub on: NaiveDate,
    pub reason: String,
    /// The response date before this extension.
    pub previous_date: NaiveDate,
    /// The policy's response date before any extension, as it stood at the
    /// first extension; later extensions are limited from it.
    pub original_date: NaiveDate,
    /// What the original date was counted from.
    pub counted_from: NaiveDate,
    /// How the original date was counted.
    pub original_basis: Basis,
    pub new_date: NaiveDate,
    /// The latest date the policy allows without the resident's agreement
    /// (`None`: the policy sets no limit).
    pub limit: Option<NaiveDate>,
    pub agreed_with_resident: bool,
}

/// A response at a stage.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
pub struct Response {
    pub on: NaiveDate,
    pub outcome: Option<Outcome>,
    pub reasons: String,
    pub remedies: Vec<Remedy>,
    pub outstanding_actions: Vec<OutstandingAction>,
}

/// Where one stage stands.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
pub struct StageState {
    /// The policy's stage number (1, 2, ...).
    pub number: u8,
    /// The day the stage started: the complaint's receipt, or the request for it.
    pub started_on: NaiveDate,
    /// The resident's reason for asking for this stage, if they gave one.
    pub escalation_reason: Option<String>,
    pub acknowledged_on: Option<NaiveDate>,
    pub extensions: Vec<ExtensionGranted>,
    pub response: Option<Response>,
}

/// A refusal to escalate.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
pub struct EscalationRefusal {
    pub on: NaiveDate,
    /// The stage that was asked for.
    pub stage: u8,
    pub reasons: String,
}

/// Where the panel stands.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
pub struct PanelState {
    pub requested_on: NaiveDate,
    pub attendance: Attendance,
    pub representative: Option<Representative>,
    pub held_on: Option<NaiveDate>,
    pub outcome: Option<PanelDecision>,
}

/// The panel's decision.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
pub struct PanelDecision {
    pub on: NaiveDate,
    pub outcome: Outcome,
    pub reasons: String,
}

/// A request for information and its answer.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
pub struct InformationRequest {
    pub on: NaiveDate,
    pub what: String,
    pub answered_on: Option<NaiveDate>,
}

/// Information the resident added.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
pub struct InformationGiven {
    pub on: NaiveDate,
    pub text: String,
}

/// The resident's satisfaction.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
pub struct Satisfaction {
    pub on: NaiveDate,
    pub satisfied: bool,
    pub comment: Option<String>,
    /// How many responses (stage responses and a panel's decision) there
    /// had been when it was recorded: satisfaction is asked once of each.
    /// Worked out again from the events, so it never travels.
    #[serde(skip)]
    #[cfg_attr(feature = "openapi", schemars(skip))]
    pub after_responses: usize,
}

/// A closure or a withdrawal.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
pub struct Closure {
    pub on: NaiveDate,
    pub why: ClosedWhy,
}

/// A withdrawal.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
pub struct Withdrawal {
    pub on: NaiveDate,
    pub reason: Option<String>,
}

/// A case's state, derived from its events.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
pub struct CaseState {
    pub kind: CaseKind,
    pub received_on: NaiveDate,
    /// When the case was first recorded.
    pub received_at: DateTime<Utc>,
    /// Who raised it.
    pub raised_by: Actor,
    pub caseworker: Option<String>,
    /// For a compliment or a comment: the day it was acknowledged.
    pub acknowledged_on: Option<NaiveDate>,
    /// For a compliment or a comment: the day it was answered.
    pub responded_on: Option<NaiveDate>,
    /// The complaint's stages so far, in order; the last is the current one.
    /// Empty for a compliment or a comment.
    pub stages: Vec<StageState>,
    pub escalation_refusals: Vec<EscalationRefusal>,
    pub panel: Option<PanelState>,
    pub information_requests: Vec<InformationRequest>,
    pub information_given: Vec<InformationGiven>,
    pub satisfaction: Option<Satisfaction>,
    pub withdrawn: Option<Withdrawal>,
    pub closed: Option<Closure>,
    /// The day the complaint went to the Housing Ombudsman.
    pub referred_to_ombudsman_on: Option<NaiveDate>,
    /// Reasons the case was reopened, in order.
    pub reopened: Vec<String>,
    /// The day of the latest event.
    pub last_event_on: NaiveDate,
}

impl CaseState {
    /// The current stage of a complaint.
    pub fn current_stage(&self) -> Option<&StageState> {
        self.stages.last()
    }

    /// Whether the case is closed or withdrawn.
    pub fn is_finished(&self) -> bool {
        self.closed.is_some() || self.withdrawn.is_some()
    }

    fn current_stage_mut(&mut self) -> Option<&mut StageState> {
        self.stages.last_mut()
    }
}

/// The UK calendar day of a moment: British Summer Time (UTC+1) runs from
/// 01:00 UTC on the last Sunday of March to 01:00 UTC on the last Sunday of October.
pub fn uk_date(at: DateTime<Utc>) -> NaiveDate {
    let year = at.year();
    let start = last_sunday_one_am(year, 3);
    let end = last_sunday_one_am(year, 10);
    let in_bst = match (start, end) {
        (Some(start), Some(end)) => at >= start && at < end,
        _ => false,
    };
    if in_bst {
        (at + Duration::hours(1)).date_naive()
    } else {
        at.date_naive()
    }
}

fn last_sunday_one_am(year: i32, month: u32) -> Option<DateTime<Utc>> {
    let last = NaiveDate::from_ymd_opt(year, month + 1, 1)?.pred_opt()?;
    let sunday = last - Duration::days(i64::from(last.weekday().num_days_from_sunday()));
    let moment = sunday.and_hms_opt(1, 0, 0)?;
    let utc = Utc.from_utc_datetime(&moment);
    debug_assert_eq!(utc.hour(), 1);
    debug_assert_eq!(sunday.weekday(), Weekday::Sun);
    Some(utc)
}

/// Replays a case's events, in order, into its state. The first event must be
/// `received`. The first event that is not allowed is refused.
pub fn replay(
    policy: &Policy,
    calendar: &Calendar,
    records: &[EventRecord],
) -> Result<CaseState, Refusal> {
    let (first, rest) = records.split_first().ok_or_else(|| {
        Refusal::new(
            "no_events",
            "This case has no events: it must start with its receipt.",
        )
    })?;
    let mut state = start(policy, first)?;
    for record in rest {
        state = apply(&state, policy, calendar, record)?;
    }
    Ok(state)
}

/// The state a case starts in: its first event must be `received`.
pub fn start(policy: &Policy, record: &EventRecord) -> Result<CaseState, Refusal> {
    let Event::Received { kind, received_on } = &record.event else {
        return Err(Refusal::new(
            "not_received",
            "A case must start with its receipt.",
        ));
    };
    let mut stages = Vec::new();
    if *kind == CaseKind::Complaint {
        let first = policy.stages.first().ok_or_else(|| {
            Refusal::new(
                "no_stages",
                "This landlord's policy has no complaint stages, so a complaint cannot be started.",
            )
        })?;
        stages.push(StageState {
            number: first.number,
            started_on: *received_on,
            escalation_reason: None,
            acknowledged_on: None,
            extensions: Vec::new(),
            response: None,
        });
    }
    Ok(CaseState {
        kind: *kind,
        received_on: *received_on,
        received_at: record.at,
        raised_by: record.actor.clone(),
        caseworker: None,
        acknowledged_on: None,
        responded_on: None,
        stages,
        escalation_refusals: Vec::new(),
        panel: None,
        information_requests: Vec::new(),
        information_given: Vec::new(),
        satisfaction: None,
        withdrawn: None,
        closed: None,
        referred_to_ombudsman_on: None,
        reopened: Vec::new(),
        last_event_on: *received_on,
    })
}

/// Applies one more event to a case, or says why it is not allowed.
pub fn apply(
    state: &CaseState,
    policy: &Policy,
    calendar: &Calendar,
    record: &EventRecord,
) -> Result<CaseState, Refusal> {
    let on = record.date();
    if on < state.received_on {
        return Err(Refusal::new(
            "before_receipt",
            format!(
                "This cannot be dated {}, before the {} was received on {}.",
                long_date(on),
                state.kind.noun(),
                long_date(state.received_on)
            ),
        ));
    }
    let mut next = state.clone();
    next.last_event_on = next.last_event_on.max(on);

    if state.kind != CaseKind::Complaint {
        apply_feedback(&mut next, &record.event, on)?;
        return Ok(next);
    }

    // After closure (or withdrawal), only reopening and going to the Ombudsman.
    if state.is_finished()
        && !matches!(
            record.event,
            Event::Reopened { .. } | Event::ReferredToOmbudsman
        )
    {
        return Err(if let Some(w) = &state.withdrawn {
            if matches!(record.event, Event::Withdrawn { .. }) {
                RefusalReason::AlreadyWithdrawn.into()
            } else {
                RefusalReason::Withdrawn { on: w.on }.into()
            }
        } else {
            let closed_on = state
                .closed
                .as_ref()
                .map(|c| c.on)
                .unwrap_or(state.last_event_on);
            RefusalReason::Closed { on: closed_on }.into()
        });
    }

    match &record.event {
        Event::Received { .. } => {
            return Err(Refusal::new(
                "already_received",
                "This complaint has already been received.",
            ));
        }
        Event::Acknowledged => {
            let stage = current(&mut next)?;
            if stage.acknowledged_on.is_some() {
                return Err(Refusal::new(
                    "already_acknowledged",
                    "This stage has already been acknowledged.",
                ));
            }
            not_before(on, stage.started_on, "acknowledged")?;
            stage.acknowledged_on = Some(on);
        }
        Event::Assigned { caseworker } => {
            let name = caseworker.trim();
            if name.is_empty() {
                return Err(Refusal::new(
                    "caseworker_missing",
                    "Enter the caseworker's name.",
                ));
            }
            next.caseworker = Some(name.to_owned());
        }
        Event::Extended {
            reason,
            new_date,
            agreed_with_resident,
        } => {
            extend(
                &mut next,
                policy,
                calendar,
                on,
                reason,
                *new_date,
                *agreed_with_resident,
            )?;
        }
        Event::InformationRequested { what } => {
            if what.trim().is_empty() {
                return Err(Refusal::new(
                    "information_missing",
                    "Say what information you need.",
                ));
            }
            next.information_requests.push(InformationRequest {
                on,
                what: what.trim().to_owned(),
                answered_on: None,
            });
        }
        Event::InformationGiven { text } => {
            if text.trim().is_empty() {
                return Err(Refusal::new(
                    "information_missing",
                    "Enter the information you want to add.",
                ));
            }
            if let Some(open) = next
                .information_requests
                .iter_mut()
                .find(|r| r.answered_on.is_none())
            {
                open.answered_on = Some(on);
            }
            next.information_given.push(InformationGiven {
                on,
                text: text.trim().to_owned(),
            });
        }
        Event::Responded {
            outcome,
            reasons,
            remedies,
            outstanding_actions,
        } => {
            let Some(outcome) = outcome else {
                return Err(Refusal::new(
                    "outcome_missing",
                    "Say whether the complaint is upheld, partly upheld or not upheld.",
                ));
            };
            if next.panel.is_some() {
                return Err(Refusal::new(
                    "panel_under_way",
                    "The complaint is with the panel: record the panel's outcome instead.",
                ));
            }
            let stage = current(&mut next)?;
            if stage.response.is_some() {
                return Err(Refusal::new(
                    "already_responded",
                    format!("We have already responded at stage {}.", stage.number),
                ));
            }
            not_before(on, stage.started_on, "responded to")?;
            stage.response = Some(Response {
                on,
                outcome: Some(*outcome),
                reasons: reasons.clone(),
                remedies: remedies.clone(),
                outstanding_actions: outstanding_actions.clone(),
            });
        }
        Event::EscalationRequested { reason } => {
            escalate(&mut next, policy, calendar, on, reason.clone())?;
        }
        Event::EscalationRefused { reasons } => {
            if reasons.trim().is_empty() {
                return Err(Refusal::new(
                    "reasons_missing",
                    "Give the reasons for refusing to escalate the complaint.",
                ));
            }
            let Some(stage) = next.current_stage() else {
                return Err(no_stage());
            };
            if stage.number == first_stage_number(policy)
                || stage.acknowledged_on.is_some()
                || stage.response.is_some()
            {
                return Err(Refusal::new(
                    "no_escalation_to_refuse",
                    "There is no request to escalate this complaint waiting for a decision.",
                ));
            }
            let number = stage.number;
            next.stages.pop();
            next.escalation_refusals.push(EscalationRefusal {
                on,
                stage: number,
                reasons: reasons.trim().to_owned(),
            });
        }
        Event::PanelRequested {
            attendance,
            representative,
        } => {
            request_panel(
                &mut next,
                policy,
                calendar,
                on,
                *attendance,
                representative.clone(),
            )?;
        }
        Event::PanelHeld { date } => {
            let panel_policy = policy.panel.as_ref().ok_or_else(no_panel)?;
            if panel_policy.not_after_ombudsman && next.referred_to_ombudsman_on.is_some() {
                return Err(Refusal::new(
                    "panel_after_ombudsman",
                    "A panel cannot be held once the complaint has gone to the Housing Ombudsman.",
                ));
            }
            let panel = next.panel.as_mut().ok_or_else(|| {
                Refusal::new(
                    "panel_not_requested",
                    "A panel cannot be held before the resident has asked for one.",
                )
            })?;
            if panel.outcome.is_some() {
                return Err(Refusal::new(
                    "panel_decided",
                    "The panel has already decided this complaint.",
                ));
            }
            not_before(*date, panel.requested_on, "held")?;
            panel.held_on = Some(*date);
        }
        Event::PanelOutcome { outcome, reasons } => {
            let panel = next.panel.as_mut().ok_or_else(|| {
                Refusal::new(
                    "panel_not_requested",
                    "There is no panel to record an outcome for.",
                )
            })?;
            let Some(held_on) = panel.held_on else {
                return Err(Refusal::new(
                    "panel_not_held",
                    "The panel has not met yet, so it has no outcome.",
                ));
            };
            if panel.outcome.is_some() {
                return Err(Refusal::new(
                    "panel_decided",
                    "The panel has already decided this complaint.",
                ));
            }
            not_before(on, held_on, "decided")?;
            panel.outcome = Some(PanelDecision {
                on,
                outcome: *outcome,
                reasons: reasons.clone(),
            });
        }
        Event::SatisfactionRecorded { satisfied, comment } => {
            let responses = next.stages.iter().filter(|s| s.response.is_some()).count()
                + usize::from(next.panel.as_ref().is_some_and(|p| p.outcome.is_some()));
            if responses == 0 {
                return Err(RefusalReason::SatisfactionBeforeResponse.into());
            }
            if next
                .satisfaction
                .as_ref()
                .is_some_and(|given| given.after_responses == responses)
            {
                return Err(RefusalReason::SatisfactionAlreadyRecorded.into());
            }
            next.satisfaction = Some(Satisfaction {
                on,
                satisfied: *satisfied,
                comment: comment.clone(),
                after_responses: responses,
            });
        }
        Event::Withdrawn { reason } => {
            next.withdrawn = Some(Withdrawal {
                on,
                reason: reason.clone(),
            });
        }
        Event::Closed { why } => {
            if let ClosedWhy::Other(text) = why {
                if text.trim().is_empty() {
                    return Err(Refusal::new(
                        "closed_reason_missing",
                        "Say why the complaint is being closed.",
                    ));
                }
            }
            next.closed = Some(Closure {
                on,
                why: why.clone(),
            });
        }
        Event::ReferredToOmbudsman => {
            if next.referred_to_ombudsman_on.is_some() {
                return Err(Refusal::new(
                    "already_with_ombudsman",
                    "This complaint has already gone to the Housing Ombudsman.",
                ));
            }
            next.referred_to_ombudsman_on = Some(on);
        }
        Event::Reopened { reason } => {
            if !state.is_finished() {
                return Err(Refusal::new(
                    "not_closed",
                    "Only a closed or withdrawn complaint can be reopened.",
                ));
            }
            if reason.trim().is_empty() {
                return Err(Refusal::new(
                    "reopen_reason_missing",
                    "Say why the complaint is being reopened.",
                ));
            }
            next.closed = None;
            next.withdrawn = None;
            next.reopened.push(reason.trim().to_owned());
        }
    }
    Ok(next)
}

/// Compliments and comments: received, acknowledged, responded, closed.
fn apply_feedback(next: &mut CaseState, event: &Event, on: NaiveDate) -> Result<(), Refusal> {
    let noun = next.kind.noun();
    if next.closed.is_some() {
        return Err(Refusal::new(
            "closed",
            format!("This {noun} has been closed."),
        ));
    }
    match event {
        Event::Acknowledged if next.acknowledged_on.is_none() => next.acknowledged_on = Some(on),
        Event::Acknowledged => {
            return Err(Refusal::new(
                "already_acknowledged",
                format!("This {noun} has already been acknowledged."),
            ))
        }
        Event::Responded { .. } if next.responded_on.is_none() => next.responded_on = Some(on),
        Event::Responded { .. } => {
            return Err(Refusal::new(
                "already_responded",
                format!("We have already replied to this {noun}."),
            ))
        }
        Event::Closed { why } => {
            next.closed = Some(Closure {
                on,
                why: why.clone(),
            })
        }
        _ => {
            return Err(Refusal::new(
                "not_a_complaint",
                format!(
                    "This is a {noun}, not a complaint: it has no stages, so this does not apply."
                ),
            ))
        }
    }
    Ok(())
}

fn no_stage() -> Refusal {
    Refusal::new("no_stage", "This complaint has no stage under way.")
}

fn no_panel() -> Refusal {
    Refusal::new("no_panel", "This landlord's policy has no stage 3 panel.")
}

fn current(state: &mut CaseState) -> Result<&mut StageState, Refusal> {
    state.current_stage_mut().ok_or_else(no_stage)
}

fn first_stage_number(policy: &Policy) -> u8 {
    policy.stages.first().map(|s| s.number).unwrap_or(1)
}

fn not_before(on: NaiveDate, earliest: NaiveDate, verb: &str) -> Result<(), Refusal> {
    if on < earliest {
        Err(Refusal::new(
            "date_too_early",
            format!(
                "This cannot be {verb} on {}, before {}.",
                long_date(on),
                long_date(earliest)
            ),
        ))
    } else {
        Ok(())
    }
}

fn out_of_range(e: crate::calendar::CalendarError) -> Refusal {
    Refusal::new("date_out_of_range", e.to_string())
}

/// The policy's stage for a stage number.
pub fn policy_stage(policy: &Policy, number: u8) -> Option<&Stage> {
    policy.stages.iter().find(|s| s.number == number)
}

fn policy_stage_or_refuse(policy: &Policy, number: u8) -> Result<&Stage, Refusal> {
    policy_stage(policy, number).ok_or_else(|| {
        Refusal::new(
            "policy_mismatch",
            format!("This landlord's policy has no stage {number}."),
        )
    })
}

/// The last day to ask for the stage after `stage` (`None`: no window), or
/// why there is no next stage.
pub(crate) fn escalation_last_day(
    policy: &Policy,
    calendar: &Calendar,
    stage: &StageState,
) -> Result<Option<NaiveDate>, Refusal> {
    let rules = policy_stage_or_refuse(policy, stage.number)?;
    let Some(response) = &stage.response else {
        return Err(RefusalReason::ReviewBeforeResponse {
            stage: stage.number,
        }
        .into());
    };
    if !policy.stages.iter().any(|s| s.number > stage.number) {
        return Err(RefusalReason::LastStage {
            stage: stage.number,
            panel: policy.panel.is_some(),
        }
        .into());
    }
    match rules.next_stage_window {
        Some(days) => Ok(Some(
            calendar
                .add_working_days(response.on, days)
                .map_err(out_of_range)?
                .date,
        )),
        None => Ok(None),
    }
}

fn escalate(
    next: &mut CaseState,
    policy: &Policy,
    calendar: &Calendar,
    on: NaiveDate,
    reason: Option<String>,
) -> Result<(), Refusal> {
    if next.panel.is_some() {
        return Err(RefusalReason::WithThePanel.into());
    }
    let stage = next.current_stage().ok_or_else(no_stage)?;
    let last_day = escalation_last_day(policy, calendar, stage)?;
    let responded_on = stage
        .response
        .as_ref()
        .map(|r| r.on)
        .unwrap_or(stage.started_on);
    not_before(on, responded_on, "asked for")?;
    if let Some(last_day) = last_day {
        if on > last_day {
            return Err(RefusalReason::ReviewWindowClosed { last_day }.into());
        }
    }
    let number = policy
        .stages
        .iter()
        .map(|s| s.number)
        .filter(|n| *n > stage.number)
        .min()
        .ok_or_else(no_stage)?;
    next.stages.push(StageState {
        number,
        started_on: on,
        escalation_reason: reason
            .map(|r| r.trim().to_owned())
            .filter(|r| !r.is_empty()),
        acknowledged_on: None,
        extensions: Vec::new(),
        response: None,
    });
    Ok(())
}

/// The last day to ask for the panel, or why a panel cannot be asked for.
pub(crate) fn panel_last_day(
    policy: &Policy,
    calendar: &Calendar,
    state: &CaseState,
) -> Result<NaiveDate, Refusal> {
    let panel = policy.panel.as_ref().ok_or_else(no_panel)?;
    if state.panel.is_some() {
        return Err(RefusalReason::PanelAlreadyRequested.into());
    }
    if panel.not_after_ombudsman && state.referred_to_ombudsman_on.is_some() {
        return Err(RefusalReason::PanelAfterOmbudsman.into());
    }
    let last_number = policy.stages.iter().map(|s| s.number).max();
    let stage = state.current_stage().ok_or_else(no_stage)?;
    let response = match (&stage.response, Some(stage.number) == last_number) {
        (Some(response), true) => response,
        _ => {
            return Err(RefusalReason::PanelBeforeResponse {
                stage: last_number.unwrap_or(stage.number),
            }
            .into())
        }
    };
    Ok(calendar
        .add_working_days(response.on, panel.request_window)
        .map_err(out_of_range)?
        .date)
}

fn request_panel(
    next: &mut CaseState,
    policy: &Policy,
    calendar: &Calendar,
    on: NaiveDate,
    attendance: Attendance,
    representative: Option<Representative>,
) -> Result<(), Refusal> {
    let last_day = panel_last_day(policy, calendar, next)?;
    let panel = policy.panel.as_ref().ok_or_else(no_panel)?;
    if let Some(response) = next.current_stage().and_then(|s| s.response.as_ref()) {
        not_before(on, response.on, "asked for")?;
    }
    if on > last_day {
        return Err(RefusalReason::PanelWindowClosed { last_day }.into());
    }
    if attendance == Attendance::WrittenSubmissions && !panel.written_submissions {
        return Err(RefusalReason::WrittenSubmissionsNotAllowed.into());
    }
    if let Some(rep) = &representative {
        let relation = rep.relation.trim().to_lowercase();
        if rep.name.trim().is_empty() {
            return Err(Refusal::new(
                "representative_name_missing",
                "Enter the name of the person coming with you.",
            ));
        }
        let legal = ["legal", "solicitor", "lawyer", "barrister"]
            .iter()
            .any(|w| relation.contains(w));
        if legal && !panel.legal_representative_allowed {
            return Err(RefusalReason::LegalRepresentativeNotAllowed.into());
        }
        let allowed = panel
            .representatives
            .iter()
            .any(|r| r.trim().to_lowercase() == relation)
            || (legal && panel.legal_representative_allowed);
        if !allowed {
            let who: Vec<String> = panel
                .representatives
                .iter()
                .map(|r| with_article(r))
                .collect();
            return Err(Refusal::new(
                "representative_not_allowed",
                if who.is_empty() {
                    "This landlord's panel does not allow anyone to come with you.".to_owned()
                } else {
                    format!(
                        "You can bring {} to the panel.",
                        crate::calendar::join_words(&who, "or")
                    )
                },
            ));
        }
    }
    next.panel = Some(PanelState {
        requested_on: on,
        attendance,
        representative: representative.map(|r| Representative {
            name: r.name.trim().to_owned(),
            relation: r.relation.trim().to_lowercase(),
        }),
        held_on: None,
        outcome: None,
    });
    Ok(())
}

fn with_article(noun: &str) -> String {
    let noun = noun.trim();
    match noun.chars().next() {
        Some(c) if "aeiouAEIOU".contains(c) => format!("an {noun}"),
        _ => format!("a {noun}"),
    }
}

/// The response date of a stage as the policy sets it, before any extension,
/// with what it counts from.
pub(crate) struct RespondTarget {
    pub counted_from: NaiveDate,
    pub days: u32,
    pub date: NaiveDate,
    pub basis: Basis,
}

fn stage_noun(number: u8) -> String {
    if number <= 1 {
        "your complaint".to_owned()
    } else {
        format!("your request for stage {number}")
    }
}

pub(crate) fn acknowledge_target(
    rules: &Stage,
    stage: &StageState,
    calendar: &Calendar,
) -> Option<RespondTarget> {
    let target = rules.acknowledge?;
    let counted = calendar
        .add_working_days(stage.started_on, target.days)
        .ok()?;
    Some(RespondTarget {
        counted_from: stage.started_on,
        days: target.days,
        date: counted.date,
        basis: Basis::new(
            target.days,
            BasisFrom::Received {
                stage: stage.number,
            },
        ),
    })
}

/// The stage's response date before any extension. Once the date has been
/// extended, the original is the one recorded at the first extension, so a
/// late acknowledgement cannot move it.
pub(crate) fn original_respond_target(
    rules: &Stage,
    stage: &StageState,
    calendar: &Calendar,
) -> Option<RespondTarget> {
    if let Some(first) = stage.extensions.first() {
        return Some(RespondTarget {
            counted_from: first.counted_from,
            days: rules.respond.days,
            date: first.original_date,
            basis: first.original_basis.clone(),
        });
    }
    policy_respond_target(rules, stage, calendar)
}

fn policy_respond_target(
    rules: &Stage,
    stage: &StageState,
    calendar: &Calendar,
) -> Option<RespondTarget> {
    use crate::policy::TargetFrom;
    let days = rules.respond.days;
    let stage_number = stage.number;
    let (counted_from, from) = match (rules.respond.from, stage.acknowledged_on) {
        (TargetFrom::Receipt, _) => (
            stage.started_on,
            BasisFrom::Received {
                stage: stage_number,
            },
        ),
        (TargetFrom::Acknowledgement, Some(ack)) => (
            ack,
            BasisFrom::Acknowledged {
                stage: stage_number,
            },
        ),
        (TargetFrom::Acknowledgement, None) => match acknowledge_target(rules, stage, calendar) {
            Some(ack) => (
                ack.date,
                BasisFrom::AcknowledgeDue {
                    stage: stage_number,
                    date: ack.date,
                },
            ),
            None => (
                stage.started_on,
                BasisFrom::ReceivedNotAcknowledged {
                    stage: stage_number,
                },
            ),
        },
    };
    let counted = calendar.add_working_days(counted_from, days).ok()?;
    Some(RespondTarget {
        counted_from,
        days,
        date: counted.date,
        basis: Basis::new(days, from),
    })
}

/// "1 working day", "10 working days".
pub(crate) fn working_days(n: u32) -> String {
    if n == 1 {
        "1 working day".to_owned()
    } else {
        format!("{n} working days")
    }
}

/// The latest response date the policy allows for a stage without the
/// resident's agreement, with a sentence saying why (`None`: no limit).
pub(crate) fn extension_limit(
    rules: &Stage,
    stage: &StageState,
    calendar: &Calendar,
) -> Result<Option<(NaiveDate, String)>, Refusal> {
    let Some(ext) = &rules.extension else {
        return Ok(None);
    };
    let original = original_respond_target(rules, stage, calendar).ok_or_else(|| {
        Refusal::new(
            "date_out_of_range",
            "The response date is outside the working-day calendar.",
        )
    })?;
    let mut limits: Vec<(NaiveDate, String)> = Vec::new();
    if let Some(max) = ext.max_days {
        let date = calendar
            .add_working_days(original.date, max)
            .map_err(out_of_range)?
            .date;
        limits.push((
            date,
            format!(
                "{} after the original date, {}",
                working_days(max),
                long_date(original.date)
            ),
        ));
    }
    if let Some(total) = ext.max_total_days_from_receipt {
        let date = calendar
            .add_working_days(stage.started_on, total)
            .map_err(out_of_range)?
            .date;
        limits.push((
            date,
            format!(
                "{} after we received {}",
                working_days(total),
                stage_noun(stage.number)
            ),
        ));
    }
    Ok(limits.into_iter().min_by_key(|(d, _)| *d))
}

/// The response date now in force for a stage: the latest extension's, or the original.
pub(crate) fn current_respond_date(
    rules: &Stage,
    stage: &StageState,
    calendar: &Calendar,
) -> Option<NaiveDate> {
    match stage.extensions.last() {
        Some(ext) => Some(ext.new_date),
        None => original_respond_target(rules, stage, calendar).map(|t| t.date),
    }
}

fn extend(
    next: &mut CaseState,
    policy: &Policy,
    calendar: &Calendar,
    on: NaiveDate,
    reason: &str,
    new_date: NaiveDate,
    agreed_with_resident: bool,
) -> Result<(), Refusal> {
    if next.panel.is_some() {
        return Err(Refusal::new(
            "panel_under_way",
            "The panel's dates cannot be extended.",
        ));
    }
    let stage = next.current_stage().ok_or_else(no_stage)?;
    let rules = policy_stage_or_refuse(policy, stage.number)?;
    if stage.response.is_some() {
        return Err(Refusal::new(
            "already_responded",
            format!(
                "We have already responded at stage {}, so the date cannot be extended.",
                stage.number
            ),
        ));
    }
    let Some(ext_rules) = &rules.extension else {
        return Err(Refusal::new(
            "no_extension",
            format!(
                "This landlord's policy does not allow the stage {} response date to be extended.",
                stage.number
            ),
        ));
    };
    if reason.trim().is_empty() {
        return Err(Refusal::new(
            "extension_reason_missing",
            "Give the reason for the extension.",
        ));
    }
    if !calendar.is_working_day(new_date) {
        return Err(Refusal::new(
            "extension_not_working_day",
            format!(
                "The new date must be a working day: {} is not.",
                long_date(new_date)
            ),
        ));
    }
    let previous = current_respond_date(rules, stage, calendar).ok_or_else(|| {
        Refusal::new(
            "date_out_of_range",
            "The response date is outside the working-day calendar.",
        )
    })?;
    if new_date <= previous {
        return Err(Refusal::new(
            "extension_not_later",
            format!(
                "The new date must be after the current response date, {}.",
                long_date(previous)
            ),
        ));
    }
    let limit = extension_limit(rules, stage, calendar)?;
    let original = original_respond_target(rules, stage, calendar).ok_or_else(|| {
        Refusal::new(
            "date_out_of_range",
            "The response date is outside the working-day calendar.",
        )
    })?;
    if let Some((limit_date, why)) = &limit {
        if new_date > *limit_date && !(ext_rules.beyond_by_agreement && agreed_with_resident) {
            let agreement = if ext_rules.beyond_by_agreement {
                " unless the resident agrees to a later date"
            } else {
                ""
            };
            return Err(Refusal::new(
                "extension_too_long",
                format!(
                    "The new date can be no later than {} ({why}){agreement}.",
                    long_date(*limit_date)
                ),
            ));
        }
    }
    let stage = current(next)?;
    stage.extensions.push(ExtensionGranted {
        on,
        reason: reason.trim().to_owned(),
        previous_date: previous,
        original_date: original.date,
        counted_from: original.counted_from,
        original_basis: original.basis,
        new_date,
        limit: limit.map(|(d, _)| d),
        agreed_with_resident,
    });
    Ok(())
}
