//! Passwords: argon2id hashes, computed off the async threads, and the list of
//! passwords too common to accept.

use std::collections::HashSet;
use std::sync::OnceLock;

use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};

use crate::error::ApiError;

/// OWASP's first argon2id setting: 19 MiB of memory, 2 passes, 1 lane.
const MEMORY_KIB: u32 = 19_456;
const PASSES: u32 = 2;
const LANES: u32 = 1;

fn argon2() -> Argon2<'static> {
    let params = Params::new(MEMORY_KIB, PASSES, LANES, None).expect("valid argon2 parameters");
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

fn hash_now(password: &str) -> Result<String, ApiError> {
    let salt = SaltString::generate(&mut OsRng);
    argon2()
        .hash_password(password.as_bytes(), &salt)
        .map(|hash| hash.to_string())
        .map_err(ApiError::internal)
}

/// A hash of a password nobody knows, verified against when the email is not
/// an account's, so that a wrong email takes as long as a wrong password.
fn dummy_hash() -> &'static str {
    static DUMMY: OnceLock<String> = OnceLock::new();
    DUMMY.get_or_init(|| {
        let mut bytes = [0u8; 32];
        argon2::password_hash::rand_core::RngCore::fill_bytes(&mut OsRng, &mut bytes);
        let unguessable = base64::Engine::encode(&base64::engine::general_purpose::STANDARD, bytes);
        hash_now(&unguessable).expect("hashing a random password works")
    })
}

/// The PHC string (`$argon2id$v=19$m=19456,t=2,p=1$…`) of a new password.
pub async fn hash_password(password: String) -> Result<String, ApiError> {
    tokio::task::spawn_blocking(move || hash_now(&password))
        .await
        .map_err(ApiError::internal)?
}

/// Whether `password` matches `hash`. With no hash (no such account) it still
/// does the work, against a dummy, and answers false.
pub async fn verify_password(password: String, hash: Option<String>) -> Result<bool, ApiError> {
    tokio::task::spawn_blocking(move || {
        let known = hash.is_some();
        let stored = hash.unwrap_or_else(|| dummy_hash().to_owned());
        let Ok(parsed) = PasswordHash::new(&stored) else {
            tracing::error!("a stored password hash cannot be read");
            return false;
        };
        // The parameters come from the stored hash, so older hashes still verify.
        let matches = argon2()
            .verify_password(password.as_bytes(), &parsed)
            .is_ok();
        known && matches
    })
    .await
    .map_err(ApiError::internal)
}

/// Whether the password is among the most common ones (compared lower-cased).
pub fn is_common_password(password: &str) -> bool {
    static COMMON: OnceLock<HashSet<&'static str>> = OnceLock::new();
    let common = COMMON.get_or_init(|| {
        include_str!("common-passwords.txt")
            .lines()
            .map(str::trim)
            .filter(|line| !line.is_empty() && !line.starts_with('#'))
            .collect()
    });
    common.contains(password.to_lowercase().as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_best_known_passwords_are_common() {
        for p in [
            "password",
            "Password1",
            "12345678",
            "qwertyui",
            "iloveyou",
            "letmein1",
        ] {
            assert!(is_common_password(p), "{p}");
        }
        assert!(!is_common_password("purple tractor harbour"));
    }

    #[test]
    fn every_entry_in_the_list_is_long_enough_to_matter_and_lower_case() {
        let list = include_str!("common-passwords.txt");
        let entries: Vec<&str> = list
            .lines()
            .filter(|l| !l.starts_with('#') && !l.is_empty())
            .collect();
        assert!(entries.len() > 1000, "{}", entries.len());
        for entry in entries {
            assert!(entry.chars().count() >= 8, "{entry}");
            assert_eq!(entry, entry.to_lowercase());
        }
    }

    #[tokio::test]
    async fn a_hash_verifies_its_password_and_no_other() {
        let hash = hash_password("purple tractor".into()).await.unwrap();
        assert!(hash.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"));
        assert!(verify_password("purple tractor".into(), Some(hash.clone()))
            .await
            .unwrap());
        assert!(!verify_password("purple tractors".into(), Some(hash))
            .await
            .unwrap());
        assert!(!verify_password("anything".into(), None).await.unwrap());
    }
}
