//! The policy's clock: what must happen when nobody acts. Today one rule:
//! a complaint closes itself when nothing has come from the resident within
//! the policy's working days of its stage 1 response (Pivotal §10.1(c)).
//!
//! The rule runs on the server's own clock (the one `--now` and the test
//! clock move): on start, to catch up on whatever fell due while the server
//! was down; every minute; and straight after the test clock moves. The
//! domain says when the rule falls due ([`domain::case::no_contact_close_on`]);
//! here it acts once per case and trigger, claimed in `rule_runs` in the same
//! transaction as the closing event, so restarts and a second process on the
//! same database never close a case twice. The event is the system's, and the
//! resident is told through their channel like any other closure.

pub mod store;

use std::time::Duration;

use chrono::NaiveDate;
use domain::case::{no_contact_close_on, Actor, ActorKind, ClosedWhy, Event, EventRecord};
use domain::policy::AutoCloseRule;

use crate::cases::{self, store as case_store};
use crate::db::begin_write;
use crate::error::ApiError;
use crate::AppState;

/// How often the rules look at the cases.
pub const RULE_INTERVAL: Duration = Duration::from_secs(60);

/// The retention job runs on every this many rounds (hourly).
const RETENTION_EVERY: u64 = 60;

/// The rule's name in `rule_runs` and the logs.
pub const NO_CONTACT_AFTER_RESPONSE: &str = "no_contact_after_response";

/// Something a rule did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Acted {
    pub case: String,
    pub rule: &'static str,
    /// The day the rule fell due.
    pub due_on: NaiveDate,
    /// The day it acted: later than `due_on` after downtime.
    pub acted_on: NaiveDate,
}

/// Runs the rules in the background every [`RULE_INTERVAL`], and the
/// retention job ([`crate::retention`]) on start and then hourly.
pub fn spawn(state: AppState) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let mut interval = tokio::time::interval(RULE_INTERVAL);
        interval.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        for round in 0u64.. {
            interval.tick().await;
            match run_due(&state).await {
                Ok(_) => state.metrics.rules_ran(),
                Err(error) => tracing::warn!(%error, "the policy's rules could not run"),
            }
            // Retention counts in days and years: once an hour is plenty.
            if round % RETENTION_EVERY == 0 {
                if let Err(error) = crate::retention::run(&state).await {
                    tracing::warn!(%error, "the retention job could not run");
                }
            }
        }
    })
}

/// One round: every rule that has fallen due by today acts, once. Logs what
/// it did (case ids and dates only), saying when it acted late.
pub async fn run_due(state: &AppState) -> Result<Vec<Acted>, ApiError> {
    // `policies` holds the active one too; the Code's fallbacks add no
    // `[auto_close]`, so a policy's own rule is the one it runs.
    let policies: Vec<String> = state
        .policies
        .iter()
        .filter(|p| {
            p.auto_close
                .as_ref()
                .is_some_and(|a| a.rule == AutoCloseRule::NoContactAfterResponse)
        })
        .map(|p| p.id.clone())
        .collect();
    let candidates = {
        let mut conn = state.db.acquire().await?;
        store::answered_cases(&mut conn, &policies).await?
    };
    let mut acted = Vec::new();
    for public_id in candidates {
        if let Some(done) = close_if_due(state, &public_id).await? {
            if done.acted_on > done.due_on {
                tracing::info!(
                    case = %done.case, rule = done.rule, due_on = %done.due_on,
                    acted_on = %done.acted_on, "a rule acted late, catching up"
                );
            } else {
                tracing::info!(case = %done.case, rule = done.rule, "a rule acted");
            }
            acted.push(done);
        }
    }
    Ok(acted)
}

/// Closes one case if its "no contact" day has come and nobody closed it
/// for this response before.
async fn close_if_due(state: &AppState, public_id: &str) -> Result<Option<Acted>, ApiError> {
    let now = state.clock.now();
    let today = state.clock.today();
    let mut tx = begin_write(&state.db).await?;
    let Some(case) = case_store::find_by_public_id(&mut tx, public_id).await? else {
        return Ok(None);
    };
    let replayed = cases::replay_case(state, &mut tx, &case).await?;
    let Some(due_on) = no_contact_close_on(&replayed.state, &replayed.policy, &state.calendar)
    else {
        return Ok(None);
    };
    if due_on > today {
        return Ok(None);
    }
    let Some(responded_on) = replayed
        .state
        .stages
        .first()
        .and_then(|s| s.response.as_ref())
        .map(|r| r.on)
    else {
        return Ok(None);
    };
    if !store::claim(
        &mut tx,
        case.id,
        NO_CONTACT_AFTER_RESPONSE,
        responded_on,
        due_on,
        now,
    )
    .await?
    {
        return Ok(None);
    }
    let record = EventRecord {
        at: now,
        actor: Actor {
            kind: ActorKind::System,
            name: None,
            id: None,
        },
        on: None,
        event: Event::Closed {
            why: ClosedWhy::NoContact,
        },
    };
    cases::record_event(state, &mut tx, &case, None, record).await?;
    tx.commit().await?;
    Ok(Some(Acted {
        case: case.public_id,
        rule: NO_CONTACT_AFTER_RESPONSE,
        due_on,
        acted_on: today,
    }))
}
