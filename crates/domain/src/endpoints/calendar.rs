//! The working-day calendar of England and Wales.

use crate::api::{BankHolidays, WorkingDaysAnswer, WorkingDaysBetweenAnswer};
use crate::calendar::{FIRST_YEAR, LAST_YEAR};
use crate::endpoint::Access::Public;
use crate::endpoint::{Access, NoBody, QueryParam};

/// The most working days one question may count.
pub const MAX_WORKING_DAYS: u32 = 2_000;

/// A date, as YYYY-MM-DD, in the calendar's years.
const fn date(name: &'static str) -> QueryParam {
    QueryParam {
        name,
        kind: "string",
        required: true,
        format: Some("date"),
        range: None,
    }
}

const DATE_FROM: QueryParam = date("from");
const DATE_TO: QueryParam = date("to");

endpoints! {
    AddWorkingDays: GET "/calendar/working-days" {
        const OPERATION: &'static str = "add_working_days";
        const SUMMARY: &'static str = "The nth working day after a date, with the days skipped";
        const ACCESS: Access = Public;
        type Request = NoBody;
        type Answer = WorkingDaysAnswer;
        const ERRORS: &'static [u16] = &[422];
        const QUERY: &'static [QueryParam] = &[
            DATE_FROM,
            QueryParam {
                name: "days",
                kind: "integer",
                required: true,
                format: None,
                range: Some((0, MAX_WORKING_DAYS as i64)),
            },
        ];
    }

    CountWorkingDays: GET "/calendar/working-days-between" {
        const OPERATION: &'static str = "count_working_days";
        const SUMMARY: &'static str = "Working days d with from < d <= to";
        const ACCESS: Access = Public;
        type Request = NoBody;
        type Answer = WorkingDaysBetweenAnswer;
        const ERRORS: &'static [u16] = &[422];
        const QUERY: &'static [QueryParam] = &[
            DATE_FROM,
            DATE_TO,
        ];
    }

    ListBankHolidays: GET "/calendar/bank-holidays" {
        const OPERATION: &'static str = "list_bank_holidays";
        const SUMMARY: &'static str = "England and Wales bank holidays in a year";
        const ACCESS: Access = Public;
        type Request = NoBody;
        type Answer = BankHolidays;
        const ERRORS: &'static [u16] = &[422];
        const QUERY: &'static [QueryParam] = &[
            QueryParam {
                name: "year",
                kind: "integer",
                required: true,
                format: None,
                range: Some((FIRST_YEAR as i64, LAST_YEAR as i64)),
            },
        ];
    }
}
