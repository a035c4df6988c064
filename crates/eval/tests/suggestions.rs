//! Every suggestion the coach offers on the corpus, applied: the words it
//! replaces must stop drawing that cue, and no new warning may appear (the
//! way Harper's `assert_suggestion_result` works).

use std::collections::BTreeMap;

use cornerstone_engine::{analyze, Context, Cue, Severity};
use cornerstone_eval::{load_split, Split};

fn warnings(text: &str, ctx: &Context) -> BTreeMap<Cue, usize> {
    let mut m = BTreeMap::new();
    for f in analyze(text, ctx).findings {
        if f.severity() == Severity::Warning {
            *m.entry(f.cue).or_default() += 1;
        }
    }
    m
}

#[test]
fn every_suggestion_fixes_its_words_and_adds_no_warning() {
    let mut applied = 0;
    let mut failures = Vec::new();
    for split in [Split::Tune, Split::Test] {
        for d in load_split(split).unwrap() {
            let ctx = Context { customer_name: d.customer_name.clone(), customer_message: None };
            let report = analyze(&d.text, &ctx);
            let before = warnings(&d.text, &ctx);
            for f in &report.findings {
                let Some(span) = f.span else { continue };
                for s in &f.suggestions {
                    applied += 1;
                    let fixed = format!("{}{}{}", &d.text[..span.start()], s, &d.text[span.end()..]);
                    let new_end = span.start() + s.len();
                    let after = analyze(&fixed, &ctx);
                    let still = after.findings.iter().any(|g| {
                        g.cue == f.cue && g.span.is_some_and(|t| t.start() < new_end && span.start() < t.end())
                    });
                    let new_warnings: Vec<Cue> = warnings(&fixed, &ctx)
                        .into_iter()
                        .filter(|(c, n)| *n > before.get(c).copied().unwrap_or(0))
                        .map(|(c, _)| c)
                        .collect();
                    if still || !new_warnings.is_empty() {
                        failures.push(format!(
                            "{}: {} {:?} -> {:?}: {}{:?}",
                            d.id,
                            f.cue.id(),
                            &d.text.as_str()[span],
                            s,
                            if still { "cue still there; " } else { "" },
                            new_warnings.iter().map(|c| c.id()).collect::<Vec<_>>()
                        ));
                    }
                }
            }
        }
    }
    assert!(applied >= 50, "only {applied} suggestions were applied");
    assert!(failures.is_empty(), "{} of {applied} suggestions misfire:\n{}", failures.len(), failures.join("\n"));
}
