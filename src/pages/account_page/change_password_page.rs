//! `/account/password`: change the password, confirmed by the current one.
//! Every other device is signed out, and the account's address is told.

use domain::api::account_security::PasswordChange;
use domain::validation::FieldError;
use leptos::prelude::*;

use crate::api::{self, ClientError};
use crate::components::error_summary::ErrorSummary;
use crate::components::password_input::PasswordInput;
use crate::components::signed_in::SignedIn;
use crate::components::title::Title;
use crate::form::page_title;
use crate::i18n::{t, tf};
use crate::router::A;
use crate::session::use_session;

#[component]
pub fn ChangePasswordPage() -> impl IntoView {
    view! {
        <SignedIn>
            <ChangePassword />
        </SignedIn>
    }
}

#[component]
fn ChangePassword() -> impl IntoView {
    let session = use_session();
    let current = RwSignal::new(String::new());
    let new = RwSignal::new(String::new());
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let changed = RwSignal::new(false);
    let change = Action::new_local(|input: &PasswordChange| {
        let input = input.clone();
        async move { api::account_security::change_password(&input).await }
    });
    Effect::new(move |_| match change.value().get() {
        Some(Ok(())) => {
            current.set(String::new());
            new.set(String::new());
            changed.set(true);
        }
        Some(Err(ClientError::SignedOut)) => session.signed_out(),
        Some(Err(error)) => {
            current.set(String::new());
            errors.set(error.field_errors());
        }
        None => {}
    });
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let input = PasswordChange {
            current_password: current.get_untracked(),
            new_password: new.get_untracked(),
        };
        match input.validate() {
            Err(found) => errors.set(found),
            Ok(()) => {
                errors.set(Vec::new());
                change.dispatch(input);
            }
        }
    };
    let email = move || {
        session
            .user
            .with(|u| u.as_ref().map(|u| u.email.clone()).unwrap_or_default())
    };
    view! {
        <Show
            when=move || changed.get()
            fallback=move || view! {
                <Title text=move || page_title(t("Change your password"), !errors.get().is_empty()) />
                <div class="app-grid-column-two-thirds">
                    <ErrorSummary errors=errors />
                    <h1 class="app-heading-l">{t("Change your password")}</h1>
                    <p class="app-body">{t("When you change your password, we sign you out on every other device.")}</p>
                    <form novalidate on:submit=submit>
                        <PasswordInput field="current_password" label=t("Current password") value=current errors=errors
                            autocomplete="current-password" />
                        <PasswordInput field="new_password" label=t("New password") value=new errors=errors
                            hint=t("Use 8 characters or more. A few words you will remember, like three random words, make a strong password")
                            autocomplete="new-password" />
                        <button type="submit" class="app-button" disabled=move || change.pending().get()>
                            {t("Change password")}
                        </button>
                    </form>
                    <p class="app-body"><A href="/account">{t("Back to your account")}</A></p>
                </div>
            }
        >
            <Title text=t("Your password has been changed") />
            <div class="app-grid-column-two-thirds">
                <div class="app-panel app-panel--confirmation">
                    <h1 class="app-panel__title">{t("Your password has been changed")}</h1>
                </div>
                <p class="app-body">{t("You are still signed in on this device. We have signed you out everywhere else.")}</p>
                <p class="app-body">{move || tf("We have sent an email to {email} to say so.", &[("email", &email())])}</p>
                <p class="app-body"><A href="/account">{t("Back to your account")}</A></p>
            </div>
        </Show>
    }
}
