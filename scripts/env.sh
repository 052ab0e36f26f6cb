# Shared by the scripts: tool locations. Sourced, not run.
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# Playwright and tsc come from end2end/node_modules (`cargo xtask build` finds wasm-opt there
# itself: npm's binaryen, since Debian's binaryen 108 produces wasm that fails to hydrate).
export PATH="$HOME/.cargo/bin:$ROOT/end2end/node_modules/.bin:$PATH"
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
