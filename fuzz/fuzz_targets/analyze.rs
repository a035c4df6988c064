//! Fuzzes the engine over a draft, a customer name, the customer's message
//! and a rule pack at once.
//!
//! The input is split on NUL bytes: `draft \0 name \0 message \0 pack`. The pack part is
//! tried as a pack's JSON text, and its words are also put into a valid pack
//! (as a family phrase, a phrase to avoid and a sign-off), so that pack
//! phrases are matched against the draft whatever the JSON looks like.
//! Checked for every input: no panic, every span inside the text and on char
//! boundaries, the JSON report's text and UTF-16 offsets agreeing with an
//! independent count, every context span inside the text it indexes, hint
//! indexes in range, and the incremental analysis of the draft, then of the
//! draft with its halves swapped (an edit that keeps most lines), giving
//! the full analysis's report.
#![no_main]

use cornerstone_engine::{analyze_with, Context, Incremental, Report, RulePack};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let input = String::from_utf8_lossy(data);
    let mut parts = input.splitn(4, '\0');
    let draft = parts.next().unwrap_or("");
    let name = parts.next();
    let message = parts.next();
    let pack_text = parts.next().unwrap_or("");

    let ctx = Context::new(name, message);
    let full = analyze_with(draft, &ctx, None);
    check(draft, &full);

    // Incremental analysis: the draft, then an edit of it.
    // (The app's analyser, which reads a short draft whole, and one that
    // reads every draft through the chunks' memos.)
    let mid = draft.ceil_char_boundary(draft.len() / 2);
    let edited = format!("{}{}", &draft[mid..], &draft[..mid]);
    let edited_full = analyze_with(&edited, &ctx, None);
    for mut engine in [Incremental::new(), Incremental::chunking_all()] {
        assert_eq!(engine.analyze(draft, &ctx, None), full);
        assert_eq!(engine.analyze(&edited, &ctx, None), edited_full);
    }

    // The pack part as JSON; a pack that is refused must say where.
    match RulePack::from_json(pack_text) {
        Ok(pack) => check(draft, &analyze_with(draft, &ctx, &pack)),
        Err(e) => assert!(e.line >= 1 && e.column >= 1 && !e.message.is_empty()),
    }

    // The pack part as phrases of a valid pack.
    let phrase = serde_json::to_string(pack_text).expect("a string serialises");
    let json = format!(
        r#"{{"phrases": {{"apology": [{phrase}], "gratitude": ["thanks", {phrase}]}},
            "avoid": [{{"phrase": {phrase}, "message": "m", "better": [{phrase}]}}],
            "signOff": {{"phrases": [{phrase}]}}}}"#
    );
    if let Ok(pack) = RulePack::from_json(&json) {
        check(draft, &analyze_with(draft, &ctx, &pack));
    }
});

fn check(text: &str, report: &Report) {
    let json = report.to_json(text);
    let mut utf16_at = vec![usize::MAX; text.len() + 1];
    let mut units = 0;
    for (i, c) in text.char_indices() {
        utf16_at[i] = units;
        units += c.len_utf16();
    }
    utf16_at[text.len()] = units;
    assert_eq!(report.findings.len(), json.findings.len());
    for (f, j) in report.findings.iter().zip(&json.findings) {
        match f.span {
            Some(span) => {
                assert!(span.end() <= text.len(), "span {span:?} past the end of {} bytes", text.len());
                assert!(text.is_char_boundary(span.start()) && text.is_char_boundary(span.end()), "{span:?}");
                assert_eq!(j.text, Some(&text[span]));
                assert_eq!((j.start, j.end), (Some(span.start()), Some(span.end())));
                assert_eq!((j.start_utf16, j.end_utf16), (Some(utf16_at[span.start()]), Some(utf16_at[span.end()])));
            }
            None => assert!(j.start.is_none() && j.end_utf16.is_none() && j.text.is_none()),
        }
    }
    for c in &report.cornerstones {
        assert!(c.hints.iter().all(|&i| i < report.findings.len()));
    }
    assert!(report.politeness.is_finite());
    // Context spans index the message (or the draft, for a quoted one).
    let source = report.message.as_ref().map(|m| m.context_text(text));
    for (f, j) in report.findings.iter().zip(&json.findings) {
        match (f.context, source) {
            (Some(c), Some(source)) => {
                assert!(c.end() <= source.len() && source.is_char_boundary(c.start()) && source.is_char_boundary(c.end()));
                let jc = j.context.as_ref().expect("a context in JSON");
                assert_eq!(jc.text, &source[c.start()..c.end()]);
                assert_eq!(jc.start_utf16, source[..c.start()].encode_utf16().count());
            }
            (None, _) => assert!(j.context.is_none()),
            (Some(_), None) => panic!("a context without a message"),
        }
    }
}
