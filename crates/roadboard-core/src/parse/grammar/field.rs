//! Lines that are not items: a heading's fields ("**Status:** In Design", "- Owner: Ana"),
//! "None" and "N/A", legend lines ("✅ = done", "Not Started - no work has been done"), links
//! to elsewhere; and an item's bold lead set apart from a long description.

use super::lex::words;

/// Status words a legend line defines ("✅ Done", "Not Started - no work has been done"):
/// the common statuses, not every word that can mean one ("Testing: none yet" is work).
const LEGEND_STATUSES: [&[&str]; 17] = [
    &["done"],
    &["complete"],
    &["completed"],
    &["finished"],
    &["stable"],
    &["in", "progress"],
    &["in", "design"],
    &["in", "review"],
    &["wip"],
    &["not", "started"],
    &["todo"],
    &["to", "do"],
    &["planned"],
    &["pending"],
    &["blocked"],
    &["on", "hold"],
    &["cancelled"],
];

/// The first words of [`LEGEND_STATUSES`] and of priority tokens.
const LEGEND_FIRST_WORDS: [&str; 18] = [
    "done",
    "complete",
    "completed",
    "finished",
    "stable",
    "in",
    "wip",
    "not",
    "todo",
    "to",
    "planned",
    "pending",
    "blocked",
    "on",
    "cancelled",
    "p0",
    "p1",
    "p2",
];

/// How many words of a legend status open `ws`.
fn legend_status_len(ws: &[&str]) -> Option<usize> {
    LEGEND_STATUSES
        .iter()
        .filter(|p| ws.len() >= p.len() && ws.iter().zip(p.iter()).all(|(a, b)| a == b))
        .map(|p| p.len())
        .max()
}

/// Whole texts that stand for "nothing here" ("None", "N/A", "Nothing yet", "TBD", "-") or
/// for "and so on" ("+more", "etc."): never a piece of work.
const NOTHING: [&str; 17] = [
    "",
    "none",
    "none yet",
    "n a",
    "na",
    "nothing",
    "nothing yet",
    "tbd",
    "tba",
    "no items",
    "nothing here",
    "more",
    "and more",
    "etc",
    "and so on",
    "others",
    "and others",
];

/// Whether an item's whole text says there is nothing ("None", "N/A", "Nothing yet.", "-"):
/// never an item.
pub(crate) fn says_nothing(text: &str) -> bool {
    // the longest such text is a few words: most items are decided without allocating
    if text.len() > 24 {
        return false;
    }
    let norm = crate::parse::ids::normalize(text);
    NOTHING.contains(&norm.as_str())
}

/// Whether a line defines a status or a priority instead of naming work — a legend:
/// "✅ = done", "✅ Done", "* Not Started - no work has been done", "- P0 - Critical for the
/// current milestone". `text` is the line without its leading status mark, `had_mark` says
/// whether it had one.
pub(crate) fn legend_line(text: &str, had_mark: bool) -> bool {
    let t = text.trim();
    if had_mark && t.starts_with(['=', ':']) {
        return true;
    }
    // cheap test first: a legend opens with a status word or a priority token
    let lead = t.trim_start_matches(['*', '_']);
    let first_len = lead.bytes().take_while(u8::is_ascii_alphanumeric).count();
    let first = lead.get(..first_len).unwrap_or("");
    if !LEGEND_FIRST_WORDS
        .iter()
        .any(|w| w.eq_ignore_ascii_case(first))
    {
        return false;
    }
    // a legend opens with its status or token: the head of the line is enough
    let mut head_end = t.len().min(40);
    while !t.is_char_boundary(head_end) {
        head_end -= 1;
    }
    let norm = crate::parse::ids::normalize(t.get(..head_end).unwrap_or(t));
    let ws = words(&norm);
    // "P0 - Critical for …", "High: must ship in this release"
    let prio_token = ws
        .first()
        .is_some_and(|w| matches!(*w, "p0" | "p1" | "p2" | "p3" | "p4"));
    let status_len = legend_status_len(&ws);
    let Some(lead_len) = status_len.or(prio_token.then_some(1)) else {
        return false;
    };
    if ws.len() == lead_len {
        // the line is only a status word: "✅ Done", "- Completed"
        return true;
    }
    // a definition follows a separator: "Not Started - no work …", "P0 – Critical …"
    let Some(rest) = after_lead_separator(t, ws.iter().take(lead_len).copied()) else {
        return false;
    };
    if status_len.is_some() {
        return true;
    }
    // a priority token is a legend only when what follows says a level
    let rest_norm = crate::parse::ids::normalize(rest);
    words(&rest_norm).first().is_some_and(|w| {
        matches!(
            *w,
            "critical"
                | "high"
                | "medium"
                | "low"
                | "urgent"
                | "important"
                | "nice"
                | "must"
                | "should"
                | "could"
                | "blocker"
                | "highest"
                | "lowest"
                | "normal"
        )
    })
}

/// The text after the lead words and a separator (`-`, `–`, `—`, `:`, `=`), if the words are
/// followed by one.
fn after_lead_separator<'t, 'w>(
    t: &'t str,
    lead: impl Iterator<Item = &'w str>,
) -> Option<&'t str> {
    let lower = t.to_lowercase();
    let mut pos = 0;
    for w in lead {
        let at = lower.get(pos..)?.find(w)? + pos;
        pos = at + w.len();
    }
    let rest = t.get(pos..)?.trim_start();
    let rest = rest.trim_start_matches(['*', '_']).trim_start();
    let sep = rest.chars().next()?;
    matches!(sep, '-' | '–' | '—' | ':' | '=').then(|| rest.get(sep.len_utf8()..).unwrap_or(""))
}

/// Whether an item's source is only a link — to an anchor of the same document, another file
/// or a bare URL — with at most trailing punctuation: navigation, not work.
pub(crate) fn link_only(markdown: &str) -> bool {
    let m = markdown.trim().trim_end_matches(['.', ',', ';']).trim();
    let m = m
        .strip_prefix("**")
        .and_then(|x| x.strip_suffix("**"))
        .unwrap_or(m);
    if (m.starts_with("http://") || m.starts_with("https://")) && !m.contains(char::is_whitespace) {
        return true;
    }
    if let Some(inner) = m.strip_prefix('<').and_then(|x| x.strip_suffix('>')) {
        return !inner.contains(char::is_whitespace) && inner.contains(':');
    }
    let Some(rest) = m.strip_prefix('[') else {
        return false;
    };
    // `[text](target)` or `[text][ref]`, nothing after it
    let Some(close) = rest.find("](").or_else(|| rest.find("][")) else {
        return false;
    };
    let tail = rest.get(close + 2..).unwrap_or("");
    let end = if rest.get(close + 1..close + 2) == Some("(") {
        tail.find(')')
    } else {
        tail.find(']')
    };
    end.is_some_and(|e| tail.get(e + 1..).is_some_and(|t| t.trim().is_empty()))
}

/// Field labels written as a bullet or line under a heading ("- **Owner:** Ana",
/// "Status: Not started", "- Goal: clean build"): attributes of that heading, never items.
const FIELD_LABELS: [&str; 76] = [
    "status",
    "state",
    "progress",
    "priority",
    "severity",
    "owner",
    "owners",
    "assignee",
    "assigned to",
    "lead",
    "team",
    "author",
    "contact",
    "reviewer",
    "estimate",
    "effort",
    "time",
    "duration",
    "eta",
    "timeline",
    "target",
    "due",
    "date",
    "deadline",
    "created",
    "updated",
    "last updated",
    "discovered",
    "date discovered",
    "reported",
    "milestone",
    "release",
    "version",
    "depends on",
    "dependencies",
    "blocked by",
    "blockers",
    "blocker",
    "requires",
    "prerequisites",
    "focus",
    "goal",
    "goals",
    "objective",
    "outcome",
    "impact",
    "risk",
    "risks",
    "success criteria",
    "acceptance criteria",
    "exit criteria",
    "definition of done",
    "fix",
    "solution",
    "workaround",
    "description",
    "details",
    "summary",
    "rationale",
    "reason",
    "why",
    "documents",
    "docs",
    "notes",
    "note",
    "issue",
    "issues",
    "pr",
    "link",
    "links",
    "tracking",
    "where",
    "files",
    "labels",
    "category",
    "type",
];

/// Whether a line is a field of the heading above it: a known label ("Status", "Owner",
/// "Estimate", "Depends on", …) followed by a colon, bold or not.
pub(crate) fn field_line(plain: &str) -> bool {
    field_label(plain).is_some_and(|(label, _)| FIELD_LABELS.contains(&label.as_str()))
}

/// A field's label, normalised (lowercase ASCII words joined by one space) on the stack.
pub(crate) struct Label {
    buf: [u8; 25],
    len: usize,
}

impl Label {
    /// The label's text.
    pub(crate) fn as_str(&self) -> &str {
        self.buf
            .get(..self.len)
            .and_then(|l| std::str::from_utf8(l).ok())
            .unwrap_or("")
    }
}

/// A field line ("**Status:** In Design", "Priority: High", "- **Severity**: Low"): its label
/// (ASCII, at most 24 bytes before the colon) and its value, without allocating.
pub(crate) fn field_label(s: &str) -> Option<(Label, &str)> {
    let t = s.trim_start().trim_start_matches(['*', '_', ' ']);
    let colon = t.bytes().take(25).position(|b| b == b':')?;
    let mut label = Label {
        buf: [0u8; 25],
        len: 0,
    };
    let mut gap = false;
    for b in t.bytes().take(colon) {
        if b.is_ascii_alphanumeric() {
            if gap && label.len > 0 {
                *label.buf.get_mut(label.len)? = b' ';
                label.len += 1;
            }
            gap = false;
            *label.buf.get_mut(label.len)? = b.to_ascii_lowercase();
            label.len += 1;
        } else if b >= 0x80 {
            return None;
        } else {
            gap = true;
        }
    }
    // the value runs to the line's end (the walk's text has no line breaks)
    let value = t.get(colon + 1..)?.trim_start_matches(['*', '_', ' ']);
    Some((label, value))
}

/// An item with a bold lead longer than this (in characters) shows the lead on its card and
/// the rest as its details.
pub(crate) const LONG_TEXT: usize = 120;

/// `**Lead**: rest` (or `__Lead__ — rest`) → ("**Lead**", "rest"), when the source opens with
/// the bold lead and something follows it.
pub(crate) fn bold_lead_split(markdown: &str) -> Option<(&str, &str)> {
    let marker = markdown.get(..2).filter(|m| *m == "**" || *m == "__")?;
    let close = markdown.get(2..)?.find(marker)? + 4;
    let lead = markdown.get(..close)?;
    let rest = markdown
        .get(close..)?
        .trim_start_matches([':', '.', ' ', '—', '–', '-'])
        .trim();
    (!rest.is_empty()).then_some((lead, rest))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nothing_legends_links_and_fields_are_not_items() {
        for t in [
            "None",
            "N/A",
            "Nothing yet.",
            "-",
            "TBD",
            "none",
            "+more",
            "etc.",
        ] {
            assert!(says_nothing(t), "{t}");
        }
        assert!(!says_nothing("None of the tests pass"));
        assert!(legend_line(
            "Not Started - no work or thinking has been done",
            false
        ));
        assert!(legend_line("= done", true));
        assert!(legend_line("Done", true));
        assert!(legend_line(
            "P0 - Critical for the current milestone",
            false
        ));
        assert!(!legend_line("P0 - Fix the login crash", false));
        assert!(!legend_line("Complete database schema", true));
        assert!(!legend_line("Auth works", true));
        assert!(!legend_line("Testing: No testing done yet", false));
        assert!(link_only("[English Version](./ROADMAP.md)"));
        assert!(link_only("[Phase 2](#phase-2)."));
        assert!(link_only("https://github.com/curl/curl/pull/4011"));
        assert!(link_only("<https://example.org>"));
        assert!(!link_only("[Rook](https://rook.io/) support"));
        assert!(!link_only("Support [Rook](https://rook.io/)"));
        assert!(field_line("Status: Not started"));
        assert!(field_line("Owner: Ana"));
        assert!(field_line("Depends on: Phase 1"));
        assert!(!field_line("Hot reload: fsnotify + SIGHUP"));
        assert!(!field_line("Auth"));
    }
}
