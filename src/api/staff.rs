//! The caseworkers' queue and actions ([`domain::endpoints::staff`]).

use domain::api::cases::{
    CaseDetail, CaseMessage, CaseSummary, Caseworker, MessagePreview, StaffActionRequest,
};
use domain::api::staff_cases::{ResidentMatch, StaffNewCase};
use domain::endpoints::staff::{
    FindResidents, ListCaseMessages, ListCaseworkers, ListQueue, ListSignatories,
    PreviewStaffAction, RaiseCaseForResident, RecordStaffAction,
};
use domain::petition::Signatory;

use super::{all, all_of, call, page, ClientError};

/// `GET /staff/cases`: a page of the queue; `query` is the page's own query
/// string (`?stage=2&overdue=true`, or empty), passed on as it is.
pub async fn queue(query: &str) -> Result<(Vec<CaseSummary>, Option<String>), ClientError> {
    page::<ListQueue, _>(query).await
}

/// `GET /staff/caseworkers`: every member of staff who can be assigned a
/// case, by name (each page in turn, so nobody is left out of a list).
pub async fn caseworkers() -> Result<Vec<Caseworker>, ClientError> {
    all::<ListCaseworkers, _>("?limit=100").await
}

/// `GET /cases/{id}/messages`: every message about a case, oldest first
/// (each page in turn: a case has a handful).
pub async fn case_messages(id: &str) -> Result<Vec<CaseMessage>, ClientError> {
    all_of::<ListCaseMessages, _>(&[id], "?limit=100").await
}

/// `GET /cases/{id}/signatories`: everyone besides the spokesperson who
/// signed a petition, in the order recorded (each page in turn).
pub async fn signatories(id: &str) -> Result<Vec<Signatory>, ClientError> {
    all_of::<ListSignatories, _>(&[id], "?limit=100").await
}

/// `GET /staff/residents?q=`: the first `limit` residents whose name, email
/// address or telephone number holds `q`, or with a case of that reference.
pub async fn find_residents(q: &str, limit: u8) -> Result<Vec<ResidentMatch>, ClientError> {
    let query = format!(
        "?q={}&limit={limit}",
        String::from(js_sys::encode_uri_component(q))
    );
    page::<FindResidents, _>(&query).await.map(|(list, _)| list)
}

/// `POST /staff/cases`: a complaint, compliment or comment that reached us
/// by phone, letter, email or in person, raised by staff.
pub async fn raise_case(request: &StaffNewCase, key: &str) -> Result<CaseDetail, ClientError> {
    call::<RaiseCaseForResident>(&[], request, Some(key)).await
}

/// `POST /cases/{id}/staff-actions`: record one staff event on a case.
pub async fn record_action(
    id: &str,
    request: &StaffActionRequest,
    key: &str,
) -> Result<CaseDetail, ClientError> {
    call::<RecordStaffAction>(&[id], request, Some(key)).await
}

/// `POST /cases/{id}/staff-actions/preview`: what the resident would be told
/// if the action were saved now; nothing is recorded, so no retry key.
pub async fn preview_action(
    id: &str,
    request: &StaffActionRequest,
) -> Result<MessagePreview, ClientError> {
    call::<PreviewStaffAction>(&[id], request, None).await
}
