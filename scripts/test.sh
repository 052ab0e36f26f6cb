#!/usr/bin/env bash
# The whole test suite: set-up, formatting, clippy (native and wasm32) with the test build, a
# redis-server for the shared-state tests, Rust tests, the cobalt-js contract test, the site's
# release build (the wasm as shipped), Playwright (hydrated and no-JS) and the first-load size
# report, two instances sharing state through Redis, and a 10 s load check. Ends with a timing
# per stage and a summary.
#
# The servers are the test build's (`target/debug/server`): building the release server too
# took a third of the suite's time, and its figures (throughput, latency, the browser timings)
# are `make bench`'s. It renders the same pages: the first loads measure the same raw bytes.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

# The suite's own ports, so it can run beside `make run` (3000/3100).
export TEST_SITE_ADDR="${TEST_SITE_ADDR:-127.0.0.1:3400}"
export TEST_SANDBOX_ADDR="${TEST_SANDBOX_ADDR:-127.0.0.1:3401}"
export BASE_URL="http://$TEST_SITE_ADDR"
export SANDBOX_URL="http://$TEST_SANDBOX_ADDR"
# The example host application that embeds the tab (examples/host), on another site for the
# browser: `localhost` while the tab is on 127.0.0.1.
export TEST_HOST_ADDR="${TEST_HOST_ADDR:-127.0.0.1:3402}"
export HOST_URL="http://localhost:${TEST_HOST_ADDR##*:}"
EMBED_SECRET="embed-secret-of-the-test-suite-$(date +%s%N)"

logs=$(mktemp -d)
stage_names=()
stage_secs=()
# The shared-state tests' Redis: a socket in this run's temporary directory (see start_redis).
export REDIS_TEST_URL="unix://$logs/redis.sock"
# Stages run in a pipeline (a subshell), so the servers' pids travel through files.
stop_all() {
  for pid in "$logs"/*.pid; do
    [ -f "$pid" ] && kill "$(cat "$pid")" 2>/dev/null || true
  done
}
trap stop_all EXIT

stage() {
  local name=$1
  shift
  echo
  echo "=== $name"
  local start=$SECONDS
  if ! "$@" 2>&1 | tee "$logs/$name.log"; then
    echo
    in_short "$logs/$name.log"
    echo "test: FAILED in stage '$name' after $((SECONDS - start)) s"
    exit 1
  fi
  stage_names+=("$name")
  stage_secs+=($((SECONDS - start)))
}

# A failed Playwright run's errors, a few lines each, again at the very end of the output: a
# CI log shown by its tail would otherwise show only the last failure's code frame, not why.
in_short() {
  awk '
    /^  [0-9]+\) \[/ { shown = 0; printing = 1; failures++ }
    printing && (/^ +>? *[0-9]+ \|/ || shown == 12) { printing = 0 }
    printing && failures <= 5 && NF { print; shown++ }
  ' "$1"
}

start_server() {
  # A server left over on the port would answer /healthz and silently take the tests.
  if curl -fsS "$BASE_URL/healthz" >/dev/null 2>&1; then
    echo "something already listens on $TEST_SITE_ADDR; stop it or set TEST_SITE_ADDR"
    return 1
  fi
  # Every browser of the suite signs up from 127.0.0.1: one address standing for many users.
  ADDRESS_RATE_LIMIT_PER_MINUTE="${ADDRESS_RATE_LIMIT_PER_MINUTE:-100000}" \
    EMBED_SECRET="$EMBED_SECRET" FRAME_ANCESTORS="'self' $HOST_URL" \
    LEPTOS_SITE_ADDR="$TEST_SITE_ADDR" SANDBOX_ADDR="$TEST_SANDBOX_ADDR" RUST_LOG="${RUST_LOG:-warn}" \
    site_server "$TARGET_DIR"/debug/server >"$logs/server.out" 2>&1 &
  echo $! >"$logs/server.pid"
  wait_for "$BASE_URL/healthz" server
}

# Waits until URL answers 2xx while the process of "$logs/NAME.pid" lives (at most 20 s);
# otherwise shows what the process printed.
wait_for() {
  local url=$1 name=$2
  wait_up "$url" "$(cat "$logs/$name.pid")" || { cat "$logs/$name.out"; return 1; }
}

# The load check drives one account at hundreds of requests a second, far beyond a user's
# budget, so it gets a server of its own with the budget lifted; Playwright ran with the
# defaults, as users get them. It checks that 64 connections get no error and that memory stays
# bounded; its throughput is the unoptimised build's (`make bench` measures the release one).
load_test() {
  local old
  old=$(cat "$logs/server.pid")
  kill "$old"
  while kill -0 "$old" 2>/dev/null; do sleep 0.1; done
  RATE_LIMIT_PER_MINUTE=10000000 start_server
  LOAD_SECONDS="${LOAD_SECONDS:-10}" scripts/load.sh "$BASE_URL" "$(cat "$logs/server.pid")"
}

# Debian's redis-server on a Unix socket only (no TCP port), nothing written to disk.
start_redis() {
  redis-server --port 0 --unixsocket "$logs/redis.sock" --save '' --appendonly no \
    >"$logs/redis.out" 2>&1 &
  echo $! >"$logs/redis.pid"
  for _ in $(seq 1 50); do
    if [ -S "$logs/redis.sock" ]; then
      return 0
    fi
    sleep 0.1
  done
  echo "redis-server did not open $logs/redis.sock within 5 s"
  cat "$logs/redis.out"
  return 1
}

# target/debug/example-host is built by the clippy-build stage, as every binary the suite runs.
start_host() {
  EMBED_SECRET="$EMBED_SECRET" TAB_URL="$BASE_URL" HOST_ADDR="$TEST_HOST_ADDR" \
    "$TARGET_DIR"/debug/example-host >"$logs/host.out" 2>&1 &
  echo $! >"$logs/host.pid"
  wait_for "$HOST_URL/token" host
}

playwright() {
  (cd end2end && npx playwright test --project=hydrated --project=no-js --project=embedded --project=size)
}

# After SIGTERM an instance keeps serving for DRAIN_SECS (2) while /readyz answers 503, so a
# load balancer moves its traffic first, then stops by itself.
drains() {
  local addr=$1 name=$2 pid code=""
  pid=$(cat "$logs/$name.pid")
  kill -TERM "$pid"
  for _ in $(seq 1 20); do
    code=$(curl -s -o /dev/null -w '%{http_code}' "http://$addr/readyz" || true)
    [ "$code" = 503 ] && break
    sleep 0.1
  done
  if [ "$code" != 503 ]; then
    echo "drain: /readyz answered $code after SIGTERM, not 503"
    return 1
  fi
  curl -fsS "http://$addr/healthz" >/dev/null || { echo "drain: it stopped serving at once"; return 1; }
  for _ in $(seq 1 50); do
    kill -0 "$pid" 2>/dev/null || { rm "$logs/$name.pid"; echo "drain: 503 from /readyz, then stopped"; return 0; }
    sleep 0.2
  done
  echo "drain: still running 10 s after SIGTERM"
  return 1
}

# Two servers in live mode behind no balancer at all, sharing only the Redis of the
# Rust tests, over one standalone cobalt-sandbox that delivers its webhooks to the first; then
# the Playwright project that opens a tab on the second.
shared_instances() {
  local sandbox=127.0.0.1:3412 a=127.0.0.1:3410 b=127.0.0.1:3411
  SANDBOX_ADDR=$sandbox SANDBOX_ALLOWED_ORIGINS="http://$a,http://$b" \
    SANDBOX_WEBHOOK_URLS="http://$a/webhooks/cobalt" RUST_LOG=warn \
    "$TARGET_DIR"/debug/cobalt-sandbox >"$logs/shared-sandbox.out" 2>&1 &
  echo $! >"$logs/shared-sandbox.pid"
  wait_for "http://$sandbox/_sandbox/health" shared-sandbox
  for instance in a b; do
    local addr=${!instance}
    COBALT_API_KEY=tk_sandbox_local COBALT_API_URL="http://$sandbox" PUBLIC_URL="http://$addr" \
      COOKIE_KEY=shared-instances-cookie-key-0123456789abcdef SIGNUP_ENABLED=true \
      REDIS_URL="$REDIS_TEST_URL" REDIS_KEY_PREFIX="e2e:$$:" ADDRESS_RATE_LIMIT_PER_MINUTE=100000 DRAIN_SECS=2 \
      LEPTOS_SITE_ADDR="$addr" RUST_LOG=warn \
      site_server "$TARGET_DIR"/debug/server >"$logs/shared-$instance.out" 2>&1 &
    echo $! >"$logs/shared-$instance.pid"
    # Ready: connected to Redis and subscribed to the other instance's messages.
    wait_for "http://$addr/readyz" "shared-$instance"
  done
  (cd end2end && BASE_URL="http://$a" SECOND_URL="http://$b" SANDBOX_URL="http://$sandbox" \
    npx playwright test --project=shared)
  drains "$b" shared-b
  for name in shared-a shared-sandbox; do
    kill "$(cat "$logs/$name.pid")"
    rm "$logs/$name.pid"
  done
}

# Clippy lints the workspace's crates while cargo compiles the tests: clippy-driver wraps rustc
# for them, as `cargo clippy` does, but in a full build instead of a check, so the dependencies
# are compiled once, for the tests, rather than once more for clippy. RUSTFLAGS is the same for
# every stage that builds, so the tests, the servers and xtask all reuse this build.
with_clippy() {
  RUSTC_WORKSPACE_WRAPPER="$(rustup which clippy-driver 2>/dev/null || command -v clippy-driver)" \
    RUSTFLAGS="-D warnings" "$@"
}

# Every target at once, tests and binaries: `cargo build -p example-host` alone resolved other
# features and compiled 30 crates again, and `cargo xtask` (built without these flags) 60 more.
clippy_build() {
  with_clippy cargo build --locked --workspace --exclude frontend --all-targets
}

# Each wasm bundle is its own build of `frontend` (see xtask/): each is checked as it is built.
clippy_wasm() {
  for bundle in marketplace detail; do
    cargo clippy --locked -p frontend -p cobalt --features "frontend/$bundle" \
      --target wasm32-unknown-unknown -- -D warnings || return 1
  done
}

# target/debug/cobalt-sandbox is built by the clippy-build stage with the workspace's features;
# `cargo build -p sandbox` alone would resolve other features and compile a hundred crates again.
contract() {
  (cd end2end && SANDBOX_BIN="$TARGET_DIR/debug/cobalt-sandbox" node --test contract/)
}

stage setup scripts/setup.sh
stage fmt cargo fmt --all --check
stage clippy-build clippy_build
stage clippy-wasm clippy_wasm
stage typescript bash -c "cd end2end && npx tsc --noEmit"
stage redis start_redis
stage cargo-test with_clippy cargo test --locked --workspace --exclude frontend
if [ -d end2end/contract ]; then
  stage contract contract
fi
# The site only, with xtask as the clippy-build stage built it: the servers are that build's.
stage build "$TARGET_DIR"/debug/xtask build --site-only
stage start-server start_server
stage start-host start_host
stage playwright playwright
stage shared shared_instances
stage load load_test

passed=0
failed=0
skipped=0
add() { passed=$((passed + ${1:-0})); failed=$((failed + ${2:-0})); skipped=$((skipped + ${3:-0})); }
while read -r p f i; do add "$p" "$f" "$i"; done < <(
  sed -n 's/^test result: [a-zA-Z]*\. \([0-9]*\) passed; \([0-9]*\) failed; \([0-9]*\) ignored.*/\1 \2 \3/p' "$logs/cargo-test.log")
if [ -f "$logs/contract.log" ]; then
  add "$(sed -n 's/^# pass \([0-9]*\)/\1/p' "$logs/contract.log")" "$(sed -n 's/^# fail \([0-9]*\)/\1/p' "$logs/contract.log")" \
    "$(sed -n 's/^# skipped \([0-9]*\)/\1/p' "$logs/contract.log")"
fi
for run in playwright shared; do
  add "$(sed -n 's/^ *\([0-9]*\) passed.*/\1/p' "$logs/$run.log")" "$(sed -n 's/^ *\([0-9]*\) failed.*/\1/p' "$logs/$run.log")" \
    "$(sed -n 's/^ *\([0-9]*\) skipped.*/\1/p' "$logs/$run.log")"
done

echo
echo "=== timing"
total=0
for i in "${!stage_names[@]}"; do
  printf '  %-12s %5d s\n' "${stage_names[$i]}" "${stage_secs[$i]}"
  total=$((total + stage_secs[i]))
done
printf '  %-12s %5d s\n' total "$total"
echo "summary: $passed passed, $failed failed, $skipped skipped"
