use crate::components::title::Title;
use crate::i18n::t;
use crate::router::A;
use leptos::prelude::*;

use crate::client_error::ServiceProblem;

/// GOV.UK "There is a problem with the service" page, shown in place of a page
/// that could not load its data: for a lost connection ("You seem to be
/// offline") or a server error. Says that nothing typed is lost, and offers
/// "Try again", which runs `retry` (reload the page's data).
#[component]
pub fn ProblemWithService<F>(problem: ServiceProblem, retry: F) -> impl IntoView
where
    F: Fn() + 'static,
{
    // One copy of the view for every page that shows it, not one per `retry`.
    problem_page(problem, Box::new(retry))
}

fn problem_page(problem: ServiceProblem, retry: Box<dyn Fn()>) -> impl IntoView {
    let trying = RwSignal::new(false);
    let try_again = move |_| {
        if !trying.get_untracked() {
            trying.set(true);
            retry();
        }
    };
    view! {
        <Title text=problem.title() />
        <div class="app-grid-column-two-thirds" data-testid="service-problem">
            <h1 class="app-heading-l">{problem.title()}</h1>
            {problem.paragraphs().into_iter().map(|p| view! { <p class="app-body">{p}</p> }).collect_view()}
            <button type="button" class="app-button" aria-disabled=move || trying.get().then_some("true") on:click=try_again>
                {t("Try again")}
            </button>
            <div role="status" aria-live="polite" class="app-body">
                {move || trying.get().then_some(t("Trying again…"))}
            </div>
            <p class="app-body">
                <A href="/help">{t("Other ways to contact your housing provider")}</A>
                " · "
                <A href="/service-status">{t("Service status")}</A>
            </p>
        </div>
    }
}

/// The same problem, for one part of a page that still shows the rest (the
/// start page and the Ombudsman page without the policy): a box with an
/// `<h2>` under the page's own title and `<h1>`, saying what is `missing` and
/// what to do, with "Try again". The page keeps it in a live region that is
/// always there, so a screen reader hears it appear, and appear again when
/// trying again fails. Kept small: the start page is in the main wasm, and
/// [`ProblemWithService`] is not (it adds about 10 KB there).
#[component]
pub fn ProblemWithPart<F>(problem: ServiceProblem, missing: &'static str, retry: F) -> impl IntoView
where
    F: Fn() + 'static,
{
    view! {
        <div class="app-notification-banner app-notification-banner--warning app-problem" data-testid="service-problem">
            <h2 class="app-heading-m">{problem.title()}</h2>
            <p class="app-body">{missing}</p>
            <p class="app-body">{problem.what_to_do()}</p>
            <button type="button" class="app-button" on:click=move |_| retry()>{t("Try again")}</button>
        </div>
    }
}
