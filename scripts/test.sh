#!/usr/bin/env bash
# Installs what the tests need and runs every test: engine, CLI and
# evaluation (native), a bounded fuzz run of the engine, the widget's component tests (wasm-bindgen-test in
# headless Chromium), and the end-to-end tests (Playwright on the release
# build). Exits non-zero if any test fails.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PATH" TRUNK_SKIP_VERSION_CHECK=true
. scripts/toolchain.sh

if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
  echo "==> installing Chromium and ChromeDriver from Debian"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq chromium chromium-driver
fi
if ! (cd tests/e2e && npm ls --all >/dev/null 2>&1); then
  echo "==> installing the end-to-end test packages from npm"
  (cd tests/e2e && npm ci --no-audit --no-fund)
fi

echo "==> formatting and lints"
cargo fmt --all --check
cargo clippy --workspace --all-targets --quiet -- -D warnings
# The UI's bridge to the engine's module is compiled only for the browser.
cargo clippy --target wasm32-unknown-unknown -p cornerstone --lib --quiet -- -D warnings
# And as the release builds it: in chunks (scripts/build-ui.sh).
cargo clippy --target wasm32-unknown-unknown -p cornerstone --lib --features split --quiet -- -D warnings

echo "==> engine, CLI, evaluation and app logic (native)"
cargo test --workspace

echo "==> fuzzing the engine for 60 s (draft, customer name, customer message, rule pack)"
if ! command -v cargo-fuzz >/dev/null; then
  cargo install cargo-fuzz --locked
fi
# Safe Rust only: no sanitizer needed, which runs about four times more inputs.
(cd fuzz && cargo "+$NIGHTLY" fuzz run --sanitizer none analyze -- -max_total_time=60 -timeout=10)

echo "==> widget component tests in headless Chromium"
cargo test --target wasm32-unknown-unknown -p cornerstone --features engine-linked --test browser

echo "==> release build (WebAssembly on $NIGHTLY: scripts/toolchain.sh)"
wasm_env trunk build --release --offline

echo "==> end-to-end tests in headless Chromium"
(cd tests/e2e && npm test)
