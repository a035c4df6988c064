//! Marker sets read in one pass: every marker pattern a rule asks a sentence
//! about, compiled into one index (when first used; checked while the
//! crate compiles, see [`markers!`]), so a sentence is
//! read once, word by word, and each question a rule then asks ("does this
//! sentence hold a marker of set X, and where?") is a lookup.
//!
//! A marker is a short pattern over folded words: elements separated by
//! spaces, `a|b` for alternatives, `#` for a number (a word of ASCII digits).
//! A rule lists its sets once with [`markers!`], which gives each a [`Set`]
//! id and compiles the index ([`Markers`]): per marker its text; per
//! alternative of a marker's first element (and, for a marker of two
//! elements or more, per alternative of its first two), a 32-bit key of
//! the word(s) beside the marker and its set, sorted by key, with where
//! each bucket of keys (by their top bits, about one key in three buckets) begins;
//! and two bits (in one byte) per word a marker's first element may be (by
//! the key's low bits), one for markers of one element and one for longer
//! ones, and a bit per key of two words.
//! Reading a sentence costs, per word, one lookup of those bits (in a first
//! pass over its words, which notes the words and pairs of words to look
//! up), and for a word whose bits are set a look in two buckets (by the key
//! its token already carries, and by that key with the next word's, if that
//! pair's bit is set), and a comparison per marker whose first word(s) the
//! words may be, however many sets and markers there are.
//! [`Reading`] holds the result: per set, a bit per word position where one
//! of its markers starts (sentences read this way hold at most
//! [`MAX_WORDS`] words), and per marker whether it matched anywhere.

use crate::hash::{mixed_key as mixed, word_key};
use crate::lexicon::alt_end;

/// The most words a sentence read against the markers may hold: positions
/// are bits of a `u128`.
pub(crate) const MAX_WORDS: usize = 128;
/// The most sets one index may hold.
pub(crate) const MAX_SETS: usize = 128;
/// The most markers one index may hold (each has a bit in a [`Reading`]).
pub(crate) const MAX_MARKERS: usize = 1280;

/// A marker set's id: its place in the list its index was compiled from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Set(pub(crate) u8);

impl Set {
    /// The set's bit among a reading's sets (see [`Reading::holds_any`]).
    pub(crate) const fn mask(self) -> u128 {
        1 << self.0
    }
}

/// One marker: its text, and where its second element begins in its text
/// (its length if it has one element). (Its set is in its keys' entries.)
#[derive(Clone, Copy)]
struct Marker {
    src: &'static str,
    rest: u16,
}

/// The index of a list of marker sets, sized by [`sizes`].
pub(crate) struct Markers<const M: usize, const K: usize, const S: usize> {
    markers: [Marker; M],
    /// The key of every alternative of every marker's first element (of
    /// every pair of alternatives of its first two, if it has two or more),
    /// sorted.
    keys: [u32; K],
    /// The candidate each key leads to, in the same order.
    entries: [Entry; K],
    /// Where each set's markers begin in `markers` (sets are contiguous).
    starts: [u16; S],
    /// Where the keys whose top [`BUCKET_BITS`] bits are `b` begin:
    /// `keys[buckets[b]..buckets[b + 1]]`, about one key in three buckets.
    buckets: [u16; BUCKETS + 1],
    /// Per [`first_bit`], whether it is the bit of an alternative of the
    /// first element of a marker of one element ([`ONE`]), and of a marker
    /// of two or more ([`LONGER`]): a word whose bits are clear starts no
    /// such marker by its own key (many words start only markers of one
    /// kind: their other probe is passed over). A byte a bit, so a word's
    /// two are one load (as two bit sets, about 10 instructions more a
    /// word); two bytes, for the gate's bits, [`NOTED`] and the classes
    /// of the gate's classes' own words too (from [`WORD_CLASS_SHIFT`]).
    firsts: [u16; 1 << FIRST_BITS],
    /// The bit of every key of two words: most pairs of words whose first
    /// may start a marker key none ("you have", "the replacement"), and
    /// are passed over without a walk of their bucket (about 1 k
    /// instructions per reply of 150 words).
    pairs: [u64; FIRST_WORDS],
    /// Per [`first_bit`] of a key of one word, the classes (see
    /// [`GateClass`]) of the gate's markers of one word it may key, as
    /// bits ([`GATE`] in `firsts` says there may be one).
    one_classes: [u8; 1 << FIRST_BITS],
    /// Per [`first_bit`] of a key of two words, the classes (see
    /// [`GateClass`]) of the gate's markers it may key, as bits: those of
    /// two words in the low byte, those of three or more in the high one
    /// (which [`Markers::gate_triples`] tells apart). Not 0 for every key
    /// of two words of a marker of the gate's sets (see
    /// [`Markers::gated`]).
    gate_pairs: [u16; 1 << FIRST_BITS],
    /// Per [`first_bit`] of a key of two words joined with a third word's
    /// ([`pair`] of the two), the classes of the gate's markers of three
    /// words or more whose first three it may be: many a common pair of
    /// words starts a longer marker ("for the", "about the", "in your"),
    /// which the third word rarely goes on with.
    gate_triples: [u8; 1 << FIRST_BITS],
    /// The classes of the gate's markers whose first element is `#`.
    number_classes: u8,
    /// A bit per [`check_bit`] of every key of the gate's markers (of one
    /// word, of two, and of three joined as in `gate_triples`): a word, a
    /// pair or three words whose bit in `firsts`, `gate_pairs` or
    /// `gate_triples` is another key's (14 bits of keys, one in about 20
    /// of those tables' bits set) is told from a key of the gate's by a
    /// second bit, of other bits of its key. When the gate read 269
    /// sentences of the 10,143 words, about 75 were read by such a bit alone
    /// ("up", "you on", "if anything", "happy to call").
    gate_keys: [u64; CHECK_WORDS],
}

/// A class of a gate's marker sets (see [`Markers::gated`]): a reader that
/// works out the gate's bits of its words ([`Markers::gate_starts`]) also
/// learns which classes their markers may be of, before any marker is
/// read, and the words of `words` (which need be no marker's) are of the
/// class too.
pub(crate) struct GateClass {
    pub(crate) sets: u128,
    pub(crate) words: &'static [&'static str],
}

/// How many classes a gate may have, and where their bits are in
/// [`Markers::firsts`].
const GATE_CLASSES: usize = 8;
/// Where the classes of a class's own words are in [`Markers::firsts`]
/// (those of the markers of one word are in `one_classes`, read only for
/// a word `gate_keys` knows; the words are few, and pass for what they
/// are).
const WORD_CLASS_SHIFT: u32 = 8;

/// What a gated reading ([`Markers::read_gated`]) has read, as bits: the
/// words it probed by their own key and with the next word's; or that it
/// read the sentence whole (one of over 64 words).
pub(crate) struct Rest {
    ones: u64,
    pairs: u64,
    whole: bool,
}

/// The words of a run (of at most 64) that may start a marker of the
/// gate's sets, worked out by [`GateWords::of_bytes`] from the bytes a
/// reader's own pass over the words keeps of each ([`Markers::gate_kind`]
/// and its first byte): by their own key (`ones`), with the next word's
/// (`longer`, the pair not yet looked up, where the next word may be a
/// pair's second), and those whose first byte is a digit.
#[derive(Clone, Copy)]
pub(crate) struct GateWords {
    ones: u64,
    longer: u64,
    digits: u64,
    /// Every word's bits in [`Markers::firsts`], or-ed.
    kinds: u16,
    /// Those that may be a word of the lists [`Markers::noting`] was given.
    noted: u64,
}

/// The bits of [`GateWords`] of some of its words (see [`GateWords::of`]).
#[derive(Clone, Copy)]
pub(crate) struct GateRun {
    ones: u64,
    longer: u64,
    digits: u64,
    kinds: u16,
    /// How many words the run has.
    len: usize,
}

/// Bit `b` of each of the eight bytes of `x`, as the bits of a byte (the
/// first byte's lowest): the eight bits, one a byte, moved by one product
/// to the top byte, each to its own place.
#[inline(always)]
fn gather(x: u64, b: u32) -> u64 {
    ((x >> b) & 0x0101_0101_0101_0101).wrapping_mul(0x0102_0408_1020_4080) >> 56
}

/// The bytes of `x` that are ASCII digits, by their top bit (no carry
/// crosses a byte: each sum is of a byte's low seven bits).
#[inline(always)]
fn digit_bytes(x: u64) -> u64 {
    const LOW7: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    let y = x & LOW7;
    // At least b'0', and below b':'.
    (y + 0x5050_5050_5050_5050) & !(y + 0x4646_4646_4646_4646) & !x & !LOW7
}

impl GateWords {
    /// The bits of the `n` words (1 to 64) of a run: word `i`'s
    /// [`Markers::gate_kind`] (its low byte) is `kinds[i]`, its first byte
    /// `firsts[i]` (bytes past `n` are not read for anything); `or`, every
    /// word's kind or-ed. A reader's pass over the words keeps only those
    /// bytes, a store each, and the bits of eight words are worked out at
    /// once here: with each word's five bits set in words of bits of their
    /// own, two of them kept on the stack, sarcasm's pass was about 38
    /// instructions a word, now 17 (about 114 k instructions fewer per
    /// 10,143 words with this gathering).
    #[inline(always)]
    pub(crate) fn of_bytes(kinds: &[u8; 64], firsts: &[u8; 64], n: usize, or: u16) -> GateWords {
        debug_assert!((1..=64).contains(&n));
        let (mut ones, mut longer, mut second, mut noted, mut digits) = (0, 0, 0, 0, 0);
        for c in 0..n.div_ceil(8) {
            let at = 8 * c;
            let k = u64::from_le_bytes(kinds[at..at + 8].try_into().unwrap_or_default());
            let f = u64::from_le_bytes(firsts[at..at + 8].try_into().unwrap_or_default());
            ones |= gather(k, GATE.trailing_zeros()) << at;
            longer |= gather(k, GATE_LONGER.trailing_zeros()) << at;
            second |= gather(k, GATE_SECOND.trailing_zeros()) << at;
            noted |= gather(k, NOTED.trailing_zeros()) << at;
            digits |= gather(digit_bytes(f), 7) << at;
        }
        let all = u64::MAX >> (64 - n);
        // (The last word has no next word.)
        let longer = longer & (second >> 1) & (all >> 1);
        GateWords { ones: ones & all, longer, digits: digits & all, kinds: or, noted: noted & all }
    }

    /// The bits of the `n` words (1 to 64) from the run's `k`th on, the
    /// last of which has no next word (the run's own last).
    #[inline(always)]
    pub(crate) fn of(self, k: usize, n: usize) -> GateRun {
        debug_assert!((1..=64).contains(&n) && k < 64);
        GateRun {
            ones: self.ones >> k,
            longer: self.longer >> k,
            digits: self.digits >> k,
            // (Of the words before too: classes that may be, not that are.)
            kinds: self.kinds,
            len: n,
        }
    }

    /// The words of the run that may be a word of the lists
    /// [`Markers::noting`] was given, as bits.
    #[inline(always)]
    pub(crate) fn noted(self) -> u64 {
        self.noted
    }
}

/// What a gated reading probes (see [`Markers::gate_starts`]).
#[derive(Clone, Copy)]
pub(crate) struct GateStarts {
    ones: u64,
    pairs: u64,
    digits: u64,
    classes: u8,
    /// How many words the run has.
    len: usize,
}

impl GateStarts {
    /// The classes (see [`GateClass`]) of the markers a gated reading may
    /// find, and of the class words among the words, as bits: a marker of
    /// a class whose bit is clear is not in the words.
    pub(crate) fn classes(self) -> u8 {
        self.classes
    }
}

/// The bits of [`Markers::firsts`].
const ONE: u16 = 1;
const LONGER: u16 = 2;
/// Set by [`Markers::gated`]: the first word of a marker of one word of
/// a gate set, and of a longer one.
const GATE: u16 = 4;
const GATE_LONGER: u16 = 8;
/// Set by [`Markers::noting`]: a word of a list of the reader's own.
const NOTED: u16 = 1 << 4;
/// Set by [`Markers::gated`]: a word of the second element of a marker of
/// two words or more of a gate set. A word that may start such a marker
/// ("the", "you", "for": 3,816 of the 10,143 words) is keyed with the
/// next word only if that word may be a second one (1,592 of them; about
/// 28 k instructions fewer).
const GATE_SECOND: u16 = 1 << 5;

/// A key's candidate: its marker and set, the bytes of the marker's text
/// its first word was made from, the marker's length (in elements), and
/// whether the key was made from the same first word as the key before it
/// (the word is then compared once for the run). A key of two words does not say which
/// alternative of the second element it was made from: the marker's words
/// after the first are matched as a whole.
#[derive(Clone, Copy)]
struct Entry {
    id: u16,
    alt: (u16, u16),
    len: u8,
    same: bool,
    /// The marker's set, kept here rather than with the marker: a match of
    /// one word then reads nothing of its marker (about 4 instructions a
    /// match, 80 matches in a reply of 150 words).
    set: u8,
    /// How many entries, from this one on, share its key (read only at the
    /// first of them): a probe walks them as a count, not by comparing
    /// each next key, and does not ask where its bucket ends.
    run: u8,
}

/// The bits of a key that choose its bucket, and how many buckets there are
/// (8 KB of `u16`s, built when first used). With 1,024 buckets for the
/// sarcasm index's 1,455 keys, a key looked up often had others before it
/// in its bucket, a walk of as many steps as the word happened to need (a
/// loop exit no predictor learns on new text: about 2.5 k mispredicted per
/// 10,000 words more); with four times as many, it is nearly always
/// first.
const BUCKET_BITS: u32 = 12;
const BUCKETS: usize = 1 << BUCKET_BITS;

/// The bits of a word's mixed key that choose its bit in `firsts`, and how
/// many `u64`s those bits fill (16,384 bits, 2 KB; the index is built when
/// first used, not stored in the program). With 4,096 bits, more words
/// that start no marker shared a bit with one that does and were looked up
/// in a bucket for nothing (about 500 instructions in a reply of 150
/// words); more bits than these spare almost none.
const FIRST_BITS: u32 = 14;
const FIRST_WORDS: usize = 1 << (FIRST_BITS - 6);

/// The bits of a key that choose its bit in `gate_keys` (the top ones: the
/// tables indexed by [`first_bit`] use the low ones), and how many `u64`s
/// those bits fill (65,536 bits, 8 KB).
const CHECK_BITS: u32 = 16;
const CHECK_WORDS: usize = 1 << (CHECK_BITS - 6);

/// A key's bit in `gate_keys`.
const fn check_bit(k: u32) -> usize {
    (k >> (32 - CHECK_BITS)) as usize
}

/// A word's bit in `firsts`, from its mixed key (the low bits, which the
/// buckets, chosen by the top bits, do not use).
const fn first_bit(mixed_key: u32) -> usize {
    (mixed_key & ((1 << FIRST_BITS) - 1)) as usize
}

/// The positions of `mask`'s bits, lowest first, from `base`.
#[inline(always)]
fn positions(mut mask: u64, base: usize) -> impl Iterator<Item = usize> {
    std::iter::from_fn(move || {
        let k = mask.trailing_zeros() as usize;
        mask &= mask.checked_sub(1)?;
        Some(base + k)
    })
}

/// How many markers and keys (alternatives of a first element, or pairs of
/// alternatives of the first two) `sets` hold: the sizes of their [`Markers`].
pub(crate) const fn sizes(sets: &[&[&str]]) -> (usize, usize) {
    let (mut markers, mut keys) = (0, 0);
    let mut s = 0;
    while s < sets.len() {
        let mut m = 0;
        while m < sets[s].len() {
            markers += 1;
            let b = sets[s][m].as_bytes();
            // Alternatives of the first element, times those of the second.
            let (mut first, mut second, mut element) = (1, 1, 0);
            let mut i = 0;
            while i < b.len() && element < 2 {
                if b[i] == b' ' {
                    element += 1;
                } else if b[i] == b'|' {
                    if element == 0 {
                        first += 1;
                    } else {
                        second += 1;
                    }
                }
                i += 1;
            }
            keys += first * second;
            m += 1;
        }
        s += 1;
    }
    (markers, keys)
}

/// The key of a word: its [`word_key`] (a token carries its own), mixed.
const fn key(b: &[u8], from: usize, to: usize) -> u32 {
    mixed(word_key(b.split_at(to).0.split_at(from).1))
}

/// The key of `#`, the element any number matches.
const NUMBER_KEY: u32 = key(b"#", 0, 1);

/// The key of two words in a row, from their keys: the high bits of a
/// product, which depend on every bit of both.
const fn pair(first: u32, second: u32) -> u32 {
    ((((first as u64) << 32) | second as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 32) as u32
}

impl<const M: usize, const K: usize, const S: usize> Markers<M, K, S> {
    /// Compiles `sets` (each a list of markers); panics, while compiling,
    /// on an empty element or on more sets or markers than a [`Reading`] holds.
    pub(crate) const fn compile(sets: &[&[&'static str]]) -> Self {
        assert!(sets.len() == S && S <= MAX_SETS, "S is the number of sets, at most MAX_SETS");
        assert!(M <= MAX_MARKERS, "too many markers");
        let mut markers = [Marker { src: "", rest: 0 }; M];
        let mut keys = [0u32; K];
        let mut entries = [Entry { id: 0, alt: (0, 0), len: 0, same: false, set: 0, run: 0 }; K];
        let mut starts = [0u16; S];
        let (mut firsts, mut pairs) = ([0u16; 1 << FIRST_BITS], [0u64; FIRST_WORDS]);
        let (mut m, mut k) = (0, 0);
        let mut s = 0;
        while s < sets.len() {
            starts[s] = m as u16;
            let mut j = 0;
            while j < sets[s].len() {
                let src = sets[s][j];
                let b = src.as_bytes();
                assert!(b.len() < u16::MAX as usize, "a marker too long");
                // Where its first two elements end, and how many it has.
                let (mut len, mut i) = (1, 0);
                let (mut end1, mut end2) = (b.len(), b.len());
                while i < b.len() {
                    if b[i] == b' ' {
                        assert!(i + 1 < b.len() && b[i + 1] != b' ', "empty element in a marker");
                        if len == 1 {
                            end1 = i;
                        } else if len == 2 {
                            end2 = i;
                        }
                        len += 1;
                    }
                    i += 1;
                }
                assert!(len <= MAX_WORDS, "a marker longer than a sentence");
                let rest = if len > 1 { end1 + 1 } else { b.len() };
                markers[m] = Marker { src, rest: rest as u16 };
                // A key per alternative of the first element, or per pair of
                // alternatives of the first two.
                let mut a = 0;
                while a <= end1 {
                    let a_end = alt_end(b, a, end1);
                    assert!(a_end > a, "empty element or alternative in a marker");
                    let f = first_bit(key(b, a, a_end));
                    firsts[f] |= if len > 1 { LONGER } else { ONE };
                    let entry = Entry {
                        id: m as u16,
                        alt: (a as u16, a_end as u16),
                        len: len as u8,
                        same: false,
                        set: s as u8,
                        run: 0,
                    };
                    if len == 1 {
                        keys[k] = key(b, a, a_end);
                        entries[k] = entry;
                        k += 1;
                    } else {
                        let mut c = end1 + 1;
                        while c <= end2 {
                            let c_end = alt_end(b, c, end2);
                            assert!(c_end > c, "empty element or alternative in a marker");
                            keys[k] = pair(key(b, a, a_end), key(b, c, c_end));
                            let f = first_bit(keys[k]);
                            pairs[f / 64] |= 1 << (f % 64);
                            entries[k] = entry;
                            k += 1;
                            c = c_end + 1;
                        }
                    }
                    a = a_end + 1;
                }
                m += 1;
                j += 1;
            }
            s += 1;
        }
        assert!(k == K, "the marker keys were counted otherwise by `sizes`");
        assert!(K < u16::MAX as usize, "too many marker keys");
        // Sort the keys by hash and then by marker, keys alike in both kept
        // in the order made (as an insertion sort would): each key as (key
        // << 32 | marker << 16 | place made), its entry found by its place.
        let mut order = [0u64; K];
        let mut i = 0;
        while i < K {
            order[i] = (keys[i] as u64) << 32 | (entries[i].id as u64) << 16 | i as u64;
            i += 1;
        }
        crate::lexicon::heapsort(&mut order);
        let made = entries;
        let mut i = 0;
        while i < K {
            keys[i] = (order[i] >> 32) as u32;
            entries[i] = made[(order[i] & 0xffff) as usize];
            i += 1;
        }
        // Whether each key's first word is the one of the key before it.
        let mut i = 1;
        while i < K {
            let (a0, a1) = entries[i - 1].alt;
            let (b0, b1) = entries[i].alt;
            let (x, y) =
                (markers[entries[i - 1].id as usize].src.as_bytes(), markers[entries[i].id as usize].src.as_bytes());
            let mut eq = keys[i - 1] == keys[i] && a1 - a0 == b1 - b0;
            let mut k = 0;
            while eq && k < (a1 - a0) as usize {
                eq = x[a0 as usize + k] == y[b0 as usize + k];
                k += 1;
            }
            entries[i].same = eq;
            i += 1;
        }
        // How many entries share each key, from each on (counted from the
        // last: an entry's run is one more than the next one's when their
        // keys are alike).
        let mut i = K;
        while i > 0 {
            i -= 1;
            let run = if i + 1 < K && keys[i + 1] == keys[i] { entries[i + 1].run as usize + 1 } else { 1 };
            assert!(run <= u8::MAX as usize, "too many marker entries of one key");
            entries[i].run = run as u8;
        }
        // buckets[b] = how many keys have their top bits below b.
        let mut buckets = [0u16; BUCKETS + 1];
        let (mut b, mut i) = (0, 0);
        while b <= BUCKETS {
            while i < K && ((keys[i] >> (32 - BUCKET_BITS)) as usize) < b {
                i += 1;
            }
            buckets[b] = i as u16;
            b += 1;
        }
        Markers {
            markers,
            keys,
            entries,
            starts,
            buckets,
            firsts,
            pairs,
            one_classes: [0; 1 << FIRST_BITS],
            gate_pairs: [0; 1 << FIRST_BITS],
            gate_triples: [0; 1 << FIRST_BITS],
            number_classes: 0,
            gate_keys: [0; CHECK_WORDS],
        }
    }

    /// The index with a gate on the sets of `classes` (at most
    /// [`GATE_CLASSES`]; class `c`'s bit is `1 << c`): the bits by which
    /// [`Markers::read_gated`] reads the words that may start a marker of
    /// those sets before the others, and by which
    /// [`Markers::gate_starts`] tells the classes of those markers.
    pub(crate) const fn gated(mut self, classes: &[GateClass]) -> Self {
        assert!(classes.len() <= GATE_CLASSES, "too many gate classes");
        let mut k = 0;
        while k < K {
            let e = self.entries[k];
            let src = self.markers[e.id as usize].src.as_bytes();
            let (mut class, mut c) = (0u8, 0);
            while c < classes.len() {
                class |= ((classes[c].sets >> e.set & 1) as u8) << c;
                c += 1;
            }
            if class != 0 {
                let f = first_bit(self.keys[k]);
                self.note_key(self.keys[k]);
                if e.len == 1 {
                    self.firsts[f] |= GATE;
                    self.one_classes[f] |= class;
                } else if e.len == 2 {
                    self.gate_pairs[f] |= class as u16;
                } else {
                    self.gate_pairs[f] |= (class as u16) << 8;
                    // Each alternative of the third element, joined to the
                    // key of the first two.
                    let from = self.markers[e.id as usize].rest as usize;
                    let mut a = from;
                    while src[a] != b' ' {
                        a += 1;
                    }
                    a += 1;
                    let mut end = a;
                    while end < src.len() && src[end] != b' ' {
                        end += 1;
                    }
                    while a <= end {
                        let a_end = alt_end(src, a, end);
                        let three = pair(self.keys[k], key(src, a, a_end));
                        self.gate_triples[first_bit(three)] |= class;
                        self.note_key(three);
                        a = a_end + 1;
                    }
                }
                if e.len > 1 {
                    // (The key is of two words: its first word's own.)
                    self.firsts[first_bit(key(src, e.alt.0 as usize, e.alt.1 as usize))] |= GATE_LONGER;
                    // And each alternative of its second element.
                    let mut a = self.markers[e.id as usize].rest as usize;
                    let mut end = a;
                    while end < src.len() && src[end] != b' ' {
                        end += 1;
                    }
                    while a <= end {
                        let a_end = alt_end(src, a, end);
                        self.firsts[first_bit(key(src, a, a_end))] |= GATE_SECOND;
                        a = a_end + 1;
                    }
                }
                if e.alt.1 - e.alt.0 == 1 && src[e.alt.0 as usize] == b'#' {
                    self.number_classes |= class;
                }
            }
            k += 1;
        }
        let mut c = 0;
        while c < classes.len() {
            let words = classes[c].words;
            let mut w = 0;
            while w < words.len() {
                let b = words[w].as_bytes();
                self.firsts[first_bit(key(b, 0, b.len()))] |= 1 << (WORD_CLASS_SHIFT + c as u32);
                w += 1;
            }
            c += 1;
        }
        self
    }

    /// Sets `k`'s bit in `gate_keys`.
    const fn note_key(&mut self, k: u32) {
        let b = check_bit(k);
        self.gate_keys[b / 64] |= 1 << (b % 64);
    }

    /// Whether `k` may be a key of a marker of the gate's sets: its bit in
    /// `gate_keys` is set.
    #[inline(always)]
    fn gate_key_bit(&self, k: u32) -> u8 {
        let b = check_bit(k);
        (self.gate_keys[b / 64] >> (b % 64)) as u8 & 1
    }

    /// The index noting the words of `lists` (each a list of single words)
    /// in the bits [`Markers::gate_kind`] reads: a reader that looks
    /// for a few words of its own in its pass over the words tells them
    /// by the load of the gate's bits (see [`GateWords::noted`]).
    pub(crate) const fn noting(mut self, lists: &[&[&str]]) -> Self {
        let mut l = 0;
        while l < lists.len() {
            let mut w = 0;
            while w < lists[l].len() {
                let b = lists[l][w].as_bytes();
                let mut i = 0;
                while i < b.len() {
                    assert!(b[i] != b' ', "a noted word is one word");
                    i += 1;
                }
                self.firsts[first_bit(key(b, 0, b.len()))] |= NOTED;
                w += 1;
            }
            l += 1;
        }
        self
    }

    /// Reads `words` (folded; `keys`, their [`word_key`]s) against every
    /// marker (the tests' way; the rules' is [`Markers::read_keyed`]).
    #[cfg(test)]
    pub(crate) fn read(&'static self, words: &[&str], keys: &[u32]) -> Reading<S> {
        let mut r = Reading::empty(self);
        let first = |i: usize| words[i].as_bytes().first().copied().unwrap_or(0);
        self.read_keyed(words, |i| keys[i], first, &mut r);
        r
    }

    /// Reads `words` (folded; word `i`'s [`word_key`] is `key(i)` and its
    /// first byte `first(i)`, 0 if it has none: what its token carries)
    /// against every marker, into `r`, a reading that
    /// holds no marker yet ([`Reading::empty`]): a reading is over a
    /// kilobyte, filled where its caller keeps it rather than copied there.
    /// Callers pass at most [`MAX_WORDS`] words (a debug build panics on
    /// more; a release build reads the first [`MAX_WORDS`]).
    #[inline(always)]
    pub(crate) fn read_keyed(
        &'static self,
        words: &[&str],
        key: impl Fn(usize) -> u32,
        first: impl Fn(usize) -> u8,
        r: &mut Reading<S>,
    ) {
        self.read_in::<false>(words, key, first, r);
    }

    /// [`Markers::read_keyed`], but for a sentence of 64 words or fewer
    /// only the words that may start a marker of the gate's sets (see
    /// [`Markers::gated`]) and the numbers: `r` then holds every marker of
    /// those sets (and some of others). The words left are read by
    /// [`Markers::read_rest`], if the reader needs them.
    #[inline(always)]
    pub(crate) fn read_gated(
        &'static self,
        words: &[&str],
        key: impl Fn(usize) -> u32,
        first: impl Fn(usize) -> u8,
        r: &mut Reading<S>,
    ) -> Rest {
        self.read_in::<true>(words, key, first, r)
    }

    /// The bits in [`Markers::firsts`] of the word of [`word_key`] `key`:
    /// whether it may start a marker of the gate's sets (see
    /// [`GateWords`]), a reader that passes over the words for its own
    /// ends reads in that pass ([`Markers::read_gated`] in a pass of its
    /// own). Worked out without a branch: whether a word may start a
    /// marker is a fact of the text no predictor learns.
    #[inline(always)]
    pub(crate) fn gate_kind(&self, key: u32) -> u16 {
        self.firsts[first_bit(mixed(key))]
    }

    /// Whether the word of [`word_key`] `key` may be a word of the lists
    /// [`Markers::noting`] was given (a word of none may be too, rarely).
    #[inline(always)]
    pub(crate) fn may_be_noted(&self, key: u32) -> bool {
        self.firsts[first_bit(mixed(key))] & NOTED != 0
    }

    /// The words of `g` a gated reading probes: the pairs of those that may
    /// start a longer marker are looked up (word `i`'s key is `key(i)`). The
    /// words that may start a longer marker of the gate's sets are few:
    /// their pairs are keyed here, in a loop over them alone, rather than
    /// every word's pair in the pass over the words (about 145 k
    /// instructions fewer per 10,143 words, 2 k per reply of 150).
    #[inline(always)]
    pub(crate) fn gate_starts(&self, g: GateRun, key: impl Fn(usize) -> u32) -> GateStarts {
        let (mut ones, mut pairs, mut classes) = (0u64, 0u64, (g.kinds >> WORD_CLASS_SHIFT) as u8);
        // The words that may start a marker of one word of the gate's sets,
        // by both their bits.
        for i in positions(g.ones, 0) {
            let one = mixed(key(i));
            let known = self.gate_key_bit(one);
            ones |= (known as u64) << i;
            classes |= self.one_classes[first_bit(one)] & known.wrapping_neg();
        }
        for i in positions(g.longer, 0) {
            let two = pair(mixed(key(i)), mixed(key(i + 1)));
            let c = self.gate_pair(two);
            pairs |= ((c != 0) as u64) << i;
            classes |= c as u8;
            // A longer marker's class only where the third word may be its
            // third (a number may be `#`).
            let longer = (c >> 8) as u8;
            if longer != 0 && i + 2 < g.len {
                classes |= self.gate_triple(two, i + 2, g.digits, &key) & longer;
            }
        }
        // A word that may be a number may be `#`, alone or first in a pair,
        // and second in a pair with the word before it.
        if g.digits != 0 {
            classes |= self.number_classes;
            for i in positions(g.digits & !1, 0) {
                let c = self.gate_pair(pair(mixed(key(i - 1)), NUMBER_KEY));
                classes |= c as u8 | (c >> 8) as u8;
            }
        }
        GateStarts { ones, pairs, digits: g.digits, classes, len: g.len }
    }

    /// The classes of the gate's markers of two words or more that `two`
    /// (a key of two words) may key: of two words in the low byte, of
    /// more in the high one.
    #[inline(always)]
    fn gate_pair(&self, two: u32) -> u16 {
        self.gate_pairs[first_bit(two)] & u16::from(self.gate_key_bit(two)).wrapping_neg()
    }

    /// The classes of the gate's markers of three words or more whose
    /// first two `two` keys and whose third may be word `k`.
    #[inline(always)]
    fn gate_triple(&self, two: u32, k: usize, digits: u64, key: &impl Fn(usize) -> u32) -> u8 {
        let third = |w: u32| {
            let three = pair(two, w);
            self.gate_triples[first_bit(three)] & self.gate_key_bit(three).wrapping_neg()
        };
        let mut t = third(mixed(key(k)));
        if digits >> k & 1 != 0 {
            t |= third(NUMBER_KEY);
        }
        t
    }

    /// The words of `s` (a run's [`Markers::gate_starts`], word `i`'s key
    /// `key(i)`) where a marker of a class of `classes` (bits) may start,
    /// as bits: a word whose bit is clear starts none. (Not a class's own
    /// words: only its markers are placed.) Asked only of the few
    /// sentences whose classes a reader needs in their places: worked out
    /// in [`Markers::gate_starts`] for every class of every sentence, the
    /// places cost about 68 k instructions more per 10,143 words.
    pub(crate) fn gate_at(&self, s: GateStarts, classes: u8, key: impl Fn(usize) -> u32) -> u64 {
        let mut at = 0u64;
        for i in positions(s.ones, 0) {
            at |= u64::from(self.one_classes[first_bit(mixed(key(i)))] & classes != 0) << i;
        }
        for i in positions(s.pairs, 0) {
            let two = pair(mixed(key(i)), mixed(key(i + 1)));
            let c = self.gate_pair(two);
            let longer = (c >> 8) as u8 & classes;
            let mut hit = c as u8 & classes;
            if longer != 0 && i + 2 < s.len {
                hit |= self.gate_triple(two, i + 2, s.digits, &key) & longer;
            }
            at |= u64::from(hit != 0) << i;
        }
        if s.digits != 0 {
            if self.number_classes & classes != 0 {
                at |= s.digits;
            }
            for i in positions(s.digits & !1, 0) {
                let c = self.gate_pair(pair(mixed(key(i - 1)), NUMBER_KEY));
                at |= u64::from((c as u8 | (c >> 8) as u8) & classes != 0) << (i - 1);
            }
        }
        at
    }

    /// [`Markers::read_gated`] for a sentence of 64 words or fewer whose
    /// gate bits the reader worked out ([`Markers::gate_starts`] of its
    /// words' [`GateWords`]).
    #[inline(always)]
    pub(crate) fn read_gated_from(
        &'static self,
        starts: GateStarts,
        words: &[&str],
        key: impl Fn(usize) -> u32,
        first: impl Fn(usize) -> u8,
        r: &mut Reading<S>,
    ) -> Rest {
        debug_assert!(words.len() <= 64, "a sentence read from its gate bits is at most 64 words");
        debug_assert!(
            {
                let (ones, pairs, digits) = self.starts::<true>(0, words.len(), &key, &first);
                (ones, pairs, digits) == (starts.ones, starts.pairs, starts.digits)
            },
            "the reader's gate bits are the sentence's own"
        );
        self.debug_check(words, &key, &first, r);
        // (One block of words, its bits worked out: none of the general
        // reading's loop over blocks, nor its tests of the sentence's length.)
        r.long = false;
        self.probe_starts(starts.pairs, starts.ones, 0, words, &key, r);
        self.probe_numbers(starts.digits, 0, words, &key, &first, r);
        Rest { ones: starts.ones, pairs: starts.pairs, whole: false }
    }

    /// Reads the words [`Markers::read_gated`] left (`words` and `key` as
    /// there): `r` then holds what [`Markers::read_keyed`] gives.
    #[inline(always)]
    pub(crate) fn read_rest(&'static self, rest: Rest, words: &[&str], key: impl Fn(usize) -> u32, r: &mut Reading<S>) {
        if rest.whole || words.is_empty() {
            return;
        }
        let (ones, pairs, _) = self.starts::<false>(0, words.len(), &key, &|_| 0);
        self.probe_starts(pairs & !rest.pairs, ones & !rest.ones, 0, words, &key, r);
    }

    /// The words of the block of (at most) 64 from `base` of a sentence of
    /// `n` words that may start a marker by their own key (`ones`), and
    /// with the next word's (`pairs`), and those whose first byte is a
    /// digit; with `GATE_ONLY`, a marker of a set of the gate only.
    /// A word whose bit is clear starts no marker by its own key, of one
    /// word or of two (most words); a pair whose bit is clear keys none
    /// (most pairs of words whose first may start a marker: "you have",
    /// "the replacement"). All are worked out as bits, without a branch:
    /// whether a word may start a longer marker, and its pair's bit, are
    /// facts of the text no predictor learns on text it has not seen (a
    /// branch on them was about 7 k mispredicted per 10,000 words). The
    /// last word's pair is with itself, and masked out. (A gated reading's
    /// loop over the words that may start a longer marker ends where they
    /// do: one branch a sentence no predictor learns.)
    #[inline(always)]
    fn starts<const GATE_ONLY: bool>(
        &self,
        base: usize,
        n: usize,
        key: &impl Fn(usize) -> u32,
        first: &impl Fn(usize) -> u8,
    ) -> (u64, u64, u64) {
        if GATE_ONLY {
            // Only a sentence of one block is gated (see `read_in`): its
            // last word's pair, masked out by `of`, is the sentence's last.
            debug_assert!(base == 0 && n <= 64, "a gated reading is of one block of at most 64 words");
            let (mut kinds, mut firsts, mut or) = ([0; 64], [0; 64], 0);
            let end = n.min(base + 64);
            for i in base..end {
                let kind = self.gate_kind(key(i));
                or |= kind;
                (kinds[i - base], firsts[i - base]) = (kind as u8, first(i));
            }
            let g = GateWords::of_bytes(&kinds, &firsts, end - base, or);
            let g = self.gate_starts(g.of(0, end - base), |i| key(base + i));
            return (g.ones, g.pairs, g.digits);
        }
        let (mut ones, mut digits, mut pairs) = (0u64, 0u64, 0u64);
        let mut this = mixed(key(base));
        for i in base..n.min(base + 64) {
            let next = mixed(key((i + 1).min(n - 1)));
            let kind = self.firsts[first_bit(this)];
            let at = i - base;
            digits |= (first(i).is_ascii_digit() as u64) << at;
            ones |= ((kind & ONE) as u64) << at;
            let longer = ((kind & LONGER) >> 1) as u64 & (i + 1 < n) as u64;
            pairs |= (longer & self.pair_bit(pair(this, next))) << at;
            this = next;
        }
        (ones, pairs, digits)
    }

    /// Probes the words of a block of 64 from `base` whose bits are set:
    /// in `pairs`, by their key with the next word's; in `ones`, by their
    /// own. (Each probe only sets bits: the order they are tried in
    /// changes nothing.)
    #[inline(always)]
    fn probe_starts(
        &self,
        pairs: u64,
        ones: u64,
        base: usize,
        words: &[&str],
        key: &impl Fn(usize) -> u32,
        r: &mut Reading<S>,
    ) {
        for i in positions(pairs, base) {
            self.probe(pair(mixed(key(i)), mixed(key(i + 1))), words, i, true, r);
        }
        for i in positions(ones, base) {
            self.probe(mixed(key(i)), words, i, false, r);
        }
    }

    /// The checks every reading makes of its words and of `r` (debug builds).
    fn debug_check(&self, words: &[&str], key: &impl Fn(usize) -> u32, first: &impl Fn(usize) -> u8, r: &Reading<S>) {
        debug_assert!(words.len() <= MAX_WORDS, "a sentence read against the markers is at most MAX_WORDS words");
        debug_assert!(words.iter().enumerate().all(|(i, w)| key(i) == word_key(w.as_bytes())));
        debug_assert!(words.iter().enumerate().all(|(i, w)| first(i) == w.as_bytes().first().copied().unwrap_or(0)));
        debug_assert!(
            r.low.iter().chain(&r.high).all(|&a| a == 0) && r.hit.iter().all(|&h| h == 0) && r.sets == [0; 2],
            "an empty reading"
        );
    }

    #[inline(always)]
    fn read_in<const GATED: bool>(
        &'static self,
        words: &[&str],
        key: impl Fn(usize) -> u32,
        first: impl Fn(usize) -> u8,
        r: &mut Reading<S>,
    ) -> Rest {
        self.debug_check(words, &key, &first, r);
        let words = &words[..words.len().min(MAX_WORDS)];
        r.long = words.len() > 64;
        let n = words.len();
        // Sixty-four words at a time, in two passes: the first finds the
        // words whose own key may start a marker of one word (`ones`), the
        // pairs of words whose key may start a longer one (`pairs`), and the
        // words that may be numbers, in a loop short enough to keep its
        // values in registers; the second probes only those (about one word
        // in three of a reply). One pass that did both cost about 45
        // instructions a word, most of it moving its many values to and
        // from the stack, for the words it passed over too.
        // Only a sentence of one block of 64 words is read in two steps.
        let gated = GATED && n <= 64;
        let mut left = Rest { ones: 0, pairs: 0, whole: !gated };
        for base in (0..n).step_by(64) {
            // A gated reading works out only the bits of the gate's sets:
            // most sentences are read no further (823 of 859 in the
            // 10,143 words). Worked out for every marker as well, the
            // bits cost about 75 k instructions more there, even with
            // those of the sentences read on worked out again.
            let (ones, pairs, digits) = if gated {
                self.starts::<true>(base, n, &key, &first)
            } else {
                self.starts::<false>(base, n, &key, &first)
            };
            if gated {
                (left.ones, left.pairs) = (ones, pairs);
            }
            self.probe_starts(pairs, ones, base, words, &key, r);
            self.probe_numbers(digits, base, words, &key, &first, r);
        }
        left
    }

    /// Probes the words of a block of 64 from `base` whose first byte is a
    /// digit (`digits`) as numbers: a number is also `#`, which its own key
    /// does not find, alone and in the pairs it makes with the words beside
    /// it (a key tried twice only sets the same bits twice). Rare: the pairs
    /// are tried in a loop of their own.
    #[inline(always)]
    fn probe_numbers(
        &self,
        digits: u64,
        base: usize,
        words: &[&str],
        key: &impl Fn(usize) -> u32,
        first: &impl Fn(usize) -> u8,
        r: &mut Reading<S>,
    ) {
        let n = words.len();
        // Whether a word is a number (which `#` matches): most words are
        // passed over by their first byte, without a read of their bytes
        // (a read of every word cost about 1 k instructions per reply of
        // 150 words).
        let is_num = |i: usize| first(i).is_ascii_digit() && is_number(words[i].as_bytes());
        for i in positions(digits, base) {
            if !is_num(i) {
                continue;
            }
            self.probe(NUMBER_KEY, words, i, false, r);
            let before = i > 0 && self.firsts[first_bit(mixed(key(i - 1)))] & LONGER != 0;
            for (f, g, at, tried) in [
                (NUMBER_KEY, if i + 1 < n { mixed(key(i + 1)) } else { 0 }, i, i + 1 < n),
                (NUMBER_KEY, NUMBER_KEY, i, i + 1 < n && is_num(i + 1)),
                (if i > 0 { mixed(key(i - 1)) } else { 0 }, NUMBER_KEY, i.wrapping_sub(1), before),
            ] {
                if tried {
                    self.probe(pair(f, g), words, at, true, r);
                }
            }
        }
    }

    /// Whether `k`, a key of two words, may be a marker's: its bit is set.
    #[inline(always)]
    fn pair_may_key(&self, k: u32) -> bool {
        self.pair_bit(k) != 0
    }

    /// [`Markers::pair_may_key`] as 1 or 0.
    #[inline(always)]
    fn pair_bit(&self, k: u32) -> u64 {
        let f = first_bit(k);
        (self.pairs[f / 64] >> (f % 64)) & 1
    }

    /// Records every marker keyed by `k` that matches `words` from `i`
    /// (`two`: whether `k` is a key of two words).
    #[inline(always)]
    fn probe(&self, k: u32, words: &[&str], i: usize, two: bool, r: &mut Reading<S>) {
        if two && !self.pair_may_key(k) {
            return;
        }
        // The keys after a bucket's have greater top bits, so greater keys:
        // the walk stops at the first key not below `k`, in its bucket or
        // past it, with no test of where the bucket ends (a test whose way
        // depended on how many keys a word's bucket held: a branch no
        // predictor learns on text it has not seen).
        let b = (k >> (32 - BUCKET_BITS)) as usize;
        let mut j = self.buckets[b] as usize;
        while j < K && self.keys[j] < k {
            j += 1;
        }
        if j == K || self.keys[j] != k {
            return;
        }
        let mut first_fits = false;
        for j in j..j + self.entries[j].run as usize {
            let e = self.entries[j];
            // The marker's text is read only for a first word not compared
            // yet and for the words after it.
            if !e.same {
                let src = self.markers[e.id as usize].src.as_bytes();
                first_fits = fits_one(&src[e.alt.0 as usize..e.alt.1 as usize], words[i].as_bytes());
            }
            let len = e.len as usize;
            // A one-word key may be alike a two-word one: each probe takes
            // only the entries of its own kind.
            if !first_fits || (len > 1) != two || i + len > words.len() {
                continue;
            }
            let id = e.id as usize;
            if len > 1 {
                let m = &self.markers[id];
                if !fits_at(&m.src[m.rest as usize..], &words[i + 1..i + len]) {
                    continue;
                }
            }
            if i < 64 {
                r.low[e.set as usize] |= 1 << i;
            } else {
                r.high[e.set as usize] |= 1 << (i - 64);
            }
            r.hit[id / 64] |= 1 << (id % 64);
            r.sets[e.set as usize / 64] |= 1 << (e.set % 64);
        }
    }
}

/// Whether `w` is a number to a `#` element: one or more ASCII digits.
fn is_number(w: &[u8]) -> bool {
    !w.is_empty() && w.iter().all(|b| b.is_ascii_digit())
}

/// Whether one alternative of an element matches a word (`#` is any number).
// Always inlined: a sentence's words compare about one a probe, and the
// call cost more than the comparison (0.1% of a reply's instructions).
#[inline(always)]
fn fits_one(a: &[u8], w: &[u8]) -> bool {
    crate::words::same(a, w) || (a == b"#" && is_number(w))
}

/// Whether a marker's elements match `words` one for one (as many words as
/// elements). Each element's alternatives are tried until one fits (a
/// marker's pair of first words already fitted its key, so the first
/// tried often does), and the next element is found only then (a pass
/// over every byte of the marker, testing each for both separators, was
/// about 265 instructions a call, 93 k per 10,143 words).
fn fits_at(src: &str, words: &[&str]) -> bool {
    // (Read element by element, this stops at the words' end: one word
    // fewer than elements would be taken for a match. The callers give
    // one for each.)
    debug_assert_eq!(src.split(' ').count(), words.len(), "a word for each of the marker's elements: {src:?}");
    let mut rest = src.as_bytes();
    for w in words {
        let w = w.as_bytes();
        // The alternatives of this element, up to a space.
        let fits = loop {
            let end = rest.iter().position(|&b| b == b' ' || b == b'|').unwrap_or(rest.len());
            let fits = fits_one(&rest[..end], w);
            let last = end == rest.len() || rest[end] == b' ';
            rest = rest.get(end + 1..).unwrap_or_default();
            if last {
                break fits;
            }
            if fits {
                // On to the element's end.
                let end = rest.iter().position(|&b| b == b' ').unwrap_or(rest.len());
                rest = rest.get(end + 1..).unwrap_or_default();
                break true;
            }
        };
        if !fits {
            return false;
        }
    }
    true
}

/// What one sentence holds of every marker set (see [`Markers::read`]).
pub(crate) struct Reading<const S: usize> {
    /// Per set, bit `i` set when one of its markers starts at word `i`,
    /// of the first 64 words; `high`, of the words after them (every set's
    /// is 0 unless `long`). Most sentences are 64 words or fewer: only their
    /// `low` is cleared for the next sentence (a reading of `u128`s, twice
    /// the bytes, cost about 70 instructions more a sentence to clear), and
    /// their bits are set and found without a `u128`'s two halves.
    low: [u64; S],
    high: [u64; S],
    /// Whether the sentence read was over 64 words (its `high` may hold bits).
    long: bool,
    /// Per marker (by its place in the index), whether it matched.
    hit: [u64; MAX_MARKERS / 64],
    /// Bit `s` set when a marker of set `s` matched anywhere (sets are at
    /// most [`MAX_SETS`]): whether a sentence holds any of several sets is
    /// one test ([`Reading::holds_any`]), not a load per set. (In two
    /// halves: a `u128` shifted by a set's number cost about 13
    /// instructions a match, 1 k per reply of 150 words.)
    sets: [u64; 2],
    starts: &'static [u16; S],
}

impl<const S: usize> Reading<S> {
    /// A reading of `index` that holds no marker yet (see [`Markers::read_keyed`]).
    pub(crate) fn empty<const M: usize, const K: usize>(index: &'static Markers<M, K, S>) -> Reading<S> {
        Reading {
            low: [0; S],
            high: [0; S],
            long: false,
            hit: [0; MAX_MARKERS / 64],
            sets: [0; 2],
            starts: &index.starts,
        }
    }
    /// Forgets every marker read: [`Reading::empty`] again. (Every set's
    /// words, not only those of the sets a marker matched: a loop over
    /// those, whose end no predictor learns, was 53 k instructions fewer
    /// per 10,143 words but about 1% slower.)
    pub(crate) fn clear(&mut self) {
        self.low = [0; S];
        if self.long {
            self.high = [0; S];
            self.long = false;
        }
        self.hit = [0; MAX_MARKERS / 64];
        self.sets = [0; 2];
    }
    /// Whether a marker of any set of `sets` ([`Set::mask`]s or-ed) matched.
    pub(crate) fn holds_any(&self, sets: u128) -> bool {
        (self.sets[0] as u128 | (self.sets[1] as u128) << 64) & sets != 0
    }
    /// The word positions where a marker of `set` starts, as bits.
    pub(crate) fn at(&self, set: Set) -> u128 {
        self.low[set.0 as usize] as u128 | (self.high[set.0 as usize] as u128) << 64
    }
    /// The first word position where a marker of `set` starts.
    pub(crate) fn first(&self, set: Set) -> Option<usize> {
        // The count of zeros of both halves is worked out without a branch
        // on which holds the bit (a branch on whether the first 64 words
        // hold one, whose answer is the text's, was about 600 mispredicted
        // per 10,000 words): the one branch left is the caller's, on
        // whether there is one.
        let all = self.at(set);
        (all != 0).then_some(all.trailing_zeros() as usize)
    }
    /// Whether the `k`th marker of `set` (in the order listed) matched.
    pub(crate) fn matched(&self, set: Set, k: usize) -> bool {
        let id = self.starts[set.0 as usize] as usize + k;
        debug_assert!(
            self.starts.get(set.0 as usize + 1).is_none_or(|&next| id < next as usize),
            "marker {k} is past the end of its set"
        );
        self.hit[id / 64] & (1 << (id % 64)) != 0
    }
}

/// Lists a rule's marker sets once: each `NAME = list;` becomes a [`Set`]
/// constant `NAME`, and `static INDEX` their [`Markers`], compiled when first used:
/// `markers! { static INDEX; GREETINGS = &["hi", "good morning|evening"]; }`.
/// It also defines the module's `SETS` (the lists, in order: a [`Reading`]
/// of the index is a `Reading<{ SETS.len() }>`) and a private enum
/// `SetName`, so a module lists all its sets in one `markers!`.
/// `static INDEX gated by CLASSES;` gives the index a gate on those
/// classes of sets (a `&[GateClass]`, see [`Markers::gated`]).
macro_rules! markers {
    (static $index:ident $(gated by $gate:expr)? $(, noting $noted:expr)?; $($(#[$doc:meta])* $name:ident = $list:expr;)*) => {
        #[allow(non_camel_case_types, clippy::upper_case_acronyms, dead_code)]
        #[repr(u8)]
        enum SetName { $($name),* }
        $($(#[$doc])* const $name: $crate::rules::markers::Set = $crate::rules::markers::Set(SetName::$name as u8);)*
        const SETS: &[&[&'static str]] = &[$($list),*];
        // The sets are compiled while the crate compiles only to check them
        // (every assertion of `Markers::compile` fails the build); the index
        // itself is compiled when first used rather than stored in the
        // program (in the WebAssembly module, its arrays were about 13 KB
        // of gzip). (A long evaluation at build time, as the lexicon's: see there.)
        #[allow(long_running_const_eval)]
        const _: () = {
            let _ = $crate::rules::markers::Markers::<
                { $crate::rules::markers::sizes(SETS).0 },
                { $crate::rules::markers::sizes(SETS).1 },
                { SETS.len() },
            >::compile(SETS)$(.gated($gate))?$(.noting($noted))?;
        };
        static $index: std::sync::LazyLock<
            Box<
                $crate::rules::markers::Markers<
                    { $crate::rules::markers::sizes(SETS).0 },
                    { $crate::rules::markers::sizes(SETS).1 },
                    { SETS.len() },
                >,
            >,
        > = std::sync::LazyLock::new(|| {
            Box::new($crate::rules::markers::Markers::compile(SETS)$(.gated($gate))?$(.noting($noted))?)
        });
    };
}
pub(crate) use markers;

#[cfg(test)]
mod tests {
    use super::*;

    markers! {
        static INDEX;
        GREET = &["hi", "good morning|evening"];
        COUNT = &["# times", "twice"];
        OTHER = &["same answer", "the same"];
        LATER = &["at # pm|am", "# #", "as i|we said|told"];
    }

    fn read(text: &str) -> Reading<4> {
        let words: Vec<&str> = text.split(' ').collect();
        let keys: Vec<u32> = words.iter().map(|w| word_key(w.as_bytes())).collect();
        INDEX.read(&words, &keys)
    }

    #[test]
    fn a_marker_is_found_wherever_it_starts_and_by_set() {
        let r = read("oh hi good evening hi");
        assert_eq!(r.at(GREET), 0b10110);
        assert_eq!(r.first(GREET), Some(1));
        assert!(r.matched(GREET, 0) && r.matched(GREET, 1));
        assert_eq!(r.first(COUNT), None);
    }

    #[test]
    fn a_number_element_takes_any_digits_and_nothing_else() {
        assert_eq!(read("told you 12 times").first(COUNT), Some(2));
        assert_eq!(read("told you twelve times").first(COUNT), None);
        assert_eq!(read("told you 1x times").first(COUNT), None);
        let r = read("twice");
        assert!(!r.matched(COUNT, 0) && r.matched(COUNT, 1));
    }

    #[test]
    fn a_number_or_alternatives_second_and_a_third_word_are_matched_too() {
        assert_eq!(read("meet at 5 pm or at 6 am").at(LATER), 0b100010);
        assert_eq!(read("meet at five pm").first(LATER), None);
        let r = read("call 12 34 now");
        assert_eq!(r.at(LATER), 0b10);
        assert!(r.matched(LATER, 1) && !r.matched(LATER, 0));
        assert_eq!(read("as we told").first(LATER), Some(0));
        assert_eq!(read("as we say").first(LATER), None);
        assert_eq!(read("as we").first(LATER), None);
    }

    #[test]
    fn a_marker_must_fit_whole_and_within_the_sentence() {
        assert_eq!(read("the same answer").at(OTHER), 0b11);
        assert_eq!(read("same").first(OTHER), None);
        assert_eq!(read("good").first(GREET), None);
        assert_eq!(read("good night").first(GREET), None);
    }
}
