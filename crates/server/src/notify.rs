//! GOV.UK Notify (issue 17, item 3): text messages, and email where a
//! template is given, and letters where postage is given, sent through
//! Notify's REST API (v2), the delivery service UK public bodies and
//! landlords use. A letter goes as a precompiled PDF (`POST
//! /v2/notifications/letter` with `reference`, the PDF base64-encoded in
//! `content`, and `postage`): the PDF of [`crate::letters`], laid out to
//! Notify's letter specification, which Notify prints and posts.
//!
//! A Notify API key is `{name}-{service id}-{secret}` (two UUIDs at its end).
//! Each request carries a JSON Web Token signed with HMAC-SHA256 under the
//! secret, with the service id as `iss` and the time as `iat` (Notify refuses
//! a token more than 30 seconds off its clock, so this is real time, never
//! the clock `--now` moves). Messages go through one template per channel
//! whose placeholders are `((subject))` and `((body))` (email) or
//! `((body))` (text message): the portal writes the whole message.
//!
//! What Notify answers decides what the outbox does: 201 is sent; 429 and
//! 5xx (and no answer) are tried again later; 400 and 403 will not get
//! better by trying again, so the message goes to staff at once.

use std::time::Duration;

use base64::Engine;
use hmac::{Hmac, Mac};
use serde_json::{json, Value};
use sha2::Sha256;

/// Where Notify's API is.
pub const NOTIFY_URL: &str = "https://api.notifications.service.gov.uk";

/// How long one request to Notify may take.
const TIMEOUT: Duration = Duration::from_secs(15);

/// The parts of an API key.
#[derive(Clone)]
pub struct ApiKey {
    service_id: String,
    secret: String,
}

impl std::fmt::Debug for ApiKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ApiKey")
            .field("service_id", &self.service_id)
            .finish_non_exhaustive()
    }
}

impl ApiKey {
    /// Reads a key as Notify issues it; what is wrong with it otherwise.
    pub fn parse(key: &str) -> Result<Self, String> {
        let key = key.trim();
        // name-SERVICEUUID(36)-SECRETUUID(36)
        if key.len() < 74 || !key.is_char_boundary(key.len() - 73) {
            return Err(
                "a GOV.UK Notify API key ends with two UUIDs (the service id and the secret)"
                    .into(),
            );
        }
        let tail = &key[key.len() - 73..];
        let (service_id, secret) = (&tail[..36], &tail[37..]);
        if !is_uuid(service_id) || !is_uuid(secret) || tail.as_bytes()[36] != b'-' {
            return Err(
                "a GOV.UK Notify API key ends with two UUIDs (the service id and the secret)"
                    .into(),
            );
        }
        Ok(Self {
            service_id: service_id.to_owned(),
            secret: secret.to_owned(),
        })
    }

    /// The bearer token for a request made at `iat` (seconds since the epoch).
    pub fn token(&self, iat: i64) -> String {
        let b64 = |bytes: &[u8]| base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes);
        let header = b64(br#"{"typ":"JWT","alg":"HS256"}"#);
        let claims = b64(json!({ "iss": self.service_id, "iat": iat })
            .to_string()
            .as_bytes());
        let signed = format!("{header}.{claims}");
        let mut mac =
            Hmac::<Sha256>::new_from_slice(self.secret.as_bytes()).expect("HMAC takes any key");
        mac.update(signed.as_bytes());
        format!("{signed}.{}", b64(&mac.finalize().into_bytes()))
    }
}

fn is_uuid(s: &str) -> bool {
    s.len() == 36
        && s.char_indices().all(|(i, c)| match i {
            8 | 13 | 18 | 23 => c == '-',
            _ => c.is_ascii_hexdigit(),
        })
}

/// Notify, as configured.
#[derive(Debug, Clone)]
pub struct Notify {
    base_url: String,
    key: ApiKey,
    email_template: Option<String>,
    sms_template: Option<String>,
    /// Letters go through Notify with this postage, when given.
    letter_postage: Option<Postage>,
    client: reqwest::Client,
}

/// How Notify posts a letter (its `postage`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Postage {
    First,
    Second,
    Economy,
}

impl Postage {
    /// Postage as Notify names it ("first", "second", "economy").
    pub fn parse(value: &str) -> Result<Self, String> {
        match value.trim() {
            "first" => Ok(Postage::First),
            "second" => Ok(Postage::Second),
            "economy" => Ok(Postage::Economy),
            other => Err(format!(
                "{other:?} is not GOV.UK Notify postage: give first, second or economy"
            )),
        }
    }

    fn as_str(self) -> &'static str {
        match self {
            Postage::First => "first",
            Postage::Second => "second",
            Postage::Economy => "economy",
        }
    }
}

/// Why a message did not go.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Failure {
    /// Worth trying again later: Notify was busy or did not answer.
    Retry(String),
    /// Trying again will not help: staff must look at it.
    GiveUp(String),
}

impl Failure {
    /// The words kept with the message for staff.
    pub fn detail(&self) -> &str {
        match self {
            Failure::Retry(detail) | Failure::GiveUp(detail) => detail,
        }
    }
}

impl Notify {
    pub fn new(
        base_url: &str,
        key: ApiKey,
        email_template: Option<String>,
        sms_template: Option<String>,
        letter_postage: Option<Postage>,
    ) -> Result<Self, String> {
        for template in email_template.iter().chain(sms_template.iter()) {
            if !is_uuid(template) {
                return Err(format!(
                    "{template:?} is not a GOV.UK Notify template id (a UUID)"
                ));
            }
        }
        let client = reqwest::Client::builder()
            .timeout(TIMEOUT)
            .user_agent(concat!("put-it-right/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(|e| e.to_string())?;
        Ok(Self {
            base_url: base_url.trim_end_matches('/').to_owned(),
            key,
            email_template,
            sms_template,
            letter_postage,
            client,
        })
    }

    /// Whether Notify sends email (an email template is configured).
    pub fn sends_email(&self) -> bool {
        self.email_template.is_some()
    }

    /// Whether Notify sends text messages (a text message template is configured).
    pub fn sends_text_messages(&self) -> bool {
        self.sms_template.is_some()
    }

    /// Whether Notify posts letters (postage is configured).
    pub fn sends_letters(&self) -> bool {
        self.letter_postage.is_some()
    }

    /// Sends a letter, a PDF laid out to Notify's letter specification, as
    /// a precompiled letter; Notify's id for it.
    pub async fn letter(&self, pdf: &[u8], reference: &str) -> Result<String, Failure> {
        let postage = self.letter_postage.ok_or_else(|| {
            Failure::GiveUp("GOV.UK Notify is not configured to post letters".into())
        })?;
        self.post(
            "letter",
            json!({
                "reference": reference,
                "content": base64::engine::general_purpose::STANDARD.encode(pdf),
                "postage": postage.as_str(),
            }),
        )
        .await
    }

    /// Sends an email; Notify's id for it.
    pub async fn email(
        &self,
        to: &str,
        subject: &str,
        body: &str,
        reference: &str,
    ) -> Result<String, Failure> {
        let template = self.email_template.as_deref().ok_or_else(|| {
            Failure::GiveUp("No GOV.UK Notify email template is configured".into())
        })?;
        self.post(
            "email",
            json!({
                "email_address": to,
                "template_id": template,
                "personalisation": { "subject": subject, "body": body },
                "reference": reference,
            }),
        )
        .await
    }

    /// Sends a text message; Notify's id for it.
    pub async fn text_message(
        &self,
        to: &str,
        body: &str,
        reference: &str,
    ) -> Result<String, Failure> {
        let template = self.sms_template.as_deref().ok_or_else(|| {
            Failure::GiveUp("No GOV.UK Notify text message template is configured".into())
        })?;
        self.post(
            "sms",
            json!({
                "phone_number": to,
                "template_id": template,
                "personalisation": { "body": body },
                "reference": reference,
            }),
        )
        .await
    }

    /// What Notify says of a message it took: its `status` (Notify keeps
    /// it for 7 days).
    pub async fn status(&self, id: &str) -> Result<String, Failure> {
        if !is_uuid(id) {
            return Err(Failure::GiveUp(format!("{id:?} is not a GOV.UK Notify id")));
        }
        let answer = self
            .client
            .get(format!("{}/v2/notifications/{id}", self.base_url))
            .bearer_auth(self.key.token(now_seconds()))
            .send()
            .await
            .map_err(|e| unreachable(&e))?;
        let status = answer.status();
        let text = answer.text().await.unwrap_or_default();
        let parsed: Value = serde_json::from_str(&text).unwrap_or(Value::Null);
        if status.is_success() {
            return parsed["status"]
                .as_str()
                .map(str::to_owned)
                .ok_or_else(|| Failure::Retry("GOV.UK Notify's answer had no status".into()));
        }
        Err(refused(
            status,
            format!("GOV.UK Notify did not say ({})", status.as_u16()),
        ))
    }

    async fn post(&self, kind: &str, body: Value) -> Result<String, Failure> {
        let answer = self
            .client
            .post(format!("{}/v2/notifications/{kind}", self.base_url))
            .bearer_auth(self.key.token(now_seconds()))
            .json(&body)
            .send()
            .await
            .map_err(|e| unreachable(&e))?;
        let status = answer.status();
        let text = answer.text().await.unwrap_or_default();
        let parsed: Value = serde_json::from_str(&text).unwrap_or(Value::Null);
        if status.as_u16() == 201 {
            return parsed["id"]
                .as_str()
                .map(str::to_owned)
                .ok_or_else(|| Failure::Retry("GOV.UK Notify's answer had no id".into()));
        }
        // Notify's errors: {"status_code": 400, "errors": [{"error", "message"}]}.
        let said = parsed["errors"]
            .as_array()
            .map(|errors| {
                errors
                    .iter()
                    .filter_map(|e| e["message"].as_str())
                    .collect::<Vec<_>>()
                    .join("; ")
            })
            .filter(|s| !s.is_empty())
            .unwrap_or_else(|| "no reason given".to_owned());
        Err(refused(
            status,
            format!("GOV.UK Notify refused it ({}): {said}", status.as_u16()),
        ))
    }
}

fn now_seconds() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
        .unwrap_or_default()
}

/// A refusal from Notify: worth trying again when it was busy (429) or
/// broken (5xx), not otherwise.
fn refused(status: reqwest::StatusCode, detail: String) -> Failure {
    if status.as_u16() == 429 || status.is_server_error() {
        Failure::Retry(detail)
    } else {
        Failure::GiveUp(detail)
    }
}

/// The statuses Notify gives a message that arrived: nothing more will
/// happen to it.
pub const ARRIVED: [&str; 3] = ["delivered", "sent", "received"];

fn unreachable(e: &reqwest::Error) -> Failure {
    Failure::Retry(if e.is_timeout() {
        "GOV.UK Notify did not answer in time".to_owned()
    } else {
        "GOV.UK Notify could not be reached".to_owned()
    })
}

/// Where a message stands by the status Notify gives it (its API
/// documentation, "Get the status of one message", for email, text
/// messages and precompiled letters).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Delivered {
    /// Not final yet: `created`, `sending`, `pending`, `accepted`,
    /// `pending-virus-check`, or a status this version does not know.
    NotYet,
    /// `delivered`, `sent` (a text abroad), `received` (a letter the printer has).
    Yes,
    /// It will not arrive; the words say why, for staff.
    No(&'static str),
}

impl Delivered {
    pub fn from_status(status: &str) -> Self {
        match status {
            arrived if ARRIVED.contains(&arrived) => Delivered::Yes,
            "permanent-failure" => Delivered::No(
                "the address or number does not exist, or the letter cannot be printed",
            ),
            "temporary-failure" => Delivered::No(
                "the inbox was full, or the phone was off or had no signal, until GOV.UK Notify stopped trying",
            ),
            "technical-failure" => Delivered::No("GOV.UK Notify had a technical failure"),
            "validation-failed" => {
                Delivered::No("the letter failed GOV.UK Notify's checks (often its address)")
            }
            "virus-scan-failed" => Delivered::No("the letter failed GOV.UK Notify's virus scan"),
            "cancelled" => Delivered::No("the letter was cancelled"),
            _ => Delivered::NotYet,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const KEY: &str =
        "my_test_key-26785a09-ab16-4eb0-8407-a37497a57506-3d844edf-8d35-48ac-975b-e847b4f122b0";

    #[test]
    fn notify_statuses_say_whether_a_message_arrived_will_not_or_may_yet() {
        for arrived in ["delivered", "sent", "received"] {
            assert_eq!(Delivered::from_status(arrived), Delivered::Yes, "{arrived}");
        }
        for on_its_way in [
            "created",
            "sending",
            "pending",
            "accepted",
            "pending-virus-check",
        ] {
            assert_eq!(
                Delivered::from_status(on_its_way),
                Delivered::NotYet,
                "{on_its_way}"
            );
        }
        for failed in [
            "permanent-failure",
            "temporary-failure",
            "technical-failure",
            "validation-failed",
            "virus-scan-failed",
            "cancelled",
        ] {
            assert!(
                matches!(Delivered::from_status(failed), Delivered::No(_)),
                "{failed}"
            );
        }
    }

    #[test]
    fn a_key_is_read_from_its_last_two_uuids() {
        let key = ApiKey::parse(KEY).unwrap();
        assert_eq!(key.service_id, "26785a09-ab16-4eb0-8407-a37497a57506");
        assert_eq!(key.secret, "3d844edf-8d35-48ac-975b-e847b4f122b0");
        assert!(ApiKey::parse("not-a-key").is_err());
        // The secret never shows in a debug print.
        assert!(!format!("{key:?}").contains("3d844edf"));
    }

    #[test]
    fn the_token_is_an_hs256_jwt_with_the_service_and_the_time() {
        let token = ApiKey::parse(KEY).unwrap().token(1_700_000_000);
        let parts: Vec<&str> = token.split('.').collect();
        assert_eq!(parts.len(), 3);
        let decode = |s: &str| -> Value {
            serde_json::from_slice(
                &base64::engine::general_purpose::URL_SAFE_NO_PAD
                    .decode(s)
                    .unwrap(),
            )
            .unwrap()
        };
        assert_eq!(decode(parts[0]), json!({ "typ": "JWT", "alg": "HS256" }));
        assert_eq!(
            decode(parts[1]),
            json!({ "iss": "26785a09-ab16-4eb0-8407-a37497a57506", "iat": 1_700_000_000 })
        );
        let mut mac =
            Hmac::<Sha256>::new_from_slice(b"3d844edf-8d35-48ac-975b-e847b4f122b0").unwrap();
        mac.update(format!("{}.{}", parts[0], parts[1]).as_bytes());
        assert_eq!(
            parts[2],
            base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(mac.finalize().into_bytes())
        );
    }
}
