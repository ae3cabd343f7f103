//! The version of each document the reader last saw, kept through the store seam: one
//! compact [`Snapshot`] per document under `roadboard:seen:<doc>`, an index of them by age
//! under [`SEEN_INDEX_KEY`], at most [`SEEN_TOTAL_LIMIT`] characters in all (oldest dropped
//! first). A snapshot that cannot be read is dropped with a notice; it never stops a document
//! from opening.

use super::snapshot::{Snapshot, SnapshotError};
use crate::docid::DocId;
use crate::notice::{Notice, NoticeKind};
use crate::store::{KeyValue, StorageError, KEY_PREFIX};

/// The key of the list of documents with a last-seen snapshot, oldest first.
pub const SEEN_INDEX_KEY: &str = "roadboard:seen-index";

/// The most characters all last-seen snapshots may take together.
pub const SEEN_TOTAL_LIMIT: usize = 400_000;

/// The storage key of a document's last-seen snapshot.
pub fn seen_key(doc: impl Into<DocId>) -> String {
    format!("{KEY_PREFIX}:seen:{}", doc.into())
}

/// What reading a document's last-seen snapshot found.
#[derive(Debug, Clone, PartialEq)]
pub enum SeenLoad {
    /// The reader has not seen this document here before (or storage is unavailable).
    Never,
    /// The version last seen.
    Seen(Snapshot),
    /// The stored value could not be read and was dropped: say so, then carry on.
    Dropped(Notice),
}

/// The index: `(doc, chars)` pairs, oldest first, one `chars<TAB>doc` line each; unreadable
/// lines are skipped.
fn read_index(kv: &dyn KeyValue) -> Vec<(String, usize)> {
    kv.get(SEEN_INDEX_KEY)
        .ok()
        .flatten()
        .unwrap_or_default()
        .lines()
        .filter_map(|l| {
            let (n, doc) = l.split_once('\t')?;
            Some((doc.to_string(), n.parse().ok()?))
        })
        .collect()
}

fn write_index(kv: &dyn KeyValue, index: &[(String, usize)]) -> Result<(), StorageError> {
    let text: String = index
        .iter()
        .map(|(doc, n)| format!("{n}\t{}\n", doc.replace(['\t', '\n', '\r'], " ")))
        .collect();
    kv.set(SEEN_INDEX_KEY, &text)
}

/// The snapshot of the version of `doc` the reader last saw.
pub fn load_seen(kv: &dyn KeyValue, doc: &DocId) -> SeenLoad {
    let key = seen_key(doc.clone());
    let Ok(Some(text)) = kv.get(&key) else {
        return SeenLoad::Never;
    };
    match Snapshot::from_compact(&text) {
        Ok(s) => SeenLoad::Seen(s),
        Err(SnapshotError::Newer(_)) => SeenLoad::Never,
        Err(SnapshotError::Corrupt) => {
            let _ = kv.remove(&key);
            let index: Vec<_> = read_index(kv)
                .into_iter()
                .filter(|(d, _)| *d != doc.to_string())
                .collect();
            let _ = write_index(kv, &index);
            SeenLoad::Dropped(Notice::new(
                NoticeKind::Unreadable,
                "The record of the version you last saw could not be read and was dropped; changes since your last visit start again from this version.",
            ))
        }
    }
}

/// Remember `snap` as the version of `doc` the reader has seen, dropping the oldest other
/// snapshots to stay within [`SEEN_TOTAL_LIMIT`] (and once more when the browser is full).
/// A document too large for a snapshot is not remembered.
pub fn save_seen(kv: &dyn KeyValue, doc: &DocId, snap: &Snapshot) -> Result<(), StorageError> {
    let Some(json) = snap.to_compact() else {
        return Ok(());
    };
    let name = doc.to_string();
    let mut index: Vec<(String, usize)> = read_index(kv)
        .into_iter()
        .filter(|(d, _)| *d != name)
        .collect();
    let mut total: usize = index.iter().map(|e| e.1).sum::<usize>() + json.len();
    while total > SEEN_TOTAL_LIMIT && !index.is_empty() {
        let (old, size) = index.remove(0);
        let _ = kv.remove(&seen_key(DocId::parse(&old)));
        total -= size;
    }
    let key = seen_key(doc.clone());
    let mut result = kv.set(&key, &json);
    while result == Err(StorageError::QuotaExceeded) && !index.is_empty() {
        let (old, _) = index.remove(0);
        let _ = kv.remove(&seen_key(DocId::parse(&old)));
        result = kv.set(&key, &json);
    }
    result?;
    index.push((name, json.len()));
    write_index(kv, &index)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::MemoryStore;

    fn snap(text: &str) -> Snapshot {
        Snapshot::of(&crate::parse(text), text, "2026-12-01")
    }

    #[test]
    fn saves_and_loads_the_last_seen_version() {
        let kv = MemoryStore::new();
        let doc = DocId::parse("roadmaps/plan.md");
        assert_eq!(load_seen(&kv, &doc), SeenLoad::Never);
        let s = snap("# P\n\n- [ ] a thing\n");
        assert_eq!(save_seen(&kv, &doc, &s), Ok(()));
        assert_eq!(load_seen(&kv, &doc), SeenLoad::Seen(s));
    }

    #[test]
    fn a_corrupt_snapshot_is_dropped_with_a_notice() {
        let kv = MemoryStore::new();
        let doc = DocId::parse("roadmaps/plan.md");
        let _ = kv.set(&seen_key(doc.clone()), "roadboard-seen 1\nh 0\ni\tcut");
        assert!(
            matches!(load_seen(&kv, &doc), SeenLoad::Dropped(n) if n.kind == NoticeKind::Unreadable)
        );
        assert_eq!(kv.get(&seen_key(doc.clone())), Ok(None));
        assert_eq!(load_seen(&kv, &doc), SeenLoad::Never);
    }

    #[test]
    fn oldest_snapshots_go_first_when_over_the_cap() {
        let kv = MemoryStore::new();
        let mut text = String::from("# Big\n\n");
        for i in 0..150 {
            text.push_str(&format!(
                "- [ ] a fairly long item number {i} so the snapshot is big enough to count\n"
            ));
        }
        let s = snap(&text);
        let size = s.to_compact().map_or(0, |j| j.len());
        assert!(size > 1000);
        let n = SEEN_TOTAL_LIMIT / size + 2;
        for i in 0..n {
            assert_eq!(
                save_seen(&kv, &DocId::parse(&format!("d{i}.md")), &s),
                Ok(())
            );
        }
        assert_eq!(load_seen(&kv, &DocId::parse("d0.md")), SeenLoad::Never);
        assert!(matches!(
            load_seen(&kv, &DocId::parse(&format!("d{}.md", n - 1))),
            SeenLoad::Seen(_)
        ));
        let total: usize = read_index(&kv).iter().map(|e| e.1).sum();
        assert!(total <= SEEN_TOTAL_LIMIT);
    }

    #[test]
    fn a_full_browser_evicts_then_saves_and_blocked_storage_is_an_error() {
        let kv = MemoryStore::with_quota(9_000);
        let s = snap("# P\n\n- [ ] one item with some words in it\n- [x] another item\n");
        for i in 0..200 {
            let r = save_seen(&kv, &DocId::parse(&format!("d{i}.md")), &s);
            assert!(r.is_ok() || r == Err(StorageError::QuotaExceeded), "{r:?}");
        }
        assert!(matches!(
            load_seen(&kv, &DocId::parse("d199.md")),
            SeenLoad::Seen(_)
        ));
        let blocked = MemoryStore::blocked();
        assert_eq!(
            save_seen(&blocked, &DocId::parse("x"), &s),
            Err(StorageError::Unavailable)
        );
        assert_eq!(load_seen(&blocked, &DocId::parse("x")), SeenLoad::Never);
    }
}
