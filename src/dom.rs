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

/// Empties a textarea as the agent would: through the editing history when
/// it can take the focus, else directly (a folded field), firing `input`.
pub fn clear(textarea: &HtmlTextAreaElement) {
    let shown = textarea.dyn_ref::<web_sys::HtmlElement>().is_some_and(|e| e.offset_parent().is_some());
    if shown {
        let len = textarea.value().encode_utf16().count() as u32;
        return replace(textarea, 0, len, "");
    }
    textarea.set_value("");
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    if let Ok(ev) = web_sys::Event::new_with_event_init_dict("input", &init) {
        let _ = textarea.dispatch_event(&ev);
    }
}

/// Opens the `<details>` the element is folded in, if any.
pub fn open_enclosing_details(element: &web_sys::Element) {
    if let Ok(Some(details)) = element.closest("details") {
        let _ = details.set_attribute("open", "");
    }
}

/// Selects UTF-16 range `start..end` of the text of a host page's element:
/// a textarea or input by its selection, any other element with a DOM range
/// over its text nodes (as its `textContent` counts them).
pub fn select_in(element: &web_sys::HtmlElement, start: u32, end: u32) {
    if let Some(ta) = element.dyn_ref::<HtmlTextAreaElement>() {
        return select(ta, start, end);
    }
    if let Some(input) = element.dyn_ref::<web_sys::HtmlInputElement>() {
        let _ = input.focus();
        let _ = input.set_selection_range(start, end);
        return;
    }
    let mut texts = Vec::new();
    text_nodes(element, &mut texts);
    let locate = |at: u32| {
        let mut seen = 0u32;
        for node in &texts {
            let len = node.node_value().map_or(0, |v| v.encode_utf16().count() as u32);
            if at <= seen + len {
                return Some((node.clone(), at - seen));
            }
            seen += len;
        }
        None
    };
    let (Some((from, from_at)), Some((to, to_at))) = (locate(start), locate(end)) else { return };
    let Some(document) = element.owner_document() else { return };
    let Ok(range) = document.create_range() else { return };
    if range.set_start(&from, from_at).is_err() || range.set_end(&to, to_at).is_err() {
        return;
    }
    if let Some(selection) = web_sys::window().and_then(|w| w.get_selection().ok().flatten()) {
        let _ = selection.remove_all_ranges();
        let _ = selection.add_range(&range);
    }
    element.scroll_into_view_with_bool(false);
}

/// The text nodes under `node`, in document order.
fn text_nodes(node: &web_sys::Node, out: &mut Vec<web_sys::Node>) {
    if node.node_type() == web_sys::Node::TEXT_NODE {
        out.push(node.clone());
        return;
    }
    let children = node.child_nodes();
    for i in 0..children.length() {
        if let Some(child) = children.item(i) {
            text_nodes(&child, out);
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
