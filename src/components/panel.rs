use cornerstone_engine::{Cornerstone, Status};
use leptos::prelude::*;

use crate::analyst::WORKER_MIN;
use crate::components::Hint;
use crate::sample;
use crate::state::{Coach, Mode};

/// The hints panel: a summary, then the four cornerstones with their status
/// and hints, most important first.
#[component]
pub fn Panel() -> impl IntoView {
    let coach = expect_context::<Coach>();
    let empty = move || coach.draft.with(|d| d.trim().is_empty());
    let warnings = move || if empty() { 0 } else { coach.analysis.with(|a| a.report.warnings()) };
    // Whether the hints shown are this draft's (see `Coach::has_coaching`).
    let coaching = move || coach.has_coaching();
    // The example replaces the name and message the agent may have entered:
    // the toolbar offers them back (the usability review).
    let try_example = move |_| {
        coach.replace_all(
            "Replaced your name and message with the example's.",
            sample::DRAFT,
            sample::CUSTOMER_NAME,
            sample::MESSAGE,
        );
    };
    let sections = RwSignal::new(None::<fn() -> AnyView>);
    load_sections(sections);
    view! {
        <section class="panel" aria-labelledby="hints-title" data-engine=move || crate::engine::state().id()>
            <h2 id="hints-title">"Coaching"</h2>
            <p
                class="summary"
                data-testid="summary"
                class:ready=move || warnings() == 0 && !empty() && coaching()
                class:waiting=move || empty() || !coaching()
            >
                {move || coach.summary()}
            </p>
            {move || {
                (!empty())
                    .then(|| coach.analysis.with(|a| a.report.relation_summary()))
                    .flatten()
                    .map(|line| view! { <p class="relation" data-testid="relation">{line}</p> })
            }}
            <div class="sr-only" role="status" aria-live="polite" data-testid="announcer">
                {move || coach.announcement.get()}
            </div>
            {move || {
                coach
                    .rules
                    .with(|r| r.label())
                    .map(|label| view! { <p class="rules-status" data-testid="rules-status">{label}</p> })
            }}
            {move || {
                (coach.long_drafts_here.get() && coach.draft.with(|d| d.len() > WORKER_MIN))
                    .then(|| view! { <p class="rules-status" data-testid="main-thread-status">{MAIN_THREAD_STATUS}</p> })
            }}
            {move || {
                (coach.mode != Mode::App)
                    .then(|| coach.notice.get())
                    .flatten()
                    .map(|m| view! { <p class="notice" role="alert" data-testid="notice">{m}</p> })
            }}
            {move || {
                crate::engine::failure()
                    .map(|failure| {
                        view! {
                            <p class="notice" role="alert" data-testid="engine-error">
                                {failure.message()}
                            </p>
                        }
                    })
            }}
            {move || {
                coach
                    .rules
                    .with(|r| r.problem.clone())
                    .map(|problem| {
                        view! {
                            <p class="notice" role="alert" data-testid="rules-error">
                                {problem}
                            </p>
                        }
                    })
            }}
            <Show
                when=empty
                fallback=move || {
                    // (While the engine is on its way, the summary says so and
                    // no cornerstone claims to be fine.)
                    // (The sections' code may come in a chunk of its own,
                    // fetched after the page is painted: see `load_sections`.)
                    view! { <Show when=coaching>{move || sections.get().map(|render| render())}</Show> }
                }
            >
                <div class="empty" data-testid="empty-state">
                    {if coach.mode == Mode::App {
                        view! {
                            <p>
                                "Paste or type your reply in the draft box. Cornerstone checks it as you type: the customer's name, "
                                "apologies, thanks, sarcasm, and the rest of the four cornerstones of customer service."
                            </p>
                            <button class="primary" data-testid="try-example" on:click=try_example>
                                "Try an example"
                            </button>
                        }
                            .into_any()
                    } else {
                        view! {
                            <p>
                                "Cornerstone checks your reply as you type: the customer's name, apologies, thanks, "
                                "sarcasm, and the rest of the four cornerstones of customer service. It never leaves this page."
                            </p>
                        }
                            .into_any()
                    }}
                </div>
            </Show>
            <details class="about" data-testid="about">
                <summary>"What are the four cornerstones?"</summary>
                <dl>
                    {Cornerstone::ALL
                        .into_iter()
                        .map(|c| {
                            view! {
                                <dt>{c.title()}</dt>
                                <dd>{c.explanation()}</dd>
                            }
                        })
                        .collect_view()}
                </dl>
            </details>
        </section>
    }
}

/// Said under the summary while a long draft is analysed on the page itself.
pub const MAIN_THREAD_STATUS: &str = "Long drafts are checked on this page itself, as the background worker \
     cannot run here: in a draft of several hundred KB, each check may hold up typing for a moment.";

/// The four cornerstone sections, in their order. They can show nothing
/// before the engine has analysed a draft, so with the feature `split` their
/// code (and the hints') is a chunk of its own, loaded after the page's
/// first paint (see `load_sections`).
fn sections() -> AnyView {
    Cornerstone::ALL.into_iter().map(|c| view! { <CornerstoneSection cornerstone=c /> }).collect_view().into_any()
}

/// Puts the function that draws the sections into `into`: at once, or with
/// the feature `split` once its chunk has arrived.
#[cfg(not(feature = "split"))]
fn load_sections(into: RwSignal<Option<fn() -> AnyView>>) {
    into.set(Some(sections));
}

/// Puts the function that draws the sections into `into` once its chunk has
/// arrived. The chunk is asked for after the page's first paint (a frame,
/// then a task, or 200 ms at most, or at once in a hidden page: as the
/// loader's `whenPainted` does for the engine), so it is no part of the first
/// load; every panel after the first finds it loaded. A chunk that could
/// not be fetched is asked for again, a while later each time, as long as
/// the panel is there.
#[cfg(feature = "split")]
fn load_sections(into: RwSignal<Option<fn() -> AnyView>>) {
    use std::cell::Cell;
    use std::rc::Rc;
    use std::time::Duration;

    async fn load(into: RwSignal<Option<fn() -> AnyView>>, wait: Duration) {
        match sections_code().await {
            Ok(draw) => {
                if into.try_get_untracked().is_some_and(|d| d.is_none()) {
                    into.try_set(Some(draw));
                }
            }
            // A panel that is gone (an embed detached) asks no more.
            Err(_) if into.try_get_untracked().is_none() => {}
            Err(_) => {
                // (Said without formatting: this code is on the first load.)
                web_sys::console::warn_1(&"Cornerstone could not fetch the code of its hints; it keeps trying.".into());
                let next = (wait * 2).min(Duration::from_secs(30));
                set_timeout(move || leptos::task::spawn_local(load(into, next)), wait);
            }
        }
    }
    let started = Rc::new(Cell::new(false));
    let start = move || {
        if !started.replace(true) {
            leptos::task::spawn_local(load(into, Duration::from_secs(1)));
        }
    };
    if document().hidden() {
        return start();
    }
    let after_frame = start.clone();
    request_animation_frame(move || set_timeout(after_frame, Duration::ZERO));
    set_timeout(start, Duration::from_millis(200));
}

/// The split point: the call that fetches the sections' chunk. It hands
/// back a pointer to `sections` (the indirect call lands in the chunk), so
/// that they are drawn in the panel's own reactive scope. (wasm-split's own
/// attribute rather than Leptos's `#[lazy]`, for `fallible`: a chunk that
/// cannot be fetched is an `Err`, not a panic, which would abort the module.)
#[cfg(feature = "split")]
#[leptos::wasm_split::wasm_split(sections, wasm_split_path = ::leptos::wasm_split, fallible)]
fn sections_code() -> Result<fn() -> AnyView, leptos::wasm_split::SplitLoaderError> {
    Ok(sections)
}

/// One cornerstone: its status and its hints.
#[component]
fn CornerstoneSection(
    /// Which cornerstone this section shows.
    cornerstone: Cornerstone,
) -> impl IntoView {
    let coach = expect_context::<Coach>();
    let report = move || coach.analysis.with(|a| a.report.cornerstone(cornerstone).clone());
    let status = move || report().status;
    // How many hints of one cue are shown: "Show more" adds a batch (the
    // usability review found the rest out of reach).
    let per_cue = RwSignal::new(HINTS_PER_CUE);
    view! {
        <section
            class="cornerstone"
            data-testid=format!("cornerstone-{}", cornerstone.id())
            data-status=move || status().id()
            aria-labelledby=format!("cs-{}", cornerstone.id())
        >
            <h3 id=format!("cs-{}", cornerstone.id())>
                <span class="cs-title">{cornerstone.title()}</span>
                <span class=move || format!("status status-{}", status().id()) data-testid="status">
                    // (The glyph is for the eye: a screen reader says the word.)
                    <span aria-hidden="true">{move || status_glyph(status())}</span>
                    {move || status_text(status())}
                </span>
            </h3>
            {move || {
                let hints = report().hints;
                if hints.is_empty() {
                    view! { <p class="no-hints">"Nothing to note yet."</p> }.into_any()
                } else {
                    let limit = per_cue.get();
                    let items =
                        coach.analysis.with_untracked(|a| capped(&hints, limit, |i| a.report.findings[i].cue));
                    view! {
                        <ul class="hints">
                            {items
                                .into_iter()
                                .map(|item| match item {
                                    Item::Hint(i) => view! { <Hint index=i /> }.into_any(),
                                    Item::More(n) => {
                                        view! {
                                            <li class="more-hints" data-testid="more-hints">
                                                {format!("and {n} more like this")}
                                                " "
                                                <button
                                                    class="link"
                                                    data-testid="show-more-hints"
                                                    on:click=move |_| per_cue.update(|l| *l += MORE_PER_CLICK)
                                                >
                                                    {format!("Show {}", n.min(MORE_PER_CLICK))}
                                                </button>
                                            </li>
                                        }
                                            .into_any()
                                    }
                                })
                                .collect_view()}
                        </ul>
                    }
                        .into_any()
                }
            }}
        </section>
    }
}

/// At most this many hints of one cue in a cornerstone; the rest are
/// counted ("and 212 more like this"), so that a long draft's panel stays small.
pub const HINTS_PER_CUE: usize = 3;

/// How many more hints of each cue "Show" adds.
pub const MORE_PER_CLICK: usize = 20;

/// What a cornerstone's list shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Item {
    /// The hint of this finding.
    Hint(usize),
    /// How many more hints of the cue just above are not shown.
    More(usize),
}

/// `hints` (finding indexes, in the panel's order) with at most `limit` of
/// each cue ([`HINTS_PER_CUE`] at first), each cue's count of the rest
/// right after its last shown hint.
pub fn capped<C: PartialEq + Copy>(hints: &[usize], limit: usize, cue: impl Fn(usize) -> C) -> Vec<Item> {
    let mut shown: Vec<(C, usize, usize)> = Vec::new(); // cue, shown, position of its last hint in `out`
    let mut rest: Vec<usize> = Vec::new();
    let mut out = Vec::new();
    for &i in hints {
        let c = cue(i);
        match shown.iter().position(|s| s.0 == c) {
            Some(k) if shown[k].1 >= limit => rest[k] += 1,
            Some(k) => {
                shown[k].1 += 1;
                shown[k].2 = out.len();
                out.push(Item::Hint(i));
            }
            None => {
                shown.push((c, 1, out.len()));
                rest.push(0);
                out.push(Item::Hint(i));
            }
        }
    }
    // Insert the counts from the back, so that positions stay right.
    let mut counts: Vec<(usize, usize)> =
        shown.iter().zip(&rest).filter(|(_, &n)| n > 0).map(|(s, &n)| (s.2, n)).collect();
    cornerstone_engine::order::sort_by_key(&mut counts, |c| std::cmp::Reverse(c.0));
    for (at, n) in counts {
        out.insert(at + 1, Item::More(n));
    }
    out
}

fn status_glyph(s: Status) -> &'static str {
    match s {
        Status::Strong => "● ",
        Status::Fine => "◐ ",
        Status::NeedsWork => "○ ",
    }
}

fn status_text(s: Status) -> &'static str {
    match s {
        Status::Strong => "Strong",
        Status::Fine => "Fine",
        Status::NeedsWork => "Needs work",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repeated_hints_are_counted_after_the_third() {
        let cues = ["shouting", "shouting", "sarcasm", "shouting", "shouting", "shouting", "sarcasm"];
        let items = capped(&[0, 1, 2, 3, 4, 5, 6], HINTS_PER_CUE, |i| cues[i]);
        assert_eq!(items, [Item::Hint(0), Item::Hint(1), Item::Hint(2), Item::Hint(3), Item::More(2), Item::Hint(6)]);
        assert_eq!(capped(&[0, 2], HINTS_PER_CUE, |i| cues[i]), [Item::Hint(0), Item::Hint(2)]);
        // "Show" raises the limit: all of them fit.
        let all = capped(&[0, 1, 2, 3, 4, 5, 6], HINTS_PER_CUE + MORE_PER_CLICK, |i| cues[i]);
        assert_eq!(all, (0..7).map(Item::Hint).collect::<Vec<_>>());
    }
}
