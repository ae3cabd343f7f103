//! Dependency arrows: which rows each dependency joins (one arrow per pair of rows), and a
//! right-angled route for each that keeps its vertical legs clear of other rows' bars and notes.

use super::plan::Plan;
use super::rows::Row;
use super::text::num;
use super::Positions;
use crate::model::{DependencyKind, Roadmap};
use crate::parse::{FastMap, FastSet};

/// A dependency arrow: a right-angled route from the prerequisite's bar to the dependent's.
#[derive(Debug, Clone, PartialEq)]
pub struct Arrow {
    /// The prerequisite (row id).
    pub from: String,
    /// The dependent (row id).
    pub to: String,
    /// Written in the document or implied by phase order.
    pub kind: DependencyKind,
    /// The route's corner points; the last one is the arrow's tip, on the dependent's bar.
    pub points: Vec<(f64, f64)>,
    /// Both ends on the critical path, consecutively.
    pub critical: bool,
}

impl Arrow {
    /// The SVG path data of the route.
    pub fn path(&self) -> String {
        let mut d = String::new();
        for (k, (x, y)) in self.points.iter().enumerate() {
            if k > 0 {
                d.push(' ');
            }
            d.push(if k == 0 { 'M' } else { 'L' });
            d.push_str(&format!("{} {}", num(*x), num(*y)));
        }
        d
    }
}

/// A dependency between two rows: `dependent` waits on `prereq` (indices into the rows).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Link {
    /// The prerequisite's row.
    pub(super) prereq: usize,
    /// The dependent's row.
    pub(super) dependent: usize,
    /// Written in the document or implied by phase order.
    pub(super) kind: DependencyKind,
}

/// The links between `rows` made by `map`'s dependencies, in the model's order. An id names a
/// row, a phase's section, or (for an item without a row) the item's phase; each pair of rows
/// gets one link, and a row never links to itself.
pub(super) fn links(map: &Roadmap, rows: &[Row], at: &Positions<'_>) -> Vec<Link> {
    let row_of: FastMap<&str, usize> = rows
        .iter()
        .enumerate()
        .map(|(i, r)| (r.id.as_str(), i))
        .collect();
    let phase_row: Vec<Option<usize>> = map
        .phases
        .iter()
        .map(|p| row_of.get(p.id.as_str()).copied())
        .collect();
    let section_row: FastMap<&str, usize> = map
        .phases
        .iter()
        .zip(&phase_row)
        .filter_map(|(p, r)| Some((p.section.as_deref()?, (*r)?)))
        .collect();
    let resolve = |id: &str| -> Option<usize> {
        if let Some(&r) = row_of.get(id) {
            return Some(r);
        }
        if let Some(&r) = section_row.get(id) {
            return Some(r);
        }
        let it = map.items.get(*at.items.get(id)?)?;
        let p = *at.phases.get(it.phase.as_deref()?)?;
        phase_row.get(p).copied().flatten()
    };
    let mut seen: FastSet<(usize, usize)> = FastSet::default();
    let mut links: Vec<Link> = Vec::new();
    for dep in &map.dependencies {
        let (Some(dependent), Some(prereq)) = (resolve(&dep.from), resolve(&dep.to)) else {
            continue;
        };
        if prereq != dependent && seen.insert((prereq, dependent)) {
            links.push(Link {
                prereq,
                dependent,
                kind: dep.kind,
            });
        }
    }
    links
}

/// Each row's `depends_on`: the titles of its prerequisites' rows, in link order.
pub(super) fn name_prerequisites(rows: &mut [Row], links: &[Link]) {
    for link in links {
        let title = rows.get(link.prereq).map(|r| r.title.clone());
        if let (Some(t), Some(row)) = (title, rows.get_mut(link.dependent)) {
            row.depends_on.push(t);
        }
    }
}

/// Room kept clear on each side of what a row occupies.
pub(super) const OCCUPIED_PAD: f64 = 3.0;

/// The horizontal span each row occupies (bar, band and widest note), for routing arrows
/// around them.
pub(super) fn occupied(plans: &[Plan], rows: &[Row]) -> Vec<(f64, f64)> {
    plans
        .iter()
        .zip(rows)
        .map(|(p, r)| {
            (
                r.bar.x - OCCUPIED_PAD,
                r.note_x + p.note_width() + OCCUPIED_PAD,
            )
        })
        .collect()
}

/// The arrow of every link; `critical` says which links are steps of the critical path.
pub(super) fn arrows(
    rows: &[Row],
    occupied: &[(f64, f64)],
    links: &[Link],
    critical: impl Fn(&Link) -> bool,
    x0: f64,
) -> Vec<Arrow> {
    links
        .iter()
        .filter_map(|link| {
            let points = route(rows, occupied, link.prereq, link.dependent, x0)?;
            Some(Arrow {
                from: rows.get(link.prereq)?.id.clone(),
                to: rows.get(link.dependent)?.id.clone(),
                kind: link.kind,
                points,
                critical: critical(link),
            })
        })
        .collect()
}

/// The route of the arrow from row `a`'s bar (prerequisite) to row `b`'s (dependent): out of
/// the near edge of `a`'s bar, along the gap between rows, into the near edge of `b`'s bar.
/// Vertical legs that would pass through other rows' bars or notes move to a free lane.
fn route(
    rows: &[Row],
    occupied: &[(f64, f64)],
    a: usize,
    b: usize,
    x0: f64,
) -> Option<Vec<(f64, f64)>> {
    let ra = rows.get(a)?;
    let rb = rows.get(b)?;
    let down = a < b;
    // Leave `a` near its end, enter `b` near its start.
    let a_right = ra.band.map_or(ra.bar.right(), |x| x.right());
    let xs = (a_right - 10.0).max(ra.bar.x + ra.bar.w.min(4.0) / 2.0);
    let b_right = rb.band.map_or(rb.bar.right(), |x| x.right());
    let xt = (rb.bar.x + 10.0).min((rb.bar.x + b_right) / 2.0);
    let (ya, yb, gap_b, gap_a) = if down {
        (ra.bar.bottom(), rb.bar.y, rb.y, ra.y + ra.height)
    } else {
        (ra.bar.y, rb.bar.bottom(), rb.y + rb.height, ra.y)
    };
    let between = if down { a + 1..b } else { b + 1..a };
    let free = |x: f64| {
        occupied
            .get(between.clone())
            .unwrap_or(&[])
            .iter()
            .all(|(l, r)| x < *l || x > *r)
    };
    if between.is_empty() || free(xs) {
        return Some(vec![(xs, ya), (xs, gap_b), (xt, gap_b), (xt, yb)]);
    }
    if free(xt) {
        return Some(vec![(xs, ya), (xs, gap_a), (xt, gap_a), (xt, yb)]);
    }
    let spans = occupied.get(between).unwrap_or(&[]);
    let left = spans.iter().map(|o| o.0).fold(f64::INFINITY, f64::min) - 6.0;
    let lane = if left >= x0 - 8.0 {
        left
    } else {
        spans.iter().map(|o| o.1).fold(f64::NEG_INFINITY, f64::max) + 6.0
    };
    Some(vec![
        (xs, ya),
        (xs, gap_a),
        (lane, gap_a),
        (lane, gap_b),
        (xt, gap_b),
        (xt, yb),
    ])
}
