//! The engine's layers only look down (ARCHITECTURE.md, "Layers"): each
//! module may name only modules of a lower layer. A module missing from the
//! table below fails the test, so a new module must be given its layer.

use std::path::Path;

/// Modules by layer, lowest first. A module may use any module of a lower
/// layer and its own submodules, never one of its own layer or above.
const LAYERS: &[(&str, &[&str])] = &[
    ("sorting", &["order"]),
    ("text", &["span", "fold", "hash", "cue", "context"]),
    ("vocabulary", &["finding", "words", "nicknames", "translit"]),
    ("tokens", &["tokens"]),
    ("phrase hits", &["lexicon"]),
    ("document facts", &["document"]),
    ("the customer's message", &["conversation"]),
    ("rules", &["rules"]),
    ("report", &["report"]),
    ("drivers", &["pack", "incremental", "lib"]),
];

fn layer_of(module: &str) -> usize {
    LAYERS
        .iter()
        .position(|(_, mods)| mods.contains(&module))
        .unwrap_or_else(|| panic!("module `{module}` has no layer in tests/layers.rs"))
}

/// The code of a file without its tests (test modules close each file).
fn code_of(path: &Path) -> String {
    let text = std::fs::read_to_string(path).unwrap();
    match text.find("\n#[cfg(test)]") {
        Some(k) => text[..k].to_string(),
        None => text,
    }
}

/// The top-level modules a piece of code names (`crate::x`), comments aside.
fn uses(code: &str) -> Vec<String> {
    let mut out = Vec::new();
    for line in code.lines().filter(|l| !l.trim_start().starts_with("//")) {
        let mut rest = line;
        while let Some(k) = rest.find("crate::") {
            rest = &rest[k + 7..];
            let name: String = rest.chars().take_while(|c| c.is_ascii_lowercase() || *c == '_').collect();
            if !name.is_empty() {
                out.push(name);
            }
        }
    }
    out.sort();
    out.dedup();
    out
}

fn files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn layers_only_look_down() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut all = Vec::new();
    files(&src, &mut all);
    assert!(all.len() > 20, "found the engine's sources");
    let mut wrong = Vec::new();
    for path in &all {
        let rel = path.strip_prefix(&src).unwrap();
        let module = rel.components().next().unwrap().as_os_str().to_str().unwrap().trim_end_matches(".rs");
        let own = layer_of(module);
        for used in uses(&code_of(path)) {
            if used != module && layer_of(&used) >= own {
                wrong.push(format!(
                    "{} (layer {}) uses crate::{used} (layer {})",
                    rel.display(),
                    LAYERS[own].0,
                    LAYERS[layer_of(&used)].0
                ));
            }
        }
    }
    assert!(wrong.is_empty(), "layers must only look down:\n{}", wrong.join("\n"));
}

#[test]
fn the_check_sees_an_upward_use() {
    // The test above would fail on this: the lexicon naming the rules.
    let code = "use crate::tokens::Token;\nfn f() { crate::rules::draft_lexicon(); }\n// crate::report in a comment\n";
    assert_eq!(uses(code), ["rules", "tokens"]);
    assert!(layer_of("rules") > layer_of("lexicon"));
}

/// The module's one sort: outside tests, lists are sorted by
/// `order::sort_by_key` or `order::sort` (ARCHITECTURE.md, `order.rs`),
/// never by a standard sort, which would compile another copy of itself.
#[test]
fn lists_are_sorted_by_the_one_sort() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut paths = Vec::new();
    files(&root.join("src"), &mut paths);
    files(&root.join("../../src"), &mut paths);
    let mut found = Vec::new();
    for path in &paths {
        for (n, line) in code_of(path).lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            for sort in [".sort(", ".sort_by(", ".sort_by_key(", ".sort_unstable", ".sort_by_cached_key("] {
                if code.contains(sort) {
                    found.push(format!("{}:{}: {}", path.display(), n + 1, line.trim()));
                }
            }
        }
    }
    assert!(paths.len() > 40, "the sources were found");
    assert!(found.is_empty(), "use cornerstone_engine::order instead:\n{}", found.join("\n"));
}
