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

/// Focuses the textarea and selects UTF-16 range `start..end` of it,
/// scrolled so the words show: a browser does not scroll a textarea to a
/// selection set from script, and a hint's words may be far above the
/// part of a long draft in view.
pub fn select(textarea: &HtmlTextAreaElement, start: u32, end: u32) {
    let _ = textarea.focus();
    let _ = textarea.set_selection_range(start, end);
    scroll_to_offset(textarea, start);
}

/// Scrolls the textarea so the line holding UTF-16 offset `at` is in view
/// (a third of the way down), unless it already is. The line's height is
/// measured on a hidden copy of the textarea's text up to `at`, laid out
/// with the textarea's own font, width and wrapping, then removed.
fn scroll_to_offset(textarea: &HtmlTextAreaElement, at: u32) {
    let Some(window) = web_sys::window() else { return };
    let Some(document) = window.document() else { return };
    let Some(body) = document.body() else { return };
    let Ok(Some(style)) = window.get_computed_style(textarea) else { return };
    let (Ok(copy), Ok(marker)) = (document.create_element("div"), document.create_element("span")) else { return };
    let (Ok(copy), Ok(marker)) = (copy.dyn_into::<web_sys::HtmlElement>(), marker.dyn_into::<web_sys::HtmlElement>())
    else {
        return;
    };
    let css = copy.style();
    for property in [
        "box-sizing",
        "width",
        "padding-top",
        "padding-right",
        "padding-bottom",
        "padding-left",
        "border-top-width",
        "border-right-width",
        "border-bottom-width",
        "border-left-width",
        "border-style",
        "font-family",
        "font-size",
        "font-weight",
        "font-style",
        "font-variant",
        "letter-spacing",
        "word-spacing",
        "line-height",
        "text-transform",
        "text-indent",
        "tab-size",
        "word-break",
        "overflow-wrap",
        "direction",
    ] {
        if let Ok(value) = style.get_property_value(property) {
            let _ = css.set_property(property, &value);
        }
    }
    for (property, value) in [
        ("position", "absolute"),
        ("visibility", "hidden"),
        ("top", "0"),
        ("left", "-10000px"),
        ("white-space", "pre-wrap"),
        ("overflow", "hidden"),
        ("height", "auto"),
    ] {
        let _ = css.set_property(property, value);
    }
    // The text before the offset (UTF-16 units, as the DOM counts them).
    let value = textarea.value();
    let units: Vec<u16> = value.encode_utf16().take(at as usize).collect();
    copy.set_text_content(Some(&String::from_utf16_lossy(&units)));
    marker.set_text_content(Some("\u{200b}"));
    let _ = copy.append_child(&marker);
    if body.append_child(&copy).is_err() {
        return;
    }
    let (top, line) = (marker.offset_top(), marker.offset_height().max(1));
    copy.remove();
    let (scroll, height) = (textarea.scroll_top(), textarea.client_height());
    if top < scroll || top + line > scroll + height {
        textarea.set_scroll_top((top - height / 3).max(0));
    }
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
