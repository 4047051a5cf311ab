//! A first look at a complaint before it is sent: does it sound like something
//! this policy handles another way, or is it older than the time limit?
//!
//! Screening only suggests. The resident reads why, what to do instead, and
//! whether they may still insist on a complaint.

use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};

use super::Policy;

/// The id of the screening result for a complaint older than the time limit.
pub const OUTSIDE_TIME_LIMIT: &str = "outside_time_limit";

/// Something in a complaint that suggests the policy handles it another way.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
pub struct ScreeningResult {
    /// The exclusion's id, or `outside_time_limit`.
    pub id: String,
    pub title: String,
    /// Kindly, why this may not be handled as a complaint.
    pub explanation: String,
    /// What to do instead.
    pub instead: String,
    /// Whether the resident may still ask for a complaint.
    pub may_insist: bool,
    /// For `outside_time_limit`: the circumstances in which the limit does not
    /// apply, so the resident can say that one does. Empty otherwise.
    #[serde(default)]
    pub exceptions: Vec<String>,
    /// For an exclusion: the words in the description that matched.
    #[serde(default)]
    pub matched: Vec<String>,
    /// An exclusion about the landlord's own staff (Pivotal §6.1(g): "dealt
    /// with by their Line Manager"). The Code counts dissatisfaction with
    /// the landlord's staff as a complaint (1.2), so it is not applied: the
    /// complaint goes ahead without the resident being asked, and the result
    /// is kept for staff, who see where the policy routes it.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub about_own_staff: bool,
}

impl ScreeningResult {
    /// Whether the resident is told of it and must read it before going on
    /// (every result but one about the landlord's own staff).
    pub fn for_resident(&self) -> bool {
        !self.about_own_staff
    }
}

/// A policy's sentence as a resident reads it: without the references to
/// sections that policies write for staff ("(§5)", "(§6.1b, §6.1e)",
/// "(Code 2.2)", "(section 4)"). Residents never see section numbers.
pub fn without_section_references(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('(') {
        let inner = &rest[open + 1..];
        let is_reference = ["§", "Code ", "section ", "Section ", "paragraph "]
            .iter()
            .any(|p| inner.starts_with(p));
        match (is_reference, inner.find(')')) {
            (true, Some(close)) => {
                out.push_str(rest[..open].trim_end_matches(' '));
                rest = &inner[close + 1..];
            }
            _ => {
                out.push_str(&rest[..=open]);
                rest = inner;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Lower-case words of a text, with anything that is not a letter or a digit
/// taken as a space. "Boiler's BROKEN!" → ["boiler", "s", "broken"].
pub(super) fn words(text: &str) -> Vec<String> {
    text.to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Endings a keyword's last word may take and still match: "leak" matches
/// "leaks", "leaked", "leaking", but "court" does not match "courtesy".
const ENDINGS: [&str; 6] = ["", "s", "es", "d", "ed", "ing"];

fn word_matches(keyword: &str, word: &str) -> bool {
    word.strip_prefix(keyword)
        .is_some_and(|rest| ENDINGS.contains(&rest))
}

/// Whether the keyword's words appear in order, next to each other, in `text`.
fn contains_phrase(text: &[String], keyword: &[String]) -> bool {
    let Some((last, first)) = keyword.split_last() else {
        return false;
    };
    text.windows(keyword.len()).any(|window| {
        window.iter().zip(first).all(|(w, k)| w == k)
            && word_matches(last, &window[keyword.len() - 1])
    })
}

/// The keywords (each at most once, in their order) that `text`'s words use.
pub(super) fn matches(text: &[String], keywords: &[String]) -> Vec<String> {
    keywords
        .iter()
        .filter(|k| contains_phrase(text, &words(k)))
        .cloned()
        .collect()
}

impl Policy {
    /// Screens a complaint's description (and, where given, the date the
    /// problem started) against this policy, as run (see [`Policy::effective`]).
    ///
    /// Exclusions come in the policy's order, each at most once, then
    /// `outside_time_limit` when `started_on` is more than the time limit's
    /// months before `today`. Matching is by keyword, case-insensitive, on whole
    /// words (a keyword's last word may take an ending such as "s" or "ing").
    pub fn screen(
        &self,
        text: &str,
        started_on: Option<NaiveDate>,
        today: NaiveDate,
    ) -> Vec<ScreeningResult> {
        self.screen_in(text, None, started_on, today)
    }

    /// [`Policy::screen`] for a complaint under one of the policy's
    /// categories. An exclusion never fires against the category's own
    /// meaning: a complaint under "a repair that was not done well or on
    /// time" that mentions a repair is dissatisfaction with a service, which
    /// is a complaint (Code 1.5), not a service request. So an exclusion is
    /// left out when a keyword it matched is in the category's label or hint.
    pub fn screen_in(
        &self,
        text: &str,
        category: Option<&str>,
        started_on: Option<NaiveDate>,
        today: NaiveDate,
    ) -> Vec<ScreeningResult> {
        let policy = self.effective();
        let text = words(text);
        let category_words: Vec<String> = category
            .and_then(|id| policy.categories.iter().find(|c| c.id == id))
            .map(|c| words(&format!("{} {}", c.label, c.hint)))
            .unwrap_or_default();
        let mut results: Vec<ScreeningResult> = policy
            .exclusions
            .iter()
            .filter_map(|exclusion| {
                let matched: Vec<String> = exclusion
                    .keywords
                    .iter()
                    .filter(|k| contains_phrase(&text, &words(k)))
                    .cloned()
                    .collect();
                let about_the_category = matched
                    .iter()
                    .any(|k| contains_phrase(&category_words, &words(k)));
                (!matched.is_empty() && !about_the_category).then(|| ScreeningResult {
                    id: exclusion.id.clone(),
                    title: without_section_references(&exclusion.title),
                    explanation: without_section_references(&exclusion.explanation),
                    instead: without_section_references(&exclusion.instead),
                    // Never a refusal: the Code makes it a complaint (1.2).
                    may_insist: exclusion.may_insist || exclusion.about_own_staff,
                    exceptions: Vec::new(),
                    matched,
                    about_own_staff: exclusion.about_own_staff,
                })
            })
            .collect();

        if let (Some(limit), Some(started_on)) = (&policy.time_limit, started_on) {
            let earliest = today.checked_sub_months(Months::new(limit.months));
            if earliest.is_some_and(|earliest| started_on < earliest) {
                let mut exceptions = Vec::new();
                if limit.from_awareness {
                    exceptions.push(format!(
                        "You only became aware of the problem in the last {}.",
                        months_words(limit.months)
                    ));
                }
                exceptions.extend(
                    limit
                        .exceptions
                        .iter()
                        .map(|e| without_section_references(e)),
                );
                if limit.discretion {
                    exceptions.push(
                        "There is a good reason you could not complain sooner: your landlord must consider it.".to_owned(),
                    );
                }
                results.push(ScreeningResult {
                    id: OUTSIDE_TIME_LIMIT.to_owned(),
                    title: format!("The problem started more than {} ago", months_words(limit.months)),
                    explanation: format!(
                        "This policy accepts complaints about problems from the last {}.",
                        months_words(limit.months)
                    ),
                    instead: if exceptions.is_empty() {
                        "You can still ask the Housing Ombudsman Service for advice.".to_owned()
                    } else {
                        "If one of these applies, say so in your complaint. You can also ask the Housing Ombudsman Service for advice.".to_owned()
                    },
                    may_insist: !exceptions.is_empty(),
                    exceptions,
                    matched: Vec::new(),
                    about_own_staff: false,
                });
            }
        }
        results
    }
}

fn months_words(months: u32) -> String {
    match months {
        1 => "month".to_owned(),
        n => format!("{n} months"),
    }
}

#[cfg(test)]
mod tests {
    use super::without_section_references as plain;

    #[test]
    fn section_references_are_taken_out_and_other_brackets_kept() {
        assert_eq!(
            plain("It is not a complaint (§4). It becomes one later (§5.2)."),
            "It is not a complaint. It becomes one later."
        );
        assert_eq!(
            plain("Outside its control (§6.1b, §6.1e)."),
            "Outside its control."
        );
        assert_eq!(plain("Not a complaint (Code 1.4)."), "Not a complaint.");
        assert_eq!(
            plain("Call us (free from mobiles)."),
            "Call us (free from mobiles)."
        );
        assert_eq!(plain("Unclosed (§4"), "Unclosed (§4");
    }
}
