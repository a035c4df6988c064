//! `sarcasm`: sarcastic, mocking or passive-aggressive phrasing aimed at the
//! customer: reminders that they should have listened, mock praise, sarcastic
//! thanks, rhetorical put-downs, and scare quotes around their words.
//!
//! Sarcasm is mostly signalled by stock phrases in customer replies, so the
//! table is specific on purpose: professional replies must almost never be
//! flagged (measured on real agent tweets, see the README).

use crate::cue::Cue;
use crate::document::Document;
use crate::lexicon::{pn, Phrase};
use crate::report::Finding;
use crate::rules::{emit_table, T};
use crate::span::Span;
use crate::Context;

const REPEAT: &str = "Reminding the customer that they were already told reads as passive-aggressive. Just give the answer again, kindly.";
const REPEAT_BETTER: &[&str] = &["To recap"];
const MOCK: &str = "This can read as mocking the customer. Say plainly what you mean.";
const PUTDOWN: &str = "A rhetorical question like this belittles the customer. Explain the step instead.";
const THANKS: &str = "Thanks said like this reads as sarcasm. Thank the customer sincerely or not at all.";

pub(crate) const SARCASM: &[Phrase] = &[
    // Passive-aggressive reminders that the customer was already told.
    pn("as i|we already|previously explained|said|stated|mentioned|told|advised|noted|pointed|wrote|indicated|informed", REPEAT, REPEAT_BETTER),
    pn("as i've|we've|i'd|we'd already|previously explained|said|stated|mentioned|told|advised|noted|pointed|indicated", REPEAT, REPEAT_BETTER),
    pn("as i|we have|had already|previously explained|said|stated|mentioned|told|advised|noted|pointed|indicated", REPEAT, REPEAT_BETTER),
    pn("as i|we said|mentioned|explained|stated|told you before|earlier|previously|already|twice|repeatedly", REPEAT, REPEAT_BETTER),
    pn("as i've|we've said|stated|told", REPEAT, REPEAT_BETTER),
    pn("as i|we have said|stated|told", REPEAT, REPEAT_BETTER),
    pn("as previously|already stated|explained|mentioned|advised|said|noted|discussed|communicated", REPEAT, REPEAT_BETTER),
    pn("as stated|explained|mentioned|advised|noted|communicated previously|before|earlier|already|repeatedly", REPEAT, REPEAT_BETTER),
    pn("as stated|explained|mentioned|said|advised multiple|several|many|numerous|countless times", REPEAT, REPEAT_BETTER),
    pn("as has been already? stated|explained|mentioned|said|communicated", REPEAT, REPEAT_BETTER),
    pn("per my|our last|previous|earlier email|e-mail|message|reply|response|note|mail", REPEAT, REPEAT_BETTER),
    pn("as per my|our last|previous|earlier email|e-mail|message|reply|response|note|mail", REPEAT, REPEAT_BETTER),
    pn("see|refer to? my previous|last|earlier email|e-mail|message|reply|response", REPEAT, REPEAT_BETTER),
    pn("like i said|told", REPEAT, REPEAT_BETTER),
    pn("i|we already told|explained|said|answered|covered", REPEAT, REPEAT_BETTER),
    pn("i've|we've already told|explained|answered|covered|said", REPEAT, REPEAT_BETTER),
    pn("i|we have already told|explained|answered|covered|said", REPEAT, REPEAT_BETTER),
    pn("for the second|third|fourth|fifth|last|hundredth|umpteenth|nth|millionth|tenth time", REPEAT, REPEAT_BETTER),
    pn("once again i'll|i|we will? explain|repeat", REPEAT, REPEAT_BETTER),
    pn("let me repeat myself", REPEAT, REPEAT_BETTER),
    pn("i'll|i repeat|will repeat? myself|this|it one|once more|again", REPEAT, REPEAT_BETTER),
    pn("not sure how else to explain|say|put", REPEAT, REPEAT_BETTER),
    pn("i|we can't|cannot explain|make it|this any clearer|simpler", REPEAT, REPEAT_BETTER),
    pn("just to reiterate|repeat", REPEAT, REPEAT_BETTER),
    pn("friendly reminder", REPEAT, REPEAT_BETTER),
    pn("as clearly|explicitly stated|explained|written|mentioned|indicated", REPEAT, REPEAT_BETTER),
    pn("which|that was|is clearly|already stated|explained|written|mentioned", REPEAT, REPEAT_BETTER),
    pn("if you had read|checked|looked|followed|bothered|listened", REPEAT, REPEAT_BETTER),
    pn("if you'd read|checked|looked|followed|bothered|listened", REPEAT, REPEAT_BETTER),
    pn("had you read|checked|bothered|listened", REPEAT, REPEAT_BETTER),
    pn("please|kindly reread", REPEAT, REPEAT_BETTER),
    pn("please|kindly re read", REPEAT, REPEAT_BETTER),
    pn("please|kindly read my|the|our email|message|reply|instructions|faq|article|policy again|carefully", REPEAT, REPEAT_BETTER),
    // Rhetorical put-downs.
    pn("did you even|actually read|try|look|check|bother", PUTDOWN, &[]),
    pn("did you not read|see|get|understand|notice", PUTDOWN, &[]),
    pn("didn't you read|see|notice", PUTDOWN, &[]),
    pn("have you even|actually read|tried|looked|checked", PUTDOWN, &[]),
    pn("do|did you even know|understand|read", PUTDOWN, &[]),
    pn("are you even|actually reading|listening", PUTDOWN, &[]),
    pn("do|did you read|understand english", PUTDOWN, &[]),
    pn("what part|bit of", PUTDOWN, &[]),
    pn("which part|bit of", PUTDOWN, &[]),
    pn("how hard|difficult is it to", PUTDOWN, &[]),
    pn("how hard|difficult can it be", PUTDOWN, &[]),
    pn("is it really|that|so hard|difficult to", PUTDOWN, &[]),
    pn("not rocket science|surgery", PUTDOWN, &[]),
    pn("it's|its really? not that hard|difficult|complicated", PUTDOWN, &[]),
    pn("it is really? not that hard|difficult|complicated", PUTDOWN, &[]),
    pn("obviously you|you've|you're", PUTDOWN, &[]),
    pn("clearly you didn't|haven't|missed|forgot|misread|misunderstood|weren't|did|have", PUTDOWN, &[]),
    pn("surely you know|understand|realize|realise|can|must|read|saw", PUTDOWN, &[]),
    pn("i'm|im sure you know|understand|realize|realise|appreciate", PUTDOWN, &[]),
    pn("i'm|im sure you can understand|appreciate|see", PUTDOWN, &[]),
    pn("even a child|toddler|kid could|can", PUTDOWN, &[]),
    pn("everyone|everybody|anyone else manages|seems|knows|understands|figured|figures|gets|got", PUTDOWN, &[]),
    pn("as anyone|everyone|everybody knows", PUTDOWN, &[]),
    pn("as anyone|everyone|everybody can see", PUTDOWN, &[]),
    pn("not sure what you expected|expect|were", PUTDOWN, &[]),
    pn("what did|do you expect", PUTDOWN, &[]),
    pn("what were you expecting|thinking", PUTDOWN, &[]),
    pn("in case you forgot", PUTDOWN, &[]),
    pn("in case you didn't|haven't notice|noticed", PUTDOWN, &[]),
    pn("calm down", PUTDOWN, &[]),
    pn("perhaps|maybe you missed|overlooked|skipped|forgot", PUTDOWN, &[]),
    pn("you do|did realize|realise|understand that", PUTDOWN, &[]),
    pn("not sure if|whether you're|youre aware", PUTDOWN, &[]),
    pn("not sure if|whether you are aware", PUTDOWN, &[]),
    pn("as you should|ought to? already? know", PUTDOWN, &[]),
    pn("as you should|ought to? be aware", PUTDOWN, &[]),
    pn("as you should've|shouldve known", PUTDOWN, &[]),
    pn("as you already know", PUTDOWN, &[]),
    pn("for your information", REPEAT, &[]),
    pn("in case it wasn't|wasnt clear", REPEAT, REPEAT_BETTER),
    pn("to be perfectly|absolutely|crystal clear", REPEAT, &[]),
    // Mock wishes and praise.
    pn("newsflash", MOCK, &[]),
    pn("news flash", MOCK, &[]),
    pn("surprise surprise", MOCK, &[]),
    pn("good|best of? luck with that", MOCK, &["I hope this helps."]),
    pn("nice|good try", MOCK, &[]),
    pn("bless your heart", MOCK, &[]),
    pn("congratulations|congrats on breaking|deleting|locking|losing|managing|finally|ignoring", MOCK, &[]),
    pn("great|nice|good|brilliant|fantastic job|work breaking|deleting|locking|ignoring|losing|missing", MOCK, &[]),
    pn("great|nice|good|brilliant|fantastic job|work on breaking|deleting|locking|ignoring|losing|missing", MOCK, &[]),
    pn("well done breaking|deleting|locking|ignoring|losing|missing|you", MOCK, &[]),
    pn("real|absolute|total|such a genius", MOCK, &[]),
    pn("yeah|yea right", MOCK, &[]),
    pn("sure because", MOCK, &[]),
    pn("oh great|joy|goody|brilliant|wonderful", MOCK, &[]),
    pn("wow just wow", MOCK, &[]),
    pn("what a surprise|shock", MOCK, &[]),
    pn("glad we|i could finally clear", MOCK, &[]),
    pn("if that's|thats not too much|hard to ask", MOCK, &[]),
    pn("take your sweet time", MOCK, &[]),
    pn("no offense|offence but", MOCK, &[]),
    pn("with all due respect", MOCK, &[]),
    pn("don't|dont take this|it the wrong way", MOCK, &[]),
    // Sarcastic thanks.
    pn("thanks|thank you? for nothing", THANKS, &[]),
    pn("thanks|thank you? so? much? a? lot|bunch? for wasting|ignoring|breaking|yelling|shouting|nothing", THANKS, &[]),
    pn("thanks|thank you? for the|your attitude", THANKS, &[]),
    pn("thanks|thank you? for finally", THANKS, &[]),
    pn("thanks|thank you? i|we guess", THANKS, &[]),
    pn("thanks|thank you? for your|the hundredth|fifth|tenth|third|umpteenth|millionth", THANKS, &[]),
    pn("gee thanks", THANKS, &[]),
];

/// Words that, before a short quotation, make it a scare quote.
const SCARE_LEADS: &[&str] = &["your", "so-called", "called", "this", "these", "those", "supposed", "supposedly"];

pub(crate) fn check(doc: &Document, _ctx: &Context, out: &mut Vec<Finding>) {
    emit_table(doc, T::Sarcasm, Cue::Sarcasm, &[], out);
    for &q in &doc.inline_quotes {
        if is_scare_quote(doc, q) {
            out.push(Finding::new(Cue::Sarcasm, Some(q)).with_message(
                "Quotation marks around the customer's words can read as mocking them. Drop the quotes.",
            ));
        }
    }
}

/// A short lower-case quotation after "your", "so-called" and the like:
/// your "urgent" issue.
fn is_scare_quote(doc: &Document, q: Span) -> bool {
    let from = doc.tokens.partition_point(|t| t.span.start() < q.start());
    let to = doc.tokens.partition_point(|t| t.span.start() < q.end());
    let inside: Vec<usize> = (from..to).filter(|&i| q.contains(doc.tokens[i].span)).collect();
    let Some(&first) = inside.first() else {
        return false;
    };
    if inside.len() > 3 || first == 0 || doc.tokens[first].is(crate::document::flag::CAP) {
        return false;
    }
    let before = doc.fold(first - 1);
    let lead = SCARE_LEADS.contains(&before) || (before == "called" && first >= 2 && doc.fold(first - 2) == "so");
    lead && doc.tokens[first - 1].is_agent()
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;
    use crate::Cue;

    #[test]
    fn flags_passive_aggressive_reminders() {
        assert_flags(Cue::Sarcasm, "⟦As I already explained⟧, the refund takes five days.");
        assert_flags(Cue::Sarcasm, "⟦Per my last email⟧, the form is attached.");
        assert_flags(Cue::Sarcasm, "This is the answer ⟦for the third time⟧.");
    }

    #[test]
    fn flags_mockery_putdowns_and_scare_quotes() {
        assert_flags(Cue::Sarcasm, "⟦Good luck with that⟧.");
        assert_flags(Cue::Sarcasm, "⟦What part of⟧ 'restart' is unclear?");
        assert_flags(Cue::Sarcasm, "We looked into your ⟦\"urgent\"⟧ issue.");
        assert_flags(Cue::Sarcasm, "⟦Thanks for nothing⟧.");
    }

    #[test]
    fn flags_condescending_reminders() {
        assert_flags(Cue::Sarcasm, "⟦Perhaps you missed⟧ the part about the fee.");
        assert_flags(Cue::Sarcasm, "⟦As you should already know⟧, refunds take 5 days.");
        assert_flags(Cue::Sarcasm, "⟦Not sure if you're aware⟧, but the store closes at 6.");
    }

    #[test]
    fn allows_professional_phrasing() {
        assert_clean(Cue::Sarcasm, "As I mentioned on the phone, I'm happy to help.");
        assert_clean(Cue::Sarcasm, "Click the \"Reset\" button and wait a minute.");
        assert_clean(Cue::Sarcasm, "Good luck with the launch tomorrow!");
        assert_clean(Cue::Sarcasm, "Great job on the setup, it all looks right.");
    }
}
