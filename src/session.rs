//! The session every view shares (the view in the address, documents kept in memory, messages)
//! and opening documents: from a file, a drop or a paste, from storage on a later visit, or
//! by address; the links that name them.

use crate::doc::DocModel;
use crate::dom::perf_mark;
use crate::storage::{
    doc_text_key, load_progress, remember_recent, store, LoadedProgress, StorageError,
};
use leptos::prelude::*;
use leptos::task::spawn_local;
use roadboard_core::docid::DocId;
use roadboard_core::load::{decode_document, LoadError, MAX_DOCUMENT_BYTES};
use roadboard_core::model::Roadmap;
use roadboard_core::notice::Notice;
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
    /// Texts of opened files/pastes that could not be stored (storage full or blocked), with why.
    pub memory_docs: StoredValue<HashMap<DocId, (String, StorageError)>>,
    /// A problem opening something, shown on the page.
    pub load_error: RwSignal<Option<Notice>>,
    /// A file is being dragged over the page.
    pub dragging: RwSignal<bool>,
    /// A document line to bring into view in the Document tab.
    pub goto_line: RwSignal<Option<usize>>,
    /// The document just opened from a file or a paste, already read: its page shows it without
    /// reading the text again.
    pub just_opened: StoredValue<Option<(DocId, Roadmap)>>,
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
            just_opened: StoredValue::new(None),
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

    /// Show a document given by its text (from a file or a paste), read once: keep the text in
    /// this browser and list it as recent; when storage refuses it, keep it in this tab only
    /// (the document's page says so, with a download) and do not list it.
    pub fn open_text(self, id: DocId, text: String) {
        let map = roadboard_core::parse_named(&text, Some(&id.fallback_title()));
        perf_mark("rb-parsed");
        match store().and_then(|kv| kv.set(&doc_text_key(&id), &text).map(|()| kv)) {
            Ok(kv) => {
                self.memory_docs.update_value(|m| {
                    m.remove(&id);
                });
                let _ = remember_recent(kv.as_ref(), RecentDoc::opened(&id, &map));
            }
            Err(e) => self.memory_docs.update_value(|m| {
                m.insert(id.clone(), (text, e));
            }),
        }
        self.load_error.set(None);
        self.just_opened.set_value(Some((id.clone(), map)));
        let next = ViewState::opening(&id);
        if let Some(h) = web_sys::window().and_then(|w| w.history().ok()) {
            let _ = h.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url_for(&next)));
        }
        self.view.set(next);
    }

    /// Show pasted text (refused, with the words a file gets, over the same size limit).
    pub fn open_paste(self, text: String) {
        if text.trim().is_empty() {
            self.refuse("Paste some Markdown first, then press Show.");
        } else if text.len() > MAX_DOCUMENT_BYTES {
            let e = LoadError::TooLarge { bytes: text.len() };
            self.refuse(e.describe("The pasted text"));
        } else {
            self.open_text(DocId::paste_for_text(&text), text);
        }
    }

    /// Read a picked or dropped file and show it; refusals become a message.
    pub fn open_file(self, file: web_sys::File) {
        let name = file.name();
        let subject = format!("“{name}”");
        let size = file.size() as usize;
        if size > MAX_DOCUMENT_BYTES {
            self.refuse(LoadError::TooLarge { bytes: size }.describe(&subject));
            return;
        }
        spawn_local(async move {
            let bytes = match JsFuture::from(file.array_buffer()).await {
                Ok(buf) => js_sys::Uint8Array::new(&buf).to_vec(),
                Err(_) => {
                    self.refuse(format!("{subject} could not be read."));
                    return;
                }
            };
            match decode_document(&bytes) {
                Ok(text) => self.open_text(DocId::File(name.clone()), text),
                Err(e) => self.refuse(e.describe(&subject)),
            }
        });
    }

    /// The text of a document opened from a file or a paste on an earlier visit, or earlier in
    /// this tab when storage could not keep it (then with why it was not kept).
    pub fn stored_doc_text(self, id: &DocId) -> Option<(String, Option<StorageError>)> {
        if let Some((t, e)) = self.memory_docs.with_value(|m| m.get(id).cloned()) {
            return Some((t, Some(e)));
        }
        let text = store().ok()?.get(&doc_text_key(id)).ok().flatten()?;
        Some((text, None))
    }

    /// The model of a document kept in this browser (`?doc=`), or why it cannot be shown.
    pub fn open_kept(self, id: DocId) -> Result<Arc<DocModel>, String> {
        let Some((text, not_kept)) = self.stored_doc_text(&id) else {
            return Err(missing_message(&id));
        };
        let map = self
            .just_opened
            .try_update_value(|j| j.take_if(|(d, _)| *d == id).map(|(_, m)| m))
            .flatten();
        Ok(open_model(id, &text, map, not_kept))
    }
}

/// Why a `?doc=` document cannot be shown: it is no longer kept in this browser.
fn missing_message(id: &DocId) -> String {
    match id {
        DocId::Paste(_) => "This pasted roadmap is no longer kept in this browser (it could not be stored, or it was forgotten). Paste the same text again on the home page: your ticks come back with it.".into(),
        DocId::File(name) => format!("“{name}” was opened from your computer on an earlier visit and is no longer kept in this browser. Open the file again: your ticks are still saved."),
        other => format!("“{other}” is not kept in this browser."),
    }
}

/// The model of document `id` read from `text` (read now unless `map` is given): listed as
/// recently opened (unless its text could not be kept: `not_kept`), with the reader's saved
/// ticks. A document without a heading is titled by [`DocId::fallback_title`] on every visit.
pub fn open_model(
    id: DocId,
    text: &str,
    map: Option<Roadmap>,
    not_kept: Option<StorageError>,
) -> Arc<DocModel> {
    perf_mark("rb-doc-loaded");
    let map = map.unwrap_or_else(|| {
        let map = roadboard_core::parse_named(text, Some(&id.fallback_title()));
        perf_mark("rb-parsed");
        map
    });
    let loaded = match store() {
        Ok(kv) => {
            if not_kept.is_none() {
                let _ = remember_recent(kv.as_ref(), RecentDoc::opened(&id, &map));
            }
            load_progress(kv.as_ref(), &id)
        }
        Err(e) => LoadedProgress {
            state: ProgressState::new(),
            mode: SaveMode::MemoryOnly,
            notice: Some(e.into()),
        },
    };
    let model = DocModel::new(id, text.to_string(), map, loaded);
    model.text_not_kept.set(not_kept);
    model
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
