//! The customer's message the draft answers: where it comes from (given
//! beside the draft, or quoted below the reply), how it is made ready for
//! parsing, and the customer's name found in it.
//!
//! The message is parsed into a [`Document`] of its own, with the message
//! lexicon (`rules::message_lexicon`), so that rules read it as they read the
//! draft: folded words, sentences, phrase hits. Its byte offsets are those of
//! the given message, or, for a quote in the draft, those of the draft.

use std::borrow::Cow;

use crate::context::Context;
use crate::document::{flag, gap, Document};
use crate::finding::MessageSource;
use crate::words::{is_common, is_name_word, GENERIC_ADDRESS, TITLES};

/// The message text to parse, and where it came from. Offsets into it are
/// offsets into the given message or, for a quote, into the draft: the
/// preparation below only ever swaps one ASCII byte for another, or blanks
/// the agent's own text with as many spaces as it had bytes.
pub(crate) fn message_text<'c>(ctx: &'c Context, doc: &Document) -> Option<(Cow<'c, str>, MessageSource)> {
    if let Some(m) = ctx.customer_message.as_deref().filter(|m| !m.trim().is_empty()) {
        return Some((unwrap_lines(Cow::Borrowed(m)), MessageSource::Given));
    }
    quoted_message(doc).map(|m| (unwrap_lines(Cow::Owned(m)), MessageSource::Quoted))
}

/// The customer's message quoted below the reply: the draft with everything
/// but the block quotes after the agent's first own word blanked, and one
/// `>` marker taken off each quoted line (a second level, the customer
/// quoting the agent, stays quoted).
fn quoted_message(doc: &Document) -> Option<String> {
    let text = doc.text;
    let first_own = doc.tokens.iter().find(|t| t.is_agent())?.span.start();
    let quotes: Vec<_> = doc.block_quotes.iter().filter(|q| q.start() > first_own).copied().collect();
    if quotes.is_empty() {
        return None;
    }
    let src = text.as_bytes();
    let mut bytes: Vec<u8> = src.iter().map(|&b| if b == b'\n' { b'\n' } else { b' ' }).collect();
    for q in &quotes {
        bytes[q.start()..q.end()].copy_from_slice(&src[q.start()..q.end()]);
        let mut at_line_start = true;
        for b in &mut bytes[q.start()..q.end()] {
            match *b {
                b'\n' => at_line_start = true,
                b' ' | b'\t' if at_line_start => {}
                b'>' if at_line_start => {
                    *b = b' ';
                    at_line_start = false;
                }
                _ => at_line_start = false,
            }
        }
    }
    // Whole chars were copied or blanked byte for byte: still UTF-8.
    String::from_utf8(bytes).ok()
}

/// Joins lines that an e-mail client wrapped in mid-sentence (a long line
/// without closing punctuation, followed by one that starts in lower case),
/// so that a question wrapped over two lines stays one sentence. A line
/// break becomes a space: offsets do not move.
fn unwrap_lines(text: Cow<'_, str>) -> Cow<'_, str> {
    let mut joins = Vec::new();
    let mut line_start = 0;
    // The line breaks, found eight bytes at a time.
    let mut at = 0;
    while let Some(i) = next_newline(text.as_bytes(), at) {
        at = i + 1;
        let from = std::mem::replace(&mut line_start, i + 1);
        // The next line's first char first: most lines are followed by a
        // blank line or a capital, and then the line itself is not read.
        // (Byte by byte: the marks passed over are ASCII, and so, mostly,
        // is the char after them.)
        let bytes = text.as_bytes();
        let first = bytes[i + 1..].iter().position(|b| !matches!(b, b' ' | b'\t' | b'>')).map(|p| i + 1 + p);
        let lower = match first.map(|at| (at, bytes[at])) {
            None => false,
            Some((_, b)) if b.is_ascii() => b.is_ascii_lowercase(),
            Some((at, _)) => text[at..].chars().next().is_some_and(char::is_lowercase),
        };
        if !lower {
            continue;
        }
        let line = text[from..i].trim_end_matches('\r').trim();
        // (A line of under 40 bytes has under 40 chars: not counted.)
        let wrapped = line.len() >= 40 && !line.ends_with(['.', '!', '?', ':', ';', ',']) && line.chars().count() >= 40;
        if wrapped {
            joins.push(i);
        }
    }
    if joins.is_empty() {
        return text;
    }
    let mut owned = text.into_owned().into_bytes();
    for i in joins {
        owned[i] = b' ';
        if i > 0 && owned[i - 1] == b'\r' {
            owned[i - 1] = b' ';
        }
    }
    // Only ASCII bytes were swapped for spaces.
    Cow::Owned(String::from_utf8(owned).unwrap_or_default())
}

/// The first `\n` of `b` at or after byte `from` ([`crate::span::next_byte`]):
/// the message is read for its lines once, before its words, and has a
/// line break every few dozen bytes or fewer.
fn next_newline(b: &[u8], from: usize) -> Option<usize> {
    crate::span::next_byte(b, from, b'\n')
}

/// Words that close a message before the sender's name.
const CLOSINGS: &[&str] = &[
    "thanks",
    "thank",
    "thx",
    "thanx",
    "ta",
    "cheers",
    "regards",
    "best",
    "sincerely",
    "yours",
    "cordially",
    "respectfully",
    "warmly",
    "wishes",
    "appreciated",
];

/// Closings that only ever sign a message off, at a sentence's start
/// before a comma: "Regards, Linda", "Best, Linda", "Kind regards, Linda".
const SIGN_OFFS: &[&str] = &["regards", "sincerely", "best", "cordially", "respectfully", "warmly", "wishes"];

/// Capitalised words that are not names even when not common words.
const NOT_NAMES: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "regards",
    "thanks",
    "cheers",
    "sincerely",
    "iphone",
    "android",
    "ipad",
    "outlook",
    "gmail",
    "sent",
    // Devices and platforms a message may end on after a dash ("it
    // crashes - Windows").
    "windows",
    "xbox",
    "samsung",
    "huawei",
    "macbook",
    "chromebook",
    "nintendo",
    "chrome",
    "firefox",
    "safari",
    "urgent",
    // Sites a remark is credited to ("... it didn't load - Reddit").
    "reddit",
    "twitter",
    "facebook",
    "instagram",
    "youtube",
    "tiktok",
    "google",
];

/// Endings of words that are no person's name, said after a dash at the
/// end of a message: "- Ridiculous", "- Extremely disappointed", "-
/// Historians", "- Shocking".
const NOT_NAME_ENDINGS: &[&str] = &[
    "ous", "ful", "less", "able", "ible", "ness", "ment", "tion", "sion", "ity", "ism", "ally", "ully", "ely", "tly",
    "bly", "sly", "dly", "ply", "ians", "ists",
];

/// The customer's name as they give it in the message: "My name is Jon
/// Park", a sign-off ("Thanks,\nPriya", "- Priya Raman", "Regards,\nTomás")
/// or the attribution line of a quote ("On Monday, Priya Raman <...> wrote:").
pub(crate) fn customer_name(msg: &Document) -> Option<String> {
    let name = introduced(msg).or_else(|| signed(msg)).or_else(|| attributed(msg))?;
    // "Thanks Windows" after "@Windows ..." thanks the company.
    let first = crate::fold::fold(name.split_whitespace().next().unwrap_or(""));
    let handle = msg.links.iter().any(|l| {
        let w = &msg.text[*l];
        w.starts_with('@') && crate::fold::fold(&w[1..]).contains(&first)
    });
    (!handle).then_some(name)
}

/// Whether token `k` can be part of a person's name.
fn name_like(msg: &Document, k: usize) -> bool {
    let Some(t) = msg.tokens.get(k) else { return false };
    let w = msg.fold(k);
    t.is_agent()
        && t.is(flag::CAP)
        && t.is(flag::ALPHA)
        && !t.is(flag::ALL_CAPS)
        && w.chars().count() >= 2
        && (!is_common(w) || is_name_word(w))
        && !crate::words::among(GENERIC_ADDRESS, w)
        && !crate::words::among(TITLES, w)
        && !crate::words::among(NOT_NAMES, w)
        && !crate::words::among(CLOSINGS, w)
}

/// Up to three name-like tokens from `k` on the same line, joined.
fn name_from(msg: &Document, k: usize) -> Option<(String, usize)> {
    let mut end = k;
    while end < msg.tokens.len() && end - k < 3 && name_like(msg, end) {
        end += 1;
        let g = msg.tokens[end - 1].gap;
        if g.has(gap::NEWLINE | gap::BREAK | gap::COMMA | gap::TIGHT_HYPHEN) {
            break;
        }
    }
    (end > k).then(|| {
        let span = msg.tokens[k].span.cover(msg.tokens[end - 1].span);
        (msg.text[span].to_string(), end)
    })
}

/// "My name is Jon Park", "my name's Priya", "This is Priya from ...".
fn introduced(msg: &Document) -> Option<String> {
    let n = msg.tokens.len();
    for i in 0..n {
        if !msg.tokens[i].is_agent() {
            continue;
        }
        let at = |k: usize, w: &str| k < n && msg.fold(k) == w;
        let start = if at(i, "my") && at(i + 1, "name") && at(i + 2, "is") {
            i + 3
        } else if at(i, "my") && at(i + 1, "name's") {
            i + 2
        } else if at(i, "this") && at(i + 1, "is") && msg.tokens[i].sentence <= 1 {
            // "This is Priya from ..." only near the start, and only with a
            // close that marks an introduction.
            let Some((name, end)) = name_from(msg, i + 2) else { continue };
            let closes = end >= n
                || msg.tokens[end - 1].gap_has(gap::COMMA | gap::BREAK | gap::NEWLINE)
                || matches!(msg.fold(end), "from" | "here");
            if closes {
                return Some(name);
            }
            continue;
        } else {
            continue;
        };
        if let Some((name, _)) = name_from(msg, start) {
            return Some(name);
        }
    }
    None
}

/// A sign-off at the end: a name alone on the last line after a closing
/// line ("Thanks,\nPriya"), a name after a dash ("- Priya Raman", on its
/// own line or ending the message's one line), or a closing and a name on
/// the last line of a message of several lines ("Thanks, Priya"). A one-line tweet that ends "thanks Dave" thanks the
/// agent, so it does not count.
fn signed(msg: &Document) -> Option<String> {
    let last = msg.tokens.iter().rposition(|t| t.is_agent())?;
    // The tokens of the last line with the customer's own words.
    let mut first = last;
    while first > 0 && !msg.tokens[first - 1].gap_has(gap::NEWLINE) && msg.tokens[first - 1].is_agent() {
        first -= 1;
    }
    let line = first..last + 1;
    let before_first = &msg.text[..msg.tokens[first].span.start()];
    let line_prefix = before_first.rsplit('\n').next().unwrap_or("").trim();
    let dashed = matches!(line_prefix, "-" | "--" | "—" | "–" | "~");
    // Name alone on the line.
    if line.len() <= 3 && line.clone().all(|k| name_like(msg, k) || (k > first && is_title_then_name(msg, k))) {
        let previous_closes = first > 0 && {
            let p = first - 1;
            let mut k = p;
            while k > 0 && !msg.tokens[k - 1].gap_has(gap::NEWLINE) {
                k -= 1;
            }
            (k..=p).any(|j| crate::words::among(CLOSINGS, msg.fold(j)))
        };
        if dashed || previous_closes {
            return name_from(msg, first).map(|(n, _)| n);
        }
    }
    // "Thanks, Priya" or "Thanks! - Priya" ending the last line.
    let several_lines = msg.text.trim().contains('\n');
    for k in line.clone() {
        if !crate::words::among(CLOSINGS, msg.fold(k)) {
            continue;
        }
        let mut j = k + 1;
        while j <= last
            && matches!(msg.fold(j), "you" | "regards" | "wishes" | "again" | "so" | "much" | "in" | "advance")
        {
            j += 1;
        }
        if j > last || !name_like(msg, j) {
            continue;
        }
        let between = &msg.text[msg.tokens[j - 1].span.end()..msg.tokens[j].span.start()];
        let dash_before = between.contains(['-', '—', '–', '~']);
        // "Regards, Linda Park" ends even a one-line message with the
        // sender's name: nobody is regarded or sincerely'd by name, as
        // "thanks Dave" thanks the agent.
        let sign_off = crate::words::among(SIGN_OFFS, msg.fold(k))
            && (msg.tokens[k].is(flag::SENT_START)
                || k > 0
                    && msg.tokens[k - 1].is(flag::SENT_START)
                    && matches!(msg.fold(k - 1), "kind" | "best" | "warm" | "warmest"))
            && msg.tokens[j - 1].gap_has(gap::COMMA);
        if let Some((name, end)) = name_from(msg, j) {
            if end == last + 1 && (several_lines || dash_before || sign_off) {
                return Some(name);
            }
        }
    }
    dash_signed(msg, first, last)
}

/// A name of one or two words that look like a person's, after a spaced
/// dash at the very end of a one-line message: "hi my order 88123 hasnt
/// arrived - Ben Carter". Not a dash in mid-sentence before a model ("the
/// app crashes - Samsung S21") or a remark ("still no refund -
/// Ridiculous"), nor a word after a heading of a word or two ("Help -
/// Priya").
fn dash_signed(msg: &Document, first: usize, last: usize) -> Option<String> {
    // Nothing after the name but a full stop or an exclamation mark.
    let after = &msg.text[msg.tokens[last].span.end()..];
    if !after.trim().chars().all(|c| matches!(c, '.' | '!')) {
        return None;
    }
    for len in [2, 1] {
        let Some(start) = (last + 1).checked_sub(len) else { continue };
        // Three words of the message before the dash at least.
        if start < first + 3 {
            continue;
        }
        let between = &msg.text[msg.tokens[start - 1].span.end()..msg.tokens[start].span.start()];
        let dash = between.starts_with([' ', '\t']) && matches!(between.trim(), "-" | "--" | "—" | "–" | "~");
        let one_space = len == 1 || &msg.text[msg.tokens[start].span.end()..msg.tokens[last].span.start()] == " ";
        if dash && one_space && (start..=last).all(|k| person_like(msg, k)) {
            return Some(msg.text[msg.tokens[start].span.cover(msg.tokens[last].span)].to_string());
        }
    }
    None
}

/// Whether token `k` is shaped like a person's name: [`name_like`], a
/// capital then small letters (a second capital only after "Mc", "Mac",
/// "O'" or a hyphen: "McLeod", "O'Brien", "Smith-Jones", not
/// "PlayStation"), and no ending of a word that names no one
/// ("Disappointed", "Ridiculous"), nor a possessive.
fn person_like(msg: &Document, k: usize) -> bool {
    if !name_like(msg, k) {
        return false;
    }
    let word = msg.word(k);
    let mut prev = ' ';
    for (i, c) in word.char_indices() {
        let allowed =
            i == 0 || !c.is_uppercase() || matches!(prev, '\'' | '’' | '-') || matches!(&word[..i], "Mc" | "Mac");
        if !allowed {
            return false;
        }
        prev = c;
    }
    let w = msg.fold(k);
    // "Gump's Mama": whose, not who.
    if w.ends_with("'s") {
        return false;
    }
    let felt = w.len() >= 7 && w.ends_with("ed") && !["fred", "ammed", "ried", "dred"].iter().any(|e| w.ends_with(e));
    let doing = w.len() >= 7 && w.ends_with("ing");
    !felt && !doing && !NOT_NAME_ENDINGS.iter().any(|e| w.len() > e.len() + 1 && w.ends_with(e))
}

fn is_title_then_name(msg: &Document, k: usize) -> bool {
    crate::words::among(TITLES, msg.fold(k - 1)) && name_like(msg, k)
}

/// "On Tue, 3 Mar 2026, Priya Raman <priya@example.com> wrote:": the name
/// before the address (or before "wrote").
fn attributed(msg: &Document) -> Option<String> {
    let wrote =
        msg.tokens.iter().position(|t| t.gap_has(gap::COLON) && msg.text[t.span].eq_ignore_ascii_case("wrote"))?;
    let mut k = wrote;
    while k > 0 && msg.tokens[k - 1].is(flag::LINK) {
        k -= 1;
    }
    let end = k;
    while k > 0 && end - k < 3 && name_like(msg, k - 1) && !msg.tokens[k - 1].gap_has(gap::COMMA | gap::BREAK) {
        k -= 1;
    }
    if k == end && end > 0 && name_like(msg, end - 1) {
        k = end - 1;
    }
    (k < end).then(|| msg.text[msg.tokens[k].span.cover(msg.tokens[end - 1].span)].to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name(message: &str) -> Option<String> {
        customer_name(&Document::parse_with(message, crate::rules::message_lexicon()))
    }

    #[test]
    fn finds_the_name_a_customer_signs_with() {
        assert_eq!(name("Hi,\nWhere is my order?\nThanks,\nPriya").as_deref(), Some("Priya"));
        assert_eq!(name("Where is my order?\n- Priya Raman").as_deref(), Some("Priya Raman"));
        assert_eq!(name("Hello,\nIt broke again.\n\nRegards,\nTomás García").as_deref(), Some("Tomás García"));
        assert_eq!(name("Hello,\nIt broke again.\nThanks, Priya").as_deref(), Some("Priya"));
        assert_eq!(name("It broke again. Thanks! - Priya").as_deref(), Some("Priya"));
        assert_eq!(name("It arrived broken. Regards, Linda Park").as_deref(), Some("Linda Park"));
        assert_eq!(name("It arrived broken. Best, Linda").as_deref(), Some("Linda"));
        assert_eq!(name("It arrived broken. Kind regards, Linda").as_deref(), Some("Linda"));
    }

    #[test]
    fn finds_a_name_after_a_dash_that_ends_a_one_line_message() {
        // Found by QA.
        assert_eq!(name("hi my order 88123 hasnt arrived - Ben Carter").as_deref(), Some("Ben Carter"));
        assert_eq!(name("my refund still isn't here -- Siobhan O'Brien.").as_deref(), Some("Siobhan O'Brien"));
        assert_eq!(name("the router keeps dropping out ~ Priya").as_deref(), Some("Priya"));
        // A dash in mid-sentence before a model, a remark, a device, a site
        // credited, a possessive, or after a heading of a word or two.
        for message in [
            "the app crashes - Samsung S21",
            "still no refund after three weeks - Ridiculous",
            "Still no refund - Extremely Disappointed",
            "it won't install on my laptop - Windows",
            "it tells you it didn't load - Reddit",
            "Stupid is what stupid does - Gump's Mama",
            "the screen flickers - PlayStation",
            "Help - Priya",
        ] {
            assert_eq!(name(message), None, "{message}");
        }
    }

    #[test]
    fn finds_a_customer_introducing_themselves() {
        assert_eq!(name("Hi, my name is Jon Park and my router died.").as_deref(), Some("Jon Park"));
        assert_eq!(name("This is Priya from Acme, our invoices are wrong.").as_deref(), Some("Priya"));
        assert_eq!(
            name("On Tue, 3 Mar 2026, Priya Raman <priya@example.com> wrote:\nHi").as_deref(),
            Some("Priya Raman")
        );
    }

    #[test]
    fn a_tweet_thanking_the_agent_or_a_closing_is_not_a_name() {
        assert_eq!(name("@brand it still fails, thanks Dave"), None);
        assert_eq!(name("@brand it still fails. Thanks, Dave"), None);
        assert_eq!(name("I wish you all the best Linda"), None);
        assert_eq!(name("This is ridiculous. Where is my refund?"), None);
        assert_eq!(name("Where is it?\nThanks,\nThe Accounts Team"), None);
        assert_eq!(name("Where is it?\n\nSent from my iPhone"), None);
        assert_eq!(name("It stopped on Monday.\nThanks"), None);
        assert_eq!(name("@Windows Hi, the keyboard fails\nThanks Windows"), None);
    }

    #[test]
    fn unwraps_lines_wrapped_in_mid_sentence_without_moving_offsets() {
        let text = "Could you tell me when the replacement part\nwill be shipped? Thanks\nPriya";
        let out = unwrap_lines(Cow::Borrowed(text));
        assert_eq!(out.len(), text.len());
        assert_eq!(out, "Could you tell me when the replacement part will be shipped? Thanks\nPriya");
    }

    #[test]
    fn finds_every_line_break_a_step_at_a_time() {
        // Breaks at every place in a word of eight and in a step of four
        // words, beside bytes one above and below `\n` (a word search flags
        // a byte past a match by its borrow), in runs, and in the bytes
        // after the last whole step.
        let text = "ab\ncdefgh\n\x0b\t\n\nijklmnopqrstu\n\x0b\x0bv\n\n\n\nw\u{e9}\nxyz\n";
        for text in [text.to_string(), format!("{text}{text}{text}{text}abc")] {
            for from in 0..text.len() {
                let breaks: Vec<usize> = std::iter::successors(next_newline(text.as_bytes(), from), |&i| {
                    next_newline(text.as_bytes(), i + 1)
                })
                .collect();
                let expected: Vec<usize> = text.match_indices('\n').map(|(i, _)| i).filter(|&i| i >= from).collect();
                assert_eq!(breaks, expected, "from {from}");
            }
        }
        assert_eq!(next_newline(b"no break here at all", 0), None);
    }

    #[test]
    fn takes_the_quote_below_the_reply_as_the_message() {
        let draft = "Hi Priya,\nIt ships today.\n\nOn Mon, Priya wrote:\n> When will it ship?\n> Thanks";
        let doc = Document::parse(draft);
        let ctx = Context::default();
        let (text, source) = message_text(&ctx, &doc).unwrap();
        assert_eq!(source, MessageSource::Quoted);
        assert_eq!(text.len(), draft.len());
        let at = draft.find("When").unwrap();
        assert_eq!(&text[at..at + 18], "When will it ship?");
        assert!(text[..draft.find("On Mon").unwrap()].trim().is_empty());
    }
}
