//! Accessibility and communication preferences ([`domain::endpoints::preferences`]).

use domain::api::account::{AccountAddress, Preferences};
use domain::endpoint::NoBody;
use domain::endpoints::preferences::{GetPostalAddress, UpdatePostalAddress, UpdatePreferences};

use super::{call, ClientError};

/// `PUT /preferences`: replace the preferences.
pub async fn update(preferences: &Preferences) -> Result<Preferences, ClientError> {
    call::<UpdatePreferences>(&[], preferences, None).await
}

/// `GET /postal-address`: where letters to the account go.
pub async fn postal_address() -> Result<AccountAddress, ClientError> {
    call::<GetPostalAddress>(&[], &NoBody {}, None).await
}

/// `PUT /postal-address`: replace it (none takes it away).
pub async fn update_postal_address(
    address: &AccountAddress,
) -> Result<AccountAddress, ClientError> {
    call::<UpdatePostalAddress>(&[], address, None).await
}
