//! Pairing two snapshots' items and phases: same id first, then the same text in another
//! place (moved), then a small text change in the same section (edited); what is left was
//! added or removed.

use super::snapshot::{SnapItem, SnapPhase, Snapshot};
use super::{Change, Changes, Span};
use std::collections::HashMap;

/// How alike two texts must be (character-pair Dice coefficient) to be one item edited.
const ALIKE: f64 = 0.7;
/// How much of the shorter text the longer must contain to be "added detail".
const CONTAINED: f64 = 0.9;
/// How alike two headings' titles must be to be one heading re-worded ("Week 1-2" → "Week 1-3").
const SAME_HEADING: f64 = 0.6;

/// Lower-case words of `s`, single-spaced: what "the same text" compares.
pub(crate) fn normalise(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(w.chars().flat_map(char::to_lowercase));
    }
    out
}

/// The adjacent character pairs of `s`, sorted (a multiset).
fn pairs(s: &str) -> Vec<(char, char)> {
    let mut v: Vec<(char, char)> = s.chars().zip(s.chars().skip(1)).collect();
    v.sort_unstable();
    v
}

/// How many pairs two sorted multisets share.
fn shared(a: &[(char, char)], b: &[(char, char)]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while let (Some(x), Some(y)) = (a.get(i), b.get(j)) {
        match x.cmp(y) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// How alike two normalised texts are, 0..=1: a typo or a few added words score high.
pub(crate) fn likeness(a: &str, b: &str) -> f64 {
    let (pa, pb) = (pairs(a), pairs(b));
    let (na, nb) = (pa.len(), pb.len());
    if na == 0 || nb == 0 {
        return if a == b { 1.0 } else { 0.0 };
    }
    let common = shared(&pa, &pb);
    let dice = 2.0 * common as f64 / (na + nb) as f64;
    let shorter = na.min(nb);
    // Added detail: the old text is (nearly) all there, and long enough to mean something.
    let contained = if shorter >= 10 {
        common as f64 / shorter as f64
    } else {
        0.0
    };
    if contained >= CONTAINED {
        dice.max(ALIKE)
    } else {
        dice
    }
}

fn change(it: &SnapItem) -> Change {
    Change {
        id: it.id.clone(),
        title: it.text.clone(),
        line: it.line,
        checkbox: it.checkbox,
        ..Change::default()
    }
}

fn span(p: &SnapPhase) -> Span {
    Span {
        start: p.start,
        end: p.end,
        start_date: p.start_date.clone(),
        end_date: p.end_date.clone(),
    }
}

/// What changed from `old` to `new`.
pub fn diff(old: &Snapshot, new: &Snapshot) -> Changes {
    let mut out = Changes::default();
    let mut pairs: Vec<(usize, usize, bool)> = Vec::new(); // (old, new, edited)
    let mut old_free: Vec<bool> = vec![true; old.items.len()];
    let mut new_free: Vec<bool> = vec![true; new.items.len()];

    // 1. Same id.
    let old_by_id: HashMap<&str, usize> = old
        .items
        .iter()
        .enumerate()
        .map(|(i, it)| (it.id.as_str(), i))
        .collect();
    for (n, it) in new.items.iter().enumerate() {
        if let Some(&o) = old_by_id.get(it.id.as_str()) {
            if old_free.get(o).copied().unwrap_or(false) {
                pairs.push((o, n, false));
                set(&mut old_free, o, false);
                set(&mut new_free, n, false);
            }
        }
    }
    // 2. Same text elsewhere: moved (ids carry the section path), first come first paired.
    let mut old_by_text: HashMap<String, Vec<usize>> = HashMap::new();
    for (o, it) in old.items.iter().enumerate().rev() {
        if old_free.get(o).copied().unwrap_or(false) {
            old_by_text.entry(normalise(&it.text)).or_default().push(o);
        }
    }
    for (n, it) in new.items.iter().enumerate() {
        if !new_free.get(n).copied().unwrap_or(false) {
            continue;
        }
        let key = normalise(&it.text);
        if key.is_empty() {
            continue;
        }
        if let Some(o) = old_by_text.get_mut(&key).and_then(Vec::pop) {
            pairs.push((o, n, false));
            set(&mut old_free, o, false);
            set(&mut new_free, n, false);
        }
    }
    // 3. A small text change within the same section (paired headings): edited.
    let same_section = pair_sections(old, new);
    let mut candidates: Vec<(f64, usize, usize)> = Vec::new();
    let old_left: Vec<(usize, String, Option<usize>)> = old
        .items
        .iter()
        .enumerate()
        .filter(|(o, _)| old_free.get(*o).copied().unwrap_or(false))
        .map(|(o, it)| (o, normalise(&it.text), it.section))
        .collect();
    for (n, it) in new.items.iter().enumerate() {
        if !new_free.get(n).copied().unwrap_or(false) {
            continue;
        }
        let text = normalise(&it.text);
        for (o, otext, osec) in &old_left {
            if same_section(*osec, it.section) {
                let score = likeness(otext, &text);
                if score >= ALIKE {
                    candidates.push((score, *o, n));
                }
            }
        }
    }
    candidates.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    for (_, o, n) in candidates {
        if old_free.get(o).copied().unwrap_or(false) && new_free.get(n).copied().unwrap_or(false) {
            pairs.push((o, n, true));
            set(&mut old_free, o, false);
            set(&mut new_free, n, false);
        }
    }

    // What each pair says.
    pairs.sort_by_key(|p| p.1);
    for (o, n, edited) in pairs {
        let (Some(was), Some(now)) = (old.items.get(o), new.items.get(n)) else {
            continue;
        };
        if edited {
            let mut c = change(now);
            c.old_title = Some(was.text.clone());
            out.edited.push(c);
        }
        if was.status != now.status {
            let mut c = change(now);
            c.from = Some(was.status);
            c.to = Some(now.status);
            out.status_changed.push(c);
        }
        if !same_section(was.section, now.section) || was.phase != now.phase {
            let mut c = change(now);
            c.from_place = place(old, was);
            c.to_place = place(new, now);
            out.moved.push(c);
        }
        if was.estimate != now.estimate {
            let mut c = change(now);
            c.old_estimate = was.estimate;
            c.new_estimate = now.estimate;
            out.redated.push(c);
        }
    }
    for (n, it) in new.items.iter().enumerate() {
        if new_free.get(n).copied().unwrap_or(false) {
            out.added.push(change(it));
        }
    }
    for (o, it) in old.items.iter().enumerate() {
        if old_free.get(o).copied().unwrap_or(false) {
            out.removed.push(change(it));
        }
    }

    // Phases: same id, else same title; a changed span is re-dated.
    let mut used: Vec<bool> = vec![false; old.phases.len()];
    for p in &new.phases {
        let found = old
            .phases
            .iter()
            .enumerate()
            .find(|(i, q)| !used.get(*i).copied().unwrap_or(true) && q.id == p.id)
            .or_else(|| {
                old.phases.iter().enumerate().find(|(i, q)| {
                    !used.get(*i).copied().unwrap_or(true)
                        && normalise(&q.title) == normalise(&p.title)
                })
            });
        let Some((i, q)) = found else {
            out.new_phases.push(p.id.clone());
            continue;
        };
        set(&mut used, i, true);
        let (was, now) = (span(q), span(p));
        if was != now {
            out.redated.push(Change {
                id: p.id.clone(),
                title: p.title.clone(),
                line: p.line,
                phase: true,
                old_span: Some(was),
                new_span: Some(now),
                ..Change::default()
            });
        }
    }
    out
}

/// Which headings of `old` and `new` are the same heading: same id, else (greedily) the most
/// alike title at the same level; returns "are these two section indexes one section".
fn pair_sections(old: &Snapshot, new: &Snapshot) -> impl Fn(Option<usize>, Option<usize>) -> bool {
    let mut paired: Vec<Option<usize>> = vec![None; new.sections.len()]; // new → old
    let mut old_used: Vec<bool> = vec![false; old.sections.len()];
    let old_by_id: HashMap<&str, usize> = old
        .sections
        .iter()
        .enumerate()
        .map(|(i, s)| (s.0.as_str(), i))
        .collect();
    for (n, s) in new.sections.iter().enumerate() {
        if let Some(&o) = old_by_id.get(s.0.as_str()) {
            put(&mut paired, n, o);
            set(&mut old_used, o, true);
        }
    }
    let mut candidates: Vec<(f64, usize, usize)> = Vec::new();
    for (n, s) in new.sections.iter().enumerate() {
        if paired.get(n).copied().flatten().is_some() {
            continue;
        }
        let t = normalise(&s.1);
        for (o, q) in old.sections.iter().enumerate() {
            if !old_used.get(o).copied().unwrap_or(true) {
                let score = likeness(&normalise(&q.1), &t);
                if score >= SAME_HEADING {
                    candidates.push((score, o, n));
                }
            }
        }
    }
    candidates.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    for (_, o, n) in candidates {
        if !old_used.get(o).copied().unwrap_or(true) && paired.get(n).copied().flatten().is_none() {
            put(&mut paired, n, o);
            set(&mut old_used, o, true);
        }
    }
    move |o: Option<usize>, n: Option<usize>| match (o, n) {
        (None, None) => true,
        (Some(o), Some(n)) => paired.get(n).copied().flatten() == Some(o),
        _ => false,
    }
}

fn set(v: &mut [bool], i: usize, to: bool) {
    if let Some(x) = v.get_mut(i) {
        *x = to;
    }
}

fn put(v: &mut [Option<usize>], i: usize, to: usize) {
    if let Some(x) = v.get_mut(i) {
        *x = Some(to);
    }
}

/// Where an item sits, in words: its phase's title, else its section's.
fn place(snap: &Snapshot, it: &SnapItem) -> Option<String> {
    it.phase
        .as_ref()
        .and_then(|p| snap.phases.iter().find(|q| &q.id == p))
        .map(|p| p.title.clone())
        .or_else(|| snap.section(it.section).map(|s| s.1.clone()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn likeness_pairs_typos_and_added_detail() {
        let l = |a: &str, b: &str| likeness(&normalise(a), &normalise(b));
        assert!(l("Write the documentaiton", "Write the documentation") >= ALIKE);
        assert!(
            l(
                "Add login page",
                "Add login page with OAuth and SSO support"
            ) >= ALIKE
        );
        assert!(l("Add login page", "Ship the mobile app") < ALIKE);
        assert!(l("", "x") < ALIKE);
    }
}
