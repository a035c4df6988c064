//! The embed: Cornerstone's panel beside a host page's own textarea, and the
//! report as JSON for scripts. `cornerstone-embed.js` (see `assets/templates/embed.js`)
//! wraps these in `window.Cornerstone`; it owns the shadow root the panel
//! lives in, this module owns everything inside it. A host's rich-text editor
//! (a `contenteditable`) is followed through its text model: see `inplace.rs`.

use std::any::Any;
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

/// A panel attached to a host's reply box (a textarea, or an editable
/// element through `inplace::attach_editor`). Dropping it (or `detach`)
/// removes the panel and every listener and effect it added.
#[wasm_bindgen]
pub struct Attachment {
    pub(crate) coach: Coach,
    name_input: Option<HtmlInputElement>,
    pub(crate) listeners: Vec<Listener>,
    /// The panel's view, or the reactive owner of a coach without one, and
    /// anything else that lives as long as the attachment.
    pub(crate) owned: Vec<Box<dyn Any>>,
}

#[wasm_bindgen]
impl Attachment {
    /// Re-reads the reply box and name field, for hosts that change them from
    /// script (which fires no `input` event).
    pub fn refresh(&self) {
        if let Some(text) = self.coach.target.with_value(|t| t.current_value(self.coach.textarea)) {
            self.coach.draft.set(text);
        }
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

/// Mounts the panel into `mount` (inside the embed's shadow root), or no
/// panel when `mount` is null, and follows `textarea`, and `name_input` if
/// given, as the agent types.
#[wasm_bindgen(js_name = attachPanel)]
pub fn attach_panel(
    textarea: HtmlTextAreaElement,
    mount: Option<HtmlElement>,
    customer_name: Option<String>,
    name_input: Option<HtmlInputElement>,
    rules: Option<String>,
    rules_source: Option<String>,
    rules_problem: Option<String>,
) -> Attachment {
    let rules = rules_from(rules, rules_source, rules_problem);
    let mut attachment =
        attach(Target::Host(textarea.clone()), textarea.value(), mount, customer_name, name_input, rules);
    let coach = attachment.coach;
    // A long draft is read once typing pauses, never copied per keystroke.
    let pause = Rc::new(Cell::new(None::<gloo_timers::callback::Timeout>));
    let ta = textarea.clone();
    attachment.listeners.push(Listener::new(&textarea, "input", move |_| {
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
    }));
    attachment
}

/// The rule pack the embed was given, or why none is used.
pub(crate) fn rules_from(rules: Option<String>, source: Option<String>, problem: Option<String>) -> Rules {
    match (rules, problem) {
        (Some(json), _) => Rules::from_json(source.as_deref().unwrap_or("the rule pack"), &json),
        (None, Some(problem)) => Rules::refused(problem),
        (None, None) => Rules::default(),
    }
}

/// A coach for `target`, whose text is `text` now, with its panel in
/// `mount` (or none), following `name_input` if given.
pub(crate) fn attach(
    target: Target,
    text: String,
    mount: Option<HtmlElement>,
    customer_name: Option<String>,
    name_input: Option<HtmlInputElement>,
    rules: Rules,
) -> Attachment {
    console_error_panic_hook::set_once();
    let name = name_input.as_ref().map(|i| i.value()).or(customer_name).unwrap_or_default();
    let (coach, owned): (Coach, Box<dyn Any>) = match mount {
        Some(mount) => {
            let made: Rc<Cell<Option<Coach>>> = Rc::new(Cell::new(None));
            let slot = made.clone();
            let unmount = leptos::mount::mount_to(mount, move || {
                let coach = Coach::new(Mode::Embed, text, name, rules, target);
                slot.set(Some(coach));
                provide_context(coach);
                view! {
                    <div class="embed" data-testid="cornerstone-panel">
                        <Panel />
                    </div>
                }
            });
            (made.get().expect("the panel mounts synchronously"), Box::new(unmount))
        }
        None => {
            // No panel: the coach still needs an owner for its memo and
            // effects, dropped with the attachment, and the executor that
            // runs effects (an error only says it already runs).
            let _ = any_spawner::Executor::init_wasm_bindgen();
            let owner = Owner::new();
            let coach = owner.with(|| Coach::new(Mode::Embed, text, name, rules, target));
            (coach, Box::new(owner))
        }
    };
    let mut listeners = Vec::new();
    if let Some(input) = &name_input {
        let field = input.clone();
        listeners.push(Listener::new(input, "input", move |_| coach.name.set(field.value())));
    }
    Attachment { coach, name_input, listeners, owned: vec![owned] }
}
