//! With the feature `split` (the UI's module in chunks, see Cargo.toml), the
//! linker keeps its relocations in the WebAssembly module: the splitter
//! (wasm-split-cli) reads them to move functions and data between modules.
//! Given here, for this package's cdylib only, rather than in RUSTFLAGS,
//! which would rebuild every dependency whenever they change.
fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    let split = std::env::var_os("CARGO_FEATURE_SPLIT").is_some();
    let wasm = std::env::var("CARGO_CFG_TARGET_ARCH").is_ok_and(|a| a == "wasm32");
    if split && wasm {
        println!("cargo::rustc-link-arg-cdylib=--emit-relocs");
    }
}
