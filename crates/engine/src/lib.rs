//! # Cornerstone's tone engine
//!
//! Turns a customer-service draft into a [`Report`]: findings about name
//! usage, apologies, gratitude, sarcasm and the rest of the four
//! cornerstones of customer service, each with the words that triggered it,
//! a coaching message and, where one fits, better phrasings.
//!
//! ```
//! use cornerstone_engine::{analyze, Context, Cue};
//!
//! let ctx = Context::with_customer_name("Priya Raman");
//! let draft = "Hi Pryia, we apologize for any inconvenience.";
//! let report = analyze(draft, &ctx);
//!
//! let misspelled = report.findings.iter().find(|f| f.cue == Cue::NameMisspelled).unwrap();
//! assert_eq!(&draft[misspelled.span.unwrap()], "Pryia");
//! assert_eq!(misspelled.suggestions, ["Priya"]);
//! assert!(report.has(Cue::ApologyHollow));
//! assert_eq!(report.summary(), "2 things to fix before sending");
//! ```
//!
//! The engine has no web dependencies and cannot fail: [`analyze`] accepts any
//! string and returns a report. Spans are byte ranges on char boundaries;
//! [`span::utf16_offsets`] is the one conversion to the UTF-16 offsets the DOM
//! uses.
//!
//! How it works: [`analyze`] parses the draft once (`document.rs`: words,
//! sentences, quoted customer text, placeholders, the greeting) and runs the
//! phrase lexicon over it in one pass (`lexicon.rs`); each rule in `rules/`
//! then reads that structure and appends findings.

mod conversation;
mod cue;
mod document;
mod fold;
mod hash;
mod incremental;
mod lexicon;
mod pack;
mod politeness;
mod report;
mod rules;
pub mod span;
mod tokens;
mod words;

pub use cue::{Cornerstone, Cue, Severity};
pub use incremental::Incremental;
pub use pack::{phrase_families, PackError, RulePack, MAX_PACK_BYTES};
pub use report::{
    CornerstoneReport, CustomerName, Finding, JsonContext, JsonCornerstone, JsonCustomerName, JsonFinding,
    JsonRelation, JsonReport, MessageSource, NameSource, Relation, Report, Status,
};
pub use span::Span;

/// What the engine knows about the conversation besides the draft.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Context {
    /// The customer's name as the agent knows it ("Priya Raman", "王伟").
    pub customer_name: Option<String>,
    /// The customer's message the draft answers, if the agent has it. It is
    /// read for questions, feelings, earlier contact, details already given
    /// and the customer's name; it never leaves the process.
    pub customer_message: Option<String>,
}

impl Context {
    pub fn with_customer_name(name: impl Into<String>) -> Context {
        Context::default().and_customer_name(name)
    }

    /// The same context with this customer name (blank means none).
    pub fn and_customer_name(mut self, name: impl Into<String>) -> Context {
        let name = name.into();
        let trimmed = name.trim();
        self.customer_name = (!trimmed.is_empty()).then(|| trimmed.to_string());
        self
    }

    /// The same context with the customer's message (blank means none).
    pub fn and_customer_message(mut self, message: impl Into<String>) -> Context {
        let message = message.into();
        self.customer_message = (!message.trim().is_empty()).then_some(message);
        self
    }

    /// A context from optional parts, as front ends receive them.
    pub fn new(customer_name: Option<&str>, customer_message: Option<&str>) -> Context {
        let ctx = Context::default();
        let ctx = match customer_name {
            Some(n) => ctx.and_customer_name(n),
            None => ctx,
        };
        match customer_message {
            Some(m) => ctx.and_customer_message(m),
            None => ctx,
        }
    }
}

/// Analyses a draft reply. Never panics, whatever the text.
pub fn analyze(text: &str, ctx: &Context) -> Report {
    analyze_with(text, ctx, None)
}

/// Analyses a draft with a team's [`RulePack`] (`&pack`), or with the
/// built-in rules only (`None`): a pack's phrases join the built-in ones, its
/// own findings are added, and the cues it turns off are left out (of the
/// politeness score too). Never panics, whatever the text.
///
/// With the customer's message (given in the context, or quoted below the
/// reply), the reply is also read against it: questions left unanswered,
/// feelings and earlier contact not acknowledged, details asked for again;
/// and a customer name found in the message stands in for a missing one.
pub fn analyze_with<'p>(text: &str, ctx: &Context, pack: impl Into<Option<&'p RulePack>>) -> Report {
    let pack = pack.into();
    let doc = document::Document::parse_with(text, pack.map_or(rules::draft_lexicon(), |p| &p.lexicon));
    let message = conversation::message_text(ctx, &doc);
    let message_doc = message.as_ref().map(|(m, _)| document::Document::parse_with(m, rules::message_lexicon()));
    let name = match &ctx.customer_name {
        Some(n) => Some(CustomerName { name: n.clone(), source: NameSource::Given }),
        None => message_doc
            .as_ref()
            .and_then(conversation::customer_name)
            .map(|name| CustomerName { name, source: NameSource::Message }),
    };
    let found_ctx;
    let rule_ctx = match &name {
        Some(n) if n.source == NameSource::Message => {
            found_ctx = Context { customer_name: Some(n.name.clone()), customer_message: None };
            &found_ctx
        }
        _ => ctx,
    };
    let mut findings = Vec::new();
    for (_, check) in rules::RULES {
        check(&doc, rule_ctx, &mut findings);
    }
    let relation = message_doc.as_ref().map(|m| {
        let exchange = rules::Exchange { reply: &doc, message: m };
        let mut relation = Relation::default();
        let mut found = Vec::new();
        for (_, check) in rules::RELATION_RULES {
            check(&exchange, &findings, &mut relation, &mut found);
        }
        findings.extend(found);
        relation
    });
    if let Some(pack) = pack {
        pack.check(&doc, &mut findings);
        findings.retain(|f| !pack.disables(f.cue));
    }
    let politeness = politeness::score(&doc, &findings);
    let mut report = Report::build(findings, politeness);
    report.customer_name = name;
    if let (Some((m, source)), Some(relation)) = (message, relation) {
        report.message = Some(report::Message {
            source,
            text: match source {
                MessageSource::Given => ctx.customer_message.clone().unwrap_or_default(),
                MessageSource::Quoted => String::new(),
            },
            relation,
        });
        drop(m);
    }
    report
}
