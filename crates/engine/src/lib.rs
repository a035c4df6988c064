//! # Cornerstone's tone engine
//!
//! Turns a customer-service draft into a [`Report`]: findings about name
//! usage, apologies, gratitude, sarcasm and the rest of the four
//! cornerstones of customer service, each with the words that triggered it,
//! a coaching message and, where one fits, better phrasings.
//!
//! ```
//! use cornerstone_engine::{analyze, Context, Cue};
//!
//! let ctx = Context::with_customer_name("Priya Raman");
//! let draft = "Hi Pryia, we apologize for any inconvenience.";
//! let report = analyze(draft, &ctx);
//!
//! let misspelled = report.findings.iter().find(|f| f.cue == Cue::NameMisspelled).unwrap();
//! assert_eq!(&draft[misspelled.span.unwrap()], "Pryia");
//! assert_eq!(misspelled.suggestions, ["Priya"]);
//! assert!(report.has(Cue::ApologyHollow));
//! assert_eq!(report.summary(), "2 things to fix before sending");
//! ```
//!
//! The engine has no web dependencies and cannot fail: [`analyze`] accepts any
//! string and returns a report. Spans are byte ranges on char boundaries;
//! [`span::utf16_offsets`] is the one conversion to the UTF-16 offsets the DOM
//! uses.
//!
//! How it works: [`analyze`] parses the draft once (`document.rs`: words,
//! sentences, quoted customer text, placeholders, the greeting) and runs the
//! phrase lexicon over it in one pass (`lexicon.rs`); each rule in `rules/`
//! then reads that structure and appends findings.

mod context;
mod conversation;
mod cue;
mod document;
mod finding;
mod fold;
mod hash;
mod incremental;
mod lexicon;
mod nicknames;
pub mod order;
mod pack;
mod report;
mod rules;
pub mod span;
mod tokens;
mod translit;
mod words;

pub use context::Context;
pub use cue::{Cornerstone, Cue, Severity};
pub use finding::{Finding, MessageSource, Relation};
pub use incremental::{Incremental, CHUNKED_MIN};
pub use pack::{phrase_families, PackError, RulePack, MAX_PACK_BYTES};
pub use report::{
    json_str, CornerstoneReport, CustomerName, JsonContext, JsonCornerstone, JsonCustomerName, JsonFinding,
    JsonRelation, JsonReport, NameSource, Report, Status,
};
pub use span::Span;

/// The rules that run with `pack`: a rule whose cues the pack all turns off
/// is skipped, unless a later rule reads its findings.
fn active_rules(pack: Option<&RulePack>) -> impl Iterator<Item = &'static rules::Rule> + '_ {
    rules::RULES.iter().filter(move |r| !r.skippable(|cue| pack.is_some_and(|p| p.disables(cue))))
}

/// Builds what the engine builds the first time it is needed (the phrase
/// indexes of the draft and of the customer's message, the marker index,
/// the word lists' maps: kept out of the module to keep it small) by
/// analysing a short exchange that reaches them all, then the warm-up
/// exchanges (see [`prepare_step`]), and writes the exchange's report as
/// JSON. Call it on load, so that the first analysis a person waits for
/// costs what any other does; without it, the first analysis pays once
/// (about 6 M instructions natively). In WebAssembly it also has the
/// runtime compile, on load, the code every analysis runs (V8 compiles a
/// function the first time it runs): the rules, with and without a name or
/// a message, and the report's JSON.
pub fn prepare() {
    let mut step = 0;
    while prepare_step(step) {
        step += 1;
    }
}

/// [`prepare`] a step at a time, for a page that gives its main thread
/// back between steps: runs step `step` (from 0) and says whether another
/// follows. The steps: the draft's phrase index, the message's, then the
/// exchange analysed more fully at each step (a short thanks alone; the
/// reply; with the customer's name; with their message), then the
/// warm-up exchanges ([`WARM_UP`]) in two halves, so that the runtime's
/// compiling of the code is shared out among them (in the browser the first
/// full analysis took 36-58 ms in one step).
///
/// Each analysis goes the way a page's do: through an [`Incremental`],
/// its report written in its wire form with its UTF-16 ranges (and the
/// last of the exchange as JSON too, for `analyzeJson`). A function the
/// runtime has not compiled yet costs about 50 µs the first time it runs:
/// with the exchange alone, a page's first analysis of a real reply with
/// its customer's message still compiled 16 functions (median of 30, in
/// Node) and took 1.4 ms in Chromium; with the warm-up exchanges too, 1
/// function and 0.5 ms (`bench/peers/first-call.mjs`).
pub fn prepare_step(step: u32) -> bool {
    let reply = "Hi Priya, I'm sorry for the wait. Your order 4471 ships today, so you'll have it by Friday. \
                 Could you confirm your address? Thanks!";
    let named = || Context::with_customer_name("Priya Raman");
    match step {
        0 => {
            rules::draft_lexicon();
        }
        1 => {
            rules::message_lexicon();
        }
        2 => {
            as_a_page(&mut Incremental::new(), "Thanks!", &Context::default());
        }
        3 => {
            as_a_page(&mut Incremental::new(), reply, &Context::default());
        }
        4 => {
            as_a_page(&mut Incremental::new(), reply, &named());
        }
        5 => {
            let ctx = named().and_customer_message(
                "Hi, where is my order 4471? I've emailed twice and I'm so frustrated. Thanks, Priya",
            );
            std::hint::black_box(as_a_page(&mut Incremental::new(), reply, &ctx).json(reply));
        }
        6 | 7 => {
            let mut engine = Incremental::new();
            let half = warm_up_exchanges().count().div_ceil(2);
            let (skip, take) = if step == 6 { (0, half) } else { (half, usize::MAX) };
            for (_, name, message, reply) in warm_up_exchanges().skip(skip).take(take) {
                let ctx = Context::with_customer_name(name).and_customer_message(message);
                as_a_page(&mut engine, reply, &ctx);
            }
        }
        _ => return false,
    }
    step < PREPARE_STEPS - 1
}

/// What a page does with an analysis: its report, in its wire form and
/// with its UTF-16 ranges.
fn as_a_page(engine: &mut Incremental, text: &str, ctx: &Context) -> Report {
    let report = engine.analyze(text, ctx, None);
    // (Kept from the optimiser, which would drop work whose results go
    // unread, and with it the compiling it is here for.)
    std::hint::black_box((report.to_wire(), report.utf16_spans(text), report.context_utf16(text)));
    report
}

/// The warm-up exchanges: 32 drafts and pairs of the tuning corpus
/// (never a held-out one) that, analysed after the exchange of the steps
/// before, had the runtime compile the most functions the rest of the
/// tuning corpus would have compiled on first use. `bench/warmup/pick.mjs`
/// chooses them from a build of the module.
const WARM_UP: &str = include_str!("warmup.txt");

/// [`WARM_UP`]'s exchanges: the id the corpus gives each, the customer's
/// name (`""` for `-`), their message (`""` for none) and the reply, in the
/// corpus' format (after the file's comment lines, each exchange from a
/// line `### id | name`; a pair's message after a line `<<< customer`, its
/// reply after `>>> reply`). Lines end in `\n` (`.gitattributes` keeps the
/// file so). Public for `crates/eval`'s test that each is a tuning
/// exchange, word for word.
#[doc(hidden)]
pub fn warm_up_exchanges() -> impl Iterator<Item = (&'static str, &'static str, &'static str, &'static str)> {
    WARM_UP.split("\n### ").skip(1).map(|block| {
        let (head, body) = block.split_once('\n').unwrap_or((block, ""));
        let id = head.split([' ', '|']).next().unwrap_or("");
        let name = head.split('|').nth(1).map_or("", str::trim);
        let name = if name == "-" { "" } else { name };
        match body.strip_prefix("<<< customer\n").and_then(|b| b.split_once("\n>>> reply\n")) {
            Some((message, reply)) => (id, name, message.trim(), reply.trim()),
            None => (id, name, "", body.trim()),
        }
    })
}

/// How many steps [`prepare_step`] has.
const PREPARE_STEPS: u32 = 8;

/// Analyses a draft reply. Never panics, whatever the text.
pub fn analyze(text: &str, ctx: &Context) -> Report {
    analyze_with(text, ctx, None)
}

/// Analyses a draft with a team's [`RulePack`] (`&pack`), or with the
/// built-in rules only (`None`): a pack's phrases join the built-in ones, its
/// own findings are added, and the cues it turns off are left out (of the
/// politeness score too). Never panics, whatever the text.
///
/// With the customer's message (given in the context, or quoted below the
/// reply), the reply is also read against it: questions left unanswered,
/// feelings and earlier contact not acknowledged, details asked for again;
/// and a customer name found in the message stands in for a missing one.
pub fn analyze_with<'p>(text: &str, ctx: &Context, pack: impl Into<Option<&'p RulePack>>) -> Report {
    analyze_in(text, ctx, pack.into(), None, None)
}

/// What [`Incremental`] keeps between versions of a draft: the parse of its
/// chunks of lines and the local rules' findings in them.
#[derive(Default)]
pub(crate) struct Memos {
    parse: document::ParseMemo,
    local: rules::local::LocalMemo,
}

/// The customer's message as [`Incremental`]'s last analysis read it: its
/// parse and what the relation rules read in it alone, kept while the agent
/// types the reply to the same message.
pub(crate) type KeptMessage = document::KeptParse<rules::MessageFacts>;

/// [`analyze_with`], parsing the draft afresh or, for [`Incremental`],
/// reusing the parse of the lines an earlier version of it had and the
/// local rules' findings in them (`memos`), and the parse of the customer's
/// message when it is the one the last analysis read (`kept_message`).
fn analyze_in(
    text: &str,
    ctx: &Context,
    pack: Option<&RulePack>,
    mut memos: Option<&mut Memos>,
    mut kept_message: Option<&mut KeptMessage>,
) -> Report {
    let lexicon = pack.map_or(rules::draft_lexicon(), |p| &p.lexicon);
    let doc = match memos.as_deref_mut() {
        Some(memos) => document::Document::parse_reusing(text, lexicon, &mut memos.parse),
        None => document::Document::parse_with(text, lexicon),
    };
    let message = conversation::message_text(ctx, &doc);
    // The message's parse and its facts: kept ones when the message is the
    // one the last analysis read.
    // (A parse is some hundreds of bytes: each move of it is a copy, so a
    // fresh one goes straight into its place.)
    let message_read = match &message {
        Some((m, _)) => match kept_message.as_deref_mut() {
            Some(kept) => {
                let (doc, facts) = kept.take(m, rules::message_lexicon());
                let facts = facts.unwrap_or_else(|| rules::MessageFacts::of(&doc));
                Some((doc, facts))
            }
            None => {
                let doc = document::Document::parse_message(m, rules::message_lexicon());
                let facts = rules::MessageFacts::of(&doc);
                Some((doc, facts))
            }
        },
        None => {
            if let Some(kept) = kept_message.as_deref_mut() {
                kept.clear();
            }
            None
        }
    };
    let name = match &ctx.customer_name {
        Some(n) => Some(CustomerName { name: n.clone(), source: NameSource::Given }),
        None => message_read
            .as_ref()
            .and_then(|(m, _)| conversation::customer_name(m))
            .map(|name| CustomerName { name, source: NameSource::Message }),
    };
    let found_ctx;
    let rule_ctx = match &name {
        Some(n) if n.source == NameSource::Message => {
            found_ctx = Context { customer_name: Some(n.name.clone()), customer_message: None };
            &found_ctx
        }
        _ => ctx,
    };
    let mut findings = Vec::with_capacity(32);
    // With a memo, the local rules run first, chunk by chunk, with the local
    // parts of the draft rules: no rule reads their findings but through
    // the report, which does not depend on their order (see `Report::build`).
    let chunked = memos.and_then(|m| m.parse.placed(text.len()).map(|chunks| (chunks, &mut m.local)));
    let mut parts = None;
    if let Some((chunks, local)) = chunked {
        let locals: Vec<&rules::Rule> = active_rules(pack).filter(|r| r.scope == rules::Scope::Local).collect();
        let wanted: Vec<rules::LocalPart> = active_rules(pack).filter_map(|r| r.decide.map(|d| d.0)).collect();
        parts = Some(local.findings(&doc, &chunks, &locals, &wanted, rule_ctx, &mut findings));
    }
    for rule in active_rules(pack).filter(|r| parts.is_none() || r.scope == rules::Scope::Draft) {
        let before = findings.len();
        match (&parts, rule.decide) {
            (Some(parts), Some((_, decide))) => decide(&doc, rule_ctx, parts, &mut findings),
            _ => (rule.check)(&doc, rule_ctx, &mut findings),
        }
        debug_assert!(
            findings[before..].iter().all(|f| rule.cues.contains(&f.cue)),
            "rule {} emitted a cue it does not declare",
            rule.id
        );
    }
    // Before the relation rules read the praise ("shows empathy") and a
    // pack turns cues off.
    rules::drop_mocked_praise(&doc, &mut findings);
    let relation = message_read.as_ref().map(|(m, facts)| {
        let sentences = doc.sentences();
        let exchange = rules::Exchange { reply: &doc, sentences: &sentences, message: m, facts };
        let mut relation = Relation::default();
        let mut found = Vec::new();
        for rule in rules::RELATION_RULES {
            let before = found.len();
            (rule.check)(&exchange, &findings, &mut relation, &mut found);
            debug_assert!(
                found[before..].iter().all(|f| rule.cues.contains(&f.cue)),
                "rule {} emitted a cue it does not declare",
                rule.id
            );
        }
        findings.extend(found);
        rules::extra_mile::drop_asked_for(&exchange, &mut findings);
        relation
    });
    // (The parse is moved only to be kept.)
    if let Some(kept) = kept_message {
        if let Some((m, facts)) = message_read {
            kept.keep(m, facts);
        }
    }
    if let Some(pack) = pack {
        let before = findings.len();
        pack.check(&doc, &mut findings);
        debug_assert!(findings[before..].iter().all(|f| pack::PACK_CUES.contains(&f.cue)));
        findings.retain(|f| !pack.disables(f.cue));
    }
    let words = match &parts {
        Some(parts) => parts.counts,
        None => rules::politeness::Counts::of(&doc, 0..doc.tokens.len()),
    };
    let politeness = rules::politeness::score(&findings, &words);
    let mut report = Report::build(findings, politeness);
    report.customer_name = name;
    if let (Some((m, source)), Some(relation)) = (message, relation) {
        report.message = Some(report::Message {
            source,
            text: match source {
                MessageSource::Given => ctx.customer_message.clone().unwrap_or_default(),
                MessageSource::Quoted => String::new(),
            },
            relation,
        });
        drop(m);
    }
    report
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prepare_takes_eight_steps_then_says_it_is_done() {
        assert_eq!(
            (0..10).map(prepare_step).collect::<Vec<_>>(),
            [true, true, true, true, true, true, true, false, false, false]
        );
    }

    fn ids(pack: Option<&RulePack>) -> Vec<&'static str> {
        active_rules(pack).map(|r| r.id).collect()
    }

    #[test]
    fn a_pack_that_turns_off_every_cue_of_a_rule_skips_it() {
        let all = ids(None);
        assert_eq!(all.len(), rules::RULES.len());
        let pack = RulePack::from_json(r#"{"disable": ["boilerplate", "negative-language"]}"#).unwrap();
        // Boilerplate has one cue; language has two, one still on.
        let with = ids(Some(&pack));
        assert!(!with.contains(&"boilerplate") && with.contains(&"language"), "{with:?}");
        assert_eq!(with.len(), all.len() - 1);
        // Sarcasm's findings are read by the apology and gratitude rules: it
        // runs, and its findings are dropped after.
        let pack = RulePack::from_json(r#"{"disable": ["sarcasm"]}"#).unwrap();
        assert!(ids(Some(&pack)).contains(&"sarcasm"));
        let text = "Thanks for nothing. As I already explained, it ships today.";
        let report = analyze_with(text, &Context::default(), &pack);
        let mut full = analyze(text, &Context::default()).findings;
        assert!(full.iter().any(|f| f.cue == Cue::Sarcasm), "{full:?}");
        full.retain(|f| f.cue != Cue::Sarcasm);
        assert_eq!(report.findings, full);
    }
}
