//! `profanity`: swearing and name-calling.

use crate::context::Context;
use crate::cue::Cue;
use crate::document::Document;
use crate::finding::Finding;
use crate::lexicon::{p, pn, Phrase};
use crate::rules::{emit_table, T};

const CALLING: &str = "Calling the customer names is never acceptable, however frustrating the exchange.";

pub(crate) const PROFANITY: &[Phrase] = &[
    p("fuck|fucking|fucked|fucker|fuckers|fucks|fuckin|effing|frigging|freaking"),
    p("motherfucker|motherfucking|motherfuckers"),
    p("shit"),
    // Compounds: a word search inside every word cost 3% per analysis.
    p("shitshow|shitstorm|shitload|shithole|shitfaced|batshit|horseshit|apeshit|chickenshit|dipshit"),
    p("clusterfuck|fuckup|fuckups|fuckwit|fuckwits|mindfuck|fuckface"),
    p("shitty"),
    // British: "this bloody system" (not "a bloody nose").
    p("bloody useless|system|thing|app|website|site|machine|idiot|idiots|hell|ridiculous|nonsense|customers|customer|nightmare|joke|disaster|stupid|awful|annoying|phone|computer|printer|router|courier|parcel|form|process"),
    p("bullshit"),
    p("crap"),
    p("crappy"),
    p("damn"),
    p("dammit"),
    p("goddamn"),
    p("wtf"),
    p("ffs"),
    p("stfu"),
    p("asshole"),
    p("arsehole"),
    p("bastard"),
    p("bitch"),
    p("bloody hell"),
    p("what the hell|heck"),
    p("the hell"),
    p("piss off"),
    p("pissed off"),
    p("screw you|this|that"),
    p("sucks"),
    pn("idiot|idiots|idiotic|moron|morons|moronic|imbecile|dumbass|dimwit|halfwit|cretin|numpty", CALLING, &[]),
    pn("muppet|plonker|pillock|nitwit|twit|numbskull|bonehead|knucklehead|doofus", CALLING, &[]),
    pn("stupid|dumb", CALLING, &[]),
    pn(
        "you|you're|youre|are clueless|incompetent|pathetic|hopeless|lazy|ignorant|ridiculous|unreasonable",
        CALLING,
        &[],
    ),
    pn("you are clueless|incompetent|pathetic|hopeless|lazy|ignorant|ridiculous|unreasonable", CALLING, &[]),
    pn("shut up", CALLING, &[]),
];

pub(crate) fn check(doc: &Document, _ctx: &Context, out: &mut Vec<Finding>) {
    emit_table(doc, T::Profanity, Cue::Profanity, &[], out);
    // A word masked with asterisks ("f***ing", "sh*t"), which shows the
    // writer knew the word: looked for only when the words' text holds an
    // asterisk (one scan, most drafts hold none).
    let text = doc.text;
    let (Some(first), Some(last)) = (doc.tokens.first(), doc.tokens.last()) else { return };
    let end = (last.span.end() + 1).min(text.len());
    if !holds_asterisk(&text.as_bytes()[first.span.start()..end]) {
        return;
    }
    let bytes = text.as_bytes();
    for t in &doc.tokens {
        if bytes.get(t.span.end()) != Some(&b'*') || !t.is_agent() || doc.any_hit_overlaps(T::Profanity, t.span) {
            continue;
        }
        let mut span = t.span;
        if masked_word(text, &mut span) {
            out.push(Finding::new(Cue::Profanity, Some(span)));
        }
    }
}

/// Whether `bytes` hold an asterisk ([`crate::span::next_byte`]: most
/// drafts hold none, and are read to their end).
fn holds_asterisk(bytes: &[u8]) -> bool {
    crate::span::next_byte(bytes, 0, b'*').is_some()
}

/// Whether the word at `span` goes on in asterisks standing for letters
/// ("f***ing", "f**k", "sh*t", "b*****d"), widening `span` over them.
/// Only a swear word's first letters start such a mask.
fn masked_word(text: &str, span: &mut crate::span::Span) -> bool {
    let bytes = text.as_bytes();
    let word = &text[*span];
    if !matches!(word.as_bytes().first().map(|b| b | 0x20), Some(b'f' | b's' | b'b' | b'a' | b'c' | b'p'))
        || word.len() > 3
        || bytes.get(span.end()) != Some(&b'*')
    {
        return false;
    }
    let mut end = span.end();
    while end < bytes.len() && bytes[end] == b'*' {
        end += 1;
    }
    while end < bytes.len() && bytes[end].is_ascii_alphabetic() {
        end += 1;
    }
    // A footnote mark or emphasis ("see note*", "a *big* change") is no mask.
    let stars = text[span.end()..end].bytes().filter(|&b| b == b'*').count();
    let letters_after = end - span.end() - stars;
    // One star after one letter masks a word only before lower-case
    // letters ("f*ck"; "A*B" is a name for a test); stars that end a word
    // mask letters only after a one-letter word ("a**"): "FAQ*", "Sun*"
    // mark a footnote. A word inside stars is emphasis ("a *big* change").
    let after = &text[span.end() + stars..end];
    let one_letter_unclear =
        stars == 1 && word.len() == 1 && (letters_after < 2 || !after.bytes().all(|b| b.is_ascii_lowercase()));
    let footnote = letters_after == 0 && !(word.len() == 1 && stars >= 2);
    let emphasis = span.start() > 0 && bytes[span.start() - 1] == b'*';
    if stars > 6 || one_letter_unclear || footnote || emphasis {
        return false;
    }
    // The mask must spell a swear word, its stars standing for letters:
    // "BRT*TRAVEL" and "SQ*COFFEE" on a card statement are merchants.
    // A compound may go on past the word ("sh*thead", "f**kwit") or past
    // the mask ("b*ll" of "b*ll*cks"): the shorter of the two must agree.
    let masked = &bytes[span.start()..end];
    if !MASKABLE.iter().any(|w| {
        w.bytes().zip(masked).all(|(l, &m)| m == b'*' || m.to_ascii_lowercase() == l) && w.len().min(masked.len()) >= 3
    }) {
        return false;
    }
    *span = crate::span::Span::new(span.start(), end);
    true
}

/// The swear words a mask of asterisks stands for ("f***ing", "sh*t").
const MASKABLE: &[&str] = &[
    "fuck", "fucking", "fucked", "fucker", "fuckers", "fucks", "fuckin", "shit", "shits", "shitty", "shite", "bitch",
    "bitches", "bastard", "bastards", "ass", "arse", "asshole", "arsehole", "crap", "crappy", "piss", "pissed",
    "prick", "cock", "cunt", "bollocks", "bullshit",
];

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;
    use crate::Cue;

    #[test]
    fn an_asterisk_is_found_at_any_place_and_no_other_byte_is_one() {
        // Bytes next to '*' (0x2a) in value, and with its bits and others.
        let others: Vec<u8> = (0..=255u8).filter(|&b| b != b'*').collect();
        for len in [0, 1, 7, 8, 31, 32, 33, 64, 70, 300] {
            let plain: Vec<u8> = (0..len).map(|i| others[i % others.len()]).collect();
            assert!(!super::holds_asterisk(&plain), "none in {len} bytes");
            for at in 0..len {
                let mut starred = plain.clone();
                starred[at] = b'*';
                assert!(super::holds_asterisk(&starred), "at {at} of {len}");
            }
        }
    }

    #[test]
    fn flags_swearing_and_name_calling() {
        assert_flags(Cue::Profanity, "This ⟦damn⟧ app.");
        assert_flags(Cue::Profanity, "What a ⟦shitshow⟧, sorry about that.");
        assert_flags(Cue::Profanity, "Sorry, the ⟦f***ing⟧ system crashed again, total ⟦clusterfuck⟧.");
        assert_flags(Cue::Profanity, "Read the email again, you ⟦muppet⟧.");
        assert_flags(Cue::Profanity, "It's ⟦sh*t⟧, I know.");
        assert_clean(Cue::Profanity, "Prices* apply, see the A*B test and the *new* plan. He mishit the ball.");
        assert_clean(Cue::Profanity, "A *big* change, a **big** update. **Pay** now. See our FAQ*, £5 per box*.");
        assert_clean(Cue::Profanity, "Check the oil on the dipstick.");
        assert_flags(Cue::Profanity, "Don't be ⟦stupid⟧.");
        assert_flags(Cue::Profanity, "Honestly ⟦you're clueless⟧.");
    }

    #[test]
    fn a_mask_spells_a_swear_word_not_a_merchant_code() {
        assert_clean(
            Cue::Profanity,
            "Hi Chinedu, the payment of £84.20 to \"BRT*TRAVEL\" on 12 March is from British Rail Travel.",
        );
        assert_clean(Cue::Profanity, "The charge shown as AMZN*MKTP is Amazon, and SQ*COFFEE HOUSE is a café.");
        assert_flags(Cue::Profanity, "That was ⟦F**KING⟧ slow, sorry. What a ⟦b*****d⟧ of a week, ⟦a**⟧.");
        assert_flags(Cue::Profanity, "Hi Sam, this is ⟦sh*thead⟧ stuff, you ⟦f**kwit⟧.");
    }

    #[test]
    fn allows_words_that_contain_swearwords() {
        assert_clean(Cue::Profanity, "Hello from Scunthorpe, your class assignment is ready.");
        assert_clean(Cue::Profanity, "> this damn app\nHi, we fixed the app.");
    }

    #[test]
    fn bloody_said_of_a_thing_swears() {
        assert_flags(Cue::Profanity, "Hi Priya, this ⟦bloody system⟧ is useless.");
        assert_flags(Cue::Profanity, "Hi Martin, this system is a ⟦bloody nightmare⟧.");
        assert_clean(Cue::Profanity, "I'm so sorry the packaging split and left a bloody mess in your fridge.");
        assert_clean(Cue::Profanity, "Hi Priya, I'm sorry your son had a bloody nose after the fall.");
    }
}
