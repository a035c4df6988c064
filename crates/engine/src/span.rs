//! Byte spans into the draft, and the one place they become UTF-16 offsets.

use std::ops::Index;

/// A half-open byte range `start..end` into the analysed text.
///
/// Fields are private so that every span is built through [`Span::new`], which
/// upholds `start <= end`, or [`Span::of_len`], a start and a length. The engine only ever creates spans on char
/// boundaries; the property tests check that.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Span {
    start: usize,
    end: usize,
}

impl Span {
    /// Creates a span. Panics if `start > end`, which would be an engine bug.
    #[track_caller]
    pub fn new(start: usize, end: usize) -> Span {
        assert!(start <= end, "span start {start} is after its end {end}");
        Span { start, end }
    }

    /// The span of the `len` bytes from `start`: `start <= end` by
    /// construction (an offset into a text and a length within it cannot
    /// overflow; a debug build checks it), with no test. The tokenizer's
    /// loop of lower-case words makes one per word, where
    /// [`Span::new`]'s test and the values its message needed kept were
    /// about five instructions a word.
    #[inline(always)]
    pub(crate) fn of_len(start: usize, len: usize) -> Span {
        debug_assert!(start.checked_add(len).is_some(), "a span's end is within the address space");
        Span { start, end: start + len }
    }

    pub fn start(&self) -> usize {
        self.start
    }

    pub fn end(&self) -> usize {
        self.end
    }

    pub fn len(&self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// Whether the two spans share at least one byte.
    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// Whether `other` lies entirely inside this span.
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// The smallest span covering both.
    pub fn cover(&self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }

    /// The same bytes `by` bytes further on (or back): where they stand in
    /// a longer text, or after an edit before them.
    pub(crate) fn moved(self, by: isize) -> Span {
        Span::new(self.start.wrapping_add_signed(by), self.end.wrapping_add_signed(by))
    }
}

impl Index<Span> for str {
    type Output = str;

    fn index(&self, span: Span) -> &str {
        &self[span.start..span.end]
    }
}

/// Converts byte offsets into UTF-16 code-unit offsets, the unit the DOM and
/// JavaScript count in.
///
/// This is the only conversion from bytes to UTF-16 in the project: the CLI's
/// JSON, the widget's highlights and the embed API all go through it. It walks
/// the text once, so converting every span of a report costs one pass.
/// Offsets that are not on a char boundary are rounded down to the char they
/// fall in; offsets past the end map to the text's UTF-16 length.
pub fn utf16_offsets(text: &str, byte_offsets: &[usize]) -> Vec<usize> {
    let order = crate::order::sorted_order(byte_offsets.len(), &mut |a, b| byte_offsets[a] < byte_offsets[b]);
    let mut out = vec![0; byte_offsets.len()];
    let bytes = text.as_bytes();
    let (mut at, mut units) = (0, 0);
    for i in order {
        let i = i as usize;
        // The char boundary at or before the offset: an offset inside a
        // char counts the chars wholly before it.
        let target = text.floor_char_boundary(byte_offsets[i]);
        units += utf16_len(&bytes[at..target]);
        at = target;
        out[i] = units;
    }
    out
}

/// The UTF-16 length of `bytes`, whole chars of UTF-8: every char is one
/// unit, told by its first byte (any byte but a continuation byte,
/// `0b10xx_xxxx`), and a char of four bytes (first byte `0xF0` and above)
/// one more, a surrogate pair. No char is decoded, and eight bytes of ASCII
/// are counted at once: most of a draft.
fn utf16_len(bytes: &[u8]) -> usize {
    let units = |b: &[u8]| -> usize { b.iter().map(|&b| usize::from(b & 0xC0 != 0x80) + usize::from(b >= 0xF0)).sum() };
    let mut n = 0;
    let mut words = bytes.chunks_exact(8);
    for w in &mut words {
        let mut word = [0u8; 8];
        word.copy_from_slice(w);
        n += if u64::from_le_bytes(word) & 0x8080_8080_8080_8080 == 0 { 8 } else { units(w) };
    }
    n + units(words.remainder())
}

/// Converts a UTF-16 offset (for example a textarea's `selectionStart`) back
/// to a byte offset on a char boundary, clamped to the text.
pub fn byte_offset_from_utf16(text: &str, utf16: usize) -> usize {
    let mut units = 0;
    for (at, c) in text.char_indices() {
        if units >= utf16 {
            return at;
        }
        units += c.len_utf16();
    }
    text.len()
}

/// [`byte_offset_from_utf16`] of each of `units`, sorted ascending, in one
/// pass over the text: converting a chunk's many marks one by one would
/// walk the text once per mark.
pub fn byte_offsets_from_utf16(text: &str, units: &[usize]) -> Vec<usize> {
    debug_assert!(units.windows(2).all(|w| w[0] <= w[1]), "offsets must be sorted");
    let mut out = Vec::with_capacity(units.len());
    let mut chars = text.char_indices().peekable();
    // UTF-16 units before the next char.
    let mut seen = 0usize;
    for &u in units {
        while seen < u {
            match chars.next() {
                Some((_, c)) => seen += c.len_utf16(),
                None => break,
            }
        }
        // The first char with at least `u` units before it.
        out.push(if seen >= u { chars.peek().map_or(text.len(), |&(i, _)| i) } else { text.len() });
    }
    out
}

/// The first `byte` of `b` at or after offset `from`. Sixty-four bytes a
/// step, as eight words: the bytes of a word are equal to `byte` where `x -
/// 0x01..01` (`x` the word xor `byte` in every lane) borrows into a byte's
/// top bit that `x` itself does not have, and the lowest such byte is
/// always one (a byte above it may be flagged by the borrow, so only the
/// lowest is taken); the eight words' flags are joined, and their top bits
/// taken, once a step, and read apart only in the step that holds the
/// byte. A byte at a time, or `str::match_indices` with its searcher set
/// up per call, cost twice as much as eight bytes a step, which cost a
/// third more than thirty-two (the message's line breaks); the slice's
/// `contains` reads sixteen bytes a step (about 65 k instructions for the
/// 57,449 bytes of the 10,143 words, searched for an asterisk: about 29 k
/// more than thirty-two bytes a step). Thirty-two bytes a step, each
/// word's top bits taken apart, cost about 75.5 k instructions an
/// analysis of the 10,143 words (an asterisk and a percent sign searched
/// for), sixty-four about 66.7 k.
pub(crate) fn next_byte(b: &[u8], from: usize, byte: u8) -> Option<usize> {
    const ONES: u64 = u64::from_le_bytes([0x01; 8]);
    const TOPS: u64 = u64::from_le_bytes([0x80; 8]);
    let bytes = u64::from_le_bytes([byte; 8]);
    // A word's flags, their top bits not yet taken.
    let flags = |word: &[u8]| {
        let mut w = [0u8; 8];
        w.copy_from_slice(word);
        let x = u64::from_le_bytes(w) ^ bytes;
        x.wrapping_sub(ONES) & !x
    };
    let mut i = from.min(b.len());
    for step in b[i..].chunks_exact(64) {
        let words: [u64; 8] = std::array::from_fn(|k| flags(&step[8 * k..8 * k + 8]));
        if words.iter().fold(0, |any, w| any | w) & TOPS != 0 {
            let (word, bits) = words.iter().map(|w| w & TOPS).enumerate().find(|(_, f)| *f != 0)?;
            return Some(i + word * 8 + (bits.trailing_zeros() / 8) as usize);
        }
        i += 64;
    }
    // The rest a word at a time (a byte at a time, up to 63 bytes, cost a
    // short reply more than it saved).
    for word in b[i..].chunks_exact(8) {
        let bits = flags(word) & TOPS;
        if bits != 0 {
            return Some(i + (bits.trailing_zeros() / 8) as usize);
        }
        i += 8;
    }
    b[i..].iter().position(|&c| c == byte).map(|p| i + p)
}

/// Every text made of at most `n` of `pieces` (in any order, repeats
/// allowed): inputs for tests that compare two ways of finding something.
#[cfg(test)]
pub(crate) fn every_text(pieces: &[&str], n: usize) -> Vec<String> {
    let mut all = vec![String::new()];
    let mut last = vec![String::new()];
    for _ in 0..n {
        last = last.iter().flat_map(|s| pieces.iter().map(move |p| format!("{s}{p}"))).collect();
        all.extend(last.iter().cloned());
    }
    all
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn many_utf16_offsets_convert_in_one_pass_as_one_by_one() {
        for text in ["", "a", "Hi 👋🏽 Zoé, 漢字 ok\r\n\t\u{1F1EC}\u{1F1E7}!", "éé", "👋👋"] {
            let total = text.encode_utf16().count();
            let units: Vec<usize> = (0..=total + 2).collect();
            let one_by_one: Vec<usize> = units.iter().map(|&u| byte_offset_from_utf16(text, u)).collect();
            assert_eq!(byte_offsets_from_utf16(text, &units), one_by_one, "{text:?}");
            // Repeats and gaps.
            let some: Vec<usize> = units.iter().copied().filter(|u| u % 3 != 1).flat_map(|u| [u, u]).collect();
            let expected: Vec<usize> = some.iter().map(|&u| byte_offset_from_utf16(text, u)).collect();
            assert_eq!(byte_offsets_from_utf16(text, &some), expected, "{text:?}");
        }
    }

    /// A byte at every place of two steps, of the words after them and of
    /// the bytes after those, among bytes one above and below it (a word
    /// search flags a byte past a match by its borrow), is found from every
    /// offset as a byte-by-byte search finds it.
    #[test]
    fn next_byte_finds_what_a_search_byte_by_byte_finds() {
        for len in [0, 1, 7, 8, 9, 63, 64, 65, 71, 72, 127, 128, 143, 150] {
            for at in 0..=len {
                let mut text: Vec<u8> = (0..len).map(|k| [b'$', b'&', b'a'][k % 3]).collect();
                if at < len {
                    text[at] = b'%';
                }
                for from in 0..=len + 1 {
                    let expected = text.iter().skip(from).position(|&c| c == b'%').map(|p| from + p);
                    assert_eq!(next_byte(&text, from, b'%'), expected, "{len} {at} {from}");
                }
            }
        }
    }

    #[test]
    fn indexes_str_by_span() {
        assert_eq!(&"Hi Priya"[Span::new(3, 8)], "Priya");
    }

    #[test]
    fn counts_emoji_as_two_utf16_units() {
        let text = "a😀b é";
        // bytes: a=0, 😀=1..5, b=5, ' '=6, é=7..9
        assert_eq!(utf16_offsets(text, &[0, 1, 5, 6, 7, 9]), vec![0, 1, 3, 4, 5, 6]);
    }

    /// Every offset, on a char boundary or inside a char or past the end,
    /// converts as counting the UTF-16 units of the chars wholly before it.
    #[test]
    fn the_byte_walk_counts_what_the_chars_before_an_offset_hold() {
        for text in every_text(&["a", "é", "€", "😀", "\n", "eight ch"], 4) {
            let offsets: Vec<usize> = (0..=text.len() + 2).rev().collect();
            let expected: Vec<usize> = offsets
                .iter()
                .map(|&o| {
                    text.char_indices().filter(|(at, c)| at + c.len_utf8() <= o).map(|(_, c)| c.len_utf16()).sum()
                })
                .collect();
            assert_eq!(utf16_offsets(&text, &offsets), expected, "{text:?}");
        }
    }

    #[test]
    fn converts_unsorted_offsets() {
        let text = "王伟 hi";
        assert_eq!(utf16_offsets(text, &[7, 0, 3]), vec![3, 0, 1]);
    }

    #[test]
    fn round_trips_utf16_to_bytes() {
        let text = "x😀yé";
        for byte in [0, 1, 5, 6, 8] {
            let u = utf16_offsets(text, &[byte])[0];
            assert_eq!(byte_offset_from_utf16(text, u), byte);
        }
        assert_eq!(byte_offset_from_utf16(text, 99), text.len());
    }

    #[test]
    fn overlap_is_half_open() {
        assert!(!Span::new(0, 3).overlaps(Span::new(3, 5)));
        assert!(Span::new(0, 4).overlaps(Span::new(3, 5)));
    }
}
