//! Authorisations themselves: inviting and accepting, filing a signed form and
//! its verification, revoking, listing, and who may do each.

use axum::http::{header, StatusCode};
use chrono::Duration;
use serde_json::{json, Value};

use crate::helpers::{fields, messages, TestApp, TestClient, PASSWORD};
use crate::support::{attachment, EXE, PDF, PNG};

const A: &str = "/api/v1/authorisations";

// --- shared with advocate_access ----------------------------------------------

/// `POST /api/v1/authorisations` from a resident inviting `advocate`.
pub fn invitation(advocate: &TestClient, scope: &[&str]) -> Value {
    json!({ "advocate_email": advocate.email, "relationship": "relative", "scope": scope })
}

/// A signed form filed by an advocate for a resident without an account.
pub fn signed_form(scope: &[&str]) -> Value {
    json!({
        "resident_name": "Edith Jones",
        "resident_email": "edith.jones@example.org",
        "relationship": "support_worker",
        "scope": scope,
        "evidence": attachment("form-703c.pdf", "application/pdf", PDF),
    })
}

/// Creates an authorisation; returns its id. Panics unless 201.
pub async fn create(client: &TestClient, body: Value) -> String {
    let (status, _, view) = client.post_json(A, body).await;
    assert_eq!(status, StatusCode::CREATED, "{view}");
    view["id"].as_str().expect("an id").to_owned()
}

/// The resident invites the advocate, who accepts; returns the id.
pub async fn invite_and_accept(
    resident: &TestClient,
    advocate: &TestClient,
    body: Value,
) -> String {
    let id = create(resident, body).await;
    let (status, _, view) = advocate
        .post_json(&format!("{A}/{id}/acceptance"), json!({}))
        .await;
    assert_eq!(status, StatusCode::OK, "{view}");
    assert_eq!(view["status"], "active");
    id
}

pub async fn decide(staff: &TestClient, id: &str, body: Value) -> (StatusCode, Value) {
    let (status, _, view) = staff
        .post_json(&format!("{A}/{id}/verification"), body)
        .await;
    (status, view)
}

/// Outbox messages by recipient: (recipient, subject), oldest first.
pub async fn messages_to(app: &TestApp, recipient: &str) -> Vec<String> {
    server::db::query_scalar("SELECT subject FROM outbox WHERE recipient = ? ORDER BY id")
        .bind(recipient)
        .fetch_all(&app.state.db)
        .await
        .expect("the outbox")
}

// --- a resident invites -----------------------------------------------------------

#[tokio::test]
async fn a_resident_invites_an_advocate_who_accepts_and_it_is_in_force_for_twelve_months() {
    let app = TestApp::spawn().await;
    let resident = app.register_resident("Ada Lovelace").await;
    let advocate = app.register_advocate("Charles Babbage").await;
    let (status, headers, view) = resident
        .post_json(
            A,
            invitation(&advocate, &["view_cases", "raise_complaints"]),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{view}");
    let id = view["id"].as_str().unwrap();
    assert_eq!(headers[header::LOCATION], format!("{A}/{id}").as_str());
    assert_eq!(view["kind"], "invitation");
    assert_eq!(view["status"], "pending");
    assert_eq!(view["expires_on"], "2027-03-02");
    assert_eq!(view["case_ids"], Value::Null);
    assert_eq!(view["can_revoke"], true);

    let (_, _, invitations) = advocate.get(A).await;
    assert_eq!(invitations.as_array().unwrap().len(), 1);
    assert_eq!(invitations[0]["can_accept"], true);
    assert_eq!(invitations[0]["resident"]["name"], "Ada Lovelace");

    let (status, _, accepted) = advocate
        .post_json(&format!("{A}/{id}/acceptance"), json!({}))
        .await;
    assert_eq!(status, StatusCode::OK, "{accepted}");
    assert_eq!(accepted["status"], "active");
    assert_eq!(accepted["advocate"]["name"], "Charles Babbage");

    let (_, _, given) = resident.get(A).await;
    assert_eq!(given[0]["status"], "active");
    let told = messages_to(&app, &resident.email).await;
    assert!(
        told.contains(&"You asked someone to act for you".to_owned()),
        "{told:?}"
    );
    assert!(
        told.contains(&"Your advocate accepted".to_owned()),
        "{told:?}"
    );
    let invited = messages_to(&app, &advocate.email).await;
    assert!(invited.contains(&"A resident asked you to act for them".to_owned()));
}

#[tokio::test]
async fn an_invitation_without_answers_names_every_missing_field() {
    let app = TestApp::spawn().await;
    let resident = app.register_resident("Ada Lovelace").await;
    let (status, _, body) = resident.post_json(A, json!({})).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(fields(&body), ["advocate_email", "relationship", "scope"]);
    assert_eq!(messages(&body)[2], "Select what they may do for you");
}

#[tokio::test]
async fn an_unknown_scope_or_relationship_is_refused_by_name() {
    let app = TestApp::spawn().await;
    let resident = app.register_resident("Ada Lovelace").await;
    let advocate = app.register_advocate("Charles Babbage").await;
    let mut body = invitation(&advocate, &["view_cases"]);
    body["scope"] = json!(["everything"]);
    let (status, _, errors) = resident.post_json(A, body).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(fields(&errors)[0].starts_with("scope"), "{errors}");
    let mut body = invitation(&advocate, &["view_cases"]);
    body["relationship"] = json!("landlord");
    let (status, _, errors) = resident.post_json(A, body).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(fields(&errors), ["relationship"]);
}

#[tokio::test]
async fn an_expiry_more_than_twenty_four_months_away_or_in_the_past_is_refused() {
    let app = TestApp::spawn().await;
    let resident = app.register_resident("Ada Lovelace").await;
    let advocate = app.register_advocate("Charles Babbage").await;
    for (date, message) in [
        (
            "2028-03-03",
            "The date it ends must be within 24 months of today",
        ),
        ("2026-03-02", "The date it ends must be in the future"),
    ] {
        let mut body = invitation(&advocate, &["view_cases"]);
        body["expires_on"] = json!(date);
        let (status, _, errors) = resident.post_json(A, body).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(messages(&errors), [message]);
    }
    let mut body = invitation(&advocate, &["view_cases"]);
    body["expires_on"] = json!("2028-03-02");
    let (status, _, view) = resident.post_json(A, body).await;
    assert_eq!(status, StatusCode::CREATED);
    assert_eq!(view["expires_on"], "2028-03-02");
}

#[tokio::test]
async fn a_resident_cannot_name_cases_that_are_not_their_own() {
    let app = TestApp::spawn().await;
    let resident = app.register_resident("Ada Lovelace").await;
    let advocate = app.register_advocate("Charles Babbage").await;
    let mut body = invitation(&advocate, &["view_cases"]);
    body["case_ids"] = json!(["not-a-case-of-theirs"]);
    let (status, _, errors) = resident.post_json(A, body).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(fields(&errors), ["case_ids"]);
    assert_eq!(messages(&errors), ["Select complaints from your own list"]);
}

#[tokio::test]
async fn a_resident_cannot_invite_themselves() {
    let app = TestApp::spawn().await;
    let resident = app.register_resident("Ada Lovelace").await;
    let (status, _, errors) = resident
        .post_json(A, invitation(&resident, &["view_cases"]))
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(fields(&errors), ["advocate_email"]);
}

#[tokio::test]
async fn an_advocate_cannot_accept_an_invitation_sent_to_another_email() {
    let app = TestApp::spawn().await;
    let resident = app.register_resident("Ada Lovelace").await;
    let invited = app.register_advocate("Charles Babbage").await;
    let other = app.register_advocate("Mallory Intercept").await;
    let id = create(&resident, invitation(&invited, &["view_cases"])).await;

    let (status, _, _) = other
        .post_json(&format!("{A}/{id}/acceptance"), json!({}))
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _, _) = other.get(&format!("{A}/{id}")).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (_, _, listed) = other.get(A).await;
    assert_eq!(listed, json!([]));
    let (_, _, view) = resident.get(&format!("{A}/{id}")).await;
    assert_eq!(view["status"], "pending");
}

#[tokio::test]
async fn whoever_registers_an_invited_address_first_cannot_take_up_the_invitation_without_proving_it(
) {
    let app = TestApp::spawn().await;
    let resident = app.register_resident("Ada Lovelace").await;
    // Someone registers the advocate's address before the advocate does:
    // without the link sent to it, they cannot even sign in.
    let impostor = app.register_unconfirmed("advocate", "Mallory").await;
    let id = create(&resident, invitation(&impostor, &["view_cases"])).await;
    assert_eq!(
        app.client().sign_in(&impostor.email, PASSWORD).await.0,
        StatusCode::UNAUTHORIZED
    );
    let (status, _, _) = impostor
        .post_json(&format!("{A}/{id}/acceptance"), json!({}))
        .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    // The address's owner, who reads its mail, registers it with their own
    // password, opens the link and accepts; the impostor's password is void.
    let owner = app.client();
    let own = json!({ "name": "Olu Owner", "email": impostor.email, "role": "advocate",
        "password": "the owner's own password" });
    assert_eq!(
        owner.post_json("/api/v1/accounts", own).await.0,
        StatusCode::ACCEPTED
    );
    let token = app.verification_token(&impostor.email).await;
    let (status, _, body) = owner
        .post_json(
            "/api/v1/accounts/verification",
            json!({ "token": token, "password": "the owner's own password" }),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let (status, _, body) = owner
        .post_json(&format!("{A}/{id}/acceptance"), json!({}))
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(
        app.client().sign_in(&impostor.email, PASSWORD).await.0,
        StatusCode::UNAUTHORIZED
    );
}

#[tokio::test]
async fn an_account_signed_in_with_an_unproved_address_cannot_accept_an_invitation() {
    let app = TestApp::spawn().await;
    let resident = app.register_resident("Ada Lovelace").await;
    let advocate = app.unproved_account("advocate", "Mallory").await;
    let id = create(&resident, invitation(&advocate, &["view_cases"])).await;
    let (status, _, body) = advocate
        .post_json(&format!("{A}/{id}/acceptance"), json!({}))
        .await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
    assert_eq!(body["errors"][0]["code"], "email_not_verified");
}

#[tokio::test]
async fn an_advocate_with_an_unproved_address_cannot_file_a_signed_form() {
    let app = TestApp::spawn().await;
    let advocate = app.unproved_account("advocate", "Mallory").await;
    let (status, _, body) = advocate.post_json(A, signed_form(&["view_cases"])).await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
    assert_eq!(body["errors"][0]["code"], "email_not_verified");
    assert_eq!(app.count("SELECT COUNT(*) FROM authorisations").await, 0);
}

#[tokio::test]
async fn an_invitation_is_accepted_once() {
    let app = TestApp::spawn().await;
    let resident = app.register_resident("Ada Lovelace").await;
    let advocate = app.register_advocate("Charles Babbage").await;
    let id = invite_and_accept(&resident, &advocate, invitation(&advocate, &["view_cases"])).await;
    let (status, _, body) = advocate
        .post_json(&format!("{A}/{id}/acceptance"), json!({}))
        .await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
}

#[tokio::test]
async fn an_invitation_not_accepted_before_its_expiry_date_can_no_longer_be() {
    let app = TestApp::spawn().await;
    let resident = app.register_resident("Ada Lovelace").await;
    let advocate = app.register_advocate("Charles Babbage").await;
    let mut body = invitation(&advocate, &["view_cases"]);
    body["expires_on"] = json!("2026-03-10");
    let id = create(&resident, body).await;
    app.advance(Duration::days(8));
    let advocate = app.sign_in(&advocate.email, &advocate.password).await;
    let (status, _, body) = advocate
        .post_json(&format!("{A}/{id}/acceptance"), json!({}))
        .await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert_eq!(messages(&body), ["This authorisation has expired"]);
    let resident = app.sign_in(&resident.email, &resident.password).await;
    let (_, _, view) = resident.get(&format!("{A}/{id}")).await;
    assert_eq!(view["status"], "expired");
}

#[tokio::test]
async fn a_resident_account_cannot_accept_an_invitation_as_an_advocate() {
    let app = TestApp::spawn().await;
    let resident = app.register_resident("Ada Lovelace").await;
    let neighbour = app.register_resident("Nellie Neighbour").await;
    let id = create(&resident, invitation(&neighbour, &["view_cases"])).await;
    let (status, _, _) = neighbour
        .post_json(&format!("{A}/{id}/acceptance"), json!({}))
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
}

// --- revoking ----------------------------------------------------------------------

#[tokio::test]
async fn a_resident_revokes_at_once_and_the_advocate_is_told() {
    let app = TestApp::spawn().await;
    let resident = app.register_resident("Ada Lovelace").await;
    let advocate = app.register_advocate("Charles Babbage").await;
    let id = invite_and_accept(&resident, &advocate, invitation(&advocate, &["view_cases"])).await;

    let (status, _, view) = resident.delete(&format!("{A}/{id}")).await;
    assert_eq!(status, StatusCode::OK, "{view}");
    assert_eq!(view["status"], "revoked");
    assert!(view["revoked_at"].is_string());
    assert_eq!(view["can_revoke"], false);
    let (status, _, body) = resident
        .post_json(&format!("{A}/{id}/revocation"), json!({}))
        .await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert_eq!(messages(&body), ["This authorisation has already ended"]);
    let told = messages_to(&app, &advocate.email).await;
    assert!(
        told.contains(&"You no longer act for a resident".to_owned()),
        "{told:?}"
    );
}

#[tokio::test]
async fn a_revoked_advocate_no_longer_reads_the_residents_contact_details() {
    let app = TestApp::spawn().await;
    let resident = app.register_resident("Ada Lovelace").await;
    let advocate = app.register_advocate("Charles Babbage").await;
    let id = invite_and_accept(&resident, &advocate, invitation(&advocate, &["view_cases"])).await;
    let (_, _, view) = advocate.get(&format!("{A}/{id}")).await;
    assert_eq!(
        view["resident"]["email"],
        resident.email.as_str(),
        "while active"
    );
    resident.delete(&format!("{A}/{id}")).await;
    let (status, _, view) = advocate.get(&format!("{A}/{id}")).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(view["status"], "revoked");
    assert_eq!(view["resident"]["name"], "Ada Lovelace");
    assert_eq!(view["resident"]["email"], Value::Null);
    assert_eq!(view["resident_address"], Value::Null);
    let (_, _, view) = resident.get(&format!("{A}/{id}")).await;
    assert_eq!(
        view["resident"]["email"],
        resident.email.as_str(),
        "the resident still does"
    );
}

#[tokio::test]
async fn an_expired_advocate_no_longer_reads_the_residents_contact_details() {
    let app = TestApp::spawn().await;
    let resident = app.register_resident("Ada Lovelace").await;
    let advocate = app.register_advocate("Charles Babbage").await;
    let mut body = invitation(&advocate, &["view_cases"]);
    body["expires_on"] = json!("2026-03-10");
    let id = invite_and_accept(&resident, &advocate, body).await;
    let (_, _, view) = advocate.get(&format!("{A}/{id}")).await;
    assert_eq!(
        view["resident"]["email"],
        resident.email.as_str(),
        "while active"
    );
    app.advance(Duration::days(8));
    let advocate = app.sign_in(&advocate.email, &advocate.password).await;
    let (status, _, view) = advocate.get(&format!("{A}/{id}")).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(view["status"], "expired");
    assert_eq!(view["resident"]["name"], "Ada Lovelace");
    assert_eq!(view["resident"]["email"], Value::Null);
    assert_eq!(view["resident_address"], Value::Null);
}

#[tokio::test]
async fn another_resident_can_neither_see_nor_revoke_an_authorisation() {
    let app = TestApp::spawn().await;
    let resident = app.register_resident("Ada Lovelace").await;
    let other = app.register_resident("Eve Other").await;
    let advocate = app.register_advocate("Charles Babbage").await;
    let id = invite_and_accept(&resident, &advocate, invitation(&advocate, &["view_cases"])).await;
    assert_eq!(
        other.get(&format!("{A}/{id}")).await.0,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        other.delete(&format!("{A}/{id}")).await.0,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        other
            .post_json(&format!("{A}/{id}/revocation"), json!({}))
            .await
            .0,
        StatusCode::NOT_FOUND
    );
    assert_eq!(other.get(A).await.2, json!([]));
    let (_, _, view) = resident.get(&format!("{A}/{id}")).await;
    assert_eq!(view["status"], "active");
}

#[tokio::test]
async fn an_advocate_can_give_up_an_authorisation_and_the_resident_is_told() {
    let app = TestApp::spawn().await;
    let resident = app.register_resident("Ada Lovelace").await;
    let advocate = app.register_advocate("Charles Babbage").await;
    let id = invite_and_accept(&resident, &advocate, invitation(&advocate, &["view_cases"])).await;
    let (status, _, view) = advocate
        .post_json(&format!("{A}/{id}/revocation"), json!({}))
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(view["status"], "revoked");
    let told = messages_to(&app, &resident.email).await;
    assert!(
        told.contains(&"Your advocate stopped acting for you".to_owned()),
        "{told:?}"
    );
}

#[tokio::test]
async fn an_invited_advocate_can_decline_and_the_resident_is_told_it_was_declined() {
    let app = TestApp::spawn().await;
    let resident = app.register_resident("Dora Decline").await;
    let advocate = app.register_advocate("Ned Notnow").await;
    let other = app.register_advocate("Otto Other").await;
    let id = create(&resident, invitation(&advocate, &["view_cases"])).await;

    // Only the person invited can decline.
    let decline = format!("{A}/{id}/revocation");
    assert_eq!(
        other.post_json(&decline, json!({})).await.0,
        StatusCode::NOT_FOUND
    );
    let (status, _, view) = advocate.post_json(&decline, json!({})).await;
    assert_eq!(status, StatusCode::OK, "{view}");
    assert_eq!(view["status"], "revoked");
    let told = messages_to(&app, &resident.email).await;
    assert!(
        told.contains(&"Your invitation was declined".to_owned()),
        "{told:?}"
    );
    assert!(
        !told.contains(&"Your advocate stopped acting for you".to_owned()),
        "{told:?}"
    );

    // Declined is over: it cannot be accepted afterwards.
    let (status, _, _) = advocate
        .post_json(&format!("{A}/{id}/acceptance"), json!({}))
        .await;
    assert_eq!(status, StatusCode::CONFLICT);
}

#[tokio::test]
async fn staff_see_an_authorisation_but_cannot_revoke_it_for_the_resident() {
    let app = TestApp::spawn().await;
    let resident = app.register_resident("Ada Lovelace").await;
    let advocate = app.register_advocate("Charles Babbage").await;
    let staff = app.create_staff("Sam Caseworker").await;
    let id = invite_and_accept(&resident, &advocate, invitation(&advocate, &["view_cases"])).await;
    assert_eq!(staff.get(&format!("{A}/{id}")).await.0, StatusCode::OK);
    assert_eq!(
        staff.delete(&format!("{A}/{id}")).await.0,
        StatusCode::FORBIDDEN
    );
}

// --- an advocate files a signed form --------------------------------------------------

#[tokio::test]
async fn an_advocate_files_a_signed_form_which_waits_for_a_caseworker() {
    let app = TestApp::spawn().await;
    let advocate = app.register_advocate("Citizens Advice Oldtown").await;
    let staff = app.create_staff("Sam Caseworker").await;
    let (status, _, view) = advocate
        .post_json(A, signed_form(&["view_cases", "raise_complaints"]))
        .await;
    assert_eq!(status, StatusCode::CREATED, "{view}");
    assert_eq!(view["kind"], "signed_form");
    assert_eq!(view["status"], "pending");
    assert_eq!(view["resident"]["name"], "Edith Jones");
    assert_eq!(view["evidence"]["content_type"], "application/pdf");
    assert_eq!(view["can_verify"], false);
    let id = view["id"].as_str().unwrap();

    // The resident, who has no account, is told at the address given.
    let told = messages_to(&app, "edith.jones@example.org").await;
    assert_eq!(told, ["Someone has asked to act for you"]);

    let (_, _, queue) = staff.get(A).await;
    assert_eq!(queue.as_array().unwrap().len(), 1);
    assert_eq!(queue[0]["id"], id);
    assert_eq!(queue[0]["can_verify"], true);

    let (status, headers, body) = staff.get(&format!("{A}/{id}/evidence")).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(headers[header::CONTENT_TYPE], "application/pdf");
    assert!(headers[header::CONTENT_DISPOSITION]
        .to_str()
        .unwrap()
        .starts_with("attachment"));
    assert!(body.as_str().unwrap().starts_with("%PDF-"));
}

#[tokio::test]
async fn only_staff_and_the_advocate_who_filed_it_can_open_the_signed_form() {
    let app = TestApp::spawn().await;
    let advocate = app.register_advocate("Citizens Advice Oldtown").await;
    let other = app.register_advocate("Mallory Intercept").await;
    let resident = app.register_resident("Ada Lovelace").await;
    let id = create(&advocate, signed_form(&["view_cases"])).await;
    assert_eq!(
        advocate.get(&format!("{A}/{id}/evidence")).await.0,
        StatusCode::OK
    );
    assert_eq!(
        other.get(&format!("{A}/{id}/evidence")).await.0,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        resident.get(&format!("{A}/{id}/evidence")).await.0,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        app.client().get(&format!("{A}/{id}/evidence")).await.0,
        StatusCode::UNAUTHORIZED
    );
}

#[tokio::test]
async fn a_signed_form_needs_the_residents_details_and_the_file() {
    let app = TestApp::spawn().await;
    let advocate = app.register_advocate("Citizens Advice Oldtown").await;
    let (status, _, errors) = advocate
        .post_json(
            A,
            json!({ "relationship": "citizens_advice", "scope": ["view_cases"] }),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        fields(&errors),
        ["resident_name", "resident_email", "evidence"]
    );
    assert_eq!(
        messages(&errors)[2],
        "Upload the resident's signed authorisation form"
    );
}

#[tokio::test]
async fn a_signed_form_is_checked_by_its_content_not_its_name() {
    let app = TestApp::spawn().await;
    let advocate = app.register_advocate("Citizens Advice Oldtown").await;
    for evidence in [
        attachment("form.pdf", "application/pdf", EXE),
        attachment("form.pdf", "application/pdf", PNG),
        attachment("form.exe", "application/x-msdownload", EXE),
    ] {
        let mut body = signed_form(&["view_cases"]);
        body["evidence"] = evidence;
        let (status, _, errors) = advocate.post_json(A, body).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{errors}");
        assert_eq!(
            messages(&errors),
            ["The selected file must be a JPG, PNG or PDF"]
        );
    }
    let mut body = signed_form(&["view_cases"]);
    body["evidence"] = attachment("photo.png", "image/png", PNG);
    assert_eq!(advocate.post_json(A, body).await.0, StatusCode::CREATED);
}

#[tokio::test]
async fn a_signed_form_larger_than_five_megabytes_is_refused() {
    let app = TestApp::spawn().await;
    let advocate = app.register_advocate("Citizens Advice Oldtown").await;
    let mut big = PDF.to_vec();
    big.resize(5 * 1024 * 1024 + 1, b' ');
    let mut body = signed_form(&["view_cases"]);
    body["evidence"] = attachment("form.pdf", "application/pdf", &big);
    let (status, _, errors) = advocate.post_json(A, body).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        messages(&errors),
        ["The selected file must be smaller than 5MB"]
    );
    big.truncate(5 * 1024 * 1024);
    let mut body = signed_form(&["view_cases"]);
    body["evidence"] = attachment("form.pdf", "application/pdf", &big);
    assert_eq!(advocate.post_json(A, body).await.0, StatusCode::CREATED);
}

#[tokio::test]
async fn staff_cannot_give_authorisations_and_nobody_signed_in_gets_401() {
    let app = TestApp::spawn().await;
    let staff = app.create_staff("Sam Caseworker").await;
    assert_eq!(
        staff.post_json(A, signed_form(&["view_cases"])).await.0,
        StatusCode::FORBIDDEN
    );
    let anonymous = app.client();
    assert_eq!(
        anonymous.post_json(A, signed_form(&["view_cases"])).await.0,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(anonymous.get(A).await.0, StatusCode::UNAUTHORIZED);
    assert_eq!(
        anonymous.get("/api/v1/advocate/residents").await.0,
        StatusCode::UNAUTHORIZED
    );
}

#[tokio::test]
async fn the_resident_named_on_a_signed_form_is_told_nothing_the_advocate_wrote() {
    let app = TestApp::spawn().await;
    let advocate = app
        .register_advocate("Your account is locked call 0800 000 0000")
        .await;
    let mut form = signed_form(&["view_cases"]);
    form["resident_name"] = json!("Edith visit pay-now.example");
    create(&advocate, form).await;
    let bodies: Vec<String> = server::db::query_scalar(
        "SELECT subject || ' ' || body FROM outbox WHERE recipient = 'edith.jones@example.org'",
    )
    .fetch_all(&app.state.db)
    .await
    .unwrap();
    assert_eq!(bodies.len(), 1);
    for written in ["locked", "0800", "pay-now", "Edith"] {
        assert!(!bodies[0].contains(written), "{written}: {}", bodies[0]);
    }
    assert!(bodies[0].contains("If you did not sign a form like this, contact us"));
}

#[tokio::test]
async fn an_account_sends_at_most_ten_invitations_or_forms_a_day() {
    let app = TestApp::spawn().await;
    let advocate = app.register_advocate("Citizens Advice Oldtown").await;
    for n in 0..10 {
        let mut form = signed_form(&["view_cases"]);
        form["resident_email"] = json!(format!("resident.{n}@example.org"));
        create(&advocate, form).await;
        app.advance(Duration::minutes(1));
    }
    let mut form = signed_form(&["view_cases"]);
    form["resident_email"] = json!("one.too.many@example.org");
    let (status, headers, body) = advocate.post_json(A, form.clone()).await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS, "{body}");
    assert_eq!(
        messages(&body),
        ["You have sent as many of these as you can in one day. Try again tomorrow, or contact us"]
    );
    // Until the first of the ten is a day old: 24 hours less the 10 minutes since.
    let wait: i64 = headers["retry-after"].to_str().unwrap().parse().unwrap();
    // (The test clock also runs on in real time.)
    assert!(
        (24 * 3600 - 660..=24 * 3600 - 600).contains(&wait),
        "{wait}"
    );
    assert_eq!(messages_to(&app, "one.too.many@example.org").await.len(), 0);

    // Residents' invitations count the same way.
    let resident = app.register_resident("Ada Lovelace").await;
    for n in 0..10 {
        let body = json!({ "advocate_email": format!("adviser.{n}@example.org"),
            "relationship": "relative", "scope": ["view_cases"] });
        create(&resident, body).await;
    }
    let body = json!({ "advocate_email": "adviser.x@example.org",
        "relationship": "relative", "scope": ["view_cases"] });
    assert_eq!(
        resident.post_json(A, body.clone()).await.0,
        StatusCode::TOO_MANY_REQUESTS
    );

    app.advance(Duration::hours(24));
    let advocate = app.sign_in(&advocate.email, &advocate.password).await;
    let (status, _, _) = advocate.post_json(A, form).await;
    assert_eq!(status, StatusCode::CREATED, "a day later");
}

// --- verification --------------------------------------------------------------------

#[tokio::test]
async fn a_caseworker_verifies_a_signed_form_and_both_sides_are_told() {
    let app = TestApp::spawn().await;
    let advocate = app.register_advocate("Citizens Advice Oldtown").await;
    let staff = app.create_staff("Sam Caseworker").await;
    let id = create(&advocate, signed_form(&["view_cases"])).await;
    let (status, view) = decide(&staff, &id, json!({ "decision": "verify" })).await;
    assert_eq!(status, StatusCode::OK, "{view}");
    assert_eq!(view["status"], "active");
    assert!(view["verified_at"].is_string());
    assert_eq!(
        messages_to(&app, "edith.jones@example.org").await,
        [
            "Someone has asked to act for you",
            "Your authorisation form is checked"
        ]
    );
    assert_eq!(
        messages_to(&app, &advocate.email).await.last().unwrap(),
        "Authorisation verified"
    );
    // Decided once.
    let (status, _) = decide(&staff, &id, json!({ "decision": "verify" })).await;
    assert_eq!(status, StatusCode::CONFLICT);
    // No longer in the queue to verify, but found by its status.
    assert_eq!(staff.get(A).await.2, json!([]));
    let (_, _, active) = staff.get(&format!("{A}?status=active")).await;
    assert_eq!(active[0]["id"], id.as_str());
}

#[tokio::test]
async fn a_caseworker_rejects_a_signed_form_only_with_a_reason() {
    let app = TestApp::spawn().await;
    let advocate = app.register_advocate("Citizens Advice Oldtown").await;
    let staff = app.create_staff("Sam Caseworker").await;
    let id = create(&advocate, signed_form(&["view_cases"])).await;
    let (status, errors) = decide(&staff, &id, json!({ "decision": "reject" })).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        messages(&errors),
        ["Enter why the authorisation form cannot be verified"]
    );
    let (status, errors) = decide(&staff, &id, json!({})).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(fields(&errors), ["decision"]);

    let reason = "The form is not signed.";
    let (status, view) = decide(
        &staff,
        &id,
        json!({ "decision": "reject", "reason": reason }),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{view}");
    assert_eq!(view["status"], "rejected");
    assert_eq!(view["rejected_reason"], reason);
    let (_, _, held) = advocate.get(A).await;
    assert_eq!(held[0]["rejected_reason"], reason);
    assert_eq!(
        messages_to(&app, &advocate.email).await.last().unwrap(),
        "Authorisation form not verified"
    );
}

#[tokio::test]
async fn only_staff_verify_and_only_signed_forms_are_verified() {
    let app = TestApp::spawn().await;
    let advocate = app.register_advocate("Citizens Advice Oldtown").await;
    let resident = app.register_resident("Ada Lovelace").await;
    let staff = app.create_staff("Sam Caseworker").await;
    let form = create(&advocate, signed_form(&["view_cases"])).await;
    assert_eq!(
        decide(&advocate, &form, json!({ "decision": "verify" }))
            .await
            .0,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        decide(&resident, &form, json!({ "decision": "verify" }))
            .await
            .0,
        StatusCode::NOT_FOUND
    );

    let invited = create(&resident, invitation(&advocate, &["view_cases"])).await;
    let (status, body) = decide(&staff, &invited, json!({ "decision": "verify" })).await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert_eq!(
        messages(&body),
        ["Only an authorisation filed with a signed form is verified by a caseworker"]
    );
}

#[tokio::test]
async fn staff_filter_authorisations_by_status() {
    let app = TestApp::spawn().await;
    let advocate = app.register_advocate("Citizens Advice Oldtown").await;
    let resident = app.register_resident("Ada Lovelace").await;
    let staff = app.create_staff("Sam Caseworker").await;
    create(&advocate, signed_form(&["view_cases"])).await;
    let revoked = create(&resident, invitation(&advocate, &["view_cases"])).await;
    resident.delete(&format!("{A}/{revoked}")).await;
    let (_, _, list) = staff.get(&format!("{A}?status=revoked")).await;
    assert_eq!(list.as_array().unwrap().len(), 1);
    assert_eq!(list[0]["id"], revoked.as_str());
    let (status, _, errors) = staff.get(&format!("{A}?status=sideways")).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(fields(&errors), ["status"]);
}

#[tokio::test]
async fn an_invitation_or_signed_form_sent_again_with_its_key_makes_one_authorisation() {
    let app = TestApp::spawn().await;
    let resident = app.register_resident("Rhoda Retry").await;
    let advocate = app.register_advocate("Alma Again").await;

    let keyed = resident.with_header("idempotency-key", "invite-1");
    let (first_status, _, first) = keyed
        .post_json(A, invitation(&advocate, &["view_cases"]))
        .await;
    assert_eq!(first_status, StatusCode::CREATED, "{first}");
    app.advance(Duration::minutes(2));
    let (again_status, _, again) = keyed
        .post_json(A, invitation(&advocate, &["view_cases"]))
        .await;
    assert_eq!(again_status, StatusCode::CREATED);
    assert_eq!(again, first, "the first answer, not a second invitation");

    let filer = advocate.with_header("idempotency-key", "form-1");
    let (status, _, form) = filer.post_json(A, signed_form(&["view_cases"])).await;
    assert_eq!(status, StatusCode::CREATED, "{form}");
    let (_, _, form_again) = filer.post_json(A, signed_form(&["view_cases"])).await;
    assert_eq!(form_again, form);
    assert_eq!(app.count("SELECT COUNT(*) FROM authorisations").await, 2);

    // The same key for something else is refused, and makes nothing.
    let (status, _, _) = keyed
        .post_json(
            A,
            invitation(&advocate, &["view_cases", "raise_complaints"]),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    // Without a key, a second invitation is a second one.
    let (status, _, _) = resident
        .post_json(A, invitation(&advocate, &["view_cases"]))
        .await;
    assert_eq!(status, StatusCode::CREATED);
    assert_eq!(app.count("SELECT COUNT(*) FROM authorisations").await, 3);
}
