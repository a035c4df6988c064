//! Linear time and bounded memory on hostile input.
//!
//! Every case below is a draft (and a customer name, and a rule pack) built to
//! hit one of the engine's loops at its worst. Each is measured against an
//! ordinary 1 MB reply **in the same run**: the fastest of a few runs of the
//! case may cost at most [`MAX_TIME_RATIO`] times the fastest run of the
//! ordinary reply, and its peak heap at most [`MAX_RATIO`] times the ordinary
//! reply's.
//! Each case is analysed afresh, and as the app's worker analyses a long
//! draft (an `Incremental` engine: the draft, then one character typed in
//! its middle) against the ordinary reply analysed the same way.
//! Ratios, not absolute times, so the test holds on a slow or busy machine;
//! a case over budget is measured again, back to back with a fresh
//! measurement of the ordinary reply, before it counts as a failure.
//!
//! Everything runs in one `#[test]` so that no other test shares the heap
//! counter or the CPU while a case is timed. A case that runs away is given up
//! on after a deadline (the test then fails, naming it) rather than hanging CI.
//! `STRESS_REPORT=1 cargo test -p cornerstone-engine --test stress -- --nocapture`
//! prints the table of ratios that the README quotes.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{mpsc, Arc};
use std::time::{Duration, Instant};

use cornerstone_engine::{analyze_with, Context, Incremental, RulePack};

/// The most a hostile input may cost, as a multiple of an ordinary 1 MB reply.
const MAX_RATIO: f64 = 10.0;
/// The most a hostile input's time may be, as a multiple of an ordinary 1 MB
/// reply's. Time varies on this VM where memory does not: the one-word
/// sentences of "a!!" x 1 MB, analysed incrementally, measured 10.0-11.1x in
/// session 27 (10.6x with the session's starting build, side by side), so a
/// budget of 10 failed by chance. Superlinear work at 1 MB costs hundreds of
/// times more, which this budget still fails.
const MAX_TIME_RATIO: f64 = 12.0;
const MB: usize = 1 << 20;

/// Counts the bytes the heap holds, and the most it held since the last reset.
struct Counting;

static CURRENT: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            let now = CURRENT.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
            PEAK.fetch_max(now, Ordering::Relaxed);
        }
        p
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        CURRENT.fetch_sub(layout.size(), Ordering::Relaxed);
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            if new_size >= layout.size() {
                let now = CURRENT.fetch_add(new_size - layout.size(), Ordering::Relaxed) + new_size - layout.size();
                PEAK.fetch_max(now, Ordering::Relaxed);
            } else {
                CURRENT.fetch_sub(layout.size() - new_size, Ordering::Relaxed);
            }
        }
        p
    }
}

#[global_allocator]
static ALLOC: Counting = Counting;

/// What one case does: parse its pack (if any) and analyse its draft, as a
/// front end would, including the JSON report with UTF-16 offsets.
#[derive(Clone)]
struct Case {
    name: &'static str,
    text: Arc<String>,
    customer: Option<String>,
    message: Option<Arc<String>>,
    pack: Option<Arc<String>>,
    /// Analysed as the app's worker does: an `Incremental` engine, the draft,
    /// then the draft with one character typed in the middle.
    incremental: bool,
}

impl Case {
    fn new(name: &'static str, text: String) -> Case {
        Case { name, text: Arc::new(text), customer: None, message: None, pack: None, incremental: false }
    }
    fn named(mut self, customer: &str) -> Case {
        self.customer = Some(customer.to_string());
        self
    }
    fn answering(mut self, message: String) -> Case {
        self.message = Some(Arc::new(message));
        self
    }
    fn with_pack(mut self, pack: String) -> Case {
        self.pack = Some(Arc::new(pack));
        self
    }
    fn incrementally(mut self) -> Case {
        self.incremental = true;
        self
    }

    fn run(&self) -> usize {
        let pack = self.pack.as_ref().map(|json| RulePack::from_json(json));
        let ctx = Context {
            customer_name: self.customer.clone(),
            customer_message: self.message.as_ref().map(|m| m.to_string()),
        };
        let pack = pack.as_ref().and_then(|p| p.as_ref().ok());
        let (text, report) = if self.incremental {
            // The app's analyser (a short draft whole) and one that reads
            // every draft through the chunks' memos.
            let at = self.text.ceil_char_boundary(self.text.len() / 2);
            let edited = format!("{}x{}", &self.text[..at], &self.text[at..]);
            let [report, chunked] = [Incremental::new(), Incremental::chunking_all()].map(|mut engine| {
                let first = engine.analyze(&self.text, &ctx, pack);
                std::hint::black_box(first);
                engine.analyze(&edited, &ctx, pack)
            });
            std::hint::black_box(chunked);
            (edited, report)
        } else {
            (self.text.to_string(), analyze_with(&self.text, &ctx, pack))
        };
        let json = report.to_json(&text);
        json.findings.len() + usize::from(self.pack.is_some() && pack.is_none())
    }
}

/// One timed run in a thread of its own; `None` if it is still running at
/// the deadline (the thread is left behind: the test is failing anyway).
fn timed(case: &Case, deadline: Duration) -> Option<(Duration, usize)> {
    let (tx, rx) = mpsc::channel();
    let case = case.clone();
    std::thread::spawn(move || {
        let base = CURRENT.load(Ordering::Relaxed);
        PEAK.store(base, Ordering::Relaxed);
        let start = Instant::now();
        std::hint::black_box(case.run());
        let took = start.elapsed();
        let peak = PEAK.load(Ordering::Relaxed).saturating_sub(base);
        let _ = tx.send((took, peak));
    });
    rx.recv_timeout(deadline).ok()
}

/// The fastest of up to `runs` runs (stopping early once well within budget)
/// and the smallest peak heap seen.
fn measure(case: &Case, runs: usize, budget: Option<Duration>) -> Result<(Duration, usize), String> {
    let deadline = budget.map_or(Duration::from_secs(60), |b| (b * 3).max(Duration::from_secs(3)));
    let mut best: Option<(Duration, usize)> = None;
    for _ in 0..runs {
        let (took, peak) =
            timed(case, deadline).ok_or_else(|| format!("still running after {:.1} s", deadline.as_secs_f64()))?;
        best = Some(best.map_or((took, peak), |(t, p)| (t.min(took), p.min(peak))));
        if budget.is_some_and(|b| took * 2 < b) {
            break;
        }
    }
    Ok(best.expect("at least one run"))
}

/// An ordinary reply, repeated to about 1 MB: greeting, thanks, apology,
/// commitment, next steps, sign-off.
fn ordinary_reply() -> String {
    let reply = "Hi Priya,\n\nThanks for getting in touch, and I'm sorry the parcel arrived damaged. I've arranged \
                 a replacement, which will ship by Friday, and I'll email you the tracking number as soon as it \
                 leaves our warehouse. Could you please send a photo of the box? If anything else comes up, just \
                 reply here and I'll be happy to help.\n\nBest regards,\nAlex\n\n";
    reply.repeat(MB / reply.len())
}

/// The same reply, each copy with a number of its own: a long thread of
/// replies that differ, so that analysed incrementally no chunk of lines is
/// the same as another (an incremental analysis reuses the work of a chunk
/// that stands twice, which would make a base too cheap to compare with).
fn ordinary_thread() -> String {
    let reply = ordinary_reply();
    let one = &reply[..reply[1..].find("Hi Priya").map_or(reply.len(), |k| k + 1)];
    (0..)
        .map(|n| one.replace("the box?", &format!("box {n}?")))
        .scan(0, |len, r| {
            *len += r.len();
            (*len <= MB).then_some(r)
        })
        .collect()
}

fn repeat_to(piece: &str, bytes: usize) -> String {
    piece.repeat((bytes / piece.len()).max(1))
}

/// A name of `n` distinct alphabetic parts, each five letters ("Praaa Praab ...").
fn many_part_name(n: usize) -> String {
    (0..n)
        .map(|i| {
            let letters: String =
                [i / 676 % 26, i / 26 % 26, i % 26].iter().map(|&k| char::from(b'a' + k as u8)).collect();
            format!("Pr{letters}")
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn pack_with_phrases(family: &str, phrases: impl Iterator<Item = String>) -> String {
    let list: Vec<String> = phrases.map(|p| format!("{p:?}")).collect();
    format!("{{\"phrases\": {{\"{family}\": [{}]}}}}", list.join(","))
}

fn cases() -> Vec<Case> {
    let long_word: String = "b".repeat(MB / 2 - 1);
    vec![
        // The reviewer's drafts.
        Case::new("\"Thanks! \" x 131072 on one line", "Thanks! ".repeat(131_072)),
        // One endless sentence, a reading at every few words that looks
        // back or on through its sentence (each was quadratic before
        // session 20's bounds).
        Case::new("1 MB of \"you need to send it \" in one sentence", repeat_to("you need to send it ", MB)),
        Case::new("1 MB of \"hopefully soon \" in one sentence", repeat_to("hopefully soon ", MB)),
        // Found by session 23's review: every time after a past verb read
        // back to the sentence's start (45 s at 200 kB).
        Case::new("1 MB of \"at 6 pm \" in one sentence", repeat_to("at 6 pm ", MB)),
        Case::new("1 MB of \"sent at 6 \" in one sentence", repeat_to("sent at 6 ", MB)),
        Case::new("1 MB of \"please we fix it soon \" in one sentence", repeat_to("please we fix it soon ", MB)),
        Case::new("1 MB of \"it isn't that hard \" in one sentence", repeat_to("it isn't that hard ", MB)),
        Case::new("1 MB of \"we do not allow it \" in one sentence", repeat_to("we do not allow it ", MB)),
        Case::new(
            "1 MB of \"you'll need to contact them \" in one sentence",
            repeat_to("you'll need to contact them ", MB),
        ),
        Case::new("\"Raman Pryia \" x 85000, name Priya Raman", "Raman Pryia ".repeat(85_000)).named("Priya Raman"),
        Case::new("\"Sorry if you feel. \" (hollow x own apologies)", repeat_to("Sorry if you feel so. ", MB)),
        Case::new(
            "one hit over 512 KB of spaces, then 40000 hits of its table",
            format!("sorry{}state. {}", " ".repeat(MB / 2), "Sorry state, sorry. ".repeat(25_000)),
        ),
        Case::new("24 KB of \"sorry \" with 20000 copies of \"sorry\" in a pack", "sorry ".repeat(4_000))
            .with_pack(pack_with_phrases("apology", (0..20_000).map(|_| "sorry".to_string()))),
        Case::new("1 MB of \"sorry \" with 20000 distinct two-word phrases", "sorry ".repeat(MB / 6))
            .with_pack(pack_with_phrases("apology", (0..20_000).map(|i| format!("sorry sorry x{i}")))),
        Case::new("5 MB unknown cue id in a pack", "Hi Priya, thanks.".to_string())
            .with_pack(format!("{{\"disable\": [\"{}\"]}}", "x".repeat(5 * MB))),
        Case::new("900 KB unknown cue id in a pack", "Hi Priya, thanks.".to_string())
            .with_pack(format!("{{\"disable\": [\"{}\"]}}", "x".repeat(900 * 1024))),
        Case::new("20 MB pack", "Hi Priya, thanks.".to_string())
            .with_pack(pack_with_phrases("apology", (0..200_000).map(|i| format!("we owe you {i} apologies")))),
        // Our own reading of the code.
        Case::new("1 MB with no space", "a".repeat(MB)),
        Case::new("1 MB of capitals with no space", "A".repeat(MB)),
        Case::new("1 MB run of capital words", repeat_to("DO NOT RESTART THE ROUTER ", MB)),
        Case::new("1 MB of \"I \"", "I ".repeat(MB / 2)),
        Case::new("1 MB of quotation marks", "\"".repeat(MB)),
        Case::new("short quotes", repeat_to("your \"urgent\" issue, “so” ", MB)),
        Case::new("one quote opened, never closed", format!("\"{}", "word ".repeat(MB / 5))),
        Case::new("\"You said: \" lines", repeat_to("You said: the app crashes. You wrote: it fails\n", MB)),
        Case::new("> lines", repeat_to("> Thanks, sorry for the wait, Priya\n", MB)).named("Priya Raman"),
        Case::new("attribution lines", repeat_to("Priya wrote:\n> thanks\nYou wrote:\n\nFrom: a\n", MB)),
        Case::new("blank lines after wrote:", format!("Hi,\nYou wrote:{}\nok", "\n".repeat(MB))),
        Case::new("1 MB of combining marks", format!("e{}", "\u{301}".repeat(MB / 2))),
        Case::new("decomposed accents", repeat_to("Pe\u{301}rez cafe\u{301} ", MB)).named("Pérez"),
        Case::new("CJK without spaces, name present", repeat_to("王伟您好我们已经处理了", MB)).named("王伟"),
        Case::new("CJK without spaces, name absent", repeat_to("您好我们已经处理了", MB)).named("王芳"),
        Case::new("1,000-part name on \"Raman Pryia\"", "Raman Pryia ".repeat(85_000)).named(&many_part_name(1_000)),
        Case::new("1,000-part name on its own parts", many_part_name(1_000).repeat(40)).named(&many_part_name(1_000)),
        Case::new("placeholder openers", "{".repeat(MB)),
        Case::new("stacked !? marks", repeat_to("ok!?", MB)),
        Case::new("a finding every 3 bytes", repeat_to("a!!", MB)),
        Case::new("\"100%\" x many", repeat_to("100% ", MB)),
        Case::new("\"Sorry!\" x many", repeat_to("Sorry!", MB)),
        Case::new("\"Mr. \" x many", repeat_to("Mr. ", MB)).named("Priya Raman"),
        // Found by review (session 22): each order looked at every finding before it.
        Case::new("1 MB of orders", repeat_to("You need to log in. Then you need to click Billing.\n", MB)),
        Case::new(
            "1 MB of apologies taken back",
            repeat_to("Sorry, nothing I can do. However, our policy applies. ", MB),
        ),
        Case::new("512 KB greeting word near a 512 KB name", format!("Hi A{long_word}c,\nThanks."))
            .named(&format!("A{long_word}")),
        // The customer's message beside the draft.
        Case::new(
            "1 MB of questions against a 1 MB reply",
            repeat_to("Yes, the parcel ships on Friday from Leeds. ", MB),
        )
        .answering(repeat_to("When will my parcel ship? And can you refund the delivery fee? ", MB)),
        Case::new(
            "1 MB of details, reply asking for each",
            repeat_to("Could you send your order number and email address? ", MB),
        )
        .answering(repeat_to("Order #A-55321, jo@example.com, 12 March, photo attached. ", MB)),
        Case::new(
            "1 MB of dates and addresses, reply naming dates and asking for one",
            repeat_to("Your visit on 4 July is off. Thanks for the photo you sent. Which date would suit you? ", MB),
        )
        .answering(repeat_to(
            "Bought on 3 May, you could come on 12 March. Photo attached. My old address, 4 Elm Road, LS6 1AB. ",
            MB,
        )),
        Case::new("1 MB of feelings and earlier contact", "Hi, the refund went out today.".to_string())
            .answering(repeat_to("I'm furious!!! Third time I'm asking, still waiting. ", MB)),
        Case::new("1 MB message of one sentence", "Hi, done.".to_string()).answering(repeat_to("and when is it ", MB)),
        Case::new(
            "1 MB of quoted message below a reply",
            format!("Hi,\nDone.\n\n{}", repeat_to("> Where is it? Thanks,\n", MB)),
        ),
        Case::new("1 MB of sign-off lines", "Hi, done.".to_string()).answering(repeat_to("Thanks,\nPriya\n", MB)),
    ]
}

#[test]
fn hostile_drafts_cost_at_most_ten_ordinary_replies() {
    // Analysed afresh, then as the app's worker analyses a long draft: in
    // one test, so no other test shares the heap counter or the CPU.
    let mut failures = within_budget(false);
    failures.extend(within_budget(true));
    assert!(
        failures.is_empty(),
        "hostile inputs cost more than {MAX_TIME_RATIO}x the time or {MAX_RATIO}x the memory of an ordinary 1 MB reply:\n{}",
        failures.join("\n")
    );
}

/// The cases over budget, analysed afresh or `incremental`ly (against an
/// ordinary reply analysed the same way).
fn within_budget(incremental: bool) -> Vec<String> {
    let mode = |c: Case| if incremental { c.incrementally() } else { c };
    let ordinary = if incremental {
        Case::new("ordinary 1 MB thread of replies that differ", ordinary_thread()).named("Priya Raman").incrementally()
    } else {
        Case::new("ordinary 1 MB reply", ordinary_reply()).named("Priya Raman")
    };
    // Warm up (the built-in lexicon is built on first use), then time.
    ordinary.run();
    let (base_time, base_peak) = measure(&ordinary, 3, None).expect("the ordinary reply finishes");
    let budget = base_time.mul_f64(MAX_TIME_RATIO);
    let report = std::env::var_os("STRESS_REPORT").is_some();
    if report {
        println!(
            "{}",
            if incremental { "\nIncremental: the draft, then one character typed in the middle" } else { "Afresh" }
        );
        println!(
            "{:<62} {:>9} {:>7} {:>9} {:>7}",
            ordinary.name,
            format!("{:.1} ms", base_time.as_secs_f64() * 1e3),
            "1.0",
            format!("{:.1} MB", base_peak as f64 / MB as f64),
            "1.0"
        );
    }
    let mut failures = Vec::new();
    for case in cases().into_iter().map(mode) {
        // Over budget once may be the machine (other work on its cores):
        // then the ordinary reply and the case are both measured again, back
        // to back, and compared afresh.
        let mut base_time = base_time;
        let mut measured = measure(&case, 3, Some(budget));
        if let Ok((time, _)) = measured {
            if time > budget {
                base_time = measure(&ordinary, 3, None).expect("the ordinary reply finishes").0;
                measured = measure(&case, 3, Some(base_time.mul_f64(MAX_TIME_RATIO)));
            }
        }
        match measured {
            Ok((time, peak)) => {
                let t_ratio = time.as_secs_f64() / base_time.as_secs_f64();
                let m_ratio = peak as f64 / base_peak as f64;
                if report {
                    println!(
                        "{:<62} {:>9} {:>7.2} {:>9} {:>7.2}",
                        case.name,
                        format!("{:.1} ms", time.as_secs_f64() * 1e3),
                        t_ratio,
                        format!("{:.1} MB", peak as f64 / MB as f64),
                        m_ratio
                    );
                }
                if t_ratio > MAX_TIME_RATIO || m_ratio > MAX_RATIO {
                    failures.push(format!("{}: {t_ratio:.1}x the time, {m_ratio:.1}x the memory", case.name));
                }
            }
            Err(e) => failures.push(format!("{}: {e}", case.name)),
        }
    }
    let how = if incremental { "incrementally" } else { "afresh" };
    failures
        .into_iter()
        .map(|f| {
            format!(
                "{f} (analysed {how}; the ordinary reply: {:.1} ms, {:.1} MB)",
                budget.as_secs_f64() * 1e3 / MAX_TIME_RATIO,
                base_peak as f64 / MB as f64
            )
        })
        .collect()
}
