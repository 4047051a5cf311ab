//! The rules of an authorisation as the server applies them: what a stored
//! row means ([`AuthorisationRow::rule`]), how each person sees it
//! ([`AuthorisationRow::view`]), and the check every case request makes for an
//! advocate ([`advocate_grant`]): which of the advocate's authorisations cover
//! a case, and what they permit today.

use chrono::NaiveDate;
use domain::api::authorisations::{AuthorisationView, Party};
use domain::api::cases::AttachmentInfo;
use domain::authorisation::{
    Action, Authorisation, CaseRef, Cases, Kind, Relationship, Scope, Status, StoredStatus,
};
use sqlx::AnyConnection;

use super::store::{self, AuthorisationRow};
use crate::auth::CurrentUser;
use crate::clock::parse_timestamp;
use crate::error::ApiError;

fn corrupt(what: &str, value: &str) -> ApiError {
    ApiError::internal(format!(
        "stored authorisation {what} {value:?} does not read"
    ))
}

impl AuthorisationRow {
    pub fn kind(&self) -> Kind {
        if self.invite_email.is_some() {
            Kind::Invitation
        } else {
            Kind::SignedForm
        }
    }

    /// The authorisation as the rules see it.
    pub fn rule(&self) -> Result<Authorisation, ApiError> {
        let stored =
            StoredStatus::parse(&self.status).ok_or_else(|| corrupt("status", &self.status))?;
        let scope: Vec<String> =
            serde_json::from_str(&self.scope).map_err(|_| corrupt("scope", &self.scope))?;
        let scope = scope
            .iter()
            .map(|s| Scope::parse(s).ok_or_else(|| corrupt("scope", s)))
            .collect::<Result<Vec<_>, _>>()?;
        let cases = match &self.case_ids {
            None => Cases::All,
            Some(json) => {
                Cases::Named(serde_json::from_str(json).map_err(|_| corrupt("case_ids", json))?)
            }
        };
        let expires_on = self
            .expires_on
            .parse()
            .map_err(|_| corrupt("expires_on", &self.expires_on))?;
        Ok(Authorisation {
            kind: self.kind(),
            stored,
            scope,
            cases,
            expires_on,
        })
    }

    pub fn status(&self, today: NaiveDate) -> Result<Status, ApiError> {
        Ok(self.rule()?.status(today))
    }

    /// The resident's name: their account's, or the one the advocate gave.
    pub fn resident_display_name(&self) -> String {
        self.resident_account_name
            .clone()
            .or_else(|| self.resident_name.clone())
            .unwrap_or_default()
    }

    pub fn relationship(&self) -> Result<Relationship, ApiError> {
        Relationship::parse(&self.relationship)
            .ok_or_else(|| corrupt("relationship", &self.relationship))
    }

    /// "Relative", or the advocate's own words for `other`.
    pub fn relationship_label(&self) -> String {
        match (self.relationship(), &self.relationship_other) {
            (Ok(Relationship::Other), Some(words)) => words.clone(),
            (Ok(r), _) => r.label().to_owned(),
            (Err(_), _) => self.relationship.clone(),
        }
    }

    /// Whether `user` is the resident who gave it.
    pub fn is_resident(&self, user: &CurrentUser) -> bool {
        self.resident_id == Some(user.id)
    }

    /// Whether `user` is the advocate it is for: the holder, the one who filed
    /// the form, or the one an invitation not yet answered was sent to.
    pub fn is_advocate(&self, user: &CurrentUser) -> bool {
        user.role == domain::api::account::Role::Advocate
            && (self.advocate_id == Some(user.id)
                || self.created_by == user.id
                || self.is_invitee(user))
    }

    /// An invitation not yet accepted, sent to `user`'s email address.
    pub fn is_invitee(&self, user: &CurrentUser) -> bool {
        self.advocate_id.is_none()
            && self
                .invite_email
                .as_deref()
                .is_some_and(|e| e.eq_ignore_ascii_case(&user.email))
    }

    /// Whether `user` may see it at all (anyone else gets a 404).
    pub fn visible_to(&self, user: &CurrentUser) -> bool {
        user.is_staff() || self.is_resident(user) || self.is_advocate(user)
    }

    /// The authorisation as `user` sees it today.
    pub fn view(
        &self,
        user: &CurrentUser,
        today: NaiveDate,
    ) -> Result<AuthorisationView, ApiError> {
        let rule = self.rule()?;
        let status = rule.status(today);
        let at = |text: &Option<String>| text.as_deref().and_then(parse_timestamp);
        let evidence = match (&self.evidence_public_id, &self.evidence_filename) {
            (Some(id), Some(filename)) => Some(AttachmentInfo {
                id: id.clone(),
                filename: filename.clone(),
                content_type: self.evidence_content_type.clone().unwrap_or_default(),
                size: u64::try_from(self.evidence_size.unwrap_or(0)).unwrap_or(0),
                uploaded_at: at(&self.evidence_created_at).unwrap_or_default(),
            }),
            _ => None,
        };
        let in_force = matches!(status, Status::Pending | Status::Active | Status::Expired);
        // An advocate reads the resident's contact details only while they
        // may act, or on a signed form they filed themselves (they typed
        // them): not after it was revoked, expired or declined.
        let sees_contact = user.is_staff()
            || self.is_resident(user)
            || status == Status::Active
            || (self.kind() == Kind::SignedForm
                && matches!(status, Status::Pending | Status::Rejected)
                && self.is_advocate(user));
        Ok(AuthorisationView {
            id: self.public_id.clone(),
            kind: self.kind(),
            status,
            relationship: self.relationship()?,
            relationship_other: self.relationship_other.clone(),
            scope: rule.scope.clone(),
            case_ids: match rule.cases {
                Cases::All => None,
                Cases::Named(ids) => Some(ids),
            },
            expires_on: rule.expires_on,
            resident: Party {
                name: self.resident_display_name(),
                email: self
                    .resident_account_email
                    .clone()
                    .or_else(|| self.resident_email.clone())
                    .filter(|_| sees_contact),
            },
            resident_address: self.resident_address.clone().filter(|_| sees_contact),
            advocate: self.advocate_name.as_ref().map(|name| Party {
                name: name.clone(),
                email: self.advocate_email.clone(),
            }),
            invite_email: self.invite_email.clone(),
            evidence,
            created_at: parse_timestamp(&self.created_at).unwrap_or_default(),
            accepted_at: at(&self.accepted_at),
            verified_at: at(&self.verified_at),
            revoked_at: at(&self.revoked_at),
            rejected_reason: self.rejected_reason.clone(),
            can_accept: status == Status::Pending
                && self.is_invitee(user)
                && user.role == domain::api::account::Role::Advocate,
            can_revoke: in_force && (self.is_resident(user) || self.is_advocate(user)),
            can_verify: user.is_staff()
                && status == Status::Pending
                && self.kind() == Kind::SignedForm,
        })
    }
}

// --- writing ------------------------------------------------------------------

/// A case as the check needs it.
#[derive(Debug, Clone, Copy)]
pub struct CaseKey<'a> {
    pub public_id: &'a str,
    pub resident_id: Option<i64>,
    pub authorisation_id: Option<i64>,
    pub filed_by_id: i64,
}

/// One of the advocate's authorisations that matches a case.
#[derive(Debug, Clone)]
pub struct Held {
    pub id: i64,
    pub public_id: String,
    pub relationship: String,
    pub rule: Authorisation,
    /// The case was raised by this advocate under this authorisation.
    pub filed_under: bool,
}

/// What an advocate's authorisations permit on one case, today.
#[derive(Debug, Clone)]
pub struct Grant {
    pub today: NaiveDate,
    pub case_public_id: String,
    pub held: Vec<Held>,
}

impl Grant {
    /// The first authorisation that permits `action` on the case.
    pub fn permitting(&self, action: Action) -> Option<&Held> {
        self.held.iter().find(|h| {
            let case = CaseRef {
                id: &self.case_public_id,
                filed_under: h.filed_under,
            };
            h.rule.permits(self.today, action, Some(case))
        })
    }

    pub fn permits(&self, action: Action) -> bool {
        self.permitting(action).is_some()
    }
}

/// The advocate's authorisations that could cover this case, whatever their
/// status: the rule decides on `today` (so revoked and expired ones permit
/// nothing). Returns `None` when none of them lets the advocate see the case.
pub async fn advocate_grant(
    conn: &mut AnyConnection,
    advocate_id: i64,
    case: CaseKey<'_>,
    today: NaiveDate,
) -> Result<Option<Grant>, ApiError> {
    let rows = store::covering(conn, advocate_id, case.resident_id, case.authorisation_id).await?;
    let mut held = Vec::new();
    for row in rows {
        held.push(Held {
            filed_under: case.authorisation_id == Some(row.id) && case.filed_by_id == advocate_id,
            rule: row.rule()?,
            relationship: row.relationship_label(),
            id: row.id,
            public_id: row.public_id,
        });
    }
    let grant = Grant {
        today,
        case_public_id: case.public_id.to_owned(),
        held,
    };
    Ok(grant.permits(Action::ViewCase).then_some(grant))
}

/// For a new case an advocate raises under the authorisation `public_id`:
/// the authorisation, if it is the advocate's and lets them raise one today.
/// `None` answers as if there were no such authorisation.
pub async fn for_new_case(
    conn: &mut AnyConnection,
    advocate_id: i64,
    public_id: &str,
    today: NaiveDate,
) -> Result<Option<AuthorisationRow>, ApiError> {
    let Some(row) = store::find(conn, public_id).await? else {
        return Ok(None);
    };
    if row.advocate_id != Some(advocate_id) {
        return Ok(None);
    }
    Ok(row
        .rule()?
        .permits(today, Action::RaiseComplaint, None)
        .then_some(row))
}

/// The cases (database id, public id) an advocate may see today, by the
/// authorisation (database id) that lets them, newest case first.
pub async fn visible_cases(
    conn: &mut AnyConnection,
    advocate_id: i64,
    today: NaiveDate,
) -> Result<Vec<(i64, i64, String)>, ApiError> {
    let candidates = store::candidate_cases(conn, advocate_id).await?;
    let mut out = Vec::new();
    for (id, public_id, resident_id, authorisation_id, filed_by_id) in candidates {
        let key = CaseKey {
            public_id: &public_id,
            resident_id,
            authorisation_id,
            filed_by_id,
        };
        if let Some(grant) = advocate_grant(conn, advocate_id, key, today).await? {
            let by = grant
                .permitting(Action::ViewCase)
                .map(|h| h.id)
                .unwrap_or_default();
            out.push((by, id, public_id));
        }
    }
    Ok(out)
}

/// Who filed a case under an authorisation, for `CaseDetail.filed_by`:
/// (authorisation public id, the relationship in words).
pub async fn filed_under(
    conn: &mut AnyConnection,
    authorisation_id: i64,
) -> Result<Option<(String, String)>, ApiError> {
    Ok(store::find_by_id(conn, authorisation_id)
        .await?
        .map(|row| (row.public_id.clone(), row.relationship_label())))
}
