use crate::components::title::Title;
use crate::i18n::{n_, t};
use domain::api::cases::{messages, SatisfactionRequest};
use domain::endpoints::cases::RecordSatisfaction;
use domain::validation::FieldError;
use leptos::prelude::*;

use crate::case_action::{action, case_id, reader};
use crate::components::back_link::BackLink;
use crate::components::error_summary::ErrorSummary;
use crate::components::radios::{Choice, Radios};
use crate::components::textarea::Textarea;
use crate::form::page_title;

/// Say whether the response put things right.
#[component]
pub fn SatisfactionPage() -> impl IntoView {
    let id = case_id();
    let advocate = reader() == crate::next_step_words::Reader::Advocate;
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let satisfied = RwSignal::new(String::new());
    let comment = RwSignal::new(String::new());
    let send = action(id, RecordSatisfaction, "satisfaction", errors);
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let comment = comment.get_untracked().trim().to_owned();
        let comment = (!comment.is_empty()).then_some(comment);
        match satisfied.get_untracked().as_str() {
            "yes" => {
                send.dispatch(SatisfactionRequest {
                    satisfied: true,
                    comment,
                });
            }
            "no" => {
                send.dispatch(SatisfactionRequest {
                    satisfied: false,
                    comment,
                });
            }
            _ => errors.set(vec![FieldError::new(
                "satisfied",
                if advocate {
                    n_("Select if they are satisfied with our response")
                } else {
                    messages::SATISFIED_MISSING
                },
            )]),
        }
    };
    view! {
        <Title text=move || page_title(if advocate { t("Are they satisfied with our response?") } else { t("Are you satisfied with our response?") }, !errors.get().is_empty()) />
            <BackLink href=format!("/cases/{}", id.get_untracked()) />
            <div class="app-grid-column-two-thirds">
                <ErrorSummary errors=errors />
                <form novalidate on:submit=submit>
                    <Radios field="satisfied" legend={if advocate { t("Are they satisfied with our response?") } else { t("Are you satisfied with our response?") }} value=satisfied errors=errors is_page_heading=true
                        choices=vec![Choice::new("yes", t("Yes")), Choice::new("no", t("No"))] />
                    <Textarea field="comment" label={if advocate { t("Anything else you or they want to tell us (optional)") } else { t("Anything else you want to tell us (optional)") }} value=comment errors=errors />
                    <button type="submit" class="app-button" disabled=move || send.pending().get()>{t("Send")}</button>
                </form>
                <p class="app-body">{if advocate { t("If they are not satisfied, you can also ask for a review for them, or contact the Housing Ombudsman.") } else { t("If you are not satisfied, you can also ask for a review, or contact the Housing Ombudsman.") }}</p>
            </div>
    }
}
