//! Runs `analyze` on a benchmark text many times, for profilers:
//! `cargo run --release --example profile -- ../../../shared/bench/doc10000.txt [N] [MESSAGE]`,
//! with MESSAGE a file holding the customer's message the text answers.
mod common;

use cornerstone_engine::analyze;
fn main() {
    let (text, reps, ctx) = common::args();
    let mut n = 0;
    for _ in 0..reps {
        n += analyze(&text, &ctx).findings.len();
    }
    println!("{n} findings");
}
