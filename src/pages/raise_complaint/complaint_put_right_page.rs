use crate::i18n::t;
use crate::router::use_navigate;
use domain::api::cases::DETAILS_MAX_CHARS;
use leptos::prelude::*;

use crate::complaint_draft::Step;
use crate::components::textarea::Textarea;
use crate::pages::raise_complaint::complaint_question::ComplaintQuestion;
use crate::pages::raise_complaint::use_journey;

/// Question 4: what would put things right.
#[component]
pub fn ComplaintPutRightPage() -> impl IntoView {
    let journey = use_journey();
    let navigate = use_navigate();
    let step = Step::PutRight;
    let errors = journey.page_errors(step);
    let outcome = journey.bind(|d| d.desired_outcome.clone(), |d, v| d.desired_outcome = v);
    let on_continue = move || {
        if journey.check_step(step, errors) {
            navigate(journey.next(step).path(), Default::default());
        }
    };
    view! {
        <ComplaintQuestion step=step errors=errors on_continue=on_continue>
            <Textarea field="desired_outcome" label=step.title() value=outcome errors=errors max_chars=DETAILS_MAX_CHARS
                hint=t("For example, a repair done by a date, an apology, an explanation, or money back for something you paid for.")
                is_page_heading=true />
        </ComplaintQuestion>
    }
}
