//! The report's JSON is written by hand (`Report::json`), so that the app's
//! WebAssembly module carries no serde. It must be byte for byte what
//! serde_json writes for the same structs, which the CLI still serialises
//! with serde (its JSON Lines nest a report in an object of their own).

use cornerstone_engine::{analyze_with, Context, RulePack};

fn repo_file(path: &str) -> String {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    std::fs::read_to_string(root.join(path)).unwrap()
}

/// The tuning part of the labelled corpus, one draft per non-empty line.
fn corpus_lines() -> Vec<String> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../engine/tests/corpus");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.file_name().unwrap().to_string_lossy().starts_with("drafts-"))
        .collect();
    files.sort();
    assert!(files.len() >= 5, "the corpus is where it was");
    files
        .iter()
        .flat_map(|p| std::fs::read_to_string(p).unwrap().lines().map(str::to_string).collect::<Vec<_>>())
        .filter(|l| !l.trim().is_empty())
        .collect()
}

/// Characters that JSON escapes, or that a writer could get wrong.
const AWKWARD: &[&str] = &[
    "\"",
    "\\",
    "\n",
    "\t",
    "\r",
    "\u{8}",
    "\u{c}",
    "\u{0}",
    "\u{1}",
    "\u{1f}",
    "\u{7f}",
    "/",
    "é",
    "日本",
    "🙂",
    "\u{200b}",
    "\u{2028}",
    "\\u0041",
    "</script>",
];

#[test]
fn the_hand_written_json_is_what_serde_json_writes() {
    let pack = RulePack::from_json(&repo_file("examples/cornerstone.rules.json")).unwrap();
    let lines = corpus_lines();
    let names = ["", "Priya Raman", "Maria", "O'Brien \"Bob\"", "Zoë\\Ann", "[Name]", "\u{1}x"];
    let mut checked = 0;
    let mut with_context = 0;
    for (i, line) in lines.iter().enumerate() {
        // Every fourth draft gets awkward characters spliced in between words.
        let draft = if i % 4 == 3 {
            line.split(' ').enumerate().map(|(k, w)| format!("{w}{}", AWKWARD[(i + k) % AWKWARD.len()])).collect()
        } else {
            line.clone()
        };
        let message = (i % 3 == 1).then(|| lines[(i * 7 + 1) % lines.len()].clone());
        let ctx = Context::new(Some(names[i % names.len()]), message.as_deref());
        let report = analyze_with(&draft, &ctx, (i % 5 == 0).then_some(&pack));
        let json = report.to_json(&draft);
        with_context += json.findings.iter().filter(|f| f.context.is_some()).count();
        assert_eq!(report.json(&draft), serde_json::to_string(&json).unwrap(), "draft {i}: {draft:?}");
        for f in &json.findings {
            assert_eq!(f.to_json_string(), serde_json::to_string(f).unwrap());
        }
        checked += 1;
    }
    assert!(checked > 1000, "{checked} drafts");
    assert!(with_context >= 20, "findings about the message: {with_context}");
}

#[test]
fn the_politeness_is_written_as_serde_json_writes_it() {
    let report = analyze_with("Thank you so much!", &Context::default(), None);
    let mut json = report.to_json("Thank you so much!");
    for k in -2000..=2000 {
        json.politeness = ((k as f32) / 100.0 * 100.0).round() / 100.0;
        let ours = json.to_json_string();
        let theirs = serde_json::to_string(&json).unwrap();
        assert_eq!(ours, theirs, "politeness {k}/100");
    }
    // Scores far past any real draft's (a reviewer found 131072.1 written
    // as 131072.09 by a first version that wrote hundredths).
    for v in [-0.0, 131072.1, -131072.1, 262144.62, 1e7, 3.4e38, 1e-7, f32::NAN, f32::INFINITY] {
        json.politeness = v;
        assert_eq!(json.to_json_string(), serde_json::to_string(&json).unwrap(), "politeness {v}");
    }
    let mut k: u32 = 1;
    while k < 1 << 30 {
        json.politeness = k as f32 / 100.0;
        assert_eq!(json.to_json_string(), serde_json::to_string(&json).unwrap(), "politeness {k}/100");
        k = k * 3 + 7;
    }
}

#[test]
fn a_string_is_escaped_as_serde_json_escapes_it() {
    for s in AWKWARD.iter().copied().chain(["", "plain", "a\"b\\c\u{0}d\u{1f}e"]) {
        assert_eq!(cornerstone_engine::json_str(s), serde_json::to_string(s).unwrap());
    }
    let every_ascii: String = (0u8..128).map(char::from).collect();
    assert_eq!(cornerstone_engine::json_str(&every_ascii), serde_json::to_string(&every_ascii).unwrap());
}
