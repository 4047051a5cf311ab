use crate::components::title::Title;
use crate::i18n::t;
use crate::router::A;
use leptos::prelude::*;

/// For a path the app does not know.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    view! {
        <Title text=t("Page not found") />
        <h1 class="app-heading-l">{t("Page not found")}</h1>
        <p class="app-body">{t("If you typed the web address, check it is correct.")}</p>
        <p class="app-body">{t("If you pasted the web address, check you copied the entire address.")}</p>
        <p class="app-body">
            {t("You can ")}<A href="/">{t("go to the start page")}</A>{t(" or ")}
            <A href="/help">{t("find other ways to contact your housing provider")}</A>"."
        </p>
    }
}
