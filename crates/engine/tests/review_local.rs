//! A reviewer's adversarial differential test of the chunk-by-chunk local
//! rules (`rules/local.rs`), written to break them: long drafts whose lines open with quotation
//! marks, `>`, placeholders, handles, masked data or "!!!", lines ending in
//! a scare-quote lead, sarcasm that looks behind or ahead, name mentions,
//! thanks and sign-offs; random edits near and far; after every edit
//! `Incremental::analyze` must equal `analyze_with`.
//!
//! `REVIEW_SEQS` (sequences per thread, default 6), `REVIEW_EDITS` (edits
//! per sequence, default 12), `REVIEW_SEED` (default 1), `REVIEW_THREADS`
//! (default 1), `REVIEW_NO_LEAD_QUOTES=1` (leave out quotation marks that open
//! a line before its first word, the shape of the failure it found: a
//! finding that starts before a chunk's first word was kept by the chunk
//! before, whose view ends too early for it; it is now the chunk's whose
//! first word it starts at).
//! `cargo test --release -p cornerstone-engine --test review_local -- --nocapture`
//! A failing step is written to /tmp/review_fail_<seed>_<n>.txt.

mod common;
use common::{env, Rng};
use cornerstone_engine::{analyze_with, Context, Incremental, Report, RulePack};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

/// What opens a line before its first word (bytes the chunk before owns
/// when the line starts a chunk).
const PREFIXES: &[&str] = &[
    "",
    "",
    "",
    "",
    "  ",
    "> ",
    "[Name] ",
    "__email__ ",
    "@sam ",
    "!!! ",
    "?! ",
    "- ",
    "* ",
    "1. ",
    "(",
    "'",
    "— ",
    "https://example.com/x ",
    "XXX ",
    "{{first_name}} ",
    "🙃 ",
    "... ",
    "\t",
];
const QUOTE_PREFIXES: &[&str] = &["\"", "“", "„", "«", "- \"", "(\""];

/// A quotation opening a line: words, maybe a sentence break inside, then
/// maybe a label noun after it.
const QUOTE_WORDS: &[&str] = &["urgent", "fix", "help", "thing", "so-called", "issue", "refund", "a", "Mr", "e.g"];
const QUOTE_SEPS: &[&str] = &[" ", ". ", "! ", "? ", ", ", "", ".\n"];
const QUOTE_CLOSES: &[&str] = &["\"", "”", "»", "“", ".\"", "!\""];
const AFTER_QUOTE: &[&str] = &[
    " button works now.",
    " now.",
    ". Button is there.",
    " tab.",
    " issue is fixed.",
    "",
    " page",
    "! Menu.",
    ". Next we refund.",
    " — thanks.",
    " so thanks!",
];

/// Words a line may end with: scare-quote leads ("your", "so called"),
/// titles, vocative set-ups.
const LINE_ENDS: &[&str] = &[
    "",
    "",
    "",
    " your",
    " the",
    " so called",
    " this",
    " my",
    " Mr.",
    ",",
    " thanks,",
    " as requested.",
    " Downgraded.",
    " Priya",
    " Morgan",
    " e.g.",
    " you know,",
    " 100",
    " our money-back",
];

/// Sentences and fragments aimed at the local rules and the local parts.
const SENTENCES: &[&str] = &[
    "As I already explained, the refund takes five days. ",
    "Thanks so much for the fourth email today. ",
    "Thanks for the feedback. ",
    "Very constructive. ",
    "Message received. ",
    "Take your time. ",
    "It's only been two weeks. ",
    "Downgraded as requested. ",
    "Cancelled. ",
    "Enjoy the 2GB limit. ",
    "Here's hoping the old van stays reliable. ",
    "We looked into your \"urgent\" issue. ",
    "Click the \"pay now\" button. ",
    "Your \"fix. really\" page is odd. ",
    "I'm sorry we charged you twice; that's on us. ",
    "Sorry if you feel that way, but the policy is clear. ",
    "You need to send the receipt ASAP!! ",
    "Send the receipt today. ",
    "Please know that we care. ",
    "Please send it when you can. ",
    "We'll look into it soon. ",
    "Again, the label is attached. ",
    "Is the router, you know, switched on? ",
    "Did you even read the email? ",
    "DO NOT RESTART the router. ",
    "I have ALREADY sent it. ",
    "This is 100% fixed. ",
    "It is covered by our money-back guarantee. ",
    "We can't guarantee a date. ",
    "It's guaranteed and will never happen again. ",
    "Call us at 1-800-555-0199 for help. ",
    "I'll reply within 24 hours. ",
    "I completely understand how stressful this is. ",
    "Thanks for your concern. ",
    "Thanks for waiting, Morgan. ",
    "That's sorted now, Morgan. ",
    "Congrats on the sale Craig! ",
    "My colleague, John, will call. ",
    "Hi Priya, ",
    "Pryia, ",
    "Priya Raman ",
    "Jon, ",
    "John ",
    "王伟您好 ",
    "Thnaks for your patience. ",
    "Ta! ",
    "Thank you so much! ",
    "Thank you for your patience and understanding. ",
    "Don't hesitate to ask. ",
    "Unfortunately we can't do that. ",
    "I'm happy to help. ",
    "I've also added a month of credit. ",
    "I'll personally make sure of it. ",
    "That's not my department. ",
    "The fee is listed on the first page 🙃 ",
    "Yay, a fifth password reset this week! ",
    "What a surprise. ",
    "Who could have guessed. ",
    "Maybe you missed it. ",
    "Per my last email, ",
    "Enjoy your trip! ",
    "Great news! ",
    "See https://example.com/help Thanks! ",
    "Email jo@example.com or @sam now. ",
    "Hi [Name], ",
    "Dear Mr. XXX, ",
    "NO. ",
    "!!! ",
    "? ",
    "we did it ",
    "the refund ",
    "your ",
    "word ",
    "Order 42 ",
];

const GREETINGS: &[&str] = &[
    "",
    "Hi Priya,\n\n",
    "Hi Pryia,\n",
    "Dear Mr. Raman,\n",
    "Hello John,\n",
    "@sam Hi Jon, ",
    "Hi there,\n",
    "[Name],\n",
];
const SIGN_OFFS: &[&str] = &[
    "",
    "\nThanks,\nSam\n",
    "\n\nThanks!\n",
    "\nKind regards,\nSam",
    "\nThanks! ^NM",
    " Thanks!",
    "\nThank you\n> quoted\n",
];

fn quote_line(rng: &mut Rng) -> String {
    let mut s = rng.pick(QUOTE_PREFIXES).to_string();
    s.push_str(rng.pick(QUOTE_WORDS));
    if rng.chance(70) {
        s.push_str(rng.pick(QUOTE_SEPS));
        s.push_str(rng.pick(QUOTE_WORDS));
    }
    s.push_str(rng.pick(QUOTE_CLOSES));
    s.push_str(rng.pick(AFTER_QUOTE));
    s
}

fn line(rng: &mut Rng, lead_quotes: bool) -> String {
    let mut s = String::new();
    if lead_quotes && rng.chance(25) {
        s.push_str(&quote_line(rng));
        s.push(' ');
    } else {
        s.push_str(rng.pick(PREFIXES));
    }
    // A number varies the line's first bytes, so cuts fall differently.
    if rng.chance(40) {
        s.push_str(&format!("{} ", rng.below(1000)));
    }
    for _ in 0..rng.below(5) {
        s.push_str(rng.pick(SENTENCES));
    }
    s.push_str(rng.pick(LINE_ENDS));
    s.push_str(if rng.chance(20) { "\n\n" } else { "\n" });
    s
}

fn draft(rng: &mut Rng, target: usize, lead_quotes: bool) -> String {
    let mut s = rng.pick(GREETINGS).to_string();
    while s.len() < target {
        s.push_str(&line(rng, lead_quotes));
        // A block repeated: the same chunk text in other surroundings.
        if rng.chance(3) && s.len() > 200 {
            let from = s.floor_char_boundary(s.len() - 200 - rng.below(s.len() - 200).min(900));
            let block = s[from..].to_string();
            s.push_str(&block);
        }
    }
    s.push_str(rng.pick(SIGN_OFFS));
    s
}

/// Whether a line opens with a quotation mark before its first word (the
/// failure this review found; see `a_quotation_opening_a_line_at_a_chunk_cut`).
fn has_lead_quote(text: &str) -> bool {
    text.split('\n').any(|l| {
        let prefix = &l[..l.find(|c: char| c.is_alphanumeric()).unwrap_or(l.len())];
        prefix.contains(['"', '“', '„', '«', '»', '”'])
    })
}

fn edit(rng: &mut Rng, text: &str, lead_quotes: bool) -> String {
    let mut t = text.to_string();
    match rng.below(10) {
        // Type or delete at random.
        0..=3 => {
            let at = t.floor_char_boundary(rng.below(t.len() + 1));
            let end = t.floor_char_boundary(at + rng.below(30)).max(at);
            let ins = match rng.below(5) {
                0 => line(rng, lead_quotes),
                1 => rng.pick(SENTENCES).to_string(),
                2 => rng.pick(LINE_ENDS).to_string(),
                3 if lead_quotes => format!("\n{}", quote_line(rng)),
                _ => ["x", " ", "\n", ".", "!", ",", "A", "\"", "?"][rng.below(9)].to_string(),
            };
            t.replace_range(at..end, &ins);
        }
        // One character typed (the worker's usual step).
        4 => {
            let at = t.floor_char_boundary(rng.below(t.len() + 1));
            t.insert(at, ['a', 'Z', ' ', '.', '\n', '!', '"'][rng.below(7)]);
        }
        // Far edits: the greeting, the sign-off, a line at the top.
        5 => {
            let first_nl = t.find('\n').map_or(t.len(), |k| k + 1);
            t.replace_range(..first_nl, rng.pick(GREETINGS));
        }
        6 => {
            let cut = t.floor_char_boundary(t.len().saturating_sub(rng.below(40)));
            t.truncate(cut);
            t.push_str(rng.pick(SIGN_OFFS));
        }
        7 => {
            let l = line(rng, lead_quotes);
            t.insert_str(0, &l);
        }
        // Insert a line at a line start (moves a chunk's first word).
        8 => {
            let starts: Vec<usize> = t.match_indices('\n').map(|(k, _)| k + 1).collect();
            let at = if starts.is_empty() { 0 } else { starts[rng.below(starts.len())] };
            let l = line(rng, lead_quotes);
            t.insert_str(at, &l);
        }
        // Delete a whole line.
        _ => {
            let starts: Vec<usize> = std::iter::once(0).chain(t.match_indices('\n').map(|(k, _)| k + 1)).collect();
            let k = rng.below(starts.len());
            let end = starts.get(k + 1).copied().unwrap_or(t.len());
            t.replace_range(starts[k]..end, "");
        }
    }
    if !lead_quotes && has_lead_quote(&t) {
        return text.to_string() + " ok";
    }
    t
}

fn packs() -> Vec<RulePack> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/cornerstone.rules.json");
    vec![
        RulePack::from_json(&std::fs::read_to_string(path).unwrap()).unwrap(),
        RulePack::from_json(
            r#"{"name": "Other", "disable": ["shouting", "name-used", "gratitude"],
                "phrases": {"sarcasm": ["the urgent", "your issue"], "apology": ["thanks so much"]},
                "avoid": [{"phrase": "the refund", "message": "Say when."}]}"#,
        )
        .unwrap(),
        RulePack::from_json(r#"{"name": "Off", "disable": ["sarcasm", "demand", "polite-request", "name-missing"]}"#)
            .unwrap(),
    ]
}

fn contexts() -> Vec<Context> {
    vec![
        Context::default(),
        Context::with_customer_name("Priya Raman"),
        Context::with_customer_name("Jon Park"),
        Context::with_customer_name("Morgan"),
        Context::with_customer_name("王伟"),
        Context::default().and_customer_message("Hi, I'm Priya Raman. As I said, my refund is late!! Why??"),
        Context::with_customer_name("Priya").and_customer_message("Where is my order? I wrote twice."),
    ]
}

fn describe(full: &Report, got: &Report) -> String {
    let a: Vec<_> = full.findings.iter().filter(|f| !got.findings.contains(f)).collect();
    let b: Vec<_> = got.findings.iter().filter(|f| !full.findings.contains(f)).collect();
    format!(
        "only in full: {a:?}\nonly in incremental: {b:?}\npoliteness full {} incremental {}\nsame findings: {}",
        full.politeness,
        got.politeness,
        full.findings == got.findings
    )
}

#[derive(Default)]
struct Totals {
    analyses: AtomicUsize,
    failures: AtomicUsize,
    lead_quote_failures: AtomicUsize,
    bytes: AtomicUsize,
}

fn run(seed: u64, seqs: usize, edits: usize, lead_quotes: bool, totals: &Totals) {
    let packs = packs();
    let contexts = contexts();
    let mut rng = Rng(seed);
    for seq in 0..seqs {
        let target = 300 + rng.below(9000);
        let mut text = draft(&mut rng, target, lead_quotes);
        let mut ctx_k = rng.below(contexts.len());
        let mut pack_k = rng.below(packs.len() + 2);
        let mut engine = Incremental::chunking_all();
        for step in 0..=edits {
            if step > 0 {
                text = edit(&mut rng, &text, lead_quotes);
                if rng.chance(10) {
                    ctx_k = rng.below(contexts.len());
                }
                if rng.chance(10) {
                    pack_k = rng.below(packs.len() + 2);
                }
            }
            let ctx = &contexts[ctx_k];
            let pack = packs.get(pack_k);
            let got = engine.analyze(&text, ctx, pack);
            let full = analyze_with(&text, ctx, pack);
            totals.analyses.fetch_add(1, Ordering::Relaxed);
            totals.bytes.fetch_add(text.len(), Ordering::Relaxed);
            if got != full {
                let n = totals.failures.fetch_add(1, Ordering::Relaxed);
                if has_lead_quote(&text) {
                    totals.lead_quote_failures.fetch_add(1, Ordering::Relaxed);
                }
                // Does a fresh analyser fail too (no memo history needed)?
                let fresh = Incremental::chunking_all().analyze(&text, ctx, pack) != full;
                let path = format!("/tmp/review_fail_{seed}_{n}.txt");
                let _ = std::fs::write(
                    &path,
                    format!(
                        "seed {seed} seq {seq} step {step} ctx {ctx_k} pack {pack_k} fresh_fails {fresh} lead_quote {}\n{}\nTEXT {:?}\n",
                        has_lead_quote(&text),
                        describe(&full, &got),
                        text
                    ),
                );
                // Continue with a new analyser (the memo now holds a bad run).
                engine = Incremental::chunking_all();
            }
        }
    }
}

#[test]
fn incremental_local_rules_match_the_full_analysis() {
    let seqs = env("REVIEW_SEQS", 6);
    let edits = env("REVIEW_EDITS", 12);
    let seed = env("REVIEW_SEED", 1) as u64;
    let threads = env("REVIEW_THREADS", 1);
    let lead_quotes = env("REVIEW_NO_LEAD_QUOTES", 0) == 0;
    let totals = Arc::new(Totals::default());
    let handles: Vec<_> = (0..threads)
        .map(|k| {
            let totals = totals.clone();
            std::thread::spawn(move || {
                run(seed.wrapping_mul(1000).wrapping_add(k as u64), seqs, edits, lead_quotes, &totals)
            })
        })
        .collect();
    for h in handles {
        h.join().unwrap();
    }
    let (n, f, q) = (
        totals.analyses.load(Ordering::Relaxed),
        totals.failures.load(Ordering::Relaxed),
        totals.lead_quote_failures.load(Ordering::Relaxed),
    );
    println!(
        "{n} analyses, {} MB, {f} failing ({q} with a quotation mark opening a line)",
        totals.bytes.load(Ordering::Relaxed) / 1_000_000
    );
    assert_eq!(f, 0, "see /tmp/review_fail_*.txt");
}

/// A line opening with a quotation mark, its first word starting a chunk
/// (the mark's byte is the chunk before's): `is_scare_quote`
/// (rules/sarcasm.rs) reads the quotation's words past a sentence break
/// inside it, and the word after it (a label noun), which the chunk
/// before's view did not hold. Failed before findings were given to the
/// chunk of the token they start at.
#[test]
fn a_quotation_opening_a_line_at_a_chunk_cut() {
    let filler = "We checked the account and the settings with the team today and ".repeat(10);
    let mut failing = Vec::new();
    for tail in ["\"{w}.\" button works now.\n", "\"{w}. bar\" now.\n"] {
        for n in 0..64 {
            let line = tail.replace("{w}", &format!("thing{n}"));
            let text = format!("{filler}we looked at your\n{line}Thanks.\n");
            let ctx = Context::default();
            let full = analyze_with(&text, &ctx, None);
            let got = Incremental::chunking_all().analyze(&text, &ctx, None);
            if full != got {
                println!("{:?}\n{}", &text[text.len() - 60..], describe(&full, &got));
                failing.push(text);
                break;
            }
        }
    }
    assert!(failing.is_empty(), "{} of 2 shapes fail", failing.len());
}
