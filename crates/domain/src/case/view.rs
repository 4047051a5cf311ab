//! What a case looks like on a given day: its status, its due dates and what
//! can still be done.

use chrono::{NaiveDate, TimeZone, Utc};
use serde::{Deserialize, Serialize};

use super::{
    acknowledge_target, apply, escalation_last_day, original_respond_target, panel_last_day,
    policy_stage, Actor, ActorKind, Attendance, Basis, BasisExtension, BasisFrom, CaseKind,
    CaseState, ClosedWhy, Event, EventRecord, Outcome,
};
use crate::calendar::{long_date, Calendar, SkippedDay};
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
}

/// A stage, as the resident knows it.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
pub struct StageRef {
    pub number: u8,
    pub name: String,
}

/// A date something is due by, with how it was worked out.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
pub struct DueDate {
    /// Stable key: `stage_1_acknowledge`, `stage_1_respond`, `stage_1_window`,
    /// `panel_window`, `panel_convene`, `panel_outcome`.
    pub key: String,
    /// Plain English: "We will reply by".
    pub label: String,
    pub date: NaiveDate,
    /// The day counted from (day 0).
    pub counted_from: NaiveDate,
    /// Working days from `counted_from` to `date`.
    pub days: u32,
    /// "10 working days after we acknowledged your complaint": `basis_parts`
    /// in English.
    pub basis: String,
    /// How `date` was counted, as data, for words in any language. `None`
    /// only in a view stored before it was added.
    #[serde(default)]
    pub basis_parts: Option<Basis>,
    pub skipped: Vec<SkippedDay>,
    /// "We don't count 25, 28 December or 1 January (bank holidays)."
    pub explanation: Option<String>,
    /// For an extended date: the date before the extension.
    pub original_date: Option<NaiveDate>,
    /// For an extended date: why it was extended.
    pub extension_reason: Option<String>,
    /// `None` until done; then whether it was done by `date`.
    pub met: Option<bool>,
    /// Not done, the case still open, and `date` has passed. Windows for the
    /// resident (`*_window`) are never overdue: when they pass they are
    /// listed in [`CaseView::closed_windows`].
    pub overdue: bool,
}

/// Something a resident (or their advocate) can do.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ResidentAction {
    AddInformation,
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
    RecordPanelDate,
    RecordPanelOutcome,
    RecordSatisfaction,
    Close,
    Reopen,
    RecordReferralToOmbudsman,
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

/// A window that has closed, and what is still open.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
pub struct ClosedWindow {
    pub action: ResidentAction,
    pub last_day: NaiveDate,
    /// "The last day to ask for stage 2 was Friday 5 February 2027."
    pub message: String,
    /// "You can still ask the Housing Ombudsman to look at your complaint."
    pub still_open: String,
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
}

const OMBUDSMAN_STILL_OPEN: &str =
    "You can still ask the Housing Ombudsman to look at your complaint.";

/// The case as it stands on `today` (the server's clock, UK date).
pub fn view(state: &CaseState, policy: &Policy, calendar: &Calendar, today: NaiveDate) -> CaseView {
    let due_dates = due_dates(state, policy, calendar, today);
    let next_due = due_dates
        .iter()
        .filter(|d| d.met.is_none() && !d.key.ends_with("_window"))
        .map(|d| d.date)
        .min()
        .filter(|_| !state.is_finished());
    let (open_window, closed_windows) = windows(state, policy, calendar, today);
    let final_response = final_response(state, policy);
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
    }
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
    key: String,
    label: &str,
    date: NaiveDate,
    counted_from: NaiveDate,
    days: u32,
    basis: Basis,
    calendar: &Calendar,
    met: Option<bool>,
) -> DueDate {
    let between = calendar.working_days_between(counted_from, date).ok();
    let explanation = between.as_ref().and_then(|b| b.explanation());
    DueDate {
        key,
        label: label.to_owned(),
        date,
        counted_from,
        days,
        basis: basis.to_string(),
        basis_parts: Some(basis),
        skipped: between.map(|b| b.skipped).unwrap_or_default(),
        explanation,
        original_date: None,
        extension_reason: None,
        met,
        overdue: false,
    }
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
        let first = index == 0;
        let response_on = stage.response.as_ref().map(|r| r.on);

        if let Some(ack) = acknowledge_target(rules, stage, calendar) {
            let done_on = stage.acknowledged_on.or(response_on);
            let label = if first {
                "We will acknowledge your complaint by"
            } else {
                "We will acknowledge your request by"
            };
            out.push(due(
                format!("stage_{n}_acknowledge"),
                label,
                ack.date,
                ack.counted_from,
                ack.days,
                ack.basis,
                calendar,
                done_on.map(|d| d <= ack.date),
            ));
        }

        if let Some(original) = original_respond_target(rules, stage, calendar) {
            let label = if first {
                "We will reply by"
            } else {
                "We will send our review response by"
            };
            let mut item = match stage.extensions.last() {
                None => due(
                    format!("stage_{n}_respond"),
                    label,
                    original.date,
                    original.counted_from,
                    original.days,
                    original.basis,
                    calendar,
                    None,
                ),
                Some(ext) => {
                    let total = calendar
                        .working_days_between(original.counted_from, ext.new_date)
                        .map(|b| b.working_days)
                        .unwrap_or(original.days);
                    let mut item = due(
                        format!("stage_{n}_respond"),
                        label,
                        ext.new_date,
                        original.counted_from,
                        total,
                        Basis {
                            extension: Some(BasisExtension {
                                days: total.saturating_sub(original.days),
                                original_date: original.date,
                            }),
                            ..original.basis
                        },
                        calendar,
                        None,
                    );
                    item.original_date = Some(original.date);
                    item.extension_reason = Some(ext.reason.clone());
                    item
                }
            };
            item.met = response_on.map(|d| d <= item.date);
            out.push(item);
        }

        if let (Some(responded), Ok(Some(last_day))) =
            (response_on, escalation_last_day(policy, calendar, stage))
        {
            let days = rules.next_stage_window.unwrap_or(0);
            let next = state.stages.get(index + 1);
            out.push(due(
                format!("stage_{n}_window"),
                "You can ask for a review until",
                last_day,
                responded,
                days,
                Basis::new(days, BasisFrom::StageResponse { stage: n }),
                calendar,
                next.map(|s| s.started_on <= last_day),
            ));
        }
    }

    if let (Some(panel_rules), Some(last)) = (&policy.panel, state.current_stage()) {
        let is_last = policy.stages.iter().map(|s| s.number).max() == Some(last.number);
        if let (true, Some(response)) = (is_last, &last.response) {
            if let Ok(counted) = calendar.add_working_days(response.on, panel_rules.request_window)
            {
                out.push(due(
                    "panel_window".to_owned(),
                    "You can ask for a panel until",
                    counted.date,
                    response.on,
                    panel_rules.request_window,
                    Basis::new(
                        panel_rules.request_window,
                        BasisFrom::StageResponse { stage: last.number },
                    ),
                    calendar,
                    state.panel.as_ref().map(|p| p.requested_on <= counted.date),
                ));
            }
        }
        if let Some(panel) = &state.panel {
            if let Ok(counted) =
                calendar.add_working_days(panel.requested_on, panel_rules.convene_within)
            {
                let held = panel.held_on.filter(|h| *h <= today);
                out.push(due(
                    "panel_convene".to_owned(),
                    "The panel will meet by",
                    counted.date,
                    panel.requested_on,
                    panel_rules.convene_within,
                    Basis::new(panel_rules.convene_within, BasisFrom::PanelRequested),
                    calendar,
                    held.map(|h| h <= counted.date),
                ));
            }
            if let Some(held) = panel.held_on.filter(|h| *h <= today) {
                if let Ok(counted) = calendar.add_working_days(held, panel_rules.outcome_within) {
                    out.push(due(
                        "panel_outcome".to_owned(),
                        "We will send the panel's decision by",
                        counted.date,
                        held,
                        panel_rules.outcome_within,
                        Basis::new(panel_rules.outcome_within, BasisFrom::PanelMet),
                        calendar,
                        panel.outcome.as_ref().map(|o| o.on <= counted.date),
                    ));
                }
            }
        }
    }

    let open = !state.is_finished();
    for item in &mut out {
        item.overdue =
            open && item.met.is_none() && today > item.date && !item.key.ends_with("_window");
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
                message: format!(
                    "The last day to ask for a review was {}.",
                    long_date(last_day)
                ),
                still_open: OMBUDSMAN_STILL_OPEN.to_owned(),
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
            message: format!(
                "The last day to ask for a panel was {}.",
                long_date(last_day)
            ),
            still_open: OMBUDSMAN_STILL_OPEN.to_owned(),
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
    let refused = !state.escalation_refusals.is_empty();
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
        .map(|g| g.text.clone())
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
        (StaffAction::Acknowledge, Event::Acknowledged),
        (
            StaffAction::Assign,
            Event::Assigned {
                caseworker: "caseworker".to_owned(),
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
            },
        ),
        (
            StaffAction::RefuseEscalation,
            Event::EscalationRefused {
                reasons: "reasons".to_owned(),
            },
        ),
        (
            StaffAction::RecordPanelDate,
            Event::PanelHeld { date: today },
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
            Event::Closed {
                why: ClosedWhy::Resolved,
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
    ];
    let mut actions: Vec<StaffAction> = candidates
        .into_iter()
        .filter(|(_, event)| probe(state, policy, calendar, today, event.clone()))
        .map(|(action, _)| action)
        .collect();
    if can_extend(state, policy) {
        // After acknowledging and assigning, when those are offered: fewer
        // may be (a case dated after today offers neither).
        actions.insert(actions.len().min(2), StaffAction::Extend);
    }
    actions
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
