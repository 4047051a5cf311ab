use crate::i18n::t;
use domain::validation::FieldError;
use leptos::prelude::*;

use crate::components::field::{FieldIds, HintAndError};

/// GOV.UK password input with a "Show" button; paste is allowed.
#[component]
pub fn PasswordInput(
    field: &'static str,
    #[prop(into)] label: String,
    value: RwSignal<String>,
    errors: RwSignal<Vec<FieldError>>,
    #[prop(optional, into)] hint: Option<String>,
    autocomplete: &'static str,
) -> impl IntoView {
    let ids = FieldIds {
        field,
        errors,
        has_hint: hint.is_some(),
    };
    let shown = RwSignal::new(false);
    view! {
        <div class=move || ids.group_class()>
            <label class="app-label" for=ids.id()>{label}</label>
            <HintAndError ids=ids hint=hint.unwrap_or_default() />
            <div class="app-password-input">
                <input
                    class=move || { if ids.error().is_some() { "app-input app-input--error" } else { "app-input" } }
                    id=ids.id()
                    name=field
                    type=move || { if shown.get() { "text" } else { "password" } }
                    autocomplete=autocomplete
                    autocapitalize="none"
                    spellcheck="false"
                    aria-describedby=move || ids.described_by()
                    prop:value=move || value.get()
                    on:input=move |ev| value.set(event_target_value(&ev))
                />
                <button
                    type="button"
                    class="app-button app-button--secondary"
                    aria-controls=ids.id()
                    // The whole phrase for screen readers, so each language can
                    // order its words; it starts with the word shown.
                    aria-label=move || if shown.get() { t("Hide password") } else { t("Show password") }
                    on:click=move |_| shown.update(|s| *s = !*s)
                >
                    {move || if shown.get() { t("Hide") } else { t("Show") }}
                </button>
            </div>
            <div class="app-visually-hidden" aria-live="polite">
                {move || if shown.get() { t("Your password is visible") } else { t("Your password is hidden") }}
            </div>
        </div>
    }
}
