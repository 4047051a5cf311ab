//! Promises kept to the end (issue 16, item 4): a response's remedies and
//! promised actions, each action owned and dated, marked done or changed
//! with a reason the resident is told; late actions in the queue; closing as
//! "actions done" only when all are, and early only with a reason or, under
//! TORUS, by someone who may approve it.

use axum::http::StatusCode;
use chrono::Duration;
use serde_json::{json, Value};

use crate::helpers::TestApp;
use crate::support::{
    acknowledged_complaint, app_with_policy, outbox, signed_in_again, staff_action, staff_does,
};

/// Upheld, with compensation settled as `settlement` and two actions: the
/// boiler by Monday 16 March 2026, the refund by Monday 23 March.
fn responded_with_promises(settlement: &str) -> Value {
    json!({
        "type": "responded",
        "outcome": "upheld",
        "reasons": "The boiler repair was three weeks late.",
        "remedies": [
            { "kind": "apology", "description": "We are sorry for the weeks without heating." },
            {
                "kind": "financial",
                "description": "For the weeks without heating",
                "amount_pence": 15000,
                "money": "compensation",
                "settlement": settlement
            }
        ],
        "outstanding_actions": [
            { "description": "Replace the boiler", "owner": "Repairs team", "due": "2026-03-16" },
            { "description": "Refund the heater's electricity", "owner": "Income team", "due": "2026-03-23" }
        ]
    })
}

fn code_of(body: &Value) -> &str {
    body["errors"][0]["code"].as_str().unwrap_or_default()
}

/// The queue's row for `case`.
async fn queue_row(staff: &crate::helpers::TestClient, case: &str) -> Value {
    let (status, _, list) = staff.get("/api/v1/staff/cases").await;
    assert_eq!(status, StatusCode::OK);
    list.as_array()
        .expect("a list")
        .iter()
        .find(|c| c["id"] == case)
        .cloned()
        .expect("the case is in the queue")
}

#[tokio::test]
async fn each_promise_is_followed_to_the_end_and_the_resident_is_told_at_each_step() {
    let app = TestApp::spawn().await;
    let (riya, staff, case) = acknowledged_complaint(&app).await;
    let ben = app.register_resident("Ben Jones").await;

    // The Code's preset does not allow money to be set against arrears.
    let (status, _, body) = staff_action(
        &staff,
        &case,
        responded_with_promises("offset_against_money_owed"),
    )
    .await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
    assert_eq!(code_of(&body), "settlement_not_allowed");
    // An action nobody owns is refused.
    let mut unowned = responded_with_promises("paid");
    unowned["outstanding_actions"][0]["owner"] = json!(" ");
    let (status, _, body) = staff_action(&staff, &case, unowned).await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert_eq!(code_of(&body), "action_owner_missing");

    staff_does(&staff, &case, responded_with_promises("paid")).await;
    let response = &outbox(&app, &case)
        .await
        .last()
        .expect("a message")
        .1
        .clone();
    for part in [
        "To put things right:\n- An apology: We are sorry for the weeks without heating.\n- Compensation of £150.00: For the weeks without heating",
        "What we will do, and by when:\n- Replace the boiler, by Monday 16 March 2026 (Repairs team).\n- Refund the heater's electricity, by Monday 23 March 2026 (Income team).",
    ] {
        assert!(response.contains(part), "{part}\n---\n{response}");
    }
    let (_, _, read) = riya.get(&format!("/api/v1/cases/{case}")).await;
    let actions = read["view"]["actions"].as_array().expect("the promises");
    assert_eq!(actions.len(), 2);
    assert_eq!(actions[0]["number"], 1);
    assert_eq!(actions[0]["owner"], "Repairs team");
    assert_eq!(actions[0]["due"], "2026-03-16");
    assert_eq!(actions[0]["done_on"], Value::Null);
    assert_eq!(queue_row(&staff, &case).await.get("actions_overdue"), None);

    // A day after the boiler's date it is late, and the queue says so.
    app.advance(Duration::days(15));
    let (riya, ben, staff) = (
        signed_in_again(&app, &riya).await,
        signed_in_again(&app, &ben).await,
        signed_in_again(&app, &staff).await,
    );
    assert_eq!(queue_row(&staff, &case).await["actions_overdue"], 1);

    // Nobody but staff marks a promise done (the staff endpoint is refused
    // whoever's case it names), and another resident cannot read it.
    let done = json!({ "event": { "type": "action_done", "action": 1 }, "on": "2026-03-17" });
    let path = format!("/api/v1/cases/{case}/staff-actions");
    for outsider in [&riya, &ben] {
        let (status, _, _) = outsider.post_json(&path, done.clone()).await;
        assert_eq!(status, StatusCode::FORBIDDEN);
    }
    let (status, _, _) = ben.get(&format!("/api/v1/cases/{case}")).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _, body) = staff.post_json(&path, done).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["view"]["actions"][0]["done_on"], "2026-03-17");
    let told = outbox(&app, &case).await.last().expect("a message").clone();
    assert_eq!(
        told.0,
        format!(
            "Your complaint {}: we have done something we promised",
            read["reference"].as_str().unwrap()
        )
    );
    assert!(told.1.contains("Replace the boiler."), "{}", told.1);
    assert!(told.1.contains("There is 1 more thing we promised to do."));
    assert_eq!(queue_row(&staff, &case).await.get("actions_overdue"), None);

    // Not yet "actions done", and not "resolved" while one is open.
    for (why, code) in [
        ("actions_done", "actions_not_done"),
        ("resolved", "actions_outstanding"),
    ] {
        let (status, _, body) =
            staff_action(&staff, &case, json!({ "type": "closed", "why": why })).await;
        assert_eq!(status, StatusCode::CONFLICT, "{body}");
        assert_eq!(code_of(&body), code);
    }

    // The refund changes, with the reason the resident reads.
    staff_does(
        &staff,
        &case,
        json!({
            "type": "action_changed",
            "action": 2,
            "reason": "The meter reading we need arrives next week.",
            "description": "Refund the heater's electricity from the meter reading",
            "owner": "Income team",
            "due": "2026-03-27"
        }),
    )
    .await;
    let changed = &outbox(&app, &case)
        .await
        .last()
        .expect("a message")
        .1
        .clone();
    for part in [
        "It was: Refund the heater's electricity, by Monday 23 March 2026.",
        "It is now: Refund the heater's electricity from the meter reading, by Friday 27 March 2026.",
        "The reason is: The meter reading we need arrives next week.",
    ] {
        assert!(changed.contains(part), "{part}\n---\n{changed}");
    }

    staff_does(&staff, &case, json!({ "type": "action_done", "action": 2 })).await;
    let closed = staff_does(
        &staff,
        &case,
        json!({ "type": "closed", "why": "actions_done" }),
    )
    .await;
    assert_eq!(closed["view"]["status"], "closed");
    let (_, _, read) = riya.get(&format!("/api/v1/cases/{case}")).await;
    let actions = read["view"]["actions"].as_array().expect("the promises");
    assert!(
        actions.iter().all(|a| a["done_on"].is_string()),
        "{actions:?}"
    );
    assert_eq!(actions[1]["changes"][0]["previous_due"], "2026-03-23");
    let last = outbox(&app, &case).await;
    assert!(last[last.len() - 2]
        .1
        .contains("That is everything we promised in our response."));
    assert!(last[last.len() - 1]
        .1
        .contains("everything we agreed to do is done"));
}

#[tokio::test]
async fn under_torus_only_someone_who_may_approve_closes_before_the_promises_are_kept() {
    let app = app_with_policy("torus").await;
    let (_, staff, case) = acknowledged_complaint(&app).await;
    let manager = app.create_admin("Ada Manager").await;
    // TORUS allows compensation set against rent arrears (§3.4).
    staff_does(
        &staff,
        &case,
        responded_with_promises("offset_against_money_owed"),
    )
    .await;
    let response = &outbox(&app, &case)
        .await
        .last()
        .expect("a message")
        .1
        .clone();
    assert!(
        response.contains(
            "Compensation of £150.00, set against the money you owe us (such as rent arrears)"
        ),
        "{response}"
    );

    let early = json!({ "type": "closed", "why": { "other": "The resident has moved out." } });
    let (status, _, body) = staff_action(&staff, &case, early.clone()).await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
    assert_eq!(code_of(&body), "close_needs_approval");
    assert!(body["errors"][0]["message"]
        .as_str()
        .unwrap()
        .contains("a Service Manager must approve"));
    // The preview refuses it the same way.
    let (status, _, body) = staff
        .post_json(
            &format!("/api/v1/cases/{case}/staff-actions/preview"),
            json!({ "event": early }),
        )
        .await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert_eq!(code_of(&body), "close_needs_approval");

    let closed = staff_does(&manager, &case, early).await;
    assert_eq!(closed["view"]["status"], "closed");
    // The promises stay, and are still kept after it closed.
    let done = staff_does(&staff, &case, json!({ "type": "action_done", "action": 1 })).await;
    assert_eq!(done["view"]["actions"][0]["done_on"], "2026-03-02");
}

/// What caused the complaint and what was learnt (issue 16, item 6) are kept
/// with the response for staff and the figures; the resident never sees them.
#[tokio::test]
async fn causes_and_lessons_are_kept_for_staff_and_not_shown_to_the_resident() {
    let app = TestApp::spawn().await;
    let (riya, staff, case) = acknowledged_complaint(&app).await;
    let mut response = responded_with_promises("paid");
    response["root_causes"] = json!(["not_a_cause"]);
    let (status, _, body) = staff_action(&staff, &case, response.clone()).await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
    assert_eq!(code_of(&body), "unknown_root_cause");

    response["root_causes"] = json!(["delay", "communication"]);
    response["lessons"] = json!("Order the part when the job is booked.");
    staff_does(&staff, &case, response).await;
    let (_, _, seen) = staff.get(&format!("/api/v1/cases/{case}")).await;
    let answer = seen["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["event"]["type"] == "responded")
        .cloned()
        .expect("the response");
    assert_eq!(
        answer["event"]["root_causes"],
        json!(["delay", "communication"])
    );
    assert_eq!(
        answer["event"]["lessons"],
        "Order the part when the job is booked."
    );

    let (_, _, read) = riya.get(&format!("/api/v1/cases/{case}")).await;
    let text = read.to_string();
    assert!(!text.contains("root_causes"), "{text}");
    assert!(!text.contains("Order the part"), "{text}");
    let told = outbox(&app, &case).await;
    assert!(told
        .iter()
        .all(|(_, body)| !body.contains("Order the part")));
}
