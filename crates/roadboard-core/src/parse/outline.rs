//! Stage 3b, the outline: where a plan has no checklist, its outline is the plan. Leaf
//! headings and top-level bullets of a plan become items, and items under "Non-goals" /
//! "Out of scope" are out of scope.
//!
//! The rule, as `docs/syntax.md` states it for writers:
//!
//! - A **plan heading** names planned work: a plan word ("Roadmap", "Features", "Backlog",
//!   "Bugs", "Short term", …), a release ("v3.4"), a phase, a status ("Completed") or a
//!   priority ("High priority") in words (a leading ✅ or 🔴 alone often only decorates).
//!   The document's title counts only by its plan words.
//! - The **scope** of a section is its nearest plan heading (itself or above it). A scope
//!   with no item at all (no task, status line, table row …) is read as an outline; so is the
//!   whole document when it has no plan heading and no item. Sections about the document
//!   itself (About, Overview, How can I help?, License, …) never are.
//! - In an outline, a **leaf heading** (no sub-heading) is an item, its body the item's
//!   details — unless it is the title, a phase, a release, a plan word heading, a heading that
//!   only names a status or priority, one whose body holds items, or one whose body opens
//!   with a list of work (then the list's bullets are the items; a numbered heading, or one
//!   with its own `Status:`/`Priority:` field, stays the item). Every other **top-level
//!   bullet** is an item, its nested text the details.

use super::document::title_section;
use super::grammar;
use super::ids;
use super::walk::{RawCandidate, RawItem, RawSection};
use crate::model::{ItemKind, Status};

/// Longest details kept for an item, in bytes (cut at a line end).
const DETAILS_MAX: usize = 4000;

/// The items of `items` plus those the outline makes of `candidates` and of leaf headings
/// (`text` is the walked text the sections' and candidates' byte ranges point into); every
/// item under an out-of-scope heading gets [`Status::OutOfScope`] unless its box is ticked.
pub(super) fn read(
    sections: &mut [RawSection],
    mut items: Vec<RawItem>,
    candidates: Vec<RawCandidate>,
    text: &str,
) -> Vec<RawItem> {
    let scope = Scopes::of(sections, &items);
    // sections whose heading already is an item (a numbered step heading)
    let mut taken = vec![false; sections.len()];
    for it in &items {
        if let Some(t) = it.heading_section.and_then(|k| taken.get_mut(k)) {
            *t = true;
        }
    }
    // per section: a list of work right under its heading (not only attribute lines)
    let mut with_bullets = vec![false; sections.len()];
    for c in candidates
        .iter()
        .filter(|c| c.first_in_section && !attribute_line(c))
    {
        if let Some(f) = c.section.and_then(|s| with_bullets.get_mut(s)) {
            *f = true;
        }
    }
    let heading_item: Vec<bool> = sections
        .iter()
        .enumerate()
        .map(|(k, s)| {
            let flag = |v: &[bool]| v.get(k).copied().unwrap_or(true);
            // a status or priority heading is a group when a mark leads it ("### 🔄 Task
            // Dependencies": marks decorate headings) or its words only name the group
            let group_only = || {
                (s.own_status.is_some() || s.own_priority.is_some())
                    && (s.plain.chars().next().is_some_and(|c| !c.is_alphanumeric())
                        || grammar::only_group_words(&ids::normalize(&s.title)))
            };
            // a numbered heading or one with its own fields is a piece of work; its bullets
            // are its details
            let work = s.body_status.is_some() || s.body_priority.is_some() || numbered(&s.title);
            scope.outline(Some(k))
                && !flag(&taken)
                && !flag(&scope.with_sub)
                && scope.title != Some(k)
                && !(s.is_phase || s.release || s.plan)
                && !flag(&scope.with_items)
                && !s.title.is_empty()
                && (work || !flag(&with_bullets))
                && !group_only()
        })
        .collect();
    for (k, flag) in heading_item.iter().enumerate() {
        if *flag {
            if let Some(s) = sections.get_mut(k) {
                items.push(heading(k, s, text));
            }
        }
    }
    // candidate index → the item it became
    let mut became: Vec<Option<usize>> = vec![None; candidates.len()];
    for (ci, c) in candidates.into_iter().enumerate() {
        // bullets under a heading that is an item are its details
        let in_outline = scope.outline(c.section)
            && !c.section.is_some_and(|s| {
                heading_item.get(s).copied().unwrap_or(false)
                    || taken.get(s).copied().unwrap_or(false)
            });
        if in_outline {
            if let Some(b) = became.get_mut(ci) {
                *b = Some(items.len());
            }
            items.push(bullet(c, sections, text));
        }
    }
    // an item nested in a bullet that became an item is its child
    for it in items.iter_mut() {
        if it.parent.is_none() {
            it.parent = it
                .under_candidate
                .and_then(|c| became.get(c).copied().flatten());
        }
    }
    out_of_scope(&mut items, sections);
    items
}

/// What the outline rule needs to know of each section.
struct Scopes {
    /// The document's title heading.
    title: Option<usize>,
    /// Per section: it has a sub-heading.
    with_sub: Vec<bool>,
    /// Per section: an item (any) lives in its own body.
    with_items: Vec<bool>,
    /// Per section: it is read as an outline.
    outline: Vec<bool>,
    /// Text before the first heading is read as an outline (the whole document is one).
    fallback: bool,
}

impl Scopes {
    fn of(sections: &[RawSection], items: &[RawItem]) -> Scopes {
        let n = sections.len();
        let title = title_section(sections);
        let group: Vec<bool> = sections
            .iter()
            .enumerate()
            .map(|(k, s)| s.plan || Some(k) != title && (s.is_phase || s.status_in_words))
            .collect();
        let mut with_sub = vec![false; n];
        for s in sections {
            if let Some(l) = s.parent.and_then(|p| with_sub.get_mut(p)) {
                *l = true;
            }
        }
        // items in a section's own body; checklist items in its subtree
        let mut with_items = vec![false; n];
        for it in items {
            if let Some(f) = it.section.and_then(|s| with_items.get_mut(s)) {
                *f = true;
            }
        }
        let mut below = vec![false; n];
        for it in items.iter().filter(|it| !it.outline_way) {
            let mut s = it.heading_section.or(it.section);
            while let Some(k) = s {
                match below.get_mut(k) {
                    Some(flag) if !*flag => *flag = true,
                    _ => break,
                }
                s = sections.get(k).and_then(|x| x.parent);
            }
        }
        let checklist = items.iter().any(|it| !it.outline_way);
        let fallback = !checklist && !group.iter().any(|g| *g);
        // the nearest plan heading, itself or above (parents come first)
        let mut root: Vec<Option<usize>> = vec![None; n];
        for k in 0..n {
            let r = if group.get(k).copied().unwrap_or(false) {
                Some(k)
            } else {
                sections
                    .get(k)
                    .and_then(|s| s.parent)
                    .and_then(|p| root.get(p).copied().flatten())
            };
            if let Some(slot) = root.get_mut(k) {
                *slot = r;
            }
        }
        // a meta heading and everything under it; a title is never meta ("# Introduction"
        // opening a document whose title is elsewhere)
        let mut meta = vec![false; n];
        for (k, s) in sections.iter().enumerate() {
            let own = s.meta && Some(k) != title;
            let above = s.parent.and_then(|p| meta.get(p).copied()).unwrap_or(false);
            if let Some(m) = meta.get_mut(k) {
                *m = own || above;
            }
        }
        let outline = (0..n)
            .map(|k| {
                !meta.get(k).copied().unwrap_or(true)
                    && match root.get(k).copied().flatten() {
                        Some(r) => !below.get(r).copied().unwrap_or(true),
                        None => fallback,
                    }
            })
            .collect();
        Scopes {
            title,
            with_sub,
            with_items,
            outline,
            fallback,
        }
    }

    /// Whether text in section `s` (`None`: before the first heading) is read as an outline.
    fn outline(&self, s: Option<usize>) -> bool {
        match s {
            Some(k) => self.outline.get(k).copied().unwrap_or(false),
            None => self.fallback,
        }
    }
}

/// The item a leaf heading of an outline is: its title without numbering, its body as
/// details, its (or its section's) status, priority, estimate and dependency phrases.
fn heading(k: usize, s: &mut RawSection, text: &str) -> RawItem {
    let title = without_numbering(&s.title).to_string();
    let markdown = without_numbering(&s.raw_title).to_string();
    RawItem {
        kind: ItemKind::Heading,
        markdown,
        line: s.line,
        section: s.parent,
        status: s.status.unwrap_or(Status::Todo),
        outline_way: true,
        priority: s.priority,
        estimate: grammar::find_estimate(&s.plain).or_else(|| s.body_estimate.clone()),
        deps: std::mem::take(&mut s.deps),
        heading_section: Some(k),
        details: details(text.get(s.body.0..s.body.1).unwrap_or("")),
        text: title,
        ..RawItem::default()
    }
}

/// The item a top-level bullet of an outline is. When its first line is only its bold lead
/// (`* **Support no_std**.` and a description below), that line is the item and the rest its
/// details; the dependency phrases under it, which the walk gave its section, move to it.
fn bullet(c: RawCandidate, sections: &mut [RawSection], text: &str) -> RawItem {
    let nested = text.get(c.span.1..c.span.2).unwrap_or("");
    let mut markdown = c.markdown;
    let mut item_text = c.text;
    let mut own_rest = String::new();
    if let (Some(title), Some((first, rest))) = (&c.title, markdown.split_once('\n')) {
        if ids::normalize(first) == ids::normalize(title) {
            own_rest = rest.to_string();
            markdown = first.to_string();
            item_text = title.clone();
        }
    }
    // a long description after a bold lead ("**D12: Tuple unpacking**: `analyze_binding`
    // overapproximates …"): the lead is the card, the description its details
    if let (Some(title), Some((lead, rest))) = (&c.title, grammar::bold_lead_split(&markdown)) {
        if item_text.chars().count() > grammar::LONG_TEXT {
            own_rest = if own_rest.is_empty() {
                rest.to_string()
            } else {
                format!("{rest}\n{own_rest}")
            };
            markdown = lead.to_string();
            item_text = title.clone();
        }
    }
    let lines_in = nested.bytes().filter(|&b| b == b'\n').count() + markdown_lines(&markdown);
    let last_line = c.line + lines_in;
    let sec = c.section.and_then(|s| sections.get_mut(s));
    let status = sec.as_ref().and_then(|s| s.status).unwrap_or(Status::Todo);
    let priority = grammar::item_priority(&item_text).or(sec.as_ref().and_then(|s| s.priority));
    let estimate = grammar::find_estimate(&item_text).or(c.estimate);
    let mut deps = Vec::new();
    if let Some(s) = sec {
        let (mine, theirs): (Vec<_>, Vec<_>) = std::mem::take(&mut s.deps)
            .into_iter()
            .partition(|(_, line)| (c.line..=last_line).contains(line));
        s.deps = theirs;
        deps = mine;
    }
    let mut body = own_rest;
    if !nested.trim().is_empty() {
        if !body.is_empty() {
            body.push('\n');
        }
        body.push_str(&dedent(nested));
    }
    RawItem {
        kind: ItemKind::Listed,
        title: c.title,
        markdown,
        line: c.line,
        section: c.section,
        status,
        outline_way: true,
        priority,
        estimate,
        deps,
        details: details(&body),
        text: item_text,
        ..RawItem::default()
    }
}

/// Words that number one piece of work: "Task 3.5: Infrastructure", "Story 2", "Bug 12".
const NUMBERED_WORK: [&str; 10] = [
    "task", "step", "story", "epic", "item", "issue", "bug", "ticket", "feature", "fix",
];

/// Whether a heading is numbered ("1.1 Frontend", "3. Ship it", "Task 3.5: Infrastructure")
/// or led by an id ("B1: API errors", "T0.1: Fix"): a numbered heading names one piece of
/// work.
fn numbered(title: &str) -> bool {
    if without_numbering(title).len() != title.trim_start().len() {
        return true;
    }
    let mut words = title.split_whitespace();
    if let (Some(w), Some(n)) = (words.next(), words.next()) {
        if NUMBERED_WORK.contains(&w.to_lowercase().as_str())
            && n.trim_end_matches([':', '.'])
                .bytes()
                .all(|b| b.is_ascii_digit() || b == b'.')
            && n.bytes().next().is_some_and(|b| b.is_ascii_digit())
        {
            return true;
        }
    }
    let id: &str = title.split([':', ' ']).next().unwrap_or("");
    let has_digit = id.bytes().any(|b| b.is_ascii_digit());
    // "v1.2: Page builder" is a release, not an id
    let version =
        id.starts_with(['v', 'V']) && id.as_bytes().get(1).is_some_and(u8::is_ascii_digit);
    let starts_alpha = !version && id.bytes().next().is_some_and(|b| b.is_ascii_alphabetic());
    has_digit
        && starts_alpha
        && id.len() <= 6
        && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'.')
        && title.get(id.len()..).is_some_and(|r| r.starts_with(':'))
}

/// Whether a bullet only gives an attribute of the heading above it, `Key: short value` with
/// a key of at most three words ("**Technology Stack**: React + TypeScript", "Email:
/// support@example.org"): then the heading is the piece of work.
fn attribute_line(c: &RawCandidate) -> bool {
    let Some(colon) = c.text.bytes().take(40).position(|b| b == b':') else {
        return false;
    };
    let key = c.text.get(..colon).unwrap_or("");
    let value = c.text.get(colon + 1..).unwrap_or("").trim();
    let key_words = key.split_whitespace().count();
    (1..=3).contains(&key_words)
        && c.title
            .as_deref()
            .is_none_or(|t| t.trim_end_matches(':') == key.trim())
        && !value.is_empty()
        && value.chars().count() <= 80
}

/// Lines of a block's source beyond its first.
fn markdown_lines(markdown: &str) -> usize {
    markdown.bytes().filter(|&b| b == b'\n').count()
}

/// Every item in a section that states it is out of scope ("Non-goals", "Won't do", or
/// under one) is out of scope, unless it is a ticked box (a task box always wins).
fn out_of_scope(items: &mut [RawItem], sections: &[RawSection]) {
    for it in items.iter_mut() {
        let s = it.heading_section.or(it.section);
        let out = s
            .and_then(|k| sections.get(k))
            .is_some_and(|x| x.status == Some(Status::OutOfScope));
        if out && !(it.checkbox && it.status == Status::Done) {
            it.status = Status::OutOfScope;
        }
    }
}

/// "1.1 Runtime improvements" → "Runtime improvements": numbering ("1.", "1.1", "2)") is kept
/// out of an item's title (a reference by number still finds the heading).
fn without_numbering(title: &str) -> &str {
    let t = title.trim_start();
    let numbering = t
        .bytes()
        .take_while(|b| b.is_ascii_digit() || *b == b'.' || *b == b')')
        .count();
    let token = t.get(..numbering).unwrap_or("");
    if !t.as_bytes().first().is_some_and(u8::is_ascii_digit) || !token.contains(['.', ')']) {
        return t;
    }
    match t.get(numbering..) {
        Some(rest) if rest.starts_with(' ') && !rest.trim().is_empty() => rest.trim_start(),
        _ => t,
    }
}

/// Details as shown on a card: the text trimmed, a setext underline dropped, cut at a line
/// end after [`DETAILS_MAX`] bytes; `None` when nothing is left.
pub(super) fn details(body: &str) -> Option<String> {
    let mut t = body.trim_matches(['\n', '\r']);
    // a setext heading's underline may open the body
    if let Some(first) = t.lines().next() {
        let f = first.trim();
        if !f.is_empty() && f.bytes().all(|b| b == b'=' || b == b'-') {
            t = t.get(first.len()..).unwrap_or("");
        }
    }
    let t = t.trim();
    if t.is_empty() {
        return None;
    }
    if t.len() <= DETAILS_MAX {
        return Some(t.to_string());
    }
    let mut cut = DETAILS_MAX;
    while !t.is_char_boundary(cut) {
        cut -= 1;
    }
    let head = t.get(..cut).unwrap_or("");
    let head = head.rfind('\n').and_then(|e| head.get(..e)).unwrap_or(head);
    Some(format!("{}\n\n…", head.trim_end()))
}

/// `text` with the indentation its lines share removed (tabs count as one step), so that a
/// bullet's nested list reads as a list, not as a code block.
fn dedent(text: &str) -> String {
    let indent = |l: &str| l.len() - l.trim_start_matches([' ', '\t']).len();
    let common = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(indent)
        .min()
        .unwrap_or(0);
    let mut out = String::with_capacity(text.len());
    for (k, l) in text.lines().enumerate() {
        if k > 0 {
            out.push('\n');
        }
        out.push_str(l.get(common.min(indent(l))..).unwrap_or(""));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{dedent, details, numbered, without_numbering};

    #[test]
    fn numbering_stays_out_of_titles() {
        assert_eq!(
            without_numbering("1.1 Runtime improvements"),
            "Runtime improvements"
        );
        assert_eq!(without_numbering("2) Ship it"), "Ship it");
        assert_eq!(without_numbering("3.4"), "3.4");
        assert_eq!(without_numbering("HSTS"), "HSTS");
        assert_eq!(without_numbering("2024 plans"), "2024 plans");
        assert!(numbered("1.1 Frontend Infrastructure"));
        assert!(numbered("B1: API errors not shown to user"));
        assert!(numbered("T0.1: Fix the build"));
        assert!(numbered("Task 3.5: Infrastructure Setup"));
        assert!(!numbered("Task list"));
        assert!(!numbered("Rate limiting"));
        assert!(!numbered("Phase 1: Setup"));
        assert!(!numbered("v1.2: Page builder"));
    }

    #[test]
    fn details_are_trimmed_dedented_and_bounded() {
        assert_eq!(
            details("----\n\n Complete the PR.\n"),
            Some("Complete the PR.".into())
        );
        assert_eq!(details("\n\n"), None);
        let long = "word ".repeat(2000);
        let d = details(&format!("{long}\n{long}")).unwrap_or_default();
        assert!(d.len() < 12_000 && d.ends_with('…'));
        assert_eq!(dedent("\t- a\n\t\t- b"), "- a\n\t- b");
        assert_eq!(dedent("  - a\n\n    - b"), "- a\n\n  - b");
    }
}
