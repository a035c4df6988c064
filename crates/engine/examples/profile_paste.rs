//! Profiles what a paste costs the app's incremental engine: a short reply
//! analysed first (the page's warm-up), then a 6 KB draft pasted over it,
//! for profilers: `cargo run --release --example profile_paste -p cornerstone-engine -- N`.
use cornerstone_engine::{Context, Incremental};
fn main() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/bench/");
    let base =
        std::fs::read_to_string(format!("{dir}doc10000.txt")).expect("the benchmark texts live in ../shared/bench");
    let reply =
        std::fs::read_to_string(format!("{dir}reply150.txt")).expect("the benchmark texts live in ../shared/bench");
    let mut text = String::from("Hi Priya,\n\n");
    text.push_str(&base[..base.floor_char_boundary(5_989)]);
    let reps: usize = std::env::args().nth(1).and_then(|n| n.parse().ok()).unwrap_or(5);
    let ctx = Context::with_customer_name("Priya Raman");
    let mut n = 0;
    for _ in 0..reps {
        let mut engine = Incremental::new();
        n += engine.analyze(&reply, &ctx, None).findings.len();
        n += engine.analyze(&text, &ctx, None).findings.len();
    }
    println!("{n} findings");
}
