//! The caseworkers' queue and actions ([`domain::endpoints::staff`]).

use domain::api::cases::{CaseDetail, CaseSummary, StaffActionRequest};
use domain::endpoints::staff::{ListQueue, RecordStaffAction};

use super::{call, page, ClientError};

/// `GET /staff/cases`: a page of the queue; `query` is the page's own query
/// string (`?stage=2&overdue=true`, or empty), passed on as it is.
pub async fn queue(query: &str) -> Result<(Vec<CaseSummary>, Option<String>), ClientError> {
    page::<ListQueue, _>(query).await
}

/// `POST /cases/{id}/staff-actions`: record one staff event on a case.
pub async fn record_action(
    id: &str,
    request: &StaffActionRequest,
    key: &str,
) -> Result<CaseDetail, ClientError> {
    call::<RecordStaffAction>(&[id], request, Some(key)).await
}
