//! The built-in policies, embedded from `crates/domain/presets/*.toml`.

use std::sync::OnceLock;

use super::Policy;

/// The preset files, the Code first. Each cites its source beside every figure.
const SOURCES: [(&str, &str); 6] = [
    ("code-2024", include_str!("../../presets/code-2024.toml")),
    (
        "pioneer-2020",
        include_str!("../../presets/pioneer-2020.toml"),
    ),
    (
        "policy-2022",
        include_str!("../../presets/policy-2022.toml"),
    ),
    (
        "pivotal-2021",
        include_str!("../../presets/pivotal-2021.toml"),
    ),
    (
        "plus-dane-2024",
        include_str!("../../presets/plus-dane-2024.toml"),
    ),
    ("torus", include_str!("../../presets/torus.toml")),
];

/// Parsed once. A preset that failed to parse would be left out; the tests
/// make sure none does.
fn all() -> &'static [Policy] {
    static PRESETS: OnceLock<Vec<Policy>> = OnceLock::new();
    PRESETS.get_or_init(|| {
        SOURCES
            .iter()
            .filter_map(|(id, src)| Policy::from_toml(src).ok().filter(|p| p.id == *id))
            .collect()
    })
}

/// Every built-in policy, the Complaint Handling Code 2024 first.
pub fn presets() -> Vec<Policy> {
    all().to_vec()
}

/// The Complaint Handling Code 2024 preset, whose values fill in where a policy is silent.
pub(super) fn code() -> Option<&'static Policy> {
    all().iter().find(|p| p.id == super::DEFAULT_POLICY_ID)
}

impl Policy {
    /// The built-in policy with this id (`code-2024`, `pioneer-2020`,
    /// `policy-2022`, `pivotal-2021`, `plus-dane-2024`, `torus`).
    pub fn preset(id: &str) -> Option<Policy> {
        all().iter().find(|p| p.id == id).cloned()
    }

    /// The TOML source of the built-in policy with this id, comments and all.
    pub fn preset_source(id: &str) -> Option<&'static str> {
        SOURCES
            .iter()
            .find(|(preset, _)| *preset == id)
            .map(|(_, src)| *src)
    }
}
