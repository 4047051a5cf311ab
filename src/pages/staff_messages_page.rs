//! Caseworkers: the messages waiting for staff (issue 17, item 4), oldest
//! first: calls to make, letters to post, and messages no service could
//! send. Each says why, what to send to whom (the words to read out, print
//! or type), and has "I have sent it" and, where a service can try again,
//! "Try again". English, like the other staff pages.

use domain::api::account::{ContactChannel, OutboxMessage};
use leptos::prelude::*;

use crate::api;
use crate::components::case_contact::{channel_words, delivery_words, LetterLink, MessageActions};
use crate::components::problem_with_service::ProblemWithService;
use crate::components::signed_in::SignedIn;
use crate::components::title::Title;
use crate::router::{use_query_map, A};

const TITLE: &str = "Messages waiting for staff to send";

#[component]
pub fn StaffMessagesPage() -> impl IntoView {
    view! {
        <div lang="en-GB">
            <p class="app-body"><A href="/staff">"Case queue"</A></p>
            <SignedIn>
                <Messages />
            </SignedIn>
        </div>
    }
}

/// The list, a page at a time; the problem page instead when it cannot load.
#[component]
fn Messages() -> impl IntoView {
    let query = use_query_map();
    let list = LocalResource::new(move || {
        let after = query.with(|q| q.get("after"));
        async move { api::outbox::waiting(after.as_deref()).await }
    });
    let later_page = move || query.with_untracked(|q| q.get("after").is_some());
    let page = move |content: AnyView| {
        view! {
            <Title text=TITLE />
            <h1 class="app-heading-l">{TITLE}</h1>
            {content}
        }
    };
    view! {
        <Transition fallback=move || page(view! { <p class="app-body" role="status">"Loading…"</p> }.into_any())>
            {move || Suspend::new(async move {
                match list.await {
                    Err(error) => match error.service_problem() {
                        Some(problem) => view! { <ProblemWithService problem=problem retry=move || list.refetch() /> }.into_any(),
                        None => page(view! { <p class="app-body" role="alert">{error.to_string()}</p> }.into_any()).into_any(),
                    },
                    Ok((list, _)) if list.is_empty() && !later_page() => page(view! {
                        <p class="app-body" data-testid="no-messages">"There are no messages waiting for staff."</p>
                    }.into_any()).into_any(),
                    Ok((list, next)) => page(view! {
                        <ul class="app-card-list" data-testid="messages">
                            {list.into_iter().map(|m| view! { <WaitingMessage message=m /> }).collect_view()}
                        </ul>
                        <nav aria-label="Pages of the messages">
                            {next.map(|q| view! { <p class="app-body"><A href=format!("/staff/messages?{q}")>"Next page"</A></p> })}
                            {later_page().then(|| view! {
                                <p class="app-body"><A href="/staff/messages">"First page"</A></p>
                            })}
                        </nav>
                    }.into_any()).into_any(),
                }
            })}
        </Transition>
    }
}

/// One message: the case it is about, how and to whom, why it waits, what
/// the service last said, its words, and the actions.
#[component]
fn WaitingMessage(message: OutboxMessage) -> impl IntoView {
    let channel = ContactChannel::parse(&message.channel).unwrap_or(ContactChannel::Email);
    let why = delivery_words(
        message.delivery,
        channel,
        message.needs_staff,
        message.sent_by,
    );
    let case = message
        .case_id
        .clone()
        .zip(message.case_reference.clone())
        .map(|(id, reference)| {
            view! {
                <p class="app-body">"About "<A href=format!("/staff/cases/{id}")>{reference}</A></p>
            }
        });
    let last_error = message.last_error.clone().map(|e| {
        view! {
            <p class="app-body app-hint">{format!("The service said: {e}")}</p>
        }
    });
    view! {
        <li class="app-card" data-testid="message">
            <h2 class="app-heading-s">{message.subject.clone()}</h2>
            {case}
            <p class="app-body">{format!("{} to {}", channel_words(channel), message.recipient)}</p>
            <p class="app-body" data-testid="message-why"><strong>{why}</strong></p>
            {last_error}
            <details class="app-details">
                <summary class="app-details__summary">"The message"</summary>
                <div class="app-details__text app-message-body">{message.body.clone()}</div>
            </details>
            <LetterLink id=message.id channel=channel />
            <MessageActions id=message.id needs_staff=message.needs_staff subject=message.subject.clone() />
        </li>
    }
}
