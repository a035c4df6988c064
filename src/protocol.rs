//! The iframe's messages in and out of JavaScript: `cornerstone_protocol`'s
//! typed messages (the one list of message types, shared with the bundler)
//! read from a `MessageEvent`'s data and built into objects for the parent.

use cornerstone_protocol::{Field, Message, Outgoing, Value};
use wasm_bindgen::JsValue;

pub use cornerstone_protocol::{Incoming, Kind, Place, ProtocolError};

/// A message's data as the page posted it.
pub struct Data<'a>(pub &'a JsValue);

impl Message for Data<'_> {
    type Raw = JsValue;

    fn field(&self, key: &str) -> Field {
        let value = self.raw(key);
        if value.is_undefined() || value.is_null() {
            return Field::Absent;
        }
        if let Some(text) = value.as_string() {
            return Field::Text(text);
        }
        Field::Other(if value.as_f64().is_some() {
            "a number"
        } else if value.as_bool().is_some() {
            "a boolean"
        } else if value.is_object() {
            "an object"
        } else {
            "another type"
        })
    }

    fn raw(&self, key: &str) -> JsValue {
        if !self.0.is_object() {
            return JsValue::UNDEFINED;
        }
        js_sys::Reflect::get(self.0, &key.into()).unwrap_or(JsValue::UNDEFINED)
    }
}

/// Reads an arriving message (see `Incoming::parse`).
pub fn read(data: &JsValue) -> Result<Option<Incoming<JsValue>>, ProtocolError> {
    Incoming::parse(&Data(data))
}

/// `message` as the object posted to the parent page.
pub fn object(message: Outgoing<JsValue>) -> js_sys::Object {
    let object = js_sys::Object::new();
    for (key, value) in message.fields() {
        let value = match value {
            Value::Text(text) => JsValue::from(text),
            Value::Number(n) => JsValue::from(n),
            Value::Raw(raw) => raw,
        };
        let _ = js_sys::Reflect::set(&object, &key.into(), &value);
    }
    object
}

/// Posts `message` to the parent page, delivered only if it is at `origin`.
pub fn post(message: Outgoing<JsValue>, origin: &str) {
    if let Some(parent) = web_sys::window().and_then(|w| w.parent().ok().flatten()) {
        let _ = parent.post_message(&object(message), origin);
    }
}
