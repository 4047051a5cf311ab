//! Files chosen for a complaint: checked, read and sized on the device.

use domain::api::cases::{
    check_attachments, messages, sniff_content_type, NewAttachment, ATTACHMENTS_MAX,
    ATTACHMENT_MAX_BYTES, ATTACHMENT_TYPES,
};
use domain::validation::Problems;
use serde::{Deserialize, Serialize};

use crate::i18n::tf;

use super::*;

/// A file the resident chose, read and checked on the device.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DraftFile {
    pub filename: String,
    pub content_type: String,
    /// Bytes, before base64.
    pub size: u64,
    pub data_base64: String,
}

impl DraftFile {
    pub fn attachment(&self) -> NewAttachment {
        NewAttachment {
            filename: self.filename.clone(),
            content_type: self.content_type.clone(),
            data_base64: self.data_base64.clone(),
        }
    }
}

/// Checks a chosen file by what the browser says before reading it: its size
/// and, where the browser knows it, its type. The shared messages.
pub fn check_file_before_reading(declared_type: &str, size: u64) -> Result<(), &'static str> {
    if !declared_type.is_empty() && !ATTACHMENT_TYPES.contains(&declared_type) {
        return Err(messages::FILE_TYPE);
    }
    if size == 0 {
        return Err(messages::FILE_EMPTY);
    }
    if size > ATTACHMENT_MAX_BYTES as u64 {
        return Err(messages::FILE_TOO_BIG);
    }
    Ok(())
}

/// Whether `adding` more files still fit beside `existing` ones.
pub fn check_file_count(existing: usize, adding: usize) -> Result<(), &'static str> {
    if existing + adding > ATTACHMENTS_MAX {
        Err(messages::TOO_MANY_FILES)
    } else {
        Ok(())
    }
}

/// A file's content read: its type is what its first bytes say (as the
/// server checks), never only its name.
pub fn read_file(filename: &str, bytes: &[u8]) -> Result<DraftFile, &'static str> {
    if bytes.is_empty() {
        return Err(messages::FILE_EMPTY);
    }
    if bytes.len() > ATTACHMENT_MAX_BYTES {
        return Err(messages::FILE_TOO_BIG);
    }
    let content_type = sniff_content_type(bytes).ok_or(messages::FILE_TYPE)?;
    let file = DraftFile {
        filename: filename.to_owned(),
        content_type: content_type.to_owned(),
        size: bytes.len() as u64,
        data_base64: encode_base64(bytes),
    };
    let mut problems = Problems::new();
    check_attachments(&[file.attachment()], &mut problems);
    problems.into_result().map_err(|_| messages::FILE_TYPE)?;
    Ok(file)
}

/// "2.4 MB", "512 KB": a file's size as a resident reads it.
pub fn file_size(bytes: u64) -> String {
    if bytes >= 1024 * 1024 {
        let megabytes = format!("{:.1}", bytes as f64 / (1024.0 * 1024.0));
        tf("{size} MB", &[("size", &megabytes)])
    } else {
        tf("{size} KB", &[("size", &bytes.div_ceil(1024))])
    }
}
