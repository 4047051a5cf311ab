//! Petitions (issue 18, item 5): Plus Dane §20, "A petition will be
//! considered when ten or more people jointly complain about the same issue
//! or concern. They will be logged and dealt with in accordance with the
//! complaint procedure. We will ask the group to nominate a spokesperson or
//! key point of contact and all subsequent contact and correspondence will be
//! managed via the nominated spokesperson."

use axum::http::StatusCode;
use serde_json::{json, Value};

use crate::helpers::{errors, next_page, TestClient};
use crate::support::{app_with_policy, complaint, id, new_key, staff_does, with};

async fn raise_petition(staff: &TestClient, body: Value) -> (StatusCode, Value) {
    let (status, _, body) = staff
        .with_header("idempotency-key", &new_key())
        .post_json("/api/v1/staff/cases", body)
        .await;
    (status, body)
}

fn petition(spokesperson_id: &str, signatories: Vec<(String, String)>) -> Value {
    with(
        complaint(),
        json!({
            "details": "The lift in Harbour Court has been broken for six weeks and nobody has said when it will be fixed.",
            "received_by": "letter",
            "received_on": "2026-03-02",
            "resident_id": spokesperson_id,
            "petition": {
                "signatories": signatories
                    .into_iter()
                    .map(|(name, email)| json!({ "name": name, "email": email }))
                    .collect::<Vec<_>>()
            }
        }),
    )
}

fn others(n: usize) -> Vec<(String, String)> {
    (1..=n)
        .map(|i| {
            (
                format!("Neighbour {i}"),
                format!("neighbour{i}@example.org"),
            )
        })
        .collect()
}

async fn account_id(client: &TestClient) -> String {
    let (_, _, session) = client.get("/api/v1/session").await;
    session["user"]["id"].as_str().unwrap().to_owned()
}

#[tokio::test]
async fn ten_people_make_one_plus_dane_case_that_each_signatory_follows_and_only_the_spokesperson_acts_on(
) {
    let app = app_with_policy("plus-dane-2024").await;
    let sadia = app.register_resident("Sadia Spokesperson").await;
    let nia = app.register_resident("Nia Neighbour").await;
    let uma = app.unproved_account("resident", "Uma Unproved").await;
    let sid = app.register_resident("Sid Someone").await;
    let staff = app.create_staff("Sam Caseworker").await;
    let sadia_id = account_id(&sadia).await;

    // Nine people with the spokesperson are not ten.
    let (status, body) = raise_petition(&staff, petition(&sadia_id, others(8))).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert_eq!(
        errors(&body),
        [(
            "petition.signatories".to_owned(),
            "A petition needs at least 10 people: the spokesperson and 9 others".to_owned()
        )]
    );
    // The spokesperson is counted once.
    let mut signed = others(8);
    signed.push(("Sadia again".into(), sadia.email.to_uppercase()));
    let (status, body) = raise_petition(&staff, petition(&sadia_id, signed)).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert_eq!(errors(&body)[0].0, "petition.signatories[8].email");
    assert_eq!(app.count("SELECT COUNT(*) FROM cases").await, 0);
    assert_eq!(app.count("SELECT COUNT(*) FROM case_signatories").await, 0);

    let mut signed = others(7);
    signed.push(("Nia Neighbour".into(), nia.email.clone()));
    signed.push(("Uma Unproved".into(), uma.email.clone()));
    let (status, detail) = raise_petition(&staff, petition(&sadia_id, signed)).await;
    assert_eq!(status, StatusCode::CREATED, "{detail}");
    let case = id(&detail);
    assert_eq!(
        detail["petition"],
        json!({ "people": 10, "you_signed": false })
    );
    staff_does(&staff, &case, json!({ "type": "acknowledged" })).await;

    // The spokesperson's case: theirs to act on.
    let path = format!("/api/v1/cases/{case}");
    let (status, _, theirs) = sadia.get(&path).await;
    assert_eq!(status, StatusCode::OK, "{theirs}");
    assert_eq!(
        theirs["petition"],
        json!({ "people": 10, "you_signed": false })
    );
    assert!(!theirs["view"]["allowed_actions"]
        .as_array()
        .unwrap()
        .is_empty());

    // Nia signed it with the address her account proved: she follows it,
    // in her list and on its page, and can do nothing on it.
    let (status, _, followed) = nia.get(&path).await;
    assert_eq!(status, StatusCode::OK, "{followed}");
    assert_eq!(
        followed["petition"],
        json!({ "people": 10, "you_signed": true })
    );
    assert_eq!(followed["resident_name"], "Sadia Spokesperson");
    assert_eq!(followed["view"]["allowed_actions"], json!([]));
    assert_eq!(followed["attachments"], json!([]));
    assert_eq!(followed["view"]["stage"], theirs["view"]["stage"]);
    let (_, _, list) = nia.get("/api/v1/cases").await;
    assert_eq!(list.as_array().unwrap().len(), 1, "{list}");
    assert_eq!(list[0]["id"], case.as_str());
    assert_eq!(list[0]["you_signed"], true);
    assert_eq!(list[0]["open_window"], Value::Null);
    let (_, _, own_list) = sadia.get("/api/v1/cases").await;
    assert!(own_list[0].get("you_signed").is_none(), "{own_list}");
    let (status, _, body) = nia
        .with_header("idempotency-key", &new_key())
        .post_json(
            &format!("/api/v1/cases/{case}/information"),
            json!({ "text": "It broke again today." }),
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{body}");
    let (status, _, _) = nia.get(&format!("{path}/signatories")).await;
    assert_eq!(status, StatusCode::FORBIDDEN);

    // An account that has not proved the address, and anyone else: the 404
    // of a case that does not exist, and nothing in their lists.
    for outsider in [&uma, &sid] {
        let (status, _, body) = outsider.get(&path).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{}: {body}", outsider.email);
        let (_, _, list) = outsider.get("/api/v1/cases").await;
        assert_eq!(list, json!([]), "{}", outsider.email);
    }

    // Every message goes to the spokesperson alone.
    let recipients: Vec<(String,)> = server::db::query_as(
        "SELECT DISTINCT o.recipient FROM outbox o JOIN cases c ON c.id = o.case_id \
         WHERE c.public_id = ?",
    )
    .bind(&case)
    .fetch_all(&app.state.db)
    .await
    .unwrap();
    assert_eq!(recipients, [(sadia.email.clone(),)]);

    // Staff read who signed, a page at a time, in the order recorded.
    let (status, headers, first) = staff
        .get(&format!("/api/v1/cases/{case}/signatories?limit=5"))
        .await;
    assert_eq!(status, StatusCode::OK, "{first}");
    assert_eq!(first.as_array().unwrap().len(), 5);
    assert_eq!(
        first[0],
        json!({ "name": "Neighbour 1", "email": "neighbour1@example.org" })
    );
    let next = next_page(&headers).expect("a second page");
    let (_, headers, second) = staff.get(&next).await;
    assert_eq!(second.as_array().unwrap().len(), 4);
    assert_eq!(second[2]["name"], "Nia Neighbour");
    assert_eq!(next_page(&headers), None);
}

#[tokio::test]
async fn a_policy_without_petitions_and_a_compliment_as_a_petition_are_refused_on_their_field() {
    let app = app_with_policy("code-2024").await;
    let sadia = app.register_resident("Sadia Spokesperson").await;
    let staff = app.create_staff("Sam Caseworker").await;
    let sadia_id = account_id(&sadia).await;
    let (status, body) = raise_petition(&staff, petition(&sadia_id, others(9))).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert_eq!(
        errors(&body),
        [(
            "petition".to_owned(),
            "This policy does not take petitions: record each person's complaint on its own"
                .to_owned()
        )]
    );

    let app = app_with_policy("plus-dane-2024").await;
    let sadia = app.register_resident("Sadia Spokesperson").await;
    let staff = app.create_staff("Sam Caseworker").await;
    let sadia_id = account_id(&sadia).await;
    let mut body = petition(&sadia_id, others(9));
    body["kind"] = json!("compliment");
    let (status, body) = raise_petition(&staff, body).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert_eq!(errors(&body)[0].0, "petition");
    // A case that is not a petition says nothing of one.
    let (status, detail) = raise_petition(
        &staff,
        with(
            complaint(),
            json!({ "received_by": "phone", "received_on": "2026-03-02", "resident_id": sadia_id }),
        ),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{detail}");
    assert!(detail.get("petition").is_none(), "{detail}");
    let (status, _, list) = staff
        .get(&format!("/api/v1/cases/{}/signatories", id(&detail)))
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(list, json!([]));
}
