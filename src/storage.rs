//! Versioned localStorage access for reading progress. Errors are surfaced in words, never panics.

use crate::progress::{ProgressState, STATE_VERSION};
use crate::recent::{self, RecentDoc};
use std::fmt;

/// Prefix of every key roadboard writes.
pub const KEY_PREFIX: &str = "roadboard";

/// Why storage could not be used.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum StorageError {
    /// The browser blocks or lacks localStorage.
    Unavailable,
    /// The browser's storage for this site is full.
    QuotaExceeded,
    /// Anything else the browser reported.
    Other(String),
}

impl fmt::Display for StorageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StorageError::Unavailable => f.write_str(
                "Your browser blocked storage; progress is kept only in this tab until you close it.",
            ),
            StorageError::QuotaExceeded => f.write_str(
                "Your browser's storage for this site is full; new ticks are kept only in this tab. Export your progress to keep it.",
            ),
            StorageError::Other(m) => write!(f, "Saving progress failed ({m}); ticks are kept only in this tab."),
        }
    }
}

/// A string key-value store: localStorage in the browser, a map in tests.
pub trait KeyValue {
    /// Read a value.
    fn get(&self, key: &str) -> Result<Option<String>, StorageError>;
    /// Write a value.
    fn set(&self, key: &str, value: &str) -> Result<(), StorageError>;
    /// Delete a value.
    fn remove(&self, key: &str) -> Result<(), StorageError>;
}

/// The browser's localStorage.
pub struct LocalStorage(web_sys::Storage);

impl LocalStorage {
    /// Open localStorage, if the browser allows it.
    pub fn open() -> Result<Self, StorageError> {
        let window = web_sys::window().ok_or(StorageError::Unavailable)?;
        match window.local_storage() {
            Ok(Some(s)) => Ok(LocalStorage(s)),
            _ => Err(StorageError::Unavailable),
        }
    }
}

fn js_error(e: wasm_bindgen::JsValue) -> StorageError {
    let text = js_sys::Reflect::get(&e, &"name".into())
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_default();
    if text.contains("Quota") {
        StorageError::QuotaExceeded
    } else if text.contains("Security") {
        StorageError::Unavailable
    } else {
        StorageError::Other(if text.is_empty() {
            format!("{e:?}")
        } else {
            text
        })
    }
}

impl KeyValue for LocalStorage {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        self.0.get_item(key).map_err(js_error)
    }
    fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
        self.0.set_item(key, value).map_err(js_error)
    }
    fn remove(&self, key: &str) -> Result<(), StorageError> {
        self.0.remove_item(key).map_err(js_error)
    }
}

/// The storage key of a document's progress.
pub fn progress_key(doc: &str) -> String {
    format!("{KEY_PREFIX}:progress:{doc}")
}

/// Read a document's progress. A missing value is an empty state; an unreadable one is copied
/// aside under a backup key and reported, and the app starts clean.
pub fn read_progress(kv: &dyn KeyValue, doc: &str) -> (ProgressState, Option<String>) {
    let key = progress_key(doc);
    match kv.get(&key) {
        Ok(None) => (ProgressState::new(), None),
        Ok(Some(raw)) => match serde_json::from_str::<ProgressState>(&raw) {
            Ok(state) if state.version <= STATE_VERSION => (state, None),
            Ok(state) => (
                ProgressState::new(),
                Some(format!(
                    "Your saved progress was written by a newer roadboard (format {}). It was left untouched.",
                    state.version
                )),
            ),
            Err(_) => {
                let backup = format!("{KEY_PREFIX}:backup:{doc}");
                let saved = kv.set(&backup, &raw).is_ok();
                let msg = if saved {
                    "Saved progress for this roadmap could not be read; it was kept aside as a backup and the board starts clean."
                } else {
                    "Saved progress for this roadmap could not be read; the board starts clean."
                };
                (ProgressState::new(), Some(msg.to_string()))
            }
        },
        Err(e) => (ProgressState::new(), Some(e.to_string())),
    }
}

/// Write a document's progress.
pub fn write_progress(
    kv: &dyn KeyValue,
    doc: &str,
    state: &ProgressState,
) -> Result<(), StorageError> {
    let json = serde_json::to_string(state).map_err(|e| StorageError::Other(e.to_string()))?;
    kv.set(&progress_key(doc), &json)
}

/// The key under which the text of a document opened from a file or a paste is kept.
pub fn doc_text_key(doc: &str) -> String {
    format!("{KEY_PREFIX}:doc:{doc}")
}

const RECENT_KEY: &str = "roadboard:recent";

/// The recently opened documents (an unreadable list is an empty one).
pub fn read_recent(kv: &dyn KeyValue) -> Vec<RecentDoc> {
    recent::from_json(kv.get(RECENT_KEY).ok().flatten().as_deref())
}

/// Put a document first in the recent list.
pub fn remember_recent(kv: &dyn KeyValue, doc: RecentDoc) -> Result<(), StorageError> {
    let mut list = read_recent(kv);
    recent::remember(&mut list, doc);
    let json = serde_json::to_string(&list).map_err(|e| StorageError::Other(e.to_string()))?;
    kv.set(RECENT_KEY, &json)
}

/// Forget a recent document: its entry and, for files and pastes, its stored text.
/// Its progress is kept, so opening the same document again brings the ticks back.
pub fn forget_recent(kv: &dyn KeyValue, query: &str) -> Result<(), StorageError> {
    let mut list = read_recent(kv);
    list.retain(|d| d.query != query);
    if let Some(doc) = query.strip_prefix("doc=") {
        kv.remove(&doc_text_key(&crate::viewstate::decode(doc)))?;
    }
    let json = serde_json::to_string(&list).map_err(|e| StorageError::Other(e.to_string()))?;
    kv.set(RECENT_KEY, &json)
}
