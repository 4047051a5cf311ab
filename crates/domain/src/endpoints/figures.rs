//! The landlord's figures (issue 19), for administrators (the landlord's
//! managers): every figure for a period, the cases behind one, a table as
//! CSV, and the settings the figures need.

use crate::api::cases::CaseSummary;
use crate::endpoint::Access::Admin;
use crate::endpoint::{Access, NoBody, QueryParam};
use crate::figures::{FigureSettings, Figures};

const PERIOD: QueryParam = QueryParam {
    name: "period",
    kind: "string",
    required: true,
    ..QueryParam::PLAIN
};

endpoints! {
    GetFigures: GET "/staff/figures" {
        const OPERATION: &'static str = "get_figures";
        const SUMMARY: &'static str = "Every figure for a period: CH01, CH02, the KPIs, counts and durations";
        const ACCESS: Access = Admin;
        type Request = NoBody;
        type Answer = Figures;
        const ERRORS: &'static [u16] = &[400];
        const QUERY: &'static [QueryParam] = &[PERIOD];
    }

    ListFigureCases: GET "/staff/figures/cases" {
        const OPERATION: &'static str = "list_figure_cases";
        const SUMMARY: &'static str = "The cases behind one figure for a period, a page at a time";
        const ACCESS: Access = Admin;
        type Request = NoBody;
        type Answer = Vec<CaseSummary>;
        const ERRORS: &'static [u16] = &[400];
        const QUERY: &'static [QueryParam] = &[
            PERIOD,
            QueryParam { name: "figure", kind: "string", required: true, ..QueryParam::PLAIN },
        ];
        const PAGED: bool = true;
    }

    /// A table of the figures as CSV (RFC 4180; the columns are described in
    /// the README's data dictionary).
    DownloadFiguresCsv: GET "/staff/figures/csv" {
        const OPERATION: &'static str = "download_figures_csv";
        const SUMMARY: &'static str = "One table of the figures for a period, as CSV";
        const ACCESS: Access = Admin;
        type Request = NoBody;
        type Answer = NoBody;
        const ERRORS: &'static [u16] = &[400, 404];
        const QUERY: &'static [QueryParam] = &[
            PERIOD,
            QueryParam { name: "table", kind: "string", required: true, ..QueryParam::PLAIN },
        ];
    }

    GetFigureSettings: GET "/staff/figure-settings" {
        const OPERATION: &'static str = "get_figure_settings";
        const SUMMARY: &'static str = "The homes the landlord owns and the month its financial year starts";
        const ACCESS: Access = Admin;
        type Request = NoBody;
        type Answer = FigureSettings;
        const ERRORS: &'static [u16] = &[];
    }

    PutFigureSettings: PUT "/staff/figure-settings" {
        const OPERATION: &'static str = "put_figure_settings";
        const SUMMARY: &'static str = "Set the homes the landlord owns and the month its financial year starts";
        const ACCESS: Access = Admin;
        type Request = FigureSettings;
        type Answer = FigureSettings;
        const ERRORS: &'static [u16] = &[];
    }
}
