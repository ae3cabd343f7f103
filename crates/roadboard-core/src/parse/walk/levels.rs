//! A heading that is only a level word ("Medium", "High", "Must") states a priority only
//! when its sibling headings are priority levels too: "High" / "Medium" / "Low", "P0" /
//! "P1", "Must" / "Should" / "Could". Under "Small" / "Medium" / "Large" it is a size, and
//! alone nothing says it is a level. Siblings about the document (Notes, Legend) or stating
//! a status (Done) do not count against it. Decided once every heading is read: the walk
//! gave such a heading its priority, and this takes it back (from the heading, the headings
//! under it and the items that only inherited it).

use super::records::Collected;
use crate::model::Priority;
use crate::parse::grammar;

/// Takes the priority back from every bare level-word heading whose siblings are not all
/// priority levels (see the module doc).
pub(super) fn settle_bare_levels(out: &mut Collected) {
    if !out.sections.iter().any(|s| s.bare_level) {
        return;
    }
    let n = out.sections.len();
    // per parent (index + 1; 0 = top level): siblings that are priority levels, and siblings
    // that are something else (neither a level, a status nor about the document)
    let mut levels = vec![0usize; n + 1];
    let mut others = vec![0usize; n + 1];
    for s in &out.sections {
        let p = s.parent.map_or(0, |p| p + 1);
        if s.own_priority.is_some() {
            if let Some(c) = levels.get_mut(p) {
                *c += 1;
            }
        } else if s.own_status.is_none() && !s.meta {
            if let Some(c) = others.get_mut(p) {
                *c += 1;
            }
        }
    }
    // the priority each section had, and whether it is taken back from it or its parent
    let mut before: Vec<Option<Priority>> = Vec::with_capacity(n);
    let mut changed = vec![false; n];
    for k in 0..n {
        let Some(s) = out.sections.get(k) else {
            break;
        };
        before.push(s.priority);
        let p = s.parent.map_or(0, |p| p + 1);
        let alone = s.bare_level
            && (levels.get(p).copied().unwrap_or(0) < 2 || others.get(p).copied().unwrap_or(0) > 0);
        let parent_changed = s
            .parent
            .is_some_and(|q| changed.get(q).copied().unwrap_or(false));
        if !alone && !parent_changed {
            continue;
        }
        let parent_priority = s
            .parent
            .and_then(|q| out.sections.get(q))
            .and_then(|q| q.priority);
        let Some(s) = out.sections.get_mut(k) else {
            break;
        };
        if alone {
            s.own_priority = None;
            s.bare_level = false;
            if s.own_status.is_none() {
                s.status_in_words = false;
            }
        }
        s.priority = s
            .own_priority
            .or(s.body_priority.filter(|_| s.level > 1))
            .or(parent_priority);
        if let Some(c) = changed.get_mut(k) {
            *c = true;
        }
    }
    // items that only had their section's priority follow it
    for it in &mut out.items {
        let Some(k) = it
            .section
            .filter(|&k| changed.get(k).copied().unwrap_or(false))
        else {
            continue;
        };
        let old = before.get(k).copied().flatten();
        if it.priority.is_none() || it.priority != old || grammar::item_priority(&it.text).is_some()
        {
            continue;
        }
        it.priority = out.sections.get(k).and_then(|s| s.priority);
    }
}
