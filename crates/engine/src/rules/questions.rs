//! `question-unanswered`: a question the customer asked that the reply does
//! not address.
//!
//! In the message, a question is a sentence that ends with a question mark
//! or holds an indirect question ("I'd like to know whether ...", "let me
//! know when ..."), split where a second question joins the first ("... and
//! when will it ship?"); rhetorical venting ("Are you kidding me?", "How
//! hard can it be?") and one- or two-word questions are left out.
//!
//! A question counts as addressed when the reply talks about what it asks
//! (a content word or a synonym in common, the words it shares with the rest
//! of the message aside), gives the kind of answer it calls for in a
//! sentence no other question claims (a time for "when", a reason for
//! "why", steps or a link for "how", a yes or no for a yes-no question),
//! hands the matter on ("DM us", "we're looking into it", a help link), or,
//! for a message of one question, asks for what is needed to answer it. A
//! request to send something is met by the thing sent, on its way, here or
//! attached, whatever it is called. A "when" question needs a time somewhere
//! in the reply (or word that it has already happened, or that there is no
//! time to tell yet): speaking of its topic, or of where it stands, is not
//! enough.
//! When in doubt, the question counts as addressed: a false "unanswered" is
//! worse than a missed one.

use std::cell::{Cell, OnceCell};
use std::ops::Range;

use crate::cue::Cue;
use crate::document::{flag, gap, Document};
use crate::finding::{Finding, Relation};
use crate::lexicon::{p, Phrase};
use crate::rules::exchange::{Exchange, Topic, Topics, View};
use crate::rules::T;
use crate::span::Span;

/// Indirect questions in the customer's message.
pub(crate) const INDIRECT: &[Phrase] = &[
    p("i'd|id also? like to know|ask|understand|check|confirm"),
    p("i would also? like to know|ask|understand|check|confirm"),
    p("i'd|id also? like to find out"),
    p("i would also? like to find out"),
    p("i also? want|wanna|need to know|ask|understand"),
    p("i also? want|wanted|need to find out"),
    p("i|we also? wanted to know|ask|check|confirm"),
    p("i was hoping to know|check|confirm"),
    p("i was hoping to find out"),
    p("i'd|id be grateful|glad if you could tell|let|confirm|explain|advise"),
    p("i would be grateful|glad if you could tell|let|confirm|explain|advise"),
    p("i'm|im|am|was wondering"),
    p("wondering if|whether|when|why|how|what|where|who|which"),
    p("let me|us know if|whether|when|why|how|what|where|who|which"),
    p("tell me if|whether|when|why|how|what|where|who|which"),
    p("explain why|how|what|when"),
    p("confirm if|whether|when"),
    p("advise if|whether|when|how|what|why"),
    p("any idea|ideas if|whether|when|why|how|what"),
    p("i need an answer|explanation"),
    p("i'd|id appreciate an answer|explanation|update"),
    p("i would appreciate an answer|explanation|update"),
];

/// Questions asked for effect, not for an answer.
pub(crate) const RHETORICAL: &[Phrase] = &[
    p("are you kidding|serious|joking"),
    p("are you for real"),
    p("are u kidding|serious|joking"),
    p("you kidding|joking me"),
    p("is this a joke"),
    p("is this for real"),
    p("how hard|difficult can|is it|this|that"),
    p("how is this|that|it even? acceptable|ok|okay|fair|legal|right|reasonable|allowed|possible"),
    p("how can this|that even? be acceptable|allowed|legal|right|ok|okay|possible"),
    p("how many times do|must|should|will|have i"),
    p("what's|whats wrong with you|your|this|these|people"),
    p("what is wrong with you|your|this|these|people"),
    p("who does that"),
    // "Who tests these things?!": blame, not a request for a name.
    p("who tests|designs|approves|checks|writes|makes|builds|plans these things"),
    p("who tests|designs|approves|checks|writes|makes|builds|plans this stuff|rubbish|nonsense"),
    p("what kind of service|company|business|support|customer"),
    // "Why is it so impossible to cancel an order?!": how hard it is, not a
    // question about why.
    p("why is it|this|that always|so hard|difficult|complicated|bad|impossible|confusing|awkward|painful|slow"),
    p("why is it|this|that always so"),
    p("why does it|this have to be so"),
    p("is anyone|anybody there|listening|home|awake|reading"),
    p("does anyone|anybody care|read|listen|work"),
    p("do you|u even care|read|listen|work"),
    p("what's|whats the point"),
    p("what is the point"),
    p("why me"),
    p("why bother"),
    p("why do i bother"),
    p("what the hell|heck|fuck|f|actual"),
    p("wtf"),
    p("are you guys|people serious|kidding"),
    p("am i the only one"),
    p("who thought this was|is a good idea"),
    p("how dare"),
    p("can you believe"),
    p("where's|wheres the customer service|support"),
    p("where is the customer service|support"),
    p("what happened to customer service|support"),
    // "Why do I have to keep chasing you?": a complaint about having to
    // contact them again (repeat-contact's to acknowledge), not a request
    // for a reason.
    p("why do|must|should i|we have|need to keep chasing|asking|calling|ringing|emailing|messaging|writing|contacting|reminding|begging|tweeting|pestering|nagging you|u|your|support|this|it"),
    p("why do|must|should i|we have|need to keep repeating|explaining myself|ourselves"),
    p("why do|must|should i|we always have|need to chase|ask|call|ring|email|message|write|contact|remind|beg|tweet|pester|nag you|u|your|support"),
    p("why do|must i|we keep having to chase|ask|call|ring|email|message|write|contact|remind|beg|tweet|pester|nag you|u|your|support"),
    p("why am i having to chase|ask|call|ring|email|message|write|contact|remind|beg|tweet|pester|nag you|u|your|support"),
    p("why are we having to chase|ask|call|ring|email|message|write|contact|remind|beg|tweet|pester|nag you|u|your|support"),
    // "Why is nobody answering?": a complaint about the silence
    // (repeat-contact's to acknowledge), not a request for a reason.
    p("why is|does|has nobody|noone answering|replying|responding|answered|replied|responded|answer|reply|respond|getting"),
    p("why is|does|has no one answering|replying|responding|answered|replied|responded|answer|reply|respond|getting"),
    // The tenth QA pass: asking why anyone would deal with them again, who
    // let it happen, whether it is what they pay for, whether anyone
    // there does the job at all.
    // (Not "Why would I ever need the extended warranty if ...?": it asks.)
    p("why would i|we ever shop|buy|use|trust|come|recommend|order|fly|book|stay|return|choose|deal|bank|go"),
    // (Only of dealing with us: "Why would anyone in Spain be logging in
    // to my account?" asks, the session's review found.)
    p("why would anyone|anybody ever|trust|want|choose|buy|pay|use|stay|bother|recommend|book|shop"),
    p("is this some kind|sort of joke"),
    // (Not "How do you even reset this router?": a vent judges.)
    p("how do|did|could|can you|u even allow|let|justify|call|sleep|live|employ|hire|dare|think|operate|stay|expect"),
    p("is this what i'm|im|we're paying|paid for"),
    p("is this what i|we pay|paid for"),
    p("is this what i am|we are paying for"),
    // ("Does anyone actually check the meters in person, or is it all
    // estimated?" asks.)
    p("does|do anyone|anybody there? actually|even read|care|work|listen|answer"),
    p("is anyone|anybody there? actually|even working|reading|listening|answering|checking|awake|home|there|looking"),
];

/// Whether a question's words (`own`) are irony that asks nothing, said
/// with a shrug rather than in anger: "who knew, eh?", "who'd have
/// thought?", "go figure?", "what are the odds?".
fn ironic(msg: &Document, own: &[usize]) -> bool {
    let w = |i: usize| own.get(i).map_or("", |&k| msg.fold(k));
    matches!((w(0), w(1)), ("who", "knew" | "knows" | "guessed") | ("go", "figure"))
        || (w(0) == "who'd" && (1..4).any(|i| matches!(w(i), "thought" | "guessed")))
        || (w(0) == "who" && w(1) == "would" && matches!(w(2), "have" | "'ve") && matches!(w(3), "thought" | "guessed"))
        // "What are the odds?" alone; "what are the chances of getting it
        // by Friday?" asks.
        || (own.len() <= 5 && w(0) == "what" && w(1) == "are" && w(2) == "the" && matches!(w(3), "odds" | "chances"))
}

/// A reply that hands the matter on, or says it is being worked on,
/// addresses every question for now.
pub(crate) const DEFERRAL: &[Phrase] = &[
    p("dm|dms|pm us|me"),
    p("send|drop|shoot us|me a|an dm|pm|email|note|message"),
    p("send|drop|shoot us|me a|an direct|private message"),
    p("via|by|over|through|in dm|dms|pm"),
    p("via|by|over|through|in direct|private message|messages"),
    p("look|looking into"),
    p("investigate|investigating|investigation"),
    p("find out"),
    p("get|getting back to you"),
    p("we'll|i'll follow up"),
    p("i|we will follow up"),
    p("follow up with you"),
    p("escalate|escalated|escalating"),
    p("check|checking with|on|into"),
    p("we'll|i'll|i'm|we're check|checking|confirm|confirming|ask|asking|verify|verifying"),
    p("i|we will check|confirm|ask|verify"),
    p("let me|us check|confirm|ask|verify"),
    p("pass|passed|passing this|it|that|these|them along|on"),
    // Handed to someone who will answer: "I've passed your question to our
    // travel documents team".
    p("pass|passed|passing|forward|forwarded|forwarding|refer|referred|referring your|this|the feedback|request|case|details|question|questions|query|queries|enquiry|inquiry|concern|message along|on|to|over"),
    // "I've passed it to our engineers", "raised it with the team".
    p("passed|forwarded|handed this|it|that|these|them to|over"),
    p("i've|we've|i'll|we'll pass|passed|forward|forwarded|raise|raised|flag|flagged this|it|that to|with|over"),
    p("raised|flagged|reported this|it|that with|to our|the"),
    // "I've sent your case to our Fair Play team"; "they'll email you
    // with the reason and their decision" (the answer owed, promised).
    p("sent|send|sending your|this|the case|request|question|query|complaint|appeal to"),
    p("email|call|write to|contact|message|text you with the|their|a reason|decision|outcome|answer|result"),
    p("looped|loop in"),
    p("reach|reaching out to"),
    p("contact|call|email|message|ring us"),
    // "by contacting us at 1-800-...", not "thank you for contacting us".
    p("by|try|trying|recommend|suggest contacting|calling|emailing|messaging|ringing us"),
    p("contact|call|email|message|ring our team|support|specialists|experts|store|branch|helpline"),
    p("submit|open|raise|file|create a|an request|ticket|case|report"),
    p("our team|specialists|experts|engineers will|are|is"),
    p("connect you with|to"),
    p("someone will"),
    p("get in touch"),
    p("here's|heres how"),
    p("here is how"),
    p("here's|heres a|the|an link|article|guide|page"),
    p("here is a|the|an link|article|guide|page"),
    p("this|these may|might|should|will help"),
    p("more info|information|details here|at|on"),
    p("learn more"),
    p("take a look"),
    p("we'll|we will|let's|let us see what|if|how"),
];

/// What a question calls for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    YesNo,
    When,
    Why,
    /// How to do something, where to find it, what to do now.
    How,
    /// How much something costs.
    Amount,
    Other,
}

/// A question in the customer's message.
#[derive(Debug)]
struct Question {
    /// Token range in the message.
    tokens: Range<usize>,
    /// The customer's words, with the question mark.
    span: Span,
    kind: Kind,
    /// For a yes-no question, the pronoun it asks about ("will I ...",
    /// "if you could ..."): an answer speaks of it ("you'll", "we can").
    subject: Option<&'static str>,
    /// Whether it asks where something stands ("Where is my order?", "Has
    /// my return been received?", "Did the payment go through?"): a
    /// status answers it ("It arrived at our warehouse on Tuesday").
    ///
    /// Read when a reply first needs it (most questions are met by their
    /// words before it is asked); a short question's is known at once.
    status: std::sync::OnceLock<bool>,
    /// What else it asks, read likewise (see [`Traits`]); a short
    /// question's is known at once (nothing else).
    traits: std::sync::OnceLock<Traits>,
}

/// What a question asks beyond its kind and its topic, each met by
/// something a reply says other than the question's words. Read from the
/// question's words when a reply first needs one: most questions are met
/// by their words (or by a time, a reason, ...) before any is asked, and
/// then none is read.
#[derive(Debug, Default)]
struct Traits {
    /// Whether it names a price or a fee: an amount answers it too ("Is it
    /// the same price?" — "There's a £25 surcharge").
    money: bool,
    /// Whether it asks us to do something ("Could you look into it?",
    /// "Can you send a replacement?"): what we did answers it ("I've sent
    /// this to our deposits team").
    request: bool,
    /// Whether the request is to send or give us something ("Can you send
    /// a new one?", "Could you post it?"): it is met by the thing sent, on
    /// its way, here or attached, whatever noun stands for it ("A new
    /// handle is on its way", "Here's your invoice").
    sending: bool,
    /// Whether it asks if someone will come out ("Is anyone coming out to
    /// look at it?", "Can you send an engineer?"): a visit told answers it
    /// ("a repair crew is already on site").
    visit: bool,
    /// The deed it asks someone to do ("Could someone call me?"), an index
    /// into [`DEEDS`]: the same deed promised answers it.
    deed: Option<u8>,
    /// Whether a yes-no question asks about a day or a part of one ("Is it
    /// coming today?", "Will it be ready by Friday?"): a time given answers
    /// it ("It will be with you by 8 pm tonight").
    on_a_day: bool,
    /// Whether it asks what will be done ("What are you going to do about
    /// it?", "Is there anything that can be done?"): what we will do
    /// answers it as well as what we did ("An engineer will visit on
    /// Friday to replace the router").
    action: bool,
    /// Whether it asks how many ("How many bags am I allowed?"): a count
    /// answers it ("one 10kg carry-on plus one 23kg case").
    count: bool,
}

impl Question {
    /// What else it asks (see [`Traits`]), read from its words in `msg`,
    /// the message it was found in, as `questions` read them: its own
    /// tokens, their folded words and their kinds.
    fn traits(&self, msg: &Document) -> &Traits {
        self.traits.get_or_init(|| {
            let (own, words, bits) = self.read(msg);
            Traits::of(msg, self, &own, &words, &bits)
        })
    }

    /// Its own tokens in `msg`, their folded words and their kinds, as
    /// `questions` read them: what its traits and its status are read from.
    fn read<'m>(&self, msg: &'m Document) -> (Vec<usize>, Vec<&'m str>, Vec<u16>) {
        let own: Vec<usize> = self.tokens.clone().filter(|&k| msg.tokens[k].is_agent()).collect();
        let words = own.iter().map(|&k| msg.fold(k)).collect();
        let bits = own.iter().map(|&k| token_kinds(msg, k)).collect();
        (own, words, bits)
    }

    /// Whether it asks where something stands (see [`Question::status`]),
    /// read from its words in `msg`, the message it was found in.
    fn asks_status(&self, msg: &Document) -> bool {
        *self.status.get_or_init(|| {
            let (_, words, bits) = self.read(msg);
            // A request to check where something stands asks its status:
            // "my order hasn't arrived, can you check?" — "it's out for
            // delivery today".
            asks_status(&words, &bits) || (self.traits(msg).request && self.kind != Kind::Why && asks_to_check(&words))
        })
    }
}

impl Traits {
    /// The traits of question `q` of `msg`, from its own tokens, their
    /// words and their kinds.
    fn of(msg: &Document, q: &Question, own: &[usize], words: &[&str], bits: &[u16]) -> Traits {
        let (s, end, kind) = (q.tokens.start, q.tokens.end, q.kind);
        // Its first word past the lead-in ("so", "and", "hi", ...).
        let opener = bits.iter().position(|b| b & LEAD_IN == 0);
        // "Do I need to pay postage?" asks what it costs too. (The own
        // words' kinds are known; another token's are looked up.)
        let money = bits.iter().any(|b| b & MONEY_WORD != 0)
            || (s..).zip(&msg.tokens[s..end]).any(|(k, t)| {
                let w = t.folded(msg.folded_words());
                (!t.is_agent() && kinds_keyed(w, t.key) & MONEY_WORD != 0)
                    || (w == "pay"
                        && k >= s + 2
                        && msg.fold(k - 1) == "to"
                        && matches!(msg.fold(k - 2), "need" | "have" | "got"))
            });
        let action = asks_for_action(words);
        let deed = asked_deed(words);
        let request = (matches!(q.subject, Some("you" | "u"))
            && opener.is_some_and(|i| matches!(words[i], "can" | "could" | "would" | "will")))
            || action;
        let sending = request && asks_to_send(words);
        let visit = kind == Kind::YesNo && (speaks_of_visit(words, false) || someone_at_work(words));
        // A word that asks about a day is a time word: an own word whose
        // kinds say otherwise is passed over unread (its tokens are `own`,
        // in order; any other token is read).
        let on_a_day = kind == Kind::YesNo && {
            let mut i = 0;
            (s..end).any(|k| {
                if own.get(i) == Some(&k) {
                    i += 1;
                    bits[i - 1] & TIME != 0 && asks_about_day(msg, k)
                } else {
                    asks_about_day(msg, k)
                }
            })
        };
        let count = kind == Kind::Amount && words.windows(2).any(|w| w == ["how", "many"]);
        Traits { money, request, sending, visit, deed, on_a_day, action, count }
    }
}

/// People who come out to a customer's home or street.
const VISITORS: &[&str] = &[
    "anyone",
    "someone",
    "somebody",
    "anybody",
    "engineer",
    "engineers",
    "technician",
    "technicians",
    "tech",
    "crew",
    "crews",
    "plumber",
    "electrician",
    "fitter",
    "fitters",
    "installer",
    "inspector",
    "surveyor",
    "driver",
];

/// Whether the (agent's, folded) words of a stretch speak of one of
/// [`VISITORS`] and of coming (in a question) or being there or on the way
/// (in an answer).
fn speaks_of_visit(words: &[&str], answer: bool) -> bool {
    let (mut someone, mut coming) = (false, false);
    for &w in words {
        someone |= crate::words::among(VISITORS, w);
        coming |= matches!(w, "coming" | "come" | "visit" | "visiting" | "send" | "sending")
            || (answer && matches!(w, "booked" | "arrive" | "arriving" | "attend" | "attending" | "dispatched"));
    }
    if !someone || coming || !answer {
        return someone && coming;
    }
    // "on site", "on the way", "on their way".
    words.windows(2).any(|w| w[0] == "on" && matches!(w[1], "site" | "scene"))
        || words.windows(3).any(|w| w[0] == "on" && matches!(w[1], "the" | "their" | "its") && w[2] == "way")
}

/// Whether words `r` of `doc` name one of [`VISITORS`] (in an answer with a
/// time: "the engineer is fitting the part tomorrow").
fn names_visitor(doc: &Document, r: Range<usize>) -> bool {
    r.filter(|&k| doc.tokens[k].is_agent()).any(|k| {
        let w = doc.fold(k);
        crate::words::among(VISITORS, w) && !matches!(w, "anyone" | "anybody")
    })
}

const WH_WORDS: &[&str] =
    &["when", "where", "why", "how", "what", "which", "who", "whats", "what's", "where's", "wheres", "hows", "how's"];
const AUX_WORDS: &[&str] = &[
    "can", "could", "will", "would", "is", "are", "do", "does", "did", "should", "have", "has", "was", "were", "may",
    "am", "shall", "isn't", "aren't", "can't", "won't", "don't", "doesn't", "didn't", "wouldn't", "couldn't", "cant",
    "wont", "dont", "doesnt", "didnt", "is", "any",
];
const LEAD_IN_WORDS: &[&str] = &[
    "so",
    "and",
    "but",
    "also",
    "hi",
    "hey",
    "hello",
    "ok",
    "okay",
    "well",
    "um",
    "plus",
    "btw",
    "then",
    "please",
    "pls",
    "guys",
    "just",
    "quick",
    "question",
    "q",
    "oh",
    "anyway",
    "now",
    "ps",
    // "And roughly how long is delivery?" (the ninth QA pass).
    "roughly",
    "approximately",
    "approx",
    "about",
    "exactly",
    "actually",
    "realistically",
    "honestly",
];
const SUBJECTS: &[&str] = &[
    "you", "i", "it", "we", "they", "he", "she", "there", "this", "that", "my", "u", "the", "your", "someone", "anyone",
];

/// The most questions read in one message: no message asks more, and it
/// keeps matching them against the reply linear in the reply's length.
const MAX_QUESTIONS: usize = 64;

/// The first hit of `hits` (in text order) that starts in token range `r`.
fn hit_in(hits: &[crate::lexicon::Hit], r: &Range<usize>) -> Option<crate::lexicon::Hit> {
    let i = hits.partition_point(|h| (h.first as usize) < r.start);
    hits.get(i).filter(|h| (h.first as usize) < r.end).copied()
}

/// A question of one or two words ending with "?" ("Why?", "When?", "Any
/// update?", "Refund status?") after a statement of at least three words:
/// a question about that statement, whose words give its topic. `own`: the
/// question's words; `r`: its sentence; `before`: the sentence before.
fn short_question(
    msg: &Document,
    own: &[usize],
    r: Range<usize>,
    marked: bool,
    before: Option<Range<usize>>,
) -> Option<Question> {
    let before = before?;
    let stated = before.clone().filter(|&k| msg.tokens[k].is_agent()).count() >= 3
        && !msg.tokens[before.end - 1].gap_has(gap::QUESTION);
    if !marked || own.is_empty() || !stated {
        return None;
    }
    let w = msg.fold(own[0]);
    let next = own.get(1).map_or("", |&k| msg.fold(k));
    let kind = match (w, next) {
        ("why" | "when" | "how" | "where", "" | "not" | "so" | "now") => wh_kind(w, ""),
        ("any", "update" | "updates" | "news" | "progress" | "eta") => Kind::Other,
        (_, "status" | "update" | "eta") => Kind::Other,
        _ => return None,
    };
    let span = msg.tokens[own[0]].span.cover(msg.tokens[own[own.len() - 1]].span);
    // "Refund status?", "Any update?": where the thing stated stands.
    let status = kind == Kind::Other || w == "where";
    Some(Question {
        tokens: before.start..r.end,
        span: with_marks(msg, span),
        kind,
        subject: None,
        status: std::sync::OnceLock::from(status),
        traits: std::sync::OnceLock::from(Traits::default()),
    })
}

/// `span` with the "?" and "!" right after it.
fn with_marks(msg: &Document, span: Span) -> Span {
    let after = &msg.text[span.end()..];
    Span::new(span.start(), span.end() + after.len() - after.trim_start_matches(['?', '!']).len())
}

/// The questions the customer asked (at most [`MAX_QUESTIONS`]).
/// `sentences`: the message's.
fn questions(msg: &Document, sentences: &[Range<usize>]) -> Vec<Question> {
    let mut out = Vec::new();
    let indirect = msg.hits(T::Indirect);
    let rhetorical = msg.hits(T::Rhetorical);
    // A sentence's own (agent's) tokens, and, once it may hold a question,
    // their folded words and kinds, read once for all its questions: on
    // the stack for a sentence of up to `ROOM` tokens (three lists, taken
    // and freed per message, cost about 0.7 k instructions), in lists
    // taken once for a longer one.
    const ROOM: usize = 64;
    let (mut agent_room, mut words_room, mut bits_room) = ([0usize; ROOM], [""; ROOM], [0u16; ROOM]);
    let (mut agent_list, mut words_list, mut bits_list): (Vec<usize>, Vec<&str>, Vec<u16>) = Default::default();
    // Where each question of a sentence starts (see below).
    let mut starts: Vec<usize> = Vec::new();
    // Whether the sentence before ended with a question mark.
    let mut after_question = false;
    // The sentence before this one.
    let mut prev_sentence: Option<Range<usize>> = None;
    let folded = msg.folded_words();
    for r in sentences.iter().cloned() {
        if out.len() >= MAX_QUESTIONS {
            break;
        }
        let before = prev_sentence.replace(r.clone());
        // (The sentence's tokens as one slice: one bounds check.)
        let tokens = &msg.tokens[r.clone()];
        // (A message that quotes nothing has no quoted token to look for.)
        if !msg.quoted.is_empty() && tokens.iter().any(|t| t.is(flag::QUOTED)) {
            continue;
        }
        // A sentence with no question mark (after its last token, or its
        // last own word), after one with none, and with no indirect
        // question asks nothing and leaves `after_question` false: passed
        // over before its words are read.
        let last_agent = tokens.iter().rposition(|t| t.is_agent());
        let Some(last_agent) = last_agent else { continue };
        let marked = tokens[tokens.len() - 1].gap_has(gap::QUESTION) || tokens[last_agent].gap_has(gap::QUESTION);
        let lead = hit_in(indirect, &r);
        if !after_question && !marked && lead.is_none() {
            continue;
        }
        // (Room for a few questions at once, when the first sentence that
        // may ask one is read: a message that asks mostly asks several.)
        if out.capacity() == 0 {
            out.reserve(8);
        }
        // The own tokens first; their words and kinds are read once the
        // sentence is known to ask (below). A sentence with no mark and no
        // indirect question, read only because one with a mark came
        // before it, asks only if it goes on with that one ("... on Xbox?
        // and will my skins carry over"), which its first words tell: most
        // such sentences go on to state something ("My email is ...") and
        // have no word read.
        // (Room for the whole sentence: a filter gives no length.)
        let (agent, words, bits): (&mut [usize], &mut [&str], &mut [u16]) = if tokens.len() <= ROOM {
            (&mut agent_room, &mut words_room, &mut bits_room)
        } else {
            agent_list.resize(tokens.len(), 0);
            words_list.resize(tokens.len(), "");
            bits_list.resize(tokens.len(), 0);
            (&mut agent_list, &mut words_list, &mut bits_list)
        };
        let mut n = 0;
        for (k, t) in (r.start..).zip(tokens) {
            if t.is_agent() {
                agent[n] = k;
                n += 1;
            }
        }
        let (agent, words, bits) = (&agent[..n], &mut words[..n], &mut bits[..n]);
        let own = agent;
        // "hi, can I ...?": the greeting is not part of the question. (The
        // comma after it is told first: most first words have none.)
        let opening = own
            .iter()
            .take_while(|&&k| {
                msg.tokens[k].gap_has(gap::COMMA)
                    && matches!(
                        msg.fold(k),
                        "hi" | "hey" | "hello" | "hiya" | "ok" | "okay" | "um" | "well" | "morning"
                    )
            })
            .count();
        // "Hi Sam, when will ...?", "Hello Support, where is ...?": the
        // greeting and the name it addresses are not part of the question.
        // (The comma that ends the name is looked for first: most first
        // words are no greeting, and are not compared.)
        let name_ends = own.iter().take(4).skip(1).position(|&k| msg.tokens[k].gap_has(gap::COMMA));
        let opening = if opening == 0
            && name_ends.is_some()
            && own.first().is_some_and(|&k| {
                matches!(msg.fold(k), "hi" | "hey" | "hello" | "hiya" | "dear" | "morning" | "greetings")
            }) {
            name_ends
                .filter(|&p| {
                    own[1..=p + 1].iter().all(|&k| {
                        msg.tokens[k].is(flag::CAP)
                            || matches!(
                                msg.fold(k),
                                "there" | "team" | "support" | "all" | "guys" | "folks" | "everyone"
                            )
                    })
                })
                .map_or(0, |p| p + 2)
        } else {
            opening
        };
        let own = &agent[opening..];
        let (Some(&first), Some(&last)) = (own.first(), own.last()) else { continue };
        // A chat's next question, joined to the one before without its
        // mark: "do saves work on Xbox? and will my skins carry over too".
        let continued = !marked
            && after_question
            && own.len() >= 3
            && matches!(msg.fold(own[0]), "and" | "also" | "plus" | "or")
            && token_kinds(msg, own[1]) & AUX != 0
            && token_kinds(msg, own[2]) & SUBJECT != 0;
        after_question = marked;
        let direct = marked || continued;
        if !direct && lead.is_none() {
            continue;
        }
        // The sentence asks: its own words and their kinds.
        for ((&k, w), b) in agent.iter().zip(words.iter_mut()).zip(bits.iter_mut()) {
            let t = &msg.tokens[k];
            *w = t.folded(folded);
            *b = kinds_keyed(w, t.key);
        }
        let (words, bits) = (&*words, &*bits);
        if hit_in(rhetorical, &r).is_some() || ironic(msg, own) {
            continue;
        }
        let (own_words, own_bits) = (&words[opening..], &bits[opening..]);
        // A chat's short question after a comma, about the clause before
        // it: "my order hasn't arrived, any update?", "charged twice, why?".
        // The clause gives its words, as a sentence does to "Any update?".
        let opener = own_words.iter().zip(own_bits).find(|(_, b)| *b & LEAD_IN == 0);
        let (opener, opener_kinds) = opener.map_or(("", 0), |(w, b)| (*w, *b));
        if marked && own.len() >= 4 && opener_kinds & (WH | AUX) == 0 && opener != "whether" {
            let tail = own[..own.len() - 1]
                .iter()
                .rposition(|&k| msg.tokens[k].gap_has(gap::COMMA))
                .map(|p| p + 1)
                .filter(|&p| own.len() - p <= 2);
            if let Some(q) = tail.and_then(|p| short_question(msg, &own[p..], r.clone(), marked, Some(r.start..own[p])))
            {
                out.push(q);
                continue;
            }
        }
        if own.len() < 3 {
            // A chat's short question about what it just said: "My card
            // was charged twice. Why?", "Ordered last week. Any update?".
            // It is about the sentence before, which gives its words.
            if let Some(q) = short_question(msg, own, r.clone(), marked, before) {
                out.push(q);
            }
            continue;
        }
        // Where a second question joins the first: "..., and when will it ship?"
        starts.clear();
        starts.push(lead.filter(|_| !direct).map_or(first, |h| h.first as usize));
        {
            // Only a question word, "whether", "if", a verb that asks or
            // the start of an indirect question can start one: any other
            // word is passed over before the word before it is read. (The
            // indirect questions' starts are walked beside the words, in
            // order.) `may_start` must accept every word the tests below
            // it can accept (`wh`, `aux` and the joined indirect question):
            // a start they test for that it does not would never be read.
            let mut next_lead = indirect.partition_point(|h| (h.first as usize) < r.start);
            // (The own tokens beside their words and kinds: no index checked.)
            for ((&k, &w), &kinds) in own.iter().zip(own_words).zip(own_bits) {
                while indirect.get(next_lead).is_some_and(|h| (h.first as usize) < k) {
                    next_lead += 1;
                }
                // The indirect question that starts at this word, if any.
                let lead_here = indirect.get(next_lead).filter(|h| h.first as usize == k);
                let may_start = kinds & (WH | AUX) != 0 || matches!(w, "whether" | "if") || lead_here.is_some();
                if !may_start || k < starts[0] + 2 || k + 1 >= r.end {
                    continue;
                }
                let prev = msg.fold(k - 1);
                let joined = matches!(prev, "and" | "also" | "plus" | "or")
                    || msg.tokens[k - 1].gap_has(gap::COMMA | gap::COLON);
                let wh = (kinds & WH != 0 || w == "whether" || (w == "if" && !direct && prev == "and")) && joined;
                let after_comma_and = prev == "and" && k >= 2 && msg.tokens[k - 2].gap_has(gap::COMMA);
                // "..., can I ...", and after a colon: "I have two questions:
                // is the gym open on Sundays?"
                let aux = kinds & AUX != 0
                    && (matches!(prev, "and" | "also" | "plus") || msg.tokens[k - 1].gap_has(gap::COMMA | gap::COLON))
                    && (token_kinds(msg, k + 1) & SUBJECT != 0 || after_comma_and);
                // A lead-in that ends in a colon is a label, however short:
                // "Two things: can I pay by card?"
                let gap_needed = if msg.tokens[k - 1].gap_has(gap::COLON) { 1 } else { 3 };
                if (wh || aux) && k >= *starts.last().unwrap_or(&0) + gap_needed {
                    starts.push(if matches!(prev, "and" | "also" | "plus" | "or") { k - 1 } else { k });
                } else if k >= *starts.last().unwrap_or(&0) + 3
                    && (joined || prev == "also")
                    && lead_here.is_some_and(|h| {
                        // Not the customer's offer: "let me know if you need
                        // photos" (the reviewer's case).
                        !matches!(msg.fold((h.last as usize + 1).min(msg.tokens.len() - 1)), "you" | "u")
                    })
                {
                    // A second indirect question joined to the first: "...,
                    // and also let me know if I need quotes" (the ninth QA
                    // pass).
                    starts.push(k);
                }
            }
        }
        // Where the question before ended, and where its own words end in
        // `agent`: a question that starts there has its words start there
        // too, and they are not searched for.
        let mut after: Option<(usize, usize)> = None;
        for (n, &s) in starts.iter().enumerate() {
            let end = starts.get(n + 1).copied().unwrap_or(last + 1);
            if end <= s {
                continue;
            }
            let mut span = msg.tokens[s].span.cover(msg.tokens[end - 1].span);
            // An address or a link that ends the question is part of it
            // ("Can you change my e-mail to a@b.com?"): links are no tokens.
            if end == last + 1 {
                let limit = msg.tokens.get(r.end).map_or(msg.text.len(), |t| t.span.start());
                for l in &msg.links {
                    let gap = msg.text.get(span.end()..l.start()).unwrap_or("x");
                    if l.start() >= span.end() && l.end() <= limit && gap.bytes().all(|b| b == b' ') {
                        span = Span::new(span.start(), l.end());
                    }
                }
            }
            if end == last + 1 {
                span = with_marks(msg, span);
            }
            let lead_here = if n == 0 { lead.filter(|_| !direct) } else { hit_in(indirect, &(s..s + 1)) };
            // The question's own words and their kinds, for the tests below:
            // those of the sentence's own tokens in it.
            let lo = match after {
                Some((ended, hi)) if ended == s => hi,
                _ => agent.partition_point(|&k| k < s),
            };
            // (The last question ends with the sentence's own words.)
            let hi = if end == last + 1 { agent.len() } else { lo + agent[lo..].partition_point(|&k| k < end) };
            after = Some((end, hi));
            let (words, bits) = (&words[lo..hi], &bits[lo..hi]);
            // Its first word past the lead-in ("so", "and", "hi", ...).
            let opener = bits.iter().position(|b| b & LEAD_IN == 0);
            // A clause before a joined question is a question only if it
            // asks one: "I'm thinking about the iPhone, what deals ...?"
            // holds one question.
            // A statement said as a question ("I buy the game to deal with
            // this?", "£35 fee because my salary came in a day late?") is
            // disbelief, not a question to answer.
            let asks =
                lead_here.is_some() || opener.is_some_and(|i| bits[i] & (WH | AUX) != 0 || words[i] == "whether");
            if !asks {
                continue;
            }
            let kind = kind_of(msg, words, bits, end, lead_here.map(|h| h.last as usize + 1));
            let subject = (kind == Kind::YesNo).then(|| subject_of(words, bits)).flatten();
            out.push(Question {
                tokens: s..end,
                span,
                kind,
                subject,
                status: std::sync::OnceLock::new(),
                traits: std::sync::OnceLock::new(),
            });
        }
    }
    out
}

/// Whether a question (its words) asks what will be done, whoever does
/// it: "Is there anything that can be done?", "What are you going to do
/// about it?", "What are my options?". What we did answers it.
fn asks_for_action(words: &[&str]) -> bool {
    let (mut something, mut what, mut you, mut done, mut options) = (false, false, false, false, false);
    for &w in words {
        match w {
            "anything" | "something" => something = true,
            "what" | "what's" | "whats" => what = true,
            "you" | "u" | "you're" => you = true,
            "done" | "do" | "doing" => done = true,
            "options" => options = true,
            _ => {}
        }
    }
    (done && (something || (what && you))) || (what && options)
}

/// Deeds one may ask someone to do, each with the words that do it.
const DEEDS: &[&[&str]] = &[
    &["call", "ring", "phone", "contact"],
    // (Not "pop": "I'll pop a note on your account" visits nobody, the
    // session's review found.)
    &["come", "visit"],
    &["collect", "pick"],
    &["fix", "repair"],
    &["email", "send", "post"],
];

/// The deed (an index into [`DEEDS`]) a question (its words) asks someone
/// to do:
/// "Could someone call me about closing the account?", "can anyone come
/// out today?" (the tenth QA pass). The same deed promised answers it ("our
/// team will ring you tomorrow"); "Can anyone explain why ...?" asks a
/// reason instead.
fn asked_deed(words: &[&str]) -> Option<u8> {
    words.windows(3).find_map(|w| {
        (matches!(w[0], "can" | "could" | "would" | "will")
            && matches!(w[1], "someone" | "somebody" | "anyone" | "anybody" | "you" | "u"))
        .then(|| DEEDS.iter().position(|d| d.contains(&w[2])))
        .flatten()
        .map(|d| d as u8)
    })
}

/// Whether `words` promise deed `d` of [`DEEDS`]: "will call you", "we'll
/// ring you", "someone is going to phone you".
fn promises_deed(words: &[&str], d: u8) -> bool {
    let deed = DEEDS[d as usize];
    words.iter().enumerate().any(|(k, w)| {
        let future = matches!(*w, "will" | "we'll" | "i'll" | "they'll" | "he'll" | "she'll" | "shall")
            || (*w == "to" && k > 0 && words[k - 1] == "going");
        future
            && words[k + 1..(k + 3).min(words.len())].iter().any(|v| deed.contains(v))
            && !words.get(k + 1).is_some_and(|n| matches!(*n, "not" | "never"))
    })
}

/// Whether a request (its words) asks us to check or look into something:
/// "can you check?", "could you look into where it is?", "can u track it".
fn asks_to_check(words: &[&str]) -> bool {
    // ("Can you look into why?" asks a reason.)
    words.iter().any(|w| matches!(*w, "check" | "track" | "trace" | "investigate" | "chase" | "look"))
        && !words.contains(&"why")
}

/// Whether a yes-no question (its words) asks if someone is at work on
/// it: "Is anyone fixing this?", "Is someone looking into it?". A visitor
/// given a time answers it ("the engineer is fitting the part tomorrow").
fn someone_at_work(words: &[&str]) -> bool {
    // The doing right after the someone: "anyone fixing", not "someone do
    // something", nor "anyone going to refund".
    words.windows(2).any(|w| {
        matches!(w[0], "anyone" | "someone" | "anybody" | "somebody")
            && w[1].len() > 4
            && w[1].ends_with("ing")
            && !matches!(w[1], "going" | "something" | "anything" | "nothing")
    })
}

/// Whether the question's word at token `k` asks about a day: "today",
/// "tomorrow", "tonight" anywhere, or a day, a week or a part of a day
/// after a word that places something in it ("by Friday", "on Saturday
/// morning", "this week"); not one that describes a thing ("evening
/// appointments", "the double xp weekend").
fn asks_about_day(msg: &Document, k: usize) -> bool {
    let w = msg.fold(k);
    if matches!(w, "today" | "tomorrow" | "tonight") {
        return true;
    }
    let placed = |j: usize| {
        matches!(
            msg.fold(j),
            "by" | "on" | "this" | "next" | "before" | "until" | "till" | "over" | "coming" | "saturday" | "sunday"
        )
    };
    (names_a_day(w) || matches!(w, "week" | "month")) && k > 0 && placed(k - 1)
}

/// Whether `w` names a day or a part of one: "Friday", "weekend".
fn names_a_day(w: &str) -> bool {
    crate::words::among(crate::words::WEEKDAYS, w) || matches!(w, "weekend" | "morning" | "afternoon" | "evening")
}

/// Whether a request ("can you ...", its words) asks us to send or give
/// something: the verb after "you" (past "please", "just", "also") is one
/// of sending.
fn asks_to_send(words: &[&str]) -> bool {
    let mut own = words.iter().copied();
    own.by_ref().find(|w| matches!(*w, "you" | "u"));
    own.find(|w| !matches!(*w, "please" | "pls" | "just" | "also" | "kindly" | "maybe" | "possibly" | "then"))
        .is_some_and(|w| crate::words::among(SENDING, w))
}

/// Verbs of sending or giving something to the customer.
const SENDING: &[&str] = &[
    "send", "resend", "give", "post", "mail", "email", "e-mail", "forward", "ship", "dispatch", "provide", "supply",
    "issue", "reissue", "replace", "courier",
];

/// Participles that say something has gone to the customer: "has been
/// sent", "I've attached".
const SENT: &[&str] = &[
    "sent",
    "resent",
    "posted",
    "mailed",
    "emailed",
    "e-mailed",
    "dispatched",
    "shipped",
    "forwarded",
    "issued",
    "reissued",
    "attached",
    "enclosed",
    "couriered",
];

/// Whether the reply sentence's words say something is sent to the
/// customer, on its way, here or attached ("The part has been sent out
/// today", "A new handle is on its way", "Here's your invoice", "Please
/// find attached", "We're sending a new one"). Not what the customer sent
/// ("the photo you sent", "the files attached to your email").
fn says_sent(words: &[&str]) -> bool {
    let at = |i: usize| words.get(i).copied().unwrap_or("");
    (0..words.len()).any(|i| {
        let w = words[i];
        let customers = |j: usize| {
            (j.saturating_sub(2)..j).any(|b| matches!(at(b), "you" | "you've" | "you'd" | "you're" | "u" | "they"))
        };
        let sent_word = crate::words::among(SENT, w)
            && !customers(i)
            && !(at(i + 1) == "to" && matches!(at(i + 2), "your" | "their" | "his" | "her"));
        let sending = w == "sending" && matches!(at(i.wrapping_sub(1)), "we're" | "i'm" | "are" | "am" | "is");
        let here = (matches!(w, "here's" | "heres") || (w == "here" && matches!(at(i + 1), "is" | "are"))) && {
            let next = if w == "here" { at(i + 2) } else { at(i + 1) };
            matches!(next, "your" | "the" | "a" | "an" | "it" | "them" | "this" | "these" | "that" | "our")
        };
        let on_its_way = w == "on" && matches!(at(i + 1), "its" | "the" | "their" | "it's") && at(i + 2) == "way";
        sent_word || sending || here || on_its_way
    })
}

/// The pronoun a yes-no question (its words and their kinds) asks about:
/// after its opening verb ("can I", "will you") or after "if"/"whether".
fn subject_of(words: &[&str], bits: &[u16]) -> Option<&'static str> {
    let at = words.iter().zip(bits).position(|(w, b)| b & AUX != 0 || matches!(*w, "if" | "whether"))?;
    PRONOUNS.iter().find(|p| words.get(at + 1) == Some(p)).copied()
}

const PRONOUNS: &[&str] = &["i", "we", "you", "it", "they", "u"];

/// A set of [`PRONOUNS`] is a byte, pronoun `i` as bit `1 << i`; the top
/// bit says the set has been read (see [`Said::mirrors`]).
const MIRRORS_READ: u8 = 0x80;
const _: () = assert!(PRONOUNS.len() < 8);
// A pronoun has at most four bytes and no apostrophe: [`Said::mirrors`]
// looks for one only among a word's first five bytes.
const _: () = {
    let mut i = 0;
    while i < PRONOUNS.len() {
        let b = PRONOUNS[i].as_bytes();
        assert!(b.len() <= 4);
        let mut j = 0;
        while j < b.len() {
            assert!(b[j] != b'\'');
            j += 1;
        }
        i += 1;
    }
};

/// The pronouns an answer uses for the one a question asks about, as bits
/// of [`PRONOUNS`]: "you" for "i" or "we", "we" or "i" for "you", ...
fn mirror(p: &str) -> u8 {
    match p {
        "i" | "we" => 1 << 2,
        "you" | "u" => 1 << 1 | 1 << 0,
        "it" => 1 << 3,
        _ => 1 << 4,
    }
}

/// Verbs that, after a pronoun, give a yes or a no.
const ANSWER_AUX: &[&str] = &[
    "will",
    "won't",
    "would",
    "wouldn't",
    "can",
    "can't",
    "cannot",
    "could",
    "couldn't",
    "do",
    "don't",
    "does",
    "doesn't",
    "is",
    "isn't",
    "are",
    "aren't",
    "should",
    "shouldn't",
    "may",
    "might",
    "need",
    "needn't",
];

/// What kind of answer the question calls for, from its first words (or,
/// for an indirect question, the word after its lead). A question that
/// opens with a question word is of that word's kind ("how often do the
/// prices change" asks when, though it names prices); a request to be told
/// ("Could you tell me what time ...", "Any idea what's causing it") is of
/// the kind of the question inside it; one that opens with a verb ("Is
/// there a standing charge ...?") asks for a yes or a no, whatever it is
/// about; the rest that name a price ask for an amount.
///
/// `words` and `bits`: the question's (agent's) words and their kinds;
/// `end`: the token it ends before; `after_lead`: the token after an
/// indirect question's lead.
fn kind_of(msg: &Document, words: &[&str], bits: &[u16], end: usize, after_lead: Option<usize>) -> Kind {
    let has = |w: &str| words.contains(&w);
    let tail_do = words.last() == Some(&"do");
    let what_i_need = || {
        words.windows(3).any(|w| {
            w[0] == "what" && matches!(w[1], "i" | "we") && matches!(w[2], "need" | "should" | "have" | "must")
        })
    };
    // (A word of a list is known by its kinds before it is compared:
    // "what" is a question word, "any" on the auxiliaries' list.)
    let has_what = words.iter().zip(bits).any(|(w, b)| b & WH != 0 && *w == "what");
    if has_what && (tail_do || has("options") || has("next") || what_i_need()) {
        return Kind::How;
    }
    // "Can you tell me why ...", "any idea what's causing it": the question
    // inside the request.
    let asks_to_be_told =
        words.iter().take(6).position(|w| matches!(*w, "tell" | "explain" | "know" | "advise" | "confirm"));
    let any_idea = || {
        let mut pairs = words.windows(2).zip(bits).take(5);
        pairs.position(|(w, b)| b & AUX != 0 && w[0] == "any" && matches!(w[1], "idea" | "ideas")).map(|i| i + 1)
    };
    if let Some(i) = asks_to_be_told.or_else(any_idea) {
        let inner = bits.get(i + 1..(i + 3).min(words.len())).and_then(|b| b.iter().position(|b| b & WH != 0));
        if let Some(at) = inner.map(|at| i + 1 + at) {
            match wh_kind(words[at], words.get(at + 1).copied().unwrap_or("")) {
                Kind::Other => {}
                kind => return kind,
            }
        }
    }
    let at = match after_lead {
        Some(k) if k < end => words.iter().position(|&w| w == msg.fold(k)).unwrap_or(0),
        _ => bits.iter().position(|b| b & LEAD_IN == 0).unwrap_or(0),
    };
    let w = words.get(at).copied().unwrap_or("");
    let w_aux = bits.get(at).is_some_and(|b| b & AUX != 0);
    let next = words.get(at + 1).copied().unwrap_or("");
    let opens_with_verb = w_aux && !matches!(w, "any" | "how");
    if !opens_with_verb && bits.iter().any(|b| b & MONEY_WORD != 0) && !has("when") && !has("why") {
        match wh_kind(w, next) {
            Kind::When | Kind::Why => {}
            _ => return Kind::Amount,
        }
    }
    match w {
        "any" if matches!(next, "update" | "updates" | "news" | "eta" | "idea") => Kind::When,
        "if" | "whether" => Kind::YesNo,
        _ if opens_with_verb || w_aux => Kind::YesNo,
        _ => match wh_kind(w, next) {
            Kind::Other if has("eta") => Kind::When,
            kind => kind,
        },
    }
}

/// Words that name what something costs.
const MONEY: &[&str] = &[
    "postage",
    "price",
    "prices",
    "pricing",
    "cost",
    "costs",
    "fee",
    "fees",
    "charge",
    "rate",
    "rates",
    "cheaper",
    "expensive",
    "premium",
    "much",
    "discount",
    "discounts",
    "fare",
    "fares",
    "deposit",
    "surcharge",
];

/// The kind of a question that opens with question word `w`, `next` the
/// word after it.
fn wh_kind(w: &str, next: &str) -> Kind {
    match w {
        "when" => Kind::When,
        "why" => Kind::Why,
        "how" if next == "come" => Kind::Why,
        "how" if matches!(next, "long" | "soon" | "late" | "early" | "often" | "quickly" | "fast") => Kind::When,
        "how" if matches!(next, "much" | "many") => Kind::Amount,
        // "how do I", and "how we apply" inside a question.
        "how" | "how's" | "hows"
            if matches!(
                next,
                "do" | "can" | "should" | "would" | "to" | "does" | "i" | "could" | "we" | "you" | "they"
            ) =>
        {
            Kind::How
        }
        "where" | "where's" | "wheres" => Kind::How,
        "what" | "what's" | "whats" if matches!(next, "time" | "date" | "day") => Kind::When,
        // "what's causing it", "what caused the outage".
        "what" | "what's" | "whats" if matches!(next, "causing" | "caused" | "causes" | "cause" | "happened") => {
            Kind::Why
        }
        _ => Kind::Other,
    }
}

/// Words that give a time.
const TIME_WORDS: &[&str] = &[
    "today",
    "tomorrow",
    "tonight",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "week",
    "weeks",
    "day",
    "days",
    "hour",
    "hours",
    "minutes",
    "mins",
    "month",
    "months",
    "morning",
    "afternoon",
    "evening",
    "weekend",
    "eta",
    "soon",
    "shortly",
    "asap",
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
    "immediately",
    "now",
    "currently",
    "yet",
    "date",
];

/// Words that give a reason.
const REASON_WORDS: &[&str] = &[
    "because",
    "due",
    "cause",
    "caused",
    "causing",
    "reason",
    "reasons",
    "result",
    "happens",
    "happened",
    "occurs",
    "outage",
    "bug",
    "glitch",
    "maintenance",
    "policy",
    "changed",
    "changes",
    "error",
    "issue",
    "known",
    "since",
    // "Exit code 137 usually means the job ran out of memory."
    "means",
    "indicates",
    // "Your renewal is based on the seat count set in Admin" (the tenth
    // QA pass).
    "based",
];

/// Verbs that open an instruction.
const STEPS: &[&str] = &[
    "go",
    "tap",
    "click",
    "open",
    "select",
    "head",
    "navigate",
    "visit",
    "try",
    "follow",
    "check",
    "use",
    "enter",
    "update",
    "restart",
    "reset",
    "sign",
    "log",
    "choose",
    "press",
    "turn",
    "install",
    "reinstall",
    "clear",
    "download",
    "contact",
    "reach",
    "call",
    "email",
    "dm",
    "submit",
    "fill",
    "make",
    "switch",
    "remove",
    "add",
    "delete",
    "find",
    "look",
    "see",
    "uninstall",
    "disable",
    "enable",
    "change",
    "request",
    "reply",
    "send",
    "drop",
    "upload",
    "attach",
    "provide",
    "share",
    "forward",
    "complete",
    "bring",
    "book",
    "pay",
    "ring",
    "text",
    "pop",
    "take",
    "keep",
];

/// Opening words that answer a yes-no question.
const YES_NO: &[&str] = &[
    "yes",
    "yeah",
    "yep",
    "yup",
    "no",
    "nope",
    "sure",
    "absolutely",
    "certainly",
    "definitely",
    "unfortunately",
    "sadly",
    "afraid",
    "correct",
    "currently",
    "indeed",
    "good",
    "great",
    "of",
];

// The kinds of word (`TIME`, `REASON`, `WH`, ...) as bits, and the
// lookup of a token's folded word by the key it carries.
crate::hash::word_lists! {
    fn kinds_keyed;
    TIME = TIME_WORDS;
    REASON = REASON_WORDS;
    MONEY_WORD = MONEY;
    WH = WH_WORDS;
    AUX = AUX_WORDS;
    LEAD_IN = LEAD_IN_WORDS;
    SUBJECT = SUBJECTS;
    PRONOUN = PRONOUNS;
    GIVES_ANSWER = ANSWER_AUX;
    STEP = STEPS;
    YES_OR_NO = YES_NO;
    AMOUNT = AMOUNT_WORDS;
    ASK_VERB = ASK_VERBS;
    ASK_WHAT = ASK_OBJECTS;
    STATUS = STATUS_WORDS;
}

/// The kinds (`TIME`, `REASON`, `WH`, ...) a folded word is of, as bits:
/// one hash lookup however many lists it is asked about. (The rule reads
/// its words' kinds by the keys their tokens carry; the tests by the
/// words.)
#[cfg(test)]
fn kinds(w: &str) -> u16 {
    kinds_keyed(w, crate::hash::word_key(w.as_bytes()))
}

/// The kinds of token `k`'s folded word, looked up by the key it carries.
/// (Inline: the questions of a message ask it of each of their words, and
/// a call each cost more than the lookup.)
#[inline]
fn token_kinds(doc: &Document, k: usize) -> u16 {
    kinds_keyed(doc.fold(k), doc.tokens[k].key)
}

/// Whether `w` is a word of any of `kinds` (bits such as `TIME | REASON`).
#[cfg(test)]
fn word_is(w: &str, kinds_asked: u16) -> bool {
    kinds(w) & kinds_asked != 0
}

/// Words that say where something stands: an order, a payment, a claim.
const STATUS_WORDS: &[&str] = &[
    "shipped",
    "dispatched",
    "delivered",
    "arrived",
    "received",
    "processed",
    "approved",
    "declined",
    "rejected",
    "issued",
    "refunded",
    "credited",
    "posted",
    "collected",
    "cancelled",
    "canceled",
    "returned",
    "completed",
    "cleared",
    "accepted",
    "activated",
    "reactivated",
    "installed",
    "booked",
    "confirmed",
    "resolved",
    "restored",
    "unlocked",
    "released",
    "transit",
    "pending",
    "landed",
    "reached",
    "assigned",
    "scheduled",
    "logged",
    "closed",
    "removed",
    "transferred",
    "updated",
    "paid",
    "receive",
    "arrive",
    "status",
];

/// What a request asked of us is once done: "your card is now frozen".
const DONE_RESULTS: &[&str] = &[
    "frozen",
    "blocked",
    "cancelled",
    "canceled",
    "fixed",
    "sorted",
    "unlocked",
    "updated",
    "changed",
    "refunded",
    "reset",
    "removed",
    "deleted",
    "restored",
    "reactivated",
    "activated",
    "active",
    "booked",
    "resolved",
    "processed",
    "approved",
    "paid",
    "sent",
    "upgraded",
    "downgraded",
    "extended",
    "credited",
    "corrected",
    "reinstated",
];

/// Whether `w` reads as a past participle after "have": "sent",
/// "arranged", "taken" (not "have a new plan").
/// Whether `w` is a participle of something done, not of a message taken
/// in ("I've noted your feedback", "we have received your email").
fn deed(w: &str) -> bool {
    participle(w)
        && !matches!(
            w,
            "been" | "noted" | "received" | "logged" | "recorded" | "seen" | "heard" | "understood" | "read" | "taken"
        )
}

fn participle(w: &str) -> bool {
    (w.len() > 3 && (w.ends_with("ed") || w.ends_with("en")))
        || matches!(
            w,
            "sent"
                | "made"
                | "put"
                | "set"
                | "done"
                | "paid"
                | "found"
                | "built"
                | "sold"
                | "told"
                | "kept"
                | "left"
                | "brought"
                | "bought"
                | "caught"
                | "run"
                | "got"
                | "had"
                | "shown"
                | "spoken"
                | "won"
        )
}

/// Whether a question (its words and their kinds) asks where something
/// stands: "where is|are|'s" something, or a status word ("Has my return
/// been received?", "what's the status of ...", "did it go through?").
fn asks_status(words: &[&str], kinds: &[u16]) -> bool {
    // One pass over the question's words, each looked up by its key.
    let mut first = true;
    let mut passive_opener = false;
    // "Can I have it delivered to my office?" asks for something, not
    // where it stands, unless it asks whether ("can you check if it
    // arrived?").
    let mut modal_opener = false;
    let mut whether = false;
    // "Could you tell me where it stands?", "where things are at" (the
    // fifteenth QA pass): where something stands is its status, asked
    // however politely.
    let mut where_seen = false;
    let mut prev = "";
    for (i, (&w, &bits)) in words.iter().zip(kinds).enumerate() {
        where_seen |= w == "where";
        // (Not where a thing stands in a place: "where the form stands
        // on your website", the pass's review.)
        let placed = || words.get(i + 1).is_some_and(|&n| matches!(n, "on" | "in" | "at" | "inside" | "near"));
        if where_seen
            && ((matches!(w, "stand" | "stands" | "standing") && !placed()) || (w == "at" && i + 1 == words.len()))
        {
            return true;
        }
        if first {
            modal_opener = matches!(w, "can" | "could" | "would" | "will" | "should" | "may" | "might");
        }
        whether |= matches!(w, "if" | "whether" | "that");
        if bits & STATUS != 0 && (!modal_opener || whether) {
            return true;
        }
        // "Has the service been taken out of my name?", "Was my claim
        // approved?": a yes-no question in the passive asks what became of it.
        if first {
            passive_opener = matches!(w, "has" | "have" | "was" | "were" | "is" | "are");
        } else if passive_opener && (w == "been" || (w.len() > 4 && w.ends_with("ed"))) {
            return true;
        }
        let where_is = matches!(prev, "where's" | "wheres")
            || (prev == "where" && matches!(w, "is" | "are"))
            || (matches!(prev, "go" | "gone" | "went") && w == "through");
        if where_is {
            return true;
        }
        first = false;
        prev = w;
    }
    false
}

/// Words that say what something costs.
const AMOUNT_WORDS: &[&str] =
    &["free", "pounds", "dollars", "euros", "pence", "cents", "charge", "fee", "cost", "costs"];

/// Verbs of a request to be told or sent something.
const ASK_VERBS: &[&str] = &["send", "share", "provide", "confirm", "tell", "let", "dm", "reply", "give"];

/// What a request to be told or sent something asks for.
const ASK_OBJECTS: &[&str] = &[
    "know",
    "which",
    "what",
    "number",
    "details",
    "screenshot",
    "photo",
    "device",
    "platform",
    "version",
    "model",
    "email",
    "address",
    "url",
    "link",
    "name",
    "more",
    "info",
    "information",
    "error",
    "date",
    "username",
    "id",
];

/// What one sentence of the reply offers: its topic, read at once, and
/// what else it does (gives a time, a reason, steps, a yes or a no, ...),
/// each read the first time a question needs it and kept (most questions
/// are met by the topic alone, so most of these are never read).
struct Said<'r> {
    reply: &'r Document<'r>,
    /// Its topic as far as the questions' topics can share it (see
    /// [`Topics::of_within`]).
    topic: View<'r>,
    /// Its tokens, for the tests only some questions need.
    range: Range<usize>,
    /// Its own (agent) tokens, their folded words and their kinds (parts
    /// of [`Words`], the reply's, read once for all its sentences; the
    /// kinds looked up only when a reading first needs them all, see
    /// [`Said::bits`]).
    own: &'r [usize],
    words: &'r [&'r str],
    bits: &'r [Cell<u16>],
    /// Whether `bits` have been looked up.
    bits_read: Cell<bool>,
    /// The first word past the greeting ("Hi Jo, tap Settings").
    opener: Option<usize>,
    /// Its kinds (0 for none): every sentence is asked whether it opens
    /// with a yes or a no, most no more (see [`Said::kinds_at`]).
    opener_kinds: u16,
    /// Whether "Please see below" ends the reply with nothing below it:
    /// it points at no steps.
    no_steps: bool,
    /// Each reading of [`Reading`] as two bits: read, and its value.
    read: Cell<u32>,
    /// Its [`Said::mirrors`], once read, with [`MIRRORS_READ`] set.
    mirrors: Cell<u8>,
}

/// What [`Said`] reads on demand.
#[derive(Clone, Copy)]
enum Reading {
    /// It gives a time, or a time word outside a pleasantry.
    Time,
    /// It gives a reason.
    Reason,
    /// It points at what follows ("Please see below", "details below").
    Below,
    /// It points at a document rather than telling what to do ("Please
    /// find attached our price list", "see below").
    Pointer,
    /// It names an amount of money or a percentage.
    Amount,
    /// It tells the customer what to do.
    Steps,
    /// It opens with a yes or a no.
    YesNo,
    /// It says we have done something ("I've sent this to the team", "we
    /// have booked an engineer").
    Done,
    /// It says where something stands ("it's out for delivery", "we
    /// received it on Tuesday", "it's with the courier").
    Status,
    /// It says something is sent to the customer, on its way, here or
    /// attached (see [`says_sent`]).
    Sent,
    /// It says something has already happened ("it was delivered to your
    /// porch", "the refund has arrived"), or that there is no time to tell
    /// yet ("We do not have any information on the restart"): no time is
    /// owed.
    Happened,
    /// It asks for what is needed to answer: a question, or a request to
    /// be told or sent something ("please let us know which device").
    Asks,
    /// It offers or pitches something rather than asking what is needed
    /// ("Which colour would you like?", "Did you know about our Premium
    /// plan?"): it asks about the customer's matter only if it speaks of
    /// it.
    Offer,
    /// "We've received your message": a receipt, which tells no status and
    /// does nothing asked.
    Receipt,
}

/// The own (agent) tokens of some sentences of the reply, their folded
/// words and room for their kinds, one after the other in three lists (not
/// three lists a sentence), and where each sentence's words start. The
/// kinds are looked up sentence by sentence, when a reading first needs
/// them all (see [`Said::bits`]): most sentences are asked only whether
/// their first word or two give a yes or a no, and most are read no
/// further.
struct Words<'r> {
    own: Vec<usize>,
    words: Vec<&'r str>,
    bits: Vec<Cell<u16>>,
    /// Per sentence, where its own tokens start in the lists, then the end.
    starts: Vec<usize>,
}

impl<'r> Words<'r> {
    /// The words of `sentences` of `reply`.
    fn of(reply: &'r Document<'r>, sentences: &[Range<usize>]) -> Words<'r> {
        let room = sentences.iter().map(|r| r.len()).sum();
        let (mut own, mut words) = (Vec::with_capacity(room), Vec::with_capacity(room));
        let mut starts = Vec::with_capacity(sentences.len() + 1);
        // One pass: each own token and its word, written into the room
        // taken above: pushes a word each reloaded and stored their list's
        // length, and checked writes cost about 1 k instructions per reply
        // with a message.
        let mut n = 0;
        {
            let (o, w) = (own.spare_capacity_mut(), words.spare_capacity_mut());
            let folded = reply.folded_words();
            for r in sentences {
                starts.push(n);
                // (The sentence's tokens as one slice: one bounds check.)
                for (k, t) in (r.start..).zip(&reply.tokens[r.clone()]) {
                    if t.is_agent() {
                        let word = t.folded(folded);
                        debug_assert!(n < room);
                        // SAFETY: `n` counts the own tokens written so far,
                        // at most one per token of the sentences, whose
                        // count is the lists' room: it is below the room.
                        unsafe {
                            o.get_unchecked_mut(n).write(k);
                            w.get_unchecked_mut(n).write(word);
                        }
                        n += 1;
                    }
                }
            }
        }
        starts.push(n);
        debug_assert!(n <= room);
        // SAFETY: the first `n` slots of each list's spare room (all of its
        // room: the lists are new) were written just above, in order, one
        // each per own token, and `n` is at most the room (see the writes).
        unsafe {
            own.set_len(n);
            words.set_len(n);
        }
        let bits = std::iter::repeat_with(|| Cell::new(0)).take(n).collect();
        Words { own, words, bits, starts }
    }
}

/// What sentence `r` of the reply says, the `i`th of `words` and of
/// `topics` (its topic as far as the questions' topics can share it).
fn said<'r>(reply: &'r Document<'r>, r: Range<usize>, words: &'r Words<'r>, i: usize, topics: &'r Topics) -> Said<'r> {
    let part = words.starts[i]..words.starts[i + 1];
    let (own, bits) = (&words.own[part.clone()], &words.bits[part.clone()]);
    let words = &words.words[part];
    let greeting = reply.greeting.as_ref().map_or(0..0, |g| g.addressee.clone());
    let opener = own.iter().zip(words).position(|(k, w)| {
        !greeting.contains(k)
            && !matches!(*w, "please" | "just" | "simply" | "and" | "then" | "also" | "hi" | "hello" | "hey" | "so")
    });
    let opener_kinds = opener.map_or(0, |i| kinds_keyed(words[i], reply.tokens[own[i]].key));
    Said {
        reply,
        topic: topics.get(i),
        range: r,
        own,
        words,
        bits,
        bits_read: Cell::new(false),
        opener,
        opener_kinds,
        no_steps: false,
        read: Cell::new(0),
        mirrors: Cell::new(0),
    }
}

impl Said<'_> {
    /// Reading `what`, read once.
    fn reads(&self, what: Reading, read: impl FnOnce(&Self) -> bool) -> bool {
        let bit = 2 * what as u32;
        let known = self.read.get();
        if known & 1 << bit != 0 {
            return known & 1 << (bit + 1) != 0;
        }
        let value = read(self);
        self.read.set(self.read.get() | 1 << bit | u32::from(value) << (bit + 1));
        value
    }

    /// The kinds of its words, looked up the first time a reading needs
    /// them all, then kept.
    fn bits(&self) -> &[Cell<u16>] {
        if !self.bits_read.get() {
            for ((&k, w), b) in self.own.iter().zip(self.words).zip(self.bits) {
                b.set(kinds_keyed(w, self.reply.tokens[k].key));
            }
            self.bits_read.set(true);
        }
        self.bits
    }

    /// The kinds of its `i`th word (0 past its end): the opener's kept,
    /// another's looked up alone while they are not all read.
    fn kinds_at(&self, i: usize) -> u16 {
        if self.opener == Some(i) {
            self.opener_kinds
        } else if self.bits_read.get() {
            self.bits.get(i).map_or(0, Cell::get)
        } else {
            self.own.get(i).map_or(0, |&k| kinds_keyed(self.words[i], self.reply.tokens[k].key))
        }
    }

    fn any(&self, kind: u16) -> bool {
        self.bits().iter().any(|b| b.get() & kind != 0)
    }

    fn first(&self) -> &str {
        self.opener.and_then(|i| self.words.get(i)).copied().unwrap_or("")
    }

    fn first_bits(&self) -> u16 {
        self.opener_kinds
    }

    fn second(&self) -> &str {
        self.opener.and_then(|i| self.words.get(i + 1)).copied().unwrap_or("")
    }

    fn in_span(&self, t: T) -> bool {
        hit_in(self.reply.hits(t), &self.range).is_some()
    }

    /// "We've received your message" starting at word `i`.
    fn receipt_at(&self, i: usize) -> bool {
        let w = &self.words[i..(i + 3).min(self.words.len())];
        w.len() == 3
            && matches!(w[0], "received" | "got" | "receiving" | "getting")
            && matches!(w[1], "your" | "the" | "this")
            && matches!(
                w[2],
                "message"
                    | "email"
                    | "e-mail"
                    | "query"
                    | "ticket"
                    | "request"
                    | "enquiry"
                    | "inquiry"
                    | "dm"
                    | "tweet"
                    | "call"
                    | "complaint"
                    | "feedback"
                    | "note"
                    | "letter"
                    | "messages"
            )
    }

    fn receipt(&self) -> bool {
        self.reads(Reading::Receipt, |s| (0..s.words.len()).any(|i| s.receipt_at(i)))
    }

    fn time(&self) -> bool {
        self.reads(Reading::Time, |s| {
            let reply = s.reply;
            // A time in a pleasantry answers no "when": "Good morning
            // Priya", "thanks for getting in touch today", "Have a great
            // weekend!".
            let time_word = s.any(TIME) && {
                let greeting = reply.greeting.as_ref().map_or(0..0, |g| g.addressee.clone());
                time_outside_pleasantry(reply, s.own, s.words, s.bits(), &greeting)
            };
            time_word
                || s.in_span(T::Concrete)
                || s.in_span(T::Vague)
                || s.own.iter().any(|&k| reply.tokens[k].is(flag::NUMBER) && reply.tokens[k].gap_has(gap::COLON))
        })
    }

    fn reason(&self) -> bool {
        self.reads(Reading::Reason, |s| s.any(REASON) || explains(s.reply, s.own, s.words) || narrates(s.words))
    }

    fn below(&self) -> bool {
        self.reads(Reading::Below, |s| s.words.iter().any(|w| matches!(*w, "below" | "following" | "follows")))
    }

    fn pointer(&self) -> bool {
        self.reads(Reading::Pointer, |s| {
            matches!(s.first(), "see" | "find" | "read")
                && matches!(s.second(), "attached" | "enclosed" | "below" | "above" | "the" | "our")
        })
    }

    fn amount(&self) -> bool {
        self.reads(Reading::Amount, |s| {
            let reply = s.reply;
            s.own.iter().any(|&k| {
                let t = reply.tokens[k];
                let before = reply.text[..t.span.start()].chars().next_back();
                t.is(flag::NUMBER) && (matches!(before, Some('£' | '$' | '€' | '¥' | '₹')) || t.gap_has(gap::PERCENT))
            }) || s.any(AMOUNT)
        })
    }

    fn steps(&self) -> bool {
        !self.no_steps
            && self.reads(Reading::Steps, |s| {
                // Its opening verb, else one pass over its words: "you can",
                // "you'll need", or the word "steps" or "settings".
                s.first_bits() & STEP != 0
                    || s.words.iter().enumerate().any(|(i, w)| match *w {
                        "steps" | "settings" => true,
                        "you" | "you'll" | "you'd" => s.words.get(i + 1).is_some_and(|n| {
                            matches!(
                                *n,
                                "can"
                                    | "will"
                                    | "need"
                                    | "may"
                                    | "should"
                                    | "could"
                                    | "just"
                                    | "have"
                                    | "would"
                                    | "must"
                            )
                        }),
                        _ => false,
                    })
            })
    }

    fn yes_no(&self) -> bool {
        self.reads(Reading::YesNo, |s| {
            let (first, second) = (s.first(), s.second());
            (s.first_bits() & YES_OR_NO != 0
                && (first != "good" || matches!(second, "news"))
                && (first != "great" || matches!(second, "news"))
                && (first != "of" || second == "course"))
                || s.opener.is_some_and(|i| elliptical_answer(s.own, s.words, |j| s.kinds_at(j), s.reply, i))
        })
    }

    /// Pronouns said with a verb that gives a yes or a no ("you'll", "we
    /// can", "it isn't"), as bits of [`PRONOUNS`] (no list allocated).
    fn mirrors(&self) -> u8 {
        let known = self.mirrors.get();
        if known & MIRRORS_READ != 0 {
            return known;
        }
        let m = {
            let bits = self.bits();
            let mut m = 0u8;
            for (i, w) in self.words.iter().enumerate() {
                // A pronoun ("you", its kinds tell), or a pronoun and what
                // follows its apostrophe ("you'll"): a pronoun has at most
                // four bytes, so the apostrophe is among the first five
                // (a byte search: an apostrophe is one byte). Any other
                // word is passed over unread.
                let (base, rest) = if bits[i].get() & PRONOUN != 0 {
                    (*w, "")
                } else {
                    match w.bytes().take(5).position(|b| b == b'\'') {
                        Some(p) => (&w[..p], &w[p + 1..]),
                        None => continue,
                    }
                };
                let Some(p) = PRONOUNS.iter().position(|p| *p == base) else { continue };
                // "We'd be grateful if you could rate your visit" asks; it
                // says no yes or no (the tenth QA pass).
                let asks = i > 0
                    && self.words[i - 1] == "if"
                    && self.words.get(i + 1).is_some_and(|w| matches!(*w, "could" | "would"));
                if asks {
                    continue;
                }
                let gives = matches!(rest, "ll" | "d" | "re" | "s" | "m")
                    || (rest.is_empty() && bits.get(i + 1).is_some_and(|n| n.get() & GIVES_ANSWER != 0));
                if gives {
                    m |= 1 << p;
                }
            }
            m | MIRRORS_READ
        };
        self.mirrors.set(m);
        m
    }

    fn done(&self) -> bool {
        self.reads(Reading::Done, |s| {
            let words = &s.words;
            let (first, second) = (s.first(), s.second());
            !s.receipt()
                // "Done - your card is now frozen", "All sorted!".
                && (matches!(first, "done" | "sorted")
                    || (matches!(first, "all" | "that's") && matches!(second, "done" | "sorted"))
                    || words.windows(2).any(|w| matches!(w[0], "i've" | "we've") && deed(w[1]))
                    // "your card is now frozen" (not "your ticket is now closed").
                    || words.windows(3).any(|w| {
                        matches!(w[0], "is" | "are" | "it's" | "they're") && w[1] == "now" && DONE_RESULTS.contains(&w[2])
                    })
                    || words
                        .windows(3)
                        .any(|w| matches!(w[0], "i" | "we") && matches!(w[1], "have" | "already") && deed(w[2])))
        })
    }

    /// Whether it says what we, or someone for us, will do: "An engineer
    /// will visit on Friday", "We'll replace the router", "I'm going to
    /// refund it" (not a question, nor what the customer will do, nor a
    /// condition: "if it drops again, we'll ...").
    fn promises(&self) -> bool {
        let words = &self.words;
        // The deed promised: a verb of doing after the future (not "will be
        // closed", "will need access", "we'll always do our best": the
        // reviewer's cases).
        let deed = |k: usize| {
            let k =
                if words.get(k).is_some_and(|w| matches!(*w, "personally" | "also" | "now" | "then" | "immediately")) {
                    k + 1
                } else {
                    k
                };
            words.get(k).is_some_and(|w| {
                matches!(
                    *w,
                    "visit"
                        | "replace"
                        | "repair"
                        | "fix"
                        | "send"
                        | "call"
                        | "refund"
                        | "credit"
                        | "arrive"
                        | "deliver"
                        | "contact"
                        | "come"
                        | "install"
                        | "collect"
                        | "check"
                        | "look"
                        | "investigate"
                        | "escalate"
                        | "process"
                        | "reset"
                        | "update"
                        | "ship"
                        | "book"
                        | "arrange"
                        | "swap"
                        | "exchange"
                        | "cancel"
                        | "remove"
                        | "restore"
                        | "reconnect"
                        | "upgrade"
                        | "waive"
                        | "raise"
                        | "chase"
                        | "pay"
                        | "reimburse"
                        | "compensate"
                )
            })
        };
        !self.receipt()
            && !words.iter().any(|w| matches!(*w, "if" | "unless" | "?"))
            && words.iter().enumerate().any(|(k, w)| match *w {
                "i'll" | "we'll" | "ill" | "they'll" | "he'll" | "she'll" => deed(k + 1),
                "will" | "shall" => k > 0 && !matches!(words[k - 1], "you" | "u" | "it") && deed(k + 1),
                "going" => {
                    k > 0
                        && matches!(words[k - 1], "i'm" | "we're" | "im")
                        && words.get(k + 1) == Some(&"to")
                        && deed(k + 2)
                }
                // "An engineer is booked for Friday".
                "booked" | "scheduled" | "arranged" => k > 0 && matches!(words[k - 1], "is" | "are" | "been"),
                _ => false,
            })
    }

    fn status(&self) -> bool {
        self.reads(Reading::Status, |s| {
            !s.receipt() && s.any(STATUS)
                || s.words.windows(3).any(|w| {
                    (w[0] == "on" && matches!(w[1], "its" | "the" | "their" | "it's") && w[2] == "way")
                        || (w[0] == "out" && w[1] == "for" && w[2] == "delivery")
                        || (w[0] == "with"
                            && matches!(w[1], "the" | "our" | "your")
                            && matches!(w[2], "courier" | "carrier" | "driver" | "warehouse"))
                })
        })
    }

    fn sent(&self) -> bool {
        self.reads(Reading::Sent, |s| !s.receipt() && says_sent(s.words))
    }

    fn happened(&self) -> bool {
        // (A receipt of the customer's own message tells nothing of when
        // what they asked about happens: "We have received your email".)
        self.reads(Reading::Happened, |s| {
            s.words.iter().enumerate().any(|(i, w)| {
                matches!(*w, "already" | "delivered" | "arrived" | "landed" | "completed" | "yesterday" | "ago")
                    || (*w == "received" && !s.receipt_at(i))
            }) || says_no_time(s.words)
        })
    }

    fn asks(&self) -> bool {
        self.reads(Reading::Asks, |s| {
            s.own.last().is_some_and(|&k| s.reply.tokens[k].gap_has(gap::QUESTION))
                || (s.in_span(T::Polite) && s.any(ASK_VERB) && s.any(ASK_WHAT))
        })
    }

    fn offer(&self) -> bool {
        self.reads(Reading::Offer, |s| offers(s.words))
    }
}

/// Whether a reply sentence (its own tokens `own`, folded `words`) gives a
/// reason without a word for one: a clause of consequence or cause after a
/// comma ("the old image was retired at midnight, so any pipeline ...",
/// "..., as the supply stays live"), "down to" or "thanks to" a cause, or
/// an event after which something happened ("it was blocked after three
/// wrong PINs").
fn explains(reply: &Document, own: &[usize], words: &[&str]) -> bool {
    (1..words.len()).any(|i| {
        let (prev, w) = (words[i - 1], words[i]);
        (matches!(w, "so" | "as" | "since") && reply.tokens[own[i - 1]].gap_has(gap::COMMA | gap::DASH))
            || (w == "to" && matches!(prev, "down" | "thanks" | "owing"))
            || (w == "after" && prev.len() > 3 && prev.ends_with("ed"))
    })
}

/// Whether a reply sentence's words tell what happened, which is how a
/// reason is mostly given ("the payment didn't go through on the first
/// try", "the courier missed the collection", "your password expired last
/// week"): a verb in the past after a subject that is not us (what we did
/// is no cause: "I've restored the order"), or a past negation. Not a
/// state ("your card is now active").
fn narrates(words: &[&str]) -> bool {
    const IRREGULAR: &[&str] =
        &["went", "came", "broke", "lost", "left", "fell", "ran", "took", "caught", "got", "hit", "sent", "sold"];
    (1..words.len()).any(|i| {
        let (prev, w) = (words[i - 1], words[i]);
        if matches!(w, "didn't" | "didnt" | "wasn't" | "wasnt" | "weren't" | "couldn't" | "hadn't") {
            return true;
        }
        let past = (w.len() > 4 && w.ends_with("ed") && !matches!(w, "needed" | "used" | "based" | "called"))
            || IRREGULAR.contains(&w);
        if !past {
            return false;
        }
        let ours = matches!(prev, "i" | "we" | "i've" | "we've" | "have" | "has" | "had" | "been" | "i'd" | "we'd");
        // (Not a participle that names: "find attached", "the updated form".)
        let naming = matches!(prev, "find" | "see" | "please" | "the" | "our" | "your" | "a" | "an" | "this" | "that");
        !ours && !naming && !matches!(prev, "to" | "be" | "is" | "are" | "get" | "will")
    })
}

/// Whether a reply sentence's words offer or pitch something: "would you
/// like", "do you want", "did you know about", "have you heard of",
/// "interested in".
fn offers(words: &[&str]) -> bool {
    words.windows(3).any(|w| {
        (matches!(w[0], "would" | "do" | "did" | "d'you")
            && matches!(w[1], "you" | "u")
            && matches!(w[2], "like" | "want" | "fancy" | "know"))
            || (matches!(w[0], "have" | "you've")
                && matches!(w[1], "you" | "u" | "heard" | "considered")
                && matches!(w[2], "heard" | "considered" | "of" | "about" | "seen"))
    }) || words.windows(2).any(|w| matches!(w[0], "interested" | "tempted") && matches!(w[1], "in" | "by"))
}

/// Whether a reply sentence's words say there is no time to tell yet: a
/// negation before a word for news of it ("We do not have any information
/// on the restart", "there's no date yet", "I can't give you an ETA").
fn says_no_time(words: &[&str]) -> bool {
    let mut denied = false;
    words.iter().any(|w| {
        denied |= matches!(*w, "no" | "not" | "unable" | "cannot" | "without") || w.ends_with("n't");
        denied
            && matches!(
                *w,
                "information"
                    | "info"
                    | "update"
                    | "updates"
                    | "news"
                    | "date"
                    | "dates"
                    | "timeline"
                    | "timeframe"
                    | "timescale"
                    | "eta"
                    | "idea"
            )
    })
}

/// Whether the reply sentence's words from `i` (its first past the
/// greeting) open with a yes or a no said by its verb alone: "It does!",
/// "They don't, sadly", "Yes it is.", "Unfortunately it isn't".
/// (`kinds`: the kinds of its `j`th word, looked up only for the one or
/// two words read.)
fn elliptical_answer(own: &[usize], words: &[&str], kinds: impl Fn(usize) -> u16, reply: &Document, i: usize) -> bool {
    let i = if kinds(i) & YES_OR_NO != 0 { i + 1 } else { i };
    let (Some(&subject), Some(&verb)) = (words.get(i), words.get(i + 1)) else { return false };
    if !(PRONOUNS.contains(&subject) || matches!(subject, "that" | "this" | "there" | "both")) {
        return false;
    }
    // ("I have, however, cancelled it" is no answer: "have" only in "I haven't".)
    if kinds(i + 1) & GIVES_ANSWER == 0 && !matches!(verb, "did" | "didn't" | "hasn't" | "haven't") {
        return false;
    }
    // The verb, or the "not" after it, ends the clause.
    let end = if words.get(i + 2) == Some(&"not") { i + 2 } else { i + 1 };
    end + 1 == own.len() || reply.tokens[own[end]].gap_has(gap::CLAUSE)
}

/// Whether a reply sentence (`own` tokens, folded `words`, their kinds
/// `bits`) names a time outside a pleasantry: the greeting ("Good morning
/// Priya"), or a clause that thanks or wishes ("thanks for your message
/// today", "Have a great day", "Enjoy your weekend"), up to the clause's
/// end. (Read word by word, no list of which words are pleasantries made.)
fn time_outside_pleasantry(
    reply: &Document,
    own: &[usize],
    words: &[&str],
    bits: &[Cell<u16>],
    greeting: &Range<usize>,
) -> bool {
    let mut in_pleasantry = false;
    let mut clause_start = true;
    for (i, ((&k, w), b)) in own.iter().zip(words).zip(bits).enumerate() {
        if clause_start {
            let next = words.get(i + 1).copied().unwrap_or("");
            in_pleasantry = matches!(*w, "thanks" | "thank" | "enjoy")
                || (*w == "good" && matches!(next, "morning" | "afternoon" | "evening" | "day" | "night"))
                || (*w == "have" && matches!(next, "a" | "an"));
        }
        if b.get() & TIME != 0 && !(in_pleasantry || k < greeting.end) {
            return true;
        }
        clause_start = reply.tokens[k].gap_has(gap::CLAUSE & !gap::DASH);
    }
    false
}

/// The questions of a customer's message and what each is about: read in
/// the message alone (see `rules::MessageFacts`).
pub(crate) struct Asked {
    qs: Vec<Question>,
    /// Each question's own words (see [`asked`]).
    topics: Vec<Topic>,
}

/// The questions of `msg`, and each one's own words: its content words,
/// less those another question or another sentence of the message shares
/// (what the whole message is about), or all of them if that leaves none.
/// `sentences`: the message's.
pub(crate) fn asked(msg: &Document, sentences: &[Range<usize>]) -> Asked {
    let qs = questions(msg, sentences);
    if qs.is_empty() {
        return Asked { qs, topics: Vec::new() };
    }
    // Words are counted over the message once. A question with no word of
    // its own that points back ("I want to close my account. How do I do
    // that?") is about the sentence before it, which gives its words.
    let whole: Vec<Topic> = qs
        .iter()
        .map(|q| {
            let own = Topic::of(msg, q.tokens.clone());
            if !own.is_empty() || !points_back(msg, q.tokens.clone()) {
                return own;
            }
            let at = sentences.partition_point(|s| s.end <= q.tokens.start);
            match at.checked_sub(1).map(|i| &sentences[i]) {
                Some(before) if at < sentences.len() && sentences[at].start >= q.tokens.start => {
                    Topic::of(msg, before.clone())
                }
                _ => own,
            }
        })
        .collect();
    let mut seen = crate::rules::exchange::Census::of(&whole);
    let mut qi = 0;
    for s in sentences {
        while qi < qs.len() && qs[qi].tokens.end <= s.start {
            qi += 1;
        }
        let holds_question = qs[qi..].iter().take_while(|q| q.tokens.start < s.end).any(|q| q.tokens.end > s.start);
        if !holds_question {
            seen.count_words(msg, s.clone());
        }
    }
    for t in &whole {
        seen.count(t, true);
    }
    let mut topics = whole;
    for t in &mut topics {
        seen.narrow(t);
    }
    Asked { qs, topics }
}

/// Whether a question's words point back at what was said before it: "do
/// that", "fix it", "why is this?".
fn points_back(msg: &Document, r: Range<usize>) -> bool {
    r.filter(|&k| msg.tokens[k].is_agent()).any(|k| matches!(msg.fold(k), "that" | "it" | "this" | "so"))
}

pub(crate) fn check(ex: &Exchange, _findings: &[Finding], relation: &mut Relation, out: &mut Vec<Finding>) {
    let (msg, reply) = (ex.message, ex.reply);
    let Asked { qs, topics } = &ex.facts.asked;
    relation.questions = qs.len();
    if qs.is_empty() {
        return;
    }
    // A hand-off in an offer of more help ("don't hesitate to get in touch
    // if there's anything else") hands nothing on.
    // So does a link to a page of its own; a site's front page ("visit
    // delta.com", "our Help site help.example.net/hc/en-us") answers nothing.
    // And "thanks for reaching out to us" thanks the customer for writing.
    let handed_on = reply
        .hits(T::Deferral)
        .iter()
        .any(|h| !thanked_for(reply, h.first as usize) && !offers_more_help(reply, reply.sentence_of(h.first as usize)))
            // A number to call hands on the one question asked; where there
            // are more, it answers the one about how to reach someone.
            || (qs.len() == 1 && gives_number_to_call(reply, ex.sentences));
    let one_question = qs.len() == 1;
    // A link to a page (not a site's front page) hands on the questions,
    // written in full or not ("gov.uk/foreign-travel-advice/vietnam"); a
    // survey hands nothing on (the tenth QA pass: "clinic.example/feedback"
    // does not say whether the report is in the portal).
    let linked = reply.web_link_spans(true).any(|l| {
        let w = &reply.text[l];
        !front_page(w) && {
            let words = reply.token_at(l.start())..reply.token_at(l.end());
            !words.clone().any(|k| matches!(reply.fold(k), "survey" | "surveys" | "feedback"))
        }
    });
    // Handed on or linked, every question is addressed (see `addressed`
    // below): the reply's sentences need not be read.
    let vague_only = || reply.hits(T::Concrete).is_empty() && !reply.hits(T::Vague).is_empty();
    if handed_on || linked {
        relation.vaguely += if vague_only() { qs.iter().filter(|q| q.kind == Kind::When).count() } else { 0 };
        relation.unanswered = 0;
        return;
    }
    let ranges: Vec<Range<usize>> = body(reply, ex.sentences)
        .into_iter()
        .filter(|r| !offers_more_help(reply, r.clone()) && !pleasantry(reply, r.clone()))
        .collect();
    let words = Words::of(reply, &ranges);
    // A reply sentence's topic is read only as far as the questions'
    // topics can share it; all in one list.
    let said_topics = Topics::of_within(reply, &ranges, &Topic::beginnings(topics));
    let mut sentences: Vec<Said> =
        ranges.into_iter().enumerate().map(|(i, r)| said(reply, r, &words, i, &said_topics)).collect();
    // "Please see below" with nothing below points at no steps.
    if let Some(last) = sentences.last_mut().filter(|s| s.below()) {
        last.no_steps = true;
    }
    // A question back asks what is needed to answer, unless it offers or
    // sells something the message never spoke of ("Which colour would you
    // like?" to "How do I close my account?"). The message's words are
    // read only when a question back offers, and the sentences only when
    // a question back would matter (most replies are read for none). (The
    // whole topic of a sentence that offers, all its content words, is
    // read where it is asked about, at most twice, and not kept: a
    // sentence holds nothing to drop.)
    let message_topic = OnceCell::new();
    let asks_back = |s: &Said| {
        s.asks()
            && !(s.offer() && {
                let whole = Topic::of(reply, s.range.clone());
                !whole.is_empty()
                    && !message_topic.get_or_init(|| Topic::of(msg, 0..msg.tokens.len())).meets(whole.view())
            })
    };
    // Each "Yes, ..." answers the yes-no question it speaks of, else the
    // first one no opener answers yet.
    // Per question, whether an opener answers it (`OPENED`) and whether it
    // is addressed (`ADDRESSED`): on the stack for up to 64 questions (a
    // message asks a few; `MAX_QUESTIONS` stops the reading only between
    // sentences, so a list may hold more).
    const OPENED: u8 = 1;
    const ADDRESSED: u8 = 2;
    let mut on_stack = [0u8; 64];
    let mut on_heap = Vec::new();
    let marks: &mut [u8] = match on_stack.get_mut(..qs.len()) {
        Some(marks) => marks,
        None => {
            on_heap.resize(qs.len(), 0);
            &mut on_heap
        }
    };
    // (The sentences are read for a yes or a no only for a yes-no
    // question: no other is opened.)
    let yes_nos = if qs.iter().any(|q| q.kind == Kind::YesNo) { &sentences[..] } else { &[] };
    for s in yes_nos.iter().filter(|s| s.yes_no()) {
        let yes_no = |i: &usize| qs[*i].kind == Kind::YesNo && marks[*i] & OPENED == 0;
        let about = (0..qs.len()).filter(yes_no).find(|&i| topics[i].meets(s.topic));
        if let Some(i) = about.or_else(|| (0..qs.len()).find(yes_no)) {
            marks[i] |= OPENED;
        }
    }
    // Whether the reply gives a time anywhere, or says it is past or not
    // known yet (what a "when" question needs).
    // (Read only for a "when" question, and the reason below only for a
    // "why" one: no other question asks.)
    let gives_time = qs.iter().any(|q| q.kind == Kind::When) && sentences.iter().any(|s| s.time() || s.happened());
    // Whether it gives a reason anywhere (what a "why" question needs:
    // speaking of the card is no reason it was blocked).
    let gives_reason = qs.iter().any(|q| q.kind == Kind::Why) && sentences.iter().any(|s| s.reason());
    for (i, (q, topic)) in qs.iter().zip(topics).enumerate() {
        let opened = marks[i] & OPENED != 0;
        // A long question needs two of its words in one sentence of the
        // reply: a reply that names the product it is about does not yet
        // answer what it asks.
        let needed = if topic.words() >= 4 { 2 } else { 1 };
        let about = |s: &Said| topic.shares(s.topic, needed);
        // A sentence that another question's words claim answers that one.
        let free = |s: &Said| !topics.iter().any(|t| !std::ptr::eq(t, topic) && t.meets(s.topic));
        // (At most MAX_QUESTIONS questions: this stays linear in the reply.)
        let typed = |s: &Said| match q.kind {
            Kind::When => s.time(),
            Kind::Why => s.reason(),
            Kind::How => s.steps(),
            Kind::Amount => s.amount(),
            Kind::YesNo => q.subject.is_some_and(|p| mirror(p) & s.mirrors() != 0),
            Kind::Other => false,
        };
        // A "when" question needs a time: a reply that speaks of what it
        // asks about but gives no time anywhere, nor says it has already
        // happened, leaves it open ("When will my order arrive?" — "Your
        // order has been dispatched").
        let timed = q.kind != Kind::When || gives_time;
        // Likewise a "why" question needs a reason: "Why was my card
        // blocked?" is not answered by "your card is now active".
        let timed = timed && (q.kind != Kind::Why || gives_reason);
        // "What documents do I need?" — "You'll need your PAN card and ...":
        // told with the verb it asks about, said to them (the verb read
        // only when the tests before it leave the question open).
        let told = || {
            let verb = match q.kind {
                Kind::Other | Kind::How => own_verb(msg, q.tokens.clone()),
                _ => None,
            };
            verb.is_some_and(|v| sentences.iter().any(|s| tells_you(s.words, v) && free(s)))
        };
        // "..., and if so, how do I get a label?" hangs on the question
        // before it: answered with that one ("no need to return it").
        // (Its first words and the three before, read in place, and only
        // after a question that is addressed; tested first, as it costs
        // a few words where the tests below read the reply's sentences.)
        let conditional = || {
            let near = q.tokens.start.saturating_sub(3)..q.tokens.end.min(q.tokens.start + 4);
            near.clone().any(|k| match msg.fold(k) {
                "otherwise" => true,
                "if" => k + 1 < near.end && matches!(msg.fold(k + 1), "so" | "not" | "yes"),
                _ => false,
            })
        };
        let addressed = (i > 0 && marks[i - 1] & ADDRESSED != 0 && conditional())
            || opened
            || topic.is_empty()
            || told()
            || (timed && sentences.iter().any(about))
            || sentences.iter().any(|s| typed(s) && free(s))
            // A count answers how many: "How many bags am I allowed?" —
            // "Your fare includes one 10kg carry-on plus one 23kg case".
            || (q.traits(msg).count && sentences.iter().any(|s| free(s) && counts(s.words)))
            // An amount answers a yes-no question about a price wherever
            // it stands ("Do you ship there, and is it the same price?").
            // A question about what something costs is answered by an
            // amount of money anywhere ("How much will it cost per day?" —
            // "On your plan it's £2.25 a day, and ...").
            // And why a bill or a price went up is told by the amounts
            // it is made of ("the extra $18 is a one-time charge ...").
            || (matches!(q.kind, Kind::YesNo | Kind::Amount) && q.traits(msg).money && sentences.iter().any(|s| s.amount()))
            || (q.kind == Kind::Why && names_sum(msg, q) && sentences.iter().any(|s| s.amount()))
            // Where something stands, told in a sentence no other question
            // claims ("Where is my order?" — "Your parcel is out for
            // delivery"; "Has my return been received?" — "It arrived at
            // our warehouse on Tuesday").
            || (timed && q.asks_status(msg) && sentences.iter().any(|s| s.status() && free(s)))
            // A request, met by what we did ("Could you look into it?" —
            // "I've sent this to our deposits team").
            || (q.traits(msg).request && sentences.iter().any(|s| s.done() && (free(s) || deeds(s.words) >= 2)))
            // A deed asked of someone, met by the deed promised ("Could
            // someone call me?" — "Our team will ring you tomorrow").
            || q.traits(msg).deed.is_some_and(|d| sentences.iter().any(|s| promises_deed(s.words, d)))
            // What will be done, met by what we will do too.
            || (q.traits(msg).action && sentences.iter().any(|s| s.promises() && free(s)))
            // A request to send something, met by the thing sent, on its
            // way, here or attached, whatever noun stands for it ("Can you
            // send a new one?" — "A new handle is on its way").
            || (q.traits(msg).sending && sentences.iter().any(|s| s.sent() && free(s)))
            // Whether someone is coming out, met by who is coming or there.
            || (q.traits(msg).visit
                && sentences.iter().any(|s| {
                    speaks_of_visit(s.words, true) || (s.time() && names_visitor(reply, s.range.clone()))
                }))
            // Whether it comes on a day, met by a time ("Is it coming
            // today?" — "It will be with you by 8 pm tonight").
            || (q.traits(msg).on_a_day && sentences.iter().any(|s| s.time() && free(s)))
            // A plea for help ("..., any help?") is met by where help is,
            // even a help site's front page.
            || (asks_help(msg, q) && reply.has_link())
            // For a message of one question, a question back, or steps
            // for a question of how (an unrelated "you can pay by card"
            // tells no yes or no, and "see below" no reason).
            || (one_question && sentences.iter().any(|s| asks_back(s) || steps_answer(msg, q, s)));
        if addressed {
            marks[i] |= ADDRESSED;
        }
    }
    // A reply that answers nothing yet but asks for what it needs ("Which
    // device are you on?") addresses every question for now; one that
    // answers some and asks about those leaves the others open.
    // (The sentences are read for a question back only when no question
    // is addressed: otherwise it changes nothing.)
    if !marks.iter().any(|m| m & ADDRESSED != 0) && sentences.iter().any(asks_back) {
        marks.iter_mut().for_each(|m| *m |= ADDRESSED);
    }
    // A "when" answered where the reply gives no concrete time but a vague
    // one ("they will get back to you soon"): addressed, only vaguely (the
    // usability review found "Answers 2 of 2" beside the "soon" tip).
    let vague_only = vague_only();
    let mut unanswered = 0;
    for (q, &mark) in qs.iter().zip(marks.iter()) {
        let addressed = mark & ADDRESSED != 0;
        if addressed {
            relation.vaguely += usize::from(vague_only && q.kind == Kind::When);
            continue;
        }
        unanswered += 1;
        // The message is the cue's own; the question is the finding's context.
        out.push(Finding::new(Cue::QuestionUnanswered, None).with_context(q.span));
    }
    relation.unanswered = unanswered;
}

/// How many deeds of ours `words` tell ("I've refunded the £79.99, and I've
/// turned on PIN protection": two): a sentence of two deeds can meet two
/// requests, though both claim it.
fn deeds(words: &[&str]) -> usize {
    words.windows(2).filter(|w| matches!(w[0], "i've" | "we've") && deed(w[1])).count()
}

/// Whether `words` give a count: a number word or a number of up to three
/// digits with a word after it that it counts ("one 10kg carry-on", "2
/// free changes"; not "one of our team", not "order 88412").
fn counts(words: &[&str]) -> bool {
    words.windows(2).any(|w| {
        let n = w[0];
        let number_word = matches!(
            n,
            "one"
                | "two"
                | "three"
                | "four"
                | "five"
                | "six"
                | "seven"
                | "eight"
                | "nine"
                | "ten"
                | "both"
                | "unlimited"
        );
        let digits = !n.is_empty() && n.len() <= 3 && n.bytes().all(|b| b.is_ascii_digit());
        (number_word || digits) && !matches!(w[1], "of" | "more" | "another" | "moment" | "sec" | "second")
    })
}

/// The verb a question asks about the customer's own doing, after "do|
/// should|can|must I|we" ("What documents do I need?": "need"; "Which
/// form should I fill in?": "fill"), if it says more than "do" or "be".
/// (The eighth QA pass: a two-question message whose documents question
/// was answered by "You'll need your PAN card ...".)
fn own_verb<'m>(msg: &'m Document, r: Range<usize>) -> Option<&'m str> {
    // The own words walked in place (no list made): the first "do|should|
    // can|must|shall I|we" with a word after it.
    let mut own = r.filter(|&k| msg.tokens[k].is_agent()).map(|k| msg.fold(k));
    let mut after = loop {
        if !matches!(own.next()?, "do" | "should" | "can" | "must" | "shall") {
            continue;
        }
        let mut after = own.clone();
        // (No word after it, or none after that: nor after any later one.)
        let (subject, _) = (after.next()?, after.clone().next()?);
        if matches!(subject, "i" | "we") {
            break after;
        }
    };
    // "do I need to bring": the verb after "need to" or "have to".
    let verb = match (after.next()?, after.next(), after.next()) {
        ("need" | "have", Some("to"), Some(v)) => v,
        (v, _, _) => v,
    };
    // Verbs that say little of their own ("Which app should I get?" is not
    // told by "once you get set up") leave the question to its words.
    let generic = matches!(
        verb,
        "do" | "be"
            | "have"
            | "get"
            | "use"
            | "go"
            | "make"
            | "take"
            | "see"
            | "put"
            | "i"
            | "we"
            | "you"
            | "it"
            | "they"
    );
    (!generic).then_some(verb)
}

/// Whether `words` tell the customer what they do with `verb`: "you'll
/// need", "you will also need", "you just need".
fn tells_you(words: &[&str], verb: &str) -> bool {
    words.iter().enumerate().any(|(i, w)| {
        let between = &words[i + 1..words.len().min(i + 4)];
        let Some(at) = between.iter().position(|b| *b == verb) else { return false };
        // Not denied: "You won't need an appointment" tells no document.
        matches!(*w, "you" | "you'll" | "you'd" | "u")
            && !between[..at].iter().any(|b| {
                matches!(*b, "won't" | "wont" | "don't" | "dont" | "not" | "never" | "needn't" | "didn't" | "shouldn't")
            })
    })
}

/// Whether question `q` names a sum of money: a price word, a bill, or an
/// amount ("Why has my direct debit gone up from £95 to £140?").
fn names_sum(msg: &Document, q: &Question) -> bool {
    q.traits(msg).money
        || q.tokens.clone().any(|k| {
            let t = msg.tokens[k];
            let before = msg.text[..t.span.start()].chars().next_back();
            matches!(msg.fold(k), "bill" | "bills" | "charged" | "debit")
                || (t.is(flag::NUMBER) && matches!(before, Some('£' | '$' | '€' | '¥' | '₹')))
        })
}

/// Whether steps answer question `q`, where the reply says nothing of
/// what it asks: they tell how, or what the customer is to do ("Should I
/// take her to A&E?" — "Please call NHS 111 now"; "Is there parking?" —
/// "You can park across the road"), but not whether there is a price or
/// a discount, which takes an amount or a yes or a no ("Is there a
/// student discount?" — "You can pay by card"); and a pointer to a
/// document ("Please find attached our price list") gives no reason.
fn steps_answer(msg: &Document, q: &Question, s: &Said) -> bool {
    s.steps() && (q.kind != Kind::YesNo || !q.traits(msg).money) && !(q.kind == Kind::Why && s.pointer())
}

/// Whether the reply's words at token `k` are what the customer is thanked
/// for: "thanks for reaching out to us", "thank you so much for getting in
/// touch" (a look at the five words before).
fn thanked_for(reply: &Document, k: usize) -> bool {
    k > 0
        && reply.fold(k - 1) == "for"
        && (k.saturating_sub(6)..k - 1).any(|j| {
            reply.tokens[j].sentence == reply.tokens[k].sentence
                && matches!(reply.fold(j), "thanks" | "thank" | "thx" | "appreciate" | "grateful")
        })
}

/// Whether sentence `r` of the reply offers help with anything else ("if
/// you have any other questions", "anything else you need", "don't
/// hesitate to ..."), rather than taking up this matter: it neither
/// answers a question nor hands it on.
fn offers_more_help(reply: &Document, r: Range<usize>) -> bool {
    // The words an offer ends with: a sentence with none of them (their
    // keys tell) offers nothing, and is not read.
    const ENDS: crate::hash::KeyBloom =
        crate::hash::KeyBloom::of(&[&["hesitate else questions question queries help concerns issues"]]);
    // (The sentence's tokens as one slice: one bounds check.)
    let tokens = &reply.tokens[r];
    if !tokens.iter().any(|t| t.is_agent() && ENDS.may_hold(t.key)) {
        return false;
    }
    // Each of the agent's words beside the one before it, unallocated.
    let mut prev = "";
    let folded = reply.folded_words();
    tokens.iter().filter(|t| t.is_agent()).any(|t| {
        let w = t.folded(folded);
        // "anything else", not "so nothing else can go through on it".
        let offer = w == "hesitate"
            || (matches!(prev, "other" | "further" | "more" | "additional")
                && matches!(w, "questions" | "question" | "queries" | "help" | "concerns" | "issues"))
            || (matches!(prev, "anything" | "something" | "whatever") && w == "else");
        prev = w;
        offer
    })
}

/// Whether sentence `r` of the reply is a pleasantry, short, that answers
/// nothing however many of the question's words it echoes: admiration of
/// the customer's plans ("Austria in February sounds amazing!"), a wish
/// ("Have a wonderful trip!", "Enjoy your new bike"), thanks for choosing
/// us ("Thanks for choosing CoverWise for your travel insurance") (session
/// 32, from the tuning pairs: "I'd like to know if my travel policy covers
/// skiing, going to Austria in February" is not answered by them).
fn pleasantry(reply: &Document, r: Range<usize>) -> bool {
    let n = r.len();
    if n > 14 {
        return false;
    }
    let w = |j: usize| if j < n { reply.fold(r.start + j) } else { "" };
    const FINE: &[&str] = &[
        "amazing",
        "lovely",
        "great",
        "fun",
        "wonderful",
        "exciting",
        "fantastic",
        "brilliant",
        "perfect",
        "incredible",
        "beautiful",
        "awesome",
        "good",
        "nice",
        "safe",
        "magical",
    ];
    let fine = |x: &str| FINE.contains(&x);
    let admired = n <= 8 && (1..n).any(|j| matches!(w(j - 1), "sounds" | "sound" | "looks") && fine(w(j)));
    let wish = (n <= 6 && w(0) == "have" && matches!(w(1), "a" | "an") && fine(w(2))) || (n <= 6 && w(0) == "enjoy");
    let chosen = {
        let j = if w(0) == "thank" && w(1) == "you" { 2 } else { usize::from(w(0) == "thanks") };
        j > 0 && w(j) == "for" && matches!(w(j + 1), "choosing" | "considering")
    };
    admired || wish || chosen
}

/// Whether the reply's body gives a number to call ("please call
/// 1-800-848-9136", "ring us on 0800 123 456"): the matter is handed to the
/// phone line. Not a signature's "Phone: ...", the customer's words quoted
/// below, a date ("we'll call you back on 12.03.2026") or a reference
/// ("your call reference is 48213377").
fn gives_number_to_call(reply: &Document, sentences: &[Range<usize>]) -> bool {
    let n = reply.tokens.len();
    body(reply, sentences).into_iter().any(|r| {
        r.clone().any(|k| {
            let t = &reply.tokens[k];
            if !t.is_agent()
                || t.gap_has(gap::COLON)
                || !matches!(reply.fold(k), "call" | "ring" | "phone" | "contact" | "text" | "dial")
            {
                return false;
            }
            // "call us on", "ring our helpline at": a few words, then the number.
            let mut j = k + 1;
            while j < r.end
                && j <= k + 3
                && matches!(
                    reply.fold(j),
                    "us" | "our" | "the" | "team" | "helpline" | "line" | "on" | "at" | "free" | "freephone"
                )
            {
                j += 1;
            }
            if j >= r.end || !reply.tokens[j].is(flag::NUMBER) {
                return false;
            }
            // The whole number, through hyphens and spaces, in its sentence.
            let mut end = j;
            let mut digits = reply.word(j).bytes().filter(u8::is_ascii_digit).count();
            while end + 1 < n.min(r.end)
                && reply.tokens[end + 1].is(flag::NUMBER)
                && reply.text[reply.tokens[end].span.end()..reply.tokens[end + 1].span.start()]
                    .bytes()
                    .all(|b| matches!(b, b' ' | b'-'))
            {
                end += 1;
                digits += reply.word(end).bytes().filter(u8::is_ascii_digit).count();
            }
            digits >= 7
        })
    })
}

/// Whether question `q` only asks for help: "help" among its last four
/// words ("..., any help?", "can anyone help me?").
fn asks_help(msg: &Document, q: &Question) -> bool {
    q.tokens
        .clone()
        .rev()
        .filter(|&k| msg.tokens[k].is_agent())
        .take(4)
        .any(|k| matches!(msg.fold(k), "help" | "helps" | "assist" | "advice" | "advise"))
}

/// Whether `url` is a site's front page: a host with nothing after it
/// but a language, a country or a help centre's root ("delta.com",
/// "https://help.minecraft.net/hc/en-us"). An archived link is read as the
/// page it archives.
fn front_page(url: &str) -> bool {
    // A query or a fragment names a page: "index.php?route=account/order",
    // "example.com/#/orders/123".
    if url.contains(['?', '#']) {
        return false;
    }
    let url = url.split_once("://").map_or(url, |(_, rest)| rest);
    // An archived page is the page it archives.
    if let Some(rest) = url.strip_prefix("web.archive.org/web/") {
        return rest.split_once("/http").is_some_and(|(_, page)| front_page(page));
    }
    url.split('/').skip(1).filter(|s| !s.is_empty()).all(|s| {
        let locale = s.len() == 2 || (s.len() == 5 && matches!(s.as_bytes()[2], b'-' | b'_'));
        locale
            || ["hc", "home", "index.html", "index.htm", "index.php", "welcome"]
                .iter()
                .any(|h| s.eq_ignore_ascii_case(h))
    })
}

/// The sentences of the reply's body: its own words, without a short
/// greeting line ("Dear Policyholder,") or the sign-off ("Best wishes,\n
/// International Shipping"), whose words say nothing about the questions.
/// (`sentences`: the reply's.)
fn body(reply: &Document, sentences: &[Range<usize>]) -> Vec<Range<usize>> {
    // (Room for every sentence: a filter gives no length, and the list
    // would grow step by step.)
    let mut out: Vec<Range<usize>> = Vec::with_capacity(sentences.len());
    out.extend(sentences.iter().filter(|r| (*r).clone().any(|k| reply.tokens[k].is_agent())).cloned());
    if let (Some(first), Some(g)) = (out.first(), &reply.greeting) {
        // Only a line that is nothing but the greeting ("Hi Tobias,").
        if first.contains(&g.addressee.start.saturating_sub(1))
            && first.end <= g.addressee.end.max(g.addressee.start + 1)
        {
            out.remove(0);
        }
    }
    // The sign-off: a short line that opens with a closing word, and
    // everything after it.
    let closing = out.iter().rposition(|r| {
        r.len() <= 3
            && matches!(
                reply.fold(r.start),
                "regards"
                    | "best"
                    | "kind"
                    | "warm"
                    | "many"
                    | "thanks"
                    | "thank"
                    | "cheers"
                    | "sincerely"
                    | "yours"
                    | "all"
            )
    });
    if let Some(c) = closing.filter(|&c| c > 0 && out.len() - c <= 4) {
        out.truncate(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::*;
    use crate::Cue;

    /// `mirror` gives the bits of the pronouns an answer uses.
    #[test]
    fn each_mirror_bit_is_its_pronoun() {
        let bits = |ps: &[&str]| ps.iter().fold(0u8, |m, p| m | 1 << PRONOUNS.iter().position(|x| x == p).unwrap());
        for (p, answers) in
            [("i", &["you"][..]), ("we", &["you"]), ("you", &["we", "i"]), ("u", &["we", "i"]), ("it", &["it"])]
        {
            assert_eq!(mirror(p), bits(answers), "{p}");
        }
        assert_eq!(mirror("they"), bits(&["they"]));
        assert_eq!(bits(PRONOUNS) & MIRRORS_READ, 0);
    }

    /// The kind bits name the lists of `kinds`' word map, in its order.
    #[test]
    fn each_kind_bit_is_its_list() {
        assert_eq!(WORD_LISTS.len(), 15);
        for &(bit, list) in WORD_LISTS {
            for w in list {
                assert!(word_is(w, bit), "{w} in the list of bit {bit}");
            }
            for other in ["", "zebra", "Can", "tim"] {
                assert!(!word_is(other, bit), "{other}");
            }
        }
        assert_eq!(kinds("which"), WH | ASK_WHAT, "a word in two lists has both bits");
    }

    #[test]
    fn every_word_that_asks_about_a_day_is_a_time_word() {
        // `questions` passes over an own word that is no time word before
        // asking `asks_about_day` of it.
        let days = crate::words::WEEKDAYS.iter().chain(&["today", "tomorrow", "tonight", "week", "month"]);
        for w in days.chain(&["weekend", "morning", "afternoon", "evening"]) {
            assert!(names_a_day(w) || matches!(*w, "today" | "tomorrow" | "tonight" | "week" | "month"), "{w}");
            assert!(word_is(w, TIME), "{w}");
        }
    }

    #[test]
    fn reads_a_message_of_more_than_sixty_four_questions() {
        // The reading stops only between sentences: the last sentence read
        // adds its joined questions past `MAX_QUESTIONS`, and the questions'
        // marks are then kept off the stack.
        let mut message = "When will it ship? ".repeat(MAX_QUESTIONS - 1);
        message.push_str("When will it ship, and can I pay by card, and can I return it, and can I swap it?");
        let ctx = crate::Context::default().and_customer_message(message);
        let report = crate::analyze("Hi Sam, it ships on Friday 21 June.", &ctx);
        let relation = &report.message.expect("a message").relation;
        assert!(relation.questions > MAX_QUESTIONS, "{relation:?}");
        assert!(relation.unanswered > 0 && relation.unanswered < relation.questions, "{relation:?}");
    }

    #[test]
    fn flags_each_question_the_reply_leaves_out() {
        assert_context(
            Cue::QuestionUnanswered,
            "Hi, my blender arrived with a cracked jug. ⟦Can you send a replacement jug?⟧ ⟦Also, do you sell spare blades?⟧",
            "Hi Sam, thanks for your order! We hope you enjoy your new blender.",
        );
        assert_context(
            Cue::QuestionUnanswered,
            "The invoice for March is wrong. Can you correct the VAT line? ⟦And why was I charged a late fee when I paid on time?⟧",
            "Hi Dana, I've corrected the VAT line on the March invoice and attached the new copy.",
        );
    }

    #[test]
    fn where_something_stands_is_its_status() {
        // The fifteenth QA pass: answered by what became of the claim.
        let message = "Hello, I submitted my claim (CLM-20931) two weeks ago and haven't heard anything. Could you tell me where it stands? Regards, Helen Carter";
        assert_no_context(
            Cue::QuestionUnanswered,
            message,
            "Dear Helen, claim CLM-20931 has been assessed and approved; the payment will reach your account by Friday 21 June.",
        );
        assert_context(
            Cue::QuestionUnanswered,
            "Hello, I submitted my claim two weeks ago. ⟦Could you tell me where it stands?⟧",
            "Dear Helen, thank you for choosing us for your home insurance.",
        );
    }

    #[test]
    fn a_question_after_a_greeting_that_names_someone_is_asked() {
        assert_context(
            Cue::QuestionUnanswered,
            "Hello Support, ⟦where is my order 7710?⟧",
            "Hi, thanks for your message. We appreciate it.",
        );
        assert_context(
            Cue::QuestionUnanswered,
            "Hi Sam, ⟦when will my refund arrive?⟧ Can you also send a new invoice?",
            "Hi Dana, I've attached a new invoice to this email.",
        );
    }

    #[test]
    fn a_short_chat_question_asks_about_the_sentence_before() {
        let pleasantries = "Hi Priya, thanks for your message. Have a great day.";
        assert_context(Cue::QuestionUnanswered, "My card was charged twice. ⟦Why?⟧", pleasantries);
        assert_context(Cue::QuestionUnanswered, "Ordered last week. ⟦Any update?⟧", pleasantries);
        assert_context(Cue::QuestionUnanswered, "Still no parcel. ⟦When?⟧", pleasantries);
        assert_context(Cue::QuestionUnanswered, "My refund from March. ⟦Refund status?⟧", pleasantries);
        // Answered by a reason about the charge; a lone "Why?" is no question.
        assert_no_context(
            Cue::QuestionUnanswered,
            "My card was charged twice. Why?",
            "Hi Priya, the second charge is a pending authorisation because the first payment timed out.",
        );
        assert_no_context(Cue::QuestionUnanswered, "Why?", pleasantries);
    }

    #[test]
    fn a_time_in_a_pleasantry_answers_no_when() {
        for reply in [
            "Good morning Priya, thanks for your message.",
            "Hi Priya, thanks for your message. Have a great day.",
            "Hi Priya, thanks for getting in touch today.",
            "Hi Priya, thanks for your message. Enjoy your weekend!",
        ] {
            assert_context(Cue::QuestionUnanswered, "⟦When will my refund arrive?⟧", reply);
            assert_context(Cue::QuestionUnanswered, "⟦How long does shipping take?⟧", reply);
        }
        // A time given after the thanks does answer it.
        assert_no_context(
            Cue::QuestionUnanswered,
            "When will my refund arrive?",
            "Hi Priya, thanks for your patience, your refund will arrive on Friday.",
        );
    }

    #[test]
    fn a_question_that_ends_with_an_address_holds_it() {
        assert_context(
            Cue::QuestionUnanswered,
            "⟦Can you change my e-mail to a@b.com?⟧",
            "Hi, thanks for your message. We appreciate it.",
        );
    }

    #[test]
    fn flags_an_indirect_question() {
        assert_context(
            Cue::QuestionUnanswered,
            "My flight on the 12th was cancelled. ⟦I'd like to know whether I can get a voucher instead of cash⟧.",
            "Hello, thank you for flying with us. We value your feedback.",
        );
    }

    #[test]
    fn allows_answers_in_other_words() {
        // Picking up is collecting.
        assert_no_context(
            Cue::QuestionUnanswered,
            "My prescription is ready. Is my husband allowed to pick it up for me or does it have to be me?",
            "Dear Grace, anyone you send can collect a prescription on your behalf, with your date of birth.",
        );
        let msg = "When will my parcel arrive? I ordered it last week.";
        assert_no_context(Cue::QuestionUnanswered, msg, "Hi Jo, it's with the courier and due on Thursday.");
        assert_no_context(
            Cue::QuestionUnanswered,
            "Why was my card declined?",
            "Hi, that happened because the bank flagged the payment.",
        );
        assert_no_context(
            Cue::QuestionUnanswered,
            "How do I reset my password?",
            "Hi! Tap Settings, then Security, then Reset.",
        );
        assert_no_context(
            Cue::QuestionUnanswered,
            "Do you ship to Canada?",
            "Yes! Orders to Canada take about a week.",
        );
        assert_no_context(
            Cue::QuestionUnanswered,
            "Can you tell me why my account is locked?",
            "Please DM us the email on the account and we'll take a look.",
        );
        // Told with the verb asked about, to them (the eighth QA pass).
        assert_no_context(
            Cue::QuestionUnanswered,
            "What's the fee? What documents do I need?",
            "Hi Arjun, the fee is ₹7,500. You'll need your PAN card and salary slips.",
        );
        assert_context(
            Cue::QuestionUnanswered,
            "⟦What's the fee?⟧ What documents do I need?",
            "Hi Arjun, you'll need your PAN card and salary slips.",
        );
        assert_context(
            Cue::QuestionUnanswered,
            "What's the fee? ⟦What documents do I need?⟧",
            "Hi Arjun, the fee is ₹7,500. Thanks for asking.",
        );
        // Denied, or a verb that says little, tells nothing (the reviewer).
        assert_context(
            Cue::QuestionUnanswered,
            "⟦What documents do I need to bring?⟧",
            "Hi Arjun, thanks for getting in touch. You won't need an appointment.",
        );
        assert_context(
            Cue::QuestionUnanswered,
            "What's the monthly fee? ⟦Which app should I get?⟧",
            "Hi Sam, the fee is £5 a month. Once you get set up, streaming is unlimited.",
        );
    }

    #[test]
    fn a_status_answers_where_something_stands() {
        for (msg, reply) in [
            ("Where is my order?", "Hi Sam, your parcel is out for delivery and will arrive before 6 pm today."),
            ("Has my return been received?", "Hi Sam, it arrived at our warehouse on Tuesday."),
            ("Did my payment go through?", "Hi Sam, it was approved this morning."),
            ("Ordered last week. Any update?", "Hi Sam, it was dispatched yesterday."),
            ("where's my parcel??", "It's on its way, with the courier now."),
        ] {
            assert_no_context(Cue::QuestionUnanswered, msg, reply);
        }
        assert_no_context(Cue::QuestionUnanswered, "Where's my refund?", "Hi Sam, it was processed on Monday.");
        // A receipt is no status, nor something done.
        assert_context(
            Cue::QuestionUnanswered,
            "⟦Where is my order?⟧",
            "Thanks, we've received your message. Have a great day.",
        );
        // A request for something is no status question.
        assert_context(
            Cue::QuestionUnanswered,
            "⟦Can I have it delivered to my office instead?⟧",
            "Hi Sam, your order was confirmed today.",
        );
        // A status answers no other question, and pleasantries no status.
        assert_context(
            Cue::QuestionUnanswered,
            "⟦Where is my order?⟧",
            "Hi Sam, thanks for your message. Have a great day.",
        );
        assert_context(
            Cue::QuestionUnanswered,
            "Has my return been received? ⟦And can I get a refund to my card instead of a voucher?⟧",
            "Hi Sam, it arrived at our warehouse on Tuesday.",
        );
    }

    #[test]
    fn a_request_is_met_by_what_we_did_and_irony_asks_nothing() {
        assert_no_context(
            Cue::QuestionUnanswered,
            "A $120 check I deposited on Monday isn't showing. Could you look into it?",
            "Hi Sandra, I've sent this to our deposit operations team to trace the check.",
        );
        // What we did meets a request, not a question of fact beside it.
        assert_context(
            Cue::QuestionUnanswered,
            "Can you send the quote today? ⟦And do you also offer bonded storage?⟧",
            "Dear Kenji, I've attached it now: £1,180 for haulage.",
        );
        // Nor a question about what the customer can do.
        assert_context(
            Cue::QuestionUnanswered,
            "⟦Can I switch supplier straight away?⟧",
            "Hi Rhys, you've been placed on our standard tariff.",
        );
        assert_context(
            Cue::QuestionUnanswered,
            "⟦What are the chances of getting it before Christmas?⟧",
            "Thanks for your message! Have a great day.",
        );
        assert_no_context(
            Cue::QuestionUnanswered,
            "The link on your medical conditions page goes to a 404. Who knew, eh? 😅",
            "Thanks for flagging this! We've passed it to our web team.",
        );
        // A yes-no question in the passive asks what became of something.
        assert_no_context(
            Cue::QuestionUnanswered,
            "I moved out on August 31. Has the electric service been taken out of my name?",
            "Hi Greg, the account in your name was closed on August 31.",
        );
    }

    #[test]
    fn disbelief_and_a_reply_that_asks_what_it_needs_on_real_messages() {
        // A statement said as a question is disbelief.
        assert_no_context(
            Cue::QuestionUnanswered,
            "what is going on with these server disconnects? I buy the game to deal with this?",
            "Please let us know what platform and game you are playing on so we may assist further.",
        );
        // A reply that answers nothing yet but asks for what it needs.
        assert_no_context(
            Cue::QuestionUnanswered,
            "you download an album and then it's nowhere in your library?? Do I have to follow the artist too?",
            "Could you let us know the exact model of your device and its Spotify version?",
        );
    }

    #[test]
    fn a_yes_answers_the_question_it_speaks_of() {
        assert_context(
            Cue::QuestionUnanswered,
            "hi, ⟦can I transfer in credits from my unfinished degree at Leeds?⟧ and is Student Finance available for part time study?",
            "Hi! Yes, part-time students can apply for a loan from Student Finance.",
        );
    }

    #[test]
    fn a_question_on_condition_goes_with_the_one_before() {
        let msg = "Do I need to return the broken jar, and if so, how do I get a prepaid label?";
        assert_no_context(
            Cue::QuestionUnanswered,
            msg,
            "Hi, there is no need to return the broken jar; please recycle it.",
        );
        // Left open when the question it hangs on is; "we looked into it"
        // and "by email" hand nothing on.
        assert_context(
            Cue::QuestionUnanswered,
            "⟦Do I need to return the broken jar, and if so⟧, ⟦how do I get a prepaid label?⟧",
            "Hi, thanks for your order! We looked into it, and the receipt goes out by email.",
        );
    }

    #[test]
    fn a_request_to_be_told_asks_what_its_inner_question_asks() {
        // "Could you tell me what time ..." asks when: a time answers it.
        assert_context(
            Cue::QuestionUnanswered,
            "Could you tell me what time the pool opens on Sundays, ⟦and whether guests can swim for free?⟧",
            "Hello Ana, on Sundays the pool opens at 7:30am.",
        );
        // "Any idea what's causing it" asks why: an explanation answers it.
        assert_no_context(
            Cue::QuestionUnanswered,
            "My export keeps failing with error 413. Any idea what's causing it?",
            "Hi Sam, error 413 usually means the file is over the 50 MB upload limit.",
        );
        // "how we apply" inside a question asks how.
        assert_no_context(
            Cue::QuestionUnanswered,
            "We've just moved here. Could you let me know how we register with the practice?",
            "Hi Jo, fill in the form on our website and bring photo ID to reception.",
        );
    }

    #[test]
    fn the_answer_promised_and_two_deeds_in_one_sentence() {
        // The reason owed, promised by whoever will give it.
        assert_no_context(
            Cue::QuestionUnanswered,
            "My account says it's suspended for unfair play. Why was I banned and how do I appeal this?",
            "Hi Marcus, I've sent your case to our Fair Play team as an appeal; they'll email you with the reason within 5 working days.",
        );
        // Two requests met by two deeds of one sentence.
        assert_no_context(
            Cue::QuestionUnanswered,
            "My son spent £79.99 without asking. Can you refund it, and can you stop this happening again?",
            "Hi Lauren, I've refunded the £79.99 to your PayPal account, and I've turned on purchase PIN protection.",
        );
        // One deed meets one of them.
        assert_context(
            Cue::QuestionUnanswered,
            "My son spent £79.99 without asking. Can you refund it, ⟦and can you stop this happening again?⟧",
            "Hi Lauren, I've refunded the £79.99 to your PayPal account.",
        );
    }

    #[test]
    fn a_count_answers_how_many() {
        assert_no_context(
            Cue::QuestionUnanswered,
            "how many bags am I allowed on the lisbon flight? ref QX7T2L",
            "Hi Ana, your fare includes one 10kg carry-on plus one 23kg checked case.",
        );
        // A number that counts nothing, or "one of" someone, is no count.
        assert_context(
            Cue::QuestionUnanswered,
            "⟦How many bags am I allowed on the Lisbon flight?⟧",
            "Hi Ana, one of our team has checked booking QX7 and it is confirmed.",
        );
    }

    #[test]
    fn a_yes_no_question_about_a_price_takes_a_yes_or_an_amount() {
        assert_no_context(
            Cue::QuestionUnanswered,
            "is there a booking fee on concert tickets and how often do you release new dates?",
            "Hi! Yes, there's a handling cost of 2 pounds per order, and new dates go up every Friday.",
        );
        assert_no_context(
            Cue::QuestionUnanswered,
            "Do you ship to Jersey, and is it the same price as the mainland?",
            "Yes, we ship to Jersey. There's a £6 surcharge on top of standard delivery.",
        );
        // "How often" asks when, though it names prices.
        assert_context(
            Cue::QuestionUnanswered,
            "Is there a booking fee, ⟦and how often do prices change?⟧",
            "Yes, there's a £2 booking fee on every order.",
        );
    }

    #[test]
    fn a_question_passed_to_someone_who_will_answer_is_handed_on() {
        assert_no_context(
            Cue::QuestionUnanswered,
            "Will my visa still be valid if my passport is renewed before I travel?",
            "Hi Tom, visa rules are set by the embassy, so I've forwarded your query to our travel documents team, who'll email you tomorrow.",
        );
    }

    #[test]
    fn a_page_linked_hands_on_a_survey_does_not() {
        // The tenth QA pass: an address without "https://" is a link too;
        // a survey tells nothing of what was asked.
        assert_no_context(
            Cue::QuestionUnanswered,
            "Do I need a visa for a two-week holiday in Vietnam?",
            "Hi Megan, the rules changed this year, so please check gov.uk/foreign-travel-advice/vietnam/entry-requirements before you book.",
        );
        assert_context(
            Cue::QuestionUnanswered,
            "Hello, I had my MRI on Tuesday. Has the report been sent to my GP yet? ⟦And will I be able to see it in the patient portal?⟧ George",
            "Dear George, thank you for choosing our imaging centre. Your report went to your GP on Wednesday. We would be grateful if you could rate your visit in our short survey: clinic.example.com/feedback.",
        );
    }

    #[test]
    fn an_offer_of_more_help_hands_nothing_on() {
        assert_context(
            Cue::QuestionUnanswered,
            "⟦How much do you charge for a copy of my records?⟧",
            "Dear Yusuf, we're always happy to help. Don't hesitate to get in touch if there's anything else you need.",
        );
        assert_context(
            Cue::QuestionUnanswered,
            "⟦When does the summer sale start?⟧",
            "Hi! Thanks for shopping with us. If you have any other questions, contact our team.",
        );
        // A hand-off of this matter still is one.
        assert_no_context(
            Cue::QuestionUnanswered,
            "When does the summer sale start?",
            "Hi! I've passed your question to our marketing team, who'll get back to you.",
        );
    }

    #[test]
    fn a_chat_question_joined_without_its_mark_is_still_asked() {
        assert_context(
            Cue::QuestionUnanswered,
            "does my warranty cover water damage? ⟦and can I claim for the charger too⟧",
            "Hey! Yes, the warranty covers water damage once you register the phone.",
        );
        // Not after a question, or not asking: a statement.
        assert_no_context(
            Cue::QuestionUnanswered,
            "my phone got wet. and can I say the charger died too",
            "Sorry to hear that! Your warranty covers water damage.",
        );
    }

    #[test]
    fn a_synonym_of_the_questions_own_word_answers_it() {
        // "move" in the story, "changed" in the question, "moved" in the answer.
        assert_no_context(
            Cue::QuestionUnanswered,
            "I asked last month to move my payment date to the 20th. It still comes out on the 2nd. Can this be changed?",
            "Dear Kim, your payment date has now been switched to the 20th from next month.",
        );
        // The group stays with the question whose own word it is, not with
        // another question that also touches it.
        assert_context(
            Cue::QuestionUnanswered,
            "Will the repair be done at my home? ⟦Can I get a loan laptop while it is fixed?⟧",
            "Hi Imran, an engineer will come to your home to repair it on Monday.",
        );
    }

    #[test]
    fn an_answer_said_by_its_verb_alone_answers() {
        // "It does!" is a yes; "They don't, sadly" a no.
        assert_no_context(
            Cue::QuestionUnanswered,
            "Hi, does cross-save work between the Switch and PC versions?",
            "Hi Kai,\nIt does! Link both platforms to your account and your progress carries across.",
        );
        assert_no_context(
            Cue::QuestionUnanswered,
            "Do the rooms on the coach tour have air conditioning?",
            "Hi Wendy, unfortunately they don't, but every room has a fan.",
        );
        // "It does" inside a longer clause answers nothing.
        assert_context(
            Cue::QuestionUnanswered,
            "⟦Does the Team plan include single sign-on with Okta?⟧",
            "Hi Lukas, it does take a few minutes to set up a new workspace. Thanks for trying Tallyboard!",
        );
    }

    #[test]
    fn a_price_question_is_answered_by_an_amount_anywhere() {
        assert_no_context(
            Cue::QuestionUnanswered,
            "How much will it cost me per day to use my phone out there? Also, is there a cap on data while I'm away?",
            "Hi Tom, on your plan it's £2.25 a day, and for that you use your normal allowance of data. There's a fair-use limit of 25GB abroad.",
        );
        assert_no_context(
            Cue::QuestionUnanswered,
            "Let me know if you offer any nonprofit discount for our charity.",
            "Hi Anya, registered charities get 50% off any plan.",
        );
    }

    #[test]
    fn a_request_is_met_by_its_result() {
        // "Done", "is now frozen": what was asked is done. "Nothing else can
        // go through" offers no more help.
        assert_no_context(
            Cue::QuestionUnanswered,
            "I don't recognise a payment on my debit card. Can you block the card?",
            "Hi Priya, done - your card ending 4471 is now frozen, so nothing else can go through on it.",
        );
        assert_no_context(
            Cue::QuestionUnanswered,
            "I don't recognise a payment on my debit card. Can you block the card?",
            "Hi Priya, your card ending 4471 is now frozen.",
        );
        // A state that is no result of the request (found by review).
        assert_context(
            Cue::QuestionUnanswered,
            "My delivery is late. ⟦Can you expedite it?⟧",
            "Hi Priya, your ticket is now closed.",
        );
        // What is done elsewhere does not answer when the money will arrive.
        assert_context(
            Cue::QuestionUnanswered,
            "Could you confirm the refund amount, ⟦and how long it will take to reach my account?⟧",
            "Hi Chris, your refund of £1,340 has now been approved.",
        );
    }

    #[test]
    fn a_request_to_send_something_is_met_by_it_sent_whatever_it_is_called() {
        // Found by QA: "a new one", "it" stand for the handle, the invoice.
        let kettle = "Hi, the handle on my kettle broke, can you send a new one? Order 7781.\n\nThanks,\nPriya Raman";
        for reply in [
            "Hi Priya,\n\nThanks for letting us know. A new handle is on its way to you today and should arrive by Thursday.\n\nBest,\nAndy",
            "Hi Priya,\n\nThanks for letting us know. The replacement part has been sent out today.\n\nBest,\nAndy",
        ] {
            assert_no_context(Cue::QuestionUnanswered, kettle, reply);
        }
        assert_no_context(
            Cue::QuestionUnanswered,
            "Hi, I called earlier today and your colleague asked me to email to request my April invoice. Can you send it? Ada",
            "Hi Ada,\n\nThanks for emailing. Here's your invoice for April as a PDF.\n\nBest,\nJim",
        );
        // Other verbs of sending, other words for being sent.
        assert_no_context(
            Cue::QuestionUnanswered,
            "My bank card snapped in half. Could you please send me another?",
            "Hi Tom, a new card has been issued and should reach you within 3 working days.",
        );
        // What the customer sent is nothing sent to them.
        assert_context(
            Cue::QuestionUnanswered,
            "The handle on my kettle broke, ⟦can you send a new one?⟧",
            "Hi Priya, thanks for the photos you sent. Have a great day.",
        );
        // Something sent meets a request to send, not one to explain.
        assert_context(
            Cue::QuestionUnanswered,
            "⟦Can you explain this charge?⟧",
            "Hi Ada, here's your invoice for April as a PDF.",
        );
    }

    #[test]
    fn a_when_question_needs_a_time() {
        // Found by QA: the order is spoken of, its arrival never timed.
        assert_context(
            Cue::QuestionUnanswered,
            "Hi, ⟦when will my order arrive?⟧ Also, can I change the delivery address to my work address? Helen",
            "Hi Helen,\n\nThanks for getting in touch. Your order has been dispatched. I've also updated the delivery address to your work address.\n\nBest,\nTim",
        );
        assert_context(
            Cue::QuestionUnanswered,
            "⟦When will my refund reach my account?⟧",
            "Hi Sam, your refund has been approved.",
        );
        // Found by review: a receipt of the customer's e-mail is no time.
        assert_context(
            Cue::QuestionUnanswered,
            "⟦When will my refund reach my account?⟧",
            "Hi Sam, we have received your email. Your refund has been approved.",
        );
        // A time, a thing already done, or no time to give yet answers it.
        for reply in [
            "Hi Sam, our records show your order was received and signed for at your address.",
            // Found by review: a receipt beside it takes nothing from it.
            "Hi Sam, we have received your email, and our records show your order was received and signed for at your address.",
            "Hi Sam, your order was dispatched today and should arrive within 3 working days.",
            "Hi Sam, your order has already been delivered to your safe place.",
            "Hi Sam, we don't have any news on your order from the courier.",
        ] {
            assert_no_context(Cue::QuestionUnanswered, "When will my order arrive?", reply);
        }
    }

    #[test]
    fn a_question_after_a_colon_is_asked_and_a_yes_answers_its_own() {
        // Found by QA: "is the gym open" after a colon is a question; the
        // "yes" answers it, not the one about discounts.
        assert_context(
            Cue::QuestionUnanswered,
            "Hi, I have two questions: is the gym open on Sundays? ⟦Do you offer student discounts?⟧",
            "Hi Ana, yes, we are open on Sundays from 9 am to 5 pm.",
        );
        assert_context(
            Cue::QuestionUnanswered,
            "Two things: can I pay by card at the door? ⟦Is there parking nearby?⟧",
            "Hi Jo, yes, you can pay by card at the door.",
        );
        // Both answered.
        assert_no_context(
            Cue::QuestionUnanswered,
            "Hi, I have two questions: is the gym open on Sundays? Do you offer student discounts?",
            "Hi Ana, yes, we are open on Sundays from 9 am to 5 pm, and students get 20% off.",
        );
    }

    #[test]
    fn a_sites_front_page_answers_nothing_a_page_of_its_own_may() {
        let message = "any reason I can't play minecraft on ps4 at all today? my account fails to load";
        assert_context(
            Cue::QuestionUnanswered,
            "⟦any reason I can't play minecraft on ps4 at all today?⟧ my account fails to load",
            "For technical help, please visit our Help site https://help.minecraft.net/hc/en-us ^JS",
        );
        assert_no_context(
            Cue::QuestionUnanswered,
            message,
            "This is a known issue on PS4: https://help.minecraft.net/hc/en-us/articles/360046470431 ^JS",
        );
        // A query or a fragment names a page; an archived front page is one.
        for link in ["https://shop.example.com/index.php?route=account/order&id=9", "https://example.com/#/orders/123"]
        {
            assert_no_context(Cue::QuestionUnanswered, message, &format!("You can see it here: {link}"));
        }
        assert_context(
            Cue::QuestionUnanswered,
            "⟦any reason I can't play minecraft on ps4 at all today?⟧ my account fails to load",
            "For technical help, please visit https://web.archive.org/web/20200401/https://help.minecraft.net/hc/en-us",
        );
        // A plea for help is met by where help is.
        assert_no_context(
            Cue::QuestionUnanswered,
            "the game keeps crashing after the update, any help?",
            "For technical help, please visit our Help site https://help.minecraft.net/hc/en-us ^JS",
        );
    }

    #[test]
    fn a_number_to_call_hands_on_the_one_question() {
        assert_no_context(
            Cue::QuestionUnanswered,
            "why have you started charging an escrow fee on my mortgage after 8 years?",
            "We are unable to assist with mortgage inquiries here. Please call 1-800-848-9136.",
        );
        assert_no_context(
            Cue::QuestionUnanswered,
            "do you have any flights to New York in the next few days?",
            "All of our routes can be found on our website or by contacting us anytime.",
        );
        // A signature's phone, a date, a reference: no number to call
        // (found by review).
        for reply in [
            "Hi, thanks for your message.\n\nKind regards,\nSam\nPhone: 0800 123 4567",
            "Hi, we'll call you back on 12.03.2026.",
            "Hi, your call reference is 48213377.",
        ] {
            assert_context(
                Cue::QuestionUnanswered,
                "⟦why have you started charging an escrow fee on my mortgage after 8 years?⟧",
                reply,
            );
        }
        // Thanks for contacting us hands nothing on.
        assert_context(
            Cue::QuestionUnanswered,
            "⟦do you have any flights to New York in the next few days?⟧",
            "Thank you for contacting us. Have a lovely weekend!",
        );
    }

    #[test]
    fn passed_to_the_engineers_hands_the_question_on() {
        assert_no_context(
            Cue::QuestionUnanswered,
            "Since Tuesday our exports are missing the Region column. Is this a known bug?",
            "Hi Ben, I've passed it to our engineers with your workspace details and will update you when I hear back.",
        );
        assert_no_context(
            Cue::QuestionUnanswered,
            "Since Tuesday our exports are missing the Region column. Is this a known bug?",
            "Hi Ben, I've raised it with the product team today.",
        );
    }

    #[test]
    fn telling_the_customer_to_report_it_hands_nothing_on() {
        assert_context(
            Cue::QuestionUnanswered,
            "Someone used my card in Spain. ⟦Will I get the money back?⟧",
            "Hi Sam, please report it to the police and forward it to your bank.",
        );
    }

    #[test]
    fn blame_asked_as_who_is_no_question() {
        assert_no_context(
            Cue::QuestionUnanswered,
            "The game now crashes every twenty minutes on PC. Who tests these things?!",
            "Hi Kieran, I'm sorry. Updating your graphics driver fixes the crash.",
        );
        assert_context(
            Cue::QuestionUnanswered,
            "⟦Who handles refunds for bookings made through an agent?⟧",
            "Hi Kieran, thanks for being a customer since 2019.",
        );
    }

    #[test]
    fn words_for_the_same_thing_answer_it() {
        assert_no_context(
            Cue::QuestionUnanswered,
            "We've booked the coach tour. Is there a luggage limit on the coach?",
            "Dear Mrs Carter, each passenger can bring one suitcase of up to 20kg.",
        );
        assert_no_context(
            Cue::QuestionUnanswered,
            "is the server down?",
            "Hey, we had an outage from 7 to 9pm and everything's back up now.",
        );
        // Running again: "operating" speaks of resuming (found on a real pair).
        assert_no_context(
            Cue::QuestionUnanswered,
            "I heard you are suspending flights at Midway. Will you resume flights by Saturday?",
            "Thanks for reaching out to us. Chicago Midway is operating at a limited capacity at this time.",
        );
        // Down as a direction says nothing about an outage.
        assert_context(
            Cue::QuestionUnanswered,
            "⟦is the server down?⟧",
            "Hey, scroll down to the bottom of the page and sorry to let you down.",
        );
    }

    #[test]
    fn a_visit_asked_about_is_answered_by_who_is_coming() {
        assert_no_context(
            Cue::QuestionUnanswered,
            "The water pressure in our street has been low since this morning. Is anyone coming out to look at it?",
            "Hi there, a burst main is affecting pressure in your area - a repair crew is already on site.",
        );
        assert_no_context(
            Cue::QuestionUnanswered,
            "My boiler has stopped working. Will you send an engineer?",
            "Hi Sam, an engineer is booked for Thursday morning.",
        );
        // A visit not asked about answers nothing else.
        assert_context(
            Cue::QuestionUnanswered,
            "⟦Why did my bill go up by £20 this month?⟧",
            "Hi Sam, an engineer is booked for Thursday morning.",
        );
    }

    #[test]
    fn venting_the_tenth_qa_pass_heard_is_not_a_question() {
        let reply =
            "Hi Helen, I'm really sorry. I've pushed the refund through: the £89 will be in your account by Tuesday.";
        for vent in [
            "Why would I ever shop with you again?",
            "Why would anyone trust you with their money?",
            "Is this some kind of joke?",
            "How do you even let that leave the warehouse??",
            "Is this what I'm paying for???",
            "Does anyone there actually read meters anymore??",
            "Is anyone actually working at Gate 14 or did everyone go home?",
        ] {
            assert_no_context(Cue::QuestionUnanswered, &format!("I returned the jacket four weeks ago. {vent}"), reply);
        }
        // Real questions of the same words are still asked; "is anyone
        // even playing lol" is about other players, no vent at the company.
        assert_context(
            Cue::QuestionUnanswered,
            "matchmaking is slow tonight, ⟦is anyone even playing?⟧ also is the double xp weekend still on?",
            "Hi Tasha, the double XP weekend runs until Sunday midnight!",
        );
        assert_context(
            Cue::QuestionUnanswered,
            "I returned the jacket four weeks ago. ⟦Does anyone know where my parcel went?⟧",
            reply,
        );
        // The session's review: questions in a vent's words.
        for asked in [
            "⟦How do you even reset this router?⟧",
            "⟦Why would anyone in Spain be logging in to my account?⟧",
            "⟦Does anyone actually check the meters in person, or is it all estimated?⟧",
        ] {
            assert_context(Cue::QuestionUnanswered, &format!("I returned the jacket four weeks ago. {asked}"), reply);
        }
        assert_context(
            Cue::QuestionUnanswered,
            "⟦Who signs off on these refunds?⟧ I need a name for my records.",
            "Hi Helen, thanks for getting in touch, and I'm sorry for the trouble.",
        );
    }

    #[test]
    fn rhetorical_venting_is_not_a_question() {
        assert_no_context(
            Cue::QuestionUnanswered,
            "why is it so impossible to change a delivery address on your app?!?! just change it to 4 Elm Row please",
            "Hi, I've updated the delivery address to 4 Elm Row.",
        );
        assert_no_context(
            Cue::QuestionUnanswered,
            "Are you kidding me? How hard can it be to deliver a parcel? Why me?",
            "Hi Sam, we're so sorry. Your parcel is out for delivery today.",
        );
        // Having to chase them again is a complaint, not a question.
        assert_no_context(
            Cue::QuestionUnanswered,
            "I'M SO ANGRY, WHY DO I HAVE TO KEEP CHASING YOU? Where is my refund?",
            "Hi, we have refunded your order today.",
        );
        assert_no_context(
            Cue::QuestionUnanswered,
            "Why am I having to email you a third time? The refund still hasn't come.",
            "Hi, we have refunded your order today.",
        );
        // Why they keep calling an endpoint asks for a reason.
        assert_context(
            Cue::QuestionUnanswered,
            "⟦Why do I have to keep calling the refresh endpoint every hour?⟧",
            "Hi, thanks for getting in touch with us today.",
        );
        // Why they keep being charged asks for a reason.
        assert_context(
            Cue::QuestionUnanswered,
            "⟦Why do I keep getting charged twice?⟧",
            "Hi, thanks for getting in touch with us today.",
        );
    }

    #[test]
    fn thanks_for_reaching_out_to_us_hands_nothing_on() {
        // Found by QA: the customer is thanked for writing; nothing is handed on.
        for reply in
            ["Hi Priya, thanks for reaching out to us.", "Hi Priya, thank you so much for reaching out to us today."]
        {
            assert_context(Cue::QuestionUnanswered, "⟦How do I get a refund?⟧", reply);
        }
        // Telling them whom to reach out to does.
        assert_no_context(
            Cue::QuestionUnanswered,
            "How do I get a refund?",
            "Hi Priya, thanks for your message. Please reach out to our billing team, who handle refunds.",
        );
    }

    #[test]
    fn a_hedged_question_and_a_second_indirect_one_are_questions() {
        // The ninth QA pass: each second question went uncounted.
        assert_context(
            Cue::QuestionUnanswered,
            "Is the blue sofa available in a three-seater? ⟦And roughly how long is delivery to Cardiff?⟧",
            "Hi Rhys, yes - the blue sofa comes in a three-seater.",
        );
        assert_context(
            Cue::QuestionUnanswered,
            "I'd like to know whether my policy covers water damage from a burst pipe, and also ⟦let me know if I need to get quotes before the repair⟧.",
            "Hi Nadia, yes, your policy covers water damage from a burst pipe.",
        );
        assert_no_context(
            Cue::QuestionUnanswered,
            "I'd like to know whether my boiler can be fixed this week, and also let me know if you need photos.",
            "Hi Nadia, yes, an engineer will fix it on Thursday.",
        );
        assert_no_context(
            Cue::QuestionUnanswered,
            "I'd like to know whether my policy covers water damage from a burst pipe, and also let me know if I need to get quotes before the repair.",
            "Hi Nadia, yes, your policy covers water damage from a burst pipe, and you don't need quotes first: our assessor will visit.",
        );
    }

    #[test]
    fn what_will_be_done_is_answered_by_what_we_will_do() {
        // The ninth QA pass: the visit answers the question.
        let msg = "My router keeps dropping the connection every evening. ⟦What are you going to do about it?⟧";
        for reply in [
            "Hi, an engineer will visit on Friday between 1 and 5 pm to replace the router.",
            "Hi, we'll replace the router on Friday.",
            "Hi, an engineer is booked for Friday to replace the router.",
        ] {
            assert_no_context(Cue::QuestionUnanswered, &msg.replace(['⟦', '⟧'], ""), reply);
        }
        // A promise on a condition is none, nor a future that does nothing
        // (the reviewer's cases).
        assert_context(Cue::QuestionUnanswered, msg, "Hi, if it drops again we'll look at it.");
        assert_context(Cue::QuestionUnanswered, msg, "Hi, our shops will be closed on Monday.");
        assert_context(Cue::QuestionUnanswered, msg, "Hi, we'll always do our best for our customers.");
        assert_context(Cue::QuestionUnanswered, msg, "Hi, the engineer will need access to the loft.");
    }

    #[test]
    fn steps_tell_no_price_and_a_pointer_no_reason() {
        // Found by QA: an unrelated "you can" is no yes or no about a discount.
        assert_context(Cue::QuestionUnanswered, "⟦Is there a student discount?⟧", "Hi Priya, you can pay by card.");
        // It still tells a customer what they can do.
        assert_no_context(
            Cue::QuestionUnanswered,
            "My daughter has a high temperature, should I take her to A&E?",
            "Hi, please call NHS 111 now.",
        );
        // "Please see below" with nothing below, an attached list: no reason.
        assert_context(
            Cue::QuestionUnanswered,
            "⟦Can someone tell me why my internet keeps dropping every night?⟧",
            "Hi Priya, thanks for your email. Please see below.",
        );
        assert_context(
            Cue::QuestionUnanswered,
            "⟦Why did my bill go up by £20?⟧",
            "Hi Priya, please find attached our current price list.",
        );
        // The amounts a bill is made of tell why it went up.
        assert_no_context(
            Cue::QuestionUnanswered,
            "Hey, why is my bill $18 higher this month?",
            "Hi Dev, the extra $18 is a one-time charge for the data add-on you bought on the 9th.",
        );
    }

    #[test]
    fn a_question_back_that_sells_something_asks_nothing_needed() {
        // Found by QA: an unrelated offer is no question about theirs.
        assert_context(
            Cue::QuestionUnanswered,
            "⟦How do I close my account?⟧",
            "Hi Priya, which colour would you like?",
        );
        assert_context(
            Cue::QuestionUnanswered,
            "I want to close my account. ⟦How do I do that?⟧",
            "Hi Priya, we're sorry to see you go! Before you leave, did you know about our Premium plan?",
        );
        // "Do that" is closing the account: steps to it answer.
        assert_no_context(
            Cue::QuestionUnanswered,
            "I want to close my account. How do I do that?",
            "Hi Priya, go to Settings, then Account, and tap Close account.",
        );
        // An offer about their matter, or a question for what is needed, asks.
        assert_no_context(
            Cue::QuestionUnanswered,
            "How do I close my account?",
            "Hi Priya, would you like me to close the account for you now?",
        );
        assert_no_context(
            Cue::QuestionUnanswered,
            "How do I close my account?",
            "Hi Priya, which email address is the account under?",
        );
    }

    #[test]
    fn a_deed_asked_of_someone_is_answered_by_the_deed_promised() {
        // The tenth QA pass.
        assert_no_context(
            Cue::QuestionUnanswered,
            "Could someone call me about closing my late father's account? My number is 07911 123456.",
            "Dear Henry, I'm very sorry for your loss. Our bereavement team will call you on 07911 123456 tomorrow morning between 9 and 11.",
        );
        // Promised something else, it is still open.
        assert_context(
            Cue::QuestionUnanswered,
            "⟦Could someone call me about closing my late father's account?⟧",
            "Dear Henry, I'm very sorry for your loss. We will send you a bereavement pack.",
        );
        // The session's review: a note popped on the account visits nobody.
        assert_context(
            Cue::QuestionUnanswered,
            "⟦Can someone come and fix my boiler this week?⟧",
            "Hi Sam, I'm sorry it's still cold. I'll pop a note on your account.",
        );
    }

    #[test]
    fn a_why_question_needs_a_reason() {
        // Found by QA: the card spoken of, no reason given.
        assert_context(Cue::QuestionUnanswered, "⟦Why was my card blocked?⟧", "Hi Priya, your card is now active.");
        assert_context(
            Cue::QuestionUnanswered,
            "⟦Why hasn't the refund cheque arrived?⟧",
            "Hi Priya, we'll send the cheque again tomorrow.",
        );
        // A reason, with or without a word for one.
        for reply in [
            "Hi Priya, your card was blocked because of a suspicious payment; it is now active.",
            "Hi Priya, your card was blocked after three wrong PIN attempts.",
            "Hi Priya, the bank changed its fraud rules last week, so cards like yours were blocked.",
        ] {
            assert_no_context(Cue::QuestionUnanswered, "Why was my card blocked?", reply);
        }
        // What a charge is based on tells why it is what it is (the tenth
        // QA pass).
        assert_no_context(
            Cue::QuestionUnanswered,
            "We only have 62 users. Why were we billed for 100 seats? Can we reduce the count mid-term?",
            "Hi Olivia, your renewal is based on the seat count set in Admin, which was 100 at renewal. Yes, you can lower it under Billing > Seats.",
        );
    }

    #[test]
    fn a_short_question_after_a_comma_asks_about_the_clause() {
        // Found by QA.
        assert_context(
            Cue::QuestionUnanswered,
            "my order hasn't arrived, ⟦any update?⟧",
            "Hi Priya, thanks for getting in touch.",
        );
        assert_no_context(
            Cue::QuestionUnanswered,
            "my order hasn't arrived, any update?",
            "Hi Priya, it was dispatched yesterday and is with the courier.",
        );
    }

    #[test]
    fn a_yes_no_question_about_a_day_is_answered_by_a_time() {
        // Found by QA: tonight is today.
        assert_no_context(
            Cue::QuestionUnanswered,
            "Is it coming today?",
            "Hi Priya, the parcel will be with you by 8 pm tonight.",
        );
        // A day in a pleasantry is no time; a day that describes a thing
        // asks about no day.
        assert_context(Cue::QuestionUnanswered, "⟦Is it coming today?⟧", "Hi Priya, thanks for writing to us today.");
        assert_context(
            Cue::QuestionUnanswered,
            "My GP referred me. ⟦Is there an option for evening appointments?⟧",
            "Hi Jo, thanks for your referral. Letters go out within two weeks.",
        );
    }

    #[test]
    fn what_will_be_done_is_answered_by_what_we_did() {
        assert_no_context(
            Cue::QuestionUnanswered,
            "My offer was withdrawn. I'm devastated. Is there anything that can be done?",
            "Dear Nadia, I've checked, and I've reinstated your offer.",
        );
        assert_context(
            Cue::QuestionUnanswered,
            "My cake never came. ⟦What are you going to do about it?⟧",
            "Dear Joanne, thanks for your message.",
        );
    }

    #[test]
    fn why_is_nobody_answering_is_a_complaint() {
        assert_no_context(
            Cue::QuestionUnanswered,
            "WHY IS NOBODY ANSWERING?",
            "Hi Priya, returns must be made within 14 days of delivery.",
        );
        assert_context(
            Cue::QuestionUnanswered,
            "⟦Why is nobody able to fix my boiler?⟧",
            "Hi Priya, thanks for your message.",
        );
    }

    #[test]
    fn a_why_is_answered_by_what_happened() {
        // Found by the session's review: a reason told as what happened.
        assert_no_context(
            Cue::QuestionUnanswered,
            "Why was my order cancelled?",
            "Hi Priya, the payment didn't go through on the first try. I've restored the order.",
        );
        assert_no_context(
            Cue::QuestionUnanswered,
            "Why can't I log in?",
            "Hi Priya, your password expired last week. I've sent you a reset link.",
        );
        assert_context(Cue::QuestionUnanswered, "⟦Why was my card blocked?⟧", "Hi Priya, your card is now active.");
        assert_context(
            Cue::QuestionUnanswered,
            "⟦Why was my card blocked?⟧",
            "Hi Priya, I've unblocked your card and it works again.",
        );
    }

    #[test]
    fn answers_the_seventh_qa_pass_found_unheard() {
        // Options met by what we did; a cost met by "free"; someone at work
        // met by a visitor with a time; a request to check met by where it
        // stands.
        assert_no_context(
            Cue::QuestionUnanswered,
            "My flight was cancelled. What are my options?",
            "Hi Dan, I've rebooked you on the 19:40 flight tonight.",
        );
        assert_no_context(Cue::QuestionUnanswered, "Do I need to pay postage?", "Hi Mia, returns are free.");
        assert_no_context(
            Cue::QuestionUnanswered,
            "Is anyone fixing this?",
            "Hi Sam, the engineer is fitting the part tomorrow.",
        );
        assert_no_context(
            Cue::QuestionUnanswered,
            "my order 88123 hasnt arrived, can u check?",
            "Hi Ben, your order is out for delivery today.",
        );
        // Their twins that answer nothing (found by the session's review).
        assert_context(
            Cue::QuestionUnanswered,
            "My flight was cancelled. ⟦What are my options?⟧",
            "Hi Dan, I've noted your feedback about the cancellation.",
        );
        assert_context(
            Cue::QuestionUnanswered,
            "I was charged twice for my order. ⟦Can you look into why?⟧",
            "Hi Ben, your order is out for delivery today.",
        );
        assert_context(
            Cue::QuestionUnanswered,
            "⟦Is anyone going to refund my costs?⟧",
            "Hi Sam, the engineer fixed it yesterday at 10am.",
        );
        assert_context(
            Cue::QuestionUnanswered,
            "My flight was cancelled. ⟦What are my options?⟧",
            "Hi Dan, flights are often cancelled in winter.",
        );
        assert_context(Cue::QuestionUnanswered, "⟦Do I need to pay postage?⟧", "Hi Mia, thanks for your order.");
        assert_context(Cue::QuestionUnanswered, "⟦Is anyone fixing this?⟧", "Hi Sam, thanks for letting us know.");
        assert_context(
            Cue::QuestionUnanswered,
            "my order 88123 hasnt arrived, ⟦can u check?⟧",
            "Hi Ben, thanks for your patience.",
        );
    }

    #[test]
    fn a_pleasantry_that_echoes_the_question_answers_nothing() {
        let reply = "Hi! Austria in February sounds amazing. Thanks for choosing CoverWise for your travel \
                     insurance. Have a wonderful trip!";
        assert_context(
            Cue::QuestionUnanswered,
            "Hello, ⟦I'd like to know if my travel policy covers skiing, going to Austria in February⟧",
            reply,
        );
        // The answer given beside it still answers.
        assert_no_context(
            Cue::QuestionUnanswered,
            "Hello, I'd like to know if my travel policy covers skiing, going to Austria in February",
            "Austria in February sounds amazing! Your policy covers skiing on marked pistes in Austria.",
        );
    }
}
