//! Test policies and helpers shared by the case tests.
//!
//! The policies are built here from JSON, not from the real presets (which are
//! written elsewhere), so these tests pin the lifecycle rules by themselves.

#![allow(dead_code)]

use chrono::{NaiveDate, TimeZone, Utc};
use domain::case::{Actor, ActorKind, CaseKind, Event, EventRecord};
use domain::policy::Policy;
use serde_json::json;

pub fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("test dates are valid")
}

fn ombudsman() -> serde_json::Value {
    json!({
        "name": "Housing Ombudsman Service",
        "telephone": "0300 111 3000",
        "website": "https://www.housing-ombudsman.org.uk",
        "address": "PO Box 1484, Unit D, Preston PR2 0ET",
        "guidance": [
            {"when": "always", "text": "You can ask the Housing Ombudsman for advice at any time."},
            {"when": "during_process", "text": "The Ombudsman can help while we look into your complaint."},
            {"when": "after_final_response", "text": "You can now ask the Ombudsman to investigate."},
            {"when": "after_refusal", "text": "You can ask the Ombudsman about our decision not to escalate."}
        ]
    })
}

fn policy(id: &str, stages: serde_json::Value, panel: serde_json::Value) -> Policy {
    serde_json::from_value(json!({
        "id": id,
        "landlord": id,
        "title": "Complaints policy",
        "source": "test",
        "stages": stages,
        "panel": panel,
        "ombudsman": ombudsman(),
    }))
    .expect("test policy is valid")
}

/// Like the Complaint Handling Code 2024: stage 1 acknowledged within 5 working
/// days of receipt, answered within 10 of acknowledgement (+10); stage 2
/// acknowledged within 5 of the request, answered within 20 of acknowledgement (+20).
pub fn code_like() -> Policy {
    policy(
        "code-like",
        json!([
            {"number": 1, "name": "Stage 1",
             "acknowledge": {"days": 5, "from": "receipt"},
             "respond": {"days": 10, "from": "acknowledgement"},
             "extension": {"max_days": 10, "ombudsman_details_required": true}},
            {"number": 2, "name": "Stage 2",
             "acknowledge": {"days": 5, "from": "receipt"},
             "respond": {"days": 20, "from": "acknowledgement"},
             "extension": {"max_days": 20, "ombudsman_details_required": true}}
        ]),
        json!(null),
    )
}

/// Like Pioneer (seed 000): an optional tenant-led panel, asked for within 10
/// working days of the stage 2 response letter, convened within 20, outcome
/// within 5 of the hearing; a friend or relative, never a legal representative;
/// never once the case is with the Housing Ombudsman.
pub fn pioneer_like() -> Policy {
    policy(
        "pioneer-like",
        json!([
            {"number": 1, "name": "Main investigation",
             "acknowledge": {"days": 5, "from": "receipt"},
             "respond": {"days": 10, "from": "receipt"},
             "extension": {},
             "reopen_on_new_information": "We will reopen the case at the existing stage."},
            {"number": 2, "name": "Senior officer review",
             "respond": {"days": 20, "from": "receipt"}}
        ]),
        json!({
            "number": 3, "name": "Tenant-led panel",
            "request_window": 10, "convene_within": 20, "outcome_within": 5,
            "written_submissions": true,
            "representatives": ["friend", "relative"],
            "legal_representative_allowed": false,
            "not_after_ombudsman": true
        }),
    )
}

/// Like Pivotal (seed 002): stage 1 answered within 10 working days of receipt,
/// any extension not beyond 20 from receipt; an appeal within 10 working days of
/// the stage 1 response, acknowledged within 3 and answered within 20 of receipt.
pub fn pivotal_like() -> Policy {
    policy(
        "pivotal-like",
        json!([
            {"number": 1, "name": "Stage 1",
             "respond": {"days": 10, "from": "receipt"},
             "extension": {"max_total_days_from_receipt": 20},
             "next_stage_window": 10},
            {"number": 2, "name": "Appeal",
             "acknowledge": {"days": 3, "from": "receipt"},
             "respond": {"days": 20, "from": "receipt"}}
        ]),
        json!(null),
    )
}

/// Like Plus Dane (seed 003): +10 at stage 1, longer only when both sides agree.
pub fn by_agreement_like() -> Policy {
    policy(
        "by-agreement-like",
        json!([
            {"number": 1, "name": "Stage 1",
             "acknowledge": {"days": 5, "from": "receipt"},
             "respond": {"days": 10, "from": "acknowledgement"},
             "extension": {"max_days": 10, "beyond_by_agreement": true}},
            {"number": 2, "name": "Stage 2",
             "acknowledge": {"days": 5, "from": "receipt"},
             "respond": {"days": 20, "from": "acknowledgement"}}
        ]),
        json!(null),
    )
}

/// A stage 1 answered within 10 working days of acknowledgement, with no
/// time set to acknowledge it.
pub fn no_acknowledgement_date_like() -> Policy {
    policy(
        "no-acknowledgement-date-like",
        json!([
            {"number": 1, "name": "Stage 1",
             "respond": {"days": 10, "from": "acknowledgement"}}
        ]),
        json!(null),
    )
}

/// An event recorded at noon UTC on `on`, by a member of staff.
pub fn at(on: &str, event: Event) -> EventRecord {
    by(ActorKind::Staff, on, event)
}

/// An event recorded at noon UTC on `on`, by `kind`.
pub fn by(kind: ActorKind, on: &str, event: Event) -> EventRecord {
    let day = date(on);
    EventRecord {
        at: Utc.from_utc_datetime(&day.and_hms_opt(12, 0, 0).expect("noon exists")),
        actor: Actor {
            kind,
            name: None,
            id: None,
        },
        on: Some(day),
        event,
    }
}

/// A complaint the resident raised on `on`.
pub fn received(on: &str) -> EventRecord {
    by(
        ActorKind::Resident,
        on,
        Event::Received {
            kind: CaseKind::Complaint,
            received_on: date(on),
            awaiting_decision: Vec::new(),
            through_councillor_or_mp: false,
        },
    )
}
