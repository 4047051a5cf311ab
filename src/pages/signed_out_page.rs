use crate::i18n::t;
use leptos::prelude::*;
use crate::components::title::Title;
use crate::router::A;

/// After signing out.
#[component]
pub fn SignedOutPage() -> impl IntoView {
    view! {
        <Title text=t("You have signed out") />
        <h1 class="app-heading-l">{t("You have signed out")}</h1>
        <p class="app-body">{t("Anything you had started typing is still saved on this device until you send it or delete it.")}</p>
        <p class="app-body"><A href="/sign-in">{t("Sign in again")}</A></p>
    }
}
