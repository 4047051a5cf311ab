//! Who may see a case, and what they may do with it.
//!
//! Every case endpoint starts with [`case_access`]. Anyone who may not see a
//! case gets the same 404 as for a case that does not exist, so a case's id
//! tells nothing to someone it does not belong to.
//!
//! The resident whose case it is, a resident who signed it when it is a
//! petition (read only: see [`Relation::Signatory`]), staff and admins, and
//! an advocate whose
//! authorisation covers the case on the day of the request (its status, scope,
//! cases and expiry are read afresh each time, see [`crate::authorisations`]).
//! An advocate's resident actions are checked event by event with
//! [`CaseAccess::require_event`]: out of scope answers 404, as for a case that
//! does not exist.
//!
//! A confidential complaint (issue 16, item 7; seed 001: "their identity will
//! only be known to the person who received the complaint and to a member of
//! the Resolution team") is seen by staff outside the complaints team without
//! who raised it: [`sees_identity`] decides, for a case page and for every list.

use chrono::NaiveDate;
use domain::authorisation::Action;
use domain::case::{Actor, ActorKind, Event};
use sqlx::AnyConnection;

use super::store::{self, CaseRow};
use crate::auth::{CurrentUser, Role};
use crate::authorisations::{advocate_grant, CaseKey, Grant, Use};
use crate::error::ApiError;

/// A case, and what the signed-in account may do with it.
#[derive(Debug, Clone)]
pub struct CaseAccess {
    pub case: CaseRow,
    /// How the account relates to the case.
    pub relation: Relation,
    /// May take the resident's actions: add information, ask for the next
    /// stage or a panel, withdraw, say whether they are satisfied.
    pub may_act_for_resident: bool,
    /// May record the landlord's actions (`staff-actions`).
    pub may_act_for_landlord: bool,
    /// May read the resident's accessibility and communication preferences.
    pub may_see_preferences: bool,
    /// May know who the resident is (see [`sees_identity`]): when not, the
    /// case is shown without their name, contact details, needs and messages.
    pub may_see_identity: bool,
    /// May close a complaint before its promised actions are done where the
    /// policy names who approves that (TORUS §5.1): a manager, which in the
    /// portal is an administrator account.
    pub may_approve: bool,
    /// Who the events this account records are by.
    pub actor: Actor,
    /// For an advocate: what their authorisations permit on this case today.
    pub advocate: Option<Grant>,
}

/// How an account relates to a case.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Relation {
    /// The resident whose case it is.
    Resident,
    /// Someone acting for the resident with their authority.
    Advocate,
    /// The landlord's staff or an admin.
    Staff,
    /// A resident who signed the case, a petition, besides its spokesperson
    /// (Plus Dane §20): they follow it and do nothing on it.
    Signatory,
}

impl CaseAccess {
    /// 403 unless the account may take the resident's actions on this case.
    pub fn require_resident_action(&self) -> Result<(), ApiError> {
        if self.may_act_for_resident {
            Ok(())
        } else {
            Err(ApiError::Forbidden)
        }
    }

    /// For an advocate, 404 unless an authorisation's scope covers this event
    /// (anyone else: the checks above decide).
    pub fn require_event(&self, event: &Event) -> Result<(), ApiError> {
        let Some(grant) = &self.advocate else {
            return Ok(());
        };
        match advocate_action(event) {
            Some(action) if grant.permits(action) => Ok(()),
            _ => Err(ApiError::NotFound),
        }
    }

    /// For an advocate's escalation or panel request: the authorisation used,
    /// so the resident is told.
    pub fn escalation_under(&self, event: &Event) -> Option<(i64, Use)> {
        let action = advocate_action(event)?;
        if !matches!(action, Action::RequestEscalation | Action::RequestPanel) {
            return None;
        }
        let held = self.advocate.as_ref()?.permitting(action)?;
        Some((held.id, Use::Escalated))
    }

    /// 403 unless the account may record the landlord's actions on this case.
    pub fn require_landlord_action(&self) -> Result<(), ApiError> {
        if self.may_act_for_landlord {
            Ok(())
        } else {
            Err(ApiError::Forbidden)
        }
    }
}

/// Whether `user`, who may see `case`, may also know who raised it: anyone
/// unless the case is confidential; then the resident and those acting for
/// them, the complaints team, and the member of staff who took the complaint.
pub fn sees_identity(user: &CurrentUser, case: &CaseRow) -> bool {
    !case.confidential
        || !user.role.is_staff()
        || user.complaints_team
        || case.filed_by_id == user.id
}

/// Who reads a list of cases or messages, for the queries that leave out
/// what would say who raised a confidential case (see [`sees_identity`]).
pub fn viewer(user: &CurrentUser) -> store::Viewer {
    store::Viewer {
        id: user.id,
        complaints_team: user.complaints_team || !user.role.is_staff(),
    }
}

/// What a resident's event needs an advocate's authorisation to permit.
fn advocate_action(event: &Event) -> Option<Action> {
    match event {
        Event::InformationGiven { .. } => Some(Action::AddInformation),
        // Telling us what we got wrong is adding information about it.
        Event::DefinitionQueried { .. } => Some(Action::AddInformation),
        Event::EscalationRequested { .. } => Some(Action::RequestEscalation),
        Event::PanelRequested { .. } => Some(Action::RequestPanel),
        Event::Withdrawn { .. } => Some(Action::Withdraw),
        Event::SatisfactionRecorded { .. } => Some(Action::RecordSatisfaction),
        _ => None,
    }
}

/// The case with this public id as `user` may use it on `today`, or 404 when
/// there is no such case or it is not theirs to see.
pub async fn case_access(
    conn: &mut AnyConnection,
    user: &CurrentUser,
    case_public_id: &str,
    today: NaiveDate,
) -> Result<CaseAccess, ApiError> {
    let case = store::find_by_public_id(conn, case_public_id)
        .await?
        .ok_or(ApiError::NotFound)?;
    // Staff events carry the account, so the portal knows who dealt with
    // each stage (Code 6.13); nobody else's do.
    let actor = |kind| Actor {
        kind,
        name: Some(user.name.clone()),
        id: (kind == ActorKind::Staff).then(|| user.public_id.clone()),
    };
    // A petition's signatory, by their proved email address (Plus Dane §20).
    let signatory = user.role == Role::Resident
        && case.resident_id != Some(user.id)
        && super::petition::store::signed_by(conn, case.id, user.id).await?;
    match user.role {
        Role::Resident if case.resident_id == Some(user.id) => Ok(CaseAccess {
            case,
            relation: Relation::Resident,
            may_act_for_resident: true,
            may_act_for_landlord: false,
            may_see_preferences: false,
            may_see_identity: true,
            may_approve: false,
            actor: actor(ActorKind::Resident),
            advocate: None,
        }),
        Role::Resident if signatory => Ok(CaseAccess {
            case,
            relation: Relation::Signatory,
            may_act_for_resident: false,
            may_act_for_landlord: false,
            may_see_preferences: false,
            may_see_identity: true,
            may_approve: false,
            actor: actor(ActorKind::Resident),
            advocate: None,
        }),
        Role::Staff | Role::Admin => Ok(CaseAccess {
            relation: Relation::Staff,
            may_act_for_resident: false,
            may_act_for_landlord: true,
            may_see_preferences: sees_identity(user, &case),
            may_see_identity: sees_identity(user, &case),
            case,
            may_approve: user.role == Role::Admin,
            actor: actor(ActorKind::Staff),
            advocate: None,
        }),
        Role::Advocate => {
            let key = CaseKey {
                public_id: &case.public_id,
                resident_id: case.resident_id,
                authorisation_id: case.authorisation_id,
                filed_by_id: case.filed_by_id,
            };
            let grant = advocate_grant(conn, user.id, key, today)
                .await?
                .ok_or(ApiError::NotFound)?;
            Ok(CaseAccess {
                case,
                relation: Relation::Advocate,
                // Each event is checked against the scope: `require_event`.
                may_act_for_resident: true,
                may_act_for_landlord: false,
                may_see_preferences: grant.permits(Action::SeeAdjustments),
                may_see_identity: true,
                may_approve: false,
                actor: actor(ActorKind::Advocate),
                advocate: Some(grant),
            })
        }
        Role::Resident => Err(ApiError::NotFound),
    }
}
