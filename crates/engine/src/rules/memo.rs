//! The sarcasm readings kept between versions of one draft (see
//! [`crate::Incremental`], which installs a memo while it analyses).
//!
//! What a sarcasm reading can see is a pure function of a few bytes: the
//! sentence's text and the next sentence's, and each of their tokens'
//! boundaries, flags, punctuation gaps and relative sentence number. A
//! reading is kept under exactly those bytes, compared in full (not only
//! hashed), so a cached reading is one the full analysis would make. A
//! reading that also looked at the words before the sentence (see
//! `LOOK_BEHIND` in `rules/sarcasm.rs`) is kept with them, and reused only
//! where the same words stand before it.

use std::cell::RefCell;

use crate::document::Document;
use crate::hash::{long_hash, FnvMap};
use crate::rules::sarcasm::LOOK_BEHIND;

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
    /// The folded words before the sentence, when the reading looked at them.
    behind: Option<Box<[u8]>>,
    reading: Reading,
    generation: u32,
}

/// How many tokens of the next sentence a reading may look at (see
/// `sentence_after` in `rules/sarcasm.rs`).
const NEXT_SENTENCE_TOKENS: usize = 80;

impl Memo {
    /// The reading of the sentence of tokens `from..to`, from the memo when
    /// the same bytes were read before, else from `read`, which also says
    /// whether it looked at the words before the sentence.
    pub(crate) fn get_or_insert(
        &mut self,
        doc: &Document,
        from: usize,
        to: usize,
        read: impl FnOnce() -> (Reading, bool),
    ) -> Reading {
        self.fill_key(doc, from, to);
        let hash = long_hash(&self.key);
        let generation = self.generation;
        // Whether a reading looked behind is decided by the sentence, so
        // entries of one key all keep the words before it, or none does.
        let mut behind: Option<Vec<u8>> = None;
        if let Some(bucket) = self.entries.get_mut(&hash) {
            let key = &self.key;
            let found = bucket.iter_mut().find(|e| {
                *e.key == **key
                    && e.behind.as_deref().is_none_or(|b| *b == **behind.get_or_insert_with(|| words_before(doc, from)))
            });
            if let Some(e) = found {
                e.generation = generation;
                self.hits += 1;
                return e.reading;
            }
        }
        self.misses += 1;
        let (reading, looked_behind) = read();
        let behind = looked_behind.then(|| behind.unwrap_or_else(|| words_before(doc, from)).into_boxed_slice());
        let key = self.key.clone().into_boxed_slice();
        self.entries.entry(hash).or_default().push(Entry { key, behind, reading, generation });
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
    pub(crate) fn sweep(&mut self) {
        let generation = self.generation;
        self.entries.retain(|_, bucket| {
            bucket.retain(|e| e.generation == generation);
            !bucket.is_empty()
        });
        self.generation = self.generation.wrapping_add(1);
    }

    pub(crate) fn len(&self) -> usize {
        self.entries.values().map(Vec::len).sum()
    }
}

/// The folded words a reading of the sentence starting at token `from` may
/// look back on, each followed by 0xFF (a byte no UTF-8 text holds).
fn words_before(doc: &Document, from: usize) -> Vec<u8> {
    let mut out = Vec::new();
    for i in from.saturating_sub(LOOK_BEHIND)..from {
        out.extend_from_slice(doc.fold(i).as_bytes());
        out.push(0xFF);
    }
    out
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

/// Whether [`with_memo`] would now give a memo: a reader that asks it of
/// many sentences asks once whether to ask at all.
pub(crate) fn installed() -> bool {
    MEMO.with(|m| m.try_borrow_mut().is_ok_and(|m| m.is_some()))
}

/// Installs `memo` for the analyses on this thread until [`take`].
pub(crate) fn install(memo: Memo) {
    MEMO.with(|m| *m.borrow_mut() = Some(memo));
}

/// Takes back the memo installed on this thread.
pub(crate) fn take() -> Option<Memo> {
    MEMO.with(|m| m.borrow_mut().take())
}
