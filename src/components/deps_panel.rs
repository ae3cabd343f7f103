//! "What roadboard understood": every dependency edge with the phrase and line it came from,
//! implicit phase-order edges, unresolved references and cycles, each linked to its line.

use crate::doc::DocModel;
use crate::dom::event_element;
use crate::session::Session;
use leptos::prelude::*;
use roadboard_core::highlight::edge_report;
use std::sync::Arc;

/// A collapsible panel listing the dependencies roadboard read from the document.
#[component]
pub fn DependenciesPanel(
    /// The opened document.
    model: Arc<DocModel>,
) -> impl IntoView {
    let session = expect_context::<Session>();
    let map = &model.map;
    let edges = edge_report(map, &model.graph);
    let explicit = edges.iter().filter(|e| !e.implicit).count();
    let implicit = edges.len() - explicit;
    let unresolved = map.unresolved.clone();
    let cycles: Vec<(String, usize)> = map
        .cycles
        .iter()
        .map(|c| {
            let mut names: Vec<&str> = c.ids.iter().map(|id| model.graph.name_of(id)).collect();
            if let Some(first) = names.first().copied() {
                names.push(first);
            }
            (names.join(" → "), c.line)
        })
        .collect();
    if edges.is_empty() && unresolved.is_empty() && cycles.is_empty() {
        return ().into_any();
    }
    let mut summary = vec![format!("{explicit} written")];
    if implicit > 0 {
        summary.push(format!("{implicit} from phase order"));
    }
    if !unresolved.is_empty() {
        summary.push(format!("{} unresolved", unresolved.len()));
    }
    if !cycles.is_empty() {
        summary.push(format!(
            "{} cycle{}",
            cycles.len(),
            if cycles.len() == 1 { "" } else { "s" }
        ));
    }
    let line_link = move |line: usize| {
        view! {
            <button type="button" class="link-button line-link" on:click=move |_| session.show_line(line)
                aria-label=format!("Show line {line} in the document")>{format!("line {line}")}</button>
        }
    };
    // The list is drawn when the panel is opened (a big roadmap has thousands of edges).
    let open = RwSignal::new(false);
    let shown = RwSignal::new(200usize);
    let total_edges = edges.len();
    let edges = std::sync::Arc::new(edges);
    view! {
        <details class="deps-panel" on:toggle=move |ev| {
            let el: Option<web_sys::HtmlDetailsElement> = event_element(&ev);
            open.set(el.is_some_and(|d| d.open()));
        }>
            <summary>
                <span class="deps-title">"Dependencies"</span>
                <span class="deps-summary" class:warn=!unresolved.is_empty() || !cycles.is_empty()>{summary.join(" · ")}</span>
            </summary>
            {move || open.get().then(|| {
            let edges = edges.clone();
            let cycles = cycles.clone();
            let unresolved = unresolved.clone();
            view! {
            <div class="deps-body">
                <p class="legend">
                    <span class="swatch selected"></span>"selected "
                    <span class="swatch upstream"></span>"prerequisite (upstream) "
                    <span class="swatch downstream"></span>"depends on it (downstream)"
                    " — click a card to select it, Escape clears."
                </p>
                {(!cycles.is_empty()).then(|| view! {
                    <h3>"Cycles"</h3>
                    <ul class="deps-list">
                        {cycles.into_iter().map(|(text, line)| view! {
                            <li class="problem">{text}" "{line_link(line)}</li>
                        }).collect_view()}
                    </ul>
                })}
                {(!unresolved.is_empty()).then(|| view! {
                    <h3>"Not understood"</h3>
                    <ul class="deps-list">
                        {unresolved.into_iter().map(|u| view! {
                            <li class="problem">{format!("“{}” — no item, phase or section by that name, ", u.text)}{line_link(u.line)}</li>
                        }).collect_view()}
                    </ul>
                })}
                <h3>"Edges"</h3>
                <ul class="deps-list">
                    {move || edges.iter().take(shown.get()).cloned().map(|e| view! {
                        <li class:implicit=e.implicit>
                            <strong>{e.from}</strong>" waits on "<strong>{e.to}</strong>
                            {if e.implicit {
                                " (phase order) ".to_string()
                            } else {
                                format!(" (“{}”) ", e.text)
                            }}
                            {line_link(e.line)}
                        </li>
                    }).collect_view()}
                </ul>
                {move || (shown.get() < total_edges).then(|| view! {
                    <button type="button" class="link-button" on:click=move |_| shown.update(|n| *n += 1000)>
                        {format!("Show more ({} of {total_edges} shown)", shown.get())}
                    </button>
                })}
            </div>
            }
            })}
        </details>
    }
    .into_any()
}
