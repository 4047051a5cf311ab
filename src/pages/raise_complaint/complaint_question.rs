use crate::components::title::Title;
use domain::validation::FieldError;
use leptos::prelude::*;

use crate::complaint_draft::Step;
use crate::components::back_link::BackLink;
use crate::components::error_summary::ErrorSummary;
use crate::form::page_title;
use crate::i18n::t;
use crate::pages::raise_complaint::use_journey;

/// The frame of one question of "Raise a complaint": the title, the Back
/// link, the error summary, the form and its button. The question itself
/// (the page's `<h1>`) is the child.
#[component]
pub fn ComplaintQuestion<F>(
    step: Step,
    errors: RwSignal<Vec<FieldError>>,
    on_continue: F,
    children: Children,
    /// While something is under way (screening, reading files).
    #[prop(optional, into)]
    busy: Signal<bool>,
    #[prop(default = t("Continue"))] button: &'static str,
    #[prop(default = t("Checking your answer…"))] busy_text: &'static str,
) -> impl IntoView
where
    F: Fn() + 'static,
{
    let journey = use_journey();
    let back = move || {
        journey
            .draft
            .with(|d| d.previous_step(step))
            .map(|s| s.path().to_owned())
    };
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        if !busy.get_untracked() {
            on_continue();
        }
    };
    view! {
        <Title text=move || page_title(step.title(), !errors.get().is_empty()) />
        {move || back().map(|href| view! { <BackLink href=href /> })}
        <div class="app-grid-column-two-thirds">
            <ErrorSummary errors=errors />
            <form novalidate on:submit=submit>
                {children()}
                <button type="submit" class="app-button" aria-disabled=move || busy.get().then_some("true")>
                    {button}
                </button>
            </form>
            <div role="status" aria-live="polite" class="app-body">
                {move || busy.get().then_some(busy_text)}
            </div>
        </div>
    }
}
