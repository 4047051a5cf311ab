//! Why an event was not accepted.
//!
//! Every refusal is a [`Refused`]: which rule said no, with the facts it
//! needs (dates, stages, what was missing). From it come the stable
//! snake_case code programs match on, the English message API clients and
//! staff read, and, for a refusal a resident can meet, the [`RefusalReason`]
//! the app words in the resident's own language. The codes are part of the
//! API: several refusals share one where a client needs no finer split.

use std::fmt;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::deadlines::ExtensionLimit;
use super::CaseKind;
use crate::calendar::{join_words, long_date, CalendarError};

/// A refusal as the API answers it: `code` is stable snake_case for
/// programs; `message` is English for API clients and staff; a refusal a
/// resident can meet also carries its `reason` as typed facts, which the app
/// words itself. All three are worked out from `why`: build one with
/// `Refused::….into()`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Refusal {
    pub code: &'static str,
    pub message: String,
    pub reason: Option<RefusalReason>,
    pub why: Refused,
}

impl From<Refused> for Refusal {
    fn from(why: Refused) -> Self {
        Self {
            code: why.code(),
            message: why.message(),
            reason: match &why {
                Refused::Resident(reason) => Some(reason.clone()),
                _ => None,
            },
            why,
        }
    }
}

impl From<RefusalReason> for Refusal {
    fn from(reason: RefusalReason) -> Self {
        Refused::Resident(reason).into()
    }
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Refusal {}

/// What was being done when a date came too early: "This cannot be
/// *acknowledged* on …, before …".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Act {
    Acknowledged,
    AskedFor,
    RespondedTo,
    Held,
    Decided,
    Done,
}

impl Act {
    fn verb(self) -> &'static str {
        match self {
            Act::Acknowledged => "acknowledged",
            Act::AskedFor => "asked for",
            Act::RespondedTo => "responded to",
            Act::Held => "held",
            Act::Decided => "decided",
            Act::Done => "marked done",
        }
    }
}

/// Which rule refused an event, with its facts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refused {
    /// A refusal a resident (or their advocate) can meet.
    Resident(RefusalReason),
    // Replaying and starting a case.
    NoEvents,
    NotReceived,
    NoStages,
    AlreadyReceived,
    BeforeReceipt {
        on: NaiveDate,
        kind: CaseKind,
        received_on: NaiveDate,
    },
    DateTooEarly {
        act: Act,
        on: NaiveDate,
        earliest: NaiveDate,
    },
    /// The working-day calendar could not count a date.
    DateOutOfRange(CalendarError),
    /// The stage's response date could not be counted.
    ResponseDateOutOfRange,
    PolicyMismatch {
        stage: u8,
    },
    NoStage,
    NoPanel,
    // Staff actions on a complaint.
    StageAlreadyAcknowledged,
    CaseworkerMissing,
    /// The caseworker dealt with an earlier stage (Code 6.13).
    HandledEarlierStage {
        name: String,
        earlier: u8,
        stage: u8,
    },
    InformationRequestMissing,
    InformationMissing,
    /// A complaint definition needs both its parts (Code 5.6).
    DefinitionIncomplete,
    /// There is no complaint definition at this stage, or the stage's
    /// response has been sent.
    NoDefinitionToQuery,
    // Taking a complaint on, or not.
    DecisionPending,
    NoDecisionPending,
    AcceptReasonMissing,
    DeclineReasonsMissing,
    /// The exception named is not one the policy lists.
    NotAListedException {
        listed: Vec<String>,
    },
    /// Out of time, and the policy gives no discretion: only a listed
    /// exception can take it on.
    NoDiscretion {
        listed: Vec<String>,
    },
    OutcomeMissing,
    RespondWithThePanel,
    AlreadyResponded {
        stage: u8,
    },
    EscalationReasonsMissing,
    NoEscalationToRefuse,
    /// The policy does not let `stage` be reopened instead of escalated.
    NoReopeningAtStage {
        stage: u8,
    },
    ReopeningReasonsMissing,
    PanelHeldAfterOmbudsman,
    PanelNotRequested,
    NoPanelForOutcome,
    PanelNotHeld,
    PanelDecided,
    /// The panel met on `on`: its date can no longer be put back, nor the
    /// panel dispensed with.
    PanelAlreadyMet {
        on: NaiveDate,
    },
    PanelDelayReasonMissing,
    PanelDateNotWorkingDay {
        date: NaiveDate,
    },
    PanelDateNotLater {
        current: NaiveDate,
    },
    /// The policy does not let the panel be dispensed with.
    NoDispensing,
    DispensingReasonMissing,
    /// The panel may still meet by `by`, and its date has not been put back.
    PanelNotLate {
        by: NaiveDate,
    },
    /// Closing "panel dispensed with" is recorded as the agreement itself.
    CloseByDispensing,
    /// The complaint did not come through a councillor or MP.
    NotThroughCouncillorOrMp,
    /// The councillor or MP was already answered, on `on`.
    CouncillorOrMpAnswered {
        on: NaiveDate,
    },
    ClosedReasonMissing,
    // Promises kept to the end (issue 16, item 4).
    /// A promised action needs what it is, who does it, and a date.
    ActionDescriptionMissing,
    ActionOwnerMissing,
    /// A promised action cannot be due before the day it is promised.
    ActionDueTooEarly {
        due: NaiveDate,
        earliest: NaiveDate,
    },
    /// A financial remedy needs its amount.
    RemedyAmountMissing,
    /// Money, an amount or a settlement on a remedy that is not financial.
    NotAFinancialRemedy,
    /// The policy does not allow settling money this way.
    SettlementNotAllowed {
        offset: bool,
    },
    NoSuchAction {
        action: u16,
    },
    ActionAlreadyDone {
        action: u16,
        on: NaiveDate,
    },
    ActionChangeReasonMissing,
    /// "All actions done" with none promised.
    NoActionsPromised,
    /// "All actions done" while some are not.
    ActionsNotDone {
        open: Vec<u16>,
    },
    /// "Resolved" while promised actions are not done: close with a reason.
    ActionsOutstanding {
        open: Vec<u16>,
    },
    /// Closing before the promises are kept needs the policy's approver.
    CloseNeedsApproval {
        by: String,
    },
    /// A root cause the policy does not list.
    UnknownRootCause {
        id: String,
        known: Vec<String>,
    },
    AlreadyWithOmbudsman,
    NotClosed,
    ReopenReasonMissing,
    // Asking for a panel.
    RepresentativeNameMissing,
    /// The relations the landlord's panel allows (empty: nobody).
    RepresentativeNotAllowed {
        allowed: Vec<String>,
    },
    // Extending a response date.
    ExtendWithThePanel,
    ExtendAfterResponse {
        stage: u8,
    },
    NoExtension {
        stage: u8,
    },
    ExtensionReasonMissing,
    ExtensionNotWorkingDay {
        date: NaiveDate,
    },
    ExtensionNotLater {
        current: NaiveDate,
    },
    ExtensionTooLong {
        limit: NaiveDate,
        why: ExtensionLimit,
        /// Whether the resident's agreement allows a later date.
        by_agreement: bool,
        /// Whether a good reason, recorded, allows a later date.
        by_good_reason: bool,
    },
    // Compliments and comments.
    FeedbackClosed {
        kind: CaseKind,
    },
    FeedbackAlreadyAcknowledged {
        kind: CaseKind,
    },
    FeedbackAlreadyResponded {
        kind: CaseKind,
    },
    NotAComplaint {
        kind: CaseKind,
    },
}

/// "action 2", "actions 1 and 3".
fn numbered(open: &[u16]) -> String {
    let words: Vec<String> = open.iter().map(u16::to_string).collect();
    if words.len() == 1 {
        format!("action {}", words[0])
    } else {
        format!("actions {}", join_words(&words, "and"))
    }
}

/// "A Service Manager" as it reads inside a sentence.
fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

impl Refused {
    /// The stable code, as [`Refusal::code`].
    pub fn code(&self) -> &'static str {
        match self {
            Refused::Resident(reason) => reason.code(),
            Refused::NoEvents => "no_events",
            Refused::NotReceived => "not_received",
            Refused::NoStages => "no_stages",
            Refused::AlreadyReceived => "already_received",
            Refused::BeforeReceipt { .. } => "before_receipt",
            Refused::DateTooEarly { .. } => "date_too_early",
            Refused::DateOutOfRange(_) | Refused::ResponseDateOutOfRange => "date_out_of_range",
            Refused::PolicyMismatch { .. } => "policy_mismatch",
            Refused::NoStage => "no_stage",
            Refused::NoPanel => "no_panel",
            Refused::StageAlreadyAcknowledged | Refused::FeedbackAlreadyAcknowledged { .. } => {
                "already_acknowledged"
            }
            Refused::CaseworkerMissing => "caseworker_missing",
            Refused::HandledEarlierStage { .. } => "handled_earlier_stage",
            Refused::DefinitionIncomplete => "definition_incomplete",
            Refused::NoDefinitionToQuery => "no_definition_to_query",
            Refused::InformationRequestMissing | Refused::InformationMissing => {
                "information_missing"
            }
            Refused::OutcomeMissing => "outcome_missing",
            Refused::DecisionPending => "decision_pending",
            Refused::NoDecisionPending => "no_decision_pending",
            Refused::AcceptReasonMissing | Refused::DeclineReasonsMissing => "reasons_missing",
            Refused::NotAListedException { .. } => "not_a_listed_exception",
            Refused::NoDiscretion { .. } => "no_discretion",
            Refused::RespondWithThePanel | Refused::ExtendWithThePanel => "panel_under_way",
            Refused::AlreadyResponded { .. }
            | Refused::ExtendAfterResponse { .. }
            | Refused::FeedbackAlreadyResponded { .. } => "already_responded",
            Refused::EscalationReasonsMissing => "reasons_missing",
            Refused::NoEscalationToRefuse => "no_escalation_to_refuse",
            Refused::NoReopeningAtStage { .. } => "no_reopening_at_stage",
            Refused::ReopeningReasonsMissing => "reasons_missing",
            Refused::PanelHeldAfterOmbudsman => "panel_after_ombudsman",
            Refused::PanelNotRequested | Refused::NoPanelForOutcome => "panel_not_requested",
            Refused::PanelNotHeld => "panel_not_held",
            Refused::PanelDecided => "panel_decided",
            Refused::PanelAlreadyMet { .. } => "panel_already_met",
            Refused::PanelDelayReasonMissing | Refused::DispensingReasonMissing => {
                "reasons_missing"
            }
            Refused::PanelDateNotWorkingDay { .. } => "panel_date_not_working_day",
            Refused::PanelDateNotLater { .. } => "panel_date_not_later",
            Refused::NoDispensing => "no_dispensing",
            Refused::PanelNotLate { .. } => "panel_not_late",
            Refused::CloseByDispensing => "close_by_dispensing",
            Refused::NotThroughCouncillorOrMp => "not_through_councillor_or_mp",
            Refused::CouncillorOrMpAnswered { .. } => "councillor_or_mp_answered",
            Refused::ClosedReasonMissing => "closed_reason_missing",
            Refused::ActionDescriptionMissing => "action_description_missing",
            Refused::ActionOwnerMissing => "action_owner_missing",
            Refused::ActionDueTooEarly { .. } => "action_due_too_early",
            Refused::RemedyAmountMissing => "remedy_amount_missing",
            Refused::NotAFinancialRemedy => "not_a_financial_remedy",
            Refused::SettlementNotAllowed { .. } => "settlement_not_allowed",
            Refused::NoSuchAction { .. } => "no_such_action",
            Refused::ActionAlreadyDone { .. } => "action_already_done",
            Refused::ActionChangeReasonMissing => "action_change_reason_missing",
            Refused::NoActionsPromised => "no_actions_promised",
            Refused::ActionsNotDone { .. } => "actions_not_done",
            Refused::ActionsOutstanding { .. } => "actions_outstanding",
            Refused::CloseNeedsApproval { .. } => "close_needs_approval",
            Refused::UnknownRootCause { .. } => "unknown_root_cause",
            Refused::AlreadyWithOmbudsman => "already_with_ombudsman",
            Refused::NotClosed => "not_closed",
            Refused::ReopenReasonMissing => "reopen_reason_missing",
            Refused::RepresentativeNameMissing => "representative_name_missing",
            Refused::RepresentativeNotAllowed { .. } => "representative_not_allowed",
            Refused::NoExtension { .. } => "no_extension",
            Refused::ExtensionReasonMissing => "extension_reason_missing",
            Refused::ExtensionNotWorkingDay { .. } => "extension_not_working_day",
            Refused::ExtensionNotLater { .. } => "extension_not_later",
            Refused::ExtensionTooLong { .. } => "extension_too_long",
            Refused::FeedbackClosed { .. } => "closed",
            Refused::NotAComplaint { .. } => "not_a_complaint",
        }
    }

    /// The English message, for API clients and staff.
    pub fn message(&self) -> String {
        match self {
            Refused::Resident(reason) => reason.message(),
            Refused::NoEvents => {
                "This case has no events: it must start with its receipt.".to_owned()
            }
            Refused::NotReceived => "A case must start with its receipt.".to_owned(),
            Refused::NoStages => "This landlord's policy has no complaint stages, so a complaint cannot be started.".to_owned(),
            Refused::AlreadyReceived => "This complaint has already been received.".to_owned(),
            Refused::BeforeReceipt {
                on,
                kind,
                received_on,
            } => format!(
                "This cannot be dated {}, before the {} was received on {}.",
                long_date(*on),
                kind.noun(),
                long_date(*received_on)
            ),
            Refused::DateTooEarly { act, on, earliest } => format!(
                "This cannot be {} on {}, before {}.",
                act.verb(),
                long_date(*on),
                long_date(*earliest)
            ),
            Refused::DateOutOfRange(e) => e.to_string(),
            Refused::ResponseDateOutOfRange => {
                "The response date is outside the working-day calendar.".to_owned()
            }
            Refused::PolicyMismatch { stage } => {
                format!("This landlord's policy has no stage {stage}.")
            }
            Refused::NoStage => "This complaint has no stage under way.".to_owned(),
            Refused::NoPanel => "This landlord's policy has no stage 3 panel.".to_owned(),
            Refused::StageAlreadyAcknowledged => {
                "This stage has already been acknowledged.".to_owned()
            }
            Refused::CaseworkerMissing => "Enter the caseworker's name.".to_owned(),
            Refused::HandledEarlierStage {
                name,
                earlier,
                stage,
            } => format!(
                "{name} dealt with this complaint at stage {earlier}, so cannot consider it at stage {stage}: the Complaint Handling Code (6.13) says someone else must. Choose another caseworker."
            ),
            Refused::InformationRequestMissing => "Say what information you need.".to_owned(),
            Refused::InformationMissing => "Enter the information you want to add.".to_owned(),
            Refused::DefinitionIncomplete => {
                "Enter what the complaint is about and the outcome the resident wants, or neither."
                    .to_owned()
            }
            Refused::NoDefinitionToQuery => {
                "There is no summary of the complaint to correct at this stage.".to_owned()
            }
            Refused::OutcomeMissing => {
                "Say whether the complaint is upheld, partly upheld or not upheld.".to_owned()
            }
            Refused::DecisionPending => {
                "Decide whether to take this complaint on before responding to it.".to_owned()
            }
            Refused::NoDecisionPending => {
                "This complaint is not waiting for a decision to take it on.".to_owned()
            }
            Refused::AcceptReasonMissing => {
                "Give the reason for taking this complaint on.".to_owned()
            }
            Refused::DeclineReasonsMissing => {
                "Give the reasons for not taking this complaint on: the resident will read them."
                    .to_owned()
            }
            Refused::NotAListedException { listed } if listed.is_empty() => {
                "This landlord's policy lists no exceptions to its time limit.".to_owned()
            }
            Refused::NotAListedException { listed } => format!(
                "Choose one of the policy's exceptions: {}.",
                join_words(listed, "or")
            ),
            Refused::NoDiscretion { listed } if listed.is_empty() => {
                "This complaint is outside the policy's time limit, and the policy gives no discretion and lists no exceptions: it can only be declined.".to_owned()
            }
            Refused::NoDiscretion { listed } => format!(
                "This complaint is outside the policy's time limit, and the policy gives no discretion: it can be taken on only if one of its exceptions applies ({}).",
                join_words(listed, "or")
            ),
            Refused::RespondWithThePanel => {
                "The complaint is with the panel: record the panel's outcome instead.".to_owned()
            }
            Refused::AlreadyResponded { stage } => {
                format!("We have already responded at stage {stage}.")
            }
            Refused::EscalationReasonsMissing => {
                "Give the reasons for refusing to escalate the complaint.".to_owned()
            }
            Refused::NoEscalationToRefuse => {
                "There is no request to escalate this complaint waiting for a decision.".to_owned()
            }
            Refused::NoReopeningAtStage { stage } => format!(
                "This policy does not let stage {stage} be reopened instead of taking the complaint to the next stage."
            ),
            Refused::ReopeningReasonsMissing => {
                "Say what the new information is and how it changes the investigation: the resident is told.".to_owned()
            }
            Refused::PanelHeldAfterOmbudsman => {
                "A panel cannot be held once the complaint has gone to the Housing Ombudsman."
                    .to_owned()
            }
            Refused::PanelNotRequested => {
                "A panel cannot be held before the resident has asked for one.".to_owned()
            }
            Refused::NoPanelForOutcome => "There is no panel to record an outcome for.".to_owned(),
            Refused::PanelNotHeld => "The panel has not met yet, so it has no outcome.".to_owned(),
            Refused::PanelDecided => "The panel has already decided this complaint.".to_owned(),
            Refused::PanelAlreadyMet { on } => format!(
                "The panel met on {}: record its decision instead.",
                long_date(*on)
            ),
            Refused::PanelDelayReasonMissing => {
                "Explain why the panel cannot meet by its date: the resident is told.".to_owned()
            }
            Refused::PanelDateNotWorkingDay { date } => format!(
                "{} is not a working day. Choose a working day for the panel.",
                long_date(*date)
            ),
            Refused::PanelDateNotLater { current } => format!(
                "The new date must be after {}, the date the panel should meet by now.",
                long_date(*current)
            ),
            Refused::NoDispensing => {
                "This policy does not let the panel be dispensed with: it must meet.".to_owned()
            }
            Refused::DispensingReasonMissing => {
                "Say what you agreed with the resident and why the panel will not meet.".to_owned()
            }
            Refused::PanelNotLate { by } => format!(
                "The panel can still meet by {}. Put its date back, with the reason, before agreeing to go without it.",
                long_date(*by)
            ),
            Refused::NotThroughCouncillorOrMp => {
                "This complaint did not come through a councillor or MP.".to_owned()
            }
            Refused::CouncillorOrMpAnswered { on } => format!(
                "We already replied to the councillor or MP, on {}.",
                long_date(*on)
            ),
            Refused::CloseByDispensing => {
                "Record the resident's agreement that the panel will not meet instead.".to_owned()
            }
            Refused::ClosedReasonMissing => "Say why the complaint is being closed.".to_owned(),
            Refused::ActionDescriptionMissing => {
                "Say what the action is, in words the resident will understand.".to_owned()
            }
            Refused::ActionOwnerMissing => {
                "Say who will do the action: a person or a team.".to_owned()
            }
            Refused::ActionDueTooEarly { due, earliest } => format!(
                "An action cannot be due on {}, before {}.",
                long_date(*due),
                long_date(*earliest)
            ),
            Refused::RemedyAmountMissing => {
                "Enter the amount of money, in pounds and pence.".to_owned()
            }
            Refused::NotAFinancialRemedy => {
                "Only money has an amount, a kind of payment or a way of settling it.".to_owned()
            }
            Refused::SettlementNotAllowed { offset: true } => {
                "The policy does not allow money to be set against what the resident owes: pay it to them."
                    .to_owned()
            }
            Refused::SettlementNotAllowed { offset: false } => {
                "The policy does not allow payment in kind: pay the money to the resident.".to_owned()
            }
            Refused::NoSuchAction { action } => {
                format!("There is no promised action {action} on this case.")
            }
            Refused::ActionAlreadyDone { action, on } => format!(
                "Action {action} was done on {}: it cannot be done again or changed.",
                long_date(*on)
            ),
            Refused::ActionChangeReasonMissing => {
                "Say why the action is changing: the resident will read it.".to_owned()
            }
            Refused::NoActionsPromised => {
                "No actions were promised on this complaint: close it as resolved.".to_owned()
            }
            Refused::ActionsNotDone { open } => format!(
                "Not every promised action is done: {} still open. Mark each done first.",
                numbered(open)
            ),
            Refused::ActionsOutstanding { open } => format!(
                "Promised actions are not done ({} still open). Mark them done, or close the complaint with the reason it is closing before they are.",
                numbered(open)
            ),
            Refused::UnknownRootCause { id, known } => format!(
                "\"{id}\" is not one of the causes the policy lists: choose from {}.",
                join_words(known, "or")
            ),
            Refused::CloseNeedsApproval { by } => format!(
                "Promised actions are not done. The policy says {} must approve closing the complaint before they are: ask someone with that permission to close it.",
                lower_first(by)
            ),
            Refused::AlreadyWithOmbudsman => {
                "This complaint has already gone to the Housing Ombudsman.".to_owned()
            }
            Refused::NotClosed => {
                "Only a closed or withdrawn complaint can be reopened.".to_owned()
            }
            Refused::ReopenReasonMissing => "Say why the complaint is being reopened.".to_owned(),
            Refused::RepresentativeNameMissing => {
                "Enter the name of the person coming with you.".to_owned()
            }
            Refused::RepresentativeNotAllowed { allowed } if allowed.is_empty() => {
                "This landlord's panel does not allow anyone to come with you.".to_owned()
            }
            Refused::RepresentativeNotAllowed { allowed } => {
                let who: Vec<String> = allowed.iter().map(|r| with_article(r)).collect();
                format!("You can bring {} to the panel.", join_words(&who, "or"))
            }
            Refused::ExtendWithThePanel => "The panel's dates cannot be extended.".to_owned(),
            Refused::ExtendAfterResponse { stage } => format!(
                "We have already responded at stage {stage}, so the date cannot be extended."
            ),
            Refused::NoExtension { stage } => format!(
                "This landlord's policy does not allow the stage {stage} response date to be extended."
            ),
            Refused::ExtensionReasonMissing => "Give the reason for the extension.".to_owned(),
            Refused::ExtensionNotWorkingDay { date } => format!(
                "The new date must be a working day: {} is not.",
                long_date(*date)
            ),
            Refused::ExtensionNotLater { current } => format!(
                "The new date must be after the current response date, {}.",
                long_date(*current)
            ),
            Refused::ExtensionTooLong {
                limit,
                why,
                by_agreement,
                by_good_reason,
            } => format!(
                "The new date can be no later than {} ({why}){}.",
                long_date(*limit),
                match (*by_agreement, *by_good_reason) {
                    (true, true) => {
                        " unless the resident agrees to a later date or you give a good reason for it"
                    }
                    (true, false) => " unless the resident agrees to a later date",
                    (false, true) => " unless you give a good reason for a later date",
                    (false, false) => "",
                }
            ),
            Refused::FeedbackClosed { kind } => format!("This {} has been closed.", kind.noun()),
            Refused::FeedbackAlreadyAcknowledged { kind } => {
                format!("This {} has already been acknowledged.", kind.noun())
            }
            Refused::FeedbackAlreadyResponded { kind } => {
                format!("We have already replied to this {}.", kind.noun())
            }
            Refused::NotAComplaint { kind } => format!(
                "This is a {}, not a complaint: it has no stages, so this does not apply.",
                kind.noun()
            ),
        }
    }
}

impl From<CalendarError> for Refusal {
    fn from(e: CalendarError) -> Self {
        Refused::DateOutOfRange(e).into()
    }
}

/// "a friend", "an advocate".
fn with_article(noun: &str) -> String {
    let noun = noun.trim();
    match noun.chars().next() {
        Some(c) if "aeiouAEIOU".contains(c) => format!("an {noun}"),
        _ => format!("a {noun}"),
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
