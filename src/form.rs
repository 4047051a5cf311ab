//! Form state shared by every form: field errors keyed like the API's, and the
//! ids that link an error summary to its fields. Pure, so tested natively.

use domain::validation::FieldError;

use crate::i18n::{t, tf};

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
    errors.iter().find(|e| e.field == field).map(|e| t(&e.message).to_owned())
}

/// The page title, prefixed "Error: " while the form shows errors (GOV.UK).
pub fn page_title(title: &str, has_errors: bool) -> String {
    if has_errors {
        tf("Error: {title}", &[("title", &title)])
    } else {
        title.to_owned()
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
        assert_eq!(message_for(&errors, "email").as_deref(), Some("Enter an email address"));
        assert_eq!(message_for(&errors, "password"), None);
    }

    #[test]
    fn a_page_with_errors_has_error_in_its_title() {
        assert_eq!(page_title("Sign in", true), "Error: Sign in");
        assert_eq!(page_title("Sign in", false), "Sign in");
    }
}
