//! Progress storage logic over any string key-value store: versioned keys, validated reads,
//! merged writes that never lose another tab's ticks, backups of unreadable values, read-only
//! handling of values from a newer version. Pure: the browser's localStorage is one
//! [`KeyValue`]; [`MemoryStore`] is another, with injectable faults for tests.
//!
//! Every value roadboard keeps goes through here: progress, backups, the text of opened files
//! and pastes, the recent list and the timeline's start date. Keys name a document by its
//! [`DocId`] text, never by its content.

use crate::docid::DocId;
use crate::notice::{Notice, NoticeKind};
use crate::progress::{migrate, ProgressState, StateError};
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
                "Your browser blocked storage; progress is kept only in this tab until you close it. Export your progress to keep it.",
            ),
            StorageError::QuotaExceeded => f.write_str(
                "Your browser's storage for this site is full; new ticks are kept only in this tab. Export your progress to keep it.",
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
}

/// An in-memory store with optional faults, for tests and for "storage blocked" mode.
#[derive(Debug, Default)]
pub struct MemoryStore {
    map: RefCell<BTreeMap<String, String>>,
    /// Refuse writes once the stored characters would exceed this.
    pub quota: Option<usize>,
    /// Fail every call as a blocked browser storage would.
    pub disabled: bool,
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
}

/// The storage key of a document's progress.
pub fn progress_key(doc: impl Into<DocId>) -> String {
    format!("{KEY_PREFIX}:progress:{}", doc.into())
}

/// Where an unreadable progress value is kept aside.
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

/// Read a document's progress, whatever is stored. Never fails: an unreadable value is copied
/// to [`backup_key`] and reported; a newer version's value is read but marked read-only.
pub fn load_progress(kv: &dyn KeyValue, doc: impl Into<DocId>) -> LoadedProgress {
    let doc = doc.into();
    let ok = |state, mode, notice| LoadedProgress {
        state,
        mode,
        notice,
    };
    match kv.get(&progress_key(&doc)) {
        Err(e) => ok(ProgressState::new(), SaveMode::MemoryOnly, Some(e.into())),
        Ok(None) => ok(ProgressState::new(), SaveMode::Saved, None),
        Ok(Some(raw)) => match migrate(&raw) {
            Ok(state) => ok(state, SaveMode::Saved, None),
            Err(StateError::FutureVersion(v)) => {
                // Show what it holds if the items part is readable, but never write it.
                let state = serde_json::from_str::<serde_json::Value>(&raw)
                    .ok()
                    .and_then(|v| v.get("items").cloned())
                    .and_then(|items| serde_json::from_value(items).ok())
                    .map(|items| ProgressState {
                        items,
                        ..ProgressState::new()
                    })
                    .unwrap_or_default();
                ok(
                    state,
                    SaveMode::ReadOnly,
                    Some(StorageError::ReadOnly(v).into()),
                )
            }
            Err(StateError::Unreadable(_)) => {
                let kept = kv.set(&backup_key(&doc), &raw).is_ok();
                let msg = if kept {
                    "Saved progress for this roadmap could not be read. It was kept aside (as a backup in this browser) and the board starts clean."
                } else {
                    "Saved progress for this roadmap could not be read, and there was no room to keep a backup; the board starts clean and the old value is left in place."
                };
                let mode = if kept {
                    SaveMode::Saved
                } else {
                    SaveMode::ReadOnly
                };
                let notice = Notice::new(NoticeKind::Unreadable, msg);
                ok(ProgressState::new(), mode, Some(notice))
            }
        },
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
    let latest = match kv.get(&progress_key(&doc))? {
        None => ProgressState::new(),
        Some(raw) => match migrate(&raw) {
            Ok(s) => s,
            Err(StateError::FutureVersion(v)) => return Err(StorageError::ReadOnly(v)),
            // Unreadable now (written by something else meanwhile): keep it aside first.
            Err(StateError::Unreadable(_)) => {
                kv.set(&backup_key(&doc), &raw)?;
                ProgressState::new()
            }
        },
    };
    let merged = latest.merged_with(changes);
    replace_progress(kv, &doc, &merged)?;
    Ok(merged)
}

/// Store `state` as the document's whole progress (import, reset, undo, discard).
pub fn replace_progress(
    kv: &dyn KeyValue,
    doc: impl Into<DocId>,
    state: &ProgressState,
) -> Result<(), StorageError> {
    let key = progress_key(doc);
    if let Ok(Some(raw)) = kv.get(&key) {
        if let Err(StateError::FutureVersion(v)) = migrate(&raw) {
            return Err(StorageError::ReadOnly(v));
        }
    }
    let json = serde_json::to_string(state).map_err(|e| StorageError::Other(e.to_string()))?;
    kv.set(&key, &json)
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
mod tests {
    use super::*;

    fn ticks(pairs: &[(&str, bool)]) -> ProgressState {
        let mut s = ProgressState::new();
        for (id, v) in pairs {
            s.set(id, *v, id);
        }
        s
    }

    #[test]
    fn two_tabs_do_not_lose_each_others_ticks() {
        let kv = MemoryStore::new();
        save_changes(&kv, "d", &ticks(&[("a", true)])).expect("tab 1");
        let merged = save_changes(&kv, "d", &ticks(&[("b", true)])).expect("tab 2");
        assert_eq!(merged.items.len(), 2);
        assert_eq!(load_progress(&kv, "d").state.items.len(), 2);
    }

    #[test]
    fn corrupt_value_is_kept_aside_and_reported() {
        let kv = MemoryStore::new();
        kv.set(&progress_key("d"), "{oops").expect("set");
        let l = load_progress(&kv, "d");
        assert!(l.state.items.is_empty());
        assert_eq!(l.mode, SaveMode::Saved);
        assert!(l.notice.expect("notice").message.contains("kept aside"));
        assert_eq!(
            kv.get(&backup_key("d")).expect("get").as_deref(),
            Some("{oops")
        );
    }

    #[test]
    fn future_versions_are_read_only() {
        let kv = MemoryStore::new();
        let raw = r#"{"version":9,"items":{"a":true},"new_field":[1]}"#;
        kv.set(&progress_key("d"), raw).expect("set");
        let l = load_progress(&kv, "d");
        assert_eq!(l.mode, SaveMode::ReadOnly);
        assert_eq!(l.state.items.get("a"), Some(&true));
        assert!(l.notice.expect("notice").message.contains("newer version"));
        assert_eq!(
            save_changes(&kv, "d", &ticks(&[("b", true)])),
            Err(StorageError::ReadOnly(9))
        );
        assert_eq!(
            replace_progress(&kv, "d", &ProgressState::new()),
            Err(StorageError::ReadOnly(9))
        );
        assert_eq!(
            kv.get(&progress_key("d")).expect("get").as_deref(),
            Some(raw),
            "untouched"
        );
    }

    #[test]
    fn quota_and_blocked_storage_are_errors_not_losses() {
        let kv = MemoryStore::with_quota(40);
        let big = ticks(&[("a-very-long-item-id-that-does-not-fit", true)]);
        assert_eq!(
            save_changes(&kv, "d", &big),
            Err(StorageError::QuotaExceeded)
        );
        let off = MemoryStore::blocked();
        let l = load_progress(&off, "d");
        assert_eq!(l.mode, SaveMode::MemoryOnly);
        assert!(l
            .notice
            .expect("notice")
            .message
            .contains("blocked storage"));
    }

    #[test]
    fn a_full_store_keeps_the_unreadable_value_in_place() {
        let kv = MemoryStore::new();
        kv.set(&progress_key("d"), "garbage").expect("set");
        let kv = MemoryStore {
            quota: Some(kv.used()),
            map: kv.map,
            disabled: false,
        };
        let l = load_progress(&kv, "d");
        assert_eq!(
            l.mode,
            SaveMode::ReadOnly,
            "no backup possible: do not overwrite"
        );
        assert_eq!(
            kv.get(&progress_key("d")).expect("get").as_deref(),
            Some("garbage")
        );
    }

    /// Keys are readers' saved data: a typed id writes exactly the text it was read from.
    #[test]
    fn keys_are_the_id_text_for_every_kind() {
        for id in [
            "roadmaps/plan.md",
            "https://x.org/r.md?raw=1#top",
            "file:a:b.md",
            "paste:untitled-roadmap",
        ] {
            let typed = DocId::parse(id);
            assert_eq!(progress_key(&typed), format!("roadboard:progress:{id}"));
            assert_eq!(backup_key(&typed), format!("roadboard:backup:{id}"));
            assert_eq!(doc_text_key(&typed), format!("roadboard:doc:{id}"));
            assert_eq!(start_key(&typed), format!("roadboard:start:{id}"));
            assert_eq!(progress_key(id), progress_key(typed));
        }
    }

    #[test]
    fn the_start_date_goes_through_the_store() {
        let kv = MemoryStore::new();
        let doc = DocId::parse("roadmaps/plan.md");
        assert_eq!(load_start_date(&kv, &doc), None);
        save_start_date(&kv, &doc, Some("2025-03-03")).expect("save");
        assert_eq!(
            kv.get("roadboard:start:roadmaps/plan.md")
                .expect("get")
                .as_deref(),
            Some("2025-03-03")
        );
        assert_eq!(load_start_date(&kv, &doc).as_deref(), Some("2025-03-03"));
        save_start_date(&kv, &doc, None).expect("forget");
        assert_eq!(load_start_date(&kv, &doc), None);
        let off = MemoryStore::blocked();
        assert_eq!(load_start_date(&off, &doc), None);
        assert_eq!(
            save_start_date(&off, &doc, Some("2025-03-03")),
            Err(StorageError::Unavailable)
        );
    }

    #[test]
    fn load_notices_say_what_happened_by_kind() {
        let kv = MemoryStore::new();
        kv.set(&progress_key("d"), "{oops").expect("set");
        let kind = |l: LoadedProgress| l.notice.map(|n| n.kind);
        assert_eq!(kind(load_progress(&kv, "d")), Some(NoticeKind::Unreadable));
        kv.set(&progress_key("d"), r#"{"version":7,"items":{}}"#)
            .expect("set");
        assert_eq!(kind(load_progress(&kv, "d")), Some(NoticeKind::ReadOnly));
        let off = MemoryStore::blocked();
        assert_eq!(kind(load_progress(&off, "d")), Some(NoticeKind::NotSaved));
        assert_eq!(kind(load_progress(&MemoryStore::new(), "d")), None);
    }

    #[test]
    fn forgetting_a_kept_document_drops_its_text_not_its_ticks() {
        let kv = MemoryStore::new();
        let file = DocId::parse("file:a b.md");
        let site = DocId::parse("roadmaps/plan.md");
        kv.set(&doc_text_key(&file), "# A").expect("set");
        kv.set(&progress_key(&file), r#"{"version":1,"items":{"x":true}}"#)
            .expect("set");
        for d in [&file, &site] {
            remember_recent(&kv, RecentDoc::new(d, "T".into())).expect("remember");
        }
        let queries: Vec<String> = read_recent(&kv).into_iter().map(|d| d.query).collect();
        assert_eq!(queries, ["src=roadmaps/plan.md", "doc=file:a%20b.md"]);
        forget_recent(&kv, "doc=file:a%20b.md").expect("forget");
        assert_eq!(kv.get(&doc_text_key(&file)).expect("get"), None);
        assert!(kv.get(&progress_key(&file)).expect("get").is_some());
        assert_eq!(read_recent(&kv).len(), 1);
    }
}
