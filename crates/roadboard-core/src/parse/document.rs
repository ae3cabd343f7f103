//! Stage 8, the document as a whole: the progress it claims (and what each claim is
//! about), its title, its measured progress, and the diagnostics about phrases that belong
//! to nothing.

use super::fxhash::{FastMap, FastSet};
use super::grammar::{self, ClaimSubject};
use super::lines::LineIndex;
use super::walk::RawSection;
use crate::model::{ClaimedProgress, Diagnostic, Item, Progress, Roadmap, Status, DOCUMENT_SCOPE};

/// A claim found by the walk, with what the words of its line say it is about.
pub(super) struct Claim {
    percent: f64,
    line: usize,
    subject: ClaimSubject,
}

/// The claims the walk found ("85% Complete"), once per line and percentage, in line
/// order, each with what its line says it is about. `text` is the walked text and `lines`
/// its line index.
pub(super) fn read_claims(
    found: Vec<(f64, usize)>,
    text: &str,
    lines: Option<&LineIndex>,
) -> Vec<Claim> {
    if found.is_empty() {
        return Vec::new();
    }
    let mut seen: FastSet<(usize, u64)> = FastSet::default();
    let mut found: Vec<(f64, usize)> = found
        .into_iter()
        .filter(|(percent, line)| seen.insert((*line, percent.to_bits())))
        .collect();
    found.sort_by_key(|x| x.1);
    let line_text = |line: usize| -> &str {
        let Some(lines) = lines else { return "" };
        let start = lines.start(line).unwrap_or(text.len());
        let end = lines.start(line + 1).unwrap_or(text.len());
        text.get(start..end)
            .unwrap_or("")
            .trim_end_matches(['\n', '\r'])
    };
    // the claims of a line, read once per line (claims come in line order)
    let mut read: (usize, Vec<(f64, usize)>) = (0, Vec::new());
    found
        .into_iter()
        .map(|(percent, line)| {
            let text = line_text(line);
            if read.0 != line {
                read = (line, grammar::claimed_percents(text));
            }
            let pos = read
                .1
                .iter()
                .find(|(v, _)| *v == percent)
                .map_or(text.len(), |(_, p)| *p);
            Claim {
                percent,
                line,
                subject: grammar::claim_subject(text, pos),
            }
        })
        .collect()
}

/// The claims with their scopes (see [`Places::scope`]).
pub(super) fn claims(found: Vec<Claim>, map: &Roadmap) -> Vec<ClaimedProgress> {
    if found.is_empty() {
        return Vec::new();
    }
    let places = Places::new(map, &found);
    found
        .into_iter()
        .map(|c| ClaimedProgress {
            percent: c.percent,
            line: c.line,
            scope: places.scope(c.line, c.subject, map),
        })
        .collect()
}

/// Where things are written, by line: what the lines of some claims are part of.
struct Places {
    /// Claim line → index of the item written there (on any line of its own text).
    item_at: FastMap<usize, usize>,
    /// Line → index of a phase written there without a heading (a timeline-table row).
    phase_at: FastMap<usize, usize>,
    /// Index of the document's title section (its first `#` heading).
    title: Option<usize>,
    /// Per section, the index of its parent (built when first needed).
    parent: std::cell::OnceCell<Vec<Option<usize>>>,
}

impl Places {
    /// The places of `map` that the lines of `claims` (in line order) are part of.
    fn new(map: &Roadmap, claims: &[Claim]) -> Self {
        let mut lines: Vec<usize> = claims.iter().map(|c| c.line).collect();
        lines.dedup();
        // for each item, the first claim line at or after it, if within its own text
        let mut item_at: FastMap<usize, usize> = FastMap::default();
        for (k, it) in map.items.iter().enumerate() {
            let first = lines.partition_point(|&l| l < it.line);
            let Some(&l) = lines.get(first) else {
                continue;
            };
            // a line of the item's own text: its first, or one of the breaks in it
            let gap = l - it.line;
            if gap > 0 && gap >= it.markdown.len() {
                continue;
            }
            let more = lines
                .get(first + 1)
                .is_some_and(|&m| m - it.line < it.markdown.len());
            let breaks = if gap > 0 || more {
                it.markdown.bytes().filter(|&b| b == b'\n').count()
            } else {
                0
            };
            for &m in lines.get(first..).unwrap_or(&[]) {
                if m - it.line > breaks {
                    break;
                }
                item_at.entry(m).or_insert(k);
            }
        }
        let phase_at = map
            .phases
            .iter()
            .enumerate()
            .filter(|(_, p)| p.section.is_none())
            .map(|(k, p)| (p.line, k))
            .collect();
        Places {
            item_at,
            phase_at,
            title: map.sections.iter().position(|s| s.level == 1),
            parent: std::cell::OnceCell::new(),
        }
    }

    /// What a claim on `line` is about:
    ///
    /// 1. the document, when its words say so ("Overall", "The project is", a "Total" row);
    /// 2. the item written on that line;
    /// 3. the phase of a timeline-table row on that line;
    /// 4. in a heading: the heading's item, phase or section, or the document for the
    ///    title;
    /// 5. under a label that names something ("**Backend**: 80% complete"): the section it
    ///    is written in;
    /// 6. else the section it is written in, or rather what that section is about when it
    ///    is a status or summary section ("Current Status", "Executive Summary"): the
    ///    document at the top (before the first heading, in the title's own text, or in
    ///    a status section under the title), else the phase or section above.
    fn scope(&self, line: usize, subject: ClaimSubject, map: &Roadmap) -> String {
        if subject == ClaimSubject::Document {
            return DOCUMENT_SCOPE.to_string();
        }
        if let Some(it) = self.item_at.get(&line).and_then(|&k| map.items.get(k)) {
            return it.id.clone();
        }
        if let Some(p) = self.phase_at.get(&line).and_then(|&k| map.phases.get(k)) {
            return p.id.clone();
        }
        let sections = &map.sections;
        let within = sections.partition_point(|s| s.line <= line);
        let Some(own) = within.checked_sub(1) else {
            return DOCUMENT_SCOPE.to_string();
        };
        let heading = sections.get(own).is_some_and(|s| s.line == line);
        if heading || subject == ClaimSubject::Named {
            if Some(own) == self.title && heading {
                return DOCUMENT_SCOPE.to_string();
            }
            return self.target(own, map);
        }
        let mut at = Some(own);
        // parents come before their children: the walk ends
        for _ in 0..sections.len() {
            match at.and_then(|k| sections.get(k).map(|s| (k, s))) {
                Some((k, _)) if Some(k) == self.title => break,
                Some((k, s)) if is_status_title(&s.title) => {
                    at = self.parents(map).get(k).copied().flatten();
                }
                _ => break,
            }
        }
        match at {
            Some(k) if Some(k) != self.title => self.target(k, map),
            _ => DOCUMENT_SCOPE.to_string(),
        }
    }

    /// Per section, the index of its parent.
    fn parents(&self, map: &Roadmap) -> &[Option<usize>] {
        self.parent.get_or_init(|| {
            let index: FastMap<&str, usize> = map
                .sections
                .iter()
                .enumerate()
                .map(|(k, s)| (s.id.as_str(), k))
                .collect();
            map.sections
                .iter()
                .map(|s| s.parent.as_deref().and_then(|p| index.get(p).copied()))
                .collect()
        })
    }

    /// What section `k` stands for: the item its heading is, else the phase it names, else
    /// the section.
    fn target(&self, k: usize, map: &Roadmap) -> String {
        let Some(s) = map.sections.get(k) else {
            return DOCUMENT_SCOPE.to_string();
        };
        if let Some(it) = self
            .item_at
            .get(&s.line)
            .and_then(|&i| map.items.get(i))
            .filter(|it| it.line == s.line)
        {
            return it.id.clone();
        }
        s.phase.clone().unwrap_or_else(|| s.id.clone())
    }
}

/// A heading that only says it is a status or summary: "Status", "Current Status",
/// "Executive Summary", "Project Overview", "Progress", "TL;DR", "Current Success State".
fn is_status_title(title: &str) -> bool {
    let norm = super::ids::normalize(title);
    let words: Vec<&str> = norm.split(' ').filter(|w| !w.is_empty()).collect();
    words.iter().any(|w| {
        matches!(
            *w,
            "status" | "summary" | "overview" | "progress" | "snapshot" | "tldr" | "dr" | "glance"
        ) || *w == "state" && words.contains(&"current")
    }) && words.iter().all(|w| {
        matches!(
            *w,
            "status"
                | "summary"
                | "overview"
                | "progress"
                | "snapshot"
                | "tldr"
                | "tl"
                | "dr"
                | "at"
                | "a"
                | "glance"
                | "current"
                | "state"
                | "project"
                | "roadmap"
                | "plan"
                | "overall"
                | "executive"
                | "the"
                | "of"
                | "and"
                | "our"
                | "success"
                | "quick"
                | "report"
                | "update"
                | "health"
        )
    })
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
