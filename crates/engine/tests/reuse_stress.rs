//! Differential stress test of the chunked parse (document/reuse.rs): long
//! adversarial drafts in many chunks, random edits, and after every edit
//! `Incremental::analyze` must equal `analyze_with`.
//!
//! `REUSE_SEQS` (sequences per thread, default 4), `REUSE_EDITS` (edits per
//! sequence, default 20), `REUSE_SEED` (default 1), `REUSE_THREADS`.
//! `cargo test --release -p cornerstone-engine --test reuse_stress -- --nocapture`
//! A failing step is written to /tmp/reuse_fail_<seed>.txt (JSON: before, after).

mod common;
use common::{env, Rng};
use cornerstone_engine::{analyze_with, Context, Incremental, RulePack};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

/// Words and phrases: lexicon triggers, pack phrases, titles, abbreviations,
/// names, links, placeholders, unspaced scripts, marks and apostrophes.
const WORDS: &[&str] = &[
    "the",
    "refund",
    "order",
    "we",
    "you",
    "it",
    "is",
    "was",
    "a",
    "I",
    "Mr.",
    "Mrs.",
    "Dr.",
    "e.g.",
    "i.e.",
    "U.S.",
    "A.",
    "x.",
    "St.",
    "Jr.",
    "Priya",
    "Raman",
    "priya",
    "PRIYA",
    "Raman's",
    "O’Connor",
    "O'Connor",
    "don't",
    "don’t",
    "it's",
    "we're",
    "I'm",
    "can't",
    "café",
    "cafe\u{301}",
    "naïve",
    "e\u{301}",
    "\u{301}",
    "’",
    "'",
    "'s",
    "王伟您好",
    "您好",
    "ありがとう",
    "감사합니다",
    "สวัสดี",
    "Алексей",
    "Σίσυφος",
    "ΣΣ",
    "😀",
    "👍🏽",
    "🙂",
    "ﬁle",
    "İstanbul",
    "ß",
    "ASAP",
    "NOW",
    "NO",
    "URGENT",
    "5",
    "42",
    "3.5",
    "100%",
    "50%",
    "#123",
    "$5",
    "XXXX-XXXX-4421",
    "Anne-Marie",
    "well-known",
    "[Name]",
    "{{first_name}}",
    "<customer name>",
    "%NAME%",
    "XXX",
    "NAME",
    "FIRST_NAME",
    "(customer name)",
    "*|FNAME|*",
    "https://example.com/a?b=c.",
    "http://x.io/",
    "www.acme.com",
    "jo@example.com",
    "@sam",
    "@customer",
    "__email__",
    "__number__",
    "!!",
    "?!",
    "!?!",
    "!!!",
    "...",
    "…",
    "!",
    "?",
    ".",
    ",",
    ";",
    ":",
    "-",
    "–",
    "—",
    "«",
    "»",
    "\"",
    "“",
    "”",
    "(",
    ")",
    "[",
    "]",
    "/",
    "&",
    "as I already explained",
    "as I said",
    "I'm so sorry",
    "I am sorry",
    "sorry",
    "so sorry if you feel that way",
    "thanks so much",
    "thank you for your patience",
    "thanks for waiting",
    "thank you",
    "really",
    "honestly",
    "obviously",
    "clearly",
    "just",
    "simply",
    "calm down",
    "you need to",
    "you must",
    "you should have",
    "please",
    "kindly",
    "unfortunately",
    "policy",
    "no worries",
    "again",
    "we'll look into it",
    "soon",
    "by Friday",
    "follow up",
    "I understand",
    "I apologize",
    "that's on us",
    "my colleague",
    "not my fault",
    "you failed to",
    "per my last email",
    "wow",
    "what a surprise",
    "good luck with that",
    "very constructive",
    "lifetime guarantee",
    "never happen again",
    "we owe you an apology",
    "Zendo",
    "free upgrade",
    "The Acme Support Team",
    "damn",
    "hell",
    "frustrated",
    "worried",
    "angry",
    "disappointed",
    "I really worry",
    "I'm frustrated that",
    "feedback",
    "email",
    "ticket",
    "escalate",
    "manager",
    "Regards",
    "Best",
    "Cheers",
];

/// Whole lines (no line end), some of them setting regions for what follows.
const LINES: &[&str] = &[
    "Hi Priya,",
    "Dear Mr. Raman,",
    "Hello [Name],",
    "On Mon, 3 Feb 2025, Jo <jo@example.com> wrote:",
    "On Mon, Jo wrote:",
    "> why is this so slow?",
    "> I'm so sorry, Priya",
    ">> as I already explained",
    "-----Original Message-----",
    "From: Jo <jo@example.com>",
    "Subject: Re: refund",
    "You wrote: \"I'm sorry\" and we fixed it.",
    "Kind regards,",
    "Sam",
    "The Acme Support Team",
    "^QA",
    "-Helen",
    "",
    "",
    "   ",
    "!!",
    "...",
    "?!",
    "\u{301}",
    "’",
    "— ",
    "* * *",
];

const PREFIXES: &[&str] = &[
    "", "", "", "", "", "> ", ">> ", "- ", "* ", "1. ", "2) ", "  ", "\t", "!!", "...", "…", "\u{301}", "'", "’", "(",
    "\"", "—", "#", "@", "¿", "¡", "«", "[", "?!", ". ", ", ",
];

const ENDS: &[&str] =
    &["\n", "\n", "\n", "\n", "\n\n", "\r\n", "\n\n\n", "\u{2028}", "\u{2029}", "\r", "\u{85}", "\x0b"];

fn line(rng: &mut Rng) -> String {
    if rng.chance(12) {
        return rng.pick(LINES).to_string();
    }
    let mut s = String::from(rng.pick(PREFIXES));
    if rng.chance(30) {
        // Vary the first bytes so that lines hash differently.
        s.push_str(&format!("{} ", rng.below(1000)));
    }
    let n = 1 + rng.below(14);
    for i in 0..n {
        let w = rng.pick(WORDS);
        let glue = match rng.below(12) {
            0 => "",
            1 => ", ",
            2 => ". ",
            3 => "! ",
            4 => "? ",
            5 => "  ",
            _ => " ",
        };
        s.push_str(w);
        if i + 1 < n {
            s.push_str(glue);
        }
    }
    s.push_str(rng.pick(&["", "", ".", "!", "?", "!!", "?!", "...", ":", ",", " ", "'", "’", "\u{301}", "—"]));
    s
}

fn draft(rng: &mut Rng, target: usize) -> String {
    let mut s = String::new();
    if rng.chance(20) {
        // A first chunk with no word at all.
        for _ in 0..(20 + rng.below(80)) {
            s.push_str(rng.pick(&["!!\n", "...\n", "\n", "> \n", "—\n", "?!\n", "\u{301}\n", "’\n"]));
        }
    }
    while s.len() < target {
        s.push_str(&line(rng));
        s.push_str(rng.pick(ENDS));
    }
    if rng.chance(50) {
        // Repeated paragraphs: equal chunk texts in several places.
        let len = s.len();
        let a = s.floor_char_boundary(rng.below(len));
        let b = s.floor_char_boundary((a + 600 + rng.below(3000)).min(len));
        let piece = s[a..b].to_string();
        for _ in 0..(1 + rng.below(3)) {
            s.push_str(&piece);
            if rng.chance(50) {
                s.push_str("\nOn Mon, Jo wrote:\n");
                s.push_str(&piece);
            }
        }
    }
    if rng.chance(30) {
        s = s.trim_end().to_string();
    }
    s
}

fn char_pos(rng: &mut Rng, s: &str) -> usize {
    s.floor_char_boundary(rng.below(s.len() + 1))
}

/// Byte offsets just after each '\n' (line starts).
fn line_starts(s: &str) -> Vec<usize> {
    s.match_indices('\n').map(|(i, _)| i + 1).collect()
}

fn edit(rng: &mut Rng, s: &str) -> String {
    let mut s = s.to_string();
    let k = rng.below(16);
    match k {
        0 | 1 => {
            let at = char_pos(rng, &s);
            let ins = rng.pick(WORDS).to_string() + rng.pick(&["", " ", "\n", ". ", "!! "]);
            s.insert_str(at, &ins);
        }
        2 => {
            let at = char_pos(rng, &s);
            s.insert(at, '\n');
        }
        3 => {
            let nl: Vec<usize> = s.match_indices('\n').map(|(i, _)| i).collect();
            if !nl.is_empty() {
                let i = nl[rng.below(nl.len())];
                s.remove(i);
            }
        }
        4 | 5 => {
            let a = char_pos(rng, &s);
            let max = if rng.chance(20) { 2000 } else { 60 };
            let b = s.floor_char_boundary(a + 1 + rng.below(max));
            s.replace_range(a..b.max(a), "");
        }
        6 | 7 => {
            // At a line start: a mark, an apostrophe, punctuation or a prefix.
            let starts = line_starts(&s);
            if !starts.is_empty() {
                let at = starts[rng.below(starts.len())];
                let ins = rng.pick(&[
                    "\u{301}",
                    "'",
                    "’",
                    "!",
                    "!!",
                    "?",
                    ".",
                    "> ",
                    "\r",
                    "\n",
                    "On Mon, Jo wrote:\n",
                    "[Name] ",
                    "https://x.io/ ",
                    "jo@x.io ",
                    "Mr. ",
                    "e.g. ",
                    "王",
                    "😀",
                    "\u{2028}",
                    " ",
                    "-",
                    "__email__ ",
                ]);
                s.insert_str(at, ins);
            }
        }
        8 => {
            // Just before a line end.
            let nl: Vec<usize> = s.match_indices('\n').map(|(i, _)| i).collect();
            if !nl.is_empty() {
                let at = nl[rng.below(nl.len())];
                let ins = rng.pick(&["!", "!!", "?", ".", "Mr.", " e.g.", "'", "’", "\u{301}", "\r", ":", "A."]);
                s.insert_str(at, ins);
            }
        }
        9 => {
            // Remove the first character of a line.
            let starts = line_starts(&s);
            if !starts.is_empty() {
                let at = starts[rng.below(starts.len())];
                if at < s.len() {
                    s.remove(at);
                }
            }
        }
        10 => {
            // Copy a range elsewhere.
            let a = char_pos(rng, &s);
            let b = s.floor_char_boundary(a + rng.below(1500));
            let piece = s[a..b.max(a)].to_string();
            let at = char_pos(rng, &s);
            s.insert_str(at, &piece);
        }
        11 => {
            // An attribution line or a quote marker somewhere: regions change far away.
            let starts = line_starts(&s);
            if !starts.is_empty() {
                let at = starts[rng.below(starts.len())];
                let ins = rng.pick(&[
                    "On Mon, 3 Feb 2025, Jo <jo@example.com> wrote:\n",
                    "-----Original Message-----\n",
                    "> ",
                    "\"",
                    "“",
                    "[",
                    "]",
                    "{{",
                    "}}",
                    "You wrote: \"",
                ]);
                s.insert_str(at, ins);
            }
        }
        12 => {
            // Remove an attribution or quote marker.
            for pat in ["wrote:", "> ", "Original Message", "\"", "[Name]", "https://"] {
                if let Some(i) = s.find(pat) {
                    if rng.chance(50) {
                        s.replace_range(i..i + pat.len(), "");
                        break;
                    }
                }
            }
        }
        13 => {
            // Append or prepend.
            let l = line(rng) + rng.pick(ENDS);
            if rng.chance(50) {
                s.push_str(&l);
            } else {
                s.insert_str(0, &l);
            }
        }
        14 => {
            // A line break as '\r\n' or a Unicode separator.
            let at = char_pos(rng, &s);
            s.insert_str(at, rng.pick(&["\r\n", "\u{2028}", "\u{2029}", "\n\n", "\n\u{301}", "\n'", "\n’s"]));
        }
        _ => {
            // Several small edits at once (a paste).
            for _ in 0..(2 + rng.below(5)) {
                let at = char_pos(rng, &s);
                s.insert_str(at, rng.pick(WORDS));
            }
        }
    }
    s
}

fn packs() -> (RulePack, RulePack) {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/cornerstone.rules.json");
    let a = RulePack::from_json(&std::fs::read_to_string(path).unwrap()).unwrap();
    let b = RulePack::from_json(
        r#"{"name": "Other", "phrases": {"apology": ["thanks so much", "refund order"]},
            "avoid": [{"phrase": "the refund", "message": "Say when."}]}"#,
    )
    .unwrap();
    (a, b)
}

#[derive(Default)]
struct Totals {
    seqs: AtomicUsize,
    steps: AtomicUsize,
    chunks: AtomicUsize,
    bytes: AtomicUsize,
    parsed: AtomicUsize,
    reused: AtomicUsize,
}

fn run(seed: u64, seqs: usize, edits: usize, totals: &Totals) {
    let (pack_a, pack_b) = packs();
    let mut rng = Rng(seed);
    for seq in 0..seqs {
        let target = 1500 + rng.below(14000);
        let mut text = draft(&mut rng, target);
        let ctx = match rng.below(4) {
            0 => Context::default(),
            1 => Context::with_customer_name("Priya Raman"),
            2 => Context::with_customer_name("Priya Raman")
                .and_customer_message("Hi, I'm Priya. As I said, my refund is late!! Why??"),
            _ => Context::with_customer_name("王伟"),
        };
        // 0: none, 1: pack a, 2: pack b, 3: switch at random each step.
        let pack_mode = rng.below(4);
        let mut engine = Incremental::chunking_all();
        for step in 0..=edits {
            let before = text.clone();
            if step > 0 {
                text = edit(&mut rng, &text);
            }
            let pack = match if pack_mode == 3 { rng.below(3) } else { pack_mode } {
                0 => None,
                1 => Some(&pack_a),
                _ => Some(&pack_b),
            };
            let (r0, p0, _) = engine.parse_stats();
            let got = engine.analyze(&text, &ctx, pack);
            let want = analyze_with(&text, &ctx, pack);
            let (r1, p1, _) = engine.parse_stats();
            if got != want {
                let path = format!("/tmp/reuse_fail_{seed}_{seq}_{step}.json");
                let dump = serde_json::json!({
                    "seed": seed, "seq": seq, "step": step, "pack_mode": pack_mode,
                    "pack": pack.map(|p| if std::ptr::eq(p, &pack_a) { "a" } else { "b" }),
                    "ctx": format!("{ctx:?}"), "before": before, "after": text,
                });
                std::fs::write(&path, serde_json::to_string_pretty(&dump).unwrap()).unwrap();
                panic!("mismatch: seed {seed} seq {seq} step {step}, written to {path}");
            }
            totals.steps.fetch_add(1, Ordering::Relaxed);
            totals.chunks.fetch_add((r1 - r0) + (p1 - p0), Ordering::Relaxed);
            totals.parsed.fetch_add(p1 - p0, Ordering::Relaxed);
            totals.reused.fetch_add(r1 - r0, Ordering::Relaxed);
            totals.bytes.fetch_add(text.len(), Ordering::Relaxed);
        }
        totals.seqs.fetch_add(1, Ordering::Relaxed);
    }
}

#[test]
fn chunked_parse_matches_full_parse_under_random_edits() {
    let seqs = env("REUSE_SEQS", 4);
    let edits = env("REUSE_EDITS", 20);
    let seed = env("REUSE_SEED", 1) as u64;
    let threads = env("REUSE_THREADS", std::thread::available_parallelism().map_or(2, |n| n.get()));
    let totals = Arc::new(Totals::default());
    let handles: Vec<_> = (0..threads)
        .map(|t| {
            let totals = totals.clone();
            std::thread::spawn(move || run(seed.wrapping_mul(1000).wrapping_add(t as u64), seqs, edits, &totals))
        })
        .collect();
    let mut failed = None;
    for h in handles {
        if let Err(e) = h.join() {
            failed = Some(e);
        }
    }
    let steps = totals.steps.load(Ordering::Relaxed).max(1);
    eprintln!(
        "sequences {}, analyses {}, mean draft {} bytes, mean chunks per draft {:.1}, chunks parsed {} reused {}",
        totals.seqs.load(Ordering::Relaxed),
        steps,
        totals.bytes.load(Ordering::Relaxed) / steps,
        totals.chunks.load(Ordering::Relaxed) as f64 / steps as f64,
        totals.parsed.load(Ordering::Relaxed),
        totals.reused.load(Ordering::Relaxed),
    );
    if let Some(e) = failed {
        std::panic::resume_unwind(e);
    }
}

/// Locality of the cuts: when every line, or no line, starts alike (the
/// lines differ only after their first words), a one-word edit still
/// re-parses only the chunks next to it.
#[test]
fn an_edit_re_parses_few_chunks_when_lines_start_alike() {
    for prefix in ["Log entry: status", "Customer wrote: x"] {
        let mut rng = Rng(3);
        let text: String = (0..3000)
            .map(|_| {
                let n = 1 + rng.below(12);
                let words: Vec<&str> = (0..n).map(|_| rng.pick(WORDS)).collect();
                format!("{prefix} {}\n", words.join(" "))
            })
            .collect();
        let ctx = Context::default();
        let mut engine = Incremental::chunking_all();
        engine.analyze(&text, &ctx, None);
        let (_, _, kept) = engine.parse_stats();
        assert!(kept > 50, "{prefix:?}: {kept} chunks");
        let mut cur = text;
        for k in 0..20 {
            let line = 3 + rng.below(2500);
            let at = cur.match_indices('\n').nth(line).unwrap().0;
            let ins = if k % 2 == 0 { " really" } else { " really really really really really really really" };
            cur = format!("{}{ins}{}", &cur[..at], &cur[at..]);
            let (_, before, _) = engine.parse_stats();
            engine.analyze(&cur, &ctx, None);
            let (_, after, _) = engine.parse_stats();
            assert!(after - before <= 4, "{prefix:?}: edit {k} re-parsed {} chunks", after - before);
        }
        assert_eq!(engine.analyze(&cur, &ctx, None), analyze_with(&cur, &ctx, None));
    }
}
