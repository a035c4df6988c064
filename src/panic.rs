//! Panic messages in the console.

/// Has a panic's message shown in the console, where a panic has one to
/// give: in a build whose panics abort at once (the release, on the nightly
/// of `scripts/toolchain.sh`) no hook ever runs, and the hook's code would
/// only weigh on the first load.
#[allow(unexpected_cfgs)] // (`immediate-abort` is a nightly panic strategy)
pub fn messages() {
    #[cfg(not(panic = "immediate-abort"))]
    console_error_panic_hook::set_once();
}
