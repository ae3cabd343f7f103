//! The Board and the Document views, drawn once and kept while another tab shows. At 100,000
//! items, taking the board down when the Document tab opened blocked the page for about a
//! second on its own (and the document's own teardown as long on the way back): kept, each is
//! drawn into an element of its own the first time its tab opens and moved off the page (not
//! dropped) when another tab shows, until the roadmap is closed. The Timeline is drawn on each
//! visit, as before.

use crate::components::board::BoardView;
use crate::components::changes::ChangeMarks;
use crate::components::docview::DocumentView;
use crate::doc::{DocModel, Highlight};
use crate::session::Session;
use leptos::prelude::*;
use roadboard_core::viewstate::View;
use std::any::Any;
use std::sync::Arc;
use wasm_bindgen::JsCast;

/// A kept view: the element it is drawn in, and what keeps it alive (dropped with the panel).
type Kept = (View, web_sys::Element, Box<dyn Any>);

/// Where the kept views show: the view of tab `current` when it is the Board or the Document.
#[component]
pub fn KeptViews(
    /// The opened document.
    model: Arc<DocModel>,
    /// The tab showing.
    current: Memo<View>,
) -> impl IntoView {
    let session = expect_context::<Session>();
    let highlight = use_context::<Highlight>();
    let changes = use_context::<ChangeMarks>();
    let kept = StoredValue::new_local(Vec::<Kept>::new());
    let host = NodeRef::<leptos::html::Div>::new();
    // Kept views belong to this component, not to the effect below (whose every run would
    // dispose what the previous one drew).
    let owner = Owner::current();
    Effect::new(move |_| {
        let view = current.get();
        let Some(container) = host.get() else {
            return;
        };
        container.replace_children_with_node_0();
        if !matches!(view, View::Board | View::Document) {
            return;
        }
        let (m, hl) = (model.clone(), highlight.clone());
        // (the element, whether it was kept from an earlier visit)
        let el = kept.try_update_value(|list| {
            if let Some((_, el, _)) = list.iter().find(|(v, _, _)| *v == view) {
                return Some((el.clone(), true));
            }
            let draw_it = || untrack(|| draw(view, m, session, hl, changes));
            let (el, keep) = match &owner {
                Some(o) => o.with(draw_it),
                None => draw_it(),
            }?;
            list.push((view, el.clone(), keep));
            Some((el, false))
        });
        if let Some((el, kept_before)) = el.flatten() {
            let _ = container.append_child(&el);
            // Highlights are set on the page's elements: a kept view was off the page while
            // they changed (a view drawn now was drawn with the highlight of now).
            if let (true, Some(h)) = (kept_before, &highlight) {
                h.reapply(&model);
            }
        }
    });
    view! { <div class="kept-views" node_ref=host></div> }
}

/// Draw `view` into an element of its own, with the contexts the views read (a new root:
/// every context the Board and Document views read must be provided again here).
fn draw(
    view: View,
    model: Arc<DocModel>,
    session: Session,
    highlight: Option<Highlight>,
    changes: Option<ChangeMarks>,
) -> Option<(web_sys::Element, Box<dyn Any>)> {
    let el: web_sys::HtmlElement = web_sys::window()?
        .document()?
        .create_element("div")
        .ok()?
        .dyn_into()
        .ok()?;
    let handle = leptos::mount::mount_to(el.clone(), move || {
        provide_context(session);
        if let Some(h) = highlight {
            provide_context(h);
        }
        if let Some(c) = changes {
            provide_context(c);
        }
        match view {
            View::Document => view! { <DocumentView model=model/> }.into_any(),
            _ => view! { <BoardView model=model/> }.into_any(),
        }
    });
    Some((el.into(), Box::new(handle)))
}
