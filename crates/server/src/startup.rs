//! Builds the running service from its configuration.

use std::sync::Arc;

use domain::calendar::Calendar;
use domain::policy::{presets, Policy};

use crate::clock::Clock;
use crate::config::Config;
use crate::AppState;

/// Why the server could not start, in words an operator can act on.
#[derive(Debug, thiserror::Error)]
pub enum StartupError {
    #[error("policy file {path}: {message}")]
    Policy { path: String, message: String },
    #[error("bank holidays file {path}: {message}")]
    BankHolidays { path: String, message: String },
    #[error("database {url}: {source}")]
    Database { url: String, source: sqlx::Error },
    #[error("{0}")]
    Secrets(String),
    #[error("figures: {0}")]
    Figures(String),
    #[error("GOV.UK Notify: {0}")]
    Notify(String),
}

/// Loads the calendar and the policy, opens and migrates the database, and
/// loads the secrets key (sealing any authenticator key stored before).
pub async fn build_state(config: Config) -> Result<AppState, StartupError> {
    let calendar = load_calendar(&config)?;
    let (policy, policies) = load_policies(&config.policy)?;
    let db = crate::db::connect(&config.database_url)
        .await
        .map_err(|source| StartupError::Database {
            url: crate::db::redacted(&config.database_url),
            source,
        })?;
    let secrets = crate::secrets::load(&config).map_err(StartupError::Secrets)?;
    let notify = load_notify(&config).map_err(StartupError::Notify)?;
    let sealed = crate::auth::second_factor::store::seal_stored_keys(&db, &secrets)
        .await
        .map_err(StartupError::Secrets)?;
    if sealed > 0 {
        tracing::info!(
            sealed,
            "stored authenticator keys encrypted with the secrets key"
        );
    }
    let clock = match config.now {
        Some(now) => Clock::starting_at(now),
        None => Clock::system(),
    };
    crate::headers::set_inline_script_hashes(&crate::web::inline_script_hashes(&config.dist_dir));
    let hashing = crate::password::Hashing::new(
        config
            .hashing_permits
            .unwrap_or_else(crate::password::Hashing::default_permits),
        config.hashing_queue,
    );
    let state = AppState {
        hashing,
        secrets: Arc::new(secrets),
        db,
        clock,
        config: Arc::new(config),
        calendar: Arc::new(calendar),
        policy: Arc::new(policy),
        policies: Arc::new(policies),
        metrics: Arc::default(),
        notify: notify.map(Arc::new),
    };
    // Issue 19: cases recorded before the figures existed get their rows.
    let filled = crate::cases::fill_missing_facts(&state)
        .await
        .map_err(|e| StartupError::Figures(format!("{e:?}")))?;
    if filled > 0 {
        tracing::info!(filled, "figures worked out for cases recorded before them");
    }
    Ok(state)
}

/// GOV.UK Notify, when a key file is given: its key read and checked, and
/// at least one template to send through, or postage for letters.
fn load_notify(config: &Config) -> Result<Option<crate::notify::Notify>, String> {
    let Some(path) = &config.notify_api_key_file else {
        if config.notify_email_template.is_some()
            || config.notify_sms_template.is_some()
            || config.notify_letters.is_some()
        {
            return Err(
                "a template or --notify-letters is given but no --notify-api-key-file".into(),
            );
        }
        return Ok(None);
    };
    let key = std::fs::read_to_string(path)
        .map_err(|e| format!("{}: {e}", path.display()))
        .and_then(|k| crate::notify::ApiKey::parse(&k))?;
    let postage = config
        .notify_letters
        .as_deref()
        .map(crate::notify::Postage::parse)
        .transpose()?;
    if config.notify_email_template.is_none()
        && config.notify_sms_template.is_none()
        && postage.is_none()
    {
        return Err(
            "give --notify-sms-template, --notify-email-template, --notify-letters or several: what to send through Notify"
                .into(),
        );
    }
    crate::notify::Notify::new(
        &config.notify_base_url,
        key,
        config.notify_email_template.clone(),
        config.notify_sms_template.clone(),
        postage,
    )
    .map(Some)
}

fn load_calendar(config: &Config) -> Result<Calendar, StartupError> {
    let calendar = Calendar::england_and_wales();
    let Some(path) = &config.bank_holidays else {
        return Ok(calendar);
    };
    let error = |message: String| StartupError::BankHolidays {
        path: path.display().to_string(),
        message,
    };
    let json = std::fs::read_to_string(path).map_err(|e| error(e.to_string()))?;
    calendar
        .with_govuk_json(&json)
        .map_err(|e| error(e.to_string()))
}

/// The active policy (a preset id or a TOML file) and every policy the server knows.
pub fn load_policies(choice: &str) -> Result<(Policy, Vec<Policy>), StartupError> {
    let mut all = presets();
    if let Some(preset) = Policy::preset(choice) {
        return Ok((preset, all));
    }
    let error = |message: String| StartupError::Policy {
        path: choice.to_owned(),
        message,
    };
    let source = std::fs::read_to_string(choice).map_err(|e| {
        error(format!(
            "{e} (it is not a preset id either: {})",
            preset_ids(&all)
        ))
    })?;
    let policy = Policy::from_toml(&source).map_err(|e| error(e.to_string()))?;
    all.retain(|p| p.id != policy.id);
    all.push(policy.clone());
    Ok((policy, all))
}

fn preset_ids(presets: &[Policy]) -> String {
    presets
        .iter()
        .map(|p| p.id.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}
