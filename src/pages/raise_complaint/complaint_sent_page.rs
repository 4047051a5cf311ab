use crate::components::reference::Reference;
use crate::components::title::Title;
use crate::i18n::{t, tf};
use crate::router::A;
use domain::api::account::ContactChannel;
use domain::api::cases::CaseDetail;
use leptos::prelude::*;

use crate::case_words::{basis_words, skipped_words};
use crate::components::panel::Panel;
use crate::format::date_with_weekday;
use crate::next_step_words::{due_label, Reader};
use crate::pages::raise_complaint::use_journey;

/// The confirmation: the reference, what happens next, and the first due
/// dates with how they were counted.
#[component]
pub fn ComplaintSentPage() -> impl IntoView {
    let journey = use_journey();
    move || {
        match journey.sent.get() {
        Some(detail) => confirmation(detail).into_any(),
        None => view! {
            <Title text=t("No complaint sent") />
            <h1 class="app-heading-l">{t("No complaint sent from this device")}</h1>
            <p class="app-body">
                {t("You can see every complaint you have made in ")}<A href="/cases">{t("your cases")}</A>
                {t(", or ")}<A href="/complaints/new">{t("raise a complaint")}</A>"."
            </p>
        }
        .into_any(),
    }
    }
}

fn confirmation(detail: CaseDetail) -> impl IntoView {
    let due = detail
        .view
        .due_dates
        .iter()
        .filter(|d| !d.kind.is_residents_window())
        .map(|d| {
            view! {
                <li class="app-complaint__due">
                    <p class="app-body app-complaint__due-date">
                        {due_label(d, Reader::Resident)}" "<strong>{date_with_weekday(d.date)}</strong>
                    </p>
                    <p class="app-hint">
                        {tf("That is {basis}.", &[("basis", &basis_words(d))])}
                        {skipped_words(&d.skipped).map(|e| view! { " "{e} })}
                    </p>
                </li>
            }
        })
        .collect_view();
    let contact = detail.contact_channel.map(contact_words);
    let case_link = format!("/cases/{}", detail.id);
    view! {
        <Title text=t("Complaint sent") />
        <div class="app-grid-column-two-thirds">
            <Panel title=t("Complaint sent")>
                {t("Your reference number")}<br />
                <Reference text=detail.reference.clone() class="app-complaint__reference" testid="reference" />
            </Panel>
            <p class="app-body">{t("Keep this reference. You will need it if you contact us about your complaint.")}</p>
            <h2 class="app-heading-m">{t("What happens next")}</h2>
            <p class="app-body">
                {t("We have received your complaint. A member of staff will look at it and tell you who is dealing with it. ")}
                {contact}
            </p>
            <ul class="app-list" data-testid="due-dates">{due}</ul>
            <p class="app-body">
                {t("We count working days: we do not count weekends or bank holidays.")}
            </p>
            <p class="app-body"><A href=case_link>{t("View your complaint")}</A></p>
            <p class="app-body"><A href="/cases">{t("Go to your cases")}</A></p>
        </div>
    }
}

/// How we will be in touch about the complaint, in the reader's language.
fn contact_words(channel: ContactChannel) -> &'static str {
    match channel {
        ContactChannel::Email => t("We will contact you by email about it."),
        ContactChannel::Phone => t("We will contact you by phone call about it."),
        ContactChannel::Letter => t("We will contact you by letter about it."),
        ContactChannel::TextMessage => t("We will contact you by text message about it."),
    }
}
