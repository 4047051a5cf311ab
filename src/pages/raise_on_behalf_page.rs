use crate::components::reference::Reference;
use crate::components::title::Title;
use crate::i18n::{t, tf};
use crate::router::use_query_map;
use crate::router::A;
use chrono::NaiveDate;
use domain::api::authorisations::AuthorisationView;
use domain::api::cases::{CaseDetail, NewCase};
use domain::policy::Policy;
use domain::validation::FieldError;
use leptos::prelude::*;

use crate::api::{self, ClientError};
use crate::authorisation_words::{needs_insist, on_behalf_key, OnBehalfDraft};
use crate::client_error::ServiceProblem;
use crate::components::back_link::BackLink;
use crate::components::checkbox::Checkbox;
use crate::components::date_input::DateInput;
use crate::components::error_summary::ErrorSummary;
use crate::components::panel::Panel;
use crate::components::problem_with_service::ProblemWithService;
use crate::components::radios::{Choice, Radios};
use crate::components::signed_in::SignedIn;
use crate::components::textarea::Textarea;
use crate::form::page_title;
use crate::pages::authorisations_page::authorisation_fields::{bind, device_draft};
use crate::session::use_session;
use crate::storage;

/// An advocate makes a complaint for a resident, under the authorisation
/// `?for=`, on one page (the resident's journey asks one question a page and
/// is written to the resident). The case records who made it and for whom.
#[component]
pub fn RaiseOnBehalfPage() -> impl IntoView {
    view! {
        <SignedIn>
            <Loader />
        </SignedIn>
    }
}

#[component]
fn Loader() -> impl IntoView {
    let query = use_query_map();
    let id = move || query.with(|q| q.get("for").unwrap_or_default());
    let authorisation = LocalResource::new(move || {
        let id = id();
        async move {
            if id.is_empty() {
                return Err(ClientError::NotFound);
            }
            api::authorisations::get(&id).await
        }
    });
    let policy = LocalResource::new(api::policies::active);
    let health = LocalResource::new(api::health);
    view! {
        <Transition fallback=|| view! { <p class="app-body" role="status">{t("Loading…")}</p> }>
            {move || Suspend::new(async move {
                let found = authorisation.await;
                let effective = policy.await.map(|p| p.effective);
                let today = health.await.map(|h| h.today);
                // A lost connection or the server failing, for any of the three: the problem page.
                let problem = ServiceProblem::first_of([found.as_ref().err(), effective.as_ref().err(), today.as_ref().err()]);
                match (found, effective, today) {
                    (Ok(view), Ok(policy), Ok(today)) if crate::authorisation_words::can_raise(&view) => {
                        view! { <OnBehalfForm authorisation=view policy=policy today=today /> }.into_any()
                    }
                    (Err(ClientError::NotFound), _, _) | (Ok(_), Ok(_), Ok(_)) => {
                        view! { <crate::pages::not_found_page::NotFoundPage /> }.into_any()
                    }
                    (Err(error), _, _) | (_, Err(error), _) | (_, _, Err(error)) => match problem {
                        Some(problem) => view! {
                            <ProblemWithService problem=problem
                                retry=move || { authorisation.refetch(); policy.refetch(); health.refetch(); } />
                        }.into_any(),
                        None => view! {
                            <Title text=t("Sorry, there is a problem") />
                            <h1 class="app-heading-l">{t("Sorry, there is a problem")}</h1>
                            <p class="app-body">{error.to_string()}</p>
                        }.into_any(),
                    },
                }
            })}
        </Transition>
    }
}

#[component]
fn OnBehalfForm(
    authorisation: AuthorisationView,
    policy: Policy,
    today: NaiveDate,
) -> impl IntoView {
    let session = use_session();
    let user_id = session
        .user
        .with_untracked(|u| u.as_ref().map(|u| u.id.clone()))
        .unwrap_or_default();
    let key = on_behalf_key(&user_id, &authorisation.id);
    let draft = device_draft(key.clone(), || {
        OnBehalfDraft::new(storage::new_idempotency_key())
    });
    if draft.with_untracked(|d| d.idempotency_key.is_none()) {
        draft.update(|d| d.idempotency_key = Some(storage::new_idempotency_key()));
    }
    let name = authorisation.resident.name.clone();
    let title = tf("Make a complaint for {name}", &[("name", &name)]);
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let sent = RwSignal::new(None::<CaseDetail>);
    let category = bind(draft, |d| d.category.clone(), |d, v| d.category = v);
    let details = bind(draft, |d| d.details.clone(), |d, v| d.details = v);
    let started = bind(draft, |d| d.started_on.clone(), |d, v| d.started_on = v);
    let outcome = bind(
        draft,
        |d| d.desired_outcome.clone(),
        |d, v| d.desired_outcome = v,
    );
    let insist = bind(draft, |d| d.insist, |d, v| d.insist = v);
    let show_insist = RwSignal::new(draft.with_untracked(|d| d.insist));
    let choices: Vec<Choice> = policy
        .categories
        .iter()
        .map(|c| {
            let choice = Choice::new(c.id.clone(), c.label.clone()).in_english();
            if c.hint.is_empty() {
                choice
            } else {
                choice.with_hint(c.hint.clone())
            }
        })
        .collect();
    let send = Action::new_local(|(case, key): &(NewCase, String)| {
        let (case, key) = (case.clone(), key.clone());
        async move { api::cases::create(&case, &key).await }
    });
    {
        let key = key.clone();
        Effect::new(move |_| {
            if let Some(result) = send.value().get() {
                match result {
                    Ok(detail) => {
                        storage::remove(&key);
                        errors.set(Vec::new());
                        sent.set(Some(detail));
                        window().scroll_to_with_x_and_y(0.0, 0.0);
                    }
                    Err(error) => {
                        let found = error.field_errors();
                        if needs_insist(&found) {
                            show_insist.set(true);
                        }
                        errors.set(found);
                    }
                }
            }
        });
    }
    let on_behalf_of = authorisation.id.clone();
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        match draft.with_untracked(|d| d.new_case(&policy, today, &on_behalf_of)) {
            Err(found) => errors.set(found),
            Ok(case) => {
                errors.set(Vec::new());
                let key = draft
                    .with_untracked(|d| d.idempotency_key.clone())
                    .unwrap_or_default();
                send.dispatch((case, key));
            }
        }
    };
    let form_title = title.clone();
    let sent_name = name.clone();
    let insist_label = StoredValue::new(tf(
        "{name} still wants to make this complaint",
        &[("name", &name)],
    ));
    view! {
        {move || match sent.get() {
            Some(case) => view! { <Sent case=case name=sent_name.clone() /> }.into_any(),
            None => {
                let title = form_title.clone();
                view! { <Title text=move || page_title(&title, !errors.get().is_empty()) /> }.into_any()
            }
        }}
        <Show when=move || sent.with(Option::is_none)>
            <BackLink href="/advocate".to_owned() />
            <div class="app-grid-column-two-thirds">
                <ErrorSummary errors=errors />
                <h1 class="app-heading-l">{title.clone()}</h1>
                <p class="app-body">
                    {t("We will record that you made this complaint for them, and we will tell them. ")}
                    {t("Write it as they would tell it: what happened, and what would put it right for them.")}
                </p>
                <form novalidate on:submit=submit.clone()>
                    <Radios field="category" legend=t("What is the complaint about?") choices=choices.clone() value=category errors=errors />
                    <Textarea field="details" label=t("What happened?") value=details errors=errors
                        hint=t("Include dates, who they spoke to and what they were told.") />
                    <DateInput field="started_on" legend=t("When did the problem start?") value=started errors=errors
                        hint=t("For example, 2 11 2026. If you are not sure, give your best guess.") />
                    <Textarea field="desired_outcome" label=t("What would put things right?") value=outcome errors=errors rows=4 />
                    <Show when=move || show_insist.get()>
                        <div class=move || if errors.with(|e| e.iter().any(|e| e.field == "screening")) { "app-form-group app-form-group--error" } else { "app-form-group" }>
                            <Checkbox id="screening" label=insist_label.get_value() checked=insist
                                hint=t("Our policy may not cover this complaint, or it may be late. Tick this to send it anyway: a caseworker will look at it and explain what happens.") />
                        </div>
                    </Show>
                    <button type="submit" class="app-button" disabled=move || send.pending().get()>{t("Send the complaint")}</button>
                    <p class="app-body app-authorisation__saved">{t("Your answers are saved on this device until you send them.")}</p>
                </form>
            </div>
        </Show>
    }
}

/// The confirmation, with the reference and where to follow it.
#[component]
fn Sent(case: CaseDetail, name: String) -> impl IntoView {
    view! {
        <Title text=t("Complaint sent") />
        <div class="app-grid-column-two-thirds">
            <Panel title=t("Complaint sent")>
                <p>{t("Reference")}<br /><Reference text=case.reference.clone() class="app-complaint__reference" /></p>
            </Panel>
            <p class="app-body">{tf("We have told {name} that you made this complaint for them.", &[("name", &name)])}</p>
            <p class="app-body"><A href=format!("/cases/{}", case.id)>{t("Follow this complaint")}</A></p>
            <p class="app-body"><A href="/advocate">{t("Back to the people you help")}</A></p>
        </div>
    }
}
