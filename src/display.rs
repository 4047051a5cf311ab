//! Display settings that the app applies at once: text size, contrast, motion,
//! font and language. Pure, so tested natively; `preferences` applies them.

use serde::{Deserialize, Serialize};

/// How the app looks on this device (and on the account once signed in).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Display {
    /// "standard", "large", "larger" or "largest".
    pub text_size: String,
    pub high_contrast: bool,
    pub reduced_motion: bool,
    pub readable_font: bool,
    /// The page language, as a BCP 47 tag ("en", "cy", "pl", …).
    pub language: String,
}

impl Default for Display {
    fn default() -> Self {
        Self {
            text_size: "standard".into(),
            high_contrast: false,
            reduced_motion: false,
            readable_font: false,
            language: "en".into(),
        }
    }
}

/// Every class the settings may put on `<html>`, so old ones can be removed.
pub const ALL_CLASSES: [&str; 6] = [
    "app-text-large",
    "app-text-larger",
    "app-text-largest",
    "app-high-contrast",
    "app-reduced-motion",
    "app-readable",
];

impl Display {
    /// The classes for `<html>`.
    pub fn classes(&self) -> Vec<&'static str> {
        let mut classes = Vec::new();
        match self.text_size.as_str() {
            "large" => classes.push("app-text-large"),
            "larger" => classes.push("app-text-larger"),
            "largest" => classes.push("app-text-largest"),
            _ => {}
        }
        if self.high_contrast {
            classes.push("app-high-contrast");
        }
        if self.reduced_motion {
            classes.push("app-reduced-motion");
        }
        if self.readable_font {
            classes.push("app-readable");
        }
        classes
    }

    /// The `lang` attribute for `<html>`: English pages say en-GB.
    pub fn lang(&self) -> String {
        match self.language.as_str() {
            "" | "en" => "en-GB".to_owned(),
            other => other.to_owned(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_look_adds_no_classes() {
        assert!(Display::default().classes().is_empty());
        assert_eq!(Display::default().lang(), "en-GB");
    }

    #[test]
    fn each_setting_adds_its_class() {
        let display = Display {
            text_size: "larger".into(),
            high_contrast: true,
            reduced_motion: true,
            readable_font: true,
            language: "cy".into(),
        };
        assert_eq!(
            display.classes(),
            vec!["app-text-larger", "app-high-contrast", "app-reduced-motion", "app-readable"]
        );
        assert_eq!(display.lang(), "cy");
        assert!(display.classes().iter().all(|c| ALL_CLASSES.contains(c)));
    }

    #[test]
    fn saved_settings_from_an_older_version_still_load() {
        let display: Display = serde_json::from_str(r#"{"high_contrast":true}"#).unwrap();
        assert!(display.high_contrast);
        assert_eq!(display.text_size, "standard");
    }
}
