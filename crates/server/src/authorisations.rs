//! Authorisations: an advocate's authority to act for a resident.
//!
//! - [`store`]: the `authorisations` table.
//! - [`rules`]: what a stored row means today, how each person sees it, and
//!   the check every case request makes for an advocate ([`advocate_grant`]).
//! - [`notices`]: what the resident and the advocate are told.
//!
//! Nothing is cached and nothing is stored about expiry, so a revocation or
//! an expiry date takes effect on the very next request. An authorisation
//! matches a case when it was given by the case's resident (`resident_id`) or
//! when the case was raised under it (`cases.authorisation_id`, the only link
//! for a resident without an account). The rule in
//! [`domain::authorisation::Authorisation::permits`] decides the rest.
//! Raising a case under one is [`crate::cases::on_behalf`].

pub mod notices;
pub mod rules;
pub mod store;

pub use notices::{tell_resident, tell_resident_of_use, Use};
pub use rules::{advocate_grant, filed_under, for_new_case, visible_cases, CaseKey, Grant, Held};
pub use store::{
    find, find_by_id, list_for_advocate, list_for_resident, revoke, AuthorisationRow, NewRow,
};
