//! Status: marks (✅ ❌ ⚠️ …), bracketed labels (`[Done]`), `Status:` fields, status
//! headings ("Completed", "Not Started", "Non-goals"), table cells, and a status written after
//! a bold lead (`**D1: Rename**: ✓ Done`) or at the end of a line ("(done)", "[WIP]").

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
        "blocked" | "failed" => Status::Blocked,
        "cancelled" | "canceled" | "dropped" | "won't do" | "wont do" | "out of scope" => {
            Status::OutOfScope
        }
        _ => return None,
    };
    Some((status, t.get(end + 1..).unwrap_or("").trim_start()))
}

/// Field labels whose value is a status.
const STATUS_LABELS: [&str; 3] = ["status", "state", "progress"];

/// The status a `Status: …` / `State: …` / `Progress: …` field states ("**Status:** In
/// Design", "Status: ✅ Done", "- Status: Not started", "**Status**: 75% complete").
pub(crate) fn status_field(s: &str) -> Option<Status> {
    let (label, value) = super::field::field_label(s)?;
    let label = label.as_str();
    if !STATUS_LABELS.contains(&label) {
        return None;
    }
    let value = value.split('\n').next().unwrap_or(value).trim();
    if let Some((st, _)) = leading_status_mark(value) {
        return Some(st);
    }
    // "75% complete": started, not finished
    if let Some(st) = percent_status(value) {
        return Some(st);
    }
    let norm = crate::parse::ids::normalize(value);
    let ws = words(&norm);
    // "In Design", "Code complete", "Partially implemented"
    if let Some((st, _)) = (0..ws.len().min(4)).find_map(|i| status_phrase_at(&ws, i)) {
        return Some(st);
    }
    // "State: Zustand + React", "Status: Ready to begin Phase 1": no status said
    None
}

/// Status phrases, as normalised words: what a field, a word after a bold lead, a
/// parenthesised remark or a legend line says.
const STATUS_PHRASES: [(&[&str], Status); 55] = [
    (&["done"], Status::Done),
    (&["complete"], Status::Done),
    (&["completed"], Status::Done),
    (&["finished"], Status::Done),
    (&["shipped"], Status::Done),
    (&["released"], Status::Done),
    (&["merged"], Status::Done),
    (&["fixed"], Status::Done),
    (&["resolved"], Status::Done),
    (&["implemented"], Status::Done),
    (&["delivered"], Status::Done),
    (&["stable"], Status::Done),
    (&["in", "progress"], Status::InProgress),
    (&["in", "design"], Status::InProgress),
    (&["in", "review"], Status::InProgress),
    (&["in", "development"], Status::InProgress),
    (&["wip"], Status::InProgress),
    (&["ongoing"], Status::InProgress),
    (&["started"], Status::InProgress),
    (&["partial"], Status::InProgress),
    (&["partially"], Status::InProgress),
    (&["underway"], Status::InProgress),
    (&["not", "started"], Status::Todo),
    (&["not", "yet", "started"], Status::Todo),
    (&["not", "yet"], Status::Todo),
    (&["not", "done"], Status::Todo),
    (&["not", "complete"], Status::Todo),
    (&["not", "completed"], Status::Todo),
    (&["not", "finished"], Status::Todo),
    (&["not", "implemented"], Status::Todo),
    (&["incomplete"], Status::Todo),
    (&["unfinished"], Status::Todo),
    (&["todo"], Status::Todo),
    (&["to", "do"], Status::Todo),
    (&["planned"], Status::Todo),
    (&["pending"], Status::Todo),
    (&["proposed"], Status::Todo),
    (&["open"], Status::Todo),
    (&["backlog"], Status::Todo),
    (&["unresolved"], Status::Todo),
    (&["missing"], Status::Todo),
    (&["blocked"], Status::Blocked),
    (&["on", "hold"], Status::Blocked),
    (&["stalled"], Status::Blocked),
    (&["out", "of", "scope"], Status::OutOfScope),
    (&["not", "in", "scope"], Status::OutOfScope),
    (&["won", "t", "do"], Status::OutOfScope),
    (&["wont", "do"], Status::OutOfScope),
    (&["won", "t", "fix"], Status::OutOfScope),
    (&["wontfix"], Status::OutOfScope),
    (&["not", "planned"], Status::OutOfScope),
    (&["descoped"], Status::OutOfScope),
    (&["dropped"], Status::OutOfScope),
    (&["cancelled"], Status::OutOfScope),
    (&["canceled"], Status::OutOfScope),
];

/// The status phrase starting at word `i` of `ws` (normalised words), the longest one: its
/// status and how many words it takes.
pub(crate) fn status_phrase_at(ws: &[&str], i: usize) -> Option<(Status, usize)> {
    let tail = ws.get(i..)?;
    let first = *tail.first()?;
    // most words open no phrase: one byte test before the table
    if !matches!(
        first.as_bytes().first(),
        Some(
            b'b' | b'c'
                | b'd'
                | b'f'
                | b'i'
                | b'm'
                | b'n'
                | b'o'
                | b'p'
                | b'r'
                | b's'
                | b't'
                | b'u'
                | b'w'
        )
    ) {
        return None;
    }
    STATUS_PHRASES
        .iter()
        .filter(|(p, _)| tail.len() >= p.len() && tail.iter().zip(p.iter()).all(|(a, b)| a == b))
        .max_by_key(|(p, _)| p.len())
        .map(|(p, st)| (*st, p.len()))
}

/// How many words of `ws` from `i` form a status phrase, if one starts there.
pub(crate) fn status_words_at(ws: &[&str], i: usize) -> Option<usize> {
    status_phrase_at(ws, i).map(|x| x.1)
}

/// The status written right after an item's bold lead: `after` is the text that follows the
/// lead (": ✓ Done (`38fffd0`).", " — DONE", ": 🚧 In progress"). A status mark after the
/// separator always counts; a status phrase counts when nothing but punctuation, a
/// parenthesis or a code span follows it ("Done (abc123)", not "Done with login, …").
pub(crate) fn status_after_lead(after: &str) -> Option<Status> {
    let t = after.trim_start();
    let t = t
        .strip_prefix([':', '—', '–', '-'])
        .unwrap_or(t)
        .trim_start_matches(['*', '_', ' ']);
    if let Some((st, rest)) = leading_status_mark(t) {
        // "✅ 75% complete": the number says more than the mark
        let pct = percent_status(rest).filter(|_| {
            let after = rest.trim_start_matches(|c: char| c.is_ascii_digit() || c == '%');
            let ws = crate::parse::ids::normalize(after);
            ws.is_empty() || ["complete", "completed", "done"].contains(&ws.as_str())
        });
        return Some(pct.unwrap_or(st));
    }
    phrase_then_end(t)
}

/// The status a percentage at the start of `value` says ("75% complete" is started, not
/// finished; "0%" is to do; "100%" is done).
fn percent_status(value: &str) -> Option<Status> {
    let digits = value.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || value.as_bytes().get(digits) != Some(&b'%') {
        return None;
    }
    let pct: u32 = value.get(..digits)?.parse().ok()?;
    Some(match pct {
        0 => Status::Todo,
        100.. => Status::Done,
        _ => Status::InProgress,
    })
}

/// A status phrase at the start of `t`, followed by the end, punctuation or a remark.
fn phrase_then_end(t: &str) -> Option<Status> {
    let head: String = t.chars().take(24).collect();
    let norm = crate::parse::ids::normalize(&head);
    let ws = words(&norm);
    let (st, n) = status_phrase_at(&ws, 0)?;
    // where the phrase ends in `t`: after its n-th word
    let mut pos = 0;
    for w in ws.iter().take(n) {
        let lower = t.get(pos..)?.to_lowercase();
        let at = lower.find(w)?;
        pos += at + w.len();
    }
    // "Done (`abc`)", "**Done**.", "Done - merged"; not "Complete .ovpn parser" (a verb)
    let rest = t.get(pos..)?.trim_start_matches(['*', '_']).trim_start();
    let mut chars = rest.chars();
    let ok = match chars.next() {
        None => true,
        Some(',' | ';' | '!' | '(' | '[' | '—' | '–' | ')') => true,
        Some('.' | '-') => chars.next().is_none_or(char::is_whitespace),
        Some(_) => false,
    };
    ok.then_some(st)
}

/// A status in a parenthesised or bracketed remark ending the line: "Auth (done)",
/// "Search [WIP]", "(shipped; spans still pending)", "(completed 2026-03-30)". The remark
/// must open with the status phrase.
pub(crate) fn trailing_status(plain: &str) -> Option<Status> {
    let t = plain
        .trim_end()
        .trim_end_matches(['.', '*', '_'])
        .trim_end();
    let close = t.chars().next_back()?;
    let open = match close {
        ')' => '(',
        ']' => '[',
        _ => return None,
    };
    let inner_end = t.len() - close.len_utf8();
    let start = t.get(..inner_end)?.rfind(open)?;
    if start == 0 {
        // the whole line is the remark: not a status of something else
        return None;
    }
    let inner = t.get(start + 1..inner_end)?.trim();
    let norm = crate::parse::ids::normalize(inner);
    let ws = words(&norm);
    let (st, _) = status_phrase_at(&ws, 0)?;
    Some(st)
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
    let ws = words(norm);
    let w = &ws;
    if out_of_scope_words(&ws) {
        return Some(Status::OutOfScope);
    }
    if let Some((s, _)) = leading_status_mark(title) {
        // "⛔ CRITICAL BLOCKERS": critical work that blocks a launch, not blocked work (the
        // priority grammar reads it as critical)
        if s == Status::Blocked && critical_words(&ws) {
            return None;
        }
        return Some(s);
    }
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
    if has_seq(&ws, &["not", "done"])
        || has_seq(&ws, &["on", "hold"])
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

/// Words of a heading that say its items are not part of the plan: "Non-goals", "Out of
/// scope", "Not in scope", "Won't do", "Won't fix", "Not planned", "Descoped", "Dropped",
/// "Rejected", "Cancelled".
fn out_of_scope_words(ws: &[&str]) -> bool {
    has_seq(ws, &["non", "goals"])
        || has_seq(ws, &["out", "of", "scope"])
        || has_seq(ws, &["not", "in", "scope"])
        || has_seq(ws, &["won", "t", "do"])
        || has_seq(ws, &["won", "t", "fix"])
        || has_seq(ws, &["will", "not", "do"])
        || has_seq(ws, &["not", "planned"])
        || has_seq(ws, &["not", "included"])
        // "What v1.0 is NOT", "What we are not doing"
        || ws.len() > 2 && matches!(ws.get(ws.len() - 2..), Some(["is" | "are", "not"]))
        || has_seq(ws, &["not", "doing"])
        || ws.iter().any(|x| {
            matches!(
                *x,
                "nongoals"
                    | "wontfix"
                    | "descoped"
                    | "dropped"
                    | "rejected"
                    | "cancelled"
                    | "canceled"
                    | "excluded"
                    | "exclusions"
            )
        })
}

/// Words that say a heading's items are critical ("Blockers", "Critical", "Urgent", "Must
/// fix"): a blocked mark in front of them is the priority's colour, not a status.
fn critical_words(ws: &[&str]) -> bool {
    ws.iter()
        .any(|w| matches!(*w, "critical" | "blocker" | "blockers" | "urgent"))
        || has_seq(ws, &["must", "fix"])
        || has_seq(ws, &["must", "complete"])
}

/// A status word said not to hold: "not started", "not yet done", "not complete", "never
/// finished", "not yet", "incomplete", "unfinished" are to do; "not working" is blocked.
fn negated_status(ws: &[&str]) -> Option<Status> {
    for (i, &x) in ws.iter().enumerate() {
        if matches!(
            x,
            "incomplete" | "unfinished" | "unstarted" | "unimplemented" | "undone"
        ) {
            return Some(Status::Todo);
        }
        if !matches!(x, "not" | "never") {
            continue;
        }
        let mut j = i + 1;
        while ws
            .get(j)
            .is_some_and(|y| matches!(*y, "yet" | "fully" | "been" | "quite" | "really" | "all"))
        {
            j += 1;
        }
        match ws.get(j).copied() {
            // "Not yet"
            None if j > i + 1 => return Some(Status::Todo),
            Some("working" | "functional") => return Some(Status::Blocked),
            Some(
                "done" | "complete" | "completed" | "finished" | "started" | "implemented"
                | "shipped" | "merged" | "released" | "begun" | "blocked" | "tested",
            ) => return Some(Status::Todo),
            _ => {}
        }
    }
    None
}

/// The status a table cell states ("✅ Done", "In progress", "⏸️ Pending"); a status word
/// said not to hold ("Not started", "Not done", "Not yet") is to do.
pub(crate) fn cell_status(cell: &str) -> Status {
    if let Some((s, _)) = leading_status_mark(cell) {
        return s;
    }
    let norm = crate::parse::ids::normalize(cell);
    let ws = words(&norm);
    let w = &ws;
    if out_of_scope_words(&ws) {
        return Status::OutOfScope;
    }
    // "Not started", "Not yet done", "Not complete", "Incomplete": nothing done yet
    if let Some(st) = negated_status(&ws) {
        return st;
    }
    if w.iter().any(|x| matches!(*x, "partial" | "partially")) {
        return Status::InProgress;
    }
    if w.iter().any(|x| {
        matches!(
            *x,
            "done" | "complete" | "completed" | "finished" | "shipped" | "yes" | "merged"
        )
    }) {
        Status::Done
    } else if has_seq(&ws, &["in", "progress"])
        || has_seq(&ws, &["in", "design"])
        || has_seq(&ws, &["in", "review"])
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
        assert_eq!(status_field("State: Zustand + React Context"), None);
        assert_eq!(status_field("Status: In Design"), Some(Status::InProgress));
        assert_eq!(status_field("State: Not Started"), Some(Status::Todo));
        assert_eq!(
            status_field("**Status**: 75% complete"),
            Some(Status::InProgress)
        );
        assert_eq!(status_field("Status: UNRESOLVED"), Some(Status::Todo));
        assert_eq!(status_field("Status: Code complete"), Some(Status::Done));
        assert_eq!(status_field("Status: Ready to begin Phase 1"), None);
        assert_eq!(status_field("Progress: 40%"), Some(Status::InProgress));
        assert_eq!(status_field("Statistics: many"), None);
        assert_eq!(status_field("Status: Not done"), Some(Status::Todo));
        assert_eq!(
            status_field("Status: not yet implemented"),
            Some(Status::Todo)
        );
        assert_eq!(status_field("Status: Incomplete"), Some(Status::Todo));
        assert_eq!(
            leading_status_label("[Cancelled] x").map(|x| x.0),
            Some(Status::OutOfScope)
        );
    }

    #[test]
    fn status_after_a_bold_lead_or_in_a_closing_remark() {
        assert_eq!(
            status_after_lead(": ✓ Done (`38fffd0`)."),
            Some(Status::Done)
        );
        assert_eq!(status_after_lead(" — DONE"), Some(Status::Done));
        assert_eq!(
            status_after_lead(": 🚧 In progress"),
            Some(Status::InProgress)
        );
        assert_eq!(status_after_lead(": Done (abc123)"), Some(Status::Done));
        assert_eq!(
            status_after_lead(": ✅ 75% complete"),
            Some(Status::InProgress)
        );
        assert_eq!(status_after_lead(": ✅ 100% complete"), Some(Status::Done));
        assert_eq!(
            status_after_lead(": ✅ 85% coverage (target: 90%)"),
            Some(Status::Done)
        );
        assert_eq!(status_after_lead(": Done with login, signup next"), None);
        assert_eq!(status_after_lead(": We already track the protocol"), None);
        assert_eq!(status_after_lead(": Complete `.ovpn` profile parser"), None);
        assert_eq!(status_after_lead(": Complete .ovpn profile parser"), None);
        assert_eq!(status_after_lead(": **Done**."), Some(Status::Done));
        assert_eq!(trailing_status("Auth (done)"), Some(Status::Done));
        assert_eq!(trailing_status("Search [WIP]."), Some(Status::InProgress));
        assert_eq!(
            trailing_status("OTel tracing (shipped; spans still pending)"),
            Some(Status::Done)
        );
        assert_eq!(
            trailing_status("Phase 1 (completed 2026-03-30)"),
            Some(Status::Done)
        );
        assert_eq!(
            trailing_status("Mobile app (won't do)"),
            Some(Status::OutOfScope)
        );
        assert_eq!(trailing_status("Use a cache (e.g. Redis)"), None);
        assert_eq!(trailing_status("(done)"), None);
    }

    #[test]
    fn cell_statuses_read_negations() {
        for (cell, st) in [
            ("Not started", Status::Todo),
            ("⬜ Not started", Status::Todo),
            ("Not yet started", Status::Todo),
            ("To do", Status::Todo),
            ("TODO", Status::Todo),
            ("Planned", Status::Todo),
            ("Not done", Status::Todo),
            ("Not yet", Status::Todo),
            ("Not complete", Status::Todo),
            ("Incomplete", Status::Todo),
            ("Not yet implemented", Status::Todo),
            ("Started", Status::InProgress),
            ("In progress", Status::InProgress),
            ("Done", Status::Done),
            ("✅ Complete", Status::Done),
            ("Not blocked", Status::Todo),
            ("Blocked", Status::Blocked),
            ("Won't do", Status::OutOfScope),
            ("Not planned", Status::OutOfScope),
        ] {
            assert_eq!(cell_status(cell), st, "{cell}");
        }
    }

    #[test]
    fn heading_statuses() {
        assert_eq!(
            heading_status("Completed (Production-Ready)"),
            Some(Status::Done)
        );
        assert_eq!(heading_status("Critical Issues"), None);
        assert_eq!(
            heading_status("⛔ CRITICAL BLOCKERS – Must Complete Before Launch"),
            None
        );
        assert_eq!(heading_status("❌ Not Working"), Some(Status::Blocked));
        assert_eq!(heading_status("Blocked items"), Some(Status::Blocked));
        assert_eq!(heading_status("Non-goals"), Some(Status::OutOfScope));
        assert_eq!(heading_status("❌ Out of scope"), Some(Status::OutOfScope));
        assert_eq!(heading_status("Won't do"), Some(Status::OutOfScope));
        assert_eq!(heading_status("Not planned"), Some(Status::OutOfScope));
        assert_eq!(
            heading_status("What v.1.0.0 is NOT"),
            Some(Status::OutOfScope)
        );
        assert_eq!(
            heading_status("What we are not doing"),
            Some(Status::OutOfScope)
        );
        assert_eq!(heading_status("Planned"), Some(Status::Todo));
        assert_eq!(
            heading_status("In Progress / Partial"),
            Some(Status::InProgress)
        );
        assert_eq!(heading_status("Not Started"), Some(Status::Todo));
        assert_eq!(heading_status("1. Complete Convex Deployment"), None);
        assert_eq!(heading_status("Definition of Done"), None);
    }
}
