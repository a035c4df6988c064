//! Phrase tables and the one matcher that runs them all in a single pass.
//!
//! A phrase is a short pattern over folded words, written in a rule's file as
//! a `const` table: `"i'm|i|we're so|really? sorry"`. Elements are separated
//! by spaces:
//! - `word`: that word, written folded (lower case, straight apostrophes, no
//!   accents) and matched against the text's folded words, so case, accents
//!   and curly apostrophes in a draft are ignored;
//! - `a|b|c`: any one of them;
//! - `word*`: any word starting with `word`;
//! - `#`: a number; `_`: any one word;
//! - a trailing `?` makes the element optional.
//!
//! The first element must be a plain word or alternatives, so every pattern is
//! indexed by its first word: scanning costs one hash lookup per word however
//! many phrases there are. A match never crosses a sentence boundary, quoted
//! customer text or a placeholder.

use std::sync::OnceLock;

#[cfg(test)]
use crate::fold::fold;
use crate::hash::FnvMap;
use crate::span::Span;
use crate::tokens::Token;

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

/// A phrase table's id: the lexicon matches tables by id and does not know
/// which rule owns one (the rules register their tables, see `rules::T`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) struct TableId(pub(crate) u16);

impl TableId {
    pub(crate) fn index(self) -> usize {
        self.0 as usize
    }
}

/// One element of a pattern. Its words are slices of the `'static` pattern
/// text, which is written folded (checked when the lexicon is built in tests),
/// so building the lexicon neither folds nor allocates a word.
#[derive(Debug)]
enum Elem {
    Word(&'static str),
    /// Alternatives as written, `a|b|c`.
    Alt(&'static str),
    Prefix(&'static str),
    Number,
    Any,
}

#[derive(Debug)]
struct Pattern {
    table: u16,
    entry: u16,
    /// This pattern's elements in `Lexicon::elems`.
    elems: (u32, u32),
}

/// Patterns that start with one word, split by their second word so that a
/// common first word ("we", "i") does not try every pattern it starts.
#[derive(Default)]
struct Node {
    /// Patterns whose second element is optional, a wildcard or absent.
    any: Vec<u32>,
    by_second: FnvMap<&'static str, Vec<u32>>,
}

pub(crate) struct Lexicon {
    patterns: Vec<Pattern>,
    /// Every pattern's elements, one after another, with whether each is optional.
    elems: Vec<(Elem, bool)>,
    by_first: FnvMap<&'static str, Node>,
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
    fn scan_from(&self, doc: &View, i: usize, out: &mut [Vec<Hit>]) {
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
    /// A lexicon with no phrases, for splitting text into words only.
    pub fn empty() -> &'static Lexicon {
        static EMPTY: OnceLock<Lexicon> = OnceLock::new();
        EMPTY.get_or_init(|| Lexicon::build(&[], |_| true, 0, &[]))
    }

    /// A lexicon of the tables `keep` accepts, indexed as in `tables`, plus
    /// a rule pack's phrases: `extra` holds (table, entry, folded words), and
    /// `count` is how many tables there are in all, the pack's own included.
    pub fn build(
        tables: &[&[Phrase]],
        keep: impl Fn(TableId) -> bool,
        count: usize,
        extra: &[(TableId, u16, Vec<String>)],
    ) -> Lexicon {
        let mut lex = Lexicon {
            patterns: Vec::new(),
            elems: Vec::new(),
            by_first: FnvMap::default(),
            tables: count.max(tables.len()),
            extra: Trie::default(),
        };
        for (t, table) in tables.iter().enumerate().filter(|(t, _)| keep(TableId(*t as u16))) {
            for (e, phrase) in table.iter().enumerate() {
                lex.add(t as u16, e as u16, phrase.pat);
            }
        }
        for (t, e, words) in extra {
            if !words.is_empty() {
                lex.extra.insert(t.0, *e, words);
            }
        }
        lex
    }

    /// How many patterns the lexicon holds (built-in tables only).
    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.patterns.len()
    }

    fn add(&mut self, table: u16, entry: u16, source: &'static str) {
        let id = self.patterns.len() as u32;
        let start = self.elems.len();
        parse_pattern(source, &mut self.elems);
        let elems = &self.elems[start..];
        let first = match elems[0] {
            (Elem::Word(w) | Elem::Alt(w), false) => w,
            _ => panic!("phrase {source:?}: the first element must be a required word"),
        };
        let second = match elems.get(1) {
            Some(&(Elem::Word(w) | Elem::Alt(w), false)) => Some(w),
            _ => None,
        };
        for f in first.split('|') {
            let node = self.by_first.entry(f).or_default();
            match second {
                Some(ws) => {
                    for w in ws.split('|') {
                        node.by_second.entry(w).or_default().push(id);
                    }
                }
                None => node.any.push(id),
            }
        }
        self.patterns.push(Pattern { table, entry, elems: (start as u32, self.elems.len() as u32) });
    }

    /// All hits in the document's own words, grouped by table, in text order.
    pub fn scan(&self, tokens: &[Token], folded: &str) -> Vec<Vec<Hit>> {
        let doc = &View { tokens, folded };
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
                let elems = &self.elems[pat.elems.0 as usize + 1..pat.elems.1 as usize];
                if let Some(next) = match_elems(doc, elems, i + 1, doc.tokens[i].sentence) {
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

/// The tokens a scan reads, with their folded forms.
struct View<'t> {
    tokens: &'t [Token],
    folded: &'t str,
}

impl View<'_> {
    fn fold(&self, i: usize) -> &str {
        self.tokens[i].folded(self.folded)
    }
}

/// Matches `elems` from token `j`; returns the index after the last token
/// consumed. Optional elements are tried greedily first.
fn match_elems(doc: &View, elems: &[(Elem, bool)], j: usize, sentence: u32) -> Option<usize> {
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

fn elem_matches(elem: &Elem, doc: &View, j: usize) -> bool {
    let w = doc.fold(j);
    match elem {
        Elem::Word(x) => *x == w,
        Elem::Alt(xs) => xs.split('|').any(|x| x == w),
        Elem::Prefix(x) => w.starts_with(x),
        Elem::Number => doc.tokens[j].is(crate::tokens::flag::NUMBER),
        Elem::Any => true,
    }
}

/// Appends the elements of `pat` to `out`. The pattern is written folded
/// (lower case, straight apostrophes, no accents), so its words are used as
/// they are; a test checks every built-in table.
fn parse_pattern(pat: &'static str, out: &mut Vec<(Elem, bool)>) {
    let before = out.len();
    for raw in pat.split_whitespace() {
        let (raw, optional) = match raw.strip_suffix('?') {
            Some(r) => (r, true),
            None => (raw, false),
        };
        let elem = if raw == "#" {
            Elem::Number
        } else if raw == "_" {
            Elem::Any
        } else if raw.contains('|') {
            Elem::Alt(raw)
        } else if let Some(prefix) = raw.strip_suffix('*') {
            Elem::Prefix(prefix)
        } else {
            Elem::Word(raw)
        };
        out.push((elem, optional));
    }
    assert!(out.len() > before, "empty phrase pattern");
}

/// The words of a pattern that are not written folded.
#[cfg(test)]
pub(crate) fn unfolded_words(pat: &str) -> Vec<&str> {
    pat.split(|c: char| c.is_whitespace() || c == '|')
        .map(|w| w.trim_end_matches(['?', '*']))
        .filter(|w| fold(w) != *w)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn patterns_with_optionals_and_alternatives() {
        let mut elems = Vec::new();
        parse_pattern("i'm|we're so|really? sorry", &mut elems);
        assert_eq!(elems.len(), 3);
        assert!(elems[1].1);
        assert!(matches!(elems[0].0, Elem::Alt("i'm|we're")));
        assert_eq!(unfolded_words("i'm|We’re so? café*"), ["We’re", "café"]);
    }
}
