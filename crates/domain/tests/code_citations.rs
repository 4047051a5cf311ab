//! Every Complaint Handling Code 2024 provision the project cites is in
//! `docs/code-provisions.md`, confirmed from a published source.
//!
//! The digest the project works from (`CODE-2024.md`) marks about half its
//! provision numbers "unconfirmed"; a number cited from memory has been wrong
//! before (1.6 for what is 1.5, 6.19 for what is 6.12). So this test walks the
//! repository's text files, finds every provision number cited as the Code's,
//! and fails if the table does not list it as confirmed with a source address.
//!
//! What counts as a citation of the Code:
//! - any `N.N` on a line that names the `Code` (case-sensitive, so `qrcodegen`
//!   and `sourcemap-codec` do not count) or says `provision` or `paragraph`;
//! - any `N.N` in the files that are about the Code throughout (the Code's own
//!   preset and the compliance check), comments included;
//! - any Rust string literal that is only `"N.N"` (the `section` of a finding
//!   or of a fallback, and the tests that expect one).
//!
//! Numbers after `§` are a landlord's own policy sections (the seeds are
//! numbered their own way, some written against the 2020 or 2022 Code), never
//! the Code's, and are left out. A translated message may not cite a number
//! that its English does not: a stale or mistyped number in one of the nine
//! languages fails too.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

const TABLE: &str = "docs/code-provisions.md";

/// Files in which every `N.N` is the Code's.
const ABOUT_THE_CODE: [&str; 3] = [
    "crates/domain/presets/code-2024.toml",
    "crates/domain/src/compliance.rs",
    "crates/domain/src/policy/fallback.rs",
];

const SCANNED: [&str; 9] = [
    "README.md",
    "SECURITY.md",
    "docs",
    "crates",
    "src",
    "public/locales",
    "e2e/tests",
    "scripts",
    "index.html",
];

const EXTENSIONS: [&str; 8] = ["rs", "toml", "md", "json", "ts", "mjs", "py", "html"];

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn walk(path: &Path, out: &mut Vec<PathBuf>) {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    if ["target", "node_modules", ".git", "dist"].contains(&name) {
        return;
    }
    if path.is_dir() {
        let mut entries: Vec<PathBuf> = fs::read_dir(path)
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
            .map(|e| e.expect("directory entry").path())
            .collect();
        entries.sort();
        for entry in entries {
            walk(&entry, out);
        }
    } else if EXTENSIONS.iter().any(|x| name.ends_with(&format!(".{x}")))
        && !name.ends_with("package-lock.json")
    {
        out.push(path.to_owned());
    }
}

/// `text` with every `§N`, `§N.N`, `§N.N(a)` removed: a policy's own sections.
fn without_policy_sections(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '§' {
            while chars
                .peek()
                .is_some_and(|c| c.is_ascii_alphanumeric() || ".()".contains(*c))
            {
                chars.next();
            }
            out.push(' ');
        } else {
            out.push(c);
        }
    }
    out
}

/// Every `N.N` or `N.NN` (N from 1 to 9) standing on its own in `text` (not
/// part of `1.2.3`, `12.5` or `2.255`), with `§` sections left out.
fn numbers(text: &str) -> Vec<String> {
    let text = without_policy_sections(text);
    let b = text.as_bytes();
    let mut found = Vec::new();
    let mut i = 0;
    while i < b.len() {
        // The Code has sections 1 to 9.
        let starts = (b'1'..=b'9').contains(&b[i])
            && (i == 0 || !(b[i - 1].is_ascii_digit() || b[i - 1] == b'.'))
            && b.get(i + 1) == Some(&b'.')
            && b.get(i + 2).is_some_and(u8::is_ascii_digit);
        if starts {
            let mut end = i + 3;
            if b.get(end).is_some_and(u8::is_ascii_digit) {
                end += 1;
            }
            let after = b.get(end).copied();
            let version_like = after.is_some_and(|c| c.is_ascii_digit())
                || (after == Some(b'.') && b.get(end + 1).is_some_and(u8::is_ascii_digit));
            if !version_like {
                found.push(text[i..end].to_owned());
            }
            i = end;
        } else {
            i += 1;
        }
    }
    found
}

fn names_the_code(line: &str) -> bool {
    let lower = line.to_lowercase();
    line.split(|c: char| !c.is_alphanumeric())
        .any(|w| w == "Code")
        || lower.contains("provision")
        || lower.contains("paragraph")
}

/// Rust string literals that are only `"N.N"`.
fn section_literals(line: &str) -> Vec<String> {
    line.split('"')
        .skip(1)
        .step_by(2)
        .filter(|s| numbers(s).first().is_some_and(|n| n == s))
        .map(str::to_owned)
        .collect()
}

/// Every provision number cited as the Code's, with where.
fn citations() -> BTreeMap<String, BTreeSet<String>> {
    let root = root();
    let mut files = Vec::new();
    for path in SCANNED {
        walk(&root.join(path), &mut files);
    }
    let mut cited: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for file in files {
        let relative = file
            .strip_prefix(&root)
            .expect("under the root")
            .to_string_lossy()
            .replace('\\', "/");
        // The table, and this file's own examples.
        if relative == TABLE || relative == "crates/domain/tests/code_citations.rs" {
            continue;
        }
        let text = fs::read_to_string(&file).unwrap_or_default();
        let mut cite = |number: String, line: usize| {
            cited
                .entry(number)
                .or_default()
                .insert(format!("{relative}:{}", line + 1));
        };
        if relative.starts_with("public/locales/") {
            for (key, value) in messages(&text, &relative) {
                if names_the_code(&key) {
                    for n in numbers(&key) {
                        cite(n, 0);
                    }
                }
                let english: BTreeSet<String> = numbers(&key).into_iter().collect();
                for n in numbers(&value) {
                    assert!(
                        english.contains(&n),
                        "{relative}: the translation of {key:?} cites {n}, which its English does not"
                    );
                }
            }
            continue;
        }
        let whole_file = ABOUT_THE_CODE.contains(&relative.as_str());
        for (i, line) in text.lines().enumerate() {
            if whole_file || names_the_code(line) {
                for n in numbers(line) {
                    cite(n, i);
                }
            }
            if relative.ends_with(".rs") {
                for n in section_literals(line) {
                    cite(n, i);
                }
            }
        }
    }
    cited
}

fn messages(text: &str, file: &str) -> Vec<(String, String)> {
    let json: serde_json::Value =
        serde_json::from_str(text).unwrap_or_else(|e| panic!("{file}: {e}"));
    json["messages"]
        .as_object()
        .unwrap_or_else(|| panic!("{file}: no messages"))
        .iter()
        .map(|(k, v)| {
            let value = match v {
                serde_json::Value::String(s) => s.clone(),
                other => other.to_string(),
            };
            (k.clone(), value)
        })
        .collect()
}

/// One row of the table.
struct Row {
    status: String,
    source: String,
}

/// The table's rows by provision number: `| 6.12 | … | confirmed | https://… | … |`.
fn table() -> BTreeMap<String, Row> {
    let text = fs::read_to_string(root().join(TABLE)).expect("docs/code-provisions.md");
    let mut rows = BTreeMap::new();
    for line in text.lines() {
        let cells: Vec<&str> = line.split('|').map(str::trim).collect();
        // "", number, what it says, status, source, where cited, ""
        if cells.len() < 6 || !cells[0].is_empty() {
            continue;
        }
        let number = cells[1];
        if numbers(number).first().map(String::as_str) != Some(number) {
            continue;
        }
        let previous = rows.insert(
            number.to_owned(),
            Row {
                status: cells[3].to_owned(),
                source: cells[4].to_owned(),
            },
        );
        assert!(previous.is_none(), "{number} is in the table twice");
    }
    rows
}

#[test]
fn every_code_provision_the_project_cites_is_confirmed_in_the_table() {
    let table = table();
    let mut problems = Vec::new();
    for (number, places) in citations() {
        let places = places.into_iter().collect::<Vec<_>>().join(", ");
        match table.get(&number) {
            None => problems.push(format!("{number} (cited at {places}) is not in {TABLE}")),
            Some(row) if !row.status.starts_with("confirmed") => problems.push(format!(
                "{number} (cited at {places}) is {}: confirm it from a published source, or cite the section alone",
                row.status
            )),
            Some(row) if !row.source.contains("https://") => problems.push(format!(
                "{number} (cited at {places}) is marked confirmed with no source address"
            )),
            Some(_) => {}
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_scan_finds_the_citations_it_is_meant_to() {
    let cited = citations();
    // The compliance check's "5.3" and the Code preset's "# 6.2:" comments.
    for number in ["1.5", "2.3", "5.3", "6.2", "6.12"] {
        assert!(cited.contains_key(number), "{number} not found");
    }
    // Policy sections after "§" are the landlord's own, not the Code's.
    assert_eq!(numbers("Code 2.3; §6.1(a) six months, §10.1"), ["2.3"]);
    assert_eq!(
        numbers("version 1.2.3, 12.5, 0.15 and 2.255"),
        Vec::<String>::new()
    );
    assert_eq!(numbers("(Code 1.4)."), ["1.4"]);
    assert!(names_the_code("Never ask why (Code 6.12)"));
    assert!(!names_the_code("qrcodegen = \"1.8\""));
    assert_eq!(section_literals("expect(&[(\"6.11\", Breach)])"), ["6.11"]);
}

#[test]
fn the_table_lists_a_source_for_every_confirmed_number() {
    for (number, row) in table() {
        if row.status.starts_with("confirmed") {
            assert!(
                row.source.contains("https://"),
                "{number}: confirmed without a source"
            );
        } else {
            assert!(
                row.status.starts_with("unconfirmed"),
                "{number}: status is {:?}; use confirmed or unconfirmed",
                row.status
            );
        }
    }
}
