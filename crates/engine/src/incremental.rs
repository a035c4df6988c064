//! Analysing successive versions of one draft: an edit re-reads only the
//! sentences it changed.
//!
//! Most of an analysis is the sarcasm mechanisms, which read each sentence
//! (and the start of the next) against some 400 marker patterns. What such a
//! reading can see is a pure function of a few bytes: the sentence's text
//! and the next sentence's, and each of their tokens' boundaries, flags,
//! punctuation gaps and relative sentence number (which carry everything the
//! rest of the draft says about them: quoted, a link, a placeholder, the
//! start of a sentence). [`Incremental`] keeps each reading under exactly
//! those bytes, compared in full (not only hashed), so a cached reading is
//! one the full analysis would make: `Incremental::analyze` always returns
//! what [`crate::analyze_with`] returns (a property test over random edits
//! checks it). Readings of sentences no longer in the draft are dropped
//! after each analysis, so the memory is bounded by the draft.
//!
//! The rest of an analysis (tokens, the phrase lexicon, the other rules) is
//! a few linear passes and is redone whole.

use crate::rules::memo::{self, Memo};
use crate::{analyze_with, Context, Report, RulePack};

/// Analyses successive versions of one draft (as the agent types), re-reading
/// only the sentences each edit changed. Same reports as
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
}

impl Incremental {
    pub fn new() -> Incremental {
        Incremental { memo: Some(Memo::default()) }
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
        analyze_with(text, ctx, pack)
    }

    /// (readings reused, readings made) since this analyser was made, and
    /// how many it keeps: for tests and benchmarks.
    pub fn stats(&self) -> (usize, usize, usize) {
        self.memo.as_ref().map_or((0, 0, 0), |m| (m.hits, m.misses, m.len()))
    }
}
