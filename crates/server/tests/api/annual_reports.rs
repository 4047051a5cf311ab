//! The annual complaints report and self-assessment (Code section 8, issue
//! 19): drafted from the record, edited, published at a public address that
//! names no resident, and edited again without changing what was published.

use axum::http::StatusCode;
use serde_json::{json, Value};

use crate::figures::{complaint_from, on, raise_for};
use crate::helpers::{errors, TestApp, TestClient};
use crate::support::*;

/// A complaint by letter, received on `day`, from someone without an account.
async fn raise_letter(staff: &TestClient, day: &str) -> String {
    raise_for(staff, day, None, complaint_from("2026-01-01")).await
}

fn answered(remedies: Value, causes: &[&str], lessons: &str) -> Value {
    json!({
        "type": "responded",
        "outcome": "upheld",
        "reasons": "We looked into it.",
        "remedies": remedies,
        "root_causes": causes,
        "lessons": lessons
    })
}

fn at(day: &str) -> chrono::DateTime<chrono::Utc> {
    format!("{day}T09:00:00Z").parse().unwrap()
}

/// Two complaints answered in the financial year 2025 to 2026, both within
/// the Code's timescales, both caused by a missed appointment and teaching
/// the same lesson; one changed a procedure and taught a second lesson.
async fn a_year(app: &TestApp) -> TestClient {
    app.set_now(at("2026-03-04"));
    let staff = app.create_staff("Sam Caseworker").await;
    let f = raise_letter(&staff, "2026-01-05").await;
    on(&staff, &f, "2026-01-06", json!({ "type": "acknowledged" })).await;
    on(
        &staff,
        &f,
        "2026-01-15",
        answered(
            json!([{ "kind": "changed_policy", "description": "Texts the day before every visit" }]),
            &["missed_appointment", "communication"],
            "Confirm visits the day before.",
        ),
    )
    .await;
    let g = raise_letter(&staff, "2026-02-02").await;
    on(&staff, &g, "2026-02-03", json!({ "type": "acknowledged" })).await;
    on(
        &staff,
        &g,
        "2026-02-13",
        answered(
            json!([{ "kind": "apology", "description": "We are sorry." }]),
            &["missed_appointment"],
            "Confirm  visits the day before.",
        ),
    )
    .await;
    staff
}

fn report_path(year: i32) -> String {
    format!("/api/v1/staff/annual-reports/{year}")
}

/// The edit that sends `report` back as it is.
fn unchanged(report: &Value) -> Value {
    json!({
        "version": report["version"],
        "text": report["text"],
        "assessment": report["assessment"]
            .as_array()
            .unwrap()
            .iter()
            .map(|row| json!({ "comply": row["comply"], "evidence": row["evidence"] }))
            .collect::<Vec<_>>(),
    })
}

#[tokio::test]
async fn a_years_report_is_drafted_from_the_record_edited_and_published_for_anyone() {
    let app = TestApp::spawn().await;
    let staff = a_year(&app).await;
    app.set_now(at("2026-04-10"));
    let admin = app.create_admin("Ada Admin").await;
    let staff = signed_in_again(&app, &staff).await;

    let (status, ..) = staff
        .post_json("/api/v1/staff/annual-reports", json!({ "year": 2025 }))
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN, "caseworkers do not write it");
    let (status, _, body) = admin
        .post_json("/api/v1/staff/annual-reports", json!({ "year": 2026 }))
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert_eq!(
        errors(&body),
        [(
            "year".to_owned(),
            server::reports::YEAR_NOT_ALLOWED.to_owned()
        )],
        "the year 2026 to 2027 has not ended"
    );

    let key = new_key();
    let (status, headers, report) = admin
        .with_header("idempotency-key", &key)
        .post_json("/api/v1/staff/annual-reports", json!({ "year": 2025 }))
        .await;
    assert_eq!(status, StatusCode::CREATED, "{report}");
    assert_eq!(headers["location"], "/api/v1/staff/annual-reports/2025");
    assert_eq!(
        report["range"],
        json!({ "from": "2025-04-01", "to": "2026-03-31" })
    );
    let (status, _, again) = admin
        .with_header("idempotency-key", &key)
        .post_json("/api/v1/staff/annual-reports", json!({ "year": 2025 }))
        .await;
    assert_eq!(status, StatusCode::CREATED, "a retry answers as before");
    assert_eq!(again["version"], report["version"]);
    let (status, _, body) = admin
        .post_json("/api/v1/staff/annual-reports", json!({ "year": 2025 }))
        .await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");

    let text = &report["text"];
    let themes = text["themes"].as_str().unwrap();
    assert!(themes.contains("- A missed appointment: 2\n"), "{themes}");
    let lessons = text["lessons_learnt"].as_str().unwrap();
    assert_eq!(
        lessons.matches("Confirm visits the day before.").count(),
        2,
        "once under each cause, not once per response: {lessons}"
    );
    assert!(
        lessons.starts_with("A missed appointment:\n- Confirm visits the day before.\n"),
        "{lessons}"
    );
    assert!(text["improvements"]
        .as_str()
        .unwrap()
        .contains("changed a policy or procedure 1 time "));
    let rows = report["assessment"].as_array().unwrap();
    let row = |section: &str| {
        rows.iter()
            .find(|r| r["section"] == section && r["checked"] == true)
            .unwrap()
    };
    assert_eq!(
        row("6.3")["comply"],
        "yes",
        "the Code's own policy complies"
    );
    assert!(row("6.3")["evidence"]
        .as_str()
        .unwrap()
        .contains("2 of 2 stage 1 responses were sent within the Code's timescales"));
    let unjudged = rows.iter().position(|r| r["checked"] == false).unwrap();
    assert_eq!(
        rows[unjudged]["comply"],
        Value::Null,
        "for the landlord to answer"
    );

    let anyone = app.client();
    let (status, ..) = anyone.get("/api/v1/annual-reports/2025").await;
    assert_eq!(status, StatusCode::NOT_FOUND, "not published yet");
    let (status, ..) = anyone.get_bytes("/api/v1/annual-reports/2025/pdf").await;
    assert_eq!(
        status,
        StatusCode::NOT_FOUND,
        "no PDF before it is published"
    );

    let mut edit = unchanged(&report);
    edit["text"]["introduction"] = json!("Our year of complaints.");
    edit["assessment"][unjudged] = json!({ "comply": "yes", "evidence": "Our training log" });
    let mut long = edit.clone();
    long["text"]["themes"] = json!("x".repeat(20_001));
    let (status, _, body) = admin.put_json(&report_path(2025), long).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert_eq!(errors(&body)[0].0, "text.themes");
    let (status, _, saved) = admin.put_json(&report_path(2025), edit.clone()).await;
    assert_eq!(status, StatusCode::OK, "{saved}");
    assert_eq!(saved["text"]["introduction"], "Our year of complaints.");
    assert_eq!(
        saved["assessment"][unjudged]["evidence"],
        "Our training log"
    );
    let (status, _, body) = admin.put_json(&report_path(2025), edit).await;
    assert_eq!(status, StatusCode::CONFLICT, "a stale version: {body}");

    // Not published without the governing body's response (Code section 8)
    // and an answer on every row.
    let (status, _, body) = admin
        .post_json(
            &format!("{}/publish", report_path(2025)),
            json!({ "version": saved["version"] }),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    let problems = errors(&body);
    assert_eq!(
        problems[0],
        (
            "text.governing_body_response".to_owned(),
            server::reports::NO_GOVERNING_BODY_RESPONSE.to_owned()
        )
    );
    let second_unjudged = rows
        .iter()
        .enumerate()
        .position(|(n, r)| n > unjudged && r["comply"].is_null())
        .unwrap();
    assert_eq!(
        problems[1],
        (
            format!("assessment[{second_unjudged}].comply"),
            server::reports::unanswered(
                &serde_json::from_value(rows[second_unjudged].clone()).unwrap()
            )
        ),
        "the first unanswered row, named"
    );
    assert!(
        problems[1].1.starts_with(
            "Say whether you comply with Code 1.4: whether service requests are recorded"
        ),
        "{}",
        problems[1].1
    );
    let mut edit = unchanged(&saved);
    edit["text"]["governing_body_response"] = json!("Our board read this report on 20 April 2026.");
    for row in edit["assessment"].as_array_mut().unwrap() {
        if row["comply"].is_null() {
            row["comply"] = json!("no");
        }
    }
    let (status, _, saved) = admin.put_json(&report_path(2025), edit).await;
    assert_eq!(status, StatusCode::OK, "{saved}");

    let (status, ..) = admin
        .post_json(
            &format!("{}/publish", report_path(2025)),
            json!({ "version": report["version"] }),
        )
        .await;
    assert_eq!(status, StatusCode::CONFLICT, "publishing what was not read");
    let (status, _, published) = admin
        .post_json(
            &format!("{}/publish", report_path(2025)),
            json!({ "version": saved["version"] }),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{published}");
    assert_eq!(published["published_on"], "2026-04-10");
    assert_eq!(published["changed_since_published"], false);

    let (status, _, public) = anyone.get("/api/v1/annual-reports/2025").await;
    assert_eq!(status, StatusCode::OK, "{public}");
    assert_eq!(public["text"]["introduction"], "Our year of complaints.");
    assert_eq!(
        public["figures"]["stages"][0]["ch02"],
        json!({ "numerator": 2, "denominator": 2 })
    );
    assert!(public["figures"].get("equality").is_none());
    assert!(
        !public.to_string().contains("Pat Person") && !public.to_string().contains("pat@"),
        "no resident is named"
    );
    let (status, headers, pdf) = anyone.get_bytes("/api/v1/annual-reports/2025/pdf").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(headers["content-type"], "application/pdf");
    let document = lopdf::Document::load_mem(&pdf).expect("a PDF a reader opens");
    let pages: Vec<u32> = document.get_pages().keys().copied().collect();
    assert!(pages.len() > 1, "the self-assessment takes pages");
    let text = document.extract_text(&pages).expect("its text can be read");
    for expected in [
        "Our year of complaints.",
        "Stage 1 complaints answered within the Code's timescales (CH02): 2 of 2",
        "Our training log",
        "Comply: Yes",
        "A missed appointment: 2",
    ] {
        assert!(
            text.split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .contains(expected),
            "{expected} in the PDF: {text}"
        );
    }

    let mut edit = unchanged(&saved);
    edit["text"]["introduction"] = json!("A second thought.");
    let (status, _, changed) = admin.put_json(&report_path(2025), edit).await;
    assert_eq!(status, StatusCode::OK, "{changed}");
    assert_eq!(changed["changed_since_published"], true);
    let (_, _, public) = anyone.get("/api/v1/annual-reports/2025").await;
    assert_eq!(
        public["text"]["introduction"], "Our year of complaints.",
        "the published report stays as published until it is published again"
    );
    let (status, _, list) = admin.get("/api/v1/staff/annual-reports").await;
    assert_eq!(status, StatusCode::OK, "{list}");
    assert_eq!(
        list,
        json!([{
            "year": 2025,
            "range": { "from": "2025-04-01", "to": "2026-03-31" },
            "published_on": "2026-04-10",
            "changed_since_published": true
        }])
    );
    let (status, ..) = anyone.get("/api/v1/annual-reports/nonsense").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, ..) = admin.get(&report_path(2024)).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn the_list_of_reports_comes_a_page_at_a_time_latest_first() {
    let app = TestApp::spawn().await;
    app.set_now(at("2026-04-10"));
    let admin = app.create_admin("Ada Admin").await;
    for year in [2023, 2025, 2024] {
        let (status, _, body) = admin
            .post_json("/api/v1/staff/annual-reports", json!({ "year": year }))
            .await;
        assert_eq!(status, StatusCode::CREATED, "{body}");
    }
    let (status, headers, first) = admin.get("/api/v1/staff/annual-reports?limit=2").await;
    assert_eq!(status, StatusCode::OK);
    let years = |list: &Value| -> Vec<i64> {
        list.as_array()
            .unwrap()
            .iter()
            .map(|r| r["year"].as_i64().unwrap())
            .collect()
    };
    assert_eq!(years(&first), [2025, 2024]);
    let next = crate::helpers::next_page(&headers).expect("a next page");
    let (_, headers, second) = admin.get(&next).await;
    assert_eq!(years(&second), [2023]);
    assert!(crate::helpers::next_page(&headers).is_none());
}
