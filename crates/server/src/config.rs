//! Command line and environment.

use std::net::SocketAddr;
use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

/// Put It Right: the complaints portal's server.
#[derive(Debug, Parser)]
#[command(version, about)]
pub struct Cli {
    #[command(flatten)]
    pub config: Config,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Serve the portal (the default).
    Serve,
    /// Manage accounts.
    #[command(subcommand)]
    User(UserCommand),
    /// Print the API's OpenAPI 3.1 document (as served at /api/v1/openapi.json).
    Openapi,
    /// What is kept beside each case's events (the queue's columns, its
    /// summary, what the figures count): check it against the events, or
    /// rebuild it from them.
    #[command(subcommand)]
    Projections(ProjectionsCommand),
    /// Fill the database with residents and cases for the benchmarks
    /// (`scripts/bench`); never on a real portal's database.
    #[command(hide = true)]
    SeedBench {
        /// Cases to add.
        #[arg(long)]
        cases: usize,
        /// Residents to spread them over (made if not there yet).
        #[arg(long, default_value_t = 300_000)]
        residents: usize,
    },
}

#[derive(Debug, Subcommand)]
pub enum ProjectionsCommand {
    /// Recompute every case's projections from its events and say which
    /// disagree with what is stored, changing nothing (exits 1 if any do).
    Check,
    /// Recompute every case's projections from its events, as of today, and
    /// store them (after a fix to the rules, or to repair a disagreement).
    Rebuild,
}

#[derive(Debug, Subcommand)]
pub enum UserCommand {
    /// Create an account; staff and admin accounts are only made this way.
    Add {
        #[arg(long)]
        role: String,
        #[arg(long)]
        email: String,
        #[arg(long)]
        name: String,
        /// A staff or admin account in the complaints team: it sees who
        /// raised a confidential complaint. Other staff see such a case
        /// without the resident's name, contact details or needs.
        #[arg(long)]
        complaints_team: bool,
        /// Refused: a password on the command line can be read by anyone on
        /// the machine (ps, /proc) and stays in shell history.
        #[arg(long = "password", hide = true)]
        password_on_command_line: Option<String>,
        /// The password: from PORTAL_PASSWORD when set (for scripts), else
        /// read from standard input (a prompt, not echoed, on a terminal).
        #[arg(skip)]
        password: Option<String>,
    },
    /// Put a staff or admin account in the complaints team (it sees who
    /// raised a confidential complaint), or with --leave take it out.
    ComplaintsTeam {
        /// The account's email address.
        email: String,
        #[arg(long)]
        leave: bool,
    },
    /// Reset a staff or admin account's second factor (a lost or replaced
    /// phone): its recovery codes stop working, its sessions are signed out,
    /// and its next sign-in sets up an authenticator app again.
    ResetSecondFactor {
        /// The account's email address.
        email: String,
    },
}

/// How the server runs.
#[derive(Debug, Clone, Args)]
pub struct Config {
    /// Address to listen on.
    #[arg(long, env = "HOST", default_value = "127.0.0.1")]
    pub host: std::net::IpAddr,
    /// Port to listen on.
    #[arg(long, env = "PORT", default_value_t = 8080)]
    pub port: u16,
    /// The database (an SQLite file, created on first run).
    #[arg(
        long,
        env = "DATABASE_URL",
        default_value = "sqlite://put-it-right.sqlite"
    )]
    pub database_url: String,
    /// The built app (Trunk's dist folder).
    #[arg(long, env = "DIST_DIR", default_value = "dist")]
    pub dist_dir: PathBuf,
    /// The active policy: a preset id (code-2024, pioneer-2020, policy-2022,
    /// pivotal-2021, plus-dane-2024, torus) or a path to a policy TOML file.
    #[arg(long, env = "PORTAL_POLICY", default_value = "code-2024")]
    pub policy: String,
    /// A file in GOV.UK's bank-holidays.json format that overrides or extends the
    /// computed England and Wales bank holidays.
    #[arg(long, env = "PORTAL_BANK_HOLIDAYS")]
    pub bank_holidays: Option<PathBuf>,
    /// Start the clock at this instant (RFC 3339), for demos and tests.
    #[arg(long, env = "PORTAL_NOW")]
    pub now: Option<chrono::DateTime<chrono::Utc>>,
    /// Seed demo accounts and cases, and print their sign-in details. Only on
    /// a loopback address unless --demo-deployment is given too.
    #[arg(long, env = "PORTAL_DEMO")]
    pub demo: bool,
    /// This server is a demonstration, reachable by others, whose data is not
    /// real: allows --demo and --allow-clock-changes off loopback, and serving
    /// without secure cookies.
    #[arg(long, env = "PORTAL_DEMO_DEPLOYMENT")]
    pub demo_deployment: bool,
    /// Set when the portal is served over HTTPS: cookies become Secure with a
    /// `__Host-` name, and Strict-Transport-Security is sent. Required when
    /// listening on any address but loopback (unless --demo-deployment).
    #[arg(long, env = "PORTAL_SECURE_COOKIES")]
    pub secure_cookies: bool,
    /// An SMTP relay ("host:port") that email from the outbox is handed to.
    /// Without one, messages stay in the outbox for staff and the log.
    #[arg(long, env = "PORTAL_SMTP_RELAY")]
    pub smtp_relay: Option<String>,
    /// A file holding a GOV.UK Notify API key: text messages (with
    /// --notify-sms-template) and email (with --notify-email-template) then go
    /// through Notify. A file, so the key is not on a command line.
    #[arg(long, env = "NOTIFY_API_KEY_FILE")]
    pub notify_api_key_file: Option<PathBuf>,
    /// GOV.UK Notify's API (a local stand-in for tests).
    #[arg(long, env = "NOTIFY_BASE_URL", default_value = crate::notify::NOTIFY_URL)]
    pub notify_base_url: String,
    /// The Notify email template to send through: subject `((subject))`,
    /// message `((body))`. Without it, email goes to the SMTP relay.
    #[arg(long, env = "NOTIFY_EMAIL_TEMPLATE")]
    pub notify_email_template: Option<String>,
    /// The Notify text message template to send through: message `((body))`.
    #[arg(long, env = "NOTIFY_SMS_TEMPLATE")]
    pub notify_sms_template: Option<String>,
    /// Letters go through GOV.UK Notify as precompiled PDF letters, posted
    /// `first`, `second` or `economy` class. Without it, letters wait for
    /// staff to print and post. The Notify service must be allowed to send
    /// letters.
    #[arg(long, env = "NOTIFY_LETTERS", value_name = "POSTAGE")]
    pub notify_letters: Option<String>,
    /// The address people open the portal at (`https://complaints.example.org`),
    /// for the links in messages. Defaults to `http://HOST:PORT`. An
    /// `https://` address turns on --secure-cookies.
    #[arg(long, env = "PORTAL_PUBLIC_URL")]
    pub public_url: Option<String>,
    /// The From address of email the portal sends.
    #[arg(long, env = "PORTAL_MAIL_FROM", default_value = "complaints@localhost")]
    pub mail_from: String,
    /// Let `PUT /api/v1/test/clock` move the clock. For end-to-end tests only:
    /// refused off loopback unless --demo-deployment.
    #[arg(long, hide = true)]
    pub allow_clock_changes: bool,
    /// The header a reverse proxy in front of the portal puts the client's
    /// address in (e.g. `X-Forwarded-For`; its last entry is used). Only set
    /// it when every request comes through that proxy: otherwise clients
    /// could choose their own address. Without it, the socket's address is
    /// the client's.
    #[arg(long, env = "PORTAL_TRUSTED_PROXY_HEADER")]
    pub trusted_proxy_header: Option<String>,
    /// How many password hashes may run at once (each takes 19 MiB while it
    /// runs). Defaults to the number of processors.
    #[arg(long, env = "PORTAL_HASHING_PERMITS")]
    pub hashing_permits: Option<usize>,
    /// How many more sign-ins and registrations may wait for a hashing turn;
    /// beyond that they are answered 503 with Retry-After.
    #[arg(long, env = "PORTAL_HASHING_QUEUE", default_value_t = 32)]
    pub hashing_queue: usize,
    /// Seconds a request may take, from its first byte to the answer
    /// (a slow upload of the largest form included); then 408. A client
    /// that trickles a body, or never finishes its headers, is cut off.
    #[arg(long, env = "PORTAL_REQUEST_TIMEOUT", default_value_t = 120)]
    pub request_timeout: u64,
    /// KiB of files (attachments, signed forms) one account may send in 24
    /// hours: ten full complaints' worth, so nobody can fill the database.
    #[arg(long, env = "PORTAL_FILE_QUOTA_KIB", default_value_t = 51_200)]
    pub file_quota_kib_per_day: u64,
    /// Working days before a case's acknowledgement or response is due that
    /// its caseworker is sent a reminder.
    #[arg(long, env = "PORTAL_CASEWORKER_REMINDER_DAYS", default_value_t = domain::case::CASEWORKER_REMINDER_DAYS,
          value_parser = clap::value_parser!(u32).range(0..=20))]
    pub caseworker_reminder_days: u32,
    /// A file holding 32 random bytes (64 hex digits or base64) that secrets
    /// kept at rest, the staff's authenticator keys, are encrypted under.
    /// Required when listening on any address but loopback (unless
    /// --demo-deployment, which, like loopback, makes one beside the database).
    #[arg(long, env = "PORTAL_SECRETS_KEY_FILE")]
    pub secrets_key_file: Option<PathBuf>,
    /// Where to serve Prometheus metrics (`/metrics`) and the readiness check
    /// (`/ready`), e.g. `127.0.0.1:9100`: a listener of their own, never the
    /// portal's public port. Off unless set.
    #[arg(long, env = "PORTAL_METRICS_ADDRESS")]
    pub metrics_address: Option<SocketAddr>,
    /// How the log is written: `text` for people, `json` (one object a line)
    /// for a log collector.
    #[arg(long, env = "PORTAL_LOG_FORMAT", value_enum, default_value_t = LogFormat::Text)]
    pub log_format: LogFormat,
}

/// How the log is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum LogFormat {
    Text,
    Json,
}

impl Config {
    pub fn addr(&self) -> SocketAddr {
        SocketAddr::new(self.host, self.port)
    }

    /// A `--public-url` that starts `https://` says the portal is served over
    /// HTTPS: then cookies are Secure and HSTS is sent, as with
    /// `--secure-cookies`, so a deployment behind a TLS proxy on loopback that
    /// forgot the flag still never sends a session in clear (issue 13,
    /// finding 9).
    #[must_use]
    pub fn with_https_from_public_url(mut self) -> Self {
        let https = self
            .public_url
            .as_deref()
            .is_some_and(|url| url.trim().to_ascii_lowercase().starts_with("https://"));
        self.secure_cookies |= https;
        self
    }

    /// Refuses a configuration that would be unsafe where others can reach
    /// it: the demo's known passwords, the unauthenticated clock, or session
    /// cookies without `Secure` (and no HSTS), or secrets at rest without a
    /// key file, on an address that is not loopback, unless it is marked as a demonstration (`--demo-deployment`).
    pub fn check_deployment(&self) -> Result<(), String> {
        if self.host.is_loopback() || self.demo_deployment {
            return Ok(());
        }
        let host = self.host;
        if self.demo {
            return Err(format!(
                "--demo seeds accounts with published passwords: it is refused on {host}, \
                 which is not a loopback address. Listen on 127.0.0.1, or add \
                 --demo-deployment if this server only ever holds demonstration data"
            ));
        }
        if self.allow_clock_changes {
            return Err(format!(
                "--allow-clock-changes lets anyone move the clock: it is refused on {host}, \
                 which is not a loopback address. Listen on 127.0.0.1, or add \
                 --demo-deployment if this server only ever holds demonstration data"
            ));
        }
        if !self.secure_cookies {
            return Err(format!(
                "listening on {host} (not loopback) needs HTTPS in front and \
                 --secure-cookies (PORTAL_SECURE_COOKIES=true), so that sessions are \
                 never sent in clear and browsers are told to use HTTPS only (HSTS)"
            ));
        }
        if self.secrets_key_file.is_none() {
            return Err(missing_key_message(self));
        }
        Ok(())
    }

    /// A configuration for tests: a database file and no app build.
    pub fn for_tests(database_url: String) -> Self {
        Self {
            host: [127, 0, 0, 1].into(),
            port: 0,
            database_url,
            dist_dir: PathBuf::from("does-not-exist"),
            policy: "code-2024".into(),
            bank_holidays: None,
            now: None,
            demo: false,
            demo_deployment: false,
            secure_cookies: false,
            allow_clock_changes: false,
            smtp_relay: None,
            notify_api_key_file: None,
            notify_base_url: crate::notify::NOTIFY_URL.into(),
            notify_email_template: None,
            notify_sms_template: None,
            notify_letters: None,
            mail_from: "complaints@example.org".into(),
            public_url: None,
            trusted_proxy_header: None,
            hashing_permits: None,
            hashing_queue: 32,
            request_timeout: 120,
            file_quota_kib_per_day: 51_200,
            caseworker_reminder_days: domain::case::CASEWORKER_REMINDER_DAYS,
            secrets_key_file: None,
            metrics_address: None,
            log_format: LogFormat::Text,
        }
    }
}

/// Why a server that others can reach needs a key file.
pub fn missing_key_message(config: &Config) -> String {
    format!(
        "listening on {} (not loopback) needs --secrets-key-file \
         (PORTAL_SECRETS_KEY_FILE): a file of 32 random bytes, as 64 hex digits or base64, \
         that the staff's authenticator keys are encrypted under (make one with: \
         openssl rand -hex 32 > secrets.key; chmod 600 secrets.key)",
        config.host
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(host: [u8; 4], change: impl FnOnce(&mut Config)) -> Config {
        let mut config = Config::for_tests("sqlite::memory:".into());
        config.host = host.into();
        change(&mut config);
        config
    }

    #[test]
    fn on_loopback_anything_goes() {
        let c = config([127, 0, 0, 1], |c| {
            c.demo = true;
            c.allow_clock_changes = true;
        });
        assert!(c.check_deployment().is_ok());
    }

    #[test]
    fn off_loopback_the_demo_and_the_clock_are_refused_unless_marked_as_a_demo_deployment() {
        for change in [(|c: &mut Config| c.demo = true) as fn(&mut Config), |c| {
            c.allow_clock_changes = true
        }] {
            let refused = config([0, 0, 0, 0], |c| {
                c.secure_cookies = true;
                change(c);
            });
            let message = refused.check_deployment().unwrap_err();
            assert!(message.contains("--demo-deployment"), "{message}");
            let allowed = config([0, 0, 0, 0], |c| {
                change(c);
                c.demo_deployment = true;
            });
            assert!(allowed.check_deployment().is_ok());
        }
    }

    #[test]
    fn a_public_url_over_https_turns_secure_cookies_on() {
        let https = config([127, 0, 0, 1], |c| {
            c.public_url = Some("HTTPS://complaints.example.org".into());
        })
        .with_https_from_public_url();
        assert!(https.secure_cookies);
        let http = config([127, 0, 0, 1], |c| {
            c.public_url = Some("http://127.0.0.1:8080".into());
        })
        .with_https_from_public_url();
        assert!(!http.secure_cookies);
        assert!(
            !config([127, 0, 0, 1], |_| {})
                .with_https_from_public_url()
                .secure_cookies
        );
    }

    #[test]
    fn off_loopback_secure_cookies_are_required() {
        let message = config([0, 0, 0, 0], |_| {}).check_deployment().unwrap_err();
        assert!(message.contains("--secure-cookies"), "{message}");
        let message = config([0, 0, 0, 0], |c| c.secure_cookies = true)
            .check_deployment()
            .unwrap_err();
        assert!(message.contains("--secrets-key-file"), "{message}");
        assert!(config([0, 0, 0, 0], |c| {
            c.secure_cookies = true;
            c.secrets_key_file = Some("secrets.key".into());
        })
        .check_deployment()
        .is_ok());
    }

    #[test]
    fn a_password_on_the_command_line_is_parsed_only_to_be_refused() {
        let cli = Cli::try_parse_from([
            "server",
            "user",
            "add",
            "--role",
            "staff",
            "--email",
            "s@example.com",
            "--name",
            "Sam",
            "--password",
            "hunter2 hunter2",
        ])
        .unwrap();
        let Some(Command::User(UserCommand::Add {
            password_on_command_line,
            password,
            ..
        })) = cli.command
        else {
            panic!("not user add");
        };
        assert!(password_on_command_line.is_some());
        assert!(password.is_none());
    }
}
