//! Building blocks shared by pages, named after the GOV.UK Design System's.

pub mod account_created_banner;
pub mod back_link;
pub mod checkbox;
pub mod date_input;
pub mod error_summary;
pub mod field;
pub mod file_upload;
pub mod footer;
pub mod header;
pub mod multi_file_upload;
pub mod offline_banner;
pub mod ombudsman_guidance;
pub mod page_error_summary;
pub mod page_loading;
pub mod panel;
pub mod password_input;
pub mod problem_with_service;
pub mod radios;
pub mod reference;
pub mod signed_in;
pub mod skip_link;
pub mod summary_list;
pub mod text_input;
pub mod title;
pub mod textarea;
pub mod warning_text;
