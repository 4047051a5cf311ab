//! Every message a resident or an advocate is sent about a case or an
//! authorisation, as text kept beside this file (`snapshots/`): a change to
//! any word shows in review as a change to a `.snap` file, and a change
//! nobody accepted fails the test (`scripts/test` runs insta with
//! `INSTA_UPDATE=no`). After a deliberate change, `cargo insta review` (or
//! `INSTA_UPDATE=always` and reading the diff) accepts the new text.
//!
//! Cases are replayed from realistic events under the seed policies, so the
//! dates, the Ombudsman's details and the guidance come from the same code
//! that writes them for real. After each event the case view (what the
//! resident's pages read: its state, dates, windows and allowed actions) is
//! kept as a JSON snapshot too, so every state a case can be in is reviewed.

use chrono::{NaiveDate, TimeZone, Utc};
use domain::authorisation::{Relationship, Scope};
use domain::calendar::Calendar;
use domain::case::{
    replay, view, Actor, ActorKind, Attendance, CaseKind, ClosedWhy, Event, EventRecord, Money,
    Outcome, OutstandingAction, Remedy, RemedyKind, Settlement,
};
use domain::policy::Policy;
use server::authorisations::notices::{self, long_date, Use};
use server::cases::notices::{for_event, received, Notice};

/// A message as its reader sees it: the subject, then the body.
fn shown(notice: &Notice) -> String {
    format!("Subject: {}\n\n{}", notice.0, notice.1)
}

fn day(text: &str) -> NaiveDate {
    text.parse().expect("a date")
}

/// An event recorded at 10:00 UK time (winter) on `on` by `kind`.
fn record(on: &str, kind: ActorKind, event: Event) -> EventRecord {
    let date = day(on);
    EventRecord {
        at: Utc.from_utc_datetime(&date.and_hms_opt(10, 0, 0).expect("a time")),
        actor: Actor {
            kind,
            id: None,
            name: (kind == ActorKind::Staff).then(|| "Sam Caseworker".to_owned()),
        },
        on: None,
        event,
    }
}

fn staff(on: &str, event: Event) -> EventRecord {
    record(on, ActorKind::Staff, event)
}

fn resident(on: &str, event: Event) -> EventRecord {
    record(on, ActorKind::Resident, event)
}

/// Replays `records` under the policy `policy_id` and writes, for each, the
/// message the resident is sent (what the case looks like once it happened,
/// as the server does), or that nothing is sent.
fn messages_for(policy_id: &str, kind: CaseKind, records: &[EventRecord]) -> Vec<Step> {
    let policy = Policy::preset(policy_id).expect("a seed policy");
    let calendar = Calendar::england_and_wales();
    let reference = "CMP-2026-00042";
    let mut out = Vec::new();
    for n in 1..=records.len() {
        let state = replay(&policy, &calendar, &records[..n])
            .unwrap_or_else(|r| panic!("event {n} refused: {} ({})", r.message, r.code));
        let today = records[n - 1].date();
        let seen = view(&state, &policy, &calendar, today);
        let event = &records[n - 1].event;
        let what = serde_json::to_value(event).expect("an event")["type"]
            .as_str()
            .unwrap_or("event")
            .to_owned();
        let name = format!("{n:02}_{what}");
        let text = if n == 1 {
            shown(&received(kind, reference, &seen))
        } else {
            for_event(&policy, kind, reference, event, &seen)
                .map_or_else(|| "(nothing is sent)".to_owned(), |notice| shown(&notice))
        };
        let view = serde_json::to_value(&seen).expect("a view is JSON");
        out.push((name, text, view));
    }
    out
}

/// One event of a scenario: its name, the message it sends, and the case as
/// the resident's page reads it afterwards.
type Step = (String, String, serde_json::Value);

/// Keeps each step's message and the case view after it as snapshots: the
/// view is what every page draws from, so a change to what a resident is
/// shown in any state shows in review too (issue 14).
fn snapshot_each(prefix: &str, steps: Vec<Step>) {
    for (name, text, view) in steps {
        insta::assert_snapshot!(format!("{prefix}_{name}"), text);
        insta::assert_json_snapshot!(format!("view_{prefix}_{name}"), view);
    }
}

fn received_on(on: &str, kind: CaseKind) -> EventRecord {
    resident(
        on,
        Event::Received {
            kind,
            received_on: day(on),
            awaiting_decision: Vec::new(),
            through_councillor_or_mp: false,
        },
    )
}

#[test]
fn a_complaint_through_both_stages_closed_and_reopened() {
    let records = [
        received_on("2026-03-02", CaseKind::Complaint),
        staff(
            "2026-03-02",
            Event::Assigned {
                caseworker: "Sam Caseworker".into(),
                caseworker_id: None,
            },
        ),
        staff("2026-03-03", Event::acknowledged()),
        staff(
            "2026-03-04",
            Event::InformationRequested {
                what: "Photos of the damp patch in the back bedroom.".into(),
            },
        ),
        resident(
            "2026-03-05",
            Event::InformationGiven {
                text: "Three photos are attached, taken this morning.".into(),
            },
        ),
        staff(
            "2026-03-09",
            Event::Extended {
                reason: "We are waiting for a surveyor's report on the roof.".into(),
                new_date: day("2026-03-31"),
                agreed_with_resident: false,
                good_reason: None,
            },
        ),
        staff(
            "2026-03-20",
            Event::Responded {
                outcome: Some(Outcome::PartlyUpheld),
                reasons: "The gutter was blocked and we were slow to clear it. The damp \
                          in the bedroom comes from a leaking pipe, which we have fixed."
                    .into(),
                remedies: Vec::new(),
                outstanding_actions: Vec::new(),
                sent_by: None,
                root_causes: Vec::new(),
                lessons: None,
            },
        ),
        resident("2026-03-23", Event::EscalationRequested { reason: None }),
        staff("2026-03-24", Event::acknowledged()),
        staff(
            "2026-04-14",
            Event::Responded {
                outcome: Some(Outcome::Upheld),
                reasons: "We should have found the leaking pipe at the first visit.".into(),
                remedies: Vec::new(),
                outstanding_actions: Vec::new(),
                sent_by: None,
                root_causes: Vec::new(),
                lessons: None,
            },
        ),
        resident(
            "2026-04-15",
            Event::SatisfactionRecorded {
                satisfied: false,
                comment: Some("It took too long.".into()),
            },
        ),
        staff("2026-04-16", Event::ReferredToOmbudsman),
        staff(
            "2026-05-01",
            Event::Closed {
                why: ClosedWhy::Resolved,
            },
        ),
        staff(
            "2026-05-04",
            Event::Reopened {
                reason: "the damp has come back in the same place.".into(),
            },
        ),
        resident(
            "2026-05-05",
            Event::Withdrawn {
                reason: Some("We are moving out.".into()),
            },
        ),
    ];
    snapshot_each(
        "complaint",
        messages_for("code-2024", CaseKind::Complaint, &records),
    );
}

#[test]
fn a_complaint_the_landlord_will_not_take_further() {
    let records = [
        received_on("2026-03-02", CaseKind::Complaint),
        staff("2026-03-03", Event::acknowledged()),
        staff(
            "2026-03-16",
            Event::Responded {
                outcome: Some(Outcome::NotUpheld),
                reasons: "The repair was done on the day we agreed.".into(),
                remedies: Vec::new(),
                outstanding_actions: Vec::new(),
                sent_by: None,
                root_causes: Vec::new(),
                lessons: None,
            },
        ),
        resident("2026-03-18", Event::EscalationRequested { reason: None }),
        staff(
            "2026-03-19",
            Event::EscalationRefused {
                reasons: "The complaint is about a neighbour's behaviour, which we deal with \
                          under our antisocial behaviour policy."
                    .into(),
            },
        ),
        staff(
            "2026-03-27",
            Event::Closed {
                why: ClosedWhy::Other("the matter is dealt with elsewhere".into()),
            },
        ),
    ];
    snapshot_each(
        "refused",
        messages_for("code-2024", CaseKind::Complaint, &records),
    );
}

/// A complaint sent although the screening said it was out of time: it
/// waits for staff to decide whether to take it on.
fn waiting_on(on: &str) -> EventRecord {
    resident(
        on,
        Event::Received {
            kind: CaseKind::Complaint,
            received_on: day(on),
            awaiting_decision: vec!["outside_time_limit".into()],
            through_councillor_or_mp: false,
        },
    )
}

#[test]
fn an_out_of_time_complaint_taken_on() {
    let records = [
        waiting_on("2026-03-02"),
        staff(
            "2026-03-04",
            Event::Accepted {
                reason: "The resident was in hospital for most of the year.".into(),
                exception: None,
            },
        ),
    ];
    snapshot_each(
        "taken_on",
        messages_for("code-2024", CaseKind::Complaint, &records),
    );
}

#[test]
fn an_out_of_time_complaint_declined() {
    let records = [
        waiting_on("2026-03-02"),
        staff(
            "2026-03-04",
            Event::Declined {
                reasons: "The repair you describe was finished more than a year before you told us about it.".into(),
            },
        ),
    ];
    snapshot_each(
        "declined",
        messages_for("code-2024", CaseKind::Complaint, &records),
    );
}

/// A response with no remedies or actions.
fn not_upheld(reasons: &str) -> Event {
    Event::Responded {
        outcome: Some(Outcome::NotUpheld),
        reasons: reasons.into(),
        remedies: Vec::new(),
        outstanding_actions: Vec::new(),
        sent_by: None,
        root_causes: Vec::new(),
        lessons: None,
    }
}

/// A complaint under Pioneer answered at both stages, and the resident's
/// request for the panel on Tuesday 31 March 2026.
fn to_the_panel() -> Vec<EventRecord> {
    vec![
        received_on("2026-03-02", CaseKind::Complaint),
        staff("2026-03-03", Event::acknowledged()),
        staff(
            "2026-03-16",
            not_upheld("The heating was repaired within our target time."),
        ),
        resident("2026-03-17", Event::EscalationRequested { reason: None }),
        staff("2026-03-18", Event::acknowledged()),
        staff(
            "2026-03-30",
            not_upheld("We looked again and the repair was on time."),
        ),
        resident(
            "2026-03-31",
            Event::PanelRequested {
                attendance: Attendance::Attend,
                representative: None,
            },
        ),
    ]
}

#[test]
fn a_complaint_that_goes_to_a_panel() {
    let records = [
        to_the_panel(),
        vec![staff(
            "2026-03-20",
            Event::PanelHeld {
                date: day("2026-04-01"),
            },
        ),
        staff(
            "2026-04-16",
            Event::PanelOutcome {
                outcome: Outcome::PartlyUpheld,
                reasons:
                    "The panel found the repair was on time but the resident was not kept informed."
                        .into(),
            },
        )],
    ]
    .concat();
    snapshot_each(
        "panel",
        messages_for("pioneer-2020", CaseKind::Complaint, &records),
    );
}

/// Pioneer §6: the panel cannot meet within 20 working days, so the resident
/// is told why and when it now will, and offered to go without it; they agree.
#[test]
fn a_panel_that_cannot_meet_in_time_is_dispensed_with_by_agreement() {
    let records = [
        to_the_panel(),
        vec![staff(
            "2026-04-20",
            Event::PanelDelayed {
                new_date: day("2026-05-14"),
                reason: "Two of the panel's members are unwell, and the panel needs a board member who is a customer.".into(),
            },
        ),
        staff(
            "2026-04-22",
            Event::PanelDispensed {
                reason: "You told us by phone on 22 April that you would rather take your complaint to the Housing Ombudsman now than wait for the panel.".into(),
            },
        )],
    ]
    .concat();
    snapshot_each(
        "panel_dispensed",
        messages_for("pioneer-2020", CaseKind::Complaint, &records),
    );
}

/// Pioneer §6: a request for stage 2 that brings new information is
/// answered by reopening stage 1, with the reasons ("We will always explain
/// to a customer where we refuse to escalate a complaint in these
/// circumstances"); stage 1 is answered again.
#[test]
fn a_request_for_stage_2_with_new_information_reopens_stage_1() {
    let responded = |on: &str, reasons: &str| {
        staff(
            on,
            Event::Responded {
                outcome: Some(Outcome::NotUpheld),
                reasons: reasons.into(),
                remedies: Vec::new(),
                outstanding_actions: Vec::new(),
                sent_by: None,
                root_causes: Vec::new(),
                lessons: None,
            },
        )
    };
    let records = [
        received_on("2026-12-01", CaseKind::Complaint),
        staff("2026-12-03", Event::acknowledged()),
        responded("2026-12-10", "We inspected the kitchen and found no damp."),
        resident(
            "2026-12-14",
            Event::EscalationRequested {
                reason: Some("The damp is now in the bedroom: I have sent photos.".into()),
            },
        ),
        staff(
            "2026-12-16",
            Event::ReopenedAtStage {
                reasons: "Your photos show damp in the bedroom, which we did not inspect. We will inspect it and answer again.".into(),
            },
        ),
        responded("2026-12-23", "We inspected the bedroom and will treat the damp."),
    ];
    snapshot_each(
        "reopened_at_stage",
        messages_for("pioneer-2020", CaseKind::Complaint, &records),
    );
}

/// Promises kept to the end under TORUS (issue 16, item 4): a response with
/// money set against arrears, a payment in kind and two actions; one action
/// changed, both done, and the complaint closed as "actions done".
#[test]
fn a_response_s_promises_kept_to_the_end() {
    let action = |description: &str, owner: &str, due: &str| OutstandingAction {
        description: description.into(),
        owner: owner.into(),
        due: day(due),
    };
    let money = |description: &str, pence: u64, money: Money, settlement: Settlement| Remedy {
        kind: RemedyKind::Financial,
        description: description.into(),
        amount_pence: Some(pence),
        money: Some(money),
        settlement: Some(settlement),
    };
    let records = [
        received_on("2026-03-02", CaseKind::Complaint),
        staff("2026-03-03", Event::acknowledged()),
        staff(
            "2026-03-13",
            Event::Responded {
                outcome: Some(Outcome::Upheld),
                reasons: "The boiler repair was three weeks late, and nobody told you why.".into(),
                remedies: vec![
                    Remedy {
                        kind: RemedyKind::Apology,
                        description: "We are sorry for the weeks without heating.".into(),
                        amount_pence: None,
                        money: None,
                        settlement: None,
                    },
                    money(
                        "For the weeks without heating",
                        15_000,
                        Money::Compensation,
                        Settlement::OffsetAgainstMoneyOwed,
                    ),
                    money(
                        "Paint and paper for the damp-damaged bedroom",
                        6_000,
                        Money::Goodwill,
                        Settlement::InKind,
                    ),
                ],
                outstanding_actions: vec![
                    action("Replace the boiler", "Repairs team", "2026-03-27"),
                    action(
                        "Refund the heater's electricity",
                        "Income team",
                        "2026-04-03",
                    ),
                ],
                sent_by: None,
                root_causes: Vec::new(),
                lessons: None,
            },
        ),
        staff(
            "2026-03-20",
            Event::ActionChanged {
                action: 1,
                reason: "The new boiler is on order and arrives on 1 April.".into(),
                description: "Replace the boiler".into(),
                owner: "Repairs team".into(),
                due: day("2026-04-02"),
            },
        ),
        staff("2026-03-30", Event::ActionDone { action: 2 }),
        staff("2026-04-02", Event::ActionDone { action: 1 }),
        staff(
            "2026-04-02",
            Event::Closed {
                why: ClosedWhy::ActionsDone,
            },
        ),
    ];
    snapshot_each(
        "promises",
        messages_for("torus", CaseKind::Complaint, &records),
    );
}

#[test]
fn a_compliment_and_a_comment() {
    snapshot_each(
        "compliment",
        messages_for(
            "code-2024",
            CaseKind::Compliment,
            &[received_on("2026-03-02", CaseKind::Compliment)],
        ),
    );
    snapshot_each(
        "comment",
        messages_for(
            "code-2024",
            CaseKind::Comment,
            &[received_on("2026-03-02", CaseKind::Comment)],
        ),
    );
}

#[test]
fn every_authorisation_notice() {
    let resident = "Rosa Resident";
    let advocate = "Adam Advocate";
    let until = long_date(day("2027-03-01"));
    let scope = [Scope::ViewCases, Scope::RaiseComplaints]
        .map(|s| format!("- {}", s.label()))
        .join("\n");
    let relationship = Relationship::SupportWorker.label();
    let all = [
        (
            "invitation_sent",
            notices::invitation_sent(
                resident,
                "adam@advice.example.org",
                relationship,
                &until,
                &scope,
            ),
        ),
        ("invited", notices::invited(resident, &until)),
        ("form_received", notices::form_received()),
        (
            "accepted",
            notices::accepted(resident, advocate, &until, &scope),
        ),
        ("taken_back", notices::taken_back(resident)),
        ("declined", notices::declined(resident, advocate)),
        ("given_up", notices::given_up(resident, advocate)),
        (
            "form_verified",
            notices::form_verified(resident, advocate, &until),
        ),
        (
            "verified_for_advocate",
            notices::verified_for_advocate(resident),
        ),
        (
            "form_rejected",
            notices::form_rejected(resident, "The signature does not match the one we hold."),
        ),
        (
            "used_raised",
            notices::used(resident, advocate, "CMP-2026-00042", Use::Raised),
        ),
        (
            "used_escalated",
            notices::used(resident, advocate, "CMP-2026-00042", Use::Escalated),
        ),
    ];
    for (name, notice) in all {
        insta::assert_snapshot!(format!("authorisation_{name}"), shown(&notice));
    }
}

/// What the policy's clock writes: the resident's reminder before their
/// window closes, and the caseworker's reminder and overdue alert.
#[test]
fn every_rule_notice() {
    use domain::case::DueKey;
    use server::rules::notices as rules;
    let all = [
        (
            "window_reminder_review",
            server::cases::notices::window_reminder(
                "CMP-2026-00042",
                DueKey::NextStageWindow { stage: 1 },
                day("2026-03-16"),
            ),
        ),
        (
            "window_reminder_panel",
            server::cases::notices::window_reminder(
                "CMP-2026-00042",
                DueKey::PanelWindow,
                day("2026-06-01"),
            ),
        ),
        (
            "survey_after_outcome",
            server::cases::notices::survey("CMP-2026-00042", day("2026-03-02")),
        ),
        (
            "due_soon_acknowledge",
            rules::due_soon(
                "CMP-2026-00042",
                DueKey::Acknowledge { stage: 1 },
                day("2026-03-09"),
            ),
        ),
        (
            "due_soon_councillor_or_mp_reply",
            rules::due_soon(
                "CMP-2026-00042",
                DueKey::CouncillorOrMpReply,
                day("2026-03-16"),
            ),
        ),
        (
            "due_soon_respond_stage_2",
            rules::due_soon(
                "CMP-2026-00042",
                DueKey::Respond { stage: 2 },
                day("2026-04-20"),
            ),
        ),
        (
            "overdue_respond",
            rules::overdue(
                "CMP-2026-00042",
                DueKey::Respond { stage: 1 },
                day("2026-03-23"),
            ),
        ),
    ];
    for (name, notice) in all {
        insta::assert_snapshot!(format!("rule_{name}"), shown(&notice));
    }
}
