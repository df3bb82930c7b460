#!/usr/bin/env bash
# Builds Luoshi and serves it on http://127.0.0.1:8080 (rebuilds on change).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/setup.sh"
cd "$ROOT"
echo "落实：构建完成后请在浏览器中打开 http://127.0.0.1:8080/ （加 ?today=2026-06-30 可模拟日期）"
exec trunk serve "$@"
