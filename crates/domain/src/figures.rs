//! The landlord's figures (issue 19): the reporting period they are for, the
//! facts about each complaint stage that the figures count, and the figures
//! themselves as they travel (counts, ratios as numerator and denominator,
//! working-day durations: numbers and enums, never sentences).
//!
//! The definitions follow the team's digest of the Regulator of Social
//! Housing's Tenant Satisfaction Measures (`CODE-2024.md`, "Tenant
//! Satisfaction Measures CH01 and CH02"), whose counting rules the digest
//! marks as reconstructed and unconfirmed; the readings used are:
//!
//! - **CH01** (complaints received per 1,000 homes, stage 1 and stage 2
//!   apart): a stage counts in the period in which it was *received*: stage 1
//!   by the day the complaint reached the landlord, stage 2 by the day the
//!   resident asked for it. A complaint escalated to stage 2 counts once at
//!   each stage. Withdrawn complaints count; complaints the landlord declined
//!   to take on (Code section 2) and complaints still waiting for that
//!   decision do not. The denominator is the number of homes the landlord
//!   owns, a setting an administrator keeps.
//! - **CH02** (the share of complaints responded to within the Code's
//!   timescales, stage 1 and stage 2 apart): the denominator is the stages
//!   *responded to* in the period, by the day of the stage's full response
//!   (not the acknowledgement, not the completion of remedial actions). A
//!   response is within the Code's timescales ([`code_timeliness`]) when the
//!   stage was acknowledged within 5 working days of its receipt (Code 6.2 and
//!   6.11) and the response was sent within 10 (stage 1, Code 6.3) or 20
//!   (stage 2) working days of that acknowledgement, or by the date of an
//!   extension made in line with the Code (Code 6.4, 6.5): made no later than
//!   the original due date and no more than 10 (stage 1) or 20 (stage 2)
//!   working days beyond it, or further with the resident's agreement. A
//!   response that acknowledges the complaint itself counts as its
//!   acknowledgement. A withdrawn stage that was never answered is in neither
//!   numerator nor denominator.

use chrono::{Datelike, Months, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::calendar::Calendar;
use crate::case::{CaseKind, CaseState, Outcome, RemedyKind};

// --- the reporting period -----------------------------------------------------

/// The earliest and latest years a period may be in.
pub const YEARS: (i32, i32) = (2000, 2100);
/// The longest custom period, in days (three years and a leap day).
pub const CUSTOM_MAX_DAYS: i64 = 3 * 365 + 1;

/// A reporting period, as chosen. Its dates depend on the landlord's
/// financial year start for a financial year and its quarters
/// ([`Period::range`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Period {
    /// A calendar month: `2025-06`.
    Month { year: i32, month: u32 },
    /// A quarter of a financial year (1 to 4): `fy2025-q1` is the first three
    /// months of the financial year that begins in 2025.
    Quarter { year: i32, quarter: u32 },
    /// The financial year that begins in `year`: `fy2025`.
    FinancialYear { year: i32 },
    /// From one day to another, both included: `2025-04-01..2025-06-30`.
    Custom { from: NaiveDate, to: NaiveDate },
}

/// Why a period was not understood.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PeriodError {
    /// Not one of the four forms.
    Form,
    /// A year outside [`YEARS`], a month outside 1 to 12 or a quarter outside 1 to 4.
    OutOfRange,
    /// A custom period that ends before it starts.
    EndsBeforeStart,
    /// A custom period longer than [`CUSTOM_MAX_DAYS`].
    TooLong,
}

/// The first and last days of a period, both included.
#[derive(Serialize, Deserialize, Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
pub struct DateRange {
    pub from: NaiveDate,
    pub to: NaiveDate,
}

impl DateRange {
    pub fn contains(&self, d: NaiveDate) -> bool {
        self.from <= d && d <= self.to
    }
}

fn year(s: &str) -> Result<i32, PeriodError> {
    if s.len() != 4 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return Err(PeriodError::Form);
    }
    let y: i32 = s.parse().map_err(|_| PeriodError::Form)?;
    if y < YEARS.0 || y > YEARS.1 {
        return Err(PeriodError::OutOfRange);
    }
    Ok(y)
}

fn small(s: &str, max: u32) -> Result<u32, PeriodError> {
    if s.is_empty() || s.len() > 2 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return Err(PeriodError::Form);
    }
    let n: u32 = s.parse().map_err(|_| PeriodError::Form)?;
    if n == 0 || n > max {
        return Err(PeriodError::OutOfRange);
    }
    Ok(n)
}

fn day(s: &str) -> Result<NaiveDate, PeriodError> {
    if s.len() != 10 {
        return Err(PeriodError::Form);
    }
    let d = NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|_| PeriodError::Form)?;
    if d.year() < YEARS.0 || d.year() > YEARS.1 {
        return Err(PeriodError::OutOfRange);
    }
    Ok(d)
}

impl Period {
    /// Reads a period in one of its four forms (see [`Period`]).
    pub fn parse(s: &str) -> Result<Period, PeriodError> {
        let s = s.trim();
        if s.len() > 40 {
            return Err(PeriodError::Form);
        }
        if let Some((from, to)) = s.split_once("..") {
            let (from, to) = (day(from)?, day(to)?);
            if to < from {
                return Err(PeriodError::EndsBeforeStart);
            }
            if (to - from).num_days() + 1 > CUSTOM_MAX_DAYS {
                return Err(PeriodError::TooLong);
            }
            return Ok(Period::Custom { from, to });
        }
        let lower = s.to_ascii_lowercase();
        if let Some(rest) = lower.strip_prefix("fy") {
            return match rest.split_once("-q") {
                Some((y, q)) => Ok(Period::Quarter {
                    year: year(y)?,
                    quarter: small(q, 4)?,
                }),
                None => Ok(Period::FinancialYear { year: year(rest)? }),
            };
        }
        match lower.split_once('-') {
            Some((y, m)) if m.len() == 2 => Ok(Period::Month {
                year: year(y)?,
                month: small(m, 12)?,
            }),
            _ => Err(PeriodError::Form),
        }
    }

    /// The period's days when the financial year starts on the first of
    /// `fy_start_month` (1 to 12; 4 for April).
    pub fn range(&self, fy_start_month: u32) -> DateRange {
        let fy_start_month = fy_start_month.clamp(1, 12);
        let months = |y: i32, m: u32, n: u32| {
            let from = NaiveDate::from_ymd_opt(y, m, 1).expect("a valid month");
            let to = from
                .checked_add_months(Months::new(n))
                .and_then(|d| d.pred_opt())
                .expect("a date in range");
            DateRange { from, to }
        };
        match *self {
            Period::Month { year, month } => months(year, month, 1),
            Period::FinancialYear { year } => months(year, fy_start_month, 12),
            Period::Quarter { year, quarter } => {
                let start = NaiveDate::from_ymd_opt(year, fy_start_month, 1)
                    .and_then(|d| d.checked_add_months(Months::new(3 * (quarter - 1))))
                    .expect("a date in range");
                months(start.year(), start.month(), 3)
            }
            Period::Custom { from, to } => DateRange { from, to },
        }
    }

    /// The period as [`Period::parse`] reads it.
    pub fn key(&self) -> String {
        match *self {
            Period::Month { year, month } => format!("{year}-{month:02}"),
            Period::Quarter { year, quarter } => format!("fy{year}-q{quarter}"),
            Period::FinancialYear { year } => format!("fy{year}"),
            Period::Custom { from, to } => format!("{from}..{to}"),
        }
    }

    /// The financial year `today` is in (its starting year).
    pub fn financial_year_of(today: NaiveDate, fy_start_month: u32) -> i32 {
        if today.month() >= fy_start_month.clamp(1, 12) {
            today.year()
        } else {
            today.year() - 1
        }
    }

    /// The last complete quarter of the financial year before `today`'s.
    pub fn last_quarter(today: NaiveDate, fy_start_month: u32) -> Period {
        let fy = Period::financial_year_of(today, fy_start_month);
        let start =
            NaiveDate::from_ymd_opt(fy, fy_start_month.clamp(1, 12), 1).expect("a valid month");
        let months_in =
            (today.year() - start.year()) * 12 + today.month() as i32 - start.month() as i32;
        let quarter = (months_in / 3) as u32 + 1;
        if quarter == 1 {
            Period::Quarter {
                year: fy - 1,
                quarter: 4,
            }
        } else {
            Period::Quarter {
                year: fy,
                quarter: quarter - 1,
            }
        }
    }
}

// --- the facts the figures count --------------------------------------------

/// The Code's stages and their limits, in working days (Code 6.2, 6.3, 6.4,
/// 6.11 and, by the digest's reading, 6.14 and 6.15).
pub const CODE_ACKNOWLEDGE_DAYS: u32 = 5;

/// The Code's response limit for a stage, counted from its acknowledgement,
/// and the longest extension without the resident's agreement.
pub fn code_limits(stage: u8) -> (u32, u32) {
    if stage >= 2 {
        (20, 20)
    } else {
        (10, 10)
    }
}

/// One complaint stage as the figures count it: kept in the database beside
/// the events whenever an event is recorded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StageFacts {
    /// 1 or 2 (a policy's later stage, such as a panel, is not a Code stage).
    pub stage: u8,
    /// The day the stage was received: the complaint's receipt or the request
    /// for stage 2.
    pub received_on: NaiveDate,
    pub acknowledged_on: Option<NaiveDate>,
    /// The day of the stage's full response.
    pub responded_on: Option<NaiveDate>,
    pub outcome: Option<Outcome>,
    /// The day of the first extension, if there was one.
    pub extended_on: Option<NaiveDate>,
    /// Whether the extension was in line with the Code (see the module's notes).
    pub extension_in_line: Option<bool>,
    /// Whether the response was within the Code's timescales (`None` until answered).
    pub within_code: Option<bool>,
    /// The response's remedies: each kind, with a financial one's amount in
    /// pence (Code 7).
    pub remedies: Vec<(RemedyKind, Option<u64>)>,
    /// What caused the complaint, as the response recorded it (the policy's
    /// cause ids; Code 9).
    pub root_causes: Vec<String>,
    /// What the response says was learnt (for the annual report's draft).
    pub lessons: Option<String>,
}

/// The case as the figures count it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseFacts {
    pub kind: CaseKind,
    pub received_on: NaiveDate,
    /// Whether it counts as a complaint received (CH01): taken on, not
    /// declined and not waiting for that decision.
    pub counted: bool,
    pub withdrawn_on: Option<NaiveDate>,
    pub closed_on: Option<NaiveDate>,
    /// Every satisfaction answer, in order (one may follow each response):
    /// KPI (h) counts each in the period it was given.
    pub satisfaction_answers: Vec<(NaiveDate, bool)>,
    pub ombudsman_on: Option<NaiveDate>,
    pub stages: Vec<StageFacts>,
    /// The description suggested a hazard when the complaint was raised
    /// (Awaab's Law): not part of the events, so the server sets it from what
    /// it screened (false from [`case_facts`]).
    pub hazard: bool,
}

/// Whether a stage's response was within the Code's timescales, and whether
/// its extension was in line with the Code (see the module's notes). `None`
/// for `within` until the stage is answered.
pub fn code_timeliness(
    calendar: &Calendar,
    stage: u8,
    received_on: NaiveDate,
    acknowledged_on: Option<NaiveDate>,
    responded_on: Option<NaiveDate>,
    extensions: &[(NaiveDate, NaiveDate, bool)],
) -> (Option<bool>, Option<bool>) {
    let (respond, extend) = code_limits(stage);
    let add = |from: NaiveDate, days: u32| {
        calendar
            .add_working_days(from, days)
            .map(|w| w.date)
            .unwrap_or(NaiveDate::MAX)
    };
    let acknowledged = acknowledged_on.or(responded_on);
    let acknowledged_in_time = acknowledged.map(|a| a <= add(received_on, CODE_ACKNOWLEDGE_DAYS));
    // The original due date: from the acknowledgement, or, before there is one,
    // from the last day it could be on time.
    let counted_from = acknowledged.unwrap_or_else(|| add(received_on, CODE_ACKNOWLEDGE_DAYS));
    let original_due = add(counted_from, respond);
    let in_line = extensions.first().map(|(first_on, _, _)| {
        let longest = add(original_due, extend);
        let (_, last_date, agreed) = extensions.last().copied().expect("not empty");
        *first_on <= original_due && (last_date <= longest || agreed)
    });
    let due = match (in_line, extensions.last()) {
        (Some(true), Some((_, new_date, _))) => original_due.max(*new_date),
        _ => original_due,
    };
    let within = responded_on.map(|r| acknowledged_in_time == Some(true) && r <= due);
    (within, in_line)
}

/// The facts the figures count for one case.
pub fn case_facts(state: &CaseState, calendar: &Calendar) -> CaseFacts {
    let counted = state.kind == CaseKind::Complaint
        && state
            .taking_on
            .as_ref()
            .is_none_or(|t| t.decision.as_ref().is_some_and(|d| d.accepted));
    let stages = state
        .stages
        .iter()
        .filter(|s| s.number <= 2)
        .map(|s| {
            let extensions: Vec<_> = s
                .extensions
                .iter()
                .map(|e| (e.on, e.new_date, e.agreed_with_resident))
                .collect();
            let responded_on = s.response.as_ref().map(|r| r.on);
            let (within_code, extension_in_line) = code_timeliness(
                calendar,
                s.number,
                s.started_on,
                s.acknowledged_on,
                responded_on,
                &extensions,
            );
            StageFacts {
                stage: s.number,
                received_on: s.started_on,
                acknowledged_on: s.acknowledged_on,
                responded_on,
                outcome: s.response.as_ref().and_then(|r| r.outcome),
                extended_on: s.extensions.first().map(|e| e.on),
                extension_in_line,
                within_code,
                remedies: s
                    .response
                    .iter()
                    .flat_map(|r| &r.remedies)
                    .map(|r| (r.kind, r.amount_pence))
                    .collect(),
                root_causes: {
                    let mut causes: Vec<String> = Vec::new();
                    for cause in s.response.iter().flat_map(|r| &r.root_causes) {
                        if !causes.contains(cause) {
                            causes.push(cause.clone());
                        }
                    }
                    causes
                },
                lessons: s
                    .response
                    .as_ref()
                    .and_then(|r| r.lessons.clone())
                    .filter(|l| !l.trim().is_empty()),
            }
        })
        .collect();
    CaseFacts {
        kind: state.kind,
        received_on: state.received_on,
        counted,
        withdrawn_on: state.withdrawn.as_ref().map(|w| w.on),
        closed_on: state.closed.as_ref().map(|c| c.on),
        satisfaction_answers: state.satisfaction_answers.clone(),
        ombudsman_on: state.referred_to_ombudsman_on,
        stages,
        hazard: false,
    }
}

// --- durations -----------------------------------------------------------------

/// The nearest-rank percentile `p` (1 to 100) of `values`: the smallest value
/// with at least `p`% of the values at or below it. `None` for no values.
/// The median is `percentile(50)`: of an even number, the lower middle one.
pub fn percentile(values: &mut [u32], p: u32) -> Option<u32> {
    if values.is_empty() {
        return None;
    }
    values.sort_unstable();
    let n = values.len();
    let rank = (p as usize * n).div_ceil(100).max(1);
    Some(values[rank - 1])
}

/// Working days from a stage's receipt to its response (the receipt day not
/// counted, the response day counted if it is a working day).
pub fn working_days_to_respond(
    calendar: &Calendar,
    received_on: NaiveDate,
    responded_on: NaiveDate,
) -> u32 {
    calendar
        .working_days_between(received_on, responded_on)
        .map(|w| w.working_days)
        .unwrap_or(0)
}

// --- the figures on the wire --------------------------------------------------

/// A share: `numerator` of `denominator`.
#[derive(Serialize, Deserialize, Debug, Clone, Copy, PartialEq, Eq, Default)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
pub struct Ratio {
    pub numerator: u64,
    pub denominator: u64,
}

impl Ratio {
    /// The share as a percentage to one decimal place, `None` of nothing.
    pub fn percent(&self) -> Option<f64> {
        (self.denominator > 0)
            .then(|| (self.numerator as f64 * 1000.0 / self.denominator as f64).round() / 10.0)
    }

    /// `numerator` per 1,000 of `denominator`, to two decimal places (CH01).
    pub fn per_thousand(&self) -> Option<f64> {
        (self.denominator > 0)
            .then(|| (self.numerator as f64 * 100_000.0 / self.denominator as f64).round() / 100.0)
    }
}

/// The figures for one complaint stage.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
pub struct StageFigures {
    pub stage: u8,
    /// CH01: this stage's complaints received in the period, per the homes
    /// owned (the denominator is 0 when the number of homes is not set).
    pub ch01: Ratio,
    /// CH02: of this stage's complaints responded to in the period, those
    /// within the Code's timescales.
    pub ch02: Ratio,
    /// Median working days from receipt to response, of the responses in the period.
    pub median_working_days: Option<u32>,
    /// 90th percentile (nearest rank) of the same.
    pub p90_working_days: Option<u32>,
}

/// A count of one key's cases.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
pub struct KeyCount {
    /// The policy's category id (`None`: no category), or an outcome's name.
    pub key: Option<String>,
    pub count: u64,
}

/// The remedies of the stage responses sent in the period, of one kind.
#[derive(Serialize, Deserialize, Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
pub struct RemedyCount {
    pub kind: RemedyKind,
    /// How many remedies of this kind the responses gave.
    pub count: u64,
    /// Their money, in pence: the amounts of the financial ones (offered,
    /// paid, set against money owed or given in kind).
    pub pence: u64,
}

/// The stage responses of the period that named one cause.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
pub struct CauseCount {
    /// The policy's cause id.
    pub cause: String,
    /// Its label in the policy in use (`None`: the policy no longer lists it).
    pub label: Option<String>,
    pub count: u64,
}

/// The stage responses of the period by outcome.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
pub struct OutcomeCount {
    pub stage: u8,
    pub outcome: Outcome,
    pub count: u64,
}

/// Pivotal's nine monthly KPIs (its policy, section 20.1 a–i), as far as the
/// record holds them.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq, Default)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
pub struct Kpis {
    /// (a) complaints received (stage 1, by the day received).
    pub received: u64,
    /// (b) resolved: stage 1 responses sent.
    pub resolved: u64,
    /// (c) escalated to stage 2: stage 2 requests received.
    pub escalated: u64,
    /// (d) resolved at stage 2: stage 2 responses sent.
    pub resolved_stage2: u64,
    /// (e) resolved within timescales: of the stage 1 and 2 responses sent,
    /// those within the Code's timescales.
    pub within_timescales: Ratio,
    /// (f) extended and the resident told: stages first extended in the
    /// period (recording an extension tells the resident).
    pub extended: u64,
    /// (g) of those, the extensions in line with the Code (within its limit,
    /// or beyond it with the resident's agreement). Whether the written
    /// reason is a good one is a judgement the record cannot make.
    pub extensions_in_line: Ratio,
    /// (h) of the satisfaction answers recorded in the period, the satisfied.
    pub satisfied: Ratio,
    /// (i) complaints referred to the Housing Ombudsman in the period.
    pub ombudsman: u64,
}

/// `GET /staff/figures`: every figure for one period.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
pub struct Figures {
    /// The period as chosen (`2025-06`, `fy2025-q1`, `fy2025`, `2025-04-01..2025-06-30`).
    pub period: String,
    pub range: DateRange,
    /// The homes the landlord owns (CH01's denominator), when set.
    pub homes: Option<u64>,
    /// The month the financial year starts (1 to 12).
    pub financial_year_start_month: u32,
    /// Stage 1, then stage 2.
    pub stages: Vec<StageFigures>,
    /// Complaints received (stage 1) by category, most first.
    pub by_category: Vec<KeyCount>,
    /// Stage responses by outcome.
    pub by_outcome: Vec<OutcomeCount>,
    /// Complaints open today past their next due date.
    pub overdue_now: u64,
    pub compliments: u64,
    pub comments: u64,
    pub kpis: Kpis,
    /// Complaints received in the period whose description suggested a
    /// hazard (Awaab's Law), flagged to staff with the law's dates.
    #[serde(default)]
    pub hazards: u64,
    /// Under a policy that monitors equality (Pioneer §11), the cases
    /// received in the period by their residents' answers, each question's
    /// answers in the order it lists them, then "not answered"; `None` when
    /// the policy does not monitor.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub equality: Option<Vec<crate::equality::EqualityCount>>,
    /// The remedies in the stage responses sent in the period, every kind
    /// the Code names in its order, with their money (Code 7).
    #[serde(default)]
    pub remedies: Vec<RemedyCount>,
    /// What caused the complaints answered in the period (each response's
    /// causes, from the policy's list), most first: the themes the Code's
    /// section 9 asks the landlord to learn from.
    #[serde(default)]
    pub causes: Vec<CauseCount>,
}

/// The figures a list of cases can be asked for.
#[derive(Serialize, Deserialize, Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Figure {
    /// Stage 1 complaints received (CH01(1), KPI a).
    Stage1Received,
    /// Stage 2 complaints received (CH01(2), KPI c).
    Stage2Received,
    /// Stage 1 responses (CH02(1)'s denominator, KPI b).
    Stage1Responded,
    /// Stage 2 responses (CH02(2)'s denominator, KPI d).
    Stage2Responded,
    /// Stage 1 responses within the Code's timescales (CH02(1)'s numerator).
    Stage1Within,
    /// Stage 2 responses within the Code's timescales (CH02(2)'s numerator).
    Stage2Within,
    /// Open complaints past their next due date today.
    Overdue,
    Compliments,
    Comments,
    /// Stages first extended in the period (KPI f).
    Extended,
    /// Complaints referred to the Ombudsman in the period (KPI i).
    Ombudsman,
    /// Complaints received in the period whose description suggested a
    /// hazard (Awaab's Law).
    Hazards,
}

impl Figure {
    pub const ALL: [Figure; 12] = [
        Figure::Stage1Received,
        Figure::Stage2Received,
        Figure::Stage1Responded,
        Figure::Stage2Responded,
        Figure::Stage1Within,
        Figure::Stage2Within,
        Figure::Overdue,
        Figure::Compliments,
        Figure::Comments,
        Figure::Extended,
        Figure::Ombudsman,
        Figure::Hazards,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Figure::Stage1Received => "stage1_received",
            Figure::Stage2Received => "stage2_received",
            Figure::Stage1Responded => "stage1_responded",
            Figure::Stage2Responded => "stage2_responded",
            Figure::Stage1Within => "stage1_within",
            Figure::Stage2Within => "stage2_within",
            Figure::Overdue => "overdue",
            Figure::Compliments => "compliments",
            Figure::Comments => "comments",
            Figure::Extended => "extended",
            Figure::Ombudsman => "ombudsman",
            Figure::Hazards => "hazards",
        }
    }

    pub fn parse(s: &str) -> Option<Figure> {
        Figure::ALL.into_iter().find(|f| f.as_str() == s)
    }
}

/// The landlord's settings the figures need.
#[derive(Serialize, Deserialize, Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
pub struct FigureSettings {
    /// The homes the landlord owns (CH01's denominator), 1 to 10,000,000.
    pub homes: Option<u64>,
    /// The month the financial year starts, 1 to 12 (4: April).
    pub financial_year_start_month: u32,
}

/// The most homes a landlord may say it owns.
pub const HOMES_MAX: u64 = 10_000_000;

#[cfg(test)]
mod tests;
