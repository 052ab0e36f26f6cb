#!/usr/bin/env bash
# Sets up, builds in release mode and serves the integrations tab on http://127.0.0.1:3000.
# Without COBALT_API_KEY it runs against the built-in Cobalt sandbox.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
source scripts/env.sh
if [ -f .env ]; then
  set -a
  source .env
  set +a
fi
echo "run: building (a few minutes the first time), then serving on http://${LEPTOS_SITE_ADDR:-127.0.0.1:3000}/integrations"
cargo xtask build
# The site the build just wrote, unless .env names another.
LEPTOS_SITE_ROOT="${LEPTOS_SITE_ROOT:-$TARGET_DIR/site}" exec "$TARGET_DIR"/release/server
