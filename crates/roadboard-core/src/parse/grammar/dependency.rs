//! Dependency phrases: "depends on:", "blocked by:", "after:", "requires:", "needs:",
//! "Dependencies:" … and the reference list each one opens.

use super::lex::{ends_with_ci, is_word_start};

/// Longest reference list read after a dependency phrase, in bytes.
const MAX_REFS_LEN: usize = 400;

/// Dependency phrases in `text`: `depends on:`, `after:`, `blocked by:`, `requires:`,
/// `needs:` (also `prerequisites:`), each with the reference list that follows.
/// Returns (references as written, byte position of the phrase).
///
/// Driven by the colons of `text`: each colon checks the words before it.
#[cfg(test)]
pub(crate) fn dependency_phrases(text: &str) -> Vec<(String, usize)> {
    let mut out = Vec::new();
    scan_dependency_phrases(text, |refs, i| {
        out.push((refs.to_string(), i));
        true
    });
    out
}

/// Byte position of the first dependency phrase of `text` (as `dependency_phrases`
/// finds them), without collecting the reference lists.
pub(crate) fn first_dependency_phrase(text: &str) -> Option<usize> {
    let mut first = None;
    scan_dependency_phrases(text, |_, i| {
        first = Some(i);
        false
    });
    first
}

/// Calls `found(references, position)` for each dependency phrase of `text`, in order,
/// until it returns false.
pub(crate) fn scan_dependency_phrases(text: &str, mut found: impl FnMut(&str, usize) -> bool) {
    // (byte scans: no searcher set up for the short texts of items)
    if !text.as_bytes().contains(&b':') {
        return;
    }
    let colons = text
        .as_bytes()
        .iter()
        .enumerate()
        .filter(|(_, c)| **c == b':')
        .map(|(i, _)| i);
    for colon in colons {
        let head = text
            .get(..colon)
            .unwrap_or("")
            .trim_end_matches([' ', '*', '_']);
        // every keyword ends in one of these letters: most colons are rejected here
        if !head.as_bytes().last().is_some_and(|c| {
            matches!(
                c.to_ascii_lowercase(),
                b'n' | b's' | b'y' | b'd' | b'r' | b'e'
            )
        }) {
            continue;
        }
        let Some(kw) = DEP_KEYWORDS
            .iter()
            .find(|kw| ends_with_ci(head, kw) && is_word_start(head, head.len() - kw.len()))
        else {
            continue;
        };
        let i = head.len() - kw.len();
        let before = head.get(..i).unwrap_or("");
        // from the end: stops at the nearest word, so repeated phrases stay linear
        let at_start = !before.chars().rev().any(char::is_alphanumeric);
        // Nouns are field labels only at the start of a line ("**Dependencies**: …"), not
        // the end of a bold title ("Third-party Dependencies: regular updates").
        let label_only = matches!(
            *kw,
            "dependencies" | "dependency" | "prerequisites" | "prerequisite" | "required"
        );
        if label_only && !at_start {
            continue;
        }
        // Short words ("after", "needs", "requires") also occur in prose ("each domain
        // needs: …"): only at the start or after a separator.
        let verb_phrase = matches!(
            *kw,
            "depends on" | "depend on" | "blocked by" | "waiting on"
        );
        let after_separator = before
            .trim_end_matches([' ', '*', '_'])
            .ends_with(['(', '[', ',', ';', '-', '|', '—', '–', '·', ':']);
        if !verb_phrase && !at_start && !after_separator {
            continue;
        }
        let start = colon + 1;
        // A reference list is short; bounding it keeps repeated phrases linear.
        let mut cap = (start + MAX_REFS_LEN).min(text.len());
        while !text.is_char_boundary(cap) {
            cap -= 1;
        }
        let rest = text.get(start..cap).unwrap_or("");
        // up to an unmatched ')' or ']', a sentence end, or the end
        let mut depth = 0i32;
        let mut end = rest.len();
        let rb = rest.as_bytes();
        // (bytes: the delimiters are ASCII, never part of a longer character)
        for (k, &c) in rb.iter().enumerate() {
            match c {
                b'(' | b'[' => depth += 1,
                b')' | b']' => {
                    if depth == 0 {
                        end = k;
                        break;
                    }
                    depth -= 1;
                }
                b'.' if rb.get(k + 1).is_none_or(|n| *n == b' ') => {
                    end = k;
                    break;
                }
                _ => {}
            }
        }
        let refs = rest.get(..end).unwrap_or("").trim();
        if !refs.is_empty() && !found(refs, i) {
            return;
        }
    }
}

const DEP_KEYWORDS: [&str; 13] = [
    "depends on",
    "depend on",
    "dependencies",
    "dependency",
    "blocked by",
    "requires",
    "required",
    "needs",
    "after",
    "prerequisites",
    "prerequisite",
    "prereqs",
    "waiting on",
];

/// `text` up to its first dependency phrase ("Write API (depends on: DB)" → "Write API"),
/// so that adding or editing a dependency does not change an item's id.
/// `cut` is [`first_dependency_phrase`] of `text`.
pub(crate) fn without_dependencies_at(text: &str, cut: Option<usize>) -> &str {
    let Some(cut) = cut else {
        return text;
    };
    let head = text.get(..cut).unwrap_or(text).trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, '(' | '[' | '-' | '—' | '–' | ',' | ';' | '|')
    });
    if head.trim().is_empty() {
        text
    } else {
        head
    }
}

#[cfg(test)]
mod tests {
    use super::super::reference::split_refs;
    use super::*;

    #[test]
    fn dependency_phrase_lists() {
        let p = dependency_phrases("Deploy (depends on: DB setup, Auth) now");
        assert_eq!(p.len(), 1);
        assert_eq!(split_refs(&p[0].0), vec!["DB setup", "Auth"]);
        assert_eq!(
            split_refs("Phase 7, Phase 8, and Phase 9"),
            vec!["Phase 7", "Phase 8", "Phase 9"]
        );
        assert!(split_refs("Nothing (first phase)").is_empty());
        assert!(dependency_phrases("apps that depend on services").is_empty());
    }
}
