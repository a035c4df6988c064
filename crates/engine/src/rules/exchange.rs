//! What the rules that read the reply against the customer's message share:
//! the pair of documents, and a rough notion of what a sentence is about
//! (content words, stemmed, with a few synonyms folded together).

use crate::document::{flag, Document};

/// The draft and the customer's message it answers, both parsed.
pub(crate) struct Exchange<'d> {
    pub reply: &'d Document<'d>,
    /// The reply's sentences (`Document::sentences`), listed once for the
    /// relation rules.
    pub sentences: &'d [std::ops::Range<usize>],
    pub message: &'d Document<'d>,
    /// What the rules read in the message alone.
    pub facts: &'d MessageFacts,
}

/// What the relation rules read in the customer's message alone: its
/// questions and the details it gives. `Incremental` keeps it with the
/// message's parse while the message stays the same (the agent types the
/// reply to one message).
pub(crate) struct MessageFacts {
    pub asked: crate::rules::questions::Asked,
    /// The details given, read when a reply first asks for one (see
    /// [`MessageFacts::given`]).
    given: std::sync::OnceLock<Vec<crate::rules::details::Given>>,
    /// The message's sentences (`Document::sentences`), listed once for
    /// the rules that read them.
    pub sentences: Vec<std::ops::Range<usize>>,
}

impl MessageFacts {
    /// The facts of the parsed message `msg`.
    pub fn of(msg: &Document) -> MessageFacts {
        let sentences = msg.sentences();
        MessageFacts {
            asked: crate::rules::questions::asked(msg, &sentences),
            given: std::sync::OnceLock::new(),
            sentences,
        }
    }

    /// The details the message `msg` (the one these facts are of) gives.
    /// Read on first use: most replies ask for no detail, and then no
    /// rule needs them.
    pub fn given(&self, msg: &Document) -> &[crate::rules::details::Given] {
        self.given.get_or_init(|| crate::rules::details::given(msg))
    }
}

/// Words that say nothing about what a question is about: function words,
/// the verbs of asking and helping, greetings.
const STOP: &str = "
a about above after again against all almost along already also although always am an and another any anybody anyone
anything anyway are aren't around as ask asked asking at away back be because been before being below between both
but by can can't cannot cant come could couldn't did didn't do does doesn't doing don't done dont each either
else even ever every everyone everything for from get gets getting give go goes going gonna got gotten guys had hadn't
has hasn't have haven't having he hello help helped helping her here hey hi him his how however i i'd i'll i'm i've id
if im in into is isn't it it's its itself just keep kind know knows let let's like likely lot make many may maybe me
mean might mine more most much must my myself need needed needs no nor not now of off oh ok okay on once one only or
other our ours out over own please pls plz possible really right said same say see seem seems she should shouldn't
since so some somebody someone something sometimes still such sure tell telling than thank thanks that that's the
their them then there there's these they they're thing things think this those though through thx to too told try
tried trying u uh um under until up upon us use used very wanna want wanted wants was wasn't way we we're we've well
were weren't what what's whatever when where whether which while who whom whose why will with without won't wonder
wondering would wouldn't yes yet you you're you've your yours yourself hi hey also able anymore ever today yesterday
time times day days week weeks thing stuff team support guy guys folks sir madam please advise explain answer question
questions reply respond response update info information regarding re via per etc assist assistance
actually exactly basically really just keep keeps kept thinking new old different same first happen happens long
happened happening
";

// The stop words, a word map asked by a word's key.
crate::hash::word_map!(STOP_SET = &[&[STOP]]);

/// Words that name the same thing in a support exchange, by their stems:
/// a question about delivery is addressed by a reply about shipping.
const SYNONYMS: &[&[&str]] = &[
    &["deliv", "ship", "arriv", "dispa", "track", "parce", "packa", "couri", "trans", "eta", "post"],
    &["refun", "reimb", "money", "credi", "repay", "fund"],
    &["charg", "bill", "fee", "cost", "price", "debit", "deduc", "penal", "surch"],
    &["cance", "termi"],
    // Changing a date, a plan or a setting: "can this be changed?" is
    // answered by "it has been moved to the 15th".
    &["chang", "mov", "switc", "amend", "adjus", "resch"],
    &["login", "log", "sign", "signi", "passw", "locke", "acces", "verif"],
    &["repla", "excha", "swap"],
    &["fix", "repai", "resol", "solve", "sort", "work"],
    // Being open or running: "will you resume flights?" is answered by
    // "Midway is operating at a limited capacity".
    &["open", "hour", "close", "reope", "resum", "opera"],
    &["subsc", "membe", "plan"],
    // Time limits: "before the year runs out", "past their expiration date".
    &["expir", "valid", "lapse", "deadl", "run"],
    // "Is there a luggage limit?" is answered by "one suitcase of up to 20kg".
    &["lugga", "bagga", "suitc", "bag"],
    // "Can you block the card?" by "your card is now frozen".
    &["block", "freez", "froze", "suspe"],
    // "Is the server down?" by "we had an outage".
    &["outag", "down", "offli"],
    // "Can my husband pick it up?" is answered by "anyone you send can
    // collect it".
    &["colle", "pick", "fetch"],
];

/// A crude stem: lower case, a possessive and one common suffix off, a
/// doubled final consonant undone, then at most five letters. "refunded",
/// "refunds" and "refund" share "refun"; "shipping" and "ship" share "ship".
#[cfg(test)]
pub(crate) fn stem(w: &str) -> &str {
    stem_of(w, w.is_ascii())
}

/// How many chars `s` holds, known to be ASCII or not (for ASCII, its
/// length: no count needed).
fn chars_in(s: &str, ascii: bool) -> usize {
    if ascii {
        s.len()
    } else {
        s.chars().count()
    }
}

/// `s` without `suffix` (ASCII, a few bytes), if it ends with it: what
/// `str::strip_suffix` gives, the bytes compared in a loop (`strip_suffix`
/// with a suffix chosen at run time calls `memcmp`, which for a few bytes
/// costs more than the comparison).
#[inline(always)]
fn strip_ascii_suffix<'s>(s: &'s str, suffix: &str) -> Option<&'s str> {
    debug_assert!(suffix.is_ascii());
    let (b, x) = (s.as_bytes(), suffix.as_bytes());
    let at = b.len().checked_sub(x.len())?;
    // (An ASCII byte matched at `at` starts a char: `s[..at]` is whole chars.)
    b[at..].iter().zip(x).all(|(a, c)| a == c).then(|| &s[..at])
}

/// [`stem`] of a word known to be ASCII or not.
fn stem_of(w: &str, ascii: bool) -> &str {
    let char_count = |s: &str| chars_in(s, ascii);
    let w = w.strip_suffix("'s").unwrap_or(w);
    let mut s: &str = w;
    let chars = char_count(s);
    if chars >= 5 {
        // The suffixes tried, in order, grouped by their last byte (only
        // those can match).
        let suffixes: &[&str] = match s.as_bytes()[s.len() - 1] {
            b's' => &["ations", "ments", "ings", "ions", "es", "s"],
            b'n' => &["ation", "ion"],
            b't' => &["ment"],
            b'g' => &["ing"],
            b'd' => &["ed"],
            b'y' => &["ly"],
            b'l' => &["al"],
            _ => &[],
        };
        for suffix in suffixes {
            if let Some(rest) = strip_ascii_suffix(s, suffix) {
                if char_count(rest) >= 3 {
                    s = rest;
                    break;
                }
            }
        }
    } else if chars >= 4 && s.ends_with('s') && !s.ends_with("ss") {
        s = &s[..s.len() - 1];
    }
    if s.len() >= 4 && s.ends_with('e') {
        s = &s[..s.len() - 1];
    }
    let b = s.as_bytes();
    if b.len() >= 4
        && b[b.len() - 1].is_ascii_alphabetic()
        && b[b.len() - 1] == b[b.len() - 2]
        && !matches!(b[b.len() - 1], b'a' | b'e' | b'i' | b'o' | b'u' | b's' | b'l')
    {
        s = &s[..s.len() - 1];
    }
    if ascii {
        // (One byte a char: the first five bytes, with no chars decoded.)
        return &s[..s.len().min(5)];
    }
    match s.char_indices().nth(5) {
        Some((at, _)) => &s[..at],
        None => s,
    }
}

crate::hash::word_map!(GROUPS = SYNONYMS);

// A topic's synonym groups are the bits of a `u32`.
const _: () = assert!(SYNONYMS.len() <= 32);

/// The synonym group `stem` belongs to, if any, in `groups` (the map of
/// [`SYNONYMS`], looked up once by the caller); `key` is its word key.
fn group<const N: usize>(groups: &crate::hash::WordMap<N>, stem: &str, key: u32) -> Option<usize> {
    // A stem in two groups belongs to the later one.
    let bits = groups.get_keyed(stem, key);
    (bits != 0).then(|| 31 - bits.leading_zeros() as usize)
}

/// What a stretch of words is about: its content stems (as FNV-1a hashes,
/// so that no word is copied), sorted, and their synonym groups.
#[derive(Default, Debug)]
pub(crate) struct Topic {
    /// Each stem's hash, whether it is a number, and its synonym group plus
    /// one (0 for none); sorted, one per hash.
    stems: Vec<(u64, bool, u8)>,
    /// The synonym groups, group `g` as bit `1 << g`: no list to allocate,
    /// sort or search.
    groups: u32,
    /// How its stems begin (see [`Heads`]).
    heads: Heads,
    /// Its stems' bits (see [`stem_bit`]): a stem whose bit is not set is
    /// not among them, which [`Topic::shares`] tells before it searches.
    /// (Narrowed, a topic keeps the bits of the stems it lost.)
    bloom: u64,
}

/// A stem's bit among 64, from its hash (mixed: the top bits of FNV-1a
/// barely depend on a short word's last bytes).
fn stem_bit(hash: u64) -> u64 {
    1 << (hash.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 58)
}

/// A set of two-byte beginnings of words, as 256 bits (a beginning's bit
/// is a hash of its two bytes, so a beginning not added may share the bit
/// of one added, never the reverse). A stem is a beginning of its word, and
/// the stem of a word that is no number holds three chars or more: a word
/// whose first two bytes are not in a topic's set has no stem of that
/// topic, and [`Census::count_words`] passes it over unstemmed.
#[derive(Default, Debug, Clone, Copy)]
pub(crate) struct Heads([u64; 4]);

impl Heads {
    /// The bit of the beginning of `w` (at least two bytes).
    fn bit(w: &[u8]) -> usize {
        ((u32::from(w[0]) << 8 | u32::from(w[1])).wrapping_mul(0x9e37_79b1) >> 24) as usize
    }

    fn add(&mut self, w: &[u8]) {
        if w.len() >= 2 {
            let b = Heads::bit(w);
            self.0[b / 64] |= 1 << (b % 64);
        }
    }

    fn join(&mut self, other: &Heads) {
        for (a, b) in self.0.iter_mut().zip(other.0) {
            *a |= b;
        }
    }

    /// Whether a stem of `w` (at least two bytes) may begin as one added.
    fn may_begin(&self, w: &[u8]) -> bool {
        let b = Heads::bit(w);
        self.0[b / 64] & 1 << (b % 64) != 0
    }
}

fn hash(s: &str) -> u64 {
    crate::hash::fnv1a(crate::hash::FNV_START, s.as_bytes())
}

/// Calls `each` with every content word of tokens `range` of `doc`, in
/// order (a word that is not a stop word, a link or a handle; numbers
/// count: "order 4471"): its stem's hash, whether the stem is a number,
/// and its synonym group, and the stem. What [`Topic::of`] collects, and
/// what [`Census::count_words`] counts without collecting. A word that is
/// no number and whose first two bytes are not among `heads` (when given)
/// is passed over first: no stem of it is wanted.
fn content_stems(
    doc: &Document,
    range: std::ops::Range<usize>,
    heads: Option<&Heads>,
    mut each: impl FnMut(u64, bool, Option<usize>, &str),
) {
    // (The maps are reached once, not once a word.)
    let (stop, groups) = (&**STOP_SET, &**GROUPS);
    // (The tokens of the range as one slice: one bounds check, not one
    // per token and per look at it.)
    let folded = doc.folded_words();
    for (k, tok) in (range.start..).zip(&doc.tokens[range]) {
        if !tok.is_agent() {
            continue;
        }
        let number = tok.is(flag::NUMBER);
        // A word of under three bytes has under three chars: passed over
        // before its text is read.
        if tok.fold_head().0 < 3 && !number {
            continue;
        }
        if !number && heads.is_some_and(|heads| !heads.may_begin(tok.folded_bytes(folded))) {
            continue;
        }
        let w = tok.folded(folded);
        if stop.get_keyed(w, tok.key) != 0 {
            continue;
        }
        let ascii = w.is_ascii();
        if chars_in(w, ascii) < 3 && !number {
            continue;
        }
        // "of course" says nothing about a course.
        if w == "course" && k > 0 && doc.fold(k - 1) == "of" {
            continue;
        }
        // "down" is a state ("is the server down?"), not a direction
        // ("scroll down", "let you down", "slow down").
        if w == "down"
            && k > 0
            && matches!(
                doc.fold(k - 1),
                "scroll"
                    | "let"
                    | "slow"
                    | "calm"
                    | "sit"
                    | "back"
                    | "shut"
                    | "turn"
                    | "write"
                    | "put"
                    | "set"
                    | "settle"
                    | "cut"
                    | "narrow"
                    | "step"
                    | "track"
                    | "hunt"
                    | "pin"
                    | "note"
                    | "jot"
                    | "break"
                    | "you"
                    | "me"
                    | "us"
                    | "them"
                    | "it"
            )
        {
            continue;
        }
        let s = stem_of(w, ascii);
        let h = hash(s);
        // A stem is the first bytes of its word: keyed where the word
        // stands in the folded words, in one load.
        let key = crate::hash::key_within(folded.as_bytes(), tok.fold_range().0 as usize, s.len());
        each(h, s.bytes().all(|b| b.is_ascii_digit()), group(groups, s, key), s);
    }
}

impl Topic {
    /// The topic of tokens `range` of `doc`: words that are not stop words,
    /// links or handles (numbers count: "order 4471").
    pub fn of(doc: &Document, range: std::ops::Range<usize>) -> Topic {
        Topic::collect(doc, range)
    }

    /// How the stems of `topics` and the words of their synonym groups
    /// begin: a word that begins otherwise shares neither with them.
    pub fn beginnings(topics: &[Topic]) -> Heads {
        let mut heads = Heads::default();
        let mut groups = 0u32;
        for t in topics {
            heads.join(&t.heads);
            groups |= t.groups;
        }
        for g in groups_of(groups) {
            for word in SYNONYMS[g] {
                heads.add(word.as_bytes());
            }
        }
        heads
    }

    fn collect(doc: &Document, range: std::ops::Range<usize>) -> Topic {
        let mut found: Vec<(u64, bool, u8)> = Vec::with_capacity(range.len());
        let mut groups = 0u32;
        let mut heads = Heads::default();
        let mut bloom = 0u64;
        content_stems(doc, range, None, |h, number, g, s| {
            if let Some(g) = g {
                groups |= 1 << g;
            }
            heads.add(s.as_bytes());
            bloom |= stem_bit(h);
            found.push((h, number, g.map_or(0, |g| g as u8 + 1)));
        });
        crate::order::sort(&mut found);
        found.dedup_by_key(|f| f.0);
        Topic { stems: found, groups, heads, bloom }
    }

    pub fn is_empty(&self) -> bool {
        self.stems.is_empty()
    }

    /// The stems, synonym groups and bits of the topic, as
    /// [`Topic::meets`] and [`Topic::shares`] read another topic.
    pub fn view(&self) -> View<'_> {
        View { stems: &self.stems, groups: self.groups, bloom: self.bloom }
    }

    /// Whether the two share a content word or a synonym group.
    pub fn meets(&self, other: View) -> bool {
        self.shares(other, 1)
    }

    /// Whether `other` shares at least `n` of this topic's words, a
    /// synonym group counting once: counted only until it does (the
    /// shared groups first, then stem by stem).
    pub fn shares(&self, other: View, n: usize) -> bool {
        let mut count = (self.groups & other.groups).count_ones() as usize;
        if count >= n {
            return true;
        }
        if other.stems.is_empty() {
            return false;
        }
        for s in &self.stems {
            if other.bloom & stem_bit(s.0) != 0 && other.holds(s.0) {
                count += 1;
                if count >= n {
                    return true;
                }
            }
        }
        false
    }

    /// How many content words (numbers aside) the topic holds.
    pub fn words(&self) -> usize {
        self.stems.iter().filter(|s| !s.1).count()
    }
}

/// What [`Topic::meets`] and [`Topic::shares`] read of the other topic:
/// its stems (sorted, one per hash, if more than [`View::SHORT`]), its
/// synonym groups and its stems' bits, borrowed from a [`Topic`] or from
/// [`Topics`]. Up to [`View::SHORT`] stems are neither sorted nor made
/// distinct: a view is only asked whether it holds a stem ([`View::holds`]),
/// never searched in order or counted.
#[derive(Clone, Copy, Debug)]
pub(crate) struct View<'t> {
    stems: &'t [(u64, bool, u8)],
    groups: u32,
    bloom: u64,
}

impl View<'_> {
    /// Up to this many stems are searched one by one, in any order (a
    /// reply sentence's, mostly: no sort is needed to search a few).
    const SHORT: usize = 8;

    /// Whether stem `hash` is among its stems.
    fn holds(&self, hash: u64) -> bool {
        if self.stems.len() <= View::SHORT {
            self.stems.iter().any(|o| o.0 == hash)
        } else {
            self.stems.binary_search_by_key(&hash, |o| o.0).is_ok()
        }
    }
}

/// The topics of some stretches of a text (a reply's sentences), as far
/// as topics beginning as given can share them (see [`Topics::of_within`]):
/// their stems one after the other in one list, not a list each.
pub(crate) struct Topics {
    stems: Vec<(u64, bool, u8)>,
    /// Per stretch, where its stems end, its synonym groups and its
    /// stems' bits.
    each: Vec<(usize, u32, u64)>,
}

impl Topics {
    /// For each of `ranges` of `doc`, the part of its topic that topics
    /// beginning as `heads` can share (see [`Topic::beginnings`]): what
    /// [`Topic::meets`] and [`Topic::shares`] with those topics read, the
    /// words of no stem of theirs and of no synonym group of theirs left
    /// out unstemmed.
    pub fn of_within(doc: &Document, ranges: &[std::ops::Range<usize>], heads: &Heads) -> Topics {
        // (Room for a few stems a stretch: most words are left out.)
        let mut stems: Vec<(u64, bool, u8)> = Vec::with_capacity(4 * ranges.len());
        let mut each = Vec::with_capacity(ranges.len());
        for r in ranges {
            let start = stems.len();
            let (mut groups, mut bloom) = (0u32, 0u64);
            content_stems(doc, r.clone(), Some(heads), |h, number, g, _| {
                if let Some(g) = g {
                    groups |= 1 << g;
                }
                bloom |= stem_bit(h);
                stems.push((h, number, g.map_or(0, |g| g as u8 + 1)));
            });
            // A few stems are searched in turn, as they came (see
            // [`View::holds`]); more are sorted, one per hash.
            if stems.len() - start > View::SHORT {
                let mut long = stems.split_off(start);
                crate::order::sort(&mut long);
                long.dedup_by_key(|f| f.0);
                stems.append(&mut long);
            }
            each.push((stems.len(), groups, bloom));
        }
        Topics { stems, each }
    }

    /// The topic of the `i`th stretch.
    pub fn get(&self, i: usize) -> View<'_> {
        let start = i.checked_sub(1).map_or(0, |j| self.each[j].0);
        let (end, groups, bloom) = self.each[i];
        View { stems: &self.stems[start..end], groups, bloom }
    }
}

/// How many stretches of a text (sentences, questions) each content word
/// of the questions and each synonym group occurs in: counted once, then
/// asked per question. Only the questions' words are counted (no other is
/// asked about), each against a short sorted list.
pub(crate) struct Census {
    /// The stems of the topics asked about, sorted by hash: how many
    /// stretches hold each, and the last stretch that did (plus one).
    stems: Vec<(u64, usize, usize)>,
    /// Per synonym group, how many stretches touch it, how many of them
    /// are questions, and the last stretch that did (plus one).
    groups: [(usize, usize, usize); SYNONYMS.len()],
    /// How many stretches have been counted.
    stretches: usize,
    /// How the stems asked about and the words of their synonym groups
    /// begin: a word that begins otherwise is counted for nothing.
    heads: Heads,
    /// The stems' bits (see [`stem_bit`]): a stem whose bit is not set is
    /// none of them, and is counted for nothing before any search.
    bloom: u64,
}

impl Census {
    /// A census of the words of `asked`, the topics that
    /// [`Census::narrow`] will be asked about, with nothing counted yet.
    pub fn of(asked: &[Topic]) -> Census {
        let mut stems: Vec<(u64, usize, usize)> = Vec::with_capacity(asked.iter().map(|t| t.stems.len()).sum());
        for s in asked.iter().flat_map(|t| &t.stems) {
            if let Err(i) = stems.binary_search_by_key(&s.0, |c| c.0) {
                stems.insert(i, (s.0, 0, 0));
            }
        }
        // Only the groups of the topics asked about are read (by
        // [`Census::narrow`]): a word of another group counts for
        // nothing either.
        let bloom = asked.iter().fold(0, |b, t| b | t.bloom);
        Census { stems, groups: [(0, 0, 0); SYNONYMS.len()], stretches: 0, heads: Topic::beginnings(asked), bloom }
    }

    /// Counts stem `stem` (by its hash) in the stretch being counted, once
    /// however often the stretch holds it.
    fn count_stem(&mut self, stem: u64) {
        let stretch = self.stretches + 1;
        if self.bloom & stem_bit(stem) == 0 {
            return;
        }
        if let Ok(i) = self.stems.binary_search_by_key(&stem, |c| c.0) {
            let c = &mut self.stems[i];
            if c.2 != stretch {
                c.1 += 1;
                c.2 = stretch;
            }
        }
    }

    /// Counts group `g` in the stretch being counted, once per stretch
    /// (`question`: whether the stretch is a question).
    fn count_group(&mut self, g: usize, question: bool) {
        let stretch = self.stretches + 1;
        let c = &mut self.groups[g];
        if c.2 != stretch {
            c.0 += 1;
            c.1 += usize::from(question);
            c.2 = stretch;
        }
    }

    /// Counts one stretch's topic (`question`: whether the stretch is a
    /// question).
    pub fn count(&mut self, t: &Topic, question: bool) {
        for s in &t.stems {
            self.count_stem(s.0);
        }
        for g in groups_of(t.groups) {
            self.count_group(g, question);
        }
        self.stretches += 1;
    }

    /// Counts the words of tokens `range` of `doc`, a stretch that is no
    /// question: what [`Census::count`] of its topic counts, without the
    /// topic built.
    pub fn count_words(&mut self, doc: &Document, range: std::ops::Range<usize>) {
        let heads = self.heads;
        content_stems(doc, range, Some(&heads), |h, _, g, _| {
            self.count_stem(h);
            if let Some(g) = g {
                self.count_group(g, false);
            }
        });
        self.stretches += 1;
    }

    /// Narrows `t` (a counted stretch) to its own words: those that occur
    /// in no other stretch, and the synonym groups no other stretch
    /// touches; left whole if no word of it is its own. In place: no
    /// topic is made.
    pub fn narrow(&self, t: &mut Topic) {
        let own =
            |s: &(u64, bool, u8)| self.stems.binary_search_by_key(&s.0, |c| c.0).map_or(0, |i| self.stems[i].1) <= 1;
        // (Each stem looked up once: the first own one is found, then kept
        // in place with the own ones after it.)
        let Some(first) = t.stems.iter().position(own) else {
            return;
        };
        // (Its stems are some of what they were: they begin as they did.)
        let mut kept = 0;
        for i in first..t.stems.len() {
            if i == first || own(&t.stems[i]) {
                t.stems[kept] = t.stems[i];
                kept += 1;
            }
        }
        t.stems.truncate(kept);
        // A group no other question touches stays with a word of its own
        // that stays: "Can this be changed?" after "I asked you to move my
        // direct debit" is still answered by "it has been moved".
        let mut groups = 0;
        for g in groups_of(t.groups) {
            let (stretches, questions, _) = self.groups.get(g).copied().unwrap_or((0, 0, 0));
            if stretches <= 1 || (questions <= 1 && t.stems.iter().any(|s| s.2 == g as u8 + 1)) {
                groups |= 1 << g;
            }
        }
        t.groups = groups;
    }
}

/// The synonym groups of a topic's bits, in order.
fn groups_of(bits: u32) -> impl Iterator<Item = usize> {
    // (Bit by bit set, lowest first: most topics have none or one.)
    let mut rest = bits;
    std::iter::from_fn(move || {
        let g = (rest != 0).then(|| rest.trailing_zeros() as usize)?;
        rest &= rest - 1;
        Some(g)
    })
}

/// Whether the word at token `k` is negated: "not", "no", "never" or a
/// word ending in "n't" among the three before it, in the same sentence.
pub(crate) fn negated(doc: &Document, k: usize) -> bool {
    let sentence = doc.tokens[k].sentence;
    (k.saturating_sub(3)..k).any(|j| {
        doc.tokens[j].sentence == sentence && {
            let w = doc.fold(j);
            matches!(w, "not" | "no" | "never" | "nothing" | "without" | "nor" | "dont" | "didnt" | "isnt" | "wasnt")
                || w.ends_with("n't")
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_share_word_families() {
        for (a, b) in [
            ("refunded", "refund"),
            ("refunds", "refund"),
            ("shipping", "ship"),
            ("shipped", "ship"),
            ("orders", "order"),
            ("delivered", "delivery"),
            ("cancelled", "cancel"),
            ("charged", "charges"),
        ] {
            assert_eq!(stem(a), stem(b), "{a} / {b}");
        }
        assert_ne!(stem("account"), stem("accept"));
    }

    /// The census and a reply sentence's topic pass over a word by how it
    /// begins (`Heads`): that holds only while a stem is a beginning of its
    /// word, of two bytes or more for a word of three chars or more.
    #[test]
    fn a_stem_begins_its_word() {
        let more = ["refunded", "deliveries", "cancelled", "shipping", "o'connor's", "café", "naïve", "größe", "4471"];
        for w in crate::words::tests::COMMON_WORDS.split_whitespace().chain(STOP.split_whitespace()).chain(more) {
            let s = stem(w);
            assert!(w.starts_with(s), "{w} -> {s}");
            assert!(w.chars().count() < 3 || s.len() >= 2, "{w} -> {s}");
        }
    }
}
