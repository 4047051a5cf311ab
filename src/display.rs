//! The display part of a resident's preferences (text size, contrast, motion,
//! font), as classes on `<html>`; `language` puts the pages in the chosen language. Pure, so tested
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

/// The part of the preferences that may stay on a shared device: how pages
/// look, never contact details or needs.
pub fn device_only(preferences: &Preferences) -> Preferences {
    Preferences {
        text_size: preferences.text_size,
        high_contrast: preferences.high_contrast,
        reduced_motion: preferences.reduced_motion,
        readable_font: preferences.readable_font,
        language: preferences.language.clone(),
        ..Preferences::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use domain::api::account::{ContactChannel, LetterFormat};

    #[test]
    fn only_the_look_of_the_pages_is_kept_on_the_device() {
        let preferences = Preferences {
            high_contrast: true,
            letter_format: LetterFormat::Braille,
            contact_channel: ContactChannel::TextMessage,
            phone: Some("07700 900123".into()),
            interpreter: true,
            interpreter_language: Some("Polish".into()),
            reasonable_adjustments: "Call after 10am".into(),
            ..Preferences::default()
        };
        let kept = device_only(&preferences);
        assert!(kept.high_contrast);
        assert_eq!(kept.phone, None);
        assert_eq!(kept.letter_format, LetterFormat::Standard);
        assert!(!kept.interpreter && kept.interpreter_language.is_none());
        assert!(kept.reasonable_adjustments.is_empty());
    }

    #[test]
    fn the_default_look_adds_no_classes() {
        assert!(classes(&Preferences::default()).is_empty());
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
            vec![
                "app-text-larger",
                "app-high-contrast",
                "app-reduced-motion",
                "app-readable"
            ]
        );
        assert!(classes.iter().all(|c| ALL_CLASSES.contains(c)));
    }
}
