//! The built-in phrase tables, compiled into their index by `const fn`s:
//! while the crate compiles, to check every pattern (a bad one fails the
//! build), and once more when the program first uses a lexicon ([`build`]),
//! to keep the index's arrays out of the WebAssembly module (they were
//! about 45 KB of its gzip). That first use pays for the build once (about
//! 5 M instructions natively for the draft's tables, a few milliseconds in
//! the browser); later analyses cost what they did.
//!
//! The index is a few flat arrays (about 480 KB for the draft's patterns,
//! most of them the candidates and the keys' places, and 220 KB for the
//! message's):
//! - `patterns`: per pattern its table, entry and first element (its text is
//!   the table entry's, read through the index's one reference to the tables);
//! - `elems`: every pattern's elements, each a kind and a byte range of the
//!   pattern's own text (which is written folded, so it is compared as it
//!   is), or for `a|b|c` a range of `alts`, the alternatives' byte ranges
//!   (and of `alt_keys`, their word keys: a word is compared only with the
//!   alternatives of its own key);
//! - `cands`: for every first word a pattern can start with (and, when
//!   its second element is a required word, every first and second word;
//!   when its second is an optional word and its third a required one,
//!   every first word with each of those), a 16-bit key of the word(s)
//!   (from the words' keys, which tokens carry) beside the pattern it leads
//!   to, sorted by key, then by kind (one-word keys, pairs past an optional
//!   word, other pairs) and by pattern order (the keys themselves are not
//!   kept), each with what a scan reads of it (see [`Cand`]): the words
//!   the key was made from (its first element, or the alternative of it,
//!   and a pair's second) as bytes of its pattern's text and as numbers
//!   to compare; 32 bits of the words the element after the key's words,
//!   and 32 of those the one after that, can match, so that most patterns
//!   tried are passed over without reading them; and the elements after
//!   the key's words (64 bytes a key, a cache line: 271 KB for the draft's
//!   4,233 keys, 68 KB for the message's 1,056). A key's first candidate
//!   also says where its candidates of each kind are, and `places` where
//!   a key's candidates begin (one number per 16-bit key, 128 KB). A scan finds a word's
//!   patterns with no walk and no branch, and confirms each key by
//!   comparing its one or two words, so keys that collide only cost a
//!   comparison;
//! - `leads`: two bits per 16-bit key of one word (16 KB): whether it keys
//!   a pattern alone, and whether it leads a pattern keyed by two words, so
//!   that most words, which do neither, are passed over by one lookup;
//! - `keyed`: a bit per 16-bit key (8 KB), so most pairs of words, which
//!   key no pattern, are passed over without looking for their ids.

use super::Phrase;
pub(super) use crate::hash::word_key;

/// The top bits of a key that choose its bucket, and how many buckets.
const BUCKET_BITS: u32 = 10;
const BUCKETS: usize = 1 << BUCKET_BITS;

/// How many `u64`s two bits per 16-bit key of one word fill (see
/// [`Index::leads`]): 131,072 bits, 16 KB.
const LEAD_WORDS: usize = 1 << (16 - 5);

/// A word's bit among its two in `leads`: it keys a pattern alone.
pub(super) const LEADS_ONE: u64 = 1;
/// A word's bit among its two in `leads`: it leads a pattern keyed by two
/// words (then the pair's own key, in `keyed`, tells).
pub(super) const LEADS_PAIR: u64 = 2;

/// How many `u64`s a bit per 16-bit key fills (see [`Index::keyed`]):
/// 65,536 bits, 8 KB.
const KEY_WORDS: usize = 1 << (16 - 6);

/// How many 16-bit keys there are: where a key's candidates begin is looked
/// up by the key (see [`Index::ids_of`]).
const KEYS: usize = 1 << 16;

/// An element's kind (low bits of [`Elem::kind`]).
pub(super) const WORD: u8 = 0;
pub(super) const ALT: u8 = 1;
pub(super) const PREFIX: u8 = 2;
pub(super) const NUMBER: u8 = 3;
pub(super) const ANY: u8 = 4;
/// Set in [`Elem::kind`] when the element may be skipped.
pub(super) const OPTIONAL: u8 = 8;
/// How many optional elements a pattern may have: a match keeps where to
/// go on without each one taken (see `lexicon::match_elems`).
pub(super) const MAX_OPTIONAL: usize = 8;

/// Set in an id when its key is the first two words.
pub(super) const PAIR: u16 = 0x8000;
/// Set (with [`PAIR`]) in an id whose pattern's second element is an
/// optional word and its third a required one ("i|we really? appreciate"):
/// the pattern is keyed by its first word and either of those, and its
/// keys are tried in pattern order with the one-word keys, as a pattern
/// keyed by its first word alone would be.
pub(super) const OPT2: u16 = 0x4000;
/// Set (with [`OPT2`]) when the key's second word is the pattern's third
/// element, its optional second left out.
pub(super) const SKIPS: u16 = 0x2000;
/// The bits of an id that name its pattern.
pub(super) const PATTERN: u16 = SKIPS - 1;

/// One element of a pattern: its kind and the bytes `start..end` of the
/// pattern's text it names, or for alternatives the range of the index's
/// `alts` that holds them. `tags` tells most words that cannot match it
/// from their key alone, without reading them (see [`tag_bit`]): for a word
/// or alternatives, the tag bits of the word(s); all bits otherwise.
/// Sixteen bits, not eight: alternatives of many words set most of eight,
/// and then passed most words on to be compared (an element is eight
/// bytes, not six: a few KB more for the draft's index).
#[derive(Clone, Copy, Debug)]
pub(super) struct Elem {
    pub kind: u8,
    pub tags: u16,
    pub start: u16,
    pub end: u16,
}

/// A word's tag bit, from its word key: one of sixteen, by the top bits of
/// the mixed key. A word can match an element only if its bit is among the
/// element's `tags`.
pub(super) const fn tag_bit(word_key: u32) -> u16 {
    1 << (crate::hash::mixed_key(word_key) >> 28)
}

/// The [`Index`]'s `next` (either half) of a key whose pattern has no
/// required word or alternatives there: every word may follow.
pub(super) const ANY_NEXT: u32 = u32::MAX;

/// The [`Index`]'s `next` (either half) of a key whose pattern has a
/// required number there: the bit every number has, beside its word's
/// (see `Lexicon::try_keys`); other words whose bit it is pass too. Of the
/// candidates a scan of 10,143 words read and found no match for, about
/// 390 in 1,000 failed on a number there (session 44).
pub(super) const NUMBER_NEXT: u32 = 1 << 31;

/// A word's bit among a key's `next` bits: one of 32, by the
/// top bits of its mixed key. Thirty-two, not an element's sixteen tags:
/// a candidate is passed over for a word of another bit, and most are
/// (sixteen let twice as many through to be read, for a word of the same
/// tag as one of a long list's; sixty-four saved a little more for twice
/// the bytes).
pub(super) const fn next_bit(word_key: u32) -> u32 {
    1 << (crate::hash::mixed_key(word_key) >> 27)
}

/// A key's words as a scan compares them with the text's (see
/// `Lexicon::try_key`): its first word and, for a pair, its second (the
/// alternative of its element the key was made from), as their bytes in
/// the pattern's text and as their first sixteen bytes, zero past their
/// end ([`padded`]). A word of up to sixteen bytes is compared by its
/// length and two numbers, with no branch on the length, where a
/// comparison by bytes chose its loads by the word's length, a branch no
/// predictor learns on new text, and a pair's second word was read as its
/// element (its tag bits, its kind, its alternatives one by one): about
/// 2.0 k fewer conditional and 0.6 k fewer indirect branches mispredicted
/// per analysis of 10,143 words (of 53 k and 3 k), for about as many
/// instructions (session 44). 40 bytes a key, about 170 KB for the
/// draft's 4,233 keys, built when the program runs.
#[derive(Clone, Copy, Debug)]
pub(super) struct Head {
    pub first: [u64; 2],
    pub second: [u64; 2],
    pub first_at: (u16, u16),
    pub second_at: (u16, u16),
}

impl Head {
    const NONE: Head = Head { first: [0; 2], second: [0; 2], first_at: (0, 0), second_at: (0, 0) };

    /// The words of a key of the pattern of `text`, at bytes `first` and
    /// `second` of it (`(0, 0)` for a key of one word).
    const fn new(text: &[u8], first: (u16, u16), second: (u16, u16)) -> Head {
        Head {
            first: padded(sub(text, first.0 as usize, first.1 as usize)),
            second: padded(sub(text, second.0 as usize, second.1 as usize)),
            first_at: first,
            second_at: second,
        }
    }
}

/// What a scan reads of a key's pattern, side by side (one bounds check
/// and one cache line a candidate, where three arrays took three): 64
/// bytes, aligned to a line.
#[derive(Clone, Copy, Debug)]
#[repr(align(64))]
pub(super) struct Cand {
    /// The bits ([`next_bit`]) of the words the elements after the key's
    /// words can match first ([`NUMBER_NEXT`] for a number, [`ANY_NEXT`]
    /// for any word, or if a match may read none; see [`next_bits`]): a
    /// candidate whose next word cannot match is passed over unread. In
    /// the high half, the same for the second word a match reads: most
    /// candidates that pass the first and fail later fail there. One
    /// number, for both tests in one (see `Lexicon::try_key`).
    pub next: u64,
    /// The words the key was made from: its first element, or the
    /// alternative of it, and for a pair the alternative of its second
    /// word's element. Found when compiled, not when tried: which, a word
    /// or alternatives, was a branch no predictor learns on new text.
    pub head: Head,
    /// The pattern, with the key's kind ([`PAIR`], [`OPT2`], [`SKIPS`]).
    pub id: u16,
    /// The pattern's elements after the key's words, in `elems`.
    pub rest: (u16, u16),
    /// In a key's first candidate, where the key's candidates are, kind
    /// by kind (see [`KeyIds`] and [`Index::ids_of`]): read with the
    /// candidate a scan tries first, where an array of its own was one
    /// load more, waited for, a keyed word.
    pub ids: u64,
}

const _: () = assert!(std::mem::size_of::<Cand>() == 64);

impl Cand {
    const NONE: Cand = Cand { next: u64::MAX, head: Head::NONE, id: 0, rest: (0, 0), ids: 0 };
}

/// The first sixteen bytes of `word` (all of a word of up to sixteen), in
/// two little-endian numbers, zero past its end.
pub(super) const fn padded(word: &[u8]) -> [u64; 2] {
    let mut out = [0u64; 2];
    let mut i = 0;
    while i < word.len() && i < 16 {
        out[i / 8] |= (word[i] as u64) << (8 * (i % 8));
        i += 1;
    }
    out
}

/// The bytes `at` of a pattern's text that element `e` names when the
/// word is its alternative `alt` (any, if it is a word).
const fn word_at(alts: &[(u16, u16)], e: Elem, alt: u16) -> (u16, u16) {
    if e.kind & !OPTIONAL == ALT {
        alts[e.start as usize + alt as usize]
    } else {
        (e.start, e.end)
    }
}

/// A pattern: its `table` and `entry`, its first element in `elems` (its
/// elements end where the next pattern's begin), and its text, the table
/// entry's.
#[derive(Clone, Copy, Debug)]
pub(super) struct Pattern {
    pub table: u16,
    pub entry: u16,
    pub first: u16,
    /// Read once per pattern tried: kept here, not read through the index's
    /// `source` (a table, then an entry, each checked against its length).
    /// A pointer more a pattern (the index is built when the program runs,
    /// so not stored in the WebAssembly module): 0.3 k fewer instructions
    /// per reply, 17 k fewer on 10,143 words.
    pub text: &'static str,
}

/// The compiled index of the tables a mask keeps; see [`sizes`].
pub(crate) struct Compiled<const P: usize, const E: usize, const A: usize, const K: usize> {
    /// The tables the index was compiled from, for the patterns' text
    /// (read by the tests' indexes: the program builds its own, see [`build`]).
    #[cfg_attr(not(test), allow(dead_code))]
    source: &'static [&'static [Phrase]],
    patterns: [Pattern; P],
    elems: [Elem; E],
    /// Each alternative of every `a|b|c`: its bytes in the pattern's text.
    alts: [(u16, u16); A],
    /// Each alternative's word key, beside it: a word is compared only with
    /// the alternatives of its own key (see [`Index::is_alt`]).
    alt_keys: [u32; A],
    /// Per key, what a scan reads of the pattern it leads to (see
    /// [`Cand`]).
    cands: [Cand; K],
    /// Per 16-bit key, one more than where its candidates begin in
    /// `cands`, 0 for a key no pattern has (see [`Index::ids_of`]).
    places: [u16; KEYS],
    /// Per 16-bit key of one word ([`key`]), two bits: [`LEADS_ONE`] if
    /// a pattern is keyed by it alone, [`LEADS_PAIR`] if it is the first
    /// of a pattern's two-word key.
    leads: [u64; LEAD_WORDS],
    /// A bit per key, one-word ([`key`]) or two-word ([`pair_key`]),
    /// some pattern has.
    keyed: [u64; KEY_WORDS],
}

/// A compiled index as slices, whatever its sizes.
#[derive(Clone, Copy)]
pub(crate) struct Index {
    pub(super) source: &'static [&'static [Phrase]],
    pub(super) patterns: &'static [Pattern],
    pub(super) elems: &'static [Elem],
    pub(super) alts: &'static [(u16, u16)],
    pub(super) alt_keys: &'static [u32],
    pub(super) cands: &'static [Cand],
    pub(super) places: &'static [u16; KEYS],
    pub(super) leads: &'static [u64; LEAD_WORDS],
    pub(super) keyed: &'static [u64; KEY_WORDS],
}

impl Index {
    pub(super) const EMPTY: Index = Index {
        source: &[],
        patterns: &[],
        elems: &[],
        alts: &[],
        alt_keys: &[],
        cands: &[],
        places: &[0; KEYS],
        leads: &[0; LEAD_WORDS],
        keyed: &[0; KEY_WORDS],
    };

    /// How many tables the index was compiled from.
    pub(super) fn tables(&self) -> usize {
        self.source.len()
    }

    /// The text of pattern `p`, as its table gives it (a scan reads it
    /// from the pattern, once per pattern tried).
    #[cfg(test)]
    pub(super) fn pattern_text(&self, p: usize) -> &'static str {
        self.patterns[p].text
    }

    /// The elements of pattern `p`.
    #[cfg(test)]
    pub(super) fn elems(&self, p: usize) -> &'static [Elem] {
        let end = self.patterns.get(p + 1).map_or(self.elems.len(), |n| n.first as usize);
        &self.elems[self.patterns[p].first as usize..end]
    }

    /// The text element `e` of a pattern names (not alternatives), given
    /// the pattern's `text`, as bytes: compared with a token's folded
    /// bytes, it needs no char boundary checked (a call each, in a module
    /// compiled for size).
    pub(super) fn text(&self, text: &'static str, e: Elem) -> &'static [u8] {
        &text.as_bytes()[e.start as usize..e.end as usize]
    }

    /// Whether `word`, of word key `key`, is one of the alternatives `e` of
    /// the pattern of `text`: compared (by [`crate::words::same`], not a
    /// call of `memcmp` each) only with those of its key, the others passed
    /// over by one comparison each (a word's key is a function of its bytes).
    pub(super) fn is_alt(&self, text: &'static str, e: Elem, word: &[u8], key: u32) -> bool {
        let text = text.as_bytes();
        let range = e.start as usize..e.end as usize;
        self.alt_keys[range.clone()]
            .iter()
            .zip(&self.alts[range])
            .any(|(&k, &(s, end))| k == key && crate::words::same(&text[s as usize..end as usize], word))
    }

    /// The alternatives `e` of pattern `p`.
    #[cfg(test)]
    pub(super) fn alts(&self, p: usize, e: Elem) -> Vec<&'static str> {
        let text = self.pattern_text(p);
        self.alts[e.start as usize..e.end as usize].iter().map(|&(s, end)| &text[s as usize..end as usize]).collect()
    }

    /// A word's two bits ([`LEADS_ONE`], [`LEADS_PAIR`]) by its 16-bit
    /// key ([`key`]), the bits above them other keys': one lookup that
    /// passes over most words, which key no pattern and lead none, before
    /// their ids are looked for ([`Index::ids_of`]).
    #[inline(always)]
    pub(super) fn leads(&self, key: u16) -> u64 {
        self.leads[key as usize / 32] >> (key % 32 * 2)
    }

    /// Whether some pattern is keyed by `key` (of one word or two), in
    /// the lowest bit (the bits above it other keys'): one lookup that
    /// passes over most pairs of words, which key none, before their ids
    /// are looked for ([`Index::ids_of`]).
    #[inline(always)]
    pub(super) fn keyed(&self, key: u16) -> u64 {
        self.keyed[key as usize / 64] >> (key % 64)
    }

    /// Where the candidates whose key hashes to `key` are, kind by kind
    /// (none if no pattern has that key): found with no branch on the key,
    /// by where they begin, so that a scan pays no mispredicted branch
    /// for a walk among the keys of a bucket (as it did, about one a word
    /// that keys a pattern). The place is looked up, 128 KB an index, not
    /// counted in `keyed`'s bits below the key's (a table per byte of
    /// them, then a count of a byte's: about 25 instructions more per
    /// lookup, two per word that keys a pattern).
    #[inline(always)]
    pub(super) fn ids_of(&self, key: u16) -> KeyIds {
        let place = self.places[key as usize] as usize;
        // (Place 0, a key no pattern has, reads the first key's ids,
        // dropped: no branch on the key.)
        let ids = self.cands.get(place.saturating_sub(1)).map_or(0, |c| c.ids);
        KeyIds(ids & u64::from(place != 0).wrapping_neg())
    }
}

/// Where the candidates of one 16-bit key are (in `Index::cands`), as four 16-bit
/// places: where they begin, where those of one-word keys end, where those
/// of pairs past an optional word ([`OPT2`]) end, and where all end (those
/// of other pairs end there); see [`try_rank`].
#[derive(Clone, Copy)]
pub(super) struct KeyIds(pub(super) u64);

impl KeyIds {
    const fn new(start: usize, ones: usize, opt2: usize, end: usize) -> KeyIds {
        KeyIds(start as u64 | (ones as u64) << 16 | (opt2 as u64) << 32 | (end as u64) << 48)
    }

    fn at(self, i: u32) -> usize {
        (self.0 >> (16 * i)) as u16 as usize
    }

    /// The ids of one-word keys.
    #[inline(always)]
    pub(super) fn ones(self) -> std::ops::Range<usize> {
        self.at(0)..self.at(1)
    }

    /// The ids of pairs past an optional word.
    #[inline(always)]
    pub(super) fn opt2(self) -> std::ops::Range<usize> {
        self.at(1)..self.at(2)
    }

    /// The ids of other pairs.
    #[inline(always)]
    pub(super) fn pairs(self) -> std::ops::Range<usize> {
        self.at(2)..self.at(3)
    }
}

#[cfg(test)]
impl<const P: usize, const E: usize, const A: usize, const K: usize> Compiled<P, E, A, K> {
    pub(crate) const fn index(&'static self) -> Index {
        Index {
            source: self.source,
            patterns: &self.patterns,
            elems: &self.elems,
            alts: &self.alts,
            alt_keys: &self.alt_keys,
            cands: &self.cands,
            places: &self.places,
            leads: &self.leads,
            keyed: &self.keyed,
        }
    }
}

/// The 16-bit key of a word, from its [`word_key`] (a token carries its
/// own): its high half, the bits of the key's product that depend on most
/// of the word (one shift a word, where folding the halves took three).
pub(super) const fn key(k: u32) -> u16 {
    (k >> 16) as u16
}

/// The 16-bit key of two words in a row, from their [`word_key`]s: the
/// high bits of a product, which depend on every bit of both.
pub(super) const fn pair_key(first: u32, second: u32) -> u16 {
    ((((first as u64) << 32) | second as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 48) as u16
}

/// How big the compiled index of the kept tables is.
#[derive(Clone, Copy)]
pub(crate) struct Sizes {
    pub patterns: usize,
    pub elems: usize,
    pub alts: usize,
    pub keys: usize,
}

/// The next element of `pat` from byte `at`: its raw byte range, or `None`.
const fn next_raw(pat: &[u8], mut at: usize) -> Option<(usize, usize)> {
    while at < pat.len() && pat[at].is_ascii_whitespace() {
        at += 1;
    }
    if at == pat.len() {
        return None;
    }
    let start = at;
    while at < pat.len() && !pat[at].is_ascii_whitespace() {
        at += 1;
    }
    Some((start, at))
}

/// The element written as `pat[start..end]`.
const fn parse(pat: &[u8], start: usize, mut end: usize) -> Elem {
    let mut optional = 0;
    if pat[end - 1] == b'?' {
        optional = OPTIONAL;
        end -= 1;
    }
    let kind = if end - start == 1 && pat[start] == b'#' {
        NUMBER
    } else if end - start == 1 && pat[start] == b'_' {
        ANY
    } else if contains(pat, start, end, b'|') {
        ALT
    } else if end > start && pat[end - 1] == b'*' {
        end -= 1;
        PREFIX
    } else {
        WORD
    };
    assert!(end <= u16::MAX as usize, "a phrase pattern is longer than 65535 bytes");
    let tags = if kind == WORD { tag_bit(word_key(sub(pat, start, end))) } else { u16::MAX };
    Elem { kind: kind | optional, tags, start: start as u16, end: end as u16 }
}

const fn contains(pat: &[u8], mut at: usize, end: usize, byte: u8) -> bool {
    while at < end {
        if pat[at] == byte {
            return true;
        }
        at += 1;
    }
    false
}

/// The alternative of `pat[start..end]` (split at `|`) that begins at `at`:
/// its end.
pub(crate) const fn alt_end(pat: &[u8], mut at: usize, end: usize) -> usize {
    while at < end && pat[at] != b'|' {
        at += 1;
    }
    at
}

/// `pat[start..end]` as a slice.
const fn sub(pat: &[u8], start: usize, end: usize) -> &[u8] {
    pat.split_at(end).0.split_at(start).1
}

/// Whether an element can key a pattern: a required word or alternatives.
const fn is_key(e: Elem) -> bool {
    e.kind == WORD || e.kind == ALT
}

/// How many alternatives an element has.
const fn alts(pat: &[u8], e: Elem) -> usize {
    let mut n = 1;
    let mut at = e.start as usize;
    while at < e.end as usize {
        if pat[at] == b'|' {
            n += 1;
        }
        at += 1;
    }
    n
}

/// The first two elements of `pat` (the second `None` unless it is a key),
/// how many elements it has, and, when its second element is an optional
/// word or alternatives and its third a required one, those two.
const fn head(pat: &[u8]) -> (Elem, Option<Elem>, usize, Option<(Elem, Elem)>) {
    let Some((s, e)) = next_raw(pat, 0) else {
        panic!("empty phrase pattern");
    };
    let mut firsts = [parse(pat, s, e); 3];
    assert!(is_key(firsts[0]), "a phrase pattern's first element must be a required word or alternatives");
    let (mut count, mut optional) = (1, 0);
    let mut at = e;
    while let Some((s, e)) = next_raw(pat, at) {
        let elem = parse(pat, s, e);
        if count < 3 {
            firsts[count] = elem;
        }
        count += 1;
        optional += (elem.kind & OPTIONAL != 0) as usize;
        at = e;
    }
    assert!(optional <= MAX_OPTIONAL, "a phrase pattern has over MAX_OPTIONAL optional elements");
    let (first, second, skip) = head_of(firsts, count);
    // Such a pattern matches at most once per place (see `Lexicon::scan_found`),
    // as one keyed by its first word does unless that word is listed twice.
    assert!(
        skip.is_none() || distinct_alts(pat, first),
        "a phrase pattern with an optional second word lists a first word twice"
    );
    (first, second, count, skip)
}

/// [`head`]'s first element, second and optional second with third, from
/// a pattern's first three elements as parsed (`firsts[i]` for `i <
/// count`) and how many it has.
const fn head_of(firsts: [Elem; 3], count: usize) -> (Elem, Option<Elem>, Option<(Elem, Elem)>) {
    let (mut second, mut skip) = (None, None);
    if count > 1 {
        let elem = firsts[1];
        if is_key(elem) {
            second = Some(elem);
        } else if elem.kind & OPTIONAL != 0
            && is_key(Elem { kind: elem.kind & !OPTIONAL, ..elem })
            && count > 2
            && is_key(firsts[2])
        {
            skip = Some((elem, firsts[2]));
        }
    }
    (firsts[0], second, skip)
}

/// Whether the alternatives of element `e` of `pat` are all different.
const fn distinct_alts(pat: &[u8], e: Elem) -> bool {
    let (start, end) = (e.start as usize, e.end as usize);
    let mut a = start;
    while a <= end {
        let a_end = alt_end(pat, a, end);
        let mut b = a_end + 1;
        while b <= end {
            let b_end = alt_end(pat, b, end);
            if crate::hash::same_bytes(pat, a, a_end, sub(pat, b, b_end)) {
                return false;
            }
            b = b_end + 1;
        }
        a = a_end + 1;
    }
    true
}

/// The sizes of the index of the tables `keep` accepts.
pub(crate) const fn sizes(tables: &[&[Phrase]], keep: &[bool]) -> Sizes {
    let mut sizes = Sizes { patterns: 0, elems: 0, alts: 0, keys: 0 };
    let mut t = 0;
    while t < tables.len() {
        let mut e = 0;
        while keep[t] && e < tables[t].len() {
            let pat = tables[t][e].pat.as_bytes();
            let (first, second, count, skip) = head(pat);
            sizes.patterns += 1;
            sizes.elems += count;
            let mut at = 0;
            while let Some((s, end)) = next_raw(pat, at) {
                let elem = parse(pat, s, end);
                if elem.kind & !OPTIONAL == ALT {
                    sizes.alts += alts(pat, elem);
                }
                at = end;
            }
            sizes.keys += alts(pat, first)
                * match (second, skip) {
                    (Some(s), _) => alts(pat, s),
                    (None, Some((o, r))) => alts(pat, o) + alts(pat, r),
                    (None, None) => 1,
                };
            e += 1;
        }
        t += 1;
    }
    sizes
}

/// Compiles the tables `keep` accepts; `P`, `E`, `A` and `K` are their [`sizes`].
pub(crate) const fn compile<const P: usize, const E: usize, const A: usize, const K: usize>(
    tables: &'static [&'static [Phrase]],
    keep: &[bool],
) -> Compiled<P, E, A, K> {
    let mut out = Compiled {
        source: tables,
        patterns: [Pattern { table: 0, entry: 0, first: 0, text: "" }; P],
        elems: [Elem { kind: 0, tags: 0, start: 0, end: 0 }; E],
        alts: [(0, 0); A],
        alt_keys: [0; A],
        cands: [Cand::NONE; K],
        places: [0; KEYS],
        leads: [0; LEAD_WORDS],
        keyed: [0; KEY_WORDS],
    };
    let (mut order, mut keys, mut ids, mut words) = ([0u64; K], [0u16; K], [0u16; K], [0u16; K]);
    let mut buckets = [0u16; BUCKETS + 1];
    fill(
        tables,
        keep,
        Parts {
            patterns: &mut out.patterns,
            elems: &mut out.elems,
            alts: &mut out.alts,
            alt_keys: &mut out.alt_keys,
            keys: &mut keys,
            ids: &mut ids,
            words: &mut words,
            cands: &mut out.cands,
            places: &mut out.places,
            buckets: &mut buckets,
            leads: &mut out.leads,
            keyed: &mut out.keyed,
        },
        &mut order,
    );
    out
}

/// An index compiled when the program runs (see [`build`]): the same
/// arrays as a [`Compiled`], in memory of its own.
pub(crate) struct Built {
    source: &'static [&'static [Phrase]],
    patterns: Box<[Pattern]>,
    elems: Box<[Elem]>,
    alts: Box<[(u16, u16)]>,
    alt_keys: Box<[u32]>,
    cands: Box<[Cand]>,
    places: Box<[u16; KEYS]>,
    leads: Box<[u64; LEAD_WORDS]>,
    keyed: Box<[u64; KEY_WORDS]>,
}

impl Built {
    pub(crate) fn index(&'static self) -> Index {
        Index {
            source: self.source,
            patterns: &self.patterns,
            elems: &self.elems,
            alts: &self.alts,
            alt_keys: &self.alt_keys,
            cands: &self.cands,
            places: &self.places,
            leads: &self.leads,
            keyed: &self.keyed,
        }
    }
}

/// Compiles the tables `keep` accepts when the program runs, by the same
/// steps as [`compile`]: the index is built once, from the tables' text,
/// instead of being stored in the WebAssembly module (its arrays were
/// about 45 KB of the module's gzip; building the draft's takes about 5 M
/// instructions natively, the message's is built only when a message is
/// read). The tables are still compiled while the crate compiles, to check
/// them (`checked_index!`).
pub(crate) fn build(tables: &'static [&'static [Phrase]], keep: &[bool]) -> Built {
    let s = sizes(tables, keep);
    let mut out = Built {
        source: tables,
        patterns: vec![Pattern { table: 0, entry: 0, first: 0, text: "" }; s.patterns].into_boxed_slice(),
        elems: vec![Elem { kind: 0, tags: 0, start: 0, end: 0 }; s.elems].into_boxed_slice(),
        alts: vec![(0, 0); s.alts].into_boxed_slice(),
        alt_keys: vec![0; s.alts].into_boxed_slice(),
        cands: vec![Cand::NONE; s.keys].into_boxed_slice(),
        places: vec![0; KEYS].into_boxed_slice().try_into().unwrap_or_else(|_| unreachable!()),
        leads: Box::new([0; LEAD_WORDS]),
        keyed: Box::new([0; KEY_WORDS]),
    };
    let (mut order, mut keys, mut ids, mut words) =
        (vec![0u64; s.keys], vec![0u16; s.keys], vec![0u16; s.keys], vec![0u16; s.keys]);
    let mut buckets = Box::new([0u16; BUCKETS + 1]);
    fill(
        tables,
        keep,
        Parts {
            patterns: &mut out.patterns,
            elems: &mut out.elems,
            alts: &mut out.alts,
            alt_keys: &mut out.alt_keys,
            keys: &mut keys,
            ids: &mut ids,
            words: &mut words,
            cands: &mut out.cands,
            places: &mut out.places,
            buckets: &mut buckets,
            leads: &mut out.leads,
            keyed: &mut out.keyed,
        },
        &mut order,
    );
    out
}

/// The arrays of an index being compiled, sized by [`sizes`].
struct Parts<'a> {
    patterns: &'a mut [Pattern],
    elems: &'a mut [Elem],
    alts: &'a mut [(u16, u16)],
    alt_keys: &'a mut [u32],
    /// Per key, the pattern it leads to, with its kind (see [`PAIR`]),
    /// while they are sorted.
    ids: &'a mut [u16],
    /// Per key, which alternative of its first element it was made from
    /// (and, in the high byte, of the element its second word is), while
    /// they are sorted.
    words: &'a mut [u16],
    cands: &'a mut [Cand],
    places: &'a mut [u16; KEYS],
    /// The keys, sorted (room to sort them in: the index keeps only
    /// `places`).
    keys: &'a mut [u16],
    /// Where the keys of each bucket begin, while they are sorted.
    buckets: &'a mut [u16; BUCKETS + 1],
    leads: &'a mut [u64; LEAD_WORDS],
    keyed: &'a mut [u64; KEY_WORDS],
}

/// Fills `out` with the index of the tables `keep` accepts; `order` (one
/// per key) is room to sort the keys in.
const fn fill(tables: &'static [&'static [Phrase]], keep: &[bool], out: Parts<'_>, order: &mut [u64]) {
    let (patterns_len, keys_len) = (out.patterns.len(), out.keys.len());
    assert!(
        patterns_len <= PATTERN as usize
            && out.elems.len() <= u16::MAX as usize
            && out.alts.len() <= u16::MAX as usize
            && keys_len < 1 << 16,
        "the phrase tables outgrew the index"
    );
    // Every key with its pattern, as (key << 48 | order << 32 | id << 16 |
    // word) so that sorting keeps the pattern order within a key and
    // carries each key's id and word along (its `next` is read from its
    // pattern once they are sorted).
    let (mut p, mut n, mut k, mut x) = (0, 0, 0, 0);
    let mut t = 0;
    while t < tables.len() {
        let mut e = 0;
        while keep[t] && e < tables[t].len() {
            let pat = tables[t][e].pat.as_bytes();

            out.patterns[p] = Pattern { table: t as u16, entry: e as u16, first: n as u16, text: tables[t][e].pat };
            let mut at = 0;
            // The first three elements as parsed, for `head_of`.
            let mut firsts = [Elem { kind: 0, tags: 0, start: 0, end: 0 }; 3];
            let mut count = 0;
            while let Some((s, end)) = next_raw(pat, at) {
                let mut elem = parse(pat, s, end);
                if count < 3 {
                    firsts[count] = elem;
                }
                count += 1;
                if elem.kind & !OPTIONAL == ALT {
                    // The element names its alternatives in `alts`.
                    let first = x;
                    let mut a = elem.start as usize;
                    elem.tags = 0;
                    while a <= elem.end as usize {
                        let a_end = alt_end(pat, a, elem.end as usize);
                        elem.tags |= tag_bit(word_key(sub(pat, a, a_end)));
                        out.alts[x] = (a as u16, a_end as u16);
                        out.alt_keys[x] = word_key(sub(pat, a, a_end));
                        x += 1;
                        a = a_end + 1;
                    }
                    elem.start = first as u16;
                    elem.end = x as u16;
                }
                out.elems[n] = elem;
                n += 1;
                at = end;
            }
            // (`sizes` has read the pattern with `head`, which checks it.)
            let (first, second, skip) = head_of(firsts, count);
            let mut a = first.start as usize;
            let mut ai = 0;
            while a <= first.end as usize {
                let a_end = alt_end(pat, a, first.end as usize);
                let h = word_key(sub(pat, a, a_end));
                assert!(ai < 256, "a phrase pattern's first element has over 256 alternatives");
                // The second words of its keys: none, the second element's
                // alternatives, or those of the optional second and of the
                // third (which then follows the first).
                let seconds = match (second, skip) {
                    (Some(s), _) => [Some((s, p as u16 | PAIR)), None],
                    (None, Some((o, r))) => {
                        [Some((o, p as u16 | PAIR | OPT2)), Some((r, p as u16 | PAIR | OPT2 | SKIPS))]
                    }
                    (None, None) => [None, None],
                };
                let lead = if seconds[0].is_none() { LEADS_ONE } else { LEADS_PAIR };
                out.leads[key(h) as usize / 32] |= lead << (key(h) % 32 * 2);
                if seconds[0].is_none() {
                    let k1 = key(h);
                    out.keyed[k1 as usize / 64] |= 1 << (k1 % 64);
                    order[k] = sort_entry(k1, k, p as u16, ai as u16);
                    k += 1;
                }
                let mut v = 0;
                while v < seconds.len() {
                    if let Some((second, id)) = seconds[v] {
                        let mut b = second.start as usize;
                        let mut bi = 0;
                        while b <= second.end as usize {
                            let b_end = alt_end(pat, b, second.end as usize);
                            let pk = pair_key(h, word_key(sub(pat, b, b_end)));
                            out.keyed[pk as usize / 64] |= 1 << (pk % 64);
                            assert!(bi < 256, "a phrase pattern's second element has over 256 alternatives");
                            order[k] = sort_entry(pk, k, id, ai as u16 | bi << 8);
                            k += 1;
                            b = b_end + 1;
                            bi += 1;
                        }
                    }
                    v += 1;
                }
                a = a_end + 1;
                ai += 1;
            }
            p += 1;
            e += 1;
        }
        t += 1;
    }
    assert!(p == patterns_len && k == keys_len, "the index was compiled to other sizes than `sizes` gave");
    // The keys sorted by key and then by pattern order: counted into their
    // buckets (by their top bits: `buckets[b]` is how many keys have their
    // top bits below `b`), placed bucket by bucket in the order made, then
    // each bucket (a few keys) sorted by key in place, keys alike kept in
    // the order made.
    let mut i = 0;
    while i < keys_len {
        out.buckets[bucket(order[i]) + 1] += 1;
        i += 1;
    }
    let mut b = 0;
    while b < BUCKETS {
        out.buckets[b + 1] += out.buckets[b];
        b += 1;
    }
    let mut at = [0u16; BUCKETS];
    let mut b = 0;
    while b < BUCKETS {
        at[b] = out.buckets[b];
        b += 1;
    }
    let mut i = 0;
    while i < keys_len {
        let o = order[i];
        let b = bucket(o);
        let to = at[b] as usize;
        at[b] += 1;
        let mut j = to;
        // Insertion within the bucket: its keys so far are sorted.
        let rank = try_rank((o >> 48) as u16, (o >> 16) as u16);
        while j > out.buckets[b] as usize && try_rank(out.keys[j - 1], out.ids[j - 1]) > rank {
            out.keys[j] = out.keys[j - 1];
            out.ids[j] = out.ids[j - 1];
            out.words[j] = out.words[j - 1];
            j -= 1;
        }
        out.keys[j] = (o >> 48) as u16;
        out.ids[j] = (o >> 16) as u16;
        out.words[j] = o as u16;
        i += 1;
    }
    // Each key's `next`: the bits of its pattern's element after the key's
    // words (the second after one word, the third after two, the fourth
    // after the first and third), and in its high half those of the one
    // after it if that element is required.
    let mut j = 0;
    while j < keys_len {
        let id = out.ids[j];
        let p = (id & PATTERN) as usize;
        let end = if p + 1 < patterns_len { out.patterns[p + 1].first as usize } else { n };
        let after = if id & PAIR == 0 {
            1
        } else if id & SKIPS == 0 {
            2
        } else {
            3
        };
        let (first, text) = (out.patterns[p].first as usize + after, out.patterns[p].text.as_bytes());
        let head = out.elems[out.patterns[p].first as usize];
        let first_at = word_at(out.alts, head, out.words[j] & 0xff);
        // A pair's second word: the element after the first, or the one
        // after that when the key leaves out the optional second.
        let second_at = if id & PAIR == 0 {
            (0, 0)
        } else {
            let second = out.elems[out.patterns[p].first as usize + if id & SKIPS != 0 { 2 } else { 1 }];
            word_at(out.alts, second, out.words[j] >> 8)
        };
        out.cands[j] = Cand {
            next: next_bits(out.elems, out.alt_keys, text, first, end),
            head: Head::new(text, first_at, second_at),
            id,
            rest: (first as u16, end as u16),
            ids: 0,
        };
        j += 1;
    }
    // Per key, where its candidates begin, and in the first of them where
    // those of each kind end (see `Index::ids_of`).
    let mut j = 0;
    while j < keys_len {
        let key = out.keys[j];
        let mut ones = j;
        while ones < keys_len && out.keys[ones] == key && out.ids[ones] & PAIR == 0 {
            ones += 1;
        }
        let mut opt2 = ones;
        while opt2 < keys_len && out.keys[opt2] == key && out.ids[opt2] & OPT2 != 0 {
            opt2 += 1;
        }
        let mut end = opt2;
        while end < keys_len && out.keys[end] == key {
            end += 1;
        }
        out.cands[j].ids = KeyIds::new(j, ones, opt2, end).0;
        out.places[key as usize] = j as u16 + 1;
        assert!(out.keyed[key as usize / 64] & (1 << (key % 64)) != 0, "a key's bit in `keyed` is not set");
        j = end;
    }
}

/// Where a key's id is sorted among those of its key: first the ids of
/// one-word keys, then those of pairs past an optional word ([`OPT2`]),
/// then those of other pairs, each kind in pattern order, the order a scan
/// tries them in (see `Lexicon::try_keys`), so that it walks each kind's
/// ids once, with no others among them.
const fn try_rank(key: u16, id: u16) -> u32 {
    let kind = if id & PAIR == 0 {
        0
    } else if id & OPT2 != 0 {
        1
    } else {
        2
    };
    (key as u32) << 2 | kind
}

/// The bucket of a key's entry in the sort (see [`sort_entry`]).
const fn bucket(entry: u64) -> usize {
    (entry >> (64 - BUCKET_BITS)) as usize
}

/// A key's entry in the sort: its 16-bit key, then its place in pattern
/// order (unique), then what the key leads to.
const fn sort_entry(key: u16, k: usize, id: u16, word: u16) -> u64 {
    (key as u64) << 48 | (k as u64) << 32 | (id as u64) << 16 | word as u64
}

/// A key's `next` (see [`Cand`]), from the elements after its words
/// (`first..end` of `elems`, of the pattern of text `text`): in the low
/// half the bits of the words the first word a match reads can be (an
/// element's, of those up to its first required one: each optional one
/// before it may be taken or left), in the high half those the second
/// can be (of the elements after the first, up to the second required
/// one); all bits where a match may read no such word (there are not
/// that many required elements). Of the 147 tries of a pattern opening
/// its elements with optional words in the long text, none matched, and
/// all were read: their `next` was all bits.
const fn next_bits(elems: &[Elem], alt_keys: &[u32], text: &[u8], first: usize, end: usize) -> u64 {
    let (mut low, mut high, mut required) = (0, 0, 0);
    let mut e = first;
    while e < end && required < 2 {
        let bits = elem_bits(elems[e], alt_keys, text);
        if required == 0 {
            low |= bits;
        }
        if e > first {
            high |= bits;
        }
        required += (elems[e].kind & OPTIONAL == 0) as usize;
        e += 1;
    }
    if required < 1 {
        low = ANY_NEXT;
    }
    if required < 2 {
        high = ANY_NEXT;
    }
    low as u64 | (high as u64) << 32
}

/// The bits ([`next_bit`]) of the words element `e` of a pattern of text
/// `text` can match, taken or not.
const fn elem_bits(e: Elem, alt_keys: &[u32], text: &[u8]) -> u32 {
    match e.kind & !OPTIONAL {
        WORD => next_bit(word_key(sub(text, e.start as usize, e.end as usize))),
        ALT => {
            let mut bits = 0;
            let mut a = e.start as usize;
            while a < e.end as usize {
                bits |= next_bit(alt_keys[a]);
                a += 1;
            }
            bits
        }
        NUMBER => NUMBER_NEXT,
        _ => ANY_NEXT,
    }
}

/// Sorts `v` (in place, not stably), usable while compiling.
pub(crate) const fn heapsort(v: &mut [u64]) {
    let mut end = v.len();
    let mut start = end / 2;
    while start > 0 {
        start -= 1;
        sift_down(v, start, end);
    }
    while end > 1 {
        end -= 1;
        v.swap(0, end);
        sift_down(v, 0, end);
    }
}

const fn sift_down(v: &mut [u64], mut root: usize, end: usize) {
    loop {
        let mut child = 2 * root + 1;
        if child >= end {
            return;
        }
        if child + 1 < end && v[child + 1] > v[child] {
            child += 1;
        }
        if v[root] >= v[child] {
            return;
        }
        v.swap(root, child);
        root = child;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A pattern keyed past an optional word matches once per place; one
    /// listing a first word twice would match twice if keyed by that word
    /// alone, so `head` refuses one (while compiling the tables): the check
    /// it asserts tells a repeated alternative.
    #[test]
    fn a_first_word_listed_twice_is_told() {
        let alts = |pat: &'static [u8]| distinct_alts(pat, parse(pat, 0, pat.len()));
        assert!(!alts(b"so|so") && !alts(b"so|too|so") && !alts(b"a|bb|bb"));
        assert!(alts(b"so|too") && alts(b"so|sob") && alts(b"so"));
    }

    #[test]
    fn distinct_first_words_before_an_optional_word_are_taken() {
        let (_, second, count, skip) = head(b"so|too very? glad");
        assert!(second.is_none() && skip.is_some() && count == 3);
        // Without an optional second word, a word listed twice is allowed.
        assert!(head(b"ugh|ugh|argh").3.is_none());
    }
}
