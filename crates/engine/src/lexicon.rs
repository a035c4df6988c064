//! Phrase tables and the one matcher that runs them all in a single pass.
//!
//! A phrase is a short pattern over folded words, written in a rule's file as
//! a `const` table: `"i'm|i|we're so|really? sorry"`. Elements are separated
//! by spaces:
//! - `word`: that word (folded: case, accents and curly apostrophes ignored);
//! - `a|b|c`: any one of them;
//! - `word*`: any word starting with `word`;
//! - `#`: a number; `_`: any one word;
//! - a trailing `?` makes the element optional.
//!
//! The first element must be a plain word or alternatives, so every pattern is
//! indexed by its first word: scanning costs one hash lookup per word however
//! many phrases there are. A match never crosses a sentence boundary, quoted
//! customer text or a placeholder.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

use crate::document::Document;
use crate::fold::fold;
use crate::span::Span;

/// One entry of a phrase table.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Phrase {
    pub pat: &'static str,
    /// Why it matters, shown instead of the cue's default message; may be empty.
    pub note: &'static str,
    /// Better phrasings that can replace the matched words.
    pub better: &'static [&'static str],
}

/// A phrase that only needs its pattern.
pub(crate) const fn p(pat: &'static str) -> Phrase {
    Phrase { pat, note: "", better: &[] }
}

/// A phrase with better phrasings.
pub(crate) const fn pb(pat: &'static str, better: &'static [&'static str]) -> Phrase {
    Phrase { pat, note: "", better }
}

/// A phrase with its own message and better phrasings.
pub(crate) const fn pn(pat: &'static str, note: &'static str, better: &'static [&'static str]) -> Phrase {
    Phrase { pat, note, better }
}

/// A match of one table entry: tokens `first..=last`.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Hit {
    pub entry: u16,
    pub first: u32,
    pub last: u32,
    pub span: Span,
}

/// What a phrase a team added in a rule pack carries: nothing of its own.
const TEAM_PHRASE: Phrase = p("");

impl Hit {
    /// The table entry that matched; a team's own phrase (an entry past the
    /// built-in table) carries no note or better phrasing.
    pub fn phrase(&self, table: crate::rules::T) -> &'static Phrase {
        crate::rules::TABLES[table as usize].get(self.entry as usize).unwrap_or(&TEAM_PHRASE)
    }
}

#[derive(Debug)]
enum Elem {
    Word(Box<str>),
    Alt(Box<[Box<str>]>),
    Prefix(Box<str>),
    Number,
    Any,
}

#[derive(Debug)]
struct Pattern {
    table: u16,
    entry: u16,
    elems: Box<[(Elem, bool)]>,
}

/// FNV-1a: short keys, no need for DoS resistance, much faster than SipHash.
#[derive(Default)]
pub(crate) struct Fnv(u64);

impl Hasher for Fnv {
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 { 0xcbf29ce484222325 } else { self.0 };
        for &b in bytes {
            h ^= b as u64;
            h = h.wrapping_mul(0x100000001b3);
        }
        self.0 = h;
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

pub(crate) type FnvMap<K, V> = HashMap<K, V, BuildHasherDefault<Fnv>>;

/// Patterns that start with one word, split by their second word so that a
/// common first word ("we", "i") does not try every pattern it starts.
#[derive(Default)]
struct Node {
    /// Patterns whose second element is optional, a wildcard or absent.
    any: Vec<u32>,
    by_second: FnvMap<Box<str>, Vec<u32>>,
}

pub(crate) struct Lexicon {
    patterns: Vec<Pattern>,
    by_first: FnvMap<Box<str>, Node>,
    tables: usize,
    /// A rule pack's phrases.
    extra: Trie,
}

/// A rule pack's phrases (plain words only) as a trie over folded words:
/// matching from one word follows a single path, however many phrases the
/// pack has or how many share their first words.
#[derive(Default)]
struct Trie {
    /// Per node, the next node for each following word; node 0 is the root.
    children: Vec<FnvMap<Box<str>, u32>>,
    /// Per node, the (table, entry) of the phrases that end there.
    ends: Vec<Vec<(u16, u16)>>,
}

impl Trie {
    fn insert(&mut self, table: u16, entry: u16, words: &[String]) {
        if self.children.is_empty() {
            self.children.push(FnvMap::default());
            self.ends.push(Vec::new());
        }
        let mut node = 0;
        for w in words {
            node = match self.children[node].get(w.as_str()) {
                Some(&next) => next as usize,
                None => {
                    let next = self.children.len();
                    self.children.push(FnvMap::default());
                    self.ends.push(Vec::new());
                    self.children[node].insert(w.as_str().into(), next as u32);
                    next
                }
            };
        }
        if !self.ends[node].iter().any(|&(t, _)| t == table) {
            self.ends[node].push((table, entry));
        }
    }

    /// Every phrase that starts at token `i`, pushed to its table.
    fn scan_from(&self, doc: &Document, i: usize, out: &mut [Vec<Hit>]) {
        if self.children.is_empty() {
            return;
        }
        let sentence = doc.tokens[i].sentence;
        let mut node = 0;
        let mut j = i;
        while j < doc.tokens.len() && doc.tokens[j].sentence == sentence && doc.tokens[j].is_agent() {
            let Some(&next) = self.children[node].get(doc.fold(j)) else {
                break;
            };
            node = next as usize;
            for &(table, entry) in &self.ends[node] {
                let span = doc.tokens[i].span.cover(doc.tokens[j].span);
                out[table as usize].push(Hit { entry, first: i as u32, last: j as u32, span });
            }
            j += 1;
        }
    }
}

impl Lexicon {
    /// The lexicon of every rule's tables for the draft, built on first use.
    pub fn global() -> &'static Lexicon {
        static LEXICON: OnceLock<Lexicon> = OnceLock::new();
        LEXICON.get_or_init(|| Lexicon::build_only(crate::rules::TABLES, |t| !crate::rules::is_message_table(t)))
    }

    /// The lexicon of the tables rules read in the customer's message (its
    /// hits keep the tables' own indexes), built on first use.
    pub fn message() -> &'static Lexicon {
        static LEXICON: OnceLock<Lexicon> = OnceLock::new();
        LEXICON.get_or_init(|| Lexicon::build_only(crate::rules::TABLES, crate::rules::is_message_table))
    }

    /// A lexicon with no phrases, for splitting text into words only.
    pub fn empty() -> &'static Lexicon {
        static EMPTY: OnceLock<Lexicon> = OnceLock::new();
        EMPTY.get_or_init(|| Lexicon::build(&[]))
    }

    fn build(tables: &[&[Phrase]]) -> Lexicon {
        Lexicon::build_only(tables, |_| true)
    }

    /// A lexicon of the tables `keep` accepts, indexed as in `tables`.
    fn build_only(tables: &[&[Phrase]], keep: impl Fn(usize) -> bool) -> Lexicon {
        let mut lex =
            Lexicon { patterns: Vec::new(), by_first: FnvMap::default(), tables: tables.len(), extra: Trie::default() };
        for (t, table) in tables.iter().enumerate().filter(|(t, _)| keep(*t)) {
            for (e, phrase) in table.iter().enumerate() {
                lex.add(t as u16, e as u16, parse_pattern(phrase.pat), phrase.pat);
            }
        }
        lex
    }

    /// The built-in tables plus a rule pack's phrases: `extra` holds
    /// (table, entry, folded words); `tables` counts the pack's own tables too.
    pub fn with_extra(tables: usize, extra: &[(u16, u16, Vec<String>)]) -> Lexicon {
        let mut lex = Lexicon::build_only(crate::rules::TABLES, |t| !crate::rules::is_message_table(t));
        lex.tables = lex.tables.max(tables);
        for (t, e, words) in extra {
            if !words.is_empty() {
                lex.extra.insert(*t, *e, words);
            }
        }
        lex
    }

    fn add(&mut self, table: u16, entry: u16, elems: Box<[(Elem, bool)]>, source: &str) {
        let id = self.patterns.len() as u32;
        let firsts: Vec<Box<str>> = match &elems[0] {
            (Elem::Word(w), false) => vec![w.clone()],
            (Elem::Alt(ws), false) => ws.to_vec(),
            _ => panic!("phrase {source:?}: the first element must be a required word"),
        };
        let seconds: Option<Vec<Box<str>>> = match elems.get(1) {
            Some((Elem::Word(w), false)) => Some(vec![w.clone()]),
            Some((Elem::Alt(ws), false)) => Some(ws.to_vec()),
            _ => None,
        };
        for f in firsts {
            let node = self.by_first.entry(f).or_default();
            match &seconds {
                Some(ws) => {
                    for w in ws {
                        node.by_second.entry(w.clone()).or_default().push(id);
                    }
                }
                None => node.any.push(id),
            }
        }
        self.patterns.push(Pattern { table, entry, elems });
    }

    /// All hits in the document's own words, grouped by table, in text order.
    pub fn scan(&self, doc: &Document) -> Vec<Vec<Hit>> {
        let mut out: Vec<Vec<Hit>> = (0..self.tables).map(|_| Vec::new()).collect();
        for i in 0..doc.tokens.len() {
            if !doc.tokens[i].is_agent() {
                continue;
            }
            let Some(node) = self.by_first.get(doc.fold(i)) else {
                self.extra.scan_from(doc, i, &mut out);
                continue;
            };
            let next_usable = i + 1 < doc.tokens.len()
                && doc.tokens[i + 1].sentence == doc.tokens[i].sentence
                && doc.tokens[i + 1].is_agent();
            let paired = if next_usable { node.by_second.get(doc.fold(i + 1)) } else { None };
            for &id in node.any.iter().chain(paired.into_iter().flatten()) {
                let pat = &self.patterns[id as usize];
                if let Some(next) = match_elems(doc, &pat.elems[1..], i + 1, doc.tokens[i].sentence) {
                    let last = next - 1;
                    out[pat.table as usize].push(Hit {
                        entry: pat.entry,
                        first: i as u32,
                        last: last as u32,
                        span: doc.tokens[i].span.cover(doc.tokens[last].span),
                    });
                }
            }
            self.extra.scan_from(doc, i, &mut out);
        }
        out
    }
}

/// Matches `elems` from token `j`; returns the index after the last token
/// consumed. Optional elements are tried greedily first.
fn match_elems(doc: &Document, elems: &[(Elem, bool)], j: usize, sentence: u32) -> Option<usize> {
    let Some(((elem, optional), rest)) = elems.split_first() else {
        return Some(j);
    };
    let usable = j < doc.tokens.len() && doc.tokens[j].sentence == sentence && doc.tokens[j].is_agent();
    if usable && elem_matches(elem, doc, j) {
        if let Some(end) = match_elems(doc, rest, j + 1, sentence) {
            return Some(end);
        }
    }
    if *optional {
        return match_elems(doc, rest, j, sentence);
    }
    None
}

fn elem_matches(elem: &Elem, doc: &Document, j: usize) -> bool {
    let w = doc.fold(j);
    match elem {
        Elem::Word(x) => **x == *w,
        Elem::Alt(xs) => xs.iter().any(|x| **x == *w),
        Elem::Prefix(x) => w.starts_with(&**x),
        Elem::Number => doc.tokens[j].is(crate::document::flag::NUMBER),
        Elem::Any => true,
    }
}

fn parse_pattern(pat: &str) -> Box<[(Elem, bool)]> {
    let elems: Vec<(Elem, bool)> = pat
        .split_whitespace()
        .map(|raw| {
            let (raw, optional) = match raw.strip_suffix('?') {
                Some(r) => (r, true),
                None => (raw, false),
            };
            let elem = if raw == "#" {
                Elem::Number
            } else if raw == "_" {
                Elem::Any
            } else if raw.contains('|') {
                Elem::Alt(raw.split('|').map(|w| fold(w).into_boxed_str()).collect())
            } else if let Some(prefix) = raw.strip_suffix('*') {
                Elem::Prefix(fold(prefix).into_boxed_str())
            } else {
                Elem::Word(fold(raw).into_boxed_str())
            };
            (elem, optional)
        })
        .collect();
    assert!(!elems.is_empty(), "empty phrase pattern");
    elems.into_boxed_slice()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_table_entry_compiles_with_a_word_first() {
        let total: usize = crate::rules::TABLES.iter().map(|t| t.len()).sum();
        assert_eq!(Lexicon::global().patterns.len() + Lexicon::message().patterns.len(), total);
    }

    #[test]
    fn patterns_with_optionals_and_alternatives() {
        let elems = parse_pattern("i'm|we're so|really? sorry");
        assert_eq!(elems.len(), 3);
        assert!(elems[1].1);
    }
}
