//! The coach's shared state: the signals a coach is made of (`Coach`), the
//! analysis derived from them, and the effects that keep it derived. Every
//! view (the app, the iframe mode, the embed's panel, the components)
//! imports this module; it imports no view.

use gloo_timers::callback::Timeout;
use leptos::prelude::*;

use crate::analysis::Analysis;
use crate::analyst::Analyst;
use crate::rules::Rules;
use crate::target::{MessageTarget, Target};

/// Drafts up to this many bytes are analysed on every keystroke (above
/// `analyst::WORKER_MIN`, in the analysis worker); longer ones after a pause
/// in typing, with the chunked highlight layer (`layer.rs`), so that typing
/// never waits for analysis.
pub const LIVE_LIMIT: usize = 24_000;
/// The pause before a long draft is analysed, in milliseconds.
pub const DEBOUNCE_MS: u32 = 150;
/// Told to the agent when "apply" found the reply changed since it was checked.
pub const STALE_NOTICE: &str =
    "The reply changed since it was checked, so nothing was replaced. The hints are updated: click again.";
/// Told to the agent when a hint is clicked while the hints are still being
/// updated for the latest edit (a long draft checked in the worker).
pub const CATCHING_UP_NOTICE: &str = "The hints are catching up with your latest edit: click again in a moment.";
/// The summary while a draft with words has no analysis yet (a long one
/// in the worker).
pub const CHECKING: &str = "Checking your draft…";

/// The pause before the summary is announced to screen readers.
pub const ANNOUNCE_MS: u32 = 900;

/// Where the coach is running, which decides what the panel offers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// The full app with its own editor.
    App,
    /// Beside a host page's textarea (`Cornerstone.attach`).
    Embed,
    /// In an iframe, fed by its parent page (`?embed`).
    Frame,
}

/// Sets `signal` to `value` only if it differs: setting a signal notifies
/// even with an equal value, and each notice is one more analysis (and, in
/// the iframe, one more report sent to the parent).
pub fn set_if_changed(signal: RwSignal<String>, value: String) {
    if signal.with_untracked(|v| *v != value) {
        signal.set(value);
    }
}

/// Everything the components share, provided as context.
#[derive(Clone, Copy)]
pub struct Coach {
    pub mode: Mode,
    /// The draft as the agent typed it.
    pub draft: RwSignal<String>,
    /// The customer's name as entered.
    pub name: RwSignal<String>,
    /// The customer's message the draft answers, as pasted ("" for none).
    pub message: RwSignal<String>,
    /// The team rule pack in use, if any, and what went wrong loading one.
    pub rules: RwSignal<Rules>,
    /// The text the analysis is asked for: the draft, once a long one has
    /// paused.
    pub analysed: RwSignal<String>,
    /// The latest analysis (of the draft, or of a slightly older draft while
    /// a long one waits for a pause in typing or for the worker). Set only
    /// by the analyst.
    pub analysis: RwSignal<Analysis>,
    /// The app's own textarea (unused when embedded).
    pub textarea: NodeRef<leptos::html::Textarea>,
    /// Where "select" and "apply" act.
    pub target: StoredValue<Target, LocalStorage>,
    /// The app's own message field (unused when embedded).
    pub message_textarea: NodeRef<leptos::html::Textarea>,
    /// Where the customer's words a hint is about are selected.
    pub message_target: StoredValue<MessageTarget, LocalStorage>,
    /// Whether long drafts are analysed on the page itself, with no worker
    /// (the single-file build, an embed from another origin, a worker that
    /// failed): the panel says so while the draft is long.
    pub long_drafts_here: RwSignal<bool>,
    /// What the panel announces to screen readers, debounced.
    pub announcement: RwSignal<String>,
    /// A problem the agent should know about (storage refused, copy failed).
    pub notice: RwSignal<Option<String>>,
    /// What Clear or an example replaced, offered back until the agent
    /// types on (see [`Coach::replace_all`]).
    pub replaced: RwSignal<Option<Replaced>>,
}

/// The draft, name and message that Clear or "Try an example" replaced.
#[derive(Clone, Debug, PartialEq)]
pub struct Replaced {
    /// What happened, said in the toolbar beside the Undo button.
    pub label: &'static str,
    pub draft: String,
    pub name: String,
    pub message: String,
    /// The draft right after: once the agent's draft is another, the offer
    /// goes (their new words are theirs to keep).
    pub then: String,
}

impl Coach {
    /// The shared state and its derived analysis. Call inside a reactive owner.
    pub fn new(mode: Mode, draft: String, name: String, rules: Rules, target: Target) -> Coach {
        Coach::with_message(mode, draft, name, String::new(), rules, target, MessageTarget::None)
    }

    /// [`Coach::new`] with the customer's message and where it is shown.
    pub fn with_message(
        mode: Mode,
        draft: String,
        name: String,
        message: String,
        rules: Rules,
        target: Target,
        message_target: MessageTarget,
    ) -> Coach {
        let draft = RwSignal::new(draft);
        let name = RwSignal::new(name);
        let message = RwSignal::new(message);
        let rules = RwSignal::new(rules);
        // A pack given before the engine module arrived is compiled once it
        // has, before the analysis that waits for it is sent (it asked first).
        if rules.with_untracked(|r| !r.is_checked()) {
            crate::engine::when_ready(move || {
                rules.try_update(|r| *r = std::mem::take(r).check());
            });
        }

        // Long drafts are analysed after a pause; short ones at once.
        let analysed = RwSignal::new(draft.get_untracked());
        let pending = StoredValue::new_local(None::<Timeout>);
        Effect::new(move |_| {
            let long = draft.with(|d| d.len() > LIVE_LIMIT);
            if long {
                let timer = Timeout::new(DEBOUNCE_MS, move || {
                    // (The app's editor may have handed it over already.)
                    if draft.with_untracked(|d| analysed.with_untracked(|a| a != d)) {
                        analysed.set(draft.get_untracked())
                    }
                });
                pending.set_value(Some(timer));
            } else {
                pending.set_value(None);
                analysed.set(draft.get());
            }
        });
        // A short draft is shown analysed from the start if the engine module
        // is here; a long one once the worker has answered.
        let initial = draft.with_untracked(|d| {
            let short = d.len() <= LIVE_LIMIT;
            short
                .then(|| {
                    let pack = rules.with_untracked(|r| r.json.clone());
                    message.with_untracked(|m| Analysis::now(d.clone(), &name.get_untracked(), m, &pack))
                })
                .flatten()
                .unwrap_or_else(Analysis::nothing)
        });
        let analysis = RwSignal::new(initial);
        let long_drafts_here = RwSignal::new(false);
        let analyst =
            StoredValue::new_local(Analyst::new(move |a| analysis.set(a), move || long_drafts_here.set(true)));
        Effect::new(move |_| {
            let (text, who, said) = (analysed.get(), name.get(), message.get());
            rules.with(|r| analyst.with_value(|an| an.request(text, who, said, r)));
        });

        let announcement = RwSignal::new(String::new());
        let coach = Coach {
            mode,
            draft,
            name,
            message,
            rules,
            analysed,
            analysis,
            textarea: NodeRef::new(),
            target: StoredValue::new_local(target),
            message_textarea: NodeRef::new(),
            message_target: StoredValue::new_local(message_target),
            long_drafts_here,
            announcement,
            notice: RwSignal::new(None),
            replaced: RwSignal::new(None),
        };
        // The hints caught up: the notice that they were catching up goes.
        Effect::new(move |_| {
            coach.analysis.track();
            if coach.notice.with_untracked(|n| n.as_deref() == Some(CATCHING_UP_NOTICE)) {
                coach.notice.set(None);
            }
        });
        Effect::new(move |_| {
            let gone = draft.with(|d| coach.replaced.with_untracked(|r| r.as_ref().is_some_and(|r| r.then != *d)));
            if gone {
                coach.replaced.set(None);
            }
        });
        let announce_timer = StoredValue::new_local(None::<Timeout>);
        Effect::new(move |_| {
            let summary = coach.summary();
            let timer = Timeout::new(ANNOUNCE_MS, move || announcement.set(summary));
            announce_timer.set_value(Some(timer));
        });
        coach
    }

    /// Sets the draft, the customer's name and their message, each where the
    /// agent edits it (the draft and the message through the editing
    /// history, so Ctrl+Z in the field works too).
    pub fn fill(&self, draft: &str, name: &str, message: &str) {
        self.name.set(name.to_string());
        if let Some(input) = document().get_element_by_id("customer-name") {
            use wasm_bindgen::JsCast;
            if let Ok(input) = input.dyn_into::<web_sys::HtmlInputElement>() {
                input.set_value(name);
            }
        }
        match self.message_textarea.get_untracked() {
            Some(ta) if message.is_empty() => {
                if !ta.value().is_empty() {
                    crate::dom::clear(&ta);
                }
            }
            Some(ta) => {
                crate::dom::open_enclosing_details(&ta);
                let len = ta.value().encode_utf16().count() as u32;
                crate::dom::replace(&ta, 0, len, message);
            }
            None => self.message.set(message.to_string()),
        }
        match self.textarea.get_untracked() {
            Some(ta) => {
                let len = ta.value().encode_utf16().count() as u32;
                crate::dom::replace(&ta, 0, len, draft);
            }
            None => self.draft.set(draft.to_string()),
        }
    }

    /// Replaces all three fields, keeping what they held to offer back
    /// ([`Coach::undo_replace`]) when any held something: Clear and "Try an
    /// example" never lose an agent's work.
    pub fn replace_all(&self, label: &'static str, draft: &str, name: &str, message: &str) {
        let before = Replaced {
            label,
            draft: self.draft.get_untracked(),
            name: self.name.get_untracked(),
            message: self.message.get_untracked(),
            then: draft.to_string(),
        };
        let held = !(before.draft.is_empty() && before.name.is_empty() && before.message.is_empty());
        self.replaced.set(None);
        self.fill(draft, name, message);
        self.replaced.set(held.then_some(before));
    }

    /// Puts back what Clear or the example replaced.
    pub fn undo_replace(&self) {
        if let Some(r) = self.replaced.get_untracked() {
            self.replaced.set(None);
            self.fill(&r.draft, &r.name, &r.message);
        }
    }

    /// The one-line summary shown above the hints.
    pub fn summary(&self) -> String {
        if self.draft.with(|d| d.trim().is_empty()) {
            return match self.mode {
                Mode::App => "Start typing or paste a draft reply".into(),
                Mode::Embed | Mode::Frame => "Start typing your reply".into(),
            };
        }
        match crate::engine::state() {
            crate::engine::Status::Ready if self.has_coaching() => self.analysis.with(|a| a.report.summary()),
            crate::engine::Status::Ready => CHECKING.into(),
            crate::engine::Status::Loading => "Loading the coach…".into(),
            crate::engine::Status::Failed => crate::engine::failure().map_or("", |f| f.summary()).into(),
        }
    }

    /// Whether the hints shown are of this draft, or of an earlier version
    /// of it: not the nothing shown before any analysis of a draft that has
    /// words (a long draft waiting for the worker, the engine just
    /// arrived). Read reactively.
    pub fn has_coaching(&self) -> bool {
        crate::engine::state() == crate::engine::Status::Ready
            && (self.draft.with(|d| d.trim().is_empty()) || self.analysis.with(|a| !a.text.trim().is_empty()))
    }

    /// Whether the draft is still the analysed text, so that offsets never
    /// land on the wrong words.
    pub fn in_sync(&self) -> bool {
        self.analysis.with_untracked(|a| self.draft.with_untracked(|d| *d == a.text))
    }

    /// Whether the offsets of the analysis still fit the text the page holds
    /// now. A host page may change its textarea from script (a macro,
    /// `form.reset()`, clearing after send) without an `input` event: then
    /// the draft is re-read, so it is analysed again, and the agent is told
    /// to click again instead of an edit landing on the wrong words.
    fn fits_the_page(&self) -> bool {
        let now = self.target.with_value(|t| t.current_value(self.textarea));
        if let Some(now) = now {
            if self.draft.with_untracked(|d| *d != now) {
                self.draft.set(now);
                self.notice.set(Some(STALE_NOTICE.into()));
                return false;
            }
        }
        // (Not silently: the usability review clicked a hint of a long
        // draft right after an edit and nothing happened.)
        let synced = self.in_sync();
        if !synced {
            self.notice.set(Some(CATCHING_UP_NOTICE.into()));
        }
        synced
    }

    /// Selects UTF-16 range `start..end` of the draft, wherever it is edited.
    pub fn select(&self, start: u32, end: u32) {
        if self.fits_the_page() {
            let words = self.words_at(start, end);
            self.target.with_value(|t| t.select(self.textarea, start, end, &words));
        }
    }

    /// Replaces UTF-16 range `start..end` of the draft so that undo works.
    pub fn replace(&self, start: u32, end: u32, text: &str) {
        if self.fits_the_page() {
            if self.notice.with_untracked(|n| n.as_deref() == Some(STALE_NOTICE)) {
                self.notice.set(None);
            }
            let words = self.words_at(start, end);
            self.target.with_value(|t| t.replace(self.textarea, start, end, text, &words));
        }
    }

    /// Selects the customer's words at UTF-16 range `start..end` of the
    /// message (or of the draft, for a message quoted in it), wherever the
    /// message is shown.
    pub fn select_context(&self, start: u32, end: u32) {
        if self.analysis.with_untracked(Analysis::context_in_draft) {
            return self.select(start, end);
        }
        let expected = self.analysis.with_untracked(|a| {
            let from = cornerstone_engine::span::byte_offset_from_utf16(&a.message, start as usize);
            let to = cornerstone_engine::span::byte_offset_from_utf16(&a.message, end as usize).max(from);
            a.message[from..to].to_string()
        });
        self.message_target.with_value(|t| t.select(self.message_textarea, start, end, &expected));
    }

    /// The analysed text at UTF-16 range `start..end`: the words an edit
    /// expects to find there.
    fn words_at(&self, start: u32, end: u32) -> String {
        self.analysis.with_untracked(|a| {
            let from = cornerstone_engine::span::byte_offset_from_utf16(&a.text, start as usize);
            let to = cornerstone_engine::span::byte_offset_from_utf16(&a.text, end as usize).max(from);
            a.text[from..to].to_string()
        })
    }
}
