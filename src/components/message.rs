use leptos::prelude::*;

use crate::highlight::context_segments;
use crate::state::Coach;

/// The customer's message, pasted beside the draft: folded away until
/// wanted, with the customer's words that hints are about highlighted
/// behind the text, as in the draft.
#[component]
pub fn MessageField() -> impl IntoView {
    let coach = expect_context::<Coach>();
    let backdrop = NodeRef::<leptos::html::Div>::new();
    // Highlights only while they still match the text.
    let pieces = Memo::new(move |_| {
        let text = coach.message.get();
        coach.analysis.with(|a| {
            if a.message == text && !a.context_in_draft() {
                context_segments(&text, &a.report.findings)
            } else {
                context_segments(&text, &[])
            }
        })
    });
    let sync = move || {
        if let (Some(ta), Some(bd)) = (coach.message_textarea.get_untracked(), backdrop.get_untracked()) {
            bd.set_scroll_top(ta.scroll_top());
            bd.set_scroll_left(ta.scroll_left());
        }
    };
    let sync_scroll = move |_| sync();
    // Redrawn highlights follow the textarea's scroll again: while the
    // layer's text is replaced, the browser clamps its scroll to the text
    // it holds for a moment, and no scroll event of the textarea follows
    // (the usability review: every mark two lines low after a paste).
    Effect::new(move |_| {
        pieces.track();
        request_animation_frame(sync);
    });
    let initial = coach.message.get_untracked();
    let open = !initial.trim().is_empty();
    view! {
        <details class="message-field" data-testid="message-field" open=open>
            <summary>
                "Customer's message " <span class="optional">"(optional)"</span>
            </summary>
            <p class="field-help" id="customer-message-help">
                "Paste what the customer wrote: Cornerstone checks the reply answers their questions, acknowledges how they feel and asks for nothing they already gave. It stays in this tab."
            </p>
            <div class="editor message-editor">
                <div class="backdrop" aria-hidden="true" node_ref=backdrop data-testid="message-highlights">
                    {move || {
                        pieces
                            .get()
                            .into_iter()
                            .map(|piece| match piece.mark {
                                None => piece.text.into_any(),
                                Some(m) => {
                                    view! {
                                        <mark
                                            class=format!("hl ctx sev-{}", m.severity.id())
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
                    "\u{200b}"
                </div>
                <label for="customer-message" class="sr-only">
                    "Customer's message"
                </label>
                <textarea
                    id="customer-message"
                    data-testid="customer-message"
                    node_ref=coach.message_textarea
                    spellcheck="false"
                    aria-describedby="customer-message-help"
                    placeholder="The customer's e-mail or chat message…"
                    on:input=move |ev| coach.message.set(event_target_value(&ev))
                    on:scroll=sync_scroll
                >
                    {initial}
                </textarea>
            </div>
        </details>
    }
}
