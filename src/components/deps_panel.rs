//! "What roadboard understood": every dependency edge with the phrase and line it came from,
//! implicit phase-order edges, cycles, ambiguous and broken references, and the external
//! prerequisites (what the plan waits on outside the document), each linked to its line.

use crate::doc::DocModel;
use crate::dom::event_element;
use crate::session::Session;
use leptos::prelude::*;
use roadboard_core::deps::external_prerequisites;
use roadboard_core::highlight::edge_report;
use std::collections::HashMap;
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
    let external = external_prerequisites(map);
    // A name the document does not define is neutral; a reference to an id or a numbered
    // name it lacks, or one that names several things, is the document's to fix.
    let broken: Vec<(String, usize)> = map
        .unresolved
        .iter()
        .filter(|u| !u.external)
        .take(LISTED)
        .map(|u| (u.text.clone(), u.line))
        .collect();
    let lines = lines_of(map, !map.ambiguous.is_empty());
    let line_of = |id: &str| lines.get(id).copied().unwrap_or(0);
    let ambiguous: Vec<(String, usize, Vec<Named>)> = map
        .ambiguous
        .iter()
        .take(LISTED)
        .map(|a| {
            let cands = a
                .candidates
                .iter()
                .map(|c| (model.graph.name_of(c).to_string(), line_of(c)))
                .collect();
            (a.text.clone(), a.line, cands)
        })
        .collect();
    let n_external = external.len();
    let external: Vec<(String, Vec<Named>)> = external
        .into_iter()
        .take(LISTED)
        .map(|e| {
            let by = e.needed_by.into_iter().map(|w| (w.name, w.line)).collect();
            (e.text, by)
        })
        .collect();
    let problems = !broken.is_empty() || !ambiguous.is_empty();
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
    if edges.is_empty() && external.is_empty() && !problems && cycles.is_empty() {
        return ().into_any();
    }
    // neutral figures, then what the document has to fix
    let mut summary = vec![format!("{explicit} written")];
    let mut to_fix: Vec<String> = Vec::new();
    if implicit > 0 {
        summary.push(format!("{implicit} from phase order"));
    }
    if n_external > 0 {
        summary.push(format!(
            "{n_external} external prerequisite{}",
            if n_external == 1 { "" } else { "s" }
        ));
    }
    if !map.ambiguous.is_empty() {
        to_fix.push(format!("{} ambiguous", map.ambiguous.len()));
    }
    let n_broken = map.unresolved.iter().filter(|u| !u.external).count();
    if n_broken > 0 {
        to_fix.push(format!("{n_broken} not found"));
    }
    if !cycles.is_empty() {
        to_fix.push(format!(
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
                <span class="deps-summary">{summary.join(" · ")}</span>
                {(!to_fix.is_empty()).then(|| view! {
                    <span class="deps-summary warn">{to_fix.join(" · ")}</span>
                })}
            </summary>
            {move || open.get().then(|| {
            let edges = edges.clone();
            let cycles = cycles.clone();
            let external = external.clone();
            let broken = broken.clone();
            let ambiguous = ambiguous.clone();
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
                {(!ambiguous.is_empty()).then(|| view! {
                    <h3>"Ambiguous references"</h3>
                    <ul class="deps-list">
                        {ambiguous.into_iter().map(|(text, line, cands)| {
                            let n = cands.len();
                            view! {
                                <li class="ambiguous">{format!("“{text}” ")}{line_link(line)}
                                    {format!(" names {n} things, so no edge was made: ")}
                                    {cands.into_iter().enumerate().map(|(k, (name, at))| view! {
                                        {(k > 0).then_some(" · ")}<strong>{name}</strong>" "{line_link(at)}
                                    }).collect_view()}
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                })}
                {(!broken.is_empty()).then(|| view! {
                    <h3>"Not found in this document"</h3>
                    <ul class="deps-list">
                        {broken.into_iter().map(|(text, line)| view! {
                            <li class="problem">{format!("“{text}” — written as something in this document, but nothing has that name, ")}{line_link(line)}</li>
                        }).collect_view()}
                    </ul>
                })}
                {(n_external > 0).then(|| view! {
                    <h3>{format!("External prerequisites ({n_external})")}</h3>
                    <p class="deps-note">"What the plan waits on outside this document:"</p>
                    <ul class="deps-list external-list">
                        {external.into_iter().map(|(text, by)| view! {
                            <li class="external"><strong>{text}</strong>
                                <span class="needed-by">" — for "
                                    {by.into_iter().enumerate().map(|(k, (who, line))| view! {
                                        {(k > 0).then_some("; ")}{who}" "{line_link(line)}
                                    }).collect_view()}
                                </span>
                            </li>
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

/// A display name and the line it is written on.
type Named = (String, usize);

/// Most external prerequisites and ambiguous references listed (all are in `roadboard json`).
const LISTED: usize = 500;

/// The line of every item, phase and section by id, when `needed`.
fn lines_of(map: &roadboard_core::Roadmap, needed: bool) -> HashMap<&str, usize> {
    if !needed {
        return HashMap::new();
    }
    map.sections
        .iter()
        .map(|x| (x.id.as_str(), x.line))
        .chain(map.phases.iter().map(|x| (x.id.as_str(), x.line)))
        .chain(map.items.iter().map(|x| (x.id.as_str(), x.line)))
        .collect()
}
