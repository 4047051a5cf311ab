//! Petitions (issue 18, item 5; Plus Dane §20): one complaint that ten or
//! more people make together. The case's resident is the spokesperson, who
//! hears from us and takes every action ("all subsequent contact and
//! correspondence will be managed via the nominated spokesperson"). The other
//! people who signed are recorded with their email addresses; a resident
//! account with one of those addresses, once confirmed, follows the case
//! (its page and the list of cases) and can do nothing on it: see
//! [`crate::cases::access::Relation::Signatory`]. Staff read who signed.

pub mod store;

use domain::petition::{self, NewPetition, PetitionFacts, Signatory};
use sqlx::AnyConnection;

use super::access::{CaseAccess, Relation};
use crate::error::ApiError;
use crate::page::Page;

/// Records a new case's signatories, after [`domain::petition::check`].
/// `resident_id` is the spokesperson's account, when they have one: their
/// own address may not be among the signatories.
pub async fn record(
    conn: &mut AnyConnection,
    case_id: i64,
    resident_id: Option<i64>,
    new: &NewPetition,
) -> Result<(), ApiError> {
    let signatories = petition::normalised(new);
    if let Some(id) = resident_id {
        if let Some(own) = store::account_email(conn, id).await? {
            let own = own.to_lowercase();
            if let Some(i) = signatories.iter().position(|s| s.email == own) {
                return Err(ApiError::field(
                    &format!("petition.signatories[{i}].email"),
                    petition::SIGNATORY_IS_SPOKESPERSON,
                ));
            }
        }
    }
    store::insert(conn, case_id, &signatories).await?;
    Ok(())
}

/// What the case page says of the petition, when the case is one.
pub async fn facts(
    conn: &mut AnyConnection,
    access: &CaseAccess,
) -> Result<Option<PetitionFacts>, sqlx::Error> {
    let others = store::count(conn, access.case.id).await?;
    if others == 0 {
        return Ok(None);
    }
    Ok(Some(PetitionFacts {
        people: u16::try_from(others + 1).unwrap_or(u16::MAX),
        you_signed: access.relation == Relation::Signatory,
    }))
}

/// A page of who signed the case besides its spokesperson, in the order
/// recorded, with the next page's cursor: for staff who may know who raised
/// it; 404 for anyone else.
pub async fn signatories(
    conn: &mut AnyConnection,
    access: &CaseAccess,
    page: &Page,
) -> Result<(Vec<Signatory>, Option<String>), ApiError> {
    if access.relation != Relation::Staff || !access.may_see_identity {
        return Err(ApiError::NotFound);
    }
    let after = match page.after_keys(1)? {
        Some([position]) => Some(position.parse::<i64>().map_err(|_| {
            ApiError::BadRequest(vec![crate::error::FieldError::new(
                "after",
                crate::page::CURSOR_NOT_VALID,
            )])
        })?),
        _ => None,
    };
    let rows = store::list(conn, access.case.id, after, page.fetch()).await?;
    let (rows, next) = page.cut(rows, |row| vec![row.position.to_string()]);
    let signatories = rows
        .into_iter()
        .map(|row| Signatory {
            name: row.name,
            email: row.email,
        })
        .collect();
    Ok((signatories, next))
}
