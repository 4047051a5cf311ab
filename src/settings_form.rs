//! The settings form's state and the preferences it stands for, both ways.
//! Pure, so tested natively; the page holds one signal per field.

use domain::api::account::{AccountAddress, ContactChannel, LetterFormat, Preferences, TextSize};
use domain::validation::postal::PostalAddress;
use domain::validation::FieldError;

use crate::i18n::{self, n_, t, tf};

/// Text sizes: the radio's value and its label (English, translated where shown).
pub const TEXT_SIZES: [(TextSize, &str, &str); 4] = [
    (TextSize::Standard, "standard", n_("Standard")),
    (TextSize::Large, "large", n_("Large")),
    (TextSize::Larger, "larger", n_("Larger")),
    (TextSize::Largest, "largest", n_("Largest")),
];

/// Letter formats: the radio's value (the wire's) and its label (English,
/// translated where shown).
pub const LETTER_FORMATS: [(LetterFormat, &str, &str); 6] = [
    (LetterFormat::Standard, "standard", n_("Standard print")),
    (LetterFormat::LargePrint, "large_print", n_("Large print")),
    (LetterFormat::Braille, "braille", n_("Braille")),
    (LetterFormat::Audio, "audio", n_("Audio")),
    (LetterFormat::EasyRead, "easy_read", n_("Easy read")),
    (
        LetterFormat::AnotherLanguage,
        "another_language",
        n_("In another language"),
    ),
];

/// Contact channels: the radio's value (the wire's) and its label (English,
/// translated where shown).
pub const CONTACT_CHANNELS: [(ContactChannel, &str, &str); 4] = [
    (ContactChannel::Email, "email", n_("Email")),
    (ContactChannel::Letter, "letter", n_("Letter by post")),
    (ContactChannel::Phone, "phone", n_("Telephone call")),
    (
        ContactChannel::TextMessage,
        "text_message",
        n_("Text message"),
    ),
];

/// A few languages common in English social housing: code, English name
/// (translated where shown) and the language's own name (never translated).
pub const LANGUAGES: [(&str, &str, &str); 10] = [
    ("en", n_("English"), "English"),
    ("ar", n_("Arabic"), "العربية"),
    ("bn", n_("Bengali"), "বাংলা"),
    ("pl", n_("Polish"), "Polski"),
    ("pt", n_("Portuguese"), "Português"),
    ("pa", n_("Punjabi"), "ਪੰਜਾਬੀ"),
    ("ro", n_("Romanian"), "Română"),
    ("so", n_("Somali"), "Soomaali"),
    ("ur", n_("Urdu"), "اردو"),
    ("cy", n_("Welsh"), "Cymraeg"),
];

/// One option of the language list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LanguageOption {
    pub code: String,
    /// "Polish (Polski)": the name in the language the pages are in, then in
    /// its own words ("Pwyleg (Polski)" in Welsh); just "Polski" in Polish.
    pub label: String,
}

/// The language list, with the account's own choice added when it is not one
/// of the common ones (so saving never loses it).
pub fn language_options(current: &str) -> Vec<LanguageOption> {
    let shown = i18n::language();
    let mut options: Vec<LanguageOption> = LANGUAGES
        .iter()
        .map(|(code, english, own)| LanguageOption {
            code: (*code).to_owned(),
            label: if *code == shown {
                (*own).to_owned()
            } else {
                format!("{} ({own})", t(english))
            },
        })
        .collect();
    let current = current.trim();
    if !current.is_empty() && !options.iter().any(|o| o.code.eq_ignore_ascii_case(current)) {
        options.push(LanguageOption {
            code: current.to_owned(),
            label: tf("Another language ({code})", &[("code", &current)]),
        });
    }
    options
}

pub fn text_size_value(size: TextSize) -> &'static str {
    TEXT_SIZES
        .iter()
        .find(|(s, ..)| *s == size)
        .map(|(_, v, _)| *v)
        .unwrap_or("standard")
}

pub fn parse_text_size(value: &str) -> TextSize {
    TEXT_SIZES
        .iter()
        .find(|(_, v, _)| *v == value)
        .map(|(s, ..)| *s)
        .unwrap_or_default()
}

pub fn letter_format_value(format: LetterFormat) -> &'static str {
    LETTER_FORMATS
        .iter()
        .find(|(f, ..)| *f == format)
        .map(|(_, v, _)| *v)
        .unwrap_or("standard")
}

pub fn parse_letter_format(value: &str) -> LetterFormat {
    LETTER_FORMATS
        .iter()
        .find(|(_, v, _)| *v == value)
        .map(|(f, ..)| *f)
        .unwrap_or_default()
}

pub fn contact_channel_value(channel: ContactChannel) -> &'static str {
    channel.as_str()
}

pub fn parse_contact_channel(value: &str) -> ContactChannel {
    CONTACT_CHANNELS
        .iter()
        .find(|(_, v, _)| *v == value)
        .map(|(c, ..)| *c)
        .unwrap_or_default()
}

/// How the portal looks: the part of the preferences applied at once.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Display {
    pub text_size: String,
    pub high_contrast: bool,
    pub reduced_motion: bool,
    pub readable_font: bool,
    pub language: String,
}

impl Display {
    pub fn of(preferences: &Preferences) -> Self {
        Self {
            text_size: text_size_value(preferences.text_size).to_owned(),
            high_contrast: preferences.high_contrast,
            reduced_motion: preferences.reduced_motion,
            readable_font: preferences.readable_font,
            language: preferences.language.clone(),
        }
    }

    /// `preferences` with this look, everything else kept.
    pub fn applied_to(&self, preferences: &Preferences) -> Preferences {
        Preferences {
            text_size: parse_text_size(&self.text_size),
            high_contrast: self.high_contrast,
            reduced_motion: self.reduced_motion,
            readable_font: self.readable_font,
            language: self.language.clone(),
            ..preferences.clone()
        }
    }
}

/// Every field of the settings form as typed.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SettingsForm {
    pub display: Display,
    pub letter_format: String,
    pub letter_language: String,
    pub contact_channel: String,
    pub phone: String,
    pub interpreter: bool,
    pub interpreter_language: String,
    pub reasonable_adjustments: String,
    /// The postal address, GOV.UK's pattern: line 1, line 2, town, postcode.
    pub address_line_1: String,
    pub address_line_2: String,
    pub town: String,
    pub postcode: String,
}

impl SettingsForm {
    /// The form for these preferences, the address blank until it is read.
    pub fn of(preferences: &Preferences) -> Self {
        Self {
            display: Display::of(preferences),
            letter_format: letter_format_value(preferences.letter_format).to_owned(),
            letter_language: preferences.letter_language.clone().unwrap_or_default(),
            contact_channel: contact_channel_value(preferences.contact_channel).to_owned(),
            phone: preferences.phone.clone().unwrap_or_default(),
            interpreter: preferences.interpreter,
            interpreter_language: preferences.interpreter_language.clone().unwrap_or_default(),
            reasonable_adjustments: preferences.reasonable_adjustments.clone(),
            ..Self::default()
        }
    }

    /// The form with the postal address filled in from `address`.
    pub fn with_address(self, address: &AccountAddress) -> Self {
        let address = address.postal_address.as_ref();
        Self {
            address_line_1: address
                .map(|a| a.address_line_1.clone())
                .unwrap_or_default(),
            address_line_2: address
                .and_then(|a| a.address_line_2.clone())
                .unwrap_or_default(),
            town: address.map(|a| a.town.clone()).unwrap_or_default(),
            postcode: address.map(|a| a.postcode.clone()).unwrap_or_default(),
            ..self
        }
    }

    /// The preferences as typed, before they are tidied.
    pub fn preferences(&self) -> Preferences {
        let text = |v: &str| Some(v.to_owned());
        self.display.applied_to(&Preferences {
            letter_format: parse_letter_format(&self.letter_format),
            letter_language: text(&self.letter_language),
            contact_channel: parse_contact_channel(&self.contact_channel),
            phone: text(&self.phone),
            interpreter: self.interpreter,
            interpreter_language: text(&self.interpreter_language),
            reasonable_adjustments: self.reasonable_adjustments.clone(),
            ..Preferences::default()
        })
    }

    /// The postal address as typed: all four blank is none (`normalised`
    /// makes it so).
    pub fn address(&self) -> AccountAddress {
        AccountAddress {
            postal_address: Some(PostalAddress {
                address_line_1: self.address_line_1.clone(),
                address_line_2: Some(self.address_line_2.clone()),
                town: self.town.clone(),
                postcode: self.postcode.clone(),
            }),
        }
    }

    /// The tidied preferences and address to save, or every problem at once
    /// with the shared messages (the server checks the same way).
    pub fn validated(&self) -> Result<(Preferences, AccountAddress), Vec<FieldError>> {
        let preferences = self.preferences().normalised();
        let address = self.address().normalised();
        let mut errors = preferences.validate().err().unwrap_or_default();
        errors.extend(address.validate().err().unwrap_or_default());
        if errors.is_empty() {
            Ok((preferences, address))
        } else {
            Err(errors)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use domain::api::account::messages;

    fn full() -> Preferences {
        Preferences {
            text_size: TextSize::Largest,
            high_contrast: true,
            reduced_motion: true,
            readable_font: true,
            language: "pl".into(),
            letter_format: LetterFormat::AnotherLanguage,
            letter_language: Some("Polish".into()),
            contact_channel: ContactChannel::TextMessage,
            phone: Some("07700 900 982".into()),
            interpreter: true,
            interpreter_language: Some("Polish".into()),
            reasonable_adjustments: "Call after 10am".into(),
        }
    }

    fn leeds() -> AccountAddress {
        AccountAddress {
            postal_address: Some(PostalAddress {
                address_line_1: "2 High Street".into(),
                address_line_2: None,
                town: "Leeds".into(),
                postcode: "LS1 4AP".into(),
            }),
        }
    }

    #[test]
    fn preferences_and_the_address_survive_a_round_trip_through_the_form() {
        for (p, a) in [
            (Preferences::default(), AccountAddress::default()),
            (full(), leeds()),
        ] {
            assert_eq!(
                SettingsForm::of(&p).with_address(&a).validated(),
                Ok((p.clone(), a.clone()))
            );
        }
    }

    #[test]
    fn every_radio_value_is_the_wire_value() {
        for (format, value, _) in LETTER_FORMATS {
            assert_eq!(serde_json::to_value(format).unwrap(), value);
            assert_eq!(parse_letter_format(value), format);
        }
        for (channel, value, _) in CONTACT_CHANNELS {
            assert_eq!(serde_json::to_value(channel).unwrap(), value);
            assert_eq!(parse_contact_channel(value), channel);
        }
        for (size, value, _) in TEXT_SIZES {
            assert_eq!(serde_json::to_value(size).unwrap(), value);
            assert_eq!(parse_text_size(value), size);
        }
        assert_eq!(parse_text_size("enormous"), TextSize::Standard);
    }

    #[test]
    fn the_look_is_applied_without_touching_how_we_contact_you() {
        let base = full();
        let display = Display {
            text_size: "large".into(),
            language: "en".into(),
            ..Display::default()
        };
        let applied = display.applied_to(&base);
        assert_eq!(applied.text_size, TextSize::Large);
        assert!(!applied.high_contrast && !applied.reduced_motion && !applied.readable_font);
        assert_eq!(applied.language, "en");
        assert_eq!(applied.phone, base.phone);
        assert_eq!(applied.reasonable_adjustments, base.reasonable_adjustments);
        assert_eq!(Display::of(&applied), display);
    }

    #[test]
    fn letters_in_another_language_need_the_language_and_texts_need_a_number() {
        let form = SettingsForm {
            letter_format: "another_language".into(),
            letter_language: "  ".into(),
            contact_channel: "text_message".into(),
            phone: String::new(),
            ..SettingsForm::of(&Preferences::default())
        };
        let errors = form.validated().unwrap_err();
        assert_eq!(
            errors,
            vec![
                FieldError::new("letter_language", messages::LETTER_LANGUAGE_MISSING),
                FieldError::new("phone", messages::PHONE_MISSING),
            ]
        );
    }

    #[test]
    fn answers_that_no_longer_apply_are_dropped_and_text_trimmed() {
        let form = SettingsForm {
            letter_format: "braille".into(),
            letter_language: "Polish".into(),
            interpreter: false,
            interpreter_language: "Urdu".into(),
            reasonable_adjustments: "  send letters to my support worker ".into(),
            phone: " ".into(),
            ..SettingsForm::of(&Preferences::default())
        };
        let (saved, _) = form.validated().unwrap();
        assert_eq!(saved.letter_language, None);
        assert_eq!(saved.interpreter_language, None);
        assert_eq!(saved.phone, None);
        assert_eq!(
            saved.reasonable_adjustments,
            "send letters to my support worker"
        );
    }

    #[test]
    fn an_address_is_all_blank_or_complete_with_a_uk_postcode() {
        let form = SettingsForm {
            town: "Leeds".into(),
            postcode: "LS1".into(),
            ..SettingsForm::of(&Preferences::default())
        };
        assert_eq!(
            form.validated().unwrap_err(),
            vec![
                FieldError::new(
                    "postal_address.address_line_1",
                    messages::ADDRESS_LINE_1_MISSING
                ),
                FieldError::new("postal_address.postcode", messages::POSTCODE_FORMAT),
            ]
        );
        let form = SettingsForm {
            address_line_1: "2 High Street".into(),
            town: "Leeds".into(),
            postcode: "ls14ap".into(),
            ..SettingsForm::of(&Preferences::default())
        };
        let address = form.validated().unwrap().1.postal_address.unwrap();
        assert_eq!(address.postcode, "LS1 4AP");
        assert_eq!(address.address_line_2, None);
    }

    #[test]
    fn an_interpreter_needs_a_language() {
        let form = SettingsForm {
            interpreter: true,
            ..SettingsForm::of(&Preferences::default())
        };
        assert_eq!(
            form.validated().unwrap_err(),
            vec![FieldError::new(
                "interpreter_language",
                messages::INTERPRETER_LANGUAGE_MISSING
            )]
        );
    }

    #[test]
    fn the_language_list_names_each_language_in_its_own_words_and_keeps_an_unusual_choice() {
        let options = language_options("en");
        assert_eq!(
            options[0],
            LanguageOption {
                code: "en".into(),
                label: "English".into()
            }
        );
        assert!(options.iter().any(|o| o.label == "Polish (Polski)"));
        assert!(options.len() >= 5);
        assert_eq!(options.len(), LANGUAGES.len());
        let with_own = language_options("pt-BR");
        assert_eq!(with_own.last().unwrap().code, "pt-BR");
        assert_eq!(language_options("PL").len(), LANGUAGES.len());
    }
}
