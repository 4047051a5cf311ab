//! `/account/delete`: a resident or an advocate deletes their account, once
//! the page has said plainly what happens and their password confirms it;
//! `/account/deleted` says it is done. Staff accounts are closed by an
//! administrator.

use domain::api::account::Role;
use domain::api::account_security::AccountDeletion;
use domain::validation::FieldError;
use leptos::prelude::*;

use crate::api::{self, ClientError};
use crate::components::error_summary::ErrorSummary;
use crate::components::password_input::PasswordInput;
use crate::components::signed_in::SignedIn;
use crate::components::title::Title;
use crate::components::warning_text::WarningText;
use crate::device_data;
use crate::form::page_title;
use crate::i18n::t;
use crate::router::{use_navigate, A};
use crate::session::use_session;
use crate::storage;

#[component]
pub fn DeleteAccountPage() -> impl IntoView {
    view! {
        <SignedIn>
            <DeleteAccount />
        </SignedIn>
    }
}

/// What deleting the account means, for this role.
fn what_happens(role: Role) -> Vec<&'static str> {
    match role {
        Role::Advocate => vec![
            t("you will no longer be able to sign in"),
            t("you will no longer be able to act for anyone, and we will tell the residents you act for"),
            t("complaints you made for residents stay with them and with us"),
            t("we will delete your name, email address, password and settings"),
        ],
        _ => vec![
            t("you will no longer be able to sign in or see your complaints online"),
            t("we will keep our record of your complaints, as we must: each complaint is kept for 6 years after it ends"),
            t("anyone you allowed to act for you will no longer be able to, and we will tell them"),
            t("we will delete your name, email address, password and settings"),
        ],
    }
}

#[component]
fn DeleteAccount() -> impl IntoView {
    let session = use_session();
    let navigate = use_navigate();
    let password = RwSignal::new(String::new());
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let delete = Action::new_local(|input: &AccountDeletion| {
        let input = input.clone();
        async move { api::account_security::delete_account(&input).await }
    });
    Effect::new(move |_| match delete.value().get() {
        Some(Ok(())) => {
            // Nothing of the account stays, in memory or on the device.
            session.signed_out();
            storage::remove_where(device_data::is_typed);
            navigate("/account/deleted", Default::default());
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
        let input = AccountDeletion {
            password: password.get_untracked(),
        };
        match input.validate() {
            Err(found) => errors.set(found),
            Ok(()) => {
                errors.set(Vec::new());
                delete.dispatch(input);
            }
        }
    };
    let role = move || session.user.with(|u| u.as_ref().map(|u| u.role));
    view! {
        <Title text=move || page_title(t("Delete your account"), !errors.get().is_empty()) />
        <div class="app-grid-column-two-thirds">
            <ErrorSummary errors=errors />
            <h1 class="app-heading-l">{t("Delete your account")}</h1>
            {move || match role() {
                None => ().into_any(),
                Some(role) if role.is_staff() => view! {
                    <p class="app-body">{t("Staff accounts are closed by an administrator.")}</p>
                }.into_any(),
                Some(role) => view! {
                    <p class="app-body">{t("If you delete your account:")}</p>
                    <ul class="app-list app-list--bullet">
                        {what_happens(role).into_iter().map(|words| view! { <li>{words}</li> }).collect_view()}
                    </ul>
                    <WarningText>{t("You cannot undo this.")}</WarningText>
                    <form novalidate on:submit=submit>
                        <PasswordInput field="password" label=t("Enter your password to confirm") value=password errors=errors
                            autocomplete="current-password" />
                        <button type="submit" class="app-button app-button--warning" disabled=move || delete.pending().get()>
                            {t("Delete your account")}
                        </button>
                    </form>
                }.into_any(),
            }}
            <p class="app-body"><A href="/account">{t("Back to your account")}</A></p>
        </div>
    }
}

/// After deleting: signed out, and what is gone.
#[component]
pub fn AccountDeletedPage() -> impl IntoView {
    view! {
        <Title text=t("Your account has been deleted") />
        <div class="app-grid-column-two-thirds">
            <div class="app-panel app-panel--confirmation">
                <h1 class="app-panel__title">{t("Your account has been deleted")}</h1>
            </div>
            <p class="app-body">{t("You have been signed out. We have deleted your name, email address, password and settings, and anything you had typed on this device.")}</p>
            <p class="app-body"><A href="/">{t("Continue")}</A></p>
        </div>
    }
}
