//! On a staff or admin account's page: how many recovery codes are left,
//! and a way to make new ones (the password confirms it), shown once. Staff
//! pages are in English.

use domain::api::second_factor::NewRecoveryCodes;
use domain::validation::FieldError;
use leptos::prelude::*;

use crate::api::{self, ClientError};
use crate::components::error_summary::ErrorSummary;
use crate::components::password_input::PasswordInput;
use crate::session::use_session;

fn left_words(left: u32) -> String {
    match left {
        0 => "You have no recovery codes left. Make new ones, so you can still sign in if you lose your authenticator app.".to_owned(),
        1 => "You have 1 recovery code left.".to_owned(),
        n => format!("You have {n} recovery codes left."),
    }
}

#[component]
pub fn RecoveryCodesSection() -> impl IntoView {
    let session = use_session();
    let made = RwSignal::new(None::<Vec<String>>);
    let left = LocalResource::new(move || {
        made.track();
        async move { api::second_factor::codes_left().await }
    });
    let password = RwSignal::new(String::new());
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let make = Action::new_local(|input: &NewRecoveryCodes| {
        let input = input.clone();
        async move { api::second_factor::new_codes(&input).await }
    });
    Effect::new(move |_| match make.value().get() {
        Some(Ok(answer)) => {
            password.set(String::new());
            errors.set(Vec::new());
            made.set(Some(answer.recovery_codes));
        }
        Some(Err(ClientError::SignedOut)) => session.signed_out(),
        Some(Err(error)) => {
            password.set(String::new());
            errors.set(error.field_errors());
        }
        None => {}
    });
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        if password.get_untracked().is_empty() {
            errors.set(vec![FieldError::new("password", "Enter your password")]);
            return;
        }
        errors.set(Vec::new());
        make.dispatch(NewRecoveryCodes {
            password: password.get_untracked(),
        });
    };
    view! {
        <div lang="en-GB" data-testid="recovery-codes-section">
            <h2 class="app-heading-m">"Recovery codes"</h2>
            <ErrorSummary errors=errors />
            <Suspense fallback=|| view! { <p class="app-body" role="status">"Loading…"</p> }>
                {move || Suspend::new(async move {
                    left.await.ok().map(|left| view! {
                        <p class="app-body" data-testid="recovery-codes-left">{left_words(left.left)}</p>
                    })
                })}
            </Suspense>
            {move || match made.get() {
                Some(codes) => view! {
                    <div role="status">
                        <p class="app-body">"These are your new recovery codes. Your old ones no longer work. Each code works once."</p>
                    </div>
                    <div class="app-inset-text">
                        "Keep them somewhere safe, away from your phone: you will not be shown them again."
                    </div>
                    <ol class="app-list app-list--number app-key" data-testid="recovery-codes">
                        {codes.into_iter().map(|c| view! { <li>{c}</li> }).collect_view()}
                    </ol>
                }.into_any(),
                None => view! {
                    <p class="app-body">"If you have used some of your codes, or think someone else has seen them, make new ones. Your old codes will stop working."</p>
                    <form novalidate on:submit=submit>
                        <PasswordInput field="password" label="Enter your password to make new codes" value=password errors=errors
                            autocomplete="current-password" />
                        <button type="submit" class="app-button app-button--secondary" disabled=move || make.pending().get()>
                            "Make new recovery codes"
                        </button>
                    </form>
                }.into_any(),
            }}
        </div>
    }
}
