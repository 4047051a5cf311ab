//! The account's own security on the wire (issue 13, finding 11): changing
//! the password, resetting a forgotten one by email, the sessions the
//! account has open, and deleting the account. The words of their messages
//! are here too (the server answers with them, the app shows them).
//!
//! Requests refuse unknown fields, like every other request of the API.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::account::{check_password_length, messages as account};
use crate::validation::{FieldError, Problems};

/// The words of every message these requests answer with, written once.
pub mod messages {
    pub const CURRENT_PASSWORD_MISSING: &str = "Enter your current password";
    pub const CURRENT_PASSWORD_WRONG: &str =
        "Your current password is not right. Check it and enter it again";
    pub const NEW_PASSWORD_MISSING: &str = "Enter a new password";
    pub const RESET_LINK_NOT_VALID: &str =
        "This link has expired or has already been used. Ask for a new one";
    pub const CONFIRM_PASSWORD_MISSING: &str = "Enter your password to delete your account";
    pub const CONFIRM_PASSWORD_WRONG: &str =
        "Your password is not right. Check it and enter it again";
}

/// How long a link to reset a password works, in hours (the email says so).
pub const RESET_LINK_HOURS: i64 = 1;

/// A new password: the length rules of registration, with "Enter a new
/// password" when it is empty. Whether it is too common is the server's check.
fn check_new_password(password: &str) -> Result<(), String> {
    match check_password_length(password) {
        Err(message) if message == account::PASSWORD_MISSING => {
            Err(messages::NEW_PASSWORD_MISSING.into())
        }
        other => other,
    }
}

/// `PUT /api/v1/account/password`: the signed-in person changes their password.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PasswordChange {
    pub current_password: String,
    pub new_password: String,
}

impl PasswordChange {
    /// Every problem the form can see, in the order of the form.
    pub fn validate(&self) -> Result<(), Vec<FieldError>> {
        let mut problems = Problems::new();
        if self.current_password.is_empty() {
            problems.add("current_password", messages::CURRENT_PASSWORD_MISSING);
        }
        problems.check("new_password", check_new_password(&self.new_password));
        problems.into_result()
    }
}

/// `POST /api/v1/accounts/password-reset-link`: send a link to reset the
/// password of the account that uses this address, if there is one. The
/// answer is the same (202) whether or not there is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PasswordResetRequest {
    pub email: String,
}

impl PasswordResetRequest {
    /// The address, trimmed and lower-cased, or the problem with it.
    pub fn validate(&self) -> Result<String, Vec<FieldError>> {
        super::account::parse_email(&self.email)
            .map_err(|message| vec![FieldError::new("email", message)])
    }
}

/// `POST /api/v1/accounts/password-reset`: the token from the link, and the
/// new password.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PasswordReset {
    #[cfg_attr(feature = "openapi", schemars(length(min = 1, max = 64)))]
    pub token: String,
    pub password: String,
}

impl PasswordReset {
    /// The new password's problems (the token is the server's to judge).
    pub fn validate(&self) -> Result<(), Vec<FieldError>> {
        let mut problems = Problems::new();
        problems.check("password", check_new_password(&self.password));
        problems.into_result()
    }
}

/// `POST /api/v1/account/deletion`: the password, to confirm.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct AccountDeletion {
    pub password: String,
}

impl AccountDeletion {
    pub fn validate(&self) -> Result<(), Vec<FieldError>> {
        if self.password.is_empty() {
            Err(vec![FieldError::new(
                "password",
                messages::CONFIRM_PASSWORD_MISSING,
            )])
        } else {
            Ok(())
        }
    }
}

/// One row of `GET /api/v1/account/sessions`: a device the account is signed
/// in on. `id` is the session's public id, never its cookie.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
pub struct ActiveSession {
    pub id: String,
    pub started_at: DateTime<Utc>,
    /// When it was last used (written at most once a minute).
    pub last_used_at: DateTime<Utc>,
    /// The browser's family ("Firefox"), from the User-Agent when it started.
    pub browser: Option<String>,
    /// The operating system's family ("Android").
    pub system: Option<String>,
    /// The session this request came with: "this device".
    pub current: bool,
}

/// How many sessions the list shows at most (this device first, then the
/// most recently used).
pub const SESSIONS_SHOWN: usize = 50;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_form_names_both_fields_in_order() {
        let change = PasswordChange {
            current_password: String::new(),
            new_password: String::new(),
        };
        let errors = change.validate().unwrap_err();
        let found: Vec<(&str, &str)> = errors
            .iter()
            .map(|e| (e.field.as_str(), e.message.as_str()))
            .collect();
        assert_eq!(
            found,
            [
                ("current_password", messages::CURRENT_PASSWORD_MISSING),
                ("new_password", messages::NEW_PASSWORD_MISSING),
            ]
        );
    }

    #[test]
    fn a_new_password_has_the_lengths_of_registration() {
        let reset = |password: &str| PasswordReset {
            token: "t".into(),
            password: password.into(),
        };
        assert_eq!(
            reset("short").validate().unwrap_err()[0].message,
            account::PASSWORD_TOO_SHORT
        );
        assert_eq!(
            reset(&"a".repeat(129)).validate().unwrap_err()[0].message,
            account::PASSWORD_TOO_LONG
        );
        assert!(reset("purple tractor").validate().is_ok());
    }

    #[test]
    fn a_reset_is_asked_for_with_a_real_looking_address() {
        let request = |email: &str| PasswordResetRequest {
            email: email.into(),
        };
        assert_eq!(
            request(" Sam@Example.com ").validate().unwrap(),
            "sam@example.com"
        );
        assert_eq!(
            request("").validate().unwrap_err()[0].message,
            account::EMAIL_MISSING
        );
    }
}
