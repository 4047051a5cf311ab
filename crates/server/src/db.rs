//! The database: an embedded SQLite file by default (`sqlite://…`, created and
//! migrated on first run), or PostgreSQL (`postgres://…`).
//!
//! Both engines sit behind sqlx's `Any` driver, so every store function has one
//! body for both. This module opens the pool, runs the engine's migrations
//! (`migrations/` for SQLite, `migrations/postgres/` for PostgreSQL, the same
//! numbers in each), starts transactions, and hands out the query builders:
//! every statement is made with [`query`], [`query_as`] or [`query_scalar`]
//! (never `sqlx::query*` directly) in a service's `store` module (a test holds
//! the tree to both rules: `tests/api/layout.rs`).
//!
//! SQL is written once, portable to both engines, with `?` placeholders: the
//! builders number them (`$1`, `$2`, …), which both engines accept. Where an
//! engine needs its own SQL, a store function matches on [`engine`].
//! Instants are stored as RFC 3339 text ([`crate::clock::timestamp`]), dates as
//! ISO text, booleans computed by SQL are read through [`Flag`].

use std::collections::HashMap;
use std::str::FromStr;
use std::sync::{Mutex, OnceLock};
use std::time::Duration;

use sqlx::any::{AnyArguments, AnyConnectOptions, AnyPoolOptions, AnyRow, AnyTypeInfo};
use sqlx::query::{Query, QueryAs, QueryScalar};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqliteSynchronous};
use sqlx::{Any, AnyPool, ConnectOptions, Connection, Executor, FromRow};

/// Which database engine a pool talks to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Engine {
    Sqlite,
    Postgres,
}

impl Engine {
    /// The engine a `DATABASE_URL` names by its scheme.
    pub fn of_url(url: &str) -> Result<Self, sqlx::Error> {
        if url.starts_with("sqlite:") {
            Ok(Self::Sqlite)
        } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Ok(Self::Postgres)
        } else {
            Err(sqlx::Error::Configuration(
                "DATABASE_URL must start with sqlite: or postgres://".into(),
            ))
        }
    }
}

/// The engine behind a pool.
pub fn engine(pool: &AnyPool) -> Engine {
    match pool.connect_options().database_url.scheme() {
        "postgres" | "postgresql" => Engine::Postgres,
        _ => Engine::Sqlite,
    }
}

/// The engine behind a connection (or a transaction, through `&mut *tx`).
pub fn engine_of(conn: &sqlx::AnyConnection) -> Engine {
    match conn.backend_name() {
        "PostgreSQL" => Engine::Postgres,
        _ => Engine::Sqlite,
    }
}

/// A database URL fit for logs and error messages: no password.
pub fn redacted(url: &str) -> String {
    if let Some((scheme, rest)) = url.split_once("://") {
        let authority = &rest[..rest.find('/').unwrap_or(rest.len())];
        if let Some(at) = authority.rfind('@') {
            if let Some((user, _)) = authority[..at].split_once(':') {
                return format!("{scheme}://{user}:********@{}", &rest[at + 1..]);
            }
        }
    }
    url.to_string()
}

/// Opens the database at `url` (creating an SQLite file if need be) and
/// brings its schema up to date.
pub async fn connect(url: &str) -> Result<AnyPool, sqlx::Error> {
    sqlx::any::install_default_drivers();
    match Engine::of_url(url)? {
        Engine::Sqlite => connect_sqlite(url).await,
        Engine::Postgres => {
            let options = AnyConnectOptions::from_str(url)?;
            let pool = AnyPoolOptions::new()
                .max_connections(8)
                .acquire_timeout(Duration::from_secs(10))
                .connect_with(options)
                .await?;
            sqlx::migrate!("./migrations/postgres").run(&pool).await?;
            Ok(pool)
        }
    }
}

async fn connect_sqlite(url: &str) -> Result<AnyPool, sqlx::Error> {
    let typed = SqliteConnectOptions::from_str(url)?;
    let in_memory = url.contains(":memory:") || url.contains("mode=memory");
    if !in_memory {
        // Creates the file and turns on write-ahead logging, which the file
        // keeps; the `Any` driver below opens connections from the URL alone.
        let mut first = typed
            .clone()
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Full)
            .connect()
            .await?;
        first.ping().await?;
        first.close().await?;
    }
    let options = AnyConnectOptions::from_str(url)?;
    let pool = AnyPoolOptions::new()
        // Each connection to `sqlite::memory:` would be a database of its own.
        .max_connections(if in_memory { 1 } else { 8 })
        .idle_timeout(if in_memory {
            None
        } else {
            Some(Duration::from_secs(600))
        })
        .max_lifetime(if in_memory {
            None
        } else {
            Some(Duration::from_secs(1800))
        })
        .after_connect(|conn, _| {
            Box::pin(async move {
                // FULL: a write the API has answered 2xx for survives power
                // loss too.
                conn.execute(
                    "PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL; \
                     PRAGMA busy_timeout = 5000;",
                )
                .await?;
                Ok(())
            })
        })
        .connect_with(options)
        .await?;
    sqlx::migrate!("./migrations").run(&pool).await?;
    Ok(pool)
}

/// A write transaction that no other writer can overtake between its reads
/// and its writes: SQLite takes the write lock at once (`BEGIN IMMEDIATE`);
/// PostgreSQL takes a transaction-scoped advisory lock that every such
/// transaction takes, in this process or any other on the same database.
pub async fn begin_write(pool: &AnyPool) -> Result<sqlx::Transaction<'static, Any>, sqlx::Error> {
    match engine(pool) {
        Engine::Sqlite => pool.begin_with("BEGIN IMMEDIATE").await,
        Engine::Postgres => {
            let mut tx = pool.begin().await?;
            query_scalar::<i64>("SELECT 1 FROM (SELECT pg_advisory_xact_lock(?)) AS l")
                .bind(WRITE_LOCK)
                .fetch_one(&mut *tx)
                .await?;
            Ok(tx)
        }
    }
}

/// The advisory lock of [`begin_write`] on PostgreSQL ("PIR write" in ASCII).
const WRITE_LOCK: i64 = 0x5049_5220_7772_6974;

/// Whether the database answers at all (`GET /health`).
#[tracing::instrument(skip_all)]
pub async fn ping(pool: &AnyPool) -> Result<(), sqlx::Error> {
    query_scalar::<i64>("SELECT 1")
        .fetch_one(pool)
        .await
        .map(|_| ())
}

/// A statement, with its `?` placeholders numbered for both engines.
pub fn query<'q>(sql: &str) -> Query<'q, Any, AnyArguments<'q>> {
    sqlx::query(numbered(sql))
}

/// A statement whose rows are read as `O`.
pub fn query_as<'q, O>(sql: &str) -> QueryAs<'q, Any, O, AnyArguments<'q>>
where
    O: for<'r> FromRow<'r, AnyRow>,
{
    sqlx::query_as(numbered(sql))
}

/// A statement whose rows are one value each, read as `O`.
pub fn query_scalar<'q, O>(sql: &str) -> QueryScalar<'q, Any, O, AnyArguments<'q>>
where
    (O,): for<'r> FromRow<'r, AnyRow>,
{
    sqlx::query_scalar(numbered(sql))
}

/// `sql` with each `?` outside quotes replaced by `$1`, `$2`, … in order.
/// The texts are kept for the life of the process, one copy each: they are
/// the program's own statements (values are always bound, never spliced in),
/// so there are a few hundred at most.
fn numbered(sql: &str) -> &'static str {
    static TEXTS: OnceLock<Mutex<HashMap<String, &'static str>>> = OnceLock::new();
    let texts = TEXTS.get_or_init(Default::default);
    let mut texts = texts.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(text) = texts.get(sql) {
        return text;
    }
    let text: &'static str = Box::leak(number_placeholders(sql).into_boxed_str());
    texts.insert(sql.to_owned(), text);
    text
}

fn number_placeholders(sql: &str) -> String {
    let mut out = String::with_capacity(sql.len() + 16);
    let mut n = 0;
    let mut quoted = false;
    for c in sql.chars() {
        match c {
            '\'' => {
                quoted = !quoted;
                out.push(c);
            }
            '?' if !quoted => {
                n += 1;
                out.push('$');
                out.push_str(&n.to_string());
            }
            _ => out.push(c),
        }
    }
    out
}

/// A truth value computed by SQL (`x IS NOT NULL`, `EXISTS (…)`): PostgreSQL
/// answers a boolean, SQLite an integer. Read it as `Flag` and take `.0`, or
/// put `#[sqlx(try_from = "Flag")]` on a `bool` field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Flag(pub bool);

impl From<Flag> for bool {
    fn from(flag: Flag) -> Self {
        flag.0
    }
}

impl sqlx::Type<Any> for Flag {
    fn type_info() -> AnyTypeInfo {
        <bool as sqlx::Type<Any>>::type_info()
    }

    fn compatible(ty: &AnyTypeInfo) -> bool {
        <bool as sqlx::Type<Any>>::compatible(ty) || ty.kind().is_integer()
    }
}

impl<'r> sqlx::Decode<'r, Any> for Flag {
    fn decode(value: sqlx::any::AnyValueRef<'r>) -> Result<Self, sqlx::error::BoxDynError> {
        use sqlx::ValueRef;
        if value.type_info().kind().is_integer() {
            <i64 as sqlx::Decode<Any>>::decode(value).map(|n| Flag(n != 0))
        } else {
            <bool as sqlx::Decode<Any>>::decode(value).map(Flag)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_numbered_in_order_outside_quotes() {
        assert_eq!(
            number_placeholders("SELECT a FROM t WHERE b = ? AND c <> '?' AND d IN (?, ?)"),
            "SELECT a FROM t WHERE b = $1 AND c <> '?' AND d IN ($2, $3)"
        );
        assert_eq!(number_placeholders("SELECT 1"), "SELECT 1");
    }

    #[test]
    fn the_url_names_the_engine() {
        assert_eq!(
            Engine::of_url("sqlite://put-it-right.sqlite").unwrap(),
            Engine::Sqlite
        );
        assert_eq!(Engine::of_url("sqlite::memory:").unwrap(), Engine::Sqlite);
        assert_eq!(
            Engine::of_url("postgres://u@localhost/db").unwrap(),
            Engine::Postgres
        );
        assert!(Engine::of_url("mysql://localhost/db").is_err());
    }

    #[test]
    fn a_password_never_reaches_a_log() {
        let shown = redacted("postgres://portal:hunter2@db.example/portal");
        assert!(!shown.contains("hunter2"), "{shown}");
        assert_eq!(redacted("sqlite://a.sqlite"), "sqlite://a.sqlite");
    }
}
