//! `negative-language` and `positive-language`: leading with what can't be
//! done versus what can.

use crate::context::Context;
use crate::cue::Cue;
use crate::document::Document;
use crate::finding::Finding;
use crate::lexicon::{p, Phrase};
use crate::rules::{emit_table, T};

pub(crate) const NEGATIVE: &[Phrase] = &[
    p("unfortunately"),
    p("regrettably"),
    p("i|we can't|cannot|cant"),
    p("i|we can not"),
    p("i|we am|are unable to"),
    p("i'm|we're|im unable to"),
    p("i|we won't|wont be able to"),
    p("i|we will not be able to"),
    p("not possible"),
    p("impossible"),
    p("we don't|dont allow|permit|accept|offer|support|provide|refund"),
    p("we do not allow|permit|accept|offer|support|provide|refund"),
    p("not allowed|permitted"),
    p("no way"),
    p("there's nothing"),
    p("there is nothing"),
    p("we|i have no way|choice|option"),
    p("your request|claim|refund has|have|was|is been? denied|rejected|refused|declined"),
    p("we|i must|have to decline|deny|refuse|reject"),
    p("against our|the policy|policies|rules"),
];

pub(crate) const POSITIVE: &[Phrase] = &[
    p("happy|glad|delighted|pleased|thrilled|excited to"),
    p("my|our pleasure"),
    p("great|good|fantastic|wonderful|exciting news"),
    p("i'd|we'd love to"),
    // Enthusiasm, not a refusal: "I can't wait to hear how you like it".
    p("i|we can't|cannot|cant wait"),
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
    // Reassurance, not a refusal: "there's nothing you need to do".
    p("there's|theres nothing more|else? you need|have to do"),
    p("there is nothing more|else? you need|have to do"),
    p("there's|theres nothing more|else? for you to do"),
    p("there is nothing more|else? for you to do"),
    p("there's|theres nothing to worry about"),
    p("there is nothing to worry about"),
];

pub(crate) fn check(doc: &Document, _ctx: &Context, out: &mut Vec<Finding>) {
    emit_table(
        doc,
        T::Negative,
        Cue::NegativeLanguage,
        &[T::Sarcasm, T::Deflection, T::Empathy, T::NotApology, T::Positive],
        out,
    );
    // "I cannot stress this enough", "we can't thank you enough": an
    // intensifier, not a refusal.
    out.retain(|f| f.cue != Cue::NegativeLanguage || f.span.is_none_or(|s| !intensifies(doc, s)));
    emit_table(doc, T::Positive, Cue::PositiveLanguage, &[T::Sarcasm], out);
}

/// Whether the negation at `span` is "can't <say> ... enough".
fn intensifies(doc: &Document, span: crate::span::Span) -> bool {
    let last = doc.token_at(span.end() - 1);
    let sentence = doc.tokens[last].sentence;
    let verb = last + 1;
    verb < doc.tokens.len()
        && matches!(doc.fold(verb), "stress" | "emphasise" | "emphasize" | "overstate" | "thank" | "recommend" | "say")
        && (verb + 1..(verb + 5).min(doc.tokens.len()))
            .any(|k| doc.tokens[k].sentence == sentence && doc.fold(k) == "enough")
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;
    use crate::Cue;

    #[test]
    fn flags_negative_wording_and_offers_a_positive_one() {
        assert_flags(Cue::NegativeLanguage, "⟦Unfortunately⟧ ⟦we can't⟧ refund it.");
        assert_flags(Cue::NegativeLanguage, "⟦We can't⟧ do that.");
    }

    #[test]
    fn praises_positive_wording() {
        assert_flags(Cue::PositiveLanguage, "⟦I'm happy to⟧ help, and ⟦the good news is⟧ it's quick.");
        assert_clean(Cue::NegativeLanguage, "I'm happy to help.");
        assert_flags(Cue::PositiveLanguage, "⟦I can't wait⟧ to hear how you like it!");
        assert_clean(Cue::NegativeLanguage, "I can't wait to hear how you like it!");
        assert_clean(Cue::NegativeLanguage, "Hi Priya, I cannot stress this enough: back up your files first.");
        assert_clean(Cue::NegativeLanguage, "We can't thank you enough for the report.");
        assert_flags(Cue::NegativeLanguage, "⟦We cannot⟧ stress-test it for you.");
        // Reassurance: nothing for the customer to do or worry about.
        assert_clean(Cue::NegativeLanguage, "There's nothing you need to do: the refund is automatic.");
        assert_clean(Cue::NegativeLanguage, "There is nothing else for you to do, and nothing to worry about.");
        assert_flags(Cue::NegativeLanguage, "⟦There's nothing⟧ we can change.");
    }
}
