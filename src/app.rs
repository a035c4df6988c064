//! The full app: the page with its own editor, message and name fields,
//! kept in session storage, and the panel.

use leptos::prelude::*;

use crate::components::{Editor, MessageField, Panel, Toolbar};
use crate::rules::Rules;
use crate::state::{Coach, Mode};
use crate::storage::{self, DRAFT_KEY, MESSAGE_KEY, NAME_KEY};
use crate::target::{MessageTarget, Target};

/// The full app, with the team's rule pack if one was found beside it.
#[component]
pub fn App(#[prop(optional)] rules: Rules) -> impl IntoView {
    let coach = Coach::with_message(
        Mode::App,
        storage::load(DRAFT_KEY).unwrap_or_default(),
        storage::load(NAME_KEY).unwrap_or_default(),
        storage::load(MESSAGE_KEY).unwrap_or_default(),
        rules,
        Target::Own,
        MessageTarget::Own,
    );
    let Coach { name, notice, .. } = coach;

    // Keep the draft and name for a reload of this tab only; each effect
    // writes only the value that changed.
    let keep = move |key: &'static str, value: RwSignal<String>| {
        Effect::new(move |_| {
            value.with(|v| {
                storage::save(key, v, move |saved| match saved {
                    Err(message) => notice.set(Some(message)),
                    // The notice tells of the latest save only.
                    Ok(()) if notice.with_untracked(|n| n.as_deref().is_some_and(storage::is_storage_notice)) => {
                        notice.set(None)
                    }
                    Ok(()) => {}
                })
            })
        });
    };
    keep(DRAFT_KEY, coach.draft);
    keep(NAME_KEY, name);
    keep(MESSAGE_KEY, coach.message);
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
                    <MessageField />
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
                    // On a narrow screen the coaching is below the fold while
                    // the agent types: its summary is kept in view here (the
                    // usability review), with a link down to it.
                    {move || {
                        (!coach.draft.with(|d| d.trim().is_empty()))
                            .then(|| {
                                view! {
                                    <p class="compact-summary" data-testid="compact-summary">
                                        {move || coach.summary()}
                                        " "
                                        <a href="#hints-title">"See the coaching"</a>
                                    </p>
                                }
                            })
                    }}
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
