//! The actions a resident can take on a case, a page each.

pub mod add_information_page;
pub mod ask_for_panel_page;
pub mod ask_for_review_page;
pub mod satisfaction_page;
pub mod withdraw_page;
