//! The opened document as the views see it: the model, fine-grained tick signals, the one
//! place ticks are changed and saved, and what is highlighted.

use crate::dom::perf_mark;
use crate::storage::{
    load_progress, replace_progress, save_changes, store, LoadedProgress, SaveMode, StorageError,
};
use crate::undo::{tick_message, Change, UndoLog};
use leptos::prelude::*;
use roadboard_core::board::BoardIndex;
use roadboard_core::docid::DocId;
use roadboard_core::highlight::{DepGraph, Role};
use roadboard_core::model::{Roadmap, Status};
use roadboard_core::notice::Notice;
use roadboard_core::progress::{reconcile, ProgressState};
use std::collections::HashMap;
use std::sync::Arc;

/// An opened roadmap and the reader's ticks.
pub struct DocModel {
    /// Storage identity of the document (its address, or a file or paste kept here).
    pub doc_id: DocId,
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
    /// A message for the reader about saving, storage or what they asked for, if any.
    pub notice: RwSignal<Option<Notice>>,
    /// What the reader did, most recent last, for "Undo" and Ctrl/Cmd+Z.
    pub history: UndoLog,
}

/// How long ticks wait before they are written (a burst of ticks is one write).
const SAVE_DELAY_MS: u64 = 150;

impl DocModel {
    /// Build the model for a document and the progress loaded for it.
    pub fn new(
        doc_id: impl Into<DocId>,
        original: String,
        map: Roadmap,
        loaded: LoadedProgress,
    ) -> Arc<Self> {
        let doc_id = doc_id.into();
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
            text: roadboard_core::render::display_text(&original),
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
            history: UndoLog::new(),
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

    /// Tick or untick item `i` (the reader did: it can be undone); it is saved shortly after
    /// (see [`DocModel::flush`]).
    pub fn set_ticked(self: &Arc<Self>, i: usize, value: bool) {
        if let Some(item) = self.map.items.get(i) {
            let before = self.ticked_untracked(i);
            if before != value {
                self.history
                    .record(Change::Tick { index: i, before }, tick_message(item, value));
            }
        }
        self.apply_tick(i, value);
    }

    /// Tick or untick item `i` without recording it (an undo), saved like any tick.
    pub fn apply_tick(self: &Arc<Self>, i: usize, value: bool) {
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
                    .with_untracked(|n| n.as_ref().is_some_and(Notice::cleared_by_save))
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
                self.notice.set(Some(e.into()));
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

    /// Replace all progress (import, discard) and store it at once; it can be undone.
    pub fn replace_all(&self, state: ProgressState) -> Result<(), StorageError> {
        self.history.record(
            Change::Replace {
                before: self.progress(),
            },
            "Progress replaced".into(),
        );
        self.apply_state(state)
    }

    /// Replace all progress without recording it (an undo) and store it at once.
    pub fn apply_state(&self, state: ProgressState) -> Result<(), StorageError> {
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
        // The reset banner offers "Undo" (the toast makes way for it); Ctrl/Cmd+Z undoes it too.
        self.history.toast.set(None);
        self.history.remember(
            Change::Replace {
                before: self.progress(),
            },
            "Progress reset".into(),
        );
        self.apply_state(ProgressState::new())
    }

    /// Bring back the ticks a reset removed.
    pub fn undo_reset(&self) -> Result<(), StorageError> {
        match self.undo.get_untracked() {
            Some(prev) => {
                self.undo.set(None);
                self.history.forget_replace();
                self.apply_state(prev)
            }
            None => Ok(()),
        }
    }

    /// Undo the reader's most recent change (through the same tick and replace path, so the
    /// undo is saved like a tick). False when there was nothing to undo.
    pub fn undo_last(self: &Arc<Self>) -> bool {
        let Some((change, message)) = self.history.pop() else {
            return false;
        };
        match change {
            Change::Tick { index, before } => self.apply_tick(index, before),
            Change::Replace { before } => {
                self.undo.set(None);
                self.report(self.apply_state(before));
            }
        }
        self.history.show(format!("Undone: {message}"), false);
        true
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

    /// Tell the reader that something they asked for failed, if it did.
    pub fn report(&self, result: Result<(), impl Into<Notice>>) {
        if let Err(e) = result {
            self.notice.set(Some(e.into()));
        }
    }

    /// The name this document's downloads start with (`{name}.progress.json`,
    /// `{name}-timeline.svg`): the slug of its title, or `roadmap`.
    pub fn download_name(&self) -> String {
        download_name(&self.map.title)
    }
}

/// The name downloads of a document titled `title` start with: the title's slug (lowercase
/// letters and digits joined by `-`, at most 60 characters), or `roadmap` when it has none.
pub fn download_name(title: &str) -> String {
    let slug = roadboard_core::slug(title, 60);
    if slug.is_empty() {
        "roadmap".into()
    } else {
        slug
    }
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
    pub roles: Memo<Arc<Vec<Option<Role>>>>,
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
            perf_mark("rb-highlight-dom");
            roles.with(|r| apply_roles(&m, r));
            perf_mark("rb-highlight-dom-end");
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
            .with_untracked(|r| r.get(i).copied().flatten().map(Role::key))
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

#[wasm_bindgen::prelude::wasm_bindgen(module = "/src/js/highlight.js")]
extern "C" {
    /// One DOM pass in JS (see src/js/highlight.js): ids newline-separated, one role letter each.
    fn apply_highlight(selector: &str, attr: &str, ids: &str, roles: &str);
}

fn role_letter(r: Role) -> char {
    match r {
        Role::Selected => 's',
        Role::Upstream => 'u',
        Role::Downstream => 'd',
    }
}

/// Set `data-highlight` on every element of the opened roadmap that names an item.
fn apply_roles(model: &DocModel, roles: &[Option<Role>]) {
    let (mut ids, mut letters) = (String::new(), String::new());
    for (item, role) in model.map.items.iter().zip(roles) {
        if let Some(r) = role {
            if !ids.is_empty() {
                ids.push('\n');
            }
            ids.push_str(&item.id);
            letters.push(role_letter(*r));
        }
    }
    apply_highlight("main [data-item-id]", "data-item-id", &ids, &letters);
}

/// Set `data-highlight` on every element that names a phase (timeline bars and rows).
fn apply_phase_roles(model: &DocModel, focus: Option<&str>) {
    let on_screen = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector("main [data-phase-id]").ok().flatten())
        .is_some();
    if !on_screen {
        return; // no timeline on screen: nothing to compute
    }
    let roles = focus.map(|f| model.graph.node_roles(f)).unwrap_or_default();
    let (mut ids, mut letters) = (String::new(), String::new());
    for phase in &model.map.phases {
        if let Some(r) = roles.get(phase.id.as_str()) {
            if !ids.is_empty() {
                ids.push('\n');
            }
            ids.push_str(&phase.id);
            letters.push(role_letter(*r));
        }
    }
    apply_highlight("main [data-phase-id]", "data-phase-id", &ids, &letters);
}
