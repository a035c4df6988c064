//! The iframe mode (`index.html?embed&origin=https://intranet.example`): a
//! compact panel fed by its parent page through `postMessage`.
//!
//! The messages (`cornerstone:check` in, `cornerstone:report`, `ready`,
//! `select`, `replace` out) are typed in `cornerstone_protocol` and read and
//! built by `protocol.rs`. Messages from any origin not listed, or from a
//! window that is not the framing page, are ignored, and nothing is ever
//! sent to one.

use crate::listener::Listener;
use crate::protocol::{self, post, Incoming};
use cornerstone_protocol::Outgoing;
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

use crate::components::Panel;
use crate::rules::Rules;
use crate::state::{set_if_changed, Coach, Mode};
use crate::target::{MessageTarget, Target};

/// Mounts the iframe mode's app in the page's body. With the feature
/// `split` its code is a chunk of its own, fetched only by a page opened in
/// the iframe mode (the full app's first load does without it).
pub fn mount(config: FrameConfig, rules: Rules) {
    #[cfg(not(feature = "split"))]
    let _ = mount_frame(config, rules);
    #[cfg(feature = "split")]
    wasm_bindgen_futures::spawn_local(mount_when_fetched(config, rules, std::time::Duration::from_secs(1)));
}

/// Mounts the iframe mode once its chunk is here. A chunk that could not be
/// fetched is asked for again `wait` later, then twice as long each time
/// (up to 30 s), and at the first failure the parent is told, as when the
/// engine cannot load, rather than left waiting for a frame that says
/// nothing.
#[cfg(feature = "split")]
async fn mount_when_fetched(config: FrameConfig, rules: Rules, wait: std::time::Duration) {
    if mount_frame(config.clone(), rules.clone()).await.is_err() {
        // (Said without formatting: this code is on the first load.)
        const FAILED: &str = "Cornerstone could not load its iframe mode; it keeps trying.";
        web_sys::console::warn_1(&FAILED.into());
        if wait == std::time::Duration::from_secs(1) {
            if let Some(to) = parent_origin().filter(|o| config.allows(o)) {
                post(Outgoing::Error { message: FAILED.to_string() }, &to);
            }
        }
        let next = (wait * 2).min(std::time::Duration::from_secs(30));
        set_timeout(move || wasm_bindgen_futures::spawn_local(mount_when_fetched(config, rules, next)), wait);
    }
}

/// The split point of the iframe mode (see `mount`): with the feature
/// `split`, a chunk that cannot be fetched is an `Err` (see
/// `components::panel::sections_code`).
#[cfg_attr(
    feature = "split",
    leptos::wasm_split::wasm_split(frame, wasm_split_path = ::leptos::wasm_split, fallible)
)]
fn mount_frame(config: FrameConfig, rules: Rules) -> Result<(), leptos::wasm_split::SplitLoaderError> {
    leptos::mount::mount_to_body(move || FrameApp(FrameAppProps { config, rules }));
    Ok(())
}

/// The origins the frame talks to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FrameConfig {
    pub allowed: Vec<String>,
}

impl FrameConfig {
    /// `Some` when the query asks for the iframe mode. Origins come from
    /// `origin=` parameters (repeated or comma-separated); with none, only
    /// the frame's own origin is allowed.
    pub fn from_query(search: &str) -> Option<FrameConfig> {
        let mut embed = false;
        let mut allowed = Vec::new();
        for pair in search.trim_start_matches('?').split('&') {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            match key {
                "embed" => embed = true,
                "origin" => {
                    let value = js_sys::decode_uri_component(value).map(String::from).unwrap_or_default();
                    allowed.extend(value.split(',').map(|o| o.trim().trim_end_matches('/').to_string()));
                }
                _ => {}
            }
        }
        allowed.retain(|o| !o.is_empty() && o != "*" && o != "null");
        if allowed.is_empty() {
            // An opaque own origin ("null": a sandboxed iframe) names no one:
            // every sandboxed page has it. Then nothing is allowed and the
            // frame refuses to run (see `FrameApp`).
            // `self.origin` is the document's origin ("null" when sandboxed);
            // `location.origin` would give the URL's, sandbox or not.
            let own = web_sys::window()
                .and_then(|w| js_sys::Reflect::get(&w, &"origin".into()).ok())
                .and_then(|o| o.as_string());
            allowed.extend(own.filter(|o| o != "null"));
        }
        embed.then_some(FrameConfig { allowed })
    }

    pub fn allows(&self, origin: &str) -> bool {
        origin != "null" && self.allowed.iter().any(|o| o == origin)
    }
}

/// The framing page's origin, as the browser reports it.
fn parent_origin() -> Option<String> {
    let window = web_sys::window()?;
    // `location.ancestorOrigins` (Chromium, WebKit), else the referrer.
    let ancestors = js_sys::Reflect::get(&window.location(), &"ancestorOrigins".into()).ok()?;
    let first = js_sys::Reflect::get(&ancestors, &0.into()).ok().and_then(|v| v.as_string());
    first.or_else(|| {
        let referrer = window.document()?.referrer();
        let url = web_sys::Url::new(&referrer).ok()?;
        Some(url.origin())
    })
}

/// Said in the console and the frame when the frame cannot know its parent.
pub const OPAQUE_ORIGIN: &str = "Cornerstone: this frame has an opaque origin (a sandboxed iframe without \
allow-same-origin) and no origin= parameter, so it cannot tell its parent from any other page: it does not run. \
Add origin=<your page's origin> to its URL.";

/// Whether a message comes from the page that frames this one (not a popup
/// or a sibling frame, even of an allowed origin).
fn from_parent(event: &web_sys::MessageEvent) -> bool {
    let parent = web_sys::window().and_then(|w| w.parent().ok().flatten());
    match (event.source(), parent) {
        (Some(source), Some(parent)) => js_sys::Object::is(&source, &parent),
        _ => false,
    }
}

#[component]
pub fn FrameApp(config: FrameConfig, #[prop(optional)] rules: Rules) -> impl IntoView {
    if config.allowed.is_empty() {
        web_sys::console::error_1(&OPAQUE_ORIGIN.into());
        return view! { <p class="notice" role="alert" data-testid="frame-refused">{OPAQUE_ORIGIN}</p> }.into_any();
    }
    let origin = RwSignal::new(None::<String>);
    let coach = Coach::with_message(
        Mode::Frame,
        String::new(),
        String::new(),
        String::new(),
        rules,
        Target::Parent { origin },
        MessageTarget::Parent { origin },
    );
    provide_context(coach);
    let request_id = StoredValue::new_local(JsValue::NULL);

    let send_report = move |to: &str| {
        let text = coach.analysis.with_untracked(|a| a.report_json());
        let report = js_sys::JSON::parse(&text).unwrap_or(JsValue::NULL);
        post(Outgoing::Report { id: request_id.get_value(), report }, to);
    };
    // Every new analysis goes to the parent that asked for it.
    // (An analysis of an older text, from the worker, is not the answer.)
    Effect::new(move |_| {
        coach.analysis.track();
        if !coach.in_sync() {
            return;
        }
        if let Some(to) = origin.get_untracked() {
            send_report(&to);
        }
    });

    // A frame that cannot coach says so, once it cannot and to every check
    // after, rather than leave its parent waiting for a report.
    let parent = parent_origin().filter(|o| config.allows(o));
    let stopped = move || crate::engine::failure().map(|f| f.message());
    Effect::new(move |_| {
        if let (Some(message), Some(to)) = (stopped(), origin.get_untracked().or_else(|| parent.clone())) {
            post(Outgoing::Error { message }, &to);
        }
    });

    let allowed = config.clone();
    let listener = Listener::new(&window(), "message", move |event| {
        let Some(event) = event.dyn_ref::<web_sys::MessageEvent>() else { return };
        let from = event.origin();
        if !allowed.allows(&from) {
            web_sys::console::warn_1(
                &format!("Cornerstone: ignored a message from {from}, which is not an allowed origin").into(),
            );
            return;
        }
        if !from_parent(event) {
            web_sys::console::warn_1(
                &format!("Cornerstone: ignored a message from {from} that does not come from the framing page").into(),
            );
            return;
        }
        let (id, text, name, message) = match protocol::read(&event.data()) {
            Ok(Some(Incoming::Check { id, text, customer_name, customer_message })) => {
                (id, text, customer_name, customer_message)
            }
            // Not Cornerstone's: another script's message.
            Ok(None) => return,
            Err(e) => {
                web_sys::console::warn_1(&format!("Cornerstone: ignored a message from {from}: {e}").into());
                return;
            }
        };
        request_id.set_value(id);
        origin.set(Some(from.clone()));
        if let Some(message) = crate::engine::failure().map(|f| f.message()) {
            post(Outgoing::Error { message }, &from);
        }
        let unchanged = coach.draft.with_untracked(|d| *d == text)
            && coach.name.with_untracked(|n| *n == name)
            && coach.message.with_untracked(|m| *m == message);
        if unchanged && coach.in_sync() {
            // Nothing to re-analyse: answer at once.
            send_report(&from);
        } else {
            // Only what changed is set: each signal set is one more
            // analysis, and each analysis of the draft one more report.
            set_if_changed(coach.name, name);
            set_if_changed(coach.message, message);
            set_if_changed(coach.draft, text);
        }
    });
    StoredValue::new_local(listener);

    // Tell the parent the frame is ready, if it is one the frame talks to.
    if let Some(parent) = parent_origin().filter(|o| config.allows(o)) {
        post(Outgoing::Ready, &parent);
    }
    view! {
        <div class="frame" data-testid="cornerstone-frame">
            <Panel />
        </div>
    }
    .into_any()
}
