//! The reader's checklist state: what they ticked, how it is versioned and migrated, how it
//! is reconciled with a document that changed, and the Markdown rewritten to match.
//!
//! The stored value (localStorage), the "Export progress" file and the input of
//! `roadboard export --state` are one format:
//!
//! ```json
//! { "version": 1, "items": { "<item id>": true }, "labels": { "<item id>": "Write tests" } }
//! ```
//!
//! `items` holds only the reader's own ticks (an item without an entry shows what the file
//! says); `labels` keeps each ticked item's text so ticks that no longer match any item can
//! still be shown by name. Older and newer versions go through [`migrate`].

use crate::model::{Roadmap, Status};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashSet};
use std::fmt;

/// Version of the stored/exported state format.
pub const STATE_VERSION: u32 = 1;

/// A reader's ticks for one document, keyed by the model's stable item ids.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ProgressState {
    /// Format version, [`STATE_VERSION`].
    pub version: u32,
    /// Item id → ticked.
    pub items: BTreeMap<String, bool>,
    /// Item id → its text when it was ticked (for showing ticks whose item is gone).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub labels: BTreeMap<String, String>,
}

impl ProgressState {
    /// An empty state of the current version.
    pub fn new() -> Self {
        ProgressState {
            version: STATE_VERSION,
            items: BTreeMap::new(),
            labels: BTreeMap::new(),
        }
    }

    /// Whether the item is ticked: the reader's tick if any, else the document's own mark.
    pub fn is_done(&self, roadmap: &Roadmap, id: &str) -> bool {
        match self.items.get(id) {
            Some(v) => *v,
            None => roadmap
                .items
                .iter()
                .find(|i| i.id == id)
                .is_some_and(|i| i.status == Status::Done),
        }
    }

    /// Record a tick (with the item's text, for later display).
    pub fn set(&mut self, id: &str, ticked: bool, label: &str) {
        self.items.insert(id.to_string(), ticked);
        if !label.is_empty() {
            self.labels.insert(id.to_string(), label.to_string());
        }
    }

    /// Apply `changes` on top of this state (the latest stored one): the other tab's ticks
    /// stay, this tab's changes win for the items it touched.
    pub fn merged_with(mut self, changes: &ProgressState) -> ProgressState {
        for (id, v) in &changes.items {
            self.items.insert(id.clone(), *v);
        }
        for (id, l) in &changes.labels {
            self.labels.insert(id.clone(), l.clone());
        }
        self.version = STATE_VERSION;
        self
    }

    /// Drop the given ids (an explicit "discard" by the reader).
    pub fn without(mut self, ids: &[String]) -> ProgressState {
        for id in ids {
            self.items.remove(id);
            self.labels.remove(id);
        }
        self
    }
}

/// Why a stored or imported progress value could not be used as is.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum StateError {
    /// Not JSON, or not a progress object.
    Unreadable(String),
    /// Written by a newer roadboard: keep it, do not overwrite it.
    FutureVersion(u32),
}

impl fmt::Display for StateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StateError::Unreadable(why) => write!(f, "not a roadboard progress file ({why})"),
            StateError::FutureVersion(v) => write!(
                f,
                "written by a newer version of roadboard (format {v}); this version can show it but will not change it"
            ),
        }
    }
}

/// Read a progress value of any known version and bring it to the current one.
///
/// - version 1: as is (unknown fields ignored, non-boolean ticks dropped);
/// - no `version` and a flat `{ "id": bool }` object: the pre-release format, migrated;
/// - a higher version: [`StateError::FutureVersion`].
pub fn migrate(raw: &str) -> Result<ProgressState, StateError> {
    let value: serde_json::Value =
        serde_json::from_str(raw).map_err(|e| StateError::Unreadable(e.to_string()))?;
    let obj = value
        .as_object()
        .ok_or_else(|| StateError::Unreadable("not an object".into()))?;
    let version = match obj.get("version") {
        None => 0,
        Some(v) => v
            .as_u64()
            .and_then(|v| u32::try_from(v).ok())
            .ok_or_else(|| StateError::Unreadable("bad version".into()))?,
    };
    let bools = |v: Option<&serde_json::Value>| -> BTreeMap<String, bool> {
        v.and_then(|v| v.as_object())
            .map(|m| {
                m.iter()
                    .filter_map(|(k, v)| v.as_bool().map(|b| (k.clone(), b)))
                    .collect()
            })
            .unwrap_or_default()
    };
    match version {
        0 => Ok(ProgressState {
            version: STATE_VERSION,
            items: bools(Some(&value)),
            labels: BTreeMap::new(),
        }),
        1 => {
            if obj.get("items").is_some_and(|v| !v.is_object()) {
                return Err(StateError::Unreadable("items is not an object".into()));
            }
            let labels = obj
                .get("labels")
                .and_then(|v| v.as_object())
                .map(|m| {
                    m.iter()
                        .filter_map(|(k, v)| v.as_str().map(|s| (k.clone(), s.to_string())))
                        .collect()
                })
                .unwrap_or_default();
            Ok(ProgressState {
                version: STATE_VERSION,
                items: bools(obj.get("items")),
                labels,
            })
        }
        v => Err(StateError::FutureVersion(v)),
    }
}

/// A saved tick that disagrees with the document's own checkbox.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Disagreement {
    /// The item.
    pub id: String,
    /// What the reader says.
    pub ticked: bool,
    /// What the file says.
    pub file_done: bool,
}

/// How saved ticks meet the document as it is now.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Reconciled {
    /// Saved ticks whose item is no longer in the document (kept, shown, never dropped
    /// silently), with their last known text.
    pub orphans: Vec<(String, String)>,
    /// Saved ticks that differ from the document's own mark (the reader's tick wins).
    pub disagreements: Vec<Disagreement>,
}

/// Compare saved ticks with the document.
pub fn reconcile(map: &Roadmap, state: &ProgressState) -> Reconciled {
    let ids: HashSet<&str> = map.items.iter().map(|i| i.id.as_str()).collect();
    let orphans = state
        .items
        .keys()
        .filter(|id| !ids.contains(id.as_str()))
        .map(|id| {
            (
                id.clone(),
                state.labels.get(id).cloned().unwrap_or_else(|| id.clone()),
            )
        })
        .collect();
    let disagreements = map
        .items
        .iter()
        .filter_map(|i| {
            let ticked = *state.items.get(&i.id)?;
            let file_done = i.status == Status::Done;
            (ticked != file_done).then(|| Disagreement {
                id: i.id.clone(),
                ticked,
                file_done,
            })
        })
        .collect();
    Reconciled {
        orphans,
        disagreements,
    }
}

/// `text` with the checkbox of every item in `state` set as stated; every other byte unchanged
/// (BOM, CRLF, mojibake and all). `[~]`/`[-]` boxes become `[x]` when ticked.
pub fn export_markdown(text: &str, roadmap: &Roadmap, state: &ProgressState) -> String {
    let mut bytes = text.as_bytes().to_vec();
    for item in &roadmap.items {
        let (Some(off), Some(&want)) = (item.checkbox_offset, state.items.get(&item.id)) else {
            continue;
        };
        if let Some(b) = bytes.get_mut(off) {
            let is_done = matches!(*b, b'x' | b'X');
            if matches!(*b, b' ' | b'x' | b'X' | b'~' | b'-') && is_done != want {
                *b = if want { b'x' } else { b' ' };
            }
        }
    }
    // Only ASCII bytes were swapped for ASCII bytes, so the text is still UTF-8.
    String::from_utf8(bytes).unwrap_or_else(|_| text.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn export_flips_only_the_stated_boxes() {
        let text = "\u{feff}# T\r\n- [ ] a\r\n- [x] b\r\n- [ ] c\r\n";
        let map = crate::parse(text);
        let mut st = ProgressState::new();
        st.items.insert(map.items[0].id.clone(), true);
        st.items.insert(map.items[1].id.clone(), false);
        let out = export_markdown(text, &map, &st);
        assert_eq!(out, "\u{feff}# T\r\n- [x] a\r\n- [ ] b\r\n- [ ] c\r\n");
    }

    #[test]
    fn migration_reads_every_known_version() {
        let v1 = migrate(r#"{"version":1,"items":{"a":true,"b":false,"c":"yes"},"extra":1}"#)
            .expect("v1");
        assert_eq!(v1.items.len(), 2, "non-boolean ticks are dropped");
        let v0 = migrate(r#"{"a":true,"b":false}"#).expect("v0");
        assert_eq!(v0.version, STATE_VERSION);
        assert_eq!(v0.items.get("a"), Some(&true));
        assert_eq!(
            migrate(r#"{"version":7,"items":{}}"#),
            Err(StateError::FutureVersion(7))
        );
        assert!(matches!(
            migrate("{not json"),
            Err(StateError::Unreadable(_))
        ));
        assert!(matches!(migrate("[1,2]"), Err(StateError::Unreadable(_))));
        assert!(matches!(
            migrate(r#"{"version":1,"items":[]}"#),
            Err(StateError::Unreadable(_))
        ));
        assert!(matches!(
            migrate(r#"{"version":-1}"#),
            Err(StateError::Unreadable(_))
        ));
        let round = serde_json::to_string(&v1).expect("json");
        assert_eq!(migrate(&round), Ok(v1));
    }

    #[test]
    fn reconcile_finds_orphans_and_disagreements() {
        let map = crate::parse("# T\n- [x] shipped\n- [ ] todo\n");
        let mut st = ProgressState::new();
        st.set(&map.items[0].id, false, "shipped");
        st.set(&map.items[1].id, false, "todo");
        st.set("i-gone", true, "Removed item");
        let r = reconcile(&map, &st);
        assert_eq!(
            r.orphans,
            vec![("i-gone".to_string(), "Removed item".to_string())]
        );
        assert_eq!(r.disagreements.len(), 1);
        assert!(!r.disagreements[0].ticked && r.disagreements[0].file_done);
    }

    #[test]
    fn merging_keeps_the_other_tabs_ticks() {
        let mut stored = ProgressState::new();
        stored.set("a", true, "A");
        let mut mine = ProgressState::new();
        mine.set("b", true, "B");
        let merged = stored.merged_with(&mine);
        assert_eq!(merged.items.len(), 2);
        assert_eq!(merged.clone().without(&["a".into()]).items.len(), 1);
    }
}
