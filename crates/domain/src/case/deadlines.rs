//! Due dates: what a stage's acknowledgement and response are due by, how
//! far an extension may go, and the last days to ask for the next stage or a
//! panel. Each date comes with its [`Basis`], how it was counted, so an app
//! can say why in its own words.

use std::fmt;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::refusal::{Refusal, RefusalReason, Refused};
use super::state::{CaseState, StageState};
use crate::calendar::{long_date, Calendar};
use crate::policy::{Policy, Stage, TargetFrom};

/// How a due date was counted, as data, so that an app can say it in its own
/// words in any language. Its `Display` is the English sentence
/// ([`DueDate::basis`](super::DueDate::basis)): "10 working days after we acknowledged your complaint".
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
    /// "after you received our stage 1 response" (Pivotal §9): the day it
    /// was sent online, or the policy's posting days after it was posted.
    StageResponseReceived { stage: u8 },
    /// "after you asked for a panel".
    PanelRequested,
    /// "after the panel met".
    PanelMet,
    /// "after we reopened your complaint at stage 1" (Pioneer §6): the stage was
    /// reopened on new information instead of escalated.
    Reopened { stage: u8 },
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
            BasisFrom::StageResponseReceived { stage } => {
                write!(f, "{days} after you received our stage {stage} response")?
            }
            BasisFrom::PanelRequested => write!(f, "{days} after you asked for a panel")?,
            BasisFrom::PanelMet => write!(f, "{days} after the panel met")?,
            BasisFrom::Reopened { stage } => {
                write!(f, "{days} after we reopened your complaint at stage {stage}")?
            }
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

/// The policy's stage for a stage number.
pub fn policy_stage(policy: &Policy, number: u8) -> Option<&Stage> {
    policy.stages.iter().find(|s| s.number == number)
}

pub(crate) fn policy_stage_or_refuse(policy: &Policy, number: u8) -> Result<&Stage, Refusal> {
    policy_stage(policy, number).ok_or_else(|| Refused::PolicyMismatch { stage: number }.into())
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
                .add_working_days(window_from(rules, response), days)?
                .date,
        )),
        None => Ok(None),
    }
}

/// The day a stage's window to ask for the next stage counts from: its
/// response's sending, or its receipt where the policy says so (Pivotal §9).
pub(crate) fn window_from(rules: &crate::policy::Stage, response: &super::Response) -> NaiveDate {
    match rules.next_stage_window_from {
        crate::policy::WindowFrom::ResponseSent => response.on,
        crate::policy::WindowFrom::ResponseReceived => response.received_on,
    }
}

/// The day the panel should meet by: as the policy sets it from the request,
/// and as it now stands after the latest delay (the same day when there was
/// none). `None` when the date is beyond the calendar.
pub(crate) fn panel_meets_by(
    rules: &crate::policy::Panel,
    panel: &super::state::PanelState,
    calendar: &Calendar,
) -> Option<(NaiveDate, NaiveDate)> {
    let original = calendar
        .add_working_days(panel.requested_on, rules.convene_within)
        .ok()?
        .date;
    let current = panel.delays.last().map_or(original, |d| d.new_date);
    Some((original, current))
}

/// The last day to ask for the panel, or why a panel cannot be asked for.
pub(crate) fn panel_last_day(
    policy: &Policy,
    calendar: &Calendar,
    state: &CaseState,
) -> Result<NaiveDate, Refusal> {
    let panel = policy.panel.as_ref().ok_or(Refused::NoPanel)?;
    if state.panel.is_some() {
        return Err(RefusalReason::PanelAlreadyRequested.into());
    }
    if panel.not_after_ombudsman && state.referred_to_ombudsman_on.is_some() {
        return Err(RefusalReason::PanelAfterOmbudsman.into());
    }
    let last_number = policy.stages.iter().map(|s| s.number).max();
    let stage = state.current_stage().ok_or(Refused::NoStage)?;
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
        .add_working_days(response.on, panel.request_window)?
        .date)
}

/// The response date of a stage as the policy sets it, before any extension,
/// with what it counts from.
pub(crate) struct RespondTarget {
    pub counted_from: NaiveDate,
    pub days: u32,
    pub date: NaiveDate,
    pub basis: Basis,
}

pub(crate) fn stage_noun(number: u8) -> String {
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
    let days = rules.respond.days;
    let stage_number = stage.number;
    let (counted_from, from) = match (rules.respond.from, stage.acknowledged_on) {
        // Reopened on new information: the stage's days again, from then.
        _ if !stage.reopenings.is_empty() => (
            stage.answer_started_on(),
            BasisFrom::Reopened {
                stage: stage_number,
            },
        ),
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

/// Why an extension can go no further: the sentence in brackets after the
/// limit's date ("10 working days after the original date, …").
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ExtensionLimit {
    /// At most `days` working days after the original date.
    AfterOriginal { days: u32, original: NaiveDate },
    /// At most `days` working days after the stage was received.
    FromReceipt { days: u32, stage: u8 },
}

impl fmt::Display for ExtensionLimit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ExtensionLimit::AfterOriginal { days, original } => write!(
                f,
                "{} after the original date, {}",
                working_days(*days),
                long_date(*original)
            ),
            ExtensionLimit::FromReceipt { days, stage } => write!(
                f,
                "{} after we received {}",
                working_days(*days),
                stage_noun(*stage)
            ),
        }
    }
}

/// How far staff may move the current stage's response date, shown on their
/// extension form before they choose a date (not learnt from a refusal).
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
pub struct ExtensionAllowance {
    /// The stage whose response date it is.
    pub stage: u8,
    /// The response date now in force.
    pub current: NaiveDate,
    /// The latest date the policy allows, with why (`None`: no limit).
    pub latest: Option<NaiveDate>,
    pub why: Option<ExtensionLimit>,
    /// Whether a later date is allowed when the resident agrees.
    pub beyond_by_agreement: bool,
    /// Whether a later date is allowed for a good reason, recorded and told
    /// to the resident (the Code, 6.4).
    pub beyond_with_good_reason: bool,
}

/// How far the current stage's response date may be extended now: `None`
/// when it cannot be (no stage, a response already sent, the panel under
/// way, or a policy with no extension at this stage).
pub fn extension_allowance(
    state: &CaseState,
    policy: &Policy,
    calendar: &Calendar,
) -> Option<ExtensionAllowance> {
    if state.panel.is_some() || state.closed.is_some() {
        return None;
    }
    let stage = state.current_stage()?;
    if stage.response.is_some() {
        return None;
    }
    let rules = policy_stage(policy, stage.number)?;
    let extension = rules.extension.as_ref()?;
    let current = current_respond_date(rules, stage, calendar)?;
    let limit = extension_limit(rules, stage, calendar).ok()?;
    Some(ExtensionAllowance {
        stage: stage.number,
        current,
        latest: limit.as_ref().map(|(date, _)| *date),
        why: limit.map(|(_, why)| why),
        beyond_by_agreement: extension.beyond_by_agreement,
        beyond_with_good_reason: extension.beyond_with_good_reason,
    })
}

/// The latest response date the policy allows for a stage without the
/// resident's agreement, with why (`None`: no limit).
pub(crate) fn extension_limit(
    rules: &Stage,
    stage: &StageState,
    calendar: &Calendar,
) -> Result<Option<(NaiveDate, ExtensionLimit)>, Refusal> {
    let Some(ext) = &rules.extension else {
        return Ok(None);
    };
    let original =
        original_respond_target(rules, stage, calendar).ok_or(Refused::ResponseDateOutOfRange)?;
    let mut limits: Vec<(NaiveDate, ExtensionLimit)> = Vec::new();
    if let Some(max) = ext.max_days {
        let date = calendar.add_working_days(original.date, max)?.date;
        limits.push((
            date,
            ExtensionLimit::AfterOriginal {
                days: max,
                original: original.date,
            },
        ));
    }
    if let Some(total) = ext.max_total_days_from_receipt {
        let date = calendar.add_working_days(stage.started_on, total)?.date;
        limits.push((
            date,
            ExtensionLimit::FromReceipt {
                days: total,
                stage: stage.number,
            },
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
