use crate::components::title::Title;
use crate::i18n::t;
use domain::api::account::{messages, SignIn};
use domain::api::second_factor::SecondFactorStep;
use domain::validation::{FieldError, Problems};
use leptos::prelude::*;

use crate::api::accounts::SignInAnswer;
use crate::api::{self, ClientError};
use crate::components::checkbox::shared_device_checkbox;
use crate::components::error_summary::ErrorSummary;
use crate::components::password_input::PasswordInput;
use crate::components::text_input::TextInput;
use crate::form::page_title;
use crate::pages::second_factor_page;
use crate::router::{use_navigate, use_query_map, A};
use crate::session::use_session;

/// Where to go after signing in: a path inside the app, never another site.
pub fn safe_next(next: Option<String>) -> String {
    next.filter(|n| n.starts_with('/') && !n.starts_with("//"))
        .unwrap_or_else(|| "/cases".into())
}

/// Sign in with an email address and password.
#[component]
pub fn SignInPage() -> impl IntoView {
    let session = use_session();
    let navigate = use_navigate();
    let query = use_query_map();
    let email = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let errors = RwSignal::new(Vec::<FieldError>::new());
    // Held back by the account's throttle: someone may be guessing at it.
    let held_back = RwSignal::new(false);
    let sign_in = Action::new_local(|input: &SignIn| {
        let input = input.clone();
        async move { api::accounts::sign_in(&input).await }
    });
    Effect::new(move |_| {
        if let Some(result) = sign_in.value().get() {
            match result {
                Ok(SignInAnswer::SignedIn(signed_in)) => {
                    session.signed_in(signed_in);
                    navigate(
                        &safe_next(query.with_untracked(|q| q.get("next"))),
                        Default::default(),
                    );
                }
                // Staff and admins: the second step, on its own page.
                Ok(SignInAnswer::SecondFactor(needed)) => {
                    let path = match needed.next {
                        SecondFactorStep::SecondFactor => second_factor_page::CODE_PATH,
                        SecondFactorStep::SetUpSecondFactor => second_factor_page::SET_UP_PATH,
                    };
                    let next = query.with_untracked(|q| q.get("next"));
                    navigate(
                        &second_factor_page::with_next(path, next),
                        Default::default(),
                    );
                }
                Err(error) => {
                    password.set(String::new());
                    held_back.set(matches!(error, ClientError::TooManyAttempts { .. }));
                    errors.set(match error {
                        // The server's 401 here is a wrong email or password,
                        // not a session that ended.
                        ClientError::SignedOut => {
                            vec![FieldError::new("email", messages::SIGN_IN_FAILED)]
                        }
                        other => other.field_errors(),
                    });
                }
            }
        }
    });
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let mut problems = Problems::new();
        if email.get_untracked().trim().is_empty() {
            problems.add("email", messages::EMAIL_MISSING);
        }
        if password.get_untracked().is_empty() {
            problems.add("password", messages::PASSWORD_MISSING);
        }
        match problems.into_result() {
            Err(found) => errors.set(found),
            Ok(()) => {
                errors.set(Vec::new());
                sign_in.dispatch(SignIn {
                    email: email.get_untracked(),
                    password: password.get_untracked(),
                });
            }
        }
    };
    view! {
        <Title text=move || page_title(t("Sign in"), !errors.get().is_empty()) />
        <div class="app-grid-column-two-thirds">
            <ErrorSummary errors=errors />
            <h1 class="app-heading-l">{t("Sign in")}</h1>
            // The server gives the browser that resets the password the
            // account's device cookie, which the throttle does not hold back.
            <Show when=move || held_back.get()>
                <div class="app-inset-text" data-testid="held-back">
                    <p class="app-body">
                        {t("If you cannot wait, reset your password with a link we email to you. This browser can then sign in straight away.")}
                        " "<A href="/forgot-password">{t("Reset your password")}</A>
                    </p>
                </div>
            </Show>
            <form novalidate on:submit=submit>
                <TextInput field="email" label=t("Email address") value=email errors=errors
                    input_type="email" autocomplete="email" spellcheck=false />
                <PasswordInput field="password" label=t("Password") value=password errors=errors
                    autocomplete="current-password" />
                {shared_device_checkbox()}
                <button type="submit" class="app-button" disabled=move || sign_in.pending().get()>
                    {t("Sign in")}
                </button>
            </form>
            <p class="app-body"><A href="/forgot-password">{t("Forgotten your password?")}</A></p>
            <p class="app-body">{t("If you have just made an account, open the link we emailed you before you sign in.")}</p>
            <p class="app-body">{t("Do not have an account? ")}<A href="/create-account">{t("Create an account")}</A>"."</p>
            <p class="app-body">{t("You can also complain without an account: ")}<A href="/help">{t("find other ways to complain")}</A>"."</p>
        </div>
    }
}
