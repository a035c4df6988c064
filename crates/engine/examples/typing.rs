//! Analyses a text through one [`Incremental`] many times, the text
//! alternating with a copy of it with one letter typed in the middle, as the
//! app sees a draft while the agent types; for profilers:
//! `cargo run --release --example typing -- ../../../shared/bench/reply150.txt [N] [MESSAGE]`,
//! with MESSAGE a file holding the customer's message the text answers.
use cornerstone_engine::{Context, Incremental};
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
    let at = text.ceil_char_boundary(text.len() / 2);
    let edited = format!("{}x{}", &text[..at], &text[at..]);
    let mut engine = Incremental::new();
    let mut n = 0;
    for i in 0..reps {
        n += engine.analyze(if i % 2 == 0 { &text } else { &edited }, &ctx, None).findings.len();
    }
    println!("{n} findings");
}
