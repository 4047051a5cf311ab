//! The policy's clock: what must happen when nobody acts. The domain says
//! which rules will act on a case and when ([`domain::case::rule_triggers`]):
//! a window closing without a request, a complaint closing after no contact
//! (Pivotal §10.1(c)), a reminder to the resident before their window
//! closes, reminders to the caseworker before a due date and an overdue
//! alert after it. This module runs what has fallen due.
//!
//! The rules run on the server's own clock (the one `--now` and the test
//! clock move): on start, to catch up on whatever fell due while the server
//! was down; every minute; and straight after the test clock moves. A round
//! looks only at the cases whose day has come: each case keeps the first
//! day a rule will act on it (`case_summaries.rules_on`), worked out with
//! each event and each rule's action, so a round costs what is due, not
//! the number of open complaints. Each
//! acts once per case and trigger, claimed in `rule_runs` in the same
//! transaction as its event or message, so restarts and a second process on
//! the same database never act twice. Events are the system's, and the
//! resident is told through their channel like any other event.

pub mod notices;
pub mod store;

use std::time::Duration;

use chrono::NaiveDate;
use domain::case::{due_rules, Actor, ActorKind, EventRecord, RuleAction, RuleSettings};

use crate::cases::{self, store as case_store};
use crate::db::begin_write;
use crate::error::ApiError;
use crate::AppState;

/// How often the rules look at the cases.
pub const RULE_INTERVAL: Duration = Duration::from_secs(60);

/// The retention job runs on every this many rounds (hourly).
const RETENTION_EVERY: u64 = 60;

/// The closing rule's name in `rule_runs` and the logs.
pub const NO_CONTACT_AFTER_RESPONSE: &str = "no_contact_after_response";

/// At most this many rules act on one case in one round (a case that falls
/// due for everything at once after long downtime finishes next round).
const MAX_PER_CASE: usize = 16;

/// Something a rule did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Acted {
    pub case: String,
    pub rule: &'static str,
    /// The trigger's name in `rule_runs` ("due_soon:stage_1_respond").
    pub key: String,
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
            // A new day makes yesterday's summaries untrusted: work them
            // out again, so the lists read them instead of replaying (and a
            // case without one, from before they were kept, gets its day
            // for the rules).
            match crate::cases::refresh_summaries(&state).await {
                Ok(0) => {}
                Ok(n) => tracing::info!(cases = n, "summaries worked out for today"),
                Err(error) => tracing::warn!(%error, "case summaries could not be refreshed"),
            }
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

fn settings(state: &AppState) -> RuleSettings {
    RuleSettings {
        caseworker_reminder_days: state.config.caseworker_reminder_days,
    }
}

/// One round: every rule that has fallen due by today acts, once. Logs what
/// it did (case ids, rules and dates only), saying when it acted late.
pub async fn run_due(state: &AppState) -> Result<Vec<Acted>, ApiError> {
    let candidates = {
        let mut conn = state.db.acquire().await?;
        store::cases_due(&mut conn, state.clock.today()).await?
    };
    let mut acted = Vec::new();
    for public_id in candidates {
        for _ in 0..MAX_PER_CASE {
            let Some(done) = act_once(state, &public_id).await? else {
                break;
            };
            if done.acted_on > done.due_on {
                tracing::info!(
                    case = %done.case, rule = %done.key, due_on = %done.due_on,
                    acted_on = %done.acted_on, "a rule acted late, catching up"
                );
            } else {
                tracing::info!(case = %done.case, rule = %done.key, "a rule acted");
            }
            acted.push(done);
        }
    }
    Ok(acted)
}

/// The first rule due on the case that nobody has claimed, claimed and
/// done in one transaction; `None` when there is none.
async fn act_once(state: &AppState, public_id: &str) -> Result<Option<Acted>, ApiError> {
    let now = state.clock.now();
    let today = state.clock.today();
    let settings = settings(state);
    // In one write transaction, so that the day stored for the next round
    // is worked out from what is true now, whatever another process did.
    let mut tx = begin_write(&state.db).await?;
    let Some(case) = case_store::find_by_public_id(&mut tx, public_id).await? else {
        return Ok(None);
    };
    let replayed = cases::replay_case(state, &mut tx, &case).await?;
    let caseworker = replayed.state.caseworker_id.clone();
    let due = due_rules(
        &replayed.state,
        &replayed.policy,
        &state.calendar,
        &settings,
        today,
    );
    for trigger in due {
        if !trigger.can_act(caseworker.is_some()) {
            continue;
        }
        let key = trigger.key();
        if !store::claim(
            &mut tx,
            case.id,
            &key,
            trigger.trigger_on,
            trigger.acts_on,
            now,
        )
        .await?
        {
            continue;
        }
        match &trigger.action {
            RuleAction::Close { .. } | RuleAction::RecordWindowClosed { .. } => {
                let Some(event) = trigger.event() else {
                    continue;
                };
                let record = EventRecord {
                    at: now,
                    actor: Actor {
                        kind: ActorKind::System,
                        name: None,
                        id: None,
                    },
                    on: None,
                    event,
                };
                cases::record_event(state, &mut tx, &case, None, record).await?;
            }
            RuleAction::RemindResident { window, last_day } => {
                let (subject, body) =
                    cases::notices::window_reminder(&case.reference, *window, *last_day);
                cases::tell_resident(&mut tx, &case, now, &subject, &body).await?;
            }
            RuleAction::RemindCaseworker { due, date } => {
                let (subject, body) = notices::due_soon(&case.reference, *due, *date);
                if let Some(to) = match &caseworker {
                    Some(id) => case_store::staff_contact(&mut tx, id).await?,
                    None => None,
                } {
                    crate::outbox::enqueue_email(
                        &mut tx, now, to.id, &to.email, &subject, &body, None,
                    )
                    .await?;
                }
            }
            RuleAction::AlertOverdue { due, date } => {
                let mut to = store::admins(&mut tx).await?;
                if let Some(id) = &caseworker {
                    if let Some(worker) = case_store::staff_contact(&mut tx, id).await? {
                        if !to.iter().any(|a| a.id == worker.id) {
                            to.insert(0, worker);
                        }
                    }
                }
                let (subject, body) = notices::overdue(&case.reference, *due, *date);
                for someone in to {
                    crate::outbox::enqueue_email(
                        &mut tx,
                        now,
                        someone.id,
                        &someone.email,
                        &subject,
                        &body,
                        None,
                    )
                    .await?;
                }
            }
            RuleAction::AttemptSurvey => {
                let (subject, body) = cases::notices::survey(&case.reference, trigger.trigger_on);
                cases::tell_resident(&mut tx, &case, now, &subject, &body).await?;
            }
        }
        // Its event, if it recorded one, has rescheduled the case already;
        // a message changed nothing but the claims.
        if trigger.event().is_none() {
            cases::reschedule_rules(state, &mut tx, &case, &replayed, today).await?;
        }
        tx.commit().await?;
        return Ok(Some(Acted {
            case: case.public_id,
            rule: trigger.rule.name(),
            key,
            due_on: trigger.acts_on,
            acted_on: today,
        }));
    }
    // Nothing due after all (a reminder's last day passed while the server
    // was down): look again on the next day a rule will act.
    cases::reschedule_rules(state, &mut tx, &case, &replayed, today).await?;
    tx.commit().await?;
    Ok(None)
}
