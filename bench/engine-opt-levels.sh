#!/usr/bin/env bash
# Builds the engine's WebAssembly module (crates/web-engine) alone with the
# engine compiled at each opt-level given (default: z s 2 3), the way the
# release build makes it (wasm-bindgen, then wasm-opt with $WASM_OPT,
# default "-Oz --converge"), prints each module's gzip -9 bytes, then times
# `analyzeJson` of every build in one Node process (bench/peers/compare.mjs).
# Not a test. The UI's module is not rebuilt: it does not analyse.
# Usage: [WASM_OPT="-O3"] bench/engine-opt-levels.sh [LEVEL...]
# (outputs in target/opt-levels/)
set -euo pipefail
cd "$(dirname "$0")/.."
levels=("$@")
[ ${#levels[@]} -eq 0 ] && levels=(z s 2 3)
out=target/opt-levels
dirs=()
for level in "${levels[@]}"; do
  case $level in [0-9]) value=$level ;; *) value="\"$level\"" ;; esac
  dir=$out/$level
  cargo build -q --release --target wasm32-unknown-unknown -p cornerstone-web-engine \
    --target-dir "$out/target-$level" \
    --config "profile.release.package.cornerstone-engine.opt-level=$value"
  mkdir -p "$dir"
  wasm-bindgen --target web --out-dir "$dir" --out-name cornerstone_web_engine \
    "$out/target-$level/wasm32-unknown-unknown/release/cornerstone_web_engine.wasm"
  # shellcheck disable=SC2086
  wasm-opt ${WASM_OPT:--Oz --converge} "$dir/cornerstone_web_engine_bg.wasm" -o "$dir/o.wasm"
  rm "$dir/cornerstone_web_engine_bg.wasm"
  echo "engine opt-level $level: $(gzip -9c "$dir/o.wasm" | wc -c) bytes gzip"
  dirs+=("$PWD/$dir")
done
cd bench/peers && node compare.mjs "${dirs[@]}"
