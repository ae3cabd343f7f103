//! Stage 3c, one piece of work, one card: a summary entry ("2. Testing Suite" in a list near
//! the top) and a detail heading with the same title ("### 2. Testing Suite 🧪" later) are one
//! item. The heading is the item, the summary line is dropped; but a summary that is a GFM
//! task stays the item (task counts equal GitHub's) and the heading's body becomes its
//! details. Titles are compared normalised, numbering and emoji ignored; a title that is the
//! other plus words at its end matches it when the shorter has at least three words
//! ("Enhancing key management capabilities" and "### Enhancing Key Management"), but not
//! when a dash or a colon sets the words apart ("Comprehensive Metrics - Swarm metrics" is a
//! part of the theme).

use super::fxhash::{FastMap, FastSet};
use super::grammar;
use super::walk::{RawItem, RawSection};
use crate::model::{ItemKind, Status};

/// A title's [`work_key`](grammar::work_key) as hashes, computed without allocating (most
/// items match no heading): the hash of the key, of its first three words, and its number
/// of words.
#[derive(Clone, Copy, PartialEq, Eq)]
struct KeyHash {
    whole: u64,
    lead: Option<u64>,
    words: usize,
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0100_0000_01b3;

fn fnv(h: u64, bytes: &[u8]) -> u64 {
    bytes
        .iter()
        .fold(h, |h, b| (h ^ u64::from(*b)).wrapping_mul(FNV_PRIME))
}

/// The hashes of `text`'s key: lowercase words of letters and digits, leading numbers
/// ("2.", "1.1") dropped, joined by single spaces.
fn key_hash(text: &str) -> KeyHash {
    let mut whole = FNV_OFFSET;
    let mut lead = None;
    let mut words = 0;
    let mut word_digits_only = true;
    let mut in_word = false;
    // a word is buffered until it is known not to be leading numbering
    let mut pending: [u8; 32] = [0; 32];
    let mut pending_len = 0usize;
    let mut pending_spill = false;
    let mut started = false;
    let mut end_word = |pending: &[u8], digits_only: bool, spill: bool, words: &mut usize| {
        if !started && digits_only && !spill {
            return;
        }
        if started {
            whole = fnv(whole, b" ");
        }
        started = true;
        whole = fnv(whole, pending);
        *words += 1;
        if *words == 3 {
            lead = Some(whole);
        }
    };
    let mut buf = [0u8; 4];
    for c in text.chars() {
        if c.is_alphanumeric() {
            for l in c.to_lowercase() {
                let bytes = l.encode_utf8(&mut buf).as_bytes();
                word_digits_only &= l.is_ascii_digit();
                for b in bytes {
                    if let Some(slot) = pending.get_mut(pending_len) {
                        *slot = *b;
                        pending_len += 1;
                    } else {
                        pending_spill = true;
                    }
                }
            }
            in_word = true;
        } else if in_word {
            end_word(
                pending.get(..pending_len).unwrap_or(&[]),
                word_digits_only,
                pending_spill,
                &mut words,
            );
            pending_len = 0;
            pending_spill = false;
            word_digits_only = true;
            in_word = false;
        }
    }
    if in_word {
        end_word(
            pending.get(..pending_len).unwrap_or(&[]),
            word_digits_only,
            pending_spill,
            &mut words,
        );
    }
    KeyHash { whole, lead, words }
}

/// The hash of the first word of a title's key, lowercased (leading numbers skipped).
fn first_word(text: &str) -> Option<u64> {
    let word = text
        .split(|c: char| !c.is_alphanumeric())
        .find(|w| !w.is_empty() && !w.bytes().all(|b| b.is_ascii_digit()))?;
    let mut h = FNV_OFFSET;
    let mut buf = [0u8; 4];
    for c in word.chars().flat_map(char::to_lowercase) {
        h = fnv(h, c.encode_utf8(&mut buf).as_bytes());
    }
    Some(h)
}

/// `items` with each summary/detail pair made one item (parent indices renumbered).
pub(super) fn merge(mut items: Vec<RawItem>, sections: &[RawSection]) -> Vec<RawItem> {
    // the detail headings by the hash of their key (the first heading of a key wins), and
    // by the hash of the first three words of keys of three words or more
    let mut headings: FastMap<u64, usize> = FastMap::default();
    let mut by_lead: FastMap<u64, Vec<usize>> = FastMap::default();
    for (i, it) in items.iter().enumerate() {
        if it.kind == ItemKind::Heading && it.heading_section.is_some() {
            let key = key_hash(&it.text);
            if key.words == 0 {
                continue;
            }
            if let Some(lead) = key.lead {
                by_lead.entry(lead).or_default().push(i);
            }
            headings.entry(key.whole).or_insert(i);
        }
    }
    if headings.is_empty() {
        return items;
    }
    // the first word of every heading's key: most items start with none of them
    let first_words: FastSet<u64> = items
        .iter()
        .filter(|it| it.kind == ItemKind::Heading && it.heading_section.is_some())
        .filter_map(|it| first_word(&it.text))
        .collect();
    let mut drop = vec![false; items.len()];
    // where the children of a dropped item go
    let mut moved_to: Vec<Option<usize>> = vec![None; items.len()];
    for i in 0..items.len() {
        let Some(it) = items.get(i) else { continue };
        if it.kind == ItemKind::Heading {
            continue;
        }
        let key_of = |t: &str| {
            if !first_word(t).is_some_and(|w| first_words.contains(&w)) {
                return None;
            }
            let key = key_hash(t);
            headings.get(&key.whole).copied().or_else(|| {
                // "Theme - Part" names a part of the theme, not the theme in more words
                if [" - ", " – ", " — ", ": "]
                    .iter()
                    .any(|sep| t.contains(sep))
                {
                    return None;
                }
                // one title is the other plus words at its end (checked on the keys)
                let candidates = by_lead.get(&key.lead?)?;
                let mine = grammar::work_key(t);
                candidates.iter().copied().find(|&h| {
                    let theirs = items
                        .get(h)
                        .map(|x| grammar::work_key(&x.text))
                        .unwrap_or_default();
                    let (short, long) = if theirs.len() < mine.len() {
                        (&theirs, &mine)
                    } else {
                        (&mine, &theirs)
                    };
                    long.strip_prefix(short.as_str())
                        .is_some_and(|rest| rest.starts_with(' '))
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
