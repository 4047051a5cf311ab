//! Where a policy is silent, the Complaint Handling Code 2024 applies, visibly.

use serde::{Deserialize, Serialize};

use super::{presets, Policy, Stage, Target, TargetFrom};

/// One point on which a policy is silent and the Code's value is used instead.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
pub struct Fallback {
    /// The field, as a path: `time_limit`, `stages[0].acknowledge`, …
    pub field: String,
    /// The Code's provision that sets the value used, for example "6.2", or
    /// its section alone ("6") where the provision's number is not confirmed.
    pub section: String,
    /// The Code's value, in words: "5 working days after receipt".
    pub code_value: String,
    /// A plain sentence for residents and staff.
    pub message: String,
}

/// The stage index in a `silent_on` path of the form `stages[N].respond`.
pub(super) fn silent_stage(path: &str) -> Option<usize> {
    path.strip_prefix("stages[")?
        .strip_suffix("].respond")?
        .parse::<usize>()
        .ok()
        .map(|i| i + 1)
}

fn target_words(target: &Target) -> String {
    let from = match target.from {
        TargetFrom::Receipt => "receipt",
        TargetFrom::Acknowledgement => "acknowledgement",
    };
    format!("{} working days after {from}", target.days)
}

/// The Code's sections for a stage: (acknowledge, respond, extension, Ombudsman details).
fn sections(code_stage: u8) -> [&'static str; 4] {
    if code_stage == 1 {
        ["6.2", "6.3", "6.4", "6.5"]
    } else {
        ["6.11", "6", "6", "6"]
    }
}

impl Policy {
    /// The points on which this policy is silent, each with the Code's value
    /// that [`Policy::effective`] uses instead. Empty for the Code itself.
    pub fn fallbacks(&self) -> Vec<Fallback> {
        match presets::code() {
            Some(code) => self.fill_from(code).1,
            None => Vec::new(),
        }
    }

    /// A copy of this policy with the Code's values where this one is silent.
    /// The case lifecycle runs on this.
    pub fn effective(&self) -> Policy {
        match presets::code() {
            Some(code) => self.fill_from(code).0,
            None => self.clone(),
        }
    }

    fn fill_from(&self, code: &Policy) -> (Policy, Vec<Fallback>) {
        let mut out = self.clone();
        // Awaab's Law is the same for every social landlord: a policy gives
        // its own emergency repairs line, and the law comes from the Code's preset.
        if let Some(law) = &code.hazards {
            let own = out.hazards.take().unwrap_or_default();
            out.hazards = Some(if own.kinds.is_empty() {
                super::Hazards {
                    emergency_repairs_telephone: own
                        .emergency_repairs_telephone
                        .or_else(|| law.emergency_repairs_telephone.clone()),
                    ..law.clone()
                }
            } else {
                own
            });
        }
        let mut notes = Vec::new();
        let mut note = |field: String, section: &str, code_value: String, message: String| {
            notes.push(Fallback {
                field,
                section: section.to_owned(),
                code_value,
                message,
            });
        };

        if out.time_limit.is_none() {
            if let Some(limit) = &code.time_limit {
                out.time_limit = Some(limit.clone());
                note(
                    "time_limit".into(),
                    "2.3",
                    format!("{} months from the issue, or from becoming aware of it", limit.months),
                    format!(
                        "This policy does not set a time limit for making a complaint; the Complaint Handling Code's {} months from the issue, or from when you became aware of it, apply.",
                        limit.months
                    ),
                );
            }
        }

        // A policy with one stage still gets the Code's second stage.
        if out.stages.len() == 1 {
            if let Some(second) = code.stages.get(1) {
                out.stages.push(second.clone());
                note(
                    "stages[1]".into(),
                    "6.10",
                    "stage 2".into(),
                    "This policy has no second stage; the Complaint Handling Code's stage 2 applies.".into(),
                );
            }
        }

        let last_code_stage = code.stages.len();
        for (i, stage) in out.stages.iter_mut().enumerate() {
            let n = stage.number;
            let Some(code_stage) = code
                .stages
                .get((i + 1).min(last_code_stage).saturating_sub(1))
            else {
                continue;
            };
            let [ack_section, respond_section, extension_section, details_section] =
                sections(code_stage.number);

            if stage.acknowledge.is_none() {
                if let Some(ack) = code_stage.acknowledge {
                    stage.acknowledge = Some(ack);
                    note(
                        format!("stages[{i}].acknowledge"),
                        ack_section,
                        target_words(&ack),
                        format!(
                            "This policy does not set an acknowledgement target for stage {n}; the Complaint Handling Code's {} working days apply.",
                            ack.days
                        ),
                    );
                }
            }

            if self
                .silent_on
                .iter()
                .any(|p| silent_stage(p) == Some(i + 1))
            {
                stage.respond = code_stage.respond;
                note(
                    format!("stages[{i}].respond"),
                    respond_section,
                    target_words(&code_stage.respond),
                    format!(
                        "This policy does not set a response target for stage {n}; the Complaint Handling Code's {} apply.",
                        target_words(&code_stage.respond)
                    ),
                );
            }

            fill_extension(
                stage,
                code_stage,
                i,
                [extension_section, details_section],
                &mut note,
            );
        }

        // As run, nothing is left unstated.
        out.silent_on.clear();

        if out.exclusions.is_empty() && !code.exclusions.is_empty() {
            out.exclusions = code.exclusions.clone();
            note(
                "exclusions".into(),
                "2.2",
                code.exclusions.iter().map(|e| e.title.as_str()).collect::<Vec<_>>().join("; "),
                "This policy does not say what it does not treat as a complaint; the Complaint Handling Code's exclusions apply.".into(),
            );
        }

        if out.extension_reasons.is_empty() && !code.extension_reasons.is_empty() {
            out.extension_reasons = code.extension_reasons.clone();
            note(
                "extension_reasons".into(),
                "6.4",
                code.extension_reasons.join("; "),
                "This policy does not list good reasons for extending a response time; the Complaint Handling Code's apply.".into(),
            );
        }

        (out, notes)
    }
}

fn fill_extension(
    stage: &mut Stage,
    code_stage: &Stage,
    i: usize,
    [extension_section, details_section]: [&str; 2],
    note: &mut impl FnMut(String, &str, String, String),
) {
    let n = stage.number;
    let Some(code_extension) = &code_stage.extension else {
        return;
    };
    let code_days = code_extension.max_days.unwrap_or(0);
    match &mut stage.extension {
        None => {
            stage.extension = Some(code_extension.clone());
            note(
                format!("stages[{i}].extension"),
                extension_section,
                format!("up to {code_days} more working days without good reason, with reasons and the Ombudsman's details"),
                format!(
                    "This policy does not say how long a stage {n} response may be extended; the Complaint Handling Code's limit applies: {code_days} more working days, or longer only for a good reason that you are told, with the Housing Ombudsman's details."
                ),
            );
        }
        Some(extension) => {
            // A policy that sets no limit is not held to the Code's as a
            // hard cap: the Code allows longer for a good reason (6.4, and section 6 at stage 2).
            if extension.max_days.is_none() && extension.max_total_days_from_receipt.is_none() {
                extension.max_days = code_extension.max_days;
                extension.beyond_with_good_reason = code_extension.beyond_with_good_reason;
                note(
                    format!("stages[{i}].extension.max_days"),
                    extension_section,
                    format!("{code_days} working days without good reason"),
                    format!(
                        "This policy does not limit how long a stage {n} response may be extended; the Complaint Handling Code's limit applies: {code_days} more working days, or longer only for a good reason that you are told."
                    ),
                );
            }
            if !extension.ombudsman_details_required && code_extension.ombudsman_details_required {
                extension.ombudsman_details_required = true;
                note(
                    format!("stages[{i}].extension.ombudsman_details_required"),
                    details_section,
                    "true".into(),
                    format!(
                        "This policy does not say you will be given the Housing Ombudsman's details when a stage {n} response is extended; the Complaint Handling Code says you must be."
                    ),
                );
            }
        }
    }
}
