//! Hazards first: Awaab's Law.
//!
//! Section 10A of the Landlord and Tenant Act 1985 (inserted by section 42 of
//! the Social Housing (Regulation) Act 2023) and the Hazards in Social
//! Housing (Prescribed Requirements) (England) Regulations 2025, in force for
//! social landlords from 27 October 2025, set timescales for investigating
//! and making safe an emergency hazard, or damp and mould that poses a
//! significant risk of harm, counted from when the landlord becomes aware of
//! it. A complaint that describes one runs both clocks: the complaint's and
//! the law's, independently.
//!
//! The words that suggest a hazard, the words that suggest someone more at
//! risk in the home, and the timescales are policy data (`[hazards]` in the
//! Code's preset, which every policy inherits), with the statute cited. The
//! screening only flags a *possible* hazard for staff to triage; it never
//! stops a complaint.

use chrono::{DateTime, Duration, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::screening::words;
use super::Policy;
use crate::calendar::{Calendar, CalendarError};

/// What a policy says about hazards.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Hazards {
    /// The statute the timescales come from.
    #[serde(default)]
    pub law: String,
    /// The day the law applies from.
    #[serde(default)]
    pub in_force_from: Option<NaiveDate>,
    /// The landlord's emergency repairs telephone line, where the policy gives one.
    #[serde(default)]
    pub emergency_repairs_telephone: Option<String>,
    /// Kinds of hazard, the most urgent first.
    #[serde(default)]
    pub kinds: Vec<HazardKind>,
    /// Lower-case words that suggest someone more at risk lives in the home:
    /// a child, an older person, someone with a health condition.
    #[serde(default)]
    pub vulnerable_words: Vec<String>,
}

/// One kind of hazard the law sets timescales for.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct HazardKind {
    /// `emergency` or `damp_and_mould`.
    pub id: String,
    /// For staff: "Emergency hazard".
    pub label: String,
    /// Lower-case words or phrases that suggest it.
    pub keywords: Vec<String>,
    /// What the law requires, and by when.
    pub duties: Vec<HazardDuty>,
}

/// One duty and its time limit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct HazardDuty {
    pub duty: Duty,
    /// Clock hours, for an emergency.
    #[serde(default)]
    pub within_hours: Option<u32>,
    /// Working days.
    #[serde(default)]
    pub within_working_days: Option<u32>,
    /// What the time counts from.
    pub from: DutyFrom,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Duty {
    /// Investigate the hazard.
    Investigate,
    /// Give the tenant a written summary of the investigation's findings.
    WrittenSummary,
    /// Do the work that makes the home safe.
    MakeSafe,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum DutyFrom {
    /// When the landlord became aware of the hazard.
    Awareness,
    /// When the investigation concluded. Until it has, the date shown is the
    /// latest it can be: counted from the last day allowed for investigating.
    InvestigationConcluded,
}

/// A complaint's description that suggests a hazard.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
pub struct HazardScreen {
    /// The kind's id: `emergency` or `damp_and_mould`.
    pub kind: String,
    pub label: String,
    /// The words in the description that suggested it.
    pub matched: Vec<String>,
    /// Words that suggest someone more at risk lives there ("child", "asthma").
    #[serde(default)]
    pub vulnerable: Vec<String>,
}

/// A duty's due time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
pub struct HazardDue {
    pub duty: Duty,
    /// The last day, for working-day limits.
    pub date: NaiveDate,
    /// The exact time, for limits in hours.
    #[serde(default)]
    pub by: Option<DateTime<Utc>>,
    /// Counted from the last day allowed for the investigation, because it
    /// has not concluded yet: the latest the date can be.
    #[serde(default)]
    pub at_the_latest: bool,
}

/// A flag for staff: a possible hazard, its law and its dates.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
pub struct HazardFlag {
    pub screen: HazardScreen,
    /// When the landlord became aware: when the complaint was received.
    pub aware_at: DateTime<Utc>,
    pub law: String,
    pub due: Vec<HazardDue>,
}

impl Policy {
    /// Whether `text` describes a hazard the law sets timescales for: the
    /// first kind (the most urgent) whose keywords it uses, as run (see
    /// [`Policy::effective`]). Matching is as for exclusions: whole words,
    /// case-insensitive, a keyword's last word taking an ending ("leaking").
    pub fn screen_hazard(&self, text: &str) -> Option<HazardScreen> {
        let policy = self.effective();
        let hazards = policy.hazards.as_ref()?;
        let text = words(text);
        let kind = hazards
            .kinds
            .iter()
            .find(|k| !super::screening::matches(&text, &k.keywords).is_empty())?;
        Some(HazardScreen {
            kind: kind.id.clone(),
            label: kind.label.clone(),
            matched: super::screening::matches(&text, &kind.keywords),
            vulnerable: super::screening::matches(&text, &hazards.vulnerable_words),
        })
    }

    /// The law's due dates for a hazard the landlord became aware of at
    /// `aware_at`, with working days counted on `calendar` from the day
    /// (in the UK) it became aware. `None` when the policy has no such kind.
    pub fn hazard_flag(
        &self,
        screen: &HazardScreen,
        aware_at: DateTime<Utc>,
        calendar: &Calendar,
    ) -> Result<Option<HazardFlag>, CalendarError> {
        let policy = self.effective();
        let Some(hazards) = policy.hazards.as_ref() else {
            return Ok(None);
        };
        let Some(kind) = hazards.kinds.iter().find(|k| k.id == screen.kind) else {
            return Ok(None);
        };
        let aware_on = crate::calendar::uk_date(aware_at);
        // Until the investigation concludes, later duties count from its last day.
        let investigated_by = kind
            .duties
            .iter()
            .find(|d| d.duty == Duty::Investigate && d.from == DutyFrom::Awareness);
        let investigation_ends = match investigated_by {
            Some(d) => due(d, aware_on, aware_at, calendar)?.0,
            None => aware_on,
        };
        let mut dues = Vec::new();
        for duty in &kind.duties {
            let (date, by, at_the_latest) = match duty.from {
                DutyFrom::Awareness => {
                    let (date, by) = due(duty, aware_on, aware_at, calendar)?;
                    (date, by, false)
                }
                DutyFrom::InvestigationConcluded => {
                    let (date, by) = due(duty, investigation_ends, aware_at, calendar)?;
                    (date, by, true)
                }
            };
            dues.push(HazardDue {
                duty: duty.duty,
                date,
                by,
                at_the_latest,
            });
        }
        Ok(Some(HazardFlag {
            screen: screen.clone(),
            aware_at,
            law: hazards.law.clone(),
            due: dues,
        }))
    }
}

/// A duty's last day (and exact time for a limit in hours) from `from`.
fn due(
    duty: &HazardDuty,
    from: NaiveDate,
    aware_at: DateTime<Utc>,
    calendar: &Calendar,
) -> Result<(NaiveDate, Option<DateTime<Utc>>), CalendarError> {
    if let Some(hours) = duty.within_hours {
        let by = aware_at + Duration::hours(i64::from(hours));
        return Ok((crate::calendar::uk_date(by), Some(by)));
    }
    let days = duty.within_working_days.unwrap_or(0);
    Ok((calendar.add_working_days(from, days)?.date, None))
}
