//! The reader's checklist state: what they ticked, and the Markdown rewritten to match.

use crate::model::{Roadmap, Status};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Version of the stored/exported state format.
pub const STATE_VERSION: u32 = 1;

/// A reader's ticks for one document, keyed by the model's stable item ids.
///
/// This is the format stored in localStorage, downloaded by "Export progress" and read by
/// `roadboard export --state`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ProgressState {
    /// Format version, [`STATE_VERSION`].
    pub version: u32,
    /// Item id → ticked.
    pub items: BTreeMap<String, bool>,
}

impl ProgressState {
    /// An empty state of the current version.
    pub fn new() -> Self {
        ProgressState {
            version: STATE_VERSION,
            items: BTreeMap::new(),
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
}

/// `text` with the checkbox of every item in `state` set as stated; every other byte unchanged.
pub fn export_markdown(text: &str, roadmap: &Roadmap, state: &ProgressState) -> String {
    let mut bytes = text.as_bytes().to_vec();
    for item in &roadmap.items {
        let (Some(off), Some(&want)) = (item.checkbox_offset, state.items.get(&item.id)) else {
            continue;
        };
        if let Some(b) = bytes.get_mut(off) {
            if matches!(*b, b' ' | b'x' | b'X') {
                let is_done = *b != b' ';
                if is_done != want {
                    *b = if want { b'x' } else { b' ' };
                }
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
}
