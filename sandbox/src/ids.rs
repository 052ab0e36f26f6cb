//! Identifiers and secrets: Mongo-style 24-hex ids, opaque tokens.

use std::sync::atomic::{AtomicU64, Ordering};

use crate::clock::unix_now;

/// `n` random bytes. Should the OS generator fail, a counter mixed with the clock keeps ids
/// unique; nothing in the sandbox relies on them being unguessable except session tokens,
/// which are also signed.
pub fn random_bytes<const N: usize>() -> [u8; N] {
    static FALLBACK: AtomicU64 = AtomicU64::new(0);
    let mut bytes = [0_u8; N];
    if getrandom::fill(&mut bytes).is_err() {
        let seed = FALLBACK.fetch_add(1, Ordering::Relaxed) ^ unix_now().rotate_left(32);
        for (index, byte) in bytes.iter_mut().enumerate() {
            *byte = seed.rotate_left(8 * (index as u32 % 8)).to_le_bytes()[0];
        }
    }
    bytes
}

/// A Mongo ObjectId-like id: 4 bytes of seconds, then 8 random bytes, in lowercase hex.
pub fn object_id() -> String {
    let seconds = u32::try_from(unix_now()).unwrap_or(u32::MAX);
    let mut id = hex::encode(seconds.to_be_bytes());
    id.push_str(&hex::encode(random_bytes::<8>()));
    id
}

/// An opaque random token in hex (`bytes` long before encoding).
pub fn opaque_token<const N: usize>() -> String {
    hex::encode(random_bytes::<N>())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn object_ids_are_24_hex_digits_and_unique() {
        let first = object_id();
        assert_eq!(first.len(), 24);
        assert!(first.chars().all(|c| c.is_ascii_hexdigit()));
        assert_ne!(first, object_id());
    }
}
