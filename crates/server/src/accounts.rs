//! Accounts: checking a new one, and making those an admin vouches for.
//! People register through [`crate::verification::register`]; signing in is
//! `routes::accounts`, which finds the account with [`store::for_sign_in`].

pub mod store;

use domain::api::account::{messages, Registration, Role, ValidRegistration};
use domain::validation::FieldError;

use crate::auth::CurrentUser;
use crate::error::{ApiError, ApiResult};
use crate::password::{hash_password, is_common_password};
use crate::AppState;

/// Checks a new account: the domain's checks, then whether the password is
/// too common. `any_role` lets `server user add` make staff and admins.
pub fn validate_account(
    account: Registration,
    any_role: bool,
) -> Result<ValidRegistration, Vec<FieldError>> {
    let role = account.role;
    let too_common = domain::api::account::check_password_length(&account.password).is_ok()
        && is_common_password(&account.password);
    let account = if any_role {
        Registration {
            role: Role::Resident,
            ..account
        }
    } else {
        account
    };
    let common = || FieldError::new("password", messages::PASSWORD_TOO_COMMON);
    match account.validate() {
        Ok(_) if too_common => Err(vec![common()]),
        Ok(valid) => Ok(ValidRegistration { role, ..valid }),
        Err(mut errors) => {
            if too_common {
                // In the order of the form: before the role, after the rest.
                let at = errors
                    .iter()
                    .position(|e| e.field == "role")
                    .unwrap_or(errors.len());
                errors.insert(at, common());
            }
            Err(errors)
        }
    }
}

/// Makes an account an admin vouches for (`server user add`, the demo), its
/// address counted as proved: hashes the password and refuses an email
/// already in use. People register through [`crate::verification::register`].
#[tracing::instrument(skip_all)]
pub async fn create_account(
    state: &AppState,
    account: ValidRegistration,
    complaints_team: bool,
) -> ApiResult<CurrentUser> {
    let complaints_team = complaints_team && account.role.is_staff();
    // Hashing takes a while: do it before taking the write lock.
    let password_hash = hash_password(&state.hashing, account.password).await?;
    let now = state.clock.now();
    let mut tx = crate::db::begin_write(&state.db).await?;
    if store::id_by_email(&mut tx, &account.email).await?.is_some() {
        return Err(ApiError::field("email", messages::EMAIL_TAKEN));
    }
    let public_id = crate::ids::new_public_id();
    let id = store::insert_proved(
        &mut tx,
        &store::NewAccount {
            public_id: &public_id,
            email: &account.email,
            name: &account.name,
            role: account.role,
            password_hash: &password_hash,
            at: now,
            complaints_team,
        },
    )
    .await?;
    tx.commit().await?;
    Ok(CurrentUser {
        id,
        public_id,
        name: account.name,
        email: account.email,
        role: account.role,
        email_verified: true,
        complaints_team,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn registration(password: &str, role: Role) -> Registration {
        Registration {
            name: "Sam".into(),
            email: "sam@example.com".into(),
            password: password.into(),
            role,
        }
    }

    #[test]
    fn a_common_password_is_refused_in_the_order_of_the_form() {
        let errors = validate_account(registration("Password1", Role::Staff), false).unwrap_err();
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["password", "role"]);
        assert_eq!(errors[0].message, messages::PASSWORD_TOO_COMMON);
    }

    #[test]
    fn the_admin_command_may_make_staff() {
        let valid = validate_account(registration("purple tractor", Role::Staff), true).unwrap();
        assert_eq!(valid.role, Role::Staff);
        assert!(validate_account(registration("purple tractor", Role::Staff), false).is_err());
    }
}
