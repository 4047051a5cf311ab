use crate::components::title::Title;
use crate::i18n::t;
use crate::router::use_navigate;
use crate::router::A;
use domain::api::account::{Registration, Role, Session};
use domain::validation::FieldError;
use leptos::prelude::*;

use crate::api;
use crate::components::checkbox::shared_device_checkbox;
use crate::components::error_summary::ErrorSummary;
use crate::components::password_input::PasswordInput;
use crate::components::radios::{Choice, Radios};
use crate::components::text_input::TextInput;
use crate::form::page_title;
use crate::session::use_session;

/// Create an account: a resident, or someone acting for residents.
#[component]
pub fn CreateAccountPage() -> impl IntoView {
    let session = use_session();
    let navigate = use_navigate();
    let name = RwSignal::new(String::new());
    let email = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let role = RwSignal::new("resident".to_owned());
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let register = Action::new_local(|input: &Registration| {
        let input = input.clone();
        async move { api::post::<_, Session>("/accounts", &input, None).await }
    });
    Effect::new(move |_| {
        if let Some(result) = register.value().get() {
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
                Err(error) => errors.set(error.field_errors()),
            }
        }
    });
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let role = if role.get_untracked() == "advocate" {
            Role::Advocate
        } else {
            Role::Resident
        };
        let registration = Registration {
            name: name.get_untracked(),
            email: email.get_untracked(),
            password: password.get_untracked(),
            role,
        };
        match registration.clone().validate() {
            Err(found) => errors.set(found),
            Ok(_) => {
                errors.set(Vec::new());
                register.dispatch(registration);
            }
        }
    };
    view! {
        <Title text=move || page_title(t("Create an account"), !errors.get().is_empty()) />
        <div class="app-grid-column-two-thirds">
            <ErrorSummary errors=errors />
            <h1 class="app-heading-l">{t("Create an account")}</h1>
            <form novalidate on:submit=submit>
                <TextInput field="name" label=t("Full name") value=name errors=errors autocomplete="name" spellcheck=false />
                <TextInput field="email" label=t("Email address") value=email errors=errors
                    hint=t("We will use this to send you updates about your complaints")
                    input_type="email" autocomplete="email" spellcheck=false />
                <PasswordInput field="password" label=t("Create a password") value=password errors=errors
                    hint=t("Use 8 characters or more. A few words you will remember, like three random words, make a strong password")
                    autocomplete="new-password" />
                <Radios field="role" legend=t("Who are you?") value=role errors=errors
                    choices=vec![
                        Choice::new("resident", t("I live in a home from this housing provider, or applied for one")),
                        Choice::new("advocate", t("I act for a resident"))
                            .with_hint(t("For example, a relative, a friend, a support worker, a councillor or Citizens Advice")),
                    ] />
                {shared_device_checkbox()}
                <button type="submit" class="app-button" disabled=move || register.pending().get()>
                    {t("Create account")}
                </button>
            </form>
            <p class="app-body">{t("Already have an account? ")}<A href="/sign-in">{t("Sign in")}</A>"."</p>
        </div>
    }
}
