//! Complaints from any channel (issue 16, item 1; Code 3.2): staff raise a
//! complaint, compliment or comment that reached the landlord by phone,
//! letter, email, in person, on social media, through a councillor or MP or
//! through an advocate, for a resident with an account or for someone with
//! none.
//!
//! - `GET /api/v1/staff/residents?q=`: residents found by name, email,
//!   telephone or a case reference ([`ResidentMatch`]).
//! - `POST /api/v1/staff/cases` ([`StaffNewCase`], with an `Idempotency-Key`):
//!   the case, counted from the day it was received.
//!
//! The words are staff's: English only, kept here rather than in
//! [`super::cases::messages`], whose phrases residents read.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::account::{is_phone_number, parse_email, ContactChannel, NAME_MAX_CHARS};
use super::authorisations::TEXT_MAX_CHARS;
use super::cases::{NewCase, EARLIEST_START};
use crate::case::CaseKind;
use crate::policy::Policy;
use crate::validation::{FieldError, Problems};

pub const RECEIVED_IN_FUTURE: &str = "The date it was received must be today or in the past";
pub const RECEIVED_TOO_EARLY: &str = "The date it was received must be after 1 January 1900";
pub const WHO_MISSING: &str =
    "Select the resident, or enter the details of someone without an account";
pub const WHO_BOTH: &str = "Select a resident or enter someone's details, not both";
pub const NAME_MISSING: &str = "Enter their full name";
pub const NAME_TOO_LONG: &str = "Their name must be 200 characters or fewer";
pub const EMAIL_MISSING: &str = "Enter an email address to reply to, or choose another way";
pub const ADDRESS_MISSING: &str = "Enter a postal address to reply to, or choose another way";
pub const ADDRESS_TOO_LONG: &str = "The address must be 500 characters or fewer";
pub const PHONE_MISSING: &str = "Enter a telephone number to reply to, or choose another way";
pub const QUERY_TOO_SHORT: &str =
    "Enter at least 2 characters of a name, email address, telephone number or reference";
pub const QUERY_TOO_LONG: &str = "Enter 254 characters or fewer";

/// How a case reached the landlord.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ReceivedBy {
    Online,
    Phone,
    Letter,
    Email,
    InPerson,
    SocialMedia,
    CouncillorOrMp,
    Advocate,
}

impl ReceivedBy {
    /// "by phone", "through a councillor or MP": for staff pages.
    pub fn words(self) -> &'static str {
        match self {
            ReceivedBy::Online => "online",
            ReceivedBy::Phone => "by phone",
            ReceivedBy::Letter => "by letter",
            ReceivedBy::Email => "by email",
            ReceivedBy::InPerson => "in person",
            ReceivedBy::SocialMedia => "on social media",
            ReceivedBy::CouncillorOrMp => "through a councillor or MP",
            ReceivedBy::Advocate => "through an advocate",
        }
    }
}

/// Someone without an account: who they are and how they want replies.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct NoAccountContact {
    pub name: String,
    #[serde(default)]
    pub resident_address: Option<String>,
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default)]
    pub phone: Option<String>,
    /// How they want to hear from us: the address, email or phone for it is required.
    pub contact_channel: ContactChannel,
}

impl NoAccountContact {
    /// Where a message goes by their channel: an email address, a
    /// telephone number, or a name and postal address for a letter.
    pub fn recipient(&self) -> String {
        let value = |v: &Option<String>| v.as_deref().unwrap_or("").trim().to_owned();
        match self.contact_channel {
            ContactChannel::Email => value(&self.email).to_lowercase(),
            ContactChannel::Phone | ContactChannel::TextMessage => value(&self.phone),
            ContactChannel::Letter => format!(
                "{}, {}",
                self.name.trim(),
                value(&self.resident_address).replace('\n', ", ")
            ),
        }
    }
}

/// `POST /api/v1/staff/cases`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct StaffNewCase {
    pub kind: CaseKind,
    #[serde(default)]
    pub category: Option<String>,
    /// What happened, in the resident's words as far as possible.
    pub details: String,
    #[serde(default)]
    pub started_on: Option<NaiveDate>,
    #[serde(default)]
    pub desired_outcome: Option<String>,
    /// How it reached us.
    pub received_by: ReceivedBy,
    /// The day it reached us: today or earlier, never later. Due dates count
    /// from it.
    pub received_on: NaiveDate,
    /// A resident's account (its id from `GET /staff/residents`).
    #[serde(default)]
    pub resident_id: Option<String>,
    /// Or someone without an account.
    #[serde(default)]
    pub someone: Option<NoAccountContact>,
    /// They asked that only the complaints team knows who raised it.
    #[serde(default)]
    pub in_confidence: bool,
    /// A complaint that ten or more people make together, where the policy
    /// takes petitions (Plus Dane §20): the resident above is its
    /// spokesperson, and these are everyone else who signed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub petition: Option<crate::petition::NewPetition>,
}

impl StaffNewCase {
    /// The case as the resident's own form would have sent it. Staff record
    /// what the screening says without refusing on it.
    pub fn as_new_case(&self) -> NewCase {
        NewCase {
            kind: self.kind,
            category: self.category.clone(),
            details: self.details.clone(),
            started_on: self.started_on,
            desired_outcome: self.desired_outcome.clone(),
            contact_channel: None,
            contact_phone: None,
            attachments: Vec::new(),
            insist: true,
            time_limit_reason: None,
            on_behalf_of: None,
            in_confidence: self.in_confidence,
        }
    }

    /// Checks the case against the policy, and who it is for.
    pub fn validate(&self, policy: &Policy, today: NaiveDate) -> Result<(), Vec<FieldError>> {
        let mut problems = Problems::new();
        if let Err(found) = self.as_new_case().validate(policy, today) {
            for error in found {
                problems.add(&error.field, error.message);
            }
        }
        if self.received_on > today {
            problems.add("received_on", RECEIVED_IN_FUTURE);
        } else if self.received_on < EARLIEST_START {
            problems.add("received_on", RECEIVED_TOO_EARLY);
        }
        let account = self
            .resident_id
            .as_deref()
            .is_some_and(|id| !id.trim().is_empty());
        match (account, &self.someone) {
            (false, None) => problems.add("resident_id", WHO_MISSING),
            (true, Some(_)) => problems.add("resident_id", WHO_BOTH),
            (true, None) => {}
            (false, Some(someone)) => check_someone(someone, &mut problems),
        }
        if let Some(petition) = &self.petition {
            let spokesperson = self.someone.as_ref().and_then(|s| s.email.as_deref());
            if let Err(found) =
                crate::petition::check(policy.petitions.as_ref(), self.kind, petition, spokesperson)
            {
                for error in found {
                    problems.add(&error.field, error.message);
                }
            }
        }
        problems.into_result()
    }
}

fn check_someone(someone: &NoAccountContact, problems: &mut Problems) {
    let name = someone.name.trim();
    if name.is_empty() {
        problems.add("someone.name", NAME_MISSING);
    } else if name.chars().count() > NAME_MAX_CHARS {
        problems.add("someone.name", NAME_TOO_LONG);
    }
    let filled = |v: &Option<String>| v.as_deref().is_some_and(|v| !v.trim().is_empty());
    if let Some(address) = &someone.resident_address {
        if address.trim().chars().count() > TEXT_MAX_CHARS {
            problems.add("someone.resident_address", ADDRESS_TOO_LONG);
        }
    }
    if let Some(email) = someone.email.as_deref().filter(|e| !e.trim().is_empty()) {
        if let Err(message) = parse_email(email) {
            problems.add("someone.email", message);
        }
    }
    match someone.contact_channel {
        ContactChannel::Email if !filled(&someone.email) => {
            problems.add("someone.email", EMAIL_MISSING)
        }
        ContactChannel::Letter if !filled(&someone.resident_address) => {
            problems.add("someone.resident_address", ADDRESS_MISSING)
        }
        ContactChannel::Phone | ContactChannel::TextMessage
            if !someone.phone.as_deref().is_some_and(is_phone_number) =>
        {
            problems.add("someone.phone", PHONE_MISSING)
        }
        _ => {}
    }
}

/// A resident found by `GET /api/v1/staff/residents?q=`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
pub struct ResidentMatch {
    /// The account's public id: `resident_id` when raising a case.
    pub id: String,
    pub name: String,
    pub email: String,
}

/// The search's text, checked: at least 2 characters, at most 254.
pub fn check_query(q: &str) -> Result<String, String> {
    let q = q.trim();
    match q.chars().count() {
        0..=1 => Err(QUERY_TOO_SHORT.to_owned()),
        n if n > super::account::EMAIL_MAX_CHARS => Err(QUERY_TOO_LONG.to_owned()),
        _ => Ok(q.to_owned()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Days;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, 3).unwrap()
    }

    fn by_phone() -> StaffNewCase {
        StaffNewCase {
            kind: CaseKind::Complaint,
            category: Some("repairs".into()),
            details: "Nobody came to fix the gutter".into(),
            started_on: NaiveDate::from_ymd_opt(2026, 11, 20),
            desired_outcome: Some("Fix it".into()),
            received_by: ReceivedBy::Phone,
            received_on: today() - Days::new(3),
            resident_id: None,
            someone: Some(NoAccountContact {
                name: "Pat Nocount".into(),
                resident_address: Some("1 High Street\nLeeds LS1 1AA".into()),
                email: None,
                phone: None,
                contact_channel: ContactChannel::Letter,
            }),
            in_confidence: false,
            petition: None,
        }
    }

    fn fields(case: &StaffNewCase) -> Vec<String> {
        let policy = Policy::preset("code-2024").unwrap();
        case.validate(&policy, today())
            .err()
            .unwrap_or_default()
            .into_iter()
            .map(|e| e.field)
            .collect()
    }

    #[test]
    fn a_phone_complaint_received_earlier_for_someone_without_an_account_is_valid() {
        assert_eq!(fields(&by_phone()), Vec::<String>::new());
        assert_eq!(
            by_phone().someone.unwrap().recipient(),
            "Pat Nocount, 1 High Street, Leeds LS1 1AA"
        );
    }

    #[test]
    fn the_received_date_is_never_later_than_today() {
        let mut case = by_phone();
        case.received_on = today() + Days::new(1);
        assert_eq!(fields(&case), ["received_on"]);
        case.received_on = today();
        assert_eq!(fields(&case), Vec::<String>::new());
    }

    #[test]
    fn the_channel_needs_its_contact_detail_and_someone_or_an_account() {
        let mut case = by_phone();
        case.someone.as_mut().unwrap().contact_channel = ContactChannel::Email;
        assert_eq!(fields(&case), ["someone.email"]);
        case.someone.as_mut().unwrap().contact_channel = ContactChannel::Phone;
        assert_eq!(fields(&case), ["someone.phone"]);
        case.someone.as_mut().unwrap().name = " ".into();
        assert_eq!(fields(&case), ["someone.name", "someone.phone"]);
        case.someone = None;
        assert_eq!(fields(&case), ["resident_id"]);
        case.resident_id = Some("abc".into());
        assert_eq!(fields(&case), Vec::<String>::new());
        case.someone = by_phone().someone;
        assert_eq!(fields(&case), ["resident_id"]);
    }

    #[test]
    fn a_search_needs_two_characters() {
        assert!(check_query(" a ").is_err());
        assert_eq!(check_query(" ri ").unwrap(), "ri");
        assert!(check_query(&"x".repeat(255)).is_err());
    }
}
