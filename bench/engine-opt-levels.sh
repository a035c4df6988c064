#!/usr/bin/env bash
# Builds the WebAssembly module alone with the engine compiled at each
# opt-level given (default: z s 2 3; the UI stays at "z"), the way the
# README's "First load" builds it (wasm-bindgen, wasm-opt -Oz --converge),
# prints each module's gzip -9 bytes, then times `analyzeJson` of every
# build in one Node process (bench/peers/compare.mjs). Not a test.
# Usage: bench/engine-opt-levels.sh [LEVEL...]   (outputs in target/opt-levels/)
set -euo pipefail
cd "$(dirname "$0")/.."
levels=("$@")
[ ${#levels[@]} -eq 0 ] && levels=(z s 2 3)
out=target/opt-levels
dirs=()
for level in "${levels[@]}"; do
  case $level in [0-9]) value=$level ;; *) value="\"$level\"" ;; esac
  dir=$out/$level
  cargo build -q --release --target wasm32-unknown-unknown -p cornerstone --lib \
    --target-dir "$out/target-$level" \
    --config "profile.release.package.cornerstone-engine.opt-level=$value"
  mkdir -p "$dir"
  wasm-bindgen --target web --out-dir "$dir" --out-name cornerstone \
    "$out/target-$level/wasm32-unknown-unknown/release/cornerstone.wasm"
  wasm-opt -Oz --converge "$dir/cornerstone_bg.wasm" -o "$dir/o.wasm"
  rm "$dir/cornerstone_bg.wasm"
  echo "engine opt-level $level: $(gzip -9c "$dir/o.wasm" | wc -c) bytes gzip"
  dirs+=("$PWD/$dir")
done
cd bench/peers && node compare.mjs "${dirs[@]}"
