//! The caseworkers' queue and their actions on a case.

use crate::api::cases::{CaseDetail, CaseSummary, StaffActionRequest};
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
        ];
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
}
