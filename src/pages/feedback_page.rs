use crate::components::title::Title;
use crate::i18n::{n_, t, tf};
use crate::router::use_navigate;
use crate::router::A;
use domain::api::cases::DETAILS_MAX_CHARS;
use domain::validation::FieldError;
use leptos::prelude::*;

use crate::api::{self, ClientError};
use crate::complaint_draft::{feedback_key, feedback_sent_key, FeedbackDraft};
use crate::components::error_summary::ErrorSummary;
use crate::components::radios::{Choice, Radios};
use crate::components::signed_in::SignedIn;
use crate::components::textarea::Textarea;
use crate::form::page_title;
use crate::session::use_session;
use crate::storage;

const TITLE: &str = n_("Give a compliment or a comment");

/// Give a compliment or a comment: a short form, kept as a draft on the
/// device, sent once with its idempotency key.
#[component]
pub fn FeedbackPage() -> impl IntoView {
    view! { <SignedIn>{feedback_form}</SignedIn> }
}

fn feedback_form() -> impl IntoView {
    let session = use_session();
    let navigate = use_navigate();
    let user_id = session
        .user
        .with_untracked(|u| u.as_ref().map(|u| u.id.clone()))
        .unwrap_or_default();
    let key = feedback_key(&user_id);
    let mut stored = storage::load::<FeedbackDraft>(&key).unwrap_or_default();
    if stored.idempotency_key.is_none() {
        stored.idempotency_key = Some(storage::new_idempotency_key());
    }
    let idempotency_key = StoredValue::new(stored.idempotency_key.clone().unwrap_or_default());
    let kind = RwSignal::new(stored.kind);
    let message = RwSignal::new(stored.message);
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let failed = RwSignal::new(false);
    let draft = move || FeedbackDraft {
        kind: kind.get(),
        message: message.get(),
        idempotency_key: Some(idempotency_key.get_value()),
    };
    {
        let key = key.clone();
        Effect::new(move |_| {
            let draft = draft();
            if draft.kind.is_empty() && draft.message.trim().is_empty() {
                storage::remove(&key);
            } else {
                storage::save(&key, &draft);
            }
        });
    }
    let send = Action::new_local(|(case, key): &(domain::api::cases::NewCase, String)| {
        let (case, key) = (case.clone(), key.clone());
        async move { api::cases::create(&case, &key).await }
    });
    Effect::new(move |_| {
        let Some(result) = send.value().get() else {
            return;
        };
        match result {
            Ok(detail) => {
                storage::save(&feedback_sent_key(&user_id), &detail);
                storage::remove(&feedback_key(&user_id));
                kind.set(String::new());
                message.set(String::new());
                idempotency_key.set_value(storage::new_idempotency_key());
                navigate("/feedback/sent", Default::default());
            }
            Err(ClientError::SignedOut) => session.signed_out(),
            Err(error @ (ClientError::Offline | ClientError::Server(_))) => {
                failed.set(true);
                errors.set(vec![FieldError::new(
                    "send",
                    tf(
                        "Your message has not been sent. {error}.",
                        &[("error", &error)],
                    ),
                )]);
            }
            Err(error) => errors.set(error.field_errors()),
        }
    });
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        if send.pending().get_untracked() {
            return;
        }
        let built = draft_untracked(kind, message).new_case();
        match built {
            Ok(case) => {
                errors.set(Vec::new());
                send.dispatch((case, idempotency_key.get_value()));
            }
            Err(found) => errors.set(found),
        }
    };
    let choices = vec![
        Choice::new("compliment", t("A compliment")).with_hint(t(
            "Tell us about something we did well, or someone who helped you",
        )),
        Choice::new("comment", t("A comment"))
            .with_hint(t("An idea or a suggestion about our services")),
    ];
    view! {
        <Title text=move || page_title(t(TITLE), !errors.get().is_empty()) />
        <div class="app-grid-column-two-thirds">
            <ErrorSummary errors=errors />
            <h1 class="app-heading-l">{t(TITLE)}</h1>
            <p class="app-body">
                {t("If something has gone wrong and you want us to put it right, ")}
                <A href="/complaints/new">{t("raise a complaint")}</A>{t(" instead.")}
            </p>
            <form novalidate on:submit=submit>
                <Radios field="kind" legend=t("What would you like to give?") choices=choices value=kind errors=errors />
                <Textarea field="details" label=t("Your message") value=message errors=errors max_chars=DETAILS_MAX_CHARS
                    hint=t("Your message is saved on this device as you type.") />
                <button id="send" type="submit" class="app-button" aria-disabled=move || send.pending().get().then_some("true")>
                    {move || if failed.get() { t("Try sending again") } else { t("Send") }}
                </button>
            </form>
            <div role="status" aria-live="polite" class="app-body">
                {move || send.pending().get().then_some(t("Sending your message…"))}
            </div>
        </div>
    }
}

fn draft_untracked(kind: RwSignal<String>, message: RwSignal<String>) -> FeedbackDraft {
    FeedbackDraft {
        kind: kind.get_untracked(),
        message: message.get_untracked(),
        idempotency_key: None,
    }
}
