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
use crate::target::{MessageTarget, Target};

/// The report for `text`, as the same JSON `cornerstone check --format json`
/// prints. A broken rule pack is an error naming line, column and field.
#[wasm_bindgen(js_name = analyzeJson)]
pub fn analyze_json(
    text: &str,
    customer_name: Option<String>,
    customer_message: Option<String>,
    rules: Option<String>,
) -> Result<String, JsError> {
    let ctx = Context::new(customer_name.as_deref(), customer_message.as_deref());
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
    message_from: Option<HtmlElement>,
    _listeners: Vec<Listener>,
    _observer: Option<Observer>,
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
        if let Some(from) = &self.message_from {
            self.coach.message.set(text_of(from));
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

/// The text of the element the customer's message is read from: a
/// textarea's or input's value, any other element's text.
fn text_of(element: &HtmlElement) -> String {
    use wasm_bindgen::JsCast;
    if let Some(ta) = element.dyn_ref::<HtmlTextAreaElement>() {
        return ta.value();
    }
    if let Some(input) = element.dyn_ref::<HtmlInputElement>() {
        return input.value();
    }
    element.text_content().unwrap_or_default()
}

/// Follows changes to an element's text (a host page rendering the
/// customer's message as it loads); disconnected when dropped.
struct Observer {
    observer: web_sys::MutationObserver,
    _callback: Closure<dyn FnMut()>,
}

impl Observer {
    fn new(element: &HtmlElement, f: impl FnMut() + 'static) -> Option<Observer> {
        use wasm_bindgen::JsCast;
        let callback = Closure::<dyn FnMut()>::new(f);
        let observer = web_sys::MutationObserver::new(callback.as_ref().unchecked_ref()).ok()?;
        let init = web_sys::MutationObserverInit::new();
        init.set_character_data(true);
        init.set_child_list(true);
        init.set_subtree(true);
        observer.observe_with_options(element, &init).ok()?;
        Some(Observer { observer, _callback: callback })
    }
}

impl Drop for Observer {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}

/// Mounts the panel into `mount` (inside the embed's shadow root) and
/// follows `textarea`, and `name_input` and `message_from` if given, as the
/// agent types (or the page fills them in).
#[allow(clippy::too_many_arguments)]
#[wasm_bindgen(js_name = attachPanel)]
pub fn attach_panel(
    textarea: HtmlTextAreaElement,
    mount: HtmlElement,
    customer_name: Option<String>,
    name_input: Option<HtmlInputElement>,
    customer_message: Option<String>,
    message_from: Option<HtmlElement>,
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
    let message = message_from.as_ref().map(text_of).or(customer_message).unwrap_or_default();
    let message_target = message_from.clone().map_or(MessageTarget::None, MessageTarget::Host);
    let made: Rc<Cell<Option<Coach>>> = Rc::new(Cell::new(None));
    let (slot, ta) = (made.clone(), textarea.clone());
    let unmount = leptos::mount::mount_to(mount, move || {
        let coach =
            Coach::with_message(Mode::Embed, ta.value(), name, message, rules, Target::Host(ta), message_target);
        slot.set(Some(coach));
        provide_context(coach);
        view! {
            <div class="embed" data-testid="cornerstone-panel">
                <Panel />
            </div>
        }
    });
    let coach = made.get().expect("the panel mounts synchronously");
    let mut listeners = vec![{
        let ta = textarea.clone();
        Listener::new(&textarea, "input", move |_| coach.draft.set(ta.value()))
    }];
    if let Some(input) = &name_input {
        let field = input.clone();
        listeners.push(Listener::new(input, "input", move |_| coach.name.set(field.value())));
    }
    let mut observer = None;
    if let Some(from) = &message_from {
        let field = from.clone();
        let follow = move || coach.message.set(text_of(&field));
        use wasm_bindgen::JsCast;
        let editable = from.dyn_ref::<HtmlTextAreaElement>().is_some() || from.dyn_ref::<HtmlInputElement>().is_some();
        if editable {
            listeners.push(Listener::new(from, "input", move |_| follow()));
        } else {
            observer = Observer::new(from, follow);
        }
    }
    Attachment {
        coach,
        textarea,
        name_input,
        message_from,
        _listeners: listeners,
        _observer: observer,
        _unmount: Box::new(unmount),
    }
}
