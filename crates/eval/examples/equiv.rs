//! The equivalence set: prints the JSON report of every input, so that two
//! builds of the engine can be compared byte for byte (a speed change must
//! not change a report). Every corpus draft, every pair with and without
//! its message, the real agent replies with and without the customer's
//! tweet, the iSarcasmEval texts, 3,000 politeness requests, 1,500
//! GoEmotions comments and the bench texts (16,473 inputs in session 41);
//! `EQUIV_ALL=1` takes every politeness request and GoEmotions comment,
//! `EQUIV_FUZZ=1` instead every draft and pair reply with one word left
//! out at each place in turn. Each input is also analysed through one
//! `Incremental` kept across inputs and chunk by chunk, and a line
//! `INCREMENTAL DIFFERS` says where those differ. The data are read in
//! place from `../shared/data`.
//!
//! `cargo run -q -p cornerstone-eval --release --example equiv > before.txt`,
//! then again on the other build, and `cmp before.txt after.txt`.
use cornerstone_engine::{analyze, Context, Incremental};
use cornerstone_eval::{agent_replies, data_dir, load_pairs, load_split, read_jsonl, Split};
use std::io::Write;

fn main() {
    let mut inputs: Vec<(String, String, Context)> = Vec::new();
    for split in [Split::Tune, Split::Test] {
        for d in load_split(split).unwrap() {
            let ctx = match &d.customer_name {
                Some(n) => Context::with_customer_name(n),
                None => Context::default(),
            };
            inputs.push((format!("draft {}", d.id), d.text.clone(), ctx));
        }
        for p in load_pairs(split).unwrap() {
            inputs.push((format!("pair+msg {}", p.id), p.reply.clone(), p.context()));
            let ctx = match &p.customer_name {
                Some(n) => Context::with_customer_name(n),
                None => Context::default(),
            };
            inputs.push((format!("pair {}", p.id), p.reply.clone(), ctx));
        }
    }
    for r in agent_replies().unwrap() {
        let id = r["id"].as_str().unwrap().to_string();
        let text = r["text"].as_str().unwrap().to_string();
        inputs.push((format!("agent {id}"), text.clone(), Context::default()));
        if let Some(m) = r["previous_customer_message"].as_str() {
            inputs.push((format!("agent+msg {id}"), text, Context::default().and_customer_message(m.to_string())));
        }
    }
    let dir = data_dir();
    for f in ["isarcasmeval/train.en.jsonl", "isarcasmeval/test_a.en.jsonl", "isarcasmeval/test_c.en.jsonl"] {
        for r in read_jsonl(&dir.join(f)).unwrap() {
            for k in ["text", "text_0", "text_1", "rephrase"] {
                if let Some(t) = r[k].as_str() {
                    inputs.push((format!("{f} {} {k}", r["id"]), t.to_string(), Context::default()));
                }
            }
        }
    }
    for f in ["stanford-politeness/wikipedia.jsonl", "stanford-politeness/stack-exchange.jsonl"] {
        for r in read_jsonl(&dir.join(f)).unwrap().into_iter().take(if std::env::var_os("EQUIV_ALL").is_some() {
            usize::MAX
        } else {
            1500
        }) {
            inputs.push((format!("{f} {}", r["id"]), r["text"].as_str().unwrap().to_string(), Context::default()));
        }
    }
    let emotions: &[&str] = if std::env::var_os("EQUIV_ALL").is_some() { &["dev", "train", "test"] } else { &["dev"] };
    for r in emotions
        .iter()
        .flat_map(|f| read_jsonl(&dir.join(format!("goemotions/{f}.jsonl"))).unwrap())
        .take(if std::env::var_os("EQUIV_ALL").is_some() { usize::MAX } else { 1500 })
    {
        inputs.push((format!("goemotions {}", r["id"]), r["text"].as_str().unwrap().to_string(), Context::default()));
    }
    for f in ["reply150.txt", "doc1000.txt", "doc10000.txt"] {
        let text = std::fs::read_to_string(dir.join("../bench").join(f)).unwrap();
        let msg = std::fs::read_to_string(cornerstone_eval::repo_root().join("crates/engine/benches/message150.txt"))
            .unwrap();
        inputs.push((format!("bench {f}"), text.clone(), Context::with_customer_name("Maria Lopez")));
        inputs.push((
            format!("bench+msg {f}"),
            text,
            Context::with_customer_name("Priya Raman").and_customer_message(msg),
        ));
    }
    // EQUIV_FUZZ: every corpus draft and pair reply with one word left
    // out at each place in turn (a debug build checks sarcasm's gate on
    // each sentence it passes over); the reports are printed like the rest.
    if std::env::var_os("EQUIV_FUZZ").is_some() {
        let mut texts: Vec<String> = Vec::new();
        for split in [Split::Tune, Split::Test] {
            texts.extend(load_split(split).unwrap().into_iter().map(|d| d.text));
            texts.extend(load_pairs(split).unwrap().into_iter().map(|p| p.reply));
        }
        let mut fuzzed = Vec::new();
        for t in &texts {
            let parts: Vec<&str> = t.split(' ').collect();
            for i in 0..parts.len() {
                let v: Vec<&str> = parts.iter().enumerate().filter(|&(j, _)| j != i).map(|(_, w)| *w).collect();
                fuzzed.push((format!("fuzz {i}"), v.join(" "), Context::default()));
            }
        }
        inputs = fuzzed;
    }
    let out = std::io::stdout();
    let mut out = out.lock();
    let mut kept = Incremental::new();
    let mut chunked = Incremental::chunking_all();
    for (id, text, ctx) in &inputs {
        let json = analyze(text, ctx).json(text);
        writeln!(out, "{id}\n{json}").unwrap();
        let a = kept.analyze(text, ctx, None).json(text);
        let b = chunked.analyze(text, ctx, None).json(text);
        if a != json || b != json {
            writeln!(out, "INCREMENTAL DIFFERS {id}\n{a}\n{b}").unwrap();
        }
    }
    eprintln!("{} inputs, debug assertions {}", inputs.len(), cfg!(debug_assertions));
}
