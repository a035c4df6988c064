//! The parsed draft: tokenised once, then queried by every rule.
//!
//! Parsing records, for each word, its folded form (lower case, no accents,
//! straight apostrophes), its case shape, the punctuation that follows it and
//! the sentence it belongs to. It also finds the regions that are not the
//! agent's own words (quoted customer text) and unfilled template
//! placeholders, and it runs the phrase lexicon once over the agent's words.

use crate::fold::{fold_char_into, is_apostrophe, is_combining_mark};
use crate::lexicon::{Hit, Lexicon};
use crate::span::Span;

/// Case and role flags of a [`Token`].
pub(crate) mod flag {
    /// The first letter is upper case.
    pub const CAP: u16 = 1;
    /// At least two cased letters, all of them upper case.
    pub const ALL_CAPS: u16 = 1 << 1;
    /// Starts with an ASCII digit.
    pub const NUMBER: u16 = 1 << 2;
    /// Inside quoted customer text: not the agent's words.
    pub const QUOTED: u16 = 1 << 3;
    /// Inside an unfilled template placeholder.
    pub const PLACEHOLDER: u16 = 1 << 4;
    /// First word of its sentence.
    pub const SENT_START: u16 = 1 << 5;
    /// Contains a character of a script written without spaces (CJK, Thai).
    pub const UNSPACED: u16 = 1 << 6;
    /// Letters only (apostrophes allowed).
    pub const ALPHA: u16 = 1 << 7;
    /// Part of a link, an e-mail address, a handle (`@customer`) or an agent's
    /// initials after the reply (`^QA`): not prose, not the agent's words.
    pub const LINK: u16 = 1 << 8;
}

/// Punctuation seen between a token and the next one.
pub(crate) mod gap {
    pub const COMMA: u16 = 1;
    pub const PERIOD: u16 = 1 << 1;
    pub const EXCLAIM: u16 = 1 << 2;
    pub const QUESTION: u16 = 1 << 3;
    pub const COLON: u16 = 1 << 4;
    pub const NEWLINE: u16 = 1 << 5;
    /// A hyphen with no space around it, as in "Anne-Marie" or "XXXX-4421".
    pub const TIGHT_HYPHEN: u16 = 1 << 6;
    /// A dash or hyphen with space around it.
    pub const DASH: u16 = 1 << 7;
    pub const QUOTE: u16 = 1 << 8;
    pub const PERCENT: u16 = 1 << 9;
    pub const OTHER: u16 = 1 << 10;
    /// A sentence ends after this token.
    pub const BREAK: u16 = 1 << 11;
    /// Any punctuation that closes a vocative ("Thanks, Grace!").
    pub const CLAUSE: u16 = COMMA | PERIOD | EXCLAIM | QUESTION | COLON | NEWLINE | DASH | BREAK;
}

/// One word of the draft.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Token {
    pub span: Span,
    fold_start: u32,
    fold_end: u32,
    pub sentence: u32,
    pub flags: u16,
    /// Punctuation after this token, see [`gap`].
    pub gap: u16,
}

impl Token {
    pub fn is(&self, f: u16) -> bool {
        self.flags & f != 0
    }
    pub fn gap_has(&self, g: u16) -> bool {
        self.gap & g != 0
    }
    /// The agent's own words: not quoted, not a placeholder, not a link.
    pub fn is_agent(&self) -> bool {
        self.flags & (flag::QUOTED | flag::PLACEHOLDER | flag::LINK) == 0
    }
}

/// An unfilled template placeholder such as `[Name]` or `{{first_name}}`.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Placeholder {
    pub span: Span,
    /// Whether it stands for a person's name.
    pub is_name: bool,
}

/// The opening greeting ("Hi Priya,", "Dear Ms. Raman,", "Priya, ...").
#[derive(Clone, Debug)]
pub(crate) struct Greeting {
    /// Token index range of the words after the greeting word, up to the first
    /// punctuation: the candidates for the person addressed.
    pub addressee: std::ops::Range<usize>,
}

pub(crate) struct Document<'a> {
    pub text: &'a str,
    folded: String,
    pub tokens: Vec<Token>,
    /// Quoted customer text, in order.
    pub quoted: Vec<Span>,
    /// The whole-line part of it: `>` lines, an attribution line ("On ...
    /// wrote:") and the message below it, forwarded headers and what
    /// follows; in order.
    pub block_quotes: Vec<Span>,
    /// Short quotations in the agent's own words (possible scare quotes):
    /// the span covers the quotation marks.
    pub inline_quotes: Vec<Span>,
    pub placeholders: Vec<Placeholder>,
    /// Links, e-mail addresses, handles and trailing initials, in order.
    pub links: Vec<Span>,
    /// Runs of emphatic punctuation such as "!!" or "?!".
    pub exclamation_runs: Vec<Span>,
    pub greeting: Option<Greeting>,
    pub sentence_count: u32,
    hits: Vec<Vec<Hit>>,
    /// Per table and hit, the furthest end of that hit and all before it.
    max_end: Vec<Vec<usize>>,
}

const TITLES: &[&str] = &[
    "mr", "mrs", "ms", "mx", "dr", "prof", "miss", "sir", "madam", "mme", "mlle", "herr", "frau", "sra", "sr", "st",
    "jr",
];

const GREETING_WORDS: &[&str] = &[
    "hi",
    "hello",
    "hey",
    "dear",
    "greetings",
    "hiya",
    "howdy",
    "heya",
    "hallo",
    "hola",
    "bonjour",
    "bonsoir",
    "ciao",
    "salut",
    "hej",
    "hei",
    "moin",
    "servus",
    "ola",
    "olá",
    "estimado",
    "estimada",
    "querido",
    "querida",
    "cara",
    "caro",
    "liebe",
    "lieber",
    "cher",
    "chère",
    "chere",
    "buongiorno",
    "namaste",
    "salaam",
    "shalom",
    "здравствуйте",
    "привет",
    "dzień",
    "czesc",
    "cześć",
    "ahoj",
    "merhaba",
    "yo",
];

/// Words that open a draft followed by a comma without addressing anyone
/// ("Sure, ...", "Thanks, ...").
const OPENERS: &[&str] = &[
    "sure",
    "yes",
    "no",
    "ok",
    "okay",
    "thanks",
    "thank",
    "well",
    "so",
    "unfortunately",
    "great",
    "absolutely",
    "of",
    "certainly",
    "alright",
    "right",
    "sorry",
    "apologies",
    "again",
    "firstly",
    "first",
    "also",
    "however",
    "hmm",
    "oh",
    "wow",
    "good",
    "perfect",
    "understood",
    "noted",
    "done",
    "yeah",
    "yep",
    "nope",
    "update",
    "fortunately",
    "luckily",
    "honestly",
    "cheers",
    "welcome",
    "please",
    "regards",
    "best",
    "morning",
    "afternoon",
    "evening",
    "team",
    "all",
    "additionally",
    "alternatively",
    "currently",
    "hopefully",
    "ideally",
    "basically",
    "essentially",
    "generally",
    "typically",
    "usually",
    "normally",
    "personally",
    "frankly",
    "finally",
    "lastly",
    "secondly",
    "thirdly",
    "similarly",
    "likewise",
    "accordingly",
    "consequently",
    "therefore",
    "furthermore",
    "moreover",
    "nevertheless",
    "nonetheless",
    "regardless",
    "understandably",
    "apparently",
    "naturally",
    "obviously",
    "clearly",
    "importantly",
    "interestingly",
    "sadly",
    "thankfully",
    "happily",
    "meanwhile",
    "afterwards",
    "next",
    "then",
    "now",
    "here",
    "there",
    "today",
    "tomorrow",
    "yesterday",
];

impl<'a> Document<'a> {
    /// Parses with the built-in lexicon (tests; `analyze_with` picks the lexicon).
    #[cfg(test)]
    pub fn parse(text: &'a str) -> Document<'a> {
        Document::parse_with(text, Lexicon::global())
    }

    /// Parses with a given lexicon (the built-in one plus a rule pack's phrases).
    pub fn parse_with(text: &'a str, lexicon: &Lexicon) -> Document<'a> {
        let block_quotes = merge(find_quoted_regions(text), Vec::new());
        let (inline_customer, inline_quotes) = find_inline_quotes(text, &block_quotes);
        let quoted = merge(block_quotes.clone(), inline_customer);
        let mut doc = Document {
            text,
            folded: String::with_capacity(text.len()),
            tokens: Vec::with_capacity(text.len() / 5),
            quoted,
            block_quotes,
            inline_quotes,
            placeholders: Vec::new(),
            links: find_links(text),
            exclamation_runs: Vec::new(),
            greeting: None,
            sentence_count: 0,
            hits: Vec::new(),
            max_end: Vec::new(),
        };
        doc.tokenize();
        doc.find_placeholders();
        doc.mark_regions();
        doc.find_greeting();
        doc.hits = lexicon.scan(&doc);
        doc.max_end = doc
            .hits
            .iter()
            .map(|h| {
                h.iter()
                    .scan(0, |m, h| {
                        *m = h.span.end().max(*m);
                        Some(*m)
                    })
                    .collect()
            })
            .collect();
        doc
    }

    /// The folded form of token `i`.
    pub fn fold(&self, i: usize) -> &str {
        let t = &self.tokens[i];
        &self.folded[t.fold_start as usize..t.fold_end as usize]
    }

    /// The original text of token `i`.
    pub fn word(&self, i: usize) -> &'a str {
        &self.text[self.tokens[i].span]
    }

    /// Lexicon hits of one table, in text order.
    pub fn hits(&self, table: crate::rules::T) -> &[Hit] {
        self.hits_at(table as usize)
    }

    /// Lexicon hits by table index (a rule pack's tables follow the built-in ones).
    pub fn hits_at(&self, table: usize) -> &[Hit] {
        self.hits.get(table).map(Vec::as_slice).unwrap_or(&[])
    }

    /// Whether any hit of `table` overlaps `span`.
    pub fn any_hit_overlaps(&self, table: crate::rules::T, span: Span) -> bool {
        let hits = self.hits(table);
        // Hits are in text order: of those starting before `span` ends, one
        // overlaps it exactly when the furthest end among them passes its
        // start. A binary search, however long some hit is.
        let k = hits.partition_point(|h| h.span.start() < span.end());
        k > 0 && self.max_end[table as usize][k - 1] > span.start()
    }

    /// The index of the first token that ends after byte `at`: the token a
    /// span starting at `at` begins with (or `tokens.len()` if none).
    pub fn token_at(&self, at: usize) -> usize {
        self.tokens.partition_point(|t| t.span.end() <= at)
    }

    /// Token ranges of the sentences, in order (a sentence with no token is
    /// not there). One pass.
    pub fn sentences(&self) -> Vec<std::ops::Range<usize>> {
        let mut out: Vec<std::ops::Range<usize>> = Vec::with_capacity(self.sentence_count as usize);
        let mut start = 0;
        for i in 1..=self.tokens.len() {
            if i == self.tokens.len() || self.tokens[i].sentence != self.tokens[start].sentence {
                out.push(start..i);
                start = i;
            }
        }
        out
    }

    /// Whether the agent's own text links somewhere (a help page to follow).
    pub fn has_link(&self) -> bool {
        self.links.iter().any(|l| {
            let w = &self.text[*l];
            (w.contains("://") || w.starts_with("www.")) && !overlaps_sorted(&self.quoted, *l)
        })
    }

    /// Number of the agent's own words: prose only, so links, handles,
    /// e-mail addresses and initials do not count.
    pub fn agent_word_count(&self) -> usize {
        self.tokens.iter().filter(|t| t.is_agent()).count()
    }

    fn tokenize(&mut self) {
        let text = self.text;
        let bytes = text.as_bytes();
        let mut at = 0;
        let mut start: Option<usize> = None;
        let mut fold_start = 0usize;
        let mut flags = 0u16;
        let mut cased = 0u32;
        let mut upper = 0u32;
        let mut first_letter_seen = false;
        while at < bytes.len() {
            // ASCII fast path: no UTF-8 decoding for the common case.
            let b = bytes[at];
            let (c, len) = if b < 0x80 {
                (b as char, 1)
            } else {
                let c = text[at..].chars().next().unwrap_or('\u{fffd}');
                (c, c.len_utf8())
            };
            let next_is_letter = || text[at + len..].chars().next().is_some_and(char::is_alphabetic);
            let word_char = if b < 0x80 {
                c.is_ascii_alphanumeric() || (c == '\'' && start.is_some() && next_is_letter())
            } else {
                c.is_alphanumeric()
                    || (start.is_some() && is_combining_mark(c))
                    || (start.is_some() && is_apostrophe(c) && next_is_letter())
            };
            let here = at;
            at += len;
            if word_char {
                if start.is_none() {
                    start = Some(here);
                    fold_start = self.folded.len();
                    flags = flag::ALPHA;
                    cased = 0;
                    upper = 0;
                    first_letter_seen = false;
                    if c.is_ascii_digit() {
                        flags |= flag::NUMBER;
                    }
                }
                if c.is_alphabetic() {
                    if c.is_uppercase() {
                        upper += 1;
                        cased += 1;
                        if !first_letter_seen {
                            flags |= flag::CAP;
                        }
                    } else if c.is_lowercase() {
                        cased += 1;
                    }
                    first_letter_seen = true;
                    if !c.is_ascii() && is_unspaced_script(c) {
                        flags |= flag::UNSPACED;
                    }
                } else if !is_apostrophe(c) && !is_combining_mark(c) {
                    flags &= !flag::ALPHA;
                }
                fold_char_into(c, &mut self.folded);
            } else if let Some(s) = start.take() {
                self.push_token(s, here, fold_start, flags, cased, upper);
            }
        }
        if let Some(s) = start {
            self.push_token(s, text.len(), fold_start, flags, cased, upper);
        }

        // Gaps, sentence breaks and runs of emphatic punctuation.
        let mut sentence = 0u32;
        let mut sentence_start = true;
        let n = self.tokens.len();
        for i in 0..n {
            let from = self.tokens[i].span.end();
            let to = if i + 1 < n { self.tokens[i + 1].span.start() } else { text.len() };
            let between = &text[from..to];
            let mut g = 0u16;
            let mut ends_sentence = false;
            let mut run_start: Option<usize> = None;
            let mut run_bangs = 0;
            let mut run_len = 0;
            let mut chars = between.char_indices().peekable();
            while let Some((off, c)) = chars.next() {
                let next = chars.peek().map(|&(_, n)| n);
                match c {
                    ',' | '、' | '，' => g |= gap::COMMA,
                    '.' | '。' | '…' => {
                        g |= gap::PERIOD;
                        if next.is_none_or(|n| n.is_whitespace() || is_closing(n)) || c != '.' {
                            ends_sentence = true;
                        }
                    }
                    '!' | '！' => {
                        g |= gap::EXCLAIM;
                        ends_sentence = true;
                    }
                    '?' | '？' => {
                        g |= gap::QUESTION;
                        ends_sentence = true;
                    }
                    ':' => g |= gap::COLON,
                    ';' => g |= gap::OTHER,
                    '\n' => {
                        g |= gap::NEWLINE;
                        ends_sentence = true;
                    }
                    '-' | '–' | '—' => {
                        if between.len() == 1 && c == '-' {
                            g |= gap::TIGHT_HYPHEN;
                        } else {
                            g |= gap::DASH;
                        }
                    }
                    '"' | '“' | '”' | '«' | '»' | '„' => g |= gap::QUOTE,
                    '%' => g |= gap::PERCENT,
                    c if c.is_whitespace() => {}
                    _ => g |= gap::OTHER,
                }
                if matches!(c, '!' | '?' | '！' | '？') {
                    if run_start.is_none() {
                        run_start = Some(from + off);
                        run_bangs = 0;
                        run_len = 0;
                    }
                    run_len += 1;
                    if matches!(c, '!' | '！') {
                        run_bangs += 1;
                    }
                } else if let Some(rs) = run_start.take() {
                    if run_len >= 2 && run_bangs >= 1 {
                        self.exclamation_runs.push(Span::new(rs, from + off));
                    }
                }
            }
            if let Some(rs) = run_start {
                if run_len >= 2 && run_bangs >= 1 {
                    self.exclamation_runs.push(Span::new(rs, to));
                }
            }
            // "Mr. Raman", "e.g. this": a period after a title or a single
            // letter does not end the sentence, unless a line break follows.
            if ends_sentence && g & (gap::EXCLAIM | gap::QUESTION | gap::NEWLINE) == 0 {
                let f = self.fold(i);
                if TITLES.contains(&f) || (f.chars().count() == 1 && !self.tokens[i].is(flag::NUMBER)) {
                    ends_sentence = false;
                }
            }
            let t = &mut self.tokens[i];
            t.sentence = sentence;
            if sentence_start {
                t.flags |= flag::SENT_START;
            }
            sentence_start = ends_sentence;
            if ends_sentence {
                g |= gap::BREAK;
                sentence += 1;
            }
            t.gap = g;
        }
        self.sentence_count = if n == 0 { 0 } else { self.tokens[n - 1].sentence + 1 };
    }

    fn push_token(&mut self, start: usize, end: usize, fold_start: usize, mut flags: u16, cased: u32, upper: u32) {
        if cased >= 2 && cased == upper {
            flags |= flag::ALL_CAPS;
        }
        if self.folded.len() > u32::MAX as usize {
            return;
        }
        self.tokens.push(Token {
            span: Span::new(start, end),
            fold_start: fold_start as u32,
            fold_end: self.folded.len() as u32,
            sentence: 0,
            flags,
            gap: 0,
        });
    }

    /// Finds `[Name]`, `{{first_name}}`, `<customer name>`, `%NAME%`, `____`
    /// and stand-alone `XXX`, outside quoted text.
    fn find_placeholders(&mut self) {
        let text = self.text;
        let bytes = text.as_bytes();
        let mut found: Vec<Placeholder> = Vec::new();
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            let (close, inner_from) = match b {
                b'{' if bytes.get(i + 1) == Some(&b'{') => ("}}", i + 2),
                b'<' if bytes.get(i + 1) == Some(&b'<') => (">>", i + 2),
                b'[' if bytes.get(i + 1) == Some(&b'[') => ("]]", i + 2),
                b'$' if bytes.get(i + 1) == Some(&b'{') => ("}", i + 2),
                // Mailchimp merge tags: *|FNAME|*.
                b'*' if bytes.get(i + 1) == Some(&b'|') => ("|*", i + 2),
                b'$' if bytes.get(i + 1).is_some_and(|c| c.is_ascii_alphabetic()) => {
                    // $NAME, $first_name: a shell-style variable.
                    let len = bytes[i + 1..].iter().take_while(|c| c.is_ascii_alphanumeric() || **c == b'_').count();
                    let inner = &text[i + 1..i + 1 + len];
                    if let Some(is_name) = placeholder_kind(inner, b'{', false) {
                        let shouted = inner.bytes().all(|c| !c.is_ascii_lowercase());
                        if shouted || inner.to_ascii_lowercase().contains("name") {
                            found.push(Placeholder { span: Span::new(i, i + 1 + len), is_name });
                        }
                    }
                    i += 1 + len;
                    continue;
                }
                b'(' => (")", i + 1),
                b'{' => ("}", i + 1),
                b'[' => ("]", i + 1),
                b'<' => (">", i + 1),
                b'%' => ("%", i + 1),
                b'_' => {
                    let run = bytes[i..].iter().take_while(|&&c| c == b'_').count();
                    if run >= 3 {
                        found.push(Placeholder { span: Span::new(i, i + run), is_name: true });
                    }
                    i += run;
                    continue;
                }
                _ => {
                    i += 1;
                    continue;
                }
            };
            let window_end = (inner_from + 40).min(bytes.len());
            let Some(rel) = find_bytes(&bytes[inner_from..window_end], close.as_bytes()) else {
                i += 1;
                continue;
            };
            let inner = &text[inner_from..inner_from + rel];
            let end = inner_from + rel + close.len();
            let kind = match b {
                b'(' => paren_placeholder(inner),
                b'*' => placeholder_kind(inner, b'{', true),
                _ => placeholder_kind(inner, b, close.len() == 2)
                    .or_else(|| (b == b'[' && in_greeting_slot(text, i, end, inner)).then_some(true)),
            };
            if let Some(is_name) = kind {
                found.push(Placeholder { span: Span::new(i, end), is_name });
                i = end;
            } else {
                i += 1;
            }
        }
        // Stand-alone runs of X, but not masked numbers such as XXXX-XXXX-4421.
        for (k, t) in self.tokens.iter().enumerate() {
            let w = &text[t.span];
            // A name variable written bare: "Hi NAME," or "Dear FIRST_NAME".
            if matches!(w, "NAME" | "FNAME" | "FIRSTNAME" | "CUSTOMERNAME" | "FULLNAME" | "LNAME") {
                let mut start = t.span.start();
                if k > 0 && &text[self.tokens[k - 1].span.end()..start] == "_" && self.tokens[k - 1].is(flag::ALL_CAPS)
                {
                    start = self.tokens[k - 1].span.start();
                }
                found.push(Placeholder { span: Span::new(start, t.span.end()), is_name: true });
                continue;
            }
            if w.len() >= 3 && w.bytes().all(|c| c == b'X' || c == b'x') {
                // "Mr. XXX" is a placeholder; "4421.XXXX" is masked.
                let prev_masked = k > 0 && {
                    let p = &self.tokens[k - 1];
                    let masky = p.is(flag::NUMBER) || text[p.span].bytes().all(|c| c == b'X' || c == b'x');
                    p.gap_has(gap::TIGHT_HYPHEN)
                        || text[p.span.end()..t.span.start()].contains(['*', '/', '#'])
                        || (masky && text[p.span.end()..t.span.start()].contains('.'))
                };
                let next_masked = t.gap_has(gap::TIGHT_HYPHEN | gap::OTHER)
                    || text[t.span.end()..].starts_with(['.', '*'])
                        && text[t.span.end() + 1..].starts_with(|c: char| c.is_ascii_digit() || c == 'X');
                let before = text[..t.span.start()].chars().next_back();
                let glued = before.is_some_and(|c| c == '*' || c == '#' || c == '-');
                if !prev_masked && !next_masked && !glued {
                    found.push(Placeholder { span: t.span, is_name: true });
                }
            }
        }
        found.sort_by_key(|p| (p.span.start(), std::cmp::Reverse(p.span.end())));
        // "%NAME%" holds the bare "NAME" too: keep the outer one.
        let mut last_end = 0;
        found.retain(|p| {
            let keep = p.span.start() >= last_end || last_end == 0 && p.span.start() == 0;
            last_end = last_end.max(p.span.end());
            keep
        });
        found.retain(|p| !overlaps_sorted(&self.quoted, p.span));
        self.placeholders = found;
    }

    fn mark_regions(&mut self) {
        let mut q = 0;
        let mut p = 0;
        let mut l = 0;
        for t in &mut self.tokens {
            while q < self.quoted.len() && self.quoted[q].end() <= t.span.start() {
                q += 1;
            }
            if q < self.quoted.len() && self.quoted[q].overlaps(t.span) {
                t.flags |= flag::QUOTED;
            }
            while p < self.placeholders.len() && self.placeholders[p].span.end() <= t.span.start() {
                p += 1;
            }
            if p < self.placeholders.len() && self.placeholders[p].span.overlaps(t.span) {
                t.flags |= flag::PLACEHOLDER;
            }
            while l < self.links.len() && self.links[l].end() <= t.span.start() {
                l += 1;
            }
            if l < self.links.len() && self.links[l].overlaps(t.span) {
                t.flags |= flag::LINK;
            }
        }
    }

    fn find_greeting(&mut self) {
        // Social replies open with handles ("@customer @brand Hi Abby."):
        // the greeting comes after them.
        let Some(first) = self.tokens.iter().position(|t| !t.is(flag::QUOTED) && !t.is(flag::LINK)) else {
            return;
        };
        let sentence = self.tokens[first].sentence;
        let same = |k: usize, doc: &Document| {
            k < doc.tokens.len() && doc.tokens[k].sentence == sentence && !doc.tokens[k].is(flag::QUOTED)
        };
        let f = self.fold(first);
        let mut k = first;
        if GREETING_WORDS.contains(&f) {
            k += 1;
        } else if f == "good"
            && same(first + 1, self)
            && matches!(self.fold(first + 1), "morning" | "afternoon" | "evening" | "day")
        {
            k += 2;
        } else if matches!(f, "morning" | "afternoon" | "evening") {
            k += 1;
        } else if self.tokens[first].is(flag::PLACEHOLDER) {
            // "[Name], thanks for ..." addresses a placeholder.
        } else if !OPENERS.contains(&f)
            && !crate::words::is_common(f)
            && !crate::words::UNSPACED_GREETINGS.contains(&f)
            && (self.tokens[first].is(flag::CAP) || self.tokens[first].is(flag::UNSPACED))
            && (self.tokens[first].gap_has(gap::COMMA | gap::NEWLINE | gap::EXCLAIM)
                || (same(first + 1, self) && self.tokens[first + 1].gap_has(gap::COMMA | gap::NEWLINE)))
        {
            // A draft that opens with the name: "Priya, ..." or "Priya Raman,".
        } else {
            return;
        }
        // The greeting word itself may carry the punctuation ("Hi, Priya" is
        // rare; "Hi, thanks" is common): then nobody is addressed.
        if k > first && self.tokens[k - 1].gap_has(gap::CLAUSE & !gap::COMMA) {
            self.greeting = Some(Greeting { addressee: k..k });
            return;
        }
        if k > first && self.tokens[k - 1].gap_has(gap::COMMA) {
            // "Hi, Kasidy!" addresses Kasidy; "Hi, thanks for ..." nobody.
            let named = same(k, self) && {
                let t = &self.tokens[k];
                let w = self.fold(k);
                t.is(flag::CAP)
                    && t.is(flag::ALPHA)
                    && t.gap_has(gap::CLAUSE)
                    && (!crate::words::is_common(w) || crate::words::is_name_word(w))
                    && !OPENERS.contains(&w)
            };
            self.greeting = Some(Greeting { addressee: if named { k..k + 1 } else { k..k } });
            return;
        }
        let mut end = k;
        while same(end, self) && end - k < 4 {
            // Titles are part of the address ("Dear Ms. Raman").
            end += 1;
            if self.tokens[end - 1].gap_has(gap::CLAUSE & !gap::PERIOD)
                || (self.tokens[end - 1].gap_has(gap::PERIOD) && !TITLES.contains(&self.fold(end - 1)))
            {
                break;
            }
        }
        self.greeting = Some(Greeting { addressee: k..end });
    }
}

/// Links (`https://...`, `www....`), e-mail addresses, handles (`@customer`),
/// masked data (`__email__`) and an agent's initials at the end of a social
/// reply (`^QA`, `*MS`, `-Helen`), in text order. One pass over the bytes.
fn find_links(text: &str) -> Vec<Span> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let url_char = |b: u8| !b.is_ascii_whitespace() && b != b'"' && b != b'<' && b != b'>';
    let word_char = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let at_word_start = i == 0 || !word_char(bytes[i - 1]) && bytes[i - 1] != b'.' && bytes[i - 1] != b'/';
        let rest = &bytes[i..];
        let starts_url = at_word_start
            && (rest.starts_with(b"http://")
                || rest.starts_with(b"https://")
                || rest.len() > 4 && rest[..4].eq_ignore_ascii_case(b"www."));
        if starts_url {
            let mut end = i;
            while end < bytes.len() && url_char(bytes[end]) {
                end += 1;
            }
            while end > i && matches!(bytes[end - 1], b'.' | b',' | b';' | b':' | b'!' | b'?' | b')' | b']' | b'\'') {
                end -= 1;
            }
            out.push(Span::new(i, end));
            i = end.max(i + 1);
            continue;
        }
        if b == b'@' {
            // An e-mail address: letters before the @ and a dotted domain after.
            let mut start = i;
            while start > 0 && (word_char(bytes[start - 1]) || matches!(bytes[start - 1], b'.' | b'-' | b'+' | b'%')) {
                start -= 1;
            }
            let mut end = i + 1;
            while end < bytes.len() && (word_char(bytes[end]) || matches!(bytes[end], b'.' | b'-')) {
                end += 1;
            }
            while end > i + 1 && bytes[end - 1] == b'.' {
                end -= 1;
            }
            if end > i + 1 && (start < i || at_word_start) {
                // A handle stops at its word characters.
                if start == i {
                    end = i + 1 + bytes[i + 1..end].iter().take_while(|&&c| word_char(c)).count();
                }
                out.retain(|s: &Span| s.end() <= start);
                out.push(Span::new(start, end));
                i = end;
                continue;
            }
        }
        if b == b'_' && rest.starts_with(b"__") && at_word_start {
            // Masked data such as __email__ or __number__.
            let inner = rest[2..].iter().take_while(|&&c| c.is_ascii_alphabetic()).count();
            if inner > 0 && rest[2 + inner..].starts_with(b"__") {
                out.push(Span::new(i, i + inner + 4));
                i += inner + 4;
                continue;
            }
        }
        i += 1;
    }
    // Initials or a first name after a marker at the very end: "^QA", "*MS", "-Helen".
    let trimmed = text.trim_end();
    let tail_start = trimmed.char_indices().rfind(|(_, c)| c.is_whitespace()).map_or(0, |(k, c)| k + c.len_utf8());
    let tail = &trimmed[tail_start..];
    if let Some(rest) = tail.strip_prefix(['^', '*', '~', '-', '–', '—']) {
        let letters = rest.chars().filter(|c| c.is_alphabetic()).count();
        if (1..=12).contains(&letters) && rest.chars().all(|c| c.is_alphabetic() || c == '.') && tail_start > 0 {
            out.push(Span::new(tail_start, trimmed.len()));
        }
    }
    out
}

fn is_closing(c: char) -> bool {
    matches!(c, '"' | '\'' | ')' | ']' | '”' | '’' | '»')
}

/// Scripts written without spaces between words, where a name is found as a
/// substring of a longer run of letters.
pub(crate) fn is_unspaced_script(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0xAC00..=0xD7AF | 0x0E00..=0x0E7F | 0x20000..=0x2FFFF)
}

fn find_bytes(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

const PLACEHOLDER_WORDS: &[&str] = &[
    "name",
    "first",
    "last",
    "customer",
    "client",
    "recipient",
    "user",
    "agent",
    "company",
    "insert",
    "date",
    "order",
    "ticket",
    "number",
    "product",
    "link",
    "email",
    "phone",
    "address",
    "account",
    "placeholder",
    "fname",
    "lname",
    "firstname",
    "lastname",
    "surname",
    "title",
    "salutation",
    "contact",
    "amount",
    "here",
    "tbd",
    "todo",
];

/// `(customer name)`, `(first name)`: words in parentheses that only say
/// which name to insert. Ordinary asides ("(in your name)") are not.
fn paren_placeholder(inner: &str) -> Option<bool> {
    let lower = inner.trim().to_ascii_lowercase();
    let words: Vec<&str> = lower.split([' ', '_', '-']).filter(|w| !w.is_empty()).collect();
    let fits = !words.is_empty()
        && words.len() <= 3
        && words.contains(&"name")
        && words.iter().all(|w| {
            matches!(
                *w,
                "name"
                    | "customer"
                    | "client"
                    | "first"
                    | "last"
                    | "full"
                    | "insert"
                    | "recipient"
                    | "customer's"
                    | "caller"
            )
        });
    fits.then_some(true)
}

/// A bracketed word in any language where the name goes, such as
/// `Hola [Nombre],` or `[名前]様`: at the start of its line or after a
/// greeting word, and followed by punctuation or the end of the line.
fn in_greeting_slot(text: &str, open: usize, end: usize, inner: &str) -> bool {
    let word = inner.trim();
    if word.is_empty() || word.chars().count() > 24 || !word.chars().all(|c| c.is_alphabetic() || c == ' ') {
        return false;
    }
    let line_start = text[..open].rfind('\n').map_or(0, |k| k + 1);
    let before = text[line_start..open].trim();
    let lead = before.is_empty()
        || GREETING_WORDS.contains(&before.to_lowercase().trim_end_matches(',').rsplit(' ').next().unwrap_or(""));
    let after = text[end..].chars().next();
    lead && after.is_none_or(|c| matches!(c, ',' | '!' | '\n' | ':' | '.' | '、' | '，') || is_unspaced_script(c))
}

/// Whether the text between brackets looks like a template variable; `Some(true)`
/// when it stands for a name.
fn placeholder_kind(inner: &str, open: u8, double: bool) -> Option<bool> {
    let trimmed = inner.trim();
    if trimmed.is_empty() || trimmed.len() > 32 {
        return None;
    }
    let ident = trimmed.bytes().all(|c| c.is_ascii_alphanumeric() || c == b'_' || c == b'.')
        && trimmed.bytes().next().is_some_and(|c| c.is_ascii_alphabetic());
    let wordy = trimmed.bytes().all(|c| c.is_ascii_alphabetic() || matches!(c, b' ' | b'_' | b'-' | b'.' | b'\''));
    if !wordy && !ident {
        return None;
    }
    let lower = trimmed.to_ascii_lowercase();
    let is_name = lower.contains("name")
        || lower == "salutation"
        || lower.contains("recipient")
        || lower == "customer"
        || lower == "client";
    let keyword = PLACEHOLDER_WORDS
        .iter()
        .any(|w| lower.split(|c: char| !c.is_ascii_alphanumeric()).any(|part| part == *w || part.contains("name")));
    let shouted =
        trimmed.bytes().filter(|c| c.is_ascii_alphabetic()).all(|c| c.is_ascii_uppercase()) && trimmed.len() >= 2;
    let accept = match open {
        // Template engines: any identifier ({{first_name}}, ${name}, %NAME%).
        b'{' | b'$' => ident || keyword,
        b'%' => ident && (shouted || keyword),
        b'[' | b'<' if double => ident || keyword || shouted,
        // Square or angle brackets: only when the words say what to insert,
        // or it is written in capitals like [NAME]. Keeps out <br> and [1].
        _ => keyword || (shouted && ident && trimmed.len() >= 3),
    };
    accept.then_some(is_name || (shouted && lower.contains("name")))
}

/// Lines quoted from the customer's message: `>` lines, e-mail attribution
/// lines and the quoted message below them, forwarded-message headers.
fn find_quoted_regions(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let lines: Vec<(usize, &str)> = {
        let mut v = Vec::new();
        let mut off = 0;
        for line in text.split_inclusive('\n') {
            v.push((off, line));
            off += line.len();
        }
        v
    };
    let mut idx = 0;
    while idx < lines.len() {
        let (off, line) = lines[idx];
        let content = line.trim_end_matches(['\n', '\r']);
        let trimmed = content.trim();
        // Only lines that could be a quote marker, a header or an
        // attribution are looked at closely.
        let maybe_header = trimmed.starts_with(['-', 'F', 'f']) || trimmed.ends_with(':');
        let lower: String =
            if maybe_header { trimmed.chars().take(200).flat_map(char::to_lowercase).collect() } else { String::new() };
        if trimmed.starts_with('>') {
            out.push(Span::new(off, off + content.len()));
        } else if lower.starts_with("-----original message")
            || lower.starts_with("----- original message")
            || lower.starts_with("-------- forwarded message")
            || (lower.starts_with("from:")
                && lines[idx + 1..].iter().take(4).any(|(_, l)| {
                    let l = l.trim_start().to_ascii_lowercase();
                    l.starts_with("sent:")
                        || l.starts_with("subject:")
                        || l.starts_with("to:")
                        || l.starts_with("date:")
                }))
        {
            out.push(Span::new(off, text.len()));
            break;
        } else if lower.ends_with("wrote:") || lower.ends_with("a écrit :") || lower.ends_with("schrieb:") {
            let next_quoted = lines[idx + 1..]
                .iter()
                .find(|(_, l)| !l.trim().is_empty())
                .is_some_and(|(_, l)| l.trim_start().starts_with('>'));
            if next_quoted {
                out.push(Span::new(off, off + content.len()));
            } else if lower.starts_with("on ")
                || lower.starts_with("le ")
                || lower.starts_with("am ")
                || lower.contains('@')
            {
                out.push(Span::new(off, text.len()));
                break;
            } else {
                // "You wrote:" followed by the customer's paragraph.
                let mut end = off + line.len();
                let mut j = idx + 1;
                while j < lines.len() && lines[j].1.trim().is_empty() {
                    j += 1;
                }
                while j < lines.len() && !lines[j].1.trim().is_empty() {
                    end = lines[j].0 + lines[j].1.trim_end_matches(['\n', '\r']).len();
                    j += 1;
                }
                out.push(Span::new(off, end));
                idx = j;
                continue;
            }
        }
        idx += 1;
    }
    // A text made only of quoted lines has no words of the agent's to tell
    // apart: read it as written (a pasted message keeps its markers).
    let has_own_words = {
        let (mut off, mut q) = (0, 0);
        text.split_inclusive('\n').any(|line| {
            let span = Span::new(off, off + line.len());
            off += line.len();
            while q < out.len() && out[q].end() <= span.start() {
                q += 1;
            }
            !(line.trim().is_empty() || q < out.len() && out[q].overlaps(span))
        })
    };
    if !has_own_words {
        out.clear();
    }
    out
}

const CUSTOMER_QUOTE_LEADS: &[&str] = &[
    "you wrote",
    "you said",
    "you mentioned",
    "you asked",
    "you told us",
    "you told me",
    "you say",
    "you write",
    "you put it",
    "your message said",
    "your email said",
    "your message",
    "your email",
    "your words",
    "in your words",
    "you commented",
    "you noted",
    "you explained",
    "you stated",
    "you called it",
    "your note said",
    "your ticket says",
    "your ticket said",
    "you described it as",
    "you described",
];

/// Pairs quotation marks within a line. Returns (customer quotes, other quotes):
/// a quotation introduced by "you wrote", "you said" ... is the customer's;
/// "you wrote: text" without marks quotes up to the end of the sentence.
fn find_inline_quotes(text: &str, quoted: &[Span]) -> (Vec<Span>, Vec<Span>) {
    let mut customer = Vec::new();
    let mut other = Vec::new();
    let mut off = 0;
    for line in text.split_inclusive('\n') {
        let line_span = Span::new(off, off + line.len());
        let base = off;
        off += line.len();
        if contained_sorted(quoted, line_span) || line.len() > 20_000 {
            continue;
        }
        // Most lines quote nothing: skip the character walk for them.
        if !line.contains(['"', '“', '„', '«', ':']) {
            continue;
        }
        let mut open: Option<(usize, char)> = None;
        let mut handled_until = 0;
        for (i, c) in line.char_indices() {
            let closes = |o: char| match o {
                '"' => c == '"' || c == '”',
                '“' => c == '”' || c == '"',
                '„' => c == '“' || c == '”',
                '«' => c == '»',
                '»' => c == '«',
                _ => false,
            };
            match open {
                Some((at, o)) if closes(o) => {
                    let span = Span::new(base + at, base + i + c.len_utf8());
                    if lead_is_customer(&line[..at]) {
                        customer.push(span);
                    } else if i - at <= 200 {
                        other.push(span);
                    }
                    handled_until = i;
                    open = None;
                }
                None if matches!(c, '"' | '“' | '„' | '«') => open = Some((i, c)),
                _ => {}
            }
        }
        // "you wrote: the app crashes." without quotation marks.
        if !line.contains(':') {
            continue;
        }
        let lower: String = line.chars().map(|c| c.to_ascii_lowercase()).collect();
        if lower.len() == line.len() {
            for lead in ["you wrote:", "you said:", "you mentioned:", "your message:", "your email:", "you asked:"] {
                if let Some(p) = lower.find(lead) {
                    let from = p + lead.len();
                    if from <= handled_until || line[from..].trim_start().starts_with(['"', '“', '„', '«']) {
                        continue;
                    }
                    let rest = &line[from..];
                    let mut end = rest.trim_end_matches(['\n', '\r']).len();
                    for (k, ch) in rest.char_indices() {
                        if matches!(ch, '.' | '!' | '?') && rest[k + 1..].starts_with([' ', '\n', '\r']) {
                            end = k + 1;
                            break;
                        }
                    }
                    if end > 0 {
                        customer.push(Span::new(base + from, base + from + end));
                    }
                }
            }
        }
    }
    (customer, other)
}

fn lead_is_customer(before: &str) -> bool {
    let tail_start = before.len().saturating_sub(48);
    let tail_start = (tail_start..=before.len()).find(|&i| before.is_char_boundary(i)).unwrap_or(before.len());
    let tail: String =
        before[tail_start..].trim_end_matches([' ', ':', ',', '\t']).chars().map(|c| c.to_ascii_lowercase()).collect();
    let tail = tail.replace('\u{2019}', "'");
    CUSTOMER_QUOTE_LEADS.iter().any(|lead| tail.ends_with(lead))
}

/// Sorted, non-overlapping union of two span lists.
fn merge(mut a: Vec<Span>, b: Vec<Span>) -> Vec<Span> {
    a.extend(b);
    a.sort();
    let mut out: Vec<Span> = Vec::with_capacity(a.len());
    for s in a {
        match out.last_mut() {
            Some(last) if s.start() <= last.end() => *last = last.cover(s),
            _ => out.push(s),
        }
    }
    out
}

/// Whether `span` overlaps any of `sorted`, a sorted list of disjoint spans.
pub(crate) fn overlaps_sorted(sorted: &[Span], span: Span) -> bool {
    let i = sorted.partition_point(|q| q.end() <= span.start());
    i < sorted.len() && sorted[i].overlaps(span)
}

/// Whether `span` lies inside one of `sorted`, a sorted list of disjoint spans.
pub(crate) fn contained_sorted(sorted: &[Span], span: Span) -> bool {
    let i = sorted.partition_point(|q| q.end() < span.end());
    i < sorted.len() && sorted[i].contains(span)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(doc: &Document) -> Vec<String> {
        (0..doc.tokens.len()).map(|i| doc.fold(i).to_string()).collect()
    }

    #[test]
    fn tokenises_contractions_names_and_unspaced_scripts() {
        let doc = Document::parse("Hi O’Connor, we’re on it — Anne-Marie 王伟您好!");
        assert_eq!(words(&doc), ["hi", "o'connor", "we're", "on", "it", "anne", "marie", "王伟您好"]);
        assert!(doc.tokens[5].gap_has(gap::TIGHT_HYPHEN));
        assert!(doc.tokens[7].is(flag::UNSPACED));
    }

    #[test]
    fn splits_sentences_but_not_after_titles() {
        let doc = Document::parse("Dear Mr. Raman, thanks. We fixed it!\nBest");
        let s: Vec<u32> = doc.tokens.iter().map(|t| t.sentence).collect();
        assert_eq!(s, [0, 0, 0, 0, 1, 1, 1, 2]);
    }

    #[test]
    fn marks_quoted_lines_and_you_wrote_quotes() {
        let doc = Document::parse("Hi,\n> sorry, Priya\nYou wrote: \"I'm sorry\" and we fixed it.");
        let quoted: Vec<&str> = doc.tokens.iter().filter(|t| t.is(flag::QUOTED)).map(|t| &doc.text[t.span]).collect();
        assert_eq!(quoted, ["sorry", "Priya", "I'm", "sorry"]);
    }

    #[test]
    fn finds_placeholders_but_not_masked_card_numbers() {
        let text = "Hi [Name], {{first_name}} <customer name> %NAME% XXX card XXXX-XXXX-4421 <br> [1] 50% off 20%";
        let doc = Document::parse(text);
        let found: Vec<&str> = doc.placeholders.iter().map(|p| &text[p.span]).collect();
        assert_eq!(found, ["[Name]", "{{first_name}}", "<customer name>", "%NAME%", "XXX"]);
        let text = "Hi NAME, $NAME *|FNAME|* (customer name) Mr. XXX, FIRST_NAME; $5 off (in your name) (see above)";
        let doc = Document::parse(text);
        let found: Vec<&str> = doc.placeholders.iter().map(|p| &text[p.span]).collect();
        assert_eq!(found, ["NAME", "$NAME", "*|FNAME|*", "(customer name)", "XXX", "FIRST_NAME"]);
    }

    #[test]
    fn finds_the_greeting_addressee() {
        let doc = Document::parse("Dear Ms. Raman,\nThanks");
        let g = doc.greeting.clone().unwrap();
        let names: Vec<&str> = g.addressee.map(|i| doc.word(i)).collect();
        assert_eq!(names, ["Ms", "Raman"]);
        let doc = Document::parse("Priya, thanks for waiting.");
        assert_eq!(doc.greeting.unwrap().addressee, 0..1);
        let doc = Document::parse("Sure, I can help.");
        assert!(doc.greeting.is_none());
    }

    #[test]
    fn records_exclamation_runs() {
        let text = "Stop!!! Really?! Fine.";
        let doc = Document::parse(text);
        let runs: Vec<&str> = doc.exclamation_runs.iter().map(|s| &text[*s]).collect();
        assert_eq!(runs, ["!!!", "?!"]);
    }
}
