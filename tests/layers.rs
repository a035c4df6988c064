//! The app's modules form layers, each importing only those below it:
//! state below views, so that no two modules import each other in a
//! circle. Every module of `src/` must be listed in `LAYERS`; a module may
//! name (`crate::module`) only modules of a lower layer. See ARCHITECTURE.md.

use std::collections::BTreeSet;
use std::path::Path;

/// From the bottom up. `components` counts as one module (its files may
/// use each other); `lib.rs`, the crate's root, sits above everything.
const LAYERS: &[&[&str]] = &[
    // The engine module, from the UI's side.
    &["engine"],
    // Leaves: plain helpers and data, over the engine at most.
    &["analysis", "dom", "highlight", "host", "listener", "panic", "protocol", "rules", "sample", "storage"],
    // Where a draft is analysed, where edits land, the long draft's layer.
    &["analyst", "layer", "target"],
    // The coach's shared state.
    &["state"],
    // The views' parts.
    &["components"],
    // The three front ends: the app, the iframe mode, the embed.
    &["app", "embed", "frame"],
    // Coaching inside the host's own editor, on top of the embed.
    &["inplace"],
];

fn layer_of(module: &str) -> Option<usize> {
    LAYERS.iter().position(|layer| layer.contains(&module))
}

/// The modules a source file names as `crate::x`, `crate::{x, y::z}`, outside comments.
fn named_modules(source: &str) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    for line in source.lines() {
        let code = line.split("//").next().unwrap_or("");
        let mut rest = code;
        while let Some(at) = rest.find("crate::") {
            let after = &rest[at + "crate::".len()..];
            if let Some(group) = after.strip_prefix('{') {
                let inside = group.split('}').next().unwrap_or("");
                for item in inside.split(',') {
                    let head = item.trim().split("::").next().unwrap_or("").trim();
                    if !head.is_empty() && head != "self" {
                        found.insert(head.to_string());
                    }
                }
            } else {
                let head: String = after.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
                if !head.is_empty() {
                    found.insert(head);
                }
            }
            rest = after;
        }
    }
    found
}

/// Every module of the crate (top-level files and folders of `src/`) with its source text.
fn modules() -> Vec<(String, String)> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut out = Vec::new();
    for entry in std::fs::read_dir(&src).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_stem().unwrap().to_string_lossy().to_string();
        if path.is_dir() {
            let mut text = String::new();
            for file in std::fs::read_dir(&path).unwrap() {
                text += &std::fs::read_to_string(file.unwrap().path()).unwrap();
            }
            out.push((name, text));
        } else if path.extension().is_some_and(|e| e == "rs") && name != "lib" && name != "main" {
            out.push((name, std::fs::read_to_string(&path).unwrap()));
        }
    }
    out.sort();
    out
}

#[test]
fn every_module_imports_only_lower_layers() {
    let mut problems = Vec::new();
    for (module, source) in modules() {
        let Some(own) = layer_of(&module) else {
            problems.push(format!("src/{module} is in no layer: add it to LAYERS in tests/layers.rs"));
            continue;
        };
        for used in named_modules(&source) {
            if used == module {
                continue;
            }
            match layer_of(&used) {
                Some(layer) if layer < own => {}
                Some(layer) => problems.push(format!(
                    "src/{module} (layer {own}) imports crate::{used} (layer {layer}): a module may import only lower layers"
                )),
                None => problems.push(format!("src/{module} imports crate::{used}, which is in no layer")),
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn reads_every_form_of_a_crate_path() {
    let source = "use crate::state::{Coach, Mode};\nuse crate::{dom, protocol::post};\n\
                  // crate::app in a comment\nlet n = crate::state::LIVE_LIMIT; f(crate::sample::DRAFT);";
    let found: Vec<String> = named_modules(source).into_iter().collect();
    assert_eq!(found, ["dom", "protocol", "sample", "state"]);
}

#[test]
fn a_module_importing_a_higher_layer_is_caught() {
    // What the app looked like before: target -> frame -> app -> target.
    let target = named_modules("use crate::{dom, frame};");
    let offending: Vec<&String> = target.iter().filter(|m| layer_of(m) > layer_of("target")).collect();
    assert_eq!(offending, ["frame"]);
}
