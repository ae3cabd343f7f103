//! The opened document as the views see it: the model, fine-grained tick signals, and the
//! one place ticks are changed and saved.

use crate::board::BoardIndex;
use crate::model::{Roadmap, Status};
use crate::progress::ProgressState;
use crate::storage::{write_progress, LocalStorage};
use leptos::prelude::*;
use std::collections::HashMap;
use std::sync::Arc;

/// An opened roadmap and the reader's ticks.
pub struct DocModel {
    /// Storage identity of the document (its address, or `file:…` / `paste:…`).
    pub doc_id: String,
    /// The parsed document.
    pub map: Roadmap,
    /// The document text the model was parsed from (BOM stripped, mojibake repaired).
    pub text: String,
    /// Lookups for laying out the board.
    pub index: BoardIndex,
    /// One signal per item: ticked or not (the reader's tick, else the document's mark).
    pub ticks: Vec<RwSignal<bool>>,
    /// Line → item index, for the Document view's checkboxes.
    pub by_line: HashMap<usize, usize>,
    /// What is saved (only the reader's own ticks).
    state: StoredValue<ProgressState>,
    /// A message for the reader about saving, if any.
    pub notice: RwSignal<Option<String>>,
}

impl DocModel {
    /// Build the model for a document and its saved state.
    pub fn new(
        doc_id: String,
        text: String,
        map: Roadmap,
        state: ProgressState,
        notice: Option<String>,
    ) -> Arc<Self> {
        let ticks = map
            .items
            .iter()
            .map(|i| {
                RwSignal::new(
                    state
                        .items
                        .get(&i.id)
                        .copied()
                        .unwrap_or(i.status == Status::Done),
                )
            })
            .collect();
        let by_line = map
            .items
            .iter()
            .enumerate()
            .filter(|(_, i)| i.checkbox)
            .map(|(n, i)| (i.line, n))
            .collect();
        let index = BoardIndex::new(&map);
        Arc::new(DocModel {
            doc_id,
            text,
            index,
            ticks,
            by_line,
            map,
            state: StoredValue::new(state),
            notice: RwSignal::new(notice),
        })
    }

    /// Whether item `i` is ticked (tracked: the caller re-runs when it changes).
    pub fn ticked(&self, i: usize) -> bool {
        self.ticks.get(i).is_some_and(|t| t.get())
    }

    /// Whether item `i` is ticked, without subscribing.
    pub fn ticked_untracked(&self, i: usize) -> bool {
        self.ticks.get(i).is_some_and(|t| t.get_untracked())
    }

    /// Tick or untick item `i`, and save.
    pub fn set_ticked(&self, i: usize, value: bool) {
        let (Some(sig), Some(item)) = (self.ticks.get(i), self.map.items.get(i)) else {
            return;
        };
        sig.set(value);
        self.state.update_value(|s| {
            s.items.insert(item.id.clone(), value);
        });
        let result = LocalStorage::open().and_then(|kv| {
            self.state
                .with_value(|s| write_progress(&kv, &self.doc_id, s))
        });
        if let Err(e) = result {
            self.notice.set(Some(e.to_string()));
        }
    }

    /// Done and total over all items (tracked).
    pub fn overall(&self) -> (usize, usize) {
        let done = self.ticks.iter().filter(|t| t.get()).count();
        (done, self.ticks.len())
    }
}
