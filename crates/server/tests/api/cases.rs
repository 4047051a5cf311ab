//! Cases from the resident's side: raising, reading, screening, attachments,
//! the resident's actions and the lifecycle's refusals, and who may see what.

use axum::http::{header, Method, StatusCode};
use chrono::Duration;
use domain::api::cases::messages;
use serde_json::{json, Value};

use crate::helpers::{errors, fields, messages as error_messages, TestApp};
use crate::support::{
    app_with_policy, attachment, complaint, compliment, id, outbox, post_case, queue_columns,
    raise, resident_action, responded, signed_in_again, staff_action, staff_does, with, EXE, PDF,
    PNG,
};

#[tokio::test]
async fn a_resident_raises_a_complaint_and_reads_it_back() {
    let app = TestApp::spawn().await;
    let riya = app.register_resident("Riya Resident").await;
    let (status, headers, detail) = post_case(&riya, complaint()).await;
    assert_eq!(status, StatusCode::CREATED, "{detail}");
    let case = id(&detail);
    assert!(case.len() >= 16, "a long random id: {case}");
    assert_eq!(
        headers[header::LOCATION].to_str().unwrap(),
        format!("/api/v1/cases/{case}")
    );
    assert_eq!(detail["reference"], "CMP-2026-00001");
    assert_eq!(detail["kind"], "complaint");
    assert_eq!(detail["category"], "other");
    assert!(detail["category_label"].is_string());
    assert_eq!(detail["resident_name"], "Riya Resident");
    assert_eq!(detail["policy_id"], "code-2024");
    assert_eq!(detail["view"]["status"], "awaiting_acknowledgement");
    assert_eq!(detail["view"]["received_on"], "2026-03-02");
    assert_eq!(detail["view"]["next_due"], "2026-03-09");
    assert_eq!(detail["timeline"].as_array().unwrap().len(), 1);
    assert_eq!(detail["timeline"][0]["event"]["type"], "received");
    assert_eq!(detail["timeline"][0]["actor"]["kind"], "resident");
    assert_eq!(detail["resident_preferences"], Value::Null);
    assert_eq!(detail["filed_by"], Value::Null);

    let (status, _, read) = riya.get(&format!("/api/v1/cases/{case}")).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(read, detail);

    let (status, _, list) = riya.get("/api/v1/cases").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(list.as_array().unwrap().len(), 1);
    assert_eq!(list[0]["id"], case.as_str());
    assert_eq!(list[0]["status"], "awaiting_acknowledgement");
    assert_eq!(list[0]["overdue"], false);

    let messages = outbox(&app, &case).await;
    assert_eq!(messages.len(), 1);
    assert_eq!(
        messages[0].0,
        "We have received your complaint CMP-2026-00001"
    );
    assert!(
        messages[0].1.contains("Monday 9 March 2026"),
        "{}",
        messages[0].1
    );
    assert_eq!(
        queue_columns(&app, &case).await,
        (
            Some(1),
            "awaiting_acknowledgement".into(),
            Some("2026-03-09".into())
        )
    );
}

#[tokio::test]
async fn references_count_per_kind_and_year() {
    let app = TestApp::spawn().await;
    let riya = app.register_resident("Riya Resident").await;
    assert_eq!(
        raise(&riya, complaint()).await["reference"],
        "CMP-2026-00001"
    );
    assert_eq!(
        raise(&riya, compliment()).await["reference"],
        "CPL-2026-00001"
    );
    let comment = json!({ "kind": "comment", "details": "Please add a bench by the bus stop." });
    assert_eq!(raise(&riya, comment).await["reference"], "CMT-2026-00001");
    assert_eq!(
        raise(&riya, complaint()).await["reference"],
        "CMP-2026-00002"
    );
    app.set_now("2027-01-04T10:00:00Z".parse().unwrap());
    let riya = signed_in_again(&app, &riya).await;
    assert_eq!(
        raise(&riya, complaint()).await["reference"],
        "CMP-2027-00001"
    );
}

#[tokio::test]
async fn a_resident_sees_only_their_own_cases_newest_first() {
    let app = TestApp::spawn().await;
    let riya = app.register_resident("Riya Resident").await;
    let ben = app.register_resident("Ben Jones").await;
    let first = id(&raise(&riya, complaint()).await);
    app.advance(Duration::minutes(10));
    let second = id(&raise(&riya, compliment()).await);
    raise(&ben, complaint()).await;
    let (_, _, list) = riya.get("/api/v1/cases").await;
    let ids: Vec<&str> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, [second.as_str(), first.as_str()]);
}

#[tokio::test]
async fn an_incomplete_complaint_names_each_field() {
    let app = TestApp::spawn().await;
    let riya = app.register_resident("Riya Resident").await;
    let (status, _, body) = post_case(
        &riya,
        json!({ "kind": "complaint", "details": " ", "contact_channel": "phone" }),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        fields(&body),
        [
            "details",
            "category",
            "started_on",
            "desired_outcome",
            "contact_phone"
        ]
    );
    let (status, _, body) = post_case(
        &riya,
        with(complaint(), json!({ "started_on": "2026-03-03" })),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        errors(&body),
        [("started_on".into(), messages::STARTED_IN_FUTURE.into())]
    );
    let (status, _, body) = post_case(&riya, with(complaint(), json!({ "colour": "red" }))).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(fields(&body), ["colour"]);
    assert_eq!(app.count("SELECT COUNT(*) FROM cases").await, 0);
}

#[tokio::test]
async fn the_screening_says_what_the_policy_would_do_before_sending() {
    let app = TestApp::spawn().await;
    let riya = app.register_resident("Riya Resident").await;
    let (status, _, answer) = riya
        .post_json(
            "/api/v1/cases/screening",
            json!({ "details": "My boiler is broken", "started_on": "2024-01-10" }),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{answer}");
    let ids: Vec<&str> = answer["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["service_request", "outside_time_limit"]);
    let (status, _, answer) = riya
        .post_json(
            "/api/v1/cases/screening",
            json!({ "details": "The caretaker was rude" }),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(answer["results"], json!([]));
}

#[tokio::test]
async fn a_repair_request_is_raised_only_when_the_resident_insists() {
    let app = TestApp::spawn().await;
    let riya = app.register_resident("Riya Resident").await;
    let repair = with(
        complaint(),
        json!({ "details": "The kitchen tap has a leak." }),
    );
    let (status, _, body) = post_case(&riya, repair.clone()).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        errors(&body),
        [("screening".into(), messages::SCREENING_NOT_CONFIRMED.into())]
    );
    assert_eq!(app.count("SELECT COUNT(*) FROM cases").await, 0);

    let detail = raise(&riya, with(repair, json!({ "insist": true }))).await;
    assert_eq!(detail["screening"][0]["id"], "service_request");
    assert_eq!(detail["screening"][0]["matched"], json!(["leak"]));
}

#[tokio::test]
async fn under_pivotal_a_complaint_about_a_member_of_staff_is_raised_as_a_complaint_and_staff_see_the_policys_route(
) {
    // Pivotal §6.1(g) sends complaints about employees to their Line Manager;
    // the Code counts them as complaints (1.2).
    let app = app_with_policy("pivotal-2021").await;
    let riya = app.register_resident("Riya Resident").await;
    let details = "The housing officer was rude to me on the phone";
    let (status, _, answer) = riya
        .post_json("/api/v1/cases/screening", json!({ "details": details }))
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        answer["results"],
        json!([]),
        "the resident is not warned off"
    );
    // Sent without insisting: a complaint, not waiting for a decision.
    let detail = raise(&riya, with(complaint(), json!({ "details": details }))).await;
    assert_eq!(detail["view"]["status"], "awaiting_acknowledgement");
    assert_eq!(detail["screening"], json!([]));
    let case = id(&detail);
    let staff = app.create_staff("Sam Caseworker").await;
    let (_, _, seen) = staff.get(&format!("/api/v1/cases/{case}")).await;
    assert_eq!(seen["screening"][0]["id"], "employee_complaint");
    assert_eq!(seen["screening"][0]["about_own_staff"], true);
    assert!(seen["view"]["taking_on"].is_null(), "{}", seen["view"]);
}

#[tokio::test]
async fn a_matter_before_a_court_cannot_be_a_complaint_even_when_insisted() {
    let app = TestApp::spawn().await;
    let riya = app.register_resident("Riya Resident").await;
    let court = with(
        complaint(),
        json!({ "details": "My landlord took me to court over the arrears.", "insist": true }),
    );
    let (status, _, body) = post_case(&riya, court).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(fields(&body), ["details"]);
    assert!(
        error_messages(&body)[0].starts_with(messages::SCREENING_REFUSED),
        "{body}"
    );
}

#[tokio::test]
async fn a_problem_older_than_the_time_limit_needs_the_resident_to_confirm() {
    let app = TestApp::spawn().await;
    let riya = app.register_resident("Riya Resident").await;
    let old = with(
        complaint(),
        json!({ "started_on": "2024-06-01", "time_limit_reason": "I only found out last month." }),
    );
    let (status, _, body) = post_case(&riya, old.clone()).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(fields(&body), ["screening"]);
    let detail = raise(&riya, with(old, json!({ "insist": true }))).await;
    assert_eq!(detail["screening"][0]["id"], "outside_time_limit");
}

#[tokio::test]
async fn attachments_are_checked_by_their_content() {
    let app = TestApp::spawn().await;
    let riya = app.register_resident("Riya Resident").await;
    let png_as_pdf = with(
        complaint(),
        json!({ "attachments": [attachment("photo.pdf", "application/pdf", PNG)] }),
    );
    let (status, _, body) = post_case(&riya, png_as_pdf).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        errors(&body),
        [("attachments".into(), messages::FILE_TYPE.into())]
    );

    let exe_as_pdf = with(
        complaint(),
        json!({ "attachments": [attachment("letter.pdf", "application/pdf", EXE)] }),
    );
    let (status, _, body) = post_case(&riya, exe_as_pdf).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(fields(&body), ["attachments"]);

    let exe = with(
        complaint(),
        json!({ "attachments": [attachment("setup.exe", "application/x-msdownload", EXE)] }),
    );
    let (status, _, body) = post_case(&riya, exe).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(fields(&body), ["attachments"]);

    let not_base64 = with(
        complaint(),
        json!({ "attachments": [{ "filename": "a.pdf", "content_type": "application/pdf", "data_base64": "%%%" }] }),
    );
    let (status, _, body) = post_case(&riya, not_base64).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(fields(&body), ["attachments"]);
    assert_eq!(app.count("SELECT COUNT(*) FROM cases").await, 0);
    assert_eq!(app.count("SELECT COUNT(*) FROM attachments").await, 0);
}

#[tokio::test]
async fn an_attachment_is_given_back_only_to_those_who_may_see_the_case() {
    let app = TestApp::spawn().await;
    let riya = app.register_resident("Riya Resident").await;
    let ben = app.register_resident("Ben Jones").await;
    let staff = app.create_staff("Sam Caseworker").await;
    let with_file = with(
        complaint(),
        json!({ "attachments": [attachment("../../My \"letter\".pdf", "application/pdf", PDF)] }),
    );
    let detail = raise(&riya, with_file).await;
    let case = id(&detail);
    let file = &detail["attachments"][0];
    assert_eq!(file["filename"], "My _letter_.pdf");
    assert_eq!(file["content_type"], "application/pdf");
    assert_eq!(file["size"], PDF.len());
    let path = format!(
        "/api/v1/cases/{case}/attachments/{}",
        file["id"].as_str().unwrap()
    );

    for client in [&riya, &staff] {
        let (status, headers, body) = client.get(&path).await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(headers[header::CONTENT_TYPE], "application/pdf");
        assert_eq!(
            headers[header::CONTENT_DISPOSITION],
            "attachment; filename=\"My _letter_.pdf\""
        );
        assert_eq!(headers["x-content-type-options"], "nosniff");
        assert_eq!(
            body,
            Value::String(String::from_utf8_lossy(PDF).into_owned())
        );
    }
    let (status, _, _) = ben.get(&path).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _, _) = riya
        .get(&format!("/api/v1/cases/{case}/attachments/nope"))
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _, _) = app.client().get(&path).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn another_resident_gets_the_same_404_as_for_a_case_that_does_not_exist() {
    let app = TestApp::spawn().await;
    let riya = app.register_resident("Riya Resident").await;
    let ben = app.register_resident("Ben Jones").await;
    let staff = app.create_staff("Sam Caseworker").await;
    let detail = raise(
        &riya,
        with(
            complaint(),
            json!({ "attachments": [attachment("a.pdf", "application/pdf", PDF)] }),
        ),
    )
    .await;
    let case = id(&detail);
    staff_does(&staff, &case, json!({ "type": "acknowledged" })).await;
    staff_does(&staff, &case, responded("upheld")).await;
    let file = detail["attachments"][0]["id"].as_str().unwrap().to_owned();
    let (_, _, unknown) = ben.get("/api/v1/cases/no-such-case").await;

    let reads = [
        format!("/api/v1/cases/{case}"),
        format!("/api/v1/cases/{case}/attachments/{file}"),
    ];
    for path in reads {
        let (status, _, body) = ben.get(&path).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{path}");
        assert_eq!(body, unknown, "{path}");
    }
    let actions = [
        ("information", json!({ "text": "More" })),
        ("escalation", json!({})),
        ("panel", json!({ "attendance": "attend" })),
        ("withdrawal", json!({ "confirm": true })),
        ("withdrawal", json!({ "confirm": false })),
        ("satisfaction", json!({ "satisfied": false })),
    ];
    for (action, body) in actions {
        let (status, _, answer) = resident_action(&ben, &case, action, body).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{action}");
        assert_eq!(answer, unknown, "{action}");
    }
    let (_, _, list) = ben.get("/api/v1/cases").await;
    assert_eq!(list, json!([]));
    // Nothing was recorded.
    let (_, _, read) = riya.get(&format!("/api/v1/cases/{case}")).await;
    assert_eq!(read["timeline"].as_array().unwrap().len(), 3);
}

#[tokio::test]
async fn an_id_that_cannot_be_one_gets_the_same_404_as_an_unknown_id_on_every_route_that_takes_one()
{
    let app = TestApp::spawn().await;
    let riya = app.register_resident("Riya Resident").await;
    let staff = app.create_staff("Sam Caseworker").await;
    let detail = raise(
        &riya,
        with(
            complaint(),
            json!({ "attachments": [attachment("a.pdf", "application/pdf", PDF)] }),
        ),
    )
    .await;
    let case = id(&detail);
    let file = detail["attachments"][0]["id"].as_str().unwrap().to_owned();
    let (status, _, unknown) = riya.get("/api/v1/cases/no-such-case").await;
    assert_eq!(status, StatusCode::NOT_FOUND);

    let too_long = "a".repeat(65);
    for bad in [too_long.as_str(), "a%20b", "a.pdf", "caf%C3%A9", "%2E%2E"] {
        let requests = [
            (&riya, Method::GET, format!("/api/v1/cases/{bad}"), None),
            (
                &riya,
                Method::GET,
                format!("/api/v1/cases/{case}/attachments/{bad}"),
                None,
            ),
            (
                &riya,
                Method::GET,
                format!("/api/v1/cases/{bad}/attachments/{file}"),
                None,
            ),
            (
                &riya,
                Method::POST,
                format!("/api/v1/cases/{bad}/information"),
                Some(json!({ "text": "More" })),
            ),
            (
                &riya,
                Method::GET,
                format!("/api/v1/authorisations/{bad}"),
                None,
            ),
            (
                &riya,
                Method::DELETE,
                format!("/api/v1/account/sessions/{bad}"),
                None,
            ),
            (
                &staff,
                Method::POST,
                format!("/api/v1/cases/{bad}/staff-actions"),
                Some(json!({ "event": { "type": "acknowledged" } })),
            ),
        ];
        for (client, method, path, body) in requests {
            let (status, _, answer) = client.request(method.clone(), &path, body).await;
            assert_eq!(status, StatusCode::NOT_FOUND, "{method} {path}");
            assert_eq!(answer, unknown, "{method} {path}");
        }
    }
    // The real ids still work, and nothing was recorded on the case.
    let (status, _, read) = riya.get(&format!("/api/v1/cases/{case}")).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(read["timeline"].as_array().unwrap().len(), 1);
    let (status, _, _) = riya
        .get(&format!("/api/v1/cases/{case}/attachments/{file}"))
        .await;
    assert_eq!(status, StatusCode::OK);
}

#[tokio::test]
async fn nobody_signed_in_gets_401_on_every_case_endpoint() {
    let app = TestApp::spawn().await;
    let riya = app.register_resident("Riya Resident").await;
    let case = id(&raise(&riya, complaint()).await);
    let anonymous = app.client().with_header("idempotency-key", "k");
    let requests = [
        (Method::GET, "/api/v1/cases".to_owned(), None),
        (Method::POST, "/api/v1/cases".to_owned(), Some(complaint())),
        (
            Method::POST,
            "/api/v1/cases/screening".to_owned(),
            Some(json!({ "details": "x" })),
        ),
        (Method::GET, format!("/api/v1/cases/{case}"), None),
        (
            Method::GET,
            format!("/api/v1/cases/{case}/attachments/x"),
            None,
        ),
        (
            Method::POST,
            format!("/api/v1/cases/{case}/information"),
            Some(json!({ "text": "x" })),
        ),
        (
            Method::POST,
            format!("/api/v1/cases/{case}/escalation"),
            Some(json!({})),
        ),
        (
            Method::POST,
            format!("/api/v1/cases/{case}/panel"),
            Some(json!({ "attendance": "attend" })),
        ),
        (
            Method::POST,
            format!("/api/v1/cases/{case}/withdrawal"),
            Some(json!({ "confirm": true })),
        ),
        (
            Method::POST,
            format!("/api/v1/cases/{case}/satisfaction"),
            Some(json!({ "satisfied": true })),
        ),
        (
            Method::POST,
            format!("/api/v1/cases/{case}/staff-actions"),
            Some(json!({ "event": { "type": "acknowledged" } })),
        ),
        (Method::GET, "/api/v1/staff/cases".to_owned(), None),
    ];
    for (method, path, body) in requests {
        let (status, _, _) = anonymous.request(method.clone(), &path, body).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED, "{method} {path}");
    }
}

#[tokio::test]
async fn more_information_answers_the_request_and_keeps_its_files() {
    let app = TestApp::spawn().await;
    let riya = app.register_resident("Riya Resident").await;
    let staff = app.create_staff("Sam Caseworker").await;
    let case = id(&raise(&riya, complaint()).await);
    staff_does(&staff, &case, json!({ "type": "acknowledged" })).await;
    let asked = staff_does(
        &staff,
        &case,
        json!({ "type": "information_requested", "what": "Photos of the damage" }),
    )
    .await;
    assert_eq!(asked["view"]["status"], "information_requested");

    let (status, _, body) =
        resident_action(&riya, &case, "information", json!({ "text": " " })).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        errors(&body),
        [("text".into(), messages::INFORMATION_MISSING.into())]
    );
    let (status, _, body) = resident_action(
        &riya,
        &case,
        "information",
        json!({ "text": "", "attachments": [attachment("wall.png", "image/png", PNG)] }),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["view"]["status"], "under_investigation");
    assert_eq!(body["attachments"][0]["filename"], "wall.png");
    assert_eq!(
        body["timeline"][3]["event"],
        json!({ "type": "information_given", "text": "Sent wall.png" })
    );
    let subjects: Vec<String> = outbox(&app, &case).await.into_iter().map(|m| m.0).collect();
    assert_eq!(subjects.len(), 4, "{subjects:?}");
    assert!(subjects[3].ends_with("we have your information"));
}

#[tokio::test]
async fn a_withdrawal_needs_confirming_and_happens_once() {
    let app = TestApp::spawn().await;
    let riya = app.register_resident("Riya Resident").await;
    let case = id(&raise(&riya, complaint()).await);
    let (status, _, body) =
        resident_action(&riya, &case, "withdrawal", json!({ "confirm": false })).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        errors(&body),
        [("confirm".into(), messages::WITHDRAW_NOT_CONFIRMED.into())]
    );

    let (status, _, body) = resident_action(
        &riya,
        &case,
        "withdrawal",
        json!({ "confirm": true, "reason": "Sorted" }),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["view"]["status"], "withdrawn");
    assert_eq!(
        queue_columns(&app, &case).await,
        (Some(1), "withdrawn".into(), None)
    );

    let (status, _, body) =
        resident_action(&riya, &case, "withdrawal", json!({ "confirm": true })).await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert_eq!(
        errors(&body),
        [(
            "".into(),
            "This complaint has already been withdrawn.".into()
        )]
    );
    assert_eq!(outbox(&app, &case).await.len(), 2);
}

#[tokio::test]
async fn satisfaction_is_recorded_only_after_a_response() {
    let app = TestApp::spawn().await;
    let riya = app.register_resident("Riya Resident").await;
    let staff = app.create_staff("Sam Caseworker").await;
    let case = id(&raise(&riya, complaint()).await);
    let (status, _, body) =
        resident_action(&riya, &case, "satisfaction", json!({ "satisfied": true })).await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert!(
        error_messages(&body)[0].contains("once we have responded"),
        "{body}"
    );
    staff_does(&staff, &case, json!({ "type": "acknowledged" })).await;
    staff_does(&staff, &case, responded("upheld")).await;
    let (status, _, body) = resident_action(
        &riya,
        &case,
        "satisfaction",
        json!({ "satisfied": true, "comment": "Thanks" }),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(
        body["timeline"][3]["event"]["type"],
        "satisfaction_recorded"
    );
}

#[tokio::test]
async fn satisfaction_is_asked_once_of_each_response() {
    let app = TestApp::spawn().await;
    let riya = app.register_resident("Riya Resident").await;
    let staff = app.create_staff("Sam Caseworker").await;
    let case = id(&raise(&riya, complaint()).await);
    staff_does(&staff, &case, json!({ "type": "acknowledged" })).await;
    staff_does(&staff, &case, responded("not_upheld")).await;
    let (status, _, body) =
        resident_action(&riya, &case, "satisfaction", json!({ "satisfied": false })).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert!(!body["view"]["allowed_actions"]
        .as_array()
        .unwrap()
        .contains(&json!("record_satisfaction")));
    // Sent again (or by staff for the same response): refused, and nothing added.
    let (status, _, body) =
        resident_action(&riya, &case, "satisfaction", json!({ "satisfied": true })).await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
    assert_eq!(body["errors"][0]["code"], "satisfaction_already_recorded");
    let (status, _, _) = staff_action(
        &staff,
        &case,
        json!({ "type": "satisfaction_recorded", "satisfied": true }),
    )
    .await;
    assert_eq!(status, StatusCode::CONFLICT);
    // The stage 2 response can be asked about in its turn.
    resident_action(&riya, &case, "escalation", json!({})).await;
    staff_does(&staff, &case, json!({ "type": "acknowledged" })).await;
    staff_does(&staff, &case, responded("upheld")).await;
    let (status, _, body) =
        resident_action(&riya, &case, "satisfaction", json!({ "satisfied": true })).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let recorded = body["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|entry| entry["event"]["type"] == "satisfaction_recorded")
        .count();
    assert_eq!(recorded, 2);
}

#[tokio::test]
async fn a_review_is_asked_for_after_the_response_and_staff_cannot_ask_for_the_resident() {
    let app = TestApp::spawn().await;
    let riya = app.register_resident("Riya Resident").await;
    let staff = app.create_staff("Sam Caseworker").await;
    let case = id(&raise(&riya, complaint()).await);
    let (status, _, body) = resident_action(&riya, &case, "escalation", json!({})).await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert!(
        error_messages(&body)[0].contains("once we have sent our stage 1 response"),
        "{body}"
    );
    staff_does(&staff, &case, json!({ "type": "acknowledged" })).await;
    staff_does(&staff, &case, responded("not_upheld")).await;
    let (status, _, _) = resident_action(&staff, &case, "escalation", json!({})).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _, body) =
        resident_action(&riya, &case, "escalation", json!({ "reason": " " })).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["view"]["status"], "escalation_requested");
    assert_eq!(body["view"]["stage"]["number"], 2);
    assert_eq!(
        body["timeline"][3]["event"],
        json!({ "type": "escalation_requested", "reason": null })
    );
    let (stage, status, _) = queue_columns(&app, &case).await;
    assert_eq!((stage, status.as_str()), (Some(2), "escalation_requested"));
    assert!(outbox(&app, &case)
        .await
        .last()
        .unwrap()
        .0
        .ends_with("your request for a review"));
}

#[tokio::test]
async fn a_review_asked_for_after_the_window_is_refused() {
    // Pivotal: 10 working days after the stage 1 response to ask for stage 2.
    let (app, riya, _staff, case) = crate::support::answered_under_pivotal().await;
    app.advance(Duration::days(15)); // Tuesday 17 March
    let riya = signed_in_again(&app, &riya).await;
    let (status, _, body) = resident_action(&riya, &case, "escalation", json!({})).await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert_eq!(
        error_messages(&body),
        ["You can no longer ask for a review. The last day to ask was Monday 16 March 2026."]
    );
    // With its code and its reason as facts, for the app's own words in the
    // resident's language: the last day comes with it, nothing to look up.
    assert_eq!(body["errors"][0]["code"], "escalation_window_closed");
    assert_eq!(
        body["errors"][0]["refusal"],
        json!({ "kind": "review_window_closed", "last_day": "2026-03-16" })
    );
    let (_, _, read) = riya.get(&format!("/api/v1/cases/{case}")).await;
    assert_eq!(read["view"]["closed_windows"][0]["last_day"], "2026-03-16");
}

#[tokio::test]
async fn a_panel_is_refused_under_a_policy_without_one() {
    let app = TestApp::spawn().await;
    let riya = app.register_resident("Riya Resident").await;
    let staff = app.create_staff("Sam Caseworker").await;
    let case = crate::support::answered_at_both_stages(&riya, &staff).await;
    let (status, _, body) =
        resident_action(&riya, &case, "panel", json!({ "attendance": "attend" })).await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert_eq!(
        error_messages(&body),
        ["This landlord's policy has no stage 3 panel."]
    );
}

/// Pioneer's case to the end of stage 2.
async fn pioneer_case_after_stage_two(
    app: &TestApp,
) -> (
    crate::helpers::TestClient,
    crate::helpers::TestClient,
    String,
) {
    let riya = app.register_resident("Riya Resident").await;
    let staff = app.create_staff("Sam Caseworker").await;
    let case = id(&raise(&riya, complaint()).await);
    staff_does(&staff, &case, json!({ "type": "acknowledged" })).await;
    staff_does(&staff, &case, responded("not_upheld")).await;
    let (status, _, body) = resident_action(&riya, &case, "escalation", json!({})).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    staff_does(&staff, &case, json!({ "type": "acknowledged" })).await;
    staff_does(&staff, &case, responded("not_upheld")).await;
    (riya, staff, case)
}

#[tokio::test]
async fn a_panel_is_asked_for_under_pioneer_with_a_friend() {
    let app = app_with_policy("pioneer-2020").await;
    let (riya, _staff, case) = pioneer_case_after_stage_two(&app).await;
    let (status, _, body) = resident_action(
        &riya,
        &case,
        "panel",
        json!({ "attendance": "written_submissions", "representative": { "name": "", "relation": "friend" } }),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(fields(&body), ["representative.name"]);
    let (status, _, body) = resident_action(
        &riya,
        &case,
        "panel",
        json!({ "attendance": "attend", "representative": { "name": "Jo", "relation": "solicitor" } }),
    )
    .await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert!(
        error_messages(&body)[0].contains("legal representative"),
        "{body}"
    );
    let (status, _, body) = resident_action(
        &riya,
        &case,
        "panel",
        json!({ "attendance": "attend", "representative": { "name": "Jo", "relation": "friend" } }),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["view"]["status"], "panel_requested");
    assert_eq!(queue_columns(&app, &case).await.0, Some(3));
}

#[tokio::test]
async fn a_panel_is_refused_once_the_complaint_went_to_the_ombudsman_under_pioneer() {
    let app = app_with_policy("pioneer-2020").await;
    let (riya, staff, case) = pioneer_case_after_stage_two(&app).await;
    staff_does(&staff, &case, json!({ "type": "referred_to_ombudsman" })).await;
    let (status, _, body) =
        resident_action(&riya, &case, "panel", json!({ "attendance": "attend" })).await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert_eq!(
        error_messages(&body),
        ["A panel cannot be held once the complaint has gone to the Housing Ombudsman."]
    );
}

#[tokio::test]
async fn the_channel_chosen_for_a_complaint_is_kept_shown_to_staff_and_used_for_its_messages() {
    let app = TestApp::spawn().await;
    let riya = app.register_resident("Riya Resident").await;
    let staff = app.create_staff("Sam Staff").await;
    let detail = raise(
        &riya,
        with(
            complaint(),
            json!({ "contact_channel": "text_message", "contact_phone": "07700 900123" }),
        ),
    )
    .await;
    let case = id(&detail);
    assert_eq!(detail["contact_channel"], "text_message");
    assert_eq!(detail["contact_phone"], "07700 900123");
    assert!(
        detail.get("messages").is_none(),
        "the case carries no messages"
    );
    let (status, _, _) = riya.get(&format!("/api/v1/cases/{case}/messages")).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "only staff see the messages");

    // The account still says email: the case's own choice wins.
    server::outbox::deliver_pending(&app.state).await.unwrap();
    staff_does(&staff, &case, json!({ "type": "acknowledged" })).await;
    server::outbox::deliver_pending(&app.state).await.unwrap();
    let (status, _, seen) = staff.get(&format!("/api/v1/cases/{case}")).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(seen["contact_channel"], "text_message");
    assert_eq!(seen["contact_phone"], "07700 900123");
    let (status, _, messages) = staff.get(&format!("/api/v1/cases/{case}/messages")).await;
    assert_eq!(status, StatusCode::OK);
    let messages = messages.as_array().expect("staff see the messages");
    assert_eq!(messages.len(), 2, "{messages:?}");
    for message in messages {
        assert_eq!(message["channel"], "text_message");
        assert_eq!(message["recipient"], "07700 900123");
        assert_eq!(
            message["delivery"], "staff_to_send",
            "no text message service is configured, so staff send it by hand"
        );
    }
}

#[tokio::test]
async fn a_missed_repair_under_the_repairs_category_is_not_screened_as_a_repair_request() {
    let app = TestApp::spawn().await;
    let riya = app.register_resident("Riya Resident").await;
    let details = "They missed the repair appointment for my window again";
    let (status, _, answer) = riya
        .post_json(
            "/api/v1/cases/screening",
            json!({ "details": details, "category": "repairs" }),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(answer["results"], json!([]));
    // Sent under that category, it needs no "I still want a complaint".
    let (status, _, detail) = post_case(
        &riya,
        with(
            complaint(),
            json!({ "category": "repairs", "details": details }),
        ),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{detail}");
    assert_eq!(detail["screening"], json!([]));
}
