//! The `cornerstone` command as a support team uses it.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn cornerstone(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_cornerstone"))
        .args(args)
        .env("NO_COLOR", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    // The command may exit before reading its input (bad usage, broken pack).
    let _ = child.stdin.take().unwrap().write_all(stdin);
    child.wait_with_output().unwrap()
}

fn temp_file(name: &str, contents: &[u8]) -> String {
    let dir = std::env::temp_dir().join(format!("cornerstone-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, contents).unwrap();
    path.to_string_lossy().into_owned()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

#[test]
fn text_output_reads_like_a_compiler() {
    let file = temp_file("reply.txt", "Hi Pryia,\nWe apologize for any inconvenience.\n".as_bytes());
    let out = cornerstone(&["check", "--customer-name", "Priya Raman", &file], b"");
    let text = stdout(&out);
    assert!(text.contains(&format!("{file}:1:4: warning[name-misspelled]: ")), "{text}");
    assert!(text.contains(&format!("{file}:2:4: warning[apology-hollow]: ")), "{text}");
    assert!(text.contains("    = try: Priya"), "{text}");
    assert!(!text.contains("\x1b["), "no colour when not on a terminal");
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn a_clean_reply_exits_zero() {
    let out = cornerstone(
        &["check", "--customer-name", "Sam"],
        b"Hi Sam, thanks for waiting! I've refunded you and you'll see it by Friday.",
    );
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    assert!(stdout(&out).contains("<stdin>: Ready to send"));
}

#[test]
fn json_output_has_spans_in_bytes_and_utf16() {
    let out = cornerstone(&["check", "--format", "json"], "😀 Sorry, but no.".as_bytes());
    let v: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let findings = v["findings"].as_array().unwrap();
    let hollow = findings.iter().find(|f| f["cue"] == "apology-hollow").unwrap();
    assert_eq!(hollow["text"], "Sorry, but");
    assert_eq!((hollow["start"].as_u64(), hollow["end"].as_u64()), (Some(5), Some(15)));
    assert_eq!((hollow["start_utf16"].as_u64(), hollow["end_utf16"].as_u64()), (Some(3), Some(13)));
    assert_eq!(hollow["severity"], "warning");
    assert_eq!(hollow["cornerstone"], "respect");
    assert!(hollow["suggestions"].is_array());
    let missing = findings.iter().find(|f| f["cue"] == "name-missing").unwrap();
    assert!(missing["start"].is_null() && missing["start_utf16"].is_null() && missing["text"].is_null());
    assert_eq!(v["cornerstones"].as_array().unwrap().len(), 4);
    assert_eq!(v["cornerstones"][1]["id"], "respect");
    assert_eq!(v["cornerstones"][1]["status"], "needs-work");
}

#[test]
fn jsonl_answers_line_by_line_and_reports_bad_lines() {
    let input = concat!(
        "{\"id\": 1, \"customer_name\": \"Priya\", \"draft\": \"Hi Priya, thanks!\"}\n",
        "not json\n",
        "{\"id\": \"b\", \"customer_name\": null, \"draft\": \"As I already explained, no.\"}\n",
    );
    let out = cornerstone(&["check", "--jsonl"], input.as_bytes());
    let lines: Vec<serde_json::Value> = stdout(&out).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[0]["id"], 1);
    assert!(lines[0]["findings"].as_array().unwrap().iter().any(|f| f["cue"] == "gratitude"));
    assert!(lines[1]["error"].is_string());
    assert_eq!(lines[2]["id"], "b");
    assert!(lines[2]["findings"].as_array().unwrap().iter().any(|f| f["cue"] == "sarcasm"));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("line 2"), "{err}");
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn unreadable_and_invalid_files_are_named_and_the_rest_still_checked() {
    let bad = temp_file("latin1.txt", b"Sorry \xff\xfe");
    let good = temp_file("good.txt", b"As I already explained, no.");
    let out = cornerstone(&["check", "/no/such/file.txt", &bad, &good], b"");
    let err = String::from_utf8(out.stderr.clone()).unwrap();
    assert!(err.contains("/no/such/file.txt: cannot read"), "{err}");
    assert!(err.contains("latin1.txt: not valid UTF-8"), "{err}");
    assert!(stdout(&out).contains("warning[sarcasm]"), "the good file is still checked");
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn bad_usage_exits_two_with_a_message() {
    let out = cornerstone(&["check", "--format", "xml"], b"");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8(out.stderr).unwrap().contains("unknown format 'xml'"));
    let out = cornerstone(&["frobnicate"], b"");
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn a_team_rule_pack_adds_its_own_rules() {
    let pack = temp_file(
        "acme.rules.json",
        br#"{ "avoid": [{ "phrase": "Zendo", "message": "Don't name competitors.", "better": ["another provider"] }],
              "disable": ["name-missing"] }"#,
    );
    let out = cornerstone(&["check", "--rules", &pack], b"We fixed it today, unlike Zendo.");
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stdout(&out).lines().take(3).collect::<Vec<_>>(),
        ["<stdin>:1:27: warning[team-avoid]: Don't name competitors.", "    \"Zendo\"", "    = try: another provider"]
    );
    assert!(!stdout(&out).contains("name-missing"));
    // The same pack applies to JSON lines.
    let out = cornerstone(&["check", "--rules", &pack, "--jsonl"], b"{\"id\": 1, \"draft\": \"Zendo did it\"}\n");
    let line: serde_json::Value = serde_json::from_str(stdout(&out).trim()).unwrap();
    assert_eq!(line["findings"][0]["cue"], "team-avoid");
    assert_eq!(line["findings"][0]["text"], "Zendo");
}

#[test]
fn a_broken_rule_pack_exits_two_naming_file_line_column_and_field() {
    let pack = temp_file("broken.rules.json", b"{\n  \"disable\": [\"shouting\", 3]\n}");
    let out = cornerstone(&["check", "--rules", &pack], b"We fixed it.");
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(stdout(&out), "");
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        format!(
            "cornerstone: {pack}:2:27: broken rule pack at disable[1]: invalid type: integer `3`, expected a string\n"
        )
    );
    let out = cornerstone(&["check", "--rules", "/nonexistent/pack.json"], b"We fixed it.");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8(out.stderr)
        .unwrap()
        .starts_with("cornerstone: /nonexistent/pack.json: cannot read the rule pack: "));
}

/// Runs the command with `stdin` written from another thread (so a large
/// output never blocks a large input), killing it after `limit`.
fn cornerstone_within(args: &[&str], stdin: Vec<u8>, limit: std::time::Duration) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_cornerstone"))
        .args(args)
        .env("NO_COLOR", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let mut input = child.stdin.take().unwrap();
    std::thread::spawn(move || {
        let _ = input.write_all(&stdin);
    });
    let id = child.id();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        if rx.recv_timeout(limit).is_err() {
            let _ = Command::new("kill").arg("-9").arg(id.to_string()).status();
        }
    });
    let out = child.wait_with_output().unwrap();
    let _ = tx.send(());
    assert!(out.status.code().is_some(), "cornerstone was still running after {limit:?}");
    out
}

#[test]
fn control_characters_in_the_draft_reach_the_terminal_escaped() {
    let draft = "Hi Priya, SORRY\x08\x08\x08\x08\x08THANKS FOR NOTHING\x1b[2J!!\x07 Hi \x1b]0;x\x07";
    let out = cornerstone(&["check", "--customer-name", "Priya"], draft.as_bytes());
    let text = stdout(&out);
    assert!(text.contains("warning[shouting]"), "{text}");
    assert!(text.contains(r"SORRY\u{8}\u{8}\u{8}\u{8}\u{8}THANKS FOR NOTHING"), "{text}");
    let raw: Vec<char> = text.chars().filter(|&c| c.is_control() && c != '\n').collect();
    assert!(raw.is_empty(), "raw control characters {raw:?} in {text}");
}

#[test]
fn line_and_column_cost_one_pass_over_a_long_line() {
    // 262,000 findings on two lines of 1 MB: rescanning from the top for
    // each would read about 10^11 bytes.
    let line = "Thanks! ".repeat(131_000);
    let draft = format!("{line}\n{line}").into_bytes();
    let out = cornerstone_within(&["check"], draft, std::time::Duration::from_secs(20));
    let text = stdout(&out);
    assert!(text.contains("<stdin>:2:1047993: praise[gratitude]"), "{}", &text[text.len().saturating_sub(500)..]);
}

#[test]
fn an_over_long_line_is_refused_by_number_and_the_rest_still_checked() {
    let draft = format!("Hi Sam,\n{}\nSORRY, BUT NO.\n", "x".repeat(1 << 20 | 1));
    let out = cornerstone_within(&["check"], draft.into_bytes(), std::time::Duration::from_secs(20));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("<stdin>: line 2 is longer than 1048576 bytes; it is left out"), "{err}");
    assert!(stdout(&out).contains("<stdin>:3:1: warning[apology-hollow]"), "{}", stdout(&out));
    assert_eq!(out.status.code(), Some(2));

    let long = format!(r#"{{"id": 2, "draft": "{}"}}"#, "y".repeat(1 << 20));
    let lines =
        format!("{}\n{long}\n{}\n", r#"{"id": 1, "draft": "Sorry, but no."}"#, r#"{"id": 3, "draft": "Thanks, Sam!"}"#);
    let out = cornerstone_within(&["check", "--jsonl"], lines.into_bytes(), std::time::Duration::from_secs(20));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("<stdin>: line 2: longer than 1048576 bytes; skipped"), "{err}");
    let answers: Vec<serde_json::Value> = stdout(&out).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(answers.len(), 3);
    assert_eq!((answers[0]["id"].clone(), answers[2]["id"].clone()), (1.into(), 3.into()));
    assert_eq!(answers[1]["error"], "line longer than 1048576 bytes");
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn a_rule_pack_over_1_mb_is_refused_without_reading_it_all() {
    let pack = temp_file("huge.rules.json", format!(r#"{{"name": "{}"}}"#, "x".repeat(3 << 20)).as_bytes());
    let out = cornerstone(&["check", "--rules", &pack], b"Hi Sam.");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("the rule pack is larger than 1048576 bytes (1 MB), the size limit"), "{err}");
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn a_customer_message_file_is_read_against_the_reply() {
    let message = temp_file(
        "message.txt",
        "Hi,\nMy order #A-55321 never arrived and I'm furious.\nWhen will it come?\nThanks,\nPriya".as_bytes(),
    );
    let reply = temp_file("answer.txt", b"Hello, could you DM us your order number?\n");
    let out = cornerstone(&["check", "--customer-message", &message, &reply], b"");
    let text = stdout(&out);
    assert!(text.contains(&format!("{reply}:1:8: warning[details-asked-again]: ")), "{text}");
    assert!(text.contains("    = customer message:2:11: \"A-55321\""), "{text}");
    assert!(text.contains(&format!("{reply}: warning[feelings-unacknowledged]: ")), "{text}");
    assert!(text.contains("    = customer message:2:41: \"furious\""), "{text}");
    assert!(text.contains(&format!("{reply}: tip[name-missing]: Greet the customer by name, Priya")), "{text}");
    assert!(text.contains(&format!("{reply}: customer name from the message: Priya")), "{text}");
    assert_eq!(out.status.code(), Some(1));

    let out = cornerstone(&["check", "--format", "json", "--customer-message", &message, &reply], b"");
    let v: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(v["customer_name"], serde_json::json!({"name": "Priya", "source": "message"}));
    assert_eq!(v["relation"]["questions"], 1);
    let again = v["findings"].as_array().unwrap().iter().find(|f| f["cue"] == "details-asked-again").unwrap();
    assert_eq!(again["text"], "could you DM us your order number");
    assert_eq!(
        again["context"],
        serde_json::json!({"text": "A-55321", "start": 14, "end": 21, "start_utf16": 14, "end_utf16": 21, "in": "message"})
    );
    let hollow = cornerstone(&["check", "--format", "json", &reply], b"");
    let v: serde_json::Value = serde_json::from_str(&stdout(&hollow)).unwrap();
    assert!(v["customer_name"].is_null() && v["relation"].is_null());
    assert!(v["findings"].as_array().unwrap().iter().all(|f| f["context"].is_null()));
}

#[test]
fn jsonl_lines_take_a_customer_message_or_null() {
    let input = concat!(
        r#"{"id": 1, "customer_message": "Second time I'm asking: where is my refund?", "draft": "Hi, the refund went out today."}"#,
        "\n",
        r#"{"id": 2, "customer_message": null, "draft": "Hi, the refund went out today."}"#,
        "\n"
    );
    let out = cornerstone(&["check", "--jsonl"], input.as_bytes());
    let lines: Vec<serde_json::Value> = stdout(&out).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let cues = |v: &serde_json::Value| -> Vec<String> {
        v["findings"].as_array().unwrap().iter().map(|f| f["cue"].as_str().unwrap().to_string()).collect()
    };
    assert!(cues(&lines[0]).contains(&"repeat-contact-unacknowledged".to_string()), "{:?}", cues(&lines[0]));
    assert_eq!(
        lines[0]["relation"]["summary"],
        "Answers their question; doesn't acknowledge they have been in touch before"
    );
    assert!(!cues(&lines[1]).contains(&"repeat-contact-unacknowledged".to_string()));
    assert!(lines[1]["relation"].is_null());
}

#[test]
fn a_missing_or_conflicting_customer_message_is_bad_usage() {
    let out = cornerstone(&["check", "--customer-message", "/no/such/message.txt"], b"Hi");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("/no/such/message.txt: cannot read the customer's message"));
    let out = cornerstone(&["check", "--customer-message", "-"], b"Hi");
    assert_eq!(out.status.code(), Some(2));
    let out = cornerstone(&["check", "--jsonl", "--customer-message", "m.txt"], b"");
    assert_eq!(out.status.code(), Some(2));
}
