//! The display part of a resident's preferences (text size, contrast, motion,
//! font, language), as classes and a `lang` on `<html>`. Pure, so tested
//! natively; `session` applies it at once and remembers it.

use domain::api::account::{Preferences, TextSize};

/// Every class the settings may put on `<html>`, so old ones can be removed.
pub const ALL_CLASSES: [&str; 6] = [
    "app-text-large",
    "app-text-larger",
    "app-text-largest",
    "app-high-contrast",
    "app-reduced-motion",
    "app-readable",
];

/// The classes for `<html>`.
pub fn classes(preferences: &Preferences) -> Vec<&'static str> {
    let mut classes = Vec::new();
    match preferences.text_size {
        TextSize::Standard => {}
        TextSize::Large => classes.push("app-text-large"),
        TextSize::Larger => classes.push("app-text-larger"),
        TextSize::Largest => classes.push("app-text-largest"),
    }
    if preferences.high_contrast {
        classes.push("app-high-contrast");
    }
    if preferences.reduced_motion {
        classes.push("app-reduced-motion");
    }
    if preferences.readable_font {
        classes.push("app-readable");
    }
    classes
}

/// The `lang` attribute for `<html>`: English pages say en-GB.
pub fn lang(preferences: &Preferences) -> String {
    match preferences.language.as_str() {
        "" | "en" => "en-GB".to_owned(),
        other => other.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_look_adds_no_classes() {
        assert!(classes(&Preferences::default()).is_empty());
        assert_eq!(lang(&Preferences::default()), "en-GB");
    }

    #[test]
    fn each_setting_adds_its_class() {
        let preferences = Preferences {
            text_size: TextSize::Larger,
            high_contrast: true,
            reduced_motion: true,
            readable_font: true,
            language: "cy".into(),
            ..Preferences::default()
        };
        let classes = classes(&preferences);
        assert_eq!(
            classes,
            vec!["app-text-larger", "app-high-contrast", "app-reduced-motion", "app-readable"]
        );
        assert_eq!(lang(&preferences), "cy");
        assert!(classes.iter().all(|c| ALL_CLASSES.contains(c)));
    }
}
