use crate::i18n::t;
use leptos::prelude::*;
use crate::router::A;

/// GOV.UK back link, above the page's heading.
#[component]
pub fn BackLink(href: String) -> impl IntoView {
    view! { <A href=href attr:class="app-back-link">{t("Back")}</A> }
}
