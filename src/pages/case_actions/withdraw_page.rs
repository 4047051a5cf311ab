use crate::components::title::Title;
use crate::i18n::{n_, t};
use domain::api::cases::{messages, WithdrawalRequest};
use domain::endpoints::cases::WithdrawCase;
use domain::validation::FieldError;
use leptos::prelude::*;

use crate::case_action::{action, case_id, reader};
use crate::components::back_link::BackLink;
use crate::components::error_summary::ErrorSummary;
use crate::components::radios::{Choice, Radios};
use crate::components::textarea::Textarea;
use crate::form::page_title;

/// Withdraw a complaint, after a confirmation step.
#[component]
pub fn WithdrawPage() -> impl IntoView {
    let id = case_id();
    let advocate = reader() == crate::next_step_words::Reader::Advocate;
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let confirm = RwSignal::new(String::new());
    let reason = RwSignal::new(String::new());
    let send = action(id, WithdrawCase, "withdrawn", errors);
    let navigate = crate::router::use_navigate();
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        match confirm.get_untracked().as_str() {
            "yes" => {
                let reason = reason.get_untracked().trim().to_owned();
                send.dispatch(WithdrawalRequest {
                    confirm: true,
                    reason: (!reason.is_empty()).then_some(reason),
                });
            }
            "no" => navigate(
                &format!("/cases/{}", id.get_untracked()),
                Default::default(),
            ),
            _ => errors.set(vec![FieldError::new(
                "confirm",
                if advocate {
                    n_("Select yes if you want to withdraw their complaint")
                } else {
                    messages::WITHDRAW_NOT_CONFIRMED
                },
            )]),
        }
    };
    view! {
        <Title text=move || page_title(if advocate { t("Withdraw their complaint") } else { t("Withdraw your complaint") }, !errors.get().is_empty()) />
            <BackLink href=format!("/cases/{}", id.get_untracked()) />
            <div class="app-grid-column-two-thirds">
                <ErrorSummary errors=errors />
                <h1 class="app-heading-l">{if advocate { t("Withdraw their complaint") } else { t("Withdraw your complaint") }}</h1>
                <p class="app-warning-text">{if advocate { t("If you withdraw their complaint we will stop looking into it. They can ask us to reopen it, or make a new complaint.") } else { t("If you withdraw your complaint we will stop looking into it. You can ask us to reopen it, or make a new complaint.") }}</p>
                <form novalidate on:submit=submit.clone()>
                    <Radios field="confirm" legend={if advocate { t("Are you sure you want to withdraw their complaint?") } else { t("Are you sure you want to withdraw your complaint?") }} value=confirm errors=errors
                        choices=vec![Choice::new("yes", t("Yes, withdraw it")), Choice::new("no", t("No, keep it open"))] />
                    <Textarea field="reason" label={if advocate { t("Why do they want to withdraw it? (optional)") } else { t("Why are you withdrawing it? (optional)") }} value=reason errors=errors />
                    <button type="submit" class="app-button app-button--warning" disabled=move || send.pending().get()>{t("Continue")}</button>
                </form>
            </div>
    }
}
