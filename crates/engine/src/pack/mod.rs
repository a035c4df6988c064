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

use std::fmt;

mod json;

use json::{Read, Reader};

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
        let start = json.len() - json.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}').len();
        if json[start..].starts_with('[') {
            let (line, column) = json::line_column(json, start);
            let message = "a rule pack is a JSON object ({ ... }), not a list".to_string();
            return Err(PackError { message, line, column, path: String::new() });
        }
        let mut reader = json::Reader::new(json);
        let file = PackFile::read(&mut reader).and_then(|file| reader.end().map(|()| file)).map_err(|e| {
            let (line, column) = json::line_column(json, e.at);
            PackError { message: e.message, line, column, path: e.path }
        })?;
        let phrases = file.phrases.iter().map(|f| f.1.len()).sum::<usize>()
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
        let mut push =
            |table: TableId, entry: usize, words: &[String]| extra.push((table, entry as u16, words.to_vec()));
        let mut families: Vec<&(Cue, Vec<PackPhrase>)> = file.phrases.iter().collect();
        crate::order::sort_by_key(&mut families, |f| f.0);
        for (cue, phrases) in families {
            let table = rules::phrase_table(*cue).expect("checked while parsing");
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
        // A phrase listed twice in one table would match twice for nothing:
        // each table keeps its first copy (which is also the one whose hit
        // the rules would have kept).
        crate::order::first_of_each(&mut extra, |(table, _, words)| (*table, words.clone()));
        let mut disabled: Vec<Cue> = file.disable.clone();
        crate::order::sort(&mut disabled);
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
                    severity: a.severity.unwrap_or(Severity::Warning),
                })
                .collect(),
            sign_off: file.sign_off.map(|s| SignOff { message: s.message }),
            has_phrases: file.phrases.iter().any(|f| !f.1.is_empty()),
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
        for &hit in rules::distinct_hits_at(doc, AVOID_TABLE).iter() {
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

/// The pack file as written, checked.
#[derive(Default)]
struct PackFile {
    name: Option<String>,
    disable: Vec<Cue>,
    /// Per cue, its phrases, in the file's order (each cue once).
    phrases: Vec<(Cue, Vec<PackPhrase>)>,
    avoid: Vec<AvoidFile>,
    sign_off: Option<SignOffFile>,
}

struct AvoidFile {
    phrase: PackPhrase,
    message: String,
    better: Vec<String>,
    cornerstone: Option<Cornerstone>,
    severity: Option<Severity>,
}

struct SignOffFile {
    phrases: Vec<PackPhrase>,
    message: String,
}

/// A phrase as the team writes it, split into folded words exactly as drafts
/// are, so "can't", "e-mail" and "Café" match as they would in a reply.
struct PackPhrase(Vec<String>);

/// The fields of an object, each at most once: `read` reads the value of
/// field `i` (the reader on the value); returns where the object starts
/// and which fields it had, as bits.
fn fields(
    r: &mut Reader<'_>,
    names: &[&str],
    read: &mut dyn FnMut(&mut Reader<'_>, usize) -> Read<()>,
) -> Read<(usize, u32)> {
    let mut seen = 0u32;
    let at = r.object("an object", &mut |r, key, key_at| {
        let Some(i) = names.iter().position(|n| *n == key) else {
            let key = json::shortened(&key);
            return Err(r.error(key_at, format!("unknown field `{key}`, expected {}", json::one_of(names))));
        };
        if seen & 1 << i != 0 {
            return Err(r.error(key_at, format!("duplicate field `{key}`")));
        }
        seen |= 1 << i;
        read(r, i)
    })?;
    Ok((at, seen))
}

/// A string, or nothing for `null`.
fn optional_string(r: &mut Reader<'_>) -> Read<Option<String>> {
    if r.null()? {
        return Ok(None);
    }
    Ok(Some(r.string("a string")?.1))
}

/// A list of strings.
fn strings(r: &mut Reader<'_>) -> Read<Vec<String>> {
    let mut out = Vec::new();
    r.array("a sequence", &mut |r| {
        out.push(r.string("a string")?.1);
        Ok(())
    })?;
    Ok(out)
}

/// A list of phrases.
fn phrases(r: &mut Reader<'_>) -> Read<Vec<PackPhrase>> {
    let mut out = Vec::new();
    r.array("a sequence", &mut |r| {
        out.push(PackPhrase::read(r)?);
        Ok(())
    })?;
    Ok(out)
}

/// A cue id, checked against the registry.
fn cue_id(r: &Reader<'_>, at: usize, id: &str) -> Read<Cue> {
    Cue::from_id(id).ok_or_else(|| {
        let known: Vec<&str> = Cue::ALL.iter().map(|c| c.id()).collect();
        // A huge id is shown by its start only (edit_distance bounds the work).
        let id = json::shortened(id);
        let near = known
            .iter()
            .min_by_key(|k| crate::words::edit_distance(k, &id))
            .filter(|k| crate::words::edit_distance(k, &id) <= 2);
        match near {
            Some(k) => r.error(at, format!("unknown cue id '{id}' (did you mean '{k}'?)")),
            None => r.error(at, format!("unknown cue id '{id}'; known ids: {}", known.join(", "))),
        }
    })
}

impl PackFile {
    const FIELDS: [&'static str; 6] = ["$schema", "name", "disable", "phrases", "avoid", "signOff"];

    fn read(r: &mut Reader<'_>) -> Read<PackFile> {
        let mut file = PackFile::default();
        fields(r, &Self::FIELDS, &mut |r, field| {
            match field {
                0 => drop(optional_string(r)?),
                1 => file.name = optional_string(r)?,
                2 => {
                    r.array("a sequence", &mut |r| {
                        let (at, id) = r.string("a string")?;
                        file.disable.push(cue_id(r, at, &id)?);
                        Ok(())
                    })?;
                }
                3 => {
                    r.object("an object", &mut |r, key, key_at| {
                        let cue = cue_id(r, key_at, &key)?;
                        if rules::phrase_table(cue).is_none() {
                            let families: Vec<&str> = phrase_families().map(|c| c.id()).collect();
                            return Err(r.error(
                                key_at,
                                format!(
                                    "cue '{key}' takes no phrases (it is not found by phrase); phrases can be added to: {}",
                                    families.join(", ")
                                ),
                            ));
                        }
                        if file.phrases.iter().any(|f| f.0 == cue) {
                            return Err(r.error(key_at, format!("duplicate field `{key}`")));
                        }
                        let list = phrases(r)?;
                        file.phrases.push((cue, list));
                        Ok(())
                    })?;
                }
                4 => {
                    r.array("a sequence", &mut |r| {
                        file.avoid.push(AvoidFile::read(r)?);
                        Ok(())
                    })?;
                }
                _ => file.sign_off = if r.null()? { None } else { Some(SignOffFile::read(r)?) },
            }
            Ok(())
        })?;
        Ok(file)
    }
}

/// The first required field an object lacks, as an error at the object.
fn missing(r: &Reader<'_>, at: usize, names: &[&str], seen: u32, required: u32) -> Read<()> {
    match (0..names.len()).find(|&i| required & 1 << i != 0 && seen & 1 << i == 0) {
        Some(i) => Err(r.error(at, format!("missing field `{}`", names[i]))),
        None => Ok(()),
    }
}

impl AvoidFile {
    const FIELDS: [&'static str; 5] = ["phrase", "message", "better", "cornerstone", "severity"];

    fn read(r: &mut Reader<'_>) -> Read<AvoidFile> {
        let (mut phrase, mut message, mut better, mut cornerstone, mut severity) = (None, None, vec![], None, None);
        let (at, seen) = fields(r, &Self::FIELDS, &mut |r, field| {
            match field {
                0 => phrase = Some(PackPhrase::read(r)?),
                1 => message = Some(r.string("a string")?.1),
                2 => better = strings(r)?,
                3 if r.null()? => cornerstone = None,
                3 => {
                    let (at, id) = r.string("a string")?;
                    cornerstone = Some(Cornerstone::from_id(&id).ok_or_else(|| {
                        let known: Vec<&str> = Cornerstone::ALL.iter().map(|c| c.id()).collect();
                        let id = json::shortened(&id);
                        r.error(at, format!("unknown cornerstone '{id}'; known: {}", known.join(", ")))
                    })?);
                }
                _ if r.null()? => severity = None,
                _ => {
                    let (at, id) = r.string("a string")?;
                    severity = Some(match id.as_str() {
                        "tip" => Severity::Tip,
                        "warning" => Severity::Warning,
                        _ => {
                            let id = json::shortened(&id);
                            return Err(r.error(at, format!("unknown variant `{id}`, expected `tip` or `warning`")));
                        }
                    });
                }
            }
            Ok(())
        })?;
        missing(r, at, &Self::FIELDS, seen, 0b11)?;
        Ok(AvoidFile {
            phrase: phrase.expect("checked by missing"),
            message: message.expect("checked by missing"),
            better,
            cornerstone,
            severity,
        })
    }
}

impl SignOffFile {
    const FIELDS: [&'static str; 2] = ["phrases", "message"];

    fn read(r: &mut Reader<'_>) -> Read<SignOffFile> {
        let (mut list, mut message) = (Vec::new(), None);
        let (at, seen) = fields(r, &Self::FIELDS, &mut |r, field| {
            match field {
                0 => list = phrases(r)?,
                _ => message = Some(r.string("a string")?.1),
            }
            Ok(())
        })?;
        missing(r, at, &Self::FIELDS, seen, 0b1)?;
        Ok(SignOffFile {
            phrases: list,
            message: message.unwrap_or_else(|| Cue::SignOffMissing.default_message().to_string()),
        })
    }
}

impl PackPhrase {
    fn read(r: &mut Reader<'_>) -> Read<PackPhrase> {
        let (at, text) = r.string("a string")?;
        let doc = Document::parse_with(&text, Lexicon::empty());
        let words: Vec<String> = (0..doc.tokens.len()).map(|i| doc.fold(i).to_string()).collect();
        if words.is_empty() {
            return Err(r.error(at, format!("the phrase {:?} has no words", json::shortened(&text))));
        }
        if words.len() > 12 {
            return Err(r.error(at, format!("the phrase {:?} is longer than 12 words", json::shortened(&text))));
        }
        Ok(PackPhrase(words))
    }
}
