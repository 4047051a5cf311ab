//! Form state shared by every form: field errors keyed like the API's, and the
//! ids that link an error summary to its fields. Pure, so tested natively.

use domain::validation::FieldError;

use crate::i18n::{t, tf, tn};

/// The HTML id of the input for an API field key (`contact.phone` → `contact-phone`).
pub fn field_id(field: &str) -> String {
    if field.is_empty() {
        "main-content".to_owned()
    } else {
        field.replace(['.', '_'], "-")
    }
}

/// The first message for `field`, if any, in the resident's language (the
/// messages come in English from the shared validation or the API).
pub fn message_for(errors: &[FieldError], field: &str) -> Option<String> {
    errors
        .iter()
        .find(|e| e.field == field)
        .map(|e| t(&e.message).to_owned())
}

/// The page title, prefixed "Error: " while the form shows errors (GOV.UK).
pub fn page_title(title: &str, has_errors: bool) -> String {
    if has_errors {
        tf("Error: {title}", &[("title", &title)])
    } else {
        title.to_owned()
    }
}

/// A file upload's button, and the line beside it, once `chosen` files have
/// been taken into the list below it (the browser's own control would say
/// "No file chosen" by then, as it is emptied after each choice). `single`:
/// a new file replaces the one chosen.
pub fn file_upload_words(chosen: usize, single: bool) -> (&'static str, String) {
    match (chosen, single) {
        (0, _) => (t("Choose a file"), t("No file chosen").to_owned()),
        (_, true) => (
            t("Choose a different file"),
            tn("{count} file added", "{count} files added", 1, &[]),
        ),
        (n, false) => (
            t("Add another file"),
            tn("{count} file added", "{count} files added", n as u64, &[]),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nested_field_keys_become_html_ids() {
        assert_eq!(field_id("contact.phone"), "contact-phone");
        assert_eq!(field_id("started_on"), "started-on");
        assert_eq!(field_id(""), "main-content");
    }

    #[test]
    fn the_first_message_for_a_field_is_shown() {
        let errors = vec![
            FieldError::new("email", "Enter an email address"),
            FieldError::new("email", "second"),
        ];
        assert_eq!(
            message_for(&errors, "email").as_deref(),
            Some("Enter an email address")
        );
        assert_eq!(message_for(&errors, "password"), None);
    }

    #[test]
    fn a_page_with_errors_has_error_in_its_title() {
        assert_eq!(page_title("Sign in", true), "Error: Sign in");
        assert_eq!(page_title("Sign in", false), "Sign in");
    }

    #[test]
    fn a_file_upload_never_says_no_file_is_chosen_once_one_is_added() {
        assert_eq!(
            file_upload_words(0, false),
            ("Choose a file", "No file chosen".to_owned())
        );
        assert_eq!(
            file_upload_words(1, false),
            ("Add another file", "1 file added".to_owned())
        );
        assert_eq!(
            file_upload_words(3, false),
            ("Add another file", "3 files added".to_owned())
        );
        assert_eq!(
            file_upload_words(0, true),
            ("Choose a file", "No file chosen".to_owned())
        );
        assert_eq!(
            file_upload_words(1, true),
            ("Choose a different file", "1 file added".to_owned())
        );
    }
}
