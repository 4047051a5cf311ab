//! Recovery codes from the account page (staff and admins): how many are
//! left, and new ones in place of the old, once the password confirms it.
//! Making new ones emails the account's address ([`NEW_RECOVERY_CODES_SUBJECT`]),
//! as using one does: whoever is signed in as the owner could otherwise keep
//! a way back in unseen. Signing in with a code is `auth::second_factor`'s.

use chrono::{DateTime, Utc};
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
    tell_of_new_recovery_codes(&mut tx, &state.public_url(), user.id, state.clock.now()).await?;
    tx.commit().await?;
    tracing::info!(user_id = user.id, "new recovery codes made");
    Ok(RecoveryCodes {
        recovery_codes: codes,
    })
}

/// The outbox's `purpose` for the notice that new recovery codes were made.
pub const NEW_RECOVERY_CODES_PURPOSE: &str = "new_recovery_codes";
pub const NEW_RECOVERY_CODES_SUBJECT: &str = "New recovery codes were made for your account";

fn new_recovery_codes_body(name: &str, at: DateTime<Utc>, public_url: &str) -> String {
    let when = at.format("%-d %B %Y at %H:%M UTC");
    format!(
        "Dear {name},\n\nNew recovery codes were made for your Put It Right account on \
         {when}. The codes you had before no longer work.\n\nIf this was not you, someone \
         knows your password and is signed in as you. Change your password now at \
         {}/account/password (every other device is signed out), and ask an administrator \
         to reset your two-factor sign-in, which ends every session and makes the new \
         recovery codes stop working.",
        public_url.trim_end_matches('/')
    )
}

/// Tells the account's address that new recovery codes were made: someone
/// signed in as the owner could otherwise keep a way back in unseen.
async fn tell_of_new_recovery_codes(
    conn: &mut sqlx::AnyConnection,
    public_url: &str,
    user_id: i64,
    now: DateTime<Utc>,
) -> Result<(), ApiError> {
    let user = second_factor::store::user(conn, user_id).await?;
    crate::outbox::enqueue_email(
        conn,
        now,
        user_id,
        &user.email,
        NEW_RECOVERY_CODES_SUBJECT,
        &new_recovery_codes_body(&user.name, now, public_url),
        Some(NEW_RECOVERY_CODES_PURPOSE),
    )
    .await?;
    Ok(())
}
