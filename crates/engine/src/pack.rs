//! Team rule packs: a JSON file that turns cues off, adds a team's phrases to
//! cue families, adds phrases to avoid, and requires the team's sign-off.
//!
//! ```json
//! {
//!   "name": "Acme support",
//!   "disable": ["boilerplate"],
//!   "phrases": { "over-promise": ["lifetime warranty"] },
//!   "avoid": [{ "phrase": "Zendo", "message": "Don't name competitors.", "better": ["another provider"] }],
//!   "signOff": { "phrases": ["The Acme Support Team"] }
//! }
//! ```
//!
//! Every check happens while parsing, so a broken pack is reported with the
//! line, column and field path of the first problem, and a pack that parsed
//! always compiles. The JSON Schema in `schema/cornerstone.rules.schema.json`
//! describes the same shape; a test keeps the two in step.

use std::collections::BTreeMap;
use std::fmt;

use serde::de::{self, Deserializer};
use serde::Deserialize;

use crate::cue::{Cornerstone, Cue, Severity};
use crate::document::Document;
use crate::finding::Finding;
use crate::lexicon::{Lexicon, TableId};
use crate::rules;

/// The cues only a rule pack emits (its own avoid list and sign-off).
pub(crate) const PACK_CUES: &[Cue] = &[Cue::TeamAvoid, Cue::SignOff, Cue::SignOffMissing];

/// A compiled rule pack, ready for [`crate::analyze_with`].
pub struct RulePack {
    /// The pack's display name, if it gives one.
    pub name: Option<String>,
    pub(crate) lexicon: Lexicon,
    disabled: Vec<Cue>,
    avoid: Vec<Avoid>,
    sign_off: Option<SignOff>,
    has_phrases: bool,
}

/// What is wrong with a rule pack, and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PackError {
    /// What is wrong, in a sentence.
    pub message: String,
    /// 1-based line and column of the problem in the JSON text.
    pub line: usize,
    pub column: usize,
    /// Where in the pack, such as `avoid[1].message`; empty for the whole file.
    pub path: String,
}

impl fmt::Display for PackError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}, column {}", self.line, self.column)?;
        if !self.path.is_empty() {
            write!(f, ", at {}", self.path)?;
        }
        write!(f, ": {}", self.message)
    }
}

impl std::error::Error for PackError {}

/// More phrases than any team needs, and few enough to index with `u16`.
pub const MAX_PHRASES: usize = 20_000;

/// The largest pack accepted, in bytes, checked before parsing: a hundred
/// times any real team's pack, and small enough to parse in a blink.
pub const MAX_PACK_BYTES: usize = 1 << 20;

/// The table index of a pack's "avoid" phrases and of its sign-offs, after
/// the built-in tables.
const AVOID_TABLE: TableId = TableId(rules::TABLES_LEN as u16);
const SIGN_OFF_TABLE: TableId = TableId(rules::TABLES_LEN as u16 + 1);

/// The cues a team can add phrases to, with the table their phrases join.
pub fn phrase_families() -> impl Iterator<Item = Cue> {
    Cue::ALL.iter().copied().filter(|c| rules::phrase_table(*c).is_some())
}

impl RulePack {
    /// Parses and compiles a pack. The error names the first problem.
    pub fn from_json(json: &str) -> Result<RulePack, PackError> {
        if json.len() > MAX_PACK_BYTES {
            return Err(PackError {
                message: format!("the pack is {} bytes; at most {MAX_PACK_BYTES} bytes (1 MB) are allowed", json.len()),
                line: 1,
                column: 1,
                path: String::new(),
            });
        }
        let start = json.len() - json.trim_start().len();
        if json[start..].starts_with('[') {
            let line = json[..start].matches('\n').count() + 1;
            let column = start - json[..start].rfind('\n').map_or(0, |i| i + 1) + 1;
            let message = "a rule pack is a JSON object ({ ... }), not a list".to_string();
            return Err(PackError { message, line, column, path: String::new() });
        }
        let mut de = serde_json::Deserializer::from_str(json);
        let file: PackFile = serde_path_to_error::deserialize(&mut de).map_err(|e| {
            let path = e.path().to_string();
            let inner = e.into_inner();
            PackError {
                message: clean_message(&inner.to_string()),
                line: inner.line(),
                // serde_json counts column 0 before the first char of a line
                // (an empty file); the error promises 1-based columns.
                column: inner.column().max(1),
                path: if path == "." { String::new() } else { path },
            }
        })?;
        de.end().map_err(|e| PackError {
            message: clean_message(&e.to_string()),
            line: e.line(),
            column: e.column().max(1),
            path: String::new(),
        })?;
        let phrases = file.phrases.values().map(Vec::len).sum::<usize>()
            + file.avoid.len()
            + file.sign_off.as_ref().map_or(0, |s| s.phrases.len());
        if phrases > MAX_PHRASES {
            return Err(PackError {
                message: format!("the pack has {phrases} phrases; at most {MAX_PHRASES} are allowed"),
                line: 1,
                column: 1,
                path: String::new(),
            });
        }
        Ok(RulePack::compile(file))
    }

    fn compile(file: PackFile) -> RulePack {
        let mut extra: Vec<(TableId, u16, Vec<String>)> = Vec::new();
        // A phrase listed twice in one table would match twice for nothing:
        // each table keeps its first copy (which is also the one whose hit
        // the rules would have kept).
        let mut seen: std::collections::HashSet<(TableId, Vec<String>)> = std::collections::HashSet::new();
        let mut push = |table: TableId, entry: usize, words: &[String]| {
            if seen.insert((table, words.to_vec())) {
                extra.push((table, entry as u16, words.to_vec()));
            }
        };
        for (cue, phrases) in &file.phrases {
            let table = rules::phrase_table(cue.0).expect("checked while parsing");
            let base = rules::TABLES[table as usize].len();
            for (k, p) in phrases.iter().enumerate() {
                push(table.into(), base + k, &p.0);
            }
        }
        for (k, a) in file.avoid.iter().enumerate() {
            push(AVOID_TABLE, k, &a.phrase.0);
        }
        if let Some(s) = &file.sign_off {
            for p in &s.phrases {
                push(SIGN_OFF_TABLE, 0, &p.0);
            }
        }
        let mut disabled: Vec<Cue> = file.disable.iter().map(|c| c.0).collect();
        disabled.sort();
        disabled.dedup();
        RulePack {
            name: file.name.filter(|n| !n.trim().is_empty()),
            lexicon: rules::draft_lexicon_with(SIGN_OFF_TABLE.index() + 1, &extra),
            disabled,
            avoid: file
                .avoid
                .into_iter()
                .map(|a| Avoid {
                    message: a.message,
                    better: a.better,
                    cornerstone: a.cornerstone.unwrap_or(Cornerstone::Respect),
                    severity: match a.severity {
                        Some(AvoidSeverity::Tip) => Severity::Tip,
                        _ => Severity::Warning,
                    },
                })
                .collect(),
            sign_off: file.sign_off.map(|s| SignOff { message: s.message }),
            has_phrases: file.phrases.values().any(|p| !p.is_empty()),
        }
    }

    /// Whether the pack changes nothing (the file a build ships to be filled in).
    pub fn is_empty(&self) -> bool {
        self.disabled.is_empty() && self.avoid.is_empty() && self.sign_off.is_none() && !self.has_phrases
    }

    /// Whether the pack turns this cue off.
    pub fn disables(&self, cue: Cue) -> bool {
        self.disabled.binary_search(&cue).is_ok()
    }

    /// The cues the pack turns off.
    pub fn disabled(&self) -> &[Cue] {
        &self.disabled
    }

    /// The pack's own findings: phrases to avoid and the sign-off.
    pub(crate) fn check(&self, doc: &Document, out: &mut Vec<Finding>) {
        for hit in rules::distinct_hits_at(doc, AVOID_TABLE) {
            let a = &self.avoid[hit.entry as usize];
            out.push(
                Finding::new(Cue::TeamAvoid, Some(hit.span))
                    .with_message(a.message.clone())
                    .with_suggestions(a.better.iter().cloned())
                    .filed_under(a.cornerstone, a.severity),
            );
        }
        let Some(sign_off) = &self.sign_off else { return };
        if doc.agent_word_count() == 0 {
            return;
        }
        // The sign-off closes the reply: it must sit in the last few sentences.
        let last_sentence = doc.tokens.iter().filter(|t| t.is_agent()).map(|t| t.sentence).max().unwrap_or(0);
        let closing =
            doc.hits(SIGN_OFF_TABLE).iter().rev().find(|h| doc.tokens[h.last as usize].sentence + 3 > last_sentence);
        match closing {
            Some(h) => out.push(Finding::new(Cue::SignOff, Some(h.span))),
            None => out.push(Finding::new(Cue::SignOffMissing, None).with_message(sign_off.message.clone())),
        }
    }
}

struct Avoid {
    message: String,
    better: Vec<String>,
    cornerstone: Cornerstone,
    severity: Severity,
}

struct SignOff {
    message: String,
}

/// serde_json ends its messages with " at line L column C"; the error carries
/// those separately.
fn clean_message(msg: &str) -> String {
    match msg.rfind(" at line ") {
        Some(i) => msg[..i].to_string(),
        None => msg.to_string(),
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
struct PackFile {
    #[serde(rename = "$schema", default)]
    _schema: Option<String>,
    #[serde(default)]
    name: Option<String>,
    #[serde(default)]
    disable: Vec<CueId>,
    #[serde(default)]
    phrases: BTreeMap<FamilyId, Vec<PackPhrase>>,
    #[serde(default)]
    avoid: Vec<AvoidFile>,
    #[serde(default)]
    sign_off: Option<SignOffFile>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AvoidFile {
    phrase: PackPhrase,
    message: String,
    #[serde(default)]
    better: Vec<String>,
    #[serde(default)]
    cornerstone: Option<Cornerstone>,
    #[serde(default)]
    severity: Option<AvoidSeverity>,
}

#[derive(Deserialize)]
#[serde(rename_all = "kebab-case")]
enum AvoidSeverity {
    Tip,
    Warning,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SignOffFile {
    phrases: Vec<PackPhrase>,
    #[serde(default = "default_sign_off_message")]
    message: String,
}

fn default_sign_off_message() -> String {
    Cue::SignOffMissing.default_message().to_string()
}

/// A cue id, checked against the registry while parsing.
struct CueId(Cue);

impl<'de> Deserialize<'de> for CueId {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let id = String::deserialize(d)?;
        Cue::from_id(&id).map(CueId).ok_or_else(|| {
            let known: Vec<&str> = Cue::ALL.iter().map(|c| c.id()).collect();
            // A huge id is shown by its start only (edit_distance bounds the work).
            let id = match id.char_indices().nth(40) {
                Some((cut, _)) => format!("{}…", &id[..cut]),
                None => id,
            };
            let near = known
                .iter()
                .min_by_key(|k| crate::words::edit_distance(k, &id))
                .filter(|k| crate::words::edit_distance(k, &id) <= 2);
            match near {
                Some(k) => de::Error::custom(format!("unknown cue id '{id}' (did you mean '{k}'?)")),
                None => de::Error::custom(format!("unknown cue id '{id}'; known ids: {}", known.join(", "))),
            }
        })
    }
}

/// A cue that takes a team's phrases.
#[derive(PartialEq, Eq, PartialOrd, Ord)]
struct FamilyId(Cue);

impl<'de> Deserialize<'de> for FamilyId {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let CueId(cue) = CueId::deserialize(d)?;
        if rules::phrase_table(cue).is_some() {
            return Ok(FamilyId(cue));
        }
        let families: Vec<&str> = phrase_families().map(|c| c.id()).collect();
        Err(de::Error::custom(format!(
            "cue '{}' takes no phrases (it is not found by phrase); phrases can be added to: {}",
            cue.id(),
            families.join(", ")
        )))
    }
}

/// A phrase as the team writes it, split into folded words exactly as drafts
/// are, so "can't", "e-mail" and "Café" match as they would in a reply.
struct PackPhrase(Vec<String>);

impl<'de> Deserialize<'de> for PackPhrase {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        let doc = Document::parse_with(&text, Lexicon::empty());
        let words: Vec<String> = (0..doc.tokens.len()).map(|i| doc.fold(i).to_string()).collect();
        if words.is_empty() {
            return Err(de::Error::custom(format!("the phrase {text:?} has no words")));
        }
        if words.len() > 12 {
            return Err(de::Error::custom(format!("the phrase {text:?} is longer than 12 words")));
        }
        Ok(PackPhrase(words))
    }
}

impl<'de> Deserialize<'de> for Cornerstone {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let id = String::deserialize(d)?;
        Cornerstone::from_id(&id).ok_or_else(|| {
            let known: Vec<&str> = Cornerstone::ALL.iter().map(|c| c.id()).collect();
            de::Error::custom(format!("unknown cornerstone '{id}'; known: {}", known.join(", ")))
        })
    }
}
