//! The harness every API test uses: a real database of the test's own (an
//! SQLite file in a temporary folder, or with `PORTAL_TEST_DATABASE=postgres://…`
//! a new PostgreSQL database: see [`fresh_database`]), the whole router driven
//! with `oneshot` (no socket), a settable clock, and clients that keep their
//! own cookies.
//!
//! ```ignore
//! let app = TestApp::spawn().await;
//! let resident = app.register_resident("Ada Lovelace").await;
//! let staff = app.create_staff("Sam Caseworker").await;
//! let (status, _headers, body) = resident.post_json("/api/v1/cases", json!({…})).await;
//! app.advance(Duration::days(3));
//! ```
#![allow(dead_code)] // each test module uses its own part of the harness

use std::collections::BTreeMap;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Arc, Mutex};

use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::http::{header, HeaderMap, HeaderName, HeaderValue, Method, Request, StatusCode};
use axum::Router;
use chrono::{DateTime, Duration, Utc};
use http_body_util::BodyExt;
use serde_json::{json, Value};
use server::config::{Config, UserCommand};
use server::AppState;
use sqlx::{Connection, Executor};
use tower::ServiceExt;

/// What every request helper answers: the status, the headers, and the body
/// as JSON (`Value::Null` for an empty body, a `Value::String` for non-JSON).
pub type Answer = (StatusCode, HeaderMap, Value);

/// The instant every test starts at, unless it says otherwise: a Monday
/// morning in winter (UK time = UTC).
pub fn start_of_tests() -> DateTime<Utc> {
    "2026-03-02T09:00:00Z".parse().expect("a valid instant")
}

/// A password no list calls common, for accounts the harness makes.
pub const PASSWORD: &str = "correct horse battery staple";

/// The PostgreSQL server the tests run on, if any: `PORTAL_TEST_DATABASE`, the
/// URL of a database whose user may create databases (`scripts/test` starts a
/// throwaway cluster and sets it). Unset or empty: SQLite.
pub fn test_database_server() -> Option<String> {
    std::env::var("PORTAL_TEST_DATABASE")
        .ok()
        .filter(|url| !url.is_empty())
}

/// A new database for one test: an SQLite file `name` in `dir`, or a
/// database of its own on the [`test_database_server`], copied from one this
/// process migrated once (so each test does not run every migration again;
/// the server finds them all applied).
pub async fn fresh_database(dir: &Path, name: &str) -> String {
    let Some(server) = test_database_server() else {
        return format!("sqlite://{}", dir.join(name).display());
    };
    static TEMPLATE: tokio::sync::OnceCell<String> = tokio::sync::OnceCell::const_new();
    static NEXT: AtomicU32 = AtomicU32::new(1);
    let template = TEMPLATE
        .get_or_init(|| async {
            let template = format!("template_{}", std::process::id());
            create_database(&server, &template, None).await;
            // Migrated on a thread of its own: this runtime ends with the
            // test that came first, the template outlives it.
            let url = database_url(&server, &template);
            std::thread::spawn(move || {
                tokio::runtime::Builder::new_current_thread()
                    .enable_all()
                    .build()
                    .expect("a runtime")
                    .block_on(async {
                        let pool = server::db::connect(&url).await.expect("migrated");
                        pool.close().await;
                    })
            })
            .join()
            .expect("the template is migrated");
            template
        })
        .await;
    let database = format!(
        "t_{}_{}",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::Relaxed)
    );
    create_database(&server, &database, Some(template)).await;
    database_url(&server, &database)
}

async fn create_database(server: &str, database: &str, template: Option<&str>) {
    let mut admin = sqlx::postgres::PgConnection::connect(server)
        .await
        .unwrap_or_else(|e| panic!("PORTAL_TEST_DATABASE: {e}"));
    let template = template
        .map(|t| format!(" TEMPLATE {t}"))
        .unwrap_or_default();
    admin
        .execute(format!("CREATE DATABASE {database}{template}").as_str())
        .await
        .unwrap_or_else(|e| panic!("CREATE DATABASE {database}{template}: {e}"));
    let _ = admin.close().await;
}

/// The URL of `database` on the server that `server` (a database URL) names.
fn database_url(server: &str, database: &str) -> String {
    let base = server.split('?').next().unwrap_or(server);
    let (base, _) = base.rsplit_once('/').expect("a database URL ends in /name");
    format!("{base}/{database}")
}

/// The secrets key file a server on `database_url` needs: PostgreSQL has no
/// folder to make one in (SQLite's is made beside the database).
pub fn key_file_if_needed(dir: &Path, database_url: &str) -> Option<PathBuf> {
    if database_url.starts_with("sqlite:") {
        return None;
    }
    let path = dir.join("secrets.key");
    if !path.exists() {
        std::fs::write(&path, format!("{}\n", "5a".repeat(32))).expect("a key file");
    }
    Some(path)
}

/// A running service on its own database.
pub struct TestApp {
    pub state: AppState,
    pub router: Router,
    /// Each client gets its own address (for the per-address sign-in limit).
    next_address: AtomicU32,
    next_email: AtomicU32,
    _dir: tempfile::TempDir,
}

impl TestApp {
    /// The service with the test configuration, its clock at [`start_of_tests`].
    pub async fn spawn() -> Self {
        Self::spawn_with(|_| {}).await
    }

    /// The service with the test configuration changed first, e.g.
    /// `TestApp::spawn_with(|c| c.secure_cookies = true)`.
    pub async fn spawn_with(change: impl FnOnce(&mut Config)) -> Self {
        Unheard::install();
        let dir = tempfile::tempdir().expect("a temporary folder");
        let url = fresh_database(dir.path(), "test.sqlite").await;
        let mut config = Config::for_tests(url);
        config.secrets_key_file = key_file_if_needed(dir.path(), &config.database_url);
        config.now = Some(start_of_tests());
        change(&mut config);
        let state = server::startup::build_state(config)
            .await
            .expect("the service starts");
        let router = server::app(state.clone());
        Self {
            state,
            router,
            next_address: AtomicU32::new(1),
            next_email: AtomicU32::new(1),
            _dir: dir,
        }
    }

    // --- the clock ----------------------------------------------------------

    pub fn now(&self) -> DateTime<Utc> {
        self.state.clock.now()
    }

    /// Sets the server's clock to read `now`.
    pub fn set_now(&self, now: DateTime<Utc>) {
        self.state.clock.set(now);
    }

    /// Moves the server's clock on (or back, with a negative duration).
    pub fn advance(&self, by: Duration) {
        self.state.clock.set(self.state.clock.now() + by);
    }

    // --- clients and accounts ----------------------------------------------

    /// A client with an empty cookie jar, as a new browser would be.
    pub fn client(&self) -> TestClient {
        let n = self.next_address.fetch_add(1, Ordering::Relaxed);
        let address = IpAddr::V4(Ipv4Addr::new(198, 51, (n / 250) as u8, (n % 250 + 1) as u8));
        TestClient {
            router: self.router.clone(),
            cookies: Arc::new(Mutex::new(BTreeMap::new())),
            headers: Vec::new(),
            address: Some(address),
            email: String::new(),
            password: String::new(),
        }
    }

    /// An email address no other account in this app has: `name.N@example.com`.
    pub fn unique_email(&self, name: &str) -> String {
        let n = self.next_email.fetch_add(1, Ordering::Relaxed);
        let local: String = name
            .to_lowercase()
            .chars()
            .map(|c| if c.is_ascii_alphanumeric() { c } else { '.' })
            .collect();
        format!("{local}.{n}@example.com")
    }

    /// Sends a registration and returns a client that is not signed in,
    /// with its `email` and `password` filled in. Panics unless the API
    /// answers 202.
    pub async fn register_unconfirmed(&self, role: &str, name: &str) -> TestClient {
        let mut client = self.client();
        let email = self.unique_email(name);
        let (status, _, body) = client
            .post_json(
                "/api/v1/accounts",
                json!({ "name": name, "email": email, "password": PASSWORD, "role": role }),
            )
            .await;
        assert_eq!(status, StatusCode::ACCEPTED, "registering {name}: {body}");
        client.email = email;
        client.password = PASSWORD.into();
        client
    }

    /// Registers through the API and opens the link sent to the address with
    /// the password, as its owner would: the client is signed in and its
    /// address proved.
    pub async fn register(&self, role: &str, name: &str) -> TestClient {
        let client = self.register_unconfirmed(role, name).await;
        self.confirm_email(&client).await;
        client
    }

    /// A resident who registered and opened the link sent to prove their address.
    pub async fn register_resident(&self, name: &str) -> TestClient {
        self.register("resident", name).await
    }

    /// An advocate who registered and opened the link sent to prove their address.
    pub async fn register_advocate(&self, name: &str) -> TestClient {
        self.register("advocate", name).await
    }

    /// A signed-in account whose address is not proved, as accounts that
    /// registered before sign-in asked for a proved address can be.
    pub async fn unproved_account(&self, role: &str, name: &str) -> TestClient {
        let client = self.register(role, name).await;
        server::db::query("UPDATE users SET email_verified_at = NULL WHERE email = ?")
            .bind(&client.email)
            .execute(&self.state.db)
            .await
            .expect("the address is unproved again");
        client
    }

    /// The token in the latest link sent to prove `email` (what follows the
    /// `#` in the message's link).
    pub async fn verification_token(&self, email: &str) -> String {
        let body: String = server::db::query_scalar(
            "SELECT body FROM outbox WHERE recipient = ? AND purpose = 'verification' \
             ORDER BY id DESC LIMIT 1",
        )
        .bind(email)
        .fetch_one(&self.state.db)
        .await
        .expect("a link was sent");
        let link = body
            .split_whitespace()
            .find(|word| word.contains("/verify-email#"))
            .expect("the message holds the link");
        link.rsplit('#').next().unwrap().to_owned()
    }

    /// Opens the latest link sent to the client's address and gives the
    /// client's password, on that client: it is signed in afterwards.
    pub async fn confirm_email(&self, client: &TestClient) {
        let token = self.verification_token(&client.email).await;
        let (status, _, body) = client
            .post_json(
                "/api/v1/accounts/verification",
                json!({ "token": token, "password": client.password }),
            )
            .await;
        assert_eq!(
            status,
            StatusCode::OK,
            "confirming {}: {body}",
            client.email
        );
    }

    /// Makes an account with `server user add` (the admin command's own
    /// code), then signs it in. Panics if either fails.
    pub async fn create_user(&self, role: &str, name: &str) -> TestClient {
        self.create_account(role, name, false).await
    }

    /// `server user add`, in the complaints team or not, then signs in.
    pub async fn create_account(&self, role: &str, name: &str, team: bool) -> TestClient {
        let email = self.unique_email(name);
        let command = UserCommand::Add {
            role: role.into(),
            email: email.clone(),
            name: name.into(),
            complaints_team: team,
            password_on_command_line: None,
            password: Some(PASSWORD.into()),
        };
        server::admin::run(&self.state, command)
            .await
            .unwrap_or_else(|e| panic!("server user add --role {role}: {e}"));
        self.sign_in(&email, PASSWORD).await
    }

    /// A caseworker in the complaints team.
    pub async fn create_staff(&self, name: &str) -> TestClient {
        self.create_account("staff", name, true).await
    }

    /// Staff outside the complaints team (a repairs manager, say): they
    /// see a confidential complaint without the resident's identity.
    pub async fn create_staff_outside_team(&self, name: &str) -> TestClient {
        self.create_account("staff", name, false).await
    }

    /// An administrator in the complaints team.
    pub async fn create_admin(&self, name: &str) -> TestClient {
        self.create_account("admin", name, true).await
    }

    /// `server user add --role … --email … --name …` with the password as if
    /// typed at its prompt.
    pub async fn run_user_add(
        &self,
        role: &str,
        name: &str,
        email: &str,
        password: &str,
    ) -> Result<(), String> {
        let command = UserCommand::Add {
            role: role.into(),
            email: email.into(),
            name: name.into(),
            complaints_team: false,
            password_on_command_line: None,
            password: Some(password.into()),
        };
        server::admin::run(&self.state, command).await
    }

    /// Signs in on a new client (staff and admins with their second factor,
    /// setting up an authenticator app the first time, as a person would).
    /// Panics unless the API answers 200.
    pub async fn sign_in(&self, email: &str, password: &str) -> TestClient {
        let mut client = self.client();
        let (status, _, body) = client.sign_in(email, password).await;
        if status == StatusCode::ACCEPTED {
            self.second_factor(&client, email, &body).await;
        } else {
            assert_eq!(status, StatusCode::OK, "signing in {email}: {body}");
        }
        client.email = email.into();
        client.password = password.into();
        client
    }

    /// After a staff or admin password (`accepted` is the 202's body): sets up
    /// an authenticator app if asked to, else sends a code from it. Panics
    /// unless that signs the client in.
    pub async fn second_factor(&self, client: &TestClient, email: &str, accepted: &Value) {
        if accepted["next"] == "set_up_second_factor" {
            let (status, _, key) = client
                .post_json("/api/v1/session/second-factor/setup", json!({}))
                .await;
            assert_eq!(status, StatusCode::OK, "the key for {email}: {key}");
            let code = self.authenticator_code(email).await;
            let (status, _, body) = client
                .post_json(
                    "/api/v1/session/second-factor/setup/confirmation",
                    json!({ "code": code }),
                )
                .await;
            assert_eq!(status, StatusCode::OK, "setting up {email}: {body}");
        } else {
            assert_eq!(accepted["next"], "second_factor", "{accepted}");
            let code = self.authenticator_code(email).await;
            let (status, _, body) = client
                .post_json("/api/v1/session/second-factor", json!({ "code": code }))
                .await;
            assert_eq!(status, StatusCode::OK, "the code for {email}: {body}");
        }
    }

    /// What the account's authenticator app would show, for a step the
    /// server has not yet accepted a code for: the previous step's (while it
    /// is safely within the window), now's or the next one's, waiting for
    /// the next step when all three are used. Codes go by the real clock.
    pub async fn authenticator_code(&self, email: &str) -> String {
        use server::auth::second_factor::totp;
        loop {
            let (user_id, sealed, last): (i64, Vec<u8>, Option<i64>) = server::db::query_as(
                "SELECT f.user_id, f.secret, f.last_step FROM second_factors f \
                 JOIN users u ON u.id = f.user_id WHERE u.email = ?",
            )
            .bind(email)
            .fetch_one(&self.state.db)
            .await
            .expect("the account has a key");
            let secret = self
                .state
                .secrets
                .open(
                    &sealed,
                    format!("second_factors.secret:{user_id}").as_bytes(),
                )
                .expect("the key opens with the server's secrets key");
            let now = Utc::now();
            let step = totp::step_at(now);
            let into_step = now.timestamp() - step * totp::STEP_SECONDS;
            let earliest = if into_step < totp::STEP_SECONDS - 5 {
                step - 1
            } else {
                step
            };
            let fresh = (earliest..=step + 1).find(|s| last.is_none_or(|last| *s > last));
            if let Some(fresh) = fresh {
                return totp::code(&secret, fresh);
            }
            let wait = (totp::STEP_SECONDS - into_step) as u64;
            tokio::time::sleep(std::time::Duration::from_millis(wait * 1000 + 100)).await;
        }
    }

    // --- the database ------------------------------------------------------

    /// A count straight from the database, e.g.
    /// `app.count("SELECT COUNT(*) FROM outbox WHERE user_id IS NOT NULL")`.
    pub async fn count(&self, sql: &str) -> i64 {
        server::db::query_scalar(sql)
            .fetch_one(&self.state.db)
            .await
            .unwrap_or_else(|e| panic!("{sql}: {e}"))
    }
}

/// A browser, more or less: sends its cookies, keeps the ones it is given.
/// Clones share the cookie jar.
#[derive(Clone)]
pub struct TestClient {
    router: Router,
    cookies: Arc<Mutex<BTreeMap<String, String>>>,
    headers: Vec<(HeaderName, HeaderValue)>,
    address: Option<IpAddr>,
    /// Filled in by the harness for the accounts it makes.
    pub email: String,
    pub password: String,
}

impl TestClient {
    /// The same client (same cookies), sending this header too on every
    /// request, e.g. `client.with_header("idempotency-key", "k1").post_json(…)`.
    pub fn with_header(&self, name: &str, value: &str) -> TestClient {
        let mut client = self.clone();
        client.headers.push((
            HeaderName::from_bytes(name.as_bytes()).expect("a header name"),
            HeaderValue::from_str(value).expect("a header value"),
        ));
        client
    }

    /// The same client, seen as coming from this address (or from an unknown
    /// one with `None`, as when the server has no connection info).
    pub fn at_address(&self, address: Option<IpAddr>) -> TestClient {
        TestClient {
            address,
            ..self.clone()
        }
    }

    /// The same cookies in a new jar: what an attacker who copied the cookie has.
    pub fn copy(&self) -> TestClient {
        let jar = self.cookies.lock().expect("jar").clone();
        TestClient {
            cookies: Arc::new(Mutex::new(jar)),
            ..self.clone()
        }
    }

    /// A cookie's value, if the client has it.
    pub fn cookie(&self, name: &str) -> Option<String> {
        self.cookies.lock().expect("jar").get(name).cloned()
    }

    pub async fn get(&self, path: &str) -> Answer {
        self.request(Method::GET, path, None).await
    }

    pub async fn post_json(&self, path: &str, body: Value) -> Answer {
        self.request(Method::POST, path, Some(body)).await
    }

    pub async fn put_json(&self, path: &str, body: Value) -> Answer {
        self.request(Method::PUT, path, Some(body)).await
    }

    pub async fn patch_json(&self, path: &str, body: Value) -> Answer {
        self.request(Method::PATCH, path, Some(body)).await
    }

    pub async fn delete(&self, path: &str) -> Answer {
        self.request(Method::DELETE, path, None).await
    }

    /// `POST /api/v1/session`.
    pub async fn sign_in(&self, email: &str, password: &str) -> Answer {
        self.post_json(
            "/api/v1/session",
            json!({ "email": email, "password": password }),
        )
        .await
    }

    /// `DELETE /api/v1/session`.
    pub async fn sign_out(&self) -> Answer {
        self.delete("/api/v1/session").await
    }

    /// A JSON request (with `Content-Type: application/json` when it has a body).
    pub async fn request(&self, method: Method, path: &str, body: Option<Value>) -> Answer {
        let mut builder = Request::builder().method(method).uri(path);
        let body = match body {
            Some(value) => {
                builder = builder.header(header::CONTENT_TYPE, "application/json");
                Body::from(value.to_string())
            }
            None => Body::empty(),
        };
        self.send(builder.body(body).expect("a request")).await
    }

    /// Sends any request (add the body and headers yourself), with the
    /// client's cookies, headers and address.
    pub async fn send(&self, request: Request<Body>) -> Answer {
        let (status, headers, bytes) = self.send_raw(request).await;
        let value = if bytes.is_empty() {
            Value::Null
        } else {
            serde_json::from_slice(&bytes)
                .unwrap_or_else(|_| Value::String(String::from_utf8_lossy(&bytes).into_owned()))
        };
        (status, headers, value)
    }

    /// `GET path`, its body as it came: a file to download.
    pub async fn get_bytes(&self, path: &str) -> (StatusCode, HeaderMap, Vec<u8>) {
        let request = Request::builder()
            .method(Method::GET)
            .uri(path)
            .body(Body::empty())
            .expect("a request");
        self.send_raw(request).await
    }

    /// Sends `request` with this client's cookies, headers and address, and
    /// keeps the cookies it sets; the answer's body as bytes.
    pub async fn send_raw(&self, mut request: Request<Body>) -> (StatusCode, HeaderMap, Vec<u8>) {
        let headers = request.headers_mut();
        headers.insert(header::HOST, HeaderValue::from_static("localhost"));
        let cookie = self
            .cookies
            .lock()
            .expect("jar")
            .iter()
            .map(|(name, value)| format!("{name}={value}"))
            .collect::<Vec<_>>()
            .join("; ");
        if !cookie.is_empty() {
            headers.insert(
                header::COOKIE,
                HeaderValue::from_str(&cookie).expect("cookie"),
            );
        }
        for (name, value) in &self.headers {
            headers.insert(name.clone(), value.clone());
        }
        if let Some(ip) = self.address {
            request
                .extensions_mut()
                .insert(ConnectInfo(SocketAddr::new(ip, 50_000)));
        }
        let response = self
            .router
            .clone()
            .oneshot(request)
            .await
            .expect("the router answers");
        let (parts, body) = response.into_parts();
        self.keep_cookies(&parts.headers);
        let bytes = body.collect().await.expect("a body").to_bytes();
        (parts.status, parts.headers, bytes.to_vec())
    }

    fn keep_cookies(&self, headers: &HeaderMap) {
        let mut jar = self.cookies.lock().expect("jar");
        for set in headers.get_all(header::SET_COOKIE) {
            let Some((name, rest)) = set.to_str().ok().and_then(|s| s.split_once('=')) else {
                continue;
            };
            let value = rest.split(';').next().unwrap_or("").trim();
            let expired = rest
                .split(';')
                .any(|attr| attr.trim().eq_ignore_ascii_case("max-age=0"));
            if value.is_empty() || expired {
                jar.remove(name.trim());
            } else {
                jar.insert(name.trim().to_owned(), value.to_owned());
            }
        }
    }
}

/// The messages of an error body, in order.
pub fn messages(body: &Value) -> Vec<String> {
    errors(body)
        .into_iter()
        .map(|(_, message)| message)
        .collect()
}

/// The fields of an error body, in order.
pub fn fields(body: &Value) -> Vec<String> {
    errors(body).into_iter().map(|(field, _)| field).collect()
}

/// `(field, message)` pairs of an error body.
/// The address of the next page, from an answer's `Link: <…>; rel="next"`;
/// `None` on the last page.
pub fn next_page(headers: &HeaderMap) -> Option<String> {
    headers.get(header::LINK).map(|link| {
        let link = link.to_str().expect("a readable Link header");
        assert!(link.ends_with(">; rel=\"next\""), "{link}");
        link.trim_start_matches('<')
            .split('>')
            .next()
            .expect("an address")
            .to_owned()
    })
}

pub fn errors(body: &Value) -> Vec<(String, String)> {
    body["errors"]
        .as_array()
        .unwrap_or_else(|| panic!("not an error body: {body}"))
        .iter()
        .map(|e| {
            (
                e["field"].as_str().unwrap_or_default().to_owned(),
                e["message"].as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect()
}

/// The one `Set-Cookie` header of an answer (besides the device cookie a
/// right password also sets: see `server::auth::device_cookie`).
pub fn set_cookie(headers: &HeaderMap) -> String {
    let all: Vec<_> = headers
        .get_all(header::SET_COOKIE)
        .iter()
        .filter(|c| !c.to_str().is_ok_and(|c| c.contains("pir_device=")))
        .collect();
    assert_eq!(all.len(), 1, "expected one Set-Cookie, got {all:?}");
    all[0].to_str().expect("ASCII").to_owned()
}

/// The process's global subscriber in this test binary: it hears nothing
/// and makes every callsite "ask each time".
///
/// Without it, a capturing test could miss its own log line. tracing caches
/// each callsite's interest when the callsite is first reached, and while
/// only one subscriber is registered it asks the reaching thread's own
/// subscriber. So if another test, on a thread with none, reached the line
/// first while one capturing test's subscriber was live, the line was cached
/// as "never" and the capturing test heard nothing. Every service a test
/// starts installs it, so it is there before almost any line is reached. With this one always
/// registered there are never fewer than two once capturing starts, every
/// registered subscriber is asked, and this one answers "sometimes": each
/// event then asks the subscriber of the thread it happens on.
pub struct Unheard;

impl Unheard {
    pub fn install() {
        static ONCE: std::sync::Once = std::sync::Once::new();
        ONCE.call_once(|| {
            tracing::subscriber::set_global_default(Unheard).expect("no other global subscriber");
        });
    }
}

impl tracing::Subscriber for Unheard {
    fn register_callsite(&self, _: &tracing::Metadata<'_>) -> tracing::subscriber::Interest {
        tracing::subscriber::Interest::sometimes()
    }
    fn max_level_hint(&self) -> Option<tracing::level_filters::LevelFilter> {
        Some(tracing::level_filters::LevelFilter::TRACE)
    }
    fn enabled(&self, _: &tracing::Metadata<'_>) -> bool {
        false
    }
    // Never called: nothing is enabled, so no span is made and no event sent.
    fn new_span(&self, _: &tracing::span::Attributes<'_>) -> tracing::span::Id {
        tracing::span::Id::from_u64(1)
    }
    fn record(&self, _: &tracing::span::Id, _: &tracing::span::Record<'_>) {}
    fn record_follows_from(&self, _: &tracing::span::Id, _: &tracing::span::Id) {}
    fn event(&self, _: &tracing::Event<'_>) {}
    fn enter(&self, _: &tracing::span::Id) {}
    fn exit(&self, _: &tracing::span::Id) {}
}
