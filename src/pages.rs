//! Routed pages, one per file; each has one `<h1>` and a `<Title>` (components/title.rs).

pub mod accessibility_statement_page;
pub mod advocate_home_page;
pub mod authorisations_page;
pub mod case_actions;
pub mod case_page;
pub mod cases_page;
pub mod create_account_page;
pub mod feedback_page;
pub mod feedback_sent_page;
pub mod file_for_resident_page;
pub mod help_page;
pub mod not_found_page;
pub mod ombudsman_page;
pub mod raise_complaint;
pub mod raise_complaint_page;
pub mod raise_on_behalf_page;
pub mod second_factor_page;
pub mod service_status_page;
pub mod settings_page;
pub mod sign_in_page;
pub mod signed_out_page;
pub mod staff_authorisations_page;
pub mod staff_case_page;
pub mod staff_queue_page;
pub mod start_page;
pub mod verify_email_page;
