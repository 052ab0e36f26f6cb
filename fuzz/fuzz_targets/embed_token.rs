//! The embed hand-off's token verifier: any string as a token.
#![no_main]

use app::server::embed::{Expected, verify};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let token = String::from_utf8_lossy(data);
    let expected = Expected {
        secret: b"an-embed-secret-of-at-least-32-bytes!",
        audience: "https://tab.example.com",
        now: 1_800_000_000,
    };
    let _ = verify(&token, expected);
});
