//! Backups of stored progress that roadboard could not keep as it was (unreadable, or with
//! entries it had to leave out): several per document, newest first, each dated and with its
//! reason, so a second problem never overwrites the backup of the first.
//!
//! All of a document's backups are one value under [`backup_key`], a JSON object:
//!
//! ```json
//! { "backups": 1, "list": [ { "taken": "2025-03-03T10:00:00.000Z", "reason": "unreadable", "value": "{oops" } ] }
//! ```
//!
//! Earlier versions kept a single backup there, the value itself; it is read as one backup of
//! unknown date ([`BackupReason::Earlier`]) and kept in the list when the next one is added.

use crate::docid::DocId;
use crate::store::{backup_key, KeyValue, StorageError};
use serde_json::Value;

/// How many backups are kept per document; a newer one pushes out the oldest beyond this.
pub const MAX_BACKUPS: usize = 5;

/// Why a value was kept aside.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum BackupReason {
    /// The stored progress could not be read at all.
    Unreadable,
    /// The stored progress was read, but some of its entries could not be.
    EntriesLeftOut,
    /// Kept aside by an earlier version of roadboard (date and reason unknown).
    Earlier,
}

impl BackupReason {
    /// The reason as stored.
    fn key(self) -> &'static str {
        match self {
            BackupReason::Unreadable => "unreadable",
            BackupReason::EntriesLeftOut => "entries-left-out",
            BackupReason::Earlier => "earlier",
        }
    }

    fn from_key(key: &str) -> Option<Self> {
        [
            BackupReason::Unreadable,
            BackupReason::EntriesLeftOut,
            BackupReason::Earlier,
        ]
        .into_iter()
        .find(|r| r.key() == key)
    }

    /// The reason in words, for the list in the Progress menu.
    pub fn label(self) -> &'static str {
        match self {
            BackupReason::Unreadable => "could not be read",
            BackupReason::EntriesLeftOut => "some entries could not be read",
            BackupReason::Earlier => "kept aside by an earlier version",
        }
    }
}

/// A stored value kept aside.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Backup {
    /// When it was kept aside (ISO 8601, UTC), when the store could tell.
    pub taken: Option<String>,
    /// Why.
    pub reason: BackupReason,
    /// The stored value, exactly as it was.
    pub value: String,
}

impl Backup {
    /// When it was kept aside, for display: `2025-03-03 10:00 UTC`, or "date unknown".
    pub fn when(&self) -> String {
        match self.taken.as_deref() {
            Some(t) => match (t.get(..10), t.get(11..16)) {
                (Some(day), Some(time)) => format!("{day} {time} UTC"),
                _ => t.to_string(),
            },
            None => "date unknown".into(),
        }
    }
}

/// The stored list, read by hand from a JSON value (the browser already carries the code that
/// reads any JSON value; derived readers for these types would add to what it downloads).
fn read_list(raw: &str) -> Option<Vec<Backup>> {
    let value: Value = serde_json::from_str(raw).ok()?;
    if value.get("backups")?.as_u64()? != 1 {
        return None;
    }
    value
        .get("list")?
        .as_array()?
        .iter()
        .map(|b| {
            Some(Backup {
                taken: b.get("taken").and_then(Value::as_str).map(str::to_string),
                reason: BackupReason::from_key(b.get("reason")?.as_str()?)?,
                value: b.get("value")?.as_str()?.to_string(),
            })
        })
        .collect()
}

/// The stored list as JSON, written by hand for the same reason.
fn write_list(list: &[Backup]) -> String {
    let text = |s: &str| serde_json::to_string(s).unwrap_or_else(|_| "\"\"".into());
    let entries: Vec<String> = list
        .iter()
        .map(|b| {
            let taken = b
                .taken
                .as_deref()
                .map(|t| format!("\"taken\":{},", text(t)))
                .unwrap_or_default();
            format!(
                "{{{taken}\"reason\":{},\"value\":{}}}",
                text(b.reason.key()),
                text(&b.value)
            )
        })
        .collect();
    format!("{{\"backups\":1,\"list\":[{}]}}", entries.join(","))
}

/// A document's backups, newest first (an earlier version's single backup is one of them).
pub fn read_backups(kv: &dyn KeyValue, doc: impl Into<DocId>) -> Vec<Backup> {
    match kv.get(&backup_key(doc)) {
        Ok(Some(raw)) => from_stored(&raw),
        _ => Vec::new(),
    }
}

fn from_stored(raw: &str) -> Vec<Backup> {
    match read_list(raw) {
        Some(list) => list,
        None => vec![Backup {
            taken: None,
            reason: BackupReason::Earlier,
            value: raw.to_string(),
        }],
    }
}

/// Keep `value` aside as the newest backup of `doc`. A value already kept is not kept twice;
/// the oldest beyond [`MAX_BACKUPS`] is dropped. Fails (and changes nothing) when the store has
/// no room: the caller must then leave the value where it is.
pub fn keep_backup(
    kv: &dyn KeyValue,
    doc: impl Into<DocId>,
    reason: BackupReason,
    value: &str,
) -> Result<(), StorageError> {
    let key = backup_key(doc);
    let mut list = match kv.get(&key)? {
        Some(raw) => from_stored(&raw),
        None => Vec::new(),
    };
    if list.iter().any(|b| b.value == value) {
        return Ok(());
    }
    list.insert(
        0,
        Backup {
            taken: kv.now(),
            reason,
            value: value.to_string(),
        },
    );
    list.truncate(MAX_BACKUPS);
    kv.set(&key, &write_list(&list))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::{load_progress, progress_key, MemoryStore, SaveMode};

    /// Issue 13, point 3: a second unreadable value overwrote the backup of the first.
    #[test]
    fn r13_3_backups_never_overwrite_backups() {
        let kv = MemoryStore::new();
        kv.set(&progress_key("d"), "{first").expect("set");
        load_progress(&kv, "d");
        kv.set(&progress_key("d"), "{second").expect("set");
        load_progress(&kv, "d");
        let values: Vec<String> = read_backups(&kv, "d")
            .into_iter()
            .map(|b| b.value)
            .collect();
        assert_eq!(values, ["{second", "{first"], "newest first, both kept");
    }

    #[test]
    fn backups_are_dated_bounded_and_not_repeated() {
        let mut kv = MemoryStore::new();
        kv.clock = Some("2025-03-03T10:07:00.000Z".into());
        for n in 0..7 {
            keep_backup(&kv, "d", BackupReason::Unreadable, &format!("v{n}")).expect("keep");
        }
        keep_backup(&kv, "d", BackupReason::Unreadable, "v6").expect("again");
        let list = read_backups(&kv, "d");
        let values: Vec<&str> = list.iter().map(|b| b.value.as_str()).collect();
        assert_eq!(values, ["v6", "v5", "v4", "v3", "v2"]);
        assert_eq!(list[0].when(), "2025-03-03 10:07 UTC");
        assert_eq!(list[0].reason.label(), "could not be read");
        // The stored format (a contract with readers' browsers, as in the module docs).
        let mut kv = MemoryStore::new();
        kv.clock = Some("2025-03-03T10:00:00.000Z".into());
        keep_backup(&kv, "d", BackupReason::Unreadable, "{oops \"x\"").expect("keep");
        assert_eq!(
            kv.get(&backup_key("d")).expect("get").as_deref(),
            Some(
                r#"{"backups":1,"list":[{"taken":"2025-03-03T10:00:00.000Z","reason":"unreadable","value":"{oops \"x\""}]}"#
            )
        );
    }

    /// The single backup of an earlier version is kept as the oldest of the list.
    #[test]
    fn the_earlier_single_backup_is_migrated() {
        let kv = MemoryStore::new();
        kv.set(&backup_key("d"), "[\"old raw value\"]")
            .expect("set");
        assert_eq!(
            read_backups(&kv, "d"),
            [Backup {
                taken: None,
                reason: BackupReason::Earlier,
                value: "[\"old raw value\"]".into()
            }]
        );
        keep_backup(&kv, "d", BackupReason::EntriesLeftOut, "new").expect("keep");
        let list = read_backups(&kv, "d");
        assert_eq!(list.len(), 2);
        assert_eq!(list[1].value, "[\"old raw value\"]");
        assert_eq!(list[1].when(), "date unknown");
    }

    /// No room for the backup: nothing is changed, and the value is left where it is.
    #[test]
    fn no_room_changes_nothing() {
        let kv = MemoryStore::with_quota(60);
        kv.set(&progress_key("d"), "{a value that fills it")
            .expect("set");
        let l = load_progress(&kv, "d");
        assert_eq!(l.mode, SaveMode::Locked);
        assert!(read_backups(&kv, "d").is_empty());
        assert_eq!(
            kv.get(&progress_key("d")).expect("get").as_deref(),
            Some("{a value that fills it")
        );
    }
}
