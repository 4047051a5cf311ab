//! Who may see a case, and what they may do with it.
//!
//! Every case endpoint starts with [`case_access`]. Anyone who may not see a
//! case gets the same 404 as for a case that does not exist, so a case's id
//! tells nothing to someone it does not belong to.
//!
//! Today: the resident whose case it is, and staff and admins. Advocates are
//! refused (404) until their authorisations are checked here: add an arm for
//! `Role::Advocate` to [`case_access`] that looks up an active authorisation
//! for the case's resident (and the case, when the authorisation lists cases)
//! and sets the permissions from its scopes. Nothing else needs to change: the
//! handlers only read [`CaseAccess`].

use domain::case::{Actor, ActorKind};
use sqlx::SqliteConnection;

use crate::auth::{CurrentUser, Role};
use crate::cases::store::{self, CaseRow};
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
    /// Who the events this account records are by.
    pub actor: Actor,
}

/// How an account relates to a case.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Relation {
    /// The resident whose case it is.
    Resident,
    /// Someone acting for the resident with their authority (to come).
    Advocate,
    /// The landlord's staff or an admin.
    Staff,
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

    /// 403 unless the account may record the landlord's actions on this case.
    pub fn require_landlord_action(&self) -> Result<(), ApiError> {
        if self.may_act_for_landlord {
            Ok(())
        } else {
            Err(ApiError::Forbidden)
        }
    }
}

/// The case with this public id as `user` may use it, or 404 when there is no
/// such case or it is not theirs to see.
pub async fn case_access(
    conn: &mut SqliteConnection,
    user: &CurrentUser,
    case_public_id: &str,
) -> Result<CaseAccess, ApiError> {
    let case = store::find_by_public_id(conn, case_public_id)
        .await?
        .ok_or(ApiError::NotFound)?;
    let actor = |kind| Actor {
        kind,
        name: Some(user.name.clone()),
    };
    match user.role {
        Role::Resident if case.resident_id == Some(user.id) => Ok(CaseAccess {
            case,
            relation: Relation::Resident,
            may_act_for_resident: true,
            may_act_for_landlord: false,
            may_see_preferences: false,
            actor: actor(ActorKind::Resident),
        }),
        Role::Staff | Role::Admin => Ok(CaseAccess {
            case,
            relation: Relation::Staff,
            may_act_for_resident: false,
            may_act_for_landlord: true,
            may_see_preferences: true,
            actor: actor(ActorKind::Staff),
        }),
        // Advocates: see the module's documentation.
        Role::Resident | Role::Advocate => Err(ApiError::NotFound),
    }
}
