use crate::i18n::{t, tf};
use domain::api::cases::{messages, ATTACHMENTS_MAX};
use domain::validation::FieldError;
use leptos::prelude::*;
use leptos::web_sys::FileList;

use crate::complaint_draft::{check_file_count, file_size, DraftFile};
use crate::components::file_upload::FileUpload;
use crate::pages::raise_complaint::files;

/// Photos and documents for one submission: a GOV.UK file upload (the phone's
/// camera too), each file checked for type and size and read on the device
/// before anything is sent, the files added with a Remove button each, and
/// what happens to them if the page is closed. Errors go to `errors` under
/// `field`, for the page's error summary; `reading` counts files being read.
#[component]
pub fn MultiFileUpload(
    field: &'static str,
    #[prop(into)] label: String,
    #[prop(into)] hint: String,
    files: RwSignal<Vec<DraftFile>>,
    errors: RwSignal<Vec<FieldError>>,
    reading: RwSignal<usize>,
    /// False when the files are too big to keep on this device.
    #[prop(into)]
    kept: Signal<bool>,
    /// What the files are sent with ("your complaint"), for the note.
    what: &'static str,
    #[prop(optional)] is_page_heading: bool,
) -> impl IntoView {
    let announcement = RwSignal::new(String::new());
    let add = move |list: FileList| {
        let chosen: Vec<_> = (0..list.length()).filter_map(|i| list.get(i)).collect();
        let existing = files.with_untracked(Vec::len);
        errors.update(|e| e.retain(|e| e.field != field));
        if let Err(message) = check_file_count(existing, chosen.len()) {
            errors.update(|e| e.push(FieldError::new(field, message)));
            return;
        }
        for file in chosen {
            reading.update(|n| *n += 1);
            leptos::task::spawn_local(async move {
                let name = file.name();
                match files::read(file).await {
                    Ok(read) => match files.with_untracked(|f| check_file_count(f.len(), 1)) {
                        Ok(()) => {
                            files.update(|f| f.push(read));
                            announcement.set(tf("{file_name} added", &[("file_name", &name)]));
                        }
                        Err(message) => errors.update(|e| e.push(FieldError::new(field, message))),
                    },
                    Err(message) => errors.update(|e| {
                        e.push(FieldError::new(field, format!("{name}: {}", t(message))))
                    }),
                }
                reading.update(|n| *n = n.saturating_sub(1));
            });
        }
    };
    let remove = move |index: usize| {
        let mut name = String::new();
        files.update(|f| {
            if index < f.len() {
                name = f.remove(index).filename;
            }
        });
        announcement.set(tf("{file_name} removed", &[("file_name", &name)]));
    };
    let full = Signal::derive(move || files.with(Vec::len) >= ATTACHMENTS_MAX);
    let listed = move || {
        files
            .get()
            .into_iter()
            .enumerate()
            .map(|(i, f)| {
                let name = f.filename.clone();
                view! {
                    <div class="app-summary-list__row">
                        <dt class="app-summary-list__key app-multi-file__name">{f.filename}</dt>
                        <dd class="app-summary-list__value">{file_size(f.size)}</dd>
                        <dd class="app-summary-list__actions">
                            <button type="button" class="app-link-button" on:click=move |_| remove(i)>
                                {t("Remove")}<span class="app-visually-hidden">" "{name}</span>
                            </button>
                        </dd>
                    </div>
                }
            })
            .collect_view()
    };
    view! {
        <FileUpload field=field label=label errors=errors on_files=add is_page_heading=is_page_heading hint=hint disabled=full
            chosen=Signal::derive(move || files.with(Vec::len)) />
        <Show when=move || files.with(|f| !f.is_empty())>
            <h2 class="app-heading-m">{t("Files added")}</h2>
            <dl class="app-summary-list">{listed}</dl>
        </Show>
        <Show when=move || !kept.get()>
            <p class="app-body app-multi-file__note">
                {tf("These files are too big to keep on this device. If you close this page before you send {what}, you will need to add them again.", &[("what", &what)])}
            </p>
        </Show>
        <Show when=move || full.get()>
            <p class="app-body">{t(messages::TOO_MANY_FILES)}{t(". You can remove one to add another.")}</p>
        </Show>
        <div class="app-visually-hidden" role="status" aria-live="polite">{move || announcement.get()}</div>
    }
}
