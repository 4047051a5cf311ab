//! The account's own security: its password, its sessions, its deletion.

use crate::api::account_security::{
    AccountDeletion, ActiveSession, PasswordChange, PasswordReset, PasswordResetRequest,
};
use crate::endpoint::Access::{Public, SignedIn};
use crate::endpoint::{Access, NoBody};

endpoints! {
    ChangePassword: PUT "/account/password" {
        const OPERATION: &'static str = "change_password";
        const SUMMARY: &'static str = "Change the password (the current one confirms it); every other session of the account ends and its address is told";
        const ACCESS: Access = SignedIn;
        type Request = PasswordChange;
        type Answer = NoBody;
        const STATUS: u16 = 204;
        const ERRORS: &'static [u16] = &[403, 429, 503];
    }

    SendPasswordResetLink: POST "/accounts/password-reset-link" {
        const OPERATION: &'static str = "send_password_reset_link";
        const SUMMARY: &'static str = "Send a link to reset a forgotten password (single use, 1 hour, 3 an hour); the same 202 whether or not an account uses the address";
        const ACCESS: Access = Public;
        type Request = PasswordResetRequest;
        type Answer = NoBody;
        const STATUS: u16 = 202;
        const ERRORS: &'static [u16] = &[403];
    }

    ResetPassword: POST "/accounts/password-reset" {
        const OPERATION: &'static str = "reset_password";
        const SUMMARY: &'static str = "Set a new password with the token from the link; every session of the account ends, its address counts as proved, and this browser gets the account's device cookie (an attack on the account's sign-in does not hold it back). The token is judged first (422 on `token`), so an empty password asks whether the link still works without using it";
        const ACCESS: Access = Public;
        type Request = PasswordReset;
        type Answer = NoBody;
        const STATUS: u16 = 204;
        const ERRORS: &'static [u16] = &[403, 503];
    }

    ListAccountSessions: GET "/account/sessions" {
        const OPERATION: &'static str = "list_account_sessions";
        const SUMMARY: &'static str = "Where the account is signed in: this device first, then the most recently used, a page at a time";
        const ACCESS: Access = SignedIn;
        type Request = NoBody;
        type Answer = Vec<ActiveSession>;
        const ERRORS: &'static [u16] = &[400];
        const PAGED: bool = true;
    }

    EndOtherSessions: DELETE "/account/sessions" {
        const OPERATION: &'static str = "end_other_sessions";
        const SUMMARY: &'static str = "Sign out of every other device";
        const ACCESS: Access = SignedIn;
        type Request = NoBody;
        type Answer = NoBody;
        const STATUS: u16 = 204;
        const ERRORS: &'static [u16] = &[403];
    }

    EndAccountSession: DELETE "/account/sessions/{id}" {
        const OPERATION: &'static str = "end_account_session";
        const SUMMARY: &'static str = "Sign out of one device (this one too: the cookie is cleared)";
        const ACCESS: Access = SignedIn;
        type Request = NoBody;
        type Answer = NoBody;
        const STATUS: u16 = 204;
        const ERRORS: &'static [u16] = &[403, 404];
    }

    DeleteAccount: POST "/account/deletion" {
        const OPERATION: &'static str = "delete_account";
        const SUMMARY: &'static str = "Delete your own resident or advocate account (the password confirms it): authorisations end, and the landlord keeps its case records";
        const ACCESS: Access = SignedIn;
        type Request = AccountDeletion;
        type Answer = NoBody;
        const STATUS: u16 = 204;
        const ERRORS: &'static [u16] = &[403, 429, 503];
    }
}
