//! Where the coach's "select these words" and "apply this phrasing" act:
//! the app's own textarea, a host page's textarea or editable element, or
//! the parent page of an iframe, told by `postMessage`.

use leptos::prelude::*;
use wasm_bindgen::JsValue;
use web_sys::HtmlTextAreaElement;

use crate::dom;
use crate::host::HostEditor;
use crate::protocol::{self, Place};
use cornerstone_protocol::Outgoing;

/// Where the customer's message is shown, for selecting the customer's
/// words a hint is about.
#[derive(Clone)]
pub enum MessageTarget {
    /// Nowhere (no message field).
    None,
    /// The app's own message field (the coach's message node ref).
    Own,
    /// A host page's element the message is read from: a textarea, an
    /// input, or any element (its text is selected with a DOM range).
    Host(web_sys::HtmlElement),
    /// The parent page of an iframe: asked to select, with `field: "message"`.
    Parent { origin: RwSignal<Option<String>> },
}

impl MessageTarget {
    pub fn select(&self, own: NodeRef<leptos::html::Textarea>, start: u32, end: u32, expected: &str) {
        match self {
            MessageTarget::None => {}
            MessageTarget::Own => {
                if let Some(ta) = own.get_untracked() {
                    // The field may be folded away: open it first.
                    dom::open_enclosing_details(&ta);
                    dom::select(&ta, start, end);
                }
            }
            MessageTarget::Host(element) => dom::select_in(element, start, end),
            MessageTarget::Parent { origin } => post_to_parent(*origin, |request_id| Outgoing::Select {
                request_id,
                start,
                end,
                expected: expected.into(),
                place: Place::Message,
            }),
        }
    }
}

#[derive(Clone)]
pub enum Target {
    /// The app's own textarea (the coach's node ref).
    Own,
    /// A host page's textarea, from `Cornerstone.attach`.
    Host(HtmlTextAreaElement),
    /// The parent page of an iframe: messages go to this origin only.
    Parent { origin: RwSignal<Option<String>> },
    /// A host page's editable element (a rich-text editor's root), read and
    /// edited through its text model (see `inplace.rs`).
    Editor(HostEditor),
}

impl Target {
    fn textarea(&self, own: NodeRef<leptos::html::Textarea>) -> Option<HtmlTextAreaElement> {
        match self {
            Target::Own => own.get_untracked(),
            Target::Host(ta) => Some(ta.clone()),
            Target::Parent { .. } | Target::Editor(_) => None,
        }
    }

    /// The text the page holds now, where it can be read (not across frames).
    pub fn current_value(&self, own: NodeRef<leptos::html::Textarea>) -> Option<String> {
        match self {
            Target::Editor(editor) => editor.text().ok(),
            _ => self.textarea(own).map(|ta| ta.value()),
        }
    }

    pub fn select(&self, own: NodeRef<leptos::html::Textarea>, start: u32, end: u32, expected: &str) {
        match self {
            Target::Parent { origin } => post_to_parent(*origin, |request_id| Outgoing::Select {
                request_id,
                start,
                end,
                expected: expected.into(),
                place: Place::Reply,
            }),
            Target::Editor(editor) => {
                let _ = editor.select(start, end, expected);
            }
            _ => {
                if let Some(ta) = self.textarea(own) {
                    dom::select(&ta, start, end);
                }
            }
        }
    }

    pub fn replace(&self, own: NodeRef<leptos::html::Textarea>, start: u32, end: u32, text: &str, expected: &str) {
        match self {
            Target::Parent { origin } => post_to_parent(*origin, |request_id| Outgoing::Replace {
                request_id,
                start,
                end,
                expected: expected.into(),
                text: text.into(),
            }),
            Target::Editor(editor) => {
                let _ = editor.replace(start, end, text, expected);
            }
            _ => {
                if let Some(ta) = self.textarea(own) {
                    dom::replace(&ta, start, end, text);
                }
            }
        }
    }
}

/// Asks the parent to act on its textarea. The message carries a request id
/// (`requestId`, one per request) and the words the frame expects at
/// `start..end` (`expected`): the parent must act only if its textarea
/// still holds them there, else check again (see the README snippet).
fn post_to_parent(origin: RwSignal<Option<String>>, message: impl FnOnce(u32) -> Outgoing<JsValue>) {
    thread_local!(static NEXT: std::cell::Cell<u32> = const { std::cell::Cell::new(1) });
    let Some(origin) = origin.get_untracked() else { return };
    let request = NEXT.with(|n| n.replace(n.get() + 1));
    protocol::post(message(request), &origin);
}
