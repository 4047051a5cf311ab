use crate::i18n::t;
use domain::validation::FieldError;
use leptos::prelude::*;

use crate::form::{field_id, message_for};

/// What every GOV.UK field shares: its id, hint and error, and the
/// `aria-describedby` that ties them to the input.
#[derive(Clone, Copy)]
pub struct FieldIds {
    pub field: &'static str,
    pub errors: RwSignal<Vec<FieldError>>,
    pub has_hint: bool,
}

impl FieldIds {
    pub fn id(&self) -> String {
        field_id(self.field)
    }
    pub fn hint_id(&self) -> String {
        format!("{}-hint", self.id())
    }
    pub fn error_id(&self) -> String {
        format!("{}-error", self.id())
    }
    pub fn error(&self) -> Option<String> {
        message_for(&self.errors.get(), self.field)
    }
    pub fn described_by(&self) -> Option<String> {
        let mut ids = Vec::new();
        if self.has_hint {
            ids.push(self.hint_id());
        }
        if self.error().is_some() {
            ids.push(self.error_id());
        }
        (!ids.is_empty()).then(|| ids.join(" "))
    }
    pub fn group_class(&self) -> &'static str {
        if self.error().is_some() {
            "app-form-group app-form-group--error"
        } else {
            "app-form-group"
        }
    }
}

/// The hint and the error message above an input.
#[component]
pub fn HintAndError(ids: FieldIds, #[prop(optional, into)] hint: Option<String>) -> impl IntoView {
    view! {
        {hint.filter(|h| !h.is_empty()).map(|hint| view! { <div class="app-hint" id=ids.hint_id()>{hint}</div> })}
        {move || ids.error().map(|message| view! {
            <p class="app-error-message" id=ids.error_id()>
                <span class="app-visually-hidden">{t("Error: ")}</span>{message}
            </p>
        })}
    }
}
