//! The opened document as the views see it: the model, fine-grained tick signals, and the
//! one place ticks are changed and saved.

use crate::board::BoardIndex;
use crate::highlight::DepGraph;
use crate::model::{Roadmap, Status};
use crate::progress::{reconcile, ProgressState};
use crate::storage::{
    load_progress, replace_progress, save_changes, store, LoadedProgress, SaveMode, StorageError,
};
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
    /// The document exactly as loaded (for "Download Markdown": every byte kept).
    pub original: String,
    /// Lookups for laying out the board.
    pub index: BoardIndex,
    /// The dependency graph, by index.
    pub graph: DepGraph,
    /// The item or phase under the pointer (a preview of selecting it).
    pub hovered: RwSignal<Option<String>>,
    /// One signal per item: ticked or not (the reader's tick, else the document's mark).
    pub ticks: Vec<RwSignal<bool>>,
    /// Line → item index, for the Document view's checkboxes.
    pub by_line: HashMap<usize, usize>,
    /// Everything the reader ticked (saved and pending), as it would be stored.
    state: StoredValue<ProgressState>,
    /// Ticks not yet written to storage.
    pending: StoredValue<ProgressState>,
    /// A write is scheduled.
    flush_scheduled: StoredValue<bool>,
    /// Whether ticks can be saved.
    pub mode: RwSignal<SaveMode>,
    /// Saved ticks whose item is no longer in the document: (id, last known text).
    pub orphans: RwSignal<Vec<(String, String)>>,
    /// The state before a reset, for "Undo".
    pub undo: RwSignal<Option<ProgressState>>,
    /// A message for the reader about saving, if any.
    pub notice: RwSignal<Option<String>>,
}

/// How long ticks wait before they are written (a burst of ticks is one write).
const SAVE_DELAY_MS: u64 = 150;

impl DocModel {
    /// Build the model for a document and the progress loaded for it.
    pub fn new(
        doc_id: String,
        original: String,
        map: Roadmap,
        loaded: LoadedProgress,
    ) -> Arc<Self> {
        let state = loaded.state;
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
        let graph = DepGraph::new(&map);
        let orphans = reconcile(&map, &state).orphans;
        Arc::new(DocModel {
            doc_id,
            text: crate::render::display_text(&original),
            original,
            index,
            graph,
            hovered: RwSignal::new(None),
            ticks,
            by_line,
            map,
            state: StoredValue::new(state),
            pending: StoredValue::new(ProgressState::new()),
            flush_scheduled: StoredValue::new(false),
            mode: RwSignal::new(loaded.mode),
            orphans: RwSignal::new(orphans),
            undo: RwSignal::new(None),
            notice: RwSignal::new(loaded.notice),
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

    /// Tick or untick item `i`; it is saved shortly after (see [`DocModel::flush`]).
    pub fn set_ticked(self: &Arc<Self>, i: usize, value: bool) {
        let (Some(sig), Some(item)) = (self.ticks.get(i), self.map.items.get(i)) else {
            return;
        };
        sig.set(value);
        let label = item.title.clone().unwrap_or_else(|| item.text.clone());
        self.state.update_value(|s| s.set(&item.id, value, &label));
        self.pending
            .update_value(|s| s.set(&item.id, value, &label));
        if !self.flush_scheduled.get_value() {
            self.flush_scheduled.set_value(true);
            let me = self.clone();
            set_timeout(
                move || me.flush(),
                std::time::Duration::from_millis(SAVE_DELAY_MS),
            );
        }
    }

    /// Write pending ticks now, merged over what is stored (another tab's ticks are kept).
    /// On failure the ticks stay in this tab and the reader is told why.
    pub fn flush(&self) {
        self.flush_scheduled.set_value(false);
        if self.pending.with_value(|p| p.items.is_empty())
            || self.mode.get_untracked() != SaveMode::Saved
        {
            return;
        }
        let changes = self.pending.get_value();
        match store().and_then(|kv| save_changes(kv.as_ref(), &self.doc_id, &changes)) {
            Ok(merged) => {
                self.pending.set_value(ProgressState::new());
                self.state.set_value(merged);
                if self
                    .notice
                    .with_untracked(|n| n.as_deref().is_some_and(is_storage_notice))
                {
                    self.notice.set(None);
                }
            }
            Err(e) => {
                if matches!(e, StorageError::ReadOnly(_) | StorageError::Unavailable) {
                    self.mode.set(if matches!(e, StorageError::Unavailable) {
                        SaveMode::MemoryOnly
                    } else {
                        SaveMode::ReadOnly
                    });
                }
                self.notice.set(Some(e.to_string()));
            }
        }
    }

    /// Another tab changed the stored progress: show its ticks (this tab's unsaved ones win).
    pub fn reload_from_storage(&self) {
        let Ok(kv) = store() else { return };
        let loaded = load_progress(kv.as_ref(), &self.doc_id);
        if loaded.mode != SaveMode::Saved {
            return;
        }
        let merged = self.pending.with_value(|p| loaded.state.merged_with(p));
        self.show_state(&merged);
        self.state.set_value(merged);
    }

    fn show_state(&self, state: &ProgressState) {
        for (item, sig) in self.map.items.iter().zip(&self.ticks) {
            let v = state
                .items
                .get(&item.id)
                .copied()
                .unwrap_or(item.status == Status::Done);
            if sig.get_untracked() != v {
                sig.set(v);
            }
        }
        self.orphans.set(reconcile(&self.map, state).orphans);
    }

    /// Replace all progress (import, reset, undo, discard) and store it at once.
    pub fn replace_all(&self, state: ProgressState) -> Result<(), StorageError> {
        self.pending.set_value(ProgressState::new());
        self.show_state(&state);
        self.state.set_value(state.clone());
        if self.mode.get_untracked() != SaveMode::Saved {
            return Ok(());
        }
        store().and_then(|kv| replace_progress(kv.as_ref(), &self.doc_id, &state))
    }

    /// Everything the reader ticked, in the export format.
    pub fn progress(&self) -> ProgressState {
        self.state.get_value()
    }

    /// "Reset progress": forget every tick (kept for [`DocModel::undo_reset`]).
    pub fn reset(&self) -> Result<(), StorageError> {
        self.undo.set(Some(self.progress()));
        self.replace_all(ProgressState::new())
    }

    /// Bring back the ticks a reset removed.
    pub fn undo_reset(&self) -> Result<(), StorageError> {
        match self.undo.get_untracked() {
            Some(prev) => {
                self.undo.set(None);
                self.replace_all(prev)
            }
            None => Ok(()),
        }
    }

    /// Drop the saved ticks whose item is gone (the reader asked to).
    pub fn discard_orphans(&self) -> Result<(), StorageError> {
        let ids: Vec<String> = self
            .orphans
            .get_untracked()
            .into_iter()
            .map(|(id, _)| id)
            .collect();
        self.replace_all(self.progress().without(&ids))
    }

    /// Done and total over all items (tracked).
    pub fn overall(&self) -> (usize, usize) {
        let done = self.ticks.iter().filter(|t| t.get()).count();
        (done, self.ticks.len())
    }
}

fn is_storage_notice(n: &str) -> bool {
    n.contains("storage") || n.contains("Saving progress")
}

/// What is highlighted: the hovered id, else the selected one, and every item's role.
///
/// Roles reach the DOM through one effect that sets `data-highlight` on the elements that
/// carry `data-item-id` (cards, sub-items, document checkboxes): one pass over the page,
/// instead of thousands of per-card reactive closures, keeps a 5,000-item update in a frame.
#[derive(Clone)]
pub struct Highlight {
    /// The id whose dependencies are shown.
    pub focus: Memo<Option<String>>,
    /// Role of every item (by index) relative to `focus`.
    pub roles: Memo<Arc<Vec<Option<crate::highlight::Role>>>>,
    /// The selected id, as a keyed selector: only the cards whose selection changed re-run.
    pub selection: Selector<Option<String>>,
}

impl Highlight {
    /// Build the highlight for a document from the selection in `view` and the hover.
    pub fn new(model: &Arc<DocModel>, selected: Memo<Option<String>>) -> Self {
        let hovered = model.hovered;
        let focus = Memo::new(move |_| hovered.get().or_else(|| selected.get()));
        let m = model.clone();
        let roles = Memo::new(move |_| {
            let n = m.map.items.len();
            Arc::new(focus.with(|f| {
                f.as_deref()
                    .map_or_else(|| vec![None; n], |id| m.graph.roles(id, n))
            }))
        });
        let m = model.clone();
        Effect::new(move |_| {
            roles.with(|r| apply_roles(&m, r));
            focus.with(|f| apply_phase_roles(&m, f.as_deref()));
        });
        let selection = Selector::new(move || selected.get());
        Highlight {
            focus,
            roles,
            selection,
        }
    }

    /// The `data-highlight` value of item `i` now, for drawing a new element (not tracked:
    /// later changes arrive through the page-wide effect).
    pub fn role_key_now(&self, i: usize) -> Option<&'static str> {
        self.roles
            .with_untracked(|r| r.get(i).copied().flatten().map(crate::highlight::Role::key))
    }

    /// Apply the current highlight again to elements drawn after it changed (the timeline
    /// redraws its bars as markup).
    pub fn reapply(&self, model: &DocModel) {
        self.roles.with_untracked(|r| apply_roles(model, r));
        self.focus
            .with_untracked(|f| apply_phase_roles(model, f.as_deref()));
    }

    /// Whether `id` is the selected item (tracked per id).
    pub fn is_selected(&self, id: &str) -> bool {
        self.selection.selected(&Some(id.to_string()))
    }
}

/// Set `data-highlight` on every element of the opened roadmap that names an item.
fn apply_roles(model: &DocModel, roles: &[Option<crate::highlight::Role>]) {
    for el in crate::app::query_all(None, "main [data-item-id]") {
        let role = el
            .get_attribute("data-item-id")
            .and_then(|id| model.index.item_pos.get(&id).copied())
            .and_then(|i| roles.get(i).copied().flatten())
            .map(crate::highlight::Role::key);
        let current = el.get_attribute("data-highlight");
        match (role, current.as_deref()) {
            (Some(r), Some(c)) if r == c => {}
            (Some(r), _) => {
                let _ = el.set_attribute("data-highlight", r);
            }
            (None, Some(_)) => {
                let _ = el.remove_attribute("data-highlight");
            }
            (None, None) => {}
        }
    }
}

/// Set `data-highlight` on every element that names a phase (timeline bars and rows).
fn apply_phase_roles(model: &DocModel, focus: Option<&str>) {
    let list = crate::app::query_all(None, "main [data-phase-id]");
    if list.is_empty() {
        return; // no timeline on screen: nothing to compute
    }
    let roles = focus.map(|f| model.graph.node_roles(f)).unwrap_or_default();
    for el in list {
        let role = el
            .get_attribute("data-phase-id")
            .and_then(|id| roles.get(id.as_str()).copied())
            .map(crate::highlight::Role::key);
        match role {
            Some(r) => {
                if el.get_attribute("data-highlight").as_deref() != Some(r) {
                    let _ = el.set_attribute("data-highlight", r);
                }
            }
            None => {
                if el.has_attribute("data-highlight") {
                    let _ = el.remove_attribute("data-highlight");
                }
            }
        }
    }
}
