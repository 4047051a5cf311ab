//! Every case endpoint against every kind of caller, advocates above all: an
//! advocate whose authorisation is not in force, or does not cover the case or
//! the action, gets the same 404 as for a case that does not exist; health-
//! related fields stay hidden without the `see_adjustments` scope.

use axum::http::StatusCode;
use chrono::Duration;
use serde_json::{json, Value};

use crate::authorisations::{create, decide, invitation, invite_and_accept, signed_form};
use crate::helpers::{TestApp, TestClient};
use crate::support::{attachment, complaint, id, post_case, raise, with, PDF};

const ALL: [&str; 5] = [
    "view_cases",
    "raise_complaints",
    "request_escalation",
    "withdraw_complaints",
    "see_adjustments",
];

/// What an endpoint should answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Expect {
    /// Access granted: anything but 401, 403 and 404 (the lifecycle may still
    /// answer 409, say for an escalation before any response).
    Allowed,
    Created,
    Hidden,
    Forbidden,
    Unauthorised,
    Invalid,
}

use Expect::*;

fn matches(expect: Expect, status: StatusCode) -> bool {
    match expect {
        Allowed => ![401, 403, 404].contains(&status.as_u16()) && !status.is_server_error(),
        Created => status == StatusCode::CREATED,
        Hidden => status == StatusCode::NOT_FOUND,
        Forbidden => status == StatusCode::FORBIDDEN,
        Unauthorised => status == StatusCode::UNAUTHORIZED,
        Invalid => status == StatusCode::UNPROCESSABLE_ENTITY,
    }
}

struct Caller {
    name: &'static str,
    client: TestClient,
    /// The authorisation it raises cases under (residents and staff send the
    /// in-scope advocate's, to be refused).
    on_behalf_of: String,
    /// read, in list, information, escalation, panel, withdrawal, satisfaction,
    /// attachment, create on behalf.
    expect: [Expect; 9],
    in_list: bool,
    sees_adjustments: bool,
}

struct World {
    _app: TestApp,
    case: String,
    attachment: String,
    callers: Vec<Caller>,
}

/// One resident with one complaint (with a file, and reasonable adjustments
/// on their account), and one caller of each kind. The clock is then moved on
/// a week, past the expiry of the short authorisation, and everyone signs in
/// again (their sessions are over).
async fn world() -> World {
    let app = TestApp::spawn().await;
    let resident = app.register_resident("Ada Lovelace").await;
    let (status, _, _) = resident
        .put_json(
            "/api/v1/preferences",
            json!({ "reasonable_adjustments": "I have a hearing impairment: please write, do not call." }),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let other = app.register_resident("Eve Other").await;
    let staff = app.create_staff("Sam Caseworker").await;
    let detail = raise(
        &resident,
        with(
            complaint(),
            json!({ "attachments": [attachment("photo.pdf", "application/pdf", PDF)] }),
        ),
    )
    .await;
    let case = id(&detail);
    let file = detail["attachments"][0]["id"].as_str().unwrap().to_owned();
    let second = id(&raise(&resident, complaint()).await);

    let in_scope = app.register_advocate("Ian Scope").await;
    let in_scope_id = invite_and_accept(&resident, &in_scope, invitation(&in_scope, &ALL)).await;

    let view_only = app.register_advocate("Vera Viewonly").await;
    let view_only_id = invite_and_accept(
        &resident,
        &view_only,
        invitation(&view_only, &["view_cases"]),
    )
    .await;

    let wrong_case = app.register_advocate("Walter Wrongcase").await;
    let mut body = invitation(&wrong_case, &ALL);
    body["case_ids"] = json!([second]);
    let wrong_case_id = invite_and_accept(&resident, &wrong_case, body).await;

    let pending = app.register_advocate("Penny Pending").await;
    let pending_id = create(&pending, signed_form(&ALL)).await;

    let expired = app.register_advocate("Ezra Expired").await;
    let mut body = invitation(&expired, &ALL);
    body["expires_on"] = json!("2026-03-05");
    let expired_id = invite_and_accept(&resident, &expired, body).await;

    let revoked = app.register_advocate("Rita Revoked").await;
    let revoked_id = invite_and_accept(&resident, &revoked, invitation(&revoked, &ALL)).await;
    let (status, _, _) = resident
        .delete(&format!("/api/v1/authorisations/{revoked_id}"))
        .await;
    assert_eq!(status, StatusCode::OK);

    app.advance(Duration::days(7));
    let mut everyone = Vec::new();
    for c in [
        &resident,
        &other,
        &in_scope,
        &view_only,
        &wrong_case,
        &pending,
        &expired,
        &revoked,
        &staff,
    ] {
        everyone.push(app.sign_in(&c.email, &c.password).await);
    }
    let Ok::<[TestClient; 9], _>(everyone) = everyone.try_into() else {
        unreachable!("nine callers")
    };
    let [resident, other, in_scope, view_only, wrong_case, pending, expired, revoked, staff] =
        everyone;

    let caller = |name, client, on_behalf_of: &str, expect, in_list, sees_adjustments| Caller {
        name,
        client,
        on_behalf_of: on_behalf_of.to_owned(),
        expect,
        in_list,
        sees_adjustments,
    };
    let hidden_all = |create| {
        [
            Hidden, Hidden, Hidden, Hidden, Hidden, Hidden, Hidden, Hidden, create,
        ]
    };
    let callers = vec![
        caller(
            "anonymous",
            app.client(),
            &in_scope_id,
            [Unauthorised; 9],
            false,
            false,
        ),
        caller(
            "the resident",
            resident,
            &in_scope_id,
            [
                Allowed, Allowed, Allowed, Allowed, Allowed, Allowed, Allowed, Allowed, Invalid,
            ],
            true,
            false,
        ),
        caller(
            "another resident",
            other,
            &in_scope_id,
            hidden_all(Invalid),
            false,
            false,
        ),
        caller(
            "an advocate active in scope",
            in_scope,
            &in_scope_id,
            [
                Allowed, Allowed, Allowed, Allowed, Allowed, Allowed, Allowed, Allowed, Created,
            ],
            true,
            true,
        ),
        caller(
            "an advocate active with the wrong scope",
            view_only,
            &view_only_id,
            [
                Allowed, Allowed, Hidden, Hidden, Hidden, Hidden, Hidden, Allowed, Hidden,
            ],
            true,
            false,
        ),
        caller(
            "an advocate active for another case",
            wrong_case,
            &wrong_case_id,
            hidden_all(Created),
            false,
            false,
        ),
        caller(
            "an advocate whose signed form is pending",
            pending,
            &pending_id,
            hidden_all(Created),
            false,
            false,
        ),
        caller(
            "an advocate whose authorisation expired",
            expired,
            &expired_id,
            hidden_all(Hidden),
            false,
            false,
        ),
        caller(
            "an advocate whose authorisation was revoked",
            revoked,
            &revoked_id,
            hidden_all(Hidden),
            false,
            false,
        ),
        caller(
            "staff",
            staff,
            &in_scope_id,
            [
                Allowed, Allowed, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Allowed,
                Forbidden,
            ],
            true,
            true,
        ),
    ];
    World {
        _app: app,
        case,
        attachment: file,
        callers,
    }
}

/// The answers of every case endpoint for one caller, in the order of `expect`.
async fn answers(world: &World, caller: &Caller) -> Vec<(&'static str, StatusCode, Value)> {
    let c = &caller.client;
    let case = &world.case;
    let url = |tail: &str| format!("/api/v1/cases/{case}{tail}");
    let mut out = Vec::new();
    let (s, _, read) = c.get(&url("")).await;
    out.push(("read", s, read));
    let (s, _, list) = c.get("/api/v1/cases").await;
    out.push(("list", s, list));
    for (name, tail, body) in [
        (
            "information",
            "/information",
            json!({ "text": "The boiler failed again." }),
        ),
        ("escalation", "/escalation", json!({})),
        (
            "panel",
            "/panel",
            json!({ "attendance": "written_submissions" }),
        ),
        (
            "satisfaction",
            "/satisfaction",
            json!({ "satisfied": false }),
        ),
        ("withdrawal", "/withdrawal", json!({ "confirm": true })),
    ] {
        let (s, _, b) = c.post_json(&url(tail), body).await;
        out.push((name, s, b));
    }
    // In the order of `expect`: withdrawal before satisfaction.
    out.swap(5, 6);
    let (s, _, b) = c
        .get(&url(&format!("/attachments/{}", world.attachment)))
        .await;
    out.push(("attachment", s, b));
    let (s, _, b) = post_case(
        c,
        with(complaint(), json!({ "on_behalf_of": caller.on_behalf_of })),
    )
    .await;
    out.push(("create on behalf", s, b));
    out
}

#[tokio::test]
async fn every_case_endpoint_answers_each_kind_of_caller_as_specified() {
    let world = world().await;
    let mut wrong = Vec::new();
    // The withdrawal ends the case: callers who may withdraw come after those
    // who must be refused, so every refusal is tested on a live case.
    let mut order: Vec<&Caller> = world
        .callers
        .iter()
        .filter(|c| c.expect[5] != Allowed)
        .collect();
    order.extend(world.callers.iter().filter(|c| c.expect[5] == Allowed));
    for caller in order {
        for ((endpoint, status, body), expect) in
            answers(&world, caller).await.into_iter().zip(caller.expect)
        {
            let listed = endpoint == "list"
                && status == StatusCode::OK
                && body
                    .as_array()
                    .is_some_and(|l| l.iter().any(|c| c["id"] == world.case.as_str()));
            let ok = if endpoint == "list" && expect != Unauthorised {
                status == StatusCode::OK && listed == caller.in_list
            } else {
                matches(expect, status)
            };
            if !ok {
                wrong.push(format!(
                    "{}: {endpoint} answered {status}, expected {expect:?}: {body}",
                    caller.name
                ));
            }
            if endpoint == "read" && status == StatusCode::OK {
                let shown = !body["resident_preferences"].is_null();
                if shown != caller.sees_adjustments {
                    wrong.push(format!(
                        "{}: reasonable adjustments shown: {shown}",
                        caller.name
                    ));
                }
            }
        }
    }
    assert!(wrong.is_empty(), "\n{}", wrong.join("\n"));
}

#[tokio::test]
async fn an_advocate_raises_a_complaint_for_a_resident_who_sees_it_and_is_told() {
    let app = TestApp::spawn().await;
    let resident = app.register_resident("Ada Lovelace").await;
    let advocate = app.register_advocate("Ian Scope").await;
    let staff = app.create_staff("Sam Caseworker").await;
    let auth = invite_and_accept(&resident, &advocate, invitation(&advocate, &ALL)).await;
    let detail = raise(
        &advocate,
        with(complaint(), json!({ "on_behalf_of": auth })),
    )
    .await;
    assert_eq!(detail["resident_name"], "Ada Lovelace");
    assert_eq!(detail["filed_by"]["name"], "Ian Scope");
    assert_eq!(detail["filed_by"]["authorisation_id"], auth.as_str());
    assert_eq!(detail["filed_by"]["relationship"], "Relative");
    let case = id(&detail);

    let (_, _, mine) = resident.get("/api/v1/cases").await;
    assert_eq!(mine[0]["id"], case.as_str());
    let (_, _, seen) = staff.get(&format!("/api/v1/cases/{case}")).await;
    assert_eq!(seen["filed_by"]["authorisation_id"], auth.as_str());
    let (_, _, home) = advocate.get("/api/v1/advocate/residents").await;
    assert_eq!(home[0]["authorisation"]["resident"]["name"], "Ada Lovelace");
    assert_eq!(home[0]["cases"][0]["id"], case.as_str());

    let subjects: Vec<String> =
        server::db::query_scalar("SELECT subject FROM outbox WHERE recipient = ? ORDER BY id")
            .bind(&resident.email)
            .fetch_all(&app.state.db)
            .await
            .unwrap();
    assert!(
        subjects
            .iter()
            .any(|s| s.starts_with("Ian Scope made a complaint for you")),
        "{subjects:?}"
    );
}

#[tokio::test]
async fn an_advocate_without_saying_for_whom_is_asked_to_select_the_resident() {
    let app = TestApp::spawn().await;
    let advocate = app.register_advocate("Ian Scope").await;
    let (status, _, body) = post_case(&advocate, complaint()).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert_eq!(body["errors"][0]["field"], "on_behalf_of");
}

#[tokio::test]
async fn an_advocate_with_a_pending_signed_form_sees_only_what_they_raised_until_it_is_verified() {
    let app = TestApp::spawn().await;
    let advocate = app.register_advocate("Penny Pending").await;
    let other_advocate = app.register_advocate("Mallory Intercept").await;
    let staff = app.create_staff("Sam Caseworker").await;
    let auth = create(&advocate, signed_form(&["raise_complaints"])).await;
    let detail = raise(
        &advocate,
        with(complaint(), json!({ "on_behalf_of": auth })),
    )
    .await;
    let case = id(&detail);
    assert_eq!(detail["resident_preferences"], Value::Null);
    // The resident has no account: the case is nobody's account's, and the
    // resident is told at the address the advocate gave.
    let owner: Option<i64> =
        server::db::query_scalar("SELECT resident_id FROM cases WHERE public_id = ?")
            .bind(&case)
            .fetch_one(&app.state.db)
            .await
            .unwrap();
    assert_eq!(owner, None);
    let told: i64 = server::db::query_scalar(
        "SELECT COUNT(*) FROM outbox o JOIN cases c ON c.id = o.case_id \
         WHERE c.public_id = ? AND o.recipient = 'edith.jones@example.org'",
    )
    .bind(&case)
    .fetch_one(&app.state.db)
    .await
    .unwrap();
    assert!(
        told >= 2,
        "the receipt and the use of the authorisation: {told}"
    );

    assert_eq!(
        advocate.get(&format!("/api/v1/cases/{case}")).await.0,
        StatusCode::OK
    );
    let (_, _, list) = advocate.get("/api/v1/cases").await;
    assert_eq!(list.as_array().unwrap().len(), 1);
    assert_eq!(
        other_advocate.get(&format!("/api/v1/cases/{case}")).await.0,
        StatusCode::NOT_FOUND
    );
    let (_, _, home) = advocate.get("/api/v1/advocate/residents").await;
    assert_eq!(home[0]["authorisation"]["status"], "pending");
    assert_eq!(home[0]["cases"][0]["id"], case.as_str());

    // Rejected: nothing any more, not even what they raised.
    let (status, _) = decide(
        &staff,
        &auth,
        json!({ "decision": "reject", "reason": "Not signed" }),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        advocate.get(&format!("/api/v1/cases/{case}")).await.0,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        advocate.get("/api/v1/advocate/residents").await.2,
        json!([])
    );
}

#[tokio::test]
async fn a_revocation_takes_effect_on_the_very_next_request() {
    let app = TestApp::spawn().await;
    let resident = app.register_resident("Ada Lovelace").await;
    let advocate = app.register_advocate("Ian Scope").await;
    let case = id(&raise(&resident, complaint()).await);
    let auth = invite_and_accept(&resident, &advocate, invitation(&advocate, &ALL)).await;
    assert_eq!(
        advocate.get(&format!("/api/v1/cases/{case}")).await.0,
        StatusCode::OK
    );
    resident
        .delete(&format!("/api/v1/authorisations/{auth}"))
        .await;
    assert_eq!(
        advocate.get(&format!("/api/v1/cases/{case}")).await.0,
        StatusCode::NOT_FOUND
    );
    assert_eq!(advocate.get("/api/v1/cases").await.2, json!([]));
}

#[tokio::test]
async fn an_authorisation_stops_working_on_its_expiry_date_without_any_job() {
    let app = TestApp::spawn().await;
    let resident = app.register_resident("Ada Lovelace").await;
    let advocate = app.register_advocate("Ian Scope").await;
    let case = id(&raise(&resident, complaint()).await);
    let mut body = invitation(&advocate, &ALL);
    body["expires_on"] = json!("2026-03-03");
    invite_and_accept(&resident, &advocate, body).await;
    assert_eq!(
        advocate.get(&format!("/api/v1/cases/{case}")).await.0,
        StatusCode::OK
    );
    app.advance(Duration::hours(16)); // 2026-03-03 01:00, UK time
    let advocate = app.sign_in(&advocate.email, &advocate.password).await;
    assert_eq!(
        advocate.get(&format!("/api/v1/cases/{case}")).await.0,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn an_escalation_by_an_advocate_is_recorded_as_theirs_and_the_resident_is_told() {
    let app = TestApp::spawn().await;
    let resident = app.register_resident("Ada Lovelace").await;
    let advocate = app.register_advocate("Ian Scope").await;
    let staff = app.create_staff("Sam Caseworker").await;
    let case = id(&raise(&resident, complaint()).await);
    invite_and_accept(&resident, &advocate, invitation(&advocate, &ALL)).await;
    crate::support::staff_does(&staff, &case, json!({ "type": "acknowledged" })).await;
    crate::support::staff_does(&staff, &case, crate::support::responded("not_upheld")).await;
    let (status, _, detail) = advocate
        .post_json(&format!("/api/v1/cases/{case}/escalation"), json!({}))
        .await;
    assert_eq!(status, StatusCode::OK, "{detail}");
    let last = detail["timeline"]
        .as_array()
        .unwrap()
        .last()
        .unwrap()
        .clone();
    assert_eq!(last["actor"]["kind"], "advocate");
    assert_eq!(last["actor"]["name"], "Ian Scope");
    let subjects: Vec<String> =
        server::db::query_scalar("SELECT subject FROM outbox WHERE recipient = ? ORDER BY id")
            .bind(&resident.email)
            .fetch_all(&app.state.db)
            .await
            .unwrap();
    assert!(
        subjects
            .iter()
            .any(|s| s.starts_with("Ian Scope asked for the next stage")),
        "{subjects:?}"
    );
}

#[tokio::test]
async fn a_case_for_a_resident_without_an_account_carries_their_name_and_later_letters_reach_them()
{
    let app = TestApp::spawn().await;
    let advocate = app.register_advocate("Penny Post").await;
    let staff = app.create_staff("Sam Caseworker").await;
    let form = with(
        signed_form(&["view_cases", "raise_complaints"]),
        json!({ "resident_email": null, "resident_address": "1 High Street, Oldtown" }),
    );
    let auth = create(&advocate, form).await;
    let detail = raise(
        &advocate,
        with(complaint(), json!({ "on_behalf_of": auth })),
    )
    .await;
    let case = id(&detail);
    // Nobody's account: the name comes from the authorisation, everywhere.
    assert_eq!(detail["resident_name"], "Edith Jones");
    assert_eq!(detail["filed_by"]["name"], "Penny Post");
    let (_, _, queue) = staff.get("/api/v1/staff/cases").await;
    let row = queue
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == case.as_str())
        .expect("the case is in the queue");
    assert_eq!(row["resident_name"], "Edith Jones");
    assert_eq!(
        app.count("SELECT COUNT(*) FROM outbox WHERE user_id = (SELECT id FROM users WHERE name = 'Penny Post') AND case_id IS NOT NULL")
            .await,
        0,
        "nothing about the case is addressed to the advocate as if it were theirs"
    );

    // A later step by a caseworker is written to the address given.
    let letters = "SELECT COUNT(*) FROM outbox WHERE user_id IS NULL AND channel = 'letter' \
                   AND recipient = 'Edith Jones, 1 High Street, Oldtown'";
    let before = app.count(letters).await;
    assert!(
        before >= 2,
        "the receipt and the use of the authorisation: {before}"
    );
    let (status, _, body) = staff
        .post_json(
            &format!("/api/v1/cases/{case}/staff-actions"),
            json!({ "event": { "type": "acknowledged" } }),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(app.count(letters).await, before + 1);
}

#[tokio::test]
async fn making_complaints_for_a_resident_does_not_let_an_advocate_withdraw_them() {
    let app = TestApp::spawn().await;
    let resident = app.register_resident("Ada Lovelace").await;
    let case = id(&raise(&resident, complaint()).await);
    let helper = app.register_advocate("Hal Helper").await;
    invite_and_accept(
        &resident,
        &helper,
        invitation(&helper, &["view_cases", "raise_complaints"]),
    )
    .await;
    let (status, _, _) = helper
        .post_json(
            &format!("/api/v1/cases/{case}/withdrawal"),
            json!({ "confirm": true }),
        )
        .await;
    // As for every action outside an advocate's scope: not found.
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _, read) = helper.get(&format!("/api/v1/cases/{case}")).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(read["view"]["status"], "awaiting_acknowledgement");
    // Nor is it offered: the actions listed are the ones the advocate may take.
    let offered = read["view"]["allowed_actions"].as_array().unwrap();
    assert!(
        offered.iter().any(|a| a == "add_information"),
        "{offered:?}"
    );
    assert!(!offered.iter().any(|a| a == "withdraw"), "{offered:?}");

    let trusted = app.register_advocate("Tess Trusted").await;
    invite_and_accept(
        &resident,
        &trusted,
        invitation(&trusted, &["view_cases", "withdraw_complaints"]),
    )
    .await;
    let (status, _, _) = trusted
        .post_json(
            &format!("/api/v1/cases/{case}/withdrawal"),
            json!({ "confirm": true }),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
}
