#!/usr/bin/env bash
# Runs every test of Luoshi: formatting and lints, native tests of the pure
# core, component tests in headless Chromium (wasm-bindgen-test), the release
# build with its single-file variant, and end-to-end tests of that build in
# headless Chromium (playwright-core). Installs what is missing first.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/setup.sh" --test
cd "$ROOT"

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "format and lints"
cargo fmt --check
cargo clippy --all-targets -- -D warnings
cargo clippy --target wasm32-unknown-unknown --all-targets -- -D warnings
# The Excel crates: reading and writing (luoshi-excel), and the worker's
# wasm that runs them with the core's layouts (luoshi-excel-worker).
cargo clippy -p luoshi-excel --features io --all-targets -- -D warnings
cargo clippy -p luoshi-excel-worker --target wasm32-unknown-unknown -- -D warnings
# The 通报 as .docx (luoshi-report-docx, run by the worker).
cargo clippy -p luoshi-report-docx --all-targets -- -D warnings

step "native tests (model, format, store)"
cargo test
# The 通报 and 领导版 written as .docx, read back and opened in LibreOffice.
cargo test -p luoshi-report-docx

step "component tests in headless Chromium"
# wasm-bindgen-test-runner reads webdriver.json from the working directory;
# it is written here so every run gets a fresh, empty profile.
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
cat > webdriver.json <<JSON
{"goog:chromeOptions": {"binary": "/usr/bin/chromium", "args": ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--user-data-dir=$profile"]}}
JSON
CHROMEDRIVER=/usr/bin/chromedriver \
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
  cargo test --target wasm32-unknown-unknown --test browser_ui --test browser_audit --test browser_registry --test browser_import

step "release build and single file"
start=$(date +%s)
trunk build --release   # its post_build hook writes dist/luoshi.html
test -s dist/luoshi.html
wasm=$(ls dist/luoshi-*_bg.wasm | grep -v luoshi-excel)
excel=dist/luoshi-excel_bg.wasm
printf 'build: %ss; wasm: %s bytes raw, %s bytes gzipped; Excel worker wasm (loaded on first use): %s bytes raw; single file dist/luoshi.html: %s bytes\n' \
  "$(( $(date +%s) - start ))" "$(stat -c %s "$wasm")" "$(gzip -9c "$wasm" | wc -c)" "$(stat -c %s "$excel")" "$(stat -c %s dist/luoshi.html)"

step "benchmark of the core against references in the same run (reported, not asserted)"
cargo bench --bench core

step "end-to-end tests in headless Chromium"
node --test tests/e2e/*.test.mjs
