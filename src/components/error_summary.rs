use crate::i18n::t;
use domain::validation::FieldError;
use leptos::html;
use leptos::prelude::*;

use crate::form::field_id;

/// GOV.UK error summary: "There is a problem", a link to each field, focused
/// as soon as it appears so a screen reader announces it. The messages come in
/// English (from the shared validation or the API) and show in the resident's
/// language.
#[component]
pub fn ErrorSummary(errors: RwSignal<Vec<FieldError>>) -> impl IntoView {
    let summary = NodeRef::<html::Div>::new();
    Effect::new(move |_| {
        if !errors.get().is_empty() {
            if let Some(element) = summary.get() {
                let _ = element.focus();
            }
        }
    });
    let focus_field = |id: String| {
        move |event: leptos::ev::MouseEvent| {
            event.prevent_default();
            if let Some(element) = document().get_element_by_id(&id) {
                use leptos::wasm_bindgen::JsCast;
                if let Ok(element) = element.dyn_into::<leptos::web_sys::HtmlElement>() {
                    let _ = element.focus();
                    element.scroll_into_view();
                }
            }
        }
    };
    view! {
        <Show when=move || !errors.get().is_empty()>
            <div class="app-error-summary" node_ref=summary tabindex="-1" role="alert" aria-labelledby="error-summary-title">
                <h2 class="app-error-summary__title" id="error-summary-title">{t("There is a problem")}</h2>
                <ul class="app-error-summary__list">
                    {move || {
                        errors
                            .get()
                            .into_iter()
                            .map(|e| {
                                let id = field_id(&e.field);
                                view! {
                                    <li><a href=format!("#{id}") on:click=focus_field(id.clone())>{t(&e.message).to_owned()}</a></li>
                                }
                            })
                            .collect_view()
                    }}
                </ul>
            </div>
        </Show>
    }
}
