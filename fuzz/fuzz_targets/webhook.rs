//! The webhook receiver's checks: any signature over any body, then the event decoder and its
//! date, as they run on a body whose signature verified.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (signature, body) = match data.iter().position(|b| *b == b'\n') {
        Some(at) => (&data[..at], &data[at + 1..]),
        None => (data, &[][..]),
    };
    let signature = String::from_utf8_lossy(signature);
    let _ = server::webhooks::signature_is_valid(b"tk_fuzz", body, &signature);
    if let Ok(event) = serde_json::from_slice::<cobalt::ConnectionEvent>(body) {
        let _ = event.created_at_unix();
    }
});
