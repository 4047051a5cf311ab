//! The annual complaints report and self-assessment (Code section 8, issue
//! 19), for administrators (403 for caseworkers, residents and advocates),
//! and the published report for anyone:
//!
//! - `GET /staff/annual-reports`: the reports, the latest year first.
//! - `POST /staff/annual-reports` `{ "year": 2025 }`: the draft for the
//!   financial year that begins in 2025, written from the record.
//! - `GET`/`PUT /staff/annual-reports/{year}`: the draft, and changes to it
//!   (with the `version` read: 409 when someone saved in between).
//! - `POST /staff/annual-reports/{year}/publish`: the draft and the year's
//!   figures as they stand become the published report.
//! - `GET /annual-reports/{year}`: the published report, without signing in,
//!   and `GET /annual-reports/{year}/pdf`, the same as a PDF.

use axum::extract::rejection::{PathRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use domain::annual_report::{AnnualReport, NewReport, PublishReport, PublishedReport, ReportEdit};
use domain::api::account::Role;
use domain::endpoints::reports::{
    CreateAnnualReport, DownloadPublishedReport, GetAnnualReport, GetPublishedReport,
    ListAnnualReports, PublishAnnualReport, PutAnnualReport,
};

use crate::auth::CurrentUser;
use crate::db::begin_write;
use crate::error::{ApiError, ApiResult};
use crate::extract::Json;
use crate::idempotency::Retry;
use crate::page::PageQuery;
use crate::routes::Routes;
use crate::AppState;

pub fn router() -> Routes {
    Routes::new()
        .add(ListAnnualReports, list_reports)
        .add(CreateAnnualReport, create_report)
        .add(GetAnnualReport, get_report)
        .add(PutAnnualReport, put_report)
        .add(PublishAnnualReport, publish_report)
        .add(GetPublishedReport, get_published)
        .add(DownloadPublishedReport, download_published)
}

/// The year in the path: a year that is not a number has no report (404).
fn year(path: Result<Path<String>, PathRejection>) -> Result<i32, ApiError> {
    path.ok()
        .and_then(|Path(year)| year.parse::<i32>().ok())
        .ok_or(ApiError::NotFound)
}

fn located(status: StatusCode, report: AnnualReport) -> Response {
    let mut response = (status, Json(report.clone())).into_response();
    let location = format!("/api/v1/staff/annual-reports/{}", report.year);
    if let Ok(location) = HeaderValue::from_str(&location) {
        response.headers_mut().insert(header::LOCATION, location);
    }
    response
}

#[tracing::instrument(skip_all, fields(user_id = user.id))]
async fn list_reports(
    State(state): State<AppState>,
    user: CurrentUser,
    page: Result<Query<PageQuery>, QueryRejection>,
) -> ApiResult<Response> {
    user.require_role(&[Role::Admin])?;
    let page = page.map_err(crate::routes::cases::bad_query)?.0.check()?;
    let before = match page.after_keys(1)? {
        Some([year]) => Some(year.parse::<i32>().map_err(|_| {
            ApiError::BadRequest(vec![crate::error::FieldError::new(
                "after",
                crate::page::CURSOR_NOT_VALID,
            )])
        })?),
        _ => None,
    };
    let mut conn = state.db.acquire().await?;
    let rows = crate::reports::list(&mut conn, before, page.fetch()).await?;
    let (rows, next) = page.cut(rows, |r| vec![r.year.to_string()]);
    Ok(crate::page::answer(
        rows,
        next,
        &format!("/api/v1/staff/annual-reports?limit={}", page.limit),
    ))
}

#[tracing::instrument(skip_all, fields(user_id = user.id))]
async fn create_report(
    State(state): State<AppState>,
    user: CurrentUser,
    headers: HeaderMap,
    Json(new): Json<NewReport>,
) -> ApiResult<Response> {
    user.require_role(&[Role::Admin])?;
    let now = state.clock.now();
    let retry = Retry::optional(&headers, &("annual-reports", &new))?;
    let mut tx = begin_write(&state.db).await?;
    if let Some(retry) = &retry {
        if let Some(first) = retry.replayed(&mut tx, user.id, now).await? {
            let year = first
                .resource_id
                .parse::<i32>()
                .map_err(|_| ApiError::internal("a kept report year is not a year"))?;
            let report = crate::reports::get(&state, &mut tx, year).await?;
            return Ok(located(first.status, report));
        }
    }
    let report = crate::reports::create(&state, &mut tx, new.year, now).await?;
    if let Some(retry) = &retry {
        retry
            .keep(
                &mut tx,
                user.id,
                StatusCode::CREATED,
                &report.year.to_string(),
                now,
            )
            .await?;
    }
    tx.commit().await?;
    tracing::info!(year = report.year, "annual report started");
    Ok(located(StatusCode::CREATED, report))
}

#[tracing::instrument(skip_all, fields(user_id = user.id))]
async fn get_report(
    State(state): State<AppState>,
    user: CurrentUser,
    path: Result<Path<String>, PathRejection>,
) -> ApiResult<Json<AnnualReport>> {
    user.require_role(&[Role::Admin])?;
    let year = year(path)?;
    let mut conn = state.db.acquire().await?;
    Ok(Json(crate::reports::get(&state, &mut conn, year).await?))
}

#[tracing::instrument(skip_all, fields(user_id = user.id))]
async fn put_report(
    State(state): State<AppState>,
    user: CurrentUser,
    path: Result<Path<String>, PathRejection>,
    Json(edit): Json<ReportEdit>,
) -> ApiResult<Json<AnnualReport>> {
    user.require_role(&[Role::Admin])?;
    let year = year(path)?;
    let now = state.clock.now();
    let mut tx = begin_write(&state.db).await?;
    let report = crate::reports::save(&state, &mut tx, year, &edit, now).await?;
    tx.commit().await?;
    Ok(Json(report))
}

#[tracing::instrument(skip_all, fields(user_id = user.id))]
async fn publish_report(
    State(state): State<AppState>,
    user: CurrentUser,
    path: Result<Path<String>, PathRejection>,
    Json(publish): Json<PublishReport>,
) -> ApiResult<Json<AnnualReport>> {
    user.require_role(&[Role::Admin])?;
    let year = year(path)?;
    let mut tx = begin_write(&state.db).await?;
    let report = crate::reports::publish(&state, &mut tx, year, publish.version).await?;
    tx.commit().await?;
    tracing::info!(year, "annual report published");
    Ok(Json(report))
}

#[tracing::instrument(skip_all)]
async fn get_published(
    State(state): State<AppState>,
    path: Result<Path<String>, PathRejection>,
) -> ApiResult<Json<PublishedReport>> {
    let year = year(path)?;
    let mut conn = state.db.acquire().await?;
    Ok(Json(crate::reports::published(&mut conn, year).await?))
}

#[tracing::instrument(skip_all)]
async fn download_published(
    State(state): State<AppState>,
    path: Result<Path<String>, PathRejection>,
) -> ApiResult<Response> {
    let year = year(path)?;
    let mut conn = state.db.acquire().await?;
    let report = crate::reports::published(&mut conn, year).await?;
    crate::files::download(
        &format!(
            "annual-complaints-report-{}.pdf",
            crate::reports::years(&report.range).replace(" to ", "-")
        ),
        "application/pdf",
        crate::reports::pdf(&report),
    )
}
