//! Passwords: argon2id hashes, computed off the async threads by a bounded
//! [`Hashing`] pool, and the list of passwords too common to accept.

use std::collections::HashSet;
use std::sync::{Arc, Mutex, OnceLock};

use tokio::sync::{OwnedSemaphorePermit, Semaphore};

use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::{self, Output, ParamsString, PasswordHash, Salt, SaltString};
use argon2::{Algorithm, Argon2, Block, Params, Version};

use crate::error::ApiError;

/// OWASP's first argon2id setting: 19 MiB of memory, 2 passes, 1 lane.
const MEMORY_KIB: u32 = 19_456;
const PASSES: u32 = 2;
const LANES: u32 = 1;

fn argon2() -> Argon2<'static> {
    let params = Params::new(MEMORY_KIB, PASSES, LANES, None).expect("valid argon2 parameters");
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

/// Argon2's working memory, kept between hashes: each running place owns
/// one, so hashing holds `permits × 19 MiB` for the life of the server
/// instead of asking the allocator for 19 MiB per attempt. (Fresh buffers
/// freed on whichever blocking thread ran them piled up in the allocator's
/// per-thread arenas: the load test saw 700 MB for two places.)
type Memory = Vec<Block>;

/// The raw argon2 output of `password` with `salt`, computed in `memory`
/// (grown to the parameters' size if it is smaller).
fn compute(
    argon: &Argon2<'_>,
    password: &[u8],
    salt: Salt<'_>,
    memory: &mut Memory,
) -> password_hash::Result<Output> {
    let mut salt_bytes = [0u8; 64];
    let salt_bytes = salt.decode_b64(&mut salt_bytes)?;
    let blocks = argon.params().block_count();
    if memory.len() < blocks {
        memory.resize(blocks, Block::default());
    }
    let length = argon
        .params()
        .output_len()
        .unwrap_or(Params::DEFAULT_OUTPUT_LEN);
    Output::init_with(length, |out| {
        argon
            .hash_password_into_with_memory(password, salt_bytes, out, &mut memory[..blocks])
            .map_err(password_hash::Error::from)
    })
}

fn hash_now(password: &str, memory: &mut Memory) -> Result<String, ApiError> {
    let salt = SaltString::generate(&mut OsRng);
    let argon = argon2();
    let hash =
        compute(&argon, password.as_bytes(), salt.as_salt(), memory).map_err(ApiError::internal)?;
    let phc = PasswordHash {
        algorithm: Algorithm::Argon2id.ident(),
        version: Some(Version::V0x13.into()),
        params: ParamsString::try_from(argon.params()).map_err(ApiError::internal)?,
        salt: Some(salt.as_salt()),
        hash: Some(hash),
    };
    Ok(phc.to_string())
}

/// Whether `password` gives the hash stored in `stored`, with the stored
/// hash's own parameters (so older hashes still verify).
fn matches(password: &[u8], stored: &PasswordHash<'_>, memory: &mut Memory) -> bool {
    let (Some(salt), Some(expected)) = (stored.salt, stored.hash) else {
        return false;
    };
    let Ok(algorithm) = Algorithm::try_from(stored.algorithm) else {
        return false;
    };
    let version = stored
        .version
        .map_or(Ok(Version::default()), Version::try_from);
    let (Ok(version), Ok(params)) = (version, Params::try_from(stored)) else {
        return false;
    };
    let argon = Argon2::new(algorithm, version, params);
    // `Output`'s equality is constant-time.
    compute(&argon, password, salt, memory).is_ok_and(|computed| computed == expected)
}

/// A hash of a password nobody knows, verified against when the email is not
/// an account's, so that a wrong email takes as long as a wrong password.
fn dummy_hash() -> &'static str {
    static DUMMY: OnceLock<String> = OnceLock::new();
    DUMMY.get_or_init(|| {
        let mut bytes = [0u8; 32];
        argon2::password_hash::rand_core::RngCore::fill_bytes(&mut OsRng, &mut bytes);
        let unguessable = base64::Engine::encode(&base64::engine::general_purpose::STANDARD, bytes);
        hash_now(&unguessable, &mut Memory::new()).expect("hashing a random password works")
    })
}

/// How long a client refused by a full [`Hashing`] queue is asked to wait.
pub const BUSY_RETRY_AFTER_SECONDS: u64 = 2;

/// Bounds the memory that password hashing can take: each hash holds 19 MiB
/// while it runs, so at most `permits` run at once and at most `queue` more
/// wait for a turn. Anything beyond that is refused at once with 503 and
/// `Retry-After` ([`ApiError::Busy`]) instead of piling up.
///
/// The permits travel into the blocking task, so a client that hangs up does
/// not free its place before its hash has finished.
#[derive(Debug, Clone)]
pub struct Hashing {
    /// Places to run or wait: `permits + queue`.
    admitted: Arc<Semaphore>,
    /// Places to run.
    running: Arc<Semaphore>,
    /// Working memory for the places to run, taken by each hash as it starts.
    memories: Arc<Mutex<Vec<Memory>>>,
}

impl Hashing {
    /// `permits` hashes at once (at least one), and `queue` more waiting.
    pub fn new(permits: usize, queue: usize) -> Self {
        let permits = permits.max(1);
        Self {
            admitted: Arc::new(Semaphore::new(permits + queue)),
            running: Arc::new(Semaphore::new(permits)),
            memories: Arc::new(Mutex::new(Vec::with_capacity(permits))),
        }
    }

    /// One hash at a time per processor, as the machine reports it.
    pub fn default_permits() -> usize {
        std::thread::available_parallelism().map_or(1, usize::from)
    }

    /// Runs `work` on a blocking thread once there is room: 503 at once when
    /// every running and waiting place is taken.
    async fn run<T: Send + 'static>(
        &self,
        work: impl FnOnce(&mut Memory) -> T + Send + 'static,
    ) -> Result<T, ApiError> {
        let admitted: OwnedSemaphorePermit =
            self.admitted.clone().try_acquire_owned().map_err(|_| {
                tracing::warn!("password hashing is at capacity; a request was refused");
                ApiError::Busy {
                    retry_after: BUSY_RETRY_AFTER_SECONDS,
                }
            })?;
        let running = self
            .running
            .clone()
            .acquire_owned()
            .await
            .map_err(ApiError::internal)?;
        let memories = self.memories.clone();
        tokio::task::spawn_blocking(move || {
            // At most one memory per running place exists, as a place
            // takes one (or makes it) and puts it back when done.
            let taken = memories.lock().ok().and_then(|mut all| all.pop());
            let mut memory = taken.unwrap_or_default();
            let answer = work(&mut memory);
            if let Ok(mut all) = memories.lock() {
                all.push(memory);
            }
            drop((running, admitted));
            answer
        })
        .await
        .map_err(ApiError::internal)
    }
}

/// The PHC string (`$argon2id$v=19$m=19456,t=2,p=1$…`) of a new password.
pub async fn hash_password(hashing: &Hashing, password: String) -> Result<String, ApiError> {
    hashing
        .run(move |memory| hash_now(&password, memory))
        .await?
}

/// What `users.password_hash` holds once an account is deleted: no
/// password matches it, and checking one takes the usual time.
pub const NO_PASSWORD: &str = "!";

/// Whether `password` matches `hash`. With no hash (no such account) it still
/// does the work, against a dummy, and answers false.
pub async fn verify_password(
    hashing: &Hashing,
    password: String,
    hash: Option<String>,
) -> Result<bool, ApiError> {
    hashing
        .run(move |memory| {
            // A deleted account's marker is no hash: the same work, no match.
            let known = hash.as_deref().is_some_and(|h| h != NO_PASSWORD);
            let stored = hash
                .filter(|_| known)
                .unwrap_or_else(|| dummy_hash().to_owned());
            let Ok(parsed) = PasswordHash::new(&stored) else {
                tracing::error!("a stored password hash cannot be read");
                return false;
            };
            let matches = matches(password.as_bytes(), &parsed, memory);
            known && matches
        })
        .await
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
        let h = Hashing::new(2, 2);
        let hash = hash_password(&h, "purple tractor".into()).await.unwrap();
        assert!(hash.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"));
        assert!(
            verify_password(&h, "purple tractor".into(), Some(hash.clone()))
                .await
                .unwrap()
        );
        assert!(!verify_password(&h, "purple tractors".into(), Some(hash))
            .await
            .unwrap());
        assert!(!verify_password(&h, "anything".into(), None).await.unwrap());
    }

    #[tokio::test]
    async fn beyond_the_running_and_waiting_places_hashing_is_refused_at_once() {
        let h = Hashing::new(1, 1);
        let (release, hold) = std::sync::mpsc::channel::<()>();
        let first = {
            let h = h.clone();
            tokio::spawn(async move { h.run(move |_| hold.recv().ok()).await })
        };
        tokio::task::yield_now().await;
        let second = {
            let h = h.clone();
            tokio::spawn(async move { h.run(|_| ()).await })
        };
        tokio::task::yield_now().await;
        // One runs, one waits: the third is refused without waiting.
        assert!(matches!(
            h.run(|_| ()).await,
            Err(ApiError::Busy { retry_after }) if retry_after > 0
        ));
        release.send(()).unwrap();
        assert!(first.await.unwrap().is_ok());
        assert!(second.await.unwrap().is_ok());
        assert!(h.run(|_| ()).await.is_ok());
    }

    #[tokio::test]
    async fn hashes_made_by_the_argon2_crate_and_by_ours_verify_each_other() {
        use argon2::password_hash::{PasswordHasher, PasswordVerifier};
        let h = Hashing::new(1, 0);
        // Stored before working memory was reused, with the crate's own hasher.
        let salt = SaltString::generate(&mut OsRng);
        let theirs = argon2()
            .hash_password(b"purple tractor", &salt)
            .unwrap()
            .to_string();
        assert!(
            verify_password(&h, "purple tractor".into(), Some(theirs.clone()))
                .await
                .unwrap()
        );
        // And older, cheaper parameters still verify.
        let cheap = Argon2::new(
            Algorithm::Argon2id,
            Version::V0x13,
            Params::new(4096, 3, 1, None).unwrap(),
        )
        .hash_password(b"purple tractor", &salt)
        .unwrap()
        .to_string();
        assert!(
            verify_password(&h, "purple tractor".into(), Some(cheap.clone()))
                .await
                .unwrap()
        );
        assert!(!verify_password(&h, "purple tractors".into(), Some(cheap))
            .await
            .unwrap());
        let ours = hash_password(&h, "purple tractor".into()).await.unwrap();
        assert!(argon2()
            .verify_password(b"purple tractor", &PasswordHash::new(&ours).unwrap())
            .is_ok());
    }

    #[tokio::test]
    async fn working_memory_is_kept_once_per_running_place() {
        let h = Hashing::new(2, 8);
        let all: Vec<_> = (0..6)
            .map(|i| {
                let h = h.clone();
                tokio::spawn(async move { hash_password(&h, format!("password {i}")).await })
            })
            .collect();
        for one in all {
            one.await.unwrap().unwrap();
        }
        let memories = h.memories.lock().unwrap();
        assert!(
            !memories.is_empty() && memories.len() <= 2,
            "{}",
            memories.len()
        );
        assert!(memories.iter().all(|m| m.len() == 19_456));
    }
}
