//! The critical path: the chain of phases along the dependency links with the most working
//! days, found by [`Graph::longest_path`]; item rows take no part.

use super::arrows::Link;
use super::rows::{Row, RowKind};
use crate::graph::Graph;
use std::collections::HashSet;

/// The critical path through the rows.
pub(super) struct CriticalPath {
    /// Its rows, first to last.
    rows: Vec<usize>,
    /// Its steps, as (prerequisite row, dependent row).
    steps: HashSet<(usize, usize)>,
}

impl CriticalPath {
    /// The heaviest chain of phase rows along `links`, a phase weighing its length in working
    /// days (an open-ended one nothing). Phases on a dependency cycle are left out.
    pub(super) fn of(rows: &[Row], links: &[Link]) -> Self {
        let weights: Vec<Option<f64>> = rows
            .iter()
            .map(|r| {
                (r.kind == RowKind::Phase).then(|| r.end.map_or(0.0, |e| (e - r.start).max(0.0)))
            })
            .collect();
        let pairs: Vec<(usize, usize)> = links.iter().map(|l| (l.prereq, l.dependent)).collect();
        let chain = Graph::new(rows.len(), &pairs).longest_path(&weights);
        let steps = chain
            .iter()
            .zip(chain.iter().skip(1))
            .map(|(&a, &b)| (a, b))
            .collect();
        CriticalPath { rows: chain, steps }
    }

    /// Marks its rows as critical.
    pub(super) fn mark(&self, rows: &mut [Row]) {
        for &r in &self.rows {
            if let Some(row) = rows.get_mut(r) {
                row.critical = true;
            }
        }
    }

    /// Whether `link` is a step of the path.
    pub(super) fn has_step(&self, link: &Link) -> bool {
        self.steps.contains(&(link.prereq, link.dependent))
    }

    /// The ids of its rows, first to last.
    pub(super) fn ids(&self, rows: &[Row]) -> Vec<String> {
        self.rows
            .iter()
            .filter_map(|&r| rows.get(r).map(|x| x.id.clone()))
            .collect()
    }
}
