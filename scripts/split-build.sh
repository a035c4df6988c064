#!/bin/sh
# The UI's module built by hand, with and without code splitting, and the
# gzip -9 size of each file a page fetches from it (the feasibility spike of
# issue "first load <= 150 KB"; see docs/split-spike.md).
#
#   scripts/split-build.sh plain  OUT   # as /tmp/uisize.sh: cargo -> wasm-bindgen -> wasm-opt
#   scripts/split-build.sh split  OUT   # cargo (--emit-relocs, feature split) -> wasm-split-cli
#                                       #   -> wasm-bindgen --keep-lld-exports -> wasm-opt on each module
#
# Needs wasm-split-cli: cargo install wasm_split_cli_support --version 0.2.4 --features build-binary --locked
set -eu
cd "$(dirname "$0")/.."
mode=$1
out=$(realpath -m "$2")
target=${CARGO_TARGET_DIR:-target}
rm -rf "$out" && mkdir -p "$out"
size() { printf '%-40s %8d B  gzip %7d B\n' "$(basename "$1")" "$(wc -c <"$1")" "$(gzip -9 -c "$1" | wc -c)"; }
case $mode in
plain)
    cargo build -q --release --target wasm32-unknown-unknown -p cornerstone --lib
    wasm-bindgen --target web --out-dir "$out" "$target/wasm32-unknown-unknown/release/cornerstone.wasm"
    wasm-opt -Oz --converge "$out/cornerstone_bg.wasm" -o "$out/cornerstone_bg.wasm"
    ;;
split)
    # wasm-split-cli reads the linker's relocations: build.rs keeps them in
    # the output (--emit-relocs) when the feature `split` is on.
    cargo build -q --release --target wasm32-unknown-unknown -p cornerstone --lib --features split
    mkdir -p "$out/pre"
    wasm-split-cli "$target/wasm32-unknown-unknown/release/cornerstone.wasm" "$out/pre" --out-name cornerstone
    # The chunks import what they share from the main module's exports,
    # which wasm-bindgen would otherwise strip (--keep-lld-exports).
    wasm-bindgen --target web --keep-lld-exports --out-dir "$out" --out-name cornerstone "$out/pre/cornerstone.wasm"
    cp "$out/pre/__wasm_split.js" "$out/"
    for f in "$out"/pre/*.wasm; do
        case $(basename "$f") in cornerstone.wasm) ;; *) wasm-opt -Oz --converge "$f" -o "$out/$(basename "$f")" ;; esac
    done
    wasm-opt -Oz --converge "$out/cornerstone_bg.wasm" -o "$out/cornerstone_bg.wasm"
    ;;
*) echo "usage: $0 plain|split OUT" >&2; exit 2 ;;
esac
for f in "$out"/*.wasm "$out"/*.js; do size "$f"; done
