use crate::i18n::{self, t};
use crate::router::use_navigate;
use crate::router::A;
use domain::api::account::Role;
use leptos::prelude::*;

use crate::api;
use crate::language::use_language;
use crate::session::use_session;
use crate::storage;

/// The service's header: its name, and the links for who is signed in.
#[component]
pub fn Header() -> impl IntoView {
    let session = use_session();
    let language = use_language();
    let navigate = use_navigate();
    let sign_out = Action::new_local(|_: &()| async { api::accounts::sign_out().await });
    Effect::new(move |_| {
        if sign_out.value().get().is_some() {
            session.signed_out();
            // A device marked as shared keeps nothing anyone typed.
            storage::forget_typed_if_shared();
            navigate("/signed-out", Default::default());
        }
    });
    // Until the server answers, the kind of account last signed in here.
    let role = move || {
        session
            .user
            .with(|u| u.as_ref().map(|u| u.role))
            .or_else(|| session.last_role.filter(|_| !session.checked.get()))
    };
    view! {
        <header class="app-header">
            <div class="app-header__container app-width-container">
                <A href="/" attr:class="app-header__service-name">
                    <svg class="app-header__logo" aria-hidden="true" focusable="false" viewBox="0 0 32 32" width="32" height="32">
                        <rect width="32" height="32" rx="6" fill="currentColor" opacity="0.15" />
                        <path d="M9 17l5 5 10-12" fill="none" stroke="currentColor" stroke-width="4" stroke-linecap="round" stroke-linejoin="round" />
                    </svg>
                    "Put It Right"
                </A>
                <nav aria-label=t("Account")>
                    <ul class="app-header__nav">
                        {move || match role() {
                            None => view! {
                                <li><A href="/settings">{t("Accessibility settings")}</A></li>
                                <li><A href="/sign-in">{t("Sign in")}</A></li>
                            }.into_any(),
                            Some(role) => view! {
                                {match role {
                                    Role::Advocate => view! { <li><A href="/advocate">{t("People you help")}</A></li> }.into_any(),
                                    Role::Staff | Role::Admin => view! {
                                        <li><A href="/staff">{t("Case queue")}</A></li>
                                        <li><A href="/staff/authorisations">{t("Forms to check")}</A></li>
                                    }.into_any(),
                                    Role::Resident => view! { <li><A href="/cases">{t("Your cases")}</A></li> }.into_any(),
                                }}
                                <li><A href="/settings">{t("Settings")}</A></li>
                                <li>
                                    <button type="button" on:click=move |_| { sign_out.dispatch(()); }>
                                        {t("Sign out")}
                                    </button>
                                </li>
                            }.into_any(),
                        }}
                        // A way back to English on every page, in English, for
                        // whoever chose another language by mistake.
                        {(i18n::language() != "en").then(|| view! {
                            <li>
                                <button type="button" lang="en-GB" data-testid="to-english"
                                    on:click=move |_| language.choose("en")>
                                    "English"
                                </button>
                            </li>
                        })}
                    </ul>
                </nav>
            </div>
        </header>
    }
}
