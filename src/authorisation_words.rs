//! Authorisations as residents, advocates and caseworkers read them, and the
//! three forms kept on the device as they are filled in: a resident inviting
//! an advocate, an advocate filing a resident's signed form, and an advocate
//! raising a complaint for a resident.
//!
//! Pure, so tested natively. Every check ends in the shared rules of
//! `crates/domain` (`NewAuthorisation::validate_*`, `NewCase::validate`), so
//! the app says exactly what the server would.

use chrono::{Datelike, NaiveDate};
use domain::api::authorisations::{check_expiry, AuthorisationView, NewAuthorisation};
use domain::api::cases::{NewAttachment, NewCase};
use domain::authorisation::{default_expiry, Kind, Relationship, Scope, Status};
use domain::case::CaseKind;
use domain::policy::Policy;
use domain::validation::FieldError;
use serde::{Deserialize, Serialize};

use crate::date_input::DateParts;
use crate::format::date;
use crate::i18n::{n_, t, tf};

/// How the expiry question names its date in messages.
pub const EXPIRY_WHAT: &str = n_("the date it ends");
/// How the complaint form names its date in messages.
pub const STARTED_WHAT: &str = n_("the date the problem started");
/// The "which complaints" answer meaning all of them.
pub const ALL_CASES: &str = "all";
/// The "which complaints" answer meaning only those ticked.
pub const SOME_CASES: &str = "some";

/// The device storage key of a resident's invitation draft.
pub fn invite_key(user_id: &str) -> String {
    format!("invite_draft.{user_id}")
}
/// The device storage key of an advocate's signed-form draft.
pub fn signed_form_key(user_id: &str) -> String {
    format!("signed_form_draft.{user_id}")
}
/// The device storage key of the signed form's file (kept apart: it is large).
pub fn signed_form_file_key(user_id: &str) -> String {
    format!("signed_form_file.{user_id}")
}
/// The device storage key of an advocate's complaint draft for one authorisation.
pub fn on_behalf_key(user_id: &str, authorisation_id: &str) -> String {
    format!("on_behalf_draft.{user_id}.{authorisation_id}")
}

// ---------------------------------------------------------------------------
// Words

/// The status in words, and the tag's colour class.
pub fn status_tag(status: Status, kind: Kind) -> (&'static str, &'static str) {
    match (status, kind) {
        (Status::Active, _) => (t("Active"), "app-tag--green"),
        (Status::Pending, Kind::Invitation) => (t("Waiting to be accepted"), "app-tag--yellow"),
        (Status::Pending, Kind::SignedForm) => (t("Form waiting to be checked"), "app-tag--yellow"),
        (Status::Expired, _) => (t("Expired"), "app-tag--grey"),
        (Status::Revoked, _) => (t("Stopped"), "app-tag--grey"),
        (Status::Rejected, _) => (t("Form not accepted"), "app-tag--red"),
    }
}

/// What a scope lets an advocate do, in words for the advocate and for
/// caseworkers (the resident reads [`Scope::label`], which says "your").
pub fn scope_for_advocate(scope: Scope) -> &'static str {
    match scope {
        Scope::ViewCases => t("See their complaints and the replies"),
        Scope::RaiseComplaints => {
            t("Make complaints for them, add information to them, and say if they are happy with the answer")
        }
        Scope::RequestEscalation => t("Ask for a review or a panel"),
        Scope::WithdrawComplaints => t("Withdraw their complaints"),
        Scope::SeeAdjustments => t("See the reasonable adjustments and support they have asked for"),
    }
}

/// What a scope lets an advocate do, in words for the resident: the words of
/// [`Scope::label`], in the resident's language.
pub fn scope_for_resident(scope: Scope) -> &'static str {
    match scope {
        Scope::ViewCases => t("See your complaints and our replies"),
        Scope::RaiseComplaints => {
            t("Make complaints for you, add information to them, and tell us if you are happy with our answer")
        }
        Scope::RequestEscalation => t("Ask for your complaint to go to the next stage"),
        Scope::WithdrawComplaints => t("Withdraw your complaints"),
        Scope::SeeAdjustments => t("See the reasonable adjustments and support you have asked for"),
    }
}

/// Who the advocate is to the resident: the words of [`Relationship::label`],
/// in the reader's language.
pub fn relationship_label(relationship: Relationship) -> &'static str {
    match relationship {
        Relationship::Relative => t("Relative"),
        Relationship::Friend => t("Friend"),
        Relationship::SupportWorker => t("Support worker"),
        Relationship::Councillor => t("Councillor"),
        Relationship::MpCaseworker => t("MP's caseworker"),
        Relationship::CitizensAdvice => t("Citizens Advice"),
        Relationship::Other => t("Other"),
    }
}

/// Who the advocate is to the resident: the label, or their own words for "Other".
pub fn relationship_words(view: &AuthorisationView) -> String {
    match (&view.relationship, &view.relationship_other) {
        (Relationship::Other, Some(words)) if !words.trim().is_empty() => words.clone(),
        (relationship, _) => relationship_label(*relationship).to_owned(),
    }
}

/// The advocate as the resident knows them: their name (and email) once they
/// have accepted, or the address the invitation went to.
pub fn advocate_words(view: &AuthorisationView) -> String {
    match (&view.advocate, &view.invite_email) {
        (Some(advocate), _) => match &advocate.email {
            Some(email) => format!("{} ({email})", advocate.name),
            None => advocate.name.clone(),
        },
        (None, Some(email)) => email.clone(),
        (None, None) => t("Someone").to_owned(),
    }
}

/// Which complaints it covers: all, or the references of those named
/// (`references` maps case ids to references where the reader knows them).
pub fn cases_words(view: &AuthorisationView, references: &[(String, String)]) -> String {
    match &view.case_ids {
        None => t("All complaints, including new ones").to_owned(),
        Some(ids) => {
            let named: Vec<String> = ids
                .iter()
                .map(|id| {
                    references.iter().find(|(case, _)| case == id).map_or_else(
                        || t("a complaint").to_owned(),
                        |(_, reference)| reference.clone(),
                    )
                })
                .collect();
            match named.len() {
                0 => t("No complaints").to_owned(),
                _ => named.join(", "),
            }
        }
    }
}

/// When it ends, in words that fit its status.
pub fn expiry_words(view: &AuthorisationView) -> String {
    match view.status {
        Status::Expired => tf("Ended on {date}", &[("date", &date(view.expires_on))]),
        Status::Revoked | Status::Rejected => tf(
            "Would have ended on {date}",
            &[("date", &date(view.expires_on))],
        ),
        Status::Pending | Status::Active => {
            tf("Ends on {date}", &[("date", &date(view.expires_on))])
        }
    }
}

/// Whether an advocate may use it now to raise a complaint.
pub fn can_raise(view: &AuthorisationView) -> bool {
    view.scope.contains(&Scope::RaiseComplaints)
        && (view.status == Status::Active
            || (view.status == Status::Pending && view.kind == Kind::SignedForm))
}

// ---------------------------------------------------------------------------
// Dates

/// A date as the three boxes show it.
pub fn date_parts(day: NaiveDate) -> DateParts {
    DateParts {
        day: day.day().to_string(),
        month: day.month().to_string(),
        year: day.year().to_string(),
    }
}

/// The expiry date typed: a real date, after today and within 24 months (the
/// shared messages). Left empty, it is 12 months from today.
pub fn read_expiry(parts: &DateParts, today: NaiveDate) -> Result<NaiveDate, String> {
    if parts.is_empty() {
        return check_expiry(today, None);
    }
    let day = parts.parse(t(EXPIRY_WHAT), NaiveDate::MAX)?;
    check_expiry(today, Some(day))
}

/// The page order of the authorisation fields, for the error summary.
const FIELD_ORDER: [&str; 11] = [
    "advocate_email",
    "resident_name",
    "resident_email",
    "resident_address",
    "relationship",
    "relationship_other",
    "scope",
    "case_ids",
    "expires_on",
    "evidence",
    "",
];

fn in_page_order(mut errors: Vec<FieldError>) -> Vec<FieldError> {
    let rank = |field: &str| {
        FIELD_ORDER
            .iter()
            .position(|f| *f == field)
            .unwrap_or(FIELD_ORDER.len())
    };
    errors.sort_by_key(|e| rank(&e.field));
    errors
}

/// Puts a date error of ours in place of the rules' own for that field.
fn with_date_error(
    mut errors: Vec<FieldError>,
    field: &str,
    error: Option<String>,
) -> Vec<FieldError> {
    if let Some(message) = error {
        errors.retain(|e| e.field != field);
        errors.push(FieldError::new(field, message));
    }
    errors
}

fn text(value: &str) -> Option<String> {
    let value = value.trim();
    (!value.is_empty()).then(|| value.to_owned())
}

// ---------------------------------------------------------------------------
// A resident invites an advocate

/// "Let someone act for you", as the resident fills it in.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct InviteDraft {
    pub advocate_email: String,
    /// A [`Relationship`] value, or empty.
    pub relationship: String,
    pub relationship_other: String,
    pub scope: Vec<Scope>,
    /// [`ALL_CASES`], [`SOME_CASES`], or empty.
    pub which_cases: String,
    pub case_ids: Vec<String>,
    pub expires_on: DateParts,
}

impl InviteDraft {
    /// A new form: it ends 12 months from today unless the resident changes it.
    pub fn new(today: NaiveDate) -> Self {
        Self {
            expires_on: date_parts(default_expiry(today)),
            ..Self::default()
        }
    }

    /// The request to send, or every problem in page order.
    pub fn request(
        &self,
        today: NaiveDate,
        own_email: &str,
    ) -> Result<NewAuthorisation, Vec<FieldError>> {
        let expiry = read_expiry(&self.expires_on, today);
        let case_ids = match self.which_cases.as_str() {
            ALL_CASES => None,
            _ => Some(self.case_ids.clone()),
        };
        let request = NewAuthorisation {
            advocate_email: text(&self.advocate_email),
            relationship: Relationship::parse(&self.relationship),
            relationship_other: text(&self.relationship_other)
                .filter(|_| self.relationship == Relationship::Other.as_str()),
            scope: self.scope.clone(),
            case_ids,
            expires_on: expiry.as_ref().ok().copied(),
            ..NewAuthorisation::default()
        };
        let errors = request
            .validate_invitation(today, own_email)
            .err()
            .unwrap_or_default();
        let errors = with_date_error(errors, "expires_on", expiry.err());
        if errors.is_empty() {
            Ok(request)
        } else {
            Err(in_page_order(errors))
        }
    }
}

// ---------------------------------------------------------------------------
// An advocate files a resident's signed form

/// "Act for someone who cannot use this service", as the advocate fills it in.
/// The file is kept apart (see [`signed_form_file_key`]).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SignedFormDraft {
    pub resident_name: String,
    pub resident_email: String,
    pub resident_address: String,
    pub relationship: String,
    pub relationship_other: String,
    pub scope: Vec<Scope>,
    pub expires_on: DateParts,
}

impl SignedFormDraft {
    pub fn new(today: NaiveDate) -> Self {
        Self {
            expires_on: date_parts(default_expiry(today)),
            ..Self::default()
        }
    }

    /// The request to send with the signed form `evidence`, or every problem
    /// in page order.
    pub fn request(
        &self,
        today: NaiveDate,
        evidence: Option<NewAttachment>,
    ) -> Result<NewAuthorisation, Vec<FieldError>> {
        let expiry = read_expiry(&self.expires_on, today);
        let request = NewAuthorisation {
            resident_name: text(&self.resident_name),
            resident_email: text(&self.resident_email),
            resident_address: text(&self.resident_address),
            relationship: Relationship::parse(&self.relationship),
            relationship_other: text(&self.relationship_other)
                .filter(|_| self.relationship == Relationship::Other.as_str()),
            scope: self.scope.clone(),
            expires_on: expiry.as_ref().ok().copied(),
            evidence,
            ..NewAuthorisation::default()
        };
        let errors = request
            .validate_signed_form(today)
            .err()
            .unwrap_or_default();
        let errors = with_date_error(errors, "expires_on", expiry.err());
        if errors.is_empty() {
            Ok(request)
        } else {
            Err(in_page_order(errors))
        }
    }
}

// ---------------------------------------------------------------------------
// An advocate raises a complaint for a resident

/// A complaint an advocate writes for a resident, on one page.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct OnBehalfDraft {
    pub category: String,
    pub details: String,
    pub started_on: DateParts,
    pub desired_outcome: String,
    /// The advocate read what screening said and the resident still wants to complain.
    pub insist: bool,
    /// One key from the start until the server confirms, so a retry never
    /// makes a second case.
    pub idempotency_key: Option<String>,
}

const COMPLAINT_ORDER: [&str; 6] = [
    "category",
    "details",
    "started_on",
    "desired_outcome",
    "screening",
    "",
];

impl OnBehalfDraft {
    pub fn new(idempotency_key: String) -> Self {
        Self {
            idempotency_key: Some(idempotency_key),
            ..Self::default()
        }
    }

    pub fn has_answers(&self) -> bool {
        !self.category.is_empty()
            || !self.details.trim().is_empty()
            || !self.started_on.is_empty()
            || !self.desired_outcome.trim().is_empty()
    }

    /// The complaint to send under the authorisation `on_behalf_of`, or every
    /// problem in page order.
    pub fn new_case(
        &self,
        policy: &Policy,
        today: NaiveDate,
        on_behalf_of: &str,
    ) -> Result<NewCase, Vec<FieldError>> {
        let started = self.started_on.parse(t(STARTED_WHAT), today);
        let case = NewCase {
            kind: CaseKind::Complaint,
            category: text(&self.category),
            details: self.details.trim().to_owned(),
            started_on: started.as_ref().ok().copied(),
            desired_outcome: text(&self.desired_outcome),
            contact_channel: None,
            contact_phone: None,
            attachments: Vec::new(),
            insist: self.insist,
            time_limit_reason: None,
            on_behalf_of: Some(on_behalf_of.to_owned()),
            in_confidence: false,
        };
        let errors = case.validate(policy, today).err().unwrap_or_default();
        let mut errors = with_date_error(errors, "started_on", started.err());
        if errors.is_empty() {
            return Ok(case);
        }
        let rank = |field: &str| {
            COMPLAINT_ORDER
                .iter()
                .position(|f| *f == field)
                .unwrap_or(COMPLAINT_ORDER.len())
        };
        errors.sort_by_key(|e| rank(&e.field));
        Err(errors)
    }
}

/// The message the server sends when screening has something to say and the
/// complaint was sent without `insist`.
pub fn needs_insist(errors: &[FieldError]) -> bool {
    errors.iter().any(|e| e.field == "screening")
}

#[cfg(test)]
mod tests {
    use super::*;
    use domain::api::authorisations::{messages, Party};
    use domain::api::cases::messages as case_messages;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, 18).unwrap()
    }

    fn policy() -> Policy {
        Policy::preset("code-2024")
            .expect("the default preset")
            .effective()
    }

    fn fields(errors: &[FieldError]) -> Vec<&str> {
        errors.iter().map(|e| e.field.as_str()).collect()
    }

    fn view() -> AuthorisationView {
        AuthorisationView {
            id: "a1".into(),
            kind: Kind::Invitation,
            status: Status::Active,
            relationship: Relationship::Relative,
            relationship_other: None,
            scope: vec![Scope::ViewCases, Scope::RaiseComplaints],
            case_ids: None,
            expires_on: NaiveDate::from_ymd_opt(2027, 12, 18).unwrap(),
            resident: Party {
                name: "Rosa Resident".into(),
                email: None,
            },
            resident_address: None,
            advocate: Some(Party {
                name: "Adam Advocate".into(),
                email: Some("adam@example.com".into()),
            }),
            invite_email: Some("adam@example.com".into()),
            evidence: None,
            created_at: chrono::DateTime::from_timestamp(0, 0).unwrap(),
            accepted_at: None,
            verified_at: None,
            revoked_at: None,
            rejected_reason: None,
            can_accept: false,
            can_revoke: true,
            can_verify: false,
        }
    }

    fn pdf() -> NewAttachment {
        NewAttachment {
            filename: "form.pdf".into(),
            content_type: "application/pdf".into(),
            data_base64: "JVBERi0xLjQK".into(),
        }
    }

    #[test]
    fn every_status_has_words_and_a_colour() {
        for status in Status::ALL {
            for kind in [Kind::Invitation, Kind::SignedForm] {
                let (words, class) = status_tag(status, kind);
                assert!(!words.is_empty() && class.starts_with("app-tag--"));
            }
        }
        assert_eq!(
            status_tag(Status::Pending, Kind::SignedForm).0,
            "Form waiting to be checked"
        );
    }

    #[test]
    fn the_resident_reads_the_domain_words_for_scopes_and_relationships() {
        for scope in Scope::ALL {
            assert_eq!(scope_for_resident(scope), scope.label());
        }
        for relationship in Relationship::ALL {
            assert_eq!(relationship_label(relationship), relationship.label());
        }
    }

    #[test]
    fn the_advocate_is_named_once_they_accept_and_by_email_before() {
        assert_eq!(advocate_words(&view()), "Adam Advocate (adam@example.com)");
        let invited = AuthorisationView {
            advocate: None,
            ..view()
        };
        assert_eq!(advocate_words(&invited), "adam@example.com");
    }

    #[test]
    fn other_relationships_show_the_words_given() {
        let other = AuthorisationView {
            relationship: Relationship::Other,
            relationship_other: Some("Neighbour".into()),
            ..view()
        };
        assert_eq!(relationship_words(&other), "Neighbour");
        assert_eq!(relationship_words(&view()), "Relative");
    }

    #[test]
    fn named_cases_show_their_references() {
        let named = AuthorisationView {
            case_ids: Some(vec!["c1".into(), "c2".into()]),
            ..view()
        };
        let refs = vec![("c1".to_owned(), "PIR-1".to_owned())];
        assert_eq!(cases_words(&named, &refs), "PIR-1, a complaint");
        assert_eq!(
            cases_words(&view(), &refs),
            "All complaints, including new ones"
        );
    }

    #[test]
    fn expiry_words_fit_the_status() {
        assert_eq!(expiry_words(&view()), "Ends on 18 December 2027");
        let expired = AuthorisationView {
            status: Status::Expired,
            ..view()
        };
        assert_eq!(expiry_words(&expired), "Ended on 18 December 2027");
    }

    #[test]
    fn a_pending_signed_form_can_already_raise_a_complaint_but_an_invitation_cannot() {
        assert!(can_raise(&view()));
        let form = AuthorisationView {
            kind: Kind::SignedForm,
            status: Status::Pending,
            ..view()
        };
        assert!(can_raise(&form));
        let invitation = AuthorisationView {
            status: Status::Pending,
            ..view()
        };
        assert!(!can_raise(&invitation));
        let no_scope = AuthorisationView {
            scope: vec![Scope::ViewCases],
            ..view()
        };
        assert!(!can_raise(&no_scope));
    }

    #[test]
    fn an_empty_expiry_is_twelve_months_and_a_typed_one_is_checked() {
        assert_eq!(
            read_expiry(&DateParts::default(), today()),
            Ok(default_expiry(today()))
        );
        let parts = |d: &str, m: &str, y: &str| DateParts {
            day: d.into(),
            month: m.into(),
            year: y.into(),
        };
        assert_eq!(
            read_expiry(&parts("18", "12", "2026"), today()),
            Err(messages::EXPIRY_NOT_IN_FUTURE.into())
        );
        assert_eq!(
            read_expiry(&parts("19", "12", "2028"), today()),
            Err(messages::EXPIRY_TOO_LATE.into())
        );
        assert_eq!(
            read_expiry(&parts("31", "2", "2027"), today()),
            Err("The date it ends must be a real date".into())
        );
        assert_eq!(
            read_expiry(&parts("1", "", "2027"), today()),
            Err("The date it ends must include a month".into())
        );
        assert_eq!(
            read_expiry(&parts("1", "6", "2027"), today()),
            Ok(NaiveDate::from_ymd_opt(2027, 6, 1).unwrap())
        );
    }

    #[test]
    fn a_new_invitation_ends_in_twelve_months() {
        let draft = InviteDraft::new(today());
        assert_eq!(
            draft.expires_on,
            date_parts(NaiveDate::from_ymd_opt(2027, 12, 18).unwrap())
        );
    }

    #[test]
    fn an_empty_invitation_names_every_missing_answer_in_page_order() {
        let errors = InviteDraft::new(today())
            .request(today(), "me@example.com")
            .unwrap_err();
        assert_eq!(
            fields(&errors),
            ["advocate_email", "relationship", "scope", "case_ids"]
        );
        assert_eq!(errors[0].message, messages::ADVOCATE_EMAIL_MISSING);
        assert_eq!(errors[3].message, messages::CASES_MISSING);
    }

    #[test]
    fn a_complete_invitation_for_all_cases_sends_no_list() {
        let draft = InviteDraft {
            advocate_email: " Helper@Example.com ".into(),
            relationship: "relative".into(),
            scope: vec![Scope::ViewCases],
            which_cases: ALL_CASES.into(),
            case_ids: vec!["ignored".into()],
            ..InviteDraft::new(today())
        };
        let request = draft.request(today(), "me@example.com").unwrap();
        assert_eq!(request.case_ids, None);
        assert_eq!(
            request.advocate_email.as_deref(),
            Some("Helper@Example.com")
        );
        assert_eq!(request.expires_on, Some(default_expiry(today())));
    }

    #[test]
    fn some_cases_with_none_ticked_is_refused() {
        let draft = InviteDraft {
            advocate_email: "helper@example.com".into(),
            relationship: "friend".into(),
            scope: vec![Scope::ViewCases],
            which_cases: SOME_CASES.into(),
            ..InviteDraft::new(today())
        };
        let errors = draft.request(today(), "me@example.com").unwrap_err();
        assert_eq!(fields(&errors), ["case_ids"]);
    }

    #[test]
    fn a_bad_expiry_date_is_reported_once_with_our_words() {
        let draft = InviteDraft {
            advocate_email: "helper@example.com".into(),
            relationship: "other".into(),
            scope: vec![Scope::ViewCases],
            which_cases: ALL_CASES.into(),
            expires_on: DateParts {
                day: "40".into(),
                month: "1".into(),
                year: "2027".into(),
            },
            ..InviteDraft::default()
        };
        let errors = draft.request(today(), "me@example.com").unwrap_err();
        assert_eq!(fields(&errors), ["relationship_other", "expires_on"]);
        assert_eq!(errors[1].message, "The date it ends must be a real date");
    }

    #[test]
    fn a_signed_form_needs_a_name_a_way_to_reach_the_resident_and_the_file() {
        let errors = SignedFormDraft::new(today())
            .request(today(), None)
            .unwrap_err();
        assert_eq!(
            fields(&errors),
            [
                "resident_name",
                "resident_email",
                "relationship",
                "scope",
                "evidence"
            ]
        );
        assert_eq!(errors[1].message, messages::RESIDENT_CONTACT_MISSING);
        assert_eq!(errors[4].message, messages::EVIDENCE_MISSING);
    }

    #[test]
    fn a_complete_signed_form_is_sent_with_its_file() {
        let draft = SignedFormDraft {
            resident_name: "Edith Jones".into(),
            resident_address: "1 High Street, Oldtown".into(),
            relationship: "support_worker".into(),
            relationship_other: "kept only for other".into(),
            scope: vec![Scope::RaiseComplaints, Scope::ViewCases],
            ..SignedFormDraft::new(today())
        };
        let request = draft.request(today(), Some(pdf())).unwrap();
        assert_eq!(request.relationship_other, None);
        assert_eq!(request.resident_email, None);
        assert_eq!(request.evidence, Some(pdf()));
    }

    #[test]
    fn a_signed_form_of_another_type_is_refused_with_the_shared_message() {
        let draft = SignedFormDraft {
            resident_name: "Edith Jones".into(),
            resident_email: "edith@example.com".into(),
            relationship: "friend".into(),
            scope: vec![Scope::RaiseComplaints],
            ..SignedFormDraft::new(today())
        };
        let exe = NewAttachment {
            content_type: "application/x-msdownload".into(),
            ..pdf()
        };
        let errors = draft.request(today(), Some(exe)).unwrap_err();
        assert_eq!(errors[0].message, case_messages::FILE_TYPE);
    }

    #[test]
    fn a_complaint_for_someone_else_names_the_authorisation() {
        let policy = policy();
        let draft = OnBehalfDraft {
            category: "communication".into(),
            details: "The boiler has been broken for a month.".into(),
            started_on: DateParts {
                day: "2".into(),
                month: "11".into(),
                year: "2026".into(),
            },
            desired_outcome: "Fix it.".into(),
            ..OnBehalfDraft::new("key".into())
        };
        let case = draft.new_case(&policy, today(), "auth-1").unwrap();
        assert_eq!(case.on_behalf_of.as_deref(), Some("auth-1"));
        assert_eq!(case.kind, CaseKind::Complaint);
    }

    #[test]
    fn an_empty_complaint_for_someone_else_names_every_question() {
        let errors = OnBehalfDraft::default()
            .new_case(&policy(), today(), "a")
            .unwrap_err();
        assert_eq!(
            fields(&errors),
            ["category", "details", "started_on", "desired_outcome"]
        );
        assert_eq!(errors[2].message, "Enter the date the problem started");
        assert!(needs_insist(&[FieldError::new("screening", "x")]));
    }
}
