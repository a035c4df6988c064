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

use std::cell::RefCell;

use crate::document::Document;
use crate::hash::FnvMap;
use crate::{analyze_with, Context, Report, RulePack};

/// A sarcasm mechanism's reading of one sentence: the token range to flag
/// (relative to the sentence) and the message.
pub(crate) type Reading = Option<(usize, usize, &'static str)>;

/// Readings kept from earlier versions of the draft.
#[derive(Default)]
pub(crate) struct Memo {
    entries: FnvMap<u64, Vec<Entry>>,
    generation: u32,
    key: Vec<u8>,
    pub(crate) hits: usize,
    pub(crate) misses: usize,
}

struct Entry {
    key: Box<[u8]>,
    reading: Reading,
    generation: u32,
}

/// How many tokens of the next sentence a reading may look at (see
/// `sentence_after` in `rules/sarcasm.rs`).
const NEXT_SENTENCE_TOKENS: usize = 80;

impl Memo {
    /// The reading of the sentence of tokens `from..to`, from the memo when
    /// the same bytes were read before, else from `read`.
    pub(crate) fn get_or_insert(
        &mut self,
        doc: &Document,
        from: usize,
        to: usize,
        read: impl FnOnce() -> Reading,
    ) -> Reading {
        self.fill_key(doc, from, to);
        let hash = fnv(&self.key);
        let generation = self.generation;
        if let Some(bucket) = self.entries.get_mut(&hash) {
            if let Some(e) = bucket.iter_mut().find(|e| *e.key == *self.key) {
                e.generation = generation;
                self.hits += 1;
                return e.reading;
            }
        }
        self.misses += 1;
        let reading = read();
        let key = self.key.clone().into_boxed_slice();
        self.entries.entry(hash).or_default().push(Entry { key, reading, generation });
        reading
    }

    /// Everything a reading of tokens `from..to` can see: the tokens up to
    /// the end of the next sentence (at most [`NEXT_SENTENCE_TOKENS`] of it),
    /// each with its boundaries, flags, gap and sentence relative to the
    /// first, then the text from the first token to the next token after
    /// the last one (or the end of the draft).
    fn fill_key(&mut self, doc: &Document, from: usize, to: usize) {
        let tokens = &doc.tokens;
        let mut end = to;
        if let Some(next) = tokens.get(to) {
            while end < tokens.len() && tokens[end].sentence == next.sentence && end - to < NEXT_SENTENCE_TOKENS {
                end += 1;
            }
        }
        let base = tokens[from].span.start();
        let stop = tokens.get(end).map_or(doc.text.len(), |t| t.span.start());
        let sentence = tokens[from].sentence;
        let key = &mut self.key;
        key.clear();
        key.extend_from_slice(&((end - from) as u32).to_le_bytes());
        for t in &tokens[from..end] {
            key.extend_from_slice(&((t.span.start() - base) as u32).to_le_bytes());
            key.extend_from_slice(&((t.span.end() - base) as u32).to_le_bytes());
            key.extend_from_slice(&t.flags.0.to_le_bytes());
            key.extend_from_slice(&t.gap.0.to_le_bytes());
            key.extend_from_slice(&(t.sentence - sentence).to_le_bytes());
        }
        key.extend_from_slice(&doc.text.as_bytes()[base..stop]);
    }

    /// Drops the readings the latest analysis did not use.
    fn sweep(&mut self) {
        let generation = self.generation;
        self.entries.retain(|_, bucket| {
            bucket.retain(|e| e.generation == generation);
            !bucket.is_empty()
        });
        self.generation = self.generation.wrapping_add(1);
    }

    fn len(&self) -> usize {
        self.entries.values().map(Vec::len).sum()
    }
}

fn fnv(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for chunk in bytes.chunks(8) {
        let mut w = [0u8; 8];
        w[..chunk.len()].copy_from_slice(chunk);
        h = (h ^ u64::from_le_bytes(w)).wrapping_mul(0x0000_0100_0000_01b3).rotate_left(29);
    }
    h ^ bytes.len() as u64
}

thread_local! {
    static MEMO: RefCell<Option<Memo>> = const { RefCell::new(None) };
}

/// Runs `f` with the memo of the [`Incremental`] analysis in progress on
/// this thread, if any.
pub(crate) fn with_memo<R>(f: impl FnOnce(Option<&mut Memo>) -> R) -> R {
    MEMO.with(|m| match m.try_borrow_mut() {
        Ok(mut m) => f(m.as_mut()),
        Err(_) => f(None),
    })
}

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
        MEMO.with(|m| *m.borrow_mut() = Some(memo));
        // Put back even if analysis panicked (it never should).
        struct Restore<'a>(&'a mut Option<Memo>);
        impl Drop for Restore<'_> {
            fn drop(&mut self) {
                *self.0 = MEMO.with(|m| m.borrow_mut().take());
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
