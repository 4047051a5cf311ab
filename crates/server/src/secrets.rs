//! Secrets kept at rest under a key the deployment provides: today the
//! staff's authenticator (TOTP) keys, which must be readable to check a
//! code, so they cannot be hashed like passwords. Someone who gets a copy of
//! the database (a backup, a stolen disk) without the key file cannot make
//! codes from them.
//!
//! A secret is sealed with AES-256-GCM (RustCrypto's `aes-gcm`): a random
//! 96-bit nonce per secret, and the account's id as associated data, so a
//! sealed secret copied onto another account's row does not open. What is
//! stored is [`PREFIX`], the nonce, then the ciphertext and its tag; the
//! prefix tells a sealed secret from one stored before this (20 bare bytes),
//! which start-up seals ([`crate::auth::second_factor::store::seal_stored_keys`]).
//!
//! The key is 32 random bytes, as 64 hex digits or base64, in the file
//! `--secrets-key-file` names (`PORTAL_SECRETS_KEY_FILE`); e.g.
//! `openssl rand -hex 32 > secrets.key`. Without one, a server on loopback
//! or a demonstration makes one beside its SQLite database (mode 0600) and
//! says so; anywhere else it refuses to start.

use std::path::{Path, PathBuf};

use aes_gcm::aead::{Aead, AeadCore, KeyInit, OsRng, Payload};
use aes_gcm::{Aes256Gcm, Key, Nonce};
use base64::Engine;

use crate::config::Config;

/// What a sealed secret starts with (version 1 of the format).
pub const PREFIX: &[u8] = b"sealed1:";
const NONCE_BYTES: usize = 12;
const TAG_BYTES: usize = 16;

/// The key secrets are sealed under.
#[derive(Clone)]
pub struct SecretsKey(Key<Aes256Gcm>);

impl std::fmt::Debug for SecretsKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SecretsKey(…)")
    }
}

/// A sealed secret that does not open: another key sealed it, or it was
/// changed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "a secret stored in the database cannot be read with this secrets key \
     (--secrets-key-file): it was encrypted with another key, or changed"
)]
pub struct WrongKey;

impl SecretsKey {
    /// 32 new random bytes.
    pub fn generate() -> Self {
        Self(Aes256Gcm::generate_key(OsRng))
    }

    /// The key written as 64 hex digits or as base64 (standard or URL-safe,
    /// padded or not), with any surrounding white space.
    pub fn from_text(text: &str) -> Result<Self, String> {
        let text = text.trim();
        let bytes = if text.len() == 64 && text.bytes().all(|b| b.is_ascii_hexdigit()) {
            (0..32)
                .map(|i| u8::from_str_radix(&text[2 * i..2 * i + 2], 16))
                .collect::<Result<Vec<u8>, _>>()
                .ok()
        } else {
            use base64::engine::general_purpose::{
                STANDARD, STANDARD_NO_PAD, URL_SAFE, URL_SAFE_NO_PAD,
            };
            [STANDARD, STANDARD_NO_PAD, URL_SAFE, URL_SAFE_NO_PAD]
                .iter()
                .find_map(|engine| engine.decode(text).ok())
        };
        match bytes {
            Some(bytes) if bytes.len() == 32 => Ok(Self(*Key::<Aes256Gcm>::from_slice(&bytes))),
            _ => Err(
                "it must hold 32 random bytes, as 64 hex digits or in base64 \
                      (make one with: openssl rand -hex 32)"
                    .to_owned(),
            ),
        }
    }

    /// The key as 64 hex digits, for its file.
    fn to_hex(&self) -> String {
        self.0.iter().map(|b| format!("{b:02x}")).collect()
    }

    /// A key of its own for `purpose` (HMAC-SHA256 of the purpose under this
    /// key), so one secrets key serves several uses that never share a key.
    pub fn derive(&self, purpose: &str) -> [u8; 32] {
        use hmac::{Hmac, Mac};
        let mut mac = <Hmac<sha2::Sha256> as Mac>::new_from_slice(&self.0)
            .expect("HMAC takes a key of any length");
        mac.update(purpose.as_bytes());
        mac.finalize().into_bytes().into()
    }

    /// Seals `secret`, bound to `context` (e.g. the account's id).
    pub fn seal(&self, secret: &[u8], context: &[u8]) -> Vec<u8> {
        let cipher = Aes256Gcm::new(&self.0);
        let nonce = Aes256Gcm::generate_nonce(&mut OsRng);
        let sealed = cipher
            .encrypt(
                &nonce,
                Payload {
                    msg: secret,
                    aad: context,
                },
            )
            .expect("AES-GCM seals any secret shorter than 64 GiB");
        [PREFIX, nonce.as_slice(), &sealed].concat()
    }

    /// Opens what [`SecretsKey::seal`] made with the same `context`.
    pub fn open(&self, stored: &[u8], context: &[u8]) -> Result<Vec<u8>, WrongKey> {
        if !is_sealed(stored) {
            return Err(WrongKey);
        }
        let rest = &stored[PREFIX.len()..];
        let (nonce, sealed) = rest.split_at(NONCE_BYTES);
        Aes256Gcm::new(&self.0)
            .decrypt(
                Nonce::from_slice(nonce),
                Payload {
                    msg: sealed,
                    aad: context,
                },
            )
            .map_err(|_| WrongKey)
    }
}

/// Whether a stored value is sealed (not a secret stored before sealing).
pub fn is_sealed(stored: &[u8]) -> bool {
    stored.starts_with(PREFIX) && stored.len() >= PREFIX.len() + NONCE_BYTES + TAG_BYTES
}

/// How to make a key file, for the messages that ask for one.
pub const KEY_FILE_HOWTO: &str = "a file of 32 random bytes, as 64 hex digits or base64 \
     (make one with: openssl rand -hex 32 > secrets.key; chmod 600 secrets.key)";

/// Where a key is made when none is configured: beside the SQLite
/// database. `None` for a database in memory.
pub fn default_key_file(database_url: &str) -> Option<PathBuf> {
    let path = database_url
        .strip_prefix("sqlite://")
        .or_else(|| database_url.strip_prefix("sqlite:"))
        .unwrap_or(database_url);
    let path = path.split('?').next().unwrap_or(path);
    if path.is_empty() || path.contains(":memory:") {
        return None;
    }
    Some(PathBuf::from(format!("{path}.secrets-key")))
}

/// The key the configuration gives: read from `--secrets-key-file`, or (on
/// loopback or in a demonstration) read from or made beside the database.
pub fn load(config: &Config) -> Result<SecretsKey, String> {
    if let Some(path) = &config.secrets_key_file {
        return read(path);
    }
    if !(config.host.is_loopback() || config.demo_deployment) {
        return Err(crate::config::missing_key_message(config));
    }
    if !config.database_url.starts_with("sqlite:") {
        // No folder of the database's to keep a key beside, and a key made
        // afresh at each start would lose the authenticator keys stored.
        return Err(format!(
            "a database other than SQLite needs --secrets-key-file \
             (PORTAL_SECRETS_KEY_FILE): {}",
            KEY_FILE_HOWTO
        ));
    }
    let Some(path) = default_key_file(&config.database_url) else {
        return Ok(SecretsKey::generate());
    };
    if path.exists() {
        return read(&path);
    }
    let key = SecretsKey::generate();
    write_new(&path, &key)
        .map_err(|e| format!("cannot write a new secrets key to {}: {e}", path.display()))?;
    tracing::warn!(
        "no --secrets-key-file was given: made a new secrets key in {} (readable by this \
         user only). Keep it with the database's backups, apart from them: without it the \
         staff's authenticator keys cannot be read",
        path.display()
    );
    Ok(key)
}

fn read(path: &Path) -> Result<SecretsKey, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("secrets key file {}: {e}", path.display()))?;
    SecretsKey::from_text(&text).map_err(|e| format!("secrets key file {}: {e}", path.display()))
}

fn write_new(path: &Path, key: &SecretsKey) -> std::io::Result<()> {
    use std::io::Write;
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let mut file = options.open(path)?;
    writeln!(file, "{}", key.to_hex())?;
    file.sync_all()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sealed_secret_opens_only_with_its_key_and_its_context() {
        let key = SecretsKey::generate();
        let sealed = key.seal(b"twenty bytes secret!", b"7");
        assert!(is_sealed(&sealed));
        assert!(!sealed.windows(20).any(|w| w == b"twenty bytes secret!"));
        assert_eq!(key.open(&sealed, b"7").unwrap(), b"twenty bytes secret!");
        assert_eq!(
            key.open(&sealed, b"8"),
            Err(WrongKey),
            "another account's row"
        );
        assert_eq!(SecretsKey::generate().open(&sealed, b"7"), Err(WrongKey));
        assert_eq!(key.open(b"twenty bytes secret!", b"7"), Err(WrongKey));
    }

    #[test]
    fn a_key_is_read_as_hex_or_base64_and_nothing_else() {
        let key = SecretsKey::generate();
        let hex = key.to_hex();
        let sealed = key.seal(b"s", b"");
        let again = SecretsKey::from_text(&format!("  {hex}\n")).unwrap();
        assert_eq!(again.open(&sealed, b"").unwrap(), b"s");
        let b64 = base64::engine::general_purpose::STANDARD.encode(key.0);
        let again = SecretsKey::from_text(&b64).unwrap();
        assert_eq!(again.open(&sealed, b"").unwrap(), b"s");
        assert!(SecretsKey::from_text("too short").is_err());
        assert!(SecretsKey::from_text(&hex[..62]).is_err());
    }

    #[test]
    fn the_key_file_goes_beside_the_database() {
        assert_eq!(
            default_key_file("sqlite://data/portal.sqlite?mode=rwc"),
            Some(PathBuf::from("data/portal.sqlite.secrets-key"))
        );
        assert_eq!(default_key_file("sqlite::memory:"), None);
    }

    #[test]
    fn a_made_key_file_is_readable_by_its_owner_only_and_read_back() {
        let dir = tempfile::tempdir().unwrap();
        let mut config = Config::for_tests(format!(
            "sqlite://{}",
            dir.path().join("p.sqlite").display()
        ));
        config.secrets_key_file = None;
        let key = load(&config).unwrap();
        let path = dir.path().join("p.sqlite.secrets-key");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        let sealed = key.seal(b"s", b"");
        assert_eq!(load(&config).unwrap().open(&sealed, b"").unwrap(), b"s");

        config.host = [0, 0, 0, 0].into();
        let refused = load(&config).unwrap_err();
        assert!(refused.contains("--secrets-key-file"), "{refused}");
    }

    /// PostgreSQL has no folder to keep a made key in, and a key made afresh
    /// at each start would leave the stored authenticator keys unreadable.
    #[test]
    fn postgresql_asks_for_a_key_file_even_on_loopback() {
        let mut config = Config::for_tests("postgres://portal@127.0.0.1/portal".into());
        let refused = load(&config).unwrap_err();
        assert!(refused.contains("--secrets-key-file"), "{refused}");
        assert!(!refused.contains("portal@"), "{refused}");

        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("secrets.key");
        std::fs::write(&path, "ab".repeat(32)).unwrap();
        config.secrets_key_file = Some(path);
        assert!(load(&config).is_ok());
    }
}
