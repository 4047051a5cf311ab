//! The landlord's figures (issue 19), for administrators (the landlord's
//! managers; 403 for caseworkers, residents and advocates):
//!
//! - `GET /staff/figures?period=fy2025-q1`: every figure for a period
//!   (`2025-06`, `fy2025-q1`, `fy2025`, `2025-04-01..2025-06-30`; see
//!   [`domain::figures`] for what each counts).
//! - `GET /staff/figures/cases?period=…&figure=stage1_received`: the cases
//!   behind one figure, by case, a page at a time.
//! - `GET /staff/figures/csv?period=…&table=stages|categories|outcomes|kpis|equality|remedies|causes`:
//!   a table as CSV (RFC 4180; the README's data dictionary).
//! - `GET`/`PUT /staff/figure-settings`: the homes owned (CH01) and the month
//!   the financial year starts.

use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::response::Response;
use domain::api::account::Role;
use domain::endpoints::figures::{
    DownloadFiguresCsv, GetFigureSettings, GetFigures, ListFigureCases, PutFigureSettings,
};
use domain::figures::{Figure, FigureSettings, Figures, Period, PeriodError, HOMES_MAX};
use serde::Deserialize;

use crate::auth::CurrentUser;
use crate::error::{ApiError, ApiResult, FieldError};
use crate::extract::Json;
use crate::routes::Routes;
use crate::AppState;

pub const PERIOD_FORM: &str =
    "Enter the period as a month (2025-06), a quarter (fy2025-q1), a financial year (fy2025) or two dates (2025-04-01..2025-06-30)";
pub const PERIOD_RANGE: &str =
    "The period must be a year from 2000 to 2100, a month from 1 to 12 and a quarter from 1 to 4";
pub const PERIOD_ENDS_BEFORE_START: &str = "The period must end on or after the day it starts";
pub const PERIOD_TOO_LONG: &str = "The period must be 3 years or shorter";
pub const FIGURE_UNKNOWN: &str = "Choose a figure the figures page lists";
pub const TABLE_UNKNOWN: &str =
    "Choose one of the tables: stages, categories, outcomes, kpis, equality, remedies or causes";
pub const HOMES_RANGE: &str = "The number of homes must be a whole number from 1 to 10,000,000";
pub const START_MONTH_RANGE: &str = "The financial year's first month must be from 1 to 12";

pub fn router() -> Routes {
    Routes::new()
        .add(GetFigures, get_figures)
        .add(ListFigureCases, list_figure_cases)
        .add(DownloadFiguresCsv, download_csv)
        .add(GetFigureSettings, get_settings)
        .add(PutFigureSettings, put_settings)
}

#[derive(Debug, Deserialize)]
struct FiguresQuery {
    period: String,
    figure: Option<String>,
    table: Option<String>,
}

fn bad(field: &str, message: &str) -> ApiError {
    ApiError::BadRequest(vec![FieldError::new(field, message)])
}

fn period(query: &FiguresQuery) -> Result<Period, ApiError> {
    Period::parse(&query.period).map_err(|e| {
        bad(
            "period",
            match e {
                PeriodError::Form => PERIOD_FORM,
                PeriodError::OutOfRange => PERIOD_RANGE,
                PeriodError::EndsBeforeStart => PERIOD_ENDS_BEFORE_START,
                PeriodError::TooLong => PERIOD_TOO_LONG,
            },
        )
    })
}

fn query(query: Result<Query<FiguresQuery>, QueryRejection>) -> Result<FiguresQuery, ApiError> {
    query
        .map(|Query(q)| q)
        .map_err(|_| bad("period", PERIOD_FORM))
}

#[tracing::instrument(skip_all, fields(user_id = user.id))]
async fn get_figures(
    State(state): State<AppState>,
    user: CurrentUser,
    q: Result<Query<FiguresQuery>, QueryRejection>,
) -> ApiResult<axum::Json<Figures>> {
    user.require_role(&[Role::Admin])?;
    let period = period(&query(q)?)?;
    let mut conn = state.db.acquire().await?;
    Ok(axum::Json(
        crate::figures::figures(&state, &mut conn, period).await?,
    ))
}

#[tracing::instrument(skip_all, fields(user_id = user.id))]
async fn list_figure_cases(
    State(state): State<AppState>,
    user: CurrentUser,
    q: Result<Query<FiguresQuery>, QueryRejection>,
    page: Result<Query<crate::page::PageQuery>, QueryRejection>,
) -> ApiResult<Response> {
    user.require_role(&[Role::Admin])?;
    let q = query(q)?;
    let period = period(&q)?;
    let figure = q
        .figure
        .as_deref()
        .and_then(Figure::parse)
        .ok_or_else(|| bad("figure", FIGURE_UNKNOWN))?;
    let page = page.map_err(crate::routes::cases::bad_query)?.0.check()?;
    let after = match page.after_keys(1)? {
        Some([id]) => Some(
            id.parse::<i64>()
                .map_err(|_| bad("after", crate::page::CURSOR_NOT_VALID))?,
        ),
        _ => None,
    };
    let mut conn = state.db.acquire().await?;
    let range = crate::figures::range(&mut conn, period).await?;
    let rows =
        crate::figures::cases_behind(&state, &mut conn, figure, range, after, page.fetch()).await?;
    let (rows, next) = page.cut(rows, |row| vec![row.id.to_string()]);
    let summaries = crate::cases::summaries(&state, &mut conn, &rows, &user).await?;
    Ok(crate::page::answer(
        summaries,
        next,
        &format!(
            "/api/v1/staff/figures/cases?period={}&figure={}&limit={}",
            period.key(),
            figure.as_str(),
            page.limit
        ),
    ))
}

#[tracing::instrument(skip_all, fields(user_id = user.id))]
async fn download_csv(
    State(state): State<AppState>,
    user: CurrentUser,
    q: Result<Query<FiguresQuery>, QueryRejection>,
) -> ApiResult<Response> {
    user.require_role(&[Role::Admin])?;
    let q = query(q)?;
    let period = period(&q)?;
    let table = q.table.unwrap_or_default();
    if !crate::figures::TABLES.contains(&table.as_str()) {
        return Err(bad("table", TABLE_UNKNOWN));
    }
    let mut conn = state.db.acquire().await?;
    let figures = crate::figures::figures(&state, &mut conn, period).await?;
    // Only the equality table can be missing: under a policy that does not
    // monitor equality, there is none.
    let csv = crate::figures::csv_table(&figures, &table).ok_or(ApiError::NotFound)?;
    let filename = format!("figures-{}-{table}.csv", period.key().replace("..", "-to-"));
    crate::files::download(
        &filename,
        "text/csv; charset=utf-8; header=present",
        csv.into_bytes(),
    )
}

#[tracing::instrument(skip_all, fields(user_id = user.id))]
async fn get_settings(
    State(state): State<AppState>,
    user: CurrentUser,
) -> ApiResult<Json<FigureSettings>> {
    user.require_role(&[Role::Admin])?;
    let mut conn = state.db.acquire().await?;
    Ok(Json(crate::figures::settings(&mut conn).await?))
}

#[tracing::instrument(skip_all, fields(user_id = user.id))]
async fn put_settings(
    State(state): State<AppState>,
    user: CurrentUser,
    Json(settings): Json<FigureSettings>,
) -> ApiResult<Json<FigureSettings>> {
    user.require_role(&[Role::Admin])?;
    let mut errors = Vec::new();
    if settings.homes.is_some_and(|h| h == 0 || h > HOMES_MAX) {
        errors.push(FieldError::new("homes", HOMES_RANGE));
    }
    if !(1..=12).contains(&settings.financial_year_start_month) {
        errors.push(FieldError::new(
            "financial_year_start_month",
            START_MONTH_RANGE,
        ));
    }
    if !errors.is_empty() {
        return Err(ApiError::Unprocessable(errors));
    }
    let mut tx = crate::db::begin_write(&state.db).await?;
    crate::figures::save_settings(&mut tx, &settings).await?;
    tx.commit().await?;
    Ok(Json(settings))
}
