#!/usr/bin/env bash
# Installs what is missing and writes the release build to dist/ (what
# scripts/serve.sh serves and the benchmarks load): Trunk, with the
# WebAssembly modules on the pinned nightly (scripts/toolchain.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PATH" TRUNK_SKIP_VERSION_CHECK=true
. scripts/toolchain.sh
wasm_env exec trunk build --release --offline "$@"
