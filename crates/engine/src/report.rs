//! Findings, the per-cornerstone summary, and the JSON shape of a report.

use std::borrow::Cow;

mod json;
pub use json::json_str;

use crate::cue::{Cornerstone, Cue, Severity};
use crate::finding::{Finding, MessageSource, Relation};
use crate::span::{utf16_offsets, Span};

/// How a cornerstone stands in the draft.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "kebab-case"))]
pub enum Status {
    Strong,
    Fine,
    NeedsWork,
}

impl Status {
    pub fn id(self) -> &'static str {
        match self {
            Status::Strong => "strong",
            Status::Fine => "fine",
            Status::NeedsWork => "needs-work",
        }
    }
}

/// One cornerstone's status and its hints.
#[derive(Clone, Debug, PartialEq)]
pub struct CornerstoneReport {
    pub cornerstone: Cornerstone,
    pub status: Status,
    /// Indexes into [`Report::findings`], most important first: warnings,
    /// then tips, then praise, each in text order.
    pub hints: Vec<usize>,
}

/// The result of analysing a draft.
#[derive(Clone, Debug, PartialEq)]
pub struct Report {
    /// In text order; findings without a span come last.
    pub findings: Vec<Finding>,
    /// The four cornerstones, in [`Cornerstone::ALL`] order.
    pub cornerstones: Vec<CornerstoneReport>,
    /// How polite and respectful the draft reads, from about -3 (rude) to
    /// about +3 (very courteous); 0 is neutral.
    pub politeness: f32,
    /// The customer name the name cues used, and where it came from.
    pub customer_name: Option<CustomerName>,
    /// The customer's message the reply was read against, if there was one.
    pub message: Option<Message>,
}

/// Where the customer name the report used came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "kebab-case"))]
pub enum NameSource {
    /// Given by the agent (the name field, `--customer-name`, `customerName`).
    Given,
    /// Found in the customer's message ("Thanks, Priya", "My name is ...").
    Message,
}

impl NameSource {
    /// The id used in JSON and in the worker's wire: `given` or `message`.
    pub fn id(self) -> &'static str {
        match self {
            NameSource::Given => "given",
            NameSource::Message => "message",
        }
    }
}

/// The customer name the name cues used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CustomerName {
    pub name: String,
    pub source: NameSource,
}

/// The customer's message the reply was read against.
#[derive(Clone, Debug, PartialEq)]
pub struct Message {
    pub source: MessageSource,
    /// The message as given (empty when it was quoted in the draft).
    pub text: String,
    pub relation: Relation,
}

impl Message {
    /// The text that findings' `context` spans index: the given message, or
    /// the draft for a message quoted in it.
    pub fn context_text<'a>(&'a self, draft: &'a str) -> &'a str {
        match self.source {
            MessageSource::Given => &self.text,
            MessageSource::Quoted => draft,
        }
    }
}

/// The report of an empty draft, with no name and no message: nothing
/// found, every cornerstone fine. What a view shows before anything was
/// analysed (the page's engine module still on its way).
impl Default for Report {
    fn default() -> Report {
        Report::build(Vec::new(), 0.0)
    }
}

impl Report {
    pub(crate) fn build(mut findings: Vec<Finding>, politeness: f32) -> Report {
        // Stable: of equal findings (one rule's), the first found is kept.
        // A long list's orders packed into keys once each (the tuples made
        // and compared at each step cost most of its sort), unless an
        // offset needs more than 32 bits, and placed by where their spans
        // start (those without one after the last start), which their keys
        // hold (see `order::sort_by_placed_keys`); a short one is sorted in
        // place.
        let keys = (findings.len() > crate::order::SHORT)
            .then(|| findings.iter().map(Finding::report_key).collect::<Option<Vec<_>>>())
            .flatten();
        match keys {
            Some(keys) => {
                let start = |k: &(u128, u32)| (k.0 >> Finding::KEY_START) as u32;
                let last = keys.iter().map(start).max().unwrap_or(0);
                let places: Vec<u32> =
                    keys.iter().map(|k| if k.0 >> Finding::KEY_NO_SPAN != 0 { last } else { start(k) }).collect();
                crate::order::sort_by_placed_keys(&mut findings, keys, &places)
            }
            None => crate::order::sort_by_key(&mut findings, Finding::report_order),
        }
        findings.dedup_by(|a, b| a.cue == b.cue && a.span == b.span && a.context == b.context);
        // Each cornerstone's hints: warnings first, then tips, then praise;
        // spanned before unspanned; else in report order. Six buckets a
        // cornerstone, filled by counting (one pass to count, one to place
        // every finding, the cornerstones' buckets one after another): no
        // list per bucket, and no branch on whose a finding is, which goes
        // either way with the draft.
        const RANKS: usize = 6;
        let bucket = |f: &Finding| {
            let rank = match f.severity() {
                Severity::Warning => 0,
                Severity::Tip => 2,
                Severity::Praise => 4,
            };
            f.cornerstone() as usize * RANKS + rank + f.span.is_none() as usize
        };
        let buckets: Vec<u8> = findings.iter().map(|f| bucket(f) as u8).collect();
        let mut counts = [0usize; Cornerstone::ALL.len() * RANKS];
        for &b in &buckets {
            counts[b as usize] += 1;
        }
        // Where each bucket's hints start.
        let mut at = [0usize; Cornerstone::ALL.len() * RANKS];
        for k in 1..at.len() {
            at[k] = at[k - 1] + counts[k - 1];
        }
        let starts = at;
        let mut placed = vec![0usize; buckets.len()];
        for (i, &b) in buckets.iter().enumerate() {
            placed[at[b as usize]] = i;
            at[b as usize] += 1;
        }
        let cornerstones = Cornerstone::ALL
            .into_iter()
            .map(|c| {
                let start = starts[c as usize * RANKS];
                let counts = &counts[c as usize * RANKS..][..RANKS];
                let hints = placed[start..start + counts.iter().sum::<usize>()].to_vec();
                let (warnings, tips, praise) = (counts[0] + counts[1], counts[2] + counts[3], counts[4] + counts[5]);
                let status = if warnings > 0 || (tips >= 2 && tips > praise) {
                    Status::NeedsWork
                } else if praise > 0 && tips == 0 {
                    Status::Strong
                } else {
                    Status::Fine
                };
                CornerstoneReport { cornerstone: c, status, hints }
            })
            .collect();
        Report { findings, cornerstones, politeness, customer_name: None, message: None }
    }

    /// Number of warnings: the things to fix before sending.
    pub fn warnings(&self) -> usize {
        self.findings.iter().filter(|f| f.severity() == Severity::Warning).count()
    }

    /// Whether any finding has this cue.
    pub fn has(&self, cue: Cue) -> bool {
        self.findings.iter().any(|f| f.cue == cue)
    }

    /// "Ready to send", "Ready to send · 2 tips to consider" or "2 things to
    /// fix before sending". (With tips, a cornerstone may read "needs work":
    /// the summary says there is more to consider, not only that it is
    /// ready, as the usability review found it contradicted.)
    pub fn summary(&self) -> String {
        let tips = self.findings.iter().filter(|f| f.severity() == Severity::Tip).count();
        match (self.warnings(), tips) {
            (0, 0) => "Ready to send".to_string(),
            (0, 1) => "Ready to send · 1 tip to consider".to_string(),
            (0, t) => format!("Ready to send · {t} tips to consider"),
            (1, _) => "1 thing to fix before sending".to_string(),
            (n, _) => format!("{n} things to fix before sending"),
        }
    }

    pub fn cornerstone(&self, c: Cornerstone) -> &CornerstoneReport {
        &self.cornerstones[c as usize]
    }

    /// Each finding's span as UTF-16 offsets into `text` (what the DOM and
    /// JavaScript count in), in one pass over the text; `None` for findings
    /// without a span.
    pub fn utf16_spans(&self, text: &str) -> Vec<Option<(usize, usize)>> {
        let offsets: Vec<usize> =
            self.findings.iter().filter_map(|f| f.span).flat_map(|s| [s.start(), s.end()]).collect();
        let converted = utf16_offsets(text, &offsets);
        let mut pairs = converted.chunks(2);
        self.findings.iter().map(|f| f.span.and_then(|_| pairs.next()).map(|c| (c[0], c[1]))).collect()
    }

    /// The report in its public JSON shape (see the README), with UTF-16
    /// offsets computed in one pass over `text`.
    pub fn to_json<'a>(&'a self, text: &'a str) -> JsonReport<'a> {
        let utf16 = self.utf16_spans(text);
        let contexts = self.context_utf16(text);
        let context_in = match self.message.as_ref().map(|m| m.source) {
            Some(MessageSource::Quoted) => "draft",
            _ => "message",
        };
        let context_text = self.message.as_ref().map_or("", |m| m.context_text(text));
        let findings = self
            .findings
            .iter()
            .zip(&utf16)
            .zip(&contexts)
            .map(|((f, range), ctx_range)| {
                let (start_utf16, end_utf16) = (range.map(|r| r.0), range.map(|r| r.1));
                JsonFinding {
                    cue: f.cue.id(),
                    cornerstone: f.cornerstone(),
                    severity: f.severity(),
                    label: f.cue.label(),
                    message: &f.message,
                    suggestions: &f.suggestions,
                    text: f.span.map(|s| &text[s]),
                    start: f.span.map(|s| s.start()),
                    end: f.span.map(|s| s.end()),
                    start_utf16,
                    end_utf16,
                    context: f.context.zip(*ctx_range).map(|(c, (s16, e16))| JsonContext {
                        text: context_text.get(c.start()..c.end()).unwrap_or_default(),
                        start: c.start(),
                        end: c.end(),
                        start_utf16: s16,
                        end_utf16: e16,
                        within: context_in,
                    }),
                }
            })
            .collect();
        let cornerstones = self
            .cornerstones
            .iter()
            .map(|c| JsonCornerstone {
                id: c.cornerstone,
                title: c.cornerstone.title(),
                status: c.status,
                hints: &c.hints,
            })
            .collect();
        JsonReport {
            summary: self.summary(),
            politeness: (self.politeness * 100.0).round() / 100.0,
            findings,
            cornerstones,
            customer_name: self.customer_name.as_ref().map(|n| JsonCustomerName { name: &n.name, source: n.source }),
            relation: self.message.as_ref().map(|m| JsonRelation {
                source: m.source,
                questions: m.relation.questions,
                answered: m.relation.questions - m.relation.unanswered.min(m.relation.questions),
                summary: m.relation.summary(),
            }),
        }
    }

    /// The report in its public JSON shape, written as compact JSON (what
    /// `analyzeJson` returns and `cornerstone check --format json` prints).
    pub fn json(&self, text: &str) -> String {
        self.to_json(text).to_json_string()
    }

    /// Each finding's `context` as UTF-16 offsets into the text it indexes
    /// (the given message, or `draft` for a message quoted in it), in one
    /// pass; `None` for findings without one.
    pub fn context_utf16(&self, draft: &str) -> Vec<Option<(usize, usize)>> {
        let Some(message) = &self.message else {
            return vec![None; self.findings.len()];
        };
        let text = message.context_text(draft);
        let fits =
            |c: &Span| c.end() <= text.len() && text.is_char_boundary(c.start()) && text.is_char_boundary(c.end());
        let offsets: Vec<usize> =
            self.findings.iter().filter_map(|f| f.context.filter(fits)).flat_map(|s| [s.start(), s.end()]).collect();
        let converted = utf16_offsets(text, &offsets);
        let mut pairs = converted.chunks(2);
        self.findings.iter().map(|f| f.context.filter(fits).and_then(|_| pairs.next()).map(|c| (c[0], c[1]))).collect()
    }

    /// How the reply relates to the customer's message, in one line, when
    /// there was a message.
    pub fn relation_summary(&self) -> Option<String> {
        self.message.as_ref().map(|m| m.relation.summary())
    }
}

/// A report in a compact form for passing between threads (the app's web
/// worker analyses long drafts): `Report::from_wire(&r.to_wire(), message)`
/// gives `r` back, `message` being the customer's message the analysis was
/// given (the page has it; it is not sent back). Not a public contract: both
/// ends are the same build. Lines of tab-separated fields, so that reading a
/// report of 10,000 findings costs a split, not a JSON parse:
/// 1. the politeness, as the bits of its `f32`;
/// 2. the customer name used: empty, or its source (`given`, `message`) and
///    the name;
/// 3. the message's relation: empty, or its source (`given`, `quoted`), the
///    questions, the unanswered ones, the feeling (or empty), whether it is
///    acknowledged (`1`/`0`), repeat contact and its acknowledgement, and the
///    details asked again (separated by `\u{1f}`);
/// 4. then per finding: the cue id, the byte span (two fields, empty for
///    none), the message (empty for the cue's default), the suggestions
///    (separated by `\u{1f}`), a rule pack's filing (`cornerstone:severity`,
///    or empty), and the context span (two fields, empty for none).
///
/// Tabs, newlines, `\u{1f}` and backslashes in text are escaped.
impl Report {
    /// The report in the compact form [`Report::from_wire`] reads.
    pub fn to_wire(&self) -> String {
        use std::fmt::Write as _;
        // The score as its bits: exact, and no float parsing on the way back.
        let mut out = format!("{}\n", self.politeness.to_bits());
        if let Some(n) = &self.customer_name {
            out.push_str(n.source.id());
            out.push('\t');
            escape_into(&mut out, &n.name);
        }
        out.push('\n');
        if let Some(m) = &self.message {
            let r = &m.relation;
            let flag = |b: bool| if b { 1 } else { 0 };
            let _ = write!(
                out,
                "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
                m.source.id(),
                r.questions,
                r.unanswered,
                r.vaguely,
                r.feeling.unwrap_or(""),
                flag(r.feeling_acknowledged),
                flag(r.repeat_contact),
                flag(r.repeat_acknowledged),
                r.asked_again.join("\u{1f}"),
            );
        }
        for f in &self.findings {
            out.push('\n');
            out.push_str(f.cue.id());
            out.push('\t');
            if let Some(s) = f.span {
                let _ = write!(out, "{}\t{}", s.start(), s.end());
            } else {
                out.push('\t');
            }
            out.push('\t');
            if f.message != f.cue.default_message() {
                escape_into(&mut out, &f.message);
            }
            out.push('\t');
            for (i, g) in f.suggestions.iter().enumerate() {
                if i > 0 {
                    out.push('\u{1f}');
                }
                escape_into(&mut out, g);
            }
            out.push('\t');
            if let Some((c, s)) = f.filed {
                let _ = write!(out, "{}:{}", c.id(), s.id());
            }
            out.push('\t');
            if let Some(c) = f.context {
                let _ = write!(out, "{}\t{}", c.start(), c.end());
            } else {
                out.push('\t');
            }
        }
        out
    }

    /// Reads what [`Report::to_wire`] wrote, for an analysis given the
    /// customer's `message` (empty for none); `None` for anything else.
    pub fn from_wire(wire: &str, message: &str) -> Option<Report> {
        fn span(a: &str, b: &str) -> Option<Option<Span>> {
            match (a, b) {
                ("", "") => Some(None),
                (a, b) => {
                    let (a, b): (usize, usize) = (a.parse().ok()?, b.parse().ok()?);
                    (a <= b).then_some(Some(Span::new(a, b)))
                }
            }
        }
        let mut lines = wire.split('\n');
        let politeness = f32::from_bits(lines.next()?.parse().ok()?);
        let customer_name = match lines.next()? {
            "" => None,
            line => {
                let (source, name) = line.split_once('\t')?;
                let source = match source {
                    "given" => NameSource::Given,
                    "message" => NameSource::Message,
                    _ => return None,
                };
                Some(CustomerName { name: unescape(name)?, source })
            }
        };
        let relation = match lines.next()? {
            "" => None,
            line => {
                let f: Vec<&str> = line.split('\t').collect();
                let [source, questions, unanswered, vaguely, feeling, feeling_ack, repeat, repeat_ack, asked] = f[..]
                else {
                    return None;
                };
                let source = match source {
                    "given" => MessageSource::Given,
                    "quoted" => MessageSource::Quoted,
                    _ => return None,
                };
                let feeling = match feeling {
                    "" => None,
                    f => Some(crate::rules::feelings::feeling_name(f)?),
                };
                let mut asked_again = Vec::new();
                for a in asked.split('\u{1f}').filter(|a| !a.is_empty()) {
                    asked_again.push(crate::rules::details::detail_name(a)?);
                }
                let relation = Relation {
                    questions: questions.parse().ok()?,
                    unanswered: unanswered.parse().ok()?,
                    vaguely: vaguely.parse().ok()?,
                    feeling,
                    feeling_acknowledged: feeling_ack == "1",
                    repeat_contact: repeat == "1",
                    repeat_acknowledged: repeat_ack == "1",
                    asked_again,
                };
                let text = match source {
                    MessageSource::Given => message.to_string(),
                    MessageSource::Quoted => String::new(),
                };
                Some(Message { source, text, relation })
            }
        };
        let mut findings = Vec::new();
        for line in lines {
            let f: Vec<&str> = line.split('\t').collect();
            let [cue, start, end, text, suggestions, filed, context_start, context_end] = f[..] else {
                return None;
            };
            let mut finding = Finding::new(Cue::from_id(cue)?, span(start, end)?);
            if !text.is_empty() {
                finding.message = Cow::Owned(unescape(text)?);
            }
            if !suggestions.is_empty() {
                for g in suggestions.split('\u{1f}') {
                    finding.suggestions.push(unescape(g)?);
                }
            }
            if let Some((c, s)) = filed.split_once(':') {
                let severity = match s {
                    "praise" => Severity::Praise,
                    "tip" => Severity::Tip,
                    "warning" => Severity::Warning,
                    _ => return None,
                };
                finding.filed = Some((Cornerstone::from_id(c)?, severity));
            }
            finding.context = span(context_start, context_end)?;
            findings.push(finding);
        }
        let mut report = Report::build(findings, politeness);
        report.customer_name = customer_name;
        report.message = relation;
        Some(report)
    }
}

fn escape_into(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\u{1f}' => out.push_str("\\u"),
            c => out.push(c),
        }
    }
}

fn unescape(text: &str) -> Option<String> {
    if !text.contains('\\') {
        return Some(text.to_string());
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        out.push(match chars.next()? {
            '\\' => '\\',
            't' => '\t',
            'n' => '\n',
            'u' => '\u{1f}',
            _ => return None,
        });
    }
    Some(out)
}

/// A finding as it appears in JSON. The `Json*` structs borrow their text
/// from the report and the draft: a report's JSON copies nothing before it
/// is written.
#[derive(Clone, Debug)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct JsonFinding<'a> {
    pub cue: &'static str,
    pub cornerstone: Cornerstone,
    pub severity: Severity,
    pub label: &'static str,
    pub message: &'a str,
    pub suggestions: &'a [String],
    pub text: Option<&'a str>,
    pub start: Option<usize>,
    pub end: Option<usize>,
    pub start_utf16: Option<usize>,
    pub end_utf16: Option<usize>,
    /// The customer's words the finding is about, for findings about the
    /// customer's message; `null` otherwise.
    pub context: Option<JsonContext<'a>>,
}

/// Where in the customer's message a finding points.
#[derive(Clone, Debug)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct JsonContext<'a> {
    pub text: &'a str,
    pub start: usize,
    pub end: usize,
    pub start_utf16: usize,
    pub end_utf16: usize,
    /// `"message"` (offsets into the given message) or `"draft"` (into the
    /// draft, when the message was quoted below the reply).
    #[cfg_attr(feature = "serde", serde(rename = "in"))]
    pub within: &'static str,
}

/// The customer name the report used, as it appears in JSON.
#[derive(Clone, Debug)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct JsonCustomerName<'a> {
    pub name: &'a str,
    pub source: NameSource,
}

/// How the reply relates to the customer's message, as it appears in JSON.
#[derive(Clone, Debug)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct JsonRelation {
    /// `"given"` or `"quoted"` (found below the reply in the draft).
    pub source: MessageSource,
    pub questions: usize,
    pub answered: usize,
    /// One line, such as "Answers 1 of 2 questions".
    pub summary: String,
}

/// A cornerstone as it appears in JSON; `hints` index into `findings`.
#[derive(Clone, Debug)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct JsonCornerstone<'a> {
    pub id: Cornerstone,
    pub title: &'static str,
    pub status: Status,
    pub hints: &'a [usize],
}

/// The whole report as it appears in JSON.
#[derive(Clone, Debug)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct JsonReport<'a> {
    pub summary: String,
    pub politeness: f32,
    pub findings: Vec<JsonFinding<'a>>,
    pub cornerstones: Vec<JsonCornerstone<'a>>,
    /// The customer name the name cues used and its source, or `null`.
    pub customer_name: Option<JsonCustomerName<'a>>,
    /// How the reply relates to the customer's message, or `null` without one.
    pub relation: Option<JsonRelation>,
}

#[cfg(test)]
mod tests {
    use crate::{analyze, Context};

    /// The summary says what is left to consider, not only that nothing
    /// must be fixed (the usability review).
    #[test]
    fn the_summary_counts_tips_when_nothing_must_be_fixed() {
        let named = Context::with_customer_name("Sam");
        assert_eq!(analyze("Hi Sam, your refund posts by Friday.", &named).summary(), "Ready to send");
        assert_eq!(analyze("Your refund posts by Friday.", &named).summary(), "Ready to send · 1 tip to consider");
        assert_eq!(analyze("Hi Sam, sorry for any inconvenience.", &named).summary(), "1 thing to fix before sending");
    }

    /// What a view shows before anything was analysed is what an empty
    /// draft's analysis says.
    #[test]
    fn the_default_report_is_the_empty_drafts() {
        assert_eq!(super::Report::default(), analyze("", &Context::default()));
    }
}

#[cfg(test)]
mod relation_tests {
    use crate::{analyze, Context};

    /// A "when" answered only with "soon" is answered vaguely, and the line
    /// says so beside the tip (the usability review).
    #[test]
    fn a_when_answered_only_vaguely_is_said_to_be() {
        let ctx = |m: &str| Context::with_customer_name("Sam").and_customer_message(m.to_string());
        let message = "When will my replacement arrive? Can I track it online?";
        let vague =
            analyze("Hi Sam, it will arrive soon. Yes, you can track it online in your account.", &ctx(message));
        assert_eq!(vague.relation_summary().as_deref(), Some("Answers 2 of 2 questions (one only with a vague time)"));
        let dated =
            analyze("Hi Sam, it will arrive by Friday. Yes, you can track it online in your account.", &ctx(message));
        assert_eq!(dated.relation_summary().as_deref(), Some("Answers 2 of 2 questions"));
        let one = analyze("Hi Sam, it will arrive soon.", &ctx("When will my replacement arrive?"));
        assert_eq!(one.relation_summary().as_deref(), Some("Answers their question, but only with a vague time"));
    }
}
