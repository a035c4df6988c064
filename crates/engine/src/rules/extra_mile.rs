//! `extra-mile`: doing more than the customer asked.

use crate::context::Context;
use crate::cue::Cue;
use crate::document::{gap, Document};
use crate::finding::Finding;
use crate::lexicon::{p, Phrase};
use crate::rules::{emit_table_where, T};

pub(crate) const EXTRA_MILE: &[Phrase] = &[
    p("i've|we've|i|we also|additionally|even? added|applied|included|upgraded|extended|waived|credited|refunded|sent|attached|arranged|set|booked|covered|reserved"),
    p("i|we have also|additionally? added|applied|included|upgraded|extended|waived|credited|refunded|arranged|covered"),
    p("i've|we've|i|we also|even? gone|went ahead"),
    p("i|we have gone ahead"),
    p("i|we took the liberty"),
    p("as a gesture|token of goodwill|appreciation|thanks"),
    p("as a thank|thankyou"),
    p("to make up for"),
    p("complimentary"),
    p("free of charge"),
    p("on the house"),
    p("at no extra|additional cost|charge"),
    p("waived|waive the fee|fees|charge|charges"),
    p("i've|we've|i|we also"),
    p("in addition i've|we've|i|we"),
    p("while i was at it"),
    p("while we were at it"),
    p("just in case"),
    p("here's a tip|shortcut"),
    p("pro tip"),
];

pub(crate) fn check(doc: &Document, _ctx: &Context, out: &mut Vec<Finding>) {
    // "we aren't able to waive the fee this time": a refusal of the extra.
    // (In its own clause: "they were never delivered, so we've added
    // them", "as it wasn't your fault I've waived the fee": a deed with its
    // own doer starts a clause.)
    let not_refused = |k: usize| {
        if matches!(doc.fold(k), "i've" | "we've" | "i" | "we" | "i'll" | "we'll" | "ive" | "weve") {
            return true;
        }
        let from = (k.saturating_sub(4)..k)
            .rev()
            .find(|&j| doc.tokens[j].gap_has(gap::CLAUSE))
            .map_or(k.saturating_sub(4), |j| j + 1);
        !(from..k).any(|j| doc.tokens[j].sentence == doc.tokens[k].sentence && crate::rules::negation_at(doc, j))
    };
    // Sent again is no extra: "I've attached the installation guide
    // again", "It's the same PDF from Monday, just in case it got lost"
    // (the ninth QA pass). And what a plan or product includes is no deed:
    // "your plan includes roaming at no extra cost".
    let not_sent_again_or_included = |k: usize| {
        let Some(t) = doc.tokens.get(k) else { return true };
        // (Its sentence, at most 20 words either way: one endless
        // sentence full of extras stays linear.)
        let near = k.saturating_sub(20)..(k + 20).min(doc.tokens.len());
        let words = || {
            near.clone()
                .filter(|&j| doc.tokens[j].sentence == t.sentence && doc.tokens[j].is_agent())
                .map(|j| doc.fold(j))
        };
        // "again" right after the deed, in its clause ("I've sent them
        // again"; not "so it can't happen again", "celebrate with us
        // again"); "the same PDF", "the same link".
        // (By the tokens' keys before their words: the comparison of a word
        // with several, by its length first, goes either way with the word
        // read.)
        // (One list for the filter and the words, so the two cannot drift.)
        const STOP_WORDS: &[&str] = &["so", "in", "if", "and", "to", "happen", "happens"];
        const STOPS: crate::hash::KeyMask = crate::hash::KeyMask::of_keys(&crate::hash::word_keys::<7>(&[STOP_WORDS]));
        const AGAIN: u32 = crate::hash::word_key(b"again");
        let again = (k + 1..(k + 7).min(doc.tokens.len()))
            .take_while(|&j| doc.tokens[j].sentence == t.sentence && !doc.tokens[j - 1].gap_has(gap::CLAUSE))
            .take_while(|&j| {
                !(STOPS.may_hold(doc.tokens[j].key) && crate::words::among(STOP_WORDS, doc.fold(j)))
            })
            .any(|j| doc.tokens[j].key == AGAIN && doc.fold(j) == "again")
            // "The same PDF" before the deed in its sentence, or after
            // it in its clause ("... at no extra cost; tracking is in the
            // same email" takes nothing away, the reviewer found).
            // (The tokens' keys read as a slice, the word's place worked
            // out only for "same": about 80 instructions a deed less than
            // by index.)
            || doc.tokens[near.clone()].iter().enumerate().any(|(at, near_token)| {
                // (The word first: the clause is read only around "same".)
                let broken = |m: usize| {
                    doc.tokens[m - 1].gap_has(gap::CLAUSE)
                        || doc.text[doc.tokens[m - 1].span.end()..doc.tokens[m].span.start()].contains(';')
                };
                // (By the token's key before its word.)
                const SAME: u32 = crate::hash::word_key(b"same");
                let j = near.start + at;
                near_token.key == SAME
                    && j + 1 < doc.tokens.len()
                    && doc.fold(j) == "same"
                    && doc.tokens[j].sentence == t.sentence
                    && matches!(
                        doc.fold(j + 1),
                        "pdf" | "file" | "link" | "email" | "guide" | "form" | "document" | "instructions" | "steps"
                    )
                    && (j < k || (j > k && (k + 1..=j).all(|m| !broken(m))))
            });
        let feature = matches!(doc.fold(k), "at" | "free" | "complimentary")
            && words().any(|w| matches!(w, "includes" | "include" | "included" | "offers" | "covers"))
            && !words().any(|w| {
                matches!(w, "i" | "we" | "i've" | "we've" | "i'll" | "we'll" | "i'm" | "we're" | "ive" | "weve")
            });
        !again && !feature
    };
    // The tenth QA pass: "the details are in the email we sent you on
    // Monday" points back at a thing sent, no extra; "I've booked the
    // appointment you asked for" does what was asked (unless said to be
    // more: "I've also booked ...").
    let not_as_asked = |k: usize, end: usize| {
        let same = |j: usize| doc.tokens[j].sentence == doc.tokens[k].sentence;
        let points_back = k > 0
            && matches!(doc.fold(k), "i" | "we")
            && same(k - 1)
            && !doc.tokens[k - 1].gap_has(gap::CLAUSE)
            && matches!(
                doc.fold(k - 1),
                "email"
                    | "e-mail"
                    | "link"
                    | "letter"
                    | "form"
                    | "guide"
                    | "pdf"
                    | "file"
                    | "document"
                    | "code"
                    | "details"
                    | "message"
                    | "invoice"
                    | "receipt"
                    | "text"
                    | "instructions"
                    | "label"
                    | "voucher"
                    | "confirmation"
                    | "reply"
            );
        // More said ("also", "... and added a voucher too"): an extra
        // whatever was asked (the session's review).
        let more =
            (k..=end).any(|j| matches!(doc.fold(j), "also" | "additionally" | "even"))
                || (end + 1..(end + 20).min(doc.tokens.len())).take_while(|&j| same(j)).any(|j| {
                    // (By the token's key before its word, as above.)
                    const MORE: crate::hash::KeyMask = crate::hash::KeyMask::of_keys(&crate::hash::word_keys::<6>(&[
                        &["too", "also", "additionally", "extra", "bonus", "well"],
                    ]));
                    MORE.may_hold(doc.tokens[j].key)
                        && (matches!(doc.fold(j), "too" | "also" | "additionally" | "extra" | "bonus")
                            || (doc.fold(j) == "well" && doc.fold(j - 1) == "as"))
                });
        // Right after the deed's object ("the appointment you asked
        // for"; not "a free case to the order you asked for", not
        // "because you wanted it by Friday"), or set off after it
        // ("..., as you requested").
        // (By the token's key before its word, as above: read at up to 16
        // words after each deed.)
        const ASKED: u32 = crate::hash::word_key(b"asked");
        const REQUESTED: u32 = crate::hash::word_key(b"requested");
        let asked = |j: usize| {
            matches!(doc.tokens[j].key, ASKED | REQUESTED)
                && matches!(doc.fold(j), "asked" | "requested")
                && matches!(doc.fold(j - 1), "you" | "as" | "you'd" | "you've")
                // ("you asked about parking" asks a question, no deed.)
                && !(j + 1 < doc.tokens.len()
                    && matches!(doc.fold(j + 1), "about" | "whether" | "if" | "how" | "why" | "when" | "what" | "where"))
        };
        let object = |j: usize| {
            (end + 1..j).all(|m| {
                !doc.tokens[m - 1].gap_has(gap::CLAUSE)
                    && !matches!(doc.fold(m), "to" | "for" | "on" | "in" | "with" | "because" | "since" | "into")
            })
        };
        // (The object's five words and the eleven after the deed in one
        // walk, the first inside the second, read only when nothing more
        // is said.)
        let as_asked = !more
            && (end + 1..(end + 12).min(doc.tokens.len())).take_while(|&j| same(j)).any(|j| {
                asked(j)
                    && ((j < end + 6 && object(j))
                        || (j >= 3 && doc.fold(j - 2) == "as" && doc.tokens[j - 3].gap_has(gap::CLAUSE)))
            });
        !points_back && !as_asked
    };
    // The fix itself is no extra (the eleventh QA pass: "I've refunded
    // the duplicate payment", "I've sent a replacement", "I've attached
    // your statement"): a deed that remedies counts only when said to be
    // more ("also", "as well", "too") or given free ("at no extra cost",
    // "as a goodwill gesture"). Upgrading, extending and waiving are more
    // by nature.
    let more_than_the_fix = |k: usize, end: usize| {
        let here = doc.sentence_of(k);
        let in_sentence = |j: usize| here.contains(&j);
        // A refund or a credit is the fix only when it puts right an
        // error named with it ("the duplicate payment", "the second
        // payment", "charged in error"); "I've refunded this month's
        // fee" for an app that crashes is amends (the session's review).
        // (Or in the sentence before: "the $86 charge was applied in
        // error. I have credited the full amount", "the fee shouldn't
        // have been applied. I've refunded it".)
        let erred_before = || {
            let m = here.start;
            // (This sentence up to the deed too: "the charge was our
            // mistake, and I've refunded it".)
            let prev = m.checked_sub(1).map(|p| doc.tokens[p].sentence);
            // (By the tokens' keys before their words: up to 40 words, most
            // of them none of these.)
            const ERRED: crate::hash::KeyBloom = crate::hash::KeyBloom::of(&[&[
                "error mistake wrongly incorrectly twice duplicate double overcharged recognise recognize",
                "unrecognised unrecognized fraud fraudulent unauthorised unauthorized have",
            ]]);
            (m.saturating_sub(40)..k).filter(|&q| Some(doc.tokens[q].sentence) == prev || q >= m).any(|q| {
                if !ERRED.may_hold(doc.tokens[q].key) {
                    return false;
                }
                let w = doc.fold(q);
                matches!(w, "error" | "mistake" | "wrongly" | "incorrectly" | "twice" | "duplicate" | "double" | "overcharged")
                    // Payments the customer did not make (the twelfth
                    // QA pass: "the three card payments you didn't
                    // recognise ... I've refunded all £218.40").
                    || matches!(
                        w,
                        "recognise"
                            | "recognize"
                            | "unrecognised"
                            | "unrecognized"
                            | "fraud"
                            | "fraudulent"
                            | "unauthorised"
                            | "unauthorized"
                    )
                    || (w == "have" && q > 0 && matches!(doc.fold(q - 1), "shouldn't" | "shouldnt"))
            })
        };
        let corrects = |j: usize| {
            erred_before()
                || (j + 1..j + 7).take_while(|&m| in_sentence(m)).any(|m| {
                    matches!(
                        doc.fold(m),
                        "duplicate"
                            | "duplicated"
                            | "second"
                            | "double"
                            | "overcharge"
                            | "overpayment"
                            | "wrong"
                            | "incorrect"
                            | "error"
                            | "disputed"
                            | "mistaken"
                    )
                })
        };
        let remedy = (k..=end).any(|j| {
            matches!(
                doc.fold(j),
                "sent" | "attached" | "arranged" | "booked" | "added" | "applied" | "included" | "covered"
            ) || (matches!(doc.fold(j), "refunded" | "credited") && corrects(j))
        });
        if !remedy || (k..=end).any(|j| matches!(doc.fold(j), "also" | "additionally" | "even")) {
            return true;
        }
        let from = here.start;
        // Before the deed, what makes it a favour: "As a one-off, I've
        // refunded ...", "as a goodwill gesture".
        let favour_before = (from..k).any(|j| {
            matches!(doc.fold(j), "goodwill" | "gesture" | "courtesy" | "exception" | "exceptionally")
                || (doc.fold(j) == "off" && j > 0 && doc.fold(j - 1) == "one")
        });
        // After it, up to the next deed of ours ("I've refunded it and
        // I've also added a credit" leaves the refund a fix): more, free,
        // amends, or so it won't recur ("a £20 credit to cover the bank
        // charges", "a travel note so it won't happen again", "credited
        // €15 for the outage", "at our expense", "as an apology").
        // (By the tokens' keys before their words, as above: most words
        // after a deed are none of these.)
        const DEED_WORDS: &[&str] = &["i've", "we've", "i'll", "we'll", "ive", "weve"];
        const DEEDS: crate::hash::KeyMask = crate::hash::KeyMask::of_keys(&crate::hash::word_keys::<6>(&[DEED_WORDS]));
        const FAVOURS: crate::hash::KeyBloom = crate::hash::KeyBloom::of(&[&[
            "too extra bonus free complimentary goodwill gesture courtesy anyway additional compensate apology",
            "expense even keep outage disruption hassle voucher discount gift compensation credit well cost",
            "charge us again happen happening recur prevent avoid cover",
        ]]);
        let next_deed = (end + 1..doc.tokens.len())
            .take_while(|&j| in_sentence(j))
            .find(|&j| DEEDS.may_hold(doc.tokens[j].key) && crate::words::among(DEED_WORDS, doc.fold(j)))
            .unwrap_or(doc.tokens.len());
        let favour_at = |j: usize| {
            matches!(
                doc.fold(j),
                "too"
                    | "extra"
                    | "bonus"
                    | "free"
                    | "complimentary"
                    | "goodwill"
                    | "gesture"
                    | "courtesy"
                    | "anyway"
                    | "additional"
                    | "compensate"
                    | "apology"
                    | "expense"
                    | "even"
                    | "keep"
                    | "outage"
                    | "disruption"
                    | "hassle"
            ) || (matches!(doc.fold(j), "voucher" | "discount" | "gift" | "compensation") && !named_before(doc, from, j))
                || (doc.fold(j) == "credit"
                    && !(j + 1 < doc.tokens.len() && matches!(doc.fold(j + 1), "card" | "cards"))
                    && !named_before(doc, from, j))
                || (doc.fold(j) == "well" && doc.fold(j - 1) == "as")
                || (doc.fold(j) == "cost" && matches!(doc.fold(j - 1), "no" | "extra" | "additional"))
                || (doc.fold(j) == "charge" && doc.fold(j - 1) == "no")
                // ("on us" at our expense; not "that's on us", which
                // owns an error, the twelfth QA pass.)
                || (doc.fold(j) == "us"
                    && doc.fold(j - 1) == "on"
                    && !(j >= 2 && matches!(doc.fold(j - 2), "that's" | "thats")))
                // "a note so you aren't asked for the same ID again".
                // ("so it won't happen again", "to prevent"; not "and I
                // promise this will never happen again").
                // ("to" only before the verb of preventing: "happen to
                // your account again" prevents nothing, the twelfth QA
                // pass.)
                || (matches!(doc.fold(j), "again" | "happen" | "happening" | "recur")
                    && (k..j).any(|m| {
                        doc.fold(m) == "so"
                            || (doc.fold(m) == "to"
                                && matches!(doc.fold(m + 1), "make" | "stop" | "ensure" | "prevent" | "avoid"))
                    }))
                || (matches!(doc.fold(j), "prevent" | "avoid") && matches!(doc.fold(j - 1), "so" | "to"))
                || (doc.fold(j) == "cover" && doc.fold(j - 1) == "to")
        };
        let favour_after = (end + 1..next_deed)
            .take_while(|&j| in_sentence(j))
            .any(|j| FAVOURS.may_hold(doc.tokens[j].key) && favour_at(j));
        favour_before || favour_after
    };
    // "we sent you the size 8 instead of the size 10": our error, told (the
    // twelfth QA pass).
    let not_our_error = |k: usize, end: usize| {
        let deed = doc.fold(end);
        let sentence = doc.tokens[k].sentence;
        !(matches!(deed, "sent" | "booked" | "applied" | "added" | "arranged")
            && matches!(doc.fold(k), "we" | "i")
            && (end + 1..(end + 8).min(doc.tokens.len()))
                .take_while(|&j| doc.tokens[j].sentence == sentence && !doc.tokens[j - 1].gap_has(gap::CLAUSE))
                .any(|j| matches!(doc.fold(j), "instead" | "wrong" | "incorrect" | "mistakenly")))
    };
    // (Pure tests of the finding, at the deed's first and last tokens, its
    // hit's: the tests in the order written, `rules::emit_table_where`.)
    emit_table_where(doc, T::ExtraMile, Cue::ExtraMile, &[T::Sarcasm], out, |_, (k, end)| {
        not_refused(k)
            && not_sent_again_or_included(k)
            && not_as_asked(k, end)
            && more_than_the_fix(k, end)
            && not_our_error(k, end)
    });
}

/// Whether the word at `j` ("discount", "credit") is the matter the reply
/// is about: named already before the deed's sentence (from `start`, at
/// most 60 words back): "Thank you for your letter about the single person
/// discount. I've applied the 25% discount" applies what was asked about
/// (the twelfth QA pass).
fn named_before(doc: &Document, start: usize, j: usize) -> bool {
    let w = doc.fold(j);
    (start.saturating_sub(60)..start).any(|m| doc.tokens[m].is_agent() && doc.fold(m) == w)
}

/// The deeds the extra-mile phrases name, with the stem a request for
/// each begins with ("Can you refund ...", "send me ...").
const DEEDS: &[(&str, &str)] = &[
    ("added", "add"),
    ("applied", "appl"),
    ("included", "includ"),
    ("upgraded", "upgrad"),
    ("extended", "extend"),
    ("waived", "waiv"),
    ("credited", "credit"),
    ("refunded", "refund"),
    ("sent", "send"),
    ("attached", "attach"),
    ("arranged", "arrang"),
    ("booked", "book"),
    ("covered", "cover"),
    ("reserved", "reserv"),
];

// (`drop_asked_for` keeps a bit for each.)
const _: () = assert!(DEEDS.len() <= 32);

/// With the customer's message: a deed they asked for is what was asked,
/// not an extra ("Can you refund the extra charge?" — "I've refunded the
/// extra charge", the eighth QA pass): its praise goes.
pub(crate) fn drop_asked_for(ex: &crate::rules::Exchange, findings: &mut Vec<Finding>) {
    if !findings.iter().any(|f| f.cue == Cue::ExtraMile) {
        return;
    }
    let (reply, msg) = (ex.reply, ex.message);
    // Whether a word of the message starts with the deed's stem ("refun"
    // for "refunded": "refund", "refunds"): a search of the message's folded
    // words, once per distinct deed (at most one per word of `DEEDS`), so
    // linear in both texts; the message is not read without a deed.
    // (Bit `i` for `DEEDS[i]`: whether its stem was looked for, and found;
    // kept on the stack.)
    let (mut looked, mut found) = (0u32, 0u32);
    let mut asked_for = |i: usize| -> bool {
        if looked & 1 << i != 0 {
            return found & 1 << i != 0;
        }
        looked |= 1 << i;
        let stem = DEEDS[i].1;
        let words = msg.folded_words();
        // Where the stem stands in the folded words (the buffer has no
        // separator, so it may run past a short word) and starts a word.
        // Only a place where a token's folded word starts can start one, so
        // those places are tried, each by its first byte (a token that folds
        // to nothing has none, and is tried whole), rather than the stem
        // searched for across the whole buffer. The same places as every
        // match of the stem: no stem begins with its own end, so no two
        // matches overlap and a search finds them all.
        let s0 = stem.as_bytes()[0];
        let a = msg.tokens.iter().any(|t| {
            let at = t.fold_range().0;
            (t.fold_head().1 == s0 || t.fold_head().1 == 0)
                // (Byte by byte, in place: most places differ at once.)
                && words.as_bytes().get(at as usize..at as usize + stem.len()).is_some_and(|rest| {
                    rest.iter().zip(stem.as_bytes()).all(|(a, b)| a == b)
                })
                // (The word a form of it, not a longer word: "address" is no
                // "add"; the token at that place as the search finds it.)
                && msg.tokens.binary_search_by_key(&at, |t| t.fold_range().0).is_ok_and(|k| {
                    let (from, to) = msg.tokens[k].fold_range();
                    msg.tokens[k].is_agent() && (to - from) as usize <= stem.len() + 3
                })
        });
        found |= u32::from(a) << i;
        a
    };
    // "Can I get my money back?" asks for a refund in other words (read
    // only for a refund, once).
    let mut money_back = None;
    let mut money_back = || {
        *money_back.get_or_insert_with(|| {
            (1..msg.tokens.len())
                .any(|k| msg.fold(k) == "back" && (k.saturating_sub(2)..k).any(|j| msg.fold(j) == "money"))
        })
    };
    // (The verb, by what follows it: "Could you book us a table"; not "The
    // book I ordered", the session's review.)
    let asks_verb = |verb: &str| {
        (0..msg.tokens.len().saturating_sub(1)).any(|k| {
            msg.tokens[k].is_agent()
                && msg.fold(k) == verb
                && matches!(
                    msg.fold(k + 1),
                    "us" | "me" | "a" | "an" | "the" | "my" | "our" | "it" | "this" | "in" | "two" | "one"
                )
        })
    };
    let n = reply.tokens.len();
    findings.retain(|f| {
        let Some(s) = f.span.filter(|_| f.cue == Cue::ExtraMile) else { return true };
        let (a, b) = (reply.token_at(s.start()), reply.token_at(s.end() - 1).min(n.saturating_sub(1)));
        // Said to be more ("I've also added a month's credit") it stays an
        // extra whatever the message says.
        let more = (a..=b).any(|k| matches!(reply.fold(k), "also" | "additionally" | "even"));
        // (Every deed ends in "ed" but "sent": a word that does not is not
        // looked for among them.)
        more || !(a..=b).any(|k| {
            let w = reply.fold(k);
            (w.ends_with("ed") || w == "sent")
                && DEEDS.iter().position(|d| d.0 == w).is_some_and(|i| {
                    let d = DEEDS[i];
                    asked_for(i)
                        || (d.0 == "refunded" && money_back())
                        // "Could you book us a table?" — "I've reserved a
                        // table" (the twelfth QA pass).
                        // (The verb itself: "booking ref 7HK2PQ" asks for
                        // nothing.)
                        || (d.0 == "reserved" && asks_verb("book"))
                        || (d.0 == "booked" && asks_verb("reserve"))
                })
        })
    });
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;
    use crate::Cue;

    #[test]
    fn the_fix_itself_is_no_extra() {
        // The eleventh QA pass.
        for text in [
            "Hi Ruth, you were charged twice, so I've refunded the duplicate payment.",
            "Hi Aisha, I'm so sorry it arrived broken. I've sent a replacement, due by Thursday.",
            "Hi Fatima, I've attached your statement for June.",
        ] {
            assert_clean(Cue::ExtraMile, text);
        }
        assert_flags(
            Cue::ExtraMile,
            "Hi Ruth, I've refunded the duplicate payment and ⟦I've also added⟧ a £10 credit.",
        );
        assert_flags(Cue::ExtraMile, "Hi Ruth, ⟦I've sent⟧ you a free cable too.");
        assert_flags(Cue::ExtraMile, "Hi Ruth, ⟦I've upgraded⟧ you to express delivery.");
        assert_flags(Cue::ExtraMile, "Hi Owen, ⟦I've added⟧ a £20 credit to cover the bank charges.");
        assert_flags(Cue::ExtraMile, "Hi Chloe, ⟦I've added⟧ a travel note so it won't happen again this trip.");
        assert_flags(Cue::ExtraMile, "Hi Amara, ⟦I've added⟧ a note so you aren't asked for the same ID again.");
        assert_flags(Cue::ExtraMile, "As a one-off, ⟦I've refunded⟧ the £89.");
        assert_flags(
            Cue::ExtraMile,
            "@customer Hi Declan, ⟦we've credited⟧ €15 to the account for the outage on the 3rd.",
        );
        // The session's review: favours in other words.
        for text in [
            "Hi Sam, ⟦I've booked⟧ you a taxi home at our expense.",
            "Hi Sam, ⟦I've added⟧ the protection bolt-on for you at no cost.",
            "Hi Sam, ⟦I've sent⟧ a spare charger on us.",
            "Hi Sam, ⟦I've refunded⟧ your ticket in full even though it was non-refundable.",
            "Hi Sam, ⟦I've refunded⟧ you in full and you can keep the item.",
        ] {
            assert_flags(Cue::ExtraMile, text);
        }
        for text in [
            "Sorry for the inconvenience, I've sent a replacement.",
            "Hi Sam, I've refunded the duplicate payment to your credit card.",
            "Hi Sam, the $86 charge was applied in error. I have credited the full amount.",
            "Hi Mohammed, I've refunded the double charge, and I promise this will never happen again.",
        ] {
            assert_clean(Cue::ExtraMile, text);
        }
    }

    /// The twelfth QA pass: our error told, the fix of a fraud, "that's on
    /// us", "happen to your account again", the matter asked about.
    #[test]
    fn errors_told_and_matters_asked_about_are_no_extra() {
        for text in [
            "Hi Aisha, I'm so sorry, we sent you the size 8 instead of the size 10 you ordered, and that's on us.",
            "Hi Aisha, we sent the wrong size and that's on us. A new pair ships today.",
            "Hi Hannah, you're not liable for the three card payments you didn't recognise: I've refunded all £218.40 today.",
            "Hi Helen, your direct debit was taken twice this month. I've refunded the duplicate £64 today, and I can promise you this won't ever happen to your account again.",
            "Dear Mr Hughes, thank you for your letter about the single person discount. I've applied the 25% discount from 1 April.",
        ] {
            assert_clean(Cue::ExtraMile, text);
        }
        assert_flags(Cue::ExtraMile, "Hi Sam, sorry for the wait. ⟦I've applied⟧ a 10% discount to your next order.");
        assert_flags(Cue::ExtraMile, "Hi Sam, ⟦I've sent⟧ a spare charger on us.");
        // The session's review: "it's on us" is at our expense; preventing a
        // repeat "to make sure" it doesn't happen again.
        assert_flags(Cue::ExtraMile, "Hi Aisha, ⟦I've added⟧ a month of Premium to your account, it's on us.");
        assert_flags(
            Cue::ExtraMile,
            "Hi Aisha, ⟦I've added⟧ a note to your account to make sure this doesn't happen again.",
        );
    }

    #[test]
    fn a_thing_sent_before_or_a_deed_asked_for_is_no_extra() {
        // The tenth QA pass.
        assert_clean(Cue::ExtraMile, "Hi Sam, the details are in the email we sent you on Monday.");
        assert_clean(Cue::ExtraMile, "Hi Sam, I've booked the appointment you asked for on Tuesday at 10 am.");
        assert_clean(Cue::ExtraMile, "Hi Sam, I've refunded the delivery charge, as you requested.");
        assert_flags(Cue::ExtraMile, "Hi Sam, ⟦I've also booked⟧ the appointment you asked for.");
        // The session's review.
        assert_flags(Cue::ExtraMile, "Hi Sam, ⟦I've added⟧ a free case to the order you asked for.");
        assert_flags(Cue::ExtraMile, "Hi Sam, ⟦I've upgraded⟧ it to next-day because you wanted it by Friday.");
        assert_flags(
            Cue::ExtraMile,
            "Hi Sam, ⟦I've refunded⟧ the delivery, as you requested, and added a voucher too.",
        );
        assert_flags(Cue::ExtraMile, "Hi Sam, ⟦I've waived⟧ the fee as you asked, and added a month free as well.");
        assert_flags(Cue::ExtraMile, "Hi Sam, as the email was late ⟦we sent⟧ a voucher too.");
        assert_flags(Cue::ExtraMile, "Hi Sam, ⟦I've upgraded⟧ your room; you asked about parking, and it's free.");
    }

    #[test]
    fn sent_again_or_included_in_a_plan_is_no_extra() {
        // The ninth QA pass.
        assert_clean(
            Cue::ExtraMile,
            "Hi Laura, I've attached the installation guide again. It's the same PDF from Monday, just in case it got lost.",
        );
        assert_clean(Cue::ExtraMile, "Hi Kwame, your plan includes roaming in Ghana at no extra cost.");
        // "again" of something else, or "the same" morning, takes nothing away.
        assert_flags(Cue::ExtraMile, "Sorry about that, and ⟦I've set⟧ up a usage alert so it can't happen again.");
        assert_flags(Cue::ExtraMile, "I've held two seats on the 7:10 departure the same morning ⟦at no extra cost⟧.");
        assert_flags(Cue::ExtraMile, "The crew can come this Saturday instead, and it's ⟦free of charge⟧.");
        // "the same" of something else (the reviewer's case).
        assert_flags(
            Cue::ExtraMile,
            "⟦I've upgraded⟧ you to express shipping ⟦at no extra cost⟧; tracking is in the same email.",
        );
    }

    #[test]
    fn flags_extra_mile_offers() {
        assert_flags(Cue::ExtraMile, "⟦I've also added⟧ a month of credit ⟦as a thank⟧-you.");
        assert_flags(Cue::ExtraMile, "Shipping is ⟦on the house⟧.");
    }

    /// What the customer asked for is no extra; what goes beyond it is
    /// (the eighth QA pass).
    #[test]
    fn a_deed_asked_for_is_no_extra() {
        let message = "I was charged twice. Can you refund the extra charge?";
        let got = cues_against(message, "Hi Priya, I've refunded the extra charge.");
        assert!(!got.iter().any(|(c, _)| *c == Cue::ExtraMile), "{got:?}");
        let got = cues_against(message, "Hi Priya, I've refunded the extra charge. I've also added a £10 credit.");
        let extras: Vec<&str> = got.iter().filter(|(c, _)| *c == Cue::ExtraMile).map(|(_, w)| w.as_str()).collect();
        assert_eq!(extras, ["I've also added"]);
        // Said to be more, whatever the message names (the reviewer's case).
        let got = cues_against("The app crashes when I add a card.", "Sorry! I've also added a month's credit.");
        assert!(got.contains(&(Cue::ExtraMile, "I've also added".to_string())), "{got:?}");
        let got = cues_against("The kettle broke. Can I get my money back?", "Hi Joe, I've refunded £34.99 today.");
        assert!(!got.iter().any(|(c, _)| *c == Cue::ExtraMile), "{got:?}");
        let got = cues_against("The app keeps crashing.", "Hi Priya, I've refunded this month's fee.");
        assert!(got.contains(&(Cue::ExtraMile, "I've refunded".to_string())), "{got:?}");
        // Booked in other words (the twelfth QA pass); a booking named is no
        // request to book.
        let got = cues_against("Could you book us a table on Saturday?", "Hi Claire, I've reserved a table for two.");
        assert!(!got.iter().any(|(c, _)| *c == Cue::ExtraMile), "{got:?}");
        let got = cues_against(
            "Booking ref 7HK2PQ. Are there pet-friendly cabins?",
            "Hi Sophie, there are, and I've reserved one for you at £45.",
        );
        assert!(got.contains(&(Cue::ExtraMile, "I've reserved".to_string())), "{got:?}");
    }

    #[test]
    fn allows_plain_statements() {
        assert_clean(Cue::ExtraMile, "Your order has shipped.");
        // A refusal of the extra (QA pass 7).
        assert_clean(
            Cue::ExtraMile,
            "Hi Meera, as this is your third late payment, we aren't able to waive the fee this time.",
        );
        assert_flags(Cue::ExtraMile, "Hi Meera, as a one-off, ⟦I've waived⟧ the fee this time.");
        // The fix itself is no extra (the eleventh QA pass).
        assert_clean(Cue::ExtraMile, "Hi, the coins were never delivered, so we've added them now.");
        assert_flags(Cue::ExtraMile, "Hi Priya, as it wasn't your fault ⟦I've waived⟧ the fee.");
    }

    #[test]
    fn deeds_are_told_cheaply() {
        // `drop_asked_for` looks among the deeds only for a word ending in
        // "ed" or "sent", and tries the stems only where a word starts,
        // which finds every match only if no two matches of a stem overlap:
        // no stem ends with a start of itself.
        for (deed, stem) in super::DEEDS {
            assert!(deed.ends_with("ed") || *deed == "sent", "{deed}");
            assert!((1..stem.len()).all(|n| !stem.ends_with(&stem[..n])), "{stem}");
        }
    }
}
