//! Status: marks (✅ ❌ ⚠️ …), bracketed labels (`[Done]`), `Status:` fields, status
//! headings ("Completed", "Not Started") and table cells.

use super::lex::{has_seq, words};
use crate::model::Status;

/// The status a leading mark stands for.
fn mark_status(c: char) -> Option<Status> {
    match c {
        '✅' | '✔' | '☑' | '✓' | '🗹' => Some(Status::Done),
        '❌' | '✗' | '✘' | '⛔' | '🚫' | '❎' => Some(Status::Blocked),
        '⚠' | '🚧' | '⏳' | '⌛' | '🔄' | '🔶' => Some(Status::InProgress),
        '⬜' | '☐' | '🔲' | '⏸' | '⭕' => Some(Status::Todo),
        _ => None,
    }
}

/// Skips emoji variation selectors and zero-width joiners.
fn is_modifier(c: char) -> bool {
    matches!(c, '\u{fe0e}' | '\u{fe0f}' | '\u{200d}')
}

/// A status mark at the start of `s` (after whitespace): its status and the rest of `s`.
pub(crate) fn leading_status_mark(s: &str) -> Option<(Status, &str)> {
    let t = s.trim_start();
    let mut chars = t.char_indices();
    let (_, c) = chars.next()?;
    let status = mark_status(c)?;
    let mut rest = t.get(c.len_utf8()..).unwrap_or("");
    while let Some(m) = rest.chars().next().filter(|&m| is_modifier(m)) {
        rest = rest.get(m.len_utf8()..).unwrap_or("");
    }
    Some((status, rest.trim_start()))
}

/// Boxes that are not GFM's but mean "in progress": `- [~] Migrate DB`.
const IN_PROGRESS_BOXES: [&str; 3] = ["[~]", "[-]", "[/]"];

/// An in-progress box (`[~]`, `[-]`, `[/]`) right at the start of `s`: the rest of `s`.
pub(crate) fn leading_in_progress_box(s: &str) -> Option<&str> {
    IN_PROGRESS_BOXES.iter().find_map(|p| s.strip_prefix(p))
}

/// A bracketed status label at the start of `s` (`[Completed] Prompt 065`, `[WIP] x`):
/// its status and the rest. Single-character boxes are GFM's business, not this.
pub(crate) fn leading_status_label(s: &str) -> Option<(Status, &str)> {
    let t = s.trim_start().strip_prefix('[')?;
    let end = t.find(']')?;
    let label = t.get(..end)?.trim();
    if label.chars().count() < 2 || label.len() > 20 {
        return None;
    }
    let status = match ids_free_lower(label).as_str() {
        "done" | "completed" | "complete" | "finished" | "shipped" => Status::Done,
        "in progress" | "in-progress" | "wip" | "ongoing" | "partial" | "started" => {
            Status::InProgress
        }
        "todo" | "to do" | "planned" | "pending" | "not started" | "open" | "backlog" => {
            Status::Todo
        }
        "blocked" | "failed" | "cancelled" | "canceled" => Status::Blocked,
        _ => return None,
    };
    Some((status, t.get(end + 1..).unwrap_or("").trim_start()))
}

/// The status a `Status: …` field states ("**Status:** Missing", "Status: ✅ Done").
pub(crate) fn status_field(s: &str) -> Option<Status> {
    let t = s.trim_start();
    let head = t.get(..7)?;
    if !head.eq_ignore_ascii_case("status:") {
        return None;
    }
    let rest = t.get(7..)?.trim();
    let first_line = rest.split('\n').next().unwrap_or(rest);
    let w = ids_free_lower(first_line);
    if w.starts_with("missing") || w.starts_with("not started") || w.starts_with("todo") {
        return Some(Status::Todo);
    }
    Some(cell_status(first_line))
}

fn ids_free_lower(s: &str) -> String {
    s.trim().to_lowercase()
}

/// What a heading says about the status of the items under it ("Completed", "Not Started").
#[cfg(test)]
pub(crate) fn heading_status(title: &str) -> Option<Status> {
    heading_status_in(title, &crate::parse::ids::normalize(title))
}

/// `heading_status` with `norm` = [`normalize`](crate::parse::ids::normalize)`(title)`.
pub(crate) fn heading_status_in(title: &str, norm: &str) -> Option<Status> {
    if let Some((s, _)) = leading_status_mark(title) {
        return Some(s);
    }
    let ws = words(norm);
    let w = &ws;
    if has_seq(&ws, &["not", "started"])
        || has_seq(&ws, &["not", "yet"])
        || has_seq(&ws, &["to", "do"])
        || has_seq(&ws, &["next", "steps"])
        || w.iter()
            .any(|x| matches!(*x, "todo" | "backlog" | "pending" | "remaining" | "planned"))
    {
        return Some(Status::Todo);
    }
    if has_seq(&ws, &["in", "progress"])
        || w.iter()
            .any(|x| matches!(*x, "partial" | "partially" | "wip" | "ongoing" | "underway"))
    {
        return Some(Status::InProgress);
    }
    if has_seq(&ws, &["critical", "issues"])
        || has_seq(&ws, &["not", "done"])
        || w.iter()
            .any(|x| matches!(*x, "blocked" | "failing" | "broken"))
    {
        return Some(Status::Blocked);
    }
    let done_word = |x: &str| {
        matches!(
            x,
            "completed" | "done" | "finished" | "shipped" | "achieved" | "achievements"
        )
    };
    for (i, x) in w.iter().enumerate() {
        let after_of = i > 0 && w.get(i - 1).is_some_and(|p| *p == "of");
        if done_word(x) && !after_of {
            return Some(Status::Done);
        }
    }
    // "Complete" is also a verb ("Complete Convex Deployment"): only as a label.
    let lower = title.to_lowercase();
    if lower.contains("(complete)") || w.last() == Some(&"complete") && w.len() > 1 {
        return Some(Status::Done);
    }
    None
}

/// The status a table cell states ("✅ Done", "In progress", "⏸️ Pending").
pub(crate) fn cell_status(cell: &str) -> Status {
    if let Some((s, _)) = leading_status_mark(cell) {
        return s;
    }
    let norm = crate::parse::ids::normalize(cell);
    let ws = words(&norm);
    let w = &ws;
    if w.iter().any(|x| {
        matches!(
            *x,
            "done" | "complete" | "completed" | "finished" | "shipped" | "yes" | "merged"
        )
    }) {
        Status::Done
    } else if has_seq(&ws, &["in", "progress"])
        || w.iter()
            .any(|x| matches!(*x, "wip" | "partial" | "started" | "ongoing" | "active"))
    {
        Status::InProgress
    } else if w
        .iter()
        .any(|x| matches!(*x, "blocked" | "failed" | "failing"))
    {
        Status::Blocked
    } else {
        Status::Todo
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks() {
        assert_eq!(
            leading_status_mark("✅ done").map(|x| x.0),
            Some(Status::Done)
        );
        assert_eq!(
            leading_status_mark("⚠️ partial").map(|x| x.1),
            Some("partial")
        );
        assert_eq!(leading_status_mark("plain"), None);
    }

    #[test]
    fn labels_and_fields() {
        assert_eq!(
            leading_status_label("[Completed] Prompt 065").map(|x| x.0),
            Some(Status::Done)
        );
        assert_eq!(
            leading_status_label("[In Progress] x").map(|x| x.1),
            Some("x")
        );
        assert_eq!(leading_status_label("[link] text"), None);
        assert_eq!(
            leading_in_progress_box("[~] Migrate DB"),
            Some(" Migrate DB")
        );
        assert_eq!(leading_in_progress_box(" [~] x"), None);
        assert_eq!(status_field("Status: Missing"), Some(Status::Todo));
        assert_eq!(status_field("Status: ✅ Done"), Some(Status::Done));
        assert_eq!(status_field("Plain text"), None);
    }

    #[test]
    fn heading_statuses() {
        assert_eq!(
            heading_status("Completed (Production-Ready)"),
            Some(Status::Done)
        );
        assert_eq!(heading_status("Critical Issues"), Some(Status::Blocked));
        assert_eq!(
            heading_status("In Progress / Partial"),
            Some(Status::InProgress)
        );
        assert_eq!(heading_status("Not Started"), Some(Status::Todo));
        assert_eq!(heading_status("1. Complete Convex Deployment"), None);
        assert_eq!(heading_status("Definition of Done"), None);
    }
}
