//! Hazards first (Awaab's Law): a complaint that describes a hazard is
//! answered with what to do now, still raised, and flagged to staff with the
//! law's due dates, apart from the complaint's.

use axum::http::StatusCode;
use serde_json::json;

use crate::helpers::TestApp;
use crate::support::{complaint, id, raise, with};

const BLACK_MOULD: &str =
    "There is black mould on the wall of my daughter's bedroom and she keeps coughing.";

#[tokio::test]
async fn screening_tells_the_app_about_a_possible_hazard_before_anything_else() {
    let app = TestApp::spawn().await;
    let riya = app.register_resident("Riya Resident").await;
    let (status, _, answer) = riya
        .post_json("/api/v1/cases/screening", json!({ "details": BLACK_MOULD }))
        .await;
    assert_eq!(status, StatusCode::OK, "{answer}");
    assert_eq!(answer["hazard"]["kind"], "damp_and_mould");
    assert_eq!(answer["hazard"]["vulnerable"], json!(["daughter"]));
    let (_, _, answer) = riya
        .post_json(
            "/api/v1/cases/screening",
            json!({ "details": "Nobody answered my letters." }),
        )
        .await;
    assert!(answer.get("hazard").is_none(), "{answer}");
}

#[tokio::test]
async fn staff_see_the_hazard_and_the_laws_dates_and_the_resident_does_not() {
    let app = TestApp::spawn().await;
    let riya = app.register_resident("Riya Resident").await;
    let detail = raise(
        &riya,
        with(
            complaint(),
            json!({ "details": BLACK_MOULD, "insist": true }),
        ),
    )
    .await;
    assert!(
        detail.get("hazard").is_none(),
        "the resident's view: {detail}"
    );
    let case = id(&detail);

    let staff = app.create_staff("Sam Caseworker").await;
    let (status, _, seen) = staff.get(&format!("/api/v1/cases/{case}")).await;
    assert_eq!(status, StatusCode::OK, "{seen}");
    let hazard = &seen["hazard"];
    assert_eq!(hazard["screen"]["kind"], "damp_and_mould");
    assert!(hazard["law"]
        .as_str()
        .unwrap()
        .contains("Landlord and Tenant Act 1985"));
    // Received Monday 2 March 2026: investigate within 10 working days; the
    // summary (3) and the safety work (5) count from the investigation's end.
    let due: Vec<(&str, &str)> = hazard["due"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| (d["duty"].as_str().unwrap(), d["date"].as_str().unwrap()))
        .collect();
    assert_eq!(
        due,
        [
            ("investigate", "2026-03-16"),
            ("written_summary", "2026-03-19"),
            ("make_safe", "2026-03-23"),
        ]
    );
    // The complaint's own clock is unchanged: acknowledge within 5 working days.
    assert_eq!(seen["view"]["next_due"], "2026-03-09");
}

#[tokio::test]
async fn the_queue_flags_a_possible_hazard_and_the_figures_count_it() {
    let app = TestApp::spawn().await;
    let riya = app.register_resident("Riya Resident").await;
    let mould = id(&raise(
        &riya,
        with(
            complaint(),
            json!({ "details": BLACK_MOULD, "insist": true }),
        ),
    )
    .await);
    let other = id(&raise(&riya, complaint()).await);

    // The queue flags the one that describes a hazard, for staff only.
    let staff = app.create_staff("Sam Caseworker").await;
    let (_, _, queue) = staff.get("/api/v1/staff/cases").await;
    let flagged = |list: &serde_json::Value, case: &str| {
        list.as_array()
            .unwrap()
            .iter()
            .find(|c| c["id"] == case)
            .map(|c| c["hazard"] == true)
            .unwrap()
    };
    assert!(flagged(&queue, &mould), "{queue}");
    assert!(!flagged(&queue, &other));
    let (_, _, mine) = riya.get("/api/v1/cases").await;
    assert!(!flagged(&mine, &mould), "the resident's list: {mine}");
    // Staff can keep the possible hazards alone, to deal with them first.
    let ids = |list: &serde_json::Value| -> Vec<String> {
        list.as_array()
            .unwrap()
            .iter()
            .map(|c| c["id"].as_str().unwrap().to_owned())
            .collect()
    };
    let only = |case: &str| vec![case.to_owned()];
    let (status, headers, hazards) = staff
        .get("/api/v1/staff/cases?hazard=true&status=awaiting_acknowledgement&limit=1")
        .await;
    assert_eq!(status, StatusCode::OK, "{hazards}");
    assert_eq!(ids(&hazards), only(&mould));
    assert!(headers.get("link").is_none(), "one page: {headers:?}");
    let (_, _, others) = staff.get("/api/v1/staff/cases?hazard=false").await;
    assert_eq!(ids(&others), only(&other));
    let (status, _, _) = staff.get("/api/v1/staff/cases?hazard=maybe").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);

    // The figures count it in the month it arrived, and it is the case behind the number.
    let admin = app.create_admin("Ada Admin").await;
    let (status, _, figures) = admin.get("/api/v1/staff/figures?period=2026-03").await;
    assert_eq!(status, StatusCode::OK, "{figures}");
    assert_eq!(figures["hazards"], 1);
    let (_, _, behind) = admin
        .get("/api/v1/staff/figures/cases?period=2026-03&figure=hazards")
        .await;
    let ids: Vec<&str> = behind
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, [mould.as_str()]);
    let (_, _, february) = admin.get("/api/v1/staff/figures?period=2026-02").await;
    assert_eq!(february["hazards"], 0);
}
