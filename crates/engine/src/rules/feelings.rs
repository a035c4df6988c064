//! `feelings-unacknowledged`: the customer is frustrated, angry, worried or
//! disappointed, and the reply neither apologises nor shows empathy.
//!
//! A feeling counts when the customer names it ("I'm so frustrated", "this
//! is unacceptable", "I'm worried") and it is not negated ("no worries",
//! "not angry"), or when it shows in two different ways at once (a run of
//! `!!!`, several words in capitals, "seriously", an angry emoji), or in
//! one strong way (an angry face, a message mostly in capitals, a run of
//! `!!!` or `?!?!` ending a complaint or a question). The reply
//! acknowledges it with a sincere apology (`apology`), empathy (`empathy`),
//! or a plain acknowledgement ("Oh no!", "not the experience we want",
//! "don't worry"); a hollow "sorry for any inconvenience" does not.

use crate::cue::{Cue, Severity};
use crate::document::{flag, gap, Document};
use crate::finding::{Finding, Relation};
use crate::lexicon::{p, Phrase};
use crate::rules::exchange::{negated, Exchange};
use crate::rules::T;
use crate::span::Span;

/// Anger, in the customer's words.
pub(crate) const ANGER: &[Phrase] = &[
    p("angry|furious|livid|outraged|irate|enraged|infuriated|infuriating|fuming|seething"),
    p("pissed"),
    p("mad at|about"),
    p("so|really|very|extremely mad"),
    p("disgusted|disgusting|disgraceful|disgrace|appalled|appalling|outrageous|scandalous"),
    p("how dare"),
    p("sick and tired"),
];

/// Frustration.
pub(crate) const FRUSTRATION: &[Phrase] = &[
    p("frustrated|frustrating|frustration|exasperated|exasperating"),
    p("fed up"),
    p("sick of"),
    p("tired of"),
    p("had enough"),
    p("wits|wit's end"),
    p("annoyed|annoying|irritated|irritating|aggravated|aggravating"),
    p("ridiculous|unacceptable|absurd|ludicrous|pathetic|useless|hopeless|shambles|nightmare|farce"),
    p("is|what|such|utter|total|complete|absolute|bloody|fucking joke"),
    p("is|was a|an joke"),
    p("a complete|total|absolute|bloody|sick joke"),
    p("terrible|awful|horrible|horrendous|atrocious|dreadful|abysmal|shocking|woeful"),
    p("worst"),
    p("waste of my? time|money"),
    p("driving me crazy|mad|insane|nuts"),
    p("losing my? patience|mind"),
    p("not happy|impressed|pleased"),
    p("unhappy|upset"),
    p("i give up"),
    p("i hate"),
    p("hate this|it|that"),
    p("sucks"),
    // Swearing at what the company makes or does (the fifteenth QA pass):
    // "your app is crap", "your customer service is rubbish", "absolute
    // garbage" (not "my signal at home is rubbish": a thing described).
    p("your _ is|are|was|were crap|rubbish|garbage|shit|shite|trash"),
    p("your _ _ is|are|was|were crap|rubbish|garbage|shit|shite|trash"),
    p("absolute|utter|complete|total crap|rubbish|garbage|shit|shite|trash"),
    p("beyond a joke"),
    p("beyond frustrated|annoyed|angry"),
];

/// Worry.
pub(crate) const WORRY: &[Phrase] = &[
    p("worried|worrying|anxious|nervous|scared|afraid|frightened|panicking|panicked|stressed|stressful|desperate"),
    p("i'm|im|am|i|was|totally|completely freaking|freaked out"),
    p("worry|worries that|about"),
    p("i'm|im|am|really|very|quite|bit|little|getting|extremely|deeply|so concerned"),
    p("distressing|distressed|upsetting|heartbreaking"),
    p("concerned about|that"),
    p("panic"),
];

/// Disappointment.
pub(crate) const DISAPPOINTMENT: &[Phrase] = &[
    p("disappointed|disappointing|disappointment|gutted|heartbroken|devastated|saddened"),
    p("let down"),
    p("letdown"),
    p("expected better|more"),
    p("so|really|very sad"),
    p("sad to|that"),
];

/// Signs of strong feeling that count only two of a kind together.
pub(crate) const HEAT: &[Phrase] = &[
    p("seriously"),
    p("ugh|ugh|argh|grr|smh|ffs|omg|wtf"),
    p("come on"),
    p("for god's|gods|heaven's|heavens|pete's sake"),
    p("urgent|urgently|immediately|asap"),
];

/// Acknowledgements in the reply beyond an apology or empathy.
pub(crate) const ACKNOWLEDGE: &[Phrase] = &[
    p("oh no"),
    p("yikes"),
    p("not the experience|service we"),
    p("not the type|kind|sort of experience|service"),
    p("want|wanted you to feel|experience"),
    p("and apologize|apologise|apologies"),
    p("sounds like it can|could|might|must be? difficult|frustrating|stressful|worrying|annoying|upsetting|confusing|tough|hard|scary"),
    p("never our intention"),
    p("hate to hear|see"),
    p("don't|dont like to hear|see"),
    p("do not like to hear|see"),
    p("not what we like|want to hear|see"),
    p("we|i understand"),
    p("we|i can|do|totally|completely|fully|really understand"),
    p("understand your|the frustration|concern|worry|disappointment"),
    p("don't|dont worry"),
    p("do not worry"),
    p("no need to worry|panic"),
    p("nothing to worry about"),
    p("rest assured"),
    p("that's|thats not okay|ok|right|acceptable|good"),
    p("that is not okay|ok|right|acceptable|good"),
    p("not ideal|good|okay|ok|acceptable"),
    p("we want to make this|it|things right"),
    p("let's|lets make this|it|things right"),
];

/// The feelings, in the order they are reported when several show.
const FEELINGS: &[(T, &str)] =
    &[(T::Anger, "anger"), (T::Frustration, "frustration"), (T::Worry, "worry"), (T::Disappointment, "disappointment")];

const ANGRY_EMOJI: &[char] =
    &['😡', '😠', '🤬', '😤', '😢', '😭', '😞', '😩', '😫', '🙄', '💔', '😒', '😑', '😣', '😖', '😟', '😰', '😨', '😱'];

/// The feeling the customer shows, and the words that show it.
fn feeling(msg: &Document) -> Option<(&'static str, Span)> {
    let mut best: Option<(usize, &'static str, Span)> = None;
    // Venting by question ("How is this even possible?", "What's the
    // point ...?!") is frustration shown.
    if let Some(h) = msg.hits(T::Rhetorical).iter().find(|h| !msg.tokens[h.first as usize].is(flag::QUOTED)) {
        best = Some((1, "frustration", h.span));
    }
    for (rank, &(table, name)) in FEELINGS.iter().enumerate() {
        for h in msg.hits(table) {
            let k = h.first as usize;
            if negated(msg, k) || msg.tokens[k].is(flag::QUOTED) {
                continue;
            }
            // "as far as I'm concerned", "worried about nothing" are not worry.
            if table == T::Worry && k >= 2 && msg.fold(k - 2) == "far" {
                continue;
            }
            // "terrible with names" describes the customer; "some annoying,
            // non-fatal bugs" is a mild aside.
            let last = h.last as usize;
            // ("Fed up with it", "annoyed with you" are feelings.)
            if last + 1 < msg.tokens.len()
                && matches!(msg.fold(last + 1), "with" | "at")
                && table == T::Frustration
                && matches!(
                    msg.fold(k),
                    "terrible" | "awful" | "horrible" | "dreadful" | "abysmal" | "hopeless" | "useless" | "shocking"
                )
            {
                continue;
            }
            if k > 0
                && matches!(
                    msg.fold(k - 1),
                    "some" | "few" | "minor" | "slightly" | "mildly" | "somewhat" | "bit" | "little"
                )
                && !understated(msg, k - 1)
            {
                continue;
            }
            let earlier =
                best.is_none_or(|(r, _, s)| h.span.start() < s.start() || (h.span.start() == s.start() && rank < r));
            if earlier {
                best = Some((rank, name, h.span));
            }
        }
    }
    if let Some((_, name, span)) = best {
        return Some((name, span));
    }
    // Shown rather than said: two different signs of heat. Capitals, "!!!"
    // and "OMG" in a sentence of joy are joy ("THANK YOU SO MUCH!!!",
    // "OMG I just won!!!"), not heat: the sentences of joy are found once.
    let joyful_sentences = joyful_sentences(msg);
    let in_joy = |at: usize| {
        let k = msg.token_at(at).min(msg.tokens.len().saturating_sub(1));
        msg.tokens.get(k).is_some_and(|t| joyful_sentences.binary_search(&t.sentence).is_ok())
    };
    let mut signs: Vec<Span> = Vec::new();
    let mut kinds = 0;
    if let Some(run) = msg.exclamation_runs.iter().find(|r| r.len() >= 3 && !in_joy(r.start().saturating_sub(1))) {
        signs.push(*run);
        kinds += 1;
    }
    let caps: Vec<Span> = msg
        .tokens
        .iter()
        .filter(|t| t.is_agent() && t.is(flag::ALL_CAPS) && t.is(flag::ALPHA) && t.span.len() >= 4)
        .filter(|t| joyful_sentences.binary_search(&t.sentence).is_err())
        .map(|t| t.span)
        .collect();
    if caps.len() >= 3 {
        signs.push(caps[0]);
        kinds += 1;
    }
    if let Some(h) = msg.hits(T::Heat).iter().find(|h| !in_joy(h.span.start())) {
        signs.push(h.span);
        kinds += 1;
    }
    if let Some((at, c)) = msg.text.char_indices().find(|(_, c)| ANGRY_EMOJI.contains(c)) {
        signs.push(Span::new(at, at + c.len_utf8()));
        kinds += 1;
    }
    if kinds >= 2 {
        crate::order::sort(&mut signs);
        return Some(("frustration", signs[0]));
    }
    // One sign strong enough alone: an angry face, a message shouted (most
    // of its words in capitals), or a run of "!!!" or "???" ending a
    // complaint or a question (not "Thank you!!!").
    if let Some((at, c)) = msg.text.char_indices().find(|(_, c)| matches!(c, '😡' | '😠' | '🤬' | '😤')) {
        return Some(("anger", Span::new(at, at + c.len_utf8())));
    }
    let words = msg.tokens.iter().filter(|t| t.is_agent() && t.is(flag::ALPHA));
    let (all, shouted) = words
        .fold((0, 0), |(all, shouted), t| (all + 1, shouted + usize::from(t.is(flag::ALL_CAPS) && t.span.len() >= 2)));
    if caps.len() >= 3 && shouted * 2 >= all {
        return Some(("frustration", caps[0]));
    }
    let heated_run = msg.exclamation_runs.iter().find(|r| {
        if r.len() < 3 || msg.tokens.is_empty() {
            return r.len() >= 3;
        }
        !in_joy(r.start().saturating_sub(1))
    });
    if let Some(r) = heated_run {
        return Some(("frustration", *r));
    }
    // A word of complaint stressed in capitals: "Your courier NEVER turned
    // up", "WHY IS NOBODY ANSWERING?", "the THIRD time" (not "the LARGE
    // one", which names a thing).
    msg.tokens
        .iter()
        .enumerate()
        .find_map(|(k, t)| {
            (t.is_agent()
                && t.is(flag::ALL_CAPS)
                && t.is(flag::ALPHA)
                && t.span.len() >= 3
                && joyful_sentences.binary_search(&t.sentence).is_err()
                && stressed_complaint(msg.fold(k))
                && !names_a_thing(msg, k))
            .then_some(t.span)
        })
        .map(|t| ("frustration", t))
}

/// Words of joy or thanks: a sentence that holds one is glad, whatever its
/// capitals and "!!!" ("THANK YOU SO MUCH!!!", "I just won!!!").
fn joyful(w: &str) -> bool {
    matches!(
        w,
        "thanks"
            | "thank"
            | "love"
            | "great"
            | "awesome"
            | "amazing"
            | "happy"
            | "glad"
            | "excited"
            | "congrats"
            | "congratulations"
            | "wow"
            | "yay"
            | "best"
            | "perfect"
            | "brilliant"
            | "won"
            | "win"
            | "winner"
            | "delighted"
            | "thrilled"
            | "fantastic"
            | "wonderful"
            | "excellent"
            | "lovely"
            | "woohoo"
            | "hooray"
    )
}

/// The sentences of `msg` that hold a word of joy, by number, in order
/// (one pass). Thanks said for nothing is no joy: "Thanks for NOTHING!!!".
fn joyful_sentences(msg: &Document) -> Vec<u32> {
    let mut out: Vec<u32> = Vec::new();
    for (k, t) in msg.tokens.iter().enumerate() {
        if out.last() == Some(&t.sentence) || !t.is_agent() || !joyful(msg.fold(k)) {
            continue;
        }
        let for_nothing = k + 2 < msg.tokens.len()
            && msg.fold(k + 1) == "for"
            && matches!(msg.fold(k + 2), "nothing" | "nowt" | "wasting");
        if !for_nothing {
            out.push(t.sentence);
        }
    }
    out
}

/// Whether the capitals at token `k` belong to a short run of them in a
/// sentence written otherwise in lower case: the name of a thing ("a LATE
/// CHECKOUT", "the box says STILL WATER"), not a word stressed or a
/// sentence shouted.
fn names_a_thing(msg: &Document, k: usize) -> bool {
    let t = &msg.tokens[k];
    // ("NOTHING I do": the pronoun I is no capital run.)
    let caps = |j: usize| {
        msg.tokens[j].sentence == t.sentence && msg.tokens[j].is(flag::ALL_CAPS) && msg.tokens[j].span.len() > 1
    };
    let mut from = k;
    while from > 0 && k - from < 4 && caps(from - 1) && !msg.tokens[from - 1].gap_has(gap::CLAUSE) {
        from -= 1;
    }
    let mut to = k;
    while to + 1 < msg.tokens.len() && to - k < 4 && caps(to + 1) && !msg.tokens[to].gap_has(gap::CLAUSE) {
        to += 1;
    }
    let run = to - from + 1;
    let lower_near = (from.saturating_sub(3)..(to + 4).min(msg.tokens.len())).any(|j| {
        msg.tokens[j].sentence == t.sentence && !msg.tokens[j].is(flag::ALL_CAPS) && msg.tokens[j].is(flag::ALPHA)
    });
    (2..=3).contains(&run) && lower_near
}

/// Whether a word stressed in capitals speaks of a failure or of being
/// let down again: "NEVER", "NOBODY", "STILL", "AGAIN", "THIRD". Not
/// "NOT", which as often stresses a warning ("DO NOT CLICK").
fn stressed_complaint(w: &str) -> bool {
    matches!(
        w,
        "never"
            | "nobody"
            | "noone"
            | "nothing"
            | "nowhere"
            | "still"
            | "again"
            | "third"
            | "fourth"
            | "fifth"
            | "twice"
            | "why"
            | "ever"
            | "wrong"
            | "broken"
    )
}

pub(crate) fn check(ex: &Exchange, findings: &[Finding], relation: &mut Relation, out: &mut Vec<Finding>) {
    let Some((name, span)) = feeling(ex.message) else { return };
    relation.feeling = Some(name);
    let sincere =
        findings.iter().any(|f| matches!(f.cue, Cue::Apology | Cue::Empathy) && f.severity() == Severity::Praise);
    let acknowledged = sincere || !ex.reply.hits(T::Acknowledge).is_empty();
    relation.feeling_acknowledged = acknowledged;
    if acknowledged {
        return;
    }
    let adjective = match name {
        "anger" => "angry",
        "worry" => "worried",
        "disappointment" => "disappointed",
        _ => "frustrated",
    };
    out.push(
        Finding::new(Cue::FeelingsUnacknowledged, None)
            .with_context(span)
            .with_message(format!(
                "The customer sounds {adjective}, and the reply neither apologises nor shows empathy. Acknowledge how they feel before the fix."
            )),
    );
}

/// The name of a feeling as [`crate::Relation::feeling`] holds it, from its
/// text (the worker's report wire).
pub(crate) fn feeling_name(text: &str) -> Option<&'static str> {
    FEELINGS.iter().map(|(_, n)| *n).find(|n| *n == text)
}

/// Whether the softening word at `k` understates how the customer feels
/// ("I'm getting a bit fed up", "I'm slightly worried", "feeling a little
/// let down"): still a feeling to acknowledge, unlike a mild word about a
/// thing ("some annoying bugs").
fn understated(msg: &Document, k: usize) -> bool {
    let k = if k >= 1 && matches!(msg.fold(k), "bit" | "little") && msg.fold(k - 1) == "a" { k - 1 } else { k };
    // ("The packaging was a bit annoying" describes the packaging: "was"
    // and "been" count only after "I" or "we".)
    let own = |j: usize| {
        msg.tokens[j].sentence == msg.tokens[k].sentence
            && matches!(msg.fold(j), "i" | "we" | "i've" | "we've" | "ive" | "have")
    };
    k >= 1
        && msg.tokens[k - 1].sentence == msg.tokens[k].sentence
        && (matches!(
            msg.fold(k - 1),
            "i'm" | "im" | "am" | "getting" | "feeling" | "feel" | "felt" | "becoming" | "grown"
        ) || (matches!(msg.fold(k - 1), "was" | "were" | "been") && k >= 2 && own(k - 2)))
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;
    use crate::Cue;

    #[test]
    fn swearing_at_the_product_is_anger() {
        // The fifteenth QA pass.
        assert_context(
            Cue::FeelingsUnacknowledged,
            "⟦your app is crap⟧",
            "Hi, the app works fine. Update to version 5.2 and it will stop crashing.",
        );
        assert_no_context(
            Cue::FeelingsUnacknowledged,
            "your app is crap",
            "Hi, I'm sorry it keeps crashing, that's maddening. Version 5.2 fixes it.",
        );
        assert_no_context(
            Cue::FeelingsUnacknowledged,
            "hey is wifi calling supported on the Pixel 8? my signal at home is rubbish",
            "Hey! Yes, WiFi Calling works on the Pixel 8 with us.",
        );
    }

    #[test]
    fn fed_up_with_it_is_a_feeling_terrible_with_names_is_not() {
        assert_context(
            Cue::FeelingsUnacknowledged,
            "the showers have been cold all week. really ⟦fed up⟧ with it, paying £45 a month for this",
            "Thanks for letting us know. The boiler engineer is booked for tomorrow morning.",
        );
        assert_context(
            Cue::FeelingsUnacknowledged,
            "I'm ⟦annoyed⟧ with the app logging me out every day.",
            "Hi, please update to version 4.2.",
        );
        assert_no_context(
            Cue::FeelingsUnacknowledged,
            "I'm terrible with passwords. Can you reset mine?",
            "Hi, I've sent a reset link to your email.",
        );
    }

    #[test]
    fn flags_a_feeling_met_with_a_form_reply() {
        assert_context(
            Cue::FeelingsUnacknowledged,
            "I am ⟦furious⟧. The router died again and I lost a day of work.",
            "Hi Sam, please restart the router and let us know.",
        );
        assert_context(
            Cue::FeelingsUnacknowledged,
            "Honestly I'm ⟦worried⟧ my card details were stolen.",
            "Hello, we apologize for any inconvenience. Please call the number on your card.",
        );
        assert_context(
            Cue::FeelingsUnacknowledged,
            "WHERE IS MY PARCEL ⟦!!!⟧ 😡",
            "Hi, your parcel is out for delivery today.",
        );
    }

    #[test]
    fn one_strong_sign_shows_a_feeling() {
        let reply = "Hi, your order will arrive on Wednesday.";
        assert_context(Cue::FeelingsUnacknowledged, "Where is my order⟦!!!⟧", reply);
        assert_context(Cue::FeelingsUnacknowledged, "My order is late ⟦😡⟧", reply);
        assert_context(Cue::FeelingsUnacknowledged, "⟦WHERE⟧ IS MY ORDER? I PAID TWO WEEKS AGO", reply);
        assert_context(Cue::FeelingsUnacknowledged, "The app keeps crashing⟦!!!⟧ Fix it", reply);
        // Joy shouted is no complaint; one word in capitals is no shouting.
        assert_no_context(Cue::FeelingsUnacknowledged, "Thank you so much!!! It arrived today.", reply);
        assert_no_context(Cue::FeelingsUnacknowledged, "Where is my order? I ordered the LARGE one.", reply);
        assert_no_context(
            Cue::FeelingsUnacknowledged,
            "Where is my order!!!",
            "Hi, I'm so sorry for the wait. It arrives Wednesday.",
        );
    }

    #[test]
    fn an_apology_or_empathy_acknowledges_it() {
        let msg = "This is so frustrating, the app logs me out every hour.";
        assert_no_context(Cue::FeelingsUnacknowledged, msg, "I'm so sorry about that, Sam. Please update to 4.2.");
        assert_no_context(Cue::FeelingsUnacknowledged, msg, "That sounds really frustrating. Please update to 4.2.");
        assert_no_context(Cue::FeelingsUnacknowledged, msg, "Oh no! Please update to 4.2, which fixes it.");
    }

    #[test]
    fn literal_or_mild_words_on_real_messages_are_not_feelings() {
        let reply = "Please send us an email and we will assist.";
        assert_no_context(
            Cue::FeelingsUnacknowledged,
            "i changed my name as a joke with my friends and now i cant play",
            reply,
        );
        assert_no_context(
            Cue::FeelingsUnacknowledged,
            "Big fan. For those of us who are terrible with names, how about photos?",
            reply,
        );
        assert_no_context(Cue::FeelingsUnacknowledged, "My iphone is freaking out and won't open any apps", reply);
        assert_no_context(
            Cue::FeelingsUnacknowledged,
            "I'm finding it quite useable, but with some annoying, non-fatal bugs",
            reply,
        );
        assert_context(Cue::FeelingsUnacknowledged, "This app ⟦is a joke⟧.", reply);
        assert_context(Cue::FeelingsUnacknowledged, "⟦IM FREAKING OUT⟧!!", reply);
        assert_context(Cue::FeelingsUnacknowledged, "I've emailed four times. I am ⟦losing patience⟧.", reply);
    }

    #[test]
    fn acknowledgements_seen_in_real_replies() {
        let msg = "Terrible customer support in time of crisis.";
        assert_no_context(Cue::FeelingsUnacknowledged, msg, "This is never the way we want you to feel and apologize.");
        assert_no_context(
            Cue::FeelingsUnacknowledged,
            "Getting really fed up of orders not arriving!",
            "That's not the type of experience we want for any of our members.",
        );
        assert_no_context(
            Cue::FeelingsUnacknowledged,
            "I'm so frustrated, it won't restart",
            "That sounds like it can be difficult, so we want to help.",
        );
    }

    #[test]
    fn calm_or_negated_words_are_not_feelings() {
        let reply = "Hi, the refund is on its way.";
        assert_no_context(Cue::FeelingsUnacknowledged, "No worries if not, just checking on my refund.", reply);
        assert_no_context(Cue::FeelingsUnacknowledged, "I'm not angry, just wondering where my refund is.", reply);
        assert_no_context(Cue::FeelingsUnacknowledged, "Where is my refund? Thanks!", reply);
    }

    #[test]
    fn an_understated_feeling_is_a_feeling() {
        // Session 24's QA pass: "a bit fed up" is how many customers say
        // they are frustrated; "some annoying bugs" describes the bugs.
        let reply = "Hi, the refund is on its way.";
        assert_context(Cue::FeelingsUnacknowledged, "Getting a bit ⟦fed up⟧ with this now. Can you fix it?", reply);
        assert_context(Cue::FeelingsUnacknowledged, "I'm slightly ⟦worried⟧ about the payment.", reply);
        assert_no_context(
            Cue::FeelingsUnacknowledged,
            "I'm finding it quite useable, but with some annoying, non-fatal bugs",
            reply,
        );
        // The reviewer's cases: a thing that was a bit annoying is mild.
        for msg in [
            "The packaging was a bit annoying to open. Where is my refund?",
            "The app has been a little frustrating. Where is my refund?",
            "The delivery was slightly disappointing. Where is my refund?",
        ] {
            assert_no_context(Cue::FeelingsUnacknowledged, msg, reply);
        }
        assert_context(Cue::FeelingsUnacknowledged, "I was a little ⟦worried⟧ about the payment.", reply);
    }

    #[test]
    fn capitals_and_exclamations_in_joy_are_joy() {
        // Found by QA: delight shouted is no frustration.
        let reply = "Hi Priya, of course, the prize ships on Monday.";
        assert_no_context(
            Cue::FeelingsUnacknowledged,
            "THANK YOU SO MUCH!!! You guys are the BEST. Can I order another one?",
            reply,
        );
        assert_no_context(
            Cue::FeelingsUnacknowledged,
            "OMG I just won the competition!!! When do I get the prize?",
            reply,
        );
        // Thanks for nothing is no joy; heat outside the glad sentence is heat.
        assert_context(Cue::FeelingsUnacknowledged, "Thanks for NOTHING⟦!!!⟧ Where is my refund?", reply);
        assert_context(Cue::FeelingsUnacknowledged, "Thanks. WHERE IS MY ORDER⟦!!!⟧", reply);
    }

    #[test]
    fn a_word_of_complaint_stressed_in_capitals_shows_anger() {
        // Found by QA.
        let reply = "Hi Priya, returns must be made within 14 days of delivery.";
        assert_context(Cue::FeelingsUnacknowledged, "Your courier ⟦NEVER⟧ turned up. Can you collect it?", reply);
        assert_context(Cue::FeelingsUnacknowledged, "This is the ⟦THIRD⟧ time I'm writing about this!!", reply);
        assert_context(Cue::FeelingsUnacknowledged, "⟦WHY IS NOBODY ANSWERING⟧?", reply);
        // A thing named in capitals, or a warning, is no anger.
        assert_no_context(Cue::FeelingsUnacknowledged, "Where is my order? I ordered the LARGE one.", reply);
        assert_no_context(Cue::FeelingsUnacknowledged, "Scam site about. DO NOT CLICK on the link in it.", reply);
    }

    #[test]
    fn a_thing_named_in_capitals_is_no_anger() {
        assert_no_context(
            Cue::FeelingsUnacknowledged,
            "Hi, can I still get a LATE CHECKOUT on Sunday? We fly out at 6pm.",
            "Hi Priya, yes, late checkout until 2pm is booked for you on Sunday at no charge.",
        );
        assert_no_context(
            Cue::FeelingsUnacknowledged,
            "My order 5521 hasn't arrived YET. Could you tell me when it will come?",
            "Hi Priya, it arrives on Friday.",
        );
        assert_context(
            Cue::FeelingsUnacknowledged,
            "Got a new phone and ⟦NOTHING⟧ I do will let me add it. Can I get some assistance?",
            "Hi Priya, this guide may help: https://example.com/guide",
        );
    }
}
