//! `gratitude`: sincere thanks or appreciation, with or without the word thank.
//!
//! This is the simplest rule and the one to copy when adding a cue family:
//! a table of phrases that count, a table of look-alikes that don't, and a
//! `check` that emits one finding per distinct hit.

use crate::cue::Cue;
use crate::document::Document;
use crate::lexicon::{p, Phrase};
use crate::report::Finding;
use crate::rules::{emit_table, T};
use crate::Context;

pub(crate) const THANKS: &[Phrase] = &[
    p("thank you|u|ya|yall|y'all"),
    p("thanks|thx|thnx|thanx|tks|ty|tysm|tyvm"),
    p("thankyou"),
    p("thank"),
    p("many|big|huge|special|sincere|heartfelt|massive thanks"),
    p("thank you|u so|very much"),
    p("thanks so|very much"),
    p("thanks a lot|bunch|ton|million"),
    p("i|we really|truly|sincerely|greatly|genuinely|do|so|very|also? appreciate|appreciated"),
    p("i|we really|truly|greatly|do? appreciate|appreciated it"),
    p("much|greatly|really|truly|very|always|all appreciated"),
    p("appreciate|appreciated it|this|that|your|you|the|all"),
    p("grateful"),
    p("thankful"),
    p("gratitude"),
    p("cheers for"),
    p("i|we owe you"),
    p("you're|youre a star|lifesaver|legend|gem|hero"),
    p("you rock"),
    p("bless you"),
];

/// Look-alikes that are not thanks to anyone.
pub(crate) const NOT_THANKS: &[Phrase] = &[
    p("thanks to the|a|an|this|that|these|those|our|its|his|her|their|which|new|recent|improved|latest|some|my|lots|many|several|him|them|it|modern|good"),
    p("thanks in large? part"),
    p("no thanks|thank"),
    p("thanks but no thanks"),
    p("appreciate that it|this|the|our|your|how|why|what|you're|it's|its|there"),
    p("appreciate how|why|what"),
    p("would|could appreciate|appreciated it? if"),
    p("i'd|we'd appreciate|appreciated it? if"),
    p("appreciate in|the value"),
    p("you'll|you'd appreciate"),
    p("you will|would appreciate"),
    p("thankless"),
    p("thank me|us later"),
    p("you're|youre|be|are|feel grateful|thankful"),
    p("they|he|she|people|would|will|should|must|can|to|just appreciate|appreciated"),
];

pub(crate) fn check(doc: &Document, _ctx: &Context, out: &mut Vec<Finding>) {
    let mut found = Vec::new();
    emit_table(doc, T::Thanks, Cue::Gratitude, &[T::NotThanks, T::Sarcasm], &mut found);
    // "Thanks," alone on a line just above the signature is a closing
    // formula, not thanks for anything.
    found.retain(|f| !f.span.is_some_and(|s| is_sign_off(doc, s)));
    out.extend(found);
}

/// Whether the thanks at `span` is the whole of its line, in the closing
/// lines of the draft (only a short signature follows).
fn is_sign_off(doc: &Document, span: crate::span::Span) -> bool {
    let text = doc.text;
    // Only the blanks just before and the punctuation just after the thanks
    // are read, never the whole line: a line of a thousand thanks stays linear.
    let before = text[..span.start()].trim_end_matches(|c: char| c.is_whitespace() && c != '\n');
    if !before.ends_with('\n') {
        return false;
    }
    let rest = &text[span.end()..];
    let tail = rest
        .find(|c: char| c == '\n' || !(c.is_whitespace() || matches!(c, ',' | '!' | '.' | '-' | '–')))
        .unwrap_or(rest.len());
    if !rest[tail..].is_empty() && !rest[tail..].starts_with('\n') {
        return false;
    }
    let line_end = span.end() + tail;
    let mut after = text[line_end..].lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('>'));
    after.by_ref().take(2).all(|l| l.split_whitespace().take(5).count() <= 4) && after.next().is_none()
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;
    use crate::Cue;

    #[test]
    fn flags_thanks_and_appreciation() {
        assert_flags(Cue::Gratitude, "⟦Thank you so much⟧ for your patience.");
        assert_flags(Cue::Gratitude, "⟦Thanks⟧ for flagging this, it helped us.");
        assert_flags(Cue::Gratitude, "Your feedback is ⟦much appreciated⟧.");
        assert_flags(Cue::Gratitude, "We're ⟦grateful⟧ you stuck with us.");
        assert_flags(Cue::Gratitude, "⟦I really appreciate⟧ your help.");
        assert_flags(Cue::Gratitude, "⟦THANK YOU⟧ for waiting.");
    }

    #[test]
    fn allows_thanks_to_the_update_and_thankfully() {
        assert_clean(Cue::Gratitude, "Thanks to the update, syncing works again.");
        assert_clean(Cue::Gratitude, "Thankfully, nothing was lost.");
        assert_clean(Cue::Gratitude, "I'd appreciate it if you could send the receipt.");
        assert_clean(Cue::Gratitude, "> Thanks, Priya\nHello, the refund is on its way.");
    }

    #[test]
    fn a_thanks_sign_off_is_a_formula_not_gratitude() {
        assert_clean(Cue::Gratitude, "Hi Sam,\nYour order shipped.\n\nThanks,\nAlex");
        assert_flags(Cue::Gratitude, "Hi Sam,\nYour order shipped.\n\n⟦Thanks⟧ again for your patience,\nAlex");
    }

    #[test]
    fn sarcastic_thanks_is_not_gratitude() {
        assert_clean(Cue::Gratitude, "Thanks for nothing, I guess.");
        assert_clean(Cue::Gratitude, "Thanks a lot for ignoring my instructions.");
    }
}
