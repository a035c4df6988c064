//! `next-steps` and `next-steps-missing`: telling the customer what happens
//! next, before they have to ask.

use crate::cue::Cue;
use crate::document::Document;
use crate::lexicon::{p, Phrase};
use crate::report::Finding;
use crate::rules::{distinct_hits, emit_table, T};
use crate::Context;

pub(crate) const NEXT_STEPS: &[Phrase] = &[
    p("next step|steps"),
    p("what happens next"),
    p("here's|here is what happens|what'll|what will"),
    p("i'll|we'll|ill keep you posted|updated|informed"),
    p("keep you in the loop"),
    p("i|we will keep you posted|updated|informed"),
    p("i'll|we'll|ill personally|then|also|now|immediately? keep|update|notify|inform|email|message|call|contact|text|ping|follow|check|send|reach|let|get|confirm|monitor|escalate|investigate|review|look|chase|process|ship|arrange|schedule|book|refund|credit|replace|be"),
    p("i|we will|shall personally|then|also|now|immediately? keep|update|notify|inform|email|message|call|contact|text|ping|follow|check|send|reach|let|get|confirm|monitor|escalate|investigate|review|look|chase|process|ship|arrange|schedule|book|refund|credit|replace|be"),
    p("i've|we've escalated|forwarded|raised|logged|opened|filed|passed|flagged|created|submitted|scheduled|booked|arranged|reported|assigned|started|initiated|issued|processed"),
    p("i|we have escalated|forwarded|raised|logged|opened|filed|passed|flagged|created|submitted|scheduled|booked|arranged|reported|assigned|started|initiated|issued|processed"),
    p("i|we escalated|forwarded|raised|logged|opened|filed|flagged|created|submitted|scheduled|booked|arranged|reported|assigned|initiated|issued|processed"),
    p("you'll receive|get|hear|see"),
    p("you will receive|get|hear|see"),
    p("you'll|you be notified|contacted|emailed"),
    p("you should receive|get|hear|see"),
    p("as soon as it|the|your|we|i|this|that|everything"),
    p("once the|your|it|it's|this|we|i|that|everything"),
    p("in the meantime|meanwhile"),
    p("expect to|an hear|receive|update|email|call"),
    p("follow up|follow-up"),
    p("keep an eye"),
    p("stay tuned"),
];

pub(crate) fn check(doc: &Document, _ctx: &Context, out: &mut Vec<Finding>) {
    emit_table(doc, T::NextSteps, Cue::NextSteps, &[T::Sarcasm, T::Deflection], out);
    let informed = !distinct_hits(doc, T::NextSteps).is_empty() || !doc.hits(T::Concrete).is_empty();
    // Short chat lines ("You're welcome!") don't need a plan.
    if !informed && doc.agent_word_count() >= 25 {
        out.push(Finding::new(Cue::NextStepsMissing, None));
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;
    use crate::Cue;

    #[test]
    fn flags_next_steps() {
        assert_flags(Cue::NextSteps, "⟦I'll keep you posted⟧, and ⟦you'll receive⟧ a label.");
        assert_flags(Cue::NextSteps, "⟦I've escalated⟧ this to billing.");
    }

    #[test]
    fn flags_a_long_reply_with_no_next_step() {
        assert_absent_finding(Cue::NextStepsMissing, None, "Hello. The app has a known problem with some phones and the team is aware of it and it affects many customers in several regions this month, which is a pity.");
        assert_clean(Cue::NextStepsMissing, "You're welcome!");
    }
}
