//! The server's layout, read from its source: SQL only in store modules.
//! Routes call services, services call their `store` (`<service>/store.rs` or
//! `<service>/store/`), and only stores speak SQL, so a second database
//! engine has one place per table to answer to.

use std::path::{Path, PathBuf};

/// Besides store modules, the one file that speaks to the database itself:
/// it opens the pool, runs the migrations and begins transactions.
const DATABASE: &str = "db.rs";

/// What calls SQL: sqlx's query functions and macros.
const SQL_CALLS: [&str; 6] = [
    "sqlx::query",
    "db::query",
    "query_as(",
    "query_scalar(",
    "query_as::<",
    "raw_sql(",
];

fn source_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .expect("the source directory reads")
        .map(|e| e.expect("an entry reads").path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            source_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// A store module: `store.rs`, or any file in a `store/` directory.
fn is_store(relative: &str) -> bool {
    let parts: Vec<&str> = relative.split('/').collect();
    parts.last() == Some(&"store.rs") || parts[..parts.len() - 1].contains(&"store")
}

/// The lines of `text` that call SQL, as (line number, line); comments aside.
fn sql_calls(text: &str) -> Vec<(usize, String)> {
    text.lines()
        .enumerate()
        .filter(|(_, line)| !line.trim_start().starts_with("//"))
        .filter(|(_, line)| SQL_CALLS.iter().any(|call| line.contains(call)))
        .map(|(n, line)| (n + 1, line.trim().to_owned()))
        .collect()
}

#[test]
fn only_store_modules_hold_sql() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    source_files(&src, &mut files);
    let mut stray = Vec::new();
    let mut stores = 0;
    for path in &files {
        let relative = path
            .strip_prefix(&src)
            .expect("under src")
            .to_string_lossy()
            .replace('\\', "/");
        let text = std::fs::read_to_string(path).expect("a source file reads");
        let calls = sql_calls(&text);
        if is_store(&relative) {
            stores += usize::from(!calls.is_empty());
            continue;
        }
        if relative == DATABASE {
            continue;
        }
        for (line, call) in calls {
            stray.push(format!("src/{relative}:{line}: {call}"));
        }
    }
    assert!(
        stores > 5,
        "the store modules were not found (found {stores})"
    );
    assert!(
        stray.is_empty(),
        "SQL outside a store module (move it into the service's store.rs):\n{}",
        stray.join("\n")
    );
}

/// Statements are made with `db::query`, `db::query_as` and `db::query_scalar`,
/// which number `?` placeholders for both engines; sqlx's own would hand `?`
/// to PostgreSQL as it is.
#[test]
fn statements_are_made_by_the_builders_for_both_engines() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    source_files(&root.join("src"), &mut files);
    source_files(&root.join("tests"), &mut files);
    let mut direct = Vec::new();
    for path in &files {
        let relative = path.strip_prefix(root).expect("under the crate");
        if relative.ends_with("src/db.rs") || relative.ends_with("tests/api/layout.rs") {
            continue;
        }
        let text = std::fs::read_to_string(path).expect("a source file reads");
        for (n, line) in text.lines().enumerate() {
            if !line.trim_start().starts_with("//")
                && (line.contains("sqlx::query") || line.contains("sqlx::raw_sql"))
            {
                direct.push(format!("{}:{}: {}", relative.display(), n + 1, line.trim()));
            }
        }
    }
    assert!(files.len() > 50, "the sources were not found");
    assert!(
        direct.is_empty(),
        "sqlx's query functions called directly (use crate::db::query, query_as or \
         query_scalar, server::db::… in tests):\n{}",
        direct.join("\n")
    );
}

/// The two engines' migrations: the same file names, so that a change made to
/// one schema is made to the other (`migrations/` for SQLite,
/// `migrations/postgres/` for PostgreSQL).
#[test]
fn each_migration_has_one_for_each_engine() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("migrations");
    let names = |dir: &Path| -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .expect("the migrations read")
            .map(|e| e.expect("an entry reads").path())
            .filter(|p| p.extension().is_some_and(|e| e == "sql"))
            .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    };
    let sqlite = names(&root);
    let postgres = names(&root.join("postgres"));
    assert!(sqlite.len() > 5, "the migrations were not found");
    assert_eq!(
        sqlite, postgres,
        "migrations/ (SQLite) and migrations/postgres/ (PostgreSQL) differ"
    );
}

#[test]
fn the_check_sees_each_kind_of_sql_call() {
    let code = "let a = sqlx::query(\"DELETE\");\n\
                let b: i64 = query_scalar(\"SELECT 1\");\n\
                // sqlx::query in a comment is not a call\n\
                let c = sqlx::query_as::<_, (i64,)>(\"SELECT 1\");";
    let lines: Vec<usize> = sql_calls(code).into_iter().map(|(n, _)| n).collect();
    assert_eq!(lines, [1, 2, 4]);
    assert!(is_store("cases/store.rs"));
    assert!(is_store("cases/store/queue.rs"));
    assert!(!is_store("routes/accounts.rs"));
    assert!(!is_store("restore.rs"));
}

/// The server's top-level modules (`src/<name>.rs` or `src/<name>/`), the
/// crate root and the binary aside.
fn top_level_modules(src: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(src)
        .expect("the source directory reads")
        .map(|e| e.expect("an entry reads").path())
        .filter_map(|path| {
            let name = path.file_name()?.to_str()?.to_owned();
            if path.is_dir() {
                Some(name)
            } else {
                name.strip_suffix(".rs").map(str::to_owned)
            }
        })
        .filter(|name| name != "lib" && name != "main")
        .collect();
    names.sort();
    names.dedup();
    names
}

/// The modules `text` names as `crate::<module>`, in `use` lines and in
/// paths alike (comments aside); `crate::AppState` is `state`'s.
fn crate_references(text: &str, modules: &[String]) -> Vec<String> {
    let mut found = Vec::new();
    for line in text.lines() {
        if line.trim_start().starts_with("//") {
            continue;
        }
        for (at, _) in line.match_indices("crate::") {
            let rest = &line[at + "crate::".len()..];
            let name: String = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            let name = if name == "AppState" {
                "state".to_owned()
            } else {
                name
            };
            // `use crate::{a, b}` names several at once.
            let names: Vec<String> = if let Some(list) = rest.strip_prefix('{') {
                list.split(['}', ','])
                    .map(|n| n.trim().split("::").next().unwrap_or("").to_owned())
                    .collect()
            } else {
                vec![name]
            };
            for name in names {
                if modules.contains(&name) && !found.contains(&name) {
                    found.push(name);
                }
            }
        }
    }
    found
}

/// A circle in `edges` (module → modules it names), as a path that ends
/// where it starts, if there is one.
fn find_circle(edges: &std::collections::BTreeMap<String, Vec<String>>) -> Option<Vec<String>> {
    fn visit(
        node: &str,
        edges: &std::collections::BTreeMap<String, Vec<String>>,
        path: &mut Vec<String>,
        done: &mut std::collections::BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(at) = path.iter().position(|n| n == node) {
            let mut circle = path[at..].to_vec();
            circle.push(node.to_owned());
            return Some(circle);
        }
        if done.contains(node) {
            return None;
        }
        path.push(node.to_owned());
        for next in edges.get(node).into_iter().flatten() {
            if let Some(circle) = visit(next, edges, path, done) {
                return Some(circle);
            }
        }
        path.pop();
        done.insert(node.to_owned());
        None
    }
    let mut done = std::collections::BTreeSet::new();
    for node in edges.keys() {
        if let Some(circle) = visit(node, edges, &mut Vec::new(), &mut done) {
            return Some(circle);
        }
    }
    None
}

#[test]
fn no_circle_joins_the_top_level_modules() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let modules = top_level_modules(&src);
    let mut files = Vec::new();
    source_files(&src, &mut files);
    let mut edges: std::collections::BTreeMap<String, Vec<String>> = Default::default();
    for path in &files {
        let relative = path.strip_prefix(&src).expect("under src");
        let first = relative
            .components()
            .next()
            .and_then(|c| c.as_os_str().to_str())
            .expect("a name");
        let module = first.strip_suffix(".rs").unwrap_or(first).to_owned();
        if !modules.contains(&module) {
            continue;
        }
        let text = std::fs::read_to_string(path).expect("a source file reads");
        let targets = edges.entry(module.clone()).or_default();
        for target in crate_references(&text, &modules) {
            if target != module && !targets.contains(&target) {
                targets.push(target);
            }
        }
    }
    assert!(edges.len() > 10, "the modules were not found");
    if let Some(circle) = find_circle(&edges) {
        panic!(
            "these modules name each other in a circle: {}",
            circle.join(" → ")
        );
    }
}

#[test]
fn the_circle_check_sees_paths_and_use_lines() {
    let modules: Vec<String> = ["access", "cases", "authorisations", "state"]
        .map(str::to_owned)
        .to_vec();
    let code = "use crate::{access, authorisations::Grant};\n\
                // crate::state in a comment\n\
                let x = crate::cases::store::find(conn);\n\
                fn f(s: crate::AppState) {}";
    assert_eq!(
        crate_references(code, &modules),
        ["access", "authorisations", "cases", "state"]
    );
    let mut edges = std::collections::BTreeMap::new();
    edges.insert("access".to_owned(), vec!["authorisations".to_owned()]);
    edges.insert("authorisations".to_owned(), vec!["cases".to_owned()]);
    edges.insert("cases".to_owned(), vec!["access".to_owned()]);
    assert_eq!(
        find_circle(&edges).unwrap(),
        ["access", "authorisations", "cases", "access"]
    );
    edges.insert("cases".to_owned(), vec![]);
    assert_eq!(find_circle(&edges), None);
}

/// The outbox names the kinds of message an unproved address may be sent
/// without naming the modules that send them (which would close a circle);
/// until those read them from the outbox, they must agree.
#[test]
fn the_outbox_and_the_senders_name_the_same_purposes() {
    assert_eq!(
        server::outbox::purpose::VERIFICATION,
        server::verification::PURPOSE
    );
    assert_eq!(
        server::outbox::purpose::PASSWORD_RESET,
        server::account_security::RESET_PURPOSE
    );
}
