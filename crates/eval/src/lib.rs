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

/// The second audit: every tip and warning on the real replies outside the
/// sample (see [`rest_audit_findings`]).
pub fn rest_audit_path() -> PathBuf {
    repo_root().join("crates/eval/audit/agent-replies-rest.jsonl")
}

/// Reads the committed audit.
pub fn load_audit() -> Result<Vec<Verdict>, String> {
    load_audit_from(&audit_path())
}

/// Reads the committed audit of the replies outside the sample.
pub fn load_rest_audit() -> Result<Vec<Verdict>, String> {
    load_audit_from(&rest_audit_path())
}

fn load_audit_from(path: &Path) -> Result<Vec<Verdict>, String> {
    if !path.exists() {
        return Ok(Vec::new());
    }
    read_jsonl(path)?
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

/// Every tip and warning the engine reports now on the real replies outside
/// the audited sample (899 of 1,139), each read alone, with the reply's
/// text; `name-missing` left out (191 of 191 right in the sample, and on
/// nearly every tweet, which addresses no one by name).
pub fn rest_audit_findings(
    rows: &[serde_json::Value],
) -> Vec<(AuditKey, cornerstone_engine::Severity, String, String)> {
    let sample: BTreeSet<&str> = audit_sample(rows).into_iter().filter_map(|r| r["id"].as_str()).collect();
    let mut out = Vec::new();
    for r in rows {
        let id = r["id"].as_str().unwrap_or_default();
        if sample.contains(id) {
            continue;
        }
        let text = r["text"].as_str().unwrap_or_default();
        for f in analyze(text, &Context::default()).findings {
            if f.severity() == cornerstone_engine::Severity::Praise || f.cue == Cue::NameMissing {
                continue;
            }
            let span = f.span.map(|s| (s.start(), s.end()));
            let key = AuditKey { id: id.to_string(), cue: f.cue.id().to_string(), span };
            out.push((key, f.severity(), f.message.to_string(), text.to_string()));
        }
    }
    out
}

// ---------------------------------------------------------------------------
// Message/reply pairs: the reply read against the customer's message.

/// The cues that read the reply against the customer's message.
pub const PAIR_CUES: [Cue; 4] =
    [Cue::QuestionUnanswered, Cue::FeelingsUnacknowledged, Cue::RepeatContactUnacknowledged, Cue::DetailsAskedAgain];

/// The name cues, scored on the pairs too: with no name given, the name
/// comes from the customer's message.
pub const PAIR_NAME_CUES: [Cue; 4] = [Cue::NameUsed, Cue::NameMissing, Cue::NameMisspelled, Cue::NameMismatch];

/// Cues counted once per finding (a message can hold two unanswered
/// questions, and the labels count each); the others count once per pair.
fn counted_per_finding(cue: Cue) -> bool {
    cue == Cue::QuestionUnanswered
}

/// One labelled message/reply pair (`crates/engine/tests/pairs`).
#[derive(Debug, Clone)]
pub struct Pair {
    pub id: String,
    pub file: String,
    /// What the pair exercises, such as `q:indirect-question`.
    pub tag: String,
    pub customer_name: Option<String>,
    /// The labels, a cue once per finding expected.
    pub expected: Vec<Cue>,
    pub message: String,
    pub reply: String,
}

impl Pair {
    /// The context the agent would give: the name, if known, and the message.
    pub fn context(&self) -> Context {
        Context { customer_name: self.customer_name.clone(), customer_message: Some(self.message.clone()) }
    }
}

pub fn pairs_dir() -> PathBuf {
    repo_root().join("crates/engine/tests/pairs")
}

/// The pairs of one part: `pairs-*.txt` (tuning) or `test-*.txt` (held out).
pub fn load_pairs(split: Split) -> Result<Vec<Pair>, String> {
    let prefix = match split {
        Split::Tune => "pairs-",
        Split::Test => "test-",
    };
    let dir = pairs_dir();
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with(prefix) && n.ends_with(".txt"))
        })
        .collect();
    files.sort();
    let mut pairs = Vec::new();
    for path in files {
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let text = std::fs::read_to_string(&path).map_err(|e| format!("{name}: {e}"))?;
        pairs.extend(parse_pairs(&name, &text)?);
    }
    Ok(pairs)
}

/// Parses one pairs file:
/// `### <id> <industry> <email|chat> <tag> | <name or -> | <cues>`, then
/// `<<< customer` and the message, `>>> reply` and the reply.
pub fn parse_pairs(file: &str, text: &str) -> Result<Vec<Pair>, String> {
    #[derive(PartialEq)]
    enum Part {
        Head,
        Message,
        Reply,
    }
    let mut out: Vec<Pair> = Vec::new();
    let mut part = Part::Head;
    for (n, line) in text.lines().enumerate() {
        if let Some(header) = line.strip_prefix("### ") {
            let fields: Vec<&str> = header.split('|').map(str::trim).collect();
            let [meta, name, cues] = fields[..] else {
                return Err(format!("{file}:{}: header needs three fields separated by |", n + 1));
            };
            let meta: Vec<&str> = meta.split_whitespace().collect();
            let expected = cues
                .split_whitespace()
                .filter(|c| *c != "-")
                .map(|c| Cue::from_id(c).ok_or_else(|| format!("{file}:{}: unknown cue {c}", n + 1)))
                .collect::<Result<Vec<Cue>, String>>()?;
            out.push(Pair {
                id: meta.first().copied().unwrap_or_default().to_string(),
                file: file.to_string(),
                tag: meta.get(3).copied().unwrap_or_default().to_string(),
                customer_name: (name != "-").then(|| name.to_string()),
                expected,
                message: String::new(),
                reply: String::new(),
            });
            part = Part::Head;
        } else if line.trim_end() == "<<< customer" {
            part = Part::Message;
        } else if line.trim_end() == ">>> reply" {
            part = Part::Reply;
        } else if let Some(p) = out.last_mut() {
            let target = match part {
                Part::Message => &mut p.message,
                Part::Reply => &mut p.reply,
                Part::Head => continue,
            };
            target.push_str(line);
            target.push('\n');
        }
    }
    for p in &mut out {
        p.message = p.message.trim_end().to_string();
        p.reply = p.reply.trim_end().to_string();
        if p.message.is_empty() || p.reply.is_empty() {
            return Err(format!("{file}: pair {} lacks its message or its reply", p.id));
        }
    }
    Ok(out)
}

/// The pair cues and name cues the engine reports for a pair, one entry
/// per finding for cues counted per finding, once otherwise.
pub fn predicted_pair(p: &Pair) -> Vec<Cue> {
    let report = analyze(&p.reply, &p.context());
    let mut out: Vec<Cue> = Vec::new();
    for f in &report.findings {
        let scored = PAIR_CUES.contains(&f.cue) || PAIR_NAME_CUES.contains(&f.cue);
        if scored && (counted_per_finding(f.cue) || !out.contains(&f.cue)) {
            out.push(f.cue);
        }
    }
    out
}

/// A pair the engine disagrees on: id, tag, expected, predicted.
pub type PairMiss = (String, String, Vec<Cue>, Vec<Cue>);

/// Per-cue counts over pairs (the four pair cues, then the name cues), and
/// the pairs that disagree on a pair cue.
pub fn score_pairs(pairs: &[Pair]) -> (Vec<(Cue, Counts)>, Vec<PairMiss>) {
    let cues: Vec<Cue> = PAIR_CUES.iter().chain(&PAIR_NAME_CUES).copied().collect();
    let mut counts: Vec<(Cue, Counts)> = cues.iter().map(|&c| (c, Counts::default())).collect();
    let mut misses = Vec::new();
    for p in pairs {
        let got = predicted_pair(p);
        let mut differ = false;
        for (cue, c) in counts.iter_mut() {
            let n = |v: &[Cue]| {
                let k = v.iter().filter(|x| *x == cue).count();
                if counted_per_finding(*cue) {
                    k
                } else {
                    k.min(1)
                }
            };
            let (want, have) = (n(&p.expected), n(&got));
            let tp = want.min(have);
            c.tp += tp;
            c.fp += have - tp;
            c.fn_ += want - tp;
            differ |= want != have && PAIR_CUES.contains(cue);
        }
        if differ {
            misses.push((p.id.clone(), p.tag.clone(), p.expected.clone(), got));
        }
    }
    (counts, misses)
}

// ---------------------------------------------------------------------------
// The audit of the pair cues on real message/reply pairs.

/// The seed of the audited sample of real pairs: changing it means
/// auditing anew.
pub const PAIR_AUDIT_SEED: &str = "cornerstone-pairs-audit-2026";
/// How many real pairs the audit reads: every pair of the data set (1,139),
/// in the seeded order, so that the rarer cues (an unanswered question, a
/// detail asked for again) are judged often enough to say something.
pub const PAIR_AUDIT_SIZE: usize = 1139;

/// The audited sample of real pairs: the agent replies that have the
/// customer's message before them, those whose FNV-1a hash of `seed:id` is
/// smallest (independent of the file's order and length).
pub fn pair_audit_sample(rows: &[serde_json::Value]) -> Vec<&serde_json::Value> {
    let hash = |id: &str| {
        let mut h: u64 = 0xcbf29ce484222325;
        for b in PAIR_AUDIT_SEED.bytes().chain([b':']).chain(id.bytes()) {
            h ^= b as u64;
            h = h.wrapping_mul(0x100000001b3);
        }
        h
    };
    let mut keyed: Vec<(u64, &serde_json::Value)> = rows
        .iter()
        .filter(|r| r["previous_customer_message"].as_str().is_some_and(|m| !m.trim().is_empty()))
        .map(|r| (hash(r["id"].as_str().unwrap_or_default()), r))
        .collect();
    keyed.sort_by_key(|(h, _)| *h);
    keyed.into_iter().take(PAIR_AUDIT_SIZE).map(|(_, r)| r).collect()
}

/// One finding on an audited real pair: reply, cue, the reply's words and
/// the customer's words it is about.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct PairKey {
    pub id: String,
    pub cue: String,
    pub span: Option<(usize, usize)>,
    pub context: Option<(usize, usize)>,
}

impl PairKey {
    /// Whether a verdict on `self` speaks for `other`: same pair and cue,
    /// and overlapping words on both sides (or none on either).
    pub fn matches(&self, other: &PairKey) -> bool {
        let near = |a: Option<(usize, usize)>, b: Option<(usize, usize)>| match (a, b) {
            (None, None) => true,
            (Some(a), Some(b)) => a.0 < b.1 && b.0 < a.1 || a == b,
            _ => false,
        };
        self.id == other.id && self.cue == other.cue && near(self.span, other.span) && near(self.context, other.context)
    }
}

/// A judged finding from `crates/eval/audit/pairs.jsonl`.
#[derive(Debug, Clone)]
pub struct PairVerdict {
    pub key: PairKey,
    /// `right`, `wrong` or `debatable`.
    pub verdict: String,
}

pub fn pair_audit_path() -> PathBuf {
    repo_root().join("crates/eval/audit/pairs.jsonl")
}

/// Reads the committed verdicts on real pairs.
pub fn load_pair_audit() -> Result<Vec<PairVerdict>, String> {
    let path = pair_audit_path();
    if !path.exists() {
        return Ok(Vec::new());
    }
    let range = |v: &serde_json::Value, s: &str, e: &str| match (v[s].as_u64(), v[e].as_u64()) {
        (Some(s), Some(e)) => Some((s as usize, e as usize)),
        _ => None,
    };
    read_jsonl(&path)?
        .into_iter()
        .map(|v| {
            let verdict = v["verdict"].as_str().unwrap_or_default().to_string();
            if !matches!(verdict.as_str(), "right" | "wrong" | "debatable") {
                return Err(format!("pairs audit: bad verdict {verdict:?} in {v}"));
            }
            if v["why"].as_str().is_none_or(|w| w.trim().is_empty()) {
                return Err(format!("pairs audit: a verdict without its reason: {v}"));
            }
            Ok(PairVerdict {
                key: PairKey {
                    id: v["id"].as_str().unwrap_or_default().to_string(),
                    cue: v["cue"].as_str().unwrap_or_default().to_string(),
                    span: range(&v, "start", "end"),
                    context: range(&v, "context_start", "context_end"),
                },
                verdict,
            })
        })
        .collect()
}

/// The verdict that speaks for a finding: the exact one if judged, else one
/// on overlapping words.
pub fn pair_verdict_for<'a>(audit: &'a [PairVerdict], key: &PairKey) -> Option<&'a PairVerdict> {
    audit.iter().find(|v| v.key == *key).or_else(|| audit.iter().find(|v| v.key.matches(key)))
}

/// A finding to judge on a real pair, with what the auditor reads.
#[derive(Debug, Clone)]
pub struct PairFinding {
    pub key: PairKey,
    pub severity: cornerstone_engine::Severity,
    pub message: String,
    pub customer_message: String,
    pub reply: String,
}

/// Every finding the audit judges on the sampled real pairs: the four pair
/// cues, and the name cues when the name came from the customer's message.
pub fn pair_audit_findings(rows: &[serde_json::Value]) -> Vec<PairFinding> {
    let mut out = Vec::new();
    for r in pair_audit_sample(rows) {
        let reply = r["text"].as_str().unwrap_or_default();
        let message = r["previous_customer_message"].as_str().unwrap_or_default();
        let id = r["id"].as_str().unwrap_or_default();
        let ctx = Context { customer_name: None, customer_message: Some(message.to_string()) };
        let report = analyze(reply, &ctx);
        let named_from_message =
            report.customer_name.as_ref().is_some_and(|n| n.source == cornerstone_engine::NameSource::Message);
        for f in &report.findings {
            let judged = PAIR_CUES.contains(&f.cue) || (named_from_message && PAIR_NAME_CUES.contains(&f.cue));
            if !judged {
                continue;
            }
            out.push(PairFinding {
                key: PairKey {
                    id: id.to_string(),
                    cue: f.cue.id().to_string(),
                    span: f.span.map(|s| (s.start(), s.end())),
                    context: f.context.map(|s| (s.start(), s.end())),
                },
                severity: f.severity(),
                message: f.message.to_string(),
                customer_message: message.to_string(),
                reply: reply.to_string(),
            });
        }
    }
    out
}

// ---------------------------------------------------------------------------
// The audit of every question in a sample of real messages: how many of the
// questions real agents left open `question-unanswered` finds, and whether it
// warns on any they answered.

/// One question of a real customer's message, judged from the text alone by
/// a reviewer who read only the cue's definition (`crates/eval/audit/questions.jsonl`).
/// The sample: the 150 real pairs whose message holds a `?` with the
/// smallest SHA-256 of `cornerstone-question-audit-2026:<id>`; the ids are in
/// the file, so the sample is read from it.
#[derive(Debug, Clone)]
pub struct QuestionVerdict {
    pub id: String,
    /// The customer's words, as they stand in the message; `None` for a
    /// message that asks nothing.
    pub question: Option<String>,
    /// `real` or `rhetorical`.
    pub kind: String,
    /// `addressed`, `unanswered`, or `n/a` (rhetorical).
    pub verdict: String,
    /// Whether the reviewer was torn (the reason starts "borderline:").
    pub borderline: bool,
}

pub fn load_question_audit() -> Result<Vec<QuestionVerdict>, String> {
    read_jsonl(&repo_root().join("crates/eval/audit/questions.jsonl"))?
        .into_iter()
        .map(|v| {
            let verdict = v["verdict"].as_str().unwrap_or_default().to_string();
            if !matches!(verdict.as_str(), "addressed" | "unanswered" | "n/a") {
                return Err(format!("questions audit: bad verdict {verdict:?} in {v}"));
            }
            Ok(QuestionVerdict {
                id: v["id"].as_str().unwrap_or_default().to_string(),
                question: v["question"].as_str().map(str::to_string),
                kind: v["kind"].as_str().unwrap_or_default().to_string(),
                verdict,
                borderline: v["why"].as_str().is_some_and(|w| w.starts_with("borderline")),
            })
        })
        .collect()
}

/// What `question-unanswered` made of the audited questions.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct QuestionAudit {
    /// Questions judged unanswered, and those of them it flagged
    /// (`id: words`, one per question).
    pub unanswered: usize,
    pub found: Vec<String>,
    /// Its findings on questions judged addressed: clearly, or borderline.
    pub on_addressed: Vec<String>,
    pub on_borderline: Vec<String>,
    /// Its findings on rhetorical questions, and on words no verdict names.
    pub on_rhetorical: Vec<String>,
    pub unmatched: Vec<String>,
    /// Pairs read.
    pub pairs: usize,
}

/// Runs the engine on every audited pair (the message given) and matches
/// each `question-unanswered` finding to the judged question its words overlap.
pub fn score_question_audit(rows: &[serde_json::Value], audit: &[QuestionVerdict]) -> QuestionAudit {
    let mut out = QuestionAudit::default();
    let mut ids: Vec<&str> = audit.iter().map(|v| v.id.as_str()).collect();
    ids.sort_unstable();
    ids.dedup();
    for id in ids {
        let Some(row) = rows.iter().find(|r| r["id"].as_str() == Some(id)) else { continue };
        out.pairs += 1;
        let message = row["previous_customer_message"].as_str().unwrap_or_default();
        let reply = row["text"].as_str().unwrap_or_default();
        let judged: Vec<(&QuestionVerdict, Option<(usize, usize)>)> = audit
            .iter()
            .filter(|v| v.id == id)
            .map(|v| (v, v.question.as_deref().and_then(|q| message.find(q).map(|s| (s, s + q.len())))))
            .collect();
        out.unanswered += judged.iter().filter(|(v, _)| v.verdict == "unanswered").count();
        let ctx = Context { customer_name: None, customer_message: Some(message.to_string()) };
        let report = analyze(reply, &ctx);
        for f in report.findings.iter().filter(|f| f.cue == cornerstone_engine::Cue::QuestionUnanswered) {
            let Some(c) = f.context else { continue };
            let words = format!("{id}: {}", &message[c.start()..c.end()]);
            let hit = judged.iter().find(|(_, at)| at.is_some_and(|(s, e)| s < c.end() && c.start() < e));
            match hit.map(|(v, _)| *v) {
                Some(v) if v.verdict == "unanswered" => {
                    let found = format!("{id}: {}", v.question.as_deref().unwrap_or_default());
                    if !out.found.contains(&found) {
                        out.found.push(found);
                    }
                }
                Some(v) if v.verdict == "addressed" && v.borderline => out.on_borderline.push(words),
                Some(v) if v.verdict == "addressed" => out.on_addressed.push(words),
                Some(_) => out.on_rhetorical.push(words),
                None => out.unmatched.push(words),
            }
        }
    }
    out
}

/// One draft of `crates/eval/sets/sarcasm-h.jsonl` (see its README): a
/// reply labelled for sarcasm only, with its split and, if sarcastic, the
/// words that carry it.
pub struct SarcasmDraft {
    pub id: String,
    pub split: Split,
    pub sarcastic: bool,
    pub mechanism: String,
    pub draft: String,
    pub trigger: String,
}

/// The drafts of `crates/eval/sets/sarcasm-h.jsonl`.
pub fn load_sarcasm_set() -> Result<Vec<SarcasmDraft>, String> {
    let path = repo_root().join("crates/eval/sets/sarcasm-h.jsonl");
    read_jsonl(&path)?
        .into_iter()
        .map(|v| {
            let field = |k: &str| v[k].as_str().map(str::to_string).ok_or(format!("sarcasm-h.jsonl: no {k} in {v}"));
            let split = match field("split")?.as_str() {
                "tune" => Split::Tune,
                "test" => Split::Test,
                other => return Err(format!("sarcasm-h.jsonl: unknown split {other}")),
            };
            Ok(SarcasmDraft {
                id: field("id")?,
                split,
                sarcastic: field("label")? == "sarcastic",
                mechanism: field("mechanism")?,
                draft: field("draft")?,
                trigger: field("trigger")?,
            })
        })
        .collect()
}

/// Per split of the sarcasm set: (sarcastic drafts, flagged, flagged on
/// the helper's words, sincere drafts, flagged).
pub fn sarcasm_set_figures(set: &[SarcasmDraft], split: Split) -> [usize; 5] {
    let mut out = [0; 5];
    for d in set.iter().filter(|d| d.split == split) {
        let found: Vec<_> = analyze(&d.draft, &Context::default())
            .findings
            .into_iter()
            .filter(|f| f.cue == Cue::Sarcasm)
            .filter_map(|f| f.span)
            .collect();
        if d.sarcastic {
            out[0] += 1;
            out[1] += usize::from(!found.is_empty());
            let at = d.draft.find(&d.trigger).unwrap_or(0);
            let (from, to) = (at, at + d.trigger.len());
            out[2] += usize::from(found.iter().any(|s| s.start() < to && s.end() > from));
        } else {
            out[3] += 1;
            out[4] += usize::from(!found.is_empty());
        }
    }
    out
}
