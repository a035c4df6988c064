//! `commitment`, `vague-commitment` and `over-promise`: when the customer can
//! expect something, and whether it can be kept.

use std::borrow::Cow;

use crate::context::Context;
use crate::cue::Cue;
use crate::document::{flag, gap, Document};
use crate::finding::Finding;
use crate::hash::{word_keys, KeyMask};
use crate::lexicon::{p, pb, pn, Phrase};
use crate::rules::{table_findings, T};

/// No drop-in time for vague timing: only the agent knows when it will be
/// done, and a made-up "by Friday at 5 pm" sent by one click is a promise
/// nobody made (the first audit of real replies outside the sample found
/// it wrong on all ten it was offered on). The message says what to add.
const CONCRETE_BETTER: &[&str] = &[];

pub(crate) const CONCRETE: &[Phrase] = &[
    p("by|before|until|on|this|next|coming monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|tomorrow|tonight|noon|midday|midnight|eod|cob|eow"),
    p("by|before|until|at|around #"),
    p("within|in # minutes|mins|hours|hrs|hour|days|day|business|working|weeks|week"),
    // A range: "within 3 to 5 business days", "in 3-5 days".
    p("within|in # to # minutes|mins|hours|hrs|days|business|working|weeks"),
    p("within|in # # minutes|mins|hours|hrs|days|business|working|weeks"),
    // A window: "between 9 am and 1 pm", "between 9:00 and 13:00".
    p("between # am|pm and #"),
    // "between 1 and 3 pm".
    p("between # and # am|pm"),
    p("between # # and # #"),
    // A day and its date or hour: "Saturday 14 June", "Saturday 8 am to 12 pm".
    p("monday|tuesday|wednesday|thursday|friday|saturday|sunday # am|pm|january|february|march|april|may|june|july|august|september|october|november|december"),
    p("within|in one|two|three|four|five|six|seven|ten|a|an|24|48|72 minutes|mins|hours|hrs|hour|days|day|business|working|weeks|week"),
    p("within|in the next # minutes|mins|hours|hrs|hour|days|day|business|working|weeks"),
    p("within|in the next one|two|three|four|five|six|seven|ten|few minutes|mins|hours|hrs|hour|days|day|business|working"),
    // The suggestion for "shortly" is itself a commitment.
    p("within the hour"),
    p("by|before the? end of the|this? day|week|today|business|month|shift"),
    p("by|on|before # january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"),
    p("by|on|before january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec #"),
    p("later|by|before today|tonight|this morning|afternoon|evening"),
    p("first thing tomorrow|monday|tuesday|wednesday|thursday|friday"),
    p("tomorrow morning|afternoon|evening"),
    p("at # am|pm|o'clock"),
];

pub(crate) const VAGUE: &[Phrase] = &[
    pb("soon", CONCRETE_BETTER),
    pb("asap", CONCRETE_BETTER),
    pb("as soon as possible|practical|feasible|we|i|they|we're|i'm|they're|we've|i've|they've", CONCRETE_BETTER),
    pb("shortly", CONCRETE_BETTER),
    pb("at some point", CONCRETE_BETTER),
    pb("at some stage", CONCRETE_BETTER),
    // "We'll get back to you when we can": whenever that is.
    // ("Someone will come out when they can": another's timing, as vague.)
    pb("when|whenever we|i|they can", CONCRETE_BETTER),
    pb("when|whenever we|i get a chance", CONCRETE_BETTER),
    pb("eventually", CONCRETE_BETTER),
    pb("in due course", CONCRETE_BETTER),
    pb("in a timely manner|fashion", CONCRETE_BETTER),
    pb("at the|your earliest convenience|opportunity", CONCRETE_BETTER),
    pb("sometime", CONCRETE_BETTER),
    // "The concerned department will revert at the earliest" (the eighth
    // QA pass); after a time ("by Monday at the earliest") the sentence is
    // dated and the tip goes.
    pb("at the earliest", CONCRETE_BETTER),
    // (Alternatives are per word: "when we can" and "when I get a chance"
    // are the two patterns above.)
    pb("when|whenever possible", CONCRETE_BETTER),
    pb("in the near future", CONCRETE_BETTER),
    // (Not "over the next few weeks", which often advises: "use the heater
    // sparingly over the next few weeks while the plaster dries".)
    pb("in|within|during the? coming day|days|week|weeks|month|months", CONCRETE_BETTER),
    pb("in the days|weeks|months ahead", CONCRETE_BETTER),
    pb("at a later date|time|stage", CONCRETE_BETTER),
    pb("down the line|road", CONCRETE_BETTER),
    pb("one of these days", CONCRETE_BETTER),
    pb("hopefully", &["I expect"]),
    pn(
        "we'll|i'll|we|i will? try to|our|my? best?",
        "Trying is not a commitment. Say what you will do and by when.",
        &["I will"],
    ),
    pn(
        "we'll|i'll|we|i will? do our|my best",
        "Doing your best is not a commitment. Say what you will do and by when.",
        &["I will"],
    ),
    pb("in a few|couple days|weeks|hours", CONCRETE_BETTER),
    pb("in a couple of days|weeks|hours", CONCRETE_BETTER),
    pb("a few|couple days|weeks", CONCRETE_BETTER),
    pb("any day|time now", CONCRETE_BETTER),
];

/// "Soon" that is not a commitment.
pub(crate) const NOT_VAGUE: &[Phrase] = &[
    // "shortly after 9 am": a time, given.
    p("shortly after|before #"),
    p("see|speak|talk|chat|hear from|catch you soon"),
    p("talk|speak soon"),
    p("get|feel well|better soon"),
    p("sooner"),
    p("as soon as it|the|your|this|that|everything|you"),
    p("soon as it|the|your|this|that|everything|you"),
    // "as soon as it's on its way back", like "as soon as it ships".
    p("as soon as it's|its"),
    // "this came up so soon after your renewal": when it happened.
    p("so|too soon after|before|into"),
    // "I'll try a different approach": trying a thing, not hedging a time.
    p("try a|an|another|something|different"),
];

const WAITS_ON_EVENT: &str = "Timing that waits on something else leaves the customer guessing. Add when you \
                              expect it, or when you will update them either way.";

/// A finding's span with the tokens it starts and ends in, looked up once
/// per finding (two binary searches) instead of once per test of it: the
/// tests below read them about twenty times a finding.
#[derive(Clone, Copy)]
struct At {
    span: crate::span::Span,
    first: usize,
    last: usize,
}

impl At {
    fn of(doc: &Document, span: crate::span::Span) -> At {
        let first = doc.token_at(span.start());
        At { span, first, last: doc.token_at(span.end().saturating_sub(1)).max(first) }
    }
}

/// A finding of the table rules with its [`At`] (`None` without a span),
/// kept in step with its span.
struct Found {
    f: Finding,
    at: Option<At>,
}

impl Found {
    fn new(doc: &Document, f: Finding) -> Found {
        let at = f.span.map(|s| At::of(doc, s));
        Found { f, at }
    }

    /// The finding made from `hit`, at its tokens.
    fn of_hit(doc: &Document, hit: &crate::lexicon::Hit, f: Finding) -> Found {
        let (first, last) = crate::rules::placed(doc, hit);
        Found { at: f.span.map(|span| At { span, first, last }), f }
    }
}

/// Whether the vague words at `span` open a clause that names what the
/// timing waits on ("as soon as they're available", "as soon as I hear
/// back"): a time put in their place would leave
/// that clause without its opener.
fn waits_on_event(doc: &Document, at: At) -> bool {
    let (first, last) = (at.first, at.last);
    let sentence = doc.tokens[first].sentence;
    let word_after = last + 1 < doc.tokens.len()
        && doc.tokens[last + 1].sentence == sentence
        && !doc.tokens[last].gap_has(gap::COMMA);
    if !word_after {
        return false;
    }
    match doc.fold(first) {
        // "as soon as I ...", or "soon" inside "as soon as the parts ...";
        // "as soon as I can" waits on nothing but us.
        "as" => {
            !matches!(doc.fold(last), "possible" | "practical" | "feasible")
                && !matches!(doc.fold(last + 1), "can" | "could")
        }
        "soon" => first > 0 && doc.fold(first - 1) == "as" && doc.fold(last + 1) == "as",
        _ => false,
    }
}

/// Whether the time at `span` is "by" a number followed by a unit of
/// change ("by 14 days", "by 20 percent", "by 20%").
fn by_an_amount(doc: &Document, at: At) -> bool {
    let (first, last) = (at.first, at.last);
    let next = last + 1;
    doc.fold(first) == "by"
        && doc.tokens[last].is(flag::NUMBER)
        && (doc.tokens[last].gap_has(gap::PERCENT)
            || (next < doc.tokens.len()
                && doc.tokens[next].sentence == doc.tokens[last].sentence
                && matches!(
                    doc.fold(next),
                    "days"
                        | "day"
                        | "weeks"
                        | "week"
                        | "months"
                        | "month"
                        | "hours"
                        | "minutes"
                        | "percent"
                        | "per"
                        | "pounds"
                        | "dollars"
                        | "euros"
                        | "points"
                        | "gb"
                        | "mb"
                )))
}

/// `span` grown over the rest of the time it starts: minutes after a colon,
/// "am" or "pm", a day word after the hour, the unit after "business";
/// with its tokens, the first unchanged and the last the one it grew to
/// (what [`At::of`] would find by two binary searches over the tokens:
/// about 170 of them per 10,143 words, each a chain of dependent loads).
fn whole_time(doc: &Document, at: At) -> At {
    let (span, first, mut last) = (at.span, at.first, at.last);
    let sentence = doc.tokens[last].sentence;
    loop {
        let next = last + 1;
        if next >= doc.tokens.len() || doc.tokens[next].sentence != sentence {
            break;
        }
        let t = &doc.tokens[last];
        let w = doc.fold(next);
        let minutes = t.is(flag::NUMBER)
            && doc.tokens[next].is(flag::NUMBER)
            && doc.text[t.span.end()..doc.tokens[next].span.start()] == *":";
        let clock = t.is(flag::NUMBER) && matches!(w, "am" | "pm" | "a.m" | "p.m");
        let day = matches!(doc.fold(last), "am" | "pm") && matches!(w, "today" | "tomorrow" | "tonight");
        let unit = matches!(doc.fold(last), "business" | "working") && matches!(w, "days" | "day" | "hours" | "hour");
        // "until 15 August", "by 15/08".
        let month = t.is(flag::NUMBER) && crate::words::among(crate::rules::details::MONTHS, w);
        let slashed = t.is(flag::NUMBER)
            && doc.tokens[next].is(flag::NUMBER)
            && doc.text[t.span.end()..doc.tokens[next].span.start()] == *"/";
        let spaced = !doc.tokens[last].gap_has(gap::CLAUSE);
        if (minutes || slashed || ((clock || day || unit || month) && spaced)) && last - first < 6 {
            last = next;
        } else {
            break;
        }
    }
    let grown =
        At { span: crate::span::Span::new(span.start(), doc.tokens[last].span.end().max(span.end())), first, last };
    debug_assert!({
        let found = At::of(doc, grown.span);
        (found.first, found.last) == (grown.first, grown.last)
    });
    grown
}

const HOPED_FOR: &str = "Hoping is not a commitment. Say when it will happen, or what you will do if it \
slips.";

/// The last token of a hedge of hope that starts at token `j`:
/// "hopefully", "I|we hope", "fingers crossed", "with any luck", "touch
/// wood", "all being well", "if all goes well", or "hope" opening a
/// sentence ("Hope the engineer makes it on Friday").
#[inline(always)]
fn hope_at(doc: &Document, j: usize) -> Option<usize> {
    // Every hedge starts with one of these letters: most words are passed
    // over by their first byte (the search for a hedge reads up to 15
    // words back from each time), here, without a call.
    if !matches!(doc.fold_head(j).1, b'h' | b'i' | b'w' | b'f' | b't' | b'a') {
        return None;
    }
    hedge_of_hope_at(doc, j)
}

/// A word every hedge of [`hedge_of_hope_at`] holds ("hopefully", "I hope",
/// "fingers crossed", "touch wood", "with any luck", "all being well", "if
/// all goes well"): [`hoped_for`] reads no hedge near a time without one.
/// A new hedge must hold one of them, or add its own: debug builds (every
/// test and the fuzz target) check each hedge found.
const HEDGE_WORDS: [u32; 6] = word_keys(&[&["hopefully", "hope", "crossed", "wood", "luck", "well"]]);
const HEDGE_BITS: KeyMask = KeyMask::of_keys(&HEDGE_WORDS);

/// [`hope_at`] past its test of the first byte.
fn hedge_of_hope_at(doc: &Document, j: usize) -> Option<usize> {
    let end = hedge_at(doc, j);
    debug_assert!(
        end.is_none_or(|end| (j..=end).any(|k| HEDGE_WORDS.contains(&doc.tokens[k].key))),
        "a hedge of hope holds a word of HEDGE_WORDS"
    );
    end
}

/// The hedge of hope that starts at token `j`, if any: the token it ends at.
fn hedge_at(doc: &Document, j: usize) -> Option<usize> {
    // "I hope it arrives by Wednesday" hopes for the time; "I hope it helps
    // to know ...", "I hope it won't be a problem that ..." hope about
    // something else (the reviewer's cases).
    let arrives = |w: &str| {
        matches!(
            w,
            "arrives"
                | "arrive"
                | "reaches"
                | "reach"
                | "lands"
                | "land"
                | "ships"
                | "ship"
                | "gets"
                | "get"
                | "comes"
                | "come"
                | "turns"
                | "goes"
                | "works"
        )
    };
    let sentence = doc.tokens[j].sentence;
    let word =
        |k: usize| doc.tokens.get(k).filter(|t| t.sentence == sentence && t.is_agent()).map_or("", |_| doc.fold(k));
    let words = |k: usize, ws: &[&str]| ws.iter().enumerate().all(|(m, w)| word(k + m) == *w);
    match word(j) {
        "hopefully" => Some(j),
        // (Not a hope about something else: "I hope this reassures you",
        // "I hope that suits you", "I hope you're well"; "I hope it arrives
        // by Wednesday" hopes for the time, the ninth QA pass found.)
        "i" | "we"
            if word(j + 1) == "hope"
                && !matches!(word(j + 2), "to" | "you" | "this" | "that" | "it's" | "all" | "everything")
                && (word(j + 2) != "it" || arrives(word(j + 3))) =>
        {
            Some(j + 1)
        }
        "hope"
            if doc.tokens[j].is(flag::SENT_START)
                && !matches!(word(j + 1), "to" | "you" | "this" | "that" | "it's" | "all" | "everything")
                && (word(j + 1) != "it" || arrives(word(j + 2))) =>
        {
            Some(j)
        }
        "fingers" if word(j + 1) == "crossed" => Some(j + 1),
        "touch" if word(j + 1) == "wood" => Some(j + 1),
        "with" if words(j + 1, &["any", "luck"]) => Some(j + 2),
        "all" if words(j + 1, &["being", "well"]) => Some(j + 2),
        "if" if words(j + 1, &["all", "goes", "well"]) => Some(j + 3),
        _ => None,
    }
}

/// The hedge of hope on the time at `span`, if it is hoped for rather
/// than promised: a hedge before it in its clause ("we'll hopefully visit
/// on Friday", "Hopefully, the parts arrive on Monday"; not across "and",
/// "but" or "so", nor across another clause: "I hope you're well, the
/// engineer visits on Friday" promises), or one right after it ("on
/// Friday, hopefully", "by Monday I hope").
fn hoped_for(doc: &Document, at: At) -> Option<crate::span::Span> {
    let (first, last) = (at.first, at.last);
    if last >= doc.tokens.len() {
        return None;
    }
    // Most times have no such word near them: the hedges read below start
    // at most 19 words back and end at most 4 words past the time, told
    // by the tokens' keys before any hedge is read (most of the rule's
    // work on a reply of three times, about 2 k instructions).
    let near = &doc.tokens[first.saturating_sub(20)..(last + 5).min(doc.tokens.len())];
    if !near.iter().any(|t| HEDGE_BITS.may_hold(t.key) && HEDGE_WORDS.contains(&t.key)) {
        return None;
    }
    let sentence = doc.tokens[first].sentence;
    let cover = |a: usize, b: usize| doc.tokens[a].span.cover(doc.tokens[b].span);
    // (At most 15 words back.)
    let mut j = first;
    while j > 0 && first - j < 15 && doc.tokens[j - 1].sentence == sentence {
        j -= 1;
        if let Some(end) = hope_at(doc, j).filter(|&end| end < first) {
            let joined = (end + 1..first)
                .all(|m| !doc.tokens[m].gap_has(gap::CLAUSE) && !matches!(doc.fold(m), "and" | "but" | "so" | "also"));
            if joined {
                return Some(cover(j, end));
            }
        }
        // A clause break before it ends the search (a hedge may stand
        // just before one: "Hopefully, ...").
        if j > 0 && doc.tokens[j - 1].gap_has(gap::CLAUSE) && hope_at(doc, j - 1).is_none() {
            let opener = (j.saturating_sub(4)..j - 1).any(|k| hope_at(doc, k) == Some(j - 1));
            if !opener {
                break;
            }
        }
    }
    // After it, the hedge ends the sentence ("on Friday, hopefully."; not
    // "on Friday, hopefully that sorts it", a hope about the visit's end).
    let next = last + 1;
    if next < doc.tokens.len() && doc.tokens[next].sentence == sentence && !doc.tokens[last].gap_has(gap::BREAK) {
        if let Some(end) = hope_at(doc, next) {
            // (Or a condition follows it: "on Friday, hopefully, if the
            // delivery comes through in time", the twelfth QA pass.)
            let conditioned = end + 1 < doc.tokens.len()
                && doc.tokens[end].gap_has(gap::COMMA)
                && matches!(doc.fold(end + 1), "if" | "unless" | "provided" | "assuming");
            if end + 1 >= doc.tokens.len() || doc.tokens[end + 1].sentence != sentence || conditioned {
                return Some(cover(next, end));
            }
        }
    }
    None
}

/// Whether the number in `span` is a price: a currency sign before it
/// ("at $9", "by £20") or a price word after it ("at 9 dollars", "at 9 per
/// seat").
fn priced(doc: &Document, at: At) -> bool {
    let (first, last) = (at.first, at.last);
    let Some(k) = (first..=last.min(doc.tokens.len().saturating_sub(1))).find(|&k| doc.tokens[k].is(flag::NUMBER))
    else {
        return false;
    };
    let before = if k > 0 { &doc.text[doc.tokens[k - 1].span.end()..doc.tokens[k].span.start()] } else { "" };
    let sign = before.contains(['$', '£', '€', '¥', '₹', '₦', '₱']);
    let word = doc.tokens.get(k + 1).filter(|t| t.sentence == doc.tokens[k].sentence).map(|_| doc.fold(k + 1));
    sign || matches!(word, Some("dollars" | "euros" | "pounds" | "rupees" | "usd" | "eur" | "gbp" | "per"))
}

/// Whether the span of time at `span` ("in six weeks", "for a month") is
/// how long something has not happened: after a negated perfect in its
/// clause ("you haven't heard from us in six weeks", "it hasn't worked for
/// a month").
/// (`k` is the first token of its clause, [`clause_start`].)
fn silence_so_far(doc: &Document, at: At, k: usize) -> bool {
    let first = at.first;
    if first >= doc.tokens.len() || !matches!(doc.fold(first), "in" | "for") {
        return false;
    }
    // (Not across what we will do: "we haven't forgotten you and will call
    // you in 2 hours".)
    (k..first).any(|j| {
        (matches!(doc.fold(j), "haven't" | "hasn't" | "havent" | "hasnt" | "hadn't")
            || (doc.fold(j) == "not" && j > k && matches!(doc.fold(j - 1), "have" | "has" | "had")))
            && !(j + 1..first).any(|m| matches!(doc.fold(m), "and" | "but" | "will" | "we'll" | "i'll" | "shall"))
    })
}

/// Whether the time at `span` is a window a rule allows ("refunds are only
/// given within 14 days", "we can only refund within 14 days"): "only" just
/// before it or before its verb.
fn only_within(doc: &Document, at: At) -> bool {
    let first = at.first;
    let sentence = doc.tokens.get(first).map(|t| t.sentence);
    let only = |j: usize| {
        Some(doc.tokens[j].sentence) == sentence && doc.fold(j) == "only" && !(j > 0 && doc.fold(j - 1) == "not")
    };
    // "only within 14 days", "only given within 14 days" (not "we'll only
    // need until Friday", "I'll not only call you on Friday").
    (first >= 1 && only(first - 1))
        || (first >= 2
            && only(first - 2)
            && matches!(
                doc.fold(first - 1),
                "given"
                    | "accepted"
                    | "refunded"
                    | "issued"
                    | "valid"
                    | "available"
                    | "possible"
                    | "allowed"
                    | "eligible"
                    | "processed"
                    | "exchanged"
                    | "returned"
                    | "offered"
            ))
}

/// Whether the time at `span` is no commitment of ours whatever its
/// words: how often something happened ("three times in one week"), or
/// a time we say we cannot promise ("I can't guarantee the courier will
/// arrive before noon").
fn not_promised(doc: &Document, at: At) -> bool {
    let first = at.first;
    let sentence = doc.tokens[first].sentence;
    let frequency = first > 0 && matches!(doc.fold(first - 1), "times" | "once" | "twice");
    // (By the tokens' keys before their words: most words are none of these.)
    const DISCLAIM_WORDS: &[&str] = &["guarantee", "promise", "sure", "certain", "confirm"];
    const DISCLAIMS: [u32; 5] = word_keys(&[DISCLAIM_WORDS]);
    const DISCLAIM_BITS: KeyMask = KeyMask::of_keys(&DISCLAIMS);
    let disclaimed = (first.saturating_sub(12)..first).any(|j| {
        let key = doc.tokens[j].key;
        DISCLAIM_BITS.may_hold(key)
            && DISCLAIMS.contains(&key)
            && doc.tokens[j].sentence == sentence
            && crate::words::among(DISCLAIM_WORDS, doc.fold(j))
            && crate::rules::negated_before(doc, j, 3)
    });
    frequency || disclaimed
}

/// The first token of the clause that holds token `first`: back to a
/// clause break in its sentence (a dash does not break it).
fn clause_start(doc: &Document, first: usize) -> usize {
    let sentence = doc.tokens[first].sentence;
    let mut k = first;
    // (At most 40 words back: one endless clause stays linear.)
    while k > 0
        && first - k < 40
        && doc.tokens[k - 1].sentence == sentence
        && !doc.tokens[k - 1].gap_has(gap::CLAUSE & !gap::DASH)
    {
        k -= 1;
    }
    k
}

/// Whether the vague timing at `span` is of something the customer will
/// do: "you'll" or "you will|can|should" before it in its clause, with a
/// verb of their own doing after it (not "get", "receive", "hear", "see",
/// "have", "be": what we send them).
fn customers_own_doing(doc: &Document, at: At) -> bool {
    let first = at.first;
    let k = clause_start(doc, first);
    // A request to the customer: "please call us as soon as possible", with
    // no "we" or "I" of ours between ("please note we'll fix it soon").
    // (Not "please note", "please be patient": what follows is ours.)
    let asks_to_act = |p: usize| {
        let v = if p + 1 < first && matches!(doc.fold(p + 1), "just" | "kindly") { p + 2 } else { p + 1 };
        v < first && !matches!(doc.fold(v), "note" | "be" | "bear" | "allow" | "wait" | "rest" | "know" | "accept")
    };
    if let Some(please) = (k..first).find(|&j| doc.fold(j) == "please").filter(|&p| asks_to_act(p)) {
        let ours = (please + 1..first).any(|j| {
            matches!(doc.fold(j), "we" | "i" | "we'll" | "i'll" | "we're" | "i'm" | "we've" | "i've" | "our" | "they")
        });
        if !ours {
            return true;
        }
    }
    (k..first).any(|j| {
        let verb = match doc.fold(j) {
            "you'll" => j + 1,
            "you" if j + 1 < first && matches!(doc.fold(j + 1), "will" | "can" | "should" | "could") => j + 2,
            // "you're moving house shortly": a plan of theirs.
            "you're" | "youre" if j + 1 < first && doc.fold(j + 1).ends_with("ing") => j + 1,
            "you" if j + 2 < first && doc.fold(j + 1) == "are" && doc.fold(j + 2).ends_with("ing") => j + 2,
            _ => return false,
        };
        verb < first
            && !matches!(
                doc.fold(verb),
                "get"
                    | "receive"
                    | "hear"
                    | "see"
                    | "have"
                    | "be"
                    | "find"
                    | "notice"
                    | "need"
                    | "getting"
                    | "receiving"
                    | "hearing"
                    | "seeing"
                    | "having"
            )
    })
}

/// Whether the time at `span` is when the customer must act, in a
/// condition on what they do: "the link only works if you click it within
/// an hour" (the ninth QA pass). Not a condition on what they get ("if you
/// haven't received it by Friday", "if you don't hear from us within 3
/// days"): that is the time we commit to.
/// (`k` is the first token of its clause, [`clause_start`].)
fn customers_condition(doc: &Document, at: At, k: usize) -> bool {
    let first = at.first;
    const CONDITION_WORDS: &[&str] = &["if", "unless", "provided", "whether"];
    const CONDITIONS: [u32; 4] = word_keys(&[CONDITION_WORDS]);
    const CONDITION_BITS: KeyMask = KeyMask::of_keys(&CONDITIONS);
    (k..first).any(|j| {
        // (The condition's word first, by its token's key: the rest is read
        // only after one.)
        let key = doc.tokens[j].key;
        if !(CONDITION_BITS.may_hold(key)
            && CONDITIONS.contains(&key)
            && crate::words::among(CONDITION_WORDS, doc.fold(j)))
        {
            return false;
        }
        // (An adverb before the verb: "if you also haven't received it".)
        let v = if j + 3 < first && matches!(doc.fold(j + 2), "also" | "then" | "still" | "just" | "ever" | "now") {
            j + 3
        } else {
            j + 2
        };
        v < first
            // ("if you'd rather travel tomorrow morning", the fifteenth QA
            // pass.)
            && matches!(doc.fold(j + 1), "you" | "u" | "you'd" | "youd")
            // Our own doing after the condition is ours: "if you like
            // we'll call you at 3pm" (the reviewer's cases).
            && !(v + 1..first).any(|m| {
                matches!(
                    doc.fold(m),
                    "we" | "i" | "we'll" | "i'll" | "we've" | "i've" | "we're" | "i'm" | "our" | "they" | "they'll"
                )
            })
            && !matches!(
                doc.fold(v),
                "get"
                    | "receive"
                    | "hear"
                    | "see"
                    | "have"
                    | "haven't"
                    | "havent"
                    | "don't"
                    | "dont"
                    | "do"
                    | "didn't"
                    | "did"
                    | "can't"
                    | "cannot"
                    | "are"
                    | "aren't"
                    | "were"
                    | "need"
                    | "still"
                    | "want"
                    | "would"
                    | "find"
                    | "notice"
            )
    })
}

/// Whether the vague timing at `span` ends a purpose clause of something
/// else's: "(avoid sleep mode) for the sync to be up to date asap", "for
/// the page to load soon". Not "for us to": that is ours.
fn purpose_of_something_else(doc: &Document, at: At) -> bool {
    let first = at.first;
    let k = clause_start(doc, first);
    (k..first).any(|j| {
        doc.fold(j) == "for"
            && (j + 2..first.min(j + 4)).any(|to| {
                doc.fold(to) == "to"
                    && (j + 1..to).all(|w| !matches!(doc.fold(w), "us" | "me" | "you" | "them" | "him" | "her"))
            })
    })
}

const CONTROL: &str = "Promise only what you control: a broken promise costs more trust than a careful one.";

pub(crate) const OVER_PROMISE: &[Phrase] = &[
    pn("guaranteed", CONTROL, &["expected"]),
    pn("guarantee|guarantees", CONTROL, &[]),
    pn("never again", CONTROL, &[]),
    pn("never happen|occur again", CONTROL, &[]),
    pn("won't|wont happen|occur again", CONTROL, &[]),
    pn("won't|wont ever happen|occur", CONTROL, &[]),
    pn("will not ever happen|occur", CONTROL, &[]),
    pn("will not happen|occur again", CONTROL, &[]),
    pn("will never happen|occur again", CONTROL, &[]),
    pn("will never happen|occur|break|fail", CONTROL, &[]),
    pn("i|we promise", CONTROL, &[]),
    pn("fixed|solved|resolved for good|forever", CONTROL, &["fixed"]),
    pn("permanently fixed|solved|resolved", CONTROL, &["fixed"]),
    pn("definitely|certainly|absolutely fix|solve|resolve|work", CONTROL, &["should fix"]),
    pn("will definitely|certainly|absolutely fix|solve|resolve|work|be", CONTROL, &[]),
    pn("no more problems|issues|errors|delays", CONTROL, &[]),
    pn("never have|need to worry", CONTROL, &[]),
    pn("never have|experience|see this|that|it again", CONTROL, &[]),
    pn("never have|experience|see the|this|that same? problem|issue|error|fault again", CONTROL, &[]),
    pn("without fail", CONTROL, &[]),
    pn("always be on time|available|perfect", CONTROL, &[]),
];

const NOT_OVER_PROMISE: &[&str] = &["money", "back", "satisfaction", "price"];

/// Whether the "guarantee" at token `first` (the phrase ending at `last`)
/// names a policy by a noun phrase: "our 12-month quality guarantee", "our
/// price match guarantee applies" (the tenth QA pass); not a promise made
/// with it ("you have our guarantee that it won't happen again").
fn named_guarantee(doc: &Document, first: usize, last: usize) -> bool {
    let sentence = doc.tokens[first].sentence;
    let same = |k: usize| doc.tokens.get(k).is_some_and(|t| t.sentence == sentence);
    if first != last || doc.fold(first) != "guarantee" || first == 0 {
        return false;
    }
    if same(last + 1) && matches!(doc.fold(last + 1), "that" | "it" | "you" | "this" | "your" | "we" | "i") {
        return false;
    }
    // A determiner up to three modifiers back, none of them a pronoun or
    // a verb of promising.
    (first.saturating_sub(4)..first).rev().take_while(|&k| same(k)).any(|k| {
        // (A modifier at least: "our guarantee it'll be fixed by Monday"
        // promises, the session's review found.)
        matches!(doc.fold(k), "our" | "their" | "its" | "this")
            && k + 1 < first
            && (k + 1..first).all(|m| {
                !doc.tokens[m - 1].gap_has(gap::CLAUSE)
                    && !matches!(
                        doc.fold(m),
                        "i" | "we" | "you" | "will" | "can" | "personally" | "absolutely" | "100%" | "full"
                    )
            })
            && !doc.tokens[first - 1].gap_has(gap::CLAUSE)
    })
}

/// Words before "guarantee" that make it the name of a product's cover,
/// not a promise: "a 2-year guarantee", "under guarantee", "the
/// manufacturer's guarantee".
const COVER: &[&str] = &[
    "a",
    "the",
    "your",
    "its",
    "their",
    "under",
    "year",
    "years",
    "month",
    "months",
    "lifetime",
    "manufacturer's",
    "manufacturers",
    "product",
    "warranty",
    "extended",
    "standard",
    "full",
];

pub(crate) fn check(doc: &Document, _ctx: &Context, out: &mut Vec<Finding>) {
    // The tables' findings, each with its first and last tokens, its hit's
    // (two binary searches over the tokens a finding, about 300
    // instructions, when they were looked for by its span).
    let hits = doc.hits(T::Concrete).len() + doc.hits(T::Vague).len();
    let mut found: Vec<Found> = Vec::with_capacity(hits);
    table_findings(doc, T::Concrete, Cue::Commitment, &[T::Sarcasm], |hit, f| found.push(Found::of_hit(doc, hit, f)));
    // "Call us at 1-800-..." is a phone number, not a time; "at 22 Pine St"
    // an address.
    let not_a_number_of_something_else = |x: &Found| {
        x.at.is_none_or(|a| !is_phone_number(doc, a.span) && !is_street_number(doc, a) && !is_a_measure(doc, a))
    };
    // "The store closes at 6 pm on weekdays", "we're open until 8 pm":
    // opening hours or a deadline, not a promise ("your claim will be
    // closed by Friday" stays one).
    let not_opening_hours = |x: &Found| x.at.is_none_or(|a| !states_hours(doc, a.first));
    found.retain(|x| not_a_number_of_something_else(x) && not_opening_hours(x));
    table_findings(doc, T::Vague, Cue::VagueCommitment, &[T::NotVague, T::Concrete, T::Sarcasm], |hit, f| {
        found.push(Found::of_hit(doc, hit, f))
    });
    // "We'll get back to you when we can." hedges; "tell me when we can
    // call you" asks for a time: "when we can" ends its clause.
    found.retain(|x| {
        x.f.cue != Cue::VagueCommitment
            || x.at.is_none_or(|a| {
                let last = a.last;
                // ("happy to help whenever I can" offers help, not a time.)
                let helps = (last.saturating_sub(6)..last).any(|j| doc.fold(j) == "help");
                doc.fold(last) != "can"
                    || (!helps
                        && (last + 1 >= doc.tokens.len()
                            || doc.tokens[last].gap_has(gap::CLAUSE)
                            || doc.tokens[last + 1].sentence != doc.tokens[last].sentence))
            })
    });
    // "I'll try to call" becomes "I will call"; "I'll try again" or "we'll
    // do our best to" have no drop-in rewrite.
    for x in found.iter_mut().filter(|x| x.f.cue == Cue::VagueCommitment) {
        if let Some(span) = x.f.span {
            let words = doc.text[span].to_lowercase();
            if (words.contains("try") || words.contains("best")) && !words.ends_with(" to") {
                x.f.suggestions.clear();
            }
        }
    }
    // "as soon as I hear back" waits on an event:
    // no time fits in their place, so the coaching says what to add.
    for x in found.iter_mut().filter(|x| x.f.cue == Cue::VagueCommitment) {
        if x.at.is_some_and(|a| waits_on_event(doc, a)) {
            x.f.suggestions.clear();
            x.f.message = Cow::Borrowed(WAITS_ON_EVENT);
        }
    }
    // Timing in quotation marks is someone's words, quoted: not "as soon
    // as possible".
    found.retain(|x| {
        x.f.cue != Cue::VagueCommitment
            || x.at.is_none_or(|a| !crate::document::contained_sorted(&doc.inline_quotes, a.span))
    });
    // "as soon as I can": the whole phrase.
    for x in found.iter_mut().filter(|x| x.f.cue == Cue::VagueCommitment) {
        let Some(a) = x.at else { continue };
        let last = a.last;
        let next = last + 1;
        if doc.fold(a.first) == "as"
            && next < doc.tokens.len()
            && doc.tokens[next].sentence == doc.tokens[last].sentence
            && !doc.tokens[last].gap_has(gap::CLAUSE)
            && matches!(doc.fold(next), "can" | "could")
        {
            let span = a.span.cover(doc.tokens[next].span);
            x.f.span = Some(span);
            x.at = Some(At::of(doc, span));
        }
    }
    // "I'm sure you'll figure it out eventually": the customer's own doing,
    // not a promise ("you'll get it soon" is ours, said of them).
    let not_their_doing =
        |x: &Found| x.f.cue != Cue::VagueCommitment || x.at.is_none_or(|a| !customers_own_doing(doc, a));
    // "Keep the device awake for the sync to be up to date asap": when
    // something else is done, not when we will do it.
    let not_for_something_else =
        |x: &Found| x.f.cue != Cue::VagueCommitment || x.at.is_none_or(|a| !purpose_of_something_else(doc, a));
    // "See you soon!", "Talk soon": a farewell, no promise of when.
    let not_a_farewell = |x: &Found| {
        x.f.cue != Cue::VagueCommitment
            || x.at.is_none_or(|a| {
                let k = a.first;
                !(k > 0
                    && k < doc.tokens.len()
                    && doc.fold(k) == "soon"
                    && doc.tokens[k - 1].sentence == doc.tokens[k].sentence
                    && (matches!(doc.fold(k - 1), "talk" | "speak" | "chat")
                        || (k > 1 && doc.fold(k - 2) == "see" && matches!(doc.fold(k - 1), "you" | "ya"))))
            })
    };
    // "when possible" and "when they can" are vague timing only of a
    // promise ("we'll get back to you when possible", "someone will come
    // out when they can"), not "we ship in recycled packaging when
    // possible" or "ask your colleagues to update it when they can".
    let of_a_promise = |x: &Found| {
        x.f.cue != Cue::VagueCommitment
            || x.at.is_none_or(|a| {
                let k = a.first;
                let loose = matches!(doc.fold(k), "when" | "whenever")
                    && k + 1 < doc.tokens.len()
                    && matches!(doc.fold(k + 1), "possible" | "they");
                !loose
                    || (clause_start(doc, k)..k).any(|j| {
                        matches!(doc.fold(j), "will" | "we'll" | "i'll" | "they'll" | "someone'll" | "shall" | "going")
                    })
            })
    };
    // "from 1860 at the earliest", "Monday at the earliest": a bound on a
    // time given, not a vague one.
    let not_a_bound = |x: &Found| {
        x.f.cue != Cue::VagueCommitment
            || x.at.is_none_or(|a| {
                let k = a.first;
                !(doc.fold(k) == "at"
                    && k + 2 < doc.tokens.len()
                    && doc.fold(k + 2) == "earliest"
                    && k > 0
                    && doc.tokens[k - 1].sentence == doc.tokens[k].sentence
                    && (doc.tokens[k - 1].is(flag::NUMBER)
                        || crate::words::among(crate::rules::details::WEEKDAYS, doc.fold(k - 1))
                        || crate::words::among(crate::rules::details::MONTHS, doc.fold(k - 1))
                        || matches!(doc.fold(k - 1), "today" | "tomorrow" | "tonight" | "week" | "month")))
            })
    };
    // "Hope it gets resolved soon!" wishes; it commits to nothing.
    let not_a_wish = |x: &Found| {
        x.f.cue != Cue::VagueCommitment
            || x.at.is_none_or(|a| {
                let k = a.first;
                k >= doc.tokens.len()
                    || !crate::rules::next_steps::is_wish(doc, k)
                    || hopes_to(doc, k)
                    || hedges_a_deed(doc, k)
            })
    };
    // "extended your trial by 14 days", "reduced by 20 percent": "by" an
    // amount of change, not a deadline.
    let not_an_amount = |x: &Found| x.f.cue != Cue::Commitment || x.at.is_none_or(|a| !by_an_amount(doc, a));
    // (Pure tests of the finding: one pass over the findings, the tests in
    // the order written, rather than a pass each.)
    found.retain(|x| {
        not_their_doing(x)
            && not_for_something_else(x)
            && not_a_farewell(x)
            && of_a_promise(x)
            && not_a_bound(x)
            && not_a_wish(x)
            && not_an_amount(x)
    });
    // The whole time: "by 3 pm today", "at 10:30 am", "within 3 business
    // days" (the table's pattern stops at the number or the unit's first word).
    for x in found.iter_mut().filter(|x| x.f.cue == Cue::Commitment) {
        if let Some(a) = x.at {
            let grown = whole_time(doc, a);
            x.f.span = Some(grown.span);
            x.at = Some(grown);
        }
    }
    // "You called on Monday" dates the past; it commits to nothing. Nor
    // does a date in a clause told in the past: "the payment was made to
    // ElectroMart on 2 March".
    let not_past = |x: &Found| {
        x.f.cue != Cue::Commitment || x.at.is_none_or(|a| !dates_the_past(doc, a.first) && !in_a_past_clause(doc, a))
    };
    // "a waiting time of around 6 weeks", "at 5 days old": a length of
    // time, not a time we commit to.
    let not_a_length = |x: &Found| {
        x.f.cue != Cue::Commitment
            || x.at.is_none_or(|a| {
                let (first, last) = (a.first, a.last);
                let unit = doc.tokens.get(last + 1).is_some_and(|t| t.sentence == doc.tokens[last].sentence)
                    && matches!(
                        doc.fold(last + 1),
                        "minutes" | "mins" | "hours" | "hrs" | "days" | "weeks" | "months" | "years" | "day" | "week"
                    );
                !(matches!(doc.fold(first), "around" | "at") && doc.tokens[last].is(flag::NUMBER) && unit)
            })
    };
    let not_disclaimed = |x: &Found| x.f.cue != Cue::Commitment || x.at.is_none_or(|a| !not_promised(doc, a));
    // (The four tests below read a commitment's time at `a`, with the
    // first token of its clause, `clause`: found once for them all.)
    let not_their_condition = |a: At, clause: usize| !customers_condition(doc, a, clause);
    // The eighth QA pass: a price ("at $9 per seat"), a silence so far
    // ("you haven't heard from us in six weeks") and a policy's window
    // ("refunds are only given within 14 days") are no times we commit to.
    let not_a_price_silence_or_window =
        |a: At, clause: usize| !priced(doc, a) && !silence_so_far(doc, a, clause) && !only_within(doc, a);
    // "Please send the form by Friday", "within 30 days of purchase": a
    // deadline of the customer's or a policy's commits us to nothing.
    let not_their_deadline = |a: At, clause: usize| !someone_elses_deadline(doc, a, clause);
    // "we can't offer a late checkout on Sunday": the time of what is
    // refused (the tenth QA pass); "we can't deliver before Friday" still
    // tells when.
    let not_refused = |a: At, clause: usize| {
        let first = a.first;
        !(matches!(doc.fold(first), "on" | "at")
            && (clause..first).any(|j| {
                matches!(doc.fold(j), "can't" | "cant" | "cannot" | "won't" | "wont" | "unable")
                        // "We can't wait to see you on Saturday": eager, no refusal.
                        && doc.fold(j + 1) != "wait"
                        // "we can't fix it remotely; an engineer will
                        // visit on Friday", "unable to refund it today
                        // but I will on Friday", "I won't close it until
                        // I've called you on Friday": another clause
                        // (the session's review).
                        && (j + 1..first).all(|m| {
                            !matches!(
                                doc.fold(m),
                                "but" | "so" | "and" | "until" | "till" | "once" | "then" | "when" | "instead"
                                    | "i'll" | "we'll" | "i" | "we" | "i've" | "we've"
                            )
                                && !doc.text[doc.tokens[m - 1].span.end()..doc.tokens[m].span.start()]
                                    .contains([';', '-', ':', '\u{2013}', '\u{2014}'])
                        })
            }))
    };
    // (One pass, as above.)
    found.retain(|x| {
        not_past(x)
            && not_a_length(x)
            && not_disclaimed(x)
            && match x.at {
                Some(a) if x.f.cue == Cue::Commitment => {
                    let clause = clause_start(doc, a.first);
                    not_their_condition(a, clause)
                        && not_a_price_silence_or_window(a, clause)
                        && not_their_deadline(a, clause)
                        && not_refused(a, clause)
                }
                _ => true,
            }
    });
    // "The engineer will visit on Friday, hopefully", "I hope the parts
    // arrive on Monday": a time hoped for commits to nothing; the hope is
    // the vague part (once per hedge).
    let mut hedges: Vec<crate::span::Span> = Vec::new();
    found.retain(|x| {
        let hedge = match x.at {
            Some(a) if x.f.cue == Cue::Commitment => hoped_for(doc, a),
            _ => None,
        };
        hedges.extend(hedge);
        hedge.is_none()
    });
    if !hedges.is_empty() {
        // (Sorted once and searched: many hedges in a long draft stay
        // n log n, the reviewer's quadratic case.)
        crate::order::sort_by_key(&mut hedges, |h| (h.start(), h.end()));
        hedges.dedup();
        // The words already flagged, as one sorted union of spans.
        let taken = crate::document::merge(found.iter().filter_map(|x| x.f.span).collect(), Vec::new());
        for h in hedges {
            if !crate::document::overlaps_sorted(&taken, h) {
                found.push(Found::new(doc, Finding::new(Cue::VagueCommitment, Some(h)).with_message(HOPED_FOR)));
            }
        }
    }
    // "as soon as I hear back, by Wednesday at the latest": the sentence
    // already gives its deadline.
    let sentence_of = |x: &Found| x.at.map(|a| doc.tokens.get(a.first).map(|t| t.sentence));
    let dated: Vec<Option<Option<u32>>> =
        found.iter().filter(|x| x.f.cue == Cue::Commitment).map(sentence_of).collect();
    // So does a day named in it: "As soon as I have it, I'll trace the
    // refund for you today" (the tenth QA pass).
    let same_day = |x: &Found| {
        x.at.is_some_and(|a| {
            if !waits_on_event(doc, a) {
                return false;
            }
            let first = a.first;
            let sentence = doc.tokens[first].sentence;
            // (Not a day hoped for: "which I hope will be today", the
            // session's review.)
            let mut hoped = false;
            doc.tokens[first..].iter().enumerate().take_while(|(_, t)| t.sentence == sentence).any(|(k, _)| {
                let w = doc.fold(first + k);
                hoped |=
                    matches!(w, "hope" | "hopefully" | "hoping" | "might" | "may" | "should" | "expect" | "probably");
                !hoped && matches!(w, "today" | "tonight" | "tomorrow")
            })
        })
    };
    found.retain(|x| x.f.cue != Cue::VagueCommitment || !(dated.contains(&sentence_of(x)) || same_day(x)));
    out.extend(found.into_iter().map(|x| x.f));
    for &hit in crate::rules::distinct_hits(doc, T::OverPromise).iter() {
        // "our money-back guarantee" names a policy, it promises nothing new.
        let first = hit.first as usize;
        if first > 0 && crate::words::among(NOT_OVER_PROMISE, doc.fold(first - 1)) {
            continue;
        }
        // "We can't guarantee" is the careful opposite of an over-promise.
        if crate::rules::negated_before(doc, first, 3) {
            continue;
        }
        // "a 2-year guarantee", "still under guarantee": the cover a
        // product comes with, a fact and no promise of ours.
        let cover = doc.fold(first) == "guarantee"
            && hit.last == hit.first
            && first > 0
            && doc.tokens[first - 1].sentence == doc.tokens[first].sentence
            && crate::words::among(COVER, doc.fold(first - 1));
        if cover || named_guarantee(doc, first, hit.last as usize) {
            continue;
        }
        // "Royal Mail Special Delivery Guaranteed": a service's name, in
        // capitals after a capitalised word, mid-sentence.
        let named = first > 0
            && doc.tokens[first].is(flag::CAP)
            && !doc.tokens[first].is(flag::ALL_CAPS)
            && !doc.tokens[first - 1].is(flag::ALL_CAPS)
            && !doc.tokens[first].is(flag::SENT_START)
            && !matches!(doc.fold(first), "i" | "i'm" | "i'll" | "i've" | "i'd")
            && doc.tokens[first - 1].is(flag::CAP)
            && !doc.tokens[first - 1].is(flag::SENT_START)
            && !doc.tokens[first - 1].gap_has(gap::CLAUSE)
            && doc.tokens[first - 1].sentence == doc.tokens[first].sentence;
        if named {
            continue;
        }
        out.push(crate::rules::finding_for(doc, Cue::OverPromise, T::OverPromise, &hit));
    }
    // "100%" sure, fixed, guaranteed; not "100% cotton" or "100% CPU".
    // (A percent sign after a word is one in the text: each is found by a
    // byte search from the first word on (`span::next_byte`), and the word
    // whose gap holds it by a binary search over the tokens, rather than a
    // look at every word of a draft that holds one: the slice's `contains`
    // and then a pass over the words were about 90 k instructions on the
    // 10,143 words, which hold one.)
    let bytes = doc.text.as_bytes();
    let mut from = doc.tokens.first().map_or(bytes.len(), |t| t.span.start());
    let mut before = None;
    #[cfg(debug_assertions)]
    let mut read = Vec::new();
    while let Some(at) = crate::span::next_byte(bytes, from, b'%') {
        from = at + 1;
        // The last word that ends before it, unless the next starts before
        // it too (a sign inside a word, a link's "%20").
        let Some(i) = doc.tokens.partition_point(|t| t.span.end() <= at).checked_sub(1) else { continue };
        if before == Some(i) || doc.tokens.get(i + 1).is_some_and(|n| n.span.start() <= at) {
            continue;
        }
        before = Some(i);
        #[cfg(debug_assertions)]
        read.push(i);
        let t = &doc.tokens[i];
        // Before what it promises, after a modal ("it will 100% arrive"), or
        // ending the sentence.
        let promised = || {
            let next = doc.tokens.get(i + 1).filter(|n| n.sentence == t.sentence);
            let modal = i > 0
                && matches!(
                    doc.fold(i - 1),
                    "will"
                        | "would"
                        | "can"
                        | "could"
                        | "should"
                        | "must"
                        | "shall"
                        | "i'll"
                        | "we'll"
                        | "it'll"
                        | "you'll"
                );
            // "Your internet will be 100% stable from now on" (the eighth QA
            // pass): promised after "will be" whatever it says.
            let modal_be = i > 1
                && doc.fold(i - 1) == "be"
                && matches!(doc.fold(i - 2), "will" | "i'll" | "we'll" | "it'll" | "you'll" | "shall");
            modal || modal_be || next.is_none_or(|_| crate::words::among(PROMISED, doc.fold(i + 1)))
        };
        // "I'm not 100% sure yet" hedges; it promises nothing.
        let hedged = || crate::rules::negated_before(doc, i, 2);
        // (The percent sign first: most words have none after them.)
        if t.gap_has(gap::PERCENT) && t.is_agent() && doc.fold(i) == "100" && promised() && !hedged() {
            let certain = doc.tokens.get(i + 1).is_some_and(|n| n.sentence == t.sentence)
                && matches!(doc.fold(i + 1), "sure" | "certain" | "confident" | "positive");
            let end = doc.text[t.span.end()..].find('%').map(|k| t.span.end() + k + 1).unwrap_or(t.span.end());
            out.push(
                Finding::new(Cue::OverPromise, Some(crate::span::Span::new(t.span.start(), end)))
                    .with_message(CONTROL)
                    // "fully sure" is no English: "100% sure" has no drop-in word.
                    .with_suggestions(if certain { None } else { Some("fully") }),
            );
        }
    }
    #[cfg(debug_assertions)]
    debug_assert!(read.iter().copied().eq((0..doc.tokens.len()).filter(|&i| doc.tokens[i].gap_has(gap::PERCENT))));
}

/// What "100%" promises when it stands before it (or ends the sentence:
/// "it will work 100%").
const PROMISED: &[&str] = &[
    // "100% going to arrive on time".
    "going",
    "gonna",
    "sure",
    "certain",
    "confident",
    "guaranteed",
    "guarantee",
    "fixed",
    "resolved",
    "working",
    "safe",
    "secure",
    "satisfied",
    "satisfaction",
    "accurate",
    "reliable",
    "positive",
    "solved",
    "sorted",
    "correct",
];

/// Whether the time phrase at token `k` ("on Monday") dates something
/// past: right after a verb in the past ("called on Monday", "shipped it on
/// Monday" is not read) with no "will", "going to" or "be" before it in
/// its sentence ("it will be delivered on Monday" commits).
fn dates_the_past(doc: &Document, k: usize) -> bool {
    if k == 0
        || k >= doc.tokens.len()
        || !(matches!(doc.fold(k), "on" | "at" | "by" | "between")
            || crate::words::among(crate::rules::details::WEEKDAYS, doc.fold(k)))
    {
        return false;
    }
    let sentence = doc.tokens[k].sentence;
    // "between 8:02 and 8:06 this morning", "on Monday last week": dated
    // by what follows.
    let after = || (k + 1..doc.tokens.len()).take_while(|&j| doc.tokens[j].sentence == sentence && j < k + 7);
    // (By the tokens' keys before their words: most words after a time
    // are none of these.)
    const DATED_BITS: KeyMask = KeyMask::of_keys(&word_keys::<5>(&[&["yesterday", "ago", "earlier", "last", "this"]]));
    let dated_back = after().any(|j| {
        DATED_BITS.may_hold(doc.tokens[j].key)
            && (matches!(doc.fold(j), "yesterday" | "ago" | "earlier" | "last")
                || (doc.fold(j) == "this" && j + 1 < doc.tokens.len() && doc.fold(j + 1) == "morning"))
    });
    if dated_back && !after().any(|j| matches!(doc.fold(j), "tomorrow" | "next")) {
        return true;
    }
    let before = doc.fold(k - 1);
    // "is booked on Monday", "it's scheduled at 10": what stands arranged
    // now, ahead of it; "if it hasn't arrived by Friday": the time
    // expected, in a condition.
    let arranged = k > 1
        && doc.tokens[k - 2].sentence == sentence
        && matches!(
            doc.fold(k - 2),
            "is" | "are"
                | "it's"
                | "that's"
                | "am"
                | "i'm"
                | "we're"
                | "you're"
                | "been"
                | "hasn't"
                | "haven't"
                | "has"
                | "have"
                | "not"
        );
    if arranged {
        return false;
    }
    // (A name is no verb: "with Dr Ahmed on Monday".)
    let verb = !doc.tokens[k - 1].is(crate::document::flag::CAP);
    let past = (verb && before.len() > 4 && before.ends_with("ed") && !matches!(before, "need" | "indeed"))
        || matches!(
            before,
            "was"
                | "were"
                | "did"
                | "sent"
                | "said"
                | "came"
                | "went"
                | "got"
                | "had"
                | "made"
                | "left"
                | "paid"
                | "rang"
                | "spoke"
                | "wrote"
                | "bought"
                | "told"
                | "arrived"
        );
    if !past {
        return false;
    }
    // A future before it in its sentence (at most 40 words back: a run of
    // "at 6 pm at 6 pm ..." with no sentence break stays linear).
    let ahead = (k.saturating_sub(40)..k).rev().take_while(|&j| doc.tokens[j].sentence == sentence).any(|j| {
        matches!(doc.fold(j), "will" | "i'll" | "we'll" | "it'll" | "you'll" | "they'll" | "going" | "be" | "shall")
    });
    // "at 10 am tomorrow" is ahead whatever the verb.
    let later = (k + 1..doc.tokens.len())
        .take_while(|&j| doc.tokens[j].sentence == sentence && j < k + 6)
        .any(|j| matches!(doc.fold(j), "tomorrow" | "tonight" | "next" | "coming"));
    !ahead && !later
}

/// Words that end the clause a time is read in, looking back from it or on
/// from it.
const CLAUSE_BOUNDARIES: &[&str] = &[
    "and", "but", "so", "which", "that", "while", "because", "when", "if", "once", "until", "after", "before", "where",
    "then", "or", "as",
];
/// The keys of [`CLAUSE_BOUNDARIES`].
const BOUNDARY_KEYS: crate::hash::KeyBloom = crate::hash::KeyBloom::of(&[CLAUSE_BOUNDARIES]);

/// Whether `w` (of key `key`) ends the clause a time is read in. (By its
/// key first: most words read are none, and a comparison with many words
/// is a jump on the word's length, which goes either way with the word
/// read.)
fn clause_boundary(w: &str, key: u32) -> bool {
    BOUNDARY_KEYS.may_hold(key) && crate::words::among(CLAUSE_BOUNDARIES, w)
}

/// Verbs in the simple past, irregular ones, that a time read back from
/// may date (the regular ones end in "-ed"); "the engineer didn't turn up
/// on Thursday" (the twelfth QA pass).
const IRREGULAR_PAST: &[&str] = &[
    "was", "were", "did", "had", "paid", "made", "took", "sent", "came", "went", "got", "left", "spoke", "wrote",
    "bought", "told", "rang", "began", "gave", "saw", "said", "found", "brought", "fell", "broke", "ran", "lost",
    "heard", "didn't", "didnt", "wasn't", "wasnt", "weren't", "werent",
];
/// The keys of [`IRREGULAR_PAST`].
const PAST_KEYS: crate::hash::KeyBloom = crate::hash::KeyBloom::of(&[IRREGULAR_PAST]);
/// A verb ahead or in the present: it ends the search for a verb in the
/// past, read back from a time.
const VERBS_AHEAD: &[&str] = &[
    "will", "i'll", "we'll", "you'll", "it'll", "they'll", "he'll", "she'll", "going", "shall", "should", "can",
    "could", "may", "might", "would", "is", "are", "am", "be", "been", "it's", "that's", "due", "expect",
];
/// The keys of [`VERBS_AHEAD`].
const AHEAD_KEYS: crate::hash::KeyBloom = crate::hash::KeyBloom::of(&[VERBS_AHEAD]);

/// Whether the time `span` ("on 3 March", "at 00:00 UTC", "between 09:00
/// and 09:20") dates something told in the past, not only right after its
/// verb (see [`dates_the_past`]): the verb that governs it, read back over
/// the words of its noun phrase, is in the simple past ("while we looked
/// into the payment of £42.10 on 3 March", "the key stopped working at
/// 00:00 UTC on 4 March", "the payment was made to ElectroMart on 2
/// March", the ninth QA pass), or one follows it at once ("the reading on
/// 28th Feb was estimated", "your call on Friday dropped"). Not a verb in
/// the present or ahead before it ("it ships on Monday", "is visiting on
/// Tuesday", "will arrive on Friday", "a replacement arriving on Friday"),
/// a purpose ("to collect it on Monday", "for delivery on Friday"), a
/// perfect ("I've sent", "has cancelled") or a time arranged ("booked",
/// "rescheduled"): the reviewer's cases, each still praised.
fn in_a_past_clause(doc: &Document, at: At) -> bool {
    let n = doc.tokens.len();
    let (first, last) = (at.first, at.last);
    if last >= n
        || !(matches!(doc.fold(first), "on" | "at" | "between" | "from")
            || crate::words::among(crate::rules::details::WEEKDAYS, doc.fold(first)))
    {
        return false;
    }
    let sentence = doc.tokens[first].sentence;
    let word = |k: usize| if doc.tokens[k].sentence == sentence && doc.tokens[k].is_agent() { doc.fold(k) } else { "" };
    // A verb in the simple past at `k`: not a perfect ("I've sent"), not a
    // time arranged, not an adjective or a passive in the present before a
    // noun ("the estimated delivery", "it's fitted"), not a sentence's first
    // word ("Guaranteed delivery on Friday").
    let past_verb = |k: usize| {
        let w = word(k);
        // (By the tokens' keys before their words, as are the words that
        // end the search below: see `clause_boundary`.)
        let irregular = PAST_KEYS.may_hold(doc.tokens[k].key) && crate::words::among(IRREGULAR_PAST, w);
        let regular = w.len() > 4
            && w.ends_with("ed")
            && !matches!(w, "need" | "indeed" | "speed" | "proceed" | "exceed" | "succeed" | "feed")
            && !doc.tokens[k].is(flag::SENT_START)
            // (A name is no verb: "with Dr Ahmed on Monday".)
            && !doc.tokens[k].is(flag::CAP);
        // (The rest read only for a verb in the past: most words read back
        // from a time are none, and the tests below were about 40 branches
        // a word, many of them on the word's letters.)
        if !(irregular || regular) {
            return false;
        }
        let prev = if k > 0 { word(k - 1) } else { "" };
        let stem = w.strip_prefix("re").filter(|r| r.len() > 3).unwrap_or(w);
        // (By its first letter: one comparison for most words.)
        let arranged = match stem.as_bytes().first() {
            Some(b'b') => stem.starts_with("book"),
            Some(b's') => ["schedul", "set", "slott"].iter().any(|a| stem.starts_with(a)),
            Some(b'a') => ["arrang", "allocat", "assign"].iter().any(|a| stem.starts_with(a)),
            Some(b'r') => ["reserv", "request"].iter().any(|a| stem.starts_with(a)),
            Some(b'p') => ["plann", "postpon", "pencil", "put"].iter().any(|a| stem.starts_with(a)),
            Some(b'm') => stem.starts_with("mov"),
            Some(b'c') => ["confirm", "chang"].iter().any(|a| stem.starts_with(a)),
            Some(b'e') => stem.starts_with("extend"),
            Some(b'o') => stem.starts_with("organi"),
            Some(b'l') => stem.starts_with("lined"),
            _ => false,
        };
        !arranged
            && !matches!(
                prev,
                "i've"
                    | "we've"
                    | "you've"
                    | "they've"
                    | "ive"
                    | "weve"
                    | "have"
                    | "has"
                    | "the"
                    | "a"
                    | "an"
                    | "your"
                    | "our"
                    | "my"
                    | "their"
                    | "is"
                    | "are"
                    | "be"
                    | "being"
                    | "get"
                    | "gets"
                    | "it's"
                    | "that's"
                    | "he's"
                    | "she's"
                    | "they're"
                    | "we're"
                    | "you're"
            )
    };
    // Right after the time: "the reading on 28th Feb was estimated".
    if last + 1 < n && !doc.tokens[last].gap_has(gap::CLAUSE) && past_verb(last + 1) && word(last + 1) != "had" {
        return true;
    }
    // Back over the noun phrase to the verb that governs the time (at most
    // 10 words; a clock time or an amount is no break: "00:00", "£42.10").
    let breaks_after = |k: usize| {
        doc.tokens[k].gap_has(gap::CLAUSE)
            && !(doc.tokens[k].is(flag::NUMBER)
                && doc.tokens.get(k + 1).is_some_and(|t| {
                    t.is(flag::NUMBER) && matches!(&doc.text[doc.tokens[k].span.end()..t.span.start()], ":" | ".")
                }))
    };
    let mut k = first;
    while k > 0 && first - k < 10 {
        k -= 1;
        if doc.tokens[k].sentence != sentence || breaks_after(k) {
            return false;
        }
        let w = word(k);
        // (Each test below read only when the ones before leave it to
        // decide: most words read back are none of their words.)
        let in_window = || w == "and" && (k.saturating_sub(4)..k).any(|i| doc.fold(i) == "between");
        // "happened because of a timeout on 14 February": "because of"
        // opens a noun phrase, no clause (the tenth QA pass).
        let because_of = || w == "because" && word(k + 1) == "of";
        // "a card payment cleared before your salary credit on 3 March":
        // "before" or "after" a noun phrase is a preposition, no clause
        // (the fifteenth QA pass).
        let before_a_noun = || {
            matches!(w, "before" | "after" | "until")
                && matches!(word(k + 1), "your" | "the" | "a" | "an" | "our" | "my" | "their" | "his" | "her")
        };
        if (clause_boundary(w, doc.tokens[k].key) && !in_window() && !because_of() && !before_a_noun()) || w.is_empty()
        {
            return false;
        }
        if past_verb(k) {
            return true;
        }
        // "-ing": a verb of its own ("arriving on Friday"), unless it
        // follows a verb in the past ("stopped working at 00:00").
        // ("this morning", "something": nouns, read past; the tenth QA
        // pass's "was reversed to your account this morning at 09:42".)
        let ing = w.len() > 4
            && w.ends_with("ing")
            && !matches!(w, "morning" | "evening" | "during" | "something" | "anything" | "nothing" | "everything");
        if ing {
            return k > 0 && past_verb(k - 1);
        }
        // A verb ahead, in the present or of a purpose ends the search.
        // (Not the month: "was sent on 2 May at 09:14", the thirteenth QA
        // pass.)
        let month = || w == "may" && doc.tokens[k].is(flag::CAP) && !doc.tokens[k].is(flag::SENT_START);
        let ahead = || AHEAD_KEYS.may_hold(doc.tokens[k].key) && !month() && crate::words::among(VERBS_AHEAD, w);
        // "to collect it on Monday": a purpose ahead ("made to ElectroMart",
        // "sent it to you" are places).
        let infinitive = || {
            w == "to"
                && k + 1 < first
                && !doc.tokens[k + 1].is(flag::CAP)
                && !matches!(
                    word(k + 1),
                    "you" | "me" | "us" | "him" | "her" | "them" | "the" | "your" | "our" | "my" | "a" | "an" | "their"
                )
        };
        // (Not "It was for the missed appointment on 12 February": what a
        // past charge was for, the thirteenth QA pass; "the visit was for
        // the morning slot on Friday" is still ahead, the session's review.)
        let for_what_was = || {
            k > 0
                && matches!(word(k - 1), "was" | "were")
                && (k + 1..first).any(|m| {
                    matches!(
                        word(m),
                        "missed"
                            | "cancelled"
                            | "canceled"
                            | "previous"
                            | "last"
                            | "earlier"
                            | "original"
                            | "old"
                            | "late"
                    )
                })
        };
        let purpose = || {
            w == "for"
                && !for_what_was()
                && matches!(
                    word(k + 1),
                    "delivery"
                        | "collection"
                        | "pickup"
                        | "pick-up"
                        | "dispatch"
                        | "installation"
                        | "a"
                        | "your"
                        | "the"
                )
        };
        // "-s": a verb in the present ("it ships on Monday", "calls you on
        // Monday"), or a plural noun: either way, not read as past.
        // (After a determiner it is a plural noun, read past: "we received
        // your documents on 4 April", the twelfth QA pass.)
        let present = || {
            w.len() > 3
                && w.ends_with('s')
                && !w.ends_with("ss")
                && !w.ends_with("us")
                && !w.ends_with("'s")
                && !matches!(w, "was" | "has" | "this" | "its" | "his" | "yes" | "plus" | "towards" | "afterwards")
                && !(k > 0
                    && matches!(
                        word(k - 1),
                        "your" | "the" | "our" | "my" | "their" | "these" | "those" | "his" | "her"
                    ))
        };
        if ahead() || infinitive() || purpose() || present() {
            return false;
        }
    }
    false
}

/// Places and windows that open and close: what opening hours and
/// deadlines are said of.
const OPENS_AND_CLOSES: &[&str] = &[
    "store",
    "shop",
    "branch",
    "office",
    "desk",
    "centre",
    "center",
    "pool",
    "gym",
    "restaurant",
    "bar",
    "cafe",
    "reception",
    "line",
    "lines",
    "phones",
    "counter",
    "clinic",
    "pharmacy",
    "library",
    "site",
    "park",
    "drive-thru",
    "thru",
    "we're",
    "we",
    "registration",
    "registrations",
    "applications",
    "entries",
    "enrolment",
    "enrollment",
    "pre-orders",
    "preorders",
    "orders",
    "slots",
    "voting",
    "sale",
    "offer",
    "window",
    "bookings",
    "doors",
    "kitchen",
    "museum",
];

/// Whether the time at token `k` says when something opens or closes:
/// "the store closes (early) at 6 pm", "we're open until 8 pm",
/// "registration closes on Friday"; a place or a window within four words
/// before the verb.
fn states_hours(doc: &Document, k: usize) -> bool {
    let sentence = doc.tokens[k].sentence;
    let same = |j: usize| doc.tokens[j].sentence == sentence;
    let hours_verb = |j: usize| {
        same(j) && matches!(doc.fold(j), "opens" | "closes" | "open" | "closed" | "close" | "shuts" | "shut")
    };
    // "Monday to Friday 9 am-5 pm": a range of days (the tenth QA pass).
    let weekday = |j: usize| same(j) && crate::words::among(crate::rules::details::WEEKDAYS, doc.fold(j));
    // (Its own day read once for both ranges.)
    let day = weekday(k);
    if day && k >= 2 && weekday(k - 2) && matches!(doc.fold(k - 1), "to" | "through" | "thru" | "till") {
        return true;
    }
    if day
        && k >= 1
        && weekday(k - 1)
        && doc.text[doc.tokens[k - 1].span.end()..doc.tokens[k].span.start()].trim() == "-"
    {
        return true;
    }
    // "our team is on until 8 pm tonight", "we're available until 6".
    if k >= 2
        && matches!(doc.fold(k), "until" | "till" | "til")
        && matches!(doc.fold(k - 1), "on" | "available" | "around" | "here" | "staffed" | "online")
        // (Not "I'll be here until 6 pm to take your call": a promise.)
        && matches!(doc.fold(k - 2), "is" | "are" | "we're" | "i'm" | "we")
    {
        return true;
    }
    // "your prescription can be collected until 7 pm today" (the fifteenth
    // QA pass): how long something may be done, a window.
    // (Anywhere in its clause: "can be collected from the counter until
    // 7 pm", the pass's review.)
    if matches!(doc.fold(k), "until" | "till" | "til")
        && (k.saturating_sub(8)..k.saturating_sub(1)).any(|j| {
            same(j)
                && doc.fold(j) == "can"
                && same(j + 1)
                && doc.fold(j + 1) == "be"
                && j + 2 < k
                && (j..k).all(|m| !doc.tokens[m].gap_has(gap::CLAUSE))
        })
    {
        return true;
    }
    let verb = match k.checked_sub(1) {
        Some(j) if hours_verb(j) => j,
        Some(j) if j > 0 && matches!(doc.fold(j), "early" | "late") && hours_verb(j - 1) => j - 1,
        _ => return false,
    };
    // (By the tokens' keys before their words: the list, compared word by
    // word, is a branch on each listed word's length, which goes either
    // way with the word read.)
    const OPENS_AND_CLOSES_KEYS: crate::hash::KeyBloom = crate::hash::KeyBloom::of(&[OPENS_AND_CLOSES]);
    (verb.saturating_sub(4)..verb).any(|j| {
        same(j)
            && OPENS_AND_CLOSES_KEYS.may_hold(doc.tokens[j].key)
            && crate::words::among(OPENS_AND_CLOSES, doc.fold(j))
    })
}

/// Whether the deadline at `span` is someone else's, not a commitment of
/// ours: the customer's ("Please send the form by Friday", "you'll need to
/// reply within 14 days") or a policy's window after an event ("returns
/// are accepted within 30 days of purchase"). A clause where we say we
/// will ("We'll refund you within 5 days of receiving it") stays ours; a
/// time "at" which to call is an appointment both keep.
/// (`k` is the first token of its clause, [`clause_start`].)
fn someone_elses_deadline(doc: &Document, at: At, k: usize) -> bool {
    let (first, last) = (at.first, at.last);
    if !matches!(doc.fold(first), "by" | "before" | "within" | "until") {
        return false;
    }
    let sentence = doc.tokens[first].sentence;
    // We or a future of ours in the clause ("we'll aim to settle", "your
    // refund will go back"): "us" and "our" after the customer's verb
    // ("send us the form") are not.
    // (By the tokens' keys before their words: most words of a clause are
    // none of these.)
    const OURS: crate::hash::KeyBloom =
        crate::hash::KeyBloom::of(&[&["we i we'll i'll we're i'm we've i've we'd i'd it'll shall will"]]);
    let ours = (k..first).any(|j| {
        if !OURS.may_hold(doc.tokens[j].key) {
            return false;
        }
        let w = doc.fold(j);
        matches!(
            w,
            "we" | "i" | "we'll" | "i'll" | "we're" | "i'm" | "we've" | "i've" | "we'd" | "i'd" | "it'll" | "shall"
        ) || (w == "will" && !(j > k && doc.fold(j - 1) == "you"))
    });
    if ours {
        return false;
    }
    // The customer does it: "please ...", "could you ...", "you need to
    // ...", "you can ..."; not what they will receive from us ("you
    // should hear back", "you can expect it").
    let received = |j: usize| {
        j < first
            && matches!(doc.fold(j), "get" | "receive" | "hear" | "see" | "have" | "be" | "expect" | "find" | "notice")
    };
    let customers = matches!(doc.fold(k), "please" | "kindly")
        || (k..first).any(|j| {
            let w = doc.fold(j);
            let next = if j + 1 < first { doc.fold(j + 1) } else { "" };
            (w == "you" && matches!(next, "need" | "must" | "should" | "have" | "can" | "may") && !received(j + 2))
                || (matches!(w, "you'll" | "you'd") && next == "need")
                || (matches!(w, "could" | "can" | "would") && next == "you" && !received(j + 2))
        });
    let after = last + 1;
    let window = doc.fold(first) == "within"
        && after < doc.tokens.len()
        && doc.tokens[after].sentence == sentence
        && !doc.tokens[last].gap_has(gap::CLAUSE)
        && matches!(doc.fold(after), "of" | "from" | "after");
    customers || window
}

/// Whether the sentence of token `k` says, before it, that we hope to do
/// something ("We hope to have an update shortly"): a hedged promise of
/// ours, not a wish for the customer.
fn hopes_to(doc: &Document, k: usize) -> bool {
    let sentence = doc.tokens[k].sentence;
    // (At most 40 words back, as `is_wish` reads.)
    (k.saturating_sub(40).max(1)..k).rev().take_while(|&j| doc.tokens[j].sentence == sentence).any(|j| {
        matches!(doc.fold(j), "hope" | "hoping")
            && matches!(doc.fold(j - 1), "we" | "i" | "we're" | "i'm")
            && doc.fold(j + 1) == "to"
            // "We hope to welcome you again soon" is a pleasantry.
            && !matches!(doc.fold(j + 2), "see" | "welcome" | "hear" | "serve" | "speak" | "talk" | "meet" | "chat" | "host")
    })
}

/// Whether token `k` is a "hopefully" that hedges what will be done, not
/// a wish for the customer: "hopefully it'll ship next week", "hopefully
/// we'll have it fixed" (the thirteenth QA pass); not "hopefully you'll
/// love it", "hopefully we'll see you soon", "hopefully it helps".
fn hedges_a_deed(doc: &Document, k: usize) -> bool {
    if doc.fold(k) != "hopefully" {
        return false;
    }
    let sentence = doc.tokens[k].sentence;
    let word = |j: usize| doc.tokens.get(j).filter(|t| t.sentence == sentence).map_or("", |_| doc.fold(j));
    let verb_at = match (word(k + 1), word(k + 2)) {
        ("it'll" | "we'll" | "i'll" | "they'll" | "itll", _) => k + 2,
        ("it" | "we" | "they" | "i", "will" | "should" | "can") => k + 3,
        _ => return false,
    };
    // With a time it is hoped for ("next week", "by Friday"): "Hopefully
    // we'll have it available again soon", of a licence out of our hands,
    // stays a wish (real replies).
    let timed =
        (verb_at..(verb_at + 8).min(doc.tokens.len())).take_while(|&j| doc.tokens[j].sentence == sentence).any(|j| {
            let w = doc.fold(j);
            matches!(w, "next" | "tomorrow" | "today" | "tonight" | "by" | "within")
                || crate::words::among(crate::rules::details::WEEKDAYS, w)
        });
    // What is hoped for is a deed or a delivery ("ship", "have it
    // fixed"), not how the customer will find it ("Hopefully they'll make
    // your commute next week more pleasant", the session's review).
    let deed = match word(verb_at) {
        "be" => {
            matches!(word(verb_at + 1), "fixed" | "ready" | "back" | "sorted" | "resolved" | "shipped" | "delivered")
        }
        w => matches!(
            w,
            "ship"
                | "arrive"
                | "reach"
                | "land"
                | "go"
                | "come"
                | "get"
                | "have"
                | "send"
                | "sort"
                | "fix"
                | "process"
                | "resolve"
                | "dispatch"
                | "deliver"
                | "post"
                | "refund"
                | "replace"
                | "repair"
                | "call"
                | "update"
                | "finish"
                | "complete"
        ),
    };
    timed && deed
}

/// Whether the number the time at `at` ends with is a measure, its unit
/// after it: "at 6 kg she's well within the limit" (the fourteenth QA
/// pass), "at 40 cm".
fn is_a_measure(doc: &Document, at: At) -> bool {
    let last = at.last;
    let t = &doc.tokens[last];
    // A unit joined to the number or a sign after it: "at 240V", "at 5C",
    // "at 1080p", "at 50%", "at 40°" (the fourteenth pass's review); not a
    // clock's "7pm", "9am", "14h".
    let word = doc.fold(last);
    let joined = word.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.');
    if t.is(flag::NUMBER) && !joined.is_empty() && joined.len() < word.len() {
        return !matches!(joined, "am" | "pm" | "h" | "hrs" | "st" | "nd" | "rd" | "th" | "ish");
    }
    if t.is(flag::NUMBER) && matches!(doc.text[t.span.end()..].chars().next(), Some('%' | '°')) {
        return true;
    }
    last + 1 < doc.tokens.len()
        && doc.tokens[last].is(flag::NUMBER)
        && doc.tokens[last + 1].sentence == doc.tokens[last].sentence
        && matches!(
            doc.fold(last + 1),
            "psi"
                | "bar"
                | "volts"
                | "v"
                | "watts"
                | "w"
                | "hz"
                | "rpm"
                | "kph"
                | "fps"
                | "c"
                | "f"
                | "celsius"
                | "fahrenheit"
                | "kg"
                | "kgs"
                | "kilos"
                | "g"
                | "lb"
                | "lbs"
                | "pounds"
                | "cm"
                | "mm"
                | "km"
                | "miles"
                | "mph"
                | "percent"
                | "gb"
                | "mb"
                | "tb"
                | "litres"
                | "liters"
                | "ml"
                | "inches"
                | "feet"
                | "ft"
                | "degrees"
                | "kwh"
                | "mbps"
        )
}

/// Whether the number ending `span` is part of a phone number ("at
/// 1-800-555-0199", "at 0800 123 456").
fn is_phone_number(doc: &Document, span: crate::span::Span) -> bool {
    let after = &doc.text[span.end()..];
    let digits = doc.text[span].bytes().rev().take_while(u8::is_ascii_digit).count();
    let mut rest = after.chars();
    let joined = matches!(rest.next(), Some('-' | '.' | ')')) && rest.next().is_some_and(|c| c.is_ascii_digit());
    let spaced_digits = after.starts_with(' ') && after[1..].starts_with(|c: char| c.is_ascii_digit());
    // An area code in brackets: "at (555) 201-3344".
    let area_code =
        doc.text[span].contains('(') && after.starts_with(") ") && after[2..].starts_with(|c: char| c.is_ascii_digit());
    joined || digits >= 5 || (digits >= 3 && spaced_digits) || area_code
}

/// Whether the number ending `span` ("at 22") is a house number: a
/// capitalised word that gives no time follows it ("at 22 Pine St", "by 4
/// Station Road"), or a street word does ("at 5 the Parade" aside).
fn is_street_number(doc: &Document, at: At) -> bool {
    let last = at.last;
    let next = last + 1;
    if last >= doc.tokens.len() || !doc.tokens[last].is(flag::NUMBER) || next >= doc.tokens.len() {
        return false;
    }
    if doc.tokens[next].sentence != doc.tokens[last].sentence || doc.tokens[last].gap_has(gap::CLAUSE) {
        return false;
    }
    let w = doc.fold(next);
    let gives_time = matches!(
        w,
        "am" | "pm" | "a" | "p" | "o'clock" | "noon" | "midday" | "gmt" | "bst" | "utc" | "est" | "pst" | "cet"
    ) || crate::words::among(crate::rules::details::MONTHS, w)
        || crate::words::among(crate::rules::details::WEEKDAYS, w)
        || matches!(w, "today" | "tomorrow" | "tonight");
    // A short word in capitals after a clock time is its zone ("at 9 EDT").
    let zone = doc.tokens[next].is(flag::ALL_CAPS)
        && (2..=4).contains(&w.len())
        && !matches!(w, "mb" | "gb" | "kb" | "tb" | "kg" | "km" | "mph" | "kmh" | "gbp" | "usd" | "eur");
    !gives_time
        && !zone
        && (doc.tokens[next].is(flag::CAP)
            || matches!(w, "street" | "st" | "road" | "rd" | "avenue" | "ave" | "lane" | "drive"))
}

#[cfg(test)]
mod tests {
    use super::WAITS_ON_EVENT;
    use crate::context::Context;
    use crate::rules::testing::*;
    use crate::Cue;

    #[test]
    fn praises_concrete_times() {
        assert_flags(Cue::Commitment, "You'll have it ⟦by Friday⟧, ⟦at 5 pm⟧.");
        assert_flags(Cue::Commitment, "I'll reply ⟦within 24 hours⟧.");
        // Opening hours are no promise (QA pass 7).
        assert_clean(Cue::Commitment, "Hi Olivia, the store closes at 6 pm on weekdays.");
        assert_clean(Cue::Commitment, "Hi Olivia, our branch is open until 8 pm tonight.");
        assert_flags(Cue::Commitment, "Hi Olivia, we'll close the account ⟦by Friday⟧.");
        assert_flags(Cue::Commitment, "Hi Olivia, your claim will be closed ⟦by Friday⟧.");
        assert_flags(Cue::Commitment, "Hi Olivia, I'll keep the case open ⟦until Friday⟧.");
        assert_clean(Cue::Commitment, "Hi Olivia, the store closes early at 4 pm on Sundays.");
        assert_clean(
            Cue::Commitment,
            "Hi Oliver, it is: 9am to 1pm every Saturday, and the drive-thru stays open until 2pm.",
        );
        assert_flags(Cue::Commitment, "Expect it ⟦within two business days⟧.");
        assert_flags(Cue::Commitment, "Maintenance will fix the latch ⟦within the hour⟧.");
        // The whole time is highlighted.
        assert_flags(Cue::Commitment, "It will be ready ⟦by 3 pm today⟧.");
        assert_flags(Cue::Commitment, "The engineer arrives ⟦at 10:30 am⟧.");
        // A house number is no time.
        assert_clean(Cue::Commitment, "The account at 22 Pine St was closed, and the keys are at 4 Station Road.");
        assert_flags(Cue::Commitment, "We'll call ⟦at 9 AM⟧, or ⟦at 10⟧ Monday.");
        assert_flags(Cue::Commitment, "We'll call ⟦at 9⟧ EDT.");
        assert_flags(Cue::Commitment, "You'll hear back ⟦within 3 business days⟧.");
        // "by" an amount of change is no deadline.
        assert_clean(Cue::Commitment, "I've extended your trial by 14 days.");
        assert_clean(Cue::Commitment, "We reduced the price by 20 percent.");
    }

    #[test]
    fn flags_vague_timing_but_not_see_you_soon() {
        assert_flags(Cue::VagueCommitment, "We'll fix it ⟦soon⟧, ⟦ASAP⟧.");
        assert_clean(Cue::VagueCommitment, "Talk soon! As soon as it ships you'll get an email.");
        assert_clean(Cue::VagueCommitment, "Hope it gets resolved soon!");
        assert_clean(Cue::VagueCommitment, "We hope to welcome you on board again soon.");
        assert_clean(Cue::VagueCommitment, "Fingers crossed we'll be able to have it soon!");
        // The customer's own doing is no promise of ours; what we send them is.
        assert_clean(Cue::VagueCommitment, "I'm sure you'll figure it out eventually.");
        assert_flags(Cue::VagueCommitment, "You'll get your refund ⟦soon⟧.");
        assert_flags(Cue::VagueCommitment, "We'll call you ⟦soon⟧.");
    }

    #[test]
    fn timing_that_waits_on_an_event_gets_no_drop_in_time() {
        let findings = |text: &str| {
            let report = crate::analyze(text, &Context::default());
            report
                .findings
                .into_iter()
                .filter(|f| f.cue == Cue::VagueCommitment)
                .map(|f| (text[f.span.unwrap()].to_string(), f.suggestions, f.message == WAITS_ON_EVENT))
                .collect::<Vec<_>>()
        };
        // "by Friday at 5 pm they're available" would not read.
        assert_eq!(
            findings("I'll ship them as soon as they're available."),
            [("as soon as they're".to_string(), vec![], true)]
        );
        assert_eq!(findings("I'll call as soon as I hear back."), [("as soon as I".to_string(), vec![], true)]);
        // Nor does any other vague timing get one: only the agent knows
        // when ("We'll fix it by Friday at 5 pm" would be a promise nobody
        // made, applied by one click).
        assert_eq!(findings("We'll fix it soon."), [("soon".to_string(), vec![], false)]);
        assert_eq!(findings("Someone will call you shortly."), [("shortly".to_string(), vec![], false)]);
        assert_eq!(findings("You'll hear from us in a few days."), [("in a few days".to_string(), vec![], false)]);
    }

    #[test]
    fn a_farewell_is_no_promise() {
        // Found by the fifth QA pass.
        assert_clean(Cue::VagueCommitment, "Hi Felix, we're open from 10 am to 4 pm on Sundays. See you soon!");
        assert_clean(Cue::VagueCommitment, "All sorted, Felix. Talk soon!");
        assert_flags(Cue::VagueCommitment, "We'll see to it ⟦soon⟧, Felix.");
    }

    #[test]
    fn the_coming_weeks_are_vague() {
        // Found by a helper's mechanism drafts and a review.
        assert_flags(Cue::VagueCommitment, "We will roll out a patch ⟦in the coming weeks⟧.");
        assert_flags(Cue::VagueCommitment, "A fix is planned ⟦in the weeks ahead⟧.");
        assert_clean(
            Cue::VagueCommitment,
            "The heater should be used sparingly over the next few weeks while the plaster dries.",
        );
    }

    #[test]
    fn a_request_to_the_customer_is_no_commitment() {
        assert_clean(
            Cue::VagueCommitment,
            "To avoid it being returned, please call us as soon as possible on 0800 555 0100 to arrange redelivery.",
        );
        assert_flags(Cue::VagueCommitment, "Please note we will fix it ⟦soon⟧.");
        assert_flags(Cue::VagueCommitment, "Please note the refund will be processed ⟦soon⟧.");
        assert_flags(Cue::VagueCommitment, "Please be patient as the team will fix it ⟦soon⟧.");
        assert_clean(Cue::VagueCommitment, "Your engineer will arrive shortly after 9 am tomorrow.");
    }

    #[test]
    fn the_customers_own_plans_are_no_commitment() {
        assert_clean(
            Cue::VagueCommitment,
            "You mentioned you're moving house shortly, so just update your address in My Account.",
        );
        assert_flags(Cue::VagueCommitment, "You're getting a replacement ⟦soon⟧.");
    }

    #[test]
    fn timing_in_a_purpose_clause_of_something_else_is_no_commitment() {
        // A real reply's words.
        assert_clean(
            Cue::VagueCommitment,
            "Make sure to avoid the device going on sleepmode for the sync to be up to date asap. We hope this helps.",
        );
        assert_clean(Cue::VagueCommitment, "Clear the cache for the page to load quickly and the images to show soon.");
        // Ours, and a purpose of ours, stay vague.
        assert_flags(Cue::VagueCommitment, "It will take a while for us to fix it, but we'll have it done ⟦soon⟧.");
        assert_flags(Cue::VagueCommitment, "We'll replace it for you ⟦asap⟧.");
        assert_flags(Cue::VagueCommitment, "We're sorry for the delay and expect to resolve it ⟦soon⟧.");
        assert_flags(Cue::VagueCommitment, "We need a day for us to get it to you ⟦soon⟧.");
    }

    #[test]
    fn a_deadline_of_the_customers_or_a_policys_is_no_commitment() {
        assert_clean(Cue::Commitment, "Please send the signed form by Friday.");
        assert_clean(Cue::Commitment, "You'll need to reply within 14 days, and you can cancel before Monday.");
        assert_clean(Cue::Commitment, "Could you let us know by Friday?");
        assert_clean(Cue::Commitment, "Returns are accepted within 30 days of purchase.");
        // Ours, even after an event or asked of us.
        assert_flags(Cue::Commitment, "We'll refund you ⟦within 5 days⟧ of receiving the parcel.");
        assert_flags(Cue::Commitment, "Please expect our call, I will ring you ⟦by Friday⟧.");
        assert_flags(Cue::Commitment, "You'll have it ⟦by Friday⟧.");
        assert_flags(Cue::Commitment, "Your certificate will be emailed ⟦within 10 working days⟧ of results day.");
        assert_flags(Cue::Commitment, "You should hear back ⟦within 5 working days⟧.");
        assert_flags(Cue::Commitment, "Please upload the receipts and we'll settle ⟦within 10 working days⟧.");
        // An appointment at a time is kept by both.
        assert_flags(Cue::Commitment, "Please call us ⟦at 10⟧ tomorrow.");
    }

    #[test]
    fn a_date_is_whole_and_a_frequency_or_a_disclaimed_time_is_no_commitment() {
        assert_flags(Cue::Commitment, "I've extended your trial ⟦until 15 August⟧.");
        assert_flags(Cue::Commitment, "I'll send it over ⟦by 15/08⟧.");
        assert_clean(Cue::Commitment, "You've called three times in one week.");
        assert_clean(Cue::Commitment, "I can't guarantee the courier will arrive before noon.");
        assert_flags(Cue::Commitment, "I can guarantee it: the courier will arrive ⟦before noon⟧.");
    }

    #[test]
    fn a_phone_number_is_not_a_time() {
        assert_clean(Cue::Commitment, "Please call us at 1-800-555-0199 for help.");
        assert_flags(Cue::Commitment, "Please call us ⟦at 10⟧ tomorrow.");
    }

    #[test]
    fn flags_over_promises_but_not_a_named_guarantee() {
        assert_flags(Cue::OverPromise, "This is ⟦guaranteed⟧ and ⟦will never happen again⟧.");
        assert_flags(Cue::OverPromise, "I'm ⟦100%⟧ sure.");
        assert_flags(Cue::OverPromise, "You will ⟦never have to worry⟧ about this again.");
        assert_flags(Cue::OverPromise, "You'll ⟦never see this again⟧.");
        // A date in the past is no commitment; one ahead is.
        assert_clean(Cue::Commitment, "I can see you called on Monday and emailed twice.");
        assert_clean(Cue::Commitment, "You can call us at (555) 201-3344 any time.");
        assert_clean(Cue::Commitment, "Their current waiting time is around 6 weeks.");
        assert_flags(Cue::Commitment, "I'll call you ⟦around 6 pm⟧.");
        assert_flags(Cue::Commitment, "It will be delivered ⟦on Monday⟧.");
        assert_flags(Cue::Commitment, "I've rebooked you with Dr Ahmed ⟦on Monday⟧.");
        // A window or a day dated back by what follows it; ranges and
        // windows ahead are commitments.
        assert_clean(Cue::Commitment, "The lockout came from failed log-ins between 8:02 and 8:06 this morning.");
        assert_clean(Cue::Commitment, "Your parcel was scanned Tuesday 4 June, two days ago.");
        assert_flags(Cue::Commitment, "I've moved your delivery to ⟦Saturday 14 June⟧, ⟦between 9 am and 1 pm⟧.");
        assert_flags(Cue::Commitment, "It shows on your statement ⟦within 3 to 5 business days⟧, or ⟦in 3-5 days⟧.");
        // A clock time after a verb in the past dates it too; one arranged
        // now, or said to be tomorrow, is ahead.
        assert_clean(Cue::Commitment, "The fix was deployed at 14:00 UTC. I called at 3 pm.");
        assert_flags(Cue::Commitment, "Your repair is booked ⟦on Monday⟧.");
        assert_flags(Cue::Commitment, "If it hasn't arrived ⟦by Friday⟧, tell me.");
        assert_flags(Cue::Commitment, "I called and booked it ⟦at 10 am tomorrow⟧.");
        // A deadline in the sentence makes "as soon as" no vaguer.
        assert_clean(
            Cue::VagueCommitment,
            "I'll follow up as soon as I hear back from the courier, by Wednesday at the latest.",
        );
        assert_flags(Cue::VagueCommitment, "I'll follow up ⟦as soon as I⟧ hear back from the courier.");
        // So does the day named (the tenth QA pass); "we'll try" today is
        // still a hedge.
        assert_clean(Cue::VagueCommitment, "As soon as I have it, I'll trace the refund for you today.");
        assert_flags(Cue::VagueCommitment, "⟦We'll try to⟧ trace the refund today.");
        assert_flags(
            Cue::VagueCommitment,
            "I'll call you ⟦as soon as I⟧ hear from the courier, which I hope will be today.",
        );
        assert_flags(Cue::VagueCommitment, "I'll ship them ⟦as soon as they're⟧ available.");
        assert_flags(Cue::VagueCommitment, "We'll get back to you ⟦as soon as possible⟧.");
        assert_flags(Cue::VagueCommitment, "I'll reply ⟦as soon as I can⟧.");
        assert_clean(Cue::VagueCommitment, "Please reply as soon as you can.");
        // Hoping to do it ourselves is a hedged promise, not a wish.
        assert_flags(Cue::VagueCommitment, "We hope to have an update ⟦shortly⟧.");
        assert_clean(Cue::VagueCommitment, "Hope it gets resolved soon!");
        assert_clean(Cue::VagueCommitment, "We hope to welcome you on board again soon.");
        assert_flags(Cue::OverPromise, "It will work ⟦100%⟧.");
        assert_flags(Cue::OverPromise, "It will ⟦100%⟧ arrive tomorrow.");
        assert_clean(Cue::OverPromise, "The shirt is 100% cotton.");
        assert_flags(Cue::OverPromise, "Hi Gary, your next delivery is ⟦100%⟧ going to arrive on time.");
        // A service's name.
        assert_clean(
            Cue::OverPromise,
            "Hi Mr. Patel, your documents were sent today by Royal Mail Special Delivery Guaranteed, tracking ZX123456789GB.",
        );
        assert_flags(Cue::OverPromise, "Delivery is ⟦Guaranteed⟧ by Monday.");
        assert_flags(Cue::OverPromise, "Your refund is ABSOLUTELY ⟦GUARANTEED⟧ by Friday.");
        assert_flags(Cue::OverPromise, "Hi Sam, ⟦I promise⟧ it's fixed. Hi Sam ⟦I promise⟧ too.");
        assert_clean(Cue::OverPromise, "Does it use 100% CPU when it stalls?");
        assert_clean(Cue::OverPromise, "Your order is covered by our money-back guarantee.");
        // The tenth QA pass: a policy named by a noun phrase.
        assert_clean(Cue::OverPromise, "They're still covered by our 12-month quality guarantee for the sole.");
        assert_clean(Cue::OverPromise, "Our price match guarantee applies here.");
        assert_flags(Cue::OverPromise, "You have our ⟦guarantee⟧ that it ⟦won't happen again⟧.");
        assert_flags(Cue::OverPromise, "We ⟦guarantee⟧ delivery by Friday.");
        // The session's review: "our guarantee" alone is a promise.
        assert_flags(Cue::OverPromise, "That's our ⟦guarantee⟧ to you: no more missed deliveries.");
        assert_clean(
            Cue::OverPromise,
            "All our products come with a 2-year guarantee; yours is still under guarantee.",
        );
        assert_flags(Cue::OverPromise, "I ⟦guarantee⟧ it arrives tomorrow.");
        assert_clean(Cue::OverPromise, "I'm not 100% sure yet, so I've asked our engineers.");
        assert_clean(Cue::OverPromise, "We can't guarantee a date yet, but I'll update you Friday.");
    }

    #[test]
    fn an_event_a_past_moment_or_a_different_approach_is_no_vague_promise() {
        // Found by the sixth QA pass.
        assert_clean(Cue::VagueCommitment, "Hi Priya, I'll email you as soon as it's on its way back.");
        assert_clean(Cue::VagueCommitment, "Hi Priya, sorry this came up so soon after your last renewal.");
        assert_clean(Cue::VagueCommitment, "Hi Priya, I'll try a different approach: open Settings and tap Billing.");
        assert_flags(Cue::VagueCommitment, "Hi Priya, ⟦I'll try⟧ again later.");
        assert_flags(Cue::VagueCommitment, "Hi Priya, we'll fix it ⟦soon⟧.");
    }

    #[test]
    fn whenever_we_can_and_at_some_stage_are_vague() {
        // Found by the sixth QA pass.
        assert_flags(Cue::VagueCommitment, "Hi Priya, we'll get back to you ⟦when we can⟧.");
        assert_flags(Cue::VagueCommitment, "Hi Priya, someone will be in touch ⟦at some stage⟧.");
        assert_clean(Cue::VagueCommitment, "Hi Priya, tell me when we can call you.");
    }

    #[test]
    fn help_whenever_we_can_offers_no_time() {
        assert_clean(Cue::VagueCommitment, "Hi Priya, I'm happy to help whenever I can.");
    }

    /// A time hoped for is no commitment (the seventh QA pass's "hopefully"
    /// after a time): the hope is the vague part. A hope in another clause
    /// or sentence leaves the time promised.
    #[test]
    fn a_time_in_a_clause_told_in_the_past_is_no_commitment() {
        // The fifteenth QA pass: past a preposition's noun phrase.
        assert_clean(
            Cue::Commitment,
            "The fee was applied because a card payment cleared before your salary credit on 3 March.",
        );
        assert_flags(Cue::Commitment, "I'll refund the fee before your next statement ⟦on 3 April⟧.");
        // The thirteenth QA pass: "hopefully" hedging what will be done.
        assert_flags(Cue::VagueCommitment, "They're waiting on a part, and ⟦hopefully⟧ it'll ship next week.");
        assert_flags(Cue::VagueCommitment, "⟦Hopefully⟧ we will have it fixed by the weekend.");
        assert_clean(Cue::VagueCommitment, "Hopefully we'll see you again soon!");
        assert_clean(Cue::VagueCommitment, "Hopefully you'll love the new jacket.");
        assert_clean(Cue::VagueCommitment, "Hopefully it'll be sunny for your trip.");
        assert_flags(Cue::VagueCommitment, "⟦Hopefully⟧ I can get the refund processed by Monday.");
        assert_clean(Cue::VagueCommitment, "Hopefully they'll make your commute next week a lot more pleasant.");
        assert_clean(Cue::VagueCommitment, "Hopefully it'll keep you warm on your ski trip next week!");
        // The ninth QA pass: dates of what already happened, praised as
        // promises.
        assert_clean(
            Cue::Commitment,
            "Many thanks for your patience while we looked into the duplicate payment of £42.10 on 3 March.",
        );
        assert_clean(Cue::Commitment, "I found that the reading on 28th Feb was estimated and not actual.");
        assert_clean(
            Cue::Commitment,
            "The old key stopped working at 00:00 UTC on 4 March, which lines up with your logs.",
        );
        assert_clean(Cue::Commitment, "The payment was made to ElectroMart on 2 March using your card details.");
        assert_clean(Cue::Commitment, "Our records show the engineer visited between 09:00 and 09:20 on Monday.");
        // The tenth QA pass: over "this morning", and over "because of".
        assert_clean(Cue::Commitment, "The money was reversed to your account this morning at 09:42.");
        assert_clean(
            Cue::Commitment,
            "The double debit happened because of a timeout on the NIP switch on 14 February.",
        );
        assert_flags(Cue::Commitment, "The engineer will come this morning ⟦at 10 am⟧.");
        // The twelfth QA pass: over a plural noun after its determiner, and
        // a negated past.
        assert_clean(Cue::Commitment, "Dear Mr Okonkwo, we received your documents on 4 April.");
        assert_clean(Cue::Commitment, "I'm sorry that the engineer didn't turn up on Thursday.");
        assert_flags(Cue::Commitment, "We'll post your documents ⟦on 4 April⟧.");
        assert_flags(Cue::Commitment, "I'll send the forms ⟦on Monday⟧.");
        // The thirteenth QA pass: what a past charge was for, and a clock
        // time after the month May.
        assert_clean(Cue::Commitment, "The charge was for the missed appointment on 12 February.");
        // The fourteenth QA pass: a measure is no time.
        assert_clean(Cue::Commitment, "The limit is 8 kg including the carrier, so at 6 kg she's well within it.");
        assert_flags(Cue::Commitment, "The engineer will be there ⟦at 6 pm⟧.");
        // The fifteenth QA pass: the customer's own choice of time.
        assert_clean(
            Cue::Commitment,
            "You'll get hotel vouchers at desk 4 if you'd rather travel tomorrow morning instead.",
        );
        // The fifteenth QA pass: how long something may be collected.
        assert_clean(Cue::Commitment, "Your prescription is ready and can be collected until 7 pm today.");
        assert_clean(Cue::Commitment, "Your parcel can be collected from the counter until 7 pm today.");
        assert_clean(Cue::Commitment, "Let me know whether you'd rather travel tomorrow morning.");
        assert_flags(Cue::Commitment, "We'll hold your prescription ⟦until 7 pm today⟧.");
        // The pass's review: more units, joined or signs.
        for measure in [
            "Keep the tyres inflated at 32 psi for the first week.",
            "The charger works at 240V, so it's fine in the UK.",
            "Store the vaccine at 5C until you use it.",
            "The stream plays at 1080p on your plan.",
            "Wash it at 40° on a gentle cycle.",
            "Run the pump at 3 bar and it will prime itself.",
        ] {
            assert_clean(Cue::Commitment, measure);
        }
        assert_flags(Cue::Commitment, "The engineer will call you back ⟦at 7pm⟧ tonight.");
        assert_flags(Cue::Commitment, "The visit you asked about was for the morning slot ⟦on Friday⟧.");
        assert_clean(Cue::Commitment, "The confirmation email was sent on 2 May at 09:14.");
        assert_flags(Cue::Commitment, "The new card is for delivery ⟦on 12 February⟧.");
        assert_flags(Cue::Commitment, "The engineer may call ⟦at 10 am⟧ to confirm.");
        // A time arranged, a purpose ahead, a future in the clause, or a
        // clause of its own after "and" is still a commitment.
        assert_flags(Cue::Commitment, "I've booked an engineer to visit you ⟦on Tuesday⟧.");
        assert_flags(Cue::Commitment, "I sent a courier to collect it ⟦on Monday⟧.");
        assert_flags(Cue::Commitment, "Your refund was approved and reaches your account ⟦on Friday⟧.");
        assert_flags(Cue::Commitment, "The parcel was dispatched today and will arrive ⟦on Friday⟧.");
        assert_flags(Cue::Commitment, "I've rescheduled the visit ⟦on Monday⟧ ⟦at 10 am⟧.");
        // The reviewer's cases: a verb in the present, ahead, of a purpose
        // or a perfect governs the time; each is still a commitment.
        for text in [
            "Hi Sam, I've sent a replacement arriving ⟦on Friday⟧.",
            "Hi Sam, we've dispatched your order for delivery ⟦on Friday⟧.",
            "Hi Sam, the replacement I ordered for you arrives ⟦on Friday⟧.",
            "Hi Sam, the engineer we contacted is visiting ⟦on Tuesday⟧.",
            "Hi Sam, a specialist calls you ⟦on Monday⟧ about the issue you reported.",
            "Hi Sam, the engineer visits ⟦on Tuesday⟧ to fix the fault you reported.",
            "Hi Sam, I called the warehouse and they said it ships ⟦on Monday⟧.",
            "Hi Sam, the part you needed was ordered and it's fitted ⟦on Monday⟧.",
            "Hi Sam, I've refunded the fee; it lands in your account ⟦on Friday⟧.",
        ] {
            assert_flags(Cue::Commitment, text);
        }
    }

    #[test]
    fn opening_hours_and_a_time_refused_are_no_commitment() {
        // The tenth QA pass.
        assert_clean(Cue::Commitment, "The mortgage team is on 0800 123 4567, Monday to Friday 9 am-5 pm.");
        assert_clean(Cue::Commitment, "I'll look into it right away; our team is on until 8 pm tonight.");
        assert_clean(Cue::Commitment, "Unfortunately, we can't offer a late checkout on Sunday as the hotel is full.");
        assert_flags(Cue::Commitment, "We can't deliver on Sunday, but the courier will come ⟦on Monday⟧.");
        assert_flags(Cue::Commitment, "I'll call you back ⟦on Friday⟧.");
        assert_flags(Cue::Commitment, "We can't wait to see you ⟦on Saturday⟧.");
        // The session's review: the time of another clause.
        assert_flags(Cue::Commitment, "We can't fix it remotely; an engineer will visit ⟦on Friday⟧.");
        assert_flags(Cue::Commitment, "I'm unable to refund it today but I will ⟦on Friday⟧.");
        assert_flags(Cue::Commitment, "I won't close your case until I've called you back ⟦on Friday⟧.");
        assert_flags(Cue::Commitment, "Hi Sam don't worry you won't miss it I'll call you ⟦on Friday⟧");
        assert_flags(Cue::Commitment, "Hi Sam, I'll be here ⟦until 6 pm⟧ to take your call.");
    }

    #[test]
    fn a_time_the_customer_must_act_in_is_no_commitment() {
        assert_clean(Cue::Commitment, "Hi Nick, the reset link only works if you click it within an hour.");
        assert_flags(Cue::Commitment, "If you haven't received it ⟦by Friday⟧, tell me.");
        assert_flags(Cue::Commitment, "If you don't hear from us ⟦within 3 days⟧, reply here.");
        // Our own doing after the condition (the reviewer's cases).
        assert_flags(Cue::Commitment, "Hi Sam, if you like we'll call you ⟦at 3pm⟧ today.");
        assert_flags(Cue::Commitment, "Hi Sam, if you reply by Friday we'll refund you ⟦within 5 days⟧.");
        assert_flags(Cue::Commitment, "Hi Sam, if you also haven't received it ⟦by Friday⟧, tell me.");
    }

    #[test]
    fn a_hope_about_something_else_hedges_no_time() {
        // The reviewer's cases.
        assert_flags(Cue::Commitment, "I hope it helps to know the engineer arrives ⟦on Friday⟧.");
        assert_clean(Cue::VagueCommitment, "I hope it helps to know the engineer arrives on Friday.");
    }

    #[test]
    fn a_time_hoped_for_is_vague_not_a_commitment() {
        for draft in [
            "Hi Sam, the engineer will visit on Friday, ⟦hopefully⟧.",
            "Hi Sam, the engineer will visit on Friday ⟦hopefully⟧.",
            "Hi Sam, the engineer will ⟦hopefully⟧ visit on Friday.",
            "Hi Sam, ⟦hopefully⟧, we will have it fixed by Friday.",
            "Hi Sam, ⟦I hope⟧ the engineer can visit on Friday.",
            "Hi Sam, it will be fixed by Monday ⟦I hope⟧.",
            "The refund should arrive by Friday, ⟦fingers crossed⟧.",
            "⟦With any luck⟧ the parts arrive on Monday.",
            "Hi Dan, ⟦I hope⟧ it arrives by Wednesday.",
        ] {
            assert_flags(Cue::VagueCommitment, draft);
            assert_clean(Cue::Commitment, &draft.replace(['⟦', '⟧'], ""));
        }
        for draft in [
            "Hi Sam, I hope you're well. The engineer will visit ⟦on Friday⟧.",
            "Hi Sam, I hope you're well, the engineer will visit ⟦on Friday⟧.",
            "Hi Sam, I hope this helps and the engineer will visit ⟦on Friday⟧.",
            "The engineer will visit ⟦on Friday⟧. Hopefully that sorts it.",
        ] {
            assert_flags(Cue::Commitment, draft);
            assert_clean(Cue::VagueCommitment, &draft.replace(['⟦', '⟧'], ""));
        }
    }

    /// The eighth QA pass's wrong praise: a price, a silence so far and a
    /// policy's window are no times we commit to.
    #[test]
    fn a_price_a_silence_or_a_window_is_no_commitment() {
        assert_clean(Cue::Commitment, "Hi Daniel, 200 seats would be at $9 per seat per month.");
        // A pattern written with per-word alternatives for whole phrases
        // ("when|whenever possible|we can|...") never matched "when possible".
        assert_flags(Cue::VagueCommitment, "We'll get back to you ⟦when possible⟧.");
        // The eighth QA pass's misses, with twins.
        assert_flags(Cue::VagueCommitment, "Hi Zanele, someone will come out ⟦when they can⟧.");
        assert_clean(Cue::VagueCommitment, "Let us know when they can come in.");
        assert_clean(Cue::VagueCommitment, "Hi Sam, we always ship in recycled packaging when possible.");
        assert_clean(Cue::VagueCommitment, "Hi Sam, ask your colleagues to update the app when they can.");
        assert_clean(Cue::OverPromise, "Hi Sam, our servers had 100% uptime in May.");
        assert_flags(Cue::VagueCommitment, "The concerned department will revert back ⟦at the earliest⟧.");
        assert_clean(Cue::VagueCommitment, "Modern art lasted from 1860 at the earliest to 1970 at the latest.");
        assert_clean(Cue::VagueCommitment, "We can deliver by Monday at the earliest.");
        assert_flags(Cue::OverPromise, "Hi Liam, your internet will be ⟦100%⟧ stable from now on.");
        assert_clean(Cue::Commitment, "I've reserved one for you at £45, so she can stay with you.");
        assert_clean(Cue::Commitment, "Hi Sam, I'm sorry you haven't heard from us in six weeks.");
        assert_clean(Cue::Commitment, "Hi Sam, refunds are only given within 14 days.");
        assert_flags(Cue::Commitment, "Hi Sam, I'll call you ⟦at 9⟧ tomorrow.");
        assert_flags(Cue::Commitment, "Hi Sam, you'll hear from us ⟦in six weeks⟧.");
        assert_flags(Cue::Commitment, "Hi Sam, we'll refund it ⟦within 14 days⟧.");
        // The reviewer's cases: kept as commitments.
        assert_flags(Cue::Commitment, "Hi Sam, I'll call you ⟦at 9⟧ each morning until it's fixed.");
        assert_flags(Cue::Commitment, "Hi Sam, we haven't forgotten you and will call you ⟦in 2 hours⟧.");
        assert_flags(Cue::Commitment, "Hi Sam, I'll not only call you ⟦on Friday⟧, I'll also email you.");
        assert_flags(Cue::Commitment, "Hi Sam, I'll call you ⟦at 3 pm⟧; I hope that's a good time.");
        assert_flags(Cue::Commitment, "Hi Sam, the engineer will visit ⟦on Friday⟧, hopefully that sorts it for good.");
        // The twelfth QA pass: the hope, then a condition.
        assert_flags(
            Cue::VagueCommitment,
            "Hi Sam, the technician will fit it on Friday, ⟦hopefully⟧, if the delivery comes through in time.",
        );
        assert_clean(
            Cue::Commitment,
            "Hi Sam, the technician will fit it on Friday, hopefully, if the delivery comes through in time.",
        );
        // Over-promises with "ever" (the same pass).
        assert_flags(Cue::OverPromise, "Hi Sam, I can promise you this ⟦won't ever happen⟧ to your account again.");
    }
}
