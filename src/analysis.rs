//! `Analysis`: a report with the text it was made from and its spans in
//! UTF-16, what every view of the draft reads. Plain data, no reactivity.

use std::sync::Arc;

use cornerstone_engine::Report;

use crate::engine;

/// A report together with the text it was made from and each finding's
/// UTF-16 range in that text (what the textarea's selection counts in).
#[derive(Clone, Debug, PartialEq)]
pub struct Analysis {
    pub text: String,
    /// The customer's message it was read against ("" for none).
    pub message: String,
    pub report: Report,
    pub utf16: Vec<Option<(u32, u32)>>,
    /// Each finding's `context` as a UTF-16 range of the message (or of the
    /// draft, when the message was quoted in it).
    pub context16: Vec<Option<(u32, u32)>>,
}

impl Analysis {
    /// Analyses `text` here and now, for the customer named `customer_name`
    /// and their `message`, with the rule pack if any (its JSON): `None` if
    /// the engine module has not arrived yet, or failed.
    pub fn now(text: String, customer_name: &str, message: &str, pack: &Option<Arc<str>>) -> Option<Analysis> {
        let (wire, spans, contexts) = engine::Analyzer::new()?.analyze(&text, customer_name, message, pack).ok()?;
        Analysis::from_wire(text, message.to_string(), &wire, &spans, &contexts)
    }

    /// What is shown before anything was analysed: the analysis of an empty
    /// draft (views compare its text with the draft's and know it is not
    /// the draft's).
    pub fn nothing() -> Analysis {
        Analysis {
            text: String::new(),
            message: String::new(),
            report: Report::default(),
            utf16: Vec::new(),
            context16: Vec::new(),
        }
    }

    /// The analysis of `text` from the engine's answer: the report's wire
    /// form and its findings' UTF-16 ranges (see `engine.rs`); `None` if
    /// they do not fit together.
    pub fn from_wire(text: String, message: String, wire: &str, spans: &[u32], contexts: &[u32]) -> Option<Analysis> {
        let report = Report::from_wire(wire, &message)?;
        let utf16 = unflatten(spans);
        let context16 = unflatten(contexts);
        let n = report.findings.len();
        (utf16.len() == n && context16.len() == n).then_some(Analysis { text, message, report, utf16, context16 })
    }

    /// The report in the CLI's JSON shape, as a string (what the embed's
    /// `reportJson` and the iframe's `cornerstone:report` carry).
    pub fn report_json(&self) -> String {
        self.report.json(&self.text)
    }

    /// Whether the findings' context points into the draft (a message quoted
    /// below the reply) rather than into the message field.
    pub fn context_in_draft(&self) -> bool {
        self.report.message.as_ref().is_some_and(|m| m.source == cornerstone_engine::MessageSource::Quoted)
    }
}

/// Findings' UTF-16 ranges from the engine's `start, end` pairs
/// (`u32::MAX` for a finding without words).
pub fn unflatten(flat: &[u32]) -> Vec<Option<(u32, u32)>> {
    flat.chunks_exact(2).map(|c| (c[0] != u32::MAX).then_some((c[0], c[1]))).collect()
}
