//! Authorisations ([`domain::endpoints::authorisations`]).

use domain::api::authorisations::{ActingFor, AuthorisationView, NewAuthorisation, Verification};
use domain::endpoint::NoBody;
use domain::endpoints::authorisations::{
    AcceptAuthorisation, CreateAuthorisation, GetAuthorisation, GetEvidence, ListAdvocateResidents,
    ListAuthorisations, RevokeAuthorisation, RevokeAuthorisationByPost, VerifyAuthorisation,
};

use super::{after, all, call, call_empty, href, page, ClientError};

/// `POST /authorisations`: invite an advocate, or file a signed form.
pub async fn create(
    request: &NewAuthorisation,
    key: &str,
) -> Result<AuthorisationView, ClientError> {
    call::<CreateAuthorisation>(&[], request, Some(key)).await
}

/// `GET /authorisations`: a page of them (the first when `cursor` is `None`).
pub async fn list(
    cursor: Option<&str>,
) -> Result<(Vec<AuthorisationView>, Option<String>), ClientError> {
    page::<ListAuthorisations, _>(&after(cursor)).await
}

/// `GET /authorisations?status=…`: every one in that state, page after page.
pub async fn every_with_status(status: &str) -> Result<Vec<AuthorisationView>, ClientError> {
    all::<ListAuthorisations, _>(&format!("?status={status}&limit=100")).await
}

/// `GET /authorisations/{id}`: one authorisation.
pub async fn get(id: &str) -> Result<AuthorisationView, ClientError> {
    call::<GetAuthorisation>(&[id], &NoBody {}, None).await
}

/// `DELETE /authorisations/{id}`: revoke at once.
pub async fn revoke(id: &str) -> Result<(), ClientError> {
    call_empty::<RevokeAuthorisation>(&[id], &NoBody {}, None).await
}

/// `POST /authorisations/{id}/acceptance`: the invited advocate accepts.
pub async fn accept(id: &str) -> Result<AuthorisationView, ClientError> {
    call::<AcceptAuthorisation>(&[id], &NoBody {}, None).await
}

/// `POST /authorisations/{id}/revocation`: the invited advocate declines
/// (ends the invitation, as a resident takes one back).
pub async fn decline(id: &str) -> Result<AuthorisationView, ClientError> {
    call::<RevokeAuthorisationByPost>(&[id], &NoBody {}, None).await
}

/// `POST /authorisations/{id}/verification`: staff verify or reject a signed form.
pub async fn verify(
    id: &str,
    verification: &Verification,
) -> Result<AuthorisationView, ClientError> {
    call::<VerifyAuthorisation>(&[id], verification, None).await
}

/// The address of the signed form, for a download link.
pub fn evidence_href(id: &str) -> String {
    href::<GetEvidence>(&[id])
}

/// `GET /advocate/residents`: a page of the residents an advocate acts for.
pub async fn acting_for(
    cursor: Option<&str>,
) -> Result<(Vec<ActingFor>, Option<String>), ClientError> {
    page::<ListAdvocateResidents, _>(&after(cursor)).await
}
