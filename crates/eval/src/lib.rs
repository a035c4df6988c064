//! Reading the labelled corpus and the public data sets, and scoring the
//! engine on them. The binary prints the tables in the README; the tests
//! keep the figures from regressing.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use cornerstone_engine::{analyze, Context, Cue};

/// The cues whose ids are the public contract, in table order.
pub const CONTRACT_CUES: [Cue; 9] = [
    Cue::NameUsed,
    Cue::NameMissing,
    Cue::NameMisspelled,
    Cue::NameMismatch,
    Cue::NamePlaceholder,
    Cue::Apology,
    Cue::ApologyHollow,
    Cue::Gratitude,
    Cue::Sarcasm,
];

/// One labelled draft.
#[derive(Debug, Clone)]
pub struct Draft {
    pub id: String,
    pub file: String,
    pub customer_name: Option<String>,
    pub expected: BTreeSet<Cue>,
    pub text: String,
}

pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..").canonicalize().expect("repository root")
}

/// `../shared/data` beside the repository, or `CORNERSTONE_DATA`.
pub fn data_dir() -> PathBuf {
    std::env::var_os("CORNERSTONE_DATA").map(PathBuf::from).unwrap_or_else(|| repo_root().join("../shared/data"))
}

pub fn corpus_dir() -> PathBuf {
    repo_root().join("crates/engine/tests/corpus")
}

/// The two parts of the labelled corpus, split before any rule was tuned.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Split {
    /// `drafts-*.txt`: the part rules are developed and tuned on.
    Tune,
    /// `test-*.txt`: held out; never read while changing a rule.
    Test,
}

impl Split {
    fn prefix(self) -> &'static str {
        match self {
            Split::Tune => "drafts-",
            Split::Test => "test-",
        }
    }
}

/// Parses every `drafts-*.txt` file of the corpus (the tuning part), in
/// file-name order.
pub fn load_corpus() -> Result<Vec<Draft>, String> {
    load_split(Split::Tune)
}

/// Parses every file of one part of the corpus, in file-name order.
pub fn load_split(split: Split) -> Result<Vec<Draft>, String> {
    let prefix = split.prefix();
    let dir = corpus_dir();
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with(prefix) && n.ends_with(".txt"))
        })
        .collect();
    files.sort();
    let mut drafts = Vec::new();
    for path in files {
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let text = std::fs::read_to_string(&path).map_err(|e| format!("{name}: {e}"))?;
        drafts.extend(parse_corpus(&name, &text)?);
    }
    Ok(drafts)
}

/// Parses one corpus file (see `crates/engine/tests/corpus/README.md`).
pub fn parse_corpus(file: &str, text: &str) -> Result<Vec<Draft>, String> {
    let mut out: Vec<Draft> = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if let Some(header) = line.strip_prefix("### ") {
            let fields: Vec<&str> = header.split('|').map(str::trim).collect();
            let [meta, name, cues] = fields[..] else {
                return Err(format!("{file}:{}: header needs three fields separated by |", n + 1));
            };
            let id = meta.split_whitespace().next().unwrap_or_default().to_string();
            let expected = cues
                .split_whitespace()
                .map(|c| Cue::from_id(c).ok_or_else(|| format!("{file}:{}: unknown cue {c}", n + 1)))
                .collect::<Result<BTreeSet<Cue>, String>>()?;
            let customer_name = (name != "-").then(|| name.to_string());
            out.push(Draft { id, file: file.to_string(), customer_name, expected, text: String::new() });
        } else if let Some(d) = out.last_mut() {
            d.text.push_str(line);
            d.text.push('\n');
        }
    }
    for d in &mut out {
        let trimmed = d.text.trim_end().to_string();
        d.text = trimmed;
    }
    Ok(out)
}

/// The contract cues the engine reports for a draft.
pub fn predicted(d: &Draft) -> BTreeSet<Cue> {
    let ctx = Context { customer_name: d.customer_name.clone(), customer_message: None };
    analyze(&d.text, &ctx).findings.iter().map(|f| f.cue).filter(|c| CONTRACT_CUES.contains(c)).collect()
}

/// Counts for one cue.
#[derive(Debug, Default, Clone, Copy)]
pub struct Counts {
    pub tp: usize,
    pub fp: usize,
    pub fn_: usize,
}

impl Counts {
    pub fn add(&mut self, predicted: bool, actual: bool) {
        match (predicted, actual) {
            (true, true) => self.tp += 1,
            (true, false) => self.fp += 1,
            (false, true) => self.fn_ += 1,
            _ => {}
        }
    }
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        1.0
    } else {
        a as f64 / b as f64
    }
}

/// Per-cue counts over the corpus, and the drafts that disagree.
/// A draft whose predicted cues differ from its labels: id, expected, predicted.
pub type Miss = (String, BTreeSet<Cue>, BTreeSet<Cue>);

pub fn score_corpus(drafts: &[Draft]) -> (Vec<(Cue, Counts)>, Vec<Miss>) {
    let mut counts: Vec<(Cue, Counts)> = CONTRACT_CUES.iter().map(|&c| (c, Counts::default())).collect();
    let mut misses = Vec::new();
    for d in drafts {
        let got = predicted(d);
        for (cue, c) in counts.iter_mut() {
            c.add(got.contains(cue), d.expected.contains(cue));
        }
        if got != d.expected {
            misses.push((d.id.clone(), d.expected.clone(), got));
        }
    }
    (counts, misses)
}

/// Reads a JSON Lines file into values.
pub fn read_jsonl(path: &Path) -> Result<Vec<serde_json::Value>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).map_err(|e| format!("{}: {e}", path.display())))
        .collect()
}

/// The baseline the issue names: a plain thank/thanks/"I appreciate" match.
pub fn gratitude_baseline(text: &str) -> bool {
    let lower = text.to_lowercase();
    let words: Vec<&str> = lower.split(|c: char| !c.is_alphanumeric() && c != '\'').filter(|w| !w.is_empty()).collect();
    words.iter().any(|w| *w == "thank" || *w == "thanks") || words.windows(2).any(|p| p == ["i", "appreciate"])
}

pub fn has_cue(text: &str, cue: Cue) -> bool {
    analyze(text, &Context::default()).findings.iter().any(|f| f.cue == cue)
}

/// The real agent replies (`twitter-customer-care-agent-replies`).
pub fn agent_replies() -> Result<Vec<serde_json::Value>, String> {
    read_jsonl(&data_dir().join("twitter-customer-care-agent-replies/agent_replies.jsonl"))
}

/// The seed of the audited sample: changing it means auditing anew.
pub const AUDIT_SEED: &str = "cornerstone-audit-2026";
/// How many real replies the audit reads.
pub const AUDIT_SIZE: usize = 240;

/// The audited sample: the replies whose FNV-1a hash of `seed:id` is
/// smallest, so the choice depends on neither the file's order nor its
/// length, only on the seed.
pub fn audit_sample(rows: &[serde_json::Value]) -> Vec<&serde_json::Value> {
    let hash = |id: &str| {
        let mut h: u64 = 0xcbf29ce484222325;
        for b in AUDIT_SEED.bytes().chain([b':']).chain(id.bytes()) {
            h ^= b as u64;
            h = h.wrapping_mul(0x100000001b3);
        }
        h
    };
    let mut keyed: Vec<(u64, &serde_json::Value)> =
        rows.iter().map(|r| (hash(r["id"].as_str().unwrap_or_default()), r)).collect();
    keyed.sort_by_key(|(h, _)| *h);
    keyed.into_iter().take(AUDIT_SIZE).map(|(_, r)| r).collect()
}

/// One finding on an audited reply, identified by reply, cue and words.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct AuditKey {
    pub id: String,
    pub cue: String,
    /// Byte offsets in the reply, or `None` for a finding without words.
    pub span: Option<(usize, usize)>,
}

impl AuditKey {
    /// Whether a verdict on `self` speaks for the finding `other`: same
    /// reply and cue, and the same words or words that overlap them (a rule
    /// that widens its span to the whole sentence keeps its verdict).
    pub fn matches(&self, other: &AuditKey) -> bool {
        self.id == other.id
            && self.cue == other.cue
            && match (self.span, other.span) {
                (None, None) => true,
                (Some(a), Some(b)) => a.0 < b.1 && b.0 < a.1,
                _ => false,
            }
    }
}

/// The verdict that speaks for a finding: the exact one if judged, else one
/// on overlapping words.
pub fn verdict_for<'a>(audit: &'a [Verdict], key: &AuditKey) -> Option<&'a Verdict> {
    audit.iter().find(|v| v.key == *key).or_else(|| audit.iter().find(|v| v.key.matches(key)))
}

/// A judged finding from `crates/eval/audit/agent-replies.jsonl`.
#[derive(Debug, Clone)]
pub struct Verdict {
    pub key: AuditKey,
    /// `correct`, `wrong` or `debatable`.
    pub verdict: String,
}

pub fn audit_path() -> PathBuf {
    repo_root().join("crates/eval/audit/agent-replies.jsonl")
}

/// Reads the committed audit.
pub fn load_audit() -> Result<Vec<Verdict>, String> {
    let path = audit_path();
    if !path.exists() {
        return Ok(Vec::new());
    }
    read_jsonl(&path)?
        .into_iter()
        .map(|v| {
            let span = match (v["start"].as_u64(), v["end"].as_u64()) {
                (Some(s), Some(e)) => Some((s as usize, e as usize)),
                _ => None,
            };
            let verdict = v["verdict"].as_str().unwrap_or_default().to_string();
            if !matches!(verdict.as_str(), "correct" | "wrong" | "debatable") {
                return Err(format!("audit: bad verdict {verdict:?} in {v}"));
            }
            Ok(Verdict {
                key: AuditKey {
                    id: v["id"].as_str().unwrap_or_default().to_string(),
                    cue: v["cue"].as_str().unwrap_or_default().to_string(),
                    span,
                },
                verdict,
            })
        })
        .collect()
}

/// Every finding the engine reports now on the audited sample, with the
/// reply's text.
pub fn audit_findings(rows: &[serde_json::Value]) -> Vec<(AuditKey, cornerstone_engine::Severity, String, String)> {
    let mut out = Vec::new();
    for r in audit_sample(rows) {
        let text = r["text"].as_str().unwrap_or_default();
        let id = r["id"].as_str().unwrap_or_default();
        for f in analyze(text, &Context::default()).findings {
            let span = f.span.map(|s| (s.start(), s.end()));
            let key = AuditKey { id: id.to_string(), cue: f.cue.id().to_string(), span };
            out.push((key, f.severity(), f.message.to_string(), text.to_string()));
        }
    }
    out
}
