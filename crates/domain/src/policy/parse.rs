//! Reading a policy from TOML, and checking that it makes sense.
//!
//! A malformed policy file stops the server at start, so every error says where
//! the problem is: the line, the column and the field, as a dotted path with
//! array indexes (`stages[0].respond.days`).

use std::collections::HashSet;
use std::fmt;
use std::ops::Range;

use toml::de::{DeTable, DeValue};

use super::{AutoCloseRule, Policy, TargetFrom};

/// Why a policy file could not be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PolicyError {
    /// 1-based line of the problem, where it is known.
    pub line: Option<usize>,
    /// 1-based column (in characters) of the problem, where it is known.
    pub column: Option<usize>,
    /// The field, as a path such as `stages[0].respond.days`, where it is known.
    pub field: Option<String>,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for PolicyError {
    /// "line 12, field `stages[0].respond.days`: invalid type: string "ten", expected an integer".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut place = Vec::new();
        if let Some(line) = self.line {
            place.push(format!("line {line}"));
        }
        if let Some(field) = &self.field {
            place.push(format!("field `{field}`"));
        }
        if place.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "{}: {}", place.join(", "), self.message)
        }
    }
}

impl std::error::Error for PolicyError {}

impl Policy {
    /// Reads a policy from TOML, refusing unknown fields, then checks that it
    /// makes sense (see [`Policy::validate`]).
    pub fn from_toml(src: &str) -> Result<Policy, PolicyError> {
        let index = SpanIndex::new(src);
        let policy: Policy = toml::from_str(src).map_err(|e| index.error_from_toml(&e))?;
        policy.validate().map_err(|e| index.locate(e))?;
        Ok(policy)
    }

    /// Checks what the types alone cannot: stages numbered 1, 2, … in order, a
    /// panel numbered after the last stage, targets of at least one working day,
    /// unique non-empty ids, and so on. Returns the first problem found; its
    /// `line` and `column` are `None` (use [`Policy::from_toml`] for those).
    pub fn validate(&self) -> Result<(), PolicyError> {
        let fail = |field: &str, message: &str| {
            Err(PolicyError {
                line: None,
                column: None,
                field: Some(field.to_owned()),
                message: message.to_owned(),
            })
        };
        for (field, value) in [
            ("id", &self.id),
            ("landlord", &self.landlord),
            ("title", &self.title),
        ] {
            if value.trim().is_empty() {
                return fail(field, "must not be empty");
            }
        }
        if self
            .id
            .chars()
            .any(|c| !(c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'))
        {
            return fail("id", "must use only lower-case letters, digits and hyphens");
        }
        if let Some(limit) = &self.time_limit {
            if limit.months == 0 {
                return fail("time_limit.months", "must be at least 1");
            }
        }
        if self.stages.is_empty() {
            return fail("stages", "a policy needs at least one stage");
        }
        for (i, stage) in self.stages.iter().enumerate() {
            let at = |rest: &str| format!("stages[{i}]{rest}");
            if usize::from(stage.number) != i + 1 {
                return fail(
                    &at(".number"),
                    &format!(
                        "stages must be numbered 1, 2, … in order: expected {}",
                        i + 1
                    ),
                );
            }
            if stage.name.trim().is_empty() {
                return fail(&at(".name"), "must not be empty");
            }
            if let Some(ack) = stage.acknowledge {
                if ack.from != TargetFrom::Receipt {
                    return fail(
                        &at(".acknowledge.from"),
                        "an acknowledgement can only count from receipt",
                    );
                }
                if ack.days == 0 {
                    return fail(&at(".acknowledge.days"), "must be at least 1");
                }
            }
            if stage.respond.days == 0 {
                return fail(&at(".respond.days"), "must be at least 1");
            }
            if let Some(extension) = &stage.extension {
                if extension.max_days == Some(0) {
                    return fail(&at(".extension.max_days"), "must be at least 1");
                }
                if let Some(total) = extension.max_total_days_from_receipt {
                    if stage.respond.from == TargetFrom::Receipt && total <= stage.respond.days {
                        return fail(
                            &at(".extension.max_total_days_from_receipt"),
                            "must be more than the response target, or there is no extension",
                        );
                    }
                }
            }
            let last = i + 1 == self.stages.len();
            match (stage.next_stage_window, last, &self.panel) {
                (Some(0), _, _) => return fail(&at(".next_stage_window"), "must be at least 1"),
                (Some(_), true, None) => {
                    return fail(
                        &at(".next_stage_window"),
                        "the last stage has no next stage to ask for",
                    )
                }
                (Some(window), true, Some(panel)) if window != panel.request_window => {
                    return fail(&at(".next_stage_window"), "must equal panel.request_window")
                }
                _ => {}
            }
        }
        if let Some(panel) = &self.panel {
            if usize::from(panel.number) != self.stages.len() + 1 {
                return fail(
                    "panel.number",
                    &format!(
                        "the panel follows the last stage, so it must be {}",
                        self.stages.len() + 1
                    ),
                );
            }
            if panel.name.trim().is_empty() {
                return fail("panel.name", "must not be empty");
            }
            for (field, days) in [
                ("panel.request_window", panel.request_window),
                ("panel.convene_within", panel.convene_within),
                ("panel.outcome_within", panel.outcome_within),
            ] {
                if days == 0 {
                    return fail(field, "must be at least 1");
                }
            }
        }
        if let Some(close) = &self.auto_close {
            let counts = matches!(
                close.rule,
                AutoCloseRule::NoContactAfterResponse | AutoCloseRule::SurveyAfterOutcome
            );
            match close.days {
                None if counts => {
                    return fail(
                        "auto_close.days",
                        "this rule counts working days: give them",
                    )
                }
                Some(0) => return fail("auto_close.days", "must be at least 1"),
                _ => {}
            }
        }
        let mut ids = HashSet::new();
        for (i, exclusion) in self.exclusions.iter().enumerate() {
            let at = |rest: &str| format!("exclusions[{i}]{rest}");
            if exclusion.id.trim().is_empty() {
                return fail(&at(".id"), "must not be empty");
            }
            if exclusion.id == super::screening::OUTSIDE_TIME_LIMIT {
                return fail(
                    &at(".id"),
                    "is kept for the time limit: set time_limit instead",
                );
            }
            if !ids.insert(exclusion.id.as_str()) {
                return fail(&at(".id"), &format!("`{}` is used twice", exclusion.id));
            }
            for (field, value) in [
                (".title", &exclusion.title),
                (".explanation", &exclusion.explanation),
                (".instead", &exclusion.instead),
            ] {
                if value.trim().is_empty() {
                    return fail(&at(field), "must not be empty");
                }
            }
            if let Some(k) = exclusion
                .keywords
                .iter()
                .position(|k| super::screening::words(k).is_empty())
            {
                return fail(&at(&format!(".keywords[{k}]")), "must contain a word");
            }
        }
        let mut ids = HashSet::new();
        for (i, category) in self.categories.iter().enumerate() {
            if category.id.trim().is_empty() {
                return fail(&format!("categories[{i}].id"), "must not be empty");
            }
            if !ids.insert(category.id.as_str()) {
                return fail(
                    &format!("categories[{i}].id"),
                    &format!("`{}` is used twice", category.id),
                );
            }
            if category.label.trim().is_empty() {
                return fail(&format!("categories[{i}].label"), "must not be empty");
            }
        }
        for (field, value) in [
            ("ombudsman.name", &self.ombudsman.name),
            ("ombudsman.telephone", &self.ombudsman.telephone),
        ] {
            if value.trim().is_empty() {
                return fail(field, "must not be empty");
            }
        }
        for (i, path) in self.silent_on.iter().enumerate() {
            if super::fallback::silent_stage(path).is_none_or(|n| n == 0 || n > self.stages.len()) {
                return fail(
                    &format!("silent_on[{i}]"),
                    &format!("`{path}` is not a field that can be left to the Code: use stages[N].respond for a stage this policy has"),
                );
            }
        }
        super::reading::validate(self)
    }
}

/// A key path with the span of its key (none for an array element) and of its value.
type Entry = (String, Option<Range<usize>>, Range<usize>);

/// The key paths of a TOML document with their byte spans, to turn a byte
/// offset into a field path and a field path into a line.
struct SpanIndex<'a> {
    src: &'a str,
    /// (path, span of the key, span of the value)
    entries: Vec<Entry>,
}

impl<'a> SpanIndex<'a> {
    fn new(src: &'a str) -> Self {
        // The recoverable parse gives a tree even for a file with syntax errors.
        let (table, _) = DeTable::parse_recoverable(src);
        let mut entries = Vec::new();
        collect(table.get_ref(), "", &mut entries);
        Self { src, entries }
    }

    fn error_from_toml(&self, error: &toml::de::Error) -> PolicyError {
        let message = plain_message(error.message());
        let Some(span) = error.span() else {
            return PolicyError {
                line: None,
                column: None,
                field: None,
                message,
            };
        };
        let (line, column) = self.line_column(span.start);
        let mut field = self.path_at(&span);
        // "missing field `x`" points at the table that lacks it.
        if let Some(missing) = between(&message, "missing field `", "`") {
            field = Some(match field {
                Some(table) if !table.is_empty() => format!("{table}.{missing}"),
                _ => missing.to_owned(),
            });
        }
        PolicyError {
            line: Some(line),
            column: Some(column),
            field: field.filter(|f| !f.is_empty()),
            message,
        }
    }

    /// Adds the line and column of the error's field, or of its nearest parent.
    fn locate(&self, mut error: PolicyError) -> PolicyError {
        let Some(field) = error.field.clone() else {
            return error;
        };
        let mut path = field.as_str();
        loop {
            if let Some((_, key, value)) = self.entries.iter().find(|(p, _, _)| p == path) {
                let start = key.as_ref().map_or(value.start, |k| k.start);
                let (line, column) = self.line_column(start);
                error.line = Some(line);
                error.column = Some(column);
                return error;
            }
            match path.rfind(['.', '[']) {
                Some(cut) => path = &path[..cut],
                None => return error,
            }
        }
    }

    /// The deepest path whose key or value contains the span's start.
    fn path_at(&self, span: &Range<usize>) -> Option<String> {
        let pos = span.start;
        let contains =
            |r: &Range<usize>| r.start <= pos && (pos < r.end || (r.is_empty() && pos == r.start));
        self.entries
            .iter()
            .filter(|(_, key, value)| key.as_ref().is_some_and(contains) || contains(value))
            .min_by_key(|(path, key, value)| {
                let size = if key.as_ref().is_some_and(contains) {
                    key.as_ref().map_or(usize::MAX, ExactSizeIterator::len)
                } else {
                    value.len()
                };
                (size, usize::MAX - path.len())
            })
            .map(|(path, _, _)| path.clone())
    }

    fn line_column(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.src.len());
        let before = self.src.get(..offset).unwrap_or(self.src);
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        (line, column)
    }
}

fn collect(table: &DeTable<'_>, prefix: &str, out: &mut Vec<Entry>) {
    for (key, value) in table.iter() {
        let path = if prefix.is_empty() {
            key.get_ref().to_string()
        } else {
            format!("{prefix}.{}", key.get_ref())
        };
        out.push((path.clone(), Some(key.span()), value.span()));
        collect_value(value.get_ref(), &path, out);
    }
}

fn collect_value(value: &DeValue<'_>, path: &str, out: &mut Vec<Entry>) {
    match value {
        DeValue::Table(table) => collect(table, path, out),
        DeValue::Array(array) => {
            for (i, element) in array.iter().enumerate() {
                let path = format!("{path}[{i}]");
                out.push((path.clone(), None, element.span()));
                collect_value(element.get_ref(), &path, out);
            }
        }
        _ => {}
    }
}

/// toml's messages name Rust types; residents' landlords do not write Rust.
fn plain_message(message: &str) -> String {
    let mut message = message.trim().to_owned();
    for rust in ["u8", "u16", "u32", "u64", "usize"] {
        message = message.replace(&format!("expected {rust}"), "expected an integer");
    }
    message.replace("expected a boolean", "expected true or false")
}

fn between<'s>(text: &'s str, start: &str, end: &str) -> Option<&'s str> {
    let rest = &text[text.find(start)? + start.len()..];
    Some(&rest[..rest.find(end)?])
}
