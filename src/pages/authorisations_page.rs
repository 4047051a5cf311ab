//! `/authorisations`: a resident's list of everyone who may act for them, with
//! a way to stop any of them at once; `/authorisations/new`: the invitation.

pub mod authorisation_fields;
pub mod invite_advocate_page;

use crate::components::title::Title;
use crate::i18n::{n_, t, tf};
use crate::router::use_query_map;
use crate::router::A;
use domain::api::authorisations::AuthorisationView;
use domain::authorisation::Status;
use domain::validation::FieldError;
use leptos::html;
use leptos::prelude::*;

use crate::api;
use crate::authorisation_words::{advocate_words, scope_for_resident};
use crate::client_error::ServiceProblem;
use crate::components::error_summary::ErrorSummary;
use crate::components::problem_with_service::ProblemWithService;
use crate::components::signed_in::SignedIn;
use crate::form::page_title;
use authorisation_fields::AuthorisationSummary;

const TITLE: &str = n_("People who can act for you");

/// Every authorisation on the resident's account: who, what they may do,
/// which complaints, until when, and its status; any can be stopped at once.
#[component]
pub fn AuthorisationsPage() -> impl IntoView {
    view! {
        <SignedIn>
            <AuthorisationList />
        </SignedIn>
    }
}

/// The list, loaded from the API; the problem page instead when it cannot be.
/// The error summary and the announcements stay outside what reloads, so a
/// screen reader hears them.
#[component]
fn AuthorisationList() -> impl IntoView {
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let query = use_query_map();
    // An older page is asked for by the cursor the server gave (`?after=`).
    let list = LocalResource::new(move || {
        let after = query.with(|q| q.get("after"));
        async move { api::authorisations::list(after.as_deref()).await }
    });
    let first_page = move || query.with_untracked(|q| q.get("after").is_none());
    // Every page: an authorisation may name any of the resident's complaints.
    let cases = LocalResource::new(api::cases::every);
    let confirming = RwSignal::new(None::<String>);
    let announcement = RwSignal::new(String::new());
    let invited = move || {
        query.with(|q| q.get("done")).as_deref() == Some("invited")
            && announcement.with(String::is_empty)
    };
    let revoke = Action::new_local(|(id, name): &(String, String)| {
        let (id, name) = (id.clone(), name.clone());
        async move { api::authorisations::revoke(&id).await.map(|()| name) }
    });
    Effect::new(move |_| {
        if let Some(result) = revoke.value().get() {
            match result {
                Ok(name) => {
                    errors.set(Vec::new());
                    confirming.set(None);
                    announcement.set(tf(
                        "{name} can no longer act for you. This took effect straight away.",
                        &[("name", &name)],
                    ));
                    list.refetch();
                }
                Err(error) => errors.set(error.field_errors()),
            }
        }
    });
    view! {
        // Here, not in what reloads: the title's words read `errors`, which
        // must outlive it. The problem page's own title, set later, wins.
        <Title text=move || page_title(t(TITLE), !errors.get().is_empty()) />
        <div class="app-grid-column-two-thirds">
            <ErrorSummary errors=errors />
            <div role="status" aria-live="polite">
                {move || invited().then(|| view! {
                    <div class="app-notification-banner app-notification-banner--success">
                        <p class="app-notification-banner__heading">{t("Invitation sent. They can act for you once they accept it.")}</p>
                    </div>
                })}
                {move || (!announcement.get().is_empty()).then(|| view! {
                    <div class="app-notification-banner app-notification-banner--success">
                        <p class="app-notification-banner__heading">{announcement.get()}</p>
                    </div>
                })}
            </div>
        </div>
        <Transition fallback=|| view! {
            <div class="app-grid-column-two-thirds">
                <h1 class="app-heading-l">{t(TITLE)}</h1>
                <p class="app-body" role="status">{t("Loading…")}</p>
            </div>
        }>
            {move || Suspend::new(async move {
                let found = list.await;
                let their_cases = cases.await;
                let problem = ServiceProblem::first_of([found.as_ref().err(), their_cases.as_ref().err()]);
                if let Some(problem) = problem {
                    return view! {
                        <ProblemWithService problem=problem retry=move || { list.refetch(); cases.refetch(); } />
                    }.into_any();
                }
                let references: Vec<(String, String)> = their_cases
                    .map(|c| c.into_iter().map(|c| (c.id, c.reference)).collect())
                    .unwrap_or_default();
                let content = match found {
                    Err(error) => view! { <p class="app-body" role="alert">{error.to_string()}</p> }.into_any(),
                    Ok((list, _)) if list.is_empty() && first_page() => view! {
                        <p class="app-body">{t("Nobody can act for you at the moment.")}</p>
                    }.into_any(),
                    Ok((list, next)) => {
                        let first = first_page();
                        view! {
                            <ul class="app-card-list" data-testid="authorisations">
                                {list.into_iter().map(|a| view! {
                                    <AuthorisationCard view=a references=references.clone() confirming=confirming revoke=revoke />
                                }).collect_view()}
                            </ul>
                            {(next.is_some() || !first).then(|| view! {
                                <nav class="app-body" aria-label=t("Pages of your list")>
                                    {next.map(|q| view! { <p class="app-body"><A href=format!("/authorisations?{q}")>{t("Show older ones")}</A></p> })}
                                    {(!first).then(|| view! { <p class="app-body"><A href="/authorisations">{t("Back to the newest")}</A></p> })}
                                </nav>
                            })}
                        }.into_any()
                    }
                };
                view! {
                    <div class="app-grid-column-two-thirds">
                        <h1 class="app-heading-l">{t(TITLE)}</h1>
                        <p class="app-body">
                            {t("You can let a relative, friend, support worker, councillor, MP's caseworker or Citizens Advice act for you on your complaints. ")}
                            {t("You choose what they can do and for how long. You can stop them at any time, and it takes effect straight away.")}
                        </p>
                        <A href="/authorisations/new" attr:class="app-button" attr:role="button" attr:draggable="false">{t("Let someone act for you")}</A>
                        {content}
                    </div>
                }.into_any()
            })}
        </Transition>
    }
}

type RevokeAction = Action<(String, String), Result<String, api::ClientError>>;

/// One authorisation, with "Stop them acting for you" and its confirmation.
#[component]
fn AuthorisationCard(
    view: AuthorisationView,
    references: Vec<(String, String)>,
    confirming: RwSignal<Option<String>>,
    revoke: RevokeAction,
) -> impl IntoView {
    let name = advocate_words(&view);
    let short_name = view
        .advocate
        .as_ref()
        .map_or_else(|| name.clone(), |a| a.name.clone());
    let id = StoredValue::new(view.id.clone());
    let can_stop = view.can_revoke && matches!(view.status, Status::Pending | Status::Active);
    let is_confirming = move || confirming.with(|c| c.as_deref() == Some(id.get_value().as_str()));
    let stop_label = tf("Stop {name} acting for you", &[("name", &short_name)]);
    let confirm_name = short_name.clone();
    view! {
        <li class="app-card app-authorisation">
            <h2 class="app-card__title">{name}</h2>
            <AuthorisationSummary view=view scope_words=scope_for_resident references=references show_cases=true />
            {can_stop.then(|| view! {
                <Show
                    when=is_confirming
                    fallback=move || {
                        let label = stop_label.clone();
                        view! {
                            <button type="button" class="app-button app-button--secondary"
                                on:click=move |_| confirming.set(Some(id.get_value()))>{label}</button>
                        }
                    }
                >
                    <RevokeConfirm name=confirm_name.clone() id=id.get_value() confirming=confirming revoke=revoke />
                </Show>
            })}
        </li>
    }
}

/// "Are you sure?": focused when it appears, so a screen reader reads it.
#[component]
fn RevokeConfirm(
    name: String,
    id: String,
    confirming: RwSignal<Option<String>>,
    revoke: RevokeAction,
) -> impl IntoView {
    let region = NodeRef::<html::Div>::new();
    Effect::new(move |_| {
        if let Some(element) = region.get() {
            let _ = element.focus();
        }
    });
    let question = tf(
        "Are you sure you want to stop {name} acting for you?",
        &[("name", &name)],
    );
    let heading_id = format!("confirm-{id}");
    let labelled_by = heading_id.clone();
    view! {
        <div class="app-authorisation__confirm" node_ref=region tabindex="-1" role="group" aria-labelledby=labelled_by>
            <h3 class="app-heading-s" id=heading_id>{question}</h3>
            <p class="app-body">{t("They will no longer be able to see or act on your complaints. This happens straight away. We will tell them.")}</p>
            <div class="app-button-group">
                <button type="button" class="app-button app-button--warning"
                    disabled=move || revoke.pending().get()
                    on:click=move |_| { revoke.dispatch((id.clone(), name.clone())); }>
                    {t("Yes, stop them acting for me")}
                </button>
                <button type="button" class="app-button app-button--secondary" on:click=move |_| confirming.set(None)>{t("Cancel")}</button>
            </div>
        </div>
    }
}
