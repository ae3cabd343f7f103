//! What each row of the timeline stands for, in working days: one plan per phase, in model
//! order, followed by its estimated items (one after another) when the reader expanded it.

use super::place::Slot;
use super::rows::RowKind;
use super::text::text_width;
use super::whatif::{Delays, WhatIf};
use super::{Options, Positions, NOTE_FONT};
use crate::calendar::Date;
use crate::model::{Item, Phase, PhaseKind, Placement, Roadmap, Status};

/// The note of a phase the document gives no time: drawn hatched, never pushing dated ones.
pub(super) const NO_TIME: &str = "no time written";

/// One row before it has a place on screen: time in working days.
pub(super) struct Plan {
    /// Phase or item id.
    pub(super) id: String,
    /// Phase or item.
    pub(super) kind: RowKind,
    /// The full title.
    pub(super) title: String,
    /// Nesting depth (0 = top-level phase).
    pub(super) depth: usize,
    /// Start.
    pub(super) start: f64,
    /// Certain end (the minimum).
    pub(super) end_min: Option<f64>,
    /// Maximum end; `None` when open-ended.
    pub(super) end: Option<f64>,
    /// The time phrase as written.
    pub(super) duration_text: String,
    /// Indices into `Roadmap::items` whose ticks make the row's progress.
    pub(super) items: Vec<usize>,
    /// A phase with estimated items.
    pub(super) expandable: bool,
    /// Its items are shown as rows of their own.
    pub(super) expanded: bool,
    /// The document gave no time.
    pub(super) nominal: bool,
    /// A milestone: a point at `end` (a diamond).
    pub(super) milestone: bool,
    /// Done: its status says so, or a dated milestone lies before today.
    pub(super) done: bool,
    /// What placed it.
    pub(super) placement: Placement,
    /// Its track.
    pub(super) track: usize,
    /// The dates written for it, for people ("Jan 20, 2026 – Feb 9, 2026"), or empty.
    pub(super) dates: String,
    /// Where it was planned, when the what-if moved it.
    pub(super) ghost: Option<Slot>,
    /// The reader delayed it (rather than something it waits on).
    pub(super) delayed: bool,
    /// How many working days the what-if moved its end (its start when open-ended).
    pub(super) shift: f64,
    /// The progress the document claims for it ("Phase 1 … (90% complete)"), if any.
    pub(super) claim: Option<f64>,
    /// The status the document writes for it, when the bar does not show it already ("In
    /// progress", "Blocked").
    pub(super) status_word: Option<&'static str>,
}

impl Plan {
    /// Width of the row's widest note (its total as the done count).
    pub(super) fn note_width(&self) -> f64 {
        let total = self.items.len();
        let count = if total > 0 {
            format!(" · {total}/{total}")
        } else {
            String::new()
        };
        let shift = if self.shift > 0.0 {
            shift_note(self.shift)
        } else {
            String::new()
        };
        let claim = self.claim.map(claim_note).unwrap_or_default();
        let status = self
            .status_word
            .map(|w| format!("{w} · "))
            .unwrap_or_default();
        text_width(
            &format!("{status}{}{count}{claim}{shift}", self.duration_text),
            NOTE_FONT,
        )
    }
}

/// What a moved bar's note adds: " · +5 d".
pub(super) fn shift_note(days: f64) -> String {
    format!(" · +{} d", super::text::num(days))
}

/// " · claims 90%": a claim as the end of a row's note.
pub(super) fn claim_note(percent: f64) -> String {
    format!(" · claims {percent}%")
}

/// The rows of `map`: each phase, then its estimated items when `opts` expands it; where the
/// what-if `whatif` moved them, when there is one.
pub(super) fn plans(
    map: &Roadmap,
    opts: &Options,
    at: &Positions<'_>,
    whatif: Option<&WhatIf>,
) -> Vec<Plan> {
    let estimated = estimated_items(map, at);
    let depth_of = phase_depths(map, at);
    let mut plans: Vec<Plan> = Vec::with_capacity(map.phases.len());
    for (pi, p) in map.phases.iter().enumerate() {
        let est = estimated.get(pi).map_or(&[][..], |v| v.as_slice());
        let expanded = !est.is_empty() && opts.expanded.contains(&p.id);
        let depth = depth_of.get(pi).copied().unwrap_or(0);
        let mut phase = phase_plan(p, depth, at, !est.is_empty(), expanded);
        let today = opts.today.as_deref().and_then(Date::parse_iso);
        let past = |d: &Option<String>| {
            d.as_deref()
                .and_then(Date::parse_iso)
                .zip(today)
                .is_some_and(|(d, t)| d < t)
        };
        phase.done = p.status == Some(Status::Done) || phase.milestone && past(&p.end_date);
        phase.claim = map.claim_about(&p.id).map(|c| c.percent);
        if let Some(w) = whatif {
            phase.delayed = opts.delays.get(&p.id) > 0;
            move_by(&mut phase, w, pi);
        }
        let start = (phase.ghost.map_or(phase.start, |g| g.start), phase.start);
        plans.push(phase);
        if expanded {
            item_plans(map, est, start, depth + 1, &opts.delays, &mut plans);
        }
    }
    plans
}

/// Moves phase `pi`'s plan where the what-if `w` put it, keeping where it was as its ghost.
fn move_by(phase: &mut Plan, w: &WhatIf, pi: usize) {
    let (Some(ps), Some(ws)) = (w.planned.get(pi), w.slots.get(pi)) else {
        return;
    };
    if !w.moved(pi) {
        return;
    }
    let ds = ws.start - ps.start;
    let de = match (ws.end, ps.end) {
        (Some(a), Some(b)) => a - b,
        _ => ds,
    };
    phase.ghost = Some(Slot {
        start: phase.start,
        end: phase.end,
    });
    phase.start += ds;
    phase.end = phase.end.map(|e| (e + de).max(phase.start));
    phase.end_min = phase.end_min.map(|m| (m + de).max(phase.start));
    phase.shift = de;
}

/// Estimated items per phase (their innermost phase; a child whose parent item has an
/// estimate is inside that estimate already).
fn estimated_items(map: &Roadmap, at: &Positions<'_>) -> Vec<Vec<usize>> {
    let mut estimated: Vec<Vec<usize>> = vec![Vec::new(); map.phases.len()];
    for (i, it) in map.items.iter().enumerate() {
        let Some(_) = it.estimate_days else { continue };
        let parent_estimated = it
            .parent
            .as_deref()
            .and_then(|p| at.items.get(p))
            .and_then(|&p| map.items.get(p))
            .is_some_and(|p| p.estimate_days.is_some());
        if parent_estimated {
            continue;
        }
        if let Some(list) = it
            .phase
            .as_deref()
            .and_then(|p| at.phases.get(p))
            .and_then(|&p| estimated.get_mut(p))
        {
            list.push(i);
        }
    }
    estimated
}

/// Depth of each phase from its parent chain (parents come first in the model).
fn phase_depths(map: &Roadmap, at: &Positions<'_>) -> Vec<usize> {
    let mut depth_of: Vec<usize> = vec![0; map.phases.len()];
    for (i, p) in map.phases.iter().enumerate() {
        let d = p
            .parent
            .as_deref()
            .and_then(|id| at.phases.get(id))
            .filter(|&&pi| pi < i)
            .and_then(|&pi| depth_of.get(pi))
            .map_or(0, |d| d + 1);
        if let Some(slot) = depth_of.get_mut(i) {
            *slot = d;
        }
    }
    depth_of
}

/// A phase's row: where the model placed it. Dated phases are already in working days of the
/// document's calendar (the parser counts them with the same calendar as the layout's anchor).
fn phase_plan(
    p: &Phase,
    depth: usize,
    at: &Positions<'_>,
    expandable: bool,
    expanded: bool,
) -> Plan {
    let start = if p.start.is_finite() { p.start } else { 0.0 };
    let end = p.end.filter(|e| e.is_finite()).map(|e| e.max(start));
    // A written range ("1-2 days") draws its certain part as the bar and the rest as a band,
    // when it is what placed the phase.
    let end_min = match (end, p.duration_days) {
        (Some(e), Some([lo, hi])) if lo < hi && ((e - start) - hi).abs() < 1e-3 => Some(start + lo),
        _ => end,
    };
    Plan {
        id: p.id.clone(),
        kind: RowKind::Phase,
        title: p.title.clone(),
        depth,
        start,
        end_min,
        end,
        duration_text: if p.nominal && p.duration_text.is_empty() {
            NO_TIME.to_string()
        } else {
            p.duration_text.clone()
        },
        items: p
            .items
            .iter()
            .filter_map(|id| at.items.get(id.as_str()).copied())
            .collect(),
        expandable,
        expanded,
        nominal: p.nominal,
        milestone: p.kind == PhaseKind::Milestone,
        done: false,
        placement: p.placed_by,
        track: p.track,
        dates: written_dates(p),
        ghost: None,
        delayed: false,
        shift: 0.0,
        claim: None,
        status_word: match p.status {
            Some(s @ (Status::InProgress | Status::Blocked)) => Some(crate::board::status_label(s)),
            _ => None,
        },
    }
}

/// The dates written for a phase, for people: one day ("ends" it when that is all that is
/// written of it), or first – last day.
fn written_dates(p: &Phase) -> String {
    let day = |d: &Option<String>| d.as_deref().and_then(Date::parse_iso);
    match (day(&p.start_date), day(&p.end_date)) {
        (Some(a), Some(b)) if a == b && p.end_only => format!("ends {}", a.long()),
        (Some(a), Some(b)) if a == b => a.long(),
        (Some(a), Some(b)) => format!("{} – {}", a.long(), b.long()),
        (Some(a), None) | (None, Some(a)) => a.long(),
        (None, None) => String::new(),
    }
}

/// An expanded phase's estimated items `est`, one after another from the phase's start, in
/// document order; `start` is (planned, with the what-if). An item's delay lengthens it and
/// moves those after it.
fn item_plans(
    map: &Roadmap,
    est: &[usize],
    start: (f64, f64),
    depth: usize,
    delays: &Delays,
    plans: &mut Vec<Plan>,
) {
    let (mut planned, mut cursor) = start;
    for &i in est {
        let Some(it) = map.items.get(i) else { continue };
        let [lo, hi] = it.estimate_days.unwrap_or([0.0, 0.0]);
        let (lo, hi) = (lo.max(0.0), hi.max(lo.max(0.0)));
        let delay = f64::from(delays.get(&it.id));
        let moved = delay > 0.0 || (cursor - planned).abs() > 1e-9;
        plans.push(Plan {
            id: it.id.clone(),
            kind: RowKind::Item,
            title: item_title(it),
            depth,
            start: cursor,
            end_min: Some(cursor + lo + delay),
            end: Some(cursor + hi + delay),
            duration_text: it
                .estimate_text
                .clone()
                .unwrap_or_else(|| crate::board::format_estimate([lo, hi])),
            items: vec![i],
            expandable: false,
            expanded: false,
            nominal: false,
            milestone: false,
            done: false,
            placement: Placement::Duration,
            track: 0,
            dates: String::new(),
            ghost: moved.then_some(Slot {
                start: planned,
                end: Some(planned + hi),
            }),
            delayed: delay > 0.0,
            shift: if moved { cursor + delay - planned } else { 0.0 },
            claim: map.claim_about(&it.id).map(|c| c.percent),
            status_word: None,
        });
        cursor += lo + delay;
        planned += lo;
    }
}

/// An item's title without its estimate phrase ("API Time: 1-2 days" → "API"): the estimate
/// is the row's note.
fn item_title(it: &Item) -> String {
    let full = it.title.clone().unwrap_or_else(|| it.text.clone());
    let Some(est) = it.estimate_text.as_deref().filter(|e| !e.trim().is_empty()) else {
        return full;
    };
    let cut = full.replace(est.trim(), " ");
    let cut = cut
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .trim_end_matches(|c: char| {
            matches!(c, ':' | '-' | '–' | '—' | '(' | ',' | '⏱') || c.is_whitespace()
        })
        .to_string();
    if cut.is_empty() {
        full
    } else {
        cut
    }
}

#[cfg(test)]
mod tests {
    use super::super::{layout, Options};

    #[test]
    fn written_ranges_are_the_parsers() {
        // Once read again from `duration_text` here; now the phase carries what the parser read.
        let doc = "# Plan\n\n## Phase 1: API (Time: 1-2 days)\n\n## Phase 2: Web (2–4 weeks)\n\n\
                   ## Phase 3: Core (Week 1-2)\n\n## Phase 4: Ship (Day 4-5)\n\n\
                   ## Fase 5: Pruebas (2-3 semanas)\n";
        let map = crate::parse(doc);
        let ranges: Vec<Option<[f64; 2]>> = map.phases.iter().map(|p| p.duration_days).collect();
        assert_eq!(
            ranges,
            [
                Some([1.0, 2.0]),
                Some([10.0, 20.0]),
                None,
                None,
                // The parser's own units, in every language it reads (10 corpus phases say "semanas").
                Some([10.0, 15.0]),
            ]
        );
        let t = layout(&map, &Options::default());
        let bands: Vec<bool> = t.rows.iter().map(|r| r.band.is_some()).collect();
        assert_eq!(bands, [true, true, false, false, true]);
    }
}
