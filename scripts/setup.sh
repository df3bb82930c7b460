#!/usr/bin/env bash
# Installs what building (and, with --test, testing) Luoshi needs, and only
# what is missing, so a second run takes a second. Sourced by serve.sh and
# test.sh. Everything comes from package registries by name: rustup's wasm
# target, crates.io (trunk, wasm-bindgen-cli, wasm_split_cli_support at pinned
# versions), npm
# (binaryen's wasm-opt, playwright-core) and Debian (chromium, chromedriver,
# CJK fonts). Nothing downloads a binary from anywhere else.
set -euo pipefail

TRUNK_VERSION=0.21.14
# twiggy (wasm code size profiler) for bench/weight.sh only, with --weight.
TWIGGY_VERSION=0.8.0
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WANT_TEST=0
[ "${1:-}" = "--test" ] && WANT_TEST=1
WANT_WEIGHT=0
[ "${1:-}" = "--weight" ] && WANT_WEIGHT=1

say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }
# Root installs directly (CI runs as root); anyone else goes through sudo.
SUDO=""
[ "$(id -u)" = 0 ] || SUDO="sudo"
apt_install() {
  say "installing Debian packages: $*"
  $SUDO apt-get update -qq
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@"
}

# scripts/tools first: its wasm-bindgen strips the precompiled std's
# target_features note, then runs the real one (the browser floor).
export PATH="$ROOT/scripts/tools:$ROOT/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

# 1. The wasm target and the lint tools of the machine's one toolchain.
if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  say "installing the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi
if ! cargo fmt --version >/dev/null 2>&1 || ! cargo clippy --version >/dev/null 2>&1; then
  say "installing rustfmt and clippy"
  rustup component add rustfmt clippy
fi

# 2. trunk, pinned: newer trunk needs a newer rustc than this machine has.
#    Built without its update check so it never calls out at run time.
if [ "$(trunk --version 2>/dev/null || true)" != "trunk $TRUNK_VERSION" ]; then
  say "installing trunk $TRUNK_VERSION from crates.io"
  cargo install trunk --version "$TRUNK_VERSION" --locked --no-default-features --features rustls
fi

# 3. wasm-bindgen-cli must equal the wasm-bindgen in Cargo.lock exactly.
#    --locked is tried first (reproducible); on this registry mirror a
#    locked dependency is missing, so it falls back to a fresh resolution.
WBG_VERSION=$(awk '/^name = "wasm-bindgen"$/ {getline; gsub(/version = |"/, ""); print; exit}' "$ROOT/Cargo.lock")
if [ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen $WBG_VERSION" ]; then
  say "installing wasm-bindgen-cli $WBG_VERSION from crates.io"
  cargo install wasm-bindgen-cli --version "$WBG_VERSION" --force --locked \
    || cargo install wasm-bindgen-cli --version "$WBG_VERSION" --force
fi
if ! grep -q "wasm_bindgen = \"$WBG_VERSION\"" "$ROOT/Trunk.toml"; then
  echo "Trunk.toml pins a wasm_bindgen other than Cargo.lock's $WBG_VERSION; update it." >&2
  exit 1
fi

# 3b. wasm-split-cli (crates.io wasm_split_cli_support, pinned): the release
#    build splits the pages other than the ledger and the dashboard into
#    wasm modules of their own (src/ui/lazy_pages.rs, scripts/tools/wasm-bindgen).
#    Built from source; its own root, since its binary has no --version and
#    shares its name with Dioxus's tool: the root's .crates.toml says which
#    version is there. The CLI reads the format stamped by the
#    wasm_split_helpers in Cargo.lock (via leptos); the two move together.
SPLIT_VERSION=0.2.4
SPLIT_ROOT="${CARGO_HOME:-$HOME/.cargo}/luoshi-tools"
if [ ! -x "$SPLIT_ROOT/bin/wasm-split-cli" ] \
   || ! grep -q "^\"wasm_split_cli_support $SPLIT_VERSION " "$SPLIT_ROOT/.crates.toml" 2>/dev/null; then
  say "installing wasm_split_cli_support $SPLIT_VERSION (wasm-split-cli) from crates.io"
  cargo install wasm_split_cli_support --version "$SPLIT_VERSION" --features build-binary --force --locked --root "$SPLIT_ROOT"
fi

# 4. Node.js (20 or newer, for playwright-core) and the npm packages:
#    wasm-opt (binaryen) for trunk, playwright-core for tests.
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  apt_install nodejs npm
fi
if [ "$(node -p 'process.versions.node.split(".")[0]')" -lt 20 ]; then
  echo "Node.js $(node --version) is too old: Luoshi's tools need Node.js 20 or newer." >&2
  exit 1
fi
# A node_modules that is a link (a git worktree sharing the main checkout's)
# is left alone when complete: npm ci would empty the folder it points to.
if [ ! -x "$ROOT/node_modules/.bin/wasm-opt" ] || [ ! -d "$ROOT/node_modules/playwright-core" ] \
   || { [ ! -L "$ROOT/node_modules" ] && [ "$ROOT/package-lock.json" -nt "$ROOT/node_modules/.package-lock.json" ]; }; then
  say "installing npm packages"
  (cd "$ROOT" && npm ci --no-audit --no-fund)
fi

# 5. For tests: Debian's Chromium and ChromeDriver, CJK fonts for screenshots,
#    poppler and LibreOffice Calc and Writer.
if [ "$WANT_TEST" = 1 ]; then
  missing=()
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  [ -x /usr/bin/chromedriver ] || missing+=(chromium-driver)
  dpkg -s fonts-noto-cjk >/dev/null 2>&1 || missing+=(fonts-noto-cjk)
  # pdftoppm turns the printed 督办通知单 (a PDF) into an image to look at.
  command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)
  # LibreOffice (Calc, no GUI) opens the exported workbooks in the tests,
  # and writes one of the import fixtures, as an office's copy would.
  command -v soffice >/dev/null 2>&1 || missing+=(libreoffice-calc-nogui)
  # …and Writer opens the drafted 通报 (.docx) and writes the 工作要点 .docx
  # the breakdown tests read.
  dpkg -s libreoffice-writer-nogui >/dev/null 2>&1 || missing+=(libreoffice-writer-nogui)
  if [ "${#missing[@]}" -gt 0 ]; then
    apt_install "${missing[@]}"
  fi
fi

# 6. For bench/weight.sh: twiggy, pinned, from crates.io.
if [ "$WANT_WEIGHT" = 1 ] && [ "$(twiggy --version 2>/dev/null || true)" != "twiggy-opt $TWIGGY_VERSION" ]; then
  say "installing twiggy $TWIGGY_VERSION from crates.io"
  cargo install twiggy --version "$TWIGGY_VERSION" --locked
fi
