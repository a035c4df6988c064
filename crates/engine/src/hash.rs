//! The one hasher of the engine's tables.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// FNV-1a: short keys, no need for DoS resistance, much faster than SipHash.
#[derive(Default)]
pub(crate) struct Fnv(u64);

impl Hasher for Fnv {
    fn write(&mut self, bytes: &[u8]) {
        self.0 = fnv1a(if self.0 == 0 { FNV_START } else { self.0 }, bytes);
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

/// FNV-1a's starting state.
pub(crate) const FNV_START: u64 = 0xcbf29ce484222325;

/// FNV-1a of `bytes` continued from state `h`, usable while compiling.
pub(crate) const fn fnv1a(mut h: u64, bytes: &[u8]) -> u64 {
    let mut i = 0;
    while i < bytes.len() {
        h ^= bytes[i] as u64;
        h = h.wrapping_mul(0x100000001b3);
        i += 1;
    }
    h
}

/// The next space-separated word of `b` at or after byte `i`: its start
/// and end, or `None` past the last (for the tables built while compiling).
const fn next_word(b: &[u8], mut i: usize) -> Option<(usize, usize)> {
    while i < b.len() && b[i].is_ascii_whitespace() {
        i += 1;
    }
    if i == b.len() {
        return None;
    }
    let start = i;
    while i < b.len() && !b[i].is_ascii_whitespace() {
        i += 1;
    }
    Some((start, i))
}

/// The key of a (folded) word. Tokens carry theirs; the tables looked up
/// per word are keyed by it.
///
/// The word is taken eight bytes at a time, as the `u64`s of its bytes
/// (little-endian, the last one padded with zeros), each mixed in by
/// [`key_step`], and its length by [`key_end`]: the tokenizer reads most
/// words eight bytes at a time too (`Tokens::read_lower_word`), and keys
/// them with two products, where FNV-1a, a byte at a time, took a product
/// per byte. (Nothing may take a key for the low bits of another hash of
/// the word.)
pub(crate) const fn word_key(word: &[u8]) -> u32 {
    let mut h = 0;
    let mut i = 0;
    while i < word.len() {
        let mut chunk = 0u64;
        let mut k = 0;
        while k < 8 && i + k < word.len() {
            chunk |= (word[i + k] as u64) << (8 * k);
            k += 1;
        }
        h = key_step(h, chunk);
        i += 8;
    }
    key_end(h, word.len())
}

/// The state of a [`word_key`] once the eight bytes `chunk` of the word
/// (fewer at its end, padded with zeros) are mixed into `h` (0 at its
/// start): a product, whose high half (which depends on every bit of
/// `h ^ chunk`) is turned to the low half.
#[inline(always)]
pub(crate) const fn key_step(h: u64, chunk: u64) -> u64 {
    (h ^ chunk).wrapping_mul(KEY_FACTOR).rotate_left(32)
}

/// The [`word_key`] of a word of `len` bytes whose chunks made the state
/// `h`: the high half of one more product, so every bit of the key depends
/// on every bit of the state.
#[inline(always)]
pub(crate) const fn key_end(h: u64, len: usize) -> u32 {
    ((h ^ len as u64).wrapping_mul(KEY_FACTOR) >> 32) as u32
}

/// An odd number with its bits spread (2^64 over the golden ratio).
const KEY_FACTOR: u64 = 0x9e37_79b9_7f4a_7c15;

/// The [`word_key`] of the `len` bytes of `bytes` from `start`, at run
/// time: a word of up to eight bytes followed by enough others (most words
/// of a buffer of folded words) is read in one load, not byte by byte.
#[inline]
pub(crate) fn key_within(bytes: &[u8], start: usize, len: usize) -> u32 {
    match bytes.get(start..start + 8) {
        Some(eight) if (1..=8).contains(&len) => {
            let w = u64::from_le_bytes(eight.try_into().unwrap_or_default());
            let chunk = if len == 8 { w } else { w & ((1 << (8 * len)) - 1) };
            key_end(key_step(0, chunk), len)
        }
        _ => word_key(&bytes[start..start + len]),
    }
}

/// The keys of the words of `lists`, in order, `N` in all: a list of keys
/// built from the word lists a reading matches, so that a word added to one
/// of them is in the keys too (a count other than `N` fails the build).
pub(crate) const fn word_keys<const N: usize>(lists: &[&[&str]]) -> [u32; N] {
    let mut keys = [0u32; N];
    let (mut l, mut n) = (0, 0);
    while l < lists.len() {
        let mut i = 0;
        while i < lists[l].len() {
            assert!(n < N, "more words than keys");
            keys[n] = word_key(lists[l][i].as_bytes());
            n += 1;
            i += 1;
        }
        l += 1;
    }
    assert!(n == N, "fewer words than keys");
    keys
}

/// A word key with its bits mixed (a product by an odd number, so two keys
/// are equal exactly when their mixes are): tables that choose by top bits
/// (buckets, tags) use the mix. (It was needed when the key was FNV-1a's,
/// whose top bits barely depend on the last bytes of a short word; it is
/// kept, as those tables were sized and measured with it.)
pub(crate) const fn mixed_key(word_key: u32) -> u32 {
    word_key.wrapping_mul(0x9e37_79b1)
}

/// A hash of a long byte string, eight bytes a step (an FNV-like mix): for
/// keys compared in full after, where speed matters more than spread.
pub(crate) fn long_hash(bytes: &[u8]) -> u64 {
    let mut h: u64 = FNV_START;
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        let w = u64::from_le_bytes(chunk.try_into().unwrap_or_default());
        h = (h ^ w).wrapping_mul(0x0000_0100_0000_01b3).rotate_left(29);
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut w = [0u8; 8];
        w[..rest.len()].copy_from_slice(rest);
        h = (h ^ u64::from_le_bytes(w)).wrapping_mul(0x0000_0100_0000_01b3).rotate_left(29);
    }
    h ^ bytes.len() as u64
}

pub(crate) type FnvMap<K, V> = HashMap<K, V, BuildHasherDefault<Fnv>>;

/// A set of words built while compiling, each word with a bit per list it
/// is in: `lists[i]` gives bit `1 << i` (at most 32 lists); a list's
/// strings are split at ASCII whitespace. Open addressing over FNV-1a, so a
/// lookup is one hash and a probe or two, and nothing is built at run time.
pub(crate) struct WordMap<const SLOTS: usize> {
    /// (word, its [`word_key`], bits); an empty word is an empty slot. The
    /// key is compared first, so a probe that meets another word reads no
    /// bytes of it; the word itself, a slice of its list, is compared only
    /// when the keys are equal.
    slots: [(&'static [u8], u32, u32); SLOTS],
}

/// The slots a [`WordMap`] of `lists` needs: a power of two, at least
/// twice its words.
pub(crate) const fn word_map_slots(lists: &[&[&str]]) -> usize {
    let mut words: usize = 0;
    let mut l = 0;
    while l < lists.len() {
        let mut s = 0;
        while s < lists[l].len() {
            let b = lists[l][s].as_bytes();
            let mut i = 0;
            while i < b.len() {
                if !b[i].is_ascii_whitespace() && (i == 0 || b[i - 1].is_ascii_whitespace()) {
                    words += 1;
                }
                i += 1;
            }
            s += 1;
        }
        l += 1;
    }
    (2 * words + 1).next_power_of_two()
}

/// Whether `a[a0..a1]` holds the bytes of `b`, usable while compiling.
pub(crate) const fn same_bytes(a: &[u8], a0: usize, a1: usize, b: &[u8]) -> bool {
    if a1 - a0 != b.len() {
        return false;
    }
    let mut i = 0;
    while i < b.len() {
        if a[a0 + i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

impl<const SLOTS: usize> WordMap<SLOTS> {
    pub(crate) const fn new(lists: &'static [&'static [&'static str]]) -> WordMap<SLOTS> {
        assert!(lists.len() <= 32 && SLOTS.is_power_of_two() && SLOTS as u64 <= 1 << 32);
        let mut slots: [(&'static [u8], u32, u32); SLOTS] = [(&[], 0, 0); SLOTS];
        let mut l = 0;
        while l < lists.len() {
            let mut s = 0;
            while s < lists[l].len() {
                let b = lists[l][s].as_bytes();
                let mut i = 0;
                while let Some((start, end)) = next_word(b, i) {
                    i = end;
                    let word = b.split_at(start).1.split_at(end - start).0;
                    let key = word_key(word);
                    let mut k = (key as usize) & (SLOTS - 1);
                    loop {
                        let (w, _, bits) = slots[k];
                        if w.is_empty() {
                            slots[k] = (word, key, 1 << l);
                            break;
                        }
                        if same_bytes(w, 0, w.len(), word) {
                            slots[k].2 = bits | 1 << l;
                            break;
                        }
                        k = (k + 1) & (SLOTS - 1);
                    }
                }
                s += 1;
            }
            l += 1;
        }
        WordMap { slots }
    }

    /// The bits of the lists `word` is in (0 if none).
    pub(crate) fn get(&self, word: &str) -> u32 {
        self.get_keyed(word, word_key(word.as_bytes()))
    }

    /// [`WordMap::get`] of a word whose [`word_key`] is known (a token's).
    pub(crate) fn get_keyed(&self, word: &str, key: u32) -> u32 {
        debug_assert!(key == word_key(word.as_bytes()));
        let w = word.as_bytes();
        let mut k = (key as usize) & (SLOTS - 1);
        loop {
            let (slot, slot_key, bits) = self.slots[k];
            if slot.is_empty() {
                return 0;
            }
            if slot_key == key && slot.len() == w.len() && slot.iter().zip(w).all(|(a, b)| a == b) {
                return bits;
            }
            k = (k + 1) & (SLOTS - 1);
        }
    }
}

/// A short list of word keys as 64 bits, one per key by its low six bits:
/// a word whose bit is clear is none of them, told by one test before the
/// list is compared (a rule looking for a handful of words among every
/// token). For longer lists, [`KeyBloom`].
#[derive(Clone, Copy, Debug)]
pub(crate) struct KeyMask(u64);

impl KeyMask {
    /// The mask of `keys`.
    pub(crate) const fn of_keys(keys: &[u32]) -> KeyMask {
        let (mut bits, mut i) = (0u64, 0);
        while i < keys.len() {
            bits |= 1 << (keys[i] % 64);
            i += 1;
        }
        KeyMask(bits)
    }

    /// Whether the word of key `key` may be one of the list's.
    #[inline(always)]
    pub(crate) fn may_hold(self, key: u32) -> bool {
        self.0 & (1 << (key % 64)) != 0
    }
}

/// A set of word keys as 1,024 bits, built while compiling from lists of
/// strings of words (each string split at ASCII whitespace): a word's bit is the top
/// ten bits of its [`mixed_key`]. A word of the lists always has its bit;
/// a word without its bit is in none of them, which a rule asks of every
/// word of a stretch before it reads any of them (no word sliced, no map
/// probed). A list of a hundred words sets about a tenth of the bits.
pub(crate) struct KeyBloom([u64; 16]);

impl KeyBloom {
    pub(crate) const fn of(lists: &[&[&str]]) -> KeyBloom {
        let mut bits = [0u64; 16];
        let mut l = 0;
        while l < lists.len() {
            KeyBloom::add(&mut bits, lists[l]);
            l += 1;
        }
        KeyBloom(bits)
    }

    const fn add(bits: &mut [u64; 16], list: &[&str]) {
        let mut l = 0;
        while l < list.len() {
            let b = list[l].as_bytes();
            let mut i = 0;
            while let Some((start, end)) = next_word(b, i) {
                i = end;
                let bit = KeyBloom::bit(word_key(b.split_at(start).1.split_at(end - start).0));
                bits[bit / 64] |= 1 << (bit % 64);
            }
            l += 1;
        }
    }

    const fn bit(key: u32) -> usize {
        (mixed_key(key) >> 22) as usize
    }

    /// Whether the word of key `key` may be in the lists.
    #[inline(always)]
    pub(crate) fn may_hold(&self, key: u32) -> bool {
        let bit = KeyBloom::bit(key);
        self.0[bit / 64] & 1 << (bit % 64) != 0
    }
}

/// A [`WordMap`] of `lists` (each a list of strings of words), built when
/// first used: its slots, mostly empty, are not stored in the
/// program (the seven maps were about 7 KB of the WebAssembly module's
/// gzip). It is also built while the crate compiles, only to check the
/// lists (every assertion of [`WordMap::new`] fails the build).
macro_rules! word_map {
    ($name:ident = $lists:expr) => {
        const _: () = {
            let _ = $crate::hash::WordMap::<{ $crate::hash::word_map_slots($lists) }>::new($lists);
        };
        static $name: std::sync::LazyLock<Box<$crate::hash::WordMap<{ $crate::hash::word_map_slots($lists) }>>> =
            std::sync::LazyLock::new(|| Box::new($crate::hash::WordMap::new($lists)));
    };
}
pub(crate) use word_map;

/// A module's word lists asked about per word, listed once:
/// `word_lists! { fn lookup; TIME = TIME_WORDS; REASON = REASON_WORDS; }`
/// makes each name a bit constant (`1 <<` its place in the order given) and
/// `fn lookup(word, key) -> u16` the bits of the lists a folded word (with
/// its [`word_key`]) is in: one [`WordMap`] lookup for all of them. Tests
/// read each bit beside its list in `WORD_LISTS`. More than 16 lists (at
/// most 32) take `fn lookup -> u32;`.
macro_rules! word_lists {
    (fn $get:ident; $($(#[$doc:meta])* $name:ident = $list:expr;)*) => {
        $crate::hash::word_lists! { fn $get -> u16; $($(#[$doc])* $name = $list;)* }
    };
    (fn $get:ident -> $bits:ty; $($(#[$doc:meta])* $name:ident = $list:expr;)*) => {
        #[allow(non_camel_case_types, clippy::upper_case_acronyms, dead_code)]
        enum ListName { $($name),* }
        // Every list has a bit of the type given.
        const _: () = assert!([$(stringify!($name)),*].len() <= <$bits>::BITS as usize);
        $($(#[$doc])* const $name: $bits = 1 << ListName::$name as $bits;)*
        #[cfg(test)]
        const WORD_LISTS: &[($bits, &[&str])] = &[$(($name, $list)),*];
        fn $get(word: &str, key: u32) -> $bits {
            $crate::hash::word_map!(LISTS = &[$($list),*]);
            // (No bit is lost: the lists are no more than its bits.)
            LISTS.get_keyed(word, key) as $bits
        }
    };
}
pub(crate) use word_lists;

#[cfg(test)]
mod tests {
    use super::*;

    /// A word's key is the same whether it is read byte by byte, eight
    /// bytes at a time by the tokenizer (its tests check each token's key
    /// against `word_key`), or in one load from a longer buffer.
    #[test]
    fn a_key_within_a_buffer_is_the_words_key() {
        let buffer = b"abcdefghijklmnopqrstuvwxyz0123456789'";
        for start in 0..buffer.len() {
            for len in 0..=buffer.len() - start {
                let word = &buffer[start..start + len];
                assert_eq!(key_within(buffer, start, len), word_key(word), "{word:?}");
            }
        }
        // Words told apart by their length alone, or by a byte past eight.
        assert_ne!(word_key(b""), word_key(b"\0"));
        assert_ne!(word_key(b"abcdefgh"), word_key(b"abcdefgh\0"));
        assert_ne!(word_key(b"abcdefghi"), word_key(b"abcdefghj"));
    }

    const A: &[&str] = &["time when\n  soon", "later"];
    const B: &[&str] = &["why because", "soon"];
    word_map!(MAP = &[A, B]);

    #[test]
    fn a_key_bloom_holds_every_word_of_its_lists() {
        const BLOOM: super::KeyBloom = super::KeyBloom::of(&[&["time when\n  soon", "later"]]);
        for w in ["time", "when", "soon", "later"] {
            assert!(BLOOM.may_hold(super::word_key(w.as_bytes())), "{w}");
        }
        // Most other words are out (a few share a bit).
        let out = ["tim", "times", "because", "why", "order", "refund", "email", "today"];
        assert!(out.iter().filter(|w| BLOOM.may_hold(super::word_key(w.as_bytes()))).count() <= 2);
    }

    #[test]
    fn a_compiled_word_map_gives_each_word_its_lists() {
        assert_eq!(MAP.get("time"), 1);
        assert_eq!(MAP.get("later"), 1);
        assert_eq!(MAP.get("because"), 2);
        assert_eq!(MAP.get("soon"), 3, "a word in both lists");
        for absent in ["", "tim", "times", "when ", "Soon", "because why"] {
            assert_eq!(MAP.get(absent), 0, "{absent:?}");
        }
        // Every word of a long list is found.
        let common: Vec<&str> = crate::words::tests::COMMON_WORDS.split_whitespace().collect();
        assert!(common.len() > 300);
        assert!(common.iter().all(|w| crate::words::is_common(w)));
    }
}
