//! How long the portal keeps what it holds, and the job that lets go of it
//! (issue 13, finding 13). The periods are the README's "Data retention".
//!
//! - A complaint, compliment or comment, with its events, files and
//!   messages: six years after it ended (closed or withdrawn, nothing
//!   recorded since), the period complaints records are usually kept for
//!   (limitation for a claim in contract or tort is six years). Open cases
//!   are never deleted.
//! - Messages about an account (links, notices of authorisations): 90 days
//!   after they were sent.
//! - Links to prove an email address or reset a password: 7 days after they
//!   expired.
//! - A deleted account (`account_security`): its email, name, password,
//!   preferences, sessions, links and account messages at once; the row
//!   itself, emptied, stays while cases refer to it.
//! - The addresses an account signed in from: 90 days after the last one
//!   (`auth::limit::KNOWN_FOR`).
//! - Sessions (`auth::session`), retried-write keys (`idempotency`, 24 hours)
//!   and sign-in throttling counts (`auth::limit`, 24 hours) are pruned where
//!   they are written.
//!
//! The job runs with the policy's rules ([`crate::rules`]) on the server's
//! clock, and logs counts only.

pub mod store;

use chrono::{DateTime, Duration, Months, Utc};

use crate::error::ApiError;
use crate::AppState;

/// How long an ended case is kept.
pub const CASE_YEARS: u32 = 6;
/// How long a sent message about an account is kept.
pub const ACCOUNT_MESSAGE_DAYS: i64 = 90;
/// How long an expired link is kept.
pub const LINK_DAYS: i64 = 7;

/// What one round let go of.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Removed {
    pub cases: usize,
    pub account_messages: u64,
    pub links: u64,
    pub known_addresses: u64,
}

/// The instant before which an ended case is let go of.
pub fn case_cutoff(now: DateTime<Utc>) -> DateTime<Utc> {
    now.checked_sub_months(Months::new(CASE_YEARS * 12))
        .unwrap_or(now)
}

/// One round of the retention job.
pub async fn run(state: &AppState) -> Result<Removed, ApiError> {
    let now = state.clock.now();
    let mut removed = Removed::default();
    let mut tx = crate::db::begin_write(&state.db).await?;
    for case_id in store::ended_cases_before(&mut tx, case_cutoff(now)).await? {
        store::delete_case(&mut tx, case_id).await?;
        removed.cases += 1;
    }
    removed.account_messages =
        store::delete_sent_account_messages(&mut tx, now - Duration::days(ACCOUNT_MESSAGE_DAYS))
            .await?;
    removed.links = store::delete_old_verification_links(&mut tx, now - Duration::days(LINK_DAYS))
        .await?
        + store::delete_old_reset_links(&mut tx, now - Duration::days(LINK_DAYS)).await?;
    removed.known_addresses =
        store::delete_old_known_addresses(&mut tx, now - crate::auth::limit::KNOWN_FOR).await?;
    tx.commit().await?;
    if removed != Removed::default() {
        tracing::info!(
            cases = removed.cases,
            account_messages = removed.account_messages,
            links = removed.links,
            known_addresses = removed.known_addresses,
            "records past their retention period deleted"
        );
    }
    Ok(removed)
}
