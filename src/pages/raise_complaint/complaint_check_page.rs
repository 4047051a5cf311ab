use crate::components::title::Title;
use crate::i18n::{t, tf};
use crate::router::use_navigate;
use leptos::prelude::*;

use crate::api::{self, ClientError};
use crate::complaint_draft::Step;
use crate::components::back_link::BackLink;
use crate::components::page_error_summary::PageErrorSummary;
use crate::components::summary_list::{SummaryList, SummaryRow};
use crate::form::page_title;
use crate::pages::raise_complaint::use_journey;
use crate::session::use_session;

/// "Check your answers": every answer with its Change link, then Send. The
/// draft's idempotency key goes with every attempt, so a retry after a lost
/// connection can never make a second complaint.
#[component]
pub fn ComplaintCheckPage() -> impl IntoView {
    let journey = use_journey();
    let session = use_session();
    let navigate = use_navigate();
    journey.draft.update(|d| d.checking = true);
    let rows = journey
        .with_policy(|policy, today| {
            journey.files.with_untracked(|files| {
                journey
                    .draft
                    .with_untracked(|d| d.check_rows(files, policy, today))
            })
        })
        .unwrap_or_default()
        .into_iter()
        .map(|row| SummaryRow {
            key: row.key.to_owned(),
            value: row.value,
            change: Some((row.step.path().to_owned(), row.change_hidden.to_owned())),
        })
        .collect::<Vec<_>>();
    // (message, where to fix it)
    let errors = RwSignal::new(Vec::<(String, String)>::new());
    let failed = RwSignal::new(false);
    let send = Action::new_local(|(case, key): &(domain::api::cases::NewCase, String)| {
        let (case, key) = (case.clone(), key.clone());
        async move { api::cases::create(&case, &key).await }
    });
    let show = move |found: Vec<domain::validation::FieldError>| {
        journey.server_errors.set(found.clone());
        errors.set(
            found
                .into_iter()
                .map(|e| {
                    let href = match Step::for_field(&e.field) {
                        Some(step) => step.path().to_owned(),
                        None => "#send".to_owned(),
                    };
                    (e.message, href)
                })
                .collect(),
        );
    };
    Effect::new(move |_| {
        let Some(result) = send.value().get() else {
            return;
        };
        match result {
            Ok(detail) => {
                journey.sent(detail);
                navigate("/complaints/new/sent", Default::default());
            }
            Err(ClientError::SignedOut) => session.signed_out(),
            Err(error @ (ClientError::Offline | ClientError::Server(_))) => {
                failed.set(true);
                errors.set(vec![(
                    tf(
                        "Your complaint has not been sent. {error}.",
                        &[("error", &error)],
                    ),
                    "#send".to_owned(),
                )]);
            }
            Err(error) => show(error.field_errors()),
        }
    });
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        if send.pending().get_untracked() {
            return;
        }
        let built = journey.with_policy(|policy, today| {
            journey.files.with_untracked(|files| {
                journey
                    .draft
                    .with_untracked(|d| d.new_case(files, policy, today))
            })
        });
        let key = journey
            .draft
            .with_untracked(|d| d.idempotency_key.clone())
            .unwrap_or_default();
        match built {
            Some(Ok(case)) => {
                errors.set(Vec::new());
                send.dispatch((case, key));
            }
            Some(Err(found)) => show(found),
            None => {}
        }
    };
    let step = Step::Check;
    view! {
        <Title text=move || page_title(step.title(), !errors.get().is_empty()) />
        <BackLink href=Step::Attachments.path().to_owned() />
        <div class="app-grid-column-two-thirds">
            <PageErrorSummary errors=errors.into() />
            <h1 class="app-heading-l">{step.title()}</h1>
            <SummaryList rows=rows />
            <h2 class="app-heading-m">{t("Now send your complaint")}</h2>
            <p class="app-body">
                {t("By sending this complaint you are confirming that, to the best of your knowledge, the details you are giving are correct.")}
            </p>
            <form novalidate on:submit=submit>
                <button id="send" type="submit" class="app-button" aria-disabled=move || send.pending().get().then_some("true")>
                    {move || if failed.get() { t("Try sending again") } else { t("Send complaint") }}
                </button>
            </form>
            <div role="status" aria-live="polite" class="app-body">
                {move || send.pending().get().then_some(t("Sending your complaint…"))}
            </div>
        </div>
    }
}
