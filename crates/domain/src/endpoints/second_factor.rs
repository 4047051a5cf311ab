//! The second step of a staff or admin sign-in: `POST /session` answers 202
//! for them, with a cookie that only these operations read (401 without it).

use crate::api::account::Session;
use crate::api::second_factor::{
    NewRecoveryCodes, RecoveryCodes, RecoveryCodesLeft, SecondFactorCode, SecondFactorConfirmed,
    SecondFactorNeeded, SecondFactorSetup,
};
use crate::endpoint::Access::SignedIn;
use crate::endpoint::{Access, NoBody};

endpoints! {
    GetSecondFactorStep: GET "/session/second-factor" {
        const OPERATION: &'static str = "get_second_factor_step";
        const SUMMARY: &'static str = "What a pending staff or admin sign-in needs next";
        const ACCESS: Access = SignedIn;
        type Request = NoBody;
        type Answer = SecondFactorNeeded;
    }

    CreateSessionSecondFactor: POST "/session/second-factor" {
        const OPERATION: &'static str = "create_session_second_factor";
        const SUMMARY: &'static str = "Finish signing in with a code from the authenticator app or a recovery code (each step and each recovery code works once; wrong codes are throttled)";
        const ACCESS: Access = SignedIn;
        type Request = SecondFactorCode;
        type Answer = Session;
        const ERRORS: &'static [u16] = &[409, 429];
    }

    SetUpSecondFactor: POST "/session/second-factor/setup" {
        const OPERATION: &'static str = "set_up_second_factor";
        const SUMMARY: &'static str = "The key to add to an authenticator app (the same until it is confirmed, never after)";
        const ACCESS: Access = SignedIn;
        type Request = NoBody;
        type Answer = SecondFactorSetup;
        const ERRORS: &'static [u16] = &[409];
    }

    ConfirmSecondFactor: POST "/session/second-factor/setup/confirmation" {
        const OPERATION: &'static str = "confirm_second_factor";
        const SUMMARY: &'static str = "Confirm the key with a code from the app: gives 10 recovery codes, once, and signs in";
        const ACCESS: Access = SignedIn;
        type Request = SecondFactorCode;
        type Answer = SecondFactorConfirmed;
        const ERRORS: &'static [u16] = &[409, 429];
    }

    GetRecoveryCodesLeft: GET "/account/recovery-codes" {
        const OPERATION: &'static str = "get_recovery_codes_left";
        const SUMMARY: &'static str = "How many of a staff or admin account's recovery codes are still unused";
        const ACCESS: Access = SignedIn;
        type Request = NoBody;
        type Answer = RecoveryCodesLeft;
        const ERRORS: &'static [u16] = &[403];
    }

    MakeNewRecoveryCodes: POST "/account/recovery-codes" {
        const OPERATION: &'static str = "make_new_recovery_codes";
        const SUMMARY: &'static str = "New recovery codes in place of the old ones (the password confirms it), shown this once";
        const ACCESS: Access = SignedIn;
        type Request = NewRecoveryCodes;
        type Answer = RecoveryCodes;
        const ERRORS: &'static [u16] = &[403, 409, 429, 503];
    }
}
