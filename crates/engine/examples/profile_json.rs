//! Like `profile`, but each analysis is also serialised to the JSON report
//! (what the WebAssembly `analyzeJson` returns), for profilers.
mod common;

use cornerstone_engine::analyze;
fn main() {
    let (text, reps, ctx) = common::args();
    let mut n = 0;
    for _ in 0..reps {
        n += analyze(&text, &ctx).json(&text).len();
    }
    println!("{n} bytes of JSON");
}
