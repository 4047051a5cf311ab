//! Single-use, expiring links sent by email: the link that proves an address
//! ([`crate::verification`]) and the link that resets a forgotten password
//! ([`crate::account_security`]) are one mechanism with two purposes.
//!
//! A link carries a random token ([`crate::auth::session::new_token`]) after
//! the `#` of its address, so it never reaches a server log or a Referer
//! header; the database keeps only the token's SHA-256. A link works once,
//! until its purpose's [`Purpose::lifetime`] is over, and only while its
//! account still has the address it was sent to and is not deleted (a link
//! proves the address it reached, and nothing once the address has changed).
//! Each purpose may send an account at most [`Purpose::per_hour`] links an
//! hour, so the portal cannot be used to flood a mailbox.

pub mod store;

use chrono::{DateTime, Duration, Utc};
use sqlx::AnyConnection;

use crate::auth::session::{new_token, token_hash};

/// What a link is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    /// Proves an email address ([`crate::verification`]).
    ProveAddress,
    /// Resets a forgotten password ([`crate::account_security`]).
    ResetPassword,
}

/// How long a link that proves an address works.
pub const PROVE_ADDRESS_LIFETIME: Duration = Duration::hours(24);
/// How many address links an account may be sent in an hour.
pub const PROVE_ADDRESS_PER_HOUR: i64 = 3;
/// How long a link to reset a password works (the message says so in hours).
pub const RESET_PASSWORD_LIFETIME: Duration =
    Duration::hours(domain::api::account_security::RESET_LINK_HOURS);
/// How many reset links an account may be sent in an hour.
pub const RESET_PASSWORD_PER_HOUR: i64 = 3;

impl Purpose {
    /// How long a link works after it is sent.
    pub fn lifetime(self) -> Duration {
        match self {
            Purpose::ProveAddress => PROVE_ADDRESS_LIFETIME,
            Purpose::ResetPassword => RESET_PASSWORD_LIFETIME,
        }
    }

    /// How many links of this purpose an account may be sent in an hour.
    pub fn per_hour(self) -> i64 {
        match self {
            Purpose::ProveAddress => PROVE_ADDRESS_PER_HOUR,
            Purpose::ResetPassword => RESET_PASSWORD_PER_HOUR,
        }
    }

    /// Whether using one link also ends the account's other unused links of
    /// this purpose (a reset does: a password set from one link must not be
    /// replaced from an older one).
    fn spends_the_others(self) -> bool {
        matches!(self, Purpose::ResetPassword)
    }
}

/// Whether the account may be sent another link of this purpose now: fewer
/// than [`Purpose::per_hour`] were sent in the last hour.
pub async fn may_send(
    conn: &mut AnyConnection,
    purpose: Purpose,
    user_id: i64,
    now: DateTime<Utc>,
) -> Result<bool, sqlx::Error> {
    Ok(
        store::sent_since(conn, purpose, user_id, now - Duration::hours(1)).await?
            < purpose.per_hour(),
    )
}

/// Makes a new link for the account's address `email` and returns its token
/// (to be put in the message, and nowhere else).
pub async fn issue(
    conn: &mut AnyConnection,
    purpose: Purpose,
    user_id: i64,
    email: &str,
    now: DateTime<Utc>,
) -> Result<String, sqlx::Error> {
    let token = new_token();
    store::insert(
        conn,
        purpose,
        &token_hash(&token),
        user_id,
        email,
        now,
        now + purpose.lifetime(),
    )
    .await?;
    Ok(token)
}

/// The account a link would serve now, without using it.
pub async fn holder(
    conn: &mut AnyConnection,
    purpose: Purpose,
    token: &str,
    now: DateTime<Utc>,
) -> Result<Option<i64>, sqlx::Error> {
    store::holder(conn, purpose, &token_hash(token), now).await
}

/// Uses a link: the account it serves, if it still works. One statement, so
/// a link used twice at once works once.
pub async fn redeem(
    conn: &mut AnyConnection,
    purpose: Purpose,
    token: &str,
    now: DateTime<Utc>,
) -> Result<Option<i64>, sqlx::Error> {
    let user_id = store::redeem(conn, purpose, &token_hash(token), now).await?;
    if let Some(user_id) = user_id {
        if purpose.spends_the_others() {
            store::spend_all(conn, purpose, user_id, now).await?;
        }
    }
    Ok(user_id)
}
