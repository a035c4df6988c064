//! The iframe's messages to and from its parent page.

use wasm_bindgen::JsValue;

/// A message `{type: kind, ...fields}` for the parent page.
pub fn message(kind: &str, fields: &[(&str, JsValue)]) -> js_sys::Object {
    let msg = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&msg, &"type".into(), &kind.into());
    for (k, v) in fields {
        let _ = js_sys::Reflect::set(&msg, &(*k).into(), v);
    }
    msg
}

/// Posts to the parent page, delivered only if it is at `origin`.
pub fn post(msg: &js_sys::Object, origin: &str) {
    if let Some(parent) = web_sys::window().and_then(|w| w.parent().ok().flatten()) {
        let _ = parent.post_message(msg, origin);
    }
}
