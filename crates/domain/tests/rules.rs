//! The policy's clock against real dates: each rule's trigger for the seeds'
//! own rules (Pivotal §10.1(c), Pioneer §7), the resident's window and the
//! caseworker's reminders, with bank holidays; and, over random cases and
//! days, that no rule acts twice for one trigger.

mod case_support;

use std::collections::{HashMap, HashSet};

use case_support::{at, by, date, received};
use chrono::{Duration, NaiveDate};
use domain::calendar::Calendar;
use domain::case::{
    apply, due_rules, is_due_soon, next_rule_on, replay, rule_dates, rule_triggers, ActorKind,
    CaseState, ClosedWhy, DueKey, Event, EventRecord, Outcome, RuleAction, RuleDate, RuleKind,
    RuleSettings, RuleTrigger,
};
use domain::policy::Policy;
use proptest::prelude::*;

fn preset(id: &str) -> Policy {
    Policy::preset(id)
        .unwrap_or_else(|| panic!("no preset {id}"))
        .effective()
}

fn responded(on: &str) -> EventRecord {
    at(
        on,
        Event::Responded {
            outcome: Some(Outcome::NotUpheld),
            reasons: "The repair was done on time.".to_owned(),
            remedies: Vec::new(),
            outstanding_actions: Vec::new(),
            sent_by: None,
            root_causes: Vec::new(),
            lessons: None,
        },
    )
}

fn state(policy: &Policy, records: &[EventRecord]) -> CaseState {
    replay(policy, &Calendar::england_and_wales(), records).expect("the events are allowed")
}

fn triggers(policy_id: &str, records: &[EventRecord]) -> Vec<RuleTrigger> {
    let policy = preset(policy_id);
    let calendar = Calendar::england_and_wales();
    rule_triggers(
        &state(&policy, records),
        &policy,
        &calendar,
        &RuleSettings::default(),
    )
}

fn find(triggers: &[RuleTrigger], rule: RuleKind) -> Option<&RuleTrigger> {
    triggers.iter().find(|t| t.rule == rule)
}

/// Answered on Thursday 2 April 2026, the day before Good Friday.
fn pivotal_answered_before_easter() -> Vec<EventRecord> {
    vec![
        received("2026-03-19"),
        at("2026-03-20", Event::acknowledged()),
        responded("2026-04-02"),
    ]
}

#[test]
fn pivotal_closes_on_the_11th_working_day_after_the_response_over_easter() {
    // 10 working days from Thursday 2 April 2026 skip Good Friday (3 April)
    // and Easter Monday (6 April): the 10th, the last day to appeal, is
    // Monday 20 April, and the complaint closes on Tuesday 21 April.
    let all = triggers("pivotal-2021", &pivotal_answered_before_easter());
    let close = find(&all, RuleKind::NoContactClose).expect("the closing rule");
    assert_eq!(close.trigger_on, date("2026-04-02"));
    assert_eq!(close.acts_on, date("2026-04-21"));
    assert_eq!(
        close.action,
        RuleAction::Close {
            why: ClosedWhy::NoContact
        }
    );
    assert_eq!(close.key(), "no_contact_after_response");

    let closed = find(&all, RuleKind::WindowClosed).expect("the window closing");
    assert_eq!(
        closed.action,
        RuleAction::RecordWindowClosed {
            window: DueKey::NextStageWindow { stage: 1 },
            last_day: date("2026-04-20"),
        }
    );
    assert_eq!(closed.acts_on, date("2026-04-21"));
    assert_eq!(closed.key(), "window_closed:stage_1_window");

    // Two working days before Monday 20 April: Thursday 16 April.
    let reminder = find(&all, RuleKind::WindowReminder).expect("the reminder");
    assert_eq!(reminder.acts_on, date("2026-04-16"));
    assert_eq!(reminder.until, Some(date("2026-04-20")));

    // On the same day the window's closing is said before the closure.
    let due = due_rules(
        &state(&preset("pivotal-2021"), &pivotal_answered_before_easter()),
        &preset("pivotal-2021"),
        &Calendar::england_and_wales(),
        &RuleSettings::default(),
        date("2026-04-21"),
    );
    let order: Vec<RuleKind> = due.iter().map(|t| t.rule).collect();
    assert_eq!(order, [RuleKind::WindowClosed, RuleKind::NoContactClose]);
}

#[test]
fn pivotal_over_christmas_closes_on_new_years_eve() {
    let all = triggers(
        "pivotal-2021",
        &[
            received("2026-12-01"),
            at("2026-12-02", Event::acknowledged()),
            responded("2026-12-14"),
        ],
    );
    assert_eq!(
        find(&all, RuleKind::NoContactClose).map(|t| t.acts_on),
        Some(date("2026-12-31"))
    );
    // The last day is Wednesday 30 December; two working days before it,
    // the Boxing Day holiday (Monday 28) not counted: Tuesday 29, then
    // Thursday 24 December.
    assert_eq!(
        find(&all, RuleKind::WindowReminder).map(|t| t.acts_on),
        Some(date("2026-12-24"))
    );
}

#[test]
fn the_case_view_gives_the_days_rules_will_act() {
    let policy = preset("pivotal-2021");
    let state = state(&policy, &pivotal_answered_before_easter());
    assert_eq!(
        rule_dates(&state, &policy, &Calendar::england_and_wales()),
        [
            RuleDate {
                rule: RuleKind::WindowClosed,
                on: date("2026-04-21")
            },
            RuleDate {
                rule: RuleKind::NoContactClose,
                on: date("2026-04-21")
            },
        ]
    );
}

#[test]
fn a_word_from_the_resident_stops_the_closing_but_not_the_window() {
    let mut records = pivotal_answered_before_easter();
    records.push(by(
        ActorKind::Resident,
        "2026-04-08",
        Event::InformationGiven {
            text: "The mould is back.".to_owned(),
        },
    ));
    let all = triggers("pivotal-2021", &records);
    assert!(find(&all, RuleKind::NoContactClose).is_none());
    assert!(find(&all, RuleKind::WindowClosed).is_some());
    assert!(find(&all, RuleKind::WindowReminder).is_some());
}

#[test]
fn no_reminder_for_a_resident_who_said_they_are_satisfied_or_asked() {
    let mut satisfied = pivotal_answered_before_easter();
    satisfied.push(by(
        ActorKind::Resident,
        "2026-04-07",
        Event::SatisfactionRecorded {
            satisfied: true,
            comment: None,
        },
    ));
    let all = triggers("pivotal-2021", &satisfied);
    assert!(find(&all, RuleKind::WindowReminder).is_none());
    assert!(find(&all, RuleKind::NoContactClose).is_none());

    let mut asked = pivotal_answered_before_easter();
    asked.push(by(
        ActorKind::Resident,
        "2026-04-07",
        Event::EscalationRequested { reason: None },
    ));
    let all = triggers("pivotal-2021", &asked);
    assert!(find(&all, RuleKind::WindowReminder).is_none());
    assert!(find(&all, RuleKind::WindowClosed).is_none());

    let mut withdrew = pivotal_answered_before_easter();
    withdrew.push(by(
        ActorKind::Resident,
        "2026-04-07",
        Event::Withdrawn { reason: None },
    ));
    assert!(triggers("pivotal-2021", &withdrew).is_empty());
}

#[test]
fn pioneer_attempts_a_survey_on_the_11th_working_day_without_a_reply() {
    // Answered on Wednesday 4 March 2026: the 10 working days end on
    // Wednesday 18 March, and the survey is attempted on Thursday 19.
    let records = [
        received("2026-02-25"),
        at("2026-02-26", Event::acknowledged()),
        responded("2026-03-04"),
    ];
    let all = triggers("pioneer-2020", &records);
    let survey = find(&all, RuleKind::SatisfactionSurvey).expect("the survey");
    assert_eq!(survey.trigger_on, date("2026-03-04"));
    assert_eq!(survey.acts_on, date("2026-03-19"));
    assert_eq!(survey.action, RuleAction::AttemptSurvey);
    // Pioneer sets no window after stage 1 and never closes by itself.
    assert!(find(&all, RuleKind::WindowClosed).is_none());
    assert!(find(&all, RuleKind::NoContactClose).is_none());

    // A reply stops it.
    let mut replied = records.to_vec();
    replied.push(by(
        ActorKind::Resident,
        "2026-03-10",
        Event::SatisfactionRecorded {
            satisfied: false,
            comment: None,
        },
    ));
    assert!(find(
        &triggers("pioneer-2020", &replied),
        RuleKind::SatisfactionSurvey
    )
    .is_none());
}

#[test]
fn pioneer_over_the_early_may_bank_holiday() {
    // Answered on Thursday 30 April 2026: Monday 4 May (Early May bank
    // holiday) is not counted, so the 10th working day is Friday 15 May and
    // the survey goes on Monday 18 May.
    let all = triggers(
        "pioneer-2020",
        &[
            received("2026-04-20"),
            at("2026-04-21", Event::acknowledged()),
            responded("2026-04-30"),
        ],
    );
    assert_eq!(
        find(&all, RuleKind::SatisfactionSurvey).map(|t| t.acts_on),
        Some(date("2026-05-18"))
    );
}

#[test]
fn pioneers_panel_window_closes_and_is_reminded_of() {
    // Stage 2 answered on Friday 15 May 2026: the panel can be asked for
    // until the 10th working day, Monday 1 June (Spring bank holiday 25 May
    // not counted); reminder Thursday 28 May; closed on Tuesday 2 June.
    let records = [
        received("2026-04-01"),
        at("2026-04-02", Event::acknowledged()),
        responded("2026-04-15"),
        by(
            ActorKind::Resident,
            "2026-04-20",
            Event::EscalationRequested { reason: None },
        ),
        at("2026-04-21", Event::acknowledged()),
        responded("2026-05-15"),
    ];
    let all = triggers("pioneer-2020", &records);
    let closed = find(&all, RuleKind::WindowClosed).expect("the panel window");
    assert_eq!(
        closed.action,
        RuleAction::RecordWindowClosed {
            window: DueKey::PanelWindow,
            last_day: date("2026-06-01"),
        }
    );
    assert_eq!(closed.acts_on, date("2026-06-02"));
    assert_eq!(
        find(&all, RuleKind::WindowReminder).map(|t| t.acts_on),
        Some(date("2026-05-28"))
    );
}

#[test]
fn the_caseworker_is_reminded_before_each_due_date_and_alerted_after() {
    // Under the Code, received on Monday 2 March 2026: acknowledge by
    // Monday 9 March, respond by Monday 23 March (10 working days after the
    // date it must be acknowledged by, as it is not yet).
    let all = triggers("code-2024", &[received("2026-03-02")]);
    let soon: Vec<(String, NaiveDate)> = all
        .iter()
        .filter(|t| t.rule == RuleKind::DueSoon)
        .map(|t| (t.key(), t.acts_on))
        .collect();
    assert_eq!(
        soon,
        [
            (
                "due_soon:stage_1_acknowledge".to_owned(),
                date("2026-03-05")
            ),
            ("due_soon:stage_1_respond".to_owned(), date("2026-03-19")),
        ]
    );
    let overdue: Vec<(String, NaiveDate)> = all
        .iter()
        .filter(|t| t.rule == RuleKind::Overdue)
        .map(|t| (t.key(), t.acts_on))
        .collect();
    assert_eq!(
        overdue,
        [
            ("overdue:stage_1_acknowledge".to_owned(), date("2026-03-10")),
            ("overdue:stage_1_respond".to_owned(), date("2026-03-24")),
        ]
    );
    // A reminder after its date is noise: it is not due then.
    let reminder = find(&all, RuleKind::DueSoon).unwrap();
    assert!(reminder.is_due(date("2026-03-09")));
    assert!(!reminder.is_due(date("2026-03-10")));

    // Three working days, as a server may be configured.
    let policy = preset("code-2024");
    let three = rule_triggers(
        &state(&policy, &[received("2026-03-02")]),
        &policy,
        &Calendar::england_and_wales(),
        &RuleSettings {
            caseworker_reminder_days: 3,
        },
    );
    assert_eq!(
        find(&three, RuleKind::DueSoon).map(|t| t.acts_on),
        Some(date("2026-03-04"))
    );

    // Acknowledged: only the response is left.
    let all = triggers(
        "code-2024",
        &[
            received("2026-03-02"),
            at("2026-03-03", Event::acknowledged()),
        ],
    );
    let keys: Vec<String> = all.iter().map(RuleTrigger::key).collect();
    assert_eq!(
        keys,
        ["due_soon:stage_1_respond", "overdue:stage_1_respond"]
    );
}

#[test]
fn a_date_is_due_soon_from_the_day_the_caseworker_is_reminded() {
    let calendar = Calendar::england_and_wales();
    // Due on Tuesday 7 April 2026, after Easter: two working days before
    // is Wednesday 1 April (Good Friday and Easter Monday not counted).
    let due = date("2026-04-07");
    assert!(!is_due_soon(due, date("2026-03-31"), &calendar, 2));
    assert!(is_due_soon(due, date("2026-04-01"), &calendar, 2));
    assert!(is_due_soon(due, date("2026-04-06"), &calendar, 2));
    assert!(is_due_soon(due, due, &calendar, 2));
    assert!(
        !is_due_soon(due, date("2026-04-08"), &calendar, 2),
        "overdue, not due soon"
    );
}

#[test]
fn the_code_never_closes_or_surveys_by_itself() {
    let all = triggers(
        "code-2024",
        &[
            received("2026-03-02"),
            at("2026-03-03", Event::acknowledged()),
            responded("2026-03-10"),
        ],
    );
    assert!(find(&all, RuleKind::NoContactClose).is_none());
    assert!(find(&all, RuleKind::SatisfactionSurvey).is_none());
}

// Over random cases and days: a scheduler that acts on whatever is due
// each day, claiming (rule, trigger) as the server's `rule_runs` does, never
// acts twice for one trigger, and a rule's own action never re-arms the
// same rule under another trigger (which the claim would not catch).

fn any_day_event() -> impl Strategy<Value = Option<(ActorKind, Event)>> {
    let resident = prop_oneof![
        Just(Event::InformationGiven {
            text: "More".to_owned()
        }),
        Just(Event::EscalationRequested { reason: None }),
        any::<bool>().prop_map(|satisfied| Event::SatisfactionRecorded {
            satisfied,
            comment: None
        }),
    ]
    .prop_map(|e| (ActorKind::Resident, e));
    let staff = prop_oneof![
        Just(Event::acknowledged()),
        Just(Event::Responded {
            outcome: Some(Outcome::PartlyUpheld),
            reasons: String::new(),
            remedies: Vec::new(),
            outstanding_actions: Vec::new(),
            sent_by: None,
            root_causes: Vec::new(),
            lessons: None,
        }),
    ]
    .prop_map(|e| (ActorKind::Staff, e));
    prop_oneof![6 => Just(None), 1 => resident.prop_map(Some), 2 => staff.prop_map(Some)]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn no_rule_acts_twice_for_one_trigger(
        policy in 0usize..3,
        offset in 0i64..(6 * 365),
        days in proptest::collection::vec(any_day_event(), 20..90),
    ) {
        let policy = preset(["pivotal-2021", "pioneer-2020", "code-2024"][policy]);
        let calendar = Calendar::england_and_wales();
        let settings = RuleSettings::default();
        let first = date("2020-01-01") + Duration::days(offset);
        let mut records = vec![received(&first.to_string())];
        let mut state = replay(&policy, &calendar, &records).unwrap();
        let mut claimed: HashSet<(String, NaiveDate)> = HashSet::new();
        let mut acted: HashMap<(String, NaiveDate), u32> = HashMap::new();
        let mut today = first;
        // The day the server stores for the clock's round to look at the
        // case again, worked out whenever the case changes or a rule acts.
        let mut look_on = next_rule_on(
            &rule_triggers(&state, &policy, &calendar, &settings), &claimed, true, today);
        for happening in days {
            today += Duration::days(1);
            if let Some((actor, event)) = happening {
                let record = by(actor, &today.to_string(), event);
                if let Ok(next) = apply(&state, &policy, &calendar, &record) {
                    state = next;
                    records.push(record);
                    look_on = next_rule_on(
                        &rule_triggers(&state, &policy, &calendar, &settings), &claimed, true, today);
                }
            }
            // A round that looks only at cases whose day has come misses no rule.
            let due_now = due_rules(&state, &policy, &calendar, &settings, today)
                .into_iter()
                .any(|t| !claimed.contains(&(t.key(), t.trigger_on)));
            if due_now {
                prop_assert!(look_on.is_some_and(|on| on <= today), "{:?} on {}", look_on, today);
            }
            // A reminder comes before the day it is about, anything else on
            // or after the day it counts from.
            for t in rule_triggers(&state, &policy, &calendar, &settings) {
                match t.until {
                    Some(until) => prop_assert!(t.acts_on <= until, "{t:?}"),
                    None => prop_assert!(t.acts_on > t.trigger_on, "{t:?}"),
                }
            }
            // What the scheduler does today, one rule at a time.
            loop {
                let next = due_rules(&state, &policy, &calendar, &settings, today)
                    .into_iter()
                    .find(|t| !claimed.contains(&(t.key(), t.trigger_on)));
                let Some(trigger) = next else { break };
                let id = (trigger.key(), trigger.trigger_on);
                claimed.insert(id.clone());
                look_on = None;
                *acted.entry(id).or_default() += 1;
                if let Some(event) = trigger.event() {
                    let record = by(ActorKind::System, &today.to_string(), event);
                    let before = state.clone();
                    state = apply(&state, &policy, &calendar, &record)
                        .expect("a rule's own event is allowed when it is due");
                    records.push(record);
                    // Its own action never arms the same rule anew.
                    for t in rule_triggers(&state, &policy, &calendar, &settings) {
                        if t.key() == trigger.key() {
                            prop_assert_eq!(t.trigger_on, trigger.trigger_on, "{:?} re-armed by its own action from {:?}", t, before);
                        }
                    }
                }
            }
            if look_on.is_none() {
                look_on = next_rule_on(
                    &rule_triggers(&state, &policy, &calendar, &settings), &claimed, true, today);
            }
        }
        for (id, times) in &acted {
            prop_assert_eq!(*times, 1, "{:?}", id);
        }
        // The history with the rules' events still replays.
        prop_assert!(replay(&policy, &calendar, &records).is_ok());
    }
}
