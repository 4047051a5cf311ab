//! When an answered complaint closes, under each built-in policy's own
//! `[auto_close]` rule, with real dates.

mod case_support;

use case_support::{at, by, date, received};
use domain::calendar::Calendar;
use domain::case::{
    closing, no_contact_close_on, replay, view, ActorKind, ClosedWhy, Closing, Event, EventRecord,
    Outcome,
};
use domain::policy::Policy;

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

fn answered_on_14_december() -> Vec<EventRecord> {
    vec![
        received("2026-12-01"),
        at("2026-12-02", Event::acknowledged()),
        responded("2026-12-14"),
    ]
}

fn closes(policy: &str, records: &[EventRecord]) -> Option<Closing> {
    let policy = preset(policy);
    let calendar = Calendar::england_and_wales();
    let state = replay(&policy, &calendar, records).expect("the events are allowed");
    closing(&state, &policy, &calendar)
}

#[test]
fn pivotal_closes_on_the_11th_working_day_after_the_stage_1_response() {
    // 10 working days from Monday 14 December 2026 skip Christmas Day and
    // the Boxing Day holiday (Monday 28 December): the 10th is Wednesday 30
    // December, the last day to appeal, and it closes on Thursday 31.
    assert_eq!(
        closes("pivotal-2021", &answered_on_14_december()),
        Some(Closing::NoContactBy {
            on: date("2026-12-31")
        })
    );
    let policy = preset("pivotal-2021");
    let calendar = Calendar::england_and_wales();
    let state = replay(&policy, &calendar, &answered_on_14_december()).unwrap();
    let v = view(&state, &policy, &calendar, date("2026-12-15"));
    assert_eq!(
        v.open_window.and_then(|w| w.last_day),
        Some(date("2026-12-30")),
        "the appeal window ends the working day before it closes"
    );
    assert_eq!(
        v.closes,
        Some(Closing::NoContactBy {
            on: date("2026-12-31")
        })
    );
}

#[test]
fn hearing_from_the_resident_after_the_response_stops_the_clock() {
    let mut records = answered_on_14_december();
    records.push(by(
        ActorKind::Resident,
        "2026-12-16",
        Event::InformationGiven {
            text: "The mould is back.".to_owned(),
        },
    ));
    assert_eq!(closes("pivotal-2021", &records), Some(Closing::ByLandlord));
}

#[test]
fn an_appeal_stops_the_clock() {
    let mut records = answered_on_14_december();
    records.push(by(
        ActorKind::Resident,
        "2026-12-16",
        Event::EscalationRequested { reason: None },
    ));
    assert_eq!(closes("pivotal-2021", &records), None, "not answered yet");
}

#[test]
fn a_closed_or_reopened_complaint_is_not_closed_again_by_the_rule() {
    let policy = preset("pivotal-2021");
    let calendar = Calendar::england_and_wales();
    let mut records = answered_on_14_december();
    records.push(by(
        ActorKind::System,
        "2026-12-31",
        Event::Closed {
            why: ClosedWhy::NoContact,
        },
    ));
    let state = replay(&policy, &calendar, &records).unwrap();
    assert_eq!(no_contact_close_on(&state, &policy, &calendar), None);
    records.push(at(
        "2027-01-04",
        Event::Reopened {
            reason: "The resident rang: the mould is back.".to_owned(),
        },
    ));
    let state = replay(&policy, &calendar, &records).unwrap();
    assert_eq!(no_contact_close_on(&state, &policy, &calendar), None);
    assert_eq!(
        closing(&state, &policy, &calendar),
        Some(Closing::ByLandlord)
    );
}

#[test]
fn nothing_is_said_about_closing_before_the_answer() {
    let records = [
        received("2026-12-01"),
        at("2026-12-02", Event::acknowledged()),
    ];
    assert_eq!(closes("pivotal-2021", &records), None);
    assert_eq!(closes("code-2024", &records), None);
}

#[test]
fn the_code_leaves_closing_to_the_landlord() {
    assert_eq!(
        closes("code-2024", &answered_on_14_december()),
        Some(Closing::ByLandlord)
    );
    assert_eq!(
        closes("policy-2022", &answered_on_14_december()),
        Some(Closing::ByLandlord)
    );
}

#[test]
fn plus_dane_and_torus_close_when_every_promise_is_kept() {
    for policy in ["plus-dane-2024", "torus"] {
        assert_eq!(
            closes(policy, &answered_on_14_december()),
            Some(Closing::WhenActionsDone),
            "{policy}"
        );
    }
}

#[test]
fn pioneers_survey_rule_does_not_close_anything() {
    assert_eq!(
        closes("pioneer-2020", &answered_on_14_december()),
        Some(Closing::ByLandlord)
    );
}
