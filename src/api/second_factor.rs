//! The second step of a staff or admin sign-in, and recovery codes
//! ([`domain::endpoints::second_factor`]).

use domain::api::account::Session;
use domain::api::second_factor::{
    NewRecoveryCodes, RecoveryCodes, RecoveryCodesLeft, SecondFactorCode, SecondFactorConfirmed,
    SecondFactorSetup,
};
use domain::endpoint::NoBody;
use domain::endpoints::second_factor::{
    ConfirmSecondFactor, CreateSessionSecondFactor, GetRecoveryCodesLeft, MakeNewRecoveryCodes,
    SetUpSecondFactor,
};

use super::{call, ClientError};

/// `POST /session/second-factor`: finish signing in with a code.
pub async fn send_code(code: &SecondFactorCode) -> Result<Session, ClientError> {
    call::<CreateSessionSecondFactor>(&[], code, None).await
}

/// `POST /session/second-factor/setup`: the key to add to an authenticator app.
pub async fn set_up() -> Result<SecondFactorSetup, ClientError> {
    call::<SetUpSecondFactor>(&[], &NoBody {}, None).await
}

/// `POST /session/second-factor/setup/confirmation`: confirm the key with a code.
pub async fn confirm(code: &SecondFactorCode) -> Result<SecondFactorConfirmed, ClientError> {
    call::<ConfirmSecondFactor>(&[], code, None).await
}

/// `GET /account/recovery-codes`: how many recovery codes are left.
pub async fn codes_left() -> Result<RecoveryCodesLeft, ClientError> {
    call::<GetRecoveryCodesLeft>(&[], &NoBody {}, None).await
}

/// `POST /account/recovery-codes`: new recovery codes in place of the old ones.
pub async fn new_codes(request: &NewRecoveryCodes) -> Result<RecoveryCodes, ClientError> {
    call::<MakeNewRecoveryCodes>(&[], request, None).await
}
