//! The landlord's side: the queue, and every staff action with who and when.

use axum::http::StatusCode;
use chrono::Duration;
use serde_json::{json, Value};

use crate::helpers::{errors, messages as error_messages, TestApp};
use crate::support::{
    complaint, id, outbox, queue_columns, raise, resident_action, responded, signed_in_again,
    staff_action, staff_does,
};

fn ids(list: &Value) -> Vec<String> {
    list.as_array()
        .expect("a list")
        .iter()
        .map(|c| c["id"].as_str().unwrap().to_owned())
        .collect()
}

#[tokio::test]
async fn residents_may_not_use_the_staff_endpoints() {
    let app = TestApp::spawn().await;
    let riya = app.register_resident("Riya Resident").await;
    let advocate = app.register_advocate("Alex Advocate").await;
    let case = id(&raise(&riya, complaint()).await);
    for client in [&riya, &advocate] {
        let (status, _, _) = client.get("/api/v1/staff/cases").await;
        assert_eq!(status, StatusCode::FORBIDDEN);
        let (status, _, _) = staff_action(client, &case, json!({ "type": "acknowledged" })).await;
        assert_eq!(status, StatusCode::FORBIDDEN);
    }
    assert_eq!(
        queue_columns(&app, &case).await.1,
        "awaiting_acknowledgement"
    );
}

#[tokio::test]
async fn staff_and_admins_see_every_case_with_the_residents_needs() {
    let app = TestApp::spawn().await;
    let riya = app.register_resident("Riya Resident").await;
    let (status, _, _) = riya
        .put_json(
            "/api/v1/preferences",
            json!({ "letter_format": "large_print", "reasonable_adjustments": "Call after 10am" }),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let ben = app.register_resident("Ben Jones").await;
    let staff = app.create_staff("Sam Caseworker").await;
    let admin = app.create_admin("Avery Admin").await;
    let case = id(&raise(&riya, complaint()).await);
    raise(&ben, complaint()).await;
    for client in [&staff, &admin] {
        let (status, _, detail) = client.get(&format!("/api/v1/cases/{case}")).await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(
            detail["resident_preferences"]["letter_format"],
            "large_print"
        );
        assert_eq!(
            detail["resident_preferences"]["reasonable_adjustments"],
            "Call after 10am"
        );
        let (_, _, list) = client.get("/api/v1/cases").await;
        assert_eq!(list.as_array().unwrap().len(), 2);
        let (_, _, queue) = client.get("/api/v1/staff/cases").await;
        assert_eq!(ids(&queue), ids(&list));
    }
    let (_, _, own) = riya.get(&format!("/api/v1/cases/{case}")).await;
    assert_eq!(own["resident_preferences"], Value::Null);
}

#[tokio::test]
async fn the_queue_is_ordered_by_the_next_due_date_and_filtered() {
    let app = TestApp::spawn().await;
    let riya = app.register_resident("Riya Resident").await;
    let staff = app.create_staff("Sam Caseworker").await;
    // Monday 2 March: acknowledge by 9 March.
    let oldest = id(&raise(&riya, complaint()).await);
    app.advance(Duration::days(2));
    let riya = signed_in_again(&app, &riya).await;
    // Wednesday 4 March: acknowledge by 11 March.
    let middle = id(&raise(&riya, complaint()).await);
    app.advance(Duration::days(1));
    let riya = signed_in_again(&app, &riya).await;
    let staff = signed_in_again(&app, &staff).await;
    // Thursday 5 March: a compliment, then a withdrawn complaint (nothing due).
    let compliment = id(&raise(
        &riya,
        json!({ "kind": "compliment", "details": "Thank you" }),
    )
    .await);
    let withdrawn = id(&raise(&riya, complaint()).await);
    resident_action(&riya, &withdrawn, "withdrawal", json!({ "confirm": true })).await;
    // Acknowledged on 5 March: reply by 19 March.
    staff_does(&staff, &oldest, json!({ "type": "acknowledged" })).await;

    let (status, _, queue) = staff.get("/api/v1/staff/cases").await;
    assert_eq!(status, StatusCode::OK);
    // Nothing due (the compliment, the withdrawn complaint) comes last, oldest first.
    assert_eq!(
        ids(&queue),
        [
            middle.clone(),
            oldest.clone(),
            compliment,
            withdrawn.clone()
        ]
    );
    assert_eq!(queue[0]["next_due"], "2026-03-11");
    assert_eq!(queue[1]["next_due"], "2026-03-19");

    let (_, _, investigating) = staff
        .get("/api/v1/staff/cases?status=under_investigation")
        .await;
    assert_eq!(ids(&investigating), [oldest.as_str()]);
    let (_, _, stage_one) = staff.get("/api/v1/staff/cases?stage=1").await;
    assert_eq!(ids(&stage_one).len(), 3, "the compliment has no stage");
    let (_, _, stage_two) = staff.get("/api/v1/staff/cases?stage=2").await;
    assert_eq!(stage_two, json!([]));
    let (_, _, overdue) = staff.get("/api/v1/staff/cases?overdue=true").await;
    assert_eq!(overdue, json!([]));

    // Thursday 12 March: the middle case was to be acknowledged by the 11th.
    app.advance(Duration::days(7));
    let staff = signed_in_again(&app, &staff).await;
    let (_, _, overdue) = staff.get("/api/v1/staff/cases?overdue=true").await;
    assert_eq!(ids(&overdue), [middle.as_str()]);
    assert_eq!(overdue[0]["overdue"], true);
    let (_, _, on_time) = staff.get("/api/v1/staff/cases?overdue=false&stage=1").await;
    assert_eq!(ids(&on_time), [oldest.clone(), withdrawn.clone()]);
    let (status, _, body) = staff.get("/api/v1/staff/cases?status=sleeping").await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
}

#[tokio::test]
async fn every_staff_action_is_recorded_with_who_and_when_and_told_to_the_resident() {
    let app = TestApp::spawn().await;
    let riya = app.register_resident("Riya Resident").await;
    let staff = app.create_staff("Sam Caseworker").await;
    let case = id(&raise(&riya, complaint()).await);
    let (_, _, session) = staff.get("/api/v1/session").await;
    let sam = session["user"]["id"].as_str().unwrap().to_owned();
    let steps = [
        (
            json!({ "type": "acknowledged" }),
            "under_investigation",
            true,
        ),
        (
            json!({ "type": "assigned", "caseworker_id": sam }),
            "under_investigation",
            false,
        ),
        (
            json!({ "type": "extended", "reason": "Waiting for a surveyor", "new_date": "2026-03-23" }),
            "under_investigation",
            true,
        ),
        (responded("partly_upheld"), "responded", true),
        (
            json!({ "type": "closed", "why": "resolved" }),
            "closed",
            true,
        ),
        (
            json!({ "type": "reopened", "reason": "The resident called" }),
            "responded",
            true,
        ),
        (
            json!({ "type": "referred_to_ombudsman" }),
            "with_ombudsman",
            false,
        ),
    ];
    let mut told = 1;
    for (n, (event, status, tells)) in steps.into_iter().enumerate() {
        let detail = staff_does(&staff, &case, event.clone()).await;
        assert_eq!(detail["view"]["status"], status, "{event}");
        let entry = &detail["timeline"][n + 1];
        assert_eq!(
            entry["actor"],
            json!({ "kind": "staff", "name": "Sam Caseworker", "id": sam })
        );
        assert_eq!(entry["event"]["type"], event["type"]);
        assert_eq!(entry["on"], "2026-03-02");
        assert_eq!(queue_columns(&app, &case).await.1, status, "{event}");
        if tells {
            told += 1;
        }
        assert_eq!(outbox(&app, &case).await.len(), told, "{event}");
    }
    let messages = outbox(&app, &case).await;
    let extension = &messages[2];
    assert!(
        extension.1.contains("Waiting for a surveyor"),
        "{}",
        extension.1
    );
    assert!(
        extension.1.contains("Monday 23 March 2026"),
        "{}",
        extension.1
    );
    assert!(
        extension.1.contains("0300 111 3000"),
        "the Ombudsman's details: {}",
        extension.1
    );
}

#[tokio::test]
async fn the_queue_columns_follow_each_event() {
    let app = TestApp::spawn().await;
    let riya = app.register_resident("Riya Resident").await;
    let staff = app.create_staff("Sam Caseworker").await;
    let case = id(&raise(&riya, complaint()).await);
    assert_eq!(
        queue_columns(&app, &case).await,
        (
            Some(1),
            "awaiting_acknowledgement".into(),
            Some("2026-03-09".into())
        )
    );
    staff_does(&staff, &case, json!({ "type": "acknowledged" })).await;
    assert_eq!(
        queue_columns(&app, &case).await,
        (
            Some(1),
            "under_investigation".into(),
            Some("2026-03-16".into())
        )
    );
    staff_does(&staff, &case, responded("upheld")).await;
    assert_eq!(
        queue_columns(&app, &case).await,
        (Some(1), "responded".into(), None)
    );
    resident_action(&riya, &case, "escalation", json!({})).await;
    assert_eq!(
        queue_columns(&app, &case).await,
        (
            Some(2),
            "escalation_requested".into(),
            Some("2026-03-09".into())
        )
    );
    staff_does(
        &staff,
        &case,
        json!({ "type": "escalation_refused", "reasons": "No new points were raised" }),
    )
    .await;
    assert_eq!(
        queue_columns(&app, &case).await,
        (Some(1), "escalation_refused".into(), None)
    );
}

#[tokio::test]
async fn a_refused_escalation_tells_the_resident_how_to_reach_the_ombudsman() {
    let app = TestApp::spawn().await;
    let riya = app.register_resident("Riya Resident").await;
    let staff = app.create_staff("Sam Caseworker").await;
    let case = id(&raise(&riya, complaint()).await);
    staff_does(&staff, &case, json!({ "type": "acknowledged" })).await;
    staff_does(&staff, &case, responded("not_upheld")).await;
    resident_action(&riya, &case, "escalation", json!({})).await;
    let (status, _, body) = staff_action(
        &staff,
        &case,
        json!({ "type": "escalation_refused", "reasons": " " }),
    )
    .await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert_eq!(errors(&body)[0].0, "");
    staff_does(
        &staff,
        &case,
        json!({ "type": "escalation_refused", "reasons": "No new points were raised" }),
    )
    .await;
    let (subject, body) = outbox(&app, &case).await.pop().unwrap();
    assert!(subject.ends_with("we cannot take your complaint further"));
    assert!(body.contains("No new points were raised"));
    assert!(
        body.contains("Housing Ombudsman Service: telephone 0300 111 3000"),
        "{body}"
    );
    assert!(body.contains("PO Box 1484"), "{body}");
}

#[tokio::test]
async fn an_extension_beyond_the_policys_limit_is_refused() {
    let app = TestApp::spawn().await;
    let riya = app.register_resident("Riya Resident").await;
    let staff = app.create_staff("Sam Caseworker").await;
    let case = id(&raise(&riya, complaint()).await);
    staff_does(&staff, &case, json!({ "type": "acknowledged" })).await;
    // Reply by 16 March; at most 10 working days more: 30 March.
    let (status, _, body) = staff_action(
        &staff,
        &case,
        json!({ "type": "extended", "reason": "Waiting for a surveyor", "new_date": "2026-03-31" }),
    )
    .await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert!(
        error_messages(&body)[0]
            .starts_with("The new date can be no later than Monday 30 March 2026"),
        "{body}"
    );
    staff_does(
        &staff,
        &case,
        json!({ "type": "extended", "reason": "Waiting for a surveyor", "new_date": "2026-03-30" }),
    )
    .await;
    assert_eq!(
        queue_columns(&app, &case).await.2,
        Some("2026-03-30".into())
    );
}

#[tokio::test]
async fn a_date_beyond_the_codes_limit_needs_a_good_reason_that_the_resident_is_told_with_the_ombudsmans_details(
) {
    // The Code, 6.4: "no more than 10 working days without good reason, and
    // the reason(s) must be explained clearly to the resident"; 6.5: with the
    // Ombudsman's contact details.
    let app = TestApp::spawn().await;
    let riya = app.register_resident("Riya Resident").await;
    let staff = app.create_staff("Sam Caseworker").await;
    let case = id(&raise(&riya, complaint()).await);
    staff_does(&staff, &case, json!({ "type": "acknowledged" })).await;
    let beyond = |good_reason: Value| {
        json!({ "type": "extended", "reason": "Waiting for a surveyor", "new_date": "2026-04-14",
                "good_reason": good_reason })
    };
    let (status, _, body) = staff_action(&staff, &case, beyond(Value::Null)).await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert!(
        error_messages(&body)[0].ends_with("unless you give a good reason for a later date."),
        "{body}"
    );
    let (status, _, body) = staff_action(&staff, &case, beyond(json!("x".repeat(5001)))).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert!(
        errors(&body)
            .iter()
            .any(|(field, _)| field.ends_with("good_reason")),
        "{body}"
    );

    // Staff see the limit before choosing a date; the resident does not.
    let (_, _, seen) = staff.get(&format!("/api/v1/cases/{case}")).await;
    assert_eq!(
        seen["staff"]["extension"],
        json!({ "stage": 1, "current": "2026-03-16", "latest": "2026-03-30",
                "why": { "kind": "after_original", "days": 10, "original": "2026-03-16" },
                "beyond_by_agreement": false, "beyond_with_good_reason": true })
    );
    let why = "The drains must be dug up, which needs a road closure from the council";
    staff_does(&staff, &case, beyond(json!(why))).await;
    assert_eq!(
        queue_columns(&app, &case).await.2,
        Some("2026-04-14".into())
    );

    // The resident reads it on the case, and in the message with the Ombudsman's details.
    let (_, _, detail) = riya.get(&format!("/api/v1/cases/{case}")).await;
    let entry = detail["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["event"]["type"] == "extended")
        .unwrap();
    assert_eq!(entry["event"]["good_reason"], why);
    let (subject, body) = outbox(&app, &case).await.pop().unwrap();
    assert!(subject.ends_with("we need more time"), "{subject}");
    assert!(
        body.contains(&format!(
            "This is longer than our complaints policy usually allows. We are taking longer because: {why}"
        )),
        "{body}"
    );
    assert!(body.contains("Tuesday 14 April 2026"), "{body}");
    assert!(
        body.contains("0300 111 3000"),
        "the Ombudsman's details: {body}"
    );
}

#[tokio::test]
async fn staff_preview_exactly_what_the_resident_will_be_told_and_nothing_is_recorded_or_sent() {
    let app = TestApp::spawn().await;
    let riya = app.register_resident("Riya Resident").await;
    let staff = app.create_staff("Sam Caseworker").await;
    let case = id(&raise(&riya, complaint()).await);
    staff_does(&staff, &case, json!({ "type": "acknowledged" })).await;
    let preview = |event: Value| {
        let staff = &staff;
        let case = &case;
        async move {
            staff
                .post_json(
                    &format!("/api/v1/cases/{case}/staff-actions/preview"),
                    json!({ "event": event }),
                )
                .await
        }
    };
    let sent_before = outbox(&app, &case).await.len();
    let extension =
        json!({ "type": "extended", "reason": "Waiting for a surveyor", "new_date": "2026-03-23" });
    let (status, _, body) = preview(extension.clone()).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let previewed = body["message"].clone();
    assert!(
        previewed["subject"]
            .as_str()
            .unwrap()
            .ends_with("we need more time"),
        "{body}"
    );
    assert!(
        previewed["body"]
            .as_str()
            .unwrap()
            .contains("Monday 23 March 2026"),
        "{body}"
    );
    // Nothing was recorded or sent.
    assert_eq!(outbox(&app, &case).await.len(), sent_before);
    assert_eq!(
        queue_columns(&app, &case).await.2,
        Some("2026-03-16".into())
    );

    // Saving it sends exactly what was previewed.
    staff_does(&staff, &case, extension).await;
    let (subject, sent) = outbox(&app, &case).await.pop().unwrap();
    assert_eq!(
        (subject.as_str(), sent.as_str()),
        (
            previewed["subject"].as_str().unwrap(),
            previewed["body"].as_str().unwrap()
        )
    );

    // An action that tells the resident nothing says so.
    let (_, _, session) = staff.get("/api/v1/session").await;
    let sam = session["user"]["id"].as_str().unwrap().to_owned();
    let (status, _, body) = preview(json!({ "type": "assigned", "caseworker_id": sam })).await;
    assert_eq!(
        (status, &body),
        (StatusCode::OK, &json!({ "message": null }))
    );

    // The lifecycle refuses in the preview as it would on saving.
    let (status, _, body) =
        preview(json!({ "type": "extended", "reason": "Later", "new_date": "2026-03-20" })).await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
    // Residents may not preview staff actions.
    let (status, _, _) = riya
        .post_json(
            &format!("/api/v1/cases/{case}/staff-actions/preview"),
            json!({ "event": { "type": "acknowledged" } }),
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn staff_may_back_date_an_action_but_not_date_it_in_the_future() {
    let app = TestApp::spawn().await;
    let riya = app.register_resident("Riya Resident").await;
    let staff = app.create_staff("Sam Caseworker").await;
    let case = id(&raise(&riya, complaint()).await);
    app.advance(Duration::days(3)); // Thursday 5 March
    let staff = signed_in_again(&app, &staff).await;
    let (status, _, body) = staff
        .post_json(
            &format!("/api/v1/cases/{case}/staff-actions"),
            json!({ "event": { "type": "acknowledged" }, "on": "2026-03-06" }),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(errors(&body)[0].0, "on");
    let (status, _, body) = staff
        .post_json(
            &format!("/api/v1/cases/{case}/staff-actions"),
            json!({ "event": { "type": "acknowledged" }, "on": "2026-03-01" }),
        )
        .await;
    assert_eq!(
        status,
        StatusCode::CONFLICT,
        "before the complaint arrived: {body}"
    );
    let (status, _, body) = staff
        .post_json(
            &format!("/api/v1/cases/{case}/staff-actions"),
            json!({ "event": { "type": "acknowledged" }, "on": "2026-03-03" }),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["timeline"][1]["on"], "2026-03-03");
    assert_eq!(body["view"]["next_due"], "2026-03-17");
}

#[tokio::test]
async fn receiving_a_case_and_closing_a_window_are_not_staff_actions() {
    let app = TestApp::spawn().await;
    let riya = app.register_resident("Riya Resident").await;
    let staff = app.create_staff("Sam Caseworker").await;
    let case = id(&raise(&riya, complaint()).await);
    for event in [
        json!({ "type": "received", "kind": "complaint", "received_on": "2026-03-02" }),
        json!({ "type": "window_closed", "window": "stage_1_window", "last_day": "2026-03-02" }),
    ] {
        let (status, _, body) = staff_action(&staff, &case, event.clone()).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{event}");
        assert_eq!(errors(&body)[0].0, "event");
    }
    let (status, _, _) =
        staff_action(&staff, "no-such-case", json!({ "type": "acknowledged" })).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _, _) = staff_action(&staff, &case, json!({ "type": "acknowledged" })).await;
    assert_eq!(status, StatusCode::OK);
    let (status, _, body) = staff_action(&staff, &case, json!({ "type": "acknowledged" })).await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert_eq!(
        error_messages(&body),
        ["This stage has already been acknowledged."]
    );
}

#[tokio::test]
async fn the_panel_dates_and_outcome_are_recorded_under_pioneer() {
    let (app, _riya, staff, case) = crate::support::panel_requested_under_pioneer().await;
    let scheduled = staff_does(
        &staff,
        &case,
        json!({ "type": "panel_held", "date": "2026-03-20" }),
    )
    .await;
    assert_eq!(scheduled["view"]["status"], "panel_scheduled");
    assert!(outbox(&app, &case)
        .await
        .last()
        .unwrap()
        .1
        .contains("Friday 20 March 2026"));
    app.advance(Duration::days(19)); // Saturday 21 March
    let staff = signed_in_again(&app, &staff).await;
    let decided = staff_does(
        &staff,
        &case,
        json!({ "type": "panel_outcome", "outcome": "partly_upheld", "reasons": "Partly" }),
    )
    .await;
    assert_eq!(decided["view"]["status"], "responded");
    assert_eq!(decided["view"]["final_response"], true);
}

/// Pioneer §6: "We will aim to convene a panel within 20 working days. Where
/// this is not possible, we will keep the customer informed, offer an
/// explanation and agree with the customer whether this stage should be
/// dispensed with."
#[tokio::test]
async fn a_pioneer_panel_that_cannot_meet_in_time_is_put_back_then_dispensed_with_by_agreement() {
    let (app, riya, staff, case) = crate::support::panel_requested_under_pioneer().await;

    // Not yet: the panel can still meet by its date.
    let agreed = json!({ "type": "panel_dispensed", "reason": "Riya agreed by phone to go to the Ombudsman now." });
    let (status, _, body) = staff_action(&staff, &case, agreed.clone()).await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
    assert_eq!(body["errors"][0]["code"], "panel_not_late", "{body}");

    let why = "Two panel members are unwell.";
    let put_back = staff_does(
        &staff,
        &case,
        json!({ "type": "panel_delayed", "new_date": "2026-04-20", "reason": why }),
    )
    .await;
    assert_eq!(put_back["view"]["status"], "panel_requested");
    let (_, _, read) = riya.get(&format!("/api/v1/cases/{case}")).await;
    let convene = read["view"]["due_dates"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["key"] == "panel_convene")
        .cloned()
        .expect("the panel's date");
    assert_eq!(convene["date"], "2026-04-20", "{convene}");
    assert_eq!(convene["original_date"], "2026-03-30", "{convene}");
    assert_eq!(convene["extension_reason"], why);
    assert_eq!(read["view"]["next_step"]["kind"], "panel_meet_by");
    assert_eq!(read["view"]["next_step"]["by"], "2026-04-20");
    let (subject, body) = outbox(&app, &case).await.pop().unwrap();
    assert!(subject.ends_with("the panel will meet later"), "{subject}");
    assert!(body.contains(why), "{body}");
    assert!(body.contains("Monday 20 April 2026"), "{body}");
    assert!(body.contains("If you would rather not wait"), "{body}");

    let closed = staff_does(&staff, &case, agreed).await;
    assert_eq!(closed["view"]["status"], "closed");
    assert_eq!(closed["view"]["next_step"]["why"], "panel_dispensed");
    let (subject, body) = outbox(&app, &case).await.pop().unwrap();
    assert!(subject.ends_with("the panel will not meet"), "{subject}");
    assert!(body.contains("is our final response"), "{body}");
    assert!(
        body.contains("0300 111 3000"),
        "the Ombudsman's details: {body}"
    );
    // The resident's list reads the closure from the case summaries.
    let (_, _, list) = riya.get("/api/v1/cases").await;
    let row = list
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == case.as_str())
        .cloned()
        .expect("the case in the list");
    assert_eq!(row["status"], "closed", "{row}");
}

/// Pivotal section 9: an appeal "must be received by a Pivotal Director no
/// later than 10 working days after" the stage 1 response.
#[tokio::test]
async fn staff_record_a_review_asked_for_by_phone_on_the_day_it_came_and_the_window_is_checked_against_that_day(
) {
    let (app, _riya, staff, case) = crate::support::answered_under_pivotal().await;
    app.advance(Duration::days(20)); // Sunday 22 March: the window has closed.
    let staff = signed_in_again(&app, &staff).await;
    let (_, _, read) = staff.get(&format!("/api/v1/cases/{case}")).await;
    assert!(
        read["view"]["staff_actions"]
            .as_array()
            .unwrap()
            .contains(&json!("record_escalation_request")),
        "a call inside the window can still be recorded: {}",
        read["view"]["staff_actions"]
    );
    let escalation = |on: &str| json!({ "event": { "type": "escalation_requested", "reason": "Said on the phone" }, "on": on });
    let path = format!("/api/v1/cases/{case}/staff-actions");
    let (status, _, body) = staff.post_json(&path, escalation("2026-03-17")).await;
    assert_eq!(
        status,
        StatusCode::CONFLICT,
        "the day after the window: {body}"
    );
    let (status, _, body) = staff.post_json(&path, escalation("2026-03-16")).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["view"]["stage"]["number"], 2);
    let last = body["timeline"]
        .as_array()
        .unwrap()
        .last()
        .cloned()
        .unwrap();
    assert_eq!(last["on"], "2026-03-16");
    assert_eq!(last["actor"]["kind"], "staff");
    // The resident is told, as if they had asked online.
    let told = outbox(&app, &case).await;
    assert!(
        told.last()
            .unwrap()
            .1
            .contains("We have received your request for a review"),
        "{told:?}"
    );
    // Information by letter, and a withdrawal by letter, are recorded the same way.
    let (status, _, body) = staff
        .post_json(
            &path,
            json!({ "event": { "type": "information_given", "text": "A photo of the lift, by post" }, "on": "2026-03-18" }),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert!(body["view"]["staff_actions"]
        .as_array()
        .unwrap()
        .contains(&json!("record_information")));
    let (status, _, body) = staff
        .post_json(
            &path,
            json!({ "event": { "type": "withdrawn", "reason": "By letter" }, "on": "2026-03-20" }),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["view"]["status"], "withdrawn");
}

/// Pioneer §6: "We may refuse to escalate a complaint to the next stage
/// where a customer introduces new information. In these circumstances, and
/// where the information changes the nature of the investigation or may have
/// a material effect to the outcome we will reopen the case at the existing
/// stage. … We will always explain to a customer where we refuse to escalate
/// a complaint in these circumstances, giving the reasons for this."
#[tokio::test]
async fn a_pioneer_request_for_stage_2_with_new_information_reopens_stage_1_and_the_resident_is_told_why(
) {
    let app = crate::support::app_with_policy("pioneer-2020").await;
    let riya = app.register_resident("Riya Resident").await;
    let staff = app.create_staff("Sam Caseworker").await;
    let case = id(&raise(&riya, complaint()).await);
    staff_does(&staff, &case, json!({ "type": "acknowledged" })).await;
    let (_, _, caseworkers) = staff.get("/api/v1/staff/caseworkers").await;
    let sam = caseworkers[0]["id"].clone();
    staff_does(
        &staff,
        &case,
        json!({ "type": "assigned", "caseworker_id": sam }),
    )
    .await;
    staff_does(&staff, &case, responded("not_upheld")).await; // Monday 2 March 2026
    let (status, _, body) = resident_action(
        &riya,
        &case,
        "escalation",
        json!({ "reason": "The damp has spread to the bedroom: photos attached." }),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert!(body["view"]["staff_actions"]
        .as_array()
        .unwrap()
        .contains(&json!("reopen_at_stage")));

    app.advance(Duration::days(2)); // Wednesday 4 March
    let staff = signed_in_again(&app, &staff).await;
    let (status, _, body) = staff_action(
        &staff,
        &case,
        json!({ "type": "reopened_at_stage", "reasons": " " }),
    )
    .await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
    assert_eq!(body["errors"][0]["code"], "reasons_missing", "{body}");

    let why = "Your photos show damp we did not inspect: we will look at it again.";
    let reopened = staff_does(
        &staff,
        &case,
        json!({ "type": "reopened_at_stage", "reasons": why }),
    )
    .await;
    let view = &reopened["view"];
    assert_eq!(view["status"], "under_investigation", "{view}");
    assert_eq!(view["stage"]["number"], 1);
    assert_eq!(view["caseworker"], "Sam Caseworker");
    assert_eq!(view["next_step"]["kind"], "respond");
    assert_eq!(
        view["next_step"]["by"], "2026-03-18",
        "10 working days after 4 March"
    );

    let (subject, body) = outbox(&app, &case).await.pop().unwrap();
    assert!(
        subject.ends_with("we are looking at your complaint again"),
        "{subject}"
    );
    assert!(body.contains(why), "{body}");
    assert!(body.contains("Wednesday 18 March 2026"), "{body}");
    assert!(
        body.contains("0300 111 3000"),
        "the Ombudsman's details: {body}"
    );

    // The resident reads it on the case, and in their list from the summaries.
    let riya = signed_in_again(&app, &riya).await;
    let (_, _, read) = riya.get(&format!("/api/v1/cases/{case}")).await;
    assert_eq!(read["view"]["status"], "under_investigation", "{read}");
    assert!(!read["view"]["allowed_actions"]
        .as_array()
        .unwrap()
        .contains(&json!("request_escalation")));
    let last = read["timeline"]
        .as_array()
        .unwrap()
        .last()
        .cloned()
        .unwrap();
    assert_eq!(last["event"]["type"], "reopened_at_stage", "{last}");
    assert_eq!(last["event"]["reasons"], why, "{last}");
    let (_, _, list) = riya.get("/api/v1/cases").await;
    let row = list
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == case.as_str())
        .cloned()
        .expect("the case in the list");
    assert_eq!(row["status"], "under_investigation", "{row}");

    // After the new answer, stage 2 can be asked for again.
    let answered = staff_does(&staff, &case, responded("partly_upheld")).await;
    assert!(answered["view"]["allowed_actions"]
        .as_array()
        .unwrap()
        .contains(&json!("request_escalation")));
}

/// Under the Code's own preset there is no reopening in place of escalation.
#[tokio::test]
async fn without_the_policys_rule_a_request_for_stage_2_cannot_be_answered_by_reopening() {
    let app = TestApp::spawn().await;
    let riya = app.register_resident("Riya Resident").await;
    let staff = app.create_staff("Sam Caseworker").await;
    let case = id(&raise(&riya, complaint()).await);
    staff_does(&staff, &case, json!({ "type": "acknowledged" })).await;
    staff_does(&staff, &case, responded("not_upheld")).await;
    resident_action(&riya, &case, "escalation", json!({})).await;
    let (status, _, body) = staff_action(
        &staff,
        &case,
        json!({ "type": "reopened_at_stage", "reasons": "New information." }),
    )
    .await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
    assert_eq!(body["errors"][0]["code"], "no_reopening_at_stage", "{body}");
}
