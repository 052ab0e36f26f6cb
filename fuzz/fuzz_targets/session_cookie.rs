//! The session cookie reader: any `Cookie` header.
#![no_main]

use std::sync::LazyLock;

use app::server::{Config, identity};
use libfuzzer_sys::fuzz_target;

static CONFIG: LazyLock<Config> = LazyLock::new(|| {
    Config::from_lookup(|name| {
        (name == "COOKIE_KEY").then(|| "a-cookie-key-for-fuzzing-0123456789abcdef".to_owned())
    })
    .expect("sandbox settings")
});

fuzz_target!(|data: &[u8]| {
    let mut headers = http::HeaderMap::new();
    if let Ok(value) = http::HeaderValue::from_bytes(data) {
        headers.insert(http::header::COOKIE, value);
    }
    let _ = identity::read(&CONFIG, &headers);
    let _ = identity::Sealed::PendingEmbed.open(&CONFIG, &headers);
});
