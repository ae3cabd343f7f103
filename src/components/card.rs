//! A card of the board: an item's checkbox and text, its badges and what it waits on, its
//! details and its sub-items.
//!
//! A board draws thousands of cards, so a card is cheap: it has no event handlers of its own
//! (the board handles its cards' events once, see `board_events`), and four live parts — its
//! class (status and selection), its change mark, its checkbox, and its badges with the
//! waits-on line (one part: they follow the same ticks).

use crate::components::card_details::CardDetails;
use crate::components::changes::ChangeMarks;
use crate::components::rich::draw;
use crate::doc::{DocModel, Highlight};
use leptos::prelude::*;
use roadboard_core::board::{
    effective_status, format_estimate, priority_key, priority_label, status_key, status_label,
};
use roadboard_core::model::Status;
use std::sync::Arc;

/// All descendants of item `i` with their depth below it, in document order (iterative).
fn descendants(model: &DocModel, i: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut stack: Vec<(usize, usize)> = model
        .index
        .children
        .get(i)
        .map(|c| c.iter().rev().map(|j| (*j, 1)).collect())
        .unwrap_or_default();
    while let Some((j, depth)) = stack.pop() {
        out.push((j, depth));
        if out.len() > model.map.items.len() {
            break;
        }
        if let Some(c) = model.index.children.get(j) {
            stack.extend(c.iter().rev().map(|k| (*k, depth + 1)));
        }
    }
    out
}

/// The card's class: its status as the reader's tick makes it, and whether it is selected.
fn card_class(status: Status, selected: bool) -> &'static str {
    match (status, selected) {
        (Status::Done, false) => "card done",
        (Status::Done, true) => "card done selected",
        (Status::OutOfScope, false) => "card out-of-scope",
        (Status::OutOfScope, true) => "card out-of-scope selected",
        (_, false) => "card",
        (_, true) => "card selected",
    }
}

/// The card of item `index`.
#[component]
pub fn CardView(
    /// The opened document.
    model: Arc<DocModel>,
    /// The item's index in the document.
    index: usize,
) -> impl IntoView {
    let Some(item) = model.map.items.get(index) else {
        return ().into_any();
    };
    let id = item.id.clone();
    let input_id = format!("cb-{id}");
    // Only the checkbox ticks: the text names it, and a click on the text opens the item.
    let text_id = format!("ct-{id}");
    let rich = roadboard_core::render::inline(&item.markdown);
    let label_body = if rich.is_empty() {
        draw(
            &[roadboard_core::render::Node::Text(item.text.clone())],
            None,
        )
    } else {
        draw(&rich, None)
    };
    let subs = Arc::new(descendants(&model, index));
    let hl = use_context::<Highlight>();
    let changes = use_context::<ChangeMarks>().unwrap_or_default();
    // Status and selection in one class (keyed selection: only the cards whose selection
    // changed re-run).
    let class = {
        let m = model.clone();
        let hl = hl.clone();
        let id = id.clone();
        move || {
            let status = m
                .map
                .items
                .get(index)
                .map_or(Status::Todo, |it| effective_status(it, m.ticked(index)));
            let selected = hl.as_ref().is_some_and(|h| h.is_selected(&id));
            card_class(status, selected)
        }
    };
    let m_checked = model.clone();
    let badges = badges(&model, index, subs.clone(), changes);
    let details = item
        .details
        .clone()
        .map(|d| view! { <CardDetails details=d/> });
    let subtasks = (!subs.is_empty()).then(|| {
        let m = model.clone();
        view! {
            <ul class="subtasks">
                {subs.iter().map(|(j, depth)| {
                    let j = *j;
                    let Some(sub) = m.map.items.get(j) else { return ().into_any() };
                    let sid = format!("cb-{}", sub.id);
                    let stid = format!("ct-{}", sub.id);
                    let m1 = m.clone();
                    view! {
                        <li class="subtask" data-item-id=sub.id.clone() data-change=changes.attr(sub.id.clone()) style:--depth=depth.saturating_sub(1).min(6).to_string()
                            data-highlight=hl.as_ref().and_then(|h| h.role_key_now(j))>
                            <input type="checkbox" id=sid aria-labelledby=stid.clone() tabindex="-1" prop:checked=move || m1.ticked(j)/>
                            <span class="subtask-text" id=stid>{sub.text.clone()}</span>
                        </li>
                    }.into_any()
                }).collect_view()}
            </ul>
        }
    });
    view! {
        <li class=class data-item-id=id.clone() data-line=item.line
            data-change=changes.attr(id)
            data-highlight=hl.as_ref().and_then(|h| h.role_key_now(index))
            tabindex="-1">
            <div class="card-main">
                <input type="checkbox" class="card-check" id=input_id aria-labelledby=text_id.clone() tabindex="-1"
                    prop:checked=move || m_checked.ticked(index)/>
                <span class="card-text" id=text_id>{label_body}</span>
            </div>
            {badges}
            {details}
            {subtasks}
        </li>
    }
    .into_any()
}

/// The card's badges — status, priority, estimate, sub-items done, ready or blocked, the
/// reader's tick against the file's mark, the change — and the open prerequisites it waits
/// on, drawn again when any of them changes.
fn badges(
    model: &Arc<DocModel>,
    index: usize,
    subs: Arc<Vec<(usize, usize)>>,
    changes: ChangeMarks,
) -> impl IntoView {
    let m = model.clone();
    let has_prereqs = model.graph.prerequisite_count(index) > 0;
    move || {
        let item = m.map.items.get(index)?;
        let ticked = m.ticked(index);
        let status = effective_status(item, ticked);
        let status_badge = matches!(status, Status::InProgress | Status::Blocked | Status::OutOfScope)
            .then(|| view! { <span class=format!("badge status-{}", status_key(status))>{status_label(status)}</span> });
        let priority = item.priority.map(|p| view! { <span class=format!("badge prio-{}", priority_key(p))>{priority_label(p)}</span> });
        let estimate = item.estimate_days.map(|e| view! { <span class="badge estimate" title="Estimate">{"⏱ "}{format_estimate(e)}</span> });
        let sub_count = (!subs.is_empty()).then(|| {
            let d = subs.iter().filter(|(j, _)| m.ticked(*j)).count();
            view! { <span class="badge subcount" title="Sub-items done">{format!("{d}/{}", subs.len())}</span> }
        });
        // Ready / blocked by open prerequisites, live as items are ticked.
        let open: Option<Vec<String>> = (has_prereqs && !ticked).then(|| {
            m.graph
                .open_prerequisite_names(index, &|j| m.ticked(j))
                .into_iter()
                .map(str::to_string)
                .collect()
        });
        let readiness = open.as_ref().map(|open| {
            if open.is_empty() {
                view! { <span class="badge ready" title="All prerequisites are done">"Ready"</span> }.into_any()
            } else {
                view! { <span class="badge waiting" title=format!("Waits on: {}", open.join(", "))>{format!("Blocked by {}", open.len())}</span> }.into_any()
            }
        });
        // The reader's tick wins over the file's own mark; the difference stays visible.
        let file_done = item.status == Status::Done;
        let differs = (ticked != file_done).then(|| {
            let (text, title) = if file_done {
                (
                    "file: done",
                    "The document marks this done; you unticked it",
                )
            } else {
                (
                    "ticked by you",
                    "The document does not mark this done; you ticked it",
                )
            };
            view! { <span class="badge differs" title=title>{text}</span> }
        });
        let change = changes.kind(&item.id).map(|k| {
            view! { <span class="badge change" data-kind=k.key() title="Changed in this version">{k.label()}</span> }
        });
        let waits_on = open
            .filter(|o| !o.is_empty())
            .map(|open| view! { <p class="waits-on">"Waits on: "{open.join(", ")}</p> });
        Some(view! {
            <div class="badges">
                {status_badge}{priority}{estimate}{sub_count}{readiness}{differs}{change}
            </div>
            {waits_on}
        })
    }
}
