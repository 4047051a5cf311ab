//! How a policy compares with the Housing Ombudsman's Complaint Handling Code 2024.
//!
//! The check reads the policy *as written*, not [`Policy::effective`]: where a
//! policy is silent and the Code's value fills in, the portal still runs to the
//! Code, so that is [`Severity::Advice`] (the published policy should say it).
//! Where the policy says something the Code does not allow, that is a
//! [`Severity::Breach`]. A policy with breaches still runs as written.
//!
//! Provisions are the Code 2024's, each confirmed from a published source
//! (see `docs/code-provisions.md`); where the number is not confirmed, the
//! finding names the section alone:
//! - 1.5 dissatisfaction with a service request is a complaint;
//! - 2.2 what a policy may exclude; 2.3 the 12-month time limit and discretion;
//! - section 3 residents are told how to reach the Ombudsman;
//! - 5.3 no more than two stages; 6.10 a stage 2 must follow stage 1;
//! - 6.2 / 6.3 / 6.4 / 6.5 stage 1 acknowledgement, response, extension, Ombudsman details;
//! - 6.11 the stage 2 acknowledgement; section 6 the stage 2 response,
//!   extension and Ombudsman details.

use serde::{Deserialize, Serialize};

use crate::policy::{Extension, GuidanceWhen, Policy, Stage, TargetFrom};

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// The policy says something the Code does not allow.
    Breach,
    /// The policy is silent or unclear where the Code expects it to say something;
    /// the Code's value applies meanwhile.
    Advice,
}

/// One way a policy falls short of the Code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
pub struct Finding {
    /// The Code's provision, for example "5.3", or its section alone ("6")
    /// where the provision's number is not confirmed.
    pub section: String,
    pub severity: Severity,
    /// A plain sentence: what the policy says and what the Code expects.
    pub message: String,
}

/// The Code's figures, in working days.
const CODE_TIME_LIMIT_MONTHS: u32 = 12;
const CODE_ACKNOWLEDGE: u32 = 5;
const CODE_RESPOND: [u32; 2] = [10, 20];
const CODE_EXTENSION: [u32; 2] = [10, 20];

/// Words that say a paragraph names the designated-person route or the 8-week wait.
const REMOVED_ROUTES: [&str; 6] = [
    "designated person",
    "democratic filter",
    "eight weeks",
    "8 weeks",
    "eight-week",
    "8-week",
];
/// Words that say the paragraph tells the reader those routes have ended.
const ENDED: [&str; 5] = [
    "no longer",
    "ended",
    "removed",
    "abolished",
    "1 october 2022",
];

/// Every way `policy` falls short of the Complaint Handling Code 2024, in the
/// Code's order. Empty for the `code-2024` preset.
pub fn check(policy: &Policy) -> Vec<Finding> {
    let mut findings = Vec::new();
    let mut add = |section: &str, severity: Severity, message: String| {
        findings.push(Finding {
            section: section.to_owned(),
            severity,
            message,
        });
    };

    // 1.5: a resident unhappy with how a service request went must be able to complain.
    if let Some(exclusion) = policy
        .exclusions
        .iter()
        .find(|e| e.id == "service_request" && !e.may_insist)
    {
        add(
            "1.5",
            Severity::Breach,
            format!(
                "The policy excludes \"{}\" without letting the resident insist on a complaint; the Code says dissatisfaction with the response to a service request must be taken as a complaint.",
                exclusion.title
            ),
        );
    }

    // 2.2: the policy must set out what it will not consider.
    if policy.exclusions.is_empty() {
        add(
            "2.2",
            Severity::Advice,
            "The policy does not set out what it will not consider as a complaint; the Code expects it to, and the Code's exclusions apply meanwhile.".into(),
        );
    }

    // 2.3: 12 months from the issue or from becoming aware; discretion beyond.
    match &policy.time_limit {
        None => add(
            "2.3",
            Severity::Advice,
            "The policy sets no time limit for making a complaint; the Code's 12 months from the issue, or from becoming aware of it, apply.".into(),
        ),
        Some(limit) => {
            if limit.months < CODE_TIME_LIMIT_MONTHS {
                add(
                    "2.3",
                    Severity::Breach,
                    format!(
                        "The policy refuses complaints about things more than {} months old; the Code requires landlords to accept complaints made within 12 months of the issue or of the resident becoming aware of it.",
                        limit.months
                    ),
                );
            } else if !limit.from_awareness {
                add(
                    "2.3",
                    Severity::Advice,
                    format!(
                        "The policy counts its {} months from the issue only; the Code also counts from when the resident became aware of it.",
                        limit.months
                    ),
                );
            }
            if !limit.discretion {
                add(
                    "2.3",
                    Severity::Advice,
                    "The policy does not say it will consider accepting a complaint outside its time limit where there is good reason; the Code requires landlords to consider it.".into(),
                );
            }
        }
    }

    // Section 3: the Ombudsman guidance must be current.
    for guidance in &policy.ombudsman.guidance {
        if mentions_removed_route(&guidance.text) && !names_removed_route(&guidance.text) {
            add(
                "3",
                Severity::Advice,
                format!(
                    "The landlord's own policy still describes the designated-person route or the eight-week wait. The guidance here ({}) says both ended on 1 October 2022; the Code expects residents to be told correctly how to reach the Ombudsman, so the published policy should say so too.",
                    when_words(guidance.when)
                ),
            );
        }
        if names_removed_route(&guidance.text) {
            add(
                "3",
                Severity::Breach,
                format!(
                    "The Ombudsman guidance ({}) still tells residents to go through a designated person or wait eight weeks; both ended on 1 October 2022, and residents can go to the Housing Ombudsman Service once the landlord's process is complete.",
                    when_words(guidance.when)
                ),
            );
        }
    }

    // 5.3: two stages only.
    if policy.stages.len() > 2 {
        add(
            "5.3",
            Severity::Breach,
            format!(
                "The policy has {} stages; the Code allows two only, because more make the process unduly long and delay access to the Ombudsman.",
                policy.stages.len()
            ),
        );
    }
    if let Some(panel) = &policy.panel {
        add(
            "5.3",
            Severity::Breach,
            format!(
                "The policy adds a stage {} (\"{}\"); the Code does not allow a process with more than two stages under any circumstances.",
                panel.number, panel.name
            ),
        );
    }
    if policy.stages.len() < 2 {
        add(
            "6.10",
            Severity::Breach,
            "The policy has one stage; the Code requires a stage 2 for a resident still unhappy after stage 1.".into(),
        );
    }

    for stage in policy.stages.iter().take(2) {
        check_stage(policy, stage, &mut add);
    }
    findings
}

/// The Code's sections for stage 1 or 2: (acknowledge, respond, extension, Ombudsman details).
fn sections(number: u8) -> [&'static str; 4] {
    if number == 1 {
        ["6.2", "6.3", "6.4", "6.5"]
    } else {
        ["6.11", "6", "6", "6"]
    }
}

fn check_stage(policy: &Policy, stage: &Stage, add: &mut impl FnMut(&str, Severity, String)) {
    let n = stage.number;
    let index = usize::from(n.clamp(1, 2)) - 1;
    let [ack_section, respond_section, extension_section, details_section] = sections(n);

    match stage.acknowledge {
        None => add(
            ack_section,
            Severity::Advice,
            format!("The policy sets no acknowledgement target for stage {n}; the Code's 5 working days apply."),
        ),
        Some(ack) if ack.days > CODE_ACKNOWLEDGE => add(
            ack_section,
            Severity::Breach,
            format!(
                "The policy acknowledges stage {n} within {} working days; the Code requires 5 working days.",
                ack.days
            ),
        ),
        Some(_) => {}
    }

    let code_respond = CODE_RESPOND[index];
    let silent_on_respond = policy
        .silent_on
        .iter()
        .any(|p| p == &format!("stages[{}].respond", usize::from(n).saturating_sub(1)));
    if silent_on_respond {
        add(
            respond_section,
            Severity::Advice,
            format!(
                "The policy sets no response target for stage {n}; the Code's {code_respond} working days after acknowledgement apply."
            ),
        );
    } else if stage.respond.days > code_respond {
        let message = match stage.respond.from {
            TargetFrom::Acknowledgement => format!(
                "The policy answers stage {n} within {} working days of acknowledgement; the Code requires {code_respond}.",
                stage.respond.days
            ),
            TargetFrom::Receipt => format!(
                "The policy answers stage {n} within {} working days of receipt, which can be more than the Code's {code_respond} working days after acknowledgement.",
                stage.respond.days
            ),
        };
        add(respond_section, Severity::Breach, message);
    }

    let code_extension = CODE_EXTENSION[index];
    match &stage.extension {
        None => add(
            extension_section,
            Severity::Advice,
            format!(
                "The policy does not say how long a stage {n} response may be extended; the Code's {code_extension} working days, with reasons explained, apply."
            ),
        ),
        Some(extension) => match extension_days(stage, extension) {
            None => add(
                extension_section,
                Severity::Advice,
                format!(
                    "The policy lets a stage {n} response be extended without a limit; the Code allows no more than {code_extension} working days without good reason."
                ),
            ),
            Some(days) if days > code_extension && !extension.beyond_by_agreement => add(
                extension_section,
                Severity::Breach,
                format!(
                    "The policy lets a stage {n} response be extended by up to {days} working days; the Code allows no more than {code_extension} without good reason."
                ),
            ),
            Some(_) => {}
        },
    }
    if !stage
        .extension
        .as_ref()
        .is_some_and(|e| e.ombudsman_details_required)
    {
        add(
            details_section,
            Severity::Advice,
            format!(
                "The policy does not say the resident is given the Housing Ombudsman's details when a stage {n} response is extended; the Code requires it."
            ),
        );
    }
}

/// The longest extension, in working days after the original due date.
fn extension_days(stage: &Stage, extension: &Extension) -> Option<u32> {
    if let Some(days) = extension.max_days {
        return Some(days);
    }
    let total = extension.max_total_days_from_receipt?;
    let already = match stage.respond.from {
        TargetFrom::Receipt => stage.respond.days,
        // Counted from acknowledgement, the original due date is at least this far after receipt.
        TargetFrom::Acknowledgement => stage.respond.days + stage.acknowledge.map_or(0, |a| a.days),
    };
    Some(total.saturating_sub(already))
}

/// Whether guidance names the designated-person route or the eight-week wait
/// as current. A paragraph that also says they ended (for example "no longer
/// applies", "ended on 1 October 2022") is history, not advice.
pub fn names_removed_route(text: &str) -> bool {
    mentions_removed_route(text) && !ENDED.iter().any(|e| text.to_lowercase().contains(e))
}

/// Whether guidance mentions the designated-person route or the eight-week
/// wait at all, as current or as history.
fn mentions_removed_route(text: &str) -> bool {
    let text = text.to_lowercase();
    REMOVED_ROUTES.iter().any(|r| text.contains(r))
}

fn when_words(when: GuidanceWhen) -> &'static str {
    match when {
        GuidanceWhen::Always => "shown at any time",
        GuidanceWhen::DuringProcess => "shown during the process",
        GuidanceWhen::AfterFinalResponse => "shown after the final response",
        GuidanceWhen::AfterRefusal => "shown after a refusal",
    }
}
