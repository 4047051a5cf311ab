//! Time-based one-time passwords (RFC 6238 over RFC 4226's HOTP), the keys'
//! base32 form (RFC 4648) and the `otpauth://` URI authenticator apps read,
//! and recovery codes. Pure: the caller passes the time.

use chrono::{DateTime, Utc};
use hmac::{Hmac, Mac};
use sha1::Sha1;
use sha2::{Digest, Sha256};

/// Seconds in a step (the code changes this often).
pub const STEP_SECONDS: i64 = 30;
/// Steps either side of now whose codes are accepted, for clocks that drift
/// and codes typed as they change.
pub const DRIFT_STEPS: i64 = 1;
/// A new key's bytes (160 bits, as RFC 4226 recommends for HMAC-SHA1).
pub const SECRET_BYTES: usize = 20;
/// Digits in a code.
pub const DIGITS: u32 = 6;
/// What apps show as the account's issuer.
pub const ISSUER: &str = "Put It Right";

/// HOTP (RFC 4226, section 5.3): HMAC-SHA1 of the counter, dynamically
/// truncated, as a number of `digits` digits.
pub fn hotp(secret: &[u8], counter: u64, digits: u32) -> u32 {
    let mut mac = Hmac::<Sha1>::new_from_slice(secret).expect("HMAC takes a key of any length");
    mac.update(&counter.to_be_bytes());
    let hash = mac.finalize().into_bytes();
    let offset = usize::from(hash[hash.len() - 1] & 0x0f);
    let binary = u32::from_be_bytes([
        hash[offset] & 0x7f,
        hash[offset + 1],
        hash[offset + 2],
        hash[offset + 3],
    ]);
    binary % 10u32.pow(digits)
}

/// The step an instant falls in (RFC 6238's T, with T0 = 0).
pub fn step_at(at: DateTime<Utc>) -> i64 {
    at.timestamp().div_euclid(STEP_SECONDS)
}

/// The 6-digit code for a step, with its leading zeros.
pub fn code(secret: &[u8], step: i64) -> String {
    format!(
        "{:0width$}",
        hotp(secret, step.max(0) as u64, DIGITS),
        width = DIGITS as usize
    )
}

/// The step `code` is right for, among the steps within [`DRIFT_STEPS`] of
/// `now_step` and later than `last_step` (the last one accepted): `None` for
/// a wrong code and for one already used. Every step is compared, in
/// constant time, whatever matches.
pub fn accepted_step(
    secret: &[u8],
    code: &str,
    now_step: i64,
    last_step: Option<i64>,
) -> Option<i64> {
    let mut accepted = None;
    for step in (now_step - DRIFT_STEPS)..=(now_step + DRIFT_STEPS) {
        let right = constant_time_eq(self::code(secret, step).as_bytes(), code.as_bytes());
        let fresh = last_step.is_none_or(|last| step > last);
        if right && fresh && accepted.is_none() {
            accepted = Some(step);
        }
    }
    accepted
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// `bytes` random bytes from the operating system.
pub fn random_bytes(bytes: usize) -> Vec<u8> {
    let mut out = vec![0u8; bytes];
    argon2::password_hash::rand_core::RngCore::fill_bytes(
        &mut argon2::password_hash::rand_core::OsRng,
        &mut out,
    );
    out
}

/// A new key.
pub fn new_secret() -> Vec<u8> {
    random_bytes(SECRET_BYTES)
}

const BASE32: &[u8; 32] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

/// RFC 4648 base32, upper case, without padding (how apps take a key).
pub fn base32_encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(5) * 8);
    let (mut buffer, mut bits) = (0u32, 0u32);
    for &byte in bytes {
        buffer = (buffer << 8) | u32::from(byte);
        bits += 8;
        while bits >= 5 {
            bits -= 5;
            out.push(BASE32[((buffer >> bits) & 31) as usize] as char);
        }
    }
    if bits > 0 {
        out.push(BASE32[((buffer << (5 - bits)) & 31) as usize] as char);
    }
    out
}

/// Reads base32 (either case; spaces and `=` ignored). `None` if a
/// character is not base32.
pub fn base32_decode(text: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(text.len() * 5 / 8);
    let (mut buffer, mut bits) = (0u32, 0u32);
    for c in text.chars().filter(|c| !c.is_whitespace() && *c != '=') {
        let value = BASE32
            .iter()
            .position(|&b| b as char == c.to_ascii_uppercase())? as u32;
        buffer = (buffer << 5) | value;
        bits += 5;
        if bits >= 8 {
            bits -= 8;
            out.push((buffer >> bits) as u8);
        }
    }
    Some(out)
}

/// The `otpauth://totp/…` URI (Google Authenticator's key URI format, which
/// every authenticator app reads) for `account` (an email address).
pub fn uri(secret: &[u8], account: &str) -> String {
    format!(
        "otpauth://totp/{issuer}:{account}?secret={secret}&issuer={issuer}&algorithm=SHA1&digits={DIGITS}&period={STEP_SECONDS}",
        issuer = percent_encode(ISSUER),
        account = percent_encode(account),
        secret = base32_encode(secret),
    )
}

fn percent_encode(text: &str) -> String {
    text.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-._~@".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

/// `text` as a QR code, an SVG image (black on white, with the 4-module quiet
/// zone the standard asks for), as a `data:` URL for an `<img>`.
pub fn qr_code_data_url(text: &str) -> Option<String> {
    use base64::Engine;
    use qrcodegen::{QrCode, QrCodeEcc};
    let qr = QrCode::encode_text(text, QrCodeEcc::Medium).ok()?;
    let border = 4;
    let size = qr.size() + 2 * border;
    let mut path = String::new();
    for y in 0..qr.size() {
        for x in 0..qr.size() {
            if qr.get_module(x, y) {
                path.push_str(&format!("M{},{}h1v1h-1z", x + border, y + border));
            }
        }
    }
    let svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {size} {size}\" shape-rendering=\"crispEdges\">\
         <rect width=\"100%\" height=\"100%\" fill=\"#fff\"/><path d=\"{path}\" fill=\"#000\"/></svg>"
    );
    Some(format!(
        "data:image/svg+xml;base64,{}",
        base64::engine::general_purpose::STANDARD.encode(svg)
    ))
}

/// Characters of a recovery code: base32's, in lower case.
const RECOVERY_CODE_CHARS: usize = 12;

/// A new recovery code, `xxxx-xxxx-xxxx` (60 random bits).
pub fn new_recovery_code() -> String {
    let alphabet = b"abcdefghijklmnopqrstuvwxyz234567";
    let chars: Vec<char> = random_bytes(RECOVERY_CODE_CHARS)
        .into_iter()
        .map(|b| alphabet[usize::from(b & 31)] as char)
        .collect();
    chars
        .chunks(4)
        .map(|chunk| chunk.iter().collect::<String>())
        .collect::<Vec<_>>()
        .join("-")
}

/// What `recovery_codes.code_hash` holds: the SHA-256, in hex, of the code
/// as [`domain::api::second_factor::normalise_recovery_code`] reads it.
pub fn recovery_code_hash(code: &str) -> String {
    let normal = domain::api::second_factor::normalise_recovery_code(code);
    Sha256::digest(normal.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// RFC 6238, appendix B: the SHA-1 key and the 8-digit codes at each time.
    const RFC_SECRET: &[u8] = b"12345678901234567890";
    const RFC_VECTORS: [(i64, u32); 6] = [
        (59, 94287082),
        (1111111109, 7081804),
        (1111111111, 14050471),
        (1234567890, 89005924),
        (2000000000, 69279037),
        (20000000000, 65353130),
    ];

    #[test]
    fn the_rfc_6238_test_vectors_give_their_codes() {
        for (seconds, expected) in RFC_VECTORS {
            let at = DateTime::from_timestamp(seconds, 0).unwrap();
            assert_eq!(
                hotp(RFC_SECRET, step_at(at) as u64, 8),
                expected,
                "T = {seconds}"
            );
            // Six digits are the last six of the same number.
            assert_eq!(
                code(RFC_SECRET, step_at(at)),
                format!("{:06}", expected % 1_000_000)
            );
        }
    }

    #[test]
    fn the_rfc_4226_test_vectors_give_their_codes() {
        let expected = [
            755224, 287082, 359152, 969429, 338314, 254676, 287922, 162583, 399871, 520489,
        ];
        for (counter, code) in expected.into_iter().enumerate() {
            assert_eq!(hotp(RFC_SECRET, counter as u64, 6), code);
        }
    }

    #[test]
    fn a_code_is_accepted_one_step_either_side_and_not_further() {
        let now = 1_000_000;
        for drift in [-1, 0, 1] {
            let typed = code(RFC_SECRET, now + drift);
            assert_eq!(
                accepted_step(RFC_SECRET, &typed, now, None),
                Some(now + drift)
            );
        }
        for drift in [-2, 2] {
            let typed = code(RFC_SECRET, now + drift);
            assert_eq!(accepted_step(RFC_SECRET, &typed, now, None), None);
        }
        assert_eq!(accepted_step(RFC_SECRET, "12345", now, None), None);
    }

    #[test]
    fn a_step_already_used_is_refused() {
        let now = 1_000_000;
        let typed = code(RFC_SECRET, now);
        assert_eq!(accepted_step(RFC_SECRET, &typed, now, Some(now)), None);
        assert_eq!(accepted_step(RFC_SECRET, &typed, now, Some(now + 1)), None);
        assert_eq!(
            accepted_step(RFC_SECRET, &typed, now, Some(now - 1)),
            Some(now)
        );
    }

    #[test]
    fn base32_round_trips_and_matches_rfc_4648() {
        assert_eq!(base32_encode(b"foobar"), "MZXW6YTBOI");
        assert_eq!(base32_encode(b"fooba"), "MZXW6YTB");
        assert_eq!(base32_decode("mzxw6ytboi======").unwrap(), b"foobar");
        assert_eq!(base32_decode("MZXW 6YTB"), Some(b"fooba".to_vec()));
        assert_eq!(base32_decode("MZ1W"), None);
        let secret = new_secret();
        assert_eq!(base32_encode(&secret).len(), 32);
        assert_eq!(base32_decode(&base32_encode(&secret)), Some(secret));
    }

    #[test]
    fn the_uri_names_the_issuer_and_the_account() {
        let uri = uri(RFC_SECRET, "sam+staff@example.com");
        assert_eq!(
            uri,
            "otpauth://totp/Put%20It%20Right:sam%2Bstaff@example.com?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ\
             &issuer=Put%20It%20Right&algorithm=SHA1&digits=6&period=30"
        );
        assert!(qr_code_data_url(&uri)
            .unwrap()
            .starts_with("data:image/svg+xml;base64,"));
    }

    #[test]
    fn recovery_codes_are_new_each_time_and_read_however_typed() {
        let (a, b) = (new_recovery_code(), new_recovery_code());
        assert_ne!(a, b);
        assert_eq!(a.len(), 14);
        assert_eq!(
            recovery_code_hash(&a),
            recovery_code_hash(&a.to_uppercase().replace('-', " "))
        );
        assert_ne!(recovery_code_hash(&a), recovery_code_hash(&b));
    }
}
