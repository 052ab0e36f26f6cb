#!/usr/bin/env bash
# Installs every tool the project needs, from the package registries only (Debian, crates.io,
# npm). Idempotent: when everything is present it only checks, in a second or two.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

missing_debs=()
command -v chromium >/dev/null 2>&1 || missing_debs+=(chromium)
command -v cc >/dev/null 2>&1 || missing_debs+=(gcc)
command -v wrk >/dev/null 2>&1 || missing_debs+=(wrk)
# Redis backs the shared state of several instances; the tests start their own on a Unix socket.
command -v redis-server >/dev/null 2>&1 || missing_debs+=(redis-server)
if [ ${#missing_debs[@]} -gt 0 ]; then
  echo "setup: installing ${missing_debs[*]} from Debian"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing_debs[@]}"
fi

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  echo "setup: adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# npm ci only when a lockfile changed since the last install: the root holds what the site
# serves (cobalt-js, embedded by app/build.rs), end2end/ the test and build tools.
npm_ci() {
  local dir=$1 what=$2
  local stamp="$dir/node_modules/.package-lock.sha"
  local want
  want=$(sha256sum "$dir/package-lock.json" | cut -d' ' -f1)
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
    echo "setup: npm ci in $dir/ ($what)"
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
    echo "$want" >"$stamp"
  fi
}
npm_ci . "@cobaltio/cobalt-js"
npm_ci end2end "Playwright, axe-core, binaryen, terser"
