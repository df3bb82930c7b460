#!/usr/bin/env bash
# For bench/profile.mjs only: a copy of the benchmark's release build whose
# wasm keeps its function names (wasm-bindgen without wasm-opt, from the
# same cargo release output), so a CPU profile names the Rust functions.
# Slightly slower than the real build (no wasm-opt); use it for where time
# goes, never for the numbers in bench/RESULTS.md. Its index.html has no
# Content-Security-Policy: the policy allows the inline start script by its
# hash, and rewriting the script's file names here changes that hash.
#   bash bench/named-dist.sh && LUOSHI_BENCH_DIST=target/bench-named-dist node bench/profile.mjs
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/setup.sh" >/dev/null
SRC="$ROOT/target/bench-dist"
OUT="$ROOT/target/bench-named-dist"
WASM="$ROOT/target/bench-target/wasm32-unknown-unknown/release/luoshi.wasm"
[ -f "$WASM" ] && [ -f "$SRC/index.html" ] || { echo "run bash scripts/bench.sh --quick first" >&2; exit 1; }
rm -rf "$OUT" && mkdir -p "$OUT"
wasm-bindgen --target web --no-typescript --out-dir "$OUT" --out-name luoshi "$WASM"
cp "$SRC"/*.css "$OUT/"
css=$(cd "$OUT" && ls *.css)
sed -e "s#from './luoshi-[^']*\.js'#from './luoshi.js'#" -e "s#'./luoshi-[^']*_bg\.wasm'#'./luoshi_bg.wasm'#" \
    -e '/rel="modulepreload"/d' -e '/http-equiv="Content-Security-Policy"/d' -e "s# integrity=\"[^\"]*\"##g" "$SRC/index.html" > "$OUT/index.html"
echo "named build: $OUT"
