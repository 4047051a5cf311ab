//! The complaints policies the portal can run.

use crate::api::{PolicyDetail, PolicySummary};
use crate::compliance::Finding;
use crate::endpoint::Access::Public;
use crate::endpoint::{Access, NoBody};

endpoints! {
    ListPolicies: GET "/policies" {
        const OPERATION: &'static str = "list_policies";
        const SUMMARY: &'static str = "Every policy the portal can run";
        const ACCESS: Access = Public;
        type Request = NoBody;
        type Answer = Vec<PolicySummary>;
    }

    GetActivePolicy: GET "/policies/active" {
        const OPERATION: &'static str = "get_active_policy";
        const SUMMARY: &'static str = "The policy new complaints run under";
        const ACCESS: Access = Public;
        type Request = NoBody;
        type Answer = PolicyDetail;
    }

    GetPolicy: GET "/policies/{id}" {
        const OPERATION: &'static str = "get_policy";
        const SUMMARY: &'static str = "One policy, as written and as run";
        const ACCESS: Access = Public;
        type Request = NoBody;
        type Answer = PolicyDetail;
        const ERRORS: &'static [u16] = &[404];
    }

    GetCompliance: GET "/policies/{id}/compliance" {
        const OPERATION: &'static str = "get_compliance";
        const SUMMARY: &'static str = "How a policy compares with the Complaint Handling Code 2024";
        const ACCESS: Access = Public;
        type Request = NoBody;
        type Answer = Vec<Finding>;
        const ERRORS: &'static [u16] = &[404];
    }
}
