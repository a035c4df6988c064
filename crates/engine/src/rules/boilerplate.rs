//! `boilerplate`: stock phrases that sound indifferent.

use crate::context::Context;
use crate::cue::Cue;
use crate::document::{flag, gap, Document};
use crate::finding::Finding;
use crate::lexicon::{p, pb, Phrase};
use crate::rules::{emit_table, T};

const SPECIFIC: &[&str] = &["I'm glad you reached out about this."];
const BEARING: &[&str] = &["Thank you for bearing with us."];

pub(crate) const BOILERPLATE: &[Phrase] = &[
    pb(
        "your call|business|custom|feedback|satisfaction|email|message|inquiry|enquiry is|are important|valuable to us",
        SPECIFIC,
    ),
    // With a word more (the twelfth QA pass): "Your feedback is valued and
    // important to us", "your call is very important to us".
    pb(
        "your call|business|custom|feedback|satisfaction|email|message|inquiry|enquiry is|are valued|appreciated and important|valuable to us",
        SPECIFIC,
    ),
    pb(
        "your call|business|custom|feedback|satisfaction|email|message|inquiry|enquiry is|are very|really|extremely|incredibly important|valuable to us",
        SPECIFIC,
    ),
    p("we value your business|custom|patronage|loyalty|feedback|input"),
    p("valued customer|client|member"),
    p("don't|dont hesitate to"),
    p("do not hesitate to"),
    p("we strive to|for"),
    // Whoever's policy it is: "as per our policy", "per company policy",
    // "as per bank policy" (found by QA); not a rate ("£100 per policy",
    // "two claims per policy year") nor the customer's cover ("as per your
    // policy, accidental damage is covered").
    p("as per our|the|company|company's|bank|store? policy|policies"),
    p("per our|company|company's|bank|store policy|policies"),
    pb("thank you for your patience and understanding", BEARING),
    pb("thank you for your understanding", BEARING),
    pb("thanks for your understanding", BEARING),
    pb(
        "experiencing a|an? high|higher|heavy|unusually|large|increased volume|volumes|number|demand",
        &["We're busier than usual, so here's exactly when you'll hear from us:"],
    ),
    pb(
        "higher|heavier than normal|usual volume|volumes|demand",
        &["We're busier than usual, so here's exactly when you'll hear from us:"],
    ),
    pb(
        "our agents|representatives|advisors|advisers are busy|currently",
        &["We're busier than usual, so here's exactly when you'll hear from us:"],
    ),
    p("we take your|this concern|concerns|feedback|complaint seriously|very"),
    p("we take all complaints|concerns|feedback seriously"),
    p("this email|message|mailbox is not monitored"),
];

pub(crate) fn check(doc: &Document, _ctx: &Context, out: &mut Vec<Finding>) {
    // (Made at the end of `out` and fixed there: no list of their own.)
    let from = out.len();
    emit_table(doc, T::Boilerplate, Cue::Boilerplate, &[T::Sarcasm], out);
    // The better phrasings are whole sentences: they replace a stock
    // phrase that is its sentence (with its stop), and nothing inside
    // one ("your call is important to us and we'll reply ...").
    for f in &mut out[from..] {
        let Some(span) = f.span else { continue };
        let (first, last) = (doc.token_at(span.start()), doc.token_at(span.end() - 1));
        let sentence = doc.tokens[first].sentence;
        let whole = doc.tokens[first].is(flag::SENT_START)
            && doc.tokens.get(last + 1).is_none_or(|t| t.sentence != sentence)
            && !doc.tokens[last].gap_has(gap::QUESTION);
        if !whole {
            f.suggestions.clear();
        } else if doc.text[span.end()..].starts_with(['.', '!']) {
            f.span = Some(crate::span::Span::new(span.start(), span.end() + 1));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;
    use crate::Cue;

    #[test]
    fn flags_stock_phrases() {
        assert_flags(Cue::Boilerplate, "⟦Your call is important to us.⟧");
        assert_flags(Cue::Boilerplate, "⟦Your feedback is valued and important to us.⟧");
        assert_flags(Cue::Boilerplate, "⟦Your call is very important to us.⟧");
        assert_flags(Cue::Boilerplate, "Please ⟦do not hesitate to⟧ contact us.");
    }

    /// Citing policy as the reason is stock whoever's policy it is (the
    /// seventh QA pass's "as per bank policy").
    #[test]
    fn citing_anyones_policy_is_a_stock_phrase() {
        assert_flags(Cue::Boilerplate, "Hi Sam, ⟦as per bank policy⟧ we cannot refund this fee.");
        assert_flags(Cue::Boilerplate, "⟦Per company policy⟧, opened items are not refunded.");
        assert_flags(Cue::Boilerplate, "⟦As per our policy⟧, refunds take 5 days.");
        assert_flags(Cue::Boilerplate, "⟦As per policy⟧, refunds take 5 days.");
        assert_clean(Cue::Boilerplate, "Our policy covers accidental damage, so I've booked the repair.");
        assert_clean(Cue::Boilerplate, "Hi Sam, the excess is £100 per policy, not per claim.");
        assert_clean(Cue::Boilerplate, "Hi Sam, as per your policy, accidental damage is covered.");
    }

    #[test]
    fn a_better_sentence_replaces_only_a_whole_sentence() {
        assert_suggests(
            Cue::Boilerplate,
            None,
            "Hi. ⟦Your call is important to us.⟧",
            "I'm glad you reached out about this.",
        );
        assert_suggests(
            Cue::Boilerplate,
            None,
            "⟦Thank you for your understanding!⟧ Bye.",
            "Thank you for bearing with us.",
        );
        let report = crate::analyze(
            "Hi Priya, your call is important to us and we'll reply within 24 hours.",
            &crate::Context::default(),
        );
        let f = report.findings.iter().find(|f| f.cue == Cue::Boilerplate).expect("boilerplate");
        assert!(f.suggestions.is_empty(), "{f:?}");
    }

    #[test]
    fn allows_specific_wording() {
        assert_clean(Cue::Boilerplate, "Your refund is important, so I've put it first in the queue.");
    }
}
