//! The embed: Cornerstone's panel beside a host page's own textarea, and the
//! report as JSON for scripts. `cornerstone-embed.js` (see `assets/templates/embed.js`)
//! wraps these in `window.Cornerstone`; it owns the shadow root the panel
//! lives in, this module owns everything inside it.

use std::cell::Cell;
use std::rc::Rc;

use cornerstone_engine::{analyze_with, Context, Report, RulePack};
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use web_sys::{HtmlElement, HtmlInputElement, HtmlTextAreaElement};

use crate::app::{Coach, Mode};
use crate::components::Panel;
use crate::listener::Listener;
use crate::rules::Rules;
use crate::target::Target;

/// The report for `text`, as the same JSON `cornerstone check --format json`
/// prints. A broken rule pack is an error naming line, column and field.
#[wasm_bindgen(js_name = analyzeJson)]
pub fn analyze_json(text: &str, customer_name: Option<String>, rules: Option<String>) -> Result<String, JsError> {
    let ctx = customer_name.map(Context::with_customer_name).unwrap_or_default();
    let pack = rules.map(|json| RulePack::from_json(&json)).transpose();
    let pack = pack.map_err(|e| JsError::new(&format!("rule pack refused: {e}")))?;
    Ok(report_json(&analyze_with(text, &ctx, pack.as_ref()), text))
}

/// A report of `text` in the CLI's JSON shape, as a string.
pub(crate) fn report_json(report: &Report, text: &str) -> String {
    serde_json::to_string(&report.to_json(text)).expect("reports always serialise")
}

/// A panel attached to a host textarea. Dropping it (or `detach`) removes
/// the panel and every listener it added.
#[wasm_bindgen]
pub struct Attachment {
    coach: Coach,
    textarea: HtmlTextAreaElement,
    name_input: Option<HtmlInputElement>,
    _listeners: Vec<Listener>,
    _unmount: Box<dyn std::any::Any>,
}

#[wasm_bindgen]
impl Attachment {
    /// Re-reads the textarea and name field, for hosts that change them from
    /// script (which fires no `input` event).
    pub fn refresh(&self) {
        self.coach.draft.set(self.textarea.value());
        if let Some(input) = &self.name_input {
            self.coach.name.set(input.value());
        }
    }

    /// The current report, as JSON.
    #[wasm_bindgen(js_name = reportJson)]
    pub fn report_json(&self) -> String {
        self.coach.analysis.with_untracked(|a| report_json(&a.report, &a.text))
    }

    /// Removes the panel and the listeners; the host page is as it was.
    pub fn detach(self) {}
}

/// Mounts the panel into `mount` (inside the embed's shadow root) and
/// follows `textarea`, and `name_input` if given, as the agent types.
#[wasm_bindgen(js_name = attachPanel)]
pub fn attach_panel(
    textarea: HtmlTextAreaElement,
    mount: HtmlElement,
    customer_name: Option<String>,
    name_input: Option<HtmlInputElement>,
    rules: Option<String>,
    rules_source: Option<String>,
    rules_problem: Option<String>,
) -> Attachment {
    console_error_panic_hook::set_once();
    let rules = match (rules, rules_problem) {
        (Some(json), _) => Rules::from_json(rules_source.as_deref().unwrap_or("the rule pack"), &json),
        (None, Some(problem)) => Rules::refused(problem),
        (None, None) => Rules::default(),
    };
    let name = name_input.as_ref().map(|i| i.value()).or(customer_name).unwrap_or_default();
    let made: Rc<Cell<Option<Coach>>> = Rc::new(Cell::new(None));
    let (slot, ta) = (made.clone(), textarea.clone());
    let unmount = leptos::mount::mount_to(mount, move || {
        let coach = Coach::new(Mode::Embed, ta.value(), name, rules, Target::Host(ta));
        slot.set(Some(coach));
        provide_context(coach);
        view! {
            <div class="embed" data-testid="cornerstone-panel">
                <Panel />
            </div>
        }
    });
    let coach = made.get().expect("the panel mounts synchronously");
    // A long draft is read once typing pauses, never copied per keystroke.
    let pause = Rc::new(Cell::new(None::<gloo_timers::callback::Timeout>));
    let mut listeners = vec![{
        let ta = textarea.clone();
        Listener::new(&textarea, "input", move |_| {
            if ta.text_length() as usize <= crate::app::LIVE_LIMIT {
                pause.set(None);
                coach.draft.set(ta.value());
            } else {
                let ta = ta.clone();
                let read = move || {
                    // The pause is over: analyse at once.
                    let value = ta.value();
                    coach.draft.set(value.clone());
                    coach.analysed.set(value);
                };
                pause.set(Some(gloo_timers::callback::Timeout::new(crate::app::DEBOUNCE_MS, read)));
            }
        })
    }];
    if let Some(input) = &name_input {
        let field = input.clone();
        listeners.push(Listener::new(input, "input", move |_| coach.name.set(field.value())));
    }
    Attachment { coach, textarea, name_input, _listeners: listeners, _unmount: Box::new(unmount) }
}
