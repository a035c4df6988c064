//! The app shell: state, derived analysis, and the effects that talk to the
//! outside world.

use cornerstone_engine::{analyze, Context, Report};
use gloo_timers::callback::Timeout;
use leptos::prelude::*;

use crate::components::{Editor, Panel, Toolbar};
use crate::storage::{self, DRAFT_KEY, NAME_KEY};

/// Drafts up to this many bytes are analysed on every keystroke; longer ones
/// after a pause in typing, so that typing never waits for analysis.
pub const LIVE_LIMIT: usize = 24_000;
/// The pause before a long draft is analysed, in milliseconds.
pub const DEBOUNCE_MS: u32 = 150;
/// The pause before the summary is announced to screen readers.
pub const ANNOUNCE_MS: u32 = 900;

/// A report together with the text it was made from and each finding's
/// UTF-16 range in that text (what the textarea's selection counts in).
#[derive(Clone, Debug, PartialEq)]
pub struct Analysis {
    pub text: String,
    pub report: Report,
    pub utf16: Vec<Option<(u32, u32)>>,
}

impl Analysis {
    pub fn new(text: String, customer_name: &str) -> Analysis {
        let report = analyze(&text, &Context::with_customer_name(customer_name));
        let utf16 = report.utf16_spans(&text).into_iter().map(|r| r.map(|(s, e)| (s as u32, e as u32))).collect();
        Analysis { text, report, utf16 }
    }
}

/// Everything the components share, provided as context.
#[derive(Clone, Copy)]
pub struct Coach {
    /// The draft as the agent typed it.
    pub draft: RwSignal<String>,
    /// The customer's name as entered.
    pub name: RwSignal<String>,
    /// The latest analysis (of the draft, or of a slightly older draft while
    /// a long one waits for a pause in typing).
    pub analysis: Memo<Analysis>,
    pub textarea: NodeRef<leptos::html::Textarea>,
    /// What the panel announces to screen readers, debounced.
    pub announcement: RwSignal<String>,
    /// A problem the agent should know about (storage refused, copy failed).
    pub notice: RwSignal<Option<String>>,
}

impl Coach {
    /// The one-line summary shown above the hints.
    pub fn summary(&self) -> String {
        if self.draft.with(|d| d.trim().is_empty()) {
            return "Start typing or paste a draft reply".into();
        }
        self.analysis.with(|a| a.report.summary())
    }
}

#[component]
pub fn App() -> impl IntoView {
    let draft = RwSignal::new(storage::load(DRAFT_KEY).unwrap_or_default());
    let name = RwSignal::new(storage::load(NAME_KEY).unwrap_or_default());
    let notice = RwSignal::new(None::<String>);

    // Long drafts are analysed after a pause; short ones at once.
    let analysed = RwSignal::new(draft.get_untracked());
    let pending = StoredValue::new_local(None::<Timeout>);
    Effect::new(move |_| {
        let long = draft.with(|d| d.len() > LIVE_LIMIT);
        if long {
            let timer = Timeout::new(DEBOUNCE_MS, move || analysed.set(draft.get_untracked()));
            pending.set_value(Some(timer));
        } else {
            pending.set_value(None);
            analysed.set(draft.get());
        }
    });
    let analysis = Memo::new(move |_| Analysis::new(analysed.get(), &name.get()));

    // Keep the draft and name for a reload of this tab only; each effect
    // writes only the value that changed.
    let keep = move |key: &'static str, value: RwSignal<String>| {
        Effect::new(move |_| {
            if let Err(message) = value.with(|v| storage::save(key, v)) {
                notice.set(Some(message));
            }
        });
    };
    keep(DRAFT_KEY, draft);
    keep(NAME_KEY, name);

    let announcement = RwSignal::new(String::new());
    let coach = Coach { draft, name, analysis, textarea: NodeRef::new(), announcement, notice };
    let announce_timer = StoredValue::new_local(None::<Timeout>);
    Effect::new(move |_| {
        let summary = coach.summary();
        let timer = Timeout::new(ANNOUNCE_MS, move || announcement.set(summary));
        announce_timer.set_value(Some(timer));
    });
    provide_context(coach);

    let initial_name = name.get_untracked();
    view! {
        <div class="app">
            <header class="app-header">
                <h1>"Cornerstone"</h1>
                <p class="tagline">
                    "Tone coaching for customer-service replies. Your draft never leaves this browser tab."
                </p>
            </header>
            <main class="workspace">
                <section class="compose" aria-label="Your reply">
                    <div class="field">
                        <label for="customer-name">"Customer's name"</label>
                        <input
                            id="customer-name"
                            data-testid="customer-name"
                            type="text"
                            autocomplete="off"
                            spellcheck="false"
                            placeholder="e.g. Priya Raman"
                            value=initial_name
                            on:input=move |ev| name.set(event_target_value(&ev))
                        />
                    </div>
                    <Editor />
                    <Toolbar />
                    {move || {
                        notice
                            .get()
                            .map(|m| {
                                view! {
                                    <p class="notice" role="alert" data-testid="notice">
                                        {m}
                                    </p>
                                }
                            })
                    }}
                </section>
                <Panel />
            </main>
        </div>
    }
}
