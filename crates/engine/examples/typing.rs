//! Analyses a text through one [`Incremental`] many times, the text
//! alternating with a copy of it with one letter typed in the middle, as the
//! app sees a draft while the agent types; for profilers:
//! `cargo run --release --example typing -- ../../../shared/bench/reply150.txt [N] [MESSAGE]`,
//! with MESSAGE a file holding the customer's message the text answers.
mod common;

use cornerstone_engine::Incremental;
fn main() {
    let (text, reps, ctx) = common::args();
    let at = text.ceil_char_boundary(text.len() / 2);
    let edited = format!("{}x{}", &text[..at], &text[at..]);
    let mut engine = Incremental::new();
    let mut n = 0;
    for i in 0..reps {
        n += engine.analyze(if i % 2 == 0 { &text } else { &edited }, &ctx, None).findings.len();
    }
    println!("{n} findings");
}
