//! The dependency graph: resolving written references to ids, implicit phase order, and the
//! cycles and upstream/downstream sets of the edges (walked by [`crate::graph`]).
//!
//! Everything here is linear in the size of the graph and iterative (no recursion).

mod lookup;

use crate::graph::Graph;
use crate::model::{
    Ambiguous, Dependency, DependencyCycle, DependencyKind, Diagnostic, Roadmap, Unresolved,
};
use crate::parse::for_each_reference;
use crate::parse::{FastMap as HashMap, FastSet as HashSet};
use lookup::{Found, Lookup};

/// Who a dependency phrase belongs to: an index into the roadmap's items, phases or
/// sections.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Owner {
    /// `Roadmap::items[i]`.
    Item(usize),
    /// `Roadmap::phases[i]`.
    Phase(usize),
    /// `Roadmap::sections[i]`.
    Section(usize),
}

impl Owner {
    fn id(self, map: &Roadmap) -> &str {
        match self {
            Owner::Item(i) => map.items.get(i).map(|x| x.id.as_str()),
            Owner::Phase(i) => map.phases.get(i).map(|x| x.id.as_str()),
            Owner::Section(i) => map.sections.get(i).map(|x| x.id.as_str()),
        }
        .unwrap_or("")
    }
}

/// A dependency phrase found in the document, before resolution.
#[derive(Debug, Clone)]
pub(crate) struct Statement {
    /// The dependent item, phase or section.
    pub(crate) from: Owner,
    /// The reference list as written ("Phase 1, Phase 2", "{#db}", "Tasks 1.1–1.3"),
    /// split into references when it is resolved.
    pub(crate) references: String,
    /// 1-based line of the phrase.
    pub(crate) line: usize,
}

/// Resolves `statements` into edges on `map` (dependencies, `depends_on`, external
/// prerequisites, ambiguous references, diagnostics), adds phase-order edges, and reports
/// cycles.
pub(crate) fn resolve(map: &mut Roadmap, statements: Vec<Statement>) {
    let mut edges: Vec<Dependency> = Vec::new();
    let mut unresolved: Vec<Unresolved> = Vec::new();
    let mut ambiguous: Vec<Ambiguous> = Vec::new();
    let mut diagnostics: Vec<Diagnostic> = Vec::new();
    if !statements.is_empty() {
        let lookup = Lookup::new(map);
        let mut seen: HashSet<(&str, &str)> =
            HashSet::with_capacity_and_hasher(statements.len(), Default::default());
        edges.reserve(statements.len());
        let mut targets: Vec<&str> = Vec::new();
        for st in &statements {
            let from = st.from.id(map);
            let line = st.line;
            let known = |r: &str| lookup.knows(r);
            for_each_reference(&st.references, known, |reference| {
                match lookup.resolve(reference, &mut targets) {
                    Found::Targets => {}
                    Found::Ambiguous => {
                        let lines: Vec<String> = targets
                            .iter()
                            .filter_map(|t| lookup.line_of(t))
                            .map(|l| l.to_string())
                            .collect();
                        diagnostics.push(Diagnostic {
                            line,
                            message: format!(
                                "dependency \"{reference}\" matches {} things (lines {}); no edge made",
                                targets.len(),
                                lines.join(", ")
                            ),
                        });
                        ambiguous.push(Ambiguous {
                            text: reference.to_string(),
                            line,
                            from: Some(from.to_string()),
                            candidates: targets.iter().map(|t| t.to_string()).collect(),
                        });
                        return;
                    }
                    found @ (Found::External | Found::Broken) => {
                        let broken = found == Found::Broken;
                        if broken {
                            diagnostics.push(Diagnostic {
                                line,
                                message: format!(
                                    "dependency \"{reference}\" names something in this document, but nothing has that name"
                                ),
                            });
                        }
                        unresolved.push(Unresolved {
                            text: reference.to_string(),
                            line,
                            from: Some(from.to_string()),
                            external: !broken,
                        });
                        return;
                    }
                }
                for &to in &targets {
                    if to == from {
                        diagnostics.push(Diagnostic {
                            line,
                            message: format!("\"{reference}\" depends on itself; ignored"),
                        });
                        continue;
                    }
                    if !seen.insert((from, to)) {
                        continue;
                    }
                    edges.push(Dependency {
                        from: from.to_string(),
                        to: to.to_string(),
                        kind: DependencyKind::Explicit,
                        line,
                        text: reference.to_string(),
                    });
                }
            });
        }
    }
    map.dependencies.extend(edges);
    map.unresolved.extend(unresolved);
    map.ambiguous.extend(ambiguous);
    map.diagnostics.extend(diagnostics);
    // Phase order within each track, where nothing written contradicts it (the rule lives
    // with the schedule: `schedule::implicit_order`).
    let order_edges = {
        let explicit_from: HashSet<&str> =
            map.dependencies.iter().map(|d| d.from.as_str()).collect();
        crate::schedule::implicit_order(&map.phases, |id| explicit_from.contains(id))
    };
    map.dependencies.extend(order_edges);
    // depends_on lists: plan with borrowed ids, then apply.
    enum Owner {
        Item(usize),
        Phase(usize),
    }
    let plan: Vec<(Owner, usize)> = {
        let item_index: HashMap<&str, usize> = map
            .items
            .iter()
            .enumerate()
            .map(|(i, it)| (it.id.as_str(), i))
            .collect();
        let phase_index: HashMap<&str, usize> = map
            .phases
            .iter()
            .enumerate()
            .map(|(i, p)| (p.id.as_str(), i))
            .collect();
        map.dependencies
            .iter()
            .enumerate()
            .filter_map(|(k, d)| {
                if let Some(&i) = item_index.get(d.from.as_str()) {
                    Some((Owner::Item(i), k))
                } else {
                    phase_index
                        .get(d.from.as_str())
                        .map(|&i| (Owner::Phase(i), k))
                }
            })
            .collect()
    };
    for (owner, k) in plan {
        let Some(to) = map.dependencies.get(k).map(|d| d.to.clone()) else {
            continue;
        };
        let list = match owner {
            Owner::Item(i) => map.items.get_mut(i).map(|x| &mut x.depends_on),
            Owner::Phase(i) => map.phases.get_mut(i).map(|x| &mut x.depends_on),
        };
        // edges are already unique per (from, to)
        if let Some(list) = list {
            list.push(to);
        }
    }
    for cycle in find_cycles(&map.dependencies) {
        map.diagnostics.push(Diagnostic {
            line: cycle.line,
            message: format!("dependency cycle: {}", {
                let mut s = cycle.ids.join(" → ");
                if let Some(first) = cycle.ids.first() {
                    s.push_str(" → ");
                    s.push_str(first);
                }
                s
            }),
        });
        map.cycles.push(cycle);
    }
}

/// One thing the plan waits on outside the document ("Redis setup"), with every phrase that
/// names it.
#[derive(Debug, Clone, PartialEq)]
pub struct ExternalPrerequisite {
    /// The reference as first written.
    pub text: String,
    /// Who waits on it and where, in line order.
    pub needed_by: Vec<Waiting>,
}

/// Something that waits on an external prerequisite.
#[derive(Debug, Clone, PartialEq)]
pub struct Waiting {
    /// Id of the item, phase or section whose phrase names the prerequisite.
    pub id: Option<String>,
    /// Its name for display: the title (an item's without its dependency phrase).
    pub name: String,
    /// 1-based line of the phrase.
    pub line: usize,
}

/// The external prerequisites of `map` (its unresolved references with `external`), one per
/// name (case, markup and punctuation ignored), in order of first mention.
pub fn external_prerequisites(map: &Roadmap) -> Vec<ExternalPrerequisite> {
    let mut out: Vec<ExternalPrerequisite> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::default();
    let mut names: HashMap<&str, &str> = HashMap::default();
    if map.unresolved.iter().any(|u| u.external) {
        names.extend(
            map.sections
                .iter()
                .map(|x| (x.id.as_str(), x.title.as_str())),
        );
        names.extend(map.phases.iter().map(|x| (x.id.as_str(), x.title.as_str())));
        names.extend(
            map.items
                .iter()
                .map(|x| (x.id.as_str(), x.title.as_deref().unwrap_or(&x.text))),
        );
    }
    // an item is named without its dependency phrase ("Support rota", not "Support rota
    // (needs: Zendesk licence)")
    let name_of = |id: &str| -> String {
        let text = names.get(id).copied().unwrap_or("");
        let cut = crate::parse::first_dependency_phrase(text);
        crate::parse::without_dependencies_at(text, cut).to_string()
    };
    let mut refs: Vec<&Unresolved> = map.unresolved.iter().filter(|u| u.external).collect();
    refs.sort_by_key(|u| u.line);
    for u in refs {
        let key = crate::parse::normalize(&u.text);
        let k = *index.entry(key).or_insert_with(|| {
            out.push(ExternalPrerequisite {
                text: u.text.clone(),
                needed_by: Vec::new(),
            });
            out.len() - 1
        });
        if let Some(e) = out.get_mut(k) {
            e.needed_by.push(Waiting {
                id: u.from.clone(),
                name: u.from.as_deref().map(name_of).unwrap_or_default(),
                line: u.line,
            });
        }
    }
    out
}

/// The ids named by some edges, numbered in order of first appearance (each edge's `from`, then
/// its `to`), and those edges as a [`Graph`].
struct Numbered<'m> {
    /// Id → node.
    node: HashMap<&'m str, usize>,
    /// Node → id.
    ids: Vec<&'m str>,
    /// The edges `from → to`, as nodes, in the order given.
    pairs: Vec<(usize, usize)>,
}

impl<'m> Numbered<'m> {
    fn new(edges: &'m [Dependency]) -> Self {
        let mut node: HashMap<&str, usize> = HashMap::default();
        let mut ids: Vec<&str> = Vec::new();
        let mut number = |s: &'m str| {
            *node.entry(s).or_insert_with(|| {
                ids.push(s);
                ids.len() - 1
            })
        };
        let pairs = edges
            .iter()
            .map(|d| (number(d.from.as_str()), number(d.to.as_str())))
            .collect();
        Numbered { node, ids, pairs }
    }

    /// The ids of `nodes`.
    fn named(&self, nodes: &[usize]) -> Vec<String> {
        nodes
            .iter()
            .filter_map(|&v| self.ids.get(v).map(|s| s.to_string()))
            .collect()
    }
}

/// The dependency cycles among `edges` (strongly connected components of more than one id),
/// each with the first line of an edge inside it.
pub fn find_cycles(edges: &[Dependency]) -> Vec<DependencyCycle> {
    let numbered = Numbered::new(edges);
    let n = numbered.ids.len();
    let cycles = Graph::new(n, &numbered.pairs).cycles();
    // The first line of an edge inside each cycle: one pass over the edges.
    let mut cycle_of: Vec<Option<usize>> = vec![None; n];
    for (c, cycle) in cycles.iter().enumerate() {
        for &v in cycle {
            if let Some(slot) = cycle_of.get_mut(v) {
                *slot = Some(c);
            }
        }
    }
    let mut line: Vec<Option<usize>> = vec![None; cycles.len()];
    for (&(a, b), d) in numbered.pairs.iter().zip(edges) {
        let inside = cycle_of
            .get(a)
            .copied()
            .flatten()
            .filter(|&c| cycle_of.get(b).copied().flatten() == Some(c));
        if let Some(l) = inside.and_then(|c| line.get_mut(c)) {
            *l = Some(l.map_or(d.line, |l| l.min(d.line)));
        }
    }
    cycles
        .iter()
        .zip(line)
        .map(|(cycle, line)| DependencyCycle {
            ids: numbered.named(cycle),
            line: line.unwrap_or(0),
        })
        .collect()
}

/// Everything `id` depends on, directly or through others (breadth-first, nearest first).
pub fn upstream_of(map: &Roadmap, id: &str) -> Vec<String> {
    let numbered = Numbered::new(&map.dependencies);
    walk(&numbered, id, Graph::new)
}

/// Everything that depends on `id`, directly or through others.
pub fn downstream_of(map: &Roadmap, id: &str) -> Vec<String> {
    let numbered = Numbered::new(&map.dependencies);
    walk(&numbered, id, Graph::reversed)
}

/// The ids reachable from `id` in the graph `build` makes of the edges.
fn walk(
    numbered: &Numbered<'_>,
    id: &str,
    build: fn(usize, &[(usize, usize)]) -> Graph,
) -> Vec<String> {
    let Some(&start) = numbered.node.get(id) else {
        return Vec::new();
    };
    let graph = build(numbered.ids.len(), &numbered.pairs);
    numbered.named(&graph.reachable(start))
}
