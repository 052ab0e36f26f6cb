//! Embeds `@cobaltio/cobalt-js` (installed from npm by `make setup`, pinned in the root
//! `package-lock.json`) into the server, so the browser loads Cobalt's SDK from our own origin.
//!
//! The package is CommonJS (`exports.Cobalt = …`). Browsers load it here as an ES module: the
//! SDK's text, unchanged, after a module-scoped `exports` binding and before an `export`. Nothing
//! is defined on `window`, and no inline script is needed.

use std::{env, fs, path::PathBuf};

fn main() {
    // Only the server serves the file; the wasm build needs none of this.
    if env::var_os("CARGO_FEATURE_SSR").is_none() {
        return;
    }
    let manifest = PathBuf::from(env::var_os("CARGO_MANIFEST_DIR").unwrap_or_default());
    let package = manifest.join("../node_modules/@cobaltio/cobalt-js");
    println!("cargo:rerun-if-changed={}", package.display());
    let read = |file: &str| {
        let path = package.join(file);
        fs::read_to_string(&path).unwrap_or_else(|err| {
            panic!(
                "cannot read {} ({err}): run `make setup` (npm ci at the repository root) first",
                path.display()
            )
        })
    };
    let source = read("cobalt.js");
    let license = read("LICENSE");
    let manifest_json = read("package.json");
    let version = manifest_json
        .lines()
        .find_map(|line| line.trim().strip_prefix("\"version\": \""))
        .and_then(|rest| rest.split('"').next())
        .unwrap_or_else(|| panic!("no version in {}", package.join("package.json").display()));

    let module = format!(
        "/*! @cobaltio/cobalt-js {version} from npm, unchanged between the markers below.\n\
         {license}*/\n\
         const exports = {{}};\n\
         // --- cobalt.js ---\n\
         {source}\n\
         // --- end of cobalt.js ---\n\
         const exported = exports.Cobalt;\n\
         export {{ exported as Cobalt }};\n"
    );
    let out = PathBuf::from(env::var_os("OUT_DIR").unwrap_or_default()).join("cobalt.mjs");
    fs::write(&out, module).unwrap_or_else(|err| panic!("cannot write {}: {err}", out.display()));
    println!("cargo:rustc-env=COBALT_JS_VERSION={version}");
}
