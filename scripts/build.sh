#!/usr/bin/env bash
# Release build: dist/ for a web server, and dist/luoshi.html, one file that
# works offline when opened by double-click.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/setup.sh"
cd "$ROOT"
trunk build --release "$@"
echo "落实：已生成 dist/（网站版）和 dist/luoshi.html（单文件版，可拷贝到任何电脑双击打开）"
