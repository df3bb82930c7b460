#!/usr/bin/env bash
# Browser benchmark (issue 6, "Large plans stay instant"; issue 9, charts and
# Gantt): the release build against plain-JS pages doing the same work on the
# same stored plan (the ledger, the dashboard) and against Frappe Gantt (npm
# frappe-gantt) on the same tasks, at 1,000 and 5,000 tasks, in headless
# Chromium, every start cold (a new browser context); issue 19: the ledger's
# and the dashboard's starts also with the CPU slowed four times
# (bench/throttled.mjs); medians and ratios go to bench/RESULTS.md. A benchmark, not a
# test: a missed target is reported, only an error in the pages fails.
# --quick: one repetition at 1,000 tasks, nothing written (a smoke run).
#
# The build goes to target/bench-dist with its own cargo target directory
# (target/bench-target), never to dist/: other work (the end-to-end tests,
# scripts/build.sh) uses dist/, and two Trunk builds sharing one target
# directory can copy each other's half-written wasm.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/setup.sh" --test
cd "$ROOT"
# Frappe Gantt, the Gantt reference, is an npm dev dependency like
# playwright-core; setup.sh reinstalls when package-lock.json changes.
[ -f node_modules/frappe-gantt/dist/frappe-gantt.umd.js ] || npm ci --no-audit --no-fund

DIST="$ROOT/target/bench-dist"
printf '\n\033[1m== release build into %s\033[0m\n' "${DIST#"$ROOT/"}"
CARGO_TARGET_DIR="$ROOT/target/bench-target" trunk build --release --dist "$DIST"
wasm=$(ls "$DIST"/luoshi-*_bg.wasm | grep -v luoshi-excel)
if [ "$(head -c 4 "$wasm" | od -An -tx1 | tr -d ' ')" != "0061736d" ]; then
  echo "bench: $wasm is not a wasm module (a build raced with another?)" >&2
  exit 1
fi

printf '\n\033[1m== storage capacity (native, into bench/RESULTS.md)\033[0m\n'
cargo bench --bench core -- capacity | tee target/bench-capacity.txt

printf '\n\033[1m== benchmark\033[0m\n'
start=$(date +%s)
if [ "${1:-}" != "--quick" ]; then
  printf '\n\033[1m== a 19 MB plan file imported: long tasks on the page (issue 19, into bench/RESULTS.md)\033[0m\n'
  LUOSHI_DIST="$DIST" node bench/files.mjs | tee target/bench-files.md
  printf '\n\033[1m== where the cold-start time goes: traced starts (issue 19, into bench/RESULTS.md)\033[0m\n'
  LUOSHI_BENCH_DIST="$DIST" node bench/trace-start.mjs --markdown --reps 3 | tee target/bench-trace.md
fi
LUOSHI_BENCH_DIST="$DIST" node bench/run.mjs "$@"
echo "bench: $(( $(date +%s) - start )) s"
