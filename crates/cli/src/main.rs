//! `cornerstone check`: the tone engine on the command line, for support
//! teams that lint their canned responses.

use std::io::{self, BufRead, IsTerminal, Write};
use std::process::ExitCode;

use cornerstone_engine::{analyze_with, Context, JsonReport, Report, RulePack, Severity};
use serde::{Deserialize, Serialize};

const USAGE: &str = "\
Usage: cornerstone check [--customer-name NAME] [--customer-message FILE] [--rules PACK]
                        [--format text|json] [FILE...]
       cornerstone check [--rules PACK] --jsonl < drafts.jsonl

Checks customer-service drafts for tone: name usage, apologies, gratitude,
sarcasm and the rest of the four cornerstones of customer service.

Reads each FILE, or standard input when none is given (or for '-').

Options:
  --customer-name NAME   the customer's name, to check it is used and spelled right
  --customer-message FILE
                         the customer's message the draft answers ('-' for standard
                         input): checks the reply answers its questions, acknowledges
                         feelings and earlier contact, and asks for nothing it gives
  --rules PACK           a team rule pack (JSON; see cornerstone.rules.schema.json)
  --format text|json     compiler-style lines (default) or one JSON report per input
  --jsonl                read JSON lines {\"id\", \"customer_name\", \"customer_message\",
                         \"draft\"} from standard input, write one result line per
                         input line
  -h, --help             show this help

Exit status: 0 no warnings, 1 warnings found, 2 bad usage, unreadable input or a broken rule pack.";

#[derive(Clone, Copy, PartialEq, Debug)]
enum Format {
    Text,
    Json,
}

#[derive(Debug)]
struct Args {
    customer_name: Option<String>,
    customer_message: Option<String>,
    rules: Option<String>,
    format: Format,
    jsonl: bool,
    files: Vec<String>,
}

fn parse_args(mut args: impl Iterator<Item = String>) -> Result<Option<Args>, String> {
    match args.next().as_deref() {
        Some("check") => {}
        Some("-h" | "--help" | "help") => return Ok(None),
        Some(other) => return Err(format!("unknown command '{other}' (expected 'check')")),
        None => return Err("missing command (expected 'check')".into()),
    }
    let mut out = Args {
        customer_name: None,
        customer_message: None,
        rules: None,
        format: Format::Text,
        jsonl: false,
        files: Vec::new(),
    };
    let mut only_files = false;
    while let Some(arg) = args.next() {
        if only_files {
            out.files.push(arg);
            continue;
        }
        let (flag, inline) = match arg.split_once('=') {
            Some((f, v)) if f.starts_with("--") => (f.to_string(), Some(v.to_string())),
            _ => (arg.clone(), None),
        };
        let mut value =
            |name: &str| inline.clone().or_else(|| args.next()).ok_or_else(|| format!("{name} needs a value"));
        match flag.as_str() {
            "--customer-name" => out.customer_name = Some(value("--customer-name")?),
            "--customer-message" => out.customer_message = Some(value("--customer-message")?),
            "--rules" => out.rules = Some(value("--rules")?),
            "--format" => {
                out.format = match value("--format")?.as_str() {
                    "text" => Format::Text,
                    "json" => Format::Json,
                    other => return Err(format!("unknown format '{other}' (expected text or json)")),
                }
            }
            "--jsonl" => out.jsonl = true,
            "-h" | "--help" => return Ok(None),
            "--" => only_files = true,
            f if f.starts_with('-') && f != "-" => return Err(format!("unknown option '{f}'")),
            _ => out.files.push(arg),
        }
    }
    if out.jsonl && !out.files.is_empty() {
        return Err("--jsonl reads standard input only; give no FILE".into());
    }
    if out.jsonl && out.customer_message.is_some() {
        return Err(
            "--jsonl takes each draft's message from its line (\"customer_message\"); give no --customer-message"
                .into(),
        );
    }
    if out.customer_message.as_deref() == Some("-") && (out.files.is_empty() || out.files.iter().any(|f| f == "-")) {
        return Err("--customer-message - and the draft cannot both be read from standard input".into());
    }
    Ok(Some(out))
}

fn main() -> ExitCode {
    let args = match parse_args(std::env::args().skip(1)) {
        Ok(Some(a)) => a,
        Ok(None) => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            eprintln!("cornerstone: {e}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let pack = match args.rules.as_deref().map(load_pack).transpose() {
        Ok(p) => p,
        Err(e) => {
            eprintln!("cornerstone: {e}");
            return ExitCode::from(2);
        }
    };
    let message = match args.customer_message.as_deref().map(load_message).transpose() {
        Ok(m) => m,
        Err(e) => {
            eprintln!("cornerstone: {e}");
            return ExitCode::from(2);
        }
    };
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let outcome = if args.jsonl {
        run_jsonl(&args, pack.as_ref(), io::stdin().lock(), &mut out)
    } else {
        run_files(&args, message.as_deref(), pack.as_ref(), &mut out)
    };
    let _ = out.flush();
    ExitCode::from(outcome.code())
}

/// Reads and compiles a rule pack; the error names the file, line, column
/// and field.
fn load_pack(path: &str) -> Result<RulePack, String> {
    use std::io::Read;
    let cannot = |e: io::Error| format!("{path}: cannot read the rule pack: {e}");
    // Never more than the engine accepts is read into memory.
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .and_then(|f| f.take(cornerstone_engine::MAX_PACK_BYTES as u64 + 1).read_to_end(&mut bytes))
        .map_err(cannot)?;
    if bytes.len() > cornerstone_engine::MAX_PACK_BYTES {
        return Err(format!(
            "{path}: the rule pack is larger than {} bytes (1 MB), the size limit",
            cornerstone_engine::MAX_PACK_BYTES
        ));
    }
    let text = String::from_utf8(bytes)
        .map_err(|_| cannot(io::Error::new(io::ErrorKind::InvalidData, "stream did not contain valid UTF-8")))?;
    RulePack::from_json(&text).map_err(|e| {
        let at = if e.path.is_empty() { String::new() } else { format!(" at {}", e.path) };
        format!("{path}:{}:{}: broken rule pack{at}: {}", e.line, e.column, e.message)
    })
}

/// Reads the customer's message: a file, or standard input for `-`. Its
/// lines are bounded as a draft's are; a line over the limit is an error,
/// since the message would be read wrong without it.
fn load_message(path: &str) -> Result<String, String> {
    let label = if path == "-" { "<stdin>".to_string() } else { escape_controls(path).into_owned() };
    let read = if path == "-" {
        read_lines_bounded(io::stdin().lock())
    } else {
        std::fs::File::open(path).and_then(|f| read_lines_bounded(io::BufReader::new(f)))
    };
    let (bytes, too_long) = read.map_err(|e| format!("{label}: cannot read the customer's message: {e}"))?;
    if let Some(line) = too_long.first() {
        return Err(format!("{label}: line {line} of the customer's message is longer than {MAX_LINE_BYTES} bytes"));
    }
    String::from_utf8(bytes).map_err(|e| {
        format!(
            "{label}: the customer's message is not valid UTF-8 (invalid byte at offset {})",
            e.utf8_error().valid_up_to()
        )
    })
}

/// What the run found, for the exit status.
#[derive(Default)]
struct Outcome {
    warnings: bool,
    bad_input: bool,
}

impl Outcome {
    fn code(&self) -> u8 {
        if self.bad_input {
            2
        } else if self.warnings {
            1
        } else {
            0
        }
    }
}

fn run_files(args: &Args, message: Option<&str>, pack: Option<&RulePack>, out: &mut impl Write) -> Outcome {
    let mut outcome = Outcome::default();
    let ctx = Context::new(args.customer_name.as_deref(), message);
    let files: Vec<String> = if args.files.is_empty() { vec!["-".into()] } else { args.files.clone() };
    let color = args.format == Format::Text && io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    for file in &files {
        let read = if file == "-" {
            ("<stdin>".to_string(), read_lines_bounded(io::stdin().lock()))
        } else {
            let label = escape_controls(file).into_owned();
            match std::fs::File::open(file) {
                Ok(f) => (label, read_lines_bounded(io::BufReader::new(f))),
                Err(e) => (label, Err(e)),
            }
        };
        let (label, bytes) = match read {
            (label, Ok((bytes, too_long))) => {
                for line in too_long {
                    eprintln!(
                        "cornerstone: {label}: line {line} is longer than {MAX_LINE_BYTES} bytes; \
                         it is left out and the rest is checked"
                    );
                    outcome.bad_input = true;
                }
                (label, bytes)
            }
            (label, Err(e)) => {
                eprintln!("cornerstone: {label}: cannot read: {e}");
                outcome.bad_input = true;
                continue;
            }
        };
        let text = match String::from_utf8(bytes) {
            Ok(t) => t,
            Err(e) => {
                eprintln!(
                    "cornerstone: {label}: not valid UTF-8 (invalid byte at offset {})",
                    e.utf8_error().valid_up_to()
                );
                outcome.bad_input = true;
                continue;
            }
        };
        let report = analyze_with(&text, &ctx, pack);
        outcome.warnings |= report.warnings() > 0;
        let _ = match args.format {
            Format::Text => write_text(out, &label, &text, &report, color),
            Format::Json if files.len() == 1 => writeln!(out, "{}", report.json(&text)),
            Format::Json => {
                #[derive(Serialize)]
                struct WithFile<'a> {
                    file: &'a str,
                    #[serde(flatten)]
                    report: JsonReport<'a>,
                }
                writeln!(out, "{}", json(&WithFile { file: &label, report: report.to_json(&text) }))
            }
        };
    }
    outcome
}

/// The longest line read from a draft or a JSONL input, in bytes (without
/// its line break). A longer line is not kept in memory: it is skipped and
/// reported by its number, and the rest of the input is still checked.
const MAX_LINE_BYTES: usize = 1 << 20;

/// Reads one line, through its `\n`, into `buf`, keeping at most
/// [`MAX_LINE_BYTES`] bytes of it. Returns `None` at the end of the input,
/// `Some(true)` for a line that was longer (`buf` then holds only its line
/// break, if it had one; the rest was read and dropped).
fn read_line_bounded(input: &mut impl BufRead, buf: &mut Vec<u8>) -> io::Result<Option<bool>> {
    buf.clear();
    let (mut any, mut too_long) = (false, false);
    loop {
        let chunk = match input.fill_buf() {
            Ok(c) => c,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if chunk.is_empty() {
            return Ok(any.then_some(too_long));
        }
        any = true;
        let (take, ends) = match chunk.iter().position(|&b| b == b'\n') {
            Some(i) => (i + 1, true),
            None => (chunk.len(), false),
        };
        if !too_long {
            if buf.len() + take - usize::from(ends) > MAX_LINE_BYTES {
                too_long = true;
                buf.clear();
            } else {
                buf.extend_from_slice(&chunk[..take]);
            }
        }
        if too_long && ends {
            buf.push(b'\n');
        }
        input.consume(take);
        if ends {
            return Ok(Some(too_long));
        }
    }
}

/// A whole draft, line by line: over-long lines are left out (their line
/// break kept, so later line numbers stay right) and their numbers returned.
fn read_lines_bounded(mut input: impl BufRead) -> io::Result<(Vec<u8>, Vec<usize>)> {
    let (mut text, mut too_long, mut line) = (Vec::new(), Vec::new(), Vec::new());
    let mut n = 0;
    while let Some(long) = read_line_bounded(&mut input, &mut line)? {
        n += 1;
        if long {
            too_long.push(n);
        }
        text.extend_from_slice(&line);
    }
    Ok((text, too_long))
}

/// Text from the draft, the name or a file name made safe for a terminal:
/// control characters (ESC, BEL, backspace, carriage return...) and the
/// invisible bidirectional overrides are shown escaped, as `\u{1b}`.
fn escape_controls(s: &str) -> std::borrow::Cow<'_, str> {
    let unsafe_char = |c: char| {
        c.is_control() || matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
    };
    if !s.contains(unsafe_char) {
        return s.into();
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            '\n' => out.push_str("\\n"),
            c if unsafe_char(c) => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
            c => out.push(c),
        }
    }
    out.into()
}

fn json<T: Serialize>(value: &T) -> String {
    serde_json::to_string(value).expect("reports always serialise")
}

/// Compiler-style output: `file:line:col: warning[cue]: message`.
fn write_text(out: &mut impl Write, label: &str, text: &str, report: &Report, color: bool) -> io::Result<()> {
    let paint = |code: &str, s: &str| if color { format!("\x1b[{code}m{s}\x1b[0m") } else { s.to_string() };
    // Findings come in text order: line and column follow them in one pass.
    let mut at = LineCol::new(text);
    for f in &report.findings {
        let sev = match f.severity() {
            Severity::Warning => paint("1;33", "warning"),
            Severity::Tip => paint("1;36", "tip"),
            Severity::Praise => paint("1;32", "praise"),
        };
        let head = format!("{sev}[{}]", f.cue.id());
        match f.span {
            Some(span) => {
                let (line, col) = at.to(span.start());
                writeln!(out, "{label}:{line}:{col}: {head}: {}", escape_controls(&f.message))?;
                let words = text[span].replace('\n', " ");
                writeln!(out, "    {}", paint("2", &format!("\"{}\"", escape_controls(&words))))?;
            }
            None => writeln!(out, "{label}: {head}: {}", escape_controls(&f.message))?,
        }
        if let (Some(c), Some(m)) = (f.context, report.message.as_ref()) {
            let source = m.context_text(text);
            let (name, (line, col)) = match m.source {
                cornerstone_engine::MessageSource::Given => ("customer message", LineCol::new(source).to(c.start())),
                cornerstone_engine::MessageSource::Quoted => ("quoted message", LineCol::new(text).to(c.start())),
            };
            let words = source.get(c.start()..c.end()).unwrap_or_default().replace('\n', " ");
            writeln!(out, "    = {name}:{line}:{col}: {}", paint("2", &format!("\"{}\"", escape_controls(&words))))?;
        }
        for s in &f.suggestions {
            writeln!(out, "    = try: {}", escape_controls(s))?;
        }
    }
    if let Some(relation) = report.relation_summary() {
        writeln!(out, "{label}: {}", escape_controls(&relation))?;
    }
    if let Some(name) = report.customer_name.as_ref().filter(|n| n.source == cornerstone_engine::NameSource::Message) {
        writeln!(out, "{label}: customer name from the message: {}", escape_controls(&name.name))?;
    }
    let statuses: Vec<String> =
        report.cornerstones.iter().map(|c| format!("{} {}", c.cornerstone.id(), c.status.id())).collect();
    writeln!(out, "{label}: {} ({})", report.summary(), statuses.join(", "))
}

/// 1-based line and column (in chars) of byte offsets taken in increasing
/// order: the text is read once for all of them (an offset before the last
/// one starts over from the top).
struct LineCol<'a> {
    text: &'a str,
    at: usize,
    line: usize,
    col: usize,
}

impl<'a> LineCol<'a> {
    fn new(text: &'a str) -> LineCol<'a> {
        LineCol { text, at: 0, line: 1, col: 1 }
    }

    fn to(&mut self, byte: usize) -> (usize, usize) {
        if byte < self.at {
            *self = LineCol::new(self.text);
        }
        for c in self.text[self.at..byte].chars() {
            if c == '\n' {
                self.line += 1;
                self.col = 1;
            } else {
                self.col += 1;
            }
        }
        self.at = byte;
        (self.line, self.col)
    }
}

#[derive(Deserialize)]
struct JsonlInput {
    #[serde(default)]
    id: serde_json::Value,
    #[serde(default)]
    customer_name: Option<String>,
    #[serde(default)]
    customer_message: Option<String>,
    draft: String,
}

#[derive(Serialize)]
struct JsonlOutput<'a> {
    id: &'a serde_json::Value,
    #[serde(flatten)]
    report: JsonReport<'a>,
}

#[derive(Serialize)]
struct JsonlError<'a> {
    id: &'a serde_json::Value,
    error: String,
}

fn run_jsonl(args: &Args, pack: Option<&RulePack>, input: impl BufRead, out: &mut impl Write) -> Outcome {
    let mut outcome = Outcome::default();
    let default_ctx = args.customer_name.as_deref().map(Context::with_customer_name).unwrap_or_default();
    let mut input = input;
    let mut bytes = Vec::new();
    let mut line_no = 0;
    loop {
        line_no += 1;
        match read_line_bounded(&mut input, &mut bytes) {
            Ok(None) => break,
            Ok(Some(false)) => {}
            Ok(Some(true)) => {
                eprintln!("cornerstone: <stdin>: line {line_no}: longer than {MAX_LINE_BYTES} bytes; skipped");
                outcome.bad_input = true;
                let error = format!("line longer than {MAX_LINE_BYTES} bytes");
                let _ = writeln!(out, "{}", json(&JsonlError { id: &serde_json::Value::Null, error }));
                continue;
            }
            Err(e) => {
                eprintln!("cornerstone: <stdin>: line {line_no}: cannot read: {e}");
                outcome.bad_input = true;
                break;
            }
        }
        if bytes.last() == Some(&b'\n') {
            bytes.pop();
        }
        let Ok(text) = std::str::from_utf8(&bytes) else {
            eprintln!("cornerstone: <stdin>: line {line_no}: not valid UTF-8");
            outcome.bad_input = true;
            let _ = writeln!(
                out,
                "{}",
                json(&JsonlError { id: &serde_json::Value::Null, error: "not valid UTF-8".into() })
            );
            continue;
        };
        if text.trim().is_empty() {
            continue;
        }
        match serde_json::from_str::<JsonlInput>(text) {
            Ok(item) => {
                let ctx = match item.customer_name.as_deref() {
                    Some(name) => Context::with_customer_name(name),
                    None => default_ctx.clone(),
                };
                let ctx = match item.customer_message {
                    Some(m) => ctx.and_customer_message(m),
                    None => ctx,
                };
                let report = analyze_with(&item.draft, &ctx, pack);
                outcome.warnings |= report.warnings() > 0;
                let _ = writeln!(out, "{}", json(&JsonlOutput { id: &item.id, report: report.to_json(&item.draft) }));
            }
            Err(e) => {
                eprintln!("cornerstone: <stdin>: line {line_no}: {e}");
                outcome.bad_input = true;
                let id = serde_json::from_str::<serde_json::Value>(text)
                    .ok()
                    .and_then(|v| v.get("id").cloned())
                    .unwrap_or_default();
                let _ = writeln!(out, "{}", json(&JsonlError { id: &id, error: e.to_string() }));
            }
        }
    }
    outcome
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reports_lines_and_columns_in_chars() {
        let mut at = LineCol::new("ab\ncé d");
        assert_eq!(at.to(0), (1, 1));
        assert_eq!(at.to(7), (2, 4));
        assert_eq!(at.to(1), (1, 2), "an earlier offset starts over");
        assert_eq!(LineCol::new("x").to(0), (1, 1));
    }

    #[test]
    fn escapes_control_characters_for_the_terminal() {
        assert_eq!(escape_controls("plain é 😀"), "plain é 😀");
        assert_eq!(escape_controls("a\x1b[2Jb\x07c\x08\td\r"), "a\\u{1b}[2Jb\\u{7}c\\u{8}\\td\\r");
        assert_eq!(escape_controls("x\u{202e}y"), "x\\u{202e}y");
    }

    #[test]
    fn reads_lines_up_to_the_limit_and_names_longer_ones() {
        let long = "x".repeat(MAX_LINE_BYTES + 1);
        let input = format!("one\n{long}\nthree\n{}\nfive", "y".repeat(MAX_LINE_BYTES));
        let (text, too_long) = read_lines_bounded(input.as_bytes()).unwrap();
        assert_eq!(too_long, [2]);
        assert_eq!(String::from_utf8(text).unwrap(), format!("one\n\nthree\n{}\nfive", "y".repeat(MAX_LINE_BYTES)));
    }

    #[test]
    fn parses_flags_with_inline_values() {
        let a = parse_args(
            ["check", "--customer-name=Priya Raman", "--format", "json", "a.txt"].map(String::from).into_iter(),
        )
        .unwrap()
        .unwrap();
        assert_eq!(a.customer_name.as_deref(), Some("Priya Raman"));
        assert_eq!(a.format, Format::Json);
        assert_eq!(a.files, ["a.txt"]);
        assert!(parse_args(["check", "--format", "xml"].map(String::from).into_iter()).is_err());
        assert!(parse_args(["check", "--jsonl", "a.txt"].map(String::from).into_iter()).is_err());
    }
}
