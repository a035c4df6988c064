//! `ownership` and `deflection`: taking the problem on, or passing it on.

use crate::context::Context;
use crate::cue::Cue;
use crate::document::{gap, Document};
use crate::finding::Finding;
use crate::lexicon::{p, Phrase};
use crate::rules::{emit_table, T};

pub(crate) const OWNERSHIP: &[Phrase] = &[
    p("i'll|ill personally"),
    p("i will personally"),
    p("i'll|ill take care|charge|ownership"),
    p("i will take care|charge|ownership"),
    p("i'll|ill make sure|certain"),
    p("i will make sure|certain"),
    p("i'll|ill handle"),
    p("i will handle"),
    p("leave it|this with me"),
    p("i'm|im on it"),
    p("i am on it"),
    p("i'll|ill see this|it through"),
    p("i own this|it"),
    p("i've got this|it from here"),
    p("i'll|ill take it from here"),
    p("i'll|ill be your point of contact"),
    p("you have my word"),
    p("i'm|im taking ownership|care|charge"),
    p("i've|i have taken ownership|care|charge"),
];

pub(crate) const DEFLECTION: &[Phrase] = &[
    p("not my|our department|job|responsibility|problem|area|call|decision|fault|concern|issue"),
    // (The fifteenth QA pass: "it's not really our fault".)
    p("not really|exactly|entirely|strictly|actually my|our responsibility|problem|fault"),
    p("isn't|isnt|wasn't|wasnt really|exactly|entirely|strictly|actually? my|our responsibility|fault"),
    p("nothing i|we can do"),
    p("not much i|we can do"),
    p("there's|theres not much i|we can do"),
    p("not much else|more i|we can do"),
    p("little else i|we can do"),
    // Someone else's problem: "that's the courier's problem, not ours".
    p("that's|thats|it's|its the courier's|bank's|airline's|manufacturer's|retailer's|seller's|hotel's|supplier's problem|issue|responsibility|fault"),
    p("problem|issue|fault not ours"),
    p("our policy is clear|final"),
    p("nothing more i|we can do"),
    p("out of my|our hands"),
    // The thirteenth QA pass: "my hands are tied", "it's out of my
    // control".
    p("my|our hands are tied"),
    p("out of my|our control"),
    p("isn't|isnt|not in my|our control"),
    p("nothing i'm|we're|im able to do"),
    p("beyond my|our control"),
    p("not up to me|us"),
    p("you'll|you'd have|need to contact|call|ask|speak|talk|reach|go"),
    p("you will|would have|need to contact|call|ask|speak|talk|reach|go"),
    p("above my pay grade"),
    p("i just|only work here"),
    p("i|we don't|didn't|dont|didnt make the rules|policy|policies"),
    p("that's|thats|it's|its company|our? policy"),
    p("that|it is company|our? policy"),
    // "That's just our policy", "it's simply company policy" (the ninth QA pass).
    p("that's|thats|it's|its just|simply|only company|our? policy"),
    p("that|it is just|simply|only company|our? policy"),
    p("the system won't|doesn't|wont|doesnt let|allow"),
    p("the system will|does not let|allow"),
    p("that's|thats not something i|we handle|deal|do|cover"),
    p("talk|speak to someone|somebody else"),
    p("not something i|we can help"),
    p("i|we can't|cannot help you with that|this|there"),
    p("that's|thats not on us|me"),
    p("take it|that|this up with"),
    p("take the|this|that matter|issue|problem up with"),
    // Disowning the outcome: "We can't be held responsible for damage
    // caused by third-party chargers", "we're not liable for".
    p("can't|cant|cannot be held responsible|liable|accountable"),
    p("can not be held responsible|liable|accountable"),
    p("we're|were|i'm|im not responsible|liable|accountable for"),
    p("we|i are|am not responsible|liable|accountable for"),
    p("we aren't|arent responsible|liable|accountable for"),
    p("we're|were only|just|merely the|a marketplace|platform|retailer|reseller|middleman|distributor"),
    p("we are only|just|merely the|a marketplace|platform|retailer|reseller|middleman|distributor"),
    p("we|i take|accept no responsibility|liability"),
    p("we|i can't|cant|cannot accept responsibility|liability"),
    p("will not|won't|wont be held responsible|liable|accountable"),
    // The twelfth QA pass: "isn't something we can accept responsibility
    // for", "that's how our policy works, I'm afraid".
    p("isn't|isnt|aren't|arent something|anything we|i can|could accept|take responsibility|liability"),
    p("is|are not something|anything we|i can|could accept|take responsibility|liability"),
    // (How it works, said as the end of it; not "that's what our policy
    // says" of a refund given: the session's review.)
    p("that's|thats|it's|its how company|our? policy works"),
    p("that|it is how company|our? policy works"),
    // The customer sent elsewhere, and away from us: "has to go through
    // Samsung, not us" (a contrast after a comma or a dash).
    p("not us|me"),
    // "handled by the Parking Services team, not this office" (the tenth
    // QA pass): as "not us".
    p("not this|our office|branch|team|department|desk"),
    // "Mortgage questions aren't my department".
    p("isn't|isnt|aren't|arent|wasn't my|our department|job|responsibility|area|problem|concern"),
    // "billing queries aren't handled by my department" (the eleventh QA
    // pass).
    // (My or this department, not "aren't handled by our team at all"
    // said of card details, nor what a plan covers: the session's review.)
    p("isn't|isnt|aren't|arent|not handled by my|this department|office|branch|desk"),
    // "It's not something our department handles" (the usability review).
    // (Not "not something our team deals with lightly": the session's
    // review.)
    p("not something|anything my|our|this department|office|desk handles|covers"),
    p("isn't|isnt|aren't|arent|not dealt with by my|this department|office|branch|desk"),
];

pub(crate) fn check(doc: &Document, _ctx: &Context, out: &mut Vec<Finding>) {
    // (Made at the end of `out` and weeded there, `rules::retain_from`: the
    // rule runs last, and a test of each finding of every rule before it,
    // five times, was about 2,300 calls per 10,143 words.)
    let from = out.len();
    emit_table(doc, T::Ownership, Cue::Ownership, &[T::Sarcasm], out);
    emit_table(doc, T::Deflection, Cue::Deflection, &[T::Sarcasm], out);
    // "It's only policy holders who can ...", "that's just our policy
    // number": "policy" naming something else (the reviewer's cases) is no
    // appeal to policy.
    crate::rules::retain_from(out, from, |f| {
        f.cue != Cue::Deflection
            || f.span.is_none_or(|s| {
                let last = doc.token_at(s.end() - 1);
                doc.fold(last) != "policy"
                    || last + 1 >= doc.tokens.len()
                    || doc.tokens[last].gap_has(crate::document::gap::CLAUSE)
                    || doc.tokens[last + 1].sentence != doc.tokens[last].sentence
                    || matches!(
                        doc.fold(last + 1),
                        "on" | "for"
                            | "about"
                            | "regarding"
                            | "here"
                            | "in"
                            | "at"
                            | "with"
                            | "when"
                            | "which"
                            | "that"
                            | "so"
                            | "and"
                            | "but"
                            | "unfortunately"
                            | "i'm"
                            | "we"
                            | "i"
                            | "now"
                            | "too"
                    )
            })
    });
    // A phrase read across a clause's end says something else: "the change
    // fee is not much, I can do it for you now".
    crate::rules::retain_from(out, from, |f| {
        f.cue != Cue::Deflection
            || f.span.is_none_or(|s| {
                let (a, b) = (doc.token_at(s.start()), doc.token_at(s.end() - 1));
                (a..b).all(|k| !doc.tokens[k].gap_has(crate::document::gap::CLAUSE))
            })
    });
    // "I'll take this up with the courier", "let me take it up with my
    // manager": we take it up, which is ownership; only the customer sent
    // to take it up is deflected.
    crate::rules::retain_from(out, from, |f| {
        f.cue != Cue::Deflection
            || f.span.is_none_or(|s| {
                let k = doc.token_at(s.start());
                // The doer up to two words back: "I'll take", "I will
                // personally take", "let me take".
                !(doc.fold(k) == "take"
                    && (k.saturating_sub(3)..k).any(|j| {
                        doc.tokens[j].sentence == doc.tokens[k].sentence
                            && matches!(
                                doc.fold(j),
                                "i" | "we" | "i'll" | "we'll" | "me" | "us" | "ill" | "i'd" | "we'd"
                            )
                    }))
            })
    });
    // "You'll need to contact us by DM", "you will need to go to our help
    // page ... to get in touch with one of our agents": sent to us, by
    // another way in, not away.
    crate::rules::retain_from(out, from, |f| f.cue != Cue::Deflection || f.span.is_none_or(|s| !sent_to_us(doc, s)));
    // One pass: a hand-off followed by what we do about it is ownership
    // (`followed_by_what_we_do`); and "not us" disowns only as a contrast
    // set off from what comes before ("through Samsung, not us"), not in "it was not us who changed it";
    // after a hand-off in its sentence ("You'll need to contact the
    // courier, not us") it says nothing more.
    // (The table's hits come in text order: the last one kept is enough.)
    let mut last_kept: Option<u32> = None;
    crate::rules::retain_from(out, from, |f| {
        let Some(s) = f.span.filter(|_| f.cue == Cue::Deflection) else { return true };
        if followed_by_what_we_do(doc, s) {
            return false;
        }
        let k = doc.token_at(s.start());
        let sentence = doc.tokens[k].sentence;
        // ("not this office" is "not us"; "not our fault" is a disclaimer
        // of its own, the session's review found.)
        let not_us = k + 1 < doc.tokens.len()
            && doc.fold(k) == "not"
            && (matches!(doc.fold(k + 1), "us" | "me")
                || (matches!(doc.fold(k + 1), "this" | "our")
                    && k + 2 < doc.tokens.len()
                    && matches!(doc.fold(k + 2), "office" | "branch" | "team" | "department" | "desk")));
        // Who charges or decides, followed by what we did about it, is an
        // explanation: "the fee is charged by your bank, not us. I've
        // emailed you their contact details."
        let then_owned = || {
            let n = doc.tokens.len();
            (k + 2..(k + 20).min(n)).find(|&j| doc.tokens[j].sentence != sentence).is_some_and(|j| {
                matches!(doc.fold(j), "i've" | "i'll" | "we've" | "we'll" | "let")
                    || (matches!(doc.fold(j), "i" | "we")
                        && j + 1 < n
                        && matches!(doc.fold(j + 1), "have" | "will" | "can" | "am" | "are"))
            })
        };
        let keep = !not_us
            || (k > 0
                && doc.tokens[k - 1].gap_has(gap::COMMA | gap::DASH)
                && last_kept != Some(sentence)
                && !then_owned());
        if keep {
            last_kept = Some(sentence);
        }
        keep
    });
}

/// Whether the hand-off or disclaimer at `span` is followed, in the rest
/// of its sentence (at most 20 words), by what we do about it: "Samsung
/// handles the warranty, not us, but I've already opened the claim for
/// you". That is ownership, not deflection.
fn followed_by_what_we_do(doc: &Document, span: crate::span::Span) -> bool {
    let last = doc.token_at(span.end() - 1);
    let sentence = doc.tokens[last].sentence;
    let n = doc.tokens.len();
    (last + 1..(last + 20).min(n)).take_while(|&j| doc.tokens[j].sentence == sentence).any(|j| {
        (matches!(doc.fold(j), "but" | "however")
            && j + 1 < n
            && matches!(doc.fold(j + 1), "i've" | "i'll" | "we've" | "we'll" | "i" | "we" | "i'm" | "we're" | "let"))
            // ", so I've refunded the fee", ", and I've booked ...": a deed
            // done about it (the session's review of the thirteenth QA
            // pass).
            || (matches!(doc.fold(j), "and" | "so")
                && j + 1 < n
                && matches!(doc.fold(j + 1), "i've" | "we've" | "ive" | "weve"))
    })
}

/// People of ours that the customer can be sent to without being sent away.
const OUR_PEOPLE: &[&str] = &[
    "agents",
    "agent",
    "advisors",
    "advisers",
    "advisor",
    "adviser",
    "specialists",
    "specialist",
    "experts",
    "team",
    "support",
    "staff",
    "representatives",
    "representative",
    "reps",
    "care",
    "colleagues",
];

/// Whether the hand-off at `span` ("you'll need to contact ...") sends the
/// customer to us: "us" or "me" (not "not us"), or "our agents", "one of
/// our specialists", later in its sentence.
fn sent_to_us(doc: &Document, span: crate::span::Span) -> bool {
    let first = doc.token_at(span.start());
    if doc.fold(first) == "take" {
        return false;
    }
    let last = doc.token_at(span.end() - 1);
    let mut sentence = doc.tokens[last].sentence;
    let n = doc.tokens.len();
    // Through a link's dots and slashes, which may end a sentence.
    let mut same_sentence = |j: usize| {
        if doc.tokens[j].sentence != sentence && doc.tokens[j - 1].is_agent() {
            return false;
        }
        sentence = doc.tokens[j].sentence;
        true
    };
    // "us", "me", "our agents", "one of our team" as the object: within
    // three words of `from`, in its clause.
    let object_at = |from: usize| {
        (from..(from + 4).min(n)).take_while(|&j| j == from || !doc.tokens[j - 1].gap_has(gap::CLAUSE)).any(|j| {
            match doc.fold(j) {
                "us" | "me" => !matches!(doc.fold(j - 1), "not" | "than"),
                "our" | "my" => j + 1 < n && crate::words::among(OUR_PEOPLE, doc.fold(j + 1)),
                _ => false,
            }
        })
    };
    // Sent to us directly ("you'll need to contact us by DM"), or through a
    // page whose form reaches us ("go to <link> and click 'Contact us' to
    // get in touch with one of our agents"): a verb of reaching someone
    // with us as its object, later in the sentence (at most 25 words on,
    // through a link's dots and slashes).
    object_at(last + 1)
        || (last + 1..(last + 25).min(n)).take_while(|&j| same_sentence(j)).any(|j| {
            matches!(doc.fold(j), "touch" | "contact" | "reach" | "speak" | "talk" | "message" | "chat")
                && object_at(j + 1)
        })
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;
    use crate::Cue;

    #[test]
    fn flags_ownership_and_deflection() {
        assert_flags(Cue::Ownership, "⟦I'll personally⟧ track it, ⟦leave it with me⟧.");
        assert_flags(Cue::Deflection, "That's ⟦not my department⟧ and there's ⟦nothing I can do⟧.");
        // Found by the seventh QA pass.
        assert_flags(Cue::Deflection, "Hi Jack, I don't know why the system charged you twice. ⟦Not much I can do⟧.");
        assert_clean(Cue::Deflection, "Hi Priya, the change fee is not much, I can do it for you now if you like.");
        assert_flags(Cue::Deflection, "You'll have to ⟦take that up with⟧ the courier.");
        assert_flags(Cue::Deflection, "Please ⟦take the matter up with⟧ your bank.");
        assert_clean(Cue::Deflection, "I'll take this up with the courier today. Let me take it up with my manager.");
        assert_clean(Cue::Deflection, "I will personally take this up with the courier.");
    }

    /// The thirteenth QA pass.
    #[test]
    fn tied_hands_and_control_disowned_are_deflection() {
        assert_flags(Cue::Deflection, "I understand, but ⟦my hands are tied⟧ here. It's ⟦out of my control⟧.");
        assert_clean(
            Cue::Deflection,
            "The delay was out of my sight until today; I've now chased it and it ships tomorrow.",
        );
        assert_clean(Cue::Deflection, "The storm was out of our control, so I've refunded the delivery fee.");
    }

    #[test]
    fn sending_the_customer_to_us_is_no_deflection() {
        // A real reply's words.
        assert_clean(
            Cue::Deflection,
            "Hi there! You will need to go to https://help.yahoo.com/kb/account and click on the 'Contact us' link in order to get in touch with one of our agents.",
        );
        assert_clean(Cue::Deflection, "For account changes you'll need to contact us by DM with your email.");
        assert_clean(Cue::Deflection, "You'll need to speak to our support team on the chat.");
        assert_flags(Cue::Deflection, "⟦You'll need to contact⟧ your bank about that.");
        assert_flags(Cue::Deflection, "⟦You'll need to contact⟧ the courier, not us.");
        // The tenth QA pass.
        assert_flags(Cue::Deflection, "Hi Sophie, mortgage questions ⟦aren't my department⟧.");
        assert_flags(Cue::Deflection, "Hi Sophie, billing queries ⟦aren't handled by my department⟧.");
        assert_flags(Cue::Deflection, "Hi Sophie, billing queries ⟦aren't dealt with by my department⟧.");
        assert_clean(Cue::Deflection, "Don't worry - your card details aren't handled by our team at all.");
        assert_clean(Cue::Deflection, "Travel abroad isn't covered by our Office plan, but the Plus plan covers it.");
        assert_flags(Cue::Deflection, "Permits are handled by the Parking Services team, ⟦not this office⟧.");
        assert_clean(Cue::Deflection, "It was not this office that sent the letter, so I've asked the team who did.");
        // The session's review: a disclaimer of its own stays one.
        assert_flags(Cue::Deflection, "Hi Sam, this is ⟦not our fault⟧.");
        assert_flags(Cue::Deflection, "Amy, so it's ⟦not really our fault⟧. You can enable them in Settings.");
        assert_flags(Cue::Deflection, "Amy, that ⟦isn't really our fault⟧. You can enable them in Settings.");
        // "us" elsewhere in the sentence is not where the customer is sent.
        assert_flags(
            Cue::Deflection,
            "⟦You'll need to contact⟧ your bank about that, they don't share card details with us.",
        );
        assert_flags(Cue::Deflection, "⟦You'll need to contact⟧ the courier rather than us.");
        assert_flags(Cue::Deflection, "⟦You'll need to contact⟧ your bank, as our team cannot see card details.");
    }

    #[test]
    fn disowning_the_outcome_is_deflection() {
        // Found by mechanism drafts a helper wrote.
        assert_flags(Cue::Deflection, "We ⟦can't be held responsible⟧ for damage caused by third-party chargers.");
        assert_flags(Cue::Deflection, "Sorry, but ⟦we are not responsible for⟧ delays at customs.");
        assert_flags(
            Cue::Deflection,
            "Your warranty claim has to go through Samsung, ⟦not us⟧ – ⟦we're only the retailer⟧.",
        );
        assert_clean(Cue::Deflection, "It was not us who changed the setting, but I've switched it back for you.");
        assert_clean(Cue::Deflection, "I'm responsible for your account from now on and will call you on Monday.");
        // Found by review: followed by what we do about it, it is owned.
        assert_clean(
            Cue::Deflection,
            "Samsung handles the warranty, not us, but I've already opened the claim for you and will update you Friday.",
        );
        assert_clean(
            Cue::Deflection,
            "I'm not responsible for billing myself, but I've passed it to Sam who is and he'll call you today.",
        );
        assert_flags(Cue::Deflection, "⟦We're just a reseller⟧, so the warranty is with the maker.");
        // Found by the fifth QA pass: who charges, then what we did.
        assert_clean(
            Cue::Deflection,
            "Hi Dana, the fee is charged by your bank, not us. I've emailed you their contact details.",
        );
        assert_flags(Cue::Deflection, "⟦We take no responsibility⟧ for third-party chargers.");
        // The twelfth QA pass, in other words.
        assert_flags(
            Cue::Deflection,
            "Damage caused by a third-party charger ⟦isn't something we can accept responsibility⟧ for.",
        );
        assert_flags(Cue::Deflection, "Hi Sam, ⟦that's how our policy works⟧, I'm afraid.");
        assert_flags(Cue::Deflection, "Hi Sam, it's ⟦not something our department handles⟧.");
        assert_clean(
            Cue::Deflection,
            "Hi Sam, yes, you can cancel within 14 days for a full refund, that's what our policy says.",
        );
        assert_clean(
            Cue::Deflection,
            "Hi Sam, a data breach is not something our team deals with lightly; I've escalated it.",
        );
        assert_clean(Cue::Deflection, "Hi Sam, here's how our policy works: you can return anything within 30 days.");
    }

    #[test]
    fn allows_routing_with_ownership() {
        assert_clean(Cue::Deflection, "I've passed this to our billing team and I'll update you by Friday.");
    }

    #[test]
    fn more_ways_of_disowning_it() {
        // Found by the sixth QA pass.
        assert_flags(Cue::Deflection, "The pharmacy will sort it out. ⟦Not much else I can do⟧ from here.");
        assert_flags(Cue::Deflection, "Hi Priya, ⟦that's the courier's problem⟧, not ours.");
        assert_flags(Cue::Deflection, "Hi Priya, ⟦our policy is clear⟧ on this matter.");
        assert_flags(Cue::Deflection, "Hi Susan, ⟦that's just our policy⟧ on refunds after 30 days.");
        assert_flags(Cue::Deflection, "Hi Susan, ⟦it is simply company policy⟧.");
        assert_clean(Cue::Deflection, "Hi Susan, it's only policy holders who can make changes online.");
        assert_clean(Cue::Deflection, "Hi Susan, that's just our policy number; your account number starts with 7.");
        assert_clean(Cue::Deflection, "Hi Priya, our policy covers accidental damage, so I've booked the repair.");
    }
}
