//! Short names for what a WebAssembly module imports from its glue.
//!
//! wasm-bindgen names each function the module imports from its glue after
//! the Web API it calls plus a hash of its signature
//! (`__wbg_sessionStorage_7bc148f64fb0d0b9`), and the module they come
//! from after the glue's file (`./cornerstone_bg.js`). Each name is written
//! twice, in the module's import section and as a key of the glue's
//! imports object, and the sixteen hex digits of each hash are what gzip
//! cannot shorten: in the UI's module and glue (196 imports) they were
//! about 5.8 KB of the first load's gzip. [`shorten`] gives every import a
//! name of one or two letters, the same in both files. Nothing else refers
//! to these names: the module's exports, the glue's own exports and the
//! pages' scripts are unchanged.
//!
//! The module's exports are named by wasm-bindgen too, some at length
//! (`wasm_bindgen_8f8c98ce74cae3e0___convert__closures_____invoke___js_sys_…`,
//! 339 characters), and the glue reaches each as `wasm.<name>`, some 31
//! times (`wasm.__wbindgen_malloc`). [`shorten_exports`] renames those the
//! glue reaches that way, in both files.

/// What the import module is called once shortened.
pub const MODULE: &str = "m";

/// `glue` and `wasm` (a wasm-bindgen glue, compacted, and its module) with
/// the module's imports from the glue renamed in both. An error if the glue
/// does not hold each import exactly once as a key of its imports object
/// (a wasm-bindgen other than the pinned one, whose glue this does not
/// know), so that this is looked at again rather than shipping a module
/// whose imports the glue no longer provides. A pair already shortened is
/// returned as it is.
pub fn shorten(glue: &str, wasm: &[u8]) -> Result<(String, Vec<u8>), String> {
    let module = Module::parse(wasm)?;
    let Some(imports) = module.imports() else { return Ok((glue.to_string(), wasm.to_vec())) };
    let imports = imports?;
    // The module the glue provides: the one its imports object names.
    let Some(from) = imports.iter().map(|i| i.module.as_str()).find(|m| glue.contains(&format!("\n\"{m}\": import0,")))
    else {
        return Err("the glue names none of its module's import modules as `\"<module>\": import0`: \
                    update crates/bundle/src/imports.rs for this wasm-bindgen"
            .into());
    };
    if from == MODULE {
        return Ok((glue.to_string(), wasm.to_vec()));
    }
    let mut glue = glue.replacen(&format!("\n\"{from}\": import0,"), &format!("\n\"{MODULE}\": import0,"), 1);
    // Every name in the order the module first imports it, each given the
    // next short name no line of the glue already starts with as a key.
    let mut renamed: Vec<(String, String)> = Vec::new();
    let mut names = short_names();
    for import in imports.iter().filter(|i| i.module == from) {
        if renamed.iter().any(|(old, _)| *old == import.name) {
            continue;
        }
        let key = format!("\n{}: ", import.name);
        match glue.matches(&key).count() {
            1 => {}
            n => {
                return Err(format!(
                    "the glue has {n} keys `{}`, not one: update crates/bundle/src/imports.rs for this wasm-bindgen",
                    import.name
                ))
            }
        }
        let short = names.find(|s| !glue.contains(&format!("\n{s}: "))).expect("short names never run out");
        glue = glue.replacen(&key, &format!("\n{short}: "), 1);
        renamed.push((import.name.clone(), short));
    }
    // A name the glue uses anywhere else would now call nothing.
    if let Some((old, _)) = renamed.iter().find(|(old, _)| glue.contains(old.as_str())) {
        return Err(format!(
            "the glue uses the import `{old}` other than as a key: update crates/bundle/src/imports.rs for this wasm-bindgen"
        ));
    }
    let rename = |module: &str, name: &str| -> (String, String) {
        if module != from {
            return (module.to_string(), name.to_string());
        }
        let short = renamed.iter().find(|(old, _)| old == name).map(|(_, s)| s.clone());
        (MODULE.to_string(), short.unwrap_or_else(|| name.to_string()))
    };
    Ok((glue, module.with_imports(&imports, rename)))
}

/// Exports the glue does not name, or names other than as `wasm.<name>`:
/// the linker's, which code split off into other modules imports by name.
fn kept_export(name: &str) -> bool {
    matches!(name, "memory" | "__indirect_function_table" | "__stack_pointer" | "__heap_base" | "__data_end")
        || name.starts_with("__wasm_split")
        || name.len() <= 2
}

/// `glue` and `wasm` (a wasm-bindgen glue, compacted, and its module) with
/// each export the glue reaches as `wasm.<name>` renamed to one or two
/// letters in both, the most used first. An error if the glue names an
/// export in any other way (`wasm["<name>"]`, or a second object holding
/// the exports), which it would then no longer find: a wasm-bindgen other
/// than the pinned one, looked at again rather than shipped. A pair already
/// shortened is returned as it is.
pub fn shorten_exports(glue: &str, wasm: &[u8]) -> Result<(String, Vec<u8>), String> {
    let module = Module::parse(wasm)?;
    let Some(exports) = module.exports() else { return Ok((glue.to_string(), wasm.to_vec())) };
    let mut exports = exports?;
    // The glue holds the exports in one variable, `wasm`, set once.
    if glue.matches(".exports").count() != 1 || !glue.contains("\nwasm = instance.exports;") || glue.contains("wasm[") {
        return Err("the glue does not reach its module's exports only as `wasm.<name>` after \
                    `wasm = instance.exports;`: update crates/bundle/src/imports.rs for this wasm-bindgen"
            .into());
    }
    let uses = |name: &str| member_uses(glue, "wasm.", name);
    // Names the glue takes out of an object whole (`const { memory, … } =
    // initSync()`: the chunks' loader hands exports on by their names).
    let destructured = destructured_names(glue);
    let mut renamed: Vec<(usize, String)> = exports
        .iter()
        .filter(|e| !kept_export(&e.name) && !destructured.contains(&e.name.as_str()))
        .map(|e| (uses(&e.name), e.name.clone()))
        .filter(|&(n, _)| n > 0)
        .collect();
    // The most used first, then in the module's order (a stable sort).
    renamed.sort_by_key(|r| std::cmp::Reverse(r.0));
    let taken: Vec<&str> = exports.iter().map(|e| e.name.as_str()).collect();
    let mut names = short_names().filter(|n| !taken.contains(&n.as_str()));
    let mut glue = glue.to_string();
    let mut map: Vec<(String, String)> = Vec::new();
    for (_, old) in renamed {
        let short = names.next().expect("short names never run out");
        glue = replace_member(&glue, "wasm.", &old, &short);
        map.push((old, short));
    }
    // A name still in the glue as a member of some object or as a string
    // is one the glue reaches some other way. (As a plain word it is the
    // glue's own function of that name: `export function start_app()`.)
    if let Some((old, _)) = map.iter().find(|(old, _)| {
        member_uses(&glue, ".", old) > 0 || glue.contains(&format!("\"{old}\"")) || glue.contains(&format!("'{old}'"))
    }) {
        return Err(format!(
            "the glue names the export `{old}` other than as `wasm.{old}`: update crates/bundle/src/imports.rs for this wasm-bindgen"
        ));
    }
    for export in &mut exports {
        if let Some((_, short)) = map.iter().find(|(old, _)| *old == export.name) {
            export.name = short.clone();
        }
    }
    Ok((glue, module.with_exports(&exports)))
}

/// Whether `b` may be part of a JavaScript identifier (ASCII).
pub fn ident(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b == b'$'
}

/// The names of `const { a, b: c, … } =` in `text` (`a`, `b`).
fn destructured_names(text: &str) -> Vec<&str> {
    let mut names = Vec::new();
    for (at, _) in text.match_indices("const {") {
        let rest = &text[at + "const {".len()..];
        let Some(end) = rest.find('}') else { continue };
        for part in rest[..end].split(',') {
            let name = part.split(':').next().unwrap_or_default().trim();
            if !name.is_empty() {
                names.push(name);
            }
        }
    }
    names
}

/// Where `text` holds `object` (`wasm.`, or `.` for any object) followed by
/// `name` as a whole member: no identifier character after it, and for
/// `wasm.` none before it (`mywasm.` or `x.wasm.` is another object).
fn members<'t>(text: &'t str, object: &str, name: &str) -> impl Iterator<Item = usize> + 't {
    let needle = format!("{object}{name}");
    let whole_object = object != ".";
    let bytes = text.as_bytes();
    let len = needle.len();
    text.match_indices(&needle).map(|(at, _)| at).collect::<Vec<_>>().into_iter().filter(move |&at| {
        let after = bytes.get(at + len).is_none_or(|&b| !ident(b));
        let before = !whole_object || at == 0 || !(ident(bytes[at - 1]) || bytes[at - 1] == b'.');
        after && before
    })
}

/// `wasm` without the exports named `names` (each an error if the module
/// does not export it).
pub fn without_exports(wasm: &[u8], names: &[String]) -> Result<Vec<u8>, String> {
    let module = Module::parse(wasm)?;
    let exports = module.exports().ok_or("the module has no exports")??;
    if let Some(missing) = names.iter().find(|n| !exports.iter().any(|e| e.name == **n)) {
        return Err(format!("the module does not export `{missing}`"));
    }
    let kept: Vec<Export> = exports.into_iter().filter(|e| !names.contains(&e.name)).collect();
    Ok(module.with_exports(&kept))
}

/// How often `text` holds `object` followed by `name` (see [`members`]).
fn member_uses(text: &str, object: &str, name: &str) -> usize {
    members(text, object, name).count()
}

/// `text` with each `object` `old` (see [`members`]) made `object` `new`.
fn replace_member(text: &str, object: &str, old: &str, new: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    for at in members(text, object, old) {
        out.push_str(&text[last..at]);
        out.push_str(object);
        out.push_str(new);
        last = at + object.len() + old.len();
    }
    out.push_str(&text[last..]);
    out
}

/// Names that are JavaScript identifiers, shortest first: `a` to `Z`, then
/// two characters.
fn short_names() -> impl Iterator<Item = String> {
    const FIRST: &[u8] = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    const NEXT: &[u8] = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_$";
    let one = FIRST.iter().map(|&a| (a as char).to_string());
    let two = FIRST.iter().flat_map(|&a| NEXT.iter().map(move |&b| format!("{}{}", a as char, b as char)));
    let three = FIRST.iter().flat_map(|&a| {
        NEXT.iter().flat_map(move |&b| NEXT.iter().map(move |&c| format!("{}{}{}", a as char, b as char, c as char)))
    });
    one.chain(two).chain(three)
}

/// One import: where from, its name, and the bytes that say what it is.
#[derive(Debug, Clone, PartialEq)]
struct Import {
    module: String,
    name: String,
    desc: Vec<u8>,
}

/// One export: its name, and the bytes that say what it is (kind, index).
#[derive(Debug, Clone, PartialEq)]
struct Export {
    name: String,
    desc: Vec<u8>,
}

/// A module's bytes cut into its sections (id and contents).
struct Module<'a> {
    sections: Vec<(u8, &'a [u8])>,
}

const IMPORT_SECTION: u8 = 2;
const EXPORT_SECTION: u8 = 7;

impl<'a> Module<'a> {
    fn parse(wasm: &'a [u8]) -> Result<Module<'a>, String> {
        if wasm.len() < 8 || &wasm[..4] != b"\0asm" {
            return Err("not a WebAssembly module".into());
        }
        if wasm[4..8] != [1, 0, 0, 0] {
            return Err(format!("a WebAssembly module of version {:?}, not 1", &wasm[4..8]));
        }
        let mut r = Reader { bytes: wasm, at: 8 };
        let mut sections = Vec::new();
        while r.at < wasm.len() {
            let id = r.byte()?;
            let len = r.u32()? as usize;
            sections.push((id, r.take(len)?));
        }
        Ok(Module { sections })
    }

    /// The import section's imports, if it has one.
    fn imports(&self) -> Option<Result<Vec<Import>, String>> {
        self.entries(IMPORT_SECTION, "import", |r, body| {
            let module = r.name()?;
            let name = r.name()?;
            let start = r.at;
            match r.byte()? {
                // A function: its type's index.
                0x00 => {
                    r.u32()?;
                }
                // A table: its element type and limits.
                0x01 => {
                    r.byte()?;
                    r.limits()?;
                }
                // A memory: its limits.
                0x02 => r.limits()?,
                // A global: its type and mutability.
                0x03 => {
                    r.byte()?;
                    r.byte()?;
                }
                // A tag: its attribute and type's index.
                0x04 => {
                    r.byte()?;
                    r.u32()?;
                }
                kind => return Err(format!("an import of unknown kind {kind:#x}")),
            }
            Ok(Import { module, name, desc: body[start..r.at].to_vec() })
        })
    }

    /// The export section's exports, if it has one.
    fn exports(&self) -> Option<Result<Vec<Export>, String>> {
        self.entries(EXPORT_SECTION, "export", |r, body| {
            let name = r.name()?;
            let start = r.at;
            match r.byte()? {
                // A function, table, memory, global or tag, by index.
                0x00..=0x04 => r.u32()?,
                kind => return Err(format!("an export of unknown kind {kind:#x}")),
            };
            Ok(Export { name, desc: body[start..r.at].to_vec() })
        })
    }

    /// The entries of section `id` (`what`s), each read by `entry` from the
    /// section's body, if the module has that section.
    fn entries<T>(
        &self,
        id: u8,
        what: &str,
        entry: impl Fn(&mut Reader<'a>, &'a [u8]) -> Result<T, String>,
    ) -> Option<Result<Vec<T>, String>> {
        let (_, body) = self.sections.iter().find(|(section, _)| *section == id)?;
        let mut r = Reader { bytes: body, at: 0 };
        let mut read = || -> Result<Vec<T>, String> {
            let n = r.u32()?;
            let mut out = Vec::with_capacity(n as usize);
            for _ in 0..n {
                out.push(entry(&mut r, body)?);
            }
            if r.at != body.len() {
                return Err(format!("the {what} section has bytes after its {what}s"));
            }
            Ok(out)
        };
        Some(read())
    }

    /// The module's bytes with its import section written from `imports`,
    /// each renamed by `rename(module, name)`.
    fn with_imports(&self, imports: &[Import], rename: impl Fn(&str, &str) -> (String, String)) -> Vec<u8> {
        let mut body = Vec::new();
        leb(&mut body, imports.len() as u32);
        for import in imports {
            let (module, name) = rename(&import.module, &import.name);
            for s in [&module, &name] {
                leb(&mut body, s.len() as u32);
                body.extend_from_slice(s.as_bytes());
            }
            body.extend_from_slice(&import.desc);
        }
        self.with_section(IMPORT_SECTION, &body)
    }

    /// The module's bytes with its export section written from `exports`.
    fn with_exports(&self, exports: &[Export]) -> Vec<u8> {
        let mut body = Vec::new();
        leb(&mut body, exports.len() as u32);
        for export in exports {
            leb(&mut body, export.name.len() as u32);
            body.extend_from_slice(export.name.as_bytes());
            body.extend_from_slice(&export.desc);
        }
        self.with_section(EXPORT_SECTION, &body)
    }

    /// The module's bytes with the section `id` (which it has) made `body`.
    fn with_section(&self, id: u8, body: &[u8]) -> Vec<u8> {
        let mut out = b"\0asm\x01\0\0\0".to_vec();
        for (section_id, section) in &self.sections {
            let section: &[u8] = if *section_id == id { body } else { section };
            out.push(*section_id);
            leb(&mut out, section.len() as u32);
            out.extend_from_slice(section);
        }
        out
    }
}

fn leb(out: &mut Vec<u8>, mut n: u32) {
    loop {
        let byte = (n & 0x7f) as u8;
        n >>= 7;
        if n == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn byte(&mut self) -> Result<u8, String> {
        let b = *self.bytes.get(self.at).ok_or("the module ends in the middle of a section")?;
        self.at += 1;
        Ok(b)
    }

    fn u32(&mut self) -> Result<u32, String> {
        let mut n = 0u32;
        for shift in (0..35).step_by(7) {
            let b = self.byte()?;
            if shift == 28 && b > 0x0f {
                return Err("a number over 32 bits".into());
            }
            n |= ((b & 0x7f) as u32) << shift;
            if b < 0x80 {
                return Ok(n);
            }
        }
        Err("a number longer than five bytes".into())
    }

    fn take(&mut self, len: usize) -> Result<&'a [u8], String> {
        let end =
            self.at.checked_add(len).filter(|&e| e <= self.bytes.len()).ok_or("a section longer than the module")?;
        let out = &self.bytes[self.at..end];
        self.at = end;
        Ok(out)
    }

    fn name(&mut self) -> Result<String, String> {
        let len = self.u32()? as usize;
        String::from_utf8(self.take(len)?.to_vec()).map_err(|_| "an import name that is not UTF-8".into())
    }

    /// A table's or memory's limits: flags, minimum, and a maximum if flagged.
    fn limits(&mut self) -> Result<(), String> {
        let flags = self.byte()?;
        self.u32()?;
        if flags & 1 != 0 {
            self.u32()?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A module importing `names` (functions of type 0) from `from`, then
    /// a memory, with a type section before and an export section after.
    fn module(from: &str, names: &[&str]) -> Vec<u8> {
        let mut imports = Vec::new();
        leb(&mut imports, names.len() as u32 + 1);
        for name in names {
            for s in [from, name] {
                leb(&mut imports, s.len() as u32);
                imports.extend_from_slice(s.as_bytes());
            }
            imports.extend_from_slice(&[0x00, 0x00]);
        }
        for s in ["env", "memory"] {
            leb(&mut imports, s.len() as u32);
            imports.extend_from_slice(s.as_bytes());
        }
        imports.extend_from_slice(&[0x02, 0x01, 0x01, 0x02]);
        let mut out = b"\0asm\x01\0\0\0".to_vec();
        out.extend_from_slice(&[1, 4, 1, 0x60, 0, 0]);
        out.push(IMPORT_SECTION);
        leb(&mut out, imports.len() as u32);
        out.extend_from_slice(&imports);
        out.extend_from_slice(&[7, 5, 1, 1, b'f', 0x00, 0x00]);
        out
    }

    fn glue(from: &str, names: &[&str]) -> String {
        let mut g = String::from("function __wbg_get_imports() {\nconst import0 = {\n__proto__: null,\n");
        for name in names {
            g.push_str(&format!("{name}: function(arg0) {{\nreturn arg0.value;\n}},\n"));
        }
        g.push_str(&format!("}};\nreturn {{\n__proto__: null,\n\"{from}\": import0,\n}};\n}}\n"));
        g
    }

    fn imported(wasm: &[u8]) -> Vec<(String, String)> {
        let imports = Module::parse(wasm).unwrap().imports().unwrap().unwrap();
        imports.into_iter().map(|i| (i.module, i.name)).collect()
    }

    #[test]
    fn the_module_and_its_glue_get_the_same_short_names() {
        let names = ["__wbg_sessionStorage_7bc148f64fb0d0b9", "__wbindgen_init_externref_table"];
        let (g, w) = shorten(&glue("./cornerstone_bg.js", &names), &module("./cornerstone_bg.js", &names)).unwrap();
        assert_eq!(imported(&w), [("m".into(), "a".into()), ("m".into(), "b".into()), ("env".into(), "memory".into())]);
        assert!(g.contains("\na: function(arg0) {\nreturn arg0.value;"), "{g}");
        assert!(!g.contains("__wbg_sessionStorage_7bc148f64fb0d0b9"), "{g}");
        assert!(g.contains("\nb: function(arg0) {"), "{g}");
        assert!(g.contains("\n\"m\": import0,"), "{g}");
        // The other sections are as they were.
        assert_eq!(&w[8..14], &[1, 4, 1, 0x60, 0, 0]);
        assert!(w.ends_with(&[7, 5, 1, 1, b'f', 0x00, 0x00]));
        // A second run changes nothing.
        assert_eq!(shorten(&g, &w).unwrap(), (g.clone(), w.clone()));
    }

    #[test]
    fn a_long_import_section_is_written_back_whole() {
        // 300 imports: the section's length and count take several bytes.
        let names: Vec<String> = (0..300).map(|i| format!("__wbg_f{i}_{i:016x}")).collect();
        let names: Vec<&str> = names.iter().map(String::as_str).collect();
        let (g, w) = shorten(&glue("./c_bg.js", &names), &module("./c_bg.js", &names)).unwrap();
        let imports = imported(&w);
        assert_eq!(imports.len(), 301);
        assert_eq!((imports[0].1.as_str(), imports[51].1.as_str(), imports[52].1.as_str()), ("a", "Z", "aa"));
        assert_eq!(imports[300], ("env".into(), "memory".into()));
        assert!(names.iter().all(|n| !g.contains(n)));
        assert!(w.ends_with(&[7, 5, 1, 1, b'f', 0x00, 0x00]));
    }

    #[test]
    fn a_number_over_32_bits_is_refused() {
        let mut r = Reader { bytes: &[0x80, 0x80, 0x80, 0x80, 0x70], at: 0 };
        assert!(r.u32().is_err());
        let mut r = Reader { bytes: &[0xff, 0xff, 0xff, 0xff, 0x0f], at: 0 };
        assert_eq!(r.u32(), Ok(u32::MAX));
    }

    #[test]
    fn a_short_name_the_glue_already_has_as_a_key_is_passed_over() {
        let names = ["__wbg_x_0123456789abcdef"];
        let g = glue("./c_bg.js", &names).replace("__proto__: null,\n", "__proto__: null,\na: 1,\n");
        let (g, w) = shorten(&g, &module("./c_bg.js", &names)).unwrap();
        assert_eq!(imported(&w)[0], ("m".into(), "b".into()));
        assert!(g.contains("\na: 1,\nb: function(arg0)"), "{g}");
    }

    #[test]
    fn a_glue_that_lacks_an_import_fails_the_build() {
        let w = module("./c_bg.js", &["__wbg_x_0123456789abcdef", "__wbg_y_0123456789abcdef"]);
        let err = shorten(&glue("./c_bg.js", &["__wbg_x_0123456789abcdef"]), &w).unwrap_err();
        assert!(err.contains("0 keys `__wbg_y_0123456789abcdef`"), "{err}");
        // A name the glue also uses elsewhere cannot be renamed in one place.
        let both = ["__wbg_x_0123456789abcdef", "__wbg_y_0123456789abcdef"];
        let g = glue("./c_bg.js", &both).replace("arg0.value", "wasm.__wbg_y_0123456789abcdef");
        let err = shorten(&g, &w).unwrap_err();
        assert!(err.contains("uses the import `__wbg_y_0123456789abcdef` other than as a key"), "{err}");
        let err = shorten(&glue("./other_bg.js", &["__wbg_x_0123456789abcdef"]), &w).unwrap_err();
        assert!(err.contains("names none of its module's import modules"), "{err}");
    }

    /// A module exporting `names` (function 0 each) and its memory, after
    /// a type section.
    fn exporting(names: &[&str]) -> Vec<u8> {
        let mut exports = Vec::new();
        leb(&mut exports, names.len() as u32 + 1);
        for name in names.iter().chain(&["memory"]) {
            leb(&mut exports, name.len() as u32);
            exports.extend_from_slice(name.as_bytes());
            exports.extend_from_slice(if *name == "memory" { &[0x02, 0x00] } else { &[0x00, 0x00] });
        }
        let mut out = b"\0asm\x01\0\0\0".to_vec();
        out.extend_from_slice(&[1, 4, 1, 0x60, 0, 0]);
        out.push(EXPORT_SECTION);
        leb(&mut out, exports.len() as u32);
        out.extend_from_slice(&exports);
        out
    }

    fn exported(wasm: &[u8]) -> Vec<String> {
        Module::parse(wasm).unwrap().exports().unwrap().unwrap().into_iter().map(|e| e.name).collect()
    }

    const INIT: &str = "function __wbg_finalize_init(instance, module) {\nwasm = instance.exports;\n}\n";

    #[test]
    fn exports_the_glue_reaches_as_wasm_members_get_short_names_the_most_used_first() {
        let names = ["start_app", "__wbindgen_malloc", "wasm_bindgen_convert__closures_____invoke_long", "unused"];
        let g = format!(
            "{INIT}export function start_app() {{\nwasm.start_app();\n}}\n\
             function f(a) {{\nconst p = wasm.__wbindgen_malloc(1);\nwasm.__wbindgen_malloc(2);\n\
             wasm.wasm_bindgen_convert__closures_____invoke_long(a, wasm.memory.buffer);\n}}\n"
        );
        let (g2, w) = shorten_exports(&g, &exporting(&names)).unwrap();
        assert_eq!(exported(&w), ["b", "a", "c", "unused", "memory"]);
        assert_eq!(
            g2,
            format!(
                "{INIT}export function start_app() {{\nwasm.b();\n}}\n\
                 function f(a) {{\nconst p = wasm.a(1);\nwasm.a(2);\nwasm.c(a, wasm.memory.buffer);\n}}\n"
            )
        );
        // The other sections are as they were, and a second run changes nothing.
        assert_eq!(&w[8..14], &[1, 4, 1, 0x60, 0, 0]);
        assert_eq!(shorten_exports(&g2, &w).unwrap(), (g2.clone(), w.clone()));
    }

    #[test]
    fn a_member_with_a_longer_name_or_a_word_of_the_same_name_is_left_alone() {
        let g = format!("{INIT}wasm.start(); wasm.start_app(); restart(); export function start() {{}}\n");
        let (g, w) = shorten_exports(&g, &exporting(&["start"])).unwrap();
        assert_eq!(exported(&w), ["a", "memory"]);
        assert_eq!(g, format!("{INIT}wasm.a(); wasm.start_app(); restart(); export function start() {{}}\n"));
        // The same member of another object may be the export reached
        // another way: the build stops.
        for other in ["mywasm.start();", "x.wasm.start();"] {
            let g = format!("{INIT}wasm.start();\n{other}\n");
            assert!(shorten_exports(&g, &exporting(&["start"])).is_err(), "{other}");
        }
    }

    #[test]
    fn an_export_the_glue_takes_out_by_name_keeps_its_name() {
        // The split chunks' loader: `initSync()` hands the exports on, and
        // the chunks import these by name.
        let g = format!(
            "{INIT}wasm.shared0(); wasm.start();\nconst {{ shared0, table: t,  }} = initSync();\nfunction initSync() {{ return wasm; }}\n"
        );
        let (g2, w) = shorten_exports(&g, &exporting(&["shared0", "table", "start"])).unwrap();
        assert_eq!(exported(&w), ["shared0", "table", "a", "memory"]);
        assert!(g2.contains("wasm.shared0(); wasm.a();"), "{g2}");
    }

    #[test]
    fn a_glue_that_reaches_an_export_another_way_fails_the_build() {
        let w = exporting(&["start_app"]);
        for other in ["wasm[\"start_app\"]();", "const f = wasm; f.start_app();", "call('start_app');"] {
            let g = format!("{INIT}wasm.start_app();\n{other}\n");
            let err = shorten_exports(&g, &w).unwrap_err();
            assert!(err.contains("start_app") || err.contains("only as `wasm.<name>`"), "{other}: {err}");
        }
        let err = shorten_exports("wasm.start_app();\n", &w).unwrap_err();
        assert!(err.contains("only as `wasm.<name>`"), "{err}");
    }

    #[test]
    fn short_names_are_identifiers_and_distinct() {
        let names: Vec<String> = short_names().take(52 + 52 * 64 + 10).collect();
        assert_eq!((names[0].as_str(), names[51].as_str(), names[52].as_str()), ("a", "Z", "aa"));
        let distinct: std::collections::BTreeSet<&String> = names.iter().collect();
        assert_eq!(distinct.len(), names.len());
        assert!(names.iter().all(|n| !n.as_bytes()[0].is_ascii_digit()));
    }
}
