//! Validation messages, written once and shared by the server and the app.
//!
//! The API answers invalid input with field-keyed [`FieldError`]s; the app puts
//! them straight into a GOV.UK error summary, so the words here are the words a
//! resident reads: short, specific, and saying how to put it right.

use serde::{Deserialize, Serialize};

/// One problem with one field. `field` is the JSON key (dotted for nested keys),
/// or empty for a problem with the request as a whole.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
pub struct FieldError {
    pub field: String,
    pub message: String,
    /// For a case event the lifecycle refused (409): the refusal's stable
    /// snake_case code (`escalation_window_closed`), so an app can say why in
    /// its own words. Absent otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// For a refusal a resident can meet: why, as typed facts (the last day
    /// of a window that closed, the stage), for the app's own words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refusal: Option<crate::case::RefusalReason>,
}

impl FieldError {
    pub fn new(field: &str, message: impl Into<String>) -> Self {
        Self {
            field: field.to_owned(),
            message: message.into(),
            code: None,
            refusal: None,
        }
    }

    /// A lifecycle refusal as a request-wide error: its English message, its
    /// code, and its reason where it has one.
    pub fn refused(refusal: crate::case::Refusal) -> Self {
        Self {
            field: String::new(),
            message: refusal.message,
            code: Some(refusal.code.to_owned()),
            refusal: refusal.reason,
        }
    }

    /// The same error, with a refusal's code.
    pub fn with_code(self, code: &str) -> Self {
        Self {
            code: Some(code.to_owned()),
            ..self
        }
    }
}

/// Collects field errors, then turns into `Ok` only when there are none.
#[derive(Debug, Default)]
pub struct Problems(Vec<FieldError>);

impl Problems {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn add(&mut self, field: &str, message: impl Into<String>) {
        self.0.push(FieldError::new(field, message));
    }

    /// Keeps the value of a parse, recording its error against `field`.
    pub fn check<T>(&mut self, field: &str, parsed: Result<T, String>) -> Option<T> {
        match parsed {
            Ok(value) => Some(value),
            Err(message) => {
                self.add(field, message);
                None
            }
        }
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn into_result(self) -> Result<(), Vec<FieldError>> {
        if self.0.is_empty() {
            Ok(())
        } else {
            Err(self.0)
        }
    }
}

/// Hidden characters in text: messages and checks shared by every field.
///
/// A single-line field (a name, an email address, a phone number, a
/// relationship…) may hold no control character at all (no line break, tab or
/// NUL) and no Unicode text-direction override (U+202A–U+202E,
/// U+2066–U+2069), which can make text read differently from what it holds.
/// A multi-line field ([`MULTI_LINE_FIELDS`]) may hold line breaks and tabs,
/// and its line ends are normalised to `\n` first.
pub mod text {
    use super::FieldError;

    pub const SINGLE_LINE_HIDDEN: &str =
        "Enter this on one line, without tabs, line breaks or hidden characters";
    pub const MULTI_LINE_HIDDEN: &str =
        "Remove hidden characters, such as text direction controls, from this text";

    /// The JSON keys of the request fields that are written in a text area.
    /// Every other text field is single-line.
    pub const MULTI_LINE_FIELDS: &[&str] = &[
        "details",
        "desired_outcome",
        "text",
        "reason",
        "reasons",
        "what",
        "comment",
        "time_limit_reason",
        "good_reason",
        "reasonable_adjustments",
        "resident_address",
        "about",
        "outcome_sought",
        "lessons",
        "introduction",
        "themes",
        "lessons_learnt",
        "improvements",
        "governing_body_response",
        "evidence",
    ];

    /// The most characters any request field may hold, by its JSON key:
    /// the backstop every request passes through before it is read, so no
    /// field is unbounded. A field with a closer rule of its own (the
    /// reason on an authorisation's check, 500) checks that too, with its own
    /// message; the OpenAPI document gives each field's real maximum.
    pub fn max_chars(key: &str) -> usize {
        match key {
            // A file, base64: four characters for every three bytes.
            "data_base64" => crate::api::cases::ATTACHMENT_MAX_BYTES.div_ceil(3) * 4,
            // A response's reasons are a letter's body.
            "reasons" => 20_000,
            // The parts of an annual report (Code section 8).
            "introduction"
            | "themes"
            | "lessons_learnt"
            | "improvements"
            | "governing_body_response" => crate::annual_report::TEXT_MAX_CHARS,
            "evidence" => crate::annual_report::EVIDENCE_MAX_CHARS,
            "details" | "desired_outcome" | "text" | "comment" | "reason" | "what"
            | "time_limit_reason" | "good_reason" | "about" | "outcome_sought" | "lessons" => {
                crate::api::cases::DETAILS_MAX_CHARS
            }
            "reasonable_adjustments" | "description" | "other" => {
                crate::api::account::ADJUSTMENTS_MAX_CHARS
            }
            "resident_address" | "relationship_other" => crate::api::authorisations::TEXT_MAX_CHARS,
            "filename" => 255,
            // One of a policy's exceptions to its time limit, word for word.
            "exception" => 500,
            "email" | "advocate_email" | "resident_email" => crate::api::account::EMAIL_MAX_CHARS,
            "password" | "current_password" | "new_password" => {
                crate::api::account::PASSWORD_MAX_CHARS
            }
            "language" | "letter_language" | "interpreter_language" => 50,
            "contact_phone" | "phone" => 40,
            "address_line_1" | "address_line_2" | "town" => super::postal::LINE_MAX_CHARS,
            "postcode" => super::postal::POSTCODE_MAX_CHARS,
            _ => crate::api::account::NAME_MAX_CHARS,
        }
    }

    /// Said when a field is longer than [`max_chars`] allows, where the
    /// field has no words of its own for it.
    pub fn too_long(key: &str, max: usize) -> String {
        use crate::api::{account::messages as account, cases::messages as cases};
        match key {
            "details" => cases::DETAILS_TOO_LONG.to_owned(),
            "desired_outcome" => cases::OUTCOME_TOO_LONG.to_owned(),
            "password" | "current_password" | "new_password" => {
                account::PASSWORD_TOO_LONG.to_owned()
            }
            "name" => account::NAME_TOO_LONG.to_owned(),
            "resident_address" => {
                crate::api::authorisations::messages::RESIDENT_ADDRESS_TOO_LONG.to_owned()
            }
            "reasonable_adjustments" => account::ADJUSTMENTS_TOO_LONG.to_owned(),
            "letter_language" | "interpreter_language" => {
                account::LETTER_LANGUAGE_TOO_LONG.to_owned()
            }
            "address_line_1" => super::postal::LINE_1_TOO_LONG.to_owned(),
            "address_line_2" => super::postal::LINE_2_TOO_LONG.to_owned(),
            "town" => super::postal::TOWN_TOO_LONG.to_owned(),
            "postcode" => super::postal::POSTCODE_FORMAT.to_owned(),
            _ => format!("Enter {max} characters or fewer"),
        }
    }

    /// A Unicode bidirectional embedding, override or isolate.
    pub fn is_direction_control(c: char) -> bool {
        matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
    }

    /// Refused anywhere in a single-line field.
    pub fn is_hidden_in_line(c: char) -> bool {
        c.is_control() || is_direction_control(c)
    }

    /// Refused in a multi-line field (line breaks and tabs are allowed).
    pub fn is_hidden_in_text(c: char) -> bool {
        (c.is_control() && c != '\n' && c != '\t') || is_direction_control(c)
    }

    /// `Err` with the message when a single-line value holds a hidden character.
    pub fn check_single_line(value: &str) -> Result<(), String> {
        if value.chars().any(is_hidden_in_line) {
            Err(SINGLE_LINE_HIDDEN.into())
        } else {
            Ok(())
        }
    }

    /// CRLF and lone CR become LF.
    pub fn normalise_line_ends(value: &str) -> String {
        value.replace("\r\n", "\n").replace('\r', "\n")
    }

    /// The value with its line ends normalised, or `Err` with the message
    /// when it holds a hidden character.
    pub fn clean_multi_line(value: &str) -> Result<String, String> {
        let value = normalise_line_ends(value);
        if value.chars().any(is_hidden_in_text) {
            Err(MULTI_LINE_HIDDEN.into())
        } else {
            Ok(value)
        }
    }

    /// Checks every text value in a request body, in place: multi-line
    /// fields get their line ends normalised, and each field holding a hidden
    /// character is reported once, keyed by its path (`attachments[0].filename`).
    pub fn clean_request(value: &mut serde_json::Value) -> Vec<FieldError> {
        let mut problems = Vec::new();
        walk(value, "", None, &mut problems);
        problems.sort_by(|a, b| a.field.cmp(&b.field));
        problems
    }

    fn walk(
        value: &mut serde_json::Value,
        path: &str,
        key: Option<&str>,
        problems: &mut Vec<FieldError>,
    ) {
        use serde_json::Value;
        match value {
            Value::String(text) => {
                let name = key.unwrap_or_default();
                let max = max_chars(name);
                // Counted in bytes first: a value can hold no more characters
                // than bytes, so a long one is refused without counting.
                if text.len() > max && text.chars().count() > max {
                    problems.push(FieldError::new(path, too_long(name, max)));
                    return;
                }
                let multi = key.is_some_and(|k| MULTI_LINE_FIELDS.contains(&k));
                let checked = if multi {
                    clean_multi_line(text).map(|clean| *text = clean)
                } else {
                    check_single_line(text)
                };
                if let Err(message) = checked {
                    problems.push(FieldError::new(path, message));
                }
            }
            Value::Array(items) => {
                for (n, item) in items.iter_mut().enumerate() {
                    walk(item, &format!("{path}[{n}]"), key, problems);
                }
            }
            Value::Object(fields) => {
                for (name, item) in fields.iter_mut() {
                    let child = if path.is_empty() {
                        name.clone()
                    } else {
                        format!("{path}.{name}")
                    };
                    walk(item, &child, Some(name), problems);
                }
            }
            _ => {}
        }
    }

    #[cfg(test)]
    mod tests {
        use super::*;
        use serde_json::json;

        #[test]
        fn names_with_control_or_direction_characters_are_refused() {
            for bad in [
                "Ada\u{0}",
                "Ada\rBcc: x",
                "Ada\nLovelace",
                "Ada\tL",
                "\u{202E}ecalevol",
                "a\u{2066}b",
            ] {
                assert_eq!(
                    check_single_line(bad),
                    Err(SINGLE_LINE_HIDDEN.into()),
                    "{bad:?}"
                );
            }
            assert!(check_single_line("Zoë O'Brien-Nguyễn 李").is_ok());
        }

        #[test]
        fn every_field_is_bounded_and_a_longer_value_is_refused_on_its_field() {
            let body = |key: &str, len: usize| json!({ "outer": { key: "é".repeat(len) } });
            for key in [
                "details",
                "reasons",
                "name",
                "phone",
                "data_base64",
                "anything",
            ] {
                let max = max_chars(key);
                assert!(max > 0, "{key}");
                assert!(
                    clean_request(&mut body(key, max)).is_empty(),
                    "{key} at {max}"
                );
                let problems = clean_request(&mut body(key, max + 1));
                assert_eq!(problems.len(), 1, "{key}");
                assert_eq!(problems[0].field, format!("outer.{key}"));
            }
            assert_eq!(
                clean_request(&mut json!({ "details": "a".repeat(5001) }))[0].message,
                "Describe what happened in 5000 characters or fewer"
            );
            assert_eq!(
                clean_request(&mut json!({ "relation": "a".repeat(201) }))[0].message,
                "Enter 200 characters or fewer"
            );
        }

        #[test]
        fn line_ends_in_text_become_line_feeds() {
            assert_eq!(clean_multi_line("a\r\nb\rc\n\td").unwrap(), "a\nb\nc\n\td");
            assert!(clean_multi_line("a\u{0}b").is_err());
            assert!(clean_multi_line("a\u{202E}b").is_err());
        }

        #[test]
        fn a_request_is_cleaned_and_its_problems_keyed_by_path() {
            let mut body = json!({
                "name": "Ada\r\nBcc: x",
                "details": "Line one\r\nLine two\rthree",
                "event": { "type": "assigned", "caseworker": "Sam\u{202E}" },
                "attachments": [{ "filename": "a\u{0}.pdf" }]
            });
            let problems = clean_request(&mut body);
            let fields: Vec<&str> = problems.iter().map(|p| p.field.as_str()).collect();
            assert_eq!(
                fields,
                ["attachments[0].filename", "event.caseworker", "name"]
            );
            assert_eq!(body["details"], "Line one\nLine two\nthree");
        }
    }
}

/// A UK postal address in GOV.UK's address pattern (address line 1, line 2
/// if needed, town or city, postcode), for letters: the limits, the
/// messages and the postcode's shape, shared by the server and the app.
pub mod postal {
    use serde::{Deserialize, Serialize};

    use super::Problems;

    /// The most characters of an address line or the town: a line of the
    /// address window of a letter (95 mm wide) at 12 pt.
    pub const LINE_MAX_CHARS: usize = 35;
    /// The most characters of a postcode as typed ("SW1A 1AA" is 8).
    pub const POSTCODE_MAX_CHARS: usize = 10;

    // The messages, with the account's others (where the app's catalogues
    // find them to translate).
    pub use crate::api::account::messages::{
        ADDRESS_LINE_1_MISSING as LINE_1_MISSING, ADDRESS_LINE_1_TOO_LONG as LINE_1_TOO_LONG,
        ADDRESS_LINE_2_TOO_LONG as LINE_2_TOO_LONG, POSTCODE_FORMAT, POSTCODE_MISSING,
        TOWN_MISSING, TOWN_TOO_LONG,
    };

    /// A postal address as a resident gives it.
    #[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
    #[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
    #[serde(deny_unknown_fields)]
    pub struct PostalAddress {
        pub address_line_1: String,
        #[serde(default)]
        pub address_line_2: Option<String>,
        /// Town or city.
        pub town: String,
        pub postcode: String,
    }

    impl PostalAddress {
        /// Trimmed, a blank line 2 as `None`, the postcode in capitals with
        /// one space before its last three characters; `None` when every
        /// part is blank (no address given).
        pub fn normalised(self) -> Option<Self> {
            let line = |v: &str| v.split_whitespace().collect::<Vec<_>>().join(" ");
            let address = Self {
                address_line_1: line(&self.address_line_1),
                address_line_2: self
                    .address_line_2
                    .map(|v| line(&v))
                    .filter(|v| !v.is_empty()),
                town: line(&self.town),
                postcode: normalise_postcode(&self.postcode),
            };
            let blank = address.address_line_1.is_empty()
                && address.address_line_2.is_none()
                && address.town.is_empty()
                && address.postcode.is_empty();
            (!blank).then_some(address)
        }

        /// Every problem, keyed `{prefix}.address_line_1` and so on. Call on
        /// a [`normalised`](Self::normalised) value.
        pub fn check(&self, prefix: &str, problems: &mut Problems) {
            let key = |field: &str| format!("{prefix}.{field}");
            let long = |v: &str| v.chars().count() > LINE_MAX_CHARS;
            if self.address_line_1.is_empty() {
                problems.add(&key("address_line_1"), LINE_1_MISSING);
            } else if long(&self.address_line_1) {
                problems.add(&key("address_line_1"), LINE_1_TOO_LONG);
            }
            if self.address_line_2.as_deref().is_some_and(long) {
                problems.add(&key("address_line_2"), LINE_2_TOO_LONG);
            }
            if self.town.is_empty() {
                problems.add(&key("town"), TOWN_MISSING);
            } else if long(&self.town) {
                problems.add(&key("town"), TOWN_TOO_LONG);
            }
            if self.postcode.is_empty() {
                problems.add(&key("postcode"), POSTCODE_MISSING);
            } else if !is_uk_postcode(&self.postcode) {
                problems.add(&key("postcode"), POSTCODE_FORMAT);
            }
        }

        /// The lines of the address as a letter's address block gives them
        /// (after the name): line 1, line 2 when given, town, postcode.
        pub fn lines(&self) -> Vec<String> {
            [
                Some(self.address_line_1.clone()),
                self.address_line_2.clone(),
                Some(self.town.clone()),
                Some(self.postcode.clone()),
            ]
            .into_iter()
            .flatten()
            .collect()
        }
    }

    /// A postcode in capitals, spaces taken out and one put back before the
    /// inward code (its last three characters): " ls14ap " is "LS1 4AP".
    pub fn normalise_postcode(value: &str) -> String {
        let compact: String = value
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_uppercase();
        match compact.char_indices().rev().nth(2) {
            Some((at, _)) if compact.len() > 3 => {
                format!("{} {}", &compact[..at], &compact[at..])
            }
            _ => compact,
        }
    }

    /// The shape of a UK postcode (not whether it exists): an outward code
    /// of one or two letters, a digit, and perhaps a letter or digit; then
    /// an inward code of a digit and two letters. Spaces and case do not
    /// matter. "GIR 0AA" is one too.
    pub fn is_uk_postcode(value: &str) -> bool {
        let compact: String = value
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_ascii_uppercase();
        if compact == "GIR0AA" {
            return true;
        }
        let bytes = compact.as_bytes();
        if !(5..=7).contains(&bytes.len()) {
            return false;
        }
        let (outward, inward) = bytes.split_at(bytes.len() - 3);
        let inward_ok = inward[0].is_ascii_digit()
            && inward[1].is_ascii_uppercase()
            && inward[2].is_ascii_uppercase();
        let letters = outward
            .iter()
            .take_while(|b| b.is_ascii_uppercase())
            .count();
        let rest = &outward[letters..];
        inward_ok
            && (1..=2).contains(&letters)
            && (1..=2).contains(&rest.len())
            && rest[0].is_ascii_digit()
            && rest[1..].iter().all(u8::is_ascii_alphanumeric)
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        #[test]
        fn uk_postcodes_are_known_by_their_shape_whatever_the_spacing() {
            for good in [
                "LS1 4AP", "ls14ap", "SW1A 1AA", "M1 1AE", "B33 8TH", "CR2 6XH", "DN55 1PT",
                "EC1A 1BB", "GIR 0AA",
            ] {
                assert!(is_uk_postcode(good), "{good}");
            }
            for bad in [
                "",
                "LS1",
                "LS1 4A",
                "1LS 4AP",
                "LS1 4AP X",
                "ABC1 4AP",
                "LS1 AAP",
            ] {
                assert!(!is_uk_postcode(bad), "{bad}");
            }
            assert_eq!(normalise_postcode(" ls14ap "), "LS1 4AP");
            assert_eq!(normalise_postcode("sw1a1aa"), "SW1A 1AA");
        }

        #[test]
        fn an_address_needs_line_1_a_town_and_a_real_postcode_and_short_lines() {
            let address = PostalAddress {
                address_line_1: " 2  High Street ".into(),
                address_line_2: Some("  ".into()),
                town: "Leeds".into(),
                postcode: "ls1 4ap".into(),
            }
            .normalised()
            .unwrap();
            assert_eq!(address.lines(), ["2 High Street", "Leeds", "LS1 4AP"]);
            let mut problems = Problems::new();
            address.check("postal_address", &mut problems);
            assert!(problems.is_empty());

            let mut problems = Problems::new();
            PostalAddress {
                address_line_1: "x".repeat(36),
                address_line_2: None,
                town: String::new(),
                postcode: "nowhere".into(),
            }
            .normalised()
            .unwrap()
            .check("postal_address", &mut problems);
            let errors = problems.into_result().unwrap_err();
            let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
            assert_eq!(
                fields,
                [
                    "postal_address.address_line_1",
                    "postal_address.town",
                    "postal_address.postcode"
                ]
            );
            assert_eq!(PostalAddress::default().normalised(), None);
        }
    }
}
