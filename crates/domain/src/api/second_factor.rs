//! Two-factor sign-in for staff and admins: a code from an authenticator app
//! (TOTP, RFC 6238), or one of ten single-use recovery codes.
//!
//! A staff or admin account's right password answers `202` with a
//! [`SecondFactorNeeded`], not a session: the next step is
//! [`SecondFactorStep::SecondFactor`] (enter a code) or
//! [`SecondFactorStep::SetUpSecondFactor`] (set up an app first: on the first
//! sign-in, or after an admin reset it).

use serde::{Deserialize, Serialize};

use super::account::Session;

/// The longest code a request may carry (a recovery code with spaces or dashes).
pub const CODE_MAX_CHARS: usize = 40;
/// Digits in an authenticator app's code.
pub const CODE_DIGITS: usize = 6;
/// How many recovery codes set-up gives.
pub const RECOVERY_CODES: usize = 10;

/// What is needed after the password.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum SecondFactorStep {
    /// Enter the code from the authenticator app (or a recovery code).
    SecondFactor,
    /// Set up an authenticator app first.
    SetUpSecondFactor,
}

/// `202` from `POST /api/v1/session` for a staff or admin account, and
/// `GET /api/v1/session/second-factor`: the password was right, a second
/// step is needed. The answer also sets a short-lived cookie that opens only
/// the second-factor endpoints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
pub struct SecondFactorNeeded {
    pub next: SecondFactorStep,
}

/// Which kind of code is sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum CodeKind {
    /// Six digits from the authenticator app.
    #[default]
    Authenticator,
    /// One of the recovery codes shown at set-up (each works once).
    RecoveryCode,
}

/// `POST /api/v1/session/second-factor` and
/// `POST /api/v1/session/second-factor/setup/confirmation`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct SecondFactorCode {
    #[cfg_attr(feature = "openapi", schemars(length(max = 40)))]
    pub code: String,
    #[serde(default)]
    pub kind: CodeKind,
}

/// `POST /api/v1/session/second-factor/setup`: the key to add to an
/// authenticator app. Given until set-up is confirmed, never after.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
pub struct SecondFactorSetup {
    /// The secret key in base32 (RFC 4648, no padding), for typing in.
    pub secret: String,
    /// The same as an `otpauth://totp/…` URI, for a QR code.
    pub uri: String,
    /// The URI as a QR code: an SVG image, as a `data:` URL.
    pub qr_code: String,
}

/// `200` from `POST /api/v1/session/second-factor/setup/confirmation`: the
/// recovery codes (shown this once; only their hashes are kept) and the
/// session that has started.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
pub struct SecondFactorConfirmed {
    pub recovery_codes: Vec<String>,
    pub session: Session,
}

/// `200` from `GET /api/v1/account/recovery-codes` (staff and admins): how
/// many of the account's recovery codes are still unused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
pub struct RecoveryCodesLeft {
    pub left: u32,
}

/// `POST /api/v1/account/recovery-codes`: the password confirms that new
/// codes replace the old ones.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct NewRecoveryCodes {
    pub password: String,
}

/// `200` from `POST /api/v1/account/recovery-codes`: the new codes, shown
/// this once (the old ones no longer work).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
pub struct RecoveryCodes {
    pub recovery_codes: Vec<String>,
}

/// The words of the second step's errors (the server answers with them, the
/// app shows them). Only staff and admins ever see them, on staff pages,
/// which are in English (like every staff page): so they are not `messages`,
/// which the app's catalogue translates into every language.
pub mod staff_messages {
    pub const CODE_MISSING: &str = "Enter the code from your authenticator app";
    pub const CODE_FORMAT: &str = "Enter the 6-digit code from your authenticator app";
    pub const CODE_WRONG: &str =
        "The code is not right. Enter the code your authenticator app shows now";
    pub const RECOVERY_CODE_MISSING: &str = "Enter a recovery code";
    pub const RECOVERY_CODE_WRONG: &str =
        "The recovery code is not right, or has already been used";
    pub const ALREADY_SET_UP: &str =
        "Your authenticator app is already set up. Enter the code it shows";
    pub const NOT_SET_UP: &str = "Set up your authenticator app first";
    pub const PASSWORD_MISSING: &str = "Enter your password";
    pub const PASSWORD_WRONG: &str = "Your password is not right";
    pub const SET_UP_WITH_APP: &str =
        "Enter the code from your authenticator app to finish setting it up";
}

/// The 6 digits of an authenticator code as typed: spaces and dashes (some
/// apps show `123 456`) are ignored. `Err` is the message to show.
pub fn parse_code(value: &str) -> Result<String, &'static str> {
    let digits: String = value
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .collect();
    if digits.is_empty() {
        Err(staff_messages::CODE_MISSING)
    } else if digits.len() != CODE_DIGITS || !digits.bytes().all(|b| b.is_ascii_digit()) {
        Err(staff_messages::CODE_FORMAT)
    } else {
        Ok(digits)
    }
}

/// A recovery code as typed, normalised: lower case, without spaces or dashes.
pub fn normalise_recovery_code(value: &str) -> String {
    value
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .flat_map(char::to_lowercase)
        .collect()
}

/// A secret key grouped in fours for reading and typing: `ABCD EFGH …`.
pub fn grouped(secret: &str) -> String {
    secret
        .as_bytes()
        .chunks(4)
        .map(|chunk| String::from_utf8_lossy(chunk).into_owned())
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_code_may_be_typed_with_a_space_but_must_be_six_digits() {
        assert_eq!(parse_code(" 123 456 ").as_deref(), Ok("123456"));
        assert_eq!(parse_code("123-456").as_deref(), Ok("123456"));
        assert_eq!(parse_code(""), Err(staff_messages::CODE_MISSING));
        assert_eq!(parse_code("12345"), Err(staff_messages::CODE_FORMAT));
        assert_eq!(parse_code("12345a"), Err(staff_messages::CODE_FORMAT));
        assert_eq!(parse_code("١٢٣٤٥٦"), Err(staff_messages::CODE_FORMAT));
    }

    #[test]
    fn recovery_codes_ignore_case_spaces_and_dashes() {
        assert_eq!(normalise_recovery_code(" ABCD-efgh ijkl"), "abcdefghijkl");
    }

    #[test]
    fn a_key_is_grouped_in_fours() {
        assert_eq!(grouped("ABCDEFGHIJ"), "ABCD EFGH IJ");
    }
}
