//! Profiles the incremental analysis of a 1 MB draft after one-character
//! edits, for profilers: `cargo run --release --example profile_edit -p cornerstone-engine -- N`.
use cornerstone_engine::{Context, Incremental};
fn main() {
    let base = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/bench/doc10000.txt"))
        .expect("the benchmark texts live in ../shared/bench");
    let mut text = String::from("Hi Priya,\n\n");
    for copy in 0.. {
        if text.len() >= 1_000_000 {
            break;
        }
        text.push_str(&base.replace(". ", &format!(" {copy}. ")));
    }
    let reps: usize = std::env::args().nth(1).and_then(|n| n.parse().ok()).unwrap_or(5);
    let ctx = Context::with_customer_name("Priya Raman");
    let mut engine = Incremental::new();
    let mut n = engine.analyze(&text, &ctx, None).findings.len();
    for i in 0..reps {
        let at = text.ceil_char_boundary(text.len() / 2 + i * 7);
        text.insert(at, 'x');
        n += engine.analyze(&text, &ctx, None).findings.len();
    }
    println!("{n} findings");
}
