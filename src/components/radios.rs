use domain::validation::FieldError;
use leptos::prelude::*;

use crate::components::field::{FieldIds, HintAndError};

/// One choice of a [`Radios`] group.
#[derive(Clone, Debug, PartialEq)]
pub struct Choice {
    pub value: String,
    pub label: String,
    pub hint: Option<String>,
    /// The language of the label and hint when it is not the page's: the
    /// landlord's own words (its policy's categories) stay English.
    pub lang: Option<&'static str>,
}

impl Choice {
    pub fn new(value: impl Into<String>, label: impl Into<String>) -> Self {
        Self {
            value: value.into(),
            label: label.into(),
            hint: None,
            lang: None,
        }
    }
    /// A choice in the landlord's own (English) words.
    pub fn in_english(mut self) -> Self {
        self.lang = Some("en-GB");
        self
    }
    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }
}

/// GOV.UK radios in a fieldset with a legend. The first radio takes the
/// field's id, so the error summary's link lands on it.
#[component]
pub fn Radios(
    field: &'static str,
    #[prop(into)] legend: String,
    choices: Vec<Choice>,
    value: RwSignal<String>,
    errors: RwSignal<Vec<FieldError>>,
    #[prop(optional, into)] hint: Option<String>,
    #[prop(optional)] is_page_heading: bool,
) -> impl IntoView {
    let ids = FieldIds {
        field,
        errors,
        has_hint: hint.is_some(),
    };
    let legend_class = if is_page_heading {
        "app-fieldset__legend app-fieldset__legend--l"
    } else {
        "app-fieldset__legend app-fieldset__legend--m"
    };
    let items = choices
        .into_iter()
        .enumerate()
        .map(|(i, choice)| {
            let id = if i == 0 { ids.id() } else { format!("{}-{}", ids.id(), i + 1) };
            let hint_id = format!("{id}-item-hint");
            let checked_value = choice.value.clone();
            let set_value = choice.value.clone();
            view! {
                <div class="app-radios__item">
                    <input
                        class="app-radios__input"
                        id=id.clone()
                        name=field
                        type="radio"
                        value=choice.value.clone()
                        aria-describedby=choice.hint.as_ref().map(|_| hint_id.clone())
                        prop:checked=move || value.get() == checked_value
                        on:change=move |_| value.set(set_value.clone())
                    />
                    <label class="app-radios__label" for=id lang=choice.lang>
                        {choice.label}
                        {choice.hint.map(|h| view! { <span class="app-radios__hint" id=hint_id>{h}</span> })}
                    </label>
                </div>
            }
        })
        .collect_view();
    view! {
        <div class=move || ids.group_class()>
            <fieldset class="app-fieldset" aria-describedby=move || ids.described_by()>
                <legend class=legend_class>
                    {if is_page_heading { view! { <h1 class="app-fieldset__heading">{legend}</h1> }.into_any() } else { legend.into_any() }}
                </legend>
                <HintAndError ids=ids hint=hint.unwrap_or_default() />
                <div class="app-radios">{items}</div>
            </fieldset>
        </div>
    }
}
