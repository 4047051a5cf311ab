//! The only place that speaks HTTP: typed functions over gloo-net, the status
//! checked once, every failure mapped to one [`ClientError`].

use domain::api::Health;
use domain::validation::FieldError;
use gloo_net::http::{Request, RequestBuilder, Response};
use serde::de::DeserializeOwned;
use serde::Serialize;

const BASE: &str = "/api/v1";

/// The code of a 429 that says which limit was reached, in its own words.
pub const LIMIT_REACHED: &str = "limit_reached";

pub use crate::client_error::ClientError;

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

/// GET one page of a list: the items, and the query string of the next page
/// (from the answer's `Link: <…>; rel="next"`) when there is one.
pub async fn get_page<T: DeserializeOwned>(
    path: &str,
) -> Result<(Vec<T>, Option<String>), ClientError> {
    let response = send(Request::get(&format!("{BASE}{path}")).build()).await?;
    let next = response
        .headers()
        .get("link")
        .and_then(|link| next_query(&link));
    Ok((json(response).await?, next))
}

/// The query string of the `rel="next"` address in a `Link` header.
pub fn next_query(link: &str) -> Option<String> {
    let address = link.strip_prefix('<')?.split_once(">; rel=\"next\"")?.0;
    Some(address.split_once('?')?.1.to_owned())
}

/// Every page of a list, following each `rel="next"` link in turn, for a
/// page that must show all of it: an invitation or a complaint's reference on
/// a later page would otherwise be lost without a word.
pub async fn get_all<T: DeserializeOwned>(path: &str) -> Result<Vec<T>, ClientError> {
    let (mut all, mut next) = get_page::<T>(path).await?;
    let resource = path.split_once('?').map_or(path, |(resource, _)| resource);
    while let Some(query) = next {
        let (more, after) = get_page::<T>(&format!("{resource}?{query}")).await?;
        all.extend(more);
        next = after;
    }
    Ok(all)
}

/// GET a JSON resource.
pub async fn get<T: DeserializeOwned>(path: &str) -> Result<T, ClientError> {
    json(send(Request::get(&format!("{BASE}{path}")).build()).await?).await
}

fn with_key(builder: RequestBuilder, idempotency_key: Option<&str>) -> RequestBuilder {
    match idempotency_key {
        Some(key) => builder.header("Idempotency-Key", key),
        None => builder,
    }
}

/// POST JSON, reading a JSON answer. A create carries an idempotency key, so a
/// retry after a lost answer returns the first result instead of a second one.
pub async fn post<B: Serialize, T: DeserializeOwned>(
    path: &str,
    body: &B,
    idempotency_key: Option<&str>,
) -> Result<T, ClientError> {
    let builder = with_key(Request::post(&format!("{BASE}{path}")), idempotency_key);
    json(send(builder.json(body)).await?).await
}

/// PUT JSON, reading a JSON answer.
pub async fn put<B: Serialize, T: DeserializeOwned>(
    path: &str,
    body: &B,
) -> Result<T, ClientError> {
    json(send(Request::put(&format!("{BASE}{path}")).json(body)).await?).await
}

/// PUT JSON, with no answer body expected (a new password).
pub async fn put_empty<B: Serialize>(path: &str, body: &B) -> Result<(), ClientError> {
    send(Request::put(&format!("{BASE}{path}")).json(body))
        .await
        .map(|_| ())
}

/// POST with no answer body expected (sign out).
pub async fn post_empty<B: Serialize>(path: &str, body: &B) -> Result<(), ClientError> {
    send(Request::post(&format!("{BASE}{path}")).json(body))
        .await
        .map(|_| ())
}

/// What `POST /session` answers: a session, or (202, for staff and admins)
/// the second step they need first.
#[derive(Clone)]
pub enum SignInAnswer {
    SignedIn(domain::api::account::Session),
    SecondFactor(domain::api::second_factor::SecondFactorNeeded),
}

/// `POST /session`: sign in.
pub async fn sign_in(body: &domain::api::account::SignIn) -> Result<SignInAnswer, ClientError> {
    let response = send(Request::post(&format!("{BASE}/session")).json(body)).await?;
    if response.status() == 202 {
        Ok(SignInAnswer::SecondFactor(json(response).await?))
    } else {
        Ok(SignInAnswer::SignedIn(json(response).await?))
    }
}

/// `GET /health`: is the service up, and which landlord's policy does it run?
pub async fn health() -> Result<Health, ClientError> {
    get("/health").await
}

/// DELETE, with no answer body expected (sign out, revoke).
pub async fn delete(path: &str) -> Result<(), ClientError> {
    send(Request::delete(&format!("{BASE}{path}")).build())
        .await
        .map(|_| ())
}
