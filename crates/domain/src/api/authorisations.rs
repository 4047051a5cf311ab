//! Authorisations on the wire: a resident inviting an advocate, an advocate
//! filing a resident's signed authorisation form, and what each side sees.
//!
//! The rules (scope, expiry, what an authorisation permits) are in
//! [`crate::authorisation`]; the words of every validation message are here,
//! once, for the server and the app.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::api::account::{parse_email, parse_name};
use crate::api::cases::{messages as case_messages, AttachmentInfo, CaseSummary, NewAttachment};
use crate::api::cases::{ATTACHMENT_MAX_BYTES, ATTACHMENT_TYPES};
use crate::authorisation::{default_expiry, latest_expiry, Kind, Relationship, Scope, Status};
use crate::validation::{FieldError, Problems};

/// Longest free text in an authorisation (relationship, address, reason).
pub const TEXT_MAX_CHARS: usize = 500;

/// The words of every authorisation error, written once.
pub mod messages {
    /// `?status=` names no status an authorisation can have.
    pub const STATUS_UNKNOWN: &str = "Select pending, active, expired, revoked or rejected";
    pub const ADVOCATE_EMAIL_MISSING: &str =
        "Enter the email address of the person you want to act for you";
    pub const ADVOCATE_IS_YOU: &str =
        "Enter the email address of someone else: you cannot act for yourself";
    pub const RELATIONSHIP_MISSING_RESIDENT: &str = "Select who the person acting for you is";
    pub const RELATIONSHIP_MISSING_ADVOCATE: &str = "Select who you are to the resident";
    pub const RELATIONSHIP_OTHER_MISSING: &str = "Enter who the person acting is to the resident";
    pub const RELATIONSHIP_OTHER_TOO_LONG: &str =
        "The relationship must be 500 characters or fewer";
    pub const SCOPE_MISSING_RESIDENT: &str = "Select what they may do for you";
    pub const SCOPE_MISSING_ADVOCATE: &str = "Select what the resident has authorised you to do";
    pub const CASES_MISSING: &str = "Select at least one complaint, or select all complaints";
    pub const CASE_NOT_YOURS: &str = "Select complaints from your own list";
    /// An account sent as many invitations or signed forms as a day allows.
    pub const TOO_MANY_TODAY: &str =
        "You have sent as many of these as you can in one day. Try again tomorrow, or contact us";
    pub const CASES_NOT_FOR_FORM: &str =
        "A signed authorisation form covers all of the resident's complaints";
    pub const EXPIRY_NOT_IN_FUTURE: &str = "The date it ends must be in the future";
    pub const EXPIRY_TOO_LATE: &str = "The date it ends must be within 24 months of today";
    pub const RESIDENT_NAME_MISSING: &str = "Enter the resident's full name";
    pub const RESIDENT_CONTACT_MISSING: &str =
        "Enter the resident's email address or postal address, so we can tell them";
    pub const RESIDENT_ADDRESS_TOO_LONG: &str = "The address must be 500 characters or fewer";
    pub const EVIDENCE_MISSING: &str = "Upload the resident's signed authorisation form";
    pub const EVIDENCE_NOT_FOR_RESIDENT: &str =
        "Only an advocate uploads a signed authorisation form";
    pub const RESIDENT_DETAILS_NOT_FOR_RESIDENT: &str =
        "The resident's details are taken from your account";
    pub const ADVOCATE_EMAIL_NOT_FOR_ADVOCATE: &str =
        "An advocate files a signed authorisation form instead of inviting";
    pub const DECISION_MISSING: &str = "Select if the authorisation form is verified or rejected";
    pub const REASON_MISSING: &str = "Enter why the authorisation form cannot be verified";
    pub const REASON_TOO_LONG: &str = "The reason must be 500 characters or fewer";
    pub const ACCEPT_ONLY_ADVOCATE: &str = "Only an advocate account can accept an invitation";
    pub const NOT_PENDING: &str = "This authorisation is no longer waiting for an answer";
    pub const NOT_A_SIGNED_FORM: &str =
        "Only an authorisation filed with a signed form is verified by a caseworker";
    pub const ALREADY_ENDED: &str = "This authorisation has already ended";
    pub const EXPIRED: &str = "This authorisation has expired";
}

/// `POST /api/v1/authorisations`. A resident sends `advocate_email` (an
/// invitation); an advocate sends the resident's details and `evidence` (the
/// signed form). Both send the relationship, the scope and, if they like, an
/// expiry date (12 months from today when left out).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct NewAuthorisation {
    /// Resident: the email address of the advocate they invite.
    #[serde(default)]
    pub advocate_email: Option<String>,
    /// Advocate: the resident's full name.
    #[serde(default)]
    pub resident_name: Option<String>,
    /// Advocate: the resident's email address (this or the postal address).
    #[serde(default)]
    pub resident_email: Option<String>,
    /// Advocate: the resident's postal address.
    #[serde(default)]
    pub resident_address: Option<String>,
    #[serde(default)]
    pub relationship: Option<Relationship>,
    /// Words for the relationship when it is `other`.
    #[serde(default)]
    pub relationship_other: Option<String>,
    #[serde(default)]
    pub scope: Vec<Scope>,
    /// Resident: the case ids it covers; left out (or null) for all cases.
    #[serde(default)]
    pub case_ids: Option<Vec<String>>,
    /// The first day it no longer works; 12 months from today when left out.
    #[serde(default)]
    pub expires_on: Option<NaiveDate>,
    /// Advocate: the signed authorisation form (Form 703.c or the landlord's own),
    /// a PDF or a photo.
    #[serde(default)]
    pub evidence: Option<NewAttachment>,
}

/// What a valid request holds, whichever way it came.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidAuthorisation {
    pub relationship: Relationship,
    pub relationship_other: Option<String>,
    pub scope: Vec<Scope>,
    pub expires_on: NaiveDate,
    pub who: ValidParty,
}

/// The side that depends on who asks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ValidParty {
    /// The resident invites `advocate_email`; `case_ids` `None` for all cases.
    Invitation {
        advocate_email: String,
        case_ids: Option<Vec<String>>,
    },
    /// The advocate files the resident's signed form.
    SignedForm {
        resident_name: String,
        resident_email: Option<String>,
        resident_address: Option<String>,
        evidence: NewAttachment,
    },
}

impl NewAuthorisation {
    /// Checks an invitation from a resident (whose own email is `own_email`).
    pub fn validate_invitation(
        &self,
        today: NaiveDate,
        own_email: &str,
    ) -> Result<ValidAuthorisation, Vec<FieldError>> {
        let mut problems = Problems::new();
        let advocate_email = match self.advocate_email.as_deref().map(str::trim) {
            None | Some("") => {
                problems.add("advocate_email", messages::ADVOCATE_EMAIL_MISSING);
                None
            }
            Some(email) => match parse_email(email) {
                Ok(email) if email.eq_ignore_ascii_case(own_email.trim()) => {
                    problems.add("advocate_email", messages::ADVOCATE_IS_YOU);
                    None
                }
                parsed => problems.check("advocate_email", parsed),
            },
        };
        for (field, given) in [
            ("resident_name", &self.resident_name),
            ("resident_email", &self.resident_email),
            ("resident_address", &self.resident_address),
        ] {
            if given.as_deref().is_some_and(|v| !v.trim().is_empty()) {
                problems.add(field, messages::RESIDENT_DETAILS_NOT_FOR_RESIDENT);
            }
        }
        let relationship =
            self.check_relationship(&mut problems, messages::RELATIONSHIP_MISSING_RESIDENT);
        let scope = self.check_scope(&mut problems, messages::SCOPE_MISSING_RESIDENT);
        let case_ids = match &self.case_ids {
            None => None,
            Some(ids) => {
                let mut ids: Vec<String> = ids
                    .iter()
                    .map(|id| id.trim().to_owned())
                    .filter(|id| !id.is_empty())
                    .collect();
                ids.sort();
                ids.dedup();
                if ids.is_empty() {
                    problems.add("case_ids", messages::CASES_MISSING);
                }
                Some(ids)
            }
        };
        let expires_on = problems.check("expires_on", check_expiry(today, self.expires_on));
        if self.evidence.is_some() {
            problems.add("evidence", messages::EVIDENCE_NOT_FOR_RESIDENT);
        }
        problems.into_result()?;
        let (Some(advocate_email), Some((relationship, relationship_other)), Some(expires_on)) =
            (advocate_email, relationship, expires_on)
        else {
            unreachable!("every missing value was recorded as a problem");
        };
        Ok(ValidAuthorisation {
            relationship,
            relationship_other,
            scope,
            expires_on,
            who: ValidParty::Invitation {
                advocate_email,
                case_ids,
            },
        })
    }

    /// Checks a signed form filed by an advocate. The server also checks the
    /// file's content once decoded.
    pub fn validate_signed_form(
        &self,
        today: NaiveDate,
    ) -> Result<ValidAuthorisation, Vec<FieldError>> {
        let mut problems = Problems::new();
        if self
            .advocate_email
            .as_deref()
            .is_some_and(|v| !v.trim().is_empty())
        {
            problems.add("advocate_email", messages::ADVOCATE_EMAIL_NOT_FOR_ADVOCATE);
        }
        let resident_name = match self.resident_name.as_deref().map(str::trim) {
            None | Some("") => {
                problems.add("resident_name", messages::RESIDENT_NAME_MISSING);
                None
            }
            Some(name) => problems.check("resident_name", parse_name(name)),
        };
        let resident_email = match self.resident_email.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(email) => problems.check("resident_email", parse_email(email)),
        };
        let resident_address = match self.resident_address.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(address) if address.chars().count() > TEXT_MAX_CHARS => {
                problems.add("resident_address", messages::RESIDENT_ADDRESS_TOO_LONG);
                None
            }
            Some(address) => Some(address.to_owned()),
        };
        let email_given = self
            .resident_email
            .as_deref()
            .is_some_and(|e| !e.trim().is_empty());
        let address_given = self
            .resident_address
            .as_deref()
            .is_some_and(|a| !a.trim().is_empty());
        if !email_given && !address_given {
            problems.add("resident_email", messages::RESIDENT_CONTACT_MISSING);
        }
        let relationship =
            self.check_relationship(&mut problems, messages::RELATIONSHIP_MISSING_ADVOCATE);
        let scope = self.check_scope(&mut problems, messages::SCOPE_MISSING_ADVOCATE);
        if self.case_ids.is_some() {
            problems.add("case_ids", messages::CASES_NOT_FOR_FORM);
        }
        let expires_on = problems.check("expires_on", check_expiry(today, self.expires_on));
        let evidence = match &self.evidence {
            None => {
                problems.add("evidence", messages::EVIDENCE_MISSING);
                None
            }
            Some(file) => problems
                .check("evidence", check_evidence(file))
                .map(|_| file.clone()),
        };
        problems.into_result()?;
        let (
            Some(resident_name),
            Some((relationship, relationship_other)),
            Some(expires_on),
            Some(evidence),
        ) = (resident_name, relationship, expires_on, evidence)
        else {
            unreachable!("every missing value was recorded as a problem");
        };
        Ok(ValidAuthorisation {
            relationship,
            relationship_other,
            scope,
            expires_on,
            who: ValidParty::SignedForm {
                resident_name,
                resident_email,
                resident_address,
                evidence,
            },
        })
    }

    fn check_relationship(
        &self,
        problems: &mut Problems,
        missing: &str,
    ) -> Option<(Relationship, Option<String>)> {
        let Some(relationship) = self.relationship else {
            problems.add("relationship", missing);
            return None;
        };
        let other = self
            .relationship_other
            .as_deref()
            .map(str::trim)
            .unwrap_or("");
        if relationship != Relationship::Other {
            return Some((relationship, None));
        }
        if other.is_empty() {
            problems.add("relationship_other", messages::RELATIONSHIP_OTHER_MISSING);
            None
        } else if other.chars().count() > TEXT_MAX_CHARS {
            problems.add("relationship_other", messages::RELATIONSHIP_OTHER_TOO_LONG);
            None
        } else {
            Some((relationship, Some(other.to_owned())))
        }
    }

    fn check_scope(&self, problems: &mut Problems, missing: &str) -> Vec<Scope> {
        let mut scope = self.scope.clone();
        scope.sort();
        scope.dedup();
        if scope.is_empty() {
            problems.add("scope", missing);
        }
        scope
    }
}

/// The expiry date: the one given, which must be after today and no later than
/// 24 months on, or 12 months from today.
pub fn check_expiry(today: NaiveDate, given: Option<NaiveDate>) -> Result<NaiveDate, String> {
    match given {
        None => Ok(default_expiry(today)),
        Some(date) if date <= today => Err(messages::EXPIRY_NOT_IN_FUTURE.into()),
        Some(date) if date > latest_expiry(today) => Err(messages::EXPIRY_TOO_LATE.into()),
        Some(date) => Ok(date),
    }
}

/// The declared type and the encoded size of the signed form. The server
/// decodes it and checks its content with
/// [`crate::api::cases::sniff_content_type`] too.
pub fn check_evidence(file: &NewAttachment) -> Result<(), String> {
    if !ATTACHMENT_TYPES.contains(&file.content_type.as_str()) {
        Err(case_messages::FILE_TYPE.into())
    } else if file.data_base64.trim().is_empty() {
        Err(case_messages::FILE_EMPTY.into())
    } else if file.data_base64.len() / 4 * 3 > ATTACHMENT_MAX_BYTES + 2 {
        Err(case_messages::FILE_TOO_BIG.into())
    } else {
        Ok(())
    }
}

/// `POST /api/v1/authorisations/{id}/verification` (staff).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Verification {
    pub decision: Option<Decision>,
    /// Required to reject: the advocate reads it.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schemars(length(max = 500)))]
    pub reason: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Decision {
    Verify,
    Reject,
}

impl Verification {
    /// The decision, with the reason (trimmed) that a rejection must give.
    pub fn validate(&self) -> Result<(Decision, Option<String>), Vec<FieldError>> {
        let mut problems = Problems::new();
        let reason = self
            .reason
            .as_deref()
            .map(str::trim)
            .filter(|r| !r.is_empty())
            .map(str::to_owned);
        if reason
            .as_ref()
            .is_some_and(|r| r.chars().count() > TEXT_MAX_CHARS)
        {
            problems.add("reason", messages::REASON_TOO_LONG);
        }
        match self.decision {
            None => problems.add("decision", messages::DECISION_MISSING),
            Some(Decision::Reject) if reason.is_none() => {
                problems.add("reason", messages::REASON_MISSING)
            }
            Some(_) => {}
        }
        problems.into_result()?;
        Ok((self.decision.expect("checked above"), reason))
    }
}

/// Someone named on an authorisation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
pub struct Party {
    pub name: String,
    pub email: Option<String>,
}

/// An authorisation as its resident, its advocate or a caseworker sees it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
pub struct AuthorisationView {
    pub id: String,
    pub kind: Kind,
    /// Worked out today: `expired` from the expiry date on.
    pub status: Status,
    pub relationship: Relationship,
    pub relationship_other: Option<String>,
    pub scope: Vec<Scope>,
    /// `None`: all the resident's cases.
    pub case_ids: Option<Vec<String>>,
    pub expires_on: NaiveDate,
    pub resident: Party,
    /// Advocate filing only: the resident's postal address as given.
    pub resident_address: Option<String>,
    /// The advocate, once they have accepted (or filed the form).
    pub advocate: Option<Party>,
    /// Invitation only: where it was sent.
    pub invite_email: Option<String>,
    /// The signed form, without its content (`GET …/evidence` has that).
    pub evidence: Option<AttachmentInfo>,
    pub created_at: DateTime<Utc>,
    pub accepted_at: Option<DateTime<Utc>>,
    pub verified_at: Option<DateTime<Utc>>,
    pub revoked_at: Option<DateTime<Utc>>,
    pub rejected_reason: Option<String>,
    /// What the caller may do with it now.
    pub can_accept: bool,
    pub can_revoke: bool,
    pub can_verify: bool,
}

/// `GET /api/v1/authorisations?status=…`: staff filter by status.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
pub struct AuthorisationFilter {
    #[serde(default)]
    pub status: Option<Status>,
}

/// One resident on the advocate's home page, `GET /api/v1/advocate/residents`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
pub struct ActingFor {
    pub authorisation: AuthorisationView,
    /// The resident's cases this authorisation lets the advocate see today.
    pub cases: Vec<CaseSummary>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 3, 2).unwrap()
    }

    fn invitation() -> NewAuthorisation {
        NewAuthorisation {
            advocate_email: Some(" Helper@Example.com ".into()),
            relationship: Some(Relationship::Relative),
            scope: vec![Scope::ViewCases, Scope::RaiseComplaints, Scope::ViewCases],
            ..Default::default()
        }
    }

    fn pdf() -> NewAttachment {
        NewAttachment {
            filename: "form-703c.pdf".into(),
            content_type: "application/pdf".into(),
            data_base64: "JVBERi0xLjcK".into(),
        }
    }

    fn signed_form() -> NewAuthorisation {
        NewAuthorisation {
            resident_name: Some("Mrs Edith Jones".into()),
            resident_address: Some("1 High Street, Oldtown".into()),
            relationship: Some(Relationship::SupportWorker),
            scope: vec![Scope::RaiseComplaints],
            evidence: Some(pdf()),
            ..Default::default()
        }
    }

    fn fields(errors: Vec<FieldError>) -> Vec<String> {
        errors.into_iter().map(|e| e.field).collect()
    }

    #[test]
    fn a_complete_invitation_is_valid_and_lasts_twelve_months() {
        let valid = invitation()
            .validate_invitation(today(), "me@example.com")
            .unwrap();
        assert_eq!(
            valid.expires_on,
            NaiveDate::from_ymd_opt(2027, 3, 2).unwrap()
        );
        assert_eq!(valid.scope, [Scope::ViewCases, Scope::RaiseComplaints]);
        assert_eq!(
            valid.who,
            ValidParty::Invitation {
                advocate_email: "helper@example.com".into(),
                case_ids: None
            }
        );
    }

    #[test]
    fn an_empty_invitation_names_every_missing_answer() {
        let errors = NewAuthorisation::default()
            .validate_invitation(today(), "me@example.com")
            .unwrap_err();
        assert_eq!(fields(errors), ["advocate_email", "relationship", "scope"]);
    }

    #[test]
    fn a_resident_cannot_invite_themselves() {
        let own = NewAuthorisation {
            advocate_email: Some("ME@example.com".into()),
            ..invitation()
        };
        let errors = own
            .validate_invitation(today(), "me@example.com")
            .unwrap_err();
        assert_eq!(errors[0].message, messages::ADVOCATE_IS_YOU);
    }

    #[test]
    fn an_empty_list_of_cases_is_refused_but_no_list_means_all() {
        let none = NewAuthorisation {
            case_ids: Some(vec![" ".into()]),
            ..invitation()
        };
        assert_eq!(
            fields(
                none.validate_invitation(today(), "me@example.com")
                    .unwrap_err()
            ),
            ["case_ids"]
        );
    }

    #[test]
    fn other_relationships_need_words() {
        let other = NewAuthorisation {
            relationship: Some(Relationship::Other),
            ..invitation()
        };
        let errors = other
            .validate_invitation(today(), "me@example.com")
            .unwrap_err();
        assert_eq!(errors[0].message, messages::RELATIONSHIP_OTHER_MISSING);
    }

    #[test]
    fn the_expiry_must_be_after_today_and_within_twenty_four_months() {
        let day = |y, m, d| Some(NaiveDate::from_ymd_opt(y, m, d).unwrap());
        assert_eq!(
            check_expiry(today(), day(2026, 3, 2)),
            Err(messages::EXPIRY_NOT_IN_FUTURE.into())
        );
        assert_eq!(
            check_expiry(today(), day(2026, 3, 3)),
            Ok(day(2026, 3, 3).unwrap())
        );
        assert_eq!(
            check_expiry(today(), day(2028, 3, 2)),
            Ok(day(2028, 3, 2).unwrap())
        );
        assert_eq!(
            check_expiry(today(), day(2028, 3, 3)),
            Err(messages::EXPIRY_TOO_LATE.into())
        );
    }

    #[test]
    fn a_complete_signed_form_is_valid() {
        let valid = signed_form().validate_signed_form(today()).unwrap();
        assert!(matches!(valid.who, ValidParty::SignedForm { .. }));
    }

    #[test]
    fn a_signed_form_needs_the_residents_name_a_way_to_reach_them_and_the_file() {
        let errors = NewAuthorisation {
            resident_name: None,
            resident_address: None,
            evidence: None,
            ..signed_form()
        }
        .validate_signed_form(today())
        .unwrap_err();
        assert_eq!(
            fields(errors),
            ["resident_name", "resident_email", "evidence"]
        );
    }

    #[test]
    fn a_signed_form_of_another_type_is_refused() {
        let exe = NewAuthorisation {
            evidence: Some(NewAttachment {
                content_type: "application/x-msdownload".into(),
                ..pdf()
            }),
            ..signed_form()
        };
        let errors = exe.validate_signed_form(today()).unwrap_err();
        assert_eq!(errors[0].message, case_messages::FILE_TYPE);
    }

    #[test]
    fn a_signed_form_covers_all_cases() {
        let named = NewAuthorisation {
            case_ids: Some(vec!["c1".into()]),
            ..signed_form()
        };
        assert_eq!(
            fields(named.validate_signed_form(today()).unwrap_err()),
            ["case_ids"]
        );
    }

    #[test]
    fn a_rejection_needs_a_reason() {
        let reject = Verification {
            decision: Some(Decision::Reject),
            reason: Some("  ".into()),
        };
        assert_eq!(fields(reject.validate().unwrap_err()), ["reason"]);
        let verify = Verification {
            decision: Some(Decision::Verify),
            reason: None,
        };
        assert_eq!(verify.validate(), Ok((Decision::Verify, None)));
        let nothing = Verification {
            decision: None,
            reason: None,
        };
        assert_eq!(fields(nothing.validate().unwrap_err()), ["decision"]);
    }
}
