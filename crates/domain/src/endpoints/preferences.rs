//! Accessibility and communication preferences.

use crate::api::account::Preferences;
use crate::endpoint::Access::SignedIn;
use crate::endpoint::{Access, NoBody};

endpoints! {
    GetPreferences: GET "/preferences" {
        const OPERATION: &'static str = "get_preferences";
        const SUMMARY: &'static str = "Accessibility and communication preferences";
        const ACCESS: Access = SignedIn;
        type Request = NoBody;
        type Answer = Preferences;
    }

    UpdatePreferences: PUT "/preferences" {
        const OPERATION: &'static str = "update_preferences";
        const SUMMARY: &'static str = "Replace the preferences";
        const ACCESS: Access = SignedIn;
        type Request = Preferences;
        type Answer = Preferences;
        const ERRORS: &'static [u16] = &[403];
    }
}
