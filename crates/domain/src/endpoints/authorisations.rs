//! Authorisations: a resident lets an advocate act for them.

use crate::api::authorisations::{ActingFor, AuthorisationView, NewAuthorisation, Verification};
use crate::endpoint::Access::{SignedIn, Staff};
use crate::endpoint::{Access, NoBody, QueryParam, RetryKey};

endpoints! {
    CreateAuthorisation: POST "/authorisations" {
        const OPERATION: &'static str = "create_authorisation";
        const SUMMARY: &'static str = "A resident invites an advocate, or an advocate files a signed form";
        const ACCESS: Access = SignedIn;
        type Request = NewAuthorisation;
        type Answer = AuthorisationView;
        const STATUS: u16 = 201;
        const ERRORS: &'static [u16] = &[403, 429];
        const RETRY_KEY: RetryKey = RetryKey::Optional;
    }

    /// The `status` values are listed in the document beside this declaration.
    ListAuthorisations: GET "/authorisations" {
        const OPERATION: &'static str = "list_authorisations";
        const SUMMARY: &'static str = "Authorisations given or held, newest first, or (staff, without a status) the signed forms to verify, oldest first; a page at a time";
        const ACCESS: Access = SignedIn;
        type Request = NoBody;
        type Answer = Vec<AuthorisationView>;
        // An unknown `status` is a field error on "status"; a bad page, 400.
        const ERRORS: &'static [u16] = &[400, 422];
        const QUERY: &'static [QueryParam] = &[
            QueryParam { name: "status", kind: "string", required: false, ..QueryParam::PLAIN },
        ];
        const PAGED: bool = true;
    }

    GetAuthorisation: GET "/authorisations/{id}" {
        const OPERATION: &'static str = "get_authorisation";
        const SUMMARY: &'static str = "One authorisation";
        const ACCESS: Access = SignedIn;
        type Request = NoBody;
        type Answer = AuthorisationView;
        const ERRORS: &'static [u16] = &[404];
    }

    RevokeAuthorisation: DELETE "/authorisations/{id}" {
        const OPERATION: &'static str = "revoke_authorisation";
        const SUMMARY: &'static str = "Revoke at once";
        const ACCESS: Access = SignedIn;
        type Request = NoBody;
        type Answer = AuthorisationView;
        const ERRORS: &'static [u16] = &[403, 404, 409];
    }

    RevokeAuthorisationByPost: POST "/authorisations/{id}/revocation" {
        const OPERATION: &'static str = "revoke_authorisation_by_post";
        const SUMMARY: &'static str = "Revoke at once";
        const ACCESS: Access = SignedIn;
        type Request = NoBody;
        type Answer = AuthorisationView;
        const ERRORS: &'static [u16] = &[403, 404, 409];
    }

    AcceptAuthorisation: POST "/authorisations/{id}/acceptance" {
        const OPERATION: &'static str = "accept_authorisation";
        const SUMMARY: &'static str = "The invited advocate accepts";
        const ACCESS: Access = SignedIn;
        type Request = NoBody;
        type Answer = AuthorisationView;
        const ERRORS: &'static [u16] = &[403, 404, 409];
    }

    VerifyAuthorisation: POST "/authorisations/{id}/verification" {
        const OPERATION: &'static str = "verify_authorisation";
        const SUMMARY: &'static str = "Staff verify or reject a signed form";
        const ACCESS: Access = Staff;
        type Request = Verification;
        type Answer = AuthorisationView;
        const ERRORS: &'static [u16] = &[404, 409];
    }

    /// The signed form's file (PDF or image).
    GetEvidence: GET "/authorisations/{id}/evidence" {
        const OPERATION: &'static str = "get_evidence";
        const SUMMARY: &'static str = "The signed authorisation form";
        const ACCESS: Access = SignedIn;
        type Request = NoBody;
        type Answer = NoBody;
        const ERRORS: &'static [u16] = &[404];
    }

    ListAdvocateResidents: GET "/advocate/residents" {
        const OPERATION: &'static str = "list_advocate_residents";
        const SUMMARY: &'static str = "The residents an advocate acts for, with their cases in scope, newest first, a page at a time";
        const ACCESS: Access = SignedIn;
        type Request = NoBody;
        type Answer = Vec<ActingFor>;
        const ERRORS: &'static [u16] = &[400, 403];
        const PAGED: bool = true;
    }
}
