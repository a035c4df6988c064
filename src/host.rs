//! `HostEditor`: a host page's editable element (a rich-text editor's root)
//! as the embed's in-place modules model it, seen from WebAssembly. Where
//! "select" and "apply" act in such an element (`Target::Editor`); the
//! attachment itself is `inplace.rs`.

use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// A host's editable element as the in-place modules model it
    /// (`assets/templates/inplace/inplace.js`, `editorAdapter`): its text
    /// as the agent sees it, and selection and replacement by UTF-16
    /// offsets in that text, through the editor's own input path.
    #[derive(Clone)]
    pub type HostEditor;

    /// The editor's text now, as the engine reads it.
    #[wasm_bindgen(method, catch)]
    pub fn text(this: &HostEditor) -> Result<String, JsValue>;

    /// Selects UTF-16 range `start..end` of the text, if it still holds
    /// `expected` there.
    #[wasm_bindgen(method, catch)]
    pub fn select(this: &HostEditor, start: u32, end: u32, expected: &str) -> Result<(), JsValue>;

    /// Replaces UTF-16 range `start..end` with `text` as typing would, if the
    /// editor still holds `expected` there.
    #[wasm_bindgen(method, catch)]
    pub fn replace(this: &HostEditor, start: u32, end: u32, text: &str, expected: &str) -> Result<(), JsValue>;
}
