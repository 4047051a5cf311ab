//! `server user add`: the only way to make staff and admin accounts.

use domain::api::account::{Registration, Role};

use crate::config::UserCommand;
use crate::error::ApiError;
use crate::routes::accounts::{create_account, validate_account};
use crate::AppState;

/// Runs an account command; the error is a sentence for the operator.
pub async fn run(state: &AppState, command: UserCommand) -> Result<(), String> {
    match command {
        UserCommand::Add {
            role,
            email,
            name,
            password,
        } => {
            let role = Role::parse(role.trim()).ok_or_else(|| {
                format!("unknown role {role:?}: use one of resident, advocate, staff, admin")
            })?;
            let account = validate_account(
                Registration {
                    name,
                    email,
                    password,
                    role,
                },
                true,
            )
            .map_err(|errors| describe(&ApiError::Unprocessable(errors)))?;
            let user = create_account(state, account, false)
                .await
                .map_err(|e| describe(&e))?;
            println!(
                "Made a {} account for {} <{}> (id {})",
                user.role, user.name, user.email, user.public_id
            );
            Ok(())
        }
    }
}

fn describe(error: &ApiError) -> String {
    match error {
        ApiError::Unprocessable(errors) => errors
            .iter()
            .map(|e| format!("{}: {}", e.field, e.message))
            .collect::<Vec<_>>()
            .join("; "),
        ApiError::Internal(detail) => detail.clone(),
        other => other.to_string(),
    }
}
