//! The caseworker's side of a case: who handles it (Code 6.13).

mod case_support;

use case_support::{at, by, code_like, received};
use domain::calendar::Calendar;
use domain::case::{replay, ActorKind, CaseState, Event, EventRecord, Outcome, Refusal, Refused};
use domain::policy::Policy;

fn run(policy: &Policy, records: &[EventRecord]) -> Result<CaseState, Refusal> {
    replay(policy, &Calendar::england_and_wales(), records)
}

/// An event by the member of staff with this account.
fn by_staff(account: &str, on: &str, event: Event) -> EventRecord {
    let mut record = at(on, event);
    record.actor.id = Some(account.to_owned());
    record.actor.name = Some(account.to_owned());
    record
}

fn assigned(account: &str) -> Event {
    Event::Assigned {
        caseworker: format!("{account} Caseworker"),
        caseworker_id: Some(account.to_owned()),
    }
}

fn responded() -> Event {
    Event::Responded {
        outcome: Some(Outcome::NotUpheld),
        reasons: "The repair was done on time.".to_owned(),
        remedies: Vec::new(),
        outstanding_actions: Vec::new(),
        sent_by: None,
        root_causes: Vec::new(),
        lessons: None,
    }
}

fn escalation(on: &str) -> EventRecord {
    by(
        ActorKind::Resident,
        on,
        Event::EscalationRequested { reason: None },
    )
}

/// Stage 1: Sam is assigned, and Ola records the response.
fn stage_one() -> Vec<EventRecord> {
    vec![
        received("2026-03-02"),
        by_staff("ola", "2026-03-03", Event::acknowledged()),
        by_staff("ola", "2026-03-03", assigned("sam")),
        by_staff("ola", "2026-03-10", responded()),
        escalation("2026-03-12"),
    ]
}

#[test]
fn assigning_sets_the_caseworker_and_their_account() {
    let state = run(&code_like(), &stage_one()[..3]).expect("allowed");
    assert_eq!(state.caseworker.as_deref(), Some("sam Caseworker"));
    assert_eq!(state.caseworker_id.as_deref(), Some("sam"));
}

#[test]
fn stage_two_starts_without_the_stage_one_caseworker() {
    let state = run(&code_like(), &stage_one()).expect("allowed");
    assert_eq!(state.current_stage().map(|s| s.number), Some(2));
    assert_eq!(state.caseworker, None, "stage 2 needs someone new");
    assert_eq!(state.caseworker_id, None);
}

#[test]
fn stage_two_cannot_go_to_whoever_dealt_with_stage_one() {
    // Sam was stage 1's caseworker; Ola recorded its response.
    for account in ["sam", "ola"] {
        let mut records = stage_one();
        records.push(by_staff("kim", "2026-03-13", assigned(account)));
        let refusal = run(&code_like(), &records).expect_err("Code 6.13");
        assert_eq!(refusal.code, "handled_earlier_stage");
        assert!(matches!(
            refusal.why,
            Refused::HandledEarlierStage {
                earlier: 1,
                stage: 2,
                ..
            }
        ));
        assert!(refusal.message.contains("6.13"), "{}", refusal.message);
        assert!(
            refusal.message.starts_with(&format!(
                "{account} Caseworker dealt with this complaint at stage 1"
            )),
            "{}",
            refusal.message
        );
    }
    let mut records = stage_one();
    records.push(by_staff("kim", "2026-03-13", assigned("kim")));
    let state = run(&code_like(), &records).expect("someone new may take stage 2");
    assert_eq!(state.caseworker_id.as_deref(), Some("kim"));
}

#[test]
fn stage_one_may_change_hands_and_back() {
    let records = vec![
        received("2026-03-02"),
        by_staff("ola", "2026-03-03", assigned("sam")),
        by_staff("ola", "2026-03-04", assigned("ola")),
        by_staff("ola", "2026-03-05", assigned("sam")),
    ];
    let state = run(&code_like(), &records).expect("the same stage");
    assert_eq!(state.caseworker_id.as_deref(), Some("sam"));
}

#[test]
fn assignments_without_an_account_are_still_read() {
    // Recorded before caseworkers were accounts: a name only.
    let mut records = stage_one();
    records.push(at(
        "2026-03-13",
        Event::Assigned {
            caseworker: "Sam Caseworker".to_owned(),
            caseworker_id: None,
        },
    ));
    let state = run(&code_like(), &records).expect("no account to check");
    assert_eq!(state.caseworker.as_deref(), Some("Sam Caseworker"));
    let old: Event =
        serde_json::from_str(r#"{"type":"assigned","caseworker":"Sam"}"#).expect("old shape");
    assert_eq!(
        old,
        Event::Assigned {
            caseworker: "Sam".to_owned(),
            caseworker_id: None
        }
    );
}

// --- Taking a complaint on, or not (Code 2.3, 2.4) ------------------------

fn preset(id: &str) -> Policy {
    Policy::preset(id).expect("a preset")
}

/// An out-of-time complaint the resident sent anyway, on Monday 2 March 2026.
fn out_of_time() -> EventRecord {
    let mut record = received("2026-03-02");
    record.event = Event::Received {
        kind: domain::case::CaseKind::Complaint,
        received_on: case_support::date("2026-03-02"),
        awaiting_decision: vec!["outside_time_limit".to_owned()],
        through_councillor_or_mp: false,
    };
    record
}

fn accepted(reason: &str, exception: Option<&str>) -> Event {
    Event::Accepted {
        reason: reason.to_owned(),
        exception: exception.map(str::to_owned),
    }
}

fn seen(policy: &Policy, records: &[EventRecord], today: &str) -> domain::case::CaseView {
    let state = run(policy, records).expect("allowed");
    domain::case::view(
        &state,
        policy,
        &Calendar::england_and_wales(),
        case_support::date(today),
    )
}

#[test]
fn an_out_of_time_complaint_waits_for_a_decision_and_its_acknowledgement_date_still_runs() {
    let policy = preset("code-2024");
    let v = seen(&policy, &[out_of_time()], "2026-03-03");
    assert_eq!(v.status, domain::case::Status::AwaitingDecision);
    assert_eq!(v.next_step, Some(domain::case::NextStep::AwaitingDecision));
    assert!(v.staff_actions.contains(&domain::case::StaffAction::Accept));
    assert!(v
        .staff_actions
        .contains(&domain::case::StaffAction::Decline));
    assert!(v
        .staff_actions
        .contains(&domain::case::StaffAction::Acknowledge));
    assert!(!v
        .staff_actions
        .contains(&domain::case::StaffAction::Respond));
    // Acknowledge within 5 working days of receipt: Monday 9 March.
    assert_eq!(v.next_due, Some(case_support::date("2026-03-09")));
    let records = [
        out_of_time(),
        at("2026-03-03", Event::acknowledged()),
        at("2026-03-10", responded()),
    ];
    let refusal = run(&policy, &records).expect_err("decide first");
    assert_eq!(refusal.code, "decision_pending");
}

#[test]
fn with_discretion_staff_accept_for_a_recorded_reason_and_the_complaint_goes_on() {
    let policy = preset("code-2024");
    let records = [
        out_of_time(),
        at(
            "2026-03-03",
            accepted("The resident was in hospital for a year.", None),
        ),
        at("2026-03-04", Event::acknowledged()),
        at("2026-03-10", responded()),
    ];
    let state = run(&policy, &records).expect("discretion");
    let decision = state
        .taking_on
        .as_ref()
        .and_then(|t| t.decision.as_ref())
        .expect("decided");
    assert!(decision.accepted);
    assert_eq!(decision.reasons, "The resident was in hospital for a year.");
    let refusal = run(
        &policy,
        &[out_of_time(), at("2026-03-03", accepted(" ", None))],
    )
    .expect_err("a reason is recorded");
    assert_eq!(refusal.code, "reasons_missing");
    let again = [
        out_of_time(),
        at("2026-03-03", accepted("Good reason", None)),
        at("2026-03-04", accepted("Good reason", None)),
    ];
    assert_eq!(
        run(&policy, &again).expect_err("decided once").code,
        "no_decision_pending"
    );
}

#[test]
fn without_discretion_only_a_listed_exception_takes_it_on() {
    // Pivotal §6.1(a): six months, "unless related to safeguarding or health
    // and safety matters"; no discretion.
    let policy = preset("pivotal-2021");
    let refusal = run(
        &policy,
        &[
            out_of_time(),
            at("2026-03-03", accepted("It seems fair", None)),
        ],
    )
    .expect_err("no discretion");
    assert_eq!(refusal.code, "no_discretion");
    assert!(
        refusal.message.contains("It is about safeguarding"),
        "{}",
        refusal.message
    );
    let refusal = run(
        &policy,
        &[
            out_of_time(),
            at(
                "2026-03-03",
                accepted("It seems fair", Some("The rent is too high")),
            ),
        ],
    )
    .expect_err("not listed");
    assert_eq!(refusal.code, "not_a_listed_exception");
    let state = run(
        &policy,
        &[
            out_of_time(),
            at(
                "2026-03-03",
                accepted("Damp is a hazard", Some("it is about health and safety")),
            ),
        ],
    )
    .expect("a listed exception");
    let decision = state.taking_on.unwrap().decision.unwrap();
    assert_eq!(
        decision.exception.as_deref(),
        Some("It is about health and safety"),
        "recorded in the policy's words"
    );
}

#[test]
fn a_declined_complaint_is_finished_with_its_reasons_and_the_ombudsman_route() {
    let policy = preset("code-2024");
    let records = [
        out_of_time(),
        at("2026-03-03", Event::acknowledged()),
        at(
            "2026-03-05",
            Event::Declined {
                reasons: "The repair was in 2023 and nothing stopped you telling us then."
                    .to_owned(),
            },
        ),
    ];
    let v = seen(&policy, &records, "2026-03-06");
    assert_eq!(v.status, domain::case::Status::NotTakenOn);
    assert_eq!(
        v.next_step,
        Some(domain::case::NextStep::NotTakenOn {
            on: case_support::date("2026-03-05"),
            reasons: "The repair was in 2023 and nothing stopped you telling us then.".to_owned(),
        })
    );
    assert_eq!(v.next_due, None, "nothing more is due");
    assert!(v.allowed_actions.is_empty(), "{:?}", v.allowed_actions);
    // Twelve months to take the decision to the Ombudsman.
    assert_eq!(v.ombudsman_by, Some(case_support::date("2027-03-05")));
    assert!(!v.ombudsman_guidance.is_empty());
    assert_eq!(
        v.staff_actions,
        [
            domain::case::StaffAction::Reopen,
            domain::case::StaffAction::RecordReferralToOmbudsman
        ]
    );
    // Reopened (the Ombudsman said take it on): it waits for the decision again.
    let mut reopened = records.to_vec();
    reopened.push(at(
        "2026-04-01",
        Event::Reopened {
            reason: "The Ombudsman asked us to take it on".to_owned(),
        },
    ));
    let v = seen(&policy, &reopened, "2026-04-01");
    assert_eq!(v.status, domain::case::Status::AwaitingDecision);
    let blank = [
        out_of_time(),
        at(
            "2026-03-05",
            Event::Declined {
                reasons: "".to_owned(),
            },
        ),
    ];
    assert_eq!(
        run(&policy, &blank).expect_err("reasons").code,
        "reasons_missing"
    );
}

#[test]
fn a_complaint_that_never_waited_cannot_be_accepted_or_declined() {
    let records = [
        received("2026-03-02"),
        at(
            "2026-03-03",
            Event::Declined {
                reasons: "No".to_owned(),
            },
        ),
    ];
    assert_eq!(
        run(&preset("code-2024"), &records)
            .expect_err("nothing to decide")
            .code,
        "no_decision_pending"
    );
}

fn defined(about: &str, outcome_sought: &str) -> Event {
    Event::Acknowledged {
        definition: Some(domain::case::ComplaintDefinition {
            about: about.to_owned(),
            outcome_sought: outcome_sought.to_owned(),
        }),
    }
}

fn not_understood(on: &str, text: &str) -> EventRecord {
    by(
        ActorKind::Resident,
        on,
        Event::DefinitionQueried {
            text: text.to_owned(),
        },
    )
}

#[test]
fn the_acknowledgement_sets_out_the_complaint_definition_and_the_resident_can_say_it_is_wrong_until_the_response(
) {
    let policy = code_like();
    let acknowledged = vec![
        received("2026-03-02"),
        by_staff(
            "ola",
            "2026-03-03",
            defined("  The boiler has failed three times.  ", "A new boiler"),
        ),
    ];
    let v = seen(&policy, &acknowledged, "2026-03-03");
    let definition = v.definition.clone().expect("set out at acknowledgement");
    assert_eq!(
        (
            definition.stage,
            definition.about.as_str(),
            definition.outcome_sought.as_str()
        ),
        (1, "The boiler has failed three times.", "A new boiler")
    );
    assert_eq!(definition.queried_on, None);
    assert!(v
        .allowed_actions
        .contains(&domain::case::ResidentAction::QueryDefinition));

    let queried = [
        acknowledged.clone(),
        vec![not_understood(
            "2026-03-04",
            "It is the radiators, not the boiler.",
        )],
    ]
    .concat();
    let v = seen(&policy, &queried, "2026-03-04");
    assert_eq!(
        v.definition.and_then(|d| d.queried_on),
        Some(case_support::date("2026-03-04"))
    );
    // The queue flags a queried definition until the stage is answered.
    assert!(!run(&policy, &acknowledged).unwrap().definition_queried());
    assert!(run(&policy, &queried).unwrap().definition_queried());

    // After the response there is nothing left to correct at this stage.
    let answered = [queried, vec![by_staff("ola", "2026-03-10", responded())]].concat();
    assert!(!run(&policy, &answered).unwrap().definition_queried());
    assert!(!seen(&policy, &answered, "2026-03-10")
        .allowed_actions
        .contains(&domain::case::ResidentAction::QueryDefinition));
    let late = [
        answered,
        vec![not_understood("2026-03-11", "Still the radiators.")],
    ]
    .concat();
    assert_eq!(
        run(&policy, &late).expect_err("refused").code,
        "no_definition_to_query"
    );
}

#[test]
fn a_definition_needs_both_its_parts_and_without_one_there_is_nothing_to_query() {
    let policy = code_like();
    let half = [
        received("2026-03-02"),
        by_staff("ola", "2026-03-03", defined("The boiler", " ")),
    ];
    assert_eq!(
        run(&policy, &half).expect_err("refused").code,
        "definition_incomplete"
    );
    let plain = vec![
        received("2026-03-02"),
        by_staff("ola", "2026-03-03", Event::acknowledged()),
    ];
    let v = seen(&policy, &plain, "2026-03-03");
    assert_eq!(v.definition, None);
    assert!(!v
        .allowed_actions
        .contains(&domain::case::ResidentAction::QueryDefinition));
    let queried = [plain, vec![not_understood("2026-03-04", "Wrong")]].concat();
    assert_eq!(
        run(&policy, &queried).expect_err("refused").code,
        "no_definition_to_query"
    );
}

#[test]
fn an_old_acknowledgement_without_a_definition_still_reads() {
    let event: Event = serde_json::from_str(r#"{"type":"acknowledged"}"#).expect("reads");
    assert_eq!(event, Event::acknowledged());
    assert_eq!(
        serde_json::to_string(&Event::acknowledged()).unwrap(),
        r#"{"type":"acknowledged"}"#
    );
}

#[test]
fn under_pivotal_staff_record_a_review_asked_for_by_phone_inside_the_window_after_it_has_closed() {
    // Pivotal section 9: an appeal "must be received by a Pivotal Director no
    // later than 10 working days after" the stage 1 response: Monday 16 March.
    let policy = preset("pivotal-2021");
    let answered = vec![
        received("2026-03-02"),
        by_staff("ola", "2026-03-02", Event::acknowledged()),
        by_staff("ola", "2026-03-02", responded()),
    ];
    let v = seen(&policy, &answered, "2026-03-22");
    assert!(
        v.staff_actions
            .contains(&domain::case::StaffAction::RecordEscalationRequest),
        "{:?}",
        v.staff_actions
    );
    assert!(!v
        .allowed_actions
        .contains(&domain::case::ResidentAction::RequestEscalation));
    let phoned = |on: &str| {
        let mut record = by_staff("ola", on, Event::EscalationRequested { reason: None });
        record.at = case_support::at("2026-03-22", Event::acknowledged()).at;
        [answered.clone(), vec![record]].concat()
    };
    assert_eq!(
        run(&policy, &phoned("2026-03-17"))
            .expect_err("a day late")
            .code,
        "escalation_window_closed"
    );
    let state = run(&policy, &phoned("2026-03-16")).expect("in time");
    assert_eq!(state.current_stage().map(|s| s.number), Some(2));
}
