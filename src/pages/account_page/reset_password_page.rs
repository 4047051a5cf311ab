//! `/reset-password`: where the link to reset a forgotten password opens.
//! The token is after the `#`, so it never reaches a server log; it is taken
//! out of the address bar at once and kept only in memory.
//!
//! Once the password is changed, every session of the account has ended and
//! the person signs in with the new password: a reset never signs anyone in,
//! so it cannot step round a second factor.

use domain::api::account_security::{messages, PasswordReset};
use domain::validation::FieldError;
use leptos::prelude::*;

use crate::api;
use crate::components::error_summary::ErrorSummary;
use crate::components::password_input::PasswordInput;
use crate::components::title::Title;
use crate::form::page_title;
use crate::i18n::t;
use crate::router::A;
use crate::session::use_session;

#[derive(Clone, Copy, PartialEq)]
enum State {
    Form,
    Done,
    LinkNotValid,
}

fn link_not_valid(errors: &[FieldError]) -> bool {
    errors
        .iter()
        .any(|e| e.message == messages::RESET_LINK_NOT_VALID)
}

#[component]
pub fn ResetPasswordPage() -> impl IntoView {
    let session = use_session();
    let token = window()
        .location()
        .hash()
        .unwrap_or_default()
        .trim_start_matches('#')
        .to_owned();
    if let Ok(history) = window().history() {
        let _ = history.replace_state_with_url(
            &wasm_bindgen::JsValue::NULL,
            "",
            Some("/reset-password"),
        );
    }
    let state = RwSignal::new(if token.is_empty() {
        State::LinkNotValid
    } else {
        State::Form
    });
    // Whether the link still works, asked at once without using it (the
    // server judges the token before the password), so nobody types a new
    // password into a link that has expired.
    if !token.is_empty() {
        let check = PasswordReset {
            token: token.clone(),
            password: String::new(),
        };
        leptos::task::spawn_local(async move {
            if let Err(error) = api::account_security::reset_password(&check).await {
                if link_not_valid(&error.field_errors()) {
                    state.set(State::LinkNotValid);
                }
            }
        });
    }
    let token = StoredValue::new(token);
    let password = RwSignal::new(String::new());
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let reset = Action::new_local(|input: &PasswordReset| {
        let input = input.clone();
        async move { api::account_security::reset_password(&input).await }
    });
    Effect::new(move |_| match reset.value().get() {
        Some(Ok(())) => {
            password.set(String::new());
            token.set_value(String::new());
            // Whoever this browser was signed in as may have been signed out.
            session.check();
            state.set(State::Done);
        }
        Some(Err(error)) => {
            let found = error.field_errors();
            if link_not_valid(&found) {
                state.set(State::LinkNotValid);
            } else {
                errors.set(found);
            }
        }
        None => {}
    });
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let input = PasswordReset {
            token: token.get_value(),
            password: password.get_untracked(),
        };
        match input.validate() {
            Err(found) => errors.set(found),
            Ok(()) => {
                errors.set(Vec::new());
                reset.dispatch(input);
            }
        }
    };
    move || {
        match state.get() {
        State::Form => view! {
            <Title text=move || page_title(t("Choose a new password"), !errors.get().is_empty()) />
            <div class="app-grid-column-two-thirds">
                <ErrorSummary errors=errors />
                <h1 class="app-heading-l">{t("Choose a new password")}</h1>
                <form novalidate on:submit=submit>
                    <PasswordInput field="password" label=t("New password") value=password errors=errors
                        hint=t("Use 8 characters or more. A few words you will remember, like three random words, make a strong password")
                        autocomplete="new-password" />
                    <button type="submit" class="app-button" disabled=move || reset.pending().get()>
                        {t("Change password")}
                    </button>
                </form>
            </div>
        }
        .into_any(),
        State::Done => view! {
            <Title text=t("Your password has been changed") />
            <div class="app-grid-column-two-thirds">
                <div class="app-panel app-panel--confirmation">
                    <h1 class="app-panel__title">{t("Your password has been changed")}</h1>
                </div>
                <p class="app-body">{t("We have signed you out on every device. Sign in with your new password.")}</p>
                <p class="app-body"><A href="/sign-in">{t("Sign in")}</A></p>
            </div>
        }
        .into_any(),
        State::LinkNotValid => view! {
            <Title text=t("This link does not work") />
            <div class="app-grid-column-two-thirds">
                <h1 class="app-heading-l">{t("This link does not work")}</h1>
                <p class="app-body">{t("It may be more than 1 hour old, or it may have been used already.")}</p>
                <p class="app-body"><A href="/forgot-password">{t("Ask for a new link")}</A></p>
            </div>
        }
        .into_any(),
    }
    }
}
