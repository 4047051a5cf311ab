//! The annual complaints performance and service improvement report, with
//! the self-assessment against the Code (Code section 8, issue 19): a draft
//! written from the record for the landlord to edit, and the copy published
//! at the portal's public address (see [`domain::annual_report`]).
//!
//! The draft's first words are written here, once, in English: like a
//! letter, the report is a document the landlord sends out, and the words
//! are theirs to change.

pub mod store;

use chrono::{DateTime, NaiveDate, Utc};
use domain::annual_report::{
    self, AnnualReport, AssessmentRow, EditProblem, PublishedReport, ReportEdit, ReportSummary,
    ReportText,
};
use domain::compliance::{self, Finding};
use domain::figures::{DateRange, Figures, Period};
use serde::{Deserialize, Serialize};
use sqlx::AnyConnection;

use crate::error::{ApiError, FieldError};
use crate::figures::parse_day;
use crate::letters::{Document, Part};
use crate::AppState;

pub const YEAR_NOT_ALLOWED: &str = "Choose a financial year that has ended, from 2000 onwards";
pub const YEAR_TAKEN: &str = "There is already a report for this year: open it from the list";
pub const CHANGED_MEANWHILE: &str =
    "Someone else saved this report after you opened it. Copy your changes, open the report again and make them there";
pub const NO_GOVERNING_BODY_RESPONSE: &str =
    "Enter the governing body's response to the report: the Code asks for it to be published with the report";
pub const ROWS_CHANGED: &str =
    "The self-assessment has changed since you opened it: open the report again";

/// The draft as it is kept (JSON in `annual_reports.draft`).
#[derive(Serialize, Deserialize, Debug, Clone)]
struct Draft {
    landlord: String,
    text: ReportText,
    assessment: Vec<AssessmentRow>,
}

fn day(d: NaiveDate) -> String {
    d.format("%-d %B %Y").to_string()
}

fn json<T: Serialize>(value: &T) -> Result<String, ApiError> {
    serde_json::to_string(value).map_err(|e| ApiError::internal(format!("a report as JSON: {e}")))
}

fn read<T: for<'de> Deserialize<'de>>(text: &str) -> Result<T, ApiError> {
    serde_json::from_str(text).map_err(|e| ApiError::internal(format!("a stored report: {e}")))
}

/// Up to `max` characters of `text`, cut at the end of a line.
fn at_most(text: String, max: usize) -> String {
    if text.chars().count() <= max {
        return text;
    }
    let mut out = String::new();
    for line in text.lines() {
        if out.chars().count() + line.chars().count() + 1 > max {
            break;
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}

/// The draft's evidence for a requirement the check judges.
fn evidence(policy_title: &str, findings: &[&Finding], figures: &Figures, section: &str) -> String {
    let mut out = if findings.is_empty() {
        format!(
            "Our complaints policy ({policy_title}) meets this: the portal checks the policy against the Code and found nothing to change here."
        )
    } else {
        findings
            .iter()
            .map(|f| match &f.policy_says {
                Some(says) => format!(
                    "{} Our policy says: \"{says}\". To comply: {}",
                    f.message, f.to_comply
                ),
                None => format!("{} To comply: {}", f.message, f.to_comply),
            })
            .collect::<Vec<_>>()
            .join("\n")
    };
    let within = |stage: usize| {
        figures.stages.get(stage).map(|s| {
            format!(
                "\nIn the year, {} of {} stage {} responses were sent within the Code's timescales.",
                s.ch02.numerator,
                s.ch02.denominator,
                stage + 1
            )
        })
    };
    match section {
        "6.3" => out.push_str(&within(0).unwrap_or_default()),
        "6" => out.push_str(&within(1).unwrap_or_default()),
        _ => {}
    }
    at_most(out, annual_report::EVIDENCE_MAX_CHARS)
}

/// The draft's first words, from the year's figures and the lessons the
/// responses recorded.
async fn first_draft(
    state: &AppState,
    conn: &mut AnyConnection,
    range: DateRange,
    figures: &Figures,
) -> Result<Draft, ApiError> {
    let policy = &state.policy;
    let landlord = policy.landlord.clone();
    let introduction = format!(
        "This is {landlord}'s annual complaints performance and service improvement report for {} to {}. The Housing Ombudsman's Complaint Handling Code requires every landlord to publish one each year, with a self-assessment against the Code, and to give it to its governing body. It sets out how many complaints we received and answered, how quickly, what they were about, what we learnt and what we changed.",
        day(range.from),
        day(range.to)
    );
    let mut themes = String::new();
    let category = |id: &Option<String>| {
        id.as_ref()
            .and_then(|id| policy.categories.iter().find(|c| &c.id == id))
            .map_or_else(|| "Not categorised".to_owned(), |c| c.label.clone())
    };
    if figures.by_category.is_empty() {
        themes.push_str("We received no complaints in the year.\n");
    } else {
        themes.push_str("What the complaints we received were about:\n");
        for c in &figures.by_category {
            themes.push_str(&format!("- {}: {}\n", category(&c.key), c.count));
        }
    }
    if figures.causes.is_empty() {
        themes.push_str("\nOur responses recorded no causes in the year.\n");
    } else {
        themes.push_str(
            "\nWhat caused them, as our responses recorded it (in responses: a complaint answered at both stages counts in each):\n",
        );
        for c in &figures.causes {
            let label = c.label.clone().unwrap_or_else(|| c.cause.clone());
            themes.push_str(&format!("- {label}: {}\n", c.count));
        }
    }
    let causes = policy.root_causes();
    let mut by_cause: Vec<(String, Vec<String>)> = Vec::new();
    let (from, to) = (range.from.to_string(), range.to.to_string());
    for (cause, lesson) in store::lessons(conn, &from, &to).await? {
        let theme = match cause {
            Some(id) => causes
                .iter()
                .find(|c| c.id == id)
                .map_or(id, |c| c.label.clone()),
            None => "Other lessons".to_owned(),
        };
        let lesson = lesson.split_whitespace().collect::<Vec<_>>().join(" ");
        match by_cause.iter_mut().find(|(t, _)| *t == theme) {
            Some((_, list)) if list.contains(&lesson) => {}
            Some((_, list)) => list.push(lesson),
            None => by_cause.push((theme, vec![lesson])),
        }
    }
    // The themes as the figures rank their causes (most first), then the
    // lessons whose responses recorded no cause.
    let rank = |theme: &str| {
        figures
            .causes
            .iter()
            .position(|c| c.label.as_deref().unwrap_or(&c.cause) == theme)
            .unwrap_or(usize::MAX)
    };
    by_cause.sort_by_key(|(theme, _)| rank(theme));
    let mut lessons_learnt = String::new();
    if by_cause.is_empty() {
        lessons_learnt.push_str("Our responses recorded no lessons in the year.\n");
    }
    for (theme, lessons) in &by_cause {
        lessons_learnt.push_str(&format!("{theme}:\n"));
        for lesson in lessons {
            lessons_learnt.push_str(&format!("- {lesson}\n"));
        }
        lessons_learnt.push('\n');
    }
    let changed = figures
        .remedies
        .iter()
        .find(|r| r.kind == domain::case::RemedyKind::ChangedPolicy)
        .map_or(0, |r| r.count);
    let improvements = format!(
        "Our responses changed a policy or procedure {changed} {} in the year.",
        if changed == 1 { "time" } else { "times" }
    );
    let findings = compliance::check(policy);
    let mut assessment = annual_report::assessment(&findings, |section, found| {
        evidence(&policy.title, found, figures, section)
    });
    // The check reads the policy; the Code judges what happened too. Where
    // the year's responses were not all within the Code's timescales, the
    // stage response rows are left for the landlord to answer.
    for row in assessment.iter_mut().filter(|r| r.checked) {
        let stage = match row.section.as_str() {
            "6.3" => 0,
            "6" => 1,
            _ => continue,
        };
        if figures
            .stages
            .get(stage)
            .is_some_and(|s| s.ch02.numerator < s.ch02.denominator)
        {
            row.comply = None;
        }
    }
    let max = annual_report::TEXT_MAX_CHARS;
    Ok(Draft {
        landlord,
        text: ReportText {
            introduction,
            themes: at_most(themes, max),
            lessons_learnt: at_most(lessons_learnt, max),
            improvements,
            governing_body_response: String::new(),
        },
        assessment,
    })
}

/// The report as the landlord edits it.
async fn answer(
    state: &AppState,
    conn: &mut AnyConnection,
    year: i32,
) -> Result<AnnualReport, ApiError> {
    let (draft, version, published_on, changed) = store::get(conn, i64::from(year))
        .await?
        .ok_or(ApiError::NotFound)?;
    let figures = crate::figures::figures(state, conn, Period::FinancialYear { year }).await?;
    Ok(report(
        year,
        read(&draft)?,
        version,
        figures,
        published_on.as_deref().map(parse_day).transpose()?,
        changed != 0,
    ))
}

/// The report from its draft and the year's figures (which give its dates).
fn report(
    year: i32,
    draft: Draft,
    version: i64,
    figures: Figures,
    published_on: Option<NaiveDate>,
    changed_since_published: bool,
) -> AnnualReport {
    AnnualReport {
        year,
        range: figures.range,
        landlord: draft.landlord,
        version,
        text: draft.text,
        assessment: draft.assessment,
        figures,
        published_on,
        changed_since_published,
    }
}

/// The reports, the latest year first: a page of `fetch` after `before`.
pub async fn list(
    conn: &mut AnyConnection,
    before: Option<i32>,
    fetch: i64,
) -> Result<Vec<ReportSummary>, ApiError> {
    let start_month = crate::figures::settings(conn)
        .await?
        .financial_year_start_month;
    store::list(conn, before.map(i64::from), fetch)
        .await?
        .into_iter()
        .map(|(year, published_on, changed)| {
            let year = i32::try_from(year)
                .map_err(|_| ApiError::internal("a stored year out of range"))?;
            Ok(ReportSummary {
                year,
                range: Period::FinancialYear { year }.range(start_month),
                published_on: published_on.as_deref().map(parse_day).transpose()?,
                changed_since_published: changed != 0,
            })
        })
        .collect()
}

/// Starts the year's report (409 when it has one).
pub async fn create(
    state: &AppState,
    conn: &mut AnyConnection,
    year: i32,
    now: DateTime<Utc>,
) -> Result<AnnualReport, ApiError> {
    let start_month = crate::figures::settings(conn)
        .await?
        .financial_year_start_month;
    if !annual_report::year_allowed(year, start_month, state.clock.today()) {
        return Err(ApiError::Unprocessable(vec![FieldError::new(
            "year",
            YEAR_NOT_ALLOWED,
        )]));
    }
    let figures = crate::figures::figures(state, conn, Period::FinancialYear { year }).await?;
    let draft = first_draft(state, conn, figures.range, &figures).await?;
    if !store::insert(conn, i64::from(year), &json(&draft)?, &now.to_rfc3339()).await? {
        return Err(ApiError::conflict("year", YEAR_TAKEN));
    }
    Ok(report(
        year,
        draft,
        store::FIRST_VERSION,
        figures,
        None,
        false,
    ))
}

/// The year's report (404 when it has none).
pub async fn get(
    state: &AppState,
    conn: &mut AnyConnection,
    year: i32,
) -> Result<AnnualReport, ApiError> {
    answer(state, conn, year).await
}

/// Saves the landlord's changes to the draft.
pub async fn save(
    state: &AppState,
    conn: &mut AnyConnection,
    year: i32,
    edit: &ReportEdit,
    now: DateTime<Utc>,
) -> Result<AnnualReport, ApiError> {
    let (draft, version, ..) = store::get(conn, i64::from(year))
        .await?
        .ok_or(ApiError::NotFound)?;
    let mut draft: Draft = read(&draft)?;
    if version != edit.version {
        return Err(ApiError::conflict("", CHANGED_MEANWHILE));
    }
    let problems = annual_report::check_edit(edit, draft.assessment.len());
    if problems.contains(&EditProblem::Rows {
        expected: draft.assessment.len(),
    }) {
        return Err(ApiError::conflict("", ROWS_CHANGED));
    }
    if !problems.is_empty() {
        return Err(ApiError::Unprocessable(
            problems
                .iter()
                .filter_map(|p| match p {
                    EditProblem::TooLong { field, max } => Some(FieldError::new(
                        field,
                        domain::validation::text::too_long(field, *max),
                    )),
                    EditProblem::Rows { .. } => None,
                })
                .collect(),
        ));
    }
    draft.text = edit.text.clone();
    annual_report::apply_answers(&mut draft.assessment, &edit.assessment);
    if !store::save_draft(
        conn,
        i64::from(year),
        edit.version,
        &json(&draft)?,
        &now.to_rfc3339(),
    )
    .await?
    {
        return Err(ApiError::conflict("", CHANGED_MEANWHILE));
    }
    answer(state, conn, year).await
}

/// Publishes the draft with the year's figures as they stand today.
pub async fn publish(
    state: &AppState,
    conn: &mut AnyConnection,
    year: i32,
    version: i64,
) -> Result<AnnualReport, ApiError> {
    let report = answer(state, conn, year).await?;
    if report.version != version {
        return Err(ApiError::conflict("", CHANGED_MEANWHILE));
    }
    let problems = annual_report::ready_to_publish(&report.text, &report.assessment);
    if !problems.is_empty() {
        return Err(ApiError::Unprocessable(
            problems
                .into_iter()
                .map(|p| match p {
                    annual_report::PublishProblem::NoGoverningBodyResponse => {
                        FieldError::new("text.governing_body_response", NO_GOVERNING_BODY_RESPONSE)
                    }
                    annual_report::PublishProblem::Unanswered(n) => FieldError::new(
                        &format!("assessment[{n}].comply"),
                        unanswered(&report.assessment[n]),
                    ),
                })
                .collect(),
        ));
    }
    let today = state.clock.today();
    let published = PublishedReport {
        year,
        range: report.range,
        landlord: report.landlord.clone(),
        published_on: today,
        text: report.text.clone(),
        assessment: report.assessment.clone(),
        figures: Figures {
            // Counts under 5 could identify someone: not published.
            equality: None,
            ..report.figures.clone()
        },
    };
    if !store::publish(
        conn,
        i64::from(year),
        version,
        &json(&published)?,
        &today.to_string(),
    )
    .await?
    {
        return Err(ApiError::conflict("", CHANGED_MEANWHILE));
    }
    Ok(AnnualReport {
        published_on: Some(today),
        changed_since_published: false,
        ..report
    })
}

/// The year's report as published (404 when it is not).
pub async fn published(conn: &mut AnyConnection, year: i32) -> Result<PublishedReport, ApiError> {
    let text = store::published(conn, i64::from(year))
        .await?
        .ok_or(ApiError::NotFound)?;
    read(&text)
}

/// The report's text as the PDF's parts: its paragraphs, and an item for
/// each line of a list.
fn text_parts(text: &str) -> Vec<Part> {
    annual_report::blocks(text)
        .into_iter()
        .flat_map(|block| match block {
            annual_report::Block::Paragraph(p) => vec![Part::Paragraph(p)],
            annual_report::Block::List(items) => items.into_iter().map(Part::Item).collect(),
        })
        .collect()
}

/// Said of a self-assessment row without an answer: its provision and its
/// requirement, as two rows may share a provision.
pub fn unanswered(row: &AssessmentRow) -> String {
    let mut requirement = row.requirement.chars();
    let requirement = match requirement.next() {
        Some(first) => first.to_lowercase().chain(requirement).collect::<String>(),
        None => String::new(),
    };
    format!(
        "Say whether you comply with {}: {requirement}",
        provision(&row.section)
    )
}

/// "Code 6.3", or "Code section 6" where the provision's number is not confirmed.
fn provision(section: &str) -> String {
    if section.contains('.') {
        format!("Code {section}")
    } else {
        format!("Code section {section}")
    }
}

/// "2025 to 2026", or "2025" for a financial year that is a calendar year.
pub fn years(range: &DateRange) -> String {
    use chrono::Datelike;
    let (from, to) = (range.from.year(), range.to.year());
    if from == to {
        from.to_string()
    } else {
        format!("{from} to {to}")
    }
}

/// The published report as a PDF, in the order of its page.
pub fn pdf(report: &PublishedReport) -> Vec<u8> {
    let title = format!(
        "{}: annual complaints performance and service improvement report {}",
        report.landlord,
        years(&report.range)
    );
    let mut parts = vec![Part::Paragraph(format!(
        "For {} to {}. Published on {}.",
        day(report.range.from),
        day(report.range.to),
        day(report.published_on)
    ))];
    let text = &report.text;
    let section = |parts: &mut Vec<Part>, heading: &str, body: &str| {
        if !body.trim().is_empty() {
            parts.push(Part::Heading(heading.to_owned()));
            parts.extend(text_parts(body));
        }
    };
    section(&mut parts, "Introduction", &text.introduction);
    parts.push(Part::Heading("Our figures".to_owned()));
    let f = &report.figures;
    for (n, s) in f.stages.iter().enumerate().take(2) {
        let stage = n + 1;
        let per = s
            .ch01
            .per_thousand()
            .map(|v| format!(" ({v} per 1,000 homes)"))
            .unwrap_or_default();
        parts.push(Part::Item(format!(
            "Stage {stage} complaints received (CH01): {}{per}",
            s.ch01.numerator
        )));
        let share = s
            .ch02
            .percent()
            .map(|p| format!(" ({p}%)"))
            .unwrap_or_default();
        parts.push(Part::Item(format!(
            "Stage {stage} complaints answered within the Code's timescales (CH02): {} of {}{share}",
            s.ch02.numerator, s.ch02.denominator
        )));
        if let Some(days) = s.median_working_days {
            parts.push(Part::Item(format!(
                "Median working days to answer at stage {stage}: {days}"
            )));
        }
    }
    parts.push(Part::Item(format!(
        "Complaints referred to the Housing Ombudsman: {}",
        f.kpis.ombudsman
    )));
    let remedies: u64 = f.remedies.iter().map(|r| r.count).sum();
    let money: u64 = f.remedies.iter().map(|r| r.pence).sum();
    parts.push(Part::Item(format!(
        "Remedies in our responses: {remedies}, with {} in money",
        domain::case::pounds(money)
    )));
    parts.push(Part::Item(format!(
        "Compliments received: {}",
        f.compliments
    )));
    parts.push(Part::Item(format!("Comments received: {}", f.comments)));
    section(&mut parts, "What complaints were about", &text.themes);
    section(&mut parts, "What we learnt", &text.lessons_learnt);
    section(&mut parts, "What we changed", &text.improvements);
    section(
        &mut parts,
        "Our governing body's response",
        &text.governing_body_response,
    );
    parts.push(Part::Heading(
        "Our self-assessment against the Complaint Handling Code".to_owned(),
    ));
    for row in &report.assessment {
        parts.push(Part::Paragraph(format!(
            "{}: {}",
            provision(&row.section),
            row.requirement
        )));
        parts.push(Part::Item(format!(
            "Comply: {}",
            match row.comply {
                Some(annual_report::Comply::Yes) => "Yes",
                Some(annual_report::Comply::No) => "No",
                None => "Not answered",
            }
        )));
        if !row.evidence.trim().is_empty() {
            parts.push(Part::Item(format!(
                "Evidence: {}",
                row.evidence
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ")
            )));
        }
    }
    Document {
        title: &title,
        author: &report.landlord,
        parts,
    }
    .pdf()
}
