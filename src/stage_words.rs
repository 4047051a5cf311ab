//! How a stage of the landlord's policy is named in the stage tracker.
//!
//! Policies name their stages in their own words, and some put the number in
//! the name already ("Stage 2 (Senior officer review)"): the tracker must not
//! say the number twice. Pure, so tested natively.

use crate::i18n::tf;

/// The heading of stage `number` called `name` by the policy:
/// "Stage 1: Investigation"; "Stage 2" in the resident's language when the
/// policy calls it only that; and when the name begins with its own number
/// ("Stage 2 (Senior officer review)"), that number in the resident's
/// language followed by the rest of the name, so it is not said twice.
pub fn stage_heading(number: u8, name: &str) -> String {
    let name = name.trim();
    let numbered = tf("Stage {number}", &[("number", &number)]);
    match rest_after_number(number, name) {
        Some("") => numbered,
        Some(rest) => format!("{numbered}{rest}"),
        None => tf(
            "Stage {number}: {name}",
            &[("number", &number), ("name", &name)],
        ),
    }
}

/// What follows "Stage {number}" at the start of `name` (in any case), or
/// `None` when the name does not start with this stage's number ("Stage 20"
/// does not start with stage 2's).
fn rest_after_number(number: u8, name: &str) -> Option<&str> {
    let prefix = format!("stage {number}");
    let head = name.get(..prefix.len())?;
    if !head.eq_ignore_ascii_case(&prefix) {
        return None;
    }
    let rest = &name[prefix.len()..];
    if rest.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    Some(rest)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{keep, set_catalogue, Catalogue};

    #[test]
    fn a_name_that_starts_with_its_stage_is_not_numbered_twice() {
        assert_eq!(
            stage_heading(2, "Stage 2 (Senior officer review)"),
            "Stage 2 (Senior officer review)"
        );
        assert_eq!(
            stage_heading(3, "Stage 3 (optional tenant led panel)"),
            "Stage 3 (optional tenant led panel)"
        );
        assert_eq!(stage_heading(2, "stage 2 - review"), "Stage 2 - review");
    }

    #[test]
    fn a_name_that_is_only_the_stage_is_said_once() {
        assert_eq!(stage_heading(2, "Stage 2"), "Stage 2");
        assert_eq!(stage_heading(1, " Stage 1 "), "Stage 1");
    }

    #[test]
    fn any_other_name_follows_the_stage_number() {
        assert_eq!(stage_heading(1, "Investigation"), "Stage 1: Investigation");
        assert_eq!(
            stage_heading(2, "Stage 20 review"),
            "Stage 2: Stage 20 review"
        );
        assert_eq!(
            stage_heading(3, "Stage 2 (Senior officer review)"),
            "Stage 3: Stage 2 (Senior officer review)"
        );
        assert_eq!(stage_heading(1, "Étape"), "Stage 1: Étape");
    }

    #[test]
    fn the_stage_number_is_in_the_residents_language() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/public/locales/cy.json");
        let welsh = Catalogue::parse(&std::fs::read_to_string(path).unwrap()).unwrap();
        set_catalogue(Some(keep(welsh)));
        let named = stage_heading(2, "Stage 2 (Senior officer review)");
        let only = stage_heading(2, "Stage 2");
        let other = stage_heading(1, "Investigation");
        set_catalogue(None);
        assert_eq!(named, "Cam 2 (Senior officer review)");
        assert_eq!(only, "Cam 2");
        assert_eq!(other, "Cam 1: Investigation");
    }
}
