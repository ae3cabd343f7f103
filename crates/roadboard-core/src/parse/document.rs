//! Stage 8, the document as a whole: the progress it claims, its title, its measured
//! progress, and the diagnostics about phrases that belong to nothing.

use super::walk::RawSection;
use crate::model::{ClaimedProgress, Diagnostic, Item, Progress, Status};

/// The progress the document claims ("85% Complete"), once per line and percentage, in
/// line order.
pub(super) fn claims(found: Vec<(f64, usize)>) -> Vec<ClaimedProgress> {
    let mut claimed: Vec<ClaimedProgress> = Vec::new();
    for (percent, line) in found {
        if !claimed
            .iter()
            .any(|x| x.line == line && x.percent == percent)
        {
            claimed.push(ClaimedProgress { percent, line });
        }
    }
    claimed.sort_by_key(|x| x.line);
    claimed
}

/// The document's title: its first `#` (or setext `===`) heading, else its first heading of
/// the highest level present; the file name only when it has no heading with text; else
/// "Untitled roadmap".
pub(super) fn title(sections: &[RawSection], file_name: Option<&str>) -> String {
    title_section(sections)
        .and_then(|k| sections.get(k))
        .map(|s| s.plain.clone())
        .filter(|t| !t.is_empty())
        .or_else(|| file_name.map(str::to_string))
        .filter(|t| !t.is_empty())
        .unwrap_or_else(|| "Untitled roadmap".to_string())
}

/// The heading that titles the document: the first of the highest level present (a `#`
/// heading when there is one), among headings with text.
pub(super) fn title_section(sections: &[RawSection]) -> Option<usize> {
    let top = sections
        .iter()
        .filter(|s| !s.plain.is_empty())
        .map(|s| s.level)
        .min()?;
    sections
        .iter()
        .position(|s| s.level == top && !s.plain.is_empty())
}

/// Done over total, over every item but those out of scope.
pub(super) fn progress(items: &[Item]) -> Progress {
    Progress {
        done: items.iter().filter(|i| i.status == Status::Done).count(),
        total: items.iter().filter(|i| i.status.counts()).count(),
    }
}

/// A diagnostic for each dependency phrase before the first heading: nothing owns it.
pub(super) fn ownerless_dependencies(loose: &[(String, usize)], diagnostics: &mut Vec<Diagnostic>) {
    for (refs, line) in loose {
        diagnostics.push(Diagnostic {
            line: *line,
            message: format!("dependency phrase before the first heading has no owner: {refs}"),
        });
    }
}
