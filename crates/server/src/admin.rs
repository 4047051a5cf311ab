//! `server user add`: the only way to make staff and admin accounts;
//! `server user reset-second-factor`: when one loses their authenticator app;
//! `server projections check|rebuild`: what is kept beside the events.

use domain::api::account::{Registration, Role};

use crate::accounts::{create_account, validate_account};
use crate::config::{ProjectionsCommand, UserCommand};
use crate::error::ApiError;
use crate::AppState;

/// Runs an account command; the error is a sentence for the operator.
pub async fn run(state: &AppState, command: UserCommand) -> Result<(), String> {
    match command {
        UserCommand::Add {
            role,
            email,
            name,
            complaints_team,
            password_on_command_line,
            password,
        } => {
            if password_on_command_line.is_some() {
                return Err(PASSWORD_ON_COMMAND_LINE.into());
            }
            let password = match password {
                Some(password) => password,
                None => read_password()?,
            };
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
            let user = create_account(state, account, complaints_team)
                .await
                .map_err(|e| describe(&e))?;
            println!(
                "Made a {} account for {} <{}> (id {}){}",
                user.role,
                user.name,
                user.email,
                user.public_id,
                if user.complaints_team {
                    ", in the complaints team"
                } else {
                    ""
                }
            );
            Ok(())
        }
        UserCommand::ComplaintsTeam { email, leave } => {
            let email = email.trim().to_lowercase();
            let mut conn = state.db.acquire().await.map_err(|e| e.to_string())?;
            let done = crate::accounts::store::set_complaints_team(&mut conn, &email, !leave)
                .await
                .map_err(|e| e.to_string())?;
            if !done {
                return Err(format!("no staff or admin account has the address {email}"));
            }
            println!(
                "{email} {} the complaints team",
                if leave { "has left" } else { "is in" }
            );
            Ok(())
        }
        UserCommand::ResetSecondFactor { email } => {
            let done = crate::auth::second_factor::reset(state, &email).await?;
            println!("{done}");
            Ok(())
        }
    }
}

const PASSWORD_ON_COMMAND_LINE: &str = "--password is refused: other users of the machine \
    can read a command line. Type the password when asked, pipe it in on standard input, \
    or set PORTAL_PASSWORD";

/// The password from `PORTAL_PASSWORD`, else one line of standard input: on a
/// terminal, after a prompt and with echo turned off.
fn read_password() -> Result<String, String> {
    use std::io::{BufRead, IsTerminal, Write};
    if let Ok(password) = std::env::var("PORTAL_PASSWORD") {
        return Ok(password);
    }
    let stdin = std::io::stdin();
    let terminal = stdin.is_terminal();
    let stty = |arg: &str| {
        let _ = std::process::Command::new("stty")
            .arg(arg)
            .stdin(std::process::Stdio::inherit())
            .status();
    };
    if terminal {
        eprint!("Password for the new account: ");
        let _ = std::io::stderr().flush();
        stty("-echo");
    }
    let mut line = String::new();
    let read = stdin.lock().read_line(&mut line);
    if terminal {
        stty("echo");
        eprintln!();
    }
    read.map_err(|e| format!("cannot read the password: {e}"))?;
    let password = line.trim_end_matches(['\r', '\n']).to_owned();
    if password.is_empty() {
        return Err(
            "no password given: type it when asked, pipe it in, or set PORTAL_PASSWORD".into(),
        );
    }
    Ok(password)
}

fn describe(error: &ApiError) -> String {
    match error {
        ApiError::Unprocessable(errors) => errors
            .iter()
            .map(|e| format!("{}: {}", e.field, e.message))
            .collect::<Vec<_>>()
            .join("; "),
        ApiError::Internal(cause) => cause.to_string(),
        other => other.to_string(),
    }
}

/// `server projections check|rebuild`: the lines to print (case references
/// only, never who), and an error when checking found a disagreement.
pub async fn projections(
    state: &AppState,
    command: ProjectionsCommand,
) -> (Vec<String>, Result<(), String>) {
    let write = matches!(command, ProjectionsCommand::Rebuild);
    let found = match crate::cases::rebuild_projections(state, write).await {
        Ok(found) => found,
        Err(error) => return (Vec::new(), Err(format!("{error:?}"))),
    };
    let mut lines: Vec<String> = found
        .disagreed
        .iter()
        .map(|reference| format!("{reference}: what is stored disagreed with its events"))
        .collect();
    let n = found.disagreed.len();
    let result = match (write, n) {
        (_, 0) => {
            lines.push(format!(
                "{} cases: every projection agrees with the events",
                found.cases
            ));
            Ok(())
        }
        (true, n) => {
            lines.push(format!(
                "{} cases: {n} rebuilt from their events",
                found.cases
            ));
            Ok(())
        }
        (false, n) => Err(format!(
            "{} cases: {n} disagree with their events (run `server projections rebuild`)",
            found.cases
        )),
    };
    (lines, result)
}
