//! Authorisations: an advocate's authority to act for a resident.
//!
//! - `POST /authorisations`: a resident invites an advocate by email; an
//!   advocate files a resident's signed authorisation form (pending until a
//!   caseworker verifies it).
//! - `GET /authorisations`: the resident's (given), the advocate's (held, filed,
//!   and invitations to their email), staff's (signed forms waiting to be
//!   verified, or any `?status=`). `GET /authorisations/{id}`: one.
//! - `POST /authorisations/{id}/acceptance`: the invited advocate accepts.
//! - `DELETE /authorisations/{id}` or `POST /authorisations/{id}/revocation`:
//!   the resident takes it back at once, or the advocate gives it up.
//! - `POST /authorisations/{id}/verification` (staff): verify or reject, with a reason.
//! - `GET /authorisations/{id}/evidence` (staff, and the advocate who filed it): the form.
//! - `GET /advocate/residents`: the advocate's home, the residents they act for
//!   and their cases within scope.
//!
//! Anyone who is not the resident, the advocate or staff gets 404, as for an
//! authorisation that does not exist.

use crate::ids::IdInPath;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use domain::api::authorisations::{
    messages, ActingFor, AuthorisationView, Decision, NewAuthorisation, ValidParty, Verification,
};
use domain::authorisation::{Kind, Status};
use domain::endpoints::authorisations::{
    AcceptAuthorisation, CreateAuthorisation, GetAuthorisation, GetEvidence, ListAdvocateResidents,
    ListAuthorisations, RevokeAuthorisation, RevokeAuthorisationByPost, VerifyAuthorisation,
};

use crate::auth::{CurrentUser, Role};
use crate::authorisations::notices::{self, long_date, scope_words};
use crate::authorisations::store::{self, AuthorisationRow, NewRow};
use crate::authorisations::tell_resident;
use crate::db::begin_write;
use crate::error::{ApiError, ApiResult, FieldError};
use crate::extract::Json;
use crate::idempotency::Retry;
use crate::page::{Page, PageQuery};
use crate::routes::Routes;
use crate::AppState;

pub fn router() -> Routes {
    Routes::new()
        .add(ListAuthorisations, list_authorisations)
        // A signed form of up to 5MB is about 6.7MB in base64.
        .add_with(CreateAuthorisation, create_authorisation, |route| {
            route.layer(crate::with_files())
        })
        .add(GetAuthorisation, get_authorisation)
        .add(RevokeAuthorisation, revoke_authorisation)
        .add(RevokeAuthorisationByPost, revoke_authorisation)
        .add(AcceptAuthorisation, accept_authorisation)
        .add(VerifyAuthorisation, verify_authorisation)
        .add(GetEvidence, get_evidence)
        .add(ListAdvocateResidents, list_advocate_residents)
}

/// How many invitations a resident, or signed forms an advocate, may send in
/// 24 hours: each one emails someone (finding 7), so an account cannot be
/// used to send mail in bulk. Generous for real use: a resident asks one or
/// two people; an adviser files a few forms a day.
pub const PER_DAY: usize = 10;

/// 429 (`Limit`) once the account made [`PER_DAY`] in the last 24 hours,
/// with the seconds until the oldest of them is a day old.
#[tracing::instrument(skip_all)]
async fn within_a_days_limit(
    conn: &mut sqlx::AnyConnection,
    user: &CurrentUser,
    now: chrono::DateTime<chrono::Utc>,
) -> ApiResult<()> {
    let day = chrono::Duration::hours(24);
    let made = store::made_since(conn, user.id, now - day).await?;
    if made.len() < PER_DAY {
        return Ok(());
    }
    let oldest = made
        .first()
        .and_then(|at| crate::clock::parse_timestamp(at))
        .unwrap_or(now);
    let wait = (oldest + day - now).num_seconds().max(1);
    Err(ApiError::Limit {
        retry_after: u64::try_from(wait).unwrap_or(1),
        message: messages::TOO_MANY_TODAY,
    })
}

/// The authorisation, if `user` may see it; 404 otherwise.
#[tracing::instrument(skip_all)]
async fn visible(
    conn: &mut sqlx::AnyConnection,
    user: &CurrentUser,
    id: &str,
) -> ApiResult<AuthorisationRow> {
    store::find(conn, id)
        .await?
        .filter(|row| row.visible_to(user))
        .ok_or(ApiError::NotFound)
}

/// With an `Idempotency-Key` header (optional), the same invitation or signed
/// form sent again (after a lost answer) gets the first answer instead of
/// making a second authorisation.
#[tracing::instrument(skip_all, fields(user_id = user.id))]
async fn create_authorisation(
    State(state): State<AppState>,
    user: CurrentUser,
    headers: HeaderMap,
    Json(new): Json<NewAuthorisation>,
) -> ApiResult<Response> {
    let today = state.clock.today();
    let now = state.clock.now();
    let valid = match user.role {
        Role::Resident => new.validate_invitation(today, &user.email)?,
        Role::Advocate => {
            // Acting for someone starts with an address that is proved.
            crate::verification::require_verified(&user)?;
            new.validate_signed_form(today)?
        }
        Role::Staff | Role::Admin => return Err(ApiError::Forbidden),
    };
    let retry = Retry::optional(&headers, &("authorisations", &new))?;
    let mut tx = begin_write(&state.db).await?;
    if let Some(retry) = &retry {
        if let Some(first) = retry.replayed(&mut tx, user.id, now).await? {
            // Read afresh, as the caller may see it now.
            let row = visible(&mut tx, &user, &first.resource_id).await?;
            let view = row.view(&user, today)?;
            let mut response = (first.status, Json(view)).into_response();
            let location = format!("/api/v1/authorisations/{}", first.resource_id);
            if let Ok(location) = HeaderValue::from_str(&location) {
                response.headers_mut().insert(header::LOCATION, location);
            }
            return Ok(response);
        }
    }
    within_a_days_limit(&mut tx, &user, now).await?;
    let (id, public_id) = match &valid.who {
        ValidParty::Invitation {
            advocate_email,
            case_ids,
        } => {
            if let Some(ids) = case_ids {
                if !store::all_cases_of_resident(&mut tx, user.id, ids).await? {
                    return Err(ApiError::field("case_ids", messages::CASE_NOT_YOURS));
                }
            }
            store::insert(
                &mut tx,
                &NewRow {
                    advocate_id: None,
                    resident_id: Some(user.id),
                    resident_name: None,
                    resident_email: None,
                    resident_address: None,
                    invite_email: Some(advocate_email),
                    relationship: valid.relationship,
                    relationship_other: valid.relationship_other.as_deref(),
                    scope: &valid.scope,
                    case_ids: case_ids.as_deref(),
                    expires_on: valid.expires_on,
                    evidence_id: None,
                    created_by: user.id,
                    created_at: now,
                },
            )
            .await?
        }
        ValidParty::SignedForm {
            resident_name,
            resident_email,
            resident_address,
            evidence,
        } => {
            let crate::files::CheckedFile { filename, data, .. } =
                crate::files::check(evidence, "evidence", "authorisation-form")?;
            crate::files::within_daily_quota(&mut tx, &state, user.id, data.len(), "evidence")
                .await?;
            let evidence_id = store::insert_evidence(
                &mut tx,
                user.id,
                &filename,
                &evidence.content_type,
                &data,
                now,
            )
            .await?;
            store::insert(
                &mut tx,
                &NewRow {
                    advocate_id: Some(user.id),
                    resident_id: None,
                    resident_name: Some(resident_name),
                    resident_email: resident_email.as_deref(),
                    resident_address: resident_address.as_deref(),
                    invite_email: None,
                    relationship: valid.relationship,
                    relationship_other: valid.relationship_other.as_deref(),
                    scope: &valid.scope,
                    case_ids: None,
                    expires_on: valid.expires_on,
                    evidence_id: Some(evidence_id),
                    created_by: user.id,
                    created_at: now,
                },
            )
            .await?
        }
    };
    let row = store::find_by_id(&mut tx, id)
        .await?
        .ok_or_else(|| ApiError::internal("a new authorisation could not be read back"))?;
    let view = row.view(&user, today)?;
    tell_of_creation(&mut tx, &row, &view, now).await?;
    if let Some(retry) = &retry {
        retry
            .keep(&mut tx, user.id, StatusCode::CREATED, &public_id, now)
            .await?;
    }
    tx.commit().await?;
    let mut response = (StatusCode::CREATED, Json(view)).into_response();
    if let Ok(location) = HeaderValue::from_str(&format!("/api/v1/authorisations/{public_id}")) {
        response.headers_mut().insert(header::LOCATION, location);
    }
    Ok(response)
}

/// The resident is told an authorisation was made (for a signed form, so that
/// a resident who signed nothing can say so); an invited advocate with an
/// account is told of the invitation.
#[tracing::instrument(skip_all)]
async fn tell_of_creation(
    conn: &mut sqlx::AnyConnection,
    row: &AuthorisationRow,
    view: &AuthorisationView,
    at: chrono::DateTime<chrono::Utc>,
) -> ApiResult<()> {
    let resident = row.resident_display_name();
    let until = long_date(view.expires_on);
    let scope = scope_words(view);
    match view.kind {
        Kind::Invitation => {
            let advocate = view.invite_email.clone().unwrap_or_default();
            let (subject, body) = notices::invitation_sent(
                &resident,
                &advocate,
                &row.relationship_label(),
                &until,
                &scope,
            );
            tell_resident(conn, row, at, None, &subject, &body).await?;
            if let Some(invitee) =
                crate::accounts::store::advocate_by_email(conn, &advocate).await?
            {
                let (subject, body) = notices::invited(&resident, &until);
                crate::outbox::enqueue(conn, at, invitee, None, &subject, &body).await?;
            }
        }
        Kind::SignedForm => {
            let (subject, body) = notices::form_received();
            tell_resident(conn, row, at, None, &subject, &body).await?;
        }
    }
    Ok(())
}

/// The query of `GET /authorisations`: a status, and the page.
#[derive(Debug, Default, serde::Deserialize)]
struct ListQuery {
    status: Option<String>,
    limit: Option<u32>,
    after: Option<String>,
}

/// Where a page of authorisations starts (see [`crate::page`]).
fn page_after(page: &Page) -> ApiResult<Option<store::After>> {
    let Some([created_at, id]) = page.after_keys(2)? else {
        return Ok(None);
    };
    let id = id.parse().map_err(|_| {
        ApiError::BadRequest(vec![FieldError::new(
            "after",
            crate::page::CURSOR_NOT_VALID,
        )])
    })?;
    Ok(Some(store::After {
        created_at: created_at.clone(),
        id,
    }))
}

/// The sort keys of an authorisation in a page.
fn page_keys(row: &AuthorisationRow) -> Vec<String> {
    vec![row.created_at.clone(), row.id.to_string()]
}

/// A page of the authorisations the caller may see (see [`crate::page`]):
/// a resident's and an advocate's newest first; staff's, without a
/// `?status=`, the signed forms waiting to be verified, oldest first.
#[tracing::instrument(skip_all, fields(user_id = user.id))]
async fn list_authorisations(
    State(state): State<AppState>,
    user: CurrentUser,
    query: Result<Query<ListQuery>, QueryRejection>,
) -> ApiResult<Response> {
    let query = query.map_err(crate::routes::cases::bad_query)?.0;
    let page = PageQuery {
        limit: query.limit,
        after: query.after,
    }
    .check()?;
    let today = state.clock.today();
    let status = match query.status.as_deref() {
        None | Some("") => None,
        Some(value) => Some(Status::parse(value).ok_or_else(|| {
            ApiError::field(
                "status",
                domain::api::authorisations::messages::STATUS_UNKNOWN,
            )
        })?),
    };
    let after = page_after(&page)?;
    let queue = user.is_staff() && status.is_none();
    let list = store::ListPage {
        whose: match user.role {
            Role::Resident => store::Whose::Resident(user.id),
            Role::Advocate => store::Whose::Advocate {
                id: user.id,
                email: &user.email,
            },
            Role::Staff | Role::Admin => store::Whose::All,
        },
        // The queue to verify: signed forms waiting, oldest first.
        status: if queue { Some(Status::Pending) } else { status },
        signed_forms_only: queue,
        oldest_first: queue,
        today,
        after: after.as_ref(),
        fetch: page.fetch(),
    };
    let mut conn = state.db.acquire().await?;
    let rows = store::list_page(&mut conn, &list).await?;
    let (rows, next) = page.cut(rows, page_keys);
    let mut views = Vec::with_capacity(rows.len());
    for row in &rows {
        views.push(row.view(&user, today)?);
    }
    let address = match status {
        Some(status) => format!(
            "/api/v1/authorisations?status={}&limit={}",
            status.as_str(),
            page.limit
        ),
        None => format!("/api/v1/authorisations?limit={}", page.limit),
    };
    Ok(crate::page::answer(views, next, &address))
}

#[tracing::instrument(skip_all, fields(user_id = user.id))]
async fn get_authorisation(
    State(state): State<AppState>,
    user: CurrentUser,
    IdInPath(id): IdInPath,
) -> ApiResult<Json<AuthorisationView>> {
    let mut conn = state.db.acquire().await?;
    let row = visible(&mut conn, &user, &id).await?;
    Ok(Json(row.view(&user, state.clock.today())?))
}

#[tracing::instrument(skip_all, fields(user_id = user.id))]
async fn accept_authorisation(
    State(state): State<AppState>,
    user: CurrentUser,
    IdInPath(id): IdInPath,
) -> ApiResult<Json<AuthorisationView>> {
    let today = state.clock.today();
    let now = state.clock.now();
    let mut tx = begin_write(&state.db).await?;
    let row = store::find(&mut tx, &id)
        .await?
        .filter(|row| row.is_invitee(&user) || row.visible_to(&user))
        .ok_or(ApiError::NotFound)?;
    if !row.is_invitee(&user) {
        // The resident, staff, or the advocate who already holds it.
        return Err(ApiError::conflict("", messages::NOT_PENDING));
    }
    if user.role != Role::Advocate {
        return Err(ApiError::Forbidden);
    }
    // The invitation went to an address: only its proved owner takes it up.
    crate::verification::require_verified(&user)?;
    match row.status(today)? {
        Status::Pending => {}
        Status::Expired => return Err(ApiError::conflict("", messages::EXPIRED)),
        _ => return Err(ApiError::conflict("", messages::NOT_PENDING)),
    }
    store::accept(&mut tx, row.id, user.id, now).await?;
    let row = store::find_by_id(&mut tx, row.id)
        .await?
        .ok_or(ApiError::NotFound)?;
    let view = row.view(&user, today)?;
    let (subject, body) = notices::accepted(
        &row.resident_display_name(),
        &user.name,
        &long_date(view.expires_on),
        &scope_words(&view),
    );
    tell_resident(&mut tx, &row, now, None, &subject, &body).await?;
    tx.commit().await?;
    Ok(Json(view))
}

#[tracing::instrument(skip_all, fields(user_id = user.id))]
async fn revoke_authorisation(
    State(state): State<AppState>,
    user: CurrentUser,
    IdInPath(id): IdInPath,
) -> ApiResult<Json<AuthorisationView>> {
    let today = state.clock.today();
    let now = state.clock.now();
    let mut tx = begin_write(&state.db).await?;
    let row = visible(&mut tx, &user, &id).await?;
    let by_resident = row.is_resident(&user);
    if !by_resident && !row.is_advocate(&user) {
        // Staff see it, but the authority is the resident's to give or take.
        return Err(ApiError::Forbidden);
    }
    if matches!(row.status(today)?, Status::Revoked | Status::Rejected) {
        return Err(ApiError::conflict("", messages::ALREADY_ENDED));
    }
    // The invited advocate ending an invitation they have not accepted.
    let declined = !by_resident && row.is_invitee(&user);
    store::revoke(&mut tx, row.id, now).await?;
    let row = store::find_by_id(&mut tx, row.id)
        .await?
        .ok_or(ApiError::NotFound)?;
    let resident = row.resident_display_name();
    if by_resident {
        if let Some(advocate_id) = row.advocate_id {
            let (subject, body) = notices::taken_back(&resident);
            crate::outbox::enqueue(&mut tx, now, advocate_id, None, &subject, &body).await?;
        }
    } else {
        let (subject, body) = if declined {
            notices::declined(&resident, &user.name)
        } else {
            notices::given_up(&resident, &user.name)
        };
        tell_resident(&mut tx, &row, now, None, &subject, &body).await?;
    }
    let view = row.view(&user, today)?;
    tx.commit().await?;
    Ok(Json(view))
}

#[tracing::instrument(skip_all, fields(user_id = user.id))]
async fn verify_authorisation(
    State(state): State<AppState>,
    user: CurrentUser,
    IdInPath(id): IdInPath,
    Json(request): Json<Verification>,
) -> ApiResult<Json<AuthorisationView>> {
    let today = state.clock.today();
    let now = state.clock.now();
    let mut tx = begin_write(&state.db).await?;
    let row = visible(&mut tx, &user, &id).await?;
    user.require_staff()?;
    let (decision, reason) = request.validate()?;
    if row.kind() != Kind::SignedForm {
        return Err(ApiError::conflict("", messages::NOT_A_SIGNED_FORM));
    }
    match row.status(today)? {
        Status::Pending => {}
        Status::Expired => return Err(ApiError::conflict("", messages::EXPIRED)),
        _ => return Err(ApiError::conflict("", messages::NOT_PENDING)),
    }
    let resident = row.resident_display_name();
    match decision {
        Decision::Verify => {
            store::verify(&mut tx, row.id, user.id, now).await?;
            let (subject, body) = notices::form_verified(
                &resident,
                &row.advocate_name.clone().unwrap_or_default(),
                &long_date(row.rule()?.expires_on),
            );
            tell_resident(&mut tx, &row, now, None, &subject, &body).await?;
            if let Some(advocate_id) = row.advocate_id {
                let (subject, body) = notices::verified_for_advocate(&resident);
                crate::outbox::enqueue(&mut tx, now, advocate_id, None, &subject, &body).await?;
            }
        }
        Decision::Reject => {
            let reason = reason.unwrap_or_default();
            store::reject(&mut tx, row.id, user.id, &reason).await?;
            if let Some(advocate_id) = row.advocate_id {
                let (subject, body) = notices::form_rejected(&resident, &reason);
                crate::outbox::enqueue(&mut tx, now, advocate_id, None, &subject, &body).await?;
            }
        }
    }
    let row = store::find_by_id(&mut tx, row.id)
        .await?
        .ok_or(ApiError::NotFound)?;
    let view = row.view(&user, today)?;
    tx.commit().await?;
    Ok(Json(view))
}

#[tracing::instrument(skip_all, fields(user_id = user.id))]
async fn get_evidence(
    State(state): State<AppState>,
    user: CurrentUser,
    IdInPath(id): IdInPath,
) -> ApiResult<Response> {
    let mut conn = state.db.acquire().await?;
    let row = store::find(&mut conn, &id)
        .await?
        .filter(|row| user.is_staff() || row.created_by == user.id)
        .ok_or(ApiError::NotFound)?;
    let evidence_id = row.evidence_id.ok_or(ApiError::NotFound)?;
    let (filename, content_type, data) = store::evidence_content(&mut conn, evidence_id)
        .await?
        .ok_or(ApiError::NotFound)?;
    crate::files::download(&filename, &content_type, data)
}

/// The advocate's home, a page at a time (see [`crate::page`]), newest
/// first: each authorisation in force (or a signed form waiting to be
/// verified), with the resident's cases the advocate may see today.
#[tracing::instrument(skip_all, fields(user_id = user.id))]
async fn list_advocate_residents(
    State(state): State<AppState>,
    user: CurrentUser,
    page: Result<Query<PageQuery>, QueryRejection>,
) -> ApiResult<Response> {
    user.require_role(&[Role::Advocate])?;
    let page = page.map_err(crate::routes::cases::bad_query)?.0.check()?;
    let after = page_after(&page)?;
    let today = state.clock.today();
    let mut conn = state.db.acquire().await?;
    let list = store::ListPage {
        whose: store::Whose::ActedFor(user.id),
        status: None,
        signed_forms_only: false,
        oldest_first: false,
        today,
        after: after.as_ref(),
        fetch: page.fetch(),
    };
    let rows = store::list_page(&mut conn, &list).await?;
    let (rows, next) = page.cut(rows, page_keys);
    let visible = crate::authorisations::visible_cases(&mut conn, user.id, today).await?;
    let mut out = Vec::with_capacity(rows.len());
    for row in &rows {
        let view = row.view(&user, today)?;
        let mut cases = Vec::new();
        for (_, _, public_id) in visible.iter().filter(|(by, _, _)| *by == row.id) {
            if let Some(case) = crate::cases::store::find_by_public_id(&mut conn, public_id).await?
            {
                cases.push(crate::cases::summary(&state, &mut conn, &case, &user).await?);
            }
        }
        out.push(ActingFor {
            authorisation: view,
            cases,
        });
    }
    Ok(crate::page::answer(
        out,
        next,
        &format!("/api/v1/advocate/residents?limit={}", page.limit),
    ))
}
