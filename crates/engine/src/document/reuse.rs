//! Parsing successive versions of one draft: an edit re-tokenises and
//! re-scans only the lines around it (see [`crate::Incremental`]).
//!
//! The draft is cut into chunks of whole lines, each starting at the first
//! word of a line. Three facts make a chunk's parse its own:
//! - the tokenizer carries nothing past a line break into the next word (no
//!   word is in progress, and a line break always ends a sentence), so a
//!   chunk's tokens are a pure function of its text: their boundaries,
//!   folded forms, case flags, punctuation gaps and sentences (numbered from
//!   the chunk's first), and its runs of emphatic punctuation;
//! - a phrase never crosses a sentence, so a chunk's phrase hits are a pure
//!   function of its tokens, of the region flags set over the whole draft
//!   (quoted, placeholder, link: they decide which words are the agent's)
//!   and of the lexicon;
//! - cuts are chosen by content (a line's first bytes), not position, so an
//!   edit moves no cut but those next to it.
//!
//! Each chunk's parse is kept under its text, compared in full (not only
//! hashed), and its hits under its region flags, compared in full, and the
//! lexicon's identity: the document assembled from them is the one a full
//! parse makes (tests below compare tokens and hits field by field over
//! random texts and edits; property tests in `tests/incremental.rs` compare
//! the reports). Chunks the latest parse did not use are dropped by
//! [`ParseMemo::sweep`].

use crate::hash::{fnv1a, long_hash, FnvMap, FNV_START};
use crate::lexicon::{Hit, HitTables, Lexicon};
use crate::tokens::{flag, Flags, Token, Tokens};

/// A line's first word starts a chunk when the line (up to this many bytes
/// of it) hashes to a top three bits of 0: about one line in eight.
const CUT_KEY_BYTES: usize = 128;
/// No chunk is cut shorter than this (a chunk costs a lookup and a few
/// allocations when it is parsed)...
const MIN_CHUNK: usize = 512;
/// ... nor, where lines allow it, longer than this (lines that never hash
/// to a cut: a long run of identical lines).
const MAX_CHUNK: usize = 32 * 1024;

/// Parses kept from earlier versions of the draft.
#[derive(Default)]
pub(crate) struct ParseMemo {
    chunks: Vec<Chunk>,
    /// Chunk indices by the hash of their text.
    by_text: FnvMap<u64, Vec<u32>>,
    /// The latest draft's chunks, in order.
    layout: Vec<Placed>,
    generation: u32,
    /// The stamp the next [`Scanned`] gets: no two ever share one.
    next_stamp: u64,
    /// Whether `layout` is that of the latest draft, scanned.
    scanned_layout: bool,
    /// Chunks reused and parsed since the memo was made (tests, benchmarks).
    pub(crate) reused: usize,
    pub(crate) parsed: usize,
}

/// A chunk in the latest draft.
#[derive(Clone, Copy)]
struct Placed {
    chunk: u32,
    /// Its first byte and its first token in the draft.
    byte: usize,
    token: usize,
    /// The stamp of the scan its hits came from (set by [`ParseMemo::hits`]).
    stamp: u64,
}

/// A chunk of the latest draft, for work kept per chunk (see
/// `rules::local`): its bytes, its tokens, and a stamp that stands for its
/// text, its words' region flags and the lexicon exactly, as no other
/// chunk's scan ever has the same one.
#[derive(Clone, Debug)]
pub(crate) struct PlacedChunk {
    pub bytes: std::ops::Range<usize>,
    pub tokens: std::ops::Range<usize>,
    pub stamp: u64,
}

struct Chunk {
    text: Box<str>,
    tokens: Tokens,
    /// Its hits under the region flags it was seen with: a chunk of text
    /// may stand twice in a draft, once quoted and once not.
    scanned: Vec<Scanned>,
    generation: u32,
}

/// At most this many [`Scanned`] are kept per chunk.
const SCANS_KEPT: usize = 4;

/// A chunk's hits, found with `lexicon` while its tokens had `regions`.
struct Scanned {
    stamp: u64,
    lexicon: (usize, usize, u64),
    regions: Vec<Flags>,
    /// (table, hit) by table, then in text order; relative to the chunk.
    hits: Vec<(u16, Hit)>,
}

impl ParseMemo {
    /// The tokens of `text`, as [`Tokens::of`] makes them, reusing the
    /// chunks of earlier drafts; remembers the chunks for [`Self::hits`].
    pub(crate) fn tokens(&mut self, text: &str) -> Tokens {
        self.layout.clear();
        self.scanned_layout = false;
        let mut out = Tokens {
            tokens: Vec::with_capacity(text.len() / 5),
            folded: String::with_capacity(text.len()),
            ..Tokens::default()
        };
        let mut start = 0;
        for end in cuts(text).chain(std::iter::once(text.len())) {
            let k = self.chunk(&text[start..end]);
            self.layout.push(Placed { chunk: k, byte: start, token: out.tokens.len(), stamp: 0 });
            let c = &self.chunks[k as usize].tokens;
            let fold = out.folded.len() as u32;
            let sentence = out.sentence_count;
            out.tokens.extend(c.tokens.iter().map(|t| t.shifted(start, fold, sentence)));
            out.folded.push_str(&c.folded);
            out.exclamation_runs.extend(c.exclamation_runs.iter().map(|s| s.moved(start as isize)));
            out.sentence_count += c.sentence_count;
            start = end;
        }
        out
    }

    /// The index of the chunk of `text`, parsed now if no earlier draft had it.
    fn chunk(&mut self, text: &str) -> u32 {
        let hash = long_hash(text.as_bytes());
        let generation = self.generation;
        let bucket = self.by_text.entry(hash).or_default();
        if let Some(&k) = bucket.iter().find(|&&k| *self.chunks[k as usize].text == *text) {
            self.chunks[k as usize].generation = generation;
            self.reused += 1;
            return k;
        }
        self.parsed += 1;
        let k = self.chunks.len() as u32;
        bucket.push(k);
        self.chunks.push(Chunk { text: text.into(), tokens: Tokens::of(text), scanned: Vec::new(), generation });
        k
    }

    /// The lexicon's hits in `tokens` (the latest [`Self::tokens`], with
    /// their region flags set), as [`Lexicon::scan`] finds them, re-scanning
    /// only chunks whose words or region flags changed.
    pub(crate) fn hits(&mut self, tokens: &[Token], lexicon: &Lexicon) -> HitTables {
        let mut out: Vec<(u16, Hit)> = Vec::new();
        let identity = lexicon.identity();
        debug_assert_eq!(
            self.layout.last().map_or(0, |p| p.token + self.chunks[p.chunk as usize].tokens.tokens.len()),
            tokens.len(),
            "hits() reads the tokens of the latest tokens()"
        );
        for placed in &mut self.layout {
            let Placed { chunk: k, byte, token: first, .. } = *placed;
            let chunk = &mut self.chunks[k as usize];
            let own = &tokens[first..first + chunk.tokens.tokens.len()];
            let kept = chunk.scanned.iter().position(|s| {
                s.lexicon == identity && s.regions.iter().zip(own).all(|(r, t)| *r == t.flags & flag::REGIONS)
            });
            let kept = match kept {
                Some(i) => i,
                None => {
                    let regions: Vec<Flags> = own.iter().map(|t| t.flags & flag::REGIONS).collect();
                    let mut marked = chunk.tokens.tokens.clone();
                    for (t, r) in marked.iter_mut().zip(&regions) {
                        t.flags |= *r;
                    }
                    let hits = lexicon.scan_found(&marked, &chunk.tokens.folded);
                    if chunk.scanned.len() == SCANS_KEPT {
                        chunk.scanned.remove(0);
                    }
                    chunk.scanned.push(Scanned { stamp: self.next_stamp, lexicon: identity, regions, hits });
                    self.next_stamp += 1;
                    chunk.scanned.len() - 1
                }
            };
            placed.stamp = chunk.scanned[kept].stamp;
            for &(table, h) in &chunk.scanned[kept].hits {
                out.push((
                    table,
                    Hit {
                        entry: h.entry,
                        first: h.first + first as u32,
                        last: h.last + first as u32,
                        span: h.span.moved(byte as isize),
                    },
                ));
            }
        }
        self.scanned_layout = true;
        HitTables::from_found(lexicon.tables(), &out)
    }

    /// The chunks of the latest draft, in order, once [`Self::hits`] has
    /// scanned them (`None` before, or when the draft was not parsed here).
    pub(crate) fn placed(&self, text_len: usize) -> Option<Vec<PlacedChunk>> {
        if !self.scanned_layout {
            return None;
        }
        let mut out: Vec<PlacedChunk> = Vec::with_capacity(self.layout.len());
        for (i, p) in self.layout.iter().enumerate() {
            let end = self.layout.get(i + 1).map_or(text_len, |n| n.byte);
            let tokens = self.chunks[p.chunk as usize].tokens.tokens.len();
            out.push(PlacedChunk { bytes: p.byte..end, tokens: p.token..p.token + tokens, stamp: p.stamp });
        }
        Some(out)
    }

    /// Drops the chunks the latest parse did not use.
    pub(crate) fn sweep(&mut self) {
        let generation = self.generation;
        let old = std::mem::take(&mut self.chunks);
        self.by_text.clear();
        for chunk in old.into_iter().filter(|c| c.generation == generation) {
            let hash = long_hash(chunk.text.as_bytes());
            self.by_text.entry(hash).or_default().push(self.chunks.len() as u32);
            self.chunks.push(chunk);
        }
        self.layout.clear();
        self.scanned_layout = false;
        self.generation = self.generation.wrapping_add(1);
    }

    /// How many chunks the memo keeps.
    pub(crate) fn len(&self) -> usize {
        self.chunks.len()
    }
}

/// Where `text` is cut into chunks, in order: byte offsets of the first
/// word of a line (the first alphanumeric character after a line break),
/// chosen by the hash of the line's first bytes, at least [`MIN_CHUNK`]
/// apart; past [`MAX_CHUNK`], at the next line's first word.
fn cuts(text: &str) -> impl Iterator<Item = usize> + '_ {
    let bytes = text.as_bytes();
    let mut from = 0;
    let mut last_cut = 0;
    std::iter::from_fn(move || loop {
        let newline = from + text[from..].find('\n')?;
        let word = first_word_after(text, newline + 1)?;
        from = word;
        if word - last_cut < MIN_CHUNK {
            continue;
        }
        let line = &bytes[word..(word + CUT_KEY_BYTES).min(bytes.len())];
        let line = line.iter().position(|&b| b == b'\n').map_or(line, |end| &line[..end]);
        if fnv1a(FNV_START, line) >> 61 == 0 || word - last_cut >= MAX_CHUNK {
            last_cut = word;
            return Some(word);
        }
    })
}

/// The byte offset of the first character at or after `at` that starts a
/// word (see `Tokens::of`: with no word in progress, only an alphanumeric
/// character does).
fn first_word_after(text: &str, at: usize) -> Option<usize> {
    let rest = text.get(at..)?;
    rest.char_indices().find(|&(_, c)| c.is_alphanumeric()).map(|(k, _)| at + k)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chunked_tokens_are_the_whole_drafts_tokens() {
        let text: String = (0..200)
            .map(|i| format!("Hi Mr. Raman {i}!! It's *done*.\n\n  — 'quoted' café, naïve… ¿Qué? 王伟您好\n> {i}-34 e.g. this?!\n"))
            .collect();
        let mut memo = ParseMemo::default();
        assert!(cuts(&text).count() > 10, "the draft is cut");
        same_tokens(&memo.tokens(&text), &Tokens::of(&text), &text);
        // The same draft again: every chunk is reused.
        let parsed = memo.parsed;
        same_tokens(&memo.tokens(&text), &Tokens::of(&text), &text);
        assert_eq!(memo.parsed, parsed);
    }

    #[test]
    fn cuts_fall_on_a_lines_first_word() {
        let text = "word ".repeat(30) + "\n\n- ¡Olé!\n" + &"more words\n".repeat(400);
        for cut in cuts(&text) {
            assert!(text[..cut].ends_with(|c: char| !c.is_alphanumeric()));
            let before = &text[..cut];
            let gap_start = before.rfind(|c: char| c.is_alphanumeric()).unwrap();
            assert!(before[gap_start..].contains('\n'), "no line break before the cut at {cut}");
            assert!(text[cut..].starts_with(|c: char| c.is_alphanumeric()));
        }
    }

    // Random texts of tricky characters and lexicon words, edited: the
    // chunked tokens must equal `Tokens::of`, and the chunked hits (under
    // random region flags that change between versions) `Lexicon::scan`,
    // field by field. Written by a reviewer; `REUSE_FUZZ_CASES` runs more
    // (20,000 texts of 8 versions found no difference).
    struct Rng(u64);
    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
            let mut z = self.0;
            z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
            z ^ (z >> 31)
        }
        fn below(&mut self, n: usize) -> usize {
            (self.next() % n.max(1) as u64) as usize
        }
    }

    const ATOMS: &[&str] = &[
        "a",
        "B",
        "1",
        " ",
        " ",
        " ",
        "\n",
        "\n",
        "\r\n",
        "\r",
        ".",
        "!",
        "?",
        "!!",
        "?!",
        "'",
        "’",
        "\u{301}",
        "\u{345}",
        "\u{93e}",
        "王",
        "😀",
        "…",
        ",",
        "-",
        "Σ",
        "\u{2028}",
        "\u{85}",
        "ﬁ",
        "İ",
        "Mr",
        "e",
        "g",
        "Mr. ",
        "e.g. ",
        "\"",
        ")",
        ">",
        "[",
        "%",
        ":",
        "—",
        "。",
        "！",
        "\t",
        "\u{200d}",
        "\u{feff}",
        "ǅ",
        "Ⅻ",
        "٣",
        "²",
        "sorry ",
        "i'm so sorry ",
        "as i already explained ",
        "thanks so much ",
        "you need to ",
        "please ",
        "thank you for your patience ",
        "i really worry ",
        "i'm frustrated that ",
        "per my last email ",
        "calm down ",
        "lifetime guarantee ",
        "again ",
        "ASAP ",
        "unfortunately ",
        "no worries ",
        "obviously ",
        "just ",
    ];

    fn text(rng: &mut Rng) -> String {
        let len = 600 + rng.below(12000);
        let mut s = String::new();
        // Lines of varied starts so that they hash to cuts.
        while s.len() < len {
            let k = rng.below(ATOMS.len() + 20);
            if k >= ATOMS.len() {
                s.push_str(&format!("{}", rng.below(100000)));
            } else {
                s.push_str(ATOMS[k]);
            }
        }
        s
    }

    fn same_tokens(a: &Tokens, b: &Tokens, text: &str) {
        assert_eq!(a.folded, b.folded, "{text:?}");
        assert_eq!(a.sentence_count, b.sentence_count, "{text:?}");
        assert_eq!(a.exclamation_runs, b.exclamation_runs, "{text:?}");
        assert_eq!(a.tokens.len(), b.tokens.len(), "{text:?}");
        for (x, y) in a.tokens.iter().zip(&b.tokens) {
            assert_eq!(
                (x.span, x.folded(&a.folded), x.sentence, x.flags, x.gap),
                (y.span, y.folded(&b.folded), y.sentence, y.flags, y.gap),
                "{text:?}"
            );
        }
    }

    fn same_hits(a: &HitTables, b: &HitTables) {
        assert_eq!(a.tables(), b.tables());
        for t in 0..a.tables() {
            let x: Vec<_> = a.get(t).iter().map(|h| (h.entry, h.first, h.last, h.span)).collect();
            let y: Vec<_> = b.get(t).iter().map(|h| (h.entry, h.first, h.last, h.span)).collect();
            assert_eq!(x, y);
            assert_eq!(a.max_ends(t), b.max_ends(t));
        }
    }

    #[test]
    fn random_texts_parse_in_chunks_as_a_whole() {
        let cases: usize = std::env::var("REUSE_FUZZ_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(40);
        let mut rng = Rng(0x5eed);
        let lexicon = crate::rules::draft_lexicon();
        let regions = [flag::QUOTED, flag::PLACEHOLDER, flag::LINK];
        let mut total_chunks = 0usize;
        let mut total_hits = 0usize;
        for _ in 0..cases {
            let mut memo = ParseMemo::default();
            let mut s = text(&mut rng);
            for _version in 0..8 {
                let chunked = memo.tokens(&s);
                let whole = Tokens::of(&s);
                same_tokens(&chunked, &whole, &s);
                total_chunks += memo.layout.len();
                // Random region runs over the whole draft.
                let mut toks = whole.tokens.clone();
                let mut i = 0;
                while i < toks.len() {
                    let run = 1 + rng.below(40);
                    let f = if rng.below(3) == 0 { regions[rng.below(3)] } else { Flags::NONE };
                    for t in toks.iter_mut().skip(i).take(run) {
                        t.flags |= f;
                    }
                    i += run;
                }
                let got = memo.hits(&toks, lexicon);
                let want = lexicon.scan(&toks, &whole.folded);
                total_hits += (0..want.tables()).map(|t| want.get(t).len()).sum::<usize>();
                same_hits(&got, &want);
                // Again with the same flags (reused hits), then an edit.
                let got = memo.hits(&toks, lexicon);
                same_hits(&got, &want);
                memo.sweep();
                let at = s.floor_char_boundary(rng.below(s.len() + 1));
                if rng.below(2) == 0 {
                    let ins = ATOMS[rng.below(ATOMS.len())];
                    s.insert_str(at, ins);
                } else {
                    let end = s.floor_char_boundary(at + 1 + rng.below(80));
                    s.replace_range(at..end, "");
                }
            }
        }
        assert!(total_chunks > 4 * cases * 8 && total_hits > 1000, "{total_chunks} chunks, {total_hits} hits");
    }
}
