use leptos::prelude::*;

use crate::i18n::t;
use crate::storage;

/// A single GOV.UK checkbox for a yes-or-no setting.
#[component]
pub fn Checkbox(
    id: &'static str,
    #[prop(into)] label: String,
    checked: RwSignal<bool>,
    #[prop(optional, into)] hint: Option<String>,
) -> impl IntoView {
    let hint_id = format!("{id}-hint");
    view! {
        <div class="app-checkboxes__item">
            <input
                class="app-checkboxes__input"
                id=id
                name=id
                type="checkbox"
                aria-describedby=hint.as_ref().map(|_| hint_id.clone())
                prop:checked=move || checked.get()
                on:change=move |ev| checked.set(event_target_checked(&ev))
            />
            <label class="app-checkboxes__label" for=id>
                {label}
                {hint.map(|h| view! { <span class="app-checkboxes__hint" id=hint_id>{h}</span> })}
            </label>
        </div>
    }
}

/// "This is a shared or public device", in a form group of its own: the
/// choice is remembered on the device as soon as it is made, and signing out
/// of a device marked as shared deletes what was typed on it.
pub fn shared_device_checkbox() -> impl IntoView {
    let shared = RwSignal::new(storage::is_shared());
    Effect::new(move |_| storage::mark_shared(shared.get()));
    view! {
        <div class="app-form-group">
            <div class="app-checkboxes">
                <Checkbox id="shared-device" label=t("This is a shared or public device") checked=shared
                    hint=t("We will delete what you type from this device when you sign out.") />
            </div>
        </div>
    }
}
