//! `Analysis`: a report with the text it was made from and its spans in
//! UTF-16, what every view of the draft reads. Plain data, no reactivity.

use cornerstone_engine::{analyze_with, Context, Report, RulePack};

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
    /// and their `message`, with the rule pack if any.
    pub fn new(text: String, customer_name: &str, message: &str, pack: Option<&RulePack>) -> Analysis {
        let ctx = Context::with_customer_name(customer_name).and_customer_message(message);
        let report = analyze_with(&text, &ctx, pack);
        Analysis::from_report(text, message.to_string(), report)
    }

    /// The analysis of `text`, read against the customer's `message`, from
    /// its report.
    pub fn from_report(text: String, message: String, report: Report) -> Analysis {
        let to32 =
            |v: Vec<Option<(usize, usize)>>| v.into_iter().map(|r| r.map(|(s, e)| (s as u32, e as u32))).collect();
        let utf16 = to32(report.utf16_spans(&text));
        let context16 = to32(report.context_utf16(&text));
        Analysis { text, message, report, utf16, context16 }
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
