//! Hazards first: when what the resident wrote sounds like damp and mould or
//! another danger in the home, they are told what to do now before any other
//! question: 999 where life is at risk, and the landlord's emergency repairs
//! line (from the policy). The complaint still goes on.

use domain::policy::{HazardScreen, Policy};
use leptos::prelude::*;

use crate::components::warning_text::WarningText;
use crate::i18n::t;

/// The number to ring for an emergency repair: the policy's emergency
/// repairs line, or else the landlord's own telephone number.
pub fn emergency_number(policy: &Policy) -> Option<(bool, String)> {
    let line = policy
        .hazards
        .as_ref()
        .and_then(|h| h.emergency_repairs_telephone.clone());
    match line {
        Some(line) => Some((true, line)),
        None => policy.contact.telephone.clone().map(|t| (false, t)),
    }
}

/// What to do now, with the page's heading.
#[component]
pub fn DoThisNow(hazard: HazardScreen, number: Option<(bool, String)>) -> impl IntoView {
    let gas = hazard.kind == "emergency";
    let call = number.map(|(emergency_line, number)| {
        let label = if emergency_line {
            t("Emergency repairs line:")
        } else {
            t("Your landlord's telephone number:")
        };
        let href = format!("tel:{}", number.replace(' ', ""));
        view! {
            <p class="app-body">{label}" "<a class="app-link" href=href lang="en-GB"><strong>{number}</strong></a></p>
        }
    });
    view! {
        <h1 class="app-heading-l" data-testid="do-this-now">{t("Do this now")}</h1>
        <WarningText>{t("If anyone is in danger now, call 999.")}</WarningText>
        <p class="app-body">{t("What you told us sounds like it could harm someone's health or safety. Do not wait for your complaint to be answered.")}</p>
        <p class="app-body">{t("Report it to your landlord as an emergency repair now.")}</p>
        {call}
        {gas.then(|| view! { <p class="app-body">{t("If you smell gas, call the National Gas Emergency Service on 0800 111 999.")}</p> })}
        <p class="app-body">{t("Your complaint will still be sent. Staff will see that it may be about a danger to health, so they can check it quickly.")}</p>
    }
}
