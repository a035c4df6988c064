//! Findings, the per-cornerstone summary, and the JSON shape of a report.

use std::borrow::Cow;

use serde::Serialize;

use crate::cue::{Cornerstone, Cue, Severity};
use crate::span::{utf16_offsets, Span};

/// One thing the engine noticed about the draft.
#[derive(Clone, Debug, PartialEq)]
pub struct Finding {
    pub cue: Cue,
    /// The words it is about; `None` for something missing from the draft.
    pub span: Option<Span>,
    /// One or two plain sentences of coaching.
    pub message: Cow<'static, str>,
    /// Better phrasings that can replace the spanned words.
    pub suggestions: Vec<String>,
    /// A rule pack's own filing for its "avoid" phrases; `None` files the
    /// finding where its cue belongs.
    pub(crate) filed: Option<(Cornerstone, Severity)>,
}

impl Finding {
    pub fn new(cue: Cue, span: Option<Span>) -> Finding {
        Finding { cue, span, message: Cow::Borrowed(cue.default_message()), suggestions: Vec::new(), filed: None }
    }

    pub fn with_message(mut self, message: impl Into<Cow<'static, str>>) -> Finding {
        let m = message.into();
        if !m.is_empty() {
            self.message = m;
        }
        self
    }

    pub fn with_suggestions<S: Into<String>>(mut self, s: impl IntoIterator<Item = S>) -> Finding {
        self.suggestions.extend(s.into_iter().map(Into::into));
        self
    }

    /// Files the finding under another cornerstone and severity than its cue's.
    pub(crate) fn filed_under(mut self, cornerstone: Cornerstone, severity: Severity) -> Finding {
        self.filed = Some((cornerstone, severity));
        self
    }

    pub fn severity(&self) -> Severity {
        self.filed.map_or(self.cue.severity(), |f| f.1)
    }

    pub fn cornerstone(&self) -> Cornerstone {
        self.filed.map_or(self.cue.cornerstone(), |f| f.0)
    }
}

/// How a cornerstone stands in the draft.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
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

    pub fn label(self) -> &'static str {
        match self {
            Status::Strong => "Strong",
            Status::Fine => "Fine",
            Status::NeedsWork => "Needs work",
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
}

impl Report {
    pub(crate) fn build(mut findings: Vec<Finding>, politeness: f32) -> Report {
        findings.sort_by_key(|f| (f.span.is_none(), f.span.map(|s| (s.start(), s.end())), f.cue));
        findings.dedup_by(|a, b| a.cue == b.cue && a.span == b.span);
        let cornerstones = Cornerstone::ALL
            .into_iter()
            .map(|c| {
                let mut hints: Vec<usize> = (0..findings.len()).filter(|&i| findings[i].cornerstone() == c).collect();
                hints.sort_by_key(|&i| (std::cmp::Reverse(findings[i].severity()), findings[i].span.is_none(), i));
                let count = |s: Severity| hints.iter().filter(|&&i| findings[i].severity() == s).count();
                let (praise, tips, warnings) =
                    (count(Severity::Praise), count(Severity::Tip), count(Severity::Warning));
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
        Report { findings, cornerstones, politeness }
    }

    /// Number of warnings: the things to fix before sending.
    pub fn warnings(&self) -> usize {
        self.findings.iter().filter(|f| f.severity() == Severity::Warning).count()
    }

    /// Whether any finding has this cue.
    pub fn has(&self, cue: Cue) -> bool {
        self.findings.iter().any(|f| f.cue == cue)
    }

    /// "Ready to send" or "2 things to fix before sending".
    pub fn summary(&self) -> String {
        match self.warnings() {
            0 => "Ready to send".to_string(),
            1 => "1 thing to fix before sending".to_string(),
            n => format!("{n} things to fix before sending"),
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
    pub fn to_json(&self, text: &str) -> JsonReport {
        let utf16 = self.utf16_spans(text);
        let findings = self
            .findings
            .iter()
            .zip(&utf16)
            .map(|(f, range)| {
                let (start_utf16, end_utf16) = (range.map(|r| r.0), range.map(|r| r.1));
                JsonFinding {
                    cue: f.cue.id(),
                    cornerstone: f.cornerstone(),
                    severity: f.severity(),
                    label: f.cue.label(),
                    message: f.message.clone(),
                    suggestions: f.suggestions.clone(),
                    text: f.span.map(|s| text[s].to_string()),
                    start: f.span.map(|s| s.start()),
                    end: f.span.map(|s| s.end()),
                    start_utf16,
                    end_utf16,
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
                hints: c.hints.clone(),
            })
            .collect();
        JsonReport {
            summary: self.summary(),
            politeness: (self.politeness * 100.0).round() / 100.0,
            findings,
            cornerstones,
        }
    }
}

/// A report in a compact form for passing between threads (the app's web
/// worker analyses long drafts): `Report::from_wire(&r.to_wire()) == Some(r)`.
/// Not a public contract: both ends are the same build. Lines of
/// tab-separated fields, so that reading a report of 10,000 findings costs a
/// split, not a JSON parse: the politeness, then per finding the cue id, the
/// byte span (empty for none), the message (empty for the cue's default), the
/// suggestions (separated by `\u{1f}`) and a rule pack's filing
/// (`cornerstone:severity`, or empty). Tabs, newlines, `\u{1f}` and
/// backslashes in text are escaped.
impl Report {
    /// The report in the compact form [`Report::from_wire`] reads.
    pub fn to_wire(&self) -> String {
        use std::fmt::Write as _;
        let mut out = format!("{}", self.politeness);
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
        }
        out
    }

    /// Reads what [`Report::to_wire`] wrote; `None` for anything else.
    pub fn from_wire(wire: &str) -> Option<Report> {
        let mut lines = wire.split('\n');
        let politeness: f32 = lines.next()?.parse().ok()?;
        let mut findings = Vec::new();
        for line in lines {
            let mut field = line.split('\t');
            let cue = Cue::from_id(field.next()?)?;
            let (start, end) = (field.next()?, field.next()?);
            let span = match (start, end) {
                ("", "") => None,
                (a, b) => {
                    let (a, b): (usize, usize) = (a.parse().ok()?, b.parse().ok()?);
                    if a > b {
                        return None;
                    }
                    Some(Span::new(a, b))
                }
            };
            let mut finding = Finding::new(cue, span);
            let message = field.next()?;
            if !message.is_empty() {
                finding.message = Cow::Owned(unescape(message)?);
            }
            let suggestions = field.next()?;
            if !suggestions.is_empty() {
                for g in suggestions.split('\u{1f}') {
                    finding.suggestions.push(unescape(g)?);
                }
            }
            let filed = field.next()?;
            if let Some((c, s)) = filed.split_once(':') {
                let severity = match s {
                    "praise" => Severity::Praise,
                    "tip" => Severity::Tip,
                    "warning" => Severity::Warning,
                    _ => return None,
                };
                finding.filed = Some((Cornerstone::from_id(c)?, severity));
            }
            if field.next().is_some() {
                return None;
            }
            findings.push(finding);
        }
        Some(Report::build(findings, politeness))
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

/// A finding as it appears in JSON.
#[derive(Clone, Debug, Serialize)]
pub struct JsonFinding {
    pub cue: &'static str,
    pub cornerstone: Cornerstone,
    pub severity: Severity,
    pub label: &'static str,
    pub message: Cow<'static, str>,
    pub suggestions: Vec<String>,
    pub text: Option<String>,
    pub start: Option<usize>,
    pub end: Option<usize>,
    pub start_utf16: Option<usize>,
    pub end_utf16: Option<usize>,
}

/// A cornerstone as it appears in JSON; `hints` index into `findings`.
#[derive(Clone, Debug, Serialize)]
pub struct JsonCornerstone {
    pub id: Cornerstone,
    pub title: &'static str,
    pub status: Status,
    pub hints: Vec<usize>,
}

/// The whole report as it appears in JSON.
#[derive(Clone, Debug, Serialize)]
pub struct JsonReport {
    pub summary: String,
    pub politeness: f32,
    pub findings: Vec<JsonFinding>,
    pub cornerstones: Vec<JsonCornerstone>,
}
