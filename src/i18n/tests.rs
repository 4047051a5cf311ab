use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::*;

/// What the source asks to translate: phrase → `true` when it has plural forms.
fn phrases_in_source() -> BTreeMap<String, bool> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut phrases = BTreeMap::new();
    for file in rust_files(&root.join("src")) {
        let source = std::fs::read_to_string(&file).unwrap();
        for (phrase, plural) in calls(&source) {
            let entry = phrases.entry(phrase).or_insert(false);
            *entry |= plural;
        }
    }
    // The domain's error messages, shown as they come from the API or from
    // the shared validation.
    for file in rust_files(&root.join("crates/domain/src/api")) {
        let source = std::fs::read_to_string(&file).unwrap();
        for phrase in domain_messages(&source) {
            phrases.entry(phrase).or_insert(false);
        }
    }
    phrases
}

fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") && !path.ends_with("i18n/tests.rs") {
            files.push(path);
        }
    }
    files.sort();
    files
}

/// Reads a Rust string literal starting at `s[0] == '"'`; returns it and the
/// rest after its closing quote.
fn literal(s: &str) -> Option<(String, &str)> {
    let mut out = String::new();
    let mut chars = s.char_indices().skip(1).peekable();
    while let Some((i, c)) = chars.next() {
        match c {
            '"' => return Some((out, &s[i + 1..])),
            '\\' => {
                let (_, escaped) = chars.next()?;
                match escaped {
                    'n' => out.push('\n'),
                    't' => out.push('\t'),
                    '\\' => out.push('\\'),
                    '"' => out.push('"'),
                    '\'' => out.push('\''),
                    'u' => {
                        let mut hex = String::new();
                        for (_, h) in chars.by_ref() {
                            match h {
                                '{' => {}
                                '}' => break,
                                h => hex.push(h),
                            }
                        }
                        out.push(char::from_u32(u32::from_str_radix(&hex, 16).ok()?)?);
                    }
                    '\n' => {
                        while chars.peek().is_some_and(|(_, c)| c.is_whitespace()) {
                            chars.next();
                        }
                    }
                    other => out.push(other),
                }
            }
            c => out.push(c),
        }
    }
    None
}

/// Every `t("…")`, `tf("…"`, `n_("…")` and `tn("…", "…"` in `source`.
fn calls(source: &str) -> Vec<(String, bool)> {
    let mut found = Vec::new();
    for (start, _) in source.match_indices('(') {
        let before = &source[..start];
        let name_start = before
            .rfind(|c: char| !(c.is_alphanumeric() || c == '_'))
            .map_or(0, |i| i + 1);
        let name = &before[name_start..];
        let plural = match name {
            "t" | "tf" | "n_" => false,
            "tn" => true,
            _ => continue,
        };
        let line = &before[before.rfind('\n').map_or(0, |i| i + 1)..];
        if before[..name_start].ends_with("fn ") || line.contains("//") {
            continue;
        }
        let args = source[start + 1..].trim_start();
        if !args.starts_with('"') {
            continue;
        }
        if let Some((phrase, _)) = literal(args) {
            found.push((phrase, plural));
        }
    }
    found
}

/// The string constants of each `pub mod messages { … }`.
fn domain_messages(source: &str) -> Vec<String> {
    let mut found = Vec::new();
    let Some(start) = source.find("pub mod messages {") else {
        return found;
    };
    let block = &source[start..];
    let end = block.find("\n}").unwrap_or(block.len());
    let mut rest = &block[..end];
    while let Some(quote) = rest.find('"') {
        match literal(&rest[quote..]) {
            Some((phrase, after)) => {
                found.push(phrase);
                rest = after;
            }
            None => break,
        }
    }
    found
}

fn catalogues() -> Vec<(PathBuf, Catalogue)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("public/locales");
    let mut found: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .map(|p| {
            let text = std::fs::read_to_string(&p).unwrap();
            let catalogue =
                Catalogue::parse(&text).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
            (p, catalogue)
        })
        .collect();
    found.sort_by(|a, b| a.0.cmp(&b.0));
    found
}

/// `PIR_I18N_TEMPLATE=path cargo test i18n` writes the phrases to translate.
#[test]
fn the_template_lists_every_phrase() {
    let phrases = phrases_in_source();
    assert!(
        phrases.contains_key("Sign in"),
        "the scan finds t(\"…\") calls"
    );
    assert!(
        phrases.contains_key("Enter what happened"),
        "and the domain's messages"
    );
    if let Ok(path) = std::env::var("PIR_I18N_TEMPLATE") {
        let template: BTreeMap<&String, serde_json::Value> = phrases
            .iter()
            .map(|(p, plural)| {
                (
                    p,
                    if *plural {
                        serde_json::json!(["", ""])
                    } else {
                        serde_json::json!("")
                    },
                )
            })
            .collect();
        std::fs::write(path, serde_json::to_string_pretty(&template).unwrap()).unwrap();
    }
}

#[test]
fn every_catalogue_translates_every_phrase_with_the_same_parts() {
    let phrases = phrases_in_source();
    let catalogues = catalogues();
    let mut problems = Vec::new();
    for (path, catalogue) in &catalogues {
        let name = path.file_stem().unwrap().to_string_lossy();
        assert_eq!(
            catalogue.language,
            name,
            "{}: the file is named for its language",
            path.display()
        );
        assert!(
            LANGUAGES.contains(&catalogue.language.as_str()),
            "{name} is offered"
        );
        let categories = plural_categories(&catalogue.language).len();
        for (phrase, plural) in &phrases {
            let expected = {
                let mut p = placeholders(phrase);
                p.sort_unstable();
                p.dedup();
                p
            };
            match (catalogue.messages.get(phrase), plural) {
                (None, _) => problems.push(format!("{name}: missing {phrase:?}")),
                (Some(Translation::Text(text)), false) => {
                    let mut found = placeholders(text);
                    found.sort_unstable();
                    found.dedup();
                    if found != expected {
                        problems.push(format!(
                            "{name}: {phrase:?} has parts {found:?}, not {expected:?}"
                        ));
                    }
                    if text.trim().is_empty() {
                        problems.push(format!("{name}: {phrase:?} is empty"));
                    }
                }
                (Some(Translation::Plural(forms)), true) => {
                    if forms.len() != categories {
                        problems.push(format!(
                            "{name}: {phrase:?} needs {categories} forms ({:?})",
                            plural_categories(&catalogue.language)
                        ));
                    }
                    if forms.iter().any(|f| f.trim().is_empty()) {
                        problems.push(format!("{name}: {phrase:?} has an empty form"));
                    }
                }
                (Some(_), true) => problems.push(format!("{name}: {phrase:?} needs plural forms")),
                (Some(_), false) => problems.push(format!("{name}: {phrase:?} is not plural")),
            }
        }
        for key in catalogue.messages.keys() {
            if !phrases.contains_key(key) {
                problems.push(format!("{name}: {key:?} is no longer used"));
            }
        }
    }
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

fn catalogue(language: &str, messages: &[(&str, Translation)]) -> &'static Catalogue {
    keep(Catalogue {
        language: language.into(),
        name: language.into(),
        direction: Direction::Ltr,
        status: String::new(),
        messages: messages
            .iter()
            .map(|(k, v)| ((*k).to_owned(), v.clone()))
            .collect(),
    })
}

#[test]
fn english_is_the_source_and_a_missing_phrase_stays_english() {
    set_catalogue(None);
    assert_eq!(t("Sign in"), "Sign in");
    assert_eq!(lang_attribute(), "en-GB");
    set_catalogue(Some(catalogue(
        "cy",
        &[("Sign in", Translation::Text("Mewngofnodi".into()))],
    )));
    assert_eq!(t("Sign in"), "Mewngofnodi");
    assert_eq!(t("Sign out"), "Sign out");
    assert_eq!(lang_attribute(), "cy");
    set_catalogue(None);
}

#[test]
fn parts_are_filled_by_name_in_the_translation_s_order() {
    set_catalogue(Some(catalogue(
        "pl",
        &[(
            "We will reply by {date} ({days})",
            Translation::Text("({days}) Odpowiemy do {date}".into()),
        )],
    )));
    let date = "6 lutego 2027";
    assert_eq!(
        tf(
            "We will reply by {date} ({days})",
            &[("date", &date), ("days", &3)]
        ),
        "(3) Odpowiemy do 6 lutego 2027"
    );
    assert_eq!(
        fill("Hello {nobody}", &[]),
        "Hello {nobody}",
        "an unknown part shows"
    );
    assert_eq!(fill("a { b", &[]), "a { b");
    set_catalogue(None);
}

#[test]
fn plurals_follow_each_language_s_rules() {
    set_catalogue(None);
    assert_eq!(
        tn("{count} working day", "{count} working days", 1, &[]),
        "1 working day"
    );
    assert_eq!(
        tn("{count} working day", "{count} working days", 0, &[]),
        "0 working days"
    );
    set_catalogue(Some(catalogue(
        "pl",
        &[(
            "{count} working day",
            Translation::Plural(vec![
                "{count} dzień roboczy".into(),
                "{count} dni robocze".into(),
                "{count} dni roboczych".into(),
            ]),
        )],
    )));
    let polish: Vec<String> = [1, 2, 5, 12, 22, 25]
        .iter()
        .map(|n| tn("{count} working day", "{count} working days", *n, &[]))
        .collect();
    assert_eq!(
        polish,
        [
            "1 dzień roboczy",
            "2 dni robocze",
            "5 dni roboczych",
            "12 dni roboczych",
            "22 dni robocze",
            "25 dni roboczych"
        ]
    );
    set_catalogue(None);

    let category = |language, n| plural_categories(language)[plural_index(language, n)];
    assert_eq!(
        [0, 1, 2, 3, 4, 6, 10].map(|n| category("cy", n)),
        ["zero", "one", "two", "few", "other", "many", "other"]
    );
    assert_eq!(
        [0, 1, 2, 5, 11, 100, 103].map(|n| category("ar", n)),
        ["zero", "one", "two", "few", "many", "other", "few"]
    );
    assert_eq!(
        [0, 1, 2, 19, 20, 101].map(|n| category("ro", n)),
        ["few", "one", "few", "few", "other", "few"]
    );
    assert_eq!(
        [0, 1, 2].map(|n| category("bn", n)),
        ["one", "one", "other"]
    );
    assert_eq!(
        [0, 1, 2].map(|n| category("pt", n)),
        ["other", "one", "other"]
    );
}

#[test]
fn the_scan_reads_calls_and_escapes() {
    let source = r#"
        fn t(x: &str) {}
        /// `t("In a comment")` is an example, not a phrase.
        view! { <p>{t("Say \"hello\"")}</p> }
        let a = tf("Reply by {date}", &[("date", &d)]);
        let b = tn("{count} day", "{count} days", n, &[]);
        let c = start("not a phrase");
        const D: &str = n_("Kept for later");
    "#;
    let found = calls(source);
    assert_eq!(
        found,
        vec![
            ("Say \"hello\"".to_owned(), false),
            ("Reply by {date}".to_owned(), false),
            ("{count} day".to_owned(), true),
            ("Kept for later".to_owned(), false),
        ]
    );
}

#[test]
fn a_preference_shows_a_language_with_words_or_english() {
    assert_eq!(for_preference("cy"), "cy");
    assert_eq!(for_preference("PL-pl"), "pl");
    assert_eq!(for_preference("pt_BR"), "pt");
    assert_eq!(for_preference("fr"), "en", "no catalogue: English");
    assert_eq!(for_preference(""), "en");
}
