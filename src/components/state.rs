//! The opened document as the views see it: the model, fine-grained tick signals, and the
//! one place ticks are changed and saved.

use crate::board::BoardIndex;
use crate::highlight::DepGraph;
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
    /// The dependency graph, by index.
    pub graph: DepGraph,
    /// The item or phase under the pointer (a preview of selecting it).
    pub hovered: RwSignal<Option<String>>,
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
        let graph = DepGraph::new(&map);
        Arc::new(DocModel {
            doc_id,
            text,
            index,
            graph,
            hovered: RwSignal::new(None),
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
        Effect::new(move |_| roles.with(|r| apply_roles(&m, r)));
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

    /// Whether `id` is the selected item (tracked per id).
    pub fn is_selected(&self, id: &str) -> bool {
        self.selection.selected(&Some(id.to_string()))
    }
}

/// Set `data-highlight` on every element of the opened roadmap that names an item.
fn apply_roles(model: &DocModel, roles: &[Option<crate::highlight::Role>]) {
    use wasm_bindgen::JsCast;
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(list) = doc.query_selector_all("main [data-item-id]") else {
        return;
    };
    for k in 0..list.length() {
        let Some(el) = list
            .item(k)
            .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
        else {
            continue;
        };
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
