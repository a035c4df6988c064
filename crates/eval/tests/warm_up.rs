//! The engine's warm-up exchanges (`crates/engine/src/warmup.txt`, which
//! its start analyses so that the runtime compiles what a first analysis
//! runs) are the tuning corpus' own, never a held-out draft.

use cornerstone_engine::warm_up_exchanges;
use cornerstone_eval::{load_pairs, load_split, Split};

#[test]
fn the_warm_up_is_twenty_four_exchanges_of_the_tuning_corpus_never_a_held_out_one() {
    // Every exchange as (id, name, message, reply), as the corpus gives it.
    let exchanges = |split: Split| -> Vec<(String, String, String, String)> {
        let drafts = load_split(split)
            .expect("the corpus parses")
            .into_iter()
            .map(|d| (d.id, d.customer_name.unwrap_or_default(), String::new(), d.text.trim().to_string()));
        let pairs = load_pairs(split).expect("the pairs parse").into_iter().map(|p| {
            (p.id, p.customer_name.unwrap_or_default(), p.message.trim().to_string(), p.reply.trim().to_string())
        });
        drafts.chain(pairs).collect()
    };
    let (tuning, held_out) = (exchanges(Split::Tune), exchanges(Split::Test));
    assert!(tuning.len() > 1_000 && held_out.len() > 500, "the corpus is read");
    let warm_up: Vec<_> = warm_up_exchanges().collect();
    assert_eq!(warm_up.len(), 32);
    for (id, name, message, reply) in warm_up {
        assert!(!reply.is_empty() && !reply.contains("<<< customer") && !reply.contains(">>> reply"), "{id} parsed");
        // A tuning exchange of that id, word for word: its name, its
        // message and its reply.
        assert!(
            tuning.iter().any(|t| t.0 == id && t.1 == name && t.2 == message && t.3 == reply),
            "{id} is the tuning corpus' own, unedited"
        );
        // (Ids are not unique across the two parts: the words are compared.)
        assert!(!held_out.iter().any(|t| t.3 == reply), "{id} is not a held-out draft");
    }
}
