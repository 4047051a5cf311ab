//! How the portal reads a length that the policy's own words leave open.
//!
//! Every length a policy sets is counted in working days (Monday to Friday, not
//! the bank holidays of England and Wales), except the time limit, which is in
//! calendar months. Most of the seeds say "working days"; some say only "days"
//! ("we may need a further ten days"), or do not say what a period counts from.
//! Where they do, the preset takes one reading and says so in a [`Reading`]:
//! the policy's words, the unit the portal counts, and the reading in plain
//! words, which the start page shows to residents.

use serde::{Deserialize, Serialize};

use super::{Policy, PolicyError};

/// The unit a length is counted in. The portal counts working days only, so a
/// policy that means calendar days must be converted before it can run; the
/// field exists so that the choice is written down, not assumed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum DayUnit {
    /// Monday to Friday, not a bank holiday of England and Wales.
    WorkingDays,
}

/// One length in the policy whose words can be read more than one way, and
/// the reading the portal takes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Reading {
    /// The rule it reads, as a path: `stages[0].extension`, `stages[1].respond`,
    /// `stages[0].acknowledge`, `stages[0].next_stage_window`, `auto_close`,
    /// `panel.convene_within`, …
    pub field: String,
    /// The policy's own words, quoted exactly.
    pub policy_says: String,
    /// What the figure is counted in.
    pub unit: DayUnit,
    /// The reading in plain words for residents: what the portal counts, and why.
    pub reading: String,
}

/// The lengths a reading may be about, and whether `policy` has each.
fn has_length(policy: &Policy, field: &str) -> bool {
    if let Some(rest) = field.strip_prefix("stages[") {
        let Some((index, part)) = rest.split_once("].") else {
            return false;
        };
        let Some(stage) = index
            .parse::<usize>()
            .ok()
            .and_then(|i| policy.stages.get(i))
        else {
            return false;
        };
        return match part {
            "acknowledge" => stage.acknowledge.is_some(),
            "respond" => true,
            "extension" => stage.extension.is_some(),
            "next_stage_window" => stage.next_stage_window.is_some(),
            _ => false,
        };
    }
    match field {
        "auto_close" => policy.auto_close.as_ref().is_some_and(|c| c.days.is_some()),
        "panel.request_window" | "panel.convene_within" | "panel.outcome_within" => {
            policy.panel.is_some()
        }
        _ => false,
    }
}

/// Each reading names a length the policy has, quotes the policy, and says
/// how it is read.
pub(super) fn validate(policy: &Policy) -> Result<(), PolicyError> {
    let fail = |field: String, message: &str| {
        Err(PolicyError {
            line: None,
            column: None,
            field: Some(field),
            message: message.to_owned(),
        })
    };
    for (i, reading) in policy.readings.iter().enumerate() {
        let at = |rest: &str| format!("readings[{i}]{rest}");
        if !has_length(policy, &reading.field) {
            return fail(
                at(".field"),
                &format!(
                    "`{}` is not a length this policy sets: use stages[N].acknowledge, .respond, .extension or .next_stage_window, auto_close, or panel.request_window, .convene_within or .outcome_within",
                    reading.field
                ),
            );
        }
        if policy.readings[..i]
            .iter()
            .any(|r| r.field == reading.field)
        {
            return fail(at(".field"), &format!("`{}` is read twice", reading.field));
        }
        for (field, value) in [
            (".policy_says", &reading.policy_says),
            (".reading", &reading.reading),
        ] {
            if value.trim().is_empty() {
                return fail(at(field), "must not be empty");
            }
        }
    }
    Ok(())
}
