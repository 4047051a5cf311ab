//! The caseworkers' queue and their actions on a case.

use crate::api::cases::{
    CaseDetail, CaseMessage, CaseSummary, Caseworker, MessagePreview, StaffActionRequest,
};
use crate::api::staff_cases::{ResidentMatch, StaffNewCase};
use crate::endpoint::Access::Staff;
use crate::endpoint::{Access, NoBody, QueryParam, RetryKey};

endpoints! {
    ListQueue: GET "/staff/cases" {
        const OPERATION: &'static str = "list_queue";
        const SUMMARY: &'static str = "The staff queue, the soonest due first, a page at a time";
        const ACCESS: Access = Staff;
        type Request = NoBody;
        type Answer = Vec<CaseSummary>;
        const ERRORS: &'static [u16] = &[400];
        const QUERY: &'static [QueryParam] = &[
            QueryParam {
                name: "stage",
                kind: "integer",
                required: false,
                format: None,
                range: Some((1, 3)),
            },
            QueryParam { name: "status", kind: "string", required: false, ..QueryParam::PLAIN },
            QueryParam { name: "overdue", kind: "boolean", required: false, ..QueryParam::PLAIN },
            QueryParam { name: "caseworker", kind: "string", required: false, ..QueryParam::PLAIN },
            QueryParam { name: "hazard", kind: "boolean", required: false, ..QueryParam::PLAIN },
        ];
        const PAGED: bool = true;
    }

    /// Who handles a case (issue 16, item 5).
    ListCaseworkers: GET "/staff/caseworkers" {
        const OPERATION: &'static str = "list_caseworkers";
        const SUMMARY: &'static str = "The staff who can be assigned a case, by name, a page at a time";
        const ACCESS: Access = Staff;
        type Request = NoBody;
        type Answer = Vec<Caseworker>;
        const ERRORS: &'static [u16] = &[400];
        const PAGED: bool = true;
    }

    /// Complaints from any channel (issue 16, item 1).
    RaiseCaseForResident: POST "/staff/cases" {
        const OPERATION: &'static str = "raise_case_for_resident";
        const SUMMARY: &'static str = "Raise a complaint, compliment or comment that came by phone, letter, email, in person or otherwise, for a resident or someone without an account";
        const ACCESS: Access = Staff;
        type Request = StaffNewCase;
        type Answer = CaseDetail;
        const STATUS: u16 = 201;
        const ERRORS: &'static [u16] = &[409];
        const RETRY_KEY: RetryKey = RetryKey::Required;
    }

    FindResidents: GET "/staff/residents" {
        const OPERATION: &'static str = "find_residents";
        const SUMMARY: &'static str = "Residents whose name, email address or telephone number holds the text, or with a case of that reference";
        const ACCESS: Access = Staff;
        type Request = NoBody;
        type Answer = Vec<ResidentMatch>;
        const ERRORS: &'static [u16] = &[400, 422];
        const QUERY: &'static [QueryParam] = &[
            QueryParam { name: "q", kind: "string", required: true, ..QueryParam::PLAIN },
        ];
        const PAGED: bool = true;
    }

    /// Staff only: what the resident was sent, and what became of each
    /// message (issue 17, item 4); a confidential case's, only within the
    /// complaints team. Apart from the case, so that the case a resident
    /// reads carries nothing of it.
    ListCaseMessages: GET "/cases/{id}/messages" {
        const OPERATION: &'static str = "list_case_messages";
        const SUMMARY: &'static str = "The messages about a case, oldest first, each with where it stands and its history (staff); a page at a time";
        const ACCESS: Access = Staff;
        type Request = NoBody;
        type Answer = Vec<CaseMessage>;
        const ERRORS: &'static [u16] = &[400, 404];
        const PAGED: bool = true;
    }

    /// Who signed a petition besides its spokesperson (Plus Dane §20), in
    /// the order recorded: 404 for a case the member of staff may not see,
    /// or whose resident they may not know.
    ListSignatories: GET "/cases/{id}/signatories" {
        const OPERATION: &'static str = "list_signatories";
        const SUMMARY: &'static str = "Who signed a petition besides its spokesperson (staff); a page at a time";
        const ACCESS: Access = Staff;
        type Request = NoBody;
        type Answer = Vec<crate::petition::Signatory>;
        const ERRORS: &'static [u16] = &[400, 404];
        const PAGED: bool = true;
    }

    RecordStaffAction: POST "/cases/{id}/staff-actions" {
        const OPERATION: &'static str = "record_staff_action";
        const SUMMARY: &'static str = "Record one staff event on a case";
        const ACCESS: Access = Staff;
        type Request = StaffActionRequest;
        type Answer = CaseDetail;
        const ERRORS: &'static [u16] = &[404, 409];
        const RETRY_KEY: RetryKey = RetryKey::Optional;
    }

    PreviewStaffAction: POST "/cases/{id}/staff-actions/preview" {
        const OPERATION: &'static str = "preview_staff_action";
        const SUMMARY: &'static str = "What the resident would be told if this staff event were recorded now; nothing is recorded";
        const ACCESS: Access = Staff;
        type Request = StaffActionRequest;
        type Answer = MessagePreview;
        const ERRORS: &'static [u16] = &[404, 409];
    }
}
