//! Directed graphs over node indices: one compact adjacency and the three walks roadboard
//! needs — cycles (for [`crate::deps`]' reports), reachability (upstream/downstream, for
//! [`crate::highlight`]) and the longest weighted chain (the timeline's critical path).
//!
//! Callers number their ids `0..n` and map back; nothing here knows about roadmaps. Every walk
//! is iterative (a 10,000-step chain cannot overflow the stack) and linear in nodes + edges.

/// A directed graph on the nodes `0..n`, its edges grouped by source in one array (compressed
/// sparse rows): a node's successors are one slice, in the order the edges were given, and the
/// whole graph is two allocations however many nodes it has.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Graph {
    /// `starts[v]..starts[v + 1]` is node `v`'s part of `targets`; `n + 1` entries.
    starts: Vec<usize>,
    /// Edge targets, grouped by source.
    targets: Vec<usize>,
}

impl Graph {
    /// The graph on `n` nodes with `edges` as (source, target); an edge naming a node outside
    /// `0..n` is left out.
    pub fn new(n: usize, edges: &[(usize, usize)]) -> Self {
        Self::grouped(n, edges, |e| e)
    }

    /// The graph on `n` nodes with every edge of `edges` turned around (target → source), so
    /// the walks go the other way; a node's successors are still in the order of `edges`.
    pub fn reversed(n: usize, edges: &[(usize, usize)]) -> Self {
        Self::grouped(n, edges, |(a, b)| (b, a))
    }

    /// A stable counting sort of the edges by source.
    fn grouped(
        n: usize,
        edges: &[(usize, usize)],
        dir: impl Fn((usize, usize)) -> (usize, usize),
    ) -> Self {
        let inside = |&(a, b): &(usize, usize)| a < n && b < n;
        let mut starts = vec![0usize; n + 1];
        let mut count = 0;
        for (a, _) in edges.iter().map(|&e| dir(e)).filter(inside) {
            if let Some(s) = starts.get_mut(a + 1) {
                *s += 1;
                count += 1;
            }
        }
        for k in 1..starts.len() {
            let before = starts.get(k - 1).copied().unwrap_or(0);
            if let Some(s) = starts.get_mut(k) {
                *s += before;
            }
        }
        let mut fill = starts.clone();
        let mut targets = vec![0usize; count];
        for (a, b) in edges.iter().map(|&e| dir(e)).filter(inside) {
            if let Some(f) = fill.get_mut(a) {
                if let Some(slot) = targets.get_mut(*f) {
                    *slot = b;
                }
                *f += 1;
            }
        }
        Graph { starts, targets }
    }

    /// How many nodes.
    pub fn node_count(&self) -> usize {
        self.starts.len().saturating_sub(1)
    }

    /// How many edges.
    pub fn edge_count(&self) -> usize {
        self.targets.len()
    }

    /// The nodes `v` has an edge to, in the order the edges were given (empty for a node
    /// outside the graph).
    pub fn successors(&self, v: usize) -> &[usize] {
        match (self.starts.get(v), self.starts.get(v + 1)) {
            (Some(&s), Some(&e)) => self.targets.get(s..e).unwrap_or(&[]),
            _ => &[],
        }
    }

    /// Every node reachable from `start` along the edges, nearest first (breadth-first; among
    /// equally near nodes, in edge order). `start` itself is not listed, even on a cycle.
    pub fn reachable(&self, start: usize) -> Vec<usize> {
        let mut seen = vec![false; self.node_count()];
        if let Some(s) = seen.get_mut(start) {
            *s = true;
        }
        // The output is the queue: nodes are listed in the order they are visited.
        let mut out: Vec<usize> = Vec::new();
        let mut next = start;
        let mut head = 0;
        loop {
            for &w in self.successors(next) {
                if let Some(s) = seen.get_mut(w) {
                    if !*s {
                        *s = true;
                        out.push(w);
                    }
                }
            }
            match out.get(head) {
                Some(&v) => next = v,
                None => break,
            }
            head += 1;
        }
        out
    }

    /// The cycles: strongly connected components of more than one node (Tarjan's algorithm,
    /// started from node 0, 1, … in turn). Components come in the order Tarjan completes them;
    /// each lists its first-visited node first, then the others in visiting order. A
    /// self-edge alone is not a cycle.
    pub fn cycles(&self) -> Vec<Vec<usize>> {
        let n = self.node_count();
        let mut t = Tarjan {
            index: vec![UNSEEN; n],
            low: vec![0; n],
            on_stack: vec![false; n],
            stack: Vec::new(),
            counter: 0,
        };
        let mut out = Vec::new();
        for root in 0..n {
            if t.index.get(root).is_some_and(|&i| i != UNSEEN) {
                continue;
            }
            // The walk's own stack: (node, position of its next edge).
            let mut call: Vec<(usize, usize)> = vec![(root, 0)];
            t.visit(root);
            while let Some(&mut (v, ref mut pos)) = call.last_mut() {
                if let Some(&w) = self.successors(v).get(*pos) {
                    *pos += 1;
                    if t.index.get(w).is_some_and(|&i| i == UNSEEN) {
                        t.visit(w);
                        call.push((w, 0));
                    } else if t.on_stack.get(w).copied().unwrap_or(false) {
                        let iw = t.index.get(w).copied().unwrap_or(0);
                        t.lower(v, iw);
                    }
                    continue;
                }
                call.pop();
                let lv = t.low.get(v).copied().unwrap_or(0);
                if let Some(&(u, _)) = call.last() {
                    t.lower(u, lv);
                }
                if t.index.get(v).copied() == Some(lv) {
                    let comp = t.pop_component(v);
                    if comp.len() > 1 {
                        out.push(comp);
                    }
                }
            }
        }
        out
    }

    /// The heaviest chain along the edges, by summed node weight, first node to last.
    ///
    /// A node with no weight (`None`, or not finite) takes no part. Only nodes that can be put
    /// in order count: a node on a cycle, or reachable from one, is left out, so a cycle
    /// never makes a chain endless. Among equally heavy chains the one ending at the later
    /// node wins (a chain runs on into zero-weight nodes), and a node's best predecessor is the
    /// first one found unless a later one is heavier.
    pub fn longest_path(&self, weights: &[Option<f64>]) -> Vec<usize> {
        let n = self.node_count();
        let weight = |i: usize| weights.get(i).copied().flatten().filter(|w| w.is_finite());
        let counts = |a: usize, b: usize| a != b && weight(a).is_some() && weight(b).is_some();
        // Kahn's order: a node is ready once all its counted predecessors are done.
        let mut indeg = vec![0usize; n];
        for a in 0..n {
            for &b in self.successors(a) {
                if counts(a, b) {
                    if let Some(d) = indeg.get_mut(b) {
                        *d += 1;
                    }
                }
            }
        }
        let mut best: Vec<f64> = (0..n).map(|i| weight(i).unwrap_or(0.0)).collect();
        let mut prev: Vec<Option<usize>> = vec![None; n];
        let mut queue: Vec<usize> = (0..n)
            .filter(|&i| weight(i).is_some() && indeg.get(i) == Some(&0))
            .collect();
        let mut head = 0;
        while let Some(&a) = queue.get(head) {
            head += 1;
            let here = best.get(a).copied().unwrap_or(0.0);
            for &b in self.successors(a) {
                if !counts(a, b) {
                    continue;
                }
                let w = weight(b).unwrap_or(0.0);
                if let (Some(bb), Some(pb)) = (best.get_mut(b), prev.get_mut(b)) {
                    if here + w > *bb + 1e-12 || pb.is_none() && here + w >= *bb {
                        *bb = here + w;
                        *pb = Some(a);
                    }
                }
                if let Some(d) = indeg.get_mut(b) {
                    *d -= 1;
                    if *d == 0 {
                        queue.push(b);
                    }
                }
            }
        }
        // The heaviest end among the ordered nodes; ties go to the later node.
        let mut ordered = vec![false; n];
        for &v in &queue {
            if let Some(o) = ordered.get_mut(v) {
                *o = true;
            }
        }
        let mut end: Option<usize> = None;
        for i in (0..n).filter(|&i| ordered.get(i) == Some(&true)) {
            let better = end.is_none_or(|e| {
                best.get(i).copied().unwrap_or(0.0) >= best.get(e).copied().unwrap_or(0.0)
            });
            if better {
                end = Some(i);
            }
        }
        let mut chain = Vec::new();
        let mut cur = end;
        while let Some(c) = cur {
            chain.push(c);
            if chain.len() > n {
                break;
            }
            cur = prev.get(c).copied().flatten();
        }
        chain.reverse();
        chain
    }
}

/// Not yet visited, in [`Tarjan::index`].
const UNSEEN: usize = usize::MAX;

/// The bookkeeping of Tarjan's strongly connected components.
struct Tarjan {
    /// Visiting order of each node ([`UNSEEN`] before).
    index: Vec<usize>,
    /// The lowest visiting order reachable from the node within its component.
    low: Vec<usize>,
    /// Whether the node is on `stack`.
    on_stack: Vec<bool>,
    /// Visited nodes whose component is not complete yet.
    stack: Vec<usize>,
    /// The next visiting order.
    counter: usize,
}

impl Tarjan {
    /// Numbers `v` and puts it on the stack.
    fn visit(&mut self, v: usize) {
        if let (Some(i), Some(l)) = (self.index.get_mut(v), self.low.get_mut(v)) {
            *i = self.counter;
            *l = self.counter;
        }
        self.counter += 1;
        self.stack.push(v);
        if let Some(o) = self.on_stack.get_mut(v) {
            *o = true;
        }
    }

    /// `low[v] = min(low[v], to)`.
    fn lower(&mut self, v: usize, to: usize) {
        if let Some(l) = self.low.get_mut(v) {
            *l = (*l).min(to);
        }
    }

    /// The component rooted at `v`: the stack down to `v`, `v` first, then in visiting order.
    fn pop_component(&mut self, v: usize) -> Vec<usize> {
        let mut comp = Vec::new();
        while let Some(w) = self.stack.pop() {
            if let Some(o) = self.on_stack.get_mut(w) {
                *o = false;
            }
            comp.push(w);
            if w == v {
                break;
            }
        }
        comp.reverse();
        comp
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn successors_keep_edge_order_and_drop_strangers() {
        let g = Graph::new(4, &[(2, 1), (0, 3), (2, 0), (0, 1), (7, 0), (1, 9)]);
        assert_eq!((g.node_count(), g.edge_count()), (4, 4));
        assert_eq!(g.successors(0), [3, 1]);
        assert_eq!(g.successors(1), [] as [usize; 0]);
        assert_eq!(g.successors(2), [1, 0]);
        assert_eq!(g.successors(4), [] as [usize; 0]);
        let r = Graph::reversed(4, &[(2, 1), (0, 3), (2, 0), (0, 1)]);
        assert_eq!(r.successors(1), [2, 0]);
        assert_eq!(r.successors(0), [2]);
        assert_eq!(Graph::new(0, &[]).node_count(), 0);
    }

    #[test]
    fn reachable_is_breadth_first_once_each() {
        // 0 → 1 → 3, 0 → 2 → 3 (a diamond), 3 → 4 → 0 (back to the start), 5 alone.
        let edges = [(0, 1), (0, 2), (1, 3), (2, 3), (3, 4), (4, 0)];
        let g = Graph::new(6, &edges);
        assert_eq!(g.reachable(0), [1, 2, 3, 4], "the start is never listed");
        assert_eq!(g.reachable(5), [] as [usize; 0]);
        assert_eq!(g.reachable(9), [] as [usize; 0], "outside the graph");
        let up = Graph::reversed(6, &edges);
        assert_eq!(up.reachable(3), [1, 2, 0, 4]);
    }

    #[test]
    fn cycles_in_tarjan_order() {
        // 0 → 1 → 2 → 0 with 2 → 3 ⇄ 4; 5 → 5 is a self-edge; 6 → 7 → 6 starts later.
        let edges = [
            (0, 1),
            (1, 2),
            (2, 0),
            (2, 3),
            (3, 4),
            (4, 3),
            (5, 5),
            (7, 6),
            (6, 7),
        ];
        let g = Graph::new(8, &edges);
        assert_eq!(g.cycles(), vec![vec![3, 4], vec![0, 1, 2], vec![6, 7]]);
        assert!(Graph::new(3, &[(0, 1), (1, 2)]).cycles().is_empty());
        // A long chain closed into a ring: no recursion, one component.
        let ring: Vec<(usize, usize)> = (0..20_000).map(|i| (i, (i + 1) % 20_000)).collect();
        let c = Graph::new(20_000, &ring).cycles();
        assert_eq!(c.len(), 1);
        assert_eq!(c.first().map(Vec::len), Some(20_000));
        assert_eq!(c.first().and_then(|c| c.first()), Some(&0));
    }

    #[test]
    fn longest_path_by_weight_ignores_cycles() {
        // 0(1) → 1(5) → 3(1); 0 → 2(1) → 3; 4 ⇄ 5 cycle (heavy, but left out).
        let w = [1.0, 5.0, 1.0, 1.0, 9.0, 9.0].map(Some);
        let e = [(0, 1), (1, 3), (0, 2), (2, 3), (4, 5), (5, 4)];
        assert_eq!(Graph::new(6, &e).longest_path(&w), vec![0, 1, 3]);
        assert_eq!(Graph::new(0, &[]).longest_path(&[]), Vec::<usize>::new());
    }

    #[test]
    fn longest_path_leaves_out_what_follows_a_cycle_and_unweighted_nodes() {
        // 0 ⇄ 1 → 2(100): 2 cannot be ordered. 3(2) → 4(None) → 5(2): 4 is no node.
        let w = [
            Some(1.0),
            Some(1.0),
            Some(100.0),
            Some(2.0),
            None,
            Some(2.0),
        ];
        let e = [(0, 1), (1, 0), (1, 2), (3, 4), (4, 5)];
        assert_eq!(Graph::new(6, &e).longest_path(&w), vec![5]);
        // Ties: the chain runs on into a zero-weight node, and ends at the later node.
        let w = [Some(3.0), Some(0.0), Some(2.0), Some(f64::NAN)];
        let e = [(0, 1), (1, 3), (3, 2)];
        assert_eq!(Graph::new(4, &e).longest_path(&w), vec![0, 1]);
        let w = [Some(3.0), Some(3.0)];
        assert_eq!(Graph::new(2, &[]).longest_path(&w), vec![1]);
    }
}
