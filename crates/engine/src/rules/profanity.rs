//! `profanity`: swearing and name-calling.

use crate::context::Context;
use crate::cue::Cue;
use crate::document::Document;
use crate::finding::Finding;
use crate::lexicon::{p, pn, Phrase};
use crate::rules::{emit_table, T};

const CALLING: &str = "Calling the customer names is never acceptable, however frustrating the exchange.";

pub(crate) const PROFANITY: &[Phrase] = &[
    p("fuck|fucking|fucked|fucker|fuckers|fucks|fuckin|effing|frigging|freaking"),
    p("motherfucker|motherfucking|motherfuckers"),
    p("shit"),
    p("shitty"),
    p("bullshit"),
    p("crap"),
    p("crappy"),
    p("damn"),
    p("dammit"),
    p("goddamn"),
    p("wtf"),
    p("ffs"),
    p("stfu"),
    p("asshole"),
    p("arsehole"),
    p("bastard"),
    p("bitch"),
    p("bloody hell"),
    p("what the hell|heck"),
    p("the hell"),
    p("piss off"),
    p("pissed off"),
    p("screw you|this|that"),
    p("sucks"),
    pn("idiot|idiots|idiotic|moron|morons|moronic|imbecile|dumbass|dimwit|halfwit|cretin|numpty", CALLING, &[]),
    pn("stupid|dumb", CALLING, &[]),
    pn(
        "you|you're|youre|are clueless|incompetent|pathetic|hopeless|lazy|ignorant|ridiculous|unreasonable",
        CALLING,
        &[],
    ),
    pn("you are clueless|incompetent|pathetic|hopeless|lazy|ignorant|ridiculous|unreasonable", CALLING, &[]),
    pn("shut up", CALLING, &[]),
];

pub(crate) fn check(doc: &Document, _ctx: &Context, out: &mut Vec<Finding>) {
    emit_table(doc, T::Profanity, Cue::Profanity, &[], out);
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;
    use crate::Cue;

    #[test]
    fn flags_swearing_and_name_calling() {
        assert_flags(Cue::Profanity, "This ⟦damn⟧ app.");
        assert_flags(Cue::Profanity, "Don't be ⟦stupid⟧.");
        assert_flags(Cue::Profanity, "Honestly ⟦you're clueless⟧.");
    }

    #[test]
    fn allows_words_that_contain_swearwords() {
        assert_clean(Cue::Profanity, "Hello from Scunthorpe, your class assignment is ready.");
        assert_clean(Cue::Profanity, "> this damn app\nHi, we fixed the app.");
    }
}
