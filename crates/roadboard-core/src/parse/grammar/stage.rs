//! Stage names: "Phase 2", "Stage B", "Sprint 3", "Milestone 1", "Fase 0" as keys, stage
//! arrows ("Phase 1 → Phase 2"), what is not a stage (summary, criteria and gate sections)
//! and stages that say they run in parallel.

use super::lex::{skip_spaces, strip_leading_symbols, word_at};

/// "Phase 2", "Stage B", "Sprint 3", "Milestone 1", "Fase 0" at the start of a title, as a
/// normalised key ("phase 2") used to match "Phase N" references.
pub(crate) fn stage_key(title: &str) -> Option<String> {
    let t = strip_leading_symbols(title);
    let t = t.trim_start_matches(['*', '_', ' ']);
    let (w, end) = word_at(t, 0);
    let kw = match w.as_str() {
        "phase" | "fase" | "etapa" | "stage" => "phase",
        "sprint" => "sprint",
        "milestone" | "hito" => "milestone",
        _ => return None,
    };
    let k = skip_spaces(t, end);
    let rest = t.get(k..)?;
    let ident: String = rest
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '.')
        .collect();
    let ident = ident.trim_end_matches('.');
    let ok = !ident.is_empty()
        && (ident.chars().all(|c| c.is_ascii_digit() || c == '.')
            || ident.len() == 1
            || ident
                .chars()
                .all(|c| matches!(c.to_ascii_uppercase(), 'I' | 'V' | 'X')));
    if !ok {
        return None;
    }
    Some(format!("{kw} {}", ident.to_lowercase()))
}

/// "Phase 1 → Phase 2: …" (also `->`, `⟶`): the second stage depends on the first.
/// Only stage names count on both sides, so prose arrows ("Frontend → Backend") do not.
pub(crate) fn stage_arrow(text: &str) -> Option<(String, String)> {
    // every arrow has a '>' or is '→' / '⟶' (byte searches)
    if !(text.as_bytes().contains(&b'>') || text.contains('→') || text.contains('⟶')) {
        return None;
    }
    let t = strip_leading_symbols(text);
    let left = stage_key(t)?;
    let (_, rest) = ["→", "->", "⟶", "=>"]
        .iter()
        .filter_map(|a| t.find(a).map(|p| (p, a)))
        .min_by_key(|(p, _)| *p)
        .and_then(|(p, a)| t.get(p + a.len()..).map(|r| (p, r)))?;
    // the left side is just the stage ("Phase 1 → …", not "Phase 1 ships → …")
    let before = t.get(..t.find(['→', '-', '⟶', '='])?)?.trim();
    if before.split_whitespace().count() != 2 {
        return None;
    }
    let right = stage_key(rest.trim_start())?;
    Some((left, right))
}

/// Phrases that make a heading a summary, criteria, checklist or gate section wherever they
/// stand in it ("Phase 1 Completion Summary", "Beta Phase Success Criteria").
const CRITERIA_ANYWHERE: [&str; 13] = [
    "completion summary",
    "complete when",
    "completed when",
    "done when",
    "success criteria",
    "acceptance criteria",
    "definition of done",
    "exit criteria",
    "entry criteria",
    "completion criteria",
    "go no go",
    "go nogo",
    "checklist",
];

/// Words that make a heading such a section only as its last word ("Phase 3 Review",
/// "Sprint 2 Retrospective", "Status as of" — not "Phase 2: Review & Launch").
const CRITERIA_LAST: [&str; 9] = [
    "success",
    "summary",
    "review",
    "retrospective",
    "retro",
    "gate",
    "criteria",
    "recap",
    "status",
];

/// A heading whose subject is a summary, criteria, checklist or gate, or the document's state
/// on a date ("Current State (October 16, 2025)"): not a stage of work. Parenthesised text and
/// a trailing colon are ignored for "last word".
pub(crate) fn is_criteria_section(title: &str) -> bool {
    let norm = crate::parse::ids::normalize(title);
    let padded = format!(" {norm} ");
    if CRITERIA_ANYWHERE
        .iter()
        .any(|p| padded.contains(&format!(" {p} ")))
        || is_state_section(title)
    {
        return true;
    }
    // the last word before any parenthesis
    let head = title.split('(').next().unwrap_or(title);
    let head = crate::parse::ids::normalize(head);
    head.split(' ')
        .rfind(|w| !w.is_empty())
        .is_some_and(|w| CRITERIA_LAST.contains(&w))
}

/// A heading about the document's state on a date ("Current State (October 16, 2025)",
/// "Status as of March 2026", "Last updated"): neither a stage nor a milestone.
pub(crate) fn is_state_section(title: &str) -> bool {
    let padded = format!(" {} ", crate::parse::ids::normalize(title));
    [
        " current state ",
        " current status ",
        " as of ",
        " last updated ",
    ]
    .iter()
    .any(|p| padded.contains(p))
}

/// The text says the work runs in parallel: "parallel", "in parallel", "concurrently",
/// "simultaneously" (any case).
pub(crate) fn says_parallel(text: &str) -> bool {
    let b = text.as_bytes();
    if !b
        .iter()
        .any(|c| matches!(c, b'p' | b'P' | b'c' | b'C' | b's' | b'S'))
    {
        return false;
    }
    let lower = text.to_ascii_lowercase();
    lower.split(|c: char| !c.is_ascii_alphabetic()).any(|w| {
        matches!(
            w,
            "parallel" | "concurrently" | "concurrent" | "simultaneously"
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stage_keys() {
        assert_eq!(stage_key("🚀 Phase 1: Backend"), Some("phase 1".into()));
        assert_eq!(stage_key("**PHASE 3.1 - x**"), Some("phase 3.1".into()));
        assert_eq!(stage_key("Phases"), None);
        assert_eq!(stage_key("Phase Details"), None);
    }

    #[test]
    fn stage_arrows() {
        assert_eq!(
            stage_arrow("Phase 1 → Phase 2: Need telemetry first"),
            Some(("phase 1".into(), "phase 2".into()))
        );
        assert_eq!(stage_arrow("Frontend → Backend"), None);
        assert_eq!(stage_arrow("Phase 1 ships → Phase 2"), None);
    }

    #[test]
    fn criteria_sections_are_not_stages() {
        for t in [
            "Phase 1 Completion Summary:",
            "Phase 2 Complete When:",
            "Beta Phase Success Criteria",
            "End of Week 1 Go/No-Go",
            "Final Checklist Before Production",
            "Phase 3 Review",
            "Phase 1 Success",
            "Current State (October 16, 2025)",
            "Definition of Done",
        ] {
            assert!(is_criteria_section(t), "{t}");
        }
        for t in [
            "Phase 2: Review & Launch",
            "Phase 1: Core Infrastructure (Week 1-2)",
            "Week 3: Status page",
            "Sprint 2",
        ] {
            assert!(!is_criteria_section(t), "{t}");
        }
    }

    #[test]
    fn parallel_stages() {
        assert!(says_parallel("Phase 2 (Week 1, Parallel)"));
        assert!(says_parallel("Runs in parallel with Phase 1"));
        assert!(says_parallel("Both tracks proceed concurrently."));
        assert!(!says_parallel("Parallelize the build"));
        assert!(!says_parallel("Phase 3"));
    }
}
