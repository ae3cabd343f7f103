//! Plan and meta headings, and lines that are never items: what an outline roadmap's headings
//! say about the text under them ("Short term", "Backlog", "v3.4" hold planned work; "About
//! this document", "How can I help?" do not), and the bullets that look like items but are not
//! ("None", a legend line, a link to another part of the document, a `Status:` field).
//!
//! Headings are compared [normalised](crate::parse::ids::normalize): lowercase words, markup,
//! emoji and punctuation dropped ("## 🗺️ **Short-Term**" is "short term").

use super::lex::{has_seq, words};
use super::status::status_words_at;

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

/// Words that make a heading hold planned work wherever they stand in it.
const PLAN_WORDS: [&str; 25] = [
    "roadmap",
    "roadmaps",
    "plan",
    "plans",
    "features",
    "todo",
    "todos",
    "tasks",
    "bugs",
    "issues",
    "backlog",
    "goals",
    "objectives",
    "milestones",
    "releases",
    "deliverables",
    "epics",
    "stories",
    "ideas",
    "wishlist",
    "deferred",
    "upcoming",
    "priorities",
    "initiatives",
    "fahrplan",
];

/// Word sequences that make a heading hold planned work ("Short term", "Work items").
const PLAN_SEQS: [&[&str]; 13] = [
    &["to", "do"],
    &["work", "items"],
    &["short", "term"],
    &["mid", "term"],
    &["medium", "term"],
    &["long", "term"],
    &["near", "term"],
    &["further", "out"],
    &["current", "focus"],
    &["feature", "requests"],
    &["what", "s", "next"],
    &["hoja", "de", "ruta"],
    &["feuille", "de", "route"],
];

/// Words that make a heading a plan bucket when they open it ("Now — v0.1", "Next (v1.4)",
/// "Future work"), but not inside a title ("curl the next few years").
const PLAN_OPENERS: [&str; 6] = ["now", "next", "later", "soon", "future", "beyond"];

/// Words for "roadmap", "plan", "to do", "goals" found inside a heading written without
/// spaces between words (Chinese).
const PLAN_SUBSTRINGS: [&str; 5] = ["路线图", "计划", "规划", "待办", "目标"];

/// Whether a heading names planned work: a plan word anywhere ("Features", "Backlog",
/// "Bugs", "Releases", "Roadmap"), a pair ("Short term", "To do"), or a bucket word opening it
/// ("Now", "Next", "Later", "Future"). Status, priority, phase and release headings are plan
/// headings too, but that is asked of their own grammars.
pub(crate) fn plan_heading(title: &str, norm: &str) -> bool {
    let ws = words(norm);
    if ws.iter().any(|w| PLAN_WORDS.contains(w)) || PLAN_SEQS.iter().any(|p| has_seq(&ws, p)) {
        return true;
    }
    if ws.first().is_some_and(|w| PLAN_OPENERS.contains(w)) {
        return true;
    }
    !title.is_ascii() && PLAN_SUBSTRINGS.iter().any(|p| norm.contains(p))
}

/// Titles of sections about the document itself or the plan's context (its architecture,
/// stack, risks, metrics), never planned work: a heading starting with one of these, in any
/// case.
const META_STARTS: [&[&str]; 78] = [
    &["about"],
    &["overview"],
    &["background"],
    &["introduction"],
    &["intro"],
    &["summary"],
    &["executive", "summary"],
    &["purpose"],
    &["scope"],
    &["how"],
    &["why"],
    &["when"],
    &["where"],
    &["contributing"],
    &["contribute"],
    &["contributors"],
    &["feedback"],
    &["table", "of", "contents"],
    &["contents"],
    &["toc"],
    &["license"],
    &["licence"],
    &["licensing"],
    &["glossary"],
    &["legend"],
    &["faq"],
    &["faqs"],
    &["frequently", "asked"],
    &["references"],
    &["links"],
    &["resources"],
    &["see", "also"],
    &["acknowledgements"],
    &["acknowledgments"],
    &["credits"],
    &["contact"],
    &["notes"],
    &["changelog"],
    &["change", "log"],
    &["revision", "history"],
    &["document", "history"],
    &["version", "history"],
    &["terminology"],
    &["definitions"],
    &["disclaimer"],
    &["planning"],
    &["process"],
    &["tracking"],
    &["using", "this"],
    &["using", "our"],
    &["architecture"],
    &["technology"],
    &["technologies"],
    &["tech", "stack"],
    &["technical", "stack"],
    &["stack"],
    &["directory", "structure"],
    &["file", "structure"],
    &["folder", "structure"],
    &["project", "structure"],
    &["success", "metrics"],
    &["success", "criteria"],
    &["metrics"],
    &["kpis"],
    &["risks"],
    &["risk"],
    &["known", "risks"],
    &["assumptions"],
    &["constraints"],
    &["principles"],
    &["appendix"],
    &["dependencies"],
    &["task", "dependencies"],
    &["approach"],
    &["strategy"],
    &["rationale"],
    &["motivation"],
    &["context"],
];

/// Words that make a heading meta wherever they stand in it ("Important Notes", "Release
/// notes").
const META_WORDS: [&str; 7] = [
    "notes",
    "notas",
    "faq",
    "glossary",
    "changelog",
    "license",
    "acknowledgements",
];

/// Whether a heading is about the document itself (About, Overview, How to help, Table of
/// contents, License, Glossary, Legend, …) or asks a question ("How can I help?"): its
/// section, and the sections under it, hold no planned work.
pub(crate) fn meta_heading(title: &str, norm: &str) -> bool {
    if title
        .trim_end()
        .trim_end_matches(['*', '_', ')'])
        .ends_with('?')
    {
        return true;
    }
    let ws = words(norm);
    if ws.as_slice() == ["key"] || ws.iter().any(|w| META_WORDS.contains(w)) {
        return true;
    }
    META_STARTS
        .iter()
        .any(|start| ws.len() >= start.len() && ws.iter().zip(start.iter()).all(|(a, b)| a == b))
}

/// Words that only name a group (a status, a priority, a bucket) and say nothing of the
/// work itself.
const GROUP_ONLY_WORDS: [&str; 27] = [
    "priority",
    "priorities",
    "items",
    "item",
    "tasks",
    "task",
    "work",
    "and",
    "or",
    "the",
    "of",
    "for",
    "yet",
    "still",
    "list",
    "p0",
    "p1",
    "p2",
    "p3",
    "p4",
    "critical",
    "high",
    "medium",
    "low",
    "urgent",
    "important",
    "nice",
];

/// Whether a heading's words only name a status or a priority ("Completed", "High Priority
/// (P1)", "Not Implemented", "🔴 Critical"), so that it is a group, never a piece of work.
pub(crate) fn only_group_words(norm: &str) -> bool {
    let ws = words(norm);
    let mut i = 0;
    while let Some(w) = ws.get(i) {
        if let Some(n) = status_words_at(&ws, i) {
            i += n;
            continue;
        }
        // counts ("In progress (0 points)", "Done (12)") say nothing of the work either
        if GROUP_ONLY_WORDS.contains(w)
            || matches!(*w, "to" | "have" | "not" | "implemented" | "points" | "pts")
            || w.bytes().all(|b| b.is_ascii_digit())
        {
            i += 1;
            continue;
        }
        return false;
    }
    true
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
    let first: String = t
        .trim_start_matches(['*', '_'])
        .chars()
        .take_while(char::is_ascii_alphanumeric)
        .take(10)
        .map(|c| c.to_ascii_lowercase())
        .collect();
    if !LEGEND_FIRST_WORDS.contains(&first.as_str()) {
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
    let Some(colon) = plain.find(':') else {
        return false;
    };
    if colon > 24 {
        return false;
    }
    let label = crate::parse::ids::normalize(plain.get(..colon).unwrap_or(""));
    FIELD_LABELS.contains(&label.as_str())
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

/// The key two titles of one piece of work share: normalised, leading numbering ("2.",
/// "1.1", "3)") dropped — "2. Testing Suite" and "### 2. Testing Suite 🧪" are both
/// "testing suite".
pub(crate) fn work_key(text: &str) -> String {
    let norm = crate::parse::ids::normalize(text);
    let mut rest = norm.as_str();
    while let Some((first, tail)) = rest.split_once(' ') {
        if first.bytes().all(|b| b.is_ascii_digit()) {
            rest = tail;
        } else {
            break;
        }
    }
    rest.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::ids::normalize;

    fn plan(t: &str) -> bool {
        plan_heading(t, &normalize(t))
    }

    fn meta(t: &str) -> bool {
        meta_heading(t, &normalize(t))
    }

    #[test]
    fn plan_headings_hold_planned_work() {
        for t in [
            "Short Term",
            "Further Out",
            "Bugs",
            "Future priorities",
            "Initiatives on CRI-O’s Roadmap",
            "Now (up to v1.3)",
            "Next — v0.2.0",
            "To Do List",
            "Deferred Issues",
            "项目目标",
            "1. Features and refactoring",
            "Near-Term Functionality",
        ] {
            assert!(plan(t), "{t}");
        }
        for t in [
            "curl the next few years - perhaps",
            "HSTS",
            "Integration with Swarm",
            "Planning and Tracking",
            "Runtime",
            "Feature: dark mode",
        ] {
            assert!(!plan(t), "{t}");
        }
    }

    #[test]
    fn meta_headings_are_about_the_document() {
        for t in [
            "How should I use this document?",
            "How can I help?",
            "About this document",
            "Table of Contents",
            "Overview",
            "License",
            "Planning and Tracking",
            "How to influence the roadmap",
            "Using our roadmap",
            "Key",
        ] {
            assert!(meta(t), "{t}");
        }
        for t in [
            "Out of scope",
            "Keyboard shortcuts",
            "HSTS",
            "Support for copies",
        ] {
            assert!(!meta(t), "{t}");
        }
    }

    #[test]
    fn group_names_say_nothing_of_the_work() {
        for t in [
            "Completed",
            "High Priority (P1)",
            "Not Implemented",
            "🔴 Critical",
            "In Progress",
            "In progress (0 points)",
        ] {
            assert!(only_group_words(&normalize(t)), "{t}");
        }
        for t in ["P1 — Output Formats", "Completed migration", "Auth"] {
            assert!(!only_group_words(&normalize(t)), "{t}");
        }
    }

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

    #[test]
    fn work_keys_ignore_numbering_and_emoji() {
        assert_eq!(work_key("2. Testing Suite"), "testing suite");
        assert_eq!(work_key("2. Testing Suite 🧪"), "testing suite");
        assert_eq!(work_key("1.1 Runtime improvements"), "runtime improvements");
        assert_eq!(work_key("Ethereum 1.x"), "ethereum 1 x");
    }
}
