//! Files people send (complaint attachments, signed authorisation forms) and
//! send back: decoded, size-capped and checked by content on the way in, with a
//! safe name and no caching on the way out.

pub mod store;

use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};
use base64::Engine;
use domain::api::cases::{messages, sniff_content_type, NewAttachment, ATTACHMENT_MAX_BYTES};

use crate::error::{ApiError, ApiResult};

/// Shown when a file's base64 cannot be decoded.
pub const FILE_UNREADABLE: &str = "The selected file could not be read. Try attaching it again";

/// A file that passed every check, ready to store.
#[derive(Debug, Clone)]
pub struct CheckedFile {
    pub filename: String,
    pub content_type: String,
    pub data: Vec<u8>,
}

/// Decodes an upload and checks its size and that its content is what it says
/// it is; problems are 422s on `field`. `fallback` names a file whose name
/// cleans away to nothing.
pub fn check(upload: &NewAttachment, field: &str, fallback: &str) -> Result<CheckedFile, ApiError> {
    let data = base64::engine::general_purpose::STANDARD
        .decode(upload.data_base64.trim())
        .map_err(|_| ApiError::field(field, FILE_UNREADABLE))?;
    if data.is_empty() {
        return Err(ApiError::field(field, messages::FILE_EMPTY));
    }
    if data.len() > ATTACHMENT_MAX_BYTES {
        return Err(ApiError::field(field, messages::FILE_TOO_BIG));
    }
    if sniff_content_type(&data) != Some(upload.content_type.as_str()) {
        return Err(ApiError::field(field, messages::FILE_TYPE));
    }
    Ok(CheckedFile {
        filename: safe_filename(&upload.filename, fallback),
        content_type: upload.content_type.clone(),
        data,
    })
}

/// 422 on `field` when `adding` more bytes would take the account past its
/// daily quota ([`crate::config::Config::file_quota_kib_per_day`]). Call it
/// in the transaction that stores the files, so two sends at once are
/// counted one after the other.
pub async fn within_daily_quota(
    conn: &mut sqlx::AnyConnection,
    state: &crate::AppState,
    user_id: i64,
    adding: usize,
    field: &str,
) -> Result<(), ApiError> {
    if adding == 0 {
        return Ok(());
    }
    let now = state.clock.now();
    let sent = store::bytes_sent_since(conn, user_id, now - chrono::Duration::hours(24)).await?;
    let quota =
        i64::try_from(state.config.file_quota_kib_per_day.saturating_mul(1024)).unwrap_or(i64::MAX);
    if sent.saturating_add(i64::try_from(adding).unwrap_or(i64::MAX)) > quota {
        return Err(ApiError::field(field, messages::FILES_OVER_DAILY_QUOTA));
    }
    Ok(())
}

/// A file name safe to store and to put in a `Content-Disposition` header:
/// letters, digits, spaces, dots, dashes and underscores; at most 100
/// characters; `fallback` when nothing is left.
pub fn safe_filename(name: &str, fallback: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or("");
    let cleaned: String = base
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_' | ' ') {
                c
            } else {
                '_'
            }
        })
        .take(100)
        .collect();
    let cleaned = cleaned.trim().trim_start_matches('.').trim().to_owned();
    if cleaned.is_empty() {
        fallback.to_owned()
    } else {
        cleaned
    }
}

/// A stored file as a download: its type, an attachment disposition with a
/// safe name, and never cached.
pub fn download(filename: &str, content_type: &str, data: Vec<u8>) -> ApiResult<Response> {
    let disposition = format!(
        "attachment; filename=\"{}\"",
        safe_filename(filename, "file")
    );
    let header = |value: &str| HeaderValue::from_str(value).map_err(ApiError::internal);
    Ok((
        [
            (header::CONTENT_TYPE, header(content_type)?),
            (header::CONTENT_DISPOSITION, header(&disposition)?),
            (
                header::CACHE_CONTROL,
                HeaderValue::from_static("private, no-store"),
            ),
        ],
        data,
    )
        .into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_path_and_odd_characters_are_cleaned_from_a_file_name() {
        assert_eq!(
            safe_filename("C:\\Users\\me\\damp \"wall\".jpg", "x"),
            "damp _wall_.jpg"
        );
        assert_eq!(safe_filename("../../etc/passwd", "x"), "passwd");
        assert_eq!(safe_filename("...", "attachment"), "attachment");
    }

    #[test]
    fn a_file_whose_content_is_not_its_type_is_refused_on_the_named_field() {
        let upload = NewAttachment {
            filename: "form.pdf".into(),
            content_type: "application/pdf".into(),
            data_base64: base64::engine::general_purpose::STANDARD.encode(b"\x89PNG\r\n\x1a\n"),
        };
        let error = check(&upload, "evidence", "form").unwrap_err();
        assert!(matches!(error, ApiError::Unprocessable(ref e) if e[0].field == "evidence"));
    }
}
