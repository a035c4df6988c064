//! The coach's own words pass the coach: no message or suggested rewrite
//! should itself draw a warning.

use cornerstone_engine::{analyze, Context, Cornerstone, Cue, Severity};

const DRAFTS: &[&str] = &[
    "Hi Pryia, we apologize for any inconvenience. As I already explained, it's NOT possible!!",
    "Hi John,\nSorry, but that's policy. You need to send it. Unfortunately we can't. Guaranteed by Friday, soon.",
    "Hi [Name], that's not my department and it's your fault. Your call is important to us. Good luck with that.",
    "Send the receipt. You should have checked. This damn thing. I'm sorry if you feel ignored. Thanks for nothing.",
];

#[test]
fn messages_and_suggestions_draw_no_warnings() {
    let mut checked = 0;
    let mut texts: Vec<String> = Cue::ALL.iter().map(|c| c.default_message().to_string()).collect();
    texts.extend(Cornerstone::ALL.iter().map(|c| c.explanation().to_string()));
    for draft in DRAFTS {
        let report = analyze(draft, &Context::with_customer_name("Priya Raman"));
        for f in &report.findings {
            texts.push(f.message.to_string());
            texts.extend(f.suggestions.iter().cloned());
        }
    }
    for text in &texts {
        let report = analyze(text, &Context::default());
        let warnings: Vec<&str> =
            report.findings.iter().filter(|f| f.severity() == Severity::Warning).map(|f| f.cue.id()).collect();
        assert!(warnings.is_empty(), "the coach's own words {text:?} draw warnings {warnings:?}");
        checked += 1;
    }
    assert!(checked > 60, "only {checked} texts checked");
}
