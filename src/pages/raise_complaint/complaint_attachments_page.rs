use crate::i18n::t;
use crate::router::use_navigate;
use leptos::prelude::*;

use crate::complaint_draft::Step;
use crate::components::multi_file_upload::MultiFileUpload;
use crate::pages::raise_complaint::complaint_question::ComplaintQuestion;
use crate::pages::raise_complaint::use_journey;

/// Question 6 (optional): photos and documents. Each file is checked for
/// type and size and read on the device before anything is sent.
#[component]
pub fn ComplaintAttachmentsPage() -> impl IntoView {
    let journey = use_journey();
    let navigate = use_navigate();
    let step = Step::Attachments;
    let errors = journey.page_errors(step);
    let reading = RwSignal::new(0usize);
    let busy = Signal::derive(move || reading.get() > 0);
    let on_continue = move || {
        if journey.check_step(step, errors) {
            navigate(journey.next(step).path(), Default::default());
        }
    };
    view! {
        <ComplaintQuestion step=step errors=errors on_continue=on_continue busy=busy busy_text=t("Reading your file…")>
            <MultiFileUpload field="attachments" label=step.title() errors=errors files=journey.files reading=reading
                kept=journey.files_kept what=t("your complaint") is_page_heading=true
                hint=t("You can take a photo with your phone or choose files. JPG, PNG or PDF, each smaller than 5MB, up to 5 files.") />
        </ComplaintQuestion>
    }
}
