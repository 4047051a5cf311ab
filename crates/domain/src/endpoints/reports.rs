//! The annual complaints performance and service improvement report with
//! the self-assessment against the Code (Code section 8, issue 19): drafted,
//! edited and published by administrators, read by anyone once published.

use crate::annual_report::{
    AnnualReport, NewReport, PublishReport, PublishedReport, ReportEdit, ReportSummary,
};
use crate::endpoint::Access::{Admin, Public};
use crate::endpoint::{Access, NoBody, RetryKey};

endpoints! {
    ListAnnualReports: GET "/staff/annual-reports" {
        const OPERATION: &'static str = "list_annual_reports";
        const SUMMARY: &'static str = "The annual reports, the latest year first, a page at a time";
        const ACCESS: Access = Admin;
        type Request = NoBody;
        type Answer = Vec<ReportSummary>;
        const PAGED: bool = true;
    }

    /// The draft is written from the year's figures, the causes and lessons
    /// the responses recorded, and the policy check (409: the year has one).
    CreateAnnualReport: POST "/staff/annual-reports" {
        const OPERATION: &'static str = "create_annual_report";
        const SUMMARY: &'static str = "Start the annual report for a financial year";
        const ACCESS: Access = Admin;
        type Request = NewReport;
        type Answer = AnnualReport;
        const STATUS: u16 = 201;
        const ERRORS: &'static [u16] = &[409];
        const RETRY_KEY: RetryKey = RetryKey::Optional;
    }

    GetAnnualReport: GET "/staff/annual-reports/{year}" {
        const OPERATION: &'static str = "get_annual_report";
        const SUMMARY: &'static str = "A year's annual report as drafted, with the year's figures now";
        const ACCESS: Access = Admin;
        type Request = NoBody;
        type Answer = AnnualReport;
        const ERRORS: &'static [u16] = &[404];
    }

    /// 409 when someone saved the report since `version`.
    PutAnnualReport: PUT "/staff/annual-reports/{year}" {
        const OPERATION: &'static str = "put_annual_report";
        const SUMMARY: &'static str = "Change a year's draft report and self-assessment";
        const ACCESS: Access = Admin;
        type Request = ReportEdit;
        type Answer = AnnualReport;
        const ERRORS: &'static [u16] = &[404, 409];
    }

    /// The draft and the year's figures as they stand become the published
    /// report (409 when someone saved the report since `version`).
    PublishAnnualReport: POST "/staff/annual-reports/{year}/publish" {
        const OPERATION: &'static str = "publish_annual_report";
        const SUMMARY: &'static str = "Publish a year's report at its public address";
        const ACCESS: Access = Admin;
        type Request = PublishReport;
        type Answer = AnnualReport;
        const ERRORS: &'static [u16] = &[404, 409];
        const RETRY_KEY: RetryKey = RetryKey::Optional;
    }

    GetPublishedReport: GET "/annual-reports/{year}" {
        const OPERATION: &'static str = "get_published_report";
        const SUMMARY: &'static str = "A year's annual report as published (404: not published)";
        const ACCESS: Access = Public;
        type Request = NoBody;
        type Answer = PublishedReport;
        const ERRORS: &'static [u16] = &[404];
    }

    /// The published report as a PDF (A4, 12 pt Helvetica, real text).
    DownloadPublishedReport: GET "/annual-reports/{year}/pdf" {
        const OPERATION: &'static str = "download_published_report";
        const SUMMARY: &'static str = "A year's published annual report as a PDF";
        const ACCESS: Access = Public;
        type Request = NoBody;
        type Answer = NoBody;
        const ERRORS: &'static [u16] = &[404];
    }
}
