//! Analysing successive versions of one draft: an edit re-parses only the
//! lines around it and re-runs the rules that read near their words only
//! there.
//!
//! Four memos make it, each keeping work under exactly what it can see,
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
//! - The customer's message: its parse and what the relation rules read in
//!   it alone (its questions, the details it gives), kept under its text
//!   while the agent types the reply to it.
//!
//! A draft under [`CHUNKED_MIN`] bytes is parsed and checked whole, with
//! only the sarcasm readings and the message kept: for a reply of a few
//! sentences the chunks' memos cost more than they spare.
//!
//! What is left is redone over the whole draft, as linear passes: the facts
//! about the whole draft (quoted regions, quotations, links, placeholders,
//! the greeting), joining the chunks, and the draft rules (name, apology,
//! gratitude, next steps, the politeness score) weighing what the chunks
//! kept. Work no longer in the draft is dropped after each analysis, and
//! the kept message when an analysis has none, so the memory is bounded by
//! the draft and its message.

use crate::rules::memo::{self, Memo};
use crate::{analyze_in, Context, KeptMessage, Memos, Report, RulePack};

/// Analyses successive versions of one draft (as the agent types): a long
/// draft re-parsed only in the lines each edit changed, with the local rules
/// re-run only there; a short one (under [`CHUNKED_MIN`] bytes) whole, with
/// its sentences' sarcasm readings kept; the customer's message read once.
/// Same reports as [`crate::analyze_with`], whatever the edits.
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
pub struct Incremental {
    memo: Option<Memo>,
    memos: Memos,
    /// The customer's message as the last analysis parsed it.
    message: KeptMessage,
    /// Drafts shorter than this (in bytes) are analysed whole.
    chunked_min: usize,
}

/// Drafts shorter than this (in bytes) are parsed whole and their rules run
/// over the whole draft, as [`crate::analyze_with`] does, with only the
/// sarcasm readings kept: keeping and finding their chunks' work costs more
/// than it spares. Measured with callgrind, instructions per analysis while
/// typing (`examples/typing.rs`), through the chunks' memos against whole
/// with the readings kept: 331 k against 254 k for the 876-byte reply,
/// 414 k against 412 k at 1,614 bytes, 386 k against 571 k at 2,264 bytes.
pub const CHUNKED_MIN: usize = 1_536;

impl Default for Incremental {
    fn default() -> Incremental {
        Incremental::new()
    }
}

impl Incremental {
    pub fn new() -> Incremental {
        Incremental {
            memo: Some(Memo::default()),
            memos: Memos::default(),
            message: KeptMessage::default(),
            chunked_min: CHUNKED_MIN,
        }
    }

    /// An analyser that reads every draft through its memos, however short
    /// (tests of the memos themselves).
    #[doc(hidden)]
    pub fn chunking_all() -> Incremental {
        Incremental { chunked_min: 0, ..Incremental::new() }
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
        if text.len() < self.chunked_min {
            // What the chunks' memos keep is of no use to a short draft: it
            // is dropped, so that they hold no more than the draft needs.
            if self.memos.parse.len() + self.memos.local.len() > 0 {
                self.memos = Memos::default();
            }
            return analyze_in(text, ctx, pack, None, Some(&mut self.message));
        }
        let report = analyze_in(text, ctx, pack, Some(&mut self.memos), Some(&mut self.message));
        self.memos.parse.sweep();
        self.memos.local.sweep();
        report
    }

    /// Parses of the customer's message (reused, made) since this analyser
    /// was made: for tests and benchmarks.
    pub fn message_stats(&self) -> (usize, usize) {
        self.message.stats()
    }

    /// Sarcasm readings (reused, made) since this analyser was made, and
    /// how many it keeps: for tests and benchmarks.
    pub fn stats(&self) -> (usize, usize, usize) {
        self.memo.as_ref().map_or((0, 0, 0), |m| (m.hits, m.misses, m.len()))
    }

    /// Chunks of lines (reused, parsed) since the chunks' memos were last
    /// made (when this analyser was, or when a short draft dropped them),
    /// and how many it keeps: for tests and benchmarks.
    pub fn parse_stats(&self) -> (usize, usize, usize) {
        (self.memos.parse.reused, self.memos.parse.parsed, self.memos.parse.len())
    }

    /// Chunks whose local findings were (reused, found again) since the
    /// chunks' memos were last made, and how many it keeps: for tests and
    /// benchmarks.
    pub fn local_stats(&self) -> (usize, usize, usize) {
        (self.memos.local.reused, self.memos.local.ran, self.memos.local.len())
    }
}
