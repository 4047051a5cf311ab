use crate::i18n::t;
use crate::router::use_navigate;
use domain::api::cases::DETAILS_MAX_CHARS;
use leptos::prelude::*;

use crate::complaint_draft::Step;
use crate::components::textarea::Textarea;
use crate::pages::raise_complaint::complaint_question::ComplaintQuestion;
use crate::pages::raise_complaint::{continue_with_screening, screening_action, use_journey};

/// Question 2: what happened. Continue asks the policy's screening first.
#[component]
pub fn ComplaintWhatHappenedPage() -> impl IntoView {
    let journey = use_journey();
    let navigate = use_navigate();
    let step = Step::WhatHappened;
    let errors = journey.page_errors(step);
    let details = journey.bind(|d| d.details.clone(), |d, v| d.details = v);
    let screening = screening_action(journey, step, navigate.clone());
    let on_continue = move || {
        if journey.check_step(step, errors) {
            continue_with_screening(journey, step, screening, &navigate);
        }
    };
    view! {
        <ComplaintQuestion step=step errors=errors on_continue=on_continue busy=screening.pending()>
            <Textarea field="details" label=step.title() value=details errors=errors max_chars=DETAILS_MAX_CHARS rows=8
                hint=t("Tell us what went wrong, who was involved and what has happened since. Include any dates and reference numbers you have.")
                is_page_heading=true />
        </ComplaintQuestion>
    }
}
