//! When the resident received the answer (issue 16, item 8): under Pivotal
//! (§9) the window to appeal counts from the day the resident received the
//! stage 1 response; a posted one counts as received 2 working days later.

use axum::http::StatusCode;
use chrono::Duration;
use serde_json::{json, Value};

use crate::support::{
    acknowledged_complaint, app_with_policy, outbox, signed_in_again, staff_action, staff_does,
};

/// The appeal window's row among the case's dates.
fn appeal_window(case: &Value) -> Value {
    case["view"]["due_dates"]
        .as_array()
        .expect("dates")
        .iter()
        .find(|d| d["kind"] == "request_next_stage")
        .cloned()
        .expect("the appeal window")
}

#[tokio::test]
async fn a_posted_response_opens_pivotals_appeal_window_from_the_day_it_is_received() {
    let app = app_with_policy("pivotal-2021").await;
    let (riya, staff, case) = acknowledged_complaint(&app).await;
    // Posted on Monday 2 March 2026: received Wednesday 4 March.
    let answered = staff_does(
        &staff,
        &case,
        json!({
            "type": "responded",
            "outcome": "not_upheld",
            "reasons": "The repair was done on the date we gave you.",
            "sent_by": "post"
        }),
    )
    .await;
    let window = appeal_window(&answered);
    assert_eq!(window["date"], "2026-03-18");
    assert_eq!(window["counted_from"], "2026-03-04");
    assert_eq!(
        window["basis"]["from"],
        json!({ "kind": "stage_response_received", "stage": 1 })
    );
    let (_, _, read) = riya.get(&format!("/api/v1/cases/{case}")).await;
    assert_eq!(read["view"]["latest_response"]["by_post"], true);
    assert_eq!(read["view"]["latest_response"]["received_on"], "2026-03-04");
    assert_eq!(read["view"]["open_window"]["last_day"], "2026-03-18");
    let response = &outbox(&app, &case)
        .await
        .last()
        .expect("a message")
        .1
        .clone();
    assert!(
        response.contains("Wednesday 18 March 2026"),
        "the message gives the last day: {response}"
    );

    // On Thursday 19 March the window has closed. A phone call on the last
    // day is recorded and accepted; one on the 19th is refused.
    app.advance(Duration::days(17));
    let staff = signed_in_again(&app, &staff).await;
    let (status, _, body) =
        staff_action(&staff, &case, json!({ "type": "escalation_requested" })).await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
    let late = json!({ "event": { "type": "escalation_requested" }, "on": "2026-03-19" });
    let path = format!("/api/v1/cases/{case}/staff-actions");
    let (status, _, body) = staff.post_json(&path, late).await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
    assert_eq!(body["errors"][0]["code"], "escalation_window_closed");
    let in_time = json!({ "event": { "type": "escalation_requested" }, "on": "2026-03-18" });
    let (status, _, body) = staff.post_json(&path, in_time).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["view"]["stage"]["number"], 2);
}
