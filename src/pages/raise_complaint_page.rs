use crate::i18n::t;
use leptos::prelude::*;

use crate::lazy_page::lazy_page;

use crate::complaint_draft::Step;
use crate::components::problem_with_service::ProblemWithService;
use crate::components::signed_in::SignedIn;
use crate::pages::raise_complaint::complaint_about_page::ComplaintAboutPage;
use crate::pages::raise_complaint::complaint_attachments_page::ComplaintAttachmentsPage;
use crate::pages::raise_complaint::complaint_check_page::ComplaintCheckPage;
use crate::pages::raise_complaint::complaint_contact_page::ComplaintContactPage;
use crate::pages::raise_complaint::complaint_put_right_page::ComplaintPutRightPage;
use crate::pages::raise_complaint::complaint_screening_page::ComplaintScreeningPage;
use crate::pages::raise_complaint::complaint_sent_page::ComplaintSentPage;
use crate::pages::raise_complaint::complaint_started_page::ComplaintStartedPage;
use crate::pages::raise_complaint::complaint_what_happened_page::ComplaintWhatHappenedPage;
use crate::pages::raise_complaint::Journey;
use crate::router::{Outlet, Page};
use crate::routes::ComplaintRoute;
use crate::session::use_session;

// Each question's page loads when first visited.
lazy_page!(complaint: RaiseComplaintRoute => RaiseComplaintPage);
lazy_page!(complaint: ComplaintAboutRoute => ComplaintAboutPage);
lazy_page!(complaint: ComplaintWhatHappenedRoute => ComplaintWhatHappenedPage);
lazy_page!(complaint: ComplaintScreeningRoute => ComplaintScreeningPage);
lazy_page!(complaint: ComplaintStartedRoute => ComplaintStartedPage);
lazy_page!(complaint: ComplaintPutRightRoute => ComplaintPutRightPage);
lazy_page!(complaint: ComplaintContactRoute => ComplaintContactPage);
lazy_page!(complaint: ComplaintAttachmentsRoute => ComplaintAttachmentsPage);
lazy_page!(complaint: ComplaintCheckRoute => ComplaintCheckPage);
lazy_page!(complaint: ComplaintSentRoute => ComplaintSentPage);

/// The page of "Raise a complaint" for each of its addresses, under
/// `/complaints/new` (see [`crate::complaint_draft::Step::path`]).
fn question_page(route: Option<ComplaintRoute>) -> Page {
    match route {
        Some(ComplaintRoute::Question(step)) => match step {
            Step::About => ComplaintAboutRoute::page(),
            Step::WhatHappened => ComplaintWhatHappenedRoute::page(),
            Step::Screening => ComplaintScreeningRoute::page(),
            Step::Started => ComplaintStartedRoute::page(),
            Step::PutRight => ComplaintPutRightRoute::page(),
            Step::Contact => ComplaintContactRoute::page(),
            Step::Attachments => ComplaintAttachmentsRoute::page(),
            Step::Check => ComplaintCheckRoute::page(),
        },
        Some(ComplaintRoute::Sent) => ComplaintSentRoute::page(),
        // On the way out of the journey.
        None => Page::eager(|| ().into_any()),
    }
}

/// Raise a complaint: signed in only; loads this person's draft and the
/// policy once, then shows the question the address asks for.
#[component]
pub fn RaiseComplaintPage() -> impl IntoView {
    view! { <SignedIn>{journey}</SignedIn> }
}

fn journey() -> impl IntoView {
    let session = use_session();
    let user_id = session
        .user
        .with_untracked(|u| u.as_ref().map(|u| u.id.clone()))
        .unwrap_or_default();
    let journey = Journey::start(user_id);
    provide_context(journey);
    // Fetch the code of every question now, so that losing the connection
    // part-way through cannot stop the resident moving between questions.
    leptos::task::spawn_local(async {
        ComplaintAboutRoute::preload().await;
        ComplaintWhatHappenedRoute::preload().await;
        ComplaintScreeningRoute::preload().await;
        ComplaintStartedRoute::preload().await;
        ComplaintPutRightRoute::preload().await;
        ComplaintContactRoute::preload().await;
        ComplaintAttachmentsRoute::preload().await;
        ComplaintCheckRoute::preload().await;
        ComplaintSentRoute::preload().await;
    });
    view! {
        <Show
            when=move || journey.policy.with(Option::is_some)
            fallback=move || match journey.policy_problem.get() {
                // Whatever was typed is on the device: "Try again" loses nothing.
                Some(problem) => view! { <ProblemWithService problem=problem retry=move || journey.load_policy() /> }.into_any(),
                None => view! {
                    <h1 class="app-heading-l">{t("Raise a complaint")}</h1>
                    <p class="app-body" role="status">{t("Loading…")}</p>
                }.into_any(),
            }
        >
            <Outlet matching=ComplaintRoute::matching page=question_page />
        </Show>
    }
}
