//! A politeness score for the whole draft, from the politeness strategies of
//! Danescu-Niculescu-Mizil et al. (ACL 2013): gratitude, apology, greetings,
//! hedges, indirect requests and deference raise it; direct questions,
//! factuality ("actually", "in fact"), sentence-initial "you", blame,
//! sarcasm, shouting and profanity lower it.
//!
//! The weights were set by hand from the paper's reported strategy effects
//! and checked on the Stanford politeness corpus (see the README for the
//! accuracy and the command that reproduces it).

use crate::cue::Cue;
use crate::document::{flag, gap, Document};
use crate::finding::Finding;
use crate::lexicon::{p, Phrase};
use crate::rules::T;

pub(crate) const HEDGES: &[Phrase] = &[
    p("i think|believe|suppose|guess|feel|suspect|assume"),
    p("maybe"),
    p("perhaps"),
    p("possibly"),
    p("might"),
    p("it seems|appears|looks"),
    p("i|we wonder|wondered|was|were"),
    p("by the way"),
    p("btw"),
    p("if possible"),
    p("i hope|hoped"),
    p("hope"),
    p("probably"),
    p("a bit|little"),
    p("would"),
    p("could"),
    p("any chance"),
    p("help"),
    p("sorry to bother"),
    p("interesting"),
    p("great|good|nice|excellent|awesome|fantastic|brilliant|lovely|wonderful"),
    p("hi|hello|hey|dear|greetings|morning"),
    p("we|let's|lets"),
];

pub(crate) const RUDE: &[Phrase] = &[
    p("why did|do|would|are|is|didn't|don't|can't|cant|won't|haven't|hasn't|isn't|aren't|does|doesn't|were|was|not|on|the|in|you|would"),
    p("how come"),
    p("what is|are|was|were|do|did|does|the|in|on|exactly"),
    p("actually"),
    p("in fact"),
    p("the fact"),
    p("seriously"),
    p("really"),
    p("what's|whats wrong"),
    p("so what"),
    p("you don't|dont|didn't|didnt|haven't|havent|never|can't|cant|won't|wont|need|must|should"),
    p("stop"),
    p("wrong"),
    p("no"),
    p("please don't|dont|do|stop"),
    p("again"),
    p("explain"),
    p("instead"),
];

/// The strategy words of a part of the draft (the whole of it, or a chunk
/// of lines, see `rules::local`): counts, so parts add up.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Counts {
    hedges: u32,
    rude: u32,
    /// Sentence-initial "please", "you"/"your", "so"/"then"/"but"/"and".
    please: u32,
    you: u32,
    so: u32,
    /// Direct questions in the agent's words.
    questions: u32,
}

impl Counts {
    /// The strategy words of tokens `tokens` of `doc` (phrases that start there).
    pub(crate) fn of(doc: &Document, tokens: std::ops::Range<usize>) -> Counts {
        let within = |table: T| {
            crate::rules::distinct_hits(doc, table).iter().filter(|h| tokens.contains(&(h.first as usize))).count()
                as u32
        };
        let mut c = Counts { hedges: within(T::Hedge), rude: within(T::Rude), ..Counts::default() };
        // Only a sentence's first word can open it and only its last can
        // ask (a question mark ends its sentence): each sentence of the
        // tokens is found by a search, its end by steps that double from
        // its first token, then a binary search of the last step
        // (`document::sentence_end`), and only its first and last
        // words are read. A pass over every word (its flags, gap and key)
        // was about 22 instructions a word, 230 k on the 10,143 words.
        // (A word read only if it opens its sentence and its key's bit
        // (its low five bits) is set in `OPENERS`.)
        const OPENERS: u64 = {
            let keys = crate::hash::word_keys::<7>(&[&["please", "you", "your", "so", "then", "but", "and"]]);
            let (mut bits, mut i) = (0, 0);
            while i < keys.len() {
                bits |= 1 << (keys[i] % 32);
                i += 1;
            }
            bits
        };
        let words = doc.tokens.get(tokens).unwrap_or_default();
        let mut start = 0;
        while let Some(first) = words.get(start) {
            let end = crate::document::sentence_end(words, start);
            let last = &words[end - 1];
            c.questions += u32::from(last.is_agent() & last.gap_has(gap::QUESTION));
            if first.is_agent() & first.is(flag::SENT_START) & (OPENERS >> (first.key % 32) & 1 != 0) {
                match first.folded(doc.folded_words()) {
                    "please" => c.please += 1,
                    "you" | "your" => c.you += 1,
                    "so" | "then" | "but" | "and" => c.so += 1,
                    _ => {}
                }
            }
            start = end;
        }
        debug_assert!(
            words.windows(2).all(|p| p[1].sentence.wrapping_sub(p[0].sentence) <= 1
                && (p[1].sentence != p[0].sentence || !p[1].is(flag::SENT_START))
                && (p[1].sentence != p[0].sentence || !p[0].gap_has(gap::QUESTION))),
            "only a sentence's first word opens it, only its last asks"
        );
        c
    }

    pub(crate) fn add(&mut self, o: &Counts) {
        self.hedges += o.hedges;
        self.rude += o.rude;
        self.please += o.please;
        self.you += o.you;
        self.so += o.so;
        self.questions += o.questions;
    }
}

/// The politeness score of a draft, from its findings and the strategy
/// words it counts (see [`Counts`]). Summed exactly, in hundredths: the
/// score does not depend on the order things were found in (`Incremental`
/// finds them chunk by chunk), and a draft whose strategies cancel out
/// scores exactly 0.
pub(crate) fn score(findings: &[Finding], words: &Counts) -> f32 {
    let mut s: i64 = 0;
    for f in findings {
        s += match f.cue {
            Cue::Gratitude => 110,
            Cue::Apology => 70,
            Cue::ApologyHollow => 10,
            Cue::PoliteRequest => 50,
            Cue::Empathy => 40,
            Cue::PositiveLanguage => 40,
            Cue::NameUsed => 30,
            Cue::Sarcasm => -100,
            Cue::Profanity => -150,
            Cue::Shouting => -80,
            Cue::Blame => -90,
            Cue::Demand => -50,
            Cue::Deflection => -50,
            Cue::NegativeLanguage => -10,
            _ => 0,
        };
    }
    s += 30 * words.hedges as i64;
    s -= 45 * words.rude as i64;
    // Sentence-initial "please" is a bare command in disguise (the paper's
    // strongest negative "please" effect): take back most of its credit.
    s -= 40 * words.please as i64;
    s -= 30 * words.you as i64;
    s -= 20 * words.so as i64;
    // A direct question with no softener is a demand for an answer.
    s -= 15 * words.questions as i64;
    s as f32 / 100.0
}
