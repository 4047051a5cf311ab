use crate::i18n::t;
use leptos::html;
use leptos::prelude::*;

/// An error summary whose links go to other pages (as on "Check your
/// answers"): each error is a message and the address of the page to fix it.
/// Focused when it appears, like [`super::error_summary::ErrorSummary`].
#[component]
pub fn PageErrorSummary(errors: Signal<Vec<(String, String)>>) -> impl IntoView {
    let summary = NodeRef::<html::Div>::new();
    Effect::new(move |_| {
        if !errors.get().is_empty() {
            if let Some(element) = summary.get() {
                let _ = element.focus();
            }
        }
    });
    view! {
        <Show when=move || !errors.get().is_empty()>
            <div class="app-error-summary" node_ref=summary tabindex="-1" role="alert" aria-labelledby="error-summary-title">
                <h2 class="app-error-summary__title" id="error-summary-title">{t("There is a problem")}</h2>
                <ul class="app-error-summary__list">
                    {move || errors.get().into_iter().map(|(message, href)| view! {
                        <li><a href=href>{t(&message).to_owned()}</a></li>
                    }).collect_view()}
                </ul>
            </div>
        </Show>
    }
}
