use crate::components::title::Title;
use crate::i18n::t;
use domain::endpoints::cases::AddInformation;
use domain::validation::FieldError;
use leptos::prelude::*;

use crate::case_action::{action, case_id, reader};
use crate::complaint_draft::DraftFile;
use crate::components::back_link::BackLink;
use crate::components::error_summary::ErrorSummary;
use crate::components::multi_file_upload::MultiFileUpload;
use crate::components::textarea::Textarea;
use crate::form::page_title;
use crate::information_draft::{files_key, new_information, text_key};
use crate::pages::raise_complaint::files;
use crate::storage;

/// Add information to a case: words, photos and documents. What is typed and
/// chosen is kept on the device until it is sent (files when they fit).
#[component]
pub fn AddInformationPage() -> impl IntoView {
    let id = case_id();
    let advocate = reader() == crate::next_step_words::Reader::Advocate;
    let text_key = text_key(&id.get_untracked());
    let files_key = files_key(&id.get_untracked());
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let text = RwSignal::new(storage::load::<String>(&text_key).unwrap_or_default());
    let chosen = RwSignal::new(storage::load::<Vec<DraftFile>>(&files_key).unwrap_or_default());
    let kept = RwSignal::new(true);
    let reading = RwSignal::new(0usize);
    {
        let key = text_key.clone();
        Effect::new(move |_| storage::save(&key, &text.get()));
    }
    {
        let key = files_key.clone();
        Effect::new(move |_| kept.set(chosen.with(|f| files::keep(&key, f))));
    }
    let send = action(id, AddInformation, "information", errors);
    Effect::new(move |_| {
        if matches!(send.value().get(), Some(Ok(_))) {
            storage::remove(&text_key);
            storage::remove(&files_key);
        }
    });
    let busy = move || reading.get() > 0 || send.pending().get();
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        if reading.get_untracked() > 0 || send.pending().get_untracked() {
            return;
        }
        let info = chosen.with_untracked(|f| new_information(&text.get_untracked(), f));
        match info.validate() {
            Err(found) => errors.set(found),
            Ok(()) => {
                errors.set(Vec::new());
                send.dispatch(info);
            }
        }
    };
    view! {
        <Title text=move || page_title(if advocate { t("Add information to their complaint") } else { t("Add information to your complaint") }, !errors.get().is_empty()) />
            <BackLink href=format!("/cases/{}", id.get_untracked()) />
            <div class="app-grid-column-two-thirds">
                <ErrorSummary errors=errors />
                <form novalidate on:submit=submit>
                    <Textarea field="text" label={if advocate { t("Add information to their complaint") } else { t("Add information to your complaint") }} value=text errors=errors is_page_heading=true
                        hint={if advocate { t("For example, something that has happened since, or the answer to a question we asked them") } else { t("For example, something that has happened since, or the answer to a question we asked you") }} />
                    <MultiFileUpload field="attachments" label=t("Add photos or documents (optional)") errors=errors files=chosen
                        reading=reading kept=kept what={if advocate { t("the information") } else { t("your information") }}
                        hint=t("You can take a photo with your phone or choose files. JPG, PNG or PDF, each smaller than 5MB, up to 5 files.") />
                    <button type="submit" class="app-button" aria-disabled=move || busy().then_some("true")>{t("Send")}</button>
                </form>
                <div role="status" aria-live="polite" class="app-body">
                    {move || if reading.get() > 0 {
                        Some(t("Reading your file…"))
                    } else if send.pending().get() {
                        Some(t("Sending…"))
                    } else {
                        None
                    }}
                </div>
            </div>
    }
}
