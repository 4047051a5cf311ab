//! `--demo`: accounts and cases in every stage, for trying the portal.

use crate::AppState;

pub async fn seed(_state: &AppState) -> Result<(), String> {
    Ok(())
}
