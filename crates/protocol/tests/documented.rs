//! The JavaScript that is not built from the list (the README's parent-page
//! snippet, the test fixtures and the end-to-end tests) names only message
//! types that are in it, and the README documents every one.

use std::path::Path;

use cornerstone_protocol::{Kind, PREFIX};

/// `cornerstone:` names in quotes that are not messages of the protocol.
const NOT_MESSAGES: &[&str] = &["cornerstone:underlines"];

/// Every quoted `'cornerstone:word'` (single quotes, as the JavaScript here writes them).
fn quoted_names(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let needle = format!("'{PREFIX}");
    let mut rest = text;
    while let Some(at) = rest.find(&needle) {
        let after = &rest[at + 1..];
        let word_len = PREFIX.len() + after[PREFIX.len()..].bytes().take_while(u8::is_ascii_lowercase).count();
        if after[word_len..].starts_with('\'') && word_len > PREFIX.len() {
            out.push(after[..word_len].to_string());
        }
        rest = after;
    }
    out
}

fn files() -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut paths = vec![root.join("README.md")];
    for dir in ["tests/e2e", "tests/e2e/fixtures", "examples", "assets/templates", "assets/templates/inplace"] {
        for entry in std::fs::read_dir(root.join(dir)).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "js" || e == "mjs" || e == "html") {
                paths.push(path);
            }
        }
    }
    paths.into_iter().map(|p| (p.display().to_string(), std::fs::read_to_string(&p).unwrap())).collect()
}

#[test]
fn scripts_and_docs_name_only_known_message_types() {
    let mut seen = 0;
    for (path, text) in files() {
        for name in quoted_names(&text) {
            if NOT_MESSAGES.contains(&name.as_str()) {
                continue;
            }
            assert!(
                Kind::from_name(&name).is_some(),
                "{path} names '{name}', which is not in cornerstone_protocol::Kind"
            );
            seen += 1;
        }
    }
    assert!(seen >= 10, "the fixtures and the README should use the message types ({seen} found)");
}

#[test]
fn the_readme_documents_every_message_type() {
    let readme = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("../../README.md")).unwrap();
    for kind in Kind::ALL {
        assert!(readme.contains(kind.name()), "README.md does not mention {}", kind.name());
    }
}

#[test]
fn finds_quoted_names_only() {
    assert_eq!(
        quoted_names("type === 'cornerstone:select' || 'cornerstone:/tools/' + `cornerstone:x` 'cornerstone:'"),
        ["cornerstone:select"]
    );
}
