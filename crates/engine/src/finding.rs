//! Layer 0, vocabulary: what a rule finds, as plain data (a cue, a span, a
//! message, suggestions), and how a reply relates to the customer's
//! message. Rules make these; the report (the top layer) gathers them.

use std::borrow::Cow;

use crate::cue::{Cornerstone, Cue, Severity};
use crate::span::Span;

/// Where a finding stands in a report (see [`Finding::report_order`]).
pub(crate) type ReportOrder = (bool, Option<(usize, usize)>, Cue, Option<(usize, usize)>);

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
    /// For a finding about the customer's message, the customer's words it
    /// is about: a byte range of the message (see [`Report::message`]).
    pub context: Option<Span>,
    /// A rule pack's own filing for its "avoid" phrases; `None` files the
    /// finding where its cue belongs.
    pub(crate) filed: Option<(Cornerstone, Severity)>,
}

impl Finding {
    pub fn new(cue: Cue, span: Option<Span>) -> Finding {
        Finding {
            cue,
            span,
            message: Cow::Borrowed(cue.default_message()),
            suggestions: Vec::new(),
            context: None,
            filed: None,
        }
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

    /// Points the finding at the customer's words it is about.
    pub fn with_context(mut self, context: Span) -> Finding {
        self.context = Some(context);
        self
    }

    /// The same finding with its span moved by `by` bytes (see [`Span::moved`]).
    pub(crate) fn moved(self, by: isize) -> Finding {
        Finding { span: self.span.map(|s| s.moved(by)), ..self }
    }

    /// Files the finding under another cornerstone and severity than its cue's.
    pub(crate) fn filed_under(mut self, cornerstone: Cornerstone, severity: Severity) -> Finding {
        self.filed = Some((cornerstone, severity));
        self
    }

    /// The order of findings in a report: by span (findings without one
    /// last), then cue, then context.
    pub(crate) fn report_order(&self) -> ReportOrder {
        (
            self.span.is_none(),
            self.span.map(|s| (s.start(), s.end())),
            self.cue,
            self.context.map(|c| (c.start(), c.end())),
        )
    }

    /// Where a [`Finding::report_key`]'s first number holds whether the
    /// finding has no span, and the span's start (32 bits).
    pub(crate) const KEY_NO_SPAN: u32 = 105;
    pub(crate) const KEY_START: u32 = 73;
    /// Where the rest of it is: the span's end (32 bits), the cue (8),
    /// whether there is a context, and the context's start (32).
    const KEY_END: u32 = 41;
    const KEY_CUE: u32 = 33;
    const KEY_CONTEXT: u32 = 32;

    /// [`Finding::report_order`] packed into numbers compared in one step
    /// each, when every offset it holds fits in 32 bits (those of any draft
    /// and message under 4 GB); `None` otherwise. From the highest bits:
    /// whether it has no span, the span's start and end (0 without one),
    /// the cue, whether it has a context, the context's start; then the
    /// context's end. Keys compare as their findings' orders do: a report's
    /// findings are sorted by them without building and comparing the
    /// tuples again at each comparison.
    pub(crate) fn report_key(&self) -> Option<(u128, u32)> {
        const _: () = assert!(Cue::ALL.len() <= 256, "a cue in eight bits");
        const _: () = assert!(
            Finding::KEY_NO_SPAN == Finding::KEY_START + 32
                && Finding::KEY_START == Finding::KEY_END + 32
                && Finding::KEY_END == Finding::KEY_CUE + 8
                && Finding::KEY_CUE == Finding::KEY_CONTEXT + 1
                && Finding::KEY_CONTEXT == 32,
            "the report key's fields one after another"
        );
        let bits = |x: usize| u32::try_from(x).ok().map(u128::from);
        let (start, end) = match self.span {
            Some(s) => (bits(s.start())?, bits(s.end())?),
            None => (0, 0),
        };
        let (context, context_start, context_end) = match self.context {
            Some(c) => (1, bits(c.start())?, u32::try_from(c.end()).ok()?),
            None => (0, 0, 0),
        };
        let high = u128::from(self.span.is_none()) << Finding::KEY_NO_SPAN
            | start << Finding::KEY_START
            | end << Finding::KEY_END
            | (self.cue as u128) << Finding::KEY_CUE
            | context << Finding::KEY_CONTEXT
            | context_start;
        Some((high, context_end))
    }

    pub fn severity(&self) -> Severity {
        self.filed.map_or(self.cue.severity(), |f| f.1)
    }

    pub fn cornerstone(&self) -> Cornerstone {
        self.filed.map_or(self.cue.cornerstone(), |f| f.0)
    }
}

/// Where the customer's message came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "kebab-case"))]
pub enum MessageSource {
    /// Given beside the draft: context spans index the message.
    Given,
    /// Quoted below the reply in the draft itself (`>` lines, "On ...
    /// wrote:"): context spans index the draft.
    Quoted,
}

impl MessageSource {
    /// The id used in JSON and in the worker's wire: `given` or `quoted`.
    pub fn id(self) -> &'static str {
        match self {
            MessageSource::Given => "given",
            MessageSource::Quoted => "quoted",
        }
    }
}

/// How the reply relates to the customer's message, in numbers.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Relation {
    /// Questions the customer asked (rhetorical venting left out).
    pub questions: usize,
    /// Of those, the ones the reply does not address.
    pub unanswered: usize,
    /// Of the "when" questions addressed, those the reply gives only a vague
    /// time for ("soon"): the line says so, as the tip beside it does.
    pub vaguely: usize,
    /// What the customer feels, if they show frustration, anger, worry or
    /// disappointment ("frustration", "worry" ...).
    pub feeling: Option<&'static str>,
    /// Whether the reply apologises or shows empathy.
    pub feeling_acknowledged: bool,
    /// Whether the customer says they wrote, called or waited before.
    pub repeat_contact: bool,
    pub repeat_acknowledged: bool,
    /// The details the reply asks for again ("order number", "e-mail address").
    pub asked_again: Vec<&'static str>,
}

impl Relation {
    /// One line on how the reply relates to the message: "Answers 1 of 2
    /// questions; doesn't acknowledge their frustration".
    pub fn summary(&self) -> String {
        let mut parts: Vec<String> = Vec::new();
        match (self.questions, self.unanswered) {
            (0, _) => {}
            (1, 0) if self.vaguely > 0 => parts.push("answers their question, but only with a vague time".into()),
            (1, 0) => parts.push("answers their question".into()),
            (1, _) => parts.push("leaves their question unanswered".into()),
            (n, u) => {
                let mut part = format!("answers {} of {n} questions", n - u.min(n));
                match self.vaguely {
                    0 => {}
                    1 => part.push_str(" (one only with a vague time)"),
                    v => part.push_str(&format!(" ({v} only with a vague time)")),
                }
                parts.push(part)
            }
        }
        if let Some(feeling) = self.feeling {
            parts.push(if self.feeling_acknowledged {
                format!("acknowledges their {feeling}")
            } else {
                format!("doesn't acknowledge their {feeling}")
            });
        }
        if self.repeat_contact {
            parts.push(if self.repeat_acknowledged {
                "acknowledges they have been in touch before".into()
            } else {
                "doesn't acknowledge they have been in touch before".into()
            });
        }
        if !self.asked_again.is_empty() {
            parts.push(format!("asks again for {}", join_and(&self.asked_again)));
        }
        if parts.is_empty() {
            return "The message asks no question and shows no strong feeling".into();
        }
        // Every part starts with an ASCII letter: capitalising it needs no
        // Unicode case table (12 KB in the UI's module, which links this).
        let mut line = parts.join("; ");
        if let Some(first) = line.get_mut(..1) {
            first.make_ascii_uppercase();
        }
        line
    }
}

/// "a", "a and b", "a, b and c".
fn join_and(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [one] => format!("the {one}"),
        [init @ .., last] => format!("the {} and the {last}", init.join(", the ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn report_keys_order_findings_as_their_report_order_does() {
        let spans = [
            None,
            Some((0, 0)),
            Some((0, 5)),
            Some((3, 4)),
            Some((3, 9)),
            Some((u32::MAX as usize, u32::MAX as usize)),
        ];
        let contexts = [None, Some((0, 0)), Some((0, 2)), Some((7, 8)), Some((7, u32::MAX as usize))];
        let cues = [Cue::ALL[0], Cue::ALL[1], Cue::ALL[Cue::ALL.len() - 1]];
        let mut findings = Vec::new();
        for span in spans {
            for context in contexts {
                for cue in cues {
                    let f = Finding::new(cue, span.map(|(a, b)| Span::new(a, b)));
                    findings.push(match context {
                        Some((a, b)) => f.with_context(Span::new(a, b)),
                        None => f,
                    });
                }
            }
        }
        for a in &findings {
            for b in &findings {
                assert_eq!(
                    a.report_key().map(|k| k.cmp(&b.report_key().expect("32-bit offsets"))),
                    Some(a.report_order().cmp(&b.report_order())),
                    "{a:?} against {b:?}"
                );
            }
        }
        // An offset past 32 bits has no key (the report sorts by the tuples).
        #[cfg(target_pointer_width = "64")]
        assert_eq!(Finding::new(cues[0], Some(Span::new(0, 1 << 32))).report_key(), None);
    }
}
