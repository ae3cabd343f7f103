//! The Document view: the whole document rendered safely, with the same live checkboxes.

use crate::components::detail::focus_panel;
use crate::components::rich::draw;
use crate::doc::{DocModel, Highlight};
use crate::dom::{event_element, query_all};
use crate::session::Session;
use leptos::prelude::*;
use std::sync::Arc;

/// The whole document, sanitised, with live checkboxes.
#[component]
pub fn DocumentView(
    /// The opened document.
    model: Arc<DocModel>,
) -> impl IntoView {
    let nodes = roadboard_core::render::document(&model.text);
    let session = expect_context::<Session>();
    let hl = use_context::<Highlight>();
    // Bring a requested line into view once the document is drawn.
    Effect::new(move |_| {
        if let Some(line) = session.goto_line.get() {
            request_animation_frame(move || scroll_to_line(line));
            session.goto_line.set(None);
        }
    });
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
        <article class="document" aria-label="Document"
            on:click=move |ev: leptos::ev::MouseEvent| { open_at(event_element(&ev), false); }
            on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                if ev.key() == "Enter" && open_key(event_element(&ev), true) {
                    ev.prevent_default();
                    focus_panel();
                }
            }
            class:has-selection=move || hl.as_ref().is_some_and(|h| h.focus.with(Option::is_some))>
            {draw(&nodes, Some(&model))}
        </article>
    }
}

/// Scroll the innermost block that starts at or before `line` into view and flash it.
fn scroll_to_line(line: usize) {
    let mut best: Option<(usize, web_sys::Element)> = None;
    for el in query_all(None, "article.document [data-line]") {
        let l = el
            .get_attribute("data-line")
            .and_then(|v| v.parse::<usize>().ok())
            .unwrap_or(0);
        if l <= line && best.as_ref().is_none_or(|(b, _)| l >= *b) {
            best = Some((l, el));
        }
    }
    if let Some((_, el)) = best {
        let opts = web_sys::ScrollIntoViewOptions::new();
        opts.set_block(web_sys::ScrollLogicalPosition::Center);
        el.scroll_into_view_with_scroll_into_view_options(&opts);
        let _ = el.class_list().add_1("flash");
    }
}
