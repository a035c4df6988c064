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
    bencher.counter(BytesCount::of_str(&text)).bench(|| analyze(divan::black_box(&text), &ctx).json(&text));
}

/// A 1 MB draft (the benchmark replies repeated) edited by one character in
/// the middle, then analysed again: a full analysis against the
/// [`Incremental`] one the app's worker keeps.
fn one_mb_and_an_edit() -> (String, String) {
    let base = bench_text("doc10000");
    let mut text = String::from("Hi Priya,\n\n");
    // Each copy's sentences made unique (a case number in each), so that no
    // reading is shared between copies: a draft that does not repeat itself.
    for copy in 0.. {
        if text.len() >= 1_000_000 {
            break;
        }
        text.push_str(&base.replace(". ", &format!(" {copy}. ")));
    }
    let at = text.ceil_char_boundary(text.len() / 2);
    let edited = format!("{}x{}", &text[..at], &text[at..]);
    (text, edited)
}

#[divan::bench(args = ["full", "incremental"], sample_count = 10)]
fn edit_in_1mb(bencher: divan::Bencher, how: &str) {
    let (text, edited) = one_mb_and_an_edit();
    let ctx = Context::with_customer_name("Priya Raman");
    let mut engine = cornerstone_engine::Incremental::new();
    let mut flip = false;
    bencher.counter(BytesCount::of_str(&edited)).bench_local(move || {
        // Alternate between the two versions, as typing and undoing would.
        flip = !flip;
        let t = if flip { &edited } else { &text };
        match how {
            "full" => analyze(divan::black_box(t), &ctx),
            _ => engine.analyze(divan::black_box(t), &ctx, None),
        }
    });
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

/// The same reply (with and without the customer's message) through the
/// [`Incremental`] analyser the app keeps while the agent types: each
/// analysis alternates between the reply and a copy with one letter typed
/// in the middle.
#[divan::bench(args = [false, true])]
fn typing_reply150(bencher: divan::Bencher, with_message: bool) {
    let text = bench_text("reply150");
    let at = text.ceil_char_boundary(text.len() / 2);
    let edited = format!("{}x{}", &text[..at], &text[at..]);
    let message = include_str!("message150.txt");
    let ctx = Context::with_customer_name("Maria Lopez");
    let ctx = if with_message { ctx.and_customer_message(message) } else { ctx };
    let mut engine = cornerstone_engine::Incremental::new();
    let mut flip = false;
    bencher.counter(BytesCount::of_str(&text)).bench_local(move || {
        flip = !flip;
        engine.analyze(divan::black_box(if flip { &edited } else { &text }), &ctx, None)
    });
}

/// Replies the processor has not just seen: the 10,143 words cut at
/// paragraph breaks into pieces of about the reply's length (876 bytes),
/// analysed in turn, so each comes back only after 60-odd others. One text
/// analysed again and again (`analyze_text`) lets the branch predictor
/// learn its words' branches; a reply an agent writes is new to it. The
/// time is per piece; the pieces average 0.96 KB.
#[divan::bench]
fn unseen_replies(bencher: divan::Bencher) {
    let text = bench_text("doc10000");
    let mut pieces = Vec::new();
    let mut start = 0;
    while start < text.len() {
        let end = match text[(start + 876).min(text.len())..].find("\n\n") {
            Some(at) => (start + 876).min(text.len()) + at + 2,
            None => text.len(),
        };
        pieces.push(text[start..end].to_string());
        start = end;
    }
    let ctx = Context::with_customer_name("Priya Raman");
    let mut next = 0;
    bencher.bench_local(move || {
        next = (next + 1) % pieces.len();
        analyze(divan::black_box(&pieces[next]), &ctx)
    });
}
