//! A local stand-in for GOV.UK Notify's REST API (v2), for the tests: it
//! checks what the real service checks of each request and answers as it
//! does, and keeps what it was sent so a test can read it. Nothing here ever
//! reaches the real service.
//!
//! What it checks, from Notify's published API documentation
//! (docs.notifications.service.gov.uk/rest-api.html):
//! - `Authorization: Bearer <JWT>`: header `{"typ":"JWT","alg":"HS256"}`,
//!   claims `iss` (the service id) and `iat` (seconds since the epoch, within
//!   30 seconds of now), signed with HMAC-SHA256 under the key's secret; else
//!   403 `AuthError`.
//! - `POST /v2/notifications/email`: `email_address` and `template_id`
//!   required; `personalisation`, `reference`, `email_reply_to_id`,
//!   `one_click_unsubscribe_url` allowed; nothing else.
//! - `POST /v2/notifications/sms`: `phone_number` and `template_id`
//!   required; `personalisation`, `reference`, `sms_sender_id` allowed.
//! - `POST /v2/notifications/letter` (a precompiled letter): `reference` and
//!   `content` (a base64 PDF) required; `postage` (`first`, `second`,
//!   `economy`) allowed; the PDF checked as Notify checks it
//!   ([`check_letter`]: A4 portrait, the printable area, an address of 3 to
//!   7 lines ending in a UK postcode in the address window). Notify answers
//!   `{"id", "reference", "postage"}`.
//! - The template must exist, and its placeholders must all be given in
//!   `personalisation`; else 400 `BadRequestError`.
//!
//! - `GET /v2/notifications/{id}`: the notification with its `status`, 404
//!   `NoResultFound` for an id it never gave. A new email or text message is
//!   `sending` and a new precompiled letter `pending-virus-check`, as on
//!   Notify, until a test sets what happened ([`NotifyStandIn::set_status`],
//!   or `POST /stand-in/status/{id}` with `{"status": …}`).
//!
//! A test can make the next answers fail ([`NotifyStandIn::fail_next`]) to
//! see retries and dead letters.

use std::collections::VecDeque;
use std::sync::{Arc, Mutex};

use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use base64::Engine;
use hmac::{Hmac, Mac};
use serde_json::{json, Map, Value};
use sha2::Sha256;

/// The tests' API key: `{name}-{service id}-{secret}`, as Notify issues them.
pub const API_KEY: &str =
    "put_it_right_tests-4c0f5d7e-1a2b-4c3d-8e9f-0a1b2c3d4e5f-9b8a7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d";
/// The service id inside [`API_KEY`].
pub const SERVICE_ID: &str = "4c0f5d7e-1a2b-4c3d-8e9f-0a1b2c3d4e5f";
/// The secret inside [`API_KEY`].
pub const SECRET: &str = "9b8a7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d";
/// An email template: subject `((subject))`, body `((body))`.
pub const EMAIL_TEMPLATE: &str = "1f6c0e43-6e0f-4a4e-9d0b-2f8b4c1a7e11";
/// A text message template: body `((body))`.
pub const SMS_TEMPLATE: &str = "6a2b9d10-3c4e-4f5a-8b6c-7d8e9f0a1b22";

/// The most pages Notify prints in one letter (notifications-utils'
/// `LETTER_MAX_PAGE_COUNT`).
pub const LETTER_MAX_PAGES: usize = 10;

/// One notification the stand-in accepted.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Received {
    /// `email`, `sms` or `letter`.
    pub kind: String,
    /// The id it answered with.
    pub id: String,
    /// The request body as sent.
    pub request: Value,
    /// Its status, as `GET /v2/notifications/{id}` answers it.
    pub status: String,
}

#[derive(Default)]
struct Inner {
    received: Vec<Received>,
    /// Statuses to answer with instead of accepting, oldest first.
    failures: VecDeque<u16>,
    next_id: u64,
}

/// The stand-in's shared state: what it received, and failures to come.
#[derive(Clone, Default)]
pub struct NotifyStandIn {
    inner: Arc<Mutex<Inner>>,
}

impl NotifyStandIn {
    /// What it accepted so far, oldest first.
    pub fn received(&self) -> Vec<Received> {
        self.lock().received.clone()
    }

    /// The next `n` requests that pass the checks are answered `status`
    /// (429, 500, 400…) and not kept.
    pub fn fail_next(&self, n: usize, status: u16) {
        let mut inner = self.lock();
        for _ in 0..n {
            inner.failures.push_back(status);
        }
    }

    /// Sets what became of a notification (`delivered`,
    /// `permanent-failure`…); `false` for an id it never gave.
    pub fn set_status(&self, id: &str, status: &str) -> bool {
        let mut inner = self.lock();
        match inner.received.iter_mut().find(|r| r.id == id) {
            Some(found) => {
                found.status = status.to_owned();
                true
            }
            None => false,
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Inner> {
        self.inner.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Notify's routes, and `GET /stand-in/received` (optionally `?to=`, an
    /// email address or a phone number's digits) for the end-to-end tests.
    pub fn router(&self) -> Router {
        Router::new()
            // One path: POST a kind to send, GET an id for its status.
            .route("/v2/notifications/{kind}", post(send).get(status))
            .route("/stand-in/status/{id}", post(set_status))
            .route("/stand-in/received", get(list))
            .route("/stand-in/health", get(|| async { "ok" }))
            .with_state(self.clone())
    }

    /// Serves the stand-in on 127.0.0.1 at an unused port; its base URL.
    pub async fn start(&self) -> String {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("a port for the Notify stand-in");
        let address = listener.local_addr().expect("its address");
        let router = self.router();
        tokio::spawn(async move {
            let _ = axum::serve(listener, router).await;
        });
        format!("http://{address}")
    }
}

/// Notify's error body.
fn error(status: StatusCode, error: &str, message: &str) -> Response {
    (
        status,
        Json(json!({
            "status_code": status.as_u16(),
            "errors": [{ "error": error, "message": message }],
        })),
    )
        .into_response()
}

fn bad(message: &str) -> Response {
    error(StatusCode::BAD_REQUEST, "ValidationError", message)
}

/// Checks the bearer token as Notify does; the reason when it is not right.
pub fn check_token(headers: &HeaderMap, now: i64) -> Result<(), String> {
    let value = headers
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        .ok_or("Unauthorized: authentication token must be provided")?;
    let token = value
        .strip_prefix("Bearer ")
        .ok_or("Unauthorized: authentication bearer scheme must be used")?;
    let parts: Vec<&str> = token.split('.').collect();
    let [header, claims, signature] = parts[..] else {
        return Err("Invalid token: signature, api token is not valid".into());
    };
    let decode = |part: &str| -> Result<Value, String> {
        let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD
            .decode(part)
            .map_err(|_| "Invalid token: signature, api token is not valid".to_owned())?;
        serde_json::from_slice(&bytes)
            .map_err(|_| "Invalid token: signature, api token is not valid".to_owned())
    };
    let header = decode(header)?;
    if header["alg"] != "HS256" || header["typ"] != "JWT" {
        return Err("Invalid token: algorithm used is not HS256".into());
    }
    let claims = decode(claims)?;
    if claims["iss"] != SERVICE_ID {
        return Err("Invalid token: service not found".into());
    }
    let iat = claims["iat"]
        .as_i64()
        .ok_or("Invalid token: API key not found")?;
    if (now - iat).abs() > 30 {
        return Err("Error: Your system clock must be accurate to within 30 seconds".into());
    }
    let mut mac = Hmac::<Sha256>::new_from_slice(SECRET.as_bytes()).expect("any key length");
    mac.update(format!("{}.{}", parts[0], parts[1]).as_bytes());
    let expected =
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(mac.finalize().into_bytes());
    if expected != signature {
        return Err("Invalid token: signature, api token is not valid".into());
    }
    Ok(())
}

fn is_uuid(value: &Value) -> bool {
    let Some(s) = value.as_str() else {
        return false;
    };
    s.len() == 36
        && s.char_indices().all(|(i, c)| match i {
            8 | 13 | 18 | 23 => c == '-',
            _ => c.is_ascii_hexdigit(),
        })
}

/// A UK mobile number as Notify reads it: digits after `+44`, `0044` or
/// `0`, with spaces, brackets and dashes ignored, 10 digits starting 7.
fn is_uk_mobile(value: &str) -> bool {
    let digits: String = value
        .chars()
        .filter(|c| !matches!(c, ' ' | '(' | ')' | '-'))
        .collect();
    let national = digits
        .strip_prefix("+44")
        .or_else(|| digits.strip_prefix("0044"))
        .or_else(|| digits.strip_prefix('0'))
        .unwrap_or(&digits);
    national.len() == 10
        && national.starts_with('7')
        && national.chars().all(|c| c.is_ascii_digit())
}

/// Checks a request body against Notify's schema for `kind`.
pub fn check_body(kind: &str, body: &Map<String, Value>) -> Result<(), String> {
    let (required, allowed): (&[&str], &[&str]) = match kind {
        "email" => (
            &["email_address", "template_id"],
            &[
                "personalisation",
                "reference",
                "email_reply_to_id",
                "one_click_unsubscribe_url",
            ],
        ),
        "sms" => (
            &["phone_number", "template_id"],
            &["personalisation", "reference", "sms_sender_id"],
        ),
        "letter" => (&["reference", "content"], &["postage"]),
        _ => return Err(format!("{kind} is not a notification type")),
    };
    for field in required {
        if !body.contains_key(*field) {
            return Err(format!("{field} is a required property"));
        }
    }
    for field in body.keys() {
        if !required.contains(&field.as_str()) && !allowed.contains(&field.as_str()) {
            return Err(format!(
                "Additional properties are not allowed ({field} was unexpected)"
            ));
        }
    }
    if let Some(reference) = body.get("reference") {
        if !reference.is_string() {
            return Err("reference is not of type string".into());
        }
    }
    match kind {
        "email" => {
            let address = body["email_address"].as_str().unwrap_or_default();
            let valid = address
                .split_once('@')
                .is_some_and(|(local, domain)| !local.is_empty() && domain.contains('.'));
            if !valid {
                return Err("email_address Not a valid email address".into());
            }
            check_template(
                &body["template_id"],
                EMAIL_TEMPLATE,
                &["subject", "body"],
                body,
            )
        }
        "sms" => {
            if !is_uk_mobile(body["phone_number"].as_str().unwrap_or_default()) {
                return Err("phone_number Not a UK mobile number".into());
            }
            check_template(&body["template_id"], SMS_TEMPLATE, &["body"], body)
        }
        _ => {
            match body.get("postage").map(Value::as_str) {
                None | Some(Some("first" | "second" | "economy")) => {}
                Some(_) => {
                    return Err("postage invalid. It must be first, second or economy".into())
                }
            }
            let pdf = body["content"]
                .as_str()
                .and_then(|c| base64::engine::general_purpose::STANDARD.decode(c).ok())
                .ok_or("Cannot decode letter content (invalid base64 encoding)")?;
            check_letter(&pdf).map(|_| ())
        }
    }
}

/// Notify's address window on the first page (mm from the top left:
/// left, top, right, bottom), and the area Notify reads the address from
/// (3 mm wider each way).
const ADDRESS_WINDOW_MM: [f32; 4] = [24.6, 39.5, 120.0, 66.3];
const ADDRESS_AREA_MM: [f32; 4] = [24.6 - 3.0, 39.5 - 3.0, 120.0 + 3.0, 66.3 + 3.0];
/// Notify's printable area: 15 mm from the sides, 5 mm from top and bottom.
const BORDER_MM: [f32; 2] = [15.0, 5.0];
/// Where the body may start on the first page (mm from the top), and the
/// sender's column to its right (mm from the left).
const BODY_TOP_MM: f32 = 95.0;
const SERVICE_COLUMN_MM: f32 = 125.0;

/// Checks a precompiled letter as Notify does (its API, then its
/// template-preview service's validation); the address lines when it
/// passes, else Notify's reason: the API's own message, or the code
/// template-preview gives the letter (`not-a-real-uk-postcode`…).
///
/// Notify itself answers 201 to a PDF it can read and fails the letter
/// later (status `validation-failed`); the stand-in refuses it at once, so
/// that a test sees what Notify would fail. Notify renders the page and
/// looks for ink outside the areas; the stand-in reads where each run of
/// text starts (and its size, for how far up and down it reaches), so it
/// cannot see where a line ends on the right: the unit tests of the
/// portal's letters measure that, with the font's widths.
pub fn check_letter(pdf: &[u8]) -> Result<Vec<String>, String> {
    const MM: f32 = 72.0 / 25.4;
    let (pages, runs) =
        crate::pdf::read(pdf).map_err(|_| "Letter content is not a valid PDF".to_owned())?;
    if pages.is_empty() {
        return Err("Letter content is not a valid PDF".into());
    }
    // A4 portrait, within 2 mm.
    if pages
        .iter()
        .any(|(w, h)| (w / MM - 210.0).abs() > 2.0 || (h / MM - 297.0).abs() > 2.0)
    {
        return Err("letter-not-a4-portrait-oriented".into());
    }
    if pages.len() > LETTER_MAX_PAGES {
        return Err("letter-too-long".into());
    }
    // Every word inside the printable area; on the first page, above the
    // body, only in the logo area, the address window or the sender's column.
    let [side, end] = BORDER_MM;
    for run in &runs {
        let (width, height) = pages[run.page - 1];
        let from_left = run.x / MM;
        let from_top = (height - run.y) / MM;
        let outside = from_left < side - 1.0
            || from_left > width / MM - side + 1.0
            || from_top - run.size / MM < end - 1.0
            || from_top > height / MM - end + 1.0;
        // Notify allows 1 mm around each area, for anti-aliasing.
        let [al, at, ar, ab] = ADDRESS_WINDOW_MM;
        let glyph_top = from_top - run.size * 0.75 / MM;
        let glyph_bottom = from_top + run.size * 0.25 / MM;
        let in_window = from_left >= al - 1.0
            && from_left <= ar + 1.0
            && glyph_top >= at - 1.0
            && glyph_bottom <= ab + 1.0;
        let in_header = run.page == 1 && glyph_top < BODY_TOP_MM - 1.0;
        let allowed_in_header =
            glyph_bottom <= 30.0 + 1.0 || from_left >= SERVICE_COLUMN_MM - 1.0 || in_window;
        if outside || (in_header && !allowed_in_header) {
            return Err("content-outside-printable-area".into());
        }
    }
    let lines = crate::pdf::text_in(&runs, pages[0].1, 1, ADDRESS_AREA_MM);
    if lines.is_empty() {
        return Err("address-is-empty".into());
    }
    if lines.len() < 3 {
        return Err("not-enough-address-lines".into());
    }
    if lines.len() > 7 {
        return Err("too-many-address-lines".into());
    }
    if !lines.last().is_some_and(|l| is_uk_postcode(l)) {
        return Err("not-a-real-uk-postcode".into());
    }
    Ok(lines)
}

/// A UK postcode as Notify reads one: spaces ignored, any case; an outward
/// code of a letter or two, a digit and perhaps a letter or digit, then an
/// inward code of a digit and two letters.
pub fn is_uk_postcode(value: &str) -> bool {
    let compact: String = value
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_ascii_uppercase();
    if compact == "GIR0AA" {
        return true;
    }
    let bytes = compact.as_bytes();
    if !(5..=7).contains(&bytes.len()) {
        return false;
    }
    let (outward, inward) = bytes.split_at(bytes.len() - 3);
    let inward_ok = inward[0].is_ascii_digit()
        && inward[1].is_ascii_alphabetic()
        && inward[2].is_ascii_alphabetic();
    let letters = outward
        .iter()
        .take_while(|b| b.is_ascii_alphabetic())
        .count();
    let rest = &outward[letters..];
    let outward_ok = (1..=2).contains(&letters)
        && !rest.is_empty()
        && rest[0].is_ascii_digit()
        && rest.len() <= 2
        && rest[1..].iter().all(u8::is_ascii_alphanumeric);
    inward_ok && outward_ok
}

fn check_template(
    id: &Value,
    known: &str,
    placeholders: &[&str],
    body: &Map<String, Value>,
) -> Result<(), String> {
    if !is_uuid(id) {
        return Err("template_id is not a valid UUID".into());
    }
    if id != known {
        return Err("Template not found".into());
    }
    let given = body.get("personalisation").cloned().unwrap_or(json!({}));
    let Some(given) = given.as_object() else {
        return Err("personalisation is not of type object".into());
    };
    let missing: Vec<&str> = placeholders
        .iter()
        .filter(|p| !given.contains_key(**p))
        .copied()
        .collect();
    if missing.is_empty() {
        Ok(())
    } else {
        Err(format!("Missing personalisation: {}", missing.join(", ")))
    }
}

async fn send(
    State(stand_in): State<NotifyStandIn>,
    Path(kind): Path<String>,
    headers: HeaderMap,
    body: axum::body::Bytes,
) -> Response {
    if let Some(refusal) = auth_refusal(&headers) {
        return refusal;
    }
    let Ok(Value::Object(request)) = serde_json::from_slice::<Value>(&body) else {
        return bad("Invalid JSON supplied in POST data");
    };
    if let Err(message) = check_body(&kind, &request) {
        let kind_of_error = if message == "Template not found"
            || message.starts_with("Missing")
            || message.starts_with("Cannot decode letter")
            || message == "Letter content is not a valid PDF"
        {
            "BadRequestError"
        } else {
            "ValidationError"
        };
        return error(StatusCode::BAD_REQUEST, kind_of_error, &message);
    }
    let mut inner = stand_in.lock();
    if let Some(status) = inner.failures.pop_front() {
        let status = StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let name = match status.as_u16() {
            429 => "RateLimitError",
            400 => "BadRequestError",
            _ => "Exception",
        };
        return error(status, name, "The stand-in was told to fail this request");
    }
    inner.next_id += 1;
    let id = format!("00000000-0000-4000-8000-{:012x}", inner.next_id);
    inner.received.push(Received {
        kind: kind.clone(),
        id: id.clone(),
        request: Value::Object(request.clone()),
        status: if kind == "letter" {
            "pending-virus-check"
        } else {
            "sending"
        }
        .to_owned(),
    });
    let personalisation = request.get("personalisation").cloned().unwrap_or(json!({}));
    let content = match kind.as_str() {
        "email" => json!({
            "subject": personalisation["subject"],
            "body": personalisation["body"],
            "from_email": "complaints@example.gov.uk",
        }),
        "sms" => json!({ "body": personalisation["body"], "from_number": "PutItRight" }),
        _ => Value::Null,
    };
    if kind == "letter" {
        // A precompiled letter's answer: its id, reference and postage.
        let answer = json!({
            "id": id,
            "reference": request.get("reference").cloned().unwrap_or(Value::Null),
            "postage": request.get("postage").cloned().unwrap_or(json!("second")),
        });
        return (StatusCode::CREATED, Json(answer)).into_response();
    }
    let answer = json!({
        "id": id,
        "reference": request.get("reference").cloned().unwrap_or(Value::Null),
        "content": content,
        "uri": format!("https://api.notifications.service.gov.uk/v2/notifications/{id}"),
        "template": {
            "id": request.get("template_id").cloned().unwrap_or(Value::Null),
            "version": 1,
            "uri": "https://api.notifications.service.gov.uk/v2/template/stand-in",
        },
        "scheduled_for": null,
    });
    (StatusCode::CREATED, Json(answer)).into_response()
}

/// Notify's 403 `AuthError` when the bearer token is not right now.
fn auth_refusal(headers: &HeaderMap) -> Option<Response> {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or_default();
    check_token(headers, now)
        .err()
        .map(|message| error(StatusCode::FORBIDDEN, "AuthError", &message))
}

/// `GET /v2/notifications/{id}`: the notification as Notify describes it.
async fn status(
    State(stand_in): State<NotifyStandIn>,
    Path(id): Path<String>,
    headers: HeaderMap,
) -> Response {
    if let Some(refusal) = auth_refusal(&headers) {
        return refusal;
    }
    if !is_uuid(&Value::String(id.clone())) {
        return bad("notification_id is not a valid UUID");
    }
    let Some(found) = stand_in.received().into_iter().find(|r| r.id == id) else {
        return error(StatusCode::NOT_FOUND, "NoResultFound", "No result found");
    };
    let r = &found.request;
    (
        StatusCode::OK,
        Json(json!({
            "id": found.id,
            "reference": r.get("reference").cloned().unwrap_or(Value::Null),
            "email_address": r.get("email_address").cloned().unwrap_or(Value::Null),
            "phone_number": r.get("phone_number").cloned().unwrap_or(Value::Null),
            "type": found.kind,
            "status": found.status,
            "template": { "id": r.get("template_id").cloned().unwrap_or(Value::Null), "version": 1 },
            "created_by_name": null,
        })),
    )
        .into_response()
}

#[derive(serde::Deserialize)]
struct SetStatus {
    status: String,
}

/// `POST /stand-in/status/{id}` `{"status": …}`: what became of it, for
/// the end-to-end tests.
async fn set_status(
    State(stand_in): State<NotifyStandIn>,
    Path(id): Path<String>,
    Json(body): Json<SetStatus>,
) -> StatusCode {
    if stand_in.set_status(&id, &body.status) {
        StatusCode::NO_CONTENT
    } else {
        StatusCode::NOT_FOUND
    }
}

#[derive(serde::Deserialize)]
struct ListQuery {
    #[serde(default)]
    to: Option<String>,
}

/// What was accepted, for the end-to-end tests: to one email address or
/// phone number (matched on its digits), or everything.
async fn list(
    State(stand_in): State<NotifyStandIn>,
    Query(query): Query<ListQuery>,
) -> Json<Vec<Received>> {
    let digits = |s: &str| s.chars().filter(char::is_ascii_digit).collect::<String>();
    let received = stand_in.received();
    Json(match query.to {
        None => received,
        Some(to) => received
            .into_iter()
            .filter(|r| {
                r.request["email_address"].as_str() == Some(to.as_str())
                    || r.request["phone_number"].as_str().is_some_and(|p| {
                        !digits(&to).is_empty() && digits(p).ends_with(&digits(&to)[1..])
                    })
            })
            .collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uk_mobile_numbers_are_read_as_notify_reads_them() {
        for good in ["07700 900123", "+44 7700 900123", "0044 (7700) 900-123"] {
            assert!(is_uk_mobile(good), "{good}");
        }
        for bad in ["0113 496 0000", "07700 9001", "not a number"] {
            assert!(!is_uk_mobile(bad), "{bad}");
        }
    }

    #[test]
    fn a_body_with_a_field_notify_does_not_take_is_refused() {
        let body = json!({
            "phone_number": "07700 900123",
            "template_id": SMS_TEMPLATE,
            "personalisation": { "body": "Hello" },
            "subject": "Not for a text",
        });
        assert_eq!(
            check_body("sms", body.as_object().unwrap()).unwrap_err(),
            "Additional properties are not allowed (subject was unexpected)"
        );
    }

    #[test]
    fn a_precompiled_letter_must_be_base64_of_a_pdf_with_known_postage() {
        let letter = |content: &str, postage: &str| {
            let body = json!({ "reference": "outbox-1", "content": content, "postage": postage });
            check_body("letter", body.as_object().unwrap())
        };
        assert_eq!(
            letter("not base64!", "second").unwrap_err(),
            "Cannot decode letter content (invalid base64 encoding)"
        );
        let not_a_pdf = base64::engine::general_purpose::STANDARD.encode(b"Dear Riya");
        assert_eq!(
            letter(&not_a_pdf, "second").unwrap_err(),
            "Letter content is not a valid PDF"
        );
        assert_eq!(
            letter(&not_a_pdf, "by pigeon").unwrap_err(),
            "postage invalid. It must be first, second or economy"
        );
    }

    #[test]
    fn uk_postcodes_are_read_by_their_shape() {
        for good in ["SW1A 1AA", "ls1 4ap", "M1 1AE", "GIR 0AA"] {
            assert!(is_uk_postcode(good), "{good}");
        }
        for bad in ["Leeds", "LS1", "LS1 4AP 4AP", "12345"] {
            assert!(!is_uk_postcode(bad), "{bad}");
        }
    }

    #[test]
    fn a_template_placeholder_left_out_is_refused() {
        let body = json!({
            "email_address": "a@example.com",
            "template_id": EMAIL_TEMPLATE,
            "personalisation": { "body": "Hello" },
        });
        assert_eq!(
            check_body("email", body.as_object().unwrap()).unwrap_err(),
            "Missing personalisation: subject"
        );
    }
}
