//! Properties of the lifecycle over random event sequences: replay never
//! panics, accepted sequences replay to the same state, due dates are working
//! days, and extensions stay within the policy's limit.

mod case_support;

use case_support::{at, by_agreement_like, code_like, pioneer_like, pivotal_like};
use chrono::{Duration, NaiveDate};
use domain::calendar::Calendar;
use domain::case::{
    apply, replay, start, view, Attendance, CaseKind, CaseState, ClosedWhy, Event, EventRecord,
    Outcome, Representative,
};
use domain::policy::Policy;
use proptest::prelude::*;

fn policies() -> [Policy; 4] {
    [
        code_like(),
        pioneer_like(),
        pivotal_like(),
        by_agreement_like(),
    ]
}

/// An event, with a number of days after the previous one and, for dated
/// events, a number of days after that day.
fn any_event() -> impl Strategy<Value = (i64, Event)> {
    let outcome = prop_oneof![
        Just(Outcome::Upheld),
        Just(Outcome::PartlyUpheld),
        Just(Outcome::NotUpheld)
    ];
    let relation = prop_oneof![
        Just("friend"),
        Just("relative"),
        Just("solicitor"),
        Just("neighbour")
    ];
    let event = prop_oneof![
        Just(Event::acknowledged()),
        Just(Event::Assigned {
            caseworker: "Alex".to_owned(),
            caseworker_id: None,
        }),
        (0i64..40, any::<bool>(), any::<bool>()).prop_map(|(days, agreed, good)| {
            Event::Extended {
                reason: "Waiting for a report".to_owned(),
                // Filled in relative to the event's day below.
                new_date: NaiveDate::MIN + Duration::days(days),
                agreed_with_resident: agreed,
                good_reason: good.then(|| "A road closure is needed".to_owned()),
            }
        }),
        Just(Event::InformationRequested {
            what: "Photos".to_owned()
        }),
        Just(Event::InformationGiven {
            text: "Here they are".to_owned()
        }),
        proptest::option::of(outcome.clone()).prop_map(|outcome| Event::Responded {
            outcome,
            reasons: String::new(),
            remedies: Vec::new(),
            outstanding_actions: Vec::new(),
            sent_by: None,
            root_causes: Vec::new(),
            lessons: None,
        }),
        Just(Event::EscalationRequested { reason: None }),
        Just(Event::EscalationRefused {
            reasons: "Not a complaint".to_owned()
        }),
        Just(Event::ReopenedAtStage {
            reasons: "New information".to_owned()
        }),
        (any::<bool>(), proptest::option::of(relation)).prop_map(|(written, relation)| {
            Event::PanelRequested {
                attendance: if written {
                    Attendance::WrittenSubmissions
                } else {
                    Attendance::Attend
                },
                representative: relation.map(|r| Representative {
                    name: "Sam".to_owned(),
                    relation: r.to_owned(),
                }),
            }
        }),
        (0i64..30).prop_map(|days| Event::PanelHeld {
            date: NaiveDate::MIN + Duration::days(days)
        }),
        (outcome, Just(())).prop_map(|(outcome, ())| Event::PanelOutcome {
            outcome,
            reasons: String::new()
        }),
        any::<bool>().prop_map(|satisfied| Event::SatisfactionRecorded {
            satisfied,
            comment: None
        }),
        Just(Event::Withdrawn { reason: None }),
        prop_oneof![
            Just(ClosedWhy::Resolved),
            Just(ClosedWhy::NoContact),
            Just(ClosedWhy::ActionsDone)
        ]
        .prop_map(|why| Event::Closed { why }),
        Just(Event::ReferredToOmbudsman),
        Just(Event::Reopened {
            reason: "New evidence".to_owned()
        }),
    ];
    (0i64..12, event)
}

/// Turns generated events into records dated from `first`, resolving the
/// relative dates inside `extended` and `panel_held`.
fn records(first: NaiveDate, kind: CaseKind, events: Vec<(i64, Event)>) -> Vec<EventRecord> {
    let mut day = first;
    let mut out = vec![at(
        &first.to_string(),
        Event::Received {
            kind,
            received_on: first,
            awaiting_decision: Vec::new(),
            through_councillor_or_mp: false,
        },
    )];
    for (gap, event) in events {
        day += Duration::days(gap);
        let event = match event {
            Event::Extended {
                reason,
                new_date,
                agreed_with_resident,
                good_reason,
            } => Event::Extended {
                reason,
                new_date: day + (new_date - NaiveDate::MIN),
                agreed_with_resident,
                good_reason,
            },
            Event::PanelHeld { date } => Event::PanelHeld {
                date: day + (date - NaiveDate::MIN),
            },
            other => other,
        };
        out.push(at(&day.to_string(), event));
    }
    out
}

fn any_case() -> impl Strategy<Value = (usize, Vec<EventRecord>)> {
    let kind = prop_oneof![8 => Just(CaseKind::Complaint), 1 => Just(CaseKind::Compliment), 1 => Just(CaseKind::Comment)];
    (
        0usize..4,
        0i64..(60 * 365),
        kind,
        proptest::collection::vec(any_event(), 0..30),
    )
        .prop_map(|(policy, offset, kind, events)| {
            let first =
                NaiveDate::from_ymd_opt(2020, 1, 1).expect("valid") + Duration::days(offset);
            (policy, records(first, kind, events))
        })
}

/// Applies each record in turn, keeping the ones that are accepted.
fn accepted(
    policy: &Policy,
    calendar: &Calendar,
    records: &[EventRecord],
) -> (CaseState, Vec<EventRecord>) {
    let mut state = start(policy, &records[0]).expect("a complaint can always start");
    let mut kept = vec![records[0].clone()];
    for record in &records[1..] {
        if let Ok(next) = apply(&state, policy, calendar, record) {
            state = next;
            kept.push(record.clone());
        }
    }
    (state, kept)
}

fn check_consistent(
    state: &CaseState,
    policy: &Policy,
    calendar: &Calendar,
) -> Result<(), TestCaseError> {
    // Stages go up one policy stage at a time, and only the last can be unanswered.
    for pair in state.stages.windows(2) {
        prop_assert!(pair[0].number < pair[1].number);
        prop_assert!(pair[0].response.is_some());
        prop_assert!(
            pair[1].started_on
                >= pair[0]
                    .response
                    .as_ref()
                    .map(|r| r.on)
                    .unwrap_or(pair[1].started_on)
        );
    }
    for stage in &state.stages {
        prop_assert!(policy.stages.iter().any(|s| s.number == stage.number));
        // Extensions never exceed the policy's limit without the resident's agreement.
        for ext in &stage.extensions {
            prop_assert!(calendar.is_working_day(ext.new_date));
            prop_assert!(ext.new_date > ext.previous_date);
            if let Some(limit) = ext.limit {
                prop_assert!(ext.new_date <= limit || ext.agreed_with_resident, "{ext:?}");
            }
            if policy.id == "pivotal-like" {
                let cap = calendar
                    .add_working_days(stage.started_on, 20)
                    .expect("in range")
                    .date;
                prop_assert!(ext.new_date <= cap, "{ext:?} beyond {cap}");
            }
            if policy.id == "code-like" {
                // Up to 10 (stage 1) or 20 (stage 2) working days after the original date,
                // which is itself 10 or 20 working days after what it counts from.
                let (respond, most) = if stage.number == 1 {
                    (10, 10)
                } else {
                    (20, 20)
                };
                let original = calendar
                    .add_working_days(ext.counted_from, respond)
                    .expect("in range")
                    .date;
                prop_assert_eq!(original, ext.original_date);
                let cap = calendar
                    .add_working_days(original, most)
                    .expect("in range")
                    .date;
                prop_assert!(ext.new_date <= cap, "{ext:?} beyond {cap}");
            }
        }
    }
    if state.kind != CaseKind::Complaint {
        prop_assert!(state.stages.is_empty());
    }
    if state.panel.is_some() {
        prop_assert!(policy.panel.is_some());
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn any_sequence_of_events_replays_or_is_refused_without_panicking((p, records) in any_case()) {
        let policy = &policies()[p];
        let calendar = Calendar::england_and_wales();
        match replay(policy, &calendar, &records) {
            Ok(state) => check_consistent(&state, policy, &calendar)?,
            Err(refusal) => {
                prop_assert!(!refusal.code.is_empty());
                prop_assert!(!refusal.message.is_empty());
                prop_assert!(refusal.code.chars().all(|c| c.is_ascii_lowercase() || c == '_'), "{}", refusal.code);
            }
        }
    }

    #[test]
    fn the_accepted_events_replay_to_the_same_state_from_stored_json((p, records) in any_case()) {
        let policy = &policies()[p];
        let calendar = Calendar::england_and_wales();
        let (state, kept) = accepted(policy, &calendar, &records);
        check_consistent(&state, policy, &calendar)?;
        let stored = serde_json::to_string(&kept).expect("serialises");
        let read: Vec<EventRecord> = serde_json::from_str(&stored).expect("parses");
        prop_assert_eq!(replay(policy, &calendar, &read), Ok(state));
    }

    #[test]
    fn due_dates_never_fall_on_a_weekend_or_bank_holiday((p, records) in any_case(), later in 0i64..60) {
        let policy = &policies()[p];
        let calendar = Calendar::england_and_wales();
        let (state, _) = accepted(policy, &calendar, &records);
        let today = state.last_event_on + Duration::days(later);
        let seen = view(&state, policy, &calendar, today);
        for due in &seen.due_dates {
            prop_assert!(calendar.is_working_day(due.date), "{} on {}", due.key, due.date);
            prop_assert!(due.date >= due.counted_from);
            prop_assert!(!(due.overdue && due.met.is_some()));
        }
        if let Some(window) = &seen.open_window {
            prop_assert!(window.last_day.is_none_or(|d| d >= today));
        }
        // The next date due is one of the due dates shown.
        prop_assert!(seen.next_due.is_none_or(|d| seen.due_dates.iter().any(|x| x.date == d)));
    }
}
