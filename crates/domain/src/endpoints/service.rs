//! The service itself: is it up, and what is its API.

use crate::api::Health;
use crate::endpoint::Access::Public;
use crate::endpoint::{Access, NoBody};

endpoints! {
    GetHealth: GET "/health" {
        const OPERATION: &'static str = "get_health";
        const SUMMARY: &'static str = "Is the service up, and does its database answer?";
        const ACCESS: Access = Public;
        type Request = NoBody;
        type Answer = Health;
        const ERRORS: &'static [u16] = &[503];
    }

    /// The OpenAPI document (its schema in the document is just "an object").
    GetOpenapi: GET "/openapi.json" {
        const OPERATION: &'static str = "get_openapi";
        const SUMMARY: &'static str = "This document";
        const ACCESS: Access = Public;
        type Request = NoBody;
        type Answer = serde_json::Value;
    }
}
