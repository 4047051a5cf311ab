use leptos::prelude::*;

use crate::api;
use crate::i18n::{t, tf};
use crate::session::use_session;
use domain::api::account::Role;

/// GOV.UK important notification banner, while the signed-in account's email
/// address is not yet proved: what that holds back, and a way to have the
/// link sent again.
#[component]
pub fn ConfirmEmailBanner() -> impl IntoView {
    let session = use_session();
    let unproved = move || {
        session
            .user
            .with(|u| u.as_ref().map(|u| !u.email_verified).unwrap_or(false))
    };
    let resend =
        Action::new_local(|_: &()| async { api::accounts::send_verification_link().await });
    let said = move || {
        resend.value().get().map(|answer| match answer {
            Ok(()) => t("We have sent a new link. It works for 24 hours.").to_owned(),
            Err(error) => error.to_string(),
        })
    };
    view! {
        <Show when=unproved>
            {move || {
                let (email, advocate) = session
                    .user
                    .with(|u| u.as_ref().map(|u| (u.email.clone(), u.role == Role::Advocate)))
                    .unwrap_or_default();
                view! {
                    <div class="app-notification-banner" role="region" aria-labelledby="confirm-email-title" data-testid="confirm-email">
                        <h2 class="app-notification-banner__heading" id="confirm-email-title">{t("Confirm your email address")}</h2>
                        <p class="app-body">{tf("We sent a link to {email}. Open it to show this address is yours.", &[("email", &email)])}</p>
                        <p class="app-body">{if advocate {
                            t("Until you do, we cannot send you emails, and you cannot act for anyone.")
                        } else {
                            t("Until you do, we cannot send you emails about your complaints.")
                        }}</p>
                        <button type="button" class="app-button app-button--secondary"
                            disabled=move || resend.pending().get()
                            on:click=move |_| { resend.dispatch(()); }>
                            {t("Send a new link")}
                        </button>
                        <p class="app-body" role="status" aria-live="polite">{said}</p>
                    </div>
                }
            }}
        </Show>
    }
}
