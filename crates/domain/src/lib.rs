//! Put It Right's pure rules, shared by the browser and the server.
//!
//! Nothing here does IO: every function takes what it needs and returns a value,
//! so the rules are tested natively and fast.

pub mod annual_report;
pub mod api;
pub mod authorisation;
pub mod calendar;
pub mod case;
pub mod compliance;
pub mod endpoint;
pub mod endpoints;
pub mod equality;
pub mod figures;
pub mod petition;
pub mod policy;
pub mod validation;
