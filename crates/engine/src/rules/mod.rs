//! Every rule and every phrase table, registered once.
//!
//! To add a cue family, copy `gratitude.rs`: a file with its phrase tables as
//! `const`s and a `check` function; then list the tables in `tables!` and the
//! function in [`RULES`]. The cue itself is registered in `cue.rs`.

use crate::context::Context;
use crate::cue::Cue;
use crate::document::Document;
use crate::finding::{Finding, Relation};
use crate::lexicon::{self, p, Hit, Lexicon, Phrase, TableId};
use std::sync::OnceLock;

pub(crate) mod apology;
pub(crate) mod blame;
pub(crate) mod boilerplate;
pub(crate) mod commitment;
pub(crate) mod details;
pub(crate) mod empathy;
pub(crate) mod exchange;
pub(crate) mod extra_mile;
pub(crate) mod feelings;
pub(crate) mod gratitude;
pub(crate) mod language;
pub(crate) mod local;
pub(crate) mod markers;
pub(crate) mod memo;
pub(crate) mod name;
pub(crate) mod next_steps;
pub(crate) mod ownership;
pub(crate) mod politeness;
pub(crate) mod profanity;
pub(crate) mod questions;
pub(crate) mod repeat_contact;
pub(crate) mod requests;
pub(crate) mod sarcasm;
pub(crate) mod shouting;

macro_rules! tables {
    ($($name:ident => $path:path,)*) => {
        /// A phrase table, by name; its hits are `doc.hits(T::Name)`.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub(crate) enum T { $($name),* }

        /// All tables, indexed by [`T`]: one static for the rules, read while
        /// compiling the lexicons.
        pub(crate) static TABLES: &[&[Phrase]] = &[$($path),*];

        /// How many built-in tables there are; a rule pack's own come after.
        pub(crate) const TABLES_LEN: usize = [$(T::$name),*].len();
    };
}

tables! {
    ApologyOwn => apology::OWN,
    ApologyHollow => apology::HOLLOW,
    NotApology => apology::NOT_APOLOGY,
    Thanks => gratitude::THANKS,
    NotThanks => gratitude::NOT_THANKS,
    Sarcasm => sarcasm::SARCASM,
    Profanity => profanity::PROFANITY,
    Blame => blame::BLAME,
    BlameCause => blame::CAUSES,
    Demand => requests::DEMAND,
    Polite => requests::POLITE,
    Empathy => empathy::EMPATHY,
    Boilerplate => boilerplate::BOILERPLATE,
    Negative => language::NEGATIVE,
    Positive => language::POSITIVE,
    ExtraMile => extra_mile::EXTRA_MILE,
    NextSteps => next_steps::NEXT_STEPS,
    Concrete => commitment::CONCRETE,
    Vague => commitment::VAGUE,
    NotVague => commitment::NOT_VAGUE,
    OverPromise => commitment::OVER_PROMISE,
    Ownership => ownership::OWNERSHIP,
    Deflection => ownership::DEFLECTION,
    Hedge => crate::rules::politeness::HEDGES,
    Rude => crate::rules::politeness::RUDE,
    Deferral => questions::DEFERRAL,
    Acknowledge => feelings::ACKNOWLEDGE,
    RepeatAck => repeat_contact::REPEAT_ACK,
    DidNotWork => details::DID_NOT_WORK,
    // Tables read in the customer's message (see `MESSAGE_TABLES`).
    Indirect => questions::INDIRECT,
    Rhetorical => questions::RHETORICAL,
    Anger => feelings::ANGER,
    Frustration => feelings::FRUSTRATION,
    Worry => feelings::WORRY,
    Disappointment => feelings::DISAPPOINTMENT,
    Heat => feelings::HEAT,
    Repeat => repeat_contact::REPEAT,
    Attached => details::ATTACHED,
}

/// The tables matched in the customer's message rather than in the draft:
/// they make up [`message_lexicon`], and the draft's lexicon leaves them out.
pub(crate) const MESSAGE_TABLES: &[T] = &[
    T::Indirect,
    T::Rhetorical,
    T::Anger,
    T::Frustration,
    T::Worry,
    T::Disappointment,
    T::Heat,
    T::Repeat,
    T::Attached,
];

impl From<T> for TableId {
    fn from(t: T) -> TableId {
        TableId(t as u16)
    }
}

/// Per table, whether it is read in the customer's message (`true`) or in
/// the draft.
const IN_MESSAGE: [bool; TABLES_LEN] = {
    let mut mask = [false; TABLES_LEN];
    let mut i = 0;
    while i < MESSAGE_TABLES.len() {
        mask[MESSAGE_TABLES[i] as usize] = true;
        i += 1;
    }
    mask
};

const IN_DRAFT: [bool; TABLES_LEN] = {
    let mut mask = [false; TABLES_LEN];
    let mut i = 0;
    while i < TABLES_LEN {
        mask[i] = !IN_MESSAGE[i];
        i += 1;
    }
    mask
};

// The tables are checked while the crate compiles; their indexes are
// built when first used (see `lexicon::build`).
lexicon::checked_index! { TABLES, IN_DRAFT }
lexicon::checked_index! { TABLES, IN_MESSAGE }

/// The draft's tables, compiled when first used.
fn draft_index() -> lexicon::Index {
    static BUILT: OnceLock<lexicon::Built> = OnceLock::new();
    BUILT.get_or_init(|| lexicon::build(TABLES, &IN_DRAFT)).index()
}

/// The lexicon of every rule's tables for the draft.
pub(crate) fn draft_lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| Lexicon::compiled(draft_index(), TABLES_LEN))
}

/// The draft's lexicon plus a rule pack's phrases (see [`Lexicon::with_extra`]).
pub(crate) fn draft_lexicon_with(count: usize, extra: &[(TableId, u16, Vec<String>)]) -> Lexicon {
    Lexicon::with_extra(draft_index(), count, extra)
}

/// The lexicon of the tables rules read in the customer's message (its
/// hits keep the tables' own ids), compiled when first used.
pub(crate) fn message_lexicon() -> &'static Lexicon {
    static BUILT: OnceLock<lexicon::Built> = OnceLock::new();
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| {
        Lexicon::compiled(BUILT.get_or_init(|| lexicon::build(TABLES, &IN_MESSAGE)).index(), TABLES_LEN)
    })
}

/// What a phrase a team added in a rule pack carries: nothing of its own.
const TEAM_PHRASE: Phrase = p("");

/// The table entry a hit of `table` matched; a team's own phrase (an entry
/// past the built-in table) carries no note or better phrasing.
pub(crate) fn phrase(hit: &Hit, table: T) -> &'static Phrase {
    TABLES[table as usize].get(hit.entry as usize).unwrap_or(&TEAM_PHRASE)
}

/// A rule reads the parsed document and appends its findings.
pub(crate) type Check = fn(&Document, &Context, &mut Vec<Finding>);

/// A rule under its id, with the cues it emits (and no other: checked while
/// tests run, and each cue comes from exactly one rule, see the tests).
pub(crate) struct Rule {
    pub id: &'static str,
    pub cues: &'static [Cue],
    pub check: Check,
    /// Whether a later rule reads its findings: it then runs even when a
    /// rule pack turns all its cues off (and its findings are dropped after).
    pub read_later: bool,
    pub scope: Scope,
    /// For a draft rule with a local part kept per chunk by `Incremental`
    /// (see `local::Parts`): which part, and the rule from it. `check` is
    /// the same rule finding its local part itself.
    pub decide: Option<(LocalPart, Decide)>,
}

/// The local part of a draft rule, kept per chunk (see `local::Parts`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum LocalPart {
    /// The name rule's: mentions of the customer's name.
    Mentions,
    /// The gratitude rule's: thanks, before the sign-off is ruled out.
    Thanks,
}

/// A draft rule from the local parts of the chunks.
pub(crate) type Decide = fn(&Document, &Context, &local::Parts, &mut Vec<Finding>);

/// What a rule reads to make a finding.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Scope {
    /// Only near the finding's words: their sentence, at most
    /// [`local::LOOK_BEHIND`] tokens before it and the sentence after it,
    /// with the facts (quotes, placeholders, links) that overlap those; no
    /// greeting, no customer, no other rule's findings; every finding has a
    /// span. Such a rule can run on a part of the draft (`Document::view`),
    /// and `Incremental` keeps its findings per chunk of lines.
    Local,
    /// Anywhere in the draft: counts, the greeting, the last lines, other
    /// rules' findings, the customer's name.
    Draft,
}

impl Rule {
    /// Whether the rule can be skipped: it emits only cues `off` turns off
    /// and no later rule reads its findings.
    pub fn skippable(&self, off: impl Fn(Cue) -> bool) -> bool {
        !self.read_later && self.cues.iter().all(|&c| off(c))
    }
}

/// A rule that reads only near its words (see [`Scope::Local`]).
const fn rule(id: &'static str, cues: &'static [Cue], check: Check) -> Rule {
    Rule { id, cues, check, read_later: false, scope: Scope::Local, decide: None }
}

/// A rule that reads the whole draft (see [`Scope::Draft`]).
const fn draft_rule(id: &'static str, cues: &'static [Cue], check: Check) -> Rule {
    Rule { scope: Scope::Draft, ..rule(id, cues, check) }
}

/// Every rule, run in this order by [`crate::analyze`]. Sarcasm runs before
/// apology and gratitude, which read its findings: mock thanks and mock
/// apologies are sarcasm, not thanks or apologies. The relation rule
/// `feelings` reads apology and empathy findings. Local rules read no
/// other rule's findings, so they may also run first, chunk by chunk (see
/// `local.rs`).
pub(crate) static RULES: &[Rule] = &[
    Rule {
        decide: Some((LocalPart::Mentions, name::decide_from)),
        ..draft_rule(
            "name",
            &[Cue::NameUsed, Cue::NameMissing, Cue::NameMisspelled, Cue::NameMismatch, Cue::NamePlaceholder],
            name::check,
        )
    },
    Rule { read_later: true, ..rule("sarcasm", &[Cue::Sarcasm], sarcasm::check) },
    Rule {
        read_later: true,
        ..draft_rule("apology", &[Cue::Apology, Cue::ApologyHollow, Cue::ApologyExcess], apology::check)
    },
    Rule {
        decide: Some((LocalPart::Thanks, gratitude::decide_from)),
        ..draft_rule("gratitude", &[Cue::Gratitude], gratitude::check)
    },
    rule("shouting", &[Cue::Shouting], shouting::check),
    rule("profanity", &[Cue::Profanity], profanity::check),
    rule("blame", &[Cue::Blame], blame::check),
    rule("requests", &[Cue::Demand, Cue::PoliteRequest], requests::check),
    Rule { read_later: true, ..rule("empathy", &[Cue::Empathy], empathy::check) },
    rule("boilerplate", &[Cue::Boilerplate], boilerplate::check),
    rule("language", &[Cue::NegativeLanguage, Cue::PositiveLanguage], language::check),
    rule("extra_mile", &[Cue::ExtraMile], extra_mile::check),
    draft_rule("next_steps", &[Cue::NextSteps, Cue::NextStepsMissing], next_steps::check),
    rule("commitment", &[Cue::Commitment, Cue::VagueCommitment, Cue::OverPromise], commitment::check),
    rule("ownership", &[Cue::Ownership, Cue::Deflection], ownership::check),
];

pub(crate) use exchange::{Exchange, MessageFacts};

/// A rule that reads the reply against the customer's message: it sees the
/// draft's findings so far, records how the reply relates to the message
/// and appends its findings.
pub(crate) type RelationCheck = fn(&Exchange, &[Finding], &mut Relation, &mut Vec<Finding>);

/// A rule that reads the reply against the message, under its id, with the
/// cues it emits. Relation rules always run: besides findings they record
/// the reply's relation to the message, which the panel shows whatever cues
/// a pack turns off.
pub(crate) struct RelationRule {
    pub id: &'static str,
    pub cues: &'static [Cue],
    pub check: RelationCheck,
}

/// Every rule that reads the reply against the customer's message, run by
/// [`crate::analyze`] after [`RULES`] when there is a message.
pub(crate) static RELATION_RULES: &[RelationRule] = &[
    RelationRule { id: "questions", cues: &[Cue::QuestionUnanswered], check: questions::check },
    RelationRule { id: "feelings", cues: &[Cue::FeelingsUnacknowledged], check: feelings::check },
    RelationRule { id: "repeat_contact", cues: &[Cue::RepeatContactUnacknowledged], check: repeat_contact::check },
    RelationRule { id: "details", cues: &[Cue::DetailsAskedAgain], check: details::check },
];

/// The table a rule pack's phrases for `cue` join, for the cues whose rule
/// finds them by phrase.
pub(crate) fn phrase_table(cue: Cue) -> Option<T> {
    Some(match cue {
        Cue::Apology => T::ApologyOwn,
        Cue::ApologyHollow => T::ApologyHollow,
        Cue::Gratitude => T::Thanks,
        Cue::Sarcasm => T::Sarcasm,
        Cue::Profanity => T::Profanity,
        Cue::Blame => T::Blame,
        Cue::Demand => T::Demand,
        Cue::PoliteRequest => T::Polite,
        Cue::Empathy => T::Empathy,
        Cue::Boilerplate => T::Boilerplate,
        Cue::NegativeLanguage => T::Negative,
        Cue::PositiveLanguage => T::Positive,
        Cue::ExtraMile => T::ExtraMile,
        Cue::NextSteps => T::NextSteps,
        Cue::Commitment => T::Concrete,
        Cue::VagueCommitment => T::Vague,
        Cue::OverPromise => T::OverPromise,
        Cue::Ownership => T::Ownership,
        Cue::Deflection => T::Deflection,
        _ => return None,
    })
}

/// The hits of `table`, without hits that overlap an earlier, longer one.
pub(crate) fn distinct_hits<'d>(doc: &'d Document, table: T) -> std::borrow::Cow<'d, [Hit]> {
    distinct_hits_at(doc, table.into())
}

/// [`distinct_hits`] by table index, for a rule pack's own tables too.
pub(crate) fn distinct_hits_at<'d>(doc: &'d Document, table: TableId) -> std::borrow::Cow<'d, [Hit]> {
    let found = doc.hits(table);
    // Most tables' hits are in order already and none overlaps the one
    // before: they are all kept, in that order, and are lent as they are
    // (a copy and a sort cost more than the rule's use of them).
    let key = |h: &Hit| (h.span.start(), std::cmp::Reverse(h.span.end()));
    if found.windows(2).all(|w| key(&w[0]) <= key(&w[1]) && !w[0].span.overlaps(w[1].span)) {
        return std::borrow::Cow::Borrowed(found);
    }
    // The others are in text order too (by start), with a shorter hit
    // starting where a longer one does, or one overlapping the one before
    // ("thank you" in "thank you so much"): of the hits starting at a
    // place, the first longest is the one the sort below puts first, and
    // it is kept exactly when it does not overlap the last kept (whether a
    // hit starting there overlaps an earlier one does not depend on its
    // end), the others of its place never. One pass, no sort: the sort
    // was about 110 k instructions per 10,143 words (5 tables).
    if found.windows(2).all(|w| w[0].span.start() <= w[1].span.start()) && found.iter().all(|h| !h.span.is_empty()) {
        let mut hits: Vec<Hit> = Vec::with_capacity(found.len());
        for &h in found {
            match hits.last_mut() {
                Some(last) if last.span.start() == h.span.start() => {
                    if h.span.end() > last.span.end() {
                        *last = h;
                    }
                }
                Some(last) if last.span.overlaps(h.span) => {}
                _ => hits.push(h),
            }
        }
        return std::borrow::Cow::Owned(hits);
    }
    let mut hits: Vec<Hit> = found.to_vec();
    crate::order::sort_by_key(&mut hits, |h| (h.span.start(), std::cmp::Reverse(h.span.end())));
    // Kept in place: the first `kept` hold the hits kept so far.
    let mut kept = 0;
    for i in 0..hits.len() {
        if kept == 0 || !hits[kept - 1].span.overlaps(hits[i].span) {
            hits[kept] = hits[i];
            kept += 1;
        }
    }
    hits.truncate(kept);
    std::borrow::Cow::Owned(hits)
}

/// A finding for a table hit, with the phrase's own note and better
/// phrasings, cased for where they land ("Hi Priya, to recap, ...").
pub(crate) fn finding_for(doc: &Document, cue: Cue, table: T, hit: &Hit) -> Finding {
    let phrase = phrase(hit, table);
    // (Filled in place, what `with_message` and `with_suggestions` do:
    // each builder's move of the finding was a copy, and most phrases carry
    // neither a note nor better phrasings.)
    let mut f = Finding::new(cue, Some(hit.span));
    if !phrase.note.is_empty() {
        f.message = std::borrow::Cow::Borrowed(phrase.note);
    }
    if !phrase.better.is_empty() {
        f.suggestions = phrase.better.iter().map(|b| fit_case(doc, hit.first as usize, b)).collect();
    }
    f
}

/// Words that deny what follows them: "we can't guarantee", "this isn't
/// your fault", "none of this is your fault".
const NEGATIONS: &[&str] = &[
    "not", "can't", "cannot", "cant", "don't", "dont", "won't", "wont", "no", "unable", "never", "couldn't", "isn't",
    "isnt", "wasn't", "wasnt", "aren't", "weren't", "none", "nothing", "neither", "nor",
];

/// The keys of [`NEGATIONS`]: a token without its bit is none of them.
const NEGATION_KEYS: crate::hash::KeyBloom = crate::hash::KeyBloom::of(&[NEGATIONS]);

/// Whether `w` (folded) is one of [`NEGATIONS`].
pub(crate) fn is_negation(w: &str) -> bool {
    crate::words::among(NEGATIONS, w)
}

/// Whether token `k`'s word is one of [`NEGATIONS`], by its key first: a
/// comparison with each of the 22, by length, is a jump that goes either
/// way with the word read.
pub(crate) fn negation_at(doc: &Document, k: usize) -> bool {
    NEGATION_KEYS.may_hold(doc.tokens[k].key) && is_negation(doc.fold(k))
}

/// Whether one of the `window` words before token `first`, in its
/// sentence, denies it.
pub(crate) fn negated_before(doc: &Document, first: usize, window: usize) -> bool {
    (first.saturating_sub(window)..first)
        .any(|k| doc.tokens[k].sentence == doc.tokens[first].sentence && negation_at(doc, k))
}

/// A suggestion cased for where it lands: capitalised at the start of a
/// sentence, lower case inside one (except "I").
pub(crate) fn fit_case(doc: &Document, token: usize, s: &str) -> String {
    let at_start = doc.tokens.get(token).is_none_or(|t| t.is(crate::document::flag::SENT_START));
    let mut c = s.chars();
    // (The first char cased, the rest copied as it is: a string collected
    // char by char was about 10 instructions a char.)
    let cased = |first: &mut dyn Iterator<Item = char>, rest: &str| {
        let mut out = String::with_capacity(s.len() + 2);
        out.extend(first);
        out.push_str(rest);
        out
    };
    match c.next() {
        Some(f) if at_start => cased(&mut f.to_uppercase(), c.as_str()),
        Some(_) if s.starts_with("I ") || s.starts_with("I'") => s.to_string(),
        Some(f) => cased(&mut f.to_lowercase(), c.as_str()),
        None => String::new(),
    }
}

/// One finding per distinct hit of `table`, skipping hits that overlap any of
/// the `unless` tables.
pub(crate) fn emit_table(doc: &Document, table: T, cue: Cue, unless: &[T], out: &mut Vec<Finding>) {
    emit_table_where(doc, table, cue, unless, out, |_, _| true);
}

/// [`emit_table`]'s findings that `keep` keeps, given each one's hit and
/// its first and last tokens (see [`placed`]): a rule that weeds its
/// table's findings tests each as the table gives it, all its tests in one
/// pass, not a pass each with a binary search over the tokens per finding.
pub(crate) fn emit_table_where(
    doc: &Document,
    table: T,
    cue: Cue,
    unless: &[T],
    out: &mut Vec<Finding>,
    mut keep: impl FnMut(&Hit, (usize, usize)) -> bool,
) {
    let hits = distinct_hits(doc, table);
    // Room for a finding a hit, made once: the list grew by doubling, a
    // copy of its findings each time (most rules' lists start empty).
    out.reserve(hits.len());
    table_findings_of(doc, &hits, table, cue, unless, |hit, f| {
        if keep(hit, placed(doc, hit)) {
            out.push(f);
        }
    });
}

/// [`emit_table`]'s findings handed to `each` in order, each with the hit
/// it is made from: a rule that weeds them reads the hit's first and last
/// tokens (`Hit::first`, `Hit::last`, those of its span, see
/// [`placed`]), not two binary searches over the tokens per finding.
pub(crate) fn table_findings(doc: &Document, table: T, cue: Cue, unless: &[T], each: impl FnMut(&Hit, Finding)) {
    table_findings_of(doc, &distinct_hits(doc, table), table, cue, unless, each);
}

fn table_findings_of(
    doc: &Document,
    hits: &[Hit],
    table: T,
    cue: Cue,
    unless: &[T],
    mut each: impl FnMut(&Hit, Finding),
) {
    for hit in hits {
        if unless.iter().any(|&u| doc.any_hit_overlaps(u, hit.span)) {
            continue;
        }
        each(hit, finding_for(doc, cue, table, hit));
    }
}

/// The first and last tokens of `hit`: those of its span (a hit covers
/// whole tokens), what `Document::token_at` finds for its first and last
/// bytes.
pub(crate) fn placed(doc: &Document, hit: &Hit) -> (usize, usize) {
    let (first, last) = (hit.first as usize, hit.last as usize);
    debug_assert_eq!((first, last), (doc.token_at(hit.span.start()), doc.token_at(hit.span.end() - 1)));
    (first, last)
}

/// The places in `words` of the tokens `pick` picks and `keep` keeps, in
/// order. A rule that looks for a few words among every token tells them
/// 64 at a time, each token's answer a bit of a `u64` (`pick` should be
/// branchless and cheap: a flag or a byte compared), then asks `keep` of
/// the few picked only, clearing the bits of those it does not keep, and
/// goes to the next set bit: no branch per token, where a search stopping
/// at each word picked ended on a branch the processor could not foresee.
/// (Per 10,143 words: the gratitude rule's search for typos, by the
/// first byte then the length, about 57 k instructions fewer; the
/// shouting rule's for capitals, 22 k fewer; the name rule's, by a flag
/// and the key's bit, then the length and region, 51 k more, but 1.5 k
/// fewer mispredicted branches simulated, of 2.3 k, and faster by the
/// clock. Its whole test asked of every token was 117 k more.) Shared by
/// those three rules, so kept here rather than in one of them. `keep` is
/// asked of all the picked tokens of 64 before the first of them is
/// given: it must not depend on what the caller does with those given
/// (the shouting rule, which skips the capitals of a run it has read,
/// keeps every token and skips them itself).
#[inline(always)]
pub(crate) fn picked<'w>(
    words: &'w [crate::tokens::Token],
    pick: impl Fn(&crate::tokens::Token) -> bool + 'w,
    keep: impl Fn(&crate::tokens::Token) -> bool + 'w,
) -> impl Iterator<Item = usize> + 'w {
    words.chunks(64).enumerate().flat_map(move |(c, chunk)| {
        // (Backwards, each bit shifted in: a chain the compiler keeps in
        // a register; a bit placed by its index was vectorised, into more
        // instructions a token than it spared.)
        let picked = chunk.iter().rev().fold(0u64, |bits, t| bits << 1 | u64::from(pick(t)));
        let (mut rest, mut bits) = (picked, picked);
        while let Some(t) = chunk.get(rest.trailing_zeros() as usize) {
            bits &= !(u64::from(!keep(t)) << rest.trailing_zeros());
            rest &= rest - 1;
        }
        std::iter::from_fn(move || {
            let k = bits.trailing_zeros() as usize;
            bits &= bits.wrapping_sub(1);
            (k < 64).then_some(64 * c + k)
        })
    })
}

/// `Vec::retain` over the findings of `out` from `from` on (those a rule
/// appended to the list it was given), the ones before left as they are:
/// the rule's findings need no list of their own, an allocation and a copy
/// per analysis. Each is tested once, in order, and those kept stay in it.
pub(crate) fn retain_from(out: &mut Vec<Finding>, from: usize, mut keep: impl FnMut(&Finding) -> bool) {
    let mut kept = from;
    for i in from..out.len() {
        if keep(&out[i]) {
            // (Moved only past a finding dropped: most are kept in place.)
            if kept != i {
                out.swap(kept, i);
            }
            kept += 1;
        }
    }
    out.truncate(kept);
}

/// Praise for words the report also calls sarcastic is no praise: "We're
/// thrilled to hear about your fifth complaint" is not positive language,
/// "Great news 🙃" no good news. The name used there is still used, and a
/// team's sign-off still signed. Words shouted lose their courtesy too ("WE
/// SENT IT YESTERDAY. PLEASE CHECK YOUR MAILBOX": neither extra mile nor a
/// polite request), though what they commit to stays committed. Courtesy
/// in a sentence that mocks is mocked too, wherever the mocking words
/// stand: "Did you even look at the attachment I sent?" goes the extra
/// mile nowhere.
pub(crate) fn drop_mocked_praise(doc: &Document, findings: &mut Vec<Finding>) {
    let sarcastic = merged_spans(findings, Cue::Sarcasm);
    let mocking = if sarcastic.is_empty() { Vec::new() } else { sarcasm::sarcastic_sentences(doc, findings) };
    let shouted = merged_spans(findings, Cue::Shouting);
    if sarcastic.is_empty() && shouted.is_empty() {
        return;
    }
    // The sentences the sarcasm is said in, by the last word it reaches (an
    // emoji after a reproach is no word: "... our last two replies 😊 If
    // you haven't had it by 20 July, I'll chase it" mocks in the first).
    let mut mocking_steps: Vec<u32> = if sarcastic.is_empty() {
        Vec::new()
    } else {
        findings
            .iter()
            .filter(|f| f.cue == Cue::Sarcasm)
            .filter_map(|f| f.span)
            .filter_map(|s| {
                let k = doc.tokens.partition_point(|t| t.span.start() < s.end());
                k.checked_sub(1).map(|k| doc.tokens[k].sentence)
            })
            .collect()
    };
    crate::order::sort(&mut mocking_steps);
    mocking_steps.dedup();
    // Sorted and disjoint, so one binary search per praise finds the
    // stretch it overlaps most; the praise goes when at least half of it
    // lies there (one shouted word does not take a sentence's courtesy
    // with it; a shouted sentence's trimmed "I" keeps nothing).
    let within = |spans: &[(usize, usize)], span: crate::span::Span| {
        let i = spans.partition_point(|m| m.0 < span.end());
        i > 0 && {
            let (a, b) = spans[i - 1];
            let overlap = b.min(span.end()).saturating_sub(a.max(span.start()));
            overlap * 2 >= span.len().max(1)
        }
    };
    // The bytes a finding may start at to be in a mocking sentence, and in
    // a sentence right after one (see `sentence_bytes`): its sentence told
    // by a search of a few ranges, not of its token among all the tokens
    // (about 230 binary searches over the 10,143 words' tokens).
    let mocking_bytes = sentence_bytes(doc, &mocking);
    let after_mocking: Vec<u32> = mocking_steps.iter().map(|&s| s + 1).collect();
    let after_mocking_bytes = sentence_bytes(doc, &after_mocking);
    let in_sentences = |bytes: &[(usize, usize)], sentences: &[u32], at: usize| {
        let held = holds(bytes, at);
        debug_assert_eq!(
            held,
            doc.tokens.get(doc.token_at(at)).is_some_and(|t| sentences.binary_search(&t.sentence).is_ok())
        );
        held
    };
    findings.retain(|f| {
        let Some(span) = f.span else { return true };
        if f.cue.severity() != crate::cue::Severity::Praise || matches!(f.cue, Cue::NameUsed | Cue::SignOff) {
            return true;
        }
        let courtesy = matches!(f.cue, Cue::PoliteRequest | Cue::PositiveLanguage | Cue::ExtraMile | Cue::Empathy);
        let in_mocking_sentence = || courtesy && in_sentences(&mocking_bytes, &mocking, span.start());
        // Mock urgency right after a mocking sentence ("Oh I'm so sorry our
        // free app isn't perfect enough for you. We'll get right on that.")
        // promises nothing.
        let mocked_step = || {
            if f.cue != Cue::NextSteps || !in_sentences(&after_mocking_bytes, &after_mocking, span.start()) {
                return false;
            }
            let k = doc.token_at(span.start());
            let s = doc.tokens[k].sentence;
            let n = doc.tokens.len();
            (k..(k + 8).min(n)).take_while(|&j| doc.tokens[j].sentence == s).any(|j| {
                matches!(doc.fold(j), "right" | "straight")
                    && j + 1 < n
                    && doc.tokens[j + 1].sentence == s
                    && doc.fold(j + 1) == "on"
            })
        };
        let mocked =
            within(&sarcastic, span) || (courtesy && within(&shouted, span)) || in_mocking_sentence() || mocked_step();
        !mocked
    });
}

/// The bytes whose token ([`Document::token_at`]) is in one of the
/// sentences `sentences` (sorted), as sorted ranges: for a sentence of
/// tokens `a..b`, from the end of token `a - 1` (from 0 for the first) to
/// the end of token `b - 1`.
fn sentence_bytes(doc: &Document, sentences: &[u32]) -> Vec<(usize, usize)> {
    let tokens = &doc.tokens;
    sentences
        .iter()
        .filter_map(|&s| {
            let a = tokens.partition_point(|t| t.sentence < s);
            let b = a + tokens[a..].partition_point(|t| t.sentence == s);
            (a < b).then(|| (a.checked_sub(1).map_or(0, |p| tokens[p].span.end()), tokens[b - 1].span.end()))
        })
        .collect()
}

/// Whether byte `at` is in one of `ranges` (sorted, disjoint, half-open).
fn holds(ranges: &[(usize, usize)], at: usize) -> bool {
    let i = ranges.partition_point(|r| r.1 <= at);
    ranges.get(i).is_some_and(|r| r.0 <= at)
}

/// The spans of `cue`'s findings, sorted and merged where they overlap.
fn merged_spans(findings: &[Finding], cue: Cue) -> Vec<(usize, usize)> {
    let mut spans: Vec<(usize, usize)> =
        findings.iter().filter(|f| f.cue == cue).filter_map(|f| f.span).map(|s| (s.start(), s.end())).collect();
    crate::order::sort(&mut spans);
    let mut merged: Vec<(usize, usize)> = Vec::with_capacity(spans.len());
    for s in spans {
        match merged.last_mut() {
            Some(last) if s.0 < last.1 => last.1 = last.1.max(s.1),
            _ => merged.push(s),
        }
    }
    merged
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::Span;

    #[test]
    fn a_rule_weeds_only_the_findings_it_appended_and_keeps_their_order() {
        // Two findings of rules before, then five of this rule's, at bytes
        // 10, 20, ..., 50: the ones at 20 and 40 dropped.
        let at = |start: usize| Finding::new(Cue::Apology, Some(Span::new(start, start + 1)));
        let mut out = vec![at(1), at(2)];
        out.extend((1..=5).map(|k| at(10 * k)));
        retain_from(&mut out, 2, |f| f.span.is_some_and(|s| s.start() % 20 != 0));
        let starts: Vec<usize> = out.iter().filter_map(|f| f.span).map(|s| s.start()).collect();
        assert_eq!(starts, [1, 2, 10, 30, 50]);
        // The findings before `from` are not asked about, even when the
        // test would drop them; none appended leaves the list as it was.
        retain_from(&mut out, 5, |_| false);
        assert_eq!(out.len(), 5);
        retain_from(&mut out, 0, |f| f.span.is_some_and(|s| s.start() >= 10));
        let starts: Vec<usize> = out.iter().filter_map(|f| f.span).map(|s| s.start()).collect();
        assert_eq!(starts, [10, 30, 50]);
    }

    #[test]
    fn every_phrase_is_written_folded() {
        for (t, table) in TABLES.iter().enumerate() {
            for phrase in table.iter() {
                let unfolded = crate::lexicon::tests::unfolded_words(phrase.pat);
                assert!(unfolded.is_empty(), "table {t}, {:?}: write {unfolded:?} folded", phrase.pat);
            }
        }
    }

    /// Alternatives are per word: "didn't|did not follow" reads "didn't"
    /// or "did", then "not", then "follow", so "you didn't follow" never
    /// matches. Such a pattern is two patterns.
    #[test]
    fn no_word_group_mixes_a_contraction_with_its_spelt_out_form() {
        const AUX: &[&str] =
            &["do", "does", "did", "is", "are", "was", "were", "can", "will", "would", "could", "have", "has"];
        for (t, table) in TABLES.iter().enumerate() {
            for phrase in table.iter() {
                let groups: Vec<Vec<&str>> =
                    phrase.pat.split(' ').map(|g| g.trim_end_matches('?').split('|').collect()).collect();
                for pair in groups.windows(2) {
                    let contracted = pair[0].iter().any(|w| w.ends_with("n't") || *w == "cannot");
                    let spelt_out = pair[0].iter().any(|w| AUX.contains(w)) && pair[1].contains(&"not");
                    assert!(!(contracted && spelt_out), "table {t}, {:?}: split it in two patterns", phrase.pat);
                }
            }
        }
    }

    #[test]
    fn every_cue_comes_from_exactly_one_rule() {
        for cue in Cue::ALL {
            let from: Vec<&str> = RULES
                .iter()
                .filter(|r| r.cues.contains(cue))
                .map(|r| r.id)
                .chain(RELATION_RULES.iter().filter(|r| r.cues.contains(cue)).map(|r| r.id))
                .chain(crate::pack::PACK_CUES.contains(cue).then_some("rule pack"))
                .collect();
            assert_eq!(from.len(), 1, "{} comes from {from:?}", cue.id());
        }
        let mut ids: Vec<&str> = RULES.iter().map(|r| r.id).chain(RELATION_RULES.iter().map(|r| r.id)).collect();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), RULES.len() + RELATION_RULES.len(), "rule ids are unique");
    }

    #[test]
    fn every_table_entry_compiles_with_a_word_first() {
        let total: usize = TABLES.iter().map(|t| t.len()).sum();
        assert_eq!(draft_lexicon().len() + message_lexicon().len(), total);
    }
}

#[cfg(test)]
pub(crate) mod testing {
    //! Helpers for rule tests: brackets mark the spans a cue must flag.

    use crate::{analyze, Context, Cue, Report};

    /// Removes the brackets and returns the plain text and the marked spans.
    pub fn unmark(marked: &str) -> (String, Vec<(usize, usize)>) {
        let mut text = String::new();
        let mut spans = Vec::new();
        let mut open = None;
        for c in marked.chars() {
            match c {
                '⟦' => open = Some(text.len()),
                '⟧' => spans.push((open.take().expect("unbalanced ⟧"), text.len())),
                _ => text.push(c),
            }
        }
        (text, spans)
    }

    fn spans_of(report: &Report, cue: Cue) -> Vec<(usize, usize)> {
        report.findings.iter().filter(|f| f.cue == cue).filter_map(|f| f.span.map(|s| (s.start(), s.end()))).collect()
    }

    /// Asserts that `cue` flags exactly the ⟦bracketed⟧ spans, and at least one.
    #[track_caller]
    pub fn assert_flags_with(cue: Cue, name: Option<&str>, marked: &str) {
        let (text, expected) = unmark(marked);
        assert!(!expected.is_empty(), "test has no ⟦span⟧ marked: {marked}");
        let ctx = Context { customer_name: name.map(str::to_string), customer_message: None };
        let report = analyze(&text, &ctx);
        let got = spans_of(&report, cue);
        let show =
            |v: &[(usize, usize)]| v.iter().map(|&(s, e)| format!("{:?}", &text[s..e])).collect::<Vec<_>>().join(", ");
        assert_eq!(got, expected, "{}: expected [{}], got [{}] in {text:?}", cue.id(), show(&expected), show(&got));
    }

    #[track_caller]
    pub fn assert_flags(cue: Cue, marked: &str) {
        assert_flags_with(cue, None, marked)
    }

    /// Asserts that `cue` reports nothing for the text.
    #[track_caller]
    pub fn assert_clean_with(cue: Cue, name: Option<&str>, text: &str) {
        let ctx = Context { customer_name: name.map(str::to_string), customer_message: None };
        let report = analyze(text, &ctx);
        let got: Vec<String> = report
            .findings
            .iter()
            .filter(|f| f.cue == cue)
            .map(|f| f.span.map_or("(no span)".into(), |s| text[s].to_string()))
            .collect();
        assert!(got.is_empty(), "{}: expected nothing, got {got:?} in {text:?}", cue.id());
    }

    #[track_caller]
    pub fn assert_clean(cue: Cue, text: &str) {
        assert_clean_with(cue, None, text)
    }

    /// Asserts that `cue` reports a finding without a span.
    #[track_caller]
    pub fn assert_absent_finding(cue: Cue, name: Option<&str>, text: &str) {
        let ctx = Context { customer_name: name.map(str::to_string), customer_message: None };
        let report = analyze(text, &ctx);
        assert!(
            report.findings.iter().any(|f| f.cue == cue && f.span.is_none()),
            "{}: expected a finding without span in {text:?}, got {:?}",
            cue.id(),
            report.findings
        );
    }

    /// The findings of `cue` for `reply` answering `message`: (draft span,
    /// context span).
    /// A byte range, if any.
    type Range = Option<(usize, usize)>;

    /// Every finding on `reply` answering `message` (no name given): its cue
    /// and its words.
    pub fn cues_against(message: &str, reply: &str) -> Vec<(Cue, String)> {
        let ctx = Context { customer_name: None, customer_message: Some(message.to_string()) };
        let report = analyze(reply, &ctx);
        report
            .findings
            .iter()
            .map(|f| (f.cue, f.span.map(|s| reply[s.start()..s.end()].to_string()).unwrap_or_default()))
            .collect()
    }

    fn against(cue: Cue, message: &str, reply: &str) -> Vec<(Range, Range)> {
        let ctx = Context { customer_name: None, customer_message: Some(message.to_string()) };
        let report = analyze(reply, &ctx);
        report
            .findings
            .iter()
            .filter(|f| f.cue == cue)
            .map(|f| (f.span.map(|s| (s.start(), s.end())), f.context.map(|s| (s.start(), s.end()))))
            .collect()
    }

    /// Asserts that `cue` points at exactly the ⟦bracketed⟧ words of the
    /// customer's message, and at least one, for `reply`.
    #[track_caller]
    pub fn assert_context(cue: Cue, marked_message: &str, reply: &str) {
        let (message, expected) = unmark(marked_message);
        assert!(!expected.is_empty(), "test has no ⟦span⟧ marked: {marked_message}");
        let got: Vec<(usize, usize)> = against(cue, &message, reply).into_iter().filter_map(|(_, c)| c).collect();
        let show = |v: &[(usize, usize)]| {
            v.iter().map(|&(s, e)| format!("{:?}", &message[s..e])).collect::<Vec<_>>().join(", ")
        };
        assert_eq!(got, expected, "{}: expected [{}], got [{}] in {message:?}", cue.id(), show(&expected), show(&got));
    }

    /// Asserts that `cue` flags exactly the ⟦bracketed⟧ words of `reply`,
    /// and at least one, when it answers `message`.
    #[track_caller]
    pub fn assert_flags_against(cue: Cue, message: &str, marked_reply: &str) {
        let (reply, expected) = unmark(marked_reply);
        assert!(!expected.is_empty(), "test has no ⟦span⟧ marked: {marked_reply}");
        let got: Vec<(usize, usize)> = against(cue, message, &reply).into_iter().filter_map(|(s, _)| s).collect();
        let show =
            |v: &[(usize, usize)]| v.iter().map(|&(s, e)| format!("{:?}", &reply[s..e])).collect::<Vec<_>>().join(", ");
        assert_eq!(got, expected, "{}: expected [{}], got [{}] in {reply:?}", cue.id(), show(&expected), show(&got));
    }

    /// Asserts that `cue` reports nothing for `reply` answering `message`.
    #[track_caller]
    pub fn assert_no_context(cue: Cue, message: &str, reply: &str) {
        let got = against(cue, message, reply);
        assert!(got.is_empty(), "{}: expected nothing, got {got:?} for {reply:?} answering {message:?}", cue.id());
    }

    /// Asserts that the finding of `cue` on the marked span offers `better`.
    #[track_caller]
    pub fn assert_suggests(cue: Cue, name: Option<&str>, marked: &str, better: &str) {
        let (text, spans) = unmark(marked);
        let ctx = Context { customer_name: name.map(str::to_string), customer_message: None };
        let report = analyze(&text, &ctx);
        let f = report
            .findings
            .iter()
            .find(|f| f.cue == cue && f.span.map(|s| (s.start(), s.end())) == spans.first().copied());
        let f = f.unwrap_or_else(|| {
            panic!("{}: no finding on the marked span in {text:?}: {:?}", cue.id(), report.findings)
        });
        assert!(
            f.suggestions.iter().any(|s| s == better),
            "{}: suggestions {:?} lack {better:?}",
            cue.id(),
            f.suggestions
        );
    }
}

/// The scan's shortcuts (`leads`, `places`, `Cand`'s next bits,
/// the 16-bit keys) must pass over no pattern that matches. The equivalence
/// sets hold the patterns real text says; this writes every built-in
/// pattern out itself (each alternative of its first and second element,
/// its optional elements all in and all out) and asks the lexicon that
/// holds its table for a hit of that very entry at the first word.
#[cfg(test)]
mod patterns_written_out {
    use super::*;

    fn texts(pat: &str) -> Vec<String> {
        let elems: Vec<&str> = pat.split_whitespace().collect();
        let word = |e: &str, alt: usize| -> String {
            let e = e.strip_suffix('?').unwrap_or(e);
            match e {
                "#" => "5".into(),
                "_" => "thing".into(),
                _ if e.contains('|') => e.split('|').nth(alt).unwrap_or("").into(),
                _ => e.strip_suffix('*').unwrap_or(e).into(),
            }
        };
        let alts = |e: &str| e.split('|').count();
        let mut out = Vec::new();
        for a0 in 0..alts(elems[0]) {
            for a1 in 0..elems.get(1).map_or(1, |e| alts(e)) {
                for keep_optional in [true, false] {
                    let words: Vec<String> = elems
                        .iter()
                        .enumerate()
                        .filter(|(_, e)| keep_optional || !e.ends_with('?'))
                        .map(|(k, e)| word(e, [a0, a1].get(k).copied().unwrap_or(0)))
                        .collect();
                    out.push(words.join(" "));
                }
            }
        }
        out
    }

    #[test]
    fn every_built_in_pattern_finds_itself_written_out() {
        let mut missed = Vec::new();
        for (t, table) in TABLES.iter().enumerate() {
            let lexicon = if IN_MESSAGE[t] { message_lexicon() } else { draft_lexicon() };
            for (e, phrase) in table.iter().enumerate() {
                for text in texts(phrase.pat) {
                    let toks = crate::tokens::Tokens::of(&text);
                    let found = lexicon.scan_found(&toks.tokens, &toks.folded);
                    if !found.iter().any(|(tt, h)| *tt as usize == t && h.entry as usize == e && h.first == 0) {
                        missed.push(format!("table {t} entry {e} {:?}: {text:?}", phrase.pat));
                    }
                }
            }
        }
        assert!(missed.is_empty(), "{} missed:\n{}", missed.len(), missed.join("\n"));
    }
}
