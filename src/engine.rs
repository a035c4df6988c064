//! The engine, from the UI's side.
//!
//! The engine is a WebAssembly module of its own (`crates/web-engine`),
//! so that the page's first load is the UI alone: the loader fetches the
//! engine beside it and hands it over with [`use_engine`] once it has
//! arrived. Until then the draft box works, and every analysis waits
//! ([`when_ready`]); the analysis worker loads the engine module only.
//!
//! What crosses is text: the draft, the name, the message and a pack's JSON
//! in; the report's wire form and the findings' UTF-16 ranges out.
//!
//! The app's native tests and its widget tests in the browser link the
//! engine instead (feature `engine-linked`, and every native build), through
//! the same calls: there the engine is ready from the start.

use std::cell::RefCell;
use std::sync::Arc;

/// A coach's analyser in the engine: it keeps the draft's last parse, so an
/// edit is read again only where it changed.
pub struct Analyzer {
    inner: inner::Analyzer,
    /// The pack it holds, by identity: `None` until one was set.
    pack: Option<Option<Arc<str>>>,
}

/// One analysis: the report's wire form and its findings' UTF-16 ranges
/// (see `analysis::unflatten`), or why there is none.
pub type Answer = Result<(String, Vec<u32>, Vec<u32>), String>;

impl Analyzer {
    /// A new analyser, once the engine has arrived.
    pub fn new() -> Option<Analyzer> {
        Some(Analyzer { inner: inner::Analyzer::new()?, pack: None })
    }

    /// The report of `text` for the customer `name`, answering `message`,
    /// under the pack `pack` (its JSON, none for the built-in rules). A pack
    /// the engine refuses leaves the built-in rules in use, as on the panel.
    pub fn analyze(&mut self, text: &str, name: &str, message: &str, pack: &Option<Arc<str>>) -> Answer {
        if !holds(&self.pack, pack) {
            // (Refused: the engine has dropped the old pack and uses none.)
            let _ = self.inner.set_rules(pack.as_deref());
            self.pack = Some(pack.clone());
        }
        self.inner.analyze(text, name, message)
    }
}

/// Whether an analyser that was given `held` (`None`: nothing yet) holds
/// `pack`, by identity: the same JSON is not sent again.
pub fn holds(held: &Option<Option<Arc<str>>>, pack: &Option<Arc<str>>) -> bool {
    held.as_ref().is_some_and(|held| match (held, pack) {
        (Some(a), Some(b)) => Arc::ptr_eq(a, b),
        (None, None) => true,
        _ => false,
    })
}

/// Whether the engine is here.
pub fn ready() -> bool {
    inner::ready()
}

/// Runs `then` once the engine is here: now, if it is.
pub fn when_ready(then: impl FnOnce() + 'static) {
    if ready() {
        then();
    } else {
        WAITING.with(|w| w.borrow_mut().push(Box::new(then)));
    }
}

thread_local! {
    /// What waits for the engine, in the order it asked.
    static WAITING: RefCell<Vec<Box<dyn FnOnce()>>> = const { RefCell::new(Vec::new()) };
}

/// The engine has arrived: runs what waited for it, then tells the views.
#[cfg_attr(any(feature = "engine-linked", not(target_arch = "wasm32")), allow(dead_code))]
fn arrived() {
    loop {
        let waiting = WAITING.with(|w| std::mem::take(&mut *w.borrow_mut()));
        if waiting.is_empty() {
            break;
        }
        for then in waiting {
            then();
        }
    }
    use leptos::prelude::Set;
    HERE.with(|h| h.set(true));
}

thread_local! {
    /// What stopped the engine, if anything did.
    /// (Reference-counted: not owned by any view, so no view disposes it.)
    static FAILURE: leptos::prelude::ArcRwSignal<Option<Failure>> = leptos::prelude::ArcRwSignal::new(None);
    /// Whether the engine is here, for the views ([`state`]).
    static HERE: leptos::prelude::ArcRwSignal<bool> = leptos::prelude::ArcRwSignal::new(inner::ready());
}

/// Where the engine is, for the views: read reactively.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    /// On its way: the draft box works, the hints wait.
    Loading,
    Ready,
    /// It could not be loaded, or it failed on a draft ([`failure`] says
    /// which and why).
    Failed,
}

/// What stopped the engine: the page cannot coach.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Failure {
    /// The engine module could not be loaded (the loader's reason).
    Load(String),
    /// The engine failed while analysing a draft (its error): a bug, which
    /// the fuzzing is there to prevent; its state can no longer be trusted.
    Crash(String),
}

impl Failure {
    /// The panel's alert.
    pub fn message(&self) -> String {
        match self {
            Failure::Load(why) => {
                format!("The coach could not load its engine ({why}): no hints can be shown. Reload the page to try again.")
            }
            Failure::Crash(why) => format!(
                "The coach's engine failed on this draft ({why}): no hints can be shown. Your draft is kept; reload the \
                 page to try again."
            ),
        }
    }

    /// The panel's summary.
    pub fn summary(&self) -> &'static str {
        match self {
            Failure::Load(_) => "No hints: the coach could not load",
            Failure::Crash(_) => "No hints: the coach's engine failed",
        }
    }
}

impl Status {
    /// The panel's `data-engine` attribute.
    pub fn id(self) -> &'static str {
        match self {
            Status::Loading => "loading",
            Status::Ready => "ready",
            Status::Failed => "failed",
        }
    }
}

/// Where the engine is, read reactively.
pub fn state() -> Status {
    use leptos::prelude::{Get, With};
    if FAILURE.with(|f| f.with(Option::is_some)) {
        Status::Failed
    } else if HERE.with(|h| h.get()) {
        Status::Ready
    } else {
        Status::Loading
    }
}

/// What stopped the engine (the page cannot coach), if anything did; read
/// reactively.
pub fn failure() -> Option<Failure> {
    use leptos::prelude::Get;
    FAILURE.with(|f| f.get())
}

/// The loader could not load the engine module: says why on every panel.
#[wasm_bindgen::prelude::wasm_bindgen(js_name = engineFailed)]
pub fn engine_failed(why: String) {
    failed(Failure::Load(why));
}

/// Whether the engine stopped (not read reactively).
pub fn stopped() -> bool {
    use leptos::prelude::WithUntracked;
    FAILURE.with(|f| f.with_untracked(Option::is_some))
}

/// The engine stopped: every panel says so, and nothing is analysed again.
pub fn failed(failure: Failure) {
    use leptos::prelude::Set;
    FAILURE.with(|f| f.set(Some(failure)));
}

/// What the engine says of a team's rule pack: its label for the panel
/// (none for an empty pack) or what is wrong with it and where. `None`
/// until the engine is here.
pub fn rules_label(json: &str) -> Option<Result<Option<String>, String>> {
    inner::rules_label(json)
}

/// The engine's compiled module, for the analysis worker (so that it does
/// not fetch and compile it again); `None` when it is linked in.
pub fn module() -> Option<wasm_bindgen::JsValue> {
    inner::module()
}

/// The engine linked in: native builds and the widget tests.
#[cfg(any(feature = "engine-linked", not(target_arch = "wasm32")))]
mod inner {
    use super::Answer;

    pub struct Analyzer(cornerstone_web_engine::Analyzer);

    impl Analyzer {
        pub fn new() -> Option<Analyzer> {
            Some(Analyzer(cornerstone_web_engine::Analyzer::new()))
        }

        pub fn set_rules(&mut self, json: Option<&str>) -> Result<(), String> {
            self.0.use_pack(json)
        }

        pub fn analyze(&mut self, text: &str, name: &str, message: &str) -> Answer {
            let wire = self.0.analyze(text, name, message);
            Ok((wire, self.0.spans(), self.0.contexts()))
        }
    }

    pub fn ready() -> bool {
        true
    }

    pub fn rules_label(json: &str) -> Option<Result<Option<String>, String>> {
        Some(cornerstone_web_engine::label(json))
    }

    pub fn module() -> Option<wasm_bindgen::JsValue> {
        None
    }
}

/// The engine as the module the loader hands over.
#[cfg(all(not(feature = "engine-linked"), target_arch = "wasm32"))]
mod inner {
    use std::cell::RefCell;

    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;

    use super::Answer;

    #[wasm_bindgen]
    extern "C" {
        /// The engine module's `Analyzer` (see `crates/web-engine`).
        type JsAnalyzer;
        #[wasm_bindgen(method, catch)]
        fn analyze(this: &JsAnalyzer, text: &str, name: &str, message: &str) -> Result<String, JsValue>;
        #[wasm_bindgen(method)]
        fn spans(this: &JsAnalyzer) -> js_sys::Uint32Array;
        #[wasm_bindgen(method)]
        fn contexts(this: &JsAnalyzer) -> js_sys::Uint32Array;
        #[wasm_bindgen(method, catch, js_name = setRules)]
        fn set_rules(this: &JsAnalyzer, rules: Option<String>) -> Result<(), JsValue>;
        #[wasm_bindgen(method)]
        fn free(this: &JsAnalyzer);
    }

    thread_local! {
        /// The engine module's JavaScript exports, once it is here.
        static ENGINE: RefCell<Option<JsValue>> = const { RefCell::new(None) };
    }

    /// Hands the engine over: `exports`, the engine module's JavaScript
    /// exports once it is initialised (its `Analyzer`, `rulesLabel` and
    /// `compiledModule`). Everything that waited for it runs now.
    #[wasm_bindgen(js_name = useEngine)]
    pub fn use_engine(exports: JsValue) {
        ENGINE.with(|e| *e.borrow_mut() = Some(exports));
        super::arrived();
    }

    fn export(name: &str) -> Option<JsValue> {
        ENGINE.with(|e| {
            let e = e.borrow();
            js_sys::Reflect::get(e.as_ref()?, &name.into()).ok().filter(|v| v.is_function())
        })
    }

    /// An error's message, as the engine threw it.
    fn message(e: &JsValue) -> String {
        e.dyn_ref::<js_sys::Error>().map(|e| String::from(e.message())).or_else(|| e.as_string()).unwrap_or_default()
    }

    pub struct Analyzer(JsAnalyzer);

    impl Drop for Analyzer {
        fn drop(&mut self) {
            self.0.free();
        }
    }

    impl Analyzer {
        pub fn new() -> Option<Analyzer> {
            let class: js_sys::Function = export("Analyzer")?.unchecked_into();
            let made = js_sys::Reflect::construct(&class, &js_sys::Array::new()).ok()?;
            Some(Analyzer(made.unchecked_into()))
        }

        pub fn set_rules(&mut self, json: Option<&str>) -> Result<(), String> {
            self.0.set_rules(json.map(str::to_string)).map_err(|e| message(&e))
        }

        pub fn analyze(&mut self, text: &str, name: &str, message_: &str) -> Answer {
            let wire = self.0.analyze(text, name, message_).map_err(|e| message(&e))?;
            Ok((wire, self.0.spans().to_vec(), self.0.contexts().to_vec()))
        }
    }

    pub fn ready() -> bool {
        ENGINE.with(|e| e.borrow().is_some())
    }

    pub fn rules_label(json: &str) -> Option<Result<Option<String>, String>> {
        let f: js_sys::Function = export("rulesLabel")?.unchecked_into();
        Some(match f.call1(&JsValue::NULL, &json.into()) {
            Ok(label) => Ok(label.as_string()),
            Err(e) => Err(message(&e)),
        })
    }

    pub fn module() -> Option<JsValue> {
        let f: js_sys::Function = export("compiledModule")?.unchecked_into();
        f.call0(&JsValue::NULL).ok().filter(|m| m.is_object())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pack_is_held_by_identity_and_nothing_is_held_at_first() {
        let pack: Arc<str> = Arc::from(r#"{"name": "Acme"}"#);
        assert!(!holds(&None, &None), "an analyser given nothing yet must be told 'no pack' too");
        assert!(holds(&Some(None), &None));
        assert!(holds(&Some(Some(pack.clone())), &Some(pack.clone())));
        let same_text: Arc<str> = Arc::from(r#"{"name": "Acme"}"#);
        assert!(!holds(&Some(Some(pack.clone())), &Some(same_text)), "another pack (a reload) is sent again");
        assert!(!holds(&Some(Some(pack)), &None));
    }
}
