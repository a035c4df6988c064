//! The engine never fails: any text gets a report, and every span lies on
//! char boundaries inside the text with UTF-16 offsets that agree.

use cornerstone_engine::span::utf16_offsets;
use std::sync::OnceLock;

use cornerstone_engine::{analyze, analyze_with, Context, RulePack};
use proptest::prelude::*;

fn check_report(text: &str, name: Option<&str>) {
    check_report_with(text, name, None)
}

/// The example team pack of the repository, with phrases for families,
/// avoid phrases and a sign-off.
fn example_pack() -> &'static RulePack {
    static PACK: OnceLock<RulePack> = OnceLock::new();
    PACK.get_or_init(|| {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/cornerstone.rules.json");
        RulePack::from_json(&std::fs::read_to_string(path).unwrap()).unwrap()
    })
}

fn check_report_with(text: &str, name: Option<&str>, pack: Option<&RulePack>) {
    check_exchange(text, name, None, pack)
}

/// Every context span lies inside the text it indexes (the message, or the
/// draft for a quoted one), on char boundaries, with agreeing UTF-16
/// offsets and text.
fn check_contexts(report: &cornerstone_engine::Report, json: &cornerstone_engine::JsonReport, draft: &str) {
    let Some(m) = &report.message else {
        assert!(report.findings.iter().all(|f| f.context.is_none()));
        return;
    };
    let text = m.context_text(draft);
    for (f, j) in report.findings.iter().zip(&json.findings) {
        let Some(c) = f.context else {
            assert!(j.context.is_none());
            continue;
        };
        assert!(c.end() <= text.len() && text.is_char_boundary(c.start()) && text.is_char_boundary(c.end()), "{c:?}");
        let jc = j.context.as_ref().expect("a context in JSON");
        assert_eq!(jc.text, &text[c]);
        assert_eq!(jc.start_utf16, text[..c.start()].encode_utf16().count());
        assert_eq!(jc.end_utf16, text[..c.end()].encode_utf16().count());
    }
    assert!(m.relation.unanswered <= m.relation.questions);
}

fn check_exchange(text: &str, name: Option<&str>, message: Option<&str>, pack: Option<&RulePack>) {
    let ctx = Context { customer_name: name.map(str::to_string), customer_message: message.map(str::to_string) };
    let report = match pack {
        Some(pack) => analyze_with(text, &ctx, pack),
        None => analyze(text, &ctx),
    };
    let json = report.to_json(text);
    // Reference UTF-16 offsets for every byte on a char boundary, counted
    // independently of the engine with `encode_utf16`.
    let mut utf16_at = vec![usize::MAX; text.len() + 1];
    let mut units = 0;
    for (i, c) in text.char_indices() {
        utf16_at[i] = units;
        units += c.encode_utf16(&mut [0; 2]).len();
    }
    utf16_at[text.len()] = units;
    for (f, j) in report.findings.iter().zip(&json.findings) {
        match f.span {
            Some(span) => {
                assert!(span.end() <= text.len(), "span {span:?} past the end of {} bytes", text.len());
                assert!(
                    text.is_char_boundary(span.start()) && text.is_char_boundary(span.end()),
                    "span {span:?} splits a char"
                );
                let expected: Vec<usize> = vec![utf16_at[span.start()], utf16_at[span.end()]];
                assert_eq!(vec![j.start_utf16.unwrap(), j.end_utf16.unwrap()], expected);
                assert_eq!(j.text, Some(&text[span]));
            }
            None => assert!(j.start.is_none() && j.start_utf16.is_none()),
        }
    }
    for c in &report.cornerstones {
        assert!(c.hints.iter().all(|&i| i < report.findings.len()));
    }
    assert!(report.politeness.is_finite());
    check_contexts(&report, &json, text);
    // What the app's web worker sends back reads back as the same report.
    let wired = cornerstone_engine::Report::from_wire(&report.to_wire(), message.unwrap_or(""));
    assert_eq!(wired.as_ref(), Some(&report));
}

/// Text built from pieces that stress the parser: emoji, combining marks,
/// CRLF, quote markers, brackets, capitals and the phrases rules look for.
fn tricky_text() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "Hi Priya,",
        "sorry",
        " ",
        "\n",
        "\r\n",
        "> ",
        ">",
        "😀",
        "👍🏽",
        "e\u{301}",
        "王伟",
        "Алексей",
        "\"",
        "“",
        "”",
        "[Name]",
        "{{",
        "}}",
        "<",
        ">",
        "%",
        "XXXX-",
        "4421",
        "!!!",
        "?!",
        "THANKS",
        "as I already explained",
        "thank you",
        "’",
        "'",
        "Mr.",
        "-",
        "—",
        "wrote:",
        "You wrote: ",
        "\u{200d}",
        "\u{feff}",
        "\t",
        "100%",
        "_",
        "...",
    ]);
    prop::collection::vec(prop_oneof![pieces.prop_map(String::from), any::<String>()], 0..40).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(768))]

    #[test]
    fn any_unicode_gets_a_sound_report(text in any::<String>(), name in prop::option::of(any::<String>())) {
        check_report(&text, name.as_deref());
    }

    #[test]
    fn tricky_drafts_with_a_team_pack_get_a_sound_report(text in tricky_text()) {
        let text = format!("{text} Zendo free upgrade. The Acme Support Team");
        check_report_with(&text, Some("Priya Raman"), Some(example_pack()));
    }

    #[test]
    fn any_text_as_a_pack_compiles_or_is_refused_with_a_location(json in any::<String>()) {
        if let Err(e) = RulePack::from_json(&json) {
            prop_assert!(!e.message.is_empty());
            prop_assert!(e.line >= 1);
        }
    }

    #[test]
    fn any_message_beside_any_draft_gets_a_sound_report(text in tricky_text(), message in prop_oneof![tricky_text(), any::<String>()]) {
        check_exchange(&text, None, Some(&message), None);
        check_exchange(&format!("Hi,\nWe fixed it.\n\nOn Monday, Priya wrote:\n> {message}"), None, None, None);
    }

    #[test]
    fn tricky_drafts_get_a_sound_report(text in tricky_text(), name in prop::option::of(prop::sample::select(vec!["Priya Raman", "王伟", "Zoë", "An", "Grace", "O'Connor", ""]))) {
        check_report(&text, name);
    }
}

#[test]
fn a_one_megabyte_draft_is_analysed() {
    let para =
        "Hi Priya,\r\n> sorry!!\nAs I already explained, THANK YOU 😀 for waiting [Name]. We're sorry. \u{301}\n";
    let text = para.repeat(1_000_000 / para.len() + 1);
    assert!(text.len() >= 1_000_000);
    check_report(&text, Some("Priya Raman"));
}

#[test]
fn a_one_megabyte_message_is_read() {
    let para = "Where is my order #A-55321?? I'm so frustrated!!! I called twice. Thanks,\nPriya 😀 e\u{301}\n";
    let message = para.repeat(1_000_000 / para.len() + 1);
    check_exchange("Hi Priya, could you send your order number?", None, Some(&message), None);
}

#[test]
fn lone_quote_markers_and_empty_text() {
    for text in ["", ">", ">\n>", "\n\n\n", "\r\n", "\u{301}", "!!!", "XXXX", "[", "{{}}", "<>", "%%", "”“"] {
        check_report(text, Some("Priya"));
        check_report(text, None);
        check_exchange("Hi, done.", None, Some(text), None);
        check_exchange(text, None, Some(text), None);
    }
}

#[test]
fn utf16_conversion_matches_javascript_counting() {
    let text = "a😀b👍🏽c王";
    let offsets: Vec<usize> = text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
    let expected: Vec<usize> = offsets.iter().map(|&i| text[..i].encode_utf16().count()).collect();
    assert_eq!(utf16_offsets(text, &offsets), expected);
}

#[test]
fn the_worker_wire_carries_any_message_and_suggestion() {
    let pack = RulePack::from_json(
        r#"{"avoid": [{"phrase": "Zendo", "message": "tab\there,\nnew line, back\\slash, unit\u001fsep", "better": ["a\tb", "c\u001fd\\"]}]}"#,
    )
    .unwrap();
    let report = analyze_with("We use Zendo. Sorry, but no.", &Context::default(), &pack);
    assert!(report.findings.iter().any(|f| f.message.contains('\t') && f.message.contains('\u{1f}')));
    assert_eq!(cornerstone_engine::Report::from_wire(&report.to_wire(), "").as_ref(), Some(&report));
    assert_eq!(cornerstone_engine::Report::from_wire("not a report", ""), None);
}
