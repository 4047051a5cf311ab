//! Proving an email address (issue 13, finding 2). Whoever registers an
//! address first must not be able to accept an invitation sent to it, and
//! the portal must not write to an address nobody has shown is theirs.
//!
//! Registering sends a link with a single-use token that expires after
//! [`LINK_LIFETIME`]; opening it proves the address the link was sent to.
//! Until then the account can sign in and raise its own complaints, but it
//! cannot accept an invitation or send a signed form to act for someone, and
//! the outbox holds every email to it but the link itself. Accounts made by
//! an admin (`server user add`) are vouched for and verified at once.

pub mod store;

use chrono::{DateTime, Duration, Utc};
use sqlx::SqliteConnection;

use crate::auth::session::{new_token, token_hash};
use crate::auth::CurrentUser;
use crate::error::{ApiError, FieldError};
use crate::AppState;

/// How long a link works.
pub const LINK_LIFETIME: Duration = Duration::hours(24);
/// How many links an account may be sent in an hour.
pub const LINKS_PER_HOUR: i64 = 3;

/// The outbox's `purpose` for the link: the one message an unproved
/// address is sent.
pub const PURPOSE: &str = "verification";

pub const SUBJECT: &str = "Confirm your email address";
pub use domain::api::account::messages::{
    EMAIL_NOT_VERIFIED as NOT_VERIFIED, VERIFICATION_LINK_NOT_VALID as LINK_NOT_VALID,
};
pub const NOT_VERIFIED_CODE: &str = "email_not_verified";
pub const TOO_MANY_LINKS: u64 = 3600;

/// The link's address: the app's page, with the token after `#` so it never
/// reaches a server log or a Referer header.
pub fn link(public_url: &str, token: &str) -> String {
    format!("{}/verify-email#{token}", public_url.trim_end_matches('/'))
}

fn body(name: &str, link: &str) -> String {
    format!(
        "Dear {name},\n\nTo confirm this is your email address, open this link within 24 \
         hours:\n{link}\n\nUntil you do, we will not send you anything else by email, and you \
         cannot act for anyone else. You can still tell us about a problem and follow it on \
         the website.\n\nIf you did not make an account with us, you do not need to do \
         anything."
    )
}

/// Sends a new link to the account's present address, in the caller's
/// transaction.
pub async fn send_link(
    conn: &mut SqliteConnection,
    public_url: &str,
    user_id: i64,
    name: &str,
    email: &str,
    now: DateTime<Utc>,
) -> Result<(), ApiError> {
    let token = new_token();
    store::insert(
        conn,
        &token_hash(&token),
        user_id,
        email,
        now,
        now + LINK_LIFETIME,
    )
    .await?;
    crate::outbox::enqueue_email(
        conn,
        now,
        user_id,
        email,
        SUBJECT,
        &body(name, &link(public_url, &token)),
        Some(PURPOSE),
    )
    .await?;
    Ok(())
}

/// A new link for the signed-in account, at most [`LINKS_PER_HOUR`] an hour;
/// 409 when its address is already proved.
pub async fn resend(state: &AppState, user: &CurrentUser) -> Result<(), ApiError> {
    let now = state.clock.now();
    let mut tx = crate::db::begin_write(&state.db).await?;
    if store::is_verified(&mut tx, user.id).await? {
        return Err(ApiError::Conflict(vec![FieldError::new(
            "",
            domain::api::account::messages::EMAIL_ALREADY_VERIFIED,
        )
        .with_code("email_already_verified")]));
    }
    if store::sent_since(&mut tx, user.id, now - Duration::hours(1)).await? >= LINKS_PER_HOUR {
        return Err(ApiError::TooManyRequests {
            retry_after: TOO_MANY_LINKS,
        });
    }
    send_link(
        &mut tx,
        &state.public_url(),
        user.id,
        &user.name,
        &user.email,
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Uses a link's token: the address is proved, and the email held for it
/// goes out with the next round of the outbox.
pub async fn confirm(state: &AppState, token: &str) -> Result<(), ApiError> {
    let now = state.clock.now();
    let mut tx = crate::db::begin_write(&state.db).await?;
    let Some(user_id) = store::use_link(&mut tx, &token_hash(token), now).await? else {
        return Err(ApiError::field("token", LINK_NOT_VALID));
    };
    store::mark_verified(&mut tx, user_id, now).await?;
    tx.commit().await?;
    tracing::info!(user_id, "email address confirmed");
    Ok(())
}

/// `Ok` when the account's address is proved; else the 409 the app words.
pub fn require_verified(user: &CurrentUser) -> Result<(), ApiError> {
    if user.email_verified {
        Ok(())
    } else {
        Err(ApiError::Conflict(vec![
            FieldError::new("", NOT_VERIFIED).with_code(NOT_VERIFIED_CODE)
        ]))
    }
}
