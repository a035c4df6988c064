//! Layer 3, document facts: the parsed draft, queried by every rule. It
//! holds the tokens (layer 1), the phrase hits of the lexicon (layer 2) and
//! the facts found over them: quoted customer text, placeholders, links and
//! the greeting. It knows no rule: tables are named by `TableId`.

mod greeting;
mod placeholders;
mod quotes;
mod reuse;

pub(crate) use crate::tokens::{flag, gap, Token};
pub(crate) use greeting::{Greeting, GREETING_WORDS};
pub(crate) use placeholders::Placeholder;
pub(crate) use reuse::{ParseMemo, PlacedChunk};

use crate::lexicon::{Hit, HitTables, Lexicon, TableId};
use crate::span::Span;
use crate::tokens::{find_links, Marks, Tokens};
use quotes::{find_inline_quotes, find_quoted_regions};

pub(crate) struct Document<'a> {
    pub text: &'a str,
    folded: String,
    /// The words, in the list the tokenizer wrote, spare room and all:
    /// made a boxed slice, it was shrunk to fit, a `realloc` per parse (a
    /// copy, for a long draft), about 0.5 k instructions each.
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
    hits: HitTables,
}

/// One text's parse and what was worked out from it (`T`), kept for the
/// next analysis: the customer's message stays the same while the agent
/// types the reply. A parse is a pure function of the text and the
/// lexicon, so the kept one is used only for the same text, compared in
/// full, and the same lexicon (a static one: its address is its identity).
pub(crate) struct KeptParse<T> {
    text: String,
    lexicon: usize,
    kept: Option<(Document<'static>, T)>,
    /// Parses reused and made (tests and benchmarks).
    reused: usize,
    made: usize,
}

impl<T> Default for KeptParse<T> {
    fn default() -> KeptParse<T> {
        KeptParse { text: String::new(), lexicon: 0, kept: None, reused: 0, made: 0 }
    }
}

impl<T> KeptParse<T> {
    /// The parse of `text` with `lexicon`, with what was kept with it if it
    /// is the kept one (of the same text and lexicon), or a new parse and
    /// `None`. Either way nothing is kept until [`KeptParse::keep`]. The
    /// text is a customer's message: parsed as one
    /// ([`Document::parse_message`]).
    pub(crate) fn take<'t>(&mut self, text: &'t str, lexicon: &'static Lexicon) -> (Document<'t>, Option<T>) {
        let id = lexicon as *const Lexicon as usize;
        match self.kept.take() {
            Some((doc, with)) if self.text == text && self.lexicon == id => {
                let mut doc: Document<'t> = doc;
                doc.text = text;
                self.reused += 1;
                (doc, Some(with))
            }
            _ => {
                self.text.clear();
                self.text.push_str(text);
                self.lexicon = id;
                self.made += 1;
                (Document::parse_message(text, lexicon), None)
            }
        }
    }

    /// Keeps `doc`, the parse [`KeptParse::take`] last gave, with `with`.
    pub(crate) fn keep(&mut self, doc: Document, with: T) {
        debug_assert!(doc.text == self.text, "the parse kept is of the text taken last");
        self.kept = Some((doc.detach(), with));
    }

    /// Drops the kept parse and its text.
    pub(crate) fn clear(&mut self) {
        self.kept = None;
        self.text = String::new();
    }

    /// Parses (reused, made).
    pub(crate) fn stats(&self) -> (usize, usize) {
        (self.reused, self.made)
    }
}

impl<'a> Document<'a> {
    /// Parses with a given lexicon (the built-in one plus a rule pack's phrases).
    pub fn parse_with(text: &'a str, lexicon: &Lexicon) -> Document<'a> {
        Document::parse_in(text, lexicon, None, true)
    }

    /// Parses the customer's message with `lexicon` (the message lexicon):
    /// as [`Document::parse_with`] does, but with no greeting looked for.
    /// The relation rules and the customer's name read the message's words,
    /// hits, quotes, links and runs, never its greeting (only the reply's:
    /// the one the agent writes).
    pub fn parse_message(text: &'a str, lexicon: &Lexicon) -> Document<'a> {
        Document::parse_in(text, lexicon, None, false)
    }

    /// Parses as [`Document::parse_with`] does, reusing the words and phrase
    /// hits of the lines an earlier draft had (see [`ParseMemo`]).
    pub fn parse_reusing(text: &'a str, lexicon: &Lexicon, memo: &mut ParseMemo) -> Document<'a> {
        Document::parse_in(text, lexicon, Some(memo), true)
    }

    /// The parse without its text, to be kept past the text's life (see
    /// [`KeptParse`]).
    fn detach(self) -> Document<'static> {
        Document {
            text: "",
            folded: self.folded,
            tokens: self.tokens,
            quoted: self.quoted,
            block_quotes: self.block_quotes,
            inline_quotes: self.inline_quotes,
            placeholders: self.placeholders,
            links: self.links,
            exclamation_runs: self.exclamation_runs,
            greeting: self.greeting,
            sentence_count: self.sentence_count,
            hits: self.hits,
        }
    }

    /// The parse; `greeting`: whether to look for the greeting.
    fn parse_in(text: &'a str, lexicon: &Lexicon, memo: Option<&mut ParseMemo>, greeting: bool) -> Document<'a> {
        // Token offsets into the folded words are 32-bit: past 4 GiB of
        // folded words the tokenizer stops adding words, which joined chunks
        // would not do; a text under 1 GiB never folds to that much.
        let mut memo = memo.filter(|_| text.len() < u32::MAX as usize / 4);
        // The words, and where the bytes the facts' finders look for stand:
        // found by the tokenizer as it reads the text, or, with words kept
        // from an earlier draft, by a pass of their own.
        let (Tokens { tokens, folded, exclamation_runs, sentence_count }, marks) = match memo.as_deref_mut() {
            Some(memo) => (memo.tokens(text), Marks::of(text)),
            None => Tokens::with_marks(text),
        };
        let block_quotes = merge(find_quoted_regions(text, &marks), Vec::new());
        let (inline_customer, inline_quotes) = find_inline_quotes(text, &block_quotes, &marks);
        let quoted = merge(block_quotes.clone(), inline_customer);
        let mut doc = Document {
            text,
            folded,
            tokens,
            quoted,
            block_quotes,
            inline_quotes,
            placeholders: Vec::new(),
            links: find_links(text, &marks),
            exclamation_runs,
            greeting: None,
            sentence_count,
            hits: HitTables::default(),
        };
        doc.find_placeholders(&marks);
        doc.mark_regions();
        if greeting {
            doc.find_greeting();
        }
        doc.hits = match memo {
            Some(memo) => memo.hits(&doc.tokens, lexicon),
            None => lexicon.scan(&doc.tokens, &doc.folded),
        };
        debug_assert!(
            [&doc.quoted, &doc.block_quotes, &doc.inline_quotes, &doc.links, &doc.exclamation_runs]
                .iter()
                .all(|l| disjoint_in_order(l.iter().copied()))
                && disjoint_in_order(doc.placeholders.iter().map(|p| p.span)),
            "facts are in text order and disjoint (a view finds them by binary search)"
        );
        doc
    }

    /// The folded form of token `i`.
    #[inline(always)]
    pub fn fold(&self, i: usize) -> &str {
        self.tokens[i].folded(&self.folded)
    }

    /// The length in bytes of token `i`'s folded form, and its first
    /// byte (0 if it folds to nothing): for a cheap test before
    /// [`Document::fold`] slices the buffer.
    #[inline(always)]
    pub fn fold_head(&self, i: usize) -> (usize, u8) {
        self.tokens[i].fold_head()
    }

    /// Every token's folded form, one after the other (token `i`'s is at
    /// its `fold_range`): for a search over all the words at once.
    pub(crate) fn folded_words(&self) -> &str {
        &self.folded
    }

    /// The original text of token `i`.
    pub fn word(&self, i: usize) -> &'a str {
        &self.text[self.tokens[i].span]
    }

    /// Lexicon hits of one table, in text order.
    pub fn hits(&self, table: impl Into<TableId>) -> &[Hit] {
        self.hits.get(table.into().index())
    }

    /// Whether any hit of `table` overlaps `span`.
    pub fn any_hit_overlaps(&self, table: impl Into<TableId>, span: Span) -> bool {
        let table = table.into();
        let hits = self.hits(table);
        // Hits are in text order: of those starting before `span` ends, one
        // overlaps it exactly when the furthest end among them passes its
        // start. A binary search, however long some hit is.
        let k = hits.partition_point(|h| h.span.start() < span.end());
        k > 0 && self.hits.max_ends(table.index())[k - 1] > span.start()
    }

    /// The index of the first token that ends after byte `at`: the token a
    /// span starting at `at` begins with (or `tokens.len()` if none).
    pub fn token_at(&self, at: usize) -> usize {
        self.tokens.partition_point(|t| t.span.end() <= at)
    }

    /// The tokens of the sentence that holds token `k`.
    pub(crate) fn sentence_of(&self, k: usize) -> std::ops::Range<usize> {
        let sentence = self.tokens[k].sentence;
        let from = self.tokens[..k].iter().rposition(|t| t.sentence != sentence).map_or(0, |i| i + 1);
        let to = self.tokens[k..].iter().position(|t| t.sentence != sentence).map_or(self.tokens.len(), |i| k + i);
        from..to
    }

    /// Token ranges of the sentences, in order (a sentence with no token is
    /// not there).
    pub fn sentences(&self) -> Vec<std::ops::Range<usize>> {
        let tokens = &self.tokens[..];
        debug_assert!(
            tokens.windows(2).all(|p| p[1].sentence.wrapping_sub(p[0].sentence) <= 1),
            "a sentence's tokens stand together, and the next sentence's follow"
        );
        let mut out: Vec<std::ops::Range<usize>> = Vec::with_capacity(self.sentence_count as usize);
        let mut start = 0;
        while start < tokens.len() {
            let end = sentence_end(tokens, start);
            out.push(start..end);
            start = end;
        }
        out
    }

    /// The part of the document made of tokens `range`, as a document of
    /// its own for rules that read only near their words (see
    /// `rules::Scope::Local`): spans stay those of the whole draft; the text
    /// ends where the token after the range starts; the phrase hits and the
    /// facts are those within the range, facts clipped to it; no greeting.
    pub fn view(&self, range: std::ops::Range<usize>) -> Document<'a> {
        let (start_byte, end_byte) = self.view_bytes(range.clone());
        let own = &self.tokens[range.clone()];
        let (fold_from, fold_to) = match (own.first(), own.last()) {
            (Some(a), Some(b)) => (a.fold_range().0, b.fold_range().1),
            _ => (0, 0),
        };
        let found: Vec<(u16, Hit)> = (0..self.hits.tables())
            .flat_map(|table| {
                self.hits_between(table, range.clone()).map(move |h| {
                    (table as u16, Hit { first: h.first - range.start as u32, last: h.last - range.start as u32, ..*h })
                })
            })
            .collect();
        let hits = HitTables::from_found(self.hits.tables(), &found);
        let clip = |spans: &[Span]| clipped(spans, start_byte, end_byte);
        Document {
            text: &self.text[..end_byte],
            folded: self.folded[fold_from as usize..fold_to as usize].to_string(),
            tokens: own.iter().map(|t| t.fold_moved_back(fold_from)).collect(),
            quoted: clip(&self.quoted),
            block_quotes: clip(&self.block_quotes),
            inline_quotes: clip(&self.inline_quotes),
            placeholders: self.placeholders[overlapping(&self.placeholders, |p| p.span, start_byte, end_byte)]
                .iter()
                .map(|p| Placeholder { span: clip_span(p.span, start_byte, end_byte), ..*p })
                .collect(),
            links: clip(&self.links),
            exclamation_runs: clip(&self.exclamation_runs),
            greeting: None,
            sentence_count: own.last().map_or(0, |b| b.sentence + 1 - own[0].sentence),
            hits,
        }
    }

    /// The bytes a [`Document::view`] of tokens `range` holds: from its first
    /// token (or the start of the draft, for a view from the first token) to
    /// where the token after it starts (or the end of the draft).
    pub fn view_bytes(&self, range: std::ops::Range<usize>) -> (usize, usize) {
        let end = self.tokens.get(range.end).map_or(self.text.len(), |t| t.span.start());
        let start = match range.start {
            0 => 0,
            k => self.tokens.get(k).map_or(end, |t| t.span.start()).min(end),
        };
        (start, end)
    }

    /// How many phrase tables the hits are kept for.
    pub fn tables(&self) -> usize {
        self.hits.tables()
    }

    /// The hits of table `table` (an index) within tokens `range`, in order:
    /// those a [`Document::view`] of the range keeps.
    pub fn hits_between(&self, table: usize, range: std::ops::Range<usize>) -> impl Iterator<Item = &Hit> {
        let list = self.hits.get(table);
        let from = list.partition_point(|h| (h.first as usize) < range.start);
        list[from..]
            .iter()
            .take_while(move |h| (h.first as usize) < range.end)
            .filter(move |h| (h.last as usize) < range.end)
    }

    /// Calls `f` with each fact a [`Document::view`] ending at byte `to`
    /// and starting at `from` holds, clipped as it clips them: a kind (0 to
    /// 6), the span, and for a placeholder whether it stands for a name.
    pub fn facts_between(&self, from: usize, to: usize, mut f: impl FnMut(u8, Span, u8)) {
        let lists = [&self.quoted, &self.block_quotes, &self.inline_quotes, &self.links, &self.exclamation_runs];
        for (kind, list) in lists.into_iter().enumerate() {
            for s in clipped(list, from, to) {
                f(kind as u8, s, 0);
            }
        }
        for p in &self.placeholders[overlapping(&self.placeholders, |p| p.span, from, to)] {
            f(5, clip_span(p.span, from, to), p.is_name as u8);
        }
    }

    /// Whether the agent's own text links somewhere (a help page to follow).
    pub fn has_link(&self) -> bool {
        self.web_links(true).next().is_some()
    }

    /// The agent's web links, in order: written in full, and with `bare`
    /// also those without "https://" or "www." ("sony.com/support").
    fn web_links(&self, bare: bool) -> impl Iterator<Item = &'a str> + '_ {
        self.web_link_spans(bare).map(|l| &self.text[l])
    }

    /// Where the agent's web links stand (see [`Document::has_link`]).
    pub(crate) fn web_link_spans(&self, bare: bool) -> impl Iterator<Item = Span> + '_ {
        let text = self.text;
        self.links.iter().copied().filter(move |l| {
            let w = &text[*l];
            !overlaps_sorted(&self.quoted, *l)
                && (w.contains("://")
                    || w.starts_with("www.")
                    || (bare && crate::tokens::bare_domain(w.as_bytes()).is_some()))
        })
    }

    /// Number of the agent's own words: prose only, so links, handles,
    /// e-mail addresses and initials do not count.
    pub fn agent_word_count(&self) -> usize {
        self.tokens.iter().filter(|t| t.is_agent()).count()
    }

    fn mark_regions(&mut self) {
        // Each region's words are found by a binary search and flagged: the
        // words outside every region (most of a draft that quotes nothing
        // and holds an e-mail address or a link) are not walked.
        let tokens = &mut self.tokens[..];
        mark_tokens(tokens, self.quoted.iter().copied(), flag::QUOTED);
        mark_tokens(tokens, self.placeholders.iter().map(|p| p.span), flag::PLACEHOLDER);
        mark_tokens(tokens, self.links.iter().copied(), flag::LINK);
    }
}

/// Sets `f` on every token that overlaps one of `spans` (in text order,
/// disjoint, as the tokens are).
fn mark_tokens(tokens: &mut [Token], spans: impl Iterator<Item = Span>, f: crate::tokens::Flags) {
    let mut from = 0;
    for s in spans {
        // The first token that ends after the span starts, then those that
        // start before it ends: exactly the tokens it overlaps.
        from += tokens[from..].partition_point(|t| t.span.end() <= s.start());
        for t in tokens[from..].iter_mut().take_while(|t| t.span.start() < s.end()) {
            t.flags |= f;
        }
    }
}

/// The spans of `sorted` (in text order, disjoint) that overlap
/// `from..to`, clipped to it; two binary searches.
fn clipped(sorted: &[Span], from: usize, to: usize) -> Vec<Span> {
    let range = overlapping(sorted, |s| *s, from, to);
    sorted[range].iter().map(|&s| clip_span(s, from, to)).collect()
}

/// The index range of the items of `sorted` (in text order, disjoint) whose
/// span overlaps `from..to`.
fn overlapping<T>(sorted: &[T], span: impl Fn(&T) -> Span, from: usize, to: usize) -> std::ops::Range<usize> {
    let lo = sorted.partition_point(|s| span(s).end() <= from);
    let hi = lo + sorted[lo..].partition_point(|s| span(s).start() < to);
    lo..hi
}

/// Whether the spans are in text order and disjoint, as the facts a view
/// clips by binary search must be.
fn disjoint_in_order(spans: impl Iterator<Item = Span>) -> bool {
    let mut end = 0;
    spans.enumerate().all(|(i, s)| {
        let ok = i == 0 || s.start() >= end;
        end = s.end();
        ok
    })
}

fn clip_span(s: Span, from: usize, to: usize) -> Span {
    Span::new(s.start().max(from), s.end().min(to))
}

/// Sorted, non-overlapping union of two span lists.
pub(crate) fn merge(mut a: Vec<Span>, b: Vec<Span>) -> Vec<Span> {
    a.extend(b);
    crate::order::sort(&mut a);
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

/// Where the sentence of `tokens[start]` ends (`start` < `tokens.len()`):
/// the index of the first token of another sentence, or the length. A
/// sentence's tokens stand together (the tokenizer numbers each token with
/// its sentence, one more after each end), so its end is found by a
/// search, not by reading each token beside the one before it: steps that
/// double from its first token, then a binary search of the last step.
#[inline]
pub(crate) fn sentence_end(tokens: &[Token], start: usize) -> usize {
    let s = tokens[start].sentence;
    let rest = &tokens[start..];
    let mut step = 1;
    while step < rest.len() && rest[step].sentence == s {
        step *= 2;
    }
    // rest[step / 2] is in the sentence; rest[step], if any, is not.
    let (lo, hi) = (step / 2 + 1, step.min(rest.len()));
    start + lo + rest[lo..hi].partition_point(|t| t.sentence == s)
}

#[cfg(test)]
impl<'a> Document<'a> {
    /// Parses with the built-in lexicon (tests; `analyze_with` picks the lexicon).
    pub fn parse(text: &'a str) -> Document<'a> {
        Document::parse_with(text, crate::rules::draft_lexicon())
    }
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
        // A draft pasted as HTML: the greeting follows its tags.
        let doc = Document::parse("<p>Hi Sam,</p><p>Thanks for your message.</p>");
        let g = doc.greeting.clone().unwrap();
        let names: Vec<&str> = g.addressee.map(|i| doc.word(i)).collect();
        assert_eq!(names, ["Sam"]);
        let doc = Document::parse("<div class=\"x\"><p>Hello Priya,</p>");
        let g = doc.greeting.clone().unwrap();
        let names: Vec<&str> = g.addressee.map(|i| doc.word(i)).collect();
        assert_eq!(names, ["Priya"]);
    }

    #[test]
    fn lists_sentences_short_and_long() {
        // Sentences of one word to dozens, so that the search for a
        // sentence's end stops at every place of a step.
        let mut text = String::new();
        for n in 1..40 {
            text.push_str(&"word ".repeat(n));
            text.push_str("end.\n");
        }
        for text in [text.as_str(), "", "One.", "One two", "A. B. C d e. F"] {
            let doc = Document::parse(text);
            let mut expected: Vec<std::ops::Range<usize>> = Vec::new();
            for (i, t) in doc.tokens.iter().enumerate() {
                match expected.last_mut() {
                    Some(r) if doc.tokens[r.start].sentence == t.sentence => r.end = i + 1,
                    _ => expected.push(i..i + 1),
                }
            }
            assert_eq!(doc.sentences(), expected, "{text:?}");
        }
    }

    #[test]
    fn records_exclamation_runs() {
        let text = "Stop!!! Really?! Fine.";
        let doc = Document::parse(text);
        let runs: Vec<&str> = doc.exclamation_runs.iter().map(|s| &text[*s]).collect();
        assert_eq!(runs, ["!!!", "?!"]);
    }
}
