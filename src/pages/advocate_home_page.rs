use crate::components::reference::Reference;
use crate::components::title::Title;
use crate::i18n::{n_, t, tf};
use crate::router::A;
use domain::api::authorisations::{ActingFor, AuthorisationView};
use domain::authorisation::{Kind, Status};
use domain::validation::FieldError;
use leptos::prelude::*;

use crate::api;
use crate::authorisation_words::{can_raise, scope_for_advocate};
use crate::case_words::{kind_name, status_tag};
use crate::client_error::ServiceProblem;
use crate::components::account_created_banner::AccountCreatedBanner;
use crate::components::confirm_email_banner::ConfirmEmailBanner;
use crate::components::error_summary::ErrorSummary;
use crate::components::problem_with_service::ProblemWithService;
use crate::components::signed_in::SignedIn;
use crate::form::page_title;
use crate::pages::authorisations_page::authorisation_fields::AuthorisationSummary;

const TITLE: &str = n_("People you help");

/// The advocate's home: invitations waiting for them, the residents they act
/// for with those residents' complaints within scope, and a way in for a
/// resident who cannot use the service.
#[component]
pub fn AdvocateHomePage() -> impl IntoView {
    view! {
        <SignedIn>
            <AccountCreatedBanner />
            <ConfirmEmailBanner />
            <AdvocateHome />
        </SignedIn>
    }
}

/// An invitation and the advocate's answer to it: true to accept, false to decline.
type AnswerAction =
    Action<(AuthorisationView, bool), Result<(AuthorisationView, bool), api::ClientError>>;

/// The page, loaded from the API; the problem page instead when it cannot be.
/// The error summary and the announcement stay outside what reloads, so a
/// screen reader hears them.
#[component]
fn AdvocateHome() -> impl IntoView {
    let errors = RwSignal::new(Vec::<FieldError>::new());
    // Every invitation waiting and every form refused, however many pages
    // they take: none may be lost behind the ones held.
    let all = LocalResource::new(|| async {
        let mut all = api::authorisations::every_with_status("pending").await?;
        all.extend(api::authorisations::every_with_status("rejected").await?);
        Ok::<_, api::ClientError>(all)
    });
    // An older page of residents is asked for by the cursor the server gave (`?after=`).
    let query = crate::router::use_query_map();
    let residents = LocalResource::new(move || {
        let after = query.with(|q| q.get("after"));
        async move { api::authorisations::acting_for(after.as_deref()).await }
    });
    let first_page = move || query.with_untracked(|q| q.get("after").is_none());
    let announcement = RwSignal::new(String::new());
    // Declining is the invited advocate ending the invitation, as a resident
    // takes one back.
    let answer: AnswerAction = Action::new_local(|(view, accept): &(AuthorisationView, bool)| {
        let (id, accept) = (view.id.clone(), *accept);
        async move {
            if accept {
                api::authorisations::accept(&id).await
            } else {
                api::authorisations::decline(&id).await
            }
            .map(|view| (view, accept))
        }
    });
    Effect::new(move |_| {
        if let Some(result) = answer.value().get() {
            match result {
                Ok((view, accepted)) => {
                    errors.set(Vec::new());
                    let name = &view.resident.name;
                    announcement.set(if accepted {
                        tf("You can now act for {name}.", &[("name", name)])
                    } else {
                        tf(
                            "You have declined the invitation from {name}.",
                            &[("name", name)],
                        )
                    });
                    all.refetch();
                    residents.refetch();
                }
                Err(error) => errors.set(error.field_errors()),
            }
        }
    });
    view! {
        // Here, not in what reloads: the title's words read `errors`, which
        // must outlive it. The problem page's own title, set later, wins.
        <Title text=move || page_title(t(TITLE), !errors.get().is_empty()) />
        <ErrorSummary errors=errors />
        <div role="status" aria-live="polite">
            {move || (!announcement.get().is_empty()).then(|| view! {
                <div class="app-notification-banner app-notification-banner--success">
                    <p class="app-notification-banner__heading">{announcement.get()}</p>
                </div>
            })}
        </div>
        <Transition fallback=|| view! {
            <h1 class="app-heading-l">{t(TITLE)}</h1>
            <p class="app-body" role="status">{t("Loading…")}</p>
        }>
            {move || Suspend::new(async move {
                let list = all.await;
                let acting = residents.await;
                let problem = ServiceProblem::first_of([list.as_ref().err(), acting.as_ref().err()]);
                if let Some(problem) = problem {
                    return view! {
                        <ProblemWithService problem=problem retry=move || { all.refetch(); residents.refetch(); } />
                    }.into_any();
                }
                let list = list.unwrap_or_default();
                let waiting: Vec<_> = list.iter().filter(|a| a.can_accept).cloned().collect();
                let rejected: Vec<_> = list
                    .into_iter()
                    .filter(|a| a.kind == Kind::SignedForm && a.status == Status::Rejected)
                    .collect();
                view! {
                    <h1 class="app-heading-l">{t(TITLE)}</h1>
                    {(!waiting.is_empty()).then(|| view! {
                        <h2 class="app-heading-m">{t("Invitations waiting for you")}</h2>
                        <ul class="app-card-list" data-testid="invitations">
                            {waiting.into_iter().map(|a| view! { <Invitation view=a answer=answer /> }).collect_view()}
                        </ul>
                    })}
                    {(!rejected.is_empty()).then(|| view! {
                        <h2 class="app-heading-m">{t("Forms we could not verify")}</h2>
                        <ul class="app-card-list">
                            {rejected.into_iter().map(|a| view! {
                                <li class="app-card">
                                    <h3 class="app-card__title">{a.resident.name.clone()}</h3>
                                    <p class="app-body">{tf("Why: {reason}", &[("reason", &a.rejected_reason.clone().unwrap_or_default())])}</p>
                                    <p class="app-body">{t("You can send a new signed form.")}</p>
                                </li>
                            }).collect_view()}
                        </ul>
                    })}
                    <h2 class="app-heading-m">{t("Residents you act for")}</h2>
                    {match acting {
                        Err(error) => view! { <p class="app-body" role="alert">{error.to_string()}</p> }.into_any(),
                        Ok((list, _)) if list.is_empty() && first_page() => view! {
                            <p class="app-body">{t("You do not act for anyone yet. A resident can invite you from their account, or you can send us a form they have signed.")}</p>
                        }.into_any(),
                        Ok((list, next)) => {
                            let first = first_page();
                            view! {
                                <ul class="app-card-list" data-testid="residents">
                                    {list.into_iter().map(|a| view! { <Resident acting=a /> }).collect_view()}
                                </ul>
                                {(next.is_some() || !first).then(|| view! {
                                    <nav class="app-body" aria-label=t("Pages of your list")>
                                        {next.map(|q| view! { <p class="app-body"><A href=format!("/advocate?{q}")>{t("Show older ones")}</A></p> })}
                                        {(!first).then(|| view! { <p class="app-body"><A href="/advocate">{t("Back to the newest")}</A></p> })}
                                    </nav>
                                })}
                            }.into_any()
                        }
                    }}
                    <h2 class="app-heading-m">{t("Act for someone who cannot use this service")}</h2>
                    <p class="app-body">
                        {t("If the resident has signed an authorisation form for you, send it to us with their details. ")}
                        {t("You can make a complaint for them straight away; we check the form before you can see their other complaints.")}
                    </p>
                    <A href="/advocate/residents/new" attr:class="app-button app-button--secondary" attr:role="button" attr:draggable="false">
                        {t("Send a signed authorisation form")}
                    </A>
                }.into_any()
            })}
        </Transition>
    }
}

/// An invitation from a resident, with Accept.
#[component]
fn Invitation(view: AuthorisationView, answer: AnswerAction) -> impl IntoView {
    let name = view.resident.name.clone();
    let stored = StoredValue::new(view.clone());
    let from = tf(" the invitation from {name}", &[("name", &name)]);
    view! {
        <li class="app-card app-authorisation">
            <h3 class="app-card__title">{tf("{name} asked you to act for them", &[("name", &name)])}</h3>
            <AuthorisationSummary view=view scope_words=scope_for_advocate show_cases=true />
            <div class="app-button-group">
                <button type="button" class="app-button" disabled=move || answer.pending().get()
                    on:click=move |_| { answer.dispatch((stored.get_value(), true)); }>
                    {t("Accept")}<span class="app-visually-hidden">{from.clone()}</span>
                </button>
                <button type="button" class="app-button app-button--secondary" disabled=move || answer.pending().get()
                    on:click=move |_| { answer.dispatch((stored.get_value(), false)); }>
                    {t("Decline")}<span class="app-visually-hidden">{from}</span>
                </button>
            </div>
        </li>
    }
}

/// A resident the advocate acts for, and the complaints they may see.
#[component]
fn Resident(acting: ActingFor) -> impl IntoView {
    let ActingFor {
        authorisation: view,
        cases,
    } = acting;
    let name = view.resident.name.clone();
    let raise = can_raise(&view).then(|| format!("/advocate/complaints/new?for={}", view.id));
    let checking = view.kind == Kind::SignedForm && view.status == Status::Pending;
    let case_list = if cases.is_empty() {
        view! { <p class="app-body">{t("No complaints you can see yet.")}</p> }.into_any()
    } else {
        view! {
            <ul class="app-list app-authorisation__cases">
                {cases.into_iter().map(|case| {
                    let (tag, class) = status_tag(case.status);
                    let title = match &case.category_label {
                        Some(label) => format!("{}: {label}", kind_name(case.kind)),
                        None => kind_name(case.kind).to_owned(),
                    };
                    view! {
                        <li>
                            <A href=format!("/cases/{}", case.id)><Reference text=case.reference.clone() class="app-reference--plain" />{format!(" – {title}")}</A>
                            " "<strong class=format!("app-tag {class}")>{tag}</strong>
                        </li>
                    }
                }).collect_view()}
            </ul>
        }.into_any()
    };
    view! {
        <li class="app-card app-authorisation">
            <h3 class="app-card__title">{name.clone()}</h3>
            {checking.then(|| view! {
                <div class="app-inset-text">
                    <p class="app-body">{t("We are checking the signed form. Until then you can see only the complaints you make for them.")}</p>
                </div>
            })}
            <AuthorisationSummary view=view scope_words=scope_for_advocate />
            <h4 class="app-heading-s">{t("Their complaints")}</h4>
            {case_list}
            {raise.map(|href| view! {
                <p class="app-body"><A href=href>{tf("Make a complaint for {name}", &[("name", &name)])}</A></p>
            })}
        </li>
    }
}
