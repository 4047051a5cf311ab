//! Reading the files a resident chooses, on the device, before anything is sent.

use domain::api::cases::messages;
use leptos::prelude::window;
use leptos::web_sys::File;
use wasm_bindgen_futures::JsFuture;

use crate::complaint_draft::{check_file_before_reading, read_file, DraftFile};
use crate::storage;

/// Checks the file's size and type, then reads it and checks its content.
pub async fn read(file: File) -> Result<DraftFile, &'static str> {
    check_file_before_reading(&file.type_(), file.size() as u64)?;
    let buffer = JsFuture::from(file.array_buffer())
        .await
        .map_err(|_| messages::FILE_EMPTY)?;
    let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
    read_file(&file.name(), &bytes)
}

/// Keeps the files on the device; false when they do not fit.
pub fn keep(key: &str, files: &[DraftFile]) -> bool {
    if files.is_empty() {
        storage::remove(key);
        return true;
    }
    let Some(local) = window().local_storage().ok().flatten() else {
        return false;
    };
    match serde_json::to_string(files) {
        Ok(text) => {
            local.set_item(key, &text).is_ok() || {
                let _ = local.remove_item(key);
                false
            }
        }
        Err(_) => false,
    }
}
