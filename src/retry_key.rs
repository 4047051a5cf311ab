//! One idempotency key per distinct request from a form: pressing the button
//! again with the same answers (after a lost connection or a lost answer)
//! sends the same key, so the server records it once; changed answers are a
//! new request with a new key. Pure, so tested natively.

/// The key last used, and the request it was used for.
#[derive(Debug, Default)]
pub struct RetryKeys {
    last: Option<(String, String)>,
}

impl RetryKeys {
    /// The key for sending `request` (its JSON): the last key when it is the
    /// same request again, otherwise `fresh()`.
    pub fn key_for(&mut self, request: &str, fresh: impl FnOnce() -> String) -> String {
        match &self.last {
            Some((sent, key)) if sent == request => key.clone(),
            _ => {
                let key = fresh();
                self.last = Some((request.to_owned(), key.clone()));
                key
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_request_again_is_sent_with_the_same_key() {
        let mut keys = RetryKeys::default();
        let mut made = 0;
        let mut fresh = || {
            made += 1;
            format!("key-{made}")
        };
        assert_eq!(keys.key_for(r#"{"text":"a"}"#, &mut fresh), "key-1");
        assert_eq!(keys.key_for(r#"{"text":"a"}"#, &mut fresh), "key-1");
        assert_eq!(keys.key_for(r#"{"text":"b"}"#, &mut fresh), "key-2");
        assert_eq!(keys.key_for(r#"{"text":"b"}"#, &mut fresh), "key-2");
        // Changing back is a new request too: the first may have been recorded.
        assert_eq!(keys.key_for(r#"{"text":"a"}"#, &mut fresh), "key-3");
    }
}
