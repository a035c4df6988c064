//! `gratitude`: sincere thanks or appreciation, with or without the word thank.
//!
//! This is the simplest rule and the one to copy when adding a cue family:
//! a table of phrases that count, a table of look-alikes that don't, and a
//! `check` that emits one finding per distinct hit.

use crate::context::Context;
use crate::cue::Cue;
use crate::document::Document;
use crate::finding::Finding;
use crate::lexicon::{p, Phrase};
use crate::rules::T;
use crate::span::Span;

pub(crate) const THANKS: &[Phrase] = &[
    p("thank you|u|ya|yall|y'all"),
    p("thanks|thx|thnx|thanx|tks|ty|tysm|tyvm"),
    p("thankyou"),
    p("thank"),
    p("many|big|huge|special|sincere|heartfelt|massive thanks"),
    p("thank you|u so|very much"),
    p("thanks so|very much"),
    p("thanks a lot|bunch|ton|million"),
    p("i|we really|truly|sincerely|greatly|genuinely|do|so|very|also? appreciate|appreciated"),
    p("i|we really|truly|greatly|do? appreciate|appreciated it"),
    p("much|greatly|really|truly|very|always|all appreciated"),
    p("appreciate|appreciated it|this|that|your|you|the|all"),
    p("grateful"),
    p("much|most|greatly obliged"),
    p("ta for|very|muchly"),
    p("thankful"),
    p("gratitude"),
    p("cheers for"),
    p("i|we owe you"),
    p("you're|youre a star|lifesaver|legend|gem|hero"),
    p("you rock"),
    p("bless you"),
    // Thanks in other languages, as agents greet customers in theirs.
    p("grazie|obrigado|obrigada|merci|danke|gracias|arigato|arigatou|kiitos|takk|dziekuje|dekuji|spasibo|mahalo|shukran|hvala|multumesc|tesekkurler|koszonom|asante|salamat|dhanyavaad|dhanyavad|xiexie"),
    // Appreciation without the word: "We really value you taking the time".
    p("i|we really|truly|greatly|do? value you|your taking|time|feedback|patience|input|help|comments|loyalty"),
];

/// The words of thanks in other languages that `THANKS` lists (folded).
const FOREIGN_THANKS: &[&str] = &[
    "grazie",
    "obrigado",
    "obrigada",
    "merci",
    "danke",
    "gracias",
    "arigato",
    "arigatou",
    "kiitos",
    "takk",
    "dziekuje",
    "dekuji",
    "spasibo",
    "mahalo",
    "shukran",
    "hvala",
    "multumesc",
    "tesekkurler",
    "koszonom",
    "asante",
    "salamat",
    "dhanyavaad",
    "dhanyavad",
    "xiexie",
];
/// The keys of [`FOREIGN_THANKS`].
const FOREIGN_KEYS: crate::hash::KeyBloom = crate::hash::KeyBloom::of(&[FOREIGN_THANKS]);

/// Look-alikes that are not thanks to anyone.
pub(crate) const NOT_THANKS: &[Phrase] = &[
    p("thanks to the|a|an|this|that|these|those|our|its|his|her|their|which|new|recent|improved|latest|some|my|lots|many|several|him|them|it|modern|good"),
    p("thanks in large? part"),
    // Thanks said to a third party: "a big thank-you to our payments
    // partner", "thank you to everyone who tested it".
    p("thank you to the|our|their|his|her|everyone|all|my"),
    // A stock phrase (boilerplate), not thanks: "we value your feedback".
    p("we|i value your business|custom|patronage|loyalty|feedback|input"),
    p("thankyou to the|our|their|his|her|everyone|all|my"),
    p("no thanks|thank"),
    p("thanks but no thanks"),
    // A debt, not thanks: "we owe you a refund", "we owe you an apology".
    p("i|we owe you a|an refund|apology|explanation|update|answer|credit|reply|response|call|fix"),
    p("appreciate that it|this|the|our|your|how|why|what|you're|it's|its|there"),
    p("appreciate how|why|what|where"),
    p("would|could appreciate|appreciated it? if"),
    p("i'd|we'd appreciate|appreciated it? if"),
    p("appreciate in|the value"),
    p("you'll|you'd appreciate"),
    p("you will|would appreciate"),
    p("thankless"),
    p("thank goodness|god|heavens|gosh|christ"),
    p("thank me|us later"),
    p("you're|youre|be|are|feel grateful|thankful"),
    p("they|he|she|people|would|will|should|must|can|to|just appreciate|appreciated"),
];

/// What the gratitude rule notices near its words, before it looks at the
/// end of the draft (the local part, kept per chunk by `Incremental`):
/// thanks found by phrase, and thanks spelled with a typo or said as "Ta!",
/// neither in a sarcastic sentence.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Thanks {
    /// Thanks found by phrase, with the phrase's note and better phrasings.
    Phrase(Finding),
    /// A typo or "Ta!", with the phrase thanks it overlaps, if any: it
    /// counts only if that one does not (that one is a sign-off, say).
    Word { span: Span, overlaps: Option<Span> },
}

impl Thanks {
    /// The same thanks moved by `by` bytes.
    pub(crate) fn moved(self, by: isize) -> Thanks {
        match self {
            Thanks::Phrase(f) => Thanks::Phrase(f.moved(by)),
            Thanks::Word { span, overlaps } => {
                Thanks::Word { span: span.moved(by), overlaps: overlaps.map(|o| o.moved(by)) }
            }
        }
    }
}

pub(crate) fn check(doc: &Document, ctx: &Context, out: &mut Vec<Finding>) {
    let mut found = Vec::new();
    thanks(doc, out, 0..doc.tokens.len(), &mut found);
    decide(doc, ctx, &found, out);
}

/// [`decide`] for `Incremental`, from the thanks found chunk by chunk (see
/// `rules::local`).
pub(crate) fn decide_from(doc: &Document, ctx: &Context, parts: &crate::rules::local::Parts, out: &mut Vec<Finding>) {
    decide(doc, ctx, &parts.thanks, out);
}

/// Appends the thanks that start at tokens `tokens` of `doc`, given the
/// findings so far (sarcasm's: sarcastic thanks, "Thanks for the novel.",
/// is not gratitude).
pub(crate) fn thanks(doc: &Document, so_far: &[Finding], tokens: std::ops::Range<usize>, out: &mut Vec<Thanks>) {
    // Thanks in another language is thanks said as one ("Grazie for your
    // patience", "Obrigado, Mateus!"), not a name or a brand: "Dear Mr
    // Asante", "Hi Merci", "the Takk jumper".
    let said_as_thanks = |k: usize| {
        // (By the token's key before its word: nearly all thanks are in
        // English, and the list, compared word by word, is a branch on each
        // listed word's length, which goes either way with the word read.)
        if k >= doc.tokens.len()
            || !FOREIGN_KEYS.may_hold(doc.tokens[k].key)
            || !crate::words::among(FOREIGN_THANKS, doc.fold(k))
        {
            return true;
        }
        let t = &doc.tokens[k];
        let named = k > 0
            && doc.tokens[k - 1].sentence == t.sentence
            && !doc.tokens[k - 1].gap_has(crate::document::gap::CLAUSE)
            && (crate::words::among(crate::tokens::TITLES, doc.fold(k - 1))
                || crate::words::among(crate::document::GREETING_WORDS, doc.fold(k - 1))
                || matches!(doc.fold(k - 1), "the" | "a" | "an" | "our" | "your" | "my"));
        let said = t.gap_has(crate::document::gap::CLAUSE)
            || k + 1 == doc.tokens.len()
            || matches!(
                doc.fold(k + 1),
                "for"
                | "so"
                | "very"
                | "much"
                | "beaucoup"
                | "mille"
                | "tante"
                | "muito"
                | "muchas"
                | "vielmals"
                | "sana"
                // "for" in the same language: "dziękuję za", "merci
                // pour", "grazie per", "gracias por", "danke für".
                | "za"
                | "pour"
                | "per"
                | "por"
                | "fur"
                | "pela"
                | "pelo"
                | "bardzo"
                | "molto"
            );
        said && !named
    };
    let mocking = crate::rules::sarcasm::sarcastic_sentences(doc, so_far);
    // Each kept thanks with its first token, its hit's (a binary search
    // over the tokens when it was looked for by its span), read by the
    // test above, the mocking sentences' and the chunk's.
    let hits = doc.hits(T::Thanks).len();
    let (mut found, mut firsts) = (Vec::with_capacity(hits), Vec::with_capacity(hits));
    crate::rules::table_findings(doc, T::Thanks, Cue::Gratitude, &[T::NotThanks, T::Sarcasm], |hit, f| {
        let (k, _) = crate::rules::placed(doc, hit);
        if said_as_thanks(k) && doc.tokens.get(k).is_none_or(|t| mocking.binary_search(&t.sentence).is_err()) {
            found.push(f);
            firsts.push(k);
        }
    });
    let phrases: Vec<Span> = found.iter().filter_map(|f| f.span).collect();
    // (Room made once: a filtered list gives no length to reserve, and
    // the list grew by doubling, a copy of its thanks each time.)
    out.reserve(found.len());
    out.extend(found.into_iter().zip(firsts).filter(|(_, k)| tokens.contains(k)).map(|(f, _)| Thanks::Phrase(f)));
    // "Ta!" alone, and typos such as "thnaks" or "thansk".
    // (Over the slice of tokens: no index checked per word.)
    let words = doc.tokens.get(tokens.clone()).unwrap_or_default();
    // Only "ta" and words of 5 to 7 bytes starting with "t" can be either.
    // (Told 64 words at a time, see `rules::picked`, by the first byte, then,
    // of the words starting with "t", by the length, as a bit of a mask
    // of lengths: a branch on either goes either way with the text, which
    // the processor cannot foresee on a draft it has not seen. The
    // length's low five bits only are read: a longer word is let through,
    // and compared after.)
    const LENGTHS: u64 = 1 << 2 | 1 << 5 | 1 << 6 | 1 << 7;
    let starts_t = |t: &crate::tokens::Token| t.fold_head().1 == b't';
    let may_be = |t: &crate::tokens::Token| LENGTHS >> (t.fold_head().0 & 31) & 1 != 0;
    for i in crate::rules::picked(words, starts_t, may_be) {
        let t = &words[i];
        let i = tokens.start + i;
        let w = doc.fold(i);
        let typo = w.len() >= 5
            && w.len() <= 7
            && w.starts_with('t')
            && !matches!(w, "thank" | "thanks" | "thats" | "think" | "thing" | "thinks" | "tanks" | "thumb" | "thumbs")
            && ['h', 'a', 'n', 'k'].iter().all(|c| w.contains(*c))
            && (crate::words::one_edit_apart(w, "thanks") || crate::words::one_edit_apart(w, "thank"));
        let ta = w == "ta"
            && t.gap_has(crate::document::gap::EXCLAIM | crate::document::gap::BREAK | crate::document::gap::COMMA)
            && t.is(crate::document::flag::SENT_START);
        if (typo || ta) && t.is_agent() && mocking.binary_search(&t.sentence).is_err() {
            let overlaps = phrases.iter().copied().find(|s| s.overlaps(t.span));
            out.push(Thanks::Word { span: t.span, overlaps });
        }
    }
    native_thanks(doc, tokens, &mocking, out);
}

/// Thanks in a script of its own, written as the customer would: "Спасибо",
/// "Ευχαριστώ", "ありがとう", "谢谢" (folded: lower case).
const NATIVE_THANKS: &[&str] = &[
    "спасибо",
    "благодарю",
    "дякую",
    "ευχαριστώ",
    "ευχαριστούμε",
    "ευχαριστω",
    "شكرا",
    "شكراً",
    "תודה",
    "धन्यवाद",
    "ありがとう",
    "ありがとうございます",
    "ありがとうございました",
    "谢谢",
    "謝謝",
    "多谢",
    "感谢",
    "감사합니다",
    "고맙습니다",
    "ขอบคุณ",
    "ขอบคุณครับ",
    "ขอบคุณค่ะ",
];

/// Thanks in another script, and Vietnamese "cảm ơn" (which folds to two
/// English words, so only its accented form counts), in tokens `tokens`.
fn native_thanks(doc: &Document, tokens: std::ops::Range<usize>, mocking: &[u32], out: &mut Vec<Thanks>) {
    // (Only the words read: a chunk of a long draft scans its own bytes.)
    let (Some(a), Some(b)) = (doc.tokens.get(tokens.start), tokens.end.checked_sub(1).and_then(|e| doc.tokens.get(e)))
    else {
        return;
    };
    if tokens.start >= tokens.end || doc.text[a.span.start()..b.span.end()].is_ascii() {
        return;
    }
    for i in tokens {
        let t = &doc.tokens[i];
        if !t.is_agent() || mocking.binary_search(&t.sentence).is_ok() {
            continue;
        }
        // Told by the folded form's first byte: a letter of another script,
        // or the "c" of "cam" (the rest only then).
        let (len, first) = doc.fold_head(i);
        let span = if first < 0x80 && !(len == 3 && first == b'c') || doc.word(i).is_ascii() {
            continue;
        } else if crate::words::among(NATIVE_THANKS, doc.fold(i)) {
            t.span
        } else if doc.fold(i) == "cam"
            && i + 1 < doc.tokens.len()
            && doc.fold(i + 1) == "on"
            && doc.tokens[i + 1].sentence == t.sentence
        {
            t.span.cover(doc.tokens[i + 1].span)
        } else {
            continue;
        };
        out.push(Thanks::Word { span, overlaps: None });
    }
}

/// The gratitude findings of the whole draft from its thanks (in any order).
pub(crate) fn decide(doc: &Document, ctx: &Context, thanks: &[Thanks], out: &mut Vec<Finding>) {
    // "Thanks," alone on a line just above the signature is a closing
    // formula, not thanks for anything; so is a bare "Thanks!" closing a
    // social reply before the agent's initials ("Thanks! ^NM").
    // (Room made once, as in `thanks`: the 170 thanks of the 10,143 words
    // were copied six times as the list grew, about 40 k instructions.)
    let mut found: Vec<Finding> = Vec::with_capacity(thanks.len());
    found.extend(thanks.iter().filter_map(|t| {
        match t {
            Thanks::Phrase(f)
                if !f
                    .span
                    .is_some_and(|s| is_sign_off(doc, s) || is_closing_thanks(doc, s) || signs_inline(doc, ctx, s)) =>
            {
                Some(f.clone())
            }
            _ => None,
        }
    }));
    // The kept phrases' spans, sorted, made only for a typo or "Ta!" that
    // overlaps one: no list allocated on a draft with neither.
    let phrases = found.len();
    let mut kept: Option<Vec<Span>> = None;
    for t in thanks {
        if let Thanks::Word { span, overlaps } = *t {
            let counted = overlaps.is_some_and(|o| {
                let kept = kept.get_or_insert_with(|| {
                    let mut kept: Vec<Span> = found[..phrases].iter().filter_map(|f| f.span).collect();
                    crate::order::sort(&mut kept);
                    kept
                });
                kept.binary_search(&o).is_ok()
            });
            if !counted && !is_sign_off(doc, span) {
                found.push(Finding::new(Cue::Gratitude, Some(span)));
            }
        }
    }
    crate::order::sort_by_key(&mut found, |f| f.span);
    out.extend(found);
}

/// Whether the thanks at `span` is a bare "Thanks!" or "Thank you so much!"
/// that closes a social reply (one with links or handles), with nothing
/// after it but the agent's initials: a closing formula like "Thanks,".
fn is_closing_thanks(doc: &Document, span: crate::span::Span) -> bool {
    use crate::document::flag;
    // Nothing but links after it: the draft's last word is one, or it is
    // the thanks' own. (Told before the thanks' words are looked for: a
    // binary search over the tokens, whose branches go either way with the
    // text.)
    if doc.tokens.last().is_some_and(|t| !t.is(flag::LINK) && t.span.start() >= span.end()) {
        return false;
    }
    let first = doc.token_at(span.start());
    let last = doc.tokens.partition_point(|t| t.span.start() < span.end());
    if first == 0 || last == 0 || first >= doc.tokens.len() {
        return false;
    }
    let last = last - 1;
    // After a link there is often no full stop: "...high-cpu-usage Thanks!".
    let starts = doc.tokens[first].is(flag::SENT_START) || doc.tokens[first - 1].is(flag::LINK);
    let bare = doc.tokens[last].gap_has(crate::document::gap::BREAK) || last + 1 == doc.tokens.len();
    let closes = doc.tokens[last + 1..].iter().all(|u| u.is(flag::LINK));
    // (A social reply: links or handles in it, or the agent's initials
    // after the thanks: "Thanks! ^AB".)
    let initials_after = last + 1 < doc.tokens.len();
    starts && bare && closes && (!doc.links.is_empty() || initials_after)
}

/// Whether the thanks at `span` signs off a reply written on one line:
/// "... It's active now. Thanks, Kate" (the ninth QA pass): a sentence of
/// its own after another, then a comma and one or two capitalised words
/// that end the draft, the agent's initials ("Thanks, AK") or a name that
/// is not the customer's ("Thank you, Priya!" to Priya thanks her).
fn signs_inline(doc: &Document, ctx: &Context, span: crate::span::Span) -> bool {
    use crate::document::{flag, gap};
    let n = doc.tokens.len();
    // At most two words after it, the name: the third word from the end
    // starts before the thanks ends. (Told before the thanks' words are
    // looked for: a binary search over the tokens, whose branches go either
    // way with the text.)
    if n >= 3 && doc.tokens[n - 3].span.start() >= span.end() {
        return false;
    }
    let first = doc.token_at(span.start());
    let last = doc.tokens.partition_point(|t| t.span.start() < span.end());
    if first == 0 || last == 0 || first >= n || !doc.tokens[first].is(flag::SENT_START) {
        return false;
    }
    let last = last - 1;
    let name = last + 1..n;
    doc.tokens[last].gap_has(gap::COMMA)
        && (1..=2).contains(&name.len())
        && name.clone().all(|k| doc.tokens[k].is(flag::CAP) && doc.tokens[k].is_agent())
        && doc.text[doc.tokens[n - 1].span.end()..].trim().chars().all(|c| matches!(c, '.' | '!'))
        && name.clone().all(|k| {
            let word = doc.word(k);
            let initials = word.len() <= 3 && word.bytes().all(|b| b.is_ascii_uppercase());
            // Not the customer, however spelt, nor "Sir" or "Madam".
            let sir = matches!(doc.fold(k), "sir" | "madam" | "ma'am" | "maam");
            initials || (!sir && crate::rules::name::names_customer(doc, ctx, k) == Some(false))
        })
}

/// Whether the thanks at `span` is the whole of its line, in the closing
/// lines of the draft (only a short signature follows).
fn is_sign_off(doc: &Document, span: crate::span::Span) -> bool {
    let text = doc.text;
    // Most thanks go on in their line ("Thank you for ..."): past the
    // spaces after them, a letter or a digit, told from the bytes before
    // any char is read (about 200 instructions a thanks).
    let bytes = text.as_bytes();
    let mut end = span.end();
    while bytes.get(end) == Some(&b' ') {
        end += 1;
    }
    if bytes.get(end).is_some_and(u8::is_ascii_alphanumeric) {
        return false;
    }
    // Only the blanks just before and the punctuation just after the thanks
    // are read, never the whole line: a line of a thousand thanks stays linear.
    let before = text[..span.start()].trim_end_matches(|c: char| c.is_whitespace() && c != '\n');
    if !before.ends_with('\n') {
        return false;
    }
    let rest = &text[span.end()..];
    let tail = rest
        .find(|c: char| c == '\n' || !(c.is_whitespace() || matches!(c, ',' | '!' | '.' | '-' | '–')))
        .unwrap_or(rest.len());
    if !rest[tail..].is_empty() && !rest[tail..].starts_with('\n') {
        return false;
    }
    let line_end = span.end() + tail;
    // The reply ends where the customer's quoted thread begins, at its
    // "On 2 May, Rahul wrote:" line or its first quoted line (the
    // fifteenth QA pass: "Thanks,\nChloe" above a quoted thread).
    let end = doc.quoted.iter().map(|q| q.start()).find(|&s| s >= line_end).unwrap_or(text.len());
    let mut after = text[line_end..end]
        .lines()
        .map(str::trim)
        .take_while(|l| !l.ends_with("wrote:"))
        .filter(|l| !l.is_empty() && !l.starts_with('>'));
    after.by_ref().take(2).all(|l| l.split_whitespace().take(5).count() <= 4) && after.next().is_none()
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;
    use crate::Cue;

    #[test]
    fn flags_thanks_and_appreciation() {
        assert_flags(Cue::Gratitude, "⟦Thank you so much⟧ for your patience.");
        assert_flags(Cue::Gratitude, "⟦Thanks⟧ for flagging this, it helped us.");
        assert_flags(Cue::Gratitude, "Your feedback is ⟦much appreciated⟧.");
        assert_flags(Cue::Gratitude, "We're ⟦grateful⟧ you stuck with us.");
        assert_flags(Cue::Gratitude, "⟦I really appreciate⟧ your help.");
        assert_flags(Cue::Gratitude, "⟦THANK YOU⟧ for waiting.");
        // A debt is no thanks.
        assert_clean(Cue::Gratitude, "Hi Sam, we owe you a refund of $20 and an apology.");
        assert_clean(Cue::Gratitude, "We owe you an apology for the delay.");
        assert_flags(Cue::Gratitude, "You found the bug for us; ⟦we owe you⟧ one!");
    }

    #[test]
    fn allows_thanks_to_the_update_and_thankfully() {
        assert_clean(Cue::Gratitude, "Thanks to the update, syncing works again.");
        assert_clean(Cue::Gratitude, "Thankfully, nothing was lost.");
        assert_clean(Cue::Gratitude, "I'd appreciate it if you could send the receipt.");
        assert_clean(Cue::Gratitude, "> Thanks, Priya\nHello, the refund is on its way.");
    }

    #[test]
    fn a_thanks_sign_off_is_a_formula_not_gratitude() {
        assert_clean(Cue::Gratitude, "Hi Sam,\nYour order shipped.\n\nThanks,\nAlex");
        assert_flags(Cue::Gratitude, "Hi Sam,\nYour order shipped.\n\n⟦Thanks⟧ again for your patience,\nAlex");
    }

    #[test]
    fn thanks_and_a_name_ending_a_one_line_reply_sign_it_off() {
        // The ninth QA pass: the agent's name, not the customer's.
        let text = "Hi Ethan, I've raised the daily limit as requested. It's active now. Thanks, Kate";
        assert_clean_with(Cue::Gratitude, Some("Ethan Brooks"), text);
        assert_clean(Cue::Gratitude, "Hi, we need some more info to help. Thanks, AK");
        // The customer's name, or a name nobody gave, may be the customer's.
        assert_flags_with(Cue::Gratitude, Some("Priya Raman"), "Your refund is on its way. ⟦Thank you⟧, Priya!");
        assert_flags(Cue::Gratitude, "Your refund is on its way. ⟦Thank you⟧, Priya!");
        // The reviewer's cases: the customer's name however spelt, or a title.
        for (name, text) in [
            ("Zoe Martin", "Your refund is on its way. ⟦Thank you⟧, Zoë!"),
            ("Zoë Martin", "Your refund is on its way. ⟦Thank you⟧, Zoe!"),
            ("Дмитрий Иванов", "Your refund is on its way. ⟦Thank you⟧, Dmitri!"),
            ("Sean O'Brien", "Your refund is on its way. ⟦Thank you⟧, Mr O'Brien!"),
            ("Sean O'Brien", "Your refund is on its way. ⟦Thank you⟧, Sir."),
            ("Elizabeth Taylor", "Your refund is on its way. ⟦Thanks⟧, Liz!"),
        ] {
            assert_flags_with(Cue::Gratitude, Some(name), text);
        }
        assert_flags(Cue::Gratitude, "Hi Ethan, it's active now. ⟦Thanks⟧ for your patience, Kate");
    }

    #[test]
    fn sarcastic_thanks_is_not_gratitude() {
        assert_clean(Cue::Gratitude, "Thanks for nothing, I guess.");
        assert_clean(Cue::Gratitude, "Thanks a lot for ignoring my instructions.");
    }

    #[test]
    fn less_common_thanks_and_typos_count() {
        assert_flags(Cue::Gratitude, "⟦Much obliged⟧ for the photos.");
        assert_flags(Cue::Gratitude, "⟦Ta⟧! That's all sorted now.");
        assert_flags(Cue::Gratitude, "We're ⟦grateful⟧ for your patience.");
        assert_flags(Cue::Gratitude, "⟦Thnaks⟧ for waiting, it's fixed.");
        assert_flags(Cue::Gratitude, "Again, ⟦thanks⟧!");
        assert_clean(Cue::Gratitude, "We scored, who woulda thunk.");
    }

    #[test]
    fn thanks_in_the_customers_language_and_without_the_word() {
        // Found in the tuning corpus.
        assert_flags(Cue::Gratitude, "Cara Sofia, ⟦Grazie⟧ for your patience.");
        assert_flags(Cue::Gratitude, "⟦Obrigado⟧, Mateus! The crash log was perfect.");
        assert_flags(Cue::Gratitude, "⟦We really value you taking⟧ the time to fill in the form.");
        assert_clean(Cue::Gratitude, "Thank goodness the courier took a photo at drop-off.");
        assert_flags(Cue::Gratitude, "⟦Merci⟧! Your parcel is on its way.");
        // Found by review: names and brands that are thanks elsewhere.
        for text in [
            "Dear Mr Asante, your card is on its way.",
            "Hi Merci, your order shipped.",
            "The Takk jumper is back in stock.",
            "Grazie restaurant has your booking.",
        ] {
            assert_clean(Cue::Gratitude, text);
        }
        // Look-alikes in English are not thanks.
        assert_clean(Cue::Gratitude, "At the mercy of the courier, we changed tack and rebooked.");
    }

    #[test]
    fn a_thanks_sign_off_above_a_quoted_thread_is_a_sign_off() {
        // The fifteenth QA pass.
        assert_clean(
            Cue::Gratitude,
            "Hi Rahul,\n\nThe roaming bundle is active from today.\n\nThanks,\nChloe\n\nOn 2 May, Rahul Mehta wrote:\n> Hi, can you add the EU bundle? I'm travelling to Spain next week and need it sorted before I go.",
        );
        assert_flags(
            Cue::Gratitude,
            "Hi Rahul,\n\n⟦Thanks⟧ for your patience.\n\nChloe\n\nOn 2 May, Rahul Mehta wrote:\n> Hi, can you add the EU bundle?",
        );
    }

    #[test]
    fn a_bare_thanks_before_the_agents_initials_is_a_sign_off() {
        assert_clean(Cue::Gratitude, "@customer The fix is live, please update the app. Thanks! ^NM");
        assert_clean(Cue::Gratitude, "@customer See https://example.com/help for the steps. Thank you so much!");
        assert_flags(Cue::Gratitude, "@customer ⟦Thanks⟧ for reaching out! The fix is live. ^NM");
    }

    #[test]
    fn mock_thanks_is_sarcasm_not_gratitude() {
        assert_clean(Cue::Gratitude, "Thanks for the 14 exclamation marks, message received.");
        assert_flags(Cue::Sarcasm, "⟦Thanks for the 14 exclamation marks, message received⟧.");
    }

    #[test]
    fn thanks_in_the_customers_language_and_script_is_thanks() {
        // Found in batch g's tuning half.
        assert_flags(Cue::Gratitude, "Cześć Jakub, your ban is lifted.\nBardzo ⟦dziękuję⟧ za cierpliwość!");
        assert_flags(Cue::Gratitude, "Chào chị Lan! Your viewing is confirmed. ⟦Cảm ơn⟧ chị!");
        assert_flags(Cue::Gratitude, "Γεια σου Ελένη! Your refund is on its way. ⟦Ευχαριστώ⟧ πολύ!");
        assert_flags(Cue::Gratitude, "Your parcel is on its way. ⟦Спасибо⟧!");
        assert_clean(Cue::Gratitude, "Hi Tom, the dash cam on your dashboard is covered.");
    }

    #[test]
    fn thanks_to_a_third_party_or_a_stock_phrase_is_not_thanks_to_the_customer() {
        assert_clean(Cue::Gratitude, "Your gems are credited. A big thank-you to our payments partner, who traced it.");
        assert_flags(Cue::Gratitude, "Thank you to our partner for tracing it, and ⟦thank you⟧ for your patience.");
        assert_clean(Cue::Gratitude, "Hi Priya, we value your feedback.");
    }
}
