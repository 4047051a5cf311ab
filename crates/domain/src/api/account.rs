//! Accounts, sessions and preferences on the wire, and the words of their
//! validation messages (the server answers with them, the app shows them).
//!
//! Requests refuse unknown fields, so a misspelt key is a 422 naming it rather
//! than a silently ignored value.

use serde::{Deserialize, Serialize};

use crate::validation::{FieldError, Problems};

/// What an account may do. Residents and advocates register themselves; staff
/// (caseworkers) and admins are only made with `server user add`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Resident,
    Advocate,
    Staff,
    Admin,
}

impl Role {
    pub const ALL: [Role; 4] = [Role::Resident, Role::Advocate, Role::Staff, Role::Admin];

    /// The value stored in `users.role` and sent on the wire.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Resident => "resident",
            Role::Advocate => "advocate",
            Role::Staff => "staff",
            Role::Admin => "admin",
        }
    }

    pub fn parse(value: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|role| role.as_str() == value)
    }

    /// Staff and admins work on cases; residents and advocates raise them.
    pub fn is_staff(self) -> bool {
        matches!(self, Role::Staff | Role::Admin)
    }

    /// Whether someone may make an account of this role for themselves.
    pub fn can_register(self) -> bool {
        matches!(self, Role::Resident | Role::Advocate)
    }
}

impl std::fmt::Display for Role {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

// ---------------------------------------------------------------------------
// Messages
// ---------------------------------------------------------------------------

/// The words of every account and preferences error, written once.
pub mod messages {
    /// An advocate acting for someone, or accepting an invitation, before
    /// proving their address (409, code `email_not_verified`).
    pub const EMAIL_NOT_VERIFIED: &str =
        "Confirm your email address first. Open the link we sent you, or ask for a new one";
    pub const VERIFICATION_LINK_NOT_VALID: &str =
        "This link has expired or has already been used. Create your account again to get a new one";
    pub const VERIFICATION_PASSWORD_WRONG: &str =
        "Enter the password you chose when you made this account";
    pub const EMAIL_ALREADY_VERIFIED: &str = "Your email address is already confirmed";
    pub const NAME_MISSING: &str = "Enter your full name";
    pub const NAME_TOO_LONG: &str = "Full name must be 200 characters or fewer";
    pub const EMAIL_MISSING: &str = "Enter an email address";
    pub const EMAIL_FORMAT: &str =
        "Enter an email address in the correct format, like name@example.com";
    pub const EMAIL_TAKEN: &str = "An account with this email address already exists";
    pub const PASSWORD_MISSING: &str = "Enter a password";
    pub const PASSWORD_TOO_SHORT: &str = "Password must be 8 characters or more";
    pub const PASSWORD_TOO_LONG: &str = "Password must be 128 characters or fewer";
    pub const PASSWORD_TOO_COMMON: &str = "Choose a password that is harder to guess";
    pub const ROLE_NOT_ALLOWED: &str = "Select if you are a resident or an advocate";
    /// One message for a wrong email and a wrong password alike, so that
    /// signing in does not tell whether an account exists.
    pub const SIGN_IN_FAILED: &str = "Enter a correct email address and password";

    pub const LANGUAGE_FORMAT: &str = "Enter a language code, like en or pl";
    pub const LETTER_LANGUAGE_MISSING: &str = "Enter the language you want letters in";
    pub const LETTER_LANGUAGE_TOO_LONG: &str = "Language must be 50 characters or fewer";
    pub const PHONE_MISSING: &str = "Enter a telephone number";
    pub const PHONE_FORMAT: &str =
        "Enter a telephone number, like 01632 960 001, 07700 900 982 or +44 808 157 0192";
    pub const INTERPRETER_LANGUAGE_MISSING: &str = "Enter the language you need an interpreter for";
    pub const INTERPRETER_LANGUAGE_TOO_LONG: &str = "Language must be 50 characters or fewer";
    pub const ADDRESS_LINE_1_MISSING: &str =
        "Enter address line 1, typically the building and street";
    pub const ADDRESS_LINE_1_TOO_LONG: &str = "Address line 1 must be 35 characters or fewer";
    pub const ADDRESS_LINE_2_TOO_LONG: &str = "Address line 2 must be 35 characters or fewer";
    pub const TOWN_MISSING: &str = "Enter town or city";
    pub const TOWN_TOO_LONG: &str = "Town or city must be 35 characters or fewer";
    pub const POSTCODE_MISSING: &str = "Enter postcode";
    pub const POSTCODE_FORMAT: &str = "Enter a full UK postcode, like LS1 4AP";
    pub const ADJUSTMENTS_TOO_LONG: &str =
        "Reasonable adjustments must be 2000 characters or fewer";
}

/// Passwords are 8 to 128 characters (counted as characters, not bytes).
pub const PASSWORD_MIN_CHARS: usize = 8;
pub const PASSWORD_MAX_CHARS: usize = 128;
pub const NAME_MAX_CHARS: usize = 200;
pub const EMAIL_MAX_CHARS: usize = 254;
pub const ADJUSTMENTS_MAX_CHARS: usize = 2000;
const LANGUAGE_NAME_MAX_CHARS: usize = 50;

/// A full name: trimmed, not empty, at most 200 characters.
pub fn parse_name(value: &str) -> Result<String, String> {
    let name = value.trim();
    if name.is_empty() {
        Err(messages::NAME_MISSING.into())
    } else if name.chars().any(crate::validation::text::is_hidden_in_line) {
        Err(crate::validation::text::SINGLE_LINE_HIDDEN.into())
    } else if name.chars().count() > NAME_MAX_CHARS {
        Err(messages::NAME_TOO_LONG.into())
    } else {
        Ok(name.to_owned())
    }
}

/// An email address, trimmed and lower-cased. Deliberately simple (one `@`,
/// something before it, a domain with a dot after it, no spaces): the only real
/// check of an address is a message reaching it.
pub fn parse_email(value: &str) -> Result<String, String> {
    let email = value.trim().to_lowercase();
    if email.is_empty() {
        return Err(messages::EMAIL_MISSING.into());
    }
    let format = || Err(messages::EMAIL_FORMAT.to_owned());
    if email.chars().count() > EMAIL_MAX_CHARS {
        return format();
    }
    let Some((local, domain)) = email.split_once('@') else {
        return format();
    };
    let local_ok = !local.is_empty()
        && local.len() <= 64
        && !local.starts_with('.')
        && !local.ends_with('.')
        && !local.contains("..")
        && local
            .chars()
            .all(|c| c.is_alphanumeric() || ".!#$%&'*+/=?^_`{|}~-".contains(c));
    let labels: Vec<&str> = domain.split('.').collect();
    let domain_ok = labels.len() >= 2
        && labels.iter().all(|label| {
            !label.is_empty()
                && label.len() <= 63
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label.chars().all(|c| c.is_alphanumeric() || c == '-')
        })
        && labels.last().is_some_and(|tld| tld.chars().count() >= 2);
    if local_ok && domain_ok {
        Ok(email)
    } else {
        format()
    }
}

/// A password of the right length. Whether it is too common is the server's
/// check (it holds the list), answered with [`messages::PASSWORD_TOO_COMMON`].
pub fn check_password_length(password: &str) -> Result<(), String> {
    let chars = password.chars().count();
    if chars == 0 {
        Err(messages::PASSWORD_MISSING.into())
    } else if chars < PASSWORD_MIN_CHARS {
        Err(messages::PASSWORD_TOO_SHORT.into())
    } else if chars > PASSWORD_MAX_CHARS {
        Err(messages::PASSWORD_TOO_LONG.into())
    } else {
        Ok(())
    }
}

// ---------------------------------------------------------------------------
// Accounts and sessions
// ---------------------------------------------------------------------------

/// `POST /api/v1/accounts`: a resident or an advocate makes an account (and is
/// signed in).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Registration {
    pub name: String,
    pub email: String,
    pub password: String,
    pub role: Role,
}

/// A registration whose fields have been checked: name trimmed, email trimmed
/// and lower-cased, password the right length, role one that may register.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidRegistration {
    pub name: String,
    pub email: String,
    pub password: String,
    pub role: Role,
}

impl Registration {
    /// Every problem at once, keyed by field, in the order of the form.
    pub fn validate(self) -> Result<ValidRegistration, Vec<FieldError>> {
        let mut problems = Problems::new();
        let name = problems.check("name", parse_name(&self.name));
        let email = problems.check("email", parse_email(&self.email));
        problems.check("password", check_password_length(&self.password));
        if !self.role.can_register() {
            problems.add("role", messages::ROLE_NOT_ALLOWED);
        }
        problems.into_result()?;
        Ok(ValidRegistration {
            name: name.unwrap_or_default(),
            email: email.unwrap_or_default(),
            password: self.password,
            role: self.role,
        })
    }
}

/// `POST /api/v1/session`: sign in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct SignIn {
    pub email: String,
    pub password: String,
}

/// Who is signed in. `id` is the account's public id (never the database key).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
pub struct SessionUser {
    pub id: String,
    pub name: String,
    pub email: String,
    pub role: Role,
    /// Whether the email address has been proved by the link sent to it.
    /// Until it is, the account cannot act for anyone else and is sent no
    /// email but the link.
    #[serde(default)]
    pub email_verified: bool,
}

/// `POST /api/v1/accounts/verification`: the token from the link.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct EmailConfirmation {
    #[cfg_attr(feature = "openapi", schemars(length(min = 1, max = 64)))]
    pub token: String,
    /// The account's password: the link alone does not sign in, so that
    /// someone who registered another person's address cannot have its owner
    /// confirm an account whose password the registrant knows.
    pub password: String,
}

/// `GET /api/v1/session` (and the answer to signing in or registering).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
pub struct Session {
    pub user: SessionUser,
    pub preferences: Preferences,
}

/// What `GET /api/v1/session` answers: the signed-in person and their
/// preferences, or neither when this browser holds no session at all (a
/// first visit: 200, not an error). A session that has ended still answers
/// 401, so the app can tell someone their session is over.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
pub struct SessionCheck {
    pub user: Option<SessionUser>,
    pub preferences: Option<Preferences>,
}

impl SessionCheck {
    /// Nobody is signed in on this browser.
    pub const SIGNED_OUT: SessionCheck = SessionCheck {
        user: None,
        preferences: None,
    };

    /// The session, when someone is signed in.
    pub fn into_session(self) -> Option<Session> {
        Some(Session {
            user: self.user?,
            preferences: self.preferences?,
        })
    }
}

impl From<Session> for SessionCheck {
    fn from(session: Session) -> Self {
        SessionCheck {
            user: Some(session.user),
            preferences: Some(session.preferences),
        }
    }
}

// ---------------------------------------------------------------------------
// Preferences
// ---------------------------------------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum TextSize {
    #[default]
    Standard,
    Large,
    Larger,
    Largest,
}

/// The format letters are sent in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum LetterFormat {
    #[default]
    Standard,
    LargePrint,
    Braille,
    Audio,
    EasyRead,
    /// In the language of `letter_language`.
    AnotherLanguage,
}

impl LetterFormat {
    /// How staff read it ("large print").
    pub fn label(self) -> &'static str {
        match self {
            LetterFormat::Standard => "standard",
            LetterFormat::LargePrint => "large print",
            LetterFormat::Braille => "braille",
            LetterFormat::Audio => "audio",
            LetterFormat::EasyRead => "easy read",
            LetterFormat::AnotherLanguage => "another language",
        }
    }
}

/// How a resident wants to hear from us.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ContactChannel {
    #[default]
    Email,
    Phone,
    Letter,
    TextMessage,
}

impl ContactChannel {
    /// The value stored in `outbox.channel`.
    pub fn as_str(self) -> &'static str {
        match self {
            ContactChannel::Email => "email",
            ContactChannel::Phone => "phone",
            ContactChannel::Letter => "letter",
            ContactChannel::TextMessage => "text_message",
        }
    }

    /// The channel stored as [`ContactChannel::as_str`].
    pub fn parse(value: &str) -> Option<ContactChannel> {
        [
            ContactChannel::Email,
            ContactChannel::Phone,
            ContactChannel::Letter,
            ContactChannel::TextMessage,
        ]
        .into_iter()
        .find(|c| c.as_str() == value)
    }

    pub fn needs_phone(self) -> bool {
        matches!(self, ContactChannel::Phone | ContactChannel::TextMessage)
    }
}

/// An account's accessibility and communication preferences:
/// `GET`/`PUT /api/v1/preferences`.
///
/// `PUT` replaces the whole document; a field left out takes its default, so
/// that documents stored before a field existed still read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct Preferences {
    pub text_size: TextSize,
    pub high_contrast: bool,
    pub reduced_motion: bool,
    pub readable_font: bool,
    /// The portal's language: "en" or a BCP 47 style code ("pl", "pt-BR").
    pub language: String,
    pub letter_format: LetterFormat,
    /// Required when `letter_format` is `another_language`.
    pub letter_language: Option<String>,
    pub contact_channel: ContactChannel,
    /// Required when `contact_channel` is `phone` or `text_message`.
    pub phone: Option<String>,
    pub interpreter: bool,
    /// Required when `interpreter` is true.
    pub interpreter_language: Option<String>,
    /// Anything else we should do to make things easier (free text).
    pub reasonable_adjustments: String,
}

impl Default for Preferences {
    fn default() -> Self {
        Self {
            text_size: TextSize::Standard,
            high_contrast: false,
            reduced_motion: false,
            readable_font: false,
            language: "en".into(),
            letter_format: LetterFormat::Standard,
            letter_language: None,
            contact_channel: ContactChannel::Email,
            phone: None,
            interpreter: false,
            interpreter_language: None,
            reasonable_adjustments: String::new(),
        }
    }
}

impl Preferences {
    /// Trims the text, turns blank optional text into `None`, lower-cases the
    /// language's first subtag, and drops values that no longer apply (a phone
    /// number is kept: it may be used by staff even when letters are chosen).
    pub fn normalised(mut self) -> Self {
        let blank_to_none =
            |value: Option<String>| value.map(|v| v.trim().to_owned()).filter(|v| !v.is_empty());
        self.language = normalise_language(&self.language);
        self.letter_language = blank_to_none(self.letter_language);
        self.phone = blank_to_none(self.phone);
        self.interpreter_language = blank_to_none(self.interpreter_language);
        self.reasonable_adjustments = self.reasonable_adjustments.trim().to_owned();
        if self.letter_format != LetterFormat::AnotherLanguage {
            self.letter_language = None;
        }
        if !self.interpreter {
            self.interpreter_language = None;
        }
        self
    }

    /// Every problem at once, keyed by field. Call on a [`normalised`] value.
    ///
    /// [`normalised`]: Preferences::normalised
    pub fn validate(&self) -> Result<(), Vec<FieldError>> {
        let mut problems = Problems::new();
        if !is_language_code(&self.language) {
            problems.add("language", messages::LANGUAGE_FORMAT);
        }
        if self.letter_format == LetterFormat::AnotherLanguage {
            match &self.letter_language {
                None => problems.add("letter_language", messages::LETTER_LANGUAGE_MISSING),
                Some(l) if l.chars().count() > LANGUAGE_NAME_MAX_CHARS => {
                    problems.add("letter_language", messages::LETTER_LANGUAGE_TOO_LONG)
                }
                Some(_) => {}
            }
        }
        match &self.phone {
            None if self.contact_channel.needs_phone() => {
                problems.add("phone", messages::PHONE_MISSING)
            }
            Some(phone) if !is_phone_number(phone) => problems.add("phone", messages::PHONE_FORMAT),
            _ => {}
        }
        if self.interpreter {
            match &self.interpreter_language {
                None => problems.add(
                    "interpreter_language",
                    messages::INTERPRETER_LANGUAGE_MISSING,
                ),
                Some(l) if l.chars().count() > LANGUAGE_NAME_MAX_CHARS => problems.add(
                    "interpreter_language",
                    messages::INTERPRETER_LANGUAGE_TOO_LONG,
                ),
                Some(_) => {}
            }
        }
        if self.reasonable_adjustments.chars().count() > ADJUSTMENTS_MAX_CHARS {
            problems.add("reasonable_adjustments", messages::ADJUSTMENTS_TOO_LONG);
        }
        problems.into_result()
    }
}

/// `GET`/`PUT /api/v1/postal-address`: where letters to the account go.
/// Without one, a letter waits for staff to find the address. Kept apart
/// from [`Preferences`], which every page reads, since only the settings
/// page and the letters need it.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct AccountAddress {
    /// `null`: none given (or taken away).
    pub postal_address: Option<crate::validation::postal::PostalAddress>,
}

impl AccountAddress {
    /// Tidied: trimmed, the postcode in capitals with its space, and all
    /// four parts blank as no address.
    pub fn normalised(self) -> Self {
        Self {
            postal_address: self
                .postal_address
                .and_then(crate::validation::postal::PostalAddress::normalised),
        }
    }

    /// Every problem at once, keyed `postal_address.town` and so on. Call on
    /// a [`normalised`](AccountAddress::normalised) value.
    pub fn validate(&self) -> Result<(), Vec<FieldError>> {
        let mut problems = Problems::new();
        if let Some(address) = &self.postal_address {
            address.check("postal_address", &mut problems);
        }
        problems.into_result()
    }
}

fn normalise_language(value: &str) -> String {
    let value = value.trim();
    match value.split_once('-') {
        Some((primary, rest)) => format!("{}-{rest}", primary.to_lowercase()),
        None => value.to_lowercase(),
    }
}

/// BCP 47, loosely: a primary subtag of 2 or 3 letters, then subtags of 1 to 8
/// letters or digits ("en", "pl", "pt-BR", "zh-Hant", "sgn-GB").
pub fn is_language_code(value: &str) -> bool {
    let mut subtags = value.split('-');
    let primary_ok = subtags
        .next()
        .is_some_and(|p| (2..=3).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphabetic()));
    primary_ok
        && value.len() <= 35
        && subtags
            .all(|s| (1..=8).contains(&s.len()) && s.chars().all(|c| c.is_ascii_alphanumeric()))
}

/// A telephone number as people write them: digits, spaces, brackets, dashes
/// and a leading `+`, with 10 to 15 digits.
pub fn is_phone_number(value: &str) -> bool {
    let allowed = value
        .chars()
        .enumerate()
        .all(|(i, c)| c.is_ascii_digit() || " ()-".contains(c) || (c == '+' && i == 0));
    let digits = value.chars().filter(char::is_ascii_digit).count();
    allowed && (10..=15).contains(&digits)
}

// ---------------------------------------------------------------------------
// Outbox
// ---------------------------------------------------------------------------

/// One row of `GET /api/v1/outbox` (staff only): a message a resident should
/// get, and whether it has been delivered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
pub struct OutboxMessage {
    pub id: i64,
    /// The account's public id.
    pub user_id: Option<String>,
    /// The case's public id.
    pub case_id: Option<String>,
    /// "email", "phone", "letter" or "text_message".
    pub channel: String,
    pub recipient: String,
    pub subject: String,
    pub body: String,
    /// RFC 3339 UTC.
    pub created_at: String,
    /// RFC 3339 UTC; `None` while undelivered.
    pub sent_at: Option<String>,
    pub attempts: i64,
    pub last_error: Option<String>,
    /// Whether it reached the resident, is on its way, or waits for staff.
    #[serde(default = "queued")]
    pub delivery: crate::api::cases::Delivery,
    /// Why it waits for staff, when it does.
    #[serde(default)]
    pub needs_staff: Option<crate::api::cases::NeedsStaff>,
    /// How it went, once sent.
    #[serde(default)]
    pub sent_by: Option<crate::api::cases::SentVia>,
    /// The case's reference (`CMP-2026-00042`), when it is about a case.
    #[serde(default)]
    pub case_reference: Option<String>,
}

fn queued() -> crate::api::cases::Delivery {
    crate::api::cases::Delivery::Queued
}

#[cfg(test)]
mod tests {
    use super::*;

    fn registration(name: &str, email: &str, password: &str, role: Role) -> Registration {
        Registration {
            name: name.into(),
            email: email.into(),
            password: password.into(),
            role,
        }
    }

    #[test]
    fn a_registration_is_trimmed_and_the_email_lower_cased() {
        let valid = registration(
            " Ada Lovelace ",
            " Ada@Example.COM ",
            "correct horse",
            Role::Resident,
        )
        .validate()
        .unwrap();
        assert_eq!(valid.name, "Ada Lovelace");
        assert_eq!(valid.email, "ada@example.com");
    }

    #[test]
    fn every_problem_with_a_registration_is_reported_at_once() {
        let errors = registration("", "nope", "short", Role::Staff)
            .validate()
            .unwrap_err();
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["name", "email", "password", "role"]);
        assert_eq!(errors[2].message, messages::PASSWORD_TOO_SHORT);
    }

    #[test]
    fn email_addresses_in_the_usual_shapes_are_accepted() {
        for email in [
            "a@b.co",
            "first.last+tag@mail.example.org",
            "o'neil@example.ie",
        ] {
            assert!(parse_email(email).is_ok(), "{email}");
        }
    }

    #[test]
    fn email_addresses_without_a_proper_domain_are_refused() {
        for email in [
            "name",
            "name@",
            "@example.com",
            "name@example",
            "a b@example.com",
            "a@b@c.com",
            "a@example.c",
            "a..b@example.com",
            "a@-x.com",
        ] {
            assert_eq!(
                parse_email(email),
                Err(messages::EMAIL_FORMAT.into()),
                "{email}"
            );
        }
    }

    #[test]
    fn a_password_is_counted_in_characters_not_bytes() {
        assert!(check_password_length("ééééééé").is_err());
        assert!(check_password_length("éééééééé").is_ok());
        assert_eq!(
            check_password_length(&"x".repeat(129)),
            Err(messages::PASSWORD_TOO_LONG.into())
        );
    }

    #[test]
    fn preferences_default_to_standard_english_by_email() {
        let p = Preferences::default();
        assert_eq!(p.language, "en");
        assert_eq!(p.contact_channel, ContactChannel::Email);
        assert!(p.validate().is_ok());
    }

    #[test]
    fn a_partial_preferences_document_takes_defaults_for_the_rest() {
        let p: Preferences = serde_json::from_str(r#"{"text_size":"larger"}"#).unwrap();
        assert_eq!(p.text_size, TextSize::Larger);
        assert_eq!(p.language, "en");
    }

    #[test]
    fn text_messages_need_a_phone_number() {
        let p = Preferences {
            contact_channel: ContactChannel::TextMessage,
            phone: Some("  ".into()),
            ..Preferences::default()
        }
        .normalised();
        let errors = p.validate().unwrap_err();
        assert_eq!(
            errors,
            vec![FieldError::new("phone", messages::PHONE_MISSING)]
        );
    }

    #[test]
    fn letters_in_another_language_and_interpreters_need_the_language() {
        let p = Preferences {
            letter_format: LetterFormat::AnotherLanguage,
            interpreter: true,
            ..Preferences::default()
        }
        .normalised();
        let fields: Vec<String> = p
            .validate()
            .unwrap_err()
            .into_iter()
            .map(|e| e.field)
            .collect();
        assert_eq!(fields, ["letter_language", "interpreter_language"]);
    }

    #[test]
    fn language_codes_are_loosely_bcp_47() {
        for ok in ["en", "pl", "pt-BR", "zh-Hant", "sgn-GB"] {
            assert!(is_language_code(ok), "{ok}");
        }
        for bad in ["", "e", "english", "en_GB", "en-", "12"] {
            assert!(!is_language_code(bad), "{bad}");
        }
    }

    #[test]
    fn telephone_numbers_are_written_as_people_write_them() {
        for ok in [
            "01632 960 001",
            "07700 900 982",
            "+44 808 157 0192",
            "(01632) 960-001",
        ] {
            assert!(is_phone_number(ok), "{ok}");
        }
        for bad in ["12345", "call me", "0770090098+2"] {
            assert!(!is_phone_number(bad), "{bad}");
        }
    }

    #[test]
    fn staff_and_admins_cannot_register() {
        assert!(Role::Resident.can_register() && Role::Advocate.can_register());
        assert!(!Role::Staff.can_register() && !Role::Admin.can_register());
        assert_eq!(Role::parse("staff"), Some(Role::Staff));
        assert_eq!(Role::parse("boss"), None);
    }
}
