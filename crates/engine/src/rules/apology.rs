//! `apology` and `apology-hollow`, plus `apology-excess`.
//!
//! A real apology is first person and owns or sympathises with the
//! customer's situation, with or without the word sorry. A hollow one is
//! conditional ("if you feel"), generic ("any inconvenience"), blame-shifting
//! ("you feel that way") or defensive ("sorry, but").

use crate::context::Context;
use crate::cue::Cue;
use crate::document::Document;
use crate::finding::Finding;
use crate::lexicon::{p, pn, Phrase};
use crate::rules::{distinct_hits, finding_for, T};

pub(crate) const OWN: &[Phrase] = &[
    p("sorry"),
    p("sry"),
    p("i'm|im|i|we're|we|very|so|really|truly|terribly|deeply|sincerely|incredibly|genuinely|extremely sorry"),
    p("i'm|im|we're|i|we so|very|really|truly|terribly|deeply|sincerely|incredibly|genuinely|extremely sorry"),
    p("i|we am|are so|very|really|truly|terribly|deeply|sincerely|genuinely? sorry"),
    p("i|we apologize|apologise|apologized|apologised"),
    p("i|we do|sincerely|truly|deeply|again|also|really? apologize|apologise"),
    p("apologies"),
    p("my|our apologies|apology"),
    p("please accept my|our sincere|sincerest|deepest|heartfelt? apologies|apology"),
    p("i|we regret"),
    p("i'd|we'd|i|we like|want|wanted to apologize|apologise"),
    p("i|we would like to apologize|apologise"),
    p("that's|thats|this|that on us|me"),
    p("that is|was on us|me"),
    p("this|that one is|was|'s on us|me"),
    p("this|that one's|ones on us|me"),
    p("i|we owe you an|a big|huge|sincere|real? apology"),
    p("this|that is|was on us|me"),
    p("my|our bad"),
    p("my|our mistake|error|fault|oversight"),
    p("that|this was our|my mistake|error|fault|oversight"),
    p("we|i messed|screwed up"),
    p("we|i dropped the ball"),
    p("we|i got this|that|it wrong"),
    p("we|i should have caught|spotted|noticed|done|checked|told|let|warned|informed|flagged|caught"),
    p("we|i should've caught|spotted|noticed|done|checked|told|let|warned|informed|flagged"),
    p("this|that|it should not have happened"),
    p("this|that|it shouldn't|shouldnt have happened"),
    p("i|we take full? responsibility"),
    p("forgive me|us"),
    p("pardon the|our delay|wait|confusion"),
    p("i|we feel terrible|awful|bad"),
    p("that's|this|that|it's not|isn't|wasn't the experience we want|wanted|expect"),
    p("we|i let you down"),
    p("we|i fell short"),
    p("we|i made a|an mistake|error"),
];

pub(crate) const HOLLOW: &[Phrase] = &[
    // Conditional.
    pn("sorry|apologize|apologise|apologies|apologizing|apologising if", "An apology with an if questions whether anything went wrong. Own what happened instead.", &[]),
    pn("sorry|apologize|apologise|apologies|apologizing|apologising if you|we|i|this|that|it|any feel|feels|felt|think|thought|believe|were|are|have|had|found|got|experienced|caused|was|has|seemed|seems|upset|offended|made|came", "An apology with an if questions whether anything went wrong. Own what happened instead.", &[]),
    // Generic.
    pn("sorry|apologize|apologise|apologies|apology for any|whatever inconvenience|inconveniences|confusion|trouble|frustration|issues|problems|difficulty|difficulties|disappointment|distress|upset|hassle", "A generic apology for anything at all sounds like a form letter. Name the actual problem.", &[]),
    pn("sorry|apologize|apologise|apologies|apology for the|this inconvenience|inconveniences this|that|it|you? may|might|has|have? have? caused|created|experienced", "A generic apology for anything at all sounds like a form letter. Name the actual problem.", &[]),
    pn("regret any|the inconvenience|confusion|trouble|frustration", "A generic apology for anything at all sounds like a form letter. Name the actual problem.", &[]),
    pn("inconvenience this|that|it may|might|has|have? have? caused", "A generic apology for anything at all sounds like a form letter. Name the actual problem.", &[]),
    // Blame-shifting.
    pn("sorry|apologize|apologise|apologies that? you feel|felt|think|thought that? way|like|this|that", "This apologises for the customer's feelings, not for what happened, which shifts the blame onto them.", &[]),
    pn("sorry|apologize|apologise|apologies to hear|learn|see|read that? you feel|felt|think|thought that? way|like|this|that", "This apologises for the customer's feelings, not for what happened, which shifts the blame onto them.", &[]),
    pn("sorry|apologize|apologise|apologies that? you feel|felt|think|thought|believe|find|found|consider", "This apologises for the customer's feelings, not for what happened, which shifts the blame onto them.", &[]),
    pn("sorry|apologize|apologise|apologies that? you're|youre|your upset|offended|disappointed|unhappy|frustrated|confused|angry", "This apologises for the customer's feelings, not for what happened, which shifts the blame onto them.", &[]),
    pn("sorry|apologize|apologise|apologies for that|your disappointment|dissatisfaction", "This apologises for the customer's feelings, not for what happened, which shifts the blame onto them.", &[]),
    pn("sorry|apologize|apologise for your confusion|misunderstanding", "Calling it the customer's confusion puts the blame on them. Own the unclear part instead.", &[]),
    pn("sorry|apologize|apologise|apologies that? you misunderstood|misread|missed|failed", "This apology blames the customer. Own the part you can fix instead.", &[]),
    pn("sorry|apologize|apologise|apologies that? you didn't|didnt read|follow|check", "This apology blames the customer. Own the part you can fix instead.", &[]),
    pn("sorry|apologize|apologise|apologies that? you did not read|follow|check", "This apology blames the customer. Own the part you can fix instead.", &[]),
    pn("sorry|apologize|apologise|apologies that? you didn't|didnt enjoy|like|appreciate|agree|find|feel", "This apologises for the customer's reaction, not for what happened. Own the specific problem instead.", &[]),
    pn("sorry|apologize|apologise|apologies that? you did not enjoy|like|appreciate|agree|find|feel", "This apologises for the customer's reaction, not for what happened. Own the specific problem instead.", &[]),
    pn("sorry|apologize|apologise|apologies to hear|learn|see|read that? you didn't|didnt enjoy|like|appreciate|agree", "This apologises for the customer's reaction, not for what happened. Own the specific problem instead.", &[]),
    pn("sorry|apologize|apologise|regret|apologies that? you're|youre unhappy|dissatisfied|displeased|unsatisfied|disappointed|upset", DEFENSIVE, &[]),
    pn("sorry|apologize|apologise|regret|apologies to hear|learn|see|read that? you're|youre unhappy|dissatisfied|displeased|unsatisfied|disappointed|upset", DEFENSIVE, &[]),
    // Defensive: regretting the customer's reaction or choice, not the problem.
    pn("sorry|apologize|apologise|regret|apologies that? you were|are|have|'ve|seem been? unhappy|dissatisfied|displeased|unsatisfied", DEFENSIVE, &[]),
    pn("sorry|apologize|apologise|regret|apologies to hear|learn|see|read that? you were|are|have|'ve|seem been? unhappy|dissatisfied|displeased|unsatisfied", DEFENSIVE, &[]),
    pn("sorry|apologize|apologise|regret|apologies that? you were|are|have|'ve been? not happy|satisfied|pleased", DEFENSIVE, &[]),
    pn("sorry|apologize|apologise|regret|apologies to hear|learn|see|read that? you were|are|have|'ve been? not happy|satisfied|pleased", DEFENSIVE, &[]),
    pn("sorry|apologize|apologise|regret|apologies that? you were|are|have|'ve been? disappointed with|by", DEFENSIVE, &[]),
    pn("sorry|apologize|apologise|regret|apologies to hear|learn|see|read that? you were|are|have|'ve been? disappointed with|by", DEFENSIVE, &[]),
    pn("sorry|apologize|apologise|regret|apologies that? you've|youve chosen|decided|opted", DEFENSIVE, &[]),
    pn("sorry|apologize|apologise|regret|apologies to hear|learn|see|read that? you've|youve chosen|decided|opted", DEFENSIVE, &[]),
    pn("sorry|apologize|apologise|regret|apologies that? you have chosen|decided|opted", DEFENSIVE, &[]),
    pn("sorry|apologize|apologise|regret|apologies to hear|learn|see|read that? you have chosen|decided|opted", DEFENSIVE, &[]),
    pn("sorry|apologize|apologise|regret|apologies that? you chose|decided|opted to|not", DEFENSIVE, &[]),
    pn("sorry|apologize|apologise|regret|apologies to hear|learn|see|read that? you chose|decided|opted to|not", DEFENSIVE, &[]),
    pn("sorry|apologize|apologise|regret|apologies that? you've|youve been unhappy|dissatisfied|displeased|unsatisfied", DEFENSIVE, &[]),
    pn("sorry|apologize|apologise|regret|apologies to hear|learn|see|read that? you've|youve been unhappy|dissatisfied|displeased|unsatisfied", DEFENSIVE, &[]),
    pn("i|we regret that? you found|feel|felt|were|are|think|thought|believe|have|chose|decided", DEFENSIVE, &[]),
    pn("sorry|apologize|apologise|apologies|apology for any|the misunderstanding|misunderstandings|miscommunication", DEFENSIVE, &[]),
    pn("sorry|apologize|apologise|apologies|apology if there was|has been any|a misunderstanding|confusion", DEFENSIVE, &[]),
    pn("mistakes|errors were made", "Passive voice hides who made the mistake. Own it in the first person.", &["we made a mistake"]),
    pn("mistakes|errors have been made", "Passive voice hides who made the mistake. Own it in the first person.", &["we made a mistake"]),
    pn("regret|sorry|apologize|apologise that mistakes|errors were made", "Passive voice hides who made the mistake. Own it in the first person.", &[]),
    pn("regret|sorry|apologize|apologise that mistakes|errors have been made", "Passive voice hides who made the mistake. Own it in the first person.", &[]),
    // Impersonal: nobody apologises.
    pn("it is regrettable", "An impersonal regret apologises for nobody. Own it in the first person.", &["I'm sorry"]),
    pn("it's|its regrettable", "An impersonal regret apologises for nobody. Own it in the first person.", &["I'm sorry"]),
    // The customer's own slip, apologised for: blame.
    pn("sorry|apologize|apologise|apologies that? you entered|typed|chose|selected|picked|used|gave|put|provided|input|sent|ordered|booked the|an|a? wrong|incorrect", "This apology blames the customer. Explain the fix instead.", &[]),
    pn("sorry|apologize|apologise|apologies that? you were|are|got|seem|seemed confused|mistaken", "Calling it the customer's confusion puts the blame on them. Own the unclear part instead.", &[]),
    // Defensive.
    pn("sorry|apologize|apologise|apologies but|however|although|though", "An apology followed by but takes itself back. Apologise, then explain separately.", &[]),
    pn("sorry|apologize|apologise|apologies for the|any inconvenience|delay|trouble but|however", "An apology followed by but takes itself back. Apologise, then explain separately.", &[]),
    pn("we regret to inform you", "This stock phrase distances you from the customer. Say it plainly and kindly.", &[]),
];

/// Uses of sorry and apology that are not the agent apologising.
pub(crate) const NOT_APOLOGY: &[Phrase] = &[
    p("no need to|for apologize|apologise|apologies|apology|sorry"),
    p("no need to be sorry"),
    p("don't|dont be sorry"),
    p("no apology|apologies necessary|needed|required"),
    p("you don't|dont need|have to apologize|apologise"),
    p("not really|exactly|entirely|strictly|actually? my|our fault|mistake|problem"),
    p("isn't|isnt|wasn't|wasnt really|exactly|entirely|strictly|actually? my|our fault|mistake"),
    p("feel sorry for"),
    p("sorry state"),
    p("you'll be sorry"),
    p("sorry to bother|trouble|disturb|interrupt|pester"),
    // A farewell, not an apology: "We're sorry to see you go!"
    p("sorry to see you go|leave"),
    p("sorry for|about the|this? bother|interruption"),
    p("apology letter"),
    p("you|they|he|she apologized|apologised"),
    p("accept your apology|apologies"),
    p("we|i regret to inform"),
    p("i|we regret nothing"),
];

const DEFENSIVE: &str = "This regrets the customer's reaction or choice, not what happened, so it sounds defensive. Own the specific problem, or explain it, instead.";

pub(crate) fn check(doc: &Document, _ctx: &Context, out: &mut Vec<Finding>) {
    // A mock apology ("Sorry, I must have missed the part where ...") is
    // sarcasm, found before this rule runs: it is not an apology at all.
    let mocking = crate::rules::sarcasm::sarcastic_sentences(doc, out);
    let mock = |hit: &crate::lexicon::Hit| mocking.binary_search(&doc.tokens[hit.first as usize].sentence).is_ok();
    // A hollow apology is hollow beside a dig ("Sorry, but as I already
    // explained") and inside one ("Sorry if the giant red SOLD OUT banner
    // wasn't clear enough"): its form does not own the problem either way.
    let hollow: Vec<_> = distinct_hits(doc, T::ApologyHollow)
        .iter()
        .copied()
        .filter(|h| !sides_with_customer(doc, h.last as usize))
        // "Sorry you were disappointed, by the way ...": "disappointed
        // with|by" read across a clause's end is not the phrase (the
        // reviewer's case).
        .filter(|h| {
            !(matches!(doc.fold(h.last as usize), "with" | "by")
                && (h.first as usize..h.last as usize).any(|k| doc.tokens[k].gap_has(crate::document::gap::CLAUSE)))
        })
        .collect();
    let mut count = 0;
    let mut excess_span = None;
    let mut note = |span| {
        count += 1;
        if count == 3 {
            excess_span = Some(span);
        }
    };
    // "I'm sorry you were confused by our new layout; that's on us": owning
    // it in the same sentence redeems a hollow form (an owning phrase, not
    // a "sorry" or "apologies" that may be the hollow one's own).
    // What the customer is said to feel owns nothing: "I'm sorry if you
    // feel we let you down", "... if it feels like we let you down" (the
    // fourteenth QA pass and its review). `first`: an owning hit's first
    // token.
    let feelings_said: Vec<usize> = hollow
        .iter()
        .map(|x| x.last as usize)
        .filter(|&last| {
            matches!(doc.fold(last), "feel" | "felt" | "think" | "thought" | "believe" | "feels" | "seems" | "seemed")
        })
        .collect();
    let said_to_feel = |first: usize| {
        feelings_said
            .iter()
            .any(|&last| first == last + 1 || (first == last + 2 && matches!(doc.fold(last + 1), "that" | "like")))
    };
    let owning: Vec<u32> = if hollow.is_empty() {
        Vec::new()
    } else {
        distinct_hits(doc, T::ApologyOwn)
            .iter()
            .filter(|h| {
                let words = doc.text[h.span].to_ascii_lowercase();
                !["sorr", "apolog", "regret"].iter().any(|w| words.contains(w))
            })
            .filter(|h| !said_to_feel(h.first as usize))
            .map(|h| doc.tokens[h.first as usize].sentence)
            .collect()
    };
    let hollow: Vec<_> = if owning.is_empty() {
        hollow
    } else {
        hollow.into_iter().filter(|h| !owning.contains(&doc.tokens[h.first as usize].sentence)).collect()
    };
    let mut found = Vec::new();
    for hit in &hollow {
        note(hit.span);
        found.push(finding_for(doc, Cue::ApologyHollow, T::ApologyHollow, hit));
    }
    for &hit in distinct_hits(doc, T::ApologyOwn).iter() {
        // Distinct hits are disjoint and in order: one binary search, not a scan.
        let h = hollow.partition_point(|h| h.span.end() <= hit.span.start());
        if hollow.get(h).is_some_and(|h| h.span.overlaps(hit.span))
            || doc.any_hit_overlaps(T::NotApology, hit.span)
            || mock(&hit)
            || said_to_feel(hit.first as usize)
        {
            continue;
        }
        // "Sorry?" alone asks the customer to repeat themselves.
        let t = &doc.tokens[hit.last as usize];
        if hit.first == hit.last && t.gap_has(crate::document::gap::QUESTION) {
            continue;
        }
        // "I'm sorry you had to wait, but we are very busy": the excuse
        // after "but" takes the apology back ("..., but your refund is on
        // its way" does not, nor "..., but we'll fix it today").
        if let Some(but) = takes_it_back(doc, hit.last as usize) {
            note(hit.span);
            found.push(
                Finding::new(Cue::ApologyHollow, Some(hit.span.cover(doc.tokens[but].span))).with_message(TAKEN_BACK),
            );
            continue;
        }
        // "Sorry, the system does that sometimes, nothing I can do about
        // it": disowning the problem in the same breath.
        if let Some(disowned) = disowned_after(doc, hit.last as usize) {
            note(hit.span);
            found.push(Finding::new(Cue::ApologyHollow, Some(hit.span)).with_message(format!(
                "An apology that goes on to say \"{}\" takes itself back. Say what you can do instead.",
                &doc.text[disowned]
            )));
            continue;
        }
        // "That's not our department. Sorry.": a bare apology after
        // disowning the problem owns nothing either.
        if let Some(disowned) = disowned_before(doc, hit.first as usize, hit.last as usize) {
            note(hit.span);
            found.push(Finding::new(Cue::ApologyHollow, Some(hit.span)).with_message(format!(
                "An apology after \"{}\" doesn't take the problem on. Say what you can do instead.",
                &doc.text[disowned]
            )));
            continue;
        }
        note(hit.span);
        found.push(finding_for(doc, Cue::Apology, T::ApologyOwn, &hit));
    }
    out.extend(found);
    if let Some(span) = excess_span {
        out.push(Finding::new(Cue::ApologyExcess, Some(span)));
    }
}

const TAKEN_BACK: &str = "An apology followed by but takes itself back. Apologise, then explain separately.";

/// How many words on from an apology its taking back is looked for.
const WINDOW: usize = 30;

/// Words of a deflection that disown the problem (not a hand-off: "you'll
/// need to contact your bank").
const DISOWNING: &[&str] =
    &["nothing", "hands", "control", "department", "job", "rules", "policy", "responsible", "liable", "accountable"];

/// A deflection that disowns the problem later in the apology's sentence,
/// with nothing we do after it ("beyond our control, but I've asked the
/// courier to hurry" keeps the apology).
fn disowned_after(doc: &Document, last: usize) -> Option<crate::span::Span> {
    let sentence = doc.tokens[last].sentence;
    let hits = doc.hits(T::Deflection);
    let from = hits.partition_point(|h| (h.first as usize) <= last);
    // Within a clause's reach: a long run of apologies reads in linear time.
    let reach = last + WINDOW;
    let h = hits[from..]
        .iter()
        .take_while(|h| (h.first as usize) < reach && doc.tokens[h.first as usize].sentence == sentence)
        .find(|h| (h.first as usize..=h.last as usize).any(|k| crate::words::among(DISOWNING, doc.fold(k))))?;
    // What we do may follow in the next sentence ("... beyond our control.
    // I've rebooked you on the 9am flight").
    let n = doc.tokens.len();
    let after =
        (h.last as usize + 1..n.min(h.last as usize + WINDOW)).take_while(|&k| doc.tokens[k].sentence <= sentence + 1);
    let remedy = after.into_iter().any(|k| REMEDY.contains(&doc.fold(k)));
    (!remedy).then_some(h.span)
}

/// A deflection that disowns the problem in the sentence before a bare
/// apology (tokens `first..=last` with at most an intensifier beside them:
/// "That's not our department. Sorry.", "Nothing I can do. So sorry."),
/// with nothing we do after the apology.
fn disowned_before(doc: &Document, first: usize, last: usize) -> Option<crate::span::Span> {
    let sentence = doc.tokens[first].sentence;
    let n = doc.tokens.len();
    let filler = |k: usize| matches!(doc.fold(k), "so" | "very" | "really" | "truly" | "again" | "i'm" | "we're");
    // (Bare: a few words at most, read within reach.)
    let mut start = first;
    while start > 0 && first - start < 4 && doc.tokens[start - 1].sentence == sentence && filler(start - 1) {
        start -= 1;
    }
    let bare_before = start == 0 || doc.tokens[start - 1].sentence != sentence;
    let mut end = last + 1;
    while end < n && end - last < 4 && doc.tokens[end].sentence == sentence && filler(end) {
        end += 1;
    }
    let bare_after = end == n || doc.tokens[end].sentence != sentence;
    if sentence == 0 || !bare_before || !bare_after {
        return None;
    }
    let hits = doc.hits(T::Deflection);
    let to = hits.partition_point(|h| (h.first as usize) < start);
    let before = sentence - 1;
    let h = hits[..to].iter().rev().take_while(|h| doc.tokens[h.first as usize].sentence >= before).find(|h| {
        let k = h.first as usize;
        doc.tokens[k].sentence == before
            && (k..=h.last as usize).any(|j| crate::words::among(DISOWNING, doc.fold(j)))
            // Denied, it disowns nothing: "the delay wasn't beyond our
            // control", "I won't pretend this was beyond our control".
            && !(k.saturating_sub(6)..k).any(|j| {
                doc.tokens[j].sentence == before
                    && matches!(doc.fold(j), "wasn't" | "wasnt" | "isn't" | "isnt" | "not" | "won't" | "never" | "pretend")
            })
    })?;
    // The sentence owns it after all: "..., but we still let you down",
    // "..., it was our mistake", "... we should have told you sooner".
    let owned = (h.last as usize + 1..start)
        .any(|k| matches!(doc.fold(k), "but" | "however" | "still" | "should" | "mistake" | "fault" | "our" | "we"));
    if owned {
        return None;
    }
    let remedy = (end..n.min(end + WINDOW))
        .take_while(|&k| doc.tokens[k].sentence <= sentence + 1)
        .any(|k| REMEDY.contains(&doc.fold(k)));
    (!remedy).then_some(h.span)
}

/// Whether the "but" or "however" at token `but` (ending an apology) sides
/// with the customer against what happened: "I'm sorry, but that's really
/// not acceptable from our driver", "Sorry, but this should never have
/// happened". The apology stands; a "but" aimed at the customer ("Sorry, but
/// you're not right") does not.
fn sides_with_customer(doc: &Document, but: usize) -> bool {
    if !matches!(doc.fold(but), "but" | "however") {
        return false;
    }
    let sentence = doc.tokens[but].sentence;
    let n = doc.tokens.len();
    let end = (but + 16).min(n);
    let word = |k: usize| (k < end && doc.tokens[k].sentence == sentence).then(|| doc.fold(k));
    if !word(but + 1).is_some_and(|w| matches!(w, "that's" | "that" | "this" | "it's" | "it")) {
        return false;
    }
    // Nothing in it aimed at the customer: "that's not acceptable
    // behaviour from you", "it's not right to expect a refund".
    if (but + 1..end).any(|k| matches!(word(k), Some("you" | "your" | "you're" | "expect" | "blame" | "asking"))) {
        return false;
    }
    // What happened should not have: said outright, or judged and then
    // owned ("... from our driver and I've reported it").
    let never = (but + 2..end).any(|k| {
        matches!(word(k), Some("should" | "shouldn't" | "shouldnt"))
            && matches!(word(k + 1), Some("never" | "have"))
            && (word(k + 2) == Some("happened") || word(k + 3) == Some("happened"))
    });
    let judged = (but + 2..end).any(|k| match word(k) {
        Some("unacceptable") => true,
        Some("not") => {
            matches!(word(k + 1), Some("acceptable" | "okay" | "ok"))
                || (word(k + 1) == Some("good") && word(k + 2) == Some("enough"))
        }
        _ => false,
    });
    let owned =
        (but + 2..end).any(|k| matches!(word(k), Some("our" | "we" | "we've" | "i've" | "i'll" | "we'll" | "us")));
    never || (judged && owned)
}

/// Words after "but" (or a disowning) that say what we do, or good news:
/// the apology stands.
const REMEDY: &[&str] = &[
    "i've",
    "we've",
    "i'll",
    "we'll",
    "good",
    "refund",
    "refunded",
    "replacement",
    "fixed",
    "sorted",
    "resolved",
    "now",
    "happy",
    "glad",
    "can",
    "will",
    "arrive",
    "arriving",
    "tomorrow",
    "today",
    "way",
    "credited",
    "restored",
    "asked",
];

/// What the words between an apology and its "but" say we said or wrote
/// ("my earlier email gave your date as the 12th, but it's actually the
/// 14th"): the "but" corrects our own words, it excuses nothing.
fn corrects_our_words(doc: &Document, from: usize, but: usize) -> bool {
    (from..but).any(|k| {
        let next = if k + 1 < but { doc.fold(k + 1) } else { "" };
        match doc.fold(k) {
            "my" | "our" => matches!(
                next,
                "earlier"
                    | "previous"
                    | "last"
                    | "email"
                    | "e-mail"
                    | "message"
                    | "letter"
                    | "reply"
                    | "note"
                    | "confirmation"
                    | "text"
                    | "invoice"
                    | "quote"
                    | "website"
                    | "site"
                    | "app"
            ),
            "i" | "we" => matches!(
                next,
                "said" | "told" | "wrote" | "gave" | "quoted" | "listed" | "sent" | "stated" | "mentioned" | "typed"
            ),
            _ => false,
        }
    })
}

/// "We're sorry you had problems with the import. However, these issues
/// only occur when files are not formatted to our guidelines": the next
/// sentence opens with "however" or "but" and puts it on a rule or on the
/// customer, with nothing we do. Returns that sentence's first word.
fn takes_it_back_after(doc: &Document, last: usize) -> Option<usize> {
    let n = doc.tokens.len();
    let sentence = doc.tokens[last].sentence;
    let first = (last + 1..n.min(last + WINDOW)).find(|&k| doc.tokens[k].sentence != sentence)?;
    if !matches!(doc.fold(first), "however" | "but") || !doc.tokens[first].is_agent() {
        return None;
    }
    let next = doc.tokens[first].sentence;
    let words: Vec<&str> = (first + 1..n.min(first + WINDOW))
        .take_while(|&k| doc.tokens[k].sentence == next)
        .map(|k| doc.fold(k))
        .collect();
    let has = |ws: &[&str]| words.iter().any(|w| ws.contains(w));
    // (Not good news: "However, you should receive it by Friday".)
    let rule = has(&["policy", "terms", "guidelines", "rules", "conditions"]);
    // The customer's part, said of them: "you did not", "your files are not".
    let on_customer = (0..words.len()).any(|i| {
        matches!(words[i], "you" | "your")
            && words[i + 1..(i + 4).min(words.len())]
                .iter()
                .any(|w| matches!(*w, "not" | "didn't" | "didnt" | "failed" | "must" | "forgot" | "weren't" | "aren't"))
    });
    ((rule || on_customer) && !has(REMEDY)).then_some(first)
}

/// The "but" that takes back the apology ending at token `last`: later in
/// its sentence (at most 15 words on), after a comma, and followed by an
/// excuse, a rule or the customer's part, not by what we do or good news.
fn takes_it_back(doc: &Document, last: usize) -> Option<usize> {
    let n = doc.tokens.len();
    let sentence = doc.tokens[last].sentence;
    // (By the tokens' keys before their words: a comparison with two
    // words, by their lengths first, goes either way with the word read.)
    // (One list for the filter and the words, so the two cannot drift.)
    const BUT_WORDS: &[&str] = &["but", "however"];
    const BUT: crate::hash::KeyMask = crate::hash::KeyMask::of_keys(&crate::hash::word_keys::<2>(&[BUT_WORDS]));
    let Some(but) = (last + 1..(last + 15).min(n)).take_while(|&j| doc.tokens[j].sentence == sentence).find(|&j| {
        BUT.may_hold(doc.tokens[j].key)
            && crate::words::among(BUT_WORDS, doc.fold(j))
            && doc.tokens[j - 1].gap_has(crate::document::gap::COMMA)
    }) else {
        return takes_it_back_after(doc, last);
    };
    if corrects_our_words(doc, last + 1, but) || sides_with_customer(doc, but) {
        return None;
    }
    let next = |d: usize| (but + d < n && doc.tokens[but + d].sentence == sentence).then(|| doc.fold(but + d));
    let excuse = matches!(
        next(1),
        Some(
            "we" | "we're"
                | "were"
                | "it"
                | "it's"
                | "its"
                | "that"
                | "that's"
                | "thats"
                | "this"
                | "there"
                | "there's"
                | "our"
                | "you"
                | "unfortunately"
                | "as"
                | "policy"
                | "the"
                | "these"
                | "those"
                | "i"
        )
    );
    // What we do, or good news, after "but" keeps the apology.
    let remedy = (1..12).filter_map(next).any(|w| REMEDY.contains(&w));
    (excuse && !remedy).then_some(but)
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;
    use crate::Cue;

    #[test]
    fn flags_owned_apologies_with_or_without_sorry() {
        assert_flags(Cue::Apology, "⟦I'm so sorry⟧ for the delay.");
        assert_flags(Cue::Apology, "⟦My apologies⟧, the parcel went to the wrong depot.");
        assert_flags(Cue::Apology, "You're right, ⟦that's on us⟧.");
        assert_flags(Cue::Apology, "⟦I regret⟧ that we missed your call.");
        assert_flags(Cue::Apology, "⟦WE APOLOGISE⟧ for the outage.");
        assert_flags(Cue::Apology, "⟦We’re really sorry⟧ – ⟦we dropped the ball⟧ here.");
    }

    #[test]
    fn flags_hollow_apologies_but_not_as_real_ones() {
        assert_flags(Cue::ApologyHollow, "I'm ⟦sorry if you feel⟧ that we ignored you.");
        // The fourteenth QA pass: what they are said to feel owns nothing.
        assert_flags(Cue::ApologyHollow, "I'm ⟦sorry if you feel⟧ we let you down.");
        // The review: nor praised for it, and "feel like", "it feels like".
        assert_clean(Cue::Apology, "I'm sorry if you feel we let you down. Your refund was processed today.");
        assert_flags(Cue::ApologyHollow, "I'm ⟦sorry if you feel⟧ like we let you down.");
        assert_flags(Cue::ApologyHollow, "We're ⟦sorry if it feels⟧ like we let you down.");
        assert_flags(Cue::Apology, "⟦We let you down⟧ on this order, and ⟦I'm sorry⟧.");
        // The fifteenth QA pass: a fault denied with an adverb owns nothing.
        assert_clean(Cue::Apology, "Amy, it's not really our fault. You can enable them in Settings.");
        assert_clean(Cue::Apology, "Amy, that isn't really our fault. You can enable them in Settings.");
        assert_flags(Cue::Apology, "Amy, this one is ⟦our fault⟧, and I've refunded it.");
        assert_clean(Cue::ApologyHollow, "I'm sorry you were confused by our new layout; that's on us.");
        assert_flags(Cue::ApologyHollow, "We ⟦apologize for any inconvenience⟧.");
        assert_flags(Cue::ApologyHollow, "I'm ⟦sorry you feel that way⟧.");
        assert_flags(Cue::ApologyHollow, "⟦Sorry, but⟧ that's policy.");
        assert_clean(Cue::Apology, "We apologize for any inconvenience.");
        assert_clean(Cue::Apology, "Sorry, but that's policy.");
        // A "but" that sides with the customer keeps the apology (QA pass 7).
        let driver = "Hi Sam, I'm sorry, but that's really not acceptable from our driver and I've reported it to the depot manager.";
        assert_clean(Cue::ApologyHollow, driver);
        assert_flags(Cue::Apology, "Hi Sam, ⟦I'm sorry⟧, but that's really not acceptable from our driver and I've reported it to the depot manager.");
        assert_clean(Cue::ApologyHollow, "Sorry, but this should never have happened.");
        for hollow in [
            "Hi Priya, I'm ⟦sorry, but⟧ that's not acceptable behaviour from you towards our driver.",
            "Hi Priya, ⟦sorry, but⟧ that's not right: the fee was in the terms you agreed to.",
            "Hi Priya, ⟦sorry, but⟧ it's not right to expect a refund after 90 days.",
            "Hi Priya, ⟦sorry, but⟧ it's not on sale any more.",
        ] {
            assert_flags(Cue::ApologyHollow, hollow);
        }
        assert_flags(Cue::ApologyHollow, "⟦Sorry, but⟧ you're not right about the fee.");
        assert_flags(Cue::ApologyHollow, "⟦Sorry, but⟧ that's not something we refund.");
    }

    #[test]
    fn a_specific_apology_for_what_it_caused_is_real() {
        assert_flags(Cue::Apology, "⟦I apologise⟧ for the trouble this has caused.");
        assert_flags(Cue::ApologyHollow, "We ⟦apologize for the inconvenience this may have caused⟧.");
    }

    #[test]
    fn allows_sorry_to_bother_and_customer_quotes() {
        assert_clean(Cue::Apology, "No need to apologize, it happens!");
        assert_clean(Cue::Apology, "> Sorry for the long email\nHi, here is the fix.");
        assert_clean(Cue::Apology, "You wrote: \"sorry I'm late with the payment\" and that's fine.");
    }

    #[test]
    fn obviously_we_should_have_caught_this_is_an_apology() {
        assert_flags(Cue::Apology, "Obviously ⟦we should have caught⟧ this, ⟦I'm sorry⟧.");
        assert_clean(Cue::Sarcasm, "Obviously we should have caught this, I'm sorry.");
    }

    #[test]
    fn counts_too_many_apologies() {
        assert_flags(Cue::ApologyExcess, "Sorry! I'm sorry again. ⟦So sorry⟧.");
        assert_clean(Cue::ApologyExcess, "Sorry for the wait. I'm sorry again.");
    }

    #[test]
    fn suggests_owning_the_problem() {
        assert_suggests(Cue::ApologyHollow, None, "Sadly ⟦mistakes were made⟧.", "we made a mistake");
    }

    #[test]
    fn defensive_apologies_are_hollow() {
        assert_flags(Cue::ApologyHollow, "I'm ⟦sorry that you were unhappy⟧ with the outcome.");
        assert_flags(Cue::ApologyHollow, "⟦We regret that you found⟧ the form confusing.");
        assert_flags(Cue::ApologyHollow, "We're ⟦sorry you've chosen⟧ to leave.");
        assert_flags(Cue::ApologyHollow, "⟦Apologies for any misunderstanding⟧.");
        assert_clean(Cue::Apology, "Apologies for any misunderstanding.");
        assert_flags(Cue::Apology, "⟦I'm sorry⟧ the engineer didn't turn up.");
        assert_clean(Cue::ApologyHollow, "I'm sorry you have to wait another day.");
    }

    #[test]
    fn regretting_a_reaction_heard_of_is_still_hollow() {
        // Found in the tuning corpus: "to hear", "that" and "apologies"
        // between the apology and the customer's reaction.
        assert_flags(Cue::ApologyHollow, "We're ⟦sorry to hear you didn't enjoy⟧ the excursion.");
        assert_flags(Cue::ApologyHollow, "⟦apologies that you felt⟧ rushed during your appointment.");
        assert_flags(Cue::ApologyHollow, "We ⟦apologise for that disappointment⟧.");
        assert_flags(Cue::ApologyHollow, "⟦Sorry to hear you've decided⟧ to leave us.");
        assert_flags(Cue::ApologyHollow, "We're ⟦sorry that you're unhappy⟧ with the decision.");
        assert_clean(Cue::Apology, "We're sorry to hear you didn't enjoy the excursion.");
        // What happened to the customer, heard of, is a real apology.
        assert_flags(Cue::Apology, "⟦I'm sorry⟧ to hear you were charged twice.");
        assert_clean(Cue::ApologyHollow, "I'm sorry to hear you missed your connection because of our delay.");
        assert_clean(Cue::ApologyHollow, "I'm sorry to hear you were charged twice.");
        // Found by review: what the customer found or felt, heard of, is no
        // reaction to regret; being unhappy with a decision is.
        for text in [
            "I'm sorry to hear you found a hair in your food. That's unacceptable.",
            "I'm sorry to hear you felt unwell after the meal.",
            "I'm sorry to hear you felt ignored by our staff.",
            "I'm sorry to hear you didn't feel safe on the late train.",
        ] {
            assert_clean(Cue::ApologyHollow, text);
        }
        assert_flags(Cue::ApologyHollow, "I'm ⟦sorry to hear you're unhappy⟧ with the decision.");
        assert_flags(Cue::ApologyHollow, "We're ⟦sorry to hear that you're disappointed⟧ with it.");
        // Not across a clause's end.
        assert_clean(Cue::ApologyHollow, "Sorry you were disappointed, by the way the refund is done.");
        // The ninth QA pass: disappointed with anything, not only a decision.
        assert_flags(Cue::ApologyHollow, "Dear Mr Evans, we're ⟦sorry you were disappointed with⟧ your stay.");
        assert_clean(Cue::Apology, "Dear Mr Evans, we're sorry you were disappointed with your stay.");
    }

    #[test]
    fn an_excuse_after_but_takes_the_apology_back() {
        // Found by the fifth QA pass.
        assert_flags(Cue::ApologyHollow, "⟦I'm sorry you had to wait, but⟧ we are very busy.");
        assert_clean(Cue::Apology, "I'm sorry you had to wait, but we are very busy.");
        assert_flags(Cue::ApologyHollow, "⟦Sorry for the delay, but⟧ the system wouldn't let me refund it.");
        // What we do, or good news, after "but" keeps the apology.
        assert_flags(Cue::Apology, "⟦I'm sorry⟧ it arrived late, but your refund is now on its way.");
        assert_flags(Cue::Apology, "⟦I'm sorry⟧ it broke, but we'll send a replacement today.");
        assert_clean(Cue::ApologyHollow, "I'm sorry it broke, but we'll send a replacement today.");
    }

    #[test]
    fn apologising_for_the_customers_slip_or_nobodys_is_hollow() {
        // Found in batch g's tuning half and the sixth QA pass.
        assert_flags(Cue::ApologyHollow, "Hi Bill, ⟦sorry you entered the wrong⟧ meter reading.");
        assert_flags(Cue::ApologyHollow, "Hi Priya, I'm ⟦sorry you chose the wrong⟧ plan.");
        assert_flags(Cue::ApologyHollow, "Hi Priya, I'm ⟦sorry you didn't read⟧ the terms.");
        assert_flags(Cue::ApologyHollow, "Hi Edwin, I'm ⟦sorry you were confused⟧ by your bill.");
        assert_flags(Cue::ApologyHollow, "We ⟦regret that errors were made⟧ in your readings.");
        assert_flags(Cue::ApologyHollow, "Ruth, ⟦it is regrettable⟧ that the letter went astray.");
        assert_flags(Cue::Apology, "Hi Bill, ⟦sorry⟧ we entered the wrong meter reading.");
        assert_flags(Cue::Apology, "Hi Edwin, ⟦I'm sorry⟧ the bill was so confusing.");
        assert_clean(Cue::Apology, "Hi Priya, we're sorry to see you go! Your account is now closed.");
    }

    #[test]
    fn disowning_the_problem_or_a_rule_after_however_takes_it_back() {
        assert_flags(Cue::ApologyHollow, "⟦Sorry⟧ Yusuf, the system does that, nothing I can do about it.");
        assert_flags(Cue::Apology, "⟦Sorry⟧, it's out of my hands now, but I've opened a claim with the courier.");
        assert_flags(
            Cue::ApologyHollow,
            "⟦We're sorry you had problems with the import. However⟧, these issues only occur when files are not formatted to our guidelines.",
        );
        assert_flags(Cue::Apology, "⟦I'm sorry⟧ for the delay. However, your refund was processed today.");
        assert_flags(
            Cue::Apology,
            "⟦I'm sorry⟧ your parcel is late, but it is with the courier and should arrive tomorrow.",
        );
        // "But" correcting our own words excuses nothing.
        assert_flags(
            Cue::Apology,
            "⟦Apologies⟧, my earlier email gave the date as Thursday 12th, but it's actually Tuesday.",
        );
        // A bare apology after disowning it, in the sentence before (the
        // seventh QA pass's "sorry" praised after a deflection).
        assert_flags(Cue::ApologyHollow, "That's not our department. ⟦Sorry⟧.");
        assert_flags(Cue::ApologyHollow, "Nothing I can do about it. ⟦So sorry⟧.");
        assert_clean(Cue::Apology, "That's not our department. Sorry.");
        // With what we do after it, or an apology with its own words, or
        // no disowning before it, the apology stands.
        assert_flags(Cue::Apology, "That is beyond our control. ⟦Sorry⟧. I've asked the courier to hurry.");
        assert_flags(Cue::Apology, "That's not our department. ⟦Sorry⟧ about that, I've passed it to the team.");
        assert_flags(Cue::Apology, "The courier lost it. ⟦Sorry⟧.");
        // Denied or owned in the sentence before (the reviewer's cases).
        assert_flags(Cue::Apology, "The delay wasn't beyond our control, it was ⟦our mistake⟧. ⟦I'm so sorry⟧.");
        assert_flags(Cue::Apology, "The delay was beyond our control, but we still let you down. ⟦Sorry⟧.");
    }

    #[test]
    fn owning_it_without_the_word_sorry() {
        assert_flags(Cue::Apology, "⟦That one's on me⟧, Helena – I booked the wrong week.");
        assert_flags(Cue::Apology, "Kia ora Rangi, ⟦I owe you an apology⟧. I promised a call back.");
        assert_flags(Cue::Apology, "⟦I owe you a big apology⟧: the engineer never came.");
    }

    #[test]
    fn what_the_review_found_taken_back_wrongly() {
        // What we do may follow in the next sentence.
        assert_flags(
            Cue::Apology,
            "⟦I'm so sorry⟧ your flight was cancelled by the storm, which was beyond our control. I've rebooked you.",
        );
        // Good news after "However", a cause explained: the apology stands.
        assert_flags(Cue::Apology, "⟦I'm sorry⟧ your order was delayed. However, you should receive it by Friday.");
        assert_flags(
            Cue::Apology,
            "⟦I'm sorry⟧ your card was declined. However, this only happens when the bank flags a payment.",
        );
        // Owning it in the same sentence redeems a hollow form.
        assert_clean(
            Cue::ApologyHollow,
            "I'm sorry you were confused by our new bill layout; that's on us, and I've asked the team to simplify it.",
        );
        assert_flags(Cue::ApologyHollow, "Ruth, ⟦it's regrettable⟧ that the letter went astray.");
    }
}
