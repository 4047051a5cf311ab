//! What every resident action on a case shares: load the case, send the
//! action, go back to the case with a confirmation, or show the reason it was
//! refused in the error summary.

use domain::api::cases::CaseDetail;
use domain::endpoint::Endpoint;
use domain::validation::FieldError;
use leptos::prelude::*;
use serde::Serialize;

use crate::api::{self, ClientError};
use crate::case_words::{not_sent_words, refusal_errors};
use crate::retry_key::RetryKeys;
use crate::router::use_navigate;
use crate::session::use_session;
use crate::storage::new_idempotency_key;

/// The case id from the address.
pub use crate::router::use_case_id as case_id;

/// The case, loaded once for the page.
pub fn load_case(id: Memo<String>) -> LocalResource<Result<CaseDetail, ClientError>> {
    LocalResource::new(move || {
        let id = id.get();
        async move { api::cases::get(&id).await }
    })
}

/// Who reads an action page: the resident ("your complaint"), or someone
/// acting for them ("their complaint"). The pages are made inside
/// `SignedIn`, so the session is known by then.
pub fn reader() -> crate::next_step_words::Reader {
    crate::next_step_words::reader_for(
        use_session()
            .user
            .with_untracked(|u| u.as_ref().map(|u| u.role)),
    )
}

/// Sends the action `E` (such as [`domain::endpoints::cases::RequestEscalation`]);
/// on success goes to the case page with `?done={done}`, on
/// failure puts the errors (a refusal's reason included, or what was not sent
/// when the connection or the server failed) into `errors`. A refusal the app
/// knows is said in its own words, with the dates of the case read again just
/// after it (the page's copy can be older than the state that was refused).
pub fn action<E: Endpoint<Answer = CaseDetail>>(
    id: Memo<String>,
    _: E,
    done: &'static str,
    errors: RwSignal<Vec<FieldError>>,
) -> Action<E::Request, Result<CaseDetail, ClientError>>
where
    E::Request: Clone,
{
    let reader = reader();
    let keys = StoredValue::new_local(RetryKeys::default());
    let action = Action::new_local(move |body: &E::Request| {
        let body = body.clone();
        let id = id.get_untracked();
        let key = retry_key(keys, &(&id, &body));
        async move {
            match api::cases::act::<E>(&id, &body, &key).await {
                Err(ClientError::Refused(errors)) => {
                    Err(ClientError::Refused(refusal_errors(errors, reader)))
                }
                other => other,
            }
        }
    });
    let navigate = use_navigate();
    let session = use_session();
    Effect::new(move |_| {
        if let Some(result) = action.value().get() {
            match result {
                Ok(case) => navigate(
                    &format!("/cases/{}?done={done}", case.id),
                    Default::default(),
                ),
                // The session timed out: sign in again and come back here, where
                // what was typed is still on the device.
                Err(ClientError::SignedOut) => session.signed_out(),
                // A lost connection or a server error says what was not sent, in words.
                Err(error) => {
                    errors.set(error.not_sent(not_sent_words(last_segment(E::PATH), reader)))
                }
            }
        }
    });
    action
}

/// The idempotency key for sending `request` from a page that keeps `keys`:
/// the same one when the same request is sent again.
pub fn retry_key<R: Serialize>(keys: StoredValue<RetryKeys, LocalStorage>, request: &R) -> String {
    let json = serde_json::to_string(request).unwrap_or_default();
    keys.try_update_value(|keys| keys.key_for(&json, new_idempotency_key))
        .unwrap_or_else(new_idempotency_key)
}

/// The last part of a path: `escalation` of `/cases/{id}/escalation`.
fn last_segment(path: &str) -> &str {
    path.rsplit('/').next().unwrap_or_default()
}
