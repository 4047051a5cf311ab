//! When a complaint that has been answered will close, under the policy's
//! `[auto_close]` rule: the one date a resident needs when there is no last
//! day to ask for a review, and the date the server's scheduler acts on.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{CaseKind, CaseState};
use crate::calendar::Calendar;
use crate::policy::{AutoCloseRule, Policy};

/// How an answered complaint will close, as the policy says.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Closing {
    /// The portal closes it on this day unless the resident (or someone for
    /// them) gets in touch first (Pivotal §10.1(c)).
    NoContactBy { on: NaiveDate },
    /// The landlord closes it once every action it promised is done.
    WhenActionsDone,
    /// The landlord closes it and tells the resident; no date is set.
    ByLandlord,
}

/// How the complaint will close, once it has an answer and while it is
/// open; `None` before an answer, after the end, and for feedback.
pub fn closing(state: &CaseState, policy: &Policy, calendar: &Calendar) -> Option<Closing> {
    if state.kind != CaseKind::Complaint
        || state.is_finished()
        || state.referred_to_ombudsman_on.is_some()
    {
        return None;
    }
    let answered = state.panel.as_ref().is_some_and(|p| p.outcome.is_some())
        || (state.panel.is_none() && state.current_stage().is_some_and(|s| s.response.is_some()));
    if !answered {
        return None;
    }
    if let Some(on) = no_contact_close_on(state, policy, calendar) {
        return Some(Closing::NoContactBy { on });
    }
    match policy.auto_close.as_ref().map(|a| a.rule) {
        Some(AutoCloseRule::WhenActionsDone) => Some(Closing::WhenActionsDone),
        _ => Some(Closing::ByLandlord),
    }
}

/// The day a "no contact after the response" rule closes the complaint:
/// the working day after the policy's `days` working days from the first
/// stage's response (Pivotal: the 11th working day), or after the last day
/// to appeal if that is later (a posted response), while nothing has
/// come from the resident since that response. `None` under any other
/// rule, once the complaint has moved on, and for a reopened complaint
/// (which staff close themselves).
pub fn no_contact_close_on(
    state: &CaseState,
    policy: &Policy,
    calendar: &Calendar,
) -> Option<NaiveDate> {
    let rule = policy.auto_close.as_ref()?;
    if rule.rule != AutoCloseRule::NoContactAfterResponse
        || state.kind != CaseKind::Complaint
        || state.is_finished()
        || state.referred_to_ombudsman_on.is_some()
        || state.panel.is_some()
        || !state.reopened.is_empty()
        || state.stages.len() != 1
    {
        return None;
    }
    let responded_on = state.stages[0].response.as_ref()?.on;
    let heard_since = state.information_given.iter().any(|g| g.on >= responded_on)
        || state
            .satisfaction
            .as_ref()
            .is_some_and(|s| s.on >= responded_on)
        || state
            .information_requests
            .iter()
            .any(|r| r.on >= responded_on);
    if heard_since {
        return None;
    }
    let days = rule.days?;
    let by_rule = calendar
        .add_working_days(responded_on, days.saturating_add(1))
        .ok()?
        .date;
    // Never while the resident may still appeal: a posted response's window
    // counts from the day it is received (Pivotal §9), which can end after
    // the rule's tenth working day. The complaint closes the working day
    // after the later of the two.
    let after_window = super::deadlines::escalation_last_day(policy, calendar, &state.stages[0])
        .ok()
        .flatten()
        .and_then(|last| calendar.add_working_days(last, 1).ok())
        .map(|w| w.date);
    Some(after_window.map_or(by_rule, |w| w.max(by_rule)))
}
