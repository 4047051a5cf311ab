use domain::api::cases::messages;
use domain::validation::FieldError;
use leptos::prelude::*;
use leptos::web_sys::FileList;
use leptos_router::hooks::use_navigate;

use crate::complaint_draft::{check_file_count, file_size, Step};
use crate::components::file_upload::FileUpload;
use crate::pages::raise_complaint::complaint_question::ComplaintQuestion;
use crate::pages::raise_complaint::{files, use_journey};

/// Question 6 (optional): photos and documents. Each file is checked for
/// type and size and read on the device before anything is sent.
#[component]
pub fn ComplaintAttachmentsPage() -> impl IntoView {
    let journey = use_journey();
    let navigate = use_navigate();
    let step = Step::Attachments;
    let errors = journey.page_errors(step);
    let reading = RwSignal::new(0usize);
    let announcement = RwSignal::new(String::new());
    let add = move |list: FileList| {
        let chosen: Vec<_> = (0..list.length()).filter_map(|i| list.get(i)).collect();
        let existing = journey.files.with_untracked(Vec::len);
        if let Err(message) = check_file_count(existing, chosen.len()) {
            errors.set(vec![FieldError::new("attachments", message)]);
            return;
        }
        errors.set(Vec::new());
        for file in chosen {
            reading.update(|n| *n += 1);
            leptos::task::spawn_local(async move {
                let name = file.name();
                match files::read(file).await {
                    Ok(read) => {
                        let fits = journey.files.with_untracked(|f| check_file_count(f.len(), 1));
                        match fits {
                            Ok(()) => {
                                journey.files.update(|f| f.push(read));
                                announcement.set(format!("{name} added"));
                            }
                            Err(message) => errors.update(|e| e.push(FieldError::new("attachments", message))),
                        }
                    }
                    Err(message) => errors.update(|e| e.push(FieldError::new("attachments", format!("{name}: {message}")))),
                }
                reading.update(|n| *n = n.saturating_sub(1));
            });
        }
    };
    let remove = move |index: usize| {
        let mut name = String::new();
        journey.files.update(|f| {
            if index < f.len() {
                name = f.remove(index).filename;
            }
        });
        announcement.set(format!("{name} removed"));
    };
    let busy = Signal::derive(move || reading.get() > 0);
    let on_continue = move || {
        if journey.check_step(step, errors) {
            navigate(journey.next(step).path(), Default::default());
        }
    };
    let listed = move || {
        journey
            .files
            .get()
            .into_iter()
            .enumerate()
            .map(|(i, f)| {
                let name = f.filename.clone();
                view! {
                    <div class="app-summary-list__row">
                        <dt class="app-summary-list__key app-complaint__file-name">{f.filename}</dt>
                        <dd class="app-summary-list__value">{file_size(f.size)}</dd>
                        <dd class="app-summary-list__actions">
                            <button type="button" class="app-link-button" on:click=move |_| remove(i)>
                                "Remove"<span class="app-visually-hidden">" "{name}</span>
                            </button>
                        </dd>
                    </div>
                }
            })
            .collect_view()
    };
    view! {
        <ComplaintQuestion step=step errors=errors on_continue=on_continue busy=busy busy_text="Reading your file…">
            <FileUpload field="attachments" label=step.title() errors=errors on_files=add is_page_heading=true
                hint="You can take a photo with your phone or choose files. JPG, PNG or PDF, each smaller than 5MB, up to 5 files."
                disabled=Signal::derive(move || journey.files.with(Vec::len) >= domain::api::cases::ATTACHMENTS_MAX) />
            <Show when=move || journey.files.with(|f| !f.is_empty())>
                <h2 class="app-heading-m">"Files added"</h2>
                <dl class="app-summary-list">{listed}</dl>
            </Show>
            <Show when=move || !journey.files_kept.get()>
                <p class="app-body app-complaint__note">
                    "These files are too big to keep on this device. If you close this page before you send your complaint, you will need to add them again."
                </p>
            </Show>
            <Show when=move || { journey.files.with(Vec::len) >= domain::api::cases::ATTACHMENTS_MAX }>
                <p class="app-body">{messages::TOO_MANY_FILES}". You can remove one to add another."</p>
            </Show>
        </ComplaintQuestion>
        <div class="app-visually-hidden" role="status" aria-live="polite">{move || announcement.get()}</div>
    }
}
