//! The opening greeting and whom it addresses: a document fact.

use super::Document;
use crate::tokens::{flag, gap, TITLES};

/// The opening greeting ("Hi Priya,", "Dear Ms. Raman,", "Priya, ...").
#[derive(Clone, Debug)]
pub(crate) struct Greeting {
    /// Token index range of the words after the greeting word, up to the first
    /// punctuation: the candidates for the person addressed.
    pub addressee: std::ops::Range<usize>,
}

pub(crate) const GREETING_WORDS: &[&str] = &[
    "hi",
    "hello",
    "hey",
    "dear",
    "greetings",
    "hiya",
    "g'day",
    "gday",
    "howdy",
    "heya",
    "hallo",
    "hola",
    "bonjour",
    "bonsoir",
    "ciao",
    "salut",
    "hej",
    "hei",
    "moin",
    "servus",
    "ola",
    "olá",
    "estimado",
    "estimada",
    "querido",
    "querida",
    "cara",
    "caro",
    "liebe",
    "lieber",
    "cher",
    "chère",
    "chere",
    "buongiorno",
    "namaste",
    "salaam",
    "shalom",
    "здравствуйте",
    "привет",
    "dzień",
    "czesc",
    "cześć",
    "ahoj",
    "merhaba",
    "yo",
];

/// Words that open a draft followed by a comma without addressing anyone
/// ("Sure, ...", "Thanks, ...").
const OPENERS: &[&str] = &[
    "sure",
    "yes",
    "no",
    "ok",
    "okay",
    "thanks",
    "thank",
    "well",
    "so",
    "unfortunately",
    "great",
    "absolutely",
    "of",
    "certainly",
    "alright",
    "right",
    "sorry",
    "apologies",
    "again",
    "firstly",
    "first",
    "also",
    "however",
    "hmm",
    "oh",
    "wow",
    "good",
    "perfect",
    "understood",
    "noted",
    "done",
    "yeah",
    "yep",
    "nope",
    "update",
    "fortunately",
    "luckily",
    "honestly",
    "cheers",
    "welcome",
    "please",
    "regards",
    "best",
    "morning",
    "afternoon",
    "evening",
    "team",
    "all",
    "additionally",
    "alternatively",
    "currently",
    "hopefully",
    "ideally",
    "basically",
    "essentially",
    "generally",
    "typically",
    "usually",
    "normally",
    "personally",
    "frankly",
    "finally",
    "lastly",
    "secondly",
    "thirdly",
    "similarly",
    "likewise",
    "accordingly",
    "consequently",
    "therefore",
    "furthermore",
    "moreover",
    "nevertheless",
    "nonetheless",
    "regardless",
    "understandably",
    "apparently",
    "naturally",
    "obviously",
    "clearly",
    "importantly",
    "interestingly",
    "sadly",
    "thankfully",
    "happily",
    "meanwhile",
    "afterwards",
    "next",
    "then",
    "now",
    "here",
    "there",
    "today",
    "tomorrow",
    "yesterday",
    // Evaluative words and agreement that open a sentence ("Amazing, a
    // fourth request ...", "Brilliant, that worked").
    "amazing",
    "brilliant",
    "fantastic",
    "lovely",
    "excellent",
    "awesome",
    "wonderful",
    "splendid",
    "superb",
    "marvellous",
    "marvelous",
    "terrific",
    "cool",
    "nice",
    "fine",
    "indeed",
    "exactly",
    "totally",
    "correct",
    "true",
    "agreed",
    "gotcha",
    "congrats",
    "congratulations",
    "fair",
    "sweet",
    "super",
    "incredible",
    "unbelievable",
    "seriously",
    "really",
    "interesting",
    "wait",
    "look",
    "listen",
    // Session 32's review: sentence adverbs and announcements.
    "anyway",
    "anyhow",
    "meanwhile",
    "besides",
    "sadly",
    "thankfully",
    "happily",
    "finally",
    "lastly",
    "secondly",
    "actually",
    "admittedly",
    "drumroll",
    "spoiler",
    "reminder",
];

/// Whether a word is an interjection: laughter ("ha", "haha", "hehe",
/// "lol"), surprise or relief ("oh", "ooh", "phew"): words that open a
/// sentence without naming anyone.
fn is_interjection(w: &str) -> bool {
    let laughter =
        w.len() >= 2 && w.len().is_multiple_of(2) && w.as_bytes().chunks(2).all(|c| matches!(c, b"ha" | b"he" | b"ah"));
    // Drawn-out sounds of sympathy or surprise: "aah", "ahhh", "awww", "oooh".
    // (A letter drawn out: "Hoa", "Hao" and "Wah" are names.)
    let sound = (3..=7).contains(&w.len())
        && w.bytes().all(|b| matches!(b, b'a' | b'o' | b'h' | b'w'))
        && w.bytes().any(|b| matches!(b, b'h' | b'w'))
        && w.as_bytes().windows(2).any(|p| p[0] == p[1]);
    laughter
        || sound
        || crate::words::among(
            &[
                "lol", "lmao", "heh", "hah", "ahh", "aw", "aww", "ooh", "oooh", "oops", "whoops", "phew", "yay",
                "woohoo", "whoa", "ugh", "yikes", "gosh", "wow", "oh", "ah", "aha", "hmm", "hmmm", "um", "umm", "erm",
                "eek", "argh", "meh", "welp", "huh", "ouch", "oof", "ahem", "hooray", "hurray", "hurrah", "huzzah",
                "yippee", "bravo", "alas", "voila", "tada",
            ],
            w,
        )
}

impl Document<'_> {
    /// Whether token `first`, a first name that is also a word ("Pat",
    /// "Will", "Grace"), opens the draft as an address: capitalised, a
    /// comma after it, then words to the customer ("Pat, your table is
    /// booked", "Will, we've refunded it").
    fn name_word_then_address(&self, first: usize) -> bool {
        let t = &self.tokens[first];
        let next = first + 1;
        t.is(flag::CAP)
            && crate::words::is_name_word(self.fold(first))
            && t.gap_has(gap::COMMA)
            && next < self.tokens.len()
            && self.tokens[next].sentence == t.sentence
            && matches!(
                self.fold(next),
                "your"
                    | "you"
                    | "you're"
                    | "you've"
                    | "we"
                    | "we've"
                    | "we're"
                    | "i"
                    | "i've"
                    | "i'm"
                    | "thanks"
                    | "thank"
                    | "sorry"
                    | "just"
            )
    }

    /// Whether token `k` is inside an HTML tag: "p" in "<p>", "div" in
    /// "</div>", "class" and "x" in `<div class="x">` (the nearest angle
    /// bracket before it, within 200 bytes, opens a tag).
    fn is_html_tag(&self, k: usize) -> bool {
        let start = self.tokens[k].span.start();
        let before = &self.text.as_bytes()[start.saturating_sub(200)..start];
        before.iter().rev().find(|&&b| b == b'<' || b == b'>') == Some(&b'<')
    }

    pub(super) fn find_greeting(&mut self) {
        // Social replies open with handles ("@customer @brand Hi Abby."):
        // the greeting comes after them.
        let Some(first) = self.tokens.iter().position(|t| !t.is(flag::QUOTED) && !t.is(flag::LINK)) else {
            return;
        };
        let sentence = self.tokens[first].sentence;
        let same = |k: usize, doc: &Document| {
            k < doc.tokens.len() && doc.tokens[k].sentence == sentence && !doc.tokens[k].is(flag::QUOTED)
        };
        // A draft pasted as HTML opens with its tags ("<p>Hi Sam,</p>"):
        // the greeting comes after them.
        let mut first = first;
        let tags_from = first;
        while first - tags_from < 16 && self.is_html_tag(first) && same(first + 1, self) {
            first += 1;
        }
        // A reply sent in parts opens with its part ("(1/2) Hi Maria,"): the
        // greeting comes after it (the fourteenth QA pass).
        if self.tokens[first].is(flag::NUMBER)
            && same(first + 2, self)
            && self.tokens[first + 1].is(flag::NUMBER)
            && &self.text[self.tokens[first].span.end()..self.tokens[first + 1].span.start()] == "/"
        {
            first += 2;
        }
        // "Ha, Liam, ..." and "Haha, I agree": an interjection addresses
        // nobody; the greeting, if any, comes after it.
        while is_interjection(self.fold(first)) && self.tokens[first].gap_has(gap::COMMA) && same(first + 1, self) {
            first += 1;
        }
        // "Obrigado, Mateus!", "Fair point, Omar, ...": a remark of one or
        // two words set off by a comma, then a name set off in turn (not a
        // list: "Yes, London, Leeds and York"): the name is the one
        // addressed.
        let greets = crate::words::among(GREETING_WORDS, self.fold(first))
            || (self.fold(first) == "good"
                && same(first + 1, self)
                && matches!(self.fold(first + 1), "morning" | "afternoon" | "evening" | "day" | "night"));
        if !greets {
            let comma = (first..first + 2).find(|&c| same(c, self) && self.tokens[c].gap_has(gap::COMMA));
            if let Some(at) = comma.map(|c| c + 1).filter(|&j| same(j, self)) {
                let t = &self.tokens[at];
                let w = self.fold(at);
                let listed = same(at + 1, self)
                    && self.tokens[at + 1].is(flag::CAP)
                    && !crate::words::is_common(self.fold(at + 1));
                // "Quick update, Hermes, our courier, has collected it": a
                // name described between commas is the sentence's subject
                // ("Fair point, Thabo, the fee was unclear" addresses Thabo).
                let described = t.gap_has(gap::COMMA)
                    && same(at + 1, self)
                    && matches!(
                        self.fold(at + 1),
                        "our"
                            | "the"
                            | "a"
                            | "an"
                            | "my"
                            | "your"
                            | "their"
                            | "his"
                            | "her"
                            | "its"
                            | "not"
                            | "as"
                            | "who"
                            | "which"
                    )
                    && (at + 1..at + 6).any(|j| same(j, self) && self.tokens[j].gap_has(gap::COMMA | gap::DASH));
                if t.is(flag::CAP)
                    && t.is(flag::ALPHA)
                    && !t.is(flag::ALL_CAPS)
                    && t.gap_has(gap::CLAUSE)
                    && (!crate::words::is_common(w) || crate::words::is_name_word(w))
                    && !crate::words::among(OPENERS, w)
                    && !crate::words::among(GREETING_WORDS, w)
                    && !crate::words::is_day_or_month(w)
                    && !listed
                    && !described
                {
                    self.greeting = Some(Greeting { addressee: at..at + 1 });
                    return;
                }
            }
        }
        let f = self.fold(first);
        let mut k = first;
        if crate::words::among(GREETING_WORDS, f) {
            k += 1;
        } else if f == "good"
            && same(first + 1, self)
            && matches!(self.fold(first + 1), "morning" | "afternoon" | "evening" | "day")
        {
            k += 2;
        } else if matches!(f, "morning" | "afternoon" | "evening") {
            k += 1;
        } else if self.tokens[first].is(flag::PLACEHOLDER) {
            // "[Name], thanks for ..." addresses a placeholder.
        } else if !crate::words::among(OPENERS, f)
            // ("I'm sorry, ...": a contraction is nobody's name.)
            && !f.contains('\'')
            && (!crate::words::is_common(f) || self.name_word_then_address(first))
            && !crate::words::among(crate::words::UNSPACED_GREETINGS, f)
            && (self.tokens[first].is(flag::CAP) || self.tokens[first].is(flag::UNSPACED))
            && (self.tokens[first].gap_has(gap::COMMA | gap::NEWLINE | gap::EXCLAIM)
                || (same(first + 1, self)
                    && self.tokens[first + 1].gap_has(gap::COMMA | gap::NEWLINE)
                    // A full name is capitalised twice ("Priya Raman,").
                    && self.tokens[first + 1].is(flag::CAP)))
            && !is_interjection(f)
        {
            // A draft that opens with the name: "Priya, ..." or "Priya Raman,".
        } else {
            return;
        }
        // The greeting word itself may carry the punctuation ("Hi, Priya" is
        // rare; "Hi, thanks" is common): then nobody is addressed.
        if k > first && self.tokens[k - 1].gap_has(gap::CLAUSE & !gap::COMMA) {
            self.greeting = Some(Greeting { addressee: k..k });
            return;
        }
        if k > first && self.tokens[k - 1].gap_has(gap::COMMA) {
            // "Hi, Kasidy!" addresses Kasidy; "Hi, thanks for ..." nobody.
            let named = same(k, self) && {
                let t = &self.tokens[k];
                let w = self.fold(k);
                t.is(flag::CAP)
                    && t.is(flag::ALPHA)
                    && t.gap_has(gap::CLAUSE)
                    && (!crate::words::is_common(w) || crate::words::is_name_word(w))
                    && !crate::words::among(OPENERS, w)
            };
            self.greeting = Some(Greeting { addressee: if named { k..k + 1 } else { k..k } });
            return;
        }
        let mut end = k;
        while same(end, self) && end - k < 4 {
            // Titles are part of the address ("Dear Ms. Raman").
            end += 1;
            if self.tokens[end - 1].gap_has(gap::CLAUSE & !gap::PERIOD)
                || (self.tokens[end - 1].gap_has(gap::PERIOD) && !crate::words::among(TITLES, self.fold(end - 1)))
            {
                break;
            }
        }
        self.greeting = Some(Greeting { addressee: k..end });
    }
}
