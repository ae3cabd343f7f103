//! The session every view shares (the view in the address, documents kept in memory, messages)
//! and opening documents: from a file, a drop or a paste, from storage on a later visit, or
//! by address; the links that name them.

use crate::doc::DocModel;
use crate::dom::perf_mark;
use crate::storage::{doc_text_key, load_progress, remember_recent, store, LoadedProgress};
use leptos::prelude::*;
use leptos::task::spawn_local;
use roadboard_core::docid::DocId;
use roadboard_core::load::{decode_document, LoadError, MAX_DOCUMENT_BYTES};
use roadboard_core::notice::{Notice, NoticeKind};
use roadboard_core::progress::ProgressState;
use roadboard_core::recent::RecentDoc;
use roadboard_core::store::SaveMode;
use roadboard_core::viewstate::{View, ViewState};
use std::collections::HashMap;
use std::sync::Arc;
use wasm_bindgen_futures::JsFuture;

include!(concat!(env!("OUT_DIR"), "/bundled.rs"));

/// App-wide state, provided as context.
#[derive(Clone, Copy)]
pub struct Session {
    /// The view, mirrored in the address.
    pub view: RwSignal<ViewState>,
    /// Texts of opened files/pastes that could not be stored (storage full or blocked).
    pub memory_docs: StoredValue<HashMap<DocId, String>>,
    /// A problem opening something, shown on the page.
    pub load_error: RwSignal<Option<Notice>>,
    /// A file is being dragged over the page.
    pub dragging: RwSignal<bool>,
    /// A document line to bring into view in the Document tab.
    pub goto_line: RwSignal<Option<usize>>,
}

impl Session {
    /// A fresh session showing `view`.
    pub fn new(view: ViewState) -> Self {
        Session {
            view: RwSignal::new(view),
            memory_docs: StoredValue::new(HashMap::new()),
            load_error: RwSignal::new(None),
            dragging: RwSignal::new(false),
            goto_line: RwSignal::new(None),
        }
    }

    /// Say that something could not be opened (shown on the home page).
    pub fn refuse(self, message: impl Into<String>) {
        self.load_error.set(Some(Notice::outcome(message)));
    }

    /// Show the Document tab scrolled to `line`.
    pub fn show_line(self, line: usize) {
        self.goto_line.set(Some(line));
        self.view.update(|v| v.view = View::Document);
    }

    /// Show a document given by its text (from a file or a paste): keep the text in this
    /// browser (in memory when storage refuses it, with a notice), list it as recent and show it.
    pub fn open_text(self, id: DocId, title_hint: &str, text: String) {
        let map = roadboard_core::parse_named(&text, Some(title_hint));
        let mut notice = None;
        match store() {
            Ok(kv) => {
                if let Err(e) = kv.set(&doc_text_key(&id), &text) {
                    notice = Some(Notice::new(
                        NoticeKind::DocumentNotKept,
                        format!(
                            "{e} The document itself could not be kept either: after a reload, open it again."
                        ),
                    ));
                    self.keep_in_memory(&id, &text);
                }
                let _ = remember_recent(kv.as_ref(), RecentDoc::new(&id, map.title.clone()));
            }
            Err(e) => {
                notice = Some(Notice::new(NoticeKind::DocumentNotKept, e.to_string()));
                self.keep_in_memory(&id, &text);
            }
        }
        self.load_error.set(notice);
        let next = ViewState::opening(&id);
        if let Some(h) = web_sys::window().and_then(|w| w.history().ok()) {
            let _ = h.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url_for(&next)));
        }
        self.view.set(next);
    }

    fn keep_in_memory(self, id: &DocId, text: &str) {
        self.memory_docs.update_value(|m| {
            m.insert(id.clone(), text.to_string());
        });
    }

    /// Read a picked or dropped file and show it; refusals become a message.
    pub fn open_file(self, file: web_sys::File) {
        let name = file.name();
        let size = file.size() as usize;
        if size > MAX_DOCUMENT_BYTES {
            self.refuse(format!("“{name}”: {}", LoadError::TooLarge { bytes: size }));
            return;
        }
        spawn_local(async move {
            let bytes = match JsFuture::from(file.array_buffer()).await {
                Ok(buf) => js_sys::Uint8Array::new(&buf).to_vec(),
                Err(_) => {
                    self.refuse(format!("“{name}” could not be read."));
                    return;
                }
            };
            match decode_document(&bytes) {
                Ok(text) => {
                    let stem = name.rsplit_once('.').map_or(name.as_str(), |(s, _)| s);
                    self.open_text(DocId::File(name.clone()), stem, text);
                }
                Err(e) => self.refuse(format!("“{name}”: {e}")),
            }
        });
    }

    /// The text of a document opened from a file or a paste on an earlier visit (or earlier in
    /// this tab, when storage could not keep it).
    pub fn stored_doc_text(self, id: &DocId) -> Option<String> {
        if let Some(t) = self.memory_docs.with_value(|m| m.get(id).cloned()) {
            return Some(t);
        }
        store().ok()?.get(&doc_text_key(id)).ok().flatten()
    }
}

/// The model of document `id` read from `text`: parsed (with `name` as the title when the
/// document has none), listed as recently opened, with the reader's saved ticks.
pub fn open_model(id: DocId, text: &str, name: Option<&str>) -> Arc<DocModel> {
    perf_mark("rb-doc-loaded");
    let map = roadboard_core::parse_named(text, name);
    perf_mark("rb-parsed");
    let loaded = match store() {
        Ok(kv) => {
            let _ = remember_recent(kv.as_ref(), RecentDoc::new(&id, map.title.clone()));
            load_progress(kv.as_ref(), &id)
        }
        Err(e) => LoadedProgress {
            state: ProgressState::new(),
            mode: SaveMode::MemoryOnly,
            notice: Some(e.into()),
        },
    };
    DocModel::new(id, text.to_string(), map, loaded)
}

/// The query string of the page now (`?…`, or empty).
pub fn current_query() -> String {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default()
}

/// The address for a view: its query, or the page itself when the query is empty (an empty
/// query would keep the current one).
pub fn url_for(st: &ViewState) -> String {
    let q = st.to_query();
    if q.is_empty() {
        web_sys::window()
            .and_then(|w| w.location().pathname().ok())
            .unwrap_or_else(|| "./".into())
    } else {
        q
    }
}

/// The storage id of a bundled roadmap (a file of `public/roadmaps/`).
pub fn bundled_id(file: &str) -> DocId {
    DocId::Bundled(format!("roadmaps/{file}"))
}

/// The link that opens a bundled roadmap.
pub fn bundled_href(file: &str) -> String {
    ViewState::opening(&bundled_id(file)).to_query()
}
