//! Analysing successive versions of one draft: an edit re-parses only the
//! lines around it and re-runs the rules that read near their words only
//! there.
//!
//! Three memos make it, each keeping work under exactly what it can see,
//! compared in full (not only hashed), so a kept result is one the full
//! analysis would make: `Incremental::analyze` always returns what
//! [`crate::analyze_with`] returns (property tests over random edits check
//! it).
//! - The parse (`document/reuse.rs`): the draft is cut into chunks of whole
//!   lines; a chunk's words are kept under its text, and its phrase hits
//!   under its words and which of them are quoted, placeholders or links.
//! - The local rules (`rules/local.rs`): the findings of the rules that
//!   read only near their words, with the local parts of the draft rules
//!   (mentions of the customer's name, politeness words), kept per chunk
//!   under everything the chunk's view holds.
//! - The sarcasm readings (`rules/memo.rs`): a sentence's reading is a pure
//!   function of a few bytes (the sentence's text and the next sentence's,
//!   each of their tokens' boundaries, flags, gaps and relative sentence
//!   number, and the words before it when it looked at them), and is kept
//!   under them; it spares the unchanged sentences of an edited chunk.
//!
//! What is left is redone over the whole draft, as linear passes: the facts
//! about the whole draft (quoted regions, quotations, links, placeholders,
//! the greeting), joining the chunks, and the draft rules (name, apology,
//! gratitude, next steps, the politeness score) weighing what the chunks
//! kept. Work no longer in the draft is dropped after each analysis, so the
//! memory is bounded by the draft.

use crate::rules::memo::{self, Memo};
use crate::{analyze_in, Context, Memos, Report, RulePack};

/// Analyses successive versions of one draft (as the agent types),
/// re-parsing only the lines each edit changed and re-running the local
/// rules only there. Same reports as
/// [`crate::analyze_with`], whatever the edits.
///
/// ```
/// use cornerstone_engine::{analyze, Context, Incremental};
///
/// let ctx = Context::with_customer_name("Priya");
/// let mut engine = Incremental::new();
/// let first = "Hi Priya, as I already explained, it ships today. Thanks!";
/// assert_eq!(engine.analyze(first, &ctx, None), analyze(first, &ctx));
/// let edited = "Hi Priya, as I already explained, it ships on Friday. Thanks!";
/// assert_eq!(engine.analyze(edited, &ctx, None), analyze(edited, &ctx));
/// ```
#[derive(Default)]
pub struct Incremental {
    memo: Option<Memo>,
    memos: Memos,
}

impl Incremental {
    pub fn new() -> Incremental {
        Incremental { memo: Some(Memo::default()), memos: Memos::default() }
    }

    /// The report of `text`, as [`crate::analyze_with`] makes it.
    pub fn analyze(&mut self, text: &str, ctx: &Context, pack: Option<&RulePack>) -> Report {
        let memo = self.memo.take().unwrap_or_default();
        memo::install(memo);
        // Put back even if analysis panicked (it never should).
        struct Restore<'a>(&'a mut Option<Memo>);
        impl Drop for Restore<'_> {
            fn drop(&mut self) {
                *self.0 = memo::take();
                if let Some(memo) = self.0 {
                    memo.sweep();
                }
            }
        }
        let _restore = Restore(&mut self.memo);
        let report = analyze_in(text, ctx, pack, Some(&mut self.memos));
        self.memos.parse.sweep();
        self.memos.local.sweep();
        report
    }

    /// Sarcasm readings (reused, made) since this analyser was made, and
    /// how many it keeps: for tests and benchmarks.
    pub fn stats(&self) -> (usize, usize, usize) {
        self.memo.as_ref().map_or((0, 0, 0), |m| (m.hits, m.misses, m.len()))
    }

    /// Chunks of lines (reused, parsed) since this analyser was made, and how
    /// many it keeps: for tests and benchmarks.
    pub fn parse_stats(&self) -> (usize, usize, usize) {
        (self.memos.parse.reused, self.memos.parse.parsed, self.memos.parse.len())
    }

    /// Chunks whose local findings were (reused, found again) since this
    /// analyser was made, and how many it keeps: for tests and benchmarks.
    pub fn local_stats(&self) -> (usize, usize, usize) {
        (self.memos.local.reused, self.memos.local.ran, self.memos.local.len())
    }
}
