//! An account's own security (issue 13, finding 11; OWASP ASVS 5.0 level 2):
//!
//! - **Changing the password** needs the current one (checked under the
//!   sign-in throttle, `auth::limit`), and the new one passes the checks of
//!   registration. Every other session of the account ends, and an email tells
//!   the account's address.
//! - **Resetting a forgotten password**: asking always answers the same,
//!   whether or not an account uses the address. The account is sent a
//!   single-use link that works for [`RESET_LINK_LIFETIME`], its token stored
//!   only as a SHA-256 (the same kind of link as the one that proves an
//!   address: [`crate::links`]), at most [`RESET_LINKS_PER_HOUR`] an hour so the
//!   portal cannot be used to flood a mailbox. Using it sets the password,
//!   ends every session, and counts the address as proved (the link reached
//!   it). The person then signs in with the new password: a reset never signs
//!   anyone in, so it cannot step round a second factor, and whoever opened
//!   the link shows at once that they know the new password.
//! - **Sessions**: the account sees where it is signed in (a coarse
//!   description of each device, [`crate::auth::session::Device`]), a page
//!   at a time, by each session's public id, and can end any one of them, or
//!   all but this one.
//! - **Recovery codes** (staff and admins): how many are left, and new ones
//!   once the password confirms it ([`recovery_codes`]).
//! - **Deleting the account** (residents and advocates; staff and admin
//!   accounts are an admin's to remove): the password confirms it; the
//!   authorisations the account gave or held end, and the other party is told;
//!   then the account's row is emptied of the person (email, name, password,
//!   preferences, sessions, links and account messages) but kept, so the
//!   landlord's case records that refer to it stay whole ([`crate::retention`]
//!   keeps a case six years after it ends).

pub mod recovery_codes;
pub mod store;

use std::net::IpAddr;

use chrono::{DateTime, Duration, Utc};
use domain::api::account::{messages as account_messages, Role};
use domain::api::account_security::{
    messages, AccountDeletion, ActiveSession, PasswordChange, PasswordReset, PasswordResetRequest,
    RESET_LINK_HOURS,
};
use domain::authorisation::Status;
use sqlx::AnyConnection;

use crate::auth::session::{self, token_hash};
use crate::auth::{limit, CurrentUser};
use crate::clock::parse_timestamp;
use crate::error::ApiError;
use crate::links;
use crate::page::Page;
use crate::password::{hash_password, is_common_password, verify_password};
use crate::AppState;

/// How long a link to reset a password works.
pub const RESET_LINK_LIFETIME: Duration = crate::links::RESET_PASSWORD_LIFETIME;
/// How many reset links an account may be sent in an hour.
pub const RESET_LINKS_PER_HOUR: i64 = crate::links::RESET_PASSWORD_PER_HOUR;

/// The outbox's `purpose` for a reset link: like the link that proves an
/// address, it may go to an address not yet proved (it proves it), and staff
/// never read the link.
pub const RESET_PURPOSE: &str = "password_reset";
/// The outbox's `purpose` for the notice that the password changed.
pub const CHANGED_PURPOSE: &str = "password_changed";

pub const RESET_SUBJECT: &str = "Reset your password";
pub const CHANGED_SUBJECT: &str = "Your password was changed";

/// What a deleted account's name becomes (staff see it on the cases it raised).
pub const DELETED_NAME: &str = "Deleted account";

/// The link's address: the app's page, with the token after `#` so it never
/// reaches a server log or a Referer header.
pub fn reset_link(public_url: &str, token: &str) -> String {
    format!(
        "{}/reset-password#{token}",
        public_url.trim_end_matches('/')
    )
}

fn reset_body(name: &str, link: &str) -> String {
    format!(
        "Dear {name},\n\nSomeone asked to reset the password of your Put It Right account. To \
         choose a new password, open this link within {RESET_LINK_HOURS} hour:\n{link}\n\nThe \
         link works once. If you did not ask for this, you do not need to do anything: your \
         password has not changed."
    )
}

fn changed_body(name: &str, public_url: &str) -> String {
    format!(
        "Dear {name},\n\nThe password of your Put It Right account was changed, and every other \
         device signed in to it was signed out.\n\nIf it was not you, reset your password now \
         at {}/forgot-password and tell us.",
        public_url.trim_end_matches('/')
    )
}

/// Checks the signed-in person's password, counted by the sign-in throttle
/// (a stolen session cannot guess at it faster than sign-in could): `Ok(false)`
/// for a wrong one, 429 while a delay runs.
pub(crate) async fn check_password(
    state: &AppState,
    user: &CurrentUser,
    password: String,
    address: Option<IpAddr>,
) -> Result<bool, ApiError> {
    let attempt = limit::Attempt::new(&user.email, address);
    let counts = limit::reserve(&state.db, &attempt, state.clock.now()).await?;
    let mut conn = state.db.acquire().await?;
    let stored = crate::verification::store::password_hash(&mut conn, user.id).await?;
    drop(conn);
    let right = match verify_password(&state.hashing, password, stored).await {
        Ok(right) => right,
        Err(busy @ ApiError::Busy { .. }) => {
            limit::not_checked(&state.db, &attempt, counts, state.clock.now()).await?;
            return Err(busy);
        }
        Err(other) => return Err(other),
    };
    if right {
        limit::succeeded(&state.db, &attempt, state.clock.now()).await?;
    } else {
        limit::log_if_sustained(Some(user.id), counts);
    }
    Ok(right)
}

/// The new password's checks: the domain's, then whether it is too common.
fn check_new_password(field: &str, password: &str) -> Result<(), ApiError> {
    if is_common_password(password) {
        return Err(ApiError::field(
            field,
            account_messages::PASSWORD_TOO_COMMON,
        ));
    }
    Ok(())
}

/// Sends the notice that the password changed, to the account's address.
async fn tell_of_change(
    conn: &mut AnyConnection,
    public_url: &str,
    holder: &store::Holder,
    now: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    crate::outbox::enqueue_email(
        conn,
        now,
        holder.id,
        &holder.email,
        CHANGED_SUBJECT,
        &changed_body(&holder.name, public_url),
        Some(CHANGED_PURPOSE),
    )
    .await
}

/// Changes the signed-in person's password; every session but
/// `current_token`'s ends. Returns how many ended.
pub async fn change_password(
    state: &AppState,
    user: &CurrentUser,
    current_token: Option<&str>,
    change: PasswordChange,
    address: Option<IpAddr>,
) -> Result<u64, ApiError> {
    change.validate().map_err(ApiError::Unprocessable)?;
    check_new_password("new_password", &change.new_password)?;
    if !check_password(state, user, change.current_password, address).await? {
        return Err(ApiError::field(
            "current_password",
            messages::CURRENT_PASSWORD_WRONG,
        ));
    }
    let hash = hash_password(&state.hashing, change.new_password).await?;
    let now = state.clock.now();
    let mut tx = crate::db::begin_write(&state.db).await?;
    store::set_password_hash(&mut tx, user.id, &hash).await?;
    let ended = session::end_all_but(&mut tx, user.id, current_token, now).await?;
    let holder = store::holder(&mut tx, user.id).await?;
    tell_of_change(&mut tx, &state.public_url(), &holder, now).await?;
    tx.commit().await?;
    tracing::info!(user_id = user.id, ended, "password changed");
    Ok(ended)
}

/// Sends a reset link to the account that uses the address, if any, and if
/// it has not had [`RESET_LINKS_PER_HOUR`] this hour. Answers the same
/// either way (only a malformed address is refused).
pub async fn send_reset_link(
    state: &AppState,
    request: PasswordResetRequest,
) -> Result<(), ApiError> {
    let email = request.validate().map_err(ApiError::Unprocessable)?;
    let now = state.clock.now();
    let mut tx = crate::db::begin_write(&state.db).await?;
    let Some(holder) = store::holder_of(&mut tx, &email).await? else {
        return Ok(());
    };
    if !links::may_send(&mut tx, links::Purpose::ResetPassword, holder.id, now).await? {
        tracing::info!(
            user_id = holder.id,
            "password reset link not sent: the hour's links were sent"
        );
        return Ok(());
    }
    let token = links::issue(
        &mut tx,
        links::Purpose::ResetPassword,
        holder.id,
        &holder.email,
        now,
    )
    .await?;
    crate::outbox::enqueue_email(
        &mut tx,
        now,
        holder.id,
        &holder.email,
        RESET_SUBJECT,
        &reset_body(&holder.name, &reset_link(&state.public_url(), &token)),
        Some(RESET_PURPOSE),
    )
    .await?;
    tx.commit().await?;
    tracing::info!(user_id = holder.id, "password reset link sent");
    Ok(())
}

/// Uses a reset link: the new password is set, every session ends, and the
/// address counts as proved. The token is judged first, and a link that does
/// not work is refused before the password is looked at: so the app asks,
/// with an empty password, whether a link still works, without using it.
/// Answers the account's address, for the route to give the browser that
/// reset it a device cookie ([`crate::auth::device_cookie`]): it has proved
/// it holds the account's email, so an attack on the account's sign-in must
/// not keep it out.
pub async fn reset_password(state: &AppState, reset: PasswordReset) -> Result<String, ApiError> {
    let link_not_valid = || ApiError::field("token", messages::RESET_LINK_NOT_VALID);
    {
        let mut conn = state.db.acquire().await?;
        let works = links::holder(
            &mut conn,
            links::Purpose::ResetPassword,
            &reset.token,
            state.clock.now(),
        )
        .await?;
        if works.is_none() {
            return Err(link_not_valid());
        }
    }
    reset.validate().map_err(ApiError::Unprocessable)?;
    check_new_password("password", &reset.password)?;
    let hash = hash_password(&state.hashing, reset.password).await?;
    let now = state.clock.now();
    let mut tx = crate::db::begin_write(&state.db).await?;
    let Some(user_id) =
        links::redeem(&mut tx, links::Purpose::ResetPassword, &reset.token, now).await?
    else {
        return Err(link_not_valid());
    };
    store::set_password_hash(&mut tx, user_id, &hash).await?;
    crate::verification::store::mark_verified(&mut tx, user_id, now).await?;
    let ended = session::end_all_but(&mut tx, user_id, None, now).await?;
    let holder = store::holder(&mut tx, user_id).await?;
    tell_of_change(&mut tx, &state.public_url(), &holder, now).await?;
    tx.commit().await?;
    tracing::info!(user_id, ended, "password reset with a link");
    Ok(holder.email)
}

/// Where the account is signed in, a page at a time ([`crate::page`]): this
/// device first, then the most recently used. Also the cursor of the next
/// page, when there is one.
pub async fn list_sessions(
    state: &AppState,
    user: &CurrentUser,
    current_token: Option<&str>,
    page: &Page,
) -> Result<(Vec<ActiveSession>, Option<String>), ApiError> {
    let after = match page.after_keys(3)? {
        None => None,
        Some([current, last_seen_at, public_id]) => Some(store::SessionsAfter {
            current: match current.as_str() {
                "1" => true,
                "0" => false,
                _ => return Err(bad_cursor()),
            },
            last_seen_at: last_seen_at.clone(),
            public_id: public_id.clone(),
        }),
        Some(_) => return Err(bad_cursor()),
    };
    let mut conn = state.db.acquire().await?;
    let current = current_token.map(token_hash);
    let rows = store::live_sessions(
        &mut conn,
        user.id,
        current.as_deref(),
        state.clock.now(),
        after.as_ref(),
        page.fetch(),
    )
    .await?;
    let (rows, next) = page.cut(rows, |row| {
        vec![
            if row.current { "1" } else { "0" }.to_owned(),
            row.last_seen_at.clone(),
            row.public_id.clone(),
        ]
    });
    let sessions = rows
        .into_iter()
        .map(|row| {
            let (Some(started_at), Some(last_used_at)) = (
                parse_timestamp(&row.created_at),
                parse_timestamp(&row.last_seen_at),
            ) else {
                return Err(ApiError::internal("a session's timestamps cannot be read"));
            };
            Ok(ActiveSession {
                id: row.public_id,
                started_at,
                last_used_at,
                browser: row.browser,
                system: row.os,
                current: row.current,
            })
        })
        .collect::<Result<_, _>>()?;
    Ok((sessions, next))
}

fn bad_cursor() -> ApiError {
    ApiError::BadRequest(vec![crate::error::FieldError::new(
        "after",
        crate::page::CURSOR_NOT_VALID,
    )])
}

/// Ends one of the account's sessions; 404 for anyone else's or one already
/// ended. Returns whether it was the one the request came with.
pub async fn end_session(
    state: &AppState,
    user: &CurrentUser,
    current_token: Option<&str>,
    public_id: &str,
) -> Result<bool, ApiError> {
    let mut conn = state.db.acquire().await?;
    let ended = session::end_by_public_id(&mut conn, user.id, public_id, state.clock.now()).await?;
    match ended {
        None => Err(ApiError::NotFound),
        Some(hash) => Ok(current_token.is_some_and(|token| token_hash(token) == hash)),
    }
}

/// Ends every session of the account but this one; returns how many.
pub async fn end_other_sessions(
    state: &AppState,
    user: &CurrentUser,
    current_token: Option<&str>,
) -> Result<u64, ApiError> {
    let mut conn = state.db.acquire().await?;
    Ok(session::end_all_but(&mut conn, user.id, current_token, state.clock.now()).await?)
}

/// Deletes the signed-in resident's or advocate's account (403 for staff and
/// admins), once their password confirms it.
pub async fn delete_account(
    state: &AppState,
    user: &CurrentUser,
    deletion: AccountDeletion,
    address: Option<IpAddr>,
) -> Result<(), ApiError> {
    user.require_role(&[Role::Resident, Role::Advocate])?;
    deletion.validate().map_err(ApiError::Unprocessable)?;
    if !check_password(state, user, deletion.password, address).await? {
        return Err(ApiError::field(
            "password",
            messages::CONFIRM_PASSWORD_WRONG,
        ));
    }
    let now = state.clock.now();
    let today = state.clock.today();
    let mut tx = crate::db::begin_write(&state.db).await?;
    let ended = end_authorisations(&mut tx, user, now, today).await?;
    store::erase_account(&mut tx, user.id, &user.email, now).await?;
    tx.commit().await?;
    tracing::info!(
        user_id = user.id,
        authorisations_ended = ended,
        "account deleted"
    );
    Ok(())
}

/// Ends every authorisation in force that the account gave (a resident) or
/// holds or filed (an advocate), and tells the other party. Returns how many.
async fn end_authorisations(
    conn: &mut AnyConnection,
    user: &CurrentUser,
    now: DateTime<Utc>,
    today: chrono::NaiveDate,
) -> Result<usize, ApiError> {
    use crate::authorisations as store;
    let rows = match user.role {
        Role::Resident => store::list_for_resident(conn, user.id).await?,
        _ => store::list_for_advocate(conn, user.id, &user.email)
            .await?
            .into_iter()
            // An invitation sent to the address and never accepted is the
            // resident's, not the account's.
            .filter(|row| row.advocate_id == Some(user.id) || row.created_by == user.id)
            .collect(),
    };
    let mut ended = 0;
    for row in rows {
        if !matches!(row.status(today)?, Status::Pending | Status::Active) {
            continue;
        }
        store::revoke(conn, row.id, now).await?;
        ended += 1;
        if user.role == Role::Resident {
            if let Some(advocate_id) = row.advocate_id {
                let body = format!(
                    "{} has deleted their account, so your authority to act for them has \
                     ended. You can no longer see or act on their complaints.",
                    row.resident_display_name()
                );
                crate::outbox::enqueue(
                    conn,
                    now,
                    advocate_id,
                    None,
                    "You no longer act for a resident",
                    &body,
                )
                .await?;
            }
        } else {
            let body = format!(
                "Dear {},\n\n{} has deleted their account, so they no longer act for you on \
                 your complaints. You can invite someone else from \"People who can act for \
                 you\".",
                row.resident_display_name(),
                user.name
            );
            store::tell_resident(
                conn,
                &row,
                now,
                None,
                "Your advocate no longer acts for you",
                &body,
            )
            .await?;
        }
    }
    Ok(ended)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_link_carries_its_token_after_the_hash() {
        assert_eq!(
            reset_link("https://portal.example/", "abc"),
            "https://portal.example/reset-password#abc"
        );
        let body = reset_body("Sam", "https://portal.example/reset-password#abc");
        assert!(body.contains("within 1 hour"));
        assert!(body.contains("\nhttps://portal.example/reset-password#abc\n"));
    }
}
