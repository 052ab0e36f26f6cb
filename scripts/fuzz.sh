#!/usr/bin/env bash
# Runs every fuzz target for FUZZ_SECONDS (default 60) each, on stable Rust (no sanitizer:
# libFuzzer's coverage-guided search still finds panics, overflows and hangs). Installs
# cargo-fuzz from crates.io when it is missing. A crash stops the run and leaves its input in
# fuzz/artifacts/<target>/; turn it into a regression test before fixing it.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

seconds=${FUZZ_SECONDS:-60}
if ! cargo fuzz --version >/dev/null 2>&1; then
  echo "fuzz: installing cargo-fuzz"
  cargo install cargo-fuzz --locked
fi
# The workspace's lock pins what the fuzz build resolves too (the registry mirror lacks some
# newer releases).
[ -f fuzz/Cargo.lock ] || cp Cargo.lock fuzz/Cargo.lock
for target in parse_submission embed_token session_cookie webhook; do
  echo "=== fuzz $target (${seconds} s)"
  cargo fuzz run --sanitizer none "$target" -- -max_total_time="$seconds" -max_len=4096 2>&1 |
    tee "/tmp/fuzz-$target.log" | grep -E '^(#[0-9]+ +DONE|Done [0-9]+ runs|==[0-9]+== ERROR|SUMMARY)' || true
  sed -n 's/^Done \([0-9]*\) runs in \([0-9]*\) second.*/fuzz: '"$target"': \1 executions in \2 s, no crash/p' "/tmp/fuzz-$target.log"
done
