# shellcheck shell=bash
# Sourced by the other scripts: the one nightly compiler the project uses,
# and the settings its WebAssembly builds are made with.
#
# The project's channel is stable (rust-toolchain.toml): the engine, the CLI,
# the bundler and every native test build with it. Two things use a pinned,
# dated nightly instead:
# - the WebAssembly modules Trunk builds for the release (the UI's and the
#   engine's): the standard library is rebuilt with them (-Zbuild-std) and a
#   panic aborts at once (-Cpanic=immediate-abort), with no panic message or
#   file location compiled in (-Zlocation-detail=none). This takes about
#   18 KB gzip off the UI's module, which is on the page's first load (README,
#   "First load"). What is lost: a panic's message in the console; a panic
#   already ended the module before.
# - the fuzz run (cargo fuzz needs nightly).
# Dated, so that a build today and one next year compile alike.
NIGHTLY=nightly-2026-05-19

# The wasm-bindgen CLI must be the version of the crate in Cargo.lock.
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/"/, "", $3); print $3; exit }' Cargo.lock)

# Runs "$@" (Trunk) with its WebAssembly builds on the nightly. Only Trunk's
# own cargo calls see these: Trunk.toml's post-build hook drops
# RUSTUP_TOOLCHAIN and CARGO_UNSTABLE_BUILD_STD, so the bundler builds with
# the project's stable toolchain. A plain `trunk build` without this works
# too: the modules are then built by stable, with its prebuilt standard
# library (about 18 KB gzip larger).
wasm_env() {
  # RUSTFLAGS would win over the wasm target's flags below and silently
  # build a release without them.
  if [ -n "${RUSTFLAGS:-}${CARGO_ENCODED_RUSTFLAGS:-}" ]; then
    echo "scripts/toolchain.sh: unset RUSTFLAGS (and CARGO_ENCODED_RUSTFLAGS): they would replace the" \
      "WebAssembly builds' own flags" >&2
    return 1
  fi
  RUSTUP_TOOLCHAIN="$NIGHTLY" \
    CARGO_UNSTABLE_BUILD_STD=std,panic_abort \
    CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none" \
    "$@"
}
