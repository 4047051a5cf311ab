//! Confidential complaints (issue 16, item 7; seed 001: "their identity will
//! only be known to the person who received the complaint and to a member
//! of the Resolution team"; TORUS section 2): staff outside the complaints
//! team see such a case, and can act on it, without who raised it. Every
//! way a member of staff reads cases is checked: the case page, the queue,
//! the figures' list of cases, the messages, and the resident search.

use axum::http::StatusCode;
use serde_json::{json, Value};

use crate::helpers::{TestApp, TestClient};
use crate::support::{complaint, id, new_key, raise, staff_does, with};

/// Riya, with a telephone number and needs in her settings, raises a
/// confidential complaint to be answered by text message.
async fn riya_in_confidence(app: &TestApp) -> (TestClient, String, String) {
    let riya = app.register_resident("Riya Resident").await;
    let (status, _, _) = riya
        .put_json(
            "/api/v1/preferences",
            json!({
                "text_size": "standard",
                "high_contrast": false,
                "reduced_motion": false,
                "readable_font": false,
                "language": "en",
                "letter_format": "standard",
                "letter_language": null,
                "contact_channel": "text_message",
                "phone": "07700 900 982",
                "interpreter": false,
                "interpreter_language": null,
                "reasonable_adjustments": "Please call after 10am."
            }),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let detail = raise(
        &riya,
        with(
            complaint(),
            json!({
                "in_confidence": true,
                "contact_channel": "text_message",
                "contact_phone": "07700 900 982",
            }),
        ),
    )
    .await;
    assert_eq!(detail["confidential"], true);
    let reference = detail["reference"].as_str().unwrap().to_owned();
    (riya, id(&detail), reference)
}

fn list_entry<'a>(list: &'a Value, case: &str) -> &'a Value {
    list.as_array()
        .expect("a list")
        .iter()
        .find(|c| c["id"] == case)
        .unwrap_or_else(|| panic!("{case} is not in {list}"))
}

#[tokio::test]
async fn staff_outside_the_complaints_team_see_a_confidential_case_without_who_raised_it() {
    let app = TestApp::spawn().await;
    let (riya, case, _) = riya_in_confidence(&app).await;
    let team = app.create_staff("Sam Caseworker").await;
    let outside = app.create_staff_outside_team("Robin Repairs").await;
    staff_does(&team, &case, json!({ "type": "acknowledged" })).await;

    // The complaints team sees everything, as for any case.
    let (status, _, seen) = team.get(&format!("/api/v1/cases/{case}")).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(seen["resident_name"], "Riya Resident");
    assert_eq!(seen["identity_withheld"], false);
    assert_eq!(seen["contact_phone"], "07700 900 982");
    assert_eq!(seen["resident_preferences"]["phone"], "07700 900 982");
    let (status, _, messages) = team.get(&format!("/api/v1/cases/{case}/messages")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(!messages.as_array().unwrap().is_empty());

    // Staff outside it see what the complaint is about and what was done,
    // but nothing that says who she is.
    let (status, _, seen) = outside.get(&format!("/api/v1/cases/{case}")).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(seen["confidential"], true);
    assert_eq!(seen["identity_withheld"], true);
    assert_eq!(seen["resident_name"], "");
    assert_eq!(seen["contact_phone"], Value::Null);
    assert_eq!(seen["resident_preferences"], Value::Null);
    // Its messages name her: outside the team they are not there.
    let (status, _, _) = outside.get(&format!("/api/v1/cases/{case}/messages")).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(seen["contact_channel"], "text_message");
    assert!(seen["details"].as_str().unwrap().contains("Nobody came"));
    let resident_names: Vec<&Value> = seen["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["actor"]["kind"] == "resident")
        .map(|e| &e["actor"]["name"])
        .collect();
    assert!(!resident_names.is_empty());
    assert!(
        resident_names.iter().all(|n| n.is_null()),
        "{resident_names:?}"
    );
    let text = seen.to_string();
    assert!(!text.contains("Riya"), "{text}");
    assert!(!text.contains("900 982"), "{text}");
    assert!(!text.contains(&riya.email), "{text}");

    // They can still act on it: an investigating manager records what they
    // found, and the resident is told as usual.
    let answered = staff_does(
        &outside,
        &case,
        json!({ "type": "information_requested", "what": "Photos of the damage, please." }),
    )
    .await;
    assert_eq!(answered["identity_withheld"], true);
    assert_eq!(answered["resident_name"], "");

    // The resident sees her own case, named, and that it is confidential.
    let (_, _, own) = riya.get(&format!("/api/v1/cases/{case}")).await;
    assert_eq!(own["resident_name"], "Riya Resident");
    assert_eq!(own["confidential"], true);
    assert_eq!(own["identity_withheld"], false);
}

#[tokio::test]
async fn the_queue_and_the_figures_name_a_confidential_cases_resident_only_to_the_team() {
    let app = TestApp::spawn().await;
    let (_, secret, _) = riya_in_confidence(&app).await;
    let other = app.register_resident("Olu Open").await;
    let open = id(&raise(&other, complaint()).await);
    let team = app.create_staff("Sam Caseworker").await;
    let outside = app.create_staff_outside_team("Robin Repairs").await;

    let (status, _, queue) = outside.get("/api/v1/staff/cases").await;
    assert_eq!(status, StatusCode::OK);
    let entry = list_entry(&queue, &secret);
    assert_eq!(entry["resident_name"], "");
    assert_eq!(entry["identity_withheld"], true);
    assert_eq!(entry["confidential"], true);
    // A case that is not confidential is named to everyone.
    assert_eq!(list_entry(&queue, &open)["resident_name"], "Olu Open");
    assert_eq!(list_entry(&queue, &open)["confidential"], false);

    let (_, _, queue) = team.get("/api/v1/staff/cases").await;
    assert_eq!(
        list_entry(&queue, &secret)["resident_name"],
        "Riya Resident"
    );
    assert_eq!(list_entry(&queue, &secret)["identity_withheld"], false);

    // The cases behind a figure are the same list (figures are for admins:
    // a manager may be outside the complaints team too).
    let manager = app.create_account("admin", "Morgan Manager", false).await;
    let head = app.create_admin("Avery Admin").await;
    let figure = "/api/v1/staff/figures/cases?period=fy2025-q4&figure=stage1_received";
    let (status, _, behind) = manager.get(figure).await;
    assert_eq!(status, StatusCode::OK, "{behind}");
    assert_eq!(list_entry(&behind, &secret)["resident_name"], "");
    assert_eq!(list_entry(&behind, &open)["resident_name"], "Olu Open");
    let (_, _, behind) = head.get(figure).await;
    assert_eq!(
        list_entry(&behind, &secret)["resident_name"],
        "Riya Resident"
    );
}

#[tokio::test]
async fn messages_about_a_confidential_case_are_left_out_of_the_outbox_for_staff_outside_the_team()
{
    let app = TestApp::spawn().await;
    let (_, secret, reference) = riya_in_confidence(&app).await;
    let other = app.register_resident("Olu Open").await;
    let open = id(&raise(&other, complaint()).await);
    let team = app.create_staff("Sam Caseworker").await;
    let outside = app.create_staff_outside_team("Robin Repairs").await;
    let about = |list: &Value, case: &str| {
        list.as_array()
            .unwrap()
            .iter()
            .filter(|m| m["case_id"] == case)
            .count()
    };

    let (status, _, seen) = team.get("/api/v1/outbox").await;
    assert_eq!(status, StatusCode::OK);
    assert!(about(&seen, &secret) > 0, "{seen}");
    let (status, _, seen) = outside.get("/api/v1/outbox").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(about(&seen, &secret), 0, "{seen}");
    assert!(about(&seen, &open) > 0, "{seen}");
    assert!(!seen.to_string().contains(&reference), "{seen}");
}

#[tokio::test]
async fn a_confidential_cases_reference_does_not_find_its_resident_outside_the_team() {
    let app = TestApp::spawn().await;
    let (_, _, reference) = riya_in_confidence(&app).await;
    let team = app.create_staff("Sam Caseworker").await;
    let outside = app.create_staff_outside_team("Robin Repairs").await;
    let path = format!("/api/v1/staff/residents?q={reference}");

    let (status, _, found) = team.get(&path).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(found.as_array().unwrap().len(), 1, "{found}");
    let (status, _, found) = outside.get(&path).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(found, json!([]));
}

#[tokio::test]
async fn whoever_took_a_confidential_complaint_by_phone_knows_who_it_is_from() {
    let app = TestApp::spawn().await;
    // Seed 001: "known only to the person who received the complaint and
    // to a member of the Resolution team".
    let received_it = app.create_staff_outside_team("Jo Frontdesk").await;
    let colleague = app.create_staff_outside_team("Robin Repairs").await;
    let (status, _, detail) = received_it
        .with_header("idempotency-key", &new_key())
        .post_json(
            "/api/v1/staff/cases",
            with(
                complaint(),
                json!({
                    "received_by": "phone",
                    "received_on": "2026-03-02",
                    "in_confidence": true,
                    "someone": {
                        "name": "Pat Nocount",
                        "phone": "07700 900 111",
                        "contact_channel": "phone"
                    }
                }),
            ),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{detail}");
    let case = id(&detail);
    assert_eq!(detail["resident_name"], "Pat Nocount");
    assert_eq!(detail["staff"]["contact"]["phone"], "07700 900 111");

    let (_, _, seen) = colleague.get(&format!("/api/v1/cases/{case}")).await;
    assert_eq!(seen["identity_withheld"], true);
    assert_eq!(seen["staff"]["contact"], Value::Null);
    assert!(!seen.to_string().contains("Pat"), "{seen}");
}

#[tokio::test]
async fn joining_or_leaving_the_complaints_team_changes_what_is_seen_at_once() {
    use server::config::UserCommand;
    let app = TestApp::spawn().await;
    let (_, case, _) = riya_in_confidence(&app).await;
    let robin = app.create_staff_outside_team("Robin Repairs").await;
    let name = |detail: &Value| detail["resident_name"].as_str().unwrap().to_owned();
    let path = format!("/api/v1/cases/{case}");
    assert_eq!(name(&robin.get(&path).await.2), "");

    let join = UserCommand::ComplaintsTeam {
        email: robin.email.clone(),
        leave: false,
    };
    server::admin::run(&app.state, join).await.unwrap();
    assert_eq!(name(&robin.get(&path).await.2), "Riya Resident");

    let leave = UserCommand::ComplaintsTeam {
        email: robin.email.clone(),
        leave: true,
    };
    server::admin::run(&app.state, leave).await.unwrap();
    assert_eq!(name(&robin.get(&path).await.2), "");

    // Only staff and admins are in a team.
    let riya = app.register_resident("Rosa Resident").await;
    let not_staff = UserCommand::ComplaintsTeam {
        email: riya.email.clone(),
        leave: false,
    };
    let refused = server::admin::run(&app.state, not_staff).await.unwrap_err();
    assert!(refused.contains("no staff or admin account"), "{refused}");
}

#[tokio::test]
async fn a_complaint_is_not_confidential_unless_asked() {
    let app = TestApp::spawn().await;
    let riya = app.register_resident("Riya Resident").await;
    let case = id(&raise(&riya, complaint()).await);
    let outside = app.create_staff_outside_team("Robin Repairs").await;
    let (_, _, seen) = outside.get(&format!("/api/v1/cases/{case}")).await;
    assert_eq!(seen["confidential"], false);
    assert_eq!(seen["identity_withheld"], false);
    assert_eq!(seen["resident_name"], "Riya Resident");
}
