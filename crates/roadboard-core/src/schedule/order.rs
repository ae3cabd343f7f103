//! Implicit phase order, and the schedule step applied to a roadmap: the two places where
//! the timeline decides what follows what when the document does not say it.
//!
//! **Order from what is written.** A phase depends on the phase before it only when both are
//! in one track (sibling headings under one section, one table, one list), it writes no
//! dependency of its own, neither says it runs in parallel, and their written times do not
//! contradict it: when both are placed by dates or ranges, the later one must start when the
//! earlier one ends or after ("Weeks 5-6" then "Weeks 6-7" share week 6: parallel). After
//! placement, an implicit edge that would still point backwards in time is dropped; a
//! written one is kept, drawn, and reported as a conflict.

use super::place::{schedule, Task, When};
use super::{NOMINAL_DAYS, NOMINAL_NESTED_DAYS};
use crate::model::{Dependency, DependencyKind, Diagnostic, Phase, PhaseKind, Placement, Roadmap};
use crate::parse::FastMap;
use std::collections::{HashMap, HashSet};

/// Slack for comparing working days.
const EPS: f64 = 1e-6;

/// The implicit phase-order edges of `phases` (model order), skipping phases for which
/// `wrote_own(id)` holds (they wrote their own dependencies).
pub fn implicit_order(phases: &[Phase], wrote_own: impl Fn(&str) -> bool) -> Vec<Dependency> {
    let mut last_in_track: HashMap<usize, &Phase> = HashMap::new();
    let mut edges = Vec::new();
    for b in phases {
        let Some(a) = last_in_track.insert(b.track, b) else {
            continue;
        };
        if wrote_own(b.id.as_str()) || a.parallel || b.parallel {
            continue;
        }
        let contradicted = a.placed_by.is_fixed()
            && b.placed_by.is_fixed()
            && a.end.is_none_or(|ae| b.start + EPS < ae);
        if contradicted {
            continue;
        }
        edges.push(Dependency {
            from: b.id.clone(),
            to: a.id.clone(),
            kind: DependencyKind::PhaseOrder,
            line: b.line,
            text: String::new(),
        });
    }
    edges
}

/// The schedule step on a roadmap: places every phase by [`schedule`] from what placed it
/// ([`Placement`]), its parent and the phases it depends on; then drops implicit order edges
/// that point backwards in time and reports written dependencies the document's own dates
/// contradict. Idempotent: running it again on its result changes nothing.
pub fn place(map: &mut Roadmap) {
    let tasks = tasks_of(map);
    let slots = schedule(&tasks);
    let round = |v: f64| (v * 1000.0).round() / 1000.0;
    for (p, s) in map.phases.iter_mut().zip(&slots) {
        p.start = round(s.start);
        p.end = s.end.map(round);
    }
    start_where_prerequisites_end(map, &tasks);
    prune_and_report(map);
}

/// A phase whose only written date is its end ([`Phase::end_only`]: "Estimated Completion:
/// March 9, 2024") runs from where its prerequisites end — the phase before it, or what it
/// depends on — when that is earlier; with none, it stays the one day written. Its end (what
/// others wait for) never moves, so nothing else is placed differently.
fn start_where_prerequisites_end(map: &mut Roadmap, tasks: &[Task]) {
    let from: Vec<Option<f64>> = map
        .phases
        .iter()
        .zip(tasks)
        .map(|(p, t)| {
            if !p.end_only || p.placed_by != Placement::Dates {
                return None;
            }
            t.after
                .iter()
                .filter_map(|&k| map.phases.get(k))
                .map(|q| q.end.unwrap_or(q.start))
                .reduce(f64::max)
        })
        .collect();
    for (p, f) in map.phases.iter_mut().zip(from) {
        if let Some(f) = f.filter(|f| *f + EPS < p.start) {
            p.start = f;
        }
    }
}

/// The phases of `map` as tasks for [`schedule`], in model order: where each one's time comes
/// from, its parent and the phases it depends on (a dependency on a section counts for the
/// phase that section names). No delays.
pub(super) fn tasks_of(map: &Roadmap) -> Vec<Task> {
    let index: FastMap<&str, usize> = map
        .phases
        .iter()
        .enumerate()
        .map(|(i, p)| (p.id.as_str(), i))
        .collect();
    let section_phase: FastMap<&str, usize> = map
        .sections
        .iter()
        .filter_map(|s| {
            let p = s.phase.as_deref().and_then(|p| index.get(p))?;
            Some((s.id.as_str(), *p))
        })
        .collect();
    let phase_of = |id: &str| index.get(id).or_else(|| section_phase.get(id)).copied();
    let mut after: Vec<Vec<usize>> = vec![Vec::new(); map.phases.len()];
    for d in &map.dependencies {
        if let (Some(f), Some(t)) = (index.get(d.from.as_str()), phase_of(&d.to)) {
            if let Some(list) = after.get_mut(*f) {
                list.push(t);
            }
        }
    }
    map.phases
        .iter()
        .zip(after)
        .map(|(p, after)| {
            let parent = p.parent.as_deref().and_then(|id| index.get(id)).copied();
            Task {
                when: when_of(p, parent.and_then(|k| map.phases.get(k))),
                parent,
                after,
                stretch: p.placed_by == Placement::Nominal && p.kind == PhaseKind::Phase,
                delay: 0.0,
            }
        })
        .collect()
}

/// Where a phase's time comes from, for the schedule.
fn when_of(p: &Phase, parent: Option<&Phase>) -> When {
    let fixed = When::Fixed {
        start: p.start,
        end: p.end,
    };
    match p.placed_by {
        Placement::Dates | Placement::Range => fixed,
        Placement::RangeInParent => match parent {
            Some(pp) => When::InParent {
                start: p.start - pp.start,
                end: p.end.map(|e| e - pp.start),
            },
            None => fixed,
        },
        Placement::Duration => When::Floating {
            len: Some(
                p.duration_days
                    .map_or_else(|| p.end.map_or(0.0, |e| e - p.start), |d| d[1]),
            ),
        },
        Placement::Open => When::Floating { len: None },
        Placement::Nominal => When::Floating {
            len: Some(if p.kind == PhaseKind::Milestone && p.items.is_empty() {
                0.0
            } else if p.parent.is_some() {
                NOMINAL_NESTED_DAYS
            } else {
                NOMINAL_DAYS
            }),
        },
    }
}

/// Drops implicit order edges that point backwards as placed; reports each written
/// dependency between phases whose own dates or ranges contradict it.
fn prune_and_report(map: &mut Roadmap) {
    let at: HashMap<&str, &Phase> = map.phases.iter().map(|p| (p.id.as_str(), p)).collect();
    let backward = |d: &Dependency| -> Option<(&Phase, &Phase)> {
        let (b, a) = (at.get(d.from.as_str())?, at.get(d.to.as_str())?);
        let a_end = a.end.unwrap_or(a.start);
        (a_end > b.start + EPS).then_some((*b, *a))
    };
    let mut dropped: Vec<(String, String)> = Vec::new();
    let mut conflicts: Vec<Diagnostic> = Vec::new();
    // A single written day ("Completed 2026-01-20", "Estimated Completion: March 9, 2024")
    // says when the work ends: a written dependency is contradicted only if it ends first.
    let point = |p: &Phase| p.placed_by == Placement::Dates && p.start_date == p.end_date;
    for d in &map.dependencies {
        let Some((b, a)) = backward(d) else { continue };
        let contradicted = !point(b) || a.end.unwrap_or(a.start) > b.end.unwrap_or(b.start) + EPS;
        match d.kind {
            DependencyKind::PhaseOrder => dropped.push((d.from.clone(), d.to.clone())),
            DependencyKind::Explicit
                if a.placed_by.is_fixed() && b.placed_by.is_fixed() && contradicted =>
            {
                conflicts.push(Diagnostic {
                    line: d.line,
                    message: format!(
                        "\"{}\" (line {}) depends on \"{}\" (line {}), but the time written for it starts before \"{}\" ends: drawn as written",
                        b.title, b.line, a.title, a.line, a.title
                    ),
                });
            }
            DependencyKind::Explicit => {}
        }
    }
    if !dropped.is_empty() {
        let gone: HashSet<(&str, &str)> = dropped
            .iter()
            .map(|(f, t)| (f.as_str(), t.as_str()))
            .collect();
        map.dependencies.retain(|d| {
            d.kind != DependencyKind::PhaseOrder
                || !gone.contains(&(d.from.as_str(), d.to.as_str()))
        });
        let still: HashSet<(&str, &str)> = map
            .dependencies
            .iter()
            .map(|d| (d.from.as_str(), d.to.as_str()))
            .collect();
        let mut keep: Vec<Vec<String>> = Vec::with_capacity(map.phases.len());
        for p in &map.phases {
            keep.push(
                p.depends_on
                    .iter()
                    .filter(|t| still.contains(&(p.id.as_str(), t.as_str())))
                    .cloned()
                    .collect(),
            );
        }
        for (p, k) in map.phases.iter_mut().zip(keep) {
            p.depends_on = k;
        }
    }
    map.diagnostics.extend(conflicts);
}
