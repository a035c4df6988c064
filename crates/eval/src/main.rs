//! `cargo run -p cornerstone-eval --release [-- --verbose]`: prints the
//! quality tables shown in the README.

use cornerstone_engine::{analyze, Context, Cue};
use cornerstone_eval::*;

fn main() {
    let verbose = std::env::args().any(|a| a == "--verbose" || a == "-v");
    if std::env::args().any(|a| a == "--goemotions-dev-errors") {
        return goemotions_errors("dev");
    }
    if std::env::args().any(|a| a == "--audit-todo") {
        return audit_todo();
    }
    if let Some(id) = std::env::args().skip_while(|a| a != "--show-pair").nth(1) {
        return show_pair(&id);
    }
    if std::env::args().any(|a| a == "--pairs-audit-todo") {
        return pair_audit_todo();
    }
    if std::env::args().any(|a| a == "--pairs") {
        return pairs(verbose);
    }
    corpus(verbose);
    pairs(verbose);
    goemotions();
    politeness();
    sarcasm_rates();
    sarcasm_set();
    warnings_on_agent_replies();
    audit_table();
    pair_audit_table();
}

/// Per-cue precision on the audited sample of real message/reply pairs.
fn pair_audit_table() {
    let rows = match agent_replies() {
        Ok(r) => r,
        Err(e) => return println!("pairs audit: skipped ({e})\n"),
    };
    let audit = load_pair_audit().expect("the pairs audit parses");
    let mut per: std::collections::BTreeMap<String, [usize; 4]> = Default::default();
    for f in pair_audit_findings(&rows) {
        let slot = match pair_verdict_for(&audit, &f.key).map(|v| v.verdict.as_str()) {
            Some("right") => 0,
            Some("wrong") => 1,
            Some(_) => 2,
            None => 3,
        };
        per.entry(f.key.cue.clone()).or_default()[slot] += 1;
    }
    println!(
        "## Audit of the pair cues on {PAIR_AUDIT_SIZE} real message/reply pairs (crates/eval/audit/pairs.jsonl)\n"
    );
    println!("| cue | findings | right | wrong | debatable | not judged | precision |");
    println!("|---|---:|---:|---:|---:|---:|---:|");
    for cue in PAIR_CUES.iter().chain(&PAIR_NAME_CUES) {
        let [r, w, d, n] = per.get(cue.id()).copied().unwrap_or_default();
        let precision = if r + w == 0 { "-".to_string() } else { format!("{:.2}", r as f64 / (r + w) as f64) };
        println!("| `{}` | {} | {r} | {w} | {d} | {n} | {precision} |", cue.id(), r + w + d + n);
    }
    println!("\nName cues are judged only where the name came from the customer's message. Precision = right / (right + wrong).\n");
    let questions = cornerstone_eval::load_question_audit().expect("the questions audit parses");
    let q = cornerstone_eval::score_question_audit(&rows, &questions);
    let real = questions.iter().filter(|v| v.kind == "real").count();
    println!("## Every question in {} real messages, judged (crates/eval/audit/questions.jsonl)\n", q.pairs);
    println!(
        "{real} real questions, {} judged unanswered; `question-unanswered` found {} of them (recall {:.2}). Its findings on questions judged answered: {} ({} more on borderline ones); on rhetorical questions: {}; on words no verdict names: {}.\n",
        q.unanswered,
        q.found.len(),
        if q.unanswered == 0 { 0.0 } else { q.found.len() as f64 / q.unanswered as f64 },
        q.on_addressed.len(),
        q.on_borderline.len(),
        q.on_rhetorical.len(),
        q.unmatched.len()
    );
    for w in q.on_addressed.iter().chain(&q.on_borderline).chain(&q.on_rhetorical).chain(&q.unmatched) {
        println!("- {w}");
    }
}

/// Prints, as JSON lines, every finding on the audited real pairs that has
/// no verdict yet, with the message and reply to judge it by.
fn pair_audit_todo() {
    let rows = agent_replies().expect("agent replies");
    let audit = load_pair_audit().expect("the pairs audit parses");
    for f in pair_audit_findings(&rows) {
        if pair_verdict_for(&audit, &f.key).is_some() {
            continue;
        }
        let cut = |text: &str, r: Option<(usize, usize)>| r.map(|(s, e)| text[s..e].to_string());
        let line = serde_json::json!({
            "id": f.key.id,
            "cue": f.key.cue,
            "severity": f.severity.id(),
            "start": f.key.span.map(|s| s.0),
            "end": f.key.span.map(|s| s.1),
            "words": cut(&f.reply, f.key.span),
            "context_start": f.key.context.map(|s| s.0),
            "context_end": f.key.context.map(|s| s.1),
            "context_words": cut(&f.customer_message, f.key.context),
            "message": f.message,
            "customer_message": f.customer_message,
            "reply": f.reply,
        });
        println!("{line}");
    }
}

/// Per-cue precision on the audited sample of real agent replies: of the
/// findings the engine reports now, how many the audit judged correct; and
/// the same for the tips and warnings on the other replies.
fn audit_table() {
    let rows = match agent_replies() {
        Ok(r) => r,
        Err(e) => return println!("audit: skipped ({e})\n"),
    };
    let audit = load_audit().expect("the audit parses");
    print_audit(
        &format!("## Audit of findings on {AUDIT_SIZE} real agent replies (crates/eval/audit)"),
        &audit,
        audit_findings(&rows),
    );
    let rest = load_rest_audit().expect("the second audit parses");
    print_audit(
        &format!(
            "## Audit of every tip and warning but `name-missing` on the other {} real replies (crates/eval/audit/agent-replies-rest.jsonl)",
            rows.len().saturating_sub(AUDIT_SIZE)
        ),
        &rest,
        rest_audit_findings(&rows),
    );
}

fn print_audit(
    title: &str,
    audit: &[Verdict],
    findings: Vec<(AuditKey, cornerstone_engine::Severity, String, String)>,
) {
    let mut per: std::collections::BTreeMap<String, (cornerstone_engine::Severity, [usize; 4])> = Default::default();
    for (key, severity, _, _) in findings {
        let slot = match verdict_for(audit, &key).map(|v| v.verdict.as_str()) {
            Some("correct") => 0,
            Some("wrong") => 1,
            Some(_) => 2,
            None => 3,
        };
        per.entry(key.cue.clone()).or_insert((severity, [0; 4])).1[slot] += 1;
    }
    println!("{title}\n");
    println!("| cue | severity | findings | correct | wrong | debatable | not judged | precision |");
    println!("|---|---|---:|---:|---:|---:|---:|---:|");
    for (cue, (sev, [c, w, d, n])) in per {
        let judged = c + w;
        let precision = if judged == 0 { "-".to_string() } else { format!("{:.2}", c as f64 / judged as f64) };
        println!("| `{cue}` | {} | {} | {c} | {w} | {d} | {n} | {precision} |", sev.id(), c + w + d + n);
    }
    println!("\nPrecision = correct / (correct + wrong); debatable findings are left out of it.\n");
}

/// Professional replies should draw few warnings: counts per cue on the real
/// agent tweets.
fn warnings_on_agent_replies() {
    let rows = match read_jsonl(&data_dir().join("twitter-customer-care-agent-replies/agent_replies.jsonl")) {
        Ok(r) => r,
        Err(e) => return println!("agent replies: skipped ({e})\n"),
    };
    let mut counts: std::collections::BTreeMap<&str, usize> = Default::default();
    let mut with_warning = 0;
    for r in &rows {
        let report = analyze(r["text"].as_str().unwrap_or_default(), &Context::default());
        let mut any = false;
        for f in report.findings.iter().filter(|f| f.severity() == cornerstone_engine::Severity::Warning) {
            *counts.entry(f.cue.id()).or_default() += 1;
            any = true;
        }
        with_warning += usize::from(any);
    }
    println!("## Warnings on {} real agent replies (customer-care tweets)\n", rows.len());
    println!(
        "Replies with any warning: {with_warning} ({:.1}%)\n",
        100.0 * with_warning as f64 / rows.len().max(1) as f64
    );
    println!("| cue | warnings |");
    println!("|---|---:|");
    for (cue, n) in counts {
        println!("| `{cue}` | {n} |");
    }
    println!();
}

fn pairs(verbose: bool) {
    pairs_split(Split::Tune, verbose);
    // The held-out part: figures only, never the pairs that disagree.
    pairs_split(Split::Test, false);
}

fn pairs_split(split: Split, verbose: bool) {
    let pairs = match load_pairs(split) {
        Ok(p) => p,
        Err(e) => return println!("pairs: skipped ({e})"),
    };
    let (counts, misses) = score_pairs(&pairs);
    let part = match split {
        Split::Tune => "tuning part, pairs-*.txt",
        Split::Test => "held-out test part, test-*.txt",
    };
    println!("## Message/reply pairs, {part}: {} pairs (crates/engine/tests/pairs)\n", pairs.len());
    println!("| cue | labelled | found | precision | recall | F1 |");
    println!("|---|---:|---:|---:|---:|---:|");
    for (cue, c) in &counts {
        println!(
            "| `{}` | {} | {} | {:.2} | {:.2} | {:.2} |",
            cue.id(),
            c.tp + c.fn_,
            c.tp + c.fp,
            c.precision(),
            c.recall(),
            c.f1()
        );
    }
    println!("\nPairs with every pair cue right: {} of {}\n", pairs.len() - misses.len(), pairs.len());
    if verbose {
        let ids = |s: &[Cue]| s.iter().map(|c| c.id()).collect::<Vec<_>>().join(" ");
        for (id, tag, want, got) in &misses {
            println!("  {id} ({tag}): expected [{}] got [{}]", ids(want), ids(got));
        }
    }
}

/// Prints one tuning pair with what the engine says about it (never a
/// held-out pair).
fn show_pair(id: &str) {
    let pairs = load_pairs(Split::Tune).expect("the tuning pairs parse");
    let Some(p) = pairs.iter().find(|p| p.id == id) else {
        return println!("{id}: not a tuning pair (held-out pairs are never shown)");
    };
    println!(
        "### {} {} | {} | expected {:?}",
        p.id,
        p.tag,
        p.customer_name.as_deref().unwrap_or("-"),
        p.expected.iter().map(|c| c.id()).collect::<Vec<_>>()
    );
    println!("<<< customer\n{}\n>>> reply\n{}\n---", p.message, p.reply);
    let report = analyze(&p.reply, &p.context());
    for f in &report.findings {
        let words = f.span.map(|s| &p.reply[s.start()..s.end()]);
        let ctx = f.context.map(|s| &p.message[s.start()..s.end()]);
        println!("{} {:?} ctx={:?}\n    {}", f.cue.id(), words, ctx, f.message);
    }
    if let Some(m) = &report.message {
        println!("relation: {}", m.relation.summary());
    }
}

fn corpus(verbose: bool) {
    corpus_split(Split::Tune, verbose);
    // The held-out part: figures only, never the drafts that disagree.
    corpus_split(Split::Test, false);
}

fn corpus_split(split: Split, verbose: bool) {
    let drafts = match load_split(split) {
        Ok(d) => d,
        Err(e) => return println!("corpus: skipped ({e})"),
    };
    let (counts, misses) = score_corpus(&drafts);
    let part = match split {
        Split::Tune => "tuning part, drafts-*.txt",
        Split::Test => "held-out test part, test-*.txt",
    };
    println!("## Labelled corpus, {part}: {} drafts (crates/engine/tests/corpus)\n", drafts.len());
    println!("| cue | drafts | precision | recall | F1 |");
    println!("|---|---:|---:|---:|---:|");
    let mut f1s = Vec::new();
    for (cue, c) in &counts {
        f1s.push(c.f1());
        println!("| `{}` | {} | {:.2} | {:.2} | {:.2} |", cue.id(), c.tp + c.fn_, c.precision(), c.recall(), c.f1());
    }
    println!("| macro average | | | | {:.2} |\n", f1s.iter().sum::<f64>() / f1s.len() as f64);
    println!("Drafts with every contract cue right: {} of {}\n", drafts.len() - misses.len(), drafts.len());
    if verbose {
        for (id, want, got) in &misses {
            let ids = |s: &std::collections::BTreeSet<Cue>| s.iter().map(|c| c.id()).collect::<Vec<_>>().join(" ");
            println!("  {id}: expected [{}] got [{}]", ids(want), ids(got));
        }
    }
}

fn goemotions() {
    let path = data_dir().join("goemotions/test.jsonl");
    let rows = match read_jsonl(&path) {
        Ok(r) => r,
        Err(e) => return println!("GoEmotions: skipped ({e})\n"),
    };
    let (mut ours, mut base) = (Counts::default(), Counts::default());
    for r in &rows {
        let text = r["text"].as_str().unwrap_or_default();
        let gold = r["gratitude"].as_bool().unwrap_or(false);
        ours.add(has_cue(text, Cue::Gratitude), gold);
        base.add(gratitude_baseline(text), gold);
    }
    println!("## Gratitude on GoEmotions test ({} comments, {} labelled gratitude)\n", rows.len(), ours.tp + ours.fn_);
    println!("| detector | precision | recall | F1 |");
    println!("|---|---:|---:|---:|");
    println!(
        "| thank/thanks/\"I appreciate\" word match | {:.3} | {:.3} | {:.3} |",
        base.precision(),
        base.recall(),
        base.f1()
    );
    println!("| Cornerstone `gratitude` | {:.3} | {:.3} | {:.3} |\n", ours.precision(), ours.recall(), ours.f1());
}

fn politeness() {
    println!("## Politeness score on the Stanford politeness corpus (polite vs impolite quartiles)\n");
    println!("| domain | items | accuracy (score > 0 means polite) |");
    println!("|---|---:|---:|");
    for (name, file) in [("Wikipedia", "wikipedia.jsonl"), ("Stack Exchange", "stack-exchange.jsonl")] {
        let path = data_dir().join("stanford-politeness").join(file);
        let rows = match read_jsonl(&path) {
            Ok(r) => r,
            Err(e) => {
                println!("| {name} | skipped ({e}) | |");
                continue;
            }
        };
        let (mut right, mut total) = (0, 0);
        for r in &rows {
            let label = r["binary"].as_i64().unwrap_or(0);
            if label == 0 {
                continue;
            }
            let score = analyze(r["text"].as_str().unwrap_or_default(), &Context::default()).politeness;
            total += 1;
            if (score > 0.0) == (label == 1) {
                right += 1;
            }
        }
        println!("| {name} | {total} | {:.3} |", right as f64 / total.max(1) as f64);
    }
    println!(
        "\nReference: logistic regression on politeness strategies, trained in-domain on Wikipedia: about 0.76.\n"
    );
}

fn sarcasm_rates() {
    println!("## How often `sarcasm` fires\n");
    println!("| texts | flagged | rate |");
    println!("|---|---:|---:|");
    let rate = |label: &str, texts: Vec<String>| {
        let flagged = texts.iter().filter(|t| has_cue(t, Cue::Sarcasm)).count();
        println!(
            "| {label} ({}) | {flagged} | {:.2}% |",
            texts.len(),
            100.0 * flagged as f64 / texts.len().max(1) as f64
        );
    };
    match read_jsonl(&data_dir().join("twitter-customer-care-agent-replies/agent_replies.jsonl")) {
        Ok(rows) => rate(
            "real agent replies, customer-care tweets",
            rows.iter().map(|r| r["text"].as_str().unwrap_or_default().to_string()).collect(),
        ),
        Err(e) => println!("| agent replies: skipped ({e}) | | |"),
    }
    match read_jsonl(&data_dir().join("isarcasmeval/test_a.en.jsonl")) {
        Ok(rows) => {
            let pick = |s: i64| {
                rows.iter()
                    .filter(|r| r["sarcastic"].as_i64() == Some(s))
                    .map(|r| r["text"].as_str().unwrap_or_default().to_string())
                    .collect::<Vec<_>>()
            };
            rate("iSarcasmEval test, not sarcastic", pick(0));
            rate("iSarcasmEval test, sarcastic (for reference)", pick(1));
        }
        Err(e) => println!("| iSarcasmEval: skipped ({e}) | | |"),
    }
    println!();
}

/// Prints GoEmotions gratitude disagreements (for looking, not for tuning
/// the test split: use `--dev` to look at the dev split instead).
fn goemotions_errors(split: &str) {
    let rows = read_jsonl(&data_dir().join(format!("goemotions/{split}.jsonl"))).unwrap_or_default();
    for r in &rows {
        let text = r["text"].as_str().unwrap_or_default();
        let gold = r["gratitude"].as_bool().unwrap_or(false);
        let ours = has_cue(text, Cue::Gratitude);
        if ours != gold {
            println!("{} {}", if ours { "FP" } else { "FN" }, text);
        }
    }
}

/// Prints, as JSON lines, every finding on the audited sample of real agent
/// replies that the committed audit has not judged yet: the auditor's to-do.
fn audit_todo() {
    let rows = agent_replies().expect("agent replies");
    let audit = load_audit().expect("the audit parses");
    let rest = load_rest_audit().expect("the second audit parses");
    let sample = audit_findings(&rows).into_iter().map(|f| ("sample", f));
    let others = rest_audit_findings(&rows).into_iter().map(|f| ("rest", f));
    for (which, (key, severity, message, text)) in sample.chain(others) {
        let judged = if which == "sample" { &audit } else { &rest };
        if verdict_for(judged, &key).is_some() {
            continue;
        }
        let words = key.span.map(|(s, e)| text[s..e].to_string());
        let line = serde_json::json!({
            "audit": which,
            "id": key.id,
            "cue": key.cue,
            "severity": severity.id(),
            "start": key.span.map(|s| s.0),
            "end": key.span.map(|s| s.1),
            "words": words,
            "message": message,
            "reply": text,
        });
        println!("{line}");
    }
}

/// The session-26 sarcasm set, labelled for sarcasm only.
fn sarcasm_set() {
    let set = load_sarcasm_set().expect("crates/eval/sets/sarcasm-h.jsonl parses");
    println!("## A sarcasm-only set of six mechanisms (crates/eval/sets/sarcasm-h.jsonl)\n");
    println!("| part | sarcastic | flagged | on the writer's words | sincere | flagged |");
    println!("|---|---:|---:|---:|---:|---:|");
    for (name, split) in [("tuning (odd ids)", Split::Tune), ("held out (even ids)", Split::Test)] {
        let [n, found, on, sincere, false_alarms] = sarcasm_set_figures(&set, split);
        println!("| {name} | {n} | {found} | {on} | {sincere} | {false_alarms} |");
    }
    println!();
}
