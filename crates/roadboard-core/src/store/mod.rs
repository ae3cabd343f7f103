//! Progress storage logic over any string key-value store: versioned keys, validated reads,
//! merged writes that never lose another tab's ticks, backups (module [`crate::backup`]) of
//! values that cannot be kept as they are, read-only handling of values from a newer version. Pure: the browser's localStorage is one
//! [`KeyValue`]; [`MemoryStore`] is another, with injectable faults for tests.
//!
//! Every value roadboard keeps goes through here: progress, backups, the text of opened files
//! and pastes, the recent list and the timeline's start date. Keys name a document by its
//! [`DocId`] text, never by its content.

use crate::backup::{keep_backup, BackupReason};
use crate::docid::DocId;
use crate::notice::{Notice, NoticeKind};
use crate::progress::{read_progress, ProgressState, ReadProgress, StateError};
use crate::recent::{self, RecentDoc};
use std::cell::RefCell;
use std::collections::BTreeMap;
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
    /// The saved value was written by a newer roadboard; it is left untouched.
    ReadOnly(u32),
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
                "Your browser's storage for this site is full; new ticks are kept only in this tab.",
            ),
            StorageError::ReadOnly(v) => write!(
                f,
                "Your saved progress was written by a newer version of roadboard (format {v}). It is shown but not changed; new ticks are kept only in this tab."
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
    /// The time now (ISO 8601, UTC), to date backups; `None` where the store has no clock.
    fn now(&self) -> Option<String> {
        None
    }
}

/// An in-memory store with optional faults, for tests and for "storage blocked" mode.
#[derive(Debug, Default)]
pub struct MemoryStore {
    map: RefCell<BTreeMap<String, String>>,
    /// Refuse writes once the stored characters would exceed this.
    pub quota: Option<usize>,
    /// Fail every call as a blocked browser storage would.
    pub disabled: bool,
    /// What [`KeyValue::now`] answers.
    pub clock: Option<String>,
}

impl MemoryStore {
    /// An empty, working store.
    pub fn new() -> Self {
        MemoryStore::default()
    }

    /// A store that fails every call, as a browser with storage blocked does.
    pub fn blocked() -> Self {
        MemoryStore {
            disabled: true,
            ..MemoryStore::default()
        }
    }

    /// A store that refuses writes beyond `chars` characters in all.
    pub fn with_quota(chars: usize) -> Self {
        MemoryStore {
            quota: Some(chars),
            ..MemoryStore::default()
        }
    }

    fn used(&self) -> usize {
        self.map
            .borrow()
            .iter()
            .map(|(k, v)| k.len() + v.len())
            .sum()
    }
}

impl KeyValue for MemoryStore {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        if self.disabled {
            return Err(StorageError::Unavailable);
        }
        Ok(self.map.borrow().get(key).cloned())
    }
    fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
        if self.disabled {
            return Err(StorageError::Unavailable);
        }
        let old = self
            .map
            .borrow()
            .get(key)
            .map_or(0, |v| key.len() + v.len());
        if let Some(q) = self.quota {
            if self.used() - old + key.len() + value.len() > q {
                return Err(StorageError::QuotaExceeded);
            }
        }
        self.map
            .borrow_mut()
            .insert(key.to_string(), value.to_string());
        Ok(())
    }
    fn remove(&self, key: &str) -> Result<(), StorageError> {
        if self.disabled {
            return Err(StorageError::Unavailable);
        }
        self.map.borrow_mut().remove(key);
        Ok(())
    }
    fn now(&self) -> Option<String> {
        self.clock.clone()
    }
}

/// The storage key of a document's progress.
pub fn progress_key(doc: impl Into<DocId>) -> String {
    format!("{KEY_PREFIX}:progress:{}", doc.into())
}

/// Where the progress values that could not be kept as they were are kept aside (a list, see
/// [`crate::backup`]).
pub fn backup_key(doc: impl Into<DocId>) -> String {
    format!("{KEY_PREFIX}:backup:{}", doc.into())
}

/// The key under which the text of a document opened from a file or a paste is kept.
pub fn doc_text_key(doc: impl Into<DocId>) -> String {
    format!("{KEY_PREFIX}:doc:{}", doc.into())
}

/// The key of the start date a reader chose for a document's timeline.
pub fn start_key(doc: impl Into<DocId>) -> String {
    format!("{KEY_PREFIX}:start:{}", doc.into())
}

/// The stored timeline start date of a document, as stored (the caller checks it is a date);
/// `None` when there is none or storage cannot be read.
pub fn load_start_date(kv: &dyn KeyValue, doc: impl Into<DocId>) -> Option<String> {
    kv.get(&start_key(doc)).ok().flatten()
}

/// Store the timeline start date of a document, or forget it (`None`).
pub fn save_start_date(
    kv: &dyn KeyValue,
    doc: impl Into<DocId>,
    date: Option<&str>,
) -> Result<(), StorageError> {
    let key = start_key(doc);
    match date {
        Some(d) => kv.set(&key, d),
        None => kv.remove(&key),
    }
}

/// How progress can be saved for the opened document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SaveMode {
    /// Ticks are saved.
    Saved,
    /// A newer version's value is stored: shown, never overwritten; ticks stay in the tab.
    ReadOnly,
    /// Storage is blocked: ticks stay in the tab.
    MemoryOnly,
    /// The stored value could not be read and there was no room to keep it aside: it is left as
    /// it was, new ticks stay in the tab until the reader downloads it ([`stored_progress`]) and
    /// clears it ([`clear_progress`]).
    Locked,
}

/// A document's progress as read at load time.
#[derive(Debug, Clone, PartialEq)]
pub struct LoadedProgress {
    /// The reader's ticks.
    pub state: ProgressState,
    /// Whether new ticks can be saved.
    pub mode: SaveMode,
    /// Something the reader should be told.
    pub notice: Option<Notice>,
}

/// Read a document's progress, whatever is stored. Never fails: a value that cannot be kept as
/// it is (unreadable, or with entries that cannot be read) is first kept aside as a backup and
/// the reader told; when there is no room for the backup it is left in place and the document
/// is [`SaveMode::Locked`]. A newer version's value is read but marked read-only.
pub fn load_progress(kv: &dyn KeyValue, doc: impl Into<DocId>) -> LoadedProgress {
    let doc = doc.into();
    let ok = |state, mode, notice| LoadedProgress {
        state,
        mode,
        notice,
    };
    let raw = match kv.get(&progress_key(&doc)) {
        Err(e) => return ok(ProgressState::new(), SaveMode::MemoryOnly, Some(e.into())),
        Ok(None) => return ok(ProgressState::new(), SaveMode::Saved, None),
        Ok(Some(raw)) => raw,
    };
    match read_progress(&raw) {
        Ok(ReadProgress { state, skipped }) if skipped.is_empty() => {
            ok(state, SaveMode::Saved, None)
        }
        Ok(ReadProgress { state, skipped }) => {
            let n = skipped.len();
            let what = format!(
                "{n} entr{} of the saved progress for this roadmap could not be read ({}{}).",
                if n == 1 { "y" } else { "ies" },
                skipped.first().map(String::as_str).unwrap_or_default(),
                if n > 1 { ", …" } else { "" },
            );
            match keep_backup(kv, &doc, BackupReason::EntriesLeftOut, &raw) {
                Ok(()) => {
                    let msg = format!("{what} The saved value was kept aside as a backup (Progress ▾ → Backups); the rest is shown.");
                    ok(
                        state,
                        SaveMode::Saved,
                        Some(Notice::new(NoticeKind::Unreadable, msg)),
                    )
                }
                Err(_) => ok(state, SaveMode::Locked, Some(locked_notice(&what))),
            }
        }
        Err(StateError::FutureVersion(v)) => ok(
            future_state(&raw),
            SaveMode::ReadOnly,
            Some(StorageError::ReadOnly(v).into()),
        ),
        Err(StateError::Unreadable(_)) => {
            let what = "Saved progress for this roadmap could not be read.";
            match keep_backup(kv, &doc, BackupReason::Unreadable, &raw) {
                Ok(()) => {
                    let msg = format!("{what} It was kept aside as a backup (Progress ▾ → Backups) and the board starts clean.");
                    ok(
                        ProgressState::new(),
                        SaveMode::Saved,
                        Some(Notice::new(NoticeKind::Unreadable, msg)),
                    )
                }
                Err(_) => ok(
                    ProgressState::new(),
                    SaveMode::Locked,
                    Some(locked_notice(what)),
                ),
            }
        }
    }
}

/// What a newer version's value shows: its `items`, if they are readable.
fn future_state(raw: &str) -> ProgressState {
    serde_json::from_str::<serde_json::Value>(raw)
        .ok()
        .and_then(|v| v.get("items").cloned())
        .and_then(|items| serde_json::from_value(items).ok())
        .map(|items| ProgressState {
            items,
            ..ProgressState::new()
        })
        .unwrap_or_default()
}

/// The notice of a [`SaveMode::Locked`] document: what happened, and that ticks are not saved.
fn locked_notice(what: &str) -> Notice {
    Notice::new(
        NoticeKind::Locked,
        format!("{what} There is no room in this browser's storage to keep it aside, so it is left as it was and new ticks are not being saved. Download the stored value, then clear it to save ticks again."),
    )
}

/// The stored value as it is, for "Download the stored value" of a [`SaveMode::Locked`]
/// document.
pub fn stored_progress(
    kv: &dyn KeyValue,
    doc: impl Into<DocId>,
) -> Result<Option<String>, StorageError> {
    kv.get(&progress_key(doc))
}

/// Delete the document's stored progress (a [`SaveMode::Locked`] value the reader chose to
/// clear, after it was offered for download).
pub fn clear_progress(kv: &dyn KeyValue, doc: impl Into<DocId>) -> Result<(), StorageError> {
    kv.remove(&progress_key(doc))
}

/// The progress stored now, read for a write: a value that cannot be kept as it is is kept
/// aside first (an error when there is no room: nothing may overwrite it); a newer version's
/// value is never written over.
fn latest_for_write(kv: &dyn KeyValue, doc: &DocId) -> Result<ProgressState, StorageError> {
    let Some(raw) = kv.get(&progress_key(doc))? else {
        return Ok(ProgressState::new());
    };
    match read_progress(&raw) {
        Ok(r) if r.skipped.is_empty() => Ok(r.state),
        Ok(r) => {
            keep_backup(kv, doc, BackupReason::EntriesLeftOut, &raw)?;
            Ok(r.state)
        }
        Err(StateError::FutureVersion(v)) => Err(StorageError::ReadOnly(v)),
        Err(StateError::Unreadable(_)) => {
            keep_backup(kv, doc, BackupReason::Unreadable, &raw)?;
            Ok(ProgressState::new())
        }
    }
}

/// Write `changes` on top of what is stored now (so another tab's ticks are kept) and
/// return the merged state.
pub fn save_changes(
    kv: &dyn KeyValue,
    doc: impl Into<DocId>,
    changes: &ProgressState,
) -> Result<ProgressState, StorageError> {
    let doc = doc.into();
    let merged = latest_for_write(kv, &doc)?.merged_with(changes);
    write_progress(kv, &doc, &merged)?;
    Ok(merged)
}

/// Store `state` as the document's whole progress (import, reset, undo, discard, restore).
pub fn replace_progress(
    kv: &dyn KeyValue,
    doc: impl Into<DocId>,
    state: &ProgressState,
) -> Result<(), StorageError> {
    let doc = doc.into();
    latest_for_write(kv, &doc)?;
    write_progress(kv, &doc, state)
}

fn write_progress(
    kv: &dyn KeyValue,
    doc: &DocId,
    state: &ProgressState,
) -> Result<(), StorageError> {
    let json = serde_json::to_string(state).map_err(|e| StorageError::Other(e.to_string()))?;
    kv.set(&progress_key(doc), &json)
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
        kv.remove(&doc_text_key(crate::viewstate::decode(doc)))?;
    }
    let json = serde_json::to_string(&list).map_err(|e| StorageError::Other(e.to_string()))?;
    kv.set(RECENT_KEY, &json)
}

#[cfg(test)]
mod tests;
