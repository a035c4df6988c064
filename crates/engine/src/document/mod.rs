//! Layer 3, document facts: the parsed draft, queried by every rule. It
//! holds the tokens (layer 1), the phrase hits of the lexicon (layer 2) and
//! the facts found over them: quoted customer text, placeholders, links and
//! the greeting. It knows no rule: tables are named by `TableId`.

mod greeting;
mod placeholders;
mod quotes;
mod reuse;

pub(crate) use crate::tokens::{flag, gap, Token};
pub(crate) use greeting::Greeting;
pub(crate) use placeholders::Placeholder;
pub(crate) use reuse::ParseMemo;

use crate::lexicon::{Hit, Lexicon, TableId};
use crate::span::Span;
use crate::tokens::{find_links, Tokens};
use quotes::{find_inline_quotes, find_quoted_regions};

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

impl<'a> Document<'a> {
    /// Parses with a given lexicon (the built-in one plus a rule pack's phrases).
    pub fn parse_with(text: &'a str, lexicon: &Lexicon) -> Document<'a> {
        Document::parse_in(text, lexicon, None)
    }

    /// Parses as [`Document::parse_with`] does, reusing the words and phrase
    /// hits of the lines an earlier draft had (see [`ParseMemo`]).
    pub fn parse_reusing(text: &'a str, lexicon: &Lexicon, memo: &mut ParseMemo) -> Document<'a> {
        Document::parse_in(text, lexicon, Some(memo))
    }

    fn parse_in(text: &'a str, lexicon: &Lexicon, memo: Option<&mut ParseMemo>) -> Document<'a> {
        // Token offsets into the folded words are 32-bit: past 4 GiB of
        // folded words the tokenizer stops adding words, which joined chunks
        // would not do; a text under 1 GiB never folds to that much.
        let mut memo = memo.filter(|_| text.len() < u32::MAX as usize / 4);
        let block_quotes = merge(find_quoted_regions(text), Vec::new());
        let (inline_customer, inline_quotes) = find_inline_quotes(text, &block_quotes);
        let quoted = merge(block_quotes.clone(), inline_customer);
        let Tokens { tokens, folded, exclamation_runs, sentence_count } = match memo.as_deref_mut() {
            Some(memo) => memo.tokens(text),
            None => Tokens::of(text),
        };
        let mut doc = Document {
            text,
            folded,
            tokens,
            quoted,
            block_quotes,
            inline_quotes,
            placeholders: Vec::new(),
            links: find_links(text),
            exclamation_runs,
            greeting: None,
            sentence_count,
            hits: Vec::new(),
            max_end: Vec::new(),
        };
        doc.find_placeholders();
        doc.mark_regions();
        doc.find_greeting();
        doc.hits = match memo {
            Some(memo) => memo.hits(&doc.tokens, lexicon),
            None => lexicon.scan(&doc.tokens, &doc.folded),
        };
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
        self.tokens[i].folded(&self.folded)
    }

    /// The original text of token `i`.
    pub fn word(&self, i: usize) -> &'a str {
        &self.text[self.tokens[i].span]
    }

    /// Lexicon hits of one table, in text order.
    pub fn hits(&self, table: impl Into<TableId>) -> &[Hit] {
        self.hits.get(table.into().index()).map(Vec::as_slice).unwrap_or(&[])
    }

    /// Whether any hit of `table` overlaps `span`.
    pub fn any_hit_overlaps(&self, table: impl Into<TableId>, span: Span) -> bool {
        let table = table.into();
        let hits = self.hits(table);
        // Hits are in text order: of those starting before `span` ends, one
        // overlaps it exactly when the furthest end among them passes its
        // start. A binary search, however long some hit is.
        let k = hits.partition_point(|h| h.span.start() < span.end());
        k > 0 && self.max_end[table.index()][k - 1] > span.start()
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
    }

    #[test]
    fn records_exclamation_runs() {
        let text = "Stop!!! Really?! Fine.";
        let doc = Document::parse(text);
        let runs: Vec<&str> = doc.exclamation_runs.iter().map(|s| &text[*s]).collect();
        assert_eq!(runs, ["!!!", "?!"]);
    }
}
