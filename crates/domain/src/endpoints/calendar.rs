//! The working-day calendar of England and Wales.

use crate::api::{BankHolidays, WorkingDaysAnswer, WorkingDaysBetweenAnswer};
use crate::endpoint::Access::Public;
use crate::endpoint::{Access, NoBody, QueryParam};

endpoints! {
    AddWorkingDays: GET "/calendar/working-days" {
        const OPERATION: &'static str = "add_working_days";
        const SUMMARY: &'static str = "The nth working day after a date, with the days skipped";
        const ACCESS: Access = Public;
        type Request = NoBody;
        type Answer = WorkingDaysAnswer;
        const ERRORS: &'static [u16] = &[422];
        const QUERY: &'static [QueryParam] = &[
            QueryParam { name: "from", kind: "string", required: true },
            QueryParam { name: "days", kind: "integer", required: true },
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
            QueryParam { name: "from", kind: "string", required: true },
            QueryParam { name: "to", kind: "string", required: true },
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
            QueryParam { name: "year", kind: "integer", required: true },
        ];
    }
}
