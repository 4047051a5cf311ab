//! Promises kept to the end (issue 16, item 4): the actions a response
//! promises, each with an owner and a date, marked done or changed with a
//! reason; a complaint closes as "actions done" only when all are, and
//! closing earlier needs a reason, or the policy's approver (TORUS §5.1).

mod case_support;

use case_support::{at, code_like, date, received};
use domain::calendar::Calendar;
use domain::case::{
    check_close_approval, replay, view, CaseState, ClosedWhy, Event, EventRecord, Money, Outcome,
    OutstandingAction, Refusal, Refused, Remedy, RemedyKind, Settlement, StaffAction,
};
use domain::policy::Policy;

fn run(policy: &Policy, records: &[EventRecord]) -> Result<CaseState, Refusal> {
    replay(policy, &Calendar::england_and_wales(), records)
}

fn action(description: &str, owner: &str, due: &str) -> OutstandingAction {
    OutstandingAction {
        description: description.to_owned(),
        due: date(due),
        owner: owner.to_owned(),
    }
}

fn money(settlement: Option<Settlement>) -> Remedy {
    Remedy {
        kind: RemedyKind::Financial,
        description: "For the weeks without heating".to_owned(),
        amount_pence: Some(15_000),
        money: Some(Money::Compensation),
        settlement,
    }
}

fn responded(remedies: Vec<Remedy>, actions: Vec<OutstandingAction>) -> Event {
    Event::Responded {
        outcome: Some(Outcome::Upheld),
        reasons: "The boiler repair was late.".to_owned(),
        remedies,
        outstanding_actions: actions,
        sent_by: None,
        root_causes: Vec::new(),
        lessons: None,
    }
}

/// Received 2 March 2026, answered 10 March with two actions.
fn answered() -> Vec<EventRecord> {
    vec![
        received("2026-03-02"),
        at("2026-03-03", Event::acknowledged()),
        at(
            "2026-03-10",
            responded(
                vec![money(None)],
                vec![
                    action("Replace the boiler", "Repairs team", "2026-03-24"),
                    action(
                        "Refund the heater's electricity",
                        "Income team",
                        "2026-03-31",
                    ),
                ],
            ),
        ),
    ]
}

fn with(mut records: Vec<EventRecord>, more: &[(&str, Event)]) -> Vec<EventRecord> {
    records.extend(more.iter().map(|(on, e)| at(on, e.clone())));
    records
}

fn closed(why: ClosedWhy) -> Event {
    Event::Closed { why }
}

#[test]
fn a_response_numbers_its_actions_with_owner_and_date() {
    let state = run(&code_like(), &answered()).expect("allowed");
    let numbers: Vec<_> = state.actions.iter().map(|a| a.number).collect();
    assert_eq!(numbers, [1, 2]);
    assert_eq!(state.actions[0].owner, "Repairs team");
    assert_eq!(state.actions[0].due, date("2026-03-24"));
    assert_eq!(state.actions[0].stage, 1);
    assert_eq!(state.actions[1].promised_on, date("2026-03-10"));
    assert!(state.actions.iter().all(|a| a.done_on.is_none()));
}

#[test]
fn an_action_needs_an_owner_and_a_date_not_before_the_response() {
    let mut records = answered();
    records[2] = at(
        "2026-03-10",
        responded(
            vec![],
            vec![action("Replace the boiler", " ", "2026-03-24")],
        ),
    );
    assert_eq!(
        run(&code_like(), &records).unwrap_err().code,
        "action_owner_missing"
    );
    records[2] = at(
        "2026-03-10",
        responded(
            vec![],
            vec![action("Replace the boiler", "Repairs", "2026-03-09")],
        ),
    );
    let refusal = run(&code_like(), &records).unwrap_err();
    assert_eq!(refusal.code, "action_due_too_early");
    assert_eq!(
        refusal.message,
        "An action cannot be due on Monday 9 March 2026, before Tuesday 10 March 2026."
    );
}

#[test]
fn money_has_an_amount_and_is_offset_only_where_the_policy_allows() {
    let mut no_amount = money(None);
    no_amount.amount_pence = None;
    let mut records = answered();
    records[2] = at("2026-03-10", responded(vec![no_amount], vec![]));
    assert_eq!(
        run(&code_like(), &records).unwrap_err().code,
        "remedy_amount_missing"
    );

    // The Code's preset allows neither; TORUS allows both (§3.4); Plus Dane
    // allows offsetting only (§16).
    let code = Policy::preset("code-2024").unwrap();
    let torus = Policy::preset("torus").unwrap();
    let plus_dane = Policy::preset("plus-dane-2024").unwrap();
    for (policy, settlement, allowed) in [
        (&code, Settlement::OffsetAgainstMoneyOwed, false),
        (&code, Settlement::InKind, false),
        (&torus, Settlement::OffsetAgainstMoneyOwed, true),
        (&torus, Settlement::InKind, true),
        (&plus_dane, Settlement::OffsetAgainstMoneyOwed, true),
        (&plus_dane, Settlement::InKind, false),
    ] {
        records[2] = at(
            "2026-03-10",
            responded(vec![money(Some(settlement))], vec![]),
        );
        let result = run(policy, &records);
        assert_eq!(result.is_ok(), allowed, "{} {settlement:?}", policy.id);
        if let Err(refusal) = result {
            assert_eq!(refusal.code, "settlement_not_allowed");
        }
    }
}

#[test]
fn marking_done_records_the_day_once() {
    let records = with(
        answered(),
        &[("2026-03-20", Event::ActionDone { action: 1 })],
    );
    let state = run(&code_like(), &records).expect("allowed");
    assert_eq!(state.actions[0].done_on, Some(date("2026-03-20")));
    assert_eq!(state.open_actions().count(), 1);

    let again = with(records, &[("2026-03-21", Event::ActionDone { action: 1 })]);
    let refusal = run(&code_like(), &again).unwrap_err();
    assert_eq!(refusal.code, "action_already_done");
    let unknown = with(
        answered(),
        &[("2026-03-20", Event::ActionDone { action: 3 })],
    );
    assert_eq!(
        run(&code_like(), &unknown).unwrap_err().code,
        "no_such_action"
    );
}

#[test]
fn an_action_cannot_be_done_before_it_was_promised() {
    let mut records = answered();
    records.insert(2, at("2026-03-09", Event::ActionDone { action: 1 }));
    assert_eq!(
        run(&code_like(), &records).unwrap_err().code,
        "no_such_action"
    );
    let records = with(
        answered(),
        &[("2026-03-09", Event::ActionDone { action: 1 })],
    );
    let refusal = run(&code_like(), &records).unwrap_err();
    assert_eq!(refusal.code, "date_too_early");
}

#[test]
fn a_change_keeps_what_it_was_and_needs_a_reason() {
    let change = |reason: &str, due: &str| Event::ActionChanged {
        action: 1,
        reason: reason.to_owned(),
        description: "Replace the boiler and the radiators".to_owned(),
        owner: "Heating contractor".to_owned(),
        due: date(due),
    };
    let no_reason = with(answered(), &[("2026-03-20", change(" ", "2026-04-07"))]);
    assert_eq!(
        run(&code_like(), &no_reason).unwrap_err().code,
        "action_change_reason_missing"
    );
    let past = with(answered(), &[("2026-03-20", change("Parts", "2026-03-19"))]);
    assert_eq!(
        run(&code_like(), &past).unwrap_err().code,
        "action_due_too_early"
    );

    let records = with(
        answered(),
        &[("2026-03-20", change("The part is on order", "2026-04-07"))],
    );
    let state = run(&code_like(), &records).expect("allowed");
    let changed = &state.actions[0];
    assert_eq!(changed.due, date("2026-04-07"));
    assert_eq!(changed.owner, "Heating contractor");
    assert_eq!(changed.changes.len(), 1);
    assert_eq!(changed.changes[0].reason, "The part is on order");
    assert_eq!(changed.changes[0].previous_due, date("2026-03-24"));
    assert_eq!(
        changed.changes[0].previous_description,
        "Replace the boiler"
    );
}

#[test]
fn actions_done_closes_only_when_every_action_is_done() {
    let one_done = with(
        answered(),
        &[("2026-03-20", Event::ActionDone { action: 1 })],
    );
    let early = with(
        one_done.clone(),
        &[("2026-03-21", closed(ClosedWhy::ActionsDone))],
    );
    let refusal = run(&code_like(), &early).unwrap_err();
    assert_eq!(refusal.why, Refused::ActionsNotDone { open: vec![2] });
    assert_eq!(
        refusal.message,
        "Not every promised action is done: action 2 still open. Mark each done first."
    );

    let all_done = with(
        one_done,
        &[
            ("2026-03-30", Event::ActionDone { action: 2 }),
            ("2026-03-30", closed(ClosedWhy::ActionsDone)),
        ],
    );
    let state = run(&code_like(), &all_done).expect("allowed");
    assert_eq!(state.closed.map(|c| c.why), Some(ClosedWhy::ActionsDone));
}

#[test]
fn closing_before_the_actions_are_done_needs_a_reason() {
    let resolved = with(answered(), &[("2026-03-20", closed(ClosedWhy::Resolved))]);
    let refusal = run(&code_like(), &resolved).unwrap_err();
    assert_eq!(
        refusal.why,
        Refused::ActionsOutstanding { open: vec![1, 2] }
    );
    assert!(refusal.message.contains("actions 1 and 2 still open"));

    let with_reason = with(
        answered(),
        &[(
            "2026-03-20",
            closed(ClosedWhy::Other(
                "The resident moved out; the refund is with the income team".into(),
            )),
        )],
    );
    let state = run(&code_like(), &with_reason).expect("allowed with a reason");
    // The promises are still kept after it closes.
    let kept = with(
        with_reason,
        &[("2026-03-25", Event::ActionDone { action: 2 })],
    );
    let state_after = run(&code_like(), &kept).expect("still kept");
    assert!(state.closed.is_some());
    assert_eq!(state_after.actions[1].done_on, Some(date("2026-03-25")));
}

#[test]
fn with_nothing_promised_a_complaint_closes_as_resolved_not_as_actions_done() {
    let mut records = answered();
    records[2] = at("2026-03-10", responded(vec![], vec![]));
    let done = with(
        records.clone(),
        &[("2026-03-20", closed(ClosedWhy::ActionsDone))],
    );
    assert_eq!(
        run(&code_like(), &done).unwrap_err().code,
        "no_actions_promised"
    );
    let resolved = with(records, &[("2026-03-20", closed(ClosedWhy::Resolved))]);
    assert!(run(&code_like(), &resolved).is_ok());
}

#[test]
fn under_torus_closing_early_needs_a_service_managers_approval() {
    let torus = Policy::preset("torus").unwrap();
    let state = run(&torus, &answered()).expect("allowed");
    let why = ClosedWhy::Other("The resident asked us to stop".into());
    let refusal = check_close_approval(&state, &torus, &why, false).unwrap_err();
    assert_eq!(refusal.code, "close_needs_approval");
    assert!(refusal.message.contains("a Service Manager must approve"));
    assert!(check_close_approval(&state, &torus, &why, true).is_ok());
    // Once every action is done, anyone may close it.
    let done = with(
        answered(),
        &[
            ("2026-03-20", Event::ActionDone { action: 1 }),
            ("2026-03-20", Event::ActionDone { action: 2 }),
        ],
    );
    let state = run(&torus, &done).expect("allowed");
    assert!(check_close_approval(&state, &torus, &why, false).is_ok());
    // The Code names no approver: a reason is enough.
    let state = run(&code_like(), &answered()).expect("allowed");
    assert!(check_close_approval(&state, &code_like(), &why, false).is_ok());
}

#[test]
fn staff_are_offered_marking_done_and_changing_while_an_action_is_open() {
    let calendar = Calendar::england_and_wales();
    let state = run(&code_like(), &answered()).expect("allowed");
    let shown = view(&state, &code_like(), &calendar, date("2026-03-26"));
    assert!(shown.staff_actions.contains(&StaffAction::MarkActionDone));
    assert!(shown.staff_actions.contains(&StaffAction::ChangeAction));
    assert!(shown.staff_actions.contains(&StaffAction::Close));
    // The resident sees both, and the first is overdue on 26 March.
    assert_eq!(shown.actions.len(), 2);
    assert!(shown.actions[0].is_overdue(shown.today));
    assert!(!shown.actions[1].is_overdue(shown.today));

    let done = with(
        answered(),
        &[
            ("2026-03-20", Event::ActionDone { action: 1 }),
            ("2026-03-20", Event::ActionDone { action: 2 }),
        ],
    );
    let state = run(&code_like(), &done).expect("allowed");
    let shown = view(&state, &code_like(), &calendar, date("2026-03-26"));
    assert!(!shown.staff_actions.contains(&StaffAction::MarkActionDone));
    assert!(!shown.staff_actions.contains(&StaffAction::ChangeAction));
    assert!(shown.actions.iter().all(|a| !a.is_overdue(shown.today)));
}

/// What caused the complaint and what was learnt (issue 16, item 6): causes
/// from the policy's list (or the defaults), kept with the response.
#[test]
fn a_response_names_its_causes_from_the_policys_list_and_what_was_learnt() {
    let with_learning = |causes: &[&str]| Event::Responded {
        outcome: Some(Outcome::Upheld),
        reasons: "The repair was late.".to_owned(),
        remedies: Vec::new(),
        outstanding_actions: Vec::new(),
        sent_by: None,
        root_causes: causes.iter().map(|c| (*c).to_owned()).collect(),
        lessons: Some("  Book repairs with the part in stock.  ".to_owned()),
    };
    let mut records = answered();
    records[2] = at("2026-03-10", with_learning(&["delay", "communication"]));
    let state = run(&code_like(), &records).expect("allowed");
    let response = state.stages[0].response.as_ref().expect("answered");
    assert_eq!(response.root_causes, ["delay", "communication"]);
    assert_eq!(
        response.lessons.as_deref(),
        Some("Book repairs with the part in stock.")
    );

    records[2] = at("2026-03-10", with_learning(&["bad_luck"]));
    let refusal = run(&code_like(), &records).unwrap_err();
    assert_eq!(refusal.code, "unknown_root_cause");
    assert!(refusal
        .message
        .starts_with("\"bad_luck\" is not one of the causes the policy lists"));
    // Every preset offers causes to choose from, its own or the defaults.
    for policy in domain::policy::presets() {
        assert!(!policy.root_causes().is_empty(), "{}", policy.id);
    }
}
