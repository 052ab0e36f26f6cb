#!/usr/bin/env bash
# Every performance figure in one run, against a release build on its own ports:
#   - first-load bytes of /integrations by type (raw, gzip, brotli) against the budget, the
#     median navigation-to-hydrated time and the median click-to-Connected time of an OAuth
#     connect (Playwright project `size`, Chromium);
#   - SSR throughput and p50/p99 of /integrations next to a static file of the same size from
#     the same server, and the server's peak RSS (wrk, 64 connections, 30 s each);
#   - upstream (Cobalt) calls per page view, cold and warm (cargo bench `page_views`).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

scripts/setup.sh
cargo leptos build --release --precompress --cargo-locked

export BENCH_SITE_ADDR="${BENCH_SITE_ADDR:-127.0.0.1:3500}"
export BENCH_SANDBOX_ADDR="${BENCH_SANDBOX_ADDR:-127.0.0.1:3501}"
export BASE_URL="http://$BENCH_SITE_ADDR" SANDBOX_URL="http://$BENCH_SANDBOX_ADDR"
if curl -fsS "$BASE_URL/healthz" >/dev/null 2>&1; then
  echo "bench: something already listens on $BENCH_SITE_ADDR; stop it or set BENCH_SITE_ADDR"
  exit 1
fi
# One account drives thousands of requests a second: its budget is lifted, as in the load stage.
LEPTOS_SITE_ADDR="$BENCH_SITE_ADDR" SANDBOX_ADDR="$BENCH_SANDBOX_ADDR" RUST_LOG=warn RATE_LIMIT_PER_MINUTE=10000000 \
  LEPTOS_SITE_ROOT=target/site LEPTOS_OUTPUT_NAME=integrations-tab \
  target/release/server >/dev/null 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
  curl -fsS "$BASE_URL/healthz" >/dev/null 2>&1 && break
  kill -0 "$server" 2>/dev/null || { echo "bench: the server exited"; exit 1; }
  sleep 0.2
done
curl -fsS "$BASE_URL/healthz" >/dev/null || { echo "bench: the server did not answer within 20 s"; exit 1; }

echo "=== browser: first load, hydration, connect"
(cd end2end && npx playwright test --project=size --reporter=list)
echo
echo "=== server under load"
LOAD_COMPARE_STATIC=1 scripts/load.sh "$BASE_URL" "$server"
echo
echo "=== upstream calls per page view"
cargo bench --locked -q -p server --bench page_views
