use domain::validation::FieldError;
use leptos::prelude::*;

use crate::components::field::{FieldIds, HintAndError};

/// GOV.UK text input: label, hint, error and input, wired for screen readers.
#[component]
pub fn TextInput(
    field: &'static str,
    #[prop(into)] label: String,
    value: RwSignal<String>,
    errors: RwSignal<Vec<FieldError>>,
    #[prop(optional, into)] hint: Option<String>,
    #[prop(default = "text")] input_type: &'static str,
    #[prop(optional)] autocomplete: Option<&'static str>,
    #[prop(optional)] inputmode: Option<&'static str>,
    #[prop(default = "")] width: &'static str,
    #[prop(optional)] spellcheck: bool,
    /// Make the label the page's heading (one question per page).
    #[prop(optional)]
    is_page_heading: bool,
) -> impl IntoView {
    let ids = FieldIds {
        field,
        errors,
        has_hint: hint.is_some(),
    };
    let label_class = if is_page_heading {
        "app-label app-label--l"
    } else {
        "app-label"
    };
    let label = view! { <label class=label_class for=ids.id()>{label}</label> };
    view! {
        <div class=move || ids.group_class()>
            {if is_page_heading { view! { <h1 class="app-label-wrapper">{label}</h1> }.into_any() } else { label.into_any() }}
            <HintAndError ids=ids hint=hint.unwrap_or_default() />
            <input
                class=move || format!("app-input {width} {}", if ids.error().is_some() { "app-input--error" } else { "" })
                id=ids.id()
                name=field
                type=input_type
                autocomplete=autocomplete
                inputmode=inputmode
                spellcheck=if spellcheck { "true" } else { "false" }
                aria-describedby=move || ids.described_by()
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
            />
        </div>
    }
}
