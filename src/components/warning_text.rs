use crate::i18n::t;
use leptos::prelude::*;

/// GOV.UK warning text: something important the resident must not miss.
#[component]
pub fn WarningText(children: Children) -> impl IntoView {
    view! {
        <div class="app-warning-text app-warning-text--icon">
            <span class="app-warning-text__icon" aria-hidden="true">"!"</span>
            <strong class="app-warning-text__text">
                <span class="app-visually-hidden">{t("Warning: ")}</span>
                {children()}
            </strong>
        </div>
    }
}
