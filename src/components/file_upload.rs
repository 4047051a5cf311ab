use domain::api::cases::ATTACHMENT_TYPES;
use domain::validation::FieldError;
use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;
use leptos::web_sys::{FileList, HtmlInputElement};

use crate::components::field::{FieldIds, HintAndError};
use crate::form::file_upload_words;

/// GOV.UK file upload. On a phone it offers the camera as well as files; each
/// choice is handed over at once, then the input is emptied so the same file
/// can be chosen again. The browser's control would then say "No file
/// chosen" beside a list of files added, so, as GOV.UK's enhanced file
/// upload does, our own button and words show instead ("Add another file",
/// "2 files added"), over the real input, which keeps the keyboard, screen
/// readers, the camera and the error summary's link working as before.
#[component]
pub fn FileUpload<F>(
    field: &'static str,
    #[prop(into)] label: String,
    errors: RwSignal<Vec<FieldError>>,
    on_files: F,
    #[prop(optional, into)] hint: Option<String>,
    #[prop(optional)] is_page_heading: bool,
    #[prop(optional, into)] disabled: Signal<bool>,
    /// How many files have been taken into the list below.
    #[prop(optional, into)]
    chosen: Signal<usize>,
    /// A new file replaces the one chosen.
    #[prop(optional)]
    single: bool,
) -> impl IntoView
where
    F: Fn(FileList) + 'static,
{
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
    let change = move |event: leptos::ev::Event| {
        let Some(input) = event
            .target()
            .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
        else {
            return;
        };
        if let Some(files) = input.files() {
            on_files(files);
        }
        input.set_value("");
    };
    let status_id = format!("{}-status", ids.id());
    let words = move || file_upload_words(chosen.get(), single);
    let described_by = {
        let status_id = status_id.clone();
        move || {
            Some(
                ids.described_by()
                    .map_or_else(|| status_id.clone(), |d| format!("{d} {status_id}")),
            )
        }
    };
    view! {
        <div class=move || ids.group_class()>
            {if is_page_heading { view! { <h1 class="app-label-wrapper">{label}</h1> }.into_any() } else { label.into_any() }}
            <HintAndError ids=ids hint=hint.unwrap_or_default() />
            <div class=move || {
                match (ids.error().is_some(), disabled.get()) {
                    (true, _) => "app-file-upload app-file-upload--error",
                    (false, true) => "app-file-upload app-file-upload--disabled",
                    (false, false) => "app-file-upload",
                }
            }>
                <input
                    class="app-file-upload__input"
                    id=ids.id()
                    name=field
                    type="file"
                    multiple=!single
                    accept=ATTACHMENT_TYPES.join(",")
                    aria-describedby=described_by
                    disabled=move || disabled.get()
                    on:change=change
                />
                <span class="app-button app-button--secondary app-file-upload__button" aria-hidden="true">{move || words().0}</span>
                <span class="app-file-upload__status" id=status_id>{move || words().1}</span>
            </div>
        </div>
    }
}
