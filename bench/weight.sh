#!/usr/bin/env bash
# Where the weight of the app's wasm is (issue 19): the release build with
# function names kept, measured by twiggy (crates.io, installed at a pinned
# version by scripts/setup.sh --weight). Prints the totals, the largest
# items, and the shipped bytes grouped by crate and by Luoshi module; the
# top of that table goes to bench/weight.md (RESULTS.md's section).
#   bash bench/weight.sh            # build if needed, then the tables
#   bash bench/weight.sh --no-build # the last cargo release build as it is
#
# The wasm is the cargo release build (opt-level z, LTO, the `split`
# feature as index.html asks) through wasm-bindgen — scripts/tools'
# wrapper, which splits the pages off first, so the tables are of the main
# module, what the start-up downloads — and the same wasm-opt -Oz as
# Trunk's, but with -g, so the names survive; the code is that of dist/
# (the names section is counted apart and is not shipped). The page
# modules are summed at the end.
# With CARGO_TARGET_DIR=target/bench-target and --no-build it measures the
# benchmark's own build.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/setup.sh" --weight >/dev/null
cd "$ROOT"
TARGET="${CARGO_TARGET_DIR:-$ROOT/target}"
WASM="$TARGET/wasm32-unknown-unknown/release/luoshi.wasm"
OUT="$ROOT/target/weight"
if [ "${1:-}" != "--no-build" ]; then
  # The same cargo command Trunk runs for index.html's app, so a build by
  # either is reused by the other.
  cargo build --target=wasm32-unknown-unknown --manifest-path Cargo.toml --bin luoshi --release --features split >&2
fi
[ -f "$WASM" ] || { echo "weight: no $WASM (run without --no-build)" >&2; exit 1; }
rm -rf "$OUT" && mkdir -p "$OUT"
wasm-bindgen --target=web --no-typescript --out-dir="$OUT" --out-name=luoshi "$WASM"
# index.html's wasm-opt flags (data-wasm-opt="z" and its params), plus -g.
wasm-opt -Oz -g --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals "$OUT/luoshi_bg.wasm" -o "$OUT/named.wasm"
wasm-opt --strip-debug --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals "$OUT/named.wasm" -o "$OUT/shipped.wasm"
twiggy top -f json -o "$OUT/top.json" "$OUT/named.wasm"
node "$ROOT/bench/weight.mjs" "$OUT"
if [ -d "$OUT/snippets/luoshi-split" ]; then
  for f in "$OUT"/snippets/luoshi-split/*.wasm; do
    wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
      --enable-mutable-globals "$f" -o "$f"
  done
  node -e '
    const fs = require("fs"), zlib = require("zlib"), path = require("path");
    const dir = process.argv[1];
    const files = fs.readdirSync(dir).filter((f) => f.endsWith(".wasm"));
    let raw = 0, br = 0;
    for (const f of files) {
      const b = fs.readFileSync(path.join(dir, f));
      raw += b.length;
      br += zlib.brotliCompressSync(b, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
    }
    console.log(`\npage modules (loaded on first use): ${files.length} files, ${raw.toLocaleString("en")} bytes raw, ${(br / 1024).toFixed(0)} KB brotli`);
  ' "$OUT/snippets/luoshi-split"
fi
