//! Classes a wasm-bindgen glue exports that the page never uses.
//!
//! Leptos's `csr` feature turns on server_fn's `browser` feature, which
//! links wasm-streams, whose three classes (`IntoUnderlyingSource`, `…Sink`,
//! `…ByteSource`: Rust streams handed to JavaScript) wasm-bindgen exports
//! from any module that links it: their JavaScript in the glue and their
//! code in the module, on the first load, though Cornerstone makes no
//! stream (it calls no server function) and no Rust code hands one out.
//! [`drop_classes`] removes them from the glue and their functions from the
//! module's exports, so that wasm-opt, run after it (`scripts/build-ui.sh`),
//! drops their code: about 0.9 KB gzip of the first load.

use crate::imports::{self, ident};

/// The classes the UI's glue exports and nothing uses (see the module's doc).
pub const UNUSED: &[&str] = &["IntoUnderlyingByteSource", "IntoUnderlyingSink", "IntoUnderlyingSource"];

/// `glue` (as wasm-bindgen writes it) without the classes `classes`, and
/// `wasm` without the exports only they called. An error if a class is not
/// there in the shape wasm-bindgen 0.2.130 writes, or if the glue names one
/// anywhere else: a wasm-bindgen or a Leptos other than the pinned ones,
/// looked at again rather than shipped with a class cut in half.
pub fn drop_classes(glue: &str, wasm: &[u8], classes: &[&str]) -> Result<(String, Vec<u8>), String> {
    let mut glue = glue.to_string();
    let mut called = Vec::new();
    for class in classes {
        let update = "update crates/bundle/src/classes.rs for this wasm-bindgen";
        let start = format!("export class {class} {{\n");
        let end = format!("\nif (Symbol.dispose) {class}.prototype[Symbol.dispose] = {class}.prototype.free;\n");
        let cut = |glue: &mut String, from: &str, to: &str, called: &mut Vec<String>| -> Result<(), String> {
            let (Some(a), 1) = (glue.find(from), glue.matches(from).count()) else {
                return Err(format!("the glue has not one `{}`: {update}", from.trim_end()));
            };
            let b = glue[a..]
                .find(to)
                .map(|b| a + b + to.len())
                .ok_or(format!("`{}` has no end: {update}", from.trim_end()))?;
            called.extend(wasm_members(&glue[a..b]));
            glue.replace_range(a..b, "");
            Ok(())
        };
        cut(&mut glue, &start, &end, &mut called)?;
        cut(&mut glue, &format!("const {class}Finalization = "), ");\n", &mut called)?;
        if glue.match_indices(class).any(|(at, _)| whole(&glue, at, class.len())) {
            return Err(format!("the glue uses the class `{class}` elsewhere: {update}"));
        }
    }
    // Exports still called from what is left are kept.
    called.sort();
    called.dedup();
    let still: Vec<String> = wasm_members(&glue).collect();
    called.retain(|name| !still.contains(name));
    let wasm = imports::without_exports(wasm, &called)?;
    Ok((glue, wasm))
}

/// The names `text` reaches as `wasm.<name>`.
fn wasm_members(text: &str) -> impl Iterator<Item = String> + '_ {
    text.match_indices("wasm.").filter(|&(at, _)| at == 0 || !ident(text.as_bytes()[at - 1])).map(move |(at, _)| {
        let rest = &text[at + 5..];
        let len = rest.bytes().take_while(|&b| ident(b)).count();
        rest[..len].to_string()
    })
}

/// Whether `text[at..at + len]` is a whole word.
fn whole(text: &str, at: usize, len: usize) -> bool {
    let bytes = text.as_bytes();
    (at == 0 || !ident(bytes[at - 1])) && bytes.get(at + len).is_none_or(|&b| !ident(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A class as wasm-bindgen 0.2.130 writes it, with its finalizer.
    fn class(name: &str, lower: &str) -> (String, String) {
        (
            format!(
                "export class {name} {{\n    __destroy_into_raw() {{\n        const ptr = this.__wbg_ptr;\n        \
                 this.__wbg_ptr = 0;\n        {name}Finalization.unregister(this);\n        return ptr;\n    }}\n    \
                 free() {{\n        const ptr = this.__destroy_into_raw();\n        wasm.__wbg_{lower}_free(ptr, 0);\n    \
                 }}\n    close() {{\n        const ptr = this.__destroy_into_raw();\n        \
                 const ret = wasm.{lower}_close(ptr);\n        return ret;\n    }}\n}}\n\
                 if (Symbol.dispose) {name}.prototype[Symbol.dispose] = {name}.prototype.free;\n"
            ),
            format!(
                "const {name}Finalization = (typeof FinalizationRegistry === 'undefined')\n    \
                 ? {{ register: () => {{}}, unregister: () => {{}} }}\n    \
                 : new FinalizationRegistry(ptr => wasm.__wbg_{lower}_free(ptr, 1));\n"
            ),
        )
    }

    /// A module exporting `names` (function 0 each), after a type section.
    fn exporting(names: &[&str]) -> Vec<u8> {
        let mut body = vec![names.len() as u8];
        for name in names {
            body.push(name.len() as u8);
            body.extend_from_slice(name.as_bytes());
            body.extend_from_slice(&[0x00, 0x00]);
        }
        let mut out = b"\0asm\x01\0\0\0".to_vec();
        out.extend_from_slice(&[1, 4, 1, 0x60, 0, 0]);
        out.push(7);
        out.push(body.len() as u8);
        out.extend_from_slice(&body);
        out
    }

    #[test]
    fn an_unused_class_leaves_the_glue_and_its_functions_the_exports() {
        let (sink, sink_fin) = class("IntoUnderlyingSink", "intounderlyingsink");
        let (kept, kept_fin) = class("Attachment", "attachment");
        let glue =
            format!("{kept}{sink}export function start_app() {{\n    wasm.start_app();\n}}\n{kept_fin}{sink_fin}");
        let wasm = exporting(&[
            "__wbg_attachment_free",
            "attachment_close",
            "__wbg_intounderlyingsink_free",
            "intounderlyingsink_close",
            "start_app",
        ]);
        let (g, w) = drop_classes(&glue, &wasm, &["IntoUnderlyingSink"]).unwrap();
        assert_eq!(g, format!("{kept}export function start_app() {{\n    wasm.start_app();\n}}\n{kept_fin}"));
        assert_eq!(w, exporting(&["__wbg_attachment_free", "attachment_close", "start_app"]));
    }

    #[test]
    fn an_export_the_rest_of_the_glue_calls_is_kept() {
        let (sink, sink_fin) = class("IntoUnderlyingSink", "intounderlyingsink");
        let glue = format!("{sink}function f() {{ wasm.intounderlyingsink_close(0); }}\n{sink_fin}");
        let wasm = exporting(&["__wbg_intounderlyingsink_free", "intounderlyingsink_close"]);
        let (_, w) = drop_classes(&glue, &wasm, &["IntoUnderlyingSink"]).unwrap();
        assert_eq!(w, exporting(&["intounderlyingsink_close"]));
    }

    #[test]
    fn a_class_missing_or_used_elsewhere_fails_the_build() {
        let (sink, sink_fin) = class("IntoUnderlyingSink", "intounderlyingsink");
        let wasm = exporting(&["__wbg_intounderlyingsink_free", "intounderlyingsink_close"]);
        let err = drop_classes(&sink_fin, &wasm, &["IntoUnderlyingSink"]).unwrap_err();
        assert!(err.contains("not one `export class IntoUnderlyingSink {`"), "{err}");
        let err = drop_classes(&sink, &wasm, &["IntoUnderlyingSink"]).unwrap_err();
        assert!(err.contains("not one `const IntoUnderlyingSinkFinalization =`"), "{err}");
        let glue = format!("{sink}const s = new IntoUnderlyingSink();\n{sink_fin}");
        let err = drop_classes(&glue, &wasm, &["IntoUnderlyingSink"]).unwrap_err();
        assert!(err.contains("uses the class `IntoUnderlyingSink` elsewhere"), "{err}");
    }
}
