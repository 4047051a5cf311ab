//! The annual complaints performance and service improvement report (Code
//! section 8, issue 19): for a financial year, the landlord's own words
//! (introduction, themes, lessons learnt, service improvements and the
//! governing body's response) beside the year's figures, and the
//! self-assessment against the Code in the layout of the Housing
//! Ombudsman's form: each provision, its requirement, "Comply: Yes / No"
//! and the evidence.
//!
//! A report is a draft the landlord edits; publishing copies the draft and
//! the year's figures as they stand into the published report, which anyone
//! can read at the portal's public address for the year. Editing after that
//! changes the draft only, until it is published again.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::compliance::{Finding, Severity, CHECKED, NOT_JUDGED};
use crate::figures::{DateRange, Figures, Period, YEARS};

/// The most characters each part of the report's text may hold.
pub const TEXT_MAX_CHARS: usize = 20_000;
/// The most characters one self-assessment row's evidence may hold.
pub const EVIDENCE_MAX_CHARS: usize = 4_000;

/// The parts of the report's text, by their JSON keys, in the order the
/// report gives them.
pub const TEXT_FIELDS: [&str; 5] = [
    "introduction",
    "themes",
    "lessons_learnt",
    "improvements",
    "governing_body_response",
];

/// The Ombudsman's "Comply: Yes / No".
#[derive(Serialize, Deserialize, Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Comply {
    Yes,
    No,
}

/// One row of the self-assessment.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
pub struct AssessmentRow {
    /// The Code's provision ("6.3"), or its section alone ("6") where the
    /// provision's number is not confirmed.
    pub section: String,
    /// What the Code requires there, as the portal's check words it.
    pub requirement: String,
    /// Whether the portal's policy check judges this requirement (its answer
    /// was filled in from the check); otherwise the landlord answers it.
    pub checked: bool,
    /// `None`: not answered yet.
    pub comply: Option<Comply>,
    /// The evidence, commentary and any explanation.
    pub evidence: String,
}

/// The report's own words.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq, Default)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
pub struct ReportText {
    pub introduction: String,
    /// What the complaints were about, and their causes.
    pub themes: String,
    pub lessons_learnt: String,
    /// The changes made to services because of complaints.
    pub improvements: String,
    /// The governing body's response to the report (Code section 8).
    pub governing_body_response: String,
}

impl ReportText {
    /// Each part with its JSON key, in [`TEXT_FIELDS`]' order.
    pub fn parts(&self) -> [(&'static str, &str); 5] {
        [
            ("introduction", &self.introduction),
            ("themes", &self.themes),
            ("lessons_learnt", &self.lessons_learnt),
            ("improvements", &self.improvements),
            ("governing_body_response", &self.governing_body_response),
        ]
    }
}

/// `GET /staff/annual-reports/{year}`: a year's report as the landlord
/// edits it.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
pub struct AnnualReport {
    /// The financial year that begins in this year.
    pub year: i32,
    pub range: DateRange,
    pub landlord: String,
    /// Sent back with a change, so that two people's edits do not overwrite
    /// each other (409 when someone saved in between).
    pub version: i64,
    pub text: ReportText,
    pub assessment: Vec<AssessmentRow>,
    /// The year's figures as they stand now.
    pub figures: Figures,
    /// When it was last published (`None`: never).
    pub published_on: Option<NaiveDate>,
    /// Whether the draft was changed after it was last published.
    pub changed_since_published: bool,
}

/// `GET /annual-reports/{year}`: a published report, as anyone reads it.
/// It names no resident: its figures are counts, without the equality
/// monitoring counts (small numbers could identify someone).
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
pub struct PublishedReport {
    pub year: i32,
    pub range: DateRange,
    pub landlord: String,
    pub published_on: NaiveDate,
    pub text: ReportText,
    pub assessment: Vec<AssessmentRow>,
    /// The year's figures on the day it was published.
    pub figures: Figures,
}

/// One report in the list.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
pub struct ReportSummary {
    pub year: i32,
    pub range: DateRange,
    pub published_on: Option<NaiveDate>,
    pub changed_since_published: bool,
}

/// `POST /staff/annual-reports`: start the draft for a year.
#[derive(Serialize, Deserialize, Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
pub struct NewReport {
    /// The financial year that begins in this year.
    pub year: i32,
}

/// One self-assessment answer, in the rows' order.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
pub struct AssessmentAnswer {
    pub comply: Option<Comply>,
    pub evidence: String,
}

/// `PUT /staff/annual-reports/{year}`: the draft as changed.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
pub struct ReportEdit {
    /// The version the change was made to.
    pub version: i64,
    pub text: ReportText,
    /// An answer for every row, in order.
    pub assessment: Vec<AssessmentAnswer>,
}

/// `POST /staff/annual-reports/{year}/publish`.
#[derive(Serialize, Deserialize, Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
pub struct PublishReport {
    /// The version being published: the one the landlord last read.
    pub version: i64,
}

/// What is wrong with a change, field by field (JSON keys: `text.themes`,
/// `assessment[3].evidence`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EditProblem {
    TooLong {
        field: String,
        max: usize,
    },
    /// The answers are not one for each row.
    Rows {
        expected: usize,
    },
}

/// A part of the report's text as it is shown: a paragraph, or a list from
/// lines that start with "- ".
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    Paragraph(String),
    List(Vec<String>),
}

/// `text` as paragraphs (separated by a blank line, or by a list) and lists.
/// A heading line ending in ':' stays a paragraph of its own.
pub fn blocks(text: &str) -> Vec<Block> {
    let mut out: Vec<Block> = Vec::new();
    let mut lines: Vec<&str> = Vec::new();
    let flush = |lines: &mut Vec<&str>, out: &mut Vec<Block>| {
        if !lines.is_empty() {
            out.push(Block::Paragraph(lines.join(" ")));
            lines.clear();
        }
    };
    for line in text.lines().map(str::trim) {
        if let Some(item) = line.strip_prefix("- ").or(line.strip_prefix("* ")) {
            flush(&mut lines, &mut out);
            match out.last_mut() {
                Some(Block::List(items)) => items.push(item.trim().to_owned()),
                _ => out.push(Block::List(vec![item.trim().to_owned()])),
            }
        } else if line.is_empty() {
            flush(&mut lines, &mut out);
        } else {
            lines.push(line);
            if line.ends_with(':') {
                flush(&mut lines, &mut out);
            }
        }
    }
    flush(&mut lines, &mut out);
    out
}

/// Whether the financial year that begins in `year` (in month
/// `start_month`) is one a report can be made for: in the figures' years,
/// and over by `today` (a report looks back on a whole year).
pub fn year_allowed(year: i32, start_month: u32, today: NaiveDate) -> bool {
    (YEARS.0..=YEARS.1).contains(&year)
        && Period::FinancialYear { year }.range(start_month).to < today
}

/// The problems with `edit` for a report of `rows` rows.
pub fn check_edit(edit: &ReportEdit, rows: usize) -> Vec<EditProblem> {
    let mut problems = Vec::new();
    for (key, value) in edit.text.parts() {
        if value.chars().count() > TEXT_MAX_CHARS {
            problems.push(EditProblem::TooLong {
                field: format!("text.{key}"),
                max: TEXT_MAX_CHARS,
            });
        }
    }
    if edit.assessment.len() != rows {
        problems.push(EditProblem::Rows { expected: rows });
    }
    for (n, answer) in edit.assessment.iter().enumerate() {
        if answer.evidence.chars().count() > EVIDENCE_MAX_CHARS {
            problems.push(EditProblem::TooLong {
                field: format!("assessment[{n}].evidence"),
                max: EVIDENCE_MAX_CHARS,
            });
        }
    }
    problems
}

/// Why a draft cannot be published yet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PublishProblem {
    /// The Code (section 8) asks for the governing body's response to be
    /// published with the report.
    NoGoverningBodyResponse,
    /// A self-assessment row (by its index) says neither "Yes" nor "No".
    Unanswered(usize),
}

/// What must be done before `text` and `rows` are published: the governing
/// body's response, and an answer on every row of the self-assessment.
pub fn ready_to_publish(text: &ReportText, rows: &[AssessmentRow]) -> Vec<PublishProblem> {
    let mut problems = Vec::new();
    if text.governing_body_response.trim().is_empty() {
        problems.push(PublishProblem::NoGoverningBodyResponse);
    }
    problems.extend(
        rows.iter()
            .enumerate()
            .filter(|(_, r)| r.comply.is_none())
            .map(|(n, _)| PublishProblem::Unanswered(n)),
    );
    problems
}

/// `edit`'s answers on `rows` (checked first with [`check_edit`]).
pub fn apply_answers(rows: &mut [AssessmentRow], answers: &[AssessmentAnswer]) {
    for (row, answer) in rows.iter_mut().zip(answers) {
        row.comply = answer.comply;
        row.evidence.clone_from(&answer.evidence);
    }
}

/// A section's place in the Code: "6.10" after "6.6" (by number, not as text); a section alone
/// ("6") after its numbered provisions.
fn order(section: &str) -> (u32, u32) {
    let mut parts = section.split('.');
    let major = parts
        .next()
        .and_then(|p| p.parse().ok())
        .unwrap_or(u32::MAX);
    let minor = parts
        .next()
        .and_then(|p| p.parse().ok())
        .unwrap_or(u32::MAX);
    (major, minor)
}

/// The self-assessment's rows, in the Code's order, filled in from the
/// policy check's `findings`: a requirement the check judges and finds
/// nothing against is answered "Yes"; one with a breach "No"; one with
/// advice only is left for the landlord, as are the requirements the check
/// cannot judge. `evidence` writes each judged row's evidence from its
/// findings (none: the policy meets it).
pub fn assessment(
    findings: &[Finding],
    evidence: impl Fn(&str, &[&Finding]) -> String,
) -> Vec<AssessmentRow> {
    let mut rows: Vec<AssessmentRow> = CHECKED
        .iter()
        .map(|(section, what)| {
            let found: Vec<&Finding> = findings.iter().filter(|f| f.section == *section).collect();
            let comply = if found.is_empty() {
                Some(Comply::Yes)
            } else if found.iter().any(|f| f.severity == Severity::Breach) {
                Some(Comply::No)
            } else {
                None
            };
            AssessmentRow {
                section: (*section).to_owned(),
                requirement: capitalised(what),
                checked: true,
                comply,
                evidence: evidence(section, &found),
            }
        })
        .chain(NOT_JUDGED.iter().map(|(section, what)| AssessmentRow {
            section: (*section).to_owned(),
            requirement: capitalised(what.split(':').next().unwrap_or(what)),
            checked: false,
            comply: None,
            evidence: String::new(),
        }))
        .collect();
    // Stable: within a section, the judged rows first, each list's order kept.
    rows.sort_by_key(|r| order(&r.section));
    rows
}

fn capitalised(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finding(section: &str, severity: Severity) -> Finding {
        Finding {
            section: section.to_owned(),
            severity,
            message: "m".to_owned(),
            policy_says: None,
            to_comply: "c".to_owned(),
        }
    }

    #[test]
    fn every_provision_the_check_names_is_a_row_in_the_codes_order() {
        let rows = assessment(&[], |_, _| String::new());
        assert_eq!(rows.len(), CHECKED.len() + NOT_JUDGED.len());
        let sections: Vec<&str> = rows.iter().map(|r| r.section.as_str()).collect();
        let p = |s: &str| sections.iter().position(|x| *x == s).unwrap();
        assert!(p("1.2") < p("1.4"));
        assert!(p("6.6") < p("6.10"), "6.10 comes after 6.6, not after 6.1");
        assert!(
            p("6.13") < p("6"),
            "the section alone follows its provisions"
        );
        assert!(p("6") < p("7.1"));
        assert!(rows
            .iter()
            .filter(|r| r.checked)
            .all(|r| r.comply == Some(Comply::Yes)));
        assert!(rows
            .iter()
            .filter(|r| !r.checked)
            .all(|r| r.comply.is_none()));
        let unjudged = rows.iter().find(|r| r.section == "1.3").unwrap();
        assert!(
            unjudged
                .requirement
                .starts_with("Whether residents are offered"),
            "the requirement without the reason the check cannot judge it: {}",
            unjudged.requirement
        );
        assert!(!unjudged.requirement.contains("a matter of"));
    }

    #[test]
    fn text_becomes_paragraphs_and_lists() {
        let text = "What caused them:\n- A missed appointment: 2\n- Delay: 1\n\nWe learnt a lot.\nAnd changed.\n\n\nEnd";
        assert_eq!(
            blocks(text),
            [
                Block::Paragraph("What caused them:".into()),
                Block::List(vec!["A missed appointment: 2".into(), "Delay: 1".into()]),
                Block::Paragraph("We learnt a lot. And changed.".into()),
                Block::Paragraph("End".into()),
            ]
        );
        assert_eq!(blocks("  \n\n"), []);
        assert_eq!(
            blocks("- one\n\n- two"),
            [Block::List(vec!["one".into(), "two".into()])],
            "a blank line between items keeps one list"
        );
    }

    #[test]
    fn a_draft_is_published_with_the_governing_bodys_response_and_every_answer() {
        let mut rows = assessment(&[], |_, _| String::new());
        let mut text = ReportText::default();
        let first_unanswered = rows.iter().position(|r| r.comply.is_none()).unwrap();
        let problems = ready_to_publish(&text, &rows);
        assert_eq!(problems[0], PublishProblem::NoGoverningBodyResponse);
        assert_eq!(problems[1], PublishProblem::Unanswered(first_unanswered));
        assert_eq!(problems.len(), 1 + NOT_JUDGED.len());
        text.governing_body_response = "The board read it on 1 May.".into();
        for row in &mut rows {
            row.comply.get_or_insert(Comply::No);
        }
        assert_eq!(ready_to_publish(&text, &rows), []);
    }

    #[test]
    fn a_report_looks_back_on_a_year_that_has_ended() {
        let d = |s: &str| s.parse::<NaiveDate>().unwrap();
        assert!(!year_allowed(2025, 4, d("2026-03-31")), "its last day");
        assert!(year_allowed(2025, 4, d("2026-04-01")));
        assert!(!year_allowed(1999, 4, d("2026-04-01")));
        assert!(
            !year_allowed(1_000_000, 4, d("2026-04-01")),
            "no panic out of range"
        );
        assert!(
            year_allowed(2025, 1, d("2026-01-01")),
            "a year from January"
        );
    }

    #[test]
    fn a_breach_is_no_and_advice_is_left_for_the_landlord() {
        let findings = [
            finding("5.3", Severity::Breach),
            finding("5.3", Severity::Advice),
            finding("6.12", Severity::Advice),
        ];
        let rows = assessment(&findings, |section, found| {
            format!("{section}: {}", found.len())
        });
        let row = |s: &str| rows.iter().find(|r| r.section == s && r.checked).unwrap();
        assert_eq!(row("5.3").comply, Some(Comply::No));
        assert_eq!(row("5.3").evidence, "5.3: 2");
        assert_eq!(row("6.12").comply, None);
        assert_eq!(row("6.2").comply, Some(Comply::Yes));
        assert_eq!(row("6.2").evidence, "6.2: 0");
    }

    #[test]
    fn an_edit_must_answer_every_row_within_the_limits() {
        let rows = assessment(&[], |_, _| String::new());
        let mut edit = ReportEdit {
            version: 1,
            text: ReportText {
                themes: "x".repeat(TEXT_MAX_CHARS + 1),
                ..ReportText::default()
            },
            assessment: vec![
                AssessmentAnswer {
                    comply: Some(Comply::No),
                    evidence: "é".repeat(EVIDENCE_MAX_CHARS),
                };
                rows.len()
            ],
        };
        assert_eq!(
            check_edit(&edit, rows.len()),
            [EditProblem::TooLong {
                field: "text.themes".into(),
                max: TEXT_MAX_CHARS
            }],
            "characters are counted, not bytes"
        );
        edit.text.themes.clear();
        edit.assessment[2].evidence.push('x');
        edit.assessment.pop();
        assert_eq!(
            check_edit(&edit, rows.len()),
            [
                EditProblem::Rows {
                    expected: rows.len()
                },
                EditProblem::TooLong {
                    field: "assessment[2].evidence".into(),
                    max: EVIDENCE_MAX_CHARS
                }
            ]
        );
        let mut rows = rows;
        edit.assessment.push(AssessmentAnswer {
            comply: None,
            evidence: "Our panel".into(),
        });
        apply_answers(&mut rows, &edit.assessment);
        assert_eq!(rows[0].comply, Some(Comply::No));
        let last = rows.last().unwrap();
        assert_eq!((last.comply, last.evidence.as_str()), (None, "Our panel"));
    }
}
