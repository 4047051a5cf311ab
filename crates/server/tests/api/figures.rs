//! The landlord's figures (issue 19): a small data set whose right answers
//! are worked out by hand below, on the edges of a quarter, over a bank
//! holiday, with an extension and a stage 2.

use axum::http::StatusCode;
use serde_json::{json, Value};

use crate::helpers::{next_page, TestApp, TestClient};
use crate::support::*;

pub(crate) async fn raise_for(
    staff: &TestClient,
    received_on: &str,
    resident: Option<&str>,
    body: Value,
) -> String {
    let mut changes = json!({ "received_by": "letter", "received_on": received_on });
    match resident {
        Some(resident) => changes["resident_id"] = json!(resident),
        None => {
            changes["someone"] = json!({
                "name": "Pat Person",
                "email": "pat@example.com",
                "contact_channel": "email"
            })
        }
    }
    let (status, _, detail) = staff
        .with_header("idempotency-key", &new_key())
        .post_json("/api/v1/staff/cases", with(body, changes))
        .await;
    assert_eq!(status, StatusCode::CREATED, "{detail}");
    id(&detail)
}

pub(crate) async fn on(staff: &TestClient, case: &str, day: &str, event: Value) {
    let (status, _, body) = staff
        .post_json(
            &format!("/api/v1/cases/{case}/staff-actions"),
            json!({ "event": event, "on": day }),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{event} on {day}: {body}");
}

pub(crate) fn complaint_from(started_on: &str) -> Value {
    with(complaint(), json!({ "started_on": started_on }))
}

fn at(day: &str) -> chrono::DateTime<chrono::Utc> {
    format!("{day}T09:00:00Z").parse().unwrap()
}

/// The data set: the quarter is fy2025-q4, 1 January to 31 March 2026.
///
/// - A: received Wed 31 Dec 2025 (before the quarter: not in CH01), acknowledged
///   Thu 8 Jan (the 5th working day only because 1 January is a bank holiday),
///   upheld Thu 22 Jan (the 10th working day after the acknowledgement): in
///   CH02(1), within. 15 working days.
/// - B: received Fri 2 Jan, acknowledged Fri 9 Jan, due Fri 23 Jan, extended on
///   20 Jan to Fri 30 Jan (within the Code's 10 more days), not upheld on 30 Jan:
///   within. 20 working days.
/// - C: received Mon 2 Feb, acknowledged 3 Feb, due 17 Feb, not upheld Tue 24
///   Feb: outside. 16 working days. Escalated Wed 4 Mar, acknowledged 5 Mar,
///   partly upheld Fri 20 Mar: stage 2 within, 12 working days.
/// - D: received Tue 31 Mar (the last day: in), not yet answered.
/// - E: received Wed 1 Apr (the next quarter).
/// - a compliment received 10 Mar.
///
/// So, with 2,500 homes: CH01(1) 3 (B, C, D) = 1.2 per 1,000; CH01(2) 1 =
/// 0.4; CH02(1) 2 of 3 (A, B within; C not); CH02(2) 1 of 1; stage 1 working
/// days 15, 16, 20: median 16, 90th percentile 20.
async fn data_set(app: &TestApp) -> (TestClient, [String; 5]) {
    app.set_now(at("2026-03-04"));
    let admin = app.create_admin("Ada Admin").await;
    let staff = app.create_staff("Sam Caseworker").await;
    let riya = app.register_resident("Riya Resident").await;
    let (_, _, session) = riya.get("/api/v1/session").await;
    let riya_id = session["user"]["id"].as_str().expect("an id").to_owned();

    let a = raise_for(&staff, "2025-12-31", None, complaint_from("2025-12-01")).await;
    on(&staff, &a, "2026-01-08", json!({ "type": "acknowledged" })).await;
    on(&staff, &a, "2026-01-22", responded("upheld")).await;

    let b = raise_for(&staff, "2026-01-02", None, complaint_from("2025-12-01")).await;
    on(&staff, &b, "2026-01-09", json!({ "type": "acknowledged" })).await;
    on(
        &staff,
        &b,
        "2026-01-20",
        json!({ "type": "extended", "reason": "Waiting for a surveyor", "new_date": "2026-01-30" }),
    )
    .await;
    on(&staff, &b, "2026-01-30", responded("not_upheld")).await;

    let c = raise_for(
        &staff,
        "2026-02-02",
        Some(&riya_id),
        complaint_from("2026-01-20"),
    )
    .await;
    on(&staff, &c, "2026-02-03", json!({ "type": "acknowledged" })).await;
    on(&staff, &c, "2026-02-24", responded("not_upheld")).await;
    // Wednesday 4 March: Riya asks for stage 2.
    let (status, _, body) = resident_action(&riya, &c, "escalation", json!({})).await;
    assert_eq!(status, StatusCode::OK, "{body}");

    app.set_now(at("2026-04-02"));
    let staff = signed_in_again(app, &staff).await;
    on(&staff, &c, "2026-03-05", json!({ "type": "acknowledged" })).await;
    on(&staff, &c, "2026-03-20", responded("partly_upheld")).await;
    let d = raise_for(&staff, "2026-03-31", None, complaint_from("2026-03-01")).await;
    let e = raise_for(&staff, "2026-04-01", None, complaint_from("2026-03-01")).await;
    raise_for(&staff, "2026-03-10", None, compliment()).await;

    let admin = signed_in_again(app, &admin).await;
    let (status, _, body) = admin
        .put_json(
            "/api/v1/staff/figure-settings",
            json!({ "homes": 2500, "financial_year_start_month": 4 }),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    (admin, [a, b, c, d, e])
}

async fn text(client: &TestClient, path: &str) -> String {
    let (status, _, body) = client.get(path).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    body.as_str().expect("text").to_owned()
}

fn ratio(n: u64, d: u64) -> Value {
    json!({ "numerator": n, "denominator": d })
}

#[tokio::test]
async fn a_quarters_figures_are_counted_as_the_regulator_defines_them() {
    let app = TestApp::spawn().await;
    let (admin, _) = data_set(&app).await;
    let (status, _, f) = admin.get("/api/v1/staff/figures?period=fy2025-q4").await;
    assert_eq!(status, StatusCode::OK, "{f}");
    assert_eq!(
        f["range"],
        json!({ "from": "2026-01-01", "to": "2026-03-31" })
    );
    assert_eq!(f["homes"], 2500);
    let s1 = &f["stages"][0];
    let s2 = &f["stages"][1];
    assert_eq!(s1["ch01"], ratio(3, 2500), "CH01(1): B, C and D");
    assert_eq!(s2["ch01"], ratio(1, 2500), "CH01(2): C");
    assert_eq!(s1["ch02"], ratio(2, 3), "CH02(1): A and B within, C not");
    assert_eq!(s2["ch02"], ratio(1, 1), "CH02(2): C within");
    assert_eq!(
        (
            s1["median_working_days"].clone(),
            s1["p90_working_days"].clone()
        ),
        (json!(16), json!(20))
    );
    assert_eq!(
        (
            s2["median_working_days"].clone(),
            s2["p90_working_days"].clone()
        ),
        (json!(12), json!(12))
    );
    assert_eq!(f["by_category"], json!([{ "key": "other", "count": 3 }]));
    assert_eq!(
        f["by_outcome"],
        json!([
            { "stage": 1, "outcome": "not_upheld", "count": 2 },
            { "stage": 1, "outcome": "upheld", "count": 1 },
            { "stage": 2, "outcome": "partly_upheld", "count": 1 },
        ])
    );
    assert_eq!(
        (f["compliments"].clone(), f["comments"].clone()),
        (json!(1), json!(0))
    );
    assert_eq!(
        f["kpis"],
        json!({
            "received": 3,
            "resolved": 3,
            "escalated": 1,
            "resolved_stage2": 1,
            "within_timescales": ratio(3, 4),
            "extended": 1,
            "extensions_in_line": ratio(1, 1),
            "satisfied": ratio(0, 0),
            "ombudsman": 0,
        })
    );
    // Overdue now is what the queue calls overdue today.
    let (_, _, overdue) = admin.get("/api/v1/staff/cases?overdue=true").await;
    assert_eq!(f["overdue_now"], overdue.as_array().unwrap().len());

    // The months on either side of the quarter's edges.
    let (_, _, dec) = admin.get("/api/v1/staff/figures?period=2025-12").await;
    assert_eq!(dec["stages"][0]["ch01"], ratio(1, 2500), "A in December");
    assert_eq!(dec["stages"][0]["ch02"], ratio(0, 0));
    let (_, _, apr) = admin.get("/api/v1/staff/figures?period=2026-04").await;
    assert_eq!(apr["stages"][0]["ch01"], ratio(1, 2500), "E in April");
    // A custom period of one day: D alone.
    let (_, _, day) = admin
        .get("/api/v1/staff/figures?period=2026-03-31..2026-03-31")
        .await;
    assert_eq!(day["stages"][0]["ch01"], ratio(1, 2500));
    // A January-to-December financial year moves the quarter.
    let (status, _, _) = admin
        .put_json(
            "/api/v1/staff/figure-settings",
            json!({ "homes": 2500, "financial_year_start_month": 1 }),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let (_, _, q1) = admin.get("/api/v1/staff/figures?period=fy2026-q1").await;
    assert_eq!(
        q1["range"],
        json!({ "from": "2026-01-01", "to": "2026-03-31" })
    );
    assert_eq!(q1["stages"][0]["ch01"], ratio(3, 2500));
}

#[tokio::test]
async fn a_number_leads_to_its_cases_a_page_at_a_time() {
    let app = TestApp::spawn().await;
    let (admin, [a, b, c, d, _]) = data_set(&app).await;
    let ids = |body: &Value| -> Vec<String> {
        body.as_array()
            .unwrap()
            .iter()
            .map(|c| c["id"].as_str().unwrap().to_owned())
            .collect()
    };
    let (status, headers, first) = admin
        .get("/api/v1/staff/figures/cases?period=fy2025-q4&figure=stage1_received&limit=2")
        .await;
    assert_eq!(status, StatusCode::OK, "{first}");
    assert_eq!(ids(&first), [b.clone(), c.clone()]);
    let next = next_page(&headers).expect("a next page");
    let (_, headers, second) = admin.get(&next).await;
    assert_eq!(ids(&second), [d]);
    assert!(headers.get("link").is_none());
    let (_, _, within) = admin
        .get("/api/v1/staff/figures/cases?period=fy2025-q4&figure=stage1_within")
        .await;
    assert_eq!(ids(&within), [a, b]);
    let (_, _, stage2) = admin
        .get("/api/v1/staff/figures/cases?period=fy2025-q4&figure=stage2_received")
        .await;
    assert_eq!(ids(&stage2), [c]);
    let (status, _, body) = admin
        .get("/api/v1/staff/figures/cases?period=fy2025-q4&figure=everything")
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(crate::helpers::errors(&body)[0].0, "figure");
}

#[tokio::test]
async fn a_table_downloads_as_csv_that_parses() {
    let app = TestApp::spawn().await;
    let (admin, _) = data_set(&app).await;
    let (status, headers, _) = admin
        .get("/api/v1/staff/figures/csv?period=fy2025-q4&table=stages")
        .await;
    assert_eq!(status, StatusCode::OK);
    assert!(headers["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/csv"));
    assert!(headers["content-disposition"]
        .to_str()
        .unwrap()
        .contains("figures-fy2025-q4-stages.csv"));
    let stages = text(
        &admin,
        "/api/v1/staff/figures/csv?period=fy2025-q4&table=stages",
    )
    .await;
    let lines: Vec<&str> = stages.split("\r\n").collect();
    assert_eq!(
        lines[0],
        "period_from,period_to,stage,received,homes,received_per_1000_homes,responded,\
         responded_within_code,responded_within_code_percent,median_working_days,p90_working_days"
    );
    assert_eq!(
        lines[1],
        "2026-01-01,2026-03-31,1,3,2500,1.2,3,2,66.7,16,20"
    );
    assert_eq!(lines[2], "2026-01-01,2026-03-31,2,1,2500,0.4,1,1,100,12,12");
    assert_eq!(lines[3], "");
    let kpis = text(
        &admin,
        "/api/v1/staff/figures/csv?period=fy2025-q4&table=kpis",
    )
    .await;
    assert!(kpis.contains("e_within_timescales,3,4\r\n"), "{kpis}");
    let (status, _, body) = admin
        .get("/api/v1/staff/figures/csv?period=fy2025-q4&table=secrets")
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(crate::helpers::errors(&body)[0].0, "table");
}

#[tokio::test]
async fn only_administrators_see_the_figures() {
    let app = TestApp::spawn().await;
    let staff = app.create_staff("Sam Caseworker").await;
    let riya = app.register_resident("Riya Resident").await;
    let advocate = app.register_advocate("Alex Advocate").await;
    for client in [&staff, &riya, &advocate] {
        for path in [
            "/api/v1/staff/figures?period=fy2025",
            "/api/v1/staff/figures/cases?period=fy2025&figure=overdue",
            "/api/v1/staff/figures/csv?period=fy2025&table=kpis",
            "/api/v1/staff/figure-settings",
        ] {
            let (status, _, _) = client.get(path).await;
            assert_eq!(status, StatusCode::FORBIDDEN, "{path}");
        }
    }
    let (status, _, _) = app
        .client()
        .get("/api/v1/staff/figures?period=fy2025")
        .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn a_period_or_a_setting_that_is_not_valid_is_refused_by_field() {
    let app = TestApp::spawn().await;
    let admin = app.create_admin("Ada Admin").await;
    for period in [
        "2026",
        "2026-13",
        "2026-05-01..2026-04-01",
        "2020-01-01..2026-01-01",
    ] {
        let (status, _, body) = admin
            .get(&format!("/api/v1/staff/figures?period={period}"))
            .await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{period}");
        assert_eq!(crate::helpers::errors(&body)[0].0, "period", "{period}");
    }
    let (_, _, settings) = admin.get("/api/v1/staff/figure-settings").await;
    assert_eq!(
        settings,
        json!({ "homes": null, "financial_year_start_month": 4 })
    );
    let (status, _, body) = admin
        .put_json(
            "/api/v1/staff/figure-settings",
            json!({ "homes": 0, "financial_year_start_month": 13 }),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let fields: Vec<String> = crate::helpers::errors(&body)
        .into_iter()
        .map(|e| e.0)
        .collect();
    assert_eq!(fields, ["homes", "financial_year_start_month"]);
    // Without the number of homes, CH01 has no denominator.
    let (_, _, f) = admin.get("/api/v1/staff/figures?period=fy2025").await;
    assert_eq!(f["stages"][0]["ch01"], ratio(0, 0));
}

#[tokio::test]
async fn a_complaint_the_policys_clock_closes_is_closed_in_the_figures() {
    // Under Pivotal a complaint answered on Monday 2 March 2026 closes itself
    // on Tuesday 17 March when nothing has come from the resident: the
    // scheduler's events must keep the figures' facts as staff's events do.
    let app = app_with_policy("pivotal-2021").await;
    let resident = app.register_resident("Rhiannon Price").await;
    let staff = app.create_staff("Sam Caseworker").await;
    let case = id(&raise(&resident, complaint()).await);
    staff_does(&staff, &case, json!({ "type": "acknowledged" })).await;
    staff_does(&staff, &case, responded("not_upheld")).await;
    let closed_on = format!(
        "SELECT COUNT(*) FROM case_facts f JOIN cases c ON c.id = f.case_id \
         WHERE c.public_id = '{case}' AND f.closed_on = '2026-03-17'"
    );
    assert_eq!(app.count(&closed_on).await, 0, "open before the rule runs");

    app.set_now(at("2026-03-17"));
    let acted = server::rules::run_due(&app.state).await.unwrap();
    assert!(
        acted.iter().any(|a| a.key == "no_contact_after_response"),
        "{acted:?}"
    );
    assert_eq!(app.count(&closed_on).await, 1, "closed on the rule's day");

    let admin = app.create_admin("Ada Admin").await;
    let (status, _, f) = admin.get("/api/v1/staff/figures?period=2026-03").await;
    assert_eq!(status, StatusCode::OK, "{f}");
    assert_eq!(f["stages"][0]["ch02"], ratio(1, 1), "answered within");
    assert_eq!(f["overdue_now"], 0, "a closed complaint is not overdue");
}

/// A response with remedies and causes, on `day`.
fn responded_with(outcome: &str, remedies: Value, causes: &[&str]) -> Value {
    json!({
        "type": "responded",
        "outcome": outcome,
        "reasons": "We looked into it.",
        "remedies": remedies,
        "root_causes": causes,
        "lessons": "Confirm visits the day before."
    })
}

/// Code 7 and 9: what the responses put right, with its money, and what
/// caused the complaints, counted for the responses sent in the period.
/// F and G are answered in fy2025-q4; H in the next quarter.
#[tokio::test]
async fn the_remedies_their_money_and_the_causes_of_a_quarters_responses_are_counted() {
    let app = TestApp::spawn().await;
    app.set_now(at("2026-03-04"));
    let admin = app.create_admin("Ada Admin").await;
    let staff = app.create_staff("Sam Caseworker").await;
    let f = raise_for(&staff, "2026-01-05", None, complaint_from("2026-01-01")).await;
    on(&staff, &f, "2026-01-06", json!({ "type": "acknowledged" })).await;
    on(
        &staff,
        &f,
        "2026-01-15",
        responded_with(
            "upheld",
            json!([
                { "kind": "apology", "description": "We are sorry." },
                { "kind": "financial", "description": "For the missed visits", "amount_pence": 7500, "money": "compensation" }
            ]),
            &["missed_appointment", "communication"],
        ),
    )
    .await;
    let g = raise_for(&staff, "2026-02-02", None, complaint_from("2026-01-20")).await;
    on(&staff, &g, "2026-02-03", json!({ "type": "acknowledged" })).await;
    on(
        &staff,
        &g,
        "2026-02-13",
        responded_with(
            "partly_upheld",
            json!([
                { "kind": "financial", "description": "The extra heating", "amount_pence": 2550, "money": "compensation" },
                { "kind": "action", "description": "A new boiler" }
            ]),
            &["missed_appointment"],
        ),
    )
    .await;
    app.set_now(at("2026-04-10"));
    let staff = signed_in_again(&app, &staff).await;
    let h = raise_for(&staff, "2026-03-25", None, complaint_from("2026-03-20")).await;
    on(&staff, &h, "2026-03-26", json!({ "type": "acknowledged" })).await;
    on(
        &staff,
        &h,
        "2026-04-08",
        responded_with(
            "upheld",
            json!([{ "kind": "financial", "description": "A goodwill payment", "amount_pence": 100000, "money": "goodwill" }]),
            &["delay"],
        ),
    )
    .await;

    let admin = signed_in_again(&app, &admin).await;
    let (status, _, figures) = admin.get("/api/v1/staff/figures?period=fy2025-q4").await;
    assert_eq!(status, StatusCode::OK, "{figures}");
    assert_eq!(
        figures["remedies"],
        json!([
            { "kind": "apology", "count": 1, "pence": 0 },
            { "kind": "action", "count": 1, "pence": 0 },
            { "kind": "changed_decision", "count": 0, "pence": 0 },
            { "kind": "amended_record", "count": 0, "pence": 0 },
            { "kind": "financial", "count": 2, "pence": 10050 },
            { "kind": "changed_policy", "count": 0, "pence": 0 }
        ])
    );
    assert_eq!(
        figures["causes"],
        json!([
            { "cause": "missed_appointment", "label": "A missed appointment", "count": 2 },
            { "cause": "communication", "label": "Communication: not kept informed, or told the wrong thing", "count": 1 }
        ])
    );
    let remedies = text(
        &admin,
        "/api/v1/staff/figures/csv?period=fy2025-q4&table=remedies",
    )
    .await;
    assert!(
        remedies.starts_with("remedy,remedies,amount_pence,amount\r\napology,1,0,£0.00\r\n"),
        "{remedies}"
    );
    assert!(
        remedies.contains("financial,2,10050,£100.50\r\n"),
        "{remedies}"
    );
    let causes = text(
        &admin,
        "/api/v1/staff/figures/csv?period=fy2025-q4&table=causes",
    )
    .await;
    assert_eq!(
        causes,
        "cause,label,responses\r\nmissed_appointment,A missed appointment,2\r\ncommunication,\"Communication: not kept informed, or told the wrong thing\",1\r\n"
    );
    // The next quarter has H's goodwill payment alone.
    let (_, _, next) = admin.get("/api/v1/staff/figures?period=fy2026-q1").await;
    assert_eq!(
        next["remedies"][4],
        json!({ "kind": "financial", "count": 1, "pence": 100000 })
    );
    assert_eq!(
        next["causes"],
        json!([{ "cause": "delay", "label": "Delay: a service or repair took too long", "count": 1 }])
    );
}
