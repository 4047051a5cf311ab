//! The only place that speaks HTTP: a typed function for each endpoint the
//! app calls (`api::cases::get(&id)`, a module per resource, as in
//! [`domain::endpoints`]), each filling in its endpoint's declared path and
//! sending what it declares, over gloo-net; the status checked once, every
//! failure mapped to one [`ClientError`].

pub mod account_security;
pub mod accounts;
pub mod authorisations;
pub mod cases;
pub mod figures;
pub mod outbox;
pub mod policies;
pub mod preferences;
pub mod reports;
pub mod second_factor;
pub mod staff;

use std::future::Future;

use domain::api::Health;
use domain::endpoint::{Endpoint, Method, NoBody};
use domain::endpoints::service::GetHealth;
use domain::validation::FieldError;
use gloo_net::http::{Request, RequestBuilder, Response};
use serde::de::DeserializeOwned;
use serde::Serialize;

/// Where the API is: every declared path is under it.
pub const BASE: &str = "/api/v1";

/// The code of a 429 that says which limit was reached, in its own words.
pub const LIMIT_REACHED: &str = "limit_reached";

pub use crate::client_error::ClientError;

/// The address of an endpoint with `params` filled in, for a link (a file
/// to download).
pub fn href<E: Endpoint>(params: &[&str]) -> String {
    format!("{BASE}{}", E::path(params))
}

/// Calls the endpoint `E` with its path parameters and body, and reads its
/// declared answer. A write that makes something carries an idempotency
/// key, so a retry after a lost answer returns the first result instead of a
/// second one.
fn call<'a, E: Endpoint>(
    params: &[&str],
    body: &'a E::Request,
    key: Option<&'a str>,
) -> impl Future<Output = Result<E::Answer, ClientError>> + 'a {
    call_as::<E, E::Answer>(params, body, key)
}

/// [`call`], reading the answer as `T`: fewer fields than the declared
/// answer, so a page decodes only what it shows.
fn call_as<'a, E: Endpoint, T: DeserializeOwned + 'static>(
    params: &[&str],
    body: &'a E::Request,
    key: Option<&'a str>,
) -> impl Future<Output = Result<T, ClientError>> + 'a {
    let request = request(E::METHOD, E::path(params), body, key);
    async move { json(send(request).await?).await }
}

/// [`call`] for an endpoint whose answer the app does not read.
async fn call_empty<E: Endpoint>(
    params: &[&str],
    body: &E::Request,
    key: Option<&str>,
) -> Result<(), ClientError> {
    let request = request(E::METHOD, E::path(params), body, key);
    send(request).await.map(|_| ())
}

/// One page of a list (`query` is empty, or `?` and the query string): the
/// items, and the query string of the next page (from the answer's
/// `Link: <…>; rel="next"`) when there is one.
async fn page<E: Endpoint<Request = NoBody, Answer = Vec<T>>, T: DeserializeOwned>(
    query: &str,
) -> Result<(Vec<T>, Option<String>), ClientError> {
    page_of::<E, T>(&[], query).await
}

/// [`page`] of a list under a path with parameters (`/cases/{id}/messages`).
async fn page_of<E: Endpoint<Request = NoBody, Answer = Vec<T>>, T: DeserializeOwned>(
    params: &[&str],
    query: &str,
) -> Result<(Vec<T>, Option<String>), ClientError> {
    let path = format!("{}{query}", E::path(params));
    let response = send(request(E::METHOD, path, &NoBody {}, None)).await?;
    let next = response
        .headers()
        .get("link")
        .and_then(|link| next_query(&link));
    Ok((json(response).await?, next))
}

/// Every page of a list, following each `rel="next"` link in turn, for a
/// page that must show all of it: an invitation or a complaint's reference on
/// a later page would otherwise be lost without a word.
async fn all<E: Endpoint<Request = NoBody, Answer = Vec<T>>, T: DeserializeOwned>(
    query: &str,
) -> Result<Vec<T>, ClientError> {
    all_of::<E, T>(&[], query).await
}

/// [`all`] of a list under a path with parameters.
async fn all_of<E: Endpoint<Request = NoBody, Answer = Vec<T>>, T: DeserializeOwned>(
    params: &[&str],
    query: &str,
) -> Result<Vec<T>, ClientError> {
    let (mut all, mut next) = page_of::<E, T>(params, query).await?;
    while let Some(query) = next {
        let (more, after) = page_of::<E, T>(params, &format!("?{query}")).await?;
        all.extend(more);
        next = after;
    }
    Ok(all)
}

/// `?after=…` for the page after the cursor the server gave, or nothing for
/// the first page.
fn after(cursor: Option<&str>) -> String {
    cursor.map(|c| format!("?after={c}")).unwrap_or_default()
}

/// The request for `method` at `path`: a read or a delete carries no body,
/// a write carries `body` as JSON (and `key` when given).
fn request<B: Serialize>(
    method: Method,
    path: String,
    body: &B,
    key: Option<&str>,
) -> Result<Request, gloo_net::Error> {
    let url = format!("{BASE}{path}");
    match method {
        Method::GET => Request::get(&url).build(),
        Method::DELETE => Request::delete(&url).build(),
        Method::POST => with_key(Request::post(&url), key).json(body),
        Method::PUT => with_key(Request::put(&url), key).json(body),
    }
}

fn with_key(builder: RequestBuilder, idempotency_key: Option<&str>) -> RequestBuilder {
    match idempotency_key {
        Some(key) => builder.header("Idempotency-Key", key),
        None => builder,
    }
}

#[derive(serde::Deserialize)]
struct ErrorBody {
    errors: Vec<FieldError>,
}

async fn send(request: Result<Request, gloo_net::Error>) -> Result<Response, ClientError> {
    let request = request.map_err(|_| ClientError::Server(0))?;
    let response = request.send().await.map_err(|_| ClientError::Offline)?;
    if response.ok() {
        return Ok(response);
    }
    let status = response.status();
    let wait_seconds = response
        .headers()
        .get("retry-after")
        .and_then(|v| v.trim().parse::<u32>().ok());
    let errors = || async {
        response
            .json::<ErrorBody>()
            .await
            .map(|b| b.errors)
            .unwrap_or_default()
    };
    Err(match status {
        401 => ClientError::SignedOut,
        404 => ClientError::NotFound,
        409 => ClientError::Refused(errors().await),
        400 | 422 => ClientError::Invalid(errors().await),
        // A limit with its own words (a day's invitations, say) is a
        // refusal to read; any other 429 is about attempts.
        429 => {
            let errors = errors().await;
            if errors
                .iter()
                .any(|e| e.code.as_deref() == Some(LIMIT_REACHED))
            {
                ClientError::Refused(errors)
            } else {
                ClientError::TooManyAttempts { wait_seconds }
            }
        }
        503 if wait_seconds.is_some() => ClientError::Busy { wait_seconds },
        other => ClientError::Server(other),
    })
}

async fn json<T: DeserializeOwned>(response: Response) -> Result<T, ClientError> {
    response
        .json::<T>()
        .await
        .map_err(|_| ClientError::Server(200))
}

/// The query string of the `rel="next"` address in a `Link` header.
pub fn next_query(link: &str) -> Option<String> {
    let address = link.strip_prefix('<')?.split_once(">; rel=\"next\"")?.0;
    Some(address.split_once('?')?.1.to_owned())
}

/// `GET /health`: is the service up, and which landlord's policy does it run?
pub async fn health() -> Result<Health, ClientError> {
    call::<GetHealth>(&[], &NoBody {}, None).await
}
