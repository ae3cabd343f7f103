//! The detail panel of the selected item (a side panel on wide screens, a dialog on phones):
//! its full text and the notes under it, status, priority, estimate, phase, the source line
//! (linked to the Document view), what it waits on and what waits on it (each opens its own
//! detail), and its checkbox. The panel is the selection: closing it clears the selection.

use crate::components::rich::draw;
use crate::doc::DocModel;
use crate::session::Session;
use leptos::prelude::*;
use roadboard_core::board::{
    effective_status, format_estimate, priority_key, priority_label, status_key, status_label,
};
use roadboard_core::render::{inline, Node};
use std::sync::Arc;
use wasm_bindgen::JsCast;

/// Id of the panel (the skip link and focus moves name it).
pub const PANEL_ID: &str = "detail-panel";

/// What the panel says of a fact the document does not give (priority, estimate, phase, time).
const NONE_WRITTEN: &str = "None written";

/// What the selection names.
#[derive(Clone, PartialEq)]
enum Subject {
    Item(usize),
    Phase(usize),
    Section(usize),
}

fn subject(model: &DocModel, id: &str) -> Option<Subject> {
    if let Some(&i) = model.index.item_pos.get(id) {
        return Some(Subject::Item(i));
    }
    if let Some(p) = model.map.phases.iter().position(|p| p.id == id) {
        return Some(Subject::Phase(p));
    }
    model
        .map
        .sections
        .iter()
        .position(|s| s.id == id)
        .map(Subject::Section)
}

/// Whether the panel shows something for the selection `id` (an item, a phase or a section).
pub fn shows(model: &DocModel, id: &str) -> bool {
    model.names(id)
}

/// The detail panel of the selected item, phase or section (nothing when none is selected).
#[component]
pub fn DetailPanel(
    /// The opened document.
    model: Arc<DocModel>,
) -> impl IntoView {
    let session = expect_context::<Session>();
    let selected = Memo::new(move |_| session.view.with(|v| v.item.clone()));
    let close = move || session.view.update(|v| v.item = None);
    move || {
        let id = selected.get()?;
        let subject = subject(&model, &id)?;
        let m = model.clone();
        let (title, body) = match subject {
            Subject::Item(i) => (item_name(&m, i), item_body(&m, i).into_any()),
            Subject::Phase(p) => {
                let phase = m.map.phases.get(p)?;
                (phase.title.clone(), phase_body(&m, p).into_any())
            }
            Subject::Section(s) => {
                let sec = m.map.sections.get(s)?;
                let line = sec.line;
                (
                    sec.title.clone(),
                    view! {
                        <dl class="detail-facts">
                            <dt>"Source"</dt><dd>{line_link(line)}</dd>
                        </dl>
                    }
                    .into_any(),
                )
            }
        };
        let links = dependencies(&m, &id);
        Some(view! {
            <section class="detail-panel" id=PANEL_ID role="dialog" aria-modal="false"
                aria-labelledby="detail-title" tabindex="-1">
                <header class="detail-head">
                    <h2 id="detail-title" class="detail-title">{title}</h2>
                    <button type="button" class="detail-close" aria-label="Close details"
                        on:click=move |_| close()>"×"</button>
                </header>
                {body}
                {links}
            </section>
        })
    }
}

/// The item's name as the board shows it.
fn item_name(model: &DocModel, i: usize) -> String {
    model
        .map
        .items
        .get(i)
        .map(|it| it.title.clone().unwrap_or_else(|| it.text.clone()))
        .unwrap_or_default()
}

/// A button that shows `line` in the Document view.
fn line_link(line: usize) -> impl IntoView {
    let session = expect_context::<Session>();
    view! {
        <button type="button" class="link-button line-link" on:click=move |_| session.show_line(line)
            aria-label=format!("Show line {line} in the document")>{format!("line {line}")}</button>
    }
}

fn item_body(model: &Arc<DocModel>, i: usize) -> impl IntoView {
    let item = model.map.items.get(i).cloned();
    item.map(|item| {
        let rich = inline(&item.markdown);
        let text = if rich.is_empty() {
            draw(&[Node::Text(item.text.clone())], None)
        } else {
            draw(&rich, None)
        };
        // Notes end at the item's own sub-items (later items sit no deeper than it).
        let sub_lines: std::collections::HashSet<usize> = model
            .index
            .children
            .get(i)
            .map(|c| c.iter().filter_map(|&j| model.map.items.get(j)).map(|it| it.line).collect())
            .unwrap_or_default();
        let is_item = move |n: usize| sub_lines.contains(&n);
        let notes = roadboard_core::detail::notes_under(&model.text, item.line, &is_item);
        let notes_view = (!notes.is_empty()).then(|| {
            let nodes = roadboard_core::render::document(&notes.join("\n"));
            view! { <div class="detail-notes">{draw(&nodes, None)}</div> }
        });
        let (m_get, m_set) = (model.clone(), model.clone());
        let m_status = model.clone();
        let status = {
            let item = item.clone();
            move || effective_status(&item, m_status.ticked(i))
        };
        let phase = item
            .phase
            .as_deref()
            .and_then(|p| model.map.phases.iter().find(|x| x.id == p))
            .map(|p| p.title.clone());
        let section = item
            .section
            .as_deref()
            .and_then(|s| model.map.sections.iter().find(|x| x.id == s))
            .map(|s| s.title.clone());
        let line = item.line;
        view! {
            <label class="detail-check">
                <input type="checkbox" id="detail-cb" prop:checked=move || m_get.ticked(i)
                    on:change=move |ev| m_set.set_ticked(i, event_target_checked(&ev))/>
                <span>"Done"</span>
            </label>
            <div class="detail-text">{text}</div>
            {notes_view}
            <dl class="detail-facts">
                <dt>"Status"</dt>
                <dd>{move || { let s = status(); view! { <span class=format!("badge status-{}", status_key(s))>{status_label(s)}</span> } }}</dd>
                <dt>"Priority"</dt>
                <dd>{match item.priority {
                    Some(p) => view! { <span class=format!("badge prio-{}", priority_key(p))>{priority_label(p)}</span> }.into_any(),
                    None => NONE_WRITTEN.into_any(),
                }}</dd>
                <dt>"Estimate"</dt>
                <dd>{item.estimate_days.map_or_else(|| NONE_WRITTEN.to_string(), format_estimate)}</dd>
                <dt>"Phase"</dt>
                <dd>{phase.unwrap_or_else(|| NONE_WRITTEN.into())}</dd>
                {section.map(|s| view! { <dt>"Section"</dt><dd>{s}</dd> })}
                <dt>"Source"</dt>
                <dd>{line_link(line)}</dd>
            </dl>
        }
    })
}

fn phase_body(model: &Arc<DocModel>, p: usize) -> impl IntoView {
    let phase = model.map.phases.get(p).cloned();
    phase.map(|phase| {
        let total = phase.items.len();
        let m = model.clone();
        let ids = phase.items.clone();
        let done = move || {
            ids.iter()
                .filter_map(|id| m.index.item_pos.get(id))
                .filter(|&&i| m.ticked(i))
                .count()
        };
        view! {
            <dl class="detail-facts">
                <dt>"Time"</dt>
                <dd>{if phase.duration_text.is_empty() { NONE_WRITTEN.to_string() } else { phase.duration_text.clone() }}</dd>
                <dt>"Items"</dt>
                <dd>{move || format!("{} of {total} done", done())}</dd>
                <dt>"Source"</dt>
                <dd>{line_link(phase.line)}</dd>
            </dl>
        }
    })
}

/// "Waits on" and "Waited on by", each name opening its own detail; "No dependencies" when
/// there are none.
fn dependencies(model: &Arc<DocModel>, id: &str) -> impl IntoView {
    let session = expect_context::<Session>();
    let (before, after) = model.graph.direct(id);
    let named = |ids: Vec<&str>| -> Vec<(String, String)> {
        ids.into_iter()
            .map(|x| (x.to_string(), model.graph.name_of(x).to_string()))
            .collect()
    };
    let (before, after) = (named(before), named(after));
    if before.is_empty() && after.is_empty() {
        return view! { <p class="detail-nodeps">"No dependencies"</p> }.into_any();
    }
    let list = move |heading: &'static str, items: Vec<(String, String)>| {
        (!items.is_empty()).then(|| {
            view! {
                <h3 class="detail-sub">{heading}</h3>
                <ul class="detail-links">
                    {items.into_iter().map(|(id, name)| view! {
                        <li><button type="button" class="link-button" data-target-id=id.clone()
                            on:click=move |_| { let id = id.clone(); session.view.update(|v| v.item = Some(id)) }>{name}</button></li>
                    }).collect_view()}
                </ul>
            }
        })
    };
    view! {
        {list("Waits on", before)}
        {list("Waited on by", after)}
    }
    .into_any()
}

/// Move keyboard focus into the panel (after Enter opened it), once it is drawn.
pub fn focus_panel() {
    request_animation_frame(|| {
        let panel = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(PANEL_ID))
            .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(p) = panel {
            let _ = p.focus();
        }
    });
}
