//! `server seed-bench --cases N --residents M` (hidden): a database the size
//! of a large landlord's, for the growth benchmarks (`scripts/bench`).
//!
//! Everything is written by the server's own code, as the API writes it:
//! residents by [`accounts::store::insert_proved`], cases by
//! [`cases::create`] and their histories by [`cases::record_event`] (so every
//! table and projection the server keeps is filled as in life), and the
//! messages each case sends marked sent as the outbox's sender marks them.
//! Many cases share one write transaction, for speed.
//!
//! The mix: complaints (most), compliments and comments, received on working
//! days over the last two years of the server's clock, by residents chosen at
//! random; a complaint's history depends on its age, as in life: the recent
//! ones new, acknowledged, asked for information, answered or at stage 2,
//! the older ones mostly closed (at stage 1 or 2) or withdrawn; 1 to 8
//! events each. The demo's accounts are made first, so the demo caseworker
//! (with the demo authenticator key) can sign in to the queue; every seeded
//! resident (`resident-N@bench.example`) has the demo password. Nothing is
//! random between runs: the same arguments make the same cases.

use chrono::{DateTime, NaiveDate, Utc};
use domain::api::account::Role;
use domain::api::cases::NewCase;
use domain::case::{Actor, ActorKind, CaseKind, ClosedWhy, Event, EventRecord, Outcome};

use crate::accounts;
use crate::cases::{self, Filing};
use crate::demo::{defined, describe, moment, responded};
use crate::error::ApiError;
use crate::AppState;

/// Cases in one write transaction.
const BATCH: usize = 500;

/// Residents' accounts in one write transaction.
const RESIDENT_BATCH: usize = 5_000;

/// Working days back from today that cases are received over (two years).
const SPAN: usize = 506;

/// The seeded residents' addresses: `resident-1@bench.example`, …
pub fn resident_email(n: usize) -> String {
    format!("resident-{n}@bench.example")
}

/// A small deterministic generator (SplitMix64): the same database each run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n`.
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

#[derive(Clone, Copy)]
enum By {
    Resident,
    Staff,
}

/// A complaint's history: (working days after receipt, who, what), with the
/// weight it is chosen by and the oldest a case may be to stop there.
struct History {
    weight: usize,
    max_age: usize,
    steps: fn() -> Vec<(usize, By, Event)>,
}

fn assigned() -> Event {
    Event::Assigned {
        caseworker: "Sam Caseworker".to_owned(),
        caseworker_id: None,
    }
}

const HISTORIES: [History; 9] = [
    // New: not yet acknowledged.
    History {
        weight: 2,
        max_age: 4,
        steps: Vec::new,
    },
    History {
        weight: 3,
        max_age: 20,
        steps: || vec![(1, By::Staff, Event::acknowledged())],
    },
    History {
        weight: 3,
        max_age: 25,
        steps: || {
            vec![
                (
                    2,
                    By::Staff,
                    defined(
                        "The repair to your kitchen ceiling was not finished.",
                        "The repair finished and an apology.",
                    ),
                ),
                (2, By::Staff, assigned()),
            ]
        },
    },
    History {
        weight: 2,
        max_age: 25,
        steps: || {
            vec![
                (1, By::Staff, Event::acknowledged()),
                (
                    4,
                    By::Staff,
                    Event::InformationRequested {
                        what: "The dates the contractor was due to visit.".to_owned(),
                    },
                ),
            ]
        },
    },
    // Answered at stage 1, not yet closed.
    History {
        weight: 4,
        max_age: 40,
        steps: || {
            vec![
                (1, By::Staff, Event::acknowledged()),
                (2, By::Staff, assigned()),
                (
                    9,
                    By::Staff,
                    responded(
                        Outcome::PartlyUpheld,
                        "The contractor missed a visit; a new date is booked.",
                    ),
                ),
            ]
        },
    },
    // At stage 2.
    History {
        weight: 3,
        max_age: 60,
        steps: || {
            vec![
                (1, By::Staff, Event::acknowledged()),
                (
                    9,
                    By::Staff,
                    responded(
                        Outcome::NotUpheld,
                        "The charge covers work done on the dates in the schedule.",
                    ),
                ),
                (
                    14,
                    By::Resident,
                    Event::EscalationRequested { reason: None },
                ),
                (15, By::Staff, Event::acknowledged()),
            ]
        },
    },
    // Closed at stage 1.
    History {
        weight: 60,
        max_age: usize::MAX,
        steps: || {
            vec![
                (1, By::Staff, Event::acknowledged()),
                (2, By::Staff, assigned()),
                (
                    9,
                    By::Staff,
                    responded(
                        Outcome::Upheld,
                        "The work was left out of the contract by mistake and is now done.",
                    ),
                ),
                (
                    10,
                    By::Resident,
                    Event::SatisfactionRecorded {
                        satisfied: true,
                        comment: None,
                    },
                ),
                (
                    11,
                    By::Staff,
                    Event::Closed {
                        why: ClosedWhy::Resolved,
                    },
                ),
            ]
        },
    },
    // Closed at stage 2: eight events with the first.
    History {
        weight: 15,
        max_age: usize::MAX,
        steps: || {
            vec![
                (1, By::Staff, Event::acknowledged()),
                (2, By::Staff, assigned()),
                (
                    9,
                    By::Staff,
                    responded(
                        Outcome::NotUpheld,
                        "The delay was caused by the supplier, not by us.",
                    ),
                ),
                (
                    12,
                    By::Resident,
                    Event::EscalationRequested { reason: None },
                ),
                (13, By::Staff, Event::acknowledged()),
                (
                    30,
                    By::Staff,
                    responded(
                        Outcome::PartlyUpheld,
                        "We should have told you about the supplier's delay sooner.",
                    ),
                ),
                (
                    32,
                    By::Staff,
                    Event::Closed {
                        why: ClosedWhy::Resolved,
                    },
                ),
            ]
        },
    },
    History {
        weight: 8,
        max_age: usize::MAX,
        steps: || {
            vec![
                (1, By::Staff, Event::acknowledged()),
                (
                    4,
                    By::Resident,
                    Event::Withdrawn {
                        reason: Some("It has been sorted out.".to_owned()),
                    },
                ),
            ]
        },
    },
];

const DETAILS: [&str; 4] = [
    "Nobody came to the appointment to look at the damp in my bedroom, and nobody called to say why.",
    "I have written three times about my rent statement and have had no answer.",
    "The communal door entry system has been out of order for a month.",
    "The shared garden has not been cut since the spring and is overgrown.",
];

/// Seeds `residents` residents (if not there yet) and `cases` more cases.
pub async fn run(state: &AppState, cases: usize, residents: usize) -> Result<(), String> {
    crate::demo::seed(state).await?;
    let started = std::time::Instant::now();
    let (staff_id, staff_public_id) = {
        let mut conn = state.db.acquire().await.map_err(|e| e.to_string())?;
        let id = accounts::store::id_by_email(&mut conn, "caseworker@example.com")
            .await
            .map_err(|e| e.to_string())?
            .ok_or("no demo caseworker")?;
        let public_id = cases::store::public_id_of(&mut conn, id)
            .await
            .map_err(|e| e.to_string())?;
        (id, public_id)
    };
    let resident_ids = seed_residents(state, residents).await?;
    println!(
        "{} residents in {:.0} s",
        resident_ids.len(),
        started.elapsed().as_secs_f64()
    );

    let today = state.clock.today();
    let now = state.clock.now();
    // The working days cases are received on, oldest first; today last.
    let mut days = Vec::with_capacity(SPAN + 1);
    let mut day = today;
    while days.len() <= SPAN {
        if state.calendar.is_working_day(day) || day == today {
            days.push(day);
        }
        day = day.pred_opt().ok_or("the calendar ran out")?;
    }
    days.reverse();
    let categories: Vec<String> = state
        .policy
        .effective()
        .categories
        .iter()
        .map(|c| c.id.clone())
        .collect();
    let mut rng = Rng(0x5049_5220_6265_6e63 ^ cases as u64);
    let staff_actor = Actor {
        kind: ActorKind::Staff,
        name: Some("Sam Caseworker".to_owned()),
        id: None,
    };
    let mut made = 0;
    let mut stopped = 0;
    let mut events = 0;
    let mut outbox_seen = 0;
    let seeding = std::time::Instant::now();
    while made < cases {
        let mut tx = crate::db::begin_write(&state.db)
            .await
            .map_err(|e| e.to_string())?;
        let in_batch = BATCH.min(cases - made);
        // Received in date order, as in life: spread over the span.
        for k in 0..in_batch {
            let n = made + k;
            let received_index = (n * SPAN) / cases.max(1);
            let age = SPAN - received_index;
            let received_on = days[received_index];
            let resident = rng.below(resident_ids.len());
            let (resident_id, resident_name) = (
                resident_ids[resident],
                format!("Bench Resident {}", resident + 1),
            );
            let kind = match rng.below(100) {
                0..=6 => CaseKind::Compliment,
                7..=11 => CaseKind::Comment,
                _ => CaseKind::Complaint,
            };
            let is_complaint = kind == CaseKind::Complaint;
            let new = NewCase {
                kind,
                category: is_complaint.then(|| categories[rng.below(categories.len())].clone()),
                details: DETAILS[rng.below(DETAILS.len())].to_owned(),
                started_on: is_complaint
                    .then(|| received_on - chrono::Days::new(rng.below(60) as u64)),
                desired_outcome: is_complaint
                    .then(|| "Put it right and tell me what will happen next.".to_owned()),
                contact_channel: None,
                contact_phone: None,
                in_confidence: is_complaint && rng.below(50) == 0,
                attachments: Vec::new(),
                insist: true,
                time_limit_reason: None,
                on_behalf_of: None,
            };
            let resident_actor = Actor {
                kind: ActorKind::Resident,
                name: Some(resident_name),
                id: None,
            };
            let filing = Filing {
                resident_id: Some(resident_id),
                filed_by_id: resident_id,
                authorisation_id: None,
                actor: resident_actor.clone(),
                received_by: None,
                someone: None,
            };
            let checked =
                cases::check_new_case(&state.policy, &new, received_on).map_err(describe)?;
            let case = cases::create(
                state,
                &mut tx,
                &filing,
                &new,
                &checked,
                received_on,
                at(received_on, 9 * 60 + rng.below(8 * 60), now),
            )
            .await
            .map_err(describe)?;
            let steps = if is_complaint {
                choose(&mut rng, age)
            } else if rng.below(2) == 0 && age > 1 {
                vec![(1, By::Staff, Event::acknowledged())]
            } else {
                Vec::new()
            };
            for (after, by, event) in steps {
                let on = days[(received_index + after).min(SPAN)];
                let event = match event {
                    Event::Assigned { caseworker, .. } => Event::Assigned {
                        caseworker,
                        caseworker_id: staff_public_id.clone(),
                    },
                    other => other,
                };
                let (actor_id, actor) = match by {
                    By::Resident => (resident_id, resident_actor.clone()),
                    By::Staff => (staff_id, staff_actor.clone()),
                };
                let record = EventRecord {
                    at: at(on, 9 * 60 + rng.below(8 * 60), now),
                    actor,
                    on: Some(on),
                    event,
                };
                match cases::record_event(state, &mut tx, &case, Some(actor_id), record).await {
                    Ok(_) => events += 1,
                    // The policy does not allow this step: the case stays where it is.
                    Err(ApiError::Conflict(_)) => {
                        stopped += 1;
                        break;
                    }
                    Err(other) => return Err(describe(other)),
                }
            }
            events += 1;
        }
        // The sender would have sent each message within a minute.
        for (id, created_at) in crate::outbox::store::unsent_after(&mut tx, outbox_seen)
            .await
            .map_err(|e| e.to_string())?
        {
            let sent = DateTime::parse_from_rfc3339(&created_at)
                .map(|t| t.with_timezone(&Utc) + chrono::Duration::minutes(1))
                .unwrap_or(now)
                .min(now);
            crate::outbox::store::mark_sent(&mut tx, id, sent, "notify", None)
                .await
                .map_err(|e| e.to_string())?;
            outbox_seen = id;
        }
        tx.commit().await.map_err(|e| e.to_string())?;
        made += in_batch;
        if made % 10_000 < BATCH || made == cases {
            println!(
                "{made} cases, {events} events ({stopped} histories stopped early by the policy), {:.0} cases/s",
                made as f64 / seeding.elapsed().as_secs_f64()
            );
        }
    }
    Ok(())
}

/// A complaint's history for a case received `age` working days ago.
fn choose(rng: &mut Rng, age: usize) -> Vec<(usize, By, Event)> {
    let fits = |h: &&History| {
        let steps = (h.steps)();
        age <= h.max_age && steps.last().is_none_or(|(after, _, _)| *after <= age)
    };
    let total: usize = HISTORIES.iter().filter(fits).map(|h| h.weight).sum();
    let mut pick = rng.below(total);
    for history in HISTORIES.iter().filter(fits) {
        if pick < history.weight {
            return (history.steps)();
        }
        pick -= history.weight;
    }
    Vec::new()
}

/// `minutes` after midnight (UTC) on `day`, but never later than now.
fn at(day: NaiveDate, minutes: usize, now: DateTime<Utc>) -> DateTime<Utc> {
    let start = moment(day, now) - chrono::Duration::hours(10);
    (start + chrono::Duration::minutes(minutes as i64)).min(now)
}

/// The seeded residents' ids, `resident-1` first, made if need be.
async fn seed_residents(state: &AppState, residents: usize) -> Result<Vec<i64>, String> {
    let password_hash =
        crate::password::hash_password(&state.hashing, crate::demo::PASSWORD.to_owned())
            .await
            .map_err(describe)?;
    let now = state.clock.now();
    let mut ids = Vec::with_capacity(residents);
    while ids.len() < residents {
        let mut tx = crate::db::begin_write(&state.db)
            .await
            .map_err(|e| e.to_string())?;
        let until = (ids.len() + RESIDENT_BATCH).min(residents);
        for n in ids.len() + 1..=until {
            let email = resident_email(n);
            let id = match accounts::store::id_by_email(&mut tx, &email)
                .await
                .map_err(|e| e.to_string())?
            {
                Some(id) => id,
                None => accounts::store::insert_proved(
                    &mut tx,
                    &accounts::store::NewAccount {
                        public_id: &crate::ids::new_public_id(),
                        email: &email,
                        name: &format!("Bench Resident {n}"),
                        role: Role::Resident,
                        password_hash: &password_hash,
                        at: now,
                        complaints_team: false,
                    },
                )
                .await
                .map_err(|e| e.to_string())?,
            };
            ids.push(id);
        }
        tx.commit().await.map_err(|e| e.to_string())?;
    }
    Ok(ids)
}
