//! The schedule step: where each phase starts and ends once its dependencies are known.
//!
//! The rule, in one sentence: what the document dates never moves; everything else starts
//! when its prerequisites end. Precisely, in working days:
//!
//! - a task with written dates or a written range ([`When::Fixed`]) sits where it is written,
//!   whatever precedes it — nominal phases never push dated ones;
//! - a range counted from its parent ([`When::InParent`], "Day 1-2" under "Week 2") sits at
//!   its parent's start plus its offsets;
//! - any other task ([`When::Floating`]: a written duration, "ongoing", or no time at all)
//!   starts at the latest end of its prerequisites and of its parent's start (day 0 when it
//!   has neither), and lasts its length (open-ended when it has none);
//! - a task that [stretches](Task::stretch) (a phase with no time of its own) ends no earlier
//!   than its children;
//! - a written range that may still move ([`When::Planned`], used by the what-if) sits where
//!   it is written unless a prerequisite now ends later; then it starts then, keeping its length;
//! - a task's [delay](Task::delay) (the what-if: "if this slips a week") makes it end that
//!   much later — its start stays; an open-ended task starts that much later instead. What
//!   waits for it moves along; what the document dates does not.
//!
//! Cycles do not stop it: a task on a cycle is placed in document order with the
//! prerequisites already placed (the cycle itself is reported by the dependency graph).
//! The step is pure and linear in tasks + edges (times a log for the ready queue), so the
//! what-if view (issue 19) can delay one task and run it again: its dependents move.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

/// Where a task's time comes from.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum When {
    /// Written dates or range: start and end (`None`: open-ended). Never moves.
    Fixed {
        /// Start, in working days.
        start: f64,
        /// End, in working days.
        end: Option<f64>,
    },
    /// A written range counted from the parent's start.
    InParent {
        /// Start after the parent's start.
        start: f64,
        /// End after the parent's start.
        end: Option<f64>,
    },
    /// Starts when its prerequisites end; lasts `len` (`None`: open-ended).
    Floating {
        /// Length in working days.
        len: Option<f64>,
    },
    /// A written range that moves only when it must: at `start` (counted from the parent's
    /// start when it has a parent), or later when a prerequisite ends later; it keeps its
    /// length. The what-if places relative ranges ("Week 3-4") this way, so a slip upstream
    /// pushes them, while [`When::Fixed`] keeps dates where they are.
    Planned {
        /// Start, in working days (after the parent's start when it has a parent).
        start: f64,
        /// End, likewise (`None`: open-ended).
        end: Option<f64>,
    },
}

/// One thing to place: a phase of the roadmap, or anything else with a length.
#[derive(Debug, Clone, PartialEq)]
pub struct Task {
    /// Where its time comes from.
    pub when: When,
    /// Index of the task it is nested in (it starts no earlier than that one starts).
    pub parent: Option<usize>,
    /// Indices of its prerequisites (it starts when they end).
    pub after: Vec<usize>,
    /// It ends no earlier than its children end.
    pub stretch: bool,
    /// Working days it slips (the what-if; 0 in the plan as written): it ends that much later,
    /// or, open-ended, starts that much later.
    pub delay: f64,
}

impl Task {
    /// Whether it has no end (its delay moves its start rather than its end).
    fn open_ended(&self) -> bool {
        match self.when {
            When::Fixed { end, .. } | When::InParent { end, .. } | When::Planned { end, .. } => {
                end.is_none()
            }
            When::Floating { len } => len.is_none(),
        }
    }

    /// Its delay, as a number of working days that can be added (never negative or NaN).
    fn slip(&self) -> f64 {
        if self.delay.is_finite() {
            self.delay.max(0.0)
        } else {
            0.0
        }
    }
}

/// A placed task, in working days.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Slot {
    /// Start.
    pub start: f64,
    /// End; `None` when open-ended.
    pub end: Option<f64>,
}

/// Places `tasks` (see the module doc). The result is indexed like `tasks`; indices out of
/// range in `parent`/`after` are ignored.
pub fn schedule(tasks: &[Task]) -> Vec<Slot> {
    let n = tasks.len();
    // Node 2i is task i's start, node 2i+1 its end; `succ[u]` are the nodes u bounds.
    let mut succ: Vec<Vec<usize>> = vec![Vec::new(); 2 * n];
    let mut indeg: Vec<usize> = vec![0; 2 * n];
    let mut edge = |u: usize, v: usize, succ: &mut Vec<Vec<usize>>| {
        if let (Some(list), Some(d)) = (succ.get_mut(u), indeg.get_mut(v)) {
            list.push(v);
            *d += 1;
        }
    };
    for (i, t) in tasks.iter().enumerate() {
        edge(2 * i, 2 * i + 1, &mut succ);
        let moves = !matches!(t.when, When::Fixed { .. });
        if let Some(p) = t.parent.filter(|&p| p < n && p != i) {
            if moves {
                edge(2 * p, 2 * i, &mut succ);
            }
            if tasks.get(p).is_some_and(|pt| pt.stretch) {
                edge(2 * i + 1, 2 * p + 1, &mut succ);
            }
        }
        if matches!(t.when, When::Floating { .. } | When::Planned { .. }) {
            for &a in t.after.iter().filter(|&&a| a < n && a != i) {
                edge(2 * a + 1, 2 * i, &mut succ);
            }
        }
    }
    let mut children: Vec<Vec<usize>> = vec![Vec::new(); n];
    for (i, t) in tasks.iter().enumerate() {
        if let Some(list) = t
            .parent
            .filter(|&p| p != i)
            .and_then(|p| children.get_mut(p))
        {
            list.push(i);
        }
    }
    let mut start: Vec<Option<f64>> = vec![None; n];
    let mut end: Vec<Option<Option<f64>>> = vec![None; n];
    let mut done = vec![false; 2 * n];
    let mut ready: BinaryHeap<Reverse<usize>> = (0..2 * n)
        .filter(|&u| indeg.get(u) == Some(&0))
        .map(Reverse)
        .collect();
    let mut next_unplaced = 0usize;
    let mut placed = 0usize;
    while placed < 2 * n {
        let u = match ready.pop() {
            Some(Reverse(u)) => u,
            None => {
                // A cycle: the first node not placed yet, in document order.
                while done.get(next_unplaced) == Some(&true) {
                    next_unplaced += 1;
                }
                next_unplaced
            }
        };
        if done.get(u) != Some(&false) {
            continue;
        }
        if let Some(d) = done.get_mut(u) {
            *d = true;
        }
        placed += 1;
        let i = u / 2;
        if u % 2 == 0 {
            let s = start_of(tasks, i, &start, &end);
            if let Some(x) = start.get_mut(i) {
                *x = Some(s);
            }
        } else {
            let s = start.get(i).copied().flatten().unwrap_or(0.0);
            let kids = children.get(i).map_or(&[][..], Vec::as_slice);
            let e = end_of(tasks, i, s, kids, &start, &end);
            if let Some(x) = end.get_mut(i) {
                *x = Some(e);
            }
        }
        for &v in succ.get(u).map_or(&[][..], Vec::as_slice) {
            if let Some(d) = indeg.get_mut(v) {
                *d = d.saturating_sub(1);
                if *d == 0 && done.get(v) == Some(&false) {
                    ready.push(Reverse(v));
                }
            }
        }
    }
    (0..n)
        .map(|i| Slot {
            start: start.get(i).copied().flatten().unwrap_or(0.0),
            end: end.get(i).copied().flatten().flatten(),
        })
        .collect()
}

/// Start of task `i`, from what is placed so far.
fn start_of(tasks: &[Task], i: usize, start: &[Option<f64>], end: &[Option<Option<f64>>]) -> f64 {
    let Some(t) = tasks.get(i) else { return 0.0 };
    let parent_start = t
        .parent
        .filter(|&p| p != i)
        .and_then(|p| start.get(p).copied().flatten());
    let after = |mut s: f64| {
        for &a in t.after.iter().filter(|&&a| a != i) {
            // an open-ended prerequisite bounds by its start
            let bound = match end.get(a).copied().flatten() {
                Some(Some(e)) => Some(e),
                Some(None) => start.get(a).copied().flatten(),
                None => None,
            };
            if let Some(b) = bound {
                s = s.max(b);
            }
        }
        s
    };
    let s = match t.when {
        When::Fixed { start, .. } => start,
        When::InParent { start, .. } => parent_start.unwrap_or(0.0) + start,
        When::Planned { start, .. } => after(parent_start.unwrap_or(0.0) + start),
        When::Floating { .. } => after(parent_start.unwrap_or(0.0)),
    };
    if t.open_ended() {
        s + t.slip()
    } else {
        s
    }
}

/// End of task `i` starting at `s`, stretched over its placed children when it stretches.
fn end_of(
    tasks: &[Task],
    i: usize,
    s: f64,
    children: &[usize],
    start: &[Option<f64>],
    end: &[Option<Option<f64>>],
) -> Option<f64> {
    let t = tasks.get(i)?;
    let parent_start = t
        .parent
        .filter(|&p| p != i)
        .and_then(|p| start.get(p).copied().flatten())
        .unwrap_or(0.0);
    let own = match t.when {
        When::Fixed { end, .. } => end,
        When::InParent { end, .. } => end.map(|e| parent_start + e),
        When::Planned { start, end } => end.map(|e| s + (e - start).max(0.0)),
        When::Floating { len } => len.map(|l| s + l.max(0.0)),
    };
    if !t.stretch {
        return own.map(|e| e + t.slip());
    }
    let mut e = own?;
    for &k in children {
        match end.get(k).copied().flatten() {
            Some(Some(ce)) => e = e.max(ce),
            Some(None) => e = e.max(start.get(k).copied().flatten().unwrap_or(e)),
            None => {}
        }
    }
    Some(e + t.slip())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn float(len: f64, after: &[usize]) -> Task {
        Task {
            when: When::Floating { len: Some(len) },
            parent: None,
            after: after.to_vec(),
            stretch: false,
            delay: 0.0,
        }
    }

    fn fixed(start: f64, end: f64, after: &[usize]) -> Task {
        Task {
            when: When::Fixed {
                start,
                end: Some(end),
            },
            parent: None,
            after: after.to_vec(),
            stretch: false,
            delay: 0.0,
        }
    }

    fn spans(slots: &[Slot]) -> Vec<(f64, Option<f64>)> {
        slots.iter().map(|s| (s.start, s.end)).collect()
    }

    #[test]
    fn chains_and_diamonds() {
        // 0 → 1 → 3, 0 → 2 → 3
        let t = [
            float(5.0, &[]),
            float(2.0, &[0]),
            float(4.0, &[0]),
            float(1.0, &[1, 2]),
        ];
        assert_eq!(
            spans(&schedule(&t)),
            [
                (0.0, Some(5.0)),
                (5.0, Some(7.0)),
                (5.0, Some(9.0)),
                (9.0, Some(10.0))
            ]
        );
    }

    #[test]
    fn fixed_tasks_do_not_move() {
        // a long undated prerequisite does not push the dated task
        let t = [float(30.0, &[]), fixed(10.0, 12.0, &[0]), float(1.0, &[1])];
        assert_eq!(
            spans(&schedule(&t)),
            [(0.0, Some(30.0)), (10.0, Some(12.0)), (12.0, Some(13.0))]
        );
    }

    #[test]
    fn prerequisites_written_later_still_come_first() {
        // task 0 depends on task 2, written after it
        let t = [float(1.0, &[2]), float(3.0, &[]), float(2.0, &[1])];
        assert_eq!(
            spans(&schedule(&t)),
            [(5.0, Some(6.0)), (0.0, Some(3.0)), (3.0, Some(5.0))]
        );
    }

    #[test]
    fn cycles_are_placed_in_document_order() {
        let t = [float(1.0, &[1]), float(1.0, &[0]), float(1.0, &[1])];
        let s = schedule(&t);
        assert_eq!(s.len(), 3);
        assert!(s.iter().all(|x| x.start.is_finite()));
        let s2 = s.get(2).map(|x| x.start).unwrap_or_default();
        let e1 = s.get(1).and_then(|x| x.end).unwrap_or_default();
        assert!(s2 >= e1);
    }

    #[test]
    fn children_in_parents() {
        let parent = Task {
            when: When::Floating { len: Some(1.0) },
            parent: None,
            after: vec![2],
            stretch: true,
            delay: 0.0,
        };
        let child = Task {
            when: When::InParent {
                start: 1.0,
                end: Some(4.0),
            },
            parent: Some(0),
            after: vec![],
            stretch: false,
            delay: 0.0,
        };
        let t = [parent, child, float(10.0, &[])];
        // the parent waits for task 2, its child moves with it, the parent stretches over it
        assert_eq!(
            spans(&schedule(&t)),
            [(10.0, Some(14.0)), (11.0, Some(14.0)), (0.0, Some(10.0))]
        );
    }

    #[test]
    fn a_delay_is_an_input_of_the_same_step() {
        let delayed = |mut t: Task, d: f64| {
            t.delay = d;
            t
        };
        // A delayed task ends later; what waits on it moves; a dated task does not.
        let t = [
            delayed(fixed(0.0, 5.0, &[]), 3.0),
            float(2.0, &[0]),
            fixed(6.0, 7.0, &[0]),
        ];
        assert_eq!(
            spans(&schedule(&t)),
            [(0.0, Some(8.0)), (8.0, Some(10.0)), (6.0, Some(7.0))]
        );
        // An open-ended task starts later instead; so do its dependents (bound by its start).
        let open = Task {
            when: When::Floating { len: None },
            ..float(0.0, &[])
        };
        let t = [delayed(open, 2.0), float(1.0, &[0])];
        assert_eq!(spans(&schedule(&t)), [(2.0, None), (2.0, Some(3.0))]);
        // NaN and negative delays count as none.
        let t = [
            delayed(float(1.0, &[]), f64::NAN),
            delayed(float(1.0, &[0]), -4.0),
        ];
        assert_eq!(spans(&schedule(&t)), [(0.0, Some(1.0)), (1.0, Some(2.0))]);
    }

    #[test]
    fn a_planned_range_moves_only_when_it_must() {
        let planned = |start: f64, end: f64, after: &[usize]| Task {
            when: When::Planned {
                start,
                end: Some(end),
            },
            ..float(0.0, after)
        };
        // Written at 5..7 after a 3-day task: 2 days of slack.
        let mut t = vec![float(3.0, &[]), planned(5.0, 7.0, &[0])];
        assert_eq!(spans(&schedule(&t)), [(0.0, Some(3.0)), (5.0, Some(7.0))]);
        if let Some(first) = t.get_mut(0) {
            first.delay = 4.0;
        }
        assert_eq!(spans(&schedule(&t)), [(0.0, Some(7.0)), (7.0, Some(9.0))]);
    }

    #[test]
    fn a_stretching_parent_ends_its_delay_after_its_children() {
        let parent = Task {
            when: When::Floating { len: Some(1.0) },
            parent: None,
            after: vec![],
            stretch: true,
            delay: 2.0,
        };
        let child = Task {
            parent: Some(0),
            ..float(4.0, &[])
        };
        assert_eq!(
            spans(&schedule(&[parent, child])),
            [(0.0, Some(6.0)), (0.0, Some(4.0))]
        );
    }
}
