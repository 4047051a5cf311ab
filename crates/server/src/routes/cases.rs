//! Cases, as residents use them:
//!
//! - `POST /cases/screening`: what the policy says before a complaint is sent.
//! - `POST /cases` (with `Idempotency-Key`): raise a complaint, compliment or comment.
//! - `GET /cases`: the resident's cases (for staff, the queue). `GET /cases/{id}`: one case.
//! - `POST /cases/{id}/information`, `/escalation`, `/panel`, `/withdrawal`,
//!   `/satisfaction`: the resident's actions.
//! - `GET /cases/{id}/attachments/{attachment_id}`: a file sent with the case.
//!
//! Someone who may not see a case gets 404 for all of it ([`crate::access`]).

use crate::ids::{IdInPath, IdsInPath};
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use chrono::NaiveDate;
use domain::api::cases::{
    messages, CaseDetail, DefinitionQueryRequest, EscalationRequest, NewCase, NewInformation,
    PanelRequest, SatisfactionRequest, ScreeningAnswer, ScreeningRequest, WithdrawalRequest,
};
use domain::case::{Event, EventRecord};
use domain::endpoints::cases::{
    AddInformation, CreateCase, DownloadAttachment, GetCase, GetEqualityQuestions, ListCases,
    QueryDefinition, RecordSatisfaction, RequestEscalation, RequestPanel, SaveEqualityAnswers,
    ScreenCase, WithdrawCase,
};
use domain::equality::{EqualityAnswers, EqualityQuestions};

use crate::auth::{CurrentUser, Role};
use crate::authorisations;
use crate::cases::access::{case_access, CaseAccess};
use crate::cases::{self, store, CheckedFile, Filing};
use crate::db::begin_write;
use crate::error::{ApiError, ApiResult, FieldError};
use crate::extract::Json;
use crate::idempotency::{Replay, Retry};
use crate::page::PageQuery;
use crate::routes::Routes;
use crate::AppState;

pub fn router() -> Routes {
    Routes::new()
        .add(ListCases, list_cases)
        .add_with(CreateCase, create_case, |route| {
            route.layer(crate::with_files())
        })
        .add(ScreenCase, screen_case)
        .add(GetCase, get_case)
        .add_with(AddInformation, add_information, |route| {
            route.layer(crate::with_files())
        })
        .add(QueryDefinition, query_definition)
        .add(RequestEscalation, request_escalation)
        .add(RequestPanel, request_panel)
        .add(WithdrawCase, withdraw_case)
        .add(RecordSatisfaction, record_satisfaction)
        .add(DownloadAttachment, download_attachment)
        .add(GetEqualityQuestions, get_equality_questions)
        .add(SaveEqualityAnswers, save_equality_answers)
}

/// The resident's own equality monitoring answers about a case (Pioneer
/// §11): 404 for anyone else, and where the policy does not monitor.
#[tracing::instrument(skip_all, fields(user_id = user.id))]
async fn get_equality_questions(
    State(state): State<AppState>,
    user: CurrentUser,
    IdInPath(id): IdInPath,
) -> ApiResult<Json<EqualityQuestions>> {
    let mut conn = state.db.acquire().await?;
    Ok(Json(
        crate::cases::equality::questions(&state, &mut conn, &user, &id).await?,
    ))
}

/// Replaces them: the same answers sent twice are stored once.
#[tracing::instrument(skip_all, fields(user_id = user.id))]
async fn save_equality_answers(
    State(state): State<AppState>,
    user: CurrentUser,
    IdInPath(id): IdInPath,
    Json(answers): Json<EqualityAnswers>,
) -> ApiResult<Json<EqualityQuestions>> {
    let mut conn = state.db.acquire().await?;
    Ok(Json(
        crate::cases::equality::save(&state, &mut conn, &user, &id, answers).await?,
    ))
}

#[tracing::instrument(skip_all, fields(user_id = _user.id))]
async fn screen_case(
    State(state): State<AppState>,
    _user: CurrentUser,
    Json(request): Json<ScreeningRequest>,
) -> ApiResult<Json<ScreeningAnswer>> {
    let results = state
        .policy
        .screen_in(
            &request.details,
            request.category.as_deref(),
            request.started_on,
            state.clock.today(),
        )
        .into_iter()
        .filter(domain::policy::ScreeningResult::for_resident)
        .collect();
    let hazard = state.policy.screen_hazard(&request.details);
    Ok(Json(ScreeningAnswer { results, hazard }))
}

#[tracing::instrument(skip_all, fields(user_id = user.id))]
async fn create_case(
    State(state): State<AppState>,
    user: CurrentUser,
    headers: HeaderMap,
    Json(new): Json<NewCase>,
) -> ApiResult<Response> {
    let retry = Retry::required(&headers, &new)?;
    {
        let mut conn = state.db.acquire().await?;
        if let Some(first) = retry
            .replayed(&mut conn, user.id, state.clock.now())
            .await?
        {
            return replay_case(&state, &mut conn, &user, first).await;
        }
    }
    // An advocate's authorisation is checked under the write lock, below.
    let filing = match user.role {
        Role::Advocate => None,
        _ => Some(Filing::for_user(&user, &new)?),
    };
    let today = state.clock.today();
    let checked = cases::check_new_case(&state.policy, &new, today)?;
    let now = state.clock.now();
    let mut tx = begin_write(&state.db).await?;
    // Checked again under the write lock: a retry sent at the same moment
    // waits for the first, then answers as it did.
    if let Some(first) = retry.replayed(&mut tx, user.id, now).await? {
        return replay_case(&state, &mut tx, &user, first).await;
    }
    let filing = match filing {
        Some(filing) => filing,
        None => cases::on_behalf::filing_for_advocate(&mut tx, &user, &new, today).await?,
    };
    let case = cases::create(&state, &mut tx, &filing, &new, &checked, today, now).await?;
    cases::on_behalf::after_filing(&mut tx, &filing, &case, now).await?;
    let access = case_access(&mut tx, &user, &case.public_id, today).await?;
    let detail = cases::detail(&state, &mut tx, &access).await?;
    retry
        .keep(&mut tx, user.id, StatusCode::CREATED, &case.public_id, now)
        .await?;
    tx.commit().await?;
    let mut response = (StatusCode::CREATED, Json(detail)).into_response();
    if let Ok(location) = HeaderValue::from_str(&format!("/api/v1/cases/{}", case.public_id)) {
        response.headers_mut().insert(header::LOCATION, location);
    }
    Ok(response)
}

/// The answer to a write sent again with its key: the case as the caller
/// may see it now, read afresh (404 if they no longer may), with the first
/// answer's status.
pub(crate) async fn replay_case(
    state: &AppState,
    conn: &mut sqlx::AnyConnection,
    user: &CurrentUser,
    first: Replay,
) -> ApiResult<Response> {
    let access = case_access(conn, user, &first.resource_id, state.clock.today()).await?;
    let detail = cases::detail(state, conn, &access).await?;
    let mut response = (first.status, Json(detail)).into_response();
    if first.status == StatusCode::CREATED {
        if let Ok(location) = HeaderValue::from_str(&format!("/api/v1/cases/{}", first.resource_id))
        {
            response.headers_mut().insert(header::LOCATION, location);
        }
    }
    Ok(response)
}

/// A page of the cases the caller may see (see [`crate::page`]): a
/// resident's and an advocate's newest first, staff's in queue order.
#[tracing::instrument(skip_all, fields(user_id = user.id))]
async fn list_cases(
    State(state): State<AppState>,
    user: CurrentUser,
    page: Result<Query<PageQuery>, QueryRejection>,
) -> ApiResult<Response> {
    let page = page.map_err(bad_query)?.0.check()?;
    let mut conn = state.db.acquire().await?;
    let today = state.clock.today();
    let (rows, next) = if user.is_staff() {
        let after = cases::due_after(&page)?;
        let rows = store::list_queue(
            &mut conn,
            &store::QueueWhere::default(),
            today,
            after.as_ref(),
            page.fetch(),
        )
        .await?;
        page.cut(rows, cases::due_keys)
    } else if user.role == Role::Advocate {
        // As many as their authorisations reach: sorted and cut here.
        let mut rows = cases::on_behalf::visible_case_rows(&mut conn, user.id, today).await?;
        rows.sort_by(|a, b| (&b.created_at, b.id).cmp(&(&a.created_at, a.id)));
        if let Some(store::After::Newest { created_at, id }) = cases::newest_after(&page)? {
            rows.retain(|r| (&r.created_at, r.id) < (&created_at, id));
        }
        rows.truncate(page.fetch() as usize);
        page.cut(rows, cases::newest_keys)
    } else {
        let after = cases::newest_after(&page)?;
        let rows =
            store::list_for_resident(&mut conn, user.id, after.as_ref(), page.fetch()).await?;
        page.cut(rows, cases::newest_keys)
    };
    let summaries = cases::summaries(&state, &mut conn, &rows, &user).await?;
    Ok(crate::page::answer(
        summaries,
        next,
        &format!("/api/v1/cases?limit={}", page.limit),
    ))
}

/// A query string that cannot be read: 400 with what was wrong.
pub(crate) fn bad_query(rejection: QueryRejection) -> ApiError {
    ApiError::BadRequest(vec![FieldError::new(
        "",
        format!("The query is not valid: {}", rejection.body_text()),
    )])
}

#[tracing::instrument(skip_all, fields(user_id = user.id))]
async fn get_case(
    State(state): State<AppState>,
    user: CurrentUser,
    IdInPath(id): IdInPath,
) -> ApiResult<Json<CaseDetail>> {
    let mut conn = state.db.acquire().await?;
    let access = case_access(&mut conn, &user, &id, state.clock.today()).await?;
    Ok(Json(cases::detail(&state, &mut conn, &access).await?))
}

/// Who may record an event: the resident's side or the landlord's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Side {
    Resident,
    Landlord,
}

/// An event to record on a case once the caller's access is known.
pub(crate) struct Action {
    pub event: Event,
    /// The day it happened, when that was not today.
    pub on: Option<NaiveDate>,
    pub files: Vec<CheckedFile>,
}

/// Records an event on a case as `user`, in one write transaction: 404 for a
/// case they may not see, 403 for an action that is not on their `side`, then
/// `check` (run only once access is known, so an outsider always gets the 404
/// whatever they send), then the lifecycle's 409. Answers with the case as it now stands.
///
/// With a `retry` key (the optional `Idempotency-Key` header), the same
/// request sent again gets the first answer: information is not added twice,
/// and a review asked for once is not refused as already asked for.
pub(crate) async fn record_action(
    state: &AppState,
    user: &CurrentUser,
    id: &str,
    side: Side,
    retry: Option<Retry>,
    check: impl FnOnce() -> Result<Action, ApiError>,
) -> ApiResult<Response> {
    let now = state.clock.now();
    let mut tx = begin_write(&state.db).await?;
    let access: CaseAccess = case_access(&mut tx, user, id, state.clock.today()).await?;
    match side {
        Side::Resident => access.require_resident_action()?,
        Side::Landlord => access.require_landlord_action()?,
    }
    if let Some(retry) = &retry {
        if let Some(first) = retry.replayed(&mut tx, user.id, now).await? {
            return replay_case(state, &mut tx, user, first).await;
        }
    }
    let action = check()?;
    access.require_event(&action.event)?;
    cases::require_approval(
        state,
        &mut tx,
        &access.case,
        &action.event,
        access.may_approve,
    )
    .await?;
    let used = access.escalation_under(&action.event);
    let record = EventRecord {
        at: now,
        actor: access.actor.clone(),
        on: action.on,
        event: action.event,
    };
    cases::record_event(state, &mut tx, &access.case, Some(user.id), record).await?;
    cases::attach_files(state, &mut tx, &access.case, user.id, &action.files, now).await?;
    if let Some((authorisation_id, what)) = used {
        let case = &access.case;
        authorisations::tell_resident_of_use(
            &mut tx,
            authorisation_id,
            case.id,
            &case.reference,
            what,
            now,
        )
        .await?;
    }
    let detail = cases::detail(state, &mut tx, &access).await?;
    if let Some(retry) = &retry {
        retry
            .keep(
                &mut tx,
                user.id,
                StatusCode::OK,
                &access.case.public_id,
                now,
            )
            .await?;
    }
    tx.commit().await?;
    Ok(Json(detail).into_response())
}

fn resident(event: Event) -> Action {
    Action {
        event,
        on: None,
        files: Vec::new(),
    }
}

#[tracing::instrument(skip_all, fields(user_id = user.id))]
async fn add_information(
    State(state): State<AppState>,
    user: CurrentUser,
    IdInPath(id): IdInPath,
    headers: HeaderMap,
    Json(request): Json<NewInformation>,
) -> ApiResult<Response> {
    let retry = Retry::optional(&headers, &(&id, "information", &request))?;
    record_action(&state, &user, &id, Side::Resident, retry, || {
        request.validate()?;
        let files = cases::check_files(&request.attachments)?;
        let mut text = request.text.trim().to_owned();
        if text.is_empty() {
            let names: Vec<&str> = files.iter().map(|f| f.filename.as_str()).collect();
            text = format!("Sent {}", names.join(", "));
        }
        Ok(Action {
            files,
            ..resident(Event::InformationGiven { text })
        })
    })
    .await
}

#[tracing::instrument(skip_all, fields(user_id = user.id))]
async fn query_definition(
    State(state): State<AppState>,
    user: CurrentUser,
    IdInPath(id): IdInPath,
    headers: HeaderMap,
    Json(request): Json<DefinitionQueryRequest>,
) -> ApiResult<Response> {
    let retry = Retry::optional(&headers, &(&id, "definition-query", &request))?;
    record_action(&state, &user, &id, Side::Resident, retry, || {
        request.validate()?;
        Ok(resident(Event::DefinitionQueried {
            text: request.text.trim().to_owned(),
        }))
    })
    .await
}

#[tracing::instrument(skip_all, fields(user_id = user.id))]
async fn request_escalation(
    State(state): State<AppState>,
    user: CurrentUser,
    IdInPath(id): IdInPath,
    headers: HeaderMap,
    Json(request): Json<EscalationRequest>,
) -> ApiResult<Response> {
    let retry = Retry::optional(&headers, &(&id, "escalation", &request))?;
    record_action(&state, &user, &id, Side::Resident, retry, || {
        let reason = request
            .reason
            .map(|r| r.trim().to_owned())
            .filter(|r| !r.is_empty());
        Ok(resident(Event::EscalationRequested { reason }))
    })
    .await
}

#[tracing::instrument(skip_all, fields(user_id = user.id))]
async fn request_panel(
    State(state): State<AppState>,
    user: CurrentUser,
    IdInPath(id): IdInPath,
    headers: HeaderMap,
    Json(request): Json<PanelRequest>,
) -> ApiResult<Response> {
    let retry = Retry::optional(&headers, &(&id, "panel", &request))?;
    record_action(&state, &user, &id, Side::Resident, retry, || {
        if let Some(rep) = &request.representative {
            if rep.name.trim().is_empty() {
                return Err(ApiError::field(
                    "representative.name",
                    messages::REPRESENTATIVE_NAME_MISSING,
                ));
            }
            if rep.relation.trim().is_empty() {
                return Err(ApiError::field(
                    "representative.relation",
                    messages::REPRESENTATIVE_RELATION_MISSING,
                ));
            }
        }
        Ok(resident(Event::PanelRequested {
            attendance: request.attendance,
            representative: request.representative,
        }))
    })
    .await
}

#[tracing::instrument(skip_all, fields(user_id = user.id))]
async fn withdraw_case(
    State(state): State<AppState>,
    user: CurrentUser,
    IdInPath(id): IdInPath,
    headers: HeaderMap,
    Json(request): Json<WithdrawalRequest>,
) -> ApiResult<Response> {
    let retry = Retry::optional(&headers, &(&id, "withdrawal", &request))?;
    record_action(&state, &user, &id, Side::Resident, retry, || {
        if !request.confirm {
            return Err(ApiError::field("confirm", messages::WITHDRAW_NOT_CONFIRMED));
        }
        let reason = request
            .reason
            .map(|r| r.trim().to_owned())
            .filter(|r| !r.is_empty());
        Ok(resident(Event::Withdrawn { reason }))
    })
    .await
}

#[tracing::instrument(skip_all, fields(user_id = user.id))]
async fn record_satisfaction(
    State(state): State<AppState>,
    user: CurrentUser,
    IdInPath(id): IdInPath,
    headers: HeaderMap,
    Json(request): Json<SatisfactionRequest>,
) -> ApiResult<Response> {
    let retry = Retry::optional(&headers, &(&id, "satisfaction", &request))?;
    record_action(&state, &user, &id, Side::Resident, retry, || {
        let comment = request
            .comment
            .map(|c| c.trim().to_owned())
            .filter(|c| !c.is_empty());
        Ok(resident(Event::SatisfactionRecorded {
            satisfied: request.satisfied,
            comment,
        }))
    })
    .await
}

#[tracing::instrument(skip_all, fields(user_id = user.id))]
async fn download_attachment(
    State(state): State<AppState>,
    user: CurrentUser,
    IdsInPath(id, attachment_id): IdsInPath,
) -> ApiResult<Response> {
    let mut conn = state.db.acquire().await?;
    let access = case_access(&mut conn, &user, &id, state.clock.today()).await?;
    // A petition's files are its spokesperson's, not everyone's who signed.
    if access.relation == crate::cases::access::Relation::Signatory {
        return Err(ApiError::NotFound);
    }
    let (filename, content_type, data) =
        store::attachment_content(&mut conn, access.case.id, &attachment_id)
            .await?
            .ok_or(ApiError::NotFound)?;
    crate::files::download(&filename, &content_type, data)
}
