//! `negative-language` and `positive-language`: leading with what can't be
//! done versus what can.

use crate::cue::Cue;
use crate::document::Document;
use crate::lexicon::{p, pb, Phrase};
use crate::report::Finding;
use crate::rules::{emit_table, T};
use crate::Context;

const CAN: &[&str] = &["What I can do is"];

pub(crate) const NEGATIVE: &[Phrase] = &[
    pb("unfortunately", &["Right now,"]),
    pb("regrettably", &["Right now,"]),
    pb("i|we can't|cannot|cant", CAN),
    pb("i|we can not", CAN),
    pb("i|we am|are unable to", CAN),
    pb("i'm|we're|im unable to", CAN),
    pb("i|we won't|wont be able to", &["What we can do instead is"]),
    pb("i|we will not be able to", &["What we can do instead is"]),
    pb("not possible", &["The best option is"]),
    pb("impossible", &["The best option is"]),
    pb("we don't|dont allow|permit|accept|offer|support|provide|refund", &["What we offer is"]),
    pb("we do not allow|permit|accept|offer|support|provide|refund", &["What we offer is"]),
    pb("not allowed|permitted", &["What we offer is"]),
    pb("no way", &["The best option is"]),
    pb("there's nothing", &["Here's what I can do:"]),
    pb("there is nothing", &["Here's what I can do:"]),
    pb("we|i have no way|choice|option", &["Here's what I can do:"]),
    pb(
        "your request|claim|refund has|have|was|is been? denied|rejected|refused|declined",
        &["We weren't able to approve"],
    ),
    pb("we|i must|have to decline|deny|refuse|reject", &["We weren't able to approve"]),
    pb("against our|the policy|policies|rules", &["Our policy is"]),
];

pub(crate) const POSITIVE: &[Phrase] = &[
    p("happy|glad|delighted|pleased|thrilled|excited to"),
    p("my|our pleasure"),
    p("great|good|fantastic|wonderful|exciting news"),
    p("i'd|we'd love to"),
    p("i|we would love to"),
    p("absolutely"),
    p("of course"),
    p("certainly"),
    p("with pleasure"),
    p("i'm|we're|im glad|happy|pleased|delighted that|to|you"),
    p("the good news is"),
    p("you're|youre all set|sorted"),
    p("you are all set|sorted"),
    p("all set|sorted"),
    p("looking forward"),
    p("great question"),
    p("good question"),
    p("enjoy"),
];

pub(crate) fn check(doc: &Document, _ctx: &Context, out: &mut Vec<Finding>) {
    emit_table(doc, T::Negative, Cue::NegativeLanguage, &[T::Sarcasm, T::Deflection, T::Empathy, T::NotApology], out);
    emit_table(doc, T::Positive, Cue::PositiveLanguage, &[T::Sarcasm], out);
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;
    use crate::Cue;

    #[test]
    fn flags_negative_wording_and_offers_a_positive_one() {
        assert_flags(Cue::NegativeLanguage, "⟦Unfortunately⟧ ⟦we can't⟧ refund it.");
        assert_suggests(Cue::NegativeLanguage, None, "⟦We can't⟧ do that.", "What I can do is");
    }

    #[test]
    fn praises_positive_wording() {
        assert_flags(Cue::PositiveLanguage, "⟦I'm happy to⟧ help, and ⟦the good news is⟧ it's quick.");
        assert_clean(Cue::NegativeLanguage, "I'm happy to help.");
    }
}
