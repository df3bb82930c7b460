#!/usr/bin/env bash
# For bench/profile.mjs only: a copy of the benchmark's release build whose
# main wasm keeps its function names (the same cargo release output split
# and bound again by scripts/tools/wasm-bindgen, then the same wasm-opt -Oz
# with -g, which keeps the name section), so a CPU profile names the Rust
# functions. The code is the release build's; the download is larger by the
# names (about 0.5 MB), so use it for where time goes, never for the
# numbers in bench/RESULTS.md. The page modules are the release build's own
# (they import the main module's exports by name). Its index.html has no
# integrity attributes (the main wasm is a different file).
#   bash bench/named-dist.sh && LUOSHI_BENCH_DIST=target/bench-named-dist node bench/profile.mjs
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/setup.sh" >/dev/null
SRC="$ROOT/target/bench-dist"
OUT="$ROOT/target/bench-named-dist"
WASM="$ROOT/target/bench-target/wasm32-unknown-unknown/release/luoshi.wasm"
[ -f "$WASM" ] && [ -f "$SRC/index.html" ] || { echo "run bash scripts/bench.sh --quick first" >&2; exit 1; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp "$WASM" "$work/in.wasm"
wasm-bindgen --target=web --out-dir="$work/out" --out-name=luoshi --no-typescript "$work/in.wasm"
rm -rf "$OUT" && cp -r "$SRC" "$OUT"
main=$(ls "$OUT"/luoshi-*_bg.wasm | grep -v luoshi-excel)
wasm-opt -Oz -g --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals \
  "$work/out/luoshi_bg.wasm" -o "$main"
sed -i 's# integrity="[^"]*"##g' "$OUT/index.html"
echo "named build: $OUT"
