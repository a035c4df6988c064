use leptos::prelude::*;

use crate::app::Coach;
use crate::highlight::{segments, segments_while_stale};

/// The draft box: a textarea over a layer that repeats its text with the
/// findings highlighted, so highlights sit exactly under the words.
#[component]
pub fn Editor() -> impl IntoView {
    let coach = expect_context::<Coach>();
    let backdrop = NodeRef::<leptos::html::Div>::new();
    // Highlights only where they still match the text: while a long draft
    // waits for analysis, those before the first edit stay.
    let pieces = Memo::new(move |_| {
        let text = coach.draft.get();
        coach.analysis.with(|a| {
            if a.text == text {
                segments(&text, &a.report.findings)
            } else {
                segments_while_stale(&text, &a.text, &a.report.findings)
            }
        })
    });
    let sync_scroll = move |_| {
        if let (Some(ta), Some(bd)) = (coach.textarea.get(), backdrop.get()) {
            bd.set_scroll_top(ta.scroll_top());
            bd.set_scroll_left(ta.scroll_left());
        }
    };
    let initial = coach.draft.get_untracked();
    view! {
        <div class="editor">
            <div
                class="backdrop"
                aria-hidden="true"
                dir="auto"
                node_ref=backdrop
                data-testid="highlights"
                data-analysed=move || coach.analysis.with(|a| coach.draft.with(|d| a.text == *d)).to_string()
            >
                {move || {
                    pieces
                        .get()
                        .into_iter()
                        .map(|piece| match piece.mark {
                            None => piece.text.into_any(),
                            Some(m) => {
                                view! {
                                    <mark
                                        class=format!("hl sev-{}", m.severity.id())
                                        data-cue=m.cue
                                        data-finding=m.finding.to_string()
                                    >
                                        {piece.text}
                                    </mark>
                                }
                                    .into_any()
                            }
                        })
                        .collect_view()
                }}
                // Keeps a trailing newline's empty last line as tall as the textarea's.
                "\u{200b}"
            </div>
            <label for="draft" class="sr-only">
                "Draft reply"
            </label>
            <textarea
                id="draft"
                data-testid="draft"
                node_ref=coach.textarea
                dir="auto"
                spellcheck="true"
                placeholder="Type or paste your reply to the customer…"
                on:input=move |ev| coach.draft.set(event_target_value(&ev))
                on:scroll=sync_scroll
            >
                // The restored draft as the textarea's default value; after
                // this, only the agent's editing changes the value.
                {initial}
            </textarea>
        </div>
    }
}
