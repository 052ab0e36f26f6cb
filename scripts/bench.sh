#!/usr/bin/env bash
# Every performance figure in one run, against a release build on its own ports:
#   - first-load bytes of /integrations by type (raw, gzip, brotli) against the budget, the
#     median navigation-to-hydrated time and the median click-to-Connected time of an OAuth
#     connect (Playwright projects `size` and `timings`, Chromium, after the whole suite);
#   - SSR throughput and p50/p99 of /integrations next to a static file of the same size from
#     the same server, and the server's peak RSS (wrk, 64 connections, 30 s each);
#   - upstream (Cobalt) calls per page view, cold and warm (cargo bench `page_views`);
#   - what sharing state through Redis costs: a warm marketplace page alone and with Redis,
#     a webhook on one instance to a stream on another, Cobalt calls per warm view with one
#     instance and two (cargo bench `shared_state`, against a redis-server on a socket);
#   - memory per idle live stream at 10,000 streams (cargo bench `streams`, against a release
#     server of its own).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

scripts/setup.sh
cargo xtask build
# The example host, for the timing of a tab mounted in a host's page.
cargo build --locked --release -p example-host

export BENCH_SITE_ADDR="${BENCH_SITE_ADDR:-127.0.0.1:3500}"
export BENCH_SANDBOX_ADDR="${BENCH_SANDBOX_ADDR:-127.0.0.1:3501}"
export BENCH_HOST_ADDR="${BENCH_HOST_ADDR:-127.0.0.1:3504}"
export BASE_URL="http://$BENCH_SITE_ADDR" SANDBOX_URL="http://$BENCH_SANDBOX_ADDR"
# Another site for the browser: `localhost` while the tab is on 127.0.0.1.
export HOST_URL="http://localhost:${BENCH_HOST_ADDR##*:}"
embed_secret="embed-secret-of-the-bench-$(date +%s%N)"
if curl -fsS "$BASE_URL/healthz" >/dev/null 2>&1; then
  echo "bench: something already listens on $BENCH_SITE_ADDR; stop it or set BENCH_SITE_ADDR"
  exit 1
fi
# One account drives thousands of requests a second: its budget is lifted, as in the load stage,
# and every browser signs up from 127.0.0.1.
LEPTOS_SITE_ADDR="$BENCH_SITE_ADDR" SANDBOX_ADDR="$BENCH_SANDBOX_ADDR" RUST_LOG=warn RATE_LIMIT_PER_MINUTE=10000000 \
  ADDRESS_RATE_LIMIT_PER_MINUTE=100000 EMBED_SECRET="$embed_secret" FRAME_ANCESTORS="'self' $HOST_URL" \
  site_server "$TARGET_DIR"/release/server >/dev/null 2>&1 &
server=$!
scratch=$(mktemp -d)
trap 'kill "$server" $(cat "$scratch"/*.pid 2>/dev/null) 2>/dev/null || true; rm -rf "$scratch"' EXIT
wait_up "$BASE_URL/healthz" "$server"
EMBED_SECRET="$embed_secret" TAB_URL="$BASE_URL" HOST_ADDR="$BENCH_HOST_ADDR" \
  "$TARGET_DIR"/release/example-host >/dev/null 2>&1 &
echo $! >"$scratch/host.pid"
wait_up "$HOST_URL/token" "$(cat "$scratch/host.pid")"

# The budgets, then the timings with nothing beside them; not the whole suite (`make test`).
echo "=== browser: first load, hydration, connect"
(cd end2end && npx playwright test --project=size --no-deps --reporter=list &&
  npx playwright test --project=timings --no-deps --reporter=list)
echo
echo "=== server under load"
LOAD_COMPARE_STATIC=1 scripts/load.sh "$BASE_URL" "$server"
echo
echo "=== upstream calls per page view"
cargo bench --locked -q -p server --bench page_views
echo
echo "=== shared state on redis"
redis-server --port 0 --unixsocket "$scratch/redis.sock" --save '' --appendonly no >/dev/null 2>&1 &
echo $! >"$scratch/redis.pid"
for _ in $(seq 1 50); do [ -S "$scratch/redis.sock" ] && break; sleep 0.1; done
REDIS_BENCH_URL="unix://$scratch/redis.sock" cargo bench --locked -q -p server --bench shared_state
echo
echo "=== idle live streams"
# 10,000 streams need 10,000 descriptors on each side, and a server with room for them.
ulimit -n 20000
streams_addr=127.0.0.1:3502
LEPTOS_SITE_ADDR="$streams_addr" SANDBOX_ADDR=127.0.0.1:3503 RUST_LOG=error \
  ADDRESS_RATE_LIMIT_PER_MINUTE=10000000 RATE_LIMIT_PER_MINUTE=10000000 STREAMS_PER_ACCOUNT=100 \
  MAX_STREAMS=20000 MAX_CONNECTIONS=19000 site_server "$TARGET_DIR"/release/server >/dev/null 2>&1 &
echo $! >"$scratch/streams-server.pid"
wait_up "http://$streams_addr/healthz" "$(cat "$scratch/streams-server.pid")"
STREAMS_URL="http://$streams_addr" STREAMS_PID="$(cat "$scratch/streams-server.pid")" \
  cargo bench --locked -q -p server --bench streams
