//! Trunk's post-build step (see `Trunk.toml`): turns Trunk's output into
//! Cornerstone's release folder.
//!
//! - `cornerstone-engine-<hash>.js` and `_bg.wasm`: the engine's module
//!   (`crates/web-engine`, built by Trunk as a worker-type asset, whose
//!   names Trunk does not hash), renamed by their contents so that a new
//!   build never mixes with an old one in a cache.
//! - `cornerstone-<hash>.js` and `_bg.wasm`: the UI's glue and module
//!   (written by `scripts/build-ui.sh` under wasm-bindgen's names), named by
//!   their bytes as served, and `split-<name>-<hash>.wasm`: the module's
//!   chunks, loaded by the glue, into which the splitter's
//!   `__wasm_split.js` is written (see `split.rs`).
//! - `boot-<hash>.js`: the loader, external so the page needs no inline
//!   script (strict CSP); `index.html` gets it plus preload hints for the
//!   UI's module (the engine's is fetched by the loader, after it).
//! - `cornerstone-embed.js`: the embed module, pointing at this build's files.
//! - `cornerstone-worker.js`: the web worker that analyses long drafts off
//!   the page's main thread with the engine's module (the single-file build
//!   analyses on it).
//! - `inplace-<name>-<hash>.js`: the embed's in-place modules (underlines
//!   and hint cards in the host's own editor), from `assets/templates/inplace/`,
//!   with their imports of each other and their stylesheets filled in.
//! - `sw.js`: the service worker, listing exactly this build's files under a
//!   version derived from their contents.
//! - `cornerstone-standalone.html`: the whole app in one file (stylesheet,
//!   scripts and WebAssembly inlined) that works from `file://`.
//!
//! Reads the staging folder from `TRUNK_STAGING_DIR` (or the first
//! argument) and the templates from `assets/templates`. Standard library
//! only, so it builds in seconds on a fresh machine.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

mod classes;
mod imports;
mod split;

const STANDALONE: &str = "cornerstone-standalone.html";
const SERVICE_WORKER: &str = "sw.js";
/// The analysis worker for long drafts (`assets/templates/worker.js`).
const WORKER: &str = "cornerstone-worker.js";

fn main() -> ExitCode {
    // Before wasm-opt (scripts/build-ui.sh): the UI's unused classes out of
    // its glue and module, rewritten in place (see `classes.rs`).
    if std::env::args().nth(1).as_deref() == Some("--drop-unused-classes") {
        let (Some(glue), Some(wasm)) = (std::env::args().nth(2), std::env::args().nth(3)) else {
            eprintln!("cornerstone-bundle: --drop-unused-classes GLUE WASM");
            return ExitCode::from(2);
        };
        let dropped = drop_unused_classes(Path::new(&glue), Path::new(&wasm));
        return match dropped {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("cornerstone-bundle: {glue}: {e}");
                ExitCode::FAILURE
            }
        };
    }
    let staging = std::env::args().nth(1).or_else(|| std::env::var("TRUNK_STAGING_DIR").ok());
    let Some(staging) = staging else {
        eprintln!("cornerstone-bundle: give the staging folder (TRUNK_STAGING_DIR or first argument)");
        return ExitCode::from(2);
    };
    let source = std::env::var("TRUNK_SOURCE_DIR").map(PathBuf::from).unwrap_or_else(|_| PathBuf::from("."));
    match bundle(Path::new(&staging), &source.join("assets/templates")) {
        Ok(summary) => {
            eprintln!("cornerstone-bundle: {summary}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("cornerstone-bundle: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Rewrites the UI's glue and module (as wasm-bindgen wrote them, before
/// wasm-opt) without the classes nothing uses (see `classes.rs`).
fn drop_unused_classes(glue: &Path, wasm: &Path) -> Result<(), String> {
    let text = std::fs::read_to_string(glue).map_err(|e| e.to_string())?;
    let bytes = std::fs::read(wasm).map_err(|e| format!("{}: {e}", wasm.display()))?;
    let (text, bytes) = classes::drop_classes(&text, &bytes, classes::UNUSED)?;
    std::fs::write(glue, text).map_err(|e| e.to_string())?;
    std::fs::write(wasm, bytes).map_err(|e| format!("{}: {e}", wasm.display()))
}

/// The files Trunk produced that the bundle refers to.
#[derive(Debug, PartialEq)]
struct Outputs {
    glue: String,
    wasm: String,
    css: String,
    /// The engine module's glue and WebAssembly, once renamed.
    engine_glue: String,
    engine_wasm: String,
}

/// What the engine's module is called in the release folder.
const ENGINE: &str = "cornerstone-engine-";
/// What Trunk calls it (a worker-type asset, named after its crate).
const ENGINE_FROM_TRUNK: &str = "cornerstone-web-engine";

/// Gives the engine module's files, as Trunk wrote them (unhashed), names
/// made from their contents: `cornerstone-engine-<hash>.js` and
/// `cornerstone-engine-<hash>_bg.wasm`. Earlier runs' renamed files in the
/// folder go. (A folder already renamed is left as it is.)
fn name_engine(staging: &Path) -> Result<(), String> {
    let (js, wasm) = (format!("{ENGINE_FROM_TRUNK}.js"), format!("{ENGINE_FROM_TRUNK}_bg.wasm"));
    if !staging.join(&wasm).exists() {
        return Ok(());
    }
    let read = |n: &str| std::fs::read(staging.join(n)).map_err(|e| format!("{n}: {e}"));
    let (js_bytes, wasm_bytes) = (read(&js)?, read(&wasm)?);
    let (js_bytes, wasm_bytes, hash) = served(&String::from_utf8_lossy(&js_bytes), &wasm_bytes, &wasm)?;
    std::fs::write(staging.join(&js), &js_bytes).map_err(|e| format!("{js}: {e}"))?;
    std::fs::write(staging.join(&wasm), &wasm_bytes).map_err(|e| format!("{wasm}: {e}"))?;
    for old in list_files(staging)?.iter().filter(|n| n.starts_with(ENGINE)) {
        std::fs::remove_file(staging.join(old)).map_err(|e| format!("{old}: {e}"))?;
    }
    let stem = format!("{ENGINE}{hash:016x}");
    for (from, to) in [(js, format!("{stem}.js")), (wasm, format!("{stem}_bg.wasm"))] {
        std::fs::rename(staging.join(&from), staging.join(&to)).map_err(|e| format!("{from} -> {to}: {e}"))?;
    }
    let _ = std::fs::remove_file(staging.join(format!("{ENGINE_FROM_TRUNK}.d.ts")));
    Ok(())
}

/// A wasm-bindgen glue and its module (`wasm`, named `name` in errors) as
/// the build serves them: the glue compacted, its long strings left to the
/// browser, the module's imports and exports renamed in both; and the hash of both
/// (module, then glue), which names them.
fn served(glue: &str, wasm: &[u8], name: &str) -> Result<(Vec<u8>, Vec<u8>, u64), String> {
    let glue = long_strings_natively(&compact_glue(glue))?;
    let (glue, wasm) = imports::shorten(&glue, wasm).map_err(|e| format!("{name}: {e}"))?;
    let (glue, wasm) = imports::shorten_exports(&glue, &wasm).map_err(|e| format!("{name}: {e}"))?;
    let mut h = Fnv::default();
    h.write(&wasm);
    h.write(glue.as_bytes());
    Ok((glue.into_bytes(), wasm, h.0))
}

fn find_outputs(names: &[String]) -> Result<Outputs, String> {
    let one = |what: &str, ok: &dyn Fn(&str) -> bool| -> Result<String, String> {
        let found: Vec<&String> = names.iter().filter(|n| !n.contains('/') && ok(n)).collect();
        match found.as_slice() {
            [one] => Ok((*one).clone()),
            _ => Err(format!("expected exactly one {what} in the build, found {found:?}")),
        }
    };
    // The UI's files as scripts/build-ui.sh writes them (wasm-bindgen's
    // names), or as Trunk or an earlier run of the bundle named them.
    let ui = |n: &str| n.starts_with("cornerstone-") && !n.starts_with(ENGINE);
    Ok(Outputs {
        glue: one("cornerstone-<hash>.js", &|n| n == "cornerstone.js" || ui(n) && is_hashed(n, ".js"))?,
        wasm: one("cornerstone-<hash>_bg.wasm", &|n| n == "cornerstone_bg.wasm" || ui(n) && is_hashed(n, "_bg.wasm"))?,
        css: one("main-<hash>.css", &|n| n.starts_with("main-") && is_hashed(n, ".css"))?,
        engine_glue: one("cornerstone-engine-<hash>.js", &|n| n.starts_with(ENGINE) && is_hashed(n, ".js"))?,
        engine_wasm: one("cornerstone-engine-<hash>_bg.wasm", &|n| n.starts_with(ENGINE) && is_hashed(n, "_bg.wasm"))?,
    })
}

/// A script the build writes (the two wasm-bindgen glues, the loader, the
/// embed, the worker) without what only a reader needs: the lines that are
/// wholly comments (the glue's JSDoc is for editors, and the sources keep
/// every comment) and the indentation. The UI's glue loses 2.9 KB of its
/// gzip, on the first load. Line by line, so a script with a line that
/// opens a string or template literal it does not close (its next lines'
/// spaces would be text) is left as it is.
fn compact_glue(js: &str) -> String {
    let mut out = String::with_capacity(js.len());
    let mut in_comment = false;
    for line in js.lines() {
        let code = line.trim();
        if in_comment {
            match code.find("*/") {
                None => {}
                Some(end) if end + 2 == code.len() => in_comment = false,
                // Code after the comment on its closing line: left as it is.
                Some(_) => return js.to_string(),
            }
            continue;
        }
        let whole_comment = match code.strip_prefix("/*") {
            Some(rest) => match rest.find("*/") {
                None => {
                    in_comment = true;
                    true
                }
                Some(end) => end + 2 == rest.len(),
            },
            None => code.starts_with("//") || code.is_empty(),
        };
        if whole_comment {
            continue;
        }
        if opens_a_string(code) {
            return js.to_string();
        }
        out.push_str(code);
        out.push('\n');
    }
    out
}

/// The loop of wasm-bindgen's `passStringToWasm0` (how every string goes
/// into a module: a draft, a name, a message) that copies a string's
/// leading ASCII one character at a time, in JavaScript, before the
/// browser's `TextEncoder.encodeInto` does the rest; kept here for short
/// strings only, where it saves a call. A draft of ASCII went through it
/// whole: in Node the engine's `analyzeJson` took 8% longer on the
/// 154-word reply and on 10,143 words, 12% longer on 1,018 words
/// (`compare.mjs`, session 39). The glue's other strings are unchanged, and
/// the result the same: `encodeInto` writes the UTF-8 the loop would have.
/// (A long string then takes the glue's path for non-ASCII text: room for
/// three bytes a character, shrunk after, so the module's memory reaches
/// about three times the longest draft passed in, as a non-ASCII draft's
/// already did.)
const ASCII_LOOP: &str = "for (; offset < len; offset++) {";
const ASCII_LOOP_SHORT: &str = "for (; offset < len && len < 64; offset++) {";

/// `js` (a compacted wasm-bindgen glue) with [`ASCII_LOOP`] kept for short
/// strings; an error if its `passStringToWasm0` has not exactly one such
/// loop (a wasm-bindgen other than the pinned one), so that this is looked
/// at again. A glue without that function is left as it is.
fn long_strings_natively(js: &str) -> Result<String, String> {
    if !js.contains("function passStringToWasm0(") || js.contains(ASCII_LOOP_SHORT) {
        return Ok(js.to_string());
    }
    match js.matches(ASCII_LOOP).count() {
        1 => Ok(js.replacen(ASCII_LOOP, ASCII_LOOP_SHORT, 1)),
        n => Err(format!(
            "wasm-bindgen's passStringToWasm0 has {n} copies of the loop `{ASCII_LOOP}`, not one: \
             update long_strings_natively in crates/bundle for this wasm-bindgen"
        )),
    }
}

/// Whether a line of JavaScript ends inside a string or template literal
/// (or what looks like one: a quote in a regular expression counts).
fn opens_a_string(line: &str) -> bool {
    let mut quote = None;
    let mut bytes = line.bytes().peekable();
    while let Some(b) = bytes.next() {
        match (quote, b) {
            (Some(_), b'\\') => {
                bytes.next();
            }
            (Some(q), b) if b == q => quote = None,
            (Some(_), _) => {}
            (None, b'"' | b'\'' | b'`') => quote = Some(b),
            // A comment to the end of the line.
            (None, b'/') if bytes.peek() == Some(&b'/') => break,
            (None, _) => {}
        }
    }
    quote.is_some()
}

/// Whether `name` is a chunk of the UI's module as the build serves it.
fn is_served_chunk(name: &str) -> bool {
    name.starts_with(split::PREFIX) && !name.contains('/') && is_hashed(name, ".wasm")
}

/// Names the UI's chunks (as scripts/build-ui.sh wrote them, among `names`)
/// by their bytes, and returns `glue` with the splitter's script written
/// into it, loading them under those names (see `split.rs`). The
/// splitter's files, and any chunk of an earlier run, go.
fn link_chunks(staging: &Path, names: &[String], glue: &str) -> Result<String, String> {
    let mut renamed = BTreeMap::new();
    let mut chunks = Vec::new();
    for raw in names.iter().filter(|n| split::is_chunk(n)) {
        let bytes = std::fs::read(staging.join(raw)).map_err(|e| format!("{raw}: {e}"))?;
        renamed.insert(raw.clone(), split::served_name(raw, fnv64(&bytes)));
        chunks.push((raw, bytes));
    }
    let script = std::fs::read_to_string(staging.join(split::SCRIPT)).map_err(|e| format!("{}: {e}", split::SCRIPT))?;
    let glue = split::inline(glue, &script, &renamed)?;
    for old in names.iter().filter(|n| is_served_chunk(n)) {
        std::fs::remove_file(staging.join(old)).map_err(|e| format!("{old}: {e}"))?;
    }
    for (raw, bytes) in &chunks {
        let to = &renamed[*raw];
        std::fs::write(staging.join(to), bytes).map_err(|e| format!("{to}: {e}"))?;
        std::fs::remove_file(staging.join(raw)).map_err(|e| format!("{raw}: {e}"))?;
    }
    std::fs::remove_file(staging.join(split::SCRIPT)).map_err(|e| format!("{}: {e}", split::SCRIPT))?;
    Ok(glue)
}

/// `prefix-<hex>suffix`, as Trunk names hashed files.
fn is_hashed(name: &str, suffix: &str) -> bool {
    let Some(stem) = name.strip_suffix(suffix) else { return false };
    let Some((_, hash)) = stem.rsplit_once('-') else { return false };
    hash.len() >= 8 && hash.bytes().all(|b| b.is_ascii_hexdigit())
}

fn bundle(staging: &Path, templates: &Path) -> Result<String, String> {
    let read = |p: &Path| std::fs::read(p).map_err(|e| format!("{}: {e}", p.display()));
    let read_text = |p: &Path| std::fs::read_to_string(p).map_err(|e| format!("{}: {e}", p.display()));
    let write = |name: &str, bytes: &[u8]| {
        let p = staging.join(name);
        std::fs::write(&p, bytes).map_err(|e| format!("{}: {e}", p.display()))
    };

    name_engine(staging)?;
    // Leftovers of an earlier run in the same folder are not part of this build.
    let mut names = list_files(staging)?;
    names.retain(|n| n != STANDALONE && n != SERVICE_WORKER && !n.starts_with("boot-") && !n.starts_with(INPLACE));
    let mut out = find_outputs(&names)?;
    let mut glue = read_text(&staging.join(&out.glue))?;
    if staging.join(split::SCRIPT).exists() {
        glue = link_chunks(staging, &names, &glue)?;
    }
    let (glue, wasm, hash) = served(&glue, &read(&staging.join(&out.wasm))?, &out.wasm)?;
    // Named by what is served, not by what Trunk wrote: a build whose Rust
    // is unchanged but whose bundler renames differently must not reuse the
    // names (a cached glue from one with a module from the other would not
    // instantiate).
    let stem = format!("cornerstone-{hash:016x}");
    let (new_glue, new_wasm) = (format!("{stem}.js"), format!("{stem}_bg.wasm"));
    write(&new_glue, &glue)?;
    write(&new_wasm, &wasm)?;
    for old in [&out.glue, &out.wasm] {
        if *old != new_glue && *old != new_wasm {
            std::fs::remove_file(staging.join(old)).map_err(|e| format!("{old}: {e}"))?;
        }
    }
    (out.glue, out.wasm) = (new_glue, new_wasm);
    let frame_messages = cornerstone_protocol::Kind::js_table();
    // How a page starts the engine, written once for every page that does.
    let engine_start = compact_glue(&read_text(&templates.join("engine-start.js"))?);
    let fill = |template: &str| {
        template
            .replace("__ENGINE_START__", &engine_start)
            .replace("__ENGINE_GLUE__", &out.engine_glue)
            .replace("__ENGINE_WASM__", &out.engine_wasm)
            .replace("__GLUE__", &out.glue)
            .replace("__WASM__", &out.wasm)
            .replace("__CSS__", &out.css)
            .replace("__FRAME_MESSAGES__", &frame_messages)
    };

    let boot = compact_glue(&filled("boot.js", fill(&read_text(&templates.join("boot.js"))?))?);
    let boot_name = format!("boot-{:016x}.js", fnv64(boot.as_bytes()));
    write(&boot_name, boot.as_bytes())?;
    let modules = inplace_modules(&read_folder(&templates.join("inplace"))?)?;
    for (name, module) in &modules {
        write(&module.output, filled(&format!("inplace/{name}"), module.text.clone())?.as_bytes())?;
    }
    let embed = link_modules(&fill(&read_text(&templates.join("embed.js"))?), "./inplace/", &modules)?;
    write("cornerstone-embed.js", compact_glue(&filled("embed.js", embed)?).as_bytes())?;
    let worker = filled("worker.js", fill(&read_text(&templates.join("worker.js"))?))?;
    write(WORKER, compact_glue(&worker).as_bytes())?;

    let index = read_text(&staging.join("index.html"))?;
    let index = loader_in_index(&index, &boot_name, &out)?;
    write("index.html", index.as_bytes())?;

    // The single file, from the page as served.
    let css = read_text(&staging.join(&out.css))?;
    let glue = read_text(&staging.join(&out.glue))?;
    let wasm = read(&staging.join(&out.wasm))?;
    let engine = (read_text(&staging.join(&out.engine_glue))?, read(&staging.join(&out.engine_wasm))?);
    let icon = read_text(&staging.join("icon.svg")).unwrap_or_default();
    // The chunks in the page too, taken from it instead of fetched.
    let mut chunks = Vec::new();
    for name in list_files(staging)?.into_iter().filter(|n| is_served_chunk(n)) {
        let bytes = read(&staging.join(&name))?;
        chunks.push((name, bytes));
    }
    let glue = split::from_bytes(&glue, &chunks, base64)?;
    let page = standalone(&index, &css, (&glue, &wasm), (&engine.0, &engine.1), &icon, &engine_start)?;
    write(STANDALONE, page.as_bytes())?;

    // Every file of the build, under a version that changes when any does.
    let mut files = list_files(staging)?;
    files.retain(|n| n != STANDALONE && n != SERVICE_WORKER);
    files.sort();
    let mut version = Fnv::default();
    for name in &files {
        version.write(name.as_bytes());
        version.write(&read(&staging.join(name))?);
    }
    let mut listed = vec!["./".to_string()];
    listed.extend(files.iter().cloned());
    let sw = read_text(&templates.join("sw.js"))?
        .replace("__VERSION__", &format!("{:016x}", version.0))
        .replace("__FILES__", &json_strings(&listed));
    let sw = filled("sw.js", sw)?;
    write(SERVICE_WORKER, sw.as_bytes())?;
    Ok(format!(
        "loader {boot_name}, the UI's module and {} chunks, embed, service worker ({} files, version {:016x}), \
         {STANDALONE} ({} KB)",
        chunks.len(),
        listed.len(),
        version.0,
        std::fs::metadata(staging.join(STANDALONE)).map(|m| m.len() / 1024).unwrap_or(0)
    ))
}

/// `text`, the template `name` once filled in, if no placeholder is left in
/// it: a `__NAME__` or `__NAME:detail__` token (capitals, digits and `_`)
/// that no step replaced would reach the browser as a broken URL or a
/// syntax error, so the build fails naming the file and the token.
fn filled(name: &str, text: String) -> Result<String, String> {
    match leftover_placeholder(&text) {
        Some((line, token)) => {
            Err(format!("assets/templates/{name}, line {line}: placeholder {token} was left unfilled"))
        }
        None => Ok(text),
    }
}

/// The first `__NAME__` / `__NAME:detail__` token in `text` and its line.
fn leftover_placeholder(text: &str) -> Option<(usize, &str)> {
    for (n, line) in text.lines().enumerate() {
        let mut rest = line;
        while let Some(at) = rest.find("__") {
            let after = &rest[at + 2..];
            let name_len =
                after.bytes().take_while(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || *b == b'_').count();
            let starts_upper = after.as_bytes().first().is_some_and(|b| b.is_ascii_uppercase());
            if starts_upper && name_len > 0 {
                // `__NAME__`: the name's own trailing `__` closes it.
                let name = &after[..name_len];
                if let Some(stem) = name.strip_suffix("__") {
                    if !stem.is_empty() && !stem.ends_with('_') {
                        return Some((n + 1, &rest[at..at + 2 + name_len]));
                    }
                }
                // `__NAME:detail__`.
                if after[name_len..].starts_with(':') {
                    if let Some(close) = after[name_len..].find("__") {
                        let detail = &after[name_len + 1..name_len + close];
                        if !detail.is_empty() && !detail.contains(char::is_whitespace) {
                            return Some((n + 1, &rest[at..at + 2 + name_len + close + 2]));
                        }
                    }
                }
            }
            rest = after;
        }
    }
    None
}

/// The prefix of the in-place modules' file names in the build.
const INPLACE: &str = "inplace-";

/// One in-place module as written to the build.
#[derive(Debug)]
struct Module {
    /// `inplace-<name>-<hash>.js`, named by its content (imports included),
    /// so a new build never mixes with an old one.
    output: String,
    text: String,
}

/// The files of a folder (not its subfolders) by name.
fn read_folder(dir: &Path) -> Result<BTreeMap<String, String>, String> {
    let mut files = BTreeMap::new();
    for entry in std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))? {
        let path = entry.map_err(|e| e.to_string())?.path();
        if path.is_file() {
            let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            files.insert(name, std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?);
        }
    }
    Ok(files)
}

/// The in-place modules (`*.js` of `files`), each with its stylesheets
/// (`'__CSS:<name>.css__'`, replaced by the file's text as a string literal:
/// the module builds a constructed stylesheet from it, which a strict CSP
/// allows) and its imports of the others (`'./<name>.js'`) pointing at their
/// hashed names. Keyed by source name.
fn inplace_modules(files: &BTreeMap<String, String>) -> Result<BTreeMap<String, Module>, String> {
    fn visit(
        name: &str,
        files: &BTreeMap<String, String>,
        done: &mut BTreeMap<String, Module>,
        stack: &mut Vec<String>,
    ) -> Result<(), String> {
        if done.contains_key(name) {
            return Ok(());
        }
        if stack.iter().any(|n| n == name) {
            return Err(format!("in-place modules import each other in a circle: {} -> {name}", stack.join(" -> ")));
        }
        stack.push(name.to_string());
        let mut text = files[name].clone();
        for (css, rules) in files.iter().filter(|(n, _)| n.ends_with(".css")) {
            text = text.replace(&format!("'__CSS:{css}__'"), &json_string(rules));
        }
        if let Some(at) = text.find("'__CSS:") {
            let missing = text[at + 7..].split("__'").next().unwrap_or_default();
            return Err(format!("inplace/{name} uses a stylesheet that is not there: {missing}"));
        }
        let deps: Vec<String> =
            files.keys().filter(|d| d.ends_with(".js") && text.contains(&format!("'./{d}'"))).cloned().collect();
        for dep in &deps {
            visit(dep, files, done, stack)?;
            text = text.replace(&format!("'./{dep}'"), &format!("'./{}'", done[dep].output));
        }
        stack.pop();
        let stem = name.trim_end_matches(".js");
        let output = format!("{INPLACE}{stem}-{:016x}.js", fnv64(text.as_bytes()));
        done.insert(name.to_string(), Module { output, text });
        Ok(())
    }
    let mut done = BTreeMap::new();
    for name in files.keys().filter(|n| n.ends_with(".js")) {
        visit(name, files, &mut done, &mut Vec::new())?;
    }
    Ok(done)
}

/// `text` with its imports of in-place modules (`'<prefix><name>.js'`)
/// pointing at their hashed names; an import of a module that is not there
/// is an error.
fn link_modules(text: &str, prefix: &str, modules: &BTreeMap<String, Module>) -> Result<String, String> {
    let mut text = text.to_string();
    for (name, module) in modules {
        text = text.replace(&format!("'{prefix}{name}'"), &format!("'./{}'", module.output));
    }
    match text.find(&format!("'{prefix}")) {
        Some(at) => {
            Err(format!("an import of a missing in-place module: {}", &text[at..].lines().next().unwrap_or("")))
        }
        None => Ok(text),
    }
}

/// Paths of all files under `dir`, relative and with `/` separators.
fn list_files(dir: &Path) -> Result<Vec<String>, String> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let entries = std::fs::read_dir(&d).map_err(|e| format!("{}: {e}", d.display()))?;
        for entry in entries {
            let path = entry.map_err(|e| e.to_string())?.path();
            if path.is_dir() {
                stack.push(path);
            } else if let Ok(rel) = path.strip_prefix(dir) {
                out.push(rel.to_string_lossy().replace('\\', "/"));
            }
        }
    }
    out.sort();
    Ok(out)
}

/// Replaces Trunk's leftover `<link data-trunk rel="rust" …>` (it injects
/// nothing with `inject_scripts = false`) with preload hints and the
/// external loader; drops any other such link left (the engine's).
fn loader_in_index(index: &str, boot: &str, out: &Outputs) -> Result<String, String> {
    const LINK: &str = "<link data-trunk rel=\"rust\"";
    let start = index.find(LINK).ok_or("index.html: no <link data-trunk rel=\"rust\"> left")?;
    let end = start + index[start..].find('>').ok_or("index.html: unterminated rust link")? + 1;
    let mut index = index.to_string();
    while let Some(other) = index[end..].find(LINK).map(|at| end + at) {
        let close = other + index[other..].find('>').ok_or("index.html: unterminated rust link")? + 1;
        let line_start = index[..other].rfind('\n').filter(|&n| index[n + 1..other].trim().is_empty());
        index.replace_range(line_start.unwrap_or(other)..close, "");
    }
    // The engine's files at a low priority: they must not slow the UI's.
    let tags = format!(
        "<link rel=\"modulepreload\" href=\"./{glue}\">\n  \
         <link rel=\"preload\" href=\"./{wasm}\" as=\"fetch\" type=\"application/wasm\" crossorigin>\n  \
         <script type=\"module\" src=\"./{boot}\"></script>\n  \
         <link rel=\"modulepreload\" href=\"./{engine_glue}\" fetchpriority=\"low\">\n  \
         <link rel=\"preload\" href=\"./{engine_wasm}\" as=\"fetch\" type=\"application/wasm\" crossorigin \
         fetchpriority=\"low\">",
        glue = out.glue,
        wasm = out.wasm,
        engine_glue = out.engine_glue,
        engine_wasm = out.engine_wasm,
    );
    Ok(format!("{}{}{}", &index[..start], tags, &index[end..]))
}

/// The page with everything inlined: it needs no other file and no server.
/// (A page opened from disk may not load modules or fetch files, but it may
/// run an inline module and compile WebAssembly from bytes.) `ui` and
/// `engine` are each module's glue and WebAssembly: two inline modules,
/// the UI's first; whichever is ready last hands the engine over.
fn standalone(
    index: &str,
    css: &str,
    (glue, wasm): (&str, &[u8]),
    (engine_glue, engine_wasm): (&str, &[u8]),
    icon_svg: &str,
    engine_start: &str,
) -> Result<String, String> {
    let size = index.len() + css.len() + glue.len() + engine_glue.len() + (wasm.len() + engine_wasm.len()) * 4 / 3;
    let mut page = String::with_capacity(size + 2048);
    for line in index.lines() {
        let t = line.trim_start();
        let drop = t.starts_with("<link rel=\"modulepreload\"")
            || t.starts_with("<link rel=\"preload\"")
            || t.starts_with("<link rel=\"manifest\"")
            || t.starts_with("<link rel=\"apple-touch-icon\"")
            || t.starts_with("<script type=\"module\" src=");
        if drop {
            continue;
        }
        if t.starts_with("<link rel=\"icon\"") {
            let _ = writeln!(
                page,
                "  <link rel=\"icon\" href=\"data:image/svg+xml;base64,{}\">",
                base64(icon_svg.as_bytes())
            );
        } else if t.starts_with("<link rel=\"stylesheet\"") {
            let _ = writeln!(page, "  <style>\n{}\n  </style>", css.replace("</style", "<\\/style"));
        } else if t.starts_with("</body>") {
            // The two modules meet through one global: the engine's exports
            // once it is initialised, or the UI's hand-over waiting for them.
            // Each module script starts with the engine's start (see
            // assets/templates/engine-start.js): the engine starts once the
            // app has been painted, as the loader does.
            let _ = writeln!(page, "<script type=\"module\">\n{}", glue.replace("</script", "<\\/script"));
            page.push_str(engine_start);
            page.push_str("\nconst bytes = Uint8Array.from(atob(\"");
            page.push_str(&base64(wasm));
            page.push_str(
                "\"), (c) => c.charCodeAt(0));\nawait __wbg_init({ module_or_path: bytes });\nstart_app(null);\n\
                 const meet = (globalThis.__cornerstoneStandalone ??= {});\n\
                 await whenPainted();\n\
                 if (meet.painted) meet.painted(); else meet.wasPainted = true;\n\
                 if (meet.engine) useEngine(meet.engine);\n\
                 else if (meet.error) engineFailed(meet.error);\n\
                 else Object.assign(meet, { take: useEngine, fail: engineFailed });\n</script>\n",
            );
            let _ = writeln!(page, "<script type=\"module\">\n{}", engine_glue.replace("</script", "<\\/script"));
            page.push_str(engine_start);
            page.push_str(
                "\nconst meet = (globalThis.__cornerstoneStandalone ??= {});\n\
                 if (!meet.wasPainted) await new Promise((resolve) => { meet.painted = resolve; });\n\
                 const bytes = Uint8Array.from(atob(\"",
            );
            page.push_str(&base64(engine_wasm));
            page.push_str(
                "\"), (c) => c.charCodeAt(0));\n\
                 try {\n\
                 \x20 await __wbg_init({ module_or_path: bytes });\n\
                 \x20 await prepareEngine({ prepareStep });\n\
                 \x20 const engine = { Analyzer, rulesLabel, compiledModule };\n\
                 \x20 if (meet.take) meet.take(engine); else meet.engine = engine;\n\
                 } catch (e) {\n\
                 \x20 console.error('Cornerstone could not load its engine: no hints can be shown.', e);\n\
                 \x20 const why = String(e?.message ?? e);\n\
                 \x20 if (meet.fail) meet.fail(why); else meet.error = why;\n\
                 }\n</script>\n",
            );
            page.push_str(line);
            page.push('\n');
        } else {
            page.push_str(line);
            page.push('\n');
        }
    }
    let defines = |glue: &str, names: &[&str]| names.iter().all(|n| glue.contains(n));
    let ui_names = [
        "async function __wbg_init(",
        "export function start_app(",
        "export function useEngine(",
        "export function engineFailed(",
    ];
    if !defines(glue, &ui_names) {
        return Err("the UI's wasm-bindgen glue no longer defines __wbg_init, start_app, useEngine and engineFailed; \
                    update the standalone loader"
            .into());
    }
    let engine_names = [
        "async function __wbg_init(",
        "export class Analyzer",
        "export function rulesLabel(",
        "export function compiledModule(",
        "export function prepareStep(",
    ];
    if !defines(engine_glue, &engine_names) {
        return Err("the engine's wasm-bindgen glue no longer defines __wbg_init, Analyzer, rulesLabel, \
                    compiledModule and prepareStep; update the standalone loader"
            .into());
    }
    Ok(page)
}

fn json_strings(items: &[String]) -> String {
    let quoted: Vec<String> = items.iter().map(|s| json_string(s)).collect();
    format!("[{}]", quoted.join(", "))
}

/// `s` as a JSON string literal, which is also a JavaScript one.
fn json_string(s: &str) -> String {
    let mut q = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => q.push_str("\\\""),
            '\\' => q.push_str("\\\\"),
            c if (c as u32) < 0x20 => {
                let _ = write!(q, "\\u{:04x}", c as u32);
            }
            c => q.push(c),
        }
    }
    q.push('"');
    q
}

fn base64(bytes: &[u8]) -> String {
    const ABC: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n =
            (chunk[0] as u32) << 16 | (*chunk.get(1).unwrap_or(&0) as u32) << 8 | *chunk.get(2).unwrap_or(&0) as u32;
        let sextets = [n >> 18, n >> 12, n >> 6, n];
        for (i, s) in sextets.iter().enumerate() {
            if i <= chunk.len() {
                out.push(ABC[(s & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// FNV-1a, 64 bits: a content fingerprint for file names and the cache
/// version (not a security measure).
struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Fnv {
        Fnv(0xcbf29ce484222325)
    }
}

impl Fnv {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= b as u64;
            self.0 = self.0.wrapping_mul(0x100000001b3);
        }
    }
}

fn fnv64(bytes: &[u8]) -> u64 {
    let mut h = Fnv::default();
    h.write(bytes);
    h.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_strings_go_into_the_module_through_the_browsers_encoder() {
        let glue = "function passStringToWasm0(arg, malloc, realloc) {\nlet offset = 0;\n\
                    for (; offset < len; offset++) {\nconst code = arg.charCodeAt(offset);\n}\n}\n";
        let done = long_strings_natively(glue).unwrap();
        assert_eq!(done, glue.replace("offset < len;", "offset < len && len < 64;"));
        assert_eq!(long_strings_natively(&done).unwrap(), done, "a second run changes nothing");
        assert_eq!(long_strings_natively("export function f() {}\n").unwrap(), "export function f() {}\n");
        let changed = "function passStringToWasm0(arg, malloc, realloc) {\nwhile (offset < len) {}\n}\n";
        assert!(long_strings_natively(changed).unwrap_err().contains("update long_strings_natively"));
    }

    #[test]
    fn the_glue_loses_its_comment_lines_and_indentation_and_nothing_else() {
        let glue = "/* @ts-self-types=\"./c.d.ts\" */\n\nexport class Attachment {\n    /**\n     * Removes the panel.\n     */\n    detach() {\n        // Cast intrinsic for `Closure`.\n        const s = \"it's // not a comment\"; /* kept */ f(s);\n        return `${s}`; // it's a comment\n    }\n}\n";
        assert_eq!(
            compact_glue(glue),
            "export class Attachment {\ndetach() {\nconst s = \"it's // not a comment\"; /* kept */ f(s);\nreturn `${s}`; // it's a comment\n}\n}\n"
        );
        // A string or template literal going on to the next line: the next
        // lines' indentation is text, so the glue is left as it is.
        let multiline = "const t = `a\n    b`;\n";
        assert_eq!(compact_glue(multiline), multiline);
        let continued = "  const t = 'a\\\n    b';\n";
        assert_eq!(compact_glue(continued), continued);
        // Code after a comment on the comment's closing line: as it is.
        let after = "/**\n * Doc.\n */ export const a = 1;\nexport const b = 2;\n";
        assert_eq!(compact_glue(after), after);
    }

    #[test]
    fn base64_matches_the_standard_alphabet_and_padding() {
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foo"), "Zm9v");
        assert_eq!(base64(b"foobar"), "Zm9vYmFy");
        assert_eq!(base64(&[0xff, 0xfe, 0x00]), "//4A");
    }

    #[test]
    fn finds_trunks_hashed_outputs_and_refuses_ambiguity() {
        let names: Vec<String> =
            ["cornerstone-49643c3e88da910c.js", "cornerstone-49643c3e88da910c_bg.wasm", "main-54f9d233a67d7793.css"]
                .into_iter()
                .chain(["cornerstone-engine-0123456789abcdef.js", "cornerstone-engine-0123456789abcdef_bg.wasm"])
                .chain(["cornerstone-embed.js", "cornerstone.rules.schema.json", "examples/intranet.js"])
                .map(String::from)
                .collect();
        let out = find_outputs(&names).unwrap();
        assert_eq!(out.glue, "cornerstone-49643c3e88da910c.js");
        assert_eq!(out.wasm, "cornerstone-49643c3e88da910c_bg.wasm");
        assert_eq!(out.css, "main-54f9d233a67d7793.css");
        assert_eq!(out.engine_glue, "cornerstone-engine-0123456789abcdef.js");
        assert_eq!(out.engine_wasm, "cornerstone-engine-0123456789abcdef_bg.wasm");
        let mut two = names.clone();
        two.push("cornerstone-0123456789abcdef.js".into());
        assert!(find_outputs(&two).unwrap_err().contains("exactly one cornerstone-<hash>.js"));
    }

    #[test]
    fn the_index_gets_an_external_loader_and_no_inline_script() {
        let out = Outputs {
            glue: "c-1.js".into(),
            wasm: "c-1_bg.wasm".into(),
            css: "m.css".into(),
            engine_glue: "e-2.js".into(),
            engine_wasm: "e-2_bg.wasm".into(),
        };
        let index = "<head>\n  <link data-trunk rel=\"rust\" data-wasm-opt=\"z\" data-trunk-id=\"0\" />\n  \
                     <link data-trunk rel=\"rust\" href=\"crates/web-engine\" data-type=\"worker\" />\n</head>";
        let got = loader_in_index(index, "boot-9.js", &out).unwrap();
        assert_eq!(
            got,
            "<head>\n  <link rel=\"modulepreload\" href=\"./c-1.js\">\n  <link rel=\"preload\" href=\"./c-1_bg.wasm\" \
             as=\"fetch\" type=\"application/wasm\" crossorigin>\n  <script type=\"module\" src=\"./boot-9.js\"></script>\n  \
             <link rel=\"modulepreload\" href=\"./e-2.js\" fetchpriority=\"low\">\n  <link rel=\"preload\" \
             href=\"./e-2_bg.wasm\" as=\"fetch\" type=\"application/wasm\" crossorigin fetchpriority=\"low\">\n</head>"
        );
    }

    #[test]
    fn the_standalone_page_inlines_style_script_and_wasm() {
        let index = "<head>\n  <link rel=\"icon\" href=\"icon.svg\">\n  <link rel=\"manifest\" href=\"m\">\n  \
                     <link rel=\"stylesheet\" href=\"./m.css\"/>\n  <script type=\"module\" src=\"./boot.js\"></script>\n\
                     </head>\n<body>\n</body>";
        let glue =
            "async function __wbg_init(x) {}\nexport function start_app(r) {}\nexport function useEngine(e) {}\n\
                    export function engineFailed(w) {}\n// </script>";
        let engine = "async function __wbg_init(x) {}\nexport class Analyzer {}\nexport function rulesLabel(j) {}\n\
                      export function compiledModule() {}\nexport function prepareStep(s) {}";
        let page =
            standalone(index, "p { color: red }", (glue, b"\0asm"), (engine, b"\0asm\x01"), "<svg/>", "").unwrap();
        assert!(page.contains("<style>\np { color: red }\n  </style>"));
        assert!(page.contains("<link rel=\"icon\" href=\"data:image/svg+xml;base64,PHN2Zy8+\">"));
        assert!(page.contains("atob(\"AGFzbQ==\")"));
        assert!(page.contains("atob(\"AGFzbQE=\")"), "the engine's module is inlined too");
        assert!(
            page.find("export function start_app").unwrap() < page.find("export class Analyzer").unwrap(),
            "the UI's module comes first"
        );
        assert!(page.contains("// <\\/script>"), "a closing script tag in the glue is escaped");
        assert!(!page.contains("manifest") && !page.contains("src=\"./boot.js\"") && !page.contains("m.css"));
        assert!(standalone(index, "", ("renamed()", b""), (engine, b""), "", "").is_err());
        assert!(standalone(index, "", (glue, b""), ("renamed()", b""), "", "").is_err());
    }

    #[test]
    fn in_place_modules_get_hashed_names_their_imports_and_their_stylesheets() {
        let files: BTreeMap<String, String> = [
            ("a.js", "import { b } from './b.js';\nconst CSS = '__CSS:a.css__';"),
            ("b.js", "export const b = 1;"),
            ("a.css", "p::before { content: \"\\201C\" }\n"),
        ]
        .into_iter()
        .map(|(n, t)| (n.to_string(), t.to_string()))
        .collect();
        let modules = inplace_modules(&files).unwrap();
        let (a, b) = (&modules["a.js"], &modules["b.js"]);
        assert!(b.output.starts_with("inplace-b-") && is_hashed(&b.output, ".js"), "{}", b.output);
        assert_eq!(
            a.text,
            format!(
                "import {{ b }} from './{}';\nconst CSS = \"p::before {{ content: \\\"\\\\201C\\\" }}\\u000a\";",
                b.output
            )
        );
        let embed = link_modules("import x from './inplace/a.js';", "./inplace/", &modules).unwrap();
        assert_eq!(embed, format!("import x from './{}';", a.output));
        assert!(link_modules("import x from './inplace/gone.js';", "./inplace/", &modules)
            .unwrap_err()
            .contains("gone.js"));

        let mut circle = files.clone();
        circle.insert("b.js".into(), "import './a.js';".into());
        assert!(inplace_modules(&circle).unwrap_err().contains("circle"));
        let mut missing = files.clone();
        missing.remove("a.css");
        assert!(inplace_modules(&missing).unwrap_err().contains("a.css"));
    }

    #[test]
    fn a_placeholder_left_unfilled_fails_the_build_naming_file_and_token() {
        let err = filled("embed.js", "import init from './c-1.js';\nconst url = new URL('__WASM__', here);".into());
        assert_eq!(err.unwrap_err(), "assets/templates/embed.js, line 2: placeholder __WASM__ was left unfilled");
        let err = filled("inplace/card.js", "const CSS_CARD = '__CSS:card.css__';".into());
        assert_eq!(
            err.unwrap_err(),
            "assets/templates/inplace/card.js, line 1: placeholder __CSS:card.css__ was left unfilled"
        );
        assert_eq!(leftover_placeholder("const FILES = __FILES__;"), Some((1, "__FILES__")));
        assert_eq!(leftover_placeholder("x = __FRAME_MESSAGES__;"), Some((1, "__FRAME_MESSAGES__")));
        // What JavaScript itself writes is not a placeholder.
        for fine in ["obj.__proto__", "wasm.__wbindgen_malloc", "__wbg_init(x)", "a__B", "__ __", "x.__A_ b", "__a:b__"]
        {
            assert_eq!(leftover_placeholder(fine), None, "{fine}");
        }
    }

    #[test]
    fn every_template_is_filled_by_the_bundle() {
        // Each real template, filled as `bundle` fills it, keeps no placeholder;
        // a template that gains a new one fails here until the bundler fills it.
        let templates = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../assets/templates");
        let dir = std::env::temp_dir().join(format!("cornerstone-bundle-test-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        for (name, text) in [
            (
                "cornerstone-0123456789abcdef.js",
                "async function __wbg_init(x) {}\nexport function start_app(r) {}\nexport function useEngine(e) {}\n\
                 export function engineFailed(w) {}",
            ),
            // (Modules with no section: nothing to rename.)
            ("cornerstone-0123456789abcdef_bg.wasm", "\0asm\x01\0\0\0"),
            (
                "cornerstone-web-engine.js",
                "async function __wbg_init(x) {}\nexport class Analyzer {}\nexport function rulesLabel(j) {}\n\
                 export function compiledModule() {}\nexport function prepareStep(s) {}",
            ),
            ("cornerstone-web-engine_bg.wasm", "\0asm\x01\0\0\0"),
            ("main-0123456789abcdef.css", "p {}"),
            ("index.html", "<head>\n  <link data-trunk rel=\"rust\" data-wasm-opt=\"z\"/>\n</head>\n<body>\n</body>"),
        ] {
            std::fs::write(dir.join(name), text).unwrap();
        }
        let summary = bundle(&dir, &templates);
        let embed = std::fs::read_to_string(dir.join("cornerstone-embed.js")).unwrap_or_default();
        let worker = std::fs::read_to_string(dir.join(WORKER)).unwrap_or_default();
        let files = list_files(&dir).unwrap_or_default();
        let _ = std::fs::remove_dir_all(&dir);
        summary.unwrap();
        // The UI's two files, named by their contents once bundled; Trunk's
        // names are gone.
        let ui = find_outputs(&files).unwrap();
        assert!(is_hashed(&ui.glue, ".js") && ui.wasm == ui.glue.replace(".js", "_bg.wasm"), "{ui:?}");
        assert!(!files.iter().any(|f| f.starts_with("cornerstone-0123456789abcdef")), "{files:?}");
        let engine: Vec<&String> = files.iter().filter(|f| f.contains("engine")).collect();
        assert_eq!(engine.len(), 2, "the engine's two files, renamed: {engine:?}");
        assert!(engine.iter().all(|f| f.starts_with(ENGINE)), "{engine:?}");
        assert!(worker.contains(&format!("from './{}'", engine[0])), "the worker loads the engine's glue");
        assert!(embed.contains(&cornerstone_protocol::Kind::js_table()), "the embed lists the frame's messages");
    }

    #[test]
    fn a_split_ui_module_is_linked_named_listed_and_put_into_the_single_file() {
        // The staging folder as scripts/build-ui.sh leaves it (wasm-bindgen's
        // and wasm-split-cli's names) beside Trunk's other outputs.
        let templates = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../assets/templates");
        let dir = std::env::temp_dir().join(format!("cornerstone-bundle-split-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let script = "import { initSync } from \"./cornerstone.js\";\n\
                      function shared() { return initSync(undefined, undefined); }\n\
                      const __chunk_3 = load(() => {\nconst src = fetch(new URL(\"./chunk_3.wasm\", import.meta.url));\n\
                      return async (imports) => (WebAssembly.instantiateStreaming(src, imports));\n});\n\
                      export const __wasm_split_load_sections = load(() => {\n\
                      const src = fetch(new URL(\"./split_sections.wasm\", import.meta.url));\n\
                      return async (imports) => (WebAssembly.instantiateStreaming(src, imports));\n});\n";
        for (name, text) in [
            (
                "cornerstone.js",
                "import * as import1 from \"./__wasm_split.js\"\nasync function __wbg_init(x) {}\n\
                 export function start_app(r) {}\nexport function useEngine(e) {}\nexport function engineFailed(w) {}\n\
                 function __wbg_get_imports() {\nreturn {\n\"./__wasm_split.js\": import1,\n};\n}\n\
                 function initSync(module) {}\n",
            ),
            ("cornerstone_bg.wasm", "\0asm\x01\0\0\0"),
            ("__wasm_split.js", script),
            ("split_sections.wasm", "\0asm\x01\0\0\0sections"),
            ("chunk_3.wasm", "\0asm\x01\0\0\0shared"),
            (
                "cornerstone-web-engine.js",
                "async function __wbg_init(x) {}\nexport class Analyzer {}\nexport function rulesLabel(j) {}\n\
                 export function compiledModule() {}\nexport function prepareStep(s) {}",
            ),
            ("cornerstone-web-engine_bg.wasm", "\0asm\x01\0\0\0"),
            ("main-0123456789abcdef.css", "p {}"),
            ("index.html", "<head>\n  <link data-trunk rel=\"rust\" data-trunk-skip/>\n</head>\n<body>\n</body>"),
        ] {
            std::fs::write(dir.join(name), text).unwrap();
        }
        let summary = bundle(&dir, &templates);
        let files = list_files(&dir).unwrap_or_default();
        let read = |name: &str| std::fs::read_to_string(dir.join(name)).unwrap_or_default();
        let ui = find_outputs(&files).map(|o| read(&o.glue));
        let (sw, single) = (read(SERVICE_WORKER), read(STANDALONE));
        let _ = std::fs::remove_dir_all(&dir);
        summary.unwrap();
        let chunks: Vec<&String> = files.iter().filter(|f| is_served_chunk(f)).collect();
        let sections = format!("split-sections-{:016x}.wasm", fnv64(b"\0asm\x01\0\0\0sections"));
        let shared = format!("split-chunk_3-{:016x}.wasm", fnv64(b"\0asm\x01\0\0\0shared"));
        assert_eq!(chunks, [&shared, &sections], "{files:?}");
        for gone in ["cornerstone.js", "cornerstone_bg.wasm", "__wasm_split.js", "split_sections.wasm", "chunk_3.wasm"]
        {
            assert!(!files.iter().any(|f| f == gone), "{gone} left in {files:?}");
        }
        let ui = ui.unwrap();
        assert!(ui.contains(&format!("fetch(new URL(\"./{sections}\", import.meta.url))")), "{ui}");
        assert!(ui.contains("\"./__wasm_split.js\": __wasm_split,") && !ui.contains("import * as"), "{ui}");
        assert!(
            sw.contains(&format!("\"{sections}\"")) && sw.contains(&format!("\"{shared}\"")),
            "the worker caches the chunks"
        );
        assert!(!single.contains("fetch(new URL(\"./split-") && single.contains("new Response(Uint8Array.from(atob("));
    }

    #[test]
    fn lists_are_json() {
        assert_eq!(json_strings(&["./".into(), "a\"b.js".into()]), r#"["./", "a\"b.js"]"#);
    }
}
