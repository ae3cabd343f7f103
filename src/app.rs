//! The root component: keeps the address and the view in step, takes dropped files anywhere
//! on the page, and shows the home page or the opened document.

use crate::components::follow::open_dropped;
use crate::components::{docpage::DocumentPage, home::HomePage};
use crate::session::{current_query, url_for, Session};
use leptos::prelude::*;
use roadboard_core::viewstate::ViewState;

/// The root component.
#[component]
pub fn App() -> impl IntoView {
    let session = Session::new(ViewState::from_query(&current_query()));
    provide_context(session);

    // Keep the address in step with the view (replace, so ticking filters doesn't flood
    // history). Written shortly after, off the interaction's critical path: a burst of changes
    // (typing a search) is one history update.
    let url_pending = StoredValue::new(false);
    Effect::new(move |_| {
        session.view.track();
        if url_pending.get_value() {
            return;
        }
        url_pending.set_value(true);
        set_timeout(
            move || {
                url_pending.set_value(false);
                let st = session.view.get_untracked();
                if current_query() != st.to_query() {
                    if let Some(w) = web_sys::window() {
                        // the fragment (a progress link not yet answered) stays
                        let hash = w.location().hash().unwrap_or_default();
                        if let Ok(h) = w.history() {
                            let url = format!("{}{hash}", url_for(&st));
                            let _ = h.replace_state_with_url(
                                &wasm_bindgen::JsValue::NULL,
                                "",
                                Some(&url),
                            );
                        }
                    }
                }
            },
            std::time::Duration::from_millis(60),
        );
    });
    // Back/forward: read the address again.
    let _ = window_event_listener(leptos::ev::popstate, move |_| {
        session.view.set(ViewState::from_query(&current_query()));
    });

    // Drag and drop anywhere on the page.
    let _ = window_event_listener(leptos::ev::dragover, move |ev: web_sys::DragEvent| {
        ev.prevent_default();
        session.dragging.set(true);
    });
    let _ = window_event_listener(leptos::ev::dragleave, move |ev: web_sys::DragEvent| {
        // Leaving the window (no element under the pointer) ends the drag.
        if ev.related_target().is_none() {
            session.dragging.set(false);
        }
    });
    let _ = window_event_listener(leptos::ev::drop, move |ev: web_sys::DragEvent| {
        ev.prevent_default();
        session.dragging.set(false);
        let dt = ev.data_transfer();
        let file = dt.as_ref().and_then(|dt| dt.files()).and_then(|f| f.get(0));
        match file {
            Some(f) => open_dropped(session, dt.as_ref(), f),
            None => session.refuse("Only files can be dropped here: drop a Markdown (.md) file."),
        }
    });

    // Only a change of document re-creates the page (not a change of view or filter).
    // A followed file that changed on disk is drawn again (`revision`), the view kept.
    let source = Memo::new(move |_| {
        let rev = crate::follow::revision();
        session.view.with(|v| (v.src.clone(), v.doc.clone(), rev))
    });
    view! {
        <div class="drop-overlay" class:visible=move || session.dragging.get() aria-hidden="true">
            <div class="drop-target">"Drop a Markdown file to open it"</div>
        </div>
        {move || match source.get() {
            (None, None, _) => view! { <HomePage/> }.into_any(),
            (src, doc, _) => view! { <DocumentPage src=src doc=doc/> }.into_any(),
        }}
    }
}
