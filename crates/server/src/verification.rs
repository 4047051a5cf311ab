//! Proving an email address (issue 13, finding 2). Whoever registers an
//! address first must not be able to accept an invitation sent to it, and
//! the portal must not write to an address nobody has shown is theirs.
//!
//! Registering sends a link with a single-use token that expires after
//! [`LINK_LIFETIME`]; opening it and giving the account's password proves the
//! address and signs in. Until then the account cannot sign in (finding 10:
//! registering answers the same whether or not the address has an account,
//! so signing in must too), and the outbox holds every email to it but the
//! link itself. Asking for the password as well as the link means that
//! someone who registers another person's address cannot have that person
//! confirm an account whose password the registrant knows. Accounts made by
//! an admin (`server user add`) are vouched for and verified at once.
//!
//! Accounts registered before that change may be signed in and unproved:
//! they cannot accept an invitation or send a signed form to act for
//! someone until they open a link ([`require_verified`]).

pub mod store;

use chrono::{DateTime, Duration, Utc};
use sqlx::AnyConnection;

use crate::auth::CurrentUser;
use crate::error::{ApiError, FieldError};
use crate::links;
use crate::AppState;

/// How long a link works.
pub const LINK_LIFETIME: Duration = crate::links::PROVE_ADDRESS_LIFETIME;
/// How many links an account may be sent in an hour.
pub const LINKS_PER_HOUR: i64 = crate::links::PROVE_ADDRESS_PER_HOUR;

/// The outbox's `purpose` for the link: the one message an unproved
/// address is sent.
pub const PURPOSE: &str = "verification";

pub const SUBJECT: &str = "Confirm your email address";
pub use domain::api::account::messages::{
    EMAIL_NOT_VERIFIED as NOT_VERIFIED, VERIFICATION_LINK_NOT_VALID as LINK_NOT_VALID,
    VERIFICATION_PASSWORD_WRONG as WRONG_PASSWORD,
};
use domain::api::account::ValidRegistration;
pub const NOT_VERIFIED_CODE: &str = "email_not_verified";
pub const TOO_MANY_LINKS: u64 = 3600;

/// The link's address: the app's page, with the token after `#` so it never
/// reaches a server log or a Referer header.
pub fn link(public_url: &str, token: &str) -> String {
    format!("{}/verify-email#{token}", public_url.trim_end_matches('/'))
}

/// No name: the address was typed by whoever registered, and the name too,
/// so nothing they wrote goes to someone who may not know them (finding 7).
fn body(link: &str) -> String {
    format!(
        "Hello,\n\nTo confirm this is your email address and finish setting up your \
         account, open this link within 24 hours:\n{link}\n\nYou will be asked for the \
         password you chose.\n\nIf you did not ask to make an account with us, you do not \
         need to do anything: nobody can use this address with us without this link."
    )
}

/// The outbox's `purpose` for the notice sent when someone registers an
/// address that already has a proved account.
pub const EXISTS_PURPOSE: &str = "account_exists";
pub const EXISTS_SUBJECT: &str = "You already have an account";
/// How many of those notices an account may be sent in an hour.
pub const EXISTS_PER_HOUR: i64 = 3;

fn exists_body(name: &str, public_url: &str) -> String {
    let base = public_url.trim_end_matches('/');
    format!(
        "Dear {name},\n\nSomeone, perhaps you, tried to make a new account with this email \
         address. You already have an account, so we have not made another.\n\nTo sign in, \
         go to {base}/sign-in\nIf you have forgotten your password, choose \"Forgotten your \
         password?\" on that page.\n\nIf it was not you, you do not need to do anything: \
         your account has not changed."
    )
}

/// What registering did. The API answers the same whichever it was (and
/// the address's owner is told by email); this is for tests and the log.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Registered {
    /// A new account, and a link to prove its address.
    New,
    /// The address has an account nobody has proved: its password is the
    /// one chosen now, and a new link went to the address.
    LinkSentAgain,
    /// The address has a proved account: it was told someone tried.
    AlreadyHasAccount,
    /// Nothing was sent: the address had enough messages this hour.
    Quiet,
}

/// Registration (the one path for residents and advocates): answers the
/// same, and takes as long, whether or not the address has an account.
pub async fn register(
    state: &AppState,
    account: ValidRegistration,
) -> Result<Registered, ApiError> {
    // Every path hashes, so that none answers sooner than another.
    let password_hash =
        crate::password::hash_password(&state.hashing, account.password.clone()).await?;
    let now = state.clock.now();
    let public_url = state.public_url();
    let mut tx = crate::db::begin_write(&state.db).await?;
    let hour_ago = now - Duration::hours(1);
    let outcome = match store::account_with_email(&mut tx, &account.email).await? {
        None => {
            let public_id = crate::ids::new_public_id();
            let id =
                store::insert_unproved_account(&mut tx, &public_id, &account, &password_hash, now)
                    .await?;
            send_link(&mut tx, &public_url, id, &account.email, now).await?;
            Registered::New
        }
        Some((id, _, false)) => {
            if !links::may_send(&mut tx, links::Purpose::ProveAddress, id, now).await? {
                Registered::Quiet
            } else {
                store::replace_unproved_password(&mut tx, id, &password_hash).await?;
                send_link(&mut tx, &public_url, id, &account.email, now).await?;
                Registered::LinkSentAgain
            }
        }
        Some((id, name, true)) => {
            if store::messages_since(&mut tx, id, EXISTS_PURPOSE, hour_ago).await?
                >= EXISTS_PER_HOUR
            {
                Registered::Quiet
            } else {
                crate::outbox::enqueue_email(
                    &mut tx,
                    now,
                    id,
                    &account.email,
                    EXISTS_SUBJECT,
                    &exists_body(&name, &public_url),
                    Some(EXISTS_PURPOSE),
                )
                .await?;
                Registered::AlreadyHasAccount
            }
        }
    };
    tx.commit().await?;
    tracing::info!(?outcome, "registration received");
    Ok(outcome)
}

/// Sends a new link to the account's present address, in the caller's
/// transaction.
pub async fn send_link(
    conn: &mut AnyConnection,
    public_url: &str,
    user_id: i64,
    email: &str,
    now: DateTime<Utc>,
) -> Result<(), ApiError> {
    let token = links::issue(conn, links::Purpose::ProveAddress, user_id, email, now).await?;
    crate::outbox::enqueue_email(
        conn,
        now,
        user_id,
        email,
        SUBJECT,
        &body(&link(public_url, &token)),
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
    if !links::may_send(&mut tx, links::Purpose::ProveAddress, user.id, now).await? {
        return Err(ApiError::TooManyRequests {
            retry_after: TOO_MANY_LINKS,
        });
    }
    send_link(&mut tx, &state.public_url(), user.id, &user.email, now).await?;
    tx.commit().await?;
    Ok(())
}

/// Uses a link's token with the account's password: the address is proved,
/// the email held for it goes out with the next round of the outbox, and the
/// answer is the account, to be signed in. A wrong password leaves the link
/// unused; guesses are spaced out as sign-in's are.
pub async fn confirm(
    state: &AppState,
    token: &str,
    password: String,
    address: Option<std::net::IpAddr>,
) -> Result<i64, ApiError> {
    let holder = {
        let mut conn = state.db.acquire().await?;
        match links::holder(
            &mut conn,
            links::Purpose::ProveAddress,
            token,
            state.clock.now(),
        )
        .await?
        {
            Some(user_id) => store::password_hash(&mut conn, user_id)
                .await?
                .map(|hash| (user_id, hash)),
            None => None,
        }
    };
    let Some((user_id, password_hash)) = holder else {
        return Err(ApiError::field("token", LINK_NOT_VALID));
    };
    let attempt = crate::auth::limit::Attempt::new(&format!("link:{user_id}"), address);
    let counts = crate::auth::limit::reserve(&state.db, &attempt, state.clock.now()).await?;
    let right =
        match crate::password::verify_password(&state.hashing, password, Some(password_hash)).await
        {
            Ok(right) => right,
            Err(busy @ ApiError::Busy { .. }) => {
                crate::auth::limit::not_checked(&state.db, &attempt, counts, state.clock.now())
                    .await?;
                return Err(busy);
            }
            Err(other) => return Err(other),
        };
    if !right {
        crate::auth::limit::log_if_sustained(Some(user_id), counts);
        return Err(ApiError::field("password", WRONG_PASSWORD));
    }
    let now = state.clock.now();
    let mut tx = crate::db::begin_write(&state.db).await?;
    // Used in one statement: a link opened twice at once proves once.
    if links::redeem(&mut tx, links::Purpose::ProveAddress, token, now).await? != Some(user_id) {
        return Err(ApiError::field("token", LINK_NOT_VALID));
    }
    store::mark_verified(&mut tx, user_id, now).await?;
    tx.commit().await?;
    crate::auth::limit::succeeded(&state.db, &attempt, now).await?;
    tracing::info!(user_id, "email address confirmed");
    Ok(user_id)
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
