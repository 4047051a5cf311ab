//! What a case looks like on a given day: its status, its due dates and what
//! can still be done.

use std::fmt;

use chrono::{NaiveDate, TimeZone, Utc};
use serde::{Deserialize, Serialize};

use super::deadlines::{
    acknowledge_target, escalation_last_day, original_respond_target, panel_last_day, policy_stage,
};
use super::{
    apply, Actor, ActorKind, Attendance, Basis, BasisExtension, BasisFrom, CaseKind, CaseState,
    ClosedWhy, Event, EventRecord, Outcome, OutstandingAction, PromisedAction, Remedy,
};
use crate::calendar::{Calendar, SkippedDay};
use crate::policy::{GuidanceWhen, Policy};

/// Where a case stands.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Received, not yet acknowledged.
    AwaitingAcknowledgement,
    /// A compliment or a comment that has been acknowledged.
    Acknowledged,
    /// Acknowledged and being looked into.
    UnderInvestigation,
    /// The landlord is waiting for something from the resident.
    InformationRequested,
    /// The landlord has responded at the current stage (or the panel has decided).
    Responded,
    /// The resident asked for the next stage; not yet acknowledged.
    EscalationRequested,
    /// The landlord refused to take the complaint to the next stage.
    EscalationRefused,
    /// The resident asked for a panel; no date yet.
    PanelRequested,
    /// The panel has a date that has not come yet.
    PanelScheduled,
    /// The panel has met; its decision is awaited.
    AwaitingPanelOutcome,
    Closed,
    Withdrawn,
    /// The complaint is with the Housing Ombudsman.
    WithOmbudsman,
    /// Out of time, or screened as an exclusion and sent anyway: staff
    /// decide whether to take it on.
    AwaitingDecision,
    /// The landlord decided not to take the complaint on (Code 2.4).
    NotTakenOn,
}

/// A stage, as the resident knows it.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
pub struct StageRef {
    pub number: u8,
    pub name: String,
}

/// What a due date is for: the landlord's promises, and the resident's own
/// last days to ask for the next step. The app words each kind itself.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum DueKind {
    /// The landlord acknowledges the complaint (stage 1) or the request for a
    /// later stage.
    Acknowledge,
    /// The landlord sends its response at the stage.
    Respond,
    /// The resident's last day to ask for the next stage.
    RequestNextStage,
    /// The resident's last day to ask for a panel.
    RequestPanel,
    /// The panel meets.
    PanelMeets,
    /// The landlord sends the panel's decision.
    PanelDecision,
    /// The landlord replies to the councillor or MP the complaint came
    /// through (Plus Dane §17).
    ReplyToCouncillorOrMp,
}

impl DueKind {
    /// Whether this is the resident's own last day to act, not a promise
    /// of the landlord's: never overdue, never "done on time".
    pub fn is_residents_window(self) -> bool {
        matches!(self, DueKind::RequestNextStage | DueKind::RequestPanel)
    }
}

/// Which due date a [`DueDate`] is. On the wire it is a stable string:
/// `stage_1_acknowledge`, `stage_1_respond`, `stage_1_window` (the last day to
/// ask for the stage after stage 1), `panel_window`, `panel_convene`,
/// `panel_outcome`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DueKey {
    Acknowledge { stage: u8 },
    Respond { stage: u8 },
    NextStageWindow { stage: u8 },
    PanelWindow,
    PanelConvene,
    PanelOutcome,
    CouncillorOrMpReply,
}

impl fmt::Display for DueKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DueKey::Acknowledge { stage } => write!(f, "stage_{stage}_acknowledge"),
            DueKey::Respond { stage } => write!(f, "stage_{stage}_respond"),
            DueKey::NextStageWindow { stage } => write!(f, "stage_{stage}_window"),
            DueKey::PanelWindow => f.write_str("panel_window"),
            DueKey::PanelConvene => f.write_str("panel_convene"),
            DueKey::PanelOutcome => f.write_str("panel_outcome"),
            DueKey::CouncillorOrMpReply => f.write_str("councillor_or_mp_reply"),
        }
    }
}

impl std::str::FromStr for DueKey {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let not_a_key = || format!("not a due date's key: {s}");
        match s {
            "panel_window" => return Ok(DueKey::PanelWindow),
            "panel_convene" => return Ok(DueKey::PanelConvene),
            "panel_outcome" => return Ok(DueKey::PanelOutcome),
            "councillor_or_mp_reply" => return Ok(DueKey::CouncillorOrMpReply),
            _ => {}
        }
        let rest = s.strip_prefix("stage_").ok_or_else(not_a_key)?;
        let (number, what) = rest.split_once('_').ok_or_else(not_a_key)?;
        if !number.bytes().all(|b| b.is_ascii_digit()) {
            return Err(not_a_key());
        }
        let stage: u8 = number.parse().map_err(|_| not_a_key())?;
        match what {
            "acknowledge" => Ok(DueKey::Acknowledge { stage }),
            "respond" => Ok(DueKey::Respond { stage }),
            "window" => Ok(DueKey::NextStageWindow { stage }),
            _ => Err(not_a_key()),
        }
    }
}

impl Serialize for DueKey {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for DueKey {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

impl PartialEq<str> for DueKey {
    fn eq(&self, other: &str) -> bool {
        other.parse::<DueKey>().is_ok_and(|key| key == *self)
    }
}

impl PartialEq<&str> for DueKey {
    fn eq(&self, other: &&str) -> bool {
        *self == **other
    }
}

#[cfg(feature = "openapi")]
impl schemars::JsonSchema for DueKey {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "DueKey".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "description": "Which due date: stage_N_acknowledge, stage_N_respond, stage_N_window (the last day to ask for the stage after N), panel_window, panel_convene, panel_outcome or councillor_or_mp_reply.",
            "pattern": "^(stage_[0-9]+_(acknowledge|respond|window)|panel_(window|convene|outcome)|councillor_or_mp_reply)$",
            "maxLength": 32
        })
    }
}

/// A date something is due by, with how it was worked out: typed facts only,
/// worded by the app (and by the server for its letters).
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
pub struct DueDate {
    /// Stable key: `stage_1_acknowledge`, `stage_1_respond`, `stage_1_window`,
    /// `panel_window`, `panel_convene`, `panel_outcome`, `councillor_or_mp_reply`.
    pub key: DueKey,
    pub kind: DueKind,
    /// The stage it belongs to (the panel's number for the panel's dates).
    pub stage: u8,
    pub date: NaiveDate,
    /// The day counted from (day 0).
    pub counted_from: NaiveDate,
    /// Working days from `counted_from` to `date`.
    pub days: u32,
    /// How `date` was counted.
    pub basis: Basis,
    /// Weekends and bank holidays not counted.
    pub skipped: Vec<SkippedDay>,
    /// For an extended date: the date before the extension.
    pub original_date: Option<NaiveDate>,
    /// For an extended date: why it was extended (staff's words).
    pub extension_reason: Option<String>,
    /// `None` until done; then whether it was done by `date`.
    pub met: Option<bool>,
    /// The day it was done (for a resident's window: the day they asked).
    pub done_on: Option<NaiveDate>,
    /// Not done, the case still open, and `date` has passed. Windows for the
    /// resident are never overdue: when they pass they are listed in
    /// [`CaseView::closed_windows`].
    pub overdue: bool,
}

/// The one thing to expect next on a complaint, chosen from its state, with
/// its date: what "What happens next" says first.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum NextStep {
    /// We will acknowledge the complaint (stage 1) or the request for `stage`.
    Acknowledge {
        stage: u8,
        by: NaiveDate,
        overdue: bool,
    },
    /// We will send our response at `stage`.
    Respond {
        stage: u8,
        by: NaiveDate,
        overdue: bool,
        /// The date was moved from the policy's date.
        extended: bool,
    },
    /// We asked the resident for something and are waiting for it.
    InformationRequested {
        what: String,
        asked_on: NaiveDate,
        /// When the stage's response is still due.
        respond_by: Option<NaiveDate>,
    },
    /// The panel will meet by this date (no date set yet).
    PanelMeetBy {
        by: NaiveDate,
        overdue: bool,
    },
    /// The panel will meet on this date.
    PanelMeetsOn {
        on: NaiveDate,
    },
    /// The panel has met; we will send its decision by this date.
    PanelDecision {
        by: NaiveDate,
        overdue: bool,
    },
    /// We responded at `stage` (the panel's number for its decision); the
    /// windows say what the resident can do next.
    Responded {
        stage: u8,
        on: NaiveDate,
        final_response: bool,
    },
    /// We refused to take the complaint to the next stage.
    EscalationRefused {
        stage: u8,
        on: NaiveDate,
    },
    Withdrawn {
        on: NaiveDate,
    },
    Closed {
        on: NaiveDate,
        why: ClosedWhy,
    },
    WithOmbudsman {
        on: NaiveDate,
    },
    /// We are deciding whether to take the complaint on.
    AwaitingDecision,
    /// We decided not to take the complaint on, for these reasons; the
    /// resident can ask the Housing Ombudsman to look at that decision.
    NotTakenOn {
        on: NaiveDate,
        reasons: String,
    },
}

/// The landlord's latest answer on a complaint: what the case page shows
/// first once there is one.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
pub struct LatestResponse {
    /// The stage answered (the panel's number for the panel's decision).
    pub stage: u8,
    /// The panel's decision, not a stage's response.
    pub panel: bool,
    pub on: NaiveDate,
    pub outcome: Option<Outcome>,
    /// The landlord's reasons, in its own words.
    pub reasons: String,
    pub remedies: Vec<Remedy>,
    pub outstanding_actions: Vec<OutstandingAction>,
    /// Whether this is the landlord's final response.
    pub final_response: bool,
    /// Sent by post (issue 16, item 8): then `received_on` is the day it
    /// counts as received, the policy's posting days later.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub by_post: bool,
    /// The day it counts as received: `on`, unless sent by post.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub received_on: Option<NaiveDate>,
}

/// Something a resident (or their advocate) can do.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ResidentAction {
    AddInformation,
    /// Say the complaint definition is not right (Code 5.6).
    QueryDefinition,
    RequestEscalation,
    RequestPanel,
    Withdraw,
    RecordSatisfaction,
}

/// Something staff can do.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum StaffAction {
    Acknowledge,
    Assign,
    Extend,
    RequestInformation,
    Respond,
    RefuseEscalation,
    /// Reopen the answered stage instead, on new information, where the
    /// policy allows it (Pioneer §6).
    ReopenAtStage,
    RecordPanelDate,
    /// Put the panel's date back, with the explanation the resident is given.
    DelayPanel,
    /// Record the resident's agreement that the panel will not meet.
    DispensePanel,
    /// Record the reply to the councillor or MP the complaint came through.
    RecordReplyToCouncillorOrMp,
    RecordPanelOutcome,
    RecordSatisfaction,
    Close,
    Reopen,
    RecordReferralToOmbudsman,
    /// Take on a complaint that waits for a decision.
    Accept,
    /// Decline to take it on, with reasons.
    Decline,
    /// Record a request for a review that the resident made by phone,
    /// letter or in person, on the day it was received.
    RecordEscalationRequest,
    /// Record a request for the panel made the same ways.
    RecordPanelRequest,
    /// Record that the resident withdrew the complaint the same ways.
    RecordWithdrawal,
    /// Record information the resident gave the same ways.
    RecordInformation,
    /// Mark a promised action done.
    MarkActionDone,
    /// Change a promised action, with the reason the resident is told.
    ChangeAction,
}

/// A window the resident can still act in.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
pub struct Window {
    pub action: ResidentAction,
    /// `None`: the policy sets no time limit (any time before the case closes).
    pub last_day: Option<NaiveDate>,
    /// Working days left, counting today when it is a working day (so 1 on
    /// the last day); `None` when there is no limit.
    pub working_days_left: Option<u32>,
}

/// A window that has closed.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
pub struct ClosedWindow {
    pub action: ResidentAction,
    pub last_day: NaiveDate,
}

/// A case as it stands on `today`.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
pub struct CaseView {
    pub kind: CaseKind,
    pub today: NaiveDate,
    pub received_on: NaiveDate,
    pub status: Status,
    /// The current stage (the panel once it is asked for); `None` for a
    /// compliment or a comment.
    pub stage: Option<StageRef>,
    pub caseworker: Option<String>,
    /// Every due date so far, stage by stage.
    pub due_dates: Vec<DueDate>,
    /// The earliest date something is still due from the landlord.
    pub next_due: Option<NaiveDate>,
    /// The window the resident can act in now, if any.
    pub open_window: Option<Window>,
    pub closed_windows: Vec<ClosedWindow>,
    /// Whether the landlord's process has given its final response.
    pub final_response: bool,
    pub allowed_actions: Vec<ResidentAction>,
    pub staff_actions: Vec<StaffAction>,
    /// The policy's Housing Ombudsman guidance that fits where the case stands.
    pub ombudsman_guidance: Vec<String>,
    /// What to expect next on a complaint, or how it ended.
    pub next_step: Option<NextStep>,
    /// The landlord's latest response or panel decision, if any.
    pub latest_response: Option<LatestResponse>,
    /// The last day to bring the complaint to the Housing Ombudsman (12
    /// months after the final response or the closure), once it applies.
    pub ombudsman_by: Option<NaiveDate>,
    /// How the complaint will close, once it has an answer and while it is open.
    #[serde(default)]
    pub closes: Option<super::Closing>,
    /// The days the policy's automatic rules will act on the case, in order
    /// (a window closing, the complaint closing, a survey): empty when none will.
    #[serde(default)]
    pub rules: Vec<super::RuleDate>,
    /// For a complaint that waited for a decision to take it on: why, and
    /// the decision once made.
    #[serde(default)]
    pub taking_on: Option<super::TakingOn>,
    /// A complaint's stages under its policy, the panel last where there is
    /// one, so that the page draws where the complaint stands with the case
    /// itself; empty for a compliment or a comment.
    #[serde(default)]
    pub stages: Vec<StageRef>,
    /// The landlord's understanding of the complaint at the current stage,
    /// once set out (Code 5.6), and the day the resident last said it was
    /// not right.
    #[serde(default)]
    pub definition: Option<DefinitionView>,
    /// Every action the responses promised, in order, with where each
    /// stands (issue 16, item 4): overdue when not done by its date.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub actions: Vec<PromisedAction>,
}

/// A stage's complaint definition as the resident reads it (Code 5.6).
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
pub struct DefinitionView {
    pub stage: u8,
    pub about: String,
    pub outcome_sought: String,
    /// The day the resident last said it was not right, if they have.
    pub queried_on: Option<NaiveDate>,
}

/// The case as it stands on `today` (the server's clock, UK date).
pub fn view(state: &CaseState, policy: &Policy, calendar: &Calendar, today: NaiveDate) -> CaseView {
    let due_dates = due_dates(state, policy, calendar, today);
    let next_due = due_dates
        .iter()
        .filter(|d| d.met.is_none() && !d.kind.is_residents_window())
        .map(|d| d.date)
        .min()
        .filter(|_| !state.is_finished());
    let (open_window, closed_windows) = windows(state, policy, calendar, today);
    let final_response = final_response(state, policy);
    let latest_response = latest_response(state, policy, final_response);
    let next_step = next_step(state, &due_dates, today, latest_response.as_ref());
    let ombudsman_by = ombudsman_by(state, latest_response.as_ref());
    CaseView {
        kind: state.kind,
        today,
        received_on: state.received_on,
        status: status(state, today),
        stage: stage_ref(state, policy),
        caseworker: state.caseworker.clone(),
        due_dates,
        next_due,
        open_window,
        closed_windows,
        final_response,
        allowed_actions: resident_actions(state, policy, calendar, today),
        staff_actions: staff_actions(state, policy, calendar, today),
        ombudsman_guidance: guidance(state, policy, final_response),
        next_step,
        latest_response,
        ombudsman_by,
        closes: super::closing(state, policy, calendar),
        rules: super::rule_dates(state, policy, calendar),
        taking_on: state.taking_on.clone(),
        stages: stages(state, policy),
        definition: definition(state),
        actions: state.actions.clone(),
    }
}

fn definition(state: &CaseState) -> Option<DefinitionView> {
    let stage = state.current_stage()?;
    let definition = stage.definition.as_ref()?;
    Some(DefinitionView {
        stage: stage.number,
        about: definition.about.clone(),
        outcome_sought: definition.outcome_sought.clone(),
        queried_on: stage.definition_queries.last().map(|q| q.on),
    })
}

fn stages(state: &CaseState, policy: &Policy) -> Vec<StageRef> {
    if state.kind != CaseKind::Complaint {
        return Vec::new();
    }
    let panel = policy.panel.iter().map(|p| (p.number, &p.name));
    policy
        .stages
        .iter()
        .map(|s| (s.number, &s.name))
        .chain(panel)
        .map(|(number, name)| StageRef {
            number,
            name: name.clone(),
        })
        .collect()
}

/// How long after the landlord's final response (or its closing the case)
/// the Housing Ombudsman will look at a complaint.
pub const OMBUDSMAN_MONTHS: u32 = 12;

fn ombudsman_by(state: &CaseState, latest: Option<&LatestResponse>) -> Option<NaiveDate> {
    if state.kind != CaseKind::Complaint || state.withdrawn.is_some() {
        return None;
    }
    let from = match (latest.filter(|r| r.final_response), &state.closed) {
        (Some(response), _) => response.on,
        (None, Some(closure)) => closure.on,
        (None, None) => match state.declined() {
            Some(declined) => declined.on,
            None => return None,
        },
    };
    from.checked_add_months(chrono::Months::new(OMBUDSMAN_MONTHS))
}

fn latest_response(
    state: &CaseState,
    policy: &Policy,
    final_response: bool,
) -> Option<LatestResponse> {
    if state.kind != CaseKind::Complaint {
        return None;
    }
    if let Some(decision) = state.panel.as_ref().and_then(|p| p.outcome.as_ref()) {
        return Some(LatestResponse {
            stage: policy.panel.as_ref().map(|p| p.number).unwrap_or(0),
            panel: true,
            on: decision.on,
            outcome: Some(decision.outcome),
            reasons: decision.reasons.clone(),
            remedies: Vec::new(),
            outstanding_actions: Vec::new(),
            final_response: true,
            by_post: false,
            received_on: None,
        });
    }
    let (stage, response) = state
        .stages
        .iter()
        .rev()
        .find_map(|s| s.response.as_ref().map(|r| (s.number, r)))?;
    let current = state.current_stage().map(|s| s.number) == Some(stage);
    Some(LatestResponse {
        stage,
        panel: false,
        on: response.on,
        outcome: response.outcome,
        reasons: response.reasons.clone(),
        remedies: response.remedies.clone(),
        outstanding_actions: response.outstanding_actions.clone(),
        final_response: final_response && current,
        by_post: response.sent_by == Some(super::SentBy::Post),
        received_on: (response.received_on != response.on).then_some(response.received_on),
    })
}

/// The one thing to expect next, chosen from the case's state and its due
/// dates (so the date is always the one listed under "Dates").
fn next_step(
    state: &CaseState,
    due_dates: &[DueDate],
    today: NaiveDate,
    latest: Option<&LatestResponse>,
) -> Option<NextStep> {
    let pending = |key: DueKey| {
        due_dates
            .iter()
            .rev()
            .find(|d| d.key == key && d.met.is_none())
    };
    let closed = state.closed.as_ref().map(|c| NextStep::Closed {
        on: c.on,
        why: c.why.clone(),
    });
    if state.kind != CaseKind::Complaint {
        return closed;
    }
    if let Some(on) = state.referred_to_ombudsman_on {
        return Some(NextStep::WithOmbudsman { on });
    }
    if let Some(withdrawal) = &state.withdrawn {
        return Some(NextStep::Withdrawn { on: withdrawal.on });
    }
    if closed.is_some() {
        return closed;
    }
    if let Some(declined) = state.declined() {
        return Some(NextStep::NotTakenOn {
            on: declined.on,
            reasons: declined.reasons.clone(),
        });
    }
    if state.awaiting_decision() {
        return Some(NextStep::AwaitingDecision);
    }
    if let Some(panel) = &state.panel {
        return Some(match (&panel.outcome, panel.held_on) {
            // The panel's decision is the latest response.
            (Some(_), _) => match latest {
                Some(decision) => NextStep::Responded {
                    stage: decision.stage,
                    on: decision.on,
                    final_response: decision.final_response,
                },
                None => return None,
            },
            (None, Some(held)) if held > today => NextStep::PanelMeetsOn { on: held },
            (None, Some(_)) => match pending(DueKey::PanelOutcome) {
                Some(d) => NextStep::PanelDecision {
                    by: d.date,
                    overdue: d.overdue,
                },
                None => return None,
            },
            (None, None) => match pending(DueKey::PanelConvene) {
                Some(d) => NextStep::PanelMeetBy {
                    by: d.date,
                    overdue: d.overdue,
                },
                None => return None,
            },
        });
    }
    let stage = state.current_stage()?;
    let n = stage.number;
    if let Some(response) = &stage.response {
        let refused = state
            .escalation_refusals
            .last()
            .filter(|r| r.on >= response.on);
        return Some(match refused {
            Some(refusal) => NextStep::EscalationRefused {
                stage: refusal.stage,
                on: refusal.on,
            },
            None => NextStep::Responded {
                stage: n,
                on: response.on,
                final_response: latest.is_some_and(|r| r.final_response),
            },
        });
    }
    let respond = pending(DueKey::Respond { stage: n });
    if let Some(request) = state
        .information_requests
        .iter()
        .rev()
        .find(|r| r.answered_on.is_none())
    {
        return Some(NextStep::InformationRequested {
            what: request.what.clone(),
            asked_on: request.on,
            respond_by: respond.map(|d| d.date),
        });
    }
    if stage.acknowledged_on.is_none() {
        if let Some(d) = pending(DueKey::Acknowledge { stage: n }) {
            return Some(NextStep::Acknowledge {
                stage: n,
                by: d.date,
                overdue: d.overdue,
            });
        }
    }
    respond.map(|d| NextStep::Respond {
        stage: n,
        by: d.date,
        overdue: d.overdue,
        extended: d.original_date.is_some(),
    })
}

fn status(state: &CaseState, today: NaiveDate) -> Status {
    if state.kind != CaseKind::Complaint {
        return if state.closed.is_some() {
            Status::Closed
        } else if state.responded_on.is_some() {
            Status::Responded
        } else if state.acknowledged_on.is_some() {
            Status::Acknowledged
        } else {
            Status::AwaitingAcknowledgement
        };
    }
    if state.referred_to_ombudsman_on.is_some() {
        return Status::WithOmbudsman;
    }
    if state.withdrawn.is_some() {
        return Status::Withdrawn;
    }
    if state.closed.is_some() {
        return Status::Closed;
    }
    if state.declined().is_some() {
        return Status::NotTakenOn;
    }
    if state.awaiting_decision() {
        return Status::AwaitingDecision;
    }
    if let Some(panel) = &state.panel {
        return match (panel.held_on, &panel.outcome) {
            (_, Some(_)) => Status::Responded,
            (Some(held), None) if held > today => Status::PanelScheduled,
            (Some(_), None) => Status::AwaitingPanelOutcome,
            (None, None) => Status::PanelRequested,
        };
    }
    if state
        .information_requests
        .iter()
        .any(|r| r.answered_on.is_none())
    {
        return Status::InformationRequested;
    }
    let Some(stage) = state.current_stage() else {
        return Status::AwaitingAcknowledgement;
    };
    match (&stage.response, stage.acknowledged_on) {
        (Some(response), _) => {
            let refused = state
                .escalation_refusals
                .last()
                .is_some_and(|r| r.on >= response.on);
            if refused {
                Status::EscalationRefused
            } else {
                Status::Responded
            }
        }
        (None, Some(_)) => Status::UnderInvestigation,
        (None, None) if state.stages.len() > 1 => Status::EscalationRequested,
        (None, None) => Status::AwaitingAcknowledgement,
    }
}

fn stage_ref(state: &CaseState, policy: &Policy) -> Option<StageRef> {
    if let (Some(_), Some(panel)) = (&state.panel, &policy.panel) {
        return Some(StageRef {
            number: panel.number,
            name: panel.name.clone(),
        });
    }
    let stage = state.current_stage()?;
    let name = policy_stage(policy, stage.number)
        .map(|s| s.name.clone())
        .unwrap_or_default();
    Some(StageRef {
        number: stage.number,
        name,
    })
}

#[allow(clippy::too_many_arguments)]
fn due(
    key: DueKey,
    kind: DueKind,
    stage: u8,
    date: NaiveDate,
    counted_from: NaiveDate,
    days: u32,
    basis: Basis,
    calendar: &Calendar,
    done_on: Option<NaiveDate>,
) -> DueDate {
    let skipped = calendar
        .working_days_between(counted_from, date)
        .map(|b| b.skipped)
        .unwrap_or_default();
    DueDate {
        key,
        kind,
        stage,
        date,
        counted_from,
        days,
        basis,
        skipped,
        original_date: None,
        extension_reason: None,
        met: done_on.map(|d| d <= date),
        done_on,
        overdue: false,
    }
}

/// A due date moved from the policy's `original` (`policy_days` working
/// days) to the one it now has, for `reason`: a response extended, a panel
/// put back.
fn moved(item: &mut DueDate, original: NaiveDate, policy_days: u32, reason: &str) {
    item.basis.extension = Some(BasisExtension {
        days: item.days.saturating_sub(policy_days),
        original_date: original,
    });
    item.original_date = Some(original);
    item.extension_reason = Some(reason.to_owned());
}

fn due_dates(
    state: &CaseState,
    policy: &Policy,
    calendar: &Calendar,
    today: NaiveDate,
) -> Vec<DueDate> {
    let mut out = Vec::new();
    for (index, stage) in state.stages.iter().enumerate() {
        let Some(rules) = policy_stage(policy, stage.number) else {
            continue;
        };
        let n = stage.number;
        let response_on = stage.response.as_ref().map(|r| r.on);

        if let Some(ack) = acknowledge_target(rules, stage, calendar) {
            let done_on = stage.acknowledged_on.or(response_on);
            out.push(due(
                DueKey::Acknowledge { stage: n },
                DueKind::Acknowledge,
                n,
                ack.date,
                ack.counted_from,
                ack.days,
                ack.basis,
                calendar,
                done_on,
            ));
        }

        if let Some(original) = original_respond_target(rules, stage, calendar) {
            let item = match stage.extensions.last() {
                None => due(
                    DueKey::Respond { stage: n },
                    DueKind::Respond,
                    n,
                    original.date,
                    original.counted_from,
                    original.days,
                    original.basis,
                    calendar,
                    response_on,
                ),
                Some(ext) => {
                    let total = calendar
                        .working_days_between(original.counted_from, ext.new_date)
                        .map(|b| b.working_days)
                        .unwrap_or(original.days);
                    let mut item = due(
                        DueKey::Respond { stage: n },
                        DueKind::Respond,
                        n,
                        ext.new_date,
                        original.counted_from,
                        total,
                        original.basis,
                        calendar,
                        response_on,
                    );
                    moved(&mut item, original.date, original.days, &ext.reason);
                    item
                }
            };
            out.push(item);
        }

        if let (Some(response), Ok(Some(last_day))) = (
            &stage.response,
            escalation_last_day(policy, calendar, stage),
        ) {
            let days = rules.next_stage_window.unwrap_or(0);
            let next = state.stages.get(index + 1);
            let from = match rules.next_stage_window_from {
                crate::policy::WindowFrom::ResponseSent => BasisFrom::StageResponse { stage: n },
                crate::policy::WindowFrom::ResponseReceived => {
                    BasisFrom::StageResponseReceived { stage: n }
                }
            };
            out.push(due(
                DueKey::NextStageWindow { stage: n },
                DueKind::RequestNextStage,
                n,
                last_day,
                super::deadlines::window_from(rules, response),
                days,
                Basis::new(days, from),
                calendar,
                next.map(|s| s.started_on),
            ));
        }
    }

    if let (Some(panel_rules), Some(last)) = (&policy.panel, state.current_stage()) {
        let is_last = policy.stages.iter().map(|s| s.number).max() == Some(last.number);
        if let (true, Some(response)) = (is_last, &last.response) {
            if let Ok(counted) = calendar.add_working_days(response.on, panel_rules.request_window)
            {
                out.push(due(
                    DueKey::PanelWindow,
                    DueKind::RequestPanel,
                    last.number,
                    counted.date,
                    response.on,
                    panel_rules.request_window,
                    Basis::new(
                        panel_rules.request_window,
                        BasisFrom::StageResponse { stage: last.number },
                    ),
                    calendar,
                    state.panel.as_ref().map(|p| p.requested_on),
                ));
            }
        }
        if let Some(panel) = state.panel.as_ref().filter(|p| p.dispensed.is_none()) {
            if let Some((original, current)) =
                super::deadlines::panel_meets_by(panel_rules, panel, calendar)
            {
                let held = panel.held_on.filter(|h| *h <= today);
                let days = calendar
                    .working_days_between(panel.requested_on, current)
                    .map(|b| b.working_days)
                    .unwrap_or(panel_rules.convene_within);
                let basis = Basis::new(panel_rules.convene_within, BasisFrom::PanelRequested);
                let mut item = due(
                    DueKey::PanelConvene,
                    DueKind::PanelMeets,
                    panel_rules.number,
                    current,
                    panel.requested_on,
                    days,
                    basis,
                    calendar,
                    held,
                );
                if let Some(delay) = panel.delays.last() {
                    moved(
                        &mut item,
                        original,
                        panel_rules.convene_within,
                        &delay.reason,
                    );
                }
                out.push(item);
            }
            if let Some(held) = panel.held_on.filter(|h| *h <= today) {
                if let Ok(counted) = calendar.add_working_days(held, panel_rules.outcome_within) {
                    out.push(due(
                        DueKey::PanelOutcome,
                        DueKind::PanelDecision,
                        panel_rules.number,
                        counted.date,
                        held,
                        panel_rules.outcome_within,
                        Basis::new(panel_rules.outcome_within, BasisFrom::PanelMet),
                        calendar,
                        panel.outcome.as_ref().map(|o| o.on),
                    ));
                }
            }
        }
    }

    if let (Some(rules), Some(enquiry)) = (&policy.councillor_and_mp, &state.councillor_or_mp) {
        if let Ok(counted) = calendar.add_working_days(state.received_on, rules.reply_within) {
            out.push(due(
                DueKey::CouncillorOrMpReply,
                DueKind::ReplyToCouncillorOrMp,
                1,
                counted.date,
                state.received_on,
                rules.reply_within,
                Basis::new(rules.reply_within, BasisFrom::Received { stage: 1 }),
                calendar,
                enquiry.replied_on,
            ));
        }
    }

    let open = !state.is_finished();
    for item in &mut out {
        item.overdue =
            open && item.met.is_none() && today > item.date && !item.kind.is_residents_window();
    }
    out
}

fn working_days_left(calendar: &Calendar, today: NaiveDate, last_day: NaiveDate) -> Option<u32> {
    let day_before = today.pred_opt()?;
    calendar
        .working_days_between(day_before, last_day)
        .ok()
        .map(|b| b.working_days)
}

fn windows(
    state: &CaseState,
    policy: &Policy,
    calendar: &Calendar,
    today: NaiveDate,
) -> (Option<Window>, Vec<ClosedWindow>) {
    let mut closed = Vec::new();
    if state.kind != CaseKind::Complaint || state.is_finished() || state.panel.is_some() {
        return (None, closed);
    }
    let Some(stage) = state.current_stage() else {
        return (None, closed);
    };
    let refused = state
        .escalation_refusals
        .last()
        .is_some_and(|r| stage.response.as_ref().is_some_and(|s| r.on >= s.on));
    if !refused {
        match escalation_last_day(policy, calendar, stage) {
            Ok(None) => {
                return (
                    Some(Window {
                        action: ResidentAction::RequestEscalation,
                        last_day: None,
                        working_days_left: None,
                    }),
                    closed,
                )
            }
            Ok(Some(last_day)) if today <= last_day => {
                return (
                    Some(Window {
                        action: ResidentAction::RequestEscalation,
                        last_day: Some(last_day),
                        working_days_left: working_days_left(calendar, today, last_day),
                    }),
                    closed,
                )
            }
            Ok(Some(last_day)) => closed.push(ClosedWindow {
                action: ResidentAction::RequestEscalation,
                last_day,
            }),
            Err(_) => {}
        }
    }
    if let Ok(last_day) = panel_last_day(policy, calendar, state) {
        if today <= last_day {
            return (
                Some(Window {
                    action: ResidentAction::RequestPanel,
                    last_day: Some(last_day),
                    working_days_left: working_days_left(calendar, today, last_day),
                }),
                closed,
            );
        }
        closed.push(ClosedWindow {
            action: ResidentAction::RequestPanel,
            last_day,
        });
    }
    (None, closed)
}

fn final_response(state: &CaseState, policy: &Policy) -> bool {
    if state.panel.as_ref().is_some_and(|p| p.outcome.is_some()) {
        return true;
    }
    let last_number = policy.stages.iter().map(|s| s.number).max();
    state
        .current_stage()
        .is_some_and(|s| s.response.is_some() && Some(s.number) == last_number)
}

fn guidance(state: &CaseState, policy: &Policy, final_response: bool) -> Vec<String> {
    if state.kind != CaseKind::Complaint {
        return Vec::new();
    }
    let refused = !state.escalation_refusals.is_empty() || state.declined().is_some();
    let during = !state.is_finished() && !final_response;
    policy
        .ombudsman
        .guidance
        .iter()
        .filter(|g| match g.when {
            GuidanceWhen::Always => true,
            GuidanceWhen::DuringProcess => during,
            GuidanceWhen::AfterFinalResponse => final_response || state.closed.is_some(),
            GuidanceWhen::AfterRefusal => refused,
        })
        .map(|g| crate::policy::without_section_references(&g.text))
        .collect()
}

fn probe(
    state: &CaseState,
    policy: &Policy,
    calendar: &Calendar,
    today: NaiveDate,
    event: Event,
) -> bool {
    let Some(noon) = today.and_hms_opt(12, 0, 0) else {
        return false;
    };
    let record = EventRecord {
        at: Utc.from_utc_datetime(&noon),
        actor: Actor {
            kind: ActorKind::Staff,
            name: None,
            id: None,
        },
        on: Some(today),
        event,
    };
    apply(state, policy, calendar, &record).is_ok()
}

fn resident_actions(
    state: &CaseState,
    policy: &Policy,
    calendar: &Calendar,
    today: NaiveDate,
) -> Vec<ResidentAction> {
    let candidates = [
        (
            ResidentAction::AddInformation,
            Event::InformationGiven {
                text: "information".to_owned(),
            },
        ),
        (
            ResidentAction::QueryDefinition,
            Event::DefinitionQueried {
                text: "what is not right".to_owned(),
            },
        ),
        (
            ResidentAction::RequestEscalation,
            Event::EscalationRequested { reason: None },
        ),
        (
            ResidentAction::RequestPanel,
            Event::PanelRequested {
                attendance: Attendance::Attend,
                representative: None,
            },
        ),
        (ResidentAction::Withdraw, Event::Withdrawn { reason: None }),
        (
            ResidentAction::RecordSatisfaction,
            Event::SatisfactionRecorded {
                satisfied: true,
                comment: None,
            },
        ),
    ];
    candidates
        .into_iter()
        .filter(|(_, event)| probe(state, policy, calendar, today, event.clone()))
        .map(|(action, _)| action)
        .collect()
}

fn staff_actions(
    state: &CaseState,
    policy: &Policy,
    calendar: &Calendar,
    today: NaiveDate,
) -> Vec<StaffAction> {
    let outcome = if state.kind == CaseKind::Complaint {
        Some(Outcome::Upheld)
    } else {
        None
    };
    let candidates = [
        (
            StaffAction::Accept,
            Event::Accepted {
                reason: "reason".to_owned(),
                // Under a policy without discretion, only an exception can.
                exception: super::apply::listed_exceptions(policy).into_iter().next(),
            },
        ),
        (
            StaffAction::Decline,
            Event::Declined {
                reasons: "reasons".to_owned(),
            },
        ),
        (StaffAction::Acknowledge, Event::acknowledged()),
        (
            StaffAction::Assign,
            Event::Assigned {
                caseworker: "caseworker".to_owned(),
                caseworker_id: None,
            },
        ),
        (
            StaffAction::RequestInformation,
            Event::InformationRequested {
                what: "information".to_owned(),
            },
        ),
        (
            StaffAction::Respond,
            Event::Responded {
                outcome,
                reasons: String::new(),
                remedies: Vec::new(),
                outstanding_actions: Vec::new(),
                sent_by: None,
                root_causes: Vec::new(),
                lessons: None,
            },
        ),
        (
            StaffAction::RefuseEscalation,
            Event::EscalationRefused {
                reasons: "reasons".to_owned(),
            },
        ),
        (
            StaffAction::ReopenAtStage,
            Event::ReopenedAtStage {
                reasons: "reasons".to_owned(),
            },
        ),
        (
            StaffAction::RecordPanelDate,
            Event::PanelHeld { date: today },
        ),
        (
            StaffAction::DispensePanel,
            Event::PanelDispensed {
                reason: "reason".to_owned(),
            },
        ),
        (
            StaffAction::RecordPanelOutcome,
            Event::PanelOutcome {
                outcome: Outcome::Upheld,
                reasons: String::new(),
            },
        ),
        (
            StaffAction::RecordSatisfaction,
            Event::SatisfactionRecorded {
                satisfied: true,
                comment: None,
            },
        ),
        (
            StaffAction::Close,
            // With a reason, which closes even with promises open.
            Event::Closed {
                why: ClosedWhy::Other("reason".to_owned()),
            },
        ),
        (
            StaffAction::Reopen,
            Event::Reopened {
                reason: "reason".to_owned(),
            },
        ),
        (
            StaffAction::RecordReferralToOmbudsman,
            Event::ReferredToOmbudsman,
        ),
        (
            StaffAction::RecordReplyToCouncillorOrMp,
            Event::RepliedToCouncillorOrMp,
        ),
    ];
    let open = state.open_actions().next().map(|a| (a.number, a.due));
    let promises = open.into_iter().flat_map(|(action, due)| {
        [
            (StaffAction::MarkActionDone, Event::ActionDone { action }),
            (
                StaffAction::ChangeAction,
                Event::ActionChanged {
                    action,
                    reason: "reason".to_owned(),
                    description: "action".to_owned(),
                    owner: "owner".to_owned(),
                    due: due.max(today),
                },
            ),
        ]
    });
    let mut actions: Vec<StaffAction> = candidates
        .into_iter()
        .chain(promises)
        .filter(|(_, event)| probe(state, policy, calendar, today, event.clone()))
        .map(|(action, _)| action)
        .collect();
    if can_extend(state, policy) {
        // After acknowledging and assigning, when those are offered: fewer
        // may be (a case dated after today offers neither).
        actions.insert(actions.len().min(2), StaffAction::Extend);
    }
    if can_delay_panel(state, policy, today) {
        let at = actions
            .iter()
            .position(|a| *a == StaffAction::RecordPanelDate)
            .map_or(actions.len(), |i| i + 1);
        actions.insert(at, StaffAction::DelayPanel);
    }
    actions.extend(for_the_resident(state, policy, calendar, today));
    actions
}

/// What a resident asked for by phone, letter or in person, which staff
/// record dated the day it reached them (issue 16, item 1): offered while it
/// could be asked for today, or on the last day of a window that has closed
/// since (the request may have come in time; its own date is checked when
/// it is recorded).
fn for_the_resident(
    state: &CaseState,
    policy: &Policy,
    calendar: &Calendar,
    today: NaiveDate,
) -> Vec<StaffAction> {
    let (_, closed) = windows(state, policy, calendar, today);
    let days: Vec<NaiveDate> = std::iter::once(today)
        .chain(closed.iter().map(|w| w.last_day))
        .collect();
    let candidates = [
        (
            StaffAction::RecordEscalationRequest,
            Event::EscalationRequested { reason: None },
        ),
        (
            StaffAction::RecordPanelRequest,
            Event::PanelRequested {
                attendance: Attendance::Attend,
                representative: None,
            },
        ),
        (
            StaffAction::RecordWithdrawal,
            Event::Withdrawn { reason: None },
        ),
        (
            StaffAction::RecordInformation,
            Event::InformationGiven {
                text: "information".to_owned(),
            },
        ),
    ];
    candidates
        .into_iter()
        .filter(|(_, event)| {
            days.iter()
                .any(|day| probe(state, policy, calendar, *day, event.clone()))
        })
        .map(|(action, _)| action)
        .collect()
}

/// Whether the current stage's response date can still be extended (the new
/// date itself is checked when it is given).
fn can_extend(state: &CaseState, policy: &Policy) -> bool {
    if state.kind != CaseKind::Complaint || state.is_finished() || state.panel.is_some() {
        return false;
    }
    state.current_stage().is_some_and(|stage| {
        stage.response.is_none()
            && policy_stage(policy, stage.number).is_some_and(|r| r.extension.is_some())
    })
}

/// Whether the panel's date can be put back (the new date itself is checked
/// when it is given): asked for, not met, not decided, the case open.
fn can_delay_panel(state: &CaseState, policy: &Policy, today: NaiveDate) -> bool {
    policy.panel.is_some()
        && !state.is_finished()
        && state
            .panel
            .as_ref()
            .is_some_and(|p| p.outcome.is_none() && p.held_on.is_none_or(|held| held > today))
}

#[cfg(test)]
mod due_key_tests {
    use super::DueKey;

    #[test]
    fn a_due_dates_key_travels_as_the_same_strings_as_before() {
        let keys = [
            (DueKey::Acknowledge { stage: 1 }, "stage_1_acknowledge"),
            (DueKey::Respond { stage: 2 }, "stage_2_respond"),
            (DueKey::NextStageWindow { stage: 1 }, "stage_1_window"),
            (DueKey::PanelWindow, "panel_window"),
            (DueKey::PanelConvene, "panel_convene"),
            (DueKey::PanelOutcome, "panel_outcome"),
        ];
        for (key, wire) in keys {
            let json = serde_json::to_string(&key).unwrap();
            assert_eq!(json, format!("\"{wire}\""));
            assert_eq!(serde_json::from_str::<DueKey>(&json).unwrap(), key);
            assert!(key == wire);
        }
        for bad in [
            "stage_x_respond",
            "stage_1_reply",
            "panel",
            "stage_+1_window",
            "",
        ] {
            assert!(bad.parse::<DueKey>().is_err(), "{bad}");
        }
    }
}
