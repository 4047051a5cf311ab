//! The messages the portal wrote, for staff ([`domain::endpoints::outbox`]):
//! those waiting for staff, and what staff do about one.

use domain::api::account::OutboxMessage;
use domain::endpoint::NoBody;
use domain::endpoints::outbox::{GetLetter, ListOutbox, MarkMessageSentByHand, RetryMessage};

use super::{call, href, page, ClientError};

/// `GET /outbox/{id}/letter`: the address of a letter's PDF, to download,
/// print and post.
pub fn letter_href(id: i64) -> String {
    href::<GetLetter>(&[&id.to_string()])
}

/// `GET /outbox?waiting=staff`: a page of the messages waiting for staff,
/// oldest first: the first, or the one after `cursor` (the `after` of the
/// previous page's link).
pub async fn waiting(
    cursor: Option<&str>,
) -> Result<(Vec<OutboxMessage>, Option<String>), ClientError> {
    let after = cursor
        .map(|c| format!("&after={}", String::from(js_sys::encode_uri_component(c))))
        .unwrap_or_default();
    page::<ListOutbox, _>(&format!("?waiting=staff{after}")).await
}

/// `POST /outbox/{id}/sent-by-hand`: a member of staff sent it and says so.
/// Saying it twice answers a conflict and changes nothing, so no retry key.
pub async fn mark_sent(id: i64) -> Result<OutboxMessage, ClientError> {
    call::<MarkMessageSentByHand>(&[&id.to_string()], &NoBody {}, None).await
}

/// `POST /outbox/{id}/retry`: its service tries it again.
pub async fn retry(id: i64) -> Result<OutboxMessage, ClientError> {
    call::<RetryMessage>(&[&id.to_string()], &NoBody {}, None).await
}
