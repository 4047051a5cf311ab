//! `server user add`: the only way to make staff and admin accounts.

use crate::config::UserCommand;
use crate::AppState;

pub async fn run(_state: &AppState, command: UserCommand) -> Result<(), String> {
    match command {
        UserCommand::Add { .. } => Err("accounts are not available yet".into()),
    }
}
