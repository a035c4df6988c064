//! The embed: Cornerstone's panel beside a host page's own textarea, and the
//! report as JSON for scripts. `cornerstone-embed.js` (see `assets/templates/embed.js`)
//! wraps these in `window.Cornerstone`; it owns the shadow root the panel
//! lives in, this module owns everything inside it. A host's rich-text editor
//! (a `contenteditable`) is followed through its text model: see `inplace.rs`.

use std::any::Any;
use std::cell::Cell;
use std::rc::Rc;

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use web_sys::{HtmlElement, HtmlInputElement, HtmlTextAreaElement};

use crate::analysis::Analysis;
use crate::components::Panel;
use crate::listener::Listener;
use crate::rules::Rules;
use crate::state::{set_if_changed, Coach, Mode};
use crate::target::{MessageTarget, Target};

/// A panel attached to a host's reply box (a textarea, or an editable
/// element through `inplace::attach_editor`). Dropping it (or `detach`)
/// removes the panel and every listener and effect it added.
#[wasm_bindgen]
pub struct Attachment {
    pub(crate) coach: Coach,
    name_input: Option<HtmlInputElement>,
    /// What follows the name field as it is edited.
    name_follow: Vec<Listener>,
    pub(crate) listeners: Vec<Listener>,
    /// The element the customer's message is read from, if any.
    message_from: Option<HtmlElement>,
    /// What follows that element (its listener or its observer).
    message_follow: Option<Box<dyn Any>>,
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
        if let Some(from) = &self.message_from {
            self.coach.message.set(text_of(from));
        }
    }

    /// Re-reads the name field and a message field that is a textarea or an
    /// input (a host page's script sets their values without an `input`
    /// event): called as the agent enters or types in the reply box. Only a
    /// value that changed is set, so nothing is analysed again for nothing.
    #[wasm_bindgen(js_name = syncFields)]
    pub fn sync_fields(&self) {
        if let Some(input) = &self.name_input {
            set_if_changed(self.coach.name, input.value());
        }
        if let Some(from) = self.message_from.as_ref().filter(|f| is_field(f)) {
            set_if_changed(self.coach.message, text_of(from));
        }
    }

    /// Follows another name field (the host page replaced the one given).
    #[wasm_bindgen(js_name = setNameFrom)]
    pub fn set_name_from(&mut self, input: HtmlInputElement) {
        self.name_follow = follow_name(self.coach, &input);
        set_if_changed(self.coach.name, input.value());
        self.name_input = Some(input);
    }

    /// Follows another element for the customer's message (the host page
    /// replaced the one given), and selects the customer's words there.
    #[wasm_bindgen(js_name = setMessageFrom)]
    pub fn set_message_from(&mut self, from: HtmlElement) {
        self.message_follow = None;
        self.message_follow = follow_message(self.coach, &from);
        self.coach.message_target.set_value(MessageTarget::Host(from.clone()));
        set_if_changed(self.coach.message, text_of(&from));
        self.message_from = Some(from);
    }

    /// Calls `callback` once the coaching shown is of the reply as it is now:
    /// at once if it is, else when the analysis catches up (a long reply in
    /// the worker, a reply waiting for the engine). Once.
    #[wasm_bindgen(js_name = whenAnalysed)]
    pub fn when_analysed(&mut self, callback: js_sys::Function) {
        let coach = self.coach;
        let owner = Owner::new();
        let called = Cell::new(false);
        owner.with(|| {
            Effect::new(move |_| {
                let current = coach.analysis.with(|a| coach.draft.with(|d| a.text == *d));
                if current && !called.replace(true) {
                    let _ = callback.call0(&JsValue::NULL);
                }
            });
        });
        self.owned.push(Box::new(owner));
    }

    /// The current report, as JSON; none before there is one (the engine
    /// on its way, or a reply with words not analysed yet), rather than an
    /// empty report that would read "Ready to send".
    #[wasm_bindgen(js_name = reportJson)]
    pub fn report_json(&self) -> Option<String> {
        self.coach.has_coaching().then(|| self.coach.analysis.with_untracked(Analysis::report_json))
    }

    /// Removes the panel and the listeners; the host page is as it was.
    pub fn detach(self) {}
}

/// Whether the element is edited as a field (a textarea or an input),
/// rather than rendered by the page.
fn is_field(element: &HtmlElement) -> bool {
    use wasm_bindgen::JsCast;
    element.dyn_ref::<HtmlTextAreaElement>().is_some() || element.dyn_ref::<HtmlInputElement>().is_some()
}

/// The listeners that follow a name field as the agent edits it.
fn follow_name(coach: Coach, input: &HtmlInputElement) -> Vec<Listener> {
    ["input", "change"]
        .into_iter()
        .map(|kind| {
            let field = input.clone();
            Listener::new(input, kind, move |_| set_if_changed(coach.name, field.value()))
        })
        .collect()
}

/// What follows the element the customer's message is read from: a field's
/// `input` listener, or an observer of any other element's text.
fn follow_message(coach: Coach, from: &HtmlElement) -> Option<Box<dyn Any>> {
    let field = from.clone();
    let follow = move || set_if_changed(coach.message, text_of(&field));
    if is_field(from) {
        Some(Box::new(Listener::new(from, "input", move |_| follow())))
    } else {
        Observer::new(from, follow).map(|o| Box::new(o) as Box<dyn Any>)
    }
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

/// Mounts the panel into `mount` (inside the embed's shadow root), or no
/// panel when `mount` is null, and follows `textarea`, and `name_input` and
/// `message_from` if given, as the agent types (or the page fills them in).
#[allow(clippy::too_many_arguments)]
#[wasm_bindgen(js_name = attachPanel)]
pub fn attach_panel(
    textarea: HtmlTextAreaElement,
    mount: Option<HtmlElement>,
    customer_name: Option<String>,
    name_input: Option<HtmlInputElement>,
    customer_message: Option<String>,
    message_from: Option<HtmlElement>,
    rules: Option<String>,
    rules_source: Option<String>,
    rules_problem: Option<String>,
) -> Attachment {
    let rules = rules_from(rules, rules_source, rules_problem);
    let mut attachment = attach(
        Target::Host(textarea.clone()),
        textarea.value(),
        mount,
        customer_name,
        name_input,
        customer_message,
        message_from,
        rules,
    );
    let coach = attachment.coach;
    // A long draft is read once typing pauses, never copied per keystroke.
    let pause = Rc::new(Cell::new(None::<gloo_timers::callback::Timeout>));
    let ta = textarea.clone();
    attachment.listeners.push(Listener::new(&textarea, "input", move |_| {
        if ta.text_length() as usize <= crate::state::LIVE_LIMIT {
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
            pause.set(Some(gloo_timers::callback::Timeout::new(crate::state::DEBOUNCE_MS, read)));
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
/// `mount` (or none), following `name_input` and `message_from` if given.
#[allow(clippy::too_many_arguments)]
pub(crate) fn attach(
    target: Target,
    text: String,
    mount: Option<HtmlElement>,
    customer_name: Option<String>,
    name_input: Option<HtmlInputElement>,
    customer_message: Option<String>,
    message_from: Option<HtmlElement>,
    rules: Rules,
) -> Attachment {
    crate::panic::messages();
    let name = name_input.as_ref().map(|i| i.value()).or(customer_name).unwrap_or_default();
    let message = message_from.as_ref().map(text_of).or(customer_message).unwrap_or_default();
    let message_target = message_from.clone().map_or(MessageTarget::None, MessageTarget::Host);
    let (coach, owned): (Coach, Box<dyn Any>) = match mount {
        Some(mount) => {
            let made: Rc<Cell<Option<Coach>>> = Rc::new(Cell::new(None));
            let slot = made.clone();
            let unmount = leptos::mount::mount_to(mount, move || {
                let coach = Coach::with_message(Mode::Embed, text, name, message, rules, target, message_target);
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
            let coach =
                owner.with(|| Coach::with_message(Mode::Embed, text, name, message, rules, target, message_target));
            (coach, Box::new(owner))
        }
    };
    let name_follow = name_input.as_ref().map(|input| follow_name(coach, input)).unwrap_or_default();
    let message_follow = message_from.as_ref().and_then(|from| follow_message(coach, from));
    Attachment {
        coach,
        name_input,
        name_follow,
        message_from,
        message_follow,
        listeners: Vec::new(),
        owned: vec![owned],
    }
}
