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

# Runs the server binary "$@" on the site the build wrote, in place of the calling (sub)shell,
# so that `site_server … &` leaves the server's own pid in $!.
site_server() {
  LEPTOS_SITE_ROOT="$TARGET_DIR/site" LEPTOS_OUTPUT_NAME=integrations-tab exec "$@"
}

# Waits until URL answers 2xx while process PID lives (at most 20 s), and says why not.
wait_up() {
  local url=$1 pid=$2
  for _ in $(seq 1 100); do
    curl -fsS "$url" >/dev/null 2>&1 && return 0
    kill -0 "$pid" 2>/dev/null || { echo "$url: its process exited"; return 1; }
    sleep 0.2
  done
  echo "$url did not answer within 20 s"
  return 1
}
