//! Coaching inside the host's own reply box: the WebAssembly side of the
//! underlines and hint cards drawn by the embed's in-place modules
//! (`assets/templates/inplace/`).
//!
//! The analysis stays here, in the one coach an attachment has; the page
//! side reads the host's editor, paints the underlines and shows the cards.
//! For an editable element (`contenteditable`, a rich-text editor's root)
//! the page side also owns the text model, the plain text the agent sees
//! there, which it hands over with `setDraft` and which `HostEditor` maps
//! back to DOM ranges for "select" and "apply".

use cornerstone_engine::{JsonFinding, Severity};
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use web_sys::{HtmlElement, HtmlInputElement};

use crate::embed::{attach, rules_from, Attachment};
pub use crate::host::HostEditor;
use crate::target::Target;

/// Mounts the panel into `mount` (or no panel when it is null) and coaches
/// the editable element behind `editor`. Its text arrives with `setDraft`.
#[wasm_bindgen(js_name = attachEditor)]
#[allow(clippy::too_many_arguments)]
pub fn attach_editor(
    editor: HostEditor,
    mount: Option<HtmlElement>,
    customer_name: Option<String>,
    name_input: Option<HtmlInputElement>,
    customer_message: Option<String>,
    message_from: Option<HtmlElement>,
    rules: Option<String>,
    rules_source: Option<String>,
    rules_problem: Option<String>,
) -> Attachment {
    let text = editor.text().unwrap_or_default();
    let rules = rules_from(rules, rules_source, rules_problem);
    attach(Target::Editor(editor), text, mount, customer_name, name_input, customer_message, message_from, rules)
}

/// The severity of a finding as the in-place modules number it.
fn severity_code(severity: Severity) -> u32 {
    match severity {
        Severity::Warning => 0,
        Severity::Tip => 1,
        Severity::Praise => 2,
    }
}

#[wasm_bindgen]
impl Attachment {
    /// The host editor's text changed (read by the page's text model).
    #[wasm_bindgen(js_name = setDraft)]
    pub fn set_draft(&self, text: String) {
        if self.coach.draft.with_untracked(|d| *d != text) {
            self.coach.draft.set(text);
        }
    }

    /// Calls `callback(text, spans)` now and after every analysis: `text`
    /// is the analysed text and `spans` holds four numbers per finding with
    /// words, `start, end` (UTF-16 offsets in `text`), severity (0 warning,
    /// 1 tip, 2 praise) and the finding's index in the report. The callback
    /// stops with `detach`.
    pub fn watch(&mut self, callback: js_sys::Function) {
        let coach = self.coach;
        let owner = Owner::new();
        owner.with(|| {
            Effect::new(move |_| {
                coach.analysis.with(|a| {
                    let mut spans = Vec::with_capacity(a.utf16.len() * 4);
                    for (i, (f, range)) in a.report.findings.iter().zip(&a.utf16).enumerate() {
                        if let Some((start, end)) = *range {
                            if start < end {
                                spans.extend([start, end, severity_code(f.severity()), i as u32]);
                            }
                        }
                    }
                    let spans = js_sys::Uint32Array::from(spans.as_slice());
                    let _ = callback.call2(&JsValue::NULL, &JsValue::from_str(&a.text), &spans);
                })
            });
        });
        self.owned.push(Box::new(owner));
    }

    /// Finding `index` of the latest analysis as JSON (what a hint card
    /// shows): `{"finding": <as in the report>, "cornerstoneTitle": ...}`,
    /// if its words are still at UTF-16 range `start..end`; null if the
    /// analysis has moved on since.
    #[wasm_bindgen(js_name = findingJson)]
    pub fn finding_json(&self, index: usize, start: u32, end: u32) -> Option<String> {
        self.coach.analysis.with_untracked(|a| {
            let f = a.report.findings.get(index)?;
            let span = f.span?;
            if a.utf16.get(index).copied().flatten() != Some((start, end)) {
                return None;
            }
            let finding = JsonFinding {
                cue: f.cue.id(),
                cornerstone: f.cornerstone(),
                severity: f.severity(),
                label: f.cue.label(),
                message: &f.message,
                suggestions: &f.suggestions,
                text: Some(&a.text.as_str()[span]),
                start: Some(span.start()),
                end: Some(span.end()),
                start_utf16: Some(start as usize),
                end_utf16: Some(end as usize),
                context: f.context.and_then(|c| {
                    let message = a.report.message.as_ref()?;
                    let (start_utf16, end_utf16) = a.context16.get(index).copied().flatten()?;
                    Some(cornerstone_engine::JsonContext {
                        text: message.context_text(&a.text).get(c.start()..c.end())?,
                        start: c.start(),
                        end: c.end(),
                        start_utf16: start_utf16 as usize,
                        end_utf16: end_utf16 as usize,
                        within: if a.context_in_draft() { "draft" } else { "message" },
                    })
                }),
            };
            let finding = finding.to_json_string();
            let title = cornerstone_engine::json_str(f.cornerstone().title());
            Some(format!(r#"{{"finding":{finding},"cornerstoneTitle":{title}}}"#))
        })
    }

    /// Replaces UTF-16 range `start..end` of the reply with `text`, as the
    /// panel's "apply" does: only if the reply still is the analysed text.
    pub fn apply(&self, start: u32, end: u32, text: &str) {
        self.coach.replace(start, end, text);
    }

    /// Selects UTF-16 range `start..end` of the reply, as the panel's hints do.
    pub fn select(&self, start: u32, end: u32) {
        self.coach.select(start, end);
    }
}
