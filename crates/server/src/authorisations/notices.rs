//! What people are told about an authorisation: the text of each message
//! (subject and body, written by the functions here so that each reads the
//! same wherever it is sent from), and [`tell_resident`], which sends one to
//! the resident whether or not they have an account.

use chrono::{DateTime, NaiveDate, Utc};
use domain::api::account::ContactChannel;
use domain::api::authorisations::AuthorisationView;
use sqlx::AnyConnection;

use super::store::{self, AuthorisationRow};
use crate::error::ApiError;

/// A message: its subject and body.
pub type Notice = (String, String);

/// What an authorisation was used for, as the resident is told.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Use {
    Raised,
    Escalated,
}

/// What they may do, a line each: "- Make a complaint".
pub fn scope_words(view: &AuthorisationView) -> String {
    view.scope
        .iter()
        .map(|s| format!("- {}", s.label()))
        .collect::<Vec<_>>()
        .join("\n")
}

/// "1 March 2027".
pub fn long_date(date: NaiveDate) -> String {
    date.format("%-d %B %Y").to_string()
}

/// To the resident who invited an advocate.
pub fn invitation_sent(
    resident: &str,
    advocate_email: &str,
    relationship: &str,
    until: &str,
    scope: &str,
) -> Notice {
    (
        "You asked someone to act for you".into(),
        format!(
            "Dear {resident},\n\nYou asked {advocate_email} ({relationship}) to act for you on your \
             complaints. Once they accept, until {until}, they can:\n{scope}\n\nYou can \
             take this back at any time in your account, and it stops at once."
        ),
    )
}

/// To the invited advocate, when the address has an advocate's account.
pub fn invited(resident: &str, until: &str) -> Notice {
    (
        "A resident asked you to act for them".into(),
        format!(
            "{resident} has asked you to act for them on their complaints, until \
             {until}. Sign in to accept or decline."
        ),
    )
}

/// To the resident named on a signed form an advocate sent.
///
/// The address was typed by the advocate, and nobody has shown yet that its
/// owner knows them: nothing they wrote (their name, the name they gave the
/// resident) goes into this message (finding 7). The resident learns who it
/// is when we check the form with them, or in their account.
pub fn form_received() -> Notice {
    (
        "Someone has asked to act for you".into(),
        "Hello,\n\nSomeone has sent us a form that says you signed it to let \
         them act for you on your housing complaints.\n\nBefore they can do \
         anything for you, we will check the form, and we may contact you to \
         do that.\n\nIf you did not sign a form like this, contact us straight \
         away."
            .into(),
    )
}

/// To the resident, when the advocate they invited accepts.
pub fn accepted(resident: &str, advocate: &str, until: &str, scope: &str) -> Notice {
    (
        "Your advocate accepted".into(),
        format!(
            "Dear {resident},\n\n{advocate} accepted your request to act for you, until {until}. \
             They can:\n{scope}\n\nYou can take this back at any time in your account, and it \
             stops at once."
        ),
    )
}

/// To the advocate, when the resident takes their authority back.
pub fn taken_back(resident: &str) -> Notice {
    (
        "You no longer act for a resident".into(),
        format!(
            "{resident} has taken back your authority to act for them. You can no longer see \
             or act on their complaints."
        ),
    )
}

/// To the resident, when the invited advocate declines.
pub fn declined(resident: &str, advocate: &str) -> Notice {
    (
        "Your invitation was declined".into(),
        format!(
            "Dear {resident},\n\n{advocate} has declined your invitation to act for you on your \
             complaints. You can invite someone else from \"People who can act for you\"."
        ),
    )
}

/// To the resident, when their advocate gives their authority up.
pub fn given_up(resident: &str, advocate: &str) -> Notice {
    (
        "Your advocate stopped acting for you".into(),
        format!("Dear {resident},\n\n{advocate} no longer acts for you on your complaints."),
    )
}

/// To the resident, when staff have checked the form they signed.
pub fn form_verified(resident: &str, advocate: &str, until: &str) -> Notice {
    (
        "Your authorisation form is checked".into(),
        format!(
            "Dear {resident},\n\nWe have checked the authorisation form you signed. {advocate} \
             can now act for you on your complaints until {until}.\n\nTo stop them, contact us \
             at any time."
        ),
    )
}

/// To the advocate, when staff have checked the form they sent.
pub fn verified_for_advocate(resident: &str) -> Notice {
    (
        "Authorisation verified".into(),
        format!(
            "We have verified the authorisation form for {resident}. You can now \
             act for them within what they authorised."
        ),
    )
}

/// To the advocate, when staff could not verify the form they sent.
pub fn form_rejected(resident: &str, reason: &str) -> Notice {
    (
        "Authorisation form not verified".into(),
        format!(
            "We could not verify the authorisation form for {resident}.\n\nWhy: \
             {reason}\n\nYou can no longer see the complaints you made under it. You \
             can send a new signed form."
        ),
    )
}

/// To the resident, when their advocate used their authority on a case.
pub fn used(resident: &str, advocate: &str, reference: &str, what: Use) -> Notice {
    let (subject, done) = match what {
        Use::Raised => (
            format!("{advocate} made a complaint for you: {reference}"),
            "made a complaint for you",
        ),
        Use::Escalated => (
            format!("{advocate} asked for the next stage of {reference}"),
            "asked for your complaint to go to the next stage",
        ),
    };
    let body = format!(
        "Dear {resident},\n\n{advocate} {done} (reference {reference}), using the authority you gave \
         them. You can see the complaint in your account, or ask us about it.\n\nIf you did not \
         want this, you can take their authority back at any time, and tell us."
    );
    (subject, body)
}

/// Tells the resident: through their account's channel when they have one,
/// else by the email or postal address the advocate gave.
#[tracing::instrument(skip_all, fields(authorisation_id = row.id, case_id))]
pub async fn tell_resident(
    conn: &mut AnyConnection,
    row: &AuthorisationRow,
    at: DateTime<Utc>,
    case_id: Option<i64>,
    subject: &str,
    body: &str,
) -> Result<(), sqlx::Error> {
    if let Some(resident_id) = row.resident_id {
        return crate::outbox::enqueue(conn, at, resident_id, case_id, subject, body).await;
    }
    let name = row.resident_name.clone().unwrap_or_default();
    let (channel, recipient, block) = match (&row.resident_email, &row.resident_address) {
        (Some(email), _) => (ContactChannel::Email, email.clone(), None),
        (None, Some(address)) => (
            ContactChannel::Letter,
            format!("{name}, {address}"),
            Some(crate::outbox::address_block(&name, Some(address))),
        ),
        (None, None) => return Ok(()),
    };
    crate::outbox::enqueue_without_account(
        conn,
        at,
        case_id,
        channel,
        &recipient,
        block.as_deref(),
        subject,
        body,
    )
    .await
}

/// Tells the resident that their authorisation was used on a case: to raise
/// it, or to ask for the next stage. Call it in the transaction that records
/// the case or the event.
pub async fn tell_resident_of_use(
    conn: &mut AnyConnection,
    authorisation_id: i64,
    case_id: i64,
    reference: &str,
    what: Use,
    at: DateTime<Utc>,
) -> Result<(), ApiError> {
    let row = store::find_by_id(conn, authorisation_id)
        .await?
        .ok_or_else(|| ApiError::internal("the authorisation used has gone"))?;
    let advocate = row
        .advocate_name
        .clone()
        .unwrap_or_else(|| "Your advocate".into());
    let (subject, body) = used(&row.resident_display_name(), &advocate, reference, what);
    tell_resident(conn, &row, at, Some(case_id), &subject, &body).await?;
    Ok(())
}
