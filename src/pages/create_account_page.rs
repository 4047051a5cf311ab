use crate::components::title::Title;
use crate::i18n::{t, tf};
use crate::router::A;
use domain::api::account::{Registration, Role};
use domain::validation::FieldError;
use leptos::prelude::*;

use crate::api;
use crate::components::checkbox::shared_device_checkbox;
use crate::components::error_summary::ErrorSummary;
use crate::components::password_input::PasswordInput;
use crate::components::radios::{Choice, Radios};
use crate::components::text_input::TextInput;
use crate::form::page_title;

/// Create an account: a resident, or someone acting for residents. The
/// server answers the same whether or not the address has an account, and
/// emails it either a link to finish or a note that it has one; so the page
/// says to check that email.
#[component]
pub fn CreateAccountPage() -> impl IntoView {
    let name = RwSignal::new(String::new());
    let email = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let role = RwSignal::new("resident".to_owned());
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let sent_to = RwSignal::new(None::<String>);
    let register = Action::new_local(|input: &Registration| {
        let input = input.clone();
        async move { api::accounts::register(&input).await }
    });
    Effect::new(move |_| {
        if let Some(result) = register.value().get() {
            match result {
                Ok(()) => {
                    password.set(String::new());
                    sent_to.set(Some(email.get_untracked().trim().to_owned()));
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
    let form = move || {
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
    };
    view! {
        {move || match sent_to.get() {
            None => form().into_any(),
            Some(address) => view! { <CheckYourEmail address=address sent_to=sent_to /> }.into_any(),
        }}
    }
}

/// What registering leads to: the link to finish is in the email.
#[component]
fn CheckYourEmail(address: String, sent_to: RwSignal<Option<String>>) -> impl IntoView {
    let heading = NodeRef::<leptos::html::H1>::new();
    // The page changed without a new address: move focus to its heading so
    // that screen readers say it.
    Effect::new(move |_| {
        if let Some(h) = heading.get() {
            let _ = h.focus();
        }
    });
    view! {
        <Title text=t("Check your email") />
        <div class="app-grid-column-two-thirds" data-testid="check-your-email">
            <h1 class="app-heading-l" tabindex="-1" node_ref=heading>{t("Check your email")}</h1>
            <p class="app-body">{tf("We have sent an email to {email}.", &[("email", &address)])}</p>
            <p class="app-body">{t("Open the link in it within 24 hours to finish making your account. You will be asked for the password you chose.")}</p>
            <p class="app-body">{t("If this address already has an account, the email tells you how to sign in instead.")}</p>
            <h2 class="app-heading-m">{t("If the email has not arrived")}</h2>
            <p class="app-body">{t("Check your spam or junk folder. It can take a few minutes to arrive.")}</p>
            <p class="app-body">{t("If you typed the wrong address, or the link no longer works, ")}<a href="/create-account"
                    on:click=move |ev: leptos::ev::MouseEvent| {
                        // The same page, with the form again as it was.
                        ev.prevent_default();
                        sent_to.set(None);
                    }>{t("make your account again")}</a>"."</p>
        </div>
    }
}
