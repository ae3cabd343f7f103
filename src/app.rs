//! The application shell: the view state in the address, opening documents (URL, file,
//! drop, paste), and which page shows.

use crate::components::{docpage::DocumentPage, home::HomePage};
use crate::storage::{doc_text_key, remember_recent, store};
use leptos::prelude::*;
use leptos::task::spawn_local;
use roadboard_core::load::{decode_document, LoadError, MAX_DOCUMENT_BYTES};
use roadboard_core::recent::RecentDoc;
use roadboard_core::viewstate::ViewState;
use std::collections::HashMap;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

include!(concat!(env!("OUT_DIR"), "/bundled.rs"));

/// App-wide state, provided as context.
#[derive(Clone, Copy)]
pub struct Session {
    /// The view, mirrored in the address.
    pub view: RwSignal<ViewState>,
    /// Texts of opened files/pastes that could not be stored (storage full or blocked).
    pub memory_docs: StoredValue<HashMap<String, String>>,
    /// A problem opening something, shown on the page.
    pub load_error: RwSignal<Option<String>>,
    /// A file is being dragged over the page.
    pub dragging: RwSignal<bool>,
    /// A document line to bring into view in the Document tab.
    pub goto_line: RwSignal<Option<usize>>,
}

fn current_query() -> String {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default()
}

/// The link that opens a bundled roadmap.
pub fn bundled_href(file: &str) -> String {
    ViewState {
        src: Some(format!("roadmaps/{file}")),
        ..ViewState::default()
    }
    .to_query()
}

/// Show a document given by its text (from a file or a paste).
pub fn open_text(session: Session, id: String, title_hint: &str, origin: String, text: String) {
    let map = roadboard_core::parse_named(&text, Some(title_hint));
    let mut notice = None;
    match store() {
        Ok(kv) => {
            if let Err(e) = kv.set(&doc_text_key(&id), &text) {
                notice = Some(format!(
                    "{e} The document itself could not be kept either: after a reload, open it again."
                ));
                session.memory_docs.update_value(|m| {
                    m.insert(id.clone(), text.clone());
                });
            }
            let query = ViewState {
                doc: Some(id.clone()),
                ..ViewState::default()
            }
            .to_query();
            let _ = remember_recent(
                kv.as_ref(),
                RecentDoc {
                    query: query.trim_start_matches('?').to_string(),
                    title: map.title.clone(),
                    origin,
                },
            );
        }
        Err(e) => {
            notice = Some(e.to_string());
            session.memory_docs.update_value(|m| {
                m.insert(id.clone(), text.clone());
            });
        }
    }
    session.load_error.set(notice);
    let next = ViewState {
        doc: Some(id),
        ..ViewState::default()
    };
    if let Some(h) = web_sys::window().and_then(|w| w.history().ok()) {
        let _ = h.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url_for(&next)));
    }
    session.view.set(next);
}

fn url_for(st: &ViewState) -> String {
    let q = st.to_query();
    if q.is_empty() {
        // An empty query would keep the current one: name the page itself.
        web_sys::window()
            .and_then(|w| w.location().pathname().ok())
            .unwrap_or_else(|| "./".into())
    } else {
        q
    }
}

/// Read a picked or dropped file and show it; refusals become a message.
pub fn open_file(session: Session, file: web_sys::File) {
    let name = file.name();
    let size = file.size() as usize;
    if size > MAX_DOCUMENT_BYTES {
        session.load_error.set(Some(format!(
            "“{name}”: {}",
            LoadError::TooLarge { bytes: size }
        )));
        return;
    }
    spawn_local(async move {
        let bytes = match JsFuture::from(file.array_buffer()).await {
            Ok(buf) => js_sys::Uint8Array::new(&buf).to_vec(),
            Err(_) => {
                session
                    .load_error
                    .set(Some(format!("“{name}” could not be read.")));
                return;
            }
        };
        match decode_document(&bytes) {
            Ok(text) => {
                let stem = name
                    .rsplit_once('.')
                    .map_or(name.as_str(), |(s, _)| s)
                    .to_string();
                open_text(
                    session,
                    format!("file:{name}"),
                    &stem,
                    format!("file {name}"),
                    text,
                );
            }
            Err(e) => session.load_error.set(Some(format!("“{name}”: {e}"))),
        }
    });
}

/// The root component.
#[component]
pub fn App() -> impl IntoView {
    let session = Session {
        view: RwSignal::new(ViewState::from_query(&current_query())),
        memory_docs: StoredValue::new(HashMap::new()),
        load_error: RwSignal::new(None),
        dragging: RwSignal::new(false),
        goto_line: RwSignal::new(None),
    };
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
                    if let Some(h) = web_sys::window().and_then(|w| w.history().ok()) {
                        let _ = h.replace_state_with_url(
                            &wasm_bindgen::JsValue::NULL,
                            "",
                            Some(&url_for(&st)),
                        );
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
        let file = ev
            .data_transfer()
            .and_then(|dt| dt.files())
            .and_then(|f| f.get(0));
        match file {
            Some(f) => open_file(session, f),
            None => session.load_error.set(Some(
                "Only files can be dropped here: drop a Markdown (.md) file.".into(),
            )),
        }
    });

    // Only a change of document re-creates the page (not a change of view or filter).
    let source = Memo::new(move |_| session.view.with(|v| (v.src.clone(), v.doc.clone())));
    view! {
        <div class="drop-overlay" class:visible=move || session.dragging.get() aria-hidden="true">
            <div class="drop-target">"Drop a Markdown file to open it"</div>
        </div>
        {move || match source.get() {
            (None, None) => view! { <HomePage/> }.into_any(),
            (src, doc) => view! { <DocumentPage src=src doc=doc/> }.into_any(),
        }}
    }
}

/// Read the text of a document opened from a file or a paste on an earlier visit.
pub fn stored_doc_text(session: Session, id: &str) -> Option<String> {
    if let Some(t) = session.memory_docs.with_value(|m| m.get(id).cloned()) {
        return Some(t);
    }
    store().ok()?.get(&doc_text_key(id)).ok().flatten()
}

/// The element an event came from, as `T`.
pub fn event_element<T: JsCast>(ev: &web_sys::Event) -> Option<T> {
    ev.target().and_then(|t| t.dyn_into::<T>().ok())
}

/// Lets the browser paint and handle input before the rest of an async job: resolves in a new
/// task, so one long job becomes two shorter ones.
pub async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback(&resolve);
        }
    });
    let _ = JsFuture::from(promise).await;
}

/// Record a performance mark (read by `make bench`); a browser without the API is ignored.
pub fn perf_mark(name: &str) {
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        let _ = p.mark(name);
    }
}

/// Show the Document tab scrolled to `line`.
pub fn show_line(session: Session, line: usize) {
    session.goto_line.set(Some(line));
    session
        .view
        .update(|v| v.view = roadboard_core::viewstate::View::Document);
}

/// Offer `content` as a file download named `name`.
pub fn download(name: &str, mime: &str, content: &str) -> Result<(), String> {
    let fail = |_| format!("Your browser refused to save “{name}”.");
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(content));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts).map_err(fail)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(fail)?;
    let result = download_href(&url, name);
    let _ = web_sys::Url::revoke_object_url(&url);
    result
}

/// Start a download of `href` (an object or data URL) named `name`.
pub fn download_href(href: &str, name: &str) -> Result<(), String> {
    let doc = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("No document.")?;
    let a: web_sys::HtmlAnchorElement = doc
        .create_element("a")
        .ok()
        .and_then(|e| e.dyn_into().ok())
        .ok_or("No link element.")?;
    a.set_href(href);
    a.set_download(name);
    let body = doc.body().ok_or("No page body.")?;
    let _ = body.append_child(&a);
    a.click();
    let _ = body.remove_child(&a);
    Ok(())
}

/// Every element under `root` (the whole document when `None`) matching `selector`.
pub fn query_all(root: Option<&web_sys::Element>, selector: &str) -> Vec<web_sys::Element> {
    let list = match root {
        Some(r) => r.query_selector_all(selector).ok(),
        None => web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.query_selector_all(selector).ok()),
    };
    let Some(list) = list else { return Vec::new() };
    (0..list.length())
        .filter_map(|k| {
            list.item(k)
                .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
        })
        .collect()
}

/// A file name from a title: letters, digits and dashes.
pub fn file_stem(title: &str) -> String {
    let s: String = title
        .chars()
        .map(|c| {
            if c.is_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    let s = s
        .split('-')
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    if s.is_empty() {
        "roadmap".into()
    } else {
        s.chars().take(60).collect()
    }
}
