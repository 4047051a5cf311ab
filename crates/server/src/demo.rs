//! `--demo`: accounts and cases in every stage, for trying the portal.
//!
//! The cases are made with the API's own code ([`cases::check_new_case`],
//! [`cases::create`], [`cases::record_event`]) under the policy the server runs,
//! back-dated in working days from the server's today, so they are always
//! valid and always current. Seeding twice changes nothing: it is skipped when
//! the demo resident exists.

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use domain::api::account::{Registration, Role};
use domain::api::cases::NewCase;
use domain::calendar::Calendar;
use domain::case::{
    view, Actor, ActorKind, CaseKind, ClosedWhy, Event, EventRecord, Outcome, Remedy, RemedyKind,
};
use domain::policy::Policy;

use crate::accounts::{self, create_account, validate_account};
use crate::cases::{self, Filing};
use crate::error::ApiError;
use crate::AppState;

/// Every demo account's password.
pub const PASSWORD: &str = "demo-password-1";
pub const RESIDENT_EMAIL: &str = "resident@example.com";

/// The demo staff's and admin's authenticator key (base32, 20 bytes), which
/// any authenticator app takes typed in: published, like the password, so a
/// demo can be tried and the e2e suite can sign staff in (it computes codes
/// from it). Demo deployments are refused off loopback
/// (`Config::check_deployment`), so this key never guards real data.
pub const TOTP_SECRET: &str = "PUTITRIGHTDEMOTOTPSECRETFORDEMOS";

/// A member of staff outside the complaints team (a repairs manager asked
/// to look into a complaint): they see a confidential complaint without the
/// resident's identity. Every other demo staff account is in the team.
pub const OUTSIDE_TEAM_EMAIL: &str = "repairs@example.com";

/// The demo accounts: role, name, email.
pub const ACCOUNTS: [(Role, &str, &str); 5] = [
    (Role::Resident, "Riya Resident", RESIDENT_EMAIL),
    (Role::Staff, "Sam Caseworker", "caseworker@example.com"),
    (Role::Admin, "Avery Admin", "admin@example.com"),
    (Role::Advocate, "Alex Advocate", "advocate@example.com"),
    (Role::Staff, "Robin Repairs", OUTSIDE_TEAM_EMAIL),
];

/// Seeds the demo (once) and prints how to sign in.
pub async fn seed(state: &AppState) -> Result<(), String> {
    let exists = {
        let mut conn = state.db.acquire().await.map_err(|e| e.to_string())?;
        accounts::store::id_by_email(&mut conn, RESIDENT_EMAIL)
            .await
            .map_err(|e| e.to_string())?
            .is_some()
    };
    if !exists {
        let mut ids = Vec::new();
        for (role, name, email) in ACCOUNTS {
            let id = account(state, role, name, email).await.map_err(describe)?;
            if role.is_staff() {
                demo_second_factor(state, id).await?;
            }
            ids.push(id);
        }
        let staff_public_id = {
            let mut conn = state.db.acquire().await.map_err(|e| e.to_string())?;
            cases::store::public_id_of(&mut conn, ids[1])
                .await
                .map_err(|e| e.to_string())?
        };
        let people = People {
            resident: (ids[0], ACCOUNTS[0].1),
            staff: (ids[1], ACCOUNTS[1].1),
            staff_public_id,
        };
        for script in scripts(&state.policy.effective()) {
            play(state, &people, &script).await.map_err(describe)?;
        }
    }
    println!("Demo: open http://{}", state.config.addr());
    for (role, name, email) in ACCOUNTS {
        let outside = if email == OUTSIDE_TEAM_EMAIL {
            ", outside the complaints team"
        } else {
            ""
        };
        println!("Sign in as {name} ({role}{outside}): {email} / {PASSWORD}");
    }
    println!(
        "Staff and admins then give a code from an authenticator app: add the demo key \
         {TOTP_SECRET} to one (or see README.md)"
    );
    Ok(())
}

/// Gives a demo staff or admin account the published key, set up.
async fn demo_second_factor(state: &AppState, user_id: i64) -> Result<(), String> {
    let secret = crate::auth::second_factor::totp::base32_decode(TOTP_SECRET)
        .ok_or("the demo key is not base32")?;
    let now = state.clock.now();
    let mut conn = state.db.acquire().await.map_err(|e| e.to_string())?;
    use crate::auth::second_factor::store;
    store::save_key(&mut conn, &state.secrets, user_id, &secret, now)
        .await
        .map_err(|e| e.to_string())?;
    // Confirmed, with no step used yet (step 0 is 1970).
    store::accept_step(&mut conn, user_id, 0, now)
        .await
        .map_err(|e| e.to_string())?;
    Ok(())
}

pub(crate) fn describe(error: ApiError) -> String {
    match error {
        ApiError::Internal(cause) => cause.to_string(),
        ApiError::Unprocessable(errors) | ApiError::Conflict(errors) => errors
            .iter()
            .map(|e| format!("{}: {}", e.field, e.message))
            .collect::<Vec<_>>()
            .join("; "),
        other => other.to_string(),
    }
}

/// The id of the account with this email, made if need be.
async fn account(state: &AppState, role: Role, name: &str, email: &str) -> Result<i64, ApiError> {
    let existing = {
        let mut conn = state.db.acquire().await?;
        accounts::store::id_by_email(&mut conn, email).await?
    };
    if let Some(id) = existing {
        return Ok(id);
    }
    let valid = validate_account(
        Registration {
            name: name.to_owned(),
            email: email.to_owned(),
            password: PASSWORD.to_owned(),
            role,
        },
        true,
    )?;
    Ok(create_account(state, valid, email != OUTSIDE_TEAM_EMAIL)
        .await?
        .id)
}

struct People {
    resident: (i64, &'static str),
    staff: (i64, &'static str),
    staff_public_id: Option<String>,
}

/// Who takes a step.
#[derive(Clone, Copy)]
enum By {
    Resident,
    Staff,
}

/// One step of a demo case, some working days ago.
enum Step {
    Event(Event),
    /// Extend the current response date by this many working days.
    ExtendBy(u32, &'static str),
    /// Respond by post, upheld, with compensation and these actions: what, who, and
    /// the working days after today each is due (before today when negative).
    RespondWithActions(&'static str, Vec<(&'static str, &'static str, i32)>),
}

struct Script {
    kind: CaseKind,
    category: &'static str,
    details: &'static str,
    outcome: &'static str,
    /// Working days ago it was received.
    received: u32,
    /// The problem started two years before: out of any policy's time
    /// limit, and sent anyway, so the complaint waits for a decision.
    out_of_time: bool,
    /// Only the complaints team may know who raised it.
    in_confidence: bool,
    steps: Vec<(u32, By, Step)>,
}

fn staff(days_ago: u32, event: Event) -> (u32, By, Step) {
    (days_ago, By::Staff, Step::Event(event))
}

fn resident(days_ago: u32, event: Event) -> (u32, By, Step) {
    (days_ago, By::Resident, Step::Event(event))
}

/// An acknowledgement with the complaint definition (Code 5.6).
pub(crate) fn defined(about: &str, outcome_sought: &str) -> Event {
    Event::Acknowledged {
        definition: Some(domain::case::ComplaintDefinition {
            about: about.to_owned(),
            outcome_sought: outcome_sought.to_owned(),
        }),
    }
}

pub(crate) fn responded(outcome: Outcome, reasons: &str) -> Event {
    Event::Responded {
        outcome: Some(outcome),
        reasons: reasons.to_owned(),
        remedies: vec![Remedy {
            kind: RemedyKind::Apology,
            description: "We apologise for the delay and the distress it caused.".to_owned(),
            amount_pence: None,
            money: None,
            settlement: None,
        }],
        outstanding_actions: Vec::new(),
        sent_by: None,
        root_causes: Vec::new(),
        lessons: None,
    }
}

fn complaint(
    category: &'static str,
    details: &'static str,
    received: u32,
    steps: Vec<(u32, By, Step)>,
) -> Script {
    Script {
        kind: CaseKind::Complaint,
        category,
        details,
        outcome: "Put it right and tell me what will happen next.",
        received,
        out_of_time: false,
        in_confidence: false,
        steps,
    }
}

/// A complaint about a problem from two years before it was received.
fn late_complaint(
    category: &'static str,
    details: &'static str,
    received: u32,
    steps: Vec<(u32, By, Step)>,
) -> Script {
    Script {
        out_of_time: true,
        ..complaint(category, details, received, steps)
    }
}

/// A case in each stage. The wording avoids the policies' screening words.
fn scripts(_policy: &Policy) -> Vec<Script> {
    let assigned = || Event::Assigned {
        caseworker: "Sam Caseworker".to_owned(),
        caseworker_id: None,
    };
    vec![
        complaint(
            "repairs",
            "Nobody came to the appointment on Tuesday to look at the damp in my bedroom, and nobody called to say why.",
            1,
            vec![],
        ),
        complaint(
            "communication",
            "I have written three times about my rent statement and have had no answer.",
            6,
            vec![
                staff(4, defined(
                    "You wrote to us three times about your rent statement and we did not answer.",
                    "A reply to your letters, a correct rent statement, and an apology for the delay.",
                )),
                staff(4, assigned()),
            ],
        ),
        complaint(
            "repairs",
            "The mould in the bathroom has come back twice since it was treated.",
            14,
            vec![
                staff(13, Event::acknowledged()),
                staff(13, assigned()),
                (2, By::Staff, Step::ExtendBy(5, "We are waiting for the surveyor's report on the ventilation.")),
            ],
        ),
        complaint(
            "communication",
            "I asked for a copy of my tenancy agreement in large print three weeks ago and have not had it.",
            25,
            vec![staff(22, Event::acknowledged())],
        ),
        complaint(
            "communication",
            "Letters about my tenancy keep going to my old address although I told you I moved.",
            8,
            vec![
                staff(7, Event::acknowledged()),
                staff(3, Event::InformationRequested {
                    what: "The date you told us about your new address, and who you spoke to.".to_owned(),
                }),
            ],
        ),
        complaint(
            "repairs",
            "The communal door entry system has been out of order for a month.",
            16,
            vec![
                staff(15, defined(
                    "The door entry system for your block has not worked for a month.",
                    "The door entry system repaired.",
                )),
                resident(14, Event::DefinitionQueried {
                    text: "It is also that the contractor did not come to two appointments, and I want to know why.".to_owned(),
                }),
                staff(2, responded(Outcome::PartlyUpheld, "The contractor missed two visits. A new panel was ordered and will be fitted by the end of the month.")),
            ],
        ),
        complaint(
            "rent_and_charges",
            "I was charged for a service that has not been provided on my estate this year.",
            30,
            vec![
                staff(28, Event::acknowledged()),
                staff(12, responded(Outcome::NotUpheld, "The charge covers grounds maintenance, which was done on the dates in the enclosed schedule.")),
                resident(4, Event::EscalationRequested { reason: None }),
                staff(3, Event::acknowledged()),
            ],
        ),
        complaint(
            "neighbourhood",
            "The shared garden has not been cut since the spring and is overgrown.",
            60,
            vec![
                staff(58, Event::acknowledged()),
                staff(45, responded(Outcome::Upheld, "The garden was left out of the contract by mistake. It was cut on the day of this letter and is now on the schedule.")),
                resident(44, Event::SatisfactionRecorded { satisfied: true, comment: Some("Thank you, it looks much better.".to_owned()) }),
                staff(43, Event::Closed { why: ClosedWhy::Resolved }),
            ],
        ),
        complaint(
            "lettings",
            "I was not told about the viewing of the flat I was offered.",
            15,
            vec![
                staff(14, Event::acknowledged()),
                resident(5, Event::Withdrawn { reason: Some("It has been sorted out.".to_owned()) }),
            ],
        ),
        Script {
            kind: CaseKind::Compliment,
            category: "",
            details: "The caretaker, Joe, helped me carry my shopping upstairs every day while the lift was out. Thank you.",
            outcome: "",
            received: 3,
            out_of_time: false,
            in_confidence: false,
            steps: vec![staff(2, Event::acknowledged())],
        },
        Script {
            kind: CaseKind::Comment,
            category: "",
            details: "It would help if the newsletter came in large print too.",
            outcome: "",
            received: 1,
            out_of_time: false,
            in_confidence: false,
            steps: vec![],
        },
        // Promises kept to the end (issue 16, item 4): one action done, one
        // late, one still to come.
        complaint(
            "repairs",
            "We had no heating or hot water for three weeks in January and had to buy electric heaters.",
            22,
            vec![
                staff(21, Event::acknowledged()),
                staff(20, assigned()),
                (12, By::Staff, Step::RespondWithActions(
                    "The repair should have been done within 24 hours. The part was ordered late and nobody kept you informed.",
                    vec![
                        ("Fit a new heating system", "Heating team", -6),
                        ("Pay the compensation into your bank account", "Income team", -2),
                        ("Check the new heating after a month", "Heating team", 10),
                    ],
                )),
                staff(7, Event::ActionDone { action: 1 }),
            ],
        ),
        // Taking a complaint on, or not (issue 16): one waiting for the
        // decision, one taken on, one not.
        late_complaint(
            "repairs",
            "The damp in my son's bedroom was never looked at when we reported it two years ago, and his asthma got worse.",
            2,
            vec![staff(1, Event::acknowledged())],
        ),
        late_complaint(
            "communication",
            "Nobody answered my letters about the fence two years ago.",
            12,
            vec![
                staff(11, Event::Accepted {
                    reason: "The resident was in hospital for most of the time since.".to_owned(),
                    exception: None,
                }),
                staff(11, Event::acknowledged()),
                staff(10, assigned()),
            ],
        ),
        late_complaint(
            "neighbourhood",
            "The bins were collected late for a few weeks two years ago.",
            10,
            vec![staff(8, Event::Declined {
                reasons: "The late collections were in the summer two years ago, were put right at the time, and nothing stopped you telling us then.".to_owned(),
            })],
        ),
        // Confidential (issue 16, item 7): Robin Repairs (outside the complaints team) sees it
        // without Riya's name.
        Script {
            in_confidence: true,
            ..complaint(
                "neighbourhood",
                "The people next door run a car repair business from their drive and the noise goes on late into the evening. I do not want them to know I complained.",
                3,
                vec![
                    staff(2, defined(
                        "Noise from a car repair business run from a neighbouring home, late into the evening.",
                        "The noise stopped in the evenings, without your neighbours learning who complained.",
                    )),
                    staff(2, assigned()),
                ],
            )
        },
    ]
}

/// The date `n` working days before `day` (`day` itself for 0).
fn working_days_before(calendar: &Calendar, day: NaiveDate, n: u32) -> NaiveDate {
    let mut date = day;
    let mut counted = 0;
    while counted < n {
        match date.pred_opt() {
            Some(previous) => date = previous,
            None => break,
        }
        if calendar.is_working_day(date) {
            counted += 1;
        }
    }
    date
}

/// Ten in the morning (UTC) of a day, but never later than now.
pub(crate) fn moment(day: NaiveDate, now: DateTime<Utc>) -> DateTime<Utc> {
    day.and_hms_opt(10, 0, 0)
        .map(|t| Utc.from_utc_datetime(&t))
        .map_or(now, |t| t.min(now))
}

fn category_for(policy: &Policy, wanted: &str) -> Option<String> {
    if policy.categories.iter().any(|c| c.id == wanted) {
        Some(wanted.to_owned())
    } else {
        policy
            .categories
            .iter()
            .find(|c| c.id == "other")
            .or(policy.categories.first())
            .map(|c| c.id.clone())
            .or(Some("other".to_owned()))
    }
}

/// Makes one demo case and plays its steps. A step the policy does not allow
/// stops that case where it is (with a note), so the demo runs on any policy.
async fn play(state: &AppState, people: &People, script: &Script) -> Result<(), ApiError> {
    let today = state.clock.today();
    let now = state.clock.now();
    let received_on = working_days_before(&state.calendar, today, script.received);
    let is_complaint = script.kind == CaseKind::Complaint;
    let new = NewCase {
        kind: script.kind,
        category: if is_complaint {
            category_for(&state.policy, script.category)
        } else {
            None
        },
        details: script.details.to_owned(),
        started_on: is_complaint.then(|| {
            if script.out_of_time {
                received_on - chrono::Months::new(24)
            } else {
                received_on
            }
        }),
        desired_outcome: is_complaint.then(|| script.outcome.to_owned()),
        contact_channel: None,
        contact_phone: None,
        in_confidence: script.in_confidence,
        attachments: Vec::new(),
        insist: true,
        time_limit_reason: None,
        on_behalf_of: None,
    };
    let (resident_id, resident_name) = people.resident;
    let (staff_id, staff_name) = people.staff;
    let actor = |kind, name: &str| Actor {
        kind,
        name: Some(name.to_owned()),
        id: None,
    };
    let filing = Filing {
        resident_id: Some(resident_id),
        filed_by_id: resident_id,
        authorisation_id: None,
        actor: actor(ActorKind::Resident, resident_name),
        received_by: None,
        someone: None,
    };
    let checked = match cases::check_new_case(&state.policy, &new, received_on) {
        Ok(checked) => checked,
        Err(ApiError::Unprocessable(errors)) => {
            let why = errors.first().map(|e| e.message.as_str()).unwrap_or("");
            println!("Demo: a case is left out under this policy: {why}");
            return Ok(());
        }
        Err(other) => return Err(other),
    };
    let mut tx = crate::db::begin_write(&state.db).await?;
    let case = cases::create(
        state,
        &mut tx,
        &filing,
        &new,
        &checked,
        received_on,
        moment(received_on, now),
    )
    .await?;
    for (days_ago, by, step) in &script.steps {
        let on = working_days_before(&state.calendar, today, *days_ago);
        let event = match step {
            // The demo's caseworker, by their account.
            Step::Event(Event::Assigned { caseworker, .. }) => Event::Assigned {
                caseworker: caseworker.clone(),
                caseworker_id: people.staff_public_id.clone(),
            },
            Step::Event(event) => event.clone(),
            Step::RespondWithActions(reasons, actions) => {
                let mut outstanding_actions = Vec::new();
                for (description, owner, due) in actions {
                    let due = if *due < 0 {
                        working_days_before(&state.calendar, today, due.unsigned_abs())
                    } else {
                        match state.calendar.add_working_days(today, due.unsigned_abs()) {
                            Ok(w) => w.date,
                            Err(_) => break,
                        }
                    };
                    outstanding_actions.push(domain::case::OutstandingAction {
                        description: (*description).to_owned(),
                        owner: (*owner).to_owned(),
                        due: due.max(on),
                    });
                }
                Event::Responded {
                    outcome: Some(Outcome::Upheld),
                    reasons: (*reasons).to_owned(),
                    remedies: vec![
                        Remedy {
                            kind: RemedyKind::Apology,
                            description: "We are sorry for the weeks you were without heating."
                                .to_owned(),
                            amount_pence: None,
                            money: None,
                            settlement: None,
                        },
                        Remedy {
                            kind: RemedyKind::Financial,
                            description:
                                "For the weeks without heating and the cost of running heaters"
                                    .to_owned(),
                            amount_pence: Some(12_500),
                            money: Some(domain::case::Money::Compensation),
                            settlement: None,
                        },
                    ],
                    outstanding_actions,
                    // Posted: it counts as received the policy's posting days later.
                    sent_by: Some(domain::case::SentBy::Post),
                    root_causes: vec!["delay".to_owned(), "communication".to_owned()],
                    lessons: Some(
                        "Order the part when the repair is booked, and tell the resident the date it will come."
                            .to_owned(),
                    ),
                }
            }
            Step::ExtendBy(days, reason) => {
                let replayed = cases::replay_case(state, &mut tx, &case).await?;
                let current = view(&replayed.state, &replayed.policy, &state.calendar, on);
                let Some(due) = current.due_dates.iter().find(|d| {
                    matches!(d.key, domain::case::DueKey::Respond { .. }) && d.met.is_none()
                }) else {
                    break;
                };
                let Ok(new_date) = state.calendar.add_working_days(due.date, *days) else {
                    break;
                };
                Event::Extended {
                    reason: (*reason).to_owned(),
                    new_date: new_date.date,
                    agreed_with_resident: false,
                    good_reason: None,
                }
            }
        };
        let (actor_id, who) = match by {
            By::Resident => (resident_id, actor(ActorKind::Resident, resident_name)),
            By::Staff => (staff_id, actor(ActorKind::Staff, staff_name)),
        };
        let record = EventRecord {
            at: moment(on, now),
            actor: who,
            on: Some(on),
            event,
        };
        match cases::record_event(state, &mut tx, &case, Some(actor_id), record).await {
            Ok(_) => {}
            Err(ApiError::Conflict(errors)) => {
                let why = errors.first().map(|e| e.message.as_str()).unwrap_or("");
                println!(
                    "Demo case {} stops here under this policy: {why}",
                    case.reference
                );
                break;
            }
            Err(other) => return Err(other),
        }
    }
    tx.commit().await?;
    Ok(())
}
