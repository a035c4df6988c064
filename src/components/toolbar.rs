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
    // Clearing goes through the editing history, so Ctrl+Z brings it back.
    // The customer's message goes with the draft: both belong to one reply.
    let clear = move |_| {
        if let Some(ta) = coach.message_textarea.get().filter(|ta| !ta.value().is_empty()) {
            dom::clear(&ta);
        }
        if let Some(ta) = coach.textarea.get() {
            let len = ta.value().encode_utf16().count() as u32;
            dom::replace(&ta, 0, len, "");
            status.set("Draft cleared. Press Ctrl+Z in the draft to bring it back.".into());
        }
    };
    let empty = move || coach.draft.with(|d| d.is_empty());
    view! {
        <div class="toolbar">
            <button class="primary" data-testid="copy" on:click=copy disabled=empty>
                "Copy reply"
            </button>
            <button data-testid="clear" on:click=clear disabled=empty>
                "Clear"
            </button>
            <span class="toolbar-status" role="status" data-testid="toolbar-status">
                {move || status.get()}
            </span>
        </div>
    }
}
