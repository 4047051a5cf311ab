//! Keyset pagination, the same on every list: `?limit=` (1 to
//! [`MAX_LIMIT`], [`DEFAULT_LIMIT`] when left out) and `?after=`, an opaque
//! cursor. When there is more, the answer carries
//! `Link: </api/v1/…?…&after=…>; rel="next"` (RFC 8288) and the body stays
//! the plain list. A cursor holds the sort keys of the last item shown, so a
//! page is found with an index seek, whatever page it is, and an item added
//! or removed meanwhile neither repeats nor skips another.

use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};
use axum::Json;
use base64::Engine;
use serde::{Deserialize, Serialize};

use crate::error::{ApiError, FieldError};

pub const DEFAULT_LIMIT: u32 = 50;
pub const MAX_LIMIT: u32 = 100;

pub const LIMIT_NOT_VALID: &str = "The limit must be a whole number from 1 to 100";
pub const CURSOR_NOT_VALID: &str =
    "The page asked for is not valid: start again from the first page";

/// The query parameters of a page.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct PageQuery {
    pub limit: Option<u32>,
    pub after: Option<String>,
}

/// A checked page request: how many, and after which keys.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    pub limit: u32,
    pub after: Option<Vec<String>>,
}

impl PageQuery {
    pub fn check(self) -> Result<Page, ApiError> {
        let limit = self.limit.unwrap_or(DEFAULT_LIMIT);
        if !(1..=MAX_LIMIT).contains(&limit) {
            return Err(ApiError::BadRequest(vec![FieldError::new(
                "limit",
                LIMIT_NOT_VALID,
            )]));
        }
        let after = match self.after {
            None => None,
            Some(cursor) => Some(decode(&cursor).ok_or_else(|| {
                ApiError::BadRequest(vec![FieldError::new("after", CURSOR_NOT_VALID)])
            })?),
        };
        Ok(Page { limit, after })
    }
}

impl Page {
    /// The first page of [`DEFAULT_LIMIT`].
    pub fn first() -> Self {
        Self {
            limit: DEFAULT_LIMIT,
            after: None,
        }
    }

    /// Rows to fetch: one more than the page, to learn whether there is more.
    pub fn fetch(&self) -> i64 {
        i64::from(self.limit) + 1
    }

    /// The cursor keys, when there are exactly `n` of them.
    pub fn after_keys(&self, n: usize) -> Result<Option<&[String]>, ApiError> {
        match &self.after {
            None => Ok(None),
            Some(keys) if keys.len() == n => Ok(Some(keys)),
            Some(_) => Err(ApiError::BadRequest(vec![FieldError::new(
                "after",
                CURSOR_NOT_VALID,
            )])),
        }
    }

    /// Cuts `rows` (fetched with [`Page::fetch`]) to the page, and gives the
    /// cursor of the next page when there is one.
    pub fn cut<T>(
        &self,
        mut rows: Vec<T>,
        keys: impl Fn(&T) -> Vec<String>,
    ) -> (Vec<T>, Option<String>) {
        let limit = self.limit as usize;
        if rows.len() <= limit {
            return (rows, None);
        }
        rows.truncate(limit);
        let next = rows.last().map(|last| encode(&keys(last)));
        (rows, next)
    }
}

fn encode(keys: &[String]) -> String {
    let json = serde_json::to_vec(keys).unwrap_or_default();
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(json)
}

fn decode(cursor: &str) -> Option<Vec<String>> {
    if cursor.len() > 512 {
        return None;
    }
    let json = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(cursor)
        .ok()?;
    serde_json::from_slice(&json).ok()
}

/// The list as JSON, with a `Link` to the next page when there is one.
/// `path_and_query` is the list's address with its filters and `limit`, no
/// `after` (e.g. `/api/v1/staff/cases?stage=1&limit=50`).
pub fn answer<T: Serialize>(items: Vec<T>, next: Option<String>, path_and_query: &str) -> Response {
    let mut response = Json(items).into_response();
    if let Some(cursor) = next {
        let separator = if path_and_query.contains('?') {
            '&'
        } else {
            '?'
        };
        let link = format!("<{path_and_query}{separator}after={cursor}>; rel=\"next\"");
        if let Ok(value) = HeaderValue::from_str(&link) {
            response.headers_mut().insert(header::LINK, value);
        }
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cursor_reads_back_as_the_keys_it_was_made_of() {
        let keys = vec!["2026-03-02T09:00:00.000Z".to_owned(), "42".to_owned()];
        assert_eq!(decode(&encode(&keys)), Some(keys));
        assert_eq!(decode("not a cursor!"), None);
    }

    #[test]
    fn a_page_is_cut_to_its_limit_and_knows_whether_there_is_more() {
        let page = Page {
            limit: 2,
            after: None,
        };
        let (rows, next) = page.cut(vec![1, 2, 3], |n| vec![n.to_string()]);
        assert_eq!(rows, [1, 2]);
        assert_eq!(next.as_deref().and_then(decode), Some(vec!["2".to_owned()]));
        let (rows, next) = page.cut(vec![1, 2], |n| vec![n.to_string()]);
        assert_eq!((rows, next), (vec![1, 2], None));
    }

    #[test]
    fn limits_outside_one_to_a_hundred_and_made_up_cursors_are_refused() {
        for limit in [0, 101] {
            let query = PageQuery {
                limit: Some(limit),
                after: None,
            };
            assert!(query.check().is_err());
        }
        let query = PageQuery {
            limit: None,
            after: Some("xyz".into()),
        };
        assert!(query.check().is_err());
    }
}
