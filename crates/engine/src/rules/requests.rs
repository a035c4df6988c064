//! `demand` and `polite-request`: asking the customer to do something.

use crate::cue::Cue;
use crate::document::{flag, Document};
use crate::lexicon::{p, pb, Phrase};
use crate::report::Finding;
use crate::rules::{emit_table, T};
use crate::Context;

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
    "explain", "tell", "forward", "call", "email", "resend", "attach", "upload", "read",
];

pub(crate) fn check(doc: &Document, _ctx: &Context, out: &mut Vec<Finding>) {
    emit_table(doc, T::Demand, Cue::Demand, &[T::Sarcasm, T::Blame], out);
    emit_table(doc, T::Polite, Cue::PoliteRequest, &[T::Sarcasm, T::Boilerplate], out);
    // Bare imperatives: "Send us the receipt."
    for i in 0..doc.tokens.len() {
        let t = &doc.tokens[i];
        if !t.is(flag::SENT_START) || !t.is_agent() || !ORDERS.contains(&doc.fold(i)) {
            continue;
        }
        let softened =
            doc.tokens[i..].iter().enumerate().take_while(|(_, u)| u.sentence == t.sentence).any(|(k, _)| {
                matches!(doc.fold(i + k), "please" | "kindly" | "pls" | "plz" | "if" | "when" | "once" | "feel")
            });
        // "Call us anytime" and "reply here if" are offers, not orders.
        let next = doc.tokens.get(i + 1).filter(|u| u.sentence == t.sentence).map(|_| doc.fold(i + 1));
        let offer = matches!(next, Some("us" | "me" | "anytime" | "any"))
            && matches!(doc.fold(i), "call" | "email" | "reply" | "tell");
        if !softened && !offer && next.is_some() {
            let word = doc.word(i);
            out.push(
                Finding::new(Cue::Demand, Some(t.span))
                    .with_message(
                        "A bare instruction can sound like an order. Adding please, or asking, makes it a request.",
                    )
                    .with_suggestions([
                        format!("Could you please {}", word.to_lowercase()),
                        format!("Please {}", word.to_lowercase()),
                    ]),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;
    use crate::Cue;

    #[test]
    fn flags_demands() {
        assert_flags(Cue::Demand, "⟦You need to⟧ send the receipt.");
        assert_flags(Cue::Demand, "⟦Send⟧ the receipt today.");
        assert_suggests(Cue::Demand, None, "⟦Send⟧ the receipt today.", "Could you please send");
    }

    #[test]
    fn praises_requests_and_allows_softened_instructions() {
        assert_flags(Cue::PoliteRequest, "⟦Could you please⟧ send the receipt?");
        assert_clean(Cue::Demand, "Please send the receipt when you can.");
        assert_clean(Cue::Demand, "Reply to this email if anything is unclear.");
    }
}
