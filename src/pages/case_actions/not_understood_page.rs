use crate::components::title::Title;
use crate::i18n::t;
use domain::api::cases::DefinitionQueryRequest;
use domain::endpoints::cases::QueryDefinition;
use domain::validation::FieldError;
use leptos::prelude::*;

use crate::case_action::{action, case_id, reader};
use crate::components::back_link::BackLink;
use crate::components::error_summary::ErrorSummary;
use crate::components::textarea::Textarea;
use crate::form::page_title;
use crate::information_draft::text_key;
use crate::storage;

/// Tell us that our understanding of the complaint (the Code's complaint
/// definition, 5.6) is not right, and what it should say. What is typed is
/// kept on the device until it is sent.
#[component]
pub fn NotUnderstoodPage() -> impl IntoView {
    let id = case_id();
    let advocate = reader() == crate::next_step_words::Reader::Advocate;
    // Beside the information draft's key, so a shared device forgets it too.
    let key = format!("{}.not-understood", text_key(&id.get_untracked()));
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let text = RwSignal::new(storage::load::<String>(&key).unwrap_or_default());
    {
        let key = key.clone();
        Effect::new(move |_| storage::save(&key, &text.get()));
    }
    let send = action(id, QueryDefinition, "definition", errors);
    Effect::new(move |_| {
        if matches!(send.value().get(), Some(Ok(_))) {
            storage::remove(&key);
        }
    });
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        if send.pending().get_untracked() {
            return;
        }
        let request = DefinitionQueryRequest {
            text: text.get_untracked().trim().to_owned(),
        };
        match request.validate() {
            Err(found) => errors.set(found),
            Ok(()) => {
                errors.set(Vec::new());
                send.dispatch(request);
            }
        }
    };
    let heading = if advocate {
        t("What have we not understood about their complaint?")
    } else {
        t("What have we not understood about your complaint?")
    };
    view! {
        <Title text=move || page_title(heading, !errors.get().is_empty()) />
        <BackLink href=format!("/cases/{}", id.get_untracked()) />
        <div class="app-grid-column-two-thirds">
            <ErrorSummary errors=errors />
            <form novalidate on:submit=submit>
                <Textarea field="text" label=heading value=text errors=errors is_page_heading=true
                    hint={if advocate {
                        t("Tell us what is wrong or missing in what we understand their complaint to be about, or in what they want to happen. Their caseworker will read it and get in touch.")
                    } else {
                        t("Tell us what is wrong or missing in what we understand your complaint to be about, or in what you want to happen. Your caseworker will read it and get in touch.")
                    }} />
                <button type="submit" class="app-button" aria-disabled=move || send.pending().get().then_some("true")>{t("Send")}</button>
            </form>
            <div role="status" aria-live="polite" class="app-body">
                {move || send.pending().get().then(|| t("Sending…"))}
            </div>
        </div>
    }
}
