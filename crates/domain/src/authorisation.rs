//! Authorisations: a resident's authority for an advocate to act for them, and
//! the one rule that says what it permits on a given day.
//!
//! Anyone may complain for a resident with the resident's authority (seed 000
//! section 5 and its Form 703.c, "Disclosure of information authorisation form";
//! seed 002 8.4; seed 004). An authorisation comes about in one of two ways:
//!
//! - an [`Kind::Invitation`]: the resident, signed in, names an advocate by
//!   email; it is in force once the advocate accepts;
//! - a [`Kind::SignedForm`]: the advocate, for a resident who cannot use the
//!   portal, uploads the signed form; it is in force once a caseworker has
//!   verified the form. Until then the advocate may raise complaints under it
//!   and follow only the cases they raised under it.
//!
//! Nothing is stored about expiry: [`Authorisation::status`] derives it from
//! the date every time it is asked, so an authorisation stops working on its
//! expiry date without any job having run.

use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};

/// How long an authorisation lasts when the form does not say.
pub const DEFAULT_MONTHS: u32 = 12;
/// The longest an authorisation may last, counted from the day it is given.
pub const MAX_MONTHS: u32 = 24;

/// What an advocate may do for the resident.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Scope {
    /// Read the resident's cases: details, timeline, letters, attachments.
    ViewCases,
    /// Raise complaints for the resident, add information, and say whether
    /// the resident is satisfied with a response.
    RaiseComplaints,
    /// Ask for the next stage (escalation, or a panel where the policy has one).
    RequestEscalation,
    /// Withdraw the resident's complaints: a scope of its own, never implied
    /// by another, because it ends a complaint.
    WithdrawComplaints,
    /// See the resident's reasonable adjustments and communication needs
    /// (health-related information, so never shown without this).
    SeeAdjustments,
}

impl Scope {
    pub const ALL: [Scope; 5] = [
        Scope::ViewCases,
        Scope::RaiseComplaints,
        Scope::RequestEscalation,
        Scope::WithdrawComplaints,
        Scope::SeeAdjustments,
    ];

    /// The value stored and sent on the wire.
    pub fn as_str(self) -> &'static str {
        match self {
            Scope::ViewCases => "view_cases",
            Scope::RaiseComplaints => "raise_complaints",
            Scope::RequestEscalation => "request_escalation",
            Scope::WithdrawComplaints => "withdraw_complaints",
            Scope::SeeAdjustments => "see_adjustments",
        }
    }

    pub fn parse(value: &str) -> Option<Scope> {
        Scope::ALL.into_iter().find(|s| s.as_str() == value)
    }

    /// The words on the form and in messages.
    pub fn label(self) -> &'static str {
        match self {
            Scope::ViewCases => "See your complaints and our replies",
            Scope::RaiseComplaints => {
                "Make complaints for you, add information to them, and tell us if you are happy with our answer"
            }
            Scope::RequestEscalation => "Ask for your complaint to go to the next stage",
            Scope::WithdrawComplaints => "Withdraw your complaints",
            Scope::SeeAdjustments => {
                "See the reasonable adjustments and support you have asked for"
            }
        }
    }
}

/// Who the advocate is to the resident.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Relationship {
    Relative,
    Friend,
    SupportWorker,
    Councillor,
    MpCaseworker,
    CitizensAdvice,
    Other,
}

impl Relationship {
    pub const ALL: [Relationship; 7] = [
        Relationship::Relative,
        Relationship::Friend,
        Relationship::SupportWorker,
        Relationship::Councillor,
        Relationship::MpCaseworker,
        Relationship::CitizensAdvice,
        Relationship::Other,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Relationship::Relative => "relative",
            Relationship::Friend => "friend",
            Relationship::SupportWorker => "support_worker",
            Relationship::Councillor => "councillor",
            Relationship::MpCaseworker => "mp_caseworker",
            Relationship::CitizensAdvice => "citizens_advice",
            Relationship::Other => "other",
        }
    }

    pub fn parse(value: &str) -> Option<Relationship> {
        Relationship::ALL.into_iter().find(|r| r.as_str() == value)
    }

    pub fn label(self) -> &'static str {
        match self {
            Relationship::Relative => "Relative",
            Relationship::Friend => "Friend",
            Relationship::SupportWorker => "Support worker",
            Relationship::Councillor => "Councillor",
            Relationship::MpCaseworker => "MP's caseworker",
            Relationship::CitizensAdvice => "Citizens Advice",
            Relationship::Other => "Other",
        }
    }
}

/// How the authorisation was given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// The resident invited the advocate from their account.
    Invitation,
    /// The advocate uploaded the resident's signed authorisation form.
    SignedForm,
}

/// What the database keeps. Expiry is not stored: see [`Status`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum StoredStatus {
    Pending,
    Active,
    Revoked,
    Rejected,
}

impl StoredStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            StoredStatus::Pending => "pending",
            StoredStatus::Active => "active",
            StoredStatus::Revoked => "revoked",
            StoredStatus::Rejected => "rejected",
        }
    }

    pub fn parse(value: &str) -> Option<StoredStatus> {
        [
            StoredStatus::Pending,
            StoredStatus::Active,
            StoredStatus::Revoked,
            StoredStatus::Rejected,
        ]
        .into_iter()
        .find(|s| s.as_str() == value)
    }
}

/// Where an authorisation stands today: the stored status, with expiry worked
/// out from the date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Waiting for the advocate to accept, or for a caseworker to verify the form.
    Pending,
    Active,
    /// Its expiry date has come.
    Expired,
    /// The resident took it back, or the advocate gave it up.
    Revoked,
    /// A caseworker could not verify the signed form.
    Rejected,
}

impl Status {
    pub const ALL: [Status; 5] = [
        Status::Pending,
        Status::Active,
        Status::Expired,
        Status::Revoked,
        Status::Rejected,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Status::Pending => "pending",
            Status::Active => "active",
            Status::Expired => "expired",
            Status::Revoked => "revoked",
            Status::Rejected => "rejected",
        }
    }

    pub fn parse(value: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|s| s.as_str() == value)
    }
}

/// Which of the resident's cases an authorisation covers.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Cases {
    /// Every case of the resident's, now and to come.
    #[default]
    All,
    /// Only these cases (public ids), and any the advocate raises under it.
    Named(Vec<String>),
}

/// Something an advocate may ask to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    /// Read a case, list it, download its attachments.
    ViewCase,
    /// Raise a new case for the resident.
    RaiseComplaint,
    AddInformation,
    RequestEscalation,
    RequestPanel,
    Withdraw,
    RecordSatisfaction,
    /// See the resident's reasonable adjustments and communication needs.
    SeeAdjustments,
}

impl Action {
    /// The scope this action needs.
    pub fn scope(self) -> Scope {
        match self {
            Action::ViewCase => Scope::ViewCases,
            Action::RaiseComplaint | Action::AddInformation | Action::RecordSatisfaction => {
                Scope::RaiseComplaints
            }
            Action::Withdraw => Scope::WithdrawComplaints,
            Action::RequestEscalation | Action::RequestPanel => Scope::RequestEscalation,
            Action::SeeAdjustments => Scope::SeeAdjustments,
        }
    }
}

/// A case as the rule needs to see it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CaseRef<'a> {
    /// The case's public id.
    pub id: &'a str,
    /// The advocate raised this case under this very authorisation.
    pub filed_under: bool,
}

/// An authorisation as the rules see it (who it links is the server's business:
/// it asks only about authorisations held by the advocate asking, for cases of
/// the resident who gave them).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Authorisation {
    pub kind: Kind,
    pub stored: StoredStatus,
    pub scope: Vec<Scope>,
    pub cases: Cases,
    /// The first day on which it no longer works.
    pub expires_on: NaiveDate,
}

impl Authorisation {
    /// Where it stands on `today`. Revoked and rejected stay so; anything else
    /// is expired from its expiry date on.
    pub fn status(&self, today: NaiveDate) -> Status {
        match self.stored {
            StoredStatus::Revoked => Status::Revoked,
            StoredStatus::Rejected => Status::Rejected,
            _ if today >= self.expires_on => Status::Expired,
            StoredStatus::Pending => Status::Pending,
            StoredStatus::Active => Status::Active,
        }
    }

    pub fn has(&self, scope: Scope) -> bool {
        self.scope.contains(&scope)
    }

    /// Whether the advocate holding this authorisation may do `action` today,
    /// on `case` (or, with `None`, raise a new one).
    ///
    /// - Active: within its scope, on the cases it covers.
    /// - A signed form not yet verified: raise complaints (if in scope), and act
    ///   only on the cases raised under it.
    /// - An invitation not yet accepted, expired, revoked or rejected: nothing.
    /// - A case the advocate raised under it can always be followed (read) while
    ///   it is in force, even without [`Scope::ViewCases`]; any other case needs
    ///   that scope before anything else can be done with it.
    pub fn permits(&self, today: NaiveDate, action: Action, case: Option<CaseRef<'_>>) -> bool {
        match self.status(today) {
            Status::Active => {}
            Status::Pending if self.kind == Kind::SignedForm => {
                if case.is_some_and(|c| !c.filed_under) {
                    return false;
                }
            }
            _ => return false,
        }
        let Some(case) = case else {
            return action == Action::RaiseComplaint && self.has(Scope::RaiseComplaints);
        };
        let covered = case.filed_under
            || match &self.cases {
                Cases::All => true,
                Cases::Named(ids) => ids.iter().any(|id| id == case.id),
            };
        let visible = covered && (case.filed_under || self.has(Scope::ViewCases));
        match action {
            // A case that exists is not raised again.
            Action::RaiseComplaint => false,
            Action::ViewCase => visible,
            other => visible && self.has(other.scope()),
        }
    }
}

/// The expiry date when none is given: 12 months from today (the last day of
/// the month when that month is shorter).
pub fn default_expiry(today: NaiveDate) -> NaiveDate {
    add_months(today, DEFAULT_MONTHS)
}

/// The latest expiry date allowed for an authorisation given today.
pub fn latest_expiry(today: NaiveDate) -> NaiveDate {
    add_months(today, MAX_MONTHS)
}

fn add_months(day: NaiveDate, months: u32) -> NaiveDate {
    day.checked_add_months(Months::new(months))
        .unwrap_or(NaiveDate::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn today() -> NaiveDate {
        day(2026, 3, 2)
    }

    fn active(scope: &[Scope]) -> Authorisation {
        Authorisation {
            kind: Kind::Invitation,
            stored: StoredStatus::Active,
            scope: scope.to_vec(),
            cases: Cases::All,
            expires_on: default_expiry(today()),
        }
    }

    fn case(id: &str) -> Option<CaseRef<'_>> {
        Some(CaseRef {
            id,
            filed_under: false,
        })
    }

    fn own(id: &str) -> Option<CaseRef<'_>> {
        Some(CaseRef {
            id,
            filed_under: true,
        })
    }

    const EVERYTHING: [Scope; 5] = Scope::ALL;

    // --- status ---------------------------------------------------------------

    #[test]
    fn an_authorisation_is_in_force_until_the_day_before_its_expiry_date() {
        let a = Authorisation {
            expires_on: day(2027, 3, 2),
            ..active(&EVERYTHING)
        };
        assert_eq!(a.status(day(2027, 3, 1)), Status::Active);
        assert_eq!(a.status(day(2027, 3, 2)), Status::Expired);
        assert_eq!(a.status(day(2030, 1, 1)), Status::Expired);
    }

    #[test]
    fn a_pending_authorisation_expires_too() {
        let a = Authorisation {
            stored: StoredStatus::Pending,
            ..active(&EVERYTHING)
        };
        assert_eq!(a.status(today()), Status::Pending);
        assert_eq!(a.status(a.expires_on), Status::Expired);
    }

    #[test]
    fn revoked_and_rejected_stay_so_after_the_expiry_date() {
        let revoked = Authorisation {
            stored: StoredStatus::Revoked,
            ..active(&EVERYTHING)
        };
        let rejected = Authorisation {
            stored: StoredStatus::Rejected,
            ..active(&EVERYTHING)
        };
        for when in [today(), day(2029, 1, 1)] {
            assert_eq!(revoked.status(when), Status::Revoked);
            assert_eq!(rejected.status(when), Status::Rejected);
        }
    }

    #[test]
    fn statuses_read_back_from_their_names() {
        for status in Status::ALL {
            assert_eq!(Status::parse(status.as_str()), Some(status));
        }
        for scope in Scope::ALL {
            assert_eq!(Scope::parse(scope.as_str()), Some(scope));
            assert_eq!(serde_json::to_value(scope).unwrap(), scope.as_str());
        }
        for relationship in Relationship::ALL {
            assert_eq!(
                Relationship::parse(relationship.as_str()),
                Some(relationship)
            );
            assert_eq!(
                serde_json::to_value(relationship).unwrap(),
                relationship.as_str()
            );
        }
        assert_eq!(StoredStatus::parse("expired"), None);
    }

    // --- expiry dates -------------------------------------------------------

    #[test]
    fn the_default_expiry_is_twelve_months_on() {
        assert_eq!(default_expiry(day(2026, 3, 2)), day(2027, 3, 2));
    }

    #[test]
    fn twelve_months_from_a_leap_day_ends_on_the_last_day_of_february() {
        assert_eq!(default_expiry(day(2028, 2, 29)), day(2029, 2, 28));
    }

    #[test]
    fn the_latest_expiry_is_twenty_four_months_on() {
        assert_eq!(latest_expiry(day(2026, 3, 2)), day(2028, 3, 2));
    }

    // --- what it permits ----------------------------------------------------

    #[test]
    fn an_active_authorisation_permits_each_action_only_with_its_scope() {
        let view_only = active(&[Scope::ViewCases]);
        assert!(view_only.permits(today(), Action::ViewCase, case("c1")));
        for action in [
            Action::AddInformation,
            Action::RequestEscalation,
            Action::RequestPanel,
            Action::Withdraw,
            Action::RecordSatisfaction,
            Action::SeeAdjustments,
        ] {
            assert!(
                !view_only.permits(today(), action, case("c1")),
                "{action:?}"
            );
        }
        assert!(!view_only.permits(today(), Action::RaiseComplaint, None));

        let all = active(&EVERYTHING);
        for action in [
            Action::ViewCase,
            Action::AddInformation,
            Action::RequestEscalation,
            Action::RequestPanel,
            Action::Withdraw,
            Action::RecordSatisfaction,
            Action::SeeAdjustments,
        ] {
            assert!(all.permits(today(), action, case("c1")), "{action:?}");
        }
        assert!(all.permits(today(), Action::RaiseComplaint, None));
    }

    #[test]
    fn escalation_and_panel_need_the_escalation_scope() {
        let a = active(&[Scope::ViewCases, Scope::RequestEscalation]);
        assert!(a.permits(today(), Action::RequestEscalation, case("c1")));
        assert!(a.permits(today(), Action::RequestPanel, case("c1")));
        assert!(!a.permits(today(), Action::Withdraw, case("c1")));
    }

    #[test]
    fn adjustments_stay_hidden_without_their_own_scope() {
        let a = active(&[
            Scope::ViewCases,
            Scope::RaiseComplaints,
            Scope::RequestEscalation,
        ]);
        assert!(!a.permits(today(), Action::SeeAdjustments, case("c1")));
        let b = active(&[Scope::ViewCases, Scope::SeeAdjustments]);
        assert!(b.permits(today(), Action::SeeAdjustments, case("c1")));
    }

    #[test]
    fn acting_on_a_case_needs_seeing_it_first() {
        // May escalate, but may not see the resident's cases: nothing to escalate.
        let a = active(&[Scope::RequestEscalation, Scope::SeeAdjustments]);
        assert!(!a.permits(today(), Action::RequestEscalation, case("c1")));
        assert!(!a.permits(today(), Action::SeeAdjustments, case("c1")));
    }

    #[test]
    fn named_cases_limit_what_an_authorisation_covers() {
        let a = Authorisation {
            cases: Cases::Named(vec!["c1".into()]),
            ..active(&EVERYTHING)
        };
        assert!(a.permits(today(), Action::ViewCase, case("c1")));
        assert!(!a.permits(today(), Action::ViewCase, case("c2")));
        assert!(!a.permits(today(), Action::AddInformation, case("c2")));
        // A new complaint is not one of the named cases, but raising one is in scope,
        // and the advocate follows what they raised.
        assert!(a.permits(today(), Action::RaiseComplaint, None));
        assert!(a.permits(today(), Action::ViewCase, own("c3")));
    }

    #[test]
    fn a_case_raised_under_the_authorisation_can_be_followed_without_the_view_scope() {
        let a = active(&[Scope::RaiseComplaints]);
        assert!(a.permits(today(), Action::ViewCase, own("c9")));
        assert!(a.permits(today(), Action::AddInformation, own("c9")));
        assert!(!a.permits(today(), Action::RequestEscalation, own("c9")));
        assert!(!a.permits(today(), Action::ViewCase, case("c1")));
    }

    #[test]
    fn an_existing_case_is_never_raised_again() {
        assert!(!active(&EVERYTHING).permits(today(), Action::RaiseComplaint, case("c1")));
    }

    #[test]
    fn nothing_is_permitted_once_expired() {
        let a = active(&EVERYTHING);
        let later = a.expires_on;
        assert!(a.permits(later.pred_opt().unwrap(), Action::ViewCase, case("c1")));
        assert!(!a.permits(later, Action::ViewCase, case("c1")));
        assert!(!a.permits(later, Action::ViewCase, own("c1")));
        assert!(!a.permits(later, Action::RaiseComplaint, None));
    }

    #[test]
    fn nothing_is_permitted_once_revoked_or_rejected() {
        for stored in [StoredStatus::Revoked, StoredStatus::Rejected] {
            let a = Authorisation {
                stored,
                ..active(&EVERYTHING)
            };
            assert!(!a.permits(today(), Action::ViewCase, case("c1")));
            assert!(!a.permits(today(), Action::ViewCase, own("c1")));
            assert!(!a.permits(today(), Action::RaiseComplaint, None));
        }
    }

    #[test]
    fn an_invitation_not_yet_accepted_permits_nothing() {
        let a = Authorisation {
            stored: StoredStatus::Pending,
            ..active(&EVERYTHING)
        };
        assert!(!a.permits(today(), Action::ViewCase, case("c1")));
        assert!(!a.permits(today(), Action::ViewCase, own("c1")));
        assert!(!a.permits(today(), Action::RaiseComplaint, None));
    }

    #[test]
    fn an_unverified_signed_form_permits_raising_and_following_only_its_own_cases() {
        let a = Authorisation {
            kind: Kind::SignedForm,
            stored: StoredStatus::Pending,
            ..active(&EVERYTHING)
        };
        assert!(a.permits(today(), Action::RaiseComplaint, None));
        assert!(a.permits(today(), Action::ViewCase, own("c1")));
        assert!(a.permits(today(), Action::AddInformation, own("c1")));
        assert!(a.permits(today(), Action::RequestEscalation, own("c1")));
        assert!(!a.permits(today(), Action::ViewCase, case("c2")));
        assert!(!a.permits(today(), Action::RequestEscalation, case("c2")));
    }

    #[test]
    fn an_unverified_signed_form_without_the_raise_scope_permits_no_new_case() {
        let a = Authorisation {
            kind: Kind::SignedForm,
            stored: StoredStatus::Pending,
            ..active(&[Scope::ViewCases])
        };
        assert!(!a.permits(today(), Action::RaiseComplaint, None));
    }

    #[test]
    fn a_verified_signed_form_covers_the_residents_other_cases_too() {
        let a = Authorisation {
            kind: Kind::SignedForm,
            ..active(&EVERYTHING)
        };
        assert!(a.permits(today(), Action::ViewCase, case("c2")));
    }
}
