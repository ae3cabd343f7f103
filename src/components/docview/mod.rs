//! The Document view: the whole document rendered safely, with the same live checkboxes,
//! drawn in parts — each part read and drawn in a task of its own, so the page is never
//! blocked for long (the first screenful appears at once). A long document (more than
//! [`WINDOW_BYTES`]) draws only the parts near the screen ([`mod@window`]): a 100,000-item one
//! would otherwise grow the page to hundreds of thousands of elements.

use crate::components::detail::focus_panel;
use crate::components::rich::draw;
use crate::doc::{DocModel, Highlight};
use crate::dom::{event_element, next_task, perf_mark, query_all};
use crate::session::Session;
use leptos::prelude::*;
use leptos::task::spawn_local;
use roadboard_core::render::{Blocks, Node};
use std::sync::Arc;

pub mod window;

use window::WindowedParts;

/// A document longer than this many bytes draws only the parts near the screen (five times the
/// longest real roadmap we have read, 39 KB); a shorter one draws every part.
pub const WINDOW_BYTES: usize = 200_000;
/// A long top-level list is drawn in parts of this many items.
const LIST_PART: usize = 100;
/// Aim for each part's task (reading and drawing it) to take about this long.
const TASK_MS: f64 = 40.0;
/// How many display nodes the first part draws (the first screenful, at once); later parts
/// grow or shrink from there so each takes about [`TASK_MS`].
const FIRST_PART: usize = 600;

/// The whole document, sanitised, with live checkboxes.
#[component]
pub fn DocumentView(
    /// The opened document.
    model: Arc<DocModel>,
) -> impl IntoView {
    let session = expect_context::<Session>();
    let hl = use_context::<Highlight>();
    let complete = RwSignal::new(false);
    let article = NodeRef::<leptos::html::Article>::new();
    let windowed = model.text.len() > WINDOW_BYTES;
    let parts = if windowed {
        view! { <WindowedParts model=model.clone() complete=complete article=article/> }.into_any()
    } else {
        view! { <WholeParts model=model.clone() complete=complete/> }.into_any()
    };
    // A click on an item's text (not its checkbox or a link) opens the item; Enter on its
    // checkbox too.
    let m_open = model.clone();
    let open_at = move |el: Option<web_sys::Element>, keyboard: bool| {
        let Some(el) = el else { return false };
        let on_control = el
            .closest("a, button, label, pre, summary")
            .ok()
            .flatten()
            .is_some()
            || (!keyboard && el.tag_name().eq_ignore_ascii_case("input"));
        let line = el
            .closest("li[data-line]")
            .ok()
            .flatten()
            .and_then(|li| li.get_attribute("data-line"))
            .and_then(|v| v.parse::<usize>().ok());
        let item = line.and_then(|l| m_open.map.items.iter().find(|it| it.line == l));
        match item {
            Some(it) if !on_control => {
                let id = it.id.clone();
                session.view.update(|v| v.item = Some(id));
                true
            }
            _ => false,
        }
    };
    let open_key = open_at.clone();
    view! {
        <article class="document" aria-label="Document" node_ref=article aria-busy=move || (!complete.get()).to_string()
            on:click=move |ev: leptos::ev::MouseEvent| { open_at(event_element(&ev), false); }
            on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                if ev.key() == "Enter" && open_key(event_element(&ev), true) {
                    ev.prevent_default();
                    focus_panel();
                }
            }
            class:has-selection=move || hl.as_ref().is_some_and(|h| h.focus.with(Option::is_some))>
            {parts}
        </article>
    }
}

/// Every part of the document, drawn one after another (a document up to [`WINDOW_BYTES`]).
#[component]
fn WholeParts(
    /// The opened document.
    model: Arc<DocModel>,
    /// Set when every part is drawn.
    complete: RwSignal<bool>,
) -> impl IntoView {
    let session = expect_context::<Session>();
    // The parts drawn so far; a part is a run of top-level blocks.
    let parts = StoredValue::new(Vec::<Arc<Vec<Node>>>::new());
    let shown = RwSignal::new(0usize);
    {
        let model = model.clone();
        spawn_local(async move {
            // Display nodes per part: few at first (the first screenful at once), then as many
            // as take about TASK_MS to read and draw.
            let mut budget = FIRST_PART;
            let mut blocks = Blocks::new(&model.text).split_lists(LIST_PART);
            loop {
                let t0 = now();
                let (mut part, mut drawn, mut last) = (Vec::new(), 0, false);
                while drawn < budget {
                    match blocks.next() {
                        Some(block) => {
                            drawn += weight(&block);
                            part.push(block);
                        }
                        None => {
                            last = true;
                            break;
                        }
                    }
                }
                if !part.is_empty() {
                    parts.update_value(|p| p.push(Arc::new(part)));
                    if shown.try_update(|n| *n += 1).is_none() {
                        return; // the view is gone
                    }
                    leptos::task::tick().await; // drawn
                }
                if last {
                    break;
                }
                // The next part's size from this one's time (half-way, so one slow task — a
                // garbage collection — does not swing it).
                let took = (now() - t0).max(1.0);
                let fit = budget as f64 * TASK_MS / took;
                budget = ((budget as f64 + fit) / 2.0).clamp(100.0, 20_000.0) as usize;
                try_goto_line(session, false);
                next_task().await;
            }
            let _ = complete.try_set(true);
            try_goto_line(session, true);
            perf_mark("rb-document-ready");
        });
    }
    // Bring a requested line into view once it is drawn.
    Effect::new(move |_| {
        if session.goto_line.get().is_some() {
            let done = complete.get_untracked();
            request_animation_frame(move || try_goto_line(session, done));
        }
    });
    let m = model;
    view! {
        <For each=move || 0..shown.get() key=|k| *k children=move |k| {
            let nodes = parts.with_value(|p| p.get(k).cloned()).unwrap_or_default();
            view! { <div class="doc-part">{draw(&nodes, Some(&m))}</div> }
        }/>
    }
}

/// How many display nodes a block draws (elements, texts, checkboxes).
fn weight(node: &Node) -> usize {
    match node {
        Node::Element(e) => 1 + e.children.iter().map(weight).sum::<usize>(),
        _ => 1,
    }
}

/// Milliseconds since the page opened.
fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

/// Scroll the requested line into view when it is drawn (or the whole document is: `done`).
fn try_goto_line(session: Session, done: bool) {
    let Some(line) = session.goto_line.get_untracked() else {
        return;
    };
    if scroll_to_line(line, done) {
        session.goto_line.set(None);
    }
}

/// Scroll the innermost block that starts at or before `line` into view and flash it; `false`
/// while no block at or after `line` is drawn yet (unless the document is `complete`).
fn scroll_to_line(line: usize, complete: bool) -> bool {
    let mut best: Option<(usize, web_sys::Element)> = None;
    let mut reached = complete;
    for el in query_all(None, "article.document [data-line]") {
        let l = el
            .get_attribute("data-line")
            .and_then(|v| v.parse::<usize>().ok())
            .unwrap_or(0);
        reached |= l >= line;
        if l <= line && best.as_ref().is_none_or(|(b, _)| l >= *b) {
            best = Some((l, el));
        }
    }
    if !reached {
        return false;
    }
    if let Some((_, el)) = best {
        let opts = web_sys::ScrollIntoViewOptions::new();
        opts.set_block(web_sys::ScrollLogicalPosition::Center);
        el.scroll_into_view_with_scroll_into_view_options(&opts);
        let _ = el.class_list().add_1("flash");
    }
    true
}
