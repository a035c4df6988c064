//! Where a draft is analysed. Short drafts at once, on the main thread (an
//! analysis takes well under a millisecond there), by the engine module
//! (see `engine.rs`); long ones in a web worker running the same engine
//! module (`cornerstone-worker.js`), so that the page never waits for the
//! analysis of a long e-mail thread. Until the engine module has arrived,
//! the newest request waits for it, and older ones are never analysed.
//!
//! Every request has an id; a report is shown only if no newer one has been
//! shown, and always together with the exact text it was made from, so the
//! highlights of an older text are mapped (`highlight::segments_while_stale`)
//! or dropped, never put on the wrong words. While the worker is busy, only
//! the newest request waits; older ones are never analysed. If the worker
//! cannot start (no worker file: the single-file build; a page whose CSP
//! forbids it; an embed served from another origin) or fails, analysis falls
//! back to the main thread and says so once in the console.

use std::cell::RefCell;
use std::rc::{Rc, Weak};
use std::sync::Arc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::analysis::Analysis;
use crate::engine;
use crate::rules::Rules;

/// Drafts longer than this (in bytes) are analysed in the worker. Measured
/// in headless Chromium (README, "Long drafts"): a main-thread analysis costs
/// about 1 ms per KB (3 ms at 3 KB, 6 ms at 6 KB, 16 ms at 12 KB, 21 ms at
/// 24 KB), while the worker's round trip adds a few milliseconds to every
/// analysis (keystroke to underlines in a rich-text editor at 1,000 words:
/// 20 ms median through the worker, 10-13 ms on the main thread). The phrase
/// tables are built at start-up (see [`Analyst::new`]), so the first analysis
/// of a short draft is not a long task either.
pub const WORKER_MIN: usize = 12_000;

thread_local! {
    static WORKER_URL: RefCell<Option<String>> = const { RefCell::new(None) };
    /// Whether the engine was warmed up on this page (see [`Analyst::new`]).
    static WARMED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Where the analysis worker of this build is (`cornerstone-worker.js`), set
/// by the loader before the app or a panel starts. Without it, every draft
/// is analysed on the main thread.
#[wasm_bindgen(js_name = useWorker)]
pub fn use_worker(url: Option<String>) {
    WORKER_URL.with(|w| *w.borrow_mut() = url.filter(|u| !u.is_empty()));
}

struct Request {
    id: u32,
    text: String,
    name: String,
    /// The customer's message ("" for none).
    message: String,
    /// The team's rule pack, its JSON (none: the built-in rules).
    pack_json: Option<Arc<str>>,
}

struct State {
    next_id: u32,
    /// The newest request whose analysis was shown.
    shown: u32,
    in_flight: Option<Request>,
    queued: Option<Request>,
    /// The pack the worker holds, by identity.
    worker_pack: Option<Option<Arc<str>>>,
    /// Main-thread analysis: short drafts, and everything if the worker
    /// failed. Made once the engine module is here.
    local: Option<engine::Analyzer>,
    /// Whether a request waits for the engine module to arrive (`queued`).
    waiting_for_engine: bool,
    deliver: Rc<dyn Fn(Analysis)>,
    /// Whether long drafts are analysed on the main thread: one was, with
    /// no worker, or the worker failed (and the console was told so).
    said_main_thread: bool,
    /// Called once, when long drafts start being analysed here.
    on_main_thread: Rc<dyn Fn()>,
    /// Whether the worker has this page's WebAssembly module.
    module_sent: bool,
}

/// The worker's `onmessage` and `onerror`, kept alive with it.
type Callbacks = (Closure<dyn FnMut(web_sys::MessageEvent)>, Closure<dyn FnMut(web_sys::Event)>);

/// The analysis worker: started on the first long draft (a page that never
/// sees one never loads it), then kept; gone for good once it failed.
enum Slot {
    NotYet,
    Running(web_sys::Worker, Callbacks),
    /// (The callbacks stay alive: a failing worker's `onerror` may still be
    /// running when it is given up.)
    Gone {
        _callbacks: Option<Callbacks>,
    },
}

type Worker = Rc<RefCell<Slot>>;

/// Sends drafts to be analysed and delivers each report (see the module).
pub struct Analyst {
    state: Rc<RefCell<State>>,
    worker: Worker,
}

impl Drop for Analyst {
    fn drop(&mut self) {
        if let Slot::Running(w, _) = &*self.worker.borrow() {
            w.terminate();
        }
    }
}

impl Analyst {
    /// An analyst that hands each finished analysis to `deliver`, and calls
    /// `on_main_thread` once long drafts are analysed on the page's main
    /// thread (no worker in this build or page, or it failed).
    pub fn new(deliver: impl Fn(Analysis) + 'static, on_main_thread: impl Fn() + 'static) -> Analyst {
        let state = Rc::new(RefCell::new(State {
            next_id: 1,
            shown: 0,
            in_flight: None,
            queued: None,
            worker_pack: None,
            local: None,
            waiting_for_engine: false,
            deliver: Rc::new(deliver),
            said_main_thread: false,
            on_main_thread: Rc::new(on_main_thread),
            module_sent: false,
        }));
        // Have the browser compile the engine's code (each WebAssembly
        // function is compiled on its first call; the phrase tables are
        // built when the engine module starts) once the page is idle and the
        // engine is here, not on the agent's first keystroke or paste: the
        // example reply goes through most rules. Once per page: each embed
        // attachment has an analyst of its own.
        if !WARMED.with(|w| w.replace(true)) {
            // (In a task of its own once the engine is here: the analysis
            // that waited for it comes first.)
            engine::when_ready(|| {
                gloo_timers::callback::Timeout::new(0, warm_up).forget();
            });
        }
        Analyst { state, worker: Rc::new(RefCell::new(Slot::NotYet)) }
    }

    /// Analyses `text`; the result comes through `deliver`, at once for a
    /// short draft, later for a long one (or once the engine module is here).
    pub fn request(&self, text: String, name: String, message: String, rules: &Rules) {
        let request = {
            let mut st = self.state.borrow_mut();
            let id = st.next_id;
            st.next_id += 1;
            Request { id, text, name, message, pack_json: rules.json.clone() }
        };
        if !engine::ready() {
            // Only the newest request waits; it is sent once the engine is here.
            let first = {
                let mut st = self.state.borrow_mut();
                st.queued = Some(request);
                !std::mem::replace(&mut st.waiting_for_engine, true)
            };
            if first {
                let (state, worker) = (Rc::downgrade(&self.state), Rc::downgrade(&self.worker));
                engine::when_ready(move || arrived(&state, &worker));
            }
            return;
        }
        dispatch(&self.state, &self.worker, request);
    }
}

/// The engine module is here: the request that waited for it is sent (unless
/// the analyst is gone).
fn arrived(state: &Weak<RefCell<State>>, worker: &Weak<RefCell<Slot>>) {
    let (Some(state), Some(worker)) = (state.upgrade(), worker.upgrade()) else { return };
    let waiting = {
        let mut st = state.borrow_mut();
        st.waiting_for_engine = false;
        st.queued.take()
    };
    if let Some(request) = waiting {
        dispatch(&state, &worker, request);
    }
}

/// Whether the worker runs, starting it if it has not been tried yet.
fn worker_runs(state: &Rc<RefCell<State>>, worker: &Worker) -> bool {
    if matches!(*worker.borrow(), Slot::NotYet) {
        let started = WORKER_URL.with(|w| w.borrow().clone()).and_then(|url| start(state, worker, &url));
        *worker.borrow_mut() = match started {
            Some((w, callbacks)) => Slot::Running(w, callbacks),
            None => Slot::Gone { _callbacks: None },
        };
    }
    matches!(*worker.borrow(), Slot::Running(..))
}

/// Sends a request where it is analysed: here, or to the worker (where it
/// waits while the worker is busy).
fn dispatch(state: &Rc<RefCell<State>>, worker: &Worker, request: Request) {
    {
        let long = request.text.len() > WORKER_MIN;
        let use_worker = long && worker_runs(state, worker);
        if long && !use_worker && now_on_main_thread(state) {
            web_sys::console::info_1(
                &"Cornerstone analyses this long draft on the page's main thread: this build or page has no analysis \
                  worker (the single-file build, or an embed from another origin)."
                    .into(),
            );
        }
        if !use_worker {
            // A newer request than any in flight: what is in flight or waits
            // is already out of date.
            state.borrow_mut().queued = None;
            analyse_here(state, request);
            return;
        }
        let busy = state.borrow().in_flight.is_some();
        if busy {
            state.borrow_mut().queued = Some(request);
        } else {
            send(state, worker, request);
        }
    }
}

/// Long drafts are analysed on the main thread from now on: the first time,
/// tells the page (`on_main_thread`) and returns `true`.
fn now_on_main_thread(state: &Rc<RefCell<State>>) -> bool {
    let tell = {
        let mut st = state.borrow_mut();
        let first = !std::mem::replace(&mut st.said_main_thread, true);
        first.then(|| st.on_main_thread.clone())
    };
    match tell {
        Some(tell) => {
            tell();
            true
        }
        None => false,
    }
}

/// Has the engine analyse what its code paths need to have been compiled
/// before the agent's first paste (see [`warm_up_drafts`]), through an
/// analyser of its own, as the page analyses.
fn warm_up() {
    let Some(mut engine) = engine::Analyzer::new() else { return };
    for draft in warm_up_drafts() {
        let _ = engine.analyze(&draft, crate::sample::CUSTOMER_NAME, crate::sample::MESSAGE, &None);
    }
}

/// The example reply, then a thread of several chunks of lines made of it,
/// then that thread edited near its end (the path of an edit: chunks
/// reused, one parsed and read again).
fn warm_up_drafts() -> [String; 3] {
    let mut thread = String::new();
    for k in 1..=12 {
        thread.push_str(&crate::sample::DRAFT.replace("Alex", &format!("Alex ({k})")));
        thread.push_str("\n\n");
    }
    let edited = format!("{thread}Sorry again, and thank you for your patience.");
    [crate::sample::DRAFT.to_string(), thread, edited]
}

/// Starts the worker at `url`; it gets this page's compiled WebAssembly
/// module with its first request, so it neither fetches nor compiles it.
fn start(state: &Rc<RefCell<State>>, worker: &Worker, url: &str) -> Option<(web_sys::Worker, Callbacks)> {
    let options = web_sys::WorkerOptions::new();
    options.set_type(web_sys::WorkerType::Module);
    let made = match web_sys::Worker::new_with_options(url, &options) {
        Ok(w) => w,
        Err(e) => {
            web_sys::console::warn_2(&"Cornerstone analyses on the main thread: no worker.".into(), &e);
            return None;
        }
    };
    // (Weak: the worker's slot holds these callbacks, so strong references
    // back would keep a detached coach's state, and its analyser in the
    // engine, alive for good.)
    let (st, wk) = (Rc::downgrade(state), Rc::downgrade(worker));
    let on_message = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
        if let (Some(st), Some(wk)) = (st.upgrade(), wk.upgrade()) {
            received(&st, &wk, &event.data());
        }
    });
    let (st, wk) = (Rc::downgrade(state), Rc::downgrade(worker));
    let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(move |event: web_sys::Event| {
        event.prevent_default();
        if let (Some(st), Some(wk)) = (st.upgrade(), wk.upgrade()) {
            failed(&st, &wk, "the worker failed to start or stopped");
        }
    });
    made.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    made.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    state.borrow_mut().module_sent = false;
    Some((made, (on_message, on_error)))
}

/// Analyses on the main thread and delivers, unless something newer was shown.
fn analyse_here(state: &Rc<RefCell<State>>, r: Request) {
    let (analysis, deliver) = {
        let mut st = state.borrow_mut();
        if r.id < st.shown || engine::stopped() {
            return;
        }
        if st.local.is_none() {
            st.local = engine::Analyzer::new();
        }
        let Some(local) = st.local.as_mut() else { return };
        let answer = local.analyze(&r.text, &r.name, &r.message, &r.pack_json);
        let analysis = match answer {
            Ok((wire, spans, contexts)) => Analysis::from_wire(r.text, r.message, &wire, &spans, &contexts),
            Err(why) => {
                // A panic in the engine: its state can no longer be trusted
                // (this analyser's borrow is never released), so every panel
                // says it stopped, and the draft is kept as it is.
                web_sys::console::error_1(&format!("Cornerstone's engine failed on this draft: {why}").into());
                st.local = None;
                engine::failed(engine::Failure::Crash(why));
                None
            }
        };
        let Some(analysis) = analysis else { return };
        st.shown = r.id;
        (analysis, st.deliver.clone())
    };
    deliver(analysis);
}

fn send(state: &Rc<RefCell<State>>, worker: &Worker, r: Request) {
    let msg = js_sys::Object::new();
    let set = |k: &str, v: &JsValue| {
        let _ = js_sys::Reflect::set(&msg, &k.into(), v);
    };
    set("id", &r.id.into());
    set("text", &r.text.as_str().into());
    set("name", &r.name.as_str().into());
    set("message", &r.message.as_str().into());
    {
        let mut st = state.borrow_mut();
        if !engine::holds(&st.worker_pack, &r.pack_json) {
            set("rules", &r.pack_json.as_deref().map_or(JsValue::NULL, JsValue::from));
            st.worker_pack = Some(r.pack_json.clone());
        }
        if !st.module_sent {
            // (Linked in, the engine has no module of its own: the worker
            // fetches it.)
            if let Some(module) = engine::module() {
                set("module", &module);
            }
            st.module_sent = true;
        }
    }
    let posted = match &*worker.borrow() {
        Slot::Running(w, _) => Some(w.post_message(&msg)),
        _ => None,
    };
    match posted {
        Some(Ok(())) => state.borrow_mut().in_flight = Some(r),
        _ => {
            state.borrow_mut().in_flight = Some(r);
            failed(state, worker, "a draft could not be sent to the worker");
        }
    }
}

/// A message from the worker: `{id, wire}` or `{id, error}`.
fn received(state: &Rc<RefCell<State>>, worker: &Worker, data: &JsValue) {
    let id = js_sys::Reflect::get(data, &"id".into()).ok().and_then(|v| v.as_f64()).unwrap_or(-1.0);
    let wire = js_sys::Reflect::get(data, &"wire".into()).ok().and_then(|v| v.as_string());
    let numbers = |key: &str| {
        js_sys::Reflect::get(data, &key.into())
            .ok()
            .and_then(|v| v.dyn_into::<js_sys::Uint32Array>().ok())
            .map(|a| a.to_vec())
            .unwrap_or_default()
    };
    let (spans, contexts) = (numbers("spans"), numbers("contexts"));
    let Some(request) = state.borrow_mut().in_flight.take_if(|r| f64::from(r.id) == id) else { return };
    let Some(wire) = wire else {
        let error = js_sys::Reflect::get(data, &"error".into()).ok().and_then(|v| v.as_string());
        state.borrow_mut().in_flight = Some(request);
        failed(state, worker, &error.unwrap_or_else(|| "an unreadable answer".into()));
        return;
    };
    let delivery = {
        let mut st = state.borrow_mut();
        if request.id > st.shown {
            match Analysis::from_wire(request.text, request.message, &wire, &spans, &contexts) {
                Some(analysis) => {
                    st.shown = request.id;
                    Some((analysis, st.deliver.clone()))
                }
                None => None,
            }
        } else {
            None
        }
    };
    if let Some((analysis, deliver)) = delivery {
        deliver(analysis);
    }
    let next = state.borrow_mut().queued.take();
    if let Some(next) = next {
        send(state, worker, next);
    }
}

/// The worker is gone: say so once, analyse what waits here, and from now on
/// analyse everything here.
fn failed(state: &Rc<RefCell<State>>, worker: &Worker, why: &str) {
    let was = std::mem::replace(&mut *worker.borrow_mut(), Slot::Gone { _callbacks: None });
    match was {
        Slot::Running(w, callbacks) => {
            w.terminate();
            *worker.borrow_mut() = Slot::Gone { _callbacks: Some(callbacks) };
            web_sys::console::warn_1(&format!("Cornerstone analyses on the main thread: {why}.").into());
        }
        other => *worker.borrow_mut() = other,
    }
    now_on_main_thread(state);
    let (a, b) = {
        let mut st = state.borrow_mut();
        (st.in_flight.take(), st.queued.take())
    };
    for r in [a, b].into_iter().flatten() {
        analyse_here(state, r);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use cornerstone_engine::{Context, Incremental};

    #[test]
    fn the_warm_up_goes_through_an_edit_of_a_draft_of_several_chunks() {
        let mut engine = Incremental::new();
        let ctx =
            Context::with_customer_name(crate::sample::CUSTOMER_NAME).and_customer_message(crate::sample::MESSAGE);
        for draft in warm_up_drafts() {
            let _ = engine.analyze(&draft, &ctx, None);
        }
        let (reused, parsed, _) = engine.parse_stats();
        assert!(reused >= 2 && parsed >= 3, "chunks reused {reused}, parsed {parsed}");
        let (reused, ran, _) = engine.local_stats();
        assert!(reused >= 1 && ran >= 3, "local rules reused on {reused} chunks, run on {ran}");
    }
}
