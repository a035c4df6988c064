//! Runs `analyze` on a benchmark text many times, for profilers:
//! `cargo run --release --example profile -- ../../../shared/bench/doc10000.txt [N] [MESSAGE]`,
//! with MESSAGE a file holding the customer's message the text answers.
use cornerstone_engine::{analyze, Context};
fn main() {
    let path = std::env::args().nth(1).expect("a text file");
    let text = std::fs::read_to_string(path).expect("readable UTF-8");
    let reps: usize = std::env::args().nth(2).and_then(|n| n.parse().ok()).unwrap_or(20);
    let message = std::env::args().nth(3).map(|p| std::fs::read_to_string(p).expect("readable UTF-8"));
    let ctx = Context::with_customer_name("Priya Raman");
    let ctx = match message {
        Some(m) => ctx.and_customer_message(m),
        None => ctx,
    };
    let mut n = 0;
    for _ in 0..reps {
        n += analyze(&text, &ctx).findings.len();
    }
    println!("{n} findings");
}
