use crate::i18n::t;
use crate::router::A;
use leptos::prelude::*;

/// GOV.UK back link, above the page's heading.
#[component]
pub fn BackLink(href: String) -> impl IntoView {
    view! { <A href=href attr:class="app-back-link">{t("Back")}</A> }
}
