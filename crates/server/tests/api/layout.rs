//! The server's layout, read from its source: SQL only in store modules.
//! Routes call services, services call their `store` (`<service>/store.rs` or
//! `<service>/store/`), and only stores speak SQL, so a second database
//! engine has one place per table to answer to.

use std::path::{Path, PathBuf};

/// Besides store modules, the one file that speaks to the database itself:
/// it opens the pool, runs the migrations and begins transactions.
const DATABASE: &str = "db.rs";

/// TEMPORARY, until the other half of issue 14 (sign-in, sessions and the
/// second factor, on its own branch) merges: these still hold SQL of their
/// own. Remove this list at that merge.
const NOT_YET_MOVED: [&str; 3] = ["auth/limit.rs", "auth/session.rs", "auth/second_factor.rs"];

/// What calls SQL: sqlx's query functions and macros.
const SQL_CALLS: [&str; 5] = [
    "sqlx::query",
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
        if relative == DATABASE || NOT_YET_MOVED.contains(&relative.as_str()) {
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
