//! The audit of the pair cues on real message/reply pairs, as a regression
//! test: a finding judged right must still be reported, one judged wrong
//! must not come back, every finding must be judged, and each cue judged
//! often enough to measure keeps a precision of 0.9.

use std::collections::BTreeMap;

use cornerstone_eval::{
    agent_replies, load_pair_audit, pair_audit_findings, pair_audit_sample, pair_verdict_for, PairKey, PAIR_AUDIT_SIZE,
};

fn current() -> Vec<PairKey> {
    let rows = agent_replies().expect("the real agent replies in ../shared/data (or CORNERSTONE_DATA)");
    pair_audit_findings(&rows).into_iter().map(|f| f.key).collect()
}

#[test]
fn the_sample_is_large_and_every_pair_has_its_message() {
    let rows = agent_replies().unwrap();
    let sample = pair_audit_sample(&rows);
    assert!(sample.len() >= 150, "only {} real pairs audited", sample.len());
    assert_eq!(sample.len(), PAIR_AUDIT_SIZE.min(sample.len()));
    assert!(sample.iter().all(|r| r["previous_customer_message"].as_str().is_some_and(|m| !m.trim().is_empty())));
}

#[test]
fn judged_findings_stay_as_judged() {
    let now = current();
    let audit = load_pair_audit().unwrap();
    assert!(audit.len() >= 50, "the pairs audit holds only {} verdicts", audit.len());
    let mut lost = Vec::new();
    let mut back = Vec::new();
    for v in &audit {
        let present = now.iter().any(|k| v.key.matches(k));
        match v.verdict.as_str() {
            "right" if !present => lost.push(&v.key),
            "wrong" if present => back.push(&v.key),
            _ => {}
        }
    }
    assert!(lost.is_empty(), "findings judged right have disappeared: {lost:#?}");
    assert!(back.is_empty(), "findings judged wrong are reported again: {back:#?}");
}

#[test]
fn every_finding_is_judged_and_precise() {
    let audit = load_pair_audit().unwrap();
    let mut per: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let mut unjudged = Vec::new();
    for key in current() {
        match pair_verdict_for(&audit, &key).map(|v| v.verdict.as_str()) {
            Some("right") => per.entry(key.cue.clone()).or_default().0 += 1,
            Some("wrong") => per.entry(key.cue.clone()).or_default().1 += 1,
            Some(_) => {}
            None => unjudged.push(key),
        }
    }
    assert!(
        unjudged.is_empty(),
        "findings on the audited real pairs that nobody has judged (run `cargo run -p cornerstone-eval -- --pairs-audit-todo`): {unjudged:#?}"
    );
    for (cue, (right, wrong)) in per {
        // Precision on fewer than five judged findings says nothing yet.
        if right + wrong < 5 {
            continue;
        }
        let precision = right as f64 / (right + wrong) as f64;
        assert!(
            precision >= 0.9,
            "{cue}: precision {precision:.2} on the audited real pairs ({right} right, {wrong} wrong)"
        );
    }
}

/// Every question in 150 real messages, judged answered or not by a
/// reviewer: the cue warns on none that was clearly answered, and still
/// finds the ones it found when the audit was made.
#[test]
fn no_real_question_judged_answered_is_called_unanswered() {
    let rows = agent_replies().unwrap();
    let audit = cornerstone_eval::load_question_audit().unwrap();
    assert!(audit.iter().filter(|v| v.kind == "real").count() >= 100, "too few judged questions");
    let q = cornerstone_eval::score_question_audit(&rows, &audit);
    assert_eq!(q.pairs, 150, "the audited pairs are in the data");
    assert!(q.on_addressed.is_empty(), "warned on questions judged answered: {:#?}", q.on_addressed);
    assert!(q.unmatched.is_empty(), "warned on words that are no judged question: {:#?}", q.unmatched);
    assert!(q.on_rhetorical.is_empty(), "warned on rhetorical questions: {:#?}", q.on_rhetorical);
    let mut found = q.found.clone();
    found.sort();
    assert_eq!(
        found,
        [
            "dev-PJaD4PAUO76sXEaFyUKX-1: any reason I can’t play minecraft on ps4 at all today?",
            "test-zMvRDwg6soXdnvAQkJ1L-1: What's wrong with minecraft on the LG G8x?",
        ],
        "the questions judged unanswered that it finds ({} judged)",
        q.unanswered
    );
}
