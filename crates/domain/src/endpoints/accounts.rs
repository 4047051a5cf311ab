//! Accounts and sessions: register, prove the address, sign in and out.

use crate::api::account::{EmailConfirmation, Registration, Session, SignIn};
use crate::endpoint::Access::{Public, SignedIn};
use crate::endpoint::{Access, NoBody};

endpoints! {
    RegisterAccount: POST "/accounts" {
        const OPERATION: &'static str = "register_account";
        const SUMMARY: &'static str = "Register a resident or advocate account. The answer is the same whether or not the address has an account: the address is emailed a link to finish (or told it already has an account), and nobody is signed in until the link is opened";
        const ACCESS: Access = Public;
        type Request = Registration;
        type Answer = NoBody;
        const STATUS: u16 = 202;
        const ERRORS: &'static [u16] = &[403, 503];
    }

    ConfirmEmail: POST "/accounts/verification" {
        const OPERATION: &'static str = "confirm_email";
        const SUMMARY: &'static str = "Prove an email address with the token from the link sent to it (single use, 24 hours) and the account's password, and sign in";
        const ACCESS: Access = Public;
        type Request = EmailConfirmation;
        type Answer = Session;
        const ERRORS: &'static [u16] = &[422, 429, 503];
    }

    SendVerificationLink: POST "/accounts/verification-link" {
        const OPERATION: &'static str = "send_verification_link";
        const SUMMARY: &'static str = "Send a new link to prove the signed-in account's email address (3 an hour)";
        const ACCESS: Access = SignedIn;
        type Request = NoBody;
        type Answer = NoBody;
        const STATUS: u16 = 202;
        const ERRORS: &'static [u16] = &[409, 429];
    }

    /// Sign in. Staff and admins are answered 202 with the second step they
    /// need first (the document says so beside this declaration).
    CreateSession: POST "/session" {
        const OPERATION: &'static str = "create_session";
        const SUMMARY: &'static str = "Sign in";
        const ACCESS: Access = Public;
        type Request = SignIn;
        type Answer = Session;
        const ERRORS: &'static [u16] = &[401, 403, 429, 503];
    }

    GetSession: GET "/session" {
        const OPERATION: &'static str = "get_session";
        const SUMMARY: &'static str = "Who is signed in";
        const ACCESS: Access = SignedIn;
        type Request = NoBody;
        type Answer = Session;
    }

    DeleteSession: DELETE "/session" {
        const OPERATION: &'static str = "delete_session";
        const SUMMARY: &'static str = "Sign out";
        const ACCESS: Access = Public;
        type Request = NoBody;
        type Answer = NoBody;
        const STATUS: u16 = 204;
        const ERRORS: &'static [u16] = &[403];
    }
}
