# Shared by the scripts: tool locations. Sourced, not run.
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# Playwright and tsc come from end2end/node_modules (`cargo xtask build` finds wasm-opt there
# itself: npm's binaryen, since Debian's binaryen 108 produces wasm that fails to hydrate).
export PATH="$HOME/.cargo/bin:$ROOT/end2end/node_modules/.bin:$PATH"
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
# Cargo's target directory as cargo and xtask resolve it: CARGO_TARGET_DIR when set (relative
# to the workspace, where the scripts run), else target/. Absolute, so it holds from any folder.
TARGET_DIR="${CARGO_TARGET_DIR:-target}"
case "$TARGET_DIR" in
  /*) ;;
  *) TARGET_DIR="$ROOT/$TARGET_DIR" ;;
esac
