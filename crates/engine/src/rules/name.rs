//! The name cues: `name-used`, `name-missing`, `name-misspelled`,
//! `name-mismatch` and `name-placeholder`.
//!
//! With a customer name in the context, every part of it (first, last,
//! hyphenated, in any script) is looked for in the agent's own words, with
//! case and accents ignored. Parts that are also ordinary words ("Grace",
//! "Will", "An") count only where they are used as a name. Without a name,
//! the greeting tells whether the reply addresses a person.

use std::cell::RefCell;
use std::rc::Rc;

use crate::context::Context;
use crate::cue::Cue;
use crate::document::{flag, gap, Document, Token};
use crate::finding::Finding;
use crate::fold::fold;
use crate::span::Span;
use crate::tokens::is_unspaced_script;
use crate::words::{
    edit_distance, edit_distance_lower_bound, is_common, is_name_word, one_edit_apart, DETERMINERS, GENERIC_ADDRESS,
    TITLES, UNSPACED_GREETINGS,
};

/// One part of the customer's name, such as "Priya" or "Anne-Marie".
#[derive(Debug)]
struct NamePart {
    /// Folded words; more than one for hyphenated parts.
    words: Vec<String>,
    /// Other forms that count as this part: transliterated the German way
    /// ("Müller" as "Mueller"), or, for a first name, its familiar forms
    /// ("Bob" for Robert, see `nicknames`), folded; with whether each is
    /// also an ordinary word ("Will", "Bill"), which counts only used as
    /// a name.
    alts: Vec<(String, bool)>,
    display: String,
    /// Written in a script without spaces: found as a substring.
    unspaced: bool,
    /// Also an ordinary word or very short: needs name-like use to count.
    ambiguous: bool,
}

#[derive(Debug)]
struct CustomerName {
    parts: Vec<NamePart>,
    /// What a word must be to start a use or a near miss of the name,
    /// worked out once with the name (which is kept per thread while it
    /// stays the same), not again at each analysis.
    starts: Starts,
    /// The parts' displays joined by spaces, as messages name the customer:
    /// joined once with the name, not at each analysis that quotes it (a
    /// list and a string allocated and freed per analysis).
    full: String,
}

impl CustomerName {
    fn parse(raw: &str) -> Option<CustomerName> {
        // A social handle given as the name ("@jenny_b"): the letters it
        // opens with are the only name in it ("Hi Jenny" uses it).
        let handle;
        let raw = match raw.trim().strip_prefix('@') {
            Some(h) if !h.is_empty() && !h.contains(char::is_whitespace) => {
                let letters: String = h.chars().take_while(|c| c.is_alphabetic()).collect();
                let mut c = letters.chars();
                handle = c.next().map(|f| f.to_uppercase().chain(c).collect::<String>()).unwrap_or_default();
                handle.as_str()
            }
            _ => raw,
        };
        let parts: Vec<NamePart> = raw
            .split(|c: char| c.is_whitespace() || c == ',')
            .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
            .filter(|w| !w.is_empty())
            .filter(|w| !is_title(w))
            .map(|w| {
                let words: Vec<String> =
                    w.split(['-', '\u{2010}', '\u{2011}']).filter(|s| !s.is_empty()).map(fold).collect();
                let unspaced = w.chars().any(is_unspaced_script);
                let ambiguous =
                    !unspaced && words.len() == 1 && (words[0].chars().count() <= 2 || is_common(&words[0]));
                // German umlauts written out ("Müller" as "Mueller"); an
                // ASCII word has none to write out.
                let mut alts: Vec<(String, bool)> = (!w.is_ascii())
                    .then(|| w.to_lowercase())
                    .filter(|l| l.contains(['ü', 'ö', 'ä', 'ß']))
                    .map(|lower| (fold(&lower.replace('ü', "ue").replace('ö', "oe").replace('ä', "ae")), false))
                    .into_iter()
                    .collect();
                if words.len() == 1 {
                    alts.extend(
                        crate::nicknames::forms_of(&words[0])
                            .into_iter()
                            .map(|f| (f.to_string(), f.len() <= 2 || is_common(f))),
                    );
                }
                NamePart { words, alts, display: w.to_string(), unspaced, ambiguous }
            })
            .collect();
        // Every draft word is compared with every part: keep that bounded.
        // A part written twice counts once, and a name of more parts than
        // anyone has keeps its first ones and its last (the one greeted
        // after a title).
        let mut parts = parts;
        // Compared in place (a name has a few parts): a part is dropped when
        // an earlier one has its words (and, unspaced, its display).
        let same = |a: &NamePart, b: &NamePart| {
            a.words == b.words && a.unspaced == b.unspaced && (!a.unspaced || a.display == b.display)
        };
        if parts.len() > 16 {
            crate::order::first_of_each(&mut parts, |p| (p.words.clone(), p.unspaced.then(|| p.display.clone())));
        } else if parts.len() > 1 {
            let mut i = 1;
            while i < parts.len() {
                if parts[..i].iter().any(|q| same(q, &parts[i])) {
                    parts.remove(i);
                } else {
                    i += 1;
                }
            }
        }
        if parts.len() > MAX_NAME_PARTS {
            parts.drain(MAX_NAME_PARTS - 1..parts.len() - 1);
        }
        (!parts.is_empty()).then(|| CustomerName {
            starts: starts_of(&parts),
            full: parts.iter().map(|p| p.display.as_str()).collect::<Vec<_>>().join(" "),
            parts,
        })
    }

    fn first(&self) -> &str {
        &self.parts[0].display
    }

    /// The part to greet with after a title: the last name.
    fn last(&self) -> &str {
        &self.parts[self.parts.len() - 1].display
    }
}

/// Whether a word of a customer name is a title ("Mr", "Dr."), folded as
/// the draft's words are (an ASCII word without a copy).
fn is_title(w: &str) -> bool {
    if w.is_ascii() {
        TITLES.iter().any(|t| t.eq_ignore_ascii_case(w))
    } else {
        crate::words::among(TITLES, fold(w).as_str())
    }
}

/// The most parts of a customer name that are looked for.
const MAX_NAME_PARTS: usize = 8;

/// The slots of the table of words ruled out in `mentions_of`, by the top
/// bits of their mixed keys (a word's later occurrences are passed over
/// while its slot holds it).
const RULED_OUT_BITS: u32 = 9;
const RULED_OUT: usize = 1 << RULED_OUT_BITS;

/// A use of a name part in the draft.
#[derive(Clone, Copy, Debug)]
struct Use {
    part: usize,
    span: Span,
}

/// What the name rule notices at a word, before it weighs the draft as a
/// whole: the local part of the rule, which reads only near the word (at
/// most three words back and the rest of the sentence), except in the
/// greeting (see [`greeting_tokens`]). `Incremental` keeps these per chunk
/// of lines.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Mention {
    /// A use of a name part (adjacent parts not yet merged).
    Use { part: usize, span: Span },
    /// A word one or two edits from a part, where a name stands.
    NearMiss { part: usize, span: Span },
    /// Without a customer name: a name set off as an address ("Thanks,
    /// Morgan."), first to last word.
    Vocative { span: Span },
}

impl Mention {
    /// The same mention with its span moved by `by` bytes.
    pub(crate) fn moved(self, by: isize) -> Mention {
        match self {
            Mention::Use { part, span } => Mention::Use { part, span: span.moved(by) },
            Mention::NearMiss { part, span } => Mention::NearMiss { part, span: span.moved(by) },
            Mention::Vocative { span } => Mention::Vocative { span: span.moved(by) },
        }
    }
}

/// The tokens whose mentions depend on the greeting: the words it
/// addresses. Their mentions are found over the whole draft; every other
/// word's, over any part of it that holds the word's surroundings.
pub(crate) fn greeting_tokens(doc: &Document) -> std::ops::Range<usize> {
    doc.greeting.as_ref().map_or(0..0, |g| g.addressee.clone())
}

/// Appends the mentions that start at `tokens` but not at `left_out` (in
/// order): with a customer name in `ctx`, uses and near misses of it;
/// without one, vocatives.
pub(crate) fn mentions(
    doc: &Document,
    ctx: &Context,
    tokens: std::ops::Range<usize>,
    left_out: std::ops::Range<usize>,
    out: &mut Vec<Mention>,
) {
    mentions_of(doc, customer_name(ctx).as_deref(), tokens, left_out, out);
}

/// The customer's name in `ctx`, parsed. Parsing folds each part and looks
/// up its other forms (about 3,000 instructions, an eighth of a one-word
/// draft's analysis); the name is the same on every keystroke of a reply
/// and in every chunk of a long one, so the last name parsed is kept (per
/// thread) and shared.
fn customer_name(ctx: &Context) -> Option<Rc<CustomerName>> {
    /// The name as given, and what it parsed to.
    type Kept = Option<(Box<str>, Option<Rc<CustomerName>>)>;
    thread_local! {
        static LAST: RefCell<Kept> = const { RefCell::new(None) };
    }
    let raw = ctx.customer_name.as_deref()?;
    LAST.with(|last| {
        let mut last = last.borrow_mut();
        match last.as_ref() {
            Some((kept, name)) if **kept == *raw => name.clone(),
            _ => {
                let name = CustomerName::parse(raw).map(Rc::new);
                *last = Some((raw.into(), name.clone()));
                name
            }
        }
    })
}

/// Whether token `i` addresses the customer: a word of their given name in
/// any form the name cues count (folded, a familiar or written-out form:
/// "Liz" for Elizabeth, "Mueller" for Müller; spelt in another script:
/// "Dmitri" for Дмитрий), or a title ("Mr", "Dr"). `None` with no name
/// given. For the rules that read a word as a vocative (a bare order after
/// it, a thanks before it).
pub(crate) fn names_customer(doc: &Document, ctx: &Context, i: usize) -> Option<bool> {
    let name = customer_name(ctx)?;
    let word = doc.word(i);
    Some(
        crate::words::among(TITLES, doc.fold(i))
            || name.parts.iter().any(|p| {
                (!p.unspaced && match_part(doc, p, i).is_some()) || crate::translit::same_name(word, &p.display)
            }),
    )
}

fn mentions_of(
    doc: &Document,
    name: Option<&CustomerName>,
    tokens: std::ops::Range<usize>,
    left_out: std::ops::Range<usize>,
    out: &mut Vec<Mention>,
) {
    match name {
        Some(name) => {
            let starts = &name.starts;
            let greeting = doc.greeting.as_ref().map_or(0..0, |g| g.addressee.clone());
            // Most words start no use of the name and are no near miss of
            // it: told here by the token's flags, length and key alone, in
            // a loop that keeps little in registers, without reading the
            // folded form; only a capitalised word long enough to be a near
            // miss (its chars are no more than its bytes), a word of a
            // script written without spaces (where a part is in one), a
            // word of the greeting, or one whose key may be of the name is
            // read, in `mention_at`.
            // (The words before the greeting, its words, and those after
            // it, each over a slice of the tokens: no index checked, and no
            // test of whether a word is the greeting's, per word. That loop
            // was about 24 instructions a word on the 10,143 words.)
            let wake = if starts.any_unspaced { flag::CAP | flag::UNSPACED } else { flag::CAP };
            let (near_from, key_bits, empty) = (starts.near_from, starts.key_bits, starts.empty);
            let clamp = |k: usize| k.clamp(tokens.start, tokens.end);
            let (g_from, g_to) = (clamp(greeting.start), clamp(greeting.end.max(greeting.start)));
            // Most of the words read recur ("I've", "Thank", "Thursday":
            // the 10,143 words hold 1,182 capitalised words of three
            // letters or more, 153 different ones): a word that its letters
            // alone rule out (see `mention_at`) is kept here, by its key,
            // and the same word with the same flags is passed over later
            // after a comparison, not read again (about 180 instructions a
            // word). (By the top bits of the mixed key: a slot by the key's
            // low bits, of 128, held about two in three of those words,
            // their keys falling in a few slots, 13 in one, and a word read
            // again evicted another; 505 words read, now 262 with the
            // words `mention_at` now rules out.)
            let mut ruled_out = [u32::MAX; RULED_OUT];
            let same_word = |a: &Token, b: &Token, j: usize, i: usize| {
                a.key == b.key
                    && a.is(flag::CAP) == b.is(flag::CAP)
                    && a.is(flag::ALPHA) == b.is(flag::ALPHA)
                    && a.is(flag::UNSPACED) == b.is(flag::UNSPACED)
                    && doc.fold(j) == doc.fold(i)
            };
            for (from, to, in_greeting) in
                [(tokens.start, g_from, false), (g_from, g_to, true), (g_to, tokens.end, false)]
            {
                let Some(words) = doc.tokens.get(from..to) else { continue };
                if in_greeting {
                    for (k, t) in words.iter().enumerate() {
                        if t.is_agent() && !left_out.contains(&(from + k)) {
                            mention_at(doc, name, starts, in_greeting, from + k, out);
                        }
                    }
                    continue;
                }
                // (Told 64 words at a time, see `rules::picked`: by a
                // flag and the key's bit, then, of the words picked, by
                // their length and region. A test of every word that
                // branched on its capital went either way with the text.)
                let pick = |t: &Token| t.is(wake) | key_bits.may_hold(t.key) | empty;
                let keep = |t: &Token| {
                    t.is_agent()
                        & ((t.is(wake) & ((t.fold_head().0 >= near_from) | t.is(flag::UNSPACED)))
                            | key_bits.may_hold(t.key)
                            | empty)
                };
                for k in crate::rules::picked(words, pick, keep) {
                    let (i, t) = (from + k, &words[k]);
                    if left_out.contains(&i) {
                        continue;
                    }
                    let slot = &mut ruled_out[(crate::hash::mixed_key(t.key) >> (32 - RULED_OUT_BITS)) as usize];
                    let seen = *slot as usize;
                    if *slot != u32::MAX && same_word(&doc.tokens[seen], t, seen, i) {
                        debug_assert!({
                            let mut none = Vec::new();
                            mention_at(doc, name, starts, false, i, &mut none) && none.is_empty()
                        });
                        continue;
                    }
                    if mention_at(doc, name, starts, false, i, out) {
                        // (A token past `u32::MAX` is not kept.)
                        *slot = u32::try_from(i).unwrap_or(u32::MAX);
                    }
                }
            }
        }
        None => {
            for i in tokens.filter(|i| !left_out.contains(i)) {
                // (The agent's sign-off is left out in `check_without_name`.)
                if let Some((from, to)) = vocative_at(doc, i) {
                    out.push(Mention::Vocative { span: doc.tokens[from].span.cover(doc.tokens[to].span) });
                }
            }
        }
    }
}

/// The mentions of the name that start at token `i`, an agent's word that
/// passed the test of [`mentions_of`]: a use of it, a near miss of it, or
/// none. Whether the word alone rules out both, wherever it stands (it
/// can start no use, and is no near miss of any part: by its letters, as
/// an ordinary word or, unless a part has three chars, by its edits; see
/// [`near_miss`]).
#[inline(never)]
fn mention_at(
    doc: &Document,
    name: &CustomerName,
    starts: &Starts,
    in_greeting: bool,
    i: usize,
    out: &mut Vec<Mention>,
) -> bool {
    let t = &doc.tokens[i];
    let may_start = starts.may_start(doc, t, i);
    if may_start {
        uses_at(doc, name, starts, i, out);
    }
    let near = t.is(flag::ALPHA) && (t.is(flag::CAP) || in_greeting);
    if near {
        match near_miss(doc, name, starts, i, in_greeting) {
            Err(()) => return !may_start,
            Ok(Some(part)) => {
                if is_name_position(doc, i, i)
                    && (in_greeting || !names_a_third_person(doc, i))
                    && (in_greeting || !opens_a_quote(doc, i) || same_first_letter(doc, name, part, i))
                {
                    out.push(Mention::NearMiss { part, span: t.span });
                }
            }
            // No part it nearly spells, told by the word alone unless a
            // part has three chars (see `near_miss`): "Friday", "Amara" and
            // "Member" for Priya Raman, read at each occurrence before (68
            // reads of 18 words in the 10,143 words).
            Ok(None) if !starts.near_placed => return !may_start,
            Ok(None) => {}
        }
    }
    !may_start && !near
}

pub(crate) fn check(doc: &Document, ctx: &Context, out: &mut Vec<Finding>) {
    let name = customer_name(ctx);
    let mut found = Vec::new();
    mentions_of(doc, name.as_deref(), 0..doc.tokens.len(), 0..0, &mut found);
    decide(doc, name, &found, out);
}

/// [`decide`] for `Incremental`, from the mentions found chunk by chunk
/// (see `rules::local`) and those of the greeting's words.
pub(crate) fn decide_from(doc: &Document, ctx: &Context, parts: &crate::rules::local::Parts, out: &mut Vec<Finding>) {
    let name = customer_name(ctx);
    let mut found = parts.mentions.clone();
    mentions_of(doc, name.as_deref(), greeting_tokens(doc), 0..0, &mut found);
    decide(doc, name, &found, out);
}

/// The name rule over the whole draft, from the mentions of all its words
/// (in any order).
fn decide(doc: &Document, name: Option<Rc<CustomerName>>, mentions: &[Mention], out: &mut Vec<Finding>) {
    for ph in &doc.placeholders {
        let mut f = Finding::new(Cue::NamePlaceholder, Some(ph.span));
        if !ph.is_name {
            f = f.with_message(
                "A template placeholder was left in the reply. Replace it with the real details before sending.",
            );
        } else if let Some(n) = &name {
            // After a title, or for a surname, the last name: "Dear Mr. XXX"
            // becomes "Dear Mr. Doyle", not "Dear Mr. Kevin".
            let before = doc.text[..ph.span.start()].trim_end();
            let titled = before
                .rsplit(|c: char| !c.is_alphabetic())
                .find(|w| !w.is_empty())
                .is_some_and(|w| crate::words::among(TITLES, &w.to_lowercase()));
            let surname = {
                let inner = doc.text[ph.span].to_lowercase();
                inner.contains("surname") || inner.contains("last") || inner.contains("family")
            };
            f = f.with_suggestions([if titled || surname { n.last() } else { n.first() }.to_string()]);
        }
        out.push(f);
    }
    let name_placeholder = doc.placeholders.iter().any(|p| p.is_name);
    if doc.tokens.iter().all(|t| !t.is_agent()) {
        return;
    }
    match name {
        Some(name) => check_with_name(doc, &name, mentions, name_placeholder, out),
        None => check_without_name(doc, mentions, name_placeholder, out),
    }
}

fn check_with_name(
    doc: &Document,
    name: &CustomerName,
    mentions: &[Mention],
    name_placeholder: bool,
    out: &mut Vec<Finding>,
) {
    // Whether the draft capitalises, read once when first asked.
    let mut capitalises = None;
    let uses = merge_uses(
        doc,
        mentions
            .iter()
            .filter_map(|m| match *m {
                Mention::Use { part, span } => Some(Use { part, span }),
                _ => None,
            })
            .filter(|u| !is_ordinary_word_or_signature(doc, u.span, &mut capitalises))
            .collect(),
    );
    let mut flagged = false;
    for u in &uses {
        out.push(Finding::new(Cue::NameUsed, Some(u.span)));
    }

    // Near misses of a part that is never spelled right.
    // (A name keeps at most `MAX_NAME_PARTS` parts: on the stack, not a
    // list allocated and zeroed per analysis.)
    let mut used = [false; MAX_NAME_PARTS];
    for u in &uses {
        used[u.part] = true;
    }
    let mut near: Vec<(Span, usize)> = mentions
        .iter()
        .filter_map(|m| match *m {
            Mention::NearMiss { part, span } => Some((span, part)),
            _ => None,
        })
        .collect();
    crate::order::sort_by_key(&mut near, |&(span, _)| span);
    let mut misspelled_tokens = Vec::new();
    for (span, part) in near {
        // A near miss in quotation marks is words quoted, not the customer
        // addressed ("from "P. Ramen" to "Priya Raman"", "a reservation
        // under "Smtih", the spelling entered at booking"), unless a
        // greeting opens on it ("Dear "Pryia Raman"").
        let k = doc.token_at(span.start());
        let corrected = crate::document::contained_sorted(&doc.inline_quotes, span)
            && !(k.saturating_sub(2)..k).any(|j| crate::words::among(crate::document::GREETING_WORDS, doc.fold(j)));
        if !used[part] && !doc.tokens[doc.token_at(span.start())].is(flag::QUOTED) && !corrected {
            misspelled_tokens.push(doc.token_at(span.start()));
            flagged = true;
            out.push(
                Finding::new(Cue::NameMisspelled, Some(span))
                    .with_message(format!(
                        "This looks like a misspelling of the customer's name, {}.",
                        name.parts[part].display
                    ))
                    .with_suggestions([name.parts[part].display.clone()]),
            );
        }
    }

    // A greeting that names somebody else.
    let mut other_script = false;
    if let Some((span, titled)) = greeting_addressee(doc, Some(name), &uses, &misspelled_tokens) {
        // "Здравствуйте, Дмитрий!" to Dmitri, "山本様" to Hiroshi Yamamoto:
        // the name in the customer's own script.
        if let Some(spelt) = named_in_other_script(&doc.text[span], name) {
            other_script = true;
            let mut used = Finding::new(Cue::NameUsed, Some(span));
            if !spelt {
                // Kanji or another script that can't be spelt out: whose
                // name it is can't be read (the seventh QA pass's "佐藤様"
                // to Hiroshi Tanaka was praised as his name).
                used = used.with_message(format!(
                    "Addressing the customer by name makes the reply personal. {} is written in another script \
                     than {}, so it can't be checked here: make sure it is this customer's name.",
                    &doc.text[span], name.full
                ));
            }
            out.push(used);
        } else if !titled
            && name.parts[0].words.first().is_some_and(|first| {
                // (A first name in no nickname family is no other spelling
                // of any: told by one lookup, before the families of the
                // greeting's name are read, a scan of them all for a
                // name in one.)
                crate::nicknames::in_a_family(first)
                    && crate::nicknames::spellings_of(&fold(&doc.text[span])).contains(&first.as_str())
            })
        {
            // "Hi Kathryn," to Katherine Moss: another spelling of her name.
            flagged = true;
            out.push(
                Finding::new(Cue::NameMisspelled, Some(span))
                    .with_message(format!("This looks like a misspelling of the customer's name, {}.", name.first()))
                    .with_suggestions([name.first().to_string()]),
            );
        } else {
            flagged = true;
            let better = if titled { name.last() } else { name.first() };
            out.push(
                Finding::new(Cue::NameMismatch, Some(span))
                    .with_message(format!(
                        "The greeting names {}, but this customer is {}. Check you are replying to the right person.",
                        &doc.text[span], name.full
                    ))
                    .with_suggestions([better.to_string()]),
            );
        }
    }

    if uses.is_empty() && !other_script && !flagged && !name_placeholder {
        out.push(Finding::new(Cue::NameMissing, None).with_message(format!(
            "Greet the customer by name, {}: it shows a person, not a template, wrote the reply.",
            name.first()
        )));
    }
}

/// Whether a greeting's addressee `words`, written in another script than
/// the customer's name, may name them: `Some(true)` spelt out the same
/// (Cyrillic or Greek against Latin: Дмитрий is Dmitri); `Some(false)` in a
/// script that can't be spelt out letter by letter (山本様 to Hiroshi
/// Yamamoto), most likely taken from the customer but not checkable; `None`
/// in the same script, or spelt out as another name.
fn named_in_other_script(words: &str, name: &CustomerName) -> Option<bool> {
    use crate::translit::{same_name, script, Script};
    let theirs = name.parts.iter().find_map(|p| script(&p.display))?;
    let ours: Vec<&str> = words.split_whitespace().filter(|w| script(w).is_some()).collect();
    let first = ours.first().and_then(|w| script(w))?;
    if first == theirs {
        return None;
    }
    if first == Script::Other || theirs == Script::Other {
        return Some(false);
    }
    ours.iter()
        .any(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphabetic());
            name.parts.iter().any(|p| same_name(w, &p.display))
        })
        .then_some(true)
}

fn check_without_name(doc: &Document, mentions: &[Mention], name_placeholder: bool, out: &mut Vec<Finding>) {
    let mut addressed = false;
    if let Some((span, _)) = greeting_addressee(doc, None, &[], &[]) {
        addressed = true;
        out.push(Finding::new(Cue::NameUsed, Some(span)));
    }
    // "Thanks, Priya!", "Mind if we jump in, Dulce?" further on.
    for m in mentions {
        let Mention::Vocative { span } = *m else { continue };
        let from = doc.token_at(span.start());
        if doc.greeting.as_ref().is_some_and(|g| g.addressee.contains(&from)) {
            continue;
        }
        // (Not the agent's sign-off: "Regards,\nPriti, Greenline Energy"
        // names the agent and the company, the twelfth QA pass. Read here,
        // in the whole draft, not where the mention was found: a sign-off
        // is told by the draft's end, which a chunk of a long draft does
        // not see, so the incremental analysis once differed.)
        if in_sign_off(doc, from) || inline_sign_off(doc, from) {
            continue;
        }
        addressed = true;
        out.push(Finding::new(Cue::NameUsed, Some(span)));
    }
    if !addressed && !name_placeholder {
        out.push(Finding::new(Cue::NameMissing, None).with_message(
            "The reply addresses no one by name. Greet the customer by name, or enter their name above so it can be checked.",
        ));
    }
}

/// Nouns after which a name set off by a comma is an apposition, not an
/// address: "my colleague, John, will call".
const PERSON_NOUNS: &[&str] = &[
    "colleague",
    "colleagues",
    "manager",
    "supervisor",
    "agent",
    "specialist",
    "technician",
    "engineer",
    "rep",
    "representative",
    "named",
    "called",
    "partner",
    "husband",
    "wife",
    "son",
    "daughter",
    "friend",
    "team",
    "lead",
    "advisor",
    "adviser",
    "driver",
    "courier",
    "owner",
    "assistant",
];

/// Roles a colleague is named by after "your", "our" or "the": "your case
/// handler, Mark, will call" (not "as a nurse, Sarah, you'll know").
const COLLEAGUE_ROLES: &[&str] = &[
    "handler",
    "caseworker",
    "coordinator",
    "officer",
    "consultant",
    "leader",
    "nurse",
    "doctor",
    "pharmacist",
    "installer",
    "surveyor",
    "inspector",
    "planner",
];

/// Words set off by commas that address someone: "Thanks for waiting,
/// Morgan." or "Mind if we jump in, Dulce?". A capitalised name (one word,
/// or two as in "Manny Jr"), after a comma in mid-sentence, that closes the
/// sentence or its clause. Returns the token range that starts at token
/// `i`, first and last inclusive.
fn vocative_at(doc: &Document, i: usize) -> Option<(usize, usize)> {
    let name_like = |k: usize| {
        let t = &doc.tokens[k];
        let w = doc.fold(k);
        t.is_agent()
            && t.is(flag::CAP)
            && t.is(flag::ALPHA)
            && !t.is(flag::ALL_CAPS)
            && (!is_common(w) || is_name_word(w))
            && !crate::words::among(GENERIC_ADDRESS, w)
            && !crate::words::among(TITLES, w)
            && !crate::words::is_day_or_month(w)
            && w.chars().count() >= 2
    };
    if i == 0 || i >= doc.tokens.len() {
        return None;
    }
    {
        let prev = &doc.tokens[i - 1];
        // "Congrats on the sale Craig!": a wish or thanks that closes on
        // the name, with no comma before it.
        let t = &doc.tokens[i];
        if !prev.gap_has(gap::CLAUSE)
            && prev.sentence == t.sentence
            && !prev.is(flag::CAP)
            && t.gap_has(gap::EXCLAIM)
            && name_like(i)
            && !matches!(
                doc.fold(i - 1),
                "to" | "in" | "at" | "from" | "on" | "for" | "with" | "of" | "by" | "the" | "our" | "your" | "a" | "an"
            )
        {
            let mut k = i;
            while k > 0 && doc.tokens[k - 1].sentence == t.sentence {
                k -= 1;
            }
            if matches!(
                doc.fold(k),
                "congrats"
                    | "congratulations"
                    | "thanks"
                    | "thank"
                    | "welcome"
                    | "happy"
                    | "cheers"
                    | "enjoy"
                    | "good"
                    | "great"
            ) {
                return Some((i, i));
            }
        }
        // A capital before the comma may be one of a list of names
        // ("Paris, Rome and Madrid"); a day or a month is written with one
        // by convention, so it is no list ("As we discussed on Friday,
        // Chloé, your ...").
        let listed =
            prev.is(flag::CAP) && !prev.is(flag::SENT_START) && !crate::words::is_day_or_month(doc.fold(i - 1));
        if !prev.gap_has(gap::COMMA)
            || prev.gap_has(gap::BREAK)
            || prev.sentence != doc.tokens[i].sentence
            || listed
            || !name_like(i)
        {
            return None;
        }
        let back = i.saturating_sub(3);
        if (back..i).any(|k| {
            crate::words::among(PERSON_NOUNS, doc.fold(k))
                || (crate::words::among(COLLEAGUE_ROLES, doc.fold(k))
                    && (k.saturating_sub(2)..k).any(|j| matches!(doc.fold(j), "your" | "our" | "the" | "my")))
        }) {
            return None;
        }
        let mut end = i;
        if doc.tokens[i].gap.is_empty()
            && i + 1 < doc.tokens.len()
            && doc.tokens[i + 1].sentence == doc.tokens[i].sentence
            && name_like(i + 1)
        {
            end = i + 1;
        }
        let t = &doc.tokens[end];
        let closes = t.gap_has(gap::BREAK | gap::PERIOD | gap::EXCLAIM | gap::QUESTION | gap::NEWLINE | gap::DASH)
            || end + 1 == doc.tokens.len();
        // ", Faith, and we ..." closes a clause; "Paris, London, Rome" is a list.
        let clause = t.gap_has(gap::COMMA)
            && end + 1 < doc.tokens.len()
            && !doc.tokens[end + 1].is(flag::CAP)
            && doc.tokens[end + 1].sentence == t.sentence;
        (closes || clause).then_some((i, end))
    }
}

/// A word can match a part only if it is the part's first word or
/// another form of it (see `match_part`), or, for a part in a script
/// without spaces, if it is written in one: the first bytes and the word
/// keys to look for.
fn starts_of(parts: &[NamePart]) -> Starts {
    let mut bytes = [false; 256];
    let mut empty = false;
    let mut keys = Vec::new();
    for p in parts.iter().filter(|p| !p.unspaced) {
        for w in std::iter::once(&p.words[0]).chain(p.alts.iter().map(|(a, _)| a)) {
            match w.as_bytes().first() {
                Some(&b) => bytes[b as usize] = true,
                None => empty = true,
            }
            keys.push(crate::hash::word_key(w.as_bytes()));
        }
    }
    // The lengths in chars of the parts a near miss may be of.
    let mut near_lens = (usize::MAX, 0);
    for p in parts.iter().filter(|p| !p.unspaced && p.words.len() == 1) {
        let len = p.words[0].chars().count();
        near_lens = (near_lens.0.min(len), near_lens.1.max(len));
    }
    // A near miss has from the fewest chars less two (and three at
    // least) to the most plus two: `near_span` chars more than
    // `near_from` at most, and none where no part may have one.
    let near_from = near_lens.0.saturating_sub(2).max(3);
    let near_span = (near_lens.1 + 2).checked_sub(near_from);
    let part_letters: Vec<u32> = parts.iter().map(|p| p.words.first().map_or(0, |w| letters(w))).collect();
    let near_letters = parts.iter().zip(&part_letters);
    let near_letters = near_letters.filter(|(p, _)| !p.unspaced && p.words.len() == 1).map(|(_, &l)| l).collect();
    let key_bits = crate::hash::KeyMask::of_keys(&keys);
    Starts {
        bytes,
        empty,
        keys,
        key_bits,
        any_unspaced: parts.iter().any(|p| p.unspaced),
        near_from: if near_span.is_some() { near_from } else { usize::MAX },
        near_span: near_span.unwrap_or(0),
        near_placed: parts.iter().any(|p| !p.unspaced && p.words.len() == 1 && p.words[0].chars().count() == 3),
        part_letters,
        near_letters,
    }
}

/// What a word must be to start a use of the name, looked up once per
/// word: one of the words its parts start with (or another form of one),
/// told by the word's first byte and then its key; or, where a part is
/// empty, an empty word; or, where a part is in a script written without
/// spaces, a word in one.
#[derive(Debug)]
struct Starts {
    bytes: [bool; 256],
    empty: bool,
    /// The word keys (`hash::word_key`) of each part's first word and of
    /// its other forms: a word that starts as one of them but has none of
    /// their keys ("please", "replacement" for Priya Raman) is no use of
    /// the name, told by its token's key without a call. A short list (a
    /// name keeps at most 8 parts, each with a few other forms), read in
    /// order; the first-byte table before it passes over most words with
    /// one load.
    keys: Vec<u32>,
    /// The bits of `keys` (`hash::KeyMask`): a word whose bit is clear
    /// has none of them, told by one test of the token's key in the loop
    /// of [`mentions_of`].
    key_bits: crate::hash::KeyMask,
    any_unspaced: bool,
    /// The fewest chars a near miss may have, three or more, and how many
    /// more it may have (`usize::MAX` and 0 if no part may have one): a
    /// near miss is of a part of one word, not in a script written
    /// without spaces, and at most two edits from it, so no more than two
    /// chars longer or shorter than all such parts; told before any lookup.
    near_from: usize,
    near_span: usize,
    /// Whether a part has three chars: a near miss of it counts only where
    /// a name stands (see `near_miss`), so whether a word is one depends on
    /// its place; of any other part, on the word alone.
    near_placed: bool,
    /// The [`letters`] of each part's first word.
    part_letters: Vec<u32>,
    /// Those of the parts a near miss may be of: a word with more than
    /// two letters each of them lacks, or lacking more than two of each's,
    /// is no near miss (an edit adds at most one letter and removes at
    /// most one; see `letters_apart`).
    near_letters: Vec<u32>,
}

impl Starts {
    /// Whether token `i` (`t`) may start a use of the name.
    #[inline(always)]
    fn may_start(&self, doc: &Document, t: &Token, i: usize) -> bool {
        let (len, first) = doc.fold_head(i);
        (self.any_unspaced && t.is(flag::UNSPACED))
            || if len > 0 { self.bytes[first as usize] && self.keys.contains(&t.key) } else { self.empty }
    }
}

/// The uses of a name part that start at token `i`, an agent's word that
/// may start one (`Starts::may_start`).
#[inline(never)]
fn uses_at(doc: &Document, name: &CustomerName, starts: &Starts, i: usize, out: &mut Vec<Mention>) {
    let t = &doc.tokens[i];
    debug_assert!(t.is_agent() && starts.may_start(doc, t, i));
    for (p, part) in name.parts.iter().enumerate() {
        if part.unspaced {
            if t.is(flag::UNSPACED) {
                let word = doc.word(i);
                if let Some(at) = word.find(&part.display) {
                    let start = t.span.start() + at;
                    out.push(Mention::Use { part: p, span: Span::new(start, start + part.display.len()) });
                } else if let Some((at, len)) = surname_with_honorific(word, &part.display) {
                    let start = t.span.start() + at;
                    out.push(Mention::Use { part: p, span: Span::new(start, start + len) });
                }
            }
            continue;
        }
        let Some((end, alt_ambiguous)) = match_part(doc, part, i) else {
            continue;
        };
        if (part.ambiguous || alt_ambiguous)
            && !(doc.tokens[i].is(flag::CAP)
                && (is_name_position(doc, i, end) || next_to_other_part(doc, name, p, i, end)))
        {
            continue;
        }
        out.push(Mention::Use { part: p, span: t.span.cover(doc.tokens[end].span) });
    }
}

/// Honorifics written after a surname in scripts without spaces: "王先生"
/// (Mr Wang), "王女士", "山本様", "김씨".
/// (Not job titles, "李经理" is a colleague: the session's review.)
const HONORIFICS: &[&str] = &["先生", "女士", "小姐", "太太", "様", "さま", "さん", "殿", "氏", "씨", "님"];

/// Where `word` addresses the customer named `full` (written without
/// spaces, "王伟", "山本太郎") by their surname and an honorific: the first
/// one or two chars of the name, then an honorific ("王先生您好" holds
/// "王先生", the usability review found it read as a wrong name). The byte
/// offset and length of the surname and honorific.
fn surname_with_honorific(word: &str, full: &str) -> Option<(usize, usize)> {
    let chars: Vec<(usize, char)> = full.char_indices().collect();
    // (A two-char surname first: "山本" of 山本太郎.)
    [2, 1].into_iter().filter(|&n| n < chars.len()).find_map(|n| {
        let surname = &full[..chars[n].0];
        // Where a greeting stands: the word's start, or right after a
        // greeting written into it ("您好王先生"), not "我们的王先生".
        word.match_indices(surname).find_map(|(at, _)| {
            let before = &word[..at];
            if !(before.is_empty() || UNSPACED_GREETINGS.iter().any(|g| before.ends_with(g))) {
                return None;
            }
            let rest = &word[at + surname.len()..];
            HONORIFICS.iter().find(|h| rest.starts_with(**h)).map(|h| (at, surname.len() + h.len()))
        })
    })
}

/// Whether a use of the name (`span`) is not the customer's name after
/// all, read over the whole draft (a chunk of it would not see the
/// capitals or the closing line): a word in lower case where no name
/// stands, in a draft that capitalises names ("Hi Will, we will grant the
/// refund" to Will Grant; a draft all in lower case, "thx priya", still
/// names), or the agent's signature ("Best,\nPriya").
fn is_ordinary_word_or_signature(doc: &Document, span: Span, capitalises: &mut Option<bool>) -> bool {
    let i = doc.token_at(span.start());
    let end = doc.token_at(span.end() - 1);
    if i >= doc.tokens.len() || end >= doc.tokens.len() {
        return false;
    }
    let t = &doc.tokens[i];
    (!t.is(flag::CAP)
        && !t.is(flag::UNSPACED)
        && !is_name_position(doc, i, end)
        && *capitalises.get_or_insert_with(|| capitalises_names(doc)))
        || in_sign_off(doc, i)
        || a_colleague(doc, i, end)
}

/// Whether the name at tokens `i..=end` is a colleague's, spoken of: "Kim
/// from our billing team will call you" (a namesake of the customer's; not
/// in the greeting).
fn a_colleague(doc: &Document, i: usize, end: usize) -> bool {
    let n = doc.tokens.len();
    let in_greeting = doc.greeting.as_ref().is_some_and(|g| g.addressee.contains(&i));
    // (A subject opening its clause: "Thank you so much Priya from the
    // whole team" thanks the customer.)
    let opens = doc.tokens[i].is(flag::SENT_START) || (i > 0 && doc.tokens[i - 1].gap_has(gap::CLAUSE));
    !in_greeting
        && opens
        && end + 2 < n
        && doc.tokens[end + 2].sentence == doc.tokens[i].sentence
        && !doc.tokens[end].gap_has(gap::CLAUSE)
        && doc.fold(end + 1) == "from"
        && matches!(doc.fold(end + 2), "our" | "the" | "my")
}

/// Whether token `i` is in the reply's sign-off: on a short line after a
/// line that is only a closing ("Best,", "Kind regards,", "Thanks,"), in
/// the last 256 bytes of the draft. Reads a bounded stretch of text: many
/// uses of the name cost no more than one each.
fn in_sign_off(doc: &Document, i: usize) -> bool {
    let text = doc.text;
    let at = doc.tokens[i].span.start();
    if text.len() - at > 256 {
        return false;
    }
    let window_start = |end: usize| {
        let mut from = end.saturating_sub(64);
        while !text.is_char_boundary(from) {
            from += 1;
        }
        from
    };
    // The line the name is on starts within 64 bytes before it.
    let from = window_start(at);
    let Some(nl) = text[from..at].rfind('\n').map(|p| from + p) else { return false };
    // The line before, within 64 bytes of it (blank lines trimmed there).
    let from = window_start(nl);
    let before = text[from..nl].trim_end();
    let Some(prev_start) = before.rfind('\n').map(|p| p + 1).or((from == 0).then_some(0)) else {
        return false;
    };
    let Some(closing) = before[prev_start..].trim().strip_suffix(',') else { return false };
    let mut words = 0;
    for w in closing.split_whitespace() {
        words += 1;
        let closing_word = matches!(
            w.to_ascii_lowercase().as_str(),
            "best"
                | "regards"
                | "kind"
                | "kindest"
                | "warm"
                | "warmest"
                | "many"
                | "thanks"
                | "thank"
                | "you"
                | "cheers"
                | "sincerely"
                | "yours"
                | "wishes"
                | "all"
                | "the"
                | "with"
                | "faithfully"
                | "truly"
        );
        if !closing_word || words > 3 {
            return false;
        }
    }
    words > 0
}

/// Whether token `i` signs off a reply written on one line: "... under
/// Orders. Best, Sam", "... Kind regards, Sam K." A closing of one to three
/// closing words starts its sentence, a comma follows it, and the name
/// ends the draft (a word more may follow: a last initial, a team). A
/// closing that also thanks or wishes well ("Thanks, Sam", "Cheers, Sam",
/// "All the best, Sam") may be said to a customer called Sam: it signs off
/// only after a greeting that addresses someone else. Read only when no
/// name is given: a given name at the end is the customer's ("All the
/// best, Sam!" to Sam).
fn inline_sign_off(doc: &Document, i: usize) -> bool {
    let n = doc.tokens.len();
    // The name and at most one word after it end the draft.
    if n - i > 2 || !doc.text[doc.tokens[n - 1].span.end()..].trim().trim_end_matches(['.', '!']).is_empty() {
        return false;
    }
    if i == 0 || !doc.tokens[i - 1].gap_has(gap::COMMA) {
        return false;
    }
    let mut thanks = false;
    let mut from = i;
    while from > 0 && i - from < 3 {
        let w = doc.fold(from - 1);
        match w {
            "best" | "regards" | "kind" | "kindest" | "warm" | "warmest" | "sincerely" | "yours" | "faithfully"
            | "truly" => {}
            "thanks" | "thank" | "you" | "cheers" | "many" | "all" | "the" | "with" | "wishes" => thanks = true,
            _ => break,
        }
        from -= 1;
        let t = &doc.tokens[from];
        if t.is(flag::SENT_START) || (from > 0 && doc.tokens[from - 1].gap_has(gap::CLAUSE)) {
            let greeted_other =
                doc.greeting.as_ref().is_some_and(|g| !g.addressee.is_empty() && !g.addressee.contains(&i));
            return from < i && (!thanks || greeted_other);
        }
    }
    false
}

/// Whether the agent's words hold a capital inside a sentence (a name, a
/// product, "I"): the writer capitalises.
fn capitalises_names(doc: &Document) -> bool {
    doc.tokens.iter().any(|t| t.is_agent() && t.is(flag::CAP) && !t.is(flag::SENT_START))
}

/// The uses, a full name as one ("Priya Raman"): adjacent parts merged.
fn merge_uses(doc: &Document, mut uses: Vec<Use>) -> Vec<Use> {
    // In text order, and of uses of one word in the order of the name's parts.
    crate::order::sort_by_key(&mut uses, |u| (u.span, u.part));
    let mut merged: Vec<Use> = Vec::with_capacity(uses.len());
    for u in uses {
        if let Some(last) = merged.last_mut() {
            let between = &doc.text[last.span.end().min(u.span.start())..u.span.start()];
            if u.span.start() >= last.span.end()
                && !between.is_empty()
                && between.trim().is_empty()
                && !between.contains('\n')
            {
                last.span = last.span.cover(u.span);
                continue;
            }
            if last.span.overlaps(u.span) {
                continue;
            }
        }
        merged.push(u);
    }
    merged
}

/// Matches the words of `part` from token `i`; returns the last token, and
/// whether it matched by another form that is also an ordinary word.
fn match_part(doc: &Document, part: &NamePart, i: usize) -> Option<(usize, bool)> {
    if doc.tokens[i].is_agent() {
        let w = doc.fold(i);
        if let Some((_, ambiguous)) = part.alts.iter().find(|(a, _)| a == w) {
            return Some((i, *ambiguous));
        }
    }
    // Cheap reject before comparing whole words.
    if doc.fold(i).as_bytes().first() != part.words[0].as_bytes().first() {
        return None;
    }
    let mut k = i;
    for (n, w) in part.words.iter().enumerate() {
        if k >= doc.tokens.len() || !doc.tokens[k].is_agent() || doc.fold(k) != w {
            return None;
        }
        if n + 1 < part.words.len() {
            let g = doc.tokens[k].gap;
            if !g.is_empty() && g != gap::TIGHT_HYPHEN {
                return None;
            }
        }
        k += 1;
    }
    Some((k - 1, false))
}

/// Whether tokens `i..=end` stand where a name would: in the greeting, after
/// a title, set off by punctuation, or capitalised in mid-sentence.
fn is_name_position(doc: &Document, i: usize, end: usize) -> bool {
    let t = &doc.tokens[i];
    let in_greeting = doc.greeting.as_ref().is_some_and(|g| g.addressee.contains(&i));
    let after_title = i > 0 && crate::words::among(TITLES, doc.fold(i - 1));
    if i > 0 && crate::words::among(DETERMINERS, doc.fold(i - 1)) && !in_greeting {
        return false;
    }
    let set_off_before = i > 0 && doc.tokens[i - 1].gap_has(gap::COMMA) && !doc.tokens[i - 1].gap_has(gap::BREAK);
    let set_off_after = doc.tokens[end].gap_has(gap::CLAUSE);
    in_greeting || after_title || set_off_before || set_off_after || (!t.is(flag::SENT_START) && t.is(flag::CAP))
}

/// Whether the word at token `i` starts with the letter the name's `part`
/// starts with: a misspelling keeps it ("'Pryia will collect'" for Priya,
/// the fifteenth pass's review), a word one letter away with another
/// first letter is most often another word ("'Dark mode'" for Park).
fn same_first_letter(doc: &Document, name: &CustomerName, part: usize, i: usize) -> bool {
    let first = |w: &str| w.chars().next();
    name.parts[part].words.first().is_some_and(|p| first(p) == first(doc.fold(i)))
}

/// Whether token `i` opens a quotation: past the greeting, a label quoted
/// from a screen ("toggle 'Dark mode' on" to Kevin Park, the fifteenth QA
/// pass), not the customer addressed.
fn opens_a_quote(doc: &Document, i: usize) -> bool {
    doc.text[..doc.tokens[i].span.start()].ends_with(['\'', '"', '\u{2018}', '\u{201c}'])
}

/// Whether the name at token `i` is the object of a verb or preposition
/// that talks about a person rather than to the customer: "I've asked
/// Ramon in our warehouse", "spoke with Raman", "a note from Ramon".
fn names_a_third_person(doc: &Document, i: usize) -> bool {
    i > 0
        && doc.tokens[i - 1].sentence == doc.tokens[i].sentence
        && !doc.tokens[i - 1].gap_has(gap::CLAUSE)
        && matches!(
            doc.fold(i - 1),
            "asked"
                | "ask"
                | "told"
                | "tell"
                | "with"
                | "from"
                | "to"
                | "by"
                | "colleague"
                | "manager"
                | "cc"
                | "cc'd"
                | "copied"
                | "contacted"
                | "contact"
                | "called"
                | "emailed"
                | "messaged"
                | "let"
                | "and"
                | "or"
                | "technician"
                | "engineer"
                | "supervisor"
        )
}

fn next_to_other_part(doc: &Document, name: &CustomerName, p: usize, i: usize, end: usize) -> bool {
    let other = |k: usize| name.parts.iter().enumerate().any(|(q, part)| q != p && match_part(doc, part, k).is_some());
    (i > 0 && doc.tokens[i - 1].gap.is_empty() && other(i - 1))
        || (doc.tokens[end].gap.is_empty() && end + 1 < doc.tokens.len() && other(end + 1))
}

/// The name part that token `i` nearly spells, if it is a plausible typo of
/// one: not an ordinary word, one or two edits away. Token `i` is an agent's
/// word of letters, capitalised or in the greeting (`in_greeting`).
///
/// `Err(())` when the word alone rules it out, wherever it stands (too
/// short or long, letters too far from each part's, an ordinary word, a
/// title or the name itself): the same word is no near miss anywhere.
fn near_miss(
    doc: &Document,
    name: &CustomerName,
    starts: &Starts,
    i: usize,
    in_greeting: bool,
) -> Result<Option<usize>, ()> {
    let t = &doc.tokens[i];
    debug_assert!(t.is_agent() && t.is(flag::ALPHA) && (t.is(flag::CAP) || in_greeting));
    let (w_len, w_letters) = length_and_letters(doc, i);
    // Most capitalised words are too short or too long to be within two
    // edits of any part, or have more than two letters each part lacks,
    // or lack more than two of each's letters (see `letters_apart`):
    // passed over before the lookups below, by one branch. The word's
    // length and letters are told without a loop over its chars, and the
    // tests are numbers (0 where the word is within reach), which the
    // compiler does not make branches of: on text it has not seen, the
    // processor cannot foresee which way a word goes, and each test that
    // branched was a coin flip.
    let apart = starts.near_letters.iter().fold(u32::MAX, |off, &l| off.min(letters_off(w_letters, l)));
    let length_off = w_len.wrapping_sub(starts.near_from).saturating_sub(starts.near_span).min(1) as u32;
    if apart | length_off != 0 {
        return Err(());
    }
    let w = doc.fold(i);
    if crate::words::is_common_keyed(w, t.key) || crate::words::among(TITLES, w) {
        return Err(());
    }
    if name.parts.iter().any(|p| (p.words.len() == 1 && p.words[0] == w) || p.alts.iter().any(|(a, _)| a == w)) {
        return Err(());
    }
    // Read only for a short part (below), which few names have.
    let name_slot = || in_greeting || is_name_position(doc, i, i);
    Ok(name.parts.iter().zip(&starts.part_letters).position(|(p, &target_letters)| {
        if p.unspaced || p.words.len() != 1 {
            return false;
        }
        let target = &p.words[0];
        // Counting a huge part's chars for every word would be quadratic:
        // a part of more bytes than 4 per char of the word, plus the edits
        // allowed, cannot be within reach.
        if target.len() > 4 * (w_len + 2) {
            return false;
        }
        let len = target.chars().count();
        let same_start = w.chars().next() == target.chars().next();
        // Most capitalised words have more letters the part lacks, or lack
        // more of its letters, than the edits allowed (see `letters`):
        // passed over before the lower bound counts their letters.
        let apart = |allowed: usize| letters_apart(w_letters, target_letters) > allowed;
        if len < 4 {
            // Short names ("Jon", "Ann", "Zoë") only where a name stands:
            // "John" for Jon is a misspelling even though John is a name.
            return len == 3
                && same_start
                && !apart(1)
                && name_slot()
                && edit_distance_lower_bound(w, target) <= 1
                && one_edit_apart(w, target);
        }
        // In the greeting a near miss is almost surely the name: allow
        // spelling variants such as Sofia/Sophia, Lucy/Lucie.
        let allowed = if len >= 7 || (in_greeting && same_start) { 2 } else { 1 };
        if w_len.abs_diff(len) > allowed || apart(allowed) || edit_distance_lower_bound(w, target) > allowed {
            return false;
        }
        if allowed == 1 {
            return one_edit_apart(w, target);
        }
        let d = edit_distance(w, target);
        d > 0 && d <= allowed && (d == 1 || same_start)
    }))
}

/// A bit for each char of `w`, by its low five bits (the buckets of
/// [`edit_distance_lower_bound`]).
fn letters(w: &str) -> u32 {
    w.chars().fold(0, |m, c| m | 1 << (c as u32 & 31))
}

/// The length in chars of token `i`'s folded form and its [`letters`].
/// Most capitalised words are ASCII and of eight bytes or fewer: read in
/// one load, with no loop over their chars (whose end, at a length that
/// differs word by word, was a branch the processor mostly mispredicted).
fn length_and_letters(doc: &Document, i: usize) -> (usize, u32) {
    /// Each byte's top bit, of a `u64`.
    const TOPS: u64 = u64::from_le_bytes([0x80; 8]);
    let (start, end) = doc.tokens[i].fold_range();
    let (start, len) = (start as usize, (end - start) as usize);
    if let Some(eight) = doc.folded_words().as_bytes().get(start..start + 8) {
        let w = u64::from_le_bytes(eight.try_into().unwrap_or_default());
        // The lanes of the word's bytes, if it has one to eight.
        let keep = u64::MAX.wrapping_shr(64u32.wrapping_sub(8 * len as u32));
        if (len.wrapping_sub(1) < 8) & (w & keep & TOPS == 0) {
            // An ASCII char is its byte. The lanes past the word are zero,
            // whose bit (bit 0) no ASCII letter, digit or apostrophe has,
            // the only ASCII bytes of a folded word (a test in `tokens`
            // checks every char's folded form).
            let word = w & keep;
            let mut m = 0u32;
            for k in 0..8 {
                m |= 1 << ((word >> (8 * k)) as u32 & 31);
            }
            let m = m & !1;
            debug_assert_eq!((len, m), (doc.fold(i).chars().count(), letters(doc.fold(i))));
            return (len, m);
        }
    }
    let w = doc.fold(i);
    (w.chars().count(), letters(w))
}

/// 0 if [`letters_apart`] of `a` and `b` is two or less (each has at
/// most two bits the other lacks), else not: bit operations, no count.
fn letters_off(a: u32, b: u32) -> u32 {
    let past_two = |x: u32| {
        let y = x & x.wrapping_sub(1);
        y & y.wrapping_sub(1)
    };
    let off = past_two(a & !b) | past_two(b & !a);
    debug_assert_eq!(off == 0, letters_apart(a, b) <= 2);
    off
}

/// A lower bound of the edits between two words with the [`letters`] `a`
/// and `b`, never above [`edit_distance_lower_bound`]'s: an edit adds at
/// most one char and removes at most one, so each bucket one word has and
/// the other lacks takes an edit of its own.
fn letters_apart(a: u32, b: u32) -> usize {
    (a & !b).count_ones().max((b & !a).count_ones()) as usize
}

/// The person the greeting addresses, if it is not this customer: returns
/// the span of their name and whether a title preceded it. Without a
/// customer name, any named person counts.
fn greeting_addressee(
    doc: &Document,
    name: Option<&CustomerName>,
    uses: &[Use],
    misspelled: &[usize],
) -> Option<(Span, bool)> {
    let g = doc.greeting.as_ref()?;
    let mut i = g.addressee.start;
    let mut titled = false;
    // ("Mr and Mrs Lindqvist": two titles, one name, the twelfth QA pass.)
    let title = |k: usize| k < g.addressee.end && crate::words::among(TITLES, doc.fold(k));
    while title(i) || (titled && i < g.addressee.end && doc.fold(i) == "and" && title(i + 1)) {
        titled = true;
        i += 1;
    }
    let start = i;
    let mut end = start;
    while end < g.addressee.end {
        let t = &doc.tokens[end];
        let w = doc.fold(end);
        let is_ours = uses.iter().any(|u| u.span.overlaps(t.span)) || misspelled.contains(&end);
        let name_like = t.is_agent()
            && (t.is(flag::ALPHA) || t.is(flag::UNSPACED))
            && !crate::words::among(GENERIC_ADDRESS, w)
            && !crate::words::among(UNSPACED_GREETINGS, w)
            && !crate::words::among(TITLES, w)
            && (t.is(flag::CAP) || t.is(flag::UNSPACED) || !is_common(w))
            // An ordinary word counts only as the whole address ("Hi Grace,"),
            // never tacked onto one ("王伟 Sorry, ...").
            && (!is_common(w) || (end == start && t.gap_has(gap::CLAUSE)));
        if !(is_ours || name_like) {
            break;
        }
        end += 1;
    }
    if end == start {
        return None;
    }
    let mut span = doc.tokens[start].span.cover(doc.tokens[end - 1].span);
    // A greeting written into the same word ("李先生您好", "您好李先生") is
    // not part of the name: the span, and so the suggestion replacing it,
    // keeps the "hello" (the usability review).
    let words = &doc.text[span];
    if let Some(g) = UNSPACED_GREETINGS.iter().find(|g| words.len() > g.len() && words.ends_with(**g)) {
        span = Span::new(span.start(), span.end() - g.len());
    } else if let Some(g) = UNSPACED_GREETINGS.iter().find(|g| words.len() > g.len() && words.starts_with(**g)) {
        span = Span::new(span.start() + g.len(), span.end());
    }
    match name {
        None => Some((span, titled)),
        Some(_) => {
            let ours = |k: usize| uses.iter().any(|u| u.span.overlaps(doc.tokens[k].span)) || misspelled.contains(&k);
            let any_ours = (start..end).any(ours);
            // "Hi Tom and Sarah," to Sarah: a joint greeting that names her.
            let n = doc.tokens.len();
            let joined = end < n
                && (doc.fold(end) == "and"
                    || doc.text[doc.tokens[end - 1].span.end()..doc.tokens[end].span.start()].contains('&'))
                && (end..(end + 4).min(n)).any(|k| doc.tokens[k].sentence == doc.tokens[start].sentence && ours(k));
            (!any_ours && !joined).then_some((span, titled))
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;
    use crate::Cue;

    #[test]
    fn the_name_a_one_line_message_is_signed_with_is_checked() {
        let message = "My order 55-2093 arrived with a cracked screen. Regards, Linda Park";
        let got = cues_against(message, "Hi Lynda, I'm sorry it arrived damaged.");
        assert!(got.contains(&(Cue::NameMisspelled, "Lynda".to_string())), "{got:?}");
        let got = cues_against(message, "Hi Sarah, I'm sorry it arrived damaged.");
        assert!(got.contains(&(Cue::NameMismatch, "Sarah".to_string())), "{got:?}");
        // Signed after a dash on the message's one line (found by QA).
        let got = cues_against("hi my order 88123 hasnt arrived - Ben Carter", "Hi Benn, it's out for delivery today.");
        assert!(got.contains(&(Cue::NameMisspelled, "Benn".to_string())), "{got:?}");
        let got = cues_against("the app crashes - Samsung S21", "Hi Sam, please update the app.");
        assert!(got.contains(&(Cue::NameUsed, "Sam".to_string())), "{got:?}");
        // "thanks Dave" on one line thanks the agent: no name to check.
        let got = cues_against("It still fails, thanks Dave", "Hi Sarah, I'm sorry it still fails.");
        assert!(got.contains(&(Cue::NameUsed, "Sarah".to_string())), "{got:?}");
    }

    /// The last name parsed is kept between analyses: each analysis still
    /// reads its own customer's name, whichever came before it.
    #[test]
    fn each_analysis_reads_its_own_customers_name() {
        for _ in 0..2 {
            assert_flags_with(Cue::NameUsed, Some("Sam Lee"), "Hi ⟦Sam⟧, your refund is on its way.");
            assert_flags_with(Cue::NameMismatch, Some("Priya Raman"), "Hi ⟦Sam⟧, your refund is on its way.");
            assert_clean_with(Cue::NameMismatch, None, "Hi Sam, your refund is on its way.");
            assert_flags_with(Cue::NameMisspelled, Some("Priya Raman"), "Hi ⟦Pryia⟧, your refund is on its way.");
        }
    }

    #[test]
    fn a_name_in_the_customers_own_script_addresses_them() {
        // Spelt out letter by letter, Дмитрий is Dmitri; Ольга is not.
        assert_flags_with(Cue::NameUsed, Some("Dmitri Ivanov"), "Здравствуйте, ⟦Дмитрий⟧! Your account is up to date.");
        assert_clean_with(
            Cue::NameMismatch,
            Some("Dmitri Ivanov"),
            "Здравствуйте, Дмитрий! Your account is up to date.",
        );
        assert_clean_with(
            Cue::NameMissing,
            Some("Dmitri Ivanov"),
            "Здравствуйте, Дмитрий! Your account is up to date.",
        );
        assert_flags_with(
            Cue::NameMismatch,
            Some("Dmitri Ivanov"),
            "Здравствуйте, ⟦Ольга⟧! Your account is up to date.",
        );
        assert_flags_with(Cue::NameUsed, Some("Дмитрий Иванов"), "Hi ⟦Dmitry⟧, your account is up to date.");
        assert_flags_with(Cue::NameMismatch, Some("Дмитрий Иванов"), "Hi ⟦Sarah⟧, your account is up to date.");
        // Kanji can't be spelt out: written in them, the name is most likely
        // the customer's, but the coach says it could not check it (the
        // seventh QA pass's "佐藤様" to Hiroshi Tanaka was praised as his).
        assert_flags_with(Cue::NameUsed, Some("Hiroshi Yamamoto"), "⟦山本様⟧\n\nYour reservation is confirmed.");
        assert_clean_with(Cue::NameMismatch, Some("Hiroshi Yamamoto"), "山本様\n\nYour reservation is confirmed.");
        let message = |name: &str, draft: &str| {
            let report = crate::analyze(draft, &crate::Context::with_customer_name(name));
            report.findings.iter().find(|f| f.cue == Cue::NameUsed).map(|f| f.message.to_string())
        };
        let unchecked = message("Hiroshi Tanaka", "佐藤様、お問い合わせありがとうございます。").unwrap_or_default();
        assert!(unchecked.contains("佐藤様 is written in another script than Hiroshi Tanaka"), "{unchecked}");
        let spelt = message("Dmitri Ivanov", "Здравствуйте, Дмитрий! Your account is up to date.").unwrap_or_default();
        assert!(!spelt.contains("another script"), "{spelt}");
    }

    #[test]
    fn flags_first_last_and_full_name_ignoring_case_and_accents() {
        assert_flags_with(Cue::NameUsed, Some("Priya Raman"), "Hi ⟦Priya⟧, your refund is on its way.");
        assert_flags_with(Cue::NameUsed, Some("Priya Raman"), "Dear Ms. ⟦Raman⟧,\nYour refund is on its way.");
        assert_flags_with(Cue::NameUsed, Some("Priya Raman"), "Hello ⟦PRIYA RAMAN⟧, thanks for writing.");
        assert_flags_with(Cue::NameUsed, Some("José García"), "Hola ⟦Jose⟧, all sorted.");
    }

    #[test]
    fn names_in_any_script() {
        assert_flags_with(Cue::NameUsed, Some("王伟"), "⟦王伟⟧您好，我们已经处理了。");
        // By the surname and an honorific (the usability review: "Mr Wang,
        // hello" was a wrong name, and the fix deleted the "hello").
        assert_flags_with(Cue::NameUsed, Some("王伟"), "⟦王先生⟧您好，您的订单已经发货了。");
        assert_flags_with(Cue::NameUsed, Some("山本太郎"), "⟦山本様⟧、ご注文の品を発送しました。");
        assert_flags_with(Cue::NameMismatch, Some("王伟"), "⟦李先生⟧您好，您的订单已经发货了。");
        assert_suggests(Cue::NameMismatch, Some("王伟"), "⟦李先生⟧您好，您的订单已经发货了。", "王伟");
        // A colleague with a job title is not the customer (the session's
        // review).
        assert_clean_with(Cue::NameUsed, Some("李娜"), "您好，我们的李经理会在周五联系您。");
        assert_flags_with(Cue::NameUsed, Some("Алексей"), "Здравствуйте, ⟦Алексей⟧!");
        assert_flags_with(Cue::NameUsed, Some("Zoë"), "Hi ⟦Zoe⟧, done.");
        assert_flags_with(Cue::NameUsed, Some("Liam O'Connor"), "Dear Mr ⟦O’Connor⟧, thanks.");
        assert_flags_with(Cue::NameUsed, Some("Anne-Marie Dubois"), "Hi ⟦Anne-Marie⟧, it's fixed.");
        assert_flags_with(Cue::NameUsed, Some("Nguyen Van An"), "Hi ⟦An⟧, an engineer is on it.");
    }

    #[test]
    fn an_opening_adverb_or_preposition_is_not_a_name() {
        assert_clean(Cue::NameUsed, "Unlike Zendo, we fixed it today.");
        assert_clean(Cue::NameUsed, "Unfortunately, the parcel is late.");
    }

    #[test]
    fn grace_period_is_not_a_use_of_graces_name() {
        assert_absent_finding(
            Cue::NameMissing,
            Some("Grace"),
            "Hello! The grace period ends Friday. Grace period rules apply.",
        );
        assert_flags_with(Cue::NameUsed, Some("Grace"), "Thanks, ⟦Grace⟧! The grace period ends Friday.");
    }

    #[test]
    fn the_customers_own_signature_is_not_a_use() {
        assert_absent_finding(Cue::NameMissing, Some("Priya Raman"), "Hello,\nWe fixed it.\n\n> Thanks,\n> Priya");
    }

    #[test]
    fn flags_misspelled_name_unless_also_spelled_right() {
        assert_flags_with(Cue::NameMisspelled, Some("Priya Raman"), "Hi ⟦Pryia⟧, sorry for the wait.");
        assert_clean_with(Cue::NameMisspelled, Some("Priya Raman"), "Hi Priya, sorry Pryia... typo.");
        // A misspelling quoted as the thing corrected (QA pass 7).
        assert_clean_with(
            Cue::NameMisspelled,
            Some("Priya Raman"),
            "Hi Priya, I've changed the name on your booking from \"P. Ramen\" to \"Priya Raman\".",
        );
        assert_flags_with(Cue::NameMisspelled, Some("Priya Raman"), "Dear \"⟦Pryia⟧ Raman\", thanks for your order.");
        assert_suggests(Cue::NameMisspelled, Some("Priya Raman"), "Hi ⟦Pryia⟧,", "Priya");
    }

    #[test]
    fn flags_a_greeting_that_names_someone_else() {
        assert_flags_with(Cue::NameMismatch, Some("Priya Raman"), "Hi ⟦John⟧,\nThanks for waiting.");
        assert_clean_with(Cue::NameMismatch, Some("Priya Raman"), "Hi there,\nThanks for waiting.");
        // A role is no one's name, nor is a chat transcript's speaker label.
        assert_clean_with(Cue::NameMismatch, Some("Susan Moretti"), "Dear Claimant,\nYour renewal is due Friday.");
        assert_clean_with(Cue::NameMismatch, Some("Tom Hargreaves"), "Dear Policyholder,\nYour cover renews in May.");
        assert_absent_finding(Cue::NameMissing, None, "Dear Resident,\nYour bin collection moves to Tuesday.");
        assert_absent_finding(Cue::NameMissing, None, "Agent: Your flight is delayed by 35 minutes.");
        assert_suggests(Cue::NameMismatch, Some("Priya Raman"), "Hi ⟦John⟧,", "Priya");
    }

    #[test]
    fn a_familiar_form_of_the_name_addresses_the_customer() {
        assert_flags_with(Cue::NameUsed, Some("Robert Fischer"), "Hi ⟦Bob⟧,\nYour card is on its way.");
        assert_clean_with(Cue::NameMismatch, Some("Robert Fischer"), "Hi Bob,\nYour card is on its way.");
        assert_clean_with(Cue::NameMismatch, Some("Mike Brown"), "Hi Michael, your card is on its way.");
        assert_clean_with(Cue::NameMismatch, Some("Katherine Lee"), "Dear Kate, your card is on its way.");
        // A familiar form that is an ordinary word counts only as a name.
        assert_flags_with(Cue::NameUsed, Some("William Grant"), "Hi ⟦Will⟧, your card is on its way.");
        assert_clean_with(Cue::NameUsed, Some("William Grant"), "Hello, we will send it today.");
        // Another name is still another person.
        assert_flags_with(Cue::NameMismatch, Some("Robert Fischer"), "Hi ⟦Steve⟧,\nYour card is on its way.");
        // A joint greeting that names the customer, in either order.
        assert_clean_with(
            Cue::NameMismatch,
            Some("Sarah Ellis"),
            "Hi Tom and Sarah,\n\nThank you for choosing us for your wedding!",
        );
        assert_clean_with(Cue::NameMismatch, Some("Sarah Ellis"), "Dear Tom & Sarah, your booking is confirmed.");
        assert_flags_with(Cue::NameMismatch, Some("Sarah Ellis"), "Hi ⟦Tom⟧ and Jess, your booking is confirmed.");
    }

    #[test]
    fn a_handle_given_as_the_name_is_greeted_by_its_letters() {
        assert_flags_with(Cue::NameUsed, Some("@jenny_b"), "@jenny_b Hi ⟦Jenny⟧, I'm sorry about the cancellation.");
        assert_clean_with(
            Cue::NameMisspelled,
            Some("@jenny_b"),
            "@jenny_b Hi Jenny, I'm sorry about the cancellation.",
        );
        assert_suggests(Cue::NameMismatch, Some("@jenny_b"), "Hi ⟦Laura⟧,", "Jenny");
    }

    #[test]
    fn flags_missing_name() {
        assert_absent_finding(Cue::NameMissing, Some("Priya"), "Hello, your order shipped.");
        assert_absent_finding(Cue::NameMissing, None, "Hi there, your order shipped.");
        assert_flags(Cue::NameUsed, "Hi ⟦Sam⟧, your order shipped.");
    }

    #[test]
    fn flags_placeholders_but_not_masked_numbers() {
        assert_flags_with(Cue::NamePlaceholder, Some("Priya"), "Hi ⟦[Name]⟧, your card ending XXXX-XXXX-4421 works.");
        assert_flags(Cue::NamePlaceholder, "Dear ⟦{{first_name}}⟧,");
        assert_flags(Cue::NamePlaceholder, "Hello ⟦XXX⟧, thanks.");
        assert_clean(Cue::NamePlaceholder, "Card XXXX-XXXX-4421 was charged.");
        assert_suggests(Cue::NamePlaceholder, Some("Priya Raman"), "Hi ⟦<customer name>⟧,", "Priya");
        // Found by the fifth QA pass: after a title, the surname.
        assert_suggests(Cue::NamePlaceholder, Some("Kevin Doyle"), "Dear Mr. ⟦XXX⟧,\nYour claim is approved.", "Doyle");
        assert_suggests(Cue::NamePlaceholder, Some("Kevin Doyle"), "Dear Mr. ⟦[Surname]⟧,", "Doyle");
        assert_suggests(Cue::NamePlaceholder, Some("Kevin Doyle"), "Dear ⟦[Last Name]⟧,", "Doyle");
    }

    #[test]
    fn skips_leading_handles_to_find_the_greeting() {
        assert_flags(Cue::NameUsed, "@customer Hi ⟦Abby⟧. Try the steps here.");
        assert_flags(Cue::NameUsed, "@customer @brandhelp Hi ⟦Roland⟧, thanks for waiting.");
        // The fourteenth QA pass: a reply sent in parts, its part first.
        assert_flags_with(Cue::NameUsed, Some("Maria Garcia"), "@maria_g (1/2) Hi ⟦Maria⟧, thanks for waiting.");
        assert_flags_with(Cue::NameUsed, Some("Maria Garcia"), "(1/2) Hi ⟦Maria⟧, thanks for waiting.");
        assert_flags_with(Cue::NameUsed, Some("Abby Osei"), "@abby_osei Hi ⟦Abby⟧, it's fixed.");
        assert_flags(Cue::NameUsed, "@customer Hi, ⟦Kasidy⟧! Can you tell us more?");
    }

    #[test]
    fn a_colleague_named_like_the_customer_is_not_a_misspelling() {
        let name = Some("Priya Raman");
        assert_clean_with(Cue::NameMisspelled, name, "Hi Priya, I've asked Ramon in our warehouse to check on it.");
        assert_clean_with(Cue::NameMisspelled, name, "Hi Priya, I spoke with Ramon, our engineer, this morning.");
        assert_flags_with(Cue::NameMisspelled, name, "Thanks for waiting, ⟦Pryia⟧.");
    }

    #[test]
    fn an_interjection_is_not_a_name() {
        // Laughter opening a reply addresses nobody; a name after it does.
        assert_clean_with(Cue::NameMismatch, Some("Liam O'Connor"), "Ha, Liam, the seagulls aren't included.");
        assert_flags_with(Cue::NameUsed, Some("Liam O'Connor"), "Ha, ⟦Liam⟧, the seagulls aren't included.");
        assert_clean(Cue::NameUsed, "Haha, I agree, the router does look like a spaceship.");
        assert_clean(Cue::NameUsed, "Oops, that link was wrong. Here is the right one.");
        // Cheers of joy too (the tenth batch's tuning half).
        assert_clean(Cue::NameUsed, "Hooray, the lost booking has been found! Your e-ticket is on its way.");
        // Nor a contraction, an adverb, an announcement, or two words of which
        // the second is not capitalised (the session-32 review).
        assert_clean(Cue::NameUsed, "Hooray! The missing parcel turned up at our depot.");
        assert_clean(Cue::NameUsed, "I'm sorry, the upgrade wasn't what we promised, so I've refunded it.");
        assert_clean(Cue::NameUsed, "Anyway, I've booked the courier for Tuesday.");
        assert_clean(Cue::NameUsed, "Drumroll, please. Your emails were in the junk folder.");
        assert_clean(Cue::NameUsed, "That's strange, the order shows as delivered.");
        assert_flags(Cue::NameUsed, "⟦Priya Raman⟧, your refund is on its way.");
        assert_flags_with(Cue::NameMismatch, Some("Priya Raman"), "Oh, ⟦John⟧, thanks for waiting.");
    }

    #[test]
    fn a_remark_before_the_name_is_not_a_name() {
        // Found in the tuning corpus: a remark set off by a comma, then the
        // name set off in turn, addresses the name.
        let mateus = Some("Mateus Costa");
        assert_clean_with(Cue::NameMismatch, mateus, "Obrigado, Mateus! That bug report was perfect.");
        assert_flags_with(Cue::NameUsed, mateus, "Obrigado, ⟦Mateus⟧! That bug report was perfect.");
        let omar = Some("Omar Saleh");
        assert_flags_with(Cue::NameUsed, omar, "Fair point, ⟦Omar⟧, the timetable is confusing.");
        assert_clean_with(Cue::NameMismatch, omar, "Fair point, Omar, the timetable is confusing.");
        assert_flags_with(Cue::NameUsed, omar, "Good catch, ⟦Omar⟧. The fix is live.");
        assert_flags_with(Cue::NameMismatch, omar, "That's done, ⟦Valentina⟧ – the seat is added.");
        // An evaluative word opening a sentence names nobody.
        assert_clean_with(Cue::NameMismatch, Some("Farah Siddiqui"), "Amazing, a fourth request to move it.");
        // The remark still leaves a wrong name wrong.
        assert_flags_with(Cue::NameMismatch, omar, "Fair point, ⟦Thabo⟧, the fee was unclear.");
        // Found by review: a name described between commas is the
        // sentence's subject; "Good question" and "Got it" are remarks.
        for text in [
            "Quick update, Hermes, our courier, has collected the parcel.",
            "As promised, Karen, our billing lead, will call you today.",
            "Yes, Paris, the city you mentioned, has a branch.",
            "Right now, Samsung, not us, handles the warranty.",
        ] {
            assert_clean_with(Cue::NameMismatch, omar, text);
        }
        assert_flags_with(Cue::NameMismatch, omar, "Good question, ⟦Thabo⟧! The fee was unclear.");
        assert_flags_with(Cue::NameMismatch, omar, "Got it, ⟦Thabo⟧ – the fee was unclear.");
        // A list or a day after a remark names nobody.
        assert_clean_with(Cue::NameMismatch, omar, "Yes, London, Leeds and York all have stores.");
        assert_clean_with(Cue::NameMismatch, omar, "Sure, Tuesday, 10 am works for the visit.");
        // A name and then a word set off are the name: "Priya, Sunday works".
        assert_flags_with(Cue::NameUsed, Some("Priya Raman"), "⟦Priya⟧, Sunday works for the visit.");
    }

    #[test]
    fn a_vocative_anywhere_addresses_the_customer() {
        assert_flags(Cue::NameUsed, "@customer Mind if we jump in, ⟦Dulce⟧? Are you getting an error?");
        assert_flags(Cue::NameUsed, "Your site loads fine for us in several browsers, ⟦Bylli⟧.");
        assert_flags(Cue::NameUsed, "Thank you for the feedback, ⟦Faith⟧, and we hear you.");
        assert_flags(Cue::NameUsed, "Magenta would look great on you, ⟦Manny Jr⟧!");
        assert_flags_with(Cue::NameUsed, Some("Morgan Lee"), "That's sorted now, ⟦Morgan⟧.");
        assert_flags(Cue::NameUsed, "You can DM us any questions. Congrats on the sale ⟦Craig⟧! ~Velvet");
        assert_absent_finding(Cue::NameMissing, None, "Welcome to Chicago! Your room is ready.");
        // A day or a month before the comma is no list of names (the
        // tuning corpus).
        assert_flags(
            Cue::NameUsed,
            "As we discussed on Friday, ⟦Chloé⟧, your customs paperwork is approved and the shipment clears today.",
        );
        assert_flags(Cue::NameUsed, "Your refund went out in March, ⟦Tomasz⟧, so it should be with you.");
    }

    #[test]
    fn an_apposition_or_a_list_is_not_an_address() {
        assert_absent_finding(Cue::NameMissing, None, "I've passed this to my colleague, John, who will call.");
        assert_absent_finding(Cue::NameMissing, None, "We ship to Paris, London, Rome and Berlin.");
        assert_absent_finding(Cue::NameMissing, None, "The store in Chicago, Illinois, is open.");
        // Days and months listed name nobody either.
        assert_absent_finding(Cue::NameMissing, None, "We can deliver on Friday, Monday or Tuesday, whichever suits.");
        assert_absent_finding(Cue::NameMissing, None, "The store opens on Saturday, June, July and August.");
    }

    #[test]
    fn a_near_miss_that_is_another_real_name_is_a_misspelling() {
        assert_flags_with(Cue::NameMisspelled, Some("Jon Park"), "Hi ⟦John⟧, your order shipped.");
        assert_flags_with(Cue::NameMisspelled, Some("Ann Lee"), "Dear ⟦Anne⟧,\nYour order shipped.");
        assert_flags_with(Cue::NameMisspelled, Some("Zoë Martin"), "Hi ⟦Zoey⟧, all done.");
        // Another spelling of the same formal name (QA pass 7).
        assert_flags_with(Cue::NameMisspelled, Some("Katherine Moss"), "Hi ⟦Kathryn⟧,\n\nYour booking is confirmed.");
        assert_clean_with(Cue::NameMismatch, Some("Katherine Moss"), "Hi Kathryn,\n\nYour booking is confirmed.");
        assert_flags_with(Cue::NameMismatch, Some("Katherine Moss"), "Hi ⟦Priya⟧,\n\nYour booking is confirmed.");
        assert_clean_with(Cue::NameMismatch, Some("Jon Park"), "Hi John, your order shipped.");
        assert_flags_with(Cue::NameMismatch, Some("Jon Park"), "Hi ⟦Steve⟧, your order shipped.");
    }

    /// A near miss of a name of three letters counts only where a name
    /// stands: read first where none does, the word is not passed over
    /// where one does (the words ruled out are kept for the draft, see
    /// `mentions_of`).
    #[test]
    fn a_near_miss_of_a_short_name_is_flagged_where_a_name_stands_after_one_where_none_does() {
        assert_flags_with(Cue::NameMisspelled, Some("Jon Park"), "Jom is on leave today. We're sorry, ⟦Jom⟧.");
        assert_clean_with(Cue::NameMisspelled, Some("Jon Park"), "Jom is on leave today. Jom is back soon.");
    }

    #[test]
    fn flags_placeholder_families() {
        assert_flags(Cue::NamePlaceholder, "Hi ⟦NAME⟧, your order shipped.");
        assert_flags(Cue::NamePlaceholder, "Hi ⟦#NAME#⟧, your order shipped.");
        assert_flags(Cue::NamePlaceholder, "Hi ⟦~FNAME~⟧, your order shipped.");
        assert_flags(Cue::NamePlaceholder, "Dear ⟦$NAME⟧, thanks.");
        assert_flags(Cue::NamePlaceholder, "Hi ⟦*|FNAME|*⟧, thanks.");
        assert_flags(Cue::NamePlaceholder, "Hello ⟦(customer name)⟧, thanks.");
        assert_flags(Cue::NamePlaceholder, "Dear Mr. ⟦XXX⟧,\nThanks.");
        assert_flags(Cue::NamePlaceholder, "Hola ⟦[Nombre]⟧,\ngracias.");
        assert_flags(Cue::NamePlaceholder, "Hallo ⟦[Vorname]⟧,\ndanke.");
        assert_clean(Cue::NamePlaceholder, "The account is in your name (see above) and costs $5.");
    }

    #[test]
    fn technical_text_is_no_unfilled_slot() {
        // From a QA pass: a Markdown link, a path variable, shell in code, an
        // API path, a form's blank for a signature.
        for text in [
            "Hi Sam,\n\nYou can reset your password [here](https://example.com/reset). The link is valid for 24 hours.",
            "Hi Ivan, please close the app, delete the folder %APPDATA%\\Tandem\\cache, and start the app again.",
            "Hi Priya, run `export TANDEM_TOKEN=$TOKEN` before `tandem sync`.",
            "Hi Felix, call curl -H \"Authorization: Bearer token\" https://api.example.com/v1/users/{user_id} to list them.",
            "Hi Mr. Lewis, please sign where it says \"Signature: ________\", then post it back.",
        ] {
            assert_clean(Cue::NamePlaceholder, text);
        }
        // Still slots: in the greeting, a blank for the name, a variable.
        assert_flags(Cue::NamePlaceholder, "Hi ⟦[Name]⟧, see [the guide](https://example.com/g).");
        assert_flags(Cue::NamePlaceholder, "Dear ⟦______⟧, your order shipped.");
        assert_flags(Cue::NamePlaceholder, "Dear ⟦%NAME%⟧, thanks.");
        // A backtick typed for an apostrophe opens no code.
        assert_flags(Cue::NamePlaceholder, "We`re so sorry, ⟦[Name]⟧. Your refund is on its way.");
    }

    #[test]
    fn flags_an_amount_or_a_date_left_as_the_template_wrote_it() {
        assert_flags(Cue::NamePlaceholder, "Your refund of £⟦XX.XX⟧ will reach you by ⟦DD/MM/YYYY⟧.");
        assert_flags(Cue::NamePlaceholder, "A credit of $⟦X,XXX⟧ and €⟦xx⟧ more, due ⟦mm/dd/yy⟧.");
        // A date's format shown, not left unfilled.
        assert_clean(Cue::NamePlaceholder, "Enter your date of birth in the format DD/MM/YYYY (dd/mm/yy).");
        // A masked card, an amount written out, a size and a word are filled.
        assert_clean(Cue::NamePlaceholder, "Card XXXX-XXXX-4421 was refunded £12.50 for the XXL shirt.");
        assert_clean(Cue::NamePlaceholder, "The $xylophone is on its way, in a box marked XXXL.");
    }

    #[test]
    fn a_name_of_many_parts_keeps_its_first_and_last() {
        let many: Vec<String> = (0..1000)
            .map(|i| format!("Zq{}", char::from(b'a' + (i % 26) as u8).to_string().repeat(3 + i / 26)))
            .collect();
        let name = format!("Priya {} Raman", many.join(" "));
        assert_flags_with(Cue::NameUsed, Some(&name), "Dear Ms. ⟦Raman⟧, hi ⟦Priya⟧.");
        assert_suggests(Cue::NameMismatch, Some(&name), "Dear Ms. ⟦Smith⟧,", "Raman");
    }

    #[test]
    fn an_invisible_char_inside_a_name_is_no_misspelling() {
        // A soft hyphen or zero-width space pasted from a CRM or a web page.
        assert_flags_with(Cue::NameUsed, Some("Priya Raman"), "Hi ⟦Pri\u{AD}ya⟧, thanks for your message.");
        assert_flags_with(Cue::NameUsed, Some("Priya Raman"), "Hi ⟦Pri\u{200B}ya⟧, thanks for your message.");
        assert_flags_with(Cue::NameUsed, Some("Pri\u{AD}ya Raman"), "Hi ⟦Priya⟧, thanks for your message.");
        assert_clean_with(Cue::NameMisspelled, Some("Priya Raman"), "Hi Pri\u{200B}ya, thanks for your message.");
        // Before a capital it still separates words: "Hi\u{200B}Priya" greets.
        assert_flags_with(Cue::NameUsed, Some("Priya Raman"), "Hi\u{200B}⟦Priya⟧, thanks for your message.");
        assert_flags_with(Cue::NameMisspelled, Some("Priya Raman"), "Hi ⟦Pria⟧\u{AD}, thanks.");
    }

    #[test]
    fn an_ordinary_word_in_lower_case_or_the_agents_signature_is_no_use() {
        assert_flags_with(Cue::NameUsed, Some("Will Grant"), "Hi ⟦Will⟧, we will grant the refund today.");
        assert_flags_with(Cue::NameUsed, Some("Will Grant"), "Dear ⟦Will Grant⟧, we will grant the refund today.");
        // The agent signs with the customer's first name: no one is greeted.
        assert_absent_finding(
            Cue::NameMissing,
            Some("Priya Raman"),
            "Hi there, your refund is on its way.\nBest,\nPriya",
        );
        assert_flags_with(Cue::NameUsed, Some("Priya Raman"), "Hi ⟦Priya⟧, your refund is on its way.\nBest,\nPriya");
        // A draft all in lower case still names.
        assert_flags_with(Cue::NameUsed, Some("Priya Raman"), "thx ⟦priya⟧ all sorted now");
        // With no name given, the agent's sign-off and the company after it
        // address no one (the twelfth QA pass); the greeting still does.
        assert_flags_with(
            Cue::NameUsed,
            None,
            "Hi ⟦Jordan⟧, your final bill is £64.12.\n\nRegards,\nPriti, Greenline Energy",
        );
        assert_absent_finding(
            Cue::NameMissing,
            None,
            "Your final bill is £64.12.\n\nRegards,\nPriti, Greenline Energy",
        );
        // A label quoted from a screen is no misspelling (the fifteenth
        // QA pass).
        assert_clean_with(
            Cue::NameMisspelled,
            Some("Kevin Park"),
            "Hi Kevin, toggle 'Dark mode' on in Settings and you're done.",
        );
        assert_flags_with(Cue::NameMisspelled, Some("Kevin Park"), "Dear Mr ⟦Prak⟧, your order has shipped.");
        // The review: a misspelling in quotes is still one.
        assert_flags_with(
            Cue::NameMisspelled,
            Some("Priya Raman"),
            "Hi, I've added the note '⟦Pryia⟧ will collect' to your order.",
        );
        // A reply on one line signs off on it: "Best, Sam" names the agent.
        assert_flags_with(Cue::NameUsed, None, "Hi ⟦Lena⟧, you can change the address under Orders. Best, Sam");
        assert_clean_with(Cue::NameUsed, None, "You can change the address under Orders. Kind regards, Sam K.");
        // Thanks or a wish may be said to the customer: a sign-off only
        // after a greeting to someone else; and a given name is the
        // customer's.
        assert_flags_with(Cue::NameUsed, None, "Hi ⟦Lena⟧, you can change the address under Orders. Cheers, Sam");
        assert_flags_with(Cue::NameUsed, None, "Your refund is done. All the best, ⟦Sam⟧!");
        assert_flags_with(Cue::NameUsed, Some("Sam Lee"), "Your refund is done. Best, ⟦Sam⟧");
        // A couple greeted by their titles and surname.
        assert_flags_with(Cue::NameUsed, None, "Hi Mr and Mrs ⟦Lindqvist⟧, your offer is approved.");
        assert_flags_with(Cue::NameUsed, Some("Sarah Lindqvist"), "Hi Mr and Mrs ⟦Lindqvist⟧, your offer is approved.");
    }

    #[test]
    fn interjections_and_colleagues_are_not_the_customer_addressed() {
        // Found in batch g's tuning half and the sixth QA pass.
        assert_clean_with(Cue::NameUsed, None, "Aah, I'm so sorry, that sounds really frustrating. I've restored it.");
        assert_flags_with(
            Cue::NameUsed,
            None,
            "⟦Pat⟧, your table for six is booked. Thanks for mentioning the birthday.",
        );
        assert_clean_with(Cue::NameUsed, None, "Sure, your table for six is booked.");
        assert_flags_with(
            Cue::NameUsed,
            Some("Kim Nguyen"),
            "Hi ⟦Kim⟧,\n\nKim from our billing team will call you tomorrow.",
        );
    }

    #[test]
    fn a_colleague_named_by_role_is_not_addressed() {
        // Found by the seventh QA pass.
        assert_flags_with(
            Cue::NameUsed,
            None,
            "Hi ⟦Ayesha⟧, your case handler, Mark, will call you tomorrow before 1 pm.",
        );
        assert_flags_with(
            Cue::NameUsed,
            None,
            "Thank you for all your hard work as a nurse, ⟦Sarah⟧, and I've applied the NHS discount to your order.",
        );
        assert_flags_with(Cue::NameUsed, None, "G'day ⟦Jack⟧, your NBN connection is now active.");
    }

    #[test]
    fn what_the_review_found_misread_as_no_name() {
        assert_flags_with(Cue::NameUsed, None, "⟦Hoa⟧, your table for six is booked for Friday at 7pm.");
        assert_flags_with(
            Cue::NameUsed,
            Some("Priya Raman"),
            "Thank you so much ⟦Priya⟧ from the whole team, your account is now active!",
        );
    }
}
