//! The account's security pages (the account, its password, its sessions,
//! deleting it, and resetting a forgotten password) behind one lazy entry:
//! each entry costs the first page's code a loader of its own, and these
//! pages are visited together or not at all.

use leptos::prelude::*;

use crate::pages::account_page::change_password_page::ChangePasswordPage;
use crate::pages::account_page::delete_account_page::{AccountDeletedPage, DeleteAccountPage};
use crate::pages::account_page::forgot_password_page::ForgotPasswordPage;
use crate::pages::account_page::reset_password_page::ResetPasswordPage;
use crate::pages::account_page::sessions_page::SessionsPage;
use crate::pages::account_page::AccountPage;
use crate::routes::Route;

/// The page the address names; the router makes it afresh for each route.
#[component]
pub fn AccountPages() -> impl IntoView {
    let location = crate::router::use_location();
    match Route::matching(&location.pathname.get_untracked()) {
        Route::ChangePassword => view! { <ChangePasswordPage /> }.into_any(),
        Route::AccountSessions => view! { <SessionsPage /> }.into_any(),
        Route::DeleteAccount => view! { <DeleteAccountPage /> }.into_any(),
        Route::AccountDeleted => view! { <AccountDeletedPage /> }.into_any(),
        Route::ForgotPassword => view! { <ForgotPasswordPage /> }.into_any(),
        Route::ResetPassword => view! { <ResetPasswordPage /> }.into_any(),
        _ => view! { <AccountPage /> }.into_any(),
    }
}
