//! Stage 3c, one piece of work, one card: a summary entry ("2. Testing Suite" in a list near
//! the top) and a detail heading with the same title ("### 2. Testing Suite 🧪" later) are one
//! item. The heading is the item, the summary line is dropped; but a summary that is a GFM
//! task stays the item (task counts equal GitHub's) and the heading's body becomes its
//! details. Titles are compared normalised, numbering and emoji ignored; a title that is the
//! other plus words at its end matches it when the shorter has at least three words
//! ("Enhancing key management capabilities" and "### Enhancing Key Management"), but not
//! when a dash or a colon sets the words apart ("Comprehensive Metrics - Swarm metrics" is a
//! part of the theme).

use super::fxhash::FastMap;
use super::grammar;
use super::walk::{RawItem, RawSection};
use crate::model::{ItemKind, Status};

/// `items` with each summary/detail pair made one item (parent indices renumbered).
pub(super) fn merge(mut items: Vec<RawItem>, sections: &[RawSection]) -> Vec<RawItem> {
    // the detail headings, by their key (the first heading of a key wins), and by the
    // first three words of keys of three words or more
    let mut headings: FastMap<String, usize> = FastMap::default();
    let mut by_lead: FastMap<String, Vec<(String, usize)>> = FastMap::default();
    for (i, it) in items.iter().enumerate() {
        if it.kind == ItemKind::Heading && it.heading_section.is_some() {
            let key = grammar::work_key(&it.text);
            if key.is_empty() {
                continue;
            }
            if let Some(lead) = lead_words(&key) {
                by_lead.entry(lead).or_default().push((key.clone(), i));
            }
            headings.entry(key).or_insert(i);
        }
    }
    if headings.is_empty() {
        return items;
    }
    let mut drop = vec![false; items.len()];
    // where the children of a dropped item go
    let mut moved_to: Vec<Option<usize>> = vec![None; items.len()];
    for i in 0..items.len() {
        let Some(it) = items.get(i) else { continue };
        if it.kind == ItemKind::Heading {
            continue;
        }
        let key_of = |t: &str| {
            let key = grammar::work_key(t);
            // "Theme - Part" names a part of the theme, not the theme in more words
            let parts = [" - ", " – ", " — ", ": "]
                .iter()
                .any(|sep| t.contains(sep));
            headings.get(&key).copied().or_else(|| {
                if parts {
                    return None;
                }
                // one title is the other plus words at its end
                let lead = lead_words(&key)?;
                by_lead.get(&lead)?.iter().find_map(|(h, i)| {
                    let (short, long) = if h.len() < key.len() {
                        (h, &key)
                    } else {
                        (&key, h)
                    };
                    long.strip_prefix(short.as_str())
                        .is_some_and(|rest| rest.starts_with(' '))
                        .then_some(*i)
                })
            })
        };
        let h = it
            .title
            .as_deref()
            .and_then(key_of)
            .or_else(|| key_of(&it.text));
        let Some(h) = h else { continue };
        if drop.get(h).copied().unwrap_or(true) {
            continue;
        }
        // an item inside the heading's own section is part of it, not a summary
        let inside = items
            .get(h)
            .and_then(|x| x.heading_section)
            .is_some_and(|hs| within(it.section, hs, sections));
        if inside {
            continue;
        }
        // a task stays the item (its box is the reader's); else the heading does
        let (gone, stays) = if it.checkbox { (h, i) } else { (i, h) };
        absorb(&mut items, gone, stays);
        mark(&mut drop, &mut moved_to, gone, stays);
    }
    if !drop.iter().any(|d| *d) {
        return items;
    }
    // children of a dropped item move to the item that stays
    for it in items.iter_mut() {
        if let Some(p) = it.parent {
            if drop.get(p).copied().unwrap_or(false) {
                it.parent = moved_to.get(p).copied().flatten();
            }
        }
    }
    let mut new_pos = vec![None; items.len()];
    let mut next = 0;
    for (k, d) in drop.iter().enumerate() {
        if !d {
            if let Some(slot) = new_pos.get_mut(k) {
                *slot = Some(next);
            }
            next += 1;
        }
    }
    items
        .into_iter()
        .enumerate()
        .filter(|(k, _)| !drop.get(*k).copied().unwrap_or(false))
        .map(|(_, mut it)| {
            it.parent = it.parent.and_then(|p| new_pos.get(p).copied().flatten());
            it
        })
        .collect()
}

/// What item `gone` says and item `stays` does not, moved to `stays`: its details, priority,
/// estimate and dependency phrases, and its status when `stays` says none of its own (to
/// do, no box).
fn absorb(items: &mut [RawItem], gone: usize, stays: usize) {
    let Some(g) = items.get_mut(gone) else { return };
    let details = g.details.take();
    let deps = std::mem::take(&mut g.deps);
    let (status, priority, estimate) = (g.status, g.priority, g.estimate.take());
    let Some(s) = items.get_mut(stays) else {
        return;
    };
    if s.details.is_none() {
        s.details = details;
    }
    if s.priority.is_none() {
        s.priority = priority;
    }
    if s.estimate.is_none() {
        s.estimate = estimate;
    }
    s.deps.extend(deps);
    if !s.checkbox && s.status == Status::Todo {
        s.status = status;
    }
}

/// The first three words of a key that has at least three.
fn lead_words(key: &str) -> Option<String> {
    let mut words = key.split(' ');
    let lead: Vec<&str> = words.by_ref().take(3).collect();
    (lead.len() == 3).then(|| lead.join(" "))
}

/// Item `gone` is dropped in favour of item `stays`.
fn mark(drop: &mut [bool], moved_to: &mut [Option<usize>], gone: usize, stays: usize) {
    if let Some(d) = drop.get_mut(gone) {
        *d = true;
    }
    if let Some(m) = moved_to.get_mut(gone) {
        *m = Some(stays);
    }
}

/// Whether section `s` is `root` or lies under it.
fn within(mut s: Option<usize>, root: usize, sections: &[RawSection]) -> bool {
    let mut guard = 0;
    while let Some(k) = s {
        if k == root {
            return true;
        }
        guard += 1;
        if guard > 64 {
            break;
        }
        s = sections.get(k).and_then(|x| x.parent);
    }
    false
}
