use crate::i18n::t;
use crate::router::use_navigate;
use leptos::prelude::*;

use crate::complaint_draft::Step;
use crate::components::radios::{Choice, Radios};
use crate::pages::raise_complaint::complaint_question::ComplaintQuestion;
use crate::pages::raise_complaint::use_journey;

/// Question 1: what the complaint is about, from the policy's categories.
#[component]
pub fn ComplaintAboutPage() -> impl IntoView {
    let journey = use_journey();
    let navigate = use_navigate();
    let step = Step::About;
    let errors = journey.page_errors(step);
    let category = journey.bind(|d| d.category.clone(), |d, v| d.category = v);
    let choices = journey
        .with_policy(|policy, _| {
            policy
                .categories
                .iter()
                .map(|c| {
                    let choice = Choice::new(c.id.clone(), c.label.clone()).in_english();
                    if c.hint.is_empty() {
                        choice
                    } else {
                        choice.with_hint(c.hint.clone())
                    }
                })
                .collect::<Vec<_>>()
        })
        .unwrap_or_default();
    let deleted = RwSignal::new(false);
    let on_continue = move || {
        if journey.check_step(step, errors) {
            navigate(journey.next(step).path(), Default::default());
        }
    };
    let delete = move |_| {
        journey.delete_draft();
        category.set(String::new());
        errors.set(Vec::new());
        deleted.set(true);
    };
    view! {
        <ComplaintQuestion step=step errors=errors on_continue=on_continue>
            <Radios field="category" legend=step.title() choices=choices value=category errors=errors
                hint=t("Choose the one that fits best. You can tell us more on the next page.") is_page_heading=true />
        </ComplaintQuestion>
        <div class="app-grid-column-two-thirds">
            <Show when=move || journey.has_draft()>
                <p class="app-body">
                    {t("Your answers are saved on this device as you type. ")}
                    <button type="button" class="app-link-button" on:click=delete>{t("Delete this draft")}</button>
                </p>
            </Show>
            <div role="status" aria-live="polite">
                <Show when=move || deleted.get() && !journey.has_draft()>
                    <p class="app-body">{t("Your draft has been deleted.")}</p>
                </Show>
            </div>
        </div>
    }
}
