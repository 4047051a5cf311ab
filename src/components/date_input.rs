use domain::validation::FieldError;
use leptos::prelude::*;

use crate::components::field::{FieldIds, HintAndError};
use crate::date_input::DateParts;
use crate::i18n::t;

/// GOV.UK date input: day, month and year boxes in a fieldset.
#[component]
pub fn DateInput(
    field: &'static str,
    #[prop(into)] legend: String,
    value: RwSignal<DateParts>,
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
    let part = move |suffix: &'static str,
                     label: &'static str,
                     width: &'static str,
                     get: fn(&DateParts) -> String,
                     set: fn(&mut DateParts, String)| {
        let id = if suffix == "day" {
            ids.id()
        } else {
            format!("{}-{suffix}", ids.id())
        };
        view! {
            <div class="app-date-input__item">
                <label class="app-date-input__label" for=id.clone()>{label}</label>
                <input
                    class=move || format!("app-input {width} {}", if ids.error().is_some() { "app-input--error" } else { "" })
                    id=id
                    name=format!("{field}-{suffix}")
                    type="text"
                    inputmode="numeric"
                    prop:value=move || value.with(get)
                    on:input=move |ev| value.update(|v| set(v, event_target_value(&ev)))
                />
            </div>
        }
    };
    view! {
        <div class=move || ids.group_class()>
            <fieldset class="app-fieldset" role="group" aria-describedby=move || ids.described_by()>
                <legend class=legend_class>
                    {if is_page_heading { view! { <h1 class="app-fieldset__heading">{legend}</h1> }.into_any() } else { legend.into_any() }}
                </legend>
                <HintAndError ids=ids hint=hint.unwrap_or_default() />
                <div class="app-date-input">
                    {part("day", t("Day"), "app-input--width-2", |v| v.day.clone(), |v, s| v.day = s)}
                    {part("month", t("Month"), "app-input--width-2", |v| v.month.clone(), |v, s| v.month = s)}
                    {part("year", t("Year"), "app-input--width-4", |v| v.year.clone(), |v, s| v.year = s)}
                </div>
            </fieldset>
        </div>
    }
}
