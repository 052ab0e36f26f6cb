# Shared by the scripts: tool locations and versions. Sourced, not run.
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
CARGO_LEPTOS_VERSION=0.3.11
# The wasm-bindgen CLI must equal the wasm-bindgen crate pinned in Cargo.lock.
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/version = |"/, ""); print; exit}' "$ROOT/Cargo.lock")
# wasm-opt comes from npm's binaryen (Debian's binaryen 108 produces wasm that fails to hydrate),
# so end2end/node_modules/.bin goes first on PATH.
export PATH="$HOME/.cargo/bin:$ROOT/end2end/node_modules/.bin:$PATH"
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
