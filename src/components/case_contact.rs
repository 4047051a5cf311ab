//! For staff: how to reach the resident about a case, and every message the
//! portal wrote them, with where it stands, what happened to it, and (for one
//! waiting for staff) "I have sent it" and "Try again". English, like the
//! staff pages.

use domain::api::account::{ContactChannel, OutboxMessage};
use domain::api::cases::{
    CaseDetail, CaseMessage, Delivery, MessageEvent, MessageEventKind, NeedsStaff, SentVia,
};
use leptos::prelude::*;

use crate::api;

/// How the resident asked to hear about this case, for staff: the channel
/// and number chosen on the complaint come before the account's settings.
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

/// Where a message stands, as staff read it: how it went, or why it waits
/// for them and what to do.
pub fn delivery_words(
    delivery: Delivery,
    channel: ContactChannel,
    needs_staff: Option<NeedsStaff>,
    sent_by: Option<SentVia>,
) -> &'static str {
    match (delivery, sent_by, needs_staff) {
        (Delivery::Sent, Some(SentVia::Notify), _) => "Sent by GOV.UK Notify",
        (Delivery::Sent, Some(SentVia::Smtp), _) => "Sent by email",
        (Delivery::Sent, Some(SentVia::Staff), _) => "Sent by hand",
        (Delivery::Sent, None, _) => "Sent",
        (Delivery::Queued, ..) => "Waiting to be sent",
        (Delivery::Retrying, ..) => "Not sent yet: the service failed, we will try again",
        (Delivery::StaffToSend, _, Some(NeedsStaff::Call)) => {
            "To do: call the resident and tell them"
        }
        (Delivery::StaffToSend, _, Some(NeedsStaff::Post)) => "To do: print and post it",
        (Delivery::StaffToSend, _, Some(NeedsStaff::NoAddress)) => {
            "To do: find their postal address (we hold none a service can post to), then print and post it"
        }
        (Delivery::StaffToSend, _, Some(NeedsStaff::Format)) => {
            "To do: make it in the format they need and post it"
        }
        (Delivery::StaffToSend, _, Some(NeedsStaff::Failed)) => {
            "Not sent: the service refused it, could not deliver it, or kept failing. Send it by hand, or try again"
        }
        (Delivery::StaffToSend, ..) => match channel {
            ContactChannel::TextMessage => "Not sent: no text message service. Text it by hand",
            ContactChannel::Phone => "To do: call the resident and tell them",
            ContactChannel::Letter => "To do: print and post it",
            ContactChannel::Email => "Not sent: no email service. Send it by hand",
        },
    }
}

/// "2 December 2026 at 09:15", in UK time.
fn when(at: chrono::DateTime<chrono::Utc>) -> String {
    domain::calendar::uk_local(at)
        .format("%-d %B %Y at %H:%M")
        .to_string()
}

/// One line of a message's history.
pub fn event_words(event: &MessageEvent) -> String {
    let what = match (event.kind, event.by.as_deref(), event.detail.as_deref()) {
        (MessageEventKind::Failed, _, Some(detail)) => {
            format!("Not sent ({detail}); tried again later")
        }
        (MessageEventKind::Failed, ..) => "Not sent; tried again later".to_owned(),
        (MessageEventKind::GaveUp, _, Some(detail)) => format!("Left for staff to send ({detail})"),
        (MessageEventKind::GaveUp, ..) => "Left for staff to send".to_owned(),
        (MessageEventKind::Sent, ..) => "Sent".to_owned(),
        (MessageEventKind::SentByHand, Some(by), _) => format!("Sent by hand by {by}"),
        (MessageEventKind::SentByHand, None, _) => "Sent by hand".to_owned(),
        (MessageEventKind::QueuedAgain, Some(by), _) => format!("{by} had it tried again"),
        (MessageEventKind::QueuedAgain, None, _) => "Tried again".to_owned(),
        (MessageEventKind::Delivered, ..) => "Delivered, GOV.UK Notify says".to_owned(),
        (MessageEventKind::NotDelivered, _, Some(detail)) => {
            format!("Not delivered, so left for staff to send ({detail})")
        }
        (MessageEventKind::NotDelivered, ..) => {
            "Not delivered, so left for staff to send".to_owned()
        }
    };
    format!("{}: {what}", when(event.at))
}

/// "Text message", "Telephone call", "Letter", "Email".
pub fn channel_words(channel: ContactChannel) -> &'static str {
    match channel {
        ContactChannel::TextMessage => "Text message",
        ContactChannel::Phone => "Telephone call",
        ContactChannel::Letter => "Letter",
        ContactChannel::Email => "Email",
    }
}

/// What staff did to a message, as the announcement says it.
fn done_words(message: &OutboxMessage) -> &'static str {
    match message.delivery {
        Delivery::Sent => "Marked as sent",
        _ => "It will be tried again in a moment",
    }
}

/// "I have sent it" and "Try again" for a message waiting for staff; once
/// either is done, where it now stands instead (announced). A call or a
/// letter has no service to try again.
#[component]
pub fn MessageActions(id: i64, needs_staff: Option<NeedsStaff>, subject: String) -> impl IntoView {
    let done = RwSignal::new(None::<&'static str>);
    let problem = RwSignal::new(None::<String>);
    let act = Action::new_local(move |sent: &bool| {
        let sent = *sent;
        async move {
            if sent {
                api::outbox::mark_sent(id).await
            } else {
                api::outbox::retry(id).await
            }
        }
    });
    Effect::new(move |_| {
        if let Some(result) = act.value().get() {
            match result {
                Ok(message) => {
                    problem.set(None);
                    done.set(Some(done_words(&message)));
                }
                Err(error) => problem.set(Some(
                    error
                        .field_errors()
                        .first()
                        .map(|e| e.message.clone())
                        .unwrap_or_else(|| error.to_string()),
                )),
            }
        }
    });
    let can_retry = matches!(
        needs_staff,
        None | Some(NeedsStaff::Failed | NeedsStaff::NoService | NeedsStaff::NoAddress)
    );
    let sent_label = format!("I have sent it: {subject}");
    let retry_label = format!("Try again: {subject}");
    view! {
        <div role="status" aria-live="polite" data-testid="message-done">
            {move || done.get().map(|words| view! { <p class="app-body"><strong>{words}</strong></p> })}
        </div>
        {move || problem.get().map(|words| view! { <p class="app-error-message" role="alert">{words}</p> })}
        <Show when=move || done.get().is_none()>
            <div class="app-button-group">
                <button type="button" class="app-button app-button--secondary" aria-label=sent_label.clone()
                    disabled=move || act.pending().get() on:click=move |_| { act.dispatch(true); }>
                    "I have sent it"
                </button>
                {can_retry.then(|| view! {
                    <button type="button" class="app-button app-button--secondary" aria-label=retry_label.clone()
                        disabled=move || act.pending().get() on:click=move |_| { act.dispatch(false); }>
                        "Try again"
                    </button>
                })}
            </div>
        </Show>
    }
}

/// For a letter: the link to its PDF, in the format the resident asked for,
/// to print and post.
#[component]
pub fn LetterLink(id: i64, channel: ContactChannel) -> impl IntoView {
    (channel == ContactChannel::Letter).then(|| {
        view! {
            <p class="app-body">
                <a class="app-link" href=api::outbox::letter_href(id) download="" data-testid="letter-pdf">
                    "Download the letter to print (PDF)"
                </a>
            </p>
        }
    })
}

/// For staff: how to contact the resident about this case, first, and every
/// message about it with where it stands, what happened to it, and the
/// actions on one that waits for them (loaded apart from the case: a
/// confidential case's messages name its resident, so staff outside the
/// complaints team get none).
#[component]
pub fn CaseContact(case: CaseDetail) -> impl IntoView {
    let line = case_contact_line(&case);
    let id = case.id.clone();
    let withheld = case.identity_withheld;
    let messages = LocalResource::new(move || {
        let id = id.clone();
        async move {
            if withheld {
                return Ok(Vec::new());
            }
            api::staff::case_messages(&id).await
        }
    });
    view! {
        {line.map(|line| view! {
            <div class="app-inset-text" data-testid="case-contact">
                <p class="app-body"><strong>"Contact about this case: "</strong>{line}</p>
            </div>
        })}
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                messages.await.ok().filter(|m| !m.is_empty()).map(|messages| view! { <CaseMessages messages=messages /> })
            })}
        </Suspense>
    }
}

/// The messages, folded away unless some wait for staff.
#[component]
fn CaseMessages(messages: Vec<CaseMessage>) -> impl IntoView {
    let waiting = messages
        .iter()
        .filter(|m| m.delivery == Delivery::StaffToSend)
        .count();
    view! {
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
                    {messages.into_iter().map(|m| view! { <CaseMessageItem message=m /> }).collect_view()}
                </ul>
            </div>
        </details>
    }
}

/// One message on the case: its subject, channel and recipient, where it
/// stands, its words (to send it by hand), its history, and the actions.
#[component]
fn CaseMessageItem(message: CaseMessage) -> impl IntoView {
    let status = delivery_words(
        message.delivery,
        message.channel,
        message.needs_staff,
        message.sent_by,
    );
    let waiting = message.delivery == Delivery::StaffToSend;
    let history = message.history.iter().map(event_words).collect::<Vec<_>>();
    view! {
        <li data-testid="case-message">
            <strong>{message.subject.clone()}</strong>
            <br />{format!("{} to {}: ", channel_words(message.channel), message.recipient)}
            <span data-testid="case-message-status">{status}</span>
            <details class="app-details">
                <summary class="app-details__summary">"The message"</summary>
                <div class="app-details__text app-message-body">{message.body.clone()}</div>
            </details>
            <LetterLink id=message.id channel=message.channel />
            {(!history.is_empty()).then(|| view! {
                <ul class="app-list app-list--bullet" data-testid="case-message-history">
                    {history.into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}
                </ul>
            })}
            {waiting.then(|| view! {
                <MessageActions id=message.id needs_staff=message.needs_staff subject=message.subject.clone() />
            })}
        </li>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn staff_are_told_what_to_do_with_a_message_that_waits_for_them() {
        use ContactChannel::*;
        let words =
            |channel, needs, sent| delivery_words(Delivery::StaffToSend, channel, needs, sent);
        assert_eq!(
            words(TextMessage, Some(NeedsStaff::NoService), None),
            "Not sent: no text message service. Text it by hand"
        );
        assert_eq!(
            words(Phone, Some(NeedsStaff::Call), None),
            "To do: call the resident and tell them"
        );
        assert_eq!(
            words(Letter, Some(NeedsStaff::Post), None),
            "To do: print and post it"
        );
        assert_eq!(
            words(Letter, Some(NeedsStaff::Format), None),
            "To do: make it in the format they need and post it"
        );
        assert!(words(Email, Some(NeedsStaff::Failed), None).contains("refused it or kept failing"));
        assert_eq!(
            delivery_words(Delivery::Sent, TextMessage, None, Some(SentVia::Notify)),
            "Sent by GOV.UK Notify"
        );
        assert_eq!(
            delivery_words(Delivery::Sent, Phone, None, Some(SentVia::Staff)),
            "Sent by hand"
        );
    }

    #[test]
    fn a_message_history_says_when_in_uk_time_and_who() {
        let at = chrono::Utc.with_ymd_and_hms(2026, 7, 1, 9, 15, 0).unwrap();
        let event = |kind, detail: Option<&str>, by: Option<&str>| MessageEvent {
            at,
            kind,
            detail: detail.map(str::to_owned),
            by: by.map(str::to_owned),
        };
        assert_eq!(
            event_words(&event(
                MessageEventKind::SentByHand,
                None,
                Some("Sam Staff")
            )),
            "1 July 2026 at 10:15: Sent by hand by Sam Staff"
        );
        assert_eq!(
            event_words(&event(
                MessageEventKind::Failed,
                Some("GOV.UK Notify refused it (500): Internal server error"),
                None
            )),
            "1 July 2026 at 10:15: Not sent (GOV.UK Notify refused it (500): Internal server error); tried again later"
        );
    }
}
