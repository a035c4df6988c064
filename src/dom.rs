//! The few DOM operations the widget needs beyond Leptos: selecting words in
//! the draft, replacing them so that Ctrl+Z undoes it, and copying.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::HtmlTextAreaElement;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(catch, js_namespace = ["navigator", "clipboard"], js_name = writeText)]
    fn clipboard_write_text(text: &str) -> Result<js_sys::Promise, JsValue>;
}

/// Focuses the textarea and selects UTF-16 range `start..end` of it.
pub fn select(textarea: &HtmlTextAreaElement, start: u32, end: u32) {
    let _ = textarea.focus();
    let _ = textarea.set_selection_range(start, end);
}

/// Replaces UTF-16 range `start..end` with `replacement` as if the agent had
/// typed it: the browser records it in the undo history and fires `input`.
pub fn replace(textarea: &HtmlTextAreaElement, start: u32, end: u32, replacement: &str) {
    select(textarea, start, end);
    let typed = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.dyn_into::<web_sys::HtmlDocument>().ok())
        .and_then(|d| d.exec_command_with_show_ui_and_value("insertText", false, replacement).ok())
        .unwrap_or(false);
    if !typed {
        // Without execCommand the edit cannot join the undo history, but it
        // must still happen.
        let _ = textarea.set_range_text_with_start_and_end(replacement, start, end);
        let init = web_sys::EventInit::new();
        init.set_bubbles(true);
        if let Ok(ev) = web_sys::Event::new_with_event_init_dict("input", &init) {
            let _ = textarea.dispatch_event(&ev);
        }
    }
}

/// Copies `text` to the clipboard; resolves to whether it worked.
pub async fn copy(text: &str) -> bool {
    match clipboard_write_text(text) {
        Ok(promise) => wasm_bindgen_futures::JsFuture::from(promise).await.is_ok(),
        Err(_) => false,
    }
}
