use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::dom;
use crate::state::Coach;

/// Copy and Clear, with a short status line.
#[component]
pub fn Toolbar() -> impl IntoView {
    let coach = expect_context::<Coach>();
    let status = RwSignal::new(String::new());
    let copy = move |_| {
        let text = coach.draft.get_untracked();
        spawn_local(async move {
            if dom::copy(&text).await {
                status.set("Copied to the clipboard.".into());
            } else {
                status.set("Couldn't copy automatically: select the text and press Ctrl+C.".into());
            }
        });
    };
    // Clear starts the next reply: the draft, the customer's name and their
    // message all go (the usability review found the last customer's name
    // greeting the next one), and one click puts them back.
    let clear = move |_| {
        status.set(String::new());
        coach.replace_all("Cleared the draft, the customer's name and their message.", "", "", "");
    };
    // What the status said is about the draft it was said of.
    Effect::new(move |_| {
        coach.draft.track();
        status.set(String::new());
    });
    let nothing_to_copy = move || coach.draft.with(|d| d.trim().is_empty());
    let nothing_to_clear = move || {
        coach.draft.with(|d| d.is_empty()) && coach.name.with(|n| n.is_empty()) && coach.message.with(|m| m.is_empty())
    };
    view! {
        <div class="toolbar">
            <button class="primary" data-testid="copy" on:click=copy disabled=nothing_to_copy>
                "Copy reply"
            </button>
            <button data-testid="clear" on:click=clear disabled=nothing_to_clear>
                "Clear"
            </button>
            <span class="toolbar-status" role="status" data-testid="toolbar-status">
                {move || status.get()}
                {move || {
                    coach
                        .replaced
                        .with(|r| r.as_ref().map(|r| r.label))
                        .map(|label| {
                            view! {
                                {label}
                                " "
                                <button
                                    class="link"
                                    data-testid="undo-replace"
                                    on:click=move |_| coach.undo_replace()
                                >
                                    "Undo"
                                </button>
                            }
                        })
                }}
            </span>
        </div>
    }
}
