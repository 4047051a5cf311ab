//! On the caseworker's page: a complaint that may be about a hazard under
//! Awaab's Law, with the law's dates for investigating and making safe. They
//! run apart from the complaint's own dates. Staff pages are in English.

use domain::calendar::long_date;
use domain::policy::{Duty, HazardDue, HazardFlag};
use leptos::prelude::*;

/// What the law asks by each date, for staff.
fn duty_words(duty: Duty) -> &'static str {
    match duty {
        Duty::Investigate => "Investigate",
        Duty::WrittenSummary => "Written summary of findings to the tenant",
        Duty::MakeSafe => "Make safe",
    }
}

/// "Tuesday 3 March 2026 by 09:00 (UTC)", "Monday 16 March 2026", "… at the latest".
fn due_words(due: &HazardDue) -> String {
    let mut words = long_date(due.date);
    if let Some(by) = due.by {
        words.push_str(&format!(" by {} (UTC)", by.format("%H:%M")));
    }
    if due.at_the_latest {
        words.push_str(
            " at the latest (counted from the last day for investigating; sooner if it ends sooner)",
        );
    }
    words
}

/// The flag, above the complaint's own dates.
#[component]
pub fn HazardWarning(flag: HazardFlag) -> impl IntoView {
    let matched = flag
        .screen
        .matched
        .iter()
        .map(|w| format!("\"{w}\""))
        .collect::<Vec<_>>()
        .join(", ");
    let vulnerable = (!flag.screen.vulnerable.is_empty()).then(|| {
        let words = flag
            .screen
            .vulnerable
            .iter()
            .map(|w| format!("\"{w}\""))
            .collect::<Vec<_>>()
            .join(", ");
        view! {
            <p class="app-body"><strong>"Someone more at risk may live there: "</strong>"the complaint mentions "{words}"."</p>
        }
    });
    let rows = flag
        .due
        .iter()
        .map(|due| {
            view! {
                <div class="app-summary-list__row">
                    <dt class="app-summary-list__key">{duty_words(due.duty)}</dt>
                    <dd class="app-summary-list__value">{due_words(due)}</dd>
                </div>
            }
        })
        .collect_view();
    view! {
        <section class="app-notification-banner app-notification-banner--warning" data-testid="hazard-flag" aria-labelledby="hazard-flag-heading">
            <h2 class="app-notification-banner__heading" id="hazard-flag-heading">{flag.screen.label.clone()}</h2>
            <p class="app-body">"The complaint mentions "{matched}". Check it under Awaab's Law now: these dates are the law's, and run apart from the complaint's."</p>
            {vulnerable}
            <dl class="app-summary-list">{rows}</dl>
            <p class="app-body">{flag.law.clone()}</p>
        </section>
    }
}
