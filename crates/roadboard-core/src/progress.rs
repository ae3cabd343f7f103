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
//! still be shown by name. Older and newer versions go through [`read_progress`]; a file a
//! reader gives (import, the CLI) through [`read_progress_file`].

use crate::load::{decode_text, LoadError};
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

/// A progress value as read: the ticks it holds, and the entries that could not be kept.
#[derive(Debug, Clone, PartialEq)]
pub struct ReadProgress {
    /// The ticks and labels that were readable.
    pub state: ProgressState,
    /// Entries left out, each described for the reader (`items."b": "yes" is not true or
    /// false`): a tick that is not a boolean, a label that is not text.
    pub skipped: Vec<String>,
}

/// Read a progress value of any known version and bring it to the current one, entry by
/// entry: an entry that cannot be read is left out and listed in [`ReadProgress::skipped`],
/// never the reason to refuse the whole value.
///
/// - `"version": 1`: `items` (id → boolean) and `labels` (id → text); other fields ignored;
/// - no `version`, with an `items` object: the same shape with its version missing;
/// - no `version`, every value a plain value (no object, no list): the pre-release flat
///   `{ "id": true }` map, migrated;
/// - a higher version: [`StateError::FutureVersion`];
/// - anything else (not JSON, not an object, another shape): [`StateError::Unreadable`].
pub fn read_progress(raw: &str) -> Result<ReadProgress, StateError> {
    let value: serde_json::Value =
        serde_json::from_str(raw).map_err(|e| StateError::Unreadable(e.to_string()))?;
    let obj = value
        .as_object()
        .ok_or_else(|| StateError::Unreadable("not an object".into()))?;
    let mut skipped = Vec::new();
    let version = match obj.get("version") {
        None if obj.get("items").is_some_and(|v| v.is_object()) => 1,
        None => 0,
        Some(v) => v
            .as_u64()
            .and_then(|v| u32::try_from(v).ok())
            .filter(|v| *v >= 1)
            .ok_or_else(|| StateError::Unreadable(format!("unknown version {v}")))?,
    };
    let state = match version {
        0 => {
            if obj.values().any(|v| v.is_object() || v.is_array()) {
                return Err(StateError::Unreadable(
                    "neither the current format nor the older flat one".into(),
                ));
            }
            ProgressState {
                items: bools("", obj, &mut skipped),
                ..ProgressState::new()
            }
        }
        1 => {
            let items = match obj.get("items") {
                None => BTreeMap::new(),
                Some(serde_json::Value::Object(m)) => bools("items.", m, &mut skipped),
                Some(_) => return Err(StateError::Unreadable("items is not an object".into())),
            };
            let labels = match obj.get("labels") {
                None => BTreeMap::new(),
                Some(serde_json::Value::Object(m)) => texts(m, &mut skipped),
                Some(other) => {
                    skipped.push(format!("labels: {} is not a list of labels", short(other)));
                    BTreeMap::new()
                }
            };
            ProgressState {
                items,
                labels,
                ..ProgressState::new()
            }
        }
        v => return Err(StateError::FutureVersion(v)),
    };
    Ok(ReadProgress { state, skipped })
}

/// Read a progress value of any known version (see [`read_progress`]), without the list of
/// entries left out.
pub fn migrate(raw: &str) -> Result<ProgressState, StateError> {
    read_progress(raw).map(|r| r.state)
}

/// The boolean entries of `m`; the others are listed in `skipped` (named `{prefix}"id"`).
fn bools(
    prefix: &str,
    m: &serde_json::Map<String, serde_json::Value>,
    skipped: &mut Vec<String>,
) -> BTreeMap<String, bool> {
    let mut out = BTreeMap::new();
    for (k, v) in m {
        match v.as_bool() {
            Some(b) => {
                out.insert(k.clone(), b);
            }
            None => skipped.push(format!(
                "{prefix}\"{k}\": {} is not true or false",
                short(v)
            )),
        }
    }
    out
}

/// The text entries of a `labels` object; the others are listed in `skipped`.
fn texts(
    m: &serde_json::Map<String, serde_json::Value>,
    skipped: &mut Vec<String>,
) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for (k, v) in m {
        match v.as_str() {
            Some(t) => {
                out.insert(k.clone(), t.to_string());
            }
            None => skipped.push(format!("labels.\"{k}\": {} is not text", short(v))),
        }
    }
    out
}

/// What a JSON value is, for a message: a text as written (cut to 40 characters), else its
/// kind (not the value itself: serialising JSON would be code the browser downloads for this
/// one message).
fn short(v: &serde_json::Value) -> String {
    use serde_json::Value;
    match v {
        Value::String(t) => {
            let cut: String = t.chars().take(40).collect();
            let more = if cut.len() < t.len() { "…" } else { "" };
            format!("\"{cut}{more}\"")
        }
        Value::Number(_) => "a number".into(),
        Value::Bool(b) => b.to_string(),
        Value::Null => "null".into(),
        Value::Array(_) => "a list".into(),
        Value::Object(_) => "an object".into(),
    }
}

/// Why a progress file ("Export progress", `roadboard export --state`) was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ProgressFileError {
    /// Not text (binary, not UTF-8, empty).
    NotText(LoadError),
    /// Text, but not a roadboard progress value.
    NotProgress(String),
    /// Written by a newer roadboard, whose format this version does not know.
    Newer(u32),
}

impl fmt::Display for ProgressFileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ProgressFileError::NotText(e) => f.write_str(&e.describe("it")),
            ProgressFileError::NotProgress(why) => {
                write!(f, "it is not a roadboard progress file ({why})")
            }
            ProgressFileError::Newer(v) => write!(
                f,
                "it was written by a newer version of roadboard (format version {v}; this version reads version {STATE_VERSION}). Update roadboard to read it"
            ),
        }
    }
}

/// Read a progress file: the one reader of "Import progress…" and `roadboard export --state`.
/// The bytes are text as any document is (UTF-8 with or without a BOM, UTF-16 with one), then
/// a progress value of any known version, read entry by entry ([`read_progress`]).
pub fn read_progress_file(bytes: &[u8]) -> Result<ReadProgress, ProgressFileError> {
    let text = decode_text(bytes).map_err(ProgressFileError::NotText)?;
    read_progress(text.trim_start_matches('\u{feff}')).map_err(|e| match e {
        StateError::FutureVersion(v) => ProgressFileError::Newer(v),
        StateError::Unreadable(why) => ProgressFileError::NotProgress(why),
    })
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
        assert_eq!(v1.items.len(), 2, "non-boolean ticks are left out");
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
        assert!(matches!(
            migrate(r#"{"version":0,"a":true}"#),
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

    /// Issue 13, point 4: `{"items":{…}}` without `version` was read as the flat format (0 of 2
    /// ticks shown, then overwritten); entries that could not be read vanished without a word.
    #[test]
    fn r13_4_no_version_is_not_guessed_and_nothing_is_dropped_silently() {
        let r = read_progress(r#"{"items":{"a":true,"b":true}}"#).expect("v1 shape");
        assert_eq!(
            r.state.items.len(),
            2,
            "read as version 1 without its version"
        );
        assert!(r.skipped.is_empty());
        let r = read_progress(r#"{"a":true,"b":false,"c":"yes"}"#).expect("flat");
        assert_eq!(r.state.items.len(), 2);
        assert_eq!(r.skipped, [r#""c": "yes" is not true or false"#]);
        assert!(matches!(
            read_progress(r#"{"notes":{"a":1}}"#),
            Err(StateError::Unreadable(_))
        ));
        let r = read_progress(
            r#"{"version":1,"items":{"a":true,"b":"yes","c":1},"labels":{"a":"A","b":7}}"#,
        )
        .expect("v1");
        assert_eq!(r.state.items.len(), 1);
        assert_eq!(r.state.labels.len(), 1);
        assert_eq!(
            r.skipped,
            [
                r#"items."b": "yes" is not true or false"#,
                r#"items."c": a number is not true or false"#,
                r#"labels."b": a number is not text"#,
            ]
        );
    }

    /// Issue 13, point 7: one reader for the web's import and `roadboard export --state`.
    #[test]
    fn r13_7_a_progress_file_is_read_as_the_web_reads_it() {
        let ok = |bytes: &[u8]| read_progress_file(bytes).expect("read");
        assert_eq!(ok(b"\xef\xbb\xbf{\"a\":true}").state.items.len(), 1, "BOM");
        assert_eq!(
            ok(br#"{"a":true,"b":false}"#).state.items.len(),
            2,
            "flat map"
        );
        let r = ok(br#"{"version":1,"items":{"a":true,"b":"yes"}}"#);
        assert_eq!(
            (r.state.items.len(), r.skipped.len()),
            (1, 1),
            "one bad entry"
        );
        let mut utf16 = vec![0xFF, 0xFE];
        for u in r#"{"version":1,"items":{"a":true}}"#.encode_utf16() {
            utf16.extend(u.to_le_bytes());
        }
        assert_eq!(ok(&utf16).state.items.len(), 1, "UTF-16");
        let newer = read_progress_file(br#"{"version":99,"items":{}}"#);
        assert_eq!(newer, Err(ProgressFileError::Newer(99)));
        assert!(newer
            .expect_err("newer")
            .to_string()
            .contains("format version 99"));
        assert!(matches!(
            read_progress_file(b"{oops"),
            Err(ProgressFileError::NotProgress(_))
        ));
        assert!(matches!(
            read_progress_file(b""),
            Err(ProgressFileError::NotText(LoadError::Empty))
        ));
    }
}
