//! The API's integration tests: one binary, a module per resource.

mod helpers;

mod accounts;
mod preferences;
