//! `repeat-contact-unacknowledged`: the customer says they have written,
//! called or waited before, and the reply does not acknowledge it.
//!
//! Earlier contact shows in phrases ("second time I'm asking", "writing for
//! the second time", "still waiting", "no one has replied", "for two weeks
//! now", "following up") or as a verb of contact with a word that puts it
//! in the past ("I called twice", "emailed on Monday", "I've already sent
//! it"), or a form, claim or complaint sent or lodged with a time beside it
//! ("Any news on my complaint? I sent it two weeks ago"). The reply
//! acknowledges it when a sentence both thanks, apologises or notes ("sorry",
//! "thanks", "I can see") and speaks of the wait or the earlier contact
//! ("patience", "the wait", "again", "chase", "you called").

use crate::cue::Cue;
use crate::document::{flag, Document};
use crate::finding::{Finding, Relation};
use crate::lexicon::{p, Phrase};
use crate::rules::exchange::Exchange;
use crate::rules::T;
use crate::span::Span;

/// Earlier contact or waiting, in the customer's words.
pub(crate) const REPEAT: &[Phrase] = &[
    p("second|third|fourth|fifth|sixth|seventh|tenth|2nd|3rd|4th|5th|6th|umpteenth|nth|hundredth|millionth time i've|i|im|i'm|ive|that|we|asking|writing|emailing|calling|contacting|messaging|reaching|tweeting|chatting|raising|reporting|trying|requesting"),
    p("my|this|the second|third|fourth|fifth|sixth|seventh|tenth|2nd|3rd|4th|5th|6th|umpteenth|nth email|message|call|tweet|attempt|request|ticket|complaint|chat|dm|letter"),
    // "e-mail" is two words to the scan ("e", a tight hyphen, "mail"),
    // so it is written as two.
    p("my|this|the second|third|fourth|fifth|sixth|seventh|tenth|2nd|3rd|4th|5th|6th|umpteenth|nth e mail"),
    p("hi|hello|hey again"),
    // The count after the verb: "I'm writing for the second time", "called
    // you for the third time".
    p("writing|asking|calling|emailing|messaging|contacting|chasing|tweeting|ringing|phoning|chatting|raising|reporting|requesting|complaining|called|emailed|messaged|contacted|chased|tweeted|rang|phoned|wrote|asked|reported|complained to|in? you|u|us? for a|the second|third|fourth|fifth|sixth|seventh|tenth|2nd|3rd|4th|5th|6th|umpteenth|nth|hundredth|millionth time"),
    p("e mailing|mailed to|in? you|u|us? for a|the second|third|fourth|fifth|sixth|seventh|tenth|2nd|3rd|4th|5th|6th|umpteenth|nth|hundredth|millionth time"),
    p("second|third|fourth|fifth|sixth|seventh|tenth|2nd|3rd|4th|5th|6th|umpteenth|nth email|message|call|tweet|attempt|chat|dm|letter"),
    p("second|third|fourth|fifth|sixth|seventh|tenth|2nd|3rd|4th|5th|6th|umpteenth|nth e mail"),
    p("been trying to get through|reach|contact|call|speak"),
    p("your colleague|agent|rep|advisor|adviser|team|engineer said|told|promised|assured"),
    p("still waiting"),
    p("still haven't|havent|hasn't|hasnt|didn't|didnt|never heard"),
    p("still have|has|did not heard"),
    p("still haven't|havent|hasn't|hasnt|didn't|didnt|never received|got|gotten|had a|any reply|response|answer|callback|update|word"),
    p("still have|has|did not received|got|gotten|had a|any reply|response|answer|callback|update|word"),
    p("still no|not reply|response|answer|word|update|news|refund|callback|call|email|help|resolution|fix|sign|resolved|fixed|sorted|refunded|answered|processed|heard"),
    p("still hasn't|hasnt|isn't|isnt|wasn't been? resolved|fixed|sorted|refunded|answered|processed"),
    p("no one has|have? ever? replied|responded|answered|called|got|gotten|emailed|contacted|helped|bothered|returned|gets"),
    p("nobody|noone has|have? ever? replied|responded|answered|called|got|gotten|emailed|contacted|helped|bothered|returned|gets"),
    // The silence going on: "Nobody is answering my emails", "why is no
    // one replying?" (not "nobody was answering the door": see `repeat`).
    p("nobody|noone is|was|are|were|seems|ever answering|replying|responding|answers|replies|responds"),
    p("no one is|was|are|were|seems|ever answering|replying|responding|answers|replies|responds"),
    p("is|why nobody|noone answering|replying|responding"),
    p("is|why no one answering|replying|responding"),
    p("haven't|havent|hadn't|hadnt|never heard back|anything"),
    p("had not heard back|anything"),
    p("sent|submitted|filed|made|opened|raised|logged another one|claim|ticket|request|complaint|email|message"),
    // "I opened ticket #558201 nine days ago": with or without an article.
    // (Not "I filed a claim after the storm": a claim lodged is the matter
    // itself, earlier contact only when put in the past, "filed a claim
    // two weeks ago"; the tenth QA pass.)
    p("logged|filed|raised|opened a|an|the|my? ticket|case|complaint|call|request"),
    p("have|has|had heard nothing back|from|since|yet"),
    p("heard nothing back|since|yet"),
    p("have not heard back|anything"),
    p("didn't|didnt|never get|got|receive|received a|any? reply|response|answer|callback"),
    p("did not get|receive a|any? reply|response|answer|callback"),
    p("no reply|response|answer|word|callback yet|since"),
    p("no reply|response|answer|word|callback so far"),
    p("been waiting"),
    p("been sending|emailing|calling|messaging|writing|contacting|chasing|tweeting|ringing"),
    p("waited for more|over|nearly|almost|about than? # days|weeks|months|hours"),
    p("waiting since"),
    p("waited # days|weeks|hours|months"),
    p("waited two|three|four|five|six|several|a|over days|weeks|week|month|months|hours|long|ages|forever"),
    p("for # days|weeks|months|hours now"),
    p("for two|three|four|five|six|seven|eight|nine|ten|several|many days|weeks|months|hours now"),
    p("for a week|month|fortnight now"),
    p("for a few|couple days|weeks|months now"),
    p("for a couple of days|weeks|months now"),
    p("following up"),
    p("just checking in|back|up"),
    p("chasing|chased"),
    p("as i said|mentioned|explained|stated before|earlier|previously|already"),
    p("as i told you|u before|earlier|previously|already"),
    p("i|i've|ive already told|sent|gave|provided|explained|called|emailed|contacted|asked|messaged|reported|submitted"),
    // Contacts counted: "I've sent three emails about my blocked card and
    // got no reply" (the eighth QA pass).
    // (Not calls or messages, which may be the service used: "I've made
    // several calls today and my balance dropped".)
    p("i|i've|ive sent|written|logged|raised|submitted two|three|four|five|six|several|multiple|numerous|countless|many emails|complaints|tickets"),
    p("i|i've|ive sent|written|logged|raised|submitted two|three|four|five|six|several|multiple|numerous|countless|many e mails"),
    p("i have sent|written|logged|raised|submitted two|three|four|five|six|several|multiple|numerous|countless|many emails|complaints|tickets"),
    p("i have sent|written|logged|raised|submitted two|three|four|five|six|several|multiple|numerous|countless|many e mails"),
    p("i have already told|sent|gave|given|provided|explained|called|emailed|contacted|asked|messaged|reported|submitted"),
    p("how many times do|must|have|should i"),
    p("keep|keeps|kept getting|being passed|told|transferred|ignored|bounced|cut"),
    p("every|each time i call|contact|ask|write|email|chat"),
    p("been|being|feel|keep being? ignored"),
    p("you're|youre ignoring"),
    p("you are|keep ignoring"),
    p("previous|earlier ticket|case|email|message|chat|call|complaint|reply|agent|request|letter"),
    p("original ticket|case|complaint|request|claim"),
    p("my last ticket|case|email|message|chat|call|complaint|request"),
    p("once again writing|asking|contacting|emailing|reaching"),
    p("writing|asking|contacting|emailing|messaging|tweeting|calling|reaching out? again"),
    p("spoke|spoken|talked|chatted to|with someone|you|support"),
    p("spoke|spoken|talked|chatted to|with an|a|your|one|another agent|rep|representative|colleague|colleagues|team|advisor|person"),
];

/// Acknowledgements of earlier contact or waiting in the reply.
pub(crate) const REPEAT_ACK: &[Phrase] = &[
    p("sorry|apologies for the wait|delay|delays|silence|hold|queue"),
    p("sorry|apologies for the long wait|delay|hold|queue"),
    // "I'm so sorry you were left on hold for two hours" (the ninth QA pass).
    p("sorry|apologies you were|got left|kept on hold"),
    p("sorry|apologies you were|got left|kept waiting|hanging"),
    p("sorry|apologies you've|youve been left|kept on hold"),
    p("sorry|apologies you've|youve been left|kept waiting|hanging"),
    p("sorry|apologies you've|youve had to"),
    p("sorry|apologies you have had to"),
    p("sorry|apologies nobody"),
    p("sorry|apologies no one"),
    p("sorry|apologies it's|its taken"),
    p("sorry|apologies it|this has taken"),
    p("sorry|apologies you haven't|havent"),
    p("i|we can? see you've|youve|you'd"),
    p("i|we can? see that you've|youve|you"),
    p("i|we can? see you have|had|called|emailed|wrote|contacted|reached|messaged|spoke|been"),
    // "I can see you raised complaint CMP-6621 on 4 February" (the tenth
    // QA pass).
    // (Not "made": "I can see you made a payment on the 3rd" acknowledges
    // no contact, the session's review found.)
    // (Nor "opened": "I can see you opened your account in 2019".)
    p("i|we can? see you raised|logged|submitted|filed|lodged|rang|phoned|tweeted|emailed|called|contacted|messaged"),
    p("sorry|apologies you've|youve|you'd had no reply|response|answer|update|word|callback"),
    p("sorry|apologies you have|had had? no reply|response|answer|update|word|callback"),
    p("i|we can? see your previous|earlier|last|original"),
    p("i've|we've found|pulled|reviewed|read|checked your previous|earlier|last|original"),
    p("you shouldn't|shouldnt have had to"),
    p("you should not have had to"),
    p("sorry|apologies you had to"),
    p("sorry|apologies that you've|youve|you'd had to"),
    p("sorry|apologies that you had to"),
    // Owning the silence: "sorry we didn't get back to you sooner", "sorry
    // about the missed call".
    p("sorry|apologies we|i didn't|didnt|haven't|havent|hadn't get|got|come|reply|respond|answer|call|write"),
    p("sorry|apologies we|i did|have|had not get|got|come|reply|respond|answer|call|write"),
    p("sorry|apologies for not getting|coming|replying|responding|answering|calling|writing"),
    p("sorry|apologies about|for the|your missed call|calls"),
    p("sorry|apologies we|i missed your call|calls|message|messages|email|emails"),
    p("sorry|apologies for the|our slow|late|delayed reply|response"),
    // Seeing the earlier contact itself: "I can see your email from Monday".
    p("i|we can? see your email|emails|call|calls|message|messages|ticket|chat|dm|dms|request|complaint|note|voicemail"),
    p("i|we can? see your e mail"),
    p("welcome back"),
    p("you've|youve had to call|chase|write|contact|wait|email|ring|follow|ask|explain"),
    p("you have had to call|chase|write|contact|wait|email|ring|follow|ask|explain"),
    // Owning the missed reply (the thirteenth QA pass): "you should have
    // had a call back".
    p("you should have had|got|received a|an call|callback|reply|response|answer|update"),
    p("you should've|shouldve had|got|received a|an call|callback|reply|response|answer|update"),
    p("someone|somebody|we|i should have|should've rung|called|phoned|emailed|contacted|replied|written"),
];

/// Verbs of contact in the past.
const CONTACTED: &[&str] = &[
    "called",
    "emailed",
    "e-mailed",
    "messaged",
    "contacted",
    "wrote",
    "written",
    "tweeted",
    "chatted",
    "phoned",
    "rang",
    "dmed",
    "dm'd",
    "spoke",
    "spoken",
    "complained",
    "reported",
    "asked",
    "requested",
];

/// Verbs of sending or lodging something with us: "I sent my claim form",
/// "we lodged a complaint", "I made a request".
const LODGED: &[&str] =
    &["sent", "submitted", "lodged", "filed", "raised", "logged", "made", "posted", "emailed", "e-mailed", "mailed"];

/// What a customer sends or lodges with us: having sent one some time ago
/// is earlier contact ("I sent the form two weeks ago"), unlike sending
/// goods ("I sent the parcel back last week").
const CONTACT_ITEMS: &[&str] = &[
    "complaint",
    "complaints",
    "claim",
    "claims",
    "form",
    "forms",
    "email",
    "emails",
    "e-mail",
    "e-mails",
    "letter",
    "letters",
    "application",
    "request",
    "requests",
    "query",
    "queries",
    "enquiry",
    "enquiries",
    "inquiry",
    "message",
    "messages",
    "ticket",
    "appeal",
    "dispute",
    "paperwork",
    "documents",
];

/// Words between a verb of sending and what is sent: "sent in my", "sent
/// you an", "made another".
const BEFORE_ITEM: &[&str] =
    &["a", "an", "the", "my", "our", "this", "that", "another", "in", "off", "over", "you", "u", "us", "your", "one"];

/// Whether the verb at token `k` of sentence `r` sends or lodges one of
/// [`CONTACT_ITEMS`]: named within a few words after it ("sent in my claim
/// form", "lodged a formal complaint"), or as "it" or "them" after it when
/// one was named in the few words before ("Any news on my complaint? I sent
/// it two weeks ago"). Sent back, it is goods returned.
fn lodges_item(msg: &Document, r: &std::ops::Range<usize>, k: usize) -> bool {
    if !crate::words::among(LODGED, msg.fold(k)) {
        return false;
    }
    let mut j = k + 1;
    while j < r.end && j <= k + 3 && crate::words::among(BEFORE_ITEM, msg.fold(j)) {
        j += 1;
    }
    let back = |i: usize| i < r.end && msg.fold(i) == "back";
    // The item, or one word that qualifies it: "my warranty claim".
    if let Some(i) = (j..(j + 2).min(r.end)).find(|&i| crate::words::among(CONTACT_ITEMS, msg.fold(i))) {
        return !back(i + 1);
    }
    if j >= r.end || !matches!(msg.fold(j), "it" | "them") || back(j + 1) {
        return false;
    }
    // What "it" stands for: an item among the ten words before the verb,
    // in its sentence or the one before.
    let sentence = msg.tokens[k].sentence;
    (k.saturating_sub(10)..k)
        .any(|i| msg.tokens[i].sentence + 1 >= sentence && crate::words::among(CONTACT_ITEMS, msg.fold(i)))
}

/// Words that put an act of contact in the past or say it was repeated.
const BEFORE: &[&str] = &[
    "times",
    "twice",
    "already",
    "before",
    "previously",
    "again",
    "earlier",
    "ago",
    "yesterday",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "multiple",
    "several",
    "numerous",
    "countless",
    "repeatedly",
    "weeks",
    "days",
    "months",
    "since",
    "january",
    "february",
    "march",
    "april",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Words of an acknowledgement.
const NOTE: &[&str] = &[
    "sorry",
    "apologies",
    "apologise",
    "apologize",
    "apologised",
    "apologized",
    "thanks",
    "thank",
    "appreciate",
    "realise",
    "realize",
    "noticed",
    "noted",
];

/// Verbs that acknowledge only with "I" or "we" before them ("I can see",
/// "we know"): "let us know the serial number" acknowledges nothing.
const NOTE_FIRST_PERSON: &[&str] = &["understand", "see", "know", "hear", "notice"];

/// Words about the wait or the earlier contact.
const WAIT: &[&str] = &[
    "patience",
    "wait",
    "waiting",
    "waited",
    "delay",
    "delays",
    "delayed",
    "chase",
    "chasing",
    "chased",
    "again",
    "previous",
    "previously",
    "earlier",
    "before",
    "already",
    "follow",
    "following",
    "long",
    "longer",
    "repeat",
    "repeated",
    "repeatedly",
    "multiple",
    "several",
    "runaround",
    "persistence",
    "called",
    "emailed",
    "contacted",
    "wrote",
    "written",
    "messaged",
    "reached",
    "slow",
    "silence",
    "calls",
    "emails",
    "messages",
    "letters",
    "chats",
    "tweets",
    "attempts",
    "times",
    "spoke",
    "spoken",
    "talked",
    "chatted",
];

/// Verbs of giving us something: "I sent you my address last week".
const GIVEN_TO_US: &[&str] = &["sent gave told forwarded provided showed submitted"];

// Which of the verb lists a folded word is in, by one lookup: most of the
// message's words are in none, and are passed over on that alone.
crate::hash::word_lists! {
    fn verb_lists;
    CONTACT = CONTACTED;
    LODGE = LODGED;
    TO_US = GIVEN_TO_US;
}

/// The keys of the verb lists' words: a word without its bit is in none,
/// and is passed over before it is read.
const VERB_KEYS: crate::hash::KeyBloom = crate::hash::KeyBloom::of(&[CONTACTED, LODGED, GIVEN_TO_US]);

/// The keys of [`NOTE`] and [`NOTE_FIRST_PERSON`]: a sentence of the reply
/// with no word of theirs notes nothing, and is not read further.
const NOTE_KEYS: crate::hash::KeyBloom = crate::hash::KeyBloom::of(&[NOTE, NOTE_FIRST_PERSON]);

/// Where the customer says they were in touch or waited before.
/// (`sentences`: the message's.)
fn repeat(msg: &Document, sentences: &[std::ops::Range<usize>]) -> Option<Span> {
    // ("Nobody was answering the door" is a visit missed, not our silence.)
    let door = |h: &crate::lexicon::Hit| {
        let after = |i: usize| msg.tokens.get(h.last as usize + i).map_or("", |_| msg.fold(h.last as usize + i));
        after(1) == "door" || (after(1) == "the" && after(2) == "door")
    };
    let phrase =
        msg.hits(T::Repeat).iter().find(|h| !msg.tokens[h.first as usize].is(flag::QUOTED) && !door(h)).map(|h| h.span);
    // The earliest of the phrase, the verb and the time waited is taken
    // (the phrase on a tie), and each of the others lies in one sentence:
    // a sentence that starts at the phrase or after it gives nothing
    // earlier, and is not read.
    let limit = phrase.map_or(usize::MAX, |p| p.start());
    let before = sentences.iter().take_while(|r| msg.tokens[r.start].span.start() < limit);
    let mut verb = None;
    for r in before.clone().cloned() {
        // A verb of contact, or of giving us something: "I sent you my
        // address last week" (not "I sent the parcel back").
        // ("I submitted my details to you last week and heard nothing",
        // the session's review.)
        let to_us = |k: usize| {
            matches!(msg.fold(k), "sent" | "gave" | "told" | "forwarded" | "provided" | "showed" | "submitted")
                && k + 1 < r.end
                && (matches!(msg.fold(k + 1), "you" | "u" | "us")
                    || (k + 2..(k + 6).min(r.end))
                        .any(|j| msg.fold(j - 1) == "to" && matches!(msg.fold(j), "you" | "u" | "us")))
        };
        let contacted = |k: usize| crate::words::among(CONTACTED, msg.fold(k));
        // Whatever was lodged, lodged more than once: "I've submitted the
        // GDPR deletion request form twice".
        let again = |k: usize| {
            crate::words::among(LODGED, msg.fold(k))
                // (Not "logged back on and it did it again".)
                && !(k + 1 < r.end && matches!(msg.fold(k + 1), "back" | "in" | "on" | "out" | "into" | "off" | "onto"))
                && (k + 1..(k + 9).min(r.end)).any(|j| matches!(msg.fold(j), "twice" | "again" | "repeatedly"))
                // Something lodged, or a message: not "I made the payment
                // twice", "I raised my prices again" (the session's review).
                && (matches!(msg.fold(k), "emailed" | "e-mailed" | "mailed")
                    || (k + 1..(k + 6).min(r.end)).any(|j| crate::words::among(CONTACT_ITEMS, msg.fold(j))))
        };
        // (Each test needs its word in its verb list: one lookup passes
        // over the words in none.)
        let Some(k) = r.clone().find(|&k| {
            if !msg.tokens[k].is_agent() || !VERB_KEYS.may_hold(msg.tokens[k].key) {
                return false;
            }
            let lists = verb_lists(msg.fold(k), msg.tokens[k].key);
            lists != 0
                && ((lists & CONTACT != 0 && contacted(k))
                    || (lists & TO_US != 0 && to_us(k))
                    || (lists & LODGE != 0 && (lodges_item(msg, &r, k) || again(k))))
        }) else {
            continue;
        };
        // The customer's own contact: "I called", "we've emailed", or a
        // verb that opens the sentence ("Called twice, no answer").
        let first_person = (k.saturating_sub(3).max(r.start)..k)
            .any(|j| matches!(msg.fold(j), "i" | "i've" | "ive" | "we" | "we've" | "weve" | "i'd" | "id"));
        let opens = r.clone().find(|&j| msg.tokens[j].is_agent()) == Some(k);
        if !(first_person || opens) {
            continue;
        }
        let past = |j: usize| {
            let w = msg.fold(j);
            crate::words::among(BEFORE, w)
                || (w == "last" && j + 1 < r.end && {
                    let next = msg.fold(j + 1);
                    crate::words::among(crate::words::WEEKDAYS, next)
                        || matches!(next, "week" | "month" | "night" | "time" | "year" | "weekend")
                })
        };
        // Giving us something is earlier contact only when it is put in
        // the past right after it ("sent you my address last week"; not
        // "we gave you the list" beside "several group shots").
        // So is sending a form or a complaint: put in the past within a few
        // words of it ("I sent it two weeks ago", "two weeks ago I lodged
        // a complaint"), by a time, not by a "since" that gives a reason
        // ("made a ticket since the line is busy").
        let lodged = !to_us(k) && !contacted(k) && !again(k);
        let near = if to_us(k) {
            k..(k + 7).min(r.end)
        } else if lodged {
            k.saturating_sub(4).max(r.start)..(k + 8).min(r.end)
        } else {
            r.clone()
        };
        // Lodged and "still" not answered: "I submitted a request on 2 May
        // and still haven't received it" (the eleventh QA pass).
        // (Not "I've just submitted the form, still haven't had the
        // confirmation", nor "still not sure what happens next": the
        // session's review.)
        // (The sentence is read for "just" only at such a "still".)
        let just = || r.clone().any(|j| matches!(msg.fold(j), "just" | "now" | "today" | "minutes"));
        let still = |j: usize| {
            lodged
                && msg.fold(j) == "still"
                && j + 1 < r.end
                && matches!(
                    msg.fold(j + 1),
                    "haven't" | "havent" | "hasn't" | "hasnt" | "no" | "nothing" | "waiting" | "awaiting"
                )
                && !just()
        };
        let near = if lodged { near.start..(near.end + 6).min(r.end) } else { near };
        if let Some(m) = near.clone().find(|&j| (past(j) || still(j)) && !(lodged && msg.fold(j) == "since")) {
            // "two weeks ago" whole.
            let m = if m > k && m + 1 < r.end && msg.fold(m + 1) == "ago" { m + 1 } else { m };
            verb = Some(msg.tokens[k.min(m)].span.cover(msg.tokens[k.max(m)].span));
            break;
        }
    }
    // The time waited, said on its own: "It's been 3 weeks!", "It has been
    // ten days now." (not "It's been 3 weeks since I bought it and ...").
    let waited = before.cloned().find_map(|r| {
        // (Its first eight words, read only if the first is "it".)
        let mut words = [0usize; 8];
        let mut len = 0;
        for k in r.filter(|&k| msg.tokens[k].is_agent()) {
            if len == 0 && !matches!(msg.fold(k), "it's" | "its" | "it") {
                return None;
            }
            words[len] = k;
            len += 1;
            if len == words.len() {
                break;
            }
        }
        let own = &words[..len];
        let w = |i: usize| own.get(i).map_or("", |&k| msg.fold(k));
        let at = match (w(0), w(1)) {
            ("it's" | "its", "been") => 2,
            ("it", "has") if w(2) == "been" => 3,
            _ => return None,
        };
        let amount = own.get(at).is_some_and(|&k| msg.tokens[k].is(flag::NUMBER))
            || matches!(
                w(at),
                "two" | "three" | "four" | "five" | "six" | "several" | "a" | "over" | "nearly" | "almost"
            );
        let unit =
            (at + 1..at + 3).find(|&i| matches!(w(i), "days" | "weeks" | "months" | "week" | "month" | "fortnight"));
        let ends = unit.is_some_and(|u| {
            let rest = own.len() - u - 1;
            rest == 0 || (rest == 1 && matches!(w(u + 1), "now" | "already"))
        });
        let unit = unit.filter(|_| amount && ends)?;
        Some(msg.tokens[own[0]].span.cover(msg.tokens[own[unit]].span))
    });
    let verb = match (verb, waited) {
        (Some(a), Some(b)) => Some(if a.start() <= b.start() { a } else { b }),
        (a, b) => a.or(b),
    };
    match (phrase, verb) {
        (Some(a), Some(b)) => Some(if a.start() <= b.start() { a } else { b }),
        (a, b) => a.or(b),
    }
}

/// The words [`acknowledged`] looks for once a sentence notes something:
/// those of [`WAIT`], the units of a wait named ("for two weeks"), and
/// "touch" ("getting back in touch").
const ACK_KEYS: crate::hash::KeyBloom =
    crate::hash::KeyBloom::of(&[WAIT, &["days weeks months hours week month fortnight touch"]]);

/// Whether the reply acknowledges the earlier contact or the wait.
/// (`sentences`: the reply's.)
fn acknowledged(reply: &Document, sentences: &[std::ops::Range<usize>]) -> bool {
    if !reply.hits(T::RepeatAck).is_empty() {
        return true;
    }
    sentences.iter().any(|r| {
        let agent = |k: &usize| reply.tokens[*k].is_agent();
        let noted = r.clone().filter(|k| agent(k) && NOTE_KEYS.may_hold(reply.tokens[*k].key)).any(|k| {
            let w = reply.fold(k);
            crate::words::among(NOTE, w)
                || (crate::words::among(NOTE_FIRST_PERSON, w)
                    && (k.saturating_sub(2)..k).any(|j| matches!(reply.fold(j), "i" | "we" | "i've" | "we've")))
        });
        // The wait itself named: "I'm sorry the showers have been cold for
        // two weeks".
        // (How long it has lasted: after "been" or "without", ending its
        // clause; not "allow for 5 working days for the refund", "your
        // refund for 3 months".)
        // (Its units, and "touch" below, are among `ACK_KEYS`.)
        let waited_for = |k: usize| {
            matches!(reply.fold(k), "days" | "weeks" | "months" | "hours" | "week" | "month" | "fortnight")
                && (k.saturating_sub(3).max(r.start)..k).any(|j| reply.fold(j) == "for")
                && (k.saturating_sub(10).max(r.start)..k)
                    .any(|j| matches!(reply.fold(j), "been" | "without" | "had" | "waiting"))
                && (k + 1 >= r.end
                    || reply.tokens[k].gap_has(crate::document::gap::CLAUSE)
                    || reply.fold(k + 1) == "now")
        };
        // "Thanks for getting back in touch", "... in touch again"; not the
        // stock "Thanks for getting in touch", said to every first message
        // (the twelfth QA pass).
        let back_in_touch = |k: usize| {
            reply.fold(k) == "touch"
                && ((k >= 2 && reply.fold(k - 2) == "back") || (k + 1 < r.end && reply.fold(k + 1) == "again"))
        };
        // (Each test needs its word among `ACK_KEYS`: a word whose key is
        // not passes unread.)
        noted
            && r.clone()
                .filter(|k| agent(k) && ACK_KEYS.may_hold(reply.tokens[*k].key))
                .any(|k| crate::words::among(WAIT, reply.fold(k)) || waited_for(k) || back_in_touch(k))
    })
}

pub(crate) fn check(ex: &Exchange, _findings: &[Finding], relation: &mut Relation, out: &mut Vec<Finding>) {
    let Some(span) = repeat(ex.message, &ex.facts.sentences) else { return };
    relation.repeat_contact = true;
    relation.repeat_acknowledged = acknowledged(ex.reply, ex.sentences);
    if relation.repeat_acknowledged {
        return;
    }
    out.push(Finding::new(Cue::RepeatContactUnacknowledged, None).with_context(span));
}

#[cfg(test)]
mod tests {
    use super::{verb_lists, WORD_LISTS};
    use crate::hash::word_key;
    use crate::rules::testing::*;
    use crate::Cue;

    /// The verb lists' bits name their lists: a word passed over by the
    /// lookup is in none of them.
    #[test]
    fn the_verb_lists_looked_up_once_are_the_lists() {
        for &(bit, list) in WORD_LISTS {
            for w in list.iter().flat_map(|l| l.split_whitespace()) {
                assert_ne!(verb_lists(w, word_key(w.as_bytes())) & bit, 0, "{w}");
            }
        }
        assert_eq!(verb_lists("parcel", word_key(b"parcel")), 0);
    }

    #[test]
    fn flags_earlier_contact_left_unmentioned() {
        assert_context(
            Cue::RepeatContactUnacknowledged,
            "This is the ⟦third time I'm⟧ asking about my refund.",
            "Hi Sam, refunds take 5 to 7 working days.",
        );
        assert_context(
            Cue::RepeatContactUnacknowledged,
            "I ⟦called twice⟧ last week about the outage.",
            "Hello, the outage in your area is fixed.",
        );
        assert_context(
            Cue::RepeatContactUnacknowledged,
            "My order is ⟦still waiting⟧ at the depot, for two weeks now.",
            "Hi! The depot will deliver it tomorrow.",
        );
    }

    #[test]
    fn earlier_e_mails_with_a_hyphen_are_earlier_contact() {
        // "e-mail" is "e" and "mail" to the scan: written with the hyphen,
        // these phrases never matched (session 47).
        assert_context(
            Cue::RepeatContactUnacknowledged,
            "This is ⟦my third e-mail⟧ about the refund.",
            "Hi Sam, your refund was issued today.",
        );
        assert_context(
            Cue::RepeatContactUnacknowledged,
            "⟦I have sent three e-mails⟧ about this.",
            "Hi Sam, your refund was issued today.",
        );
        assert_context(
            Cue::RepeatContactUnacknowledged,
            "I'm ⟦e-mailing you for the second time⟧ about my refund.",
            "Hi Sam, your refund was issued today.",
        );
    }

    #[test]
    fn naming_how_long_it_has_lasted_acknowledges_it() {
        // Found by the seventh QA pass.
        let cues = cues_against(
            "The showers have been cold for 2 weeks now.",
            "Hi Sam, I'm sorry the showers have been cold for two weeks. Hot water will be back by 2 pm tomorrow.",
        );
        assert!(!cues.iter().any(|(c, _)| *c == Cue::RepeatContactUnacknowledged), "{cues:?}");
        for reply in [
            "Hi Sam, hot water will be back by 2 pm tomorrow, and I'm sorry for two of the visits.",
            "Hi Sam, I'm sorry, please allow for 5 working days for the refund to reach your account.",
            "Hi Sam, sorry for any inconvenience, your refund for 3 months has been issued.",
        ] {
            assert_context(Cue::RepeatContactUnacknowledged, "The showers have been cold ⟦for 2 weeks now⟧.", reply);
        }
    }

    #[test]
    fn a_ticket_opened_before_or_silence_since_is_earlier_contact() {
        assert_context(
            Cue::RepeatContactUnacknowledged,
            "I ⟦raised case⟧ 88120 a week ago about the broken hinge.",
            "Hi Sam, a new hinge is on its way today.",
        );
        assert_context(
            Cue::RepeatContactUnacknowledged,
            "The fan has rattled since Monday and I ⟦have heard nothing from⟧ your team.",
            "Hi Sam, an engineer will look at the fan tomorrow.",
        );
    }

    /// The thirteenth QA pass: owning the call back that never came.
    #[test]
    fn owning_the_missed_call_back_acknowledges_it() {
        let msg = "I've been without hot water for 3 days and nobody has called me back.";
        assert_no_context(
            Cue::RepeatContactUnacknowledged,
            msg,
            "Hi Karen, you should have had a call back. An engineer will be with you today between 2 and 6 pm.",
        );
        assert_context(
            Cue::RepeatContactUnacknowledged,
            "I've been without hot water for 3 days and ⟦nobody has called⟧ me back.",
            "Hi Karen, an engineer will be with you today between 2 and 6 pm.",
        );
    }

    #[test]
    fn an_acknowledgement_of_the_wait_or_contact_is_enough() {
        let msg = "Second time I'm asking: where is my refund?";
        assert_no_context(
            Cue::RepeatContactUnacknowledged,
            msg,
            "Thanks for your patience, Sam. The refund went out today.",
        );
        assert_no_context(
            Cue::RepeatContactUnacknowledged,
            msg,
            "Sorry you've had to chase this. The refund went out today.",
        );
        assert_no_context(
            Cue::RepeatContactUnacknowledged,
            msg,
            "I can see you wrote on Monday. The refund went out today.",
        );
        for reply in [
            "I'm sorry you had to contact us twice about this. The refund went out today.",
            "I can see your email from Monday. The refund went out today.",
            "I'm sorry we didn't get back to you sooner. The refund went out today.",
            "Sorry about the missed call yesterday. The refund went out today.",
        ] {
            assert_no_context(Cue::RepeatContactUnacknowledged, msg, reply);
        }
        // The ninth QA pass: the wait on hold named.
        let msg = "I've been on hold for 2 HOURS and nobody answered. I just need to cancel my gym membership.";
        for reply in [
            "Hi there, I'm so sorry you were left on hold for two hours. I've cancelled your membership today.",
            "Hi there, sorry for the long hold earlier. I've cancelled your membership today.",
            "Hi there, I'm sorry you've been kept waiting. I've cancelled your membership today.",
        ] {
            assert_no_context(Cue::RepeatContactUnacknowledged, msg, reply);
        }
        assert_context(
            Cue::RepeatContactUnacknowledged,
            "I've been on hold for 2 HOURS and ⟦nobody answered⟧. I just need to cancel my gym membership.",
            "Hi there, I've cancelled your membership today.",
        );
        // A hold we put on now acknowledges nothing (the reviewer's cases).
        assert_context(
            Cue::RepeatContactUnacknowledged,
            "I've been on hold for 2 HOURS and ⟦nobody answered⟧. I just need to cancel my gym membership.",
            "Hi there, I'm sorry, but your order will be on hold for 3 days.",
        );
    }

    #[test]
    fn signing_in_or_buying_again_is_not_contact_on_real_messages() {
        let reply = "Please create a support ticket so we may assist you.";
        assert_no_context(
            Cue::RepeatContactUnacknowledged,
            "it lagged out so I logged back on and it did it again",
            reply,
        );
        assert_no_context(
            Cue::RepeatContactUnacknowledged,
            "why verify when I logged in no problem last night?",
            reply,
        );
        assert_no_context(Cue::RepeatContactUnacknowledged, "my pc just broke and i had to buy another one", reply);
        assert_no_context(
            Cue::RepeatContactUnacknowledged,
            "I bought a shark card 4 days ago and still haven't received the bonus",
            reply,
        );
        assert_context(
            Cue::RepeatContactUnacknowledged,
            "I ⟦submitted a ticket a month ago⟧ and never got a response.",
            reply,
        );
    }

    #[test]
    fn asking_to_be_told_is_not_an_acknowledgement() {
        assert_context(
            Cue::RepeatContactUnacknowledged,
            "hello??? ⟦4th message⟧ today. my tracking hasn't moved since Monday",
            "Please let us know the tracking number and confirm it is still with you.",
        );
        assert_no_context(
            Cue::RepeatContactUnacknowledged,
            "Hi again, I messaged yesterday about my box.",
            "Thanks for getting back in touch; the box went out today.",
        );
        // The stock thanks for a first message acknowledges nothing (the
        // twelfth QA pass).
        assert_context(
            Cue::RepeatContactUnacknowledged,
            "This is the ⟦second time I'm⟧ asking: when is the engineer coming?",
            "Hi Amir, thanks for getting in touch. Your engineer visit is booked for Thursday 12 June.",
        );
        assert_no_context(
            Cue::RepeatContactUnacknowledged,
            "This is the second time I'm asking: when is the engineer coming?",
            "Hi Amir, thanks for getting in touch again. Your engineer visit is booked for Thursday 12 June.",
        );
    }

    #[test]
    fn a_first_contact_is_not_a_repeat() {
        assert_no_context(
            Cue::RepeatContactUnacknowledged,
            "Where is my refund? I returned the shoes on Monday.",
            "Hi, it went out today.",
        );
        assert_no_context(
            Cue::RepeatContactUnacknowledged,
            "The app crashed again after the update.",
            "Hi, please update to 4.2.",
        );
    }

    #[test]
    fn a_claim_or_application_lodged_is_the_matter_not_a_repeat() {
        // The tenth QA pass: lodging the matter is no earlier contact about
        // it; put some time in the past, it is.
        let reply = "Hi Tom, please email the quote to claims@example.com and your adjuster will review it within 2 working days.";
        for msg in [
            "Hello, I filed a claim (CLM-20931) after the storm damaged our fence. Do you need the quote?",
            "I submitted my passport renewal application on 3 April. Has it been processed?",
            "I submitted my meter reading on 3 April. Why is the bill estimated?",
        ] {
            assert_no_context(Cue::RepeatContactUnacknowledged, msg, reply);
        }
        assert_context(
            Cue::RepeatContactUnacknowledged,
            "I ⟦filed a claim two weeks ago⟧ and nothing has happened.",
            reply,
        );
        assert_context(Cue::RepeatContactUnacknowledged, "I ⟦submitted a ticket a month ago⟧.", reply);
        assert_context(
            Cue::RepeatContactUnacknowledged,
            "I've ⟦submitted the GDPR deletion request form twice⟧ and had nothing back.",
            reply,
        );
        // The session's review: doing something twice is no contact;
        // details submitted to us in the past are.
        for msg in ["I made the payment twice by mistake, can I get one back?", "I raised my prices again this year."] {
            assert_no_context(Cue::RepeatContactUnacknowledged, msg, reply);
        }
        assert_context(
            Cue::RepeatContactUnacknowledged,
            "I ⟦submitted my details to you last⟧ week and heard nothing.",
            reply,
        );
        assert_context(
            Cue::RepeatContactUnacknowledged,
            "I ⟦submitted a request for my account statement on 2 May and still⟧ haven't received it.",
            reply,
        );
        for msg in [
            "I've just submitted the claim form and I'm still not sure what happens next?",
            "I just submitted the form, still haven't received the confirmation email.",
        ] {
            assert_no_context(Cue::RepeatContactUnacknowledged, msg, reply);
        }
    }

    #[test]
    fn seeing_the_complaint_raised_or_owning_the_silence_acknowledges_it() {
        let msg = "I raised a complaint a month ago (ref CMP-6621) and haven't had any response.";
        for reply in [
            "Dear Claire, I can see you raised complaint CMP-6621 on 4 February. Mark will call you by Thursday.",
            "Dear Claire, I'm sorry you've had no reply to your complaint. Mark will call you by Thursday.",
        ] {
            assert_no_context(Cue::RepeatContactUnacknowledged, msg, reply);
        }
        // A payment or an account seen is no contact seen (the session's
        // review).
        assert_context(
            Cue::RepeatContactUnacknowledged,
            "This is ⟦my fourth message⟧ about this and nobody has replied.",
            "Hi Sam, I can see you opened your account in 2019. I've reset the app for you.",
        );
        assert_context(
            Cue::RepeatContactUnacknowledged,
            "I've ⟦emailed three times⟧ about my refund.",
            "Dear Claire, I can see you made a payment on the 3rd. The refund goes out today.",
        );
    }

    #[test]
    fn silence_something_sent_before_and_the_time_waited_are_earlier_contact() {
        // Found by QA.
        let reply = "Hi Priya, we'll send the cheque again tomorrow.";
        assert_context(Cue::RepeatContactUnacknowledged, "This is ridiculous. ⟦Nobody is answering⟧ my emails.", reply);
        assert_context(Cue::RepeatContactUnacknowledged, "I ⟦sent you my address last⟧ week. Still no cheque.", reply);
        assert_context(Cue::RepeatContactUnacknowledged, "When will my refund arrive? ⟦It's been 3 weeks⟧!", reply);
        // A door unanswered, a list given, or time since a purchase is no
        // earlier contact.
        for msg in [
            "The courier says nobody was answering the door, but I was in.",
            "Several group shots are missing even though we gave you the list.",
            "It's been 3 weeks since I bought it and the strap already broke.",
            "I sent the parcel back last week.",
        ] {
            assert_no_context(Cue::RepeatContactUnacknowledged, msg, reply);
        }
    }

    #[test]
    fn a_form_or_complaint_sent_some_time_ago_is_earlier_contact() {
        // Found by QA: "it" is the complaint named just before.
        let reply = "Hi Grace, a team leader will reply to your complaint by Friday.";
        assert_context(Cue::RepeatContactUnacknowledged, "Any news on my complaint? I ⟦sent it two weeks ago⟧.", reply);
        assert_context(
            Cue::RepeatContactUnacknowledged,
            "I ⟦sent in my warranty claim on Monday⟧ and nothing has happened.",
            reply,
        );
        assert_context(
            Cue::RepeatContactUnacknowledged,
            "Two ⟦weeks ago we lodged⟧ a complaint about the noise.",
            reply,
        );
        // Goods sent, or sent back, are no contact; nor an item sent with
        // no time to put it before.
        for msg in [
            "Where is my parcel? I sent it two weeks ago.",
            "My complaint is about the kettle: I sent it back two weeks ago.",
            "I've sent the form, can you confirm you have it?",
            // "Since" giving a reason (found on a real message).
            "made a ticket since the Dutch line is busy, any thoughts on a repair?",
        ] {
            assert_no_context(Cue::RepeatContactUnacknowledged, msg, reply);
        }
    }

    #[test]
    fn writing_for_the_nth_time_is_earlier_contact() {
        // Found by QA: the count after the verb, not before it.
        let reply = "Dear Ms Dunn, your payment will be made on 3 June.";
        assert_context(
            Cue::RepeatContactUnacknowledged,
            "I'm ⟦writing for the second time⟧ about my late pension payment. When will it be paid?",
            reply,
        );
        assert_context(
            Cue::RepeatContactUnacknowledged,
            "I have now ⟦called you for the 3rd time⟧ and I'm still waiting for a callback.",
            reply,
        );
        assert_context(Cue::RepeatContactUnacknowledged, "⟦Asking for a third time⟧: when is my payment?", reply);
        // A first time, or a fault for the second time, is no earlier contact.
        for msg in [
            "I'm writing for the first time about my pension payment.",
            "The boiler broke down for the second time this winter.",
        ] {
            assert_no_context(Cue::RepeatContactUnacknowledged, msg, reply);
        }
    }
}
