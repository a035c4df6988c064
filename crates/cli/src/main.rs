//! `cornerstone check`: the tone engine on the command line, for support
//! teams that lint their canned responses.

use std::io::{self, BufRead, IsTerminal, Read, Write};
use std::process::ExitCode;

use cornerstone_engine::{analyze_with, Context, JsonReport, Report, RulePack, Severity};
use serde::{Deserialize, Serialize};

const USAGE: &str = "\
Usage: cornerstone check [--customer-name NAME] [--rules PACK] [--format text|json] [FILE...]
       cornerstone check [--rules PACK] --jsonl < drafts.jsonl

Checks customer-service drafts for tone: name usage, apologies, gratitude,
sarcasm and the rest of the four cornerstones of customer service.

Reads each FILE, or standard input when none is given (or for '-').

Options:
  --customer-name NAME   the customer's name, to check it is used and spelled right
  --rules PACK           a team rule pack (JSON; see cornerstone.rules.schema.json)
  --format text|json     compiler-style lines (default) or one JSON report per input
  --jsonl                read JSON lines {\"id\", \"customer_name\", \"draft\"} from
                         standard input, write one result line per input line
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
    let mut out = Args { customer_name: None, rules: None, format: Format::Text, jsonl: false, files: Vec::new() };
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
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let outcome = if args.jsonl {
        run_jsonl(&args, pack.as_ref(), io::stdin().lock(), &mut out)
    } else {
        run_files(&args, pack.as_ref(), &mut out)
    };
    let _ = out.flush();
    ExitCode::from(outcome.code())
}

/// Reads and compiles a rule pack; the error names the file, line, column
/// and field.
fn load_pack(path: &str) -> Result<RulePack, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{path}: cannot read the rule pack: {e}"))?;
    RulePack::from_json(&text).map_err(|e| {
        let at = if e.path.is_empty() { String::new() } else { format!(" at {}", e.path) };
        format!("{path}:{}:{}: broken rule pack{at}: {}", e.line, e.column, e.message)
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

fn run_files(args: &Args, pack: Option<&RulePack>, out: &mut impl Write) -> Outcome {
    let mut outcome = Outcome::default();
    let ctx = args.customer_name.as_deref().map(Context::with_customer_name).unwrap_or_default();
    let files: Vec<String> = if args.files.is_empty() { vec!["-".into()] } else { args.files.clone() };
    let color = args.format == Format::Text && io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    for file in &files {
        let (label, bytes) = if file == "-" {
            let mut buf = Vec::new();
            if let Err(e) = io::stdin().read_to_end(&mut buf) {
                eprintln!("cornerstone: <stdin>: cannot read: {e}");
                outcome.bad_input = true;
                continue;
            }
            ("<stdin>".to_string(), buf)
        } else {
            match std::fs::read(file) {
                Ok(b) => (file.clone(), b),
                Err(e) => {
                    eprintln!("cornerstone: {file}: cannot read: {e}");
                    outcome.bad_input = true;
                    continue;
                }
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
            Format::Json if files.len() == 1 => writeln!(out, "{}", json(&report.to_json(&text))),
            Format::Json => {
                #[derive(Serialize)]
                struct WithFile<'a> {
                    file: &'a str,
                    #[serde(flatten)]
                    report: JsonReport,
                }
                writeln!(out, "{}", json(&WithFile { file: &label, report: report.to_json(&text) }))
            }
        };
    }
    outcome
}

fn json<T: Serialize>(value: &T) -> String {
    serde_json::to_string(value).expect("reports always serialise")
}

/// Compiler-style output: `file:line:col: warning[cue]: message`.
fn write_text(out: &mut impl Write, label: &str, text: &str, report: &Report, color: bool) -> io::Result<()> {
    let paint = |code: &str, s: &str| if color { format!("\x1b[{code}m{s}\x1b[0m") } else { s.to_string() };
    for f in &report.findings {
        let sev = match f.severity() {
            Severity::Warning => paint("1;33", "warning"),
            Severity::Tip => paint("1;36", "tip"),
            Severity::Praise => paint("1;32", "praise"),
        };
        let head = format!("{sev}[{}]", f.cue.id());
        match f.span {
            Some(span) => {
                let (line, col) = line_col(text, span.start());
                writeln!(out, "{label}:{line}:{col}: {head}: {}", f.message)?;
                writeln!(out, "    {}", paint("2", &format!("\"{}\"", text[span].replace('\n', " "))))?;
            }
            None => writeln!(out, "{label}: {head}: {}", f.message)?,
        }
        for s in &f.suggestions {
            writeln!(out, "    = try: {s}")?;
        }
    }
    let statuses: Vec<String> =
        report.cornerstones.iter().map(|c| format!("{} {}", c.cornerstone.id(), c.status.id())).collect();
    writeln!(out, "{label}: {} ({})", report.summary(), statuses.join(", "))
}

/// 1-based line and column (in chars) of a byte offset.
fn line_col(text: &str, byte: usize) -> (usize, usize) {
    let before = &text[..byte];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, text[line_start..byte].chars().count() + 1)
}

#[derive(Deserialize)]
struct JsonlInput {
    #[serde(default)]
    id: serde_json::Value,
    #[serde(default)]
    customer_name: Option<String>,
    draft: String,
}

#[derive(Serialize)]
struct JsonlOutput<'a> {
    id: &'a serde_json::Value,
    #[serde(flatten)]
    report: JsonReport,
}

#[derive(Serialize)]
struct JsonlError<'a> {
    id: &'a serde_json::Value,
    error: String,
}

fn run_jsonl(args: &Args, pack: Option<&RulePack>, input: impl BufRead, out: &mut impl Write) -> Outcome {
    let mut outcome = Outcome::default();
    let default_ctx = args.customer_name.as_deref().map(Context::with_customer_name).unwrap_or_default();
    for (n, line) in input.split(b'\n').enumerate() {
        let line_no = n + 1;
        let bytes = match line {
            Ok(b) => b,
            Err(e) => {
                eprintln!("cornerstone: <stdin>: line {line_no}: cannot read: {e}");
                outcome.bad_input = true;
                break;
            }
        };
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
        assert_eq!(line_col("ab\ncé d", 7), (2, 4));
        assert_eq!(line_col("x", 0), (1, 1));
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
