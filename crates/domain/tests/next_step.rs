//! What a resident is told to expect next, at every state a complaint can be
//! in, chosen by the domain from the case's state and its due dates: the
//! sentence the app builds from it must name the right event and its date.

mod case_support;

use case_support::{at, by, code_like, date, pioneer_like, received};
use domain::calendar::Calendar;
use domain::case::{
    replay, view, ActorKind, Attendance, CaseView, ClosedWhy, DueKind, Event, EventRecord, Money,
    NextStep, Outcome, OutstandingAction, Remedy, RemedyKind,
};
use domain::policy::Policy;

fn responded(on: &str) -> EventRecord {
    at(
        on,
        Event::Responded {
            outcome: Some(Outcome::Upheld),
            reasons: "The repair was late.".to_owned(),
            remedies: vec![Remedy {
                kind: RemedyKind::Financial,
                description: "For the time without heating".to_owned(),
                amount_pence: Some(7500),
                money: Some(Money::Compensation),
                settlement: None,
            }],
            outstanding_actions: vec![OutstandingAction {
                description: "Treat the mould in the bathroom".to_owned(),
                due: date("2027-02-26"),
                owner: "Repairs team".to_owned(),
            }],
            sent_by: None,
            root_causes: Vec::new(),
            lessons: None,
        },
    )
}

fn seen(policy: &Policy, records: &[EventRecord], today: &str) -> CaseView {
    let calendar = Calendar::england_and_wales();
    let state = replay(policy, &calendar, records).expect("the events are allowed");
    view(&state, policy, &calendar, date(today))
}

fn due_date(v: &CaseView, key: &str) -> chrono::NaiveDate {
    v.due_dates
        .iter()
        .find(|d| d.key == key)
        .unwrap_or_else(|| panic!("no {key}"))
        .date
}

#[test]
fn a_new_complaint_expects_its_acknowledgement_not_the_reply() {
    let v = seen(&code_like(), &[received("2026-12-18")], "2026-12-18");
    assert_eq!(
        v.next_step,
        Some(NextStep::Acknowledge {
            stage: 1,
            by: date("2026-12-29"),
            overdue: false
        })
    );
    assert_eq!(due_date(&v, "stage_1_acknowledge"), date("2026-12-29"));
}

#[test]
fn an_acknowledged_complaint_expects_the_stage_1_response() {
    let records = [
        received("2026-12-18"),
        at("2026-12-22", Event::acknowledged()),
    ];
    let v = seen(&code_like(), &records, "2026-12-23");
    assert_eq!(
        v.next_step,
        Some(NextStep::Respond {
            stage: 1,
            by: date("2027-01-08"),
            overdue: false,
            extended: false
        })
    );
}

#[test]
fn a_late_acknowledgement_says_it_is_overdue() {
    let v = seen(&code_like(), &[received("2026-12-18")], "2027-01-04");
    assert_eq!(
        v.next_step,
        Some(NextStep::Acknowledge {
            stage: 1,
            by: date("2026-12-29"),
            overdue: true
        })
    );
}

#[test]
fn an_extended_response_says_it_was_extended_with_the_new_date() {
    let records = [
        received("2026-12-18"),
        at("2026-12-22", Event::acknowledged()),
        at(
            "2027-01-05",
            Event::Extended {
                reason: "Waiting for a surveyor".to_owned(),
                new_date: date("2027-01-20"),
                agreed_with_resident: false,
                good_reason: None,
            },
        ),
    ];
    let v = seen(&code_like(), &records, "2027-01-06");
    assert_eq!(
        v.next_step,
        Some(NextStep::Respond {
            stage: 1,
            by: date("2027-01-20"),
            overdue: false,
            extended: true
        })
    );
}

#[test]
fn a_request_for_information_is_named_with_the_question() {
    let records = [
        received("2026-12-18"),
        at("2026-12-22", Event::acknowledged()),
        at(
            "2026-12-23",
            Event::InformationRequested {
                what: "Photos of the damp wall".to_owned(),
            },
        ),
    ];
    let v = seen(&code_like(), &records, "2026-12-23");
    assert_eq!(
        v.next_step,
        Some(NextStep::InformationRequested {
            what: "Photos of the damp wall".to_owned(),
            asked_on: date("2026-12-23"),
            respond_by: Some(date("2027-01-08")),
        })
    );
}

#[test]
fn after_a_response_the_answer_comes_first_with_compensation_as_data() {
    let records = [
        received("2026-12-18"),
        at("2026-12-22", Event::acknowledged()),
        responded("2027-01-07"),
    ];
    let v = seen(&code_like(), &records, "2027-01-08");
    assert_eq!(
        v.next_step,
        Some(NextStep::Responded {
            stage: 1,
            on: date("2027-01-07"),
            final_response: false
        })
    );
    let latest = v.latest_response.expect("the response");
    assert_eq!(latest.outcome, Some(Outcome::Upheld));
    assert_eq!(latest.remedies[0].amount_pence, Some(7500));
    assert_eq!(latest.outstanding_actions[0].due, date("2027-02-26"));
    assert!(!latest.final_response);
    assert_eq!(v.ombudsman_by, None, "not yet: stage 2 is still open");
}

#[test]
fn after_a_review_request_the_review_acknowledgement_then_response_are_expected() {
    let records = [
        received("2026-12-18"),
        at("2026-12-22", Event::acknowledged()),
        responded("2027-01-07"),
        by(
            ActorKind::Resident,
            "2027-01-11",
            Event::EscalationRequested { reason: None },
        ),
    ];
    let v = seen(&code_like(), &records, "2027-01-11");
    assert_eq!(
        v.next_step,
        Some(NextStep::Acknowledge {
            stage: 2,
            by: date("2027-01-18"),
            overdue: false
        })
    );
    let mut acknowledged = records.to_vec();
    acknowledged.push(at("2027-01-12", Event::acknowledged()));
    let v = seen(&code_like(), &acknowledged, "2027-01-12");
    let Some(NextStep::Respond { stage: 2, by, .. }) = v.next_step else {
        panic!("expected the stage 2 response, got {:?}", v.next_step)
    };
    assert_eq!(by, due_date(&v, "stage_2_respond"));
    assert!(
        by > date("2027-02-01"),
        "20 working days, not a stage 1 date"
    );
}

#[test]
fn the_final_response_gives_the_last_day_for_the_ombudsman() {
    let records = [
        received("2026-12-18"),
        at("2026-12-22", Event::acknowledged()),
        responded("2027-01-07"),
        by(
            ActorKind::Resident,
            "2027-01-11",
            Event::EscalationRequested { reason: None },
        ),
        at("2027-01-12", Event::acknowledged()),
        responded("2027-02-05"),
    ];
    let v = seen(&code_like(), &records, "2027-02-08");
    assert_eq!(
        v.next_step,
        Some(NextStep::Responded {
            stage: 2,
            on: date("2027-02-05"),
            final_response: true
        })
    );
    assert!(v.latest_response.unwrap().final_response);
    assert_eq!(v.ombudsman_by, Some(date("2028-02-05")));
}

#[test]
fn a_withdrawn_complaint_promises_nothing_more() {
    let records = [
        received("2026-12-18"),
        by(
            ActorKind::Resident,
            "2026-12-21",
            Event::Withdrawn { reason: None },
        ),
    ];
    let v = seen(&code_like(), &records, "2026-12-22");
    assert_eq!(
        v.next_step,
        Some(NextStep::Withdrawn {
            on: date("2026-12-21")
        })
    );
    assert_eq!(v.next_due, None);
    assert!(v.due_dates.iter().all(|d| !d.overdue));
    assert_eq!(v.ombudsman_by, None);
}

#[test]
fn a_closed_complaint_says_how_and_when_it_ended() {
    let records = [
        received("2026-12-18"),
        at("2026-12-22", Event::acknowledged()),
        responded("2027-01-07"),
        at(
            "2027-01-22",
            Event::Closed {
                why: ClosedWhy::NoContact,
            },
        ),
    ];
    let v = seen(&code_like(), &records, "2027-01-25");
    assert_eq!(
        v.next_step,
        Some(NextStep::Closed {
            on: date("2027-01-22"),
            why: ClosedWhy::NoContact
        })
    );
    assert_eq!(v.ombudsman_by, Some(date("2028-01-22")));
}

#[test]
fn pioneer_panel_request_expects_the_panel_to_meet_not_a_reply() {
    let p = pioneer_like();
    let mut records = vec![
        received("2026-12-18"),
        at("2026-12-22", Event::acknowledged()),
        responded("2027-01-07"),
        by(
            ActorKind::Resident,
            "2027-01-11",
            Event::EscalationRequested { reason: None },
        ),
        at("2027-01-12", Event::acknowledged()),
        responded("2027-02-05"),
        by(
            ActorKind::Resident,
            "2027-02-08",
            Event::PanelRequested {
                attendance: Attendance::Attend,
                representative: None,
            },
        ),
    ];
    let v = seen(&p, &records, "2027-02-08");
    let Some(NextStep::PanelMeetBy { by, overdue: false }) = v.next_step else {
        panic!("expected the panel to meet, got {:?}", v.next_step)
    };
    assert_eq!(by, due_date(&v, "panel_convene"));
    let window = v
        .due_dates
        .iter()
        .find(|d| d.kind == DueKind::RequestPanel)
        .expect("the panel window");
    assert_eq!(window.done_on, Some(date("2027-02-08")));

    records.push(at(
        "2027-02-09",
        Event::PanelHeld {
            date: date("2027-03-01"),
        },
    ));
    let v = seen(&p, &records, "2027-02-10");
    assert_eq!(
        v.next_step,
        Some(NextStep::PanelMeetsOn {
            on: date("2027-03-01")
        })
    );
    let v = seen(&p, &records, "2027-03-02");
    let Some(NextStep::PanelDecision { by, .. }) = v.next_step else {
        panic!("expected the panel's decision, got {:?}", v.next_step)
    };
    assert_eq!(by, due_date(&v, "panel_outcome"));

    records.push(at(
        "2027-03-03",
        Event::PanelOutcome {
            outcome: Outcome::NotUpheld,
            reasons: "The panel agreed with the review.".to_owned(),
        },
    ));
    let v = seen(&p, &records, "2027-03-04");
    let Some(NextStep::Responded {
        final_response: true,
        on,
        ..
    }) = v.next_step
    else {
        panic!("expected the panel's decision, got {:?}", v.next_step)
    };
    assert_eq!(on, date("2027-03-03"));
    let latest = v.latest_response.expect("the decision");
    assert!(latest.panel && latest.final_response);
    assert_eq!(v.ombudsman_by, Some(date("2028-03-03")));
}
