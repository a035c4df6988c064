use cornerstone_engine::Severity;
use leptos::prelude::*;

use crate::state::Coach;

/// One coaching hint: what was found, where, why, and a better phrasing.
#[component]
pub fn Hint(
    /// Index of the finding in the current analysis.
    index: usize,
) -> impl IntoView {
    let coach = expect_context::<Coach>();
    let (finding, range, text, context, said) = coach.analysis.with_untracked(|a| {
        let f = a.report.findings[index].clone();
        let text = f.span.map(|s| a.text[s.start()..s.end()].to_string());
        // The customer's words the finding is about.
        let source = if a.context_in_draft() { &a.text } else { &a.message };
        let said = f.context.and_then(|c| source.get(c.start()..c.end())).map(str::to_string);
        (f, a.utf16[index], text, a.context16[index], said)
    });
    let severity = finding.severity();
    let (icon, severity_label) = match severity {
        Severity::Warning => ("⚠", "Fix"),
        Severity::Tip => ("✎", "Tip"),
        Severity::Praise => ("✓", "Good"),
    };
    // The coach acts only while the draft is still the analysed text.
    let select = move |_| {
        if let Some((s, e)) = range {
            coach.select(s, e);
        } else if let Some((s, e)) = context {
            coach.select_context(s, e);
        }
    };
    let select_context = move |_| {
        if let Some((s, e)) = context {
            coach.select_context(s, e);
        }
    };
    let clickable = range.is_some() || context.is_some();
    let title = if range.is_some() {
        "Select these words in the draft"
    } else if context.is_some() {
        "Select the customer's words in their message"
    } else {
        ""
    };
    // A finding about the draft's words and the customer's: a second
    // button shows the customer's.
    let both = range.is_some() && context.is_some();
    let suggestions = finding.suggestions.clone();
    view! {
        <li class=format!("hint sev-{}", severity.id()) data-testid="hint" data-cue=finding.cue.id()>
            <button
                class="hint-main"
                data-testid="hint-select"
                on:click=select
                disabled=!clickable
                title=title
            >
                <span class="hint-icon" aria-hidden="true">
                    {icon}
                </span>
                <span class="sr-only">{severity_label} ": "</span>
                <span class="hint-label">{finding.cue.label()}</span>
                {text.map(|t| view! { <q class="hint-text" data-testid="hint-text">{t}</q> })}
                {(!both)
                    .then_some(said.clone())
                    .flatten()
                    .map(|t| view! { <q class="hint-text hint-context" data-testid="hint-context">{t}</q> })}
            </button>
            {both
                .then_some(said)
                .flatten()
                .map(|t| {
                    view! {
                        <button class="hint-context-select" data-testid="hint-context-select" on:click=select_context>
                            <span class="sr-only">"Select in the customer's message: "</span>
                            "They wrote: "
                            <q class="hint-context" data-testid="hint-context">{t}</q>
                        </button>
                    }
                })}
            <p class="hint-message">{finding.message.to_string()}</p>
            {(!suggestions.is_empty() && range.is_some())
                .then(|| {
                    view! {
                        <div class="suggestions">
                            {suggestions
                                .into_iter()
                                .map(|s| {
                                    let replacement = s.clone();
                                    let apply = move |_| {
                                        if let Some((start, end)) = range {
                                            coach.replace(start, end, &replacement);
                                        }
                                    };
                                    view! {
                                        <button class="suggestion" data-testid="apply-suggestion" on:click=apply>
                                            <span class="sr-only">"Replace with "</span>
                                            "“"
                                            {s}
                                            "”"
                                        </button>
                                    }
                                })
                                .collect_view()}
                        </div>
                    }
                })}
        </li>
    }
}
