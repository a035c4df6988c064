#!/usr/bin/env bash
# Installs what building the app needs, skipping anything already installed
# at the right version: the wasm target, Trunk, the wasm-bindgen CLI that
# matches Cargo.lock, wasm-opt and wasm-split-cli from crates.io (see
# ../shared/TOOLCHAIN.md for why each pin). Nothing is downloaded outside the package registries.
set -euo pipefail
cd "$(dirname "$0")/.."
TRUNK_VERSION=0.21.14
WASM_OPT_VERSION=0.116.1
# The splitter of the UI's module (scripts/build-ui.sh); crates/bundle knows
# the script it writes, so a new version means looking at crates/bundle/src/split.rs.
WASM_SPLIT_VERSION=0.2.4

export PATH="$HOME/.cargo/bin:$PATH"
. scripts/toolchain.sh

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  echo "==> adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

have() { command -v "$1" >/dev/null 2>&1 && "$1" --version 2>/dev/null | grep -q "$2"; }

if ! have trunk "$TRUNK_VERSION"; then
  echo "==> installing trunk $TRUNK_VERSION (about 9 minutes on 2 cores)"
  cargo install trunk --locked --version "$TRUNK_VERSION"
fi
if ! have wasm-bindgen "$WASM_BINDGEN_VERSION"; then
  echo "==> installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 3 minutes)"
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi
if ! have wasm-opt "version 116"; then
  echo "==> installing wasm-opt $WASM_OPT_VERSION from crates.io (about 11 minutes)"
  cargo install wasm-opt --locked --version "$WASM_OPT_VERSION"
fi
# (wasm-split-cli has no --version: cargo's list of installed crates says. grep reads
# the whole list: with -q it could stop early, and cargo's broken pipe would fail the
# test under pipefail.)
if ! cargo install --list | grep -x "wasm_split_cli_support v$WASM_SPLIT_VERSION:" >/dev/null; then
  echo "==> installing wasm-split-cli (wasm_split_cli_support $WASM_SPLIT_VERSION) from crates.io (about 1.5 minutes)"
  cargo install wasm_split_cli_support --version "$WASM_SPLIT_VERSION" --features build-binary --locked
fi

# The nightly the WebAssembly builds and the fuzz run use (scripts/toolchain.sh),
# with the standard library's source, which -Zbuild-std compiles.
library() { echo "$(rustup run "$NIGHTLY" rustc --print sysroot)/lib/rustlib/src/rust/library/Cargo.toml"; }
if ! rustup run "$NIGHTLY" rustc --version >/dev/null 2>&1 || ! [ -f "$(library)" ]; then
  echo "==> installing the $NIGHTLY toolchain with the standard library's source (seconds)"
  rustup toolchain install "$NIGHTLY" --profile minimal --component rust-src
fi
# Trunk builds offline (Trunk.toml): fetch the crates first, the project's
# and those the standard library is rebuilt from.
cargo fetch --locked --quiet
cargo "+$NIGHTLY" fetch --quiet --manifest-path "$(library)"
