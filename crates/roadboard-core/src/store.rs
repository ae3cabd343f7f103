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
        let backups = crate::backup::read_backups(&kv, "d");
        assert_eq!(backups.len(), 1);
        assert_eq!(backups[0].value, "{oops");
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
            clock: None,
        };
        let l = load_progress(&kv, "d");
        assert_eq!(
            l.mode,
            SaveMode::Locked,
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

    /// Issue 13, point 4: ticks that were not booleans were dropped and the key rewritten with
    /// no backup and no message; `{"items":{…}}` without `version` showed 0 of 2 ticks.
    #[test]
    fn r13_4_nothing_is_dropped_silently() {
        let kv = MemoryStore::new();
        let raw = r#"{"version":1,"items":{"a":true,"b":"yes"},"labels":{"a":7}}"#;
        kv.set(&progress_key("d"), raw).expect("set");
        let l = load_progress(&kv, "d");
        assert_eq!(l.mode, SaveMode::Saved);
        assert_eq!(l.state.items.get("a"), Some(&true));
        let notice = l.notice.expect("announced");
        assert_eq!(notice.kind, NoticeKind::Unreadable);
        assert!(
            notice
                .message
                .starts_with("2 entries of the saved progress"),
            "{notice}"
        );
        assert!(notice.message.contains("kept aside"), "{notice}");
        save_changes(&kv, "d", &ticks(&[("c", true)])).expect("save");
        let backups = crate::backup::read_backups(&kv, "d");
        assert_eq!(backups.len(), 1, "kept once");
        assert_eq!(backups[0].value, raw, "the whole value, as it was");
        // No version, but the shape of version 1: read as such, not as the flat format.
        kv.set(&progress_key("e"), r#"{"items":{"a":true,"b":true}}"#)
            .expect("set");
        let l = load_progress(&kv, "e");
        assert_eq!((l.state.items.len(), l.notice), (2, None));
    }

    /// Issue 13, point 5: a stored value too big to back up locked the document without saying
    /// that new ticks were not saved; now it says so, offers the value and a real clear.
    #[test]
    fn r13_5_a_value_too_big_to_back_up_is_said_offered_and_cleared() {
        let kv = MemoryStore::with_quota(200);
        let big = format!("{{not json {}", "x".repeat(120));
        kv.set(&progress_key("d"), &big).expect("set");
        let l = load_progress(&kv, "d");
        assert_eq!(l.mode, SaveMode::Locked);
        let notice = l.notice.expect("notice");
        assert_eq!(notice.kind, NoticeKind::Locked);
        assert!(notice.ticks_stay_in_tab());
        assert!(
            notice.message.contains("new ticks are not being saved"),
            "{notice}"
        );
        assert_eq!(stored_progress(&kv, "d").expect("get"), Some(big.clone()));
        // Writes never overwrite it while it cannot be kept aside.
        assert_eq!(
            replace_progress(&kv, "d", &ProgressState::new()),
            Err(StorageError::QuotaExceeded)
        );
        assert_eq!(stored_progress(&kv, "d").expect("get"), Some(big));
        clear_progress(&kv, "d").expect("clear");
        save_changes(&kv, "d", &ticks(&[("a", true)])).expect("saving again");
        assert_eq!(load_progress(&kv, "d").mode, SaveMode::Saved);
    }

    /// "Forget" on one paste deleted the text of every paste with the same title.
    #[test]
    fn r13_forgetting_one_paste_keeps_the_others() {
        let kv = MemoryStore::new();
        let texts = ["- [ ] Buy milk\n", "- [ ] Fix roof\n"];
        let ids: Vec<DocId> = texts.iter().map(|t| DocId::paste_for_text(t)).collect();
        for (id, text) in ids.iter().zip(texts) {
            kv.set(&doc_text_key(id), text).expect("set");
            remember_recent(&kv, RecentDoc::new(id, "Pasted roadmap".into())).expect("recent");
        }
        assert_eq!(read_recent(&kv).len(), 2);
        let first = RecentDoc::new(&ids[0], String::new()).query;
        forget_recent(&kv, &first).expect("forget");
        assert_eq!(kv.get(&doc_text_key(&ids[0])).expect("get"), None);
        assert_eq!(
            kv.get(&doc_text_key(&ids[1])).expect("get").as_deref(),
            Some(texts[1]),
            "the other paste is kept"
        );
    }
}
