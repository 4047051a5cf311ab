//! Public working-day arithmetic, so anyone can check how a due date was counted.

use std::collections::HashMap;

use axum::extract::{Query, State};
use chrono::NaiveDate;
use domain::api::{BankHolidays, WorkingDaysAnswer, WorkingDaysBetweenAnswer};
use domain::calendar::{FIRST_YEAR, LAST_YEAR};
use domain::endpoints::calendar::{AddWorkingDays, CountWorkingDays, ListBankHolidays};
use domain::validation::Problems;

use crate::error::{ApiError, ApiResult};
use crate::extract::Json;
use crate::routes::Routes;
use crate::AppState;

/// The most working days one question may count (declared with the endpoint).
const MAX_DAYS: u32 = domain::endpoints::calendar::MAX_WORKING_DAYS;

pub fn router() -> Routes {
    Routes::new()
        .add(AddWorkingDays, add_working_days)
        .add(CountWorkingDays, count_working_days)
        .add(ListBankHolidays, list_bank_holidays)
}

type Params = Query<HashMap<String, String>>;

fn date(params: &HashMap<String, String>, field: &str) -> Result<NaiveDate, String> {
    let value = params.get(field).map(|v| v.trim()).unwrap_or("");
    if value.is_empty() {
        return Err(format!("Enter the `{field}` date, as YYYY-MM-DD"));
    }
    let date = NaiveDate::parse_from_str(value, "%Y-%m-%d")
        .map_err(|_| format!("`{field}` must be a real date, as YYYY-MM-DD"))?;
    let year = chrono::Datelike::year(&date);
    if !(FIRST_YEAR..=LAST_YEAR).contains(&year) {
        return Err(format!(
            "`{field}` must be between {FIRST_YEAR} and {LAST_YEAR}"
        ));
    }
    Ok(date)
}

#[tracing::instrument(skip_all)]
async fn add_working_days(
    State(state): State<AppState>,
    Query(params): Params,
) -> ApiResult<Json<WorkingDaysAnswer>> {
    let mut problems = Problems::new();
    let from = problems.check("from", date(&params, "from"));
    let days = problems.check(
        "days",
        params
            .get("days")
            .and_then(|d| d.trim().parse::<u32>().ok())
            .filter(|d| *d <= MAX_DAYS)
            .ok_or_else(|| format!("`days` must be a whole number from 0 to {MAX_DAYS}")),
    );
    problems.into_result()?;
    let (from, days) = (from.expect("checked"), days.expect("checked"));
    let counted = state
        .calendar
        .add_working_days(from, days)
        .map_err(|e| ApiError::field("days", e.to_string()))?;
    Ok(Json(WorkingDaysAnswer::from(counted)))
}

#[tracing::instrument(skip_all)]
async fn count_working_days(
    State(state): State<AppState>,
    Query(params): Params,
) -> ApiResult<Json<WorkingDaysBetweenAnswer>> {
    let mut problems = Problems::new();
    let from = problems.check("from", date(&params, "from"));
    let to = problems.check("to", date(&params, "to"));
    problems.into_result()?;
    let between = state
        .calendar
        .working_days_between(from.expect("checked"), to.expect("checked"))
        .map_err(|e| ApiError::field("to", e.to_string()))?;
    Ok(Json(WorkingDaysBetweenAnswer {
        from: between.from,
        to: between.to,
        working_days: between.working_days,
    }))
}

#[tracing::instrument(skip_all)]
async fn list_bank_holidays(
    State(state): State<AppState>,
    Query(params): Params,
) -> ApiResult<Json<BankHolidays>> {
    let year = params
        .get("year")
        .and_then(|y| y.trim().parse::<i32>().ok())
        .filter(|y| (FIRST_YEAR..=LAST_YEAR).contains(y))
        .ok_or_else(|| {
            ApiError::field(
                "year",
                format!("`year` must be a year from {FIRST_YEAR} to {LAST_YEAR}"),
            )
        })?;
    let holidays = state
        .calendar
        .bank_holidays(year)
        .map_err(|e| ApiError::field("year", e.to_string()))?;
    Ok(Json(BankHolidays {
        division: "england-and-wales".into(),
        year,
        holidays,
    }))
}
