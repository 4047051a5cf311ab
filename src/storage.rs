//! The device's own storage (localStorage): drafts, and display settings before
//! sign-in. Failures (private mode, storage full) are ignored: the app still works,
//! it just cannot remember.

use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::device_data::{self, SHARED, SHARED_DEVICE};

fn local() -> Option<leptos::web_sys::Storage> {
    leptos::prelude::window().local_storage().ok().flatten()
}

/// Reads a JSON value saved under `key`.
pub fn load<T: DeserializeOwned>(key: &str) -> Option<T> {
    let text = local()?.get_item(key).ok().flatten()?;
    serde_json::from_str(&text).ok()
}

/// Saves a JSON value under `key`.
pub fn save<T: Serialize>(key: &str, value: &T) {
    if let (Some(storage), Ok(text)) = (local(), serde_json::to_string(value)) {
        let _ = storage.set_item(key, &text);
    }
}

/// Reads plain text saved under `key` (no JSON: for the few words the first
/// page reads, where the decoder's code would cost the start page).
pub fn load_text(key: &str) -> Option<String> {
    local()?.get_item(key).ok().flatten()
}

/// Saves plain text under `key`.
pub fn save_text(key: &str, text: &str) {
    if let Some(storage) = local() {
        let _ = storage.set_item(key, text);
    }
}

/// Forgets `key`.
pub fn remove(key: &str) {
    if let Some(storage) = local() {
        let _ = storage.remove_item(key);
    }
}

/// A fresh random key for one submission (`crypto.randomUUID()`), so a retried
/// request is recognised by the server as the same one.
pub fn new_idempotency_key() -> String {
    leptos::prelude::window()
        .crypto()
        .map(|c| c.random_uuid())
        .unwrap_or_else(|_| format!("{}", js_sys::Math::random()).replace("0.", "k"))
}

/// Forgets every key `forget` picks.
pub fn remove_where(forget: fn(&str) -> bool) {
    let Some(storage) = local() else { return };
    // The keys first: removing one may change the order of the others.
    for key in js_sys::Object::keys(&storage).iter() {
        if let Some(key) = key.as_string().filter(|k| forget(k)) {
            let _ = storage.remove_item(&key);
        }
    }
}

/// Whether this device is marked as shared or public.
pub fn is_shared() -> bool {
    let stored = local().and_then(|s| s.get_item(SHARED_DEVICE).ok().flatten());
    device_data::is_shared(stored.as_deref())
}

/// Marks this device as shared or public, or not.
pub fn mark_shared(shared: bool) {
    if let Some(storage) = local() {
        let _ = if shared {
            storage.set_item(SHARED_DEVICE, SHARED)
        } else {
            storage.remove_item(SHARED_DEVICE)
        };
    }
}

/// On a device marked as shared, deletes everything a person typed
/// ([`device_data::is_typed`]); says whether the device is shared.
pub fn forget_typed_if_shared() -> bool {
    let shared = is_shared();
    if shared {
        remove_where(device_data::is_typed);
    }
    shared
}
