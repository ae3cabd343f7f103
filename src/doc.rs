//! The opened document as the views see it: the model, fine-grained tick signals, the one
//! place ticks are changed and saved, and what is highlighted.

use crate::dom::perf_mark;
use crate::storage::{
    clear_progress, load_progress, replace_progress, save_changes, save_start_date, store,
    LoadedProgress, SaveMode, StorageError,
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
    /// How many items are ticked, kept in step with `ticks` (one signal to watch, not 100,000).
    done: RwSignal<usize>,
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
    /// Why ticks are not being saved now, if they are not (a notice of a kind whose
    /// [`Notice::ticks_stay_in_tab`] holds): shown on the document until it is resolved.
    pub storage: RwSignal<Option<Notice>>,
    /// Why the document's own text could not be kept in this browser, if it could not (a file
    /// or a paste with storage full or blocked): a reload will not find it.
    pub text_not_kept: RwSignal<Option<StorageError>>,
    /// Saved ticks whose item is no longer in the document: (id, last known text).
    pub orphans: RwSignal<Vec<(String, String)>>,
    /// The last change of all ticks (reset, import, restore), for "Undo".
    pub undo: RwSignal<Option<Undo>>,
    /// A message for the reader: what happened when the progress was read, or the outcome of
    /// something they asked for.
    pub notice: RwSignal<Option<Notice>>,
    /// What the reader did, most recent last, for "Undo" and Ctrl/Cmd+Z.
    pub history: UndoLog,
    /// This model's number among the models made in this page: the highlight's JS side
    /// knows a document's ids by it (see `apply_roles`).
    serial: u32,
}

/// The number of the next [`DocModel`] made in this page.
static NEXT_SERIAL: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(1);

/// A change of all ticks that can be undone.
#[derive(Debug, Clone, PartialEq)]
pub struct Undo {
    /// What was done, in words ("Progress reset (3 ticks forgotten).").
    pub message: String,
    /// The ticks before it.
    pub previous: ProgressState,
}

/// Where a change the reader asked for was kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kept {
    /// Stored in this browser.
    Saved,
    /// Shown in this tab only: ticks cannot be saved here now (see [`DocModel::storage`]).
    InThisTab,
}

/// How long ticks wait before they are written (a burst of ticks is one write).
const SAVE_DELAY_MS: u64 = 150;

impl DocModel {
    /// Whether `id` is an item, a phase or a section of this document.
    pub fn names(&self, id: &str) -> bool {
        self.index.item_pos.contains_key(id)
            || self.map.phases.iter().any(|p| p.id == id)
            || self.map.sections.iter().any(|s| s.id == id)
    }

    /// Build the model for a document and the progress loaded for it.
    pub fn new(
        doc_id: impl Into<DocId>,
        original: String,
        map: Roadmap,
        loaded: LoadedProgress,
    ) -> Arc<Self> {
        let doc_id = doc_id.into();
        let state = loaded.state;
        let ticked: Vec<bool> = map
            .items
            .iter()
            .map(|i| {
                state
                    .items
                    .get(&i.id)
                    .copied()
                    .unwrap_or(i.status == Status::Done)
            })
            .collect();
        let done = RwSignal::new(ticked.iter().filter(|t| **t).count());
        let ticks = ticked.into_iter().map(RwSignal::new).collect();
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
        let (storage, notice) = match loaded.notice {
            Some(n) if n.ticks_stay_in_tab() => (Some(n), None),
            other => (None, other),
        };
        Arc::new(DocModel {
            doc_id,
            text: roadboard_core::render::display_text(&original),
            original,
            index,
            graph,
            hovered: RwSignal::new(None),
            ticks,
            done,
            by_line,
            map,
            state: StoredValue::new(state),
            pending: StoredValue::new(ProgressState::new()),
            flush_scheduled: StoredValue::new(false),
            mode: RwSignal::new(loaded.mode),
            storage: RwSignal::new(storage),
            text_not_kept: RwSignal::new(None),
            orphans: RwSignal::new(orphans),
            undo: RwSignal::new(None),
            notice: RwSignal::new(notice),
            history: UndoLog::new(),
            serial: NEXT_SERIAL.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
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
        self.set_signal(*sig, value);
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
                self.saved();
            }
            Err(e) => self.not_saved(e),
        }
    }

    /// A write succeeded: a notice that said ticks were not saved is obsolete.
    fn saved(&self) {
        if self
            .storage
            .with_untracked(|n| n.as_ref().is_some_and(Notice::cleared_by_save))
        {
            self.storage.set(None);
        }
    }

    /// A write failed: ticks stay in this tab, and the reader is told why where they are.
    fn not_saved(&self, e: StorageError) {
        match e {
            StorageError::ReadOnly(_) => self.mode.set(SaveMode::ReadOnly),
            StorageError::Unavailable => self.mode.set(SaveMode::MemoryOnly),
            _ => {}
        }
        self.storage.set(Some(e.into()));
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
            self.set_signal(*sig, v);
        }
        self.orphans.set(reconcile(&self.map, state).orphans);
    }

    /// Replace all progress (import, reset, undo, discard, restore) and store it at once, when
    /// ticks can be saved here; says where it was kept.
    pub fn replace_all(&self, state: ProgressState) -> Result<Kept, StorageError> {
        self.pending.set_value(ProgressState::new());
        self.show_state(&state);
        self.state.set_value(state.clone());
        if self.mode.get_untracked() != SaveMode::Saved {
            return Ok(Kept::InThisTab);
        }
        match store().and_then(|kv| replace_progress(kv.as_ref(), &self.doc_id, &state)) {
            Ok(()) => {
                self.saved();
                Ok(Kept::Saved)
            }
            Err(e) => {
                self.not_saved(e.clone());
                Err(e)
            }
        }
    }

    /// Replace all progress with `state` and offer "Undo"; `done` says what was done. When it
    /// could not be saved the words say so (the storage banner says why).
    pub fn replace_undoably(&self, done: String, state: ProgressState) {
        let previous = self.progress();
        // Ctrl/Cmd+Z undoes it too; the banner's "Undo" is the one shown (the toast makes way).
        self.history.toast.set(None);
        self.history.remember(
            Change::Replace {
                before: previous.clone(),
            },
            done.clone(),
        );
        let message = match self.replace_all(state) {
            Ok(Kept::Saved) => done,
            Ok(Kept::InThisTab) => {
                format!("{done} Kept in this tab only: {}.", self.why_not_saved())
            }
            Err(_) => format!("{done} Kept in this tab only: it could not be saved."),
        };
        self.undo.set(Some(Undo { message, previous }));
    }

    /// Why ticks are not saved here now, as a clause.
    fn why_not_saved(&self) -> &'static str {
        match self.mode.get_untracked() {
            SaveMode::ReadOnly => "the saved progress is from a newer roadboard and is not changed",
            SaveMode::MemoryOnly => "your browser blocked storage",
            SaveMode::Locked => "the stored value could not be read or kept aside",
            SaveMode::Saved => "it could not be saved",
        }
    }

    /// Everything the reader ticked, in the export format.
    pub fn progress(&self) -> ProgressState {
        self.state.get_value()
    }

    /// "Reset progress": forget every tick (undoable). A stored value that could neither be
    /// read nor kept aside ([`SaveMode::Locked`]) is cleared for real first.
    pub fn reset(&self) {
        if self.mode.get_untracked() == SaveMode::Locked {
            self.clear_locked();
        }
        let n = self.progress().items.len();
        let s = if n == 1 { "" } else { "s" };
        self.replace_undoably(
            format!("Progress reset ({n} tick{s} forgotten)."),
            ProgressState::new(),
        );
    }

    /// Bring back the ticks the last reset, import or restore replaced.
    pub fn undo_last(&self) {
        if let Some(undo) = self.undo.get_untracked() {
            self.undo.set(None);
            self.history.forget_replace();
            // A failure is shown by the storage banner (see `not_saved`).
            let _ = self.replace_all(undo.previous);
        }
    }

    /// Delete a stored value that could neither be read nor kept aside (after the reader was
    /// offered its download), and save this tab's ticks from now on.
    pub fn clear_locked(&self) {
        match store().and_then(|kv| clear_progress(kv.as_ref(), &self.doc_id)) {
            Ok(()) => {
                self.mode.set(SaveMode::Saved);
                self.storage.set(None);
                // A failure is shown by the storage banner (see `not_saved`).
                let _ = self.replace_all(self.progress());
            }
            Err(e) => self.not_saved(e),
        }
    }

    /// Undo the reader's most recent change (through the same tick and replace path, so the
    /// undo is saved like a tick). False when there was nothing to undo.
    pub fn undo_recent(self: &Arc<Self>) -> bool {
        let Some((change, message)) = self.history.pop() else {
            return false;
        };
        match change {
            Change::Tick { index, before } => self.apply_tick(index, before),
            Change::Replace { before } => {
                self.undo.set(None);
                // A failure is shown by the storage banner (see `not_saved`).
                let _ = self.replace_all(before);
            }
        }
        self.history.show(format!("Undone: {message}"), false);
        true
    }

    /// Drop the saved ticks whose item is gone (the reader asked to).
    pub fn discard_orphans(&self) -> Result<Kept, StorageError> {
        let ids: Vec<String> = self
            .orphans
            .get_untracked()
            .into_iter()
            .map(|(id, _)| id)
            .collect();
        self.replace_all(self.progress().without(&ids))
    }

    /// Keep the timeline's start date (`None`: forget it); a failure is said, not swallowed.
    pub fn save_start_date(&self, date: Option<&str>) {
        if let Err(e) = store().and_then(|kv| save_start_date(kv.as_ref(), &self.doc_id, date)) {
            self.notice.set(Some(Notice::outcome(format!(
                "The start date is used in this tab but could not be saved. {e}"
            ))));
        }
    }

    /// Set one item's tick signal (if it changes), keeping the count of ticked items in step.
    fn set_signal(&self, sig: RwSignal<bool>, value: bool) {
        if sig.get_untracked() != value {
            sig.set(value);
            self.done
                .update(|d| *d = if value { *d + 1 } else { d.saturating_sub(1) });
        }
    }

    /// Done and total over the items that count (tracked): an item out of scope counts only
    /// once the reader ticks it. Ticks are counted as they change (`done`); only the few items
    /// that do not count are looked at here.
    pub fn overall(&self) -> (usize, usize) {
        let done = self.done.get();
        let mut total = self.ticks.len();
        for (item, tick) in self.map.items.iter().zip(&self.ticks) {
            if !item.status.counts() && !tick.get() {
                total = total.saturating_sub(1);
            }
        }
        (done, total)
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
        let m = model.clone();
        // A link may name an id this document does not have: nothing is then highlighted
        // (the board is not dimmed around nothing).
        let focus = Memo::new(move |_| {
            hovered
                .get()
                .or_else(|| selected.get())
                .filter(|id| m.names(id))
        });
        let m = model.clone();
        let roles = Memo::new(move |_| {
            let n = m.map.items.len();
            Arc::new(focus.with(|f| {
                f.as_deref()
                    .map_or_else(|| vec![None; n], |id| m.graph.roles(id, n))
            }))
        });
        let m = model.clone();
        Effect::new(move |first: Option<()>| {
            // Opening with nothing highlighted: the elements were drawn without a highlight
            // (`role_key_now`), so there is nothing to set; the board gets one pass less.
            if first.is_none() && focus.with(Option::is_none) {
                roles.track();
                return;
            }
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
    /// Whether the JS side knows the ids of document `doc` for `attr` (see src/js/highlight.js).
    fn highlight_knows(attr: &str, doc: u32) -> bool;
    /// Tell the JS side the ids of document `doc` for `attr`: newline-separated, in order.
    fn highlight_learn(attr: &str, doc: u32, ids: &str);
    /// One DOM pass in JS: `roles` holds one letter per learnt id, in the same order.
    fn apply_highlight(selector: &str, attr: &str, roles: &str);
}

fn role_letter(r: Option<&Role>) -> char {
    match r {
        Some(Role::Selected) => 's',
        Some(Role::Upstream) => 'u',
        Some(Role::Downstream) => 'd',
        None => '-',
    }
}

/// Send the JS side the ids of `model` for `attr` unless it knows them: once per document,
/// not once per change of highlight (5,000 ids on a 5,000-item board).
fn learn_ids<'a>(model: &DocModel, attr: &str, ids: impl Iterator<Item = &'a str>) {
    if highlight_knows(attr, model.serial) {
        return;
    }
    let mut all = String::new();
    for id in ids {
        if !all.is_empty() {
            all.push('\n');
        }
        all.push_str(id);
    }
    highlight_learn(attr, model.serial, &all);
}

/// Set `data-highlight` on every element of the opened roadmap that names an item.
fn apply_roles(model: &DocModel, roles: &[Option<Role>]) {
    let items = &model.map.items;
    learn_ids(model, "data-item-id", items.iter().map(|i| i.id.as_str()));
    let letters: String = (0..items.len())
        .map(|i| role_letter(roles.get(i).and_then(Option::as_ref)))
        .collect();
    apply_highlight("main [data-item-id]", "data-item-id", &letters);
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
    let phases = &model.map.phases;
    learn_ids(model, "data-phase-id", phases.iter().map(|p| p.id.as_str()));
    let letters: String = phases
        .iter()
        .map(|p| role_letter(roles.get(p.id.as_str())))
        .collect();
    apply_highlight("main [data-phase-id]", "data-phase-id", &letters);
}
