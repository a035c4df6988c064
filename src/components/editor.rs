use gloo_timers::callback::Timeout;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::highlight::{segments, segments_while_stale};
use crate::layer::{edit_range, LongLayer, REBUILD_SLICE};
use crate::state::{Coach, DEBOUNCE_MS, LIVE_LIMIT};

/// The draft box: a textarea over a layer that repeats its text with the
/// findings highlighted, so highlights sit exactly under the words.
#[component]
pub fn Editor() -> impl IntoView {
    let coach = expect_context::<Coach>();
    let backdrop = NodeRef::<leptos::html::Div>::new();
    // A long draft's layer (see `layer.rs`): whether it is in use, the layer,
    // the selection before the latest edit, and the layer's version when the
    // draft was last read.
    let long_root = NodeRef::<leptos::html::Div>::new();
    let long = RwSignal::new(false);
    let layer = StoredValue::new_local(None::<LongLayer>);
    let before = StoredValue::new_local((0u32, 0u32, 0u32));
    let read_at = StoredValue::new_local(0u64);
    let pause = StoredValue::new_local(None::<Timeout>);
    let with_layer = move |f: &mut dyn FnMut(&mut LongLayer)| {
        layer.update_value(|l| {
            if l.is_none() {
                *l = long_root.get_untracked().map(|root| LongLayer::new(root.unchecked_into()));
            }
            if let Some(l) = l {
                f(l)
            }
        })
    };
    let set_analysed = move |yes: bool| {
        if let Some(root) = long_root.get_untracked() {
            let _ = root.set_attribute("data-analysed", if yes { "true" } else { "false" });
        }
    };
    // Highlights only where they still match the text: while a long draft
    // waits for analysis, those before the first edit stay.
    let pieces = Memo::new(move |_| {
        if long.get() {
            return Vec::new();
        }
        let text = coach.draft.get();
        coach.analysis.with(|a| {
            if a.text == text {
                segments(&text, &a.report.findings)
            } else {
                segments_while_stale(&text, &a.text, &a.report.findings)
            }
        })
    });
    // A long draft's marks, once the analysis is of the text the layer shows
    // and the layer holds all of it.
    fn draw_long(
        coach: Coach,
        with_layer: impl Fn(&mut dyn FnMut(&mut LongLayer)) + Copy + 'static,
        read_at: StoredValue<u64, LocalStorage>,
        set_analysed: impl Fn(bool) + Copy + 'static,
        fresh: bool,
    ) {
        coach.analysis.with_untracked(|a| {
            let current = coach.draft.with_untracked(|d| a.text == *d);
            with_layer(&mut |l| {
                if current && l.complete && l.version == read_at.get_value() {
                    l.draw(a, fresh);
                    set_analysed(true);
                }
            })
        });
    }
    // After a paste (or any edit the layer could not patch) the layer is
    // rebuilt from the draft once typing pauses, a slice per task, while the
    // worker analyses; then the analysis is drawn if it has arrived.
    let building = StoredValue::new_local(None::<Timeout>);
    fn build_long(
        coach: Coach,
        with_layer: impl Fn(&mut dyn FnMut(&mut LongLayer)) + Copy + 'static,
        read_at: StoredValue<u64, LocalStorage>,
        building: StoredValue<Option<Timeout>, LocalStorage>,
        set_analysed: impl Fn(bool) + Copy + 'static,
    ) {
        let mut again = false;
        coach.draft.with_untracked(|d| {
            with_layer(&mut |l| {
                // Edited since the draft was read: the next pause starts over.
                if l.version == read_at.get_value() && !l.rebuild_step(d, REBUILD_SLICE) {
                    again = true;
                }
            })
        });
        if again {
            let next = move || build_long(coach, with_layer, read_at, building, set_analysed);
            building.set_value(Some(Timeout::new(0, next)));
        } else {
            draw_long(coach, with_layer, read_at, set_analysed, true);
        }
    }
    let draw = move |fresh: bool| draw_long(coach, with_layer, read_at, set_analysed, fresh);
    Effect::new(move |_| {
        coach.analysis.track();
        if long.get() {
            draw(true);
        }
    });
    // Both layers follow the textarea's scroll: on its scroll events, and
    // after every redraw (see the message field).
    let sync_layers = move || {
        if let Some(ta) = coach.textarea.get_untracked() {
            for bd in [backdrop.get_untracked(), long_root.get_untracked()].into_iter().flatten() {
                bd.set_scroll_top(ta.scroll_top());
                bd.set_scroll_left(ta.scroll_left());
            }
        }
    };
    Effect::new(move |_| {
        pieces.track();
        request_animation_frame(sync_layers);
    });
    let sync_scroll = move |_| {
        if coach.textarea.get_untracked().is_some() {
            sync_layers();
            if long.get_untracked() {
                draw(false);
            }
        }
    };
    let before_input = move |ev: web_sys::InputEvent| {
        if let Some(ta) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlTextAreaElement>().ok()) {
            let sel = (ta.selection_start().ok().flatten(), ta.selection_end().ok().flatten());
            before.set_value((sel.0.unwrap_or(0), sel.1.unwrap_or(0), ta.text_length()));
        }
    };
    // Short drafts: the draft signal follows every keystroke. Long ones: the
    // layer is patched from the textarea, and the draft is read (and
    // analysed) once typing pauses, so a keystroke never copies the draft.
    let on_input = move |ev: web_sys::Event| {
        let Some(ta) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlTextAreaElement>().ok()) else { return };
        let units = ta.text_length();
        if (units as usize) <= LIVE_LIMIT {
            if long.get_untracked() {
                with_layer(&mut |l| l.clear());
                long.set(false);
            }
            pause.set_value(None);
            coach.draft.set(ta.value());
            return;
        }
        if !long.get_untracked() {
            with_layer(&mut |l| {
                l.clear();
            });
            long.set(true);
        }
        let input_type = js_sys::Reflect::get(&ev, &"inputType".into()).ok().and_then(|v| v.as_string());
        let after =
            (ta.selection_start().ok().flatten().unwrap_or(0), ta.selection_end().ok().flatten().unwrap_or(0), units);
        let range = edit_range(before.get_value(), after, input_type.as_deref().unwrap_or(""));
        with_layer(&mut |l| {
            if !range.is_some_and(|r| l.patch(&ta, r)) {
                l.clear();
            }
        });
        before.set_value(after);
        set_analysed(false);
        let read = move || {
            if let Some(ta) = coach.textarea.get_untracked() {
                let value = ta.value();
                layer.with_value(|l| read_at.set_value(l.as_ref().map_or(0, |l| l.version)));
                if coach.draft.with_untracked(|d| *d != value) {
                    coach.draft.set(value.clone());
                }
                if coach.analysed.with_untracked(|a| *a != value) {
                    coach.analysed.set(value);
                }
                // The layer is built from the next task on: this one has read,
                // saved and sent the draft.
                let build = move || build_long(coach, with_layer, read_at, building, set_analysed);
                building.set_value(Some(Timeout::new(0, build)));
            }
        };
        pause.set_value(Some(Timeout::new(DEBOUNCE_MS, read)));
    };
    let initial = coach.draft.get_untracked();
    // A visible label (the usability review: only a placeholder named it).
    view! {
        <label for="draft" class="draft-label">
            "Your reply"
        </label>
        <div class="editor">
            <div
                class="backdrop"
                aria-hidden="true"
                node_ref=backdrop
                data-testid="highlights"
                hidden=move || long.get()
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
            <div
                class="backdrop long"
                aria-hidden="true"
                node_ref=long_root
                data-testid="highlights-long"
                hidden=move || !long.get()
            ></div>
            <textarea
                id="draft"
                data-testid="draft"
                node_ref=coach.textarea
                spellcheck="true"
                placeholder="Type or paste your reply to the customer…"
                on:beforeinput=before_input
                on:input=on_input
                on:scroll=sync_scroll
            >
                // The restored draft as the textarea's default value; after
                // this, only the agent's editing changes the value.
                {initial}
            </textarea>
        </div>
    }
}
