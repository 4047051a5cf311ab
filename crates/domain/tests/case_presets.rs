//! The lifecycle run on the real built-in policies (as run: with the Code's
//! values where a policy is silent), with real dates.

use chrono::{NaiveDate, TimeZone, Utc};
use domain::calendar::Calendar;
use domain::case::{
    replay, view, Actor, ActorKind, Attendance, CaseKind, CaseView, ClosedWhy, Event, EventRecord,
    Outcome, Refusal, Representative, ResidentAction, StaffAction, Status,
};
use domain::policy::{presets, Policy};

fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("test dates are valid")
}

fn preset(id: &str) -> Policy {
    Policy::preset(id)
        .unwrap_or_else(|| panic!("no preset {id}"))
        .effective()
}

fn at(on: &str, event: Event) -> EventRecord {
    let day = date(on);
    EventRecord {
        at: Utc.from_utc_datetime(&day.and_hms_opt(12, 0, 0).expect("noon exists")),
        actor: Actor {
            kind: ActorKind::Staff,
            name: None,
            id: None,
        },
        on: Some(day),
        event,
    }
}

fn received(on: &str) -> EventRecord {
    at(
        on,
        Event::Received {
            kind: CaseKind::Complaint,
            received_on: date(on),
            awaiting_decision: Vec::new(),
            through_councillor_or_mp: false,
        },
    )
}

fn responded(on: &str) -> EventRecord {
    at(
        on,
        Event::Responded {
            outcome: Some(Outcome::NotUpheld),
            reasons: "Reasons".to_owned(),
            remedies: Vec::new(),
            outstanding_actions: Vec::new(),
            sent_by: None,
            root_causes: Vec::new(),
            lessons: None,
        },
    )
}

fn extended(on: &str, new_date: &str) -> EventRecord {
    at(
        on,
        Event::Extended {
            reason: "A surveyor's report".to_owned(),
            new_date: date(new_date),
            agreed_with_resident: false,
            good_reason: None,
        },
    )
}

fn seen(policy: &Policy, records: &[EventRecord], today: &str) -> CaseView {
    let state = replay(policy, &Calendar::england_and_wales(), records)
        .unwrap_or_else(|r| panic!("refused: {} ({})", r.message, r.code));
    view(&state, policy, &Calendar::england_and_wales(), date(today))
}

fn refused(policy: &Policy, records: &[EventRecord]) -> Refusal {
    replay(policy, &Calendar::england_and_wales(), records).expect_err("should be refused")
}

fn due_on(view: &CaseView, key: &str) -> NaiveDate {
    view.due_dates
        .iter()
        .find(|d| d.key == key)
        .map(|d| d.date)
        .unwrap_or_else(|| panic!("no {key}"))
}

#[test]
fn under_the_code_a_complaint_of_18_december_2026_acknowledged_on_22_december_is_answered_by_8_january(
) {
    let code = preset("code-2024");
    let v = seen(&code, &[received("2026-12-18")], "2026-12-18");
    assert_eq!(due_on(&v, "stage_1_acknowledge"), date("2026-12-29"));
    assert_eq!(due_on(&v, "stage_1_respond"), date("2027-01-13"));
    let acknowledged = [
        received("2026-12-18"),
        at("2026-12-22", Event::acknowledged()),
    ];
    assert_eq!(
        due_on(&seen(&code, &acknowledged, "2026-12-22"), "stage_1_respond"),
        date("2027-01-08")
    );
    let fine = [
        acknowledged.to_vec(),
        vec![extended("2027-01-05", "2027-01-22")],
    ]
    .concat();
    assert_eq!(
        due_on(&seen(&code, &fine, "2027-01-05"), "stage_1_respond"),
        date("2027-01-22")
    );
    let too_long = [
        acknowledged.to_vec(),
        vec![extended("2027-01-05", "2027-01-25")],
    ]
    .concat();
    assert_eq!(refused(&code, &too_long).code, "extension_too_long");
}

#[test]
fn the_code_has_no_stage_3_panel() {
    let records = [
        received("2027-01-08"),
        responded("2027-01-15"),
        at("2027-01-18", Event::EscalationRequested { reason: None }),
        responded("2027-02-01"),
        at(
            "2027-02-02",
            Event::PanelRequested {
                attendance: Attendance::Attend,
                representative: None,
            },
        ),
    ];
    assert_eq!(
        refused(&preset("code-2024"), &records).message,
        "This landlord's policy has no stage 3 panel."
    );
}

#[test]
fn pivotal_answers_within_10_working_days_of_receipt_across_easter_and_caps_extensions_at_20() {
    let pivotal = preset("pivotal-2021");
    let v = seen(&pivotal, &[received("2027-03-22")], "2027-03-22");
    assert_eq!(due_on(&v, "stage_1_respond"), date("2027-04-07"));
    let too_long = [received("2027-03-22"), extended("2027-04-01", "2027-04-22")];
    assert_eq!(refused(&pivotal, &too_long).code, "extension_too_long");
}

#[test]
fn a_pivotal_appeal_after_its_ten_day_window_is_refused() {
    let records = [
        received("2027-01-08"),
        responded("2027-01-22"),
        at("2027-02-08", Event::EscalationRequested { reason: None }),
    ];
    assert_eq!(
        refused(&preset("pivotal-2021"), &records).message,
        "You can no longer ask for a review. The last day to ask was Friday 5 February 2027."
    );
}

#[test]
fn pioneers_panel_runs_over_christmas_2027_and_refuses_a_solicitor() {
    let pioneer = preset("pioneer-2020");
    let to_panel = vec![
        received("2027-10-01"),
        responded("2027-10-15"),
        at("2027-10-18", Event::EscalationRequested { reason: None }),
        responded("2027-12-20"),
    ];
    let v = seen(&pioneer, &to_panel, "2027-12-21");
    assert_eq!(due_on(&v, "panel_window"), date("2028-01-06"));

    let solicitor = [
        to_panel.clone(),
        vec![at(
            "2027-12-21",
            Event::PanelRequested {
                attendance: Attendance::WrittenSubmissions,
                representative: Some(Representative {
                    name: "Jo".to_owned(),
                    relation: "solicitor".to_owned(),
                }),
            },
        )],
    ]
    .concat();
    assert_eq!(
        refused(&pioneer, &solicitor).code,
        "legal_representative_not_allowed"
    );

    let requested = [
        to_panel,
        vec![at(
            "2028-01-06",
            Event::PanelRequested {
                attendance: Attendance::Attend,
                representative: None,
            },
        )],
    ]
    .concat();
    let v = seen(&pioneer, &requested, "2028-01-06");
    assert_eq!(v.status, Status::PanelRequested);
    assert_eq!(due_on(&v, "panel_convene"), date("2028-02-03"));
}

#[test]
fn every_preset_runs_a_two_stage_complaint_end_to_end() {
    let calendar = Calendar::england_and_wales();
    for policy in presets() {
        let policy = policy.effective();
        let records = [
            received("2026-12-18"),
            at("2026-12-22", Event::acknowledged()),
            responded("2027-01-06"),
            at("2027-01-07", Event::EscalationRequested { reason: None }),
            at("2027-01-08", Event::acknowledged()),
            responded("2027-02-01"),
        ];
        let state = replay(&policy, &calendar, &records)
            .unwrap_or_else(|r| panic!("{}: refused: {} ({})", policy.id, r.message, r.code));
        let v = view(&state, &policy, &calendar, date("2027-02-01"));
        assert_eq!(v.status, Status::Responded, "{}", policy.id);
        assert!(v.final_response, "{}", policy.id);
        assert!(
            v.due_dates.iter().all(|d| calendar.is_working_day(d.date)),
            "{}",
            policy.id
        );
        assert!(
            v.due_dates.iter().any(|d| d.key == "stage_2_respond"),
            "{}",
            policy.id
        );
    }
}

#[test]
fn a_complaint_under_pioneers_policy_carries_its_two_stages_and_the_panel_so_the_page_draws_them_with_the_case(
) {
    let pioneer = preset("pioneer-2020");
    let v = seen(&pioneer, &[received("2026-12-18")], "2026-12-18");
    let stages: Vec<(u8, &str)> = v
        .stages
        .iter()
        .map(|s| (s.number, s.name.as_str()))
        .collect();
    assert_eq!(
        stages,
        [
            (1, "Stage 1 (Main investigation)"),
            (2, "Stage 2 (Senior officer review)"),
            (
                3,
                pioneer
                    .panel
                    .as_ref()
                    .expect("Pioneer has a panel")
                    .name
                    .as_str()
            ),
        ]
    );
    let code = seen(
        &preset("code-2024"),
        &[received("2026-12-18")],
        "2026-12-18",
    );
    assert_eq!(code.stages.len(), 2, "the Code has two stages and no panel");
    let compliment = [at(
        "2026-12-18",
        Event::Received {
            kind: CaseKind::Compliment,
            received_on: date("2026-12-18"),
            awaiting_decision: Vec::new(),
            through_councillor_or_mp: false,
        },
    )];
    assert!(
        seen(&pioneer, &compliment, "2026-12-18").stages.is_empty(),
        "a compliment has no stages"
    );
}

fn pioneer_panel_requested() -> Vec<EventRecord> {
    vec![
        received("2027-10-01"),
        responded("2027-10-15"),
        at("2027-10-18", Event::EscalationRequested { reason: None }),
        responded("2027-12-20"),
        at(
            "2028-01-06",
            Event::PanelRequested {
                attendance: Attendance::Attend,
                representative: None,
            },
        ),
    ]
}

fn with(records: &[EventRecord], more: &[EventRecord]) -> Vec<EventRecord> {
    [records, more].concat()
}

fn delayed(on: &str, to: &str, reason: &str) -> EventRecord {
    at(
        on,
        Event::PanelDelayed {
            new_date: date(to),
            reason: reason.to_owned(),
        },
    )
}

fn dispensed(on: &str, reason: &str) -> EventRecord {
    at(
        on,
        Event::PanelDispensed {
            reason: reason.to_owned(),
        },
    )
}

/// Pioneer §6: "We will aim to convene a panel within 20 working days. Where
/// this is not possible, we will keep the customer informed, offer an
/// explanation …": the date is put back to a later working day, with the
/// explanation, and the page shows both dates.
#[test]
fn pioneers_panel_that_cannot_meet_within_20_working_days_is_put_back_with_the_explanation() {
    let pioneer = preset("pioneer-2020");
    let requested = pioneer_panel_requested();
    assert_eq!(
        due_on(&seen(&pioneer, &requested, "2028-01-06"), "panel_convene"),
        date("2028-02-03")
    );
    let why = "Two panel members are ill; we will rearrange it.";

    for (to, reason, code) in [
        ("2028-02-01", why, "panel_date_not_later"),
        ("2028-02-05", why, "panel_date_not_working_day"), // a Saturday
        ("2028-02-17", "  ", "reasons_missing"),
    ] {
        let records = with(&requested, &[delayed("2028-01-20", to, reason)]);
        assert_eq!(refused(&pioneer, &records).code, code, "to {to}");
    }

    let records = with(&requested, &[delayed("2028-01-20", "2028-02-17", why)]);
    let v = seen(&pioneer, &records, "2028-01-20");
    assert_eq!(v.status, Status::PanelRequested);
    let convene = v
        .due_dates
        .iter()
        .find(|d| d.key == "panel_convene")
        .expect("the panel's date");
    assert_eq!(convene.date, date("2028-02-17"));
    assert_eq!(convene.original_date, Some(date("2028-02-03")));
    assert_eq!(convene.extension_reason.as_deref(), Some(why));
    assert_eq!(convene.days, 30, "20 working days and 10 more");
    assert_eq!(convene.basis.days, 20, "the policy's 20 working days");
    assert_eq!(
        convene
            .basis
            .extension
            .as_ref()
            .map(|e| (e.days, e.original_date)),
        Some((10, date("2028-02-03")))
    );
    assert!(v.staff_actions.contains(&StaffAction::DelayPanel));
    assert!(v.staff_actions.contains(&StaffAction::DispensePanel));

    // Put back again: from the date as it now stands.
    let again = with(&records, &[delayed("2028-02-14", "2028-02-16", why)]);
    assert_eq!(refused(&pioneer, &again).code, "panel_date_not_later");

    // A hearing date that has come cannot be put back.
    let met = with(
        &requested,
        &[at(
            "2028-01-25",
            Event::PanelHeld {
                date: date("2028-01-25"),
            },
        )],
    );
    let late = with(&met, &[delayed("2028-01-26", "2028-02-17", why)]);
    assert_eq!(refused(&pioneer, &late).code, "panel_already_met");
    assert!(!seen(&pioneer, &met, "2028-01-26")
        .staff_actions
        .contains(&StaffAction::DelayPanel));
}

/// Pioneer §6: "… and agree with the customer whether this stage should be
/// dispensed with": only once the panel could not meet in time; the
/// complaint then closes, and the stage 2 response is the final one.
#[test]
fn pioneers_panel_is_dispensed_with_only_by_agreement_once_it_cannot_meet_in_time() {
    let pioneer = preset("pioneer-2020");
    let requested = pioneer_panel_requested();
    let agreed = "Ms Khan agreed by phone to go to the Ombudsman instead of waiting.";

    let early = with(&requested, &[dispensed("2028-01-20", agreed)]);
    let refusal = refused(&pioneer, &early);
    assert_eq!(refusal.code, "panel_not_late");
    assert!(
        refusal.message.contains("3 February 2028"),
        "{}",
        refusal.message
    );
    assert!(!seen(&pioneer, &requested, "2028-01-20")
        .staff_actions
        .contains(&StaffAction::DispensePanel));

    let silent = with(
        &requested,
        &[
            delayed("2028-01-20", "2028-02-17", "Members are ill."),
            dispensed("2028-01-21", " "),
        ],
    );
    assert_eq!(refused(&pioneer, &silent).code, "reasons_missing");

    let records = with(
        &requested,
        &[
            delayed("2028-01-20", "2028-02-17", "Members are ill."),
            dispensed("2028-01-21", agreed),
        ],
    );
    let v = seen(&pioneer, &records, "2028-01-21");
    assert_eq!(v.status, Status::Closed);
    assert!(
        v.due_dates.iter().all(|d| d.key != "panel_convene"),
        "no date for a panel that will not meet"
    );
    assert!(!v.staff_actions.contains(&StaffAction::RecordPanelDate));

    // Its date passed with no news: the agreement can be recorded then too.
    let passed = with(&requested, &[dispensed("2028-02-04", agreed)]);
    assert_eq!(seen(&pioneer, &passed, "2028-02-04").status, Status::Closed);

    // Closing "dispensed with" is the agreement, recorded as such.
    let closed = with(
        &requested,
        &[at(
            "2028-02-04",
            Event::Closed {
                why: ClosedWhy::PanelDispensed,
            },
        )],
    );
    assert_eq!(refused(&pioneer, &closed).code, "close_by_dispensing");
}

/// A policy whose panel must meet: its date can be put back, never dispensed with.
#[test]
fn a_panel_the_policy_does_not_let_go_cannot_be_dispensed_with() {
    let mut policy = preset("pioneer-2020");
    policy
        .panel
        .as_mut()
        .expect("a panel")
        .dispense_by_agreement = None;
    let records = with(
        &pioneer_panel_requested(),
        &[dispensed("2028-02-04", "Agreed.")],
    );
    assert_eq!(refused(&policy, &records).code, "no_dispensing");
    let v = seen(&policy, &pioneer_panel_requested(), "2028-02-04");
    assert!(v.staff_actions.contains(&StaffAction::DelayPanel));
    assert!(!v.staff_actions.contains(&StaffAction::DispensePanel));
}

fn through_councillor(on: &str) -> EventRecord {
    at(
        on,
        Event::Received {
            kind: CaseKind::Complaint,
            received_on: date(on),
            awaiting_decision: Vec::new(),
            through_councillor_or_mp: true,
        },
    )
}

/// Plus Dane §17: "Correspondence received from local councillors and
/// Members of Parliament (MP) will be acknowledged and responded to within 10
/// working days of receipt": a date of its own beside the complaint's, over
/// Christmas and New Year.
#[test]
fn plus_dane_replies_to_a_councillor_within_10_working_days_beside_the_complaint() {
    let plus_dane = preset("plus-dane-2024");
    let records = [through_councillor("2026-12-18")];
    let v = seen(&plus_dane, &records, "2026-12-18");
    let reply = v
        .due_dates
        .iter()
        .find(|d| d.key == "councillor_or_mp_reply")
        .expect("the councillor's reply date");
    assert_eq!(
        reply.date,
        date("2027-01-06"),
        "25 and 28 December and 1 January skipped"
    );
    assert_eq!(reply.days, 10);
    assert!(due_on(&v, "stage_1_acknowledge") < reply.date);
    assert!(v
        .staff_actions
        .contains(&StaffAction::RecordReplyToCouncillorOrMp));

    let replied = with(
        &records,
        &[at("2027-01-05", Event::RepliedToCouncillorOrMp)],
    );
    let v = seen(&plus_dane, &replied, "2027-01-07");
    let reply = v
        .due_dates
        .iter()
        .find(|d| d.key == "councillor_or_mp_reply")
        .expect("still listed, as done");
    assert_eq!(reply.met, Some(true));
    assert!(!reply.overdue);
    assert!(!v
        .staff_actions
        .contains(&StaffAction::RecordReplyToCouncillorOrMp));
    let again = with(
        &replied,
        &[at("2027-01-06", Event::RepliedToCouncillorOrMp)],
    );
    assert_eq!(
        refused(&plus_dane, &again).code,
        "councillor_or_mp_answered"
    );

    // Not replied by the date: overdue, for the queue and the caseworker.
    let late = seen(&plus_dane, &records, "2027-01-07");
    assert!(late
        .due_dates
        .iter()
        .any(|d| d.key == "councillor_or_mp_reply" && d.overdue));
}

#[test]
fn a_complaint_made_directly_owes_no_councillor_a_reply() {
    let plus_dane = preset("plus-dane-2024");
    let records = [received("2026-12-18")];
    let v = seen(&plus_dane, &records, "2026-12-18");
    assert!(v
        .due_dates
        .iter()
        .all(|d| d.key != "councillor_or_mp_reply"));
    assert!(!v
        .staff_actions
        .contains(&StaffAction::RecordReplyToCouncillorOrMp));
    let replied = with(
        &records,
        &[at("2026-12-21", Event::RepliedToCouncillorOrMp)],
    );
    assert_eq!(
        refused(&plus_dane, &replied).code,
        "not_through_councillor_or_mp"
    );
    // A policy that promises councillors no reply of their own sets no date.
    let code = preset("code-2024");
    let v = seen(&code, &[through_councillor("2026-12-18")], "2026-12-18");
    assert!(v
        .due_dates
        .iter()
        .all(|d| d.key != "councillor_or_mp_reply"));
}

/// Pioneer's complaint answered at stage 1, whose resident asks for stage 2
/// with new information.
fn pioneer_review_asked_with_new_information() -> Vec<EventRecord> {
    vec![
        received("2026-12-01"),
        at("2026-12-03", Event::acknowledged()),
        at(
            "2026-12-03",
            Event::Assigned {
                caseworker: "Sam Patel".to_owned(),
                caseworker_id: Some("staff-sam".to_owned()),
            },
        ),
        responded("2026-12-10"),
        at(
            "2026-12-14",
            Event::EscalationRequested {
                reason: Some("The damp has spread: photos attached.".to_owned()),
            },
        ),
    ]
}

fn reopened_at_stage(on: &str, reasons: &str) -> EventRecord {
    at(
        on,
        Event::ReopenedAtStage {
            reasons: reasons.to_owned(),
        },
    )
}

/// Pioneer §6: "where the information changes the nature of the
/// investigation or may have a material effect to the outcome we will reopen
/// the case at the existing stage". Stage 1 is answered again, due its 10
/// working days from the reopening (over Christmas 2026: 25, 28 December and
/// 1 January are bank holidays), by its own caseworker; after the new
/// answer, the resident can ask for stage 2 again.
#[test]
fn pioneers_request_for_stage_2_with_new_information_reopens_stage_1_with_a_new_response_date() {
    let pioneer = preset("pioneer-2020");
    let asked = pioneer_review_asked_with_new_information();
    let before = seen(&pioneer, &asked, "2026-12-14");
    assert_eq!(before.status, Status::EscalationRequested);
    assert!(before.staff_actions.contains(&StaffAction::ReopenAtStage));

    let why = "Your photos show the damp has reached the bedroom: we will inspect it again.";
    let reopened = with(&asked, &[reopened_at_stage("2026-12-16", why)]);
    let v = seen(&pioneer, &reopened, "2026-12-16");
    assert_eq!(v.status, Status::UnderInvestigation);
    assert_eq!(v.stage.as_ref().map(|s| s.number), Some(1));
    assert_eq!(
        v.caseworker.as_deref(),
        Some("Sam Patel"),
        "back to stage 1's caseworker"
    );
    assert_eq!(v.latest_response, None, "the earlier answer is set aside");
    let respond = v
        .due_dates
        .iter()
        .find(|d| d.key == "stage_1_respond")
        .expect("stage 1's response is due again");
    assert_eq!(respond.date, date("2027-01-04"));
    assert_eq!(respond.counted_from, date("2026-12-16"));
    assert_eq!(respond.met, None);
    assert_eq!(
        respond.basis.to_string(),
        "10 working days after we reopened your complaint at stage 1"
    );
    assert_eq!(v.next_due, Some(date("2027-01-04")));
    assert!(!v
        .allowed_actions
        .contains(&ResidentAction::RequestEscalation));
    assert!(v.staff_actions.contains(&StaffAction::Respond));
    assert!(!v.staff_actions.contains(&StaffAction::ReopenAtStage));
    let state = replay(&pioneer, &Calendar::england_and_wales(), &reopened).expect("replays");
    let reopening = &state.stages[0].reopenings[0];
    assert_eq!(
        (
            reopening.instead_of,
            reopening.asked_on,
            reopening.reasons.as_str()
        ),
        (2, date("2026-12-14"), why)
    );
    assert_eq!(reopening.earlier_response.on, date("2026-12-10"));

    // Overdue on the first working day after.
    assert!(seen(&pioneer, &reopened, "2027-01-05")
        .due_dates
        .iter()
        .any(|d| d.key == "stage_1_respond" && d.overdue));

    // The new answer cannot predate the reopening; once sent, stage 2 can be asked for again.
    let early = with(&reopened, &[responded("2026-12-15")]);
    assert_eq!(refused(&pioneer, &early).code, "date_too_early");
    let answered = with(&reopened, &[responded("2026-12-22")]);
    let v = seen(&pioneer, &answered, "2026-12-22");
    assert_eq!(v.status, Status::Responded);
    assert_eq!(v.latest_response.map(|r| r.on), Some(date("2026-12-22")));
    assert!(v
        .allowed_actions
        .contains(&ResidentAction::RequestEscalation));
    let again = with(
        &answered,
        &[at(
            "2026-12-23",
            Event::EscalationRequested { reason: None },
        )],
    );
    assert_eq!(
        seen(&pioneer, &again, "2026-12-23").stage.map(|s| s.number),
        Some(2)
    );
}

/// Reopening instead of escalating is Pioneer's rule, not the Code's: the
/// Code preset takes the request to stage 2 or refuses it (the Code, section
/// 5: only for valid reasons, set out clearly). And
/// under Pioneer, only a request still waiting can be answered this way,
/// with the reasons the resident is told.
#[test]
fn reopening_at_the_existing_stage_needs_the_policys_rule_a_waiting_request_and_reasons() {
    let why = "New information about the repair.";
    let code = preset("code-2024");
    let asked = pioneer_review_asked_with_new_information();
    let under_code = with(&asked, &[reopened_at_stage("2026-12-16", why)]);
    assert_eq!(refused(&code, &under_code).code, "no_reopening_at_stage");
    assert!(!seen(&code, &asked, "2026-12-14")
        .staff_actions
        .contains(&StaffAction::ReopenAtStage));

    let pioneer = preset("pioneer-2020");
    let blank = with(&asked, &[reopened_at_stage("2026-12-16", "  ")]);
    assert_eq!(refused(&pioneer, &blank).code, "reasons_missing");
    let no_request = with(&asked[..4], &[reopened_at_stage("2026-12-16", why)]);
    assert_eq!(
        refused(&pioneer, &no_request).code,
        "no_escalation_to_refuse"
    );
    let taken_on = with(
        &asked,
        &[
            at("2026-12-15", Event::acknowledged()),
            reopened_at_stage("2026-12-16", why),
        ],
    );
    assert_eq!(refused(&pioneer, &taken_on).code, "no_escalation_to_refuse");
}
