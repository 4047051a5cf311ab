use leptos::prelude::*;

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
