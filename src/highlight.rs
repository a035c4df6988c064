//! Splitting the draft into plain and highlighted pieces for the layer
//! behind the textarea. Pure, so it is tested natively.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use cornerstone_engine::{Finding, Severity};

/// One piece of the draft: plain text, or text that a finding is about.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Segment {
    pub text: String,
    /// The finding shown on this piece: its index in the report, cue id and
    /// severity. Where findings overlap, the most severe one wins.
    pub mark: Option<Mark>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mark {
    pub finding: usize,
    pub cue: &'static str,
    pub severity: Severity,
}

/// Splits `text` at every span boundary and marks each piece with the most
/// severe finding covering it (the earliest, on a tie). Findings without a
/// span, or with a span that does not fit the text, are skipped.
pub fn segments(text: &str, findings: &[Finding]) -> Vec<Segment> {
    let mut spans: Vec<(usize, usize, usize)> = findings
        .iter()
        .enumerate()
        .filter_map(|(i, f)| f.span.map(|s| (i, s.start(), s.end())))
        .filter(|&(_, s, e)| s < e && e <= text.len() && text.is_char_boundary(s) && text.is_char_boundary(e))
        .collect();
    let mut cuts: Vec<usize> = spans.iter().flat_map(|&(_, s, e)| [s, e]).chain([0, text.len()]).collect();
    cornerstone_engine::order::sort(&mut cuts);
    cuts.dedup();
    // One sweep over the cuts: spans join a heap (most severe, then
    // earliest, on top) when they start and leave it once they have ended,
    // so each piece costs a heap operation, not a scan of every finding.
    cornerstone_engine::order::sort_by_key(&mut spans, |&(i, s, _)| (s, i));
    let mut active: BinaryHeap<(Severity, Reverse<usize>, usize)> = BinaryHeap::new();
    let mut next = 0;
    let mut out: Vec<Segment> = Vec::new();
    for w in cuts.windows(2) {
        let (a, b) = (w[0], w[1]);
        if a == b {
            continue;
        }
        while let Some(&(i, s, e)) = spans.get(next) {
            if s > a {
                break;
            }
            active.push((findings[i].severity(), Reverse(i), e));
            next += 1;
        }
        // Every span end is a cut: a span still open past `a` covers `a..b`.
        while active.peek().is_some_and(|&(_, _, e)| e <= a) {
            active.pop();
        }
        let best =
            active.peek().map(|&(severity, Reverse(i), _)| Mark { finding: i, cue: findings[i].cue.id(), severity });
        match out.last_mut() {
            Some(last) if last.mark == best => last.text.push_str(&text[a..b]),
            _ => out.push(Segment { text: text[a..b].to_string(), mark: best }),
        }
    }
    out
}

/// Pieces of the customer's message with the words findings are about
/// (their `context`) marked; marks carry the finding's index in `findings`.
pub fn context_segments(text: &str, findings: &[Finding]) -> Vec<Segment> {
    let (index, about): (Vec<usize>, Vec<Finding>) =
        findings.iter().enumerate().filter_map(|(i, f)| f.context.map(|c| (i, Finding::new(f.cue, Some(c))))).unzip();
    let mut out = segments(text, &about);
    for piece in &mut out {
        if let Some(m) = &mut piece.mark {
            m.finding = index[m.finding];
        }
    }
    out
}

/// Pieces for `text` while its analysis is of an older `analysed` text (a
/// long draft waiting for a pause in typing): highlights wholly before the
/// first difference stay, the rest is plain, so nothing flickers or shifts.
pub fn segments_while_stale(text: &str, analysed: &str, findings: &[Finding]) -> Vec<Segment> {
    let mut same = text.bytes().zip(analysed.bytes()).take_while(|(a, b)| a == b).count();
    while !text.is_char_boundary(same) {
        same -= 1;
    }
    let kept: Vec<Finding> = findings.iter().filter(|f| f.span.is_some_and(|s| s.end() <= same)).cloned().collect();
    let mut out = segments(&text[..same], &kept);
    // Finding indexes must refer to the report, not to the filtered list.
    let index: Vec<usize> =
        findings.iter().enumerate().filter(|(_, f)| f.span.is_some_and(|s| s.end() <= same)).map(|(i, _)| i).collect();
    for seg in &mut out {
        if let Some(m) = &mut seg.mark {
            m.finding = index[m.finding];
        }
    }
    if same < text.len() {
        match out.last_mut() {
            Some(last) if last.mark.is_none() => last.text.push_str(&text[same..]),
            _ => out.push(Segment { text: text[same..].to_string(), mark: None }),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use cornerstone_engine::{analyze, Context};

    fn render(text: &str) -> String {
        let report = analyze(text, &Context::default());
        segments(text, &report.findings)
            .iter()
            .map(|s| match &s.mark {
                Some(m) => format!("[{}:{}]", m.cue, s.text),
                None => s.text.clone(),
            })
            .collect()
    }

    #[test]
    fn marks_findings_in_place_and_keeps_all_text() {
        let text = "😀 Sorry, but as I already explained, no.";
        assert_eq!(render(text), "😀 [apology-hollow:Sorry, but] [sarcasm:as I already explained], no.");
    }

    #[test]
    fn the_most_severe_overlapping_finding_wins() {
        // "sorry" is both a tip (too many apologies) and an apology.
        let text = "Sorry. Sorry! So sorry.";
        let out = render(text);
        assert!(out.contains("[apology-excess:So sorry]"), "{out}");
        let plain: String =
            segments(text, &analyze(text, &Context::default()).findings).iter().map(|s| s.text.as_str()).collect();
        assert_eq!(plain, text);
    }

    #[test]
    fn keeps_highlights_before_the_edit_while_a_long_draft_waits() {
        let old = "Sorry, but no. As I already explained, it ships.";
        let report = analyze(old, &Context::default());
        let new = "Sorry, but no. As I already explained, it ships today.";
        let segs = segments_while_stale(new, old, &report.findings);
        let plain: String = segs.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(plain, new);
        let marked: Vec<&str> = segs.iter().filter(|s| s.mark.is_some()).map(|s| s.text.as_str()).collect();
        assert_eq!(marked, ["Sorry, but", "As I already explained"]);
        let edited_early = "Sorry, but NO. As I already explained, it ships.";
        let segs = segments_while_stale(edited_early, old, &report.findings);
        assert_eq!(segs.iter().filter(|s| s.mark.is_some()).count(), 1);
    }

    #[test]
    fn skips_spans_that_do_not_fit_the_text() {
        let report = analyze("I'm so sorry for the wait.", &Context::default());
        let segs = segments("short", &report.findings);
        assert_eq!(segs, [Segment { text: "short".into(), mark: None }]);
    }

    /// The former version: for every piece, a scan of every finding.
    fn segments_by_scan(text: &str, findings: &[Finding]) -> Vec<Segment> {
        let spans: Vec<(usize, usize, usize)> = findings
            .iter()
            .enumerate()
            .filter_map(|(i, f)| f.span.map(|s| (i, s.start(), s.end())))
            .filter(|&(_, s, e)| s < e && e <= text.len() && text.is_char_boundary(s) && text.is_char_boundary(e))
            .collect();
        let mut cuts: Vec<usize> = spans.iter().flat_map(|&(_, s, e)| [s, e]).chain([0, text.len()]).collect();
        cuts.sort_unstable();
        cuts.dedup();
        let mut out: Vec<Segment> = Vec::new();
        for w in cuts.windows(2) {
            let (a, b) = (w[0], w[1]);
            let best = spans
                .iter()
                .filter(|&&(_, s, e)| s <= a && b <= e)
                .max_by_key(|&&(i, _, _)| (findings[i].severity(), Reverse(i)))
                .map(|&(i, _, _)| Mark { finding: i, cue: findings[i].cue.id(), severity: findings[i].severity() });
            match out.last_mut() {
                Some(last) if last.mark == best => last.text.push_str(&text[a..b]),
                _ => out.push(Segment { text: text[a..b].to_string(), mark: best }),
            }
        }
        out
    }

    #[test]
    fn the_sweep_agrees_with_a_scan_of_every_finding() {
        for text in [
            "Sorry. Sorry! So sorry. THANKS FOR NOTHING!! Hi Pryia, we apologize for any inconvenience.",
            "Hi John,\nAs I already explained, sorry if you feel that way!!! You need to send it ASAP.",
            "😀 Sorry, but as I already explained, no. Thanks! Thanks again, I'm SO SORRY.",
        ] {
            for name in [None, Some("Priya Raman")] {
                let ctx = Context { customer_name: name.map(str::to_string), customer_message: None };
                let findings = analyze(text, &ctx).findings;
                assert_eq!(segments(text, &findings), segments_by_scan(text, &findings), "{text}");
            }
        }
    }

    #[test]
    fn many_findings_cost_a_sweep_not_findings_times_pieces() {
        // 200,000 findings: the scan of every finding for every piece took
        // about 10^11 steps here.
        let text = "a!! ".repeat(200_000);
        let findings = analyze(&text, &Context::default()).findings;
        assert!(findings.len() >= 200_000);
        let start = std::time::Instant::now();
        let segs = segments(&text, &findings);
        assert_eq!(segs.iter().filter(|s| s.mark.is_some()).count(), 200_000);
        assert!(start.elapsed() < std::time::Duration::from_secs(5), "took {:?}", start.elapsed());
    }
}
