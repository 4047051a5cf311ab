//! Accessibility and communication preferences.

use crate::api::account::{AccountAddress, Preferences};
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

    GetPostalAddress: GET "/postal-address" {
        const OPERATION: &'static str = "get_postal_address";
        const SUMMARY: &'static str = "The postal address letters go to";
        const ACCESS: Access = SignedIn;
        type Request = NoBody;
        type Answer = AccountAddress;
    }

    UpdatePostalAddress: PUT "/postal-address" {
        const OPERATION: &'static str = "update_postal_address";
        const SUMMARY: &'static str = "Replace the postal address letters go to (null takes it away)";
        const ACCESS: Access = SignedIn;
        type Request = AccountAddress;
        type Answer = AccountAddress;
        const ERRORS: &'static [u16] = &[403];
    }
}
