#!/bin/sh
# Trunk's build hook (Trunk.toml): builds the UI's WebAssembly module split
# into a main module and chunks, and writes them into Trunk's staging folder
# for crates/bundle (the post_build hook), which names, links and lists them.
# Trunk itself cannot split a module (no hook between its cargo build and its
# wasm-bindgen), so index.html's link for the UI carries `data-trunk-skip`:
# Trunk leaves it in the page (the bundle puts the loader there) and builds
# the engine's module, the stylesheet and the copies.
#
#   cargo build --features split     build.rs keeps the linker's relocations (--emit-relocs)
#   wasm-split-cli                   main module, split_<name>.wasm, chunk_<n>.wasm, __wasm_split.js
#   wasm-bindgen --keep-lld-exports  the glue; the chunks import the table, memory and
#                                    stack pointer from the main module's exports
#   cornerstone-bundle --drop-unused-classes   wasm-streams's classes out (see crates/bundle)
#   wasm-opt -Oz --converge          on each module (release only, as Trunk does)
#
# The toolchain and flags of the build are those of Trunk's own WebAssembly
# builds: this runs in Trunk's environment, so what scripts/toolchain.sh's
# wasm_env sets for the trunk process (the pinned nightly, build-std, the
# wasm target's RUSTFLAGS) reaches this cargo too; a plain `trunk build`
# builds it on stable. Offline, as Trunk's own cargo builds are (Trunk.toml;
# scripts/setup.sh fetches the crates).
# Run by hand: TRUNK_STAGING_DIR=out TRUNK_PROFILE=release scripts/build-ui.sh
set -eu
cd "${TRUNK_SOURCE_DIR:-$(dirname "$0")/..}"
staging=${TRUNK_STAGING_DIR:?"scripts/build-ui.sh: set TRUNK_STAGING_DIR (Trunk does for its hooks)"}
profile=${TRUNK_PROFILE:-release}
target=${CARGO_TARGET_DIR:-target}
say() { echo "scripts/build-ui.sh: $*" >&2; }

# The same tools Trunk is pinned to (Trunk.toml [tools]; scripts/setup.sh installs them).
. scripts/toolchain.sh
if ! wasm-bindgen --version 2>/dev/null | grep -q " $WASM_BINDGEN_VERSION\$\| $WASM_BINDGEN_VERSION "; then
    say "needs wasm-bindgen $WASM_BINDGEN_VERSION (Cargo.lock), found: $(wasm-bindgen --version 2>&1 || true); run scripts/setup.sh"
    exit 1
fi
if ! command -v wasm-split-cli >/dev/null 2>&1; then
    say "needs wasm-split-cli; run scripts/setup.sh"
    exit 1
fi

if [ "$profile" = release ]; then set -- --release; out=release; else set --; out=debug; fi
cargo build --offline "$@" --target wasm32-unknown-unknown -p cornerstone --lib --features split
built=$target/wasm32-unknown-unknown/$out/cornerstone.wasm

# A folder of this run's own: under `trunk serve`, a run of a build that
# failed elsewhere may still be going when the next one starts (Trunk 0.21
# does not wait for it), and neither may clear the other's files.
mkdir -p "$target"
work=$(mktemp -d "$target/ui-split-$profile.XXXXXX")
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/pre" "$work/out"
wasm-split-cli "$built" "$work/pre" --out-name cornerstone
wasm-bindgen --target web --keep-lld-exports --no-typescript --out-dir "$work" --out-name cornerstone "$work/pre/cornerstone.wasm"
# Classes the glue exports and nothing uses (crates/bundle/src/classes.rs),
# out of the glue and the module's exports, so that wasm-opt drops their
# code. The bundler is built natively, on the project's stable toolchain.
env -u RUSTUP_TOOLCHAIN -u CARGO_UNSTABLE_BUILD_STD cargo run --quiet --offline --package cornerstone-bundle -- \
    --drop-unused-classes "$work/cornerstone.js" "$work/cornerstone_bg.wasm"
cp "$work/cornerstone.js" "$work/pre/__wasm_split.js" "$work/out/"

if [ "$profile" = release ]; then
    if ! wasm-opt --version 2>/dev/null | grep -q "version 116"; then
        say "needs wasm-opt from binaryen 116 (Trunk.toml [tools]), found: $(wasm-opt --version 2>&1 || true)"
        exit 1
    fi
    # (The chunks' "unknown name subsection with id 3" warning is harmless.
    # Nothing here may renumber the table the modules share: -Oz does not.)
    optimise() { wasm-opt --output="$2" -Oz "$1" --converge; }
else
    optimise() { cp "$1" "$2"; }
fi
optimise "$work/cornerstone_bg.wasm" "$work/out/cornerstone_bg.wasm"
for chunk in "$work"/pre/*.wasm; do
    name=$(basename "$chunk")
    [ "$name" = cornerstone.wasm ] || optimise "$chunk" "$work/out/$name"
done
# Into Trunk's staging folder only once all are made.
cp "$work"/out/* "$staging/"
say "the UI's module ($profile) and its chunks: $(cd "$work/pre" && ls -- *.wasm | grep -vx cornerstone.wasm | tr '\n' ' ')"
