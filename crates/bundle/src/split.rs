//! The UI's module in chunks (`scripts/build-ui.sh`: wasm-split's split
//! points, cut out by wasm-split-cli).
//!
//! The splitter writes the chunks (`split_<name>.wasm` for each split
//! point, `chunk_<n>.wasm` for code two of them share) and
//! `__wasm_split.js`, a module that fetches and instantiates them when the
//! main module asks. It imports the glue's `initSync` and the glue imports
//! it: a circle (neither can be named by a hash of its bytes) and a request
//! the page would make only after the glue's (no preload names it). So
//! [`inline`] writes the script into the glue, which then loads the chunks
//! itself, and [`served_name`] names each chunk by its bytes, as the build's
//! other files are named. [`from_bytes`] makes the single-file page's glue
//! take each chunk from the page instead of the network. A chunk served with
//! a type other than `application/wasm` is read whole and instantiated, as
//! wasm-bindgen's glue does for the main module (some static servers).

use std::collections::{BTreeMap, BTreeSet};

/// The script wasm-split-cli writes beside the chunks.
pub const SCRIPT: &str = "__wasm_split.js";
/// How the served chunks' names start (`split-<name>-<hash>.wasm`).
pub const PREFIX: &str = "split-";

/// How the script imports the glue (wasm-bindgen's `--out-name cornerstone`).
const GLUE_IMPORT: &str = "import { initSync } from \"./cornerstone.js\";";
/// How the script asks for the main module's exports the chunks import
/// (the glue's `initSync` returns them once the module is instantiated).
const SHARED: &str = "initSync(undefined, undefined)";
/// How the glue's imports object names the script (the main module's
/// import module for the split points' loaders).
const FROM: &str = "\"./__wasm_split.js\"";
/// How the script fetches a chunk: around its file name.
const FETCH: (&str, &str) = ("fetch(new URL(\"./", "\", import.meta.url))");
/// What the glue's imports object points at instead of the script.
const OBJECT: &str = "__wasm_split";

/// Whether `name` is a chunk as wasm-split-cli names it.
pub fn is_chunk(name: &str) -> bool {
    !name.contains('/') && (name.starts_with("split_") || name.starts_with("chunk_")) && name.ends_with(".wasm")
}

/// The served name of the chunk `raw` (as wasm-split-cli named it) whose
/// bytes hash to `hash`: `split-<name>-<hash>.wasm`, `<name>` being the
/// split point's name (`split_sections.wasm`) or `chunk_<n>`.
pub fn served_name(raw: &str, hash: u64) -> String {
    let stem = raw.trim_end_matches(".wasm");
    let name = stem.strip_prefix("split_").unwrap_or(stem);
    format!("{PREFIX}{name}-{hash:016x}.wasm")
}

/// How the script instantiates a fetched chunk (`src`, the fetch's promise).
const INSTANTIATE: &str = "WebAssembly.instantiateStreaming(src, imports)";
/// What instantiates it instead: also when the server gives the chunk
/// another type than `application/wasm`, which `instantiateStreaming`
/// refuses (read whole then, as wasm-bindgen's glue does for the module).
const CHUNK: &str = "__cornerstoneChunk";
const CHUNK_LOADER: &str = "async function __cornerstoneChunk(src, imports) {
const response = await src;
try {
return await WebAssembly.instantiateStreaming(response, imports);
} catch (e) {
if (!response.ok || response.headers.get(\"Content-Type\") === \"application/wasm\") throw e;
return WebAssembly.instantiate(await response.arrayBuffer(), imports);
}
}
";

/// `glue` (the UI's wasm-bindgen glue, as written) with `script` (the
/// splitter's `__wasm_split.js`) written into it in place of its imports of
/// the script, each chunk fetched under its served name (`names`: from the
/// splitter's name). An error, naming what changed, if either file is not
/// of the shape this knows (another wasm-split-cli or wasm-bindgen), or if
/// the script fetches a chunk not in `names` or leaves one out.
pub fn inline(glue: &str, script: &str, names: &BTreeMap<String, String>) -> Result<String, String> {
    let changed = |what: String| {
        format!("{what}: update crates/bundle/src/split.rs for this wasm-split-cli (scripts/setup.sh pins it)")
    };
    // The script, as code of the glue's own.
    let mut lines = script.lines();
    if lines.next().map(str::trim) != Some(GLUE_IMPORT) {
        return Err(changed(format!("{SCRIPT} does not start with `{GLUE_IMPORT}`")));
    }
    let mut code = String::new();
    let mut exports = Vec::new();
    for line in lines {
        let t = line.trim_start();
        if let Some(rest) = t.strip_prefix("export const ") {
            let name = rest.split(' ').next().unwrap_or_default();
            if name.is_empty() || !rest[name.len()..].starts_with(" = ") {
                return Err(changed(format!("{SCRIPT} has an export of a shape not known: `{t}`")));
            }
            exports.push(name);
            code.push_str("const ");
            code.push_str(rest);
        } else if t.starts_with("import ") || t.starts_with("export ") || t.contains("import(") {
            return Err(changed(format!("{SCRIPT} has an import or export of a shape not known: `{t}`")));
        } else {
            code.push_str(line);
        }
        code.push('\n');
    }
    if exports.is_empty() {
        return Err(changed(format!("{SCRIPT} exports no loader")));
    }
    match code.matches(SHARED).count() {
        1 => code = code.replacen(SHARED, "initSync()", 1),
        n => return Err(changed(format!("{SCRIPT} calls `{SHARED}` {n} times, not once"))),
    }
    let mut fetched = BTreeSet::new();
    let code = rename_fetches(&code, |file| {
        let to = names.get(file).ok_or_else(|| changed(format!("{SCRIPT} fetches {file}, which is not a chunk")))?;
        if !fetched.insert(file.to_string()) {
            return Err(changed(format!("{SCRIPT} fetches {file} twice")));
        }
        Ok(format!("{}{to}{}", FETCH.0, FETCH.1))
    })?;
    if let Some(missing) = names.keys().find(|n| !fetched.contains(*n)) {
        return Err(changed(format!("{SCRIPT} never fetches the chunk {missing}")));
    }
    if code.matches("new URL(").count() != names.len() {
        return Err(changed(format!("{SCRIPT} makes a URL other than its chunks'")));
    }
    if code.matches(INSTANTIATE).count() != names.len() {
        return Err(changed(format!("{SCRIPT} instantiates its chunks other than by `{INSTANTIATE}`")));
    }
    let code = format!("{CHUNK_LOADER}{}", code.replace(INSTANTIATE, &format!("{CHUNK}(src, imports)")));
    // Its names become the glue's: one the glue declares too would be a
    // glue that does not parse.
    let in_glue = declared(glue.lines().map(str::trim_start));
    if let Some(name) = declared(code.lines()).into_iter().find(|n| in_glue.contains(n)) {
        return Err(changed(format!("{SCRIPT} declares `{name}`, which the UI's glue declares too")));
    }

    // The glue: its imports of the script become the script's code, and
    // its imports object names what that code defines.
    if !glue.contains("\nfunction initSync(") {
        return Err(changed("the UI's glue defines no `function initSync(`".into()));
    }
    let mut out = String::with_capacity(glue.len() + code.len());
    let mut ids = Vec::new();
    for line in glue.lines() {
        let t = line.trim().trim_end_matches(';');
        if let Some(id) = t.strip_prefix("import * as ").and_then(|r| r.strip_suffix(&format!(" from {FROM}"))) {
            if ids.is_empty() {
                out.push_str(&code);
                out.push_str(&format!("const {OBJECT} = {{ {} }};\n", exports.join(", ")));
            }
            ids.push(id.to_string());
            continue;
        }
        if let Some(id) = t.strip_prefix(&format!("{FROM}: ")).and_then(|r| r.strip_suffix(',')) {
            match ids.iter().position(|i| i == id) {
                // The first key names the object; wasm-bindgen writes one
                // per import of the module, all the same module.
                Some(0) => out.push_str(&line.replacen(id, OBJECT, 1)),
                Some(_) => continue,
                None => return Err(changed(format!("the UI's glue's imports object names `{id}`, not imported"))),
            }
            out.push('\n');
            continue;
        }
        out.push_str(line);
        out.push('\n');
    }
    if ids.is_empty() {
        return Err(changed(format!("the UI's glue has no `import * as <name> from {FROM}`")));
    }
    if out.matches(FROM).count() != 1 {
        return Err(changed(format!("the UI's glue names {FROM} other than in its imports and imports object")));
    }
    Ok(out)
}

/// `glue` (as served, with [`inline`]'s fetches) taking each chunk of
/// `chunks` (served name, bytes) from its bytes, written into the glue in
/// base64, instead of fetching it: the single-file page may fetch no file.
/// The bytes are decoded only when the chunk is asked for.
pub fn from_bytes(glue: &str, chunks: &[(String, Vec<u8>)], base64: fn(&[u8]) -> String) -> Result<String, String> {
    let mut done = BTreeSet::new();
    let glue = rename_fetches(glue, |file| {
        let (_, bytes) = chunks
            .iter()
            .find(|(name, _)| name == file)
            .ok_or_else(|| format!("the UI's glue fetches {file}, which is not in the build"))?;
        done.insert(file.to_string());
        Ok(format!(
            "Promise.resolve(new Response(Uint8Array.from(atob(\"{}\"), (c) => c.charCodeAt(0)), \
             {{ headers: {{ \"content-type\": \"application/wasm\" }} }}))",
            base64(bytes)
        ))
    })?;
    match chunks.iter().find(|(name, _)| !done.contains(name)) {
        Some((name, _)) => Err(format!("the UI's glue does not fetch the chunk {name}: the single file would lack it")),
        None => Ok(glue),
    }
}

/// The names `lines` declare at their start (`function f`, `const x`, ...).
fn declared<'a>(lines: impl Iterator<Item = &'a str>) -> BTreeSet<&'a str> {
    const KEYWORDS: [&str; 6] = ["function ", "async function ", "let ", "const ", "class ", "var "];
    lines
        .filter_map(|line| KEYWORDS.iter().find_map(|k| line.strip_prefix(k)))
        .map(|rest| &rest[..rest.bytes().take_while(|&b| crate::imports::ident(b)).count()])
        .filter(|name| !name.is_empty())
        .collect()
}

/// `js` with each `fetch(new URL("./<file>", import.meta.url))` replaced
/// by `with(file)`.
fn rename_fetches(js: &str, mut with: impl FnMut(&str) -> Result<String, String>) -> Result<String, String> {
    let mut out = String::with_capacity(js.len());
    let mut rest = js;
    while let Some(at) = rest.find(FETCH.0) {
        out.push_str(&rest[..at]);
        let after = &rest[at + FETCH.0.len()..];
        let end = after.find(FETCH.1).filter(|&e| !after[..e].contains(['"', '\n'])).ok_or_else(|| {
            format!("a fetch of a chunk of a shape not known: {}", after.lines().next().unwrap_or_default())
        })?;
        out.push_str(&with(&after[..end])?);
        rest = &after[end + FETCH.1.len()..];
    }
    out.push_str(rest);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// wasm-split-cli 0.2.4's script for two split points sharing a chunk,
    /// trimmed to what the bundle reads.
    const SCRIPT_JS: &str = r#"import { initSync } from "./cornerstone.js";

let sharedImports = undefined;
function getSharedImports() {
    if (sharedImports === undefined) {
        sharedImports = { __wasm_split: {  } };
        const { __indirect_function_table, memory,  } = initSync(undefined, undefined);
        Object.assign(sharedImports.__wasm_split, { __indirect_function_table, memory,  });
    }
    return sharedImports;
}
/* a_1, b_2 */
const __chunk_3 = makeLoad(() => {
    const src = fetch(new URL("./chunk_3.wasm", import.meta.url));
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
export const __wasm_split_load_a_1 = wrapAsyncCb(makeLoad(() => {
    const src = fetch(new URL("./split_a_1.wasm", import.meta.url));
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, [__chunk_3]));
"#;

    /// The parts of wasm-bindgen 0.2.130's glue the bundle reads.
    const GLUE: &str = "/* @ts-self-types=\"./cornerstone.d.ts\" */\nimport * as import1 from \"./__wasm_split.js\"\n\
         import * as import2 from \"./__wasm_split.js\"\n\nexport function start_app() {}\n\
         function __wbg_get_imports() {\n    return {\n        __proto__: null,\n        \
         \"./cornerstone_bg.js\": import0,\n        \"./__wasm_split.js\": import1,\n        \
         \"./__wasm_split.js\": import2,\n    };\n}\nfunction initSync(module) {\n}\n";

    fn names() -> BTreeMap<String, String> {
        [("chunk_3.wasm", "split-chunk_3-0000000000000003.wasm"), ("split_a_1.wasm", "split-a-0000000000000001.wasm")]
            .into_iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    }

    #[test]
    fn chunks_are_named_by_their_split_point_and_hash() {
        assert!(is_chunk("split_sections.wasm") && is_chunk("chunk_3.wasm"));
        assert!(!is_chunk("cornerstone_bg.wasm") && !is_chunk("examples/split_a.wasm") && !is_chunk("split_a.js"));
        assert_eq!(served_name("split_sections.wasm", 0xab), "split-sections-00000000000000ab.wasm");
        // A split point's name is kept whole, digits and all.
        assert_eq!(served_name("split_step_2.wasm", 0xab), "split-step_2-00000000000000ab.wasm");
        assert_eq!(served_name("chunk_3.wasm", 1), "split-chunk_3-0000000000000001.wasm");
        assert_eq!(served_name("split_frame.wasm", 1), "split-frame-0000000000000001.wasm");
    }

    #[test]
    fn the_script_goes_into_the_glue_which_loads_the_served_chunks() {
        let glue = inline(GLUE, SCRIPT_JS, &names()).unwrap();
        assert!(!glue.contains("import * as") && !glue.contains("initSync(undefined"), "{glue}");
        assert!(glue.contains("= initSync();"));
        assert!(glue.contains("const __wasm_split_load_a_1 = wrapAsyncCb(") && !glue.contains("export const"));
        assert!(glue.contains("const __wasm_split = { __wasm_split_load_a_1 };\n"));
        assert!(glue.contains("fetch(new URL(\"./split-chunk_3-0000000000000003.wasm\", import.meta.url))"));
        assert!(glue.contains("fetch(new URL(\"./split-a-0000000000000001.wasm\", import.meta.url))"));
        assert_eq!(glue.matches("\"./__wasm_split.js\": __wasm_split,\n").count(), 1);
        assert!(!glue.contains("import2"), "{glue}");
        assert!(glue.find("const __wasm_split =").unwrap() < glue.find("export function start_app").unwrap());
        assert!(glue.starts_with("/* @ts-self-types"));
        // Each chunk instantiated also when served with another type.
        assert!(glue.contains("async function __cornerstoneChunk(src, imports) {\nconst response = await src;"));
        assert_eq!(glue.matches("(__cornerstoneChunk(src, imports))").count(), 2);
        assert!(!glue.contains("instantiateStreaming(src"), "{glue}");
    }

    #[test]
    fn a_script_that_declares_a_name_of_the_glue_fails_the_build() {
        let glue =
            GLUE.replace("function initSync(module) {", "function getSharedImports() {}\nfunction initSync(module) {");
        let err = inline(&glue, SCRIPT_JS, &names()).unwrap_err();
        assert!(err.contains("declares `getSharedImports`, which the UI's glue declares too"), "{err}");
        // A longer name that starts alike is another name.
        let glue =
            GLUE.replace("function initSync(module) {", "let sharedImportsCount = 0;\nfunction initSync(module) {");
        assert!(inline(&glue, SCRIPT_JS, &names()).is_ok());
    }

    #[test]
    fn a_script_or_glue_of_another_shape_fails_the_build() {
        let fails = |glue: &str, script: &str, names: &BTreeMap<String, String>, says: &str| {
            let err = inline(glue, script, names).unwrap_err();
            assert!(err.contains(says) && err.contains("update crates/bundle/src/split.rs"), "{err}");
        };
        let names = names();
        fails(GLUE, &SCRIPT_JS.replace("./cornerstone.js", "./app.js"), &names, "does not start with");
        fails(GLUE, &SCRIPT_JS.replace("initSync(undefined, undefined)", "initSync()"), &names, "0 times");
        fails(GLUE, &SCRIPT_JS.replace("export const __wasm_split_load_a_1 =", "export {"), &names, "shape not known");
        fails(GLUE, &format!("{SCRIPT_JS}export default 1;\n"), &names, "import or export");
        fails(GLUE, &SCRIPT_JS.replace("./split_a_1.wasm", "./split_b_2.wasm"), &names, "not a chunk");
        let mut more = names.clone();
        more.insert("split_c_4.wasm".into(), "split-c-4.wasm".into());
        fails(GLUE, SCRIPT_JS, &more, "never fetches the chunk split_c_4.wasm");
        fails(&GLUE.replace("import * as import1", "import * as x1"), SCRIPT_JS, &names, "names `import1`");
        fails(
            "export function start_app() {}\nfunction initSync(module) {\n}\n",
            SCRIPT_JS,
            &names,
            "has no `import * as",
        );
        fails(&GLUE.replace("function initSync(", "function init("), SCRIPT_JS, &names, "initSync");
    }

    #[test]
    fn the_single_files_glue_takes_its_chunks_from_its_own_bytes() {
        let glue = inline(GLUE, SCRIPT_JS, &names()).unwrap();
        let chunks: Vec<(String, Vec<u8>)> = names().into_values().map(|n| (n, b"\0asm".to_vec())).collect();
        let single = from_bytes(&glue, &chunks, crate::base64).unwrap();
        assert!(!single.contains("fetch("), "{single}");
        assert_eq!(single.matches("Promise.resolve(new Response(Uint8Array.from(atob(\"AGFzbQ==\")").count(), 2);
        assert!(single.contains("\"content-type\": \"application/wasm\""));
        let missing = from_bytes(&glue, &chunks[..1], crate::base64).unwrap_err();
        assert!(missing.contains("not in the build"), "{missing}");
        let extra = [chunks.clone(), vec![("split-z-1.wasm".into(), vec![])]].concat();
        assert!(from_bytes(&glue, &extra, crate::base64).unwrap_err().contains("does not fetch the chunk split-z-1"));
    }
}
