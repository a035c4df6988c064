//! The local rules ([`Scope::Local`]) run chunk by chunk, for
//! [`crate::Incremental`]: an edit re-runs them only on the chunks of lines
//! it changed, and on the chunks whose surroundings it changed.
//!
//! A local rule's finding is a pure function of what lies near its words:
//! their sentence, at most [`LOOK_BEHIND`] tokens before it, the sentence
//! after it, and the facts overlapping those. So the findings of a chunk
//! (those that start at one of its tokens, or in the bytes just before
//! one, such as a quotation mark opening its first line) are the ones the
//! rule makes on a view of the draft (`Document::view`) holding the chunk,
//! the [`LOOK_BEHIND`] tokens before it and the sentence after it. They are
//! kept under the chunk's stamp (its text, region flags and lexicon; see
//! `document::PlacedChunk`) and, compared in full, everything else the view
//! holds: the tokens, text and phrase hits around the chunk, the facts
//! clipped to the view, and which rules ran. A kept finding is therefore one
//! the full analysis makes (property tests in `tests/incremental.rs` and a
//! reviewer's adversarial test in `tests/review_local.rs` compare whole
//! reports).

use crate::context::Context;
use crate::document::{Document, PlacedChunk};
use crate::finding::Finding;
use crate::hash::FnvMap;
use crate::rules::gratitude::{self, Thanks};
use crate::rules::name::{self, Mention};
use crate::rules::politeness::Counts;
use crate::rules::{LocalPart, Rule, Scope, RULES};

/// The local parts of the draft rules, gathered chunk by chunk: what the
/// name rule notices at each word (but the greeting's, see
/// [`name::greeting_tokens`]), the thanks the gratitude rule finds before it
/// rules out sign-offs, and the politeness strategy words.
#[derive(Clone, Debug, Default)]
pub(crate) struct Parts {
    pub mentions: Vec<Mention>,
    pub thanks: Vec<Thanks>,
    pub counts: Counts,
}

/// How many tokens before a chunk its view holds: the most any local rule
/// looks back (sarcasm, on what the customer asked for just before).
pub(crate) const LOOK_BEHIND: usize = crate::rules::sarcasm::LOOK_BEHIND;

/// Local findings kept from earlier versions of the draft, per chunk.
#[derive(Default)]
pub(crate) struct LocalMemo {
    runs: FnvMap<u64, Vec<Run>>,
    generation: u32,
    key: Vec<u8>,
    /// Chunks whose findings were reused, and chunks the rules ran on, since
    /// the memo was made (tests, benchmarks).
    pub(crate) reused: usize,
    pub(crate) ran: usize,
}

/// The local findings of one chunk, under everything else its view holds,
/// with the byte the chunk started at when they were found (a finding may
/// start before it: a quotation mark opening the chunk's first line).
struct Run {
    key: Box<[u8]>,
    base: usize,
    findings: Vec<Finding>,
    mentions: Vec<Mention>,
    thanks: Vec<Thanks>,
    counts: Counts,
    generation: u32,
}

impl LocalMemo {
    /// Appends to `out` the findings of `rules` (all local) over the draft
    /// `doc`, made of `chunks`, and returns the local parts of the draft
    /// rules (those `wanted`), re-running them only on chunks
    /// whose view changed.
    pub(crate) fn findings(
        &mut self,
        doc: &Document,
        chunks: &[PlacedChunk],
        rules: &[&Rule],
        wanted: &[LocalPart],
        ctx: &Context,
        out: &mut Vec<Finding>,
    ) -> Parts {
        let mut parts = Parts::default();
        debug_assert!(rules.iter().all(|r| r.scope == Scope::Local));
        let mask = rules.iter().fold(0u64, |m, r| m | 1 << RULES.iter().position(|x| x.id == r.id).unwrap_or(63));
        let names = wanted.contains(&LocalPart::Mentions);
        let thanks = wanted.contains(&LocalPart::Thanks);
        let mask = mask | (names as u64) << 63 | (thanks as u64) << 62;
        let greeting = name::greeting_tokens(doc);
        for chunk in chunks {
            let view = view_range(doc, chunk);
            self.fill_key(doc, chunk, view.clone(), mask);
            if names {
                self.fill_name_key(chunk, ctx, &greeting);
            }
            let generation = self.generation;
            let base = chunk.bytes.start;
            let runs = self.runs.entry(chunk.stamp).or_default();
            if let Some(run) = runs.iter_mut().find(|r| *r.key == *self.key) {
                run.generation = generation;
                let by = base as isize - run.base as isize;
                out.extend(run.findings.iter().map(|f| f.clone().moved(by)));
                parts.mentions.extend(run.mentions.iter().map(|m| m.moved(by)));
                parts.thanks.extend(run.thanks.iter().map(|t| t.clone().moved(by)));
                parts.counts.add(&run.counts);
                self.reused += 1;
                continue;
            }
            self.ran += 1;
            // A chunk whose view is the whole draft (a draft of one chunk)
            // is read in the draft itself: a local rule reads no greeting,
            // which is all a view leaves out.
            let viewed;
            let part: &Document = if view == (0..doc.tokens.len()) {
                doc
            } else {
                viewed = doc.view(view.clone());
                &viewed
            };
            let mut found = Vec::new();
            for rule in rules {
                (rule.check)(part, ctx, &mut found);
            }
            // The chunk's own tokens, in the view.
            let own = chunk.tokens.start - view.start..chunk.tokens.end - view.start;
            let counts = Counts::of(part, own.clone());
            parts.counts.add(&counts);
            let mut mentions = Vec::new();
            if names {
                // The greeting's words, in the view.
                let in_greeting = greeting.start.saturating_sub(view.start)..greeting.end.saturating_sub(view.start);
                name::mentions(part, ctx, own.clone(), in_greeting, &mut mentions);
            }
            parts.mentions.extend(mentions.iter().copied());
            // Thanks read sarcasm's findings in the view (all of them: those
            // of the chunk's sentences are the full analysis's).
            let mut thanked = Vec::new();
            if thanks {
                gratitude::thanks(part, &found, own.clone(), &mut thanked);
            }
            parts.thanks.extend(thanked.iter().cloned());
            debug_assert!(found.iter().all(|f| f.span.is_some()), "a local rule's findings have spans");
            // A finding is the chunk's when the token it starts at (or
            // before: a quotation mark opening a line, "!!!") is: the view
            // holds that token's sentence and the one after it.
            found.retain(|f| f.span.is_some_and(|s| owns(doc, chunk, s.start())));
            // In report order (stable: equal findings keep their order), so
            // the chunks' findings make one run: what the report's merge
            // sort passes over in one pass (a short list's; a long one's is
            // placed by counting and needs no runs, see
            // `order::sort_by_placed_keys`, but a chunk is sorted once, when
            // it is read, not on each edit elsewhere).
            crate::order::sort_by_key(&mut found, Finding::report_order);
            out.extend(found.iter().cloned());
            runs.push(Run {
                key: self.key.clone().into_boxed_slice(),
                base,
                findings: found,
                mentions,
                thanks: thanked,
                counts,
                generation,
            });
        }
        parts
    }

    /// Everything the view of `chunk` holds besides the chunk itself (which
    /// its stamp stands for), relative to the chunk's first byte and token.
    fn fill_key(&mut self, doc: &Document, chunk: &PlacedChunk, view: std::ops::Range<usize>, mask: u64) {
        let key = &mut self.key;
        key.clear();
        let base = chunk.bytes.start as i64;
        let rel = |at: usize| (at as i64 - base).to_le_bytes();
        key.extend_from_slice(&mask.to_le_bytes());
        key.extend_from_slice(&((chunk.tokens.start - view.start) as u32).to_le_bytes());
        key.extend_from_slice(&((view.end - chunk.tokens.end) as u32).to_le_bytes());
        let around = (view.start..chunk.tokens.start).chain(chunk.tokens.end..view.end);
        let first_sentence = doc.tokens.get(view.start).map_or(0, |t| t.sentence);
        for i in around {
            let t = &doc.tokens[i];
            key.extend_from_slice(&rel(t.span.start()));
            key.extend_from_slice(&rel(t.span.end()));
            key.extend_from_slice(&t.flags.0.to_le_bytes());
            key.extend_from_slice(&t.gap.0.to_le_bytes());
            key.extend_from_slice(&(t.sentence - first_sentence).to_le_bytes());
        }
        // The text around the chunk: from the view's first token to the
        // chunk, and from the chunk's end to where the view's text ends.
        let (start_byte, end_byte) = doc.view_bytes(view.clone());
        key.extend_from_slice(&rel(start_byte));
        key.extend_from_slice(&rel(end_byte));
        key.extend_from_slice(&doc.text.as_bytes()[start_byte.min(chunk.bytes.start)..chunk.bytes.start]);
        key.push(0xFF);
        key.extend_from_slice(&doc.text.as_bytes()[chunk.bytes.end.min(end_byte)..end_byte]);
        key.push(0xFF);
        // The phrase hits around the chunk (its own come with its stamp).
        for table in 0..doc.tables() {
            for h in doc.hits_between(table, view.clone()) {
                if (h.first as usize) < chunk.tokens.start || (h.first as usize) >= chunk.tokens.end {
                    key.extend_from_slice(&(table as u16).to_le_bytes());
                    key.extend_from_slice(&h.entry.to_le_bytes());
                    key.extend_from_slice(&(h.first as i64 - chunk.tokens.start as i64).to_le_bytes());
                    key.extend_from_slice(&(h.last as i64 - chunk.tokens.start as i64).to_le_bytes());
                    key.extend_from_slice(&rel(h.span.start()));
                    key.extend_from_slice(&rel(h.span.end()));
                }
            }
        }
        key.push(0xFF);
        // The facts, clipped to the view as the view clips them.
        doc.facts_between(start_byte, end_byte, |kind, span, extra| {
            key.push(kind);
            key.extend_from_slice(&rel(span.start()));
            key.extend_from_slice(&rel(span.end()));
            key.push(extra);
        });
    }

    /// What the name rule's part of `chunk` reads besides its view: the
    /// customer's name, and which of its words are the greeting's (not the
    /// chunk's to judge).
    fn fill_name_key(&mut self, chunk: &PlacedChunk, ctx: &Context, greeting: &std::ops::Range<usize>) {
        let key = &mut self.key;
        match &ctx.customer_name {
            Some(n) => {
                key.push(1);
                key.extend_from_slice(&(n.len() as u64).to_le_bytes());
                key.extend_from_slice(n.as_bytes());
            }
            None => key.push(0),
        }
        let skip = greeting.start.max(chunk.tokens.start)..greeting.end.min(chunk.tokens.end);
        let rel = |k: usize| ((k - chunk.tokens.start) as u64).to_le_bytes();
        if !skip.is_empty() {
            key.extend_from_slice(&rel(skip.start));
            key.extend_from_slice(&rel(skip.end));
        }
    }

    /// Drops the findings the latest analysis did not use.
    pub(crate) fn sweep(&mut self) {
        let generation = self.generation;
        self.runs.retain(|_, runs| {
            runs.retain(|r| r.generation == generation);
            !runs.is_empty()
        });
        self.generation = self.generation.wrapping_add(1);
    }

    pub(crate) fn len(&self) -> usize {
        self.runs.values().map(Vec::len).sum()
    }
}

/// Whether a finding starting at byte `at` is `chunk`'s: the token it
/// starts at, or the first after it, is the chunk's (past the last token of
/// the draft, the last chunk's).
fn owns(doc: &Document, chunk: &PlacedChunk, at: usize) -> bool {
    let k = doc.token_at(at);
    chunk.tokens.contains(&k) || (k == doc.tokens.len() && chunk.tokens.end == k)
}

/// The tokens of the view of `chunk`: [`LOOK_BEHIND`] tokens before it, its
/// own, and the sentence after it.
fn view_range(doc: &Document, chunk: &PlacedChunk) -> std::ops::Range<usize> {
    let from = chunk.tokens.start.saturating_sub(LOOK_BEHIND);
    let mut to = chunk.tokens.end;
    if let Some(next) = doc.tokens.get(to) {
        let sentence = next.sentence;
        while to < doc.tokens.len() && doc.tokens[to].sentence == sentence {
            to += 1;
        }
    }
    from..to
}
