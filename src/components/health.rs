//! The Health list: what `roadboard check` reports about the document (dependency cycles,
//! ambiguous and broken references, done items waiting on open ones, phases placed before
//! their prerequisites, stale claims, phases with no time), each linked to its line.

use crate::doc::DocModel;
use crate::dom::after_next_frame;
use crate::session::Session;
use leptos::prelude::*;
use roadboard_core::health::{self, Severity};
use std::sync::Arc;

/// Most findings listed (all are in `roadboard check`).
const LISTED: usize = 300;

/// A collapsible list of the document's health findings; nothing when there are none. The
/// check (thousands of findings on a large roadmap) runs right after the page's first frame, so
/// it never delays the board; the panel is folded, beside the Dependencies panel.
#[component]
pub fn HealthPanel(
    /// The opened document.
    model: Arc<DocModel>,
) -> impl IntoView {
    let session = expect_context::<Session>();
    let ready = after_next_frame();
    move || ready.get().then(|| panel(&model, session))
}

/// The panel of [`HealthPanel`], checked now.
fn panel(model: &DocModel, session: Session) -> AnyView {
    let findings = health::check(&model.map);
    if findings.is_empty() {
        return ().into_any();
    }
    let (errors, warnings) = health::counts(&findings);
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    let mut summary = Vec::new();
    if errors > 0 {
        summary.push(plural(errors, "error"));
    }
    if warnings > 0 {
        summary.push(plural(warnings, "warning"));
    }
    let has_errors = errors > 0;
    let more = findings.len().saturating_sub(LISTED);
    let items = findings
        .into_iter()
        .take(LISTED)
        .map(|f| {
            let line = f.line;
            let error = f.severity == Severity::Error;
            view! {
                <li class="health-finding" class:error=error>
                    <span class="health-sev">{f.severity.label()}</span>" "
                    <span class="health-msg">{f.message}</span>" "
                    <button type="button" class="link-button line-link"
                        on:click=move |_| session.show_line(line)
                        aria-label=format!("Show line {line} in the document")>{format!("line {line}")}</button>
                </li>
            }
        })
        .collect_view();
    view! {
        <details class="health-panel">
            <summary>
                <span class="health-title">"Health"</span>
                <span class="health-summary" class:has-errors=has_errors>{summary.join(" · ")}</span>
            </summary>
            <div class="health-body">
                <p class="health-note">"What "<code>"roadboard check"</code>" reports for this document: errors break the plan, warnings are likely mistakes."</p>
                <ul class="health-list">{items}</ul>
                {(more > 0).then(|| view! { <p class="health-note">{format!("…and {more} more.")}</p> })}
            </div>
        </details>
    }
    .into_any()
}
