//! The case lifecycle with real dates across Christmas, New Year and Easter,
//! written from the seed policies' own sentences.

mod case_support;

use case_support::{
    at, by, by_agreement_like, code_like, date, no_acknowledgement_date_like, pioneer_like,
    pivotal_like, received,
};
use chrono::{TimeZone, Utc};
use domain::calendar::{explain_skipped, Calendar};
use domain::case::{
    extension_allowance, replay, uk_date, view, ActorKind, Attendance, Basis, BasisExtension,
    BasisFrom, CaseKind, CaseState, CaseView, ClosedWhy, DueDate, DueKind, Event, EventRecord,
    ExtensionAllowance, ExtensionLimit, Outcome, Refusal, Representative, ResidentAction,
    StaffAction, Status,
};
use domain::policy::Policy;

fn responded(on: &str) -> EventRecord {
    at(
        on,
        Event::Responded {
            outcome: Some(Outcome::PartlyUpheld),
            reasons: "We were slow to fix the boiler.".to_owned(),
            remedies: Vec::new(),
            outstanding_actions: Vec::new(),
            sent_by: None,
            root_causes: Vec::new(),
            lessons: None,
        },
    )
}

fn escalation(on: &str) -> EventRecord {
    by(
        ActorKind::Resident,
        on,
        Event::EscalationRequested { reason: None },
    )
}

fn extended(on: &str, new_date: &str, agreed: bool) -> EventRecord {
    at(
        on,
        Event::Extended {
            reason: "We are waiting for a surveyor's report.".to_owned(),
            new_date: date(new_date),
            agreed_with_resident: agreed,
            good_reason: None,
        },
    )
}

fn extended_for_good_reason(on: &str, new_date: &str, good_reason: &str) -> EventRecord {
    at(
        on,
        Event::Extended {
            reason: "We are waiting for a surveyor's report.".to_owned(),
            new_date: date(new_date),
            agreed_with_resident: false,
            good_reason: Some(good_reason.to_owned()),
        },
    )
}

fn panel_request(on: &str, representative: Option<(&str, &str)>) -> EventRecord {
    by(
        ActorKind::Resident,
        on,
        Event::PanelRequested {
            attendance: Attendance::Attend,
            representative: representative.map(|(name, relation)| Representative {
                name: name.to_owned(),
                relation: relation.to_owned(),
            }),
        },
    )
}

fn run(policy: &Policy, records: &[EventRecord]) -> Result<CaseState, Refusal> {
    replay(policy, &Calendar::england_and_wales(), records)
}

fn ok(policy: &Policy, records: &[EventRecord]) -> CaseState {
    run(policy, records).unwrap_or_else(|r| panic!("refused: {} ({})", r.message, r.code))
}

fn refused(policy: &Policy, records: &[EventRecord]) -> Refusal {
    match run(policy, records) {
        Ok(state) => panic!("expected a refusal, got {state:?}"),
        Err(refusal) => refusal,
    }
}

fn seen(policy: &Policy, records: &[EventRecord], today: &str) -> CaseView {
    view(
        &ok(policy, records),
        policy,
        &Calendar::england_and_wales(),
        date(today),
    )
}

fn due<'a>(view: &'a CaseView, key: &str) -> &'a DueDate {
    view.due_dates
        .iter()
        .find(|d| d.key == key)
        .unwrap_or_else(|| {
            panic!(
                "no {key} in {:?}",
                view.due_dates.iter().map(|d| &d.key).collect::<Vec<_>>()
            )
        })
}

// --- The Code: "acknowledge within 5 working days of receipt", "respond within
// --- 10 working days of the complaint being acknowledged".

#[test]
fn a_complaint_received_on_18_december_2026_is_acknowledged_by_29_december() {
    let v = seen(&code_like(), &[received("2026-12-18")], "2026-12-18");
    let ack = due(&v, "stage_1_acknowledge");
    assert_eq!(ack.date, date("2026-12-29"));
    assert_eq!(ack.days, 5);
    assert_eq!(
        ack.basis.to_string(),
        "5 working days after we received your complaint"
    );
    assert_eq!(
        explain_skipped(&ack.skipped).as_deref(),
        Some("We don't count 25, 28 December (bank holidays).")
    );
    assert_eq!((ack.kind, ack.stage), (DueKind::Acknowledge, 1));
    assert_eq!(v.status, Status::AwaitingAcknowledgement);
}

#[test]
fn before_acknowledgement_the_reply_is_counted_from_the_acknowledgement_due_date_and_says_so() {
    let v = seen(&code_like(), &[received("2026-12-18")], "2026-12-18");
    let respond = due(&v, "stage_1_respond");
    assert_eq!(respond.counted_from, date("2026-12-29"));
    assert_eq!(respond.date, date("2027-01-13"));
    assert!(
        respond
            .basis
            .to_string()
            .contains("we have not acknowledged it yet"),
        "{}",
        respond.basis
    );
    assert!(
        respond
            .basis
            .to_string()
            .contains("Tuesday 29 December 2026"),
        "{}",
        respond.basis
    );
    assert_eq!(
        explain_skipped(&respond.skipped).as_deref(),
        Some("We don't count 1 January (a bank holiday).")
    );
    assert_eq!(v.next_due, Some(date("2026-12-29")));
}

#[test]
fn once_acknowledged_on_22_december_2026_the_reply_is_due_on_8_january_2027() {
    let records = [
        received("2026-12-18"),
        at("2026-12-22", Event::acknowledged()),
    ];
    let v = seen(&code_like(), &records, "2026-12-23");
    let ack = due(&v, "stage_1_acknowledge");
    assert_eq!(ack.met, Some(true));
    let respond = due(&v, "stage_1_respond");
    assert_eq!(respond.date, date("2027-01-08"));
    assert_eq!(respond.counted_from, date("2026-12-22"));
    assert_eq!(
        respond.basis.to_string(),
        "10 working days after we acknowledged your complaint"
    );
    assert_eq!(
        explain_skipped(&respond.skipped).as_deref(),
        Some("We don't count 25, 28 December or 1 January (bank holidays).")
    );
    assert_eq!(v.status, Status::UnderInvestigation);
    assert_eq!(v.next_due, Some(date("2027-01-08")));
}

#[test]
fn a_complaint_received_on_a_saturday_has_the_same_dates_as_one_received_the_friday_before() {
    let friday = seen(&code_like(), &[received("2027-03-05")], "2027-03-08");
    let saturday = seen(&code_like(), &[received("2027-03-06")], "2027-03-08");
    assert_eq!(due(&friday, "stage_1_acknowledge").date, date("2027-03-12"));
    assert_eq!(
        due(&saturday, "stage_1_acknowledge").date,
        due(&friday, "stage_1_acknowledge").date
    );
    assert_eq!(
        due(&saturday, "stage_1_respond").date,
        due(&friday, "stage_1_respond").date
    );
}

#[test]
fn a_late_reply_is_overdue_until_it_is_sent_and_then_marked_not_met() {
    let records = vec![
        received("2026-12-18"),
        at("2026-12-22", Event::acknowledged()),
    ];
    let v = seen(&code_like(), &records, "2027-01-11");
    assert!(due(&v, "stage_1_respond").overdue);
    assert_eq!(due(&v, "stage_1_respond").met, None);
    assert!(!due(&v, "stage_1_acknowledge").overdue);

    let mut late = records.clone();
    late.push(responded("2027-01-12"));
    let v = seen(&code_like(), &late, "2027-01-12");
    assert_eq!(due(&v, "stage_1_respond").met, Some(false));
    assert!(!due(&v, "stage_1_respond").overdue);
}

// --- Extensions: "This will not exceed a further 10 days" (Code, Plus Dane);
// --- "not beyond 20 working days from receipt" (Pivotal).

#[test]
fn an_extension_of_ten_working_days_moves_the_reply_from_8_to_22_january_2027() {
    let records = [
        received("2026-12-18"),
        at("2026-12-22", Event::acknowledged()),
        extended("2027-01-05", "2027-01-22", false),
    ];
    let v = seen(&code_like(), &records, "2027-01-06");
    let respond = due(&v, "stage_1_respond");
    assert_eq!(respond.date, date("2027-01-22"));
    assert_eq!(respond.original_date, Some(date("2027-01-08")));
    assert_eq!(
        respond.extension_reason.as_deref(),
        Some("We are waiting for a surveyor's report.")
    );
    assert_eq!(respond.days, 20);
    assert!(
        respond
            .basis
            .to_string()
            .contains("extended by 10 working days from Friday 8 January 2027"),
        "{}",
        respond.basis
    );
}

#[test]
fn an_extension_beyond_ten_working_days_is_refused_with_the_last_allowed_date() {
    let records = [
        received("2026-12-18"),
        at("2026-12-22", Event::acknowledged()),
        extended("2027-01-05", "2027-01-25", false),
    ];
    let refusal = refused(&code_like(), &records);
    assert_eq!(refusal.code, "extension_too_long");
    assert_eq!(
        refusal.message,
        "The new date can be no later than Friday 22 January 2027 (10 working days after the original date, Friday 8 January 2027)."
    );
}

#[test]
fn a_longer_extension_is_allowed_only_when_the_resident_agrees_where_the_policy_says_so() {
    let base = [
        received("2026-12-18"),
        at("2026-12-22", Event::acknowledged()),
    ];
    let mut without = base.to_vec();
    without.push(extended("2027-01-05", "2027-02-05", false));
    let refusal = refused(&by_agreement_like(), &without);
    assert!(
        refusal
            .message
            .ends_with("unless the resident agrees to a later date."),
        "{}",
        refusal.message
    );

    let mut with = base.to_vec();
    with.push(extended("2027-01-05", "2027-02-05", true));
    assert_eq!(
        due(
            &seen(&by_agreement_like(), &with, "2027-01-05"),
            "stage_1_respond"
        )
        .date,
        date("2027-02-05")
    );

    // The Code-like policy has no "by agreement": the flag does not help.
    assert_eq!(refused(&code_like(), &with).code, "extension_too_long");
}

// --- Beyond the limit for a good reason. The Code, 6.4: "An extension must be
// --- no more than 10 working days without good reason, and the reason(s) must
// --- be explained clearly to the resident." TORUS §3.3(6) sets no limit
// --- ("managers must be able to demonstrate that they have kept in touch"), so
// --- the Code's applies, with its good-reason route; it is not a hard cap.

#[test]
fn torus_sets_no_limit_so_a_date_beyond_the_codes_ten_days_needs_a_good_reason() {
    let torus = Policy::preset("torus").unwrap().effective();
    // Received Monday 4 January 2027: the reply is due Monday 18 January,
    // and ten working days more is Monday 1 February.
    let base = [received("2027-01-04")];
    assert_eq!(
        due(&seen(&torus, &base, "2027-01-04"), "stage_1_respond").date,
        date("2027-01-18")
    );

    let without = [
        base.to_vec(),
        vec![extended("2027-01-12", "2027-02-02", false)],
    ]
    .concat();
    let refusal = refused(&torus, &without);
    assert_eq!(refusal.code, "extension_too_long");
    assert_eq!(
        refusal.message,
        "The new date can be no later than Monday 1 February 2027 (10 working days after the original date, Monday 18 January 2027) unless you give a good reason for a later date."
    );

    let with = [
        base.to_vec(),
        vec![extended_for_good_reason(
            "2027-01-12",
            "2027-02-02",
            "The drains must be dug up, which needs a road closure",
        )],
    ]
    .concat();
    let v = seen(&torus, &with, "2027-01-12");
    assert_eq!(due(&v, "stage_1_respond").date, date("2027-02-02"));
    let state = ok(&torus, &with);
    let extension = &state.stages[0].extensions[0];
    assert_eq!(
        extension.good_reason.as_deref(),
        Some("The drains must be dug up, which needs a road closure")
    );
    assert_eq!(extension.limit, Some(date("2027-02-01")));

    // A blank good reason is no reason.
    let blank = [
        base.to_vec(),
        vec![extended_for_good_reason("2027-01-12", "2027-02-02", "  ")],
    ]
    .concat();
    assert_eq!(refused(&torus, &blank).code, "extension_too_long");
}

#[test]
fn staff_are_shown_how_far_a_torus_reply_may_move_before_they_choose_a_date() {
    let torus = Policy::preset("torus").unwrap().effective();
    let calendar = Calendar::england_and_wales();
    let state = ok(&torus, &[received("2027-01-04")]);
    assert_eq!(
        extension_allowance(&state, &torus, &calendar),
        Some(ExtensionAllowance {
            stage: 1,
            current: date("2027-01-18"),
            latest: Some(date("2027-02-01")),
            why: Some(ExtensionLimit::AfterOriginal {
                days: 10,
                original: date("2027-01-18"),
            }),
            beyond_by_agreement: false,
            beyond_with_good_reason: true,
        })
    );
    // Once extended, the date in force moves and the limit stays.
    let extended_once = ok(
        &torus,
        &[
            received("2027-01-04"),
            extended("2027-01-12", "2027-01-25", false),
        ],
    );
    let allowance = extension_allowance(&extended_once, &torus, &calendar).unwrap();
    assert_eq!(allowance.current, date("2027-01-25"));
    assert_eq!(allowance.latest, Some(date("2027-02-01")));
    // After the response there is nothing to extend.
    let answered = ok(&torus, &[received("2027-01-04"), responded("2027-01-12")]);
    assert_eq!(extension_allowance(&answered, &torus, &calendar), None);
}

#[test]
fn a_good_reason_given_for_a_date_inside_the_limit_is_not_recorded_as_going_beyond_it() {
    let torus = Policy::preset("torus").unwrap().effective();
    let records = [
        received("2027-01-04"),
        extended_for_good_reason("2027-01-12", "2027-01-25", "Not needed"),
    ];
    let state = ok(&torus, &records);
    assert_eq!(state.stages[0].extensions[0].good_reason, None);
}

#[test]
fn pivotals_must_not_exceed_20_days_is_a_hard_limit_that_a_good_reason_does_not_pass() {
    // Pivotal: "must not exceed 20 days" after receipt; the policy has no
    // good-reason route, which is stricter than the Code and allowed.
    let too_long = [
        received("2027-03-22"),
        extended_for_good_reason("2027-04-01", "2027-04-22", "A specialist is on leave"),
    ];
    let refusal = refused(&pivotal_like(), &too_long);
    assert_eq!(
        refusal.message,
        "The new date can be no later than Wednesday 21 April 2027 (20 working days after we received your complaint)."
    );
}

#[test]
fn the_codes_preset_and_every_preset_silent_on_a_limit_allow_a_good_reason() {
    for id in ["code-2024", "pioneer-2020", "torus"] {
        let policy = Policy::preset(id).unwrap().effective();
        for stage in &policy.stages {
            let extension = stage.extension.as_ref().unwrap();
            assert!(
                extension.beyond_with_good_reason,
                "{id} stage {}",
                stage.number
            );
            assert!(extension.max_days.is_some(), "{id} stage {}", stage.number);
        }
    }
    // Plus Dane §12: "This will not exceed a further 20 working days without good reason."
    let plus_dane = Policy::preset("plus-dane-2024").unwrap().effective();
    assert!(
        plus_dane.stages[1]
            .extension
            .as_ref()
            .unwrap()
            .beyond_with_good_reason
    );
    // §11: beyond that "agreed by both parties": by agreement, not a good reason alone.
    let first = plus_dane.stages[0].extension.as_ref().unwrap();
    assert!(first.beyond_by_agreement && !first.beyond_with_good_reason);
    // Policy 2022 (seed 001) and Pivotal set limits of their own.
    for id in ["policy-2022", "pivotal-2021"] {
        let policy = Policy::preset(id).unwrap().effective();
        assert!(
            !policy.stages[0]
                .extension
                .as_ref()
                .unwrap()
                .beyond_with_good_reason,
            "{id}"
        );
    }
}

#[test]
fn pivotal_extensions_stop_at_20_working_days_after_receipt_across_easter_2027() {
    // Received Monday 22 March 2027: Good Friday 26 March and Easter Monday 29 March are not counted.
    let v = seen(&pivotal_like(), &[received("2027-03-22")], "2027-03-22");
    let respond = due(&v, "stage_1_respond");
    assert_eq!(respond.date, date("2027-04-07"));
    assert_eq!(
        explain_skipped(&respond.skipped).as_deref(),
        Some("We don't count 26, 29 March (bank holidays).")
    );

    let fine = [
        received("2027-03-22"),
        extended("2027-04-01", "2027-04-21", false),
    ];
    assert_eq!(
        due(
            &seen(&pivotal_like(), &fine, "2027-04-01"),
            "stage_1_respond"
        )
        .date,
        date("2027-04-21")
    );

    let too_long = [
        received("2027-03-22"),
        extended("2027-04-01", "2027-04-22", false),
    ];
    let refusal = refused(&pivotal_like(), &too_long);
    assert_eq!(
        refusal.message,
        "The new date can be no later than Wednesday 21 April 2027 (20 working days after we received your complaint)."
    );
}

#[test]
fn an_extension_must_be_a_later_working_day_with_a_reason_and_before_the_response() {
    let base = vec![
        received("2026-12-18"),
        at("2026-12-22", Event::acknowledged()),
    ];
    let on_saturday = [
        base.clone(),
        vec![extended("2027-01-05", "2027-01-16", false)],
    ]
    .concat();
    assert_eq!(
        refused(&code_like(), &on_saturday).code,
        "extension_not_working_day"
    );
    let earlier = [
        base.clone(),
        vec![extended("2027-01-05", "2027-01-07", false)],
    ]
    .concat();
    assert_eq!(refused(&code_like(), &earlier).code, "extension_not_later");
    let no_reason = [
        base.clone(),
        vec![at(
            "2027-01-05",
            Event::Extended {
                reason: " ".to_owned(),
                new_date: date("2027-01-15"),
                agreed_with_resident: false,
                good_reason: None,
            },
        )],
    ]
    .concat();
    assert_eq!(
        refused(&code_like(), &no_reason).code,
        "extension_reason_missing"
    );
    let after = [
        base,
        vec![
            responded("2027-01-06"),
            extended("2027-01-07", "2027-01-15", false),
        ],
    ]
    .concat();
    assert_eq!(refused(&code_like(), &after).code, "already_responded");
}

// --- Stage 2: "An appeal ... must be received ... no later than 10 working days
// --- after the complainant received the Stage 1 response" (Pivotal).

#[test]
fn an_appeal_after_the_ten_day_window_is_refused_with_the_last_day() {
    // Stage 1 response on Friday 22 January 2027: the last day to appeal is Friday 5 February.
    let records = [
        received("2027-01-08"),
        responded("2027-01-22"),
        escalation("2027-02-08"),
    ];
    let refusal = refused(&pivotal_like(), &records);
    assert_eq!(refusal.code, "escalation_window_closed");
    assert_eq!(
        refusal.message,
        "You can no longer ask for a review. The last day to ask was Friday 5 February 2027."
    );
}

#[test]
fn the_view_shows_the_appeal_window_and_then_that_it_has_closed() {
    let records = [received("2027-01-08"), responded("2027-01-22")];
    let open = seen(&pivotal_like(), &records, "2027-02-05");
    let window = open.open_window.clone().expect("an open window");
    assert_eq!(window.action, ResidentAction::RequestEscalation);
    assert_eq!(window.last_day, Some(date("2027-02-05")));
    assert_eq!(window.working_days_left, Some(1));
    assert!(open
        .allowed_actions
        .contains(&ResidentAction::RequestEscalation));
    assert_eq!(due(&open, "stage_1_window").date, date("2027-02-05"));

    let closed = seen(&pivotal_like(), &records, "2027-02-08");
    assert_eq!(closed.open_window, None);
    assert!(!closed
        .allowed_actions
        .contains(&ResidentAction::RequestEscalation));
    assert_eq!(closed.closed_windows.len(), 1);
    assert_eq!(closed.closed_windows[0].last_day, date("2027-02-05"));
    assert_eq!(
        closed.closed_windows[0].action,
        ResidentAction::RequestEscalation
    );
    assert!(
        !due(&closed, "stage_1_window").overdue,
        "a resident's window is never 'overdue'"
    );
}

#[test]
fn an_appeal_on_the_last_day_starts_stage_two_counted_from_the_request() {
    // Response Wednesday 7 April 2027; the window runs to Wednesday 21 April.
    let records = [
        received("2027-03-22"),
        responded("2027-04-07"),
        escalation("2027-04-21"),
    ];
    let v = seen(&pivotal_like(), &records, "2027-04-21");
    assert_eq!(v.status, Status::EscalationRequested);
    assert_eq!(
        v.stage.as_ref().map(|s| (s.number, s.name.as_str())),
        Some((2, "Appeal"))
    );
    assert_eq!(due(&v, "stage_1_window").met, Some(true));
    assert_eq!(due(&v, "stage_2_acknowledge").date, date("2027-04-26"));
    assert_eq!(due(&v, "stage_2_acknowledge").kind, DueKind::Acknowledge);
    assert_eq!(due(&v, "stage_2_acknowledge").stage, 2);
    // 20 working days from receipt of the appeal, not counting the early May bank holiday.
    let respond = due(&v, "stage_2_respond");
    assert_eq!(respond.date, date("2027-05-20"));
    assert_eq!(
        explain_skipped(&respond.skipped).as_deref(),
        Some("We don't count 3 May (a bank holiday).")
    );
    assert_eq!(
        respond.basis.to_string(),
        "20 working days after we received your request for stage 2"
    );
}

#[test]
fn the_code_sets_no_window_so_a_review_can_be_asked_for_any_time_before_closure() {
    let records = [
        received("2026-12-18"),
        at("2026-12-22", Event::acknowledged()),
        responded("2027-01-08"),
    ];
    let v = seen(&code_like(), &records, "2027-09-01");
    let window = v.open_window.expect("open");
    assert_eq!((window.last_day, window.working_days_left), (None, None));
    let later = [records.to_vec(), vec![escalation("2027-09-01")]].concat();
    let v = seen(&code_like(), &later, "2027-09-01");
    assert_eq!(due(&v, "stage_2_acknowledge").date, date("2027-09-08"));
    // Stage 2 answered 20 working days after acknowledgement.
    let acknowledged = [later, vec![at("2027-09-03", Event::acknowledged())]].concat();
    let v = seen(&code_like(), &acknowledged, "2027-09-03");
    assert_eq!(due(&v, "stage_2_respond").date, date("2027-10-01"));
}

#[test]
fn a_review_cannot_be_asked_for_before_a_response_or_after_the_last_stage() {
    let early = [received("2027-01-08"), escalation("2027-01-11")];
    assert_eq!(refused(&code_like(), &early).code, "not_responded");
    let last = [
        received("2027-01-08"),
        responded("2027-01-15"),
        escalation("2027-01-18"),
        responded("2027-02-01"),
        escalation("2027-02-02"),
    ];
    let refusal = refused(&code_like(), &last);
    assert_eq!(refusal.code, "last_stage");
    assert!(
        refusal.message.contains("Housing Ombudsman"),
        "{}",
        refusal.message
    );
}

#[test]
fn a_refused_escalation_returns_to_stage_one_and_shows_the_ombudsman_guidance() {
    let records = [
        received("2027-01-08"),
        responded("2027-01-15"),
        escalation("2027-01-18"),
        at(
            "2027-01-19",
            Event::EscalationRefused {
                reasons: "This was a new repair request.".to_owned(),
            },
        ),
    ];
    let state = ok(&code_like(), &records);
    assert_eq!(state.stages.len(), 1);
    let v = view(
        &state,
        &code_like(),
        &Calendar::england_and_wales(),
        date("2027-01-19"),
    );
    assert_eq!(v.status, Status::EscalationRefused);
    assert!(v
        .ombudsman_guidance
        .iter()
        .any(|g| g.contains("decision not to escalate")));
    assert_eq!(v.open_window, None);
}

// --- The panel (Pioneer): "notify us within 10 working days of the stage 2
// --- response letter"; "within 5 working days of the panel hearing"; "will not
// --- under any circumstances consider convening a stage 3 panel if the matter is
// --- referred to the Housing Ombudsman".

fn to_stage_two_response(response_on: &str) -> Vec<EventRecord> {
    vec![
        received("2027-10-01"),
        responded("2027-10-15"),
        escalation("2027-10-18"),
        responded(response_on),
    ]
}

#[test]
fn a_panel_asked_for_over_christmas_2027_has_its_window_convening_and_outcome_dates() {
    let mut records = to_stage_two_response("2027-12-20");
    let v = seen(&pioneer_like(), &records, "2027-12-21");
    let window = due(&v, "panel_window");
    // Christmas 2027 falls on a Saturday (27, 28 December) and New Year 2028 on a Saturday (3 January).
    assert_eq!(window.date, date("2028-01-06"));
    assert_eq!(
        explain_skipped(&window.skipped).as_deref(),
        Some("We don't count 27, 28 December or 3 January (bank holidays).")
    );
    assert_eq!(
        v.open_window.as_ref().map(|w| w.action),
        Some(ResidentAction::RequestPanel)
    );
    assert!(v.final_response);

    records.push(panel_request("2028-01-06", Some(("Sam", "friend"))));
    let v = seen(&pioneer_like(), &records, "2028-01-07");
    assert_eq!(v.status, Status::PanelRequested);
    assert_eq!(
        v.stage.as_ref().map(|s| (s.number, s.name.as_str())),
        Some((3, "Tenant-led panel"))
    );
    assert_eq!(due(&v, "panel_convene").date, date("2028-02-03"));
    assert_eq!(v.next_due, Some(date("2028-02-03")));

    records.push(at(
        "2028-01-10",
        Event::PanelHeld {
            date: date("2028-02-01"),
        },
    ));
    let v = seen(&pioneer_like(), &records, "2028-01-20");
    assert_eq!(v.status, Status::PanelScheduled);
    let v = seen(&pioneer_like(), &records, "2028-02-01");
    assert_eq!(v.status, Status::AwaitingPanelOutcome);
    assert_eq!(due(&v, "panel_convene").met, Some(true));
    assert_eq!(due(&v, "panel_outcome").date, date("2028-02-08"));

    records.push(at(
        "2028-02-07",
        Event::PanelOutcome {
            outcome: Outcome::Upheld,
            reasons: "Agreed.".to_owned(),
        },
    ));
    let v = seen(&pioneer_like(), &records, "2028-02-07");
    assert_eq!(v.status, Status::Responded);
    assert_eq!(due(&v, "panel_outcome").met, Some(true));
    assert!(v
        .ombudsman_guidance
        .iter()
        .any(|g| g.contains("investigate")));
}

#[test]
fn a_panel_asked_for_after_its_window_is_refused() {
    let mut records = to_stage_two_response("2027-12-20");
    records.push(panel_request("2028-01-07", None));
    let refusal = refused(&pioneer_like(), &records);
    assert_eq!(refusal.code, "panel_window_closed");
    assert_eq!(
        refusal.message,
        "You can no longer ask for a panel. The last day to ask was Thursday 6 January 2028."
    );
}

#[test]
fn a_legal_representative_is_refused_at_the_panel() {
    let mut records = to_stage_two_response("2027-12-20");
    records.push(panel_request("2027-12-21", Some(("A. Brief", "Solicitor"))));
    let refusal = refused(&pioneer_like(), &records);
    assert_eq!(refusal.code, "legal_representative_not_allowed");
}

#[test]
fn only_the_policys_representatives_may_come_to_the_panel() {
    let mut records = to_stage_two_response("2027-12-20");
    records.push(panel_request("2027-12-21", Some(("Pat", "neighbour"))));
    let refusal = refused(&pioneer_like(), &records);
    assert_eq!(refusal.code, "representative_not_allowed");
    assert_eq!(
        refusal.message,
        "You can bring a friend or a relative to the panel."
    );
    let mut relative = to_stage_two_response("2027-12-20");
    relative.push(panel_request("2027-12-21", Some(("Pat", "Relative"))));
    assert!(ok(&pioneer_like(), &relative).panel.is_some());
}

#[test]
fn no_panel_once_the_complaint_has_gone_to_the_ombudsman() {
    let mut records = to_stage_two_response("2027-12-20");
    records.push(by(
        ActorKind::Resident,
        "2027-12-21",
        Event::ReferredToOmbudsman,
    ));
    records.push(panel_request("2027-12-22", None));
    let refusal = refused(&pioneer_like(), &records);
    assert_eq!(
        refusal.message,
        "A panel cannot be held once the complaint has gone to the Housing Ombudsman."
    );

    let mut held = to_stage_two_response("2027-12-20");
    held.push(panel_request("2027-12-21", None));
    held.push(by(
        ActorKind::Resident,
        "2027-12-22",
        Event::ReferredToOmbudsman,
    ));
    held.push(at(
        "2027-12-23",
        Event::PanelHeld {
            date: date("2028-01-10"),
        },
    ));
    assert_eq!(
        refused(&pioneer_like(), &held).message,
        "A panel cannot be held once the complaint has gone to the Housing Ombudsman."
    );
}

#[test]
fn a_policy_without_a_panel_refuses_one() {
    let records = [
        received("2027-01-08"),
        responded("2027-01-15"),
        escalation("2027-01-18"),
        responded("2027-02-01"),
        panel_request("2027-02-02", None),
    ];
    assert_eq!(
        refused(&code_like(), &records).message,
        "This landlord's policy has no stage 3 panel."
    );
}

#[test]
fn a_panel_cannot_be_asked_for_before_the_last_stage_has_responded() {
    let records = [
        received("2027-10-01"),
        responded("2027-10-15"),
        panel_request("2027-10-18", None),
    ];
    assert_eq!(refused(&pioneer_like(), &records).code, "panel_too_early");
}

// --- Withdrawal, closure and reopening.

#[test]
fn a_complaint_cannot_be_withdrawn_twice() {
    let records = [
        received("2027-01-08"),
        by(
            ActorKind::Resident,
            "2027-01-11",
            Event::Withdrawn { reason: None },
        ),
        by(
            ActorKind::Resident,
            "2027-01-12",
            Event::Withdrawn { reason: None },
        ),
    ];
    assert_eq!(
        refused(&code_like(), &records).message,
        "This complaint has already been withdrawn."
    );
}

#[test]
fn after_closure_only_reopening_and_the_ombudsman_are_allowed() {
    let closed = vec![
        received("2027-01-08"),
        responded("2027-01-15"),
        at(
            "2027-01-29",
            Event::Closed {
                why: ClosedWhy::NoContact,
            },
        ),
    ];
    let v = seen(&code_like(), &closed, "2027-02-01");
    assert_eq!(v.status, Status::Closed);
    assert!(v.allowed_actions.is_empty());
    assert_eq!(
        v.staff_actions,
        [StaffAction::Reopen, StaffAction::RecordReferralToOmbudsman]
    );
    assert_eq!(v.next_due, None);

    let escalate = [closed.clone(), vec![escalation("2027-02-01")]].concat();
    let refusal = refused(&code_like(), &escalate);
    assert_eq!(refusal.code, "closed");
    assert_eq!(
        refusal.message,
        "This complaint was closed on Friday 29 January 2027. It would need to be reopened first."
    );

    let reopened = [
        closed,
        vec![
            at(
                "2027-02-01",
                Event::Reopened {
                    reason: "New evidence".to_owned(),
                },
            ),
            escalation("2027-02-02"),
        ],
    ]
    .concat();
    let v = seen(&code_like(), &reopened, "2027-02-02");
    assert_eq!(v.status, Status::EscalationRequested);
}

#[test]
fn with_the_ombudsman_the_status_says_so() {
    let records = [
        received("2027-01-08"),
        by(
            ActorKind::Resident,
            "2027-01-11",
            Event::ReferredToOmbudsman,
        ),
    ];
    assert_eq!(
        seen(&code_like(), &records, "2027-01-11").status,
        Status::WithOmbudsman
    );
    let twice = [
        records.to_vec(),
        vec![by(
            ActorKind::Resident,
            "2027-01-12",
            Event::ReferredToOmbudsman,
        )],
    ]
    .concat();
    assert_eq!(refused(&code_like(), &twice).code, "already_with_ombudsman");
}

#[test]
fn an_information_request_sets_the_status_until_the_resident_answers() {
    let asked = vec![
        received("2027-01-08"),
        at("2027-01-11", Event::acknowledged()),
        at(
            "2027-01-12",
            Event::InformationRequested {
                what: "Photos of the damp".to_owned(),
            },
        ),
    ];
    assert_eq!(
        seen(&code_like(), &asked, "2027-01-12").status,
        Status::InformationRequested
    );
    let answered = [
        asked,
        vec![by(
            ActorKind::Resident,
            "2027-01-13",
            Event::InformationGiven {
                text: "Attached".to_owned(),
            },
        )],
    ]
    .concat();
    assert_eq!(
        seen(&code_like(), &answered, "2027-01-13").status,
        Status::UnderInvestigation
    );
}

#[test]
fn the_actions_offered_match_the_stage() {
    let v = seen(&code_like(), &[received("2027-01-08")], "2027-01-08");
    assert_eq!(
        v.allowed_actions,
        [ResidentAction::AddInformation, ResidentAction::Withdraw]
    );
    assert!(v.staff_actions.contains(&StaffAction::Acknowledge));
    assert!(v.staff_actions.contains(&StaffAction::Extend));
    assert!(!v.staff_actions.contains(&StaffAction::Reopen));

    let v = seen(
        &code_like(),
        &[received("2027-01-08"), responded("2027-01-15")],
        "2027-01-15",
    );
    assert_eq!(
        v.allowed_actions,
        [
            ResidentAction::AddInformation,
            ResidentAction::RequestEscalation,
            ResidentAction::Withdraw,
            ResidentAction::RecordSatisfaction
        ]
    );
    assert!(!v.staff_actions.contains(&StaffAction::Extend));
}

#[test]
fn a_case_received_after_today_is_still_shown_with_its_actions() {
    // The server's clock was put back (a test, or a corrected clock): the case
    // is dated after "today", when fewer staff actions can be probed.
    let v = seen(&code_like(), &[received("2027-01-08")], "2027-01-04");
    assert!(v.staff_actions.contains(&StaffAction::Extend));
    assert!(!v.staff_actions.contains(&StaffAction::Reopen));
}

#[test]
fn a_response_to_a_complaint_must_give_an_outcome() {
    let records = [
        received("2027-01-08"),
        at(
            "2027-01-11",
            Event::Responded {
                outcome: None,
                reasons: String::new(),
                remedies: vec![],
                outstanding_actions: vec![],
                sent_by: None,
                root_causes: Vec::new(),
                lessons: None,
            },
        ),
    ];
    assert_eq!(refused(&code_like(), &records).code, "outcome_missing");
}

#[test]
fn events_cannot_be_dated_before_the_complaint_was_received() {
    let records = [
        received("2027-01-08"),
        at("2027-01-07", Event::acknowledged()),
    ];
    assert_eq!(refused(&code_like(), &records).code, "before_receipt");
}

#[test]
fn a_case_must_start_with_its_receipt() {
    assert_eq!(refused(&code_like(), &[]).code, "no_events");
    assert_eq!(
        refused(&code_like(), &[at("2027-01-08", Event::acknowledged())]).code,
        "not_received"
    );
}

// --- Compliments and comments have no stages.

#[test]
fn a_compliment_is_received_acknowledged_answered_and_closed_but_never_escalated() {
    let received = by(
        ActorKind::Resident,
        "2027-01-08",
        Event::Received {
            kind: CaseKind::Compliment,
            received_on: date("2027-01-08"),
            awaiting_decision: Vec::new(),
            through_councillor_or_mp: false,
        },
    );
    let records = vec![received, at("2027-01-11", Event::acknowledged())];
    let v = seen(&code_like(), &records, "2027-01-11");
    assert_eq!(
        (v.kind, v.status, v.stage.clone()),
        (CaseKind::Compliment, Status::Acknowledged, None)
    );
    assert!(v.due_dates.is_empty());
    assert!(v.allowed_actions.is_empty());

    let escalate = [records.clone(), vec![escalation("2027-01-12")]].concat();
    assert_eq!(refused(&code_like(), &escalate).code, "not_a_complaint");
    let closed = [
        records,
        vec![
            responded("2027-01-12"),
            at(
                "2027-01-12",
                Event::Closed {
                    why: ClosedWhy::Resolved,
                },
            ),
        ],
    ]
    .concat();
    assert_eq!(
        seen(&code_like(), &closed, "2027-01-12").status,
        Status::Closed
    );
}

// --- Storage format.

#[test]
fn events_are_stored_as_snake_case_json_with_a_type_tag() {
    let record = by(
        ActorKind::Advocate,
        "2027-01-08",
        Event::EscalationRequested { reason: None },
    );
    let json = serde_json::to_value(&record).expect("serialises");
    assert_eq!(
        json["event"],
        serde_json::json!({"type": "escalation_requested", "reason": null})
    );
    assert_eq!(
        json["actor"],
        serde_json::json!({"kind": "advocate", "name": null})
    );
    assert_eq!(json["at"], "2027-01-08T12:00:00Z");
    assert_eq!(json["on"], "2027-01-08");

    let stored = r#"{"at":"2027-01-08T09:30:00Z","actor":{"kind":"staff"},
        "event":{"type":"closed","why":{"other":"Duplicate of another complaint"}}}"#;
    let back: EventRecord = serde_json::from_str(stored).expect("parses");
    assert_eq!(
        back.event,
        Event::Closed {
            why: ClosedWhy::Other("Duplicate of another complaint".to_owned())
        }
    );
    assert_eq!(back.date(), date("2027-01-08"));

    let minimal: Event =
        serde_json::from_str(r#"{"type":"escalation_requested"}"#).expect("reason is optional");
    assert_eq!(minimal, Event::EscalationRequested { reason: None });
    let no_contact: Event =
        serde_json::from_str(r#"{"type":"closed","why":"no_contact"}"#).expect("parses");
    assert_eq!(
        no_contact,
        Event::Closed {
            why: ClosedWhy::NoContact
        }
    );
}

#[test]
fn the_view_serialises_statuses_and_actions_in_snake_case() {
    let v = seen(
        &pivotal_like(),
        &[received("2027-01-08"), responded("2027-01-22")],
        "2027-01-25",
    );
    let json = serde_json::to_value(&v).expect("serialises");
    assert_eq!(json["status"], "responded");
    assert_eq!(json["open_window"]["action"], "request_escalation");
    assert_eq!(json["due_dates"][0]["key"], "stage_1_respond");
}

#[test]
fn an_event_without_a_day_happens_on_the_uk_day_of_its_timestamp() {
    // 23:30 UTC on 30 June is 00:30 on 1 July in British Summer Time.
    assert_eq!(
        uk_date(Utc.with_ymd_and_hms(2026, 6, 30, 23, 30, 0).unwrap()),
        date("2026-07-01")
    );
    assert_eq!(
        uk_date(Utc.with_ymd_and_hms(2026, 12, 31, 23, 30, 0).unwrap()),
        date("2026-12-31")
    );
    // The clocks go forward at 01:00 UTC on Sunday 29 March 2026 and back at 01:00 UTC on 25 October.
    assert_eq!(
        uk_date(Utc.with_ymd_and_hms(2026, 3, 29, 0, 59, 0).unwrap()),
        date("2026-03-29")
    );
    assert_eq!(
        uk_date(Utc.with_ymd_and_hms(2026, 3, 28, 23, 30, 0).unwrap()),
        date("2026-03-28")
    );
    assert_eq!(
        uk_date(Utc.with_ymd_and_hms(2026, 10, 24, 23, 30, 0).unwrap()),
        date("2026-10-25")
    );
    assert_eq!(
        uk_date(Utc.with_ymd_and_hms(2026, 10, 25, 23, 30, 0).unwrap()),
        date("2026-10-25")
    );
}

#[test]
fn a_moment_reads_as_the_uk_wall_clock_in_summer_and_winter() {
    use domain::calendar::uk_local;
    let hm = |at: chrono::DateTime<Utc>| uk_local(at).format("%Y-%m-%d %H:%M").to_string();
    assert_eq!(
        hm(Utc.with_ymd_and_hms(2026, 7, 1, 9, 15, 0).unwrap()),
        "2026-07-01 10:15"
    );
    assert_eq!(
        hm(Utc.with_ymd_and_hms(2026, 12, 2, 9, 15, 0).unwrap()),
        "2026-12-02 09:15"
    );
    // The hour the clocks go back: 00:59 UTC is 01:59 BST, 01:00 UTC is 01:00 GMT.
    assert_eq!(
        hm(Utc.with_ymd_and_hms(2026, 10, 25, 0, 59, 0).unwrap()),
        "2026-10-25 01:59"
    );
    assert_eq!(
        hm(Utc.with_ymd_and_hms(2026, 10, 25, 1, 0, 0).unwrap()),
        "2026-10-25 01:00"
    );
}

// --- How each date was counted, as data: the same as the words, so an app
// --- can say it in another language.

/// The due date's structured basis, checked to read as its English `basis`.
fn parts(d: &DueDate) -> Basis {
    d.basis.clone()
}

#[test]
fn each_due_date_says_what_it_was_counted_from_as_data() {
    let v = seen(&code_like(), &[received("2026-12-18")], "2026-12-18");
    assert_eq!(
        parts(due(&v, "stage_1_acknowledge")),
        Basis::new(5, BasisFrom::Received { stage: 1 })
    );
    assert_eq!(
        parts(due(&v, "stage_1_respond")),
        Basis::new(
            10,
            BasisFrom::AcknowledgeDue {
                stage: 1,
                date: date("2026-12-29")
            }
        )
    );
    assert_eq!(
        due(&v, "stage_1_respond").basis.to_string(),
        "10 working days after the date we must acknowledge your complaint by \
         (Tuesday 29 December 2026); we have not acknowledged it yet"
    );

    let records = [
        received("2026-12-18"),
        at("2026-12-22", Event::acknowledged()),
        extended("2027-01-05", "2027-01-22", false),
    ];
    let v = seen(&code_like(), &records, "2027-01-06");
    assert_eq!(
        parts(due(&v, "stage_1_respond")),
        Basis {
            days: 10,
            from: BasisFrom::Acknowledged { stage: 1 },
            extension: Some(BasisExtension {
                days: 10,
                original_date: date("2027-01-08"),
            }),
        }
    );
    assert_eq!(
        due(&v, "stage_1_respond").basis.to_string(),
        "10 working days after we acknowledged your complaint, \
         extended by 10 working days from Friday 8 January 2027"
    );

    let v = seen(
        &no_acknowledgement_date_like(),
        &[received("2027-03-01")],
        "2027-03-01",
    );
    assert_eq!(
        parts(due(&v, "stage_1_respond")),
        Basis::new(10, BasisFrom::ReceivedNotAcknowledged { stage: 1 })
    );
    assert_eq!(
        due(&v, "stage_1_respond").basis.to_string(),
        "10 working days after we received your complaint; we have not acknowledged it yet"
    );
}

#[test]
fn a_later_stage_and_the_windows_after_a_response_say_which_stage_as_data() {
    let records = [
        received("2027-03-22"),
        responded("2027-04-07"),
        escalation("2027-04-21"),
    ];
    let v = seen(&pivotal_like(), &records, "2027-04-21");
    assert_eq!(
        parts(due(&v, "stage_1_window")),
        Basis::new(10, BasisFrom::StageResponse { stage: 1 })
    );
    assert_eq!(
        due(&v, "stage_1_window").basis.to_string(),
        "10 working days after our stage 1 response"
    );
    assert_eq!(
        parts(due(&v, "stage_2_acknowledge")),
        Basis::new(3, BasisFrom::Received { stage: 2 })
    );
    assert_eq!(
        parts(due(&v, "stage_2_respond")),
        Basis::new(20, BasisFrom::Received { stage: 2 })
    );

    let records = [
        received("2026-12-18"),
        at("2026-12-22", Event::acknowledged()),
        responded("2027-01-08"),
        escalation("2027-01-11"),
        at("2027-01-12", Event::acknowledged()),
    ];
    let v = seen(&code_like(), &records, "2027-01-12");
    assert_eq!(
        parts(due(&v, "stage_2_respond")),
        Basis::new(20, BasisFrom::Acknowledged { stage: 2 })
    );
    assert_eq!(
        due(&v, "stage_2_respond").basis.to_string(),
        "20 working days after we acknowledged your request for stage 2"
    );
}

#[test]
fn the_panel_dates_say_what_they_were_counted_from_as_data() {
    let mut records = to_stage_two_response("2027-12-20");
    records.push(panel_request("2028-01-06", None));
    records.push(at(
        "2028-01-10",
        Event::PanelHeld {
            date: date("2028-02-01"),
        },
    ));
    let v = seen(&pioneer_like(), &records, "2028-02-01");
    assert_eq!(
        parts(due(&v, "panel_window")),
        Basis::new(10, BasisFrom::StageResponse { stage: 2 })
    );
    assert_eq!(
        parts(due(&v, "panel_convene")),
        Basis::new(20, BasisFrom::PanelRequested)
    );
    assert_eq!(
        due(&v, "panel_convene").basis.to_string(),
        "20 working days after you asked for a panel"
    );
    assert_eq!(
        parts(due(&v, "panel_outcome")),
        Basis::new(5, BasisFrom::PanelMet)
    );
    assert_eq!(
        due(&v, "panel_outcome").basis.to_string(),
        "5 working days after the panel met"
    );
}

#[test]
fn one_working_day_reads_in_the_singular() {
    assert_eq!(
        Basis::new(1, BasisFrom::PanelMet).to_string(),
        "1 working day after the panel met"
    );
}
