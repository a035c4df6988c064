//! `cargo bench -p cornerstone-engine`: `analyze` on the project's standard
//! benchmark texts (../shared/bench), so figures compare across the project.
//! Throughput is reported in bytes per second.

use cornerstone_engine::{analyze, Context};
use divan::counter::BytesCount;

fn main() {
    // Build the phrase lexicon before timing: it is built once per process.
    analyze("warm up", &Context::default());
    divan::main();
}

fn bench_text(name: &str) -> String {
    let path = format!("{}/../../../shared/bench/{name}.txt", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{path}: {e} (the benchmark texts live in ../shared/bench)"))
}

#[divan::bench(args = ["reply150", "doc1000", "doc10000"])]
fn analyze_text(bencher: divan::Bencher, name: &str) {
    let text = bench_text(name);
    let ctx = Context::with_customer_name("Priya Raman");
    bencher.counter(BytesCount::of_str(&text)).bench(|| analyze(divan::black_box(&text), &ctx));
}

#[divan::bench(args = ["reply150", "doc10000"])]
fn analyze_and_serialise(bencher: divan::Bencher, name: &str) {
    let text = bench_text(name);
    let ctx = Context::with_customer_name("Priya Raman");
    bencher.counter(BytesCount::of_str(&text)).bench(|| analyze(divan::black_box(&text), &ctx).to_json(&text));
}

/// A 150-word reply read against a 150-word customer message (questions,
/// a feeling, earlier contact, details, a sign-off): the cost of the pair
/// cues on top of the reply's own analysis.
#[divan::bench(args = [false, true])]
fn reply150_with_message150(bencher: divan::Bencher, with_message: bool) {
    let text = bench_text("reply150");
    let message = include_str!("message150.txt");
    let ctx = Context::with_customer_name("Maria Lopez");
    let ctx = if with_message { ctx.and_customer_message(message) } else { ctx };
    bencher.counter(BytesCount::of_str(&text)).bench(|| analyze(divan::black_box(&text), &ctx));
}
