use leptos::prelude::*;

use crate::api;
use crate::components::checkbox::shared_device_checkbox;
use crate::components::error_summary::ErrorSummary;
use crate::components::password_input::PasswordInput;
use crate::components::title::Title;
use crate::form::page_title;
use crate::i18n::t;
use crate::router::{use_navigate, A};
use crate::session::use_session;
use domain::api::account::{messages, EmailConfirmation, Role};
use domain::validation::FieldError;

/// Where the link sent to prove an email address opens: the token is after
/// the `#`, so it never reaches a server log. It is taken out of the address
/// bar at once and kept on the page, which asks for the account's password:
/// the link with the password proves the address and signs in.
#[component]
pub fn VerifyEmailPage() -> impl IntoView {
    let session = use_session();
    let navigate = use_navigate();
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
    let link_works = RwSignal::new(!token.is_empty());
    let password = RwSignal::new(String::new());
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let confirm = Action::new_local(|input: &EmailConfirmation| {
        let input = input.clone();
        async move { api::accounts::confirm_email(&input).await }
    });
    Effect::new(move |_| {
        if let Some(result) = confirm.value().get() {
            match result {
                Ok(signed_in) => {
                    let home = if signed_in.user.role == Role::Advocate {
                        "/advocate"
                    } else {
                        "/cases"
                    };
                    session.signed_in(signed_in);
                    session.account_created.set(true);
                    navigate(home, Default::default());
                }
                Err(error) => {
                    password.set(String::new());
                    let found = error.field_errors();
                    if found.iter().any(|e| e.field == "token") {
                        link_works.set(false);
                    } else {
                        errors.set(found);
                    }
                }
            }
        }
    });
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        if password.get_untracked().is_empty() {
            errors.set(vec![FieldError::new(
                "password",
                messages::VERIFICATION_PASSWORD_WRONG,
            )]);
            return;
        }
        errors.set(Vec::new());
        confirm.dispatch(EmailConfirmation {
            token: token.clone(),
            password: password.get_untracked(),
        });
    };
    let form = move || {
        view! {
            <Title text=move || page_title(t("Confirm your email address"), !errors.get().is_empty()) />
            <div class="app-grid-column-two-thirds">
                <ErrorSummary errors=errors />
                <h1 class="app-heading-l">{t("Confirm your email address")}</h1>
                <p class="app-body">{t("Enter your password to confirm this is your email address and sign in.")}</p>
                <form novalidate on:submit=submit.clone()>
                    <PasswordInput field="password" label=t("Password") value=password errors=errors
                        autocomplete="current-password" />
                    {shared_device_checkbox()}
                    <button type="submit" class="app-button" disabled=move || confirm.pending().get()>
                        {t("Confirm and sign in")}
                    </button>
                </form>
            </div>
        }
    };
    view! {
        {move || if link_works.get() {
            form().into_any()
        } else {
            view! {
                <Title text=t("This link does not work") />
                <h1 class="app-heading-l">{t("This link does not work")}</h1>
                <p class="app-body">{t("It may be more than 24 hours old, or it may have been used already.")}</p>
                <p class="app-body">{t("If you have not finished making your account, make it again to get a new link. If you can already sign in, sign in and ask for a new link.")}</p>
                <p class="app-body"><A href="/create-account">{t("Create an account")}</A></p>
                <p class="app-body"><A href="/sign-in">{t("Sign in")}</A></p>
            }
            .into_any()
        }}
    }
}
