use crate::components::checkbox::Checkbox;
use crate::i18n::t;
use crate::router::use_navigate;
use leptos::prelude::*;

use crate::complaint_draft::{channel_from_str, channel_label, Step, CHANNELS};
use crate::components::radios::{Choice, Radios};
use crate::components::text_input::TextInput;
use crate::pages::raise_complaint::complaint_question::ComplaintQuestion;
use crate::pages::raise_complaint::use_journey;
use crate::session::use_session;

/// Question 5: how to contact the resident, with their telephone number when
/// they choose a call or a text message. Starts from their preferences.
#[component]
pub fn ComplaintContactPage() -> impl IntoView {
    let journey = use_journey();
    let session = use_session();
    let navigate = use_navigate();
    let step = Step::Contact;
    let errors = journey.page_errors(step);
    let preferences = session.preferences.get_untracked();
    journey.draft.update(|d| {
        if d.contact_channel.is_none() {
            d.contact_channel = Some(preferences.contact_channel);
        }
        if d.contact_phone.trim().is_empty() {
            d.contact_phone = preferences.phone.clone().unwrap_or_default();
        }
    });
    let channel = journey.bind(
        |d| {
            d.contact_channel
                .map(|c| c.as_str().to_owned())
                .unwrap_or_default()
        },
        |d, v| d.contact_channel = channel_from_str(&v),
    );
    let phone = journey.bind(|d| d.contact_phone.clone(), |d, v| d.contact_phone = v);
    let in_confidence = journey.bind(|d| d.in_confidence, |d, v| d.in_confidence = v);
    let needs_phone = move || channel_from_str(&channel.get()).is_some_and(|c| c.needs_phone());
    let choices = CHANNELS
        .into_iter()
        .map(|c| Choice::new(c.as_str(), channel_label(c)))
        .collect::<Vec<_>>();
    let on_continue = move || {
        if journey.check_step(step, errors) {
            navigate(journey.next(step).path(), Default::default());
        }
    };
    view! {
        <ComplaintQuestion step=step errors=errors on_continue=on_continue>
            <Radios field="contact_channel" legend=step.title() choices=choices value=channel errors=errors
                hint=t("We will use this for this complaint only. Your usual preferences are in Settings.")
                is_page_heading=true />
            <Show when=needs_phone>
                <div class="app-radios__conditional app-complaint__phone">
                    <TextInput field="contact_phone" label=t("Telephone number") value=phone errors=errors
                        input_type="tel" autocomplete="tel" width="app-input--width-20"
                        hint=t("For international numbers include the country code") />
                </div>
            </Show>
            <div class="app-form-group">
                <div class="app-checkboxes">
                    <Checkbox id="in_confidence" label=t("Keep who I am confidential") checked=in_confidence
                        hint=t("Only the complaints team will know you made this complaint. Other staff who look into it will not see your name or contact details.") />
                </div>
            </div>
        </ComplaintQuestion>
    }
}
