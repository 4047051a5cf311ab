//! Throttling of sign-ins, per account and per client address, counted in the
//! database (`sign_in_throttle`) so it holds across restarts and processes.
//!
//! Nobody is locked out: after a few failures each further attempt on the
//! same account (or from the same address) has to wait a little longer, the
//! delay doubling with each failure up to a ceiling. While a delay runs the
//! attempt is answered 429 with `Retry-After` at once (nothing sleeps, nothing
//! is hashed). The account's ceiling is short ([`ACCOUNT_MAX_DELAY`]), so its
//! owner, wherever they are, gets in after at most that long however hard it
//! is attacked; an address that keeps guessing waits up to an hour. And an
//! address the account has signed in from in the last [`KNOWN_FOR`] is not
//! held back by the account's delay at all (only by its own), so an attacker
//! who keeps the account's delay running still cannot keep its owner out.
//! Nor can it from a new address in a browser the owner signed in with
//! before: a valid device cookie ([`super::device_cookie`]) is counted on its
//! own budget instead of the account's, and wrong passwords sent with one
//! hold back only that cookie.
//!
//! Each attempt is counted as a failure *before* its password is checked, in
//! one write transaction ([`reserve`]), so attempts sent in parallel are
//! serialised and all but the allowed few are refused unevaluated. A right
//! password then takes the attempt back ([`succeeded`]).

use std::net::IpAddr;

use chrono::{DateTime, Duration, Utc};
use sqlx::AnyPool;

mod store;

use crate::clock::parse_timestamp;
use crate::error::ApiError;

/// Failures on one account before attempts on it are spaced out.
pub const ACCOUNT_FREE: i64 = 3;
/// The longest an account's owner waits, however many failures there were.
pub const ACCOUNT_MAX_DELAY: Duration = Duration::seconds(30);
/// Failures from one address before its attempts are spaced out.
pub const ADDRESS_FREE: i64 = 10;
/// The longest an address that keeps guessing waits between attempts.
pub const ADDRESS_MAX_DELAY: Duration = Duration::hours(1);
/// Counts are forgotten after this long without a failure.
pub const FORGET_AFTER: Duration = Duration::hours(24);
/// How long an address an account signed in from stays known to it.
pub const KNOWN_FOR: Duration = Duration::days(90);
/// Failures with one device cookie before its attempts are spaced out.
pub const DEVICE_FREE: i64 = 5;
/// The longest a device cookie that keeps guessing waits between attempts.
pub const DEVICE_MAX_DELAY: Duration = Duration::hours(1);
/// From this many failures on a key, an attack is logged (again at each doubling).
pub const LOG_FROM: i64 = 10;

/// The keys one attempt counts under.
#[derive(Debug, Clone)]
pub struct Attempt {
    account: String,
    /// `None` when the address is not known: then only the account limit applies.
    address: Option<String>,
    /// A valid device cookie for the account ([`super::device_cookie`]):
    /// then the device's budget is counted instead of the account's.
    device: Option<String>,
}

/// One throttled key: its failures so far and how they are spaced.
#[derive(Debug, Clone, Copy)]
struct Rule {
    free: i64,
    max_delay: Duration,
}

const ACCOUNT: Rule = Rule {
    free: ACCOUNT_FREE,
    max_delay: ACCOUNT_MAX_DELAY,
};
const DEVICE: Rule = Rule {
    free: DEVICE_FREE,
    max_delay: DEVICE_MAX_DELAY,
};
const ADDRESS: Rule = Rule {
    free: ADDRESS_FREE,
    max_delay: ADDRESS_MAX_DELAY,
};

impl Rule {
    /// How long to wait after the `failures`-th failure: nothing for the
    /// first `free - 1`, then 1 s, 2 s, 4 s … up to the ceiling.
    fn delay(self, failures: i64) -> Duration {
        if failures < self.free {
            return Duration::zero();
        }
        let doublings = (failures - self.free).min(20) as u32;
        Duration::seconds(1i64 << doublings).min(self.max_delay)
    }
}

impl Attempt {
    pub fn new(email: &str, address: Option<IpAddr>) -> Self {
        // Keys are bounded, whatever length of "email" is sent.
        let email: String = email.trim().to_lowercase().chars().take(320).collect();
        Self {
            account: format!("email:{email}"),
            address: address.map(|ip| format!("address:{}", network_of(ip))),
            device: None,
        }
    }

    /// The attempt comes with a valid device cookie for its account (its
    /// nonce): it is counted on the device's budget, not the account's.
    pub fn with_device(mut self, nonce: Option<String>) -> Self {
        self.device = nonce.map(|nonce| format!("device:{nonce}"));
        self
    }

    /// The keys counted: the device cookie's, if there is one, else the
    /// account's (unless the address is known to it); then the address's.
    fn keys(&self, known: bool) -> impl Iterator<Item = (&str, Rule)> {
        let own = match &self.device {
            Some(device) => Some((device.as_str(), DEVICE)),
            None => (!known).then_some((self.account.as_str(), ACCOUNT)),
        };
        own.into_iter()
            .chain(self.address.as_deref().map(|key| (key, ADDRESS)))
    }
}

/// The part of an address one client controls: an IPv4 address, or an IPv6
/// /64 (one household or one server gets a whole /64 to choose from).
fn network_of(ip: IpAddr) -> IpAddr {
    match ip {
        IpAddr::V4(_) => ip,
        IpAddr::V6(v6) => {
            let bits = u128::from(v6) & !((1u128 << 64) - 1);
            IpAddr::V6(bits.into())
        }
    }
}

/// The failures counted so far, once the attempt is reserved: for the log.
#[derive(Debug, Clone, Copy, Default)]
pub struct Counts {
    pub account: i64,
    pub address: i64,
    /// Failures with this device cookie (when there was one).
    pub device: i64,
    /// The account has signed in from this address before: its delay was not applied.
    pub known: bool,
}

/// Counts the attempt as a failure before its password is checked, unless a
/// delay is running on its account or its address: then 429 with the seconds
/// until the later of them ends, and nothing is counted.
pub async fn reserve(
    db: &AnyPool,
    attempt: &Attempt,
    now: DateTime<Utc>,
) -> Result<Counts, ApiError> {
    let mut tx = crate::db::begin_write(db).await?;
    let known = match &attempt.address {
        Some(address) => {
            store::is_known(&mut tx, &attempt.account, address, now - KNOWN_FOR).await?
        }
        None => false,
    };
    let mut wait = Duration::zero();
    let mut rows = Vec::new();
    for (key, rule) in attempt.keys(known) {
        let row = store::row(&mut tx, key).await?;
        let failures = match row {
            Some((failures, next_at, last_at)) => {
                let last = parse_timestamp(&last_at).unwrap_or(now);
                // A clock set back (the test clock, or a corrected system
                // clock) must not turn a delay into weeks: a last failure "in
                // the future" is forgotten, and no wait is longer than the rule's.
                // (Attempts racing each other see one another's times a few
                // milliseconds apart: only a clock moved back by minutes counts.)
                if now - last > FORGET_AFTER || last - now > Duration::minutes(5) {
                    0
                } else {
                    // Only a delay the failures earned is waited for: with
                    // fewer than the free few, `next_at` is the last attempt's
                    // time, which a clock set back by seconds puts ahead of now.
                    let earned = rule.delay(failures);
                    if earned > Duration::zero() {
                        let next = parse_timestamp(&next_at).unwrap_or(now);
                        wait = wait.max((next - now).min(earned));
                    }
                    failures
                }
            }
            None => 0,
        };
        rows.push((key, rule, failures + 1));
    }
    if wait > Duration::zero() {
        // Rounded up: waiting the whole number of seconds is always enough.
        let seconds = (wait.num_milliseconds() + 999) / 1000;
        return Err(ApiError::TooManyRequests {
            retry_after: seconds.max(1) as u64,
        });
    }
    let mut counts = Counts {
        known,
        ..Counts::default()
    };
    for (key, rule, failures) in rows {
        store::put(&mut tx, key, failures, now + rule.delay(failures), now).await?;
        if key == attempt.account {
            counts.account = failures;
        } else if attempt.device.as_deref() == Some(key) {
            counts.device = failures;
        } else {
            counts.address = failures;
        }
    }
    store::forget(&mut tx, now - FORGET_AFTER, now - KNOWN_FOR).await?;
    tx.commit().await?;
    Ok(counts)
}

/// A right password: the account's (or, with a device cookie, the
/// device's) count starts again, the address becomes
/// known to the account, and the address's reserved failure is taken back
/// (its earlier failures stay: one right password does not excuse guessing
/// at others).
pub async fn succeeded(
    db: &AnyPool,
    attempt: &Attempt,
    now: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    let mut tx = crate::db::begin_write(db).await?;
    // With a device cookie only the device's count starts again: the
    // account's belongs to everyone guessing at it, and the owner's success
    // must not give them a fresh start.
    store::clear(
        &mut tx,
        attempt.device.as_deref().unwrap_or(&attempt.account),
    )
    .await?;
    if let Some(address) = &attempt.address {
        take_back(&mut tx, address, ADDRESS, now).await?;
        store::remember_known(&mut tx, &attempt.account, address, now).await?;
    }
    tx.commit().await
}

/// The password was never checked (the server was too busy): the reserved
/// failure is taken back from every key.
pub async fn not_checked(
    db: &AnyPool,
    attempt: &Attempt,
    counts: Counts,
    now: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    let mut tx = crate::db::begin_write(db).await?;
    for (key, rule) in attempt.keys(counts.known) {
        take_back(&mut tx, key, rule, now).await?;
    }
    tx.commit().await
}

async fn take_back(
    conn: &mut sqlx::AnyConnection,
    key: &str,
    rule: Rule,
    now: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    if let Some((failures, _, _)) = store::row(conn, key).await? {
        let failures = (failures - 1).max(0);
        store::set_failures(conn, key, failures, now + rule.delay(failures)).await?;
    }
    Ok(())
}

/// Logs a sustained attack when a count reaches [`LOG_FROM`] or doubles past
/// it: the account's id (when the email is an account's) and the counts only,
/// never the email address or the client's address.
pub fn log_if_sustained(user_id: Option<i64>, counts: Counts) {
    let notable = |n: i64| n >= LOG_FROM && n % LOG_FROM == 0 && (n / LOG_FROM).count_ones() == 1;
    if notable(counts.account) || notable(counts.address) {
        tracing::warn!(
            user_id,
            account_failures = counts.account,
            address_failures = counts.address,
            "repeated failed sign-ins: attempts are being slowed down"
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delays_double_after_the_free_attempts_up_to_a_ceiling() {
        let delays: Vec<i64> = (1..=10).map(|n| ACCOUNT.delay(n).num_seconds()).collect();
        assert_eq!(delays, [0, 0, 1, 2, 4, 8, 16, 30, 30, 30]);
        assert_eq!(ADDRESS.delay(9), Duration::zero());
        assert_eq!(ADDRESS.delay(1_000), ADDRESS_MAX_DELAY);
    }

    #[test]
    fn an_ipv6_client_counts_as_its_whole_slash_64() {
        let a = Attempt::new("a@example.com", Some("2001:db8:1:2::1".parse().unwrap()));
        let b = Attempt::new(
            "a@example.com",
            Some("2001:db8:1:2:ffff::9".parse().unwrap()),
        );
        let c = Attempt::new("a@example.com", Some("2001:db8:1:3::1".parse().unwrap()));
        assert_eq!(a.address, b.address);
        assert_ne!(a.address, c.address);
    }

    #[tokio::test]
    async fn a_clock_set_back_does_not_hold_anyone_out() {
        let dir = tempfile::tempdir().unwrap();
        let url = format!("sqlite://{}", dir.path().join("t.sqlite").display());
        let db = crate::db::connect(&url).await.unwrap();
        let attempt = Attempt::new("a@example.com", Some("192.0.2.7".parse().unwrap()));
        let later: DateTime<Utc> = "2027-03-01T10:00:00Z".parse().unwrap();
        for _ in 0..(ACCOUNT_FREE + 3) {
            let _ = reserve(&db, &attempt, later).await;
        }
        assert!(
            reserve(&db, &attempt, later).await.is_err(),
            "held back at the later time"
        );
        let earlier: DateTime<Utc> = "2026-12-18T10:00:00Z".parse().unwrap();
        assert!(
            reserve(&db, &attempt, earlier).await.is_ok(),
            "after the clock went back, the failures 'from the future' are forgotten"
        );
    }

    #[tokio::test]
    async fn a_clock_set_back_by_seconds_does_not_hold_back_someone_who_signed_in() {
        let dir = tempfile::tempdir().unwrap();
        let url = format!("sqlite://{}", dir.path().join("t.sqlite").display());
        let db = crate::db::connect(&url).await.unwrap();
        let attempt = Attempt::new("a@example.com", Some("192.0.2.7".parse().unwrap()));
        let start: DateTime<Utc> = "2026-12-18T10:00:00Z".parse().unwrap();
        for seconds in [4, 5] {
            let at = start + Duration::seconds(seconds);
            reserve(&db, &attempt, at).await.unwrap();
            succeeded(&db, &attempt, at).await.unwrap();
        }
        // The test clock goes back to the start of the day's tests.
        assert!(reserve(&db, &attempt, start + Duration::seconds(1))
            .await
            .is_ok());
    }
}
