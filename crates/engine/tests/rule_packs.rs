//! A support team tailors Cornerstone with a rule pack, and gets told exactly
//! what is wrong when the pack is broken.

use cornerstone_engine::{analyze, analyze_with, phrase_families, Context, Cornerstone, Cue, RulePack, Severity};

const ACME: &str = r#"{
  "$schema": "./cornerstone.rules.schema.json",
  "name": "Acme support",
  "disable": ["boilerplate", "next-steps-missing"],
  "phrases": { "over-promise": ["lifetime warranty"], "apology": ["we owe you one"] },
  "avoid": [
    { "phrase": "Zendo", "message": "Don't name competitors.", "better": ["another provider"] },
    { "phrase": "free upgrade", "message": "Only sales can offer upgrades.", "cornerstone": "dependable", "severity": "tip" }
  ],
  "signOff": { "phrases": ["The Acme Support Team"], "message": "End with 'The Acme Support Team'." }
}"#;

fn spans(text: &str, pack: &RulePack, cue: Cue) -> Vec<String> {
    let report = analyze_with(text, &Context::default(), pack);
    report
        .findings
        .iter()
        .filter(|f| f.cue == cue)
        .map(|f| f.span.map_or(String::new(), |s| text[s].to_string()))
        .collect()
}

#[test]
fn a_team_pack_adds_phrases_avoids_competitors_and_requires_its_sign_off() {
    let pack = RulePack::from_json(ACME).unwrap();
    assert_eq!(pack.name.as_deref(), Some("Acme support"));
    let draft = "Hi Sam,\nUnlike Zendo, we include a lifetime warranty and a Free Upgrade. We owe you one.\nThe Acme Support Team";
    assert_eq!(spans(draft, &pack, Cue::OverPromise), ["lifetime warranty"]);
    assert_eq!(spans(draft, &pack, Cue::Apology), ["We owe you one"]);
    assert_eq!(spans(draft, &pack, Cue::TeamAvoid), ["Zendo", "Free Upgrade"]);
    assert_eq!(spans(draft, &pack, Cue::SignOff), ["The Acme Support Team"]);
    assert!(spans(draft, &pack, Cue::SignOffMissing).is_empty());

    let report = analyze_with(draft, &Context::default(), &pack);
    let zendo = report.findings.iter().find(|f| f.cue == Cue::TeamAvoid).unwrap();
    assert_eq!(zendo.message, "Don't name competitors.");
    assert_eq!(zendo.suggestions, ["another provider"]);
    assert_eq!((zendo.cornerstone(), zendo.severity()), (Cornerstone::Respect, Severity::Warning));
    let upgrade = report.findings.iter().filter(|f| f.cue == Cue::TeamAvoid).nth(1).unwrap();
    assert_eq!((upgrade.cornerstone(), upgrade.severity()), (Cornerstone::Dependable, Severity::Tip));
    assert!(report
        .cornerstone(Cornerstone::Dependable)
        .hints
        .iter()
        .any(|&i| report.findings[i].cue == Cue::TeamAvoid));
}

#[test]
fn a_missing_sign_off_is_a_warning_with_the_team_message_and_disabled_cues_stay_quiet() {
    let pack = RulePack::from_json(ACME).unwrap();
    let draft = "Thanks for your patience. We value your business. We fixed it.\nBest, Sam";
    let report = analyze_with(draft, &Context::default(), &pack);
    let missing = report.findings.iter().find(|f| f.cue == Cue::SignOffMissing).unwrap();
    assert_eq!((missing.span, missing.message.as_ref()), (None, "End with 'The Acme Support Team'."));
    // Built in, "We value your business" is boilerplate; the pack turns it off.
    assert!(analyze(draft, &Context::default()).has(Cue::Boilerplate));
    assert!(!report.has(Cue::Boilerplate));
    assert!(!report.has(Cue::NextStepsMissing));
    // A sign-off early in a long reply does not close it.
    let early = "The Acme Support Team here. We fixed it. It works now. We tested it twice. All good. Enjoy.";
    assert!(spans(early, &pack, Cue::SignOffMissing) == [""]);
    // An empty draft has nothing to sign yet.
    assert!(spans("", &pack, Cue::SignOffMissing).is_empty());
}

#[test]
fn phrases_can_join_every_family_that_is_found_by_phrase() {
    for cue in phrase_families() {
        let json = format!(r#"{{ "phrases": {{ "{}": ["zorblax quux"] }} }}"#, cue.id());
        let pack = RulePack::from_json(&json).unwrap();
        let draft = "Hello Sam. I will zorblax quux for you.";
        assert_eq!(spans(draft, &pack, cue), ["zorblax quux"], "{}", cue.id());
        assert!(spans(draft, &RulePack::from_json("{}").unwrap(), cue).iter().all(|s| s != "zorblax quux"));
    }
}

#[test]
fn without_a_pack_the_results_are_the_built_in_ones() {
    let empty = RulePack::from_json("{}").unwrap();
    let draft = "Hi Pryia, we apologize for any inconvenience. As I already explained, it is YOUR fault!!";
    let ctx = Context::with_customer_name("Priya");
    assert_eq!(analyze_with(draft, &ctx, &empty), analyze(draft, &ctx));
}

#[track_caller]
fn broken(json: &str) -> String {
    RulePack::from_json(json).err().expect("the pack should be refused").to_string()
}

/// Every problem is reported where it starts: the key of an unknown field,
/// the first char of a value of the wrong kind or meaning, the char that
/// breaks the syntax.
#[test]
fn a_broken_pack_is_refused_with_where_and_what() {
    assert_eq!(broken("{\n  \"disable\": [\"shouting\",]\n}"), "line 2, column 26, at disable: trailing comma");
    assert_eq!(
        broken("{\n  \"disabel\": []\n}"),
        "line 2, column 3, at disabel: unknown field `disabel`, expected one of `$schema`, `name`, `disable`, `phrases`, `avoid`, `signOff`"
    );
    assert_eq!(
        broken("{\"avoid\": [{\"phrase\": \"x\", \"message\": 5}]}"),
        "line 1, column 39, at avoid[0].message: invalid type: integer `5`, expected a string"
    );
    assert_eq!(
        broken("{\"disable\": [\"shouting\", \"shoutin\"]}"),
        "line 1, column 26, at disable[1]: unknown cue id 'shoutin' (did you mean 'shouting'?)"
    );
    let tone = broken("{\"disable\": [\"tone\"]}");
    assert!(
        tone.starts_with("line 1, column 14, at disable[0]: unknown cue id 'tone'; known ids: name-used, "),
        "{tone}"
    );
    assert!(broken("{\"phrases\": {\"shouting\": [\"loud\"]}}")
        .starts_with("line 1, column 14, at phrases.shouting: cue 'shouting' takes no phrases (it is not found by phrase); phrases can be added to: apology, "));
    assert_eq!(
        broken("{\"avoid\": [{\"phrase\": \" !! \", \"message\": \"m\"}]}"),
        "line 1, column 23, at avoid[0].phrase: the phrase \" !! \" has no words"
    );
    assert_eq!(
        broken("{\"avoid\": [{\"phrase\": \"x\", \"message\": \"m\", \"cornerstone\": \"kindness\"}]}")
            .split(';')
            .next()
            .unwrap(),
        "line 1, column 59, at avoid[0].cornerstone: unknown cornerstone 'kindness'"
    );
    assert_eq!(broken("{} {}"), "line 1, column 4: trailing characters");
    assert_eq!(broken(""), "line 1, column 1: EOF while parsing a value");
    assert_eq!(broken("\n  [\"shouting\"]"), "line 2, column 3: a rule pack is a JSON object ({ ... }), not a list");
}

/// The reader is JSON's own: escapes, surrogate pairs, numbers, literals,
/// a byte order mark; each way of breaking it is named where it happens.
#[test]
fn a_pack_is_read_as_json_defines_it() {
    let pack = RulePack::from_json(
        "\u{feff}{\"name\": \"Caf\\u00e9 \\ud83d\\ude00 \\\"Acme\\\"\\t\\/\", \"$schema\": null, \"signOff\": null}",
    )
    .unwrap();
    assert_eq!(pack.name.as_deref(), Some("Caf\u{e9} \u{1f600} \"Acme\"\t/"));
    assert_eq!(RulePack::from_json(" {\"name\": null} \r\n\t").unwrap().name, None);
    for (json, problem) in [
        ("{\"name\": true}", "line 1, column 10, at name: invalid type: boolean `true`, expected a string"),
        ("{\"name\": -1.5e3}", "line 1, column 10, at name: invalid type: floating point `-1.5e3`, expected a string"),
        ("{\"name\": 012}", "line 1, column 10, at name: invalid number"),
        ("{\"name\": 1.}", "line 1, column 10, at name: invalid number"),
        ("{\"name\": nul}", "line 1, column 10, at name: expected value"),
        ("{\"name\": [\"x\"]}", "line 1, column 10, at name: invalid type: sequence, expected a string"),
        ("{\"avoid\": {}}", "line 1, column 11, at avoid: invalid type: map, expected a sequence"),
        ("\"acme\"", "line 1, column 1: invalid type: string \"acme\", expected an object"),
        ("{\"name\": \"\\ud83d x\"}", "line 1, column 11, at name: lone surrogate in a \\u escape"),
        ("{\"name\": \"\\u00g9\"}", "line 1, column 11, at name: invalid escape"),
        ("{\"name\": \"\\q\"}", "line 1, column 11, at name: invalid escape"),
        ("{\"name\": \"a\nb\"}", "line 1, column 12, at name: control character (\\u0000-\\u001F) found while parsing a string"),
        ("{\"name\": \"acme", "line 1, column 15, at name: EOF while parsing a string"),
        ("{\"name\" \"acme\"}", "line 1, column 9: expected `:`"),
        ("{name: 1}", "line 1, column 2: key must be a string"),
        ("{\"name\": \"a\" \"disable\": []}", "line 1, column 14: expected `,` or `}`"),
        ("{\"disable\": [\"shouting\" \"blame\"]}", "line 1, column 25, at disable: expected `,` or `]`"),
        ("{\"disable\": [\"shouting\",", "line 1, column 25, at disable[1]: EOF while parsing a value"),
        ("{\"disable\": [\"shouting\"", "line 1, column 24, at disable: EOF while parsing a list"),
        ("{\"name\": \"a\",", "line 1, column 14: EOF while parsing an object"),
        ("{\"name\": \"a\", \"name\": \"b\"}", "line 1, column 15, at name: duplicate field `name`"),
        (
            "{\"phrases\": {\"apology\": [\"a\"], \"apology\": [\"b\"]}}",
            "line 1, column 32, at phrases.apology: duplicate field `apology`",
        ),
        ("{\"avoid\": [{\"phrase\": \"x\"}]}", "line 1, column 12, at avoid[0]: missing field `message`"),
        ("{\"signOff\": {\"message\": \"m\"}}", "line 1, column 13, at signOff: missing field `phrases`"),
        (
            "{\"signOff\": {\"phrases\": [], \"tone\": 1}}",
            "line 1, column 29, at signOff.tone: unknown field `tone`, expected `phrases` or `message`",
        ),
        (
            "{\"avoid\": [{\"phrase\": \"x\", \"message\": \"m\", \"severity\": \"error\"}]}",
            "line 1, column 56, at avoid[0].severity: unknown variant `error`, expected `tip` or `warning`",
        ),
        ("\u{feff}{\"x\": 1}", "line 1, column 2, at x: unknown field `x`, expected one of `$schema`, `name`, `disable`, `phrases`, `avoid`, `signOff`"),
        ("\u{feff} [1]", "line 1, column 2: a rule pack is a JSON object ({ ... }), not a list"),
        ("{\"name\": \"\\ud83d\\uzzzz\"}", "line 1, column 17, at name: invalid escape"),
        // A struct is an object: serde also took a list of its fields in order.
        ("{\"avoid\": [[\"Zendo\", \"m\"]]}", "line 1, column 12, at avoid[0]: invalid type: sequence, expected an object"),
        ("{\"name\": \"\u{e9}\u{e9}\", \"x\": 1}", "line 1, column 16, at x: unknown field `x`, expected one of `$schema`, `name`, `disable`, `phrases`, `avoid`, `signOff`"),
    ] {
        assert_eq!(broken(json), problem, "{json}");
    }
}

/// A megabyte in one key or number is shown by its start, in the message
/// and in the path.
#[test]
fn a_huge_key_or_number_is_shown_by_its_start() {
    let ones = "1".repeat(500_000);
    assert_eq!(
        broken(&format!("{{\"name\": {ones}}}")),
        format!("line 1, column 10, at name: invalid type: integer `{}…`, expected a string", &ones[..40])
    );
    let key = "k".repeat(500_000);
    let message = broken(&format!("{{\"{key}\": 1}}"));
    let short = format!("{}…", &key[..40]);
    assert!(
        message.starts_with(&format!("line 1, column 2, at {short}: unknown field `{short}`, expected")),
        "{}",
        &message[..200]
    );
    assert!(message.len() < 300);
}

/// A value of the wrong kind is refused where it starts, so no input nests
/// deeper than the pack's own shape, however deep it goes.
#[test]
fn a_deeply_nested_pack_is_refused_at_its_first_wrong_value() {
    let deep = format!("{{\"avoid\": [{}{}]}}", "[".repeat(500_000), "]".repeat(500_000));
    assert_eq!(broken(&deep), "line 1, column 12, at avoid[0]: invalid type: sequence, expected an object");
}

fn repo_file(path: &str) -> String {
    let full = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..").join(path);
    std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("{}: {e}", full.display()))
}

#[test]
fn the_shipped_schema_and_example_agree_with_the_engine() {
    let schema: serde_json::Value =
        serde_json::from_str(&repo_file("assets/static/cornerstone.rules.schema.json")).unwrap();
    let strings = |v: &serde_json::Value| -> Vec<String> {
        v.as_array().unwrap().iter().map(|s| s.as_str().unwrap().to_string()).collect()
    };
    let props = &schema["properties"];
    let cue_ids: Vec<String> = Cue::ALL.iter().map(|c| c.id().to_string()).collect();
    assert_eq!(strings(&props["disable"]["items"]["enum"]), cue_ids);
    let families: Vec<String> = phrase_families().map(|c| c.id().to_string()).collect();
    assert_eq!(strings(&props["phrases"]["propertyNames"]["enum"]), families);
    let mut keys: Vec<&String> = props.as_object().unwrap().keys().collect();
    keys.sort();
    assert_eq!(keys, ["$schema", "avoid", "disable", "name", "phrases", "signOff"]);
    let avoid_keys: Vec<&String> = props["avoid"]["items"]["properties"].as_object().unwrap().keys().collect();
    assert_eq!(avoid_keys.len(), 5);
    for key in avoid_keys {
        let json = format!(r#"{{"avoid": [{{"phrase": "x", "message": "m", "{key}": null}}]}}"#);
        let err = RulePack::from_json(&json).err().map(|e| e.message).unwrap_or_default();
        assert!(!err.contains("unknown field"), "the engine does not know avoid.{key}: {err}");
    }

    let example = RulePack::from_json(&repo_file("examples/cornerstone.rules.json")).unwrap();
    assert_eq!(example.name.as_deref(), Some("Acme support"));
    assert_eq!(example.disabled(), [Cue::Boilerplate]);
    // The pack a build ships, to be filled in, changes nothing.
    assert!(RulePack::from_json(&repo_file("assets/static/cornerstone.rules.json")).unwrap().is_empty());
}

#[test]
fn a_huge_pack_is_refused_not_truncated() {
    let many: Vec<String> = (0..20_001).map(|i| format!(r#"{{"phrase": "w{i}", "message": "m"}}"#)).collect();
    let json = format!(r#"{{"avoid": [{}]}}"#, many.join(","));
    assert_eq!(broken(&json), "line 1, column 1: the pack has 20001 phrases; at most 20000 are allowed");
    let last = format!(r#"{{"avoid": [{}]}}"#, many[..20_000].join(","));
    let pack = RulePack::from_json(&last).unwrap();
    assert_eq!(spans("we w19999 now", &pack, Cue::TeamAvoid), ["w19999"]);
}

#[test]
fn a_pack_over_1_mb_is_refused_before_parsing() {
    let json = format!(r#"{{"name": "{}"}}"#, "x".repeat(cornerstone_engine::MAX_PACK_BYTES));
    let message = broken(&json);
    assert!(
        message.starts_with("line 1, column 1: the pack is 1048588 bytes; at most 1048576 bytes (1 MB)"),
        "{message}"
    );
}

#[test]
fn a_phrase_listed_many_times_matches_once() {
    let copies: Vec<&str> = vec![r#""sorry""#; 19_000];
    let json = format!(
        r#"{{"phrases": {{"apology": [{}]}}, "avoid": [{{"phrase": "Zendo", "message": "a"}}, {{"phrase": "zendo", "message": "b"}}]}}"#,
        copies.join(",")
    );
    let pack = RulePack::from_json(&json).unwrap();
    assert_eq!(spans("So sorry. Unlike Zendo, we fixed it.", &pack, Cue::Apology), ["So sorry"]);
    let report = analyze_with("Unlike Zendo, we fixed it.", &Context::default(), &pack);
    let avoid: Vec<&str> =
        report.findings.iter().filter(|f| f.cue == Cue::TeamAvoid).map(|f| f.message.as_ref()).collect();
    assert_eq!(avoid, ["a"], "the first copy of a phrase keeps its message");
}

#[test]
fn a_huge_unknown_cue_id_is_shown_by_its_start() {
    let json = format!(r#"{{"disable": ["{}"]}}"#, "x".repeat(500_000));
    let message = broken(&json);
    assert!(message.len() < 1_000, "{}", &message[..200]);
    assert!(message.contains(&format!("unknown cue id '{}…'", "x".repeat(40))), "{}", &message[..200]);
}

#[test]
fn an_empty_pack_is_refused_at_line_1_column_1() {
    // Found by the fuzz target when serde_json read packs: it said column 0 at the end of an empty file.
    assert_eq!(broken(""), "line 1, column 1: EOF while parsing a value");
    assert_eq!(broken("\n"), "line 2, column 1: EOF while parsing a value");
}
