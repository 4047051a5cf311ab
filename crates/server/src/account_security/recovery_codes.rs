//! Recovery codes from the account page (staff and admins): how many are
//! left, and new ones in place of the old, once the password confirms it.
//! Signing in with a code is `auth::second_factor`'s.

use domain::api::second_factor::{
    staff_messages, NewRecoveryCodes, RecoveryCodes, RecoveryCodesLeft, RECOVERY_CODES,
};

use crate::auth::{second_factor, CurrentUser};
use crate::error::{ApiError, ApiResult};
use crate::AppState;

/// How many of a staff or admin account's recovery codes are unused (403
/// for anyone else).
pub async fn codes_left(state: &AppState, user: &CurrentUser) -> ApiResult<RecoveryCodesLeft> {
    user.require_staff()?;
    let mut conn = state.db.acquire().await?;
    let left = second_factor::store::recovery_codes_left(&mut conn, user.id).await?;
    Ok(RecoveryCodesLeft {
        left: u32::try_from(left).unwrap_or(0),
    })
}

/// New recovery codes for a staff or admin account whose app is set up, in
/// place of the old ones, once the password confirms it (checked under the
/// sign-in throttle): 403 for anyone else, 409 without an app set up.
pub async fn make_new(
    state: &AppState,
    user: &CurrentUser,
    request: NewRecoveryCodes,
    address: Option<std::net::IpAddr>,
) -> ApiResult<RecoveryCodes> {
    user.require_staff()?;
    if request.password.is_empty() {
        return Err(ApiError::field(
            "password",
            staff_messages::PASSWORD_MISSING,
        ));
    }
    if !super::check_password(state, user, request.password, address).await? {
        return Err(ApiError::field("password", staff_messages::PASSWORD_WRONG));
    }
    let codes: Vec<String> = (0..RECOVERY_CODES)
        .map(|_| second_factor::totp::new_recovery_code())
        .collect();
    let hashes: Vec<String> = codes
        .iter()
        .map(|c| second_factor::totp::recovery_code_hash(c))
        .collect();
    let mut tx = crate::db::begin_write(&state.db).await?;
    if !second_factor::store::is_set_up(&mut tx, user.id).await? {
        return Err(ApiError::conflict("", staff_messages::NOT_SET_UP));
    }
    second_factor::store::replace_recovery_codes(&mut tx, user.id, &hashes).await?;
    tx.commit().await?;
    tracing::info!(user_id = user.id, "new recovery codes made");
    Ok(RecoveryCodes {
        recovery_codes: codes,
    })
}
