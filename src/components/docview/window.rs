//! The Document view of a long document, drawn near the screen only (issue 13, point 9). The
//! document is still read in parts, in short tasks; but a part is drawn only while it is within
//! a screen of the viewport, and dropped again when it is more than three screens away. A part
//! not drawn is an empty block of its height (measured when it was last drawn, else estimated
//! from its size), so the scrollbar and the page's length stay right, and the browser's scroll
//! anchoring keeps what the reader looks at in place when a part above is drawn. The page keeps
//! a few thousand elements at 100,000 items instead of hundreds of thousands.

use super::{now, scroll_to_line, weight, LIST_PART, TASK_MS};
use crate::components::rich::draw;
use crate::doc::DocModel;
use crate::dom::{next_task, perf_mark};
use crate::session::Session;
use leptos::prelude::*;
use leptos::task::spawn_local;
use roadboard_core::render::{first_line, part_of_line, Blocks, Node};
use std::sync::Arc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::prelude::wasm_bindgen;

/// A part holds blocks of about this many display nodes (a 100-item list and its heading).
const PART_NODES: usize = 250;
/// The height of a display node, in px, until the first part is measured.
const PX_PER_NODE: f64 = 8.0;

#[wasm_bindgen(module = "/src/js/docwindow.js")]
extern "C" {
    /// Watch the parts of `article` not watched yet (see src/js/docwindow.js).
    fn watch_parts(
        article: &web_sys::Element,
        callback: &Closure<dyn FnMut(u32, bool, f64) -> bool>,
    );
    /// Stop watching the parts of `article`.
    fn unwatch_parts(article: &web_sys::Element);
}

/// One part of the document: its blocks, and whether they are on the page.
#[derive(Clone)]
struct Part {
    nodes: Arc<Vec<Node>>,
    /// Display nodes in `nodes`.
    weight: usize,
    /// The first source line in it.
    first_line: Option<usize>,
    /// On the page (else a placeholder of its height).
    drawn: RwSignal<bool>,
    /// Its height when it was last dropped, in px (0 until then).
    height: RwSignal<f64>,
}

impl Part {
    /// Read the next part from `blocks`; `None` when there is nothing left. Its signals belong
    /// to `owner` (the view), so they go with it.
    fn read(blocks: &mut Blocks<'_>, owner: Option<&Owner>) -> Option<Part> {
        let (mut nodes, mut size) = (Vec::new(), 0);
        while size < PART_NODES {
            let Some(block) = blocks.next() else { break };
            size += weight(&block);
            nodes.push(block);
        }
        (!nodes.is_empty()).then(|| Part {
            first_line: first_line(&nodes),
            nodes: Arc::new(nodes),
            weight: size,
            drawn: owner.map_or_else(|| RwSignal::new(false), |o| o.with(|| RwSignal::new(false))),
            height: owner.map_or_else(|| RwSignal::new(0.0), |o| o.with(|| RwSignal::new(0.0))),
        })
    }

    /// Put it on the page (once).
    fn draw(&self) {
        if !self.drawn.get_untracked() {
            self.drawn.set(true);
        }
    }
}

/// The parts of a long document, each drawn while it is near the screen.
#[component]
pub fn WindowedParts(
    /// The opened document.
    model: Arc<DocModel>,
    /// Set when the whole document is read (every part is on the page or stands in for it).
    complete: RwSignal<bool>,
    /// The Document view's element, whose parts are watched.
    article: NodeRef<leptos::html::Article>,
) -> impl IntoView {
    let session = expect_context::<Session>();
    let owner = Owner::current();
    let parts = StoredValue::new(Vec::<Part>::new());
    let shown = RwSignal::new(0usize);
    let px_per_node = RwSignal::new(PX_PER_NODE);
    // What the observers call, and the element they watch (kept until the view goes).
    let watcher = StoredValue::new_local(
        None::<(web_sys::Element, Closure<dyn FnMut(u32, bool, f64) -> bool>)>,
    );
    let watch = move || {
        let Some(el) = article.get_untracked() else {
            return;
        };
        watcher.update_value(|w| {
            let (el, callback) = w.get_or_insert_with(|| {
                // Draw part `k` (`near`) or drop it, keeping its `height`; whether that was done.
                let callback = Closure::new(move |k: u32, near: bool, height: f64| {
                    let part = parts
                        .try_with_value(|p| p.get(k as usize).cloned())
                        .flatten();
                    match part {
                        Some(part) if near => {
                            part.draw();
                            true
                        }
                        Some(part) if height > 0.0 => {
                            if part.drawn.get_untracked() {
                                part.height.set(height);
                                part.drawn.set(false);
                            }
                            true
                        }
                        _ => false,
                    }
                });
                (el.into(), callback)
            });
            watch_parts(el, callback);
        });
    };
    on_cleanup(move || {
        watcher.try_with_value(|w| {
            if let Some((el, _)) = w {
                unwatch_parts(el);
            }
        });
    });
    {
        let model = model.clone();
        spawn_local(async move {
            // Reading starts with the whole text's block structure (about 60 ms natively at
            // 100,000 items): not in the task that switched tabs.
            next_task().await;
            let mut blocks = Blocks::new(&model.text).split_lists(LIST_PART);
            let mut first = true;
            loop {
                // Read for about TASK_MS (only the first part, drawn at once, in the first task).
                let t0 = now();
                let mut new = Vec::new();
                let mut last = false;
                loop {
                    match Part::read(&mut blocks, owner.as_ref()) {
                        Some(part) => new.push(part),
                        None => {
                            last = true;
                            break;
                        }
                    }
                    if first || now() - t0 >= TASK_MS {
                        break;
                    }
                }
                if let (true, Some(part)) = (first, new.first()) {
                    part.draw();
                }
                let count = new.len();
                if count > 0 {
                    if parts.try_update_value(|p| p.extend(new)).is_none()
                        || shown.try_update(|n| *n += count).is_none()
                    {
                        return; // the view is gone
                    }
                    leptos::task::tick().await; // on the page
                    if shown.try_get_untracked().is_none() {
                        return;
                    }
                    watch();
                }
                if !first {
                    measure_first(article, parts, px_per_node);
                }
                first = false;
                goto_part(session, parts, false);
                if last {
                    break;
                }
                next_task().await;
                if shown.try_get_untracked().is_none() {
                    return; // the view is gone
                }
            }
            let _ = complete.try_set(true);
            goto_part(session, parts, true);
            perf_mark("rb-document-ready");
        });
    }
    // Bring a requested line into view: draw its part, then scroll to it.
    Effect::new(move |_| {
        if session.goto_line.get().is_some() {
            let done = complete.get_untracked();
            request_animation_frame(move || goto_part(session, parts, done));
        }
    });
    let m = model;
    view! {
        <p class="doc-window-note">
            "This document is long, so it is drawn as you scroll: the browser's find (Ctrl+F) and "
            "printing see only the parts near the screen. The Board's Find box finds every item."
        </p>
        <For each=move || 0..shown.get() key=|k| *k children=move |k| {
            let Some(part) = parts.with_value(|p| p.get(k).cloned()) else {
                return ().into_any();
            };
            let drawn = part.drawn;
            let (nodes, height, size) = (part.nodes, part.height, part.weight as f64);
            let m = m.clone();
            view! {
                <div class="doc-part windowed" data-part=k class:placeholder=move || !drawn.get()
                    style:height=move || (!drawn.get()).then(|| {
                        let known = height.get();
                        let px = if known > 0.0 { known } else { size * px_per_node.get() };
                        format!("{px:.0}px")
                    })>
                    {move || drawn.get().then(|| draw(&nodes, Some(&m)))}
                </div>
            }
            .into_any()
        }/>
    }
}

/// Estimate the height of parts never drawn from the first part's (once, when it is drawn).
fn measure_first(
    article: NodeRef<leptos::html::Article>,
    parts: StoredValue<Vec<Part>>,
    px_per_node: RwSignal<f64>,
) {
    if px_per_node.try_get_untracked() != Some(PX_PER_NODE) {
        return; // measured already, or the view is gone
    }
    let Some(size) = parts
        .try_with_value(|p| p.first().map(|p| p.weight))
        .flatten()
    else {
        return;
    };
    let el = article.get_untracked().and_then(|a| {
        a.query_selector(".doc-part[data-part=\"0\"]")
            .ok()
            .flatten()
    });
    let height = el.map_or(0.0, |el| el.get_bounding_client_rect().height());
    if height > 0.0 && size > 0 {
        let _ = px_per_node.try_set(height / size as f64);
    }
}

/// Bring the requested line into view once its part is read (or the whole document is:
/// `complete`): draw the part, then scroll to the line.
fn goto_part(session: Session, parts: StoredValue<Vec<Part>>, complete: bool) {
    let Some(line) = session.goto_line.get_untracked() else {
        return;
    };
    let part = parts
        .try_with_value(|p| {
            part_of_line(p.iter().map(|p| p.first_line), line, complete)
                .and_then(|k| p.get(k).cloned())
        })
        .flatten();
    match part {
        Some(part) => {
            session.goto_line.set(None);
            part.draw();
            spawn_local(async move {
                leptos::task::tick().await; // drawn
                scroll_to_line(line, true);
            });
        }
        None if complete => session.goto_line.set(None), // an empty document
        None => {}                                       // not read that far yet
    }
}
