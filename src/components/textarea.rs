use domain::validation::FieldError;
use leptos::prelude::*;

use crate::components::field::{FieldIds, HintAndError};
use crate::i18n::tn;

/// GOV.UK textarea with a character count that is announced politely.
#[component]
pub fn Textarea(
    field: &'static str,
    #[prop(into)] label: String,
    value: RwSignal<String>,
    errors: RwSignal<Vec<FieldError>>,
    #[prop(optional, into)] hint: Option<String>,
    #[prop(default = 5000)] max_chars: usize,
    #[prop(default = 6)] rows: u32,
    #[prop(optional)] is_page_heading: bool,
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
    let count = move || value.with(|v| v.chars().count());
    let count_text = move || {
        let n = count();
        if n <= max_chars {
            let left = (max_chars - n) as u64;
            tn(
                "You have {count} character remaining",
                "You have {count} characters remaining",
                left,
                &[],
            )
        } else {
            let over = (n - max_chars) as u64;
            tn(
                "You have {count} character too many",
                "You have {count} characters too many",
                over,
                &[],
            )
        }
    };
    view! {
        <div class=move || ids.group_class()>
            {if is_page_heading { view! { <h1 class="app-label-wrapper">{label}</h1> }.into_any() } else { label.into_any() }}
            <HintAndError ids=ids hint=hint.unwrap_or_default() />
            <textarea
                class=move || { if ids.error().is_some() { "app-textarea app-textarea--error" } else { "app-textarea" } }
                id=ids.id()
                name=field
                rows=rows
                aria-describedby=move || {
                    let info = format!("{}-info", ids.id());
                    Some(ids.described_by().map(|d| format!("{d} {info}")).unwrap_or(info))
                }
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
            ></textarea>
            <div
                id=format!("{}-info", ids.id())
                class=move || { if count() > max_chars { "app-character-count app-character-count--error" } else { "app-character-count" } }
                aria-live="polite"
            >
                {count_text}
            </div>
        </div>
    }
}
