use crate::components::title::Title;
use crate::router::A;
use domain::api::authorisations::{AuthorisationView, Decision, Verification};
use domain::validation::FieldError;
use leptos::html;
use leptos::prelude::*;

use crate::api;
use crate::authorisation_words::{advocate_words, scope_for_advocate};
use crate::components::error_summary::ErrorSummary;
use crate::components::problem_with_service::ProblemWithService;
use crate::components::signed_in::SignedIn;
use crate::components::textarea::Textarea;
use crate::form::page_title;
use crate::format::date;
use crate::pages::authorisations_page::authorisation_fields::AuthorisationSummary;

const TITLE: &str = "Authorisation forms to check";

/// Caseworkers: signed authorisation forms waiting to be checked, oldest
/// first, each with its form to open, and Verify or Reject with a reason.
#[component]
pub fn StaffAuthorisationsPage() -> impl IntoView {
    // In English whatever language is chosen, as the other staff pages.
    view! {
        <div lang="en-GB">
            <p class="app-body"><A href="/staff">"Case queue"</A></p>
            <SignedIn>
                <Forms />
            </SignedIn>
        </div>
    }
}

type DecideAction = Action<(String, Verification), Result<AuthorisationView, api::ClientError>>;

/// The forms, loaded from the API; the problem page instead when they cannot
/// be. The error summary and the announcement stay outside what reloads, so a
/// screen reader hears them.
#[component]
fn Forms() -> impl IntoView {
    let errors = RwSignal::new(Vec::<FieldError>::new());
    // A later page is asked for by the cursor the server gave (`?after=`).
    let query = crate::router::use_query_map();
    let list = LocalResource::new(move || {
        let after = query.with(|q| q.get("after"));
        async move { api::authorisations::list(after.as_deref()).await }
    });
    let later_page = move || query.with_untracked(|q| q.get("after").is_some());
    let rejecting = RwSignal::new(None::<String>);
    let announcement = RwSignal::new(String::new());
    let decide: DecideAction = Action::new_local(|(id, verification): &(String, Verification)| {
        let (id, verification) = (id.clone(), verification.clone());
        async move { api::authorisations::verify(&id, &verification).await }
    });
    Effect::new(move |_| {
        if let Some(result) = decide.value().get() {
            match result {
                Ok(view) => {
                    errors.set(Vec::new());
                    rejecting.set(None);
                    let advocate = view
                        .advocate
                        .as_ref()
                        .map(|a| a.name.clone())
                        .unwrap_or_default();
                    announcement.set(match view.status {
                        domain::authorisation::Status::Active => {
                            format!(
                                "Verified. {advocate} can now act for {}.",
                                view.resident.name
                            )
                        }
                        _ => format!("Rejected. We have told {advocate} why."),
                    });
                    list.refetch();
                }
                Err(error) => errors.set(error.field_errors()),
            }
        }
    });
    let page = move |content: AnyView| {
        view! {
            <h1 class="app-heading-l">{TITLE}</h1>
            {content}
        }
    };
    view! {
        // Here, not in what reloads: the title's words read `errors`, which
        // must outlive it. The problem page's own title, set later, wins.
        <Title text=move || page_title(TITLE, !errors.get().is_empty()) />
        <ErrorSummary errors=errors />
        <div role="status" aria-live="polite">
            {move || (!announcement.get().is_empty()).then(|| view! {
                <div class="app-notification-banner app-notification-banner--success">
                    <p class="app-notification-banner__heading">{announcement.get()}</p>
                </div>
            })}
        </div>
        <Transition fallback=move || page(view! { <p class="app-body" role="status">"Loading…"</p> }.into_any())>
            {move || Suspend::new(async move {
                match list.await {
                    Err(error) => match error.service_problem() {
                        Some(problem) => view! { <ProblemWithService problem=problem retry=move || list.refetch() /> }.into_any(),
                        None => page(view! { <p class="app-body" role="alert">{error.to_string()}</p> }.into_any()).into_any(),
                    },
                    Ok((list, _)) if list.is_empty() && !later_page() => page(view! { <p class="app-body">"There are no forms to check."</p> }.into_any()).into_any(),
                    Ok((list, next)) => page(view! {
                        <ul class="app-card-list" data-testid="authorisation-forms">
                            {list.into_iter().map(|a| view! {
                                <PendingForm view=a rejecting=rejecting decide=decide errors=errors />
                            }).collect_view()}
                        </ul>
                        <nav aria-label="Pages of the forms">
                            {next.map(|q| view! { <p class="app-body"><A href=format!("/staff/authorisations?{q}")>"Next page"</A></p> })}
                            {later_page().then(|| view! {
                                <p class="app-body"><A href="/staff/authorisations">"First page"</A></p>
                            })}
                        </nav>
                    }.into_any()).into_any(),
                }
            })}
        </Transition>
    }
}

/// One signed form: who sent it for whom, the form itself, and the decision.
#[component]
fn PendingForm(
    view: AuthorisationView,
    rejecting: RwSignal<Option<String>>,
    decide: DecideAction,
    errors: RwSignal<Vec<FieldError>>,
) -> impl IntoView {
    let id = StoredValue::new(view.id.clone());
    let resident = view.resident.name.clone();
    let for_whom = StoredValue::new(format!(" the form for {resident}"));
    let advocate = view
        .advocate
        .as_ref()
        .map(|_| advocate_words(&view))
        .unwrap_or_default();
    let contact = [view.resident.email.clone(), view.resident_address.clone()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join("; ");
    let evidence = view.evidence.as_ref().map(|e| {
        (
            api::authorisations::evidence_href(&view.id),
            e.filename.clone(),
        )
    });
    let sent_on = date(view.created_at.date_naive());
    let is_rejecting = move || rejecting.with(|r| r.as_deref() == Some(id.get_value().as_str()));
    let verify = move |_| {
        decide.dispatch((
            id.get_value(),
            Verification {
                decision: Some(Decision::Verify),
                reason: None,
            },
        ));
    };
    let heading = format!("{resident}, sent by {advocate}");
    view! {
        <li class="app-card app-authorisation">
            <h2 class="app-card__title">{heading}</h2>
            <dl class="app-summary-list">
                <div class="app-summary-list__row">
                    <dt class="app-summary-list__key">"Resident's contact details"</dt>
                    <dd class="app-summary-list__value">{contact}</dd>
                </div>
                <div class="app-summary-list__row">
                    <dt class="app-summary-list__key">"Sent on"</dt>
                    <dd class="app-summary-list__value">{sent_on}</dd>
                </div>
                <div class="app-summary-list__row">
                    <dt class="app-summary-list__key">"Signed form"</dt>
                    <dd class="app-summary-list__value">
                        {evidence.map(|(href, name)| view! {
                            <a href=href download=name.clone()>{format!("Open the signed form ({name})")}</a>
                        })}
                    </dd>
                </div>
            </dl>
            <AuthorisationSummary view=view scope_words=scope_for_advocate />
            <Show
                when=is_rejecting
                fallback=move || view! {
                    <div class="app-button-group">
                        <button type="button" class="app-button" disabled=move || decide.pending().get() on:click=verify>
                            "Verify"<span class="app-visually-hidden">{for_whom.get_value()}</span>
                        </button>
                        <button type="button" class="app-button app-button--warning" on:click=move |_| {
                            errors.set(Vec::new());
                            rejecting.set(Some(id.get_value()));
                        }>
                            "Reject"<span class="app-visually-hidden">{for_whom.get_value()}</span>
                        </button>
                    </div>
                }
            >
                <RejectForm id=id.get_value() decide=decide errors=errors rejecting=rejecting />
            </Show>
        </li>
    }
}

/// Why the form cannot be verified: the advocate reads it.
#[component]
fn RejectForm(
    id: String,
    decide: DecideAction,
    errors: RwSignal<Vec<FieldError>>,
    rejecting: RwSignal<Option<String>>,
) -> impl IntoView {
    let reason = RwSignal::new(String::new());
    let region = NodeRef::<html::Form>::new();
    Effect::new(move |_| {
        if let Some(field) = region
            .get()
            .and_then(|f| f.query_selector("textarea").ok().flatten())
        {
            use leptos::wasm_bindgen::JsCast;
            if let Ok(field) = field.dyn_into::<leptos::web_sys::HtmlElement>() {
                let _ = field.focus();
            }
        }
    });
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let verification = Verification {
            decision: Some(Decision::Reject),
            reason: Some(reason.get_untracked()),
        };
        match verification.validate() {
            Err(found) => errors.set(found),
            Ok(_) => {
                decide.dispatch((id.clone(), verification));
            }
        }
    };
    view! {
        <form novalidate on:submit=submit node_ref=region>
            <Textarea field="reason" label="Why can the form not be verified?" value=reason errors=errors max_chars=500 rows=3
                hint="The advocate reads this. For example, the form is not signed, or the name does not match." />
            <div class="app-button-group">
                <button type="submit" class="app-button app-button--warning" disabled=move || decide.pending().get()>"Reject the form"</button>
                <button type="button" class="app-button app-button--secondary" on:click=move |_| {
                    errors.set(Vec::new());
                    rejecting.set(None);
                }>"Cancel"</button>
            </div>
        </form>
    }
}
