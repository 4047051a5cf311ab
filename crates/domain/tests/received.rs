//! When the resident received the answer (issue 16, item 8): a response
//! sent in the portal or by email is received that day; by post, the
//! policy's posting days later (2 working days where it does not say). Under
//! Pivotal (§9) the window to appeal counts from the day it was received.

mod case_support;

use case_support::{at, by, date, pivotal_like, received};
use domain::calendar::Calendar;
use domain::case::{
    replay, view, ActorKind, BasisFrom, CaseState, DueKey, Event, EventRecord, Outcome, Refusal,
    RefusalReason, Refused, SentBy,
};
use domain::policy::{Policy, POSTING_DAYS};
use proptest::prelude::*;

fn run(policy: &Policy, records: &[EventRecord]) -> Result<CaseState, Refusal> {
    replay(policy, &Calendar::england_and_wales(), records)
}

fn pivotal() -> Policy {
    Policy::preset("pivotal-2021").expect("the Pivotal preset")
}

fn responded(sent_by: Option<SentBy>) -> Event {
    Event::Responded {
        outcome: Some(Outcome::NotUpheld),
        reasons: "The repair was done on the date we gave you.".to_owned(),
        remedies: Vec::new(),
        outstanding_actions: Vec::new(),
        sent_by,
        root_causes: Vec::new(),
        lessons: None,
    }
}

/// Received and answered on `on`, sent `sent_by`.
fn answered(on: &str, sent_by: Option<SentBy>) -> Vec<EventRecord> {
    vec![
        received(on),
        at(on, Event::acknowledged()),
        at(on, responded(sent_by)),
    ]
}

fn appeal(on: &str) -> EventRecord {
    by(
        ActorKind::Resident,
        on,
        Event::EscalationRequested { reason: None },
    )
}

/// The appeal window's last day, and the day it counted from, as the case
/// page shows them.
fn window(policy: &Policy, records: &[EventRecord], today: &str) -> (String, String, BasisFrom) {
    let state = run(policy, records).expect("allowed");
    let shown = view(&state, policy, &Calendar::england_and_wales(), date(today));
    let due = shown
        .due_dates
        .iter()
        .find(|d| d.key == DueKey::NextStageWindow { stage: 1 })
        .expect("the appeal window");
    (
        due.date.to_string(),
        due.counted_from.to_string(),
        due.basis.from.clone(),
    )
}

#[test]
fn under_pivotal_a_posted_response_opens_the_appeal_window_two_working_days_later() {
    // Sent by email on Monday 2 March 2026: 10 working days from that day.
    let emailed = answered("2026-03-02", Some(SentBy::Online));
    assert_eq!(
        window(&pivotal(), &emailed, "2026-03-02"),
        (
            "2026-03-16".to_owned(),
            "2026-03-02".to_owned(),
            BasisFrom::StageResponseReceived { stage: 1 }
        )
    );
    // Posted the same day: received Wednesday 4 March, last day Wednesday 18 March.
    let posted = answered("2026-03-02", Some(SentBy::Post));
    let state = run(&pivotal(), &posted).expect("allowed");
    assert_eq!(
        state.stages[0].response.as_ref().map(|r| r.received_on),
        Some(date("2026-03-04"))
    );
    assert_eq!(
        window(&pivotal(), &posted, "2026-03-02"),
        (
            "2026-03-18".to_owned(),
            "2026-03-04".to_owned(),
            BasisFrom::StageResponseReceived { stage: 1 }
        )
    );
    // The case page names the day it counted from.
    let shown = view(
        &state,
        &pivotal(),
        &Calendar::england_and_wales(),
        date("2026-03-02"),
    );
    let latest = shown.latest_response.expect("the response");
    assert!(latest.by_post);
    assert_eq!(latest.received_on, Some(date("2026-03-04")));

    // An appeal on the last day is accepted; the day after, refused.
    let mut on_time = posted.clone();
    on_time.push(appeal("2026-03-18"));
    assert!(run(&pivotal(), &on_time).is_ok());
    let mut late = posted;
    late.push(appeal("2026-03-19"));
    let refusal = run(&pivotal(), &late).unwrap_err();
    assert_eq!(
        refusal.why,
        Refused::Resident(RefusalReason::ReviewWindowClosed {
            last_day: date("2026-03-18")
        })
    );
}

#[test]
fn posting_days_skip_the_easter_bank_holidays() {
    // Posted on Thursday 2 April 2026: Good Friday and Easter Monday are not
    // working days, so it is received on Wednesday 8 April.
    let state = run(&pivotal(), &answered("2026-04-02", Some(SentBy::Post))).expect("allowed");
    assert_eq!(
        state.stages[0].response.as_ref().map(|r| r.received_on),
        Some(date("2026-04-08"))
    );
}

#[test]
fn a_window_the_policy_counts_from_the_letter_is_not_moved_by_posting() {
    // A policy whose window counts from the response itself (as Pioneer's
    // "within 10 working days of the stage 2 response letter").
    let from_letter = pivotal_like();
    let (emailed, _, from) = window(&from_letter, &answered("2026-03-02", None), "2026-03-02");
    let (posted, counted_from, _) = window(
        &from_letter,
        &answered("2026-03-02", Some(SentBy::Post)),
        "2026-03-02",
    );
    assert_eq!(emailed, posted);
    assert_eq!(counted_from, "2026-03-02");
    assert_eq!(from, BasisFrom::StageResponse { stage: 1 });
}

proptest! {
    /// Whatever day it is posted, a letter is received on a working day,
    /// exactly the policy's posting days later, and the appeal window ends
    /// that many working days after the emailed one.
    #[test]
    fn a_posted_response_is_received_posting_days_later(offset in 0u64..700) {
        let calendar = Calendar::england_and_wales();
        let day = date("2026-01-05") + chrono::Days::new(offset);
        let sent = day.format("%Y-%m-%d").to_string();
        let posted = run(&pivotal(), &answered(&sent, Some(SentBy::Post)));
        // A response sent on a weekend or bank holiday still replays.
        let state = posted.expect("allowed");
        let received_on = state.stages[0].response.as_ref().unwrap().received_on;
        prop_assert!(calendar.is_working_day(received_on));
        let counted = calendar.add_working_days(day, POSTING_DAYS).unwrap().date;
        prop_assert_eq!(received_on, counted);
        let (emailed_last, _, _) = window(&pivotal(), &answered(&sent, None), &sent);
        let (posted_last, _, _) = window(&pivotal(), &answered(&sent, Some(SentBy::Post)), &sent);
        let emailed_last: chrono::NaiveDate = emailed_last.parse().unwrap();
        let posted_last: chrono::NaiveDate = posted_last.parse().unwrap();
        prop_assert_eq!(calendar.add_working_days(emailed_last, POSTING_DAYS).unwrap().date, posted_last);
    }
}

#[test]
fn pivotals_silence_rule_waits_for_a_posted_responses_appeal_window() {
    use domain::case::no_contact_close_on;
    let calendar = Calendar::england_and_wales();
    // Emailed on Monday 2 March: the 11th working day, Tuesday 17 March.
    let state = run(&pivotal(), &answered("2026-03-02", None)).expect("allowed");
    assert_eq!(
        no_contact_close_on(&state, &pivotal(), &calendar),
        Some(date("2026-03-17"))
    );
    // Posted: the resident may appeal until Wednesday 18 March, so it
    // closes on Thursday 19 March, not before.
    let state = run(&pivotal(), &answered("2026-03-02", Some(SentBy::Post))).expect("allowed");
    assert_eq!(
        no_contact_close_on(&state, &pivotal(), &calendar),
        Some(date("2026-03-19"))
    );
}
