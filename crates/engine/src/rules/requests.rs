//! `demand` and `polite-request`: asking the customer to do something.

use crate::context::Context;
use crate::cue::Cue;
use crate::document::{flag, Document};
use crate::finding::Finding;
use crate::lexicon::{p, pb, Phrase};
use crate::rules::{emit_table, T};

const ASK: &[&str] = &["Could you please"];

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
    pb("do as i|we say|said|asked", ASK),
    pb("i|we demand", &["We'd ask that you"]),
    pb("it's mandatory|compulsory", &["We'd ask that you"]),
    pb("it is mandatory|compulsory", &["We'd ask that you"]),
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

pub(crate) fn check(doc: &Document, _ctx: &Context, out: &mut Vec<Finding>) {
    for hit in crate::rules::distinct_hits(doc, T::Demand) {
        let first = hit.first as usize;
        if doc.any_hit_overlaps(T::Sarcasm, hit.span)
            || doc.any_hit_overlaps(T::Blame, hit.span)
            || !is_order(doc, first, hit.last as usize)
        {
            continue;
        }
        let phrase = crate::rules::phrase(&hit, T::Demand);
        let mut f = Finding::new(Cue::Demand, Some(hit.span)).with_message(phrase.note);
        // "You need to send the receipt." becomes "Could you please send the
        // receipt?": the request covers the sentence, so it ends with "?".
        if let Some((span, rest)) = rest_of_sentence(doc, hit.last as usize + 1, first) {
            if phrase.better.first() == Some(&ASK[0]) {
                f = Finding::new(Cue::Demand, Some(span))
                    .with_message(phrase.note)
                    .with_suggestions([format!("{} {rest}?", crate::rules::fit_case(doc, first, ASK[0]))]);
            } else {
                f = f.with_suggestions(phrase.better.iter().map(|b| crate::rules::fit_case(doc, first, b)));
            }
        }
        out.push(f);
    }
    emit_table(doc, T::Polite, Cue::PoliteRequest, &[T::Sarcasm, T::Boilerplate], out);
    // "Please know that ..." informs; it asks nothing.
    out.retain(|f| {
        f.cue != Cue::PoliteRequest
            || f.span.is_none_or(|s| {
                let k = doc.token_at(s.start());
                !(doc.fold(k) == "please" && k + 1 < doc.tokens.len() && matches!(doc.fold(k + 1), "know" | "be"))
            })
    });
    // Bare imperatives: "Send us the receipt."
    for i in 0..doc.tokens.len() {
        let t = &doc.tokens[i];
        if !t.is(flag::SENT_START) || !t.is_agent() || !crate::words::among(ORDERS, doc.fold(i)) {
            continue;
        }
        let softened =
            doc.tokens[i..].iter().enumerate().take_while(|(_, u)| u.sentence == t.sentence).any(|(k, _)| {
                matches!(doc.fold(i + k), "please" | "kindly" | "pls" | "plz" | "if" | "when" | "once" | "feel")
            });
        // "Call us anytime" and "reply here if" are offers, not orders;
        // "Read more here" points to a page.
        let next = doc.tokens.get(i + 1).filter(|u| u.sentence == t.sentence).map(|_| doc.fold(i + 1));
        let offer = matches!(next, Some("us" | "me" | "anytime" | "any"))
            && matches!(doc.fold(i), "call" | "email" | "reply" | "tell");
        let pointer = matches!(next, Some("more" | "about" | "on" | "through" | "here" | "this" | "the" | "our"))
            && doc.fold(i) == "read";
        if softened || offer || pointer || next.is_none() {
            continue;
        }
        let Some((span, rest)) = rest_of_sentence(doc, i, i) else { continue };
        let rest = lower_first(&rest);
        out.push(
            Finding::new(Cue::Demand, Some(span))
                .with_message(
                    "A bare instruction can sound like an order. Adding please, or asking, makes it a request.",
                )
                .with_suggestions([format!("Could you please {rest}?"), format!("Please {rest}.")]),
        );
    }
}

/// Whether the demand phrase at tokens `first..=last` orders the customer
/// about: not in a condition ("if you need to ..."), not a relative clause
/// ("the steps you need to take"), not a requirement ("you must have access").
fn is_order(doc: &Document, first: usize, last: usize) -> bool {
    let sentence = doc.tokens[first].sentence;
    let clause_start = (0..first)
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

/// The text from token `from` to the end of its sentence, and the span from
/// token `start` to that end including a closing "." or "!" (but not "?").
fn rest_of_sentence(doc: &Document, from: usize, start: usize) -> Option<(crate::span::Span, String)> {
    let sentence = doc.tokens.get(from)?.sentence;
    let mut last = from;
    while last + 1 < doc.tokens.len() && doc.tokens[last + 1].sentence == sentence && doc.tokens[last + 1].is_agent() {
        last += 1;
    }
    // A sentence cut inside a word ("visit example.com/reset", "a link
    // https://...") has no end a request could take its place up to.
    let cut_inside = doc.tokens.get(last + 1).is_some_and(|t| {
        t.sentence != sentence && !doc.text[doc.tokens[last].span.end()..t.span.start()].contains(char::is_whitespace)
    });
    if doc.tokens[last].gap_has(crate::document::gap::QUESTION) || last - from > 30 || cut_inside {
        return None;
    }
    let words_end = doc.tokens[last].span.end();
    let rest = doc.text[doc.tokens[from].span.start()..words_end].to_string();
    let mut end = words_end;
    if doc.text[end..].starts_with(['.', '!']) {
        end += 1;
    }
    Some((crate::span::Span::new(doc.tokens[start].span.start(), end), rest))
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
        let report = crate::analyze("You need to visit example.com/reset and follow the steps.", &Context::default());
        let demand = report.findings.iter().find(|f| f.cue == Cue::Demand).expect("a demand");
        assert_eq!(demand.suggestions, Vec::<String>::new());
        assert_flags(Cue::Demand, "⟦Share the serial number of your laptop.⟧");
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
    }

    #[test]
    fn praises_requests_and_allows_softened_instructions() {
        assert_flags(Cue::PoliteRequest, "⟦Could you please⟧ send the receipt?");
        assert_clean(Cue::Demand, "Please send the receipt when you can.");
        assert_clean(Cue::Demand, "Reply to this email if anything is unclear.");
    }
}
