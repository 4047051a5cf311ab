use crate::i18n::t;
use crate::router::use_navigate;
use crate::router::A;
use domain::policy::ScreeningResult;
use leptos::prelude::*;

use crate::complaint_draft::{screening_heading, Step, NO_REASON, OTHER_REASON};
use crate::components::radios::{Choice, Radios};
use crate::components::textarea::Textarea;
use crate::components::warning_text::WarningText;
use crate::pages::raise_complaint::complaint_question::ComplaintQuestion;
use crate::pages::raise_complaint::hazard_first::{emergency_number, DoThisNow};
use crate::pages::raise_complaint::use_journey;

/// Between the questions, when the policy's screening has something to say:
/// kindly, what it is, what to do instead, and (where the policy allows) the
/// choice to go on as a complaint.
#[component]
pub fn ComplaintScreeningPage() -> impl IntoView {
    let journey = use_journey();
    // Screening may not have been asked (no connection at the time, or the
    // server found something on send): ask now when the answers have changed.
    let request = journey
        .with_policy(|_, today| journey.draft.with_untracked(|d| d.screening_request(today)));
    let fresh = journey.draft.with_untracked(|d| d.screened_for == request);
    let ready = RwSignal::new(fresh);
    if let (false, Some(request)) = (fresh, request) {
        leptos::task::spawn_local(async move {
            if let Ok(answer) = crate::api::cases::screen(&request).await {
                journey.draft.update(|d| {
                    let after = d.screened_after.unwrap_or(Step::WhatHappened);
                    d.screened(request, answer.results, after);
                    d.hazard = answer.hazard;
                });
            }
            ready.set(true);
        });
    }
    move || {
        if ready.get() {
            screening_body().into_any()
        } else {
            view! {
                <h1 class="app-heading-l">{Step::Screening.title()}</h1>
                <p class="app-body" role="status">{t("Checking your answers…")}</p>
            }
            .into_any()
        }
    }
}

fn screening_body() -> impl IntoView {
    let journey = use_journey();
    let navigate = use_navigate();
    let step = Step::Screening;
    let errors = journey.page_errors(step);
    let results = journey.draft.with_untracked(|d| d.screening.clone());
    let refused = journey.draft.with_untracked(|d| d.refused().cloned());
    let limit = journey
        .draft
        .with_untracked(|d| d.outside_time_limit().cloned());
    let heading = match results.as_slice() {
        [only] => screening_heading(only),
        _ => step.title().to_owned(),
    };
    let several = results.len() > 1;
    let sections = results
        .iter()
        .map(|r| result_section(r, several))
        .collect_view();
    let choice = journey.bind(
        |d| d.time_limit_choice.clone(),
        |d, v| d.time_limit_choice = v,
    );
    let other = journey.bind(
        |d| d.time_limit_other.clone(),
        |d, v| d.time_limit_other = v,
    );
    let back_to_details = Step::WhatHappened.path();
    // A possible hazard comes first, with the page's heading; the rest of
    // the page then heads its part with an h2.
    let hazard = journey.draft.with_untracked(|d| d.hazard.clone());
    let hazard_first = hazard.is_some();
    let number = journey
        .with_policy(|policy, _| emergency_number(policy))
        .flatten();
    let do_this_now = hazard.map(|hazard| view! { <DoThisNow hazard=hazard number=number /> });
    let heading_view = if hazard_first {
        view! { <h2 class="app-heading-l">{heading.clone()}</h2> }.into_any()
    } else {
        view! { <h1 class="app-heading-l">{heading.clone()}</h1> }.into_any()
    };

    if results.is_empty() && hazard_first {
        let on_continue = move || {
            journey.draft.update(|d| d.go_on_past_screening());
            navigate(journey.next(step).path(), Default::default());
        };
        return view! {
            <ComplaintQuestion step=step errors=errors on_continue=on_continue button=t("Continue with my complaint")>
                {do_this_now}
            </ComplaintQuestion>
        }
        .into_any();
    }

    if results.is_empty() {
        return view! {
            <h1 class="app-heading-l">{t("Nothing to check")}</h1>
            <p class="app-body">{t("We have nothing to tell you about your answers before you go on.")}</p>
            <A href=journey.next(step).path() attr:class="app-button">{t("Continue")}</A>
        }
        .into_any();
    }

    if let Some(refused) = refused {
        return view! {
            <crate::components::title::Title text=heading.clone() />
            <div class="app-grid-column-two-thirds">
                {do_this_now}
                {heading_view}
                {sections}
                <WarningText>{t("We cannot look at this as a complaint. ")}{refused.instead.clone()}</WarningText>
                <p class="app-body">
                    {t("If we have misunderstood, ")}
                    <A href=back_to_details>{t("change what you told us")}</A>
                    {t(". Your answers are kept on this device.")}
                </p>
                <p class="app-body"><A href="/help">{t("Find other ways to get help")}</A></p>
            </div>
        }
        .into_any();
    }

    let time_limit_question = limit.filter(|l| !l.exceptions.is_empty()).map(|limit| {
        let mut choices: Vec<Choice> = limit.exceptions.iter().map(|e| Choice::new(e.clone(), e.clone()).in_english()).collect();
        choices.push(Choice::new(OTHER_REASON, t("Another reason")));
        choices.push(Choice::new(NO_REASON, t("No, none of these apply")));
        view! {
            <Radios field="time_limit_reason" legend=t("Does one of these apply to you?") choices=choices value=choice errors=errors />
            <Show when=move || choice.get() == OTHER_REASON>
                <div class="app-radios__conditional">
                    <Textarea field="time_limit_other" label=t("Why could you not complain sooner?") value=other errors=errors rows=4 />
                </div>
            </Show>
        }
    });
    let on_continue = move || {
        if journey.check_step(step, errors) {
            journey.draft.update(|d| d.go_on_past_screening());
            navigate(journey.next(step).path(), Default::default());
        }
    };
    view! {
        <ComplaintQuestion step=step errors=errors on_continue=on_continue button=t("Continue with my complaint")>
            {do_this_now}
            {heading_view}
            {sections}
            {time_limit_question}
            <p class="app-body">
                {t("You can still make a complaint. We will read it and tell you how we will deal with it.")}
            </p>
        </ComplaintQuestion>
        <div class="app-grid-column-two-thirds">
            <p class="app-body">
                {t("If we have misunderstood, ")}<A href=back_to_details>{t("change what you told us")}</A>
                {t(". Your answers are kept on this device, so you can come back later.")}
            </p>
        </div>
    }
    .into_any()
}

/// What one screening result says: why, and what to do instead.
fn result_section(result: &ScreeningResult, with_title: bool) -> impl IntoView {
    let exceptions = (!result.exceptions.is_empty()).then(|| {
        let items = result
            .exceptions
            .iter()
            .map(|e| view! { <li lang="en-GB">{e.clone()}</li> })
            .collect_view();
        view! {
            <p class="app-body">{t("The time limit does not apply if:")}</p>
            <ul class="app-list app-list--bullet">{items}</ul>
        }
    });
    view! {
        <section class="app-screening">
            {with_title.then(|| view! { <h2 class="app-heading-m" lang="en-GB">{result.title.clone()}</h2> })}
            <p class="app-body" lang="en-GB">{result.explanation.clone()}</p>
            {exceptions}
            <div class="app-inset-text">
                {if with_title {
                    view! { <h3 class="app-heading-s">{t("What you can do instead")}</h3> }.into_any()
                } else {
                    view! { <h2 class="app-heading-s">{t("What you can do instead")}</h2> }.into_any()
                }}
                <p class="app-body" lang="en-GB">{result.instead.clone()}</p>
            </div>
        </section>
    }
}
