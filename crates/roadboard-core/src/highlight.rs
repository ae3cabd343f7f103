//! Dependency highlighting and readiness over a precomputed index graph: what a selected
//! item, phase or section waits on (upstream), what waits on it (downstream), and which open
//! items are ready or blocked. Everything is linear in nodes + edges (the walks are
//! [`crate::graph`]'s), so a 5,000-item, 10,000-edge roadmap updates within a frame.

use crate::graph::Graph;
use crate::model::{DependencyKind, Roadmap};
use crate::parse::FastMap;
use std::collections::HashMap;

/// How an item relates to the current selection.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Role {
    /// The selected item, or an item of the selected phase/section.
    Selected,
    /// Something the selection depends on, directly or transitively.
    Upstream,
    /// Something that depends on the selection, directly or transitively.
    Downstream,
}

impl Role {
    /// The value of the `data-highlight` attribute.
    pub fn key(self) -> &'static str {
        match self {
            Role::Selected => "selected",
            Role::Upstream => "upstream",
            Role::Downstream => "downstream",
        }
    }
}

/// The dependency graph over every id in a roadmap (items, phases, sections), by index.
#[derive(Debug, Clone, Default)]
pub struct DepGraph {
    /// Id → node (a fast hash: built from every item, phase, section and edge of a 5,000-item
    /// roadmap while it opens).
    node: FastMap<String, usize>,
    /// Node → its id.
    ids: Vec<String>,
    /// Node → prerequisites (edges `from → to`).
    prereq: Graph,
    /// Node → dependents (the same edges turned around).
    dependents: Graph,
    /// Node → item indices it stands for (an item: itself; a phase or section: its items).
    members: Vec<Vec<usize>>,
    /// Item index → node.
    item_node: Vec<usize>,
    /// Node → display name (item title or text, phase or section title).
    names: Vec<String>,
}

impl DepGraph {
    /// Build the graph from a roadmap's dependency edges.
    pub fn new(map: &Roadmap) -> Self {
        let mut g = DepGraph::default();
        g.names
            .reserve(map.items.len() + map.phases.len() + map.sections.len());
        for (i, item) in map.items.iter().enumerate() {
            let n = g.intern(&item.id);
            g.name(n, item.title.as_deref().unwrap_or(&item.text));
            g.item_node.push(n);
            if let Some(m) = g.members.get_mut(n) {
                m.push(i);
            }
        }
        let item_pos: HashMap<&str, usize> = map.item_positions();
        for phase in &map.phases {
            let n = g.intern(&phase.id);
            g.name(n, &phase.title);
            let items: Vec<usize> = phase
                .items
                .iter()
                .filter_map(|id| item_pos.get(id.as_str()).copied())
                .collect();
            if let Some(m) = g.members.get_mut(n) {
                m.extend(items);
            }
        }
        // Sections stand for the items directly in them and in their sub-sections.
        let section_pos: HashMap<&str, usize> = map
            .sections
            .iter()
            .enumerate()
            .map(|(i, s)| (s.id.as_str(), i))
            .collect();
        let mut section_items: Vec<Vec<usize>> = vec![Vec::new(); map.sections.len()];
        for (i, item) in map.items.iter().enumerate() {
            let mut cur = item
                .section
                .as_deref()
                .and_then(|s| section_pos.get(s).copied());
            let mut guard = 0;
            while let Some(s) = cur {
                if let Some(list) = section_items.get_mut(s) {
                    list.push(i);
                }
                guard += 1;
                if guard > map.sections.len() {
                    break;
                }
                cur = map
                    .sections
                    .get(s)
                    .and_then(|sec| sec.parent.as_deref())
                    .and_then(|p| section_pos.get(p).copied());
            }
        }
        for (s, items) in map.sections.iter().zip(section_items) {
            if g.node.contains_key(&s.id) {
                continue; // a phase with the same id already stands for these items
            }
            let n = g.intern(&s.id);
            g.name(n, &s.title);
            if let Some(m) = g.members.get_mut(n) {
                m.extend(items);
            }
        }
        let mut edges: Vec<(usize, usize)> = Vec::with_capacity(map.dependencies.len());
        for d in &map.dependencies {
            let a = g.intern(&d.from);
            let b = g.intern(&d.to);
            if a != b {
                edges.push((a, b));
            }
        }
        g.prereq = Graph::new(g.ids.len(), &edges);
        g.dependents = Graph::reversed(g.ids.len(), &edges);
        g
    }

    fn intern(&mut self, id: &str) -> usize {
        if let Some(n) = self.node.get(id) {
            return *n;
        }
        let n = self.ids.len();
        self.node.insert(id.to_string(), n);
        self.ids.push(id.to_string());
        self.members.push(Vec::new());
        self.names.push(String::new());
        n
    }

    fn name(&mut self, n: usize, name: &str) {
        if let Some(slot) = self.names.get_mut(n) {
            if slot.is_empty() {
                *slot = name.to_string();
            }
        }
    }

    /// The display name of an id known to the graph (else the id itself).
    pub fn name_of<'a>(&'a self, id: &'a str) -> &'a str {
        self.node
            .get(id)
            .and_then(|n| self.names.get(*n))
            .filter(|s| !s.is_empty())
            .map_or(id, String::as_str)
    }

    /// Ids `id` depends on, transitively, nearest first.
    pub fn upstream_of(&self, id: &str) -> Vec<&str> {
        self.node
            .get(id)
            .map_or_else(Vec::new, |n| self.names(self.prereq.reachable(*n)))
    }

    /// Ids that depend on `id`, transitively, nearest first.
    pub fn downstream_of(&self, id: &str) -> Vec<&str> {
        self.node
            .get(id)
            .map_or_else(Vec::new, |n| self.names(self.dependents.reachable(*n)))
    }

    fn names(&self, nodes: Vec<usize>) -> Vec<&str> {
        nodes
            .into_iter()
            .filter_map(|n| self.ids.get(n).map(String::as_str))
            .collect()
    }

    /// For every item, its role relative to the selected id (`None`: not related).
    /// The selection wins over upstream, upstream over downstream (cycles put a node in both).
    pub fn roles(&self, selected: &str, item_count: usize) -> Vec<Option<Role>> {
        let mut roles = vec![None; item_count];
        let Some(&sel) = self.node.get(selected) else {
            return roles;
        };
        let mark = |nodes: &[usize], role: Role, roles: &mut Vec<Option<Role>>| {
            for &n in nodes {
                for &i in self.members.get(n).map(Vec::as_slice).unwrap_or(&[]) {
                    if let Some(r) = roles.get_mut(i) {
                        if r.is_none() {
                            *r = Some(role);
                        }
                    }
                }
            }
        };
        mark(&[sel], Role::Selected, &mut roles);
        mark(&self.prereq.reachable(sel), Role::Upstream, &mut roles);
        mark(
            &self.dependents.reachable(sel),
            Role::Downstream,
            &mut roles,
        );
        roles
    }

    /// The role of every id (item, phase or section) relative to the selection; for views
    /// that draw phases (the timeline).
    pub fn node_roles(&self, selected: &str) -> HashMap<&str, Role> {
        let mut out = HashMap::new();
        let Some(&sel) = self.node.get(selected) else {
            return out;
        };
        if let Some(id) = self.ids.get(sel) {
            out.insert(id.as_str(), Role::Selected);
        }
        for (nodes, role) in [
            (self.prereq.reachable(sel), Role::Upstream),
            (self.dependents.reachable(sel), Role::Downstream),
        ] {
            for n in nodes {
                if let Some(id) = self.ids.get(n) {
                    out.entry(id.as_str()).or_insert(role);
                }
            }
        }
        out
    }

    /// Whether a node is done: an item when ticked; a phase or section when it has items and
    /// all are ticked.
    fn node_done(&self, n: usize, ticked: &dyn Fn(usize) -> bool) -> bool {
        let members = self.members.get(n).map(Vec::as_slice).unwrap_or(&[]);
        !members.is_empty() && members.iter().all(|&i| ticked(i))
    }

    /// The names of the open direct prerequisites of item `i`, in the order written.
    pub fn open_prerequisite_names(&self, i: usize, ticked: &dyn Fn(usize) -> bool) -> Vec<&str> {
        self.open_prerequisites(i, ticked)
            .into_iter()
            .map(|id| self.name_of(id))
            .collect()
    }

    /// The open direct prerequisites of item `i` (their ids), in the order written.
    pub fn open_prerequisites(&self, i: usize, ticked: &dyn Fn(usize) -> bool) -> Vec<&str> {
        let Some(&n) = self.item_node.get(i) else {
            return Vec::new();
        };
        self.prereq
            .successors(n)
            .iter()
            .filter(|&&p| !self.node_done(p, ticked))
            .filter_map(|&p| self.ids.get(p).map(String::as_str))
            .collect()
    }

    /// How many direct prerequisites item `i` has.
    pub fn prerequisite_count(&self, i: usize) -> usize {
        self.item_node
            .get(i)
            .map_or(0, |&n| self.prereq.successors(n).len())
    }

    /// The direct prerequisites and the direct dependents of `id` (ids, in the order the edges
    /// were written); both empty for an id outside the graph.
    pub fn direct(&self, id: &str) -> (Vec<&str>, Vec<&str>) {
        let Some(&n) = self.node.get(id) else {
            return (Vec::new(), Vec::new());
        };
        let ids = |g: &Graph| -> Vec<&str> {
            g.successors(n)
                .iter()
                .filter_map(|&p| self.ids.get(p).map(String::as_str))
                .collect()
        };
        (ids(&self.prereq), ids(&self.dependents))
    }

    /// Whether item `i` can be worked on now: open, and every prerequisite done.
    pub fn is_ready(&self, i: usize, ticked: &dyn Fn(usize) -> bool) -> bool {
        !ticked(i) && self.open_prerequisites(i, ticked).is_empty()
    }
}

/// One line of the "what roadboard understood" panel.
#[derive(Debug, Clone, PartialEq)]
pub struct EdgeReport {
    /// The dependent's name.
    pub from: String,
    /// The prerequisite's name.
    pub to: String,
    /// The phrase as written (empty for phase order).
    pub text: String,
    /// Implied by phase order rather than written.
    pub implicit: bool,
    /// 1-based line.
    pub line: usize,
}

/// Every edge, named (through the graph's name table: linear in edges), in line order.
pub fn edge_report(map: &Roadmap, graph: &DepGraph) -> Vec<EdgeReport> {
    let mut out: Vec<EdgeReport> = map
        .dependencies
        .iter()
        .map(|d| EdgeReport {
            from: graph.name_of(&d.from).to_string(),
            to: graph.name_of(&d.to).to_string(),
            text: d.text.clone(),
            implicit: d.kind == DependencyKind::PhaseOrder,
            line: d.line,
        })
        .collect();
    out.sort_by_key(|e| e.line);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const CHAIN: &str = "# Chain\n\n## Work\n\n- [ ] A\n- [ ] B (depends on: A)\n- [ ] C (depends on: B)\n- [ ] D (depends on: C)\n- [ ] E\n";

    fn by_text<'a>(map: &'a Roadmap, t: &str) -> (usize, &'a str) {
        map.items
            .iter()
            .enumerate()
            .find(|(_, i)| i.text.starts_with(t))
            .map(|(n, i)| (n, i.id.as_str()))
            .expect(t)
    }

    #[test]
    fn chain_roles() {
        let map = crate::parse(CHAIN);
        let g = DepGraph::new(&map);
        let (_, b) = by_text(&map, "B");
        let roles = g.roles(b, map.items.len());
        let role = |t: &str| roles[by_text(&map, t).0];
        assert_eq!(role("A"), Some(Role::Upstream));
        assert_eq!(role("B"), Some(Role::Selected));
        assert_eq!(role("C"), Some(Role::Downstream));
        assert_eq!(role("D"), Some(Role::Downstream));
        assert_eq!(role("E"), None);
        assert_eq!(g.upstream_of(by_text(&map, "D").1).len(), 3);
    }

    #[test]
    fn readiness_follows_ticks() {
        let map = crate::parse(CHAIN);
        let g = DepGraph::new(&map);
        let (a, _) = by_text(&map, "A");
        let (b, _) = by_text(&map, "B");
        let none = |_: usize| false;
        assert!(g.is_ready(a, &none));
        assert!(!g.is_ready(b, &none));
        assert_eq!(g.open_prerequisites(b, &none).len(), 1);
        assert_eq!(g.open_prerequisite_names(b, &none), vec!["A"]);
        let a_done = move |i: usize| i == a;
        assert!(g.is_ready(b, &a_done));
        assert!(!g.is_ready(a, &a_done), "done items are not 'ready'");
    }

    #[test]
    fn diamonds_cycles_and_self_references() {
        let doc = "# D\n\n- [ ] Top\n- [ ] Left (depends on: Top)\n- [ ] Right (depends on: Top)\n- [ ] Bottom (depends on: Left, Right)\n- [ ] X (depends on: Y)\n- [ ] Y (depends on: X)\n- [ ] Z (depends on: Z)\n";
        let map = crate::parse(doc);
        let g = DepGraph::new(&map);
        let up = g.upstream_of(by_text(&map, "Bottom").1);
        assert_eq!(up.len(), 3, "diamond: top counted once: {up:?}");
        let roles = g.roles(by_text(&map, "X").1, map.items.len());
        assert_eq!(
            roles[by_text(&map, "Y").0],
            Some(Role::Upstream),
            "cycle: upstream wins"
        );
        let z = by_text(&map, "Z");
        assert!(g.upstream_of(z.1).is_empty());
        assert!(
            g.is_ready(z.0, &|_| false),
            "a self-reference does not block"
        );
    }

    #[test]
    fn phases_stand_for_their_items() {
        let doc = "# P\n\n## Phase 1: Build (Week 1)\n- [ ] build it\n\n## Phase 2: Ship (Week 2)\n- [ ] ship it\n";
        let map = crate::parse(doc);
        let g = DepGraph::new(&map);
        let p2 = map
            .phases
            .iter()
            .find(|p| p.title.contains("Ship"))
            .expect("phase 2");
        let roles = g.roles(&p2.id, map.items.len());
        assert_eq!(roles[by_text(&map, "ship").0], Some(Role::Selected));
        assert_eq!(
            roles[by_text(&map, "build").0],
            Some(Role::Upstream),
            "phase order edge"
        );
        let nr = g.node_roles(&p2.id);
        assert_eq!(nr.len(), 2);
        let report = edge_report(&map, &g);
        assert!(report.iter().any(|e| e.implicit));
    }

    #[test]
    fn linear_on_a_big_graph() {
        // 5,000 items, ~10,000 edges: roles of the middle item touch every node once.
        let mut doc = String::from("# Big\n\n");
        for i in 0..5000usize {
            let deps: Vec<String> = [i.checked_sub(1), i.checked_sub(7)]
                .into_iter()
                .flatten()
                .map(|d| format!("T{d}"))
                .collect();
            if deps.is_empty() {
                doc.push_str(&format!("- [ ] T{i}\n"));
            } else {
                doc.push_str(&format!("- [ ] T{i} (depends on: {})\n", deps.join(", ")));
            }
        }
        let map = crate::parse(&doc);
        assert!(map.dependencies.len() > 9_900, "{}", map.dependencies.len());
        let g = DepGraph::new(&map);
        let mid = &map.items[2500].id;
        let roles = g.roles(mid, map.items.len());
        assert_eq!(
            roles.iter().filter(|r| **r == Some(Role::Upstream)).count(),
            2500
        );
        assert_eq!(
            roles
                .iter()
                .filter(|r| **r == Some(Role::Downstream))
                .count(),
            2499
        );
    }
}
