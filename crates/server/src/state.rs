//! What every handler shares.

use std::sync::Arc;

use domain::calendar::Calendar;
use domain::policy::Policy;
use sqlx::AnyPool;

use crate::clock::Clock;
use crate::config::Config;
use crate::metrics::Metrics;
use crate::password::Hashing;
use crate::secrets::SecretsKey;

/// Shared, cheaply cloned state of the running service.
#[derive(Clone)]
pub struct AppState {
    pub db: AnyPool,
    pub clock: Clock,
    pub config: Arc<Config>,
    pub calendar: Arc<Calendar>,
    /// The policy new complaints run under.
    pub policy: Arc<Policy>,
    /// Every policy the server knows (the presets and the configured one), so a
    /// case keeps running under the policy it was raised under.
    pub policies: Arc<Vec<Policy>>,
    /// The bounded pool every password hash runs in.
    pub hashing: Hashing,
    /// The key secrets are sealed under at rest ([`crate::secrets`]).
    pub secrets: Arc<SecretsKey>,
    /// This process's request counts and timings ([`crate::metrics`]).
    pub metrics: Arc<Metrics>,
    /// GOV.UK Notify, when configured ([`crate::notify`]).
    pub notify: Option<Arc<crate::notify::Notify>>,
}

impl AppState {
    /// Where the portal is reached, for links in messages.
    pub fn public_url(&self) -> String {
        self.config
            .public_url
            .clone()
            .unwrap_or_else(|| format!("http://{}", self.config.addr()))
    }

    /// The policy with this id, falling back to the active one.
    pub fn policy_for(&self, id: &str) -> &Policy {
        self.policies
            .iter()
            .find(|p| p.id == id)
            .unwrap_or(&self.policy)
    }
}
