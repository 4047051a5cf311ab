//! Public ids: what the wire shows of a case, an account, an authorisation or
//! a session instead of its row number. One function makes them all, so every
//! kind is as hard to guess and none says how many there are.

use base64::Engine;

/// 16 random bytes from the operating system, base64url without padding (22
/// characters): an id that says nothing about how many there are, and that
/// nobody can guess from another.
pub fn new_public_id() -> String {
    let mut bytes = [0u8; 16];
    argon2::password_hash::rand_core::RngCore::fill_bytes(
        &mut argon2::password_hash::rand_core::OsRng,
        &mut bytes,
    );
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_id_is_22_url_safe_characters_and_no_two_are_the_same() {
        let ids: std::collections::HashSet<String> = (0..1000).map(|_| new_public_id()).collect();
        assert_eq!(ids.len(), 1000);
        for id in &ids {
            assert_eq!(id.len(), 22, "{id}");
            assert!(
                id.chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'),
                "{id}"
            );
        }
    }
}
