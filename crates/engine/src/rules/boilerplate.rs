//! `boilerplate`: stock phrases that sound indifferent.

use crate::context::Context;
use crate::cue::Cue;
use crate::document::Document;
use crate::finding::Finding;
use crate::lexicon::{p, pb, Phrase};
use crate::rules::{emit_table, T};

const SPECIFIC: &[&str] = &["I'm glad you reached out about this."];

pub(crate) const BOILERPLATE: &[Phrase] = &[
    pb(
        "your call|business|custom|feedback|satisfaction|email|message|inquiry|enquiry is|are important|valuable to us",
        SPECIFIC,
    ),
    p("we value your business|custom|patronage|loyalty|feedback|input"),
    p("valued customer|client|member"),
    p("don't|dont hesitate to"),
    p("do not hesitate to"),
    p("we strive to|for"),
    p("as per our policy|policies"),
    p("per our policy|policies"),
    pb("thank you for your patience and understanding", &["Thank you for bearing with us while we fixed this."]),
    pb("thank you for your understanding", &["Thank you for bearing with us while we fixed this."]),
    pb("thanks for your understanding", &["Thank you for bearing with us while we fixed this."]),
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
    emit_table(doc, T::Boilerplate, Cue::Boilerplate, &[T::Sarcasm], out);
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;
    use crate::Cue;

    #[test]
    fn flags_stock_phrases() {
        assert_flags(Cue::Boilerplate, "⟦Your call is important to us⟧.");
        assert_flags(Cue::Boilerplate, "Please ⟦do not hesitate to⟧ contact us.");
    }

    #[test]
    fn allows_specific_wording() {
        assert_clean(Cue::Boilerplate, "Your refund is important, so I've put it first in the queue.");
    }
}
