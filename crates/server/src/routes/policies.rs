//! The policies the portal can run, and how each compares with the Code.

use axum::extract::{Path, State};
use domain::api::{PolicyDetail, PolicySummary};
use domain::compliance::{self, Finding};
use domain::endpoints::policies::{GetActivePolicy, GetCompliance, GetPolicy, ListPolicies};

use crate::error::{ApiError, ApiResult};
use crate::extract::Json;
use crate::routes::Routes;
use crate::AppState;

pub fn router() -> Routes {
    Routes::new()
        .add(ListPolicies, list_policies)
        .add(GetActivePolicy, get_active_policy)
        .add(GetPolicy, get_policy)
        .add(GetCompliance, get_compliance)
}

#[tracing::instrument(skip_all)]
async fn list_policies(State(state): State<AppState>) -> Json<Vec<PolicySummary>> {
    Json(
        state
            .policies
            .iter()
            .map(|p| PolicySummary {
                id: p.id.clone(),
                landlord: p.landlord.clone(),
                title: p.title.clone(),
                active: p.id == state.policy.id,
                findings: compliance::check(p).len(),
            })
            .collect(),
    )
}

fn detail(state: &AppState, id: &str) -> ApiResult<PolicyDetail> {
    let policy = state
        .policies
        .iter()
        .find(|p| p.id == id)
        .ok_or(ApiError::NotFound)?;
    Ok(PolicyDetail {
        active: policy.id == state.policy.id,
        fallbacks: policy.fallbacks(),
        effective: policy.effective(),
        policy: policy.clone(),
    })
}

#[tracing::instrument(skip_all)]
async fn get_policy(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> ApiResult<Json<PolicyDetail>> {
    detail(&state, &id).map(Json)
}

#[tracing::instrument(skip_all)]
async fn get_active_policy(State(state): State<AppState>) -> ApiResult<Json<PolicyDetail>> {
    detail(&state, &state.policy.id.clone()).map(Json)
}

#[tracing::instrument(skip_all)]
async fn get_compliance(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> ApiResult<Json<Vec<Finding>>> {
    let policy = state
        .policies
        .iter()
        .find(|p| p.id == id)
        .ok_or(ApiError::NotFound)?;
    Ok(Json(compliance::check(policy)))
}
