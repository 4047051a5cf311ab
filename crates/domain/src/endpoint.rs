//! What an endpoint of the JSON API is, said once: its method and path, who
//! may call it, what it takes and answers, and the errors it can give. The
//! declarations are in [`crate::endpoints`]; the server registers its handlers
//! by them, its OpenAPI document is built from them, and the app's typed
//! client calls fill in their paths, so none of the three can name a route
//! the others do not know.

/// The HTTP method of an endpoint.
#[allow(clippy::upper_case_acronyms)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Method {
    GET,
    POST,
    PUT,
    DELETE,
}

impl Method {
    /// As OpenAPI writes it: `get`, `post`, …
    pub const fn lowercase(self) -> &'static str {
        match self {
            Method::GET => "get",
            Method::POST => "post",
            Method::PUT => "put",
            Method::DELETE => "delete",
        }
    }
}

/// Who may call an endpoint. Anyone but [`Access::Public`] can be answered
/// 401; [`Access::Staff`] and [`Access::Admin`] also 403.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    Public,
    SignedIn,
    Staff,
    /// Administrators only: the landlord's managers (the figures, issue 19).
    Admin,
}

/// Whether a write takes an `Idempotency-Key` header.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RetryKey {
    None,
    /// Sent again with the same key, the write is not made twice.
    Optional,
    /// The write is refused without one.
    Required,
}

/// One query parameter: its name, its JSON type and whether it must be there,
/// with what narrows it (a format, a range), so a generated client refuses
/// what the server would.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QueryParam {
    pub name: &'static str,
    /// `string`, `integer` or `boolean`.
    pub kind: &'static str,
    pub required: bool,
    /// The string's format (`date`: YYYY-MM-DD).
    pub format: Option<&'static str>,
    /// The least and the greatest integer allowed.
    pub range: Option<(i64, i64)>,
}

impl QueryParam {
    /// A parameter with nothing more to say than its type: fill in the rest
    /// with `..QueryParam::PLAIN`.
    pub const PLAIN: QueryParam = QueryParam {
        name: "",
        kind: "string",
        required: false,
        format: None,
        range: None,
    };
}

/// The request of an endpoint that takes no body, or the answer of one that
/// gives none. Sent, it is `{}`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
pub struct NoBody {}

/// What a request or an answer body must be: JSON both ways (the app writes
/// what the server reads and reads what it writes), and with the server's
/// `openapi` feature, described by a JSON Schema.
#[cfg(feature = "openapi")]
pub trait Wire:
    serde::Serialize + serde::de::DeserializeOwned + schemars::JsonSchema + 'static
{
}
#[cfg(feature = "openapi")]
impl<T: serde::Serialize + serde::de::DeserializeOwned + schemars::JsonSchema + 'static> Wire
    for T
{
}
/// What a request or an answer body must be: JSON both ways.
#[cfg(not(feature = "openapi"))]
pub trait Wire: serde::Serialize + serde::de::DeserializeOwned + 'static {}
#[cfg(not(feature = "openapi"))]
impl<T: serde::Serialize + serde::de::DeserializeOwned + 'static> Wire for T {}

/// One operation of the API, under `/api/v1`.
pub trait Endpoint: 'static {
    const METHOD: Method;
    /// With `{name}` for each path parameter, as axum and OpenAPI write it.
    const PATH: &'static str;
    /// The OpenAPI `operationId`.
    const OPERATION: &'static str;
    /// One line for the OpenAPI document.
    const SUMMARY: &'static str;
    const ACCESS: Access;
    /// The JSON body it takes ([`NoBody`]: none).
    type Request: Wire;
    /// The JSON body it answers with on success ([`NoBody`]: none).
    type Answer: Wire;
    /// The status of a success.
    const STATUS: u16 = 200;
    /// The errors it can answer with, besides those every endpoint of its
    /// kind can (401 unless public, 403 for staff, 400/413/415/422 with a
    /// body, and 500).
    const ERRORS: &'static [u16] = &[];
    const QUERY: &'static [QueryParam] = &[];
    /// A list answered a page at a time (`limit`, `after`, a `Link` header).
    const PAGED: bool = false;
    const RETRY_KEY: RetryKey = RetryKey::None;
    /// Left out of the OpenAPI document (the tests' mailbox).
    const DOCUMENTED: bool = true;

    /// The path with its parameters filled in, in order.
    fn path(params: &[&str]) -> String {
        fill(Self::PATH, params)
    }
}

/// Something to do with each endpoint in turn (see [`crate::endpoints::visit`]).
pub trait Visitor {
    fn visit<E: Endpoint>(&mut self);
}

/// `template` with each `{…}` replaced by the next of `params`.
pub fn fill(template: &str, params: &[&str]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut params = params.iter();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let close = rest[open..].find('}').map_or(rest.len(), |c| open + c + 1);
        out.push_str(params.next().copied().unwrap_or_default());
        rest = &rest[close..];
    }
    out.push_str(rest);
    debug_assert!(
        params.next().is_none(),
        "too many parameters for {template}"
    );
    out
}

/// The names of a path's parameters, in order.
pub fn path_params(template: &str) -> impl Iterator<Item = &str> {
    template
        .split('/')
        .filter_map(|segment| segment.strip_prefix('{').and_then(|s| s.strip_suffix('}')))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parameters_fill_the_path_in_order() {
        assert_eq!(
            fill(
                "/cases/{id}/attachments/{attachment_id}",
                &["CMP-2026-00042", "7"]
            ),
            "/cases/CMP-2026-00042/attachments/7"
        );
        assert_eq!(fill("/cases", &[]), "/cases");
        assert_eq!(fill("/cases/{id}", &["a"]), "/cases/a");
    }

    #[test]
    fn a_path_names_its_parameters() {
        let names: Vec<_> = path_params("/cases/{id}/attachments/{attachment_id}").collect();
        assert_eq!(names, ["id", "attachment_id"]);
    }
}
