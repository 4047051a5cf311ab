//! A case's state, derived from its events by [`replay`](super::replay) and
//! never stored.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::deadlines::Basis;
use super::event::{
    Actor, Attendance, CaseKind, ClosedWhy, Outcome, OutstandingAction, Remedy, Representative,
    SentBy,
};

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
    /// Why the new date is beyond the limit, where the policy allows a later
    /// date for a good reason (`None`: within the limit, or by agreement).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub good_reason: Option<String>,
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
    /// How it was sent: `None` online.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sent_by: Option<SentBy>,
    /// The day the resident received it: `on` online; by post, the
    /// policy's posting days later (issue 16, item 8).
    pub received_on: NaiveDate,
    /// What caused the complaint (the policy's cause ids) and what was
    /// learnt (issue 16, item 6): for staff and the figures.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub root_causes: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lessons: Option<String>,
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
    /// The accounts (public ids) that dealt with this stage: its caseworkers
    /// and whoever recorded its response. None of them may take a later
    /// stage (Code 6.13).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub handled_by: Vec<String>,
    /// The landlord's understanding of the complaint at this stage, set out
    /// when it was acknowledged (Code 5.6).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub definition: Option<super::ComplaintDefinition>,
    /// Each time the resident said that understanding was not right.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub definition_queries: Vec<DefinitionQuery>,
    /// Each time the landlord reopened this stage on new information
    /// instead of taking the complaint to the next stage (Pioneer §6), with
    /// the answer it set aside. The stage's response is due again, counted
    /// from the latest.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reopenings: Vec<StageReopening>,
    /// For a later stage: the caseworker of the stage before, who steps
    /// aside for it (Code 6.13) and takes the case back if the stage
    /// before is reopened. Worked out from the events; never travels.
    #[serde(skip)]
    #[cfg_attr(feature = "openapi", schemars(skip))]
    pub caseworker_before: Option<(String, Option<String>)>,
}

impl StageState {
    /// A new stage, started on `started_on`.
    pub(crate) fn new(number: u8, started_on: NaiveDate) -> Self {
        Self {
            number,
            started_on,
            escalation_reason: None,
            acknowledged_on: None,
            extensions: Vec::new(),
            response: None,
            handled_by: Vec::new(),
            definition: None,
            definition_queries: Vec::new(),
            reopenings: Vec::new(),
            caseworker_before: None,
        }
    }

    /// The day the stage's current answer is counted from: its start, or
    /// the day it was last reopened.
    pub fn answer_started_on(&self) -> NaiveDate {
        self.reopenings.last().map_or(self.started_on, |r| r.on)
    }
}

/// A stage reopened on new information instead of escalated (Pioneer §6:
/// "where the information changes the nature of the investigation or may
/// have a material effect to the outcome we will reopen the case at the
/// existing stage").
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
pub struct StageReopening {
    pub on: NaiveDate,
    /// The stage the resident asked for, and the day they asked.
    pub instead_of: u8,
    pub asked_on: NaiveDate,
    /// Why, as the resident is told: the new information and how it
    /// changes the investigation.
    pub reasons: String,
    /// The answer set aside, and the extensions that led to it.
    pub earlier_response: Response,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub earlier_extensions: Vec<ExtensionGranted>,
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
    /// Each time the panel's date was put back, in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub delays: Vec<PanelDelay>,
    /// The agreement to go without the panel.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dispensed: Option<PanelDispensal>,
}

/// The reply owed to the councillor or MP a complaint came through.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
pub struct CouncillorOrMp {
    pub replied_on: Option<NaiveDate>,
}

/// The panel's date put back: when, to what date, and why.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
pub struct PanelDelay {
    pub on: NaiveDate,
    pub new_date: NaiveDate,
    pub reason: String,
}

/// The resident's agreement that the panel will not meet.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
pub struct PanelDispensal {
    pub on: NaiveDate,
    pub reason: String,
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

/// The resident saying the complaint definition is not right.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
pub struct DefinitionQuery {
    pub on: NaiveDate,
    pub text: String,
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

/// A complaint that waited for a staff decision before it was taken on:
/// out of time, or screened as an exclusion and sent anyway.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
pub struct TakingOn {
    /// What made it wait: the screening's ids (`outside_time_limit`, an
    /// exclusion's id).
    pub grounds: Vec<String>,
    /// The decision, once made.
    pub decision: Option<TakingOnDecision>,
}

/// Whether the landlord took a waiting complaint on, and why.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
pub struct TakingOnDecision {
    pub on: NaiveDate,
    pub accepted: bool,
    /// Why it was taken on, or the reasons it was not (the resident reads them).
    pub reasons: String,
    /// The policy's listed exception that applied, when one did.
    pub exception: Option<String>,
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
    /// The caseworker's account (public id), when the assignment named one.
    #[serde(default)]
    pub caseworker_id: Option<String>,
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
    /// Every satisfaction answer in order, the day and whether satisfied
    /// (one may follow each response; `satisfaction` is the latest): the
    /// figures count each in its own period (KPI h). Worked out from the
    /// events, so it never travels.
    #[serde(skip)]
    #[cfg_attr(feature = "openapi", schemars(skip))]
    pub satisfaction_answers: Vec<(NaiveDate, bool)>,
    pub withdrawn: Option<Withdrawal>,
    pub closed: Option<Closure>,
    /// The day the complaint went to the Housing Ombudsman.
    pub referred_to_ombudsman_on: Option<NaiveDate>,
    /// Reasons the case was reopened, in order.
    pub reopened: Vec<String>,
    /// For a complaint that waited for a decision to take it on: what made
    /// it wait, and the decision. `None` when it never had to wait.
    #[serde(default)]
    pub taking_on: Option<TakingOn>,
    /// For a complaint that came through a councillor or an MP: the reply
    /// owed to them (Plus Dane §17).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub councillor_or_mp: Option<CouncillorOrMp>,
    /// Every action the responses promised, numbered from 1 in the order
    /// they were promised, each with where it stands.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub actions: Vec<PromisedAction>,
    /// The day of the latest event.
    pub last_event_on: NaiveDate,
}

/// An action a response promised, followed to the end.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
pub struct PromisedAction {
    /// From 1, across the case.
    pub number: u16,
    /// The stage whose response promised it.
    pub stage: u8,
    pub promised_on: NaiveDate,
    /// What it is now, who does it, and by when (after any change).
    pub description: String,
    pub owner: String,
    pub due: NaiveDate,
    pub done_on: Option<NaiveDate>,
    /// Each change, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub changes: Vec<ActionChange>,
}

impl PromisedAction {
    /// Not done yet: the one test of an open action, for the case, its
    /// view, the queue and the app.
    pub fn is_open(&self) -> bool {
        self.done_on.is_none()
    }

    /// Not done, and its date has passed.
    pub fn is_overdue(&self, today: NaiveDate) -> bool {
        self.is_open() && self.due < today
    }
}

/// A change to a promised action: when, why, and what it was before.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
pub struct ActionChange {
    pub on: NaiveDate,
    pub reason: String,
    pub previous_description: String,
    pub previous_due: NaiveDate,
}

impl CaseState {
    /// The current stage of a complaint.
    pub fn current_stage(&self) -> Option<&StageState> {
        self.stages.last()
    }

    /// Whether the case is closed or withdrawn, or was not taken on.
    pub fn is_finished(&self) -> bool {
        self.closed.is_some() || self.withdrawn.is_some() || self.declined().is_some()
    }

    /// Whether the complaint waits for a decision to take it on.
    pub fn awaiting_decision(&self) -> bool {
        self.taking_on
            .as_ref()
            .is_some_and(|t| t.decision.is_none())
    }

    /// The decision not to take the complaint on, if that was the decision.
    pub fn declined(&self) -> Option<&TakingOnDecision> {
        self.taking_on
            .as_ref()
            .and_then(|t| t.decision.as_ref())
            .filter(|d| !d.accepted)
    }

    /// Who dealt with an earlier stage than the current one, and which
    /// stage: they may not take this one (Code 6.13).
    pub fn earlier_handler(&self, account: &str) -> Option<u8> {
        let (_, earlier) = self.stages.split_last()?;
        earlier
            .iter()
            .find(|s| s.handled_by.iter().any(|h| h == account))
            .map(|s| s.number)
    }

    /// The promised actions not yet done.
    pub fn open_actions(&self) -> impl Iterator<Item = &PromisedAction> {
        self.actions.iter().filter(|a| a.is_open())
    }

    /// The resident said the current stage's complaint definition is not
    /// right and the stage has not been answered yet: the caseworker should
    /// clarify it with them (Code 5.6), and the queue says so.
    pub fn definition_queried(&self) -> bool {
        !self.is_finished()
            && self
                .current_stage()
                .is_some_and(|s| !s.definition_queries.is_empty() && s.response.is_none())
    }

    pub(crate) fn current_stage_mut(&mut self) -> Option<&mut StageState> {
        self.stages.last_mut()
    }
}
