//! cobalt-js as this site serves it (see `app/build.rs`), or from `COBALT_JS_URL` when the
//! platform prefers a CDN.

use std::sync::LazyLock;

use base64::{Engine as _, engine::general_purpose::STANDARD};
use sha2::{Digest, Sha384};

use super::Config;
use crate::model::connect::CobaltJsAsset;

/// The SDK as an ES module, embedded at build time from the npm package.
pub const COBALT_JS: &str = include_str!(concat!(env!("OUT_DIR"), "/cobalt.mjs"));

/// The npm version of the embedded SDK.
pub const COBALT_JS_VERSION: &str = env!("COBALT_JS_VERSION");

/// The path the embedded SDK is served at. Its content hash is part of the name, so browsers
/// may keep it for a year and a new build never meets a stale copy.
pub fn cobalt_js_path() -> &'static str {
    static PATH: LazyLock<String> = LazyLock::new(|| {
        let digest = Sha384::digest(COBALT_JS.as_bytes());
        format!(
            "/vendor/cobalt-js-{COBALT_JS_VERSION}.{}.mjs",
            hex::encode(&digest[..8])
        )
    });
    &PATH
}

/// Where the browser loads cobalt-js from: `COBALT_JS_URL` with its configured integrity, or
/// this site's copy with the integrity computed here.
pub fn cobalt_js_asset(config: &Config) -> CobaltJsAsset {
    match &config.cobalt_js {
        Some(external) => external.clone(),
        None => CobaltJsAsset {
            url: cobalt_js_path().to_owned(),
            integrity: format!(
                "sha384-{}",
                STANDARD.encode(Sha384::digest(COBALT_JS.as_bytes()))
            ),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_sdk_is_an_es_module_that_exports_cobalt_and_defines_no_globals() {
        assert!(COBALT_JS.contains("const exports = {};"));
        assert!(COBALT_JS.ends_with("export { exported as Cobalt };\n"));
        assert!(COBALT_JS.contains("class Cobalt {"));
        assert!(!COBALT_JS.contains("window.exports"));
        assert_eq!(COBALT_JS_VERSION, "8.0.0");
    }

    #[test]
    fn the_self_hosted_asset_names_its_hash_and_carries_a_sha384_integrity() {
        let config = Config::from_lookup(|_| None).unwrap();
        let asset = cobalt_js_asset(&config);
        assert!(
            asset.url.starts_with("/vendor/cobalt-js-8.0.0."),
            "{}",
            asset.url
        );
        assert!(asset.url.ends_with(".mjs"));
        assert!(asset.integrity.starts_with("sha384-"));
        assert_eq!(asset.integrity.len(), "sha384-".len() + 64);
    }
}
