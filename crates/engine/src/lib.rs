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

mod cue;
mod document;
mod fold;
mod incremental;
mod lexicon;
mod pack;
mod politeness;
mod report;
mod rules;
pub mod span;
mod words;

pub use cue::{Cornerstone, Cue, Severity};
pub use incremental::Incremental;
pub use pack::{phrase_families, PackError, RulePack, MAX_PACK_BYTES};
pub use report::{CornerstoneReport, Finding, JsonCornerstone, JsonFinding, JsonReport, Report, Status};
pub use span::Span;

/// What the engine knows about the conversation besides the draft.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Context {
    /// The customer's name as the agent knows it ("Priya Raman", "王伟").
    pub customer_name: Option<String>,
}

impl Context {
    pub fn with_customer_name(name: impl Into<String>) -> Context {
        let name = name.into();
        let trimmed = name.trim();
        Context { customer_name: (!trimmed.is_empty()).then(|| trimmed.to_string()) }
    }
}

/// Analyses a draft reply. Never panics, whatever the text.
pub fn analyze(text: &str, ctx: &Context) -> Report {
    analyze_with(text, ctx, None)
}

/// Analyses a draft with a team's [`RulePack`] (`&pack`), or with the
/// built-in rules only (`None`): a pack's phrases join the built-in ones, its
/// own findings are added, and the cues it turns off are left out (of the
/// politeness score too). Never panics, whatever the text.
pub fn analyze_with<'p>(text: &str, ctx: &Context, pack: impl Into<Option<&'p RulePack>>) -> Report {
    let pack = pack.into();
    let doc = document::Document::parse_with(text, pack.map_or(lexicon::Lexicon::global(), |p| &p.lexicon));
    let mut findings = Vec::new();
    for (_, check) in rules::RULES {
        check(&doc, ctx, &mut findings);
    }
    if let Some(pack) = pack {
        pack.check(&doc, &mut findings);
        findings.retain(|f| !pack.disables(f.cue));
    }
    let politeness = politeness::score(&doc, &findings);
    Report::build(findings, politeness)
}
