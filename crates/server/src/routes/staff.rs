//! The landlord's side (staff and admins; 403 for anyone else):
//!
//! - `GET /staff/cases?stage=1&status=under_investigation&overdue=true&hazard=true`: the
//!   queue, the soonest due first, cases with nothing due last.
//!   `caseworker=mine|none|{account id}` keeps one caseworker's cases.
//! - `GET /staff/caseworkers`: the staff who can be assigned a case, by name.
//! - `GET /staff/residents?q=`: residents by name, email, telephone or a case
//!   reference; `POST /staff/cases` (with `Idempotency-Key`): a complaint,
//!   compliment or comment that came by phone, letter, email, in person… for
//!   a resident or for someone without an account, dated when it was received
//!   (issue 16, item 1).
//! - `GET /cases/{id}/messages`: what the resident was sent about the case,
//!   oldest first, each with where it stands and its history (issue 17); a
//!   confidential case's, 404 outside the complaints team.
//! - `POST /cases/{id}/staff-actions`: one landlord event (acknowledge, assign,
//!   extend, ask for information, respond, refuse escalation, panel date and
//!   outcome, close, referral to the Ombudsman, reopen), by who and when. An
//!   assignment names the caseworker's account (`caseworker_id`); the name
//!   recorded is the account's.

use crate::ids::IdInPath;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::http::HeaderMap;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::IntoResponse;
use axum::response::Response;
use chrono::NaiveDate;
use domain::api::cases::{
    Caseworker, CaseworkerFilter, MessagePreview, PreviewedMessage, QueueFilter, StaffActionRequest,
};
use domain::api::staff_cases::{check_query, ResidentMatch, StaffNewCase};
use domain::case::{Actor, ActorKind, CaseKind, Event, EventRecord};
use domain::endpoints::staff::{
    FindResidents, ListCaseMessages, ListCaseworkers, ListQueue, ListSignatories,
    PreviewStaffAction, RaiseCaseForResident, RecordStaffAction,
};

use crate::auth::CurrentUser;
use crate::cases::access::case_access;
use crate::cases::{self, store};
use crate::cases::{CheckedCase, Filing};
use crate::db::begin_write;
use crate::error::{ApiError, ApiResult, FieldError};
use crate::extract::Json;
use crate::idempotency::Retry;
use crate::routes::cases::{record_action, Action, Side};
use crate::routes::Routes;
use crate::AppState;

/// Shown when a staff action is dated after today.
pub const ON_IN_FUTURE: &str = "The date it happened must be today or in the past";
/// Shown when a resident's own event is sent as a staff action.
pub const NOT_A_STAFF_ACTION: &str = "This is something the resident does, not a staff action";
/// Shown when an assignment names no caseworker's account.
pub const CASEWORKER_MISSING: &str = "Select the caseworker";
/// Shown when an assignment names an account that is not staff.
pub const CASEWORKER_UNKNOWN: &str = "Select a caseworker from the list";

pub fn router() -> Routes {
    Routes::new()
        .add(ListQueue, list_queue)
        .add(RaiseCaseForResident, raise_case)
        .add(ListCaseworkers, list_caseworkers)
        .add(FindResidents, find_residents)
        .add(RecordStaffAction, record_staff_action)
        .add(PreviewStaffAction, preview_staff_action)
        .add(ListCaseMessages, list_case_messages)
        .add(ListSignatories, list_signatories)
}

/// A page of the messages about a case, oldest first: 404 for a case the
/// member of staff may not see, or whose resident they may not know (a
/// message names them).
#[tracing::instrument(skip_all, fields(user_id = user.id))]
async fn list_case_messages(
    State(state): State<AppState>,
    user: CurrentUser,
    IdInPath(id): IdInPath,
    page: Result<Query<crate::page::PageQuery>, QueryRejection>,
) -> ApiResult<Response> {
    user.require_staff()?;
    let page = page.map_err(crate::routes::cases::bad_query)?.0.check()?;
    let mut conn = state.db.acquire().await?;
    let access = case_access(&mut conn, &user, &id, state.clock.today()).await?;
    if !access.may_see_identity {
        return Err(ApiError::NotFound);
    }
    let (messages, next) = crate::outbox::case_messages(&mut conn, access.case.id, &page).await?;
    Ok(crate::page::answer(
        messages,
        next,
        &format!("/api/v1/cases/{id}/messages?limit={}", page.limit),
    ))
}

/// A page of who signed a petition besides its spokesperson.
#[tracing::instrument(skip_all, fields(user_id = user.id))]
async fn list_signatories(
    State(state): State<AppState>,
    user: CurrentUser,
    IdInPath(id): IdInPath,
    page: Result<Query<crate::page::PageQuery>, QueryRejection>,
) -> ApiResult<Response> {
    user.require_staff()?;
    let page = page.map_err(crate::routes::cases::bad_query)?.0.check()?;
    let mut conn = state.db.acquire().await?;
    let access = case_access(&mut conn, &user, &id, state.clock.today()).await?;
    let (signatories, next) = cases::petition::signatories(&mut conn, &access, &page).await?;
    Ok(crate::page::answer(
        signatories,
        next,
        &format!("/api/v1/cases/{id}/signatories?limit={}", page.limit),
    ))
}

#[tracing::instrument(skip_all, fields(user_id = user.id))]
async fn list_queue(
    State(state): State<AppState>,
    user: CurrentUser,
    filter: Result<Query<QueueFilter>, QueryRejection>,
    page: Result<Query<crate::page::PageQuery>, QueryRejection>,
) -> ApiResult<Response> {
    user.require_staff()?;
    let Query(filter) = filter.map_err(|e| {
        ApiError::BadRequest(vec![FieldError::new(
            "",
            format!("The filter is not valid: {}", e.body_text()),
        )])
    })?;
    let page = page.map_err(crate::routes::cases::bad_query)?.0.check()?;
    let after = cases::due_after(&page)?;
    if filter.caseworker.as_ref().is_some_and(|c| c.len() > 64) {
        return Err(ApiError::BadRequest(vec![FieldError::new(
            "caseworker",
            "The caseworker filter is not valid",
        )]));
    }
    let status = filter.status.map(cases::status_name);
    let caseworker = filter.caseworker_filter();
    let assigned = caseworker.as_ref().map(|c| match c {
        CaseworkerFilter::Mine => store::AssignedTo::Account(user.id),
        CaseworkerFilter::Nobody => store::AssignedTo::Nobody,
        CaseworkerFilter::Account(id) => store::AssignedTo::PublicId(id.clone()),
    });
    let mut conn = state.db.acquire().await?;
    let rows = store::list_queue(
        &mut conn,
        &store::QueueWhere {
            stage: filter.stage,
            status: status.as_deref(),
            assigned: assigned.as_ref(),
            overdue: filter.overdue,
            hazard: filter.hazard,
        },
        state.clock.today(),
        after.as_ref(),
        page.fetch(),
    )
    .await?;
    let (rows, next) = page.cut(rows, cases::due_keys);
    let summaries = cases::summaries(&state, &mut conn, &rows, &user).await?;
    // The next page keeps the filters.
    let mut address = format!("/api/v1/staff/cases?limit={}", page.limit);
    if let Some(stage) = filter.stage {
        address.push_str(&format!("&stage={stage}"));
    }
    if let Some(status) = &status {
        address.push_str(&format!("&status={status}"));
    }
    if let Some(overdue) = filter.overdue {
        address.push_str(&format!("&overdue={overdue}"));
    }
    if let Some(hazard) = filter.hazard {
        address.push_str(&format!("&hazard={hazard}"));
    }
    match &caseworker {
        Some(CaseworkerFilter::Mine) => address.push_str("&caseworker=mine"),
        Some(CaseworkerFilter::Nobody) => address.push_str("&caseworker=none"),
        Some(CaseworkerFilter::Account(id)) => {
            address.push_str("&caseworker=");
            address.push_str(&url_escape(id));
        }
        None => {}
    }
    Ok(crate::page::answer(summaries, next, &address))
}

/// Escapes what a query value cannot hold as it is (a public id is base64url,
/// which needs nothing; anything else sent as an id is escaped).
fn url_escape(value: &str) -> String {
    value
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// The staff who can be assigned a case, by name, a page at a time.
#[tracing::instrument(skip_all, fields(user_id = user.id))]
async fn list_caseworkers(
    State(state): State<AppState>,
    user: CurrentUser,
    page: Result<Query<crate::page::PageQuery>, QueryRejection>,
) -> ApiResult<Response> {
    user.require_staff()?;
    let page = page.map_err(crate::routes::cases::bad_query)?.0.check()?;
    let after = page.after_keys(2)?.map(|k| (k[0].clone(), k[1].clone()));
    let mut conn = state.db.acquire().await?;
    let rows = store::caseworkers(
        &mut conn,
        after.as_ref().map(|(n, i)| (n.as_str(), i.as_str())),
        page.fetch(),
    )
    .await?;
    let (rows, next) = page.cut(rows, |r| vec![r.name.clone(), r.public_id.clone()]);
    let list: Vec<Caseworker> = rows
        .into_iter()
        .map(|r| Caseworker {
            id: r.public_id,
            name: r.name,
        })
        .collect();
    Ok(crate::page::answer(
        list,
        next,
        &format!("/api/v1/staff/caseworkers?limit={}", page.limit),
    ))
}

/// An assignment names a staff account: the name recorded is the account's
/// (422 on `event.caseworker_id` otherwise). Other events pass unchanged.
async fn named_caseworker(state: &AppState, event: Event) -> Result<Event, ApiError> {
    let Event::Assigned { caseworker_id, .. } = &event else {
        return Ok(event);
    };
    let Some(account) = caseworker_id
        .as_deref()
        .map(str::trim)
        .filter(|a| !a.is_empty())
    else {
        return Err(ApiError::field("event.caseworker_id", CASEWORKER_MISSING));
    };
    let mut conn = state.db.acquire().await?;
    let row = store::caseworker(&mut conn, account)
        .await?
        .ok_or_else(|| ApiError::field("event.caseworker_id", CASEWORKER_UNKNOWN))?;
    Ok(Event::Assigned {
        caseworker: row.name,
        caseworker_id: Some(row.public_id),
    })
}

#[tracing::instrument(skip_all, fields(user_id = user.id))]
async fn record_staff_action(
    State(state): State<AppState>,
    user: CurrentUser,
    IdInPath(id): IdInPath,
    headers: HeaderMap,
    Json(request): Json<StaffActionRequest>,
) -> ApiResult<Response> {
    user.require_staff()?;
    let today = state.clock.today();
    let retry = Retry::optional(&headers, &(&id, "staff-actions", &request))?;
    let event = named_caseworker(&state, request.event.clone()).await?;
    record_action(&state, &user, &id, Side::Landlord, retry, || {
        check_staff_event(&request, today)?;
        Ok(Action {
            event,
            on: request.on,
            files: Vec::new(),
        })
    })
    .await
}

/// A staff action's own checks, before the lifecycle's.
fn check_staff_event(request: &StaffActionRequest, today: NaiveDate) -> Result<(), ApiError> {
    if !request.is_staff_event() {
        return Err(ApiError::field("event", NOT_A_STAFF_ACTION));
    }
    if request.on.is_some_and(|on| on > today) {
        return Err(ApiError::field("on", ON_IN_FUTURE));
    }
    Ok(())
}

/// What the resident would be told if the action were saved now, with the
/// same checks and refusals as saving it; nothing is written or sent.
#[tracing::instrument(skip_all, fields(user_id = user.id))]
async fn preview_staff_action(
    State(state): State<AppState>,
    user: CurrentUser,
    IdInPath(id): IdInPath,
    Json(request): Json<StaffActionRequest>,
) -> ApiResult<Json<MessagePreview>> {
    user.require_staff()?;
    let mut conn = state.db.acquire().await?;
    // An outsider gets the 404 before anything they sent is looked at.
    let access = case_access(&mut conn, &user, &id, state.clock.today()).await?;
    access.require_landlord_action()?;
    check_staff_event(&request, state.clock.today())?;
    let event = named_caseworker(&state, request.event.clone()).await?;
    access.require_event(&event)?;
    cases::require_approval(&state, &mut conn, &access.case, &event, access.may_approve).await?;
    let record = EventRecord {
        at: state.clock.now(),
        actor: access.actor.clone(),
        on: request.on,
        event,
    };
    let message = cases::preview_event(&state, &mut conn, &access.case, &record)
        .await?
        .map(|(subject, body)| PreviewedMessage { subject, body });
    Ok(Json(MessagePreview { message }))
}

/// Shown when a case names a resident account that is not there.
pub const RESIDENT_UNKNOWN: &str = "Select a resident from the search";

/// Query of `GET /staff/residents`.
#[derive(Debug, Default, serde::Deserialize)]
struct ResidentQuery {
    #[serde(default)]
    q: String,
}

/// Residents by name, email, telephone or a case reference, a page at a time.
#[tracing::instrument(skip_all, fields(user_id = user.id))]
async fn find_residents(
    State(state): State<AppState>,
    user: CurrentUser,
    query: Result<Query<ResidentQuery>, QueryRejection>,
    page: Result<Query<crate::page::PageQuery>, QueryRejection>,
) -> ApiResult<Response> {
    user.require_staff()?;
    let Query(query) = query.map_err(crate::routes::cases::bad_query)?;
    let q = check_query(&query.q).map_err(|m| ApiError::field("q", m))?;
    let page = page.map_err(crate::routes::cases::bad_query)?.0.check()?;
    let after = page.after_keys(2)?.map(|k| (k[0].clone(), k[1].clone()));
    let mut conn = state.db.acquire().await?;
    let rows = store::find_residents(
        &mut conn,
        &q,
        crate::cases::access::viewer(&user),
        after.as_ref().map(|(n, i)| (n.as_str(), i.as_str())),
        page.fetch(),
    )
    .await?;
    let (rows, next) = page.cut(rows, |r| vec![r.name.clone(), r.public_id.clone()]);
    let list: Vec<ResidentMatch> = rows
        .into_iter()
        .map(|r| ResidentMatch {
            id: r.public_id,
            name: r.name,
            email: r.email,
        })
        .collect();
    Ok(crate::page::answer(
        list,
        next,
        &format!(
            "/api/v1/staff/residents?q={}&limit={}",
            url_escape(&q),
            page.limit
        ),
    ))
}

/// Staff raise a case that reached the landlord another way: checked like a
/// resident's (422), screened but never refused on it (what the screening
/// says waits for a staff decision), dated the day it was received, and the
/// resident told through their channel.
#[tracing::instrument(skip_all, fields(user_id = user.id))]
async fn raise_case(
    State(state): State<AppState>,
    user: CurrentUser,
    headers: HeaderMap,
    Json(new): Json<StaffNewCase>,
) -> ApiResult<Response> {
    user.require_staff()?;
    let retry = Retry::required(&headers, &new)?;
    {
        let mut conn = state.db.acquire().await?;
        if let Some(first) = retry
            .replayed(&mut conn, user.id, state.clock.now())
            .await?
        {
            return crate::routes::cases::replay_case(&state, &mut conn, &user, first).await;
        }
    }
    let today = state.clock.today();
    new.validate(&state.policy, today)?;
    let case = new.as_new_case();
    let screening = if new.kind == CaseKind::Complaint {
        state.policy.screen_in(
            &case.details,
            case.category.as_deref(),
            case.started_on,
            new.received_on,
        )
    } else {
        Vec::new()
    };
    let checked = CheckedCase {
        screening,
        files: Vec::new(),
    };
    let now = state.clock.now();
    let mut tx = begin_write(&state.db).await?;
    if let Some(first) = retry.replayed(&mut tx, user.id, now).await? {
        return crate::routes::cases::replay_case(&state, &mut tx, &user, first).await;
    }
    let resident_id = match new.resident_id.as_deref().map(str::trim) {
        Some(public_id) if !public_id.is_empty() => Some(
            store::resident_by_public_id(&mut tx, public_id)
                .await?
                .ok_or_else(|| ApiError::field("resident_id", RESIDENT_UNKNOWN))?,
        ),
        _ => None,
    };
    let filing = Filing {
        resident_id,
        filed_by_id: user.id,
        authorisation_id: None,
        actor: Actor {
            kind: ActorKind::Staff,
            name: Some(user.name.clone()),
            id: Some(user.public_id.clone()),
        },
        received_by: Some(new.received_by),
        someone: if resident_id.is_some() {
            None
        } else {
            new.someone.clone()
        },
    };
    let row = cases::create(
        &state,
        &mut tx,
        &filing,
        &case,
        &checked,
        new.received_on,
        now,
    )
    .await?;
    if let Some(petition) = &new.petition {
        cases::petition::record(&mut tx, row.id, resident_id, petition).await?;
    }
    let access = case_access(&mut tx, &user, &row.public_id, today).await?;
    let detail = cases::detail(&state, &mut tx, &access).await?;
    retry
        .keep(&mut tx, user.id, StatusCode::CREATED, &row.public_id, now)
        .await?;
    tx.commit().await?;
    let mut response = (StatusCode::CREATED, Json(detail)).into_response();
    if let Ok(location) = HeaderValue::from_str(&format!("/api/v1/cases/{}", row.public_id)) {
        response.headers_mut().insert(header::LOCATION, location);
    }
    Ok(response)
}
