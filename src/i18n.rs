//! The app's words in the resident's language.
//!
//! The English words in the source are the keys (as in gettext), so a page
//! reads as it shows, and a word with no translation stays English rather than
//! showing a key. Each other language is one catalogue,
//! `public/locales/<code>.json`, fetched when the language is chosen (see
//! `language`), so residents who read English download none of them.
//!
//! - [`t`]: a fixed phrase: `t("Sign in")`.
//! - [`tf`]: a phrase with named parts: `tf("We will reply by {date}", &[("date", &date)])`.
//! - [`tn`]: a phrase that depends on a number, with the language's plural forms.
//!
//! Pure, so tested natively; `tests` also checks that every catalogue has
//! every phrase the source uses.

use std::cell::Cell;
use std::collections::HashMap;
use std::fmt::{Display, Write};

use serde::Deserialize;

/// The languages the portal's pages can be read in: the language list of the
/// settings page, less those without a catalogue.
pub const LANGUAGES: [&str; 10] = ["en", "ar", "bn", "cy", "pa", "pl", "pt", "ro", "so", "ur"];

/// The language to show for a preference: one with a catalogue, else English
/// ("pl-PL" shows Polish; a language the portal has no words for shows English).
pub fn for_preference(preference: &str) -> &'static str {
    let primary = preference
        .trim()
        .split(['-', '_'])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    LANGUAGES
        .iter()
        .find(|code| **code == primary)
        .copied()
        .unwrap_or("en")
}

/// Text direction.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    #[default]
    Ltr,
    Rtl,
}

impl Direction {
    pub fn as_str(self) -> &'static str {
        match self {
            Direction::Ltr => "ltr",
            Direction::Rtl => "rtl",
        }
    }
}

/// One phrase's translation: words, or one form per plural category of the
/// language (in the order of [`plural_categories`]).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(untagged)]
pub enum Translation {
    Text(String),
    Plural(Vec<String>),
}

/// One language's catalogue, as in `public/locales/<code>.json`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Catalogue {
    /// The language's code, as in [`LANGUAGES`].
    pub language: String,
    /// Its name in its own words.
    pub name: String,
    #[serde(default)]
    pub direction: Direction,
    /// Who translated it and whether a qualified translator has checked it.
    pub status: String,
    /// English phrase → translation.
    pub messages: HashMap<String, Translation>,
}

impl Catalogue {
    pub fn parse(json: &str) -> Result<Self, serde_json::Error> {
        serde_json::from_str(json)
    }
}

thread_local! {
    /// The catalogue in use; `None` for English. Catalogues are loaded once
    /// each and never freed, so their words can be lent for as long as a
    /// page needs them.
    static CURRENT: Cell<Option<&'static Catalogue>> = const { Cell::new(None) };
}

/// Uses `catalogue` from now on (`None`: English).
pub fn set_catalogue(catalogue: Option<&'static Catalogue>) {
    CURRENT.with(|c| c.set(catalogue));
}

/// Keeps a catalogue for the rest of the app's life.
pub fn keep(catalogue: Catalogue) -> &'static Catalogue {
    Box::leak(Box::new(catalogue))
}

fn current() -> Option<&'static Catalogue> {
    CURRENT.with(Cell::get)
}

/// The language in use ("en" when none is loaded).
pub fn language() -> &'static str {
    current().map_or("en", |c| c.language.as_str())
}

/// The `lang` attribute for the pages.
pub fn lang_attribute() -> &'static str {
    match current() {
        None => "en-GB",
        Some(c) => c.language.as_str(),
    }
}

pub fn direction() -> Direction {
    current().map_or(Direction::Ltr, |c| c.direction)
}

/// Marks a phrase kept in a `const` for translation where it is shown (with
/// [`t`]), so the catalogue check finds it.
pub const fn n_(english: &'static str) -> &'static str {
    english
}

/// The phrase in the language in use, or as it is when it has no translation.
pub fn t(english: &str) -> &str {
    match current().and_then(|c| c.messages.get(english)) {
        Some(Translation::Text(text)) => text,
        _ => english,
    }
}

/// [`t`], with each `{name}` filled from `parts`.
pub fn tf(english: &str, parts: &[(&str, &dyn Display)]) -> String {
    fill(t(english), parts)
}

/// The phrase for `count`: `one` in English when it is 1, `other` otherwise;
/// in another language, the form for `count`'s plural category. `{count}` and
/// each `{name}` are filled in.
pub fn tn(one: &str, other: &str, count: u64, parts: &[(&str, &dyn Display)]) -> String {
    let translated = current().and_then(|c| match c.messages.get(one) {
        Some(Translation::Plural(forms)) => forms
            .get(plural_index(&c.language, count))
            .map(String::as_str),
        _ => None,
    });
    let template = translated.unwrap_or(if count == 1 { one } else { other });
    let mut all: Vec<(&str, &dyn Display)> = vec![("count", &count)];
    all.extend_from_slice(parts);
    fill(template, &all)
}

/// Replaces each `{name}` in `template` with its part; an unknown name stays
/// as it is, so a mistake shows rather than losing words.
pub fn fill(template: &str, parts: &[(&str, &dyn Display)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                let name = &after[..close];
                match parts.iter().find(|(n, _)| *n == name) {
                    Some((_, value)) => {
                        let _ = write!(out, "{value}");
                    }
                    None => {
                        out.push('{');
                        out.push_str(name);
                        out.push('}');
                    }
                }
                rest = &after[close + 1..];
            }
            None => {
                out.push_str(&rest[open..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// The names of the `{name}` parts of a template, in order.
pub fn placeholders(template: &str) -> Vec<&str> {
    let mut names = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else { break };
        names.push(&after[..close]);
        rest = &after[close + 1..];
    }
    names
}

/// The plural categories a whole number can fall in, in each language, in the
/// order its catalogue lists the forms (Unicode CLDR's rules, whole numbers only).
pub fn plural_categories(language: &str) -> &'static [&'static str] {
    match language {
        "cy" | "ar" => &["zero", "one", "two", "few", "many", "other"],
        "pl" => &["one", "few", "many"],
        "ro" => &["one", "few", "other"],
        _ => &["one", "other"],
    }
}

/// The category of `n` in `language`, as its index in [`plural_categories`].
pub fn plural_index(language: &str, n: u64) -> usize {
    let category = match language {
        // Welsh: 0 zero, 1 one, 2 two, 3 few, 6 many, the rest other.
        "cy" => match n {
            0 => "zero",
            1 => "one",
            2 => "two",
            3 => "few",
            6 => "many",
            _ => "other",
        },
        "ar" => match (n, n % 100) {
            (0, _) => "zero",
            (1, _) => "one",
            (2, _) => "two",
            (_, 3..=10) => "few",
            (_, 11..=99) => "many",
            _ => "other",
        },
        "pl" => match (n, n % 10, n % 100) {
            (1, _, _) => "one",
            (_, 2..=4, m) if !(12..=14).contains(&m) => "few",
            _ => "many",
        },
        "ro" => match (n, n % 100) {
            (1, _) => "one",
            (0, _) | (_, 1..=19) => "few",
            _ => "other",
        },
        // Bengali, Punjabi: 0 and 1 share a form.
        "bn" | "pa" => {
            if n <= 1 {
                "one"
            } else {
                "other"
            }
        }
        _ => {
            if n == 1 {
                "one"
            } else {
                "other"
            }
        }
    };
    plural_categories(language)
        .iter()
        .position(|c| *c == category)
        .unwrap_or(0)
}

#[cfg(test)]
mod tests;
