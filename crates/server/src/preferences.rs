//! An account's accessibility and communication preferences: one JSON
//! document per account, the defaults until it is set, and the postal
//! address letters go to, in typed columns of its own (`postal_addresses`).
//! Read by the session, the case view (for staff) and the outbox (which
//! channel to write by, and where a letter goes).

pub mod store;

use chrono::{DateTime, Utc};
use domain::api::account::{AccountAddress, Preferences};
use sqlx::AnyConnection;

use crate::error::ApiError;

/// An account's preferences, or the defaults when it has never set them.
#[tracing::instrument(skip_all, fields(user_id))]
pub async fn load(conn: &mut AnyConnection, user_id: i64) -> Result<Preferences, sqlx::Error> {
    let document = store::document(conn, user_id).await?;
    Ok(document.map(|d| parse(&d, user_id)).unwrap_or_default())
}

/// The postal address an account gave for letters, if any.
pub async fn postal_address(
    conn: &mut AnyConnection,
    user_id: i64,
) -> Result<Option<domain::validation::postal::PostalAddress>, sqlx::Error> {
    store::postal_address(conn, user_id).await
}

/// Replaces the whole document (a field left out takes its default) and
/// returns it as stored: trimmed, with values that no longer apply dropped.
#[tracing::instrument(skip_all, fields(user_id))]
pub async fn save(
    conn: &mut AnyConnection,
    user_id: i64,
    preferences: Preferences,
    at: DateTime<Utc>,
) -> Result<Preferences, ApiError> {
    let preferences = preferences.normalised();
    preferences.validate()?;
    let document = serde_json::to_string(&preferences).map_err(ApiError::internal)?;
    store::save(conn, user_id, &document, at).await?;
    Ok(preferences)
}

/// Replaces the account's postal address (none takes it away) and returns
/// it as stored: tidied, the postcode in capitals with its space.
#[tracing::instrument(skip_all, fields(user_id))]
pub async fn save_postal_address(
    conn: &mut AnyConnection,
    user_id: i64,
    address: AccountAddress,
    at: DateTime<Utc>,
) -> Result<AccountAddress, ApiError> {
    let address = address.normalised();
    address.validate()?;
    store::save_postal_address(conn, user_id, address.postal_address.as_ref(), at).await?;
    Ok(address)
}

/// A stored document; one that no longer reads (it never should) gives the
/// defaults rather than locking the account out, and is logged.
pub fn parse(document: &str, user_id: i64) -> Preferences {
    serde_json::from_str(document).unwrap_or_else(|error| {
        // Where, not what: serde's message can quote the stored value (a
        // phone number, the adjustments someone needs).
        tracing::error!(
            kind = ?error.classify(),
            line = error.line(),
            column = error.column(),
            user_id,
            "stored preferences cannot be read; using the defaults"
        );
        Preferences::default()
    })
}
