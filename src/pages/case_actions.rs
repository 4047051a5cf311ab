//! The actions a resident can take on a case, a page each.

pub mod add_information_page;
pub mod ask_for_panel_page;
pub mod ask_for_review_page;
pub mod not_understood_page;
pub mod satisfaction_page;
pub mod withdraw_page;

use leptos::prelude::*;

use crate::components::signed_in::SignedIn;
use crate::routes::Route;

/// Every action page behind one lazy entry (each entry costs the first
/// page's code a loader of its own), each made only once the session is
/// known, so that from the first paint it speaks to the resident, or of them
/// to someone acting for them.
#[component]
pub fn CaseActionPage() -> impl IntoView {
    view! { <SignedIn>{action_page}</SignedIn> }
}

fn action_page() -> AnyView {
    let location = crate::router::use_location();
    match Route::matching(&location.pathname.get_untracked()) {
        Route::AddInformation => view! { <add_information_page::AddInformationPage /> }.into_any(),
        Route::NotUnderstood => view! { <not_understood_page::NotUnderstoodPage /> }.into_any(),
        Route::AskForReview => view! { <ask_for_review_page::AskForReviewPage /> }.into_any(),
        Route::AskForPanel => view! { <ask_for_panel_page::AskForPanelPage /> }.into_any(),
        Route::Withdraw => view! { <withdraw_page::WithdrawPage /> }.into_any(),
        _ => view! { <satisfaction_page::SatisfactionPage /> }.into_any(),
    }
}
