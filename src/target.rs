//! Where the coach's "select these words" and "apply this phrasing" act:
//! the app's own textarea, a host page's textarea, or the parent page of an
//! iframe, told by `postMessage`.

use leptos::prelude::*;
use wasm_bindgen::JsValue;
use web_sys::HtmlTextAreaElement;

use crate::{dom, frame};

#[derive(Clone)]
pub enum Target {
    /// The app's own textarea (the coach's node ref).
    Own,
    /// A host page's textarea, from `Cornerstone.attach`.
    Host(HtmlTextAreaElement),
    /// The parent page of an iframe: messages go to this origin only.
    Parent { origin: RwSignal<Option<String>> },
}

impl Target {
    fn textarea(&self, own: NodeRef<leptos::html::Textarea>) -> Option<HtmlTextAreaElement> {
        match self {
            Target::Own => own.get_untracked(),
            Target::Host(ta) => Some(ta.clone()),
            Target::Parent { .. } => None,
        }
    }

    pub fn select(&self, own: NodeRef<leptos::html::Textarea>, start: u32, end: u32) {
        match self {
            Target::Parent { origin } => post_to_parent(*origin, "cornerstone:select", start, end, None),
            _ => {
                if let Some(ta) = self.textarea(own) {
                    dom::select(&ta, start, end);
                }
            }
        }
    }

    pub fn replace(&self, own: NodeRef<leptos::html::Textarea>, start: u32, end: u32, text: &str) {
        match self {
            Target::Parent { origin } => post_to_parent(*origin, "cornerstone:replace", start, end, Some(text)),
            _ => {
                if let Some(ta) = self.textarea(own) {
                    dom::replace(&ta, start, end, text);
                }
            }
        }
    }
}

fn post_to_parent(origin: RwSignal<Option<String>>, kind: &str, start: u32, end: u32, text: Option<&str>) {
    let Some(origin) = origin.get_untracked() else { return };
    let mut fields = vec![("start", JsValue::from(start)), ("end", JsValue::from(end))];
    fields.extend(text.map(|t| ("text", JsValue::from(t))));
    frame::post(&frame::message(kind, &fields), &origin);
}
