use domain::api::cases::NewInformation;
use domain::validation::FieldError;
use leptos::prelude::*;
use leptos_meta::Title;

use crate::case_action::{action, case_id};
use crate::components::back_link::BackLink;
use crate::components::error_summary::ErrorSummary;
use crate::components::signed_in::SignedIn;
use crate::components::textarea::Textarea;
use crate::form::page_title;
use crate::storage;

/// Add information to a case. What is typed is kept on the device until sent.
#[component]
pub fn AddInformationPage() -> impl IntoView {
    let id = case_id();
    let draft_key = format!("pir.draft.information.{}", id.get_untracked());
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let text = RwSignal::new(storage::load::<String>(&draft_key).unwrap_or_default());
    let key = draft_key.clone();
    Effect::new(move |_| storage::save(&key, &text.get()));
    let send = action::<NewInformation>(id, "information", "information", errors);
    Effect::new(move |_| {
        if matches!(send.value().get(), Some(Ok(_))) {
            storage::remove(&draft_key);
        }
    });
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let info = NewInformation { text: text.get_untracked(), attachments: vec![] };
        match info.validate() {
            Err(found) => errors.set(found),
            Ok(()) => {
                errors.set(Vec::new());
                send.dispatch(info);
            }
        }
    };
    view! {
        <Title text=move || page_title("Add information to your complaint", !errors.get().is_empty()) />
        <SignedIn>
            <BackLink href=format!("/cases/{}", id.get_untracked()) />
            <div class="app-grid-column-two-thirds">
                <ErrorSummary errors=errors />
                <form novalidate on:submit=submit>
                    <Textarea field="text" label="Add information to your complaint" value=text errors=errors is_page_heading=true
                        hint="For example, something that has happened since, or the answer to a question we asked you" />
                    <button type="submit" class="app-button" disabled=move || send.pending().get()>"Send"</button>
                </form>
            </div>
        </SignedIn>
    }
}
