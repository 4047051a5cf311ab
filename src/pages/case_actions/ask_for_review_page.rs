use crate::components::title::Title;
use crate::i18n::{t, tf};
use domain::api::cases::EscalationRequest;
use domain::endpoints::cases::RequestEscalation;
use domain::validation::FieldError;
use leptos::prelude::*;

use crate::case_action::{action, case_id, load_case, reader};
use crate::case_words::window_sentence;
use crate::components::action_unavailable::{blocked, ActionUnavailable};
use crate::components::back_link::BackLink;
use crate::components::error_summary::ErrorSummary;
use crate::components::textarea::Textarea;
use crate::form::page_title;
use domain::case::ResidentAction;

/// Ask for a stage 2 review. No reason is required (Complaint Handling Code).
#[component]
pub fn AskForReviewPage() -> impl IntoView {
    let id = case_id();
    let reader = reader();
    let advocate = reader == crate::next_step_words::Reader::Advocate;
    let case = load_case(id);
    let unavailable = blocked(case, ResidentAction::RequestEscalation);
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let reason = RwSignal::new(String::new());
    let send = action(id, RequestEscalation, "review", errors);
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let reason = reason.get_untracked().trim().to_owned();
        send.dispatch(EscalationRequest {
            reason: (!reason.is_empty()).then_some(reason),
        });
    };
    view! {
        <Title text=move || page_title(if advocate { t("Ask for a review of their complaint") } else { t("Ask for a review of your complaint") }, !errors.get().is_empty()) />
            <BackLink href=format!("/cases/{}", id.get_untracked()) />
            <div class="app-grid-column-two-thirds">
                <ErrorSummary errors=errors />
                <h1 class="app-heading-l">{if advocate { t("Ask for a review of their complaint") } else { t("Ask for a review of your complaint") }}</h1>
                <Transition fallback=|| ()>
                    {move || Suspend::new(async move {
                        case.await.ok().map(|c| view! {
                            <p class="app-body">{tf("Reference {reference}", &[("reference", &c.reference)])}</p>
                            {c.view.open_window.map(|w| view! { <p class="app-body">{window_sentence(&w, c.view.today, reader)}</p> })}
                        })
                    })}
                </Transition>
                <p class="app-body">{if advocate { t("If they are not happy with our response, a more senior member of staff who has not been involved will look at their complaint again. This is stage 2.") } else { t("If you are not happy with our response, a more senior member of staff who has not been involved will look at your complaint again. This is stage 2.") }}</p>
                <ActionUnavailable action=ResidentAction::RequestEscalation why=unavailable case_id=id reader=reader />
                <form novalidate on:submit=submit hidden=move || unavailable.get().is_some()>
                    <Textarea field="reason" label={if advocate { t("Tell us why they are not happy (optional)") } else { t("Tell us why you are not happy (optional)") }} value=reason errors=errors
                        hint={if advocate { t("You do not have to give a reason. If you do, it helps us understand what they would still like us to put right.") } else { t("You do not have to give a reason. If you do, it helps us understand what you would still like us to put right.") }} />
                    <button type="submit" class="app-button" disabled=move || send.pending().get()>{t("Ask for a review")}</button>
                </form>
            </div>
    }
}
