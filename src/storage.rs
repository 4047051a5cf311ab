//! The device's own storage (localStorage): drafts, and display settings before
//! sign-in. Failures (private mode, storage full) are ignored: the app still works,
//! it just cannot remember.

use serde::de::DeserializeOwned;
use serde::Serialize;

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

/// Forgets every key `forget` picks; returns how many.
pub fn remove_where(forget: fn(&str) -> bool) -> usize {
    let Some(storage) = local() else { return 0 };
    let length = storage.length().unwrap_or(0);
    let keys: Vec<String> = (0..length)
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter(|k| forget(k))
        .collect();
    for key in &keys {
        let _ = storage.remove_item(key);
    }
    keys.len()
}
