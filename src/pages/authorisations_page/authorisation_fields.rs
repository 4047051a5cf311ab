//! The questions the invite and signed-form pages share (who the advocate is,
//! what they may do, until when), a draft bound to the device, and the
//! summary of one authorisation that residents, advocates and caseworkers read.

use crate::i18n::t;
use domain::api::authorisations::AuthorisationView;
use domain::authorisation::{Relationship, Scope};
use domain::validation::FieldError;
use leptos::prelude::*;
use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::authorisation_words::{
    cases_words, expiry_words, relationship_label, relationship_words, status_tag,
};
use crate::components::field::{FieldIds, HintAndError};
use crate::components::radios::{Choice, Radios};
use crate::components::text_input::TextInput;
use crate::storage;

/// A draft that lives on the device under `key` and is saved as it changes.
pub fn device_draft<T>(key: String, fresh: impl FnOnce() -> T) -> RwSignal<T>
where
    T: Clone + Serialize + DeserializeOwned + Send + Sync + 'static,
{
    let draft = RwSignal::new(storage::load::<T>(&key).unwrap_or_else(fresh));
    Effect::new(move |_| draft.with(|d| storage::save(&key, d)));
    draft
}

/// A field of `draft` as a signal for a form component: what is typed goes
/// straight into the draft (and so onto the device).
pub fn bind<D, T>(
    draft: RwSignal<D>,
    get: impl Fn(&D) -> T + 'static,
    set: impl Fn(&mut D, T) + 'static,
) -> RwSignal<T>
where
    D: Send + Sync + 'static,
    T: Clone + PartialEq + Send + Sync + 'static,
{
    let signal = RwSignal::new(draft.with_untracked(&get));
    Effect::new(move |_| {
        let value = signal.get();
        if draft.with_untracked(|d| get(d) != value) {
            draft.update(|d| set(d, value));
        }
    });
    signal
}

/// Who the advocate is to the resident: radios, and words when it is "Other".
#[component]
pub fn RelationshipRadios(
    #[prop(into)] legend: String,
    value: RwSignal<String>,
    other: RwSignal<String>,
    errors: RwSignal<Vec<FieldError>>,
) -> impl IntoView {
    let choices = Relationship::ALL
        .into_iter()
        .map(|r| Choice::new(r.as_str(), relationship_label(r)))
        .collect::<Vec<_>>();
    view! {
        <Radios field="relationship" legend=legend choices=choices value=value errors=errors />
        <Show when=move || value.get() == Relationship::Other.as_str()>
            <div class="app-radios__conditional">
                <TextInput field="relationship_other" label=t("Who they are to the resident") value=other errors=errors />
            </div>
        </Show>
    }
}

/// What the advocate may do: one checkbox per scope, in a fieldset. The first
/// box takes the field's id, so the error summary's link lands on it.
#[component]
pub fn ScopeCheckboxes(
    #[prop(into)] legend: String,
    value: RwSignal<Vec<Scope>>,
    errors: RwSignal<Vec<FieldError>>,
    /// The words for each scope for whoever reads the form.
    label: fn(Scope) -> &'static str,
    #[prop(optional, into)] hint: Option<String>,
) -> impl IntoView {
    let ids = FieldIds {
        field: "scope",
        errors,
        has_hint: hint.is_some(),
    };
    let items = Scope::ALL
        .into_iter()
        .enumerate()
        .map(|(i, scope)| {
            let id = if i == 0 {
                ids.id()
            } else {
                format!("{}-{}", ids.id(), i + 1)
            };
            view! {
                <div class="app-checkboxes__item">
                    <input
                        class="app-checkboxes__input"
                        id=id.clone()
                        name="scope"
                        type="checkbox"
                        value=scope.as_str()
                        prop:checked=move || value.with(|v| v.contains(&scope))
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            value.update(|v| {
                                v.retain(|s| *s != scope);
                                if on {
                                    v.push(scope);
                                    v.sort();
                                }
                            });
                        }
                    />
                    <label class="app-checkboxes__label" for=id>{label(scope)}</label>
                </div>
            }
        })
        .collect_view();
    view! {
        <div class=move || ids.group_class()>
            <fieldset class="app-fieldset" aria-describedby=move || ids.described_by()>
                <legend class="app-fieldset__legend app-fieldset__legend--m">{legend}</legend>
                <HintAndError ids=ids hint=hint.unwrap_or_default() />
                <div class="app-checkboxes">{items}</div>
            </fieldset>
        </div>
    }
}

/// One authorisation's details as a summary list: who, what, which
/// complaints, until when. `scope_words` suits the reader.
#[component]
pub fn AuthorisationSummary(
    view: AuthorisationView,
    scope_words: fn(Scope) -> &'static str,
    #[prop(optional)] references: Vec<(String, String)>,
    #[prop(optional)] show_cases: bool,
) -> impl IntoView {
    let (tag, tag_class) = status_tag(view.status, view.kind);
    let scope = view
        .scope
        .iter()
        .map(|s| view! { <li>{scope_words(*s)}</li> })
        .collect_view();
    let cases = show_cases.then(|| cases_words(&view, &references));
    view! {
        <dl class="app-summary-list app-authorisation__summary">
            <div class="app-summary-list__row">
                <dt class="app-summary-list__key">{t("Status")}</dt>
                <dd class="app-summary-list__value"><strong class=format!("app-tag {tag_class}")>{tag}</strong></dd>
            </div>
            <div class="app-summary-list__row">
                <dt class="app-summary-list__key">{t("Relationship")}</dt>
                <dd class="app-summary-list__value">{relationship_words(&view)}</dd>
            </div>
            <div class="app-summary-list__row">
                <dt class="app-summary-list__key">{t("What they can do")}</dt>
                <dd class="app-summary-list__value"><ul class="app-list app-list--bullet">{scope}</ul></dd>
            </div>
            {cases.map(|words| view! {
                <div class="app-summary-list__row">
                    <dt class="app-summary-list__key">{t("Complaints")}</dt>
                    <dd class="app-summary-list__value">{words}</dd>
                </div>
            })}
            <div class="app-summary-list__row">
                <dt class="app-summary-list__key">{t("Ends")}</dt>
                <dd class="app-summary-list__value">{expiry_words(&view)}</dd>
            </div>
        </dl>
    }
}
