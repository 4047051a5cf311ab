//! Request and response types of the JSON API, shared by the server and the app.
//!
//! Keys are snake_case, timestamps RFC 3339 UTC, due dates ISO dates.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// `GET /api/v1/health`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
pub struct Health {
    /// "ok" or "unavailable".
    pub status: String,
    pub version: String,
    /// "ok" when the database answers.
    pub database: String,
    /// The active policy.
    pub policy_id: String,
    pub landlord: String,
    /// Today in the UK, by the server's clock.
    pub today: NaiveDate,
}

/// `GET /api/v1/calendar/working-days`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
pub struct WorkingDaysAnswer {
    pub from: NaiveDate,
    pub days: u32,
    pub date: NaiveDate,
    pub skipped: Vec<crate::calendar::SkippedDay>,
    /// "We don't count 25, 28 December or 1 January (bank holidays)."
    pub explanation: Option<String>,
}

impl From<crate::calendar::WorkingDays> for WorkingDaysAnswer {
    fn from(counted: crate::calendar::WorkingDays) -> Self {
        Self {
            explanation: counted.explanation(),
            from: counted.from,
            days: counted.days,
            date: counted.date,
            skipped: counted.skipped,
        }
    }
}

/// `GET /api/v1/calendar/working-days-between`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
pub struct WorkingDaysBetweenAnswer {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub working_days: u32,
}

/// `GET /api/v1/calendar/bank-holidays`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
pub struct BankHolidays {
    pub division: String,
    pub year: i32,
    pub holidays: Vec<crate::calendar::BankHoliday>,
}

/// One row of `GET /api/v1/policies`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
pub struct PolicySummary {
    pub id: String,
    pub landlord: String,
    pub title: String,
    /// The policy new complaints run under.
    pub active: bool,
    /// How many findings the Complaint Handling Code check reports.
    pub findings: usize,
}

/// `GET /api/v1/policies/{id}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
pub struct PolicyDetail {
    pub active: bool,
    /// The policy as written.
    pub policy: crate::policy::Policy,
    /// The policy as run: where it is silent, the Code's values.
    pub effective: crate::policy::Policy,
    /// Where the Code's values were used, in plain words.
    pub fallbacks: Vec<crate::policy::Fallback>,
}

pub mod account;
pub mod account_security;
pub mod authorisations;
pub mod cases;
pub mod second_factor;
pub mod staff_cases;

/// `PUT /api/v1/test/clock`'s body and answer: the instant the clock shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ClockSetting {
    pub now: chrono::DateTime<chrono::Utc>,
}

/// One message of `GET /api/v1/test/messages?to=…`, the tests' mailbox.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
pub struct WrittenMessage {
    pub subject: String,
    pub body: String,
}
