//! The audit of findings on real agent replies, as a regression test: a
//! finding judged correct must still be reported, one judged wrong must not
//! come back, and every tip and warning cue must keep its precision.

use std::collections::BTreeMap;

use cornerstone_engine::Severity;
use cornerstone_eval::{
    agent_replies, audit_findings, load_audit, load_rest_audit, rest_audit_findings, verdict_for, AuditKey, Verdict,
};

fn current() -> Vec<(AuditKey, Severity)> {
    let rows = agent_replies().expect("the real agent replies in ../shared/data (or CORNERSTONE_DATA)");
    audit_findings(&rows).into_iter().map(|(k, s, _, _)| (k, s)).collect()
}

/// The tips and warnings on the replies outside the sample, now.
fn current_rest() -> Vec<(AuditKey, Severity)> {
    let rows = agent_replies().expect("the real agent replies in ../shared/data (or CORNERSTONE_DATA)");
    rest_audit_findings(&rows).into_iter().map(|(k, s, _, _)| (k, s)).collect()
}

/// Findings judged correct that are gone, and findings judged wrong that
/// are back.
fn drift<'a>(audit: &'a [Verdict], now: &[AuditKey]) -> (Vec<&'a AuditKey>, Vec<&'a AuditKey>) {
    let mut lost = Vec::new();
    let mut back = Vec::new();
    for v in audit {
        let present = now.iter().any(|k| v.key.matches(k));
        match v.verdict.as_str() {
            "correct" if !present => lost.push(&v.key),
            "wrong" if present => back.push(&v.key),
            _ => {}
        }
    }
    (lost, back)
}

/// Per cue, (right, wrong) of the tips and warnings in `now`, and those no
/// verdict speaks for.
fn judged(audit: &[Verdict], now: Vec<(AuditKey, Severity)>) -> (BTreeMap<String, (usize, usize)>, Vec<AuditKey>) {
    let mut per: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let mut unjudged = Vec::new();
    for (key, severity) in now {
        if severity == Severity::Praise {
            continue;
        }
        match verdict_for(audit, &key).map(|v| v.verdict.as_str()) {
            Some("correct") => per.entry(key.cue.clone()).or_default().0 += 1,
            Some("wrong") => per.entry(key.cue.clone()).or_default().1 += 1,
            Some(_) => {}
            None => unjudged.push(key),
        }
    }
    (per, unjudged)
}

#[test]
fn judged_findings_stay_as_judged() {
    let now: Vec<AuditKey> = current().into_iter().map(|(k, _)| k).collect();
    let audit = load_audit().unwrap();
    assert!(audit.len() >= 200, "the audit holds only {} verdicts", audit.len());
    let (lost, back) = drift(&audit, &now);
    assert!(lost.is_empty(), "findings judged correct have disappeared: {lost:#?}");
    assert!(back.is_empty(), "findings judged wrong are reported again: {back:#?}");
}

#[test]
fn every_tip_and_warning_is_judged_and_precise() {
    let audit = load_audit().unwrap();
    let (per, unjudged) = judged(&audit, current());
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

/// The replies outside the sample: every tip and warning on them (but
/// `name-missing`) was judged once, by a reviewer who read only the cue
/// definitions; a rule change that adds one there needs a verdict too.
#[test]
fn tips_and_warnings_on_the_other_replies_stay_judged_and_precise() {
    let audit = load_rest_audit().unwrap();
    assert!(audit.len() >= 78, "the second audit holds only {} verdicts", audit.len());
    let now = current_rest();
    let keys: Vec<AuditKey> = now.iter().map(|(k, _)| k.clone()).collect();
    let (lost, back) = drift(&audit, &keys);
    assert!(lost.is_empty(), "findings judged correct have disappeared: {lost:#?}");
    assert!(back.is_empty(), "findings judged wrong are reported again: {back:#?}");
    let (per, unjudged) = judged(&audit, now);
    assert!(
        unjudged.is_empty(),
        "tips and warnings on the other real replies that nobody has judged (run `cargo run -p cornerstone-eval -- --audit-todo`): {unjudged:#?}"
    );
    for (cue, (right, wrong)) in per {
        let precision = right as f64 / (right + wrong).max(1) as f64;
        assert!(
            precision >= 0.9,
            "{cue}: precision {precision:.2} on the other real replies ({right} right, {wrong} wrong)"
        );
    }
}
