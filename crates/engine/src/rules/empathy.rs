//! `empathy`: acknowledging how the customer feels.

use crate::context::Context;
use crate::cue::Cue;
use crate::document::Document;
use crate::finding::Finding;
use crate::lexicon::{p, Phrase};
use crate::rules::{emit_table_where, T};

pub(crate) const EMPATHY: &[Phrase] = &[
    p("i|we completely|totally|fully|really|absolutely? understand how|why|that|what|your|the"),
    p("i|we can|can't|cannot only? imagine"),
    p("i|we can see how|why|that"),
    p("i|we know how|what"),
    p("i|we hear you"),
    p("i|we get it"),
    p("i|we get how|why"),
    p("that|this|it must be|feel frustrating|stressful|annoying|upsetting|worrying|disappointing|difficult|hard|inconvenient|confusing|exhausting|scary|maddening"),
    p("that|this|it must have been frustrating|stressful|annoying|upsetting|worrying|disappointing|difficult|hard|inconvenient|confusing|exhausting|scary|maddening"),
    p("that|this|it sounds|sounded|is|was really|so|very|incredibly|genuinely? frustrating|stressful|annoying|upsetting|worrying|disappointing|difficult|confusing|exhausting|scary|maddening"),
    p("that's|it's|thats|its really|so|very|incredibly|genuinely? frustrating|stressful|annoying|upsetting|worrying|disappointing|difficult|confusing|exhausting|scary|maddening"),
    // What the customer went through, called what it is (the thirteenth QA
    // pass): "Three nights without heating in January sounds miserable".
    // (Words that can't be said of a noise: "the fan noise sounds
    // horrible" is no empathy, the session's review.)
    p("sounds|sounded really|so|truly|absolutely|just? miserable|stressful|exhausting|worrying|upsetting|distressing|frightening"),
    p("completely|totally|entirely|perfectly understandable|reasonable|fair"),
    // The worry itself granted (the fourteenth QA pass): "That's a
    // sensible worry", "an understandable concern".
    p("a|an very|completely|totally|perfectly? sensible|understandable|natural|reasonable|valid|fair worry|concern|fear"),
    p("understandably|rightly|naturally frustrated|upset|concerned|disappointed|annoyed|worried"),
    p("your frustration|concern|disappointment|worry"),
    p("i'd|we'd be frustrated|upset|annoyed|disappointed|worried"),
    p("i'd feel the same"),
    p("in your shoes|position"),
    p("you're|youre right"),
    p("you are right"),
    p("you've every right"),
    p("you have every right"),
    p("sorry to hear"),
    p("that|this isn't what you expected|deserve|deserved"),
    p("that|this is not what you expected|deserve|deserved"),
];

pub(crate) fn check(doc: &Document, _ctx: &Context, out: &mut Vec<Finding>) {
    // (Each finding tested at its hit's first and last tokens, by the
    // tests in the order written, `rules::emit_table_where`.)
    // "Thanks for your concern" thanks; it says nothing of how they feel.
    let not_thanks = |k: usize| k == 0 || !matches!(doc.fold(k - 1), "for" | "appreciate" | "appreciated");
    // "our perfectly reasonable fees": said of a thing, before its noun,
    // it defends the thing; "your request is perfectly reasonable" sides
    // with the customer.
    let not_defended = |k: usize| {
        let adjective = matches!(doc.fold(k), "completely" | "totally" | "entirely" | "perfectly");
        !(adjective
            && k > 0
            && doc.tokens[k - 1].sentence == doc.tokens[k].sentence
            && matches!(doc.fold(k - 1), "our" | "my" | "these" | "their"))
    };
    // "I can see that there was a problem with the payment" sees a fact in
    // the account; "I can see that this has been stressful" sees how the
    // customer feels (the thirteenth QA pass): "can see that" is empathy
    // only with a feeling in the words after it. ("I can see how much this
    // trip means to you", "I can see why you're fed up" stay empathy, the
    // session's review found.)
    let sees_a_feeling = |last: usize| {
        if doc.fold(last) != "that" || last == 0 || doc.fold(last - 1) != "see" {
            return true;
        }
        let sentence = doc.tokens[last].sentence;
        (last + 1..(last + 9).min(doc.tokens.len())).take_while(|&k| doc.tokens[k].sentence == sentence).any(|k| {
            FEELINGS.iter().any(|stem| doc.fold(k).starts_with(stem))
                    // "this has really let you down"
                    || (doc.fold(k) == "down" && matches!(doc.fold(k - 1), "you" | "us"))
        })
    };
    emit_table_where(doc, T::Empathy, Cue::Empathy, &[T::Sarcasm, T::ApologyHollow], out, |_, (first, last)| {
        not_thanks(first) && not_defended(first) && sees_a_feeling(last) && !worry_not_granted(doc, first, last)
    });
}

/// Whether "a sensible worry" at tokens `first..=last` does not grant the
/// customer's worry (the review of the fourteenth QA pass): it grants it
/// only as what it is called, "that's / it's / such a sensible worry",
/// with no denial before it in its sentence ("It is not a sensible worry",
/// "I wouldn't call that a sensible worry", "I don't think it's a valid
/// concern"), not asked ("Is that a sensible worry? Not really") and not as
/// part of a longer word ("a sensible worry-free plan").
fn worry_not_granted(doc: &Document, first: usize, last: usize) -> bool {
    if !matches!(doc.fold(first), "a" | "an") {
        return false;
    }
    let sentence = doc.tokens[first].sentence;
    let framed = first > 0
        && doc.tokens[first - 1].sentence == sentence
        && matches!(doc.fold(first - 1), "that's" | "thats" | "it's" | "its" | "is" | "such" | "what" | "quite");
    let start = doc.tokens[..first].iter().rposition(|t| t.sentence != sentence).map_or(0, |i| i + 1);
    let denied = (start..first).any(|k| {
        let w = doc.fold(k);
        matches!(
            w,
            "not" | "no" | "nobody" | "never" | "hardly" | "dont" | "isnt" | "wouldnt" | "doesnt" | "cant" | "wasnt"
        ) || w.ends_with("n't")
    });
    let end = doc.tokens[last..].iter().position(|t| t.sentence != sentence).map_or(doc.tokens.len(), |i| last + i);
    let asked = doc.tokens[end - 1].gap_has(crate::document::gap::QUESTION);
    let longer = doc.tokens[last].gap_has(crate::document::gap::TIGHT_HYPHEN);
    !framed || denied || asked || longer
}

/// Stems of the words for how a customer may feel, for "I can see that
/// this has been stressful".
const FEELINGS: &[&str] = &[
    "frustrat",
    "stress",
    "upset",
    "worr",
    "annoy",
    "disappoint",
    "difficult",
    "inconvenien",
    "confus",
    "concern",
    "anxi",
    "angr",
    "unfair",
    "exhaust",
    "distress",
    "scary",
    "scared",
    "feel",
    "felt",
    "miserable",
    "horrible",
    "terrible",
    "awful",
    "unacceptable",
    "infuriat",
    "maddening",
    "surpris",
    "shock",
    "alarm",
    "frighten",
    "hurt",
    "disrupt",
    "important",
    "matter",
];

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;
    use crate::Cue;

    #[test]
    fn flags_empathy() {
        assert_flags(Cue::Empathy, "⟦I completely understand how⟧ stressful this is.");
        assert_flags(Cue::Empathy, "⟦That must be frustrating⟧, and ⟦I can imagine⟧ why.");
        // Said of our fees, it defends them (QA pass 7).
        assert_clean(Cue::Empathy, "Hi Priya, we explained our perfectly reasonable fees in the letter.");
        assert_flags(Cue::Empathy, "Hi Priya, your request is ⟦perfectly reasonable⟧.");
        assert_flags(Cue::Empathy, "Hi Priya, that's a ⟦perfectly reasonable⟧ request, and I've passed it on.");
    }

    /// The thirteenth QA pass: what the customer went through, called what
    /// it is.
    #[test]
    fn calling_the_ordeal_what_it_is_is_empathy() {
        // (And seeing a fact in the account is not seeing how they feel.)
        assert_clean(Cue::Empathy, "Hi George, I can see that there was a problem with the payment taken last month.");
        assert_flags(Cue::Empathy, "Hi George, ⟦I can see that⟧ this has been stressful.");
        assert_flags(Cue::Empathy, "Hi George, ⟦I can see that⟧ this has really let you down.");
        assert_flags(Cue::Empathy, "Hi George, ⟦I can see how⟧ much this trip means to you.");
        assert_flags(Cue::Empathy, "Hi George, ⟦I can see why⟧ you're fed up.");
        assert_flags(Cue::Empathy, "Hi Gwen, three nights without heating in January ⟦sounds miserable⟧.");
        assert_flags(Cue::Empathy, "Hi Gwen, a week of ⟦that sounds exhausting⟧, and I'm on it.");
        assert_clean(Cue::Empathy, "Hi Gwen, if the fan noise sounds horrible, switch it off at the wall.");
        assert_clean(Cue::Empathy, "Hi Gwen, the engineer will be with you at 8 am.");
        // The fourteenth QA pass: the worry granted.
        assert_flags(Cue::Empathy, "Hi Emma, that's ⟦a sensible worry⟧, and taking photos was exactly right.");
        assert_flags(Cue::Empathy, "Hi Emma, it's ⟦an understandable concern⟧.");
        // The review: granted only as what it is called, not denied, asked
        // or part of a longer word.
        assert_flags(Cue::Empathy, "Honestly, that is ⟦a perfectly reasonable worry⟧ after last month.");
        for denied in [
            "It is not a sensible worry; the system is completely safe.",
            "I wouldn't call that a sensible worry, the account was only locked.",
            "I don't think it's a valid concern, as the card reader can't store your PIN.",
            "Is that a sensible worry? Not really, the card reader can't store your PIN.",
            "A sensible worry would be the battery, not the screen.",
            "We offer a sensible worry-free plan for new customers.",
        ] {
            assert_clean(Cue::Empathy, denied);
        }
    }

    #[test]
    fn allows_understand_without_empathy() {
        assert_clean(Cue::Empathy, "Do you understand the steps?");
        assert_clean(Cue::Empathy, "Thanks for your concern, we appreciate your concern too.");
    }
}
