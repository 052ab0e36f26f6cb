#!/usr/bin/env bash
# Load test of a running server, on loopback only: signs up an account, warms its cache, then
# drives GET /integrations with wrk (64 connections, 30 s by default; wrk stops by itself) and
# samples the server's resident memory. Prints throughput and p50/p99 latency; fails on any
# error (non-2xx/3xx answer, socket error or timeout) or a peak RSS above the bound.
#
#   scripts/load.sh <base-url> <server-pid>
#
# LOAD_CONNECTIONS, LOAD_SECONDS and LOAD_RSS_BOUND_MB change the defaults (64, 30, 256).
# LOAD_COMPARE_STATIC=1 also serves a static file of the page's size from the same server under
# the same load and prints the ratio of the two throughputs.
set -euo pipefail
# Failures inside $(…) stop the script too.
shopt -s inherit_errexit
cd "$(dirname "$0")/.."
source scripts/env.sh

base=${1:?usage: scripts/load.sh <base-url> <server-pid>}
pid=${2:?usage: scripts/load.sh <base-url> <server-pid>}
connections=${LOAD_CONNECTIONS:-64}
seconds=${LOAD_SECONDS:-30}
rss_bound_mb=${LOAD_RSS_BOUND_MB:-256}

case "$base" in
  http://127.0.0.1:* | http://localhost:*) ;;
  *)
    echo "load: refusing $base: loopback only"
    exit 1
    ;;
esac
command -v wrk >/dev/null || { echo "load: wrk is missing (make setup installs it)"; exit 1; }
[ -r "/proc/$pid/status" ] || { echo "load: no process $pid to measure"; exit 1; }

work=$(mktemp -d)
# The static copy is of a signed-in page: it never outlives the run.
trap 'rm -rf "$work" "$TARGET_DIR"/site/load-same-size.html' EXIT

# An account, through the real sign-up form.
ticket=$(curl -fsS -c "$work/jar" "$base/signup" | sed -n 's/.*name="ticket" value="\([^"]*\)".*/\1/p' | head -n 1)
curl -fsS -o /dev/null -b "$work/jar" -c "$work/jar" -H "Origin: $base" \
  --data-urlencode "name=Load test" --data-urlencode "email=load-$$-$RANDOM@example.com" \
  --data-urlencode "ticket=$ticket" --data-urlencode "return_to=/integrations" "$base/signup"
cookie=$(awk '$6 == "itab_session" { print $6 "=" $7 }' "$work/jar")
[ -n "$cookie" ] || { echo "load: sign-up gave no session cookie"; exit 1; }

# A warm cache, and proof that the page answers 200 for this cookie (wrk counts a 303 to the
# sign-up page as a success).
status=$(curl -sS -o "$work/page.html" -w '%{http_code}' -H "Cookie: $cookie" "$base/integrations")
[ "$status" = 200 ] || { echo "load: /integrations answered $status"; exit 1; }

peak_rss_kb() {
  awk '/^VmRSS:/ { print $2 }' "/proc/$pid/status"
}

# Runs wrk against $1 and prints "requests/s p50 p99"; fails on any error.
run() {
  local url=$1 out="$work/wrk.txt" peak=0 now
  wrk -t2 -c"$connections" -d"${seconds}s" --latency -H "Cookie: $cookie" "$url" >"$out" &
  local wrk_pid=$!
  while kill -0 "$wrk_pid" 2>/dev/null; do
    now=$(peak_rss_kb)
    [ "$now" -gt "$peak" ] && peak=$now
    sleep 0.5
  done
  if ! wait "$wrk_pid" || grep -qE 'Non-2xx or 3xx responses|Socket errors' "$out"; then
    cat "$out" >&2
    echo "load: errors under load" >&2
    return 1
  fi
  local rps p50 p99
  rps=$(awk '/^Requests\/sec:/ { print $2 }' "$out")
  p50=$(awk '$1 == "50%" { print $2 }' "$out")
  p99=$(awk '$1 == "99%" { print $2 }' "$out")
  if ! [[ "$rps" =~ ^[0-9.]+$ && -n "$p50" && -n "$p99" && "$peak" -gt 0 ]]; then
    cat "$out" >&2
    echo "load: could not read wrk's report or the server's memory" >&2
    return 1
  fi
  echo "$rps $p50 $p99 $((peak / 1024))"
}

result=$(run "$base/integrations")
read -r rps p50 p99 peak_mb <<<"$result"
printf 'load: GET /integrations, warm cache, %s connections for %s s: %s requests/s, p50 %s, p99 %s, 0 errors\n' \
  "$connections" "$seconds" "$rps" "$p50" "$p99"
echo "load: server peak RSS during the run: ${peak_mb} MB (bound ${rss_bound_mb} MB)"
if [ "$peak_mb" -gt "$rss_bound_mb" ]; then
  echo "load: peak RSS above the bound"
  exit 1
fi

if [ "${LOAD_COMPARE_STATIC:-0}" = 1 ]; then
  # The same bytes as a file under the site root, served by the same server.
  cp "$work/page.html" "$TARGET_DIR"/site/load-same-size.html
  result=$(run "$base/load-same-size.html")
  read -r static_rps static_p50 static_p99 _ <<<"$result"
  printf 'load: static file of the same size (%s bytes): %s requests/s, p50 %s, p99 %s\n' \
    "$(wc -c <"$work/page.html")" "$static_rps" "$static_p50" "$static_p99"
  awk -v a="$rps" -v b="$static_rps" 'BEGIN { printf "load: SSR throughput is %.2f of the static file'"'"'s\n", a / b }'
fi
