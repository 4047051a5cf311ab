//! Raising a case on a resident's behalf: an advocate names the
//! authorisation they act under, and the resident is told it was used.

use chrono::{DateTime, NaiveDate, Utc};
use sqlx::AnyConnection;

use crate::auth::CurrentUser;
use crate::authorisations;
use crate::error::ApiError;

/// Shown when an advocate raises a case without saying for whom.
const ON_BEHALF_MISSING: &str = domain::api::cases::messages::ON_BEHALF_MISSING;

/// Who a case an advocate raises is for: the authorisation named in
/// `on_behalf_of`, if it is theirs and lets them raise one today (404 as if
/// it did not exist otherwise). Run it inside the write transaction.
///
/// For a resident without an account the case has no resident: its name and
/// address come from the authorisation, and so do the letters about it.
pub async fn filing_for_advocate(
    conn: &mut AnyConnection,
    user: &CurrentUser,
    new: &domain::api::cases::NewCase,
    today: NaiveDate,
) -> Result<super::Filing, ApiError> {
    let on_behalf_of = new
        .on_behalf_of
        .as_deref()
        .map(str::trim)
        .filter(|id| !id.is_empty())
        .ok_or_else(|| ApiError::field("on_behalf_of", ON_BEHALF_MISSING))?;
    let row = authorisations::for_new_case(conn, user.id, on_behalf_of, today)
        .await?
        .ok_or(ApiError::NotFound)?;
    Ok(super::Filing {
        resident_id: row.resident_id,
        filed_by_id: user.id,
        authorisation_id: Some(row.id),
        actor: domain::case::Actor {
            kind: domain::case::ActorKind::Advocate,
            name: Some(user.name.clone()),
            id: None,
        },
        received_by: None,
        someone: None,
    })
}

/// After a case is raised under an authorisation: the resident is told their
/// authorisation was used.
pub async fn after_filing(
    conn: &mut AnyConnection,
    filing: &super::Filing,
    case: &super::store::CaseRow,
    at: DateTime<Utc>,
) -> Result<(), ApiError> {
    let Some(authorisation_id) = filing.authorisation_id else {
        return Ok(());
    };
    authorisations::tell_resident_of_use(
        conn,
        authorisation_id,
        case.id,
        &case.reference,
        authorisations::Use::Raised,
        at,
    )
    .await
}

/// The cases an advocate may see today, as rows for the case list.
pub async fn visible_case_rows(
    conn: &mut AnyConnection,
    advocate_id: i64,
    today: NaiveDate,
) -> Result<Vec<super::store::CaseRow>, ApiError> {
    let mut rows = Vec::new();
    for (_, _, public_id) in authorisations::visible_cases(conn, advocate_id, today).await? {
        if let Some(row) = super::store::find_by_public_id(conn, &public_id).await? {
            rows.push(row);
        }
    }
    Ok(rows)
}
