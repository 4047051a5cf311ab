//! `/forgot-password`: ask for a link to reset a forgotten password. The
//! answer is the same whether or not an account uses the address, so the
//! page cannot be used to find out who has an account.

use domain::api::account_security::PasswordResetRequest;
use domain::validation::FieldError;
use leptos::prelude::*;

use crate::api;
use crate::components::error_summary::ErrorSummary;
use crate::components::text_input::TextInput;
use crate::components::title::Title;
use crate::form::page_title;
use crate::i18n::{t, tf};
use crate::router::A;

#[component]
pub fn ForgotPasswordPage() -> impl IntoView {
    let email = RwSignal::new(String::new());
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let sent_to = RwSignal::new(None::<String>);
    let send = Action::new_local(|input: &PasswordResetRequest| {
        let input = input.clone();
        async move {
            api::account_security::send_reset_link(&input)
                .await
                .map(|()| input.email)
        }
    });
    Effect::new(move |_| match send.value().get() {
        Some(Ok(address)) => sent_to.set(Some(address.trim().to_owned())),
        Some(Err(error)) => errors.set(error.field_errors()),
        None => {}
    });
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let input = PasswordResetRequest {
            email: email.get_untracked(),
        };
        match input.validate() {
            Err(found) => errors.set(found),
            Ok(_) => {
                errors.set(Vec::new());
                send.dispatch(input);
            }
        }
    };
    view! {
        <Show
            when=move || sent_to.get().is_some()
            fallback=move || view! {
                <Title text=move || page_title(t("Reset your password"), !errors.get().is_empty()) />
                <div class="app-grid-column-two-thirds">
                    <ErrorSummary errors=errors />
                    <h1 class="app-heading-l">{t("Reset your password")}</h1>
                    <p class="app-body">{t("Enter the email address of your account. We will send you a link to choose a new password.")}</p>
                    <form novalidate on:submit=submit>
                        <TextInput field="email" label=t("Email address") value=email errors=errors
                            input_type="email" autocomplete="email" spellcheck=false />
                        <button type="submit" class="app-button" disabled=move || send.pending().get()>
                            {t("Send the link")}
                        </button>
                    </form>
                    <p class="app-body"><A href="/sign-in">{t("Sign in")}</A></p>
                </div>
            }
        >
            <Title text=t("Check your email") />
            <div class="app-grid-column-two-thirds">
                <h1 class="app-heading-l">{t("Check your email")}</h1>
                <p class="app-body">{move || tf(
                    "If an account uses {email}, we have sent a link to it. The link works for 1 hour.",
                    &[("email", &sent_to.get().unwrap_or_default())],
                )}</p>
                <p class="app-body">{t("If no email comes, check your spam folder, or ask for another link in a few minutes.")}</p>
                <p class="app-body">
                    <button type="button" class="app-button app-button--secondary" on:click=move |_| sent_to.set(None)>
                        {t("Ask for another link")}
                    </button>
                </p>
                <p class="app-body"><A href="/sign-in">{t("Sign in")}</A></p>
            </div>
        </Show>
    }
}
