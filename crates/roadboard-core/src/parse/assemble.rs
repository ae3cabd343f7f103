//! Stage 7, the model's items, sections and phases: raw records with their ids, each item
//! in its phase (and that phase's parents), task boxes located in the original input,
//! children listed under their parents.

use super::fxhash::FastMap;
use super::ids::Ids;
use super::phases::Built;
use super::source::BoxLocator;
use super::walk::{RawItem, RawSection};
use crate::model::{Diagnostic, Item, Phase, Section};

/// The model's items, sections and phases, ready for the roadmap.
pub(super) struct Assembled {
    /// Items in document order, children after their parent.
    pub(super) items: Vec<Item>,
    /// Sections in document order.
    pub(super) sections: Vec<Section>,
    /// Phases, each listing the items in it.
    pub(super) phases: Vec<Phase>,
}

/// Builds the model's records from the raw ones. A task box that cannot be found in the
/// original input (export would leave it alone) is reported in `diagnostics`.
pub(super) fn assemble(
    items: Vec<RawItem>,
    sections: &[RawSection],
    ids: Ids,
    phases: Built,
    boxes: &BoxLocator<'_>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Assembled {
    let Built {
        phases: mut phase_list,
        section_phase,
        section_in_phase,
    } = phases;
    let Ids {
        sections: section_ids,
        items: item_ids,
    } = ids;
    let items = model_items(
        items,
        item_ids,
        &section_ids,
        &section_in_phase,
        &mut phase_list,
        boxes,
        diagnostics,
    );
    let sections = model_sections(sections, &section_ids, &section_phase, &phase_list);
    Assembled {
        items,
        sections,
        phases: phase_list,
    }
}

/// The model's items: ids moved in, parents and children by id, the innermost phase of
/// each (listed in that phase and its parents), task boxes located.
fn model_items(
    raw_items: Vec<RawItem>,
    mut item_ids: Vec<String>,
    section_ids: &[String],
    section_in_phase: &[Option<usize>],
    phase_list: &mut [Phase],
    boxes: &BoxLocator<'_>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<Item> {
    let phase_index: FastMap<String, usize> = phase_list
        .iter()
        .enumerate()
        .map(|(i, p)| (p.id.clone(), i))
        .collect();
    let mut items: Vec<Item> = Vec::with_capacity(raw_items.len());
    let raw_parents: Vec<Option<usize>> = raw_items.iter().map(|it| it.parent).collect();
    for (k, it) in raw_items.into_iter().enumerate() {
        // moved out: later items find their parent's id in `items` (parents come first)
        // or, should one not, still in `item_ids`
        let id = item_ids.get_mut(k).map(std::mem::take).unwrap_or_default();
        let phase_idx = it
            .heading_section
            .or(it.section)
            .and_then(|s| section_in_phase.get(s).copied().flatten());
        let checkbox_offset = it.checkbox_pos.and_then(|pos| boxes.locate(pos));
        if it.checkbox && checkbox_offset.is_none() {
            diagnostics.push(Diagnostic {
                line: it.line,
                message:
                    "task box could not be located in the original text; export leaves it unchanged"
                        .into(),
            });
        }
        // an item out of scope is not part of its phase's work
        if let Some(p) = phase_idx.filter(|_| it.status.counts()) {
            list_in_phases(phase_list, &phase_index, p, &id);
        }
        items.push(Item {
            id,
            text: it.text,
            title: it.title,
            markdown: it.markdown,
            line: it.line,
            section: it.section.and_then(|s| section_ids.get(s).cloned()),
            checkbox: it.checkbox,
            status: it.status,
            priority: it.priority,
            estimate_days: it.estimate.as_ref().map(|e| e.0),
            estimate_text: it.estimate.map(|e| e.1),
            depends_on: Vec::new(),
            parent: it.parent.and_then(|p| {
                if p < k {
                    items.get(p).map(|x| x.id.clone())
                } else {
                    item_ids.get(p).cloned()
                }
            }),
            checkbox_offset,
            kind: it.kind,
            children: Vec::new(),
            phase: phase_idx
                .and_then(|p| phase_list.get(p))
                .map(|p| p.id.clone()),
            details: it.details,
        });
    }
    // children, by the raw parent indices (items and raw_items share their order)
    for (k, parent) in raw_parents.into_iter().enumerate() {
        let (Some(p), Some(cid)) = (parent, items.get(k).map(|x| x.id.clone())) else {
            continue;
        };
        if let Some(parent) = items.get_mut(p) {
            parent.children.push(cid);
        }
    }
    items
}

/// Lists item `id` in phase `p` and in each phase above it.
fn list_in_phases(
    phase_list: &mut [Phase],
    phase_index: &FastMap<String, usize>,
    p: usize,
    id: &str,
) {
    let mut cur = Some(p);
    let mut guard = 0;
    while let Some(pi) = cur {
        guard += 1;
        if guard > 64 {
            break;
        }
        let Some(ph) = phase_list.get_mut(pi) else {
            break;
        };
        ph.items.push(id.to_string());
        cur = ph
            .parent
            .as_ref()
            .and_then(|pid| phase_index.get(pid).copied());
    }
}

/// The model's sections: ids, parents by id, the phase each names.
fn model_sections(
    sections: &[RawSection],
    section_ids: &[String],
    section_phase: &[Option<usize>],
    phase_list: &[Phase],
) -> Vec<Section> {
    sections
        .iter()
        .enumerate()
        .map(|(k, s)| Section {
            id: section_ids.get(k).cloned().unwrap_or_default(),
            title: s.title.clone(),
            raw_title: s.raw_title.clone(),
            level: s.level,
            line: s.line,
            parent: s.parent.and_then(|p| section_ids.get(p).cloned()),
            // a `#` heading's fields are the whole project's, not its items' (see the walk)
            status: s.own_status.or(s.body_status.filter(|_| s.level > 1)),
            priority: s.own_priority.or(s.body_priority.filter(|_| s.level > 1)),
            phase: section_phase
                .get(k)
                .copied()
                .flatten()
                .filter(|&p| p < phase_list.len())
                .and_then(|p| phase_list.get(p))
                .map(|p| p.id.clone()),
        })
        .collect()
}
