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
//! the older ones mostly closed (at stage 1 or 2) or withdrawn; 1 to 9
//! events each. Most keep the Code's timescales; some do not (acknowledged
//! or answered late, at either stage), some are extended (within the Code,
//! beyond it with or without the resident's agreement, or after the date
//! had passed), and a few go to the Ombudsman, are taken to stage 2 after
//! being reopened, or are out of the time limit and taken on or not, so that
//! `scripts/check-figures` has every figure to work out again from the
//! events. The demo's accounts are made first, so the demo caseworker
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

/// One step of a history.
enum Step {
    Event(Event),
    /// The current stage's response date moved to `to` working days after
    /// the complaint's receipt: beyond the policy's limit only with a good
    /// reason (and then, if `agreed`, with the resident's agreement too).
    Extend {
        to: usize,
        agreed: bool,
        good_reason: bool,
    },
}

/// A complaint's history: (working days after receipt, who, what), with the
/// weight it is chosen by, the oldest a case may be to stop there, and
/// whether the problem is out of the policy's time limit (so the complaint
/// waits for a decision to take it on).
struct History {
    weight: usize,
    max_age: usize,
    out_of_time: bool,
    steps: fn() -> Vec<(usize, By, Step)>,
}

impl History {
    const fn new(weight: usize, max_age: usize, steps: fn() -> Vec<(usize, By, Step)>) -> Self {
        Self {
            weight,
            max_age,
            out_of_time: false,
            steps,
        }
    }

    const fn closed(weight: usize, steps: fn() -> Vec<(usize, By, Step)>) -> Self {
        Self::new(weight, usize::MAX, steps)
    }

    const fn out_of_time(
        weight: usize,
        max_age: usize,
        steps: fn() -> Vec<(usize, By, Step)>,
    ) -> Self {
        Self {
            weight,
            max_age,
            out_of_time: true,
            steps,
        }
    }
}

fn staff(after: usize, event: Event) -> (usize, By, Step) {
    (after, By::Staff, Step::Event(event))
}

fn resident(after: usize, event: Event) -> (usize, By, Step) {
    (after, By::Resident, Step::Event(event))
}

fn acknowledge(after: usize) -> (usize, By, Step) {
    staff(after, Event::acknowledged())
}

fn assign(after: usize) -> (usize, By, Step) {
    staff(
        after,
        Event::Assigned {
            caseworker: "Sam Caseworker".to_owned(),
            caseworker_id: None,
        },
    )
}

fn respond(after: usize, outcome: Outcome) -> (usize, By, Step) {
    let reasons = match outcome {
        Outcome::Upheld => "The work was left out of the contract by mistake and is now done.",
        Outcome::PartlyUpheld => "The contractor missed a visit; a new date is booked.",
        Outcome::NotUpheld => "The charge covers work done on the dates in the schedule.",
    };
    staff(after, responded(outcome, reasons))
}

fn extend(after: usize, to: usize) -> (usize, By, Step) {
    (
        after,
        By::Staff,
        Step::Extend {
            to,
            agreed: false,
            good_reason: false,
        },
    )
}

/// An extension beyond the policy's limit, for a good reason, agreed with
/// the resident or not.
fn extend_beyond(after: usize, to: usize, agreed: bool) -> (usize, By, Step) {
    (
        after,
        By::Staff,
        Step::Extend {
            to,
            agreed,
            good_reason: true,
        },
    )
}

fn satisfaction(after: usize, satisfied: bool) -> (usize, By, Step) {
    resident(
        after,
        Event::SatisfactionRecorded {
            satisfied,
            comment: None,
        },
    )
}

fn close(after: usize) -> (usize, By, Step) {
    staff(
        after,
        Event::Closed {
            why: ClosedWhy::Resolved,
        },
    )
}

fn escalate(after: usize) -> (usize, By, Step) {
    resident(after, Event::EscalationRequested { reason: None })
}

fn withdraw(after: usize) -> (usize, By, Step) {
    resident(
        after,
        Event::Withdrawn {
            reason: Some("It has been sorted out.".to_owned()),
        },
    )
}

fn ombudsman(after: usize) -> (usize, By, Step) {
    staff(after, Event::ReferredToOmbudsman)
}

/// The histories, with the Code's timescales (acknowledge within 5 working
/// days of receipt, answer within 10 at stage 1 and 20 at stage 2 of the
/// acknowledgement, extend by at most 10 or 20) kept and broken in the
/// proportions a landlord might see, so that the figures have something to
/// count (`scripts/check-figures` works them out again from the events).
static HISTORIES: [History; 41] = [
    // New: not yet acknowledged.
    History::new(2, 4, Vec::new),
    History::new(3, 20, || vec![acknowledge(1)]),
    History::new(3, 25, || {
        vec![
            staff(
                2,
                defined(
                    "The repair to your kitchen ceiling was not finished.",
                    "The repair finished and an apology.",
                ),
            ),
            assign(2),
        ]
    }),
    History::new(2, 25, || {
        vec![
            acknowledge(1),
            staff(
                4,
                Event::InformationRequested {
                    what: "The dates the contractor was due to visit.".to_owned(),
                },
            ),
        ]
    }),
    // Acknowledged, then nothing: the answer falls overdue.
    History::new(1, 40, || vec![acknowledge(2), assign(3)]),
    // Extended within the Code, not answered yet.
    History::new(1, 30, || vec![acknowledge(1), assign(2), extend(8, 18)]),
    // Answered at stage 1, not yet closed.
    History::new(4, 40, || {
        vec![acknowledge(1), assign(2), respond(9, Outcome::PartlyUpheld)]
    }),
    // At stage 2.
    History::new(3, 60, || {
        vec![
            acknowledge(1),
            respond(9, Outcome::NotUpheld),
            escalate(14),
            acknowledge(15),
        ]
    }),
    // Closed at stage 1, on time.
    History::closed(40, || {
        vec![
            acknowledge(1),
            assign(2),
            respond(9, Outcome::Upheld),
            satisfaction(10, true),
            close(11),
        ]
    }),
    History::closed(6, || {
        vec![
            acknowledge(3),
            assign(3),
            respond(12, Outcome::NotUpheld),
            satisfaction(13, false),
            close(14),
        ]
    }),
    // Acknowledged late (working day 7): not within the Code's timescales.
    History::closed(5, || {
        vec![
            acknowledge(7),
            assign(7),
            respond(12, Outcome::NotUpheld),
            satisfaction(13, false),
            close(14),
        ]
    }),
    // Answered late: 13 working days after the acknowledgement.
    History::closed(5, || {
        vec![
            acknowledge(2),
            assign(2),
            respond(15, Outcome::PartlyUpheld),
            satisfaction(16, true),
            close(17),
        ]
    }),
    // On the last day of each timescale, and the day after: acknowledged on
    // working day 5 and answered on the 10th working day after that;
    // acknowledged on day 6; answered on the 11th working day after the
    // acknowledgement.
    History::closed(3, || {
        vec![
            acknowledge(5),
            respond(15, Outcome::PartlyUpheld),
            satisfaction(16, true),
            close(17),
        ]
    }),
    History::closed(2, || {
        vec![acknowledge(6), respond(10, Outcome::Upheld), close(12)]
    }),
    History::closed(2, || {
        vec![acknowledge(1), respond(12, Outcome::NotUpheld), close(14)]
    }),
    // Answered without an acknowledgement: the response acknowledges it, in
    // time on working day 5, late on working day 7.
    History::closed(3, || vec![respond(5, Outcome::Upheld), close(6)]),
    History::closed(2, || {
        vec![
            respond(7, Outcome::NotUpheld),
            satisfaction(8, false),
            close(9),
        ]
    }),
    // Extended within the Code before the original date (working day 11),
    // answered by the new date.
    History::closed(5, || {
        vec![
            acknowledge(1),
            assign(2),
            extend(8, 16),
            respond(15, Outcome::PartlyUpheld),
            satisfaction(16, true),
            close(17),
        ]
    }),
    // Extended on the original date to the Code's limit (working day 21),
    // answered that day; extended one day further without agreement.
    History::closed(2, || {
        vec![
            acknowledge(1),
            extend(11, 21),
            respond(21, Outcome::Upheld),
            close(22),
        ]
    }),
    History::closed(1, || {
        vec![
            acknowledge(1),
            extend_beyond(10, 22, false),
            respond(22, Outcome::NotUpheld),
            close(23),
        ]
    }),
    // Extended twice, within the Code's limit (working day 21) in all.
    History::closed(2, || {
        vec![
            acknowledge(1),
            extend(8, 14),
            extend(13, 20),
            respond(19, Outcome::Upheld),
            close(21),
        ]
    }),
    // Extended within the Code, answered after the new date.
    History::closed(2, || {
        vec![
            acknowledge(1),
            extend(9, 14),
            respond(17, Outcome::NotUpheld),
            close(19),
        ]
    }),
    // Extended beyond the Code's limit, with the resident's agreement.
    History::closed(2, || {
        vec![
            acknowledge(1),
            extend_beyond(10, 26, true),
            respond(25, Outcome::Upheld),
            satisfaction(26, true),
            close(27),
        ]
    }),
    // Extended beyond the Code's limit without the resident's agreement.
    History::closed(2, || {
        vec![
            acknowledge(1),
            extend_beyond(10, 24, false),
            respond(23, Outcome::NotUpheld),
            close(25),
        ]
    }),
    // Extended after the original date had passed.
    History::closed(2, || {
        vec![
            acknowledge(1),
            extend(12, 19),
            respond(18, Outcome::Upheld),
            close(20),
        ]
    }),
    // Closed at stage 2: eight events with the first.
    History::closed(10, || {
        vec![
            acknowledge(1),
            assign(2),
            respond(9, Outcome::NotUpheld),
            escalate(12),
            acknowledge(13),
            respond(30, Outcome::PartlyUpheld),
            close(32),
        ]
    }),
    // Stage 2 answered late (due on working day 34), the resident asked
    // about satisfaction after each stage.
    History::closed(4, || {
        vec![
            acknowledge(1),
            respond(9, Outcome::NotUpheld),
            satisfaction(10, false),
            escalate(12),
            acknowledge(14),
            respond(40, Outcome::Upheld),
            satisfaction(41, true),
            close(42),
        ]
    }),
    // Stage 2 acknowledged and answered on the last days (working days 5
    // and 20 after the request and the acknowledgement), and answered a
    // day late.
    History::closed(2, || {
        vec![
            acknowledge(1),
            respond(9, Outcome::NotUpheld),
            escalate(12),
            acknowledge(13),
            respond(34, Outcome::PartlyUpheld),
            close(35),
        ]
    }),
    History::closed(2, || {
        vec![
            acknowledge(1),
            respond(9, Outcome::NotUpheld),
            escalate(12),
            acknowledge(17),
            respond(37, Outcome::NotUpheld),
            close(38),
        ]
    }),
    // Stage 2 extended within the Code, answered by the new date.
    History::closed(3, || {
        vec![
            acknowledge(1),
            respond(9, Outcome::NotUpheld),
            escalate(12),
            acknowledge(13),
            extend(30, 45),
            respond(44, Outcome::PartlyUpheld),
            close(46),
        ]
    }),
    // Stage 2 acknowledged late, then to the Ombudsman.
    History::closed(2, || {
        vec![
            acknowledge(1),
            respond(9, Outcome::NotUpheld),
            escalate(12),
            acknowledge(19),
            respond(35, Outcome::NotUpheld),
            ombudsman(40),
        ]
    }),
    History::closed(3, || {
        vec![
            acknowledge(1),
            respond(9, Outcome::NotUpheld),
            escalate(11),
            acknowledge(12),
            respond(28, Outcome::NotUpheld),
            satisfaction(29, false),
            close(30),
            ombudsman(50),
        ]
    }),
    // Withdrawn: after the acknowledgement, before it, after an extension,
    // and at stage 2.
    History::closed(5, || vec![acknowledge(1), withdraw(4)]),
    History::closed(2, || vec![withdraw(2)]),
    History::closed(1, || vec![acknowledge(1), extend(8, 16), withdraw(12)]),
    History::closed(2, || {
        vec![
            acknowledge(1),
            respond(9, Outcome::PartlyUpheld),
            escalate(12),
            acknowledge(13),
            withdraw(20),
        ]
    }),
    // Stage 2 refused; closed, then reopened and taken to stage 2.
    History::closed(1, || {
        vec![
            acknowledge(1),
            respond(9, Outcome::NotUpheld),
            escalate(12),
            staff(
                13,
                Event::EscalationRefused {
                    reasons: "The request is about a new matter, raised as a new complaint."
                        .to_owned(),
                },
            ),
            close(15),
        ]
    }),
    History::closed(1, || {
        vec![
            acknowledge(1),
            respond(9, Outcome::Upheld),
            close(11),
            staff(
                20,
                Event::Reopened {
                    reason: "The resident says the work was not done.".to_owned(),
                },
            ),
            escalate(20),
            acknowledge(21),
            respond(38, Outcome::PartlyUpheld),
            close(40),
        ]
    }),
    // Out of the time limit: taken on, or not (and the resident went to
    // the Ombudsman about that).
    History::out_of_time(2, usize::MAX, || {
        vec![
            staff(
                1,
                Event::Accepted {
                    reason: "The resident was in hospital for most of the time since.".to_owned(),
                    exception: None,
                },
            ),
            acknowledge(1),
            respond(10, Outcome::PartlyUpheld),
            close(12),
        ]
    }),
    History::out_of_time(1, 15, Vec::new),
    History::out_of_time(2, usize::MAX, || {
        vec![
            staff(
                3,
                Event::Declined {
                    reasons: "The problem was put right at the time, two years ago.".to_owned(),
                },
            ),
            ombudsman(20),
        ]
    }),
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
            let history = is_complaint.then(|| choose(&mut rng, age));
            let out_of_time = history.is_some_and(|h| h.out_of_time);
            let new = NewCase {
                kind,
                category: is_complaint.then(|| categories[rng.below(categories.len())].clone()),
                details: DETAILS[rng.below(DETAILS.len())].to_owned(),
                started_on: is_complaint.then(|| {
                    if out_of_time {
                        received_on - chrono::Months::new(24)
                    } else {
                        received_on - chrono::Days::new(rng.below(60) as u64)
                    }
                }),
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
            let steps = match history {
                Some(history) => (history.steps)(),
                None => feedback(&mut rng, age),
            };
            for (after, by, step) in steps {
                let on = days[(received_index + after).min(SPAN)];
                let event = match step {
                    Step::Event(Event::Assigned { caseworker, .. }) => Event::Assigned {
                        caseworker,
                        caseworker_id: staff_public_id.clone(),
                    },
                    Step::Event(other) => other,
                    Step::Extend {
                        to,
                        agreed,
                        good_reason,
                    } => Event::Extended {
                        reason:
                            "The complaint is complex and needs more time to investigate properly"
                                .to_owned(),
                        new_date: state
                            .calendar
                            .add_working_days(received_on, to as u32)
                            .map_err(|e| format!("{e:?}"))?
                            .date,
                        agreed_with_resident: agreed,
                        good_reason: good_reason.then(|| {
                            "The surveyor's report on the whole block is needed first".to_owned()
                        }),
                    },
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
fn choose(rng: &mut Rng, age: usize) -> &'static History {
    let fits = |h: &&History| {
        let steps = (h.steps)();
        age <= h.max_age && steps.last().is_none_or(|(after, _, _)| *after <= age)
    };
    let total: usize = HISTORIES.iter().filter(fits).map(|h| h.weight).sum();
    let mut pick = rng.below(total);
    for history in HISTORIES.iter().filter(fits) {
        if pick < history.weight {
            return history;
        }
        pick -= history.weight;
    }
    &HISTORIES[0]
}

/// A compliment's or a comment's history: nothing yet, acknowledged, or
/// also answered and closed.
fn feedback(rng: &mut Rng, age: usize) -> Vec<(usize, By, Step)> {
    match rng.below(3) {
        1 if age > 1 => vec![acknowledge(1)],
        2 if age > 4 => vec![
            acknowledge(1),
            staff(
                3,
                Event::Responded {
                    outcome: None,
                    reasons: "Thank you: we have passed this on to the team.".to_owned(),
                    remedies: Vec::new(),
                    outstanding_actions: Vec::new(),
                    sent_by: None,
                    root_causes: Vec::new(),
                    lessons: None,
                },
            ),
            close(4),
        ],
        _ => Vec::new(),
    }
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
