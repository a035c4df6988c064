//! Every draft of the tuning corpus, typed word by word as the app's worker
//! analyses it (one `Incremental` engine, each prefix that ends a word), and
//! every pair's reply the same way against its customer's message: no
//! prefix may panic, and the last analysis is the full one.
//!
//! Found in session 21: a reading that looked one word past a finding
//! panicked when the finding ended the text typed so far ("..., as I
//! already explained, your"); the end-to-end test saw the panel stop, no
//! native test did.

use cornerstone_engine::{analyze, Context, Incremental};

/// (customer name, customer message, draft) of every tuning draft and pair.
fn drafts() -> Vec<(Option<String>, Option<String>, String)> {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/tests");
    let mut out = Vec::new();
    for (dir, prefix) in [("corpus", "drafts-"), ("pairs", "pairs-")] {
        let mut files: Vec<_> = std::fs::read_dir(format!("{root}/{dir}"))
            .expect("the corpus folder")
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with(prefix)))
            .collect();
        files.sort();
        for path in files {
            let text = std::fs::read_to_string(&path).expect("a corpus file");
            for item in text.split("\n### ").map(|s| s.trim_start_matches("### ")) {
                let Some((header, body)) = item.split_once('\n') else { continue };
                let name = header.split('|').nth(1).map(str::trim).filter(|n| *n != "-").map(String::from);
                match body.split_once(">>> reply\n") {
                    Some((message, reply)) => {
                        let message = message.trim_start_matches("<<< customer\n").trim().to_string();
                        out.push((name, Some(message), reply.trim().to_string()));
                    }
                    None => out.push((name, None, body.trim().to_string())),
                }
            }
        }
    }
    out
}

#[test]
fn every_draft_typed_word_by_word_analyses_without_panic() {
    let drafts = drafts();
    assert!(drafts.len() > 1_000, "the tuning drafts and pairs are read ({})", drafts.len());
    for (name, message, draft) in drafts {
        let ctx = Context { customer_name: name, customer_message: message };
        let mut engine = Incremental::new();
        let ends = draft.char_indices().filter(|&(_, c)| c.is_whitespace()).map(|(i, _)| i);
        for end in ends.chain([draft.len()]) {
            let _ = engine.analyze(&draft[..end], &ctx, None);
        }
        let typed = engine.analyze(&draft, &ctx, None);
        assert_eq!(typed, analyze(&draft, &ctx), "typed and analysed afresh differ: {draft:?}");
    }
}
