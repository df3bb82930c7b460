#!/usr/bin/env bash
# Issue 19 spike, by hand (not wired into Trunk): the app's wasm with the
# pages of src/ui/lazy_pages.rs split into modules loaded on first use.
#   1. cargo builds the `split` feature, linked with --emit-relocs (the
#      split tool needs the relocations to move code between modules);
#   2. wasm-split-cli (crates.io wasm_split_cli_support 0.2.4, feature
#      build-binary, installed under /work/tools-split) splits the linked
#      wasm into the main module, one module per page, shared chunks, and
#      __wasm_split.js, the loader the main module imports;
#   3. wasm-bindgen 0.2.130 on the main module, keeping the linker's exports
#      the page modules import (--keep-lld-exports), after the same
#      target_features strip as scripts/tools/wasm-bindgen;
#   4. wasm-opt -Oz (npm binaryen 132, Trunk's flags) on every module;
#   5. dist-split/: main's dist/ (Trunk's index.html, the worker, the CSS)
#      with the app's glue and wasm replaced and the split files beside them.
# Usage: bash scripts/split-build.sh [--no-cargo]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export PATH="$ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"
TARGET="${CARGO_TARGET_DIR:-$ROOT/target}"
SPLIT_CLI="${SPLIT_CLI:-/work/tools-split/bin/wasm-split-cli}"
OPT=(-Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals)

if [ "${1:-}" != "--no-cargo" ]; then
  CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-Clink-arg=--emit-relocs" \
    cargo build --release --target wasm32-unknown-unknown --features split --bin luoshi
fi
RAW="$TARGET/wasm32-unknown-unknown/release/luoshi.wasm"
OUT="$TARGET/split-out"
rm -rf "$OUT" && mkdir -p "$OUT/split" "$OUT/bg"

"$SPLIT_CLI" "$RAW" "$OUT/split" --out-name luoshi
node scripts/strip-target-features.mjs "$OUT/split/luoshi.wasm"
wasm-bindgen --target web --no-typescript --keep-lld-exports --no-demangle \
  --out-dir "$OUT/bg" --out-name luoshi "$OUT/split/luoshi.wasm"

# Trunk's names for the glue and the wasm, so its index.html loads ours.
rm -rf dist-split && cp -r /work/main/dist dist-split
glue=$(ls dist-split | grep -E '^luoshi-[0-9a-f]+\.js$')
wasm=${glue%.js}_bg.wasm
cp "$OUT/bg/luoshi.js" "dist-split/$glue"
wasm-opt "${OPT[@]}" "$OUT/bg/luoshi_bg.wasm" -o "dist-split/$wasm"
for f in "$OUT"/split/*.wasm; do
  [ "$(basename "$f")" = luoshi.wasm ] && continue
  wasm-opt "${OPT[@]}" "$f" -o "dist-split/$(basename "$f")"
done
# The loader imports initSync from the glue by the name it was given.
sed "s#\"./luoshi.js\"#\"./$glue\"#" "$OUT/split/__wasm_split.js" > dist-split/__wasm_split.js
if [ -d "$OUT/bg/snippets" ]; then cp -r "$OUT/bg/snippets" dist-split/; fi
ls -l dist-split
# Trunk's subresource-integrity hashes are of main's glue and wasm.
sed -i -E 's/ integrity="[^"]*"//g' dist-split/index.html
