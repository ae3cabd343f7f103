//! `roadboard diff OLD NEW`: what changed between two versions of a roadmap, for people
//! (grouped, with lines) or, with `--json`, for tools (the [`Changes`] arrays).

use roadboard_core::board::status_label;
use roadboard_core::changes::{diff_roadmaps, Change, Changes};
use roadboard_core::model::Status;
use std::io::Write;

/// Compare the roadmap at `old_path` with the one at `new_path` and write the changes to
/// `out`; returns the exit code: 0 when both were read (whatever changed), 1 when a file
/// cannot be read (the message goes to standard error).
pub(crate) fn run(old_path: &str, new_path: &str, json: bool, out: &mut dyn Write) -> u8 {
    let (old, new) = match (read(old_path), read(new_path)) {
        (Ok(a), Ok(b)) => (a, b),
        (Err(e), _) | (_, Err(e)) => {
            eprintln!("roadboard: {e}");
            return 1;
        }
    };
    let a = roadboard_core::parse_named(&old, crate::io::file_stem(old_path));
    let b = roadboard_core::parse_named(&new, crate::io::file_stem(new_path));
    let changes = diff_roadmaps(&a, &old, &b, &new);
    let text = if json {
        match serde_json::to_string_pretty(&changes) {
            Ok(s) => s + "\n",
            Err(e) => {
                eprintln!("roadboard: cannot write JSON: {e}");
                return 1;
            }
        }
    } else {
        human(old_path, new_path, &changes)
    };
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => 0,
        // A closed pipe (`| head`) is the reader having read enough.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => 0,
        Err(e) => {
            eprintln!("roadboard: cannot write: {e}");
            1
        }
    }
}

/// The file's text (`-`: standard input), read as the web app reads it, or a message.
fn read(path: &str) -> Result<String, String> {
    crate::io::read_document(path).map_err(crate::io::Failure::message)
}

/// A status in words, in a sentence ("in progress"): the board's label, lower-cased.
fn status_word(s: Option<Status>) -> String {
    s.map_or_else(|| "?".to_string(), |s| status_label(s).to_lowercase())
}

/// The changes for people: a summary line, then one group per kind, each entry with its line.
fn human(old_path: &str, new_path: &str, c: &Changes) -> String {
    let mut s = format!("{old_path} → {new_path}: {}\n", c.summary());
    let mut group = |title: &str, list: &[Change], line: &dyn Fn(&Change) -> String| {
        if list.is_empty() {
            return;
        }
        s.push_str(&format!("\n{title} ({})\n", list.len()));
        for e in list {
            s.push_str(&line(e));
            s.push('\n');
        }
    };
    group("Added", &c.added, &|e| {
        format!("  + line {:>4}  {}", e.line, e.title)
    });
    group("Removed", &c.removed, &|e| {
        format!("  - line {:>4}  {}  (line in {old_path})", e.line, e.title)
    });
    group("Edited", &c.edited, &|e| {
        let was = e.old_title.as_deref().unwrap_or("");
        format!("  ~ line {:>4}  {}  (was: {was})", e.line, e.title)
    });
    group("Status changed", &c.status_changed, &|e| {
        format!(
            "  * line {:>4}  {}: {} → {}",
            e.line,
            e.title,
            status_word(e.from),
            status_word(e.to)
        )
    });
    group("Moved", &c.moved, &|e| {
        format!(
            "  > line {:>4}  {}: {} → {}",
            e.line,
            e.title,
            e.from_place.as_deref().unwrap_or("(no section)"),
            e.to_place.as_deref().unwrap_or("(no section)")
        )
    });
    group("Re-dated", &c.redated, &|e| {
        let what = match (&e.old_span, &e.new_span) {
            (Some(a), Some(b)) => {
                let slip = match e.slip_days() {
                    Some(d) if d > 0.0 => format!(" ({} working days later)", days(d)),
                    Some(d) if d < 0.0 => format!(" ({} working days earlier)", days(-d)),
                    _ => String::new(),
                };
                format!("{} → {}{slip}", a.words(), b.words())
            }
            _ => format!(
                "estimate {} → {}",
                estimate(e.old_estimate),
                estimate(e.new_estimate)
            ),
        };
        format!("  @ line {:>4}  {}: {what}", e.line, e.title)
    });
    s
}

fn days(d: f64) -> String {
    let r = (d * 10.0).round() / 10.0;
    if r.fract() == 0.0 {
        format!("{r:.0}")
    } else {
        format!("{r:.1}")
    }
}

fn estimate(e: Option<[f64; 2]>) -> String {
    match e {
        Some([a, b]) if a == b => format!("{} days", days(a)),
        Some([a, b]) => format!("{}-{} days", days(a), days(b)),
        None => "none".to_string(),
    }
}
