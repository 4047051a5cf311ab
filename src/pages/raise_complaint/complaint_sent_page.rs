use domain::api::cases::CaseDetail;
use leptos::prelude::*;
use crate::components::title::Title;
use crate::router::A;

use crate::complaint_draft::channel_label;
use crate::components::panel::Panel;
use crate::format::date_with_weekday;
use crate::pages::raise_complaint::use_journey;

/// The confirmation: the reference, what happens next, and the first due
/// dates with how they were counted.
#[component]
pub fn ComplaintSentPage() -> impl IntoView {
    let journey = use_journey();
    move || match journey.sent.get() {
        Some(detail) => confirmation(detail).into_any(),
        None => view! {
            <Title text="No complaint sent" />
            <h1 class="app-heading-l">"No complaint sent from this device"</h1>
            <p class="app-body">
                "You can see every complaint you have made in "<A href="/cases">"your cases"</A>
                ", or "<A href="/complaints/new">"raise a complaint"</A>"."
            </p>
        }
        .into_any(),
    }
}

fn confirmation(detail: CaseDetail) -> impl IntoView {
    let due = detail
        .view
        .due_dates
        .iter()
        .filter(|d| !d.key.ends_with("_window"))
        .map(|d| {
            view! {
                <li class="app-complaint__due">
                    <p class="app-body app-complaint__due-date">
                        {d.label.clone()}" "<strong>{date_with_weekday(d.date)}</strong>
                    </p>
                    <p class="app-hint">
                        "That is "{d.basis.clone()}"."
                        {d.explanation.clone().map(|e| view! { " "{e} })}
                    </p>
                </li>
            }
        })
        .collect_view();
    let contact = detail
        .contact_channel
        .map(|c| format!("We will contact you by {} about it.", channel_label(c).to_lowercase()));
    let case_link = format!("/cases/{}", detail.id);
    view! {
        <Title text="Complaint sent" />
        <div class="app-grid-column-two-thirds">
            <Panel title="Complaint sent">
                "Your reference number"<br />
                <strong class="app-complaint__reference" data-testid="reference">{detail.reference.clone()}</strong>
            </Panel>
            <p class="app-body">"Keep this reference. You will need it if you contact us about your complaint."</p>
            <h2 class="app-heading-m">"What happens next"</h2>
            <p class="app-body">
                "We have received your complaint. A member of staff will look at it and tell you who is dealing with it. "
                {contact}
            </p>
            <ul class="app-list" data-testid="due-dates">{due}</ul>
            <p class="app-body">
                "We count working days: we do not count weekends or bank holidays."
            </p>
            <p class="app-body"><A href=case_link>"View your complaint"</A></p>
            <p class="app-body"><A href="/cases">"Go to your cases"</A></p>
        </div>
    }
}
