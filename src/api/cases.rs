//! Cases ([`domain::endpoints::cases`]).

use domain::api::cases::{CaseDetail, CaseSummary, NewCase, ScreeningAnswer, ScreeningRequest};
use domain::endpoint::{Endpoint, NoBody};
use domain::endpoints::cases::{
    CreateCase, DownloadAttachment, GetCase, GetEqualityQuestions, ListCases, SaveEqualityAnswers,
    ScreenCase,
};
use domain::equality::{EqualityAnswers, EqualityQuestions};

use super::{after, all, call, href, page, ClientError};

/// `POST /cases/screening`: what the policy says before a complaint is sent.
pub async fn screen(request: &ScreeningRequest) -> Result<ScreeningAnswer, ClientError> {
    call::<ScreenCase>(&[], request, None).await
}

/// `POST /cases`: raise a complaint, compliment or comment.
pub async fn create(case: &NewCase, key: &str) -> Result<CaseDetail, ClientError> {
    call::<CreateCase>(&[], case, Some(key)).await
}

/// `GET /cases`: a page of the cases (the first when `cursor` is `None`).
pub async fn list(cursor: Option<&str>) -> Result<(Vec<CaseSummary>, Option<String>), ClientError> {
    page::<ListCases, _>(&after(cursor)).await
}

/// `GET /cases`: every case, page after page, newest first.
pub async fn every() -> Result<Vec<CaseSummary>, ClientError> {
    all::<ListCases, _>("?limit=100").await
}

/// `GET /cases/{id}`: one case.
pub async fn get(id: &str) -> Result<CaseDetail, ClientError> {
    call::<GetCase>(&[id], &NoBody {}, None).await
}

/// A resident's (or their advocate's) action on a case, such as
/// [`domain::endpoints::cases::RequestEscalation`]: sent with its retry key,
/// answered with the case as it now stands.
pub async fn act<E: Endpoint<Answer = CaseDetail>>(
    id: &str,
    request: &E::Request,
    key: &str,
) -> Result<CaseDetail, ClientError> {
    call::<E>(&[id], request, Some(key)).await
}

/// The address of an attachment's file, for a download link.
pub fn attachment_href(case_id: &str, attachment_id: &str) -> String {
    href::<DownloadAttachment>(&[case_id, attachment_id])
}

/// `GET /cases/{id}/equality`: the optional equality questions about a case
/// of the resident's, and their answers (Pioneer §11).
pub async fn equality(id: &str) -> Result<EqualityQuestions, ClientError> {
    call::<GetEqualityQuestions>(&[id], &NoBody {}, None).await
}

/// `PUT /cases/{id}/equality`: replace the answers (none takes them away).
pub async fn save_equality(
    id: &str,
    answers: &EqualityAnswers,
) -> Result<EqualityQuestions, ClientError> {
    call::<SaveEqualityAnswers>(&[id], answers, None).await
}
