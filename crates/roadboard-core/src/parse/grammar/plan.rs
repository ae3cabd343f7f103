//! Plan and meta headings: what an outline roadmap's headings say about the text under them
//! ("Short term", "Backlog", "v3.4" hold planned work; "About this document", "How can I
//! help?" do not), and the key two titles of one piece of work share.
//!
//! Headings are compared [normalised](crate::parse::ids::normalize): lowercase words, markup,
//! emoji and punctuation dropped ("## 🗺️ **Short-Term**" is "short term").

use super::lex::{has_seq, words};
use super::status::status_words_at;

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
    fn work_keys_ignore_numbering_and_emoji() {
        assert_eq!(work_key("2. Testing Suite"), "testing suite");
        assert_eq!(work_key("2. Testing Suite 🧪"), "testing suite");
        assert_eq!(work_key("1.1 Runtime improvements"), "runtime improvements");
        assert_eq!(work_key("Ethereum 1.x"), "ethereum 1 x");
    }
}
