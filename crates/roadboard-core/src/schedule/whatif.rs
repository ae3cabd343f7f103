//! What if it slips? The delays a reader adds to phases and items, and the plan they give: the
//! [schedule step](super::schedule) run again with the delays as its input — no second
//! placement rule.
//!
//! - A delay of `d` working days makes the phase end `d` days later (an open-ended phase
//!   starts `d` days later). A delayed item delays its phase by as much (the phase is not done
//!   before its items), and its sub-bar and those after it move.
//! - What waits on a delayed phase — written dependencies and phase order — moves along the
//!   graph. A written relative range ("Week 3-4") keeps its place until a prerequisite ends
//!   after it starts, then starts then. Calendar dates never move by what precedes them; a
//!   delay of a dated phase itself moves it (the reader asked). A nested phase that now ends
//!   after its parent pushes the parent's end.
//! - Several delays add up; the critical path and the plan's end are recomputed by the
//!   layout; the *slack* of the latest delay is how many more working days it can slip before
//!   the end moves.
//!
//! The what-if never touches the document or the reader's ticks: it is a list of
//! `(id, days)` kept in the link ([`crate::viewstate`]). Cost: a few runs of the schedule
//! (linear in phases + dependencies), one more for the slack.

use super::order::tasks_of;
use super::place::{schedule, Slot, Task, When};
use crate::calendar::{month_name, WorkCalendar};
use crate::model::{Placement, Roadmap};
use crate::parse::FastMap;

/// Slack for comparing working days.
const EPS: f64 = 1e-6;
/// How far the slack probe pushes the latest delay: further than any plan is long.
const PROBE: f64 = 1.0e5;
/// Rounds of "a nested phase that overruns pushes its parent" (deeper nesting is rare).
const NESTING_ROUNDS: usize = 8;

/// The most delays a what-if holds (more are refused: a link stays short).
pub const MAX_DELAYS: usize = 32;
/// The longest delay, in working days (about four years).
pub const MAX_DELAY_DAYS: u32 = 999;

/// The reader's delays: phase or item id → working days, in the order they were last changed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Delays(Vec<(String, u32)>);

impl Delays {
    /// No delays.
    pub fn new() -> Self {
        Delays::default()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// How many ids are delayed.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Each delayed id and its working days, the most recently changed last.
    pub fn iter(&self) -> impl Iterator<Item = (&str, u32)> + '_ {
        self.0.iter().map(|(id, d)| (id.as_str(), *d))
    }

    /// The delay of `id` (0 when none).
    pub fn get(&self, id: &str) -> u32 {
        self.0.iter().find(|(k, _)| k == id).map_or(0, |(_, d)| *d)
    }

    /// The id changed last.
    pub fn last(&self) -> Option<&str> {
        self.0.last().map(|(id, _)| id.as_str())
    }

    /// Add `days` (negative: take back) to the delay of `id`, kept within
    /// `0..=`[`MAX_DELAY_DAYS`]; a delay that reaches 0 is removed. Returns false, changing
    /// nothing, when `id` is empty or a new id would exceed [`MAX_DELAYS`].
    pub fn add(&mut self, id: &str, days: i64) -> bool {
        let now = i64::from(self.get(id));
        self.set(
            id,
            now.saturating_add(days).clamp(0, i64::from(MAX_DELAY_DAYS)) as u32,
        )
    }

    /// Set the delay of `id` (0 removes it; more than [`MAX_DELAY_DAYS`] is cut to it); it
    /// becomes the latest. Returns false, changing nothing, when `id` is empty or a new id
    /// would exceed [`MAX_DELAYS`].
    pub fn set(&mut self, id: &str, days: u32) -> bool {
        let existed = self.0.iter().any(|(k, _)| k == id);
        if id.is_empty() || (!existed && days > 0 && self.0.len() >= MAX_DELAYS) {
            return false;
        }
        self.0.retain(|(k, _)| k != id);
        if days > 0 {
            self.0.push((id.to_string(), days.min(MAX_DELAY_DAYS)));
        }
        true
    }

    /// Forget every delay.
    pub fn clear(&mut self) {
        self.0.clear();
    }
}

/// The plan with the reader's delays, beside the plan as placed.
#[derive(Debug, Clone, PartialEq)]
pub struct WhatIf {
    /// Per phase (model order): where the document placed it.
    pub planned: Vec<Slot>,
    /// Per phase: where it is with the delays.
    pub slots: Vec<Slot>,
    /// Per phase: the working days it was delayed itself (its own delay and its items').
    pub own: Vec<f64>,
    /// The plan's end as placed (the latest end; an open-ended phase counts by its start).
    pub end_planned: f64,
    /// The plan's end with the delays.
    pub end: f64,
    /// The phase that ends the plan as placed.
    pub last_planned: Option<usize>,
    /// The phase that ends the plan with the delays.
    pub last: Option<usize>,
    /// When the end did not move: how many more working days the latest delay could slip
    /// before it does.
    pub slack: Option<f64>,
    /// Dated phases that stay where the document dates them although a prerequisite now ends
    /// after they start: (the dated phase, the prerequisite), by index.
    pub held: Vec<(usize, usize)>,
    /// The delays in the reader's order: id, what it names, working days.
    pub entries: Vec<Entry>,
}

/// One delay, resolved in the document.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// The phase or item id.
    pub id: String,
    /// Its title, or `None` when the id names nothing on the timeline (a link made for
    /// another version of the document).
    pub title: Option<String>,
    /// Working days.
    pub days: u32,
}

impl WhatIf {
    /// Whether phase `i` is somewhere else than planned.
    pub fn moved(&self, i: usize) -> bool {
        match (self.planned.get(i), self.slots.get(i)) {
            (Some(a), Some(b)) => differ(a, b),
            _ => false,
        }
    }

    /// How many working days the plan's end moved.
    pub fn end_shift(&self) -> f64 {
        self.end - self.end_planned
    }

    /// The what-if in words for `map`, dates in `cal`'s calendar when there is one: the end's
    /// move ("Public launch moves from 14 Mar 2026 to 23 Mar 2026: +5 working days") or the
    /// slack ("No effect on the end: 3 working days of slack."), then dated phases that do not
    /// move and delays that name nothing here.
    pub fn sentences(&self, map: &Roadmap, cal: Option<WorkCalendar>) -> Vec<String> {
        let title = |i: Option<usize>| {
            i.and_then(|i| map.phases.get(i))
                .map_or_else(|| "The plan".to_string(), |p| p.title.clone())
        };
        let mut out = Vec::new();
        let shift = self.end_shift();
        if shift > EPS {
            let (from, to) = (end_words(cal, self.end_planned), end_words(cal, self.end));
            let days = days_words(shift);
            out.push(if self.last == self.last_planned {
                format!("{} moves from {from} to {to}: +{days}.", title(self.last))
            } else {
                format!(
                    "The plan now ends with {} on {to} instead of {} on {from}: +{days}.",
                    title(self.last),
                    title(self.last_planned)
                )
            });
        } else if let Some(s) = self.slack {
            out.push(format!(
                "No effect on the end ({}): {} of slack.",
                end_words(cal, self.end),
                days_words(s)
            ));
        }
        for &(h, a) in &self.held {
            out.push(format!(
                "{} is dated and does not move, though {} now ends after it starts.",
                title(Some(h)),
                title(Some(a))
            ));
        }
        let unknown = self.entries.iter().filter(|e| e.title.is_none()).count();
        if unknown > 0 {
            out.push(format!(
                "{unknown} delay{} name{} nothing on this timeline.",
                if unknown == 1 { "" } else { "s" },
                if unknown == 1 { "s" } else { "" }
            ));
        }
        out
    }
}

/// "5 working days", "1 working day", "2.5 working days".
pub fn days_words(d: f64) -> String {
    let r = (d * 100.0).round() / 100.0;
    let n = if r == r.trunc() {
        format!("{}", r as i64)
    } else {
        format!("{r:.2}").trim_end_matches('0').to_string()
    };
    format!(
        "{n} working day{}",
        if (r - 1.0).abs() < EPS { "" } else { "s" }
    )
}

/// The last day a plan ending at working day `e` covers: "14 Mar 2026", or "day 7".
fn end_words(cal: Option<WorkCalendar>, e: f64) -> String {
    let last = if e - e.floor() > EPS {
        e
    } else {
        (e - 1.0).max(0.0)
    };
    match cal {
        Some(c) => {
            let (y, m, d) = c.date_of(last).ymd();
            format!("{d} {} {y}", month_name(m))
        }
        None => format!("day {}", (last.floor() as i64) + 1),
    }
}

/// Whether two slots differ.
fn differ(a: &Slot, b: &Slot) -> bool {
    (a.start - b.start).abs() > EPS
        || match (a.end, b.end) {
            (Some(x), Some(y)) => (x - y).abs() > EPS,
            (None, None) => false,
            _ => true,
        }
}

/// The plan's end over `slots` and the phase that ends it (the last written among ties).
fn plan_end(slots: &[Slot]) -> (f64, Option<usize>) {
    let mut best = (0.0, None);
    for (i, s) in slots.iter().enumerate() {
        let e = s.end.unwrap_or(s.start);
        if best.1.is_none() || e >= best.0 - EPS {
            best = (e.max(best.0), Some(i));
        }
    }
    best
}

/// The tasks of the what-if: the schedule's, with written relative ranges that may move when
/// a prerequisite slips ([`When::Planned`]), and with the dependencies written on items lifted
/// to their phases (the arrows the timeline draws). Every task keeps only the prerequisites
/// its placed time already follows, so with no delays every phase stays where it was placed.
fn tasks(map: &Roadmap, ix: &Index<'_>) -> Vec<Task> {
    let mut tasks = tasks_of(map);
    let phases = &map.phases;
    let follows = |b: usize, a: usize| match (phases.get(b), phases.get(a)) {
        (Some(pb), Some(pa)) => a != b && pa.end.unwrap_or(pa.start) <= pb.start + EPS,
        _ => false,
    };
    lift_item_dependencies(map, ix, &mut tasks, follows);
    for (i, (t, p)) in tasks.iter_mut().zip(phases).enumerate() {
        if !matches!(p.placed_by, Placement::Range | Placement::RangeInParent) {
            continue;
        }
        let base = t
            .parent
            .and_then(|k| phases.get(k))
            .map_or(0.0, |pp| pp.start);
        t.when = When::Planned {
            start: p.start - base,
            end: p.end.map(|e| e - base),
        };
        t.after.retain(|&a| follows(i, a));
    }
    tasks
}

/// The lookups of a what-if, by id (fast hashing: a 5,000-item document is looked up tens of
/// thousands of times per delay).
struct Index<'m> {
    /// Phase id → index.
    phases: FastMap<&'m str, usize>,
    /// Item id → (index, its phase's index).
    items: FastMap<&'m str, (usize, Option<usize>)>,
    /// Section id → the phase it names.
    sections: FastMap<&'m str, usize>,
}

impl<'m> Index<'m> {
    fn of(map: &'m Roadmap) -> Self {
        let mut phases = FastMap::default();
        for (i, p) in map.phases.iter().enumerate() {
            phases.entry(p.id.as_str()).or_insert(i);
        }
        let mut items = FastMap::default();
        let mut last: Option<(&str, Option<usize>)> = None;
        for (i, it) in map.items.iter().enumerate() {
            let phase = match (it.phase.as_deref(), last) {
                (Some(p), Some((q, k))) if p == q => k,
                (Some(p), _) => {
                    let k = phases.get(p).copied();
                    last = Some((p, k));
                    k
                }
                (None, _) => None,
            };
            items.entry(it.id.as_str()).or_insert((i, phase));
        }
        let sections = map
            .sections
            .iter()
            .filter_map(|s| Some((s.id.as_str(), *phases.get(s.phase.as_deref()?)?)))
            .collect();
        Index {
            phases,
            items,
            sections,
        }
    }

    /// The phase an item id belongs to.
    fn phase_of_item(&self, id: &str) -> Option<usize> {
        self.items.get(id).and_then(|&(_, p)| p)
    }

    /// The phase a delayed id stands for: itself, or an item's phase.
    fn phase_of(&self, id: &str) -> Option<usize> {
        self.phases
            .get(id)
            .copied()
            .or_else(|| self.phase_of_item(id))
    }
}

/// Adds to each phase the phases its items' written dependencies point into (an item's
/// phase, a phase, or the phase a section names), when its placed time already follows them.
fn lift_item_dependencies(
    map: &Roadmap,
    ix: &Index<'_>,
    tasks: &mut [Task],
    follows: impl Fn(usize, usize) -> bool,
) {
    for d in &map.dependencies {
        let Some(b) = ix.phase_of_item(&d.from) else {
            continue;
        };
        let a = ix
            .phases
            .get(d.to.as_str())
            .or_else(|| ix.sections.get(d.to.as_str()))
            .copied()
            .or_else(|| ix.phase_of_item(&d.to));
        if let Some(a) = a.filter(|&a| follows(b, a)) {
            if let Some(t) = tasks.get_mut(b).filter(|t| !t.after.contains(&a)) {
                t.after.push(a);
            }
        }
    }
}

/// The schedule of `tasks` with `own` delays, where a nested phase that slipped past its
/// parent's end pushes that end (a phase is not done before its sub-phases).
fn run(tasks: &mut [Task], own: &[f64], base: &[Slot]) -> Vec<Slot> {
    for (t, d) in tasks.iter_mut().zip(own) {
        t.delay = *d;
    }
    let mut slots = schedule(tasks);
    for _ in 0..NESTING_ROUNDS {
        // the most each parent is overrun by one of its children
        let mut pushes: Vec<f64> = vec![0.0; tasks.len()];
        for (i, t) in tasks.iter().enumerate() {
            let Some(p) = t.parent.filter(|&p| p != i) else {
                continue;
            };
            let (Some(s), Some(b)) = (slots.get(i), base.get(i)) else {
                continue;
            };
            let (Some(ce), Some(cb)) = (s.end, b.end) else {
                continue;
            };
            let (Some(pe), Some(pb)) = (
                slots.get(p).and_then(|x| x.end),
                base.get(p).and_then(|x| x.end),
            ) else {
                continue;
            };
            // As placed, the child may already end after its parent: only a slip beyond that
            // pushes the parent.
            let overrun = (cb - pb).max(0.0);
            if let Some(x) = pushes.get_mut(p).filter(|_| ce > cb + EPS) {
                *x = x.max(ce - overrun - pe);
            }
        }
        if pushes.iter().all(|&x| x <= EPS) {
            break;
        }
        for (t, more) in tasks.iter_mut().zip(pushes) {
            t.delay += more;
        }
        slots = schedule(tasks);
    }
    slots
}

/// `map`'s phases placed as written, plus the moves the what-if computed over the schedule's
/// own baseline: with no delays, exactly the placement the document got.
fn shifted(map: &Roadmap, base: &[Slot], w: &[Slot]) -> Vec<Slot> {
    map.phases
        .iter()
        .zip(base.iter().zip(w))
        .map(|(p, (b, w))| {
            let round = |v: f64| (v * 1000.0).round() / 1000.0;
            let start = round(p.start + (w.start - b.start));
            let end = match (p.end, b.end, w.end) {
                (Some(e), Some(be), Some(we)) => Some(round(e + (we - be)).max(start)),
                (e, _, _) => e,
            };
            Slot { start, end }
        })
        .collect()
}

/// The plan of `map` with `delays` (see the module doc).
pub fn what_if(map: &Roadmap, delays: &Delays) -> WhatIf {
    let ix = Index::of(map);
    let n = map.phases.len();
    let mut own = vec![0.0; n];
    let mut entries = Vec::with_capacity(delays.len());
    for (id, days) in delays.iter() {
        let (title, phase) = if let Some(&k) = ix.phases.get(id) {
            (map.phases.get(k).map(|p| p.title.clone()), Some(k))
        } else if let Some(&(i, k)) = ix.items.get(id) {
            let title = map
                .items
                .get(i)
                .map(|it| it.title.clone().unwrap_or_else(|| it.text.clone()));
            (k.and(title), k)
        } else {
            (None, None)
        };
        if let Some(d) = phase.and_then(|k| own.get_mut(k)) {
            *d += f64::from(days);
        }
        entries.push(Entry {
            id: id.to_string(),
            title,
            days,
        });
    }
    let mut tasks = tasks(map, &ix);
    let base = schedule(&tasks);
    let planned: Vec<Slot> = map
        .phases
        .iter()
        .map(|p| Slot {
            start: p.start,
            end: p.end,
        })
        .collect();
    let slots = shifted(map, &base, &run(&mut tasks, &own, &base));
    let (end_planned, last_planned) = plan_end(&planned);
    let (end, last) = plan_end(&slots);
    let latest = delays
        .last()
        .and_then(|id| ix.phase_of(id))
        .filter(|_| end - end_planned <= EPS);
    let slack = latest.map(|k| {
        let mut probe = own.clone();
        if let Some(d) = probe.get_mut(k) {
            *d += PROBE;
        }
        let pushed = shifted(map, &base, &run(&mut tasks, &probe, &base));
        let reach = plan_end(&pushed).0 - PROBE;
        ((end - reach).max(0.0) * 1000.0).round() / 1000.0
    });
    let held = held(map, &tasks, &planned, &slots);
    WhatIf {
        planned,
        slots,
        own,
        end_planned,
        end,
        last_planned,
        last,
        slack,
        held,
        entries,
    }
}

/// Dated phases that a prerequisite now overruns (it did not as planned).
fn held(map: &Roadmap, tasks: &[Task], planned: &[Slot], slots: &[Slot]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for (i, p) in map.phases.iter().enumerate() {
        if p.placed_by != Placement::Dates {
            continue;
        }
        let (Some(ps), Some(ws)) = (planned.get(i), slots.get(i)) else {
            continue;
        };
        let prereqs = tasks.get(i).map_or(&[][..], |t| t.after.as_slice());
        let overrun = |a: usize, at: &[Slot], start: f64| {
            at.get(a)
                .is_some_and(|s| s.end.unwrap_or(s.start) > start + EPS)
        };
        if let Some(&a) = prereqs
            .iter()
            .find(|&&a| overrun(a, slots, ws.start) && !overrun(a, planned, ps.start))
        {
            out.push((i, a));
        }
    }
    out
}
