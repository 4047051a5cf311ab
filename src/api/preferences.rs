//! Accessibility and communication preferences ([`domain::endpoints::preferences`]).

use domain::api::account::Preferences;
use domain::endpoints::preferences::UpdatePreferences;

use super::{call, ClientError};

/// `PUT /preferences`: replace the preferences.
pub async fn update(preferences: &Preferences) -> Result<Preferences, ClientError> {
    call::<UpdatePreferences>(&[], preferences, None).await
}
