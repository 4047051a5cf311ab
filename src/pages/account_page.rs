//! "Your account" (issue 13, finding 11): who is signed in, and the way to
//! change the password, see where the account is signed in, and delete it.
//! Reached from the settings page. The pages that reset a forgotten
//! password, reached from the sign-in page, are here too.

pub mod change_password_page;
pub mod delete_account_page;
pub mod forgot_password_page;
pub mod recovery_codes;
pub mod reset_password_page;
pub mod sessions_page;

use leptos::prelude::*;

use crate::components::signed_in::SignedIn;
use crate::components::summary_list::{SummaryList, SummaryRow};
use crate::components::title::Title;
use crate::i18n::t;
use crate::router::A;
use crate::session::use_session;

#[component]
pub fn AccountPage() -> impl IntoView {
    view! {
        <SignedIn>
            <YourAccount />
        </SignedIn>
    }
}

#[component]
fn YourAccount() -> impl IntoView {
    let session = use_session();
    let user = move || session.user.get();
    view! {
        <Title text=t("Your account") />
        <div class="app-grid-column-two-thirds">
            <h1 class="app-heading-l">{t("Your account")}</h1>
            {move || user().map(|user| {
                let staff = user.role.is_staff();
                view! {
                    <SummaryList rows=vec![
                        SummaryRow { key: t("Full name").to_owned(), value: user.name.clone(), change: None },
                        SummaryRow { key: t("Email address").to_owned(), value: user.email.clone(), change: None },
                    ] />
                    <ul class="app-list">
                        <li><A href="/account/password">{t("Change your password")}</A></li>
                        <li><A href="/account/sessions">{t("Where you are signed in")}</A></li>
                        {(!staff).then(|| view! { <li><A href="/account/delete">{t("Delete your account")}</A></li> })}
                    </ul>
                    {staff.then(|| view! {
                        <p class="app-body">{t("Staff accounts are closed by an administrator.")}</p>
                        <recovery_codes::RecoveryCodesSection />
                    })}
                }
            })}
            <p class="app-body"><A href="/settings">{t("Settings")}</A></p>
        </div>
    }
}
