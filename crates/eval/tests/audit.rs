//! The audit of findings on real agent replies, as a regression test: a
//! finding judged correct must still be reported, one judged wrong must not
//! come back, and every tip and warning cue must keep its precision.

use std::collections::BTreeMap;

use cornerstone_engine::Severity;
use cornerstone_eval::{agent_replies, audit_findings, load_audit, verdict_for, AuditKey};

fn current() -> Vec<(AuditKey, Severity)> {
    let rows = agent_replies().expect("the real agent replies in ../shared/data (or CORNERSTONE_DATA)");
    audit_findings(&rows).into_iter().map(|(k, s, _, _)| (k, s)).collect()
}

#[test]
fn judged_findings_stay_as_judged() {
    let now: Vec<AuditKey> = current().into_iter().map(|(k, _)| k).collect();
    let audit = load_audit().unwrap();
    assert!(audit.len() >= 200, "the audit holds only {} verdicts", audit.len());
    let mut lost = Vec::new();
    let mut back = Vec::new();
    for v in &audit {
        let present = now.iter().any(|k| v.key.matches(k));
        match v.verdict.as_str() {
            "correct" if !present => lost.push(&v.key),
            "wrong" if present => back.push(&v.key),
            _ => {}
        }
    }
    assert!(lost.is_empty(), "findings judged correct have disappeared: {lost:#?}");
    assert!(back.is_empty(), "findings judged wrong are reported again: {back:#?}");
}

#[test]
fn every_tip_and_warning_is_judged_and_precise() {
    let audit = load_audit().unwrap();
    let mut per: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let mut unjudged = Vec::new();
    for (key, severity) in current() {
        if severity == Severity::Praise {
            continue;
        }
        match verdict_for(&audit, &key).map(|v| v.verdict.as_str()) {
            Some("correct") => per.entry(key.cue.clone()).or_default().0 += 1,
            Some("wrong") => per.entry(key.cue.clone()).or_default().1 += 1,
            Some(_) => {}
            None => unjudged.push(key),
        }
    }
    assert!(
        unjudged.is_empty(),
        "tips and warnings on the audited replies that nobody has judged (run `cargo run -p cornerstone-eval -- --audit-todo`): {unjudged:#?}"
    );
    for (cue, (right, wrong)) in per {
        let precision = right as f64 / (right + wrong).max(1) as f64;
        assert!(
            precision >= 0.9,
            "{cue}: precision {precision:.2} on the audited real replies ({right} right, {wrong} wrong)"
        );
    }
}
