//! The roadmap's health: what `roadboard check` and the web app's Health list report — each
//! finding with a severity, the line to look at and a message a person can act on.
//!
//! **Errors** make the plan unreadable as a plan: a dependency cycle (nothing on it can
//! start first) and an ambiguous reference (it names two or more things, so no dependency is
//! drawn). **Warnings** are probably mistakes: a reference written as an id or numbered name
//! that matches nothing (external prerequisites — names the document does not define — are
//! not findings), a done item whose prerequisite is still open, a phase whose written time
//! starts before a phase it depends on ends, a claim about the whole document more than
//! [`CLAIM_TOLERANCE`] points away from measured progress, and a phase with no time written
//! (unless it says it is done: finished work needs no plan).

use crate::model::{DependencyKind, Phase, PhaseKind, Placement, Roadmap, Status, DOCUMENT_SCOPE};
use serde::Serialize;
use std::collections::HashMap;

/// How far (in percentage points) a document's claim may be from measured progress before
/// it is reported.
pub const CLAIM_TOLERANCE: f64 = 20.0;

/// Slack for comparing working days.
const EPS: f64 = 1e-6;

/// How serious a finding is: errors fail `roadboard check`, warnings only with
/// `--deny-warnings`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// The plan cannot be read as written.
    Error,
    /// Probably a mistake in the document.
    Warning,
}

impl Severity {
    /// "error" or "warning", as printed.
    pub fn label(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// What a finding is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FindingKind {
    /// Items or phases that depend on each other in a circle.
    Cycle,
    /// A reference that names two or more things.
    AmbiguousReference,
    /// A reference written as an id or numbered name that matches nothing.
    BrokenReference,
    /// A done item whose prerequisite is still open.
    DoneBeforePrerequisite,
    /// A phase whose written time starts before a phase it depends on ends.
    PhaseBeforePrerequisite,
    /// A claim about the whole document far from measured progress.
    StaleClaim,
    /// A phase with no time written.
    NoTime,
}

impl FindingKind {
    /// The kind's name as written in JSON and in `roadboard check` output.
    pub fn key(self) -> &'static str {
        match self {
            FindingKind::Cycle => "cycle",
            FindingKind::AmbiguousReference => "ambiguous_reference",
            FindingKind::BrokenReference => "broken_reference",
            FindingKind::DoneBeforePrerequisite => "done_before_prerequisite",
            FindingKind::PhaseBeforePrerequisite => "phase_before_prerequisite",
            FindingKind::StaleClaim => "stale_claim",
            FindingKind::NoTime => "no_time",
        }
    }

    /// How serious findings of this kind are.
    pub fn severity(self) -> Severity {
        match self {
            FindingKind::Cycle | FindingKind::AmbiguousReference => Severity::Error,
            _ => Severity::Warning,
        }
    }
}

/// One thing `roadboard check` reports.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    /// Error or warning.
    pub severity: Severity,
    /// What it is about.
    pub kind: FindingKind,
    /// 1-based line of the document to look at.
    pub line: usize,
    /// What is wrong and what to do, in plain words.
    pub message: String,
}

/// Every finding about `map`, by line (errors first on a line).
pub fn check(map: &Roadmap) -> Vec<Finding> {
    let names = Names::of(map);
    let mut out = Vec::new();
    cycles(map, &names, &mut out);
    references(map, &names, &mut out);
    done_before_prerequisites(map, &names, &mut out);
    phases_before_prerequisites(map, &mut out);
    stale_claim(map, &mut out);
    no_time(map, &mut out);
    out.sort_by_key(|f| (f.line, f.severity));
    out
}

/// (errors, warnings) among `findings`.
pub fn counts(findings: &[Finding]) -> (usize, usize) {
    let errors = findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .count();
    (errors, findings.len() - errors)
}

fn push(out: &mut Vec<Finding>, kind: FindingKind, line: usize, message: String) {
    out.push(Finding {
        severity: kind.severity(),
        kind,
        line,
        message,
    });
}

/// Display names and lines of items, phases and sections, by id.
struct Names<'m> {
    by_id: HashMap<&'m str, (&'m str, usize)>,
}

impl<'m> Names<'m> {
    fn of(map: &'m Roadmap) -> Self {
        let mut by_id = HashMap::new();
        for s in &map.sections {
            by_id.insert(s.id.as_str(), (s.title.as_str(), s.line));
        }
        for p in &map.phases {
            by_id.insert(p.id.as_str(), (p.title.as_str(), p.line));
        }
        for it in &map.items {
            let name = it.title.as_deref().unwrap_or(it.text.as_str());
            by_id.insert(it.id.as_str(), (name, it.line));
        }
        Names { by_id }
    }

    /// `"Name" (line N)`, or the id when it is unknown.
    fn quoted(&self, id: &str) -> String {
        match self.by_id.get(id) {
            Some((name, line)) => format!("\"{}\" (line {line})", short(name)),
            None => format!("\"{id}\""),
        }
    }
}

/// A name cut to a readable length for a one-line message (the line number finds the rest).
fn short(name: &str) -> String {
    const MAX: usize = 60;
    if name.chars().count() <= MAX {
        return name.to_string();
    }
    let cut: String = name.chars().take(MAX - 1).collect();
    format!("{}…", cut.trim_end())
}

fn cycles(map: &Roadmap, names: &Names<'_>, out: &mut Vec<Finding>) {
    for c in &map.cycles {
        let mut path: Vec<String> = c.ids.iter().map(|id| names.quoted(id)).collect();
        if let Some(first) = path.first().cloned() {
            path.push(first);
        }
        push(
            out,
            FindingKind::Cycle,
            c.line,
            format!(
                "dependency cycle: {} — nothing on it can start first; remove one of these dependencies",
                path.join(" depends on ")
            ),
        );
    }
}

fn references(map: &Roadmap, names: &Names<'_>, out: &mut Vec<Finding>) {
    for a in &map.ambiguous {
        let candidates: Vec<String> = a.candidates.iter().map(|id| names.quoted(id)).collect();
        push(
            out,
            FindingKind::AmbiguousReference,
            a.line,
            format!(
                "\"{}\" names {} things ({}), so no dependency is drawn; give the one you mean a unique name or an id like {{#name}} and refer to that",
                a.text,
                a.candidates.len(),
                candidates.join(", ")
            ),
        );
    }
    for u in map.unresolved.iter().filter(|u| !u.external) {
        push(
            out,
            FindingKind::BrokenReference,
            u.line,
            format!(
                "\"{}\" is written like a name from this document, but nothing here has it; correct the reference, or give what it means that name",
                u.text
            ),
        );
    }
}

fn done_before_prerequisites(map: &Roadmap, names: &Names<'_>, out: &mut Vec<Finding>) {
    let items = map.item_positions();
    let phases = map.phase_positions();
    let item_done = |id: &str| {
        items
            .get(id)
            .and_then(|i| map.items.get(*i))
            .map(|it| it.status == Status::Done)
    };
    // A phase is open while it has an open item (or, with none, while it says it is not done).
    let phase_open = |p: &Phase| {
        if p.items.is_empty() {
            p.status.is_some_and(|s| s != Status::Done)
        } else {
            p.items.iter().any(|id| item_done(id) == Some(false))
        }
    };
    for d in &map.dependencies {
        let Some(from) = items.get(d.from.as_str()).and_then(|i| map.items.get(*i)) else {
            continue;
        };
        if from.status != Status::Done {
            continue;
        }
        let open = match item_done(&d.to) {
            Some(done) => !done,
            None => phases
                .get(d.to.as_str())
                .and_then(|i| map.phases.get(*i))
                .is_some_and(phase_open),
        };
        if open {
            push(
                out,
                FindingKind::DoneBeforePrerequisite,
                from.line,
                format!(
                    "{} is marked done but depends on {}, which is still open; finish that first, or untick this one",
                    names.quoted(&from.id),
                    names.quoted(&d.to)
                ),
            );
        }
    }
}

fn phases_before_prerequisites(map: &Roadmap, out: &mut Vec<Finding>) {
    let index = map.phase_positions();
    let section_phase: HashMap<&str, usize> = map
        .sections
        .iter()
        .filter_map(|s| Some((s.id.as_str(), *index.get(s.phase.as_deref()?)?)))
        .collect();
    let phase = |id: &str| {
        index
            .get(id)
            .or_else(|| section_phase.get(id))
            .and_then(|i| map.phases.get(*i))
    };
    for d in map
        .dependencies
        .iter()
        .filter(|d| d.kind == DependencyKind::Explicit)
    {
        let (Some(b), Some(a)) = (phase(&d.from), phase(&d.to)) else {
            continue;
        };
        if a.id == b.id || !placed_before(b, a) {
            continue;
        }
        push(
            out,
            FindingKind::PhaseBeforePrerequisite,
            d.line,
            format!(
                "\"{}\"{} depends on \"{}\" (line {}){}, but starts before it ends; move one of the times, or drop the dependency",
                short(&b.title),
                written(b),
                short(&a.title),
                a.line,
                written(a)
            ),
        );
    }
}

/// Both phases' times are written and `b`'s starts before `a`'s ends (a single written day
/// on `b` says when it ends: then only `a` ending after it contradicts it).
fn placed_before(b: &Phase, a: &Phase) -> bool {
    if !(a.placed_by.is_fixed() && b.placed_by.is_fixed()) {
        return false;
    }
    let a_end = a.end.unwrap_or(a.start);
    let point = b.placed_by == Placement::Dates && b.start_date == b.end_date;
    a_end > b.start + EPS && (!point || a_end > b.end.unwrap_or(b.start) + EPS)
}

/// ` (Week 1-2)`: the time as written, for a message.
fn written(p: &Phase) -> String {
    if p.duration_text.is_empty() {
        String::new()
    } else {
        format!(" ({})", p.duration_text)
    }
}

fn stale_claim(map: &Roadmap, out: &mut Vec<Finding>) {
    let Some(claim) = map
        .claimed_progress
        .iter()
        .find(|c| c.scope == DOCUMENT_SCOPE)
    else {
        return;
    };
    if map.progress.total == 0 {
        return;
    }
    let measured = map.progress.done as f64 * 100.0 / map.progress.total as f64;
    if (claim.percent - measured).abs() <= CLAIM_TOLERANCE {
        return;
    }
    push(
        out,
        FindingKind::StaleClaim,
        claim.line,
        format!(
            "the document claims {}% done, but {} of {} items are done ({}%); update the figure or the items",
            claim.percent,
            map.progress.done,
            map.progress.total,
            map.progress.percent()
        ),
    );
}

fn no_time(map: &Roadmap, out: &mut Vec<Finding>) {
    for p in map
        .phases
        .iter()
        .filter(|p| p.placed_by == Placement::Nominal && p.kind == PhaseKind::Phase)
        .filter(|p| p.status != Some(Status::Done))
    {
        push(
            out,
            FindingKind::NoTime,
            p.line,
            format!(
                "phase \"{}\" has no time written (the timeline draws a nominal length); add one such as \"(Week 3-4)\" or \"(~2 days)\"",
                short(&p.title)
            ),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(doc: &str) -> Vec<(FindingKind, usize)> {
        check(&crate::parse(doc))
            .into_iter()
            .map(|f| (f.kind, f.line))
            .collect()
    }

    fn only(doc: &str, kind: FindingKind) -> Vec<Finding> {
        check(&crate::parse(doc))
            .into_iter()
            .filter(|f| f.kind == kind)
            .collect()
    }

    #[test]
    fn a_clean_plan_has_no_findings() {
        let doc = "# Plan\n\n## Phase 1 (Week 1)\n- [x] a\n\n## Phase 2 (Week 2)\n- [ ] b\n";
        assert_eq!(kinds(doc), vec![]);
    }

    #[test]
    fn a_cycle_is_an_error_on_its_line() {
        let doc = "# Plan\n\n- [ ] Build {#build} (depends on: {#test})\n- [ ] Test {#test} (depends on: {#build})\n";
        let found = only(doc, FindingKind::Cycle);
        assert_eq!(found.len(), 1, "{found:?}");
        let f = &found[0];
        assert_eq!(f.severity, Severity::Error);
        assert!(f.line == 3 || f.line == 4, "{f:?}");
        assert!(f.message.contains("\"Build"), "{}", f.message);
        assert!(f.message.contains("\"Test"), "{}", f.message);
    }

    #[test]
    fn an_ambiguous_reference_is_an_error_naming_the_candidates() {
        let doc = "# Plan\n\n## Frontend\n### Phase 1 (Week 1)\n- [ ] a\n\n## Backend\n### Phase 1 (Week 1)\n- [ ] b\n\n## Release\n- [ ] ship (depends on: Phase 1)\n";
        let map = crate::parse(doc);
        let found = only(doc, FindingKind::AmbiguousReference);
        assert_eq!(found.len(), map.ambiguous.len(), "{found:?}");
        assert!(!found.is_empty(), "{:?}", map.ambiguous);
        assert_eq!(found[0].severity, Severity::Error);
        assert_eq!(found[0].line, 12);
        assert!(
            found[0].message.contains("(line 4)"),
            "{}",
            found[0].message
        );
        assert!(
            found[0].message.contains("(line 8)"),
            "{}",
            found[0].message
        );
    }

    #[test]
    fn a_broken_reference_warns_and_an_external_one_does_not() {
        let doc = "# Plan\n\n- [ ] a (depends on: {#nothing})\n- [ ] b (depends on: Redis setup)\n";
        let map = crate::parse(doc);
        assert!(map.unresolved.iter().any(|u| u.external), "{map:?}");
        let found = only(doc, FindingKind::BrokenReference);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].severity, Severity::Warning);
        assert_eq!(found[0].line, 3);
        assert!(found[0].message.contains("{#nothing}"));
    }

    #[test]
    fn a_done_item_with_an_open_prerequisite_warns() {
        let doc = "# Plan\n\n- [ ] Schema {#schema}\n- [x] Migrate (depends on: {#schema})\n- [x] Seed (depends on: {#mig})\n- [x] Mig {#mig}\n";
        let found = only(doc, FindingKind::DoneBeforePrerequisite);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].line, 4);
        assert!(
            found[0].message.contains("\"Schema\" (line 3)"),
            "{}",
            found[0].message
        );
    }

    #[test]
    fn a_phase_dated_before_its_prerequisite_warns() {
        let doc = "# Plan\n\n## Phase 1: Build (Week 3-4)\n- [ ] a\n\n## Phase 2: Design (Week 1-2)\nDepends on: Phase 1\n- [ ] b\n";
        let found = only(doc, FindingKind::PhaseBeforePrerequisite);
        assert_eq!(found.len(), 1, "{:?}", check(&crate::parse(doc)));
        assert!(
            found[0].message.contains("Week 1-2"),
            "{}",
            found[0].message
        );
        assert!(
            found[0].message.contains("(line 3)"),
            "{}",
            found[0].message
        );
        // In the right order, nothing.
        let fine = "# Plan\n\n## Phase 1: Build (Week 1-2)\n- [ ] a\n\n## Phase 2: Design (Week 3-4)\nDepends on: Phase 1\n- [ ] b\n";
        assert!(only(fine, FindingKind::PhaseBeforePrerequisite).is_empty());
    }

    #[test]
    fn a_stale_document_claim_warns_beyond_twenty_points() {
        let doc = "# Plan\n\n**Progress: 90% complete**\n\n- [x] a\n- [ ] b\n- [ ] c\n- [ ] d\n";
        let map = crate::parse(doc);
        assert!(map.document_claim().is_some(), "{:?}", map.claimed_progress);
        let found = only(doc, FindingKind::StaleClaim);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].line, 3);
        assert!(found[0].message.contains("1 of 4"), "{}", found[0].message);
        let near = "# Plan\n\n**Progress: 40% complete**\n\n- [x] a\n- [ ] b\n- [ ] c\n- [ ] d\n";
        assert!(only(near, FindingKind::StaleClaim).is_empty());
    }

    #[test]
    fn a_phase_with_no_time_warns() {
        let doc = "# Plan\n\n## Phase 1: Setup\n- [ ] a\n\n## Phase 2: Build (Week 2)\n- [ ] b\n";
        let found = only(doc, FindingKind::NoTime);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].line, 3);
        assert_eq!(found[0].severity, Severity::Warning);
        let done = "# Plan\n\n## Phase 1: Setup (Complete)\n- [x] a\n\n## Phase 2: Build (Week 2)\n- [ ] b\n";
        assert!(
            only(done, FindingKind::NoTime).is_empty(),
            "{:?}",
            crate::parse(done).phases
        );
    }

    #[test]
    fn counts_split_errors_and_warnings() {
        let doc = "# Plan\n\n## Phase 1: Setup\n- [ ] Build {#build} (depends on: {#test})\n- [ ] Test {#test} (depends on: {#build})\n";
        let f = check(&crate::parse(doc));
        assert_eq!(counts(&f), (1, 1), "{f:?}");
        assert!(f.windows(2).all(|w| w[0].line <= w[1].line));
    }
}
