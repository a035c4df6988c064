#!/usr/bin/env bash
# Installs what is missing, builds the release app and serves it on
# http://127.0.0.1:8080 (set PORT to change it).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PATH" TRUNK_SKIP_VERSION_CHECK=true
. scripts/toolchain.sh
# No live-reload script: the served page makes no connection of its own.
wasm_env exec trunk serve --release --offline --no-autoreload --address 127.0.0.1 --port "${PORT:-8080}"
