//! The policies ([`domain::endpoints::policies`]).

use domain::api::{PolicyDetail, PolicySummary};
use domain::compliance::Finding;
use domain::endpoint::NoBody;
use domain::endpoints::policies::{GetActivePolicy, GetCompliance, GetPolicy, ListPolicies};
use serde::de::DeserializeOwned;

use super::{call, call_as, ClientError};

/// `GET /policies/active`: the policy new complaints run under.
pub async fn active() -> Result<PolicyDetail, ClientError> {
    call::<GetActivePolicy>(&[], &NoBody {}, None).await
}

/// [`active`], read as `T`: the start page decodes only the few fields it
/// shows (see [`crate::guidance::StartPolicyDetail`]).
pub async fn active_as<T: DeserializeOwned + 'static>() -> Result<T, ClientError> {
    call_as::<GetActivePolicy, T>(&[], &NoBody {}, None).await
}

/// `GET /policies/{id}`: one policy (a case's).
pub async fn get(id: &str) -> Result<PolicyDetail, ClientError> {
    call::<GetPolicy>(&[id], &NoBody {}, None).await
}

/// `GET /policies`: every policy the portal can run.
pub async fn list() -> Result<Vec<PolicySummary>, ClientError> {
    call::<ListPolicies>(&[], &NoBody {}, None).await
}

/// `GET /policies/{id}/compliance`: how one policy compares with the Code.
pub async fn compliance(id: &str) -> Result<Vec<Finding>, ClientError> {
    call::<GetCompliance>(&[id], &NoBody {}, None).await
}
