use domain::api::cases::ATTACHMENT_TYPES;
use domain::validation::FieldError;
use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;
use leptos::web_sys::{FileList, HtmlInputElement};

use crate::components::field::{FieldIds, HintAndError};

/// GOV.UK file upload. On a phone it offers the camera as well as files; each
/// choice is handed over at once, then the input is emptied so the same file
/// can be chosen again.
#[component]
pub fn FileUpload<F>(
    field: &'static str,
    #[prop(into)] label: String,
    errors: RwSignal<Vec<FieldError>>,
    on_files: F,
    #[prop(optional, into)] hint: Option<String>,
    #[prop(optional)] is_page_heading: bool,
    #[prop(optional, into)] disabled: Signal<bool>,
) -> impl IntoView
where
    F: Fn(FileList) + 'static,
{
    let ids = FieldIds { field, errors, has_hint: hint.is_some() };
    let label_class = if is_page_heading { "app-label app-label--l" } else { "app-label" };
    let label = view! { <label class=label_class for=ids.id()>{label}</label> };
    let change = move |event: leptos::ev::Event| {
        let Some(input) = event.target().and_then(|t| t.dyn_into::<HtmlInputElement>().ok()) else { return };
        if let Some(files) = input.files() {
            on_files(files);
        }
        input.set_value("");
    };
    view! {
        <div class=move || ids.group_class()>
            {if is_page_heading { view! { <h1 class="app-label-wrapper">{label}</h1> }.into_any() } else { label.into_any() }}
            <HintAndError ids=ids hint=hint.unwrap_or_default() />
            <input
                class=move || { if ids.error().is_some() { "app-file-upload app-file-upload--error" } else { "app-file-upload" } }
                id=ids.id()
                name=field
                type="file"
                multiple
                accept=ATTACHMENT_TYPES.join(",")
                aria-describedby=move || ids.described_by()
                disabled=move || disabled.get()
                on:change=change
            />
        </div>
    }
}
