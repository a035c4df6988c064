//! `demand` and `polite-request`: asking the customer to do something.

use crate::context::Context;
use crate::cue::Cue;
use crate::document::{flag, Document};
use crate::finding::Finding;
use crate::lexicon::{p, pb, pn, Phrase};
use crate::rules::{emit_table, T};

const ASK: &[&str] = &["Could you please"];

const SHUT_OUT: &str =
    "Telling the customer not to get in touch shuts them out. Say what you can't do, and where they can turn instead.";

pub(crate) const DEMAND: &[Phrase] = &[
    pb("you need|needs to", ASK),
    pb("you must", ASK),
    pb("you have|has to", ASK),
    pb("you are required to", ASK),
    pb("you're required to", ASK),
    pb("i|we need you to", ASK),
    pb("i|we require you to", ASK),
    pb("i|we expect you to", ASK),
    pb("i|we insist", &["We'd ask that you"]),
    pb("do it|this|that now|immediately|today", &["Could you do this today?"]),
    pb("you just need|have to", ASK),
    pb("do as i|we say|said|asked", ASK),
    pb("i|we demand", &["We'd ask that you"]),
    pb("it's mandatory|compulsory", &["We'd ask that you"]),
    pb("it is mandatory|compulsory", &["We'd ask that you"]),
    // Shutting the customer out: "Don't contact us again".
    pn("don't|dont contact|call|email|message|write|ring|chase|bother us|me again|anymore|further", SHUT_OUT, &[]),
    pn("do not contact|call|email|message|write|ring|chase|bother us|me again|anymore|further", SHUT_OUT, &[]),
];

pub(crate) const POLITE: &[Phrase] = &[
    p("please"),
    p("pls|plz"),
    p("could|would|can you please|kindly?"),
    p("would you mind"),
    p("if you don't|dont mind"),
    p("if you could|would"),
    p("when you get|have a chance|moment|minute"),
    p("at your convenience"),
    p("whenever convenient|suits"),
    p("would it be possible"),
    p("kindly"),
    p("do you mind"),
    p("may i|we ask"),
];

/// Verbs that, opening a sentence without please, order the customer about.
const ORDERS: &[&str] = &[
    "send", "provide", "give", "reply", "respond", "submit", "stop", "fill", "answer", "confirm", "pay", "return",
    "explain", "tell", "forward", "call", "email", "resend", "attach", "upload", "read", "share",
];

pub(crate) fn check(doc: &Document, ctx: &Context, out: &mut Vec<Finding>) {
    let mut last_order: Option<crate::span::Span> = None;
    for &hit in crate::rules::distinct_hits(doc, T::Demand).iter() {
        let first = hit.first as usize;
        // "I can do it today", "we'll do it now": a bare verb someone
        // already does, not an order (an order opens its clause: "Just do
        // it today", "then do it now").
        let bare_verb = doc.fold(first) == "do";
        let someone_does = bare_verb
            && first > 0
            && doc.tokens[first - 1].sentence == doc.tokens[first].sentence
            && !doc.tokens[first - 1].gap_has(crate::document::gap::CLAUSE)
            && !matches!(doc.fold(first - 1), "just" | "now" | "so" | "then" | "and" | "please" | "simply");
        if doc.any_hit_overlaps(T::Sarcasm, hit.span)
            || doc.any_hit_overlaps(T::Blame, hit.span)
            || someone_does
            || !is_order(doc, first, hit.last as usize)
        {
            continue;
        }
        let phrase = crate::rules::phrase(&hit, T::Demand);
        let mut f = Finding::new(Cue::Demand, Some(hit.span)).with_message(phrase.note);
        // "You need to send the receipt." becomes "Could you please send the
        // receipt?": the request covers the sentence, so it ends with "?".
        // One request per sentence: "you need to log in, and then you need
        // to click Billing" is one order in two steps.
        // (Hits are in text order: the last one's span is the one to check.)
        if last_order.is_some_and(|s: crate::span::Span| s.contains(hit.span)) {
            continue;
        }
        if let Some(rest) = rest_of_sentence(doc, hit.last as usize + 1, first) {
            if phrase.better.first() == Some(&ASK[0]) {
                // "..., and then you need to click Billing" asks on: "...,
                // and then click Billing?".
                let asked = rest.question(&crate::rules::fit_case(doc, first, ASK[0]));
                let asked = ["you need to ", "you have to ", "you must "].iter().fold(asked, |a, d| {
                    ["and then ", ", then ", "and also ", ", and "]
                        .iter()
                        .fold(a, |a, lead| a.replace(&format!("{lead}{d}"), lead))
                });
                f = Finding::new(Cue::Demand, Some(rest.span)).with_message(phrase.note).with_suggestions([asked]);
            } else {
                f = f.with_suggestions(phrase.better.iter().map(|b| crate::rules::fit_case(doc, first, b)));
            }
        }
        last_order = f.span;
        out.push(f);
    }
    // (Made at the end of `out` and weeded there, `rules::retain_from`.)
    let from = out.len();
    emit_table(doc, T::Polite, Cue::PoliteRequest, &[T::Sarcasm, T::Boilerplate], out);
    // "Please know that ..." informs; it asks nothing. "Why would you
    // ...?" reproaches.
    crate::rules::retain_from(out, from, |f| {
        f.cue != Cue::PoliteRequest
            || f.span.is_none_or(|s| {
                let k = doc.token_at(s.start());
                let informs =
                    doc.fold(k) == "please" && k + 1 < doc.tokens.len() && matches!(doc.fold(k + 1), "know" | "be");
                let reproaches = doc.fold(k) == "would"
                    && k > 0
                    && doc.fold(k - 1) == "why"
                    && doc.tokens[k - 1].sentence == doc.tokens[k].sentence;
                // "Thank you kindly" thanks; it asks nothing (the twelfth QA
                // pass).
                let thanks = doc.fold(k) == "kindly"
                    && k > 0
                    && doc.tokens[k - 1].sentence == doc.tokens[k].sentence
                    && matches!(doc.fold(k - 1), "you" | "thanks" | "thank")
                    && (doc.fold(k - 1) != "you" || k > 1 && doc.fold(k - 2) == "thank");
                // "would you like me to switch you?" offers; it asks the
                // customer to do nothing (the fifteenth QA pass).
                let offers = doc.fold(k) == "would"
                    && k + 3 < doc.tokens.len()
                    && doc.fold(k + 1) == "you"
                    && doc.fold(k + 2) == "like"
                    && matches!(doc.fold(k + 3), "me" | "us");
                !informs && !reproaches && !thanks && !offers
            })
    });
    // Bare imperatives: "Send us the receipt."
    let tokens = &doc.tokens;
    for (i, t) in tokens.iter().enumerate() {
        // (By the bit of the word's key first, a branch that nearly every
        // word takes the same way; the place only then, and the comma
        // before read only then: a branch on the place goes either way
        // with the text, which the processor cannot foresee on a draft it
        // has not seen, and a place carried along from word to word was
        // tested first by the compiler, as the cheaper test.)
        if !ORDER_KEYS.may_hold(t.key) {
            continue;
        }
        // A sentence's first word, or the first after a greeting and its
        // comma at the sentence's start ("Hi Priya, send us a photo") or
        // after the customer's name ("Arjun, send me the receipt"). Read
        // from the sentence alone: this rule runs chunk by chunk and knows
        // nothing of the draft's greeting.
        let sentence_start = t.is(flag::SENT_START);
        let after_comma = i > 0 && tokens[i - 1].gap_has(crate::document::gap::COMMA);
        if sentence_start || after_comma {
            bare_order_at(doc, ctx, i, sentence_start, out);
        }
    }
}

/// The keys of the verbs of an order: most words that open a sentence or
/// follow a comma are no order, and the list is compared only for the few
/// whose bit is set.
const ORDER_KEYS: crate::hash::KeyBloom = crate::hash::KeyBloom::of(&[ORDERS]);

/// A bare imperative at token `i`, a sentence's first word
/// (`sentence_start`) or the first after a comma. Kept out of the loop
/// over the tokens, which passes most words over by their flags alone:
/// inlined there, its reads cost every word register spills.
#[inline(never)]
fn bare_order_at(doc: &Document, ctx: &Context, i: usize, sentence_start: bool, out: &mut Vec<Finding>) {
    // (Its key's bit is set: see the loop calling.)
    let t = &doc.tokens[i];
    if !t.is_agent() || !crate::words::among(ORDERS, doc.fold(i)) {
        return;
    }
    let opens = sentence_start || after_greeting(doc, i) || after_vocative(doc, ctx, i);
    if opens {
        order_at(doc, i, out);
    }
}

/// Whether token `i`, after a comma, follows a greeting that opens its
/// sentence ("Hi Priya, ...", "Hello there, ...").
fn after_greeting(doc: &Document, i: usize) -> bool {
    // The sentence's start within four words back, by its flag alone: most
    // commas stand further into their sentence.
    let Some(s) = (i.saturating_sub(4)..i).rev().find(|&k| doc.tokens[k].is(flag::SENT_START)) else {
        return false;
    };
    crate::words::among(crate::document::GREETING_WORDS, doc.fold(s))
        && (s..i - 1).all(|k| !doc.tokens[k].gap_has(crate::document::gap::CLAUSE))
}

/// Whether token `i`, after a comma, follows the customer's name opening
/// its sentence ("Arjun, send me the receipt", "Mrs Okafor, reply with
/// ..."): one to three capitalised words, each a part of the given name or
/// a title (not an interjection: "Awesome, send me ...", "Lovely, ...", the
/// reviewer found; with no name given, none is read as one).
fn after_vocative(doc: &Document, ctx: &Context, i: usize) -> bool {
    let Some(s) = (i.saturating_sub(3)..i).rev().find(|&k| doc.tokens[k].is(flag::SENT_START)) else {
        return false;
    };
    (s..i).all(|k| {
        let t = &doc.tokens[k];
        t.is_agent()
            && t.is(flag::CAP)
            && !t.is(flag::ALL_CAPS)
            && (k == i - 1 || !t.gap_has(crate::document::gap::CLAUSE))
            && !crate::words::among(crate::document::GREETING_WORDS, doc.fold(k))
            && crate::rules::name::names_customer(doc, ctx, k) == Some(true)
    })
}

/// A bare imperative at token `i`, a clause's first word: "Send us the
/// receipt."
fn order_at(doc: &Document, i: usize, out: &mut Vec<Finding>) {
    let t = &doc.tokens[i];
    if !t.is_agent() || !crate::words::among(ORDERS, doc.fold(i)) {
        return;
    }
    let softened = doc.tokens[i..].iter().enumerate().take_while(|(_, u)| u.sentence == t.sentence).any(|(k, _)| {
        matches!(doc.fold(i + k), "please" | "kindly" | "pls" | "plz" | "if" | "when" | "whenever" | "once" | "feel")
    });
    // "Call us anytime" and "reply here if" are offers, not orders;
    // "Read more here" points to a page.
    let next = doc.tokens.get(i + 1).filter(|u| u.sentence == t.sentence).map(|_| doc.fold(i + 1));
    let offer = matches!(next, Some("us" | "me" | "anytime" | "any"))
        && matches!(doc.fold(i), "call" | "email" | "reply" | "tell");
    let pointer = matches!(next, Some("more" | "about" | "on" | "through" | "here" | "this" | "the" | "our"))
        && doc.fold(i) == "read";
    // "Return labels are attached", "Email addresses are case-sensitive":
    // the word names a thing, the subject of the verb right after it.
    let noun = (i + 1..(i + 3).min(doc.tokens.len())).any(|k| {
        doc.tokens[k].sentence == t.sentence
            && !doc.tokens[k - 1].gap_has(crate::document::gap::CLAUSE)
            && matches!(doc.fold(k), "is" | "are" | "was" | "were")
    });
    // "Give it a try and keep us posted!" invites; it orders nothing.
    let invitation = doc.fold(i) == "give"
        && matches!(next, Some("it" | "this" | "that" | "them"))
        && i + 3 < doc.tokens.len()
        && doc.tokens[i + 3].sentence == t.sentence
        && doc.fold(i + 2) == "a"
        && matches!(doc.fold(i + 3), "try" | "go" | "shot" | "whirl" | "test");
    // "Send my regards to the team!" greets; it orders nothing.
    let greeting = matches!(doc.fold(i), "send" | "give" | "pass")
        && matches!(next, Some("my" | "our"))
        && i + 2 < doc.tokens.len()
        && matches!(
            doc.fold(i + 2),
            "regards" | "love" | "best" | "thanks" | "wishes" | "congratulations" | "condolences"
        );
    // "Share the code with a friend and you both get £10 off": an offer on
    // a condition, the customer's gain after "and you".
    // ("Stop calling us every hour and you'll see ..." threatens: the
    // session's review.)
    let on_offer = doc.fold(i) != "stop" && (i + 2..(i + 16).min(doc.tokens.len())).any(|k| {
        doc.tokens[k].sentence == t.sentence
            && doc.fold(k - 1) == "and"
            && matches!(doc.fold(k), "you" | "you'll" | "youll")
            && (k + 1..(k + 4).min(doc.tokens.len())).any(|j| {
                doc.tokens[j].sentence == t.sentence
                    // ("Give your phone a quick restart and you should see
                    // full bars": what the step brings, the eleventh QA pass.)
                    && matches!(
                        doc.fold(j),
                        "get" | "both" | "receive" | "save" | "earn" | "win" | "unlock" | "enjoy" | "see" | "notice" | "able"
                    )
            })
    });
    // "Could you try these steps? 1. Restart the router. 2. Send me the
    // code": a numbered step of a list asked for, not an order.
    // (The number is a list's: it opens its line or follows a colon, "2.
    // Send me the code", and a polite request for the steps comes first.)
    let listed = i > 1 && doc.tokens[i - 1].is(flag::NUMBER) && {
        let marker = doc.tokens[i - 1].is(flag::SENT_START)
            || doc.tokens[i - 2].gap_has(crate::document::gap::NEWLINE | crate::document::gap::COLON);
        let polite = doc.hits(T::Polite);
        let from = polite.partition_point(|h| (h.last as usize) + 40 < i);
        marker && polite.get(from).is_some_and(|h| (h.first as usize) < i)
    };
    // "Reply STOP to opt out", "Text YES to confirm": a keyword for an
    // automated service, the standard way to say how (the eighth QA pass).
    // (The keyword in capitals, then what it does: "to opt out"; not "send
    // ID proof", "reply ASAP with".)
    // (A one-letter or one-digit keyword too: "Reply C to cancel", "Press
    // 1 to confirm", the twelfth QA pass.)
    let keyword = || {
        matches!(doc.fold(i), "reply" | "text" | "send" | "type" | "enter" | "sms" | "press")
            && doc.tokens.get(i + 1).is_some_and(|u| {
                u.sentence == t.sentence
                    && ((u.is(flag::ALL_CAPS) && u.span.len() >= 2)
                        || (u.span.len() == 1 && doc.text.as_bytes()[u.span.start()].is_ascii_uppercase())
                        || (u.span.len() <= 2 && doc.text.as_bytes()[u.span.start()].is_ascii_digit()))
            })
            && doc.tokens.get(i + 2).is_some_and(|u| u.sentence == t.sentence)
            && doc.fold(i + 2) == "to"
    };
    // "Call 0300 123 4567 to rebook", "Reply to this email to cancel it":
    // how to take an option the customer may want, as "Call us on ... to
    // rebook" is (the same pass).
    let option = || {
        (i + 1..(i + 12).min(doc.tokens.len())).take_while(|&k| doc.tokens[k].sentence == t.sentence).any(|k| {
            doc.fold(k - 1) == "to"
                && k >= i + 3
                && matches!(
                    doc.fold(k),
                    "cancel" | "rebook" | "reschedule" | "unsubscribe" | "opt" | "amend" | "manage" | "change"
                )
        }) && !(i + 1..(i + 12).min(doc.tokens.len())).any(|k| doc.fold(k) == "with")
            && (matches!(doc.fold(i), "call" | "ring" | "phone" | "text")
                && doc.tokens.get(i + 1).is_some_and(|u| u.is(flag::NUMBER))
                || doc.fold(i) == "reply")
    };
    if softened
        || offer
        || pointer
        || noun
        || invitation
        || greeting
        || on_offer
        || listed
        || next.is_none()
        || keyword()
        || option()
    {
        return;
    }
    let Some(mut rest) = rest_of_sentence(doc, i, i) else { return };
    rest.head = lower_first(&rest.head);
    let whole = lower_first(&rest.whole);
    out.push(
        Finding::new(Cue::Demand, Some(rest.span))
            .with_message("A bare instruction can sound like an order. Adding please, or asking, makes it a request.")
            .with_suggestions(if t.is(flag::SENT_START) {
                [rest.question("Could you please"), format!("Please {whole}.")]
            } else {
                // After the greeting's comma: "Hi Beth, could you please ...?"
                [rest.question("could you please"), format!("please {whole}.")]
            }),
    );
}

/// Whether the demand phrase at tokens `first..=last` orders the customer
/// about: not in a condition ("if you need to ..."), not a relative clause
/// ("the steps you need to take"), not a requirement ("you must have access").
fn is_order(doc: &Document, first: usize, last: usize) -> bool {
    let sentence = doc.tokens[first].sentence;
    // (At most 40 words back: one endless sentence stays linear.)
    let clause_start = (first.saturating_sub(40)..first)
        .rev()
        .take_while(|&k| doc.tokens[k].sentence == sentence && !doc.tokens[k].gap_has(crate::document::gap::COMMA))
        .last()
        .unwrap_or(first);
    let conditional = (clause_start..first).any(|k| {
        matches!(
            doc.fold(k),
            "if" | "when"
                | "whether"
                | "unless"
                | "once"
                | "whenever"
                | "where"
                | "what"
                | "how"
                | "which"
                | "that"
                | "before"
                | "after"
                | "until"
        )
    });
    let relative = first > 0
        && doc.fold(first).starts_with("you")
        && doc.tokens[first - 1].sentence == sentence
        && !doc.tokens[first - 1].gap_has(crate::document::gap::COMMA | crate::document::gap::COLON)
        && doc.tokens[first - 1].is(flag::ALPHA)
        && !matches!(
            doc.fold(first - 1),
            "so" | "and"
                | "then"
                | "but"
                | "now"
                | "also"
                | "just"
                | "really"
                | "still"
                | "first"
                | "please"
                | "simply"
                | "definitely"
        );
    let requirement = is_requirement(doc, last);
    // "I'm afraid you have to contact ...", "Unfortunately, you'll need to
    // ...": a constraint told with regret, not an order.
    let regretted = (first.saturating_sub(40)..first)
        .rev()
        .take_while(|&k| doc.tokens[k].sentence == sentence)
        .any(|k| matches!(doc.fold(k), "afraid" | "unfortunately" | "sadly" | "regrettably"));
    let requirement = requirement || regretted;
    let quoted = doc.inline_quotes.iter().any(|q| q.contains(doc.tokens[first].span));
    !(conditional || relative || requirement || quoted)
}

/// Whether the words after the demand phrase ending at token `last` state
/// a precondition, a state the customer must be in ("you need to be able to
/// sign in to see it", "you have to be logged in", "you need to have an
/// account"), which informs; not an act asked of them ("you need to send",
/// "you need to be patient"). After "must", any "be" or "have" (the
/// original reading: "you must have access").
fn is_requirement(doc: &Document, last: usize) -> bool {
    // Past an adverb: "you are required to either have access to ...".
    let mut last = last;
    while last + 1 < doc.tokens.len()
        && doc.tokens[last + 1].sentence == doc.tokens[last].sentence
        && matches!(doc.fold(last + 1), "either" | "also" | "still" | "already" | "first" | "always")
    {
        last += 1;
    }
    let next = |k: usize| {
        let i = last + k;
        (i < doc.tokens.len() && doc.tokens[i].sentence == doc.tokens[last].sentence).then(|| doc.fold(i))
    };
    match next(1) {
        Some("have" | "own" | "hold") => true,
        Some("be") if doc.fold(last) == "must" => true,
        Some("be") => matches!(
            next(2),
            Some(
                "able"
                    | "logged"
                    | "signed"
                    | "registered"
                    | "verified"
                    | "eligible"
                    | "enrolled"
                    | "subscribed"
                    | "authorized"
                    | "authorised"
                    | "connected"
                    | "over"
                    | "aged"
                    | "at"
                    | "a"
                    | "an"
                    | "the"
                    | "on"
                    | "in"
                    | "within"
                    | "using"
            )
        ),
        _ => false,
    }
}

/// What a demand's sentence becomes as a request: the span it replaces,
/// from the demand to the sentence's end (with a closing "." or "!", not
/// "?"); the words of the request (`head`); and a clause of ours after it
/// that the request is not ("... and we'll match it"), as its own sentence.
struct Rest {
    span: crate::span::Span,
    /// From the words after the demand (with a comma set off after it,
    /// ", as I said, fill in the form") to the end or the clause of ours.
    head: String,
    /// "We'll match it", capitalised, without its stop.
    tail: Option<String>,
    /// The whole sentence from `from`, for "Please ...".
    whole: String,
}

impl Rest {
    /// "Could you please <head>?", and the clause of ours after it.
    fn question(&self, ask: &str) -> String {
        let sep = if self.head.starts_with(',') { "" } else { " " };
        // "confirm your date of birth, please" asked with "please" already:
        // the trailing one goes ("could you please confirm your date of
        // birth?", not "..., please?").
        let head = if ask.to_lowercase().contains("please") {
            let h = self.head.trim_end();
            let lower = h.to_lowercase();
            match lower.strip_suffix("please") {
                Some(rest) if rest.ends_with(", ") || rest.ends_with(' ') => {
                    h[..rest.len()].trim_end_matches([',', ' '])
                }
                _ => h,
            }
        } else {
            self.head.as_str()
        };
        match &self.tail {
            Some(tail) => format!("{ask}{sep}{head}? {tail}."),
            None => format!("{ask}{sep}{head}?"),
        }
    }
}

/// The rest of the sentence from token `from` (see [`Rest`]), the span
/// starting at token `start`. Links and addresses in the sentence are part
/// of it ("email returns@example.com with your receipt").
fn rest_of_sentence(doc: &Document, from: usize, start: usize) -> Option<Rest> {
    let mut sentence = doc.tokens.get(from)?.sentence;
    let mut last = from;
    // (A request longer than 30 words gets no rewrite: stop reading there.)
    while let Some(next) = doc.tokens.get(last + 1).filter(|_| last - from <= 31) {
        // A dot inside a link ends a sentence of the tokenizer's
        // ("returns@example.com"); the sentence goes on after the link.
        let in_link = next.is(flag::LINK)
            && doc.tokens[last].is(flag::LINK)
            && !doc.text[doc.tokens[last].span.end()..next.span.start()].contains(char::is_whitespace);
        if in_link {
            sentence = next.sentence;
        } else if next.sentence != sentence || !(next.is_agent() || next.is(flag::LINK)) {
            break;
        }
        last += 1;
    }
    // A link that ends the sentence follows the request; it is not part of
    // it ("Reset it here: https://..."), unless the request names it as
    // its object ("Send it to verify@example.com").
    let mut link_from = last;
    while link_from > from && doc.tokens[link_from].is(flag::LINK) {
        link_from -= 1;
    }
    let object = link_from < last
        && matches!(doc.fold(link_from), "to" | "at" | "via" | "on" | "from" | "into")
        && doc.text[doc.tokens[link_from].span.end()..doc.tokens[link_from + 1].span.start()]
            .bytes()
            .all(|b| b == b' ');
    if !object {
        last = link_from;
    }
    // A sentence cut inside a word ("visit example.com/reset", "a link
    // https://...") has no end a request could take its place up to.
    let cut_inside = doc.tokens.get(last + 1).is_some_and(|t| {
        t.sentence != sentence && !doc.text[doc.tokens[last].span.end()..t.span.start()].contains(char::is_whitespace)
    });
    let quoted_next = doc.tokens.get(last + 1).is_some_and(|t| t.sentence == sentence && !t.is(flag::LINK));
    if doc.tokens[last].gap_has(crate::document::gap::QUESTION) || last - from > 30 || cut_inside || quoted_next {
        return None;
    }
    let mut words_end = doc.tokens[last].span.end();
    // A bracket opened in the request closes in it: "(it starts with LT)".
    let opened = |t: &str| t.bytes().filter(|&b| b == b'(').count() > t.bytes().filter(|&b| b == b')').count();
    if opened(&doc.text[doc.tokens[from].span.start()..words_end]) && doc.text[words_end..].starts_with(')') {
        words_end += 1;
    }
    // ", as I said, fill in": the comma after the demand stays with the request.
    let opening =
        if from > start { doc.text[doc.tokens[from - 1].span.end()..doc.tokens[from].span.start()].trim() } else { "" };
    let lead = if opening == "," { "," } else { "" };
    // A request shouted in capitals is rewritten in ordinary case: "YOU
    // NEED TO SEND THE FORM" asks "Could you please send the form?".
    let whole = uncap(&doc.text[doc.tokens[from].span.start()..words_end]);
    // "... and we'll match it": our own doing, after the request.
    // (Also after a condition set off by commas: "and, as long as it's
    // the same model, we'll refund the difference".)
    let we = |k: usize| matches!(doc.fold(k), "we'll" | "i'll" | "we" | "i") && !doc.tokens[k].is(flag::LINK);
    let ours = (from + 1..last).find(|&k| {
        doc.fold(k) == "and"
            && (we(k + 1)
                || (doc.tokens[k].gap_has(crate::document::gap::COMMA)
                    && (k + 2..(k + 14).min(last))
                        .any(|j| doc.tokens[j - 1].gap_has(crate::document::gap::COMMA) && we(j))))
    });
    let (head, tail) = match ours {
        Some(k) => {
            let mut head_end = doc.tokens[k - 1].span.end();
            if opened(&doc.text[doc.tokens[from].span.start()..head_end]) && doc.text[head_end..].starts_with(')') {
                head_end += 1;
            }
            let head = uncap(&doc.text[doc.tokens[from].span.start()..head_end]);
            let tail = &uncap(&doc.text[doc.tokens[k + 1].span.start()..words_end]);
            let mut c = tail.chars();
            let tail = c.next().map(|f| f.to_uppercase().chain(c).collect::<String>());
            (head, tail)
        }
        None => (whole.clone(), None),
    };
    let head = if lead.is_empty() { head } else { format!("{lead} {head}") };
    let mut end = words_end;
    if doc.text[end..].starts_with(['.', '!']) {
        end += 1;
    }
    Some(Rest { span: crate::span::Span::new(doc.tokens[start].span.start(), end), head, tail, whole })
}

/// `s` in lower case (but "I") when it is written all in capitals, as it
/// is otherwise.
fn uncap(s: &str) -> String {
    let letters = s.chars().filter(|c| c.is_alphabetic()).count();
    if letters < 6 || s.chars().any(|c| c.is_lowercase()) {
        return s.to_string();
    }
    s.split(' ').map(|w| if w == "I" { w.to_string() } else { w.to_lowercase() }).collect::<Vec<_>>().join(" ")
}

fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) if !s.starts_with("I ") => f.to_lowercase().chain(c).collect(),
        _ => s.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use crate::context::Context;
    use crate::rules::testing::*;
    use crate::Cue;

    #[test]
    fn flags_an_order_after_the_greeting_and_shutting_the_customer_out() {
        assert_flags(Cue::Demand, "Hi Priya, ⟦send us a photo of the damage.⟧");
        assert_flags(Cue::Demand, "Hello there Priya, ⟦send us a photo of the damage.⟧");
        assert_clean(Cue::Demand, "Hi Priya, call us anytime.");
        // A noun first is no order: "return labels are attached".
        assert_clean(Cue::Demand, "Hi Sam, return labels are attached. Email addresses are case-sensitive.");
        assert_clean(Cue::Demand, "We checked, Priya, send is greyed out.");
        assert_flags(Cue::Demand, "⟦Don't contact us again⟧ about this order.");
        assert_flags(Cue::Demand, "Please ⟦do not contact us again⟧.");
        assert_clean(Cue::Demand, "If you don't contact us again, we close the ticket.");
        assert_clean(Cue::Demand, "Don't hesitate to contact us again.");
    }

    #[test]
    fn rewrites_read_right_after_the_greeting_and_with_please() {
        // Found by the fifth QA pass: no capital after the greeting's
        // comma, and no second "please".
        assert_suggests(
            Cue::Demand,
            None,
            "Hi Beth, ⟦share your booking reference and we'll check.⟧",
            "could you please share your booking reference? We'll check.",
        );
        assert_suggests(
            Cue::Demand,
            None,
            "Hi Beth, ⟦I need you to confirm your date of birth, please.⟧",
            "could you please confirm your date of birth?",
        );
    }

    /// A keyword for an automated service is how to use it, not an order
    /// (the eighth QA pass's "Reply STOP to opt out").
    #[test]
    fn a_keyword_to_send_is_no_order() {
        assert_clean(Cue::Demand, "Hi Aisha, your bill is £64.20, due 15 Dec. Reply STOP to opt out.");
        assert_clean(Cue::Demand, "Text YES to confirm your appointment.");
        assert_flags(Cue::Demand, "⟦Reply to this email with the photo.⟧");
        assert_flags(Cue::Demand, "Hi Sam, ⟦send ID proof by Friday.⟧");
        // The twelfth QA pass: a one-letter or one-digit keyword, and how to
        // take an option the customer may want.
        assert_clean(
            Cue::Demand,
            "Hi Robert, your flu jab is booked for Thu 10 Oct at 9:20 am at the Elm Street clinic. Reply C to cancel.",
        );
        assert_clean(Cue::Demand, "Press 1 to confirm your slot.");
        assert_clean(Cue::Demand, "Hi Robert, your slot is Monday. Call 0300 123 4567 to rebook.");
        assert_clean(Cue::Demand, "Hi Robert, your slot is Monday. Reply to this email to cancel it.");
        assert_flags(Cue::Demand, "Hi Robert, ⟦call 0300 123 4567 today.⟧");
        assert_flags(Cue::Demand, "⟦Reply A or B.⟧");
        // Asking for what the option needs stays an order (the session's
        // review).
        assert_flags(Cue::Demand, "Hi Robert, ⟦reply with your new address to change the delivery.⟧");
        // "Thank you kindly" asks nothing.
        assert_clean(Cue::PoliteRequest, "Dear Ms Tanaka, thank you kindly for letting us know.");
        assert_flags(Cue::PoliteRequest, "Dear Ms Tanaka, ⟦kindly⟧ send the form.");
    }

    #[test]
    fn flags_demands() {
        assert_flags(Cue::Demand, "⟦You need to send the receipt.⟧");
        assert_flags(Cue::Demand, "⟦Send the receipt today.⟧");
        assert_suggests(Cue::Demand, None, "⟦Send the receipt today.⟧", "Could you please send the receipt today?");
        assert_suggests(Cue::Demand, None, "Hi. ⟦You need to send the receipt.⟧", "Could you please send the receipt?");
        // The request covers the whole sentence, past a decimal point or a
        // dot in an address.
        assert_suggests(
            Cue::Demand,
            None,
            "Hi Priya, ⟦you need to pay the balance of $49.99 by Friday.⟧",
            "could you please pay the balance of $49.99 by Friday?",
        );
        assert_suggests(
            Cue::Demand,
            None,
            "⟦You have to update the app to version 4.2 for this to work.⟧",
            "Could you please update the app to version 4.2 for this to work?",
        );
        // Cut inside an address, the sentence has no end to rewrite up to.
        let report = crate::analyze("You need to visit example.shop/reset and follow the steps.", &Context::default());
        let demand = report.findings.iter().find(|f| f.cue == Cue::Demand).expect("a demand");
        assert_eq!(demand.suggestions, Vec::<String>::new());
        // A bare address the tokenizer knows for one is a link, part of the
        // request (the tenth QA pass).
        assert_suggests(
            Cue::Demand,
            None,
            "⟦You need to visit example.com/reset and follow the steps.⟧",
            "Could you please visit example.com/reset and follow the steps?",
        );
        assert_flags(Cue::Demand, "⟦Share the serial number of your laptop.⟧");
        // An address in the sentence is part of the request.
        assert_suggests(
            Cue::Demand,
            None,
            "Hi Priya, ⟦you need to email returns@example.com with your receipt.⟧",
            "could you please email returns@example.com with your receipt?",
        );
        assert_suggests(
            Cue::Demand,
            None,
            "Hi Priya, ⟦you need to fill in the form at https://example.com/returns before we can refund you.⟧",
            "could you please fill in the form at https://example.com/returns before we can refund you?",
        );
        // A comma set off after the demand stays.
        assert_suggests(
            Cue::Demand,
            None,
            "Hi Priya, ⟦you need to, as I said, fill in the form.⟧",
            "could you please, as I said, fill in the form?",
        );
        // The request is the customer's part; what we do after it is ours.
        assert_suggests(
            Cue::Demand,
            None,
            "We do! ⟦Send us a link to the cheaper listing and we'll match it.⟧",
            "Could you please send us a link to the cheaper listing? We'll match it.",
        );
        assert_suggests(
            Cue::Demand,
            None,
            "We do! ⟦Send us a link to the cheaper listing and we'll match it.⟧",
            "Please send us a link to the cheaper listing and we'll match it.",
        );
    }

    #[test]
    fn a_link_the_request_names_is_part_of_it() {
        assert_suggests(
            Cue::Demand,
            None,
            "Hi Fatima. ⟦Send it to verify@example.com.⟧",
            "Could you please send it to verify@example.com?",
        );
        assert_suggests(
            Cue::Demand,
            None,
            "Hi Fatima. ⟦Send us a photo via https://example.com/upload.⟧",
            "Please send us a photo via https://example.com/upload.",
        );
    }

    #[test]
    fn conditions_relative_clauses_and_pointers_are_not_demands() {
        assert_clean(Cue::Demand, "If you need to report an issue in Maps, use the form.");
        assert_clean(Cue::Demand, "Here are the steps you need to take.");
        // A precondition, stated as information: no request fits it.
        assert_clean(Cue::Demand, "Hi Sam, you need to be able to sign in to see the invoice.");
        assert_clean(Cue::Demand, "You have to be logged in as the account owner to change it.");
        assert_clean(Cue::Demand, "You need to have an admin role for that page.");
        assert_flags(Cue::Demand, "⟦You need to be patient.⟧");
        assert_clean(Cue::Demand, "To do that you must have access to your email.");
        assert_clean(Cue::Demand, "Read more about the requirement here: https://example.com/a");
        // Real replies' words: a requirement past an adverb, a constraint
        // told with regret, an invitation to try.
        assert_clean(
            Cue::Demand,
            "Therefore, you are required to either have access to the primary method, or one of the backup ones.",
        );
        assert_clean(Cue::Demand, "I'm afraid, you have to contact your regional HP Support to arrange a repair.");
        assert_clean(Cue::Demand, "Have you tried starting the download via PC? Give it a try and keep us posted!");
        assert_flags(Cue::Demand, "⟦Give us the order number.⟧");
        assert_flags(Cue::Demand, "⟦You are required to send the form today.⟧");
    }

    #[test]
    fn praises_requests_and_allows_softened_instructions() {
        // The eleventh QA pass: a step and what it brings.
        assert_clean(Cue::Demand, "Give your phone a quick restart and you should see full bars again.");
        assert_flags(Cue::Demand, "⟦Stop calling us every hour and you'll see how quickly this gets done.⟧");
        assert_flags(Cue::PoliteRequest, "⟦Could you please⟧ send the receipt?");
        // The fifteenth QA pass: an offer asks nothing of the customer.
        assert_clean(Cue::PoliteRequest, "I've found a plan for £8 less. Would you like me to switch you?");
        assert_flags(Cue::PoliteRequest, "⟦Would you⟧ send us a photo of the label?");
        assert_clean(Cue::Demand, "Please send the receipt when you can.");
        assert_clean(Cue::Demand, "Reply to this email if anything is unclear.");
    }

    #[test]
    fn an_offer_a_greeting_or_our_own_doing_is_no_order() {
        // Found by the sixth QA pass.
        assert_clean(Cue::Demand, "Hi Priya, I can do it today at no extra charge.");
        assert_clean(Cue::Demand, "Hi Priya, we'll do it today.");
        assert_flags(Cue::Demand, "Hi Priya, just ⟦do it today⟧.");
        assert_clean(Cue::Demand, "Hi Priya, send my regards to the team!");
        assert_clean(Cue::Demand, "Hi Priya, share the code with a friend and you both get £10 off.");
        assert_flags(Cue::Demand, "Hi Priya, ⟦share the code with your manager.⟧");
    }

    #[test]
    fn one_request_per_sentence_and_in_ordinary_case() {
        assert_suggests(
            Cue::Demand,
            None,
            "Hi Priya, ⟦you need to log in, and then you need to click Billing.⟧",
            "could you please log in, and then click Billing?",
        );
        assert_suggests(
            Cue::Demand,
            None,
            "⟦YOU NEED TO SEND THE FORM TODAY.⟧",
            "Could you please send the form today?",
        );
    }

    #[test]
    fn you_just_need_to_is_still_an_order() {
        assert_suggests(
            Cue::Demand,
            None,
            "Hi Priya, ⟦you just need to read the line items.⟧",
            "could you please read the line items?",
        );
    }

    #[test]
    fn only_the_repeated_order_leaves_the_rewrite() {
        assert_suggests(
            Cue::Demand,
            None,
            "Hi Priya, ⟦you need to tell us which items you need to return.⟧",
            "could you please tell us which items you need to return?",
        );
    }

    #[test]
    fn numbered_steps_brackets_and_conditions_found_by_the_seventh_qa_pass() {
        // A numbered step of a list asked for politely is no order.
        assert_clean(
            Cue::Demand,
            "Hi Sam, could you try these steps? 1. Restart the router. 2. Send me the result code it shows (it starts with LT).",
        );
        // Not a number that is no list's, nor a list that demands.
        assert_flags(
            Cue::Demand,
            "Hi Sam, could you check the amount on your statement? The total is 45. ⟦Pay it today or we'll close the account.⟧",
        );
        assert_flags(Cue::Demand, "⟦You must do the following: 1.⟧ ⟦Pay the outstanding fee.⟧ 2. ⟦Send us your ID.⟧");
        // A bracket opened in the request closes in it.
        assert_suggests(
            Cue::Demand,
            None,
            "Hi Sam, ⟦send me the result code it shows (it starts with LT).⟧",
            "could you please send me the result code it shows (it starts with LT)?",
        );
        assert_suggests(
            Cue::Demand,
            None,
            "Hi Sam, ⟦send me the result code (it starts with LT) and I'll check it.⟧",
            "could you please send me the result code (it starts with LT)? I'll check it.",
        );
        // What we do after a condition set off by commas is ours.
        assert_suggests(
            Cue::Demand,
            None,
            "Hi Dylan, ⟦send us a link to the TV and, as long as it's the same model, we'll refund the difference.⟧",
            "could you please send us a link to the TV? As long as it's the same model, we'll refund the difference.",
        );
    }

    #[test]
    fn an_order_after_the_customers_name_is_still_an_order() {
        // Session 24's QA pass: the customer's name opening the sentence,
        // then the order.
        assert_suggests(
            Cue::Demand,
            Some("Arjun Mehta"),
            "Thanks for getting in touch. Arjun, ⟦send me the receipt.⟧",
            "could you please send me the receipt?",
        );
        assert_flags_with(Cue::Demand, Some("Grace Okafor"), "Mrs Okafor, ⟦reply with your booking reference.⟧");
        // Softened, it is a request; an interjection is no name (the
        // reviewer's cases), nor is a name when none was given.
        assert_clean_with(Cue::Demand, Some("Priya Raman"), "Priya, feel free to send the receipt whenever suits you.");
        assert_clean_with(Cue::Demand, Some("Priya Raman"), "Lovely, send me the order number too.");
        assert_clean(Cue::Demand, "Awesome, send me the order number too.");
    }

    #[test]
    fn an_instruction_left_to_the_customers_time_is_no_order() {
        // Session 25's QA leftover: "whenever you're ready" leaves the
        // when to the customer, as "when you get a chance" does.
        assert_clean(Cue::Demand, "Thanks, Sam. Send it over whenever you're ready and I'll take a look.");
        assert_flags(Cue::Demand, "Thanks, Sam. ⟦Send it over and I'll take a look.⟧");
    }
}
