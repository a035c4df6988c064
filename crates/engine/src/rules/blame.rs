//! `blame`: putting the fault on the customer.

use crate::context::Context;
use crate::cue::Cue;
use crate::document::Document;
use crate::finding::Finding;
use crate::lexicon::{p, Phrase};
use crate::rules::{emit_table, T};

pub(crate) const BLAME: &[Phrase] = &[
    p("you failed|neglected|forgot|omitted to"),
    p("you didn't|didnt follow|read|check|enter|update|provide|include|attach|select|bother|pay|submit|save|confirm|understand|listen|enable|activate"),
    p("you did not follow|read|check|enter|update|provide|include|attach|select|bother|pay|submit|save|confirm|understand|listen|enable|activate"),
    // A setting left off, given as the cause (the fifteenth QA pass): "the
    // purchase went through because you didn't turn on parental controls".
    p("because|since you didn't|didnt turn|switch|set on|up"),
    p("because|since you did not turn|switch|set on|up"),
    // A lecture on taking more care next time, which says the customer
    // was careless (the fifteenth QA pass: "Please read your documents
    // carefully in future"); said of ourselves it is a promise ("we'll
    // pack it more carefully next time": see `check`).
    p("be more careful"),
    p("more|extra carefully|closely next time"),
    p("more|extra carefully|closely in the? future"),
    p("carefully|properly next time"),
    p("carefully|properly in the? future"),
    p("next time please? double check"),
    p("next time please? make sure"),
    p("in the? future please? double check"),
    p("in the? future please? make sure"),
    // What happened, put on the customer's doing: "so this happened
    // because you chose safe-place delivery" (the fifteenth QA pass).
    p("this|that|it happened|occurred because|since you"),
    p("you haven't|havent followed|read|checked|entered|provided|paid|submitted|updated"),
    p("you have not followed|read|checked|entered|provided|paid|submitted|updated"),
    p("your fault"),
    // "that's on you, I'm afraid": the mirror of "that's on us".
    p("that's|thats|this|that|it's|its on you"),
    p("that|this|it is|was on you"),
    p("your own fault|mistake|doing"),
    p("it's|its|that's|thats your fault|mistake|error|problem|responsibility"),
    p("this|that|it is|was your fault|mistake|error|problem|responsibility"),
    p("you should|shouldn't|shouldnt have read|checked|followed|called|contacted|asked|done|known|told|waited|kept|saved|entered|ordered|used|listened|looked|noticed|updated|backed|paid|sent|provided|submitted|confirmed|cancelled|canceled"),
    // A hyphenated word is two words to the scan ("double-checked" is
    // "double" and "checked" with a tight hyphen between), so it is
    // written as two.
    p("you should|shouldn't|shouldnt have double checked"),
    p("you should've read|checked|followed|called|contacted|asked|done|known|told|waited|kept|saved|entered|ordered|used|listened|looked|noticed|updated|backed|paid|sent|provided|submitted|confirmed|cancelled|canceled"),
    p("you should've double checked"),
    p("you were|was supposed to"),
    p("you entered|typed|chose|selected|used|gave|provided|put|booked|ordered|picked|bought the|a|an? wrong|incorrect|invalid"),
    p("you caused|broke|messed"),
    // "Why would you leave the parcel outside in the rain?": a reproach
    // asked, not a question.
    p("why would you"),
    p("because of you"),
    p("user error"),
    p("caused by you|your"),
    p("due to your error|mistake|negligence|failure"),
    p("you obviously|clearly didn't|did|don't|haven't"),
    p("if you had just? followed|listened|done|checked"),
    // The thirteenth QA pass: the counterfactual of the customer's doing,
    // "If you had updated the app when we asked, this wouldn't have
    // happened" (kept only with what would have been: see `check`).
    p("if you had just|only? updated|installed|saved|backed|registered|entered|confirmed|replied|told|kept"),
    p("if you'd|youd just|only? updated|installed|saved|backed|registered|entered|confirmed|replied|told|kept"),
    p("had you just|only? updated|installed|saved|backed|registered|entered|confirmed|replied|told|kept"),
    // Putting the cause on what the customer did: "this happened because
    // you ignored the low-battery warnings" (the ninth QA pass).
    // (Not "since you forgot your password": forgetting is no fault.)
    p("because|since you ignored|disregarded|overlooked|neglected"),
    p("you ignored|disregarded the|our|my|all|every|both|these|those|repeated|several|multiple"),
    // The eleventh QA pass: the cause put on a slip of the customer's
    // ("because you reused your password from another site", "you gave us
    // the wrong address", "because you left the flat number off").
    p("because|since you reused your|the|a? password|pin|passcode|login"),
    p("because|since you misspelled|mistyped|misread"),
    // (Not "you told us the wrong item arrived": a report of our error.)
    p("you gave|sent|emailed us|me the|a|an? wrong|incorrect|invalid"),
    p("you left the|your flat|house|unit|door|apartment|room|suite|street|postcode number|name? off|out"),
];

/// Whether the finding at `s`, if it is a lecture on more care next time,
/// is said of ourselves: "We'll pack it more carefully next time", "I'll
/// make sure our team checks more carefully in future".
fn a_lecture_to_ourselves(doc: &Document, s: crate::span::Span) -> bool {
    let first = doc.token_at(s.start());
    if !matches!(doc.fold(first), "be" | "more" | "extra" | "carefully" | "properly" | "next" | "in") {
        return false;
    }
    let sentence = doc.tokens[first].sentence;
    (first.saturating_sub(12)..first).any(|k| {
        doc.tokens[k].sentence == sentence
            && matches!(
                doc.fold(k),
                "we" | "i" | "we'll" | "i'll" | "we've" | "i've" | "we're" | "i'm" | "our" | "us" | "team" | "they"
            )
    })
}

/// Whether the finding at `s`, if it is "this happened because you", puts
/// on the customer what was not their doing (see `check`).
fn happened_not_by_their_doing(doc: &Document, s: crate::span::Span) -> bool {
    let (first, last) = (doc.token_at(s.start()), doc.token_at(s.end() - 1));
    if !matches!(doc.fold(first), "this" | "that" | "it") || doc.fold(last) != "you" {
        return false;
    }
    let n = doc.tokens.len();
    let sentence = doc.tokens[first].sentence;
    let doing = last + 1 < n
        && doc.tokens[last + 1].sentence == sentence
        && matches!(
            doc.fold(last + 1),
            "chose"
                | "selected"
                | "picked"
                | "opted"
                | "didn't"
                | "didnt"
                | "did"
                | "never"
                | "forgot"
                | "ignored"
                | "skipped"
                | "missed"
                | "left"
                | "deleted"
                | "clicked"
                | "entered"
                | "typed"
                | "shared"
                | "gave"
                | "turned"
                | "removed"
                | "failed"
                | "let"
                | "reused"
                | "declined"
                | "refused"
        );
    // "... because you didn't receive the email": what did not reach them
    // is no doing of theirs.
    let befell = doing
        && matches!(doc.fold(last + 1), "didn't" | "didnt" | "did" | "never")
        && doc.tokens.get(last + 2).is_some_and(|t| t.sentence == sentence)
        && matches!(
            doc.fold(last + 2),
            "receive" | "received" | "get" | "got" | "hear" | "heard" | "see" | "saw" | "know" | "have" | "had"
        );
    let ours = doc.sentence_of(first).any(|k| {
        doc.fold(k) == "our"
            && doc.tokens.get(k + 1).is_some_and(|t| t.sentence == sentence)
            && matches!(
                doc.fold(k + 1),
                "system"
                    | "systems"
                    | "outage"
                    | "side"
                    | "end"
                    | "error"
                    | "mistake"
                    | "migration"
                    | "fault"
                    | "bug"
                    | "glitch"
            )
    });
    !doing || befell || ours
}

/// What the customer did, reproached in "why would you ...?".
const REPROACHED_DOINGS: &[&str] = &[
    "leave", "do", "put", "send", "throw", "ignore", "choose", "pick", "click", "open", "delete", "cancel", "book",
    "order", "buy", "say", "think", "try", "use", "let", "keep", "post", "sign", "agree", "accept", "share", "give",
    "assume", "expect", "wait", "write", "call", "type", "enter", "install", "doubt", "believe", "skip", "forget",
];

/// What the customer did by hand, a slip when done "wrong": "because you
/// typed the postcode wrong".
const SLIPS: &[&str] = &[
    "typed",
    "entered",
    "put",
    "filled",
    "spelled",
    "spelt",
    "wrote",
    "selected",
    "chose",
    "picked",
    "clicked",
    "set",
    "configured",
    "installed",
    "plugged",
    "connected",
    "booked",
    "ordered",
    "used",
    "scanned",
    "registered",
    "addressed",
    "labelled",
    "labeled",
    "packed",
    "input",
    "keyed",
    "read",
];

/// Where a cause is put on the customer: read by [`slips_given_as_cause`]
/// (the lexicon finds them, so no word of a draft without one is read).
pub(crate) const CAUSES: &[Phrase] = &[p("because|since you _")];

/// The cause put on a slip of the customer's, in a clause of its own (the
/// twelfth QA pass): "because you typed the postcode wrong", "since you
/// entered it incorrectly", "because you let your card expire".
fn slips_given_as_cause(doc: &Document, out: &mut Vec<Finding>) {
    let n = doc.tokens.len();
    for hit in doc.hits(T::BlameCause) {
        let k = hit.first as usize;
        let sentence = doc.tokens[k].sentence;
        let same = |j: usize| j < n && doc.tokens[j].sentence == sentence;
        if doc.tokens[k].gap_has(crate::document::gap::CLAUSE) {
            continue;
        }
        // A cause denied or supposed is put on no one: "it didn't fail
        // because you entered anything wrong", "you might think it failed
        // because ..." (the session's review).
        let denied = (k.saturating_sub(5)..k).any(|j| {
            doc.tokens[j].sentence == sentence
                && (crate::rules::is_negation(doc.fold(j))
                    || doc.fold(j).ends_with("n't")
                    || matches!(doc.fold(j), "think" | "thought" | "might" | "may" | "assume" | "wonder"))
        });
        if denied {
            continue;
        }
        let verb = doc.fold(k + 2);
        // The clause after the verb, at most six words.
        let clause = (k + 3..(k + 9).min(n))
            .take_while(|&j| same(j) && !doc.tokens[j - 1].gap_has(crate::document::gap::CLAUSE));
        let end = if crate::words::among(SLIPS, verb) {
            clause.clone().find(|&j| matches!(doc.fold(j), "wrong" | "wrongly" | "incorrectly" | "incorrect"))
        } else if verb == "let" {
            // ("let your card expire"; not "let us know your card would
            // expire", the session's review.)
            clause.clone().take(3).find(|&j| matches!(doc.fold(j), "expire" | "lapse")).filter(|&e| {
                (k + 3..e).all(|j| {
                    matches!(
                        doc.fold(j),
                        "your"
                            | "the"
                            | "card"
                            | "subscription"
                            | "membership"
                            | "policy"
                            | "plan"
                            | "insurance"
                            | "passport"
                            | "licence"
                            | "license"
                            | "domain"
                            | "account"
                            | "cover"
                    )
                })
            })
        } else {
            None
        };
        if let Some(end) = end {
            out.push(Finding::new(Cue::Blame, Some(doc.tokens[k].span.cover(doc.tokens[end].span))));
        }
    }
}

pub(crate) fn check(doc: &Document, _ctx: &Context, out: &mut Vec<Finding>) {
    let mut found = Vec::new();
    emit_table(doc, T::Blame, Cue::Blame, &[T::Sarcasm], &mut found);
    let mut slips = Vec::new();
    slips_given_as_cause(doc, &mut slips);
    // (One finding per slip: a phrase of the table may have spoken.)
    slips.retain(|m: &Finding| !found.iter().any(|f| f.span.zip(m.span).is_some_and(|(a, b)| a.overlaps(b))));
    if !slips.is_empty() {
        found.extend(slips);
        crate::order::sort_by_key(&mut found, |f| f.span);
    }
    // "this happened because you ..." blames only a doing of the
    // customer's ("... because you chose safe-place delivery", "... because
    // you didn't lock it"), not what befell them or what we did ("it
    // happened because you were one of the customers hit by our outage",
    // "because you asked us to pause it"), and not beside a cause of ours
    // ("... which caused the error on our side"): the fifteenth pass's
    // review.
    found.retain(|f| f.span.is_none_or(|s| !happened_not_by_their_doing(doc, s)));
    found.retain(|f| f.span.is_none_or(|s| !a_lecture_to_ourselves(doc, s)));
    // "This isn't your fault", "none of this is your fault": denying the
    // fault takes it off the customer.
    found.retain(|f| f.span.is_none_or(|s| !crate::rules::negated_before(doc, doc.token_at(s.start()), 3)));
    // "If you gave us the wrong email by mistake, don't worry": a
    // condition blames no one (the session's review).
    found.retain(|f| {
        f.span.is_none_or(|s| {
            let k = doc.token_at(s.start());
            !(k > 0
                && doc.tokens[k - 1].sentence == doc.tokens[k].sentence
                && matches!(doc.fold(k - 1), "if" | "whether" | "in case"))
        })
    });
    // "Why would you leave the parcel outside?" reproaches what the
    // customer did; "why would you get two emails? One is your receipt"
    // or "why would you like to cancel?" asks or explains.
    found.retain(|f| {
        f.span.is_none_or(|s| {
            let k = doc.token_at(s.start());
            if doc.fold(k) != "why" {
                return true;
            }
            let n = doc.tokens.len();
            let at = |j: usize| (j < n && doc.tokens[j].sentence == doc.tokens[k].sentence).then(|| doc.fold(j));
            let verb = if at(k + 3) == Some("ever") { at(k + 4) } else { at(k + 3) };
            verb.is_some_and(|v| crate::words::among(REPROACHED_DOINGS, v))
        })
    });
    // "If you had updated the app, this wouldn't have happened" blames;
    // "if you'd saved the draft, it will be under Drafts" helps: the
    // counterfactual only with what would (not) have been in its sentence
    // (the session's review of the thirteenth QA pass).
    found.retain(|f| {
        f.span.is_none_or(|s| {
            let k = doc.token_at(s.start());
            let counterfactual = || {
                doc.sentence_of(k).any(|j| {
                    matches!(
                        doc.fold(j),
                        "wouldn't"
                            | "wouldnt"
                            | "would've"
                            | "wouldve"
                            | "could've"
                            | "couldve"
                            | "couldn't"
                            | "couldnt"
                    ) || (matches!(doc.fold(j), "would" | "could")
                        // (Not a request: "could you tell me?")
                        && doc.tokens.get(j + 1).is_none_or(|_| !matches!(doc.fold(j + 1), "you" | "u")))
                })
            };
            // The verb after "if you had" or "if you'd", over "just".
            let new_verb = || {
                (k + 2..(k + 5).min(doc.tokens.len())).find(|&v| !matches!(doc.fold(v), "had" | "just")).is_some_and(
                    |v| {
                        matches!(
                            doc.fold(v),
                            "updated"
                                | "installed"
                                | "saved"
                                | "backed"
                                | "registered"
                                | "entered"
                                | "confirmed"
                                | "replied"
                                | "told"
                                | "kept"
                        )
                    },
                )
            };
            !(matches!(doc.fold(k), "if" | "had") && new_verb()) || counterfactual()
        })
    });
    // "If you ignored the first email, no problem": a condition.
    found.retain(|f| {
        f.span.is_none_or(|s| {
            let k = doc.token_at(s.start());
            !(doc.fold(k) == "you"
                && matches!(doc.fold(k + 1), "ignored" | "disregarded")
                && (k.saturating_sub(2)..k).any(|j| {
                    doc.tokens[j].sentence == doc.tokens[k].sentence
                        && matches!(doc.fold(j), "if" | "unless" | "when" | "case" | "whether" | "even")
                }))
        })
    });
    out.extend(found);
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;
    use crate::Cue;

    #[test]
    fn a_slip_given_as_the_cause_is_blame() {
        // The eleventh QA pass.
        assert_flags(Cue::Blame, "Your account was accessed ⟦because you reused your password⟧ from another site.");
        assert_flags(Cue::Blame, "It came back to us because ⟦you gave us the wrong⟧ address.");
        assert_flags(Cue::Blame, "The parcel came back because ⟦you left the flat number off⟧ your address.");
        // The twelfth QA pass: a slip given as the cause, in other words.
        assert_flags(Cue::Blame, "The parcel came back ⟦because you typed the postcode wrong⟧ at checkout.");
        assert_flags(Cue::Blame, "The payment failed ⟦because you let your card expire⟧ without updating it.");
        assert_clean(Cue::Blame, "It came back because the label was printed wrong, so I've sent a new one.");
        assert_clean(Cue::Blame, "Because you typed it in, the form saved your address.");
        assert_clean(Cue::Blame, "If you typed the postcode wrong, don't worry: I've fixed it.");
        // The session's review.
        assert_clean(Cue::Blame, "Hi Sam, because you let us know your card would expire, we've switched it.");
        assert_clean(Cue::Blame, "Hi Sam, it didn't fail because you entered anything wrong; the problem was ours.");
        assert_clean(
            Cue::Blame,
            "Hi Sam, you might think it failed because you entered your details wrong, but it was on our side.",
        );
        assert_clean(Cue::Blame, "Since you missed the delivery, I've rebooked it for Friday at no charge.");
        assert_clean(Cue::Blame, "Because you left a review, we've added 50 points to your account.");
        // The session's review.
        assert_clean(Cue::Blame, "As you told me, the wrong size was delivered, and I'm sorry.");
        assert_clean(Cue::Blame, "Since you reused the original packaging, the return was free of charge.");
        assert_clean(Cue::Blame, "If you gave us the wrong email by mistake, don't worry: reply with the right one.");
    }

    #[test]
    fn a_lecture_on_more_care_next_time_is_blame() {
        // The fifteenth QA pass.
        assert_flags(Cue::Blame, "Please read your documents ⟦carefully in future⟧.");
        assert_flags(Cue::Blame, "Please ⟦be more careful⟧ next time.");
        assert_flags(Cue::Blame, "⟦Next time, please double-check⟧ the address before you pay.");
        // Said of ourselves, or a tip for later, it is no blame.
        assert_clean(Cue::Blame, "We'll pack it more carefully next time, sorry.");
        assert_clean(Cue::Blame, "I'll make sure our team checks more carefully in future.");
        assert_clean(Cue::Blame, "In future, you can use the app to book.");
    }

    #[test]
    fn putting_the_cause_on_what_the_customer_did_is_blame() {
        assert_flags(Cue::Blame, "Hi Kate, ⟦this happened because you⟧ ignored the low-battery warnings.");
        assert_flags(Cue::Blame, "Hi Kate, the battery died ⟦because you ignored⟧ the low-battery warnings.");
        assert_flags(Cue::Blame, "Hi Kate, ⟦you ignored the⟧ warnings on the app.");
        assert_clean(Cue::Blame, "Hi Kate, if you ignored the first email, no problem: here it is again.");
        assert_clean(Cue::Blame, "Hi Kate, since you forgot your password, I've sent a reset link to your email.");
    }

    /// The thirteenth QA pass: the counterfactual of what the customer did
    /// ("because you never updated it" was dropped: "because you never paid
    /// the deposit, nothing has been taken" reassures, the review found).
    #[test]
    fn what_the_customer_would_have_done_is_blame() {
        assert_flags(Cue::Blame, "Hi Victor, ⟦If you had updated⟧ the app when we asked, this wouldn't have happened.");
        assert_flags(Cue::Blame, "Hi Victor, ⟦if you'd installed⟧ the update, the cards would not have gone.");
        assert_clean(
            Cue::Blame,
            "Hi Victor, if you had any trouble with the update, I've restored your saved cards now.",
        );
        // The session's review: helpful conditionals.
        assert_clean(Cue::Blame, "Hi Victor, if you'd saved the draft, it will be under Documents > Drafts.");
        assert_clean(Cue::Blame, "If you had updated to version 5.2 before the crash, could you tell me?");
        assert_flags(Cue::Blame, "⟦Had you updated⟧ the firmware when prompted, the router would not have dropped.");
        assert_flags(
            Cue::Blame,
            "⟦If you'd backed⟧ up your phone as the setup screen suggested, none of your photos would be lost.",
        );
        assert_clean(Cue::Blame, "Had you updated the app before it crashed?");
    }

    #[test]
    fn flags_blame() {
        assert_flags(Cue::Blame, "The order failed because ⟦you failed to⟧ confirm it.");
        assert_flags(Cue::Blame, "⟦You should have checked⟧ the size chart.");
        assert_flags(Cue::Blame, "⟦That's your fault⟧.");
        // Found by the fifth QA pass; "that's on us" owns it.
        assert_flags(Cue::Blame, "⟦That's on you⟧, I'm afraid - the address you entered was wrong.");
        assert_clean(Cue::Blame, "That's on us, I'm afraid - we sent it to the wrong address.");
    }

    #[test]
    fn allows_no_fault_phrasing() {
        assert_clean(Cue::Blame, "It looks like the payment didn't go through, so let's retry it.");
        assert_clean(Cue::Blame, "You should have the parcel by Friday.");
        // Denying the fault takes it off the customer.
        assert_clean(Cue::Blame, "This isn't your fault. It wasn't your fault at all.");
        assert_clean(Cue::Blame, "None of this is your fault, and please don't blame yourself: it's not your fault.");
        assert_flags(Cue::Blame, "Honestly, ⟦this is your fault⟧.");
    }

    #[test]
    fn a_hyphenated_step_the_customer_should_have_taken_is_blame_too() {
        // The scan reads "double-checked" as two words: a phrase written
        // with the hyphen never matched (session 47).
        assert_flags(Cue::Blame, "⟦You should have double-checked⟧ the address before ordering.");
        assert_flags(Cue::Blame, "⟦You should've double-checked⟧ the address.");
        assert_flags(Cue::Blame, "⟦You should have double checked⟧ the address.");
    }

    #[test]
    fn a_step_the_customer_did_not_take_is_put_on_them() {
        // Found by the seventh QA pass: the contracted form never matched
        // (the pattern's "did not" was read word by word).
        assert_flags(Cue::Blame, "Hi Adam, the form was rejected because ⟦you didn't follow⟧ the instructions.");
        // The fifteenth QA pass: a setting left off, and what happened put
        // on a choice.
        assert_flags(Cue::Blame, "Amy, the purchase went through ⟦because you didn't turn on⟧ parental controls.");
        assert_flags(
            Cue::Blame,
            "The parcel was left at your door, so ⟦this happened because you⟧ chose safe-place delivery.",
        );
        assert_clean(Cue::Blame, "Because you chose express delivery, it will arrive tomorrow.");
        // The pass's review: what befell them, what they asked of us, and
        // beside a cause of ours, no blame.
        for not_theirs in [
            "It happened because you were one of the customers hit by our outage on Monday, and I'm sorry.",
            "This happened because you trusted our estimate, and I'm sorry.",
            "That happened because you asked us to pause the account, exactly as you wanted.",
            "It happened because you didn't receive the email with the new code.",
            "This happened because you chose the new plan during our migration, which caused the error.",
        ] {
            assert_clean(Cue::Blame, not_theirs);
        }
        assert_clean(Cue::Blame, "I've switched it on for you, since you didn't see the option in the app.");
        assert_flags(Cue::Blame, "Hi Adam, the form was rejected because ⟦you did not follow⟧ the instructions.");
        assert_clean(Cue::Blame, "Hi Adam, it's not your fault you didn't receive the form: we never sent it.");
        assert_clean(Cue::Blame, "Hi Adam, don't worry if you didn't read the terms: here is the short version.");
        // A reproach asked as a question (and no polite request).
        assert_flags(Cue::Blame, "Hi Priya, ⟦why would you⟧ leave the parcel outside in the rain?");
        assert_clean(Cue::PoliteRequest, "Hi Priya, why would you leave the parcel outside in the rain?");
        assert_clean(Cue::Blame, "Hi Priya, why would you like to cancel? I may be able to help.");
        assert_clean(
            Cue::Blame,
            "Hi Priya, why would you get two emails? One is your receipt and the other is the booking confirmation.",
        );
        assert_flags(Cue::Blame, "Hi Priya, ⟦why would you⟧ ever throw the receipt away?");
        assert_flags(Cue::PoliteRequest, "⟦Could you⟧ tell me why, ⟦please⟧?");
    }

    #[test]
    fn booking_the_wrong_dates_is_put_on_the_customer() {
        assert_flags(Cue::Blame, "Hi Priya, ⟦you booked the wrong⟧ dates yourself.");
        assert_clean(Cue::Blame, "Hi Priya, we booked the wrong dates, and I've fixed them.");
    }
}
