//! Building blocks shared by pages, named after the GOV.UK Design System's.

pub mod footer;
pub mod header;
pub mod skip_link;
