//! Put It Right: the resident-facing app.
//!
//! Pure logic (formatting dates, reading drafts, choosing words) lives in modules
//! that build natively, so `cargo test` covers it; the components, which need a
//! browser, build only for wasm32.

pub mod account_words;
pub mod authorisation_words;
pub mod case_words;
pub mod client_error;
pub mod complaint_draft;
pub mod compliance_words;
pub mod date_input;
pub mod device_data;
pub mod display;
pub mod form;
pub mod format;
pub mod guidance;
pub mod i18n;
pub mod information_draft;
pub mod next_step_words;
pub mod petition_form;
pub mod preferences_saver;
pub mod report_words;
pub mod retry_key;
pub mod routes;
pub mod settings_form;
pub mod stage_words;

#[cfg(target_arch = "wasm32")]
pub mod api;
#[cfg(target_arch = "wasm32")]
pub mod app;
#[cfg(target_arch = "wasm32")]
pub mod case_action;
#[cfg(target_arch = "wasm32")]
pub mod components;
#[cfg(target_arch = "wasm32")]
pub mod language;
#[cfg(target_arch = "wasm32")]
mod lazy_page;
#[cfg(target_arch = "wasm32")]
pub mod pages;
#[cfg(target_arch = "wasm32")]
pub mod router;
#[cfg(target_arch = "wasm32")]
pub mod session;
#[cfg(target_arch = "wasm32")]
pub mod storage;
