use domain::api::account::ContactChannel;
use domain::api::cases::{CaseDetail, CaseMessage, Delivery};
use leptos::prelude::*;

/// How the resident asked to hear about this case, for staff: the channel
/// and number chosen on the complaint come before the account's settings.
/// English, like the staff pages.
pub fn case_contact_line(case: &CaseDetail) -> Option<String> {
    let channel = case.contact_channel?;
    Some(match (channel, case.contact_phone.as_deref()) {
        (ContactChannel::TextMessage, Some(phone)) => format!("Text message to {phone}"),
        (ContactChannel::Phone, Some(phone)) => format!("Telephone call to {phone}"),
        (ContactChannel::TextMessage, None) => "Text message".to_owned(),
        (ContactChannel::Phone, None) => "Telephone call".to_owned(),
        (ContactChannel::Letter, _) => "Letter".to_owned(),
        (ContactChannel::Email, _) => "Email".to_owned(),
    })
}

/// Whether a message reached the resident, as staff read it.
pub fn delivery_words(message: &CaseMessage) -> &'static str {
    match (message.delivery, message.channel) {
        (Delivery::Sent, _) => "Sent",
        (Delivery::Queued, _) => "Waiting to be sent",
        (Delivery::Retrying, _) => "Not sent yet: the email service refused it, trying again",
        (Delivery::StaffToSend, ContactChannel::TextMessage) => {
            "Not sent: no text message service. Text it by hand"
        }
        (Delivery::StaffToSend, ContactChannel::Phone) => {
            "Not sent: call the resident and tell them"
        }
        (Delivery::StaffToSend, ContactChannel::Letter) => "Not sent: print and post it",
        (Delivery::StaffToSend, ContactChannel::Email) => {
            "Not sent: no email service. Send it by hand"
        }
    }
}

/// For staff: how to contact the resident about this case, first, and every
/// message about it with whether it still waits for them to send it by hand.
#[component]
pub fn CaseContact(case: CaseDetail) -> impl IntoView {
    let line = case_contact_line(&case);
    let messages = case.messages.clone().unwrap_or_default();
    let waiting = messages
        .iter()
        .filter(|m| m.delivery == Delivery::StaffToSend)
        .count();
    view! {
        {line.map(|line| view! {
            <div class="app-inset-text" data-testid="case-contact">
                <p class="app-body"><strong>"Contact about this case: "</strong>{line}</p>
            </div>
        })}
        {(!messages.is_empty()).then(|| view! {
            <details class="app-details" data-testid="case-messages" open=waiting > 0>
                <summary class="app-details__summary">
                    {if waiting > 0 {
                        format!("Messages to the resident ({waiting} to send by hand)")
                    } else {
                        "Messages to the resident".to_owned()
                    }}
                </summary>
                <div class="app-details__text">
                    <ul class="app-list">
                        {messages.into_iter().map(|m| {
                            let status = delivery_words(&m);
                            view! {
                                <li>
                                    <strong>{m.subject.clone()}</strong>
                                    <br />{format!("{} to {}: {status}", m.channel.as_str().replace('_', " "), m.recipient)}
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                </div>
            </details>
        })}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn message(channel: ContactChannel, delivery: Delivery) -> CaseMessage {
        CaseMessage {
            channel,
            recipient: "07700 900123".into(),
            subject: "We have received your complaint".into(),
            body: String::new(),
            created_at: chrono::DateTime::parse_from_rfc3339("2026-12-18T10:00:00Z")
                .unwrap()
                .into(),
            sent_at: None,
            delivery,
        }
    }

    #[test]
    fn staff_are_told_a_text_message_waits_for_them() {
        assert_eq!(
            delivery_words(&message(ContactChannel::TextMessage, Delivery::StaffToSend)),
            "Not sent: no text message service. Text it by hand"
        );
        assert_eq!(
            delivery_words(&message(ContactChannel::Email, Delivery::Sent)),
            "Sent"
        );
    }
}
