use crate::i18n::{t, tf};
use leptos::prelude::*;

use crate::session::use_session;

/// GOV.UK success notification banner on the page a new account lands on,
/// saying the account was made and who is signed in. Shown once: the page
/// seen again later does not say it again. The words go into a status
/// region already on the page, so screen readers say them politely.
#[component]
pub fn AccountCreatedBanner() -> impl IntoView {
    let session = use_session();
    let just_created = session.account_created.get_untracked();
    if just_created {
        session.account_created.set(false);
    }
    let email = session
        .user
        .with_untracked(|u| u.as_ref().map(|u| u.email.clone()))
        .unwrap_or_default();
    let shown = RwSignal::new(false);
    if just_created {
        Effect::new(move |_| shown.set(true));
    }
    view! {
        <div role="status" aria-live="polite">
            <Show when=move || shown.get()>
                <div class="app-notification-banner app-notification-banner--success" data-testid="account-created">
                    <h2 class="app-notification-banner__heading">{t("Your account has been created")}</h2>
                    <p class="app-body app-notification-banner__body">
                        {tf("You are signed in as {email}.", &[("email", &email)])}
                    </p>
                </div>
            </Show>
        </div>
    }
}
