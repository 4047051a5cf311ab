//! What the app keeps on the device, and what a person can clear from a
//! shared one. Pure, so tested natively; `storage` does the clearing.

/// The beginnings of the keys that hold what someone typed, chose or sent:
/// drafts, their files, and the last confirmation. Not the look of the pages
/// or the cached policy, which say nothing about anyone.
const TYPED: [&str; 10] = [
    "complaint_draft.",
    "complaint_draft_files.",
    "complaint_sent.",
    "feedback_draft.",
    "feedback_sent.",
    "pir.draft.information.",
    "invite_draft.",
    "signed_form_draft.",
    "signed_form_file.",
    "on_behalf_draft.",
];

/// Whether the device key `key` holds something a person typed or sent.
pub fn is_typed(key: &str) -> bool {
    TYPED.iter().any(|prefix| key.starts_with(prefix))
}

/// The device key that says a person marked this device as shared or public
/// (a library's or a friend's computer): signing out then deletes what was
/// typed. It says nothing about anyone, and outlives the deleting it asks for.
pub const SHARED_DEVICE: &str = "pir.shared_device";

/// The kind of account last signed in here (resident, advocate, staff), so
/// the header draws that account's links at once instead of changing under
/// the reader when the session is known (a layout shift, issue 20). Only a
/// guess until then; removed on signing out. It says nothing about anyone.
pub const LAST_ROLE: &str = "pir.last_role";

/// What [`SHARED_DEVICE`] holds on a device marked as shared.
pub const SHARED: &str = "true";

/// Whether what the device holds under [`SHARED_DEVICE`] marks it as shared.
pub fn is_shared(stored: Option<&str>) -> bool {
    stored == Some(SHARED)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::authorisation_words::{
        invite_key, on_behalf_key, signed_form_file_key, signed_form_key,
    };
    use crate::complaint_draft::{draft_key, feedback_key, feedback_sent_key, files_key, sent_key};

    #[test]
    fn every_draft_and_confirmation_is_typed() {
        let keys = [
            draft_key("u1"),
            files_key("u1"),
            sent_key("u1"),
            feedback_key("u1"),
            feedback_sent_key("u1"),
            crate::information_draft::text_key("c1"),
            crate::information_draft::files_key("c1"),
            invite_key("u1"),
            signed_form_key("u1"),
            signed_form_file_key("u1"),
            on_behalf_key("u1", "a1"),
        ];
        for key in keys {
            assert!(is_typed(&key), "{key}");
        }
    }

    #[test]
    fn the_look_of_the_pages_and_the_policy_are_kept() {
        assert!(!is_typed("pir.preferences"));
        assert!(!is_typed("pir.active_policy"));
        assert!(!is_typed(LAST_ROLE));
    }

    #[test]
    fn the_mark_of_a_shared_device_outlives_deleting_what_was_typed() {
        assert!(!is_typed(SHARED_DEVICE));
    }

    #[test]
    fn only_the_mark_itself_makes_a_device_shared() {
        assert!(is_shared(Some(SHARED)));
        assert!(!is_shared(None));
        assert!(!is_shared(Some("false")));
        assert!(!is_shared(Some("")));
    }
}
