//! Cornerstone's browser app: a thin Leptos UI over the tone engine.
//!
//! State is one signal for the draft and one for the customer's name; the
//! analysis is a memo derived from them. The only effects talk to the world
//! outside: session storage, the debounce of very long drafts, and the
//! screen-reader announcement. See ARCHITECTURE.md.

pub mod analysis;
pub mod analyst;
pub mod app;
pub mod components;
pub mod dom;
pub mod embed;
pub mod engine;
pub mod frame;
pub mod highlight;
pub mod host;
pub mod inplace;
pub mod layer;
pub mod listener;
pub mod panic;
pub mod protocol;
pub mod rules;
pub mod sample;
pub mod state;
pub mod storage;
pub mod target;

pub use app::App;

use wasm_bindgen::prelude::*;

/// Starts the app in the page's body: the full app, or the compact panel
/// when the page is framed with `?embed`. `rules` is the text of the
/// `cornerstone.rules.json` beside the app, when the loader found one;
/// `rules_problem` why the loader gave up on it (a time or size limit).
#[wasm_bindgen]
pub fn start_app(rules: Option<String>, rules_problem: Option<String>) {
    panic::messages();
    let search = web_sys::window().and_then(|w| w.location().search().ok()).unwrap_or_default();
    let rules = match (rules, rules_problem) {
        (Some(json), _) => rules::Rules::from_json("cornerstone.rules.json", &json),
        (None, Some(problem)) => rules::Rules::refused(problem),
        (None, None) => rules::Rules::default(),
    };
    match frame::FrameConfig::from_query(&search) {
        Some(config) => frame::mount(config, rules),
        None => leptos::mount::mount_to_body(move || App(app::AppProps { rules })),
    }
}
