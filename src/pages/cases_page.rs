use crate::components::reference::Reference;
use crate::components::title::Title;
use crate::router::A;
use domain::api::account::Role;
use domain::api::cases::CaseSummary;
use leptos::prelude::*;

use crate::api;
use crate::case_words::{card_title, headline, stage_name, status_tag};
use crate::components::account_created_banner::AccountCreatedBanner;
use crate::components::confirm_email_banner::ConfirmEmailBanner;
use crate::components::problem_with_service::ProblemWithService;
use crate::components::signed_in::SignedIn;
use crate::i18n::{n_, t};

/// The resident's cases: each with its stage, status in plain words, and a
/// clear mark when something is overdue or when they can act.
#[component]
pub fn CasesPage() -> impl IntoView {
    view! {
        <SignedIn>
            <AccountCreatedBanner />
            <ConfirmEmailBanner />
            <CaseList />
        </SignedIn>
    }
}

const TITLE: &str = n_("Your complaints, compliments and comments");

/// The list, loaded from the API; the problem page instead when it cannot be.
#[component]
fn CaseList() -> impl IntoView {
    // An older page is asked for by the cursor the server gave (`?after=`).
    let query = crate::router::use_query_map();
    let cases = LocalResource::new(move || {
        let after = query.with(|q| q.get("after"));
        async move { api::cases::list(after.as_deref()).await }
    });
    let first_page = move || query.with_untracked(|q| q.get("after").is_none());
    let health = LocalResource::new(api::health);
    view! {
        <Transition fallback=|| view! {
            <Title text=t(TITLE) />
            <h1 class="app-heading-l">{t(TITLE)}</h1>
            <p class="app-body" role="status">{t("Loading your cases…")}</p>
        }>
            {move || Suspend::new(async move {
                let today = health.await.map(|h| h.today).ok();
                match cases.await {
                    Err(error) => match error.service_problem() {
                        Some(problem) => view! {
                            <ProblemWithService problem=problem retry=move || { cases.refetch(); health.refetch(); } />
                        }.into_any(),
                        None => view! {
                            <Title text=t(TITLE) />
                            <h1 class="app-heading-l">{t(TITLE)}</h1>
                            <div class="app-notification-banner app-notification-banner--warning" role="alert">
                                <p class="app-body">{error.to_string()}</p>
                            </div>
                        }.into_any(),
                    },
                    Ok((list, next)) => view! { <CaseListLoaded list=list today=today next=next first=first_page() /> }.into_any(),
                }
            })}
        </Transition>
    }
}

/// The page with its list: what a resident can start, then each case.
#[component]
fn CaseListLoaded(
    list: Vec<CaseSummary>,
    today: Option<chrono::NaiveDate>,
    /// The query string of the next (older) page, when there is one.
    next: Option<String>,
    /// Whether this is the first (newest) page.
    first: bool,
) -> impl IntoView {
    let session = crate::session::use_session();
    view! {
        <Title text=t(TITLE) />
        <h1 class="app-heading-l">{t(TITLE)}</h1>
        // Advocates complain for someone, and see who they act for, from their own home page.
        <Show when=move || session.user.with(|u| u.as_ref().is_some_and(|u| u.role == Role::Resident))>
            <div class="app-button-group">
                <A href="/complaints/new" attr:class="app-button" attr:role="button" attr:draggable="false">{t("Make a complaint")}</A>
                <A href="/feedback/new" attr:class="app-button app-button--secondary" attr:role="button" attr:draggable="false">{t("Give a compliment or comment")}</A>
            </div>
            <p class="app-body"><A href="/authorisations">{t("People who can act for you")}</A></p>
        </Show>
        {if list.is_empty() && first {
            view! {
                <h2 class="app-heading-m">{t("You have not raised anything yet")}</h2>
                <p class="app-body">{t("When you make a complaint, or give a compliment or a comment, it will appear here with what happens next and the dates we will reply by.")}</p>
            }.into_any()
        } else {
            let today = today.unwrap_or_else(|| list[0].created_at.date_naive());
            view! {
                // The server lists a resident's cases by when they were sent, newest first.
                <p class="app-body" data-testid="case-order">{t("Newest first: the one you sent most recently is at the top.")}</p>
                <ul class="app-card-list">
                    {list.into_iter().map(|case| view! { <CaseCard case=case today=today /> }).collect_view()}
                </ul>
            }.into_any()
        }}
        {(next.is_some() || !first).then(|| view! {
            <nav class="app-body" aria-label=t("Pages of your list")>
                {next.map(|q| view! { <p class="app-body"><A href=format!("/cases?{q}")>{t("Show older ones")}</A></p> })}
                {(!first).then(|| view! { <p class="app-body"><A href="/cases">{t("Back to the newest")}</A></p> })}
            </nav>
        })}
    }
}

/// One case in the list.
#[component]
fn CaseCard(case: CaseSummary, today: chrono::NaiveDate) -> impl IntoView {
    let (tag, tag_class) = status_tag(case.status);
    let card_class = if case.overdue {
        "app-card app-card--overdue"
    } else if case.open_window.is_some() {
        "app-card app-card--action"
    } else {
        "app-card"
    };
    let title = card_title(case.kind, case.category_label.as_deref());
    let stage = case.stage.as_ref().map(|s| stage_name(s.number, &s.name));
    let line = headline(&case, today);
    view! {
        <li class=card_class>
            <h2 class="app-card__title">
                <A href=format!("/cases/{}", case.id)>{title}</A>
            </h2>
            <p class="app-card__meta">
                {t("Reference ")}<Reference text=case.reference.clone() />
                {stage.map(|s| view! { " · "{s} })}
            </p>
            {case.you_signed.then(|| view! { <p class="app-card__meta" data-testid="you-signed">{t("A petition you signed")}</p> })}
            <p class="app-body">
                <strong class=format!("app-tag {tag_class}")>{tag}</strong>
                {case.overdue.then(|| view! { " "<strong class="app-tag app-tag--red">{t("Overdue")}</strong> })}
            </p>
            <p class="app-body">{line}</p>
        </li>
    }
}
