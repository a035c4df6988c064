//! `negative-language` and `positive-language`: leading with what can't be
//! done versus what can.

use crate::context::Context;
use crate::cue::Cue;
use crate::document::{gap, Document};
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
    p("isn't|isnt possible"),
    p("not something i|we can do|offer"),
    p("we don't|dont ship|deliver to"),
    p("we do not ship|deliver to"),
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
    // A refusal in the passive (the thirteenth QA pass): "refunds cannot be
    // issued for opened software", "the booking can't be changed". What
    // is refused, by what the thing is (not "your booking can't be lost",
    // "the fee can't be more than £5": the session's review).
    p("refund|refunds cannot|can't|cant be issued|given|offered|made|processed|approved|paid"),
    p("booking|bookings|ticket|tickets|order|orders|reservation|reservations|subscription|subscriptions|membership|memberships|plan cannot|can't|cant be changed|cancelled|canceled|amended|moved|transferred|refunded|exchanged|returned|modified|rebooked"),
    p("fee|fees|charge|charges|penalty|penalties cannot|can't|cant be waived|refunded|reversed|removed|cancelled|canceled"),
    p("return|returns|exchange|exchanges cannot|can't|cant be accepted|processed|offered|made|given"),
    // Whatever the thing, refusing to take it back or make it good is a
    // refusal: "opened headphones can't be returned", "sale items cannot
    // be exchanged" (the fifteenth QA pass).
    p("cannot|can't|cant be returned|exchanged|refunded|replaced|repaired"),
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
    p("there's|theres nothing more|else|further|extra? you need|have to do"),
    p("there is nothing more|else|further|extra? you need|have to do"),
    p("there's|theres nothing more|else|further|extra? for you to do"),
    p("there is nothing more|else|further|extra? for you to do"),
    p("there's|theres nothing to worry about"),
    p("there is nothing to worry about"),
    // Good news about money: "so there's nothing more to pay".
    p("there's|theres nothing more|else|further|extra|left? to pay|owe"),
    p("there is nothing more|else|further|extra|left? to pay|owe"),
];

pub(crate) fn check(doc: &Document, _ctx: &Context, out: &mut Vec<Finding>) {
    // "there's nothing further to pay out on your claim", "nothing more to
    // pay you": money we will not pay, not money the customer is spared.
    let refusals: Vec<crate::span::Span> = doc
        .hits(T::Positive)
        .iter()
        .filter(|h| {
            let last = h.last as usize;
            matches!(doc.fold(last), "pay" | "owe")
                && last + 1 < doc.tokens.len()
                && doc.tokens[last + 1].sentence == doc.tokens[last].sentence
                && matches!(doc.fold(last + 1), "out" | "you" | "them" | "him" | "her" | "anything")
        })
        .map(|h| h.span)
        .collect();
    let mut found = Vec::new();
    emit_table(
        doc,
        T::Negative,
        Cue::NegativeLanguage,
        &[T::Sarcasm, T::Deflection, T::Empathy, T::NotApology],
        &mut found,
    );
    found.retain(|f| {
        f.span.is_none_or(|s| !doc.any_hit_overlaps(T::Positive, s) || refusals.iter().any(|r| r.overlaps(s)))
    });
    // "there is nothing wrong with your account", "there's nothing of
    // concern": good news, nothing refused (the twelfth QA pass).
    found.retain(|f| {
        f.span.is_none_or(|s| {
            let last = doc.token_at(s.end() - 1);
            let next = |d: usize| {
                doc.tokens.get(last + d).filter(|t| t.sentence == doc.tokens[last].sentence).map(|_| doc.fold(last + d))
            };
            let reassures = doc.fold(last) == "nothing"
                && !doc.tokens[last].gap_has(gap::CLAUSE)
                && (matches!(
                    next(1),
                    Some(
                        "wrong"
                            | "urgent"
                            | "unusual"
                            | "suspicious"
                            | "concerning"
                            | "worrying"
                            | "alarming"
                            | "serious"
                            | "abnormal"
                            | "amiss"
                            | "missing"
                            | "broken"
                            | "faulty"
                    )
                ) || (next(1) == Some("of") && matches!(next(2), Some("concern" | "note"))));
            !reassures
        })
    });
    // (Weeded at the end of `out`, `rules::retain_from`: the findings of
    // the rules before are not asked about.)
    let negative = out.len();
    out.extend(found);
    // "I cannot stress this enough", "we can't thank you enough": an
    // intensifier, not a refusal.
    crate::rules::retain_from(out, negative, |f| {
        f.cue != Cue::NegativeLanguage || f.span.is_none_or(|s| !intensifies(doc, s))
    });
    // "We don't allow profiting from human tragedies": a stand against
    // others' misconduct, on the customer's side, refuses them nothing.
    crate::rules::retain_from(out, negative, |f| {
        f.cue != Cue::NegativeLanguage || f.span.is_none_or(|s| !forbids_misconduct(doc, s))
    });
    // "It is possible to upgrade ...; however, it is not possible to
    // downgrade": what can't be done, after what can, does not lead.
    // (Read only when there is a negation to weigh: most replies hold none.)
    let can_from = if out[negative..].iter().any(|f| f.cue == Cue::NegativeLanguage) { first_can(doc) } else { None };
    crate::rules::retain_from(out, negative, |f| {
        f.cue != Cue::NegativeLanguage || f.span.is_none_or(|s| !follows_what_can_be_done(doc, s, can_from))
    });
    // "that is of course your choice", "the fee is of course refundable":
    // a hedge inside a clause, not a warm yes (the fifteenth QA pass).
    let not_a_hedge = |k: usize| {
        !(doc.fold(k) == "of"
            && k > 0
            && doc.tokens[k - 1].sentence == doc.tokens[k].sentence
            && !doc.tokens[k - 1].gap_has(gap::CLAUSE)
            && matches!(
                doc.fold(k - 1),
                "is" | "are" | "was" | "were" | "be" | "will" | "would" | "can" | "it's" | "that's"
            ))
    };
    // "I'm sorry you didn't enjoy your meal": a warm word negated is none
    // (the eighth QA pass).
    // (The shared negations leave out "didn't" and "doesn't", which other
    // rules read as they are.)
    // ("No, of course we can" is warm: a negation before a comma denies
    // nothing after it.)
    // (Not "Why not enjoy ...", "not only enjoy", "don't just enjoy", "no
    // reason not to enjoy", "nothing but good news", "Isn't that great
    // news?": the reviewer's cases.)
    let negated = |k: usize| {
        (k.saturating_sub(2)..k).any(|j| {
            doc.tokens[j].sentence == doc.tokens[k].sentence
                && (j..k).all(|m| !doc.tokens[m].gap_has(gap::CLAUSE) && !matches!(doc.fold(m), "just" | "only"))
                && matches!(
                    doc.fold(j),
                    "didn't"
                        | "didnt"
                        | "doesn't"
                        | "doesnt"
                        | "don't"
                        | "dont"
                        | "never"
                        | "wasn't"
                        | "wasnt"
                        | "weren't"
                        | "couldn't"
                        | "can't"
                        | "cannot"
                        | "won't"
                        | "not"
                )
                && !(j > 0 && matches!(doc.fold(j - 1), "why" | "reason" | "but"))
        })
    };
    // "I know you were looking forward to the concert": the customer's
    // hope, told back in empathy, is not the reply's own positive wording
    // (the tenth QA pass).
    let theirs = |k: usize| {
        matches!(doc.fold(k), "looking" | "excited" | "thrilled" | "happy" | "glad" | "delighted" | "pleased")
            && (k.saturating_sub(3)..k).any(|j| {
                matches!(doc.fold(j), "you" | "you're" | "youre" | "you've" | "you'd")
                    // ("Thank you happy to help": "you" and a state need a
                    // verb between them, the session's review.)
                    && (doc.fold(j) != "you" || k - j >= 2)
                    && (j..k).all(|m| {
                        !doc.tokens[m].gap_has(gap::CLAUSE)
                            && (m == j
                                || matches!(doc.fold(m), "were" | "was" | "are" | "been" | "be" | "so" | "really"))
                    })
            })
    };
    // (Each finding tested at its hit's first token, by the tests in the
    // order written, `rules::emit_table_where`.)
    crate::rules::emit_table_where(doc, T::Positive, Cue::PositiveLanguage, &[T::Sarcasm], out, |hit, (k, _)| {
        !refusals.contains(&hit.span) && not_a_hedge(k) && !negated(k) && !theirs(k)
    });
}

/// Wrongdoing that a company forbids on the customer's behalf.
const MISCONDUCT: &[&str] = &[
    "touts",
    "touting",
    "scalpers",
    "profiting",
    "profiteering",
    "gouging",
    "abuse",
    "abusive",
    "harassment",
    "hate",
    "fraud",
    "fraudulent",
    "scam",
    "scams",
    "spam",
    "counterfeit",
    "counterfeits",
    "fakes",
    "bullying",
    "threats",
    "discrimination",
    "scalping",
    "exploitation",
    "exploiting",
    "impersonation",
    "misinformation",
    "illegal",
];

/// Whether the refusal at `span` ("we don't allow", "not permitted") is
/// of misconduct: one of [`MISCONDUCT`] within four words after it, or
/// before it in its clause ("price gouging is not allowed"); or whether
/// the regret at `span` ("unfortunately") is at misconduct later in its
/// sentence.
fn forbids_misconduct(doc: &Document, span: crate::span::Span) -> bool {
    let (first, last) = (doc.token_at(span.start()), doc.token_at(span.end() - 1));
    let sentence = doc.tokens[last].sentence;
    // "Unfortunately there appears to be a lot of misinformation
    // circulating": regret at others' doing, in its sentence.
    if matches!(doc.fold(last), "unfortunately" | "regrettably") {
        return (last + 1..(last + 13).min(doc.tokens.len()))
            .take_while(|&k| doc.tokens[k].sentence == sentence)
            .any(|k| crate::words::among(MISCONDUCT, doc.fold(k)));
    }
    if !matches!(doc.fold(last), "allow" | "permit" | "accept" | "allowed" | "permitted") {
        return false;
    }
    let after = (last + 1..(last + 5).min(doc.tokens.len())).take_while(|&k| doc.tokens[k].sentence == sentence);
    let before = (first.saturating_sub(4)..first).filter(|&k| doc.tokens[k].sentence == sentence);
    // Or a rule that, by its sentence, protects the customer: "..., which
    // protects fans like you from touts".
    let n = doc.tokens.len();
    let rest = || (last + 1..(last + 25).min(n)).take_while(|&k| doc.tokens[k].sentence == sentence);
    let protects = rest().any(|k| matches!(doc.fold(k), "protects" | "protect" | "protecting" | "safeguards"))
        && rest().any(|k| matches!(doc.fold(k), "you" | "customers" | "fans" | "buyers" | "members" | "users"));
    protects || after.chain(before).any(|k| crate::words::among(MISCONDUCT, doc.fold(k)))
}

/// The first token where the reply says what can be done: "possible
/// to" (not negated), "you|we|i can" (not "can see", "can understand"),
/// "able to"; found once for the whole reply.
fn first_can(doc: &Document) -> Option<usize> {
    let n = doc.tokens.len();
    let negated = |k: usize| k > 0 && matches!(doc.fold(k - 1), "not" | "never" | "no");
    (0..n).find(|&k| {
        doc.tokens[k].is_agent()
            && match doc.fold(k) {
                "possible" => {
                    !(negated(k) || k > 1 && doc.fold(k - 2) == "not") && k + 1 < n && doc.fold(k + 1) == "to"
                }
                "can" => {
                    k > 0
                        && matches!(doc.fold(k - 1), "you" | "we" | "i")
                        && (k + 1 >= n
                            || !matches!(
                                doc.fold(k + 1),
                                "not" | "see" | "understand" | "imagine" | "appreciate" | "confirm" | "tell" | "assure"
                            ))
                }
                "able" => !negated(k) && k + 1 < n && doc.fold(k + 1) == "to",
                _ => false,
            }
    })
}

/// Whether the negation at `span` opens a contrast ("however", "but") or
/// a caveat ("keep in mind that") after what the reply has already said
/// can be done: "possible", "you
/// can", "we can", "able to", not negated, earlier in the reply.
fn follows_what_can_be_done(doc: &Document, span: crate::span::Span, can_from: Option<usize>) -> bool {
    let first = doc.token_at(span.start());
    let sentence = doc.tokens[first].sentence;
    // A contrast, or a caveat ("keep in mind that", "please note that").
    let contrast = (first.saturating_sub(10)..first).any(|k| {
        doc.tokens[k].sentence == sentence
            && (matches!(doc.fold(k), "however" | "but" | "although" | "though" | "note" | "what") && k + 4 >= first
                || (doc.fold(k) == "mind" && k > 1 && matches!(doc.fold(k - 2), "keep" | "bear")))
    });
    if !contrast {
        return false;
    }
    can_from.is_some_and(|c| c < first)
}

/// Whether the negation at `span` is "can't <say> ... enough", or
/// "can't believe" / "can't imagine" (dismay, not a refusal).
fn intensifies(doc: &Document, span: crate::span::Span) -> bool {
    let last = doc.token_at(span.end() - 1);
    let sentence = doc.tokens[last].sentence;
    let verb = last + 1;
    // "I can't believe you've been waiting three weeks": dismay, on the
    // customer's side.
    if verb < doc.tokens.len()
        && doc.tokens[verb].sentence == sentence
        && matches!(doc.fold(verb), "believe" | "imagine")
    {
        return true;
    }
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
    fn the_customers_own_hope_is_not_the_replys_positive_wording() {
        // The tenth QA pass.
        assert_clean(
            Cue::PositiveLanguage,
            "Hi Sam, I know you were looking forward to the concert, and I'm sorry it was cancelled.",
        );
        assert_flags(Cue::PositiveLanguage, "Hi Sam, we're ⟦looking forward⟧ to seeing you.");
        // The fifteenth QA pass: "of course" hedging a clause.
        assert_clean(Cue::PositiveLanguage, "Fiona, if you'd rather switch, that is of course your choice.");
        assert_flags(Cue::PositiveLanguage, "Fiona, ⟦of course⟧! I've switched you to the cheaper plan.");
        assert_flags(Cue::PositiveLanguage, "Hi Sam, you'll be ⟦glad to⟧ hear the refund is through.");
        assert_flags(Cue::PositiveLanguage, "Thank you ⟦happy to⟧ help");
    }

    /// The thirteenth QA pass: a refusal in the passive.
    #[test]
    fn a_refusal_in_the_passive_is_negative_wording() {
        // The fifteenth QA pass: taking back or making good, of any thing.
        assert_flags(Cue::NegativeLanguage, "Hi Victor, opened headphones ⟦can't be returned⟧ for hygiene reasons.");
        assert_flags(Cue::NegativeLanguage, "Hi, sale items ⟦cannot be exchanged⟧.");
        assert_clean(Cue::NegativeLanguage, "Hi, your booking can't be lost: it's saved to your account.");
        assert_flags(Cue::NegativeLanguage, "As per company policy, ⟦refunds cannot be issued⟧ for opened software.");
        assert_flags(Cue::NegativeLanguage, "Hi Sam, the ⟦booking can't be changed⟧ after check-in.");
        assert_clean(
            Cue::NegativeLanguage,
            "Hi Sam, your refund has been issued and the booking is changed to Friday.",
        );
        // The session's review: reassurance and facts in the same words.
        assert_clean(
            Cue::NegativeLanguage,
            "Don't worry, your booking can't be lost and the fee can't be more than £5.",
        );
        assert_clean(Cue::NegativeLanguage, "Your tickets cannot be resold by anyone else.");
    }

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
        assert_clean(Cue::PositiveLanguage, "Hi Lucas, I'm sorry you didn't enjoy your meal.");
        assert_flags(Cue::PositiveLanguage, "Hi Lucas, ⟦enjoy⟧ your meal!");
        assert_flags(Cue::PositiveLanguage, "No, ⟦of course⟧ we can move it.");
        assert_flags(Cue::PositiveLanguage, "Why not ⟦enjoy⟧ a free month of Premium on us?");
        assert_flags(Cue::PositiveLanguage, "You'll not only ⟦enjoy⟧ faster speeds but also save £5 a month.");
        assert_clean(Cue::NegativeLanguage, "I can't wait to hear how you like it!");
        assert_clean(Cue::NegativeLanguage, "Hi Priya, I cannot stress this enough: back up your files first.");
        assert_clean(Cue::NegativeLanguage, "We can't thank you enough for the report.");
        assert_clean(
            Cue::NegativeLanguage,
            "Hi Fran, I can't believe you've been waiting three weeks for this, I'm so sorry.",
        );
        assert_clean(Cue::NegativeLanguage, "We cannot imagine how stressful this has been.");
        assert_flags(Cue::NegativeLanguage, "⟦We cannot⟧ stress-test it for you.");
        // Reassurance: nothing for the customer to do or worry about.
        assert_clean(Cue::NegativeLanguage, "There's nothing you need to do: the refund is automatic.");
        assert_clean(Cue::NegativeLanguage, "There is nothing else for you to do, and nothing to worry about.");
        assert_flags(Cue::NegativeLanguage, "⟦There's nothing⟧ we can change.");
        // Good news (the twelfth QA pass).
        assert_clean(Cue::NegativeLanguage, "Hi Sam, there is nothing wrong with your account.");
        assert_clean(Cue::NegativeLanguage, "Dr Ahmed has reviewed them and there is nothing urgent to flag.");
        assert_clean(Cue::NegativeLanguage, "Dr Shah has reviewed them and there's nothing of concern.");
        assert_flags(Cue::NegativeLanguage, "⟦There's nothing⟧ available on that date.");
        assert_flags(Cue::NegativeLanguage, "I'm afraid ⟦there is nothing⟧ outstanding for us to refund.");
    }

    #[test]
    fn a_stand_against_misconduct_refuses_the_customer_nothing() {
        // A real reply's words.
        assert_clean(
            Cue::NegativeLanguage,
            "We're working to get those items removed, as we don't allow profiting from human tragedies.",
        );
        assert_clean(Cue::NegativeLanguage, "Price gouging is not permitted on our marketplace.");
        assert_clean(
            Cue::NegativeLanguage,
            "We do not permit resale of tickets above face value, which protects fans like you from touts.",
        );
        assert_flags(Cue::NegativeLanguage, "Sorry, ⟦we don't allow⟧ returns after 30 days.");
        assert_clean(
            Cue::NegativeLanguage,
            "We appreciate your concern. Unfortunately there appears to be a considerable amount of misinformation circulating.",
        );
        assert_flags(Cue::NegativeLanguage, "⟦Unfortunately⟧ the refund was declined by your bank.");
    }

    #[test]
    fn what_cant_be_done_after_what_can_does_not_lead() {
        // A real reply's words.
        assert_clean(
            Cue::NegativeLanguage,
            "Glad to clarify. It is possible to upgrade a PSN account once this turns 18, however, it is not possible to downgrade a PSN account.",
        );
        assert_clean(Cue::NegativeLanguage, "You can change the date online, but we can't change the airport.");
        assert_clean(
            Cue::NegativeLanguage,
            "You can follow the steps here to delete it: https://example.com/delete Keep in mind that after the owner deletes an account, we are unable to re-enable the account for security reasons.",
        );
        assert_flags(Cue::NegativeLanguage, "Keep in mind that ⟦we are unable to⟧ re-enable a deleted account.");
        // "What I can't do is ..." after what I can.
        assert_clean(
            Cue::NegativeLanguage,
            "I can credit £15 to your account today; what I can't do is waive the whole cancellation fee.",
        );
        assert_flags(Cue::NegativeLanguage, "Sorry, that's ⟦not something we can do⟧ at the moment.");
        assert_flags(Cue::NegativeLanguage, "It ⟦isn't possible⟧ to merge two accounts.");
        assert_flags(Cue::NegativeLanguage, "⟦We don't ship to⟧ PO boxes.");
        // Leading with it, or a contrast with nothing possible before it.
        assert_flags(Cue::NegativeLanguage, "⟦We can't⟧ change the airport, but you can change the date online.");
        assert_flags(Cue::NegativeLanguage, "Thanks for asking. However, it is ⟦not possible⟧ to downgrade.");
        // Seeing or understanding is not something done for the customer.
        assert_flags(
            Cue::NegativeLanguage,
            "Hi Sam, I can understand your frustration, but ⟦we are unable to⟧ refund this order.",
        );
        assert_flags(Cue::NegativeLanguage, "Hi Sam, I can see the charge, but it is ⟦not possible⟧ to refund it.");
        assert_flags(
            Cue::NegativeLanguage,
            "It is ⟦not possible⟧ to upgrade, and however you ask, it's ⟦not possible⟧ to downgrade.",
        );
    }

    #[test]
    fn nothing_further_to_do_reassures() {
        assert_clean(Cue::NegativeLanguage, "Hi Priya, there is nothing further you need to do.");
        assert_flags(Cue::NegativeLanguage, "Hi Priya, ⟦there is nothing⟧ we can change now.");
        // Nothing left to pay is good news (QA pass 7).
        assert_clean(
            Cue::NegativeLanguage,
            "Hi Sam, I've closed the account and cancelled the final bill, so there's nothing more to pay.",
        );
        assert_clean(Cue::NegativeLanguage, "Hi Sam, there is nothing left to pay on the account.");
        assert_flags(
            Cue::NegativeLanguage,
            "Hi Priya, I'm afraid ⟦there is nothing⟧ further to pay out on your claim.",
        );
        assert_clean(Cue::PositiveLanguage, "Hi Priya, I'm afraid there is nothing further to pay out on your claim.");
        assert_flags(Cue::NegativeLanguage, "Hi Sam, ⟦there is nothing⟧ we can refund.");
    }
}
