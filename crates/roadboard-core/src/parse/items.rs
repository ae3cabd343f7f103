//! Stage 3, the items: the walk's items, plus numbered step headings that are items, each
//! item under its parent; then the outline's items (`outline.rs`) and one card per piece of
//! work (`same_work.rs`); all in document order.

use super::walk::{RawCandidate, RawItem, RawSection};
use super::{grammar, outline, same_work};
use crate::model::{ItemKind, Status};

/// The document's items in document order, parents set: the walk's `items` plus the step
/// headings of `sections` that are items (a step heading's own dependency phrases move from
/// its section to its item), plus the items of an outline made of `candidates` and leaf
/// headings (`text`: the walked text), each summary/detail pair made one.
pub(super) fn items(
    sections: &mut [RawSection],
    walked: Vec<RawItem>,
    candidates: Vec<RawCandidate>,
    text: &str,
) -> Vec<RawItem> {
    let mut items = walked;
    let heading_item = step_heading_items(sections, &mut items, text);
    adopt_into_step_headings(&mut items, sections, &heading_item);
    let items = outline::read(sections, items, candidates, text);
    let items = same_work::merge(items, sections);
    in_document_order(items)
}

/// Numbered step headings ("#### 1. Database Production Setup") become items when their
/// headings say what they are (a status, a priority or an estimate) and no task list
/// lives below them; a phase heading never does. Returns, per section, the index of the
/// item its heading became.
fn step_heading_items(
    sections: &mut [RawSection],
    items: &mut Vec<RawItem>,
    source: &str,
) -> Vec<Option<usize>> {
    let n_sec = sections.len();
    let has_task = sections_with_tasks(sections, items);
    let mut heading_item: Vec<Option<usize>> = vec![None; n_sec];
    for k in 0..n_sec {
        let Some(s) = sections.get_mut(k) else {
            continue;
        };
        let Some(rest) = numbered_heading(&s.title) else {
            continue;
        };
        let estimate = grammar::find_estimate(&s.plain).or_else(|| s.body_estimate.clone());
        if s.is_phase
            || has_task.get(k).copied().unwrap_or(true)
            || !(s.status.is_some() || s.priority.is_some() || estimate.is_some())
        {
            continue;
        }
        let status = grammar::leading_status_mark(rest)
            .map(|x| x.0)
            .or(s.body_status)
            .or(s.status)
            .unwrap_or(Status::Todo);
        let text = grammar::leading_status_mark(rest)
            .map_or(rest, |x| x.1)
            .to_string();
        let markdown = numbered_heading(&s.raw_title)
            .unwrap_or(&s.raw_title)
            .to_string();
        let item = RawItem {
            kind: ItemKind::Heading,
            title: leading_bold(&markdown),
            markdown,
            line: s.line,
            section: s.parent,
            status,
            outline_way: true,
            priority: s.priority,
            estimate,
            explicit_id: s.explicit_id.clone(),
            deps: std::mem::take(&mut s.deps),
            heading_section: Some(k),
            details: outline::details(source.get(s.body.0..s.body.1).unwrap_or("")),
            text,
            ..RawItem::default()
        };
        if let Some(h) = heading_item.get_mut(k) {
            *h = Some(items.len());
        }
        items.push(item);
    }
    heading_item
}

/// Per section: whether a task item lives in it or below it.
fn sections_with_tasks(sections: &[RawSection], items: &[RawItem]) -> Vec<bool> {
    let mut has_task = vec![false; sections.len()];
    for item in items.iter().filter(|i| i.checkbox) {
        let mut s = item.section;
        while let Some(k) = s {
            match has_task.get_mut(k) {
                Some(flag) if !*flag => *flag = true,
                _ => break,
            }
            s = sections.get(k).and_then(|x| x.parent);
        }
    }
    has_task
}

/// Items under a step heading (in its section or below) are its children, unless they
/// already have a parent.
fn adopt_into_step_headings(
    items: &mut [RawItem],
    sections: &[RawSection],
    heading_item: &[Option<usize>],
) {
    for i in 0..items.len() {
        let Some(item) = items.get(i) else { continue };
        if item.parent.is_some() || item.kind == ItemKind::Heading {
            continue;
        }
        let mut s = item.section;
        let mut found = None;
        while let Some(k) = s {
            if let Some(h) = heading_item.get(k).copied().flatten() {
                found = Some(h);
                break;
            }
            s = sections.get(k).and_then(|x| x.parent);
        }
        if let (Some(h), Some(item)) = (found, items.get_mut(i)) {
            item.parent = Some(h);
        }
    }
}

/// The items sorted by line (stable), parent indices renumbered. Usually they already are
/// in order (step headings are added after the walk's items): then nothing moves.
fn in_document_order(items: Vec<RawItem>) -> Vec<RawItem> {
    let in_order = items
        .windows(2)
        .all(|w| w.first().map(|a| a.line) <= w.get(1).map(|b| b.line));
    if in_order {
        return items;
    }
    let mut order: Vec<usize> = (0..items.len()).collect();
    order.sort_by_key(|&i| items.get(i).map_or(0, |x| x.line));
    let mut new_pos = vec![0usize; items.len()];
    for (k, &i) in order.iter().enumerate() {
        if let Some(p) = new_pos.get_mut(i) {
            *p = k;
        }
    }
    let mut slots: Vec<Option<RawItem>> = items.into_iter().map(Some).collect();
    let mut sorted: Vec<RawItem> = Vec::with_capacity(slots.len());
    for &i in &order {
        if let Some(mut it) = slots.get_mut(i).and_then(Option::take) {
            it.parent = it.parent.and_then(|p| new_pos.get(p).copied());
            sorted.push(it);
        }
    }
    sorted
}

/// "1. Title" / "2) Title" (one number, not "1.1") → "Title".
fn numbered_heading(title: &str) -> Option<&str> {
    let digits = title.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 3 {
        return None;
    }
    let rest = title.get(digits..)?;
    let rest = rest.strip_prefix(['.', ')'])?;
    if !rest.starts_with(' ') {
        return None;
    }
    Some(rest.trim())
}

/// `**Title** …` → "Title".
fn leading_bold(s: &str) -> Option<String> {
    let r = s.strip_prefix("**")?;
    let end = r.find("**")?;
    let t = r.get(..end)?.trim().trim_end_matches(':').trim();
    (!t.is_empty()).then(|| t.to_string())
}

#[cfg(test)]
mod tests {
    use super::{leading_bold, numbered_heading};

    #[test]
    fn step_headings_are_numbered_once() {
        assert_eq!(
            numbered_heading("1. Database Setup"),
            Some("Database Setup")
        );
        assert_eq!(numbered_heading("12) Ship it"), Some("Ship it"));
        assert_eq!(numbered_heading("1.1 Sub-step"), None);
        assert_eq!(numbered_heading("2024 Plans"), None);
        assert_eq!(numbered_heading("1.Tight"), None);
        assert_eq!(
            leading_bold("**Deploy API**: now"),
            Some("Deploy API".into())
        );
        assert_eq!(leading_bold("plain"), None);
    }
}
