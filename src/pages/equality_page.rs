//! The optional equality monitoring questions about a case (issue 18, item
//! 5; Pioneer §11: "All feedback received will be monitored in terms of
//! gender, age, ethnicity, disability or other protected characteristic
//! (where known)"). Only the resident is asked; the people dealing with the
//! case never see the answers, which only the landlord's figures count.

use domain::equality::{Characteristic, EqualityAnswers, EqualityQuestions};
use domain::validation::FieldError;
use leptos::prelude::*;

use crate::api;
use crate::case_action::case_id;
use crate::components::back_link::BackLink;
use crate::components::error_summary::ErrorSummary;
use crate::components::radios::{Choice, Radios};
use crate::components::signed_in::SignedIn;
use crate::components::title::Title;
use crate::i18n::t;
use crate::router::use_navigate;

#[component]
pub fn EqualityPage() -> impl IntoView {
    view! { <SignedIn>{|| view! { <EqualityQuestionsForm /> }}</SignedIn> }
}

/// Each question's answers as the page offers them, in the order of
/// [`Characteristic::values`].
fn choices(characteristic: Characteristic) -> Vec<Choice> {
    let labels: &[&str] = match characteristic {
        Characteristic::Gender => &[
            t("Woman"),
            t("Man"),
            t("In another way"),
            t("Prefer not to say"),
        ],
        Characteristic::Age => &[
            t("Under 25"),
            t("25 to 34"),
            t("35 to 44"),
            t("45 to 54"),
            t("55 to 64"),
            t("65 to 74"),
            t("75 or over"),
            t("Prefer not to say"),
        ],
        Characteristic::Ethnicity => &[
            t("Asian or Asian British"),
            t("Black, Black British, Caribbean or African"),
            t("Mixed or multiple ethnic groups"),
            t("White"),
            t("Another ethnic group"),
            t("Prefer not to say"),
        ],
        Characteristic::Disability => &[t("Yes"), t("No"), t("Prefer not to say")],
    };
    characteristic
        .values()
        .iter()
        .zip(labels)
        .map(|(value, label)| Choice::new(*value, *label))
        .collect()
}

#[component]
fn EqualityQuestionsForm() -> impl IntoView {
    let id = case_id();
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let values = Characteristic::ALL.map(|_| RwSignal::new(String::new()));
    let answered = RwSignal::new(false);
    let policy_says = RwSignal::new(String::new());
    let fill = move |questions: &EqualityQuestions| {
        policy_says.set(questions.policy_says.clone());
        let answers = questions.answers.unwrap_or_default();
        answered.set(questions.answers.is_some());
        for (c, value) in Characteristic::ALL.iter().zip(values) {
            value.set(c.value_in(&answers).unwrap_or_default().to_owned());
        }
    };
    let loaded = LocalResource::new(move || {
        let id = id.get();
        async move { api::cases::equality(&id).await }
    });
    let navigate = use_navigate();
    let save = Action::new_local(move |answers: &EqualityAnswers| {
        let (answers, id) = (*answers, id.get_untracked());
        async move { api::cases::save_equality(&id, &answers).await }
    });
    Effect::new(move |_| match save.value().get() {
        Some(Ok(saved)) => {
            let done = if saved.answers.is_some() {
                "equality"
            } else {
                "equality_removed"
            };
            navigate(
                &format!("/cases/{}?done={done}", id.get_untracked()),
                Default::default(),
            );
        }
        Some(Err(error)) => errors.set(error.field_errors()),
        None => {}
    });
    let read = move || {
        let [gender, age, ethnicity, disability] = values.map(|v| v.get_untracked());
        EqualityAnswers::from_values(
            Some(gender.as_str()),
            Some(age.as_str()),
            Some(ethnicity.as_str()),
            Some(disability.as_str()),
        )
    };
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        save.dispatch(read());
    };
    let remove = move |_| {
        save.dispatch(EqualityAnswers::default());
    };
    let title = t("Equality questions (optional)");
    view! {
        <Title text=move || crate::form::page_title(title, !errors.get().is_empty()) />
        <BackLink href=format!("/cases/{}", id.get_untracked()) />
        <div class="app-grid-column-two-thirds">
            <ErrorSummary errors=errors />
            <h1 class="app-heading-l">{title}</h1>
            <p class="app-body">{t("We ask everyone who contacts us these questions, to check that we treat everyone fairly. You do not have to answer them: leave out any you want to.")}</p>
            <p class="app-body">{t("The people dealing with your case cannot see your answers. We only count them together with everyone else's.")}</p>
            <Transition fallback=|| ()>
                {move || Suspend::new(async move {
                    match loaded.await {
                        Ok(questions) => {
                            fill(&questions);
                            view! {
                                <div class="app-inset-text">
                                    <p class="app-body">{t("Our complaints policy says:")}</p>
                                    <p class="app-body" lang="en-GB">{move || policy_says.get()}</p>
                                </div>
                            }.into_any()
                        }
                        Err(_) => view! {
                            <p class="app-body">{t("We do not ask these questions about this case.")}</p>
                        }.into_any(),
                    }
                })}
            </Transition>
            <form novalidate on:submit=submit>
                <Radios field="gender" legend=t("What is your gender?") value=values[0] errors=errors
                    choices=choices(Characteristic::Gender) />
                <Radios field="age" legend=t("How old are you?") value=values[1] errors=errors
                    choices=choices(Characteristic::Age) />
                <Radios field="ethnicity" legend=t("What is your ethnic group?") value=values[2] errors=errors
                    choices=choices(Characteristic::Ethnicity) />
                <Radios field="disability" legend=t("Do you consider yourself to be disabled?") value=values[3] errors=errors
                    hint=t("Under the Equality Act 2010, you are disabled if you have a physical or mental health condition that has lasted, or is likely to last, 12 months or more, and makes it hard to do day-to-day things.")
                    choices=choices(Characteristic::Disability) />
                <div class="app-button-group">
                    <button type="submit" class="app-button" disabled=move || save.pending().get()>{t("Save your answers")}</button>
                    <Show when=move || answered.get()>
                        <button type="button" class="app-button app-button--secondary" on:click=remove disabled=move || save.pending().get()>{t("Remove your answers")}</button>
                    </Show>
                </div>
            </form>
        </div>
    }
}
