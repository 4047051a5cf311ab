use crate::i18n::t;
use crate::router::use_navigate;
use leptos::prelude::*;

use crate::complaint_draft::Step;
use crate::components::date_input::DateInput;
use crate::pages::raise_complaint::complaint_question::ComplaintQuestion;
use crate::pages::raise_complaint::{continue_with_screening, screening_action, use_journey};

/// Question 3: when the problem started (GOV.UK date input), screened
/// against the policy's time limit.
#[component]
pub fn ComplaintStartedPage() -> impl IntoView {
    let journey = use_journey();
    let navigate = use_navigate();
    let step = Step::Started;
    let errors = journey.page_errors(step);
    let started = journey.bind(|d| d.started_on.clone(), |d, v| d.started_on = v);
    let screening = screening_action(journey, step, navigate.clone());
    let on_continue = move || {
        if journey.check_step(step, errors) {
            continue_with_screening(journey, step, screening, &navigate);
        }
    };
    view! {
        <ComplaintQuestion step=step errors=errors on_continue=on_continue busy=screening.pending()>
            <DateInput field="started_on" legend=step.title() value=started errors=errors
                hint=t("If it has been going on for a while, give the date it first started. For example, 27 3 2026")
                is_page_heading=true />
        </ComplaintQuestion>
    }
}
