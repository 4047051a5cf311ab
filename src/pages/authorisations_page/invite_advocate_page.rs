use crate::case_action::retry_key;
use crate::components::title::Title;
use crate::i18n::{n_, t};
use crate::retry_key::RetryKeys;
use crate::router::use_navigate;
use chrono::NaiveDate;
use domain::api::Health;
use domain::validation::FieldError;
use leptos::prelude::*;

use crate::api;
use crate::authorisation_words::{
    invite_key, scope_for_resident, InviteDraft, ALL_CASES, SOME_CASES,
};
use crate::case_words::kind_name;
use crate::components::back_link::BackLink;
use crate::components::date_input::DateInput;
use crate::components::error_summary::ErrorSummary;
use crate::components::problem_with_service::ProblemWithService;
use crate::components::radios::{Choice, Radios};
use crate::components::signed_in::SignedIn;
use crate::components::text_input::TextInput;
use crate::form::page_title;
use crate::pages::authorisations_page::authorisation_fields::{
    bind, device_draft, RelationshipRadios, ScopeCheckboxes,
};
use crate::session::use_session;
use crate::storage;

const TITLE: &str = n_("Let someone act for you");

/// The resident invites an advocate by email: who they are, what they may
/// do, which complaints, until when. Kept on the device as it is typed.
#[component]
pub fn InviteAdvocatePage() -> impl IntoView {
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let health = LocalResource::new(api::health);
    let page = move |content: AnyView| {
        view! {
            <div class="app-grid-column-two-thirds">
                <ErrorSummary errors=errors />
                <h1 class="app-heading-l">{t(TITLE)}</h1>
                {content}
            </div>
        }
    };
    view! {
        // Here, not in what reloads: the title's words read `errors`, which
        // must outlive it. The problem page's own title, set later, wins.
        <Title text=move || page_title(t(TITLE), !errors.get().is_empty()) />
        <BackLink href="/authorisations".to_owned() />
        <SignedIn>
            <Transition fallback=move || page(view! { <p class="app-body" role="status">{t("Loading…")}</p> }.into_any())>
                {move || Suspend::new(async move {
                    match health.await {
                        Ok(Health { today, .. }) => page(view! { <InviteForm today=today errors=errors /> }.into_any()).into_any(),
                        Err(error) => match error.service_problem() {
                            Some(problem) => view! { <ProblemWithService problem=problem retry=move || health.refetch() /> }.into_any(),
                            None => page(view! { <p class="app-body" role="alert">{error.to_string()}</p> }.into_any()).into_any(),
                        },
                    }
                })}
            </Transition>
        </SignedIn>
    }
}

#[component]
fn InviteForm(today: NaiveDate, errors: RwSignal<Vec<FieldError>>) -> impl IntoView {
    let session = use_session();
    let navigate = use_navigate();
    let (user_id, own_email) = session
        .user
        .with_untracked(|u| u.as_ref().map(|u| (u.id.clone(), u.email.clone())))
        .unwrap_or_default();
    let key = invite_key(&user_id);
    let draft = device_draft(key.clone(), || InviteDraft::new(today));
    let email = bind(
        draft,
        |d| d.advocate_email.clone(),
        |d, v| d.advocate_email = v,
    );
    let relationship = bind(draft, |d| d.relationship.clone(), |d, v| d.relationship = v);
    let other = bind(
        draft,
        |d| d.relationship_other.clone(),
        |d, v| d.relationship_other = v,
    );
    let scope = bind(draft, |d| d.scope.clone(), |d, v| d.scope = v);
    let which = bind(draft, |d| d.which_cases.clone(), |d, v| d.which_cases = v);
    let case_ids = bind(draft, |d| d.case_ids.clone(), |d, v| d.case_ids = v);
    let expires = bind(draft, |d| d.expires_on.clone(), |d, v| d.expires_on = v);
    // Every page: the resident may choose any of their complaints.
    let cases = LocalResource::new(api::cases::every);
    // The same request sent again (a lost answer) carries the same key, so
    // the server makes one authorisation.
    let keys = StoredValue::new_local(RetryKeys::default());
    let send = Action::new_local(
        move |request: &domain::api::authorisations::NewAuthorisation| {
            let request = request.clone();
            let key = retry_key(keys, &request);
            async move { api::authorisations::create(&request, &key).await }
        },
    );
    Effect::new(move |_| {
        if let Some(result) = send.value().get() {
            match result {
                Ok(_) => {
                    storage::remove(&key);
                    navigate("/authorisations?done=invited", Default::default());
                }
                Err(error) => errors.set(error.field_errors()),
            }
        }
    });
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        match draft.with_untracked(|d| d.request(today, &own_email)) {
            Err(found) => errors.set(found),
            Ok(request) => {
                errors.set(Vec::new());
                send.dispatch(request);
            }
        }
    };
    let which_choices = vec![
        Choice::new(ALL_CASES, t("All my complaints, including new ones")),
        Choice::new(SOME_CASES, t("Only the complaints I choose")),
    ];
    view! {
        <form novalidate on:submit=submit>
            <TextInput field="advocate_email" label=t("Their email address") value=email errors=errors
                input_type="email" autocomplete="off" spellcheck=false
                hint=t("We will send them an invitation. They need an advocate account with this email address to accept it.") />
            <RelationshipRadios legend=t("Who are they to you?") value=relationship other=other errors=errors />
            <ScopeCheckboxes legend=t("What can they do for you?") value=scope errors=errors label=scope_for_resident
                hint=t("Select all that apply.") />
            <Radios field="case_ids" legend=t("Which complaints can they see and act on?") choices=which_choices
                value=which errors=errors />
            <Show when=move || which.get() == SOME_CASES>
                <div class="app-checkboxes__conditional">
                    <fieldset class="app-fieldset">
                        <legend class="app-fieldset__legend app-fieldset__legend--s">{t("Your complaints")}</legend>
                        <Transition fallback=|| view! { <p class="app-body" role="status">{t("Loading your complaints…")}</p> }>
                            {move || Suspend::new(async move {
                                match cases.await {
                                    Ok(list) if !list.is_empty() => list.into_iter().enumerate().map(|(i, case)| {
                                        let id = format!("case-{}", i + 1);
                                        let case_id = case.id.clone();
                                        let check_id = case.id.clone();
                                        let title = match &case.category_label {
                                            Some(label) => format!("{}: {} ({label})", case.reference, kind_name(case.kind)),
                                            None => format!("{}: {}", case.reference, kind_name(case.kind)),
                                        };
                                        view! {
                                            <div class="app-checkboxes__item">
                                                <input class="app-checkboxes__input" type="checkbox" id=id.clone() name="case"
                                                    value=case.id.clone()
                                                    prop:checked=move || case_ids.with(|c| c.contains(&check_id))
                                                    on:change=move |ev| {
                                                        let on = event_target_checked(&ev);
                                                        case_ids.update(|c| {
                                                            c.retain(|x| *x != case_id);
                                                            if on { c.push(case_id.clone()); }
                                                        });
                                                    } />
                                                <label class="app-checkboxes__label" for=id>{title}</label>
                                            </div>
                                        }
                                    }).collect_view().into_any(),
                                    Ok(_) => view! { <p class="app-body">{t("You have no complaints yet. Choose all complaints to include the ones you make later.")}</p> }.into_any(),
                                    Err(error) => view! { <p class="app-body" role="alert">{error.to_string()}</p> }.into_any(),
                                }
                            })}
                        </Transition>
                    </fieldset>
                </div>
            </Show>
            <DateInput field="expires_on" legend=t("When should this end?") value=expires errors=errors
                hint=t("We have filled in 12 months from today. It can be up to 24 months. For example, 18 12 2027.") />
            <p class="app-body">{t("You can stop them acting for you at any time, and it takes effect straight away.")}</p>
            <button type="submit" class="app-button" disabled=move || send.pending().get()>{t("Send invitation")}</button>
            <p class="app-body app-authorisation__saved">{t("Your answers are saved on this device until you send them.")}</p>
        </form>
    }
}
