//! The policy's clock, as data: for a case as it stands, each automatic rule
//! that will act on it, the day it acts and what it will do. Pure: the
//! server's scheduler runs what has fallen due on its own clock and claims
//! each trigger once ([`RuleTrigger::key`] with [`RuleTrigger::trigger_on`]),
//! so a rule acts once per case and trigger across restarts, catch-up and
//! several processes.
//!
//! The rules:
//! - closing after no contact (Pivotal §10.1(c)): the 11th working day after
//!   the stage 1 response, while nothing has come from the resident
//!   ([`no_contact_close_on`](super::no_contact_close_on));
//! - the satisfaction survey (Pioneer §7): the 11th working day after the
//!   latest outcome, while the resident has not replied;
//! - a window closing: the day after the resident's last day to ask for the
//!   next stage or a panel, when they did not ask;
//! - a reminder to the resident two working days before that last day,
//!   unless they asked, said they are satisfied, or withdrew;
//! - a reminder to the caseworker some working days before each due date
//!   (acknowledge, respond), and an overdue alert on the first working day
//!   after it.
//!
//! Every trigger counts from a day that the rule's own action does not move
//! (a response, a due date), so acting cannot arm the same rule again.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::deadlines::{
    acknowledge_target, current_respond_date, escalation_last_day, panel_last_day, policy_stage,
};
use super::{no_contact_close_on, CaseKind, CaseState, ClosedWhy, DueKey, Event};
use crate::calendar::Calendar;
use crate::policy::{AutoCloseRule, Policy};

/// How many working days before their window closes a resident is reminded.
pub const RESIDENT_REMINDER_DAYS: u32 = 2;

/// How many working days before a due date the caseworker is reminded,
/// unless the server is told otherwise.
pub const CASEWORKER_REMINDER_DAYS: u32 = 2;

/// An automatic rule.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum RuleKind {
    /// The resident's window to ask for the next stage or a panel closed
    /// without a request: said on the case.
    WindowClosed,
    /// An answered complaint closes when nothing has come from the resident
    /// within the policy's working days of the stage 1 response.
    NoContactClose,
    /// A satisfaction survey is attempted when the resident has not replied
    /// to the outcome within the policy's working days.
    SatisfactionSurvey,
    /// The resident is reminded that their window closes soon.
    WindowReminder,
    /// The caseworker is reminded that a due date is near.
    DueSoon,
    /// The caseworker (and the team's manager) are told a due date passed.
    Overdue,
}

impl RuleKind {
    /// The rule's stable name, in `rule_runs` and the logs.
    pub fn name(self) -> &'static str {
        match self {
            RuleKind::WindowClosed => "window_closed",
            RuleKind::NoContactClose => "no_contact_after_response",
            RuleKind::SatisfactionSurvey => "survey_after_outcome",
            RuleKind::WindowReminder => "window_reminder",
            RuleKind::DueSoon => "due_soon",
            RuleKind::Overdue => "overdue",
        }
    }

    /// Whether the rule writes an event on the case (the others send a message).
    pub fn records_event(self) -> bool {
        matches!(
            self,
            RuleKind::WindowClosed | RuleKind::NoContactClose | RuleKind::SatisfactionSurvey
        )
    }
}

/// What a rule will do when it acts.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum RuleAction {
    /// Close the complaint, saying why.
    Close { why: ClosedWhy },
    /// Ask the resident whether they are satisfied.
    AttemptSurvey,
    /// Say on the case that the window closed on `last_day`.
    RecordWindowClosed { window: DueKey, last_day: NaiveDate },
    /// Remind the resident of their last day to ask.
    RemindResident { window: DueKey, last_day: NaiveDate },
    /// Remind the caseworker of a due date.
    RemindCaseworker { due: DueKey, date: NaiveDate },
    /// Tell the caseworker and the team's manager that a date passed.
    AlertOverdue { due: DueKey, date: NaiveDate },
}

/// One rule that will act on a case.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
pub struct RuleTrigger {
    pub rule: RuleKind,
    /// The day the rule counts from, which with [`RuleTrigger::key`]
    /// identifies this trigger: a response for the closing, survey and
    /// window rules, the due date for the caseworker's.
    pub trigger_on: NaiveDate,
    /// The day it acts (or, after downtime, the day it fell due).
    pub acts_on: NaiveDate,
    /// The last day acting still makes sense (a reminder after the date it
    /// reminds of is noise); `None`: no limit, it catches up.
    pub until: Option<NaiveDate>,
    pub action: RuleAction,
}

impl RuleTrigger {
    /// The trigger's name in `rule_runs`: the rule's, and the date it is
    /// about where one rule has several ("due_soon:stage_1_respond").
    pub fn key(&self) -> String {
        match &self.action {
            RuleAction::Close { .. } | RuleAction::AttemptSurvey => self.rule.name().to_owned(),
            RuleAction::RecordWindowClosed { window: about, .. }
            | RuleAction::RemindResident { window: about, .. }
            | RuleAction::RemindCaseworker { due: about, .. }
            | RuleAction::AlertOverdue { due: about, .. } => {
                format!("{}:{about}", self.rule.name())
            }
        }
    }

    /// Whether a server acts on it at all: a due-soon reminder waits until
    /// someone is assigned to remind (it may still come).
    pub fn can_act(&self, caseworker: bool) -> bool {
        self.rule != RuleKind::DueSoon || caseworker
    }

    /// Whether it should act on `today`.
    pub fn is_due(&self, today: NaiveDate) -> bool {
        self.acts_on <= today && self.until.is_none_or(|until| today <= until)
    }

    /// The event it records on the case, for the rules that record one.
    pub fn event(&self) -> Option<Event> {
        match &self.action {
            RuleAction::Close { why } => Some(Event::Closed { why: why.clone() }),
            RuleAction::RecordWindowClosed { window, last_day } => Some(Event::WindowClosed {
                window: *window,
                last_day: *last_day,
            }),
            _ => None,
        }
    }
}

/// What the server's configuration sets for the rules.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RuleSettings {
    /// Working days before a due date that the caseworker is reminded.
    pub caseworker_reminder_days: u32,
}

impl Default for RuleSettings {
    fn default() -> Self {
        Self {
            caseworker_reminder_days: CASEWORKER_REMINDER_DAYS,
        }
    }
}

/// The date a rule will act on the case, for the case view: the rules a
/// resident would see act (closing, the survey, a window closing).
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
pub struct RuleDate {
    pub rule: RuleKind,
    pub on: NaiveDate,
}

/// Every rule that will act on the case as it stands, in the order they act
/// (by day, then a window closing before a closure on the same day). A
/// case that is finished, with the Ombudsman, or waiting for a decision to
/// take it on has none.
pub fn rule_triggers(
    state: &CaseState,
    policy: &Policy,
    calendar: &Calendar,
    settings: &RuleSettings,
) -> Vec<RuleTrigger> {
    let mut triggers = Vec::new();
    if state.kind != CaseKind::Complaint
        || state.is_finished()
        || state.referred_to_ombudsman_on.is_some()
        || state.awaiting_decision()
    {
        return triggers;
    }
    window_rules(state, policy, calendar, &mut triggers);
    if let Some(on) = no_contact_close_on(state, policy, calendar) {
        if let Some(response) = state.stages.first().and_then(|s| s.response.as_ref()) {
            triggers.push(RuleTrigger {
                rule: RuleKind::NoContactClose,
                trigger_on: response.on,
                acts_on: on,
                until: None,
                action: RuleAction::Close {
                    why: ClosedWhy::NoContact,
                },
            });
        }
    }
    if let Some(trigger) = survey_rule(state, policy, calendar) {
        triggers.push(trigger);
    }
    caseworker_rules(state, policy, calendar, settings, &mut triggers);
    triggers.sort_by_key(|t| (t.acts_on, t.rule));
    triggers
}

/// The rules that act on the case on `today` (or fell due earlier and still
/// make sense), in order.
pub fn due_rules(
    state: &CaseState,
    policy: &Policy,
    calendar: &Calendar,
    settings: &RuleSettings,
    today: NaiveDate,
) -> Vec<RuleTrigger> {
    rule_triggers(state, policy, calendar, settings)
        .into_iter()
        .filter(|t| t.is_due(today))
        .collect()
}

/// The first day from `today` on which one of `triggers` will act and has
/// not yet (`done` holds the `(key, trigger_on)` of those that have), so the
/// clock's round need not look at the case before then; `None`: no rule
/// will act unless something happens to the case. A trigger that fell due
/// earlier and still makes sense gives `today`.
pub fn next_rule_on(
    triggers: &[RuleTrigger],
    done: &std::collections::HashSet<(String, NaiveDate)>,
    caseworker: bool,
    today: NaiveDate,
) -> Option<NaiveDate> {
    triggers
        .iter()
        .filter(|t| t.can_act(caseworker) && !done.contains(&(t.key(), t.trigger_on)))
        .filter(|t| t.until.is_none_or(|until| until >= today.max(t.acts_on)))
        .map(|t| t.acts_on.max(today))
        .min()
}

/// The dates rules will act on the case that the resident sees.
pub fn rule_dates(state: &CaseState, policy: &Policy, calendar: &Calendar) -> Vec<RuleDate> {
    rule_triggers(state, policy, calendar, &RuleSettings::default())
        .into_iter()
        .filter(|t| t.rule.records_event())
        .map(|t| RuleDate {
            rule: t.rule,
            on: t.acts_on,
        })
        .collect()
}

/// The resident's open window after the latest response, if they have not
/// used it: the window's key, the response day and the last day.
fn open_window(
    state: &CaseState,
    policy: &Policy,
    calendar: &Calendar,
) -> Option<(DueKey, NaiveDate, NaiveDate)> {
    if state.panel.is_some() {
        return None;
    }
    let stage = state.current_stage()?;
    let response = stage.response.as_ref()?;
    // A request that was refused still used the window.
    if state
        .escalation_refusals
        .iter()
        .any(|r| r.on >= response.on)
    {
        return None;
    }
    if let Ok(Some(last)) = escalation_last_day(policy, calendar, stage) {
        return Some((
            DueKey::NextStageWindow {
                stage: stage.number,
            },
            response.on,
            last,
        ));
    }
    panel_last_day(policy, calendar, state)
        .ok()
        .map(|last| (DueKey::PanelWindow, response.on, last))
}

fn window_rules(
    state: &CaseState,
    policy: &Policy,
    calendar: &Calendar,
    triggers: &mut Vec<RuleTrigger>,
) {
    let Some((window, responded_on, last_day)) = open_window(state, policy, calendar) else {
        return;
    };
    if let Some(day_after) = last_day.succ_opt() {
        triggers.push(RuleTrigger {
            rule: RuleKind::WindowClosed,
            trigger_on: responded_on,
            acts_on: day_after,
            until: None,
            action: RuleAction::RecordWindowClosed { window, last_day },
        });
    }
    let satisfied = state
        .satisfaction
        .as_ref()
        .is_some_and(|s| s.satisfied && s.on >= responded_on);
    if satisfied {
        return;
    }
    if let Ok(remind_on) = calendar.working_days_before(last_day, RESIDENT_REMINDER_DAYS) {
        triggers.push(RuleTrigger {
            rule: RuleKind::WindowReminder,
            trigger_on: responded_on,
            acts_on: remind_on.max(responded_on),
            until: Some(last_day),
            action: RuleAction::RemindResident { window, last_day },
        });
    }
}

/// Pioneer §7: a survey when the resident has not replied to the latest
/// outcome (a stage's response or the panel's decision) within the
/// policy's working days: on the working day after the last of them.
fn survey_rule(state: &CaseState, policy: &Policy, calendar: &Calendar) -> Option<RuleTrigger> {
    let rule = policy.auto_close.as_ref()?;
    if rule.rule != AutoCloseRule::SurveyAfterOutcome {
        return None;
    }
    let days = rule.days?;
    let outcome_on = match &state.panel {
        Some(panel) => panel.outcome.as_ref()?.on,
        None => state.current_stage()?.response.as_ref()?.on,
    };
    let replied = state
        .satisfaction
        .as_ref()
        .is_some_and(|s| s.on >= outcome_on)
        || state.information_given.iter().any(|g| g.on >= outcome_on)
        || state.escalation_refusals.iter().any(|r| r.on >= outcome_on);
    if replied {
        return None;
    }
    let acts_on = calendar
        .add_working_days(outcome_on, days.saturating_add(1))
        .ok()?
        .date;
    Some(RuleTrigger {
        rule: RuleKind::SatisfactionSurvey,
        trigger_on: outcome_on,
        acts_on,
        until: None,
        action: RuleAction::AttemptSurvey,
    })
}

/// Reminders before the current stage's due dates, and alerts after them.
fn caseworker_rules(
    state: &CaseState,
    policy: &Policy,
    calendar: &Calendar,
    settings: &RuleSettings,
    triggers: &mut Vec<RuleTrigger>,
) {
    if state.panel.is_some() {
        return;
    }
    let Some(stage) = state.current_stage() else {
        return;
    };
    if stage.response.is_some() {
        return;
    }
    let Some(rules) = policy_stage(policy, stage.number) else {
        return;
    };
    let mut dues = Vec::new();
    if stage.acknowledged_on.is_none() {
        if let Some(ack) = acknowledge_target(rules, stage, calendar) {
            dues.push((
                DueKey::Acknowledge {
                    stage: stage.number,
                },
                ack.date,
            ));
        }
    }
    if let Some(date) = current_respond_date(rules, stage, calendar) {
        dues.push((
            DueKey::Respond {
                stage: stage.number,
            },
            date,
        ));
    }
    for (due, date) in dues {
        if let Ok(remind_on) = calendar.working_days_before(date, settings.caseworker_reminder_days)
        {
            triggers.push(RuleTrigger {
                rule: RuleKind::DueSoon,
                trigger_on: date,
                acts_on: remind_on.max(stage.started_on),
                until: Some(date),
                action: RuleAction::RemindCaseworker { due, date },
            });
        }
        if let Ok(after) = calendar.add_working_days(date, 1) {
            triggers.push(RuleTrigger {
                rule: RuleKind::Overdue,
                trigger_on: date,
                acts_on: after.date,
                until: None,
                action: RuleAction::AlertOverdue { due, date },
            });
        }
    }
}

/// The rule behind a system event on the timeline, with the policy's own
/// words for it where the policy has them (Pivotal: "… within 10 working
/// days of a Stage 1 response sent to them (§10.1c)").
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
pub struct RuleNote {
    pub rule: RuleKind,
    /// The policy's sentence behind the rule, quoted with its section.
    #[serde(default)]
    pub policy_says: Option<String>,
}

/// The rule that recorded an event, if the policy's clock recorded it.
pub fn rule_behind(record: &super::EventRecord, policy: &Policy) -> Option<RuleNote> {
    if record.actor.kind != super::ActorKind::System {
        return None;
    }
    let auto_close = |rule: AutoCloseRule| {
        policy
            .auto_close
            .as_ref()
            .filter(|a| a.rule == rule)
            .map(|a| a.description.clone())
    };
    match &record.event {
        Event::Closed {
            why: ClosedWhy::NoContact,
        } => Some(RuleNote {
            rule: RuleKind::NoContactClose,
            policy_says: auto_close(AutoCloseRule::NoContactAfterResponse),
        }),
        Event::WindowClosed { .. } => Some(RuleNote {
            rule: RuleKind::WindowClosed,
            policy_says: None,
        }),
        _ => None,
    }
}

/// Whether a date not yet passed is due soon: `today` is on or after the
/// day the caseworker is reminded of it (`days` working days before).
pub fn is_due_soon(due: NaiveDate, today: NaiveDate, calendar: &Calendar, days: u32) -> bool {
    today <= due
        && calendar
            .working_days_before(due, days)
            .is_ok_and(|remind_on| remind_on <= today)
}
