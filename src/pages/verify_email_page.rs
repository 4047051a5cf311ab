use leptos::prelude::*;

use crate::api;
use crate::components::title::Title;
use crate::i18n::t;
use crate::router::A;
use crate::session::use_session;
use domain::api::account::EmailConfirmation;

/// Where the link sent to prove an email address opens: the token is after
/// the `#`, so it never reaches a server log. It is taken out of the address
/// bar at once, then sent.
#[component]
pub fn VerifyEmailPage() -> impl IntoView {
    let session = use_session();
    let token = window()
        .location()
        .hash()
        .unwrap_or_default()
        .trim_start_matches('#')
        .to_owned();
    if let Ok(history) = window().history() {
        let _ =
            history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some("/verify-email"));
    }
    let answer = LocalResource::new(move || {
        let token = token.clone();
        async move {
            if token.is_empty() {
                return false;
            }
            api::post_empty("/accounts/verification", &EmailConfirmation { token })
                .await
                .is_ok()
        }
    });
    view! {
        <Title text=t("Confirm your email address") />
        <Suspense fallback=|| view! {
            <h1 class="app-heading-l">{t("Confirm your email address")}</h1>
            <p class="app-body" role="status">{t("Loading…")}</p>
        }>
            {move || Suspend::new(async move {
                if answer.await {
                    // The header and banners learn the address is proved.
                    session.check();
                    view! {
                        <div class="app-panel app-panel--confirmation">
                            <h1 class="app-panel__title">{t("Your email address is confirmed")}</h1>
                        </div>
                        <p class="app-body">{t("We can now send you emails.")}</p>
                        <p class="app-body"><A href="/">{t("Continue")}</A></p>
                    }
                    .into_any()
                } else {
                    view! {
                        <h1 class="app-heading-l">{t("This link does not work")}</h1>
                        <p class="app-body">{t("It may be more than 24 hours old, or it may have been used already.")}</p>
                        <p class="app-body">{t("Sign in, then ask for a new link.")}</p>
                        <p class="app-body"><A href="/sign-in">{t("Sign in")}</A></p>
                    }
                    .into_any()
                }
            })}
        </Suspense>
    }
}
