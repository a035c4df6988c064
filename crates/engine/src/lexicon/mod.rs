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
//! indexed by its first word, or by its first two when the second (or, after
//! an optional one, the third) is a plain word too: scanning costs two lookups
//! per word however many phrases there are, and a pattern is read only when
//! its first words are there. A match never crosses a sentence boundary, quoted
//! customer text or a placeholder.

use crate::hash::FnvMap;

mod compile;

use crate::span::Span;
use crate::tokens::Token;
#[cfg(test)]
pub(crate) use compile::Compiled;
pub(crate) use compile::{alt_end, build, compile, heapsort, sizes, Built, Index};

/// A static holding the compiled index of the tables a mask keeps, sized by
/// [`sizes`]: `compiled_index! { NAME = TABLES, MASK }` (the tests' small
/// tables; the rules' own are built when the program runs, see [`build`]).
#[cfg(test)]
macro_rules! compiled_index {
    ($(#[$doc:meta])* $name:ident = $tables:expr, $keep:expr) => {
        $(#[$doc])*
        // Compiling every table at build time is a long evaluation, longer
        // still in a build with debug assertions (the fuzz build): it ends,
        // it is only big.
        #[allow(long_running_const_eval)]
        static $name: $crate::lexicon::Compiled<
            { $crate::lexicon::sizes($tables, &$keep).patterns },
            { $crate::lexicon::sizes($tables, &$keep).elems },
            { $crate::lexicon::sizes($tables, &$keep).alts },
            { $crate::lexicon::sizes($tables, &$keep).keys },
        > = $crate::lexicon::compile($tables, &$keep);
    };
}
/// Compiles the tables a mask keeps while the crate compiles, only to check
/// them (every assertion of [`compile`] fails the build, not the first
/// analysis), keeping nothing in the program: the program builds its index
/// when it runs ([`build`]). `checked_index! { TABLES, MASK }`.
macro_rules! checked_index {
    ($tables:expr, $keep:expr) => {
        // As long an evaluation as `compiled_index!`'s.
        #[allow(long_running_const_eval)]
        const _: () = {
            let _ = $crate::lexicon::compile::<
                { $crate::lexicon::sizes($tables, &$keep).patterns },
                { $crate::lexicon::sizes($tables, &$keep).elems },
                { $crate::lexicon::sizes($tables, &$keep).alts },
                { $crate::lexicon::sizes($tables, &$keep).keys },
            >($tables, &$keep);
        };
    };
}
pub(crate) use checked_index;
use compile::{Cand, Elem, KeyIds, OPTIONAL, PATTERN};

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

/// The hits of every table, in one list: table by table, each table's in
/// the order they were found (text order), with where each table's begin
/// and, per hit, the furthest end of it and the table's hits before it. A
/// scan allocates these three lists, however many tables have hits.
#[derive(Debug, Default)]
pub(crate) struct HitTables {
    list: Vec<Hit>,
    /// `list[starts[t]..starts[t + 1]]` are table `t`'s hits.
    starts: Vec<u32>,
    max_end: Vec<usize>,
}

impl HitTables {
    /// The hits of `tables` tables from (table, hit) pairs in the order
    /// found: each table's keep their order.
    pub(crate) fn from_found(tables: usize, found: &[(u16, Hit)]) -> HitTables {
        // A counting sort with no list of its own for where each table's
        // next hit goes: the counts are kept one place further on, so that
        // after their sums `starts[t + 1]` is where table `t` begins, and
        // placing a hit moves it on; once all are placed it is where the
        // table ends, the next one's start. The one place more is dropped.
        let mut starts = vec![0u32; tables + 2];
        for &(t, _) in found {
            if (t as usize) < tables {
                starts[t as usize + 2] += 1;
            }
        }
        for t in 0..tables {
            starts[t + 2] += starts[t + 1];
        }
        let mut list = vec![Hit { entry: 0, first: 0, last: 0, span: Span::new(0, 0) }; starts[tables + 1] as usize];
        for &(t, h) in found {
            if (t as usize) < tables {
                let at = &mut starts[t as usize + 1];
                list[*at as usize] = h;
                *at += 1;
            }
        }
        starts.truncate(tables + 1);
        let mut max_end = Vec::with_capacity(list.len());
        for t in 0..tables {
            let mut m = 0;
            for h in &list[starts[t] as usize..starts[t + 1] as usize] {
                m = h.span.end().max(m);
                max_end.push(m);
            }
        }
        HitTables { list, starts, max_end }
    }

    /// How many tables the hits are kept for.
    pub(crate) fn tables(&self) -> usize {
        self.starts.len().saturating_sub(1)
    }

    fn range(&self, table: usize) -> std::ops::Range<usize> {
        match (self.starts.get(table), self.starts.get(table + 1)) {
            (Some(&a), Some(&b)) => a as usize..b as usize,
            _ => 0..0,
        }
    }

    /// Table `table`'s hits, in text order (none for a table it does not keep).
    pub(crate) fn get(&self, table: usize) -> &[Hit] {
        &self.list[self.range(table)]
    }

    /// Per hit of table `table`, the furthest end of it and those before it.
    pub(crate) fn max_ends(&self, table: usize) -> &[usize] {
        &self.max_end[self.range(table)]
    }
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

pub(crate) struct Lexicon {
    /// The built-in tables, compiled with the crate.
    index: Index,
    tables: usize,
    /// A rule pack's phrases.
    extra: Trie,
    /// A rule pack's lexicon's own number (0: none), never given twice in
    /// a process: see [`Lexicon::identity`].
    extra_id: u64,
}

/// The numbers given to rule packs' lexicons.
static NEXT_EXTRA_ID: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

/// A rule pack's phrases (plain words only) as a trie over folded words:
/// matching from one word follows a single path, however many phrases the
/// pack has or how many share their first words.
struct Trie {
    /// Per node, the next node for each following word; node 0 is the root.
    children: Vec<FnvMap<Box<str>, u32>>,
    /// Per node, the (table, entry) of the phrases that end there.
    ends: Vec<Vec<(u16, u16)>>,
}

impl Trie {
    const EMPTY: Trie = Trie { children: Vec::new(), ends: Vec::new() };

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
    fn scan_from(&self, doc: &View, i: usize, out: &mut Vec<(u16, Hit)>) {
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
                out.push((table, Hit { entry, first: i as u32, last: j as u32, span }));
            }
            j += 1;
        }
    }
}

impl Lexicon {
    /// A lexicon with no phrases, for splitting text into words only.
    pub fn empty() -> &'static Lexicon {
        static EMPTY: Lexicon = Lexicon::compiled(Index::EMPTY, 0);
        &EMPTY
    }

    /// The lexicon of a compiled index, of `tables` tables in all.
    pub const fn compiled(index: Index, tables: usize) -> Lexicon {
        Lexicon { index, tables, extra: Trie::EMPTY, extra_id: 0 }
    }

    /// How many tables its hits are grouped in.
    pub fn tables(&self) -> usize {
        self.tables
    }

    /// Who this lexicon is: two lexicons with the same identity find the
    /// same hits in the same tokens. The compiled index is a static, known
    /// by its address; a rule pack's phrases by a number no other lexicon
    /// of this process was given (two packs with the same phrases have
    /// different identities: they only do not share what was kept).
    pub fn identity(&self) -> (usize, usize, u64) {
        (self.index.patterns.as_ptr() as usize, self.tables, self.extra_id)
    }

    /// A compiled index plus a rule pack's phrases: `extra` holds (table,
    /// entry, folded words), and `count` is how many tables there are in
    /// all, the pack's own included.
    pub fn with_extra(index: Index, count: usize, extra: &[(TableId, u16, Vec<String>)]) -> Lexicon {
        let mut lex = Lexicon::compiled(index, count.max(index.tables()));
        for (t, e, words) in extra {
            if !words.is_empty() {
                lex.extra.insert(t.0, *e, words);
            }
        }
        lex.extra_id = NEXT_EXTRA_ID.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        lex
    }

    /// How many patterns the lexicon holds (built-in tables only).
    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.index.patterns.len()
    }

    /// All hits in the document's own words, grouped by table, in text order.
    pub fn scan(&self, tokens: &[Token], folded: &str) -> HitTables {
        HitTables::from_found(self.tables, &self.scan_found(tokens, folded))
    }

    /// All hits in the document's own words, each with its table, in the
    /// order found (each table's in text order).
    // Out of line: inlined into the parse, its per-word loop kept its
    // values on the stack beside the parse's own (measured in session 32:
    // 0.7 k fewer instructions per reply, 49 k fewer on 10,143 words;
    // session 30 measured it the other way, before the scan's key bits).
    #[inline(never)]
    pub fn scan_found(&self, tokens: &[Token], folded: &str) -> Vec<(u16, Hit)> {
        let doc = &View { tokens, folded };
        let index = &self.index;
        // About one hit per two words in prose: sized once, not grown.
        let mut out: Vec<(u16, Hit)> = Vec::with_capacity(tokens.len() / 2);
        // A rule pack's phrases (some in the built-in tables) are looked
        // for at each word after the built-in ones, as far as `extra_from`.
        let has_extra = !self.extra.children.is_empty();
        let mut extra_from = 0;
        // Two passes over each 64 words: the first tells, with no branch
        // on the words, which of them key a pattern (a bit each), the
        // second tries those. Of the 10,250 tokens of the long benchmark
        // text, 5,842 lead a pattern keyed by two words and 2,205 are tried:
        // tested word by word, each of those tests was a branch no
        // predictor learns on text it has not seen (about one mispredicted
        // a word, session 37).
        let mut ids = [(KeyIds(0), KeyIds(0)); 64];
        for from in (0..tokens.len()).step_by(64) {
            let block = &tokens[from..tokens.len().min(from + 65)];
            let mut keyed = keyed_bits(index, block);
            // Where the candidates of every keyed word's two keys are,
            // looked up for all of them before any is tried: the loads of
            // each word's places and first candidates (a 128 KB and a
            // 271 KB table, read at random) no longer wait, one after the
            // other, on the branches of the words tried before it. About
            // 40 instructions more a keyed word (82 k on the long text),
            // but its scan about 12% fewer samples of the clock, divan's
            // fastest 510-518 -> 495-504 us there (session 47).
            let mut bits = keyed;
            let mut n = 0;
            while bits != 0 {
                let at = bits.trailing_zeros() as usize;
                bits &= bits - 1;
                let key = block[at].key;
                let next = block.get(at + 1).map_or(0, |t| t.key);
                ids[n] = (index.ids_of(compile::key(key)), index.ids_of(compile::pair_key(key, next)));
                n += 1;
            }
            let mut n = 0;
            while keyed != 0 {
                let i = from + keyed.trailing_zeros() as usize;
                keyed &= keyed - 1;
                let word_ids = ids[n];
                n += 1;
                if has_extra {
                    self.scan_extra(doc, extra_from..i, &mut out);
                    extra_from = i;
                }
                // Quoted text, placeholders and links are passed over here,
                // not in `keyed_bits` (a branch a keyed word, taken for few
                // of them, where the test was about 5 instructions a word).
                if tokens[i].is_agent() {
                    self.try_keys(doc, i, word_ids, &mut out);
                }
            }
        }
        if has_extra {
            self.scan_extra(doc, extra_from..tokens.len(), &mut out);
        }
        out
    }

    /// A rule pack's phrases at each of the agent's words `words`.
    fn scan_extra(&self, doc: &View, words: std::ops::Range<usize>, out: &mut Vec<(u16, Hit)>) {
        for i in words {
            if doc.tokens[i].is_agent() {
                self.extra.scan_from(doc, i, out);
            }
        }
    }

    /// Whether a pattern keyed at token `i` may read the token after it
    /// (there is one, of the same sentence and the agent's own).
    #[inline(always)]
    fn has_next(&self, tokens: &[Token], i: usize) -> bool {
        tokens.get(i + 1).is_some_and(|n| (n.sentence == tokens[i].sentence) & n.is_agent())
    }

    /// Tries the patterns keyed by token `i`: those of its one-word key,
    /// and those of its key with the next word's (`ones` and `pair_ids`,
    /// where their candidates are).
    fn try_keys(&self, doc: &View, i: usize, (ones, pair_ids): (KeyIds, KeyIds), out: &mut Vec<(u16, Hit)>) {
        let index = &self.index;
        let cands = index.cands;
        let has_next = self.has_next(doc.tokens, i);
        // The bits of the two words after the key's words, for each kind of
        // key (see `try_key`), read once for all the candidates.
        // (A number has the bit a required number asks for, beside its
        // word's: see `compile::NUMBER_NEXT`.)
        let bit = |t: usize| {
            doc.tokens.get(t).map_or(u32::MAX, |t| {
                compile::next_bit(t.key) | (compile::NUMBER_NEXT * u32::from(t.is(crate::tokens::flag::NUMBER)))
            }) as u64
        };
        let after1 = || bit(i + 1) | bit(i + 2) << 32;
        let after2 = || bit(i + 2) | bit(i + 3) << 32;
        // The key's words as its candidates' are compared (see `Head`),
        // made once for all of them when a first candidate passes the
        // test of the words after them (about two in five words that key
        // a pattern have none that does).
        let mut words = (None, None);
        // A word's one- and two-word keys may be alike: each gives only
        // the ids of its own kind (see `compile::try_rank`). The pair's
        // are none without a next word (masked, not a branch).
        let ones = ones.ones();
        let (opt2, pairs) = if has_next { (pair_ids.opt2(), pair_ids.pairs()) } else { (0..0, 0..0) };
        // Most words that key patterns key none past an optional word:
        // their one-word keys are tried in order, then their pairs, with
        // nothing to merge.
        if opt2.is_empty() {
            // Each kind's bits made only for a word that keys some of it.
            if !ones.is_empty() {
                let after = after1();
                for c in &cands[ones] {
                    self.try_key(doc, i, c, false, after, &mut words, out);
                }
            }
            // (Pairs only with a next word, see above.)
            if !pairs.is_empty() {
                let after = after2();
                for c in &cands[pairs] {
                    self.try_key(doc, i, c, true, after, &mut words, out);
                }
            }
            return;
        }
        let (after1, after2) = (after1(), after2());
        let (mut a, mut b, mut c) = (ones.start, opt2.start, pairs.start);
        // One call of `try_key` (inlined: it runs about 130 times
        // per 154-word reply, and its call cost a tenth of it) for
        // the three walks: `a` over the one-word keys and `b` over
        // the pair keys past an optional word, merged in pattern
        // order, then `c` over the other pair keys.
        let mut hit_at = None;
        loop {
            let (k, pair, skips) = if a < ones.end && (b >= opt2.end || cands[a].id & PATTERN < cands[b].id & PATTERN) {
                a += 1;
                (a - 1, false, false)
            } else if b < opt2.end {
                b += 1;
                (b - 1, true, true)
            } else if c < pairs.end {
                c += 1;
                (c - 1, true, false)
            } else {
                break;
            };
            // The optional word taken is tried first: a pattern
            // matched with it is not tried again without it.
            let c = &cands[k];
            let p = c.id & PATTERN;
            if skips && hit_at == Some(p) {
                continue;
            }
            let after = if pair { after2 } else { after1 };
            if self.try_key(doc, i, c, pair, after, &mut words, out) && skips {
                hit_at = Some(p);
            }
        }
    }

    /// Tries the pattern of candidate `c` at token `i` (`pair`: whether the key
    /// is of two words, the second then token `i + 1`; `after`: the
    /// [`compile::next_bit`]s of the two words after the key's words, in
    /// the low and high halves, all bits for a word past the last;
    /// `words`: tokens `i` and `i + 1` as [`View::padded`] makes them, once
    /// needed):
    /// pushes its hit if it matches, and says whether it did.
    #[inline(always)]
    #[allow(clippy::too_many_arguments)]
    fn try_key(
        &self,
        doc: &View,
        i: usize,
        c: &Cand,
        pair: bool,
        after: u64,
        words: &mut (Option<Padded>, Option<Padded>),
        out: &mut Vec<(u16, Hit)>,
    ) -> bool {
        let index = &self.index;
        // The two words after the key's words must be able to match the
        // elements after them: most candidates are passed over here, unread
        // (of 143 tried per 154-word reply, 64 pass the first test, 48 both).
        // Both tests in one branch, on the lesser half of the bits the
        // words share with the elements' (`ANY_NEXT` shares all; a word
        // past the last passes, to fail when the elements are read): two
        // branches, each went either way with the words.
        let shared = c.next & after;
        if (shared as u32).min((shared >> 32) as u32) == 0 {
            return false;
        }
        let pat = &index.patterns[(c.id & PATTERN) as usize];
        let text = || pat.text;
        // The key's words, compared with the very alternatives it was made
        // from (a pair's second word is one of its element's: no other of
        // them has its key).
        let head = &c.head;
        let first = *words.0.get_or_insert_with(|| doc.padded(i));
        let same = head_is(text, head.first_at, head.first, first, doc, i)
            & (!pair
                || head_is(
                    text,
                    head.second_at,
                    head.second,
                    *words.1.get_or_insert_with(|| doc.padded(i + 1)),
                    doc,
                    i + 1,
                ));
        if !same {
            return false;
        }
        // The elements after the key's words (after the first, or after
        // the one the key's second word is: the second, or the third when
        // the optional second is left out), from the word after them.
        let rest = &index.elems[c.rest.0 as usize..c.rest.1 as usize];
        let from = if pair { i + 2 } else { i + 1 };
        // A pattern whose key's words were all it had (most of those keyed
        // by two words) ends there, without a call to match nothing.
        let end = if rest.is_empty() {
            from
        } else {
            match match_elems(index, text(), doc, rest, from, doc.tokens[i].sentence) {
                Some(end) => end,
                None => return false,
            }
        };
        let last = end - 1;
        out.push((
            pat.table,
            Hit {
                entry: pat.entry,
                first: i as u32,
                last: last as u32,
                span: doc.tokens[i].span.cover(doc.tokens[last].span),
            },
        ));
        true
    }
}

/// Which of the first 64 of `tokens` key a pattern, a bit each (the 65th,
/// if there is one, only as the word after the 64th), with no branch on
/// the words. Out of line, so that its loop keeps its values in
/// registers, not on the scan's stack.
#[inline(never)]
fn keyed_bits(index: &Index, tokens: &[Token]) -> u64 {
    let n = tokens.len().min(64);
    // The words from the last to the first, each one's bit shifted in at
    // the bottom, and each one's key kept as the next word's of the one
    // before it (no shift by its place, no second load of its key).
    let mut next = tokens.get(64).map_or(0, |t| t.key);
    let mut keyed = 0u64;
    for t in tokens[..n].iter().rev() {
        // One lookup by the word's own key tells whether it keys a
        // pattern alone or leads one keyed by two; then the pair with the
        // next word, whether or not a pattern may read it (another
        // sentence, quoted text): `try_keys` asks, for the few words this
        // lets through (asked here, about 5 instructions a word).
        let leads = index.leads(compile::key(t.key));
        let pair = index.keyed(compile::pair_key(t.key, next));
        const _: () = assert!(compile::LEADS_ONE == 1 && compile::LEADS_PAIR == 2);
        keyed = keyed << 1 | ((leads | (leads >> 1 & pair)) & 1);
        next = t.key;
    }
    keyed
}

/// A word as [`compile::padded`] makes a key's, with its length.
type Padded = ([u64; 2], usize);

/// Per length up to sixteen, the bits of two numbers that hold that many
/// bytes (one lookup, where a shift by the length needed its own tests).
const KEEP_BYTES: [[u64; 2]; 17] = {
    let mut masks = [[0u64; 2]; 17];
    let mut n = 1;
    while n <= 16 {
        masks[n] = [
            if n >= 8 { u64::MAX } else { (1 << (8 * n)) - 1 },
            if n >= 16 {
                u64::MAX
            } else if n > 8 {
                (1 << (8 * (n - 8))) - 1
            } else {
                0
            },
        ];
        n += 1;
    }
    masks
};

/// Whether token `t`'s word (`word`, as [`View::padded`] made it) is the
/// word at bytes `at` of a pattern's `text`, made `padded`: by their
/// lengths and numbers, with no branch on the length (see `compile::Head`),
/// or by their bytes for a word over sixteen bytes long.
#[inline(always)]
fn head_is(
    text: impl Fn() -> &'static str,
    at: (u16, u16),
    padded: [u64; 2],
    word: Padded,
    doc: &View,
    t: usize,
) -> bool {
    let len = (at.1 - at.0) as usize;
    let bytes = || &text().as_bytes()[at.0 as usize..at.1 as usize];
    if len <= 16 {
        let same = (len == word.1) & (padded[0] == word.0[0]) & (padded[1] == word.0[1]);
        debug_assert_eq!(same, bytes() == doc.fold_bytes(t), "a word compared as numbers as by its bytes");
        same
    } else {
        crate::words::same(bytes(), doc.fold_bytes(t))
    }
}

/// The tokens a scan reads, with their folded forms.
struct View<'t> {
    tokens: &'t [Token],
    folded: &'t str,
}

impl View<'_> {
    #[inline(always)]
    fn fold(&self, i: usize) -> &str {
        self.tokens[i].folded(self.folded)
    }

    /// Token `i`'s folded form as bytes, for comparing with a pattern's
    /// words (see [`compile::Index::text`]).
    #[inline(always)]
    fn fold_bytes(&self, i: usize) -> &[u8] {
        self.tokens[i].folded_bytes(self.folded)
    }

    /// Token `t`'s folded word as [`compile::padded`] makes a key's (its
    /// first sixteen bytes, zero past its end), with its length. Read in
    /// two loads from the folded buffer when sixteen bytes are left in it
    /// from the word's start (all but the last words), masked to its
    /// length.
    #[inline(always)]
    fn padded(&self, t: usize) -> Padded {
        let word = self.fold_bytes(t);
        let all = self.folded.as_bytes();
        // The word's place in the buffer it is a slice of.
        let start = word.as_ptr() as usize - all.as_ptr() as usize;
        let padded = match all.get(start..start + 16) {
            Some(sixteen) => {
                let eight = |at: usize| u64::from_le_bytes(sixteen[at..at + 8].try_into().unwrap_or_default());
                let mask = KEEP_BYTES[word.len().min(16)];
                [eight(0) & mask[0], eight(8) & mask[1]]
            }
            None => compile::padded(word),
        };
        (padded, word.len())
    }
}

/// Matches `elems` of a pattern (of text `text`) from token `from`; returns
/// the index after the last token consumed. Optional elements are tried
/// greedily first: the rest is matched after the element, and if that
/// fails, without it. With no recursion: where to go on without each
/// optional element taken is kept, the latest tried first (the order a
/// recursion took), so that the loop keeps its values in registers (a call
/// for each optional element that fitted, and each call's copies of the
/// scan's values, were about 45 instructions).
fn match_elems(
    index: &Index,
    text: &'static str,
    doc: &View,
    elems: &[Elem],
    from: usize,
    sentence: u32,
) -> Option<usize> {
    // (Element, token) to go on from, without an optional element taken.
    let mut skips = [(0u32, 0u32); compile::MAX_OPTIONAL];
    let mut taken = 0;
    let (mut e, mut j) = (0, from);
    while let Some(&elem) = elems.get(e) {
        let fits = j < doc.tokens.len()
            && doc.tokens[j].sentence == sentence
            && doc.tokens[j].is_agent()
            && elem_matches(index, text, elem, doc, j);
        if fits {
            if elem.kind & OPTIONAL != 0 {
                skips[taken] = (e as u32 + 1, j as u32);
                taken += 1;
            }
            (e, j) = (e + 1, j + 1);
        } else if elem.kind & OPTIONAL != 0 {
            e += 1;
        } else if taken > 0 {
            taken -= 1;
            (e, j) = (skips[taken].0 as usize, skips[taken].1 as usize);
        } else {
            return None;
        }
    }
    Some(j)
}

// Always inlined: it is called for most elements a scan reads (about 140
// times per 154-word reply), and the call cost more than its body (1.5%
// of an analysis).
#[inline(always)]
fn elem_matches(index: &Index, text: &'static str, elem: Elem, doc: &View, j: usize) -> bool {
    // Most words that cannot match a word or alternatives are told by their
    // key, without reading them.
    if elem.tags & compile::tag_bit(doc.tokens[j].key) == 0 {
        return false;
    }
    let w = doc.fold_bytes(j);
    match elem.kind & !OPTIONAL {
        compile::WORD => crate::words::same(index.text(text, elem), w),
        compile::ALT => index.is_alt(text, elem, w, doc.tokens[j].key),
        compile::PREFIX => w.starts_with(index.text(text, elem)),
        compile::NUMBER => doc.tokens[j].is(crate::tokens::flag::NUMBER),
        _ => true,
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// The words of a pattern that are not written folded.
    pub(crate) fn unfolded_words(pat: &str) -> Vec<&str> {
        pat.split(|c: char| c.is_whitespace() || c == '|')
            .map(|w| w.trim_end_matches(['?', '*']))
            .filter(|w| crate::fold::fold(w) != *w)
            .collect()
    }

    /// A lexicon of the one table `$table` (a `const`), compiled as the
    /// built-in ones are.
    macro_rules! one_table_lexicon {
        ($table:expr) => {{
            static TS: &[&[Phrase]] = &[$table];
            const K: [bool; 1] = [true];
            compiled_index! { C = TS, K }
            Lexicon::compiled(C.index(), 1)
        }};
    }

    /// The entries and texts of `lexicon`'s hits in `text`, in its order.
    fn hits_in<'t>(lexicon: &Lexicon, text: &'t str) -> Vec<(u16, &'t str)> {
        let doc = crate::tokens::Tokens::of(text);
        let hits = lexicon.scan(&doc.tokens, &doc.folded);
        hits.get(0).iter().map(|h| (h.entry, &text[h.span.start()..h.span.end()])).collect()
    }

    const TABLE: &[Phrase] = &[p("i'm|we're so|really? sorry"), p("sorry"), p("thanks|thank _ #? for*")];
    const KEEP: [bool; 1] = [true];
    const SIZES: compile::Sizes = compile::sizes(&[TABLE], &KEEP);
    static COMPILED: compile::Compiled<{ SIZES.patterns }, { SIZES.elems }, { SIZES.alts }, { SIZES.keys }> =
        compile::compile(&[TABLE], &KEEP);

    #[test]
    fn patterns_with_optionals_and_alternatives() {
        // "i'm|we're so|really? sorry" is keyed by its first word and either
        // "so", "really" or "sorry" (six keys).
        assert_eq!((SIZES.patterns, SIZES.elems, SIZES.alts, SIZES.keys), (3, 8, 6, 9));
        let index = COMPILED.index();
        let first = index.elems(0);
        assert_eq!(first.len(), 3);
        assert_eq!((first[0].kind, index.alts(0, first[0])), (compile::ALT, vec!["i'm", "we're"]));
        assert_eq!((first[1].kind, index.alts(0, first[1])), (compile::ALT | OPTIONAL, vec!["so", "really"]));
        assert_eq!((first[2].kind, index.text(index.pattern_text(0), first[2])), (compile::WORD, &b"sorry"[..]));
        let kinds: Vec<u8> = index.elems(2).iter().map(|e| e.kind).collect();
        assert_eq!(kinds, [compile::ALT, compile::ANY, compile::NUMBER | OPTIONAL, compile::PREFIX]);
        assert_eq!(index.text(index.pattern_text(2), index.elems(2)[3]), b"for");
        assert_eq!(unfolded_words("i'm|We\u{2019}re so? caf\u{e9}*"), ["We\u{2019}re", "caf\u{e9}"]);
    }

    /// Hits kept table by table: each table's in the order found, with the
    /// furthest end so far; a table out of range is left out.
    #[test]
    fn hit_tables_keep_each_tables_hits_in_order_found() {
        let hit = |first: u32, start: usize, end: usize| Hit {
            entry: first as u16,
            first,
            last: first,
            span: Span::new(start, end),
        };
        let found = [(2, hit(0, 0, 9)), (0, hit(1, 2, 4)), (2, hit(2, 3, 5)), (7, hit(3, 0, 1)), (0, hit(4, 6, 8))];
        let t = HitTables::from_found(3, &found);
        assert_eq!(t.tables(), 3);
        let firsts = |k: usize| t.get(k).iter().map(|h| h.first).collect::<Vec<_>>();
        assert_eq!((firsts(0), firsts(1), firsts(2)), (vec![1, 4], vec![], vec![0, 2]));
        assert_eq!((t.max_ends(0), t.max_ends(2)), (&[4, 8][..], &[9, 9][..]));
        assert!(t.get(3).is_empty() && t.max_ends(3).is_empty());
        assert_eq!(HitTables::default().tables(), 0);
    }

    /// Words whose one-word key equals their two-word key with the next
    /// word (the reviewer found "I really worry", "I'm frustrated that").
    #[test]
    fn a_word_whose_one_and_two_word_keys_collide_is_matched_once() {
        use compile::{key, pair_key, word_key};
        let h = word_key(b"really");
        let next = (0..1_000_000)
            .map(|n| format!("w{n}"))
            .find(|w| pair_key(h, word_key(w.as_bytes())) == key(h))
            .expect("a colliding word");
        const T: &[Phrase] = &[p("really"), p("really worry")];
        let lexicon = one_table_lexicon!(T);
        assert_eq!(hits_in(&lexicon, &format!("I really {next}.")), [(0, "really")]);
    }

    /// A pattern whose second word is optional is keyed by its first word
    /// and the next, but matches as one keyed by its first word alone:
    /// greedily (the optional word taken if the rest then matches), once
    /// per place, and in pattern order among the patterns keyed by one word
    /// (before those keyed by two required words: "so very").
    #[test]
    fn an_optional_second_word_is_taken_greedily_once_and_in_pattern_order() {
        const T: &[Phrase] = &[p("so very? very glad"), p("so"), p("so very"), p("so very? very")];
        let lexicon = one_table_lexicon!(T);
        let found = |text: &'static str| hits_in(&lexicon, text);
        assert_eq!(
            found("so very very glad"),
            [(0, "so very very glad"), (1, "so"), (3, "so very very"), (2, "so very")]
        );
        assert_eq!(found("so very glad"), [(0, "so very glad"), (1, "so"), (3, "so very"), (2, "so very")]);
        assert_eq!(found("so glad"), [(1, "so")]);
        assert_eq!(found("so very. Glad"), [(1, "so"), (3, "so very"), (2, "so very")]);
    }

    /// The words after a key's may open with optional ones: the scan's
    /// test of the two words after the key's (see `compile::next_bits`)
    /// lets through a match that reads any of them first, or the required
    /// word after them, and passes over one whose required words are not
    /// there.
    #[test]
    fn optional_words_after_the_key_are_matched_taken_or_left() {
        const T: &[Phrase] = &[p("thank you so? very? much for")];
        let lexicon = one_table_lexicon!(T);
        let found = |text: &'static str| hits_in(&lexicon, text).into_iter().map(|(_, hit)| hit).collect::<Vec<_>>();
        assert_eq!(found("thank you much for it"), ["thank you much for"]);
        assert_eq!(found("thank you so much for it"), ["thank you so much for"]);
        assert_eq!(found("thank you very much for it"), ["thank you very much for"]);
        assert_eq!(found("thank you so very much for it"), ["thank you so very much for"]);
        assert_eq!(found("thank you so very kindly for it"), Vec::<&str>::new());
    }

    /// A pair's second word is compared with the alternative its key was
    /// made from, not with every alternative of its element: the same
    /// unless two of them share a pair key, which then holds the pattern
    /// twice (a word listed twice, as "why ... would ... would", is tried
    /// twice either way). No two different words of the tables do.
    #[test]
    fn a_pairs_key_holds_its_pattern_once_per_second_word() {
        for index in [crate::rules::draft_lexicon().index, crate::rules::message_lexicon().index] {
            for key in 0..=u16::MAX {
                let ids = index.ids_of(key);
                let pairs = ids.ones().end..ids.pairs().end;
                for x in pairs.clone() {
                    for y in x + 1..pairs.end {
                        let (cx, cy) = (index.cands[x], index.cands[y]);
                        let (hx, hy) = (cx.head, cy.head);
                        if cx.id == cy.id && hx.first_at == hy.first_at {
                            let text = index.pattern_text((cx.id & PATTERN) as usize).as_bytes();
                            let word = |at: (u16, u16)| &text[at.0 as usize..at.1 as usize];
                            assert_eq!(word(hx.second_at), word(hy.second_at), "{}", String::from_utf8_lossy(text));
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn a_scan_finds_each_pattern_by_its_first_words() {
        let lexicon = Lexicon::compiled(COMPILED.index(), 1);
        let text = "I'm so sorry. Thank you 2 for it! We\u{2019}re sorry";
        let doc = crate::tokens::Tokens::of(text);
        let hits = lexicon.scan(&doc.tokens, &doc.folded);
        let found: Vec<(u16, &str)> =
            hits.get(0).iter().map(|h| (h.entry, &text[h.span.start()..h.span.end()])).collect();
        assert_eq!(
            found,
            [(0, "I'm so sorry"), (1, "sorry"), (2, "Thank you 2 for"), (0, "We\u{2019}re sorry"), (1, "sorry")]
        );
    }
}
